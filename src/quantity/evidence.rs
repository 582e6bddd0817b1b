//! The evidence rule (spec: "What a figure states as evidence"): how a
//! source's figure stands to a claim's figure. This is the only
//! implementation; `compare` picks the figure and calls [`fit`].
//!
//! Both figures are brought to one unit first ([`super::unit`]: durations
//! to the smaller of the two), the claim widened by its tolerance, then the
//! evidence interval is fitted into the claim's ([`Interval::fit`]).
//!
//! Where the spec is silent, decided so:
//! - A count's interval stands for its whole numbers; an interval that
//!   holds no whole number ("2.5" as a claim) keeps its real ends, so it is
//!   never turned inside out.
//! - Durations are compared in one grid unit per family, months for years
//!   and months, minutes for weeks down to seconds, whatever units the two
//!   figures use, so converting either never changes a verdict ("over two
//!   years" stands to "30 months" as to "two and a half years"). A
//!   duration claim keeps its qualifier's real interval ("about eight
//!   hours" is 7.2 to 8.8 hours, "over two years" anything above 24
//!   months): time is not counted in whole hours or years. As evidence,
//!   "over n" and "nearly n" read as counts of the grid unit when n is a
//!   whole number of it ("over two years" is 25 months, so it supports
//!   "25 months"; "nearly eight hours" is 479 minutes, so it supports
//!   "about eight hours" but not "eight hours"), else as just above or
//!   just below n.
//! - "A plain number with decimals against a claim in whole units reads as
//!   rounded": plain means a count with no unit (an index level, a score).
//!   A duration with decimals ("2.5 days") is not rounded: it states half a
//!   day. The claim is "in whole units" when its stated number is whole.

#![allow(clippy::float_cmp)] // ends are compared as stated; noise is removed by `tidy`

use super::unit::Unit;
use super::{Figure, Fit, Interval, Kind, tidy, whole_numbers};

/// How `tolerance` widens a figure claim's interval (spec: "`tolerance`").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    /// "5%": each bound by this fraction of itself (0.05).
    Relative(f64),
    /// "100": each bound by this many of the figure's unit.
    Absolute(f64),
}

/// What a figure claim covers with its tolerance, in its own unit; a
/// count's ends whole numbers and closed, a duration's as its qualifier
/// gives them ("over two years" is above 2). Reports show it as `stated`.
#[must_use]
pub fn stated(claim: &Figure, tolerance: Option<Tolerance>) -> Interval {
    claim_interval(claim, tolerance)
}

/// Whether a source's figure can be the claim's figure at all: the same
/// kind; a duration only for a duration claim in a unit it converts to; a
/// plain count only for a plain count.
#[must_use]
pub fn comparable(claim: &Figure, found: &Figure) -> bool {
    if claim.kind != found.kind {
        return false;
    }
    match claim.kind {
        Kind::Money | Kind::Percent => true,
        Kind::Count => match (unit(claim), unit(found)) {
            (Some(Unit::Duration(a)), Some(Unit::Duration(b))) => a.common(b).is_some(),
            (None, None) => claim.unit == found.unit,
            _ => false,
        },
    }
}

/// How a source's figure stands to the claim widened by `tolerance`. A
/// figure restated in another currency ("$50bn (£38.5bn)") is one figure
/// and fits when either part does; when neither does, the part in the
/// claim's currency speaks.
#[must_use]
pub fn fit(claim: &Figure, tolerance: Option<Tolerance>, found: &Figure) -> Fit {
    let first = fit_one(claim, tolerance, found);
    match (&found.restated, first) {
        (_, Fit::Inside) | (None, _) => first,
        (Some(other), _) => {
            let second = fit_one(claim, tolerance, other);
            let same_currency = claim.unit == found.unit;
            if second == Fit::Inside || !same_currency && claim.unit == other.unit {
                second
            } else {
                first
            }
        }
    }
}

