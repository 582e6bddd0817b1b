//! Fetch tests: the fetcher against a real HTTP server on 127.0.0.1 that each
//! test starts, never the internet. Counts of requests prove what the cache
//! and the retries did; time-outs are set small, and nothing waits by sleeping.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::missing_panics_doc,
    clippy::must_use_candidate
)]

mod server;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use factcheck::claims::Location;
use factcheck::fetch::{self, Document, Outcome, Settings};
use factcheck::text::Media;

use server::{Reply, Server};

/// Settings for tests: small time-outs and backoffs, no cache unless given.
fn settings() -> Settings {
    Settings {
        timeout: Duration::from_secs(5),
        backoff: Duration::from_millis(1),
        retry_after_cap: Duration::from_millis(10),
        retries: 3,
        ..Settings::default()
    }
}

fn fetch_one(settings: &Settings, url: &str) -> Outcome {
    let location = Location::Url(url.to_owned());
    let mut results = fetch::fetch_all(settings, std::slice::from_ref(&location)).unwrap();
    results.remove(&location).unwrap()
}

fn reason(outcome: Outcome) -> String {
    match outcome {
        Ok(doc) => panic!("expected unreachable, read {:?}", doc.text),
        Err(e) => e.reason,
    }
}

fn text(outcome: Outcome) -> Document {
    match outcome {
        Ok(doc) => doc,
        Err(e) => panic!("expected a document, got: {}", e.reason),
    }
}

#[test]
fn a_page_is_read_with_its_media_and_digest() {
    let server = Server::start(|_, _| {
        Reply::ok("text/html; charset=utf-8", "<p>Two people were killed.</p>")
    });
    let doc = text(fetch_one(&settings(), &server.url("/a")));
    assert_eq!(doc.media, Media::Html);
    assert_eq!(doc.text, "<p>Two people were killed.</p>");
    assert_eq!(doc.final_url, server.url("/a"));
    assert_eq!(doc.sha256.len(), 64);
}

#[test]
fn each_unique_url_is_read_once_however_often_cited() {
    let server = Server::start(|_, _| Reply::ok("text/plain", "hello"));
    let sources = [
        Location::Url(server.url("/a")),
        Location::Url(server.url("/a#section")),
        Location::Url(server.url("/a").replace("http://", "HTTP://")),
        Location::Url(server.url("/b")),
    ];
    let results = fetch::fetch_all(&settings(), &sources).unwrap();
    assert_eq!(results.len(), 4, "one result per location given");
    assert!(results.values().all(Result::is_ok));
    assert_eq!(server.hits("/a"), 1);
    assert_eq!(server.hits("/b"), 1);
}

#[test]
fn http_errors_are_unreachable_with_the_status() {
    let server = Server::start(|req, _| match req.path.as_str() {
        "/gone" => Reply::status(404, &[]),
        _ => Reply::status(403, &[]),
    });
    assert_eq!(
        reason(fetch_one(&settings(), &server.url("/gone"))),
        "HTTP 404 Not Found"
    );
    assert_eq!(
        reason(fetch_one(&settings(), &server.url("/x"))),
        "HTTP 403 Forbidden"
    );
    // Client errors other than 408 and 429 are not retried.
    assert_eq!(server.hits("/gone"), 1);
}

#[test]
fn a_server_that_hangs_times_out() {
    let server = Server::start(|_, _| Reply::Hang);
    let settings = Settings {
        timeout: Duration::from_millis(300),
        ..settings()
    };
    assert_eq!(
        reason(fetch_one(&settings, &server.url("/"))),
        "timed out after 300 ms"
    );
    assert_eq!(server.hits("/"), 1, "a time-out is not retried");
}

#[test]
fn a_trickling_server_cannot_hold_the_run() {
    let server = Server::start(|req, _| match req.path.as_str() {
        // Slower than the idle time-out: ends on it.
        "/slow" => Reply::Trickle {
            every: Duration::from_secs(3600),
        },
        // Faster than the idle time-out: ends on the whole-request bound.
        _ => Reply::Trickle {
            every: Duration::from_millis(20),
        },
    });
    let settings = Settings {
        timeout: Duration::from_millis(400),
        ..settings()
    };
    assert_eq!(
        reason(fetch_one(&settings, &server.url("/slow"))),
        "timed out: no data for 200 ms"
    );
    assert_eq!(
        reason(fetch_one(&settings, &server.url("/drip"))),
        "timed out after 400 ms"
    );
}

