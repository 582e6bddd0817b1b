use super::*;

const INF: Option<f64> = None;

/// (text, value, unit, kind, qualifier, claim low, claim high, `low_open`, `high_open`)
type Case = (
    &'static str,
    Option<f64>,
    Option<&'static str>,
    Kind,
    Qualifier,
    Option<f64>,
    Option<f64>,
    bool,
    bool,
);

fn check(text: &str, want: &[Case]) {
    let got = find(text);
    let show: Vec<&str> = got.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(got.len(), want.len(), "{text:?}: found {show:?}");
    for (f, w) in got.iter().zip(want) {
        assert_eq!(f.text, w.0, "{text:?}");
        assert_eq!(f.value, w.1, "{text:?} {:?}", f.text);
        assert_eq!(f.unit.as_deref(), w.2, "{text:?} {:?}", f.text);
        assert_eq!(f.kind, w.3, "{text:?} {:?}", f.text);
        assert_eq!(f.qualifier, w.4, "{text:?} {:?}", f.text);
        let c = f.claim;
        assert_eq!(
            (c.low, c.high, c.low_open, c.high_open),
            (w.5, w.6, w.7, w.8),
            "{text:?} {:?}",
            f.text
        );
        let chars: Vec<char> = text.chars().collect();
        let span: String = chars[f.start..f.end].iter().collect();
        assert_eq!(span, f.text, "span of {:?}", f.text);
    }
}

fn exact_count(t: &'static str, n: f64) -> Case {
    (
        t,
        Some(n),
        None,
        Kind::Count,
        Qualifier::Exact,
        Some(n),
        Some(n),
        false,
        false,
    )
}

#[test]
fn the_kazan_article_figures_and_nothing_else() {
    use Kind::{Count, Money};
    use Qualifier::{About, AtLeast, AtMost, Exact, MoreThan, Vague};
    let text = include_str!("../../tests/data/2024-10-22-un-chief-kazan.txt");
    check(
        text,
        &[
            (
                "over two years",
                Some(2.0),
                Some("years"),
                Count,
                MoreThan,
                Some(2.0),
                INF,
                true,
                false,
            ),
            (
                "at least two",
                Some(2.0),
                None,
                Count,
                AtLeast,
                Some(2.0),
                INF,
                false,
                false,
            ),
            exact_count("15", 15.0),
            (
                "over 30",
                Some(30.0),
                None,
                Count,
                MoreThan,
                Some(31.0),
                INF,
                false,
                false,
            ),
            (
                "some 1,500",
                Some(1500.0),
                None,
                Count,
                About,
                Some(1350.0),
                Some(1650.0),
                false,
                false,
            ),
            (
                "up to 12,000",
                Some(12000.0),
                None,
                Count,
                AtMost,
                Some(0.0),
                Some(12000.0),
                false,
                false,
            ),
            exact_count("12,000-strong", 12000.0),
            exact_count("four-brigade", 4.0),
            (
                "£2.26 billion",
                Some(2.26e9),
                Some("GBP"),
                Money,
                Exact,
                Some(2.255e9),
                Some(2.265e9),
                false,
                true,
            ),
            (
                "$800 million",
                Some(800e6),
                Some("USD"),
                Money,
                Exact,
                Some(799.5e6),
                Some(800.5e6),
                false,
                true,
            ),
            (
                "Dozens",
                None,
                None,
                Count,
                Vague,
                Some(24.0),
                Some(143.0),
                false,
                false,
            ),
            (
                "$50 billion",
                Some(50e9),
                Some("USD"),
                Money,
                Exact,
                Some(49.5e9),
                Some(50.5e9),
                false,
                true,
            ),
        ],
    );
    let nouns: Vec<Option<String>> = find(text).into_iter().map(|f| f.noun).collect();
    assert_eq!(nouns[1].as_deref(), Some("civilians"));
    assert_eq!(nouns[2].as_deref(), Some("others"));
    assert_eq!(nouns[3].as_deref(), Some("residential buildings"));
    assert_eq!(nouns[7].as_deref(), Some("brigade"));
    assert_eq!(nouns[10].as_deref(), Some("US lawmakers"));
}

