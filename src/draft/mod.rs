//! Drafting a claim file from an article (`factcheck new`): one figure claim
//! per figure a sentence states, one quote claim per quotation of four words or
//! more, no sources, and a comment above each claim telling the editor what to
//! add. Pure: the article's text in, the draft's TOML out.
//!
//! The draft is a starting point, not a verdict: the `about` terms are guessed
//! from the words around each figure (the names nearby and the word the figure
//! counts or acts on), so the editor checks them while adding sources.

mod terms;
mod toml_out;

#[cfg(test)]
mod selfcheck;

use crate::claims::{Body, Claim};
use crate::compare::{self, SourceIndex};
use crate::quantity::{self, Figure};
use crate::text::{self, Media};

pub use toml_out::render;

/// Quotations shorter than this many words are not drafted as claims: they are
/// usually scare quotes or titles ("so-called 'peace plan'").
pub const MIN_QUOTE_WORDS: usize = 4;

/// A drafted claim file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The article's title, from the HTML `<title>`, the first heading, or none.
    pub title: Option<String>,
    /// Where the article is published, when it was read from a URL.
    pub url: Option<String>,
    /// The article's file, relative to the claim file, when it lies inside
    /// the project (`[article] file`, so `validate` warns when a claim's text
    /// leaves the article).
    pub file: Option<String>,
    /// The drafted claims, in article order.
    pub claims: Vec<DraftClaim>,
}

/// What a drafted claim checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftKind {
    /// A figure claim: `value` in the article's words.
    Figure {
        /// The figure as the article states it ("at least two").
        value: String,
    },
    /// A quote claim: the quoted words.
    Quote {
        /// The words inside the quotation marks.
        quote: String,
    },
}

/// One drafted `[[claim]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftClaim {
    /// A short slug of the key terms, unique in the draft.
    pub id: String,
    /// The article's sentence (or sentences, for a quotation that spans them).
    pub text: String,
    /// Figure or quote.
    pub kind: DraftKind,
    /// Terms that tie a source passage to the claim; for a figure the last is
    /// the word the figure counts or acts on. May be empty for a quote.
    pub about: Vec<String>,
    /// True when no `about` the drafter tried binds the figure in the
    /// article itself: the editor must write the terms.
    pub unbound: bool,
    /// For a figure claim: the sentence it was drafted from (its index among
    /// the article's sentences) and the figure's char span in it.
    pub at: Option<(usize, usize, usize)>,
}

/// Drafts a claim file from an article's body, read as `media`.
///
/// The article is read exactly as `check` reads a source (the text stage's
/// article content, so page furniture never becomes a claim), and every
/// figure the quantity engine finds is a claim: the engine alone decides
/// what a figure is. Each figure claim's `about` is chosen by the comparer's
/// own binding: checked against the article itself, the claim must bind the
/// very figure it was drafted from (see [`self_check`]).
#[must_use]
pub fn draft(body: &str, media: Media) -> Draft {
    let title = title(body, media);
    // Without a `select`, reading an article cannot fail; an empty draft is
    // the honest answer for a page with no text.
    let sentences = text::sentences(body, media, None).unwrap_or_default();
    let index = SourceIndex::new(sentences.clone());
    let mut claims = Vec::new();
    let mut ids = Ids::default();
    let names = terms::names_in(&sentences);
    let headings: Vec<bool> = sentences
        .iter()
        .map(|s| is_heading(s, title.as_deref()))
        .collect();
    let figures: Vec<Vec<Figure>> = sentences.iter().map(|s| quantity::find(s)).collect();
    let quotes = unique_quotations(&quotations(&sentences), &headings);
    let mut quote_iter = quotes.into_iter().peekable();
    // The figures drafted so far, by sentence and span: a later statement of
    // the same figure that the comparer can only bind there is a repeat.
    let mut drafted: Vec<(usize, usize, usize)> = Vec::new();
    for (index_s, sentence) in sentences.iter().enumerate() {
        // Quotations are drafted where they start, so the claim order follows
        // the article.
        while let Some(q) = quote_iter.next_if(|q| q.first_sentence == index_s) {
            let slug = terms::quote_slug(&q.quote);
            // "“…,” he said": the speaker named in the sentence or two before.
            let about = terms::speaker(&q.text, &names)
                .or_else(|| {
                    (index_s.saturating_sub(2)..index_s)
                        .rev()
                        .find_map(|p| terms::speaker(&sentences[p], &names))
                })
                .into_iter()
                .collect();
            claims.push(DraftClaim {
                id: ids.unique(&slug),
                text: strip_marker(&q.text),
                kind: DraftKind::Quote { quote: q.quote },
                about,
                unbound: false,
                at: None,
            });
        }
        let previous = index_s.checked_sub(1).map(|i| sentences[i].as_str());
        for figure in &figures[index_s] {
            if headings[index_s] && repeated_in_body(figure, &figures, &headings) {
                // The headline repeats a figure the body states: one claim,
                // from the body, where the figure has its full sentence.
                continue;
            }
            let Some(value) = value_of(sentence, figure) else {
                continue;
            };
            let candidates = terms::about_candidates(sentence, figure, previous, &names);
            let mut chosen: Option<Vec<String>> = None;
            let mut repeat = false;
            for about in &candidates {
                match bind(&index, sentence, index_s, figure, &value, about) {
                    Bound::Own => {
                        chosen = Some(about.clone());
                        repeat = false;
                        break;
                    }
                    Bound::Repeat(at) if chosen.is_none() => {
                        repeat = drafted
                            .iter()
                            .any(|&(s, start, _)| s == at.0 && start == at.1);
                        chosen = Some(about.clone());
                    }
                    _ => {}
                }
            }
            if repeat {
                continue;
            }
            let (about, unbound) = match chosen {
                Some(about) => (about, false),
                None => (candidates.into_iter().next().unwrap_or_default(), true),
            };
            if about.is_empty() {
                continue;
            }
            drafted.push((index_s, figure.start, figure.end));
            let slug = terms::figure_slug(&about, figure);
            claims.push(DraftClaim {
                id: ids.unique(&slug),
                text: strip_marker(sentence),
                kind: DraftKind::Figure { value },
                about,
                unbound,
                at: Some((index_s, figure.start, figure.end)),
            });
        }
    }
    Draft {
        title,
        url: None,
        file: None,
        claims,
    }
}

