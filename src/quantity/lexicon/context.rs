//! Context words: what the words around a number say it is (a percentage, a
//! clock time, a reference, an age, a year) and the words that end a
//! hyphenated compound's or a noun's reading. Every lookup takes an
//! ASCII-lowercased word unless it says otherwise.

/// Words that start a vague amount ("several", "dozens", "a few").
pub(crate) const VAGUE_STARTS: &[&str] = &[
    "a",
    "several",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "tens",
];

/// Whether a word starts a vague amount (one of [`VAGUE_STARTS`]).
pub(crate) fn vague_start(w: &[u8]) -> bool {
    VAGUE_STARTS.iter().any(|v| v.as_bytes() == w)
}

/// The scale after "a few" ("a few hundred").
pub(crate) fn few_scale(w: &[u8]) -> Option<f64> {
    Some(match w {
        b"hundred" => 100.0,
        b"thousand" => 1000.0,
        b"million" => 1e6,
        b"billion" => 1e9,
        _ => return None,
    })
}

/// A percent word after a number ("15 percent", "15 pct").
pub(crate) fn percent_word(w: &[u8]) -> bool {
    matches!(w, b"percent" | b"percents" | b"pct")
}

/// Glued after digits: a percent ("5pc", "5pct").
pub(crate) fn percent_suffix(w: &[u8]) -> bool {
    matches!(w, b"pc" | b"pct")
}

/// The second part of a hyphenated compound that makes the number no figure:
/// ordinals ("twenty-first"), fractions ("two-thirds"), "one-off", "50-50",
/// "two-time", scores ("2-nil"), "24-year-old", "1st".
pub(crate) fn compound_no_figure(w: &[u8]) -> bool {
    matches!(
        w,
        b"first"
            | b"second"
            | b"fourth"
            | b"sixth"
            | b"seventh"
            | b"eighth"
            | b"ninth"
            | b"off"
            | b"time"
            | b"times"
            | b"way"
            | b"sided"
            | b"fold"
            | b"third"
            | b"thirds"
            | b"quarter"
            | b"quarters"
            | b"fifth"
            | b"fifths"
            | b"half"
            | b"halves"
            | b"tenth"
            | b"tenths"
            | b"on"
            | b"nil"
            | b"all"
            | b"love"
            | b"up"
            | b"odd"
            | b"something"
            | b"somethings"
            | b"year"
            | b"old"
            | b"minute"
            | b"th"
            | b"st"
            | b"nd"
            | b"rd"
            | b"s"
            | b"plus"
    )
}

/// A word after a small number that makes it a clock time ("8 pm", "10 GMT").
pub(crate) fn clock_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"am" | b"pm" | b"gmt" | b"bst" | b"utc" | b"cet" | b"est" | b"edt" | b"pst" | b"hrs"
    )
}

/// A word after "1m" that makes the "m" metres ("1m tall", "2m away").
pub(crate) fn dimension_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"isn" | b"tall" | b"high" | b"long" | b"wide" | b"deep" | b"away" | b"above" | b"below"
    )
}

/// A period that numbers its instances ("day 970", "round 3").
pub(crate) fn numbered_period(w: &[u8]) -> bool {
    matches!(
        w,
        b"day" | b"week" | b"round" | b"game" | b"match" | b"stage" | b"leg"
    )
}

/// A person in "a man of 49", "a woman of 80": the number is an age.
pub(crate) fn person_of(w: &[u8]) -> bool {
    matches!(
        w,
        b"man"
            | b"woman"
            | b"boy"
            | b"girl"
            | b"person"
            | b"child"
            | b"mother"
            | b"father"
            | b"men"
            | b"women"
            | b"age"
    )
}

/// A person named before a comma and an age ("a teenager, 17,").
pub(crate) fn person(w: &[u8]) -> bool {
    matches!(
        w,
        b"boy"
            | b"girl"
            | b"man"
            | b"woman"
            | b"teenager"
            | b"teen"
            | b"mother"
            | b"father"
            | b"son"
            | b"daughter"
            | b"wife"
            | b"husband"
            | b"pensioner"
            | b"student"
            | b"driver"
            | b"victim"
            | b"suspect"
    )
}

/// A preposition before "9.30" that makes it a clock time ("at 9.30").
pub(crate) fn time_preposition(w: &[u8]) -> bool {
    matches!(
        w,
        b"at" | b"by" | b"until" | b"till" | b"from" | b"before" | b"after" | b"since"
    )
}

/// An abbreviation with a full stop before a number ("No. 10", "p. 12").
pub(crate) fn dotted_reference(w: &[u8]) -> bool {
    matches!(
        w,
        b"no"
            | b"nos"
            | b"p"
            | b"pp"
            | b"vol"
            | b"fig"
            | b"art"
            | b"para"
            | b"ch"
            | b"sec"
            | b"ref"
            | b"tel"
            | b"ext"
    )
}

