//! The JSON report: the spec's contract (../shared/spec/cli.md, "The JSON
//! report"), pretty-printed. The field names are the serde names of the
//! report model, so this file only chooses how strings are written.
//!
//! JSON strings may hold any character, but a JSON report is also `cat` to
//! terminals and pasted into `<script>` elements: characters a terminal acts
//! on (C1 controls, bidi controls, line separators) and `<`, `>`, `&` are
//! written as `\u` escapes. A JSON parser reads back exactly the same text.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::Report;

/// `report` as the spec's pretty JSON, ending with a newline.
pub fn render(report: &Report) -> String {
    to_safe_json(report)
}

/// `value` as pretty JSON with hostile characters `\u`-escaped.
pub(crate) fn to_safe_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, SafeFormatter::default());
    match value.serialize(&mut serializer) {
        Ok(()) => {
            out.push(b'\n');
            // The formatter writes only UTF-8 text.
            String::from_utf8_lossy(&out).into_owned()
        }
        // Serialising the report model cannot fail (no maps with non-string
        // keys, no I/O); should it ever, say so in JSON rather than panic.
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

/// Whether a character inside a JSON string is written as `\uXXXX`.
fn needs_escape(c: char) -> bool {
    matches!(c,
        '<' | '>' | '&'
        | '\u{7f}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{fffe}' | '\u{ffff}')
}

/// `serde_json`'s pretty formatter, with [`needs_escape`] characters escaped.
#[derive(Default)]
struct SafeFormatter {
    pretty: PrettyFormatter<'static>,
}

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| needs_escape(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    /// Whole numbers are written as integers (`15`, not `15.0`), as the
    /// spec's example shows them; others as `serde_json` writes them.
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
        if value.is_finite() && value.fract() == 0.0 && value.abs() < EXACT {
            write!(writer, "{}", value as i64)
        } else {
            self.pretty.write_f64(writer, value)
        }
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render(&fixture::report()));
    }

    #[test]
    fn whole_numbers_are_integers() {
        let out = to_safe_json(&[15.0, 2.26e9, 2.255e9, 0.5, -3.0, 1e300]);
        let compact: String = out.split_whitespace().collect();
        assert_eq!(compact, "[15,2260000000,2255000000,0.5,-3,1e+300]");
    }

    #[test]
    fn keys_follow_the_spec() {
        let value: serde_json::Value = serde_json::from_str(&render(&fixture::report())).unwrap();
        let keys = |v: &serde_json::Value| -> Vec<String> {
            let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        assert_eq!(keys(&value), ["files", "run", "summary", "version"]);
        assert_eq!(keys(&value["run"]), ["locked", "shard", "started", "tool"]);
        assert_eq!(
            keys(&value["summary"]),
            [
                "claims",
                "disputed",
                "match",
                "mismatch",
                "not-found",
                "unreachable",
                "unsourced"
            ]
        );
        let file = &value["files"][0];
        assert_eq!(keys(file), ["article", "claims", "path", "warnings"]);
        assert_eq!(keys(&file["article"]), ["published", "title", "url"]);
        let claim = &file["claims"][0];
        assert_eq!(
            keys(claim),
            [
                "accepted",
                "changed_since_review",
                "evidence",
                "failing",
                "id",
                "kind",
                "line",
                "stated",
                "text",
                "verdict"
            ]
        );
        assert_eq!(
            keys(&claim["evidence"][0]),
            [
                "binding",
                "diff",
                "error",
                "found",
                "name",
                "notes",
                "origin",
                "others",
                "passage",
                "read_at",
                "reason",
                "relation",
                "review_diff",
                "source",
                "source_review",
                "url",
                "verdict"
            ]
        );
        assert_eq!(
            keys(&claim["stated"]),
            [
                "high",
                "high_open",
                "kind",
                "low",
                "low_open",
                "text",
                "unit"
            ]
        );
        assert_eq!(value["summary"]["not-found"], 1);
        assert_eq!(file["claims"][6]["verdict"], "not-found");
        assert_eq!(file["claims"][3]["evidence"][0]["diff"][1]["op"], "delete");
    }

    #[test]
    fn hostile_text_is_escaped_and_reads_back_unchanged() {
        let report = fixture::hostile();
        let out = render(&report);
        fixture::assert_no_raw_controls(&out);
        assert!(!out.contains('<') && !out.contains('>'), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["files"][0]["path"], fixture::HOSTILE);
        assert_eq!(
            back["files"][0]["claims"][0]["evidence"][0]["passage"],
            format!("{h} 1 {h}", h = fixture::HOSTILE)
        );
    }
}
