//! Guessing a drafted claim's `about` terms and id from the words around it.
//!
//! The last term is the word the figure counts or acts on: an action verb just
//! before the figure ("killed at least two" -> `kill*`), else the noun it counts
//! ("30 residential buildings" -> `building*`). The terms before it are the
//! names nearest the figure in its sentence, or in the sentence before when
//! its own has none ("The strike ... killed two" after a sentence about
//! Zaporizhzhia). Heuristics, not grammar: the editor reviews them.

use std::collections::HashSet;

use crate::quantity::Figure;

/// At most this many names go before the tying term.
const MAX_NAMES: usize = 2;

/// Words that never make an `about` term: function words, auxiliaries and
/// words too common in news to tie a passage to a claim.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "am",
    "amid",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "least",
    "less",
    "like",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "nearly",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "people",
    "per",
    "persons",
    "said",
    "same",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whereas",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "additional",
    "extra",
    "further",
    "total",
    "times",
    "estimated",
    "roughly",
    "approximately",
];

/// Capitalised words that are not names: sentence openers and calendar words.
const NOT_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "news",
    "meanwhile",
    "further",
    "yet",
    "still",
    "despite",
    "president",
    "minister",
    "secretary",
    "general",
    "governor",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// First words of names that only mean something with the word after them.
const NAME_PREFIXES: &[&str] = &[
    "north", "south", "east", "west", "new", "united", "saudi", "sri", "hong", "el", "los", "san",
    "costa", "sierra", "burkina", "white", "state", "european", "security",
];

/// A word of a sentence with its byte offsets.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// The spec's words (runs of letters and digits), with byte offsets.
fn tokens(sentence: &str) -> Vec<Token<'_>> {
    crate::text::words(sentence)
        .into_iter()
        .map(|w| Token {
            text: &sentence[w.start..w.end],
            start: w.start,
            end: w.end,
        })
        .collect()
}

/// The byte offset of char offset `chars` in `s` (figures carry char spans).
fn byte_offset(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b)
}

fn is_stop(word: &str) -> bool {
    let lower = word.to_lowercase();
    STOP.contains(&lower.as_str()) || lower.chars().all(|c| c.is_ascii_digit())
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The `about` terms for a figure found in `sentence`.
pub(super) fn about(
    sentence: &str,
    figure: &Figure,
    previous: Option<&str>,
    names: &HashSet<String>,
) -> Vec<String> {
    let words = tokens(sentence);
    let (start, end) = (
        byte_offset(sentence, figure.start),
        byte_offset(sentence, figure.end),
    );
    let tie = tying_term(sentence, &words, start, end, figure.noun.as_deref());
    let known = names;
    let mut names = nearest_names(sentence, &words, start, end, MAX_NAMES, known);
    if names.is_empty()
        && let Some(prev) = previous
    {
        names = nearest_names(prev, &tokens(prev), prev.len(), prev.len(), 1, known);
    }
    let mut about: Vec<String> = Vec::new();
    for name in names {
        if Some(&name) != tie.as_ref() && !about.contains(&name) {
            about.push(name);
        }
    }
    match tie {
        Some(tie) => about.push(tie),
        None if about.is_empty() => {
            // Nothing to tie the figure to: the longest content word keeps the
            // draft valid, and the comment asks the editor to fix it.
            if let Some(word) = words
                .iter()
                .filter(|w| !is_stop(w.text) && (w.end <= start || w.start >= end))
                .max_by_key(|w| w.text.chars().count())
            {
                about.push(word.text.to_lowercase());
            }
        }
        None => {}
    }
    about
}

/// Words the article capitalises inside its sentences (not as their first
/// word): the names it uses, so a sentence opener like "Officials" is not
/// taken for one.
pub(super) fn names_in(sentences: &[String]) -> HashSet<String> {
    sentences
        .iter()
        .flat_map(|s| tokens(s).into_iter().skip(1).map(|w| w.text))
        .filter(|w| is_capitalised(w))
        .map(str::to_string)
        .collect()
}

/// The word the figure counts or acts on, as an `about` term with a `*`.
fn tying_term(
    sentence: &str,
    words: &[Token<'_>],
    start: usize,
    end: usize,
    noun: Option<&str>,
) -> Option<String> {
    let before = words.iter().rev().find(|w| w.end <= start);
    if let Some(verb) = before.filter(|w| is_action_verb(w.text)) {
        return Some(verb_term(verb.text));
    }
    if let Some(noun) = noun.and_then(last_word).filter(|n| !is_stop(n)) {
        return Some(noun_term(noun));
    }
    if let Some(noun) = noun_after(sentence, words, end) {
        return Some(noun_term(noun));
    }
    // "injured 15 others": the noun is generic, the verb is the tie.
    if let Some(verb) = before.filter(|w| w.text.to_lowercase().ends_with("ed") && !is_stop(w.text))
    {
        return Some(verb_term(verb.text));
    }
    // "a 12,000-strong, four-brigade deployment": the head of the phrase the
    // figure qualifies, past commas and other figures' words.
    if let Some(head) = clause_head_after(sentence, words, end) {
        return Some(noun_term(head));
    }
    // "first trip to Russia in over two years": the nearest common word before.
    words
        .iter()
        .rev()
        .filter(|w| w.end <= start)
        .find(|w| !is_stop(w.text) && !is_capitalised(w.text) && !is_number_word(w.text))
        .map(|w| noun_term(w.text))
}

/// Number words that belong to figures, never to the thing counted.
fn is_number_word(word: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "strong",
    ];
    let lower = word.to_lowercase();
    NUMBERS.contains(&lower.as_str()) || lower.chars().all(|c| c.is_ascii_digit())
}

/// The last word of the run of content words after the figure, up to a stop
/// word or a full stop, semicolon or colon.
fn clause_head_after<'a>(sentence: &str, words: &[Token<'a>], end: usize) -> Option<&'a str> {
    let mut head = None;
    let mut last_end = end;
    for word in words.iter().filter(|w| w.start >= end).take(6) {
        let gap = sentence
            .get(last_end.min(word.start)..word.start)
            .unwrap_or_default();
        if gap
            .chars()
            .any(|c| matches!(c, '.' | ';' | ':' | '(' | ')'))
            || is_stop(word.text)
        {
            break;
        }
        last_end = word.end;
        if !is_number_word(word.text) && !is_capitalised(word.text) {
            head = Some(word.text);
        }
    }
    head
}

