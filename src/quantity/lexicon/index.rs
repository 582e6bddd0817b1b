//! A lookup for a word table built once from its rows: an open-addressing
//! hash of the words' bytes, so a lookup is one short hash, one or two
//! probes and one comparison, instead of a binary search or a scan of the
//! table with a `memcmp` per row. The tables stay the source of truth; this
//! is derived from them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by short words with FNV-1a for its hash: the standard
/// hasher's resistance to chosen keys costs more than the lookup itself,
/// and these maps are filled once from the tables, not from the text.
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// FNV-1a over the bytes written.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Words (as given, case and all) to the value their row gives them.
pub(crate) struct WordIndex {
    /// Index into `rows` plus one; 0 is an empty slot.
    slots: Vec<u32>,
    rows: Vec<(&'static [u8], u32)>,
    shift: u32,
}

impl WordIndex {
    /// An index of `rows`; where a word repeats, its first row wins.
    pub(crate) fn new(rows: impl IntoIterator<Item = (&'static [u8], u32)>) -> Self {
        let mut ix = WordIndex {
            slots: Vec::new(),
            rows: Vec::new(),
            shift: 64,
        };
        let rows: Vec<_> = rows.into_iter().collect();
        // At most a quarter full: most probes end at the first slot.
        let bits = (rows.len().max(1) * 4).next_power_of_two().trailing_zeros();
        ix.slots = vec![0; 1 << bits];
        ix.shift = 64 - bits;
        for (w, v) in rows {
            if ix.get(w).is_none() {
                ix.rows.push((w, v));
                let mut s = ix.slot(w);
                while ix.slots[s] != 0 {
                    s = (s + 1) & (ix.slots.len() - 1);
                }
                ix.slots[s] = u32::try_from(ix.rows.len()).unwrap_or(u32::MAX);
            }
        }
        ix
    }

    /// A set: every word with the value 0.
    pub(crate) fn set<'a>(words: impl IntoIterator<Item = &'a &'static str>) -> Self {
        Self::new(words.into_iter().map(|w| (w.as_bytes(), 0)))
    }

    fn slot(&self, w: &[u8]) -> usize {
        // The first and the last eight bytes and the length: words differ in them.
        let n = w.len();
        let mut x = n as u64;
        for (k, &c) in w.iter().take(8).enumerate() {
            x ^= u64::from(c) << (8 * k);
        }
        if n > 8 {
            for (k, &c) in w[n - 8..].iter().enumerate() {
                x ^= u64::from(c) << (8 * k + 3);
            }
            x ^= (n as u64) << 59;
        }
        let h = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        usize::try_from(h.checked_shr(self.shift).unwrap_or(0)).unwrap_or(0)
    }

    /// The value of `word`'s row, if `word` is in the table.
    pub(crate) fn get(&self, word: &[u8]) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut slot = self.slot(word);
        loop {
            let row = self.slots[slot];
            if row == 0 {
                return None;
            }
            let (key, value) = self.rows[row as usize - 1];
            // Words are short: compared in line, not through `memcmp`.
            if key.len() == word.len() && key.iter().zip(word).all(|(a, b)| a == b) {
                return Some(value);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Whether `w` is in the table.
    pub(crate) fn contains(&self, w: &[u8]) -> bool {
        self.get(w).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::WordIndex;

    #[test]
    fn finds_every_row_and_nothing_else() {
        let words = [
            "a",
            "an",
            "one",
            "two",
            "three",
            "seventeen",
            "kilometres",
            "kilometre",
            "millilitres",
            "millimetres",
            "",
        ];
        let ix = WordIndex::new(words.iter().zip(0..).map(|(w, k)| (w.as_bytes(), k)));
        for (w, k) in words.iter().zip(0..) {
            assert_eq!(ix.get(w.as_bytes()), Some(k), "{w}");
        }
        for w in [
            "b",
            "One",
            "twos",
            "millilitre",
            "kilometress",
            "seventeenth",
        ] {
            assert_eq!(ix.get(w.as_bytes()), None, "{w}");
        }
        let first = WordIndex::new([(&b"x"[..], 1), (&b"x"[..], 2)]);
        assert_eq!(first.get(b"x"), Some(1));
        assert!(!WordIndex::new([]).contains(b"x"));
    }
}
