//! What a pass over analysed documents accumulates (tally, report digest, counts), and the
//! writing of the tables and report from it: shared by `analyze`, `map` and `reduce`.

use std::sync::Mutex;

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

/// Read batches of [`BATCH`] documents on a thread of their own, one batch ahead of `each`,
/// which gets them in corpus order: reading and parsing overlap the analysis.
pub fn read_ahead<I>(docs: I, mut each: impl FnMut(Vec<Document>) -> Result<()>) -> Result<()>
where
    I: Iterator<Item = Result<Document>> + Send,
{
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Vec<Document>>>(1);
        let reader = scope.spawn(move || {
            let mut docs = docs;
            loop {
                let batch: Result<Vec<Document>> = docs.by_ref().take(BATCH).collect();
                let stop = batch.as_ref().map_or(true, Vec::is_empty);
                if tx.send(batch).is_err() || stop {
                    break;
                }
            }
        });
        let mut result = Ok(());
        for batch in rx.iter() {
            match batch {
                Ok(b) if b.is_empty() => break,
                Ok(b) => {
                    if let Err(e) = each(b) {
                        result = Err(e);
                        break;
                    }
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        drop(rx);
        reader.join().expect("the reading thread does not panic");
        result
    })
}

/// Run `produce`, handing each value it gives to `consume` on a thread of its own, one value
/// behind: writing a batch's rows and records overlaps the analysis of the next batch instead
/// of leaving the workers idle. Values reach `consume` in the order given; the first error of
/// either side is returned (a failed `consume` stops `produce` at its next value).
pub fn write_behind<T: Send>(
    mut consume: impl FnMut(T) -> Result<()> + Send,
    produce: impl FnOnce(&mut dyn FnMut(T) -> Result<()>) -> Result<()>,
) -> Result<()> {
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<T>(1);
        let writer = scope.spawn(move || {
            for value in rx {
                consume(value)?;
            }
            Ok(())
        });
        let produced = produce(&mut |value| {
            // A closed channel means the writer stopped on an error, which join returns.
            tx.send(value)
                .map_err(|_| anyhow::anyhow!("the writing thread stopped"))
        });
        drop(tx);
        let written = writer.join().expect("the writing thread does not panic");
        written.and(produced)
    })
}

/// What a batch leaves for the caller to write, in corpus order.
#[derive(Default)]
pub struct Batch {
    /// Formatted rows of `statements.csv` and `matches.csv`, in pieces (one per chunk) to be
    /// written one after the other: joining them would copy every byte again.
    pub statements: Vec<Vec<u8>>,
    pub matches: Vec<Vec<u8>>,
    /// Per-document records (for `documents.csv`).
    pub records: Vec<DocRecord>,
}

/// The analysis of one chunk of a batch.
struct Part {
    statements: Vec<Vec<u8>>,
    matches: Vec<Vec<u8>>,
    records: Vec<DocRecord>,
    digest: Digest,
    /// The chunk's own tally, when its thread's tally was busy (see [`Workers`]).
    tally: Option<Tally>,
}

impl Part {
    /// This chunk followed by the next one.
    fn then(mut self, next: Part) -> Part {
        self.statements.extend(next.statements);
        self.matches.extend(next.matches);
        self.records.extend(next.records);
        self.digest.merge(next.digest);
        self.tally = merged(self.tally, next.tally);
        self
    }

    fn of(
        cfg: &Config,
        counter: &Counter,
        empty: &Digest,
        workers: &Workers,
        rows: Option<(&Rows, &Rows)>,
        docs: &[Document],
    ) -> Result<Part> {
        let mut formatted = rows.map(|(s, m)| (s.like(), m.like()));
        let mut digest = empty.clone();
        let mut own = None;
        let mut slot = workers.mine();
        let tally = match slot.as_deref_mut() {
            Some(t) => t,
            None => own.insert(counter.tally()),
        };
        let mut records = Vec::with_capacity(docs.len());
        for doc in docs {
            let r = pipeline::analyze_document(cfg, doc);
            if let Some((s, m)) = formatted.as_mut() {
                s.add_statements(cfg, doc, &r);
                m.add_matches(cfg, doc, &r);
            }
            digest.add(cfg, doc, &r);
            records.push(counter.document(tally, doc, &r));
        }
        tally.add_bootstrap(&records);
        drop(slot);
        let (statements, matches) = match formatted.as_mut() {
            Some((s, m)) => (vec![s.take()], vec![m.take()]),
            None => (Vec::new(), Vec::new()),
        };
        Ok(Part {
            statements,
            matches,
            records,
            digest,
            tally: own,
        })
    }
}

/// Two optional tallies as one.
fn merged(a: Option<Tally>, b: Option<Tally>) -> Option<Tally> {
    match (a, b) {
        (Some(mut a), Some(b)) => {
            a.merge(b).expect("tallies of one counter have one shape");
            Some(a)
        }
        (a, b) => a.or(b),
    }
}

/// One tally per worker thread, which the chunks that thread analyses count into, batch after
/// batch. A tally holds only integer sums (counts, score units, bootstrap replicate sums), so
/// which thread counted which document does not change their total: merging them once at the
/// end gives the same bytes as merging chunk by chunk, and saves allocating, zeroing and
/// merging a tally (megabytes of bootstrap sums) for every chunk of every batch.
struct Workers(Vec<Mutex<Tally>>);

