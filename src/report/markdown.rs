//! The Markdown report, for a pull-request comment (GitHub and GitLab
//! flavours): a summary table, then one collapsible `<details>` section per
//! claim file with the failing claims first, their evidence and diffs.
//!
//! Every string of the report goes through [`escape::prose`], which turns
//! each character Markdown or HTML gives a meaning to into an entity (the
//! quotation marks and brackets of prose stay as they are: no string of
//! ours is an attribute value but the escaped link); the markup around it
//! (tables, `<del>`/`<ins>`, links) is ours alone. Sources
//! are linked only when they are `http(s)` URLs.

use std::fmt::Write as _;

use super::escape;
use super::{
    ClaimReport, EvidenceReport, FigureReport, FileReport, Report, STATEMENT_NOTE, Tally, VERDICTS,
    failing_first, interval, not_found_text, provenance, quoted, relation_name, run_line,
    source_verdict_name, statement_matched, verdict_name,
};
use crate::compare::{SourceVerdict, Verdict};

/// An emoji per verdict: the marks GitHub shows people at a glance.
fn mark(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Match => "✅",
        Verdict::Mismatch => "❌",
        Verdict::Disputed => "⚠️",
        Verdict::Unsourced => "➖",
        Verdict::NotFound => "❔",
        Verdict::Unreachable => "🚫",
    }
}

/// Renders `report` as a Markdown comment.
pub fn render(report: &Report) -> String {
    let tally = Tally::of(report);
    let mut out = String::new();
    let claims = report.summary.claims;
    let headline = if tally.failing == 0 {
        format!("all {claims} claims pass")
    } else {
        format!("{} of {claims} claims fail", tally.failing)
    };
    let _ = writeln!(out, "### factcheck: {headline}\n");
    out.push_str("| verdict | claims |\n|---|---:|\n");
    for verdict in VERDICTS {
        let _ = writeln!(
            out,
            "| {} {} | {} |",
            mark(verdict),
            verdict_name(verdict),
            report.summary.count(verdict)
        );
    }
    let _ = writeln!(out, "| **failing** | **{}** |", tally.failing);
    if tally.accepted > 0 {
        let _ = writeln!(out, "| accepted | {} |", tally.accepted);
    }
    if tally.changed > 0 {
        let _ = writeln!(out, "| changed since review | {} |", tally.changed);
    }
    let _ = writeln!(out, "\n<sub>{}</sub>", escape::prose(&run_line(report)));
    for file in &report.files {
        out.push('\n');
        file_section(&mut out, file, &report.run.started);
    }
    out
}

fn file_section(out: &mut String, file: &FileReport, started: &str) {
    let failing = file.claims.iter().filter(|c| c.failing).count();
    // Files with failures open, so the reader sees what to fix first.
    let open = if failing > 0 { " open" } else { "" };
    let _ = writeln!(
        out,
        "<details{open}>\n<summary><code>{}</code>: {} ({} failing of {})</summary>\n",
        escape::prose(&file.path),
        escape::prose(&file.article.title),
        failing,
        file.claims.len()
    );
    let mut article = Vec::new();
    if let Some(url) = &file.article.url {
        article.push(link(url));
    }
    if let Some(published) = &file.article.published {
        article.push(format!("published {}", escape::prose(published)));
    }
    if !article.is_empty() {
        let _ = writeln!(out, "Article: {}\n", article.join(", "));
    }
    for claim in failing_first(file) {
        if claim.failing || claim.changed_since_review {
            claim_details(out, claim, started);
        } else if statement_matched(claim) {
            let _ = writeln!(out, "- {}: {STATEMENT_NOTE}\n", claim_heading(claim));
        } else {
            let _ = writeln!(out, "- {}\n", claim_heading(claim));
        }
    }
    out.push_str("</details>\n");
}

fn claim_heading(claim: &ClaimReport) -> String {
    let mut heading = format!(
        "{} **{}** <code>{}</code>",
        mark(claim.verdict),
        verdict_name(claim.verdict),
        escape::prose(&claim.id)
    );
    if claim.failing {
        heading.push_str(" (fails)");
    }
    if claim.accepted {
        heading.push_str(" (accepted)");
    }
    if claim.changed_since_review {
        heading.push_str(" (changed since review)");
    }
    heading
}

fn figure(figure: &FigureReport) -> String {
    let mut text = format!(
        "“{}” = {}",
        escape::prose(&figure.text),
        interval_text(figure)
    );
    if let Some(restated) = &figure.restated {
        let _ = write!(
            text,
            " (restated “{}” = {})",
            escape::prose(&restated.text),
            interval_text(restated)
        );
    }
    text
}

/// A figure's interval, `[21, ∞)`: our own text (numbers, `∞` and a unit
/// code or word), which makes no Markdown link, so its brackets are written
/// as they are. A unit of other characters (a merged report is read from a
/// file) is escaped like any other text.
fn interval_text(figure: &FigureReport) -> String {
    let plain = figure.unit.as_deref().is_none_or(|u| {
        u.chars()
            .all(|c| c.is_alphanumeric() || c == '%' || c == ' ')
    });
    if plain {
        interval(figure)
    } else {
        escape::prose(&interval(figure))
    }
}

