//! Quote claims: the quote's words in a row in the source, or else the
//! source's closest run of words and the word diff to it (spec: "Comparing,
//! source by source", quote claims).
//!
//! Similarity is `similar`'s ratio, 2M/(A+B), with its default algorithm and
//! no time-out. Most runs cannot reach 0.75: a run needs enough of the
//! quote's words for that, so only runs around clusters of them are diffed.

use std::collections::HashMap;
use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices, diff_ratio};

use super::about::{Located, Term};
use super::index::SourceIndex;
use super::{DiffOp, Op};
use crate::text::Word;

/// The similarity at and above which a near quote is a `mismatch`.
const THRESHOLD: f32 = 0.75;

/// What a source says about a quote.
pub(crate) enum Found {
    /// The quote's words stand in a row in these sentences.
    Exact { sentences: Range<usize> },
    /// The closest run, in these sentences, with the diff to it.
    Near {
        sentences: Range<usize>,
        diff: Vec<DiffOp>,
    },
}

/// Compares the quote's words (with `text` they point into) with a source.
pub(crate) fn find(idx: &SourceIndex, text: &str, quote: &[Word], about: &[Term]) -> Option<Found> {
    if quote.is_empty() || idx.tokens.is_empty() {
        return None;
    }
    // Words the source lacks get ids no source word has.
    let ids: Vec<u64> = quote
        .iter()
        .enumerate()
        .map(|(i, w)| {
            idx.term(&w.folded)
                .map_or(u64::from(u32::MAX) + 1 + i as u64, u64::from)
        })
        .collect();
    if let Some(start) = exact(idx, &ids) {
        let end = start + quote.len();
        return Some(Found::Exact {
            sentences: sentences_of(idx, start..end),
        });
    }
    let limit = run_limits(idx, about)?;
    let run = closest(idx, &ids, &limit)?;
    let source: Vec<u64> = idx.tokens[run.clone()]
        .iter()
        .map(|t| u64::from(t.term))
        .collect();
    let ops = capture_diff_slices(Algorithm::default(), &ids, &source);
    let mut diff: Vec<DiffOp> = Vec::new();
    let mut push = |op: Op, words: Vec<&str>| {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        match diff.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => diff.push(DiffOp { op, text }),
        }
    };
    let quote_words =
        |r: Range<usize>| -> Vec<&str> { quote[r].iter().map(|w| &text[w.start..w.end]).collect() };
    let source_words = |r: Range<usize>| -> Vec<&str> {
        idx.tokens[run.start + r.start..run.start + r.end]
            .iter()
            .map(|t| &idx.sentences[t.sentence as usize][t.start as usize..t.end as usize])
            .collect()
    };
    for op in &ops {
        let (tag, old, new) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(Op::Equal, quote_words(old)),
            DiffTag::Delete => push(Op::Delete, quote_words(old)),
            DiffTag::Insert => push(Op::Insert, source_words(new)),
            DiffTag::Replace => {
                push(Op::Delete, quote_words(old));
                push(Op::Insert, source_words(new));
            }
        }
    }
    Some(Found::Near {
        sentences: sentences_of(idx, run),
        diff,
    })
}

/// The sentences a run of words stands in.
fn sentences_of(idx: &SourceIndex, words: Range<usize>) -> Range<usize> {
    let first = idx.tokens[words.start].sentence as usize;
    let last = idx.tokens[words.end - 1].sentence as usize;
    first..last + 1
}

/// The first position where the quote's words stand in a row.
fn exact(idx: &SourceIndex, ids: &[u64]) -> Option<usize> {
    // Anchor on the quote's rarest word.
    let (k, term) = ids
        .iter()
        .enumerate()
        .map(|(k, &id)| (k, u32::try_from(id).ok()))
        .min_by_key(|&(_, t)| t.map_or(0, |t| idx.postings[t as usize].len()))?;
    let term = term?;
    idx.postings[term as usize].iter().find_map(|&pos| {
        let start = (pos as usize).checked_sub(k)?;
        let run = idx.tokens.get(start..start + ids.len())?;
        run.iter()
            .zip(ids)
            .all(|(t, &id)| u64::from(t.term) == id)
            .then_some(start)
    })
}

/// For each word position, where a run starting there must end at the
/// latest: the end of the widest passage about the claim that holds it, or
/// the end of the text when the claim has no `about`. `None`: no passage.
fn run_limits(idx: &SourceIndex, about: &[Term]) -> Option<Vec<usize>> {
    let total = idx.tokens.len();
    if about.is_empty() {
        return Some(vec![total; idx.len()]);
    }
    let located = Located::new(about, idx);
    let mut reach = vec![0usize; idx.len()];
    let mut any = false;
    for size in 1..=3 {
        for window in located.passages(size, idx.len()) {
            any = true;
            let end = idx.sentence_start[window.end];
            for s in window {
                reach[s] = reach[s].max(end);
            }
        }
    }
    any.then_some(reach)
}

