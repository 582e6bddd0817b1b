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

use super::lexicon::{self, NumWord, lower};
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
const MAX_VALUE: f64 = 1e18;

/// Scans `text` and hands every figure to `out`, in order.
pub(crate) fn scan(text: &str, out: &mut impl FnMut(Raw)) {
    let sc = Sc { b: text.as_bytes() };
    let b = sc.b;
    let mut i = 0;
    let mut floor = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit()
            || (c == b'.' && sc.digit(i + 1) && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
        {
            match sc.figure(i, floor) {
                Ok((raw, next)) => {
                    out(raw);
                    floor = next;
                    i = next;
                }
                Err(skip) => i = skip.max(i + 1),
            }
            continue;
        }
        if c.is_ascii_alphabetic() {
            let we = sc.word_end(i);
            if i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'_') {
                i = we;
                continue;
            }
            let w = &b[i..we];
            let first = c | 0x20;
            if (first == b'h' || first == b'w')
                && ((w.eq_ignore_ascii_case(b"http") || w.eq_ignore_ascii_case(b"https"))
                    && b[we..].starts_with(b"://")
                    || (w.eq_ignore_ascii_case(b"www") && b.get(we) == Some(&b'.')))
            {
                i = sc.token_end(we);
                continue;
            }
            // Only words that can start a figure are looked up.
            if w.len() <= 9 && CAN_START[usize::from(first)] {
                let mut buf = [0u8; 24];
                if let Some(l) = lower(w, &mut buf) {
                    let l: &[u8] = l;
                    let res = if is_vague_start(l) {
                        sc.vague(i, we, l, floor)
                    } else if lexicon::num_word(l).is_some() {
                        sc.figure(i, floor)
                    } else {
                        Err(we)
                    };
                    match res {
                        Ok((raw, next)) => {
                            out(raw);
                            floor = next;
                            i = next;
                            continue;
                        }
                        Err(_) => {
                            i = we;
                            continue;
                        }
                    }
                }
            }
            i = we;
            continue;
        }
        i += 1;
    }
}

/// First letters (lowercase) of the words that can start a figure.
const CAN_START: [bool; 256] = {
    let mut t = [false; 256];
    let letters = b"abcdefhlmnoqstz";
    let mut k = 0;
    while k < letters.len() {
        t[letters[k] as usize] = true;
        k += 1;
    }
    t
};

fn is_vague_start(l: &[u8]) -> bool {
    matches!(
        l,
        b"a" | b"several"
            | b"dozens"
            | b"scores"
            | b"hundreds"
            | b"thousands"
            | b"millions"
            | b"billions"
            | b"tens"
    )
}

/// A number as read from the text, before its unit and context.
#[derive(Debug, Clone, Copy)]
struct Num {
    end: usize,
    value: f64,
    half: f64,
    /// Written (partly) in words.
    words: bool,
    /// Digits only: no separator, no decimals, no scale.
    plain_int: bool,
    int_len: usize,
    /// The word "one" alone.
    single_one: bool,
    /// Starts with a capitalised number word ("Seven").
    capital_word: bool,
    /// A scale was applied (thousand, bn, k...).
    scaled: f64,
    /// A lowercase "m" glued to the digits was read as million.
    small_m: bool,
    /// A single digit with a glued "k" ("4K", "5k"): a resolution or a race.
    small_k: bool,
    /// Digits after the decimal point.
    decimals: u32,
}

/// Digits as read: value, end and shape.
struct Digits {
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

struct Sc<'a> {
    b: &'a [u8],
}

