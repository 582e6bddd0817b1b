//! Reading hostile pages (issue 10): 200,000 nested elements, a 15 MB page of
//! ordinary paragraphs, and a 1 MB sentence with no full stop. Each must be
//! read in bounded time; the figures in the README come from this bench and
//! from `/usr/bin/time -v factcheck read` on the same pages.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use factcheck::text::{Media, sentences};

/// `depth` nested `<div>`s around one paragraph.
fn nested(depth: usize) -> String {
    format!(
        "<html><body>{}<p>The strike killed at least two civilians.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// About `bytes` of article paragraphs with figures, links and tables.
fn big_page(bytes: usize) -> String {
    let mut page = String::from("<html><body><main>");
    let mut i = 0;
    while page.len() < bytes {
        write!(
            page,
            "<p>Paragraph {i}: the strike killed at least {i} civilians, \
             <a href=\"/n/{i}\">officials said</a>. Mr. Smith met Dr. Jones on Oct. 5.</p>\
             <table><tr><td>Kyiv</td><td>{i}</td></tr></table>"
        )
        .unwrap();
        i += 1;
    }
    page.push_str("</main></body></html>");
    page
}

/// One sentence of `bytes` with no full stop.
fn long_sentence(bytes: usize) -> String {
    let mut page = String::from("<html><body><p>");
    while page.len() < bytes {
        page.push_str("and the strike killed 2 civilians ");
    }
    page.push_str("</p></body></html>");
    page
}

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile-html");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    let deep = nested(200_000);
    group.bench_function("200k-nested-divs", |b| {
        b.iter(|| sentences(black_box(&deep), Media::Html, None).unwrap());
    });
    let big = big_page(15_000_000);
    group.bench_function("15mb-page", |b| {
        b.iter(|| sentences(black_box(&big), Media::Html, None).unwrap());
    });
    let long = long_sentence(1 << 20);
    group.bench_function("1mb-sentence", |b| {
        b.iter(|| sentences(black_box(&long), Media::Html, None).unwrap());
    });
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
