//! The `JUnit` XML report, for the test viewers of CI systems (GitLab's test
//! report, Jenkins' `JUnit` plugin, GitHub actions that read `JUnit`): one
//! `<testsuite>` per claim file, one `<testcase>` per claim with
//! `classname` = the file's path and `name` = the claim's id.
//!
//! A claim whose verdict is in the fail-on list (and that is not accepted)
//! is a `<failure>` whose message is the verdict and a short reason; an
//! unsourced claim that does not fail is `<skipped>` (nothing was checked);
//! every other claim passes. Each test case's `<system-out>` holds its
//! evidence as the terminal report shows it. `quick-junit` writes the XML and
//! escapes it (and strips ANSI escapes); text is cleaned of controls first.

use quick_junit::{NonSuccessKind, Report as JunitReport, TestCase, TestCaseStatus, TestSuite};

use super::escape::clean;
use super::{ClaimKind, ClaimReport, Report, interval, source_verdict_name, term, verdict_name};
use crate::compare::{SourceVerdict, Verdict};

/// The width evidence is wrapped to in `<system-out>`.
const OUT_WIDTH: usize = 100;

/// Renders `report` as `JUnit` XML.
pub fn render(report: &Report) -> String {
    let mut junit = JunitReport::new("factcheck");
    for file in &report.files {
        let mut suite = TestSuite::new(clean(&file.path));
        suite.add_property(("factcheck.tool", clean(&report.run.tool).as_str()));
        suite.add_property(("factcheck.started", clean(&report.run.started).as_str()));
        for claim in &file.claims {
            suite.add_test_case(test_case(&file.path, claim, &report.run.started));
        }
        junit.add_test_suite(suite);
    }
    match junit.to_string() {
        Ok(xml) => xml,
        // Writing to a string cannot fail; should it, fail visibly in XML.
        Err(e) => format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"factcheck\" \
             tests=\"0\" failures=\"0\" errors=\"1\"><!-- {} --></testsuites>\n",
            clean(&e.to_string()).replace("--", "- -")
        ),
    }
}

fn test_case(path: &str, claim: &ClaimReport, started: &str) -> TestCase {
    let reason = format!("{}: {}", verdict_name(claim.verdict), reason(claim));
    let status = if claim.failing {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        status
            .set_message(clean(&reason))
            .set_type(verdict_name(claim.verdict))
            .set_description(clean(&claim.text));
        status
    } else if claim.verdict == Verdict::Unsourced {
        let mut status = TestCaseStatus::skipped();
        status.set_message(reason);
        status
    } else {
        TestCaseStatus::success()
    };
    let mut case = TestCase::new(clean(&claim.id), status);
    case.set_classname(clean(path));
    let mut out = String::new();
    if claim.accepted {
        out.push_str("accepted in the lock: does not fail\n");
    }
    if claim.changed_since_review {
        out.push_str("changed since review\n");
    }
    // The terminal's details sit under a claim line; here they stand alone.
    for line in term::plain_details(claim, OUT_WIDTH, started).lines() {
        out.push_str(line.strip_prefix("      ").unwrap_or(line));
        out.push('\n');
    }
    case.set_system_out(out);
    case
}

