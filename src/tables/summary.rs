//! `summary.csv` (actor × lexicon) and its wide layout `summary_wide.csv` (lexicon × measure ×
//! actor): counts, the share of statements with a Wilson interval, and hits per 1,000 tokens and
//! the mean signed score with Poisson document bootstrap intervals.

use anyhow::Result;

use super::columns::{col, FileSpec, Names};
use super::{cell_fields, Settings};
use crate::aggregate::{Cell, Replicates, Tally};
use crate::stats::{self, Z95};
use crate::write::{num, OutputSet};

/// `summary.csv`: the columns.
pub const SPEC: FileSpec = FileSpec {
    name: "summary.csv",
    title: "one row per actor × lexicon",
    about: "Rows for every tracked actor (gazetteer order), then `joint`, `other`, `none`, each with every lexicon (sorted by name), also when an actor has no statements. With `--roles`, only statements by speakers in those roles count (narration always does).",
    columns: &[
        col("actor", "The holder: a tracked actor, `joint`, `other` or `none`."),
        col("lexicon", "The lexicon name."),
        col("statements", "The number of statements the actor holds."),
        col("statements_with_hits", "Of those, the statements with at least one match of the lexicon."),
        col("hits", "The matches of the lexicon in the actor's statements."),
        col("score_sum", "The sum of the statements' signed scores for the lexicon (3 decimals)."),
        col("share", "`statements_with_hits / statements` (4 decimals; empty without statements)."),
        col("tokens", "The words in the actor's statements."),
        col("hits_per_1k_tokens", "`hits * 1000 / tokens` (3 decimals; empty without tokens)."),
        col("support", "The matches with the stance `support`."),
        col("oppose", "The matches with the stance `oppose`."),
        col("mention", "The matches with the stance `mention`."),
        col("documents", "The documents in which the actor holds statements: the clusters of the bootstrap."),
        col("share_lo", "The lower bound of the Wilson 95% interval of `share` (4 decimals)."),
        col("share_hi", "The upper bound of the Wilson 95% interval of `share` (4 decimals)."),
        col("hits_per_1k_tokens_lo", "The lower bound of the 95% Poisson document bootstrap interval of `hits_per_1k_tokens` (3 decimals; empty with fewer than 2 documents or `--bootstrap 0`)."),
        col("hits_per_1k_tokens_hi", "The upper bound of that interval (3 decimals)."),
        col("mean_score", "`score_sum / statements`, the mean signed score per statement: above 0 when support outweighs opposition (4 decimals)."),
        col("mean_score_lo", "The lower bound of the 95% Poisson document bootstrap interval of `mean_score` (4 decimals; empty with fewer than 2 documents or `--bootstrap 0`)."),
        col("mean_score_hi", "The upper bound of that interval (4 decimals)."),
    ],
};

/// `summary_wide.csv`: the columns (the measures of [`SPEC`], each once per actor).
pub const WIDE: FileSpec = FileSpec {
    name: "summary_wide.csv",
    title: "one row per lexicon, actors side by side (`--wide`)",
    about: "The numbers of `summary.csv` rearranged for reading across: one row per lexicon (sorted by name); every measure of `summary.csv` after `lexicon` becomes one column per actor, named `MEASURE_ACTOR`, measures in `summary.csv` order and actors in its row order, so `share_China` stands next to `share_France`. Written only with `--wide`.",
    columns: &[
        col("lexicon", "The lexicon name."),
        col("statements_{actor}", "`statements` of {actor}."),
        col("statements_with_hits_{actor}", "`statements_with_hits` of {actor}."),
        col("hits_{actor}", "`hits` of {actor}."),
        col("score_sum_{actor}", "`score_sum` of {actor}."),
        col("share_{actor}", "`share` of {actor}."),
        col("tokens_{actor}", "`tokens` of {actor}."),
        col("hits_per_1k_tokens_{actor}", "`hits_per_1k_tokens` of {actor}."),
        col("support_{actor}", "`support` of {actor}."),
        col("oppose_{actor}", "`oppose` of {actor}."),
        col("mention_{actor}", "`mention` of {actor}."),
        col("documents_{actor}", "`documents` of {actor}."),
        col("share_lo_{actor}", "`share_lo` of {actor}."),
        col("share_hi_{actor}", "`share_hi` of {actor}."),
        col("hits_per_1k_tokens_lo_{actor}", "`hits_per_1k_tokens_lo` of {actor}."),
        col("hits_per_1k_tokens_hi_{actor}", "`hits_per_1k_tokens_hi` of {actor}."),
        col("mean_score_{actor}", "`mean_score` of {actor}."),
        col("mean_score_lo_{actor}", "`mean_score_lo` of {actor}."),
        col("mean_score_hi_{actor}", "`mean_score_hi` of {actor}."),
    ],
};

