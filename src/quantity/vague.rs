//! Vague amounts: "a few", "several", "dozens", "scores of", "hundreds",
//! "several thousand", "tens of thousands", "hundreds of thousands",
//! "millions", each read as the spec's interval.

// A byte scanner reads best with short names for positions (i, j, p, q, e)
// and compares scale factors it set itself exactly (1.0, 1e6).
#![allow(clippy::many_single_char_names, clippy::float_cmp)]

use super::lexicon::{self, context, lower};
use super::rules::{self, Reject};
use super::scan::{Raw, Sc};
use super::{Kind, Qualifier};

impl Sc<'_> {
    /// Vague amounts: "a few", "several", "dozens", "scores of", "hundreds",
    /// "several thousand", "tens of thousands", "hundreds of thousands", "millions".
    pub(crate) fn vague(
        &self,
        i: usize,
        we: usize,
        l: &[u8],
        floor: usize,
    ) -> Result<(Raw, usize), Reject> {
        let b = self.b;
        let next = self.next_word(we);
        let mut nb = [0u8; 24];
        let nl: &[u8] = next
            .and_then(|(s, e)| lower(&b[s..e], &mut nb))
            .map_or(b"", |x| x);
        let after_of = |p: usize| -> Option<(usize, &[u8])> {
            let (s, e) = self.next_word(p)?;
            if !b[s..e].eq_ignore_ascii_case(b"of") {
                return None;
            }
            let (s2, e2) = self.next_word(e)?;
            Some((e2, &b[s2..e2]))
        };
        let is = |w: &[u8], x: &[u8]| w.eq_ignore_ascii_case(x);
        let (low, high, end) = match l {
            b"a" => {
                if nl == b"few" {
                    // "a few hundred" is not in the spec's table: read as "several
                    // hundred" is, [2x, 6x - 1].
                    let fe = next.map_or(we, |x| x.1);
                    let scale = self.next_word(fe).and_then(|(s, e)| {
                        let mut sb = [0u8; 24];
                        context::few_scale(lower(&b[s..e], &mut sb)?).map(|x| (x, e))
                    });
                    match scale {
                        Some((x, e)) => (2.0 * x, 6.0 * x - 1.0, e),
                        None => (2.0, 5.0, fe),
                    }
                } else {
                    return self.figure(i, floor);
                }
            }
            b"several" => match nl {
                b"hundred" => (300.0, 999.0, next.map_or(we, |x| x.1)),
                b"thousand" => (3000.0, 9999.0, next.map_or(we, |x| x.1)),
                b"million" => (3e6, 9_999_999.0, next.map_or(we, |x| x.1)),
                b"billion" => (3e9, 9_999_999_999.0, next.map_or(we, |x| x.1)),
                // Not in the spec's table: as "several hundred" is read, [3x, 10x - 1].
                b"dozen" => (36.0, 119.0, next.map_or(we, |x| x.1)),
                _ => (3.0, 9.0, we),
            },
            b"dozens" => (24.0, 143.0, we),
            b"scores" if nl == b"of" => (40.0, 199.0, we),
            b"hundreds" => match after_of(we) {
                Some((e, w)) if is(w, b"thousands") => (200_000.0, 999_999.0, e),
                Some((e, w)) if is(w, b"millions") => (2e8, 999_999_999.0, e),
                _ => (200.0, 999.0, we),
            },
            b"tens" => match after_of(we) {
                Some((e, w)) if is(w, b"thousands") => (20_000.0, 99_999.0, e),
                Some((e, w)) if is(w, b"millions") => (2e7, 99_999_999.0, e),
                Some((e, w)) if is(w, b"billions") => (2e10, 99_999_999_999.0, e),
                _ => return Err(rules::NOT_A_NUMBER.at(we)),
            },
            b"thousands" => (2000.0, 999_999.0, we),
            b"millions" => (2e6, 999e6, we),
            b"billions" => (2e9, 999e9, we),
            _ => return Err(rules::NOT_A_NUMBER.at(we)),
        };
        // A capitalised vague word inside a sentence is a title ("The Thousands").
        if b[i].is_ascii_uppercase() && !self.sentence_start(i) {
            return Err(rules::VAGUE_TITLE.at(end));
        }
        // "dozens" glued to digits or inside a hyphenated word is no amount.
        if i > 0 && (b[i - 1] == b'-' || b[i - 1].is_ascii_alphanumeric())
            || b.get(end) == Some(&b'-')
        {
            return Err(rules::GLUED_BEFORE.at(end));
        }
        let mut kind = Kind::Count;
        let mut unit = None;
        let mut fin = end;
        let mut noun = None;
        // "millions of dollars", "several years", "a few days".
        let nw = self.next_word(end);
        let mut nb2 = [0u8; 24];
        let n1: &[u8] = nw
            .and_then(|(s, e)| lower(&b[s..e], &mut nb2))
            .map_or(b"", |x| x);
        let mut nb3 = [0u8; 24];
        let (cand, cand_end): (&[u8], usize) = if n1 == b"of" {
            let x = nw.and_then(|(_, e)| self.next_word(e));
            let c = x
                .and_then(|(s, e)| lower(&b[s..e], &mut nb3))
                .map_or(&b""[..], |x| x);
            (c, x.map_or(end, |y| y.1))
        } else {
            (n1, nw.map_or(end, |y| y.1))
        };
        let mut lo = low;
        let mut hi = high;
        if let Some((code, f)) = lexicon::currency_name(cand) {
            if f == 1.0 && cand != b"sterling" {
                kind = Kind::Money;
                unit = Some(code);
                fin = cand_end;
            }
        } else if let Some((u, f)) = lexicon::duration_unit(cand)
            && cand.ends_with(b"s")
        {
            unit = Some(u);
            lo *= f;
            hi *= f;
            fin = cand_end;
        }
        if kind == Kind::Count && unit.is_none() {
            let np = if n1 == b"of" {
                nw.map_or(end, |y| y.1)
            } else {
                end
            };
            // "a few hundred metres", "thousands of tonnes": measures.
            if let Some((s, e)) = self.next_word(np)
                && lexicon::measure_unit(&b[s..e])
            {
                return Err(rules::MEASURE.at(e));
            }
            noun = self.noun_after(np);
        }
        Ok((
            Raw {
                start: i,
                end: fin,
                value: None,
                kind,
                unit,
                qualifier: Qualifier::Vague,
                half: 0.0,
                bounds: Some((lo, hi)),
                noun,
                restated: None,
            },
            fin,
        ))
    }
}
