//! Numbers as written: digits with their separators and decimals, scale
//! words and suffixes ("2.26bn", "1.5 million") and numbers in words
//! ("twenty-five thousand", "half a million"). What a number is (a figure, a
//! date, a measure) is decided elsewhere.

// A byte scanner reads best with short names for positions (i, j, p, q, e),
// compares scale factors it set itself exactly (1.0, 1e6), and keeps the
// shape of a number as flags.
#![allow(
    clippy::many_single_char_names,
    clippy::float_cmp,
    clippy::struct_excessive_bools
)]

use super::lexicon::{self, NumWord, lower};
use super::scan::{MAX_VALUE, Sc};

/// A number as read from the text, before its unit and context.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num {
    pub(crate) end: usize,
    pub(crate) value: f64,
    pub(crate) half: f64,
    /// Written (partly) in words.
    pub(crate) words: bool,
    /// Digits only: no separator, no decimals, no scale.
    pub(crate) plain_int: bool,
    pub(crate) int_len: usize,
    /// The word "one" alone.
    pub(crate) single_one: bool,
    /// Starts with a capitalised number word ("Seven").
    pub(crate) capital_word: bool,
    /// A scale was applied (thousand, bn, k...).
    pub(crate) scaled: f64,
    /// A lowercase "m" glued to the digits was read as million.
    pub(crate) small_m: bool,
    /// A single digit with a glued "k" ("4K", "5k"): a resolution or a race.
    pub(crate) small_k: bool,
    /// Digits after the decimal point.
    pub(crate) decimals: u32,
}

/// The digits of a number as written, separators dropped, for parsing.
struct DigitBuf {
    buf: [u8; 40],
    n: usize,
    overflow: bool,
}

impl Default for DigitBuf {
    fn default() -> Self {
        Self {
            buf: [0; 40],
            n: 0,
            overflow: false,
        }
    }
}

impl DigitBuf {
    fn push(&mut self, c: u8) {
        if self.n < self.buf.len() {
            self.buf[self.n] = c;
            self.n += 1;
        } else {
            self.overflow = true;
        }
    }
}

