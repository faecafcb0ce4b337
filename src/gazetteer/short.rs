//! A table of short words: a word of 1 to 15 bytes packed with its length into a `u128`
//! ([`crate::mention::Norm::packed`]) is found with one multiply and a probe or two, without hashing or
//! comparing strings. Every token of every sentence is looked up among the phrases' first words,
//! and the walk from a first word to longer phrases looks up (node, next word) pairs the same way.

/// A key of a [`ShortTable`]: a packed word, or a packed word after a node of the phrase walk.
pub(super) trait Key: Copy + Eq {
    /// The empty slot: no key equals it (a packed word is never 0, its last byte being the
    /// length, at least 1).
    const EMPTY: Self;
    fn hash(self) -> u64;
}

impl Key for u128 {
    const EMPTY: u128 = 0;
    #[inline]
    fn hash(self) -> u64 {
        (self as u64) ^ ((self >> 64) as u64).rotate_left(29)
    }
}

/// (node, packed word): the word that continues the phrase walk at a node.
impl Key for (u32, u128) {
    const EMPTY: (u32, u128) = (0, 0);
    #[inline]
    fn hash(self) -> u64 {
        self.1.hash() ^ u64::from(self.0).wrapping_mul(0xD6E8_FEB8_6659_FD93)
    }
}

/// Open addressing, linear probing, at most half full; [`Key::EMPTY`] marks an empty slot.
/// Most words looked up are not in the table: a bitmap of the keys' hashes, 32 bits per slot
/// (one in 64 set), turns nearly all of them away before any probe.
#[derive(Debug)]
pub(super) struct ShortTable<K, T> {
    keys: Vec<K>,
    values: Vec<u32>,
    items: Vec<T>,
    shift: u32,
    /// Bit `h >> bits_shift` is set for the hash `h` of every key.
    bits: Vec<u64>,
    bits_shift: u32,
}

/// Bits of the hash bitmap per slot, as a power of two.
const BITS_PER_SLOT: u32 = 5;

impl<K: Key, T> Default for ShortTable<K, T> {
    fn default() -> Self {
        ShortTable::new(Vec::new())
    }
}

impl<K: Key, T> ShortTable<K, T> {
    /// A table of `entries` (key, value); keys are distinct and none is [`Key::EMPTY`].
    pub(super) fn new(entries: Vec<(K, T)>) -> ShortTable<K, T> {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut t = ShortTable {
            keys: vec![K::EMPTY; size],
            values: vec![0; size],
            items: Vec::with_capacity(entries.len()),
            shift: 64 - size.trailing_zeros(),
            bits: vec![0; (size << BITS_PER_SLOT) / 64],
            bits_shift: 64 - size.trailing_zeros() - BITS_PER_SLOT,
        };
        for (key, item) in entries {
            let b = t.mix(key) >> t.bits_shift;
            t.bits[(b / 64) as usize] |= 1 << (b % 64);
            let mut i = t.slot(key);
            while t.keys[i] != K::EMPTY {
                i = (i + 1) & (size - 1);
            }
            t.keys[i] = key;
            t.values[i] = t.items.len() as u32;
            t.items.push(item);
        }
        t
    }

    /// The key's hash, spread to the high bits (which `slot` and the bitmap read).
    #[inline]
    fn mix(&self, key: K) -> u64 {
        key.hash().wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    #[inline]
    fn slot(&self, key: K) -> usize {
        (self.mix(key) >> self.shift) as usize
    }

    /// The item of `key`, if any.
    #[inline]
    pub(super) fn get(&self, key: K) -> Option<&T> {
        let h = self.mix(key);
        let b = h >> self.bits_shift;
        if self.bits[(b / 64) as usize] & (1 << (b % 64)) == 0 {
            return None;
        }
        let mask = self.keys.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(&self.items[self.values[i] as usize]);
            }
            if k == K::EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// `w` packed like [`crate::mention::Norm::packed`] ([`crate::packed::pack`]), if it has 1 to
/// 15 bytes.
pub(super) fn pack(w: &str) -> Option<u128> {
    if w.is_empty() {
        return None;
    }
    crate::packed::pack(w.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norms_pack_like_strings() {
        for text in [
            "the French side said",
            "Élysée a b c",
            "x123456789012345 y1234567890123456 Z",
        ] {
            for t in crate::mention::tokenize(text) {
                assert_eq!(t.norm.packed(), pack(t.norm.as_str()), "{:?}", t.norm);
            }
        }
        let t = ShortTable::new(vec![(pack("the").unwrap(), 1), (pack("a").unwrap(), 2)]);
        assert_eq!(t.get(pack("the").unwrap()), Some(&1));
        assert_eq!(t.get(pack("a").unwrap()), Some(&2));
        assert_eq!(t.get(pack("an").unwrap()), None);
        // Many keys: every one found, no other (the bitmap turns none of them away).
        let words: Vec<String> = (0..3000).map(|k| format!("w{k}")).collect();
        let t = ShortTable::new(
            words
                .iter()
                .enumerate()
                .filter(|(k, _)| k % 3 == 0)
                .map(|(k, w)| (pack(w).unwrap(), k))
                .collect(),
        );
        for (k, w) in words.iter().enumerate() {
            assert_eq!(t.get(pack(w).unwrap()), (k % 3 == 0).then_some(&k), "{w}");
        }
        let (a, b) = (pack("side").unwrap(), pack("sides").unwrap());
        let t = ShortTable::new(vec![((0, a), 'x'), ((1, a), 'y'), ((0, b), 'z')]);
        assert_eq!(t.get((0, a)), Some(&'x'));
        assert_eq!(t.get((1, a)), Some(&'y'));
        assert_eq!(t.get((0, b)), Some(&'z'));
        assert_eq!(t.get((1, b)), None);
        assert_eq!(t.get((2, a)), None);
    }
}
