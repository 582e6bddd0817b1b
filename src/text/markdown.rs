//! Markdown to sentences: blank lines, headings, list items, block quotes,
//! thematic breaks, code fences and table rows end sentences; the markup is
//! stripped so that only the text a reader sees is compared.
//!
//! This is a line reader, not a `CommonMark` parser: it knows the block forms
//! news text uses and the inline forms (emphasis, code, links, images,
//! autolinks, escapes, inline tags), and treats anything else as text.
//! Every step is linear in the input, whatever the input.

use std::ops::Range;

use super::explain::Sink as Collector;

/// Reads a Markdown document into `col`.
pub(crate) fn read(body: &str, col: &mut Collector) {
    let mut fence: Option<(char, usize)> = None;
    for line in body.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim_start_matches([' ', '\t']);
        if let Some((mark, len)) = fence {
            // Code is shown line by line, as plain text is.
            if fence_marker(trimmed).is_some_and(|(m, l)| m == mark && l >= len)
                && trimmed.trim_start_matches(mark).trim().is_empty()
            {
                fence = None;
            } else {
                col.push_str(line);
            }
            col.end_block();
            continue;
        }
        read_line(trimmed, col, &mut fence);
    }
    col.end_block();
}

fn read_line(mut t: &str, col: &mut Collector, fence: &mut Option<(char, usize)>) {
    // Block quote markers: the quoted text is read like any other.
    if t.starts_with('>') {
        while let Some(rest) = t.strip_prefix('>') {
            t = rest.trim_start_matches([' ', '\t']);
        }
        if t.is_empty() {
            col.end_block();
            return;
        }
    }
    if t.trim().is_empty() {
        col.end_block();
        return;
    }
    if let Some(f) = fence_marker(t) {
        col.end_block();
        *fence = Some(f);
        return;
    }
    if let Some(heading) = atx_heading(t) {
        col.end_block();
        inline(heading, col);
        col.end_block();
        return;
    }
    // Thematic breaks and setext underlines ("===", "---") both end the block
    // above; neither is text.
    if is_rule(t) {
        col.end_block();
        return;
    }
    if let Some(item) = list_item(t) {
        col.end_block();
        t = item;
        if t.trim().is_empty() {
            return;
        }
    }
    if t.starts_with('|') {
        table_row(t, col);
        return;
    }
    if is_reference_definition(t) {
        return;
    }
    inline(t, col);
    // A line break inside a paragraph is a space.
    col.push_space();
}

/// Three or more backticks or tildes, opening or closing a code block.
fn fence_marker(t: &str) -> Option<(char, usize)> {
    let mark = t.chars().next().filter(|&c| c == '`' || c == '~')?;
    let len = t.chars().take_while(|&c| c == mark).count();
    (len >= 3).then_some((mark, len))
}

/// The text of an ATX heading ("## Title ##"), without its markers.
fn atx_heading(t: &str) -> Option<&str> {
    let level = t.bytes().take_while(|&b| b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &t[level..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    // A closing sequence of #s is dropped when it stands apart.
    let body = rest.trim_end_matches('#');
    if body.is_empty() || body.ends_with([' ', '\t']) {
        Some(body.trim_end())
    } else {
        Some(rest)
    }
}

/// "---", "***", "___" (spaces allowed) or a setext underline of = or -.
fn is_rule(t: &str) -> bool {
    let t = t.trim_end();
    let Some(mark) = t.chars().next() else {
        return false;
    };
    if !matches!(mark, '-' | '*' | '_' | '=') {
        return false;
    }
    let count = t.chars().filter(|&c| c == mark).count();
    let only = t.chars().all(|c| c == mark || c == ' ' || c == '\t');
    only && (count >= 3 || (mark == '=' && !t.contains(' ')))
}

/// The text of a list item ("- x", "* x", "+ x", "1. x", "1) x"), with a
/// task box ("[ ]", "[x]") removed.
fn list_item(t: &str) -> Option<&str> {
    let rest = if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        rest
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        t[digits..].strip_prefix(['.', ')'])?
    };
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim_start();
    for task in ["[ ] ", "[x] ", "[X] "] {
        if let Some(r) = rest.strip_prefix(task) {
            return Some(r);
        }
    }
    Some(rest)
}

/// A table row: one sentence, its cells joined by "; " as HTML rows are.
/// The delimiter row ("|---|:--:|") is not text.
fn table_row(t: &str, col: &mut Collector) {
    let inner = t.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    if inner
        .chars()
        .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '\t'))
    {
        return;
    }
    col.end_block();
    let mut cell_start = 0;
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || (bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\')) {
            col.start_cell();
            inline(&inner[cell_start..i], col);
            cell_start = i + 1;
        }
        i += 1;
    }
    col.end_whole();
}