#[test]
fn a_redirect_loop_stops_after_ten() {
    let server = Server::start(|req, _| match req.path.as_str() {
        "/a" => Reply::status(302, &[("Location", "/b")]),
        _ => Reply::status(302, &[("Location", "/a")]),
    });
    assert_eq!(
        reason(fetch_one(&settings(), &server.url("/a"))),
        "too many redirects (more than 10)"
    );
    assert_eq!(server.hits("/a") + server.hits("/b"), 11);
}

#[test]
fn redirects_are_followed_to_the_final_url() {
    let server = Server::start(|req, _| match req.path.as_str() {
        "/old" => Reply::status(301, &[("Location", "/new")]),
        _ => Reply::ok("text/plain", "moved here"),
    });
    let doc = text(fetch_one(&settings(), &server.url("/old")));
    assert_eq!(doc.url, server.url("/old"));
    assert_eq!(doc.final_url, server.url("/new"));
    assert_eq!(doc.text, "moved here");
}

#[test]
fn too_many_requests_is_retried_after_retry_after() {
    let server = Server::start(|_, hit| match hit {
        1 => Reply::status(429, &[("Retry-After", "3600")]),
        _ => Reply::ok("text/plain", "served"),
    });
    // The server asks for an hour; the cap (10 ms here) bounds the wait.
    assert_eq!(
        text(fetch_one(&settings(), &server.url("/"))).text,
        "served"
    );
    assert_eq!(server.hits("/"), 2);
}

#[test]
fn service_unavailable_twice_then_success() {
    let server = Server::start(|_, hit| match hit {
        1 | 2 => Reply::status(503, &[]),
        _ => Reply::ok("text/plain", "third time"),
    });
    assert_eq!(
        text(fetch_one(&settings(), &server.url("/"))).text,
        "third time"
    );
    assert_eq!(server.hits("/"), 3);
}

#[test]
fn retries_run_out_with_the_last_status() {
    let server = Server::start(|_, _| Reply::status(503, &[]));
    let settings = Settings {
        retries: 2,
        ..settings()
    };
    assert_eq!(
        reason(fetch_one(&settings, &server.url("/"))),
        "HTTP 503 Service Unavailable"
    );
    assert_eq!(server.hits("/"), 3);
}

#[test]
fn a_reset_connection_is_retried() {
    let server = Server::start(|req, hit| match (req.path.as_str(), hit) {
        ("/once", 1) => Reply::Reset,
        ("/once", _) => Reply::ok("text/plain", "recovered"),
        _ => Reply::Reset,
    });
    assert_eq!(
        text(fetch_one(&settings(), &server.url("/once"))).text,
        "recovered"
    );
    assert_eq!(server.hits("/once"), 2);
    let settings = Settings {
        retries: 1,
        ..settings()
    };
    let why = reason(fetch_one(&settings, &server.url("/always")));
    assert!(why.starts_with("connection failed"), "{why}");
    assert!(why.ends_with("(2 attempts)"), "{why}");
}

#[test]
fn a_refused_connection_is_not_retried() {
    // A port that was free a moment ago: nothing listens there now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let why = reason(fetch_one(&settings(), &format!("http://127.0.0.1:{port}/")));
    assert!(why.starts_with("cannot connect"), "{why}");
    assert!(!why.contains("attempts"), "{why}");
}

#[test]
fn a_huge_body_is_cut_off_while_streaming() {
    let server = Server::start(|req, _| match req.path.as_str() {
        "/declared" => Reply::ok("text/plain", vec![b'a'; 5000]),
        _ => Reply::Chunked {
            headers: vec![("content-type".into(), "text/plain".into())],
            parts: vec![vec![b'a'; 600]; 10],
        },
    });
    let settings = Settings {
        max_size: 1000,
        ..settings()
    };
    assert_eq!(
        reason(fetch_one(&settings, &server.url("/declared"))),
        "too large: over 1 kB"
    );
    assert_eq!(
        reason(fetch_one(&settings, &server.url("/chunked"))),
        "too large: over 1 kB"
    );
}

