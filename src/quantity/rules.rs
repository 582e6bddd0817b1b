//! The named rules that make a number no figure ("not figures" in the
//! spec): dates, clock times, measures, ages, references, names, years,
//! pronouns. Each rule has a name, the reason, and example sentences in
//! which it rejects a number; a test replays every example against its rule.
//!
//! Rules on the shape of the number and what is glued to it are applied
//! where the scanner reads that shape (`attach`, `qualify`); rules on its
//! context are the ordered tables [`CONTEXT`] (after the number and its
//! unit are read) and [`FINAL`] (after its qualifier, range and ratio).

// A byte scanner reads best with short names for positions (i, j, p, q, e)
// and compares scale factors it set itself exactly (1.0, 1e6).
#![allow(clippy::many_single_char_names, clippy::float_cmp)]

use super::Kind;
use super::Qualifier;
use super::lexicon::{self, context, lower, qualifiers};
use super::scan::{Cand, Sc};

/// A rule that makes a number no figure.
pub(crate) struct Rule {
    /// Short name, kebab-case.
    pub name: &'static str,
    /// Why the number is no figure.
    pub why: &'static str,
    /// Sentences in which the rule rejects a number (replayed by a test).
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: &'static [&'static str],
    /// A context rule that never rejects a number with a unit (a "bare"
    /// count is the only kind it tests): `first` skips it for the others
    /// without a call (most candidates are money, percentages, durations).
    /// Only for [`CONTEXT`], where `bare` is read just before.
    pub bare_only: bool,
    /// For a rule on the context: the test, giving where scanning resumes.
    pub test: Option<fn(&Sc, &Cand) -> Option<usize>>,
}

/// A number rejected by a rule, and where scanning resumes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reject {
    pub rule: &'static Rule,
    pub resume: usize,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl Rule {
    /// This rule's rejection, resuming at `resume`.
    pub(crate) fn at(&'static self, resume: usize) -> Reject {
        Reject { rule: self, resume }
    }
}

/// The first rule of `table` that rejects `c`.
pub(crate) fn first(sc: &Sc, c: &Cand, table: &[&'static Rule]) -> Result<(), Reject> {
    for rule in table {
        let Some(test) = rule.test else {
            continue;
        };
        if rule.bare_only && !c.bare {
            // Tests (and the characterization of bench.txt) check the claim.
            debug_assert!(test(sc, c).is_none(), "{} is not bare-only", rule.name);
            continue;
        }
        if let Some(resume) = test(sc, c) {
            return Err(rule.at(resume));
        }
    }
    Ok(())
}

const fn shape(name: &'static str, why: &'static str, examples: &'static [&'static str]) -> Rule {
    Rule {
        name,
        why,
        examples,
        bare_only: false,
        test: None,
    }
}

// Rules on the number's shape and what is glued to it, in reading order.