/// Why a claim has its verdict, in a few words: the first source that
/// decided it and what it said.
fn reason(claim: &ClaimReport) -> String {
    let first = |verdict: SourceVerdict| claim.evidence.iter().find(|e| e.verdict == verdict);
    let named = |verdict: SourceVerdict| -> Vec<String> {
        claim
            .evidence
            .iter()
            .filter(|e| e.verdict == verdict)
            .map(|e| clean(&e.source))
            .collect()
    };
    match claim.verdict {
        Verdict::Unsourced => "no source listed".to_string(),
        Verdict::Disputed => format!(
            "sources disagree: match in {}; mismatch in {}",
            named(SourceVerdict::Match).join(", "),
            named(SourceVerdict::Mismatch).join(", ")
        ),
        Verdict::NotFound => format!(
            "no passage about the claim in {}",
            named(SourceVerdict::NotFound).join(", ")
        ),
        Verdict::Unreachable => {
            let reasons: Vec<String> = claim
                .evidence
                .iter()
                .map(|e| {
                    format!(
                        "{} ({})",
                        clean(&e.source),
                        clean(e.error.as_deref().unwrap_or("unreadable"))
                    )
                })
                .collect();
            format!("no source could be read: {}", reasons.join("; "))
        }
        Verdict::Match | Verdict::Mismatch => {
            let want = if claim.verdict == Verdict::Match {
                SourceVerdict::Match
            } else {
                SourceVerdict::Mismatch
            };
            let Some(evidence) = first(want) else {
                return source_verdict_name(want).to_string();
            };
            let source = clean(&evidence.source);
            match (&evidence.found, claim.kind) {
                (Some(found), _) => {
                    let stated = claim
                        .stated
                        .as_ref()
                        .map(|s| {
                            format!(" against stated \"{}\" = {}", clean(&s.text), interval(s))
                        })
                        .unwrap_or_default();
                    format!(
                        "{source} gives \"{}\" = {}{stated}",
                        clean(&found.text),
                        interval(found)
                    )
                }
                (None, ClaimKind::Quote) if want == SourceVerdict::Mismatch => {
                    format!("{source} words the quote differently")
                }
                (None, ClaimKind::Statement) => {
                    format!("{source} speaks of the same things (a negated sentence matches too)")
                }
                (None, _) => format!("{} in {source}", source_verdict_name(want)),
            }
        }
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
    fn failures_follow_the_fail_on_list() {
        let out = render(&fixture::report());
        // mismatch x2 (the accepted one passes), disputed, not-found, unreachable.
        assert_eq!(out.matches("<failure").count(), 5, "{out}");
        assert_eq!(out.matches("<skipped").count(), 1);
        assert_eq!(out.matches("<testsuite ").count(), 2);
        assert_eq!(out.matches("<testcase ").count(), 11);
        let mut report = fixture::report();
        report.apply_gate(&super::super::Gate {
            fail_on: vec![Verdict::Unsourced],
            locked: false,
        });
        let out = render(&report);
        assert_eq!(out.matches("<failure").count(), 1);
        assert_eq!(out.matches("<skipped").count(), 0);
    }

    #[test]
    fn reads_back_as_junit() {
        // A JUnit reader gets back each case with its class, name and
        // failure message: the fields CI viewers show.
        for report in [fixture::report(), fixture::hostile()] {
            let xml = render(&report);
            let back = JunitReport::deserialize_from_str(&xml).unwrap();
            assert_eq!(back.test_suites.len(), report.files.len());
            for (suite, file) in back.test_suites.iter().zip(&report.files) {
                assert_eq!(suite.name.as_str(), clean(&file.path));
                for (case, claim) in suite.test_cases.iter().zip(&file.claims) {
                    assert_eq!(case.name.as_str(), clean(&claim.id));
                    assert_eq!(case.classname.as_ref().unwrap().as_str(), clean(&file.path));
                    if let TestCaseStatus::NonSuccess { message, .. } = &case.status {
                        let message = message.as_ref().unwrap().as_str();
                        assert!(
                            message.starts_with(verdict_name(claim.verdict)),
                            "{message}"
                        );
                    }
                }
            }
        }
        let python = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())",
            ])
            .stdin(std::process::Stdio::piped())
            .spawn();
        if let Ok(mut child) = python {
            use std::io::Write;
            let xml = render(&fixture::hostile());
            child
                .stdin
                .take()
                .unwrap()
                .write_all(xml.as_bytes())
                .unwrap();
            assert!(
                child.wait().unwrap().success(),
                "not well-formed XML:\n{xml}"
            );
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        let out = render(&fixture::hostile());
        fixture::assert_no_raw_controls(&out);
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"));
        // XML forbids a raw `]]>` in text; quick-junit writes no CDATA.
        assert!(!out.contains("]]>"));
        assert!(!out.contains("<![CDATA["));
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
