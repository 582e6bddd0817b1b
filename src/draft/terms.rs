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
    "mayor",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "prime",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "gov",
    "editor",
    "commander",
    "ceo",
    "constable",
    "inspector",
    "superintendent",
    "sergeant",
    "captain",
    "colonel",
    "lieutenant",
    "admiral",
    "judge",
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

/// The `about` terms for a figure found in `sentence`, one list per way of
/// tying it, best first: each list is the names nearest the figure and, last,
/// one candidate for the word the figure counts or acts on. The drafter keeps
/// the first list the comparer's own binding ties to this very figure.
pub(super) fn about_candidates(
    sentence: &str,
    figure: &Figure,
    previous: Option<&str>,
    names: &HashSet<String>,
) -> Vec<Vec<String>> {
    let words = tokens(sentence);
    let (start, end) = (
        byte_offset(sentence, figure.start),
        byte_offset(sentence, figure.end),
    );
    let ties = tying_terms(sentence, &words, start, end, figure);
    let known = names;
    let mut names = nearest_names(sentence, &words, start, end, MAX_NAMES, known);
    if names.is_empty()
        && let Some(prev) = previous
    {
        names = nearest_names(prev, &tokens(prev), prev.len(), prev.len(), 1, known);
    }
    let with_names = |tie: &str, names: &[String]| {
        let mut about: Vec<String> = Vec::new();
        for name in names {
            if name != tie && !about.contains(name) {
                about.push(name.clone());
            }
        }
        about.push(tie.to_string());
        about
    };
    let mut lists: Vec<Vec<String>> = Vec::new();
    let mut push = |list: Vec<String>| {
        if !list.is_empty() && !lists.contains(&list) {
            lists.push(list);
        }
    };
    for tie in &ties {
        push(with_names(tie, &names));
    }
    // A name from another clause can pull the passage away from the figure:
    // the nearest name alone, then the tie alone.
    for tie in &ties {
        push(with_names(tie, &names[..names.len().min(1)]));
        push(vec![tie.clone()]);
    }
    if ties.is_empty() {
        // Nothing to tie the figure to: the names, else the longest content
        // word, keep the draft valid; the editor fixes it.
        if names.is_empty() {
            if let Some(word) = words
                .iter()
                .filter(|w| {
                    !is_stop(w.text)
                        && !is_number_word(w.text)
                        && (w.end <= start || w.start >= end)
                })
                .max_by_key(|w| w.text.chars().count())
            {
                push(vec![word.text.to_lowercase()]);
            }
        } else {
            push(names);
        }
    }
    lists
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

/// Counted nouns too general to tie a figure: the verb acting on them does
/// ("14 people died" ties to died, "15 others were injured" to injured).
const GENERIC_NOUNS: &[&str] = &[
    "people",
    "persons",
    "person",
    "others",
    "other",
    "more",
    "individuals",
    "times",
    "each",
];

/// Words between a subject and its figure that link them ("revenue of
/// $167.4m", "inflation stood at 2.1%", "sales rose 12%").
const LINKS: &[&str] = &[
    "of",
    "at",
    "to",
    "by",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "stood",
    "totalled",
    "totaled",
    "totalling",
    "reached",
    "hit",
    "rose",
    "fell",
    "grew",
    "climbed",
    "jumped",
    "dropped",
    "declined",
    "increased",
    "decreased",
    "slipped",
    "gained",
    "lost",
    "up",
    "down",
    "will",
    "would",
    "an",
    "a",
    "the",
    "about",
    "some",
    "nearly",
    "almost",
    "around",
    "over",
    "more",
    "than",
    "at",
    "least",
    "just",
    "under",
    "roughly",
    "approximately",
    "only",
    "remains",
    "remained",
    "stays",
    "stayed",
    "reach",
    "reaches",
    "earns",
    "earned",
    "earn",
    "pays",
    "paid",
    "costs",
    "cost",
    "worth",
    "now",
    "still",
];

/// Candidates for the word the figure counts or acts on, best first, as
/// `about` terms: a verb acting on it ("killed at least two"), the noun it
/// counts ("30 residential buildings"), the verb of a general noun ("14
/// people died"), the subject it measures ("revenue of $167.4m"), then the
/// head of the phrase after it and the nearest common word before it.
fn tying_terms(
    sentence: &str,
    words: &[Token<'_>],
    start: usize,
    end: usize,
    figure: &Figure,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |term: Option<String>| {
        if let Some(term) = term
            && !out.contains(&term)
        {
            out.push(term);
        }
    };
    let before = words.iter().rev().find(|w| w.end <= start);
    let action = before.filter(|w| is_action_verb(w.text));
    push(action.map(|v| verb_term(v.text)));
    let counted = noun_after(sentence, words, end).or_else(|| {
        figure
            .noun
            .as_deref()
            .and_then(last_word)
            .filter(|n| !is_stop(n) && !is_number_word(n) && !n.to_lowercase().ends_with("ed"))
    });
    let generic = counted.is_none_or(|n| GENERIC_NOUNS.contains(&n.to_lowercase().as_str()));
    if let Some(noun) = counted.filter(|_| !generic) {
        push(Some(noun_term(noun)));
    }
    push(verb_after(sentence, words, end).map(verb_term));
    // "injured 15 others": the noun is generic, the verb is the tie.
    push(
        before
            .filter(|w| w.text.to_lowercase().ends_with("ed") && !is_stop(w.text))
            .map(|v| verb_term(v.text)),
    );
    // "6% of its workforce", "€5 million in emergency aid": what it is of.
    push(of_head(sentence, words, end, &["of"]).map(noun_term));
    push(subject_before(words, start).map(noun_term));
    push(of_head(sentence, words, end, &["in", "for"]).map(noun_term));
    // "a 12,000-strong, four-brigade deployment": the head of the phrase the
    // figure qualifies, past commas and other figures' words.
    push(clause_head_after(sentence, words, end).map(noun_term));
    // "£4.5bn for schools", "2.4 million a year ago", "six of them
    // seriously": the next word that says what the figure is.
    push(next_content_word(sentence, words, end));
    // "first trip to Russia in over two years": the nearest common word before.
    push(
        words
            .iter()
            .rev()
            .filter(|w| w.end <= start)
            .find(|w| !is_stop(w.text) && !is_capitalised(w.text) && !is_number_word(w.text))
            .map(|w| noun_term(w.text)),
    );
    if let Some(noun) = counted.filter(|_| generic) {
        push(Some(noun_term(noun)));
    }
    out
}

/// The verb after a figure and its general noun: "14 people died", "15
/// others were injured", "two people have been killed".
fn verb_after<'a>(sentence: &str, words: &[Token<'a>], end: usize) -> Option<&'a str> {
    let mut last_end = end;
    for word in words.iter().filter(|w| w.start >= end).take(5) {
        let gap = sentence
            .get(last_end.min(word.start)..word.start)
            .unwrap_or_default();
        if gap.chars().any(|c| !c.is_whitespace()) {
            return None;
        }
        last_end = word.end;
        let lower = word.text.to_lowercase();
        if GENERIC_NOUNS.contains(&lower.as_str())
            || matches!(
                lower.as_str(),
                "was"
                    | "were"
                    | "have"
                    | "has"
                    | "had"
                    | "been"
                    | "are"
                    | "is"
                    | "also"
                    | "reportedly"
            )
            || lower.ends_with("ly") && lower.len() > 4
        {
            continue;
        }
        let verb = lower.ends_with("ed")
            || matches!(
                lower.as_str(),
                "died" | "dead" | "hurt" | "missing" | "fled" | "lost"
            );
        return (verb && !is_capitalised(word.text)).then_some(word.text);
    }
    None
}

