//! The single-pass scanner behind [`super::find`]: it walks the bytes once,
//! stops only at digits and at words that can start a figure, and looks
//! around a candidate (qualifier and currency before it; scale, unit, range,
//! noun and restatement after it) before it decides.
//!
//! Offsets here are byte offsets; `find` turns them into char offsets.

// A byte scanner reads best with short names for positions (i, j, p, q, e),
// compares scale factors it set itself exactly (1.0, 1e6), and keeps its
// word tables as one arm per meaning even when two meanings act alike.
#![allow(
    clippy::many_single_char_names,
    clippy::float_cmp,
    clippy::match_same_arms,
    clippy::struct_excessive_bools,
    clippy::if_same_then_else,
    clippy::single_match_else
)]

use super::lexicon::{self, Shapes, context, lower};
use super::number::Num;
use super::rules::{self, Reject};
use super::{Kind, Qualifier};

/// A figure before its intervals are worked out, spans in bytes.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub start: usize,
    pub end: usize,
    /// The stated number; `None` for a vague amount.
    pub value: Option<f64>,
    pub kind: Kind,
    pub unit: Option<&'static str>,
    pub qualifier: Qualifier,
    /// Half a unit of the last stated digit (0 when exact).
    pub half: f64,
    /// Ends of a range or a vague amount.
    pub bounds: Option<(f64, f64)>,
    /// The noun it counts, as a byte span.
    pub noun: Option<(usize, usize)>,
    pub restated: Option<Box<Raw>>,
}

/// Largest number kept; beyond it a "number" is an identifier or noise.
pub(crate) const MAX_VALUE: f64 = 1e18;

/// Scans `text` and hands every figure to `out`, in order.
pub(crate) fn scan(text: &str, out: &mut impl FnMut(Raw)) {
    scan_explained(text, out, &mut |_, _| {});
}

/// Scans `text`, handing every figure to `out` and every number that a
/// named rule rejected to `rejected` (with the byte where it starts), in order.
pub(crate) fn scan_explained(
    text: &str,
    out: &mut impl FnMut(Raw),
    rejected: &mut impl FnMut(usize, Reject),
) {
    let sc = Sc { b: text.as_bytes() };
    let b = sc.b;
    let class = |i: usize| CLASS[usize::from(b[i])];
    let mut i = 0;
    let mut floor = 0;
    while i < b.len() {
        let c = class(i);
        if c == OTHER {
            i += 1;
            continue;
        }
        if c == DIGIT
            || (c == DOT && sc.digit(i + 1) && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
        {
            match sc.figure(i, floor) {
                Ok((raw, next)) => {
                    out(raw);
                    floor = next;
                    i = next;
                }
                Err(r) => {
                    rejected(i, r);
                    i = r.resume.max(i + 1);
                }
            }
            continue;
        }
        if c == LETTER {
            let mut we = i + 1;
            while we < b.len() && class(we) == LETTER {
                we += 1;
            }
            if i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'_') {
                i = we;
                continue;
            }
            // Most words start no figure: passed over here, without a call.
            if !may_start_figure(&b[i..we]) {
                i = sc.after_word(i, we);
                continue;
            }
            i = match sc.word_figure(i, we, floor) {
                Some(Ok((raw, next))) => {
                    out(raw);
                    floor = next;
                    next
                }
                Some(Err(r)) => {
                    rejected(i, r);
                    we
                }
                None => sc.after_word(i, we),
            };
            continue;
        }
        i += 1;
    }
}

/// What a byte may start, for the scan loop: nothing, a word (an ASCII
/// letter), a number (a digit) or, before a digit, a number (".5").
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const DOT: u8 = 3;

static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b == b'.' {
            DOT
        } else {
            OTHER
        };
        c += 1;
    }
    t
};