/// 100 MB of zeros as gzip: 100 members of 1 MB each (a valid gzip stream).
fn gzip_bomb() -> Vec<u8> {
    let mut one = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    one.write_all(&vec![0u8; 1_000_000]).unwrap();
    one.finish().unwrap().repeat(100)
}

#[test]
fn a_decompression_bomb_stops_at_the_cap() {
    let bomb = gzip_bomb();
    assert!(
        bomb.len() < 200_000,
        "the bomb is small on the wire: {}",
        bomb.len()
    );
    let server = Server::start(move |_, _| Reply::Full {
        status: 200,
        headers: vec![
            ("content-type".into(), "text/html".into()),
            ("content-encoding".into(), "gzip".into()),
        ],
        body: bomb.clone(),
    });
    assert_eq!(
        reason(fetch_one(&settings(), &server.url("/"))),
        "too large: over 20 MB"
    );
}

#[test]
fn gzip_and_deflate_bodies_are_decoded() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"compressed words").unwrap();
    let gz = gz.finish().unwrap();
    let server = Server::start(move |req, _| {
        assert_eq!(req.header("accept-encoding"), Some("gzip, deflate, br"));
        Reply::Full {
            status: 200,
            headers: vec![
                ("content-type".into(), "text/plain".into()),
                ("content-encoding".into(), "gzip".into()),
            ],
            body: gz.clone(),
        }
    });
    assert_eq!(
        text(fetch_one(&settings(), &server.url("/"))).text,
        "compressed words"
    );
}

#[test]
fn binary_bodies_and_other_media_are_unreachable() {
    let server = Server::start(|req, _| match req.path.as_str() {
        "/image" => Reply::ok("text/plain", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        "/doc.pdf" => Reply::ok("application/pdf", b"%PDF-1.7".to_vec()),
        _ => Reply::ok("application/zip", b"PK\x03\x04".to_vec()),
    });
    assert_eq!(
        reason(fetch_one(&settings(), &server.url("/image"))),
        "binary content, not text"
    );
    // A PDF is read as one; a file that is only its signature is not one.
    assert!(
        reason(fetch_one(&settings(), &server.url("/doc.pdf"))).starts_with("cannot read the PDF"),
    );
    assert_eq!(
        reason(fetch_one(&settings(), &server.url("/archive.zip"))),
        "unsupported media type application/zip"
    );
}

#[test]
fn latin1_and_windows_1251_pages_are_decoded() {
    let server = Server::start(|req, _| {
        match req.path.as_str() {
        // Charset in the header.
        "/latin1" => Reply::ok("text/html; charset=ISO-8859-1", b"<p>Caf\xe9 cr\xe8me, \xa35m</p>".to_vec()),
        // Charset only in <meta>.
        _ => Reply::ok(
            "text/html",
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><p>\xc4\xe2\xee\xe5 \xf3\xe1\xe8\xf2\xfb</p>".to_vec(),
        ),
    }
    });
    assert_eq!(
        text(fetch_one(&settings(), &server.url("/latin1"))).text,
        "<p>Café crème, £5m</p>"
    );
    assert!(
        text(fetch_one(&settings(), &server.url("/cp1251")))
            .text
            .contains("<p>Двое убиты</p>")
    );
}

#[test]
fn per_host_headers_go_to_their_host_only() {
    let server = Server::start(|req, _| match req.header("cookie") {
        Some("session=abc") => Reply::ok("text/plain", "subscriber view"),
        _ => Reply::status(401, &[]),
    });
    let mut settings = settings();
    assert_eq!(
        reason(fetch_one(&settings, &server.url("/"))),
        "HTTP 401 Unauthorized"
    );
    settings.headers.insert(
        "127.0.0.1".into(),
        vec![("Cookie".into(), "session=abc".into())],
    );
    assert_eq!(
        text(fetch_one(&settings, &server.url("/"))).text,
        "subscriber view"
    );
}

fn cached(dir: &Path) -> Settings {
    Settings {
        cache_dir: Some(dir.join("cache")),
        ..settings()
    }
}

/// Settings that let a cached copy stand for an hour (`--max-age 1h`).
fn within_max_age(dir: &Path) -> Settings {
    Settings {
        max_age: Duration::from_secs(3600),
        ..cached(dir)
    }
}

#[test]
fn a_second_run_within_max_age_is_served_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(|_, _| Reply::ok("text/plain", "cached words"));
    let first = text(fetch_one(&cached(dir.path()), &server.url("/")));
    assert_eq!(first.origin, fetch::Origin::Network);
    let second = text(fetch_one(&within_max_age(dir.path()), &server.url("/")));
    assert_eq!(first.text, second.text);
    assert_eq!(second.origin, fetch::Origin::Cache);
    // A cached copy says when it was fetched, not when it was looked up.
    assert_eq!(first.read_at, second.read_at);
    assert_eq!(server.hits("/"), 1);
    // By default a cached copy is asked about again; with no validators to
    // ask with, that is a full fetch.
    let third = text(fetch_one(&cached(dir.path()), &server.url("/")));
    assert_eq!(third.origin, fetch::Origin::Network);
    assert_eq!(server.hits("/"), 2);
    // Offline, the cache still serves it; --refresh goes back to the server.
    let offline = Settings {
        offline: true,
        ..cached(dir.path())
    };
    assert_eq!(
        text(fetch_one(&offline, &server.url("/"))).text,
        "cached words"
    );
    let refresh = Settings {
        refresh: true,
        ..cached(dir.path())
    };
    text(fetch_one(&refresh, &server.url("/")));
    assert_eq!(server.hits("/"), 3);
}

