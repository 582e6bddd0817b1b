//! `accept`, `review` and `check --locked` against a local server whose page
//! changes between runs: a toll rises, a quote is reworded, a page is taken
//! down.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use predicates::prelude::*;
use serde_json::Value;

use crate::factcheck;

/// A page server on 127.0.0.1 with two versions of its pages.
struct Server {
    port: u16,
    version: Arc<AtomicUsize>,
}

const STORY_V1: &str = "<html><body><main>\
<p>A Russian strike on Zaporizhzhia killed 2 civilians on Tuesday, the regional governor said.</p>\
<p>The ministry said the meeting \"does not advance the cause of peace\" in a statement.</p>\
</main></body></html>";

const STORY_V2: &str = "<html><body><main>\
<p>A Russian strike on Zaporizhzhia killed 5 civilians on Tuesday, the regional governor said.</p>\
<p>The ministry said the meeting \"does not serve the cause of peace\" in a statement.</p>\
</main></body></html>";

const BRIEF: &str = "<html><body><main>\
<p>Officials in Zaporizhzhia said the attack killed 2 people.</p>\
</main></body></html>";

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let version = Arc::new(AtomicUsize::new(1));
        let shared = Arc::clone(&version);
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let v = shared.load(Ordering::SeqCst);
                thread::spawn(move || answer(stream, v));
            }
        });
        Server { port, version }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn switch_to(&self, version: usize) {
        self.version.store(version, Ordering::SeqCst);
    }
}

fn answer(mut stream: TcpStream, version: usize) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split(' ').nth(1).unwrap_or("/");
    let (status, body) = match (path, version) {
        ("/story", 1) => ("200 OK", STORY_V1),
        ("/story", _) => ("200 OK", STORY_V2),
        ("/brief", 1) => ("200 OK", BRIEF),
        _ => (
            "404 Not Found",
            "<html><body><p>Not found</p></body></html>",
        ),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// A project in a temporary directory with one claim file citing the server.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new(server: &Server) -> Project {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("factcheck.toml"), "").unwrap();
        fs::create_dir(dir.path().join("claims")).unwrap();
        let claims = format!(
            r#"[article]
title = "Strike on Zaporizhzhia"

[sources.story]
url = "{story}"

[sources.brief]
url = "{brief}"

[[claim]]
id = "killed"
text = "The strike killed at least two civilians"
value = "at least two"
about = ["Zaporizhzhia", "kill*"]
sources = ["story"]

[[claim]]
id = "peace"
text = "The ministry said the meeting \"does not advance the cause of peace\""
quote = "does not advance the cause of peace"
sources = ["story"]

[[claim]]
id = "brief"
text = "The attack killed two people"
value = "two"
about = ["kill*"]
sources = ["brief"]

[[claim]]
id = "opinion"
text = "The city was calm"
about = ["calm"]
"#,
            story = server.url("/story"),
            brief = server.url("/brief"),
        );
        fs::write(dir.path().join("claims/strike.toml"), claims).unwrap();
        Project { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn lock(&self) -> PathBuf {
        self.path().join("claims/strike.lock")
    }

    fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        factcheck()
            .current_dir(self.path())
            .args(args)
            .arg("--refresh")
            .assert()
    }

    fn json(&self, extra: &[&str]) -> (i32, Value) {
        let mut args = vec!["check", "claims", "--format", "json"];
        args.extend_from_slice(extra);
        let out = self.run(&args).get_output().clone();
        let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{e}: {}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code().unwrap(), json)
    }
}

fn claim<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["files"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
}

