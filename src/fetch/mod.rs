//! Fetching sources: the edge between the claim files and the pure text stage.
//!
//! Given the sources of a run (`claims::Location`s: URLs and local paths), this
//! module reads each unique one once and hands back either a [`Document`]
//! (final URL, media type and the text decoded from its charset) or an
//! [`Unreachable`] with a reason an editor can act on. It does not split text
//! into sentences (that is `text`) and it never prints: progress goes through a
//! callback the CLI supplies.
//!
//! Where a source comes from, in the spec's order (../shared/spec/cli.md): a
//! WARC archive given with `--replay`, then the cache, then the network. Every
//! limit has a default exported here as a constant so the CLI and the library
//! cannot drift:
//!
//! - [`DEFAULT_CONCURRENCY`] requests at once, at most [`DEFAULT_PER_HOST`] to
//!   one host;
//! - [`DEFAULT_TIMEOUT`] for one whole request, its connect and idle (no byte
//!   received) time-outs fixed fractions of it ([`Settings::connect_timeout`],
//!   [`Settings::idle_timeout`]);
//! - [`MAX_REDIRECTS`] redirects;
//! - [`DEFAULT_MAX_SIZE`] bytes of body, counted while the payload streams in
//!   and again while its content encoding is undone (a gzip bomb stops at the
//!   cap, not when memory runs out);
//! - [`DEFAULT_RETRIES`] retries on 408, 429, 5xx and broken connections, with
//!   exponential backoff and jitter, honouring `Retry-After` up to
//!   [`DEFAULT_RETRY_AFTER_CAP`].
//!
//! Payloads are kept as received (content encoding included) in the cache and
//! in WARC archives, so what an editor archives is what the server sent.
//!
//! ```no_run
//! use factcheck::claims::Location;
//! use factcheck::fetch::{self, Settings};
//!
//! let sources = [Location::Url("https://example.org/report".into())];
//! let settings = Settings::default(); // the CLI builds it from SourceArgs
//! for (source, outcome) in fetch::fetch_all(&settings, &sources)? {
//!     match outcome {
//!         Ok(doc) => println!("{source:?}: {} bytes of {:?}", doc.text.len(), doc.media),
//!         Err(unreachable) => println!("{source:?}: unreachable: {unreachable}"),
//!     }
//! }
//! # Ok::<(), fetch::Error>(())
//! ```

mod cache;
mod decode;
mod http;
mod warc;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::claims::Location;
use crate::text::Media;

pub use decode::document_from_bytes;

/// Reads a WARC archive's bytes (`.warc` or `.warc.gz`) as `--replay` does,
/// and follows every URL it holds through the archive's redirects: how many
/// responses it holds, or why it cannot be read. For the fuzz target and the
/// corpus replay test, which must reach the reader from outside the crate.
#[doc(hidden)]
pub fn read_warc(bytes: &[u8]) -> Result<usize, String> {
    let mut index = warc::Index::default();
    index.load_from(bytes)?;
    for url in index.urls() {
        if let Ok(url) = url::Url::parse(&url) {
            let _ = index.chain(&url);
        }
    }
    Ok(index.len())
}

/// Requests in flight at once, over all hosts.
pub const DEFAULT_CONCURRENCY: usize = 16;
/// Requests in flight at once to one host: polite to small newsroom servers.
pub const DEFAULT_PER_HOST: usize = 2;
/// The bound on one whole request (connect, headers and body).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The connect time-out is this fraction (1/n) of `--timeout`.
pub const CONNECT_TIMEOUT_DIVISOR: u32 = 3;
/// The idle time-out (no byte received) is this fraction (1/n) of `--timeout`.
pub const IDLE_TIMEOUT_DIVISOR: u32 = 2;
/// Redirects followed before a source is unreachable.
pub const MAX_REDIRECTS: usize = 10;
/// The largest body read, before and after its content encoding is undone.
pub const DEFAULT_MAX_SIZE: u64 = 20_000_000;
/// Retries after the first attempt, on 408, 429, 5xx and broken connections.
pub const DEFAULT_RETRIES: u32 = 3;
/// The first backoff; each retry doubles it, plus up to as much again of jitter.
pub const DEFAULT_BACKOFF: Duration = Duration::from_millis(500);
/// The longest `Retry-After` honoured; a server asking for more gets this.
pub const DEFAULT_RETRY_AFTER_CAP: Duration = Duration::from_secs(60);
/// How long a cached source is used without asking the server again: by
/// default not at all (spec, "Freshness"): every cached source is revalidated
/// with a conditional request, so an unchanged page costs a 304 and a
/// changed one is seen at once. `--max-age` opts into staleness.
pub const DEFAULT_MAX_AGE: Duration = Duration::ZERO;

