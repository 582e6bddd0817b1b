//! The CI kit: `--format github` and `sarif` from a real run, several
//! reports in one run (`--report`), and `--shard K/N`.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::factcheck;

/// A page whose text tries to break out of a workflow command.
const PAGE: &str = "<html><body><main>\
    <p>In Zaporizhzhia (%0A::error::pwned \u{1b}[31m ::stop-commands::tok), Russian strikes \
    killed two people and injured 15.</p>\
    </main></body></html>";

fn project(files: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("factcheck.toml"), "").unwrap();
    std::fs::create_dir_all(root.join("pages")).unwrap();
    std::fs::create_dir_all(root.join("claims/sub")).unwrap();
    std::fs::write(root.join("pages/a.html"), PAGE).unwrap();
    for i in 0..files {
        let value = if i % 3 == 0 { "20" } else { "15" };
        let text = format!(
            "[article]\ntitle = \"Article {i}\"\n\n# a comment\n[[claim]]\nid = \"killed-{i}\"\n\
             text = \"It killed at least two.\"\nvalue = \"at least two\"\n\
             about = [\"Zaporizhzhia\", \"kill*\"]\nsources = [\"../../pages/a.html\"]\n\n\
             [[claim]]\nid = \"injured-{i}\"\ntext = \"It injured {value}.\"\nvalue = \"{value}\"\n\
             about = [\"Zaporizhzhia\", \"injur*\"]\nsources = [\"../../pages/a.html\"]\n"
        );
        std::fs::write(root.join(format!("claims/sub/f{i:02}.toml")), text).unwrap();
    }
    dir
}

fn check(root: &Path) -> assert_cmd::Command {
    let mut cmd = factcheck();
    cmd.current_dir(root)
        .args(["check", "--offline", "--cache-dir"])
        .arg(root.join(".cache"));
    cmd
}

