//! The Poisson bootstrap over documents, kept as replicate sums that merge exactly.
//!
//! The classic bootstrap draws `n` documents with replacement for every replicate, which needs
//! every document's counts at the end. The Poisson bootstrap (Hanley & MacGibbon 2006,
//! "Creating non-parametric bootstrap samples using Poisson frequencies"; Chamandy et al. 2012,
//! "Estimating uncertainty for massive data streams", Google) gives each document, in each
//! replicate, an independent Poisson(1) weight instead: the replicate's sums are the weighted
//! sums of the documents' counts, which can be accumulated as documents stream by, in constant
//! memory, and summed across threads or machines. For large corpora the two bootstraps agree.
//!
//! Every weight is a fixed function of the seed, the document id and the replicate number, so
//! the replicate sums do not depend on the order of the documents, on how the corpus is split
//! or on the thread count, and every sum is an integer: merging is exact.
//!
//! The definitions, so that anyone can recompute them (scripts/tables_reference.py does):
//! - the document's stream: SplitMix64 ([`crate::stats::Rng`]) seeded with
//!   `seed ^ fnv1a64(id)` (64-bit FNV-1a over the id's UTF-8 bytes);
//! - replicate `r`'s weight is drawn from the `r`-th output `u` of that stream: the number of
//!   thresholds `T_k = floor(2^64 · P(X ≤ k))`, `k = 0, 1, …`, of a Poisson(1) variable `X`
//!   that are `≤ u` ([`POISSON_1`]), i.e. the inverse CDF of Poisson(1) at `u / 2^64`.

use serde::{Deserialize, Serialize};

use super::{Cell, SCORE_UNITS};
use crate::stats::percentile;

mod kernel;

/// `floor(2^64 · P(X ≤ k))` for a Poisson(1) variable `X`, `k = 0..=19`: a draw `u` gives the
/// weight `#{k : POISSON_1[k] ≤ u}`. `P(X > 19)` is below 2⁻⁶⁴, so larger weights never occur.
/// Computed from `P(X ≤ k) = e⁻¹ Σ_{j≤k} 1/j!` with exact fractions (scripts/tables_reference.py).
pub const POISSON_1: [u64; 20] = [
    6786177901268885274,
    13572355802537770549,
    16965444753172213186,
    18096474403383694065,
    18379231815936564285,
    18435783298447138329,
    18445208545532234003,
    18446555009401533385,
    18446723317385195808,
    18446742018272269410,
    18446743888360976771,
    18446744058369041076,
    18446744072536379768,
    18446744073626175052,
    18446744073704017573,
    18446744073709207074,
    18446744073709531418,
    18446744073709550497,
    18446744073709551557,
    18446744073709551613,
];

/// A document for [`Replicates::add_records`]: its id and its cells `(actor, lexicon,
/// counts)` for the actors holding statements in it.
pub type DocCells<'a> = (&'a str, &'a [(usize, usize, Cell)]);

/// Replicates taken at once by [`Replicates::add_records`].
const BLOCK: usize = 256;

/// 64-bit FNV-1a of some bytes.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The Poisson(1) weight of a uniform 64-bit draw.
pub fn poisson_1(u: u64) -> u32 {
    // The first four thresholds without branches (P(X ≥ 4) < 2%), the rest rarely.
    let w = first_four(u);
    if w < 4 {
        return w;
    }
    POISSON_1.iter().take_while(|&&t| t <= u).count() as u32
}

/// How many of the first four thresholds are `≤ u`: [`poisson_1`] when below 4.
#[inline(always)]
fn first_four(u: u64) -> u32 {
    u32::from(u >= POISSON_1[0])
        + u32::from(u >= POISSON_1[1])
        + u32::from(u >= POISSON_1[2])
        + u32::from(u >= POISSON_1[3])
}

/// The seed of a document's stream of draws ([`crate::stats::Rng::new`]): replicate `r`'s weight is
/// [`poisson_1`] of the stream's `r`-th output.
fn stream_seed(seed: u64, id: &str) -> u64 {
    seed ^ fnv1a64(id.as_bytes())
}

/// The weights of one document in replicates `0..reps`, into `out`, drawn in order: the
/// definition that the kernel's out-of-order draws are tested against.
#[cfg(test)]
pub fn weights(seed: u64, id: &str, reps: usize, out: &mut Vec<u32>) {
    out.clear();
    let mut rng = crate::stats::Rng::new(stream_seed(seed, id));
    out.extend((0..reps).map(|_| poisson_1(rng.next_u64())));
}

/// The replicate sums of every actor (per actor: tokens and statements) and actor × lexicon
/// (hits and score units), each an array of `reps` sums, flattened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replicates {
    pub reps: usize,
    pub seed: u64,
    /// `[actor][r]`.
    pub tokens: Vec<u64>,
    pub statements: Vec<u64>,
    /// `[actor * lexicons + lexicon][r]`.
    pub hits: Vec<u64>,
    pub score_units: Vec<i128>,
}