/// A list item's marker is layout, not the article's words.
fn strip_marker(sentence: &str) -> String {
    match sentence
        .strip_prefix("- ")
        .or_else(|| sentence.strip_prefix("* "))
        .or_else(|| sentence.strip_prefix("• "))
    {
        Some(rest) => rest.trim_start().to_string(),
        None => sentence.to_string(),
    }
}

/// A headline or subheading: the article's title, or a short line with no
/// sentence-ending punctuation.
fn is_heading(sentence: &str, title: Option<&str>) -> bool {
    if title.is_some_and(|t| t == sentence) {
        return true;
    }
    if strip_marker(sentence) != sentence {
        // A list item is body text, with or without a full stop.
        return false;
    }
    let last = sentence.trim_end().chars().last();
    let ends = last.is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '…' | '"' | '\u{201D}' | '\u{2019}' | ':' | ';' | ','
        )
    });
    !ends && text::words(sentence).len() <= 20
}

/// Whether a sentence that is no heading states the same figure (same words,
/// or the same value, kind and unit).
fn repeated_in_body(figure: &Figure, figures: &[Vec<Figure>], headings: &[bool]) -> bool {
    figures
        .iter()
        .zip(headings)
        .filter(|(_, heading)| !**heading)
        .flat_map(|(fs, _)| fs)
        .any(|f| {
            f.text.eq_ignore_ascii_case(&figure.text)
                || f.value.is_some()
                    && f.value == figure.value
                    && f.kind == figure.kind
                    && f.unit == figure.unit
        })
}

/// How a drafted figure claim fares against the article itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// `match`, with the drafted figure as the one found.
    Own,
    /// `match` with a figure of the same words elsewhere (sentence, char start).
    Repeat((usize, usize)),
    /// Anything else: another figure bound, a mismatch, or nothing.
    Other,
}

/// Checks a figure claim against the article as its source, through the
/// library's own compare: which figure does its `about` bind?
fn bind(
    index: &SourceIndex,
    sentence: &str,
    sentence_index: usize,
    figure: &Figure,
    value: &str,
    about: &[String],
) -> Bound {
    let Ok(parsed) = quantity::parse_value(value) else {
        return Bound::Other;
    };
    let claim = Claim {
        id: "draft".to_string(),
        text: sentence.to_string(),
        body: Body::Figure {
            value: value.to_string(),
            figure: Box::new(parsed),
            tolerance: None,
        },
        about: about.to_vec(),
        sources: Vec::new(),
        note: None,
        line: 0,
    };
    let source = compare::SourceText {
        id: "article",
        url: "article",
        text: Ok(index),
    };
    let outcome = compare::compare(&claim, &[source]);
    let Some(evidence) = outcome.evidence.first() else {
        return Bound::Other;
    };
    let (Some(found), Some(passage)) = (&evidence.found, &evidence.passage) else {
        return Bound::Other;
    };
    if outcome.verdict != compare::Verdict::Match {
        return Bound::Other;
    }
    if found.start == figure.start && found.text == figure.text && passage.contains(sentence) {
        return Bound::Own;
    }
    if !found.text.eq_ignore_ascii_case(&figure.text) {
        return Bound::Other;
    }
    // Where the found figure stands: the first sentence of the passage that
    // holds those words at that place.
    let at = index
        .sentences()
        .iter()
        .enumerate()
        .find(|(i, s)| {
            *i != sentence_index
                && passage.contains(s.as_str())
                && s.chars()
                    .skip(found.start)
                    .take(found.end - found.start)
                    .collect::<String>()
                    == found.text
        })
        .map(|(i, _)| (i, found.start));
    at.map_or(Bound::Other, Bound::Repeat)
}

