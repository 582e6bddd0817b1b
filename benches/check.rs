//! `factcheck check` at newsroom scale: 10,000 claims (figures, quotes and
//! statements) in 100 claim files, against 1,000 local HTML sources of about
//! 50 KB each, generated. Runs the release binary on them under
//! `/usr/bin/time -v` when it is there and prints the wall time and the peak
//! memory (the budget: under 5 s on 2 cores, under 500 MB).
//!
//! `cargo bench --bench check` (set `FACTCHECK_BENCH_DIR` to keep the data).
//!
//! Sharding: `FACTCHECK_BENCH_FILES=2000 FACTCHECK_BENCH_CLAIMS=5
//! FACTCHECK_BENCH_SHARDS=4 cargo bench --bench check` generates that many
//! claim files (of that many claims), checks them once whole and once in 4
//! shards (`--shard K/4`, one after the other, as the jobs of a matrix would
//! run them on their own machines), joins the shards with `factcheck merge`,
//! and asserts that the merged report is the unsharded one (the run's start
//! and the sources' read times, which differ between any two runs, left out).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SOURCES: usize = 1_000;
/// Claim files, and claims in each (`FACTCHECK_BENCH_FILES`,
/// `FACTCHECK_BENCH_CLAIMS` change them).
fn sizes() -> (usize, usize) {
    let var = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    (
        var("FACTCHECK_BENCH_FILES", 100),
        var("FACTCHECK_BENCH_CLAIMS", 100),
    )
}
const PAGE_BYTES: usize = 50_000;

const CITIES: [&str; 12] = [
    "Zaporizhzhia",
    "Kharkiv",
    "Odesa",
    "Dnipro",
    "Sumy",
    "Kherson",
    "Mykolaiv",
    "Lviv",
    "Poltava",
    "Chernihiv",
    "Kramatorsk",
    "Pokrovsk",
];
const FILLER: [&str; 40] = [
    "officials",
    "said",
    "the",
    "regional",
    "governor",
    "reported",
    "on",
    "Telegram",
    "after",
    "overnight",
    "attack",
    "rescuers",
    "worked",
    "through",
    "rubble",
    "of",
    "a",
    "residential",
    "block",
    "ministry",
    "statement",
    "according",
    "to",
    "local",
    "authorities",
    "emergency",
    "services",
    "were",
    "at",
    "scene",
    "power",
    "was",
    "cut",
    "in",
    "several",
    "districts",
    "talks",
    "continued",
    "with",
    "partners",
];

/// A deterministic generator, so every run checks the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn filler(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(&FILLER));
    }
    s
}

/// The facts page `i` states: (city, killed, injured).
fn facts(i: usize) -> (&'static str, usize, usize) {
    (CITIES[i % CITIES.len()], 2 + i % 7, 10 + i % 23)
}

fn page(i: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1));
    let (city, killed, injured) = facts(i);
    let mut html = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Report {i}</title>\
         <script>var data = {{\"killed\": 99}};</script></head><body>\
         <header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header><main><article>\
         <h1>Strikes on {city}: the latest</h1>"
    );
    let mut n = 0;
    while html.len() < PAGE_BYTES {
        n += 1;
        let sentence = match n % 9 {
            1 => format!(
                "In {city}, Russian strikes killed {killed} people and injured {injured}, {}.",
                filler(&mut rng, 6)
            ),
            2 => format!(
                "The ministry said the visit “does not advance the cause of peace in {city}” and {}.",
                filler(&mut rng, 5)
            ),
            3 => format!(
                "About {} buildings were damaged and £{}.{}bn in aid was pledged, {}.",
                20 + rng.below(80),
                1 + rng.below(9),
                rng.below(99),
                filler(&mut rng, 4)
            ),
            4 => format!(
                "<table><tr><td>{}</td><td>{} killed</td><td>{} injured</td></tr></table>",
                rng.pick(&CITIES),
                rng.below(20),
                rng.below(60)
            ),
            _ => {
                let len = 12 + rng.below(14);
                let mut s = filler(&mut rng, len);
                s[..1].make_ascii_uppercase();
                format!("{s}, {} {}.", rng.pick(&CITIES), filler(&mut rng, 4))
            }
        };
        if sentence.starts_with("<table") {
            html.push_str(&sentence);
        } else {
            write!(html, "<p>{sentence}</p>").unwrap();
        }
    }
    html.push_str(
        "</article><aside><p>Most read: 500 killed elsewhere.</p></aside></main>\
         <footer>© News</footer></body></html>",
    );
    html
}

