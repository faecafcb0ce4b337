//! `keyness.csv`: the terms that most distinguish one actor's statements from the other's.
//!
//! A term is a folded word of a statement that is not a stopword (`lexicons/stopwords.txt`; see
//! [`crate::aggregate::count_terms`]). For each compared pair, every term either actor uses gets the
//! log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) and its
//! z-score, and Dunning's G²; the terms with the largest z for each side are listed.
//!
//! The prior is the corpus itself: a term's prior count is its count in the statements of every
//! holder (tracked actors, joint, other, none), and the prior total is the number of terms in
//! them, as in the background-corpus prior of Monroe et al. (section 3.5) — it pulls the estimate
//! of a rare term towards the corpus rate, so rare terms do not top the list on one occurrence.

use anyhow::Result;

use super::columns::{col, FileSpec, Names};
use super::Settings;
use crate::aggregate::Tally;
use crate::stats;
use crate::write::{num, OutputSet};

/// How many terms are listed per actor and pair.
pub const TOP_TERMS: usize = 50;

/// `keyness.csv`: the columns.
pub const SPEC: FileSpec = FileSpec {
    name: "keyness.csv",
    title: "one row per compared actor × distinctive term",
    about: "For each compared pair (as in `comparison.csv`), first the terms that distinguish `actor_a` from `actor_b`, then those that distinguish `actor_b` from `actor_a`: the (at most 50) terms with the highest positive `z` for the actor, by rank. A term is a folded word (lower case, no diacritics) of at least two letters or digits with at least one letter, not in `stopwords.txt`; a pair in which an actor holds no statements has no rows.",
    columns: &[
        col("actor", "The actor the term is distinctive of."),
        col("versus", "The actor it is compared with."),
        col("rank", "The rank of the term for this actor and pair, 1 for the highest `z`."),
        col("term", "The term (folded word)."),
        col("count", "How often the term occurs in the actor's statements."),
        col("count_versus", "How often it occurs in the other actor's statements."),
        col("terms", "The number of terms (all occurrences) in the actor's statements."),
        col("terms_versus", "The number of terms in the other actor's statements."),
        col("prior_count", "The term's prior count: its occurrences in the statements of every holder."),
        col("prior_terms", "The prior total: the terms in the statements of every holder."),
        col("log_odds_ratio", "The log-odds ratio of the term, actor versus the other, with the informative Dirichlet prior (Monroe et al. 2008, eq. 16; natural log; 4 decimals)."),
        col("z", "`log_odds_ratio` divided by its standard error (Monroe et al. 2008, eqs. 20 and 22; 3 decimals); the ranking key."),
        col("g2", "Dunning's log-likelihood ratio G² of the term's 2x2 table (this term or another, actor or the other; 3 decimals): above 3.84 is p < 0.05 for a single term, before any correction for the number of terms."),
    ],
};

/// One keyness row, before formatting.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub actor: String,
    pub versus: String,
    pub rank: usize,
    pub term: String,
    pub count: u64,
    pub count_versus: u64,
    pub terms: u64,
    pub terms_versus: u64,
    pub prior_count: u64,
    pub prior_terms: u64,
    pub log_odds: f64,
    pub z: f64,
    pub g2: f64,
}

impl Row {
    /// The row as written, in [`SPEC`] order.
    pub fn record(&self) -> Vec<String> {
        vec![
            self.actor.clone(),
            self.versus.clone(),
            self.rank.to_string(),
            self.term.clone(),
            self.count.to_string(),
            self.count_versus.to_string(),
            self.terms.to_string(),
            self.terms_versus.to_string(),
            self.prior_count.to_string(),
            self.prior_terms.to_string(),
            num(Some(self.log_odds), 4),
            num(Some(self.z), 3),
            num(Some(self.g2), 3),
        ]
    }
}

