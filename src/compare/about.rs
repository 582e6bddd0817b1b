//! `about` terms: which passages of a source a claim is about.
//!
//! An entry holds `|` alternatives; an alternative is one or more words that
//! must stand in a row within one sentence; a trailing `*` lets its last word
//! have any ending. A passage (one to three consecutive sentences) is about
//! the claim when it holds every entry.

use std::ops::Range;

use super::index::SourceIndex;
use crate::text::words;

/// One alternative of an entry: folded words, the last maybe a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Alternative {
    words: Vec<String>,
    prefix: bool,
}

/// One `about` entry, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    alternatives: Vec<Alternative>,
}

impl Term {
    /// Parses an entry such as `kill*|dead|secretary general`.
    pub(crate) fn parse(entry: &str) -> Term {
        let alternatives = entry
            .split('|')
            .filter_map(|alt| {
                let alt = alt.trim();
                let (body, prefix) = match alt.strip_suffix('*') {
                    Some(body) => (body, true),
                    None => (alt, false),
                };
                let words: Vec<String> = words(body).into_iter().map(|w| w.folded).collect();
                (!words.is_empty()).then_some(Alternative { words, prefix })
            })
            .collect();
        Term { alternatives }
    }

    /// Every occurrence in the source as a global word range, ascending.
    pub(crate) fn occurrences(&self, idx: &SourceIndex) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for alt in &self.alternatives {
            let n = alt.words.len();
            // Each word as the vocabulary entries it may be: one, or a range
            // for a prefix. A word the source lacks: no occurrence.
            let Some(wanted): Option<Vec<Range<u32>>> = alt
                .words
                .iter()
                .enumerate()
                .map(|(k, w)| {
                    if alt.prefix && k == n - 1 {
                        let r = idx.terms_with_prefix(w);
                        (!r.is_empty()).then_some(r)
                    } else {
                        idx.term(w).map(|t| t..t + 1)
                    }
                })
                .collect()
            else {
                continue;
            };
            for term in wanted[0].clone() {
                for &pos in &idx.postings[term as usize] {
                    let pos = pos as usize;
                    let sentence = idx.tokens[pos].sentence;
                    let whole = wanted.iter().enumerate().skip(1).all(|(k, r)| {
                        idx.tokens
                            .get(pos + k)
                            .is_some_and(|t| t.sentence == sentence && r.contains(&t.term))
                    });
                    if whole {
                        out.push(pos..pos + n);
                    }
                }
            }
        }
        // Several alternatives, or a prefix of several entries, give several
        // ascending runs: merge them.
        out.sort_unstable_by_key(|r| (r.start, r.end));
        out.dedup();
        out
    }
}

/// The claim's `about` entries, located in one source.
pub(crate) struct Located {
    /// Per entry, its occurrences (global word ranges), ascending.
    pub occurrences: Vec<Vec<Range<usize>>>,
    /// Per entry, the sentences holding it, ascending, unique.
    sentences: Vec<Vec<usize>>,
}

impl Located {
    pub(crate) fn new(terms: &[Term], idx: &SourceIndex) -> Located {
        let occurrences: Vec<Vec<Range<usize>>> =
            terms.iter().map(|t| t.occurrences(idx)).collect();
        let sentences = occurrences
            .iter()
            .map(|occ| {
                let mut s: Vec<usize> = occ
                    .iter()
                    .map(|r| idx.tokens[r.start].sentence as usize)
                    .collect();
                s.dedup();
                s
            })
            .collect();
        Located {
            occurrences,
            sentences,
        }
    }

    /// The passages of `size` sentences that hold every entry, as sentence
    /// ranges in document order. No entries: no passage (nothing ties a
    /// passage to the claim).
    pub(crate) fn passages(&self, size: usize, sentence_count: usize) -> Vec<Range<usize>> {
        let Some(rarest) = self.sentences.iter().min_by_key(|s| s.len()) else {
            return Vec::new();
        };
        if size == 0 || sentence_count < size {
            return Vec::new();
        }
        let mut out: Vec<Range<usize>> = Vec::new();
        for &s in rarest {
            let lo = s.saturating_sub(size - 1);
            let hi = s.min(sentence_count - size);
            for start in lo..=hi {
                let window = start..start + size;
                if out.last().is_some_and(|w| w.start >= start) {
                    continue;
                }
                let holds_all = self.sentences.iter().all(|list| {
                    let i = list.partition_point(|&x| x < window.start);
                    list.get(i).is_some_and(|&x| x < window.end)
                });
                if holds_all {
                    out.push(window);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(sentences: &[&str]) -> SourceIndex {
        SourceIndex::new(sentences.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn entries_match_words_alternatives_prefixes_and_phrases() {
        // (entry, sentences, sentences that hold it)
        let cases: &[(&str, &[&str], &[usize])] = &[
            (
                "kill*",
                &["Two were killed.", "Skills matter.", "Killing."],
                &[0, 2],
            ),
            (
                "kill*|dead|died",
                &["One died.", "The dead.", "Deadline."],
                &[0, 1],
            ),
            (
                "Guterres",
                &["Guterres's trip.", "GUTERRES spoke."],
                &[0, 1],
            ),
            ("Zaporizhzhia", &["In Zaporìzhzhia today."], &[0]),
            (
                "secretary general|UN chief",
                &["The UN chief said.", "Secretary-General Guterres."],
                &[0, 1],
            ),
            // A phrase must stand in a row within one sentence.
            ("UN chief", &["The UN.", "Chief of staff."], &[]),
            ("UN chief", &["UN officials and their chief."], &[]),
            ("United States|U.S.", &["The U.S. said.", "us"], &[0]),
            ("secretary gen*", &["Secretary Generals met."], &[0]),
            ("US", &["Tell us."], &[0]),
            ("*", &["Anything."], &[]),
            ("", &["Anything."], &[]),
        ];
        for (entry, sentences, want) in cases {
            let idx = index(sentences);
            let located = Located::new(&[Term::parse(entry)], &idx);
            let got: Vec<usize> = located
                .passages(1, idx.len())
                .iter()
                .map(|r| r.start)
                .collect();
            assert_eq!(got, *want, "{entry:?} in {sentences:?}");
        }
    }

    #[test]
    fn a_passage_holds_every_entry_within_its_window() {
        let idx = index(&[
            "Zaporizhzhia was struck overnight.",
            "Officials said two were killed.",
            "Unrelated.",
            "Nothing here.",
            "Killed again.",
        ]);
        let terms = [Term::parse("Zaporizhzhia"), Term::parse("kill*")];
        let located = Located::new(&terms, &idx);
        assert_eq!(located.passages(1, idx.len()), Vec::<Range<usize>>::new());
        assert_eq!(located.passages(2, idx.len()), vec![0..2]);
        assert_eq!(located.passages(3, idx.len()), vec![0..3]);
        assert!(Located::new(&[], &idx).passages(1, idx.len()).is_empty());
    }
}
