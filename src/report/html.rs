//! The HTML report: one self-contained page (inline CSS and a little inline
//! JavaScript, no external request of any kind) with the summary counts, a
//! filter by verdict, and each claim with its evidence: the figure found
//! marked in its passage (`<mark>`), quote and review diffs as `<del>` and
//! `<ins>`, and links to the sources.
//!
//! Every string of the report goes through [`escape`], the helper the
//! Markdown format shares. Only `http(s)` URLs become links (with
//! `rel="noopener noreferrer"`); local paths and anything else are text. A
//! Content-Security-Policy allows no network at all and only the page's own
//! script (by its hash), so even a mistake in escaping could not run a
//! page's script or load anything.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::escape;
use super::{
    ClaimReport, EvidenceReport, FigureReport, FileReport, Report, STATEMENT_NOTE, Tally, VERDICTS,
    failing_first, interval, not_found_text, provenance, quoted, relation_name, run_line,
    source_verdict_name, statement_matched, verdict_name,
};
use crate::compare::{SourceVerdict, Verdict};

const STYLE: &str = r#"
:root { --fg: #1d2330; --muted: #5b6475; --bg: #f6f7f9; --card: #fff; --line: #dde1e8;
  --match: #1a7f37; --mismatch: #c62828; --disputed: #b26a00; --unsourced: #6b7280;
  --not-found: #a15c00; --unreachable: #7b3fb2; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); }
header { background: var(--card); border-bottom: 1px solid var(--line); padding: 16px 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
.headline { margin: 0 0 12px; color: var(--muted); }
.headline.failing { color: var(--mismatch); font-weight: 600; }
.counts { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 0; padding: 0; border: 0; }
.count { display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px;
  border: 1px solid var(--line); border-radius: 999px; background: var(--bg); cursor: pointer; }
.count b { font-size: 16px; }
.count .dot { width: 10px; height: 10px; border-radius: 50%; background: currentColor; }
.filter-extra { margin-top: 8px; color: var(--muted); }
main { max-width: 1040px; margin: 0 auto; padding: 16px 24px 48px; }
section.file { margin: 20px 0; }
h2 { font-size: 16px; margin: 0; word-break: break-all; }
.article { margin: 2px 0 10px; color: var(--muted); }
article.claim { background: var(--card); border: 1px solid var(--line);
  border-left: 5px solid var(--c, var(--line)); border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
.claim-head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.badge { color: #fff; background: var(--c); border-radius: 4px; padding: 1px 8px; font-size: 13px;
  font-weight: 600; }
.tag { font-size: 12px; border: 1px solid var(--line); border-radius: 4px; padding: 0 6px; color: var(--muted); }
.tag.fails { color: var(--mismatch); border-color: var(--mismatch); }
.tag.changed { color: var(--disputed); border-color: var(--disputed); }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.text { margin: 6px 0; }
.meta { margin: 4px 0; color: var(--muted); }
.meta b { color: var(--fg); font-weight: 600; }
ul.evidence { list-style: none; margin: 8px 0 0; padding: 0; }
ul.evidence > li { border-top: 1px dashed var(--line); padding: 8px 0 4px; }
.source { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.sverdict { font-weight: 600; color: var(--c); }
.url { word-break: break-all; color: var(--muted); }
a { color: #1f5fbf; }
blockquote { margin: 6px 0; padding: 6px 12px; background: var(--bg); border-left: 3px solid var(--line); }
mark { background: #ffe58a; padding: 0 2px; border-radius: 2px; font-weight: 600; }
del { background: #ffd7d5; color: #82071e; }
ins { background: #d2f4d3; color: #055d20; text-decoration: none; }
.error { color: var(--unreachable); }
.v-match { --c: var(--match); } .v-mismatch { --c: var(--mismatch); } .v-disputed { --c: var(--disputed); }
.v-unsourced { --c: var(--unsourced); } .v-not-found { --c: var(--not-found); }
.v-unreachable { --c: var(--unreachable); }
.count.v-match, .count.v-mismatch, .count.v-disputed, .count.v-unsourced, .count.v-not-found,
.count.v-unreachable { color: var(--c); }
.count span.name { color: var(--fg); }
"#;

const SCRIPT: &str = r"
(function () {
  var filter = document.getElementById('filter');
  var boxes = filter.querySelectorAll('input[data-verdict]');
  var failingOnly = document.getElementById('failing-only');
  var claims = document.querySelectorAll('article.claim');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute('data-verdict')] = b.checked; });
    var shown = 0;
    claims.forEach(function (c) {
      var show = on[c.getAttribute('data-verdict')] &&
        (!failingOnly.checked || c.getAttribute('data-fails') === '1');
      c.hidden = !show;
      if (show) { shown += 1; }
    });
    document.querySelectorAll('section.file').forEach(function (s) {
      s.hidden = !s.querySelector('article.claim:not([hidden])');
    });
    document.getElementById('shown').textContent = shown + ' of ' + claims.length + ' claims shown';
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  failingOnly.addEventListener('change', apply);
  filter.hidden = false;
  apply();
  document.documentElement.setAttribute('data-ready', '1');
})();
";

/// Standard base64 of `bytes` (for the script's CSP hash).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Renders `report` as one HTML page.
pub fn render(report: &Report) -> String {
    let tally = Tally::of(report);
    let script_hash = base64(&Sha256::digest(SCRIPT.as_bytes()));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'; img-src data:; \
         base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>factcheck report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n\
         <h1>factcheck report</h1>\n"
    );
    let claims = report.summary.claims;
    if tally.failing == 0 {
        let _ = writeln!(out, "<p class=\"headline\">All {claims} claims pass.</p>");
    } else {
        let _ = writeln!(
            out,
            "<p class=\"headline failing\">{} of {claims} claims fail.</p>",
            tally.failing
        );
    }
    // The counts double as the filter: unticking a verdict hides its
    // claims. Hidden until the script runs, so a page without script shows
    // plain counts and every claim.
    out.push_str("<div class=\"counts\">\n");
    for verdict in VERDICTS {
        let name = verdict_name(verdict);
        let _ = writeln!(
            out,
            "<span class=\"count v-{name}\"><span class=\"dot\"></span><b>{}</b> \
             <span class=\"name\">{name}</span></span>",
            report.summary.count(verdict)
        );
    }
    out.push_str("</div>\n<fieldset id=\"filter\" class=\"counts filter-extra\" hidden>\n");
    out.push_str("<span>Show:</span>\n");
    for verdict in VERDICTS {
        let name = verdict_name(verdict);
        let _ = writeln!(
            out,
            "<label class=\"count v-{name}\"><input type=\"checkbox\" data-verdict=\"{name}\" \
             checked> <span class=\"name\">{name}</span></label>"
        );
    }
    let _ = writeln!(
        out,
        "<label class=\"count\"><input type=\"checkbox\" id=\"failing-only\"> failing only \
         ({})</label>\n<span id=\"shown\"></span>\n</fieldset>",
        tally.failing
    );
    let mut extra = Vec::new();
    if tally.accepted > 0 {
        extra.push(format!("{} accepted", tally.accepted));
    }
    if tally.changed > 0 {
        extra.push(format!("{} changed since review", tally.changed));
    }
    if !extra.is_empty() {
        let _ = writeln!(out, "<p class=\"filter-extra\">{}</p>", extra.join(", "));
    }
    let _ = writeln!(
        out,
        "<p class=\"filter-extra\">{}</p>",
        escape::text(&run_line(report))
    );
    out.push_str("</header>\n<main>\n");
    for file in &report.files {
        file_section(&mut out, file, &report.run.started);
    }
    let _ = write!(
        out,
        "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

/// A link to `url` when it is a web URL, else the address as text.
fn link(url: &str) -> String {
    match escape::href(url) {
        Some(href) => format!(
            "<a href=\"{href}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a>",
            escape::text(url)
        ),
        None => format!("<code>{}</code>", escape::text(url)),
    }
}

fn file_section(out: &mut String, file: &FileReport, started: &str) {
    let _ = writeln!(
        out,
        "<section class=\"file\">\n<h2><code>{}</code></h2>",
        escape::text(&file.path)
    );
    let mut article = vec![format!("<b>{}</b>", escape::text(&file.article.title))];
    if let Some(url) = &file.article.url {
        article.push(link(url));
    }
    if let Some(published) = &file.article.published {
        article.push(format!("published {}", escape::text(published)));
    }
    let _ = writeln!(out, "<p class=\"article\">{}</p>", article.join(" · "));
    for claim in failing_first(file) {
        claim_card(out, claim, started);
    }
    out.push_str("</section>\n");
}

fn figure(figure: &FigureReport) -> String {
    let mut text = format!(
        "“{}” = {}",
        escape::text(&figure.text),
        escape::text(&interval(figure))
    );
    if let Some(restated) = &figure.restated {
        let _ = write!(
            text,
            " (restated “{}” = {})",
            escape::text(&restated.text),
            escape::text(&interval(restated))
        );
    }
    text
}

fn claim_card(out: &mut String, claim: &ClaimReport, started: &str) {
    let name = verdict_name(claim.verdict);
    let fails = claim.failing;
    let _ = writeln!(
        out,
        "<article class=\"claim v-{name}\" data-verdict=\"{name}\" data-fails=\"{}\">\n\
         <div class=\"claim-head\"><span class=\"badge\">{name}</span> <code>{}</code>",
        u8::from(fails),
        escape::text(&claim.id)
    );
    if fails {
        out.push_str(" <span class=\"tag fails\">fails</span>");
    }
    if claim.accepted {
        out.push_str(" <span class=\"tag\">accepted</span>");
    }
    if claim.changed_since_review {
        out.push_str(" <span class=\"tag changed\">changed since review</span>");
    }
    let _ = writeln!(
        out,
        "</div>\n<p class=\"text\">{}</p>",
        quoted(&escape::prose(&claim.text))
    );
    if let Some(stated) = &claim.stated {
        let _ = writeln!(
            out,
            "<p class=\"meta\"><b>Stated:</b> {}</p>",
            figure(stated)
        );
    }
    if let Some(quote) = &claim.quote {
        let _ = writeln!(
            out,
            "<p class=\"meta\"><b>Quote:</b> {}</p>",
            quoted(&escape::prose(quote))
        );
    }
    if statement_matched(claim) {
        let _ = writeln!(
            out,
            "<p class=\"meta\">A statement match means {STATEMENT_NOTE}.</p>"
        );
    }
    if claim.verdict == Verdict::Unsourced {
        out.push_str("<p class=\"meta\">No source listed.</p>\n");
    }
    if !claim.evidence.is_empty() {
        out.push_str("<ul class=\"evidence\">\n");
        for evidence in &claim.evidence {
            evidence_item(out, evidence, started);
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

fn evidence_item(out: &mut String, evidence: &EvidenceReport, started: &str) {
    let name = source_verdict_name(evidence.verdict);
    let _ = write!(
        out,
        "<li class=\"v-{name}\"><div class=\"source\"><span class=\"sverdict\">{name}</span> \
         <b>{}</b>",
        escape::text(&evidence.source)
    );
    if let Some(name) = &evidence.name {
        let _ = write!(out, " “{}”", escape::prose(name));
    }
    if evidence.url != evidence.source || escape::href(&evidence.url).is_some() {
        let _ = write!(out, " <span class=\"url\">{}</span>", link(&evidence.url));
    }
    out.push_str("</div>\n");
    if let Some(read) = provenance(evidence, started) {
        let _ = writeln!(
            out,
            "<p class=\"meta\"><b>Read:</b> {}</p>",
            escape::text(&read)
        );
    }
    if let Some(found) = &evidence.found {
        let relation = evidence
            .relation
            .map(|r| format!(" ({})", relation_name(r)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<p class=\"meta\"><b>Found:</b> {}{relation}</p>",
            figure(found)
        );
    }
    if let Some(passage) = &evidence.passage {
        let found = evidence.found.as_ref().map(|f| f.text.as_str());
        let marked = escape::marked(passage, found, "<mark>", "</mark>");
        let _ = writeln!(out, "<blockquote>{marked}</blockquote>");
    }
    if !evidence.others.is_empty() {
        let others: Vec<String> = evidence.others.iter().map(figure).collect();
        let _ = writeln!(
            out,
            "<p class=\"meta\"><b>Other figures:</b> {}</p>",
            others.join(", ")
        );
    }
    if let Some(diff) = &evidence.diff {
        let _ = writeln!(
            out,
            "<p class=\"meta\"><b>Quote diff:</b> {}</p>",
            escape::diff(diff)
        );
    }
    if let Some(diff) = &evidence.review_diff {
        let _ = writeln!(
            out,
            "<p class=\"meta\"><b>Since review:</b> {}</p>",
            escape::diff(diff)
        );
    }
    if let Some(error) = &evidence.error {
        let _ = writeln!(
            out,
            "<p class=\"meta error\"><b>Unreachable:</b> {}</p>",
            escape::text(error)
        );
    }
    if evidence.verdict == SourceVerdict::NotFound {
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            escape::prose(&not_found_text(evidence))
        );
    }
    out.push_str("</li>\n");
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::process::Command;

    use super::super::fixture;
    use super::*;

    #[test]
    fn snapshot() {
        let out = render(&fixture::report());
        // The stylesheet and script are constants; the snapshot is about the
        // report, so they are cut out of it.
        let out = out
            .replace(STYLE, "/* style */")
            .replace(SCRIPT, "/* script */");
        insta::assert_snapshot!(out);
    }

    #[test]
    fn base64_table() {
        let cases: [(&[u8], &str); 5] = [
            (b"", ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64(input), want);
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        let out = render(&fixture::hostile());
        fixture::assert_no_raw_controls(&out);
        fixture::assert_no_script_links(&out);
        // Only the page's own script element; no element of the page's.
        assert_eq!(out.matches("<script").count(), 1, "{out}");
        assert!(!out.contains("<img"));
        assert!(!out.contains("]]>"));
        assert!(out.contains("&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;"));
        assert!(out.contains(
            "href=\"https://evil.example/%3Cscript%3E?a=%22b%22\" rel=\"noopener noreferrer\""
        ));
        // Every link is a web link.
        for (at, _) in out.match_indices("href=\"") {
            let rest = &out[at + 6..];
            assert!(
                rest.starts_with("http://") || rest.starts_with("https://"),
                "{rest:.40}"
            );
        }
    }

    #[test]
    fn no_external_requests() {
        let out = render(&fixture::report());
        for attr in ["src=", "url(", "@import", "<link"] {
            assert!(!out.contains(attr), "{attr} in the page");
        }
        assert!(out.contains("default-src 'none'"));
    }

    /// Renders `html` in headless Chromium and returns (screenshot bytes,
    /// console output, serialised DOM after the script ran), or `None` when
    /// Chromium is not installed.
    fn chromium(html: &str, name: &str) -> Option<(Vec<u8>, String, String)> {
        let binary = ["chromium", "chromium-browser", "google-chrome"]
            .into_iter()
            .find(|b| {
                Command::new(b)
                    .arg("--version")
                    .output()
                    .is_ok_and(|o| o.status.success())
            })?;
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join(format!("{name}.html"));
        std::fs::write(&page, html).unwrap();
        let shot = dir.path().join(format!("{name}.png"));
        let run = |extra: &[&str]| {
            let profile = tempfile::tempdir().unwrap();
            // coreutils' timeout bounds a browser that hangs, so CI cannot.
            let output = Command::new("timeout")
                .args(["120", binary])
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--enable-logging=stderr",
                    "--v=0",
                    "--window-size=1200,3200",
                ])
                .arg(format!("--user-data-dir={}", profile.path().display()))
                .args(extra)
                .arg(url::Url::from_file_path(&page).unwrap().as_str())
                .output()
                .unwrap();
            (
                String::from_utf8_lossy(&output.stdout).into_owned(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
            )
        };
        let (_, log) = run(&[&format!("--screenshot={}", shot.display())]);
        let (dom, _) = run(&["--dump-dom"]);
        let png = std::fs::read(&shot).unwrap_or_default();
        if let Ok(keep) = std::env::var("FACTCHECK_KEEP_SCREENSHOT") {
            std::fs::write(Path::new(&keep).join(format!("{name}.png")), &png).unwrap();
        }
        Some((png, log, dom))
    }

    /// Console messages and CSP violations Chromium logged for the page.
    fn console_errors(log: &str) -> Vec<&str> {
        log.lines()
            .filter(|l| {
                l.contains("CONSOLE")
                    || l.contains("Uncaught")
                    || l.contains("Content Security Policy")
                    || l.contains("Refused to")
            })
            .collect()
    }

    #[test]
    fn renders_in_chromium_without_console_errors() {
        for (name, report) in [
            ("report", fixture::report()),
            ("hostile", fixture::hostile()),
        ] {
            let html = render(&report);
            let Some((png, log, dom)) = chromium(&html, name) else {
                eprintln!("skipped: chromium is not installed");
                return;
            };
            assert!(
                png.starts_with(b"\x89PNG"),
                "{name}: no screenshot; log:\n{log}"
            );
            assert!(png.len() > 10_000, "{name}: screenshot too small");
            let errors = console_errors(&log);
            assert!(
                errors.is_empty(),
                "{name}: console errors:\n{}",
                errors.join("\n")
            );
            // The filter script ran (the CSP hash matched) and no script of
            // the page's did.
            assert!(
                dom.contains("data-ready=\"1\""),
                "{name}: script did not run:\n{log}"
            );
            assert!(!dom.contains("<img"), "{name}");
            // The filter ran over every claim.
            let n = report.summary.claims;
            assert!(dom.contains(&format!("{n} of {n} claims shown")), "{name}");
        }
    }

    #[test]
    fn console_error_detection_works() {
        // The detector must see a real console error, or the test above
        // proves nothing.
        let html = "<!DOCTYPE html><title>x</title><script>console.error('boom');</script>";
        let Some((_, log, _)) = chromium(html, "broken") else {
            eprintln!("skipped: chromium is not installed");
            return;
        };
        assert!(!console_errors(&log).is_empty(), "log:\n{log}");
    }
}
