//! The evidence rule end to end: `check --format json` on claims written for
//! it against a local source, verdicts and the `stated` interval the report
//! shows (spec, second revision; the duration table with seconds).

use std::fmt::Write as _;

use serde_json::Value;

use crate::factcheck;

const SOURCE: &str = "The drill lasted 120 seconds, officials said.\n\n\
Shares closed at $1,472.19 on Friday.\n\n\
Turnout fell 10 percent in the city.\n\n\
The index ended the day at 40,816.38.\n";

/// (id, value, about, verdict, stated low, stated high, high open)
const CLAIMS: &[(&str, &str, &str, &str, f64, f64, bool)] = &[
    ("drill", "two minutes", "drill", "match", 2.0, 2.0, false),
    ("shares", "$1,472", "shares", "match", 1471.5, 1472.5, true),
    (
        "turnout",
        "nearly 17 percent",
        "turnout",
        "mismatch",
        15.3,
        17.0,
        true,
    ),
    ("index", "40,816", "index", "match", 40816.0, 40816.0, false),
    (
        "index-off",
        "40,815",
        "index",
        "mismatch",
        40815.0,
        40815.0,
        false,
    ),
];

#[test]
fn verdicts_and_stated_intervals_follow_the_one_rule() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factcheck.toml"), "").unwrap();
    std::fs::write(dir.path().join("source.txt"), SOURCE).unwrap();
    let mut toml = String::from("[article]\ntitle = \"Evidence\"\n");
    for (id, value, about, ..) in CLAIMS {
        write!(
            toml,
            "\n[[claim]]\nid = \"{id}\"\ntext = \"t\"\nvalue = \"{value}\"\n\
             about = [\"{about}\"]\nsources = [\"source.txt\"]\n"
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("claims.toml"), toml).unwrap();
    let out = factcheck()
        .current_dir(dir.path())
        .args(["check", "--offline", "--format", "json", "claims.toml"])
        .arg("--cache-dir")
        .arg(dir.path().join(".cache"))
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    let claims = json["files"][0]["claims"].as_array().unwrap();
    assert_eq!(claims.len(), CLAIMS.len());
    for (got, (id, value, _, verdict, low, high, high_open)) in claims.iter().zip(CLAIMS) {
        assert_eq!(got["id"], *id);
        let stated = &got["stated"];
        assert_eq!(
            (
                got["verdict"].as_str(),
                stated["low"].as_f64(),
                stated["high"].as_f64(),
                stated["high_open"].as_bool()
            ),
            (Some(*verdict), Some(*low), Some(*high), Some(*high_open)),
            "{id}: {value}"
        );
    }
}
