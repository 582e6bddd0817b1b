//! A source read once and indexed for every claim that cites it: its
//! sentences, its words (folded) with an inverted index, and its figures,
//! found lazily per sentence the first time a claim looks at that sentence.
//! Built once per source, shared read-only by all claims (it is `Sync`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::quantity::{self, Figure};

use crate::text::{ClaimReview, words};

/// One word of the source.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Index into the vocabulary (sorted folded words).
    pub term: u32,
    /// The sentence it stands in.
    pub sentence: u32,
    /// Byte span in that sentence.
    pub start: u32,
    pub end: u32,
}

/// A figure of a sentence with the words it spans.
#[derive(Debug, Clone)]
pub(crate) struct SentenceFigure {
    pub figure: Figure,
    /// Byte span in the sentence.
    pub start: usize,
    pub end: usize,
    /// Global word range `[first, last)` the figure covers; empty (at the
    /// position of the next word) when it covers no word.
    pub first: usize,
    pub last: usize,
}

/// A source's text, indexed for comparing. Build it with [`SourceIndex::new`]
/// from the sentences the `text` stage read.
#[derive(Debug)]
pub struct SourceIndex {
    pub(crate) sentences: Vec<String>,
    /// First word of each sentence, plus the total word count at the end.
    pub(crate) sentence_start: Vec<usize>,
    pub(crate) tokens: Vec<Token>,
    /// Folded words, sorted, so prefixes (`kill*`) are a range.
    pub(crate) vocab: Vec<Box<str>>,
    /// Per vocabulary entry, the positions of its words, ascending.
    pub(crate) postings: Vec<Vec<u32>>,
    figures: Vec<OnceLock<Vec<SentenceFigure>>>,
    marks: Vec<OnceLock<Vec<u32>>>,
    /// The page's own fact-check review, when it is one.
    review: Option<ClaimReview>,
}

impl SourceIndex {
    /// Tokenizes and indexes `sentences` (in document order).
    #[must_use]
    pub fn new(sentences: Vec<String>) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut raw_vocab: Vec<String> = Vec::new();
        let mut tokens = Vec::new();
        let mut sentence_start = Vec::with_capacity(sentences.len() + 1);
        for (s, sentence) in sentences.iter().enumerate() {
            sentence_start.push(tokens.len());
            for w in words(sentence) {
                let next = raw_vocab.len() as u32;
                let id = *ids.entry(w.folded).or_insert_with_key(|k| {
                    raw_vocab.push(k.clone());
                    next
                });
                tokens.push(Token {
                    term: id,
                    sentence: s as u32,
                    start: w.start as u32,
                    end: w.end as u32,
                });
            }
        }
        sentence_start.push(tokens.len());
        drop(ids);