impl Replicates {
    /// Empty sums for `actors × lexicons` cells.
    pub fn new(actors: usize, lexicons: usize, reps: usize, seed: u64) -> Replicates {
        Replicates {
            reps,
            seed,
            tokens: vec![0; actors * reps],
            statements: vec![0; actors * reps],
            hits: vec![0; actors * lexicons * reps],
            score_units: vec![0; actors * lexicons * reps],
        }
    }

    /// `replicates N, seed S`, for messages.
    pub fn describe(&self) -> String {
        format!("{} replicates, seed {}", self.reps, self.seed)
    }

    /// Add one document's dense cells (`actors × lexicons`) with its Poisson weights (tests: the
    /// pipeline adds [`crate::aggregate::DocRecord`]s with [`Replicates::add_records`]).
    #[cfg(test)]
    pub fn add_document(&mut self, id: &str, doc: &[Cell], lexicons: usize) {
        let cells: Vec<(usize, usize, Cell)> = doc
            .iter()
            .enumerate()
            .filter(|(_, c)| c.statements > 0)
            .map(|(i, c)| (i / lexicons, i % lexicons, c.clone()))
            .collect();
        self.add_records(&[(id, &cells)], lexicons);
    }

    /// Add documents with their Poisson weights. Each is its id and its cells `(actor,
    /// lexicon, counts)` for the actors holding statements in it, every lexicon of each, in
    /// index order (as in [`crate::aggregate::DocRecord`]).
    ///
    /// The replicates are taken `BLOCK` (256) at a time, each block for every document before
    /// the next block: the sums a block touches (a few kilobytes per cell) stay in the cache while
    /// the documents pass, where one document at a time would stream every touched cell's
    /// 2,000 sums (16 or 32 kilobytes) through memory. The sums are the same either way. The
    /// loops are in `boot/kernel.rs`.
    pub fn add_records(&mut self, docs: &[DocCells<'_>], lexicons: usize) {
        kernel::add(self, docs, lexicons);
    }

    /// Add another set of sums (same shape) to this one.
    pub fn add(&mut self, other: &Replicates) {
        for (a, b) in self.tokens.iter_mut().zip(&other.tokens) {
            *a += b;
        }
        for (a, b) in self.statements.iter_mut().zip(&other.statements) {
            *a += b;
        }
        for (a, b) in self.hits.iter_mut().zip(&other.hits) {
            *a += b;
        }
        for (a, b) in self.score_units.iter_mut().zip(&other.score_units) {
            *a += b;
        }
    }

    /// The 95% interval of hits per 1,000 tokens of actor `a`, lexicon `l` (of `lexicons`).
    pub fn rate_ci(&self, a: usize, l: usize, lexicons: usize) -> Option<(f64, f64)> {
        let (reps, c) = (self.reps, a * lexicons + l);
        let num = self.hits[c * reps..(c + 1) * reps]
            .iter()
            .map(|&x| x as f64);
        let den = self.tokens[a * reps..(a + 1) * reps].iter();
        interval(num.zip(den.map(|&y| y as f64)), 1000.0)
    }

    /// The 95% interval of the mean score per statement of actor `a`, lexicon `l`.
    pub fn mean_ci(&self, a: usize, l: usize, lexicons: usize) -> Option<(f64, f64)> {
        let (reps, c) = (self.reps, a * lexicons + l);
        let num = self.score_units[c * reps..(c + 1) * reps]
            .iter()
            .map(|&x| x as f64 / SCORE_UNITS);
        let den = self.statements[a * reps..(a + 1) * reps].iter();
        interval(num.zip(den.map(|&y| y as f64)), 1.0)
    }
}

/// The 2.5th and 97.5th percentiles ([`percentile`], NumPy's default) of the replicate ratios
/// `num / den * scale`, replicates with `den == 0` left out; `None` when none is left.
fn interval(pairs: impl Iterator<Item = (f64, f64)>, scale: f64) -> Option<(f64, f64)> {
    let mut values: Vec<f64> = pairs
        .filter(|&(_, den)| den != 0.0)
        .map(|(num, den)| num / den * scale)
        .filter(|r| r.is_finite())
        .collect();
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    Some((percentile(&values, 0.025), percentile(&values, 0.975)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::Rng;

    #[test]
    fn poisson_thresholds_are_the_poisson_1_cdf() {
        // The printed constants are floor(2^64 P(X <= k)), computed exactly with Python's
        // fractions (scripts/tables_reference.py); here, checked against f64 arithmetic.
        let mut cdf = 0.0;
        let mut fact = 1.0;
        for (k, &t) in POISSON_1.iter().enumerate() {
            if k > 0 {
                fact *= k as f64;
            }
            cdf += (-1f64).exp() / fact;
            let want = cdf * 2f64.powi(64);
            assert!(
                (t as f64 - want).abs() <= want * 1e-14,
                "k={k}: {t} vs {want}"
            );
        }
        assert!(POISSON_1.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(poisson_1(0), 0);
        assert_eq!(poisson_1(POISSON_1[0]), 1);
        assert_eq!(poisson_1(u64::MAX), 20);
        // The branch-free start gives the count of thresholds ≤ u, as defined.
        let mut rng = Rng::new(5);
        let edges = POISSON_1.iter().flat_map(|&t| [t - 1, t, t + 1]);
        for u in (0..100_000).map(|_| rng.next_u64()).chain(edges) {
            let want = POISSON_1.iter().filter(|&&t| t <= u).count() as u32;
            assert_eq!(poisson_1(u), want, "{u}");
        }
    }

    #[test]
    fn weights_average_one_and_depend_on_id_and_seed() {
        let mut w = Vec::new();
        let mut sum = 0u64;
        let mut zeros = 0;
        for i in 0..200 {
            weights(7, &format!("doc{i}"), 100, &mut w);
            sum += w.iter().map(|&x| u64::from(x)).sum::<u64>();
            zeros += w.iter().filter(|&&x| x == 0).count();
        }
        let mean = sum as f64 / 20_000.0;
        assert!((mean - 1.0).abs() < 0.03, "{mean}");
        let p0 = zeros as f64 / 20_000.0;
        assert!((p0 - (-1f64).exp()).abs() < 0.02, "{p0}");
        let (mut a, mut b, mut c) = (Vec::new(), Vec::new(), Vec::new());
        weights(7, "x", 64, &mut a);
        weights(8, "x", 64, &mut b);
        weights(7, "y", 64, &mut c);
        assert_ne!(a, b);
        assert_ne!(a, c);
        weights(7, "x", 64, &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn documents_added_together_give_the_sums_of_documents_added_one_by_one() {
        // 600 replicates: two whole blocks and a part of one.
        let (actors, lexicons, reps) = (3, 2, 600);
        let docs: Vec<(String, Vec<Cell>)> = (0..9u64)
            .map(|i| {
                let cells = (0..actors * lexicons as u64)
                    .map(|c| {
                        let held = !(i + c / lexicons as u64).is_multiple_of(3);
                        Cell {
                            statements: if held { 1 + (i + c) % 4 } else { 0 },
                            hits: if held { (i * c) % 3 } else { 0 },
                            tokens: if held { 10 + i + c } else { 0 },
                            score_units: if held {
                                (i as i64 - 4) * 250_000_000
                            } else {
                                0
                            },
                            ..Cell::default()
                        }
                    })
                    .collect();
                (format!("doc-{i}"), cells)
            })
            .collect();
        let mut one_by_one = Replicates::new(actors as usize, lexicons, reps, 5);
        for (id, cells) in &docs {
            one_by_one.add_document(id, cells, lexicons);
        }
        type Sparse = Vec<(usize, usize, Cell)>;
        let sparse: Vec<(String, Sparse)> = docs
            .iter()
            .map(|(id, cells)| {
                let held = cells.iter().enumerate().filter(|(_, c)| c.statements > 0);
                let cells = held.map(|(i, c)| (i / lexicons, i % lexicons, c.clone()));
                (id.clone(), cells.collect())
            })
            .collect();
        let together: Vec<DocCells<'_>> = sparse
            .iter()
            .map(|(id, cells)| (id.as_str(), cells.as_slice()))
            .collect();
        let mut at_once = Replicates::new(actors as usize, lexicons, reps, 5);
        at_once.add_records(&together, lexicons);
        assert_eq!(at_once, one_by_one);
        assert!(at_once.hits.iter().any(|&h| h > 0));
        assert!(at_once.score_units.iter().any(|&s| s < 0));
        // And a document's weights are those `weights` draws.
        let mut w = Vec::new();
        weights(5, "doc-1", reps, &mut w);
        let mut single = Replicates::new(actors as usize, lexicons, reps, 5);
        single.add_document("doc-1", &docs[1].1, lexicons);
        let a = sparse[1].1[0].0;
        let expected: Vec<u64> = w
            .iter()
            .map(|&k| u64::from(k) * docs[1].1[a * lexicons].tokens)
            .collect();
        assert_eq!(single.tokens[a * reps..(a + 1) * reps], expected[..]);
    }

    #[test]
    fn intervals_match_an_independent_python_implementation() {
        // scripts/tables_reference.py, "Poisson bootstrap on 30 synthetic documents".
        let mut r = Replicates::new(1, 1, 999, 42);
        for i in 0..30u64 {
            let cell = Cell {
                statements: 1 + i % 3,
                hits: i % 4,
                tokens: 20 + 3 * (i % 7),
                score_units: (i as i64 % 5 - 2) * 1_250_000_000,
                ..Cell::default()
            };
            r.add_document(&format!("doc-{i:02}"), &[cell], 1);
        }
        let (lo, hi) = r.rate_ci(0, 0, 1).unwrap();
        assert!((lo - 36.13776092022411).abs() < 1e-9 && (hi - 65.3963686368382).abs() < 1e-9);
        let (lo, hi) = r.mean_ci(0, 0, 1).unwrap();
        assert!((lo + 0.3537932389937107).abs() < 1e-12, "{lo}");
        assert!((hi - 0.3253796902918404).abs() < 1e-12, "{hi}");
    }
}