#[test]
fn failures_are_never_cached() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(|_, hit| match hit {
        1 => Reply::status(404, &[]),
        _ => Reply::ok("text/plain", "back"),
    });
    reason(fetch_one(&cached(dir.path()), &server.url("/")));
    assert_eq!(
        text(fetch_one(&cached(dir.path()), &server.url("/"))).text,
        "back"
    );
    assert_eq!(server.hits("/"), 2);
}

#[test]
fn a_stale_entry_is_revalidated_with_its_etag() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(|req, _| match req.header("if-none-match") {
        Some("\"v1\"") => Reply::status(304, &[("ETag", "\"v1\"")]),
        _ => Reply::Full {
            status: 200,
            headers: vec![
                ("content-type".into(), "text/plain".into()),
                ("etag".into(), "\"v1\"".into()),
            ],
            body: b"first version".to_vec(),
        },
    });
    // The default: every cached copy is asked about again.
    let stale = cached(dir.path());
    let first = text(fetch_one(&stale, &server.url("/")));
    assert_eq!(first.text, "first version");
    assert_eq!(first.origin, fetch::Origin::Network);
    let second = text(fetch_one(&stale, &server.url("/")));
    assert_eq!(second.text, "first version");
    assert_eq!(second.origin, fetch::Origin::Revalidated);
    assert!(second.read_at >= first.read_at);
    assert_eq!(server.hits("/"), 2);
    // The cache ignores itself in git.
    let ignore = std::fs::read_to_string(dir.path().join("cache/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
}

#[test]
fn a_cached_copy_is_not_used_when_its_server_cannot_be_asked() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(|_, hit| match hit {
        1 => Reply::Full {
            status: 200,
            headers: vec![
                ("content-type".into(), "text/plain".into()),
                (
                    "last-modified".into(),
                    "Mon, 07 Dec 2026 10:00:00 GMT".into(),
                ),
            ],
            body: b"first version".to_vec(),
        },
        _ => Reply::status(503, &[]),
    });
    let settings = Settings {
        retries: 0,
        ..cached(dir.path())
    };
    text(fetch_one(&settings, &server.url("/")));
    let why = reason(fetch_one(&settings, &server.url("/")));
    assert!(why.contains("HTTP 503"), "{why}");
    assert!(why.contains("a cached copy from"), "{why}");
    // --offline uses it, saying it is the cache's.
    let offline = Settings {
        offline: true,
        ..settings
    };
    let doc = text(fetch_one(&offline, &server.url("/")));
    assert_eq!(doc.origin, fetch::Origin::Cache);
    assert_eq!(server.hits("/"), 2);
}

