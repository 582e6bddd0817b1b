//! The binding rule's readings, as tables of sentences written for each
//! step and each class of news prose: the claim (value, `about`, its text),
//! the source's sentence, and the figure an editor binds (None: the text
//! binds none, so the source says nothing) with the step that decided.

use super::Step;
use crate::claims::{Body, Claim};
use crate::compare::{SourceIndex, SourceText, compare};
use crate::quantity;

/// (value, about, claim text, source sentences, figure bound, step)
type Case<'a> = (
    &'a str,
    &'a [&'a str],
    &'a str,
    &'a [&'a str],
    Option<&'a str>,
    Option<Step>,
);

/// The figure the source gives for the claim and the step that bound it.
fn bound(
    value: &str,
    about: &[&str],
    text: &str,
    sentences: &[&str],
) -> (Option<String>, Option<Step>) {
    let figure = match quantity::parse_value(value) {
        Ok(f) => Box::new(f),
        Err(e) => panic!("{value:?}: {e}"),
    };
    let claim = Claim {
        id: "c".to_owned(),
        text: text.to_owned(),
        body: Body::Figure {
            value: value.to_owned(),
            figure,
            tolerance: None,
        },
        about: about.iter().map(|s| (*s).to_owned()).collect(),
        sources: Vec::new(),
        note: None,
        line: 0,
    };
    let idx = SourceIndex::new(sentences.iter().map(|s| (*s).to_owned()).collect());
    let source = SourceText {
        id: "s",
        url: "https://example.org/s",
        text: Ok(&idx),
    };
    let outcome = compare(&claim, &[source]);
    let ev = &outcome.evidence[0];
    (
        ev.found.as_ref().map(|f| f.text.clone()),
        ev.binding.as_ref().map(|b| b.step),
    )
}