/// A source's address: a link when it is a web URL, else text.
fn link(url: &str) -> String {
    match escape::href(url) {
        Some(href) => format!("<a href=\"{href}\">{}</a>", escape::prose(url)),
        None => format!("<code>{}</code>", escape::prose(url)),
    }
}

fn claim_details(out: &mut String, claim: &ClaimReport, started: &str) {
    let _ = writeln!(out, "#### {}\n", claim_heading(claim));
    // Quotation marks of ours first, so no page text starts a Markdown line
    // (where `-`, `+` or `1.` would begin a list).
    let _ = writeln!(out, "> {}\n", quoted(&escape::prose(&claim.text)));
    if let Some(stated) = &claim.stated {
        let _ = writeln!(out, "Stated: {}\n", figure(stated));
    }
    if let Some(quote) = &claim.quote {
        let _ = writeln!(out, "Quote: {}\n", quoted(&escape::prose(quote)));
    }
    if statement_matched(claim) {
        let _ = writeln!(out, "A statement match means {STATEMENT_NOTE}.\n");
    }
    if claim.verdict == Verdict::Unsourced {
        out.push_str("No source listed.\n\n");
    }
    for evidence in &claim.evidence {
        evidence_item(out, evidence, started);
    }
    out.push('\n');
}

fn evidence_item(out: &mut String, evidence: &EvidenceReport, started: &str) {
    let mut head = format!(
        "- **{}** {}",
        source_verdict_name(evidence.verdict),
        escape::prose(&evidence.source)
    );
    if let Some(name) = &evidence.name {
        let _ = write!(head, " “{}”", escape::prose(name));
    }
    if evidence.url != evidence.source || escape::href(&evidence.url).is_some() {
        let _ = write!(head, " ({})", link(&evidence.url));
    }
    out.push_str(&head);
    out.push('\n');
    if let Some(read) = provenance(evidence, started) {
        let _ = writeln!(out, "  - read: {}", escape::prose(&read));
    }
    if let Some(found) = &evidence.found {
        let relation = evidence
            .relation
            .map(|r| format!(" ({})", relation_name(r)))
            .unwrap_or_default();
        let _ = writeln!(out, "  - found: {}{relation}", figure(found));
    }
    if let Some(passage) = &evidence.passage {
        let found = evidence.found.as_ref().map(|f| f.text.as_str());
        let marked = escape::marked(passage, found, "**", "**");
        let _ = writeln!(out, "  - passage: {marked}");
    }
    if !evidence.others.is_empty() {
        let others: Vec<String> = evidence.others.iter().map(figure).collect();
        let _ = writeln!(out, "  - other figures: {}", others.join(", "));
    }
    if let Some(diff) = &evidence.diff {
        let _ = writeln!(out, "  - quote diff: {}", escape::diff(diff));
    }
    if let Some(diff) = &evidence.review_diff {
        let _ = writeln!(out, "  - since review: {}", escape::diff(diff));
    }
    if let Some(error) = &evidence.error {
        let _ = writeln!(out, "  - reason: {}", escape::prose(error));
    }
    if evidence.verdict == SourceVerdict::NotFound {
        let _ = writeln!(out, "  - {}", escape::prose(&not_found_text(evidence)));
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
    fn readme_sample_is_real_output() {
        let readme = include_str!("../../README.md");
        let section = &readme[readme.find("## Reports").unwrap()..];
        let start = section.find("```markdown\n").unwrap() + "```markdown\n".len();
        let sample = &section[start..start + section[start..].find("```").unwrap()];
        assert!(sample.len() > 200);
        let out = render(&fixture::report());
        assert!(
            out.starts_with(sample),
            "README.md's sample is not what renders:\n{out}"
        );
    }

    #[test]
    fn failing_claims_come_first() {
        let out = render(&fixture::report());
        let at = |id: &str| out.find(&format!("<code>{id}</code>")).unwrap();
        // kazan-delegations (mismatch) is listed before zaporizhzhia-killed
        // (match), though it comes second in the file.
        assert!(at("kazan-delegations") < at("zaporizhzhia-killed"));
        assert!(at("grain-corridor") < at("wounded"));
    }

    #[test]
    fn hostile_text_is_escaped() {
        let out = render(&fixture::hostile());
        fixture::assert_no_raw_controls(&out);
        fixture::assert_no_script_links(&out);
        for raw in [
            "<script",
            "<img",
            "]]>",
            "|",
            "`",
            "[link]",
            "](javascript",
            "<a href=\"javascript",
        ] {
            let in_table = out
                .lines()
                .filter(|l| l.starts_with('|'))
                .collect::<Vec<_>>();
            let outside: String = out
                .lines()
                .filter(|l| !l.starts_with('|'))
                .collect::<Vec<_>>()
                .join("\n");
            assert!(!outside.contains(raw), "raw {raw:?} in:\n{out}");
            // Table rows are ours: exactly the summary's cells.
            assert!(
                in_table.iter().all(|l| l.matches('|').count() == 3),
                "{in_table:?}"
            );
        }
        // Prose keeps its brackets: with `[` and `]` escaped they make no link.
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(out.contains("&#91;link&#93;(javascript:alert(1))"));
        // javascript: URLs are shown as text, never linked.
        assert!(!out.to_lowercase().contains("href=\"javascript"));
        assert!(out.contains("href=\"https://evil.example/%3Cscript%3E?a=%22b%22\""));
    }
}