pub(crate) static NOT_A_NUMBER: Rule = shape(
    "not-a-number",
    "digits that are no number: a version or an address, leading zeros, too many digits",
    &[
        "The router answered at 192.168.0.1 on Monday.",
        "Agent 007 was recast.",
    ],
);
pub(crate) static GLUED_BEFORE: Rule = shape(
    "glued-before",
    "a number joined to the letters or signs before it is part of a name or a code",
    &["The A321 landed safely.", "Tag the post #45 today."],
);
pub(crate) static PHONE: Rule = shape(
    "phone",
    "a number after an international + is a phone number",
    &["Call +44 20 7946 0958 for details."],
);
pub(crate) static HYPHENATED_NAME: Rule = shape(
    "hyphenated-name",
    "a number joined by a hyphen to the letters before it is a name (F-16, Covid-19)",
    &["Two F-16 jets flew over.", "Covid-19 cases fell."],
);
pub(crate) static DOTTED_NUMBER: Rule = shape(
    "dotted-number",
    "digits after a digit and a full stop continue a dotted code",
    &["Scores were 5..3 at best."],
);
pub(crate) static GLUED_AFTER: Rule = shape(
    "glued-after",
    "letters glued after the number that are no scale, percent or currency make a code",
    &["The 4x4 drove off.", "Meet at 10.30am tomorrow."],
);
pub(crate) static TWO_CURRENCIES: Rule = shape(
    "two-currencies",
    "a currency before the number and another glued after it",
    &["It cost $50EUR in the end."],
);
pub(crate) static FRACTION_OR_CLOCK: Rule = shape(
    "fraction-or-clock",
    "digits joined by / or : are a fraction, a date or a clock time",
    &["Add 3/4 of the flour.", "The train left at 10:30 sharp."],
);
pub(crate) static DECADE: Rule = shape(
    "decade",
    "a number with 's is a decade",
    &["Music of the 1990's returned."],
);
pub(crate) static MEASURE: Rule = shape(
    "measure",
    "a number with a unit of measure (155 mm, 30 km, 40C) is no figure",
    &[
        "The shells were 155 mm rounds.",
        "It was 40° in the shade.",
        "A 20m-high wall went up.",
        "The tower is 1m tall.",
    ],
);
pub(crate) static AGE: Rule = shape(
    "age",
    "an age is no figure",
    &[
        "A 45-year-old man was arrested.",
        "She is 45 years old.",
        "He was 50 years of age.",
    ],
);
pub(crate) static NO_FIGURE_COMPOUND: Rule = shape(
    "no-figure-compound",
    "a hyphenated compound that is an ordinal, a fraction, a measure or a set phrase",
    &[
        "It was a one-off payment.",
        "The twenty-first century began.",
        "He won 6-love in the final set.",
    ],
);
pub(crate) static FRACTION: Rule = shape(
    "fraction",
    "a number before a plural denominator is a fraction",
    &["Two thirds of voters agreed."],
);
pub(crate) static DATE: Rule = shape(
    "date",
    "a day number before a month is a date",
    &["They met on 8 October in Kazan."],
);
pub(crate) static CLOCK_TIME: Rule = shape(
    "clock-time",
    "a small number before am, pm, a time zone or o'clock is a clock time",
    &[
        "The polls close at 8 pm.",
        "It starts at 10 GMT.",
        "We left at 5 o'clock.",
    ],
);
pub(crate) static GLUED_K: Rule = shape(
    "glued-k",
    "a single digit with a glued k is a resolution or a race distance",
    &["She ran a 5k on Sunday.", "The 4K screen sold out."],
);
pub(crate) static MONEY_PERCENT: Rule = shape(
    "money-percent",
    "a number with both a currency and a percent sign",
    &["It read $5% on the sign."],
);
pub(crate) static VAGUE_TITLE: Rule = shape(
    "vague-title",
    "a capitalised vague word inside a sentence is a title",
    &["She starred in The Thousands last year."],
);
pub(crate) static NEGATIVE: Rule = shape(
    "negative",
    "a number with a minus sign is negative, and negative numbers are no figures",
    &[
        "The index fell -0.3% on Friday.",
        "Net flows were -1.2M in May.",
    ],
);
pub(crate) static POUNDS_OF_WEIGHT: Rule = shape(
    "pounds-of-weight",
    "pounds that weigh are a measure, not sterling",
    &[
        "The baby weighed 8 pounds at birth.",
        "She bought 5 pounds of sugar.",
    ],
);
pub(crate) static MEASURE_RANGE: Rule = shape(
    "measure-range",
    "a range of measures is no figure, and no part of it is (between 3 and 5 kilometres, 5-6 mm)",
    &[
        "Walk between 3 and 5 kilometres a day.",
        "Cut 5-6 mm strips.",
        "It grew 2 to 3 inches.",
    ],
);
pub(crate) static SCORE: Rule = shape(
    "score",
    "two bare numbers joined by a dash, the first not smaller, are a score or a tally",
    &["City won 3-1 at home.", "The bill passed 52-48."],
);

// Rules on the context, in the order they are tried.

pub(crate) static ORDINAL_WORDS: Rule = Rule {
    name: "ordinal-words",
    why: "tens in words before first to ninth are an ordinal (twenty fifth)",
    examples: &[
        "It was their twenty fifth anniversary.",
        "On the thirty first day, rain came.",
    ],
    bare_only: true,
    test: Some(|sc, c| {
        if !(c.num.words && c.bare && c.value >= 20.0 && c.value % 10.0 == 0.0) {
            return None;
        }
        let (s, e) = sc.next_word(c.end)?;
        let mut buf = [0u8; 24];
        lower(&sc.b[s..e], &mut buf)
            .is_some_and(context::ordinal_unit)
            .then_some(e)
    }),
};