fn check(cases: &[Case<'_>]) {
    let mut failures = Vec::new();
    for (value, about, text, sentences, want, step) in cases {
        let (got, got_step) = bound(value, about, text, sentences);
        let ok = got.as_deref() == *want && (step.is_none() || got_step == *step);
        if !ok {
            failures.push(format!(
                "{value:?} {about:?} ({text:?}) in {sentences:?}: bound {got:?} by {got_step:?}, want {want:?} by {step:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

use Step::{Adjacency, ChangeRole, Clause, CountedNoun, Distance, Respectively};

#[test]
fn step_1_respectively_pairs_terms_and_figures_in_order() {
    check(&[
        // Markets wrap.
        (
            "0.8%",
            &["silver"],
            "Silver gained 0.8% on Friday",
            &["Gold and silver gained 1.2% and 0.8%, respectively, on Friday."],
            Some("0.8%"),
            Some(Respectively),
        ),
        (
            "1.2%",
            &["gold"],
            "Gold gained 1.2% on Friday",
            &["Gold and silver gained 1.2% and 0.8%, respectively, on Friday."],
            Some("1.2%"),
            Some(Respectively),
        ),
        // Three names, an Oxford comma.
        (
            "2.5%",
            &["copper"],
            "Copper fell 2.5%",
            &["Zinc, nickel, and copper fell 1.1%, 0.4% and 2.5% respectively."],
            Some("2.5%"),
            Some(Respectively),
        ),
        (
            "1.1%",
            &["zinc"],
            "Zinc fell 1.1%",
            &["Zinc, nickel, and copper fell 1.1%, 0.4% and 2.5% respectively."],
            Some("1.1%"),
            Some(Respectively),
        ),
        // Polls: the names after the figures.
        (
            "38%",
            &["Labour"],
            "Labour polled 38%",
            &["The parties polled 41% and 38% among Conservatives and Labour respectively."],
            Some("38%"),
            Some(Respectively),
        ),
        // A name the list does not reach: nothing rather than a guess.
        (
            "3%",
            &["oil"],
            "Oil rose 3%",
            &["Oil traders said wheat, corn and soy rose 1%, 2% and 3% respectively."],
            None,
            None,
        ),
    ]);
}

#[test]
fn step_1_a_change_binds_by_role() {
    check(&[
        // Markets: the level after a fall, not its size.
        (
            "$42",
            &["Acme"],
            "Acme shares closed at $42",
            &["Acme shares fell $6 to $42 after the report."],
            Some("$42"),
            Some(ChangeRole),
        ),
        (
            "$6",
            &["Acme"],
            "Acme shares fell $6",
            &["Acme shares fell $6 to $42 after the report."],
            Some("$6"),
            Some(ChangeRole),
        ),
        // From X to Y: the later value for a change that happened.
        (
            "6.9%",
            &["mortgage rates"],
            "Mortgage rates rose to 6.9%",
            &["Mortgage rates rose from 6.1% in 2022 to 6.9% in 2023."],
            Some("6.9%"),
            Some(ChangeRole),
        ),
        // ... the earlier one when the claim names its year.
        (
            "6.1%",
            &["mortgage rates"],
            "Mortgage rates were 6.1% in 2022",
            &["Mortgage rates rose from 6.1% in 2022 to 6.9% in 2023."],
            Some("6.1%"),
            Some(ChangeRole),
        ),
        // Budgets: "to Y, down from X the previous year".
        (
            "$52bn",
            &["farm income"],
            "Farm income was $52bn in 2022",
            &["Farm income dropped to $41bn in 2023, down from $52bn the previous year."],
            Some("$52bn"),
            Some(ChangeRole),
        ),
        (
            "$41bn",
            &["farm income"],
            "Farm income fell to $41bn in 2023",
            &["Farm income dropped to $41bn in 2023, down from $52bn the previous year."],
            Some("$41bn"),
            Some(ChangeRole),
        ),
        // A level claim without a time word: the value current when the
        // source wrote, the later one of a change that happened...
        (
            "$41bn",
            &["farm income"],
            "Farm income is $41bn",
            &["Farm income dropped to $41bn in 2023, down from $52bn the previous year."],
            Some("$41bn"),
            Some(ChangeRole),
        ),
        // ... the earlier one of a change still to come.
        (
            "4.5%",
            &["key rate"],
            "The bank's key rate is 4.5%",
            &["The central bank plans to raise its key rate from 4.5% to 5%."],
            Some("4.5%"),
            Some(ChangeRole),
        ),
        (
            "5%",
            &["key rate"],
            "The bank plans to raise its key rate to 5%",
            &["The central bank plans to raise its key rate from 4.5% to 5%."],
            Some("5%"),
            Some(ChangeRole),
        ),
        // The state word "now" names the earlier value.
        (
            "about 30%",
            &["turnout"],
            "Turnout is about 30% today",
            &["Organisers hope to lift turnout from about 30% now to 45% by 2030."],
            Some("about 30%"),
            Some(ChangeRole),
        ),
        // Size, earlier and later of one change.
        (
            "2%",
            &["unemployment"],
            "Unemployment rose by 2% in a year",
            &["Unemployment rose by 2%, from 4% to 6%, in a year."],
            Some("2%"),
            Some(ChangeRole),
        ),
        (
            "6%",
            &["unemployment"],
            "Unemployment reached 6%",
            &["Unemployment rose by 2%, from 4% to 6%, in a year."],
            Some("6%"),
            Some(ChangeRole),
        ),
        // Markets: index points, the fall and the level ("down by 30 to 126"
        // is a change, not the range 30-126).
        (
            "3,210",
            &["index"],
            "The index closed at 3,210",
            &["The index was down by 45 points to 3,210 at the close."],
            Some("3,210"),
            Some(ChangeRole),
        ),
        (
            "45 points",
            &["index"],
            "The index fell 45 points",
            &["The index was down by 45 points to 3,210 at the close."],
            Some("45"),
            Some(ChangeRole),
        ),
        // A size with no level stated is still the figure of a level claim
        // ("cut 500 jobs" says 500 jobs went).
        (
            "500",
            &["jobs"],
            "500 jobs were cut",
            &["The carmaker cut 500 jobs in March."],
            Some("500"),
            None,
        ),
    ]);
}

#[test]
fn step_2_counted_nouns_and_parts_of_wholes() {
    check(&[
        // Casualty tolls: the count of its own noun.
        (
            "at least 40",
            &["killed"],
            "At least 40 villagers were killed",
            &["At least 40 villagers in 12 districts have been killed since June."],
            Some("At least 40"),
            None,
        ),
        (
            "12",
            &["killed"],
            "12 people were killed",
            &["Flooding in 9 provinces killed 12 people."],
            Some("12"),
            None,
        ),
        // The term is the noun: "five charges".
        (
            "five",
            &["charges"],
            "He faces five charges",
            &["The 52-year-old faces five charges and up to 20 years."],
            Some("five"),
            Some(CountedNoun),
        ),
        // A count of another noun is never the term's, even the nearest.
        (
            "7",
            &["schools"],
            "7 schools closed",
            &["Schools closed in 7 towns."],
            None,
            None,
        ),
        // "X of the Y": the part for a claim about the part...
        (
            "nine",
            &["flights"],
            "Nine of the 14 flights were cancelled",
            &["Nine of the 14 flights that left Oslo were cancelled, the airline said."],
            Some("Nine"),
            Some(CountedNoun),
        ),
        // ... the whole for one about the whole...
        (
            "14",
            &["flights"],
            "Nine of the 14 flights were cancelled",
            &["Nine of the 14 flights that left Oslo were cancelled, the airline said."],
            Some("14"),
            Some(CountedNoun),
        ),
        // ... and the part for a claim about what the sentence says of them.
        (
            "nine",
            &["cancelled"],
            "Nine flights were cancelled",
            &["Nine of the 14 flights that left Oslo were cancelled, the airline said."],
            Some("Nine"),
            Some(CountedNoun),
        ),
        // The noun's complement is the term: "members of the crew".
        (
            "three",
            &["crew"],
            "Three crew members died",
            &["The deaths of three members of the crew were confirmed."],
            Some("three"),
            Some(CountedNoun),
        ),
        // Budgets: a model number is a name, never the count beside it.
        (
            "40",
            &["jets"],
            "The carrier will buy 40 jets",
            &["The carrier will buy 40 737 Max jets for $4bn."],
            Some("40"),
            None,
        ),
        // Polls: a count of respondents, a sample of voters.
        (
            "1,200",
            &["voters"],
            "The poll asked 1,200 voters",
            &["The survey of 1,200 voters in 30 states was taken last week."],
            Some("1,200"),
            Some(CountedNoun),
        ),
    ]);
}

#[test]
fn step_3_a_figure_tied_to_another_word_is_not_the_claims() {
    check(&[
        // Earnings: a loss is not revenue.
        (
            "$48.2m",
            &["Acme", "revenue"],
            "Acme's revenue was $48.2m",
            &["Acme reported a net loss of $12.5m on revenue of $48.2m."],
            Some("$48.2m"),
            Some(Adjacency),
        ),
        (
            "$12.5m",
            &["Acme", "loss"],
            "Acme lost $12.5m",
            &["Acme reported a net loss of $12.5m on revenue of $48.2m."],
            Some("$12.5m"),
            Some(Adjacency),
        ),
        // A per-share figure is a rate, not the profit.
        (
            "$310m",
            &["Globex", "earned"],
            "Globex earned $310m in the quarter",
            &["Globex earned $2.10 a share, or $310m, in the quarter."],
            Some("$310m"),
            None,
        ),
        // A price per unit of a good is the price.
        (
            "$80",
            &["Brent"],
            "Brent closed at $80",
            &["Brent rose 2% to $80 a barrel."],
            Some("$80"),
            None,
        ),
        // Casualty tolls: the injured are not the dead.
        (
            "3",
            &["killed"],
            "3 were killed",
            &["The blast injured 16 and killed 3."],
            Some("3"),
            Some(Adjacency),
        ),
        (
            "16",
            &["dead"],
            "16 dead",
            &["16 injured, none dead, police said."],
            None,
            None,
        ),
        // Markets: another index's move.
        (
            "0.5%",
            &["Hang Seng"],
            "The Hang Seng rose 0.5%",
            &["The Nikkei fell 0.3%, while the Hang Seng rose 0.5%."],
            Some("0.5%"),
            None,
        ),
        (
            "0.3%",
            &["Nikkei"],
            "The Nikkei fell 0.3%",
            &["The Nikkei fell 0.3%, while the Hang Seng rose 0.5%."],
            Some("0.3%"),
            None,
        ),
        // Earnings: two money nouns, a change each.
        (
            "$150m",
            &["Initech", "profit"],
            "Initech's operating profit fell to $150m",
            &["Sales at Initech climbed 7% to $1.2bn, while operating profit fell 3% to $150m."],
            Some("$150m"),
            None,
        ),
    ]);
}

#[test]
fn step_4_adjacency() {
    check(&[
        (
            "two",
            &["killed"],
            "Two people were killed",
            &["Police said two people were killed when 30 cars collided."],
            Some("two"),
            None,
        ),
        // Budgets: "the deficit stood at".
        (
            "£9.2bn",
            &["deficit"],
            "The deficit stood at £9.2bn",
            &["In May the deficit stood at £9.2bn, against £6bn forecast by 12 economists."],
            Some("£9.2bn"),
            Some(Adjacency),
        ),
        (
            "£2bn",
            &["loan"],
            "A £2bn loan",
            &["The Treasury offered a £2bn loan and £500m in grants."],
            Some("£2bn"),
            Some(Adjacency),
        ),
        // Polls: "approval of 44%".
        (
            "44%",
            &["approval"],
            "The mayor's approval is 44%",
            &["With a 52% turnout expected, the mayor has an approval of 44%."],
            Some("44%"),
            Some(Adjacency),
        ),
    ]);
}

#[test]
fn step_5_clauses_and_the_claims_other_entries() {
    check(&[
        // An elided noun: the clause with the claim's name wins.
        (
            "four",
            &["Rivera", "goals"],
            "Rivera scored four goals",
            &["Okafor scored two goals in the first half, and Rivera four."],
            Some("four"),
            Some(Clause),
        ),
        (
            "three",
            &["Lund", "counts"],
            "Lund faces three counts",
            &["Berg, 44, faces six counts of fraud; Lund, 39, faces three."],
            Some("three"),
            Some(Clause),
        ),
        // An attribution in brackets.
        (
            "4",
            &["Mbeki", "saves"],
            "Mbeki made 4 of the saves",
            &["Nine of those saves came late (5 for Ortiz, 4 for Mbeki)."],
            Some("4"),
            Some(Clause),
        ),
        // Markets: "while" separates the two indexes.
        (
            "0.4%",
            &["Nasdaq"],
            "The Nasdaq rose 0.4%",
            &["The Dow slipped 0.1%, while the Nasdaq rose 0.4%."],
            Some("0.4%"),
            None,
        ),
        // Casualty tolls.
        (
            "2",
            &["dead"],
            "Two dead",
            &["2 dead and 15 wounded after the storm."],
            Some("2"),
            None,
        ),
    ]);
}

#[test]
fn step_6_distance() {
    check(&[
        // Equal distance: the count before the term.
        (
            "two",
            &["arrested"],
            "Two were arrested",
            &["Officers said that two arrested three."],
            Some("two"),
            None,
        ),
        // Money: the one after the term at equal distance.
        (
            "$5m",
            &["budget"],
            "The budget is $5m",
            &["Last year $3m budget $5m appeared in both drafts."],
            Some("$5m"),
            None,
        ),
        // Only candidate, across a boundary.
        (
            "11",
            &["evacuated"],
            "11 were evacuated",
            &["Residents were evacuated overnight; 11, officials said."],
            Some("11"),
            Some(Distance),
        ),
    ]);
}

#[test]
fn unclear_text_gives_nothing() {
    check(&[
        // The only count is the hurt, not the dead.
        (
            "12",
            &["died"],
            "12 people died",
            &["Police said 12 people were hurt and an unknown number died."],
            None,
            None,
        ),
        // A count of homes is never a death toll.
        (
            "30",
            &["killed"],
            "30 were killed",
            &["The storm destroyed 30 homes and killed residents in the valley."],
            None,
            None,
        ),
        // "Respectively" with a term outside its list of names.
        (
            "2%",
            &["exports"],
            "Exports rose 2%",
            &["Exports were flat as wheat and corn prices rose 1% and 2%, respectively."],
            None,
            None,
        ),
    ]);
}

#[test]
fn a_passage_whose_candidates_are_all_bound_elsewhere_gives_nothing() {
    // The one-sentence passage has candidates, none the claim's: wider
    // windows are not examined, so the next sentence's 4 does not count.
    check(&[(
        "4",
        &["harbour", "injured"],
        "Four were injured in the harbour town",
        &[
            "In the harbour town 6 died and many were injured.",
            "4 injured.",
        ],
        None,
        None,
    )]);
    // No one-sentence passage about the claim: the two-sentence one decides.
    check(&[(
        "4",
        &["Harbour", "injured"],
        "Four were injured in Harbour",
        &["Harbour was hit; 6 died.", "Later 4 were injured."],
        Some("4"),
        Some(Adjacency),
    )]);
}