/// The user agent: factcheck, its version and its home page, so a site owner
/// who sees it in a log knows what it is and where to ask.
#[must_use]
pub fn default_user_agent() -> String {
    format!(
        "factcheck/{} (+{})",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_HOMEPAGE")
    )
}

/// How sources are fetched: plain values, built once by the CLI from its
/// arguments and `factcheck.toml`, and by tests directly.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Requests in flight at once, over all hosts (at least 1).
    pub concurrency: usize,
    /// Requests in flight at once to one host (at least 1).
    pub per_host: usize,
    /// The bound on one whole request; connect and idle time-outs derive from it.
    pub timeout: Duration,
    /// Retries after the first attempt.
    pub retries: u32,
    /// The first backoff between attempts.
    pub backoff: Duration,
    /// The longest `Retry-After` honoured.
    pub retry_after_cap: Duration,
    /// The largest body read, in bytes, before and after decompression.
    pub max_size: u64,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// Never use the network: only the archives, the cache and local files.
    pub offline: bool,
    /// Ignore the cache when reading (what is fetched is still stored).
    pub refresh: bool,
    /// WARC files to serve sources from, in order: the first holding a URL wins.
    pub replay: Vec<PathBuf>,
    /// A WARC file to write every source the run used to.
    pub archive: Option<PathBuf>,
    /// The cache directory; `None` runs without a cache.
    pub cache_dir: Option<PathBuf>,
    /// How long a cached source is used before it is revalidated.
    pub max_age: Duration,
    /// Extra HTTP headers by host (lower-case, as in the URL), from
    /// `[headers."host"]` in `factcheck.toml`: a subscription cookie.
    pub headers: BTreeMap<String, Vec<(String, String)>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            concurrency: DEFAULT_CONCURRENCY,
            per_host: DEFAULT_PER_HOST,
            timeout: DEFAULT_TIMEOUT,
            retries: DEFAULT_RETRIES,
            backoff: DEFAULT_BACKOFF,
            retry_after_cap: DEFAULT_RETRY_AFTER_CAP,
            max_size: DEFAULT_MAX_SIZE,
            user_agent: default_user_agent(),
            offline: false,
            refresh: false,
            replay: Vec::new(),
            archive: None,
            cache_dir: None,
            max_age: DEFAULT_MAX_AGE,
            headers: BTreeMap::new(),
        }
    }
}

impl Settings {
    /// The connect time-out: a fixed fraction of `timeout`.
    #[must_use]
    pub fn connect_timeout(&self) -> Duration {
        self.timeout / CONNECT_TIMEOUT_DIVISOR
    }

    /// The idle time-out, the longest wait for the next bytes of a response: a
    /// server trickling a byte now and then cannot hold a run past `timeout`
    /// either, but this ends a stalled one sooner.
    #[must_use]
    pub fn idle_timeout(&self) -> Duration {
        self.timeout / IDLE_TIMEOUT_DIVISOR
    }
}

/// Where a source's text came from, as every report says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Fetched from its server in this run.
    Network,
    /// The cached copy, confirmed unchanged by its server in this run (a 304).
    Revalidated,
    /// The cached copy, not asked about (`--offline`, or within `--max-age`).
    Cache,
    /// A `--replay` archive.
    Replay,
    /// A local file (or stdin).
    File,
}

impl Origin {
    /// The name reports use.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Origin::Network => "network",
            Origin::Revalidated => "revalidated",
            Origin::Cache => "cache",
            Origin::Replay => "replay",
            Origin::File => "file",
        }
    }
}

