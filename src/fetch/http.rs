//! The network: one request at a time within the run's limits, redirects
//! followed by hand (so every hop can be archived), retries with backoff.
//!
//! reqwest's own decompression is off: the payload is kept exactly as the
//! server sent it (for the cache and WARC), and `decode` undoes the content
//! encoding under the size cap.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use jiff::Timestamp;
use reqwest::header::{self, HeaderMap, HeaderName, HeaderValue};
use url::Url;

use super::{Fetcher, MAX_REDIRECTS, Settings, Unreachable, human_duration, human_size};

/// One HTTP request and its response, the payload as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Exchange {
    /// The URL requested.
    pub url: String,
    /// The response status.
    pub status: u16,
    /// The response headers, in order, names lower-case.
    pub headers: Vec<(String, String)>,
    /// The request headers sent, minus the per-host ones from
    /// `factcheck.toml` (a subscription cookie does not belong in an archive).
    pub request_headers: Vec<(String, String)>,
    /// The payload as received (content encoding included, transfer encoding undone).
    pub body: Bytes,
    /// When the response was received.
    pub fetched_at: Timestamp,
}

impl Exchange {
    /// The first header named `name` (ASCII case ignored).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Where a redirect points, when this response is one.
    pub fn redirect_target(&self) -> Option<Result<Url, Unreachable>> {
        if !matches!(self.status, 301 | 302 | 303 | 307 | 308) {
            return None;
        }
        let location = self.header("location")?;
        let base = Url::parse(&self.url).ok()?;
        Some(match base.join(location) {
            Ok(mut next) if matches!(next.scheme(), "http" | "https") => {
                next.set_fragment(None);
                Ok(next)
            }
            _ => Err(Unreachable::new(format!(
                "redirected to an unusable location: {location}"
            ))),
        })
    }
}

/// Validators of a cached response, sent to ask whether it changed.
#[derive(Debug, Clone)]
pub(crate) struct Validators {
    /// The URL the cached body came from (the last hop).
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What the network gave.
pub(crate) enum Fetched {
    /// A fresh body: the redirects, then the final response.
    Full(Vec<Exchange>),
    /// The server says the cached body is current: the redirects, then the 304.
    NotModified(Vec<Exchange>),
}

/// The run's one HTTP client.
pub(crate) fn client(settings: &Settings) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .user_agent(settings.user_agent.clone())
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(settings.connect_timeout())
        .no_gzip()
        .no_brotli()
        .no_deflate()
        .pool_idle_timeout(Duration::from_secs(30))
        .build()
}

/// GETs `url`, following redirects.
pub(crate) async fn get(
    fetcher: &Fetcher,
    url: &Url,
    validators: Option<&Validators>,
) -> Result<Fetched, Unreachable> {
    let mut hops: Vec<Exchange> = Vec::new();
    let mut current = url.clone();
    loop {
        let conditional = validators.filter(|v| v.url == current.as_str());
        let exchange = with_retries(fetcher, &current, conditional).await?;
        if exchange.status == 304 && conditional.is_some() {
            hops.push(exchange);
            return Ok(Fetched::NotModified(hops));
        }
        let Some(next) = exchange.redirect_target() else {
            hops.push(exchange);
            return Ok(Fetched::Full(hops));
        };
        let next = next?;
        if hops.len() >= MAX_REDIRECTS {
            return Err(Unreachable::new(format!(
                "too many redirects (more than {MAX_REDIRECTS})"
            )));
        }
        hops.push(exchange);
        current = next;
    }
}

/// A failed attempt: worth another try or not.
enum Failure {
    Transient(String),
    Final(String),
}

/// The one rule for what is retried (as lychee has): 408, 429 and 5xx.
pub(crate) fn is_retryable(status: u16) -> bool {
    status == 408 || status == 429 || (500..600).contains(&status)
}

