use std::collections::BTreeMap;
use std::path::PathBuf;

use super::fixture::*;
use super::*;
use crate::compare::{SourceVerdict, Verdict};
use crate::quantity::Kind;

/// A word-diff case: old, new, and the ops wanted.
type DiffCase<'a> = (&'a str, &'a str, &'a [(Op, &'a str)]);
/// A status case: claim now, evidence now, accepted, changed, edited fields, changed sources.
type StatusCase<'a> = (
    &'a Claim,
    Vec<Evidence>,
    bool,
    bool,
    &'a [&'a str],
    &'a [&'a str],
);

fn locked_one(claim: &Claim, out: &Outcome) -> Lock {
    accept(
        None,
        &[Current {
            claim,
            outcome: out,
        }],
        &hashes(),
        at(T1),
        Selection::All,
    )
}

#[test]
fn word_diffs_mark_replaced_words() {
    let cases: &[DiffCase] = &[
        ("", "", &[]),
        ("a b c", "a b c", &[(Op::Equal, "a b c")]),
        (
            "The strike killed two civilians",
            "The strike killed five civilians",
            &[
                (Op::Equal, "The strike killed"),
                (Op::Delete, "two"),
                (Op::Insert, "five"),
                (Op::Equal, "civilians"),
            ],
        ),
        ("", "new words here", &[(Op::Insert, "new words here")]),
        ("gone  now", "", &[(Op::Delete, "gone now")]),
        (
            "a  b\nc",
            "a b c d",
            &[(Op::Equal, "a b c"), (Op::Insert, "d")],
        ),
    ];
    for (old, new, want) in cases {
        let got: Vec<(Op, String)> = word_diff(old, new)
            .into_iter()
            .map(|d| (d.op, d.text))
            .collect();
        let want: Vec<(Op, String)> = want.iter().map(|(o, t)| (*o, (*t).to_owned())).collect();
        assert_eq!(got, want, "{old:?} -> {new:?}");
    }
}