/// A source that was read: its decoded text and where it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The URL asked for (a local path as a `file://` URL).
    pub url: String,
    /// The URL the text came from, after redirects.
    pub final_url: String,
    /// How the text is to be read.
    pub media: Media,
    /// The body, its content encoding undone and its charset decoded.
    pub text: String,
    /// The SHA-256 of `text` (UTF-8), lower-case hex: what evidence locks compare.
    pub sha256: String,
    /// Where the text came from.
    pub origin: Origin,
    /// When the text was read from its server or disk: for a cached copy,
    /// when it was fetched or last revalidated; for an archive, its record's date.
    pub read_at: jiff::Timestamp,
    /// The HTTP `Content-Language`, when the text came over HTTP (or from a
    /// cache or archive of it): one of the text stage's signs that a page is
    /// not in English.
    pub content_language: Option<String>,
}

impl Document {
    pub(crate) fn new(url: String, final_url: String, media: Media, text: String) -> Document {
        let sha256 = hex(&Sha256::digest(text.as_bytes()));
        Document {
            url,
            final_url,
            media,
            text,
            sha256,
            origin: Origin::File,
            read_at: jiff::Timestamp::now(),
            content_language: None,
        }
    }
}

/// Why a source could not be read, in words for the report ("HTTP 404 Not
/// Found", "timed out after 30 s", "too large: over 20 MB").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Unreachable {
    /// The reason, one line, no trailing full stop.
    pub reason: String,
}

impl Unreachable {
    pub(crate) fn new(reason: impl Into<String>) -> Unreachable {
        Unreachable {
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Unreachable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

/// What one source came to.
pub type Outcome = Result<Document, Unreachable>;

/// A failure of the run itself, not of one source (those are [`Unreachable`]):
/// the CLI turns it into exit code 2.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The HTTP client could not be built (a bad user agent or header).
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
    /// A `--replay` archive could not be read.
    #[error(
        "cannot read the archive {path}: {message}; check the path given to --replay (or `replay` in factcheck.toml)"
    )]
    Replay {
        /// The archive.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The `--archive` file could not be written.
    #[error(
        "cannot write the archive {path}: {source}; check that its directory exists and is writable, or choose another --archive"
    )]
    Archive {
        /// The archive.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The async runtime could not start.
    #[error("cannot start the async runtime")]
    Runtime(#[source] std::io::Error),
}

/// How many sources `fetch_all` will read for these locations (each unique
/// URL or path once): the length of a progress bar.
#[must_use]
pub fn unique_sources(sources: &[Location]) -> usize {
    sources
        .iter()
        .map(Key::of)
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// Fetches every source once and returns what each came to, keyed by the
/// locations given (a URL cited twice, or with two fragments, is read once).
/// Builds a tokio runtime for the call, so it must not be called from inside
/// one (it would panic there); from async code use [`Fetcher`].
pub fn fetch_all(
    settings: &Settings,
    sources: &[Location],
) -> Result<HashMap<Location, Outcome>, Error> {
    fetch_all_with(settings, sources, Arc::new(()))
}

/// As [`fetch_all`], telling `observer` how many sources there are and when
/// each starts and finishes: the CLI draws its progress with it (see
/// `cli::progress`).
pub fn fetch_all_with(
    settings: &Settings,
    sources: &[Location],
    observer: Arc<dyn Observer>,
) -> Result<HashMap<Location, Outcome>, Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Error::Runtime)?;
    runtime.block_on(async {
        let fetcher = Fetcher::new(settings.clone())?;
        let results = fetcher.fetch_all(sources, observer).await;
        fetcher.finish()?;
        Ok(results)
    })
}

/// What a fetch reports as it goes, for a progress display at the edge. The
/// fetcher only calls it; it keeps no clock for it and prints nothing. Every
/// method does nothing by default, and `()` observes nothing.
pub trait Observer: Send + Sync {
    /// The number of unique sources about to be read, once, first.
    fn planned(&self, _total: usize) {}
    /// A source's first request got its connection slot (the per-host and
    /// overall limits): it is now waiting on its server. Sources read from a
    /// file, the cache or an archive never start this way; retries and
    /// redirects of a source that started do not start it again.
    fn started(&self, _location: &Location) {}
    /// A source is done, read or unreachable; called once per unique source.
    fn finished(&self, _location: &Location, _outcome: &Outcome) {}
}

impl Observer for () {}

/// The source a fetch task is reading, so the request code deep below can
/// say when it started without every function passing it along.
struct Watched {
    observer: Arc<dyn Observer>,
    location: Location,
    started: std::sync::atomic::AtomicBool,
}

