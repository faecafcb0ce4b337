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
mod tests {
    //! Reference values: unless a comment says otherwise, each was printed by the reference
    //! script `scripts/stats_reference.py` (SciPy 1.17.1, statsmodels 0.15.0, NumPy 2.4.6,
    //! Python 3.11) with full `repr` precision.
    use super::*;

    /// Asserts `actual` is within relative error `rel` of `expected` (absolute for 0).
    #[track_caller]
    fn close(actual: f64, expected: f64, rel: f64) {
        let err = (actual - expected).abs();
        let scale = expected.abs().max(f64::MIN_POSITIVE);
        assert!(
            err <= rel * scale || (expected == 0.0 && err <= rel),
            "got {actual:e}, expected {expected:e} (rel. error {:e})",
            err / scale
        );
    }

    #[test]
    fn z95_is_the_normal_quantile() {
        // scipy.stats.norm.ppf(0.975)
        assert_eq!(Z95, 1.959963984540054);
    }

    #[test]
    fn wilson_matches_statsmodels() {
        // statsmodels proportion_confint(k, n, alpha=0.05, method="wilson")
        let cases = [
            (0, 10, 0.0, 0.27753279986288926),
            (10, 10, 0.7224672001371106, 1.0),
            (1, 10, 0.017876213095072924, 0.40415002679523854),
            (5, 10, 0.23659309051256394, 0.7634069094874361),
            (56, 70, 0.6918335550374695, 0.8769526075163705),
            (48, 80, 0.4904546500516038, 0.7003817240412906),
            (0, 1, 0.0, 0.7934506856227627),
            (1, 1, 0.2065493143772374, 1.0),
            (3, 1000, 0.0010207838811386195, 0.008783014053503176),
            (500, 1000, 0.4690696003681042, 0.5309303996318958),
            (7, 123456, 2.74664349312709e-05, 0.00011704580977823684),
        ];
        for (k, n, lo, hi) in cases {
            let (l, h) = wilson(k, n, Z95).unwrap();
            close(l, lo, 1e-12);
            close(h, hi, 1e-12);
        }
        assert_eq!(wilson(0, 10, Z95).unwrap().0, 0.0);
        assert_eq!(wilson(10, 10, Z95).unwrap().1, 1.0);
    }

    #[test]
    fn wilson_undefined() {
        assert_eq!(wilson(0, 0, Z95), None);
        assert_eq!(wilson(3, 2, Z95), None);
        assert_eq!(wilson(1, 2, f64::NAN), None);
        assert_eq!(wilson(1, 2, -1.0), None);
    }

    #[test]
    fn newcombe_matches_statsmodels_and_the_paper() {
        // statsmodels confint_proportions_2indep(k1, n1, k2, n2, method="newcomb",
        // compare="diff", alpha=0.05); the first six are examples of Newcombe (1998), Table II.
        let cases = [
            (
                56,
                70,
                48,
                80,
                0.20000000000000007,
                0.05243147240236498,
                0.33387265403690614,
            ),
            (
                9,
                10,
                3,
                10,
                0.6000000000000001,
                0.1705227239345029,
                0.809017973535488,
            ),
            (
                6,
                7,
                2,
                7,
                0.5714285714285714,
                0.05822792748231209,
                0.8062496375242278,
            ),
            (
                5,
                56,
                0,
                29,
                0.08928571428571429,
                -0.038137147903536936,
                0.19256001385511165,
            ),
            (0, 10, 0, 20, 0.0, -0.1611251580528194, 0.27753279986288926),
            (0, 10, 10, 10, -1.0, -1.0, -0.6075093504305241),
            (10, 10, 0, 10, 1.0, 0.6075093504305241, 1.0),
            (0, 10, 0, 10, 0.0, -0.27753279986288926, 0.27753279986288926),
            (10, 10, 0, 20, 1.0, 0.6790860371419145, 1.0),
            (
                12,
                340,
                30,
                410,
                -0.037876614060258246,
                -0.07084495645284149,
                -0.004657672751453852,
            ),
            (
                1,
                3,
                2,
                1000,
                0.3313333333333333,
                0.05944100591378676,
                0.790342693748871,
            ),
        ];
        for (k1, n1, k2, n2, d, lo, hi) in cases {
            let (dd, l, h) = newcombe(k1, n1, k2, n2, Z95).unwrap();
            close(dd, d, 1e-12);
            close(l, lo, 1e-12);
            close(h, hi, 1e-12);
        }
        assert_eq!(newcombe(1, 0, 1, 2, Z95), None);
        assert_eq!(newcombe(1, 2, 0, 0, Z95), None);
    }