/// "[label]: https://..." defines a link target; it is not text.
fn is_reference_definition(t: &str) -> bool {
    t.starts_with('[')
        && t.find("]:").is_some_and(|k| {
            let label = &t[1..k];
            !label.is_empty() && !label.contains(['[', ']'])
        })
}

/// Strips inline markup from one line and writes its text.
fn inline(line: &str, col: &mut Collector) {
    let text = strip_inline(line);
    col.push_str(&text);
}

/// Finds a byte after a position, remembering the last answer so that
/// repeated searches over one line stay linear.
struct Finder {
    byte: u8,
    /// The last search: from where, and what it found.
    last: Option<(usize, Option<usize>)>,
}

impl Finder {
    fn new(byte: u8) -> Self {
        Self { byte, last: None }
    }

    fn find(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        if let Some((start, found)) = self.last {
            match found {
                Some(at) if start <= from && from <= at => return Some(at),
                None if start <= from => return None,
                _ => {}
            }
        }
        let found = memchr_from(self.byte, bytes, from);
        self.last = Some((from, found));
        found
    }
}

fn memchr_from(byte: u8, bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|k| k + from)
}

/// The text of a line without its inline markup.
fn strip_inline(line: &str) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    // Byte ranges of `out` to remove at the end: a link's opening bracket, an
    // image's "![" and alt text. Brackets are written as text first and cut
    // once they prove to be markup, so nothing is ever inserted.
    let mut cut: Vec<Range<usize>> = Vec::new();
    // Open brackets: where in `out` they start, and whether an image opened.
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut close_paren = Finder::new(b')');
    let mut close_bracket = Finder::new(b']');
    let mut close_angle = Finder::new(b'>');
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push(bytes[i + 1] as char);
                i += 2;
            }
            b'`' => i += 1,
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                open.push((out.len(), true));
                out.push_str("![");
                i += 2;
            }
            b'[' => {
                open.push((out.len(), false));
                out.push('[');
                i += 1;
            }
            b']' => {
                let Some((at, image)) = open.pop() else {
                    out.push(']');
                    i += 1;
                    continue;
                };
                // [text](url) and [text][ref] are links; anything else is text.
                let target = match bytes.get(i + 1) {
                    Some(b'(') => close_paren.find(bytes, i + 2),
                    Some(b'[') => close_bracket.find(bytes, i + 2),
                    _ => None,
                };
                if let Some(end) = target {
                    cut.push(if image { at..out.len() } else { at..at + 1 });
                    i = end + 1;
                } else {
                    out.push(']');
                    i += 1;
                }
            }
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!') =>
            {
                if let Some(end) = close_angle.find(bytes, i + 1) {
                    let inner = &line[i + 1..end];
                    // An autolink shows its address; a tag shows nothing.
                    if inner.contains("://") || (inner.contains('@') && !inner.contains(' ')) {
                        out.push_str(inner);
                    }
                    i = end + 1;
                } else {
                    out.push('<');
                    i += 1;
                }
            }
            b'*' | b'_' | b'~' => {
                let run = bytes[i..].iter().take_while(|&&c| c == b).count();
                if is_emphasis(line, i, run, b) {
                    i += run;
                } else {
                    out.push_str(&line[i..i + run]);
                    i += run;
                }
            }
            _ => {
                let c = line[i..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    apply_cuts(out, cut)
}

/// Whether a run of `*`, `_` or `~` is emphasis markup: it touches a word on
/// exactly one side, or sits inside a word (`*` only; `snake_case` keeps its
/// underscore). "5 * 3" keeps its star. A single `~` is text.
fn is_emphasis(line: &str, at: usize, run: usize, mark: u8) -> bool {
    if mark == b'~' && run < 2 {
        return false;
    }
    let before = line[..at].chars().next_back();
    let after = line[at + run..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    match (word(before), word(after)) {
        (true, true) => {
            mark == b'*'
                || !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
        }
        (false, false) => false,
        _ => true,
    }
}

/// Removes the ranges in `cut` from `out` in one pass.
fn apply_cuts(out: String, mut cut: Vec<Range<usize>>) -> String {
    if cut.is_empty() {
        return out;
    }
    cut.sort_by_key(|r| r.start);
    let mut kept = String::with_capacity(out.len());
    let mut pos = 0;
    for r in cut {
        if r.start > pos {
            kept.push_str(&out[pos..r.start]);
        }
        pos = pos.max(r.end);
    }
    kept.push_str(&out[pos.min(out.len())..]);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(body: &str) -> Vec<String> {
        let mut col = Collector::default();
        read(body, &mut col);
        col.finish().0
    }

    #[test]
    fn blocks_end_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("one\ntwo\n\nthree", &["one two", "three"]),
            ("# Title\ntext", &["Title", "text"]),
            ("## Title ##\ntext", &["Title", "text"]),
            ("#hashtag here", &["#hashtag here"]),
            ("Title\n=====\ntext", &["Title", "text"]),
            ("Title\n---\ntext", &["Title", "text"]),
            (
                "intro\n- one\n- two\n* three\n+ four",
                &["intro", "one", "two", "three", "four"],
            ),
            (
                "1. first\n2) second\ncontinued",
                &["first", "second continued"],
            ),
            ("- [ ] todo\n- [x] done", &["todo", "done"]),
            ("> quoted\n> on\n>\n> two", &["quoted on", "two"]),
            ("a\n***\nb", &["a", "b"]),
            (
                "a\n```\nlet x = 1\nlet y = 2\n```\nb",
                &["a", "let x = 1", "let y = 2", "b"],
            ),
            (
                "| a | b |\n|---|:-:|\n| 1 | 2 |\n| | x |",
                &["a; b", "1; 2", "x"],
            ),
            ("[ref]: https://example.org\ntext", &["text"]),
            ("windows\r\nline\r\n\r\nends", &["windows line", "ends"]),
            ("One. Two\nthree", &["One.", "Two three"]),
        ];
        for (body, want) in cases {
            assert_eq!(md(body), *want, "{body:?}");
        }
    }

    #[test]
    fn inline_markup_is_stripped() {
        let cases: &[(&str, &str)] = &[
            ("**bold** and __strong__", "bold and strong"),
            ("*em* and _em_", "em and em"),
            ("snake_case_name stays", "snake_case_name stays"),
            ("5 * 3 = 15", "5 * 3 = 15"),
            ("a**b**c", "abc"),
            ("~~struck~~ ~ 5", "struck ~ 5"),
            ("`code` here", "code here"),
            (
                "see [the report](https://x.org/a_(b)) now",
                "see the report) now",
            ),
            ("see [the report](https://x.org) now", "see the report now"),
            ("see [the report][1] now", "see the report now"),
            ("a [bracket] stays", "a [bracket] stays"),
            ("![chart](c.png) Figure", " Figure"),
            ("[![badge](b.svg)](https://x.org) ok", " ok"),
            ("! [not] an image", "! [not] an image"),
            ("![alt no link", "![alt no link"),
            ("![alt] only", "![alt] only"),
            ("<https://x.org> and <a@b.org>", "https://x.org and a@b.org"),
            ("a <span class=\"x\">b</span> c", "a b c"),
            ("2 < 3 and a <b", "2 < 3 and a <b"),
            ("\\*not em\\* \\[x\\]", "*not em* [x]"),
            ("[[[[", "[[[["),
            ("]]]](", "]]]]("),
        ];
        for (line, want) in cases {
            assert_eq!(strip_inline(line), *want, "{line:?}");
        }
    }

    #[test]
    fn hostile_lines_are_linear() {
        let line = "[a](".repeat(100_000);
        assert_eq!(strip_inline(&line), "[a](".repeat(100_000));
        let line = "![x".repeat(100_000);
        assert_eq!(strip_inline(&line).len(), line.len());
    }
}
