//! Reading a source: HTML, plain text and Markdown to sentences, exactly as
//! ../shared/spec/claim-files.md ("Reading a source") says, and the words of
//! a text as the spec defines them for `about` terms and quotes. Pure: a
//! decoded document in, sentences out; no network, disk or clock.
//!
//! Every reader is linear in its input (bar HTML parsing itself, which is
//! kept so by bounding element depth before the tree is built), and keeps
//! control characters, bidirectional controls and invisible characters out of
//! sentences, so reports never carry them.

mod article;
mod claimreview;
mod depth;
mod explain;
mod html;
mod markdown;
mod notes;
pub mod pdf;
mod split;
mod words;

pub use article::Reason;
pub use claimreview::{ClaimReview, claim_review};
pub use explain::Block;
pub use notes::Note;
pub use words::{Word, fold, words};

use explain::Sink;

/// How a source's body is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Media {
    /// HTML or XHTML.
    Html,
    /// Plain text: a line break ends a sentence.
    Text,
    /// Markdown: blank lines, headings and list items end sentences.
    Markdown,
}

/// Why a source could not be read into sentences. A check reports the source
/// `unreachable` with this as the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The source's `select` is not a CSS selector.
    #[error("select = {select:?} is not a valid CSS selector ({reason}); fix it in the claim file")]
    InvalidSelector {
        /// The selector as written.
        select: String,
        /// What the CSS parser said.
        reason: String,
    },
    /// The source's `select` matches no element of the page.
    #[error(
        "select = {select:?} matches nothing on the page; the page may have changed, check the selector against it"
    )]
    NothingSelected {
        /// The selector as written.
        select: String,
    },
}

/// What is read from a source: its sentences, and the notes an editor
/// should see beside its evidence (spec: "Reading a source").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The sentences, in document order.
    pub sentences: Vec<String>,
    /// Why what was read may not be the whole story, or may be misread.
    pub notes: Vec<Note>,
}

/// Splits a decoded document into sentences, in document order.
///
/// For HTML, `select` (a CSS selector) chooses what is read; without it the
/// article as a reader sees it, without the page furniture (see
/// [`article`](self)'s finder). `select` is ignored for plain text and
/// Markdown, which have no elements.
///
/// Each sentence has its white space collapsed to single spaces and holds no
/// control, bidirectional-control or invisible formatting character; no
/// sentence is empty.
pub fn sentences(body: &str, media: Media, select: Option<&str>) -> Result<Vec<String>, TextError> {
    read(body, media, select, None).map(|r| r.sentences)
}

/// Reads a decoded document: its sentences as [`sentences`] gives them, and
/// the reading notes. `content_language` is the HTTP `Content-Language`
/// header, when the source came over HTTP.
pub fn read(
    body: &str,
    media: Media,
    select: Option<&str>,
    content_language: Option<&str>,
) -> Result<Reading, TextError> {
    let mut sink = Sink::default();
    let page = read_into(body, media, select, &mut sink)?;
    let (sentences, _) = sink.finish();
    let notes = notes::notes(&sentences, page.as_ref(), content_language);
    Ok(Reading { sentences, notes })
}

/// Every block of a document, read or not, with the reason: what `factcheck
/// read --explain` lists. The blocks that are read give exactly the
/// sentences of [`sentences`].
pub fn explain(body: &str, media: Media, select: Option<&str>) -> Result<Vec<Block>, TextError> {
    let mut sink = Sink::explaining();
    read_into(body, media, select, &mut sink)?;
    Ok(sink.finish().1)
}

/// Reads into `sink`; for HTML, also what the page says about itself.
fn read_into(
    body: &str,
    media: Media,
    select: Option<&str>,
    sink: &mut Sink,
) -> Result<Option<html::Page>, TextError> {
    match media {
        Media::Html => return html::read(body, select, sink).map(Some),
        Media::Text => read_text(body, sink),
        Media::Markdown => markdown::read(body, sink),
    }
    Ok(None)
}

/// Checks that `select` is a CSS selector, before any source is read.
pub fn check_selector(select: &str) -> Result<(), TextError> {
    html::parse_selector(select).map(|_| ())
}

/// Plain text: every line break ends a sentence (news text keeps a paragraph
/// to a line), and so do the sentence ends within a line.
fn read_text(body: &str, col: &mut Sink) {
    for line in body.split([
        '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
    ]) {
        col.push_str(line);
        col.end_block();
    }
}

/// A passage: one sentence or a window of consecutive sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage<'a> {
    /// The index of the passage's first sentence.
    pub first: usize,
    /// The passage's sentences, in order.
    pub sentences: &'a [String],
}

impl Passage<'_> {
    /// The passage's text: its sentences joined by single spaces.
    #[must_use]
    pub fn text(&self) -> String {
        self.sentences.join(" ")
    }
}