#[test]
fn offline_without_cache_or_archive_is_unreachable() {
    let server = Server::start(|_, _| Reply::ok("text/plain", "never"));
    let offline = Settings {
        offline: true,
        ..settings()
    };
    let why = reason(fetch_one(&offline, &server.url("/")));
    assert!(why.starts_with("offline"), "{why}");
    assert_eq!(server.hits("/"), 0);
}

#[test]
fn a_written_archive_replays_without_the_network() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("run.warc.gz");
    let server = Server::start(|req, _| match req.path.as_str() {
        "/old" => Reply::status(301, &[("Location", "/new")]),
        _ => Reply::ok("text/html; charset=iso-8859-1", b"<p>caf\xe9</p>".to_vec()),
    });
    let writing = Settings {
        archive: Some(archive.clone()),
        ..settings()
    };
    let live = text(fetch_one(&writing, &server.url("/old")));
    let replaying = Settings {
        replay: vec![archive],
        offline: true,
        ..settings()
    };
    let replayed = text(fetch_one(&replaying, &server.url("/old#fragment")));
    let small = Settings {
        max_size: 5,
        ..replaying.clone()
    };
    assert_eq!(
        reason(fetch_one(&small, &server.url("/old"))),
        "too large: over 5 bytes"
    );
    assert_eq!(replayed.text, "<p>café</p>");
    assert_eq!(replayed.final_url, live.final_url);
    assert_eq!(replayed.sha256, live.sha256);
    assert_eq!(server.hits("/old") + server.hits("/new"), 2);
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn a_warcio_archive_replays() {
    let replaying = Settings {
        replay: vec![fixture("warcio.warc.gz")],
        offline: true,
        ..settings()
    };
    let sources = [
        Location::Url("http://example.org/article".into()),
        Location::Url("HTTP://EXAMPLE.ORG:80/moved".into()),
        Location::Url("http://example.org/chunked".into()),
        Location::Url("http://example.org/gone".into()),
        Location::Url("http://example.org/elsewhere".into()),
    ];
    let mut results: HashMap<Location, Outcome> = fetch::fetch_all(&replaying, &sources).unwrap();
    let mut take = |i: usize| results.remove(&sources[i]).unwrap();
    let article = text(take(0));
    assert_eq!(article.media, Media::Html);
    assert!(
        article
            .text
            .contains("Two people were killed in Zaporizhzhia."),
        "{}",
        article.text
    );
    let moved = text(take(1));
    assert_eq!(moved.final_url, "http://example.org/article");
    assert_eq!(moved.text, article.text);
    assert_eq!(text(take(2)).text, "chunked and gzipped, café\n");
    assert_eq!(reason(take(3)), "HTTP 404 Not Found");
    let why = reason(take(4));
    assert!(why.contains("does not hold"), "{why}");
}

#[test]
fn a_wget_archive_replays_with_its_redirect() {
    let replaying = Settings {
        replay: vec![fixture("wget.warc.gz")],
        offline: true,
        ..settings()
    };
    // The fixture's server is long gone: only the archive can answer.
    let doc = text(fetch_one(&replaying, "http://127.0.0.1:8931/news"));
    assert_eq!(doc.final_url, "http://127.0.0.1:8931/news/");
    assert!(
        doc.text.contains("<p>Двое убиты, 15 ранены.</p>"),
        "{}",
        doc.text
    );
}

#[test]
fn the_archive_holds_sources_served_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(|_, _| Reply::ok("text/plain", "kept as evidence"));
    text(fetch_one(&cached(dir.path()), &server.url("/")));
    let archive = dir.path().join("evidence.warc.gz");
    let archiving = Settings {
        archive: Some(archive.clone()),
        ..within_max_age(dir.path())
    };
    text(fetch_one(&archiving, &server.url("/")));
    assert_eq!(server.hits("/"), 1, "the second run read the cache");
    let replaying = Settings {
        replay: vec![archive],
        offline: true,
        ..settings()
    };
    assert_eq!(
        text(fetch_one(&replaying, &server.url("/"))).text,
        "kept as evidence"
    );
}

