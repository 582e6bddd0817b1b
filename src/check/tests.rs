#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use proptest::prelude::*;

use super::*;
use crate::compare::{SourceVerdict, Verdict};
use crate::report::{Format, RenderOptions};
use crate::review::fixture::{T1, at, evidence, figure_claim, file, point, unreachable};
use crate::review::{Selection, current};

/// A check run through the library, without the binary: claim files on
/// disk, a local page, a report value out.
#[test]
fn a_check_runs_through_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("factcheck.toml"), "").unwrap();
    std::fs::create_dir_all(root.join("claims")).unwrap();
    std::fs::create_dir_all(root.join("pages")).unwrap();
    std::fs::write(
        root.join("pages/a.html"),
        "<main><p>In Zaporizhzhia, strikes killed two people and injured 15.</p></main>",
    )
    .unwrap();
    std::fs::write(
        root.join("claims/a.toml"),
        "[article]\ntitle = \"T\"\n\n[sources.page]\nurl = \"../pages/a.html\"\nname = \"The page\"\n\n\
         [[claim]]\nid = \"killed\"\ntext = \"t\"\nvalue = \"two\"\nabout = [\"Zaporizhzhia\", \"kill*\"]\nsources = [\"page\"]\n\n\
         [[claim]]\nid = \"injured\"\ntext = \"t\"\nvalue = \"20\"\nabout = [\"Zaporizhzhia\", \"injur*\"]\nsources = [\"page\"]\n",
    )
    .unwrap();
    let loaded = crate::claims::load(&[root.join("claims")]);
    assert!(loaded.is_ok(), "{:?}", loaded.errors);
    let started: jiff::Timestamp = "2026-12-07T10:00:00Z".parse().unwrap();
    let options = Options {
        fetch: fetch::Settings {
            cache_dir: None,
            offline: true,
            ..fetch::Settings::default()
        },
        gate: Gate::default(),
        started,
    };
    let report = run(&loaded.files, &options).unwrap();
    assert_eq!(report.run.started, "2026-12-07T10:00:00Z");
    assert!(report.run.tool.starts_with("factcheck "));
    let claims = &report.files[0].claims;
    assert_eq!(claims[0].verdict, Verdict::Match);
    assert!(!claims[0].failing);
    assert_eq!(claims[1].verdict, Verdict::Mismatch);
    assert!(claims[1].failing);
    assert!(report.failing());
    let ev = &claims[0].evidence[0];
    assert_eq!(ev.name.as_deref(), Some("The page"));
    assert_eq!(ev.origin, Some(Origin::File));
    assert!(ev.read_at.is_some());
    // --fail-on without mismatch: the same run passes.
    let options = Options {
        gate: Gate {
            fail_on: vec![Verdict::NotFound],
            locked: false,
        },
        ..options
    };
    assert!(!run(&loaded.files, &options).unwrap().failing());
}

/// A claim's standing against its lock, for the property test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LockState {
    Never,
    Same,
    Different,
}

fn lock_state() -> impl Strategy<Value = LockState> {
    prop_oneof![
        Just(LockState::Never),
        Just(LockState::Same),
        Just(LockState::Different)
    ]
}

fn source_verdict() -> impl Strategy<Value = SourceVerdict> {
    proptest::sample::select(SourceVerdict::ALL.to_vec())
}

fn ev(id: &str, verdict: SourceVerdict, n: &str) -> compare::Evidence {
    let passage = format!("The strike killed {n} civilians.");
    match verdict {
        SourceVerdict::Unreachable => unreachable(id, "HTTP 404 Not Found"),
        SourceVerdict::NotFound => evidence(id, verdict, None, None),
        _ => evidence(id, verdict, Some(&passage), Some(point(n, 2.0))),
    }
}

/// The claims of one file and their lock, built from random verdicts: the
/// pipeline's results as `check` hands them to [`report`].
fn checked(claims: &[(Vec<SourceVerdict>, LockState)]) -> (Checked, Option<Lock>) {
    let ids: Vec<String> = (0..claims.len()).map(|i| format!("c{i}")).collect();
    let source_ids = ["s0", "s1", "s2"];
    let mut f = file(
        claims
            .iter()
            .zip(&ids)
            .map(|((verdicts, _), id)| figure_claim(id, "two", &source_ids[..verdicts.len()]))
            .collect(),
    );
    f.path = PathBuf::from("claims/p.toml");
    let outcome = |verdicts: &[SourceVerdict], n: &str| {
        let evidence: Vec<_> = verdicts
            .iter()
            .zip(source_ids)
            .map(|(v, id)| ev(id, *v, n))
            .collect();
        compare::Outcome {
            verdict: compare::verdict(&evidence),
            evidence,
        }
    };
    let now: Vec<_> = claims.iter().map(|(v, _)| outcome(v, "two")).collect();
    let then: Vec<_> = claims
        .iter()
        .map(|(v, state)| match state {
            // Some other evidence: every source now said "five".
            LockState::Different => outcome(&vec![SourceVerdict::Match; v.len()], "five"),
            _ => outcome(v, "two"),
        })
        .collect();
    let mut lock = review::accept(
        None,
        &current(&f, &then),
        &BTreeMap::new(),
        at(T1),
        Selection::All,
    );
    for ((_, state), id) in claims.iter().zip(&ids) {
        if *state == LockState::Never {
            lock.claims.remove(id);
        }
    }
    let checked = Checked {
        file: f,
        outcomes: now,
        hashes: BTreeMap::new(),
        reads: BTreeMap::new(),
    };
    (checked, Some(lock))
}

