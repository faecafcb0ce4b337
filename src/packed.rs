//! Short words as integers: a word of at most [`SHORT`] bytes packed into one `u128` (its
//! bytes little-endian, zero-padded, and its length in the top byte), so that a hash map keyed
//! by words hashes and compares an integer instead of a string on the heap. The length byte
//! makes packing injective whatever the bytes (even a NUL). The gazetteer's word table, the
//! tokens' folded forms ([`crate::mention::Norm`]) and the term counts use this one layout.

/// The longest word packed into an integer, in bytes (the sixteenth byte holds the length).
pub const SHORT: usize = 15;

/// A word of at most [`SHORT`] bytes as one integer: its bytes little-endian, then its length
/// in the top byte.
pub fn pack(w: &[u8]) -> Option<u128> {
    if w.len() > SHORT {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..w.len()].copy_from_slice(w);
    buf[15] = w.len() as u8;
    Some(u128::from_le_bytes(buf))
}

/// `KEEP[n]`: the low `n` bytes of a `u128` set (a table: a variable `u128` shift is slow).
const KEEP: [u128; SHORT + 1] = {
    let mut t = [0; SHORT + 1];
    let mut n = 1;
    while n <= SHORT {
        t[n] = (1 << (8 * n)) - 1;
        n += 1;
    }
    t
};

/// [`pack`] of `text[start..end]` (at most [`SHORT`] bytes), loading sixteen bytes at once
/// when the text holds them.
#[inline]
pub fn pack_at(text: &[u8], start: usize, end: usize) -> u128 {
    let n = end - start;
    debug_assert!(n <= SHORT && end <= text.len());
    match text.get(start..start + 16) {
        Some(chunk) => {
            let x = u128::from_le_bytes(chunk.try_into().expect("sixteen bytes"));
            (x & KEEP[n]) | (n as u128) << 120
        }
        None => pack(&text[start..end]).expect("short"),
    }
}

/// The bytes of a packed word.
pub fn unpack(key: &u128) -> Vec<u8> {
    let bytes = key.to_le_bytes();
    bytes[..usize::from(bytes[15])].to_vec()
}
