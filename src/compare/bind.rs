//! Binding: which candidate figure of a passage the text ties to a figure
//! claim's term (its last `about` entry), by the ordered steps of
//! ../shared/spec/claim-files.md ("Comparing, source by source", revised) and
//! docs/verdict-rules.md, which gives the reason for each step.
//!
//! 1. Roles the text states: "respectively" pairs terms with figures in
//!    order; a change ("rose 12% to $13", "from X to Y", "to Y, down from X")
//!    gives its figures the roles size, earlier and later value, and the
//!    claim's own wording, time words and tense choose among them.
//! 2. Counted nouns: a count followed by the noun it counts belongs to that
//!    noun; in "X of the Y nouns" X counts the part and Y the whole.
//! 3. Other terms: a candidate the text ties to another word a figure of the
//!    same kind could belong to (another casualty word, a money noun, a
//!    named subject) is set aside.
//! 4. Adjacency: a figure right before the term ("15 injured", "two people
//!    were killed") or right after it joined by a verb, "of", "at", "to"...
//! 5. Clauses: a candidate in a clause holding the claim's other entries,
//!    then one in the term's own clause, wins.
//! 6. Distance: the fewest words to the term; at equal count the figure
//!    after the term for money and percentages, before it for counts.
//!
//! A passage whose candidates are all set aside gives nothing: when the text
//! does not bind a figure clearly, the tool says nothing rather than guess.
//! Pure: an indexed source and a claim in, a binding out. Relating the bound
//! figure to the claim's interval is `figure`'s job.

use std::ops::Range;

use serde::Serialize;

use super::figure::{is_candidate, is_event_word, marks_within};
use super::index::{SentenceFigure, SourceIndex};
use crate::quantity::{Figure, Kind};

/// The step of the binding rule that decided which figure is the claim's,
/// or that set a candidate aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// Step 1: "respectively" paired the term with this figure.
    Respectively,
    /// Step 1: the figure's role in a change (size, earlier or later value).
    ChangeRole,
    /// Step 2: the noun the count counts, or "X of the Y nouns".
    CountedNoun,
    /// Step 3: the text ties the figure to another word.
    OtherTerm,
    /// Step 4: the figure stands right before or after the term.
    Adjacency,
    /// Step 5: the figure's clause.
    Clause,
    /// Step 6: the fewest words to the term.
    Distance,
}

impl Step {
    /// The step's name as reports show it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Step::Respectively => "respectively",
            Step::ChangeRole => "change-role",
            Step::CountedNoun => "counted-noun",
            Step::OtherTerm => "other-term",
            Step::Adjacency => "adjacency",
            Step::Clause => "clause",
            Step::Distance => "distance",
        }
    }
}

/// A figure's role in a change the text states ("Figures": a change is not
/// a range).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Role {
    /// Not part of a change.
    #[default]
    None,
    /// The size of the change: "rose 12%", "down by 30", "a 16% improvement".
    Size,
    /// The value before: "from X", "down from X".
    Earlier,
    /// The value after: "to Y" governed by a word of change.
    Later,
}

/// Part or whole of "X of the Y nouns".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Share {
    Part,
    Whole,
}

/// What the claim's own text says about its figure: its role in a change,
/// whether it is a part or a whole, and the time words it names.
#[derive(Debug, Clone, Default)]
pub(crate) struct ClaimSide {
    role: Option<Role>,
    share: Option<Share>,
    time: Vec<String>,
}

impl ClaimSide {
    /// Reads the claim's `text` around its figure (`figure`, from `value`).
    pub(crate) fn new(text: &str, figure: &Figure) -> ClaimSide {
        let idx = SourceIndex::new(vec![text.to_owned()]);
        let time = (0..idx.tokens.len())
            .filter_map(|t| time_word(word(&idx, t)))
            .collect();
        let figs = idx.figures(0);
        let found = figs
            .iter()
            .position(|f| f.figure.kind == figure.kind && f.figure.value == figure.value)
            .or_else(|| figs.iter().position(|f| f.figure.kind == figure.kind));
        let Some(i) = found else {
            return ClaimSide {
                time,
                ..ClaimSide::default()
            };
        };
        let sentence = Sentence::new(&idx, 0);
        let info = sentence.analyse();
        let f = &figs[i];
        let mut role = info[i].role;
        if role == Role::None
            && sentence
                .prev(f.first)
                .is_some_and(|p| matches!(word(&idx, p), "reach" | "reached" | "reaches" | "hit"))
        {
            role = Role::Later;
        }
        let share = info[i].share.map(|(s, _)| s).or_else(|| {
            // "eleven of twelve": the part; "of the 12 cities": the whole.
            let next = (f.last < sentence.words.end).then_some(f.last);
            if next.is_some_and(|n| word(&idx, n) == "of") {
                return Some(Share::Part);
            }
            let mut p = sentence.prev(f.first);
            while let Some(t) = p.filter(|&t| is_determiner(word(&idx, t))) {
                p = sentence.prev(t);
            }
            p.filter(|&t| word(&idx, t) == "of").map(|_| Share::Whole)
        });
        ClaimSide {
            role: (role != Role::None).then_some(role),
            share,
            time,
        }
    }
}

/// The claim's `about` entries located in the source: the term's
/// occurrences and the other entries'.
pub(crate) struct Terms<'a> {
    /// The last entry's occurrences, ascending.
    pub last: &'a [Range<usize>],
    /// Every other entry's occurrences, each list ascending.
    pub others: &'a [Vec<Range<usize>>],
}

/// The figure the text binds to the claim, and how.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Binding {
    /// Sentence and index in that sentence's figures.
    pub sentence: usize,
    pub figure: usize,
    /// The step that decided.
    pub step: Step,
    /// Candidates set aside, each with the step that did it.
    pub set_aside: Vec<(usize, usize, Step)>,
}

/// What a passage gives.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Passage {
    /// No figure of the claim's kind: wider passages may be examined.
    NoCandidate,
    /// Candidates, but the text binds none of them to the claim.
    Nothing,
    /// The claim's figure.
    Figure(Binding),
}

/// A folded word of the source.
fn word(idx: &SourceIndex, t: usize) -> &str {
    &idx.vocab[idx.tokens[t].term as usize]
}

/// One sentence, with its figures, for the structural readings.
struct Sentence<'a> {
    idx: &'a SourceIndex,
    s: usize,
    words: Range<usize>,
    figs: &'a [SentenceFigure],
    /// Per word of the sentence, the figure covering it.
    owner: Vec<Option<u32>>,
}

