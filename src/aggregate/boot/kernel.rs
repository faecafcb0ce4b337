//! The bootstrap's hot loops ([`super::Replicates::add_records`]): a block of weights drawn
//! out of order, and the weighted sums, written so that they vectorise.
//!
//! - Weights: draw `i` of a stream is `Rng::mix(seed + (i + 1) · GAMMA)` ([`Rng::mix`]), so a
//!   block of draws is a loop without a carried state, and the first four Poisson thresholds are
//!   four compares; the few weights of 4 or more (under 2%) are recomputed with [`poisson_1`].
//! - Sums: a weight (at most [`MAX_WEIGHT`]) times a count of at most [`NARROW`] is a 32-bit
//!   multiply, and score units go into `i64` lanes, one block per cell, added to the `i128`
//!   sums after each block, when [`narrow_scores`] proves that no `i64` sum can overflow;
//!   otherwise (and for larger counts) the same sums are taken the plain way.
//!
//! On x86-64 the whole loop is compiled twice, for the baseline (SSE2) and for AVX2, the latter
//! chosen at run time when the CPU has it. Both are the same integer arithmetic, in the same
//! order per sum, so they give the same sums (the tests check it).

use super::{first_four, fnv1a64, poisson_1, DocCells, Replicates, BLOCK, POISSON_1};
use crate::stats::Rng;

/// The largest weight [`poisson_1`] gives: the number of thresholds.
pub const MAX_WEIGHT: u64 = POISSON_1.len() as u64;

/// Add documents with their Poisson weights (see [`Replicates::add_records`]), with the AVX2
/// loop when the CPU has AVX2.
pub fn add(sums: &mut Replicates, docs: &[DocCells<'_>], lexicons: usize) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: `add_avx2` only requires AVX2, which the CPU has (just detected).
        unsafe { add_avx2(sums, docs, lexicons) };
        return;
    }
    add_portable(sums, docs, lexicons);
}

