//! Words as the spec defines them for `about` terms and quotes: a word is a
//! maximal run of letters and digits, so apostrophes, hyphens and all other
//! punctuation split words ("Guterres's" is Guterres and s; "Hong-kyun" is
//! Hong and kyun). Each word carries its folded form, compared instead of the
//! text: lower case, accents removed, Unicode compatibility forms folded.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Word {
    /// Byte offset of the word's first character in the text.
    pub start: usize,
    /// Byte offset just past the word's last character: `&text[start..end]`
    /// is the word as written.
    pub end: usize,
    /// The word folded for comparison (see [`fold`]).
    pub folded: String,
}

/// The words of `s`, in order, with byte spans into `s`.
///
/// A combining mark continues the word it follows, so text in decomposed
/// form ("e" + U+0301) is one word as it is in composed form.
#[must_use]
pub fn words(s: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the start of a word.
        let b = bytes[i];
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else {
            let c = char_at(s, i);
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        let mut ascii = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let c = char_at(s, i);
                if !(c.is_alphanumeric() || is_combining_mark(c)) {
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        let word = &s[start..i];
        let folded = if ascii {
            word.to_ascii_lowercase()
        } else {
            fold(word)
        };
        out.push(Word {
            start,
            end: i,
            folded,
        });
    }
    out
}

fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Folds text for comparison: compatibility decomposition (NFKD), combining
/// marks dropped, lower case. So "Zaporizhzhia's", "ZAPORIZHZHIA" and
/// "Zaporízhzhia" fold alike, "ﬁ" folds to "fi" and "²" to "2".
///
/// Beyond NFKD, a few Latin letters whose "accent" is part of the letter and
/// that writers drop all the same fold to their plain letters: ł l, ø o, đ d,
/// ħ h, ı i, and ß ss, æ ae, œ oe ("Łódź" and "Lodz" are one word to an editor).
#[must_use]
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        for l in c.to_lowercase() {
            match l {
                'ł' => out.push('l'),
                'ø' => out.push('o'),
                'đ' => out.push('d'),
                'ħ' => out.push('h'),
                'ı' => out.push('i'),
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                l if is_combining_mark(l) => {}
                l => out.push(l),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> Vec<String> {
        words(s).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn words_split_on_punctuation() {
        let cases: &[(&str, &[&str])] = &[
            ("Guterres's visit", &["guterres", "s", "visit"]),
            ("Guterres’s visit", &["guterres", "s", "visit"]),
            ("Hong-kyun", &["hong", "kyun"]),
            ("12,000-strong", &["12", "000", "strong"]),
            ("£2.26bn", &["2", "26bn"]),
            ("“does not advance”", &["does", "not", "advance"]),
            ("U.S.", &["u", "s"]),
            ("  ", &[]),
            ("", &[]),
            ("—", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(folded(text), *want, "{text:?}");
        }
    }

    #[test]
    fn folding() {
        let cases: &[(&str, &[&str])] = &[
            ("Zaporízhzhia", &["zaporizhzhia"]),
            ("ZAPORIZHZHIA", &["zaporizhzhia"]),
            // Decomposed accents stay inside their word.
            ("Zapori\u{301}zhzhia", &["zaporizhzhia"]),
            ("Ångström café", &["angstrom", "cafe"]),
            ("ﬁnance", &["finance"]),
            ("x²", &["x2"]),
            ("Łódź", &["lodz"]),
            ("Straße", &["strasse"]),
            ("İstanbul", &["istanbul"]),
            ("Ærø", &["aero"]),
            ("Київ", &["киів"]),
            ("ＦＵＬＬ　ｗｉｄｔｈ", &["full", "width"]),
        ];
        for (text, want) in cases {
            assert_eq!(folded(text), *want, "{text:?}");
        }
    }

    #[test]
    fn spans_are_byte_offsets() {
        let text = "Café, “Łódź” — 15";
        let got: Vec<&str> = words(text).iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(got, ["Café", "Łódź", "15"]);
    }
}
