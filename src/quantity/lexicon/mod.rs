//! The words the scanner knows: number words, scales, qualifiers, currencies,
//! units and the context words that make a number something else (a date, a
//! measure, a reference). Every lookup takes an ASCII-lowercased word.

use super::unit::DurationUnit;

pub(crate) mod context;
pub(crate) mod currencies;
mod index;
pub(crate) mod qualifiers;

use std::sync::LazyLock;

pub(crate) use index::{WordIndex, WordMap};

pub(crate) use currencies::{
    code_before, country_head, country_shape, currency_country, currency_name, currency_symbol,
    dollar_prefix, is_dollar, iso_code, lowercase_code, prefix,
};

/// A cheap pre-test for a set of words: one bit per (length, first byte,
/// last byte), the bytes taken modulo 32, so the test ignores ASCII case.
/// Most words the scanner looks up belong to no table, and this answers
/// "no" with one load and no comparison; a "maybe" goes on to the table,
/// which stays the one source of truth.
pub(crate) struct Shapes([u64; 512]);

impl Shapes {
    /// No word.
    pub(crate) const fn new() -> Self {
        Shapes([0; 512])
    }

    /// The shapes of every word of `list`, with these.
    pub(crate) const fn with(mut self, list: &[&str]) -> Self {
        let mut k = 0;
        while k < list.len() {
            self.add(list[k].as_bytes());
            k += 1;
        }
        self
    }

    const fn bit(w: &[u8]) -> Option<usize> {
        let n = w.len();
        if n == 0 {
            return None;
        }
        let len = if n < 31 { n } else { 31 };
        Some((len << 10) | (((w[0] & 31) as usize) << 5) | (w[n - 1] & 31) as usize)
    }

    /// Adds a word's shape.
    pub(crate) const fn add(&mut self, w: &[u8]) {
        if let Some(b) = Self::bit(w) {
            self.0[b >> 6] |= 1 << (b & 63);
        }
    }

    /// Whether a word of this shape (in any ASCII case) may be in the set.
    pub(crate) fn may_hold(&self, w: &[u8]) -> bool {
        Self::bit(w).is_some_and(|b| self.0[b >> 6] & (1 << (b & 63)) != 0)
    }
}

/// A word that takes part in a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumWord {
    /// zero to nineteen.
    Small(u32),
    /// twenty, thirty, ... ninety.
    Tens(u32),
    /// hundred.
    Hundred,
    /// thousand, million, billion, trillion, lakh, crore.
    Scale(f64),
    /// dozen, dozens (after a number).
    Dozen,
    /// "a", "an" before hundred, thousand, dozen...
    A,
    /// "half" ("half a million").
    Half,
    /// "quarter" ("a quarter million").
    Quarter,
}

/// Every word that takes part in a number, lowercase, with its meaning:
/// the one table [`num_word`] reads and the scanner's pre-test is built from.
const NUM_WORDS: &[(&str, NumWord)] = {
    use NumWord::{A, Dozen, Half, Hundred, Quarter, Scale, Small, Tens};
    &[
        ("zero", Small(0)),
        ("nought", Small(0)),
        ("naught", Small(0)),
        ("one", Small(1)),
        ("two", Small(2)),
        ("three", Small(3)),
        ("four", Small(4)),
        ("five", Small(5)),
        ("six", Small(6)),
        ("seven", Small(7)),
        ("eight", Small(8)),
        ("nine", Small(9)),
        ("ten", Small(10)),
        ("eleven", Small(11)),
        ("twelve", Small(12)),
        ("thirteen", Small(13)),
        ("fourteen", Small(14)),
        ("fifteen", Small(15)),
        ("sixteen", Small(16)),
        ("seventeen", Small(17)),
        ("eighteen", Small(18)),
        ("nineteen", Small(19)),
        ("twenty", Tens(20)),
        ("thirty", Tens(30)),
        ("forty", Tens(40)),
        ("fourty", Tens(40)),
        ("fifty", Tens(50)),
        ("sixty", Tens(60)),
        ("seventy", Tens(70)),
        ("eighty", Tens(80)),
        ("ninety", Tens(90)),
        ("hundred", Hundred),
        ("thousand", Scale(1e3)),
        ("million", Scale(1e6)),
        ("billion", Scale(1e9)),
        ("trillion", Scale(1e12)),
        ("lakh", Scale(1e5)),
        ("lakhs", Scale(1e5)),
        ("crore", Scale(1e7)),
        ("crores", Scale(1e7)),
        ("dozen", Dozen),
        ("dozens", Dozen),
        ("dz", Dozen),
        ("dzs", Dozen),
        ("doz", Dozen),
        ("a", A),
        ("an", A),
        ("half", Half),
        ("quarter", Quarter),
    ]
};