    #[test]
    fn newcombe_reproduces_the_published_table() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10, to 4 decimals
        // (examples a-h; (a) and (b) are also pinned in R DescTools' BinomDiffCI tests).
        let table = [
            (56, 70, 48, 80, 0.0524, 0.3339),
            (9, 10, 3, 10, 0.1705, 0.8090),
            (6, 7, 2, 7, 0.0582, 0.8062),
            (5, 56, 0, 29, -0.0381, 0.1926),
            (0, 10, 0, 20, -0.1611, 0.2775),
            (0, 10, 0, 10, -0.2775, 0.2775),
            (10, 10, 0, 20, 0.6791, 1.0),
            (10, 10, 0, 10, 0.6075, 1.0),
        ];
        for (k1, n1, k2, n2, lo, hi) in table {
            let (_, l, h) = newcombe(k1, n1, k2, n2, Z95).unwrap();
            assert!(
                (l - lo).abs() < 5e-5 && (h - hi).abs() < 5e-5,
                "{k1}/{n1} - {k2}/{n2}"
            );
        }
    }

    #[test]
    fn risk_ratio_cases() {
        assert_eq!(risk_ratio(10, 100, 5, 100), Some(2.0));
        assert_eq!(risk_ratio(0, 100, 5, 50), Some(0.0));
        close(
            risk_ratio(3, 7, 2, 9).unwrap(),
            (3.0 / 7.0) / (2.0 / 9.0),
            1e-15,
        );
        assert_eq!(risk_ratio(1, 0, 1, 1), None);
        assert_eq!(risk_ratio(1, 1, 1, 0), None);
        assert_eq!(risk_ratio(1, 1, 0, 5), None);
    }

    #[test]
    fn log_odds_matches_direct_python() {
        // Direct Python of Monroe et al. (2008) eqs. 16, 20, 22 (math.log), in the reference script.
        let cases = [
            (
                (10.0, 1000.0, 2.0, 1200.0, 1.2, 220.0),
                (1.411535644005462, 0.4017857142857143, 2.2268686631000563),
            ),
            (
                (0.0, 500.0, 7.0, 800.0, 0.07, 13.0),
                (-4.163263010360027, 14.427157001414425, -1.0960830679866846),
            ),
            (
                (5.0, 100.0, 5.0, 100.0, 0.5, 10.0),
                (0.0, 0.36363636363636365, 0.0),
            ),
            (
                (120.0, 25000.0, 35.0, 31000.0, 15.5, 5600.0),
                (1.1691037389607057, 0.02718205399875781, 7.091072309427414),
            ),
        ];
        for ((ya, na, yb, nb, aw, a0), (d, v, z)) in cases {
            let (dd, vv, zz) = log_odds_dirichlet(ya, na, yb, nb, aw, a0);
            close(dd, d, 1e-12);
            close(vv, v, 1e-12);
            close(zz, z, 1e-12);
        }
        // Antisymmetric in the groups.
        let (d1, v1, z1) = log_odds_dirichlet(10.0, 1000.0, 2.0, 1200.0, 1.2, 220.0);
        let (d2, v2, z2) = log_odds_dirichlet(2.0, 1200.0, 10.0, 1000.0, 1.2, 220.0);
        assert_eq!((d1, v1, z1), (-d2, v2, -z2));
    }

    /// The 2x2 tables of the reference script, as (a, b, c, d).
    type Table = (u64, u64, u64, u64);

    #[test]
    fn fisher_matches_scipy() {
        // scipy.stats.fisher_exact([[a, b], [c, d]]).pvalue (two-sided)
        let cases: [(Table, f64); 18] = [
            ((0, 12, 5, 7), 0.03726708074534161),
            ((120, 30, 80, 90), 1.1453879477002012e-09),
            ((8, 2, 1, 5), 0.034965034965034975),
            ((3, 5, 4, 50), 0.039707492465292815),
            ((3, 5, 5, 3), 0.6192696192696193),
            ((1, 0, 0, 1), 1.0),
            ((10, 0, 0, 10), 1.082508822446903e-05),
            ((5, 5, 5, 5), 1.0),
            ((2, 7, 8, 2), 0.02301413756522116),
            ((1000, 2000, 1100, 1900), 0.007364099121621419),
            ((0, 500, 30, 470), 1.18970588984351e-09),
            ((100, 0, 0, 100), 2.208760693199503e-59),
            ((1, 1, 1, 2), 1.0),
            ((0, 0, 5, 7), 1.0),
            ((0, 3, 0, 7), 1.0),
            ((0, 0, 0, 0), 1.0),
            ((21, 2948, 4, 3012), 0.00047590902109100535),
            ((7, 1, 2, 9), 0.005477494641581329),
        ];
        for ((a, b, c, d), p) in cases {
            close(fisher_exact(a, b, c, d), p, 1e-11);
            // Transposing the table or swapping its rows does not change a two-sided p-value.
            close(fisher_exact(a, c, b, d), p, 1e-11);
            close(fisher_exact(c, d, a, b), p, 1e-11);
        }
    }

    #[test]
    fn chi_square_matches_scipy() {
        // scipy.stats.chi2_contingency([[a, b], [c, d]], correction=False): (statistic, pvalue)
        let cases: [(Table, Option<(f64, f64)>); 18] = [
            ((0, 12, 5, 7), Some((6.315789473684211, 0.0119667451574363))),
            (
                (120, 30, 80, 90),
                Some((36.89411764705882, 1.247216745692819e-09)),
            ),
            (
                (8, 2, 1, 5),
                Some((6.112169312169312, 0.013425424881491248)),
            ),
            ((3, 5, 4, 50), Some((6.2999037999038, 0.012074452482188277))),
            ((3, 5, 5, 3), Some((1.0, 0.31731050786291115))),
            ((1, 0, 0, 1), Some((2.0, 0.15729920705028105))),
            ((10, 0, 0, 10), Some((20.0, 7.744216431044088e-06))),
            ((5, 5, 5, 5), Some((0.0, 1.0))),
            ((2, 7, 8, 2), Some((6.342716049382714, 0.01178642687562122))),
            (
                (1000, 2000, 1100, 1900),
                Some((7.326007326007326, 0.006796386225389933)),
            ),
            (
                (0, 500, 30, 470),
                Some((30.927835051546392, 2.6780315018403756e-08)),
            ),
            ((100, 0, 0, 100), Some((200.0, 2.0884875837625688e-45))),
            ((1, 1, 1, 2), Some((0.1388888888888888, 0.7093881150142265))),
            ((0, 0, 5, 7), None),
            ((0, 3, 0, 7), None),
            ((0, 0, 0, 0), None),
            (
                (21, 2948, 4, 3012),
                Some((11.878891492208872, 0.0005677372147245103)),
            ),
            (
                (7, 1, 2, 9),
                Some((8.926641414141415, 0.0028104066952301175)),
            ),
        ];
        for ((a, b, c, d), want) in cases {
            let got = chi_square(a, b, c, d);
            match (got, want) {
                (Some((s, p)), Some((ws, wp))) => {
                    close(s, ws, 1e-12);
                    close(p, wp, 1e-10);
                }
                (None, None) => {}
                _ => panic!("({a},{b},{c},{d}): got {got:?}, expected {want:?}"),
            }
        }
    }

    #[test]
    fn g2_matches_scipy() {
        // scipy.stats.power_divergence(obs.ravel(), f_exp=expected_freq(obs).ravel(),
        // lambda_="log-likelihood").statistic, equal (to 1e-12) to
        // chi2_contingency(obs, correction=False, lambda_="log-likelihood").statistic
        let cases: [(Table, f64); 15] = [
            ((0, 12, 5, 7), 8.262885140239028),
            ((120, 30, 80, 90), 38.198278969831925),
            ((8, 2, 1, 5), 6.5152716556872505),
            ((3, 5, 4, 50), 4.612637875549542),
            ((3, 5, 5, 3), 1.010686156862824),
            ((1, 0, 0, 1), 2.772588722239781),
            ((10, 0, 0, 10), 27.725887222397812),
            ((5, 5, 5, 5), 0.0),
            ((2, 7, 8, 2), 6.7441769025903335),
            ((1000, 2000, 1100, 1900), 7.328089662668859),
            ((0, 500, 30, 470), 42.51681385892897),
            ((100, 0, 0, 100), 277.25887222397813),
            ((1, 1, 1, 2), 0.13844293808390656),
            ((21, 2948, 4, 3012), 12.992033404665369),
            ((7, 1, 2, 9), 9.827549489016466),
        ];
        for ((a, b, c, d), g) in cases {
            close(g2(a, b, c, d), g, 1e-11);
        }
        // Degenerate tables (an empty row or column, or nothing at all): 0 by convention.
        assert_eq!(g2(0, 0, 5, 7), 0.0);
        assert_eq!(g2(0, 3, 0, 7), 0.0);
        assert_eq!(g2(0, 0, 0, 0), 0.0);
    }

    #[test]
    fn min_expected_matches_scipy() {
        // scipy.stats.contingency.expected_freq([[a, b], [c, d]]).min()
        let cases: [(Table, f64); 17] = [
            ((0, 12, 5, 7), 2.5),
            ((120, 30, 80, 90), 56.25),
            ((8, 2, 1, 5), 2.625),
            ((3, 5, 4, 50), 0.9032258064516129),
            ((3, 5, 5, 3), 4.0),
            ((1, 0, 0, 1), 0.5),
            ((10, 0, 0, 10), 5.0),
            ((5, 5, 5, 5), 5.0),
            ((2, 7, 8, 2), 4.2631578947368425),
            ((1000, 2000, 1100, 1900), 1050.0),
            ((0, 500, 30, 470), 15.0),
            ((100, 0, 0, 100), 50.0),
            ((1, 1, 1, 2), 0.8),
            ((0, 0, 5, 7), 0.0),
            ((0, 3, 0, 7), 0.0),
            ((21, 2948, 4, 3012), 12.401837928153718),
            ((7, 1, 2, 9), 3.789473684210526),
        ];
        for ((a, b, c, d), e) in cases {
            close(min_expected(a, b, c, d).unwrap(), e, 1e-14);
        }
        assert_eq!(min_expected(0, 0, 0, 0), None);
    }

    #[test]
    fn benjamini_hochberg_matches_statsmodels() {
        // statsmodels multipletests(p, method="fdr_bh")[1]
        let p = [0.01, 0.04, 0.03, 0.005, 0.5];
        let want = [
            0.024999999999999998,
            0.049999999999999996,
            0.049999999999999996,
        ];
        let want = [want[0], want[1], want[2], 0.024999999999999998, 0.5];
        let got = benjamini_hochberg(&p.map(Some));
        for (g, w) in got.iter().zip(want) {
            close(g.unwrap(), w, 1e-15);
        }
        // 25 p-values of a textbook example (McDonald, Handbook of Biological Statistics),
        // through statsmodels.
        let p = [
            0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251,
            0.269, 0.275, 0.34, 0.341, 0.384, 0.569, 0.594, 0.696, 0.762, 0.94, 0.942, 0.975,
            0.986,
        ];
        let want = [
            0.025,
            0.1,
            0.21,
            0.21,
            0.21,
            0.25,
            0.26428571428571423,
            0.49107142857142855,
            0.49107142857142855,
            0.49107142857142855,
            0.49107142857142855,
            0.49107142857142855,
            0.49107142857142855,
            0.49107142857142855,
            0.5328125,
            0.5328125,
            0.5647058823529412,
            0.781578947368421,
            0.781578947368421,
            0.8699999999999999,
            0.9071428571428571,
            0.986,
            0.986,
            0.986,
            0.986,
        ];
        for (g, w) in benjamini_hochberg(&p.map(Some)).iter().zip(want) {
            close(g.unwrap(), w, 1e-14);
        }
        // Ties, the cap at 1, a single test.
        let flat = benjamini_hochberg(&[Some(0.2), Some(0.2), Some(0.2)]);
        assert_eq!(flat, vec![Some(0.2), Some(0.2), Some(0.2)]);
        let capped = benjamini_hochberg(&[Some(0.9), Some(0.95), Some(1.0)]);
        assert_eq!(capped, vec![Some(1.0), Some(1.0), Some(1.0)]);
        assert_eq!(benjamini_hochberg(&[Some(0.04)]), vec![Some(0.04)]);
    }

    #[test]
    fn benjamini_hochberg_skips_none() {
        // None (and NaN) stay None and do not count in m: same q-values as without them.
        let with_gaps = [
            None,
            Some(0.01),
            Some(f64::NAN),
            Some(0.04),
            Some(0.03),
            None,
        ];
        let without = benjamini_hochberg(&[Some(0.01), Some(0.04), Some(0.03)]);
        let got = benjamini_hochberg(&with_gaps);
        assert_eq!(
            got,
            vec![None, without[0], None, without[1], without[2], None]
        );
        assert_eq!(benjamini_hochberg(&[]), vec![]);
        assert_eq!(benjamini_hochberg(&[None]), vec![None]);
    }

    #[test]
    fn splitmix64_matches_the_reference_implementation() {
        // Vigna's splitmix64.c with x = 1477776061723855037: the first outputs, as listed in
        // rand_xoshiro's test suite and reproduced by the reference script.
        let mut rng = Rng::new(1477776061723855037);
        assert_eq!(rng.next_u64(), 1985237415132408290);
        assert_eq!(rng.next_u64(), 2979275885539914483);
        assert_eq!(rng.next_u64(), 13511426838097143398);
        // Any draw, out of order.
        let mut rng = Rng::new(u64::MAX - 3);
        for i in 0..1000u64 {
            let z = (u64::MAX - 3).wrapping_add((i + 1).wrapping_mul(Rng::GAMMA));
            assert_eq!(rng.next_u64(), Rng::mix(z), "{i}");
        }
    }

    #[test]
    fn below_is_in_range_matches_python_and_is_roughly_uniform() {
        // the reference script: Lemire's method over SplitMix64, seed 42, n = 7.
        let mut rng = Rng::new(42);
        let got: Vec<usize> = (0..10).map(|_| rng.below(7)).collect();
        assert_eq!(got, [5, 1, 1, 2, 0, 6, 1, 5, 2, 4]);
        let mut counts = [0u32; 3];
        let mut rng = Rng::new(9);
        for _ in 0..30_000 {
            counts[rng.below(3)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (9_500..10_500).contains(&c)),
            "{counts:?}"
        );
        assert_eq!(Rng::new(5).below(1), 0);
    }

    #[test]
    fn percentile_matches_numpy() {
        // numpy.percentile([0.3, 0.1, 0.7, 0.25, 0.9, 0.55, 0.4], [2.5, 97.5, 50]) — bit-exact.
        let mut v = [0.3, 0.1, 0.7, 0.25, 0.9, 0.55, 0.4];
        v.sort_by(f64::total_cmp);
        assert_eq!(percentile(&v, 0.025), 0.12250000000000001);
        assert_eq!(percentile(&v, 0.975), 0.8699999999999999);
        assert_eq!(percentile(&v, 0.5), 0.4);
        assert_eq!(percentile(&v, 0.0), 0.1);
        assert_eq!(percentile(&v, 1.0), 0.9);
        assert_eq!(percentile(&[3.0], 0.975), 3.0);
    }
}
