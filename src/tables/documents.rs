//! `documents.csv`: the summary counts of each document, the units the bootstrap resamples.

use anyhow::{Context, Result};
use sha2::{Digest as _, Sha256};

use super::columns::{col, FileSpec, Names};
use crate::aggregate::{DocRecord, Tally};
use crate::spill::Sorted;
use crate::write::{finish, num, OutputSet};

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

/// The rows of one document, as written.
pub fn records(names: &Names, tally: &Tally, d: &DocRecord) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for actor in &names.actors {
        let Some(ai) = tally.actor_index(actor) else {
            continue;
        };
        for (_, li, c) in d.cells.iter().filter(|(a, _, _)| *a == ai) {
            if c.statements == 0 {
                continue;
            }
            rows.push(vec![
                d.id.clone(),
                d.date.clone().unwrap_or_default(),
                actor.clone(),
                names.lexicons[*li].clone(),
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
    rows
}

/// Write `documents.csv` from the records in id order, and return the corpus fingerprint:
/// SHA-256 over every document's id, a 0xFF byte and the SHA-256 of its text, documents in id
/// order (so it does not depend on the input order).
pub fn write(
    out: &mut OutputSet,
    names: &Names,
    tally: &Tally,
    documents: &mut Sorted,
) -> Result<String> {
    let mut w = out.csv(SPEC.name)?;
    w.write_record(SPEC.header(names))
        .with_context(|| format!("cannot write {}", SPEC.name))?;
    let mut h = Sha256::new();
    while let Some(d) = documents.next_record()? {
        h.update(d.id.as_bytes());
        h.update([0xff]);
        h.update(hex_bytes(&d.sha256));
        for row in records(names, tally, &d) {
            w.write_record(out.guarded(&row))
                .with_context(|| format!("cannot write {}", SPEC.name))?;
        }
    }
    finish(w, SPEC.name)?;
    Ok(format!("{:x}", h.finalize()))
}

/// The bytes of a lower-case hex string.
fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
        .collect()
}
