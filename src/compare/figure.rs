//! Figure claims: which figure of a passage is the claim's, and whether it
//! supports the claim (spec: "What a figure states as evidence", "Comparing,
//! source by source").
//!
//! Which candidate is the claim's is the binding rule's call (`bind`); this
//! module relates the bound figure to the claim's interval, and holds the
//! clause boundaries and distances the rule measures with.

// Interval ends are compared exactly on purpose: a bound either is the
// stated number or it is not; float noise is removed where it arises (`snap`).
#![allow(clippy::float_cmp)]

use std::ops::Range;

use crate::claims::Tolerance;
use crate::quantity::{Figure, Interval, Kind, Qualifier};

use super::bind::{self, ClaimSide, Passage, Step, Terms};
use super::index::{SentenceFigure, SourceIndex};
use super::{Relation, SourceVerdict};
use crate::text::words;

/// An interval of reals with infinite ends for unbounded ones.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Iv {
    lo: f64,
    hi: f64,
    lo_open: bool,
    hi_open: bool,
}

impl Iv {
    fn from_interval(i: &Interval) -> Iv {
        Iv {
            lo: i.low.unwrap_or(f64::NEG_INFINITY),
            hi: i.high.unwrap_or(f64::INFINITY),
            lo_open: i.low.is_some() && i.low_open,
            hi_open: i.high.is_some() && i.high_open,
        }
    }

    fn scale(self, factor: f64) -> Iv {
        Iv {
            lo: self.lo * factor,
            hi: self.hi * factor,
            ..self
        }
    }

    fn is_point(self) -> bool {
        self.lo == self.hi
    }

    /// Whether `x` lies in the interval.
    fn holds(self, x: f64) -> bool {
        let above = if self.lo_open {
            x > self.lo
        } else {
            x >= self.lo
        };
        let below = if self.hi_open {
            x < self.hi
        } else {
            x <= self.hi
        };
        above && below
    }

