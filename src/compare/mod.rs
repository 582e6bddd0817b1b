//! Comparing a claim with what its sources say: per source a verdict with the
//! passage that decided it, and per claim the aggregate verdict, exactly as
//! ../shared/spec/claim-files.md ("Comparing", "The claim's verdict") says.
//! Pure: a claim and its sources' sentences in, an outcome out.
//!
//! Each source is indexed once ([`SourceIndex::new`]: folded words, an
//! inverted index, and per sentence, on first use, its figures and clause
//! boundaries) and shared by every claim that cites it, so checking many
//! claims does not re-read a source per claim. [`compare`] takes a claim and
//! its sources ([`SourceText`]: the index, or why the source could not be
//! read) and gives the [`Outcome`]. It does not fetch, decode or split text
//! into sentences (`fetch` and `text` do), and it knows nothing of locks.

mod about;
mod bind;
mod figure;
mod index;
mod quote;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::claims::{Body, Claim};
use crate::quantity::Figure;
use crate::text::ClaimReview;

pub use bind::Step;
pub use index::SourceIndex;

/// A claim's verdict (spec: "The claim's verdict"). Its names
/// ([`Verdict::name`]) are the one spelling every report, `--fail-on`,
/// `factcheck.toml` and the JSON report use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// Its point (or every value of its interval) lies in the claim's interval.
    Within,
    /// Its point lies outside.
    Contradicts,
    /// Its interval lies only partly inside.
    Wider,
}

impl Verdict {
    /// Every verdict, in the spec's order.
    pub const ALL: [Verdict; 6] = [
        Verdict::Match,
        Verdict::Mismatch,
        Verdict::Disputed,
        Verdict::Unsourced,
        Verdict::NotFound,
        Verdict::Unreachable,
    ];

    /// The verdict's name, as reports, `--fail-on` and `factcheck.toml` spell it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Match => "match",
            Verdict::Mismatch => "mismatch",
            Verdict::Disputed => "disputed",
            Verdict::Unsourced => "unsourced",
            Verdict::NotFound => "not-found",
            Verdict::Unreachable => "unreachable",
        }
    }

    /// The verdict named `name` (surrounding spaces ignored).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.name() == name.trim())
    }
}

impl std::str::FromStr for Verdict {
    type Err = String;

    fn from_str(name: &str) -> Result<Verdict, String> {
        Verdict::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = Verdict::ALL.iter().map(|v| v.name()).collect();
            format!("`{name}` is not a verdict; use one of {}", names.join(", "))
        })
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Verdict {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Verdict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Verdict, D::Error> {
        /// Reads a verdict's name; the error is raised inside the string's
        /// own deserializer, so a TOML error points at the string.
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = Verdict;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a verdict name")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Verdict, E> {
                name.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(Name)
    }
}

impl SourceVerdict {
    /// Every source verdict.
    pub const ALL: [SourceVerdict; 4] = [
        SourceVerdict::Match,
        SourceVerdict::Mismatch,
        SourceVerdict::NotFound,
        SourceVerdict::Unreachable,
    ];

    /// The name reports and locks use.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SourceVerdict::Match => "match",
            SourceVerdict::Mismatch => "mismatch",
            SourceVerdict::NotFound => "not-found",
            SourceVerdict::Unreachable => "unreachable",
        }
    }
}

impl Serialize for SourceVerdict {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for SourceVerdict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SourceVerdict, D::Error> {
        let name = String::deserialize(d)?;
        SourceVerdict::ALL
            .into_iter()
            .find(|v| v.name() == name)
            .ok_or_else(|| serde::de::Error::custom(format!("`{name}` is not a source verdict")))
    }
}

impl Relation {
    /// The name the JSON report uses.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Relation::Within => "within",
            Relation::Contradicts => "contradicts",
            Relation::Wider => "wider",
        }
    }
}

impl Serialize for Relation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Relation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Relation, D::Error> {
        let name = String::deserialize(d)?;
        [Relation::Within, Relation::Contradicts, Relation::Wider]
            .into_iter()
            .find(|r| r.name() == name)
            .ok_or_else(|| serde::de::Error::custom(format!("`{name}` is not a relation")))
    }
}

/// One step of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// Why a source that was read said nothing (`not-found` only).
    pub reason: Option<Reason>,
    /// How the figure found was bound to the claim (figure claims).
    pub binding: Option<Binding>,
    /// The source page's own fact-check review, when it is one.
    pub source_review: Option<ClaimReview>,
}

