//! Comparing a claim with what its sources say: per source a verdict with the
//! passage that decided it, and per claim the aggregate verdict, exactly as
//! ../shared/spec/claim-files.md ("Comparing", "The claim's verdict") says.
//! Pure: a claim and its sources' sentences in, an outcome out.

mod about;
mod figure;
mod index;
mod quote;
mod words;

use std::ops::Range;

use serde::Serialize;

use crate::claims::{Body, Claim};
use crate::quantity::Figure;

pub use index::SourceIndex;

/// A claim's verdict (spec: "The claim's verdict").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// At least one source gives `match`, none gives `mismatch`.
    Match,
    /// At least one source gives `mismatch`, none gives `match`.
    Mismatch,
    /// At least one source gives `match` and at least one `mismatch`.
    Disputed,
    /// The claim lists no source.
    Unsourced,
    /// The sources that were read say nothing about it.
    NotFound,
    /// No listed source could be read.
    Unreachable,
}

/// What one source says about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceVerdict {
    /// A passage supports the claim.
    Match,
    /// A passage contradicts the claim.
    Mismatch,
    /// The source was read and said nothing about the claim.
    NotFound,
    /// The source could not be read.
    Unreachable,
}

/// How the source's figure stands to the claim's interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Its point (or every value of its interval) lies in the claim's interval.
    Within,
    /// Its point lies outside.
    Contradicts,
    /// Its interval lies only partly inside.
    Wider,
}

/// One step of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Words in both.
    Equal,
    /// Words only in the old text (the quote, or the accepted passage).
    Delete,
    /// Words only in the new text (the source, or the current passage).
    Insert,
}

/// A run of words of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct DiffOp {
    /// What happened to these words.
    pub op: Op,
    /// The words, separated by single spaces.
    pub text: String,
}

/// The evidence one source gives about one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The source's id, or the URL or path itself for an inline source.
    pub source: String,
    /// The URL (or path) read.
    pub url: String,
    /// What this source says.
    pub verdict: SourceVerdict,
    /// The passage that decided it.
    pub passage: Option<String>,
    /// The figure found in the passage (figure claims).
    pub found: Option<Figure>,
    /// How `found` stands to the claim (figure claims).
    pub relation: Option<Relation>,
    /// The passage's other figures.
    pub others: Vec<Figure>,
    /// The word diff from the quote to the source's words (quote claims).
    pub diff: Option<Vec<DiffOp>>,
    /// Why the source could not be read.
    pub error: Option<String>,
}

/// A claim's verdict with its evidence, source by source.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The aggregate verdict.
    pub verdict: Verdict,
    /// One item per cited source, in the claim's order.
    pub evidence: Vec<Evidence>,
}

/// One source of a claim as the compare stage sees it: who it is and what
/// was read, or why nothing could be.
#[derive(Debug, Clone, Copy)]
pub struct SourceText<'a> {
    /// The source's id, or the URL or path itself for an inline source.
    pub id: &'a str,
    /// The URL (or path) read.
    pub url: &'a str,
    /// The source's indexed sentences, or the reason it could not be read.
    pub text: Result<&'a SourceIndex, &'a str>,
}

