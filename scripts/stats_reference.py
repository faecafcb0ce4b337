"""Reference values for stancecmp's src/stats.rs tests: SciPy, statsmodels, NumPy.

Run: python3 -m venv venv && venv/bin/pip install scipy numpy statsmodels && venv/bin/python scripts/stats_reference.py
"""
import math
import numpy as np, scipy, statsmodels
from scipy import stats
from scipy.stats import contingency
from statsmodels.stats.proportion import proportion_confint, confint_proportions_2indep
from statsmodels.stats.multitest import multipletests

print("scipy", scipy.__version__, "statsmodels", statsmodels.__version__, "numpy", np.__version__)
Z = stats.norm.ppf(0.975)
print("z975", repr(Z))

print("\n## wilson (statsmodels proportion_confint method='wilson')")
for k, n in [(0, 10), (10, 10), (1, 10), (5, 10), (56, 70), (48, 80), (0, 1), (1, 1), (3, 1000), (500, 1000), (7, 123456)]:
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    print(f"({k}, {n}, {lo!r}, {hi!r}),")

print("\n## newcombe (statsmodels confint_proportions_2indep method='newcomb', compare='diff')")
for k1, n1, k2, n2 in [(56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29), (0, 10, 0, 20), (0, 10, 10, 10), (10, 10, 0, 10), (0, 10, 0, 10), (10, 10, 0, 20), (12, 340, 30, 410), (1, 3, 2, 1000)]:
    lo, hi = confint_proportions_2indep(k1, n1, k2, n2, method="newcomb", compare="diff", alpha=0.05)
    print(f"({k1}, {n1}, {k2}, {n2}, {k1/n1 - k2/n2!r}, {lo!r}, {hi!r}),")

TABLES = [[[0, 12], [5, 7]], [[120, 30], [80, 90]], [[8, 2], [1, 5]], [[3, 5], [4, 50]], [[3, 5], [5, 3]],
          [[1, 0], [0, 1]], [[10, 0], [0, 10]], [[5, 5], [5, 5]], [[2, 7], [8, 2]], [[1000, 2000], [1100, 1900]],
          [[0, 500], [30, 470]], [[100, 0], [0, 100]], [[1, 1], [1, 2]], [[0, 0], [5, 7]], [[0, 3], [0, 7]],
          [[0, 0], [0, 0]], [[21, 2948], [4, 3012]], [[7, 1], [2, 9]]]

print("\n## fisher (scipy.stats.fisher_exact two-sided)")
for t in TABLES:
    p = stats.fisher_exact(t).pvalue
    print(f"({t[0][0]}, {t[0][1]}, {t[1][0]}, {t[1][1]}, {float(p)!r}),")

print("\n## chi_square (scipy.stats.chi2_contingency correction=False)")
for t in TABLES:
    a = np.array(t)
    if (a.sum(0) == 0).any() or (a.sum(1) == 0).any():
        print(f"({t[0][0]}, {t[0][1]}, {t[1][0]}, {t[1][1]}, None),")
        continue
    r = stats.chi2_contingency(a, correction=False)
    print(f"({t[0][0]}, {t[0][1]}, {t[1][0]}, {t[1][1]}, Some(({float(r.statistic)!r}, {float(r.pvalue)!r}))),")

print("\n## g2 (scipy.stats.power_divergence lambda_='log-likelihood' vs expected_freq; cross-check chi2_contingency(lambda_='log-likelihood'))")
for t in TABLES:
    a = np.array(t)
    if a.sum() == 0 or (a.sum(0) == 0).any() or (a.sum(1) == 0).any():
        print(f"// degenerate {t}: 0 by convention")
        continue
    e = contingency.expected_freq(a)
    g = stats.power_divergence(a.ravel(), f_exp=e.ravel(), lambda_="log-likelihood").statistic
    g_b = stats.chi2_contingency(a, correction=False, lambda_="log-likelihood").statistic
    assert math.isclose(g, g_b, rel_tol=1e-12, abs_tol=1e-12), (g, g_b)
    print(f"({t[0][0]}, {t[0][1]}, {t[1][0]}, {t[1][1]}, {float(g)!r}),")

print("\n## min_expected (scipy.stats.contingency.expected_freq().min())")
for t in TABLES:
    a = np.array(t)
    if a.sum() == 0:
        print(f"// {t}: None")
        continue
    print(f"({t[0][0]}, {t[0][1]}, {t[1][0]}, {t[1][1]}, {float(contingency.expected_freq(a).min())!r}),")

print("\n## benjamini_hochberg (statsmodels multipletests method='fdr_bh')")
for ps in [[0.01, 0.04, 0.03, 0.005, 0.5], [0.2, 0.2, 0.2], [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251, 0.269, 0.275, 0.34, 0.341, 0.384, 0.569, 0.594, 0.696, 0.762, 0.94, 0.942, 0.975, 0.986], [0.9, 0.95, 1.0], [0.04]]:
    q = multipletests(ps, method="fdr_bh")[1]
    print(ps, "->", [float(x) for x in q])

print("\n## log_odds_dirichlet (direct Python of Monroe et al. 2008 eqs. 16, 20, 22)")
def lod(ya, na, yb, nb, aw, a0):
    d = math.log((ya + aw) / (na + a0 - ya - aw)) - math.log((yb + aw) / (nb + a0 - yb - aw))
    v = 1 / (ya + aw) + 1 / (yb + aw)
    return d, v, d / math.sqrt(v)
for args in [(10, 1000, 2, 1200, 1.2, 220.0), (0, 500, 7, 800, 0.07, 13.0), (5, 100, 5, 100, 0.5, 10.0), (120, 25000, 35, 31000, 15.5, 5600.0)]:
    print(f"{args} -> {lod(*args)!r}")

print("\n## percentile (numpy.percentile, method='linear')")
vals = [0.3, 0.1, 0.7, 0.25, 0.9, 0.55, 0.4]
print(vals, [float(np.percentile(vals, q)) for q in (2.5, 97.5, 50)])

# SplitMix64 (Vigna, splitmix64.c) + Lemire's unbiased bounded draw, reimplemented here to
# give an independent reference for the Rust random numbers (stats::Rng); the bootstrap
# itself is checked by scripts/tables_reference.py.
M64 = (1 << 64) - 1
class SM:
    def __init__(self, s): self.x = s & M64
    def next(self):
        self.x = (self.x + 0x9E3779B97F4A7C15) & M64
        z = self.x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)
    def below(self, n):
        m = self.next() * n
        l = m & M64
        if l < n:
            t = ((1 << 64) - n) % n
            while l < t:
                m = self.next() * n
                l = m & M64
        return m >> 64

r = SM(1477776061723855037)
print("\n## splitmix64 seed 1477776061723855037:", [r.next() for _ in range(3)])
r = SM(42)
print("## below seed 42 n=7:", [r.below(7) for _ in range(10)])