/// Quotations once each: a quotation whose words another one holds (the
/// headline quoting part of the body's quotation, or the same words twice)
/// is dropped, keeping the one in the body.
fn unique_quotations(quotes: &[Quotation], headings: &[bool]) -> Vec<Quotation> {
    let folded: Vec<Vec<String>> = quotes
        .iter()
        .map(|q| {
            text::words(&q.quote)
                .into_iter()
                .map(|w| w.folded)
                .collect()
        })
        .collect();
    let holds = |outer: &[String], inner: &[String]| {
        inner.len() <= outer.len() && outer.windows(inner.len().max(1)).any(|w| w == inner)
    };
    let in_heading = |q: &Quotation| headings.get(q.first_sentence).copied().unwrap_or(false);
    quotes
        .iter()
        .enumerate()
        .filter(|&(i, q)| {
            !folded.iter().enumerate().any(|(j, other)| {
                if i == j || !holds(other, &folded[i]) {
                    return false;
                }
                if other.len() > folded[i].len() {
                    return true;
                }
                // The same words twice: keep the body's, else the first.
                let other_heading = in_heading(&quotes[j]);
                if in_heading(q) == other_heading {
                    j < i
                } else {
                    in_heading(q)
                }
            })
        })
        .map(|(_, q)| q.clone())
        .collect()
}

/// The claim's `value`: the figure's words, which must read as exactly one
/// figure on their own or the draft would not validate. Some figures are
/// figures only with the word they count ("2000 people" is not the year
/// 2000, "one tank" is not a pronoun): then the value takes that word too.
fn value_of(sentence: &str, figure: &Figure) -> Option<String> {
    if quantity::find(&figure.text).len() == 1 {
        return Some(figure.text.clone());
    }
    let rest: String = sentence.chars().skip(figure.end).collect();
    let next = rest.split_whitespace().next()?;
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    let value = format!("{} {next}", figure.text);
    (quantity::find(&value).len() == 1).then_some(value)
}

/// The article's title: HTML `<title>` (or the first `<h1>`), a Markdown
/// `# heading`, or plain text's first line when it reads as a headline.
fn title(body: &str, media: Media) -> Option<String> {
    match media {
        Media::Html => {
            let doc = scraper::Html::parse_document(body);
            ["title", "h1"].iter().find_map(|css| {
                let selector = scraper::Selector::parse(css).ok()?;
                let text = doc.select(&selector).next()?.text().collect::<String>();
                non_empty(&text)
            })
        }
        Media::Markdown => body.lines().find_map(|line| {
            let heading = line.trim_start().strip_prefix('#')?;
            non_empty(heading.trim_start_matches('#'))
        }),
        // Plain text: its first line when it reads as a headline (short,
        // no sentence-ending punctuation).
        Media::Text => body
            .lines()
            .find(|l| !l.trim().is_empty())
            .and_then(non_empty)
            .filter(|line| is_heading(line, None)),
    }
}

fn non_empty(text: &str) -> Option<String> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

/// Keeps ids unique: the second "kyiv-kill" becomes "kyiv-kill-2".
#[derive(Default)]
struct Ids {
    seen: std::collections::HashSet<String>,
}

impl Ids {
    fn unique(&mut self, slug: &str) -> String {
        let base = if slug.is_empty() { "claim" } else { slug };
        let mut id = base.to_string();
        let mut n = 2;
        while self.seen.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.seen.insert(id.clone());
        id
    }
}

/// A quotation found in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Quotation {
    /// The quoted words, without the marks.
    quote: String,
    /// The sentences the quotation spans, joined by a space.
    text: String,
    /// Index of the sentence it starts in.
    first_sentence: usize,
}

