//! Figures in English news text: counts, money and percentages, each read as
//! an interval exactly as ../shared/spec/claim-files.md ("Figures") defines.
//!
//! Pure code: text in, figures out. No I/O, no clock.
//!
//! Where the spec is silent, this module decides so:
//! - A duration ("over two years") keeps real, possibly open ends: it is a
//!   count of time, not of things, so it is not closed on whole numbers.
//! - A count with decimals whose interval holds no whole number ("2.5
//!   children") keeps its real interval.
//! - "Just above n" / "just below n" as evidence are the degenerate intervals
//!   `(n, n]` / `[n, n)` ([`Interval::just_above`]); [`Interval::fit`] reads them.
//! - Vague amounts beyond the spec's table follow its pattern: "several
//!   dozen" [36, 119], "several million" [3e6, 9999999], "a few hundred"
//!   [200, 599], "hundreds of millions", "tens of millions", "billions".
//!   "millions of dollars" is money.
//! - A bare four-digit number from 1000 to 2100 is a year unless a
//!   qualifier, a currency or a plural noun with no determiner before it
//!   makes it a count ("killed 2000 people"); news writes counts with commas.
//! - "one" alone counts only before a counted noun ("one civilian"), with a
//!   qualifier, a unit or in a range; else it is a pronoun.
//! - A capitalised word right before a bare number names it ("Apollo 11"),
//!   unless the word starts the sentence or a plural noun follows.
//! - Fractions ("two thirds"), negative numbers, powers and scientific
//!   notation are not figures; a ratio ("one in five") is a percentage.
//! - Money in whole minor units ("50 cents", "30p") covers half a minor
//!   unit; a ratio that is not a whole percentage ("one in three") is exact.
//!
//! How a source's figure stands to a claim is [`evidence`], the only
//! implementation of the spec's evidence rule; units and the duration table
//! are [`unit`].

use serde::{Deserialize, Serialize};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

mod attach;
pub mod evidence;
mod lexicon;
mod number;
mod qualify;
mod rules;
mod scan;
#[cfg(test)]
mod tests;
pub mod unit;
mod vague;
pub mod value;

pub use evidence::Tolerance;
pub use unit::Unit;

/// Why a claim's `value` is not exactly one figure.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// No figure in it (a year, an ordinal, a name, words only).
    #[error("no figure found in {value:?}")]
    None {
        /// The value as written.
        value: String,
    },
    /// More than one figure in it.
    #[error("{value:?} holds {} figures ({}); write exactly one", found.len(), found.join(", "))]
    Several {
        /// The value as written.
        value: String,
        /// The text of each figure found.
        found: Vec<String>,
    },
}

/// Every figure in `text`, in order of appearance (spans in chars).
///
/// One pass over the text: it stops at digits and at words that can start
/// a figure, and looks around only there. Memory is what the figures take.
#[must_use]
pub fn find(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    find_each(text, |f| out.push(f));
    out
}

/// As [`find`], handing each figure to `each` as soon as it is read, so a
/// caller that writes figures out (the quantities protocol) keeps none.
pub fn find_each(text: &str, mut each: impl FnMut(Figure)) {
    let mut chars = CharCursor::default();
    scan::scan(text, &mut |raw| each(finish(text, raw, &mut chars)));
}

/// A number in a text that a named rule says is no figure ("a date", "a
/// measure"): what `factcheck quantities` leaves out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// The rule's name ("measure", "year", "named-number").
    pub rule: &'static str,
    /// Why such a number is no figure.
    pub why: &'static str,
    /// Start of the number in Unicode scalar values (chars).
    pub start: usize,
}

/// Every number in `text` that a rule rejected, in order, with the rule.
#[must_use]
pub fn rejections(text: &str) -> Vec<Rejection> {
    let mut chars = CharCursor::default();
    rules::rejections(text)
        .into_iter()
        .map(|(rule, at)| Rejection {
            rule: rule.name,
            why: rule.why,
            start: chars.at(text, at),
        })
        .collect()
}

/// Reads a claim's `value` as exactly one figure (spec: "`value` must parse
/// as exactly one figure").
pub fn parse_value(value: &str) -> Result<Figure, ValueError> {
    let mut found = find(value);
    match found.len() {
        // In `value` the writer has said it is a figure: a bare number the
        // running-text rules set aside (a year-like "1125", "2000", the
        // pronoun "one") is a count there (claim-files.md, `value`).
        0 => bare_count(value).ok_or_else(|| ValueError::None {
            value: value.to_owned(),
        }),
        1 => Ok(found.remove(0)),
        _ => Err(ValueError::Several {
            value: value.to_owned(),
            found: found.into_iter().map(|f| f.text).collect(),
        }),
    }
}

