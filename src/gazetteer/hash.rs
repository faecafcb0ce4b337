//! The hash of the gazetteer's maps.

use std::hash::{BuildHasherDefault, Hasher};

/// The hasher of the phrase dictionary: every token of every sentence is looked up, and the keys
/// are short words, for which SipHash (the default, proof against flooding) costs more than the
/// lookup itself. The keys are the gazetteer's own phrases, so flooding is no concern; the maps
/// are never iterated in an order that reaches an output.
pub type FastHash = BuildHasherDefault<FxHasher>;

/// The Fx hash (rustc's): a multiply and a rotate per 8 bytes.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(i.into());
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