fn claim_file(f: usize, claims: usize) -> String {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03 ^ (f as u64 + 1));
    let mut text = format!("[article]\ntitle = \"Article {f}\"\npublished = 2024-10-22\n\n");
    for c in 0..claims {
        let s = rng.below(SOURCES);
        let t = rng.below(SOURCES);
        let (city, killed, injured) = facts(s);
        write!(text, "[[claim]]\nid = \"c{c}\"\ntext = \"Claim {c}\"\n").unwrap();
        match c % 5 {
            0 | 1 => writeln!(
                text,
                "value = \"at least {killed}\"\nabout = [\"{city}\", \"kill*|dead\"]"
            )
            .unwrap(),
            2 => writeln!(
                text,
                "value = \"{}\"\nabout = [\"{city}\", \"injur*|wounded\"]",
                injured + rng.below(2)
            )
            .unwrap(),
            3 => writeln!(
                text,
                "quote = \"does not {} the cause of peace in {city}\"",
                if rng.below(2) == 0 {
                    "advance"
                } else {
                    "serve"
                }
            )
            .unwrap(),
            _ => writeln!(text, "about = [\"{city}\", \"strike*\", \"injur*\"]").unwrap(),
        }
        writeln!(
            text,
            "sources = [\"../sources/s{s}.html\", \"../sources/s{t}.html\"]\n"
        )
        .unwrap();
    }
    text
}

fn generate(dir: &Path, files: usize, claims: usize) {
    if dir
        .join("claims")
        .join(format!("f{}.toml", files - 1))
        .exists()
    {
        return;
    }
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::write(dir.join("factcheck.toml"), "").unwrap();
    for i in 0..SOURCES {
        std::fs::write(dir.join("sources").join(format!("s{i}.html")), page(i)).unwrap();
    }
    for f in 0..files {
        std::fs::write(
            dir.join("claims").join(format!("f{f}.toml")),
            claim_file(f, claims),
        )
        .unwrap();
    }
}

fn main() {
    // `cargo bench` passes --bench; filters are not used here.
    let (files, claims) = sizes();
    let keep = std::env::var_os("FACTCHECK_BENCH_DIR").map(PathBuf::from);
    let temp = tempfile::tempdir().unwrap();
    let dir = keep.unwrap_or_else(|| temp.path().to_path_buf());
    generate(&dir, files, claims);
    let bytes: u64 = std::fs::read_dir(dir.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    println!(
        "data: {SOURCES} sources ({:.1} MB of HTML), {} claims in {files} files, in {}",
        bytes as f64 / 1e6,
        files * claims,
        dir.display()
    );
    let exe = env!("CARGO_BIN_EXE_factcheck");
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(exe);
        c
    } else {
        Command::new(exe)
    };
    cmd.current_dir(&dir)
        .args([
            "check",
            "--offline",
            "--format",
            "json",
            "-o",
            "report.json",
            "--cache-dir",
        ])
        .arg(dir.join(".cache"))
        .arg("claims");
    let start = Instant::now();
    let out = cmd.output().unwrap();
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rss = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|kb| kb.trim().parse::<u64>().ok());
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap();
    println!("exit code: {:?}", out.status.code());
    println!("summary: {}", report["summary"]);
    println!("wall time: {:.2} s", elapsed.as_secs_f64());
    match rss {
        Some(kb) => println!("peak memory: {:.0} MB", kb as f64 / 1024.0),
        None => println!("peak memory: unknown (no /usr/bin/time -v)"),
    }
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    if let Some(shards) = std::env::var("FACTCHECK_BENCH_SHARDS")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
    {
        shard_and_merge(&dir, exe, shards, &report, out.status.code());
    }
}