impl Sc<'_> {
    fn digit(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_digit)
    }

    fn letter(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_alphabetic)
    }

    /// Length of the horizontal space character at `i` (0 if none): space,
    /// tab, no-break, thin and other fixed-width spaces.
    fn hs_len(&self, i: usize) -> usize {
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

    fn skip_hs(&self, mut i: usize) -> usize {
        loop {
            let l = self.hs_len(i);
            if l == 0 {
                return i;
            }
            i += l;
        }
    }

    /// Moves back over horizontal space ending at `i` (exclusive).
    fn back_hs(&self, mut i: usize) -> usize {
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

    fn word_end(&self, mut i: usize) -> usize {
        while self.letter(i) {
            i += 1;
        }
        i
    }

    fn word_start(&self, mut j: usize) -> usize {
        while j > 0 && self.b[j - 1].is_ascii_alphabetic() {
            j -= 1;
        }
        j
    }

    /// End of the run of non-space bytes from `i`.
    fn token_end(&self, mut i: usize) -> usize {
        while i < self.b.len() && !self.b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    }

    /// The word after `p` (across horizontal space).
    fn next_word(&self, p: usize) -> Option<(usize, usize)> {
        let q = self.skip_hs(p);
        self.letter(q).then(|| (q, self.word_end(q)))
    }

    /// The word before `p` (across horizontal space), not before `floor`.
    fn prev_word(&self, p: usize, floor: usize) -> Option<(usize, usize)> {
        let q = self.back_hs(p);
        (q > floor && self.b[q - 1].is_ascii_alphabetic()).then(|| (self.word_start(q), q))
    }

    fn is_word(&self, span: Option<(usize, usize)>, w: &[u8]) -> bool {
        span.is_some_and(|(s, e)| self.b[s..e].eq_ignore_ascii_case(w))
    }

    /// The char ending at `p`, if any.
    fn char_before(&self, p: usize) -> Option<char> {
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
    fn sentence_start(&self, p: usize) -> bool {
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

    /// Reads digits at `i`: separators (comma, thin or no-break space, or a
    /// plain space between groups of three), decimals (point, or a comma
    /// before one or two digits), Indian and European grouping.
    fn digits(&self, i: usize) -> Digits {
        let b = self.b;
        let mut buf = [0u8; 40];
        let mut n = 0usize;
        let mut overflow = false;
        let mut push = |c: u8, n: &mut usize| {
            if *n < buf.len() {
                buf[*n] = c;
                *n += 1;
            } else {
                overflow = true;
            }
        };
        let mut j = i;
        let mut decimals = 0u32;
        let mut grouped = false;
        let int_len;
        if b[j] == b'.' {
            int_len = 0;
            push(b'0', &mut n);
            push(b'.', &mut n);
            j += 1;
            while self.digit(j) {
                push(b[j], &mut n);
                decimals += 1;
                j += 1;
            }
        } else {
            let s0 = j;
            while self.digit(j) {
                push(b[j], &mut n);
                j += 1;
            }
            int_len = j - s0;
            let three = |k: usize| {
                self.digit(k) && self.digit(k + 1) && self.digit(k + 2) && !self.digit(k + 3)
            };
            if int_len <= 3 {
                // Groups of three after a comma or a (thin, no-break or plain) space.
                let mut comma: Option<bool> = None;
                loop {
                    let (sl, is_comma) = if b.get(j) == Some(&b',') {
                        (1, true)
                    } else {
                        let l = self.hs_len(j);
                        if l == 0 {
                            break;
                        }
                        (l, false)
                    };
                    if comma.is_some_and(|c| c != is_comma) || !three(j + sl) {
                        break;
                    }
                    // "1,234.5" is fine, but "1,234,56" or "1,2345" is not a grouping.
                    comma = Some(is_comma);
                    for k in 0..3 {
                        push(b[j + sl + k], &mut n);
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
                    if pairs > 0 && b.get(k) == Some(&b',') && three(k + 1) {
                        let mut m = j;
                        while m < k + 4 {
                            if b[m] != b',' {
                                push(b[m], &mut n);
                            }
                            m += 1;
                        }
                        j = k + 4;
                        grouped = true;
                    }
                }
                if !grouped && b.get(j) == Some(&b'.') && three(j + 1) {
                    // European grouping with a decimal comma: 1.111,11.
                    let mut k = j;
                    while b.get(k) == Some(&b'.') && three(k + 1) {
                        k += 4;
                    }
                    if b.get(k) == Some(&b',')
                        && self.digit(k + 1)
                        && (!self.digit(k + 2) || !self.digit(k + 3))
                    {
                        let mut m = j;
                        while m < k {
                            if b[m] != b'.' {
                                push(b[m], &mut n);
                            }
                            m += 1;
                        }
                        push(b'.', &mut n);
                        j = k + 1;
                        while self.digit(j) {
                            push(b[j], &mut n);
                            decimals += 1;
                            j += 1;
                        }
                        grouped = true;
                    }
                }
            }
            if decimals == 0 && b.get(j) == Some(&b'.') && self.digit(j + 1) {
                push(b'.', &mut n);
                j += 1;
                while self.digit(j) {
                    push(b[j], &mut n);
                    decimals += 1;
                    j += 1;
                }
            } else if decimals == 0
                && !grouped
                && int_len <= 3
                && b.get(j) == Some(&b',')
                && self.digit(j + 1)
            {
                // A decimal comma: "1,3" (one or two digits, not in a list).
                let mut k = j + 1;
                while self.digit(k) {
                    k += 1;
                }
                let frac = k - j - 1;
                let list_after = b.get(k) == Some(&b',') && self.digit(k + 1);
                let list_before = i >= 2 && b[i - 1] == b',' && self.digit(i - 2);
                if frac <= 2 && !list_after && !list_before {
                    push(b'.', &mut n);
                    for &d in &b[j + 1..k] {
                        push(d, &mut n);
                    }
                    decimals = frac as u32;
                    j = k;
                }
            }
        }
        let mut bad = overflow || (int_len > 1 && b[i] == b'0');
        // A version or an address: "2.1.3", "192.168.0.1".
        if b.get(j) == Some(&b'.') && self.digit(j + 1) {
            bad = true;
            while self.digit(j) || (b.get(j) == Some(&b'.') && self.digit(j + 1)) {
                j += 1;
            }
        }
        let value = std::str::from_utf8(&buf[..n])
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(f64::NAN);
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

    /// A scale word or suffix at `p` (after digits): its factor and end.
    fn scale_at(&self, p: usize, glued: bool) -> Option<(f64, usize)> {
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
    #[allow(clippy::too_many_lines)]
    fn number(&self, i: usize) -> Result<Num, usize> {
        let b = self.b;
        let mut st = St::Start;
        let mut total = 0.0f64;
        let mut group = 0.0f64;
        let mut last_piece = 0.0f64;
        let mut has_hundred = false;
        let mut last_scale = f64::INFINITY;
        let mut mult = 1.0f64;
        let mut end = i;
        let mut pos = i;
        let mut words = false;
        let mut tokens = 0usize;
        let mut plain_int = false;
        let mut int_len = 0;
        let mut decimals = 0u32;
        let mut first_scale = 1.0f64;
        let mut after_first_scale = false;
        let mut digit_start = false;
        let mut single_one = false;
        let mut capital_word = false;
        let mut small_m = false;
        let mut small_k = false;
        // Where to fall back when an "and" turns out to join two numbers.
        let mut ckpt: Option<(usize, f64, f64, usize)> = None;
        let mut point_decimals: Option<f64> = None;
        loop {
            let t = if tokens == 0 { pos } else { self.skip_hs(pos) };
            // A hyphen (or a spaced hyphen) joins tens and units: "twenty-five", "fifty - two".
            let mut hy = t;
            let mut hyphen = false;
            if st == St::Tens || (matches!(st, St::Int | St::Dec) && tokens == 1) {
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
                break;
            }
            let c = b[t];
            if c.is_ascii_digit() || (tokens == 0 && c == b'.') {
                if hyphen {
                    break;
                }
                if tokens == 0 {
                    let d = self.digits(t);
                    if d.bad {
                        return Err(self.chain_end(d.end));
                    }
                    digit_start = true;
                    group = d.value;
                    last_piece = d.value;
                    decimals = d.decimals;
                    int_len = d.int_len;
                    plain_int = d.decimals == 0 && !d.grouped;
                    let mut e = d.end;
                    // A glued scale: "100k", "$2bn", "1.2b".
                    if let Some((f, we)) = self.scale_at(e, true) {
                        small_m = &b[e..we] == b"m";
                        small_k =
                            matches!(&b[e..we], b"k" | b"K") && d.decimals == 0 && d.value < 10.0;
                        group *= f;
                        first_scale = f;
                        last_scale = f;
                        total = group;
                        group = 0.0;
                        plain_int = false;
                        e = we;
                        st = St::Done;
                    } else if d.decimals > 0 {
                        st = St::Dec;
                    } else if d.grouped || d.value >= 1000.0 {
                        // Only a scale may follow "1,500".
                        st = St::Dec;
                    } else {
                        st = St::Int;
                    }
                    end = e;
                    pos = e;
                    tokens += 1;
                    continue;
                }
                if !matches!(st, St::Scale | St::And) {
                    break;
                }
                let d = self.digits(t);
                if d.bad || d.decimals > 0 || d.grouped || d.value >= 1000.0 {
                    break;
                }
                // "4 thousand 3 hundred": digits after a scale only when a hundred or scale follows.
                if st == St::Scale {
                    let next = self.next_word(d.end);
                    let ok = next.is_some_and(|(s, e)| {
                        let mut buf = [0u8; 24];
                        lower(&b[s..e], &mut buf).is_some_and(|l| {
                            matches!(
                                lexicon::num_word(l),
                                Some(NumWord::Hundred | NumWord::Scale(_))
                            )
                        })
                    });
                    if !ok {
                        break;
                    }
                } else if d.value >= 100.0 {
                    break;
                }
                group += d.value;
                last_piece = d.value;
                after_first_scale = true;
                st = St::Int;
                end = d.end;
                pos = d.end;
                tokens += 1;
                continue;
            }
            if !c.is_ascii_alphabetic() {
                break;
            }
            let we = self.word_end(t);
            if self.digit(we) {
                break;
            }
            let w = &b[t..we];
            let mut buf = [0u8; 24];
            let Some(l) = lower(w, &mut buf) else { break };
            let l: &[u8] = l;
            // A spaced short scale after digits: "2.33 k", "5 bn", "1,674.5 G".
            if digit_start
                && tokens == 1
                && matches!(st, St::Int | St::Dec)
                && !hyphen
                && lexicon::num_word(l).is_none()
            {
                // Glued letters were read with the digits; only a spaced word is a scale here.
                if let Some((f, se)) = self.scale_at(t, t == pos) {
                    total = group * f;
                    group = 0.0;
                    first_scale = f;
                    plain_int = false;
                    end = se;
                    break;
                }
                break;
            }
            // Decimals in words: "two hundred point zero three".
            if l == b"point" && words && !matches!(st, St::Start | St::A | St::And | St::Done) {
                let mut p = we;
                let mut frac = 0.0;
                let mut scale = 0.1;
                let mut any = false;
                while let Some((s, e)) = self.next_word(p) {
                    let mut buf2 = [0u8; 24];
                    match lower(&self.b[s..e], &mut buf2).and_then(lexicon::num_word) {
                        Some(NumWord::Small(d)) if d < 10 => {
                            frac += f64::from(d) * scale;
                            scale /= 10.0;
                            p = e;
                            any = true;
                        }
                        _ => break,
                    }
                }
                if any {
                    point_decimals = Some(frac);
                    end = p;
                }
                break;
            }
            if l == b"and" {
                // "two and a half (million)": a half or a quarter after a whole number.
                if matches!(st, St::Unit | St::Teen | St::Tens | St::Int) && !has_hundred {
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
                            group += f;
                            last_piece += f;
                            words = true;
                            end = he;
                            pos = he;
                            tokens += 1;
                            st = St::Dec;
                            continue;
                        }
                    }
                }
                if !matches!(st, St::Hundred | St::Scale) {
                    break;
                }
                ckpt = Some((end, total, group, tokens));
                st = St::And;
                pos = we;
                continue;
            }
            let Some(nw) = lexicon::num_word(l) else {
                break;
            };
            if hyphen
                && !matches!(nw, NumWord::Small(1..=9))
                && !(matches!(st, St::Int | St::Dec) && matches!(nw, NumWord::Scale(_)))
            {
                break;
            }
            let first = tokens == 0;
            let accepted = match nw {
                NumWord::Small(n) => {
                    let ok = match st {
                        St::Start | St::Hundred | St::Scale | St::And => true,
                        St::Tens => (1..=9).contains(&n),
                        _ => false,
                    };
                    if ok {
                        if st == St::Tens {
                            last_piece += f64::from(n);
                        } else {
                            last_piece = f64::from(n);
                        }
                        group += f64::from(n);
                        st = if n == 0 || n >= 10 {
                            St::Teen
                        } else {
                            St::Unit
                        };
                        if first {
                            single_one = n == 1;
                        }
                    }
                    ok
                }
                NumWord::Tens(n) => {
                    let ok = matches!(st, St::Start | St::Hundred | St::Scale | St::And);
                    if ok {
                        group += f64::from(n);
                        last_piece = f64::from(n);
                        st = St::Tens;
                    }
                    ok
                }
                NumWord::Hundred => {
                    let ok = matches!(st, St::Unit | St::Teen | St::Int | St::A | St::Dec)
                        && !has_hundred
                        && group > 0.0
                        && group < 1000.0;
                    if ok {
                        group *= 100.0;
                        last_piece = group;
                        has_hundred = true;
                        st = if st == St::Dec { St::Done } else { St::Hundred };
                    } else if ckpt.is_some() && matches!(st, St::Unit | St::Teen | St::Int) {
                        // "two hundred and three hundred": the "and" joined two numbers.
                        if let Some((e, t0, g0, _)) = ckpt {
                            end = e;
                            total = t0;
                            group = g0;
                        }
                        break;
                    }
                    ok
                }
                NumWord::Scale(s) => {
                    let lakh_crore = last_scale == 1e5 && (s - 1e7).abs() < 1.0;
                    let ok = (matches!(
                        st,
                        St::Unit | St::Teen | St::Tens | St::Hundred | St::Int | St::Dec | St::A
                    ) || (lakh_crore && st == St::Scale))
                        && (s < last_scale || lakh_crore)
                        && (group > 0.0 || lakh_crore);
                    if ok {
                        if lakh_crore && group == 0.0 {
                            total *= s;
                        } else {
                            total += group * s;
                        }
                        if first_scale == 1.0 && digit_start && tokens == 1 {
                            first_scale = s;
                        } else {
                            after_first_scale = true;
                        }
                        group = 0.0;
                        last_scale = s;
                        has_hundred = false;
                        st = if decimals > 0 { St::Done } else { St::Scale };
                    } else if ckpt.is_some() && matches!(st, St::Unit | St::Teen | St::Tens) {
                        if let Some((e, t0, g0, _)) = ckpt {
                            end = e;
                            total = t0;
                            group = g0;
                        }
                        break;
                    }
                    ok
                }
                NumWord::Dozen => {
                    let ok =
                        matches!(st, St::Unit | St::Teen | St::Tens | St::Int | St::A) && !first;
                    if ok {
                        group += last_piece * 11.0;
                        st = St::Done;
                        after_first_scale = true;
                    }
                    ok
                }
                NumWord::A => {
                    // "a hundred", "a dozen", "a million", "half a million".
                    let ok = st == St::Start
                        && self.next_word(we).is_some_and(|(s, e)| {
                            let mut buf2 = [0u8; 24];
                            matches!(
                                lower(&b[s..e], &mut buf2).and_then(lexicon::num_word),
                                Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Quarter)
                            ) || self.b[s..e].eq_ignore_ascii_case(b"dozen")
                        });
                    if ok {
                        group = 1.0;
                        last_piece = 1.0;
                        st = St::A;
                        // "a" alone is no number: the end moves only with what follows.
                        pos = we;
                        tokens += 1;
                        words = true;
                        continue;
                    }
                    ok
                }
                NumWord::Half | NumWord::Quarter => {
                    let ok = matches!(st, St::Start | St::A) && mult == 1.0;
                    if ok {
                        mult = if nw == NumWord::Half { 0.5 } else { 0.25 };
                        // "half a million", "quarter of a million", "a quarter million".
                        let mut p = we;
                        let mut nx = self.next_word(p);
                        if self.is_word(nx, b"of") {
                            p = nx.map_or(p, |x| x.1);
                            nx = self.next_word(p);
                        }
                        if self.is_word(nx, b"a") || self.is_word(nx, b"an") {
                            p = nx.map_or(p, |x| x.1);
                        }
                        group = 1.0;
                        last_piece = 1.0;
                        st = St::A;
                        pos = p;
                        tokens += 1;
                        words = true;
                        continue;
                    }
                    ok
                }
            };
            if !accepted {
                break;
            }
            if first && w[0].is_ascii_uppercase() {
                capital_word = true;
            }
            if first {
                // Remembered for "one": the only word of the number.
            } else {
                single_one = false;
            }
            words = true;
            tokens += 1;
            end = we;
            pos = we;
            if st == St::Done {
                break;
            }
        }
        if end == i || st == St::A && end <= i {
            return Err(self.word_end(i).max(i + 1));
        }
        let mut value = (total + group) * mult;
        if let Some(f) = point_decimals {
            value += f;
        }
        if !value.is_finite() || value > MAX_VALUE {
            return Err(end);
        }
        // Stated precision: digits with a decimal point or a scale and nothing
        // after it ("£2.26bn", "1.5 million", "800 million").
        let mut half = 0.0;
        if digit_start && !after_first_scale && (decimals > 0 || first_scale >= 1000.0) {
            half = 0.5 * 10f64.powi(-i32::try_from(decimals).unwrap_or(30)) * first_scale * mult;
        }
        let scaled = if digit_start && first_scale > 1.0 {
            first_scale
        } else if words && total > 0.0 {
            last_scale
        } else {
            1.0
        };
        Ok(Num {
            end,
            value,
            half,
            words,
            plain_int: plain_int && !words && tokens == 1,
            int_len,
            single_one: single_one && tokens == 1,
            capital_word,
            scaled,
            small_m,
            small_k,
            decimals,
        })
    }

    /// A currency written before the number at `i`: `$`, `US$`, `C$`, `£`,
    /// `€`, `USD`... Gives the code and where it starts.
    fn currency_before(&self, i: usize, floor: usize) -> Option<(&'static str, usize)> {
        let b = self.b;
        let q = self.back_hs(i);
        if q <= floor {
            return None;
        }
        if b[q - 1] == b'$' {
            let cs = q - 1;
            // A country prefix: "US$", "C$", "nzd$", or spaced as in "c $ 100".
            let p = self.back_hs(cs);
            if p > floor && b[p - 1].is_ascii_alphabetic() {
                let ws = self.word_start(p);
                let mut buf = [0u8; 24];
                if let Some(code) = lower(&b[ws..p], &mut buf).and_then(lexicon::dollar_prefix) {
                    let spaced = p != cs;
                    let single = p - ws == 1;
                    // "a $5 loan" is dollars, "A$5" Australian dollars.
                    let ok = if spaced {
                        (!single || b[ws] == b'c')
                            && ws >= floor
                            && !self.letter(ws.wrapping_sub(1))
                    } else {
                        ws >= floor && (!single || b[ws].is_ascii_uppercase() || p - ws > 1)
                    };
                    if ok && (ws == 0 || !b[ws - 1].is_ascii_alphanumeric()) {
                        return Some((code, ws));
                    }
                }
            }
            return Some(("USD", cs));
        }
        if let Some(c) = self.char_before(q)
            && !c.is_ascii()
        {
            let l = c.len_utf8();
            if let Some((code, _)) = lexicon::currency_symbol(&b[q - l..]) {
                return Some((code, q - l));
            }
            return None;
        }
        if b[q - 1].is_ascii_alphabetic() {
            let ws = self.word_start(q);
            if ws < floor {
                return None;
            }
            let w = &b[ws..q];
            if let Some(code) = lexicon::iso_code(w).or_else(|| lexicon::lowercase_code(w)) {
                return Some((code, ws));
            }
            if w == b"Rs" || w == b"INR" {
                return Some(("INR", ws));
            }
        }
        // "Rs. 500".
        if b[q - 1] == b'.'
            && q >= 3
            && &b[q - 3..q - 1] == b"Rs"
            && (q == 3 || !self.letter(q - 4))
        {
            return Some(("INR", q - 3));
        }
        None
    }

    /// The qualifier before `left` (the figure's first byte), and where it starts.
    fn qualifier_before(&self, left: usize, floor: usize) -> Option<(Qualifier, usize)> {
        let b = self.b;
        // "~5", "~ 5".
        let q = self.back_hs(left);
        if q > floor && b[q - 1] == b'~' {
            return Some((Qualifier::About, q - 1));
        }
        // Every qualifier phrase ends with one of a few words: look no
        // further back unless the word before the figure is one of them.
        let (s0, e0) = self.prev_word(left, floor)?;
        let mut b0 = [0u8; 24];
        if !matches!(
            lower(&b[s0..e0], &mut b0)?,
            b"about"
                | b"around"
                | b"roughly"
                | b"approximately"
                | b"approx"
                | b"circa"
                | b"some"
                | b"estimated"
                | b"an"
                | b"of"
                | b"less"
                | b"least"
                | b"than"
                | b"over"
                | b"above"
                | b"exceeding"
                | b"surpassing"
                | b"most"
                | b"to"
                | b"as"
                | b"under"
                | b"below"
                | b"nearly"
                | b"almost"
                | b"between"
                | b"at"
        ) {
            return None;
        }
        let mut ws: [(usize, usize); 4] = [(0, 0); 4];
        let mut n = 0;
        let mut p = left;
        while n < 4 {
            let Some(span) = self.prev_word(p, floor) else {
                break;
            };
            ws[n] = span;
            n += 1;
            p = span.0;
        }
        let mut bufs = [[0u8; 24]; 4];
        let mut lw: [&[u8]; 4] = [b""; 4];
        for (k, buf) in bufs.iter_mut().enumerate().take(n) {
            let (s, e) = ws[k];
            lw[k] = lower(&b[s..e], buf).unwrap_or(b"");
        }
        // lw[0] is the word right before the figure.
        for len in (1..=n.min(4)).rev() {
            let phrase: &[&[u8]] = &lw[..len];
            if let Some(q) = qualifier_phrase(phrase) {
                return Some((q, ws[len - 1].0));
            }
        }
        None
    }

    /// A figure starting at `i` (a digit or a number word).
    #[allow(clippy::too_many_lines)]
    fn figure(&self, i: usize, floor: usize) -> Result<(Raw, usize), usize> {
        let b = self.b;
        let num = self.number(i)?;
        let skip = num.end.max(i + 1);
        let mut value = num.value;
        let mut half = num.half;
        let mut kind = Kind::Count;
        let mut unit: Option<&'static str> = None;
        let mut end = num.end;
        let mut noun: Option<(usize, usize)> = None;
        let mut stop_noun = false;
        let mut hyphen_compound = false;
        let mut odd = false;

        // Left: a currency, then glued characters that make it no figure.
        let mut left = i;
        if let Some((code, cs)) = self.currency_before(i, floor) {
            unit = Some(code);
            kind = Kind::Money;
            left = cs;
        }
        if left == i && i > 0 {
            let p = b[i - 1];
            if p.is_ascii_alphabetic()
                || matches!(
                    p,
                    b'/' | b':' | b'#' | b'@' | b'^' | b'=' | b'_' | b'\\' | b'&'
                )
            {
                return Err(self.token_end(i));
            }
            if p == b'+' && (i < 2 || !b[i - 2].is_ascii_alphanumeric()) {
                // "+44 20 7946 0958": a phone number.
                return Err(self.chain_end(i));
            }
        }
        if left == i && self.phone_at(i) {
            // "800 555 019": a phone number.
            return Err(self.chain_end(i));
        }
        if left == i && i > 0 {
            let p = b[i - 1];
            if p == b'-'
                && i >= 2
                && (b[i - 2].is_ascii_alphanumeric()
                    || self.char_before(i - 1).is_some_and(char::is_alphanumeric))
            {
                // "F-16", "Covid-19", "Су-34".
                return Err(self.token_end(i));
            }
            if p == b'.' && i >= 2 && b[i - 2].is_ascii_digit() {
                return Err(self.token_end(i));
            }
            if let Some(c) = self.char_before(i)
                && !c.is_ascii()
                && c.is_alphabetic()
            {
                return Err(skip);
            }
        }

        // Right, glued.
        let mut percent = false;
        if let Some(&c) = b.get(end) {
            if c.is_ascii_alphabetic() && !num.words {
                let we = self.word_end(end);
                if self.digit(we) {
                    return Err(self.token_end(end));
                }
                let w = &b[end..we];
                let mut buf = [0u8; 24];
                let l: &[u8] = lower(w, &mut buf).unwrap_or(b"");
                if unit.is_none() && (l == b"p") && !num.words {
                    unit = Some("GBP");
                    kind = Kind::Money;
                    value *= 0.01;
                    half *= 0.01;
                    end = we;
                } else if l == b"pc" || l == b"pct" {
                    percent = true;
                    end = we;
                } else if let Some(code) = lexicon::iso_code(w) {
                    if unit.is_some_and(|u| u != code) {
                        return Err(we);
                    }
                    unit = Some(code);
                    kind = Kind::Money;
                    end = we;
                } else {
                    return Err(self.token_end(end));
                }
            } else if c == b'%' {
                percent = true;
                end += 1;
            } else if (c == b'/' || c == b':') && self.digit(end + 1) {
                return Err(self.token_end(end));
            } else if c == b'\'' && b.get(end + 1) == Some(&b's') {
                return Err(end + 2);
            } else if b[end..].starts_with("°".as_bytes()) {
                return Err(end + 2);
            } else if c == b'.' && self.letter(end + 1) && !num.words {
                // "10.30am" or a domain: not a figure.
                return Err(self.token_end(end));
            }
        }
        // A dollar sign after the number, not heading another: "50$", "50 $".
        if unit.is_none() && !percent {
            let p = self.skip_hs(end);
            if b.get(p) == Some(&b'$') && !self.digit(self.skip_hs(p + 1)) && !self.letter(p + 1) {
                unit = Some("USD");
                kind = Kind::Money;
                end = p + 1;
            }
        }
        // A non-ASCII currency symbol or % after the number, maybe spaced: "5 €", "100元".
        if !percent {
            let p = self.skip_hs(end);
            if let Some((code, l)) = lexicon::currency_symbol(&b[p.min(b.len())..]) {
                if unit.is_none() {
                    unit = Some(code);
                    kind = Kind::Money;
                    end = p + l;
                }
            } else if b.get(p) == Some(&b'%') && !num.words || b.get(p) == Some(&b'%') {
                percent = true;
                end = p + 1;
            }
        }

        // Hyphenated compounds: "12,000-strong", "four-brigade", "12-cent", "five-year".
        if num.small_m && b.get(end) == Some(&b'-') && unit.is_none() {
            // "a 20m-high wall": metres.
            return Err(self.token_end(end));
        }
        // Money is never a compound's head: "the £1bn-a-year scheme" is £1bn.
        if !percent && kind == Kind::Count && b.get(end) == Some(&b'-') && self.letter(end + 1) {
            let ws = end + 1;
            let we = self.word_end(ws);
            let mut buf = [0u8; 24];
            let l: &[u8] = lower(&b[ws..we], &mut buf).unwrap_or(b"");
            let then_old = b[we..].starts_with(b"-old");
            if let Some((u, f)) = lexicon::duration_unit(l) {
                if then_old || unit.is_some() {
                    return Err(self.token_end(end));
                }
                unit = Some(u);
                value *= f;
                half *= f;
                end = we;
                stop_noun = true;
            } else if (l == b"cent" || l == b"cents") && unit.is_none() {
                unit = Some("USD");
                kind = Kind::Money;
                value *= 0.01;
                half *= 0.01;
                end = we;
                stop_noun = true;
            } else if l == b"percent" || l == b"per" && b[we..].starts_with(b"-cent") {
                percent = true;
                end = if l == b"per" { we + 5 } else { we };
                stop_noun = true;
            } else if num.single_one
                || lexicon::measure_unit(&b[ws..we])
                || lexicon::month(l, &b[ws..we])
                || lexicon::fraction_word(l)
                // "twenty-first century", "thirty-second": ordinals.
                || matches!(l, b"first" | b"second" | b"fourth" | b"sixth" | b"seventh" | b"eighth" | b"ninth")
                || matches!(
                    l,
                    b"off"
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
            {
                if l == b"plus" {
                    // "50-plus": handled as a qualifier below.
                } else if l == b"odd" && !num.single_one {
                    // "20-odd": about 20.
                    odd = true;
                    end = we;
                } else {
                    return Err(self.token_end(end));
                }
            } else {
                hyphen_compound = true;
                if l != b"strong" {
                    noun = Some((ws, we));
                }
                end = we;
                stop_noun = true;
            }
        }

        // After a space: percent words, currency words and codes, durations;
        // measures, dates and times make it no figure.
        if !percent
            && !hyphen_compound
            && let Some((ws, we)) = self.next_word(end)
        {
            let w = &b[ws..we];
            let mut buf = [0u8; 24];
            let l: &[u8] = lower(w, &mut buf).unwrap_or(b"");
            let next2 = self.next_word(we);
            let mut buf2 = [0u8; 24];
            let l2: &[u8] = next2
                .and_then(|(s, e)| lower(&b[s..e], &mut buf2))
                .map_or(b"", |x| x);
            // A plural denominator takes any numerator, a singular one only "one".
            if num.words
                && lexicon::fraction_word(l)
                && !matches!(l, b"half" | b"quarter")
                && (l.ends_with(b"s") || num.single_one)
            {
                // "two thirds", "five eighths": a fraction, not a count.
                return Err(we);
            }
            if matches!(l, b"min" | b"mins" | b"minute" | b"minutes") && l2 == b"read" {
                // "5 min read": a page's reading-time counter, not a figure.
                return Err(next2.map_or(we, |x| x.1));
            }
            if l == b"percent" || l == b"percents" || l == b"pct" || l == b"percentage" {
                percent = true;
                end = we;
                if l == b"percentage"
                    && (l2 == b"point" || l2 == b"points")
                    && let Some((_, e2)) = next2
                {
                    end = e2;
                } else if l == b"percentage" {
                    percent = false;
                    end = num.end;
                }
            } else if l == b"per" && (l2 == b"cent" || l2 == b"cents") {
                percent = true;
                end = next2.map_or(we, |x| x.1);
            } else if let Some(code) = lexicon::iso_code(w)
                .or_else(|| lexicon::lowercase_code(w))
                .or_else(|| {
                    // "30 MUSD", "120 MEUR": millions of a currency.
                    (w.len() == 4 && w[0] == b'M')
                        .then(|| lexicon::iso_code(&w[1..]))
                        .flatten()
                })
            {
                if unit.is_none() || unit == Some(code) {
                    if w.len() == 4 {
                        value *= 1e6;
                        half *= 1e6;
                    }
                    unit = Some(code);
                    kind = Kind::Money;
                    end = we;
                    // "75 USD million".
                    if let Some((f, se)) = self.scale_at(self.skip_hs(we), false)
                        && num.scaled == 1.0
                    {
                        value *= f;
                        if num.half > 0.0 || f >= 1000.0 {
                            half = 0.5 * f * if num.half > 0.0 { num.half * 2.0 } else { 1.0 };
                        }
                        end = se;
                    } else if let Some((c, ce)) = self.cents_after(we) {
                        value += c;
                        end = ce;
                    }
                }
            } else if unit.is_none()
                && let Some((code, f, name_end)) = self.currency_words(ws)
            {
                unit = Some(code);
                kind = Kind::Money;
                value *= f;
                half *= f;
                end = name_end;
                let name_currency = f == 1.0;
                if name_currency
                    && num.half == 0.0
                    && let Some((c, ce)) = self.cents_after(name_end)
                {
                    value += c;
                    end = ce;
                }
            } else if unit.is_none()
                && let Some((u, f)) = lexicon::duration_unit(l)
            {
                // "45 years old" is an age.
                if l2 == b"old"
                    || l2 == b"of"
                        && self.is_word(self.next_word(next2.map_or(we, |x| x.1)), b"age")
                {
                    return Err(we);
                }
                unit = Some(u);
                value *= f;
                half *= f;
                end = we;
            } else if unit.is_none() && lexicon::measure_unit(w) {
                return Err(we);
            } else if lexicon::month(l, w) && num.plain_int && value <= 31.0 {
                return Err(we);
            } else if num.plain_int
                && value <= 24.0
                && (matches!(
                    l,
                    b"am"
                        | b"pm"
                        | b"gmt"
                        | b"bst"
                        | b"utc"
                        | b"cet"
                        | b"est"
                        | b"edt"
                        | b"pst"
                        | b"hrs"
                ) || (l == b"a" || l == b"p") && b.get(we) == Some(&b'.'))
            {
                return Err(we);
            } else if num.plain_int && l == b"o" && b.get(we) == Some(&b'\'') {
                return Err(we);
            }
        }
        if num.small_k && unit.is_none() && !percent {
            return Err(end);
        }
        if num.small_m && unit.is_none() && !percent {
            // "1m" with no currency is a measure unless a plain noun follows.
            let ok = self.next_word(end).is_some_and(|(s, e)| {
                let mut buf = [0u8; 24];
                lower(&b[s..e], &mut buf).is_some_and(|l| {
                    !lexicon::stop_word(l)
                        && !matches!(
                            l,
                            b"isn"
                                | b"tall"
                                | b"high"
                                | b"long"
                                | b"wide"
                                | b"deep"
                                | b"away"
                                | b"above"
                                | b"below"
                        )
                        && b[s].is_ascii_lowercase()
                })
            });
            if !ok {
                return Err(end);
            }
        }
        if percent {
            kind = Kind::Percent;
            if unit.is_some_and(|u| u.len() == 3) {
                return Err(end);
            }
            unit = Some("%");
        }

        // Left context: dates, references, names, ages, years.
        let pw = self.prev_word(left, floor.min(left));
        let mut pbuf = [0u8; 24];
        let pl: &[u8] = pw
            .and_then(|(s, e)| lower(&b[s..e], &mut pbuf))
            .map_or(b"", |x| x);
        let bare = kind == Kind::Count && unit.is_none();
        if let Some((ps, pe)) = pw {
            let written = &b[ps..pe];
            let adjacent = self.back_hs(left) == pe;
            if adjacent && lexicon::month(pl, written) && num.plain_int && bare {
                // "between October 8 and 13": the second day goes too.
                return Err(self.reference_tail(end));
            }
            // "day 970", "week 3": a reference unless a plural noun follows ("every day 100 people").
            if adjacent
                && bare
                && !num.words
                && matches!(
                    pl,
                    b"day" | b"week" | b"round" | b"game" | b"match" | b"stage" | b"leg"
                )
                && !self.plural_after(end)
            {
                return Err(self.reference_tail(end));
            }
            if adjacent && bare && !num.words && lexicon::reference_word(pl) {
                // "aged 18 to 24", "pages 3-5": the second number goes too.
                return Err(self.reference_tail(end));
            }
            if bare
                && pl == b"of"
                && let Some((s2, e2)) = self.prev_word(ps, floor.min(ps))
            {
                let mut b2 = [0u8; 24];
                let l2: &[u8] = lower(&b[s2..e2], &mut b2).unwrap_or(b"");
                if l2 == b"group" && b[s2].is_ascii_uppercase() {
                    return Err(skip);
                }
                if (num.plain_int || num.words)
                    && value <= 120.0
                    && matches!(
                        l2,
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
                {
                    return Err(skip);
                }
            }
            // A capitalised word right before a bare number names it: "Apollo 11", "Boeing 737".
            if bare
                && num.plain_int
                && adjacent
                && written[0].is_ascii_uppercase()
                && !self.sentence_start(ps)
                && lexicon::num_word(pl).is_none()
                && !lexicon::month(pl, written)
                && qualifier_phrase(&[pl]).is_none()
                && written.len() > 1
                && !self.plural_after(end)
            {
                return Err(skip);
            }
        }
        // "at 9.30", "until 10.45": a time.
        if bare
            && !num.words
            && num.decimals == 2
            && value < 24.0
            && (value.fract() * 100.0).round() < 60.0
            && matches!(
                pl,
                b"at" | b"by" | b"until" | b"till" | b"from" | b"before" | b"after" | b"since"
            )
        {
            return Err(skip);
        }
        // "No. 10", "p. 12", "Oct. 22".
        {
            let q = self.back_hs(left);
            if q > floor + 1 && q > 0 && b[q - 1] == b'.' && bare && num.plain_int {
                let ws = self.word_start(q - 1);
                let mut b3 = [0u8; 24];
                let l3: &[u8] = lower(&b[ws..q - 1], &mut b3).unwrap_or(b"");
                if ws < q - 1
                    && (matches!(
                        l3,
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
                    ) || lexicon::month(l3, &b[ws..q - 1]))
                {
                    return Err(skip);
                }
            }
        }
        // A capitalised number word inside a sentence is a name: "Group of Seven", "World War Two".
        // In a Title Case headline a capitalised plural follows: "Kills Three Civilians".
        let title_case_plural = self.plural_after(end)
            && self
                .next_word(end)
                .is_some_and(|(s, _)| b[s].is_ascii_uppercase());
        if num.capital_word && bare && !self.sentence_start(i) && !title_case_plural {
            return Err(skip);
        }
        // Ages: "Ferreira, 58," and "Smith (45)".
        if bare && num.plain_int && value <= 120.0 {
            let q = self.back_hs(left);
            let after = self.skip_hs(end);
            let next = b.get(after).copied();
            if q > floor && b[q - 1] == b',' {
                let p = self.back_hs(q - 1);
                let ws = self.word_start(p);
                let mut pb = [0u8; 24];
                let person = lower(&b[ws..p], &mut pb).is_some_and(|l| {
                    matches!(
                        l,
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
                });
                if p > floor
                    && b[p - 1].is_ascii_alphabetic()
                    && (b[ws].is_ascii_uppercase() || person)
                    && matches!(next, None | Some(b',' | b'.' | b';' | b')' | b'\n' | b'\r'))
                {
                    return Err(skip);
                }
            }
            if q > floor && b[q - 1] == b'(' && next == Some(b')') {
                let p = self.back_hs(q - 1);
                if p > floor
                    && b[p - 1].is_ascii_alphabetic()
                    && b[self.word_start(p)].is_ascii_uppercase()
                {
                    return Err(skip);
                }
            }
        }

        let mut qualifier = Qualifier::Exact;
        let mut start = left;
        let mut between = false;
        if let Some((q, qs)) = self.qualifier_before(left, floor) {
            if q == Qualifier::Range {
                between = true;
            } else {
                qualifier = q;
            }
            start = qs;
        }

        // Ages stated without "years old": "aged over 80", "who was 91",
        // "died at 91" (spec: ages are not figures).
        if bare
            && (num.plain_int || num.words)
            && value <= 120.0
            && self.noun_after(end).is_none()
            && self.age_before(start, floor)
        {
            return Err(self.reference_tail(end));
        }

        // Years: a bare four-digit number is a year unless it counts something.
        if bare
            && num.plain_int
            && num.int_len == 4
            && (1000.0..=2100.0).contains(&value)
            && (qualifier == Qualifier::Exact || between)
        {
            // News writes counts of a thousand or more with a comma; a bare
            // "2022" is a year, also before a noun ("the 2022 invasion").
            // It counts only before a plural noun with no determiner before it
            // ("killed 2000 people").
            let plural_next = self.next_word(end).is_some_and(|(s, e)| {
                let mut bb = [0u8; 24];
                lower(&b[s..e], &mut bb).is_some_and(|l| {
                    b[s].is_ascii_lowercase()
                        && !lexicon::stop_word(l)
                        && (l == b"people"
                            || (l.len() > 3 && l.ends_with(b"s") && !l.ends_with(b"ss")))
                })
            });
            let determiner = pw.is_some_and(|(ps, _)| {
                b[ps].is_ascii_uppercase()
                    || (ps >= 2 && b[ps - 1] == b'\'')
                    || self.char_before(ps) == Some('’')
            }) || matches!(
                pl,
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
            );
            let counts = plural_next && !determiner;
            if !counts {
                return Err(self.range_skip(end));
            }
        }

        // "from 22 to 24 October", "8-10 March": a range of days is a date.
        if bare && num.plain_int && value <= 31.0 {
            let tail = self.reference_tail(end);
            if tail > end
                && let Some((s, e)) = self.next_word(tail)
            {
                let mut mb = [0u8; 24];
                if lower(&b[s..e], &mut mb).is_some_and(|l| lexicon::month(l, &b[s..e])) {
                    return Err(e);
                }
            }
        }
        // Ranges: "1,500-2,000", "1,500 to 2,000", "between 1,500 and 2,000", "15 or 16".
        let mut bounds = None;
        let change = matches!(
            pl,
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
        );
        if let Some((v2, u2, p2, e2)) = self.range_after(end, between, change, unit, percent, &num)
        {
            let mut a = value;
            if num.scaled == 1.0 && p2 > 1.0 && a * p2 <= v2 {
                a *= p2;
            }
            let unit2 = u2;
            let units_ok = unit.is_none() || unit2.is_none() || unit == unit2;
            let p = self.skip_hs(end);
            let dashed = b.get(p) == Some(&b'-') || b[p.min(b.len())..].starts_with("–".as_bytes());
            if dashed && a >= v2 && num.plain_int {
                // "won 3-1", "passed 52-48": a score or a tally, not a figure.
                return Err(e2);
            }
            if a < v2 && units_ok {
                if unit.is_none()
                    && let Some(u) = unit2
                {
                    unit = Some(u);
                    if u == "%" {
                        kind = Kind::Percent;
                    } else if u.len() == 3 && u.bytes().all(|c| c.is_ascii_uppercase()) {
                        kind = Kind::Money;
                    }
                }
                value = a;
                bounds = Some((a, v2));
                qualifier = Qualifier::Range;
                end = e2;
            }
        }
        if between && bounds.is_none() {
            // "between" without a range: the word is no qualifier.
            start = left;
        }

        // Ratios: "one in five", "1 out of 3".
        if bounds.is_none()
            && kind == Kind::Count
            && unit.is_none()
            && qualifier == Qualifier::Exact
            && let Some((v2, e2)) = self.ratio_after(end, value)
        {
            value = 100.0 * value / v2;
            kind = Kind::Percent;
            unit = Some("%");
            end = e2;
            half = 0.0;
        }

        if odd && qualifier == Qualifier::Exact && bounds.is_none() {
            qualifier = Qualifier::About;
        }
        // Qualifiers after: "five or more", "10 or so", "50+".
        if qualifier == Qualifier::Exact && bounds.is_none() {
            if b.get(end) == Some(&b'+') && !self.digit(end + 1) {
                qualifier = Qualifier::AtLeast;
                end += 1;
            } else if b[end..].starts_with(b"-plus") && !self.letter(end + 5) {
                qualifier = Qualifier::AtLeast;
                end += 5;
            } else if let Some((s1, e1)) = self.next_word(end)
                && b[s1..e1].eq_ignore_ascii_case(b"or")
                && let Some((s2, e2)) = self.next_word(e1)
            {
                let w2 = &b[s2..e2];
                let q = if w2.eq_ignore_ascii_case(b"more")
                    || w2.eq_ignore_ascii_case(b"above")
                    || w2.eq_ignore_ascii_case(b"over")
                {
                    Some(Qualifier::AtLeast)
                } else if w2.eq_ignore_ascii_case(b"so") || w2.eq_ignore_ascii_case(b"thereabouts")
                {
                    Some(Qualifier::About)
                } else if w2.eq_ignore_ascii_case(b"fewer")
                    || w2.eq_ignore_ascii_case(b"less")
                    || w2.eq_ignore_ascii_case(b"under")
                {
                    Some(Qualifier::AtMost)
                } else {
                    None
                };
                if let Some(q) = q {
                    qualifier = q;
                    end = e2;
                }
            }
        }

        // "one" alone is a pronoun unless a unit, a qualifier or a counted noun makes it a count.
        if num.single_one
            && kind == Kind::Count
            && unit.is_none()
            && qualifier == Qualifier::Exact
            && bounds.is_none()
            && !hyphen_compound
        {
            // The noun may follow an adjective: "one Ukrainian soldier", "one senior official".
            let noun_at = |span: Option<(usize, usize)>| {
                span.is_some_and(|(s, e)| {
                    let mut bb = [0u8; 24];
                    b[s].is_ascii_lowercase()
                        && lower(&b[s..e], &mut bb).is_some_and(lexicon::counted_noun)
                })
            };
            let n1 = self.next_word(end);
            let counted = noun_at(n1) || noun_at(n1.and_then(|(_, e)| self.next_word(e)));
            if !counted {
                return Err(skip);
            }
        }
        if num.single_one && self.is_word(pw, b"no") && self.back_hs(left) == pw.map_or(0, |x| x.1)
        {
            return Err(skip);
        }

        // "c $ 100 and fifty": cents in words after a symbol and whole units.
        if kind == Kind::Money
            && left < i
            && num.plain_int
            && bounds.is_none()
            && self.is_word(self.next_word(end), b"and")
            && let Some((c, ce)) = self.cents_after(end)
        {
            let q = self.skip_hs(self.next_word(end).map_or(end, |x| x.1));
            if self.letter(q) {
                value += c;
                end = ce;
            }
        }
        // "£2bn sterling".
        if unit == Some("GBP")
            && let Some((s1, e1)) = self.next_word(end)
            && b[s1..e1].eq_ignore_ascii_case(b"sterling")
        {
            end = e1;
        }
        // The noun it counts.
        if noun.is_none() && !stop_noun && kind != Kind::Percent {
            noun = self.noun_after(end);
        }

        let mut raw = Raw {
            start,
            end,
            value: Some(value),
            kind,
            unit,
            qualifier,
            half,
            bounds,
            noun,
            restated: None,
        };
        let mut next = end;
        // A restatement in another currency in brackets: "$50bn (£38.5bn)".
        if kind == Kind::Money {
            let p = self.skip_hs(end);
            if b.get(p) == Some(&b'(') {
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
                        && inner.unit != unit
                        && inner.bounds.is_none()
                        && b.get(close) == Some(&b')')
                    {
                        raw.restated = Some(Box::new(Raw {
                            noun: None,
                            ..inner
                        }));
                        next = close + 1;
                    }
                }
            }
        }
        Ok((raw, next))
    }

    /// Whether the words before `start` (a figure with its qualifier) make
    /// it an age: "aged (over) 80", "who was 91", "the victim is 91",
    /// "died at 91".
    fn age_before(&self, start: usize, floor: usize) -> bool {
        let b = self.b;
        let word = |span: Option<(usize, usize)>, buf: &mut [u8; 24]| -> Vec<u8> {
            span.and_then(|(s, e)| lower(&b[s..e], buf).map(<[u8]>::to_vec))
                .unwrap_or_default()
        };
        let Some(w1) = self.prev_word(start, floor.min(start)) else {
            return false;
        };
        // Only plain spaces between the words: "was, 91" is something else.
        if self.back_hs(start) != w1.1 {
            return false;
        }
        let mut buf = [0u8; 24];
        let l1 = word(Some(w1), &mut buf);
        if matches!(l1.as_slice(), b"aged" | b"age") {
            return true;
        }
        let w2 = self
            .prev_word(w1.0, floor.min(w1.0))
            .filter(|&(_, e)| self.back_hs(w1.0) == e);
        let l2 = word(w2, &mut buf);
        match l1.as_slice() {
            b"was" | b"is" => matches!(
                l2.as_slice(),
                b"who" | b"victim" | b"man" | b"woman" | b"boy" | b"girl" | b"he" | b"she"
            ),
            b"at" => matches!(l2.as_slice(), b"died" | b"dies" | b"dead"),
            _ => false,
        }
    }

    /// Whether a phone number starts at `i`: three or more digit groups of
    /// two digits or more joined by single spaces or hyphens ("800 555 019",
    /// "0800 123 4567"), or two where the first starts with a zero ("020
    /// 7946"). A count is never written so (digits group with commas, and two
    /// numbers separated by a space are two numbers).
    fn phone_at(&self, i: usize) -> bool {
        let b = self.b;
        let mut j = i;
        let mut groups = 0;
        let mut leading_zero = false;
        loop {
            let s = j;
            while self.digit(j) {
                j += 1;
            }
            if j - s < 2 {
                return false;
            }
            if groups == 0 {
                leading_zero = b[s] == b'0';
            }
            groups += 1;
            if matches!(b.get(j), Some(b' ' | b'-')) && self.digit(j + 1) {
                j += 1;
            } else {
                break;
            }
        }
        // A group glued to letters or joined to more digits by a comma or a
        // full stop is part of something else.
        let glued = matches!(b.get(j), Some(c) if c.is_ascii_alphabetic())
            || matches!(b.get(j), Some(b',' | b'.')) && self.digit(j + 1);
        !glued && (groups >= 3 || groups == 2 && leading_zero)
    }

    /// The end of a chain of digit groups joined by spaces, hyphens, dots or
    /// brackets, from `j` (a phone or reference number).
    fn chain_end(&self, mut j: usize) -> usize {
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
    fn plural_after(&self, end: usize) -> bool {
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

    /// A currency in words at `ws`: "pounds", "US dollars", "U.S. dollars",
    /// "Hong Kong dollars". Gives the code, the factor to the major unit and the end.
    fn currency_words(&self, ws: usize) -> Option<(&'static str, f64, usize)> {
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
        if b[ws..we].eq_ignore_ascii_case(b"rmb") {
            return Some(("CNY", 1.0, we));
        }
        // "U.S. dollars".
        let (adj, after_adj): (&[u8], usize) =
            if b[ws..].len() >= 4 && b[ws..ws + 4].eq_ignore_ascii_case(b"u.s.") {
                (b"us", ws + 4)
            } else {
                (l, we)
            };
        let (s2, e2) = self.next_word(after_adj)?;
        let mut b2 = [0u8; 24];
        let l2 = lower(&b[s2..e2], &mut b2)?;
        if let Some(code) = lexicon::currency_country(adj, l2) {
            return Some((code, 1.0, e2));
        }
        // Two-word countries: "Hong Kong", "New Zealand", "South African".
        if matches!(adj, b"hong" | b"new" | b"south") {
            let (s3, e3) = self.next_word(e2)?;
            let mut b3 = [0u8; 24];
            let l3 = lower(&b[s3..e3], &mut b3)?;
            if let Some(code) = lexicon::currency_country(l2, l3) {
                return Some((code, 1.0, e3));
            }
        }
        None
    }

    /// Where to resume after a reference number, past a second one joined
    /// by a dash, "to", "and" or "or" ("pages 3-5", "aged 18 to 24").
    fn reference_tail(&self, end: usize) -> usize {
        let b = self.b;
        let p = self.skip_hs(end);
        let q = if matches!(b.get(p), Some(b'-')) {
            p + 1
        } else if b[p.min(b.len())..].starts_with("–".as_bytes()) {
            p + 3
        } else if let Some((s, e)) = self.next_word(end)
            && matches!(
                b[s..e].to_ascii_lowercase().as_slice(),
                b"to" | b"and" | b"or" | b"of"
            )
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
    fn range_skip(&self, end: usize) -> usize {
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
                Some(u) if u.len() == 3 && u.ends_with('D') => u,
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
    fn noun_after(&self, end: usize) -> Option<(usize, usize)> {
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

    /// Vague amounts: "a few", "several", "dozens", "scores of", "hundreds",
    /// "several thousand", "tens of thousands", "hundreds of thousands", "millions".
    fn vague(&self, i: usize, we: usize, l: &[u8], floor: usize) -> Result<(Raw, usize), usize> {
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
                        match lower(&b[s..e], &mut sb)? {
                            b"hundred" => Some((100.0, e)),
                            b"thousand" => Some((1000.0, e)),
                            b"million" => Some((1e6, e)),
                            b"billion" => Some((1e9, e)),
                            _ => None,
                        }
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
                _ => return Err(we),
            },
            b"thousands" => (2000.0, 999_999.0, we),
            b"millions" => (2e6, 999e6, we),
            b"billions" => (2e9, 999e9, we),
            _ => return Err(we),
        };
        // A capitalised vague word inside a sentence is a title ("The Thousands").
        if b[i].is_ascii_uppercase() && !self.sentence_start(i) {
            return Err(end);
        }
        // "dozens" glued to digits or inside a hyphenated word is no amount.
        if i > 0 && (b[i - 1] == b'-' || b[i - 1].is_ascii_alphanumeric())
            || b.get(end) == Some(&b'-')
        {
            return Err(end);
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
        let (cand, cand_end) = if n1 == b"of" {
            let x = nw.and_then(|(_, e)| self.next_word(e));
            let mut nb3 = [0u8; 24];
            let c: Vec<u8> = x
                .and_then(|(s, e)| lower(&b[s..e], &mut nb3))
                .map_or(Vec::new(), <[u8]>::to_vec);
            (c, x.map_or(end, |y| y.1))
        } else {
            (n1.to_vec(), nw.map_or(end, |y| y.1))
        };
        let mut lo = low;
        let mut hi = high;
        if let Some((code, f)) = lexicon::currency_name(&cand) {
            if f == 1.0 && cand != b"sterling" {
                kind = Kind::Money;
                unit = Some(code);
                fin = cand_end;
            }
        } else if let Some((u, f)) = lexicon::duration_unit(&cand)
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
                return Err(e);
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

    /// Cents after a major currency name: "3 dollars 50 cents", "thirteen
    /// dollars and forty-five cents", "15 dollars and 15".
    fn cents_after(&self, p: usize) -> Option<(f64, usize)> {
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
            if matches!(l, b"cents" | b"cent" | b"pence" | b"p") {
                e = we;
            } else if lexicon::currency_name(l).is_some()
                || lexicon::duration_unit(l).is_some()
                || lexicon::measure_unit(&b[s..we])
                || matches!(
                    l,
                    b"is" | b"are" | b"was" | b"were" | b"of" | b"percent" | b"times" | b"people"
                )
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

/// A qualifier phrase, words given nearest first (`w[0]` is right before the figure).
fn qualifier_phrase(w: &[&[u8]]) -> Option<Qualifier> {
    use Qualifier::{About, AtLeast, AtMost, JustOver, LessThan, MoreThan, Nearly, Range};
    Some(match w {
        [
            b"about" | b"around" | b"roughly" | b"approximately" | b"approx" | b"circa" | b"some"
            | b"estimated",
        ] => About,
        [b"estimated", b"an"] => About,
        [b"at", b"estimated"] => About,
        [b"of", b"region", b"the", b"in"] | [b"of", b"order", b"the", b"on" | b"of"] => About,
        [b"less", b"or", b"more"] => About,
        [b"least", b"at"] => AtLeast,
        [b"than", b"fewer" | b"less", b"no" | b"not"] => AtLeast,
        [b"of", b"minimum", b"a"] => AtLeast,
        [b"than", b"more" | b"greater" | b"higher"] => MoreThan,
        [b"over" | b"above" | b"exceeding" | b"surpassing"] => MoreThan,
        [b"of", b"upwards" | b"upward"] => MoreThan,
        [b"of", b"excess", b"in"] => MoreThan,
        [b"over" | b"above", b"just" | b"slightly"] => JustOver,
        [b"than", b"more", b"just" | b"slightly"] => JustOver,
        [b"over" | b"above", b"little", b"a"] => JustOver,
        [b"than", b"more", b"little", b"a"] => JustOver,
        [b"most", b"at"] => AtMost,
        [b"to", b"up"] => AtMost,
        [b"as", b"many" | b"much", b"as"] => AtMost,
        [b"than", b"more", b"no" | b"not"] => AtMost,
        [b"of", b"maximum", b"a"] => AtMost,
        [b"than", b"fewer" | b"less" | b"lower"] => LessThan,
        [b"under" | b"below"] => LessThan,
        [b"nearly" | b"almost"] => Nearly,
        [b"to", b"close"] => Nearly,
        [b"under" | b"below", b"just" | b"slightly"] => Nearly,
        [b"than", b"less" | b"fewer", b"just" | b"slightly"] => Nearly,
        [b"under" | b"below", b"little", b"a"] => Nearly,
        [b"of", b"shy", b"just"] => Nearly,
        [b"between"] => Range,
        _ => return None,
    })
}
