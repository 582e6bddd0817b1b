//! The terminal report, for people: claims grouped by file, one line per
//! claim with a verdict mark, details under the claims that fail (and those
//! whose evidence changed since review), and a summary line.
//!
//! Colour is a value the caller decides (`NO_COLOR`, not a terminal,
//! `--color`); without it the marks and the diff markers (`[-old-]`,
//! `{+new+}`, `»found«`) carry the same meaning. Every string is cleaned of
//! control characters first, so nothing from a page can drive the terminal.

use std::fmt::Write as _;

use super::escape::clean;
use super::{
    ClaimReport, EvidenceReport, FigureReport, Origin, RenderOptions, Report, STATEMENT_NOTE,
    Tally, VERDICTS, interval, locate, not_found_text, provenance, relation_name, run_line,
    source_verdict_name, statement_matched, verdict_name,
};
use crate::compare::{DiffOp, Op, SourceVerdict, Verdict};

/// The narrowest width wrapping honours; narrower terminals get this.
const MIN_WIDTH: usize = 40;

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Dim,
    Bold,
    Green,
    Red,
    Yellow,
    Magenta,
    Deleted,
    Inserted,
    Found,
}

impl Style {
    fn sgr(self) -> &'static str {
        match self {
            Style::Plain => "",
            Style::Dim => "\u{1b}[2m",
            Style::Bold => "\u{1b}[1m",
            Style::Green => "\u{1b}[32m",
            Style::Red => "\u{1b}[31m",
            Style::Yellow => "\u{1b}[33m",
            Style::Magenta => "\u{1b}[35m",
            Style::Deleted => "\u{1b}[31;9m",
            Style::Inserted => "\u{1b}[32;4m",
            Style::Found => "\u{1b}[1;4m",
        }
    }
}

/// `text` in `style` when colour is on.
fn paint(text: &str, style: Style, color: bool) -> String {
    if color && style != Style::Plain {
        format!("{}{text}\u{1b}[0m", style.sgr())
    } else {
        text.to_string()
    }
}

/// A claim verdict's mark and colour.
fn mark(verdict: Verdict) -> (&'static str, Style) {
    match verdict {
        Verdict::Match => ("✓", Style::Green),
        Verdict::Mismatch => ("✗", Style::Red),
        Verdict::Disputed => ("±", Style::Yellow),
        Verdict::Unsourced => ("-", Style::Dim),
        Verdict::NotFound => ("?", Style::Yellow),
        Verdict::Unreachable => ("!", Style::Magenta),
    }
}

/// A source verdict's mark and colour.
fn source_mark(verdict: SourceVerdict) -> (&'static str, Style) {
    match verdict {
        SourceVerdict::Match => ("✓", Style::Green),
        SourceVerdict::Mismatch => ("✗", Style::Red),
        SourceVerdict::NotFound => ("?", Style::Yellow),
        SourceVerdict::Unreachable => ("!", Style::Magenta),
    }
}

/// Renders `report` for a terminal.
pub fn render(report: &Report, options: &RenderOptions) -> String {
    let color = options.color;
    let width = options.width.max(MIN_WIDTH);
    let mut out = String::new();
    for file in &report.files {
        let _ = writeln!(
            out,
            "{}  {}",
            paint(&clean(&file.path), Style::Bold, color),
            paint(&clean(&file.article.title), Style::Dim, color)
        );
        for claim in &file.claims {
            claim_line(&mut out, claim, options);
            if claim.failing || claim.changed_since_review || options.verbose {
                details(&mut out, claim, width, color, &report.run.started);
            } else if statement_matched(claim) {
                let note = vec![(Style::Dim, format!("note: {STATEMENT_NOTE}"))];
                out.push_str(&wrap(&note, 6, width, color));
            }
        }
        out.push('\n');
    }
    let run = vec![(Style::Dim, run_line(report))];
    out.push_str(&wrap(&run, 0, width, color));
    summary_line(&mut out, report, options);
    out
}

fn claim_line(out: &mut String, claim: &ClaimReport, options: &RenderOptions) {
    let color = options.color;
    let (symbol, style) = mark(claim.verdict);
    let name = format!("{:<11}", verdict_name(claim.verdict));
    let mut line = format!(
        "  {} {} {}",
        paint(symbol, style, color),
        paint(&name, style, color),
        clean(&claim.id)
    );
    if claim.accepted {
        line.push_str(&paint("  (accepted)", Style::Dim, color));
    }
    if claim.changed_since_review {
        line.push_str(&paint("  (changed since review)", Style::Yellow, color));
    }
    if claim.failing {
        line.push_str(&paint("  FAIL", Style::Bold, color));
    }
    out.push_str(&line);
    out.push('\n');
}