/// `(op, text)` pairs of an evidence item's `review_diff`.
fn review_diff(claim: &Value) -> Vec<(String, String)> {
    claim["evidence"][0]["review_diff"]
        .as_array()
        .unwrap_or_else(|| panic!("no review_diff in {claim:#}"))
        .iter()
        .map(|d| {
            (
                d["op"].as_str().unwrap().to_owned(),
                d["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn changes(diff: &[(String, String)]) -> Vec<(&str, &str)> {
    diff.iter()
        .filter(|(op, _)| op != "equal")
        .map(|(op, text)| (op.as_str(), text.as_str()))
        .collect()
}

#[test]
fn accepted_evidence_that_changes_is_reported_with_diffs() {
    let server = Server::start();
    let project = Project::new(&server);

    // Never accepted: a plain check passes, --locked fails on the sourced claims.
    let (code, report) = project.json(&[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(claim(&report, "killed")["verdict"], "match");
    assert_eq!(claim(&report, "killed")["changed_since_review"], false);
    let (code, report) = project.json(&["--locked"]);
    assert_eq!(code, 1);
    assert_eq!(claim(&report, "killed")["changed_since_review"], true);
    assert_eq!(claim(&report, "opinion")["changed_since_review"], false);

    project
        .run(&["accept", "claims"])
        .success()
        .stdout(predicates::str::contains("strike.lock: accepted 4 claims"));
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("[claim.killed.source.story]"), "{lock}");

    let (code, report) = project.json(&["--locked"]);
    assert_eq!(code, 0, "{report:#}");
    for id in ["killed", "peace", "brief", "opinion"] {
        assert_eq!(claim(&report, id)["accepted"], true, "{id}");
        assert_eq!(claim(&report, id)["changed_since_review"], false, "{id}");
    }

    server.switch_to(2);
    let (code, report) = project.json(&[]);
    // The 404 makes `brief` unreachable, which fails the gate by default.
    assert_eq!(code, 1, "{report:#}");
    let killed = claim(&report, "killed");
    assert_eq!(killed["verdict"], "match");
    assert_eq!(killed["accepted"], false);
    assert_eq!(killed["changed_since_review"], true);
    assert_eq!(
        changes(&review_diff(killed)),
        [("delete", "2"), ("insert", "5")]
    );
    let peace = claim(&report, "peace");
    assert_eq!(peace["verdict"], "mismatch");
    assert_eq!(peace["changed_since_review"], true);
    assert_eq!(
        changes(&review_diff(peace)),
        [("delete", "advance"), ("insert", "serve")]
    );
    let brief = claim(&report, "brief");
    assert_eq!(brief["verdict"], "unreachable");
    assert_eq!(brief["changed_since_review"], true);
    assert_eq!(
        changes(&review_diff(brief)),
        [(
            "delete",
            "Officials in Zaporizhzhia said the attack killed 2 people."
        )]
    );
    assert_eq!(claim(&report, "opinion")["accepted"], true);
    assert_eq!(claim(&report, "opinion")["changed_since_review"], false);

    let (code, _) = project.json(&["--locked", "--fail-on", "mismatch"]);
    assert_eq!(code, 1);
    // Without --locked, a changed claim fails only on its verdict.
    let (code, _) = project.json(&["--fail-on", "disputed"]);
    assert_eq!(code, 0);

    // The term report names what changed.
    project
        .run(&["check", "claims", "--locked"])
        .code(1)
        .stdout(predicates::str::contains("killed"));

    // Without a terminal, review asks nothing and lists the changed claims.
    let out = project
        .run(&["review", "claims"])
        .code(1)
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "killed: changed (story: passage, figure changed)",
        "peace: changed (story: passage, verdict changed)",
        "brief: changed (brief: passage, figure, verdict changed)",
        "factcheck accept",
        "factcheck check --locked",
    ] {
        assert!(text.contains(want), "{want:?} in\n{text}");
    }
    assert!(!text.contains("opinion"), "{text}");
}

#[test]
fn a_lock_is_byte_identical_across_runs_on_unchanged_sources() {
    let server = Server::start();
    let project = Project::new(&server);
    project.run(&["accept", "claims"]).success();
    let first = fs::read(project.lock()).unwrap();
    project
        .run(&["accept", "claims"])
        .success()
        .stdout(predicates::str::contains("unchanged"));
    assert_eq!(fs::read(project.lock()).unwrap(), first);
    // No temporary file is left beside it.
    let names: Vec<String> = fs::read_dir(project.path().join("claims"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn accept_one_claim_and_drop_claims_no_longer_in_the_file() {
    let server = Server::start();
    let project = Project::new(&server);
    project
        .run(&["accept", "claims", "--claim", "killed"])
        .success()
        .stdout(predicates::str::contains("accepted 1 claim\n"));
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(
        lock.contains("[claim.killed]") && !lock.contains("[claim.peace]"),
        "{lock}"
    );

    project
        .run(&["accept", "claims", "--claim", "no-such-claim"])
        .code(2)
        .stderr(predicates::str::contains("no-such-claim"));

    project.run(&["accept", "claims"]).success();
    let file = project.path().join("claims/strike.toml");
    let text = fs::read_to_string(&file).unwrap();
    let cut = text.find("[[claim]]\nid = \"brief\"").unwrap();
    fs::write(&file, &text[..cut]).unwrap();
    project.run(&["accept", "claims"]).success();
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(
        lock.contains("[claim.peace]") && !lock.contains("[claim.brief]"),
        "{lock}"
    );
}

#[test]
fn an_invalid_lock_is_exit_2_naming_it() {
    let server = Server::start();
    let project = Project::new(&server);
    fs::write(project.lock(), "version = [").unwrap();
    for command in ["check", "accept", "review"] {
        project
            .run(&[command, "claims"])
            .code(2)
            .stderr(predicates::str::contains("strike.lock"));
    }
}

#[test]
fn review_at_a_terminal_accepts_one_and_rejects_another() {
    let server = Server::start();
    let project = Project::new(&server);
    project.run(&["accept", "claims"]).success();
    let before = fs::read_to_string(project.lock()).unwrap();
    server.switch_to(2);

    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("factcheck"));
    command
        .current_dir(project.path())
        .env("NO_COLOR", "1")
        .args(["review", "claims", "--refresh"]);
    let mut session = rexpect::session::spawn_command(command, Some(30_000)).unwrap();
    session.exp_string("killed (1 of 3)").unwrap();
    session.exp_string("[-2-] {+5+}").unwrap();
    session.exp_string("q quit > ").unwrap();
    // Show the full passage, then accept.
    session.send("d").unwrap();
    session.flush().unwrap();
    session
        .exp_string("A Russian strike on Zaporizhzhia killed [-2-] {+5+}")
        .unwrap();
    session.exp_string("q quit > ").unwrap();
    session.send("a").unwrap();
    session.flush().unwrap();
    session
        .exp_string("killed: accepted, written to claims/strike.lock")
        .unwrap();
    session.exp_string("peace (2 of 3)").unwrap();
    session.exp_string("[-advance-] {+serve+}").unwrap();
    session.exp_string("q quit > ").unwrap();
    session.send("r").unwrap();
    session.flush().unwrap();
    session.exp_string("peace: rejected").unwrap();
    session.exp_string("brief (3 of 3)").unwrap();
    session.exp_string("was: match, figure \"2\"").unwrap();
    session.exp_string("now: unreachable").unwrap();
    session.exp_string("q quit > ").unwrap();
    session.send("s").unwrap();
    session.flush().unwrap();
    session
        .exp_string("accepted 1, rejected 1, skipped 1")
        .unwrap();
    session.exp_eof().unwrap();

    let after = fs::read_to_string(project.lock()).unwrap();
    // A claim's part of a lock: its table and its sources' tables.
    let section = |lock: &str, name: &str| {
        let head = format!("[claim.{name}]");
        let start = lock.find(&head).unwrap();
        let mut end = start + head.len();
        while let Some(next) = lock[end..].find("\n[claim.") {
            let at = end + next + 1;
            if !lock[at..].starts_with(&format!("[claim.{name}.")) {
                return lock[start..at].to_owned();
            }
            end = at + 1;
        }
        lock[start..].to_owned()
    };
    assert!(
        section(&after, "killed").contains("killed 5 civilians"),
        "{after}"
    );
    assert_eq!(section(&after, "peace"), section(&before, "peace"));
    assert_eq!(section(&after, "brief"), section(&before, "brief"));

    // The accepted claim is quiet now; the others still fail --locked.
    let (code, report) = project.json(&["--locked"]);
    assert_eq!(code, 1);
    assert_eq!(claim(&report, "killed")["accepted"], true);
    assert_eq!(claim(&report, "peace")["changed_since_review"], true);
}

#[test]
fn ctrl_c_in_review_keeps_the_decisions_made() {
    let server = Server::start();
    let project = Project::new(&server);
    project.run(&["accept", "claims"]).success();
    server.switch_to(2);

    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("factcheck"));
    command
        .current_dir(project.path())
        .env("NO_COLOR", "1")
        .args(["review", "claims", "--refresh"]);
    let mut session = rexpect::session::spawn_command(command, Some(30_000)).unwrap();
    session.exp_string("q quit > ").unwrap();
    session.send("a").unwrap();
    session.flush().unwrap();
    session.exp_string("peace (2 of 3)").unwrap();
    session.exp_string("q quit > ").unwrap();
    session.send_control('c').unwrap();
    session
        .exp_string("accepted 1, rejected 0, skipped 0, not reached 2")
        .unwrap();
    session.exp_eof().unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("killed 5 civilians"), "{lock}");
    assert!(
        lock.contains("does not advance the cause of peace\" in"),
        "{lock}"
    );
}

#[test]
fn accept_says_which_sources_it_records_as_unreachable() {
    let server = Server::start();
    let project = Project::new(&server);
    project
        .run(&["accept", "claims"])
        .success()
        .stderr(predicates::str::contains("unreachable").not());
    server.switch_to(2);
    // Unreachable fails the gate: accept alone holds it back, naming it...
    project
        .run(&["accept", "claims"])
        .success()
        .stdout(predicates::str::contains(
            "brief: unreachable, NOT accepted",
        ))
        .stderr(predicates::str::contains("unreachable:").not());
    // ...and accepting it by name says what was recorded.
    project
        .run(&[
            "accept",
            "claims",
            "--claim",
            "brief",
            "--note",
            "archive link checked by hand",
        ])
        .success()
        .stdout(predicates::str::contains("brief: unreachable, accepted"))
        .stderr(predicates::str::contains(
            "strike.lock accepted as unreachable: brief (brief)",
        ));
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(
        lock.contains("note = \"archive link checked by hand\""),
        "{lock}"
    );
    // Accepted, the unreachable claim no longer fails the gate.
    let (_, report) = project.json(&["--locked"]);
    assert_eq!(claim(&report, "brief")["verdict"], "unreachable");
    assert_eq!(claim(&report, "brief")["accepted"], true);
    assert_eq!(claim(&report, "brief")["failing"], false);
}