/// The run with the highest similarity to the quote, at least 0.75, among
/// runs within two words of its length that fit inside `limit`.
fn closest(idx: &SourceIndex, ids: &[u64], limit: &[usize]) -> Option<Range<usize>> {
    let a = ids.len();
    let n = idx.tokens.len();
    // Positions of the source's words that the quote has, ascending.
    let mut slots: HashMap<u64, usize> = HashMap::new();
    let mut need: Vec<usize> = Vec::new();
    for &id in ids {
        let next = need.len();
        let slot = *slots.entry(id).or_insert(next);
        if slot == next {
            need.push(0);
        }
        need[slot] += 1;
    }
    let mut hit_slots: Vec<(usize, usize)> = slots
        .iter()
        .filter_map(|(&id, &slot)| Some((u32::try_from(id).ok()?, slot)))
        .flat_map(|(t, slot)| {
            idx.postings[t as usize]
                .iter()
                .map(move |&p| (p as usize, slot))
        })
        .collect();
    hit_slots.sort_unstable();
    let hits: Vec<usize> = hit_slots.iter().map(|&(p, _)| p).collect();
    let mut best: Option<(f32, usize, usize)> = None;
    let mut have = vec![0usize; need.len()];
    for len in a.saturating_sub(2).max(1)..=a + 2 {
        if len > n {
            break;
        }
        // The fewest of the quote's words a run of this length needs to
        // reach the threshold (M is at most the words in common).
        let Some(min_hits) = (1..=a.min(len)).find(|&k| ratio(k, a, len) >= THRESHOLD) else {
            continue;
        };
        // The hits inside the run, hit_slots[lo..hi], and the words in
        // common they make (counted with multiplicity), kept as the run
        // slides: starts and ends only grow, so each hit enters and leaves
        // once per length.
        have.fill(0);
        let (mut lo, mut hi, mut common) = (0usize, 0usize, 0usize);
        'hits: for j in 0..hits.len() {
            let Some(&kth) = hits.get(j + min_hits - 1) else {
                break;
            };
            if kth - hits[j] >= len {
                continue;
            }
            // Runs whose first hit is hits[j] and that hold hits[j..=kth].
            let lowest = (kth + 1).saturating_sub(len);
            let after_prev = if j == 0 { 0 } else { hits[j - 1] + 1 };
            for start in lowest.max(after_prev)..=hits[j] {
                let end = start + len;
                if end > n {
                    break 'hits;
                }
                while lo < j {
                    if lo < hi {
                        let slot = hit_slots[lo].1;
                        have[slot] -= 1;
                        if have[slot] < need[slot] {
                            common -= 1;
                        }
                    }
                    lo += 1;
                }
                hi = hi.max(lo);
                while hi < hit_slots.len() && hit_slots[hi].0 < end {
                    let slot = hit_slots[hi].1;
                    if have[slot] < need[slot] {
                        common += 1;
                    }
                    have[slot] += 1;
                    hi += 1;
                }
                if end > limit[idx.tokens[start].sentence as usize] {
                    continue;
                }
                let bound = ratio(common, a, len);
                // Only a run that could beat the best so far is diffed.
                let hopeless = best.is_some_and(|(r, bs, bl)| {
                    bound < r || (bound <= r && (start, len) > (bs, bl))
                });
                if bound < THRESHOLD || hopeless {
                    continue;
                }
                let source: Vec<u64> = idx.tokens[start..end]
                    .iter()
                    .map(|t| u64::from(t.term))
                    .collect();
                let ops = capture_diff_slices(Algorithm::default(), ids, &source);
                let r = diff_ratio(&ops, a, len);
                let better = match best {
                    None => true,
                    // Equal ratios: the earlier, then shorter, run.
                    Some((br, bs, bl)) => r > br || (r >= br && (start, len) < (bs, bl)),
                };
                if r >= THRESHOLD && better {
                    best = Some((r, start, len));
                }
            }
        }
    }
    best.map(|(_, start, len)| start..start + len)
}