#[test]
fn two_runs_at_once_share_a_cache_without_harm() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(|req, _| Reply::ok("text/plain", format!("page {}", req.path)));
    let sources: Vec<Location> = (0..20)
        .map(|i| Location::Url(server.url(&format!("/{i}"))))
        .collect();
    let runs: Vec<_> = (0..2)
        .map(|_| {
            let settings = cached(dir.path());
            let sources = sources.clone();
            std::thread::spawn(move || fetch::fetch_all(&settings, &sources).unwrap())
        })
        .collect();
    for run in runs {
        let results = run.join().unwrap();
        assert!(results.values().all(Result::is_ok));
    }
    // Whatever the interleaving, every entry left behind is whole.
    let offline = Settings {
        offline: true,
        ..cached(dir.path())
    };
    let results = fetch::fetch_all(&offline, &sources).unwrap();
    for (i, source) in sources.iter().enumerate() {
        assert_eq!(text(results[source].clone()).text, format!("page /{i}"));
    }
    let leftovers: Vec<_> = walk(&dir.path().join("cache"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn no_more_than_per_host_requests_reach_one_host_at_once() {
    // A slow server: with the limit broken, all 16 global slots would pile onto it.
    let server = Server::start(|_, _| {
        Reply::Delayed(
            Duration::from_millis(20),
            Box::new(Reply::ok("text/plain", "slow")),
        )
    });
    let sources: Vec<Location> = (0..30)
        .map(|i| Location::Url(server.url(&format!("/{i}"))))
        .collect();
    let settings = Settings {
        per_host: 2,
        concurrency: 16,
        ..settings()
    };
    let results = fetch::fetch_all(&settings, &sources).unwrap();
    assert!(results.values().all(Result::is_ok));
    assert!(server.peak() <= 2, "peak {}", server.peak());
}

#[test]
fn local_files_and_file_urls_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.md");
    std::fs::write(&path, "# Notes\n\nThe loan was $50bn.\n").unwrap();
    let url = url::Url::from_file_path(&path).unwrap().to_string();
    let sources = [Location::Path(path.clone()), Location::Url(url.clone())];
    let file_url = url;
    let results = fetch::fetch_all(&settings(), &sources).unwrap();
    for source in &sources {
        let doc = text(results[source].clone());
        assert_eq!(doc.media, Media::Markdown);
        assert_eq!(doc.text, "# Notes\n\nThe loan was $50bn.\n");
    }
    let big = Settings {
        max_size: 10,
        ..settings()
    };
    assert_eq!(
        reason(fetch_one(&big, &file_url)),
        "too large: over 10 bytes"
    );
}

#[test]
fn a_stale_entry_is_revalidated_by_date_and_replaced_when_changed() {
    let dir = tempfile::tempdir().unwrap();
    let date = "Tue, 22 Oct 2024 10:00:00 GMT";
    let server =
        Server::start(
            move |req, hit| match (req.path.as_str(), req.header("if-modified-since")) {
                ("/dated", Some(since)) if since == date => Reply::status(304, &[]),
                ("/dated", _) => Reply::Full {
                    status: 200,
                    headers: vec![
                        ("content-type".into(), "text/plain".into()),
                        ("last-modified".into(), date.into()),
                    ],
                    body: b"dated".to_vec(),
                },
                // A page that changes on every request and says so.
                (_, _) => Reply::Full {
                    status: 200,
                    headers: vec![
                        ("content-type".into(), "text/plain".into()),
                        ("etag".into(), format!("\"v{hit}\"")),
                    ],
                    body: format!("version {hit}").into_bytes(),
                },
            },
        );
    let stale = Settings {
        max_age: Duration::ZERO,
        ..cached(dir.path())
    };
    assert_eq!(text(fetch_one(&stale, &server.url("/dated"))).text, "dated");
    assert_eq!(text(fetch_one(&stale, &server.url("/dated"))).text, "dated");
    assert_eq!(server.hits("/dated"), 2);
    assert_eq!(
        text(fetch_one(&stale, &server.url("/live"))).text,
        "version 1"
    );
    assert_eq!(
        text(fetch_one(&stale, &server.url("/live"))).text,
        "version 2"
    );
    // The changed page replaced the cached one.
    let offline = Settings {
        offline: true,
        ..cached(dir.path())
    };
    assert_eq!(
        text(fetch_one(&offline, &server.url("/live"))).text,
        "version 2"
    );
}

/// A PDF served over HTTP is read from its text layer, archived as the bytes
/// received, and read the same way again from the archive and the cache.
#[test]
fn a_pdf_reads_the_same_live_replayed_and_cached() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("run.warc.gz");
    let pdf = std::fs::read(fixture("pdf/report.pdf")).unwrap();
    let server = Server::start(move |_, _| Reply::ok("application/pdf", pdf.clone()));
    let writing = Settings {
        archive: Some(archive.clone()),
        cache_dir: Some(dir.path().join("cache")),
        ..settings()
    };
    let live = text(fetch_one(&writing, &server.url("/report")));
    assert!(
        live.text
            .contains("Revenue reached £2.26 billion, while operating costs"),
        "{}",
        live.text
    );
    let replaying = Settings {
        replay: vec![archive],
        offline: true,
        ..settings()
    };
    let replayed = text(fetch_one(&replaying, &server.url("/report")));
    let cached = text(fetch_one(
        &Settings {
            offline: true,
            ..writing
        },
        &server.url("/report"),
    ));
    assert_eq!(replayed.sha256, live.sha256);
    assert_eq!(cached.sha256, live.sha256);
    assert_eq!(server.hits("/report"), 1);
}