/// The shapes of the number words, the pre-test of [`num_word`] and of the
/// scanner's test for a word that may start a figure.
pub(crate) const NUM_WORD_SHAPES: Shapes = {
    let mut s = Shapes::new();
    let mut k = 0;
    while k < NUM_WORDS.len() {
        s.add(NUM_WORDS[k].0.as_bytes());
        k += 1;
    }
    s
};

/// Looks up a lowercased word as part of a number.
pub(crate) fn num_word(w: &[u8]) -> Option<NumWord> {
    // Most words are no number word: answer those without comparing.
    static SHAPES: Shapes = NUM_WORD_SHAPES;
    static INDEX: LazyLock<WordIndex> = LazyLock::new(|| {
        WordIndex::new(
            NUM_WORDS
                .iter()
                .zip(0..)
                .map(|((w, _), k)| (w.as_bytes(), k)),
        )
    });
    if !SHAPES.may_hold(w) {
        return None;
    }
    let k = INDEX.get(w)?;
    NUM_WORDS.get(k as usize).map(|&(_, n)| n)
}

/// A scale written right after digits, with or without a space, case as
/// written ("m" alone is million only for money; "mm" is millimetres).
pub(crate) fn scale_suffix(w: &[u8], spaced: bool) -> Option<f64> {
    Some(match w {
        b"k" | b"K" | b"thousand" | b"Thousand" | b"THOUSAND" => 1e3,
        b"million" | b"Million" | b"MILLION" | b"mn" | b"Mn" | b"mln" | b"Mln" | b"mil" | b"MM"
        | b"mio" => 1e6,
        b"billion" | b"Billion" | b"BILLION" | b"bn" | b"Bn" | b"BN" | b"bln" | b"Bln" => 1e9,
        b"trillion" | b"Trillion" | b"TRILLION" | b"tn" | b"trn" | b"Tn" => 1e12,
        b"lakh" | b"lakhs" => 1e5,
        b"crore" | b"crores" => 1e7,
        b"G" if spaced => 1e9,
        b"m" | b"M" if !spaced => 1e6,
        b"b" | b"B" if !spaced => 1e9,
        _ => return None,
    })
}

/// The unit of a duration, normalised to the plural the spec names, with a
/// factor for units it folds into another ("decades" are ten years). The
/// names are those of the one duration table, [`crate::quantity::unit::DURATIONS`].
pub(crate) fn duration_unit(w: &[u8]) -> Option<(&'static str, f64)> {
    let (name, f) = match w {
        b"year" | b"years" | b"yr" | b"yrs" => ("years", 1.0),
        b"decade" | b"decades" => ("years", 10.0),
        b"month" | b"months" => ("months", 1.0),
        b"week" | b"weeks" => ("weeks", 1.0),
        b"day" | b"days" => ("days", 1.0),
        b"hour" | b"hours" | b"hrs" => ("hours", 1.0),
        b"minute" | b"minutes" | b"mins" => ("minutes", 1.0),
        b"second" | b"seconds" | b"secs" => ("seconds", 1.0),
        _ => return None,
    };
    DurationUnit::named(name).map(|d| (d.name(), f))
}

/// Units of measure written with their case ("MW", "C" for Celsius).
const MEASURES_CASED: &[&str] = &[
    "A", "Ah", "C", "D", "F", "G", "GB", "GHz", "GW", "GWh", "Gb", "Gbps", "Hz", "K", "KB", "L",
    "MB", "MHz", "MW", "MWh", "Mb", "Mbps", "PB", "TB", "TW", "TWh", "V", "W", "Wh", "X", "dB",
    "kB", "kHz", "kV", "kW", "kWh", "kbps", "mAh", "ppb", "ppm",
];

