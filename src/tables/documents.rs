//! `documents.csv`: the summary counts of each document, the units the bootstrap resamples.

use anyhow::Result;

use super::columns::{col, FileSpec, Names};
use crate::aggregate::Tally;
use crate::write::{num, OutputSet};

/// `documents.csv`: the columns.
pub const SPEC: FileSpec = FileSpec {
    name: "documents.csv",
    title: "one row per document × actor × lexicon",
    about: "Documents sorted by id (not in corpus order, so the file does not depend on the order of the inputs); in each, the actors that hold at least one statement there (in `summary.csv` order), each with every lexicon. Summed over documents, the counts give `summary.csv`.",
    columns: &[
        col("doc_id", "The document id."),
        col("date", "The document date `YYYY-MM-DD`, empty when unknown."),
        col("actor", "The holder: a tracked actor, `joint`, `other` or `none`."),
        col("lexicon", "The lexicon name."),
        col("statements", "The statements the actor holds in the document."),
        col("statements_with_hits", "Of those, the statements with at least one match of the lexicon."),
        col("hits", "The matches of the lexicon in those statements."),
        col("score_sum", "The sum of their signed scores for the lexicon (3 decimals)."),
        col("share", "`statements_with_hits / statements` (4 decimals)."),
        col("tokens", "The words in the actor's statements in the document."),
        col("hits_per_1k_tokens", "`hits * 1000 / tokens` (3 decimals; empty without tokens)."),
        col("support", "The matches with the stance `support`."),
        col("oppose", "The matches with the stance `oppose`."),
        col("mention", "The matches with the stance `mention`."),
    ],
};

/// The rows as written.
pub fn records(names: &Names, tally: &Tally) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (id, d) in &tally.docs {
        for actor in &names.actors {
            for (li, lexicon) in names.lexicons.iter().enumerate() {
                let Some(c) = d.cells.get(&(actor.clone(), li)) else {
                    continue;
                };
                if c.statements == 0 {
                    continue;
                }
                rows.push(vec![
                    id.clone(),
                    d.date.clone().unwrap_or_default(),
                    actor.clone(),
                    lexicon.clone(),
                    c.statements.to_string(),
                    c.statements_with_hits.to_string(),
                    c.hits.to_string(),
                    num(Some(c.score_sum()), 3),
                    num(c.share(), 4),
                    c.tokens.to_string(),
                    num(c.hits_per_1k(), 3),
                    c.support.to_string(),
                    c.oppose.to_string(),
                    c.mention.to_string(),
                ]);
            }
        }
    }
    rows
}

/// Write `documents.csv`.
pub fn write(out: &mut OutputSet, names: &Names, tally: &Tally) -> Result<()> {
    out.table(SPEC.name, &SPEC.header(names), records(names, tally))
}