    /// A count stands for the whole numbers in its interval.
    fn whole(self) -> Iv {
        let lo = if self.lo.is_finite() {
            let lo = snap(self.lo);
            if self.lo_open && lo.fract() == 0.0 {
                lo + 1.0
            } else {
                lo.ceil()
            }
        } else {
            self.lo
        };
        let hi = if self.hi.is_finite() {
            let hi = snap(self.hi);
            if self.hi_open && hi.fract() == 0.0 {
                hi - 1.0
            } else {
                hi.floor()
            }
        } else {
            self.hi
        };
        Iv {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }
}

/// Rounds away float noise (`0.95 * 100` is 95.00000000000001) before a
/// whole-number bound is taken.
fn snap(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() <= 1e-9 * x.abs().max(1.0) {
        r
    } else {
        x
    }
}

/// Duration units: their family (years and months; weeks down to minutes)
/// and their size in the family's smallest unit.
fn duration(unit: Option<&str>) -> Option<(u8, f64)> {
    match unit? {
        "years" => Some((0, 12.0)),
        "months" => Some((0, 1.0)),
        "weeks" => Some((1, 7.0 * 24.0 * 60.0)),
        "days" => Some((1, 24.0 * 60.0)),
        "hours" => Some((1, 60.0)),
        "minutes" => Some((1, 1.0)),
        _ => None,
    }
}

/// Whether a source's figure can be the claim's figure at all: same kind; a
/// duration only for a duration claim of a unit it converts to.
pub(crate) fn is_candidate(claim: &Figure, found: &Figure) -> bool {
    if claim.kind != found.kind {
        return false;
    }
    match claim.kind {
        Kind::Money | Kind::Percent => true,
        Kind::Count => {
            let (a, b) = (claim.unit.as_deref(), found.unit.as_deref());
            match (duration(a), duration(b)) {
                (Some((fa, _)), Some((fb, _))) => fa == fb,
                (None, None) => a == b,
                _ => false,
            }
        }
    }
}

/// A count stated with "more than" or "fewer than" is read as a whole
/// number (31 for "over 30"); a duration converted to a smaller unit must be
/// read from the stated number instead ("over two years" is more than 24
/// months, not at least 36).
fn unrounded_claim(f: &Figure) -> Iv {
    let mut iv = Iv::from_interval(&f.claim);
    if let (Kind::Count, Some(v)) = (f.kind, f.value) {
        match f.qualifier {
            Qualifier::MoreThan | Qualifier::JustOver if iv.lo == v + 1.0 && !iv.lo_open => {
                iv.lo = v;
                iv.lo_open = true;
            }
            Qualifier::LessThan | Qualifier::Nearly if iv.hi == v - 1.0 && !iv.hi_open => {
                iv.hi = v;
                iv.hi_open = true;
            }
            _ => {}
        }
    }
    iv
}

/// As [`unrounded_claim`], for the figure read as evidence: "over 30" is 31
/// for a count, else just above the stated number.
fn unrounded_evidence(f: &Figure) -> Iv {
    let mut iv = Iv::from_interval(&f.evidence);
    if let (Kind::Count, Some(v)) = (f.kind, f.value) {
        match f.qualifier {
            Qualifier::MoreThan | Qualifier::JustOver if iv.is_point() && iv.lo == v + 1.0 => {
                iv = Iv {
                    lo: v,
                    hi: v,
                    lo_open: true,
                    hi_open: false,
                };
            }
            Qualifier::LessThan | Qualifier::Nearly if iv.is_point() && iv.lo == v - 1.0 => {
                iv = Iv {
                    lo: v,
                    hi: v,
                    lo_open: false,
                    hi_open: true,
                };
            }
            _ => {}
        }
    }
    iv
}

/// The claim's interval with its tolerance, in units of `factor` times
/// smaller than its own (durations), whole numbers for a count.
fn claim_interval(claim: &Figure, tolerance: Option<Tolerance>, factor: f64) -> Iv {
    let mut iv = if factor == 1.0 {
        Iv::from_interval(&claim.claim)
    } else {
        unrounded_claim(claim).scale(factor)
    };
    match tolerance {
        Some(Tolerance::Relative(r)) => {
            iv.lo -= iv.lo.abs() * r;
            iv.hi += iv.hi.abs() * r;
        }
        Some(Tolerance::Absolute(a)) => {
            iv.lo -= a * factor;
            iv.hi += a * factor;
        }
        None => {}
    }
    if claim.kind == Kind::Count {
        iv = iv.whole();
    }
    iv
}

/// What a figure claim covers, tolerance included, whole numbers for a count.
pub(crate) fn stated(claim: &Figure, tolerance: Option<Tolerance>) -> Interval {
    let iv = claim_interval(claim, tolerance, 1.0);
    let low = iv.lo.is_finite().then_some(iv.lo);
    let high = iv.hi.is_finite().then_some(iv.hi);
    Interval {
        low,
        high,
        low_open: low.is_some() && iv.lo_open,
        high_open: high.is_some() && iv.hi_open,
    }
}

/// What the source's figure firmly states, in the same units.
fn evidence_interval(found: &Figure, factor: f64) -> Iv {
    let iv = if factor == 1.0 {
        Iv::from_interval(&found.evidence)
    } else {
        unrounded_evidence(found).scale(factor)
    };
    if found.kind != Kind::Count {
        return iv;
    }
    // "Just above n" for a count is n + 1; "just below n" is n - 1.
    if iv.is_point() && iv.lo_open {
        let n = snap(iv.lo) + 1.0;
        return Iv {
            lo: n,
            hi: n,
            lo_open: false,
            hi_open: false,
        };
    }
    if iv.is_point() && iv.hi_open {
        let n = snap(iv.hi) - 1.0;
        return Iv {
            lo: n,
            hi: n,
            lo_open: false,
            hi_open: false,
        };
    }
    iv.whole()
}

/// How evidence `e` stands to claim interval `c`.
fn relate(c: Iv, e: Iv) -> Relation {
    let inside = |ok: bool| {
        if ok {
            Relation::Within
        } else {
            Relation::Contradicts
        }
    };
    if e.is_point() && e.lo_open {
        // Just above n: the claim holds every value from n (excluded) to
        // some value beyond it.
        return inside(c.lo <= e.lo && e.lo < c.hi);
    }
    if e.is_point() && e.hi_open {
        return inside(c.lo < e.hi && e.hi <= c.hi);
    }
    if e.is_point() {
        return inside(c.holds(e.lo));
    }
    let low_in = e.lo > c.lo || (e.lo == c.lo && (e.lo_open || !c.lo_open));
    let high_in = e.hi < c.hi || (e.hi == c.hi && (e.hi_open || !c.hi_open));
    if low_in && high_in {
        return Relation::Within;
    }
    // Overlapping at all?
    let lo_max = if e.lo > c.lo {
        (e.lo, e.lo_open)
    } else {
        (c.lo, c.lo_open || (e.lo == c.lo && e.lo_open))
    };
    let hi_min = if e.hi < c.hi {
        (e.hi, e.hi_open)
    } else {
        (c.hi, c.hi_open || (e.hi == c.hi && e.hi_open))
    };
    let overlap = lo_max.0 < hi_min.0 || (lo_max.0 == hi_min.0 && !lo_max.1 && !hi_min.1);
    if overlap {
        Relation::Wider
    } else {
        Relation::Contradicts
    }
}

/// How one figure (not its restatement) stands to the claim.
fn relate_one(claim: &Figure, tolerance: Option<Tolerance>, found: &Figure) -> Relation {
    if claim.kind != found.kind {
        return Relation::Contradicts;
    }
    let (claim_factor, found_factor) = match claim.kind {
        // Money in another currency never supports.
        Kind::Money if claim.unit != found.unit => return Relation::Contradicts,
        Kind::Count => match (
            duration(claim.unit.as_deref()),
            duration(found.unit.as_deref()),
        ) {
            (Some((fa, a)), Some((fb, b))) if fa == fb => {
                // Both in the smaller of the two units.
                let smaller = a.min(b);
                (a / smaller, b / smaller)
            }
            (None, None) => (1.0, 1.0),
            _ => return Relation::Contradicts,
        },
        _ => (1.0, 1.0),
    };
    relate(
        claim_interval(claim, tolerance, claim_factor),
        evidence_interval(found, found_factor),
    )
}

/// How a source's figure stands to the claim. A figure restated in another
/// currency ("$50bn (£38.5bn)") supports when either part does.
pub(crate) fn relation(claim: &Figure, tolerance: Option<Tolerance>, found: &Figure) -> Relation {
    let first = relate_one(claim, tolerance, found);
    match (&found.restated, first) {
        (_, Relation::Within) | (None, _) => first,
        (Some(other), _) => {
            let second = relate_one(claim, tolerance, other);
            let same_currency = claim.unit == found.unit;
            if second == Relation::Within || !same_currency && claim.unit == other.unit {
                second
            } else {
                first
            }
        }
    }
}

/// Whether the text in `range` (byte offsets) between a figure and an
/// `about` word holds a clause boundary: one of the sentence's `marks`.
pub(crate) fn marks_within(marks: &[u32], range: Range<usize>) -> bool {
    let i = marks.partition_point(|&m| (m as usize) < range.start);
    marks.get(i).is_some_and(|&m| (m as usize) < range.end)
}

/// Where a sentence has clause boundaries: the byte offsets of its commas
/// (not inside a number), semicolons, colons, dashes, spaced hyphens and
/// brackets, and of the words and, or, but, while, whereas, and of the
/// prepositions that open another noun's phrase (on, against, compared with,
/// versus, from).
/// Found once per sentence, so a long sentence is not rescanned for every
/// candidate.
pub(crate) fn boundary_marks(sentence: &str) -> Vec<u32> {
    let mut marks = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = sentence.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let boundary = match c {
            // A comma inside a number ("1,500") is part of it.
            ',' => {
                !(prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit()))
            }
            ';' | ':' | '–' | '—' | '(' | ')' | '[' | ']' | '{' | '}' => true,
            '-' => prev.is_some_and(char::is_whitespace) && next.is_some_and(char::is_whitespace),
            _ => false,
        };
        if boundary {
            marks.push(i as u32);
        }
        prev = Some(c);
    }
    marks.extend(
        words(sentence)
            .iter()
            .filter(|w| {
                matches!(
                    w.folded.as_str(),
                    "and"
                        | "or"
                        | "but"
                        | "while"
                        | "whereas"
                        | "on"
                        | "against"
                        | "compared"
                        | "versus"
                        | "vs"
                        | "from"
                )
            })
            .map(|w| w.start as u32),
    );
    marks.sort_unstable();
    marks
}

