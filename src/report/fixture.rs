//! Reports built by hand for the format tests: one that holds every verdict
//! and every kind of evidence a report can show, and one whose web text is
//! as hostile as a page can make it.

use super::{
    ArticleReport, ClaimKind, ClaimReport, EvidenceReport, FigureReport, FileReport, FileWarning,
    Gate, Origin, Report, Run,
};
use crate::compare::{Binding, DiffOp, Op, Relation, SetAside, SourceVerdict, Step, Verdict};
use crate::quantity::Kind;

fn count(text: &str, low: Option<f64>, high: Option<f64>) -> FigureReport {
    FigureReport {
        text: text.to_string(),
        kind: Kind::Count,
        unit: None,
        low,
        high,
        low_open: false,
        high_open: false,
        restated: None,
    }
}

fn point(text: &str, value: f64) -> FigureReport {
    count(text, Some(value), Some(value))
}

fn op(op: Op, text: &str) -> DiffOp {
    DiffOp {
        op,
        text: text.to_string(),
    }
}

/// Evidence from `source`: read from the network at the run's start, but
/// `tass` from a three-hour-old cached copy and `un-news` revalidated;
/// `guardian-live` has a display name.
fn evidence(source: &str, url: &str, verdict: SourceVerdict) -> EvidenceReport {
    let read = verdict != SourceVerdict::Unreachable;
    let (origin, read_at) = match source {
        "tass" => (Origin::Cache, "2026-12-07T07:00:00Z"),
        "un-news" => (Origin::Revalidated, "2026-12-07T10:00:02Z"),
        _ => (Origin::Network, "2026-12-07T10:00:01Z"),
    };
    EvidenceReport {
        source: source.to_string(),
        name: (source == "guardian-live").then(|| "The Guardian, live blog".to_string()),
        url: url.to_string(),
        verdict,
        passage: None,
        found: None,
        relation: None,
        review_diff: None,
        others: Vec::new(),
        diff: None,
        error: None,
        origin: read.then_some(origin),
        read_at: read.then(|| read_at.to_string()),
        notes: Vec::new(),
        reason: None,
        source_review: None,
        binding: None,
    }
}

fn claim(id: &str, kind: ClaimKind, text: &str, verdict: Verdict) -> ClaimReport {
    ClaimReport {
        id: id.to_string(),
        line: 0,
        kind,
        text: text.to_string(),
        verdict,
        stated: None,
        quote: None,
        changed_since_review: false,
        accepted: false,
        failing: false,
        evidence: Vec::new(),
    }
}

/// The run every fixture report comes from: fixed, so snapshots hold still.
pub fn run() -> Run {
    Run {
        tool: "factcheck 0.0.0".to_string(),
        started: "2026-12-07T10:00:00Z".to_string(),
        locked: false,
        shard: None,
    }
}

/// A report of `files` with the default gate applied, as `check` builds one;
/// each claim at the line a claim file of six-line claims after a six-line
/// head would give it.
pub fn summarise(mut files: Vec<FileReport>) -> Report {
    for file in &mut files {
        for (i, claim) in file.claims.iter_mut().enumerate() {
            claim.line = 7 + 6 * i;
        }
    }
    let mut report = Report::new(run(), files);
    report.apply_gate(&Gate::default());
    report
}

const GUARDIAN: &str = "https://www.theguardian.com/world/live/2024/oct/22/example";
const TASS: &str = "https://tass.com/politics/example";
const MFA: &str = "https://mfa.gov.ua/en/news/example";
const UN_NEWS: &str = "https://news.un.org/en/story/2024/10/example";

