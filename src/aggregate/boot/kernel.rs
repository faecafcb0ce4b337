//! The bootstrap's hot loops ([`super::Replicates::add_records`]): a block of weights drawn
//! out of order, and the weighted sums, written so that they vectorise.
//!
//! - Weights: draw `i` of a stream is `Rng::mix(seed + (i + 1) · GAMMA)` ([`Rng::mix`]), so a
//!   block of draws is a loop without a carried state, and the first four Poisson thresholds are
//!   four compares; the few weights of 4 or more (under 2%) are recomputed with [`poisson_1`].
//! - Sums: a block of replicates is summed for a run of documents into lanes, `u32` for counts
//!   (8 to a 256-bit vector, a weight times a count being a 32-bit multiply) and `f64` holding
//!   integers exactly for score units, then added to the `u64` and `i128` sums: integer sums,
//!   so the order does not matter.
//!   [`laned`] proves that no lane can overflow; documents out of its bounds (none in practice)
//!   are summed the plain way.
//!
//! On x86-64 the whole loop is compiled twice, for the baseline (SSE2) and for AVX2, the latter
//! chosen at run time when the CPU has it. Both are the same integer arithmetic, in the same
//! order per sum, so they give the same sums (the tests check it).

use super::{first_four, poisson_1, stream_seed, DocCells, Replicates, BLOCK, POISSON_1};
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

/// The largest score lane sum: integers up to 2^53 in absolute value are `f64`s, and so are
/// their products and sums when every result is within it (IEEE 754 rounds only what it cannot
/// represent), on every platform.
pub const EXACT: u64 = 1 << f64::MANTISSA_DIGITS;

