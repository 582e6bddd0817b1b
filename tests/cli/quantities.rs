use predicates::prelude::*;

use crate::factcheck;

const SENTENCE: &str = "Britain pledged an additional £2.26 billion loan to Ukraine.";

#[test]
fn plain_mode_prints_one_object_a_line_in_spec_field_order() {
    factcheck()
        .arg("quantities")
        .write_stdin(SENTENCE)
        .assert()
        .success()
        .stdout(
            "{\"text\": \"£2.26 billion\", \"start\": 30, \"end\": 43, \"value\": 2260000000, \
             \"unit\": \"GBP\", \"kind\": \"money\", \"qualifier\": \"exact\", \"low\": 2255000000, \
             \"high\": 2265000000, \"low_open\": false, \"high_open\": true}\n",
        );
}

#[test]
fn plain_mode_reads_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "killed at least two civilians and injured 15 others").unwrap();
    let out = factcheck().arg("quantities").arg(&path).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["qualifier"], "at-least");
    assert_eq!(lines[0]["high"], serde_json::Value::Null);
    assert_eq!(lines[1]["value"], 15);
}

#[test]
fn non_utf8_input_is_exit_2_with_a_clear_message() {
    factcheck()
        .arg("quantities")
        .write_stdin(b"costs \xa3100\n".to_vec())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("not UTF-8"));
}

#[test]
fn missing_file_is_exit_2() {
    factcheck()
        .args(["quantities", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
}

#[test]
fn batch_mode_answers_every_line_in_order_and_survives_bad_json() {
    let input = "{\"id\": \"a\", \"text\": \"up to 12,000 soldiers\"}\n\
                 this is not json\n\
                 {\"id\": 7, \"text\": \"in 2024\"}\n\
                 {\"id\": \"c\"}\n\
                 {\"id\": \"d\", \"text\": \"1e999 and 15%\"}\n";
    let out = factcheck()
        .args(["quantities", "--jsonl"])
        .write_stdin(input)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["quantities"][0]["high"], 12000);
    assert_eq!(lines[1]["id"], serde_json::Value::Null);
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["quantities"], serde_json::json!([]));
    assert_eq!(lines[3]["id"], "c");
    assert!(lines[3]["error"].is_string());
    assert_eq!(lines[4]["quantities"].as_array().map(Vec::len), Some(1));
    assert!(!text.contains("NaN") && !text.contains("inf"));
}

#[test]
fn dash_and_no_file_read_stdin_and_give_what_the_file_gives() {
    let text =
        "Officials said $50bn (£38.5bn) was pledged; nearly 17 percent of the 1,472 staff left.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, text).unwrap();
    let from_file = factcheck().arg("quantities").arg(&path).assert().success();
    let want = from_file.get_output().stdout.clone();
    // The restatement is a line of its own, right after its figure.
    let lines: Vec<serde_json::Value> = std::str::from_utf8(&want)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let units: Vec<&str> = lines
        .iter()
        .map(|l| l["unit"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(units, ["USD", "GBP", "%", ""], "{lines:?}");
    for args in [&["quantities", "-"][..], &["quantities"][..]] {
        factcheck()
            .args(args)
            .write_stdin(text)
            .assert()
            .success()
            .stdout(want.clone());
    }
}

#[test]
fn revised_claim_intervals_in_the_protocol() {
    // (text, low, high, high_open): spec, second revision.
    let cases = [
        ("Shares closed at $1,472.", 1471.5, 1472.5, true),
        ("Turnout was 17%.", 16.5, 17.5, true),
        ("nearly 17 percent", 15.3, 17.0, true),
        ("almost 3,000 people", 2700.0, 2999.0, false),
    ];
    for (text, low, high, high_open) in cases {
        let out = factcheck()
            .arg("quantities")
            .write_stdin(text)
            .assert()
            .success();
        let line: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(
            (
                line["low"].as_f64(),
                line["high"].as_f64(),
                line["high_open"].as_bool()
            ),
            (Some(low), Some(high), Some(high_open)),
            "{text}"
        );
    }
}

#[test]
fn a_long_text_streams_every_figure() {
    // Many figures, more than one output buffer's worth: all arrive, in order.
    let text = "Police said 12 people were hurt. ".repeat(5000);
    let out = factcheck()
        .arg("quantities")
        .write_stdin(text)
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 5000);
    let last: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(last["start"], 4999 * 33 + 12);
}
