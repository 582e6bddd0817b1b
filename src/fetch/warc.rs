//! WARC 1.1 archives: writing what a run read (`--archive`) and serving
//! sources from archives (`--replay`), ours or those of warcio and
//! `wget --warc-file`.
//!
//! Written by hand rather than with the `warc` crate: that crate brings its own
//! gzip (libflate), parser (nom) and date (chrono) stacks beside the flate2 and
//! jiff this project already has, and reading other tools' files needs care it
//! does not take (chunked payloads as received, `<...>` around target URIs in
//! WARC 1.0 files, LF-only line ends). The format is a few lines: a header
//! block, `Content-Length` bytes, two CRLFs; a `.warc.gz` is one gzip member
//! per record, which flate2's `MultiGzDecoder` reads as one stream.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;

use bytes::Bytes;
use flate2::Compression;
use flate2::write::GzEncoder;
use jiff::Timestamp;
use sha2::{Digest, Sha256};
use url::Url;

use super::cache::write_atomic;
use super::decode::status_reason;
use super::http::Exchange;
use super::{MAX_REDIRECTS, Unreachable};

/// The largest record block kept in memory. A larger one (a gzip bomb, or a
/// payload far past any `--max-size`) is read through and dropped, and its
/// URL replays as unreachable, so a hostile archive cannot exhaust memory.
#[cfg(not(test))]
pub(crate) const MAX_RECORD: u64 = 256 * 1024 * 1024;
/// Small under test, so the bound is exercised without a huge archive.
#[cfg(test)]
pub(crate) const MAX_RECORD: u64 = 64 * 1024;

/// The most payload bytes the archives of one run may hold in memory.
pub(crate) const MAX_HELD: u64 = 2 * 1024 * 1024 * 1024;

/// The responses held by the archives replayed, by URL (first archive wins).
#[derive(Default)]
pub(crate) struct Index {
    responses: HashMap<String, Exchange>,
    /// Response records too large to hold ([`MAX_RECORD`]), by URL.
    oversized: HashSet<String>,
    /// Payload bytes held, bounded by [`MAX_HELD`].
    held: u64,
}

impl Index {
    /// Reads every response record of a `.warc` or `.warc.gz` file.
    pub(crate) fn load(&mut self, path: &Path) -> Result<(), String> {
        let file = File::open(path).map_err(|e| e.to_string())?;
        self.load_from(file)
    }

    /// Reads every response record of an archive's bytes (gzipped or not).
    pub(crate) fn load_from(&mut self, file: impl Read) -> Result<(), String> {
        let mut reader = BufReader::new(file);
        let gzipped = reader
            .fill_buf()
            .map_err(|e| e.to_string())?
            .starts_with(&[0x1f, 0x8b]);
        let reader: Box<dyn BufRead> = if gzipped {
            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(reader)))
        } else {
            Box::new(reader)
        };
        for record in (Records { reader }) {
            let record = record.map_err(|e| e.to_string())?;
            if record.oversized {
                if let Some(url) = record.response_target() {
                    self.oversized.insert(url);
                }
                continue;
            }
            self.held += record.block.len() as u64;
            if self.held > MAX_HELD {
                return Err(format!(
                    "the archives hold more than {MAX_HELD} bytes of records, more than a run replays"
                ));
            }
            if let Some(exchange) = record.into_response() {
                self.responses
                    .entry(exchange.url.clone())
                    .or_insert(exchange);
            }
        }
        Ok(())
    }

    /// How many responses the archives hold.
    pub(crate) fn len(&self) -> usize {
        self.responses.len()
    }

    /// The URLs the archives hold responses for.
    pub(crate) fn urls(&self) -> Vec<String> {
        self.responses.keys().cloned().collect()
    }

    /// The chain for `url` in the archives: its response, and the redirects it
    /// records followed within them. `None` when no archive holds `url`.
    pub(crate) fn chain(&self, url: &Url) -> Option<Result<Vec<Exchange>, Unreachable>> {
        let Some(first) = self.responses.get(url.as_str()) else {
            return self.oversized.contains(url.as_str()).then(|| {
                Err(Unreachable::new(format!(
                    "the archive's record for it is larger than {MAX_RECORD} bytes"
                )))
            });
        };
        let mut chain = vec![first.clone()];
        loop {
            let last = chain.last()?;
            let next = match last.redirect_target() {
                None => return Some(Ok(chain)),
                Some(Err(e)) => return Some(Err(e)),
                Some(Ok(next)) => next,
            };
            if chain.len() > MAX_REDIRECTS {
                return Some(Err(Unreachable::new(format!(
                    "too many redirects (more than {MAX_REDIRECTS})"
                ))));
            }
            match self.responses.get(next.as_str()) {
                Some(exchange) => chain.push(exchange.clone()),
                None => {
                    return Some(Err(Unreachable::new(format!(
                        "the archive records a redirect to {next}, which it does not hold"
                    ))));
                }
            }
        }
    }
}