/// A report with every verdict, a figure mismatch, a dispute, a quote diff,
/// a statement match, an unreachable source with its reason, an accepted
/// claim and a claim changed since review, over two files.
pub fn report() -> Report {
    let mut killed = claim(
        "zaporizhzhia-killed",
        ClaimKind::Figure,
        "The strike, which targeted the city center, killed at least two civilians",
        Verdict::Match,
    );
    killed.stated = Some(count("at least two", Some(2.0), None));
    killed.evidence.push(EvidenceReport {
        passage: Some(
            "Two civilians were killed when a guided bomb hit the centre of Zaporizhzhia, \
             governor Ivan Fedorov said, and 15 were injured."
                .to_string(),
        ),
        found: Some(point("Two", 2.0)),
        relation: Some(Relation::Within),
        others: vec![point("15", 15.0)],
        binding: Some(Binding {
            step: Step::Adjacency,
            set_aside: vec![SetAside {
                text: "15".to_string(),
                step: Step::OtherTerm,
            }],
        }),
        ..evidence("guardian-live", GUARDIAN, SourceVerdict::Match)
    });

    let mut delegations = claim(
        "kazan-delegations",
        ClaimKind::Figure,
        "Delegations from 36 countries have gathered in Kazan for the summit",
        Verdict::Mismatch,
    );
    delegations.stated = Some(point("36", 36.0));
    delegations.evidence.push(EvidenceReport {
        passage: Some(
            "Delegations from 32 countries, 22 of them led by heads of state, have arrived in \
             Kazan for the three-day summit that opens on Tuesday."
                .to_string(),
        ),
        found: Some(point("32", 32.0)),
        relation: Some(Relation::Contradicts),
        others: vec![point("22", 22.0)],
        ..evidence("tass", TASS, SourceVerdict::Mismatch)
    });

    let mut pledged = claim(
        "eu-pledge",
        ClaimKind::Figure,
        "The EU has pledged €35 billion to Ukraine from frozen Russian assets",
        Verdict::Disputed,
    );
    pledged.stated = Some(FigureReport {
        text: "€35 billion".to_string(),
        kind: Kind::Money,
        unit: Some("EUR".to_string()),
        low: Some(34.5e9),
        high: Some(35.5e9),
        low_open: false,
        high_open: true,
        restated: None,
    });
    let euros = |text: &str, value: f64| FigureReport {
        unit: Some("EUR".to_string()),
        kind: Kind::Money,
        ..point(text, value)
    };
    pledged.evidence.push(EvidenceReport {
        passage: Some(
            "The EU will lend Ukraine up to €35bn backed by frozen Russian assets.".into(),
        ),
        found: Some(euros("up to €35bn", 35e9)),
        relation: Some(Relation::Within),
        ..evidence("guardian-live", GUARDIAN, SourceVerdict::Match)
    });
    pledged.evidence.push(EvidenceReport {
        passage: Some("Brussels has so far pledged €25 billion from the assets' profits.".into()),
        found: Some(euros("€25 billion", 25e9)),
        relation: Some(Relation::Contradicts),
        ..evidence("tass", TASS, SourceVerdict::Mismatch)
    });

    let mut quote = claim(
        "mfa-not-peace",
        ClaimKind::Quote,
        "They contend that meeting with Putin at this juncture \"does not advance the cause of peace\"",
        Verdict::Mismatch,
    );
    quote.quote = Some("does not advance the cause of peace".to_string());
    quote.evidence.push(EvidenceReport {
        passage: Some(
            "The ministry said the visit does not serve the cause of peace and only \
             prolongs the war."
                .to_string(),
        ),
        diff: Some(vec![
            op(Op::Equal, "does not"),
            op(Op::Delete, "advance"),
            op(Op::Insert, "serve"),
            op(Op::Equal, "the cause of peace"),
        ]),
        ..evidence("ukraine-mfa", MFA, SourceVerdict::Mismatch)
    });

    let mut statement = claim(
        "guterres-attends",
        ClaimKind::Statement,
        "Guterres attends the BRICS summit in Kazan",
        Verdict::Match,
    );
    statement.evidence.push(EvidenceReport {
        passage: Some(
            "A spokesman denied reports that Guterres would attend the BRICS summit in Kazan."
                .to_string(),
        ),
        ..evidence("un-news", UN_NEWS, SourceVerdict::Match)
    });

    let unsourced = claim(
        "summit-largest",
        ClaimKind::Statement,
        "It is the largest international gathering in Russia since the invasion",
        Verdict::Unsourced,
    );

    let mut not_found = claim(
        "putin-invited",
        ClaimKind::Statement,
        "Putin invited Guterres in person",
        Verdict::NotFound,
    );
    not_found.evidence.push(EvidenceReport {
        reason: Some(crate::compare::Reason {
            missing: vec!["invit*".to_string()],
            present: vec!["Putin".to_string(), "Guterres".to_string()],
            ..crate::compare::Reason::default()
        }),
        ..evidence("un-news", UN_NEWS, SourceVerdict::NotFound)
    });

    let mut unreachable = claim(
        "grain-corridor",
        ClaimKind::Figure,
        "The corridor has shipped 60 million tonnes of grain",
        Verdict::Unreachable,
    );
    unreachable.stated = Some(point("60 million", 60e6));
    unreachable.evidence.push(EvidenceReport {
        error: Some("HTTP 503 Service Unavailable".to_string()),
        ..evidence("ukraine-mfa", MFA, SourceVerdict::Unreachable)
    });
    unreachable.evidence.push(EvidenceReport {
        error: Some("select \"div.article-body\" matched nothing".to_string()),
        ..evidence(
            "sources/ports-authority.html",
            "sources/ports-authority.html",
            SourceVerdict::Unreachable,
        )
    });

    let mut accepted = claim(
        "wounded",
        ClaimKind::Figure,
        "About 15 people were wounded",
        Verdict::Mismatch,
    );
    accepted.accepted = true;
    accepted.stated = Some(count("About 15", Some(13.5), Some(16.5)));
    accepted.evidence.push(EvidenceReport {
        passage: Some("At least 17 people were wounded, the regional governor said.".into()),
        found: Some(point("At least 17", 17.0)),
        relation: Some(Relation::Contradicts),
        ..evidence("guardian-live", GUARDIAN, SourceVerdict::Mismatch)
    });

    let mut changed = claim(
        "heads-of-state",
        ClaimKind::Figure,
        "More than 20 heads of state are attending",
        Verdict::Match,
    );
    changed.changed_since_review = true;
    changed.stated = Some(count("More than 20", Some(21.0), None));
    changed.evidence.push(EvidenceReport {
        passage: Some("Leaders of 24 countries attended the opening session.".into()),
        found: Some(point("24", 24.0)),
        relation: Some(Relation::Within),
        review_diff: Some(vec![
            op(Op::Equal, "Leaders of"),
            op(Op::Delete, "22"),
            op(Op::Insert, "24"),
            op(Op::Equal, "countries attended the opening session"),
        ]),
        ..evidence("tass", TASS, SourceVerdict::Match)
    });

    let kazan = FileReport {
        path: "claims/2024-10-22-un-chief-kazan.toml".to_string(),
        article: ArticleReport {
            title: "UN chief to meet Putin in Kazan".to_string(),
            url: Some("https://example.org/news/123".to_string()),
            published: Some("2024-10-22".to_string()),
        },
        claims: vec![
            killed,
            delegations,
            pledged,
            quote,
            statement,
            unsourced,
            not_found,
            unreachable,
            accepted,
            changed,
        ],
        warnings: vec![FileWarning {
            line: 21,
            column: 8,
            message: "the claim's `text` does not occur in the article".to_string(),
        }],
    };

    let mut share = claim(
        "schools-share",
        ClaimKind::Figure,
        "Schools get 15% of the new money",
        Verdict::Match,
    );
    share.stated = Some(FigureReport {
        kind: Kind::Percent,
        unit: Some("%".to_string()),
        ..point("15%", 15.0)
    });
    share.evidence.push(EvidenceReport {
        passage: Some("Schools will receive 15 per cent of the £2.26bn package.".into()),
        found: Some(FigureReport {
            kind: Kind::Percent,
            unit: Some("%".to_string()),
            ..point("15 per cent", 15.0)
        }),
        relation: Some(Relation::Within),
        ..evidence(
            "treasury",
            "https://www.gov.uk/example-budget",
            SourceVerdict::Match,
        )
    });
    let budget = FileReport {
        path: "claims/2024-11-01-budget.toml".to_string(),
        article: ArticleReport {
            title: "Budget: more money for schools".to_string(),
            url: None,
            published: None,
        },
        claims: vec![share],
        warnings: Vec::new(),
    };

    summarise(vec![kazan, budget])
}

