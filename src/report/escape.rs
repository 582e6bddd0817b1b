//! Making hostile text safe: the one escaping helper the Markdown and HTML
//! formats share, and the control-character filter every format applies
//! first. Passages, titles, URLs and error messages come from web pages and
//! servers, so every string of a report goes through here before it is
//! written into markup or onto a terminal.
//!
//! Limits: this escapes for HTML text and attribute values, and for GitHub
//! flavoured Markdown text outside code spans (the formats never put report
//! text inside backtick code spans, which cannot be escaped; they use
//! `<code>` with entities instead). XML for `JUnit` is escaped by `quick-junit`.

use crate::compare::{DiffOp, Op};

/// Whether `c` must never reach an output: C0 and C1 controls (ESC starts
/// terminal escape sequences), DEL, the bidirectional controls that can make
/// text read differently from what it is (Trojan Source), and the two
/// non-characters XML forbids.
fn is_hostile(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{fffe}' | '\u{ffff}')
}

/// Whether `c` separates words: white-space controls and line separators
/// become a plain space, so a passage stays on its line.
fn is_break(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `text` with every control character removed and every line break turned
/// into a space: what may be shown on a terminal or put in a table cell.
#[must_use]
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_break(c) {
            out.push(' ');
        } else if !is_hostile(c) {
            out.push(c);
        }
    }
    out
}

/// `text` cleaned and escaped for HTML text or a quoted attribute value, and
/// for GitHub Markdown text (table cells included): every character that
/// either syntax gives a meaning to becomes a numeric or named entity, which
/// both render as the character itself.
#[must_use]
pub fn text(text: &str) -> String {
    escape(text, true)
}

/// As [`text`], but quotation marks, apostrophes, brackets and `!` stay as
/// they are: for element text and Markdown prose, never an attribute value.
/// A Markdown reader of the raw comment sees `"We have" (AP)`, not
/// `&quot;We have&quot; &#40;AP&#41;`. Quotes only end an attribute, and
/// `(` and `!` only make a link or an image after a `[` or `]`, which are
/// still escaped.
#[must_use]
pub fn prose(text: &str) -> String {
    escape(text, false)
}

fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' | '\'' | '(' | ')' | '!' if !attribute => out.push(c),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Markdown: tables, code, emphasis, links, images, headings,
            // strikethrough, backslash escapes, and GitHub's @mentions and
            // #references (which would notify people or link issues).
            '|' => out.push_str("&#124;"),
            '`' => out.push_str("&#96;"),
            '*' => out.push_str("&#42;"),
            '_' => out.push_str("&#95;"),
            '[' => out.push_str("&#91;"),
            ']' => out.push_str("&#93;"),
            '(' => out.push_str("&#40;"),
            ')' => out.push_str("&#41;"),
            '!' => out.push_str("&#33;"),
            '#' => out.push_str("&#35;"),
            '~' => out.push_str("&#126;"),
            '\\' => out.push_str("&#92;"),
            '@' => out.push_str("&#64;"),
            c => out.push(c),
        }
    }
    out
}

/// `url` as an escaped `href` value when it is an `http` or `https` URL, else
/// `None`: a local path or a `javascript:` URL is shown as text, never linked.
#[must_use]
pub fn href(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return None;
    }
    // The serialised URL is percent-encoded; entities keep `&` and quotes
    // out of the attribute syntax.
    Some(text(parsed.as_str()))
}

/// A word diff as `<del>` and `<ins>` markup around escaped words (element
/// text, so quotation marks stay as they are): valid
/// HTML, and rendered by GitHub and GitLab Markdown as struck-through and
/// underlined words.
#[must_use]
pub fn diff(diff: &[DiffOp]) -> String {
    let parts: Vec<String> = diff
        .iter()
        .map(|op| {
            let words = prose(&op.text);
            match op.op {
                Op::Equal => words,
                Op::Delete => format!("<del>{words}</del>"),
                Op::Insert => format!("<ins>{words}</ins>"),
            }
        })
        .collect();
    parts.join(" ")
}

