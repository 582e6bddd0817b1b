//! `--format sarif`: SARIF 2.1.0, the format code scanning reads (GitHub's
//! upload-sarif, GitLab, IDE viewers). One rule per verdict (and one for
//! warnings of a claim file); every claim is a result of its verdict's rule,
//! located at its claim file and the line of its `[[claim]]` header.
//!
//! A result's level says how it stands at the gate: `error` for a failing
//! claim (the same claims that make the exit code 1), `warning` for one
//! whose evidence changed since review, `note` for another verdict that
//! does not fail (an unsourced claim), `none` for a match; `kind` is `fail`
//! or `pass` alike. The message holds the claim and the passages that
//! decided it, cleaned of controls; the JSON escapes what terminals act on.
//! `partialFingerprints` carry the file and claim id, so a code-scanning
//! alert follows its claim across runs.
//!
//! The SARIF types are this file's small serde structs: the crate that
//! models all of SARIF (`serde-sarif`) generates its types from the schema in
//! a build script, which would cost every build for the dozen fields used
//! here; the tests validate the output against the official schema instead.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::escape::clean;
use super::json::to_safe_json;
use super::{ClaimReport, DEFAULT_FAIL_ON, RenderOptions, Report, VERDICTS, term, verdict_name};
use crate::compare::Verdict;

/// The schema a SARIF 2.1.0 log names.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The id of the rule for warnings about a claim file.
const FILE_RULE: &str = "claim-file";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Message,
    full_description: Message,
    default_configuration: Configuration,
    help_uri: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    kind: &'static str,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: BTreeMap<&'static str, serde_json::Value>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
}

/// Each rule: id, name, what the verdict means. A rule's default level is
/// that of the default gate; each result carries its level in this run.
fn rules() -> Vec<Rule> {
    let mut rules: Vec<Rule> = VERDICTS
        .iter()
        .map(|&verdict| {
            let (name, short, full) = describe(verdict);
            Rule {
                id: verdict_name(verdict),
                name,
                short_description: Message { text: short.into() },
                full_description: Message { text: full.into() },
                default_configuration: Configuration {
                    level: if DEFAULT_FAIL_ON.contains(&verdict) {
                        "error"
                    } else if verdict == Verdict::Match {
                        "none"
                    } else {
                        "note"
                    },
                },
                help_uri: concat!(env!("CARGO_PKG_HOMEPAGE"), "#verdicts"),
            }
        })
        .collect();
    rules.push(Rule {
        id: FILE_RULE,
        name: "ClaimFileWarning",
        short_description: Message {
            text: "A claim file deserves a look".into(),
        },
        full_description: Message {
            text: "The claim file is valid and was checked, but something in it deserves a look \
                   (a claim's text that no longer occurs in its article)."
                .into(),
        },
        default_configuration: Configuration { level: "warning" },
        help_uri: concat!(env!("CARGO_PKG_HOMEPAGE"), "#factcheck-validate"),
    });
    rules
}

/// A verdict's rule name and descriptions (claim-files.md's verdicts).
fn describe(verdict: Verdict) -> (&'static str, &'static str, &'static str) {
    match verdict {
        Verdict::Match => (
            "Match",
            "The sources support the claim",
            "Every source that speaks of the claim supports it.",
        ),
        Verdict::Mismatch => (
            "Mismatch",
            "The sources contradict the claim",
            "The sources that speak of the claim contradict it: a different figure, or different words in a quote.",
        ),
        Verdict::Disputed => (
            "Disputed",
            "The sources disagree about the claim",
            "Some sources support the claim and others contradict it.",
        ),
        Verdict::Unsourced => (
            "Unsourced",
            "The claim cites no source",
            "The claim lists no source, so nothing was checked.",
        ),
        Verdict::NotFound => (
            "NotFound",
            "The sources say nothing about the claim",
            "Every source was read, and none has a passage about the claim.",
        ),
        Verdict::Unreachable => (
            "Unreachable",
            "No source of the claim could be read",
            "No source of the claim could be read (a network error, an HTTP error, a missing file); the reason is given per source.",
        ),
    }
}

/// Renders `report` as a SARIF 2.1.0 log.
pub fn render(report: &Report, _options: &RenderOptions) -> String {
    let rule_index = |verdict: Verdict| VERDICTS.iter().position(|&v| v == verdict).unwrap_or(0);
    let mut results = Vec::new();
    for file in &report.files {
        let uri = uri(&file.path);
        for warning in &file.warnings {
            results.push(SarifResult {
                rule_id: FILE_RULE,
                rule_index: VERDICTS.len(),
                kind: "review",
                level: "warning",
                message: Message {
                    text: clean(&warning.message),
                },
                locations: vec![location(
                    &uri,
                    Some(Region {
                        start_line: warning.line.max(1),
                        start_column: Some(warning.column.max(1)),
                    }),
                )],
                partial_fingerprints: BTreeMap::from([(
                    "factcheckWarning/v1",
                    format!("{}:{}", clean(&file.path), clean(&warning.message)),
                )]),
                properties: BTreeMap::new(),
            });
        }
        for claim in &file.claims {
            let failing = claim.failing;
            let level = if failing {
                "error"
            } else if claim.changed_since_review {
                "warning"
            } else if claim.verdict == Verdict::Match {
                "none"
            } else {
                "note"
            };
            let region = (claim.line > 0).then_some(Region {
                start_line: claim.line,
                start_column: None,
            });
            results.push(SarifResult {
                rule_id: verdict_name(claim.verdict),
                rule_index: rule_index(claim.verdict),
                kind: if failing { "fail" } else { "pass" },
                level,
                message: Message {
                    text: message(claim, failing, &report.run.started),
                },
                locations: vec![location(&uri, region)],
                partial_fingerprints: BTreeMap::from([(
                    "factcheckClaim/v1",
                    format!("{}#{}", clean(&file.path), clean(&claim.id)),
                )]),
                properties: BTreeMap::from([
                    ("claimId", clean(&claim.id).into()),
                    ("verdict", verdict_name(claim.verdict).into()),
                    ("failing", failing.into()),
                    ("accepted", claim.accepted.into()),
                    ("changedSinceReview", claim.changed_since_review.into()),
                ]),
            });
        }
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "factcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_HOMEPAGE"),
                    rules: rules(),
                },
            },
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    to_safe_json(&log)
}

