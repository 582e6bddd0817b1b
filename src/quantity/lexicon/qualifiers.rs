//! Qualifier phrases, one table in reading order ("upwards of", "or more"):
//! the scanner matches them against the words before or after a figure.
//! The words that may end a phrase before a figure (where the scanner starts
//! to look back) are derived from the table, never listed beside it.

use std::sync::LazyLock;

use super::{Shapes, WordIndex};

use crate::quantity::Qualifier::{
    self, About, AtLeast, AtMost, JustOver, LessThan, MoreThan, Nearly, Range,
};

/// Where a phrase stands: before the figure ("at least 5") or after it ("5 or more").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Before,
    After,
}

/// Every qualifier phrase, lowercase, words in reading order. `Range`
/// marks "between", which only qualifies when "and" and a second number follow.
pub(crate) static QUALIFIERS: &[(&str, Qualifier, Side)] = &[
    ("about", About, Side::Before),
    ("around", About, Side::Before),
    ("roughly", About, Side::Before),
    ("approximately", About, Side::Before),
    ("approx", About, Side::Before),
    ("circa", About, Side::Before),
    ("some", About, Side::Before),
    ("estimated", About, Side::Before),
    ("an estimated", About, Side::Before),
    ("estimated at", About, Side::Before),
    ("in the region of", About, Side::Before),
    ("on the order of", About, Side::Before),
    ("of the order of", About, Side::Before),
    ("more or less", About, Side::Before),
    ("at least", AtLeast, Side::Before),
    ("no fewer than", AtLeast, Side::Before),
    ("no less than", AtLeast, Side::Before),
    ("not fewer than", AtLeast, Side::Before),
    ("not less than", AtLeast, Side::Before),
    ("a minimum of", AtLeast, Side::Before),
    ("more than", MoreThan, Side::Before),
    ("greater than", MoreThan, Side::Before),
    ("higher than", MoreThan, Side::Before),
    ("over", MoreThan, Side::Before),
    ("above", MoreThan, Side::Before),
    ("exceeding", MoreThan, Side::Before),
    ("surpassing", MoreThan, Side::Before),
    ("upwards of", MoreThan, Side::Before),
    ("upward of", MoreThan, Side::Before),
    ("in excess of", MoreThan, Side::Before),
    ("north of", MoreThan, Side::Before),
    ("just over", JustOver, Side::Before),
    ("just above", JustOver, Side::Before),
    ("slightly over", JustOver, Side::Before),
    ("slightly above", JustOver, Side::Before),
    ("just more than", JustOver, Side::Before),
    ("slightly more than", JustOver, Side::Before),
    ("a little over", JustOver, Side::Before),
    ("a little above", JustOver, Side::Before),
    ("a little more than", JustOver, Side::Before),
    ("at most", AtMost, Side::Before),
    ("up to", AtMost, Side::Before),
    ("as many as", AtMost, Side::Before),
    ("as much as", AtMost, Side::Before),
    ("no more than", AtMost, Side::Before),
    ("not more than", AtMost, Side::Before),
    ("a maximum of", AtMost, Side::Before),
    ("fewer than", LessThan, Side::Before),
    ("less than", LessThan, Side::Before),
    ("lower than", LessThan, Side::Before),
    ("under", LessThan, Side::Before),
    ("below", LessThan, Side::Before),
    ("nearly", Nearly, Side::Before),
    ("almost", Nearly, Side::Before),
    ("close to", Nearly, Side::Before),
    ("just under", Nearly, Side::Before),
    ("just below", Nearly, Side::Before),
    ("slightly under", Nearly, Side::Before),
    ("slightly below", Nearly, Side::Before),
    ("just less than", Nearly, Side::Before),
    ("just fewer than", Nearly, Side::Before),
    ("slightly less than", Nearly, Side::Before),
    ("slightly fewer than", Nearly, Side::Before),
    ("a little under", Nearly, Side::Before),
    ("a little below", Nearly, Side::Before),
    ("just shy of", Nearly, Side::Before),
    ("between", Range, Side::Before),
    ("or more", AtLeast, Side::After),
    ("or above", AtLeast, Side::After),
    ("or over", AtLeast, Side::After),
    ("or so", About, Side::After),
    ("or thereabouts", About, Side::After),
    ("or fewer", AtMost, Side::After),
    ("or less", AtMost, Side::After),
    ("or under", AtMost, Side::After),
];

