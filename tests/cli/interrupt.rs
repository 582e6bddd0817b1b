//! Ctrl-C (SIGINT) at any moment leaves nothing half-written: no partial
//! output file, no temp file, no partial cache entry, and the next run works.
//! The binary is spawned and sent SIGINT with `kill -INT`; where the moment
//! matters, a local server tells the test that the run is mid-fetch.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::sync::mpsc;

use crate::factcheck;

// The fetch tests' server, as tests/cli/read.rs includes it too.
#[path = "../fetch/server.rs"]
#[allow(dead_code, clippy::duplicate_mod)]
mod server;

use server::{Reply, Server};

fn spawn(dir: &Path, args: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("factcheck"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn interrupt(child: &Child) {
    let pid = nix::unistd::Pid::from_raw(i32::try_from(child.id()).unwrap());
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).unwrap();
}

/// Ended by the interrupt: our handler's 130, or, when SIGINT came before the
/// handler was installed, the signal itself; or the run had already finished.
fn ended_calmly(status: ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt as _;
    matches!(status.code(), Some(130 | 0)) || status.signal() == Some(2)
}

/// Every file below `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

fn assert_no_temp_files(dir: &Path) {
    let temps: Vec<_> = files(dir)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(temps.is_empty(), "temp files left behind: {temps:?}");
}

const ARTICLE: &str = "UN chief to meet Putin in Kazan\n\nThe strike, which targeted the city center, killed at least two civilians, officials said.\n";

/// Waits for the interrupted run to end while its stdin is still open.
/// `Child::wait` closes stdin first, and an article that ends (EOF) before
/// the handler's thread has run would be a finished run, not an
/// interrupted one: the user's Ctrl-C comes while the article is still
/// being typed. A run still alive after 20 s has ignored the interrupt.
fn wait_with_stdin_open(child: &mut Child) -> ExitStatus {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::time::Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.wait().unwrap()
}

#[test]
fn new_interrupted_while_reading_keeps_the_old_draft() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.toml");
    fs::write(&out, "old draft\n").unwrap();
    // stdin held open: the run waits for the article, then is interrupted.
    let mut child = spawn(dir.path(), &["new", "-", "-o", "draft.toml", "--force"]);
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(b"The strike killed 2 ")
        .unwrap();
    interrupt(&child);
    let status = wait_with_stdin_open(&mut child);
    assert!(ended_calmly(status), "{status:?}");
    assert_eq!(fs::read_to_string(&out).unwrap(), "old draft\n");
    assert_eq!(files(dir.path()), [PathBuf::from("draft.toml")]);
    // The next run works.
    factcheck()
        .current_dir(dir.path())
        .args(["new", "-", "-o", "draft.toml", "--force"])
        .write_stdin(ARTICLE)
        .assert()
        .code(0);
    assert!(fs::read_to_string(&out).unwrap().contains("[[claim]]"));
}

#[test]
fn new_interrupted_at_any_moment_leaves_the_old_draft_or_the_whole_new_one() {
    let dir = tempfile::tempdir().unwrap();
    // A long article, so the draft takes a while to build and write.
    let article = ARTICLE.repeat(2_000);
    fs::write(dir.path().join("article.txt"), &article).unwrap();
    factcheck()
        .current_dir(dir.path())
        .args(["new", "article.txt", "-o", "whole.toml"])
        .assert()
        .code(0);
    let whole = fs::read(dir.path().join("whole.toml")).unwrap();
    fs::remove_file(dir.path().join("whole.toml")).unwrap();
    let out = dir.path().join("draft.toml");
    // The interrupt lands at a different moment of the run each time; which
    // moment does not matter, every outcome must hold the invariant.
    for round in 0..12u32 {
        fs::write(&out, "old draft\n").unwrap();
        let child = spawn(
            dir.path(),
            &["new", "article.txt", "-o", "draft.toml", "--force"],
        );
        std::thread::sleep(std::time::Duration::from_millis(u64::from(round) * 15));
        interrupt(&child);
        let output = child.wait_with_output().unwrap();
        assert!(
            ended_calmly(output.status),
            "round {round}: {:?}",
            output.status
        );
        let now = fs::read(&out).unwrap();
        assert!(
            now == b"old draft\n" || now == whole,
            "round {round}: a partial draft of {} bytes",
            now.len()
        );
        assert_no_temp_files(dir.path());
    }
}

