//! Figures in English news text: counts, money and percentages, each read as
//! an interval exactly as ../shared/spec/claim-files.md ("Figures") defines.
//!
//! Pure code: text in, figures out. No I/O, no clock.

use serde::Serialize;

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A count of things, possibly with a duration unit (`years`).
    Count,
    /// An amount of money in one currency (unit: ISO 4217 code).
    Money,
    /// A percentage (unit: `%`).
    Percent,
}

/// The qualifier a figure was stated with (spec: "What a figure covers").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// No qualifier: "15", "£2.26 billion".
    Exact,
    /// "at least", "no fewer than", "or more".
    AtLeast,
    /// "more than", "over", "above", "upwards of".
    MoreThan,
    /// "at most", "up to", "as many as".
    AtMost,
    /// "fewer than", "less than", "under", "below".
    LessThan,
    /// "about", "around", "some", "roughly".
    About,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "just over".
    JustOver,
    /// "1,500-2,000", "between 1,500 and 2,000", "15 or 16".
    Range,
    /// "dozens", "a few", "thousands".
    Vague,
}

/// An interval of real numbers; `None` for an unbounded end. A count's ends
/// are whole numbers and closed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// Lower end, `None` when unbounded.
    pub low: Option<f64>,
    /// Upper end, `None` when unbounded.
    pub high: Option<f64>,
    /// Whether `low` itself is excluded.
    pub low_open: bool,
    /// Whether `high` itself is excluded.
    pub high_open: bool,
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The figure's words as they stand in the text, qualifier and unit included.
    pub text: String,
    /// Start offset in Unicode scalar values (chars), inclusive.
    pub start: usize,
    /// End offset in Unicode scalar values (chars), exclusive.
    pub end: usize,
    /// The stated number (money in the currency's major unit), the first number
    /// of a range, `None` for a vague amount.
    pub value: Option<f64>,
    /// Count, money or percent.
    pub kind: Kind,
    /// ISO 4217 code, `%`, a duration unit (`years`, `months`, `weeks`, `days`,
    /// `hours`, `minutes`) or `None` for a plain count.
    pub unit: Option<String>,
    /// The qualifier it was stated with.
    pub qualifier: Qualifier,
    /// What the figure covers when it is the claim (stated precision included).
    pub claim: Interval,
    /// What the figure firmly states when it is a source's evidence.
    pub evidence: Interval,
    /// The noun it counts, where one follows ("civilians" in "2 civilians").
    pub noun: Option<String>,
    /// A restatement in another currency in brackets right after it
    /// ("$50bn (£38.5bn)"): the two are one figure.
    pub restated: Option<Box<Figure>>,
}
