//! A table of short words: a word of 1 to 15 bytes packed with its length into a `u128`
//! ([`crate::mention::Norm::packed`]) is found with one multiply and a probe or two, without hashing or
//! comparing strings. Every token of every sentence is looked up among the phrases' first words.

/// Open addressing, linear probing, at most half full; a key is never 0 (its last byte is the
/// length, at least 1), so 0 marks an empty slot.
#[derive(Debug, Default)]
pub(super) struct ShortTable<T> {
    keys: Vec<u128>,
    values: Vec<u32>,
    items: Vec<T>,
    shift: u32,
}

impl<T> ShortTable<T> {
    /// A table of `entries` (packed key, value); keys are distinct.
    pub(super) fn new(entries: Vec<(u128, T)>) -> ShortTable<T> {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut t = ShortTable {
            keys: vec![0; size],
            values: vec![0; size],
            items: Vec::with_capacity(entries.len()),
            shift: 64 - size.trailing_zeros(),
        };
        for (key, item) in entries {
            let mut i = t.slot(key);
            while t.keys[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            t.keys[i] = key;
            t.values[i] = t.items.len() as u32;
            t.items.push(item);
        }
        t
    }

    #[inline]
    fn slot(&self, key: u128) -> usize {
        let h = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The item of `key`, if any.
    #[inline]
    pub(super) fn get(&self, key: u128) -> Option<&T> {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(&self.items[self.values[i] as usize]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// `w` packed like [`crate::mention::Norm::packed`], if it has 1 to 15 bytes.
pub(super) fn pack(w: &str) -> Option<u128> {
    if w.is_empty() || w.len() > 15 {
        return None;
    }
    let mut b = [0u8; 16];
    b[..w.len()].copy_from_slice(w.as_bytes());
    b[15] = w.len() as u8;
    Some(u128::from_le_bytes(b))
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
    }
}
