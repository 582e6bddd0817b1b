//! Benchmarks of the `text` stage on hostile and large pages (issue 10):
//! a 200,000-deep page, a 15 MB page, a 1 MB sentence with no full stop, and
//! the words of a megabyte. Each case runs in a child process of its own so
//! its peak memory (`VmHWM`) is its own; times are the best of three runs.
//!
//! Run: `cargo bench --bench text` (all cases) or `cargo bench --bench text
//! -- CASE` (one). No case has a pass mark here: speed is reported, not
//! asserted, as the project's tests never depend on the machine's speed.
//!
//! `real-pages` reads every `*.html` of a directory of real pages (the
//! article-extraction benchmark's, `$EXTRACTION_PAGES/html`, default
//! `~/.cache/factcheck-eval/extraction/html`) in this one process, as
//! `benches/read_speed.sh` runs it beside trafilatura in one Python process;
//! it is skipped when the directory is missing.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

use factcheck::text::{Media, sentences, words};

const CASES: &[&str] = &[
    "deep-200k-div",
    "deep-200k-unclosed",
    "deep-20k-div-unbounded",
    "deep-200k-misnested",
    "deep-200k-foster",
    "page-15mb",
    "page-15mb-parse-unbounded",
    "page-50kb",
    "sentence-1mb-html",
    "sentence-1mb-text",
    "sentence-1mb-markdown",
    "markdown-1mb-brackets",
    "initials-1mb",
    "words-1mb",
    "real-pages",
];

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if let Some(case) = args.first()
        && CASES.contains(&case.as_str())
    {
        run(case);
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    println!(
        "{:<24} {:>10} {:>10} {:>10}",
        "case", "input", "best", "peak RSS"
    );
    for case in CASES {
        let out = Command::new(&exe).arg(case).output().expect("run case");
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            println!("{case}: failed: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

fn run(case: &str) {
    if case == "real-pages" {
        real_pages();
        return;
    }
    let (input, media) = input(case);
    let mut best = Duration::MAX;
    let mut count = 0;
    for _ in 0..3 {
        let start = Instant::now();
        count = if case == "words-1mb" {
            black_box(words(black_box(&input))).len()
        } else if case.ends_with("-unbounded") {
            // The baseline the bound replaces: scraper on its own.
            black_box(scraper::Html::parse_document(black_box(&input)))
                .tree
                .nodes()
                .count()
        } else {
            black_box(sentences(black_box(&input), media, None).unwrap()).len()
        };
        best = best.min(start.elapsed());
    }
    println!(
        "{case:<24} {:>8.1}MB {:>8.3}s {:>8}MB   ({count} items)",
        input.len() as f64 / 1e6,
        best.as_secs_f64(),
        peak_rss_mb(),
    );
}

fn input(case: &str) -> (String, Media) {
    const MB: usize = 1 << 20;
    match case {
        "deep-200k-div" => (
            format!(
                "<body><p>Before.</p>{}Deep text.{}<p>After.</p></body>",
                "<div>".repeat(200_000),
                "</div>".repeat(200_000)
            ),
            Media::Html,
        ),
        "deep-20k-div-unbounded" => (
            format!(
                "<body>{}x{}</body>",
                "<div>".repeat(20_000),
                "</div>".repeat(20_000)
            ),
            Media::Html,
        ),
        "deep-200k-misnested" => {
            let soup = [
                "<div></table>",
                "<a><div>",
                "<svg><g>",
                "<math><mi><div>",
                "<object><div>",
                "<h1><div>",
                "<table><caption>",
                "<i><b>",
                "<ruby><rb>",
                "<dl><dt><div>",
                "<table><tr><td>",
                "<div/>",
            ];
            let mut page = String::from("<body>");
            for i in 0..200_000 {
                page.push_str(soup[i % soup.len()]);
                if i % 7 == 0 {
                    write!(page, "text {i}. ").unwrap();
                }
            }
            (page, Media::Html)
        }
        "deep-200k-foster" => (
            format!("<body>{}", "<table>x. <div>y. ".repeat(100_000)),
            Media::Html,
        ),
        "deep-200k-unclosed" => (
            format!("<body>{}Deep text.", "<div><span>x. ".repeat(200_000)),
            Media::Html,
        ),
        "page-15mb" | "page-15mb-parse-unbounded" => (page(15 * MB), Media::Html),
        "page-50kb" => (page(50 * 1024), Media::Html),
        "sentence-1mb-html" => (
            format!("<body><p>{}</p></body>", "word, 12 and Mr ".repeat(MB / 16)),
            Media::Html,
        ),
        "sentence-1mb-text" => ("word, 12 and Mr ".repeat(MB / 16), Media::Text),
        "sentence-1mb-markdown" => ("word **12** and _Mr_ ".repeat(MB / 20), Media::Markdown),
        "markdown-1mb-brackets" => ("[a](![b]<c ".repeat(MB / 11), Media::Markdown),
        "initials-1mb" => ("A. U.S. e.g. Mr. … ".repeat(MB / 20), Media::Text),
        "words-1mb" => (
            "Zaporizhzhia's governor, Ivan Fedorov, said 15 people – including Łódź's "
                .repeat(MB / 74),
            Media::Text,
        ),
        _ => unreachable!("unknown case"),
    }
}

/// A news page of about `size` bytes: furniture around an article of
/// paragraphs, a table and a figure, as real pages are.
fn page(size: usize) -> String {
    let mut out = String::from(
        "<!doctype html><html><head><title>T</title><script>var x = '<p>';</script>\
         <style>p { color: red }</style></head><body><header><nav><a href=/>Home</a>\
         <a href=/world>World</a></nav></header><main><article><h1>Strike on the city</h1>",
    );
    let mut i = 0;
    while out.len() < size {
        i += 1;
        write!(
            out,
            "<p>At least {i} people were killed and 15 injured, Gov. Ivan Fedorov said on \
             <a href=\"https://t.me/x\">Telegram</a>. The U.S. and U.K. condemned the strike \
             at 9 a.m. &mdash; &ldquo;a crime&rdquo;, Mr. Smith said&hellip; Rescue work \
             continues.</p><div class=\"ad\" aria-hidden=\"true\">Advert {i}</div>\
             <figure><img src=\"{i}.jpg\"><figcaption>Photo {i}.</figcaption></figure>\
             <table><tr><th>City</th><th>Dead</th></tr><tr><td>Kyiv</td><td>{i}</td></tr></table>"
        )
        .unwrap();
    }
    out.push_str("</article></main><footer>&copy; 2024</footer></body></html>");
    out
}

/// The directory of real pages, if it is there.
fn pages_dir() -> Option<std::path::PathBuf> {
    let root = std::env::var_os("EXTRACTION_PAGES").map_or_else(
        || {
            std::env::var_os("HOME")
                .map(|h| std::path::Path::new(&h).join(".cache/factcheck-eval/extraction"))
        },
        |p| Some(p.into()),
    )?;
    let dir = root.join("html");
    dir.is_dir().then_some(dir)
}

/// Reads every page of the directory, three times; reports the best pass,
/// the slowest page of that pass and the process's peak memory (the pages
/// are read one after another, so it bounds each page's).
fn real_pages() {
    let Some(dir) = pages_dir() else {
        println!(
            "{:<24} skipped: no pages (set EXTRACTION_PAGES)",
            "real-pages"
        );
        return;
    };
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect();
    pages.sort();
    let size: usize = pages.iter().map(|(_, p)| p.len()).sum();
    let mut best = Duration::MAX;
    let mut slowest = (Duration::ZERO, String::new());
    let mut count = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let mut worst = (Duration::ZERO, String::new());
        count = 0;
        for (name, page) in &pages {
            let one = Instant::now();
            count += black_box(sentences(black_box(page), Media::Html, None).unwrap()).len();
            let took = one.elapsed();
            if took > worst.0 {
                worst = (took, name.clone());
            }
        }
        let took = start.elapsed();
        if took < best {
            best = took;
            slowest = worst;
        }
    }
    println!(
        "{:<24} {:>8.1}MB {:>8.3}s {:>8}MB   ({} pages, {count} sentences; slowest {} {:.3}s)",
        "real-pages",
        size as f64 / 1e6,
        best.as_secs_f64(),
        peak_rss_mb(),
        pages.len(),
        slowest.1,
        slowest.0.as_secs_f64(),
    );
}

/// The process's peak resident set, from /proc (Linux); 0 elsewhere.
fn peak_rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