/// A `value` that is only a whole number ("1125", "2,000") or "one", as an
/// exact count; `None` for anything else.
fn bare_count(value: &str) -> Option<Figure> {
    let text = value.trim();
    let n = if text.eq_ignore_ascii_case("one") {
        1.0
    } else {
        let grouped = text.split(',').enumerate().all(|(i, group)| {
            !group.is_empty()
                && group.bytes().all(|b| b.is_ascii_digit())
                && (!text.contains(',') || (i == 0 && group.len() <= 3) || group.len() == 3)
        });
        if !grouped || text.len() > 18 {
            return None;
        }
        text.replace(',', "").parse::<f64>().ok()?
    };
    let point = Interval {
        low: Some(n),
        high: Some(n),
        low_open: false,
        high_open: false,
    };
    let start = value.chars().take_while(|c| c.is_whitespace()).count();
    Some(Figure {
        text: text.to_owned(),
        start,
        end: start + text.chars().count(),
        value: Some(n),
        kind: Kind::Count,
        unit: None,
        qualifier: Qualifier::Exact,
        claim: point,
        evidence: point,
        noun: None,
        restated: None,
    })
}

/// Converts byte offsets to char offsets moving forward through the text.
#[derive(Default)]
struct CharCursor {
    byte: usize,
    chars: usize,
}

impl CharCursor {
    fn at(&mut self, text: &str, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += count_chars(&text.as_bytes()[self.byte..byte]);
        self.byte = byte;
        self.chars
    }
}

/// The chars of UTF-8 bytes: the bytes that are not continuation bytes
/// (`10xxxxxx`), counted eight at a time.
fn count_chars(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    let mut continuation = 0;
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        let x = u64::from_le_bytes(a);
        // Bit 7 of a byte set and bit 6 (shifted up into bit 7) clear.
        continuation += (x & !(x << 1) & HIGH).count_ones() as usize;
    }
    let rest = chunks.remainder();
    continuation += rest.iter().filter(|&&c| c & 0xC0 == 0x80).count();
    b.len() - continuation
}

fn finish(text: &str, raw: scan::Raw, chars: &mut CharCursor) -> Figure {
    let start = chars.at(text, raw.start);
    let end = chars.at(text, raw.end);
    let noun = raw.noun.map(|(s, e)| text[s..e].to_owned());
    let restated = raw.restated.map(|r| Box::new(finish(text, *r, chars)));
    let duration = raw.kind == Kind::Count && raw.unit.is_some();
    let (mut claim, mut evidence) = intervals(
        raw.kind,
        duration,
        raw.qualifier,
        raw.value.unwrap_or(0.0),
        raw.half,
        raw.bounds,
    );
    for i in [&mut claim, &mut evidence] {
        i.low = i.low.map(tidy);
        i.high = i.high.map(tidy);
    }
    Figure {
        text: text[raw.start..raw.end].to_owned(),
        start,
        end,
        value: raw.value.map(tidy),
        kind: raw.kind,
        unit: raw.unit.map(str::to_owned),
        qualifier: raw.qualifier,
        claim,
        evidence,
        noun,
        restated,
    }
}

impl Interval {
    /// A single value.
    #[must_use]
    pub fn point(n: f64) -> Self {
        Self::closed(Some(n), Some(n))
    }

    /// Both ends included (`None` unbounded).
    #[must_use]
    pub fn closed(low: Option<f64>, high: Option<f64>) -> Self {
        Self {
            low,
            high,
            low_open: false,
            high_open: false,
        }
    }

    /// Whether `x` lies in the interval.
    #[must_use]
    pub fn contains(&self, x: f64) -> bool {
        let above = match self.low {
            None => true,
            Some(l) if self.low_open => x > l,
            Some(l) => x >= l,
        };
        let below = match self.high {
            None => true,
            Some(h) if self.high_open => x < h,
            Some(h) => x <= h,
        };
        above && below
    }

    /// "Just above n" as evidence: `(n, n]`, a point approached from above
    /// (spec: "more than £12bn" as evidence). See [`Interval::fit`].
    #[must_use]
    pub fn just_above(n: f64) -> Self {
        Self {
            low: Some(n),
            high: Some(n),
            low_open: true,
            high_open: false,
        }
    }

    /// "Just below n" as evidence: `[n, n)`, a point approached from below.
    #[must_use]
    pub fn just_below(n: f64) -> Self {
        Self {
            low: Some(n),
            high: Some(n),
            low_open: false,
            high_open: true,
        }
    }