tokio::task_local! {
    static WATCHED: Watched;
}

/// Tells the observer of the current fetch task, once, that its source is
/// in flight (called when a request holds its connection slot).
pub(crate) fn mark_started() {
    let _ = WATCHED.try_with(|w| {
        if !w.started.swap(true, std::sync::atomic::Ordering::Relaxed) {
            w.observer.started(&w.location);
        }
    });
}

/// One run's fetcher: one HTTP client, the limits, the cache, the archives
/// replayed and the one being written. Cheap to share (`Arc` inside).
#[derive(Clone)]
pub struct Fetcher {
    inner: Arc<Inner>,
}

struct Inner {
    settings: Settings,
    client: reqwest::Client,
    global: Semaphore,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
    replay: warc::Index,
    cache: Option<cache::Cache>,
    /// The exchanges the run used, in the order they finished, for `--archive`.
    used: Mutex<Vec<Vec<http::Exchange>>>,
}

impl Fetcher {
    /// Builds the client and reads the `--replay` archives.
    pub fn new(settings: Settings) -> Result<Fetcher, Error> {
        let client = http::client(&settings).map_err(|e| Error::Client(e.to_string()))?;
        let mut replay = warc::Index::default();
        for path in &settings.replay {
            replay.load(path).map_err(|message| Error::Replay {
                path: path.clone(),
                message,
            })?;
        }
        let cache = settings.cache_dir.clone().map(cache::Cache::new);
        Ok(Fetcher {
            inner: Arc::new(Inner {
                global: Semaphore::new(settings.concurrency.max(1)),
                settings,
                client,
                hosts: Mutex::new(HashMap::new()),
                replay,
                cache,
                used: Mutex::new(Vec::new()),
            }),
        })
    }

    /// The settings this fetcher runs with.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    /// Fetches every unique source concurrently within the limits, telling
    /// `observer` as each starts and finishes.
    pub async fn fetch_all(
        &self,
        sources: &[Location],
        observer: Arc<dyn Observer>,
    ) -> HashMap<Location, Outcome> {
        // One read per unique key; every location maps to its key.
        let mut keys: Vec<(Location, Key)> = Vec::with_capacity(sources.len());
        let mut unique: BTreeMap<Key, Location> = BTreeMap::new();
        for location in sources {
            let key = Key::of(location);
            unique
                .entry(key.clone())
                .or_insert_with(|| location.clone());
            keys.push((location.clone(), key));
        }
        observer.planned(unique.len());
        let mut tasks = tokio::task::JoinSet::new();
        for (key, location) in unique {
            let fetcher = self.clone();
            let watched = Watched {
                observer: observer.clone(),
                location: location.clone(),
                started: std::sync::atomic::AtomicBool::new(false),
            };
            tasks.spawn(WATCHED.scope(watched, async move {
                let outcome = fetcher.fetch(&location).await;
                (key, location, outcome)
            }));
        }
        let mut done: HashMap<Key, Outcome> = HashMap::new();
        while let Some(joined) = tasks.join_next().await {
            // A task that panicked leaves its key missing; it is reported below.
            if let Ok((key, location, outcome)) = joined {
                observer.finished(&location, &outcome);
                done.insert(key, outcome);
            }
        }
        keys.into_iter()
            .map(|(location, key)| {
                let outcome = done.get(&key).cloned().unwrap_or_else(|| {
                    Err(Unreachable::new(
                        "internal error while fetching this source",
                    ))
                });
                (location, outcome)
            })
            .collect()
    }

    /// Fetches one source.
    pub async fn fetch(&self, location: &Location) -> Outcome {
        match location {
            Location::Path(path) => self.read_path(path).await,
            Location::Url(url) => self.fetch_url(url).await,
        }
    }

    async fn read_path(&self, path: &Path) -> Outcome {
        let max = self.inner.settings.max_size;
        let path = path.to_path_buf();
        let read = tokio::task::spawn_blocking(move || decode::read_file(&path, max)).await;
        read.unwrap_or_else(|_| Err(Unreachable::new("internal error while reading the file")))
    }