/// One summary row, before formatting.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub actor: String,
    pub lexicon: String,
    pub cell: Cell,
    pub documents: usize,
    pub share_ci: Option<(f64, f64)>,
    pub rate_ci: Option<(f64, f64)>,
    pub mean_ci: Option<(f64, f64)>,
}

impl Row {
    /// The row as written, in [`SPEC`] order.
    pub fn record(&self) -> Vec<String> {
        let c = &self.cell;
        let lo = |ci: Option<(f64, f64)>| ci.map(|x| x.0);
        let hi = |ci: Option<(f64, f64)>| ci.map(|x| x.1);
        let mut row = vec![self.actor.clone(), self.lexicon.clone()];
        row.extend(cell_fields(c));
        row.extend([
            self.documents.to_string(),
            num(lo(self.share_ci), 4),
            num(hi(self.share_ci), 4),
            num(lo(self.rate_ci), 3),
            num(hi(self.rate_ci), 3),
            num(c.mean_score(), 4),
            num(lo(self.mean_ci), 4),
            num(hi(self.mean_ci), 4),
        ]);
        row
    }
}

/// An interval of the replicate sums: [`Replicates::rate_ci`] or [`Replicates::mean_ci`].
type Interval = fn(&Replicates, usize, usize, usize) -> Option<(f64, f64)>;

/// The summary rows: actors in table order, each with every lexicon. The bootstrap intervals
/// come from the tally's Poisson replicate sums ([`crate::aggregate::boot`]), which do not
/// depend on the order of the documents nor on the thread count.
pub fn rows(names: &Names, tally: &Tally, settings: &Settings) -> Vec<Row> {
    let n_lex = tally.lexicons.len();
    let mut rows = Vec::new();
    for actor in &names.actors {
        for (li, lexicon) in names.lexicons.iter().enumerate() {
            let cell = tally.cell(actor, li);
            let documents = tally.actor_documents(actor);
            let boot = |ci: Interval| {
                if documents < 2 || settings.bootstrap == 0 {
                    return None;
                }
                ci(&tally.boot, tally.actor_index(actor)?, li, n_lex)
            };
            rows.push(Row {
                actor: actor.clone(),
                lexicon: lexicon.clone(),
                documents: documents as usize,
                share_ci: stats::wilson(cell.statements_with_hits, cell.statements, Z95),
                rate_ci: boot(Replicates::rate_ci),
                mean_ci: boot(Replicates::mean_ci),
                cell,
            });
        }
    }
    rows
}

/// Write `summary.csv`.
pub fn write(out: &mut OutputSet, names: &Names, rows: &[Row]) -> Result<()> {
    out.table(SPEC.name, &SPEC.header(names), rows.iter().map(Row::record))
}

/// Write `summary_wide.csv`: the rows of `summary.csv` turned so that actors sit side by side.
pub fn write_wide(out: &mut OutputSet, names: &Names, rows: &[Row]) -> Result<()> {
    let records: Vec<Vec<String>> = rows.iter().map(Row::record).collect();
    let measures = SPEC.columns.len() - 2;
    let n_lex = names.lexicons.len();
    let wide = (0..n_lex).map(|li| {
        let mut row = vec![names.lexicons[li].clone()];
        for m in 0..measures {
            for ai in 0..names.actors.len() {
                row.push(records[ai * n_lex + li][2 + m].clone());
            }
        }
        row
    });
    out.table(WIDE.name, &WIDE.header(names), wide)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wide_layout_has_every_summary_measure_per_actor() {
        let measures: Vec<String> = SPEC.columns[2..]
            .iter()
            .map(|c| format!("{}_{{actor}}", c.name))
            .collect();
        let wide: Vec<&str> = WIDE.columns[1..].iter().map(|c| c.name).collect();
        assert_eq!(wide, measures);
    }
}
