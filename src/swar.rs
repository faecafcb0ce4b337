//! Eight bytes at a time: tests on every byte of a `u64` at once, for the scans that run over
//! all of the text (folding, counting words, finding line ends).
//!
//! Bytes are read little-endian ([`load`]), so byte `k` of the text is bits `8k..8k + 8`. The
//! tests that take `x` "all ASCII" need every byte below 0x80 ([`is_ascii`]): adding at most
//! 0x80 to each byte then carries into no other byte, and the high bit of each byte answers a
//! comparison.

/// 0x01 in every byte.
pub const ONES: u64 = u64::from_ne_bytes([1; 8]);
/// 0x80 in every byte.
pub const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);

/// The first eight bytes of `bytes` (at least eight), little-endian.
#[inline]
pub fn load(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes[..8].try_into().expect("eight bytes"))
}

/// Whether every byte of `x` is below 0x80.
#[inline]
pub fn is_ascii(x: u64) -> bool {
    x & HIGH == 0
}

/// `x` all ASCII: the high bit of each byte that is at least `lo` (at most 0x80).
#[inline]
pub fn at_least(x: u64, lo: u8) -> u64 {
    (x + u64::from(0x80 - lo) * ONES) & HIGH
}

/// `x` all ASCII: the high bit of each byte in `lo..=hi` (`hi` below 0x80).
#[inline]
pub fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    at_least(x, lo) & !at_least(x, hi + 1)
}

/// `x` all ASCII: the high bit of each byte equal to `c`.
#[inline]
pub fn equal(x: u64, c: u8) -> u64 {
    !((x ^ (u64::from(c) * ONES)) + 0x7F * ONES) & HIGH
}

/// Any `x`: non-zero exactly when some byte of `x` is `c` (the lowest such byte is flagged;
/// bytes above it may be flagged wrongly, so look at the bytes to find which).
#[inline]
pub fn contains(x: u64, c: u8) -> u64 {
    let v = x ^ (u64::from(c) * ONES);
    v.wrapping_sub(ONES) & !v & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_tests_agree_with_the_bytes() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Half the rounds all ASCII, with some bytes set to the ones looked for.
            let mut bytes = state.to_le_bytes();
            if round % 2 == 0 {
                for b in &mut bytes {
                    *b &= 0x7F;
                }
            }
            if round % 3 == 0 {
                bytes[(round / 3) % 8] = b' ';
            }
            let x = load(&bytes);
            let flags = |f: &dyn Fn(u8) -> bool| {
                bytes
                    .iter()
                    .enumerate()
                    .fold(0u64, |acc, (k, &b)| acc | (u64::from(f(b)) << (8 * k + 7)))
            };
            assert_eq!(is_ascii(x), bytes.iter().all(u8::is_ascii));
            for c in [b' ', b'\n', b'"', 0, 0x7F] {
                assert_eq!(contains(x, c) != 0, bytes.contains(&c), "{bytes:?} {c}");
            }
            if is_ascii(x) {
                for c in [b' ', b'-', b'"', 0] {
                    assert_eq!(equal(x, c), flags(&|b| b == c), "{bytes:?} {c}");
                }
                for (lo, hi) in [(b'0', b'9'), (b'A', b'Z'), (b'a', b'z'), (0x20, 0x7F)] {
                    assert_eq!(at_least(x, lo), flags(&|b| b >= lo));
                    assert_eq!(in_range(x, lo, hi), flags(&|b| (lo..=hi).contains(&b)));
                }
            }
        }
    }
}