fn unit(f: &Figure) -> Option<Unit> {
    Unit::of(f.kind, f.unit.as_deref())
}

/// One figure (not its restatement) against the claim.
fn fit_one(claim: &Figure, tolerance: Option<Tolerance>, found: &Figure) -> Fit {
    if claim.kind != found.kind {
        return Fit::Outside;
    }
    match claim.kind {
        // Money in another currency never supports.
        Kind::Money if claim.unit != found.unit => return Fit::Outside,
        Kind::Count => match (unit(claim), unit(found)) {
            (Some(Unit::Duration(a)), Some(Unit::Duration(b))) => {
                if a.common(b).is_none() {
                    return Fit::Outside;
                }
                // Both on the family's grid (converted to a unit no larger
                // than the smaller of the two, as the spec asks).
                let claimed = duration_claim(claim, tolerance, a.grid());
                return duration_evidence(found, b.grid()).fit(&claimed);
            }
            (None, None) if claim.unit == found.unit => {}
            _ => return Fit::Outside,
        },
        _ => {}
    }
    let claimed = claim_interval(claim, tolerance);
    evidence_interval(found, claim).fit(&claimed)
}

/// A duration claim's interval with its tolerance, in a unit `factor` times
/// smaller than its own: the qualifier's real interval, never snapped to
/// whole units (those depend on the unit written).
fn duration_claim(claim: &Figure, tolerance: Option<Tolerance>, factor: f64) -> Interval {
    widen(claim.claim.scaled(factor), tolerance, factor)
}

/// What a duration in a source firmly states, in a unit `factor` times
/// smaller than its own (the grid): "over n" and "nearly n" as counts of
/// the grid unit (n + 1, n - 1) when n is a whole number of it, else just
/// above or below n.
fn duration_evidence(found: &Figure, factor: f64) -> Interval {
    let iv = found.evidence.scaled(factor);
    match iv.low.filter(|&l| iv.high == Some(l) && l.fract() == 0.0) {
        Some(n) if iv.low_open => Interval::point(n + 1.0),
        Some(n) if iv.high_open => Interval::point((n - 1.0).max(0.0)),
        _ => iv,
    }
}

/// `iv` widened by `tolerance`, an absolute one given in the figure's unit
/// and `iv` in a unit `factor` times smaller.
fn widen(mut iv: Interval, tolerance: Option<Tolerance>, factor: f64) -> Interval {
    match tolerance {
        Some(Tolerance::Relative(r)) => {
            iv.low = iv.low.map(|l| tidy(l - l.abs() * r));
            iv.high = iv.high.map(|h| tidy(h + h.abs() * r));
        }
        Some(Tolerance::Absolute(a)) => {
            iv.low = iv.low.map(|l| tidy(l - a * factor));
            iv.high = iv.high.map(|h| tidy(h + a * factor));
        }
        None => {}
    }
    iv
}

/// The claim's interval with its tolerance, in its own unit; a count's
/// whole numbers, a duration's real interval.
fn claim_interval(claim: &Figure, tolerance: Option<Tolerance>) -> Interval {
    if matches!(unit(claim), Some(Unit::Duration(_))) {
        return duration_claim(claim, tolerance, 1.0);
    }
    let iv = widen(claim.claim, tolerance, 1.0);
    if claim.kind == Kind::Count {
        whole_numbers(iv)
    } else {
        iv
    }
}

/// What the source's figure (not a duration) firmly states, read against
/// `claim`.
fn evidence_interval(found: &Figure, claim: &Figure) -> Interval {
    let iv = found.evidence;
    if found.kind != Kind::Count {
        return iv;
    }
    let Some(n) = iv.low.filter(|&l| iv.high == Some(l)) else {
        return whole_numbers(iv);
    };
    if iv.low_open {
        // Just above n, for a count: n + 1.
        Interval::point(n.floor() + 1.0)
    } else if iv.high_open {
        Interval::point(n.ceil() - 1.0)
    } else if n.fract() != 0.0 && is_plain(found) && is_plain(claim) && claim_in_whole_units(claim)
    {
        // "40,816.38" supports "40,816".
        Interval::point(n.round())
    } else {
        iv
    }
}