#[test]
fn read_interrupted_mid_fetch_leaves_no_cache_entry_and_the_next_run_works() {
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let server = Server::start(move |req, hit| {
        if req.path == "/page" && hit == 1 {
            tx.lock().unwrap().send(()).unwrap();
            Reply::Hang
        } else {
            Reply::ok("text/plain", "The strike killed two civilians.\n")
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    fs::create_dir(&cache).unwrap();
    let url = server.url("/page");
    let mut child = spawn(
        dir.path(),
        &["read", &url, "--retries", "0", "--cache-dir", "cache"],
    );
    // The request reached the server: the run is mid-fetch.
    wait_for_request(&rx, &mut child);
    interrupt(&child);
    let status = child.wait_with_output().unwrap().status;
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert!(files(&cache).is_empty(), "{:?}", files(&cache));
    // The next run fetches, caches, and a run after it reads the cache offline.
    for args in [
        &["--cache-dir", "cache"][..],
        &["--offline", "--cache-dir", "cache"],
    ] {
        factcheck()
            .current_dir(dir.path())
            .args(["read", &url])
            .args(args)
            .assert()
            .code(0)
            .stdout("The strike killed two civilians.\n");
    }
    assert_no_temp_files(dir.path());
    assert_eq!(server.hits("/page"), 2);
}

#[test]
fn two_runs_at_once_on_one_cache_both_finish_and_the_cache_stays_valid() {
    let pages: Vec<String> = (0..20)
        .map(|i| format!("Page {i} says 1{i} were hurt.\n"))
        .collect();
    let bodies = pages.clone();
    let server = Server::start(move |req, _| {
        let i: usize = req.path.trim_start_matches("/p").parse().unwrap_or(0);
        Reply::ok("text/plain", bodies[i % bodies.len()].clone())
    });
    let dir = tempfile::tempdir().unwrap();
    for round in 0..3 {
        let children: Vec<_> = (0..2)
            .map(|_| {
                let urls: Vec<String> = (0..20).map(|i| server.url(&format!("/p{i}"))).collect();
                // `read` takes one source; a shell loop runs twenty in a row
                // per process, and the two processes race on every entry.
                let script = urls
                    .iter()
                    .map(|u| format!("\"$0\" read --refresh --cache-dir cache '{u}' || exit 9"))
                    .collect::<Vec<_>>()
                    .join("\n");
                Command::new("sh")
                    .current_dir(dir.path())
                    .args(["-c", &script])
                    .arg(assert_cmd::cargo::cargo_bin("factcheck"))
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success(), "round {round}");
        }
    }
    assert_no_temp_files(dir.path());
    for (i, page) in pages.iter().enumerate() {
        factcheck()
            .current_dir(dir.path())
            .args([
                "read",
                &server.url(&format!("/p{i}")),
                "--offline",
                "--cache-dir",
                "cache",
            ])
            .assert()
            .code(0)
            .stdout(page.clone());
    }
}

#[test]
fn check_interrupted_mid_fetch_keeps_the_old_report_and_archive_and_leaves_no_temp_file() {
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let server = Server::start(move |req, hit| match req.path.as_str() {
        "/held" if hit == 1 => {
            tx.lock().unwrap().send(()).unwrap();
            Reply::Hang
        }
        _ => Reply::ok("text/plain", "The strike killed at least two civilians.\n"),
    });
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("factcheck.toml"), "").unwrap();
    fs::create_dir(dir.path().join("claims")).unwrap();
    fs::write(
        dir.path().join("claims/a.toml"),
        format!(
            "[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"killed\"\n\
             text = \"The strike killed at least two civilians\"\nvalue = \"at least two\"\n\
             about = [\"strike\", \"kill*\"]\nsources = [\"{}\", \"{}\"]\n",
            server.url("/served"),
            server.url("/held")
        ),
    )
    .unwrap();
    fs::write(dir.path().join("report.json"), "old report\n").unwrap();
    fs::write(dir.path().join("run.warc.gz"), "old archive\n").unwrap();
    let args = [
        "check",
        "--format",
        "json",
        "-o",
        "report.json",
        "--archive",
        "run.warc.gz",
        "--retries",
        "0",
        "--cache-dir",
        "cache",
    ];
    let mut child = spawn(dir.path(), &args);
    wait_for_request(&rx, &mut child);
    interrupt(&child);
    let status = child.wait_with_output().unwrap().status;
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert_eq!(
        fs::read_to_string(dir.path().join("report.json")).unwrap(),
        "old report\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("run.warc.gz")).unwrap(),
        "old archive\n"
    );
    assert_no_temp_files(dir.path());
    // The next run finishes: a whole report, a whole archive, both sources cached.
    let out = factcheck()
        .current_dir(dir.path())
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["summary"]["match"], 1);
    let archive = fs::read(dir.path().join("run.warc.gz")).unwrap();
    assert_eq!(factcheck::fetch::read_warc(&archive).unwrap(), 2);
    assert_no_temp_files(dir.path());
}

/// Waits until the server has the request (the run is mid-fetch), or fails
/// with the run's stderr if it ended first.
fn wait_for_request(rx: &mpsc::Receiver<()>, child: &mut Child) {
    loop {
        if rx
            .recv_timeout(std::time::Duration::from_millis(50))
            .is_ok()
        {
            return;
        }
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            panic!("the run ended before its request: {status:?}\n{err}");
        }
    }
}

