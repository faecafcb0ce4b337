//! [`Terms`]: how often each term occurs in one actor's statements, counted with short terms
//! packed into integers.
//!
//! Terms are counted by the billion, nearly all of them short: a term of at most
//! [`SHORT`] bytes is kept as one `u128` (its bytes little-endian, zero-padded, and its length
//! in the top byte), so counting it hashes and compares an integer, with no key on the heap
//! and no allocation when it is first seen. The length byte makes packing injective whatever
//! the bytes (even a NUL). Longer terms are kept as strings. A term is short or long by its
//! length alone, so two `Terms` holding the same counts hold the same maps.

use std::collections::HashMap;

use crate::packed::unpack;
pub use crate::packed::{pack, pack_at, SHORT};

type Hash = foldhash::fast::FixedState;

/// Term counts of one actor (see the module documentation). Every output sorts them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms {
    /// The terms of at most [`SHORT`] bytes, as [`pack`] packs them.
    short: HashMap<u128, u64, Hash>,
    /// The longer terms.
    long: HashMap<String, u64, Hash>,
}

impl Terms {
    /// Count one occurrence of `w`.
    pub fn add(&mut self, w: &str) {
        match pack(w.as_bytes()) {
            Some(key) => self.add_packed(key),
            None => self.add_long(w, 1),
        }
    }

    /// Count one occurrence of the term packed as `key` ([`pack`]).
    #[inline]
    pub fn add_packed(&mut self, key: u128) {
        *self.short.entry(key).or_insert(0) += 1;
    }

    /// Count `n` occurrences of `w`.
    pub fn add_n(&mut self, w: &str, n: u64) {
        match pack(w.as_bytes()) {
            Some(key) => *self.short.entry(key).or_insert(0) += n,
            None => self.add_long(w, n),
        }
    }

    fn add_long(&mut self, w: &str, n: u64) {
        match self.long.get_mut(w) {
            Some(c) => *c += n,
            None => {
                self.long.insert(w.to_string(), n);
            }
        }
    }

    /// Add the counts of `other`.
    pub fn merge(&mut self, other: &Terms) {
        for (&key, &n) in &other.short {
            *self.short.entry(key).or_insert(0) += n;
        }
        for (w, &n) in &other.long {
            self.add_long(w, n);
        }
    }

    /// How often `w` occurs.
    pub fn get(&self, w: &str) -> u64 {
        match pack(w.as_bytes()) {
            Some(key) => self.short.get(&key),
            None => self.long.get(w),
        }
        .copied()
        .unwrap_or(0)
    }

    /// The occurrences of every term.
    pub fn total(&self) -> u64 {
        self.short.values().sum::<u64>() + self.long.values().sum::<u64>()
    }

    /// The number of distinct terms.
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// Whether no term was counted.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every term and its count, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (String, u64)> + '_ {
        let short = self.short.iter().map(|(key, &n)| {
            let w = String::from_utf8(unpack(key)).expect("packed from a str");
            (w, n)
        });
        short.chain(self.long.iter().map(|(w, &n)| (w.clone(), n)))
    }
}

impl FromIterator<(String, u64)> for Terms {
    fn from_iter<I: IntoIterator<Item = (String, u64)>>(counts: I) -> Terms {
        let mut out = Terms::default();
        for (w, n) in counts {
            match pack(w.as_bytes()) {
                Some(key) => *out.short.entry(key).or_insert(0) += n,
                None => *out.long.entry(w).or_insert(0) += n,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// A small xorshift generator: the tests need no crate for randomness.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Random words of 1..=40 bytes or so (many around 16), ASCII and not, NUL included.
    fn words(rng: &mut Rng, n: usize) -> Vec<String> {
        let alphabet = ['a', 'b', 'z', '0', '9', 'é', 'ß', '北', '\0', 'œ'];
        (0..n)
            .map(|_| {
                let len = match rng.below(3) {
                    0 => 1 + rng.below(40),
                    _ => 13 + rng.below(6),
                };
                let mut w = String::new();
                while w.len() < len {
                    // Mostly ASCII letters, some of everything else.
                    let c = if rng.below(4) == 0 {
                        alphabet[rng.below(alphabet.len())]
                    } else {
                        alphabet[rng.below(3)]
                    };
                    w.push(c);
                }
                w
            })
            .collect()
    }

    #[test]
    fn packing_is_injective_and_round_trips() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut seen: HashMap<u128, String> = HashMap::new();
        let mut ws = words(&mut rng, 5000);
        ws.extend(
            [
                "a",
                "a\0",
                "\0a",
                "\0",
                "",
                "abcdefghijklmno",
                "abcdefghijklmnop",
            ]
            .map(String::from),
        );
        for w in ws {
            let Some(key) = pack(w.as_bytes()) else {
                assert!(w.len() > SHORT);
                continue;
            };
            assert_eq!(unpack(&key), w.as_bytes());
            if let Some(other) = seen.insert(key, w.clone()) {
                assert_eq!(other, w, "two words, one key");
            }
            // Packing in place, from any position of a longer text, gives the same key.
            for pad in [0, 1, 17] {
                let text = format!("{}{w}{}", "x".repeat(pad), "y".repeat(pad));
                assert_eq!(pack_at(text.as_bytes(), pad, pad + w.len()), key);
            }
        }
    }

    #[test]
    fn counts_as_a_string_map_would() {
        let mut rng = Rng(42);
        let vocabulary = words(&mut rng, 300);
        let mut want: HashMap<String, u64> = HashMap::new();
        let (mut a, mut b) = (Terms::default(), Terms::default());
        for i in 0..20_000 {
            let w = &vocabulary[rng.below(vocabulary.len())];
            *want.entry(w.clone()).or_default() += 1;
            // Half through `add`, half through `add_packed`, into two maps merged at the end.
            let t = if i % 2 == 0 { &mut a } else { &mut b };
            match (i % 4, w.len() <= SHORT) {
                (0 | 1, true) => t.add_packed(pack_at(w.as_bytes(), 0, w.len())),
                _ => t.add(w),
            }
        }
        a.merge(&b);
        let got: HashMap<String, u64> = a.iter().collect();
        assert_eq!(got, want);
        assert_eq!(a.len(), want.len());
        assert_eq!(a.total(), want.values().sum::<u64>());
        for w in &vocabulary {
            assert_eq!(a.get(w), want[w]);
        }
        assert_eq!(a.get("never seen"), 0);
        // Building from counts gives the same maps; so does adding them one term at a time.
        let built: Terms = want.clone().into_iter().collect();
        assert_eq!(built, a);
        let mut by_n = Terms::default();
        for (w, n) in &want {
            by_n.add_n(w, *n);
        }
        assert_eq!(by_n, a);
        // Sorted, as the partial results write them.
        let sorted: BTreeMap<String, u64> = a.iter().collect();
        let want_sorted: BTreeMap<String, u64> = want.into_iter().collect();
        assert_eq!(sorted, want_sorted);
    }
}