async fn with_retries(
    fetcher: &Fetcher,
    url: &Url,
    validators: Option<&Validators>,
) -> Result<Exchange, Unreachable> {
    let settings = fetcher.settings();
    let mut attempt: u32 = 0;
    loop {
        let result = attempt_once(fetcher, url, validators).await;
        let wait = match &result {
            Ok(exchange) if is_retryable(exchange.status) => {
                Some(retry_after(exchange).map_or_else(
                    || backoff(settings, attempt),
                    |d| d.min(settings.retry_after_cap),
                ))
            }
            Err(Failure::Transient(_)) => Some(backoff(settings, attempt)),
            _ => None,
        };
        match (wait, result) {
            (Some(wait), _) if attempt < settings.retries => {
                tokio::time::sleep(wait).await;
                attempt += 1;
            }
            (_, Ok(exchange)) => return Ok(exchange),
            (_, Err(Failure::Final(reason))) => return Err(Unreachable::new(reason)),
            (_, Err(Failure::Transient(reason))) => {
                let tries = attempt + 1;
                return Err(Unreachable::new(if tries > 1 {
                    format!("{reason} ({tries} attempts)")
                } else {
                    reason
                }));
            }
        }
    }
}

/// `backoff * 2^attempt`, plus up to as much again at random so that many
/// sources retrying one host do not come back in step.
fn backoff(settings: &Settings, attempt: u32) -> Duration {
    let base = settings.backoff.saturating_mul(1 << attempt.min(16));
    let jitter = base.mul_f64(fastrand::f64());
    base.saturating_add(jitter)
}

/// `Retry-After` as seconds or an HTTP date.
fn retry_after(exchange: &Exchange) -> Option<Duration> {
    let value = exchange.header("retry-after")?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    let wait = when.duration_since(Timestamp::now());
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

async fn attempt_once(
    fetcher: &Fetcher,
    url: &Url,
    validators: Option<&Validators>,
) -> Result<Exchange, Failure> {
    let settings = fetcher.settings();
    let host = match (url.host_str(), url.port_or_known_default()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => return Err(Failure::Final(format!("no host in {url}"))),
    };
    // The host's permit first: waiting for a busy host must not hold a global slot.
    let host_permits = fetcher.host_permits(&host);
    let Ok(_host_permit) = host_permits.acquire().await else {
        return Err(Failure::Final("internal error: host limit closed".into()));
    };
    let Ok(_permit) = fetcher.inner.global.acquire().await else {
        return Err(Failure::Final("internal error: limit closed".into()));
    };
    super::mark_started();
    let timeout = settings.timeout;
    match tokio::time::timeout(timeout, exchange(fetcher, url, validators)).await {
        Ok(result) => result,
        Err(_) => Err(Failure::Final(format!(
            "timed out after {}",
            human_duration(timeout)
        ))),
    }
}

async fn exchange(
    fetcher: &Fetcher,
    url: &Url,
    validators: Option<&Validators>,
) -> Result<Exchange, Failure> {
    let settings = fetcher.settings();
    let mut sent = HeaderMap::new();
    sent.insert(
        header::ACCEPT,
        HeaderValue::from_static(
            "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.9,*/*;q=0.1",
        ),
    );
    sent.insert(
        header::ACCEPT_ENCODING,
        HeaderValue::from_static("gzip, deflate, br"),
    );
    if let Ok(agent) = HeaderValue::from_str(&settings.user_agent) {
        sent.insert(header::USER_AGENT, agent);
    }
    if let Some(v) = validators {
        if let Some(etag) = v
            .etag
            .as_deref()
            .and_then(|e| HeaderValue::from_str(e).ok())
        {
            sent.insert(header::IF_NONE_MATCH, etag);
        }
        if let Some(date) = v
            .last_modified
            .as_deref()
            .and_then(|d| HeaderValue::from_str(d).ok())
        {
            sent.insert(header::IF_MODIFIED_SINCE, date);
        }
    }
    let request_headers = pairs(&sent);
    let mut request = sent;
    if let Some(extra) = url.host_str().and_then(|h| settings.headers.get(h)) {
        for (name, value) in extra {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(value),
            ) {
                request.insert(name, value);
            }
        }
    }
    let mut response = fetcher
        .inner
        .client
        .get(url.clone())
        .headers(request)
        .send()
        .await
        .map_err(|e| transport(&e, settings))?;
    let status = response.status().as_u16();
    let headers = pairs(response.headers());
    let mut body = BytesMut::new();
    // Only a success has a body worth reading; a redirect or an error is decided by its status.
    if (200..300).contains(&status) {
        let max = settings.max_size;
        if response.content_length().is_some_and(|len| len > max) {
            return Err(Failure::Final(too_large(max)));
        }
        let idle = settings.idle_timeout();
        loop {
            let chunk = match tokio::time::timeout(idle, response.chunk()).await {
                Err(_) => {
                    return Err(Failure::Final(format!(
                        "timed out: no data for {}",
                        human_duration(idle)
                    )));
                }
                Ok(Err(e)) => return Err(transport(&e, settings)),
                Ok(Ok(None)) => break,
                Ok(Ok(Some(chunk))) => chunk,
            };
            if (body.len() + chunk.len()) as u64 > max {
                return Err(Failure::Final(too_large(max)));
            }
            body.extend_from_slice(&chunk);
        }
    }
    Ok(Exchange {
        url: url.to_string(),
        status,
        headers,
        request_headers,
        body: body.freeze(),
        fetched_at: Timestamp::now(),
    })
}