    async fn fetch_url(&self, raw: &str) -> Outcome {
        let url = match parse_url(raw) {
            Ok(url) => url,
            Err(reason) => return Err(reason),
        };
        if url.scheme() == "file" {
            return match url.to_file_path() {
                Ok(path) => self.read_path(&path).await,
                Err(()) => Err(Unreachable::new(format!("not a local file URL: {url}"))),
            };
        }
        let (chain, origin) = self.exchanges(&url).await?;
        // Reading a body (a PDF above all) is work for a blocking thread, not
        // for the runtime's workers that drive the other fetches.
        let max = self.inner.settings.max_size;
        let read_url = url.clone();
        let (outcome, chain) = tokio::task::spawn_blocking(move || {
            let outcome = decode::document(&read_url, &chain, max);
            (outcome, chain)
        })
        .await
        .map_err(|_| Unreachable::new("internal error while reading the source"))?;
        let outcome = outcome.map(|doc| Document {
            origin,
            read_at: chain.last().map_or(doc.read_at, |e| e.fetched_at),
            ..doc
        });
        if outcome.is_ok() {
            // Failures are never cached: only a chain ending in a readable
            // body, fresh from the server (a revalidated one with its new time).
            let fresh = matches!(origin, Origin::Network | Origin::Revalidated);
            if let (true, Some(cache)) = (fresh, &self.inner.cache) {
                cache.put(url.as_str(), &chain);
            }
            // Bodies are kept for the archive only when one is to be written.
            if self.inner.settings.archive.is_some()
                && let Ok(mut used) = self.inner.used.lock()
            {
                used.push(chain);
            }
        }
        outcome
    }

    /// The responses that lead to a source's body: redirects, then the final
    /// one, and where they came from. From the archives replayed, else the
    /// cache (asked about with a conditional request unless `--offline` or
    /// within `--max-age`), else the network.
    async fn exchanges(
        &self,
        url: &url::Url,
    ) -> Result<(Vec<http::Exchange>, Origin), Unreachable> {
        let inner = &self.inner;
        if let Some(chain) = inner.replay.chain(url) {
            return chain.map(|chain| (chain, Origin::Replay));
        }
        let cached = match (&inner.cache, inner.settings.refresh) {
            (Some(cache), false) => cache.get(url.as_str()),
            _ => None,
        };
        if let Some(entry) = &cached
            && (inner.settings.offline
                || (!inner.settings.max_age.is_zero() && entry.age() <= inner.settings.max_age))
        {
            return Ok((entry.chain.clone(), Origin::Cache));
        }
        if inner.settings.offline {
            return Err(Unreachable::new(
                "offline, and neither the cache nor the archives hold it",
            ));
        }
        let validators = cached.as_ref().map(cache::Entry::validators);
        // A server that cannot be asked leaves the source unreachable, even
        // with a cached copy: a gate must not pass on a page it could not
        // confirm. The reason says how to use the copy deliberately.
        let unused_copy = |e: Unreachable| match &cached {
            Some(entry) => Unreachable::new(format!(
                "{e}; a cached copy from {} ago was not used (--offline or --max-age use it)",
                human_age(entry.age())
            )),
            None => e,
        };
        let fetched = http::get(self, url, validators.as_ref())
            .await
            .map_err(unused_copy)?;
        if let http::Fetched::Full(hops) = &fetched
            && let Some(last) = hops.last()
            && !(200..300).contains(&last.status)
            && cached.is_some()
        {
            return Err(unused_copy(Unreachable::new(decode::status_reason(
                last.status,
            ))));
        }
        Ok(match (fetched, cached) {
            (http::Fetched::NotModified(hops), Some(entry)) => {
                (entry.revalidated(hops), Origin::Revalidated)
            }
            (http::Fetched::NotModified(hops) | http::Fetched::Full(hops), _) => {
                (hops, Origin::Network)
            }
        })
    }

    /// The per-host limit for `host`.
    fn host_permits(&self, host: &str) -> Arc<Semaphore> {
        let per_host = self.inner.settings.per_host.max(1);
        match self.inner.hosts.lock() {
            Ok(mut hosts) => hosts
                .entry(host.to_owned())
                .or_insert_with(|| Arc::new(Semaphore::new(per_host)))
                .clone(),
            // A poisoned map only means another task panicked; a fresh limit is safe.
            Err(_) => Arc::new(Semaphore::new(per_host)),
        }
    }

