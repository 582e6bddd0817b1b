//! The evidence rule (spec: "What a figure states as evidence"): how a
//! source's figure stands to a claim's figure. This is the only
//! implementation; `compare` picks the figure and calls [`fit`].
//!
//! Both figures are brought to one unit first ([`super::unit`]: durations
//! to the smaller of the two), the claim widened by its tolerance, then the
//! evidence interval is fitted into the claim's ([`Interval::fit`]).
//!
//! Where the spec is silent, decided so:
//! - A count's interval stands for its whole numbers, also after a
//!   duration was converted ("over two years" is 25 months and up); an
//!   interval that holds no whole number ("2.5" as a claim) keeps its real
//!   ends, so it is never turned inside out.
//! - "A plain number with decimals against a claim in whole units reads as
//!   rounded": plain means a count with no unit (an index level, a score).
//!   A duration with decimals ("2.5 days") is not rounded: it states half a
//!   day. The claim is "in whole units" when its stated number is whole.

#![allow(clippy::float_cmp)] // ends are compared as stated; noise is removed by `tidy`

use super::unit::Unit;
use super::{Figure, Fit, Interval, Kind, Qualifier, tidy, whole_numbers};

/// How `tolerance` widens a figure claim's interval (spec: "`tolerance`").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    /// "5%": each bound by this fraction of itself (0.05).
    Relative(f64),
    /// "100": each bound by this many of the figure's unit.
    Absolute(f64),
}

/// What a figure claim covers with its tolerance, in its own unit; a
/// count's ends whole numbers and closed. Reports show it as `stated`.
#[must_use]
pub fn stated(claim: &Figure, tolerance: Option<Tolerance>) -> Interval {
    claim_interval(claim, tolerance, 1.0)
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
    let (claim_factor, found_factor) = match claim.kind {
        // Money in another currency never supports.
        Kind::Money if claim.unit != found.unit => return Fit::Outside,
        Kind::Count => match (unit(claim), unit(found)) {
            (Some(Unit::Duration(a)), Some(Unit::Duration(b))) => match a.common(b) {
                Some(factors) => factors,
                None => return Fit::Outside,
            },
            (None, None) if claim.unit == found.unit => (1.0, 1.0),
            _ => return Fit::Outside,
        },
        _ => (1.0, 1.0),
    };
    let claimed = claim_interval(claim, tolerance, claim_factor);
    evidence_interval(found, found_factor, claim).fit(&claimed)
}

/// The claim's interval with its tolerance, in a unit `factor` times
/// smaller than its own; a count's whole numbers.
fn claim_interval(claim: &Figure, tolerance: Option<Tolerance>, factor: f64) -> Interval {
    let mut iv = if factor == 1.0 {
        claim.claim
    } else {
        unrounded_claim(claim).scaled(factor)
    };
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
    if claim.kind == Kind::Count {
        whole_numbers(iv)
    } else {
        iv
    }
}

/// A count claimed with "more than" or "fewer than" is closed on whole
/// numbers (31 for "over 30"); a duration converted to a smaller unit is
/// read from the stated number instead ("over two years" is more than 24
/// months, not at least 36).
fn unrounded_claim(f: &Figure) -> Interval {
    let mut iv = f.claim;
    if let (Kind::Count, Some(v)) = (f.kind, f.value) {
        match f.qualifier {
            Qualifier::MoreThan | Qualifier::JustOver
                if iv.low == Some(v + 1.0) && !iv.low_open =>
            {
                iv.low = Some(v);
                iv.low_open = true;
            }
            Qualifier::LessThan | Qualifier::Nearly
                if iv.high == Some(v - 1.0) && !iv.high_open =>
            {
                iv.high = Some(v);
                iv.high_open = true;
            }
            _ => {}
        }
    }
    iv
}

/// What the source's figure firmly states, in a unit `factor` times smaller
/// than its own, read against `claim`.
fn evidence_interval(found: &Figure, factor: f64, claim: &Figure) -> Interval {
    let iv = if factor == 1.0 {
        found.evidence
    } else {
        unrounded_evidence(found).scaled(factor)
    };
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

/// "Over 30" as evidence is 31 for a count; converted to a smaller unit it
/// is just above the stated number ("over two years" is just above 24
/// months).
fn unrounded_evidence(f: &Figure) -> Interval {
    let iv = f.evidence;
    if let (Kind::Count, Some(v)) = (f.kind, f.value) {
        let point = iv
            .low
            .filter(|&l| iv.high == Some(l) && !iv.low_open && !iv.high_open);
        match f.qualifier {
            Qualifier::MoreThan | Qualifier::JustOver if point == Some(v + 1.0) => {
                return Interval::just_above(v);
            }
            Qualifier::LessThan | Qualifier::Nearly if point == Some(v - 1.0) => {
                return Interval::just_below(v);
            }
            _ => {}
        }
    }
    iv
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