/// How far a candidate stands from an occurrence; smaller is better:
/// (category, words between, after the occurrence). Category 0: no clause
/// boundary between them; 1: a boundary but the same sentence; 2: other
/// sentences.
pub(crate) type Distance = (u8, usize, bool);

pub(crate) fn distance(
    idx: &SourceIndex,
    sentence: usize,
    f: &SentenceFigure,
    occ: &Range<usize>,
) -> Distance {
    let occ_sentence = idx.tokens[occ.start].sentence as usize;
    let (between, span, after) = if f.last <= occ.start {
        let end = idx.tokens[occ.start].start as usize;
        (occ.start - f.last, f.end..end.max(f.end), false)
    } else if f.first >= occ.end {
        let start = idx.tokens[occ.end - 1].end as usize;
        (f.first - occ.end, start.min(f.start)..f.start, true)
    } else {
        // The figure's words take in the term itself.
        return (0, 0, false);
    };
    let category = if occ_sentence == sentence {
        u8::from(marks_within(idx.marks(sentence), span))
    } else {
        2
    };
    (category, between, after)
}

/// The occurrences (sorted by start) that can be the nearest to figure
/// `f`: the first one after it, and those before or over it back to where
/// none can end later. `max_len`: the longest occurrence.
pub(crate) fn nearest<'a>(
    occurrences: &'a [Range<usize>],
    max_len: usize,
    f: &SentenceFigure,
) -> impl Iterator<Item = &'a Range<usize>> {
    let i = occurrences.partition_point(|r| r.start < f.last.max(f.first + 1));
    let mut back = i;
    let mut latest_end = 0;
    while back > 0 {
        let r = &occurrences[back - 1];
        if r.start + max_len <= latest_end {
            break;
        }
        latest_end = latest_end.max(r.end);
        back -= 1;
    }
    occurrences[back..i].iter().chain(occurrences.get(i))
}

