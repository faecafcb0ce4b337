//! The statistics behind the comparison tables: interval estimates for shares and their
//! differences, tests of association for 2x2 tables, keyness scores, multiple-testing
//! correction, and the random numbers and percentiles of the bootstrap ([`crate::aggregate::boot`]).
//!
//! Every function is pure and deterministic, works in `f64`, and answers `None` where a value is
//! undefined instead of returning NaN. Each one names its source; the unit tests pin them to
//! values computed independently with SciPy 1.17, statsmodels 0.15 and NumPy 2.4 by
//! `scripts/stats_reference.py`.
//!
//! A 2x2 table `[[a, b], [c, d]]` has rows = the two actors (a row sums to its statements or
//! tokens) and columns = with / without the feature, so `a / (a + b)` is the first actor's share.

use statrs::distribution::{ChiSquared, ContinuousCDF};

/// The normal quantile for a two-sided 95% interval, `Φ⁻¹(0.975)`.
pub const Z95: f64 = 1.959963984540054;

/// Wilson score interval for `k` successes of `n`, at `z` (1.959963984540054 for 95%).
///
/// Wilson (1927), as in statsmodels' `proportion_confint(method="wilson")`: centre
/// `(p + z²/2n) / (1 + z²/n)`, half-width `z·√(p(1-p)/n + z²/4n²) / (1 + z²/n)`, clipped to
/// `[0, 1]` (the bound is exactly 0 for `k = 0` and exactly 1 for `k = n`).
/// `None` when `n = 0`, `k > n`, or `z` is negative or not finite.
pub fn wilson(k: u64, n: u64, z: f64) -> Option<(f64, f64)> {
    if n == 0 || k > n || !z.is_finite() || z < 0.0 {
        return None;
    }
    let nf = n as f64;
    let p = k as f64 / nf;
    let z2 = z * z;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = z * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt() / denom;
    let lo = if k == 0 {
        0.0
    } else {
        (centre - half).clamp(0.0, 1.0)
    };
    let hi = if k == n {
        1.0
    } else {
        (centre + half).clamp(0.0, 1.0)
    };
    Some((lo, hi))
}

/// Newcombe's hybrid score interval (method 10, Newcombe 1998) for `p1 - p2`.
///
/// Returns `(p1 - p2, lo, hi)` with `lo = d - √((p1-l1)² + (u2-p2)²)` and
/// `hi = d + √((u1-p1)² + (p2-l2)²)`, where `(l, u)` are the [`wilson`] intervals of each
/// proportion (Newcombe 1998, Statistics in Medicine 17:873–890, eq. for method 10; the same as
/// statsmodels' `confint_proportions_2indep(method="newcomb")`). `None` when `wilson` is
/// undefined for either proportion.
pub fn newcombe(k1: u64, n1: u64, k2: u64, n2: u64, z: f64) -> Option<(f64, f64, f64)> {
    let (l1, u1) = wilson(k1, n1, z)?;
    let (l2, u2) = wilson(k2, n2, z)?;
    let p1 = k1 as f64 / n1 as f64;
    let p2 = k2 as f64 / n2 as f64;
    let d = p1 - p2;
    let lo = d - ((p1 - l1).powi(2) + (u2 - p2).powi(2)).sqrt();
    let hi = d + ((u1 - p1).powi(2) + (p2 - l2).powi(2)).sqrt();
    Some((d, lo.max(-1.0), hi.min(1.0)))
}