/// Why a source that was read said nothing about a claim, as an editor
/// would look for it (claim-files.md, "The claim's verdict"). Only the parts
/// that apply are set; the JSON report leaves the others out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reason {
    /// `about` entries that never occur in what was read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// `about` entries that do occur (beside `missing`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub present: Vec<String>,
    /// Passages about the claim exist but hold no figure of the claim's kind.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_figure: bool,
    /// The figures those passages hold instead, in their words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<String>,
    /// A unit among them that did not convert to the claim's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unconverted: Option<String>,
    /// Passages about the claim hold figures of its kind, but the text binds
    /// each of them to another word (the binding rule's steps), so none is
    /// the claim's.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bound_elsewhere: bool,
    /// A quote claim: the similarity (0 to 1) of the closest run of words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
}

/// Which step of the binding rule tied the figure found to the claim's
/// term, and which candidates of the passage it set aside and why, so that
/// a wrong binding can be seen and reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Binding {
    /// The step that decided.
    pub step: Step,
    /// The passage's candidates the rule set aside.
    pub set_aside: Vec<SetAside>,
}

/// A candidate the binding rule set aside.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetAside {
    /// The figure's words.
    pub text: String,
    /// The step that set it aside.
    pub step: Step,
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
        Body::Quote { quote } => crate::text::words(quote),
        _ => Vec::new(),
    };
    let side = match &claim.body {
        Body::Figure { figure, .. } => bind::ClaimSide::new(&claim.text, figure),
        _ => bind::ClaimSide::default(),
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
                reason: None,
                binding: None,
                source_review: None,
            };
            match source.text {
                Err(reason) => {
                    ev.verdict = SourceVerdict::Unreachable;
                    ev.error = Some(reason.to_owned());
                }
                Ok(idx) if reviewed_against(&mut ev, idx, &terms) => {}
                Ok(idx) => match &claim.body {
                    Body::Figure {
                        figure, tolerance, ..
                    } => compare_figure(&mut ev, idx, &terms, figure, *tolerance, &side),
                    Body::Quote { quote } => {
                        compare_quote(&mut ev, idx, &terms, quote, &quote_words);
                    }
                    Body::Statement => compare_statement(&mut ev, idx, &terms),
                },
            }
            if let (SourceVerdict::NotFound, Ok(idx)) = (ev.verdict, source.text) {
                ev.reason = Some(not_found_reason(claim, idx, &terms));
            }
            ev
        })
        .collect();
    Outcome {
        verdict: verdict(&evidence),
        evidence,
    }
}

/// A source page that is itself a fact-check is marked with its review. A
/// figure it quotes is not one it vouches for: when the claim it reviews
/// holds every `about` entry, a rating below the top of its scale makes the
/// source give `mismatch`, with the rating (and the claim reviewed as the
/// passage) as evidence. Returns whether that decided the source; a rating
/// at the top, or a review of another claim, lets the passages decide.
fn reviewed_against(ev: &mut Evidence, idx: &SourceIndex, terms: &[about::Term]) -> bool {
    let Some(review) = idx.review() else {
        return false;
    };
    ev.source_review = Some(review.clone());
    let Some(reviewed) = review.claim_reviewed.as_deref() else {
        return false;
    };
    let holds = !terms.is_empty() && {
        let claim_idx = SourceIndex::new(vec![reviewed.to_owned()]);
        terms.iter().all(|t| !t.occurrences(&claim_idx).is_empty())
    };
    if !holds || review.top {
        return false;
    }
    ev.verdict = SourceVerdict::Mismatch;
    ev.passage = Some(reviewed.to_owned());
    true
}

