//! Why a claim's `value` holds no figure, in an editor's words: how the
//! engine read it (a year, a date, an age, a measure, part of a name...) and
//! what to write instead (claim-files.md, `value`: "An error about `value`
//! says how the engine read it ... and what to write instead"). Pure: the
//! claims parser turns the answer into an error at the value's position.

use super::rules;

/// How the engine read a `value` that holds no figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The rule that set the number aside ("year", "measure").
    pub rule: &'static str,
    /// What the number reads as in running text ("a year", "a measure").
    pub reads_as: &'static str,
    /// The rule's reason, in its words.
    pub why: &'static str,
    /// What to write instead.
    pub instead: &'static str,
}

/// Leave the figure alone, or leave `value` out: the advice for numbers
/// that are never figures.
const NOT_A_FIGURE: &str = "factcheck checks counts, money, percentages and durations; write the figure under \
     check alone in `value` (\"1,125\", \"at least 40\"), or leave `value` out to check only that the sources \
     speak of the sentence (a statement claim)";

/// How the engine read `value`, when it holds no figure because a rule set
/// a number in it aside; `None` when it holds no number at all (words only)
/// or holds a figure.
#[must_use]
pub fn reading(value: &str) -> Option<Reading> {
    let rejected = rules::rejections(value);
    // "not-a-number" also fires on words around the number ("a" in "a
    // 45-year-old"): a more telling rule wins.
    let (rule, at) = rejected
        .iter()
        .find(|(r, _)| r.name != "not-a-number")
        .or_else(|| rejected.first())
        .copied()?;
    let ordinal = || {
        let rest = value.get(at..).unwrap_or("");
        let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        digits.len() < rest.len()
            && ["st", "nd", "rd", "th"]
                .iter()
                .any(|s| digits.get(..2).is_some_and(|d| d.eq_ignore_ascii_case(s)))
    };
    let (reads_as, instead) = match rule.name {
        "glued-after" if ordinal() => ("an ordinal", NOT_A_FIGURE),
        "glued-after" => ("a measure or a code", NOT_A_FIGURE),
        "year" | "decade" => (
            "a year",
            "a year is no figure; if the number counts something, write the number alone (\"1125\" is \
             a count in `value`) or with its comma and what it counts (\"1,125 jobs\"); else leave \
             `value` out (a statement claim)",
        ),
        "date" | "date-day" | "day-range" => ("a date", NOT_A_FIGURE),
        "fraction-or-clock" => ("a fraction, a date or a clock time", NOT_A_FIGURE),
        "clock-time" | "clock-hour" | "clock-decimal" => ("a time of day", NOT_A_FIGURE),
        "age" | "age-limit" | "age-of" | "age-after-name" | "age-in-brackets" | "age-stated" => {
            ("an age", NOT_A_FIGURE)
        }
        "measure" | "measure-range" | "pounds-of-weight" | "below-zero" => (
            "a measure in a unit factcheck does not compare",
            NOT_A_FIGURE,
        ),
        "ordinal-words" | "no-figure-compound" => ("an ordinal or a set phrase", NOT_A_FIGURE),
        "named-number"
        | "glued-before"
        | "hyphenated-name"
        | "capitalised-number-word"
        | "group-of"
        | "second-number"
        | "glued-k"
        | "vague-title" => ("part of a name or a code", NOT_A_FIGURE),
        "reference" | "numbered-period" | "dotted-reference" => {
            ("a reference, a model number or an age", NOT_A_FIGURE)
        }
        "phone" | "phone-groups" | "not-a-number" | "dotted-number" => {
            ("a code or a phone number", NOT_A_FIGURE)
        }
        "one-pronoun" | "no-one" => (
            "a pronoun",
            "write the count as a number (\"1\", \"0\") or with what it counts (\"one soldier\")",
        ),
        "fraction" => (
            "a fraction",
            "write it as a percentage (\"two thirds\" as \"67%\"), as the sources would",
        ),
        "negative" => (
            "a negative number",
            "write the size of the change without its sign (\"0.3%\") and keep its direction in `text`",
        ),
        "score" => ("a score or a tally", "write the one number under check"),
        "money-percent" | "two-currencies" => (
            "a number with two units",
            "write one currency or the percent sign, not both",
        ),
        _ => ("no figure", NOT_A_FIGURE),
    };
    Some(Reading {
        rule: rule.name,
        reads_as,
        why: rule.why,
        instead,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn how_a_value_with_no_figure_reads() {
        // (value, rule, reads as); None: no number was set aside.
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("in 1125", Some(("year", "a year"))),
            ("March 2024", Some(("date-day", "a date"))),
            ("22 October", Some(("date", "a date"))),
            ("at 8 pm", Some(("clock-time", "a time of day"))),
            (
                "10:30",
                Some(("fraction-or-clock", "a fraction, a date or a clock time")),
            ),
            ("a 45-year-old", Some(("age", "an age"))),
            (
                "30 km",
                Some(("measure", "a measure in a unit factcheck does not compare")),
            ),
            (
                "2,000 milligrams",
                Some(("measure", "a measure in a unit factcheck does not compare")),
            ),
            ("the 15th", Some(("glued-after", "an ordinal"))),
            ("40C", Some(("glued-after", "a measure or a code"))),
            (
                "twenty-first",
                Some(("no-figure-compound", "an ordinal or a set phrase")),
            ),
            ("G7", Some(("glued-before", "part of a name or a code"))),
            (
                "F-16",
                Some(("hyphenated-name", "part of a name or a code")),
            ),
            (
                "Boeing 787",
                Some(("reference", "a reference, a model number or an age")),
            ),
            ("no one", Some(("one-pronoun", "a pronoun"))),
            ("two thirds", Some(("fraction", "a fraction"))),
            ("-0.3%", Some(("negative", "a negative number"))),
            ("3-1", Some(("score", "a score or a tally"))),
            ("$5%", Some(("money-percent", "a number with two units"))),
            ("1.5.3", Some(("not-a-number", "a code or a phone number"))),
            ("many", None),
            ("", None),
            // Figures: nothing to explain.
            ("at least two", None),
        ];
        for (value, want) in cases {
            let got = reading(value).map(|r| (r.rule, r.reads_as));
            assert_eq!(got, *want, "{value:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn no_panic_on_any_value(value in "\\PC{0,40}") {
            let _ = reading(&value);
        }
    }
}