pub(crate) static CLOCK_HOUR: Rule = Rule {
    name: "clock-hour",
    why: "a small number after at, by or until and before a time of day is a clock time (at 8 in the evening)",
    examples: &[
        "Polls close at 8 in the evening.",
        "We meet at seven tonight.",
        "Be there by 9 sharp.",
    ],
    bare_only: true,
    test: Some(|sc, c| {
        let pl = c.pl();
        if !(c.bare
            && c.value <= 24.0
            && c.value.fract() == 0.0
            && (context::time_preposition(pl) || matches!(pl, b"around" | b"about")))
        {
            return None;
        }
        for phrase in context::TIMES_OF_DAY {
            let mut p = c.end;
            let mut ok = true;
            for w in phrase.split(' ') {
                match sc.next_word(p) {
                    Some((s, e)) if sc.b[s..e].eq_ignore_ascii_case(w.as_bytes()) => p = e,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                return Some(p);
            }
        }
        None
    }),
};

pub(crate) static BELOW_ZERO: Rule = Rule {
    name: "below-zero",
    why: "degrees below or above zero are a temperature, and zero itself there is no figure",
    examples: &[
        "It was 10 below zero overnight.",
        "Temperatures stayed below zero.",
    ],
    bare_only: false,
    test: Some(|sc, c| {
        let b = sc.b;
        // "below zero", "above zero": the zero.
        if c.value == 0.0 && c.num.words && matches!(c.pl(), b"below" | b"above") {
            return Some(c.skip);
        }
        if !c.bare {
            return None;
        }
        let (s1, e1) = sc.next_word(c.end)?;
        let (s2, e2) = sc.next_word(e1)?;
        ((b[s1..e1].eq_ignore_ascii_case(b"below") || b[s1..e1].eq_ignore_ascii_case(b"above"))
            && (b[s2..e2].eq_ignore_ascii_case(b"zero")
                || b[s2..e2].eq_ignore_ascii_case(b"freezing")))
        .then_some(e2)
    }),
};

pub(crate) static AGE_LIMIT: Rule = Rule {
    name: "age-limit",
    why: "a small number after people and under, over or aged is an age (children under five)",
    examples: &[
        "Children under five were vaccinated.",
        "Free travel for people over 65 was cut.",
    ],
    bare_only: true,
    test: Some(|sc, c| {
        let b = sc.b;
        if !(c.kind == Kind::Count
            && c.unit.is_none()
            && c.value <= 120.0
            && c.value.fract() == 0.0
            && matches!(c.qualifier, Qualifier::LessThan | Qualifier::MoreThan)
            && c.start < c.left)
        {
            return None;
        }
        let q = &b[c.start..c.before_space];
        if !["under", "over", "below", "above"]
            .iter()
            .any(|w| q.eq_ignore_ascii_case(w.as_bytes()))
        {
            return None;
        }
        let (s, e) = sc.prev_word(c.start, c.floor)?;
        let mut buf = [0u8; 24];
        let person = lower(&b[s..e], &mut buf).is_some_and(context::people);
        // "children under five years", not "people over 65 million".
        let counts = sc.plural_after(c.end) && !sc.is_word(sc.next_word(c.end), b"years");
        (person && !counts).then_some(c.skip)
    }),
};

pub(crate) static DATE_DAY: Rule = Rule {
    name: "date-day",
    why: "a day number after a month is a date",
    examples: &["On October 8 the talks began."],
    bare_only: true,
    test: Some(|sc, c| {
        let (ps, pe) = c.pw?;
        (c.before_space == pe && lexicon::month(c.pl(), &sc.b[ps..pe]) && c.num.plain_int && c.bare)
            .then(|| sc.reference_tail(c.end))
    }),
};

pub(crate) static NUMBERED_PERIOD: Rule = Rule {
    name: "numbered-period",
    why: "a number after day, week, round or stage numbers it",
    examples: &["On day 970 of the war, talks resumed."],
    bare_only: true,
    test: Some(|sc, c| {
        let (_, pe) = c.pw?;
        (c.before_space == pe
            && c.bare
            && !c.num.words
            && context::numbered_period(c.pl())
            && !sc.plural_after(c.end))
        .then(|| sc.reference_tail(c.end))
    }),
};

pub(crate) static REFERENCE: Rule = Rule {
    name: "reference",
    why: "a number after page, article, flight, version or aged is a reference",
    examples: &[
        "See page 12 for more.",
        "Flight 17 was shot down.",
        "Adults aged 18 to 24 voted.",
    ],
    bare_only: true,
    test: Some(|sc, c| {
        let (_, pe) = c.pw?;
        (c.before_space == pe && c.bare && !c.num.words && lexicon::reference_word(c.pl()))
            .then(|| sc.reference_tail(c.end))
    }),
};

/// The lowercase word before the word before the figure ("group" in "Group of Seven").
fn word_before_of(sc: &Sc, c: &Cand, buf: &mut [u8; 24]) -> Option<(usize, usize, usize)> {
    let (ps, _) = c.pw?;
    if !c.bare || c.pl() != b"of" {
        return None;
    }
    let (s2, e2) = sc.prev_word(ps, c.floor.min(ps))?;
    let n = lower(&sc.b[s2..e2], buf).map_or(0, <[u8]>::len);
    Some((s2, e2, n))
}

pub(crate) static GROUP_OF: Rule = Rule {
    name: "group-of",
    why: "a number after \"Group of\" names the group",
    examples: &["The Group of 20 met in Rio."],
    bare_only: true,
    test: Some(|sc, c| {
        let mut buf = [0u8; 24];
        let (s2, _, n) = word_before_of(sc, c, &mut buf)?;
        (&buf[..n] == b"group" && sc.b[s2].is_ascii_uppercase()).then_some(c.skip)
    }),
};

pub(crate) static AGE_OF: Rule = Rule {
    name: "age-of",
    why: "a number after \"a man of\" or \"the age of\" is an age",
    examples: &["A man of 49 was held.", "She retired at the age of 60."],
    bare_only: true,
    test: Some(|sc, c| {
        let mut buf = [0u8; 24];
        let (_, _, n) = word_before_of(sc, c, &mut buf)?;
        ((c.num.plain_int || c.num.words) && c.value <= 120.0 && context::person_of(&buf[..n]))
            .then_some(c.skip)
    }),
};

/// The name is itself counted: a number right before it ("two Falcon 9
/// rockets", "4 USB 3 sockets") counts the named things, so the name's own
/// number is part of what is counted, however plural the noun after it.
/// The count before the name is often a figure read already, so this looks
/// back past the candidate's floor.
fn counted_name(sc: &Sc, ps: usize) -> bool {
    let q = sc.back_hs(ps);
    if q == 0 {
        return false;
    }
    if sc.b[q - 1].is_ascii_digit() {
        return true;
    }
    let mut buf = [0u8; 24];
    sc.prev_word(ps, 0)
        .and_then(|(s, e)| lower(&sc.b[s..e], &mut buf))
        .is_some_and(|w| lexicon::num_word(w).is_some())
}

/// A plural noun after the number makes it a count: "told Reuters 15
/// people". A capitalised plural does so only in a Title Case headline
/// ("Hits Kyiv With 100 Drones": the word before the number is a function
/// word, or the word before that is capitalised too), not after a brand
/// ("Boeing 787 Dreamliners").
fn title_case_count(sc: &Sc, c: &Cand, ps: usize) -> bool {
    sc.plural_after(c.end)
        && (sc
            .next_word(c.end)
            .is_some_and(|(s, _)| sc.b[s].is_ascii_lowercase())
            || lexicon::stop_word(c.pl())
            || sc
                .prev_word(ps, c.floor.min(ps))
                .is_some_and(|(s, _)| sc.b[s].is_ascii_uppercase()))
}

pub(crate) static NAMED_NUMBER: Rule = Rule {
    name: "named-number",
    why: "a capitalised word right before a bare number names it (Apollo 11, Boeing 737)",
    examples: &[
        "A Falcon 9 rocket lifted off.",
        "Fans queued for Halo 3 overnight.",
        "He has two USB 3 ports.",
        "The hub has 4 USB 3 sockets.",
    ],
    bare_only: true,
    test: Some(|sc, c| {
        let (ps, pe) = c.pw?;
        let written = &sc.b[ps..pe];
        let pl = c.pl();
        (c.bare
            && c.num.plain_int
            && c.before_space == pe
            && written[0].is_ascii_uppercase()
            && !sc.sentence_start(ps)
            && lexicon::num_word(pl).is_none()
            && !lexicon::month(pl, written)
            && qualifiers::before(&[pl]).is_none()
            && written.len() > 1
            && (!title_case_count(sc, c, ps) || counted_name(sc, ps)))
        .then_some(c.skip)
    }),
};

pub(crate) static SECOND_NUMBER: Rule = Rule {
    name: "second-number",
    why: "the second of two numbers in a row names what the first counts (five 787 Dreamliners, 400 737 Max jets)",
    examples: &[
        "They ordered five 787 Dreamliners.",
        "The airline took 400 737 Max jets.",
    ],
    bare_only: true,
    test: Some(|sc, c| {
        let b = sc.b;
        let q = c.before_space;
        (c.bare
            && c.num.plain_int
            && c.floor > 0
            && q == c.floor
            && q < c.left
            && b[q - 1].is_ascii_alphanumeric())
        .then_some(c.skip)
    }),
};

pub(crate) static CLOCK_DECIMAL: Rule = Rule {
    name: "clock-decimal",
    why: "hours and minutes with a full stop after at, by, until... are a clock time",
    examples: &["The vote ends at 9.30 tonight.", "Wait until 10.45 please."],
    bare_only: true,
    test: Some(|_, c| {
        (c.bare
            && !c.num.words
            && c.num.decimals == 2
            && c.value < 24.0
            && (c.value.fract() * 100.0).round() < 60.0
            && context::time_preposition(c.pl()))
        .then_some(c.skip)
    }),
};

pub(crate) static DOTTED_REFERENCE: Rule = Rule {
    name: "dotted-reference",
    why: "a number after an abbreviation with a full stop (No. 10, p. 12, Oct. 22) is a reference or a date",
    examples: &["He lives at No. 10 now.", "See p. 12 for the table."],
    bare_only: true,
    test: Some(|sc, c| {
        let b = sc.b;
        let q = c.before_space;
        if !(q > c.floor + 1 && b[q - 1] == b'.' && c.bare && c.num.plain_int) {
            return None;
        }
        let ws = sc.word_start(q - 1);
        let mut buf = [0u8; 24];
        let l: &[u8] = lower(&b[ws..q - 1], &mut buf).unwrap_or(b"");
        (ws < q - 1 && (context::dotted_reference(l) || lexicon::month(l, &b[ws..q - 1])))
            .then_some(c.skip)
    }),
};

pub(crate) static CAPITALISED_NUMBER_WORD: Rule = Rule {
    name: "capitalised-number-word",
    why: "a capitalised number word inside a sentence is a name (Group of Seven, World War Two)",
    examples: &["After World War Two ended, trade grew."],
    bare_only: true,
    test: Some(|sc, c| {
        // The cheap tests on the candidate first: most numbers are no word.
        if !(c.num.capital_word && c.bare) || sc.sentence_start(c.i) {
            return None;
        }
        let title_case_plural = sc.plural_after(c.end)
            && sc
                .next_word(c.end)
                .is_some_and(|(s, _)| sc.b[s].is_ascii_uppercase());
        (!title_case_plural).then_some(c.skip)
    }),
};

/// A small bare whole number: what an age is written as.
fn age_like(c: &Cand) -> bool {
    c.bare && c.num.plain_int && c.value <= 120.0
}

/// The byte after the figure, across space.
fn next_byte(sc: &Sc, c: &Cand) -> Option<u8> {
    sc.b.get(sc.skip_hs(c.end)).copied()
}

pub(crate) static AGE_AFTER_NAME: Rule = Rule {
    name: "age-after-name",
    why: "a number between commas after a name or a person is an age (Ferreira, 58,)",
    examples: &[
        "Ana Ferreira, 58, was unhurt.",
        "A teenager, 17, was arrested.",
    ],
    bare_only: true,
    test: Some(|sc, c| {
        let b = sc.b;
        let q = c.before_space;
        if !age_like(c) || q <= c.floor || b[q - 1] != b',' {
            return None;
        }
        let p = sc.back_hs(q - 1);
        let ws = sc.word_start(p);
        let mut buf = [0u8; 24];
        let person = lower(&b[ws..p], &mut buf).is_some_and(context::person);
        (p > c.floor
            && b[p - 1].is_ascii_alphabetic()
            && (b[ws].is_ascii_uppercase() || person)
            && matches!(
                next_byte(sc, c),
                None | Some(b',' | b'.' | b';' | b')' | b'\n' | b'\r')
            ))
        .then_some(c.skip)
    }),
};

pub(crate) static AGE_IN_BRACKETS: Rule = Rule {
    name: "age-in-brackets",
    why: "a number in brackets after a name is an age (Smith (45))",
    examples: &["John Smith (45) denied it."],
    bare_only: true,
    test: Some(|sc, c| {
        let b = sc.b;
        let q = c.before_space;
        if !age_like(c) || q <= c.floor || b[q - 1] != b'(' || next_byte(sc, c) != Some(b')') {
            return None;
        }
        let p = sc.back_hs(q - 1);
        (p > c.floor && b[p - 1].is_ascii_alphabetic() && b[sc.word_start(p)].is_ascii_uppercase())
            .then_some(c.skip)
    }),
};

pub(crate) static YEAR: Rule = Rule {
    name: "year",
    why: "a bare four-digit number from 1000 to 2100 is a year unless a plural noun with no determiner follows (news writes counts with commas)",
    examples: &["The 2022 invasion changed it.", "In 2014 the war began."],
    bare_only: true,
    test: Some(|sc, c| {
        if !(c.bare
            && c.num.plain_int
            && c.num.int_len == 4
            && (1000.0..=2100.0).contains(&c.value)
            && (c.qualifier == Qualifier::Exact || c.between))
        {
            return None;
        }
        let b = sc.b;
        let plural_next = sc.next_word(c.end).is_some_and(|(s, e)| {
            let mut bb = [0u8; 24];
            lower(&b[s..e], &mut bb).is_some_and(|l| {
                b[s].is_ascii_lowercase()
                    && !lexicon::stop_word(l)
                    && (l == b"people" || (l.len() > 3 && l.ends_with(b"s") && !l.ends_with(b"ss")))
            })
        });
        let determiner = c.pw.is_some_and(|(ps, _)| {
            b[ps].is_ascii_uppercase()
                || (ps >= 2 && b[ps - 1] == b'\'')
                || sc.char_before(ps) == Some('’')
        }) || context::year_determiner(c.pl());
        (!plural_next || determiner).then(|| sc.range_skip(c.end))
    }),
};

pub(crate) static DAY_RANGE: Rule = Rule {
    name: "day-range",
    why: "a range of day numbers before a month is a date (22 to 24 October, 8-10 March)",
    examples: &[
        "The summit runs 22 to 24 October.",
        "Talks on 8-10 March stalled.",
    ],
    bare_only: true,
    test: Some(|sc, c| {
        if !(c.bare && c.num.plain_int && c.value <= 31.0) {
            return None;
        }
        let tail = sc.reference_tail(c.end);
        let (s, e) = sc.next_word(tail).filter(|_| tail > c.end)?;
        let mut mb = [0u8; 24];
        lower(&sc.b[s..e], &mut mb)
            .is_some_and(|l| lexicon::month(l, &sc.b[s..e]))
            .then_some(e)
    }),
};

pub(crate) static ONE_PRONOUN: Rule = Rule {
    name: "one-pronoun",
    why: "\"one\" alone is a pronoun unless a unit, a qualifier or a counted noun makes it a count",
    examples: &["One of them left early.", "It is the one thing we know."],
    bare_only: false,
    test: Some(|sc, c| {
        if !(c.num.single_one
            && c.kind == Kind::Count
            && c.unit.is_none()
            && c.qualifier == Qualifier::Exact
            && c.bounds.is_none()
            && !c.hyphen_compound)
        {
            return None;
        }
        // The noun may follow an adjective: "one Ukrainian soldier", "one senior official".
        let noun_at = |span: Option<(usize, usize)>| {
            span.is_some_and(|(s, e)| {
                let mut bb = [0u8; 24];
                sc.b[s].is_ascii_lowercase()
                    && lower(&sc.b[s..e], &mut bb).is_some_and(lexicon::counted_noun)
            })
        };
        let n1 = sc.next_word(c.end);
        let counted = noun_at(n1) || noun_at(n1.and_then(|(_, e)| sc.next_word(e)));
        (!counted).then_some(c.skip)
    }),
};

pub(crate) static NO_ONE: Rule = Rule {
    name: "no-one",
    why: "\"no one\" is a pronoun",
    examples: &["No one soldier was hurt."],
    bare_only: false,
    test: Some(|sc, c| {
        (c.num.single_one && sc.is_word(c.pw, b"no") && c.before_space == c.pw.map_or(0, |x| x.1))
            .then_some(c.skip)
    }),
};

/// Whether three or more digit groups of two digits or more joined by
/// single spaces or hyphens ("800 555 019", "0800 123 4567"), or two where
/// the first starts with a zero ("020 7946"), start at `i`: a phone number.
/// A count is never written so (digits group with commas, and two numbers
/// separated by a space are two numbers).
fn phone_at(sc: &Sc, i: usize) -> bool {
    let b = sc.b;
    let mut j = i;
    let mut groups = 0;
    let mut leading_zero = false;
    loop {
        let s = j;
        while sc.digit(j) {
            j += 1;
        }
        if j - s < 2 {
            return false;
        }
        if groups == 0 {
            leading_zero = b[s] == b'0';
        }
        groups += 1;
        if matches!(b.get(j), Some(b' ' | b'-')) && sc.digit(j + 1) {
            j += 1;
        } else {
            break;
        }
    }
    // A group glued to letters or joined to more digits by a comma or a
    // full stop is part of something else.
    let glued = b.get(j).is_some_and(u8::is_ascii_alphabetic)
        || matches!(b.get(j), Some(b',' | b'.')) && sc.digit(j + 1);
    !glued && (groups >= 3 || groups == 2 && leading_zero)
}

pub(crate) static PHONE_GROUPS: Rule = Rule {
    name: "phone-groups",
    why: "three or more digit groups joined by spaces or hyphens (or two where the first starts with 0) are a phone number",
    examples: &[
        "Call the hotline on 800 555 019 for help.",
        "Call 555-0199-22 after six.",
    ],
    bare_only: false,
    test: Some(|sc, c| (c.left == c.i && phone_at(sc, c.i)).then(|| sc.chain_end(c.i))),
};

pub(crate) static READING_TIME: Rule = Rule {
    name: "reading-time",
    why: "minutes followed by \"read\" are a page's reading-time counter (\"5 min read\")",
    examples: &["5 min read", "A 12 minute read."],
    bare_only: false,
    test: Some(|sc, c| {
        let n1 = sc.next_word(c.end)?;
        if c.unit == Some("minutes") && sc.is_word(Some(n1), b"read") {
            return Some(n1.1);
        }
        if sc.b[n1.0] | 0x20 != b'm' {
            return None;
        }
        let mut buf = [0u8; 24];
        if !matches!(
            lower(&sc.b[n1.0..n1.1], &mut buf)?,
            b"min" | b"mins" | b"minute" | b"minutes"
        ) {
            return None;
        }
        let n2 = sc.next_word(n1.1)?;
        sc.is_word(Some(n2), b"read").then_some(n2.1)
    }),
};

pub(crate) static PAGE_COUNTER: Rule = Rule {
    name: "page-counter",
    why: "a number after a page's counter label (Comments, Shares, Likes, Views, Replies), alone or in brackets, counts the page's own furniture",
    examples: &["Comments (312)", "Share 1.4k", "Replies (12) Share"],
    bare_only: true,
    test: Some(|sc, c| {
        if !c.bare {
            return None;
        }
        // The label right before the number, or before its opening bracket.
        let q = c.before_space;
        let bracket = q > c.floor && sc.b[q - 1] == b'(';
        let (ps, pe) = if bracket {
            sc.prev_word(q - 1, c.floor.min(q - 1))?
        } else {
            c.pw?
        };
        let mut buf = [0u8; 24];
        let label = lower(&sc.b[ps..pe], &mut buf)?;
        if !matches!(
            label,
            b"comments"
                | b"comment"
                | b"share"
                | b"shares"
                | b"likes"
                | b"views"
                | b"replies"
                | b"reactions"
        ) || !sc.b[ps].is_ascii_uppercase()
            || !c.bare
        {
            return None;
        }
        let adjacent = if bracket {
            sc.back_hs(q - 1) == pe
        } else {
            q == pe
        };
        adjacent.then(|| {
            let e = sc.skip_hs(c.end);
            if sc.b.get(e) == Some(&b')') {
                e + 1
            } else {
                c.end
            }
        })
    }),
};

/// Whether the words before `start` (a figure with its qualifier) make it
/// an age: "aged (over) 80", "who was 91", "the victim is 91", "died at 91".
fn age_before(sc: &Sc, start: usize, floor: usize) -> bool {
    fn word<'a>(sc: &Sc, span: Option<(usize, usize)>, buf: &'a mut [u8; 24]) -> &'a [u8] {
        span.and_then(|(s, e)| lower(&sc.b[s..e], buf))
            .map_or(b"", |l| l)
    }
    let Some(w1) = sc.prev_word(start, floor.min(start)) else {
        return false;
    };
    // Only plain space between the words: "was, 91" is something else.
    if sc.back_hs(start) != w1.1 {
        return false;
    }
    let mut buf = [0u8; 24];
    let l1 = word(sc, Some(w1), &mut buf);
    if matches!(l1, b"aged" | b"age") {
        return true;
    }
    let w2 = sc
        .prev_word(w1.0, floor.min(w1.0))
        .filter(|&(_, e)| sc.back_hs(w1.0) == e);
    let mut buf2 = [0u8; 24];
    let l2 = word(sc, w2, &mut buf2);
    match l1 {
        b"was" | b"is" => matches!(
            l2,
            b"who" | b"victim" | b"man" | b"woman" | b"boy" | b"girl" | b"he" | b"she"
        ),
        b"at" => matches!(l2, b"died" | b"dies" | b"dead"),
        _ => false,
    }
}

