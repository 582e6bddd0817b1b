//! schema.org `ClaimReview` JSON-LD, for fact-check publishers (search
//! engines and fact-check aggregators read it): a JSON array with one
//! `ClaimReview` per claim that has evidence, that is whose verdict rests on
//! a passage a source gave (`match`, `mismatch`, `disputed`). Claims that
//! are unsourced, unreachable or not found carry no finding to publish.
//!
//! The verdict is mapped to a `reviewRating` on a 1 to 5 scale, with the
//! words fact-checkers use as `alternateName`:
//!
//! | verdict    | ratingValue | alternateName |
//! |------------|-------------|---------------|
//! | `match`    | 5           | True          |
//! | `disputed` | 3           | Mixture       |
//! | `mismatch` | 1           | False         |
//!
//! `claimReviewed` is the claim's text; `itemReviewed` is a `Claim` whose
//! `appearance` is the article (its URL, title and publication date); the
//! sources that gave a finding are `citation`s (web sources by URL, local
//! files by name only); `author` and `publisher` are `factcheck.toml`
//! `[publisher]`, left out when there is none. `datePublished` is the date
//! the caller passes, if any: this module reads no clock. `dateCreated` is
//! when the run that produced the review started (a `DateTime`, as
//! schema.org allows there).
//!
//! Only what schema.org gives a property for is written. The other formats'
//! run line also names the tool, and their evidence says where each source's
//! text came from (network, cache, archive) and when it was read; a
//! `ClaimReview` has no property for software or for when a cited work was
//! read (`author`, `creator` and `sdPublisher` are people or organisations;
//! `dateModified` and `lastReviewed` are the cited page's own), so those stay
//! in the JSON report, which a publisher keeps beside the feed.
//!
//! The JSON is written as the JSON format writes it, with `<`, `>` and `&`
//! escaped, so it can be pasted into a `<script type="application/ld+json">`
//! element as it is.

use serde_json::{Map, Value, json};

use super::escape::{clean, href};
use super::json::to_safe_json;
use super::{ClaimReport, FileReport, Publisher, RenderOptions, Report};
use crate::compare::{SourceVerdict, Verdict};

/// The rating a verdict maps to: (ratingValue, alternateName), or `None`
/// for verdicts with no finding to publish.
#[must_use]
pub fn rating(verdict: Verdict) -> Option<(u8, &'static str)> {
    match verdict {
        Verdict::Match => Some((5, "True")),
        Verdict::Disputed => Some((3, "Mixture")),
        Verdict::Mismatch => Some((1, "False")),
        Verdict::Unsourced | Verdict::NotFound | Verdict::Unreachable => None,
    }
}

/// Renders `report` as a JSON-LD array of `ClaimReview`s.
pub fn render(report: &Report, options: &RenderOptions) -> String {
    let reviews: Vec<Value> = report
        .files
        .iter()
        .flat_map(|file| file.claims.iter().map(move |claim| (file, claim)))
        .filter_map(|(file, claim)| review(file, claim, &report.run.started, options))
        .collect();
    to_safe_json(&reviews)
}

fn organization(publisher: &Publisher) -> Value {
    let mut org = Map::new();
    org.insert("@type".into(), "Organization".into());
    org.insert("name".into(), clean(&publisher.name).into());
    if let Some(url) = publisher.url.as_deref().and_then(web_url) {
        org.insert("url".into(), url.into());
    }
    Value::Object(org)
}

/// `url` when it is an `http(s)` URL, normalised.
fn web_url(url: &str) -> Option<String> {
    href(url)?;
    url::Url::parse(url.trim()).ok().map(String::from)
}

