//! `factcheck check`: exit codes, options, `factcheck.toml` defaults, the
//! report formats, and the project's own claim file replayed end to end from
//! a WARC archive.

use std::net::TcpListener;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use crate::factcheck;

/// A project in a temporary directory: a `factcheck.toml` (so it is the
/// root), claim files and local source pages.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Project {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("factcheck.toml"), "").unwrap();
        Project { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self, name: &str, text: &str) -> &Project {
        let path = self.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    fn check(&self) -> assert_cmd::Command {
        let mut cmd = factcheck();
        cmd.current_dir(self.path())
            .arg("check")
            .arg("--offline")
            .arg("--cache-dir")
            .arg(self.path().join(".cache"));
        cmd
    }

    fn json(&self, args: &[&str]) -> (i32, Value) {
        let out = self
            .check()
            .args(["--format", "json"])
            .args(args)
            .output()
            .unwrap();
        let json = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
        (out.status.code().unwrap(), json)
    }
}

const PAGE: &str = "<html><body><main>\
    <p>In Zaporizhzhia, Russian strikes killed two people and injured 15.</p>\
    <p>Kyiv said the visit “does not advance the cause of peace”.</p>\
    </main><aside><p>In Zaporizhzhia 40 were killed.</p></aside></body></html>";

/// A claim file with one claim of each verdict a local page can give.
fn claims(body: &str) -> String {
    format!("[article]\ntitle = \"Test\"\npublished = 2024-10-22\n\n{body}")
}

const MATCH: &str = "[[claim]]\nid = \"killed\"\ntext = \"It killed at least two.\"\nvalue = \"at least two\"\n\
    about = [\"Zaporizhzhia\", \"kill*\"]\nsources = [\"../pages/a.html\"]\n";
const MISMATCH: &str = "[[claim]]\nid = \"injured\"\ntext = \"It injured 20.\"\nvalue = \"20\"\n\
    about = [\"Zaporizhzhia\", \"injur*\"]\nsources = [\"../pages/a.html\"]\n";
const NOT_FOUND: &str = "[[claim]]\nid = \"kazan\"\ntext = \"t\"\n\
    about = [\"Kazan\"]\nsources = [\"../pages/a.html\"]\n";
const UNSOURCED: &str = "[[claim]]\nid = \"rumour\"\ntext = \"t\"\nabout = [\"Kazan\"]\n";

