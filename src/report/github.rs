//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the lines of a pull request. One `::error` per
//! failing claim and one `::warning` per claim whose evidence changed since
//! review (when that does not fail it) or per warning of a claim file, at
//! `file=` the claim file and `line=` the claim's `[[claim]]` header; the
//! title names the verdict and the claim id, the message holds the claim and
//! the passages that decided it. Passing claims get no annotation; the last
//! line is the summary, as plain log text.
//!
//! Web text is hostile here too: a passage holding a line break followed by
//! `::error::` (or `::stop-commands::`) would start a command of its own.
//! Every value is cleaned of controls and then escaped as the runner's
//! command format requires: `%`, CR and LF in the message, and also `:` and
//! `,` in properties. Limits: GitHub shows at most ten annotations of each
//! level per step; the rest stay in the log (and in `sarif`).

use std::fmt::Write as _;

use super::escape::clean;
use super::{ClaimReport, RenderOptions, Report, term, verdict_name};

/// The width the evidence lines are wrapped at: wide enough that the
/// annotation box, not us, decides where lines break.
const MESSAGE_WIDTH: usize = 1000;

/// Renders `report` as workflow commands, one a line.
pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    for file in &report.files {
        let path = file_path(&file.path);
        for warning in &file.warnings {
            command(
                &mut out,
                "warning",
                &[
                    ("file", path.clone()),
                    ("line", warning.line.to_string()),
                    ("col", warning.column.to_string()),
                    ("title", "factcheck: claim file".to_string()),
                ],
                &warning.message,
            );
        }
        for claim in &file.claims {
            let failing = claim.failing;
            let (level, title) = if failing {
                (
                    "error",
                    format!("{}: {}", verdict_name(claim.verdict), claim.id),
                )
            } else if claim.changed_since_review {
                (
                    "warning",
                    format!(
                        "changed since review ({}): {}",
                        verdict_name(claim.verdict),
                        claim.id
                    ),
                )
            } else {
                continue;
            };
            let mut properties = vec![("file", path.clone())];
            if claim.line > 0 {
                properties.push(("line", claim.line.to_string()));
            }
            properties.push(("title", title));
            command(
                &mut out,
                level,
                &properties,
                &message(claim, &report.run.started),
            );
        }
    }
    out.push_str(&term::plain_summary(report, options));
    out
}

/// The annotation's text: the claim and its evidence as the terminal report
/// details them (each source, its verdict, the passage, the figure found or
/// the quote diff, or why it could not be read).
fn message(claim: &ClaimReport, started: &str) -> String {
    let mut text = String::new();
    if claim.accepted {
        text.push_str("accepted in the lock\n");
    }
    if claim.changed_since_review {
        text.push_str("the evidence changed since review\n");
    }
    for line in term::plain_details(claim, MESSAGE_WIDTH, started).lines() {
        let _ = writeln!(text, "{}", line.trim_start());
    }
    if claim.evidence.is_empty() {
        text.push_str("no source listed\n");
    }
    text.trim_end().to_string()
}

/// A claim file's path as GitHub matches it against the repository:
/// forward slashes, no leading `./`.
fn file_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    rest.to_string()
}

/// Writes `::level key=value,...::message` and a line break.
fn command(out: &mut String, level: &str, properties: &[(&str, String)], message: &str) {
    out.push_str("::");
    out.push_str(level);
    for (i, (key, value)) in properties.iter().enumerate() {
        out.push(if i == 0 { ' ' } else { ',' });
        out.push_str(key);
        out.push('=');
        out.push_str(&escape_property(&clean(value)));
    }
    out.push_str("::");
    // Each line is cleaned on its own, so the message keeps its lines.
    let lines: Vec<String> = message.lines().map(clean).collect();
    out.push_str(&escape_data(&lines.join("\n")));
    out.push('\n');
}