fn location(uri: &str, region: Option<Region>) -> Location {
    Location {
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri.to_string(),
            },
            region,
        },
    }
}

/// The result's message: verdict and claim, then the evidence as the
/// terminal report details it.
fn message(claim: &ClaimReport, failing: bool, started: &str) -> String {
    let mut text = format!(
        "{}{}: {}",
        verdict_name(claim.verdict),
        if failing { " (fails)" } else { "" },
        clean(&claim.id)
    );
    if claim.accepted {
        text.push_str("; accepted in the lock");
    }
    if claim.changed_since_review {
        text.push_str("; the evidence changed since review");
    }
    text.push('\n');
    for line in term::plain_details(claim, 1000, started).lines() {
        let _ = writeln!(text, "{}", line.trim_start());
    }
    if claim.evidence.is_empty() {
        text.push_str("no source listed\n");
    }
    text.trim_end().to_string()
}

/// A claim file's path as a relative URI reference: forward slashes, and
/// every byte outside the unreserved set and `/` percent-encoded (a space,
/// `%`, `#` or `?` in a file name would otherwise change what it names).
fn uri(path: &str) -> String {
    let path = clean(path).replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    let mut out = String::with_capacity(rest.len());
    for byte in rest.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    // A first segment with a colon would read as a scheme.
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{self, HOSTILE};
    use super::*;

    fn validator() -> jsonschema::Validator {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/schemas/sarif-schema-2.1.0.json"))
                .unwrap();
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap()
    }

    fn assert_valid(sarif: &str) -> serde_json::Value {
        let value: serde_json::Value = serde_json::from_str(sarif).unwrap();
        let validator = validator();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}\n{sarif}");
        value
    }

    #[test]
    fn snapshot() {
        let out = render(&fixture::report(), &RenderOptions::default());
        assert_valid(&out);
        insta::assert_snapshot!(out);
    }

    #[test]
    fn snapshot_hostile() {
        let out = render(&fixture::hostile(), &RenderOptions::default());
        fixture::assert_no_raw_controls(&out);
        let value = assert_valid(&out);
        // The JSON reads back to the cleaned text.
        let first = &value["runs"][0]["results"][1];
        assert_eq!(first["properties"]["claimId"], "hostile-figure");
        assert!(
            first["message"]["text"]
                .as_str()
                .unwrap()
                .contains(&clean(HOSTILE)[..20])
        );
        insta::assert_snapshot!(out);
    }

    #[test]
    fn levels_follow_the_gate() {
        let report = fixture::report();
        let value = assert_valid(&render(&report, &RenderOptions::default()));
        let results = value["runs"][0]["results"].as_array().unwrap();
        let claims: Vec<(&str, &ClaimReport)> = report
            .files
            .iter()
            .flat_map(|f| f.claims.iter().map(move |c| (f.path.as_str(), c)))
            .collect();
        // One result per claim, plus the file warning first.
        assert_eq!(results.len(), claims.len() + 1);
        assert_eq!(results[0]["ruleId"], FILE_RULE);
        for (result, (path, claim)) in results[1..].iter().zip(&claims) {
            let failing = claim.failing;
            assert_eq!(result["level"] == "error", failing, "{}", claim.id);
            assert_eq!(result["ruleId"], verdict_name(claim.verdict));
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(
                value["runs"][0]["tool"]["driver"]["rules"][index]["id"],
                result["ruleId"]
            );
            let location = &result["locations"][0]["physicalLocation"];
            assert_eq!(location["region"]["startLine"], claim.line);
            assert_eq!(location["artifactLocation"]["uri"], *path);
        }
        let rules = value["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), VERDICTS.len() + 1);
        let levels: Vec<&str> = results
            .iter()
            .map(|r| r["level"].as_str().unwrap())
            .collect();
        assert_eq!(levels.iter().filter(|l| **l == "error").count(), 5);
        assert!(
            levels.contains(&"none") && levels.contains(&"note") && levels.contains(&"warning")
        );
    }

    #[test]
    fn uris_are_relative_references() {
        let cases = [
            ("claims/a.toml", "claims/a.toml"),
            ("./claims\\a b.toml", "claims/a%20b.toml"),
            ("c:/x#y?.toml", "c%3A/x%23y%3F.toml"),
            ("claims/é.toml", "claims/%C3%A9.toml"),
        ];
        for (path, want) in cases {
            assert_eq!(uri(path), want);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]
        #[test]
        fn any_text_gives_a_valid_log(text in "\\PC{0,30}|[\\x00-\\x{a0}:#%]{0,20}") {
            let mut report = fixture::hostile();
            report.files[0].path.clone_from(&text);
            for claim in &mut report.files[0].claims {
                claim.id.clone_from(&text);
                for evidence in &mut claim.evidence {
                    evidence.passage = Some(text.clone());
                }
            }
            assert_valid(&render(&report, &RenderOptions::default()));
        }
    }
}