pub(crate) static AGE_STATED: Rule = Rule {
    name: "age-stated",
    why: "a small bare number after \"aged\" (with its qualifier), \"who was\" or \"died at\", with no noun after it, is an age",
    examples: &[
        "The victim, who was 91, died at the scene.",
        "Residents aged over 80 were moved first.",
        "She died at 91 in hospital.",
        "the woman is 37 and lives nearby",
    ],
    bare_only: false,
    test: Some(|sc, c| {
        (c.bare
            && (c.num.plain_int || c.num.words)
            && c.value <= 120.0
            && c.bounds.is_none()
            && age_before(sc, c.start, c.floor)
            && sc.noun_after(c.end).is_none())
        .then(|| sc.reference_tail(c.end))
    }),
};

/// Context rules tried once the number and its unit are read, in order.
pub(crate) static CONTEXT: &[&Rule] = &[
    &PHONE_GROUPS,
    &READING_TIME,
    &PAGE_COUNTER,
    &ORDINAL_WORDS,
    &CLOCK_HOUR,
    &BELOW_ZERO,
    &DATE_DAY,
    &NUMBERED_PERIOD,
    &REFERENCE,
    &GROUP_OF,
    &AGE_OF,
    &NAMED_NUMBER,
    &SECOND_NUMBER,
    &CLOCK_DECIMAL,
    &DOTTED_REFERENCE,
    &CAPITALISED_NUMBER_WORD,
    &AGE_AFTER_NAME,
    &AGE_IN_BRACKETS,
    &YEAR,
    &DAY_RANGE,
    &AGE_LIMIT,
];