/// Whether a word (in any case) may start a figure: a number word or a
/// vague amount. A shape pre-test built from those two tables, so most
/// words are passed over without being lowercased or compared.
pub(crate) fn may_start_figure(w: &[u8]) -> bool {
    static STARTS: Shapes = lexicon::NUM_WORD_SHAPES.with(context::VAGUE_STARTS);
    STARTS.may_hold(w)
}

/// A figure's candidate as it is read: the number, then what is attached
/// to it (currency, percent, unit, noun), then its context. The rules of
/// [`rules`] look at it to decide that it is no figure.
pub(crate) struct Cand {
    /// Where the number starts.
    pub i: usize,
    /// No figure reaches back before this (the end of the previous one).
    pub floor: usize,
    pub num: Num,
    /// Where to resume after a rejection that skips only the number.
    pub skip: usize,
    /// Start of the figure's own words (a currency before the number).
    pub left: usize,
    /// Start of the horizontal space before `left` (`back_hs(left)`), read
    /// once for the many rules that look there.
    pub before_space: usize,
    pub end: usize,
    pub value: f64,
    pub half: f64,
    pub kind: Kind,
    pub unit: Option<&'static str>,
    pub percent: bool,
    pub noun: Option<(usize, usize)>,
    /// A compound already named the noun ("a 12,000-strong force").
    pub stop_noun: bool,
    pub hyphen_compound: bool,
    /// "20-odd": about 20.
    pub odd: bool,
    /// The word before the figure, as written and lowercased.
    pub pw: Option<(usize, usize)>,
    pl: [u8; 24],
    pl_len: usize,
    /// A count with no unit.
    pub bare: bool,
    pub qualifier: Qualifier,
    /// Start of the figure with its qualifier.
    pub start: usize,
    /// "between" came before it.
    pub between: bool,
    pub bounds: Option<(f64, f64)>,
}

impl Cand {
    fn new(i: usize, floor: usize, num: Num) -> Self {
        Self {
            i,
            floor,
            num,
            skip: num.end.max(i + 1),
            left: i,
            before_space: i,
            end: num.end,
            value: num.value,
            half: num.half,
            kind: Kind::Count,
            unit: None,
            percent: false,
            noun: None,
            stop_noun: false,
            hyphen_compound: false,
            odd: false,
            pw: None,
            pl: [0; 24],
            pl_len: 0,
            bare: true,
            qualifier: Qualifier::Exact,
            start: i,
            between: false,
            bounds: None,
        }
    }

    /// The word before the figure, lowercased ("" when none or too long).
    pub fn pl(&self) -> &[u8] {
        &self.pl[..self.pl_len]
    }

    /// Money in `code`.
    pub fn money(&mut self, code: &'static str) {
        self.unit = Some(code);
        self.kind = Kind::Money;
    }

    /// Multiplies the stated number and its precision (a scale, cents).
    pub fn scale(&mut self, f: f64) {
        self.value *= f;
        self.half *= f;
    }
}

pub(crate) struct Sc<'a> {
    pub b: &'a [u8],
}

