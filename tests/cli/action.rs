//! The composite action's script (`action/check.sh`), run as a runner runs
//! it: the `INPUT_*` variables `action.yml` passes, and `GITHUB_STEP_SUMMARY`
//! and `GITHUB_OUTPUT` pointed at temporary files.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's action script.
fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("action/check.sh")
}

const PAGE: &str = "<html><body><main><p>In Zaporizhzhia, Russian strikes killed two people \
    and injured 15.</p></main></body></html>";

fn newsroom(injured: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::create_dir_all(root.join("claims")).unwrap();
    std::fs::write(root.join("page.html"), PAGE).unwrap();
    std::fs::write(
        root.join("claims/a.toml"),
        format!(
            "[article]\ntitle = \"A\"\n\n[[claim]]\nid = \"killed\"\ntext = \"It killed two.\"\n\
             value = \"two\"\nabout = [\"Zaporizhzhia\", \"kill*\"]\nsources = [\"../page.html\"]\n\n\
             [[claim]]\nid = \"injured\"\ntext = \"It injured {injured}.\"\nvalue = \"{injured}\"\n\
             about = [\"Zaporizhzhia\", \"injur*\"]\nsources = [\"../page.html\"]\n"
        ),
    )
    .unwrap();
    dir
}

struct Run {
    code: i32,
    stdout: String,
    summary: String,
    outputs: Vec<(String, String)>,
}

fn run(dir: &Path, inputs: &[(&str, &str)]) -> Run {
    let summary = dir.join("step_summary.md");
    let output = dir.join("github_output");
    let temp = tempfile::tempdir().unwrap();
    let mut cmd = Command::new("bash");
    cmd.arg(script())
        .current_dir(dir)
        .env("FACTCHECK", env!("CARGO_BIN_EXE_factcheck"))
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_OUTPUT", &output)
        .env("RUNNER_TEMP", temp.path())
        .env("GITHUB_ACTIONS", "true")
        .env("NO_COLOR", "1")
        .env(
            "INPUT_ARGS",
            format!("--offline --cache-dir {}", dir.join(".cache").display()),
        );
    for (key, value) in inputs {
        cmd.env(key, value);
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        summary: std::fs::read_to_string(&summary).unwrap_or_default(),
        outputs: std::fs::read_to_string(&output)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

fn output<'a>(run: &'a Run, key: &str) -> &'a str {
    // GITHUB_OUTPUT is appended to: the last value set wins.
    run.outputs
        .iter()
        .rfind(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

#[test]
fn a_failing_claim_is_annotated_summarised_and_fails_the_step() {
    let dir = newsroom("20");
    let run = run(dir.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("::error file=claims/a.toml,line=11,title=mismatch%3A injured::"),
        "{}",
        run.stdout
    );
    assert!(
        run.summary.starts_with("### factcheck: 1 of 2 claims fail"),
        "{}",
        run.summary
    );
    assert_eq!(output(&run, "exit-code"), "1");
    assert_eq!(output(&run, "claims"), "2");
    assert_eq!(output(&run, "failing"), "1");
    assert_eq!(output(&run, "match"), "1");
    assert_eq!(output(&run, "mismatch"), "1");
    assert_eq!(output(&run, "not-found"), "0");
}

#[test]
fn fail_false_reports_without_failing_and_json_report_is_kept() {
    let dir = newsroom("20");
    let json = dir.path().join("shard.json");
    let run = run(
        dir.path(),
        &[
            ("INPUT_FAIL", "false"),
            ("INPUT_SHARD", "1/1"),
            ("INPUT_JSON_REPORT", json.to_str().unwrap()),
        ],
    );
    assert_eq!(run.code, 0);
    assert_eq!(output(&run, "exit-code"), "1");
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(report["run"]["shard"]["count"], 1);
}

#[test]
fn a_passing_run_and_a_broken_one() {
    let dir = newsroom("15");
    let passed = run(dir.path(), &[]);
    assert_eq!(passed.code, 0, "{}", passed.stdout);
    assert_eq!(output(&passed, "failing"), "0");
    assert!(
        passed.summary.contains("all 2 claims pass"),
        "{}",
        passed.summary
    );

    // No claim file: factcheck cannot run; the step fails even with fail: false.
    let broken = run(
        dir.path(),
        &[("INPUT_PATHS", "nothing-here"), ("INPUT_FAIL", "false")],
    );
    assert_eq!(broken.code, 2);
    assert_eq!(output(&broken, "exit-code"), "2");
    assert!(
        broken.summary.contains("could not run"),
        "{}",
        broken.summary
    );
}