/// One WARC record: its named fields and its block.
struct Record {
    fields: Vec<(String, String)>,
    block: Vec<u8>,
    /// The block was larger than [`MAX_RECORD`] and was not kept.
    oversized: bool,
}

impl Record {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The normalised http(s) URL of a `response` record.
    fn response_target(&self) -> Option<String> {
        if !self.field("WARC-Type")?.eq_ignore_ascii_case("response") {
            return None;
        }
        let target = self.field("WARC-Target-URI")?.trim();
        let target = target.trim_start_matches('<').trim_end_matches('>');
        let mut url = Url::parse(target).ok()?;
        if !matches!(url.scheme(), "http" | "https") {
            return None;
        }
        url.set_fragment(None);
        Some(url.into())
    }

    /// The HTTP response a `response` record holds, keyed by its normalised URL.
    fn into_response(self) -> Option<Exchange> {
        let url = self.response_target()?;
        let fetched_at = self
            .field("WARC-Date")
            .and_then(|d| d.trim().parse::<Timestamp>().ok())
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let (status, headers, body) = parse_http_response(&self.block)?;
        let chunked = headers.iter().any(|(n, v)| {
            n.eq_ignore_ascii_case("transfer-encoding")
                && v.to_ascii_lowercase().contains("chunked")
        });
        let body = if chunked {
            dechunk(body)?
        } else {
            body.to_vec()
        };
        Some(Exchange {
            url,
            status,
            headers,
            request_headers: Vec::new(),
            body: Bytes::from(body),
            fetched_at,
        })
    }
}

/// Reads records one after another.
struct Records<R> {
    reader: R,
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = io::Result<Record>;

    fn next(&mut self) -> Option<io::Result<Record>> {
        read_record(&mut self.reader).transpose()
    }
}