/// Units of measure in any case, lowercased.
const MEASURES: &[&str] = &[
    "acre",
    "acres",
    "bar",
    "barrel",
    "barrels",
    "bits",
    "bpd",
    "bytes",
    "calories",
    "carat",
    "carats",
    "cc",
    "celsius",
    "centilitre",
    "centilitres",
    "centimeter",
    "centimeters",
    "centimetre",
    "centimetres",
    "cl",
    "cm",
    "cubic",
    "decibels",
    "degree",
    "degrees",
    "fahrenheit",
    "feet",
    "fl",
    "fold",
    "foot",
    "ft",
    "furlongs",
    "g",
    "gal",
    "gallon",
    "gallons",
    "gigabytes",
    "gigawatt",
    "gigawatts",
    "gram",
    "grams",
    "ha",
    "hectare",
    "hectares",
    "hectolitres",
    "hp",
    "in.",
    "inch",
    "inches",
    "joule",
    "joules",
    "kcal",
    "kg",
    "kilo",
    "kilocalories",
    "kilogram",
    "kilograms",
    "kilojoules",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "kilos",
    "kilotonnes",
    "kilotons",
    "kilowatt",
    "kilowatt-hours",
    "kilowatts",
    "kj",
    "km",
    "kmh",
    "kms",
    "knot",
    "knots",
    "kph",
    "kt",
    "lb",
    "lbs",
    "liter",
    "liters",
    "litre",
    "litres",
    "m",
    "magnitude",
    "mcg",
    "megabytes",
    "megatons",
    "megawatt",
    "megawatts",
    "meter",
    "meters",
    "metre",
    "metres",
    "mg",
    "microgram",
    "micrograms",
    "mile",
    "miles",
    "milligram",
    "milligramme",
    "milligrammes",
    "milligrams",
    "milliliter",
    "milliliters",
    "millilitre",
    "millilitres",
    "millimeter",
    "millimeters",
    "millimetre",
    "millimetres",
    "ml",
    "mm",
    "mmhg",
    "mp",
    "mph",
    "mt",
    "nautical",
    "nm",
    "ounce",
    "ounces",
    "oz",
    "pint",
    "pints",
    "pixels",
    "psi",
    "quart",
    "quarts",
    "rpm",
    "sq",
    "square",
    "storeys-high",
    "tablespoon",
    "tablespoons",
    "teaspoon",
    "teaspoons",
    "terabytes",
    "terawatt",
    "terawatts",
    "ton",
    "tonne",
    "tonnes",
    "tons",
    "volt",
    "volts",
    "watt",
    "watts",
    "x",
    "yard",
    "yards",
    "yd",
];

/// A unit of measure after a number (case as written): the number is a
/// measure, not a figure ("155 mm", "30 km", "40C").
pub(crate) fn measure_unit(w: &[u8]) -> bool {
    // Most words after a number are no unit: answer those without a search.
    static SHAPES: Shapes = Shapes::new().with(MEASURES_CASED).with(MEASURES);
    static CASED: LazyLock<WordIndex> = LazyLock::new(|| WordIndex::set(MEASURES_CASED));
    static LOWER: LazyLock<WordIndex> = LazyLock::new(|| WordIndex::set(MEASURES));
    if !SHAPES.may_hold(w) {
        return false;
    }
    if CASED.contains(w) {
        return true;
    }
    let mut buf = [0u8; 24];
    lower(w, &mut buf).is_some_and(|l| LOWER.contains(l))
}

/// A month name (or its abbreviation): a number beside it is a date.
pub(crate) fn month(w: &[u8], as_written: &[u8]) -> bool {
    match w {
        // "may" and "march" are also common words: only capitalised.
        b"may" | b"march" => as_written[0].is_ascii_uppercase(),
        b"january" | b"february" | b"april" | b"june" | b"july" | b"august" | b"september"
        | b"october" | b"november" | b"december" | b"jan" | b"feb" | b"mar" | b"apr" | b"jun"
        | b"jul" | b"aug" | b"sep" | b"sept" | b"oct" | b"nov" | b"dec" => true,
        _ => false,
    }
}