fn figure_text(figure: &FigureReport) -> String {
    let mut text = format!("\"{}\" = {}", clean(&figure.text), clean(&interval(figure)));
    if let Some(restated) = &figure.restated {
        let _ = write!(
            text,
            " (restated \"{}\" = {})",
            clean(&restated.text),
            clean(&interval(restated))
        );
    }
    text
}

/// The details of `claim` as plain text, as the terminal shows them under a
/// failing claim (`JUnit`'s system-out reuses them).
pub(crate) fn plain_details(claim: &ClaimReport, width: usize, started: &str) -> String {
    let mut out = String::new();
    details(&mut out, claim, width, false, started);
    out
}

fn details(out: &mut String, claim: &ClaimReport, width: usize, color: bool, started: &str) {
    out.push_str(&wrap(
        &[
            (Style::Dim, "claim:".into()),
            (Style::Plain, clean(&claim.text)),
        ],
        6,
        width,
        color,
    ));
    if let Some(stated) = &claim.stated {
        out.push_str(&wrap(
            &[
                (Style::Dim, "stated:".into()),
                (Style::Plain, figure_text(stated)),
            ],
            6,
            width,
            color,
        ));
    }
    if let Some(quote) = &claim.quote {
        out.push_str(&wrap(
            &[
                (Style::Dim, "quote:".into()),
                (Style::Plain, format!("\"{}\"", clean(quote))),
            ],
            6,
            width,
            color,
        ));
    }
    if statement_matched(claim) {
        out.push_str(&wrap(
            &[(
                Style::Dim,
                format!("note: a statement match means {STATEMENT_NOTE}"),
            )],
            6,
            width,
            color,
        ));
    }
    if claim.verdict == Verdict::Unsourced {
        out.push_str(&wrap(
            &[(Style::Dim, "no source listed".into())],
            6,
            width,
            color,
        ));
    }
    for evidence in &claim.evidence {
        evidence_lines(out, evidence, width, color, started);
    }
}

fn evidence_lines(
    out: &mut String,
    evidence: &EvidenceReport,
    width: usize,
    color: bool,
    started: &str,
) {
    let (symbol, style) = source_mark(evidence.verdict);
    let mut head = vec![
        (
            style,
            format!("{symbol} {}", source_verdict_name(evidence.verdict)),
        ),
        (Style::Bold, clean(&evidence.source)),
    ];
    if let Some(name) = &evidence.name {
        head.push((Style::Plain, format!("“{}”", clean(name))));
    }
    if evidence.url != evidence.source {
        head.push((Style::Plain, clean(&evidence.url)));
    }
    out.push_str(&wrap(&head, 6, width, color));
    if let Some(read) = provenance(evidence, started) {
        let style = if evidence.origin == Some(Origin::Cache) {
            Style::Yellow
        } else {
            Style::Plain
        };
        out.push_str(&wrap(
            &[(Style::Dim, "read:".into()), (style, clean(&read))],
            10,
            width,
            color,
        ));
    }
    if let Some(found) = &evidence.found {
        let mut text = figure_text(found);
        if let Some(relation) = evidence.relation {
            let _ = write!(text, " ({})", relation_name(relation));
        }
        out.push_str(&wrap(
            &[(Style::Dim, "found:".into()), (Style::Plain, text)],
            10,
            width,
            color,
        ));
    }
    if let Some(passage) = &evidence.passage {
        let mut spans = vec![(Style::Dim, "passage:".to_string())];
        let range = evidence
            .found
            .as_ref()
            .and_then(|found| locate(passage, &found.text));
        match range {
            Some(range) => {
                spans.push((Style::Plain, clean(&passage[..range.start])));
                spans.push((
                    Style::Found,
                    format!("»{}«", clean(&passage[range.clone()])),
                ));
                spans.push((Style::Plain, clean(&passage[range.end..])));
            }
            None => spans.push((Style::Plain, clean(passage))),
        }
        out.push_str(&wrap(&spans, 10, width, color));
    }
    if !evidence.others.is_empty() {
        let others: Vec<String> = evidence.others.iter().map(figure_text).collect();
        out.push_str(&wrap(
            &[
                (Style::Dim, "other figures:".into()),
                (Style::Plain, others.join(", ")),
            ],
            10,
            width,
            color,
        ));
    }
    if let Some(binding) = &evidence.binding {
        let mut text = binding.step.name().to_string();
        if !binding.set_aside.is_empty() {
            let aside: Vec<String> = binding
                .set_aside
                .iter()
                .map(|a| format!("{} ({})", clean(&a.text), a.step.name()))
                .collect();
            let _ = write!(text, "; set aside: {}", aside.join(", "));
        }
        out.push_str(&wrap(
            &[(Style::Dim, "bound by:".into()), (Style::Plain, text)],
            10,
            width,
            color,
        ));
    }
    if let Some(review) = &evidence.source_review {
        let mut text = format!("rated {}", clean(&review.rating));
        if let Some(claim) = &review.claim_reviewed {
            let _ = write!(text, ": “{}”", clean(claim));
        }
        out.push_str(&wrap(
            &[(Style::Dim, "fact-check:".into()), (Style::Plain, text)],
            10,
            width,
            color,
        ));
    }
    if let Some(diff) = &evidence.diff {
        out.push_str(&wrap(&diff_spans("quote diff:", diff), 10, width, color));
    }
    if let Some(diff) = &evidence.review_diff {
        out.push_str(&wrap(&diff_spans("since review:", diff), 10, width, color));
    }
    if let Some(error) = &evidence.error {
        out.push_str(&wrap(
            &[(Style::Dim, "reason:".into()), (Style::Plain, clean(error))],
            10,
            width,
            color,
        ));
    }
    if evidence.verdict == SourceVerdict::NotFound {
        out.push_str(&wrap(
            &[(Style::Dim, clean(&not_found_text(evidence)))],
            10,
            width,
            color,
        ));
    }
}