/// How many of the first documents can be summed in lanes (see [`add_laned`]): all of them
/// while every lane sum `Σ k_d · x_d`, over documents `d` with weights `k_d ≤ MAX_WEIGHT`, fits
/// in its lane (`u32` for counts, exact `f64` for score units: [`EXACT`]), as does every
/// partial sum and product. Each is at most `MAX_WEIGHT · Σ |x_d|`, bounded here by the sum of
/// `|x|` over every cell (actor, for tokens and statements) of the documents.
pub fn laned(docs: &[DocCells<'_>]) -> usize {
    let k = u128::from(MAX_WEIGHT);
    let (counts, score) = (u128::from(u32::MAX), u128::from(EXACT));
    // Below 2^64 per cell and fewer than 2^64 cells: the totals fit in a u128.
    let mut total = [0u128; 4];
    for (i, (_, cells)) in docs.iter().enumerate() {
        let mut actor = usize::MAX;
        for (a, _, c) in cells.iter() {
            if *a != actor {
                actor = *a;
                total[0] += u128::from(c.tokens);
                total[1] += u128::from(c.statements);
            }
            total[2] += u128::from(c.hits);
            total[3] += u128::from(c.score_units.unsigned_abs());
        }
        if total[..3].iter().any(|&t| t * k > counts) || total[3] * k > score {
            return i;
        }
    }
    docs.len()
}

/// The body of [`add`], inlined into each compiled copy: the documents in runs summed in lanes
/// ([`laned`], nearly always all of them at once), the others one by one, the plain way.
#[inline(always)]
fn add_inline(sums: &mut Replicates, docs: &[DocCells<'_>], lexicons: usize) {
    if sums.reps == 0 {
        return;
    }
    let mut rest = docs;
    while !rest.is_empty() {
        let n = laned(rest);
        if n > 0 {
            add_laned(sums, &rest[..n], lexicons);
        } else {
            add_plain(sums, &rest[..1], lexicons);
        }
        rest = &rest[n.max(1)..];
    }
}

/// Each document's stream: the state before its first draw ([`stream_seed`]).
fn seeds(seed: u64, docs: &[DocCells<'_>]) -> Vec<u64> {
    docs.iter().map(|(id, _)| stream_seed(seed, id)).collect()
}

/// An actor's lanes for one block of replicates: its tokens and statements.
#[derive(Clone)]
struct ActorLanes {
    tokens: [u32; BLOCK],
    statements: [u32; BLOCK],
}

/// A cell's lanes for one block of replicates: its hits and score units (integers, exact).
#[derive(Clone)]
struct CellLanes {
    hits: [u32; BLOCK],
    score: [f64; BLOCK],
}

/// The sums of documents whose lane sums fit ([`laned`]). Each block of replicates is summed
/// for every document into lanes, one block of them per actor (tokens, statements: `u32`) and
/// per cell with hits or score units (hits: `u32`, score units: `f64`, cheaper to multiply than
/// `i64` without AVX-512, and exact: [`EXACT`]), then the lanes are added to the sums. The loops take whole blocks (the weights past the
/// last replicate are 0) over fields of one lane structure: without bounds or overlap checks.
#[inline(always)]
fn add_laned(sums: &mut Replicates, docs: &[DocCells<'_>], lexicons: usize) {
    let reps = sums.reps;
    // The lanes of each actor and cell, in `actor_lane`/`cell_lane` (u32::MAX: none).
    let mut actor_lane = vec![u32::MAX; sums.tokens.len() / reps];
    let mut cell_lane = vec![u32::MAX; sums.hits.len() / reps];
    let (mut actors, mut cells) = (Vec::new(), Vec::new());
    for (a, l, c) in docs.iter().flat_map(|(_, cells)| cells.iter()) {
        if actor_lane[*a] == u32::MAX {
            actor_lane[*a] = actors.len() as u32;
            actors.push(*a);
        }
        let cell = a * lexicons + l;
        if (c.hits != 0 || c.score_units != 0) && cell_lane[cell] == u32::MAX {
            cell_lane[cell] = cells.len() as u32;
            cells.push(cell);
        }
    }
    let empty = ActorLanes {
        tokens: [0; BLOCK],
        statements: [0; BLOCK],
    };
    let mut actor_lanes = vec![empty; actors.len()];
    let empty = CellLanes {
        hits: [0; BLOCK],
        score: [0.0; BLOCK],
    };
    let mut cell_lanes = vec![empty; cells.len()];
    let seeds = seeds(sums.seed, docs);
    let mut w = [0u32; BLOCK];
    for r0 in (0..reps).step_by(BLOCK) {
        let n = BLOCK.min(reps - r0);
        for ((_, doc), &seed) in docs.iter().zip(&seeds) {
            if doc.is_empty() {
                continue;
            }
            draw(seed, r0, &mut w[..n]);
            w[n..].fill(0);
            let mut actor = usize::MAX;
            for (a, l, c) in doc.iter() {
                if *a != actor {
                    actor = *a;
                    let lanes = &mut actor_lanes[actor_lane[actor] as usize];
                    // In bounds ([`laned`]): the products and sums fit in u32.
                    let (x, y) = (c.tokens as u32, c.statements as u32);
                    let both = lanes.tokens.iter_mut().zip(&mut lanes.statements);
                    for ((t, s), &k) in both.zip(&w) {
                        *t += k * x;
                        *s += k * y;
                    }
                }
                if c.hits == 0 && c.score_units == 0 {
                    continue;
                }
                let lanes = &mut cell_lanes[cell_lane[a * lexicons + l] as usize];
                // Exact: |score units| ≤ EXACT (and weights ≤ 20 are i32s).
                let (x, y) = (c.hits as u32, c.score_units as f64);
                let both = lanes.hits.iter_mut().zip(&mut lanes.score);
                for ((h, v), &k) in both.zip(&w) {
                    *h += k * x;
                    *v += f64::from(k as i32) * y;
                }
            }
        }
        for (&a, lanes) in actors.iter().zip(&mut actor_lanes) {
            let at = a * reps + r0;
            empty_into(&mut sums.tokens[at..at + n], &mut lanes.tokens);
            empty_into(&mut sums.statements[at..at + n], &mut lanes.statements);
        }
        for (&cell, lanes) in cells.iter().zip(&mut cell_lanes) {
            let at = cell * reps + r0;
            empty_into(&mut sums.hits[at..at + n], &mut lanes.hits);
            let score = sums.score_units[at..at + n].iter_mut();
            for (s, x) in score.zip(&mut lanes.score) {
                // An integer of at most EXACT: exact as an i64.
                *s += i128::from(std::mem::take(x) as i64);
            }
        }
    }
}

/// Add lanes to sums (as many as there are sums) and zero them.
#[inline(always)]
fn empty_into<S: std::ops::AddAssign + From<L>, L: Default>(sums: &mut [S], lanes: &mut [L]) {
    for (s, x) in sums.iter_mut().zip(lanes) {
        *s += S::from(std::mem::take(x));
    }
}

/// The sums of documents, each weight times each count as a `u64` and each score as an `i128`:
/// for documents with lane sums out of bounds (not seen in practice).
fn add_plain(sums: &mut Replicates, docs: &[DocCells<'_>], lexicons: usize) {
    let reps = sums.reps;
    let mut w = vec![0u32; reps];
    for ((_, doc), seed) in docs.iter().zip(seeds(sums.seed, docs)) {
        draw(seed, 0, &mut w);
        let mut actor = usize::MAX;
        for (a, l, c) in doc.iter() {
            if *a != actor {
                actor = *a;
                let at = actor * reps;
                let (t, s) = (&mut sums.tokens[at..at + reps], &mut sums.statements[at..]);
                for ((t, s), &k) in t.iter_mut().zip(s.iter_mut()).zip(&w) {
                    *t += u64::from(k) * c.tokens;
                    *s += u64::from(k) * c.statements;
                }
            }
            let at = (a * lexicons + l) * reps;
            let (h, v) = (&mut sums.hits[at..at + reps], &mut sums.score_units[at..]);
            for ((h, v), &k) in h.iter_mut().zip(v.iter_mut()).zip(&w) {
                *h += u64::from(k) * c.hits;
                *v += i128::from(k) * i128::from(c.score_units);
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

#[cfg(test)]
#[path = "kernel_tests.rs"]
mod tests;
