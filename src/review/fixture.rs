//! Claims, evidence and outcomes for unit tests of the review stage and its
//! commands.

#![allow(clippy::unwrap_used, clippy::missing_panics_doc, missing_docs)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use toml::value::Datetime;

use super::text_hash;
use crate::claims::{Body, Claim, ClaimFile, Location, Source};
use crate::compare::{Evidence, Outcome, SourceVerdict, Verdict};
use crate::quantity::{Figure, Interval, Kind, Qualifier};

pub(crate) fn at(text: &str) -> Datetime {
    text.parse().unwrap()
}

pub(crate) fn point(text: &str, n: f64) -> Figure {
    let interval = Interval {
        low: Some(n),
        high: Some(n),
        low_open: false,
        high_open: false,
    };
    Figure {
        text: text.to_owned(),
        start: 0,
        end: text.chars().count(),
        value: Some(n),
        kind: Kind::Count,
        unit: None,
        qualifier: Qualifier::Exact,
        claim: interval,
        evidence: interval,
        noun: None,
        restated: None,
    }
}

pub(crate) fn source(id: &str) -> Source {
    Source {
        id: id.to_owned(),
        location: Location::Url(format!("https://example.org/{id}")),
        select: None,
        name: None,
    }
}

pub(crate) fn figure_claim(id: &str, value: &str, sources: &[&str]) -> Claim {
    Claim {
        id: id.to_owned(),
        text: format!("The strike killed {value} civilians"),
        body: Body::Figure {
            value: value.to_owned(),
            figure: Box::new(point(value, 2.0)),
            tolerance: None,
        },
        about: vec!["kill*".to_owned()],
        sources: sources.iter().map(|s| source(s)).collect(),
        note: None,
        line: 0,
    }
}

pub(crate) fn quote_claim(id: &str, quote: &str, sources: &[&str]) -> Claim {
    Claim {
        id: id.to_owned(),
        text: format!("They said \"{quote}\""),
        body: Body::Quote {
            quote: quote.to_owned(),
        },
        about: vec![],
        sources: sources.iter().map(|s| source(s)).collect(),
        note: None,
        line: 0,
    }
}

pub(crate) fn evidence(
    id: &str,
    verdict: SourceVerdict,
    passage: Option<&str>,
    found: Option<Figure>,
) -> Evidence {
    Evidence {
        source: id.to_owned(),
        url: format!("https://example.org/{id}"),
        verdict,
        passage: passage.map(str::to_owned),
        found,
        relation: None,
        others: vec![],
        diff: None,
        error: None,
        reason: None,
        binding: None,
        source_review: None,
    }
}

pub(crate) fn unreachable(id: &str, reason: &str) -> Evidence {
    Evidence {
        error: Some(reason.to_owned()),
        ..evidence(id, SourceVerdict::Unreachable, None, None)
    }
}

pub(crate) fn outcome(verdict: Verdict, evidence: Vec<Evidence>) -> Outcome {
    Outcome { verdict, evidence }
}

pub(crate) fn file(claims: Vec<Claim>) -> ClaimFile {
    ClaimFile {
        path: PathBuf::from("claims/x.toml"),
        root: PathBuf::from("."),
        article: crate::claims::Article {
            title: "Title".to_owned(),
            published: None,
            url: None,
            file: None,
        },
        sources: BTreeMap::new(),
        claims,
    }
}

pub(crate) fn killed(n: &str, value: f64) -> Evidence {
    evidence(
        "wire",
        SourceVerdict::Match,
        Some(&format!("The strike killed {n} civilians, officials said.")),
        Some(point(n, value)),
    )
}

pub(crate) fn hashes() -> BTreeMap<String, String> {
    BTreeMap::from([("wire".to_owned(), text_hash("page text"))])
}

pub(crate) const T1: &str = "2026-11-29T10:00:00Z";
pub(crate) const T2: &str = "2026-11-30T10:00:00Z";
