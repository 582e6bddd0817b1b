//! Benchmarks of the PDF reader (issue 18): a 100-page text PDF (the target
//! is under 1 s and 200 MB), a two-column one, and the hostile worst cases
//! the limits allow (the most pages, the most operators, a stream at the
//! decompression cap). Each case runs in a child process of its own so its
//! peak memory (`VmHWM`) is its own; times are the best of three runs.
//!
//! Run: `cargo bench --bench pdf` (all cases), `cargo bench --bench pdf --
//! CASE` (one), or `cargo bench --bench pdf -- file PATH` (any PDF). No case
//! has a pass mark here: speed is reported, not asserted.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write as _;
use std::process::Command;
use std::time::{Duration, Instant};

use factcheck::text::pdf::sample::{pages_pdf, raw_pdf, stream, text_pdf};
use factcheck::text::pdf::{Limits, read_with};
use factcheck::text::{Media, sentences};

const CASES: &[&str] = &[
    "text-100-pages",
    "columns-100-pages",
    "pages-2000",
    "operators-max",
    "stream-16mb-deflated",
];

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if let [file, path] = args.as_slice()
        && file == "file"
    {
        let bytes = std::fs::read(path).expect("read the PDF");
        run(path, &bytes);
        return;
    }
    if let Some(case) = args.first()
        && CASES.contains(&case.as_str())
    {
        run(case, &input(case));
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

fn run(case: &str, bytes: &[u8]) {
    let mut best = Duration::MAX;
    let mut outcome = String::new();
    for _ in 0..3 {
        let start = Instant::now();
        outcome = match read_with(black_box(bytes), &Limits::default()) {
            Ok(text) => format!(
                "{} sentences",
                black_box(sentences(&text, Media::Text, None).unwrap()).len()
            ),
            Err(e) => e.to_string(),
        };
        best = best.min(start.elapsed());
    }
    println!(
        "{case:<24} {:>8.1}MB {:>8.3}s {:>8}MB   ({outcome})",
        bytes.len() as f64 / 1e6,
        best.as_secs_f64(),
        peak_rss_mb(),
    );
}

/// Lines of report prose, different on every line so nothing reads as a
/// running head.
fn prose(page: usize, line: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "council",
        "said",
        "figures",
        "for",
        "water",
        "transport",
        "budget",
        "rose",
        "fell",
        "by",
        "per",
        "cent",
        "million",
        "year",
        "quarter",
        "report",
        "districts",
    ];
    let mut out = String::new();
    let mut seed = page * 7919 + line * 104_729 + 1;
    while out.len() < 80 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        out.push_str(WORDS[(seed >> 33) % WORDS.len()]);
        out.push(' ');
    }
    let _ = write!(out, "{},{:03}.", page + line, (page * line) % 1000);
    out
}

fn input(case: &str) -> Vec<u8> {
    match case {
        "text-100-pages" => {
            let lines: Vec<Vec<String>> = (0..100)
                .map(|p| (0..55).map(|l| prose(p, l)).collect())
                .collect();
            let pages: Vec<Vec<(f32, f32, f32, &str)>> = lines
                .iter()
                .map(|page| {
                    page.iter()
                        .enumerate()
                        .map(|(i, s)| (54.0, 740.0 - 12.5 * i as f32, 10.0, s.as_str()))
                        .collect()
                })
                .collect();
            text_pdf(&pages)
        }
        "columns-100-pages" => {
            let lines: Vec<Vec<String>> = (0..100)
                .map(|p| (0..110).map(|l| prose(p, l)[..40].to_owned()).collect())
                .collect();
            let pages: Vec<Vec<(f32, f32, f32, &str)>> = lines
                .iter()
                .map(|page| {
                    page.iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let x = if i < 55 { 54.0 } else { 320.0 };
                            (x, 740.0 - 12.5 * (i % 55) as f32, 10.0, s.as_str())
                        })
                        .collect()
                })
                .collect();
            text_pdf(&pages)
        }
        "pages-2000" => {
            let content =
                b"BT /F1 10 Tf 72 700 Td (One line of text on every page.) Tj ET".to_vec();
            pages_pdf(&vec![content; 2000], None)
        }
        "operators-max" => {
            // Just under the stream cap, every operator a cheap one.
            pages_pdf(&[b"n\n".repeat(8 << 20)], None)
        }
        "stream-16mb-deflated" => {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
            z.write_all(&b"BT /F1 10 Tf 72 700 Td (x) Tj ET\n".repeat(480_000))
                .unwrap();
            let data = z.finish().unwrap();
            raw_pdf(&[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
                stream(b"/Filter /FlateDecode", &data),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
            ])
        }
        _ => unreachable!(),
    }
}

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