/// The longest phrase the table holds, in words.
pub(crate) const MAX_WORDS: usize = 4;

struct Phrases {
    /// Phrases before a figure, words nearest the figure first.
    before: Vec<(Vec<&'static [u8]>, Qualifier)>,
    /// The word nearest the figure (the last word of a phrase before it)
    /// to the phrases of `before` it ends, in table order.
    by_last: Vec<Vec<usize>>,
    /// Index of `by_last` by that word.
    last_words: WordIndex,
    /// The shapes of the last words: most words before a figure end no phrase.
    last_shapes: Shapes,
    /// Phrases after a figure, in reading order.
    after: Vec<(Vec<&'static [u8]>, Qualifier)>,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut last_shapes = Shapes::new();
    for &(phrase, q, side) in QUALIFIERS {
        let words: Vec<&[u8]> = phrase.split(' ').map(str::as_bytes).collect();
        match side {
            Side::Before => {
                if let Some(&last) = words.last() {
                    last_shapes.add(last);
                }
                before.push((words.into_iter().rev().collect::<Vec<_>>(), q));
            }
            Side::After => after.push((words, q)),
        }
    }
    let mut lasts: Vec<&'static [u8]> = Vec::new();
    let mut by_last: Vec<Vec<usize>> = Vec::new();
    for (k, (words, _)) in before.iter().enumerate() {
        let last = words[0];
        if let Some(b) = lasts.iter().position(|w| *w == last) {
            by_last[b].push(k);
        } else {
            lasts.push(last);
            by_last.push(vec![k]);
        }
    }
    let last_words = WordIndex::new(lasts.iter().zip(0..).map(|(w, b)| (*w, b)));
    Phrases {
        before,
        by_last,
        last_words,
        last_shapes,
        after,
    }
});

/// Whether a lowercase word can end a qualifier phrase before a figure:
/// only then does the scanner look further back.
pub(crate) fn ends_phrase(w: &[u8]) -> bool {
    let p = &*PHRASES;
    p.last_shapes.may_hold(w) && p.last_words.contains(w)
}

/// The qualifier a phrase before a figure states, its lowercase words given
/// nearest the figure first (`w[0]` is right before it), all of them.
pub(crate) fn before(w: &[&[u8]]) -> Option<Qualifier> {
    let p = &*PHRASES;
    let bucket = p.last_words.get(w.first()?)?;
    p.by_last
        .get(bucket as usize)?
        .iter()
        .map(|&k| &p.before[k])
        .find(|(words, _)| words.len() == w.len() && words.iter().zip(w).all(|(a, b)| same(a, b)))
        .map(|(_, q)| *q)
}

/// Two words are the same: length and first byte decide most pairs
/// without a call to `memcmp`.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.first() == b.first() && a == b
}

/// The qualifier a phrase after a figure states, lowercase words in reading order.
pub(crate) fn after(w: &[&[u8]]) -> Option<Qualifier> {
    PHRASES
        .after
        .iter()
        .find(|(p, _)| p.as_slice() == w)
        .map(|(_, q)| *q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_lowercase_words_within_the_lookback() {
        for (phrase, _, _) in QUALIFIERS {
            let n = phrase.split(' ').count();
            assert!(n <= MAX_WORDS, "{phrase}");
            assert_eq!(*phrase, phrase.to_lowercase());
            assert!(!phrase.contains("  ") && phrase.trim() == *phrase);
        }
    }

    #[test]
    fn the_guard_is_every_last_word() {
        assert!(ends_phrase(b"of"));
        assert!(ends_phrase(b"than"));
        assert!(!ends_phrase(b"upwards"));
        // Through the shape pre-test, every phrase before a figure is seen.
        for (phrase, _, side) in QUALIFIERS {
            let last = phrase.rsplit(' ').next().unwrap_or(phrase);
            if *side == Side::Before {
                assert!(ends_phrase(last.as_bytes()), "{phrase}");
            }
        }
        assert_eq!(before(&[b"of", b"upwards"]), Some(MoreThan));
        assert_eq!(after(&[b"or", b"more"]), Some(AtLeast));
    }
}