fn verdicts(json: &Value) -> Vec<(String, String)> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap())
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_owned(),
                c["verdict"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn a_match_passes_and_the_json_report_follows_the_contract() {
    let p = Project::new();
    p.file("pages/a.html", PAGE)
        .file("claims/a.toml", &claims(MATCH));
    let (code, json) = p.json(&[]);
    assert_eq!(code, 0);
    assert_eq!(json["version"], 1);
    assert_eq!(json["files"][0]["path"], "claims/a.toml");
    assert_eq!(json["files"][0]["article"]["published"], "2024-10-22");
    let claim = &json["files"][0]["claims"][0];
    assert_eq!(claim["kind"], "figure");
    assert_eq!(claim["verdict"], "match");
    assert_eq!(claim["stated"]["low"], 2.0);
    assert_eq!(claim["stated"]["high"], Value::Null);
    assert_eq!(claim["changed_since_review"], false);
    assert_eq!(claim["accepted"], false);
    let ev = &claim["evidence"][0];
    assert_eq!(ev["source"], "../pages/a.html");
    assert_eq!(ev["verdict"], "match");
    assert_eq!(ev["relation"], "within");
    assert_eq!(ev["found"]["text"], "two");
    assert_eq!(ev["found"]["low"], 2.0);
    assert_eq!(ev["found"]["high"], 2.0);
    assert_eq!(ev["others"][0]["text"], "15");
    assert_eq!(ev["review_diff"], Value::Null);
    assert_eq!(ev["diff"], Value::Null);
    assert_eq!(ev["error"], Value::Null);
    assert_eq!(
        ev["passage"],
        "In Zaporizhzhia, Russian strikes killed two people and injured 15."
    );
    assert_eq!(json["summary"]["claims"], 1);
    assert_eq!(json["summary"]["match"], 1);
    assert_eq!(json["summary"]["not-found"], 0);
}

#[test]
fn exit_codes_follow_the_fail_on_list() {
    let p = Project::new();
    p.file("pages/a.html", PAGE);
    // (claims, extra arguments, exit code)
    let cases: &[(&[&str], &[&str], i32)] = &[
        (&[MATCH], &[], 0),
        (&[MATCH, MISMATCH], &[], 1),
        (&[MATCH, NOT_FOUND], &[], 1),
        // Unsourced claims are listed without failing...
        (&[MATCH, UNSOURCED], &[], 0),
        // ...unless --strict, which fails on everything but match.
        (&[MATCH, UNSOURCED], &["--strict"], 1),
        (&[MATCH, NOT_FOUND], &["--fail-on", "mismatch"], 0),
        (&[MATCH, MISMATCH], &["--fail-on", "mismatch,disputed"], 1),
        (&[MATCH, UNSOURCED], &["--fail-on", "unsourced"], 1),
    ];
    for (bodies, args, code) in cases {
        p.file("claims/a.toml", &claims(&bodies.join("\n")));
        p.check()
            .args(*args)
            .assert()
            .code(*code)
            .stderr(predicate::str::is_empty());
    }
}

#[test]
fn verdicts_of_a_local_page() {
    let p = Project::new();
    p.file("pages/a.html", PAGE).file(
        "claims/a.toml",
        &claims(&[MATCH, MISMATCH, NOT_FOUND, UNSOURCED].join("\n")),
    );
    let (code, json) = p.json(&[]);
    assert_eq!(code, 1);
    assert_eq!(
        verdicts(&json),
        pairs(&[
            ("killed", "match"),
            ("injured", "mismatch"),
            ("kazan", "not-found"),
            ("rumour", "unsourced"),
        ])
    );
    let injured = &json["files"][0]["claims"][1]["evidence"][0];
    assert_eq!(injured["found"]["text"], "15");
    assert_eq!(injured["relation"], "contradicts");
    assert_eq!(
        json["files"][0]["claims"][3]["evidence"],
        Value::Array(vec![])
    );
}

#[test]
fn an_unreadable_source_is_a_verdict_not_an_error() {
    let p = Project::new();
    p.file(
        "claims/a.toml",
        &claims(
            "[[claim]]\nid = \"gone\"\ntext = \"t\"\nabout = [\"Kazan\"]\nsources = [\"../pages/missing.html\"]\n",
        ),
    );
    let (code, json) = p.json(&[]);
    assert_eq!(code, 1);
    let claim = &json["files"][0]["claims"][0];
    assert_eq!(claim["verdict"], "unreachable");
    assert_eq!(claim["evidence"][0]["verdict"], "unreachable");
    assert!(claim["evidence"][0]["error"].is_string());
}

#[test]
fn an_invalid_claim_file_stops_the_run_before_any_source_is_read() {
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/page", server.local_addr().unwrap());
    let p = Project::new();
    p.file(
        "claims/a.toml",
        &claims(&format!(
            "[[claim]]\nid = \"ok\"\ntext = \"t\"\nabout = [\"Kazan\"]\nsources = [\"{url}\"]\n"
        )),
    )
    .file(
        "claims/b.toml",
        &claims("[[claim]]\nid = \"Bad Id\"\ntext = \"t\"\n"),
    );
    factcheck()
        .current_dir(p.path())
        .args(["check", "--cache-dir"])
        .arg(p.path().join(".cache"))
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("b.toml"));
    server.set_nonblocking(true).unwrap();
    assert!(server.accept().is_err(), "a source was fetched");
}

#[test]
fn no_claim_file_is_exit_2_naming_the_paths() {
    let p = Project::new();
    std::fs::create_dir_all(p.path().join("empty")).unwrap();
    p.check()
        .arg("empty")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty"));
    // No path given: claims/ is looked at.
    p.check()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("claims"));
}

#[test]
fn the_report_goes_to_the_output_file() {
    let p = Project::new();
    p.file("pages/a.html", PAGE)
        .file("claims/a.toml", &claims(MATCH));
    p.check()
        .args(["--format", "json", "-o", "out/report.json"])
        .assert()
        .failure()
        .code(2)
        .stderr(predicate::str::contains("out/report.json"));
    std::fs::create_dir_all(p.path().join("out")).unwrap();
    p.check()
        .args(["--format", "json", "-o", "out/report.json"])
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty());
    let text = std::fs::read_to_string(p.path().join("out/report.json")).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["summary"]["match"], 1);
    // Only the report is left in the directory.
    assert_eq!(std::fs::read_dir(p.path().join("out")).unwrap().count(), 1);
}

#[test]
fn factcheck_toml_gives_defaults_and_the_command_line_wins() {
    let p = Project::new();
    p.file("pages/a.html", PAGE)
        .file("claims/a.toml", &claims(&[MATCH, NOT_FOUND].join("\n")))
        .file(
            "factcheck.toml",
            "fail-on = [\"mismatch\"]\nformat = \"json\"\n",
        );
    let out = p.check().output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["not-found"], 1);
    p.check().args(["--fail-on", "not-found"]).assert().code(1);
    p.check()
        .args(["--format", "term"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("{").not());
    p.file("factcheck.toml", "strict = true\n");
    p.check().assert().code(1);
    p.file("factcheck.toml", "no-such-key = 1\n");
    p.check()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-key"));
}