/// A word right before a number that makes it a reference, not a figure
/// ("page 12", "Article 5", "flight 17", "version 2").
pub(crate) fn reference_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"page"
            | b"pages"
            | b"photo"
            | b"photograph"
            | b"image"
            | b"picture"
            | b"slide"
            | b"pp"
            | b"p"
            | b"no"
            | b"nos"
            | b"nr"
            | b"nrs"
            | b"number"
            | b"article"
            | b"articles"
            | b"section"
            | b"sections"
            | b"chapter"
            | b"paragraph"
            | b"para"
            | b"clause"
            | b"rule"
            | b"resolution"
            | b"amendment"
            | b"title"
            | b"room"
            | b"flight"
            | b"route"
            | b"highway"
            | b"interstate"
            | b"line"
            | b"platform"
            | b"gate"
            | b"terminal"
            | b"exit"
            | b"junction"
            | b"channel"
            | b"version"
            | b"ver"
            | b"v"
            | b"model"
            | b"tier"
            | b"level"
            | b"phase"
            | b"stage"
            | b"grade"
            | b"category"
            | b"cat"
            | b"figure"
            | b"fig"
            | b"table"
            | b"episode"
            | b"season"
            | b"volume"
            | b"vol"
            | b"issue"
            | b"item"
            | b"ward"
            | b"district"
            | b"precinct"
            | b"zone"
            | b"unit"
            | b"block"
            | b"lot"
            | b"apartment"
            | b"apt"
            | b"suite"
            | b"floor"
            | b"bus"
            | b"train"
            | b"ext"
            | b"tel"
            | b"phone"
            | b"fax"
            | b"call"
            | b"dial"
            | b"code"
            | b"pin"
            | b"id"
            | b"ref"
            | b"reference"
            | b"serial"
            | b"ticket"
            | b"order"
            | b"case"
            | b"bill"
            | b"proposition"
            | b"prop"
            | b"measure"
            | b"act"
            | b"mk"
            | b"mark"
            | b"type"
            | b"class"
            | b"ios"
            | b"android"
            | b"windows"
            | b"covid"
            | b"iphone"
            | b"playstation"
            | b"xbox"
            | b"apollo"
            | b"boeing"
            | b"airbus"
            | b"psalm"
            | b"verse"
            | b"aged"
            | b"age"
            | b"ages"
            | b"sized"
            | b"size"
            | b"magnitude"
            | b"scale"
    )
}

/// Nouns that make a bare "one" a count ("one civilian was killed") rather
/// than a pronoun ("no one", "one of them", "one thing").
pub(crate) fn counted_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"person"
            | b"man"
            | b"woman"
            | b"child"
            | b"boy"
            | b"girl"
            | b"baby"
            | b"civilian"
            | b"soldier"
            | b"officer"
            | b"policeman"
            | b"fighter"
            | b"militant"
            | b"worker"
            | b"journalist"
            | b"student"
            | b"patient"
            | b"victim"
            | b"resident"
            | b"member"
            | b"citizen"
            | b"hostage"
            | b"prisoner"
            | b"passenger"
            | b"casualty"
            | b"death"
            | b"vote"
            | b"seat"
            | b"village"
            | b"town"
            | b"building"
            | b"house"
            | b"home"
            | b"aircraft"
            | b"plane"
            | b"drone"
            | b"missile"
            | b"tank"
            | b"ship"
            | b"vessel"
            | b"company"
            | b"country"
            | b"state"
            | b"case"
            | b"billion"
            | b"million"
            | b"thousand"
            | b"hundred"
            | b"dozen"
            | b"more"
            | b"other"
            | b"additional"
            | b"extra"
            | b"single"
            | b"rocket"
            | b"shell"
            | b"bomb"
            | b"vehicle"
            | b"point"
            | b"goal"
            | b"run"
            | b"share"
            | b"employee"
            | b"doctor"
            | b"nurse"
            | b"teacher"
            | b"pupil"
            | b"adult"
            | b"infant"
            | b"teenager"
            | b"migrant"
            | b"refugee"
            | b"suspect"
            | b"attacker"
            | b"gunman"
            | b"policewoman"
            | b"firefighter"
            | b"troop"
            | b"sailor"
            | b"pilot"
            | b"marine"
            | b"lawmaker"
            | b"senator"
            | b"mp"
            | b"official"
            | b"commander"
            | b"leader"
            | b"minister"
            | b"diplomat"
    )
}