#[test]
fn evidence_reads_what_a_figure_firmly_states() {
    let ev = |t: &str| find(t)[0].evidence;
    assert_eq!(ev("at least two"), Interval::point(2.0));
    assert_eq!(ev("over 30 buildings"), Interval::point(31.0));
    assert_eq!(ev("nearly 3,000 people"), Interval::point(2999.0));
    assert_eq!(ev("about 3,000"), Interval::point(3000.0));
    assert_eq!(ev("£2.26 billion"), Interval::point(2.26e9));
    assert_eq!(ev("more than £12bn"), Interval::just_above(12e9));
    assert_eq!(ev("nearly $18 million"), Interval::just_below(18e6));
    assert_eq!(
        ev("dozens of people"),
        Interval::closed(Some(24.0), Some(143.0))
    );
}

#[test]
fn fit_follows_the_spec_examples() {
    let claim = |t: &str| find(t)[0].claim;
    let ev = |t: &str| find(t)[0].evidence;
    let cases = [
        ("2 killed", "at least two", Fit::Inside),
        ("more than 50", "dozens", Fit::Inside),
        ("approximately $50 billion", "$50 billion", Fit::Inside),
        ("about 3,000", "3,000", Fit::Inside),
        ("more than £12bn", "more than £12 billion", Fit::Inside),
        ("more than £12bn", "£12 billion", Fit::Inside),
        ("nearly $18 million", "$18 million", Fit::Inside),
        ("nearly $18 million", "at least $18 million", Fit::Outside),
        ("at least two", "100", Fit::Outside),
        ("about 30", "over 30", Fit::Outside),
        ("nearly 3,000", "3,000", Fit::Outside),
        ("£2bn", "£2.26bn", Fit::Outside),
        ("up to 12,000", "up to 10,000", Fit::Outside),
        ("dozens", "50", Fit::Partly),
    ];
    for (evidence, claimed, want) in cases {
        assert_eq!(
            ev(evidence).fit(&claim(claimed)),
            want,
            "{evidence} vs {claimed}"
        );
    }
}

#[test]
fn digits_separators_and_decimals() {
    let n = |t: &'static str, v: f64| exact_count(t, v);
    for (text, want) in [
        ("1,234,567 votes", n("1,234,567", 1_234_567.0)),
        (
            "1\u{2009}234\u{2009}567 votes",
            n("1\u{2009}234\u{2009}567", 1_234_567.0),
        ),
        ("12\u{a0}000 troops", n("12\u{a0}000", 12_000.0)),
        ("1 234 567 votes", n("1 234 567", 1_234_567.0)),
        ("seventy", n("seventy", 70.0)),
        ("twenty-five", n("twenty-five", 25.0)),
        ("one hundred and twelve", n("one hundred and twelve", 112.0)),
        ("twelve thousand", n("twelve thousand", 12_000.0)),
        ("a dozen eggs", n("a dozen", 12.0)),
        ("half a million", n("half a million", 500_000.0)),
        (
            "two hundred and two thousand",
            n("two hundred and two thousand", 202_000.0),
        ),
        (
            "4 thousand 3 hundred and 21",
            n("4 thousand 3 hundred and 21", 4321.0),
        ),
        ("fifteen hundred", n("fifteen hundred", 1500.0)),
    ] {
        check(text, &[want]);
    }
    check(
        "1.5 million people",
        &[(
            "1.5 million",
            Some(1.5e6),
            None,
            Kind::Count,
            Qualifier::Exact,
            Some(1.45e6),
            Some(1_549_999.0),
            false,
            false,
        )],
    );
    check(
        "3.5% growth",
        &[(
            "3.5%",
            Some(3.5),
            Some("%"),
            Kind::Percent,
            Qualifier::Exact,
            Some(3.45),
            Some(3.55),
            false,
            true,
        )],
    );
}

#[test]
fn money_forms_read_alike() {
    for (text, value, unit) in [
        ("£2.26bn", 2.26e9, "GBP"),
        ("2.26 billion pounds", 2.26e9, "GBP"),
        ("$800m", 800e6, "USD"),
        ("800 million dollars", 800e6, "USD"),
        ("US$800mn", 800e6, "USD"),
        ("$800 mln", 800e6, "USD"),
        ("$2.26 bln", 2.26e9, "USD"),
        ("$50B", 50e9, "USD"),
        ("GBP 2,260m", 2.26e9, "GBP"),
        ("C$40", 40.0, "CAD"),
        ("A$40", 40.0, "AUD"),
        ("€3bn", 3e9, "EUR"),
        ("₴100", 100.0, "UAH"),
        ("₽1,000", 1000.0, "RUB"),
        ("¥500", 500.0, "JPY"),
        ("100 yuan", 100.0, "CNY"),
        ("5 billion renminbi", 5e9, "CNY"),
        ("300 hryvnias", 300.0, "UAH"),
        ("20 roubles", 20.0, "RUB"),
        ("20 rubles", 20.0, "RUB"),
        ("40 euros", 40.0, "EUR"),
        ("50 cents", 0.5, "USD"),
        ("30p", 0.3, "GBP"),
        ("£2bn sterling", 2e9, "GBP"),
        ("USD 200", 200.0, "USD"),
        ("115USD", 115.0, "USD"),
        ("$10-million deal", 10e6, "USD"),
        ("50 euro cents", 0.5, "EUR"),
        ("3 euros 50 cents", 3.5, "EUR"),
        ("100 RMB", 100.0, "CNY"),
        ("thirteen dollars and forty-five cents", 13.45, "USD"),
    ] {
        let f = find(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].kind, Kind::Money, "{text}");
        assert_eq!(f[0].unit.as_deref(), Some(unit), "{text}");
        let v = f[0].value.unwrap_or(f64::NAN);
        assert!((v - value).abs() <= 1e-9 * value, "{text}: {v}");
    }
}