/// Records what the fetcher tells its observer, in order.
#[derive(Default)]
struct Recorder(std::sync::Mutex<Vec<String>>);

impl fetch::Observer for Recorder {
    fn planned(&self, total: usize) {
        self.0.lock().unwrap().push(format!("planned {total}"));
    }
    fn started(&self, location: &Location) {
        self.0.lock().unwrap().push(format!("started {location:?}"));
    }
    fn finished(&self, location: &Location, outcome: &Outcome) {
        let how = if outcome.is_ok() {
            "read"
        } else {
            "unreachable"
        };
        self.0
            .lock()
            .unwrap()
            .push(format!("finished {location:?} {how}"));
    }
}

#[test]
fn the_observer_hears_each_source_start_once_and_finish_once() {
    let server = Server::start(|req, hit| match (req.path.as_str(), hit) {
        ("/flaky", 1) => Reply::status(503, &[]),
        ("/moved", _) => Reply::status(301, &[("Location", "/flaky")]),
        ("/gone", _) => Reply::status(404, &[]),
        _ => Reply::ok("text/plain", "Two people were killed.\n"),
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "Two people were killed.\n").unwrap();
    let flaky = Location::Url(server.url("/flaky"));
    let moved = Location::Url(server.url("/moved"));
    let gone = Location::Url(server.url("/gone"));
    let file = Location::Path(path);
    // The same URL twice (once with a fragment) is one source.
    let again = Location::Url(format!("{}#top", server.url("/flaky")));
    let sources = [
        flaky.clone(),
        moved.clone(),
        gone.clone(),
        file.clone(),
        again,
    ];
    let recorder = std::sync::Arc::new(Recorder::default());
    let results = fetch::fetch_all_with(&settings(), &sources, recorder.clone()).unwrap();
    assert_eq!(results.len(), 5);
    let events = recorder.0.lock().unwrap().clone();
    assert_eq!(events.first().map(String::as_str), Some("planned 4"));
    let count = |event: &str| events.iter().filter(|e| *e == event).count();
    // A retry (the 503) and a redirect do not start a source again; a file
    // never waits on a server, so it never starts.
    for url in [&flaky, &moved, &gone] {
        assert_eq!(count(&format!("started {url:?}")), 1, "{events:#?}");
    }
    assert_eq!(count(&format!("started {file:?}")), 0, "{events:#?}");
    for (location, how) in [
        (&flaky, "read"),
        (&moved, "read"),
        (&gone, "unreachable"),
        (&file, "read"),
    ] {
        let finished = format!("finished {location:?} {how}");
        assert_eq!(count(&finished), 1, "{events:#?}");
        let started = format!("started {location:?}");
        // Each source starts before it finishes.
        if let Some(s) = events.iter().position(|e| *e == started) {
            assert!(s < events.iter().position(|e| *e == finished).unwrap());
        }
    }
    assert_eq!(events.len(), 1 + 3 + 4, "{events:#?}");
    assert_eq!(
        server.hits("/flaky"),
        3,
        "a retry, then the redirect's target"
    );
}