/// The head of the phrase after "of", "in" or "for": "6% of its workforce"
/// -> workforce, "40% of the country's container traffic" -> traffic, "€5
/// million in emergency aid" -> aid.
fn of_head<'a>(
    sentence: &str,
    words: &[Token<'a>],
    end: usize,
    prepositions: &[&str],
) -> Option<&'a str> {
    let mut after = words.iter().filter(|w| w.start >= end);
    let first = after.next()?;
    let preposition = first.text.to_lowercase();
    if !prepositions.contains(&preposition.as_str())
        || sentence
            .get(end..first.start)
            .is_none_or(|gap| gap.chars().any(|c| !c.is_whitespace()))
    {
        return None;
    }
    let mut head = None;
    let mut last_end = first.end;
    for word in after.take(5) {
        let gap = sentence
            .get(last_end.min(word.start)..word.start)
            .unwrap_or_default();
        let lower = word.text.to_lowercase();
        let determiner = matches!(
            lower.as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "s"
        );
        if gap
            .chars()
            .any(|c| !c.is_whitespace() && c != '\'' && c != '\u{2019}')
            || (!determiner && is_stop(word.text))
        {
            break;
        }
        last_end = word.end;
        if !determiner && !is_number_word(word.text) && !is_capitalised(word.text) {
            head = Some(word.text);
        }
    }
    head
}

