//! What a pass over analysed documents accumulates (tally, report digest, counts), and the
//! writing of the tables and report from it: shared by `analyze`, `map` and `reduce`.

use anyhow::{bail, Result};
use rayon::ThreadPool;

use crate::aggregate::{Counter, DocRecord, Tally};
use crate::cli::AnalyzeArgs;
use crate::model::Document;
use crate::pipeline::{Config, DocResult};
use crate::report::{self, Digest};
use crate::spill::Spill;
use crate::tables::{self, columns::Names, Settings};
use crate::write::OutputSet;

/// Documents analysed at once: results are written, tallied and dropped batch by batch, so
/// memory holds one batch of documents and statements, not the whole corpus.
pub const BATCH: usize = 512;

/// The counts of a corpus, gathered batch by batch (or merged from partial results).
pub struct Collected {
    pub tally: Tally,
    pub digest: Digest,
    pub documents: u64,
    pub statements: u64,
    pub matches: u64,
}

impl Collected {
    /// Nothing counted yet.
    pub fn new(tally: Tally, digest: Digest) -> Collected {
        Collected {
            tally,
            digest,
            documents: 0,
            statements: 0,
            matches: 0,
        }
    }

    /// Count one analysed batch; returns the per-document records (for `documents.csv`).
    pub fn batch(
        &mut self,
        pool: &ThreadPool,
        cfg: &Config,
        counter: &Counter,
        docs: &[Document],
        results: &[DocResult],
    ) -> Vec<DocRecord> {
        for (doc, r) in docs.iter().zip(results) {
            self.digest.add(cfg, doc, r);
            self.documents += 1;
            self.statements += r.statements.len() as u64;
            self.matches += r
                .statements
                .iter()
                .map(|s| s.matches.len() as u64)
                .sum::<u64>();
        }
        let (part, records) = pool.install(|| counter.batch(docs, results));
        self.tally
            .merge(part)
            .expect("tallies of one counter have one shape");
        records
    }

    /// Write the tables and the report into `out` and move everything into place; `spill` holds
    /// the per-document records. Prints the closing line unless `args.quiet`.
    pub fn finish(
        mut self,
        args: &AnalyzeArgs,
        cfg: &Config,
        names: &Names,
        settings: &Settings,
        mut out: OutputSet,
        spill: Spill,
    ) -> Result<()> {
        if self.statements == 0 {
            bail!(
                "the corpus has no statements: all {} documents are blank",
                self.documents
            );
        }
        let mut sorted = spill.finish()?;
        self.digest.fingerprint =
            tables::write(&mut out, names, &self.tally, settings, &mut sorted)?;
        report::write(
            &mut out,
            &report::Input {
                args,
                cfg,
                names,
                settings,
                digest: &self.digest,
                tally: &self.tally,
            },
        )?;
        let written = out.commit()?;
        if !args.quiet {
            eprintln!(
                "stancecmp: {} documents ({} without a date, left out of the timeline), {} statements, {} lexicon matches; wrote {}",
                self.documents,
                self.documents - self.tally.dated,
                self.statements,
                self.matches,
                written
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        Ok(())
    }
}