fn diff_spans(label: &str, diff: &[DiffOp]) -> Vec<(Style, String)> {
    let mut spans = vec![(Style::Dim, label.to_string())];
    for op in diff {
        let text = clean(&op.text);
        spans.push(match op.op {
            Op::Equal => (Style::Plain, text),
            Op::Delete => (Style::Deleted, format!("[-{text}-]")),
            Op::Insert => (Style::Inserted, format!("{{+{text}+}}")),
        });
    }
    spans
}

/// The closing summary line, without colour ("22 claims: 16 match, ...;
/// 5 failing"), for the formats that end with it too.
pub(crate) fn plain_summary(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    summary_line(
        &mut out,
        report,
        &RenderOptions {
            color: false,
            ..options.clone()
        },
    );
    out
}

fn summary_line(out: &mut String, report: &Report, options: &RenderOptions) {
    let color = options.color;
    let tally = Tally::of(report);
    let mut parts = Vec::new();
    for verdict in VERDICTS {
        let n = report.summary.count(verdict);
        if n > 0 {
            let (_, style) = mark(verdict);
            parts.push(paint(
                &format!("{n} {}", verdict_name(verdict)),
                style,
                color,
            ));
        }
    }
    let claims = report.summary.claims;
    let mut line = format!(
        "{claims} claim{}: {}",
        if claims == 1 { "" } else { "s" },
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(", ")
        }
    );
    if tally.accepted > 0 {
        let _ = write!(line, "; {} accepted", tally.accepted);
    }
    if tally.changed > 0 {
        let _ = write!(line, "; {} changed since review", tally.changed);
    }
    let verdict = if tally.failing == 0 {
        paint("passed", Style::Green, color)
    } else {
        paint(&format!("{} failing", tally.failing), Style::Red, color)
    };
    let _ = writeln!(out, "{line}; {verdict}");
}

/// Lays styled runs out as lines no wider than `width` (counting
/// characters, not escape codes), the first `indent` spaces in and the
/// others two more, so a wrapped passage does not read as a new item. Words
/// longer than a line are cut, so a URL never pushes a line past the edge.
fn wrap(spans: &[(Style, String)], indent: usize, width: usize, color: bool) -> String {
    let hang = indent + 2;
    let room_at = |line: usize| {
        width
            .saturating_sub(if line == 0 { indent } else { hang })
            .max(10)
    };
    let mut lines: Vec<Vec<(Style, String)>> = vec![Vec::new()];
    let mut used = 0usize;
    // Spans are separate words, except the text right after a marked figure:
    // when it starts without a space it continues the figure's word
    // ("»15«" then "." is "»15«.", not "»15« .").
    let mut after_found = false;
    for (style, text) in spans {
        let mut glue = after_found && *style == Style::Plain && !text.starts_with(' ');
        after_found = *style == Style::Found;
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let mut word: Vec<char> = word.chars().collect();
            let glued = std::mem::take(&mut glue);
            loop {
                let room = room_at(lines.len() - 1);
                let len = word.len();
                let gap = usize::from(used > 0 && !glued);
                if used + gap + len <= room {
                    push_word(&mut lines, *style, &word, gap == 1);
                    used += gap + len;
                    break;
                }
                if used > 0 {
                    lines.push(Vec::new());
                    used = 0;
                    continue;
                }
                // Alone on its line and still too long: cut it.
                let rest = word.split_off(room);
                push_word(&mut lines, *style, &word, false);
                lines.push(Vec::new());
                word = rest;
                if word.is_empty() {
                    break;
                }
            }
        }
    }
    let mut out = String::new();
    for (i, line) in lines.iter().filter(|l| !l.is_empty()).enumerate() {
        out.push_str(&" ".repeat(if i == 0 { indent } else { hang }));
        for (style, text) in line {
            // The space before a run is part of the run; keep it unstyled.
            match text.strip_prefix(' ') {
                Some(rest) => {
                    out.push(' ');
                    out.push_str(&paint(rest, *style, color));
                }
                None => out.push_str(&paint(text, *style, color)),
            }
        }
        out.push('\n');
    }
    out
}