        // Sort the vocabulary and renumber the tokens to match.
        let mut order: Vec<u32> = (0..raw_vocab.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| raw_vocab[a as usize].cmp(&raw_vocab[b as usize]));
        let mut rank = vec![0u32; order.len()];
        for (r, &old) in order.iter().enumerate() {
            rank[old as usize] = r as u32;
        }
        let mut slots: Vec<Option<String>> = raw_vocab.into_iter().map(Some).collect();
        let vocab: Vec<Box<str>> = order
            .iter()
            .map(|&old| {
                slots[old as usize]
                    .take()
                    .unwrap_or_default()
                    .into_boxed_str()
            })
            .collect();
        let mut postings = vec![Vec::new(); vocab.len()];
        for (pos, t) in tokens.iter_mut().enumerate() {
            t.term = rank[t.term as usize];
            postings[t.term as usize].push(pos as u32);
        }
        for p in &mut postings {
            p.shrink_to_fit();
        }
        let figures = (0..sentences.len()).map(|_| OnceLock::new()).collect();
        let marks = (0..sentences.len()).map(|_| OnceLock::new()).collect();
        SourceIndex {
            sentences,
            sentence_start,
            tokens,
            vocab,
            postings,
            figures,
            marks,
            review: None,
        }
    }

    /// The source with the `ClaimReview` its page carries (the text stage
    /// reads it from the HTML: [`crate::text::claim_review`]).
    #[must_use]
    pub fn with_review(mut self, review: Option<ClaimReview>) -> Self {
        self.review = review;
        self
    }

    /// The page's own fact-check review, when it is one.
    #[must_use]
    pub fn review(&self) -> Option<&ClaimReview> {
        self.review.as_ref()
    }

    /// The sentences, in document order.
    #[must_use]
    pub fn sentences(&self) -> &[String] {
        &self.sentences
    }

    /// Number of sentences.
    pub(crate) fn len(&self) -> usize {
        self.sentences.len()
    }

    /// The vocabulary entry of a folded word, if the source has it.
    pub(crate) fn term(&self, folded: &str) -> Option<u32> {
        self.vocab
            .binary_search_by(|v| v.as_ref().cmp(folded))
            .ok()
            .map(|i| i as u32)
    }

    /// The vocabulary entries that start with `prefix`.
    pub(crate) fn terms_with_prefix(&self, prefix: &str) -> std::ops::Range<u32> {
        let lo = self.vocab.partition_point(|v| v.as_ref() < prefix);
        let hi = lo + self.vocab[lo..].partition_point(|v| v.starts_with(prefix));
        lo as u32..hi as u32
    }

    /// The words of sentence `s` as a global position range.
    pub(crate) fn words_of(&self, s: usize) -> std::ops::Range<usize> {
        self.sentence_start[s]..self.sentence_start[s + 1]
    }

    /// The figures of sentence `s`, found on first use.
    pub(crate) fn figures(&self, s: usize) -> &[SentenceFigure] {
        self.figures[s].get_or_init(|| self.find_figures(s))
    }

    /// Where sentence `s` has clause boundaries, found on first use.
    pub(crate) fn marks(&self, s: usize) -> &[u32] {
        self.marks[s].get_or_init(|| super::figure::boundary_marks(&self.sentences[s]))
    }

    fn find_figures(&self, s: usize) -> Vec<SentenceFigure> {
        let sentence = &self.sentences[s];
        // Figures carry char offsets; the index works in bytes.
        let mut byte_of_char: Vec<usize> = sentence.char_indices().map(|(b, _)| b).collect();
        byte_of_char.push(sentence.len());
        let byte = |c: usize| byte_of_char.get(c).copied().unwrap_or(sentence.len());
        let words = self.words_of(s);
        let found = quantity::find(sentence);
        // A restatement in brackets is part of the figure before it; should
        // the engine also list it on its own, it is not a second figure.
        let restated: Vec<(usize, usize)> = found
            .iter()
            .filter_map(|f| f.restated.as_ref().map(|r| (r.start, r.end)))
            .collect();
        found
            .into_iter()
            .filter(|f| {
                f.restated.is_some() || !restated.iter().any(|&(a, b)| f.start >= a && f.end <= b)
            })
            .map(|figure| {
                let (start, end) = (byte(figure.start), byte(figure.end));
                let toks = &self.tokens[words.clone()];
                let first = words.start + toks.partition_point(|t| (t.end as usize) <= start);
                let last = words.start + toks.partition_point(|t| (t.start as usize) < end);
                SentenceFigure {
                    figure,
                    start,
                    end,
                    first,
                    last: last.max(first),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_finds_words_and_prefixes() {
        let idx = SourceIndex::new(vec![
            "Two were killed in Kazan.".to_owned(),
            "Killing is wrong; kilns are not.".to_owned(),
        ]);
        assert_eq!(idx.len(), 2);
        assert_eq!(idx.words_of(0), 0..5);
        assert_eq!(idx.words_of(1), 5..11);
        let killed = idx.term("killed").unwrap();
        assert_eq!(idx.postings[killed as usize], vec![2]);
        let kill: Vec<&str> = idx
            .terms_with_prefix("kill")
            .map(|t| idx.vocab[t as usize].as_ref())
            .collect();
        assert_eq!(kill, vec!["killed", "killing"]);
        assert!(idx.terms_with_prefix("zzz").is_empty());
        assert_eq!(idx.term("absent"), None);
    }
}