fn read_record(reader: &mut impl BufRead) -> io::Result<Option<Record>> {
    let mut line = String::new();
    // Skip the blank lines between records.
    loop {
        line.clear();
        if read_line(reader, &mut line)? == 0 {
            return Ok(None);
        }
        if !line.trim().is_empty() {
            break;
        }
    }
    if !line.trim_end().starts_with("WARC/") {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("expected a WARC record, found {:?}", truncate(&line)),
        ));
    }
    let mut fields = Vec::new();
    loop {
        line.clear();
        if read_line(reader, &mut line)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let trimmed = line.trim_end_matches(['\r', '\n']);
        if trimmed.is_empty() {
            break;
        }
        if let Some((name, value)) = trimmed.split_once(':') {
            fields.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    let length: u64 = fields
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, v)| v.parse().ok())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "a record without Content-Length",
            )
        })?;
    let mut block = Vec::new();
    let oversized = length > MAX_RECORD;
    if oversized {
        let skipped = io::copy(&mut reader.take(length), &mut io::sink())?;
        if skipped < length {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
    } else {
        reader.take(length).read_to_end(&mut block)?;
        if (block.len() as u64) < length {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
    }
    Ok(Some(Record {
        fields,
        block,
        oversized,
    }))
}

/// A header line, read as Latin-1 would be if it is not UTF-8.
fn read_line(reader: &mut impl BufRead, line: &mut String) -> io::Result<usize> {
    let mut bytes = Vec::new();
    let n = reader.read_until(b'\n', &mut bytes)?;
    line.push_str(&String::from_utf8_lossy(&bytes));
    Ok(n)
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

/// Status, headers and payload of an HTTP/1 response as received.
type Headers = Vec<(String, String)>;

fn parse_http_response(block: &[u8]) -> Option<(u16, Headers, &[u8])> {
    // The head ends at the first blank line, CRLF or (in sloppy files) LF.
    let crlf = find(block, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = find(block, b"\n\n").map(|i| (i, i + 2));
    let (head_end, body_start) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let status: u16 = parts.next()?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Some((status, headers, &block[body_start..]))
}

/// Undoes chunked transfer coding (warcio and wget keep it, as received).
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(data, b"\n")?;
        let line = std::str::from_utf8(&data[..line_end]).ok()?.trim();
        let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Writes `chains` as WARC 1.1, one gzip member per record: a `warcinfo`
/// record, then a request and a response record for every exchange (each URL
/// once), through a temporary file and a rename.
pub(crate) fn write(path: &Path, chains: &[Vec<Exchange>]) -> io::Result<()> {
    let mut out = Vec::new();
    let now = Timestamp::now();
    let info = format!(
        "software: factcheck/{}\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n",
        env!("CARGO_PKG_VERSION")
    );
    let filename = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    append_record(
        &mut out,
        &[
            ("WARC-Type", "warcinfo".into()),
            ("WARC-Record-ID", record_id()),
            ("WARC-Date", warc_date(now)),
            ("WARC-Filename", filename),
            ("Content-Type", "application/warc-fields".into()),
        ],
        info.as_bytes(),
    )?;
    let mut seen = HashSet::new();
    for exchange in chains.iter().flatten() {
        if !seen.insert((exchange.url.clone(), exchange.fetched_at)) {
            continue;
        }
        let response_id = record_id();
        let date = warc_date(exchange.fetched_at);
        let request = http_request(exchange);
        append_record(
            &mut out,
            &[
                ("WARC-Type", "request".into()),
                ("WARC-Record-ID", record_id()),
                ("WARC-Date", date.clone()),
                ("WARC-Target-URI", exchange.url.clone()),
                ("WARC-Concurrent-To", response_id.clone()),
                ("WARC-Block-Digest", digest(&request)),
                ("Content-Type", "application/http;msgtype=request".into()),
            ],
            &request,
        )?;
        let response = http_response(exchange);
        append_record(
            &mut out,
            &[
                ("WARC-Type", "response".into()),
                ("WARC-Record-ID", response_id),
                ("WARC-Date", date),
                ("WARC-Target-URI", exchange.url.clone()),
                ("WARC-Payload-Digest", digest(&exchange.body)),
                ("WARC-Block-Digest", digest(&response)),
                ("Content-Type", "application/http;msgtype=response".into()),
            ],
            &response,
        )?;
    }
    write_atomic(path, &out)
}

fn append_record(out: &mut Vec<u8>, fields: &[(&str, String)], block: &[u8]) -> io::Result<()> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(b"WARC/1.1\r\n")?;
    for (name, value) in fields {
        write!(gz, "{name}: {value}\r\n")?;
    }
    write!(gz, "Content-Length: {}\r\n\r\n", block.len())?;
    gz.write_all(block)?;
    gz.write_all(b"\r\n\r\n")?;
    out.extend_from_slice(&gz.finish()?);
    Ok(())
}

fn http_request(exchange: &Exchange) -> Vec<u8> {
    let url = Url::parse(&exchange.url).ok();
    let target = url.as_ref().map_or_else(
        || "/".to_owned(),
        |u| match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_owned(),
        },
    );
    let host = url
        .as_ref()
        .and_then(|u| {
            let host = u.host_str()?;
            Some(match u.port() {
                Some(port) => format!("{host}:{port}"),
                None => host.to_owned(),
            })
        })
        .unwrap_or_default();
    let mut out = format!("GET {target} HTTP/1.1\r\nhost: {host}\r\n");
    for (name, value) in &exchange.request_headers {
        let _ = write!(out, "{name}: {value}\r\n");
    }
    out.push_str("\r\n");
    out.into_bytes()
}

fn http_response(exchange: &Exchange) -> Vec<u8> {
    let status = status_reason(exchange.status);
    let reason = status
        .split_once(' ')
        .and_then(|(_, rest)| rest.split_once(' '))
        .map_or("", |(_, reason)| reason);
    let mut out = format!("HTTP/1.1 {} {reason}\r\n", exchange.status).into_bytes();
    for (name, value) in &exchange.headers {
        // The payload is stored whole: its transfer coding was undone on receipt.
        if name.eq_ignore_ascii_case("transfer-encoding") {
            continue;
        }
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&exchange.body);
    out
}

/// `sha256:` and the digest in base32, as WARC digests are written.
fn digest(bytes: &[u8]) -> String {
    format!("sha256:{}", base32(&Sha256::digest(bytes)))
}

fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    while !out.len().is_multiple_of(8) {
        out.push('=');
    }
    out
}

