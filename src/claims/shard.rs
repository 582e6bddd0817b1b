//! `--shard K/N`: which claim files shard K of N checks, so the N jobs of a
//! CI matrix share a large archive with no coordination. A file's shard is
//! decided by a SHA-256 of its path relative to the project root (with `/`
//! separators), so every machine and every run assigns it the same way, and
//! adding a file never moves another. Pure: the caller gives the relative
//! path.

use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

/// Shard `index` of `count`, 1-based as `--shard K/N` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// K, from 1 to `count`.
    pub index: u32,
    /// N, at least 1.
    pub count: u32,
}

impl Shard {
    /// Whether this shard checks the claim file at `relative` (its path
    /// relative to the project root, `/`-separated).
    #[must_use]
    pub fn contains(self, relative: &str) -> bool {
        assign(relative, self.count) == self.index
    }
}

/// The shard (1-based) of `count` that the file at `relative` belongs to:
/// the first eight bytes of the SHA-256 of the path, big-endian, modulo
/// `count`. `count` 0 is read as 1.
#[must_use]
pub fn assign(relative: &str, count: u32) -> u32 {
    let digest = Sha256::digest(relative.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let n = u64::from_be_bytes(first);
    (n % u64::from(count.max(1))) as u32 + 1
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let bad = || format!("`{text}` is not a shard; write K/N with 1 <= K <= N, e.g. 2/4");
        let (k, n) = text.trim().split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        let cases = [
            ("1/1", Some((1, 1))),
            ("2/4", Some((2, 4))),
            (" 4/4 ", Some((4, 4))),
            ("0/4", None),
            ("5/4", None),
            ("1/0", None),
            ("1", None),
            ("a/b", None),
            ("-1/4", None),
        ];
        for (text, want) in cases {
            let got = text.parse::<Shard>().ok().map(|s| (s.index, s.count));
            assert_eq!(got, want, "{text}");
        }
        assert_eq!("3/8".parse::<Shard>().unwrap().to_string(), "3/8");
    }

    #[test]
    fn assignment_is_fixed_across_machines_and_versions() {
        // Changing these breaks every CI matrix mid-run: the hash is part
        // of the interface. Worked out with Python's hashlib, not with this
        // code: int.from_bytes(sha256(path).digest()[:8], "big") % N + 1.
        let cases = [
            ("claims/a.toml", 4, 2),
            ("claims/2024-10-22-un-chief-kazan.toml", 4, 2),
            ("claims/f0.toml", 2, 1),
            ("claims/f1.toml", 2, 1),
            ("claims/f2.toml", 2, 1),
        ];
        for (path, count, want) in cases {
            assert_eq!(assign(path, count), want, "{path}");
        }
        assert_eq!(assign("anything", 1), 1);
    }

    #[test]
    fn shards_are_balanced() {
        let mut sizes = [0usize; 4];
        for i in 0..2000 {
            sizes[assign(&format!("claims/f{i}.toml"), 4) as usize - 1] += 1;
        }
        assert!(sizes.iter().all(|&n| (440..=560).contains(&n)), "{sizes:?}");
    }

    proptest::proptest! {
        #[test]
        fn every_file_is_in_exactly_one_shard(path in "\\PC{0,60}", count in 1u32..64) {
            let holders = (1..=count)
                .filter(|&index| Shard { index, count }.contains(&path))
                .count();
            proptest::prop_assert_eq!(holders, 1);
            proptest::prop_assert_eq!(assign(&path, count), assign(&path, count));
        }
    }
}