fn review(
    file: &FileReport,
    claim: &ClaimReport,
    started: &str,
    options: &RenderOptions,
) -> Option<Value> {
    let (value, name) = rating(claim.verdict)?;
    let article_url = file.article.url.as_deref().and_then(web_url);

    let mut appearance = Map::new();
    appearance.insert("@type".into(), "CreativeWork".into());
    if let Some(url) = &article_url {
        appearance.insert("url".into(), url.clone().into());
    }
    appearance.insert("headline".into(), clean(&file.article.title).into());
    let mut item = Map::new();
    item.insert("@type".into(), "Claim".into());
    if let Some(published) = &file.article.published {
        appearance.insert("datePublished".into(), clean(published).into());
        item.insert("datePublished".into(), clean(published).into());
    }
    item.insert("appearance".into(), Value::Object(appearance));

    let citations: Vec<Value> = claim
        .evidence
        .iter()
        .filter(|e| matches!(e.verdict, SourceVerdict::Match | SourceVerdict::Mismatch))
        .map(|e| {
            let mut cite = Map::new();
            cite.insert("@type".into(), "CreativeWork".into());
            // The display name from `[sources.ID]` when the file gives one:
            // a reader of the review sees the publication, not our id.
            let name = e.name.as_deref().unwrap_or(&e.source);
            cite.insert("name".into(), clean(name).into());
            if let Some(url) = web_url(&e.url) {
                cite.insert("url".into(), url.into());
            }
            Value::Object(cite)
        })
        .collect();

    let mut review = Map::new();
    review.insert("@context".into(), "https://schema.org".into());
    review.insert("@type".into(), "ClaimReview".into());
    if let Some(url) = &article_url {
        review.insert("url".into(), url.clone().into());
    }
    review.insert("identifier".into(), clean(&claim.id).into());
    review.insert("claimReviewed".into(), clean(&claim.text).into());
    if let Some(date) = &options.date {
        review.insert("datePublished".into(), clean(date).into());
    }
    // When the run that produced the review started (the sources were read
    // then or just after): the run line of the other formats.
    if !started.is_empty() {
        review.insert("dateCreated".into(), clean(started).into());
    }
    if let Some(publisher) = &options.publisher {
        review.insert("author".into(), organization(publisher));
        review.insert("publisher".into(), organization(publisher));
    }
    review.insert(
        "reviewRating".into(),
        json!({
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        }),
    );
    review.insert("itemReviewed".into(), Value::Object(item));
    review.insert("citation".into(), Value::Array(citations));
    Some(Value::Object(review))
}

#[cfg(test)]
mod tests {
    use super::super::{Format, fixture};
    use super::*;

    fn options() -> RenderOptions {
        RenderOptions {
            format: Format::Claimreview,
            publisher: Some(Publisher {
                name: "Example Fact Desk".to_string(),
                url: Some("https://factdesk.example.org".to_string()),
            }),
            date: Some("2024-10-23".to_string()),
            ..RenderOptions::default()
        }
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render(&fixture::report(), &options()));
    }

    #[test]
    fn one_review_per_claim_with_evidence() {
        let out: Value = serde_json::from_str(&render(&fixture::report(), &options())).unwrap();
        let reviews = out.as_array().unwrap();
        let ids: Vec<&str> = reviews
            .iter()
            .map(|r| r["identifier"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            [
                "zaporizhzhia-killed",
                "kazan-delegations",
                "eu-pledge",
                "mfa-not-peace",
                "guterres-attends",
                "wounded",
                "heads-of-state",
                "schools-share"
            ]
        );
        let disputed = &reviews[2];
        assert_eq!(disputed["reviewRating"]["alternateName"], "Mixture");
        assert_eq!(disputed["citation"].as_array().unwrap().len(), 2);
        assert_eq!(disputed["publisher"]["name"], "Example Fact Desk");
        // A citation carries the source's display name when it has one,
        // else its id.
        let names: Vec<&str> = reviews
            .iter()
            .flat_map(|r| r["citation"].as_array().unwrap())
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"The Guardian, live blog"), "{names:?}");
        assert!(!names.contains(&"guardian-live"), "{names:?}");
        assert!(names.contains(&"tass"), "{names:?}");
        assert_eq!(
            disputed["itemReviewed"]["appearance"]["url"],
            "https://example.org/news/123"
        );
        // Every review says when the run that produced it started.
        assert!(
            reviews
                .iter()
                .all(|r| r["dateCreated"] == fixture::report().run.started.as_str()),
            "{reviews:?}"
        );
    }

    #[test]
    fn rating_table() {
        let cases = [
            (Verdict::Match, Some((5, "True"))),
            (Verdict::Disputed, Some((3, "Mixture"))),
            (Verdict::Mismatch, Some((1, "False"))),
            (Verdict::Unsourced, None),
            (Verdict::NotFound, None),
            (Verdict::Unreachable, None),
        ];
        for (verdict, want) in cases {
            assert_eq!(rating(verdict), want, "{verdict:?}");
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        let out = render(&fixture::hostile(), &options());
        fixture::assert_no_raw_controls(&out);
        for raw in ["<", ">", "\"url\": \"javascript", "\"url\": \"JavaScript"] {
            assert!(!out.contains(raw), "raw {raw:?} in:\n{out}");
        }
        let back: Value = serde_json::from_str(&out).unwrap();
        // Cleaned of controls, otherwise the page's text as it was.
        assert_eq!(back[0]["claimReviewed"], clean(fixture::HOSTILE));
        let cites: Vec<&str> = back[0]["citation"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["url"].as_str())
            .collect();
        assert_eq!(cites, ["https://evil.example/%3Cscript%3E?a=%22b%22"]);
    }
}