/// What the text says of one figure of a sentence.
#[derive(Debug, Clone, Default)]
struct Info {
    role: Role,
    /// The change it belongs to (an id within the sentence).
    change: usize,
    /// Its time words ("in 2017", "now", "the previous year").
    time: Vec<String>,
    /// Part or whole of "X of the Y", with the partner figure.
    share: Option<(Share, Option<usize>)>,
    /// The head noun it counts (a global word position).
    head: Option<usize>,
    /// The end of its noun phrase (a global word position).
    noun_end: usize,
    /// A "respectively" list it is in: (list id, position, length).
    listed: Option<(usize, usize, usize)>,
}

impl<'a> Sentence<'a> {
    fn new(idx: &'a SourceIndex, s: usize) -> Self {
        let words = idx.words_of(s);
        let figs = idx.figures(s);
        let mut owner = vec![None; words.len()];
        for (i, f) in figs.iter().enumerate() {
            for t in f.first..f.last {
                if let Some(o) = owner.get_mut(t - words.start) {
                    *o = Some(i as u32);
                }
            }
        }
        Sentence {
            idx,
            s,
            words,
            figs,
            owner,
        }
    }

    fn w(&self, t: usize) -> &'a str {
        word(self.idx, t)
    }

    fn owner(&self, t: usize) -> Option<usize> {
        self.owner
            .get(t.wrapping_sub(self.words.start))
            .copied()
            .flatten()
            .map(|o| o as usize)
    }

    /// The word before `t` in the sentence, with no clause boundary between.
    fn prev(&self, t: usize) -> Option<usize> {
        (t > self.words.start && self.clear(t - 1, t)).then(|| t - 1)
    }

    /// The word at `t` when it is in the sentence and nothing but spaces
    /// and non-boundary punctuation stands between `t - 1` and it.
    fn next_from(&self, t: usize) -> Option<usize> {
        (t < self.words.end && t > self.words.start && self.clear(t - 1, t)).then_some(t)
    }

    /// Whether no clause boundary stands between the end of word `a` and
    /// the start of word `b` (a < b).
    fn clear(&self, a: usize, b: usize) -> bool {
        let start = self.idx.tokens[a].end as usize;
        let end = self.idx.tokens[b].start as usize;
        !marks_within(self.idx.marks(self.s), start..end.max(start))
    }

    /// Whether the word at `t` is written with a capital and is not the
    /// sentence's first word: a name.
    fn capitalised(&self, t: usize) -> bool {
        if t == self.words.start {
            return false;
        }
        let tok = &self.idx.tokens[t];
        self.idx.sentences[self.s][tok.start as usize..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// The nearest word of change before `t`, within eight words, skipping
    /// figures and stopping at a clause boundary.
    fn change_before(&self, t: usize) -> Option<usize> {
        let mut p = t;
        for _ in 0..8 {
            let q = self.prev(p)?;
            if self.owner(q).is_none() && is_change_word(self.w(q)) {
                return Some(q);
            }
            p = q;
        }
        None
    }

    /// The structural readings of every figure.
    fn analyse(&self) -> Vec<Info> {
        let mut info: Vec<Info> = self
            .figs
            .iter()
            .map(|f| Info {
                noun_end: f.last,
                ..Info::default()
            })
            .collect();
        self.read_changes(&mut info);
        self.read_shares(&mut info);
        self.read_nouns(&mut info);
        self.read_lists(&mut info);
        info
    }

    /// Step 1, changes: each figure's role, its change and time words.
    fn read_changes(&self, info: &mut [Info]) {
        let mut anchors: Vec<Option<usize>> = vec![None; self.figs.len()];
        for (i, f) in self.figs.iter().enumerate() {
            let prev = self.prev(f.first);
            let pw = prev.map(|p| self.w(p));
            let (role, anchor) = match pw {
                Some("from") => {
                    let p = prev.unwrap_or(f.first);
                    match self.change_before(p) {
                        Some(a) => (Role::Earlier, Some(a)),
                        None if self.to_figure_after(i) => (Role::Earlier, Some(p)),
                        None => (Role::None, None),
                    }
                }
                Some("to") => {
                    let p = prev.unwrap_or(f.first);
                    let open_from = (0..i)
                        .rev()
                        .find(|&j| info[j].role == Role::Earlier && same_measure(&self.figs[j], f));
                    match (self.change_before(p), open_from) {
                        (Some(a), _) => (Role::Later, Some(a)),
                        (None, Some(j)) => (Role::Later, anchors[j]),
                        _ => (Role::None, None),
                    }
                }
                Some("by") => match self.change_before(prev.unwrap_or(f.first)) {
                    Some(a) => (Role::Size, Some(a)),
                    None => (Role::None, None),
                },
                Some(w) if is_change_word(w) => (Role::Size, prev),
                _ if self.change_noun_after(i) => (Role::Size, None),
                _ => match (prev, pw) {
                    // "an increase of 10%".
                    (Some(p), Some("of"))
                        if self.prev(p).is_some_and(|q| is_change_noun(self.w(q))) =>
                    {
                        (Role::Size, self.prev(p))
                    }
                    _ => (Role::None, None),
                },
            };
            info[i].role = role;
            anchors[i] = anchor;
        }
        // Changes: consecutive figures with roles, none repeated; an earlier
        // and a later value of one measure.
        let mut change = 0;
        let mut seen: Vec<(Role, usize)> = Vec::new();
        #[allow(clippy::needless_range_loop)] // `i` indexes figures and readings alike
        for i in 0..self.figs.len() {
            let role = info[i].role;
            let clash = role == Role::None
                || seen.iter().any(|&(r, j)| {
                    r == role
                        || matches!(r, Role::Earlier | Role::Later)
                            && matches!(role, Role::Earlier | Role::Later)
                            && !same_measure(&self.figs[j], &self.figs[i])
                });
            if clash {
                change += 1;
                seen.clear();
            }
            if role != Role::None {
                seen.push((role, i));
            }
            info[i].change = change;
        }
        // Time words of the values: the words after each up to the next
        // figure or boundary.
        for (i, f) in self.figs.iter().enumerate() {
            if !matches!(info[i].role, Role::Earlier | Role::Later) {
                continue;
            }
            let mut t = f.last;
            let mut words = Vec::new();
            while words.len() < 6 && self.next_from(t).is_some() && self.owner(t).is_none() {
                words.push(self.w(t));
                t += 1;
            }
            info[i].time = words.iter().filter_map(|w| time_word(w)).collect();
            let relative = words.windows(2).any(|p| {
                matches!(
                    p,
                    ["previous" | "prior" | "last", "year"]
                        | ["year", "earlier" | "before" | "ago"]
                )
            });
            if relative {
                info[i].time.push("previous year".to_owned());
            }
        }
        // "The previous year" against the other value's year.
        for i in 0..self.figs.len() {
            if !info[i].time.iter().any(|t| t == "previous year") {
                continue;
            }
            let year = (0..self.figs.len())
                .filter(|&j| j != i && info[j].change == info[i].change)
                .flat_map(|j| info[j].time.iter())
                .find_map(|t| t.parse::<u32>().ok());
            if let Some(y) = year {
                info[i].time.push((y - 1).to_string());
            }
        }
        // Tense: a change still to come names the value current when the
        // source wrote as its earlier one.
        let mut future = vec![false; change + 1];
        for i in 0..self.figs.len() {
            if let Some(a) = anchors[i] {
                future[info[i].change] |= self.future_at(a);
            }
        }
        for i in 0..self.figs.len() {
            if future[info[i].change] {
                info[i].time.push("(future)".to_owned());
            }
        }
    }

    /// Whether "to" and a figure of the same measure follow figure `i`
    /// within a few words ("from around 20% now to 24%").
    fn to_figure_after(&self, i: usize) -> bool {
        let f = &self.figs[i];
        for t in f.last..f.last + 4 {
            if self.next_from(t).is_none() {
                return false;
            }
            if self.w(t) == "to" {
                return self
                    .owner(t + 1)
                    .is_some_and(|j| j != i && same_measure(&self.figs[j], f));
            }
        }
        false
    }

    /// Whether a noun of change follows figure `i`, directly or after a
    /// coordinated figure ("a 20% and 16% improvement", "16% higher").
    fn change_noun_after(&self, i: usize) -> bool {
        let mut t = self.figs[i].last;
        for _ in 0..6 {
            let Some(n) = self.next_from(t) else {
                return false;
            };
            if let Some(j) = self.owner(n) {
                t = self.figs[j].last;
                continue;
            }
            let w = self.w(n);
            if is_change_noun(w) {
                return true;
            }
            if !matches!(w, "and" | "or") {
                return false;
            }
            t = n + 1;
        }
        false
    }

    /// Whether the change word at `a` speaks of a change still to come:
    /// "will rise", "is to rise", "plans to raise", "wants to help ...
    /// increase". Only a verb has a tense: "down from" and "from" have none.
    fn future_at(&self, a: usize) -> bool {
        if matches!(self.w(a), "up" | "down" | "from") {
            return false;
        }
        let mut t = a;
        for k in 0..4 {
            let Some(p) = self.prev(t) else {
                return false;
            };
            if self.owner(p).is_some() {
                return false;
            }
            let future = match self.w(p) {
                "to" => k == 0,
                w => matches!(
                    w,
                    "will"
                        | "would"
                        | "shall"
                        | "ll"
                        | "plans"
                        | "plan"
                        | "aims"
                        | "aim"
                        | "wants"
                        | "expects"
                        | "expected"
                        | "intends"
                        | "could"
                        | "may"
                        | "might"
                        | "should"
                        | "going"
                ),
            };
            if future {
                return true;
            }
            t = p;
        }
        false
    }

    /// Step 2, "X of the Y nouns": X counts the part, Y the whole.
    fn read_shares(&self, info: &mut [Info]) {
        for (i, f) in self.figs.iter().enumerate() {
            if f.figure.kind != Kind::Count {
                continue;
            }
            let Some(of) = self.next_from(f.last).filter(|&t| self.w(t) == "of") else {
                continue;
            };
            let mut t = of + 1;
            while self.next_from(t).is_some_and(|t| is_determiner(self.w(t))) {
                t += 1;
            }
            // A few words ("season-high") may stand before the whole's figure.
            let whole = (t..t + 3)
                .take_while(|&u| self.next_from(u).is_some())
                .find_map(|u| self.owner(u).filter(|&j| j != i))
                .filter(|&j| self.figs[j].figure.kind == Kind::Count);
            match whole {
                Some(j) => {
                    info[i].share = Some((Share::Part, Some(j)));
                    info[j].share = Some((Share::Whole, Some(i)));
                }
                None => {
                    // "5 of those hits": the part of a noun with no figure.
                    if t > of + 1
                        && self.next_from(t).is_some()
                        && self.owner(t).is_none()
                        && !is_stop(self.w(t))
                    {
                        info[i].share = Some((Share::Part, None));
                        info[i].head = Some(self.noun_head(t));
                    }
                }
            }
        }
    }

    /// The head of a noun phrase starting at `t`: its last word before a
    /// stop word, a figure or a boundary, at most four words.
    fn noun_head(&self, t: usize) -> usize {
        let mut head = t;
        let mut u = t + 1;
        while u < t + 4
            && self.next_from(u).is_some()
            && self.owner(u).is_none()
            && !is_stop(self.w(u))
            && !ends_like_verb(self.w(u))
        {
            head = u;
            u += 1;
        }
        head
    }

    /// Step 2, counted nouns: the head noun of the words the engine read as
    /// what each count counts ("three counts", "3,000 North Korean troops").
    fn read_nouns(&self, info: &mut [Info]) {
        for (i, f) in self.figs.iter().enumerate() {
            if f.figure.kind != Kind::Count {
                continue;
            }
            if let Some((Share::Part, Some(j))) = info[i].share {
                // "Ten of the 18 staffers": the part counts the whole's noun.
                info[i].head = self.noun_of(&self.figs[j]).map(|(h, _)| h);
                continue;
            }
            if let Some((h, end)) = self.noun_of(f) {
                info[i].head = Some(h);
                info[i].noun_end = end;
            }
        }
    }

    /// The head noun of a count and the end of its noun phrase: the words
    /// the engine read as what it counts, found within a few words after it
    /// ("dozens of buildings"). The head is the first plural among them
    /// ("600,000 Israelis live" counts Israelis); words that hold no plural
    /// ("18 Northern and ...") give no head, as a count above one counts a
    /// plural.
    fn noun_of(&self, f: &SentenceFigure) -> Option<(usize, usize)> {
        let noun: Vec<String> = crate::text::words(f.figure.noun.as_deref()?)
            .into_iter()
            .map(|w| w.folded)
            .collect();
        let n = noun.len();
        let start = (0..3).find_map(|k| {
            let start = f.last + k;
            let end = start + n;
            let here = n > 0
                && end <= self.words.end
                && (start..end).all(|t| self.owner(t).is_none())
                && (start..end).zip(&noun).all(|(t, w)| self.w(t) == w);
            here.then_some(start)
        })?;
        let one = f.figure.value == Some(1.0);
        let head =
            (start..start + n).find(|&t| is_plural(self.w(t)) || one && t + 1 == start + n)?;
        Some((head, head + 1))
    }

    /// Step 1, "respectively": the figures in a row before the word.
    fn read_lists(&self, info: &mut [Info]) {
        let mut list_id = 0;
        for r in self.words.clone() {
            if self.w(r) != "respectively" {
                continue;
            }
            // The last figure within six words before it.
            let Some(last) = (r.saturating_sub(7).max(self.words.start)..r)
                .rev()
                .find_map(|t| self.owner(t))
            else {
                continue;
            };
            let mut members = vec![last];
            let mut j = last;
            while j > 0 {
                let prev = j - 1;
                let (a, b) = (self.figs[prev].last, self.figs[j].first);
                if a > b || b - a > 1 || (b - a == 1 && !matches!(self.w(a), "and" | "or")) {
                    break;
                }
                if b - a == 0 && a > 0 && self.clear(a - 1, b) {
                    // Two figures in a row with no comma: not a list.
                    break;
                }
                members.push(prev);
                j = prev;
            }
            if members.len() < 2 {
                continue;
            }
            members.reverse();
            let n = members.len();
            for (k, &m) in members.iter().enumerate() {
                info[m].listed = Some((list_id, k, n));
            }
            list_id += 1;
        }
    }

    /// The position in a "respectively" list of `n` figures, starting at
    /// word `list_start`, of the name at `occ`: names before the list are
    /// counted back from it by their coordinators ("Brent and WTI rose 3%
    /// and 2%": WTI is second), names after it forward.
    fn list_position(
        &self,
        occ: &Range<usize>,
        list_start: usize,
        list_end: usize,
        n: usize,
    ) -> Option<usize> {
        if occ.end <= list_start {
            let k = self.coordinators(occ.end, list_start);
            return (k < n && self.in_names(occ.end, list_start, k)).then(|| n - 1 - k);
        }
        if occ.start >= list_end {
            let k = self.coordinators(list_end, occ.start);
            return (k < n).then_some(k);
        }
        None
    }

    /// How many coordinators stand between words `from` and `to`: "and",
    /// "or", "along with", "as well as", "plus", and commas not followed by
    /// "and" (an Oxford comma is one coordinator with its "and").
    fn coordinators(&self, from: usize, to: usize) -> usize {
        let mut k = 0;
        for t in from..to {
            let w = self.w(t);
            let next = (t + 1 < self.words.end).then(|| self.w(t + 1));
            if matches!(w, "and" | "or" | "plus" | "versus" | "vs")
                || (w == "along" || w == "together") && next == Some("with")
                || w == "as" && next == Some("well")
            {
                k += 1;
            }
            // A comma before this word, unless an "and" follows it.
            if t > self.words.start {
                let gap = &self.idx.sentences[self.s]
                    [self.idx.tokens[t - 1].end as usize..self.idx.tokens[t].start as usize];
                if gap.contains(',') && !matches!(w, "and" | "or") {
                    k += 1;
                }
            }
        }
        k
    }

    /// Whether the name ending at word `end` stands in a list of names: a
    /// coordinator follows it within two words (or none is needed).
    fn in_names(&self, end: usize, to: usize, k: usize) -> bool {
        k == 0 || (end..(end + 3).min(to)).any(|t| self.coordinators(t, t + 1) > 0)
    }
}

/// Kind and unit alike: the two values of one change.
fn same_measure(a: &SentenceFigure, b: &SentenceFigure) -> bool {
    a.figure.kind == b.figure.kind && a.figure.unit == b.figure.unit
}

/// Words of change ("Figures": from, rose, fell, up, down, ...).
fn is_change_word(w: &str) -> bool {
    matches!(
        w,
        "rise"
            | "rises"
            | "rose"
            | "risen"
            | "rising"
            | "fall"
            | "falls"
            | "fell"
            | "fallen"
            | "falling"
            | "up"
            | "down"
            | "increase"
            | "increases"
            | "increased"
            | "increasing"
            | "decrease"
            | "decreases"
            | "decreased"
            | "decreasing"
            | "cut"
            | "cuts"
            | "cutting"
            | "climb"
            | "climbs"
            | "climbed"
            | "climbing"
            | "drop"
            | "drops"
            | "dropped"
            | "dropping"
            | "raise"
            | "raises"
            | "raised"
            | "raising"
            | "lower"
            | "lowers"
            | "lowered"
            | "lowering"
            | "revise"
            | "revises"
            | "revised"
            | "jump"
            | "jumps"
            | "jumped"
            | "surge"
            | "surged"
            | "surges"
            | "soar"
            | "soared"
            | "soars"
            | "grow"
            | "grows"
            | "grew"
            | "grown"
            | "decline"
            | "declines"
            | "declined"
            | "slip"
            | "slips"
            | "slipped"
            | "slid"
            | "slide"
            | "slides"
            | "plunge"
            | "plunged"
            | "plunges"
            | "tumble"
            | "tumbled"
            | "tumbles"
            | "gain"
            | "gains"
            | "gained"
            | "lose"
            | "loses"
            | "lost"
            | "shed"
            | "sheds"
            | "reduce"
            | "reduces"
            | "reduced"
            | "reducing"
            | "slash"
            | "slashed"
            | "boost"
            | "boosted"
            | "boosts"
            | "hike"
            | "hiked"
            | "dip"
            | "dipped"
            | "sank"
            | "sink"
            | "advanced"
            | "retreated"
            | "widened"
            | "narrowed"
            | "improved"
            | "weakened"
            | "strengthened"
    )
}

/// Nouns and comparatives of change after a figure: "a 12% rise", "16% higher".
fn is_change_noun(w: &str) -> bool {
    matches!(
        w,
        "rise"
            | "increase"
            | "decrease"
            | "drop"
            | "decline"
            | "fall"
            | "jump"
            | "gain"
            | "improvement"
            | "reduction"
            | "growth"
            | "cut"
            | "hike"
            | "surge"
            | "slump"
            | "plunge"
            | "higher"
            | "lower"
            | "increases"
            | "rises"
            | "cuts"
    )
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "his" | "her" | "its" | "their" | "those" | "these" | "our" | "my" | "your"
    )
}