/// Risk ratio `p1 / p2` with `p = k / n` (`None` if `n1` or `n2` is 0 or `p2` is 0).
pub fn risk_ratio(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<f64> {
    if n1 == 0 || n2 == 0 || k2 == 0 {
        return None;
    }
    Some((k1 as f64 / n1 as f64) / (k2 as f64 / n2 as f64))
}

/// Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
/// "Fightin' Words", Political Analysis 16:372–403).
///
/// `y_a` of the word in group a of `n_a` words in all, `y_b` in group b of `n_b`, prior count
/// `alpha_w` for the word and `alpha_0` in total. Returns `(delta, variance, z)`:
/// - eq. 16: `delta = ln((y_a+α_w) / (n_a+α_0-y_a-α_w)) - ln((y_b+α_w) / (n_b+α_0-y_b-α_w))`,
///   natural logarithms, positive when group a uses the word more;
/// - eq. 20: `variance ≈ 1/(y_a+α_w) + 1/(y_b+α_w)` — the paper's approximation, which drops the
///   (small) terms of the non-word counts;
/// - eq. 22: `z = delta / √variance`.
///
/// The inputs must satisfy `alpha_w > 0`, `alpha_w < alpha_0`, `0 ≤ y ≤ n` (then every term is
/// finite); other inputs are a caller's bug and are checked in debug builds.
pub fn log_odds_dirichlet(
    y_a: f64,
    n_a: f64,
    y_b: f64,
    n_b: f64,
    alpha_w: f64,
    alpha_0: f64,
) -> (f64, f64, f64) {
    debug_assert!(
        alpha_w > 0.0 && alpha_w < alpha_0,
        "need 0 < alpha_w < alpha_0"
    );
    debug_assert!(
        (0.0..=n_a).contains(&y_a) && (0.0..=n_b).contains(&y_b),
        "need 0 <= y <= n"
    );
    let log_odds = |y: f64, n: f64| ((y + alpha_w) / (n + alpha_0 - y - alpha_w)).ln();
    let delta = log_odds(y_a, n_a) - log_odds(y_b, n_b);
    let variance = 1.0 / (y_a + alpha_w) + 1.0 / (y_b + alpha_w);
    (delta, variance, delta / variance.sqrt())
}

/// Relative tolerance under which two tables count as equally likely in [`fisher_exact`].
const FISHER_REL_TOL: f64 = 1e-7;

/// Fisher's exact test, two-sided, for the 2x2 table `[[a, b], [c, d]]`.
///
/// Same definition as `scipy.stats.fisher_exact`: the sum of the hypergeometric probabilities
/// (margins fixed) of all tables no more likely than the observed one. "No more likely" allows a
/// relative tolerance of 1e-7, as R's `fisher.test` does (SciPy uses 1e-14, too tight for
/// floating point: tables of mathematically equal probability, like `[[3,5],[5,3]]` and
/// `[[5,3],[3,5]]`, must both count). A table with an empty row or column gives 1.
///
/// The probabilities are computed in log space by the ratio recurrence
/// `P(x+1)/P(x) = (r1-x)(c1-x) / ((x+1)(r2-c1+x+1))`, starting from the mode, so no factorial is
/// ever formed and p-values down to ~1e-300 keep full relative precision.
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (r1, r2, c1) = (a + b, c + d, a + c);
    let n = r1 + r2;
    if r1 == 0 || r2 == 0 || c1 == 0 || c1 == n {
        return 1.0;
    }
    // x = the top-left cell; its support given the margins.
    let lo = c1.saturating_sub(r2);
    let hi = r1.min(c1);
    let ratio = |x: u64| {
        let up = (r1 - x) as f64 * (c1 - x) as f64;
        let down = (x + 1) as f64 * (r2 + x + 1 - c1) as f64;
        (up / down).ln()
    };
    let mode = (((c1 + 1) as u128 * (r1 + 1) as u128 / (n + 2) as u128) as u64).clamp(lo, hi);
    // ln P(x) - ln P(mode) for x in lo..=hi; all ≤ 0 (up to rounding) since the pmf is unimodal.
    let mut lw = vec![0.0; (hi - lo + 1) as usize];
    for x in mode..hi {
        lw[(x + 1 - lo) as usize] = lw[(x - lo) as usize] + ratio(x);
    }
    for x in (lo..mode).rev() {
        lw[(x - lo) as usize] = lw[(x + 1 - lo) as usize] - ratio(x);
    }
    let obs = lw[(a - lo) as usize];
    let limit = obs + FISHER_REL_TOL; // ln(1 + 1e-7) ≈ 1e-7
    let total: f64 = lw.iter().map(|w| w.exp()).sum();
    let tail: f64 = lw
        .iter()
        .filter(|&&w| w <= limit)
        .map(|w| (w - obs).exp())
        .sum();
    (obs + tail.ln() - total.ln()).exp().min(1.0)
}

/// Row and column margins and total of `[[a, b], [c, d]]`, as f64:
/// `(r1, r2, c1, c2, n)`.
fn margins(a: u64, b: u64, c: u64, d: u64) -> (f64, f64, f64, f64, f64) {
    let f = |x: u64| x as f64;
    (f(a + b), f(c + d), f(a + c), f(b + d), f(a + b + c + d))
}

/// Pearson chi-square test of independence for a 2x2 table, returning `(statistic, p)`.
///
/// `X² = n(ad - bc)² / (r1·r2·c1·c2)`, **without** Yates' continuity correction (the same as
/// `scipy.stats.chi2_contingency(table, correction=False)`): the correction makes the test
/// conservative, and small tables are served by [`fisher_exact`] instead (see [`min_expected`]).
/// `p` is the upper tail of the chi-square distribution with 1 degree of freedom (statrs).
/// `None` when a margin is zero (the statistic is 0/0).
pub fn chi_square(a: u64, b: u64, c: u64, d: u64) -> Option<(f64, f64)> {
    let (r1, r2, c1, c2, n) = margins(a, b, c, d);
    if r1 == 0.0 || r2 == 0.0 || c1 == 0.0 || c2 == 0.0 {
        return None;
    }
    // ad - bc exactly, before it goes to f64.
    let det = (a as i128 * d as i128 - b as i128 * c as i128) as f64;
    let stat = n * det * det / (r1 * r2 * c1 * c2);
    let dist = ChiSquared::new(1.0).expect("1 degree of freedom is valid");
    Some((stat, dist.sf(stat)))
}

