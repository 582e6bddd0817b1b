//! Progress on stderr while sources are read (issue 16): in a log (no
//! terminal) a line every interval while a source is still out, naming the
//! slowest host, and nothing for a run whose sources all arrive at once. The
//! slow server is real and holds its answer until the test has seen the line.

use std::fmt::Write as _;
use std::io::{BufRead as _, BufReader, Read as _};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use serde_json::Value;

use crate::factcheck;
use crate::server::{Reply, Server};

const PAGE: &str = "The strike killed 14 people. About 60% of homes lost power. \
    The strike injured 31 people.\n";

/// A project with one claim per source URL, each matched by `PAGE`.
fn project(urls: &[String]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factcheck.toml"), "").unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    let claims = [
        ("killed", "The strike killed 14 people.", "14", "kill*"),
        ("power", "60% of homes lost power.", "60%", "power"),
        ("injured", "The strike injured 31 people.", "31", "injur*"),
    ];
    let mut text = String::from("[article]\ntitle = \"Strike\"\n");
    for (i, url) in urls.iter().enumerate() {
        let _ = write!(text, "\n[sources.s{i}]\nurl = \"{url}\"\n");
    }
    for (i, (id, claim, value, about)) in claims.iter().enumerate().take(urls.len()) {
        let _ = write!(
            text,
            "\n[[claim]]\nid = \"{id}\"\ntext = \"{claim}\"\nvalue = \"{value}\"\n\
             about = [\"{about}\"]\nsources = [\"s{i}\"]\n"
        );
    }
    std::fs::write(dir.path().join("claims/strike.toml"), text).unwrap();
    dir
}

fn is_progress_line(line: &str) -> bool {
    let Some((counts, rest)) = line.split_once(" sources read") else {
        return false;
    };
    counts
        .split_once('/')
        .is_some_and(|(done, total)| done.parse::<usize>().is_ok() && total == "3")
        && (rest.is_empty() || rest.starts_with(", "))
}

#[test]
fn a_log_gets_a_line_naming_the_slow_host_while_its_answer_is_held() {
    let fast = Server::start(|_, _| Reply::ok("text/plain", PAGE));
    let gate = Arc::new(tokio::sync::Semaphore::new(0));
    let held = gate.clone();
    let slow = Server::start(move |_, _| {
        Reply::Held(held.clone(), Box::new(Reply::ok("text/plain", PAGE)))
    });
    let dir = project(&[fast.url("/a"), fast.url("/b"), slow.url("/c")]);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("factcheck"))
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "--retries",
            "0",
            "--timeout",
            "60",
        ])
        .env("NO_COLOR", "1")
        .env("FACTCHECK_PROGRESS_INTERVAL", "0.05")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reading = std::thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).unwrap();
        text
    });
    // Two sources are in, the slow one is out: the line says so and names
    // its host. Only then does the server answer. (Should the line never
    // come, the request times out, stderr closes and the test fails.)
    let expected = format!(
        "2/3 sources read, 1 in flight, slowest: 127.0.0.1:{} (",
        slow.addr.port()
    );
    let mut lines = Vec::new();
    let mut released = false;
    for line in BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        if !released && line.starts_with(&expected) {
            gate.close();
            released = true;
        }
        lines.push(line);
    }
    let status = child.wait().unwrap();
    let stdout = reading.join().unwrap();
    assert!(released, "no line `{expected}...` in {lines:#?}");
    assert_eq!(status.code(), Some(0), "{lines:#?}\n{stdout}");
    // Every line is a progress line but the closing one.
    let (last, progress) = lines.split_last().unwrap();
    assert!(progress.iter().all(|l| is_progress_line(l)), "{lines:#?}");
    assert!(
        last.starts_with("read 3 sources in ") && last.ends_with(" s: 3 read, 0 unreachable"),
        "{last}"
    );
    // The report on stdout is the report, untouched.
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let verdicts: Vec<&str> = report["files"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["match", "match", "match"]);
}

#[test]
fn a_run_whose_sources_arrive_at_once_prints_no_progress() {
    let server = Server::start(|_, _| Reply::ok("text/plain", PAGE));
    let dir = project(&[server.url("/a"), server.url("/b")]);
    check_quietly(dir.path());
}

/// Checks with the default interval: the run is done long before it.
fn check_quietly(dir: &Path) {
    let out = factcheck()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .env_remove("FACTCHECK_PROGRESS_INTERVAL")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let _: Value = serde_json::from_slice(&out.stdout).unwrap();
}