/// Function words that never head a noun phrase.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "them"
            | "us"
            | "which"
            | "whom"
            | "who"
            | "it"
            | "this"
            | "that"
            | "a"
            | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "have"
            | "has"
            | "had"
            | "all"
            | "than"
    ) || is_determiner(w)
}

/// Whether a word reads as a plural noun: "-s" (not "-ss", "-us") or an
/// irregular plural.
fn is_plural(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
        || matches!(
            w,
            "people" | "children" | "men" | "women" | "staff" | "police" | "personnel" | "crew"
        )
}

fn ends_like_verb(w: &str) -> bool {
    w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
}

/// A word of time a claim and a source's value can share: a year, a month,
/// a weekday, "now" and its synonyms.
fn time_word(w: &str) -> Option<String> {
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && ("1900".."2101").contains(&w) {
        return Some(w.to_owned());
    }
    match w {
        "now" | "today" | "currently" | "presently" | "present" | "current" => {
            Some("now".to_owned())
        }
        "january" | "february" | "march" | "april" | "june" | "july" | "august" | "september"
        | "october" | "november" | "december" | "monday" | "tuesday" | "wednesday" | "thursday"
        | "friday" | "saturday" | "sunday" | "decade" | "yesterday" | "tomorrow" | "quarter" => {
            Some(w.to_owned())
        }
        _ => None,
    }
}