    /// Writes the `--archive` file, if one was asked for, with every source the
    /// run used. Call once, after the last fetch.
    pub fn finish(&self) -> Result<(), Error> {
        let Some(path) = &self.inner.settings.archive else {
            return Ok(());
        };
        let used = match self.inner.used.lock() {
            Ok(used) => used.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        warc::write(path, &used).map_err(|source| Error::Archive {
            path: path.clone(),
            source,
        })
    }
}

/// What makes two locations the same source: a URL as the `url` crate
/// serialises it, fragment dropped; a path as given (already absolute).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Url(String),
    Path(PathBuf),
}

impl Key {
    fn of(location: &Location) -> Key {
        match location {
            Location::Path(path) => Key::Path(path.clone()),
            Location::Url(raw) => match parse_url(raw) {
                Ok(url) => Key::Url(url.into()),
                Err(_) => Key::Url(raw.clone()),
            },
        }
    }
}

/// Parses a source URL as the spec compares them: WHATWG serialisation, no fragment.
pub(crate) fn parse_url(raw: &str) -> Result<url::Url, Unreachable> {
    let mut url = url::Url::parse(raw.trim())
        .map_err(|e| Unreachable::new(format!("not a valid URL ({e}): {raw}")))?;
    url.set_fragment(None);
    match url.scheme() {
        "http" | "https" | "file" => Ok(url),
        other => Err(Unreachable::new(format!(
            "unsupported URL scheme {other}: {raw}"
        ))),
    }
}

/// Lower-case hex of a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// A byte count as people read it: "20 MB", "512 kB", "900 bytes".
#[must_use]
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1_000_000 && bytes.is_multiple_of(1_000_000) {
        format!("{} MB", bytes / 1_000_000)
    } else if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1000 && bytes.is_multiple_of(1000) {
        format!("{} kB", bytes / 1000)
    } else {
        format!("{bytes} bytes")
    }
}

/// An age as people read it: "45 s", "12 min", "3 h", "2 days".
#[must_use]
pub fn human_age(d: Duration) -> String {
    let secs = d.as_secs();
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min", secs / 60),
        3600..86_400 => format!("{} h", secs / 3600),
        86_400..172_800 => "1 day".to_owned(),
        _ => format!("{} days", secs / 86_400),
    }
}

/// A duration as people read it in a reason: "30 s", "250 ms".
#[must_use]
pub fn human_duration(d: Duration) -> String {
    if d.as_millis().is_multiple_of(1000) {
        format!("{} s", d.as_secs())
    } else if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations_read_as_people_write_them() {
        let sizes = [
            (20_000_000, "20 MB"),
            (1_500_000, "1.5 MB"),
            (512_000, "512 kB"),
            (900, "900 bytes"),
        ];
        for (bytes, text) in sizes {
            assert_eq!(human_size(bytes), text);
        }
        let durations = [
            (Duration::from_secs(30), "30 s"),
            (Duration::from_millis(250), "250 ms"),
            (Duration::from_millis(1500), "1.5 s"),
        ];
        for (d, text) in durations {
            assert_eq!(human_duration(d), text);
        }
    }

    #[test]
    fn urls_are_one_source_whatever_their_fragment_or_case() {
        let cases = [
            ("https://Example.org/a#x", "https://example.org/a"),
            ("https://example.org:443", "https://example.org/"),
            ("HTTP://example.org/a?b=1#frag", "http://example.org/a?b=1"),
        ];
        for (raw, key) in cases {
            assert_eq!(
                Key::of(&Location::Url(raw.into())),
                Key::Url(key.into()),
                "{raw}"
            );
        }
        let sources = [
            Location::Url("https://example.org/a#x".into()),
            Location::Url("https://EXAMPLE.org/a".into()),
            Location::Path("/tmp/a".into()),
        ];
        assert_eq!(unique_sources(&sources), 2);
        assert!(parse_url("ftp://example.org/").is_err());
        assert!(parse_url("not a url").is_err());
    }

    #[test]
    fn time_outs_are_fractions_of_the_timeout() {
        let settings = Settings {
            timeout: Duration::from_secs(30),
            ..Settings::default()
        };
        assert_eq!(settings.connect_timeout(), Duration::from_secs(10));
        assert_eq!(settings.idle_timeout(), Duration::from_secs(15));
        assert!(default_user_agent().starts_with("factcheck/"));
    }
}
