//! `documents.csv`: the summary counts of each document, the units the bootstrap resamples.

use std::io::Write as _;

use anyhow::{Context, Result};
use rayon::prelude::*;
use sha2::{Digest as _, Sha256};

use std::borrow::Cow;

use super::columns::{col, FileSpec, Names};
use super::each_cell_field;
use crate::aggregate::{DocRecord, Tally};
use crate::spill::Sorted;
use crate::write::{guard_cell, OutputSet, Records};

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

/// Records formatted at once, in chunks on the rayon pool.
const FORMAT_BATCH: usize = 4096;

/// Write `documents.csv` from the records in id order, and return the corpus fingerprint:
/// SHA-256 over every document's id, a 0xFF byte and the SHA-256 of its text, documents in id
/// order (so it does not depend on the input order).
pub fn write(
    out: &mut OutputSet,
    names: &Names,
    tally: &Tally,
    documents: &mut Sorted,
) -> Result<String> {
    let name = SPEC.name;
    let mut w = out.csv(name)?;
    w.write_record(SPEC.header(names))
        .with_context(|| format!("cannot write {name}"))?;
    let mut file = w
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write {name}: {}", e.error()))?;
    let (guard, crlf) = (out.guards(), out.crlf());
    let mut h = Sha256::new();
    let mut batch = Vec::with_capacity(FORMAT_BATCH);
    loop {
        batch.clear();
        while batch.len() < FORMAT_BATCH {
            match documents.next_record()? {
                Some(d) => batch.push(d),
                None => break,
            }
        }
        if batch.is_empty() {
            break;
        }
        for d in &batch {
            h.update(d.id.as_bytes());
            h.update([0xff]);
            h.update(hex_bytes(&d.sha256));
        }
        let parts: Vec<Vec<u8>> = batch
            .par_chunks(256)
            .map(|docs| format(names, tally, docs, guard, crlf))
            .collect();
        for p in parts {
            file.write_all(&p)
                .with_context(|| format!("cannot write {name}"))?;
        }
    }
    file.flush()
        .and_then(|()| file.get_ref().sync_all())
        .with_context(|| format!("cannot write {name}"))?;
    Ok(format!("{:x}", h.finalize()))
}

/// The rows of some documents as CSV bytes, text cells guarded when `guard`: for each
/// document, the actors in table order, each with its lexicons in index order.
fn format(names: &Names, tally: &Tally, docs: &[DocRecord], guard: bool, crlf: bool) -> Vec<u8> {
    let mut w = Records::new(crlf);
    fn text(cell: &str, guard: bool) -> Cow<'_, str> {
        if guard {
            guard_cell(cell)
        } else {
            Cow::Borrowed(cell)
        }
    }
    let actors: Vec<(usize, Cow<'_, str>)> = names
        .actors
        .iter()
        .filter_map(|a| Some((tally.actor_index(a)?, text(a, guard))))
        .collect();
    let lexicons: Vec<Cow<'_, str>> = names.lexicons.iter().map(|l| text(l, guard)).collect();
    let mut buf = String::new();
    for d in docs {
        let id = text(&d.id, guard);
        let date = text(d.date.as_deref().unwrap_or_default(), guard);
        for (ai, actor) in &actors {
            for (_, li, c) in d.cells.iter().filter(|(a, _, _)| a == ai) {
                if c.statements == 0 {
                    continue;
                }
                for cell in [&id, &date, actor, &lexicons[*li]] {
                    w.field(cell.as_bytes());
                }
                // Numbers: no quotes, no guard.
                each_cell_field(c, &mut buf, |s| {
                    w.plain(s);
                    Ok::<(), std::convert::Infallible>(())
                })
                .unwrap_or_else(|never| match never {});
                w.end();
            }
        }
    }
    w.take()
}

/// The bytes of a lower-case hex string.
fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
        .collect()
}
