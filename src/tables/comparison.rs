//! `comparison.csv`: two actors side by side on each lexicon, with the difference of their shares
//! of statements, its interval and its tests.
//!
//! The unit is the statement: the 2x2 table of a row is (actor a, actor b) × (statements with a
//! match of the lexicon, statements without), so every figure can be recomputed from the four
//! counts the row carries.

use anyhow::Result;

use super::columns::{col, FileSpec, Names};
use super::Settings;
use crate::aggregate::{Cell, Tally};
use crate::stats::{self, Z95};
use crate::write::{num, OutputSet};

/// `comparison.csv`: the columns.
pub const SPEC: FileSpec = FileSpec {
    name: "comparison.csv",
    title: "one row per pair of actors × lexicon",
    about: "One pair per `--compare A,B` (default: every pair of tracked actors, China and France for the shipped gazetteer), in the order given, each with every lexicon (sorted by name). `_a` columns are about `actor_a`, `_b` columns about `actor_b`; a difference is a minus b.",
    columns: &[
        col("actor_a", "The first actor of the pair."),
        col("actor_b", "The second actor of the pair."),
        col("lexicon", "The lexicon name."),
        col("statements_a", "The statements actor a holds."),
        col("statements_with_hits_a", "Of those, the statements with at least one match of the lexicon."),
        col("share_a", "`statements_with_hits_a / statements_a` (4 decimals)."),
        col("statements_b", "The statements actor b holds."),
        col("statements_with_hits_b", "Of those, the statements with at least one match of the lexicon."),
        col("share_b", "`statements_with_hits_b / statements_b` (4 decimals)."),
        col("share_diff", "`share_a - share_b` (4 decimals)."),
        col("share_diff_lo", "The lower bound of Newcombe's 95% hybrid score interval of `share_diff` (method 10 of Newcombe 1998; 4 decimals)."),
        col("share_diff_hi", "The upper bound of that interval (4 decimals)."),
        col("risk_ratio", "`share_a / share_b` (4 decimals; empty when `share_b` is 0)."),
        col("prior_with_hits", "The prior count of statements with hits in the Dirichlet prior of `log_odds_ratio`: the statements of every holder (tracked actors, joint, other, none) with a match of the lexicon."),
        col("prior_statements", "The prior count of all statements in that prior: the statements of every holder."),
        col("log_odds_ratio", "The log-odds ratio of a statement with hits, a versus b, with the informative Dirichlet prior of Monroe, Colaresi and Quinn (2008, eq. 16): positive when a matches the lexicon more often (natural log; 4 decimals)."),
        col("log_odds_z", "`log_odds_ratio` divided by its standard error (Monroe et al. 2008, eqs. 20 and 22; 3 decimals)."),
        col("min_expected", "The smallest expected count of the 2x2 table under independence (2 decimals); below 5 the chi-square p is unreliable."),
        col("fisher_p", "Fisher's exact test, two-sided, of the 2x2 table (6 decimals; empty when an actor has no statements or neither has a match)."),
        col("chi_square", "Pearson's chi-square statistic of the 2x2 table, without continuity correction (3 decimals; empty when a margin is 0)."),
        col("chi_square_p", "The p-value of `chi_square` on 1 degree of freedom (6 decimals)."),
        col("q_value", "The Benjamini-Hochberg adjusted `fisher_p`, over all rows of this file that have a `fisher_p` (6 decimals)."),
        col("support_a", "Actor a's matches of the lexicon with the stance `support`."),
        col("oppose_a", "Actor a's matches of the lexicon with the stance `oppose`."),
        col("support_share_a", "`support_a / (support_a + oppose_a)`, the share of a's stance-taking matches that support (4 decimals)."),
        col("support_b", "Actor b's matches of the lexicon with the stance `support`."),
        col("oppose_b", "Actor b's matches of the lexicon with the stance `oppose`."),
        col("support_share_b", "`support_b / (support_b + oppose_b)` (4 decimals)."),
        col("support_share_diff", "`support_share_a - support_share_b` (4 decimals)."),
        col("support_share_diff_lo", "The lower bound of Newcombe's 95% interval of `support_share_diff`, counting matches as independent (4 decimals)."),
        col("support_share_diff_hi", "The upper bound of that interval (4 decimals)."),
        col("note", "Warnings in plain words: no statements, no matches, or a sample too small for the chi-square test; empty when there is nothing to warn about."),
    ],
};

/// One comparison row, before formatting.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub a: String,
    pub b: String,
    pub lexicon: String,
    pub ca: Cell,
    pub cb: Cell,
    /// (statements with hits, statements) of every holder: the prior.
    pub prior: (u64, u64),
    pub diff: Option<(f64, f64, f64)>,
    pub risk_ratio: Option<f64>,
    pub log_odds: Option<(f64, f64)>,
    pub min_expected: Option<f64>,
    pub fisher_p: Option<f64>,
    pub chi_square: Option<(f64, f64)>,
    pub q: Option<f64>,
    pub support_diff: Option<(f64, f64, f64)>,
    pub note: String,
}

/// `support / (support + oppose)`.
fn support_share(c: &Cell) -> Option<f64> {
    let n = c.support + c.oppose;
    (n > 0).then(|| c.support as f64 / n as f64)
}