fn warc_date(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A random (version 4) UUID URN.
fn record_id() -> String {
    let mut b: [u8; 16] = fastrand::u128(..).to_be_bytes();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = super::hex(&b);
    format!(
        "<urn:uuid:{}-{}-{}-{}-{}>",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exchange(url: &str, status: u16, headers: &[(&str, &str)], body: &'static [u8]) -> Exchange {
        Exchange {
            url: url.into(),
            status,
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
            request_headers: vec![("user-agent".into(), "factcheck/test".into())],
            body: Bytes::from_static(body),
            fetched_at: "2024-10-22T10:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn written_archives_replay_with_their_redirects() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.warc.gz");
        let chains = vec![vec![
            exchange("http://example.org/old", 301, &[("location", "/new")], b""),
            exchange(
                "http://example.org/new",
                200,
                &[
                    ("content-type", "text/plain"),
                    ("transfer-encoding", "chunked"),
                ],
                b"hello",
            ),
        ]];
        write(&path, &chains).unwrap();
        let mut index = Index::default();
        index.load(&path).unwrap();
        let chain = index
            .chain(&Url::parse("http://EXAMPLE.org:80/old").unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(chain.len(), 2);
        assert_eq!(chain[1].url, "http://example.org/new");
        assert_eq!(&chain[1].body[..], b"hello");
        assert_eq!(chain[1].fetched_at, chains[0][1].fetched_at);
        assert!(
            index
                .chain(&Url::parse("http://example.org/other").unwrap())
                .is_none()
        );
    }

    #[test]
    fn a_redirect_out_of_the_archive_is_unreachable() {
        let mut index = Index::default();
        let hop = exchange("http://a.org/", 302, &[("location", "http://b.org/")], b"");
        index.responses.insert(hop.url.clone(), hop);
        let err = index
            .chain(&Url::parse("http://a.org/").unwrap())
            .unwrap()
            .unwrap_err();
        assert!(err.reason.contains("http://b.org/"), "{}", err.reason);
    }

    #[test]
    fn chunked_payloads_and_lf_only_headers_are_read() {
        let block = b"HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n";
        let (status, headers, body) = parse_http_response(block).unwrap();
        assert_eq!(status, 200);
        assert_eq!(headers[0].0, "transfer-encoding");
        assert_eq!(dechunk(body).unwrap(), b"hello world");
        assert!(dechunk(b"zz\r\n").is_none());
        assert!(parse_http_response(b"garbage").is_none());
    }

    /// A gzip bomb: a small `.warc.gz` whose record expands past
    /// [`MAX_RECORD`]. It is read through, not held, and its URL replays as
    /// unreachable with the reason; the records after it are still read.
    #[test]
    fn a_record_too_large_to_hold_replays_as_unreachable() {
        let mut archive = Vec::new();
        let mut huge = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
        huge.resize(huge.len() + MAX_RECORD as usize + 1, b' ');
        for (uri, block) in [
            ("http://big.org/", huge.as_slice()),
            (
                "http://small.org/",
                b"HTTP/1.1 200 OK\r\n\r\n<p>ok".as_slice(),
            ),
        ] {
            append_record(
                &mut archive,
                &[
                    ("WARC-Type", "response".into()),
                    ("WARC-Target-URI", uri.into()),
                ],
                block,
            )
            .unwrap();
        }
        // append_record gzips each record: the archive is a few hundred bytes.
        let gz = archive;
        assert!(
            (gz.len() as u64) < MAX_RECORD / 50,
            "a bomb: {} bytes",
            gz.len()
        );
        let mut index = Index::default();
        index.load_from(gz.as_slice()).unwrap();
        assert_eq!(index.len(), 1);
        let err = index
            .chain(&Url::parse("http://big.org/").unwrap())
            .unwrap()
            .unwrap_err();
        assert!(err.reason.contains("larger than"), "{}", err.reason);
        assert!(
            index
                .chain(&Url::parse("http://small.org/").unwrap())
                .unwrap()
                .is_ok()
        );
    }

    #[test]
    fn base32_and_record_ids_have_their_shapes() {
        assert_eq!(base32(b""), "");
        assert_eq!(base32(b"f"), "MY======");
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI======");
        let id = record_id();
        assert_eq!(id.len(), "<urn:uuid:>".len() + 36);
        assert_eq!(&id[24..25], "4");
    }

    proptest::proptest! {
        #[test]
        fn no_input_makes_the_reader_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let _ = parse_http_response(&bytes);
            let _ = dechunk(&bytes);
            let mut reader = &bytes[..];
            for _ in 0..4 {
                match read_record(&mut reader) {
                    Ok(Some(record)) => { let _ = record.into_response(); }
                    _ => break,
                }
            }
        }

        #[test]
        fn no_record_makes_the_reader_panic(block in ".{0,200}", length in 0u32..300) {
            let text = format!("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.org/\r\nContent-Length: {length}\r\n\r\nHTTP/1.1 200 OK\r\n{block}");
            let mut reader = text.as_bytes();
            if let Ok(Some(record)) = read_record(&mut reader) {
                let _ = record.into_response();
            }
        }
    }
}