/// 2M/(A+B), computed as `similar` computes it.
fn ratio(common: usize, a: usize, b: usize) -> f32 {
    2.0 * common as f32 / (a + b) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn run(quote: &str, sentences: &[&str], about: &[&str]) -> Option<(String, Option<String>)> {
        let idx = SourceIndex::new(sentences.iter().map(|s| (*s).to_owned()).collect());
        let terms: Vec<Term> = about.iter().map(|e| Term::parse(e)).collect();
        let shown = |r: Range<usize>| idx.sentences[r].join(" ");
        find(&idx, quote, &words(quote), &terms).map(|found| match found {
            Found::Exact { sentences } => (shown(sentences), None),
            Found::Near { sentences, diff } => {
                let diff = diff
                    .iter()
                    .map(|d| match d.op {
                        Op::Equal => d.text.clone(),
                        Op::Delete => format!("[-{}-]", d.text),
                        Op::Insert => format!("{{+{}+}}", d.text),
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                (shown(sentences), Some(diff))
            }
        })
    }

    /// (quote, source sentences, about, expected passage and diff)
    type Case<'a> = (
        &'a str,
        &'a [&'a str],
        &'a [&'a str],
        Option<(&'a str, Option<&'a str>)>,
    );

    #[test]
    fn quotes_against_sources() {
        // (quote, source sentences, about, expected passage, expected diff)
        let cases: &[Case] = &[
            (
                "does not advance the cause of peace",
                &["Kyiv said the visit “does not advance the cause of peace”."],
                &[],
                Some((
                    "Kyiv said the visit “does not advance the cause of peace”.",
                    None,
                )),
            ),
            // Curly quotes, apostrophes, accents and dashes do not count.
            (
                "Guterres's visit won't help — at all",
                &["Guterres’s visit won’t help at all, said the café owner."],
                &[],
                Some((
                    "Guterres’s visit won’t help at all, said the café owner.",
                    None,
                )),
            ),
            (
                "Élysée said",
                &["The ELYSEE said nothing."],
                &[],
                Some(("The ELYSEE said nothing.", None)),
            ),
            // Across a sentence break.
            (
                "this is wrong. We will not go",
                &["He said this is wrong.", "We will not go, he added."],
                &[],
                Some(("He said this is wrong. We will not go, he added.", None)),
            ),
            // One word changed: 2*6/(7+7) = 0.857.
            (
                "does not advance the cause of peace",
                &["The ministry said it does not serve the cause of peace at all."],
                &[],
                Some((
                    "The ministry said it does not serve the cause of peace at all.",
                    Some("does not [-advance-] {+serve+} the cause of peace"),
                )),
            ),
            // A word replaced.
            (
                "we will never accept this outcome",
                &["Officials said: we will not accept this outcome."],
                &[],
                Some((
                    "Officials said: we will not accept this outcome.",
                    Some("we will [-never-] {+not+} accept this outcome"),
                )),
            ),
            // A word the source leaves out: the shorter run wins.
            (
                "we will never ever accept this",
                &["They said we will never accept this, ever."],
                &[],
                Some((
                    "They said we will never accept this, ever.",
                    Some("we will never [-ever-] accept this"),
                )),
            ),
            // Too different: nothing.
            (
                "does not advance the cause of peace",
                &["Peace is the cause we advance."],
                &[],
                None,
            ),
            // The near run must lie inside a passage holding the about entries.
            (
                "does not advance the cause of peace",
                &[
                    "It does not serve the cause of peace.",
                    "Nothing about Guterres here.",
                ],
                &["Guterres"],
                Some((
                    "It does not serve the cause of peace.",
                    Some("does not [-advance-] {+serve+} the cause of peace"),
                )),
            ),
            (
                "does not advance the cause of peace",
                &[
                    "It does not serve the cause of peace.",
                    "A.",
                    "B.",
                    "C.",
                    "Guterres.",
                ],
                &["Guterres"],
                None,
            ),
            // An exact run needs no about entry.
            (
                "does not advance the cause of peace",
                &["It does not advance the cause of peace."],
                &["Guterres"],
                Some(("It does not advance the cause of peace.", None)),
            ),
            ("", &["Anything."], &[], None),
            ("...", &["Anything."], &[], None),
        ];
        for (quote, sentences, about, want) in cases {
            let got = run(quote, sentences, about);
            let want = want.map(|(p, d)| (p.to_owned(), d.map(str::to_owned)));
            assert_eq!(got, want, "{quote:?} in {sentences:?}");
        }
    }

    #[test]
    fn a_long_quote_against_a_long_page_of_its_commonest_word() {
        // Every run holds the quote's commonest word, yet none can reach 0.75:
        // the bound rules them all out without a diff.
        let quote = ["the"; 100].join(" ")
            + " "
            + &(0..100)
                .map(|i| format!("w{i}"))
                .collect::<Vec<_>>()
                .join(" ");
        let page: Vec<String> = (0..2_000).map(|_| ["the"; 100].join(" ") + ".").collect();
        let idx = SourceIndex::new(page);
        assert!(find(&idx, &quote, &words(&quote), &[]).is_none());
    }

    #[test]
    fn the_threshold_is_inclusive() {
        // 2*3/(4+4) = 0.75 exactly: a mismatch.
        let got = run("a b c d", &["x a b e d y"], &[]);
        assert_eq!(got.and_then(|g| g.1), Some("a b [-c-] {+e+} d".to_owned()));
        // 2*2/(3+3) = 0.67: nothing.
        assert_eq!(run("a b c", &["a x c"], &[]), None);
    }
}