/// Compares a claim with each of its sources (in the claim's order) and
/// aggregates the verdict.
#[must_use]
pub fn compare(claim: &Claim, sources: &[SourceText<'_>]) -> Outcome {
    let terms: Vec<about::Term> = claim.about.iter().map(|e| about::Term::parse(e)).collect();
    let quote_words = match &claim.body {
        Body::Quote { quote } => words::words(quote),
        _ => Vec::new(),
    };
    let evidence: Vec<Evidence> = sources
        .iter()
        .map(|source| {
            let mut ev = Evidence {
                source: source.id.to_owned(),
                url: source.url.to_owned(),
                verdict: SourceVerdict::NotFound,
                passage: None,
                found: None,
                relation: None,
                others: Vec::new(),
                diff: None,
                error: None,
            };
            match source.text {
                Err(reason) => {
                    ev.verdict = SourceVerdict::Unreachable;
                    ev.error = Some(reason.to_owned());
                }
                Ok(idx) => match &claim.body {
                    Body::Figure {
                        figure, tolerance, ..
                    } => compare_figure(&mut ev, idx, &terms, figure, *tolerance),
                    Body::Quote { quote } => {
                        compare_quote(&mut ev, idx, &terms, quote, &quote_words);
                    }
                    Body::Statement => compare_statement(&mut ev, idx, &terms),
                },
            }
            ev
        })
        .collect();
    Outcome {
        verdict: verdict(&evidence),
        evidence,
    }
}

/// The claim's verdict from its sources' (spec: "The claim's verdict").
/// No evidence at all means the claim lists no source.
#[must_use]
pub fn verdict(evidence: &[Evidence]) -> Verdict {
    let has = |v: SourceVerdict| evidence.iter().any(|e| e.verdict == v);
    if evidence.is_empty() {
        Verdict::Unsourced
    } else if evidence
        .iter()
        .all(|e| e.verdict == SourceVerdict::Unreachable)
    {
        Verdict::Unreachable
    } else if has(SourceVerdict::Match) && has(SourceVerdict::Mismatch) {
        Verdict::Disputed
    } else if has(SourceVerdict::Match) {
        Verdict::Match
    } else if has(SourceVerdict::Mismatch) {
        Verdict::Mismatch
    } else {
        Verdict::NotFound
    }
}

/// The sentences of a passage, joined as they are shown.
fn passage(idx: &SourceIndex, sentences: Range<usize>) -> String {
    idx.sentences[sentences].join(" ")
}

fn compare_figure(
    ev: &mut Evidence,
    idx: &SourceIndex,
    terms: &[about::Term],
    claim: &Figure,
    tolerance: Option<crate::claims::Tolerance>,
) {
    let Some(_) = terms.last() else {
        return;
    };
    let located = about::Located::new(terms, idx);
    let last = &located.occurrences[terms.len() - 1];
    for size in 1..=3 {
        let mut first_mismatch = None;
        for window in located.passages(size, idx.len()) {
            let Some(pick) = figure::pick(idx, &window, last, claim, tolerance) else {
                continue;
            };
            if figure::verdict(pick.relation) == SourceVerdict::Match {
                // The first passage that gave `match` decides the evidence.
                fill_figure(ev, idx, window, &pick);
                return;
            }
            if first_mismatch.is_none() {
                first_mismatch = Some((window, pick));
            }
        }
        if let Some((window, pick)) = first_mismatch {
            fill_figure(ev, idx, window, &pick);
            return;
        }
    }
}

fn fill_figure(ev: &mut Evidence, idx: &SourceIndex, window: Range<usize>, pick: &figure::Pick) {
    ev.verdict = figure::verdict(pick.relation);
    ev.relation = Some(pick.relation);
    ev.found = Some(idx.figures(pick.sentence)[pick.figure].figure.clone());
    ev.others = window
        .clone()
        .flat_map(|s| {
            idx.figures(s)
                .iter()
                .enumerate()
                .filter(move |&(i, _)| (s, i) != (pick.sentence, pick.figure))
                .map(|(_, f)| f.figure.clone())
        })
        .collect();
    ev.passage = Some(passage(idx, window));
}

fn compare_quote(
    ev: &mut Evidence,
    idx: &SourceIndex,
    terms: &[about::Term],
    quote: &str,
    quote_words: &[words::Word],
) {
    match quote::find(idx, quote, quote_words, terms) {
        None => {}
        Some(quote::Found::Exact { sentences }) => {
            ev.verdict = SourceVerdict::Match;
            ev.passage = Some(passage(idx, sentences));
        }
        Some(quote::Found::Near { sentences, diff }) => {
            ev.verdict = SourceVerdict::Mismatch;
            ev.passage = Some(passage(idx, sentences));
            ev.diff = Some(diff);
        }
    }
}

fn compare_statement(ev: &mut Evidence, idx: &SourceIndex, terms: &[about::Term]) {
    let located = about::Located::new(terms, idx);
    // The smallest passage that holds every entry, first in the document.
    if let Some(window) =
        (1..=3).find_map(|size| located.passages(size, idx.len()).into_iter().next())
    {
        ev.verdict = SourceVerdict::Match;
        ev.passage = Some(passage(idx, window));
    }
}