#[test]
fn percentages_and_ratios() {
    for (text, value) in [
        ("15%", 15.0),
        ("15 per cent", 15.0),
        ("15 percent", 15.0),
        ("fifteen per cent", 15.0),
        ("one in five", 20.0),
        ("1 in 10 adults", 10.0),
    ] {
        let f = find(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].kind, Kind::Percent, "{text}");
        assert_eq!(f[0].unit.as_deref(), Some("%"), "{text}");
        assert_eq!(f[0].value, Some(value), "{text}");
    }
}

#[test]
fn qualifiers_give_the_spec_intervals() {
    use Qualifier::{About, AtLeast, AtMost, JustOver, LessThan, MoreThan, Nearly};
    for (text, q, low, high) in [
        ("about 100", About, Some(90.0), Some(110.0)),
        ("around 100", About, Some(90.0), Some(110.0)),
        ("roughly 100", About, Some(90.0), Some(110.0)),
        ("approximately 100", About, Some(90.0), Some(110.0)),
        ("an estimated 100", About, Some(90.0), Some(110.0)),
        ("~100", About, Some(90.0), Some(110.0)),
        ("no fewer than 100", AtLeast, Some(100.0), INF),
        ("a minimum of 100", AtLeast, Some(100.0), INF),
        ("100 or more", AtLeast, Some(100.0), INF),
        ("more than 100", MoreThan, Some(101.0), INF),
        ("upwards of 100", MoreThan, Some(101.0), INF),
        ("in excess of 100", MoreThan, Some(101.0), INF),
        ("just over 100", JustOver, Some(101.0), INF),
        ("as many as 100", AtMost, Some(0.0), Some(100.0)),
        ("no more than 100", AtMost, Some(0.0), Some(100.0)),
        ("a maximum of 100", AtMost, Some(0.0), Some(100.0)),
        ("fewer than 100", LessThan, Some(0.0), Some(99.0)),
        ("below 100", LessThan, Some(0.0), Some(99.0)),
        ("almost 100", Nearly, Some(90.0), Some(99.0)),
        ("close to 100", Nearly, Some(90.0), Some(99.0)),
        ("just under 100", Nearly, Some(90.0), Some(99.0)),
    ] {
        let f = find(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].text, text, "{text}");
        assert_eq!(f[0].qualifier, q, "{text}");
        assert_eq!((f[0].claim.low, f[0].claim.high), (low, high), "{text}");
    }
    // Money keeps open ends.
    let f = find("more than £12bn");
    assert_eq!((f[0].claim.low, f[0].claim.low_open), (Some(12e9), true));
}