impl Sc<'_> {
    /// A figure starting at `i` (a digit or a number word): the number, what
    /// is attached to it, the rules that make it no figure, its qualifier,
    /// range or ratio, and a restatement in brackets.
    pub(crate) fn figure(&self, i: usize, floor: usize) -> Result<(Raw, usize), Reject> {
        let num = self
            .number(i)
            .map_err(|resume| rules::NOT_A_NUMBER.at(resume))?;
        let mut c = Cand::new(i, floor, num);
        self.attach(&mut c)?;
        self.read_context(&mut c);
        rules::first(self, &c, rules::CONTEXT)?;
        self.range(&mut c)?;
        self.ratio(&mut c);
        self.qualifier_after(&mut c);
        rules::first(self, &c, rules::FINAL)?;
        self.money_tail(&mut c);
        if c.noun.is_none() && !c.stop_noun && c.kind != Kind::Percent {
            c.noun = self.noun_after(c.end);
        }
        let raw = Raw {
            start: c.start,
            end: c.end,
            value: Some(c.value),
            kind: c.kind,
            unit: c.unit,
            qualifier: c.qualifier,
            half: c.half,
            bounds: c.bounds,
            noun: c.noun,
            restated: None,
        };
        Ok(self.restatement(raw))
    }

    /// The word before the figure and its qualifier.
    fn read_context(&self, c: &mut Cand) {
        let b = self.b;
        c.before_space = self.back_hs(c.left);
        c.pw = self.prev_word(c.left, c.floor.min(c.left));
        if let Some((s, e)) = c.pw
            && let Some(l) = lower(&b[s..e], &mut c.pl)
        {
            c.pl_len = l.len();
        }
        c.bare = c.kind == Kind::Count && c.unit.is_none();
        c.start = c.left;
        if let Some((q, qs)) = self.qualifier_before(c.left, c.floor) {
            if q == Qualifier::Range {
                c.between = true;
            } else {
                c.qualifier = q;
            }
            c.start = qs;
        }
    }

    /// A figure starting with the word `i..we`, or `None` when the word
    /// cannot start one.
    fn word_figure(
        &self,
        i: usize,
        we: usize,
        floor: usize,
    ) -> Option<Result<(Raw, usize), Reject>> {
        let w = &self.b[i..we];
        // Only words that can start a figure are looked up.
        if !may_start_figure(w) {
            return None;
        }
        let mut buf = [0u8; 24];
        let l: &[u8] = lower(w, &mut buf)?;
        // "a" and "an" (common words) start a number only before a scale
        // or "few": without one, the answer `number` would give, at once.
        if matches!(l, b"a" | b"an")
            && !self.a_scale_after(we)
            && !self.is_word(self.next_word(we), b"few")
        {
            return Some(Err(rules::NOT_A_NUMBER.at(we.max(i + 1))));
        }
        if context::vague_start(l) {
            Some(self.vague(i, we, l, floor))
        } else if lexicon::num_word(l).is_some() {
            Some(self.figure(i, floor))
        } else {
            None
        }
    }

    /// Where to go on after a word that starts no figure: past a URL.
    #[inline]
    fn after_word(&self, i: usize, we: usize) -> usize {
        let b = self.b;
        let first = b[i] | 0x20;
        if first != b'h' && first != b'w' {
            return we;
        }
        self.after_url(i, we)
    }

    /// Past a URL starting with the word `i..we` ("http", "https", "www").
    fn after_url(&self, i: usize, we: usize) -> usize {
        let b = self.b;
        let w = &b[i..we];
        if (w.eq_ignore_ascii_case(b"http") || w.eq_ignore_ascii_case(b"https"))
            && b[we..].starts_with(b"://")
            || (w.eq_ignore_ascii_case(b"www") && b.get(we) == Some(&b'.'))
        {
            return self.token_end(we);
        }
        we
    }

    pub(crate) fn digit(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_digit)
    }

    pub(crate) fn letter(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_alphabetic)
    }

    /// Length of the horizontal space character at `i` (0 if none): space,
    /// tab, no-break, thin and other fixed-width spaces.
    pub(crate) fn hs_len(&self, i: usize) -> usize {
        let b = self.b;
        match b.get(i) {
            Some(b' ' | b'\t') => 1,
            Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
            Some(0xE2)
                if b.get(i + 1) == Some(&0x80)
                    && matches!(b.get(i + 2), Some(0x80..=0x8A | 0xAF)) =>
            {
                3
            }
            _ => 0,
        }
    }

    pub(crate) fn skip_hs(&self, mut i: usize) -> usize {
        loop {
            let l = self.hs_len(i);
            if l == 0 {
                return i;
            }
            i += l;
        }
    }

    /// Moves back over horizontal space ending at `i` (exclusive).
    pub(crate) fn back_hs(&self, mut i: usize) -> usize {
        let b = self.b;
        loop {
            if i > 0 && matches!(b[i - 1], b' ' | b'\t') {
                i -= 1;
            } else if i >= 2 && b[i - 2] == 0xC2 && b[i - 1] == 0xA0 {
                i -= 2;
            } else if i >= 3
                && b[i - 3] == 0xE2
                && b[i - 2] == 0x80
                && matches!(b[i - 1], 0x80..=0x8A | 0xAF)
            {
                i -= 3;
            } else {
                return i;
            }
        }
    }

    pub(crate) fn word_end(&self, mut i: usize) -> usize {
        while self.letter(i) {
            i += 1;
        }
        i
    }

    pub(crate) fn word_start(&self, mut j: usize) -> usize {
        while j > 0 && self.b[j - 1].is_ascii_alphabetic() {
            j -= 1;
        }
        j
    }

    /// End of the run of non-space bytes from `i`.
    pub(crate) fn token_end(&self, mut i: usize) -> usize {
        while i < self.b.len() && !self.b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    }

    /// The word after `p` (across horizontal space).
    pub(crate) fn next_word(&self, p: usize) -> Option<(usize, usize)> {
        let q = self.skip_hs(p);
        self.letter(q).then(|| (q, self.word_end(q)))
    }

    /// The word before `p` (across horizontal space), not before `floor`.
    pub(crate) fn prev_word(&self, p: usize, floor: usize) -> Option<(usize, usize)> {
        let q = self.back_hs(p);
        (q > floor && self.b[q - 1].is_ascii_alphabetic()).then(|| (self.word_start(q), q))
    }

    pub(crate) fn is_word(&self, span: Option<(usize, usize)>, w: &[u8]) -> bool {
        span.is_some_and(|(s, e)| self.b[s..e].eq_ignore_ascii_case(w))
    }

    /// The char ending at `p`, if any.
    pub(crate) fn char_before(&self, p: usize) -> Option<char> {
        // Most text is ASCII: one byte is one char.
        if p > 0 && self.b[p - 1].is_ascii() {
            return Some(char::from(self.b[p - 1]));
        }
        let mut s = p;
        while s > 0 {
            s -= 1;
            if self.b[s] & 0xC0 != 0x80 {
                break;
            }
        }
        if s == p {
            return None;
        }
        std::str::from_utf8(&self.b[s..p]).ok()?.chars().next()
    }

    /// Whether `p` starts a sentence: only space, an opening quote or bracket,
    /// a bullet or sentence-ending punctuation before it.
    pub(crate) fn sentence_start(&self, p: usize) -> bool {
        let mut q = self.back_hs(p);
        loop {
            match self.char_before(q) {
                None => return true,
                Some('"' | '“' | '‘' | '\'' | '(' | '[' | '*' | '•' | '–' | '—' | '-') => {
                    q -= self.char_before(q).map_or(1, char::len_utf8);
                    q = self.back_hs(q);
                }
                Some('.' | '!' | '?' | ':' | ';' | '\n' | '\r' | '|' | '>') => return true,
                Some(_) => return false,
            }
        }
    }

    /// The end of a chain of digit groups joined by spaces, hyphens, dots or
    /// brackets, from `j` (a phone or reference number).
    pub(crate) fn chain_end(&self, mut j: usize) -> usize {
        let b = self.b;
        loop {
            while self.digit(j) {
                j += 1;
            }
            let mut k = j;
            while k < b.len()
                && matches!(b[k], b' ' | b'-' | b'.' | b'(' | b')' | b'/')
                && k - j < 3
            {
                k += 1;
            }
            if k > j && self.digit(k) {
                j = k;
            } else {
                return j;
            }
        }
    }

    /// Whether a plural noun follows `end` ("15 people", "11 users", and in
    /// a Title Case headline "With 100 Drones").
    pub(crate) fn plural_after(&self, end: usize) -> bool {
        let b = self.b;
        self.next_word(end).is_some_and(|(s, e)| {
            let mut bb = [0u8; 24];
            lower(&b[s..e], &mut bb).is_some_and(|l| {
                (b[s].is_ascii_lowercase() || b[s + 1..e].iter().all(u8::is_ascii_lowercase))
                    && !lexicon::stop_word(l)
                    && (l == b"people" || (l.len() > 3 && l.ends_with(b"s") && !l.ends_with(b"ss")))
            })
        })
    }

    /// Where to resume after a reference number, past a second one joined
    /// by a dash, "to", "and" or "or" ("pages 3-5", "aged 18 to 24").
    pub(crate) fn reference_tail(&self, end: usize) -> usize {
        let b = self.b;
        let p = self.skip_hs(end);
        let q = if matches!(b.get(p), Some(b'-')) {
            p + 1
        } else if b[p.min(b.len())..].starts_with("–".as_bytes()) {
            p + 3
        } else if let Some((s, e)) = self.next_word(end)
            && [&b"to"[..], b"and", b"or", b"of"]
                .iter()
                .any(|w| b[s..e].eq_ignore_ascii_case(w))
        {
            e
        } else {
            return end;
        };
        let r = self.skip_hs(q);
        if self.digit(r) {
            self.chain_end(r)
        } else {
            end
        }
    }

    /// Where to resume after a rejected number that may head a range ("2022-2024").
    pub(crate) fn range_skip(&self, end: usize) -> usize {
        let b = self.b;
        if matches!(b.get(end), Some(b'-' | b'/')) && self.digit(end + 1) {
            let mut j = end + 1;
            while self.digit(j) {
                j += 1;
            }
            return j;
        }
        if b[end.min(b.len())..].starts_with("–".as_bytes()) && self.digit(end + 3) {
            let mut j = end + 3;
            while self.digit(j) {
                j += 1;
            }
            return j;
        }
        end
    }

    /// "£2bn sterling", and cents in words after a symbol and whole units
    /// ("c $ 100 and fifty").
    fn money_tail(&self, c: &mut Cand) {
        let b = self.b;
        if c.kind == Kind::Money
            && c.left < c.i
            && c.num.plain_int
            && c.bounds.is_none()
            && self.is_word(self.next_word(c.end), b"and")
            && let Some((cents, ce)) = self.cents_after(c.end)
        {
            let q = self.skip_hs(self.next_word(c.end).map_or(c.end, |x| x.1));
            if self.letter(q) {
                c.value += cents;
                c.end = ce;
            }
        }
        if c.unit == Some("GBP")
            && let Some((s1, e1)) = self.next_word(c.end)
            && b[s1..e1].eq_ignore_ascii_case(b"sterling")
        {
            c.end = e1;
        }
    }

    /// A restatement in another currency in brackets: "$50bn (£38.5bn)".
    /// Gives the figure and where scanning goes on.
    fn restatement(&self, mut raw: Raw) -> (Raw, usize) {
        let b = self.b;
        let end = raw.end;
        if raw.kind != Kind::Money {
            return (raw, end);
        }
        let p = self.skip_hs(end);
        if b.get(p) != Some(&b'(') {
            return (raw, end);
        }
        let mut d = p + 1;
        let lim = (p + 40).min(b.len());
        while d < lim && !b[d].is_ascii_digit() && b[d] != b')' && b[d] != b'\n' {
            d += 1;
        }
        if d < lim
            && b[d].is_ascii_digit()
            && let Ok((inner, ie)) = self.figure(d, p + 1)
        {
            let close = self.skip_hs(ie);
            if inner.kind == Kind::Money
                && inner.unit != raw.unit
                && inner.bounds.is_none()
                && b.get(close) == Some(&b')')
            {
                raw.restated = Some(Box::new(Raw {
                    noun: None,
                    ..inner
                }));
                return (raw, close + 1);
            }
        }
        (raw, end)
    }
}
