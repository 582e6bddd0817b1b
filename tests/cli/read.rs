use predicates::prelude::*;

use crate::factcheck;

#[path = "../fetch/server.rs"]
#[allow(dead_code)]
mod server;

use server::{Reply, Server};

#[test]
fn read_prints_a_local_file_decoded() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("page.html"),
        b"<html><head><meta charset=\"iso-8859-1\"></head><body>\n<p>Caf\xe9 \xa35m.</p>\n</body></html>",
    )
    .unwrap();
    factcheck()
        .current_dir(dir.path())
        .args(["read", "page.html"])
        .assert()
        .code(0)
        .stdout("Café £5m.\n");
}

#[test]
fn read_of_a_missing_file_is_exit_1_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    factcheck()
        .current_dir(dir.path())
        .args(["read", "nowhere.html"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("unreachable: no such file"));
}

#[test]
fn read_fetches_a_url_and_reports_an_http_error() {
    let server = Server::start(|req, _| match req.path.as_str() {
        "/ok" => Reply::ok("text/plain", "Line one\nLine two\n"),
        _ => Reply::status(410, &[]),
    });
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    factcheck()
        .current_dir(dir.path())
        .args(["read", &server.url("/ok"), "--cache-dir"])
        .arg(&cache)
        .assert()
        .code(0)
        .stdout("Line one\nLine two\n");
    factcheck()
        .current_dir(dir.path())
        .args([
            "read",
            &server.url("/gone"),
            "--retries",
            "0",
            "--cache-dir",
        ])
        .arg(&cache)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unreachable: HTTP 410 Gone"));
    // The second read of /ok comes from the cache.
    factcheck()
        .current_dir(dir.path())
        .args(["read", &server.url("/ok"), "--offline", "--cache-dir"])
        .arg(&cache)
        .assert()
        .code(0)
        .stdout("Line one\nLine two\n");
    assert_eq!(server.hits("/ok"), 1);
}

#[test]
fn read_takes_stdin_and_a_selector() {
    factcheck()
        .args(["read", "-", "--select", "main p"])
        .write_stdin(
            "<html><body><nav><p>Menu</p></nav><main><p>The figure is 12.</p></main></body></html>",
        )
        .assert()
        .code(0)
        .stdout("The figure is 12.\n");
    factcheck()
        .args(["read", "-", "--select", "article"])
        .write_stdin("<html><body><p>x</p></body></html>")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "select = \"article\" matches nothing on the page",
        ));
}

#[test]
fn read_usage_errors_are_exit_2() {
    factcheck()
        .args(["read", "-", "--select", "p[["])
        .write_stdin("x")
        .assert()
        .code(2);
    factcheck()
        .args(["read", "x", "--concurrency", "0"])
        .assert()
        .code(2);
    factcheck()
        .args(["read", "x", "--max-size", "lots"])
        .assert()
        .code(2);
    factcheck().arg("read").assert().code(2);
}

#[test]
fn read_archives_what_it_read_and_replays_it() {
    let server = Server::start(|_, _| Reply::ok("text/markdown", "# Title\n\nBody text.\n"));
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("evidence.warc.gz");
    factcheck()
        .current_dir(dir.path())
        .args(["read", &server.url("/doc"), "--refresh", "--cache-dir"])
        .arg(dir.path().join("cache"))
        .arg("--archive")
        .arg(&archive)
        .assert()
        .code(0);
    factcheck()
        .current_dir(dir.path())
        .args(["read", &server.url("/doc"), "--offline", "--cache-dir"])
        .arg(dir.path().join("no-cache"))
        .arg("--replay")
        .arg(&archive)
        .assert()
        .code(0)
        .stdout("Title\nBody text.\n");
    assert_eq!(server.hits("/doc"), 1);
}

#[test]
fn read_with_an_unreadable_archive_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.warc"), "not a warc file\n").unwrap();
    for replay in ["missing.warc.gz", "bad.warc"] {
        factcheck()
            .current_dir(dir.path())
            .args([
                "read",
                "https://example.org/",
                "--offline",
                "--replay",
                replay,
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot read the archive"));
    }
    std::fs::write(dir.path().join("page.txt"), "text\n").unwrap();
    // A directory where the archive should go cannot be replaced by it.
    std::fs::create_dir(dir.path().join("out.warc.gz")).unwrap();
    factcheck()
        .current_dir(dir.path())
        .args(["read", "page.txt", "--archive", "out.warc.gz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write the archive"));
}

/// A page's escape sequences and bidirectional controls never reach the
/// terminal: `read` prints the text stage's sentences, which hold none.
#[test]
fn read_prints_no_control_or_bidi_character_from_the_page() {
    let page = "<html><body><main><p>Killed \u{1b}[31mtwo\u{1b}[0m \u{202e}civilians\u{202c} \u{2066}x\u{2069}\u{7}.</p>\
                <script>alert(1)</script></main></body></html>";
    let out = factcheck()
        .args(["read", "-"])
        .write_stdin(page)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, "Killed [31mtwo[0m civilians x.\n");
}

/// A news page written for this test: a site header and menu, a kicker
/// before the headline, a standfirst, the story with a caption, a table, a
/// related list, a share bar, reader comments and a footer.
const NEWS_PAGE: &str = r##"<!doctype html>
<html lang="en"><head><title>Ferry fares to rise by 8% in April | Harbour Post</title></head>
<body>
<header class="site-header"><a href="/">Harbour Post</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article>
<p class="kicker">Transport</p>
<h1>Ferry fares to rise by 8% in April</h1>
<p class="standfirst">Island residents face a second rise in a year.</p>
<p class="byline">By Sam Reed</p>
<span>4 min read</span>
<figure><img src="ferry.jpg" alt=""><figcaption>The morning ferry leaves the harbour.</figcaption></figure>
<p>The ferry company said on Monday that fares will rise by 8% from 1 April, blaming fuel costs.</p>
<p>A return ticket for a car and two adults will cost 96 pounds, up from 89 pounds.</p>
<table><tr><th>Ticket</th><th>Now</th><th>April</th></tr><tr><td>Foot passenger</td><td>12</td><td>13</td></tr></table>
<div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div>
<div class="related-links"><h3>Related</h3><ul><li><a href="/a">Ferry strike ends after 3 days</a></li></ul></div>
</article>
<section id="comments"><article><p>Another rise, and the boats are always late anyway.</p></article></section>
</main>
<footer><p>Harbour Post, 2 Quay Street. All rights reserved.</p></footer>
<script>window.x = 1;</script>
</body></html>"##;

#[test]
fn read_explain_lists_every_block_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.html"), NEWS_PAGE).unwrap();
    let out = factcheck()
        .current_dir(dir.path())
        .args(["read", "page.html", "--explain"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
    // Without --explain, exactly the blocks it marks kept.
    factcheck()
        .current_dir(dir.path())
        .args(["read", "page.html"])
        .assert()
        .code(0)
        .stdout(
            "Ferry fares to rise by 8% in April\n\
             Island residents face a second rise in a year.\n\
             By Sam Reed\n\
             The morning ferry leaves the harbour.\n\
             The ferry company said on Monday that fares will rise by 8% from 1 April, blaming fuel costs.\n\
             A return ticket for a car and two adults will cost 96 pounds, up from 89 pounds.\n\
             Ticket; Now; April\n\
             Foot passenger; 12; 13\n",
        );
}
