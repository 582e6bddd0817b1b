//! Words as the spec defines them for `about` terms and quotes: runs of
//! letters and digits, folded for case, accents and Unicode compatibility
//! forms, so "Guterres’s" holds the word `guterres` and "Hong-kyun" the
//! words `hong` and `kyun`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One word of a text: its byte span and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the first character, inclusive.
    pub start: usize,
    /// Byte offset after the last character, exclusive.
    pub end: usize,
    /// Lower-cased, accents removed, compatibility forms decomposed.
    pub folded: String,
}

/// A character that belongs to a word. Combining marks are kept with the
/// letter they follow, so a decomposed "é" stays one word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(&mut out, text, s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(&mut out, text, s, text.len());
    }
    out
}

fn push(out: &mut Vec<Word>, text: &str, start: usize, end: usize) {
    let folded = fold(&text[start..end]);
    // A run of combining marks alone folds to nothing: not a word.
    if !folded.is_empty() {
        out.push(Word { start, end, folded });
    }
}

/// Folds one word: compatibility decomposition, accents dropped, lower case.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfkd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_folded() {
        let cases: &[(&str, &[&str])] = &[
            ("Guterres's visit", &["guterres", "s", "visit"]),
            ("Guterres’s visit", &["guterres", "s", "visit"]),
            ("Hong-kyun", &["hong", "kyun"]),
            ("Zaporizhzhia: 2 dead", &["zaporizhzhia", "2", "dead"]),
            ("Café São Paulo", &["cafe", "sao", "paulo"]),
            ("Cafe\u{301}", &["cafe"]),
            ("ﬁnal ＵＮ", &["final", "un"]),
            ("“does not” — advance", &["does", "not", "advance"]),
            ("", &[]),
            ("...", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(folded(text), *want, "{text}");
        }
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "A “café” here";
        for w in words(text) {
            assert_eq!(fold(&text[w.start..w.end]), w.folded);
        }
    }
}