fn last_word(phrase: &str) -> Option<&str> {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
}

/// "killed", "injured", "wounded", "killing": a verb that acts on the figure.
fn is_action_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    !is_stop(&lower)
        && lower.chars().count() > 4
        && (lower.ends_with("ed") || lower.ends_with("ing"))
        && !matches!(
            lower.as_str(),
            "including" | "according" | "during" | "following" | "estimated"
        )
}

/// The noun a figure counts: the head of the words right after it ("1,500
/// North Korean special forces have" -> "forces"), skipping an "of" ("dozens
/// of lawmakers").
fn noun_after<'a>(sentence: &str, words: &[Token<'a>], end: usize) -> Option<&'a str> {
    let mut after = words.iter().filter(|w| w.start >= end).peekable();
    if after
        .peek()
        .is_some_and(|w| w.text.eq_ignore_ascii_case("of"))
    {
        after.next();
    }
    let mut head = None;
    let mut last_end = end;
    for word in after.take(4) {
        // Punctuation between the figure and the word ends the noun phrase.
        let gap = sentence
            .get(last_end.min(word.start)..word.start)
            .unwrap_or_default();
        if gap.chars().any(|c| !c.is_whitespace() && c != '-') || is_stop(word.text) {
            break;
        }
        let lower = word.text.to_lowercase();
        let plural = lower.ends_with('s') && !lower.ends_with("ss");
        head = Some(word.text);
        last_end = word.end;
        if plural || lower.ends_with("ed") {
            break;
        }
    }
    head.filter(|h| !h.to_lowercase().ends_with("ed"))
}

fn verb_term(verb: &str) -> String {
    let lower = verb.to_lowercase();
    let stem = lower
        .strip_suffix("ing")
        .or_else(|| lower.strip_suffix("ed"))
        .unwrap_or(&lower);
    if stem.chars().count() >= 4 {
        format!("{stem}*")
    } else {
        lower
    }
}

fn noun_term(noun: &str) -> String {
    let lower = noun.to_lowercase();
    let stem = if let Some(s) = lower.strip_suffix("ies") {
        s
    } else if lower.ends_with("ss") {
        &lower
    } else {
        lower.strip_suffix('s').unwrap_or(&lower)
    };
    if stem.chars().count() >= 3 {
        format!("{stem}*")
    } else {
        lower
    }
}

