//! Source pages that are themselves fact-checks: schema.org `ClaimReview`
//! markup, as JSON-LD (`<script type="application/ld+json">`) or microdata
//! (`itemtype=".../ClaimReview"`), read into the review's rating and the
//! claim it reviews (spec: "The claim's verdict", the paragraph on
//! fact-checks). Pure: a page's HTML in, the review out. What the review
//! does to a verdict is `compare`'s call.

use scraper::{ElementRef, Selector};
use serde_json::Value;

/// A fact-check's review as its page marks it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimReview {
    /// The rating's name (`alternateName`), else its value on its scale
    /// ("1 of 5").
    pub rating: String,
    /// The claim the page reviews (`claimReviewed`).
    pub claim_reviewed: Option<String>,
    /// Whether the rating is at the top of its scale: `ratingValue` equal to
    /// `bestRating`, or, where no numbers are given, a `True`-like name.
    pub top: bool,
}

/// The first `ClaimReview` a page carries, JSON-LD before microdata; `None`
/// for a page that is not a fact-check (or one whose review has no rating).
#[must_use]
pub fn claim_review(html: &str) -> Option<ClaimReview> {
    // Almost no page is a fact-check: look before parsing anything.
    if !html.contains("ClaimReview") {
        return None;
    }
    let doc = super::depth::parse(html);
    json_ld(&doc).or_else(|| microdata(&doc))
}

fn json_ld(doc: &scraper::Html) -> Option<ClaimReview> {
    let scripts = Selector::parse(r#"script[type="application/ld+json"]"#).ok()?;
    doc.select(&scripts).find_map(|script| {
        let text: String = script.text().collect();
        let value: Value = serde_json::from_str(text.trim()).ok()?;
        find_review(&value, 0)
    })
}

/// Searches a JSON-LD value (an object, an array, an `@graph`) for a
/// `ClaimReview`; nesting is bounded, as the page is hostile.
fn find_review(value: &Value, depth: usize) -> Option<ClaimReview> {
    if depth > 16 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_review(v, depth + 1)),
        Value::Object(map) => {
            if is_review_type(map.get("@type"))
                && let Some(review) = review_from_json(map)
            {
                return Some(review);
            }
            map.values()
                .filter(|v| v.is_array() || v.is_object())
                .find_map(|v| find_review(v, depth + 1))
        }
        _ => None,
    }
}

fn is_review_type(t: Option<&Value>) -> bool {
    let named = |s: &str| s.rsplit(['/', ':']).next() == Some("ClaimReview");
    match t {
        Some(Value::String(s)) => named(s),
        Some(Value::Array(items)) => items.iter().any(|i| i.as_str().is_some_and(named)),
        _ => false,
    }
}

fn review_from_json(map: &serde_json::Map<String, Value>) -> Option<ClaimReview> {
    let rating = map.get("reviewRating")?;
    let rating = match rating {
        Value::Array(items) => items.first()?,
        other => other,
    };
    let field = |name: &str| rating.get(name).and_then(scalar);
    let claim_reviewed = map.get("claimReviewed").and_then(scalar);
    judge(
        field("alternateName").or_else(|| field("name")),
        field("ratingValue"),
        field("bestRating"),
        claim_reviewed,
    )
}

/// A JSON string or number as text.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn microdata(doc: &scraper::Html) -> Option<ClaimReview> {
    let reviews = Selector::parse("[itemscope][itemtype]").ok()?;
    doc.select(&reviews)
        .filter(|e| {
            e.value()
                .attr("itemtype")
                .is_some_and(|t| t.split_whitespace().any(|t| t.ends_with("/ClaimReview")))
        })
        .find_map(|review| {
            let rating = props(review, "reviewRating").into_iter().next()?;
            let value = |el: ElementRef<'_>, name: &str| {
                props(el, name).into_iter().next().and_then(item_value)
            };
            judge(
                value(rating, "alternateName").or_else(|| value(rating, "name")),
                value(rating, "ratingValue"),
                value(rating, "bestRating"),
                value(review, "claimReviewed"),
            )
        })
}

/// The elements below `scope` with `itemprop` holding `name`, not inside a
/// nested item (a nested item's properties are its own).
fn props<'a>(scope: ElementRef<'a>, name: &str) -> Vec<ElementRef<'a>> {
    let mut out = Vec::new();
    let mut stack: Vec<ElementRef<'a>> = scope.children().filter_map(ElementRef::wrap).collect();
    stack.reverse();
    while let Some(el) = stack.pop() {
        let has = el
            .value()
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p == name));
        if has {
            out.push(el);
        }
        if el.value().attr("itemscope").is_none() {
            let mut children: Vec<ElementRef<'a>> =
                el.children().filter_map(ElementRef::wrap).collect();
            children.reverse();
            stack.extend(children);
        }
    }
    out
}

