//! The cache of fetched sources, under `.factcheck/cache` by default.
//!
//! Layout: `bodies/ab/abcd...` holds each payload as received (content
//! encoding included, so it can be archived) under the SHA-256 of its bytes;
//! `urls/<sha256 of the URL>.json` holds what led to it: the URL, every hop
//! (redirects, then the final response) with status, headers and fetch time.
//! Every file is written to a temporary name in its directory and renamed, so
//! two runs at once never see half a file, and a body whose bytes no longer
//! match its name is ignored. Only successes are stored.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use bytes::Bytes;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::hex;
use super::http::{Exchange, Validators};

/// The cache directory.
pub(crate) struct Cache {
    dir: PathBuf,
}

/// A cached source.
pub(crate) struct Entry {
    /// The redirects, then the final response.
    pub chain: Vec<Exchange>,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    version: u32,
    url: String,
    final_url: String,
    hops: Vec<Hop>,
}

#[derive(Serialize, Deserialize)]
struct Hop {
    url: String,
    status: u16,
    headers: Vec<(String, String)>,
    request_headers: Vec<(String, String)>,
    /// RFC 3339.
    fetched_at: String,
    /// SHA-256 of the payload, the name of its file under `bodies/`.
    body: String,
}

const VERSION: u32 = 1;

impl Cache {
    pub(crate) fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    fn meta_path(&self, url: &str) -> PathBuf {
        let key = hex(&Sha256::digest(url.as_bytes()));
        self.dir.join("urls").join(format!("{key}.json"))
    }

    fn body_path(&self, hash: &str) -> PathBuf {
        let prefix = hash.get(..2).unwrap_or("00");
        self.dir.join("bodies").join(prefix).join(hash)
    }

    /// The cached chain for `url`, if there is a whole, intact one.
    pub(crate) fn get(&self, url: &str) -> Option<Entry> {
        let json = fs::read(self.meta_path(url)).ok()?;
        let meta: Meta = serde_json::from_slice(&json).ok()?;
        if meta.version != VERSION || meta.url != url {
            return None;
        }
        let mut chain = Vec::with_capacity(meta.hops.len());
        for hop in meta.hops {
            let body = fs::read(self.body_path(&hop.body)).ok()?;
            if hex(&Sha256::digest(&body)) != hop.body {
                return None;
            }
            chain.push(Exchange {
                url: hop.url,
                status: hop.status,
                headers: hop.headers,
                request_headers: hop.request_headers,
                body: Bytes::from(body),
                fetched_at: hop.fetched_at.parse().ok()?,
            });
        }
        (!chain.is_empty()).then_some(Entry { chain })
    }

    /// Stores a chain ending in a readable body. A cache that cannot be written
    /// costs the next run a fetch, never this run its result: errors are dropped.
    pub(crate) fn put(&self, url: &str, chain: &[Exchange]) {
        let _ = self.try_put(url, chain);
    }

    fn try_put(&self, url: &str, chain: &[Exchange]) -> io::Result<()> {
        let mut hops = Vec::with_capacity(chain.len());
        for exchange in chain {
            let hash = hex(&Sha256::digest(&exchange.body));
            let path = self.body_path(&hash);
            if !path.exists() {
                write_atomic(&path, &exchange.body)?;
            }
            hops.push(Hop {
                url: exchange.url.clone(),
                status: exchange.status,
                headers: exchange.headers.clone(),
                request_headers: exchange.request_headers.clone(),
                fetched_at: exchange.fetched_at.to_string(),
                body: hash,
            });
        }
        let meta = Meta {
            version: VERSION,
            url: url.to_owned(),
            final_url: chain.last().map(|e| e.url.clone()).unwrap_or_default(),
            hops,
        };
        let json = serde_json::to_vec_pretty(&meta).map_err(io::Error::other)?;
        // Mark the directory so backup tools skip it (as cargo's target/ is).
        let tag = self.dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            write_atomic(
                &tag,
                b"Signature: 8a477f597d28d172789f06886806bc55\n# The factcheck cache of fetched sources.\n",
            )?;
        }
        // And git: the cache never shows up in `git status` (spec, "Freshness").
        let ignore = self.dir.join(".gitignore");
        if !ignore.exists() {
            write_atomic(
                &ignore,
                b"# The factcheck cache of fetched sources: never committed.\n*\n",
            )?;
        }
        write_atomic(&self.meta_path(url), &json)
    }
}

impl Entry {
    /// How long ago the final response was fetched.
    pub(crate) fn age(&self) -> Duration {
        let fetched = self
            .chain
            .last()
            .map_or(Timestamp::UNIX_EPOCH, |e| e.fetched_at);
        let age = Timestamp::now().duration_since(fetched);
        Duration::try_from(age).unwrap_or(Duration::ZERO)
    }

    /// What to send to ask whether the final response changed.
    pub(crate) fn validators(&self) -> Validators {
        let last = self.chain.last();
        Validators {
            url: last.map(|e| e.url.clone()).unwrap_or_default(),
            etag: last.and_then(|e| e.header("etag")).map(str::to_owned),
            last_modified: last
                .and_then(|e| e.header("last-modified"))
                .map(str::to_owned),
        }
    }

    /// The chain after a 304: the new redirects, then the cached final
    /// response, now as fresh as the 304.
    pub(crate) fn revalidated(self, mut hops: Vec<Exchange>) -> Vec<Exchange> {
        let not_modified = hops.pop();
        let mut chain = self.chain;
        if let (Some(mut last), Some(not_modified)) = (chain.pop(), not_modified) {
            last.fetched_at = not_modified.fetched_at;
            hops.push(last);
        }
        hops
    }
}

/// Writes `bytes` to `path` whole or not at all ([`crate::atomic::write`]:
/// temp file, rename, removed on Ctrl-C), creating its directory first.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    crate::atomic::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exchange(url: &str, status: u16, body: &'static [u8]) -> Exchange {
        Exchange {
            url: url.into(),
            status,
            headers: vec![("etag".into(), "\"v1\"".into())],
            request_headers: Vec::new(),
            body: Bytes::from_static(body),
            fetched_at: Timestamp::now(),
        }
    }

    #[test]
    fn a_chain_round_trips_and_a_damaged_body_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().join("cache"));
        let url = "https://example.org/a";
        assert!(cache.get(url).is_none());
        let chain = vec![
            exchange(url, 301, b""),
            exchange("https://example.org/b", 200, b"<p>hello"),
        ];
        cache.put(url, &chain);
        let entry = cache.get(url).unwrap();
        assert_eq!(entry.chain, chain);
        assert!(entry.age() < Duration::from_secs(60));
        let validators = entry.validators();
        assert_eq!(validators.url, "https://example.org/b");
        assert_eq!(validators.etag.as_deref(), Some("\"v1\""));

        let hash = hex(&Sha256::digest(b"<p>hello"));
        fs::write(cache.body_path(&hash), b"<p>tampered").unwrap();
        assert!(cache.get(url).is_none());
    }

    #[test]
    fn revalidation_keeps_the_body_and_takes_the_new_time() {
        let old = Entry {
            chain: vec![exchange("https://example.org/b", 200, b"body")],
        };
        let mut not_modified = exchange("https://example.org/b", 304, b"");
        not_modified.fetched_at = Timestamp::UNIX_EPOCH;
        let chain = old.revalidated(vec![not_modified]);
        assert_eq!(chain.len(), 1);
        assert_eq!(chain[0].status, 200);
        assert_eq!(&chain[0].body[..], b"body");
        assert_eq!(chain[0].fetched_at, Timestamp::UNIX_EPOCH);
    }
}