/// The rows of one pair: a's terms, then b's.
pub fn pair(tally: &Tally, a: &str, b: &str) -> Vec<Row> {
    let empty = Default::default();
    let ta = tally.terms.get(a).unwrap_or(&empty);
    let tb = tally.terms.get(b).unwrap_or(&empty);
    let (na, nb) = (ta.total(), tb.total());
    if na == 0 || nb == 0 {
        return Vec::new();
    }
    let background = tally.background_terms();
    let prior_terms = background.total();
    let mut scored = Vec::new();
    let vocabulary: std::collections::BTreeSet<String> =
        ta.iter().chain(tb.iter()).map(|(t, _)| t).collect();
    for term in vocabulary {
        let (ya, yb) = (ta.get(&term), tb.get(&term));
        let prior = background.get(&term);
        if prior == 0 || prior >= prior_terms {
            continue; // a prior must be inside (0, total); only a one-term corpus fails this
        }
        let (d, _, z) = stats::log_odds_dirichlet(
            ya as f64,
            na as f64,
            yb as f64,
            nb as f64,
            prior as f64,
            prior_terms as f64,
        );
        let g2 = stats::g2(ya, na - ya, yb, nb - yb);
        scored.push((term, ya, yb, prior, d, z, g2));
    }
    let mut rows = Vec::new();
    for (actor, versus, sign) in [(a, b, 1.0), (b, a, -1.0)] {
        let mut side: Vec<_> = scored.iter().filter(|s| sign * s.5 > 0.0).collect();
        side.sort_by(|x, y| (sign * y.5).total_cmp(&(sign * x.5)).then(x.0.cmp(&y.0)));
        let (n_own, n_other) = if sign > 0.0 { (na, nb) } else { (nb, na) };
        for (i, (term, ya, yb, prior, d, z, g2)) in side.into_iter().take(TOP_TERMS).enumerate() {
            let (own, other) = if sign > 0.0 { (*ya, *yb) } else { (*yb, *ya) };
            rows.push(Row {
                actor: actor.to_string(),
                versus: versus.to_string(),
                rank: i + 1,
                term: term.clone(),
                count: own,
                count_versus: other,
                terms: n_own,
                terms_versus: n_other,
                prior_count: *prior,
                prior_terms,
                log_odds: sign * d,
                z: sign * z,
                g2: *g2,
            });
        }
    }
    rows
}

/// Write `keyness.csv`.
pub fn write(out: &mut OutputSet, names: &Names, tally: &Tally, settings: &Settings) -> Result<()> {
    let rows = settings.pairs.iter().flat_map(|(a, b)| pair(tally, a, b));
    out.table(SPEC.name, &SPEC.header(names), rows.map(|r| r.record()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::TermCounts;

    fn counts(words: &[(&str, u64)]) -> TermCounts {
        words.iter().map(|(w, n)| (w.to_string(), *n)).collect()
    }

    #[test]
    fn keyness_matches_the_formulas_and_is_antisymmetric() {
        let mut t = Tally::new(vec![], vec![], 0, 0);
        t.terms.insert(
            "A".into(),
            counts(&[("sovereignty", 8), ("trade", 2), ("peace", 5)]),
        );
        t.terms
            .insert("B".into(), counts(&[("trade", 9), ("peace", 5)]));
        t.terms
            .insert("none".into(), counts(&[("peace", 10), ("visit", 4)]));
        let rows = pair(&t, "A", "B");
        let a: Vec<&str> = rows
            .iter()
            .filter(|r| r.actor == "A")
            .map(|r| r.term.as_str())
            .collect();
        let b: Vec<&str> = rows
            .iter()
            .filter(|r| r.actor == "B")
            .map(|r| r.term.as_str())
            .collect();
        // "peace": 5 of 15 terms for A, 5 of 14 for B, so B's.
        assert_eq!(a, ["sovereignty"]);
        assert_eq!(b, ["trade", "peace"]);
        let s = &rows[0];
        assert_eq!(
            (
                s.count,
                s.count_versus,
                s.terms,
                s.terms_versus,
                s.prior_count,
                s.prior_terms
            ),
            (8, 0, 15, 14, 8, 43)
        );
        // eq. 16 by hand: ln((8+8)/(15+43-8-8)) - ln((0+8)/(14+43-0-8)); eq. 20: 1/16 + 1/8.
        let d = (16.0f64 / 42.0).ln() - (8.0f64 / 49.0).ln();
        assert!((s.log_odds - d).abs() < 1e-12);
        assert!((s.z - d / (1.0f64 / 16.0 + 1.0 / 8.0).sqrt()).abs() < 1e-12);
        // G² of [[8, 7], [0, 14]]: scipy.stats.chi2_contingency([[8, 7], [0, 14]],
        // correction=False, lambda_="log-likelihood").statistic (SciPy 1.17).
        assert!((s.g2 - 13.434451808539809).abs() < 1e-10, "{}", s.g2);
        let trade = rows.iter().find(|r| r.term == "trade").unwrap();
        assert_eq!(
            (trade.actor.as_str(), trade.count, trade.count_versus),
            ("B", 9, 2)
        );
        assert!(trade.z > 0.0 && trade.log_odds > 0.0);
        // The other way round, the same rows with the sides swapped.
        let swapped = pair(&t, "B", "A");
        assert_eq!(swapped[0].term, "trade");
        assert_eq!(swapped[0].z.to_bits(), trade.z.to_bits());
        assert!(pair(&t, "A", "nobody").is_empty());
    }
}