impl Workers {
    /// The current worker thread's tally, or None when it is busy (a thread that waits inside
    /// a chunk may pick up another chunk) or outside the pool: the chunk then counts into a
    /// tally of its own.
    fn mine(&self) -> Option<std::sync::MutexGuard<'_, Tally>> {
        let slot = self.0.get(rayon::current_thread_index()?)?;
        slot.try_lock().ok()
    }
}

/// The counts of a corpus, gathered batch by batch (or merged from partial results).
pub struct Collected {
    /// What has been counted, but for the per-thread tallies of [`Collected::run_batch`]:
    /// [`Collected::into_counts`] and [`Collected::finish`] add them.
    tally: Tally,
    pub digest: Digest,
    /// An empty digest of the same settings, for the chunks of a batch.
    empty: Digest,
    workers: Workers,
}

impl Collected {
    /// Nothing counted yet.
    pub fn new(tally: Tally, digest: Digest) -> Collected {
        Collected {
            tally,
            empty: digest.clone(),
            digest,
            workers: Workers(Vec::new()),
        }
    }

    /// Add a tally (of a partial result) to the counts.
    pub fn add_tally(&mut self, other: Tally) -> Result<(), crate::aggregate::MergeError> {
        self.tally.merge(other)
    }

    /// Merge the per-thread tallies into the counts.
    fn gather(&mut self) {
        for w in std::mem::take(&mut self.workers.0) {
            let t = w.into_inner().expect("a counting thread does not panic");
            self.tally
                .merge(t)
                .expect("tallies of one counter have one shape");
        }
    }

    /// Everything counted: the digest and the tally.
    pub fn into_counts(mut self) -> (Digest, Tally) {
        self.gather();
        (self.digest, self.tally)
    }

    /// Analyse and count a batch of documents on `pool`: in chunks (several per thread, for
    /// balance), each with its own rows and digest, merged in corpus order, and counted into its
    /// thread's tally (`Workers`), so the result is the same whatever the thread count. `rows` are empty prototypes of the statement and
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
        if self.workers.0.len() < pool.current_num_threads() {
            self.workers.0 = (0..pool.current_num_threads())
                .map(|_| Mutex::new(counter.tally()))
                .chain(std::mem::take(&mut self.workers.0))
                .collect();
        }
        let (empty, workers) = (&self.empty, &self.workers);
        // Adjacent chunks merge on the workers too (rayon keeps their order).
        let Some(p) = pool.install(|| {
            docs.par_chunks(chunk)
                .map(|ds| Part::of(cfg, counter, empty, workers, rows, ds))
                .try_reduce_with(|a, b| Ok(a.then(b)))
        }) else {
            return Ok(Batch::default());
        };
        let p = p?;
        self.digest.merge(p.digest);
        if let Some(t) = p.tally {
            self.tally
                .merge(t)
                .expect("tallies of one counter have one shape");
        }
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
        if self.digest.statements == 0 {
            bail!(
                "the corpus has no statements: all {} documents are blank",
                self.digest.documents
            );
        }
        let mut sorted = spill.finish()?;
        self.gather();
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
            let d = &self.digest;
            eprintln!(
                "stancecmp: {} documents ({} without a date, left out of the timeline), {} statements, {} lexicon matches; wrote {}",
                d.documents,
                d.documents - d.dated,
                d.statements,
                d.matches,
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

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::bail;

    #[test]
    fn a_chunk_whose_thread_tally_is_busy_counts_into_its_own() {
        let cfg = Config::load(None).unwrap();
        let docs: Vec<Document> = crate::data::SEEDS
            .iter()
            .map(|(name, text)| crate::read::document_from_text(name, name, text.to_string(), None))
            .collect();
        let counter = Counter::new(&cfg, None, 20, 1);
        let names = Names::new(&cfg);
        let empty = report::digest_all(&cfg, &names, None);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let workers = Workers(vec![Mutex::new(counter.tally())]);
        let part = |workers: &Workers| {
            pool.install(|| Part::of(&cfg, &counter, &empty, workers, None, &docs))
                .unwrap()
        };
        // Free: the chunk counts into the thread's tally.
        let free = part(&workers);
        assert!(free.tally.is_none());
        let counted = workers.0[0].lock().unwrap().clone();
        assert_eq!(counted.documents, docs.len() as u64);
        // Busy (held here): into a tally of its own, with the same counts.
        let busy = {
            let _held = workers.0[0].lock().unwrap();
            part(&workers)
        };
        assert_eq!(busy.tally.as_ref(), Some(&counted));
        assert_eq!(busy.records.len(), docs.len());
    }

    #[test]
    fn write_behind_keeps_the_order_and_returns_the_first_error() {
        let mut seen = Vec::new();
        write_behind(
            |v: usize| {
                seen.push(v);
                Ok(())
            },
            |write| (0..1000).try_for_each(write),
        )
        .unwrap();
        assert_eq!(seen, (0..1000).collect::<Vec<_>>());

        // The writer fails: its error, not the producer's "stopped", and production stops.
        let mut produced = 0;
        let err = write_behind(
            |v: usize| {
                if v == 3 {
                    bail!("disk full at {v}");
                }
                Ok(())
            },
            |write| {
                for v in 0..1000 {
                    produced += 1;
                    write(v)?;
                }
                Ok(())
            },
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full at 3");
        assert!(produced < 1000, "{produced}");

        // The producer fails: its error, after the writer has taken what came before.
        let mut written = 0;
        let err = write_behind(
            |_: usize| {
                written += 1;
                Ok(())
            },
            |write| {
                write(1)?;
                write(2)?;
                bail!("bad input")
            },
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "bad input");
        assert_eq!(written, 2);
    }
}
