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
        0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251, 0.269,
        0.275, 0.34, 0.341, 0.384, 0.569, 0.594, 0.696, 0.762, 0.94, 0.942, 0.975, 0.986,
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