/// An evidence passage, escaped as prose (element text), with the figure
/// found (where it stands in the passage) wrapped in `open` and `close`
/// (`<mark>`, `**`).
#[must_use]
pub fn marked(passage: &str, found: Option<&str>, open: &str, close: &str) -> String {
    match found.and_then(|found| super::locate(passage, found)) {
        Some(range) => format!(
            "{}{open}{}{close}{}",
            prose(&passage[..range.start]),
            prose(&passage[range.clone()]),
            prose(&passage[range.end..])
        ),
        None => prose(passage),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_controls_and_keeps_text() {
        let cases = [
            ("plain words", "plain words"),
            ("red \u{1b}[31mtext\u{1b}[0m", "red [31mtext[0m"),
            ("csi \u{9b}31m c1", "csi 31m c1"),
            ("line\nbreak\r\ntab\t", "line break  tab "),
            ("bidi \u{202e}txt.exe\u{202c}", "bidi txt.exe"),
            ("isolate \u{2066}x\u{2069} mark \u{200f}", "isolate x mark "),
            ("bell\u{7}del\u{7f}nul\u{0}", "belldelnul"),
            ("£2.26bn – “quoted” é", "£2.26bn – “quoted” é"),
            ("sep\u{2028}para\u{2029}", "sep para "),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input), want, "input {input:?}");
        }
    }

    #[test]
    fn text_escapes_every_markup_character() {
        let cases = [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;",
            ),
            ("a | b", "a &#124; b"),
            ("`code`", "&#96;code&#96;"),
            ("]]>", "&#93;&#93;&gt;"),
            ("*bold* _em_", "&#42;bold&#42; &#95;em&#95;"),
            (
                "[x](javascript:alert(1))",
                "&#91;x&#93;&#40;javascript:alert&#40;1&#41;&#41;",
            ),
            ("\"q\" 'a' & b", "&quot;q&quot; &#39;a&#39; &amp; b"),
            (
                "@team #12 ~~s~~ \\",
                "&#64;team &#35;12 &#126;&#126;s&#126;&#126; &#92;",
            ),
            ("two\nlines", "two lines"),
            ("esc \u{1b}[31m", "esc &#91;31m"),
        ];
        for (input, want) in cases {
            assert_eq!(text(input), want, "input {input:?}");
        }
    }

    #[test]
    fn prose_keeps_quotes_and_brackets_but_no_markup() {
        let cases = [
            ("\"We have\" (AP) isn't it!", "\"We have\" (AP) isn't it!"),
            (
                "[x](javascript:alert(1))",
                "&#91;x&#93;(javascript:alert(1))",
            ),
            ("![img](u)", "!&#91;img&#93;(u)"),
            ("<b onclick=\"x\">", "&lt;b onclick=\"x\"&gt;"),
            (
                "*a* _b_ `c` | @d #1 ~e~ \\",
                "&#42;a&#42; &#95;b&#95; &#96;c&#96; &#124; &#64;d &#35;1 &#126;e&#126; &#92;",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(prose(input), want, "input {input:?}");
        }
        let marked = marked("He said \"14 died\" (AP).", Some("14"), "**", "**");
        assert_eq!(marked, "He said \"**14** died\" (AP).");
        let diff = diff(&[DiffOp {
            op: Op::Insert,
            text: "\"x\" <y>".to_owned(),
        }]);
        assert_eq!(diff, "<ins>\"x\" &lt;y&gt;</ins>");
    }

    #[test]
    fn href_links_only_web_urls() {
        let cases = [
            (
                "https://example.org/a?b=1&c=2",
                Some("https://example.org/a?b=1&amp;c=2"),
            ),
            ("http://example.org", Some("http://example.org/")),
            ("HTTPS://Example.ORG/x y", Some("https://example.org/x%20y")),
            ("javascript:alert(1)", None),
            ("JavaScript:alert(1)", None),
            ("data:text/html,<script>", None),
            ("file:///etc/passwd", None),
            ("sources/report.html", None),
            ("../archive/page.html", None),
            (
                "https://example.org/\"onmouseover=\"x",
                Some("https://example.org/%22onmouseover=%22x"),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(href(input).as_deref(), want, "input {input:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn no_markup_or_control_survives(input in "\\PC*|[\\x00-\\x{9f}<>|`\\[\\]*_\\u{202a}-\\u{202e}]*") {
            for escaped in [text(&input), prose(&input)] {
                for c in ['<', '>', '|', '`', '[', ']', '*', '_', '\n', '\u{1b}', '\u{9b}', '\u{202e}'] {
                    proptest::prop_assert!(!escaped.contains(c), "{:?} in {:?}", c, escaped);
                }
            }
            let cleaned = clean(&input);
            proptest::prop_assert!(!cleaned.chars().any(is_hostile));
        }
    }
}