/// Event words whose subject or object is people: a count of cities or
/// buildings is never what they count.
fn is_people_verb(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "kill",
        "dead",
        "death",
        "died",
        "die",
        "injur",
        "wound",
        "hurt",
        "casualt",
        "arrest",
        "detain",
        "displac",
        "evacuat",
        "hospitali",
        "rescu",
        "captur",
        "abduct",
        "deport",
        "employ",
        "hire",
        "murder",
        "execut",
        "drown",
        "sentenc",
        "convict",
    ];
    STEMS.iter().any(|stem| word.starts_with(stem))
}

/// Nouns for people, the counted nouns of casualty and employment words.
fn is_people_noun(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "persons"
            | "person"
            | "civilians"
            | "civilian"
            | "protesters"
            | "protestors"
            | "demonstrators"
            | "children"
            | "kids"
            | "women"
            | "men"
            | "adults"
            | "soldiers"
            | "troops"
            | "servicemen"
            | "fighters"
            | "militants"
            | "workers"
            | "employees"
            | "staff"
            | "staffers"
            | "residents"
            | "citizens"
            | "migrants"
            | "refugees"
            | "passengers"
            | "patients"
            | "students"
            | "pupils"
            | "teachers"
            | "doctors"
            | "nurses"
            | "journalists"
            | "police"
            | "officers"
            | "policemen"
            | "firefighters"
            | "rescuers"
            | "villagers"
            | "inhabitants"
            | "victims"
            | "hostages"
            | "prisoners"
            | "detainees"
            | "inmates"
            | "suspects"
            | "members"
            | "tourists"
            | "pilgrims"
            | "miners"
            | "crew"
            | "sailors"
            | "pilots"
            | "marines"
            | "guards"
            | "personnel"
            | "infants"
            | "babies"
            | "teenagers"
            | "youths"
            | "boys"
            | "girls"
            | "individuals"
            | "lives"
            | "bodies"
            | "others"
            | "more"
            | "casualties"
            | "officials"
            | "agents"
            | "volunteers"
            | "farmers"
            | "voters"
            | "americans"
    )
}

