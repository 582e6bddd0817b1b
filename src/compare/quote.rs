//! Quote claims: the quote's words in a row in the source, or else the
//! source's closest run of words and the word diff to it (spec: "Comparing,
//! source by source", quote claims).
//!
//! Similarity is `similar`'s ratio, 2M/(A+B), with its default algorithm and
//! no time-out. Most runs cannot reach 0.75: a run needs enough of the
//! quote's words for that, so only runs around clusters of them are diffed.

use std::collections::HashMap;
use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

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
    let ids = quote_ids(idx, quote);
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

/// The quote's words as ids of the source's vocabulary; words the source
/// lacks get ids no source word has (each its own).
fn quote_ids(idx: &SourceIndex, quote: &[Word]) -> Vec<u64> {
    quote
        .iter()
        .enumerate()
        .map(|(i, w)| {
            idx.term(&w.folded)
                .map_or(u64::from(u32::MAX) + 1 + i as u64, u64::from)
        })
        .collect()
}

/// How much the search for a not-found quote's closest run may spend: a
/// bit-parallel count costs the run's length, a diff of runs of A and B
/// words (a quote of more than 64 words) (A+B)², the most Myers' algorithm
/// can take. Enough for every run of an ordinary page
/// that shares words with the quote; on a page built to defeat the bound
/// (the quote's words everywhere, never in order) it stops the search after
/// a fixed amount of work, so the time spent is independent of the page's
/// length beyond the linear scan.
const NEAREST_BUDGET: usize = 10_000_000;

/// The similarity of the closest run to a quote that is neither in the
/// source nor close enough for a `mismatch`: what an editor is told about a
/// quote that was not found (claim-files.md, "The claim's verdict"). `None`
/// when the claim's `about` entries never stand together, so no run may be
/// taken; 0 when no run shares a word with the quote.
///
/// Runs are the ones the mismatch search considers (within two words of the
/// quote's length, inside passages about the claim), taken in order of the
/// most their words in common could give, and diffed until no run left
/// could beat the best or the budget is spent. Only runs that start on one
/// of the quote's words (or cannot move on) and end on one (or are as short
/// as allowed) are taken: moving a run on past a first word the quote lacks,
/// or dropping such a word at its end, never lowers its similarity, so the
/// best run is among them.
pub(crate) fn nearest(idx: &SourceIndex, quote: &[Word], about: &[Term]) -> Option<f64> {
    nearest_with_cost(idx, quote, about).map(|(similarity, _)| similarity)
}

/// [`nearest`], with the budget spent.
fn nearest_with_cost(idx: &SourceIndex, quote: &[Word], about: &[Term]) -> Option<(f64, usize)> {
    if quote.is_empty() || idx.tokens.is_empty() {
        return None;
    }
    let limit = run_limits(idx, about)?;
    let ids = quote_ids(idx, quote);
    let a = ids.len();
    let n = idx.tokens.len();
    // Each distinct quote word the source has gets a slot, with the number
    // of times the quote uses it.
    let mut slot_of: HashMap<u32, usize> = HashMap::new();
    let mut need: Vec<usize> = Vec::new();
    for &id in &ids {
        if let Ok(term) = u32::try_from(id) {
            let next = need.len();
            let slot = *slot_of.entry(term).or_insert(next);
            if slot == next {
                need.push(0);
            }
            need[slot] += 1;
        }
    }
    let token_slot: Vec<Option<usize>> = idx
        .tokens
        .iter()
        .map(|t| slot_of.get(&t.term).copied())
        .collect();
    // (words in common, start, length) of every run worth a diff.
    let mut runs: Vec<(u32, u32, u32)> = Vec::new();
    let shortest = a.saturating_sub(2).max(1);
    let mut have = vec![0usize; need.len()];
    for len in shortest..=a + 2 {
        if len > n {
            break;
        }
        have.fill(0);
        let mut common = 0usize;
        for end in 1..=n {
            if let Some(slot) = token_slot[end - 1] {
                if have[slot] < need[slot] {
                    common += 1;
                }
                have[slot] += 1;
            }
            if end > len
                && let Some(slot) = token_slot[end - len - 1]
            {
                have[slot] -= 1;
                if have[slot] < need[slot] {
                    common -= 1;
                }
            }
            if end < len {
                continue;
            }
            let start = end - len;
            let reach = limit[idx.tokens[start].sentence as usize];
            let worth = common > 0
                && end <= reach
                && (token_slot[start].is_some() || end == n || end == reach)
                && (token_slot[end - 1].is_some() || len == shortest);
            if worth {
                runs.push((common as u32, start as u32, len as u32));
            }
        }
    }
    // Highest bound first (2c/(a+len), compared without rounding), then the
    // earlier, then the shorter run, so the order never depends on the
    // machine.
    runs.sort_unstable_by(|&(c1, s1, l1), &(c2, s2, l2)| {
        let left = u64::from(c1) * (a as u64 + u64::from(l2));
        let right = u64::from(c2) * (a as u64 + u64::from(l1));
        right.cmp(&left).then((s1, l1).cmp(&(s2, l2)))
    });
    let in_order = InOrder::new(idx, &ids);
    // (words in common, length) of the best run so far.
    let mut best: Option<(usize, usize)> = None;
    let mut spent = 0usize;
    for &(common, start, len) in &runs {
        let (common, start, len) = (common as usize, start as usize, len as usize);
        // The bound of this run is no better than the best run's ratio.
        if best.is_some_and(|(m, l)| common * (a + l) <= m * (a + len)) {
            break;
        }
        // A bit-parallel count costs a step per word, a diff up to (A+B)².
        let cost = if in_order.masks.is_some() {
            len
        } else {
            (a + len) * (a + len)
        };
        // The first run is always counted, so a long quote still gets an answer.
        if best.is_some() && spent + cost > NEAREST_BUDGET {
            break;
        }
        spent += cost;
        let common = in_order.count(idx, start, len);
        if best.is_none_or(|(m, l)| common * (a + l) > m * (a + len)) {
            best = Some((common, len));
        }
    }
    // Exactly 2M/(A+B), so 0.74 is never shown as the 0.75 a mismatch needs.
    let similarity = best.map_or(0.0, |(m, l)| 2.0 * m as f64 / (a + l) as f64);
    Some((similarity, spent))
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
    let in_order = InOrder::new(idx, ids);
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
                let r = ratio(in_order.count(idx, start, len), a, len);
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

/// M of the ratio for runs of the source: the words a run has in common
/// with the quote, in order (the length of their longest common
/// subsequence, which is what `similar`'s diff keeps as equal when it runs
/// to the end, as it does here with no time-out). For a quote of up to 64
/// words it is counted bit-parallel (Hyyrö's LCS-length recurrence), a few
/// word operations per word of the run, so a page whose every run must be
/// looked at costs a linear scan; longer quotes are diffed.
struct InOrder<'a> {
    ids: &'a [u64],
    /// Per word of the source, the positions of the quote that word has,
    /// as bits; `None` for a quote of more than 64 words.
    masks: Option<Vec<u64>>,
}