/// What a figure claim covers, as reports show it: its interval with the
/// tolerance applied, a count's ends whole numbers and closed.
#[must_use]
pub fn stated(
    figure: &Figure,
    tolerance: Option<crate::claims::Tolerance>,
) -> crate::quantity::Interval {
    figure::stated(figure, tolerance)
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
    side: &bind::ClaimSide,
) {
    let Some(_) = terms.last() else {
        return;
    };
    let located = about::Located::new(terms, idx);
    let (others, last) = located.occurrences.split_at(terms.len() - 1);
    let bind_terms = bind::Terms {
        last: &last[0],
        others,
    };
    for size in 1..=3 {
        let mut first_mismatch = None;
        let mut had_candidate = false;
        for window in located.passages(size, idx.len()) {
            let pick = match figure::pick(idx, &window, &bind_terms, claim, tolerance, side) {
                figure::Picked::NoCandidate => continue,
                figure::Picked::Nothing => {
                    // Candidates all bound elsewhere: nothing, but this
                    // size of passage has spoken.
                    had_candidate = true;
                    continue;
                }
                figure::Picked::Figure(pick) => pick,
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
        if had_candidate {
            return;
        }
    }
}

fn fill_figure(ev: &mut Evidence, idx: &SourceIndex, window: Range<usize>, pick: &figure::Pick) {
    ev.verdict = figure::verdict(pick.relation);
    ev.relation = Some(pick.relation);
    ev.found = Some(idx.figures(pick.sentence)[pick.figure].figure.clone());
    ev.binding = Some(Binding {
        step: pick.step,
        set_aside: pick
            .set_aside
            .iter()
            .map(|&(s, i, step)| SetAside {
                text: idx.figures(s)[i].figure.text.clone(),
                step,
            })
            .collect(),
    });
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
    quote_words: &[crate::text::Word],
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

/// Why a source that was read said nothing: which `about` entries it never
/// uses (and which it does), or, when every entry occurs together, that the
/// passages about a figure claim hold no figure of its kind, or how alike a
/// quote's closest run is.
fn not_found_reason(claim: &Claim, idx: &SourceIndex, terms: &[about::Term]) -> Reason {
    let located = about::Located::new(terms, idx);
    let mut reason = Reason::default();
    for (entry, occurrences) in claim.about.iter().zip(&located.occurrences) {
        if occurrences.is_empty() {
            reason.missing.push(entry.clone());
        } else {
            reason.present.push(entry.clone());
        }
    }
    if let Body::Quote { quote } = &claim.body {
        reason.similarity = quote::nearest(idx, &crate::text::words(quote), terms);
        return reason;
    }
    let Body::Figure { figure, .. } = &claim.body else {
        return reason;
    };
    if !reason.missing.is_empty() {
        return reason;
    }
    // The passages of the smallest size that holds every entry: the ones an
    // editor would read first.
    let Some(windows) = (1..=3)
        .map(|size| located.passages(size, idx.len()))
        .find(|w| !w.is_empty())
    else {
        return reason;
    };
    let mut comparable = false;
    for s in windows.into_iter().flatten() {
        for found in idx.figures(s) {
            let found = &found.figure;
            if crate::quantity::evidence::comparable(figure, found) {
                comparable = true;
            } else if reason.unconverted.is_none()
                && found.kind == figure.kind
                && found.unit != figure.unit
            {
                reason.unconverted.clone_from(&found.unit);
            }
            if reason.figures.len() < MAX_REASON_FIGURES && !reason.figures.contains(&found.text) {
                reason.figures.push(found.text.clone());
            }
        }
    }
    // Candidates of the claim's kind that were all bound to other words are
    // not "no figure": say which it was, so the editor looks at the binding.
    if comparable {
        reason.bound_elsewhere = true;
    } else {
        reason.no_figure = true;
    }
    reason
}

/// How many of the passages' figures a not-found reason names.
const MAX_REASON_FIGURES: usize = 8;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Tolerance;
    use crate::quantity;

    fn claim(body: Body, about: &[&str]) -> Claim {
        Claim {
            id: "c".to_owned(),
            text: "claim".to_owned(),
            body,
            about: about.iter().map(|s| (*s).to_owned()).collect(),
            sources: Vec::new(),
            note: None,
            line: 0,
        }
    }

    fn figure(value: &str, about: &[&str], tolerance: Option<Tolerance>) -> Claim {
        let mut found = quantity::find(value);
        assert_eq!(found.len(), 1, "{value:?} reads as one figure: {found:?}");
        let figure = Box::new(found.remove(0));
        let value = value.to_owned();
        claim(
            Body::Figure {
                value,
                figure,
                tolerance,
            },
            about,
        )
    }

    /// Runs `claim` against sources given as their sentences, `None` for
    /// one that could not be read.
    fn run(claim: &Claim, sources: &[Option<&[&str]>]) -> Outcome {
        let indexes: Vec<Option<SourceIndex>> = sources
            .iter()
            .map(|s| s.map(|s| SourceIndex::new(s.iter().map(|x| (*x).to_owned()).collect())))
            .collect();
        let texts: Vec<SourceText> = indexes
            .iter()
            .map(|i| SourceText {
                id: "s",
                url: "https://example.org/s",
                text: i.as_ref().ok_or("HTTP 404"),
            })
            .collect();
        compare(claim, &texts)
    }

    /// What a figure claim gives against one source: (verdict, figure found).
    fn one(
        value: &str,
        about: &[&str],
        tolerance: Option<Tolerance>,
        sentences: &[&str],
    ) -> (SourceVerdict, Option<String>) {
        let outcome = run(&figure(value, about, tolerance), &[Some(sentences)]);
        let ev = &outcome.evidence[0];
        (ev.verdict, ev.found.as_ref().map(|f| f.text.clone()))
    }

    use SourceVerdict::{Match as M, Mismatch as X, NotFound as N};

    /// (claim value, about, source sentences, source verdict, figure found)
    type FigureCase<'a> = (
        &'a str,
        &'a [&'a str],
        &'a [&'a str],
        SourceVerdict,
        Option<&'a str>,
    );

    fn check_figures(cases: &[FigureCase], tolerance: Option<Tolerance>) {
        for (value, about, sentences, verdict, found) in cases {
            let got = one(value, about, tolerance, sentences);
            assert_eq!(
                got,
                (*verdict, found.map(str::to_owned)),
                "{value:?} {about:?} in {sentences:?}"
            );
        }
    }

    const DEAD: &[&str] = &["Zaporizhzhia", "kill*|dead|died"];
    const HURT: &[&str] = &["Zaporizhzhia", "injur*|wounded|hurt"];

    #[test]
    fn the_figure_tied_to_the_last_about_entry() {
        let cases: &[FigureCase] = &[
            (
                "at least two",
                DEAD,
                &["In Zaporizhzhia, Russian strikes killed two and injured 15."],
                M,
                Some("two"),
            ),
            (
                "15",
                HURT,
                &["In Zaporizhzhia, Russian strikes killed two and injured 15."],
                M,
                Some("15"),
            ),
            // The dead are never the 15, whatever the claim says.
            (
                "15",
                DEAD,
                &["In Zaporizhzhia, Russian strikes killed two and injured 15."],
                X,
                Some("two"),
            ),
            (
                "at least two",
                DEAD,
                &["In Zaporizhzhia at least two people were killed and 15 injured."],
                M,
                Some("at least two"),
            ),
            (
                "15",
                HURT,
                &["In Zaporizhzhia at least two people were killed and 15 injured."],
                M,
                Some("15"),
            ),
            (
                "two",
                DEAD,
                &["Zaporizhzhia: Two dead and fifteen wounded."],
                M,
                Some("Two"),
            ),
            (
                "15",
                HURT,
                &["Zaporizhzhia: Two dead and fifteen wounded."],
                M,
                Some("fifteen"),
            ),
            (
                "3",
                DEAD,
                &["Strike on Zaporizhzhia kills 3, injures 16."],
                M,
                Some("3"),
            ),
            (
                "16",
                &["Zaporizhzhia", "injur*"],
                &["Strike on Zaporizhzhia kills 3, injures 16."],
                M,
                Some("16"),
            ),
            // At equal distance, the figure before the word.
            (
                "two",
                &["Zaporizhzhia", "killed"],
                &["In Zaporizhzhia two killed three."],
                M,
                Some("two"),
            ),
            // A figure only in an aside is still the passage's figure...
            (
                "at least two",
                DEAD,
                &["In Zaporizhzhia the strike killed civilians (two, the governor said)."],
                M,
                Some("two"),
            ),
            // ...but one with no boundary between it and the word wins over a nearer aside.
            (
                "three",
                DEAD,
                &["In Zaporizhzhia three people were killed (two of them children)."],
                M,
                Some("three"),
            ),
            // A sentence with the word but another's figure: same sentence
            // beats other sentences, and the 5 counts what burned, not the
            // dead, so the passage gives nothing rather than a wrong verdict.
            (
                "2",
                DEAD,
                &[
                    "Zaporizhzhia was hit; 5 buildings burned and people died.",
                    "2 more.",
                ],
                N,
                None,
            ),
            // The same sentence's figure across a boundary still decides when
            // its clause names no other event.
            (
                "2",
                DEAD,
                &["Zaporizhzhia was hit; 5 were in the building and people died."],
                X,
                Some("5"),
            ),
            // A figure whose clause counts another event never matches.
            (
                "at least two",
                DEAD,
                &["Zaporizhzhia: 15 injured, none killed."],
                N,
                None,
            ),
            (
                "two",
                DEAD,
                &["In Zaporizhzhia two people, including a child, were killed."],
                M,
                Some("two"),
            ),
            (
                "12",
                &["Zaporizhzhia", "death*|dead|kill*"],
                &["The death toll in Zaporizhzhia, according to officials, rose to 12."],
                M,
                Some("12"),
            ),
        ];
        check_figures(cases, None);
    }

    #[test]
    fn passage_sizes_decide_in_order() {
        let cases: &[FigureCase] = &[
            // One sentence has a candidate: two-sentence windows are not looked at.
            (
                "two",
                DEAD,
                &[
                    "In Zaporizhzhia a strike killed five.",
                    "Elsewhere two were killed.",
                ],
                X,
                Some("five"),
            ),
            // No single sentence is about the claim: the two-sentence window is.
            (
                "two",
                DEAD,
                &["Zaporizhzhia was hit overnight.", "Two people were killed."],
                M,
                Some("Two"),
            ),
            (
                "two",
                DEAD,
                &[
                    "Zaporizhzhia was hit overnight.",
                    "Rescuers worked all night.",
                    "Two people died.",
                ],
                M,
                Some("Two"),
            ),
            // Four sentences apart: never one passage.
            (
                "two",
                DEAD,
                &["Zaporizhzhia was hit.", "A.", "B.", "Two people died."],
                N,
                None,
            ),
            // A one-sentence passage about the claim with no candidate gives
            // nothing; the window with a candidate decides.
            (
                "two",
                DEAD,
                &["Zaporizhzhia mourned the dead.", "Two were buried today."],
                M,
                Some("Two"),
            ),
            // Any passage of the deciding size that matches makes the source match.
            (
                "£2.26 billion",
                &["loan"],
                &[
                    "The loan, first put at £2.2bn, was raised.",
                    "The final loan is £2.26bn.",
                ],
                M,
                Some("£2.26bn"),
            ),
        ];
        check_figures(cases, None);
    }

    #[test]
    fn qualifiers_as_claims_and_as_evidence() {
        let b = &["building*"][..];
        let cases: &[FigureCase] = &[
            (
                "more than 30",
                b,
                &["31 buildings were damaged."],
                M,
                Some("31"),
            ),
            (
                "more than 30",
                b,
                &["30 buildings were damaged."],
                X,
                Some("30"),
            ),
            (
                "more than 30",
                b,
                &["More than 30 buildings were damaged."],
                M,
                Some("More than 30"),
            ),
            (
                "over 30",
                b,
                &["About 30 buildings were damaged."],
                X,
                Some("About 30"),
            ),
            (
                "about 3,000",
                b,
                &["3,250 buildings were damaged."],
                M,
                Some("3,250"),
            ),
            (
                "about 3,000",
                b,
                &["3,400 buildings were damaged."],
                X,
                Some("3,400"),
            ),
            (
                "3,000",
                b,
                &["About 3,000 buildings were damaged."],
                M,
                Some("About 3,000"),
            ),
            (
                "3,000",
                b,
                &["Nearly 3,000 buildings were damaged."],
                X,
                Some("Nearly 3,000"),
            ),
            (
                "at least two",
                b,
                &["2 buildings were damaged."],
                M,
                Some("2"),
            ),
            (
                "at least two",
                b,
                &["At least two buildings were damaged."],
                M,
                Some("At least two"),
            ),
            (
                "100",
                b,
                &["At least two buildings were damaged."],
                X,
                Some("At least two"),
            ),
            (
                "up to 10,000",
                b,
                &["Up to 12,000 buildings were damaged."],
                X,
                Some("Up to 12,000"),
            ),
            (
                "dozens of",
                b,
                &["More than 50 buildings were damaged."],
                M,
                Some("More than 50"),
            ),
            ("50", b, &["Dozens of buildings were damaged."], X, None),
            (
                "fewer than 10",
                b,
                &["9 buildings were damaged."],
                M,
                Some("9"),
            ),
            // Counts are whole numbers: "more than 30" is 31, "fewer than 30" is 29.
            (
                "at least 31",
                b,
                &["More than 30 buildings were damaged."],
                M,
                None,
            ),
            (
                "at most 29",
                b,
                &["Fewer than 30 buildings were damaged."],
                M,
                None,
            ),
            (
                "at least 32",
                b,
                &["More than 30 buildings were damaged."],
                X,
                None,
            ),
            (
                "fewer than 10",
                b,
                &["10 buildings were damaged."],
                X,
                Some("10"),
            ),
            (
                "between 10 and 20",
                b,
                &["15 buildings were damaged."],
                M,
                Some("15"),
            ),
            (
                "15",
                b,
                &["Between 10 and 20 buildings were damaged."],
                X,
                None,
            ),
        ];
        for (value, about, sentences, verdict, found) in cases {
            let (got, got_found) = one(value, about, None, sentences);
            assert_eq!(got, *verdict, "{value:?} in {sentences:?}");
            if let Some(found) = found {
                assert_eq!(
                    got_found.as_deref(),
                    Some(*found),
                    "{value:?} in {sentences:?}"
                );
            }
        }
    }

    #[test]
    fn money_precision_currencies_and_restatements() {
        let loan = &["loan"][..];
        let cases: &[FigureCase] = &[
            (
                "£2.26 billion",
                loan,
                &["The £2.26bn loan was agreed."],
                M,
                Some("£2.26bn"),
            ),
            (
                "£2.26 billion",
                loan,
                &["The £2.3bn loan was agreed."],
                X,
                Some("£2.3bn"),
            ),
            (
                "£2.26bn",
                loan,
                &["The £2bn loan was agreed."],
                X,
                Some("£2bn"),
            ),
            (
                "$50bn",
                loan,
                &["The $50.4 billion loan was agreed."],
                M,
                Some("$50.4 billion"),
            ),
            (
                "$50 billion",
                loan,
                &["The loan is approximately US$50 billion."],
                M,
                None,
            ),
            (
                "more than £12 billion",
                loan,
                &["The loan is more than £12bn."],
                M,
                None,
            ),
            (
                "£12 billion",
                loan,
                &["The loan is more than £12bn."],
                M,
                None,
            ),
            (
                "$18 million",
                loan,
                &["The loan is nearly $18 million."],
                M,
                None,
            ),
            (
                "at least $18 million",
                loan,
                &["The loan is nearly $18 million."],
                X,
                None,
            ),
            // Money in another currency never supports.
            ("$50 billion", loan, &["The loan is €50 billion."], X, None),
            // A restated figure supports when either part does.
            (
                "£38.5bn",
                loan,
                &["The loan of $50bn (£38.5bn) was agreed."],
                M,
                None,
            ),
            (
                "$50bn",
                loan,
                &["The loan of $50bn (£38.5bn) was agreed."],
                M,
                None,
            ),
            (
                "£40bn",
                loan,
                &["The loan of $50bn (£38.5bn) was agreed."],
                X,
                None,
            ),
            (
                "15%",
                &["inflation"],
                &["Inflation reached 15 per cent."],
                M,
                None,
            ),
            (
                "3.5%",
                &["inflation"],
                &["Inflation reached 3.6%."],
                X,
                None,
            ),
            // A percentage is never a count's candidate.
            (
                "15",
                &["inflation"],
                &["Inflation reached 15 per cent."],
                N,
                None,
            ),
        ];
        for (value, about, sentences, verdict, found) in cases {
            let (got, got_found) = one(value, about, None, sentences);
            assert_eq!(got, *verdict, "{value:?} in {sentences:?}");
            if let Some(found) = found {
                assert_eq!(
                    got_found.as_deref(),
                    Some(*found),
                    "{value:?} in {sentences:?}"
                );
            }
        }
    }

    #[test]
    fn durations_compare_only_with_durations() {
        let trip = &["trip|visit"][..];
        let cases: &[FigureCase] = &[
            (
                "over two years",
                trip,
                &["It is his first trip in 30 months."],
                M,
                Some("30 months"),
            ),
            (
                "two years",
                trip,
                &["It is his first trip in 18 months."],
                X,
                Some("18 months"),
            ),
            (
                "two weeks",
                trip,
                &["The visit lasts 14 days."],
                M,
                Some("14 days"),
            ),
            (
                "two days",
                trip,
                &["The visit lasts 50 hours."],
                X,
                Some("50 hours"),
            ),
            // Months and weeks do not convert into each other.
            (
                "two months",
                trip,
                &["The visit lasts eight weeks."],
                N,
                None,
            ),
            // A duration is never a count's candidate, nor a count a duration's.
            ("15", trip, &["The visit lasts 15 days."], N, None),
            ("15 days", trip, &["The visit had 15 stops."], N, None),
        ];
        check_figures(cases, None);
    }

    #[test]
    fn tolerance_widens_the_claim() {
        let people = &["people"][..];
        check_figures(
            &[
                ("100", people, &["104 people came."], M, Some("104")),
                ("100", people, &["106 people came."], X, Some("106")),
                ("15%", people, &["15.7% of people came."], M, Some("15.7%")),
            ],
            Some(Tolerance::Relative(0.05)),
        );
        check_figures(
            &[
                ("1,000", people, &["1,090 people came."], M, Some("1,090")),
                ("1,000", people, &["1,101 people came."], X, Some("1,101")),
            ],
            Some(Tolerance::Absolute(100.0)),
        );
    }

    #[test]
    fn about_terms_fold_accents_and_take_alternatives() {
        let cases: &[FigureCase] = &[
            (
                "two",
                &["Zaporìzhzhia", "kill*"],
                &["ZAPORIZHZHIA: two killed."],
                M,
                Some("two"),
            ),
            (
                "two",
                &["Zaporizhzhia|Zaporozhye", "kill*|dead"],
                &["Zaporozhye counts two dead."],
                M,
                Some("two"),
            ),
            (
                "two",
                &["Zaporizhzhia", "kill*"],
                &["Zaporizhzhia: two skilled workers."],
                N,
                None,
            ),
        ];
        check_figures(cases, None);
    }

    #[test]
    fn evidence_is_the_first_deciding_passage_with_its_other_figures() {
        let outcome = run(
            &figure("at least two", DEAD, None),
            &[Some(&[
                "In Zaporizhzhia, a strike killed one.",
                "In Zaporizhzhia, strikes killed two and injured 15.",
                "In Zaporizhzhia, strikes killed three.",
            ])],
        );
        let ev = &outcome.evidence[0];
        assert_eq!(outcome.verdict, Verdict::Match);
        assert_eq!(
            ev.passage.as_deref(),
            Some("In Zaporizhzhia, strikes killed two and injured 15.")
        );
        assert_eq!(ev.relation, Some(Relation::Within));
        let others: Vec<&str> = ev.others.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(others, vec!["15"]);
    }

    #[test]
    fn verdicts_across_sources() {
        let c = figure("at least two", DEAD, None);
        let yes: &[&str] = &["Zaporizhzhia: two people were killed."];
        let no: &[&str] = &["Zaporizhzhia: one person was killed."];
        let silent: &[&str] = &["Kazan hosts a summit."];
        let cases: &[(&[Option<&[&str]>], Verdict)] = &[
            (&[], Verdict::Unsourced),
            (&[None], Verdict::Unreachable),
            (&[None, None], Verdict::Unreachable),
            (&[Some(yes)], Verdict::Match),
            (&[Some(yes), None], Verdict::Match),
            (&[Some(no)], Verdict::Mismatch),
            // A source that disputes another.
            (&[Some(yes), Some(no)], Verdict::Disputed),
            (&[Some(yes), Some(silent)], Verdict::Match),
            (&[Some(silent)], Verdict::NotFound),
            (&[Some(silent), None], Verdict::NotFound),
        ];
        for (sources, want) in cases {
            assert_eq!(run(&c, sources).verdict, *want, "{sources:?}");
        }
        let unreachable = run(&c, &[None]);
        assert_eq!(unreachable.evidence[0].error.as_deref(), Some("HTTP 404"));
        assert_eq!(unreachable.evidence[0].verdict, SourceVerdict::Unreachable);
    }

    #[test]
    fn statements_and_quotes() {
        let statement = claim(Body::Statement, &["Guterres", "Putin", "meet*"]);
        let cases: &[(&Claim, &[&str], SourceVerdict, Option<&str>)] = &[
            (
                &statement,
                &["Guterres will meet Putin in Kazan."],
                M,
                Some("Guterres will meet Putin in Kazan."),
            ),
            // A negated sentence speaks of the same things: it matches too.
            (
                &statement,
                &["Guterres will not meet Putin."],
                M,
                Some("Guterres will not meet Putin."),
            ),
            (
                &statement,
                &["Guterres arrived.", "Putin will meet him."],
                M,
                Some("Guterres arrived. Putin will meet him."),
            ),
            (&statement, &["Guterres arrived in Kazan."], N, None),
        ];
        for (c, sentences, verdict, passage) in cases {
            let outcome = run(c, &[Some(sentences)]);
            assert_eq!(outcome.evidence[0].verdict, *verdict, "{sentences:?}");
            assert_eq!(outcome.evidence[0].passage.as_deref(), *passage);
        }
        let quote = claim(
            Body::Quote {
                quote: "does not advance the cause of peace".to_owned(),
            },
            &[],
        );
        let outcome = run(
            &quote,
            &[
                Some(&["Kyiv said it “does not advance the cause of peace”."]),
                Some(&["Kyiv said it “does not serve the cause of peace”."]),
            ],
        );
        assert_eq!(outcome.verdict, Verdict::Disputed);
        assert_eq!(outcome.evidence[0].diff, None);
        let diff = outcome.evidence[1].diff.clone().unwrap_or_default();
        let ops: Vec<(Op, &str)> = diff.iter().map(|d| (d.op, d.text.as_str())).collect();
        assert_eq!(
            ops,
            vec![
                (Op::Equal, "does not"),
                (Op::Delete, "advance"),
                (Op::Insert, "serve"),
                (Op::Equal, "the cause of peace"),
            ]
        );
    }

    #[test]
    fn phrases_as_the_last_entry_and_empty_sources() {
        let nk = &["North Korea|North Korean", "special forces"][..];
        check_figures(
            &[
                (
                    "some 1,500",
                    nk,
                    &["North Korea sent about 1,500 special forces."],
                    M,
                    Some("about 1,500"),
                ),
                (
                    "some 1,500",
                    nk,
                    &["North Korea sent about 1,800 special forces."],
                    X,
                    Some("about 1,800"),
                ),
                (
                    "some 1,500",
                    nk,
                    &["North Korea sent special forces; 1,500 is a guess."],
                    M,
                    Some("1,500"),
                ),
                ("some 1,500", nk, &[], N, None),
                ("some 1,500", nk, &["", "  "], N, None),
            ],
            None,
        );
        // With no `about` entry nothing ties a figure to the claim.
        check_figures(&[("two", &[], &["Two were killed."], N, None)], None);
    }

    #[test]
    fn a_long_sentence_of_many_figures_and_terms() {
        // One sentence of 20,000 figures, each next to the term: each
        // candidate is measured against its nearest occurrences only.
        let sentence =
            "In Zaporizhzhia ".to_owned() + &"2 killed, ".repeat(20_000) + "officials said.";
        let got = one("at least two", DEAD, None, &[sentence.as_str()]);
        assert_eq!(got, (M, Some("2".to_owned())));
    }

    #[test]
    fn a_fact_check_source_decides_by_its_rating() {
        use crate::text::ClaimReview;
        let page: &[&str] = &[
            "The mayor said the city hired 300 teachers.",
            "Records show 120 teachers were hired.",
        ];
        let review = |rating: &str, reviewed: &str, top: bool| ClaimReview {
            rating: rating.to_owned(),
            claim_reviewed: Some(reviewed.to_owned()),
            top,
        };
        let c = figure("300", &["city", "teachers"], None);
        // (review, source verdict, passage)
        let cases = [
            // Reviewed claim holds the about entries, rated false: mismatch
            // with the rating, whatever figure the page quotes.
            (
                review("False", "The city hired 300 teachers last year", false),
                SourceVerdict::Mismatch,
                Some("The city hired 300 teachers last year"),
            ),
            // Rated at the top of its scale: the passages decide.
            (
                review("True", "The city hired 300 teachers last year", true),
                SourceVerdict::Match,
                Some("The mayor said the city hired 300 teachers."),
            ),
            // A review of another claim: the passages decide.
            (
                review("False", "The mayor was elected in 2019", false),
                SourceVerdict::Match,
                Some("The mayor said the city hired 300 teachers."),
            ),
        ];
        for (r, verdict, passage) in cases {
            let idx = SourceIndex::new(page.iter().map(|s| (*s).to_owned()).collect())
                .with_review(Some(r.clone()));
            let texts = [SourceText {
                id: "s",
                url: "https://example.org/s",
                text: Ok(&idx),
            }];
            let outcome = compare(&c, &texts);
            let ev = &outcome.evidence[0];
            assert_eq!(ev.verdict, verdict, "{r:?}");
            assert_eq!(ev.passage.as_deref(), passage, "{r:?}");
            assert_eq!(ev.source_review.as_ref(), Some(&r));
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(
            sentences in proptest::collection::vec("\\PC{0,40}", 0..6),
            about in proptest::collection::vec("[a-z |*]{0,12}", 0..3),
            value in proptest::sample::select(vec!["two", "over 30", "£2.26bn", "15%", "over two years", "dozens"]),
            quote in "\\PC{0,30}",
        ) {
            let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
            let about: Vec<&str> = about.iter().map(String::as_str).collect();
            let _ = run(&figure(value, &about, Some(Tolerance::Relative(0.05))), &[Some(&refs), None]);
            let _ = run(&claim(Body::Quote { quote }, &about), &[Some(&refs)]);
            let _ = run(&claim(Body::Statement, &about), &[Some(&refs)]);
        }
    }

    /// A source that said nothing says why, as an editor would look for it:
    /// the figures the passages about the claim hold instead, a unit that
    /// does not convert, or candidates the text binds to other words.
    #[test]
    fn not_found_names_the_figures_and_why_none_is_the_claims() {
        let reason = |value: &str, about: &[&str], sentences: &[&str]| {
            let out = run(&figure(value, about, None), &[Some(sentences)]);
            assert_eq!(
                out.verdict,
                Verdict::NotFound,
                "{value} {sentences:?}: {out:?}"
            );
            out.evidence[0].reason.clone().unwrap_or_default()
        };
        // Weeks and months do not convert into each other (the spec).
        let r = reason(
            "two months",
            &["siege", "last*"],
            &["The siege lasted eight weeks."],
        );
        assert!(r.no_figure && !r.bound_elsewhere, "{r:?}");
        assert_eq!(r.figures, ["eight weeks"]);
        assert_eq!(r.unconverted.as_deref(), Some("weeks"));
        // No figure of the claim's kind at all: the money is named.
        let r = reason(
            "15",
            &["Rasna", "kill*"],
            &["In Rasna the raid killed cattle worth $2m."],
        );
        assert!(r.no_figure, "{r:?}");
        assert_eq!(r.figures, ["$2m"]);
        assert_eq!(r.unconverted, None);
        // The only count counts the injured: bound elsewhere, not "no figure".
        let r = reason(
            "at least 14",
            &["Rasna", "killed"],
            &["In Rasna 37 people were injured; how many were killed is not known."],
        );
        assert!(r.bound_elsewhere && !r.no_figure, "{r:?}");
        assert_eq!(r.figures, ["37"]);
    }
}
