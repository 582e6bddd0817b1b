//! What is attached to a number: a currency before it, glued letters and
//! signs, symbols after it, a hyphenated compound, and the word after it (a
//! percent word, a currency, a duration). Where the shape itself says the
//! number is no figure (a measure, a clock time, a name joined to letters),
//! it is rejected here by a named rule of [`super::rules`].

// A byte scanner reads best with short names for positions (i, j, p, q, e)
// and compares scale factors it set itself exactly (1.0, 1e6).
#![allow(clippy::many_single_char_names, clippy::float_cmp)]

use super::Kind;
use super::lexicon::{self, context, lower};
use super::rules::{self, Reject};
use super::scan::{Cand, Sc};

impl Sc<'_> {
    /// Everything attached to the number of `c`, left and right.
    pub(crate) fn attach(&self, c: &mut Cand) -> Result<(), Reject> {
        self.attach_left(c)?;
        self.attach_glued(c)?;
        self.attach_symbols(c);
        self.attach_compound(c)?;
        if !c.percent && !c.hyphen_compound {
            self.attach_word(c)?;
        }
        self.check_glued_scale(c)?;
        if c.percent {
            c.kind = Kind::Percent;
            if c.unit.is_some_and(|u| u.len() == 3) {
                return Err(rules::MONEY_PERCENT.at(c.end));
            }
            c.unit = Some("%");
        }
        Ok(())
    }

    /// A currency before the number, then glued characters that make it no figure.
    fn attach_left(&self, c: &mut Cand) -> Result<(), Reject> {
        let b = self.b;
        let i = c.i;
        if let Some((code, cs)) = self.currency_before(i, c.floor) {
            c.money(code);
            c.left = cs;
        }
        if self.minus_before(c.left) {
            return Err(rules::NEGATIVE.at(c.skip));
        }
        if c.left != i || i == 0 {
            return Ok(());
        }
        let p = b[i - 1];
        if p.is_ascii_alphabetic()
            || matches!(
                p,
                b'/' | b':' | b'#' | b'@' | b'^' | b'=' | b'_' | b'\\' | b'&'
            )
        {
            return Err(rules::GLUED_BEFORE.at(self.token_end(i)));
        }
        if p == b'+' && (i < 2 || !b[i - 2].is_ascii_alphanumeric()) {
            return Err(rules::PHONE.at(self.chain_end(i)));
        }
        if p == b'-'
            && i >= 2
            && (b[i - 2].is_ascii_alphanumeric()
                || self.char_before(i - 1).is_some_and(char::is_alphanumeric))
        {
            return Err(rules::HYPHENATED_NAME.at(self.token_end(i)));
        }
        if p == b'.' && i >= 2 && b[i - 2].is_ascii_digit() {
            return Err(rules::DOTTED_NUMBER.at(self.token_end(i)));
        }
        if let Some(ch) = self.char_before(i)
            && !ch.is_ascii()
            && ch.is_alphabetic()
        {
            return Err(rules::GLUED_BEFORE.at(c.skip));
        }
        Ok(())
    }

    /// Whether a minus sign stands right before `left`, not joining a word
    /// or a number before it: "-1.2M", "fell -0.3%", "(−5)".
    fn minus_before(&self, left: usize) -> bool {
        let b = self.b;
        let sign = if left >= 1 && b[left - 1] == b'-' {
            1
        } else if left >= 3 && &b[left - 3..left] == "−".as_bytes() {
            3
        } else {
            return false;
        };
        let p = left - sign;
        p == 0
            || matches!(
                b[p - 1],
                b' ' | b'\t' | b'(' | b'[' | b'\n' | b'\r' | b'"' | b':'
            )
    }

    /// Letters and signs glued right after the number: "50p", "5pc", "20%",
    /// "50GBP"; "3/4", "10:30", "1990's", "40°" make it no figure.
    fn attach_glued(&self, c: &mut Cand) -> Result<(), Reject> {
        let b = self.b;
        let end = c.end;
        let Some(&ch) = b.get(end) else {
            return Ok(());
        };
        if ch.is_ascii_alphabetic() && !c.num.words {
            let we = self.word_end(end);
            if self.digit(we) {
                return Err(rules::GLUED_AFTER.at(self.token_end(end)));
            }
            let w = &b[end..we];
            let mut buf = [0u8; 24];
            let l: &[u8] = lower(w, &mut buf).unwrap_or(b"");
            if c.unit.is_none() && l == b"p" {
                c.money("GBP");
                c.scale(0.01);
                c.end = we;
            } else if context::percent_suffix(l) {
                c.percent = true;
                c.end = we;
            } else if let Some(code) = lexicon::iso_code(w).or_else(|| lexicon::prefix(w)) {
                if c.unit.is_some_and(|u| u != code) {
                    return Err(rules::TWO_CURRENCIES.at(we));
                }
                c.money(code);
                c.end = we;
            } else {
                return Err(rules::GLUED_AFTER.at(self.token_end(end)));
            }
        } else if ch == b'%' {
            c.percent = true;
            c.end += 1;
        } else if (ch == b'/' || ch == b':') && self.digit(end + 1) {
            return Err(rules::FRACTION_OR_CLOCK.at(self.token_end(end)));
        } else if ch == b'\'' && b.get(end + 1) == Some(&b's') {
            return Err(rules::DECADE.at(end + 2));
        } else if b[end..].starts_with("°".as_bytes()) {
            return Err(rules::MEASURE.at(end + 2));
        } else if ch == b'.' && self.letter(end + 1) && !c.num.words {
            // "10.30am" or a domain.
            return Err(rules::GLUED_AFTER.at(self.token_end(end)));
        }
        Ok(())
    }

    /// A currency sign after the number, maybe spaced ("50$", "5 €", "100元"), or a spaced "%".
    fn attach_symbols(&self, c: &mut Cand) {
        let b = self.b;
        // A dollar sign after the number, not heading another.
        if c.unit.is_none() && !c.percent {
            let p = self.skip_hs(c.end);
            if b.get(p) == Some(&b'$') && !self.digit(self.skip_hs(p + 1)) && !self.letter(p + 1) {
                c.money("USD");
                c.end = p + 1;
            }
        }
        if !c.percent && c.unit.is_none() && b[c.end..].starts_with("¢".as_bytes()) {
            // "10¢": cents.
            c.money("USD");
            c.scale(0.01);
            c.end += "¢".len();
            return;
        }
        if !c.percent {
            let p = self.skip_hs(c.end);
            if let Some((code, l)) = lexicon::currency_symbol(&b[p.min(b.len())..]) {
                if c.unit.is_none() {
                    c.money(code);
                    c.end = p + l;
                }
            } else if b.get(p) == Some(&b'%') {
                c.percent = true;
                c.end = p + 1;
            }
        }
    }

    /// Hyphenated compounds: "12,000-strong", "four-brigade", "12-cent",
    /// "five-year". Money is never a compound's head: "the £1bn-a-year
    /// scheme" is £1bn.
    fn attach_compound(&self, c: &mut Cand) -> Result<(), Reject> {
        let b = self.b;
        let end = c.end;
        if c.num.small_m && b.get(end) == Some(&b'-') && c.unit.is_none() {
            // "a 20m-high wall": metres.
            return Err(rules::MEASURE.at(self.token_end(end)));
        }
        if c.percent || c.kind != Kind::Count || b.get(end) != Some(&b'-') || !self.letter(end + 1)
        {
            return Ok(());
        }
        let ws = end + 1;
        let we = self.word_end(ws);
        let mut buf = [0u8; 24];
        let l: &[u8] = lower(&b[ws..we], &mut buf).unwrap_or(b"");
        if let Some((u, f)) = lexicon::duration_unit(l) {
            if b[we..].starts_with(b"-old") || c.unit.is_some() {
                return Err(rules::AGE.at(self.token_end(end)));
            }
            c.unit = Some(u);
            c.scale(f);
            c.end = we;
            c.stop_noun = true;
        } else if (l == b"cent" || l == b"cents") && c.unit.is_none() {
            c.money("USD");
            c.scale(0.01);
            c.end = we;
            c.stop_noun = true;
        } else if l == b"percent" || l == b"per" && b[we..].starts_with(b"-cent") {
            c.percent = true;
            c.end = if l == b"per" { we + 5 } else { we };
            c.stop_noun = true;
        } else if c.num.single_one
            || lexicon::measure_unit(&b[ws..we])
            || lexicon::month(l, &b[ws..we])
            || lexicon::fraction_word(l)
            || context::compound_no_figure(l)
        {
            if l == b"plus" {
                // "50-plus": a qualifier, read later.
            } else if l == b"odd" && !c.num.single_one {
                c.odd = true;
                c.end = we;
            } else {
                return Err(rules::NO_FIGURE_COMPOUND.at(self.token_end(end)));
            }
        } else {
            c.hyphen_compound = true;
            if l != b"strong" {
                c.noun = Some((ws, we));
            }
            c.end = we;
            c.stop_noun = true;
        }
        Ok(())
    }

    /// The word after the number, across a space: percent words, currency
    /// words and codes, durations; measures, dates and clock times make it
    /// no figure.
    fn attach_word(&self, c: &mut Cand) -> Result<(), Reject> {
        let b = self.b;
        let Some((ws, we)) = self.next_word(c.end) else {
            return Ok(());
        };
        let w = &b[ws..we];
        let mut buf = [0u8; 24];
        let l: &[u8] = lower(w, &mut buf).unwrap_or(b"");
        let next2 = self.next_word(we);
        let mut buf2 = [0u8; 24];
        let l2: &[u8] = next2
            .and_then(|(s, e)| lower(&b[s..e], &mut buf2))
            .map_or(b"", |x| x);
        // A plural denominator takes any numerator, a singular one only "one".
        if c.num.words
            && lexicon::fraction_word(l)
            && !matches!(l, b"half" | b"quarter")
            && (l.ends_with(b"s") || c.num.single_one)
        {
            return Err(rules::FRACTION.at(we));
        }
        if context::percent_word(l) || l == b"percentage" {
            c.percent = true;
            c.end = we;
            if l == b"percentage"
                && (l2 == b"point" || l2 == b"points")
                && let Some((_, e2)) = next2
            {
                c.end = e2;
            } else if l == b"percentage" {
                c.percent = false;
                c.end = c.num.end;
            }
        } else if l == b"per" && (l2 == b"cent" || l2 == b"cents") {
            c.percent = true;
            c.end = next2.map_or(we, |x| x.1);
        } else if let Some(code) = Self::code_after(w) {
            self.code_word(c, code, w, we);
        } else if c.unit.is_none()
            && let Some((code, f, name_end)) = self.currency_words(ws)
        {
            if matches!(l, b"pound" | b"pounds") && self.weight(c, name_end) {
                return Err(rules::POUNDS_OF_WEIGHT.at(name_end));
            }
            c.money(code);
            c.scale(f);
            c.end = name_end;
            if f == 1.0
                && c.num.half == 0.0
                && let Some((cents, ce)) = self.cents_after(name_end)
            {
                c.value += cents;
                c.end = ce;
            }
        } else if c.unit.is_none()
            && let Some((u, f)) = lexicon::duration_unit(l)
        {
            // "45 years old", "45 years of age".
            if l2 == b"old"
                || l2 == b"of" && self.is_word(self.next_word(next2.map_or(we, |x| x.1)), b"age")
            {
                return Err(rules::AGE.at(we));
            }
            c.unit = Some(u);
            c.scale(f);
            c.end = we;
        } else if c.unit.is_none() && lexicon::measure_unit(w) {
            return Err(rules::MEASURE.at(we));
        } else if lexicon::month(l, w) && c.num.plain_int && c.value <= 31.0 {
            return Err(rules::DATE.at(we));
        } else if c.num.plain_int
            && c.value <= 24.0
            && (context::clock_word(l) || (l == b"a" || l == b"p") && b.get(we) == Some(&b'.'))
            || c.num.plain_int && l == b"o" && b.get(we) == Some(&b'\'')
        {
            return Err(rules::CLOCK_TIME.at(we));
        }
        Ok(())
    }

    /// Whether "pounds" after the number weigh: a word of weight before it
    /// ("weighed 200 pounds"), "heavier" or "lighter" after it, or "pounds
    /// of" a thing that is not money ("5 pounds of sugar"; "millions of
    /// pounds of public money" stays money).
    fn weight(&self, c: &Cand, name_end: usize) -> bool {
        let b = self.b;
        let mut p = c.left;
        for _ in 0..3 {
            let Some((s, e)) = self.prev_word(p, c.floor) else {
                break;
            };
            let mut buf = [0u8; 24];
            if lower(&b[s..e], &mut buf).is_some_and(context::weight_word) {
                return true;
            }
            p = s;
        }
        let mut buf = [0u8; 24];
        let Some((s, e)) = self.next_word(name_end) else {
            return false;
        };
        let l = lower(&b[s..e], &mut buf).unwrap_or(b"");
        if matches!(l, b"heavier" | b"lighter") {
            return true;
        }
        if l != b"of" || c.num.scaled > 1.0 {
            return false;
        }
        let mut buf2 = [0u8; 24];
        self.next_word(e).is_some_and(|(s2, e2)| {
            b[s2].is_ascii_lowercase()
                && lower(&b[s2..e2], &mut buf2)
                    .is_some_and(|w| !context::money_word(w) && !lexicon::stop_word(w))
        })
    }

    /// An ISO code after the number: "50 EUR", "100 usd", "30 MUSD" (millions).
    fn code_after(w: &[u8]) -> Option<&'static str> {
        lexicon::iso_code(w)
            .or_else(|| lexicon::lowercase_code(w))
            .or_else(|| lexicon::prefix(w))
            .or_else(|| {
                (w.len() == 4 && w[0] == b'M')
                    .then(|| lexicon::iso_code(&w[1..]))
                    .flatten()
            })
    }

    /// Money by a code after the number, with a scale after it ("75 USD
    /// million") or cents ("15 USD 50").
    fn code_word(&self, c: &mut Cand, code: &'static str, w: &[u8], we: usize) {
        if c.unit.is_some() && c.unit != Some(code) {
            return;
        }
        if w.len() == 4 {
            c.scale(1e6);
        }
        c.money(code);
        c.end = we;
        if let Some((f, se)) = self.scale_at(self.skip_hs(we), false)
            && c.num.scaled == 1.0
        {
            c.value *= f;
            if c.num.half > 0.0 || f >= 1000.0 {
                c.half = 0.5
                    * f
                    * if c.num.half > 0.0 {
                        c.num.half * 2.0
                    } else {
                        1.0
                    };
            }
            c.end = se;
        } else if let Some((cents, ce)) = self.cents_after(we) {
            c.value += cents;
            c.end = ce;
        }
    }

    /// A glued "k" or "m" with no currency: "4K" is a resolution, "5k" a
    /// race, "1m" a measure unless a plain noun follows ("1m people").
    fn check_glued_scale(&self, c: &Cand) -> Result<(), Reject> {
        let b = self.b;
        if c.num.small_k && c.unit.is_none() && !c.percent {
            return Err(rules::GLUED_K.at(c.end));
        }
        if c.num.small_m && c.unit.is_none() && !c.percent {
            let ok = self.next_word(c.end).is_some_and(|(s, e)| {
                let mut buf = [0u8; 24];
                lower(&b[s..e], &mut buf).is_some_and(|l| {
                    !lexicon::stop_word(l)
                        && !context::dimension_word(l)
                        && b[s].is_ascii_lowercase()
                })
            });
            if !ok {
                return Err(rules::MEASURE.at(c.end));
            }
        }
        Ok(())
    }

    /// A currency written before the number at `i`: `$`, `US$`, `C$`, `£`,
    /// `€`, `USD`, `Rs`... Gives the code and where it starts.
    pub(crate) fn currency_before(&self, i: usize, floor: usize) -> Option<(&'static str, usize)> {
        let b = self.b;
        let q = self.back_hs(i);
        if q <= floor {
            return None;
        }
        if b[q - 1] == b'$' {
            return Some(self.dollar_before(q - 1, floor));
        }
        if let Some(ch) = self.char_before(q)
            && !ch.is_ascii()
        {
            let l = ch.len_utf8();
            return lexicon::currency_symbol(&b[q - l..]).map(|(code, _)| (code, q - l));
        }
        if b[q - 1].is_ascii_alphabetic() {
            let ws = self.word_start(q);
            if ws < floor {
                return None;
            }
            let w = &b[ws..q];
            if let Some(code) = lexicon::code_before(w)
                .or_else(|| lexicon::lowercase_code(w))
                .or_else(|| lexicon::prefix(w))
            {
                return Some((code, ws));
            }
        }
        // An abbreviation with a full stop: "Rs. 500".
        if b[q - 1] == b'.' && q >= 2 && self.letter(q - 2) {
            let ws = self.word_start(q - 1);
            if let Some(code) = lexicon::prefix(&b[ws..q - 1])
                && ws >= floor
            {
                return Some((code, ws));
            }
        }
        None
    }

    /// A dollar sign at `cs` and its country prefix: "US$", "C$", "nzd$",
    /// or spaced as in "c $ 100".
    fn dollar_before(&self, cs: usize, floor: usize) -> (&'static str, usize) {
        let b = self.b;
        let p = self.back_hs(cs);
        if p > floor && b[p - 1].is_ascii_alphabetic() {
            let ws = self.word_start(p);
            let mut buf = [0u8; 24];
            if let Some(code) = lower(&b[ws..p], &mut buf).and_then(lexicon::dollar_prefix) {
                let spaced = p != cs;
                let single = p - ws == 1;
                // "a $5 loan" is dollars, "A$5" Australian dollars.
                let ok = if spaced {
                    (!single || b[ws] == b'c') && ws >= floor && !self.letter(ws.wrapping_sub(1))
                } else {
                    ws >= floor && (!single || b[ws].is_ascii_uppercase() || p - ws > 1)
                };
                if ok && (ws == 0 || !b[ws - 1].is_ascii_alphanumeric()) {
                    return (code, ws);
                }
            }
        }
        ("USD", cs)
    }

    /// A currency in words at `ws`: "pounds", "US dollars", "U.S. dollars",
    /// "Hong Kong dollars". Gives the code, the factor to the major unit and the end.
    pub(crate) fn currency_words(&self, ws: usize) -> Option<(&'static str, f64, usize)> {
        let b = self.b;
        let we = self.word_end(ws);
        let mut b1 = [0u8; 24];
        let l = lower(&b[ws..we], &mut b1)?;
        if let Some((code, f)) = lexicon::currency_name(l) {
            // "50 euro cents".
            if f == 1.0
                && code != "USD"
                && let Some((s2, e2)) = self.next_word(we)
                && (b[s2..e2].eq_ignore_ascii_case(b"cents")
                    || b[s2..e2].eq_ignore_ascii_case(b"cent"))
            {
                return Some((code, 0.01, e2));
            }
            return Some((code, f, we));
        }
        // "U.S. dollars".
        let (adj, after_adj): (&[u8], usize) =
            if b[ws..].len() >= 4 && b[ws..ws + 4].eq_ignore_ascii_case(b"u.s.") {
                (b"us", ws + 4)
            } else {
                (l, we)
            };
        // Most words after a number are no country adjective: no look further.
        if !lexicon::country_shape(adj) {
            return None;
        }
        let (s2, e2) = self.next_word(after_adj)?;
        let mut b2 = [0u8; 24];
        let l2 = lower(&b[s2..e2], &mut b2)?;
        if let Some(code) = lexicon::currency_country(adj, l2) {
            return Some((code, 1.0, e2));
        }
        // Two-word countries: "Hong Kong", "New Zealand", "South African".
        if lexicon::country_head(adj) {
            let (s3, e3) = self.next_word(e2)?;
            let mut b3 = [0u8; 24];
            let l3 = lower(&b[s3..e3], &mut b3)?;
            let mut two = [0u8; 49];
            let n = adj.len() + 1 + l2.len();
            two[..adj.len()].copy_from_slice(adj);
            two[adj.len()] = b' ';
            two[adj.len() + 1..n].copy_from_slice(l2);
            if let Some(code) = lexicon::currency_country(&two[..n], l3) {
                return Some((code, 1.0, e3));
            }
        }
        None
    }

    /// Cents after a major currency name: "3 dollars 50 cents", "thirteen
    /// dollars and forty-five cents", "15 dollars and 15".
    pub(crate) fn cents_after(&self, p: usize) -> Option<(f64, usize)> {
        let b = self.b;
        let mut q = self.skip_hs(p);
        if q == p {
            return None;
        }
        if let Some((s, e)) = self.next_word(p)
            && b[s..e].eq_ignore_ascii_case(b"and")
        {
            q = self.skip_hs(e);
        }
        if !(self.digit(q) || self.letter(q)) {
            return None;
        }
        let n = self.number(q).ok()?;
        if n.value >= 100.0 || n.value.fract() != 0.0 || n.half > 0.0 || n.scaled > 1.0 {
            return None;
        }
        if self.letter(n.end) || self.digit(n.end) {
            return None;
        }
        let mut e = n.end;
        if let Some((s, we)) = self.next_word(e) {
            let mut buf = [0u8; 24];
            let l: &[u8] = lower(&b[s..we], &mut buf).unwrap_or(b"");
            if context::cents_word(l) {
                e = we;
            } else if lexicon::currency_name(l).is_some()
                || self.currency_words(s).is_some()
                || lexicon::duration_unit(l).is_some()
                || lexicon::measure_unit(&b[s..we])
                || context::not_cents(l)
            {
                return None;
            }
        }
        if b.get(e) == Some(&b'%') {
            return None;
        }
        Some((n.value / 100.0, e))
    }
}