/// Checks the archive in `shards` shards, merges them, and asserts the
/// merged report is `whole` with the same exit code.
fn shard_and_merge(
    dir: &Path,
    exe: &str,
    shards: u32,
    whole: &serde_json::Value,
    whole_code: Option<i32>,
) {
    let mut parts = Vec::new();
    let mut slowest = 0.0f64;
    let mut total = 0.0f64;
    for k in 1..=shards {
        let name = format!("shard-{k}.json");
        let start = Instant::now();
        let out = Command::new(exe)
            .current_dir(dir)
            .args(["check", "--offline", "--format", "json", "-o", &name])
            .args(["--shard", &format!("{k}/{shards}"), "--cache-dir"])
            .arg(dir.join(".cache"))
            .arg("claims")
            .output()
            .unwrap();
        let took = start.elapsed().as_secs_f64();
        slowest = slowest.max(took);
        total += took;
        let part: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join(&name)).unwrap()).unwrap();
        println!(
            "shard {k}/{shards}: {} files, {} claims, {took:.2} s, exit {:?}",
            part["files"].as_array().unwrap().len(),
            part["summary"]["claims"],
            out.status.code()
        );
        parts.push(name);
    }
    let start = Instant::now();
    let out = Command::new(exe)
        .current_dir(dir)
        .args(["merge", "--format", "json", "-o", "merged.json"])
        .args(&parts)
        .output()
        .unwrap();
    let merge = start.elapsed().as_secs_f64();
    println!(
        "merge: {merge:.2} s, exit {:?}; shards: slowest {slowest:.2} s, all {total:.2} s one after the other; \
         a {shards}-machine matrix: slowest shard + merge = {:.2} s",
        out.status.code(),
        slowest + merge
    );
    assert_eq!(
        out.status.code(),
        whole_code,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("merged.json")).unwrap()).unwrap();
    assert_eq!(comparable(merged), comparable(whole.clone()));
    // And byte for byte, as written, once the run's start and the read
    // times are blanked (the filtered files are kept beside the reports).
    let whole_text = filtered(&std::fs::read_to_string(dir.join("report.json")).unwrap());
    let merged_text = filtered(&std::fs::read_to_string(dir.join("merged.json")).unwrap());
    std::fs::write(dir.join("report.filtered.json"), &whole_text).unwrap();
    std::fs::write(dir.join("merged.filtered.json"), &merged_text).unwrap();
    assert!(
        whole_text == merged_text,
        "the merged report differs from the unsharded one: diff {0}/report.filtered.json {0}/merged.filtered.json",
        dir.display()
    );
    println!(
        "merged report = unsharded report, byte for byte ({} bytes) with `started` and `read_at` blanked",
        merged_text.len()
    );
}

/// The report's text with the values that differ between any two runs
/// blanked: the run's `started` and each source's `read_at`.
fn filtered(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        match ["\"started\": ", "\"read_at\": "]
            .iter()
            .find(|key| trimmed.starts_with(**key))
        {
            Some(key) => {
                let comma = if trimmed.ends_with(',') { "," } else { "" };
                writeln!(out, "{indent}{key}\"[filtered]\"{comma}").unwrap();
            }
            None => writeln!(out, "{line}").unwrap(),
        }
    }
    out
}

/// A report without what differs between any two runs: `run` and each
/// source's `read_at`.
fn comparable(mut report: serde_json::Value) -> serde_json::Value {
    report.as_object_mut().unwrap().remove("run");
    for file in report["files"].as_array_mut().unwrap() {
        for claim in file["claims"].as_array_mut().unwrap() {
            for evidence in claim["evidence"].as_array_mut().unwrap() {
                evidence.as_object_mut().unwrap().remove("read_at");
            }
        }
    }
    report
}