#[test]
fn ranges_and_vague_amounts() {
    for (text, low, high) in [
        ("1,500-2,000 troops", 1500.0, 2000.0),
        ("1,500 to 2,000 troops", 1500.0, 2000.0),
        ("between 1,500 and 2,000 troops", 1500.0, 2000.0),
        ("15 or 16 people", 15.0, 16.0),
        ("two or three days", 2.0, 3.0),
        ("5-10 million", 5e6, 10e6),
        ("a few", 2.0, 5.0),
        ("several", 3.0, 9.0),
        ("dozens", 24.0, 143.0),
        ("scores of people", 40.0, 199.0),
        ("hundreds", 200.0, 999.0),
        ("several hundred", 300.0, 999.0),
        ("thousands", 2000.0, 999_999.0),
        ("several thousand", 3000.0, 9999.0),
        ("tens of thousands", 20_000.0, 99_999.0),
        ("hundreds of thousands", 200_000.0, 999_999.0),
        ("millions", 2e6, 999e6),
    ] {
        let f = find(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(
            (f[0].claim.low, f[0].claim.high),
            (Some(low), Some(high)),
            "{text}"
        );
        assert_eq!(f[0].claim, f[0].evidence, "{text}");
    }
}

#[test]
fn durations_and_compounds() {
    let f = find("a 14-storey block");
    assert_eq!(
        (f.len(), f[0].value, f[0].noun.as_deref()),
        (1, Some(14.0), Some("storey"))
    );
    let f = find("a five-year plan");
    assert_eq!(
        (f[0].value, f[0].unit.as_deref()),
        (Some(5.0), Some("years"))
    );
    let f = find("for three months");
    assert_eq!(
        (f[0].value, f[0].unit.as_deref()),
        (Some(3.0), Some("months"))
    );
}

#[test]
fn money_heads_no_compound_and_several_dozen_is_vague() {
    let f = find("the £1bn-a-year scheme");
    assert_eq!((f.len(), f[0].text.as_str()), (1, "£1bn"));
    let f = find("several dozen protesters");
    assert_eq!((f[0].claim.low, f[0].claim.high), (Some(36.0), Some(119.0)));
    let f = find("1.5m people fled");
    assert_eq!(f[0].value, Some(1.5e6));
}

#[test]
fn one_counts_only_before_a_counted_noun() {
    for (text, n) in [
        ("one person was killed", 1),
        ("one Ukrainian soldier was hurt", 1),
        ("at least one", 1),
        ("one of the victims", 0),
        ("no one", 0),
        ("One thing seems certain", 0),
        ("He told Reuters 15 people died", 1),
        ("Russia Strikes Kyiv With 100 Drones", 1),
        ("Russia Kills Three Civilians In Strike", 1),
        ("the Big Four banks", 0),
    ] {
        assert_eq!(find(text).len(), n, "{text}");
    }
}

#[test]
fn halves_mixed_ranges_and_a_few_hundred() {
    let f = find("two and a half years");
    assert_eq!(
        (f[0].value, f[0].unit.as_deref()),
        (Some(2.5), Some("years"))
    );
    assert_eq!(find("one and a half million people")[0].value, Some(1.5e6));
    let f = find("five to 10 years");
    assert_eq!(
        (f[0].qualifier, f[0].claim.high),
        (Qualifier::Range, Some(10.0))
    );
    assert_eq!(find("revenue 8 % to $ 13 billion").len(), 2);
    let f = find("revenue rose 8% to $13 billion");
    assert_eq!(f.len(), 2, "{f:?}");
    let f = find("some 20-odd people");
    assert_eq!(
        (f[0].qualifier, f[0].claim.low, f[0].claim.high),
        (Qualifier::About, Some(18.0), Some(22.0))
    );
    let f = find("a few hundred people");
    assert_eq!(
        (f[0].claim.low, f[0].claim.high),
        (Some(200.0), Some(599.0))
    );
}

#[test]
fn restated_money_is_one_figure() {
    let f = find("a $50bn (£38.5bn) loan");
    assert_eq!(f.len(), 1, "{f:?}");
    let r = f[0]
        .restated
        .as_deref()
        .map(|r| (r.text.as_str(), r.unit.as_deref()));
    assert_eq!(r, Some(("£38.5bn", Some("GBP"))));
    // Other bracketed figures are their own.
    assert_eq!(find("16 injured (four seriously)").len(), 2);
}

#[test]
fn absurd_numbers_are_skipped_or_finite() {
    let long = "9".repeat(400);
    for f in find(&format!("{long} people and 1e999 and {long}.5")) {
        assert!(f.value.is_none_or(f64::is_finite));
        assert!(f.claim.low.is_none_or(f64::is_finite));
        assert!(f.claim.high.is_none_or(f64::is_finite));
    }
}

#[test]
fn parse_value_wants_exactly_one_figure() {
    assert_eq!(
        parse_value("at least two").map(|f| f.qualifier),
        Ok(Qualifier::AtLeast)
    );
    assert!(matches!(parse_value("first"), Err(ValueError::None { .. })));
    let err = parse_value("2 dead and 15 injured");
    assert!(matches!(&err, Err(ValueError::Several { found, .. }) if found.len() == 2));
    assert!(
        err.map_err(|e| e.to_string())
            .unwrap_err()
            .contains("2, 15")
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn newsy() -> impl Strategy<Value = String> {
        let parts = prop::sample::select(vec![
            "1", "12", ",", ".", "000", " ", "-", "–", "$", "£", "€", "%", "bn", "m", "k",
            "million", "one", "two", "twenty", "hundred", "and", "a", "few", "dozen", "dozens",
            "over", "at least", "up to", "between", "to", "or", "(", ")", "per cent", "years", "é",
            "\u{a0}", "\u{2009}", "\n", "in", "five", "US", "C", "2024", "October",
        ]);
        prop::collection::vec(parts, 0..24).prop_map(|v| v.concat())
    }

    fn valid(text: &str) {
        let n = text.chars().count();
        let mut last = 0;
        for f in find(text) {
            assert!(f.start < f.end && f.end <= n, "{f:?}");
            assert!(f.start >= last, "overlap {f:?}");
            last = f.end;
            let span: String = text.chars().skip(f.start).take(f.end - f.start).collect();
            assert_eq!(span, f.text);
            for x in [
                f.value,
                f.claim.low,
                f.claim.high,
                f.evidence.low,
                f.evidence.high,
            ]
            .into_iter()
            .flatten()
            {
                assert!(x.is_finite());
            }
        }
    }

    proptest! {
        #[test]
        fn any_string_gives_valid_figures(text in any::<String>()) {
            valid(&text);
        }

        #[test]
        fn ceil_log10_is_what_log10_says(x in any::<f64>(), m in 1e-16f64..1e16) {
            for y in [x.abs(), m, m * 1.000_000_000_1, 0.1, 0.3, 1.0, 10.0, 1e15, 1e-15, 999.999_999_999] {
                if y.is_finite() && y > 0.0 {
                    let want = y.log10().ceil() as i32;
                    prop_assert_eq!(crate::quantity::ceil_log10(y), want, "{}", y);
                }
            }
        }

        #[test]
        fn whole_is_what_fract_says(x in any::<f64>(), k in -1e6f64..1e6) {
            for y in [x, k, k.round(), k.round() + 0.5, -0.0, f64::INFINITY, f64::NAN, 4.5e15 + 0.5] {
                prop_assert_eq!(crate::quantity::is_whole(y), y.fract() == 0.0, "{}", y);
            }
        }

        #[test]
        fn chars_are_counted_as_std_counts_them(text in any::<String>()) {
            prop_assert_eq!(crate::quantity::count_chars(text.as_bytes()), text.chars().count());
        }

        #[test]
        fn newsy_strings_give_valid_figures(text in newsy()) {
            valid(&text);
        }
    }
}

#[test]
fn durations_scale_from_the_stated_number() {
    // The conversions themselves are unit.rs's table (tested there).
    let over_two_years = find("over two years")[0].claim.scaled(12.0);
    assert_eq!(
        (over_two_years.low, over_two_years.low_open),
        (Some(24.0), true)
    );
}

#[test]
fn ages_phones_and_page_counters_are_not_figures() {
    // Spec: ages, phone and reference numbers are not figures; nor are a
    // page's own counters when an article is read with its furniture.
    for text in [
        "The victim, who was 91, died at the scene.",
        "Residents aged over 80 were moved first.",
        "those aged about 40",
        "the woman is 37 and lives nearby",
        "She died at 91 in hospital.",
        "Call the hotline on 800 555 019 for help.",
        "Ring 0800 123 4567 today.",
        "call 020 7946 now",
        "call 555-0199-22",
        "Photograph 2 of 6",
        "Image 3 of 12",
        "5 min read",
        "a 12 minute read",
        "Comments (312)",
        "Share 1.4k",
    ] {
        let f = find(text);
        assert!(
            f.is_empty(),
            "{text}: {:?}",
            f.iter().map(|f| &f.text).collect::<Vec<_>>()
        );
    }
    // The words that make an age or a phone number do not swallow counts.
    for (text, want) in [
        ("The death toll was 91 on Monday.", "91"),
        ("The toll is 37, officials said.", "37"),
        ("At least 14 people died at 12 sites.", "At least 14"),
        ("who was 91 years in office", "91 years"),
        ("it took 15 minutes to read", "15 minutes"),
        ("1,500 people were aged over 80", "1,500"),
        ("The post drew 312 comments.", "312"),
        ("Comments from 40 readers arrived.", "40"),
    ] {
        let f = find(text);
        assert_eq!(
            f.first().map(|f| f.text.as_str()),
            Some(want),
            "{text}: {:?}",
            f.iter().map(|f| &f.text).collect::<Vec<_>>()
        );
    }
}