/// What a hostile page can put into a report.
pub const HOSTILE: &str = "x <script>alert(1)</script> | `tick` ]]> \u{1b}[31mred \u{202E}evil \
                           [link](javascript:alert(1)) <img src=x onerror=alert(1)>";

/// A report whose every web-derived string is [`HOSTILE`], with a
/// `javascript:` URL, failing so that every format shows its details.
pub fn hostile() -> Report {
    let hostile_figure = FigureReport {
        restated: Some(Box::new(point(HOSTILE, 1.0))),
        ..point(HOSTILE, 1.0)
    };
    let mut figure = claim(
        "hostile-figure",
        ClaimKind::Figure,
        HOSTILE,
        Verdict::Disputed,
    );
    figure.stated = Some(point(HOSTILE, 2.0));
    figure.changed_since_review = true;
    figure.evidence.push(EvidenceReport {
        passage: Some(format!("{HOSTILE} 1 {HOSTILE}")),
        found: Some(hostile_figure.clone()),
        relation: Some(Relation::Contradicts),
        others: vec![hostile_figure],
        review_diff: Some(vec![op(Op::Delete, HOSTILE), op(Op::Insert, HOSTILE)]),
        ..evidence(HOSTILE, "javascript:alert(1)", SourceVerdict::Mismatch)
    });
    figure.evidence.push(EvidenceReport {
        passage: Some(HOSTILE.to_string()),
        ..evidence(
            HOSTILE,
            "https://evil.example/<script>?a=\"b\"",
            SourceVerdict::Match,
        )
    });
    let mut quote = claim(
        "hostile-quote",
        ClaimKind::Quote,
        HOSTILE,
        Verdict::Mismatch,
    );
    quote.quote = Some(HOSTILE.to_string());
    quote.evidence.push(EvidenceReport {
        passage: Some(HOSTILE.to_string()),
        diff: Some(vec![
            op(Op::Equal, HOSTILE),
            op(Op::Delete, HOSTILE),
            op(Op::Insert, HOSTILE),
        ]),
        ..evidence(HOSTILE, "JavaScript:alert(1)", SourceVerdict::Mismatch)
    });
    let mut unreachable = claim(
        "hostile-unreachable",
        ClaimKind::Statement,
        HOSTILE,
        Verdict::Unreachable,
    );
    unreachable.evidence.push(EvidenceReport {
        error: Some(HOSTILE.to_string()),
        ..evidence(HOSTILE, HOSTILE, SourceVerdict::Unreachable)
    });
    summarise(vec![FileReport {
        path: HOSTILE.to_string(),
        article: ArticleReport {
            title: HOSTILE.to_string(),
            url: Some("javascript:alert(1)".to_string()),
            published: Some(HOSTILE.to_string()),
        },
        claims: vec![figure, quote, unreachable],
        warnings: vec![FileWarning {
            line: 3,
            column: 1,
            message: HOSTILE.to_string(),
        }],
    }])
}

/// Asserts that `output` holds no control character a terminal would act
/// on and no bidi override.
pub fn assert_no_raw_controls(output: &str) {
    for c in ['\u{1b}', '\u{202e}', '\u{9b}', '\u{7}'] {
        assert!(!output.contains(c), "raw {c:?} in output:\n{output}");
    }
}

/// Asserts that markup `output` links no `javascript:` URL, in HTML or
/// Markdown syntax.
pub fn assert_no_script_links(output: &str) {
    let lower = output.to_lowercase();
    assert!(
        !lower.contains("href=\"javascript"),
        "javascript: link in:\n{output}"
    );
    assert!(
        !lower.contains("](javascript"),
        "javascript: link in:\n{output}"
    );
}