/// A count with no unit: a number of things, an index level, a score.
fn is_plain(f: &Figure) -> bool {
    f.kind == Kind::Count && f.unit.is_none()
}

/// Whether the claim's stated number is whole ("40,816", not "2.5").
fn claim_in_whole_units(claim: &Figure) -> bool {
    claim.value.is_some_and(|v| v.fract() == 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::parse_value;

    fn fig(text: &str) -> Figure {
        parse_value(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    /// (source's figure, claim, fit): the spec's examples, its revised
    /// intervals, and the duration table.
    #[test]
    fn sources_against_claims() {
        use Fit::{Inside, Outside, Partly};
        let cases = [
            // The spec's examples ("What a figure states as evidence").
            ("2 killed", "at least two", Inside),
            ("at least two killed", "at least two", Inside),
            ("more than 50", "dozens", Inside),
            ("approximately $50 billion", "$50 billion", Inside),
            ("about 3,000", "3,000", Inside),
            ("more than £12bn", "more than £12 billion", Inside),
            ("more than £12bn", "£12 billion", Inside),
            ("nearly $18 million", "$18 million", Inside),
            ("nearly $18 million", "at least $18 million", Outside),
            ("at least two", "100", Outside),
            ("about 30", "over 30", Outside),
            ("nearly 3,000", "3,000", Outside),
            ("£2bn", "£2.26bn", Outside),
            ("up to 12,000", "up to 10,000", Outside),
            ("dozens", "50", Partly),
            ("$50bn", "€50bn", Outside),
            // Revised: "nearly n" as a claim is [0.9n, n).
            ("2,800", "nearly 3,000", Inside),
            ("2,700", "nearly 3,000", Inside),
            ("2,699", "nearly 3,000", Outside),
            ("10 percent", "nearly 17 percent", Outside),
            ("16.2%", "nearly 17 percent", Inside),
            ("3,000", "nearly 3,000", Outside),
            // Revised: money and percentages in whole units are rounded.
            ("$1,472.19", "$1,472", Inside),
            ("$1,472.50", "$1,472", Outside),
            ("$1,471.50", "$1,472", Inside),
            ("16.6%", "17%", Inside),
            ("17.5%", "17%", Outside),
            // Revised: a plain number with decimals reads as rounded.
            ("40,816.38", "40,816", Inside),
            ("40,816.5", "40,816", Outside),
            ("40,815.5", "40,816", Inside),
            ("2.5", "2.5", Inside),
            // Durations: both in the smaller unit; seconds convert.
            ("120 seconds", "two minutes", Inside),
            ("90 seconds", "two minutes", Outside),
            ("two minutes", "120 seconds", Inside),
            ("24 months", "two years", Inside),
            ("25 months", "over two years", Inside),
            ("24 months", "over two years", Outside),
            ("over two years", "25 months", Inside),
            ("14 days", "two weeks", Inside),
            ("2.5 days", "2 days", Outside),
            ("36 hours", "1.5 days", Inside),
            ("8 weeks", "two months", Outside),
        ];
        for (source, claimed, want) in cases {
            let (found, claim) = (fig(source), fig(claimed));
            assert_eq!(fit(&claim, None, &found), want, "{source:?} vs {claimed:?}");
        }
    }

    /// A duration claim keeps its qualifier (it was snapped to whole units
    /// of its own: "about eight hours" was exactly 8, "over two years" 3
    /// and up in years but 25 months and up in months).
    #[test]
    fn durations_keep_their_qualifiers() {
        use Fit::{Inside, Outside};
        // (source's figure, claim, fit)
        let cases = [
            ("nearly eight hours", "about eight hours", Inside),
            ("8 hours", "about eight hours", Inside),
            ("480 minutes", "about eight hours", Inside),
            ("7.5 hours", "about eight hours", Inside),
            ("10 hours", "about eight hours", Outside),
            ("7 hours", "about eight hours", Outside),
            ("about eight hours", "8 hours", Inside),
            ("nearly eight hours", "8 hours", Outside),
            ("nearly eight hours", "nearly eight hours", Inside),
            ("two and a half years", "over two years", Inside),
            ("30 months", "over two years", Inside),
            ("two years", "over two years", Outside),
            ("over two years", "over two years", Inside),
            ("over two years", "25 months", Inside),
            ("over two years", "3 years", Outside),
            ("over two years", "36 months", Outside),
            ("over two hours", "121 minutes", Inside),
            ("over two hours", "2 hours", Outside),
            ("nearly two years", "nearly two years", Inside),
            ("23 months", "nearly two years", Inside),
            ("two years", "nearly two years", Outside),
            ("nearly 30 seconds", "about 30 seconds", Inside),
            ("at least three days", "at least 72 hours", Inside),
            // A range only partly inside: wider.
            ("two to three years", "about 30 months", Fit::Partly),
        ];
        for (source, claimed, want) in cases {
            let (found, claim) = (fig(source), fig(claimed));
            assert_eq!(fit(&claim, None, &found), want, "{source:?} vs {claimed:?}");
        }
    }

    proptest::proptest! {
        /// The same duration written in another unit gives the same fit, on
        /// the claim's side and on the source's.
        #[test]
        fn a_duration_fits_alike_in_any_unit(
            claim_q in 0usize..6,
            source_q in 0usize..6,
            n in 1u32..6,
            m in 1u32..100,
            clock in proptest::bool::ANY,
        ) {
            const QUALIFIERS: [&str; 6] = ["", "about ", "over ", "nearly ", "at least ", "fewer than "];
            // (big unit, small unit, small units in a big one)
            let (big, small, k) = if clock { ("hours", "minutes", 60) } else { ("years", "months", 12) };
            let claim_big = fig(&format!("{}{n} {big}", QUALIFIERS[claim_q]));
            let claim_small = fig(&format!("{}{} {small}", QUALIFIERS[claim_q], n * k));
            let source_small = fig(&format!("{}{m} {small}", QUALIFIERS[source_q]));
            proptest::prop_assert_eq!(
                fit(&claim_big, None, &source_small),
                fit(&claim_small, None, &source_small)
            );
            let source_big = fig(&format!("{}{n} {big}", QUALIFIERS[source_q]));
            let source_as_small = fig(&format!("{}{} {small}", QUALIFIERS[source_q], n * k));
            for claim in [&claim_big, &claim_small] {
                proptest::prop_assert_eq!(
                    fit(claim, None, &source_big),
                    fit(claim, None, &source_as_small)
                );
            }
        }
    }

    #[test]
    fn candidates_by_kind_and_unit() {
        let cases = [
            ("two minutes", "120 seconds", true),
            ("two years", "24 months", true),
            ("two months", "8 weeks", false),
            ("two minutes", "120", false),
            ("120", "two minutes", false),
            ("15", "15%", false),
            ("$15", "£15", true),
            ("15", "16", true),
        ];
        for (claimed, source, want) in cases {
            assert_eq!(
                comparable(&fig(claimed), &fig(source)),
                want,
                "{claimed:?} vs {source:?}"
            );
        }
    }

    #[test]
    fn tolerance_widens_the_claim() {
        let cases = [
            ("105", "100", Some(Tolerance::Relative(0.05)), Fit::Inside),
            ("106", "100", Some(Tolerance::Relative(0.05)), Fit::Outside),
            ("95", "100", Some(Tolerance::Relative(0.05)), Fit::Inside),
            ("200", "100", Some(Tolerance::Absolute(100.0)), Fit::Inside),
            ("201", "100", Some(Tolerance::Absolute(100.0)), Fit::Outside),
            // Absolute tolerance is in the claim's unit: one minute.
            (
                "180 seconds",
                "two minutes",
                Some(Tolerance::Absolute(1.0)),
                Fit::Inside,
            ),
            (
                "181 seconds",
                "two minutes",
                Some(Tolerance::Absolute(1.0)),
                Fit::Outside,
            ),
            ("18%", "17%", Some(Tolerance::Absolute(1.0)), Fit::Inside),
        ];
        for (source, claimed, tolerance, want) in cases {
            assert_eq!(
                fit(&fig(claimed), tolerance, &fig(source)),
                want,
                "{source:?} vs {claimed:?} {tolerance:?}"
            );
        }
    }

    #[test]
    fn stated_intervals() {
        // (claim, tolerance, low, high, low_open, high_open)
        let cases = [
            ("over 30", None, Some(31.0), None, false, false),
            (
                "nearly 3,000",
                None,
                Some(2700.0),
                Some(2999.0),
                false,
                false,
            ),
            ("$1,472", None, Some(1471.5), Some(1472.5), false, true),
            ("17%", None, Some(16.5), Some(17.5), false, true),
            (
                "100",
                Some(Tolerance::Relative(0.05)),
                Some(95.0),
                Some(105.0),
                false,
                false,
            ),
            ("2.5", None, Some(2.45), Some(2.55), false, true),
            // Durations keep their qualifier's interval in their own unit.
            ("over two years", None, Some(2.0), None, true, false),
            (
                "about eight hours",
                None,
                Some(7.2),
                Some(8.8),
                false,
                false,
            ),
            ("nearly two years", None, Some(1.8), Some(2.0), false, true),
        ];
        for (claimed, tolerance, low, high, low_open, high_open) in cases {
            let got = stated(&fig(claimed), tolerance);
            assert_eq!(
                got,
                Interval {
                    low,
                    high,
                    low_open,
                    high_open
                },
                "{claimed:?}"
            );
        }
    }

    /// The claim intervals of the spec's second revision, as the engine
    /// reads them (before any tolerance).
    #[test]
    fn claim_intervals_of_the_second_revision() {
        // (claim, low, high, high_open); every low here is closed.
        let cases = [
            ("$1,472", 1471.5, 1472.5, true),
            ("£2,000", 1999.5, 2000.5, true),
            ("17%", 16.5, 17.5, true),
            ("17 per cent", 16.5, 17.5, true),
            ("one in five", 19.5, 20.5, true),
            ("50 cents", 0.495, 0.505, true),
            ("30p", 0.295, 0.305, true),
            ("$1,472.19", 1472.185, 1472.195, true),
            ("3.5%", 3.45, 3.55, true),
            ("$50bn", 49.5e9, 50.5e9, true),
            ("nearly 17 percent", 15.3, 17.0, true),
            ("nearly $18 million", 16.2e6, 18e6, true),
            ("almost 3,000 people", 2700.0, 2999.0, false),
            ("just under 100", 90.0, 99.0, false),
            ("about $50", 45.0, 55.0, false),
            ("1,472", 1472.0, 1472.0, false),
        ];
        for (claimed, low, high, high_open) in cases {
            let c = fig(claimed).claim;
            assert_eq!(
                (c.low, c.high, c.low_open, c.high_open),
                (Some(low), Some(high), false, high_open),
                "{claimed:?}"
            );
        }
        // A ratio that is not whole is exact as stated.
        let third = fig("one in three").claim;
        assert_eq!(third.low, third.high);
    }

    #[test]
    fn restatement_fits_when_either_part_does() {
        let source = crate::quantity::find("$50bn (£38.5bn)").remove(0);
        assert!(source.restated.is_some());
        assert_eq!(fit(&fig("£38.5bn"), None, &source), Fit::Inside);
        assert_eq!(fit(&fig("$50bn"), None, &source), Fit::Inside);
        assert_eq!(fit(&fig("£40bn"), None, &source), Fit::Outside);
    }
}