/// Words that end a noun phrase after a figure.
pub(crate) fn stop_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"an"
            | b"the"
            | b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"to"
            | b"for"
            | b"from"
            | b"by"
            | b"with"
            | b"and"
            | b"or"
            | b"but"
            | b"as"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"be"
            | b"been"
            | b"has"
            | b"have"
            | b"had"
            | b"will"
            | b"would"
            | b"could"
            | b"should"
            | b"may"
            | b"might"
            | b"can"
            | b"that"
            | b"which"
            | b"who"
            | b"whom"
            | b"this"
            | b"these"
            | b"those"
            | b"than"
            | b"then"
            | b"more"
            | b"less"
            | b"fewer"
            | b"over"
            | b"under"
            | b"about"
            | b"into"
            | b"after"
            | b"before"
            | b"since"
            | b"during"
            | b"per"
            | b"each"
            | b"according"
            | b"said"
            | b"says"
            | b"it"
            | b"its"
            | b"their"
            | b"his"
            | b"her"
            | b"they"
            | b"he"
            | b"she"
            | b"we"
            | b"you"
            | b"i"
            | b"not"
            | b"no"
            | b"so"
            | b"if"
            | b"while"
            | b"when"
            | b"where"
            | b"also"
            | b"already"
            | b"still"
            | b"just"
            | b"only"
            | b"all"
            | b"some"
            | b"do"
            | b"did"
            | b"does"
            | b"up"
            | b"down"
            | b"out"
            | b"off"
            | b"ago"
            | b"against"
            | b"between"
            | b"among"
            | b"across"
            | b"through"
            | b"last"
            | b"next"
            | b"year"
            | b"annually"
            | b"there"
            | b"here"
            | b"now"
            | b"yet"
            | b"too"
            | b"very"
            | b"whose"
            | b"what"
    )
}

/// Lowercases an ASCII word into `buf`; `None` when it does not fit.
pub(crate) fn lower<'b>(w: &[u8], buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    if w.len() > buf.len() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..w.len()])
}

/// A fraction's denominator after a number ("two thirds", "five eighths",
/// "a hundred trillionths"): the number is part of a fraction, not a figure.
pub(crate) fn fraction_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"half"
            | b"halves"
            | b"third"
            | b"thirds"
            | b"quarter"
            | b"quarters"
            | b"fourth"
            | b"fourths"
    ) || (w.len() > 4
        && (w.ends_with(b"ths")
            || w.ends_with(b"firsts")
            || w.ends_with(b"seconds") && w.len() > 7)
        && w != b"months"
        && w != b"depths"
        && w != b"births"
        && w != b"deaths"
        && w != b"truths"
        && w != b"youths"
        && w != b"mouths"
        && w != b"widths"
        && w != b"lengths"
        && w != b"strengths"
        && w != b"paths"
        && w != b"baths"
        && w != b"moths"
        && w != b"cloths"
        && w != b"growths")
        || matches!(
            w,
            b"fifth"
                | b"sixth"
                | b"seventh"
                | b"eighth"
                | b"ninth"
                | b"tenth"
                | b"hundredth"
                | b"thousandth"
                | b"millionth"
                | b"billionth"
                | b"trillionth"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_tables_are_sorted() {
        // Byte order and no repeats: a row is easy to find and appears once.
        assert!(
            MEASURES_CASED
                .windows(2)
                .all(|w| w[0].as_bytes() < w[1].as_bytes())
        );
        assert!(MEASURES.windows(2).all(|w| w[0] < w[1]));
        assert!(MEASURES.iter().all(|m| *m == m.to_lowercase()));
    }

    #[test]
    fn every_measure_passes_the_shape_test_in_any_case() {
        for m in MEASURES_CASED {
            assert!(measure_unit(m.as_bytes()), "{m}");
        }
        for m in MEASURES {
            assert!(measure_unit(m.as_bytes()), "{m}");
            assert!(measure_unit(m.to_uppercase().as_bytes()), "{m}");
        }
        for w in ["people", "mmm", "kilt", "Mw", "", "yds"] {
            assert!(!measure_unit(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn shapes_answer_no_only_for_words_outside_the_set() {
        let s = Shapes::new().with(&["than", "of", "a-very-long-word-of-more-than-31-bytes"]);
        for w in [
            "than",
            "THAN",
            "of",
            "Of",
            "a-very-long-word-of-more-than-31-bytes",
        ] {
            assert!(s.may_hold(w.as_bytes()), "{w}");
        }
        for w in ["", "over", "that", "o", "off"] {
            assert!(!s.may_hold(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn every_word_that_starts_a_figure_is_seen_by_the_scanner() {
        use super::super::scan::may_start_figure;
        let words = NUM_WORDS
            .iter()
            .map(|(w, _)| *w)
            .chain(context::VAGUE_STARTS.iter().copied());
        for w in words {
            assert!(
                num_word(w.as_bytes()).is_some() || context::vague_start(w.as_bytes()),
                "{w}"
            );
            assert!(may_start_figure(w.as_bytes()), "{w}");
            assert!(may_start_figure(w.to_uppercase().as_bytes()), "{w}");
        }
        for w in ["the", "and", "people", "said", "onex"] {
            assert!(num_word(w.as_bytes()).is_none() && !context::vague_start(w.as_bytes()));
        }
    }
}
