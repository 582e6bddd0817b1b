//! Benchmarks of a quote claim against long pages (issue 15): what the
//! search for a not-found quote's closest run costs. Three pages of about
//! 120,000 words: ordinary prose that holds the quote's words here and
//! there, a page built to defeat the search's bound (the quote's words
//! everywhere, always in reverse order, so only the fixed budget stops
//! it), and, for comparison, the same ordinary page holding a near quote
//! (a `mismatch`, found by the threshold search alone). Times are the best
//! of five runs of `compare::compare` on an index built once.
//!
//! Run: `cargo bench --bench quote`. No case has a pass mark here: speed is
//! reported, not asserted.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use factcheck::claims::{Body, Claim};
use factcheck::compare::{SourceIndex, SourceText, compare};

const QUOTE: &str = "we will never accept a peace that rewards the aggressor for his crimes";

fn claim(quote: &str) -> Claim {
    Claim {
        id: "q".to_owned(),
        text: quote.to_owned(),
        body: Body::Quote {
            quote: quote.to_owned(),
        },
        about: Vec::new(),
        sources: Vec::new(),
        note: None,
        line: 0,
    }
}

/// About 120,000 words of ordinary sentences; every fifth one holds two of
/// the quote's words.
fn ordinary(near: bool) -> Vec<String> {
    let words: Vec<&str> = QUOTE.split(' ').collect();
    let mut page: Vec<String> = (0..10_000)
        .map(|i| {
            let extra = if i % 5 == 0 {
                format!(
                    " {} {}",
                    words[i % words.len()],
                    words[(i * 7) % words.len()]
                )
            } else {
                String::new()
            };
            format!("Officials in district {i} said the talks would resume on Monday{extra}.")
        })
        .collect();
    if near {
        "He said we will never accept a peace that rewards the invader for his crimes."
            .clone_into(&mut page[7_000]);
    }
    page
}

/// The quote's words, reversed, 9,000 times: every run shares all its
/// words with the quote and none holds more than a few in order.
fn reversed() -> Vec<String> {
    let words: Vec<&str> = QUOTE.split(' ').rev().collect();
    (0..9_000).map(|_| words.join(" ") + ".").collect()
}

fn time(name: &str, page: Vec<String>) {
    let words: usize = page.iter().map(|s| factcheck::text::words(s).len()).sum();
    let idx = SourceIndex::new(page);
    let claim = claim(QUOTE);
    let source = SourceText {
        id: "s",
        url: "s",
        text: Ok(&idx),
    };
    let mut best = Duration::MAX;
    let mut outcome = None;
    for _ in 0..5 {
        let start = Instant::now();
        let got = compare(black_box(&claim), black_box(&[source]));
        best = best.min(start.elapsed());
        outcome = Some(got);
    }
    let evidence = &outcome.unwrap().evidence[0];
    let similarity = evidence.reason.as_ref().and_then(|r| r.similarity);
    println!(
        "{name:<28} {:>7} words  {:>9.2} ms  {:?}  similarity {similarity:?}",
        words,
        best.as_secs_f64() * 1000.0,
        evidence.verdict
    );
}

fn main() {
    time("ordinary, not found", ordinary(false));
    time("ordinary, near quote", ordinary(true));
    time("reversed (budget-bound)", reversed());
}