/// Money nouns: a money figure tied to one belongs to it.
fn is_money_noun(word: &str) -> bool {
    matches!(
        word,
        "revenue"
            | "revenues"
            | "sales"
            | "loss"
            | "losses"
            | "profit"
            | "profits"
            | "income"
            | "earnings"
            | "debt"
            | "debts"
            | "deficit"
            | "surplus"
            | "budget"
            | "cost"
            | "costs"
            | "price"
            | "prices"
            | "spending"
            | "funding"
            | "fine"
            | "payment"
            | "salary"
            | "wages"
            | "value"
            | "valuation"
            | "dividend"
            | "investment"
            | "loan"
            | "grant"
            | "aid"
            | "fee"
            | "fees"
            | "tax"
            | "taxes"
            | "turnover"
            | "ebitda"
            | "exports"
            | "imports"
            | "assets"
            | "capital"
            | "cash"
            | "bonus"
            | "award"
            | "settlement"
            | "bill"
    )
}

/// Words that join a term and the figure after it: "killed 15", "revenue of
/// $167.4m", "inflation stood at 2.1%", "the toll rose to 12".
fn is_joiner(w: &str) -> bool {
    matches!(
        w,
        "of" | "at"
            | "to"
            | "by"
            | "was"
            | "were"
            | "is"
            | "are"
            | "has"
            | "have"
            | "had"
            | "been"
            | "be"
            | "stood"
            | "stands"
            | "totalled"
            | "totaled"
            | "totals"
            | "total"
            | "totalling"
            | "totaling"
            | "reached"
            | "reaches"
            | "hit"
            | "hits"
            | "came"
            | "amounted"
            | "amounts"
            | "numbered"
            | "now"
            | "also"
            | "just"
            | "scored"
            | "posted"
            | "reported"
            | "recorded"
            | "topped"
    ) || is_change_word(w)
}

/// Words that may stand between a count's noun and the term after it:
/// "two people were killed", "15 have been injured".
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "be"
            | "being"
            | "reportedly"
            | "also"
            | "all"
            | "later"
            | "will"
            | "would"
            | "now"
    )
}

/// Whether `t` lies in one of `occurrences` (sorted by start).
fn inside(occurrences: &[Range<usize>], t: usize) -> bool {
    let i = occurrences.partition_point(|r| r.start <= t);
    occurrences[..i]
        .iter()
        .rev()
        .take(4)
        .any(|r| r.contains(&t))
}

/// How a candidate was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Kept(Option<Step>),
    SetAside(Step),
}

/// A candidate and how the rule placed it; `key` ranks the kept ones.
struct Cand {
    s: usize,
    i: usize,
    status: Status,
    key: (bool, bool, bool, u8, usize, bool),
}