/// A word before a bare four-digit number that makes it a year ("in 2022",
/// "the 2022 invasion", "fiscal 2023").
pub(crate) fn year_determiner(w: &[u8]) -> bool {
    matches!(
        w,
        b"in"
            | b"since"
            | b"by"
            | b"from"
            | b"until"
            | b"till"
            | b"to"
            | b"during"
            | b"before"
            | b"after"
            | b"of"
            | b"the"
            | b"a"
            | b"an"
            | b"its"
            | b"their"
            | b"his"
            | b"her"
            | b"our"
            | b"this"
            | b"that"
            | b"last"
            | b"next"
            | b"early"
            | b"late"
            | b"mid"
            | b"and"
            | b"or"
            | b"between"
            | b"circa"
            | b"year"
            | b"summer"
            | b"winter"
            | b"spring"
            | b"autumn"
            | b"fall"
            | b"end"
            | b"start"
            | b"through"
            | b"for"
            | b"s"
            | b"on"
            | b"at"
            | b"fiscal"
            | b"calendar"
            | b"class"
            | b"vintage"
            | b"model"
    )
}

/// A word of change right before a number: "X to Y" after it is a change,
/// not a range ("rose 5 to 7" is not 5-7).
pub(crate) fn change_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"from"
            | b"rose"
            | b"fell"
            | b"increased"
            | b"decreased"
            | b"climbed"
            | b"dropped"
            | b"jumped"
            | b"grew"
            | b"declined"
            | b"slipped"
            | b"rising"
            | b"falling"
            | b"up"
            | b"down"
            | b"cut"
            | b"raised"
            | b"lowered"
            | b"rise"
            | b"fall"
            | b"revised"
            | b"reduced"
            | b"slashed"
            | b"soared"
            | b"surged"
            | b"plunged"
            | b"tumbled"
            | b"rises"
            | b"falls"
            | b"increases"
            | b"decreases"
            | b"climbs"
            | b"drops"
            | b"cuts"
            | b"raises"
            | b"lowers"
            | b"increase"
            | b"decrease"
            | b"raise"
            | b"lower"
            | b"risen"
            | b"fallen"
    )
}

/// A word after "and 15" that makes the 15 no cents ("15 dollars and 15 were
/// paid" reads 15 as cents; "and 15 people" does not).
pub(crate) fn not_cents(w: &[u8]) -> bool {
    matches!(
        w,
        b"is" | b"are" | b"was" | b"were" | b"of" | b"percent" | b"times" | b"people"
    )
}

/// Names of hundredths after "and 50" ("3 dollars and 50 cents").
pub(crate) fn cents_word(w: &[u8]) -> bool {
    matches!(w, b"cents" | b"cent" | b"pence" | b"p")
}

/// A word of weight before a number: "pounds" after it weigh ("weighed 200 pounds").
pub(crate) fn weight_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"weigh"
            | b"weighs"
            | b"weighed"
            | b"weighing"
            | b"weight"
            | b"weights"
            | b"heavy"
            | b"lifted"
            | b"lift"
            | b"lost"
            | b"gained"
            | b"shed"
    )
}

/// Nouns of money: "pounds of" them is money ("2 million pounds of funding").
pub(crate) fn money_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"money"
            | b"cash"
            | b"funding"
            | b"funds"
            | b"debt"
            | b"debts"
            | b"investment"
            | b"aid"
            | b"taxpayers"
            | b"public"
            | b"savings"
            | b"spending"
            | b"revenue"
            | b"profit"
            | b"profits"
            | b"damage"
            | b"damages"
            | b"compensation"
            | b"fines"
            | b"losses"
    )
}

/// An ordinal's last word after a number in words: "twenty fifth", "thirty first".
pub(crate) fn ordinal_unit(w: &[u8]) -> bool {
    matches!(
        w,
        b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"fifth"
            | b"sixth"
            | b"seventh"
            | b"eighth"
            | b"ninth"
    )
}

/// A time of day after a small number: "at 8 in the evening", "at 7 tonight".
/// Phrases in reading order.
pub(crate) static TIMES_OF_DAY: &[&str] = &[
    "in the morning",
    "in the afternoon",
    "in the evening",
    "at night",
    "tonight",
    "this morning",
    "this afternoon",
    "this evening",
    "last night",
    "local time",
    "sharp",
];

/// People a qualified small number gives the age of: "children under five",
/// "people over 65".
pub(crate) fn people(w: &[u8]) -> bool {
    matches!(
        w,
        b"children"
            | b"kids"
            | b"people"
            | b"those"
            | b"anyone"
            | b"everyone"
            | b"adults"
            | b"youngsters"
            | b"men"
            | b"women"
            | b"boys"
            | b"girls"
            | b"babies"
            | b"infants"
            | b"patients"
            | b"pupils"
            | b"students"
            | b"voters"
            | b"drivers"
            | b"residents"
            | b"workers"
            | b"smokers"
    )
}