    /// How an evidence interval (`self`) stands to a claim's interval, as
    /// the spec's "What a figure states as evidence" reads it: a point (or a
    /// just-above/just-below point) inside, or every value inside, is
    /// [`Fit::Inside`]; a point outside, or an interval wholly outside, is
    /// [`Fit::Outside`]; an interval partly inside is [`Fit::Partly`].
    #[must_use]
    #[allow(clippy::float_cmp)] // ends are compared as stated, not computed
    pub fn fit(&self, claim: &Interval) -> Fit {
        match (self.low, self.high) {
            (Some(l), Some(h)) if l == h && self.low_open != self.high_open => {
                // Just above n: every value from n (excluded) to a bit beyond.
                let n = l;
                let ok = if self.low_open {
                    let low_ok = claim.low.is_none_or(|cl| cl <= n);
                    let high_ok = claim.high.is_none_or(|ch| ch > n);
                    low_ok && high_ok
                } else {
                    let low_ok = claim.low.is_none_or(|cl| cl < n);
                    let high_ok = claim.high.is_none_or(|ch| ch >= n);
                    low_ok && high_ok
                };
                if ok { Fit::Inside } else { Fit::Outside }
            }
            (Some(l), Some(h)) if l == h => {
                if claim.contains(l) {
                    Fit::Inside
                } else {
                    Fit::Outside
                }
            }
            _ => {
                let low_in = self.low.map_or(claim.low.is_none(), |l| {
                    claim.contains(l)
                        || (self.low_open
                            && claim.low == Some(l)
                            && claim.high.is_none_or(|h| h > l))
                });
                let high_in = self.high.map_or(claim.high.is_none(), |h| {
                    claim.contains(h)
                        || (self.high_open
                            && claim.high == Some(h)
                            && claim.low.is_none_or(|l| l < h))
                });
                if low_in && high_in {
                    Fit::Inside
                } else if self.overlaps(claim) {
                    Fit::Partly
                } else {
                    Fit::Outside
                }
            }
        }
    }

    #[allow(clippy::float_cmp)]
    fn overlaps(&self, other: &Interval) -> bool {
        let lo_a = self.low.unwrap_or(f64::NEG_INFINITY);
        let hi_a = self.high.unwrap_or(f64::INFINITY);
        let lo_b = other.low.unwrap_or(f64::NEG_INFINITY);
        let hi_b = other.high.unwrap_or(f64::INFINITY);
        lo_a.max(lo_b) < hi_a.min(hi_b)
            || (lo_a.max(lo_b) == hi_a.min(hi_b)
                && self.contains(lo_a.max(lo_b))
                && other.contains(lo_a.max(lo_b)))
    }
}

impl Interval {
    /// The interval with both ends multiplied by `factor` (a unit change).
    #[must_use]
    pub fn scaled(self, factor: f64) -> Self {
        Self {
            low: self.low.map(|x| tidy(x * factor)),
            high: self.high.map(|x| tidy(x * factor)),
            ..self
        }
    }
}

/// How evidence stands to a claim's interval (see [`Interval::fit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fit {
    /// Its point, or every value of it, lies in the claim's interval: supports.
    Inside,
    /// Its point lies outside (or all of it): contradicts.
    Outside,
    /// Only part of it lies inside: wider.
    Partly,
}

/// Rounds away the binary noise of decimal arithmetic ("2.2%" covers
/// [2.15, 2.25), not [2.1500000000000004, 2.25)): 12 significant digits.
fn tidy(x: f64) -> f64 {
    // Whole numbers (most figures) carry no noise.
    if is_whole(x) || !x.is_finite() {
        return x;
    }
    let digits = 12 - ceil_log10(x.abs());
    let digits = digits.clamp(-290, 290);
    let p = 10f64.powi(digits);
    let r = (x * p).round() / p;
    if r.is_finite() { r } else { x }
}