/// Context rules tried once qualifier, range and ratio are read.
pub(crate) static FINAL: &[&Rule] = &[&ONE_PRONOUN, &NO_ONE, &AGE_STATED];

/// The rules the scanner raises where it reads a number's shape (they have
/// no context test of their own); with `CONTEXT` and `FINAL` they are every
/// rule.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) static SHAPE: &[&Rule] = &[
    &NOT_A_NUMBER,
    &GLUED_BEFORE,
    &PHONE,
    &HYPHENATED_NAME,
    &DOTTED_NUMBER,
    &GLUED_AFTER,
    &TWO_CURRENCIES,
    &FRACTION_OR_CLOCK,
    &DECADE,
    &MEASURE,
    &AGE,
    &NO_FIGURE_COMPOUND,
    &FRACTION,
    &DATE,
    &CLOCK_TIME,
    &GLUED_K,
    &MONEY_PERCENT,
    &VAGUE_TITLE,
    &NEGATIVE,
    &POUNDS_OF_WEIGHT,
    &MEASURE_RANGE,
    &SCORE,
];

/// Every rule, for tests and explanations: derived, so no list is kept in
/// step with `CONTEXT` and `FINAL` by hand.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn all() -> impl Iterator<Item = &'static Rule> {
    SHAPE.iter().chain(CONTEXT).chain(FINAL).copied()
}

