//! What a pass over analysed documents accumulates (tally, report digest, counts), and the
//! writing of the tables and report from it: shared by `analyze`, `map` and `reduce`.

use anyhow::{bail, Result};
use rayon::prelude::*;
use rayon::ThreadPool;

use crate::aggregate::{Counter, DocRecord, Tally};
use crate::cli::AnalyzeArgs;
use crate::model::Document;
use crate::pipeline::{self, Config};
use crate::report::{self, Digest};
use crate::spill::Spill;
use crate::tables::{self, columns::Names, Settings};
use crate::write::{OutputSet, Rows};

/// Documents analysed at once: results are written, tallied and dropped batch by batch, so
/// memory holds one batch of documents and statements, not the whole corpus.
pub const BATCH: usize = 512;

/// What a batch leaves for the caller to write, in corpus order.
#[derive(Default)]
pub struct Batch {
    /// Formatted rows of `statements.csv` and `matches.csv`.
    pub statements: Vec<u8>,
    pub matches: Vec<u8>,
    /// Per-document records (for `documents.csv`).
    pub records: Vec<DocRecord>,
}

/// The analysis of one chunk of a batch.
struct Part {
    statements: Vec<u8>,
    matches: Vec<u8>,
    records: Vec<DocRecord>,
    digest: Digest,
    tally: Tally,
    documents: u64,
    n_statements: u64,
    n_matches: u64,
}

impl Part {
    /// This chunk followed by the next one.
    fn then(mut self, next: Part) -> Part {
        self.statements.extend(next.statements);
        self.matches.extend(next.matches);
        self.records.extend(next.records);
        self.digest.merge(next.digest);
        self.tally
            .merge(next.tally)
            .expect("tallies of one counter have one shape");
        self.documents += next.documents;
        self.n_statements += next.n_statements;
        self.n_matches += next.n_matches;
        self
    }

    fn of(
        cfg: &Config,
        counter: &Counter,
        empty: &Digest,
        rows: Option<(&Rows, &Rows)>,
        docs: &[Document],
    ) -> Result<Part> {
        let mut formatted = rows.map(|(s, m)| (s.like(), m.like()));
        let mut digest = empty.clone();
        let mut tally = counter.tally();
        let mut weights = Vec::new();
        let mut records = Vec::with_capacity(docs.len());
        let (mut n_statements, mut n_matches) = (0, 0);
        for doc in docs {
            let r = pipeline::analyze_document(cfg, doc);
            if let Some((s, m)) = formatted.as_mut() {
                s.add_statements(cfg, doc, &r)?;
                m.add_matches(cfg, doc, &r)?;
            }
            digest.add(cfg, doc, &r);
            records.push(counter.document(&mut tally, doc, &r, &mut weights));
            n_statements += r.statements.len() as u64;
            n_matches += r
                .statements
                .iter()
                .map(|s| s.matches.len() as u64)
                .sum::<u64>();
        }
        let (statements, matches) = match formatted.as_mut() {
            Some((s, m)) => (s.take()?, m.take()?),
            None => (Vec::new(), Vec::new()),
        };
        Ok(Part {
            statements,
            matches,
            records,
            digest,
            tally,
            documents: docs.len() as u64,
            n_statements,
            n_matches,
        })
    }
}

/// The counts of a corpus, gathered batch by batch (or merged from partial results).
pub struct Collected {
    pub tally: Tally,
    pub digest: Digest,
    /// An empty digest of the same settings, for the chunks of a batch.
    empty: Digest,
    pub documents: u64,
    pub statements: u64,
    pub matches: u64,
}

impl Collected {
    /// Nothing counted yet.
    pub fn new(tally: Tally, digest: Digest) -> Collected {
        Collected {
            tally,
            empty: digest.clone(),
            digest,
            documents: 0,
            statements: 0,
            matches: 0,
        }
    }

    /// Analyse and count a batch of documents on `pool`: in chunks (several per thread, for
    /// balance), each with its own rows, digest and tally, merged in corpus order, so the result
    /// is the same whatever the thread count. `rows` are empty prototypes of the statement and
    /// match rows to format (None: no rows).
    pub fn run_batch(
        &mut self,
        pool: &ThreadPool,
        cfg: &Config,
        counter: &Counter,
        rows: Option<(&Rows, &Rows)>,
        docs: &[Document],
    ) -> Result<Batch> {
        let chunk = docs.len().div_ceil(4 * pool.current_num_threads()).max(1);
        let empty = &self.empty;
        // Adjacent chunks merge on the workers too (rayon keeps their order).
        let Some(p) = pool.install(|| {
            docs.par_chunks(chunk)
                .map(|ds| Part::of(cfg, counter, empty, rows, ds))
                .try_reduce_with(|a, b| Ok(a.then(b)))
        }) else {
            return Ok(Batch::default());
        };
        let p = p?;
        self.digest.merge(p.digest);
        self.tally
            .merge(p.tally)
            .expect("tallies of one counter have one shape");
        self.documents += p.documents;
        self.statements += p.n_statements;
        self.matches += p.n_matches;
        Ok(Batch {
            statements: p.statements,
            matches: p.matches,
            records: p.records,
        })
    }

    /// Write the tables and the report into `out` and move everything into place; `spill` holds
    /// the per-document records. Prints the closing line unless `args.output.quiet`.
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
        if !args.output.quiet {
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