/// Adds a word to the last line, joining it to the run before when the
/// style is the same.
fn push_word(lines: &mut [Vec<(Style, String)>], style: Style, word: &[char], space: bool) {
    let Some(line) = lines.last_mut() else {
        return;
    };
    let word: String = word.iter().collect();
    match line.last_mut() {
        Some((last, text)) if *last == style => {
            if space {
                text.push(' ');
            }
            text.push_str(&word);
        }
        _ => line.push((style, if space { format!(" {word}") } else { word })),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Format, fixture};
    use super::*;

    fn options(color: bool, width: usize) -> RenderOptions {
        RenderOptions {
            format: Format::Term,
            color,
            width,
            ..RenderOptions::default()
        }
    }

    #[test]
    fn snapshot_plain() {
        insta::assert_snapshot!(render(&fixture::report(), &options(false, 80)));
    }

    #[test]
    fn snapshot_colour() {
        let out = render(&fixture::report(), &options(true, 80));
        // Escapes made visible so the snapshot is readable.
        insta::assert_snapshot!(out.replace('\u{1b}', "␛"));
    }

    #[test]
    fn no_colour_means_no_escape_codes() {
        let out = render(&fixture::report(), &options(false, 80));
        assert!(!out.contains('\u{1b}'));
        assert!(render(&fixture::report(), &options(true, 80)).contains("\u{1b}[31m"));
    }

    #[test]
    fn lines_fit_the_width() {
        for width in [40, 60, 80, 120] {
            let out = render(&fixture::report(), &options(false, width));
            for line in out.lines().filter(|l| l.starts_with("      ")) {
                assert!(line.chars().count() <= width, "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn wrap_table() {
        let cases: [(&str, usize, &str); 4] = [
            ("one two three", 20, "  one two three\n"),
            ("one two three", 12, "  one two\n    three\n"),
            (
                "abcdefghijklmnopqrstu",
                12,
                "  abcdefghij\n    klmnopqrst\n    u\n",
            ),
            ("  spaced   out  ", 20, "  spaced out\n"),
        ];
        for (text, width, want) in cases {
            let got = wrap(&[(Style::Plain, text.to_string())], 2, width, false);
            assert_eq!(got, want, "{text:?} at {width}");
        }
    }

    #[test]
    fn punctuation_after_a_marked_figure_stays_attached() {
        let spans = [
            (Style::Plain, "injured rose to".to_string()),
            (Style::Found, "»20«".to_string()),
            (Style::Plain, ", officials said.".to_string()),
        ];
        assert_eq!(
            wrap(&spans, 2, 80, false),
            "  injured rose to »20«, officials said.\n"
        );
        let spaced = [
            (Style::Found, "»20«".to_string()),
            (Style::Plain, " injured".to_string()),
        ];
        assert_eq!(wrap(&spaced, 2, 80, false), "  »20« injured\n");
    }

    #[test]
    fn hostile_text_never_reaches_the_terminal() {
        for color in [false, true] {
            let out = render(&fixture::hostile(), &options(color, 80));
            let without_ours = out
                .replace("\u{1b}[0m", "")
                .replace("\u{1b}[1;4m", "")
                .replace("\u{1b}[31;9m", "")
                .replace("\u{1b}[32;4m", "");
            let stripped: String = [
                "\u{1b}[1m",
                "\u{1b}[2m",
                "\u{1b}[31m",
                "\u{1b}[32m",
                "\u{1b}[33m",
                "\u{1b}[35m",
            ]
            .iter()
            .fold(without_ours, |s, code| s.replace(code, ""));
            fixture::assert_no_raw_controls(&stripped);
            // The page's own "ESC [31m" is shown as harmless text.
            assert!(out.contains("[31mred"));
        }
    }
}
