//! Words as the spec compares quotes: runs of letters and digits, folded for
//! case, accents and Unicode compatibility forms. Used to tell whether a
//! claim's `text` still occurs in its article.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The folded words of `text`, in order.
#[must_use]
pub fn words(text: &str) -> Vec<String> {
    if text.is_ascii() {
        // Most claim text is ASCII, where folding is only lower-casing.
        return text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
    }
    let mut out = Vec::new();
    let mut word = String::new();
    // NFKD splits accents off their letters and compatibility forms (ligatures,
    // full-width letters) into plain ones; the marks are then dropped.
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Whether `needle` occurs as consecutive words of `haystack`. No words
/// occur everywhere.
#[must_use]
pub fn occurs(needle: &[String], haystack: &[String]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_accents_and_compatibility_forms() {
        let cases: [(&str, &[&str]); 7] = [
            ("Guterres's visit", &["guterres", "s", "visit"]),
            ("Hong-kyun", &["hong", "kyun"]),
            ("Zaporižžja, CAFÉ", &["zaporizzja", "cafe"]),
            ("ﬁnal ＡＢ", &["final", "ab"]),
            ("£2.26bn — “yes”", &["2", "26bn", "yes"]),
            ("", &[]),
            (
                "Mixed-case ASCII, 2.26bn",
                &["mixed", "case", "ascii", "2", "26bn"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn occurs_needs_the_words_in_a_row() {
        let article = words("The strike killed at least two civilians, officials said.");
        let cases = [
            ("killed at least two civilians", true),
            ("KILLED, at least: two", true),
            ("killed two", false),
            ("civilians officials", true),
            ("said the strike", false),
        ];
        for (text, expected) in cases {
            assert_eq!(occurs(&words(text), &article), expected, "{text:?}");
        }
    }
}