/// Finds quotations of [`MIN_QUOTE_WORDS`] words or more: text between curly
/// double quotes, straight double quotes, or curly single quotes used as
/// quotation marks (an apostrophe inside a word, as in "UN’s", is not one).
/// A quotation may run across sentence ends.
fn quotations(sentences: &[String]) -> Vec<Quotation> {
    // Work on the sentences joined by a newline, remembering where each starts.
    let mut joined: Vec<char> = Vec::new();
    let mut starts = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        starts.push(joined.len());
        joined.extend(sentence.chars());
        joined.push('\n');
    }
    let sentence_of = |pos: usize| starts.partition_point(|&s| s <= pos).saturating_sub(1);
    let mut found = Vec::new();
    let mut i = 0;
    while i < joined.len() {
        let Some(close) = opening(&joined, i).and_then(|closer| closing(&joined, i + 1, closer))
        else {
            i += 1;
            continue;
        };
        let quote: String = joined[i + 1..close].iter().collect();
        let quote = quote
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.'))
            .to_string();
        if text::words(&quote).len() >= MIN_QUOTE_WORDS {
            let (first, last) = (sentence_of(i), sentence_of(close));
            found.push(Quotation {
                quote,
                text: sentences[first..=last].join(" "),
                first_sentence: first,
            });
        }
        i = close + 1;
    }
    found
}

/// The closing mark that pairs with an opening quotation mark at `i`, if one is there.
fn opening(chars: &[char], i: usize) -> Option<char> {
    let before_ok = i == 0 || !chars[i - 1].is_alphanumeric();
    match chars[i] {
        '\u{201C}' => Some('\u{201D}'),
        '"' if before_ok => Some('"'),
        '\u{2018}' if before_ok => Some('\u{2019}'),
        '\u{00AB}' => Some('\u{00BB}'),
        _ => None,
    }
}

/// The position of the closing mark `closer` after `from`, within a
/// paragraph's reach (a quotation left open does not swallow the article).
fn closing(chars: &[char], from: usize, closer: char) -> Option<usize> {
    const MAX_QUOTE_CHARS: usize = 2_000;
    let end = chars.len().min(from + MAX_QUOTE_CHARS);
    (from..end).find(|&j| {
        chars[j] == closer
            && (closer != '\u{2019}' || chars.get(j + 1).is_none_or(|c| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes_in(text: &str) -> Vec<String> {
        let sentences: Vec<String> = text.lines().map(str::to_string).collect();
        quotations(&sentences)
            .into_iter()
            .map(|q| q.quote)
            .collect()
    }

    #[test]
    fn quotations_of_four_words_or_more() {
        let cases: &[(&str, &[&str])] = &[
            (
                "He said “this is not acceptable at all” today.",
                &["this is not acceptable at all"],
            ),
            (
                "He said \"we will rebuild the city\" and left.",
                &["we will rebuild the city"],
            ),
            ("A so-called “peace plan” was floated.", &[]),
            (
                "The UN’s reputation and ‘we shall never surrender to them’ here.",
                &["we shall never surrender to them"],
            ),
            ("No quotes here at all.", &[]),
            ("“Unclosed quotation that goes on", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(quotes_in(text), *want, "{text}");
        }
    }

    #[test]
    fn quotation_across_sentences_keeps_both_sentences_as_text() {
        let sentences = vec![
            "“The first part of it.".to_string(),
            "The second part,” he said.".to_string(),
        ];
        let found = quotations(&sentences);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].quote, "The first part of it. The second part");
        assert_eq!(
            found[0].text,
            "“The first part of it. The second part,” he said."
        );
        assert_eq!(found[0].first_sentence, 0);
    }

    #[test]
    fn ids_are_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("kyiv-kill"), "kyiv-kill");
        assert_eq!(ids.unique("kyiv-kill"), "kyiv-kill-2");
        assert_eq!(ids.unique("kyiv-kill"), "kyiv-kill-3");
        assert_eq!(ids.unique(""), "claim");
    }

    #[test]
    fn titles_by_media() {
        assert_eq!(
            title(
                "<html><head><title> UN chief\n to Kazan </title></head><body><h1>x</h1></body></html>",
                Media::Html
            ),
            Some("UN chief to Kazan".to_string())
        );
        assert_eq!(
            title("<body><h1>Heading</h1></body>", Media::Html),
            Some("Heading".to_string())
        );
        assert_eq!(
            title("intro\n\n## The title\ntext", Media::Markdown),
            Some("The title".to_string())
        );
        assert_eq!(title("Just text.", Media::Text), None);
    }
}