pub(crate) fn too_large(max: u64) -> String {
    format!("too large: over {}", human_size(max))
}

fn pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect()
}

/// A transport error in words, and whether trying again may help: a reset or
/// dropped connection may; a refused connection, a name that does not resolve
/// or a connect time-out is given up at once (the host is down, gone or
/// filtered, and asking again would only slow the run).
fn transport(e: &reqwest::Error, settings: &Settings) -> Failure {
    if e.is_timeout() {
        return Failure::Final(if e.is_connect() {
            format!(
                "could not connect within {}",
                human_duration(settings.connect_timeout())
            )
        } else {
            format!("timed out after {}", human_duration(settings.timeout))
        });
    }
    let cause = root_cause(e);
    if is_reset(e) {
        Failure::Transient(format!("connection failed: {cause}"))
    } else if e.is_connect() {
        Failure::Final(format!("cannot connect: {cause}"))
    } else {
        // The connection closed mid-response (hyper's incomplete message).
        Failure::Transient(format!("connection failed: {cause}"))
    }
}

/// Whether an I/O error in the chain says the peer reset or dropped the connection.
fn is_reset(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(e);
    while let Some(err) = next {
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && matches!(
                io.kind(),
                std::io::ErrorKind::ConnectionReset
                    | std::io::ErrorKind::ConnectionAborted
                    | std::io::ErrorKind::BrokenPipe
                    | std::io::ErrorKind::UnexpectedEof
            )
        {
            return true;
        }
        next = err.source();
    }
    false
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut inner = e;
    while let Some(source) = inner.source() {
        inner = source;
    }
    inner.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, headers: &[(&str, &str)]) -> Exchange {
        Exchange {
            url: "https://example.org/a/b".into(),
            status,
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
            request_headers: Vec::new(),
            body: Bytes::new(),
            fetched_at: Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn retried_statuses_are_408_429_and_5xx() {
        let cases = [
            (200, false),
            (404, false),
            (408, true),
            (429, true),
            (500, true),
            (503, true),
            (599, true),
            (301, false),
        ];
        for (status, retried) in cases {
            assert_eq!(is_retryable(status), retried, "{status}");
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(
            retry_after(&response(429, &[("retry-after", "7")])),
            Some(Duration::from_secs(7))
        );
        // A date in the past means now.
        assert_eq!(
            retry_after(&response(
                503,
                &[("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")]
            )),
            Some(Duration::ZERO)
        );
        assert_eq!(
            retry_after(&response(503, &[("retry-after", "soon")])),
            None
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_below_twice() {
        let settings = Settings {
            backoff: Duration::from_millis(100),
            ..Settings::default()
        };
        for attempt in 0..4 {
            let base = Duration::from_millis(100) * (1 << attempt);
            let wait = backoff(&settings, attempt);
            assert!(wait >= base && wait <= base * 2, "{attempt}: {wait:?}");
        }
    }

    #[test]
    fn redirects_resolve_against_the_request_url() {
        let cases = [
            (301, "/c#frag", Some("https://example.org/c")),
            (302, "d", Some("https://example.org/a/d")),
            (308, "http://other.org/", Some("http://other.org/")),
            (200, "/c", None),
        ];
        for (status, location, expected) in cases {
            let target = response(status, &[("Location", location)]).redirect_target();
            assert_eq!(
                target.map(|t| t.map(String::from)),
                expected.map(|e| Ok(e.to_owned())),
                "{status} {location}"
            );
        }
        let ftp = response(302, &[("location", "ftp://x/")]).redirect_target();
        assert!(matches!(ftp, Some(Err(_))));
    }
}