/// The rules that rejected numbers in `text`, in order: the rule and the
/// byte offset where the number starts.
pub(crate) fn rejections(text: &str) -> Vec<(&'static Rule, usize)> {
    let mut out = Vec::new();
    super::scan::scan_explained(text, &mut |_| {}, &mut |at, r: Reject| {
        out.push((r.rule, at));
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_only_marks_context_rules_only() {
        // After the range and the ratio are read `bare` may be stale.
        assert!(FINAL.iter().chain(SHAPE).all(|r| !r.bare_only));
        assert!(CONTEXT.iter().any(|r| r.bare_only));
    }

    #[test]
    fn every_rule_rejects_its_examples() {
        let mut failed = Vec::new();
        for rule in all() {
            assert!(!rule.examples.is_empty(), "{} has no example", rule.name);
            for ex in rule.examples {
                let got = rejections(ex);
                if !got.iter().any(|(r, _)| r.name == rule.name) {
                    failed.push(format!("{}: {ex:?} gave {got:?}", rule.name));
                }
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn names_are_unique_and_every_context_rule_has_a_test() {
        let mut names: Vec<&str> = all().map(|r| r.name).collect();
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n);
        for r in CONTEXT.iter().chain(FINAL) {
            assert!(r.test.is_some(), "{}", r.name);
        }
    }
}