/// Escapes a command's message: `%`, CR and LF.
fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value: as a message, and `:` and `,` too.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{self, HOSTILE};
    use super::super::{Format, Gate, render as render_any};
    use super::*;
    use crate::compare::Verdict;

    /// One workflow command as the runner reads a log line: `::` at the
    /// start, the command name up to a space, properties up to the next
    /// `::` split on `,` and then on the first `=`, and the message after.
    #[derive(Debug, PartialEq)]
    struct Command {
        name: String,
        properties: Vec<(String, String)>,
        message: String,
    }

    fn unescape_data(text: &str) -> String {
        text.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%")
    }

    fn unescape_property(text: &str) -> String {
        let text = text.replace("%3A", ":").replace("%2C", ",");
        unescape_data(&text)
    }

    /// Parses a log line as the runner does (`ActionCommand.TryParseV2`):
    /// `None` for a line that is not a command.
    fn parse(line: &str) -> Option<Command> {
        let rest = line.trim().strip_prefix("::")?;
        let end = rest.find("::")?;
        let (head, message) = (&rest[..end], &rest[end + 2..]);
        let (name, properties) = head.split_once(' ').unwrap_or((head, ""));
        let properties = properties
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (key, value) = p.split_once('=').unwrap_or((p, ""));
                (key.to_string(), unescape_property(value))
            })
            .collect();
        Some(Command {
            name: name.to_string(),
            properties,
            message: unescape_data(message),
        })
    }

    /// Every line of `output`, parsed: the commands, and the plain lines.
    fn commands(output: &str) -> (Vec<Command>, Vec<&str>) {
        let mut commands = Vec::new();
        let mut plain = Vec::new();
        // The runner splits the log on LF alone; a lone CR does not end a line.
        for line in output.split('\n').filter(|l| !l.is_empty()) {
            match parse(line) {
                Some(c) => commands.push(c),
                None => plain.push(line),
            }
        }
        (commands, plain)
    }

    fn property<'a>(command: &'a Command, key: &str) -> Option<&'a str> {
        command
            .properties
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn snapshot() {
        let out = render(&fixture::report(), &RenderOptions::default());
        insta::assert_snapshot!(out);
    }

    #[test]
    fn snapshot_hostile() {
        let out = render(&fixture::hostile(), &RenderOptions::default());
        fixture::assert_no_raw_controls(&out);
        insta::assert_snapshot!(out);
    }

    #[test]
    fn one_error_per_failing_claim_and_a_warning_per_change() {
        let report = fixture::report();
        let options = RenderOptions::default();
        let out = render_any(
            &report,
            &RenderOptions {
                format: Format::Github,
                ..options.clone()
            },
        );
        let (commands, plain) = commands(&out);
        let errors: Vec<&Command> = commands.iter().filter(|c| c.name == "error").collect();
        let failing: Vec<&ClaimReport> = report
            .files
            .iter()
            .flat_map(|f| &f.claims)
            .filter(|c| c.failing)
            .collect();
        assert_eq!(errors.len(), failing.len());
        for (error, claim) in errors.iter().zip(&failing) {
            let title = property(error, "title").unwrap();
            assert!(title.contains(&claim.id), "{title}");
            assert!(title.contains(verdict_name(claim.verdict)), "{title}");
            assert_eq!(
                property(error, "line"),
                Some(claim.line.to_string().as_str())
            );
            assert!(error.message.contains(&claim.text), "{}", error.message);
        }
        // The mismatch's deciding passage is in its annotation.
        let delegations = errors
            .iter()
            .find(|e| property(e, "title") == Some("mismatch: kazan-delegations"))
            .unwrap();
        assert!(
            delegations
                .message
                .contains("»32« countries, 22 of them led")
        );
        assert_eq!(
            property(delegations, "file"),
            Some("claims/2024-10-22-un-chief-kazan.toml")
        );
        let warnings: Vec<&Command> = commands.iter().filter(|c| c.name == "warning").collect();
        assert_eq!(warnings.len(), 2, "{out}");
        assert_eq!(property(warnings[0], "line"), Some("21"));
        assert!(
            property(warnings[1], "title")
                .unwrap()
                .contains("heads-of-state")
        );
        assert_eq!(plain.len(), 1, "{out}");
        assert!(plain[0].ends_with("5 failing"), "{}", plain[0]);
    }

    #[test]
    fn passing_reports_are_only_a_summary() {
        let mut report = fixture::report();
        report.apply_gate(&Gate {
            fail_on: vec![Verdict::Unreachable],
            locked: false,
        });
        let out = render(&report, &RenderOptions::default());
        let (one, _) = commands(&out);
        assert_eq!(one.iter().filter(|c| c.name == "error").count(), 1);
        report.apply_gate(&Gate {
            fail_on: Vec::new(),
            locked: false,
        });
        assert!(render(&report, &RenderOptions::default()).ends_with("passed\n"));
        // Under --locked the changed claim fails: an error, not a warning.
        report.apply_gate(&Gate {
            fail_on: Vec::new(),
            locked: true,
        });
        let (locked, _) = commands(&render(&report, &RenderOptions::default()));
        let changed: Vec<&Command> = locked
            .iter()
            .filter(|c| property(c, "title").is_some_and(|t| t.contains("heads-of-state")))
            .collect();
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].name, "error");
    }

    /// Text that tries every way out of a command: line breaks followed by
    /// commands of its own, `::` and `,` and `=` for properties, escapes
    /// that would unescape into them, and stop-commands.
    const BREAKOUT: &str = "a%0A::error::pwned\n::error file=x,line=1::injected\r\n::stop-commands::tok\u{2028}::add-mask::x, title=y::z %3A %2C %25";

    fn hostile_report(text: &str) -> Report {
        let mut report = fixture::hostile();
        let file = &mut report.files[0];
        file.path = text.to_string();
        file.warnings[0].message = text.to_string();
        for claim in &mut file.claims {
            claim.id = text.to_string();
            claim.text = text.to_string();
            for evidence in &mut claim.evidence {
                evidence.passage = Some(text.to_string());
                evidence.error = Some(text.to_string());
                evidence.source = text.to_string();
            }
        }
        report
    }

    fn assert_contained(text: &str) {
        let report = hostile_report(text);
        let out = render(&report, &RenderOptions::default());
        let (commands, plain) = commands(&out);
        // Exactly the commands we write: one warning for the file, one
        // error per failing claim; one plain line, the summary.
        let failing = report.files[0].claims.iter().filter(|c| c.failing).count();
        assert_eq!(commands.len(), 1 + failing, "{out}");
        assert_eq!(plain.len(), 1, "{out}");
        assert!(
            commands
                .iter()
                .all(|c| c.name == "error" || c.name == "warning")
        );
        for command in &commands {
            let keys: Vec<&str> = command.properties.iter().map(|(k, _)| k.as_str()).collect();
            assert!(
                keys.iter()
                    .all(|k| ["file", "line", "col", "title"].contains(k)),
                "{keys:?}"
            );
            // What the runner reads back is the cleaned text, whole.
            assert_eq!(
                property(command, "file"),
                Some(file_path(&clean(text)).as_str())
            );
            if command.name == "error" {
                let title = property(command, "title").unwrap();
                let want = clean(text);
                assert!(title.ends_with(&format!(": {want}")), "{title:?} {want:?}");
            }
        }
    }

    #[test]
    fn snapshot_breakout() {
        let out = render(&hostile_report(BREAKOUT), &RenderOptions::default());
        insta::assert_snapshot!(out);
    }

    #[test]
    fn hostile_text_cannot_break_out_of_a_command() {
        assert_contained(BREAKOUT);
        assert_contained(HOSTILE);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        #[test]
        fn any_text_stays_inside_its_command(text in "[a-z:,=%\\r\\n\\u{2028} 0ADC]{1,40}|\\PC{1,30}") {
            assert_contained(&text);
        }
    }

    #[test]
    fn escaping_table() {
        let cases = [
            ("50%", "50%25", "50%25"),
            ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
            ("x: y, z", "x: y, z", "x%3A y%2C z"),
            ("%0A", "%250A", "%250A"),
        ];
        for (text, data, property) in cases {
            assert_eq!(escape_data(text), data);
            assert_eq!(escape_property(text), property);
            assert_eq!(unescape_data(data), text);
            assert_eq!(unescape_property(property), text);
        }
        assert_eq!(file_path("./claims\\a.toml"), "claims/a.toml");
    }
}