/// Binds the passage's figure to the claim (steps 1 to 6).
pub(crate) fn bind(
    idx: &SourceIndex,
    window: &Range<usize>,
    terms: &Terms<'_>,
    claim: &Figure,
    side: &ClaimSide,
) -> Passage {
    let words = idx.sentence_start[window.start]..idx.sentence_start[window.end];
    let slice = |occ: &'_ [Range<usize>]| -> Range<usize> {
        occ.partition_point(|r| r.start < words.start)..occ.partition_point(|r| r.start < words.end)
    };
    let last = &terms.last[slice(terms.last)];
    let others: Vec<&[Range<usize>]> = terms.others.iter().map(|o| &o[slice(o)]).collect();
    let max_len = last.iter().map(ExactSizeIterator::len).max().unwrap_or(0);

    let mut cands: Vec<Cand> = Vec::new();
    let mut chosen_by_list: Option<(usize, usize)> = None;
    for s in window.clone() {
        if !idx
            .figures(s)
            .iter()
            .any(|f| is_candidate(claim, &f.figure))
        {
            continue;
        }
        let sentence = Sentence::new(idx, s);
        let info = sentence.analyse();
        // Step 1, changes: which value of each change the claim names.
        let choice = choose_values(&info, side);
        let in_sentence = |r: &Range<usize>| sentence.words.contains(&r.start);
        let strong = if terms.others.is_empty() {
            Vec::new()
        } else {
            strong_marks(&sentence)
        };
        for (i, f) in sentence.figs.iter().enumerate() {
            if !is_candidate(claim, &f.figure) {
                continue;
            }
            let near: Vec<&Range<usize>> = super::figure::nearest(last, max_len, f).collect();
            let near_here: Vec<&Range<usize>> =
                near.iter().copied().filter(|r| in_sentence(r)).collect();
            let mut status = Status::Kept(None);
            // Step 1: respectively.
            if let Some((_, pos, n)) = info[i].listed {
                let start = sentence.figs[i - pos].first;
                let end = sentence.figs[i - pos + n - 1].last;
                let placed = last
                    .iter()
                    .filter(|r| in_sentence(r))
                    .filter_map(|r| sentence.list_position(r, start, end, n))
                    .next_back();
                if placed == Some(pos) {
                    chosen_by_list.get_or_insert((s, i));
                    status = Status::Kept(Some(Step::Respectively));
                } else {
                    status = Status::SetAside(Step::Respectively);
                }
            }
            // Step 1: the role in a change.
            if status == Status::Kept(None) {
                status = role_status(&info, i, side, &choice);
            }
            let adjacent = near_here
                .iter()
                .any(|occ| adjacent_to(&sentence, f, &info[i], occ));
            // Step 2: counted nouns and "X of the Y".
            if !matches!(status, Status::SetAside(_)) && f.figure.kind == Kind::Count {
                match noun_status(
                    &sentence, &info[i], side, last, &others, &near_here, adjacent,
                ) {
                    Some(Status::SetAside(step)) => status = Status::SetAside(step),
                    Some(Status::Kept(Some(step))) if status == Status::Kept(None) => {
                        status = Status::Kept(Some(step));
                    }
                    _ => {}
                }
            }
            // Step 3: a rate ("$2.10 a share") is its noun's.
            if status == Status::Kept(None) && per_unit(&sentence, f, last) {
                status = Status::SetAside(Step::OtherTerm);
            }
            // Step 4 before 3: a figure the text ties to the term is the
            // term's even when another word stands next to it too.
            if adjacent && status == Status::Kept(None) {
                status = Status::Kept(Some(Step::Adjacency));
            }
            // Step 3: tied to another word (a change's value too: its role
            // says which value, not whose).
            let open = matches!(status, Status::Kept(None | Some(Step::ChangeRole)));
            if open && !adjacent && tied_to_other(&sentence, f, &info[i], &others, last) {
                status = Status::SetAside(Step::OtherTerm);
            }
            let key = match status {
                Status::SetAside(_) => (true, true, true, 3, 0, true),
                Status::Kept(step) => {
                    let (clause, segment) = holds_others(&sentence, &strong, f, &others);
                    let d = near
                        .iter()
                        .map(|occ| super::figure::distance(idx, s, f, occ))
                        .min_by_key(|&(cat, between, after)| (between, cat, after))
                        .unwrap_or((3, usize::MAX, false));
                    // At equal distance: after the term for money and
                    // percentages, before it for counts.
                    let tie = if f.figure.kind == Kind::Count {
                        d.2
                    } else {
                        !d.2
                    };
                    (!clause, !segment, step.is_none(), d.0, d.1, tie)
                }
            };
            cands.push(Cand { s, i, status, key });
        }
    }
    if cands.is_empty() {
        return Passage::NoCandidate;
    }
    let set_aside: Vec<(usize, usize, Step)> = cands
        .iter()
        .filter_map(|c| match c.status {
            Status::SetAside(step) => Some((c.s, c.i, step)),
            Status::Kept(_) => None,
        })
        .collect();
    if let Some((sentence, figure)) = chosen_by_list {
        return Passage::Figure(Binding {
            sentence,
            figure,
            step: Step::Respectively,
            set_aside,
        });
    }
    let mut kept: Vec<&Cand> = cands
        .iter()
        .filter(|c| matches!(c.status, Status::Kept(_)))
        .collect();
    kept.sort_by_key(|c| c.key);
    let Some(best) = kept.first() else {
        return Passage::Nothing;
    };
    let Status::Kept(bound_by) = best.status else {
        return Passage::Nothing;
    };
    // Across a clause boundary an unbound figure is a guess: when its own
    // clause names another event, it counts that event.
    if bound_by.is_none()
        && best.key.3 > 0
        && super::figure::tied_elsewhere(idx, best.s, &idx.figures(best.s)[best.i], last)
    {
        return Passage::Nothing;
    }
    let step = match kept.get(1) {
        Some(next) => {
            let (a, b) = (best.key, next.key);
            if a.0 != b.0 || a.1 != b.1 {
                Step::Clause
            } else if a.2 != b.2 {
                bound_by.unwrap_or(Step::Clause)
            } else if a.3 != b.3 {
                Step::Clause
            } else {
                Step::Distance
            }
        }
        None => bound_by.unwrap_or(if best.key.3 == 0 {
            Step::Clause
        } else {
            Step::Distance
        }),
    };
    Passage::Figure(Binding {
        sentence: best.s,
        figure: best.i,
        step,
        set_aside,
    })
}

/// One change of a sentence: which values it states, and which of them a
/// level claim names.
#[derive(Debug, Clone, Copy, Default)]
struct Choice {
    earlier: bool,
    later: bool,
    wanted: Option<Role>,
}