#[test]
fn accept_interrupted_mid_fetch_keeps_the_old_lock_and_the_next_run_writes_it() {
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    // The first accept reads the page; the second is held mid-fetch and
    // interrupted; the page then changes, and the third accept records it.
    let server = Server::start(move |_, hit| match hit {
        1 => Reply::ok("text/plain", "The strike killed at least two civilians.\n"),
        2 => {
            tx.lock().unwrap().send(()).unwrap();
            Reply::Hang
        }
        _ => Reply::ok(
            "text/plain",
            "The strike killed at least three civilians.\n",
        ),
    });
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("factcheck.toml"), "").unwrap();
    fs::create_dir(dir.path().join("claims")).unwrap();
    fs::write(
        dir.path().join("claims/a.toml"),
        format!(
            "[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"killed\"\n\
             text = \"The strike killed at least two civilians\"\nvalue = \"at least two\"\n\
             about = [\"strike\", \"kill*\"]\nsources = [\"{}\"]\n",
            server.url("/page")
        ),
    )
    .unwrap();
    let args = [
        "accept",
        "--refresh",
        "--retries",
        "0",
        "--cache-dir",
        "cache",
    ];
    factcheck()
        .current_dir(dir.path())
        .args(args)
        .assert()
        .code(0);
    let lock = dir.path().join("claims/a.lock");
    let accepted = fs::read_to_string(&lock).unwrap();
    assert!(accepted.contains("at least two civilians"), "{accepted}");
    let mut child = spawn(dir.path(), &args);
    wait_for_request(&rx, &mut child);
    interrupt(&child);
    let status = child.wait_with_output().unwrap().status;
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert_eq!(fs::read_to_string(&lock).unwrap(), accepted);
    assert_no_temp_files(dir.path());
    // The next run works: it writes the whole new lock, which a check reads.
    factcheck()
        .current_dir(dir.path())
        .args(args)
        .assert()
        .code(0);
    assert!(
        fs::read_to_string(&lock)
            .unwrap()
            .contains("at least three civilians")
    );
    factcheck()
        .current_dir(dir.path())
        .args(["check", "--locked", "--offline", "--cache-dir", "cache"])
        .assert()
        .code(0);
    assert_no_temp_files(dir.path());
}

#[test]
fn two_checks_at_once_on_one_cache_both_finish_and_the_cache_stays_valid() {
    let server = Server::start(|req, _| {
        Reply::ok(
            "text/plain",
            format!(
                "On {} the strike killed at least two civilians.\n",
                req.path
            ),
        )
    });
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("factcheck.toml"), "").unwrap();
    fs::create_dir(dir.path().join("claims")).unwrap();
    let sources: Vec<String> = (0..30)
        .map(|i| format!("\"{}\"", server.url(&format!("/p{i}"))))
        .collect();
    fs::write(
        dir.path().join("claims/a.toml"),
        format!(
            "[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"killed\"\n\
             text = \"The strike killed at least two civilians\"\nvalue = \"at least two\"\n\
             about = [\"strike\", \"kill*\"]\nsources = [{}]\n",
            sources.join(", ")
        ),
    )
    .unwrap();
    let bin = assert_cmd::cargo::cargo_bin("factcheck");
    for round in 0..3 {
        let children: Vec<_> = (0..2)
            .map(|_| {
                Command::new(&bin)
                    .current_dir(dir.path())
                    .args([
                        "check",
                        "--refresh",
                        "--cache-dir",
                        "cache",
                        "--format",
                        "json",
                    ])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            assert_eq!(child.wait().unwrap().code(), Some(0), "round {round}");
        }
    }
    assert_no_temp_files(dir.path());
    // Every source is read back from the cache alone.
    let out = factcheck()
        .current_dir(dir.path())
        .args([
            "check",
            "--offline",
            "--cache-dir",
            "cache",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let evidence = json["files"][0]["claims"][0]["evidence"]
        .as_array()
        .unwrap();
    assert_eq!(evidence.len(), 30);
    assert!(
        evidence.iter().all(|e| e["verdict"] == "match"),
        "{evidence:?}"
    );
}
