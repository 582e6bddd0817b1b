//! The gate an editor trusts (issue 15): every report agrees with the exit
//! code, sources are fresh (revalidated, counted at a real local server), and
//! every report says where each source's text came from and when.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::factcheck;
use crate::server::{Reply, Server};

/// A project whose sources are pages on a local server: the page's body
/// and `ETag` can change between runs, and 304s are counted.
struct Site {
    dir: tempfile::TempDir,
    server: Server,
    page: Arc<Mutex<(String, String)>>,
    down: Arc<Mutex<bool>>,
    not_modified: Arc<AtomicUsize>,
}

impl Site {
    fn new(body: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("factcheck.toml"), "").unwrap();
        let page = Arc::new(Mutex::new((body.to_owned(), "\"v1\"".to_owned())));
        let down = Arc::new(Mutex::new(false));
        let not_modified = Arc::new(AtomicUsize::new(0));
        let (p, d, n) = (page.clone(), down.clone(), not_modified.clone());
        let server = Server::start(move |req, _| {
            if *d.lock().unwrap() {
                return Reply::status(503, &[]);
            }
            let (body, etag) = p.lock().unwrap().clone();
            if req.header("if-none-match") == Some(etag.as_str()) {
                n.fetch_add(1, Ordering::SeqCst);
                return Reply::status(304, &[("ETag", &etag)]);
            }
            Reply::Full {
                status: 200,
                headers: vec![
                    ("Content-Type".into(), "text/html; charset=utf-8".into()),
                    ("ETag".into(), etag),
                ],
                body: body.into_bytes(),
            }
        });
        let site = Site {
            dir,
            server,
            page,
            down,
            not_modified,
        };
        let url = site.server.url("/report");
        site.file(
            "claims/a.toml",
            &format!(
                "[article]\ntitle = \"Strike\"\n\n[sources.wire]\nurl = \"{url}\"\nname = \"The Wire\"\n\n\
                 [[claim]]\nid = \"killed\"\ntext = \"The strike killed 14 people.\"\nvalue = \"14\"\n\
                 about = [\"strike\", \"kill*\"]\nsources = [\"wire\"]\n\n\
                 [[claim]]\nid = \"share\"\ntext = \"60% of homes lost power.\"\nvalue = \"60%\"\n\
                 about = [\"homes\", \"power\"]\nsources = [\"wire\"]\n"
            ),
        );
        site
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self, name: &str, text: &str) {
        let path = self.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// The page now says `body`, under a new `ETag`.
    fn change(&self, body: &str) {
        *self.page.lock().unwrap() = (body.to_owned(), "\"v2\"".to_owned());
    }

    fn hits(&self) -> usize {
        self.server.hits("/report")
    }

    fn run(&self, args: &[&str]) -> (i32, String) {
        let out = factcheck()
            .current_dir(self.path())
            .args(args)
            .args(["--retries", "0"])
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    fn json(&self, args: &[&str]) -> (i32, Value) {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let (code, out) = self.run(&all);
        (code, serde_json::from_str(&out).unwrap())
    }
}

const BEFORE: &str = "<main><p>The strike killed 14 people, officials said.</p>\
    <p>About 60% of homes lost power after the strike.</p></main>";
const AFTER: &str = "<main><p>The strike killed 19 people, officials said.</p>\
    <p>About 45% of homes lost power after the strike.</p></main>";

fn evidence(json: &Value, claim: usize) -> &Value {
    &json["files"][0]["claims"][claim]["evidence"][0]
}

#[test]
fn an_unchanged_page_costs_a_304_and_a_changed_one_is_seen_next_run() {
    let site = Site::new(BEFORE);
    let (code, json) = site.json(&[]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(evidence(&json, 0)["origin"], "network");
    assert_eq!(evidence(&json, 0)["name"], "The Wire");
    assert_eq!(site.hits(), 1);

    // Unchanged: one conditional request, answered 304.
    let (code, json) = site.json(&[]);
    assert_eq!(code, 0);
    assert_eq!(evidence(&json, 0)["origin"], "revalidated");
    assert_eq!(site.hits(), 2);
    assert_eq!(site.not_modified.load(Ordering::SeqCst), 1);

    // Changed: seen on the next run without --refresh.
    site.change(AFTER);
    let (code, json) = site.json(&[]);
    assert_eq!(code, 1);
    assert_eq!(json["files"][0]["claims"][0]["verdict"], "mismatch");
    assert_eq!(json["files"][0]["claims"][1]["verdict"], "mismatch");
    assert_eq!(evidence(&json, 0)["origin"], "network");
    assert_eq!(site.hits(), 3);
    assert_eq!(site.not_modified.load(Ordering::SeqCst), 1);
}

#[test]
fn max_age_lets_a_copy_stand_and_offline_never_asks_and_reports_say_so() {
    let site = Site::new(BEFORE);
    site.json(&[]);
    site.change(AFTER);
    let (code, json) = site.json(&["--max-age", "1h"]);
    assert_eq!(code, 0, "the cached copy stands");
    assert_eq!(evidence(&json, 0)["origin"], "cache");
    let (code, json) = site.json(&["--offline"]);
    assert_eq!(code, 0);
    assert_eq!(evidence(&json, 0)["origin"], "cache");
    assert_eq!(site.hits(), 1, "neither run asked the server");
    // Every format says a source came from the cache, not asked again.
    for format in ["term", "markdown", "html"] {
        let (_, out) = site.run(&["check", "--offline", "--format", format]);
        assert!(
            out.contains("from the cache without asking"),
            "{format}:\n{out}"
        );
    }
    let (_, out) = site.run(&["check", "--offline", "--format", "term", "-v"]);
    assert!(out.contains("cached copy"), "{out}");
    assert!(out.contains("“The Wire”"), "{out}");
}

#[test]
fn a_cached_copy_is_not_trusted_when_the_server_cannot_be_asked() {
    let site = Site::new(BEFORE);
    assert_eq!(site.json(&[]).0, 0);
    *site.down.lock().unwrap() = true;
    let (code, json) = site.json(&[]);
    assert_eq!(code, 1);
    assert_eq!(json["files"][0]["claims"][0]["verdict"], "unreachable");
    let error = evidence(&json, 0)["error"].as_str().unwrap();
    assert!(
        error.contains("HTTP 503") && error.contains("cached copy"),
        "{error}"
    );
    assert_eq!(evidence(&json, 0)["origin"], Value::Null);
}

#[test]
fn the_cache_never_shows_up_in_git_status() {
    let site = Site::new(BEFORE);
    std::fs::remove_file(site.path().join("factcheck.toml")).unwrap();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(site.path())
            .args(args)
            .output()
    };
    let Ok(init) = git(&["init", "-q"]) else {
        // No git on this machine: the .gitignore itself is checked below.
        return;
    };
    assert!(init.status.success());
    site.run(&["check"]);
    let ignore = std::fs::read_to_string(site.path().join(".factcheck/cache/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
    let status = git(&["status", "--porcelain", "--untracked-files=all"]).unwrap();
    let status = String::from_utf8_lossy(&status.stdout);
    assert!(!status.contains(".factcheck"), "{status}");
    assert!(status.contains("claims/a.toml"), "{status}");
}

/// Under --locked, a claim whose evidence changed since it was accepted
/// fails, and every format says so (it used to exit 1 with every report
/// saying all passed).
#[test]
fn locked_changed_evidence_fails_in_every_format() {
    let site = Site::new(BEFORE);
    let (code, _) = site.run(&["accept"]);
    assert_eq!(code, 0);
    // The page changes its wording around the same figures: still a match,
    // but the passage changed since review.
    site.change(
        "<main><p>The strike killed 14 people, regional officials said on Tuesday.</p>\
         <p>About 60% of homes lost power after the strike.</p></main>",
    );
    let (code, json) = site.json(&["--locked"]);
    assert_eq!(code, 1);
    let claim = &json["files"][0]["claims"][0];
    assert_eq!(claim["verdict"], "match");
    assert_eq!(claim["changed_since_review"], true);
    assert_eq!(claim["failing"], true);
    assert_eq!(json["files"][0]["claims"][1]["failing"], false);
    assert_eq!(json["run"]["locked"], true);

    let (code, out) = site.run(&["check", "--locked", "--format", "term"]);
    assert_eq!(code, 1);
    assert!(
        out.lines()
            .any(|l| l.contains("killed") && l.ends_with("FAIL")),
        "{out}"
    );
    assert!(out.trim_end().ends_with("1 failing"), "{out}");
    let (code, out) = site.run(&["check", "--locked", "--format", "markdown"]);
    assert_eq!(code, 1);
    assert!(out.contains("1 of 2 claims fail"), "{out}");
    let (code, out) = site.run(&["check", "--locked", "--format", "junit"]);
    assert_eq!(code, 1);
    assert_eq!(out.matches("<failure").count(), 1, "{out}");
    let (code, out) = site.run(&["check", "--locked", "--format", "html"]);
    assert_eq!(code, 1);
    assert!(out.contains("1 of 2 claims fail."), "{out}");
    // Without --locked the same change is shown but does not fail.
    let (code, json) = site.json(&[]);
    assert_eq!(code, 0);
    assert_eq!(json["files"][0]["claims"][0]["failing"], false);
}

#[test]
fn every_report_names_the_tool_and_the_run_start() {
    let site = Site::new(BEFORE);
    let version = format!("factcheck {}", env!("CARGO_PKG_VERSION"));
    let (_, json) = site.json(&[]);
    assert_eq!(json["run"]["tool"], version.as_str());
    let started = json["run"]["started"].as_str().unwrap();
    assert!(started.parse::<jiff::Timestamp>().is_ok(), "{started}");
    for format in ["term", "markdown", "html", "junit"] {
        let (_, out) = site.run(&["check", "--format", format]);
        assert!(out.contains(&version), "{format}:\n{out}");
        assert!(
            out.contains("run started") || out.contains("factcheck.started"),
            "{format}"
        );
    }
    // ClaimReview has a property for when the review was made, not for the
    // tool: each review's `dateCreated` is the run's start.
    let (_, out) = site.run(&["check", "--format", "claimreview"]);
    let reviews: Value = serde_json::from_str(&out).unwrap();
    let reviews = reviews.as_array().unwrap();
    assert_eq!(reviews.len(), 2, "{out}");
    for review in reviews {
        let created = review["dateCreated"].as_str().unwrap_or_default();
        assert!(created.parse::<jiff::Timestamp>().is_ok(), "{out}");
    }
}

/// `accept` prints a line per claim and holds back a claim that fails the
/// gate unless it is named (it used to accept a brand-new mismatch with one
/// line, "accepted 11 claims", and the gate passed afterwards).
#[test]
fn accept_names_each_claim_and_holds_back_a_failing_one() {
    let site = Site::new(BEFORE);
    let (code, out) = site.run(&["accept"]);
    assert_eq!(code, 0);
    assert!(out.contains("accepted 2 claims"), "{out}");
    assert!(
        out.contains("  killed: match, accepted (new: never accepted before)"),
        "{out}"
    );
    assert!(
        out.contains("  share: match, accepted (new: never accepted before)"),
        "{out}"
    );

    site.change(AFTER);
    let out = factcheck()
        .current_dir(site.path())
        .args(["accept"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("  killed: mismatch, NOT accepted")
            && stdout.contains("factcheck accept --claim killed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  share: mismatch, NOT accepted"),
        "{stdout}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("2 failing claims were not accepted"),
        "{out:?}"
    );
    // The gate still fails, with or without --locked.
    assert_eq!(site.json(&[]).0, 1);
    assert_eq!(site.json(&["--locked"]).0, 1);

    // Named, with a note: accepted, the note kept in the lock.
    let (code, out) = site.run(&[
        "accept",
        "--claim",
        "killed",
        "--note",
        "toll revised; article corrected",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("  killed: mismatch, accepted (changed (wire:"),
        "{out}"
    );
    assert!(!out.contains("share"), "{out}");
    let lock = std::fs::read_to_string(site.path().join("claims/a.lock")).unwrap();
    assert!(
        lock.contains("note = \"toll revised; article corrected\""),
        "{lock}"
    );
    let (code, json) = site.json(&["--locked"]);
    assert_eq!(code, 1, "share still fails");
    assert_eq!(json["files"][0]["claims"][0]["failing"], false);
    assert_eq!(json["files"][0]["claims"][0]["accepted"], true);
    assert_eq!(json["files"][0]["claims"][1]["failing"], true);
    // A later accept of everything keeps the note.
    site.run(&["accept"]);
    let lock = std::fs::read_to_string(site.path().join("claims/a.lock")).unwrap();
    assert!(lock.contains("toll revised"), "{lock}");
    // --note needs --claim.
    assert_eq!(site.run(&["accept", "--note", "x"]).0, 2);
}

/// `new -o` never replaces an existing file without --force (it used to
/// replace an edited claim file without asking).
#[test]
fn new_never_replaces_a_claim_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/2024-10-22-un-chief-kazan.txt");
    let out = dir.path().join("claims.toml");
    let edited = "# edited by hand: 11 claims with sources\n";
    std::fs::write(&out, edited).unwrap();
    let run = |force: bool| {
        let mut cmd = factcheck();
        cmd.arg("new").arg(&article).arg("-o").arg(&out);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let refused = run(false);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), edited);
    let forced = run(true);
    assert_eq!(forced.status.code(), Some(0));
    assert!(std::fs::read_to_string(&out).unwrap().contains("[[claim]]"));
}

/// In `value` a bare number is a count (it used to be refused as "holds no
/// figure", "1125" read as a year).
#[test]
fn a_bare_number_in_value_is_a_count() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factcheck.toml"), "").unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    std::fs::write(
        dir.path().join("claims/a.toml"),
        "[article]\ntitle = \"T\"\n\n[[claim]]\nid = \"jobs\"\ntext = \"1125 jobs went\"\nvalue = \"1125\"\nabout = [\"jobs\"]\n\n\
         [[claim]]\nid = \"one\"\ntext = \"one died\"\nvalue = \"one\"\nabout = [\"died\"]\n",
    )
    .unwrap();
    let out = factcheck()
        .current_dir(dir.path())
        .args(["check", "--offline", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stated = &json["files"][0]["claims"][0]["stated"];
    assert_eq!(
        (stated["kind"].as_str(), stated["low"].as_f64()),
        (Some("count"), Some(1125.0))
    );
    assert_eq!(json["files"][0]["claims"][1]["stated"]["low"], 1.0);
}

/// A `value` the engine sets aside says how it read it and what to write
/// instead, at the value's line and column (it said only "holds no figure").
#[test]
fn a_value_with_no_figure_says_how_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factcheck.toml"), "").unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    std::fs::write(
        dir.path().join("claims/a.toml"),
        "[article]\ntitle = \"T\"\n\n[[claim]]\nid = \"jobs\"\ntext = \"t\"\nvalue = \"in 1125\"\nabout = [\"jobs\"]\n\n\
         [[claim]]\nid = \"when\"\ntext = \"t\"\nvalue = \"22 October\"\nabout = [\"met\"]\n\n\
         [[claim]]\nid = \"far\"\ntext = \"t\"\nvalue = \"30 km\"\nabout = [\"road\"]\n",
    )
    .unwrap();
    let out = factcheck()
        .current_dir(dir.path())
        .args(["validate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for want in [
        "claims/a.toml:7:9: error: `value` `in 1125` reads as a year in running text, not as a figure",
        "write the number alone (\"1125\" is a count in `value`)",
        "claims/a.toml:13:9: error: `value` `22 October` reads as a date in running text, not as a figure",
        "claims/a.toml:19:9: error: `value` `30 km` reads as a measure in a unit factcheck does not compare",
        "leave `value` out",
    ] {
        assert!(stderr.contains(want), "{want}:\n{stderr}");
    }
}

/// Commands find the project root from any folder below it, and a path that
/// is not a claim file is one clear line (it used to fail with "claims: no
/// such file or directory", and an article was parsed as TOML, ten errors).
#[test]
fn paths_from_below_the_root_and_a_non_toml_path() {
    let site = Site::new(BEFORE);
    std::fs::create_dir_all(site.path().join("claims/deep")).unwrap();
    site.file("article.md", "# Strike\n\nThe strike killed 14 people.\n");
    for (dir, args) in [
        ("claims", vec!["check", "--format", "json"]),
        ("claims/deep", vec!["check", "--format", "json"]),
        ("claims", vec!["validate"]),
    ] {
        let out = factcheck()
            .current_dir(site.path().join(dir))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{dir} {args:?}: {out:?}");
        if args[0] == "check" {
            let json: Value = serde_json::from_slice(&out.stdout).unwrap();
            let path = json["files"][0]["path"].as_str().unwrap();
            assert!(path.ends_with("claims/a.toml"), "{path}");
        }
    }
    let out = factcheck()
        .current_dir(site.path())
        .args(["check", "article.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("article.md") && stderr.contains("not a claim file"),
        "{stderr}"
    );
}

/// A source that said nothing says why (it used to say only "read; no
/// passage is about the claim").
#[test]
fn not_found_says_which_about_entries_the_source_never_uses() {
    let site = Site::new(BEFORE);
    site.file(
        "claims/a.toml",
        &format!(
            "[article]\ntitle = \"T\"\n\n[[claim]]\nid = \"wounded\"\ntext = \"t\"\nvalue = \"3\"\n\
             about = [\"strike\", \"wounded|injured\"]\nsources = [\"{}\"]\n\n\
             [[claim]]\nid = \"cost\"\ntext = \"t\"\nvalue = \"$5 million\"\nabout = [\"officials\", \"killed\"]\nsources = [\"{}\"]\n",
            site.server.url("/report"),
            site.server.url("/report")
        ),
    );
    let (code, json) = site.json(&[]);
    assert_eq!(code, 1);
    let reason = &evidence(&json, 0)["reason"];
    assert_eq!(
        reason["missing"],
        serde_json::json!(["wounded|injured"]),
        "{json}"
    );
    assert_eq!(reason["present"], serde_json::json!(["strike"]));
    // Every entry is there, but the passages about them hold no money.
    assert_eq!(evidence(&json, 1)["reason"]["no_figure"], true, "{json}");
    for format in ["term", "markdown", "html"] {
        let (_, out) = site.run(&["check", "--format", format]);
        assert!(out.contains("never uses"), "{format}:\n{out}");
        assert!(
            out.contains("hold no figure of its kind"),
            "{format}:\n{out}"
        );
    }
}

/// A quote that is not found says how alike the source's closest run of
/// words is (it used to say only "read; no passage is about the claim").
#[test]
fn a_quote_not_found_gives_the_similarity_of_the_closest_run() {
    let site = Site::new(BEFORE);
    site.file(
        "claims/a.toml",
        &format!(
            "[article]\ntitle = \"T\"\n\n[[claim]]\nid = \"nobody\"\ntext = \"t\"\n\
             quote = \"the strike killed no one there\"\nsources = [\"{}\"]\n",
            site.server.url("/report"),
        ),
    );
    let (code, json) = site.json(&[]);
    assert_eq!(code, 1, "{json}");
    // "The strike killed 14": 2*3/(6+4).
    assert_eq!(
        evidence(&json, 0)["reason"],
        serde_json::json!({"similarity": 0.6}),
        "{json}"
    );
    for format in ["term", "markdown", "html", "junit", "github", "sarif"] {
        let (_, out) = site.run(&["check", "--format", format]);
        // The runner's command format escapes `%`.
        let out = out.replace("%25", "%");
        assert!(
            out.contains("closest run of words is 60% alike (75% needed)"),
            "{format}:\n{out}"
        );
    }
}

/// The Markdown report writes a passage's quotation marks and brackets as
/// they are (it wrote `&quot;`, `&#39;` and `&#40;` into the raw comment),
/// while markup in the page stays escaped.
#[test]
fn markdown_passages_keep_their_quotation_marks() {
    let site = Site::new(
        "<main><p>\"The strike killed 14 people,\" officials said (AP) <b>[x](y)</b>.</p></main>",
    );
    site.file(
        "claims/a.toml",
        &format!(
            "[article]\ntitle = \"T\"\n\n[[claim]]\nid = \"killed\"\ntext = \"t\"\nvalue = \"15\"\n\
             about = [\"strike\", \"kill*\"]\nsources = [\"{}\"]\n",
            site.server.url("/report"),
        ),
    );
    let (code, out) = site.run(&["check", "--format", "markdown"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "passage: \"The strike killed **14** people,\" officials said (AP) &#91;x&#93;(y)."
        ),
        "{out}"
    );
    assert!(!out.contains("&quot;") && !out.contains("&#40;"), "{out}");
}

/// A duration claim keeps its qualifier: "about eight hours" against a
/// source's "nearly eight hours" is a match (it was read as exactly 8 hours,
/// a false alarm), and "over two years" holds "two and a half years" as it
/// holds "30 months".
#[test]
fn a_duration_claim_keeps_its_qualifier() {
    let site = Site::new(
        "<main><p>The rescue took nearly eight hours, officials said.</p>\
         <p>The siege lasted two and a half years.</p>\
         <p>The blockade lasted 30 months.</p></main>",
    );
    let url = site.server.url("/report");
    site.file(
        "claims/a.toml",
        &format!(
            "[article]\ntitle = \"T\"\n\n[[claim]]\nid = \"rescue\"\ntext = \"t\"\nvalue = \"about eight hours\"\n\
             about = [\"rescue\", \"hours\"]\nsources = [\"{url}\"]\n\n\
             [[claim]]\nid = \"siege\"\ntext = \"t\"\nvalue = \"over two years\"\nabout = [\"siege\", \"years\"]\nsources = [\"{url}\"]\n\n\
             [[claim]]\nid = \"blockade\"\ntext = \"t\"\nvalue = \"over two years\"\nabout = [\"blockade\", \"months\"]\nsources = [\"{url}\"]\n"
        ),
    );
    let (code, json) = site.json(&[]);
    assert_eq!(code, 0, "{json}");
    let claims = json["files"][0]["claims"].as_array().unwrap();
    for claim in claims {
        assert_eq!(claim["verdict"], "match", "{claim}");
    }
    let stated = &claims[0]["stated"];
    assert_eq!(
        (stated["low"].as_f64(), stated["high"].as_f64()),
        (Some(7.2), Some(8.8))
    );
    let stated = &claims[1]["stated"];
    assert_eq!(
        (stated["low"].as_f64(), &stated["low_open"]),
        (Some(2.0), &Value::Bool(true))
    );
    let (_, out) = site.run(&["check", "-v"]);
    assert!(
        out.contains("stated: \"about eight hours\" = [7.2, 8.8] hours"),
        "{out}"
    );
    assert!(out.contains("= just below 8 hours (within)"), "{out}");
}