/// The first word after the figure, within its clause, that is neither a
/// function word nor a number: a whole word, as written.
fn next_content_word(sentence: &str, words: &[Token<'_>], end: usize) -> Option<String> {
    let mut last_end = end;
    for word in words.iter().filter(|w| w.start >= end).take(6) {
        let gap = sentence
            .get(last_end.min(word.start)..word.start)
            .unwrap_or_default();
        if gap.chars().any(|c| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | '(' | ')' | '\u{2013}' | '\u{2014}'
            )
        }) {
            return None;
        }
        last_end = word.end;
        let lower = word.text.to_lowercase();
        if matches!(lower.as_str(), "and" | "or" | "but" | "while" | "whereas") {
            return None;
        }
        if is_stop(word.text) || is_number_word(word.text) {
            continue;
        }
        return Some(if is_capitalised(word.text) {
            word.text.to_string()
        } else {
            word.text.to_lowercase()
        });
    }
    None
}

/// The noun a figure measures when it comes before it, joined by linking
/// words: "revenue of $167.4m", "inflation stood at 2.1%".
fn subject_before<'a>(words: &[Token<'a>], start: usize) -> Option<&'a str> {
    let mut linked = false;
    for (i, word) in words
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, w)| w.end <= start)
        .take(5)
    {
        let lower = word.text.to_lowercase();
        if LINKS.contains(&lower.as_str()) || is_number_word(word.text) {
            linked |= !matches!(lower.as_str(), "a" | "an" | "the");
            continue;
        }
        // "an initial €5 million": an adjective right before it is no subject.
        if !linked {
            return None;
        }
        // A sentence's first word is capitalised as such ("Revenue fell 12%").
        let name = is_capitalised(word.text) && i > 0;
        return (!is_stop(word.text) && !name && !is_action_verb(word.text)).then_some(word.text);
    }
    None
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

/// The term for a verb: its base with `*` when the base is a whole word
/// that the inflected form starts with ("killed" -> `kill*`, "stopped" ->
/// `stop*`), else the word as written ("injured", "pledged", "died"): a
/// broken stem such as `injur*` is no word an editor would write.
fn verb_term(verb: &str) -> String {
    let lower = verb.to_lowercase();
    let Some(rest) = lower
        .strip_suffix("ing")
        .or_else(|| lower.strip_suffix("ed"))
        .filter(|r| r.chars().count() >= 3)
    else {
        return lower;
    };
    let chars: Vec<char> = rest.chars().collect();
    let n = chars.len();
    // "stopped", "planned": a doubled consonant after a short vowel.
    if n >= 3
        && chars[n - 1] == chars[n - 2]
        && !"aeiouylsfz".contains(chars[n - 1])
        && "aeiou".contains(chars[n - 3])
    {
        return format!("{}*", chars[..n - 1].iter().collect::<String>());
    }
    if whole_stem(rest) {
        format!("{rest}*")
    } else {
        lower
    }
}

/// Whether `stem` (a verb with its -ed or -ing taken off) is itself a whole
/// word: it ends as English base forms do without a silent e ("kill",
/// "attack", "wound", "deploy", "gain", "offer"), where "injur", "pledg",
/// "evacuat" and "rais" need one the inflection dropped.
fn whole_stem(stem: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ll", "ss", "ff", "zz", "ck", "sh", "ch", "st", "nt", "rt", "rk", "nd", "ld", "lt", "mp",
        "ft", "ct", "pt", "xt", "wn", "rn", "rm", "rd", "lp", "lk", "sk", "sp", "nk", "mb", "th",
        "er", "ow", "ew", "ay", "ey", "oy", "ain", "ean", "oin", "eam", "aim", "oom", "eed", "ead",
        "eat", "oat", "ait", "eet", "oot", "ook", "eal", "ail", "oil", "ool", "eel", "air", "oor",
        "eer", "ear", "our", "ort",
    ];
    ENDINGS.iter().any(|e| stem.ends_with(e))
}