#[test]
fn text_hash_is_sha256_hex() {
    assert_eq!(
        text_hash(""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        text_hash("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn datetime_is_utc_to_the_second() {
    let moment: jiff::Timestamp = "2026-11-29T11:57:03.123456Z".parse().unwrap();
    assert_eq!(datetime(moment).to_string(), "2026-11-29T11:57:03Z");
}

#[test]
fn lock_path_sits_beside_the_claim_file() {
    assert_eq!(
        lock_path(Path::new("claims/2024/x.toml")),
        PathBuf::from("claims/2024/x.lock")
    );
}

#[test]
fn a_lock_round_trips_and_is_stable() {
    let claims = vec![
        figure_claim("zeta", "two", &["wire"]),
        quote_claim(
            "alpha",
            "does not advance the cause of peace",
            &["wire", "mfa"],
        ),
        figure_claim("down", "two", &["gone"]),
    ];
    let mut money = point("$50bn", 50e9);
    money.kind = Kind::Money;
    money.unit = Some("USD".to_owned());
    money.evidence.low_open = true;
    money.evidence.high = None;
    money.restated = Some(Box::new(point("£38.5bn", 38.5e9)));
    let outcomes = vec![
        outcome(
            Verdict::Match,
            vec![evidence(
                "wire",
                SourceVerdict::Match,
                Some("x \"quoted\"\n\ty"),
                Some(money),
            )],
        ),
        outcome(
            Verdict::Mismatch,
            vec![
                evidence("wire", SourceVerdict::NotFound, None, None),
                evidence(
                    "mfa",
                    SourceVerdict::Mismatch,
                    Some("does not advance peace"),
                    None,
                ),
            ],
        ),
        outcome(Verdict::Unreachable, vec![unreachable("gone", "HTTP 404")]),
    ];
    let f = file(claims);
    let lock = accept(
        None,
        &current(&f, &outcomes),
        &hashes(),
        at(T1),
        Selection::All,
    );
    let text = lock.to_toml().unwrap();
    assert_eq!(Lock::parse(&text).unwrap(), lock);
    // Rebuilt from the same evidence at a later time: the same bytes.
    let again = accept(
        Some(&lock),
        &current(&f, &outcomes),
        &hashes(),
        at(T2),
        Selection::All,
    );
    assert_eq!(again.to_toml().unwrap(), text);
    // Sorted by claim id, then source id; no error reasons, no hash for the unreachable.
    let alpha = text.find("[claim.alpha]").unwrap();
    let down = text.find("[claim.down]").unwrap();
    let zeta = text.find("[claim.zeta]").unwrap();
    assert!(alpha < down && down < zeta, "{text}");
    assert!(
        text.find("[claim.alpha.source.mfa]").unwrap()
            < text.find("[claim.alpha.source.wire]").unwrap()
    );
    assert!(!text.contains("404"), "{text}");
    assert_eq!(lock.claims["down"].sources["gone"].sha256, None);
    assert!(text.starts_with("# factcheck evidence lock"));
    assert!(text.contains("first-read = 2026-11-29T10:00:00Z"), "{text}");
    // The format as people and diffs see it.
    insta::assert_snapshot!(text);
}

#[test]
fn parse_refuses_what_is_not_a_lock() {
    let cases = [
        ("version = 2\n", "version 2"),
        ("version = \"one\"\n", "not a valid lock"),
        ("[claim.x]\ntext = 1\n", "not a valid lock"),
        (
            "version = 1\n[claim.x]\ntext = \"t\"\n[claim.x.source.s]\nurl = \"u\"\nfirst-read = 2026-01-01T00:00:00Z\nverdict = \"maybe\"\n",
            "not a valid lock",
        ),
    ];
    for (text, want) in cases {
        let err = Lock::parse(text).unwrap_err().to_string();
        assert!(err.contains(want), "{text:?}: {err}");
    }
    assert_eq!(Lock::parse("version = 1\n").unwrap(), Lock::new());
}

#[test]
fn first_read_is_kept_while_the_evidence_is_the_same() {
    let claim = figure_claim("k", "two", &["wire"]);
    let v1 = outcome(Verdict::Match, vec![killed("two", 2.0)]);
    let lock = locked_one(&claim, &v1);
    // (evidence at the second accept, hash at the second accept, first-read wanted)
    let cases = [
        (killed("two", 2.0), "page text", T1),
        // The page changed around the passage: the hash follows, first-read stays.
        (killed("two", 2.0), "page text, updated", T1),
        (killed("five", 5.0), "page text", T2),
        (
            evidence("wire", SourceVerdict::NotFound, None, None),
            "page text",
            T2,
        ),
        (unreachable("wire", "timed out"), "page text", T2),
    ];
    for (ev, page, want) in cases {
        let out = outcome(Verdict::Match, vec![ev.clone()]);
        let h = BTreeMap::from([("wire".to_owned(), text_hash(page))]);
        let next = accept(
            Some(&lock),
            &[Current {
                claim: &claim,
                outcome: &out,
            }],
            &h,
            at(T2),
            Selection::All,
        );
        let got = &next.claims["k"].sources["wire"];
        assert_eq!(got.first_read, at(want), "{ev:?}");
        let want_hash = (ev.verdict != SourceVerdict::Unreachable).then(|| text_hash(page));
        assert_eq!(got.sha256, want_hash, "{ev:?}");
    }
}

#[test]
fn accept_drops_gone_claims_and_honours_claim_selection() {
    let a = figure_claim("a", "two", &["wire"]);
    let b = figure_claim("b", "two", &["wire"]);
    let gone = figure_claim("gone", "two", &["wire"]);
    let v1 = outcome(Verdict::Match, vec![killed("two", 2.0)]);
    let v2 = outcome(Verdict::Mismatch, vec![killed("five", 5.0)]);
    let lock = accept(
        None,
        &[
            Current {
                claim: &a,
                outcome: &v1,
            },
            Current {
                claim: &b,
                outcome: &v1,
            },
            Current {
                claim: &gone,
                outcome: &v1,
            },
        ],
        &hashes(),
        at(T1),
        Selection::All,
    );
    let now = [
        Current {
            claim: &a,
            outcome: &v2,
        },
        Current {
            claim: &b,
            outcome: &v2,
        },
    ];
    let passage = |l: &Lock, id: &str| l.claims[id].sources["wire"].passage.clone().unwrap();
    let only_b = accept(Some(&lock), &now, &hashes(), at(T2), Selection::Claim("b"));
    assert_eq!(only_b.claims.keys().collect::<Vec<_>>(), ["a", "b"]);
    assert!(passage(&only_b, "a").contains("two"));
    assert!(passage(&only_b, "b").contains("five"));
    let all = accept(Some(&lock), &now, &hashes(), at(T2), Selection::All);
    assert!(passage(&all, "a").contains("five"));
    // Selecting a claim that was never accepted adds just that one.
    let fresh = accept(None, &now, &hashes(), at(T2), Selection::Claim("a"));
    assert_eq!(fresh.claims.keys().collect::<Vec<_>>(), ["a"]);
}

#[test]
fn status_against_the_lock() {
    let claim = figure_claim("k", "two", &["wire"]);
    let v1 = outcome(Verdict::Match, vec![killed("two", 2.0)]);
    let lock = locked_one(&claim, &v1);
    let entry = lock.claims.get("k");

    let mut edited = claim.clone();
    edited.text = "The strike killed two people".to_owned();
    let mut revalued = figure_claim("k", "three", &["wire"]);
    revalued.text = claim.text.clone();
    let two_sources = figure_claim("k", "two", &["wire", "other"]);
    let other = evidence(
        "other",
        SourceVerdict::Match,
        Some("Two died."),
        Some(point("Two", 2.0)),
    );
    let same_passage_other_figure = evidence(
        "wire",
        SourceVerdict::Match,
        Some("The strike killed two civilians, officials said."),
        Some(point("2", 2.0)),
    );
    let moved = Evidence {
        url: "https://example.org/moved".to_owned(),
        ..killed("two", 2.0)
    };

    let cases: Vec<StatusCase> = vec![
        (&claim, vec![killed("two", 2.0)], true, false, &[], &[]),
        // Verdict unchanged but the passage and figure moved.
        (
            &claim,
            vec![killed("five", 5.0)],
            false,
            true,
            &[],
            &["wire"],
        ),
        (
            &claim,
            vec![same_passage_other_figure],
            false,
            true,
            &[],
            &["wire"],
        ),
        (
            &claim,
            vec![evidence("wire", SourceVerdict::NotFound, None, None)],
            false,
            true,
            &[],
            &["wire"],
        ),
        (
            &claim,
            vec![unreachable("wire", "HTTP 404")],
            false,
            true,
            &[],
            &["wire"],
        ),
        (&claim, vec![moved], false, true, &[], &["wire"]),
        (
            &edited,
            vec![killed("two", 2.0)],
            false,
            true,
            &["text"],
            &[],
        ),
        (
            &revalued,
            vec![killed("two", 2.0)],
            false,
            true,
            &["value"],
            &[],
        ),
        (
            &two_sources,
            vec![killed("two", 2.0), other],
            false,
            true,
            &[],
            &["other"],
        ),
        (&two_sources, vec![], false, true, &[], &["wire"]),
    ];
    for (claim, ev, accepted, changed, edits, sources) in cases {
        let out = outcome(Verdict::Match, ev);
        let st = status(
            entry,
            Current {
                claim,
                outcome: &out,
            },
        );
        assert_eq!(st.accepted(), accepted, "{st:?}");
        assert_eq!(st.changed_since_review(false), changed, "{st:?}");
        assert_eq!(st.changed_since_review(true), changed, "{st:?}");
        let change = st.change().cloned().unwrap_or_default();
        let got_edits: Vec<&str> = change.edits.iter().map(|e| e.field).collect();
        let got_sources: Vec<&str> = change.sources.iter().map(|s| s.source.as_str()).collect();
        assert_eq!(
            (got_edits.as_slice(), got_sources.as_slice()),
            (edits, sources),
            "{st:?}"
        );
    }
}

#[test]
fn never_accepted_claims_count_as_changed_only_when_locked_and_sourced() {
    let sourced = figure_claim("k", "two", &["wire"]);
    let unsourced = figure_claim("u", "two", &[]);
    let v1 = outcome(Verdict::Match, vec![killed("two", 2.0)]);
    let none = outcome(Verdict::Unsourced, vec![]);
    // (claim, outcome, lock, changed, changed under --locked, accepted)
    let lock_u = locked_one(&unsourced, &none);
    let mut edited_u = unsourced.clone();
    edited_u.text = "Edited".to_owned();
    let cases = [
        (&sourced, &v1, None, false, true, false),
        (&unsourced, &none, None, false, false, false),
        (&unsourced, &none, Some(&lock_u), false, false, true),
        (&edited_u, &none, Some(&lock_u), false, false, false),
    ];
    for (claim, out, lock, changed, locked_changed, accepted) in cases {
        let st = status(
            lock.and_then(|l| l.claims.get(&claim.id)),
            Current {
                claim,
                outcome: out,
            },
        );
        assert_eq!(st.changed_since_review(false), changed, "{st:?}");
        assert_eq!(st.changed_since_review(true), locked_changed, "{st:?}");
        assert_eq!(st.needs_review(), locked_changed, "{st:?}");
        assert_eq!(st.accepted(), accepted, "{st:?}");
    }
}

#[test]
fn a_change_carries_the_passage_diff_and_both_figures() {
    let claim = figure_claim("k", "two", &["wire"]);
    let v1 = outcome(Verdict::Match, vec![killed("two", 2.0)]);
    let lock = locked_one(&claim, &v1);
    let v2 = outcome(Verdict::Mismatch, vec![killed("five", 5.0)]);
    let st = status(
        lock.claims.get("k"),
        Current {
            claim: &claim,
            outcome: &v2,
        },
    );
    let change = st.change().unwrap();
    let wire = &change.sources[0];
    assert_eq!(
        wire.passage_diff,
        vec![
            DiffOp {
                op: Op::Equal,
                text: "The strike killed".to_owned()
            },
            DiffOp {
                op: Op::Delete,
                text: "two".to_owned()
            },
            DiffOp {
                op: Op::Insert,
                text: "five".to_owned()
            },
            DiffOp {
                op: Op::Equal,
                text: "civilians, officials said.".to_owned()
            },
        ]
    );
    let figure = |r: &Option<Reading>| r.as_ref().unwrap().found.as_ref().unwrap().describe();
    assert_eq!(
        (figure(&wire.old), figure(&wire.new)),
        ("two".to_owned(), "five".to_owned())
    );

    // A page taken down: the old passage is all deleted.
    let v3 = outcome(Verdict::Unreachable, vec![unreachable("wire", "HTTP 404")]);
    let st = status(
        lock.claims.get("k"),
        Current {
            claim: &claim,
            outcome: &v3,
        },
    );
    let wire = &st.change().unwrap().sources[0];
    assert_eq!(wire.passage_diff.len(), 1);
    assert_eq!(wire.passage_diff[0].op, Op::Delete);
    assert_eq!(
        wire.new.as_ref().unwrap().verdict,
        LockedVerdict::Unreachable
    );
}

#[test]
fn statuses_follow_claim_order() {
    let a = figure_claim("a", "two", &["wire"]);
    let b = figure_claim("b", "two", &["wire"]);
    let v1 = outcome(Verdict::Match, vec![killed("two", 2.0)]);
    let lock = locked_one(&a, &v1);
    let f = file(vec![b, a]);
    let outs = vec![v1.clone(), v1];
    let got = statuses(Some(&lock), &current(&f, &outs));
    assert_eq!(
        got,
        vec![Status::Unreviewed { sourced: true }, Status::Accepted]
    );
    assert_eq!(
        statuses(None, &current(&f, &outs))[1],
        Status::Unreviewed { sourced: true }
    );
}

fn claim_report(evidence: &[(&str, Option<&str>)]) -> ClaimReport {
    use crate::report::{ClaimKind, EvidenceReport};
    ClaimReport {
        id: "k".to_owned(),
        line: 0,
        kind: ClaimKind::Figure,
        text: "t".to_owned(),
        verdict: Verdict::Match,
        stated: None,
        quote: None,
        changed_since_review: false,
        accepted: false,
        failing: false,
        evidence: evidence
            .iter()
            .map(|(source, passage)| EvidenceReport {
                source: (*source).to_owned(),
                name: None,
                url: format!("https://example.org/{source}"),
                verdict: SourceVerdict::Match,
                passage: passage.map(str::to_owned),
                found: None,
                relation: None,
                review_diff: None,
                others: vec![],
                diff: None,
                error: None,
                origin: None,
                read_at: None,
                notes: Vec::new(),
                reason: None,
                source_review: None,
                binding: None,
            })
            .collect(),
    }
}

#[test]
fn annotate_marks_reports() {
    let claim = figure_claim("k", "two", &["wire", "other"]);
    let other = evidence(
        "other",
        SourceVerdict::Match,
        Some("Two died."),
        Some(point("Two", 2.0)),
    );
    let v1 = outcome(Verdict::Match, vec![killed("two", 2.0), other.clone()]);
    let lock = locked_one(&claim, &v1);
    let v2 = outcome(Verdict::Match, vec![killed("five", 5.0), other]);
    let changed = status(
        lock.claims.get("k"),
        Current {
            claim: &claim,
            outcome: &v2,
        },
    );
    let new_passage = v2.evidence[0].passage.as_deref();
    // (status, --locked, accepted, changed, review diffs present)
    let cases = [
        (Status::Accepted, false, true, false, false),
        (
            Status::Unreviewed { sourced: true },
            false,
            false,
            false,
            false,
        ),
        (
            Status::Unreviewed { sourced: true },
            true,
            false,
            true,
            false,
        ),
        (changed, false, false, true, true),
    ];
    for (st, locked, accepted, changed, diffs) in cases {
        let mut report = claim_report(&[("wire", new_passage), ("other", Some("Two died."))]);
        annotate(&mut report, &st, locked);
        assert_eq!(
            (report.accepted, report.changed_since_review),
            (accepted, changed),
            "{st:?}"
        );
        let got: Vec<Option<Vec<DiffOp>>> = report
            .evidence
            .iter()
            .map(|e| e.review_diff.clone())
            .collect();
        if diffs {
            let wire = got[0].as_ref().unwrap();
            assert!(
                wire.iter().any(|d| d.op == Op::Delete && d.text == "two"),
                "{wire:?}"
            );
            // An unchanged source shows its passage as all equal.
            assert_eq!(
                got[1],
                Some(vec![DiffOp {
                    op: Op::Equal,
                    text: "Two died.".to_owned()
                }])
            );
        } else {
            assert_eq!(got, vec![None, None]);
        }
    }
}

proptest::proptest! {
    #[test]
    fn parse_never_panics(text in "\\PC{0,200}") {
        let _ = Lock::parse(&text);
    }

    #[test]
    fn any_lock_round_trips(
        passage in "\\PC{0,80}",
        id in "[a-z0-9][a-z0-9-]{0,12}",
        low in proptest::option::of(-1e15f64..1e15),
        open in proptest::bool::ANY,
    ) {
        let mut figure = point("n", 1.0);
        figure.evidence.low = low;
        figure.evidence.low_open = open;
        let claim = figure_claim(&id, "two", &["wire"]);
        let out = outcome(
            Verdict::Match,
            vec![evidence("wire", SourceVerdict::Match, Some(&passage), Some(figure))],
        );
        let lock = locked_one(&claim, &out);
        let text = lock.to_toml().unwrap();
        proptest::prop_assert_eq!(Lock::parse(&text).unwrap(), lock);
    }
}