/// The value of digits with at most one decimal point ("1234", "2.26"),
/// as `str::parse` gives it. Most numbers have few digits: up to 15
/// significant digits the digits are an exact integer and a power of ten
/// up to 1e22 is exact, so one division is the correctly rounded value
/// (Clinger's fast path, the one `dec2flt` takes too); longer numbers go
/// through `str::parse`.
fn parse_digits(s: &[u8]) -> f64 {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let slow = || {
        std::str::from_utf8(s)
            .ok()
            .and_then(|t| t.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    if s.is_empty() || s.len() > 16 {
        return slow();
    }
    let mut m: u64 = 0;
    let mut point: Option<usize> = None;
    for (k, &c) in s.iter().enumerate() {
        match c {
            b'0'..=b'9' => m = m * 10 + u64::from(c - b'0'),
            b'.' if point.is_none() => point = Some(k),
            _ => return slow(),
        }
    }
    let decimals = point.map_or(0, |p| s.len() - p - 1);
    let digits = s.len() - usize::from(point.is_some());
    if digits == 0 || digits > 15 {
        return slow();
    }
    // `m` < 1e15 < 2^53: exact as f64, as is 10^decimals (decimals <= 15).
    let v = m as f64;
    v / POW10[decimals]
}

/// Digits as read: value, end and shape.
pub(crate) struct Digits {
    end: usize,
    value: f64,
    decimals: u32,
    int_len: usize,
    grouped: bool,
    /// Not a figure (a version "2.1.3", leading zeros "020", too long).
    bad: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum St {
    Start,
    Int,
    Dec,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    And,
    A,
    Done,
}

impl Sc<'_> {
    /// Reads digits at `i`: separators (comma, thin or no-break space, or a
    /// plain space between groups of three), decimals (point, or a comma
    /// before one or two digits), Indian and European grouping.
    fn digits(&self, i: usize) -> Digits {
        let b = self.b;
        let mut buf = DigitBuf::default();
        let mut j = i;
        let mut decimals = 0u32;
        let mut grouped = false;
        let int_len;
        if b[j] == b'.' {
            int_len = 0;
            buf.push(b'0');
            buf.push(b'.');
            j += 1;
            while self.digit(j) {
                buf.push(b[j]);
                decimals += 1;
                j += 1;
            }
        } else {
            let s0 = j;
            while self.digit(j) {
                buf.push(b[j]);
                j += 1;
            }
            int_len = j - s0;
            if int_len <= 3 {
                (j, grouped, decimals) = self.groups(&mut buf, j, int_len);
            }
            (j, decimals) = self.decimals(&mut buf, i, j, int_len, grouped, decimals);
        }
        let mut bad = buf.overflow || (int_len > 1 && b[i] == b'0');
        // A version or an address: "2.1.3", "192.168.0.1".
        if b.get(j) == Some(&b'.') && self.digit(j + 1) {
            bad = true;
            while self.digit(j) || (b.get(j) == Some(&b'.') && self.digit(j + 1)) {
                j += 1;
            }
        }
        let value = parse_digits(&buf.buf[..buf.n]);
        if !value.is_finite() || value > MAX_VALUE {
            bad = true;
        }
        Digits {
            end: j,
            value,
            decimals,
            int_len,
            grouped,
            bad,
        }
    }

    /// Whether three digits and no fourth start at `k`.
    fn three(&self, k: usize) -> bool {
        self.digit(k) && self.digit(k + 1) && self.digit(k + 2) && !self.digit(k + 3)
    }

    /// Digit groups after the first one to three digits ending at `j`:
    /// groups of three after a comma or a (thin, no-break or plain) space,
    /// Indian grouping (12,34,567), European grouping with a decimal comma
    /// (1.111,11). Gives the end, whether groups were read, and decimals.
    fn groups(&self, buf: &mut DigitBuf, mut j: usize, int_len: usize) -> (usize, bool, u32) {
        let b = self.b;
        let mut grouped = false;
        let mut comma: Option<bool> = None;
        loop {
            let (sl, is_comma) = if b.get(j) == Some(&b',') {
                (1, true)
            } else {
                let l = self.hs_len(j);
                // Two numbers separated by an ordinary space are two ("400
                // 737 Max jets"); a chain of three groups or more is one
                // number written with spaces ("1 234 567").
                let chain = grouped || self.hs_len(j + 4) == 1 && self.three(j + 5);
                if l == 0 || l == 1 && !chain {
                    break;
                }
                (l, false)
            };
            if comma.is_some_and(|c| c != is_comma) || !self.three(j + sl) {
                break;
            }
            // "1,234.5" is fine, but "1,234,56" or "1,2345" is not a grouping.
            comma = Some(is_comma);
            for k in 0..3 {
                buf.push(b[j + sl + k]);
            }
            j += sl + 3;
            grouped = true;
        }
        if !grouped && b.get(j) == Some(&b',') && int_len <= 2 {
            // Indian grouping: 12,34,567.
            let mut k = j;
            let mut pairs = 0;
            while b.get(k) == Some(&b',')
                && self.digit(k + 1)
                && self.digit(k + 2)
                && !self.digit(k + 3)
                && b.get(k + 3) == Some(&b',')
            {
                k += 3;
                pairs += 1;
            }
            if pairs > 0 && b.get(k) == Some(&b',') && self.three(k + 1) {
                for &c in &b[j..k + 4] {
                    if c != b',' {
                        buf.push(c);
                    }
                }
                return (k + 4, true, 0);
            }
        }
        if !grouped && b.get(j) == Some(&b'.') && self.three(j + 1) {
            // European grouping with a decimal comma: 1.111,11.
            let mut k = j;
            while b.get(k) == Some(&b'.') && self.three(k + 1) {
                k += 4;
            }
            if b.get(k) == Some(&b',')
                && self.digit(k + 1)
                && (!self.digit(k + 2) || !self.digit(k + 3))
            {
                for &c in &b[j..k] {
                    if c != b'.' {
                        buf.push(c);
                    }
                }
                buf.push(b'.');
                let mut decimals = 0;
                j = k + 1;
                while self.digit(j) {
                    buf.push(b[j]);
                    decimals += 1;
                    j += 1;
                }
                return (j, true, decimals);
            }
        }
        (j, grouped, 0)
    }

    /// Decimals after the integer part ending at `j`: a point, or a
    /// decimal comma before one or two digits that is not in a list ("1,3").
    fn decimals(
        &self,
        buf: &mut DigitBuf,
        i: usize,
        mut j: usize,
        int_len: usize,
        grouped: bool,
        mut decimals: u32,
    ) -> (usize, u32) {
        let b = self.b;
        if decimals == 0 && b.get(j) == Some(&b'.') && self.digit(j + 1) {
            buf.push(b'.');
            j += 1;
            while self.digit(j) {
                buf.push(b[j]);
                decimals += 1;
                j += 1;
            }
        } else if decimals == 0
            && !grouped
            && int_len <= 3
            && b.get(j) == Some(&b',')
            && self.digit(j + 1)
        {
            let mut k = j + 1;
            while self.digit(k) {
                k += 1;
            }
            let frac = k - j - 1;
            let list_after = b.get(k) == Some(&b',') && self.digit(k + 1);
            let list_before = i >= 2 && b[i - 1] == b',' && self.digit(i - 2);
            if frac <= 2 && !list_after && !list_before {
                buf.push(b'.');
                for &d in &b[j + 1..k] {
                    buf.push(d);
                }
                decimals = frac as u32;
                j = k;
            }
        }
        (j, decimals)
    }

    /// A scale word or suffix at `p` (after digits): its factor and end.
    pub(crate) fn scale_at(&self, p: usize, glued: bool) -> Option<(f64, usize)> {
        if !self.letter(p) {
            return None;
        }
        let we = self.word_end(p);
        if self.digit(we) {
            return None;
        }
        let w = &self.b[p..we];
        let f = lexicon::scale_suffix(w, !glued)?;
        // "2.33 k" is a scale, "2 k-pop" is not.
        if !glued && w.len() <= 2 && self.b.get(we) == Some(&b'-') {
            return None;
        }
        Some((f, we))
    }

    /// Reads a number (digits, words or both) at `i`. `Err` gives where to
    /// resume scanning when there is none.
    pub(crate) fn number(&self, i: usize) -> Result<Num, usize> {
        let mut s = Reading::new(i);
        while let Flow::Next = self.number_step(&mut s)? {}
        self.number_done(&s, i)
    }

    /// One token of a number: digits or a word.
    fn number_step(&self, s: &mut Reading) -> Result<Flow, usize> {
        let b = self.b;
        let t = if s.tokens == 0 {
            s.pos
        } else {
            self.skip_hs(s.pos)
        };
        // A hyphen (or a spaced hyphen) joins tens and units: "twenty-five", "fifty - two".
        let mut hy = t;
        let mut hyphen = false;
        if s.st == St::Tens || (matches!(s.st, St::Int | St::Dec) && s.tokens == 1) {
            if b.get(t) == Some(&b'-') {
                hy = self.skip_hs(t + 1);
                hyphen = true;
            } else if b[t.min(b.len())..].starts_with("–".as_bytes()) {
                hy = self.skip_hs(t + 3);
                hyphen = true;
            }
        }
        let t = if hyphen { hy } else { t };
        if t >= b.len() {
            return Ok(Flow::Stop);
        }
        let c = b[t];
        if c.is_ascii_digit() || (s.tokens == 0 && c == b'.') {
            if hyphen {
                return Ok(Flow::Stop);
            }
            if s.tokens == 0 {
                return self.first_digits(s, t);
            }
            return Ok(self.digits_after_words(s, t));
        }
        if !c.is_ascii_alphabetic() {
            return Ok(Flow::Stop);
        }
        Ok(self.number_word(s, t, hyphen))
    }

    /// The digits a number starts with, and a glued scale: "100k", "$2bn", "1.2b".
    fn first_digits(&self, s: &mut Reading, t: usize) -> Result<Flow, usize> {
        let b = self.b;
        let d = self.digits(t);
        if d.bad {
            return Err(self.chain_end(d.end));
        }
        s.digit_start = true;
        s.group = d.value;
        s.last_piece = d.value;
        s.decimals = d.decimals;
        s.int_len = d.int_len;
        s.plain_int = d.decimals == 0 && !d.grouped;
        let mut e = d.end;
        if let Some((f, we)) = self.scale_at(e, true) {
            s.small_m = &b[e..we] == b"m";
            s.small_k = matches!(&b[e..we], b"k" | b"K") && d.decimals == 0 && d.value < 10.0;
            s.group *= f;
            s.first_scale = f;
            s.last_scale = f;
            s.total = s.group;
            s.group = 0.0;
            s.plain_int = false;
            e = we;
            s.st = St::Done;
        } else if d.decimals > 0 {
            s.st = St::Dec;
        } else if d.grouped || d.value >= 1000.0 {
            // Only a scale may follow "1,500".
            s.st = St::Dec;
        } else {
            s.st = St::Int;
        }
        s.end = e;
        s.pos = e;
        s.tokens += 1;
        Ok(Flow::Next)
    }

    /// Digits after number words: "4 thousand 3 hundred", "a hundred and 5".
    fn digits_after_words(&self, s: &mut Reading, t: usize) -> Flow {
        let b = self.b;
        if !matches!(s.st, St::Scale | St::And) {
            return Flow::Stop;
        }
        let d = self.digits(t);
        if d.bad || d.decimals > 0 || d.grouped || d.value >= 1000.0 {
            return Flow::Stop;
        }
        // Digits after a scale only when a hundred or scale follows.
        if s.st == St::Scale {
            let next = self.next_word(d.end);
            let ok = next.is_some_and(|(ns, ne)| {
                let mut buf = [0u8; 24];
                lower(&b[ns..ne], &mut buf).is_some_and(|l| {
                    matches!(
                        lexicon::num_word(l),
                        Some(NumWord::Hundred | NumWord::Scale(_))
                    )
                })
            });
            if !ok {
                return Flow::Stop;
            }
        } else if d.value >= 100.0 {
            return Flow::Stop;
        }
        s.group += d.value;
        s.last_piece = d.value;
        s.after_first_scale = true;
        s.st = St::Int;
        s.end = d.end;
        s.pos = d.end;
        s.tokens += 1;
        Flow::Next
    }

    /// A word of a number (or a spaced scale after digits, "5 bn").
    fn number_word(&self, s: &mut Reading, t: usize, hyphen: bool) -> Flow {
        let b = self.b;
        let we = self.word_end(t);
        if self.digit(we) {
            return Flow::Stop;
        }
        let w = &b[t..we];
        let mut buf = [0u8; 24];
        let Some(l) = lower(w, &mut buf) else {
            return Flow::Stop;
        };
        let l: &[u8] = l;
        // A spaced short scale after digits: "2.33 k", "5 bn", "1,674.5 G".
        if s.digit_start
            && s.tokens == 1
            && matches!(s.st, St::Int | St::Dec)
            && !hyphen
            && lexicon::num_word(l).is_none()
        {
            // Glued letters were read with the digits; only a spaced word is a scale here.
            if let Some((f, se)) = self.scale_at(t, t == s.pos) {
                s.total = s.group * f;
                s.group = 0.0;
                s.first_scale = f;
                s.plain_int = false;
                s.end = se;
            }
            return Flow::Stop;
        }
        if l == b"point" && s.words && !matches!(s.st, St::Start | St::A | St::And | St::Done) {
            self.point_decimals(s, we);
            return Flow::Stop;
        }
        if l == b"and" {
            return self.and_word(s, we);
        }
        if self.fraction_of_scale(s, l, we) {
            return Flow::Stop;
        }
        // "three thousand millions": a plural scale after a scale multiplies it.
        let nw = match l {
            b"thousands" | b"millions" | b"billions" if s.st == St::Scale => {
                lexicon::num_word(&l[..l.len() - 1])
            }
            _ => lexicon::num_word(l),
        };
        let Some(nw) = nw else {
            return Flow::Stop;
        };
        if hyphen
            && !matches!(nw, NumWord::Small(1..=9))
            && !(matches!(s.st, St::Int | St::Dec) && matches!(nw, NumWord::Scale(_)))
        {
            return Flow::Stop;
        }
        let first = s.tokens == 0;
        let accepted = match nw {
            NumWord::Small(n) => s.small(n, first),
            NumWord::Tens(n) => s.tens(n),
            NumWord::Hundred => s.hundred(),
            NumWord::Scale(x) => s.scale(x),
            NumWord::Dozen => s.dozen(first),
            NumWord::A => {
                if self.a_word(s, we) {
                    return Flow::Next;
                }
                Acc::No
            }
            NumWord::Half | NumWord::Quarter => {
                if self.fraction_word(s, nw, we) {
                    return Flow::Next;
                }
                Acc::No
            }
        };
        match accepted {
            Acc::No => return Flow::Stop,
            Acc::Back => {
                // The "and" joined two numbers: "two hundred and three hundred".
                if let Some((e, t0, g0)) = s.ckpt {
                    s.end = e;
                    s.total = t0;
                    s.group = g0;
                }
                return Flow::Stop;
            }
            Acc::Yes => {}
        }
        if first && w[0].is_ascii_uppercase() {
            s.capital_word = true;
        }
        if !first {
            s.single_one = false;
        }
        s.words = true;
        s.tokens += 1;
        s.end = we;
        s.pos = we;
        if s.st == St::Done {
            Flow::Stop
        } else {
            Flow::Next
        }
    }

    /// Decimals in words: "two hundred point zero three".
    fn point_decimals(&self, s: &mut Reading, we: usize) {
        let mut p = we;
        let mut frac = 0.0;
        let mut scale = 0.1;
        let mut any = false;
        while let Some((ws, e)) = self.next_word(p) {
            let mut buf2 = [0u8; 24];
            match lower(&self.b[ws..e], &mut buf2).and_then(lexicon::num_word) {
                Some(NumWord::Small(d)) if d < 10 => {
                    frac += f64::from(d) * scale;
                    scale /= 10.0;
                    p = e;
                    any = true;
                }
                _ => break,
            }
        }
        if !any {
            return;
        }
        s.point_decimals = Some(frac);
        s.end = p;
        // "two point two million": the scale takes the whole number.
        if s.total == 0.0
            && let Some((ws, we)) = self.next_word(p)
        {
            let mut buf = [0u8; 24];
            if let Some(NumWord::Scale(x)) =
                lower(&self.b[ws..we], &mut buf).and_then(lexicon::num_word)
            {
                s.group = (s.group + frac) * s.mult * x;
                s.mult = 1.0;
                s.point_decimals = None;
                s.last_scale = x;
                s.end = we;
            }
        }
    }

    /// A fraction of a scale in words: "three quarters of a billion", "two
    /// thirds of a million". Gives whether it was one.
    fn fraction_of_scale(&self, s: &mut Reading, l: &[u8], we: usize) -> bool {
        let part = match l {
            b"quarters" => 0.25,
            b"thirds" => 1.0 / 3.0,
            _ => return false,
        };
        if !matches!(s.st, St::Unit | St::Teen) || s.tokens != 1 {
            return false;
        }
        let of = self.next_word(we);
        let a = of.and_then(|(_, e)| self.next_word(e));
        let scale = a.and_then(|(_, e)| self.next_word(e));
        let (Some(_), Some(_), Some((ss, se))) = (of, a, scale) else {
            return false;
        };
        if !self.is_word(of, b"of") || !(self.is_word(a, b"a") || self.is_word(a, b"an")) {
            return false;
        }
        let mut buf = [0u8; 24];
        let Some(NumWord::Scale(x)) = lower(&self.b[ss..se], &mut buf).and_then(lexicon::num_word)
        else {
            return false;
        };
        s.total = s.group * part * x;
        s.group = 0.0;
        s.last_scale = x;
        s.st = St::Done;
        s.words = true;
        s.end = se;
        s.pos = se;
        s.tokens += 1;
        true
    }

    /// "and" inside a number: "two and a half", "a hundred and five".
    fn and_word(&self, s: &mut Reading, we: usize) -> Flow {
        let b = self.b;
        // "two and a half (million)": a half or a quarter after a whole number.
        if matches!(s.st, St::Unit | St::Teen | St::Tens | St::Int) && !s.has_hundred {
            let a = self.next_word(we);
            let h = a.and_then(|(_, e)| self.next_word(e));
            if (self.is_word(a, b"a") || self.is_word(a, b"an"))
                && let Some((hs, he)) = h
            {
                let f = if b[hs..he].eq_ignore_ascii_case(b"half") {
                    0.5
                } else if b[hs..he].eq_ignore_ascii_case(b"quarter") {
                    0.25
                } else {
                    0.0
                };
                if f > 0.0 && !self.letter(he) && b.get(he) != Some(&b'-') {
                    s.group += f;
                    s.last_piece += f;
                    s.words = true;
                    s.end = he;
                    s.pos = he;
                    s.tokens += 1;
                    s.st = St::Dec;
                    return Flow::Next;
                }
            }
        }
        if !matches!(s.st, St::Hundred | St::Scale) {
            return Flow::Stop;
        }
        s.ckpt = Some((s.end, s.total, s.group));
        s.st = St::And;
        s.pos = we;
        Flow::Next
    }

    /// "a" before hundred, thousand, dozen: "a hundred", "a million".
    fn a_word(&self, s: &mut Reading, we: usize) -> bool {
        let ok = s.st == St::Start && self.a_scale_after(we);
        if ok {
            s.group = 1.0;
            s.last_piece = 1.0;
            s.st = St::A;
            // "a" alone is no number: the end moves only with what follows.
            s.pos = we;
            s.tokens += 1;
            s.words = true;
        }
        ok
    }

    /// Whether the word after "a" (ending at `we`) makes it a number: a
    /// hundred, a scale, a quarter or a dozen.
    pub(crate) fn a_scale_after(&self, we: usize) -> bool {
        let b = self.b;
        self.next_word(we).is_some_and(|(ns, ne)| {
            let mut buf2 = [0u8; 24];
            matches!(
                lower(&b[ns..ne], &mut buf2).and_then(lexicon::num_word),
                Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Quarter)
            ) || b[ns..ne].eq_ignore_ascii_case(b"dozen")
        })
    }

    /// "half a million", "quarter of a million", "a quarter million".
    fn fraction_word(&self, s: &mut Reading, nw: NumWord, we: usize) -> bool {
        let ok = matches!(s.st, St::Start | St::A) && s.mult == 1.0;
        if ok {
            s.mult = if nw == NumWord::Half { 0.5 } else { 0.25 };
            let mut p = we;
            let mut nx = self.next_word(p);
            if self.is_word(nx, b"of") {
                p = nx.map_or(p, |x| x.1);
                nx = self.next_word(p);
            }
            if self.is_word(nx, b"a") || self.is_word(nx, b"an") {
                p = nx.map_or(p, |x| x.1);
            }
            s.group = 1.0;
            s.last_piece = 1.0;
            s.st = St::A;
            s.pos = p;
            s.tokens += 1;
            s.words = true;
        }
        ok
    }

    /// The number read, with its stated precision.
    fn number_done(&self, s: &Reading, i: usize) -> Result<Num, usize> {
        if s.end == i || s.st == St::A && s.end <= i {
            return Err(self.word_end(i).max(i + 1));
        }
        let mut value = (s.total + s.group) * s.mult;
        if let Some(f) = s.point_decimals {
            value += f;
        }
        if !value.is_finite() || value > MAX_VALUE {
            return Err(s.end);
        }
        // Stated precision: digits with a decimal point or a scale and nothing
        // after it ("£2.26bn", "1.5 million", "800 million").
        let mut half = 0.0;
        if s.digit_start && !s.after_first_scale && (s.decimals > 0 || s.first_scale >= 1000.0) {
            half =
                0.5 * 10f64.powi(-i32::try_from(s.decimals).unwrap_or(30)) * s.first_scale * s.mult;
        }
        let scaled = if s.digit_start && s.first_scale > 1.0 {
            s.first_scale
        } else if s.words && s.total > 0.0 {
            s.last_scale
        } else {
            1.0
        };
        Ok(Num {
            end: s.end,
            value,
            half,
            words: s.words,
            plain_int: s.plain_int && !s.words && s.tokens == 1,
            int_len: s.int_len,
            single_one: s.single_one && s.tokens == 1,
            capital_word: s.capital_word,
            scaled,
            small_m: s.small_m,
            small_k: s.small_k,
            decimals: s.decimals,
        })
    }
}

/// Whether the number goes on after a token.
enum Flow {
    Next,
    Stop,
}

/// Whether a number word fits where it stands.
enum Acc {
    Yes,
    No,
    /// No, and the "and" before it joined two numbers: go back before it.
    Back,
}

/// A number being read, token by token.
struct Reading {
    st: St,
    total: f64,
    group: f64,
    last_piece: f64,
    has_hundred: bool,
    last_scale: f64,
    mult: f64,
    end: usize,
    pos: usize,
    words: bool,
    tokens: usize,
    plain_int: bool,
    int_len: usize,
    decimals: u32,
    first_scale: f64,
    after_first_scale: bool,
    digit_start: bool,
    single_one: bool,
    capital_word: bool,
    small_m: bool,
    small_k: bool,
    /// Where to fall back when an "and" turns out to join two numbers.
    ckpt: Option<(usize, f64, f64)>,
    point_decimals: Option<f64>,
}

impl Reading {
    fn new(i: usize) -> Self {
        Self {
            st: St::Start,
            total: 0.0,
            group: 0.0,
            last_piece: 0.0,
            has_hundred: false,
            last_scale: f64::INFINITY,
            mult: 1.0,
            end: i,
            pos: i,
            words: false,
            tokens: 0,
            plain_int: false,
            int_len: 0,
            decimals: 0,
            first_scale: 1.0,
            after_first_scale: false,
            digit_start: false,
            single_one: false,
            capital_word: false,
            small_m: false,
            small_k: false,
            ckpt: None,
            point_decimals: None,
        }
    }

    /// zero to nineteen.
    fn small(&mut self, n: u32, first: bool) -> Acc {
        let ok = match self.st {
            St::Start | St::Hundred | St::Scale | St::And => true,
            St::Tens => (1..=9).contains(&n),
            _ => false,
        };
        if !ok {
            return Acc::No;
        }
        if self.st == St::Tens {
            self.last_piece += f64::from(n);
        } else {
            self.last_piece = f64::from(n);
        }
        self.group += f64::from(n);
        self.st = if n == 0 || n >= 10 {
            St::Teen
        } else {
            St::Unit
        };
        if first {
            self.single_one = n == 1;
        }
        Acc::Yes
    }

    /// twenty to ninety.
    fn tens(&mut self, n: u32) -> Acc {
        if !matches!(self.st, St::Start | St::Hundred | St::Scale | St::And) {
            return Acc::No;
        }
        self.group += f64::from(n);
        self.last_piece = f64::from(n);
        self.st = St::Tens;
        Acc::Yes
    }

    /// hundred.
    fn hundred(&mut self) -> Acc {
        let ok = matches!(self.st, St::Unit | St::Teen | St::Int | St::A | St::Dec)
            && !self.has_hundred
            && self.group > 0.0
            && self.group < 1000.0;
        if ok {
            self.group *= 100.0;
            self.last_piece = self.group;
            self.has_hundred = true;
            self.st = if self.st == St::Dec {
                St::Done
            } else {
                St::Hundred
            };
            Acc::Yes
        } else if self.ckpt.is_some() && matches!(self.st, St::Unit | St::Teen | St::Int) {
            Acc::Back
        } else {
            Acc::No
        }
    }

    /// thousand, million, ..., lakh, crore.
    fn scale(&mut self, x: f64) -> Acc {
        // "three thousand million(s)": a larger scale right after a scale
        // multiplies the whole number, as a crore after a lakh does.
        let lakh_crore = self.st == St::Scale
            && self.group == 0.0
            && x > self.last_scale
            && self.total > 0.0
            && self.decimals == 0;
        let ok = (matches!(
            self.st,
            St::Unit | St::Teen | St::Tens | St::Hundred | St::Int | St::Dec | St::A
        ) || (lakh_crore && self.st == St::Scale))
            && (x < self.last_scale || lakh_crore)
            && (self.group > 0.0 || lakh_crore);
        if ok {
            if lakh_crore && self.group == 0.0 {
                self.total *= x;
            } else {
                self.total += self.group * x;
            }
            if self.first_scale == 1.0 && self.digit_start && self.tokens == 1 {
                self.first_scale = x;
            } else {
                self.after_first_scale = true;
            }
            self.group = 0.0;
            self.last_scale = x;
            self.has_hundred = false;
            self.st = if self.decimals > 0 {
                St::Done
            } else {
                St::Scale
            };
            Acc::Yes
        } else if self.ckpt.is_some() && matches!(self.st, St::Unit | St::Teen | St::Tens) {
            Acc::Back
        } else {
            Acc::No
        }
    }

    /// "dozen" after a number: "two dozen".
    fn dozen(&mut self, first: bool) -> Acc {
        let ok = matches!(self.st, St::Unit | St::Teen | St::Tens | St::Int | St::A) && !first;
        if !ok {
            return Acc::No;
        }
        self.group += self.last_piece * 11.0;
        self.st = St::Done;
        self.after_first_scale = true;
        Acc::Yes
    }
}

#[cfg(test)]
mod tests {
    use super::parse_digits;
    use proptest::prelude::*;

    #[test]
    fn digits_read_as_str_parse_reads_them() {
        for s in [
            "0",
            "5",
            "2.26",
            ".5",
            "5.",
            ".",
            "",
            "1234567890123",
            "0.1",
            "0.3",
            "123456789012345",
            "1234567890123456",
            "9007199254740993",
            "1.000000000000001",
            "1..2",
        ] {
            let want = s.parse::<f64>().unwrap_or(f64::NAN);
            let got = parse_digits(s.as_bytes());
            assert!(
                got.to_bits() == want.to_bits() || got.is_nan() && want.is_nan(),
                "{s}"
            );
        }
    }

    proptest! {
        #[test]
        fn any_digits_read_as_str_parse_reads_them(s in "[0-9]{0,18}(\\.[0-9]{0,18})?") {
            let want = s.parse::<f64>().unwrap_or(f64::NAN);
            let got = parse_digits(s.as_bytes());
            prop_assert!(got.to_bits() == want.to_bits() || got.is_nan() && want.is_nan(), "{}", s);
        }
    }
}
