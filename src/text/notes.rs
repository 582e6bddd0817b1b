//! The reading notes (spec: "Reading a source"): what an editor should know
//! beside a source's evidence when what was read may not be the whole story
//! (little text from a long page, a page that needs JavaScript) or may be
//! misread (a page not in English, read with English rules).

use std::fmt;

use super::html::Page;

/// Under this many words read, a page that holds far more is noted.
const SHORT_WORDS: usize = 150;
/// "Far more": the page holds at least this many times the words read.
const FAR_MORE: usize = 3;
/// A page with fewer visible words than this and a lot of script is a shell.
const SHELL_WORDS: usize = 100;
/// Script and style bytes per visible word that make a page a shell.
const SHELL_SCRIPT_PER_WORD: usize = 200;

/// A note on how a source was read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Note {
    /// Little was read from a page that holds far more text.
    Short {
        /// Words read.
        read: usize,
        /// Words on the whole page.
        page: usize,
    },
    /// The page is a shell that needs JavaScript to show its story.
    Script,
    /// The page is not in English (its `<html lang>` or `Content-Language`).
    Language(String),
}

impl Note {
    /// A stable name for machines (JSON reports): `short-text`,
    /// `javascript-shell`, `not-english`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Note::Short { .. } => "short-text",
            Note::Script => "javascript-shell",
            Note::Language(_) => "not-english",
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Short { read, page } => write!(
                f,
                "only {read} words were read from a page of {page}: the story may be elsewhere on it; `factcheck read --explain` shows why, and `select` can name it"
            ),
            Note::Script => f.write_str(
                "the page needs JavaScript to show its story: what was read may be empty or partial",
            ),
            Note::Language(lang) => write!(
                f,
                "the page is in {lang}, not English: its figures were read with English rules"
            ),
        }
    }
}

/// The notes on a reading: `sentences` read from a page (`page` is `None`
/// for plain text and Markdown), with the HTTP `Content-Language`.
pub(crate) fn notes(
    sentences: &[String],
    page: Option<&Page>,
    content_language: Option<&str>,
) -> Vec<Note> {
    let mut notes = Vec::new();
    let read: usize = sentences.iter().map(|s| s.split_whitespace().count()).sum();
    if let Some(page) = page {
        let shell = page.words < SHELL_WORDS
            && page.script_bytes > page.words.max(1) * SHELL_SCRIPT_PER_WORD;
        if shell {
            notes.push(Note::Script);
        } else if read < SHORT_WORDS
            && page.words >= read.max(1) * FAR_MORE
            && page.words >= SHORT_WORDS
        {
            notes.push(Note::Short {
                read,
                page: page.words,
            });
        }
    }
    let lang = page
        .and_then(|p| p.lang.as_deref())
        .filter(|l| !l.trim().is_empty())
        .or(content_language);
    if let Some(lang) = lang.and_then(first_language)
        && !is_english(&lang)
    {
        notes.push(Note::Language(lang));
    }
    notes
}

/// The first language tag of a `lang` attribute or `Content-Language` list.
fn first_language(value: &str) -> Option<String> {
    let tag = value.split(',').next()?.trim();
    if tag.is_empty() || tag == "*" {
        return None;
    }
    // A tag is letters, digits and hyphens; anything else is not one.
    tag.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        .then(|| tag.to_owned())
}

fn is_english(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    primary.eq_ignore_ascii_case("en")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(words: usize, script_bytes: usize, lang: Option<&str>) -> Page {
        Page {
            lang: lang.map(str::to_owned),
            words,
            script_bytes,
        }
    }

    fn said(n: usize) -> Vec<String> {
        vec!["word ".repeat(n).trim().to_owned()]
    }

    #[test]
    fn short_text_on_a_long_page() {
        let cases: &[(usize, usize, bool)] = &[
            (40, 2000, true),
            (149, 600, true),
            (150, 2000, false),
            (40, 100, false),
            (100, 250, false),
            (0, 2000, true),
        ];
        for &(read, words, want) in cases {
            let got = notes(&said(read), Some(&page(words, 0, Some("en"))), None);
            assert_eq!(
                got == [Note::Short { read, page: words }],
                want,
                "{read} of {words}: {got:?}"
            );
        }
    }

    #[test]
    fn javascript_shells() {
        let got = notes(&said(3), Some(&page(5, 500_000, None)), None);
        assert_eq!(got, [Note::Script]);
        // A short page with little script is just short.
        assert!(notes(&said(3), Some(&page(5, 100, None)), None).is_empty());
        // A long page with much script is no shell.
        let got = notes(&said(500), Some(&page(600, 2_000_000, None)), None);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn languages() {
        let cases: &[(Option<&str>, Option<&str>, Option<&str>)] = &[
            (Some("en"), None, None),
            (Some("en-GB"), Some("de"), None),
            (Some("EN_us"), None, None),
            (Some("uk"), None, Some("uk")),
            (Some("pt-BR"), None, Some("pt-BR")),
            (None, Some("de-DE, en"), Some("de-DE")),
            (None, Some("en-US"), None),
            (Some(""), Some("fr"), Some("fr")),
            (None, None, None),
            (Some("<script>"), None, None),
        ];
        for &(lang, header, want) in cases {
            let got = notes(&said(500), Some(&page(600, 0, lang)), header);
            let want: Vec<Note> = want
                .map(|w| Note::Language(w.to_owned()))
                .into_iter()
                .collect();
            assert_eq!(got, want, "{lang:?} {header:?}");
        }
        // Plain text has only the header to go by.
        assert_eq!(
            notes(&said(5), None, Some("ru")),
            [Note::Language("ru".into())]
        );
    }
}