/// The term for a counted noun: its singular with `*` ("soldiers" ->
/// `soldier*`, "churches" -> `church*`), and for "-ies" both forms
/// ("casualty|casualties"), never a stem that is no word.
fn noun_term(noun: &str) -> String {
    let lower = noun.to_lowercase();
    if lower.chars().count() < 3 {
        return lower;
    }
    if let Some(stem) = lower.strip_suffix("ies")
        && stem.chars().count() >= 3
        && !matches!(lower.as_str(), "series" | "species")
    {
        return format!("{stem}y|{lower}");
    }
    for suffix in ["ches", "shes", "sses", "xes", "zes"] {
        if lower.ends_with(suffix) {
            return format!("{}*", &lower[..lower.len() - 2]);
        }
    }
    if let Some(singular) = lower.strip_suffix('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && singular.chars().count() >= 3
    {
        return format!("{singular}*");
    }
    format!("{lower}*")
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
        if title_follows(sentence, words, j) {
            // "Interior Minister Pavel Ionescu": "Interior" names the post.
            i = j + 1;
            continue;
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

/// Last words of two-word organisation names, kept whole ("Northwind Air").
const ORG_WORDS: &[&str] = &[
    "air",
    "airlines",
    "airways",
    "group",
    "bank",
    "securities",
    "union",
    "office",
    "party",
    "council",
    "ministry",
    "department",
    "motors",
    "energy",
    "capital",
    "partners",
    "holdings",
    "news",
    "times",
    "post",
    "police",
    "army",
    "court",
    "agency",
    "service",
    "authority",
    "university",
    "college",
    "hospital",
    "institute",
    "foundation",
    "fund",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "club",
    "league",
    "committee",
];

/// Whether the word after `words[j]` is a capitalised title ("Minister",
/// "Editor"): the capitalised words before it name a post, not a person.
fn title_follows(sentence: &str, words: &[Token<'_>], j: usize) -> bool {
    words.get(j + 1).is_some_and(|next| {
        is_capitalised(next.text)
            && NOT_NAMES.contains(&next.text.to_lowercase().as_str())
            && !matches!(
                next.text.to_lowercase().as_str(),
                "news" | "meanwhile" | "further" | "yet" | "still" | "despite"
            )
            && sentence.get(words[j].end..next.start) == Some(" ")
    })
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
    // Service"), whose last word alone would match far too much; so are two
    // that end in a word organisations end in ("Northwind Air", "Met Office").
    let org = parts.len() == 2 && ORG_WORDS.contains(&parts[1].to_lowercase().as_str());
    if parts.len() > 2 || org {
        return parts.join(" ");
    }
    expand(parts.last().copied().unwrap_or_default())
}

/// Verbs that put words in a speaker's mouth.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "stated",
    "wrote",
    "writes",
    "lamented",
    "argued",
    "argues",
    "contend",
    "contends",
    "contended",
    "insisted",
    "claimed",
    "declared",
    "noted",
    "explained",
    "announced",
    "tweeted",
    "posted",
    "according",
    "urged",
    "vowed",
    "called",
];

/// The speaker a sentence names for the quotation in it, as an `about`
/// term: the name right before or after a speech verb outside the quoted
/// words ("Governor Ivan Fedorov said" -> `Fedorov`, "lamented the Ukrainian
/// foreign ministry" -> `Ukrainian foreign ministry`). None for a pronoun or
/// no speech verb: the draft says nothing rather than guess.
pub(super) fn speaker(sentence: &str, known: &HashSet<String>) -> Option<String> {
    let masked = mask_quotations(sentence);
    let words = tokens(&masked);
    let verb = words
        .iter()
        .position(|w| SPEECH.contains(&w.text.to_lowercase().as_str()))?;
    // Before the verb: the nearest name that ends within six words of it
    // ("Elena Drakos, the city's mayor, said").
    let before: Vec<(usize, String)> = {
        let names = name_runs(&masked, &words, known);
        names
            .into_iter()
            .filter(|&(_, j, _)| j < verb && verb - j <= 6)
            .map(|(_, j, t)| (verb - j, t))
            .collect()
    };
    if let Some((_, name)) = before.into_iter().min_by_key(|(d, _)| *d) {
        return Some(name);
    }
    // After it: "said Ivan Fedorov", "according to Oleh Petrenko", "lamented
    // the Ukrainian foreign ministry" (a name with the nouns it heads).
    let mut k = verb + 1;
    while k < words.len()
        && (matches!(
            words[k].text.to_lowercase().as_str(),
            "the" | "to" | "a" | "an" | "by"
        ) || NOT_NAMES.contains(&words[k].text.to_lowercase().as_str()))
        && k - verb <= 3
    {
        k += 1;
    }
    let first = words.get(k)?;
    if !is_capitalised(first.text) || !is_name_word(first.text, false) {
        return None;
    }
    let mut parts = vec![first.text];
    let mut j = k;
    while j + 1 < words.len()
        && parts.len() < 4
        && masked.get(words[j].end..words[j + 1].start) == Some(" ")
        && !is_stop(words[j + 1].text)
    {
        let next = words[j + 1].text;
        if !is_capitalised(next) && is_capitalised(parts[parts.len() - 1]) && parts.len() > 1 {
            // "Oleh Petrenko, a resident": a full name ends at its last capital.
            break;
        }
        parts.push(next);
        j += 1;
    }
    if parts.iter().all(|p| is_capitalised(p)) {
        Some(name_term(&parts))
    } else {
        Some(parts.join(" "))
    }
}

/// The text with every quotation's words blanked out (same byte length), so
/// a name inside the quoted words is never taken for the speaker.
fn mask_quotations(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    // A closing mark before any opening one ends a quotation that began in
    // an earlier sentence: the words before it are quoted too.
    let first_mark = sentence.find(['\u{201C}', '\u{201D}', '"', '\u{00AB}', '\u{00BB}']);
    let mut inside: Option<char> = match first_mark.and_then(|i| sentence[i..].chars().next()) {
        Some(c @ ('\u{201D}' | '\u{00BB}')) => Some(c),
        _ => None,
    };
    let mut prev: Option<char> = None;
    for c in sentence.chars() {
        match inside {
            Some(close) if c == close => {
                inside = None;
                out.push(' ');
            }
            Some(_) => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            None => {
                let open = match c {
                    '\u{201C}' => Some('\u{201D}'),
                    '"' => Some('"'),
                    '\u{00AB}' => Some('\u{00BB}'),
                    '\u{2018}' if prev.is_none_or(|p| !p.is_alphanumeric()) => Some('\u{2019}'),
                    _ => None,
                };
                if open.is_some() {
                    inside = open;
                    out.push(' ');
                } else {
                    out.push(c);
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// The runs of capitalised name words of a sentence: (first word, last
/// word, term).
fn name_runs(
    sentence: &str,
    words: &[Token<'_>],
    known: &HashSet<String>,
) -> Vec<(usize, usize, String)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if !is_capitalised(word.text)
            || !is_name_word(word.text, i == 0)
            || i == 0
                && !known.contains(word.text)
                && words.len() > 1
                && !is_capitalised(words[1].text)
                // "Fedorov said": a sentence's first word right before a
                // speech verb is its speaker, unless it is a plural
                // ("Officials said").
                && (!SPEECH.contains(&words[1].text.to_lowercase().as_str())
                    || word.text.ends_with('s'))
        {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < words.len()
            && is_capitalised(words[j + 1].text)
            && is_name_word(words[j + 1].text, false)
            && sentence.get(words[j].end..words[j + 1].start) == Some(" ")
        {
            j += 1;
        }
        if title_follows(sentence, words, j) {
            i = j + 1;
            continue;
        }
        let parts: Vec<&str> = words[i..=j].iter().map(|w| w.text).collect();
        runs.push((i, j, name_term(&parts)));
        i = j + 1;
    }
    runs
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
    fn terms_are_whole_words() {
        let verbs = [
            ("killed", "kill*"),
            ("killing", "kill*"),
            ("injured", "injured"),
            ("pledged", "pledged"),
            ("exceeded", "exceed*"),
            ("wounded", "wound*"),
            ("stopped", "stop*"),
            ("deployed", "deploy*"),
            ("detained", "detain*"),
            ("evacuated", "evacuated"),
            ("died", "died"),
            ("raised", "raised"),
        ];
        for (verb, want) in verbs {
            assert_eq!(verb_term(verb), want, "{verb}");
        }
        let nouns = [
            ("soldiers", "soldier*"),
            ("casualties", "casualty|casualties"),
            ("fortress", "fortress*"),
            ("churches", "church*"),
            ("forces", "force*"),
            ("loan", "loan*"),
            ("status", "status*"),
        ];
        for (noun, want) in nouns {
            assert_eq!(noun_term(noun), want, "{noun}");
        }
    }

    #[test]
    fn speakers_of_quotations() {
        let known: HashSet<String> = HashSet::new();
        let cases = [
            ("“We will rebuild,” said Mayor Anna Kovacs.", Some("Kovacs")),
            (
                "Governor Ivan Fedorov said “the strike hit the centre”.",
                Some("Fedorov"),
            ),
            (
                "“This is a betrayal,” lamented the Ukrainian foreign ministry.",
                Some("Ukrainian foreign ministry"),
            ),
            (
                "“Nothing was left,” according to Oleh Petrenko, a resident.",
                Some("Petrenko"),
            ),
            ("The sign read “no entry after dark”.", None),
            (
                "“We have lost everything,” Elena Drakos, the city's mayor, said.",
                Some("Drakos"),
            ),
            (
                "Fedorov said Russia “will pay for this crime”.",
                Some("Fedorov"),
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(speaker(sentence, &known).as_deref(), want, "{sentence}");
        }
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