impl<'a> InOrder<'a> {
    fn new(idx: &SourceIndex, ids: &'a [u64]) -> Self {
        let masks = (ids.len() <= 64).then(|| {
            let mut by_term: HashMap<u32, u64> = HashMap::new();
            for (i, &id) in ids.iter().enumerate() {
                if let Ok(term) = u32::try_from(id) {
                    *by_term.entry(term).or_default() |= 1u64 << i;
                }
            }
            idx.tokens
                .iter()
                .map(|t| by_term.get(&t.term).copied().unwrap_or(0))
                .collect()
        });
        InOrder { ids, masks }
    }

    /// M for the run of `len` words from `start`.
    fn count(&self, idx: &SourceIndex, start: usize, len: usize) -> usize {
        let a = self.ids.len();
        if let Some(masks) = &self.masks {
            // V's zero bits (of the low `a`) count the common subsequence;
            // carries and borrows only move up, so the bits above `a` never
            // disturb them.
            let mut v = u64::MAX;
            for &m in &masks[start..start + len] {
                let u = v & m;
                v = v.wrapping_add(u) | v.wrapping_sub(u);
            }
            let low = if a == 64 { u64::MAX } else { (1u64 << a) - 1 };
            return a - (v & low).count_ones() as usize;
        }
        let source: Vec<u64> = idx.tokens[start..start + len]
            .iter()
            .map(|t| u64::from(t.term))
            .collect();
        capture_diff_slices(Algorithm::default(), self.ids, &source)
            .iter()
            .map(|op| match op.as_tag_tuple() {
                (DiffTag::Equal, old, _) => old.len(),
                _ => 0,
            })
            .sum()
    }
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

    fn nearest_in(quote: &str, sentences: &[&str], about: &[&str]) -> Option<f64> {
        let idx = SourceIndex::new(sentences.iter().map(|s| (*s).to_owned()).collect());
        let terms: Vec<Term> = about.iter().map(|e| Term::parse(e)).collect();
        nearest(&idx, &words(quote), &terms)
    }