/// Log-likelihood ratio G² for a 2x2 table (Dunning 1993, "Accurate methods for the statistics
/// of surprise and coincidence"; the usual keyness statistic), with `0·ln 0 = 0`.
///
/// `G² = 2 Σ O·ln(O/E)` over the four cells, `E = row·column/n`, computed as
/// `2 Σ [O·ln(O/E) - (O - E)]` (the added terms sum to zero; every term is then ≥ 0, which
/// avoids cancellation). 0 for a table with an empty row or column (no evidence either way).
pub fn g2(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (r1, r2, c1, c2, n) = margins(a, b, c, d);
    if n == 0.0 {
        return 0.0;
    }
    let term = |o: u64, r: f64, c: f64| {
        let e = r * c / n;
        if o == 0 {
            e
        } else {
            let o = o as f64;
            o * (o / e).ln() - (o - e)
        }
    };
    let sum = term(a, r1, c1) + term(b, r1, c2) + term(c, r2, c1) + term(d, r2, c2);
    (2.0 * sum).max(0.0)
}

/// Benjamini–Hochberg adjusted q-values, in input order.
///
/// `q_(i) = min over j ≥ i of p_(j)·m/j`, capped at 1, for the p-values sorted ascending (as
/// statsmodels' `multipletests(method="fdr_bh")`). `None` entries (and non-finite ones) are
/// skipped: they stay `None` and do not count in `m`.
pub fn benjamini_hochberg(p: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut idx: Vec<(usize, f64)> = p
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|x| x.is_finite()).map(|x| (i, x)))
        .collect();
    idx.sort_by(|x, y| x.1.total_cmp(&y.1));
    let m = idx.len() as f64;
    let mut q = vec![None; p.len()];
    let mut running = f64::INFINITY;
    for (rank, &(i, pv)) in idx.iter().enumerate().rev() {
        running = running.min(pv / ((rank + 1) as f64 / m));
        q[i] = Some(running.min(1.0));
    }
    q
}

/// Smallest expected cell count `min(row)·min(column)/n` of a 2x2 table, for "small sample"
/// notes (the chi-square approximation is usually trusted when it is at least 5).
/// `None` for an empty table.
pub fn min_expected(a: u64, b: u64, c: u64, d: u64) -> Option<f64> {
    let (r1, r2, c1, c2, n) = margins(a, b, c, d);
    (n > 0.0).then(|| r1.min(r2) * c1.min(c2) / n)
}

/// A seeded, portable random generator: SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference
/// `splitmix64.c`), 64 bits of state, the same stream on every platform.
///
/// Not for cryptography; good for resampling.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator whose stream is fully determined by `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// What the state advances by at every draw (SplitMix64's "golden gamma").
    pub const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(Rng::GAMMA);
        Rng::mix(self.state)
    }

    /// SplitMix64's output function. Draw `i` (from 0) of `Rng::new(s)` is
    /// `mix(s + (i + 1) · GAMMA)`, in wrapping arithmetic: draws can be computed in any order.
    #[inline]
    pub fn mix(mut z: u64) -> u64 {
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..n`, without modulo bias: Lemire's multiply-and-reject method
    /// ("Fast random integer generation in an interval", 2019), computed in 64 bits whatever the
    /// width of `usize`, so 32- and 64-bit machines draw the same numbers.
    ///
    /// # Panics
    /// If `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "Rng::below(0): empty range");
        let n = n as u64;
        let mut m = u128::from(self.next_u64()) * u128::from(n);
        if (m as u64) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u64) < threshold {
                m = u128::from(self.next_u64()) * u128::from(n);
            }
        }
        (m >> 64) as usize
    }
}

/// The `q`-quantile (`0 ≤ q ≤ 1`) of ascending `sorted` values by linear interpolation between
/// closest ranks: Hyndman & Fan (1996) type 7, exactly as `numpy.percentile(v, 100*q)` with its
/// default `method="linear"` — including NumPy's rounding (`h = (n-1)q`, and the interpolation
/// computed from the upper neighbour when the fraction is ≥ 0.5).
///
/// # Panics
/// If `sorted` is empty.
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    let last = sorted.len() - 1;
    let h = last as f64 * q;
    if h >= last as f64 {
        return sorted[last];
    }
    if h <= 0.0 {
        return sorted[0];
    }
    let i = h.floor();
    let t = h - i;
    let (a, b) = (sorted[i as usize], sorted[i as usize + 1]);
    let diff = b - a;
    if t >= 0.5 {
        b - diff * (1.0 - t)
    } else {
        a + diff * t
    }
}

#[cfg(test)]
mod tests;