/// The figure a passage gives for the claim, and how it stands to it.
pub(crate) struct Pick {
    /// Sentence and index in that sentence's figures.
    pub sentence: usize,
    pub figure: usize,
    pub relation: Relation,
    /// The binding step that decided, and the candidates set aside.
    pub step: Step,
    pub set_aside: Vec<(usize, usize, Step)>,
}

/// What a passage gives: no candidate, candidates none of which the text
/// binds to the claim, or the claim's figure.
pub(crate) enum Picked {
    NoCandidate,
    Nothing,
    Figure(Pick),
}

/// Binds the passage's figure to the claim (`bind`) and relates it.
pub(crate) fn pick(
    idx: &SourceIndex,
    window: &Range<usize>,
    terms: &Terms<'_>,
    claim: &Figure,
    tolerance: Option<Tolerance>,
    side: &ClaimSide,
) -> Picked {
    match bind::bind(idx, window, terms, claim, side) {
        Passage::NoCandidate => Picked::NoCandidate,
        Passage::Nothing => Picked::Nothing,
        Passage::Figure(b) => {
            let found = &idx.figures(b.sentence)[b.figure].figure;
            Picked::Figure(Pick {
                sentence: b.sentence,
                figure: b.figure,
                relation: relation(claim, tolerance, found),
                step: b.step,
                set_aside: b.set_aside,
            })
        }
    }
}