/// Per change of a sentence, the value a level claim names: the one its
/// time words name, else by tense (the later value of a change that
/// happened, the earlier of one still to come).
fn choose_values(info: &[Info], side: &ClaimSide) -> Vec<Choice> {
    let changes = info.iter().map(|x| x.change).max().map_or(0, |m| m + 1);
    let mut out = vec![Choice::default(); changes];
    let mut named = vec![(false, false); changes];
    let mut future = vec![false; changes];
    for x in info {
        let c = x.change;
        let said = x.time.iter().any(|t| side.time.iter().any(|w| w == t));
        match x.role {
            Role::Earlier => {
                out[c].earlier = true;
                named[c].0 |= said;
            }
            Role::Later => {
                out[c].later = true;
                named[c].1 |= said;
            }
            _ => {}
        }
        future[c] |= x.time.iter().any(|t| t == "(future)");
    }
    for (c, choice) in out.iter_mut().enumerate() {
        if !(choice.earlier || choice.later) {
            continue;
        }
        let (early, late) = named[c];
        choice.wanted = Some(if early != late {
            if early { Role::Earlier } else { Role::Later }
        } else if future[c] {
            Role::Earlier
        } else {
            Role::Later
        });
    }
    out
}

/// Step 1 for one candidate: kept, bound or set aside by its role in a change.
fn role_status(info: &[Info], i: usize, side: &ClaimSide, choice: &[Choice]) -> Status {
    let role = info[i].role;
    if role == Role::None {
        return Status::Kept(None);
    }
    let c = &choice[info[i].change];
    let has = |r: Role| match r {
        Role::Earlier => c.earlier,
        Role::Later => c.later,
        _ => false,
    };
    let by_role = |wanted: Role| {
        if wanted == role {
            Status::Kept(Some(Step::ChangeRole))
        } else {
            Status::SetAside(Step::ChangeRole)
        }
    };
    match (side.role, role) {
        (Some(Role::Size), _) => by_role(Role::Size),
        // The size of a change that also states a level is not a level.
        (_, Role::Size) if has(Role::Earlier) || has(Role::Later) => {
            Status::SetAside(Step::ChangeRole)
        }
        (_, Role::Size) => Status::Kept(None),
        (Some(wanted), _) => by_role(wanted),
        // A level claim: of a change stating both values, the one its time
        // words or the tense choose; a single value stays a candidate.
        (None, _) => match c.wanted {
            Some(wanted) if c.earlier && c.later => by_role(wanted),
            Some(wanted) if wanted == role => Status::Kept(Some(Step::ChangeRole)),
            _ => Status::Kept(None),
        },
    }
}

/// Step 2 for one count: set aside when it counts another noun or is the
/// other share of "X of the Y"; bound when it counts the term.
fn noun_status(
    sentence: &Sentence<'_>,
    info: &Info,
    side: &ClaimSide,
    last: &[Range<usize>],
    others: &[&[Range<usize>]],
    near: &[&Range<usize>],
    adjacent: bool,
) -> Option<Status> {
    // "four members of the security forces": the noun's complement is the term.
    let complement = |h: usize| {
        let mut t = h + 1;
        if sentence.next_from(t).is_none_or(|t| sentence.w(t) != "of") {
            return false;
        }
        t += 1;
        while sentence
            .next_from(t)
            .is_some_and(|t| is_determiner(sentence.w(t)))
        {
            t += 1;
        }
        (t..t + 2).any(|u| sentence.next_from(u).is_some() && inside(last, u))
    };
    let head_is_term = info.head.is_some_and(|h| inside(last, h) || complement(h));
    if let Some((share, _)) = info.share {
        let wanted = side.share.or_else(|| {
            // Unmarked: a claim about what the sentence says of its subject
            // is about the part; when the term is the counted noun itself the
            // text does not say which.
            (!head_is_term).then_some(Share::Part)
        });
        match wanted {
            Some(w) if w != share => return Some(Status::SetAside(Step::CountedNoun)),
            None => return Some(Status::SetAside(Step::CountedNoun)),
            _ => {}
        }
        if share == Share::Part && !head_is_term {
            return Some(Status::Kept(Some(Step::CountedNoun)));
        }
    }
    let head = info.head?;
    if head_is_term {
        return Some(Status::Kept(Some(Step::CountedNoun)));
    }
    if others.iter().any(|o| inside(o, head)) {
        return None;
    }
    let noun = sentence.w(head);
    // The term as written at its nearest occurrence.
    let term = near
        .iter()
        .map(|r| sentence.w(r.end - 1))
        .next()
        .or_else(|| last.first().map(|r| word(sentence.idx, r.end - 1)))?;
    let plural_noun = term.len() > 3
        && term.ends_with('s')
        && !term.ends_with("ss")
        && !term.ends_with("us")
        && !is_event_word(term)
        && !is_change_word(term)
        && !is_joiner(term);
    let people_noun = is_people_noun(noun) || sentence.capitalised(head) && noun.ends_with('s');
    // A figure the term governs ("the life expectancies of 660 million
    // people") is the term's whatever it counts.
    if plural_noun && !adjacent || is_people_verb(term) && !people_noun {
        return Some(Status::SetAside(Step::CountedNoun));
    }
    None
}

/// Step 4: the figure right before the term's words ("15 injured", "two
/// people were killed", "£2bn loan") or right after them, joined by a verb
/// or by "of", "at", "to", "by", "was", "stood at", "totalled".
fn adjacent_to(
    sentence: &Sentence<'_>,
    f: &SentenceFigure,
    info: &Info,
    occ: &Range<usize>,
) -> bool {
    if f.last <= occ.start {
        let from = info.noun_end.max(f.last);
        if occ.start < from {
            // The term is (in) the noun phrase right after the figure.
            return true;
        }
        let from_word = f.last.saturating_sub(1).max(sentence.words.start);
        return occ.start - from <= 3
            && (from..occ.start).all(|t| is_auxiliary(sentence.w(t)))
            && (from_word + 1..=occ.start).all(|t| sentence.clear(t - 1, t));
    }
    if occ.end <= f.first {
        return joined(sentence, occ.end - 1, f.first);
    }
    false
}

/// Whether the words strictly between `a` and `b` are at most three
/// joiners (one of them may be any verb in the past tense), with no clause
/// boundary; another figure's words between do not count.
fn joined(sentence: &Sentence<'_>, a: usize, b: usize) -> bool {
    if b <= a {
        return false;
    }
    let mut words = 0;
    let mut verbs = 0;
    for t in a + 1..b {
        if sentence.owner(t).is_some() {
            continue;
        }
        words += 1;
        let w = sentence.w(t);
        if !is_joiner(w) {
            if ends_like_verb(w) && verbs == 0 {
                verbs += 1;
            } else {
                return false;
            }
        }
    }
    words <= 3 && (a + 1..=b).all(|t| sentence.clear(t - 1, t))
}