#[test]
fn github_annotations_point_at_each_failing_claim() {
    let dir = project(3);
    let out = check(dir.path())
        .args(["--format", "github", "claims"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    // f00's injured claim (20) fails; the others match. One error, and the
    // summary; page text stays inside the command's one line.
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0]
            .starts_with("::error file=claims/sub/f00.toml,line=12,title=mismatch%3A injured-0::"),
        "{stdout}"
    );
    assert!(lines[0].contains("%250A::error::pwned"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'));
    assert!(lines[1].ends_with("1 failing"), "{stdout}");
}

#[test]
fn sarif_from_a_run_is_valid_and_locates_claims() {
    let dir = project(3);
    let out = check(dir.path())
        .args(["--format", "sarif", "claims"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: Value =
        serde_json::from_str(include_str!("../schemas/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 6);
    let errors: Vec<&Value> = results.iter().filter(|r| r["level"] == "error").collect();
    assert_eq!(errors.len(), 1);
    let location = &errors[0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "claims/sub/f00.toml");
    assert_eq!(location["region"]["startLine"], 12);
}

#[test]
fn one_run_writes_several_reports_and_the_main_one_still_goes_to_stdout() {
    let dir = project(2);
    let out = check(dir.path())
        .args(["claims", "--report", "json=out/r.json", "--report"])
        .arg("sarif=out/r.sarif")
        .args(["--report", "junit=out/junit.xml"])
        .output();
    // out/ does not exist: the run says so and fails with 2.
    let out = out.unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("out/r.json"));

    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = check(dir.path())
        .args(["claims", "--report", "json=out/r.json", "--report"])
        .arg("sarif=out/r.sarif")
        .args(["--report", "junit=out/junit.xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let term = String::from_utf8(out.stdout).unwrap();
    assert!(term.contains("injured-0  FAIL"), "{term}");
    let json: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/r.json")).unwrap()).unwrap();
    assert_eq!(json["summary"]["claims"], 4);
    let sarif: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/r.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let junit = std::fs::read_to_string(dir.path().join("out/junit.xml")).unwrap();
    assert_eq!(junit.matches("<failure").count(), 1);

    factcheck()
        .args(["check", "--report", "json"])
        .assert()
        .code(2);
    factcheck()
        .args(["check", "--report", "xml=a.xml"])
        .assert()
        .code(2);
}

/// A claim's id, verdict and whether it fails.
type ClaimLine = (String, String, bool);

/// Each claim file's verdicts, by path.
fn verdicts(json: &Value) -> Vec<(String, Vec<ClaimLine>)> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let claims = f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    (
                        c["id"].as_str().unwrap().to_string(),
                        c["verdict"].as_str().unwrap().to_string(),
                        c["failing"].as_bool().unwrap(),
                    )
                })
                .collect();
            (f["path"].as_str().unwrap().to_string(), claims)
        })
        .collect()
}

#[test]
fn shards_split_the_files_and_together_are_the_whole_run() {
    let dir = project(12);
    let run = |shard: Option<&str>| -> (i32, Value) {
        let mut cmd = check(dir.path());
        cmd.args(["claims", "--format", "json"]);
        if let Some(shard) = shard {
            cmd.args(["--shard", shard]);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code().unwrap(),
            serde_json::from_slice(&out.stdout).unwrap(),
        )
    };
    let (whole_code, whole) = run(None);
    assert_eq!(whole["run"]["shard"], Value::Null);
    let mut seen = Vec::new();
    let mut codes = Vec::new();
    for k in 1..=4 {
        let (code, part) = run(Some(&format!("{k}/4")));
        assert_eq!(part["run"]["shard"]["index"], k);
        assert_eq!(part["run"]["shard"]["count"], 4);
        codes.push(code);
        seen.extend(verdicts(&part));
    }
    let paths: BTreeSet<&String> = seen.iter().map(|(p, _)| p).collect();
    assert_eq!(paths.len(), seen.len(), "a file in two shards");
    seen.sort();
    assert_eq!(seen, verdicts(&whole));
    // The run fails exactly when some shard fails.
    assert_eq!(
        codes.iter().max().copied().unwrap(),
        whole_code,
        "{codes:?}"
    );
    // The same assignment from another directory, through other paths.
    let out = factcheck()
        .current_dir(dir.path().join("claims"))
        .args([
            "check",
            "--offline",
            "--format",
            "json",
            "--shard",
            "1/4",
            "sub",
        ])
        .output()
        .unwrap();
    let from_claims: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids = |v: &Value| -> Vec<String> {
        verdicts(v)
            .into_iter()
            .flat_map(|(_, c)| c.into_iter().map(|(id, _, _)| id))
            .collect()
    };
    assert_eq!(ids(&from_claims), ids(&run(Some("1/4")).1));

    factcheck()
        .args(["check", "--shard", "5/4"])
        .assert()
        .code(2);
}

#[test]
fn an_empty_shard_passes_with_an_empty_report() {
    let dir = project(1);
    let mut empty = None;
    for k in 1..=8 {
        let out = check(dir.path())
            .args(["claims", "--format", "json", "--shard", &format!("{k}/8")])
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        if json["files"].as_array().unwrap().is_empty() {
            assert_eq!(out.status.code(), Some(0));
            empty = Some(k);
        }
    }
    assert!(empty.is_some());
}

/// A JSON report without what differs between two runs: `run` and the
/// sources' `read_at`.
fn comparable(mut report: Value) -> Value {
    report.as_object_mut().unwrap().remove("run");
    for file in report["files"].as_array_mut().unwrap() {
        for claim in file["claims"].as_array_mut().unwrap() {
            for evidence in claim["evidence"].as_array_mut().unwrap() {
                evidence.as_object_mut().unwrap().remove("read_at");
            }
        }
    }
    report
}

#[test]
fn merged_shards_are_the_unsharded_report_with_its_exit_code() {
    let dir = project(9);
    let root = dir.path();
    let whole = check(root)
        .args(["claims", "--format", "json", "-o", "whole.json"])
        .output()
        .unwrap();
    let mut names = Vec::new();
    for k in 1..=3 {
        let name = format!("shard-{k}.json");
        check(root)
            .args(["claims", "--format", "json", "-o", &name, "--shard"])
            .arg(format!("{k}/3"))
            .output()
            .unwrap();
        names.push(name);
    }
    let merged = factcheck()
        .current_dir(root)
        .args(["merge", "--format", "json", "-o", "merged.json"])
        .args(names.iter().rev())
        .output()
        .unwrap();
    assert_eq!(merged.status.code(), whole.status.code());
    assert_eq!(merged.status.code(), Some(1));
    let read = |name: &str| -> Value {
        serde_json::from_slice(&std::fs::read(root.join(name)).unwrap()).unwrap()
    };
    assert_eq!(
        comparable(read("merged.json")),
        comparable(read("whole.json"))
    );
    assert_eq!(read("merged.json")["run"]["shard"], Value::Null);

    // Any format, and several at once.
    let github = factcheck()
        .current_dir(root)
        .args([
            "merge",
            "--format",
            "github",
            "--report",
            "sarif=merged.sarif",
        ])
        .args(&names)
        .output()
        .unwrap();
    assert_eq!(github.status.code(), Some(1));
    let stdout = String::from_utf8(github.stdout).unwrap();
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("::error ")).count(),
        3
    );
    assert!(root.join("merged.sarif").exists());

    // Not one run: a shard missing, a shard twice, not a report.
    let refused = [
        (
            vec![names[0].as_str(), names[1].as_str()],
            "shard 3/3 is missing",
        ),
        (
            vec![
                names[0].as_str(),
                names[0].as_str(),
                names[1].as_str(),
                names[2].as_str(),
            ],
            "given twice",
        ),
        (vec!["claims/sub/f00.toml"], "not a factcheck JSON report"),
        (vec!["nothing.json"], "cannot read nothing.json"),
    ];
    for (inputs, want) in refused {
        let out = factcheck()
            .current_dir(root)
            .arg("merge")
            .args(&inputs)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{inputs:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(want), "{stderr}");
    }
    factcheck().arg("merge").assert().code(2);
}

#[test]
fn a_passing_merge_exits_0() {
    let dir = project(0);
    let root = dir.path();
    std::fs::write(
        root.join("claims/ok.toml"),
        "[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"k\"\ntext = \"It killed two.\"\n\
         value = \"two\"\nabout = [\"Zaporizhzhia\", \"kill*\"]\nsources = [\"../pages/a.html\"]\n",
    )
    .unwrap();
    for k in 1..=2 {
        check(root)
            .args(["claims", "--format", "json", "-o"])
            .arg(format!("s{k}.json"))
            .arg("--shard")
            .arg(format!("{k}/2"))
            .assert()
            .success();
    }
    factcheck()
        .current_dir(root)
        .args(["merge", "s1.json", "s2.json"])
        .assert()
        .success()
        .stdout(predicates::str::contains("1 claim: 1 match; passed"));
}