/// Whether the clause holding figure `f` (sentence `s`) also holds an
/// event word of its own ("injured", "dead", "damaged") that is not one of
/// the claim's term occurrences: then the figure counts that event.
pub(crate) fn tied_elsewhere(
    idx: &SourceIndex,
    s: usize,
    f: &SentenceFigure,
    occurrences: &[Range<usize>],
) -> bool {
    let marks = idx.marks(s);
    let clause_start = marks
        .iter()
        .rev()
        .find(|&&m| (m as usize) < f.start)
        .map_or(0, |&m| m as usize + 1);
    let clause_end = marks
        .iter()
        .find(|&&m| (m as usize) >= f.end)
        .map_or(usize::MAX, |&m| m as usize);
    (idx.sentence_start[s]..idx.sentence_start[s + 1]).any(|t| {
        let token = &idx.tokens[t];
        let inside = token.start as usize >= clause_start && (token.end as usize) <= clause_end;
        let own = (f.first..f.last).contains(&t) || occurrences.iter().any(|o| o.contains(&t));
        inside && !own && is_event_word(&idx.vocab[token.term as usize])
    })
}

/// Words that say what happened to what a figure counts: the casualty and
/// damage words news figures are tied to. A closed list, so an ordinary verb
/// ("buried", "said") never unties a figure.
pub(crate) fn is_event_word(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "kill",
        "dead",
        "death",
        "died",
        "die",
        "injur",
        "wound",
        "hurt",
        "missing",
        "casualt",
        "damag",
        "destroy",
        "burn",
        "arrest",
        "detain",
        "displac",
        "evacuat",
        "hospitali",
        "rescu",
        "captur",
        "abduct",
        "deport",
    ];
    STEMS.iter().any(|stem| word.starts_with(stem))
}