/// A microdata property's value: `content`, else `value`, else its text.
fn item_value(el: ElementRef<'_>) -> Option<String> {
    let v = el.value();
    let raw = v
        .attr("content")
        .or_else(|| v.attr("value"))
        .map_or_else(|| el.text().collect::<Vec<_>>().join(" "), str::to_owned);
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The review from its rating's name, value and best value: at the top of
/// its scale when the value equals the best, or, with no numbers, when the
/// name is `True`-like.
fn judge(
    name: Option<String>,
    value: Option<String>,
    best: Option<String>,
    claim_reviewed: Option<String>,
) -> Option<ClaimReview> {
    let number = |s: &Option<String>| s.as_deref().and_then(|s| s.trim().parse::<f64>().ok());
    let (v, b) = (number(&value), number(&best));
    let top = match (v, b) {
        (Some(v), Some(b)) => (v - b).abs() < 1e-9,
        _ => name.as_deref().is_some_and(true_like),
    };
    let rating = match (name, value, best) {
        (Some(name), _, _) => name,
        (None, Some(value), Some(best)) => format!("{value} of {best}"),
        (None, Some(value), None) => value,
        (None, None, _) => return None,
    };
    Some(ClaimReview {
        rating,
        claim_reviewed,
        top,
    })
}

/// Rating names at the top of a fact-checker's scale.
fn true_like(name: &str) -> bool {
    matches!(
        name.trim().to_lowercase().as_str(),
        "true" | "correct" | "accurate" | "verified" | "fact" | "right"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a page gives: (rating, claim reviewed, top of scale).
    type Want<'a> = Option<(&'a str, Option<&'a str>, bool)>;

    #[test]
    fn reviews_in_json_ld_and_microdata() {
        let cases: &[(&str, Want<'_>)] = &[
            (
                r#"<html><head><script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "ClaimReview",
                 "claimReviewed": "The city hired 300 teachers last year",
                 "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 6,
                                  "alternateName": "Mostly False"}}
                </script></head><body><p>Text.</p></body></html>"#,
                Some((
                    "Mostly False",
                    Some("The city hired 300 teachers last year"),
                    false,
                )),
            ),
            (
                r#"<script type="application/ld+json">{"@graph": [{"@type": "WebPage"},
                {"@type": ["ClaimReview"], "claimReviewed": "Bridge cost $4m",
                 "reviewRating": {"ratingValue": "5", "bestRating": "5"}}]}</script>"#,
                Some(("5 of 5", Some("Bridge cost $4m"), true)),
            ),
            (
                r#"<script type="application/ld+json">[{"@type": "ClaimReview",
                 "reviewRating": {"alternateName": "True"}}]</script>"#,
                Some(("True", None, true)),
            ),
            (
                r#"<div itemscope itemtype="https://schema.org/ClaimReview">
                  <p itemprop="claimReviewed">Turnout was 80%</p>
                  <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
                    <meta itemprop="ratingValue" content="1"><meta itemprop="bestRating" content="5">
                    <span itemprop="alternateName">Pants on Fire</span>
                  </div></div>"#,
                Some(("Pants on Fire", Some("Turnout was 80%"), false)),
            ),
            // Not a fact-check, broken JSON, a review with no rating.
            ("<p>ClaimReview is a schema.org type.</p>", None),
            (
                r#"<script type="application/ld+json">{"@type": "ClaimReview", </script>"#,
                None,
            ),
            (
                r#"<script type="application/ld+json">{"@type": "ClaimReview", "claimReviewed": "x"}</script>"#,
                None,
            ),
        ];
        for (page, want) in cases {
            let got = claim_review(page);
            let got = got
                .as_ref()
                .map(|r| (r.rating.as_str(), r.claim_reviewed.as_deref(), r.top));
            assert_eq!(got, *want, "{page}");
        }
    }

    #[test]
    fn deep_json_is_not_followed_forever() {
        let page = format!(
            r#"<script type="application/ld+json">{}{{"@type": "ClaimReview", "reviewRating": {{"alternateName": "True"}}}}{}</script>"#,
            "[".repeat(100),
            "]".repeat(100)
        );
        assert_eq!(claim_review(&page), None);
    }
}