/// [`add`] compiled for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
pub fn add_avx2(sums: &mut Replicates, docs: &[DocCells<'_>], lexicons: usize) {
    add_inline(sums, docs, lexicons);
}

/// [`add`] compiled for the target's baseline.
pub fn add_portable(sums: &mut Replicates, docs: &[DocCells<'_>], lexicons: usize) {
    add_inline(sums, docs, lexicons);
}

/// Whether the score sums of these documents fit in `i64` whatever the weights: every partial
/// sum `Σ k_d · v_d` of a cell's score units `v_d` with weights `k_d ≤ MAX_WEIGHT` is at most
/// `MAX_WEIGHT · Σ |v_d|` in absolute value, summed here over every cell of every document.
pub fn narrow_scores(docs: &[DocCells<'_>]) -> bool {
    // At most 2^63 per cell and fewer than 2^64 cells: the total fits in a u128.
    let total: u128 = docs
        .iter()
        .flat_map(|(_, cells)| cells.iter())
        .map(|(_, _, c)| u128::from(c.score_units.unsigned_abs()))
        .sum();
    total
        .checked_mul(u128::from(MAX_WEIGHT))
        .is_some_and(|b| b <= i64::MAX as u128)
}

/// The body of [`add`], inlined into each compiled copy.
#[inline(always)]
fn add_inline(sums: &mut Replicates, docs: &[DocCells<'_>], lexicons: usize) {
    let reps = sums.reps;
    if reps == 0 {
        return;
    }
    let narrow = narrow_scores(docs);
    // The cells with score units get a block of `i64` lanes each (`narrow` only).
    let mut lane = vec![u32::MAX; sums.hits.len() / reps];
    let mut laned = Vec::new();
    if narrow {
        for (a, l, c) in docs.iter().flat_map(|(_, cells)| cells.iter()) {
            let cell = a * lexicons + l;
            if c.score_units != 0 && lane[cell] == u32::MAX {
                lane[cell] = laned.len() as u32;
                laned.push(cell);
            }
        }
    }
    let mut lanes = vec![0i64; laned.len() * BLOCK];
    let seeds: Vec<u64> = docs
        .iter()
        .map(|(id, _)| sums.seed ^ fnv1a64(id.as_bytes()))
        .collect();
    let mut block = [0u32; BLOCK];
    for r0 in (0..reps).step_by(BLOCK) {
        let n = BLOCK.min(reps - r0);
        let w = &mut block[..n];
        for ((_, cells), &seed) in docs.iter().zip(&seeds) {
            if cells.is_empty() {
                continue;
            }
            draw(seed, r0, w);
            let w = &*w;
            let mut actor = usize::MAX;
            for (a, l, c) in cells.iter() {
                if *a != actor {
                    actor = *a;
                    let at = actor * reps + r0;
                    let tokens = &mut sums.tokens[at..at + n];
                    let statements = &mut sums.statements[at..at + n];
                    add_two(tokens, statements, w, c.tokens, c.statements);
                }
                if c.hits == 0 && c.score_units == 0 {
                    continue;
                }
                let cell = a * lexicons + l;
                let at = cell * reps + r0;
                let hits = &mut sums.hits[at..at + n];
                if narrow {
                    match lane[cell] {
                        // No score units in this cell in any of the documents.
                        u32::MAX => add_one(hits, w, c.hits),
                        i => {
                            let lanes = &mut lanes[i as usize * BLOCK..][..n];
                            add_hits_lanes(hits, lanes, w, c.hits, c.score_units);
                        }
                    }
                } else {
                    add_one(hits, w, c.hits);
                    add_wide(&mut sums.score_units[at..at + n], w, c.score_units);
                }
            }
        }
        for (&cell, lanes) in laned.iter().zip(lanes.chunks_exact_mut(BLOCK)) {
            let at = cell * reps + r0;
            for (s, x) in sums.score_units[at..at + n].iter_mut().zip(lanes) {
                *s += i128::from(std::mem::take(x));
            }
        }
    }
}

/// The weights of replicates `r0..r0 + w.len()` of the stream `Rng::new(seed)`, into `w`: the
/// same as [`super::weights`] gives.
#[inline(always)]
pub fn draw(seed: u64, r0: usize, w: &mut [u32]) {
    let mut z = seed.wrapping_add((r0 as u64).wrapping_mul(Rng::GAMMA));
    let mut chunks = w.chunks_exact_mut(DRAWN);
    for chunk in &mut chunks {
        draw_chunk(z, chunk);
        z = z.wrapping_add((DRAWN as u64).wrapping_mul(Rng::GAMMA));
    }
    draw_chunk(z, chunks.into_remainder());
}

/// Weights drawn at once by [`draw_chunk`], then checked for weights of 4 or more.
const DRAWN: usize = 16;

/// The weights of draws `1..=w.len()` after state `z`, into `w`.
#[inline(always)]
fn draw_chunk(start: u64, w: &mut [u32]) {
    let mut z = start;
    let mut over = 0;
    for k in w.iter_mut() {
        z = z.wrapping_add(Rng::GAMMA);
        let x = first_four(Rng::mix(z));
        over |= x;
        *k = x;
    }
    // Bit 2 is set only by a count of 4: then thresholds from the fifth on may be ≤ u too
    // (in about a quarter of the chunks).
    if over & 4 != 0 {
        let mut z = start;
        for k in w.iter_mut() {
            z = z.wrapping_add(Rng::GAMMA);
            if *k == 4 {
                *k = poisson_1(Rng::mix(z));
            }
        }
    }
}

/// The largest count multiplied in 32 bits: `MAX_WEIGHT · x` fits in a `u32`.
const NARROW: u64 = u32::MAX as u64 / MAX_WEIGHT;

/// `a[r] += w[r] · x` and `b[r] += w[r] · y` for every `r` of `w`.
#[inline(always)]
fn add_two(a: &mut [u64], b: &mut [u64], w: &[u32], x: u64, y: u64) {
    let (a, b) = (&mut a[..w.len()], &mut b[..w.len()]);
    if x <= NARROW && y <= NARROW {
        // Products in 32 bits (8 to a 256-bit vector), without overflow: k ≤ MAX_WEIGHT.
        let (x, y) = (x as u32, y as u32);
        for ((a, b), &k) in a.iter_mut().zip(b.iter_mut()).zip(w) {
            *a += u64::from(k * x);
            *b += u64::from(k * y);
        }
    } else {
        for ((a, b), &k) in a.iter_mut().zip(b.iter_mut()).zip(w) {
            *a += u64::from(k) * x;
            *b += u64::from(k) * y;
        }
    }
}

/// `a[r] += w[r] · x` for every `r` of `w`.
#[inline(always)]
fn add_one(a: &mut [u64], w: &[u32], x: u64) {
    let a = &mut a[..w.len()];
    if x <= NARROW {
        let x = x as u32;
        a.iter_mut()
            .zip(w)
            .for_each(|(a, &k)| *a += u64::from(k * x));
    } else {
        a.iter_mut()
            .zip(w)
            .for_each(|(a, &k)| *a += u64::from(k) * x);
    }
}

/// `hits[r] += w[r] · h` and `lanes[r] += w[r] · v` for every `r` of `w` (`lanes` within
/// the bound of [`narrow_scores`]).
#[inline(always)]
fn add_hits_lanes(hits: &mut [u64], lanes: &mut [i64], w: &[u32], h: u64, v: i64) {
    let (hits, lanes) = (&mut hits[..w.len()], &mut lanes[..w.len()]);
    if h <= NARROW {
        let h = h as u32;
        for ((a, s), &k) in hits.iter_mut().zip(lanes.iter_mut()).zip(w) {
            *a += u64::from(k * h);
            *s += i64::from(k) * v;
        }
    } else {
        for ((a, s), &k) in hits.iter_mut().zip(lanes.iter_mut()).zip(w) {
            *a += u64::from(k) * h;
            *s += i64::from(k) * v;
        }
    }
}

/// `sums[r] += w[r] · v` for every `r` of `w`, in `i128`.
#[inline(always)]
fn add_wide(sums: &mut [i128], w: &[u32], v: i64) {
    let v = i128::from(v);
    for (s, &k) in sums.iter_mut().zip(w) {
        *s += i128::from(k) * v;
    }
}

#[cfg(test)]
#[path = "kernel_tests.rs"]
mod tests;
