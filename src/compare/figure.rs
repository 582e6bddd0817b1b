//! Figure claims: which figure of a passage is the claim's, and whether it
//! supports the claim (spec: "What a figure states as evidence", "Comparing,
//! source by source").
//!
//! Which candidate is the claim's is the binding rule's call (`bind`); this
//! module relates the bound figure to the claim's interval, and holds the
//! clause boundaries and distances the rule measures with.

use std::ops::Range;

use crate::quantity::{Figure, Fit, Interval, Tolerance, evidence};

use super::bind::{self, ClaimSide, Passage, Step, Terms};
use super::index::{SentenceFigure, SourceIndex};
use super::{Relation, SourceVerdict};
use crate::text::words;

/// Whether a source's figure can be the claim's figure at all (the
/// quantity engine's rule: same kind, units that convert).
pub(crate) fn is_candidate(claim: &Figure, found: &Figure) -> bool {
    evidence::comparable(claim, found)
}

/// What a figure claim covers, tolerance included, whole numbers for a count.
pub(crate) fn stated(claim: &Figure, tolerance: Option<Tolerance>) -> Interval {
    evidence::stated(claim, tolerance)
}

/// How a source's figure stands to the claim: the quantity engine's
/// evidence rule ([`evidence::fit`]), the only one.
pub(crate) fn relation(claim: &Figure, tolerance: Option<Tolerance>, found: &Figure) -> Relation {
    match evidence::fit(claim, tolerance, found) {
        Fit::Inside => Relation::Within,
        Fit::Outside => Relation::Contradicts,
        Fit::Partly => Relation::Wider,
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
}