/// The verdict a passage's figure gives.
pub(crate) fn verdict(relation: Relation) -> SourceVerdict {
    if relation == Relation::Within {
        SourceVerdict::Match
    } else {
        SourceVerdict::Mismatch
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(lo: f64, hi: f64, lo_open: bool, hi_open: bool) -> Iv {
        Iv {
            lo,
            hi,
            lo_open,
            hi_open,
        }
    }

    const INF: f64 = f64::INFINITY;

    #[test]
    fn evidence_against_claim_intervals() {
        use Relation::{Contradicts, Wider, Within};
        // (claim, evidence, relation, why)
        let cases = [
            (
                iv(2.0, INF, false, false),
                iv(2.0, 2.0, false, false),
                Within,
                "2 vs at least two",
            ),
            (
                iv(100.0, 100.0, false, false),
                iv(2.0, 2.0, false, false),
                Contradicts,
                "2 vs 100",
            ),
            (
                iv(12e9, INF, true, false),
                iv(12e9, 12e9, true, false),
                Within,
                "more than vs more than",
            ),
            (
                iv(11.5e9, 12.5e9, false, true),
                iv(12e9, 12e9, true, false),
                Within,
                "more than £12bn vs £12bn",
            ),
            (
                iv(17.5e6, 18.5e6, false, true),
                iv(18e6, 18e6, false, true),
                Within,
                "nearly $18m vs $18m",
            ),
            (
                iv(18e6, INF, false, false),
                iv(18e6, 18e6, false, true),
                Contradicts,
                "nearly vs at least",
            ),
            (
                iv(31.0, INF, false, false),
                iv(30.0, 30.0, false, false),
                Contradicts,
                "about 30 vs over 30",
            ),
            (
                iv(24.0, 143.0, false, false),
                iv(51.0, 51.0, false, false),
                Within,
                "more than 50 vs dozens",
            ),
            (
                iv(50.0, 50.0, false, false),
                iv(24.0, 143.0, false, false),
                Wider,
                "dozens vs 50",
            ),
            (
                iv(0.0, 10_000.0, false, false),
                iv(0.0, 12_000.0, false, false),
                Wider,
                "up to 12,000 vs up to 10,000 as a range",
            ),
            (
                iv(1.0, 5.0, false, false),
                iv(2.0, 4.0, false, false),
                Within,
                "range inside",
            ),
            (
                iv(1.0, 5.0, false, false),
                iv(6.0, 9.0, false, false),
                Contradicts,
                "range outside",
            ),
            (
                iv(1.0, 5.0, false, true),
                iv(5.0, 9.0, false, false),
                Contradicts,
                "touching an open end",
            ),
        ];
        for (c, e, want, why) in cases {
            assert_eq!(relate(c, e), want, "{why}");
        }
    }

    #[test]
    fn counts_are_whole_numbers() {
        let cases = [
            (iv(30.0, INF, true, false), iv(31.0, INF, false, false)),
            (iv(0.0, 10.0, false, true), iv(0.0, 9.0, false, false)),
            (
                iv(1.45e6, 1.55e6, false, true),
                iv(1_450_000.0, 1_549_999.0, false, false),
            ),
            (iv(1.9, 2.1, false, false), iv(2.0, 2.0, false, false)),
            (
                iv(95.000_000_000_01, 105.0, false, false),
                iv(95.0, 105.0, false, false),
            ),
        ];
        for (before, after) in cases {
            assert_eq!(before.whole(), after);
        }
    }

    fn clause_boundary(sentence: &str, between: Range<usize>) -> bool {
        marks_within(&boundary_marks(sentence), between)
    }

    #[test]
    fn clause_boundaries() {
        // The text between two points of a sentence, marked by brackets ⟨⟩.
        let cases = [
            ("two people were killed", 3..15, false),
            ("killed two and injured 15", 10..23, true),
            ("kills 3, injures 16", 7..17, true),
            ("2 of 1,000 killed", 1..11, false),
            ("2, of 1,000 killed", 1..12, true),
            ("killed: two", 6..7, true),
            ("killed - two", 6..9, true),
            ("well-known two", 4..5, false),
            ("killed (two)", 6..8, true),
            ("killed, whereas two", 7..16, true),
            ("died — two", 4..9, true),
        ];
        for (text, range, want) in cases {
            assert_eq!(
                clause_boundary(text, range.clone()),
                want,
                "{text:?} {range:?}"
            );
        }
    }

    proptest::proptest! {
        /// The few occurrences `nearest` offers hold the closest of all.
        #[test]
        fn nearest_offers_the_closest_occurrence(
            starts in proptest::collection::vec((0usize..60, 1usize..4), 1..12),
            first in 0usize..64,
            width in 0usize..3,
        ) {
            let mut occurrences: Vec<Range<usize>> = starts.iter().map(|&(s, l)| s..s + l).collect();
            occurrences.sort_by_key(|r| (r.start, r.end));
            let max_len = occurrences.iter().map(ExactSizeIterator::len).max().unwrap_or(0);
            let mut figure = crate::quantity::find("2").remove(0);
            figure.restated = None;
            let f = SentenceFigure { figure, start: 0, end: 0, first, last: first + width };
            // Words between, and whether the figure comes after.
            let gap = |r: &Range<usize>| {
                if f.last <= r.start {
                    (r.start - f.last, false)
                } else if f.first >= r.end {
                    (f.first - r.end, true)
                } else {
                    (0, false)
                }
            };
            let all = occurrences.iter().map(gap).min();
            let offered = nearest(&occurrences, max_len, &f).map(gap).min();
            proptest::prop_assert_eq!(all, offered);
        }
    }

    #[test]
    fn durations_convert_to_the_smaller_unit() {
        assert_eq!(
            duration(Some("years")).map(|d| d.0),
            duration(Some("months")).map(|d| d.0)
        );
        assert_ne!(
            duration(Some("months")).map(|d| d.0),
            duration(Some("weeks")).map(|d| d.0)
        );
        assert_eq!(duration(None), None);
        assert_eq!(duration(Some("GBP")), None);
    }
}