#[test]
fn usage_errors_are_exit_2() {
    let p = Project::new();
    p.file("pages/a.html", PAGE)
        .file("claims/a.toml", &claims(MATCH));
    p.check().args(["--format", "yaml"]).assert().code(2);
    p.check().args(["--fail-on", "wrong"]).assert().code(2);
    p.check()
        .args(["--strict", "--fail-on", "mismatch"])
        .assert()
        .code(2);
    p.check().args(["--color", "sometimes"]).assert().code(2);
}

#[test]
fn locked_without_a_lock_fails_every_sourced_claim() {
    let p = Project::new();
    p.file("pages/a.html", PAGE)
        .file("claims/a.toml", &claims(MATCH));
    p.check().assert().code(0);
    let (code, json) = p.json(&["--locked"]);
    assert_eq!(code, 1);
    assert_eq!(json["files"][0]["claims"][0]["changed_since_review"], true);
    p.file("claims/a.toml", &claims(UNSOURCED));
    p.check().arg("--locked").assert().code(0);
}

#[test]
fn the_term_report_shows_verdicts_and_evidence() {
    let p = Project::new();
    p.file("pages/a.html", PAGE).file(
        "claims/a.toml",
        &claims(&[MATCH, MISMATCH, UNSOURCED].join("\n")),
    );
    let out = p.check().args(["--color", "never"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let dir = p.path().display().to_string();
    let text = text.replace(&dir, "[DIR]");
    insta::with_settings!({filters => vec![
        (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "[TIME]"),
        (r"factcheck \d+\.\d+\.\d+", "factcheck [VERSION]"),
    ]}, {
        insta::assert_snapshot!(text);
    });
}

/// Per source: its id, its verdict and the figure found.
type SourceExpected<'a> = (&'a str, &'a str, Option<&'a str>);
/// A claim: its id, its verdict and its sources' evidence.
type Expected<'a> = (&'a str, &'a str, &'a [SourceExpected<'a>]);

/// The project's own claim file, with every source replayed from the
/// fixture archive (pages written for the test; see its EXPECTED.md).
#[test]
fn the_kazan_claims_replayed_from_the_archive() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cache = tempfile::tempdir().unwrap();
    let out = factcheck()
        .current_dir(root)
        .args([
            "check",
            "--offline",
            "--replay",
            "tests/fixtures/e2e/sources.warc.gz",
            "claims/2024-10-22-un-chief-kazan.toml",
            "--format",
            "json",
            "--cache-dir",
        ])
        .arg(cache.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = json["files"][0]["claims"].as_array().unwrap();
    let by_id = |id: &str| claims.iter().find(|c| c["id"] == id).unwrap();
    let expected: &[Expected] = &[
        (
            "guterres-putin-meeting",
            "match",
            &[
                ("rferl-putin-guterres", "match", None),
                ("novaya-kyiv-slams", "match", None),
            ],
        ),
        (
            "mfa-declined-invitation",
            "match",
            &[
                ("novaya-kyiv-slams", "match", None),
                ("nukta-reuters", "match", None),
                ("independent-live", "match", None),
            ],
        ),
        (
            "mfa-accepted-kazan",
            "match",
            &[
                ("novaya-kyiv-slams", "match", None),
                ("nukta-reuters", "match", None),
                ("independent-live", "match", None),
            ],
        ),
        (
            "mfa-not-peace",
            "disputed",
            &[
                ("nukta-reuters", "match", None),
                ("independent-live", "match", None),
                ("glavnoe-mfa", "mismatch", None),
            ],
        ),
        (
            "mfa-un-reputation",
            "match",
            &[
                ("nukta-reuters", "match", None),
                ("independent-live", "match", None),
                ("glavnoe-mfa", "match", None),
            ],
        ),
        (
            "guterres-declined-summit",
            "match",
            &[
                ("moscow-times-kazan", "match", None),
                ("novaya-kyiv-slams", "match", None),
            ],
        ),
        ("announcement-imminent", "unsourced", &[]),
        (
            "first-trip-in-two-years",
            "not-found",
            &[("moscow-times-kazan", "not-found", None)],
        ),
        (
            "zaporizhzhia-killed",
            "match",
            &[
                ("online-ua-zaporizhzhia", "match", Some("two")),
                ("aljazeera-day-970", "match", Some("three")),
            ],
        ),
        (
            "zaporizhzhia-injured",
            "disputed",
            &[
                ("online-ua-zaporizhzhia", "match", Some("15")),
                ("pravda-zaporizhzhia-update", "mismatch", Some("20")),
            ],
        ),
        (
            "buildings-damaged",
            "match",
            &[
                ("liga-zaporizhzhia", "match", None),
                ("mediacenter-fedorov", "match", None),
            ],
        ),
        (
            "nk-special-forces",
            "mismatch",
            &[
                ("anews-afp-nk", "mismatch", Some("about 1,800")),
                ("kyivpost-nis", "not-found", None),
            ],
        ),
        (
            "nk-up-to-12000",
            "match",
            &[
                ("joongang-summons", "match", None),
                ("asiae-brigades", "match", None),
            ],
        ),
        (
            "nk-12000-strong",
            "match",
            &[
                ("joongang-summons", "match", None),
                ("asiae-brigades", "match", None),
            ],
        ),
        (
            "nk-four-brigades",
            "match",
            &[
                ("kbs-12000", "match", None),
                ("asiae-brigades", "match", None),
            ],
        ),
        (
            "state-dept-quote",
            "unreachable",
            &[("turan-state-dept", "unreachable", None)],
        ),
        (
            "south-korea-summons-envoy",
            "match",
            &[
                ("joongang-summons", "match", None),
                ("kbs-summons", "match", None),
            ],
        ),
        (
            "uk-loan",
            "match",
            &[
                ("independent-uk-loan", "match", None),
                ("forces-news-loan", "match", None),
            ],
        ),
        (
            "us-drone-package",
            "match",
            &[
                ("swissinfo-reuters-drones", "match", None),
                ("kyiv-independent-drones", "match", None),
            ],
        ),
        (
            "lawmakers-dozens",
            "match",
            &[
                ("rferl-slb", "match", None),
                ("doggett-release", "match", None),
            ],
        ),
        (
            "lawmakers-slb-exception",
            "match",
            &[
                ("rferl-slb", "match", None),
                ("doggett-release", "match", None),
            ],
        ),
        (
            "g7-loan",
            "match",
            &[
                ("g7-era-statement", "match", None),
                ("babel-g7", "match", None),
            ],
        ),
    ];
    assert_eq!(claims.len(), expected.len());
    for (id, verdict, sources) in expected {
        let claim = by_id(id);
        assert_eq!(claim["verdict"], *verdict, "{id}: {claim:#}");
        let evidence = claim["evidence"].as_array().unwrap();
        assert_eq!(evidence.len(), sources.len(), "{id}");
        for (ev, (source, verdict, found)) in evidence.iter().zip(*sources) {
            assert_eq!(ev["source"], *source, "{id}");
            assert_eq!(ev["verdict"], *verdict, "{id} {source}: {ev:#}");
            if let Some(found) = found {
                assert_eq!(
                    ev["found"]["text"].as_str().map(str::to_lowercase),
                    Some(found.to_lowercase()),
                    "{id} {source}"
                );
            }
        }
    }
    // A count read as evidence is a whole number: "More than 30" is 31.
    let liga = &by_id("buildings-damaged")["evidence"][0];
    assert_eq!(liga["found"]["text"], "More than 30");
    assert_eq!(
        (
            liga["found"]["low"].as_f64(),
            liga["found"]["high"].as_f64()
        ),
        (Some(31.0), Some(31.0))
    );
    assert_eq!(liga["relation"], "within");
    assert_eq!(
        by_id("state-dept-quote")["evidence"][0]["error"],
        "HTTP 404 Not Found"
    );
    let glavnoe = &by_id("mfa-not-peace")["evidence"][2]["diff"];
    let ops: Vec<(&str, &str)> = glavnoe
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["op"].as_str().unwrap(), d["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        ops,
        vec![
            ("equal", "does not"),
            ("delete", "advance"),
            ("insert", "serve"),
            ("equal", "the cause of peace"),
        ]
    );
    assert_eq!(
        json["summary"],
        serde_json::json!({"claims": 22, "match": 16, "mismatch": 1, "disputed": 2, "unsourced": 1, "not-found": 1, "unreachable": 1})
    );
}

#[test]
fn factcheck_toml_names_archives_to_replay() {
    let archive = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/e2e/sources.warc.gz");
    let p = Project::new();
    p.file(
        "factcheck.toml",
        &format!("offline = true\nreplay = [{:?}]\n", archive.display().to_string()),
    )
    .file(
        "claims/a.toml",
        &claims(
            "[[claim]]\nid = \"injured\"\ntext = \"It injured 15.\"\nvalue = \"15\"\n\
             about = [\"Zaporizhzhia\", \"injur*\"]\nsources = [\"https://www.pravda.com.ua/eng/news/2024/10/22/7480826/\"]\n",
        ),
    );
    let out = factcheck()
        .current_dir(p.path())
        .args(["check", "--format", "json", "--cache-dir"])
        .arg(p.path().join(".cache"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ev = &json["files"][0]["claims"][0]["evidence"][0];
    assert_eq!(ev["verdict"], "mismatch", "{ev:#}");
    assert_eq!(ev["found"]["text"], "20");
}

#[test]
fn a_selector_that_matches_nothing_makes_that_source_unreachable() {
    let p = Project::new();
    p.file("pages/a.html", PAGE).file(
        "claims/a.toml",
        &claims(
            "[sources.gone]\nurl = \"../pages/a.html\"\nselect = \"div.nothing\"\n\n\
             [sources.body]\nurl = \"../pages/a.html\"\nselect = \"main\"\n\n\
             [[claim]]\nid = \"killed\"\ntext = \"It killed at least two.\"\nvalue = \"at least two\"\n\
             about = [\"Zaporizhzhia\", \"kill*\"]\nsources = [\"gone\", \"body\"]\n",
        ),
    );
    let (code, json) = p.json(&[]);
    assert_eq!(code, 0);
    let evidence = &json["files"][0]["claims"][0]["evidence"];
    assert_eq!(evidence[0]["verdict"], "unreachable");
    assert!(
        evidence[0]["error"]
            .as_str()
            .unwrap()
            .contains("div.nothing")
    );
    assert_eq!(evidence[1]["verdict"], "match");
    assert_eq!(json["files"][0]["claims"][0]["verdict"], "match");
}

#[test]
fn a_page_not_in_english_carries_a_reading_note() {
    let page = "<html lang=\"de\"><body><article><p>Bei dem Angriff wurden 15 Menschen verletzt, sagte der Gouverneur.</p></article></body></html>";
    let p = Project::new();
    p.file("pages/a.html", page).file(
        "claims/a.toml",
        &claims(
            "[[claim]]\nid = \"injured\"\ntext = \"It injured 15.\"\nvalue = \"15\"\n\
             about = [\"verletzt\"]\nsources = [\"../pages/a.html\"]\n",
        ),
    );
    let (_, json) = p.json(&[]);
    let evidence = &json["files"][0]["claims"][0]["evidence"][0];
    assert_eq!(evidence["verdict"], "match", "{evidence:#}");
    let notes = evidence["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].as_str().unwrap().contains("is in de, not English"),
        "{notes:?}"
    );
}

/// A fact-check page (schema.org `ClaimReview` as JSON-LD) that rates the
/// claim false: the source gives `mismatch` with its rating, though the page
/// quotes the figure; the JSON report marks the source with its review.
#[test]
fn a_fact_check_page_rating_the_claim_false_gives_mismatch() {
    let page = r#"<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "ClaimReview",
         "claimReviewed": "The council hired 300 teachers in 2023",
         "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5,
                          "alternateName": "False"}}</script></head>
        <body><main><p>The mayor said the council hired 300 teachers.</p>
        <p>Payroll records show 120 teachers were hired.</p></main></body></html>"#;
    let claim = "[[claim]]\nid = \"teachers\"\ntext = \"The council hired 300 teachers.\"\n\
        value = \"300\"\nabout = [\"council\", \"teachers\"]\nsources = [\"../pages/f.html\"]\n";
    let p = Project::new();
    p.file("pages/f.html", page)
        .file("claims/a.toml", &claims(claim));
    let out = p.check().args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ev = &json["files"][0]["claims"][0]["evidence"][0];
    assert_eq!(ev["verdict"], "mismatch");
    assert_eq!(ev["source_review"]["rating"], "False");
    assert_eq!(
        ev["source_review"]["claim_reviewed"],
        "The council hired 300 teachers in 2023"
    );
}

/// The JSON report says which figure was bound and by which step.
#[test]
fn the_json_report_shows_the_binding_step() {
    let p = Project::new();
    p.file("pages/a.html", PAGE)
        .file("claims/a.toml", &claims(MISMATCH));
    let out = p.check().args(["--format", "json"]).output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ev = &json["files"][0]["claims"][0]["evidence"][0];
    assert_eq!(ev["found"]["text"], "15");
    assert_eq!(ev["binding"]["step"], "adjacency");
    assert_eq!(ev["binding"]["set_aside"][0]["text"], "two");
    assert_eq!(ev["binding"]["set_aside"][0]["step"], "other-term");
}