/// Every passage of `size` consecutive sentences, in document order (spec:
/// "A passage is one sentence or a window of two or three consecutive
/// sentences (across blocks)"). A document shorter than `size` has none, and
/// neither has size 0.
pub fn passages(sentences: &[String], size: usize) -> impl Iterator<Item = Passage<'_>> {
    // `windows` panics on 0; a window longer than the document yields none.
    let size = if size == 0 { sentences.len() + 1 } else { size };
    sentences
        .windows(size)
        .enumerate()
        .map(|(first, sentences)| Passage { first, sentences })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_text_lines() {
        let cases: &[(&str, &[&str])] = &[
            ("one\ntwo\r\nthree\rfour", &["one", "two", "three", "four"]),
            (
                "A line. Two sentences\n\n\nnext",
                &["A line.", "Two sentences", "next"],
            ),
            ("para\u{2029}graph", &["para", "graph"]),
            ("  \n\t\n", &[]),
            ("tab\tseparated  text", &["tab separated text"]),
            ("<p>not html</p>", &["<p>not html</p>"]),
        ];
        for (body, want) in cases {
            assert_eq!(
                sentences(body, Media::Text, None).unwrap(),
                *want,
                "{body:?}"
            );
        }
    }

    #[test]
    fn select_errors_say_what_to_do() {
        let page = "<p class=a>x</p>";
        let cases = [
            (
                "div..a",
                "select = \"div..a\" is not a valid CSS selector (class needs ident)",
            ),
            (
                "p:nope",
                "select = \"p:nope\" is not a valid CSS selector (unsupported pseudo",
            ),
            ("p >", "select = \"p >\" is not a valid CSS selector ("),
            (
                "section",
                "select = \"section\" matches nothing on the page",
            ),
        ];
        for (select, want) in cases {
            let err = sentences(page, Media::Html, Some(select))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(want), "{err}");
        }
    }

    #[test]
    fn select_is_for_html_only() {
        let got = sentences("# T\ntext", Media::Markdown, Some("main")).unwrap();
        assert_eq!(got, ["T", "text"]);
    }

    #[test]
    fn passage_windows() {
        let s: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let texts = |size| {
            passages(&s, size)
                .map(|p| (p.first, p.text()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            texts(1),
            [(0, "a".into()), (1, "b".into()), (2, "c".into())]
        );
        assert_eq!(texts(2), [(0, "a b".into()), (1, "b c".into())]);
        assert_eq!(texts(3), [(0, "a b c".into())]);
        assert_eq!(texts(4), []);
        assert_eq!(texts(0), []);
        assert_eq!(passages(&[], 1).count(), 0);
    }

    fn media() -> impl Strategy<Value = Media> {
        prop_oneof![Just(Media::Html), Just(Media::Text), Just(Media::Markdown)]
    }

    /// Strings made of the characters the readers treat specially.
    fn markup() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("<div>"),
                Just("</div>"),
                Just("<p>"),
                Just("<tr>"),
                Just("<td>"),
                Just("<br>"),
                Just("<script>"),
                Just("</script>"),
                Just("<nav hidden>"),
                Just("</nav>"),
                Just("<main>"),
                Just("<article>"),
                Just("<pre>"),
                Just("["),
                Just("]"),
                Just("("),
                Just(")"),
                Just("!"),
                Just("*"),
                Just("_"),
                Just("`"),
                Just("#"),
                Just("|"),
                Just("-"),
                Just(">"),
                Just("<"),
                Just("\n"),
                Just(" "),
                Just(". "),
                Just("U.S. "),
                Just("Mr. "),
                Just("…"),
                Just("”"),
                Just("\u{1b}"),
                Just("\u{301}"),
                Just("é"),
                Just("x"),
                Just("1"),
            ],
            0..60,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn any_string_any_media_no_panic(body in any::<String>(), media in media()) {
            let got = sentences(&body, media, None).unwrap();
            for s in &got {
                prop_assert!(!s.trim().is_empty());
                prop_assert!(!s.chars().any(char::is_control));
            }
        }

        #[test]
        fn any_markup_any_media_no_panic(body in markup(), media in media()) {
            let got = sentences(&body, media, None).unwrap();
            for s in &got {
                prop_assert!(!s.is_empty());
                prop_assert!(s == s.trim());
                prop_assert!(!s.contains("  "));
                prop_assert!(!s.chars().any(char::is_control));
            }
        }

        #[test]
        fn any_selector_no_panic(select in any::<String>()) {
            let _ = sentences("<p class=a>x</p>", Media::Html, Some(&select));
        }

        #[test]
        fn words_are_runs_of_letters_and_digits(s in any::<String>()) {
            let mut last = 0;
            for w in words(&s) {
                prop_assert!(w.start >= last && w.start < w.end);
                prop_assert!(s.is_char_boundary(w.start) && s.is_char_boundary(w.end));
                prop_assert!(s[w.start..w.end].chars().next().is_some_and(char::is_alphanumeric));
                last = w.end;
            }
        }
    }
}