/// Step 3: a money figure per share or per person ("$2.10 a share", "$40 per
/// head") is a rate, not the total beside it, unless that noun is the term.
/// A price per unit of a good ("$80 a barrel") is the good's price and stays.
fn per_unit(sentence: &Sentence<'_>, f: &SentenceFigure, last: &[Range<usize>]) -> bool {
    f.figure.kind == Kind::Money
        && sentence
            .next_from(f.last)
            .is_some_and(|n| matches!(sentence.w(n), "a" | "per" | "an"))
        && sentence.next_from(f.last + 1).is_some_and(|n| {
            sentence.owner(n).is_none()
                && !inside(last, n)
                && matches!(
                    sentence.w(n),
                    "share" | "person" | "head" | "capita" | "household" | "employee" | "resident"
                )
        })
}

/// Step 3: whether the text ties the figure to another word a figure of
/// its kind could belong to: a casualty word ("injured 15", "15 injured"),
/// a money noun ("a loss of $304.7m"), a named subject ("the Nasdaq rose
/// 0.4%", "and Noel five"). The claim's own entries are never such a word.
fn tied_to_other(
    sentence: &Sentence<'_>,
    f: &SentenceFigure,
    info: &Info,
    others: &[&[Range<usize>]],
    last: &[Range<usize>],
) -> bool {
    let own = |t: usize| inside(last, t) || others.iter().any(|o| inside(o, t));
    let kind = f.figure.kind;
    // After-shape: W [joiners] FIGURE.
    let mut t = f.first;
    let mut joiners = 0;
    let mut skipped = 0;
    while let Some(p) = sentence.prev(t) {
        if let Some(j) = sentence.owner(p) {
            // "sales climbed 7% to $1.2bn": past the change's size.
            skipped += 1;
            if skipped > 1 {
                break;
            }
            t = sentence.figs[j].first;
            continue;
        }
        if own(p) || sentence.capitalised(p) {
            // "Sales at Initech climbed to $1.2bn": the subject before the name.
            let mut q = p;
            while let Some(r) = sentence
                .prev(q)
                .filter(|&r| own(r) || sentence.capitalised(r))
            {
                q = r;
            }
            let subject = sentence
                .prev(q)
                .filter(|&r| matches!(sentence.w(r), "at" | "of" | "in" | "for"))
                .and_then(|r| sentence.prev(r))
                .filter(|&r| !own(r));
            if let Some(r) = subject {
                let w = sentence.w(r);
                if kind == Kind::Count && is_event_word(w)
                    || kind == Kind::Money && is_money_noun(w)
                {
                    return true;
                }
            }
        }
        if own(p) {
            break;
        }
        let w = sentence.w(p);
        if kind == Kind::Count && is_event_word(w) || kind == Kind::Money && is_money_noun(w) {
            return true;
        }
        if sentence.capitalised(p) && names_subject(sentence, p) {
            return true;
        }
        if joiners < 3 && (is_joiner(w) || ends_like_verb(w)) {
            joiners += 1;
            t = p;
            continue;
        }
        break;
    }
    // Before-shape: FIGURE [noun] [auxiliaries] W.
    let mut t = info.noun_end.max(f.last);
    let mut aux = 0;
    while let Some(n) = sentence.next_from(t) {
        if sentence.owner(n).is_some() || own(n) {
            return false;
        }
        let w = sentence.w(n);
        if kind == Kind::Count && is_event_word(w)
            || kind == Kind::Money && aux == 0 && is_money_noun(w)
        {
            return true;
        }
        if aux < 3 && is_auxiliary(w) {
            aux += 1;
            t = n + 1;
            continue;
        }
        return false;
    }
    false
}

/// Whether the name ending at word `p` is a clause's subject: nothing, a
/// determiner or a coordinator stands before the name ("the Nasdaq rose
/// 0.4%", "and Noel five"), not a preposition ("exports to China fell").
fn names_subject(sentence: &Sentence<'_>, p: usize) -> bool {
    let mut q = p;
    while let Some(r) = sentence.prev(q).filter(|&r| sentence.capitalised(r)) {
        q = r;
    }
    sentence.prev(q).is_none_or(|r| {
        matches!(
            sentence.w(r),
            "the" | "and" | "or" | "but" | "while" | "whereas" | "its" | "rival"
        )
    })
}

/// Step 5: whether the figure's clause, and failing that its segment (the
/// clause with commas not counted, so "Thomas, 41, is charged with three"
/// is one), holds every other `about` entry. False when the claim has none.
fn holds_others(
    sentence: &Sentence<'_>,
    strong: &[u32],
    f: &SentenceFigure,
    others: &[&[Range<usize>]],
) -> (bool, bool) {
    if others.is_empty() {
        return (false, false);
    }
    let idx = sentence.idx;
    let len = idx.sentences[sentence.s].len();
    let toks = &idx.tokens[sentence.words.clone()];
    let span = |marks: &[u32]| {
        let before = marks.partition_point(|&m| (m as usize) < f.start);
        let lo = before.checked_sub(1).map_or(0, |k| marks[k] as usize + 1);
        let after = marks.partition_point(|&m| (m as usize) < f.end);
        let hi = marks.get(after).map_or(len, |&m| m as usize);
        let first = sentence.words.start + toks.partition_point(|tok| (tok.start as usize) < lo);
        let end = sentence.words.start + toks.partition_point(|tok| (tok.start as usize) < hi);
        first..end
    };
    let all_in = |words: Range<usize>| {
        others.iter().all(|occurrences| {
            let from = occurrences.partition_point(|r| r.start < words.start);
            occurrences[from..]
                .iter()
                .take_while(|r| r.start < words.end)
                .any(|r| r.end <= words.end && !(f.first..f.last).contains(&r.start))
        })
    };
    (all_in(span(idx.marks(sentence.s))), all_in(span(strong)))
}

/// A sentence's clause boundaries other than commas.
fn strong_marks(sentence: &Sentence<'_>) -> Vec<u32> {
    let text = sentence.idx.sentences[sentence.s].as_bytes();
    sentence
        .idx
        .marks(sentence.s)
        .iter()
        .copied()
        .filter(|&m| text.get(m as usize) != Some(&b','))
        .collect()
}

#[cfg(test)]
#[path = "bind_tests.rs"]
mod tests;