/// The failing claims as an editor reads each format.
fn shown_failing(report: &Report, format: Format) -> (usize, bool) {
    let out = crate::report::render(
        report,
        &RenderOptions {
            format,
            ..RenderOptions::default()
        },
    );
    let claims = report.summary.claims;
    match format {
        Format::Term => {
            let marks = out.lines().filter(|l| l.ends_with("  FAIL")).count();
            let last = out.lines().last().unwrap_or_default();
            (marks, !last.ends_with("; passed"))
        }
        Format::Json => {
            let json: serde_json::Value = serde_json::from_str(&out).unwrap();
            let n = json["files"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|f| f["claims"].as_array().unwrap())
                .filter(|c| c["failing"] == true)
                .count();
            (n, n > 0)
        }
        Format::Markdown => {
            let pass = out.contains(&format!("all {claims} claims pass"));
            let n = (0..=claims)
                .find(|k| out.contains(&format!("{k} of {claims} claims fail")))
                .unwrap_or(0);
            (n, !pass)
        }
        Format::Junit => {
            let n = out.matches("<failure").count();
            (n, n > 0)
        }
        Format::Html => {
            let n = out.matches("data-fails=\"1\"").count();
            let pass = out.contains(&format!("All {claims} claims pass."));
            (n, !pass)
        }
        Format::Github => {
            let n = out.lines().filter(|l| l.starts_with("::error ")).count();
            let last = out.lines().last().unwrap_or_default();
            (n, !last.ends_with("; passed"))
        }
        Format::Sarif => {
            let json: serde_json::Value = serde_json::from_str(&out).unwrap();
            let n = json["runs"][0]["results"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["level"] == "error")
                .count();
            (n, n > 0)
        }
        // Not a gate: a ClaimReview feed has no pass or fail.
        Format::Claimreview => (usize::MAX, false),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    /// Every format shows exactly the claims the spec's definition fails,
    /// and says "passed" exactly when the exit code is 0, under any
    /// `--fail-on`, `--strict` and `--locked`.
    #[test]
    fn every_format_agrees_with_the_exit_code(
        claims in proptest::collection::vec(
            (proptest::collection::vec(source_verdict(), 0..=3), lock_state()),
            1..7,
        ),
        fail_on in proptest::collection::vec(any::<bool>(), 6),
        strict in any::<bool>(),
        locked in any::<bool>(),
    ) {
        let fail_on: Vec<Verdict> = if strict {
            crate::report::STRICT_FAIL_ON.to_vec()
        } else {
            Verdict::ALL.into_iter().zip(&fail_on).filter(|(_, on)| **on).map(|(v, _)| v).collect()
        };
        let gate = Gate { fail_on, locked };
        let (checked, lock) = checked(&claims);
        let report = report(&[checked], &[lock], at_started(), &gate);
        // The spec's definition, computed here independently of the library.
        let mut want = 0;
        for ((verdicts, state), claim) in claims.iter().zip(&report.files[0].claims) {
            let sourced = !verdicts.is_empty();
            let accepted = *state == LockState::Same || (*state == LockState::Different && !sourced);
            let changed = (*state == LockState::Different && sourced)
                || (*state == LockState::Never && sourced && locked);
            prop_assert_eq!(claim.accepted, accepted);
            let fails = (!accepted && gate.fail_on.contains(&claim.verdict)) || (locked && changed);
            prop_assert_eq!(claim.failing, fails, "{:?}", claim);
            want += usize::from(fails);
        }
        let exit_fails = report.failing();
        prop_assert_eq!(exit_fails, want > 0);
        for format in Format::ALL {
            if format == Format::Claimreview {
                continue;
            }
            let (shown, says_fail) = shown_failing(&report, format);
            prop_assert_eq!(shown, want, "{}", format);
            prop_assert_eq!(says_fail, exit_fails, "{}", format);
        }
    }
}

fn at_started() -> jiff::Timestamp {
    "2026-12-07T10:00:00Z".parse().unwrap()
}
