//! `timeline.csv`: the summary counts per period (`--period day|month|year`), for the documents
//! that have a date.

use std::collections::BTreeMap;

use anyhow::Result;

use super::columns::{col, FileSpec, Names};
use super::Settings;
use crate::aggregate::{Cell, Tally};
use crate::stats::{self, Z95};
use crate::write::{num, OutputSet};

/// `timeline.csv`: the columns.
pub const SPEC: FileSpec = FileSpec {
    name: "timeline.csv",
    title: "one row per period × actor × lexicon",
    about: "Periods in calendar order, only those in which a dated document falls (documents without a date are left out); in each, every actor (as in `summary.csv`) with every lexicon.",
    columns: &[
        col("period", "The period: `YYYY-MM-DD` for `--period day`, `YYYY-MM` for `month` (the default), `YYYY` for `year`."),
        col("actor", "The holder: a tracked actor, `joint`, `other` or `none`."),
        col("lexicon", "The lexicon name."),
        col("documents", "The dated documents of the period in which the actor holds statements."),
        col("statements", "The statements the actor holds in the period's documents."),
        col("statements_with_hits", "Of those, the statements with at least one match of the lexicon."),
        col("hits", "The matches of the lexicon in those statements."),
        col("share", "`statements_with_hits / statements` (4 decimals; empty without statements)."),
        col("share_lo", "The lower bound of the Wilson 95% interval of `share` (4 decimals)."),
        col("share_hi", "The upper bound of the Wilson 95% interval of `share` (4 decimals)."),
        col("support", "The matches with the stance `support`."),
        col("oppose", "The matches with the stance `oppose`."),
        col("mention", "The matches with the stance `mention`."),
    ],
};

/// (actor, lexicon) -> (documents with the actor's statements, summed cell), for one period.
type PeriodCells = BTreeMap<(String, usize), (u64, Cell)>;

/// One timeline row, before formatting.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub period: String,
    pub actor: String,
    pub lexicon: String,
    /// The dated documents of the period in which the actor holds statements.
    pub documents: u64,
    /// The counts summed over those documents.
    pub cell: Cell,
    /// The Wilson 95% interval of the share.
    pub share_ci: Option<(f64, f64)>,
}

impl Row {
    /// The row as written, in [`SPEC`] order.
    pub fn record(&self) -> Vec<String> {
        let c = &self.cell;
        vec![
            self.period.clone(),
            self.actor.clone(),
            self.lexicon.clone(),
            self.documents.to_string(),
            c.statements.to_string(),
            c.statements_with_hits.to_string(),
            c.hits.to_string(),
            num(c.share(), 4),
            num(self.share_ci.map(|x| x.0), 4),
            num(self.share_ci.map(|x| x.1), 4),
            c.support.to_string(),
            c.oppose.to_string(),
            c.mention.to_string(),
        ]
    }
}

/// The rows: (period, actor, lexicon) in table order.
pub fn rows(names: &Names, tally: &Tally, settings: &Settings) -> Vec<Row> {
    let n_lex = tally.lexicons.len();
    let mut periods: BTreeMap<&str, PeriodCells> = BTreeMap::new();
    for (date, cells) in &tally.dates {
        let p = periods.entry(settings.period.of(date)).or_default();
        for (ai, actor) in tally.actors.iter().enumerate() {
            if cells.documents[ai] == 0 {
                continue;
            }
            for li in 0..n_lex {
                let e = p.entry((actor.clone(), li)).or_default();
                e.0 += cells.documents[ai];
                e.1.add(&cells.cells[ai * n_lex + li]);
            }
        }
    }
    let mut rows = Vec::new();
    for (period, cells) in &periods {
        for actor in &names.actors {
            for (li, lexicon) in names.lexicons.iter().enumerate() {
                let (documents, cell) =
                    cells.get(&(actor.clone(), li)).cloned().unwrap_or_default();
                rows.push(Row {
                    period: period.to_string(),
                    actor: actor.clone(),
                    lexicon: lexicon.clone(),
                    documents,
                    share_ci: stats::wilson(cell.statements_with_hits, cell.statements, Z95),
                    cell,
                });
            }
        }
    }
    rows
}

/// The rows as written: (period, actor, lexicon) in table order.
pub fn records(names: &Names, tally: &Tally, settings: &Settings) -> Vec<Vec<String>> {
    rows(names, tally, settings)
        .iter()
        .map(Row::record)
        .collect()
}

/// Write `timeline.csv`.
pub fn write(out: &mut OutputSet, names: &Names, tally: &Tally, settings: &Settings) -> Result<()> {
    out.table(
        SPEC.name,
        &SPEC.header(names),
        records(names, tally, settings),
    )
}