/// The names of `sentence` nearest the span `start..end`, as `about` terms.
fn nearest_names(
    sentence: &str,
    words: &[Token<'_>],
    start: usize,
    end: usize,
    max: usize,
    known: &HashSet<String>,
) -> Vec<String> {
    let mut names: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let inside = word.start >= start && word.end <= end && start < end;
        if !is_capitalised(word.text) || inside || !is_name_word(word.text, i == 0) {
            i += 1;
            continue;
        }
        // A capitalised word opening a sentence is a name only when the
        // article also capitalises it elsewhere, or another capitalised word
        // follows it ("Ivan Fedorov said"), or it is an initialism ("NATO").
        let initialism =
            word.text.chars().count() > 1 && word.text.chars().all(|c| !c.is_lowercase());
        let next_capitalised = words.get(1).is_some_and(|w| {
            is_capitalised(w.text) && sentence.get(word.end..w.start) == Some(" ")
        });
        if i == 0 && !initialism && !next_capitalised && !known.contains(word.text) {
            i += 1;
            continue;
        }
        // Join capitalised words separated by one space: "Ivan Fedorov".
        let mut j = i;
        while j + 1 < words.len()
            && is_capitalised(words[j + 1].text)
            && is_name_word(words[j + 1].text, false)
            && sentence.get(words[j].end..words[j + 1].start) == Some(" ")
            && j - i < 2
        {
            j += 1;
        }
        let parts: Vec<&str> = words[i..=j].iter().map(|w| w.text).collect();
        let distance = if words[j].end <= start {
            start - words[j].end
        } else {
            words[i].start.saturating_sub(end)
        };
        names.push((distance, name_term(&parts)));
        i = j + 1;
    }
    names.sort_by_key(|(d, _)| *d);
    let mut out: Vec<String> = Vec::new();
    for (_, name) in names {
        if !out.contains(&name) {
            out.push(name);
        }
        if out.len() == max {
            break;
        }
    }
    out
}

fn is_name_word(word: &str, sentence_start: bool) -> bool {
    let lower = word.to_lowercase();
    if NOT_NAMES.contains(&lower.as_str()) || word.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // A capitalised function word opening a sentence ("The", "They") is no name.
    !(sentence_start || word.chars().count() > 1)
        || !is_stop(&lower)
        || word == "US"
        || word == "UK"
}

/// The `about` term for a name: person names by surname ("Ivan Fedorov" ->
/// "Fedorov"), compound place names whole ("North Korean"), and the short
/// initialisms the spec warns about spelled so they cannot match a pronoun.
fn name_term(parts: &[&str]) -> String {
    let expand = |w: &str| match w {
        "US" => "United States|U.S.".to_string(),
        "UK" => "United Kingdom|U.K.|Britain".to_string(),
        other => other.to_string(),
    };
    if parts.len() > 1 && NAME_PREFIXES.contains(&parts[0].to_lowercase().as_str()) {
        return parts[..2].join(" ");
    }
    // Three capitalised words are an institution ("National Intelligence
    // Service"), whose last word alone would match far too much.
    if parts.len() > 2 {
        return parts.join(" ");
    }
    expand(parts.last().copied().unwrap_or_default())
}

/// A slug for a figure claim: its first name and its tying term
/// ("zaporizhzhia-kill").
pub(super) fn figure_slug(about: &[String], figure: &Figure) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if about.len() > 1 {
        parts.push(&about[0]);
    }
    if let Some(last) = about.last() {
        parts.push(last);
    }
    if parts.is_empty() {
        parts.push(&figure.text);
    }
    slug(
        &parts
            .iter()
            .map(|p| first_alternative(p))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// A slug for a quote claim: "quote-" and its first three content words.
pub(super) fn quote_slug(quote: &str) -> String {
    let words: Vec<&str> = tokens(quote)
        .into_iter()
        .map(|w| w.text)
        .filter(|w| !is_stop(w))
        .take(3)
        .collect();
    slug(&format!("quote {}", words.join(" ")))
}

fn first_alternative(term: &str) -> &str {
    term.split('|').next().unwrap_or(term).trim_end_matches('*')
}

/// Lower-case ASCII letters, digits and single hyphens, at most 40 chars.
fn slug(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in text.nfkd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c.is_ascii_punctuation())
            && !out.is_empty()
            && !out.ends_with('-')
        {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        let cases = [
            ("Zaporizhzhia kill", "zaporizhzhia-kill"),
            ("António Guterres's trip", "antonio-guterres-s-trip"),
            ("quote does not advance", "quote-does-not-advance"),
            ("  --  ", ""),
        ];
        for (text, want) in cases {
            assert_eq!(slug(text), want, "{text}");
        }
    }

    #[test]
    fn verb_and_noun_terms() {
        assert_eq!(verb_term("killed"), "kill*");
        assert_eq!(verb_term("injured"), "injur*");
        assert_eq!(verb_term("died"), "died");
        assert_eq!(noun_term("soldiers"), "soldier*");
        assert_eq!(noun_term("casualties"), "casualt*");
        assert_eq!(noun_term("fortress"), "fortress*");
    }

    #[test]
    fn names_join_and_shorten() {
        assert_eq!(name_term(&["Ivan", "Fedorov"]), "Fedorov");
        assert_eq!(name_term(&["North", "Korean"]), "North Korean");
        assert_eq!(name_term(&["US"]), "United States|U.S.");
        assert_eq!(
            name_term(&["National", "Intelligence", "Service"]),
            "National Intelligence Service"
        );
    }
}
