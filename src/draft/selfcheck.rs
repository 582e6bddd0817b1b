//! The drafter's own test: every figure claim of a draft, checked against the
//! article itself as its only source through the library's compare, gives
//! `match` with the very figure it was drafted from; and on articles we wrote
//! with labelled figures, quotations and traps, the draft finds them all and
//! nothing else. The articles are tests/data/articles/*: news, earnings, a
//! budget and a live blog as HTML with page furniture, a casualty toll.

use std::path::Path;

use super::{Bound, Draft, DraftKind, bind, draft};
use crate::compare::SourceIndex;
use crate::quantity;
use crate::text::{self, Media};

/// The articles, with their media and labels.
const ARTICLES: &[(&str, Media, &str)] = &[
    (
        include_str!("../../tests/data/articles/quake-toll.txt"),
        Media::Text,
        include_str!("../../tests/data/articles/quake-toll.labels.toml"),
    ),
    (
        include_str!("../../tests/data/articles/airline-results.md"),
        Media::Markdown,
        include_str!("../../tests/data/articles/airline-results.labels.toml"),
    ),
    (
        include_str!("../../tests/data/articles/port-strike.txt"),
        Media::Text,
        include_str!("../../tests/data/articles/port-strike.labels.toml"),
    ),
    (
        include_str!("../../tests/data/articles/budget.html"),
        Media::Html,
        include_str!("../../tests/data/articles/budget.labels.toml"),
    ),
    (
        include_str!("../../tests/data/articles/storm-live.html"),
        Media::Html,
        include_str!("../../tests/data/articles/storm-live.labels.toml"),
    ),
    (
        include_str!("../../tests/data/2024-10-22-un-chief-kazan.txt"),
        Media::Text,
        "",
    ),
];

/// Every figure claim of `draft` that does not bind its own figure in the
/// article, described.
fn unbound(body: &str, media: Media, draft: &Draft) -> Vec<String> {
    let sentences = text::sentences(body, media, None).unwrap_or_default();
    let index = SourceIndex::new(sentences.clone());
    let mut problems = Vec::new();
    for claim in &draft.claims {
        let DraftKind::Figure { value } = &claim.kind else {
            continue;
        };
        let Some((s, start, end)) = claim.at else {
            problems.push(format!("{}: no origin", claim.id));
            continue;
        };
        let sentence = &sentences[s];
        let figure = quantity::find(sentence)
            .into_iter()
            .find(|f| f.start == start && f.end == end);
        let Some(figure) = figure else {
            problems.push(format!("{}: figure not in its sentence", claim.id));
            continue;
        };
        let bound = bind(&index, sentence, s, &figure, value, &claim.about);
        if bound != Bound::Own || claim.unbound {
            problems.push(format!(
                "{} ({value} in {sentence:?}, about {:?}): {bound:?}",
                claim.id, claim.about
            ));
        }
    }
    problems
}

#[test]
fn every_drafted_figure_binds_itself_in_its_article() {
    let mut problems = Vec::new();
    for (body, media, _) in ARTICLES {
        let d = draft(body, *media);
        assert!(!d.claims.is_empty());
        problems.extend(unbound(body, *media, &d));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[derive(serde::Deserialize)]
struct Labels {
    figures: Vec<String>,
    quotes: Vec<String>,
    traps: Vec<String>,
}

/// Figure recall, quote recall, precision and traps drafted, summed over
/// the labelled articles.
fn score() -> (usize, usize, usize, usize, usize, usize, Vec<String>) {
    let (mut fig_found, mut fig_total, mut q_found, mut q_total) = (0, 0, 0, 0);
    let (mut right, mut drafted) = (0, 0);
    let mut wrong = Vec::new();
    for (body, media, labels) in ARTICLES.iter().filter(|a| !a.2.is_empty()) {
        let labels: Labels = toml::from_str(labels).expect("labels");
        let d = draft(body, *media);
        let values: Vec<&str> = d
            .claims
            .iter()
            .filter_map(|c| match &c.kind {
                DraftKind::Figure { value } => Some(value.as_str()),
                DraftKind::Quote { .. } => None,
            })
            .collect();
        let quotes: Vec<&str> = d
            .claims
            .iter()
            .filter_map(|c| match &c.kind {
                DraftKind::Quote { quote } => Some(quote.as_str()),
                DraftKind::Figure { .. } => None,
            })
            .collect();
        fig_total += labels.figures.len();
        q_total += labels.quotes.len();
        for f in &labels.figures {
            if values.iter().any(|v| v == f) {
                fig_found += 1;
            } else {
                wrong.push(format!("missed figure {f:?}"));
            }
        }
        for q in &labels.quotes {
            if quotes.iter().any(|v| v == q) {
                q_found += 1;
            } else {
                wrong.push(format!("missed quote {q:?}"));
            }
        }
        for v in &values {
            drafted += 1;
            if labels.figures.iter().any(|f| f == v) {
                right += 1;
            } else if labels.traps.iter().any(|t| t == v) {
                wrong.push(format!("TRAP {v:?}"));
            } else {
                wrong.push(format!("unlabelled figure {v:?}"));
            }
        }
        for q in &quotes {
            drafted += 1;
            if labels.quotes.iter().any(|l| l == q) {
                right += 1;
            } else {
                wrong.push(format!("unlabelled quote {q:?}"));
            }
        }
    }
    (
        fig_found, fig_total, q_found, q_total, right, drafted, wrong,
    )
}

#[test]
fn drafts_find_every_labelled_figure_and_quote_and_no_trap() {
    let (fig_found, fig_total, q_found, q_total, right, drafted, wrong) = score();
    // `cargo test --lib draft::selfcheck -- --nocapture` prints the measures.
    eprintln!(
        "figure recall {fig_found}/{fig_total}, quote recall {q_found}/{q_total}, precision {right}/{drafted}"
    );
    assert!(
        wrong.is_empty(),
        "figures {fig_found}/{fig_total}, quotes {q_found}/{q_total}, precision {right}/{drafted}: {wrong:#?}"
    );
}

#[test]
fn drafts_are_byte_stable() {
    for (body, media, _) in ARTICLES {
        let a = super::render(&draft(body, *media), "a.txt");
        let b = super::render(&draft(body, *media), "a.txt");
        assert_eq!(a, b);
    }
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/articles")
            .is_dir()
    );
}
