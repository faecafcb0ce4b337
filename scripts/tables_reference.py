"""Reference values for stancecmp's end-to-end table tests (tests/cli/tables.rs): SciPy, statsmodels,
NumPy, and an independent Python re-implementation of the Poisson bootstrap and its weights.

The fixture is the tiny corpus `TINY` of tests/cli/tables.rs (four documents; every statement is
"China said ..." or "France said ...", and only `ceasefire` (weight 2.0 in the test's lexicon,
every match a support) matches), so the counts below are read off the text by hand:
  China: 5 statements, 4 with a match; France: 6 statements, 1 with a match.

Run: python3 -m venv venv && venv/bin/pip install scipy numpy statsmodels && venv/bin/python scripts/tables_reference.py
"""
import math
import re
import numpy as np, scipy, statsmodels
from scipy import stats
from scipy.stats import contingency
from statsmodels.stats.proportion import proportion_confint, confint_proportions_2indep

print("scipy", scipy.__version__, "statsmodels", statsmodels.__version__, "numpy", np.__version__)

DOCS = {
    "d1": ["China said it supports a ceasefire.", "France said the weather was mild."],
    "d2": ["China said a ceasefire is urgent.", "China said the harvest was good.", "France said a ceasefire is needed."],
    "d3": ["China said it backs a ceasefire.", "France said the museum was open.", "France said the trains were late."],
    "d4": ["China said the ceasefire must hold.", "France said the match was close.", "France said the bridge was repaired."],
}
WEIGHT = 2.0

def tokens(s):
    return len(re.findall(r"[^\W_]+", s))

cells = {}  # (actor, doc) -> [statements, with_hits, hits, tokens, score]
for doc, sents in sorted(DOCS.items()):
    for s in sents:
        actor = s.split()[0]
        c = cells.setdefault((actor, doc), [0, 0, 0, 0, 0.0])
        hits = s.count("ceasefire")
        c[0] += 1; c[1] += hits > 0; c[2] += hits; c[3] += tokens(s); c[4] += hits * WEIGHT

def total(actor):
    return [sum(v[i] for (a, _), v in cells.items() if a == actor) for i in range(5)]

ch, fr = total("China"), total("France")
print("China", ch, "France", fr)
ka, na, kb, nb = ch[1], ch[0], fr[1], fr[0]

print("\n## wilson (statsmodels proportion_confint method='wilson')")
for k, n in [(ka, na), (kb, nb)]:
    print(k, n, [float(x) for x in proportion_confint(k, n, alpha=0.05, method="wilson")])

print("\n## newcombe (statsmodels confint_proportions_2indep method='newcomb')")
lo, hi = confint_proportions_2indep(ka, na, kb, nb, method="newcomb", compare="diff", alpha=0.05)
print("share_diff", ka / na - kb / nb, float(lo), float(hi))
print("risk_ratio", (ka / na) / (kb / nb))

print("\n## log-odds, Monroe et al. 2008 eqs. 16, 20, 22; prior = all statements (no other holder)")
aw, a0 = ka + kb, na + nb
d = math.log((ka + aw) / (na + a0 - ka - aw)) - math.log((kb + aw) / (nb + a0 - kb - aw))
v = 1 / (ka + aw) + 1 / (kb + aw)
print("prior", aw, a0, "log_odds", d, "z", d / math.sqrt(v))

t = [[ka, na - ka], [kb, nb - kb]]
print("\n## tests on", t)
print("fisher_p (scipy.stats.fisher_exact)", float(stats.fisher_exact(t).pvalue))
r = stats.chi2_contingency(t, correction=False)
print("chi_square, p (chi2_contingency correction=False)", float(r.statistic), float(r.pvalue))
print("min_expected (contingency.expected_freq().min())", float(contingency.expected_freq(t).min()))

print("\n## support share: China 4 support / 0 oppose, France 1 / 0 (newcomb)")
lo, hi = confint_proportions_2indep(4, 4, 1, 1, method="newcomb", compare="diff", alpha=0.05)
print("support_share_diff", 0.0, float(lo), float(hi))

# SplitMix64 + Lemire, as in scripts/stats_reference.py; the per-cell seed of src/tables/mod.rs:
# FNV-1a 64 over actor, 0xFF, lexicon; then one SplitMix64 output from seed ^ hash.
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

def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & M64
    return h

# The Poisson(1) thresholds of src/aggregate/boot.rs, computed exactly with fractions:
# T_k = floor(2^64 * P(X <= k)), P(X <= k) = e^-1 * sum_{j<=k} 1/j!.
from fractions import Fraction
E_INV = sum(Fraction((-1) ** i, math.factorial(i)) for i in range(80))
POISSON_1 = []
_p = Fraction(0)
for k in range(20):
    _p += Fraction(1, math.factorial(k))
    POISSON_1.append(math.floor(E_INV * _p * 2 ** 64))
print("POISSON_1", POISSON_1)

def weights(seed, doc_id, reps):
    r = SM(seed ^ fnv1a64(doc_id.encode()))
    out = []
    for _ in range(reps):
        u = r.next()
        out.append(sum(1 for t in POISSON_1 if t <= u))
    return out

def poisson_boot(docs, reps, seed):
    """docs: {doc_id: (hits, tokens, score_units, statements)} of one actor; returns the
    (rate, mean) intervals of the Poisson bootstrap (numpy.percentile, default linear)."""
    h = [0] * reps; t = [0] * reps; s = [0] * reps; n = [0] * reps
    for doc_id, (hits, toks, units, stmts) in docs.items():
        w = weights(seed, doc_id, reps)
        for r in range(reps):
            h[r] += w[r] * hits; t[r] += w[r] * toks; s[r] += w[r] * units; n[r] += w[r] * stmts
    rate = [float(h[r]) / float(t[r]) * 1000.0 for r in range(reps) if t[r] != 0]
    mean = [(float(s[r]) / 1e9) / float(n[r]) for r in range(reps) if n[r] != 0]
    ci = lambda v: (float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5)))
    return ci(rate), ci(mean)

print("\n## Poisson bootstrap over documents, reps 2000, --seed 1 and 7")
for seed in (1, 7):
    for actor in ("China", "France"):
        docs = {d: (v[2], v[3], round(v[4] * 1e9), v[0]) for (a, d), v in cells.items() if a == actor}
        rate, mean = poisson_boot(docs, 2000, seed)
        print(f"seed {seed} {actor}: hits_per_1k_tokens {rate}, mean_score {mean}")

print("\n## Poisson bootstrap on 30 synthetic documents (src/aggregate/boot.rs unit test), reps 999, seed 42")
# doc i: hits = i % 4, tokens = 20 + 3 * (i % 7), score units = (i % 5 - 2) * 1_250_000_000, statements = 1 + i % 3
SYN = {f"doc-{i:02}": (i % 4, 20 + 3 * (i % 7), (i % 5 - 2) * 1_250_000_000, 1 + i % 3) for i in range(30)}
rate, mean = poisson_boot(SYN, 999, 42)
print(f"rate {rate!r}, mean {mean!r}")
