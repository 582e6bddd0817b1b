//! Reports for people and machines. The JSON contract of
//! ../shared/spec/cli.md is the model every format renders; each format is a
//! pure function from a [`Report`] to a string.

use serde::Serialize;

use crate::compare::{DiffOp, Relation, SourceVerdict, Verdict};
use crate::quantity::Kind;

/// The whole report (`check --format json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always 1.
    pub version: u32,
    /// One entry per claim file, in path order.
    pub files: Vec<FileReport>,
    /// Counts per verdict.
    pub summary: Summary,
}

/// One claim file's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileReport {
    /// The claim file's path, as given or found.
    pub path: String,
    /// The `[article]` table.
    pub article: ArticleReport,
    /// Each claim, in file order.
    pub claims: Vec<ClaimReport>,
}

/// The article a claim file covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleReport {
    /// Its title.
    pub title: String,
    /// Where it is published.
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// Whether a claim is a figure, a quote or a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Has `value`.
    Figure,
    /// Has `quote`.
    Quote,
    /// Has neither.
    Statement,
}

/// One claim's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimReport {
    /// The claim's id.
    pub id: String,
    /// Figure, quote or statement.
    pub kind: ClaimKind,
    /// The article's sentence.
    pub text: String,
    /// The aggregate verdict.
    pub verdict: Verdict,
    /// What the claim's figure covers (figure claims), tolerance included.
    pub stated: Option<FigureReport>,
    /// The quoted words (quote claims).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Evidence differs from the lock.
    pub changed_since_review: bool,
    /// Accepted in the lock with unchanged evidence: never fails the gate.
    pub accepted: bool,
    /// Source by source.
    pub evidence: Vec<EvidenceReport>,
}

/// A figure as the JSON report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureReport {
    /// The figure's words.
    pub text: String,
    /// Count, money or percent.
    pub kind: Kind,
    /// ISO 4217 code, `%`, a duration unit, or null.
    pub unit: Option<String>,
    /// Lower end, null when unbounded.
    pub low: Option<f64>,
    /// Upper end, null when unbounded.
    pub high: Option<f64>,
    /// Whether `low` is excluded.
    pub low_open: bool,
    /// Whether `high` is excluded.
    pub high_open: bool,
    /// The same amount restated in another currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restated: Option<Box<FigureReport>>,
}

/// One source's evidence as the JSON report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceReport {
    /// The source's id, or the URL or path for an inline source.
    pub source: String,
    /// The URL or path read.
    pub url: String,
    /// What this source says.
    pub verdict: SourceVerdict,
    /// The passage that decided it.
    pub passage: Option<String>,
    /// The figure found.
    pub found: Option<FigureReport>,
    /// How `found` stands to the claim.
    pub relation: Option<Relation>,
    /// Word diff from the accepted passage to this one, when changed since review.
    pub review_diff: Option<Vec<DiffOp>>,
    /// The passage's other figures.
    pub others: Vec<FigureReport>,
    /// Quote diff from the quote to the source's words.
    pub diff: Option<Vec<DiffOp>>,
    /// Why the source could not be read.
    pub error: Option<String>,
}

/// Counts of claims per verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// All claims.
    pub claims: usize,
    /// `match`.
    #[serde(rename = "match")]
    pub matched: usize,
    /// `mismatch`.
    pub mismatch: usize,
    /// `disputed`.
    pub disputed: usize,
    /// `unsourced`.
    pub unsourced: usize,
    /// `not-found`.
    #[serde(rename = "not-found")]
    pub not_found: usize,
    /// `unreachable`.
    pub unreachable: usize,
}