/// `y.log10().ceil()` for a finite `y` > 0, without the call to `log10`
/// where `y` lies well inside a decade of 1e-15 to 1e15 (most figures):
/// there `log10(y)` is at least 4e-10 away from a whole number, far more
/// than its rounding error, so the decade's upper power is the answer.
fn ceil_log10(y: f64) -> i32 {
    const POW: [f64; 31] = [
        1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2,
        1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    const MARGIN: f64 = 1e-9;
    let k = POW.partition_point(|&p| p < y);
    if k > 0 && k < POW.len() && y >= POW[k - 1] * (1.0 + MARGIN) && y <= POW[k] * (1.0 - MARGIN) {
        return i32::try_from(k).unwrap_or(i32::MAX) - 15;
    }
    y.log10().ceil() as i32
}

/// Whether `x` is a whole number, as `x.fract() == 0.0` says, without the
/// call to `trunc` that `fract` is on baseline x86-64 (no SSE4.1).
#[allow(clippy::float_cmp)] // an exact test of wholeness, as intended
fn is_whole(x: f64) -> bool {
    // From 2^52 on every f64 is whole; below it the cast truncates exactly.
    x.is_finite() && (x.abs() >= 4_503_599_627_370_496.0 || (x as i64) as f64 == x)
}

/// The claim and evidence intervals of a figure (spec tables), `n` the
/// stated number, `half` its stated precision, `bounds` a range's or vague
/// amount's ends. Counts (not durations) are closed on whole numbers.
fn intervals(
    kind: Kind,
    duration: bool,
    qualifier: Qualifier,
    n: f64,
    half: f64,
    bounds: Option<(f64, f64)>,
) -> (Interval, Interval) {
    let whole = kind == Kind::Count && !duration;
    let point = Interval::point(n);
    let half = if qualifier == Qualifier::Exact && half == 0.0 {
        whole_unit_half(kind, n)
    } else {
        half
    };
    let (claim, evidence) = match qualifier {
        Qualifier::Exact if half > 0.0 => (
            Interval {
                low: Some(n - half),
                high: Some(n + half),
                low_open: false,
                high_open: true,
            },
            point,
        ),
        Qualifier::Exact => (point, point),
        Qualifier::About => (Interval::closed(Some(0.9 * n), Some(1.1 * n)), point),
        Qualifier::AtLeast => (Interval::closed(Some(n), None), point),
        Qualifier::MoreThan | Qualifier::JustOver => (
            Interval {
                low: Some(n),
                high: None,
                low_open: true,
                high_open: false,
            },
            if whole {
                Interval::point(n + 1.0)
            } else {
                Interval::just_above(n)
            },
        ),
        Qualifier::AtMost => (Interval::closed(Some(0.0), Some(n)), point),
        Qualifier::LessThan | Qualifier::Nearly => (
            Interval {
                // Revised: "nearly n" is close below n, not anything below.
                low: Some(if qualifier == Qualifier::Nearly {
                    0.9 * n
                } else {
                    0.0
                }),
                high: Some(n),
                low_open: false,
                high_open: true,
            },
            if whole {
                Interval::point((n - 1.0).max(0.0))
            } else {
                Interval::just_below(n)
            },
        ),
        Qualifier::Range | Qualifier::Vague => {
            let (a, b) = bounds.unwrap_or((n, n));
            let i = Interval::closed(Some(a), Some(b));
            (i, i)
        }
    };
    if whole {
        (whole_numbers(claim), evidence)
    } else {
        (claim, evidence)
    }
}

/// Half a unit for money and percentages written in whole units (spec
/// rev. 2: "$1,472" covers [1471.5, 1472.5), "17%" [16.5, 17.5)); 0 for
/// counts, which are exact.
///
/// Money written in whole minor units ("50 cents", "5p") covers half a
/// minor unit. A percentage that is not whole although no decimals were
/// written is a ratio ("one in three"), exact as stated.
fn whole_unit_half(kind: Kind, n: f64) -> f64 {
    let whole = |x: f64| (x - x.round()).abs() <= 1e-9 * x.abs().max(1.0);
    match kind {
        Kind::Money | Kind::Percent if whole(n) => 0.5,
        Kind::Money if whole(n * 100.0) => 0.005,
        _ => 0.0,
    }
}

/// The whole numbers of an interval, as a closed interval (kept as it is
/// when it holds none).
fn whole_numbers(i: Interval) -> Interval {
    // Noise first: 0.9 * n may land a hair above a whole number.
    let low = i.low.map(tidy).map(|l| {
        if i.low_open && is_whole(l) {
            l + 1.0
        } else {
            l.ceil()
        }
    });
    let high = i.high.map(tidy).map(|h| {
        if i.high_open && is_whole(h) {
            h - 1.0
        } else {
            h.floor()
        }
    });
    match (low, high) {
        (Some(l), Some(h)) if l > h => i,
        _ => Interval::closed(low, high),
    }
}

#[cfg(test)]
mod bare_value_tests {
    use super::*;

    #[test]
    fn bare_numbers_in_value_are_counts() {
        let cases = [
            ("1125", Some(1125.0)),
            ("2000", Some(2000.0)),
            ("2,000", Some(2000.0)),
            (" one ", Some(1.0)),
            ("a dozen", Some(12.0)),
            ("15", Some(15.0)),
            ("first", None),
            ("", None),
        ];
        for (value, want) in cases {
            let got = parse_value(value).ok().and_then(|f| {
                assert_eq!(f.kind, Kind::Count, "{value:?}");
                f.claim.low
            });
            assert_eq!(got, want, "{value:?}");
        }
    }
}
