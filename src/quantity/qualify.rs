//! What qualifies a figure: a qualifier phrase before it ("at least") or
//! after it ("or more", "50+"), a range ("1,500-2,000", "between 3 and 5",
//! "15 or 16"), a ratio ("one in five"), and the noun it counts.

// A byte scanner reads best with short names for positions (i, j, p, q, e)
// and compares scale factors it set itself exactly (1.0, 1e6).
#![allow(clippy::many_single_char_names, clippy::float_cmp)]

use super::lexicon::{self, context, lower, qualifiers};
use super::number::Num;
use super::rules::{self, Reject};
use super::scan::{Cand, MAX_VALUE, Sc};
use super::{Kind, Qualifier};

impl Sc<'_> {
    /// The qualifier before `left` (the figure's first byte), and where it starts.
    pub(crate) fn qualifier_before(&self, left: usize, floor: usize) -> Option<(Qualifier, usize)> {
        let b = self.b;
        // "~5", "~ 5".
        let q = self.back_hs(left);
        if q > floor && b[q - 1] == b'~' {
            return Some((Qualifier::About, q - 1));
        }
        // Look no further back unless the word before the figure can end a phrase.
        let (s0, e0) = self.prev_word(left, floor)?;
        let mut b0 = [0u8; 24];
        if !qualifiers::ends_phrase(lower(&b[s0..e0], &mut b0)?) {
            return None;
        }
        let mut ws = [(0, 0); qualifiers::MAX_WORDS];
        let mut n = 0;
        let mut p = left;
        while n < qualifiers::MAX_WORDS {
            let Some(span) = self.prev_word(p, floor) else {
                break;
            };
            ws[n] = span;
            n += 1;
            p = span.0;
        }
        let mut bufs = [[0u8; 24]; qualifiers::MAX_WORDS];
        let mut lw: [&[u8]; qualifiers::MAX_WORDS] = [b""; qualifiers::MAX_WORDS];
        for (k, buf) in bufs.iter_mut().enumerate().take(n) {
            let (s, e) = ws[k];
            lw[k] = lower(&b[s..e], buf).unwrap_or(b"");
        }
        // lw[0] is the word right before the figure; the longest phrase wins.
        for len in (1..=n).rev() {
            if let Some(q) = qualifiers::before(&lw[..len]) {
                return Some((q, ws[len - 1].0));
            }
        }
        None
    }

    /// A range after the figure: "1,500-2,000", "1,500 to 2,000", "between
    /// 1,500 and 2,000", "15 or 16". Two bare numbers joined by a dash, the
    /// first not smaller, are a score.
    pub(crate) fn range(&self, c: &mut Cand) -> Result<(), Reject> {
        let b = self.b;
        if c.unit.is_none()
            && !c.percent
            && let Some(e) = self.measure_range(c.end)
        {
            return Err(rules::MEASURE_RANGE.at(e));
        }
        if self.is_word(self.next_word(c.end), b"to") && self.change_before(c.left, c.floor) {
            // A change states two figures ("from 0.90 to 1.23 per cent"): the
            // earlier value takes the later one's percent or currency.
            if c.unit.is_none()
                && !c.between
                && let Some((_, Some(u2), _, _)) =
                    self.range_after(c.end, false, false, c.unit, c.percent, &c.num)
                && self.is_word(self.next_word(c.end), b"to")
            {
                c.unit = Some(u2);
                if u2 == "%" {
                    c.kind = Kind::Percent;
                } else if lexicon::iso_code(u2.as_bytes()).is_some() {
                    c.kind = Kind::Money;
                } else {
                    c.unit = None;
                }
            }
            return Ok(());
        }
        if let Some((v2, u2, p2, e2)) =
            self.range_after(c.end, c.between, false, c.unit, c.percent, &c.num)
        {
            let mut a = c.value;
            if c.num.scaled == 1.0 && p2 > 1.0 && a * p2 <= v2 {
                a *= p2;
            }
            let units_ok = c.unit.is_none() || u2.is_none() || c.unit == u2;
            let p = self.skip_hs(c.end);
            let dashed = b.get(p) == Some(&b'-') || b[p.min(b.len())..].starts_with("–".as_bytes());
            if dashed && a >= v2 && c.num.plain_int {
                return Err(rules::SCORE.at(e2));
            }
            if a < v2 && units_ok {
                if c.unit.is_none()
                    && let Some(u) = u2
                {
                    c.unit = Some(u);
                    if u == "%" {
                        c.kind = Kind::Percent;
                    } else if u.len() == 3 && u.bytes().all(|x| x.is_ascii_uppercase()) {
                        c.kind = Kind::Money;
                    }
                }
                c.value = a;
                c.bounds = Some((a, v2));
                c.qualifier = Qualifier::Range;
                c.end = e2;
            }
        }
        if c.between && c.bounds.is_none() {
            // "between" without a range: the word is no qualifier.
            c.start = c.left;
        }
        Ok(())
    }

    /// Whether a word of change governs the figure starting at `left`: one
    /// of the three words before it ("fell 12% to", "down by 30 to 126",
    /// "rose from 5 to"), so "X to Y" after it is a change, not a range.
    fn change_before(&self, left: usize, floor: usize) -> bool {
        let mut p = left;
        for _ in 0..3 {
            let Some((s, e)) = self.prev_word(p, floor) else {
                return false;
            };
            let mut buf = [0u8; 24];
            if lower(&self.b[s..e], &mut buf).is_some_and(context::change_word) {
                return true;
            }
            p = s;
        }
        false
    }

    /// The end of a range of measures after `end`: "3 to 5 kilometres",
    /// "5-6 mm", "between 3 and 5 km" (every part of it is no figure).
    fn measure_range(&self, end: usize) -> Option<usize> {
        let b = self.b;
        let p = self.skip_hs(end);
        let q = if b.get(p) == Some(&b'-') {
            p + 1
        } else if b[p.min(b.len())..].starts_with("–".as_bytes())
            || b[p.min(b.len())..].starts_with("—".as_bytes())
        {
            p + 3
        } else {
            let (ws, we) = self.next_word(end)?;
            let w = &b[ws..we];
            if !(w.eq_ignore_ascii_case(b"to")
                || w.eq_ignore_ascii_case(b"and")
                || w.eq_ignore_ascii_case(b"or"))
            {
                return None;
            }
            we
        };
        let r = self.skip_hs(q);
        if !(self.digit(r) || self.letter(r)) {
            return None;
        }
        let n2 = self.number(r).ok()?;
        let e = n2.end;
        if self.letter(e) {
            // A glued "m" may be millions ("5-6m people"): read as its figure says.
            let we = self.word_end(e);
            let w = &b[e..we];
            return (w != b"m" && w != b"M" && lexicon::measure_unit(w)).then_some(we);
        }
        let (ws, we) = self.next_word(e)?;
        lexicon::measure_unit(&b[ws..we]).then_some(we)
    }

    /// A ratio makes a percentage: "one in five", "1 out of 3".
    pub(crate) fn ratio(&self, c: &mut Cand) {
        if c.bounds.is_none()
            && c.kind == Kind::Count
            && c.unit.is_none()
            && c.qualifier == Qualifier::Exact
            && let Some((v2, e2)) = self.ratio_after(c.end, c.value)
        {
            c.value = 100.0 * c.value / v2;
            c.kind = Kind::Percent;
            c.unit = Some("%");
            c.end = e2;
            c.half = 0.0;
        }
    }

    /// "20-odd" is about 20; qualifiers after: "five or more", "10 or so", "50+", "50-plus".
    pub(crate) fn qualifier_after(&self, c: &mut Cand) {
        let b = self.b;
        if c.odd && c.qualifier == Qualifier::Exact && c.bounds.is_none() {
            c.qualifier = Qualifier::About;
        }
        if c.qualifier != Qualifier::Exact || c.bounds.is_some() {
            return;
        }
        let end = c.end;
        if b.get(end) == Some(&b'+') && !self.digit(end + 1) {
            c.qualifier = Qualifier::AtLeast;
            c.end += 1;
        } else if b[end..].starts_with(b"-plus") && !self.letter(end + 5) {
            c.qualifier = Qualifier::AtLeast;
            c.end += 5;
        } else if let Some((s1, e1)) = self.next_word(end)
            && let Some((s2, e2)) = self.next_word(e1)
        {
            let mut b1 = [0u8; 24];
            let mut b2 = [0u8; 24];
            if let (Some(w1), Some(w2)) = (lower(&b[s1..e1], &mut b1), lower(&b[s2..e2], &mut b2))
                && let Some(q) = qualifiers::after(&[w1, w2])
            {
                c.qualifier = q;
                c.end = e2;
            }
        }
    }

    /// The second half of a range after `end`: (value, unit, its scale, end).
    #[allow(clippy::type_complexity)]
    fn range_after(
        &self,
        end: usize,
        between: bool,
        change: bool,
        unit: Option<&'static str>,
        percent: bool,
        first: &Num,
    ) -> Option<(f64, Option<&'static str>, f64, usize)> {
        let b = self.b;
        let p = self.skip_hs(end);
        let dash = if b.get(p) == Some(&b'-') {
            Some(p + 1)
        } else if b[p.min(b.len())..].starts_with("–".as_bytes())
            || b[p.min(b.len())..].starts_with("—".as_bytes())
        {
            Some(p + 3)
        } else {
            None
        };
        let q = if let Some(d) = dash {
            if between {
                return None;
            }
            self.skip_hs(d)
        } else {
            let (ws, we) = self.next_word(end)?;
            let w = &b[ws..we];
            let ok = if between {
                w.eq_ignore_ascii_case(b"and")
            } else {
                (w.eq_ignore_ascii_case(b"to") && !change) || w.eq_ignore_ascii_case(b"or")
            };
            if !ok {
                return None;
            }
            self.skip_hs(we)
        };
        // The second part may repeat the currency: "$5bn-$6bn", "£2bn to £3bn".
        let mut r = q;
        let mut u2: Option<&'static str> = None;
        if b.get(r) == Some(&b'$') {
            // "C$5-$6": the second dollar sign repeats the first's country.
            u2 = Some(match unit {
                Some(u) if lexicon::is_dollar(u) => u,
                _ => "USD",
            });
            r = self.skip_hs(r + 1);
        } else if let Some((code, l)) = lexicon::currency_symbol(&b[r.min(b.len())..]) {
            u2 = Some(code);
            r = self.skip_hs(r + l);
        }
        if !(self.digit(r) || self.letter(r)) {
            return None;
        }
        let n2 = self.number(r).ok()?;
        if n2.single_one && !first.words {
            return None;
        }
        // Phone numbers and references: "555-1234", "1111-2222-3333".
        if dash.is_some()
            && first.plain_int
            && n2.plain_int
            && n2.int_len > first.int_len
            && n2.int_len >= 4
        {
            return None;
        }
        let mut e = n2.end;
        if matches!(b.get(e), Some(b'-' | b'/')) && self.digit(e + 1) {
            return None;
        }
        if self.letter(e) && !n2.words {
            return None;
        }
        let mut v2 = n2.value;
        let mut pct = false;
        if b.get(e) == Some(&b'%') {
            pct = true;
            e += 1;
        } else if let Some((ws, we)) = self.next_word(e) {
            let mut buf = [0u8; 24];
            let l: &[u8] = lower(&b[ws..we], &mut buf).unwrap_or(b"");
            if l == b"percent" || l == b"pct" {
                pct = true;
                e = we;
            } else if l == b"per"
                && let Some((s2, e2)) = self.next_word(we)
                && b[s2..e2].eq_ignore_ascii_case(b"cent")
            {
                pct = true;
                e = e2;
            } else if let Some(code) = lexicon::iso_code(&b[ws..we]) {
                u2 = Some(code);
                e = we;
            } else if let Some((code, f)) = lexicon::currency_name(l) {
                if f != 1.0 {
                    return None;
                }
                u2 = Some(code);
                e = we;
            } else if let Some((u, f)) = lexicon::duration_unit(l) {
                if f != 1.0 {
                    return None;
                }
                u2 = Some(u);
                e = we;
            } else if lexicon::measure_unit(&b[ws..we]) || lexicon::month(l, &b[ws..we]) {
                return None;
            }
        }
        if pct && !percent && unit.is_some() {
            return None;
        }
        if pct {
            u2 = Some("%");
        }
        if n2.plain_int
            && n2.int_len == 4
            && first.plain_int
            && first.int_len == 4
            && (1000.0..=2100.0).contains(&v2)
        {
            return None;
        }
        if !v2.is_finite() {
            return None;
        }
        v2 = v2.min(MAX_VALUE);
        Some((v2, u2, n2.scaled, e))
    }

    /// "one in five", "1 out of 3": the whole, and the end.
    fn ratio_after(&self, end: usize, part: f64) -> Option<(f64, usize)> {
        let b = self.b;
        let (ws, we) = self.next_word(end)?;
        let w = &b[ws..we];
        let after = if w.eq_ignore_ascii_case(b"in") {
            we
        } else if w.eq_ignore_ascii_case(b"out") {
            let (s2, e2) = self.next_word(we)?;
            if !b[s2..e2].eq_ignore_ascii_case(b"of") {
                return None;
            }
            e2
        } else {
            return None;
        };
        let r = self.skip_hs(after);
        if !(self.digit(r) || self.letter(r)) {
            return None;
        }
        let n2 = self.number(r).ok()?;
        if n2.half > 0.0
            || n2.scaled > 1.0
            || n2.value > 1000.0
            || n2.value <= part
            || part < 1.0
            || part.fract() != 0.0
        {
            return None;
        }
        if self.letter(n2.end) || self.digit(n2.end) {
            return None;
        }
        if let Some((s, e)) = self.next_word(n2.end) {
            let mut buf = [0u8; 24];
            let l: &[u8] = lower(&b[s..e], &mut buf).unwrap_or(b"");
            if lexicon::measure_unit(&b[s..e])
                || lexicon::month(l, &b[s..e])
                || lexicon::duration_unit(l).is_some()
            {
                return None;
            }
        }
        Some((n2.value, n2.end))
    }

    /// Up to four words after a figure that name what it counts.
    pub(crate) fn noun_after(&self, end: usize) -> Option<(usize, usize)> {
        let b = self.b;
        let mut p = end;
        let mut first: Option<usize> = None;
        let mut last = 0;
        for k in 0..4 {
            let q = self.skip_hs(p);
            if q == p && k > 0 || !self.letter(q) {
                break;
            }
            if k == 0 && q == p {
                break;
            }
            let we = self.word_end(q);
            if matches!(b.get(we), Some(b'\'')) && self.letter(we + 1) {
                break;
            }
            let mut buf = [0u8; 24];
            let Some(l) = lower(&b[q..we], &mut buf) else {
                break;
            };
            let l: &[u8] = l;
            if lexicon::stop_word(l)
                || lexicon::num_word(l).is_some()
                || (l.len() > 4
                    && (l.ends_with(b"ed") || l.ends_with(b"ing") || l.ends_with(b"ly")))
            {
                break;
            }
            first.get_or_insert(q);
            last = we;
            p = we;
            // A plural ends the noun: "US lawmakers urge".
            if l.len() > 3 && l.ends_with(b"s") && !l.ends_with(b"ss") && b[q].is_ascii_lowercase()
            {
                break;
            }
        }
        first.map(|s| (s, last))
    }
}