/// Compare two cells; `prior` is (statements with hits, statements) over every holder.
pub fn compare(a: &str, b: &str, lexicon: &str, ca: Cell, cb: Cell, prior: (u64, u64)) -> Row {
    let (ka, na, kb, nb) = (
        ca.statements_with_hits,
        ca.statements,
        cb.statements_with_hits,
        cb.statements,
    );
    let both = na > 0 && nb > 0;
    let (alpha_w, alpha_0) = (prior.0 as f64, prior.1 as f64);
    let log_odds = (both && alpha_w > 0.0 && alpha_w < alpha_0).then(|| {
        let (d, _, z) =
            stats::log_odds_dirichlet(ka as f64, na as f64, kb as f64, nb as f64, alpha_w, alpha_0);
        (d, z)
    });
    let min_expected = stats::min_expected(ka, na - ka, kb, nb - kb);
    let mut notes = Vec::new();
    let missing: Vec<&str> = [(a, na), (b, nb)]
        .iter()
        .filter(|(_, n)| *n == 0)
        .map(|(x, _)| *x)
        .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "{} no statements: nothing to compare",
            match missing.as_slice() {
                [x] => format!("{x} holds"),
                _ => format!("{a} and {b} hold"),
            }
        ));
    } else if ka + kb == 0 {
        notes.push(format!(
            "no statement of {a} or {b} matches the lexicon: both shares are 0 and the tests say nothing"
        ));
    } else if let Some(e) = min_expected.filter(|&e| e < 5.0) {
        notes.push(format!(
            "small sample: an expected count is {} (below 5), so chi_square_p is unreliable; use fisher_p",
            num(Some(e), 2)
        ));
    }
    Row {
        a: a.to_string(),
        b: b.to_string(),
        lexicon: lexicon.to_string(),
        diff: stats::newcombe(ka, na, kb, nb, Z95),
        risk_ratio: stats::risk_ratio(ka, na, kb, nb),
        log_odds,
        min_expected,
        fisher_p: (both && ka + kb > 0).then(|| stats::fisher_exact(ka, na - ka, kb, nb - kb)),
        chi_square: stats::chi_square(ka, na - ka, kb, nb - kb),
        q: None,
        support_diff: stats::newcombe(
            ca.support,
            ca.support + ca.oppose,
            cb.support,
            cb.support + cb.oppose,
            Z95,
        ),
        note: notes.join("; "),
        prior,
        ca,
        cb,
    }
}

impl Row {
    /// The row as written, in [`SPEC`] order.
    pub fn record(&self) -> Vec<String> {
        let (ca, cb) = (&self.ca, &self.cb);
        let d = |i: usize, x: Option<(f64, f64, f64)>| x.map(|t| [t.0, t.1, t.2][i]);
        vec![
            self.a.clone(),
            self.b.clone(),
            self.lexicon.clone(),
            ca.statements.to_string(),
            ca.statements_with_hits.to_string(),
            num(ca.share(), 4),
            cb.statements.to_string(),
            cb.statements_with_hits.to_string(),
            num(cb.share(), 4),
            num(d(0, self.diff), 4),
            num(d(1, self.diff), 4),
            num(d(2, self.diff), 4),
            num(self.risk_ratio, 4),
            self.prior.0.to_string(),
            self.prior.1.to_string(),
            num(self.log_odds.map(|x| x.0), 4),
            num(self.log_odds.map(|x| x.1), 3),
            num(self.min_expected, 2),
            num(self.fisher_p, 6),
            num(self.chi_square.map(|x| x.0), 3),
            num(self.chi_square.map(|x| x.1), 6),
            num(self.q, 6),
            ca.support.to_string(),
            ca.oppose.to_string(),
            num(support_share(ca), 4),
            cb.support.to_string(),
            cb.oppose.to_string(),
            num(support_share(cb), 4),
            num(d(0, self.support_diff), 4),
            num(d(1, self.support_diff), 4),
            num(d(2, self.support_diff), 4),
            self.note.clone(),
        ]
    }
}

/// The comparison rows: pairs in settings order, each with every lexicon; q-values over all.
pub fn rows(names: &Names, tally: &Tally, settings: &Settings) -> Vec<Row> {
    let cell = |actor: &str, li: usize| tally.cell(actor, li);
    let mut rows = Vec::new();
    for (a, b) in &settings.pairs {
        for (li, lexicon) in names.lexicons.iter().enumerate() {
            let n_lex = names.lexicons.len();
            let prior = tally
                .total
                .cells
                .iter()
                .skip(li)
                .step_by(n_lex)
                .fold((0, 0), |(k, n), c| {
                    (k + c.statements_with_hits, n + c.statements)
                });
            rows.push(compare(a, b, lexicon, cell(a, li), cell(b, li), prior));
        }
    }
    let p: Vec<Option<f64>> = rows.iter().map(|r| r.fisher_p).collect();
    for (r, q) in rows.iter_mut().zip(stats::benjamini_hochberg(&p)) {
        r.q = q;
    }
    rows
}

/// Write `comparison.csv`.
pub fn write(out: &mut OutputSet, names: &Names, tally: &Tally, settings: &Settings) -> Result<()> {
    let rows = rows(names, tally, settings);
    out.table(SPEC.name, &SPEC.header(names), rows.iter().map(Row::record))
}
