//! Comparing a claim with what its sources say: per source a verdict with the
//! passage that decided it, and per claim the aggregate verdict, exactly as
//! ../shared/spec/claim-files.md ("Comparing", "The claim's verdict") says.
//! Pure: a claim and its sources' sentences in, an outcome out.

use serde::Serialize;

use crate::quantity::Figure;

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