    /// (quote, source sentences, about, similarity of the closest run)
    type NearCase<'a> = (&'a str, &'a [&'a str], &'a [&'a str], Option<f64>);

    #[test]
    fn the_closest_run_of_a_quote_that_is_not_found() {
        // (quote, source sentences, about, similarity of the closest run)
        let cases: &[NearCase] = &[
            // "a x c": 2*2/(3+3).
            ("a b c", &["a x c"], &[], Some(2.0 / 3.0)),
            // "the cause" in order, within five words: 2*2/(7+5).
            (
                "does not advance the cause of peace",
                &["Peace is the cause we advance."],
                &[],
                Some(1.0 / 3.0),
            ),
            // Runs are no shorter than the quote less two words: "the
            // strike killed 14" is 2*3/(6+4), though "the strike killed"
            // would be 0.67.
            (
                "the strike killed no one there",
                &["The strike killed 14 people."],
                &[],
                Some(0.6),
            ),
            // No word in common.
            ("alpha beta", &["Gamma delta."], &[], Some(0.0)),
            // The about entry never occurs: no run may be taken.
            ("a b c", &["a x c"], &["Guterres"], None),
            // Only runs inside passages about the claim count.
            (
                "does not advance the cause of peace",
                &[
                    "It does not serve the cause of peace.",
                    "A.",
                    "B.",
                    "C.",
                    "Guterres spoke.",
                ],
                &["Guterres"],
                Some(0.0),
            ),
            ("", &["Anything."], &[], None),
            ("a b", &[], &[], None),
        ];
        for (quote, sentences, about, want) in cases {
            let got = nearest_in(quote, sentences, about);
            assert_eq!(got, *want, "{quote:?} in {sentences:?}");
        }
    }

    proptest::proptest! {
        /// The bit-parallel count keeps as many words as `similar`'s diff.
        #[test]
        fn the_bit_parallel_count_is_the_diffs(
            quote in proptest::collection::vec(0u8..6, 1..=64),
            page in proptest::collection::vec(0u8..8, 1..90),
        ) {
            let word = |w: &u8| format!("w{w}");
            let quote = quote.iter().map(word).collect::<Vec<_>>().join(" ");
            let page = page.iter().map(word).collect::<Vec<_>>().join(" ");
            let idx = SourceIndex::new(vec![page]);
            let ids = quote_ids(&idx, &words(&quote));
            let in_order = InOrder::new(&idx, &ids);
            proptest::prop_assert!(in_order.masks.is_some());
            let slow = InOrder { ids: &ids, masks: None };
            let n = idx.tokens.len();
            for (start, len) in [(0, n), (0, n / 2), (n / 3, n - n / 3)] {
                proptest::prop_assert_eq!(
                    in_order.count(&idx, start, len),
                    slow.count(&idx, start, len)
                );
            }
        }

        /// The pruned search finds what diffing every allowed run finds.
        #[test]
        fn the_closest_run_is_the_best_of_all_runs(
            quote in proptest::collection::vec(0u8..5, 1..8),
            page in proptest::collection::vec(proptest::collection::vec(0u8..7, 1..9), 1..8),
        ) {
            let word = |w: &u8| format!("w{w}");
            let quote = quote.iter().map(word).collect::<Vec<_>>().join(" ");
            let sentences: Vec<String> = page
                .iter()
                .map(|s| s.iter().map(word).collect::<Vec<_>>().join(" ") + ".")
                .collect();
            let idx = SourceIndex::new(sentences);
            let quote_words = words(&quote);
            let ids = quote_ids(&idx, &quote_words);
            let a = ids.len();
            let n = idx.tokens.len();
            let mut want = 0.0f64;
            for len in a.saturating_sub(2).max(1)..=a + 2 {
                for start in 0..=n.saturating_sub(len) {
                    if start + len > n {
                        break;
                    }
                    let source: Vec<u64> = idx.tokens[start..start + len]
                        .iter()
                        .map(|t| u64::from(t.term))
                        .collect();
                    let ops = capture_diff_slices(Algorithm::default(), &ids, &source);
                    let common: usize = ops
                        .iter()
                        .map(|op| match op.as_tag_tuple() {
                            (DiffTag::Equal, old, _) => old.len(),
                            _ => 0,
                        })
                        .sum();
                    want = want.max(2.0 * common as f64 / (a + len) as f64);
                }
            }
            let got = nearest(&idx, &quote_words, &[]);
            proptest::prop_assert_eq!(got, Some(want));
        }
    }

    #[test]
    fn the_closest_run_on_a_long_page_costs_a_bounded_amount() {
        // 30 distinct words; the page holds them everywhere but always in
        // reverse, so every run's bound is high and its similarity low: the
        // bound prunes nothing and only the budget stops the diffs.
        let quote: Vec<String> = (0..30).map(|i| format!("w{i}")).collect();
        let reversed: Vec<String> = quote.iter().rev().cloned().collect();
        let page: Vec<String> = (0..4_000).map(|_| reversed.join(" ") + ".").collect();
        let quote = quote.join(" ");
        let idx = SourceIndex::new(page);
        assert_eq!(idx.tokens.len(), 120_000);
        let (similarity, spent) = nearest_with_cost(&idx, &words(&quote), &[]).unwrap();
        assert!(spent <= NEAREST_BUDGET, "{spent}");
        // A few words in order at best (across a sentence break, "w0 w29").
        assert!(
            similarity > 0.0 && similarity < THRESHOLD.into(),
            "{similarity}"
        );

        // An ordinary long page: the quote's words scattered among others.
        // The bound stops the search long before the budget.
        let page: Vec<String> = (0..20_000)
            .map(|i| format!("Sentence {i} has w{} and filler words here.", i % 30))
            .collect();
        let idx = SourceIndex::new(page);
        let (similarity, spent) = nearest_with_cost(&idx, &words(&quote), &[]).unwrap();
        assert!(spent < NEAREST_BUDGET / 10, "{spent}");
        assert!(
            similarity > 0.0 && similarity < THRESHOLD.into(),
            "{similarity}"
        );
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
