//! Sorting per-document records by document id on disk, so memory stays bounded whatever the
//! size of the corpus.
//!
//! `documents.csv` and the corpus fingerprint list documents in id order, and two documents
//! must not share an id; a corpus is read in its own order and may not fit in memory. Records
//! are buffered up to a fixed count, sorted and written as a run file (JSON lines) in a scratch
//! folder; [`Spill::finish`] merges the runs (a k-way merge on a heap) into one stream in id
//! order, and reports the first id seen twice. Records with the same id keep the order in which
//! they were pushed (runs are merged in run order), so the error names the earlier source first.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Lines, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::aggregate::DocRecord;
use crate::read::ReadError;

/// Records held in memory before a run is written: a record is a few hundred bytes, so a
/// buffer is some megabytes.
pub const RUN_RECORDS: usize = 16_384;

/// Runs merged at once: more runs than this (a corpus of over a million documents) are merged
/// in rounds, so the number of open files stays small.
const FAN_IN: usize = 64;

/// Records being sorted.
pub struct Spill {
    dir: PathBuf,
    limit: usize,
    buf: Vec<DocRecord>,
    runs: Vec<PathBuf>,
}

impl Spill {
    /// A spill writing its runs into `dir` (created when the first run is written) after
    /// `limit` records.
    pub fn new(dir: PathBuf, limit: usize) -> Spill {
        Spill {
            dir,
            limit: limit.max(1),
            buf: Vec::new(),
            runs: Vec::new(),
        }
    }

    /// Add records.
    pub fn extend(&mut self, records: impl IntoIterator<Item = DocRecord>) -> Result<()> {
        for r in records {
            self.buf.push(r);
            if self.buf.len() >= self.limit {
                self.write_run()?;
            }
        }
        Ok(())
    }

    fn write_run(&mut self) -> Result<()> {
        self.buf.sort_by(|a, b| a.id.cmp(&b.id));
        fs::create_dir_all(&self.dir)
            .with_context(|| format!("cannot create {}", self.dir.display()))?;
        let path = self.dir.join(format!("run-{:06}.jsonl", self.runs.len()));
        let file =
            File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut w = BufWriter::new(file);
        for r in self.buf.drain(..) {
            serde_json::to_writer(&mut w, &r)?;
            w.write_all(b"\n")
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        w.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
        self.runs.push(path);
        Ok(())
    }

    /// Every record in id order (records of one id in push order).
    pub fn finish(mut self) -> Result<Sorted> {
        if self.runs.is_empty() {
            self.buf.sort_by(|a, b| a.id.cmp(&b.id));
            let sources = vec![Source::Memory(std::mem::take(&mut self.buf).into_iter())];
            return Sorted::new(sources, None, true);
        }
        if !self.buf.is_empty() {
            self.write_run()?;
        }
        // Merge rounds: groups of consecutive runs into one run each, until few are left. Ties
        // keep their run order, so records of one id stay in push order.
        let mut round = 0;
        while self.runs.len() > FAN_IN {
            let mut merged = Vec::new();
            for (i, group) in self.runs.chunks(FAN_IN).enumerate() {
                let path = self.dir.join(format!("merge-{round}-{i:06}.jsonl"));
                let mut sorted = Sorted::new(open_runs(group)?, None, false)?;
                let file = File::create(&path)
                    .with_context(|| format!("cannot create {}", path.display()))?;
                let mut w = BufWriter::new(file);
                while let Some(r) = sorted.next_record()? {
                    serde_json::to_writer(&mut w, &r)?;
                    w.write_all(b"\n")
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
                w.flush()
                    .with_context(|| format!("cannot write {}", path.display()))?;
                for done in group {
                    fs::remove_file(done).ok();
                }
                merged.push(path);
            }
            self.runs = merged;
            round += 1;
        }
        Sorted::new(open_runs(&self.runs)?, Some(self.dir.clone()), true)
    }
}

/// Readers of run files.
fn open_runs(paths: &[PathBuf]) -> Result<Vec<Source>> {
    paths
        .iter()
        .map(|path| {
            let file =
                File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok(Source::Run(BufReader::new(file).lines(), path.clone()))
        })
        .collect()
}

enum Source {
    Memory(std::vec::IntoIter<DocRecord>),
    Run(Lines<BufReader<File>>, PathBuf),
}

impl Source {
    fn next(&mut self) -> Result<Option<DocRecord>> {
        match self {
            Source::Memory(it) => Ok(it.next()),
            Source::Run(lines, path) => match lines.next() {
                None => Ok(None),
                Some(line) => {
                    let line = line.with_context(|| format!("cannot read {}", path.display()))?;
                    Ok(Some(serde_json::from_str(&line).with_context(|| {
                        format!("{}: a damaged record", path.display())
                    })?))
                }
            },
        }
    }
}

/// The merged records, in id order; an error at the first id seen twice.
pub struct Sorted {
    sources: Vec<Source>,
    heap: BinaryHeap<Reverse<(String, usize)>>,
    heads: Vec<Option<DocRecord>>,
    last: Option<(String, String)>,
    /// The scratch folder, removed at the end.
    dir: Option<PathBuf>,
    /// Refuse an id seen twice (off for the intermediate rounds of a merge).
    unique: bool,
}

impl Sorted {
    fn new(sources: Vec<Source>, dir: Option<PathBuf>, unique: bool) -> Result<Sorted> {
        let mut sorted = Sorted {
            heads: (0..sources.len()).map(|_| None).collect(),
            sources,
            heap: BinaryHeap::new(),
            last: None,
            dir,
            unique,
        };
        for i in 0..sorted.sources.len() {
            sorted.refill(i)?;
        }
        Ok(sorted)
    }

    fn refill(&mut self, i: usize) -> Result<()> {
        if let Some(r) = self.sources[i].next()? {
            self.heap.push(Reverse((r.id.clone(), i)));
            self.heads[i] = Some(r);
        }
        Ok(())
    }

    /// The next record in id order, `None` at the end.
    pub fn next_record(&mut self) -> Result<Option<DocRecord>> {
        let Some(Reverse((_, i))) = self.heap.pop() else {
            if let Some(dir) = self.dir.take() {
                fs::remove_dir_all(&dir).ok();
            }
            return Ok(None);
        };
        let r = self.heads[i].take().expect("a head for every heap entry");
        self.refill(i)?;
        if let Some((id, source)) = self.last.as_ref().filter(|_| self.unique) {
            if *id == r.id {
                return Err(ReadError::DuplicateId {
                    id: r.id.clone(),
                    first: source.clone(),
                    second: r.source.clone(),
                }
                .into());
            }
        }
        self.last = Some((r.id.clone(), r.source.clone()));
        Ok(Some(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, source: &str) -> DocRecord {
        DocRecord {
            id: id.to_string(),
            source: source.to_string(),
            sha256: String::new(),
            date: None,
            cells: Vec::new(),
        }
    }

    fn drain(mut s: Sorted) -> Result<Vec<String>> {
        let mut v = Vec::new();
        while let Some(r) = s.next_record()? {
            v.push(r.id);
        }
        Ok(v)
    }

    #[test]
    fn records_come_back_in_id_order_from_memory_and_from_runs() {
        let dir = std::env::temp_dir().join(format!("stancecmp-spill-{}", std::process::id()));
        let ids: Vec<String> = (0..1000)
            .map(|i| format!("d{:04}", (i * 7919) % 1000))
            .collect();
        let mut want = ids.clone();
        want.sort();
        for limit in [1, 3, 64, 5000] {
            let mut s = Spill::new(dir.join(limit.to_string()), limit);
            s.extend(ids.iter().map(|id| rec(id, "x"))).unwrap();
            assert_eq!(drain(s.finish().unwrap()).unwrap(), want, "limit {limit}");
            assert!(!dir.join(limit.to_string()).exists(), "runs are removed");
        }
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn many_runs_are_merged_in_rounds_and_duplicates_still_found() {
        let dir = std::env::temp_dir().join(format!("stancecmp-spill-many-{}", std::process::id()));
        // 5,000 runs of one record: three merge rounds (5,000 -> 79 -> 2).
        let ids: Vec<String> = (0..5000)
            .map(|i| format!("d{:05}", (i * 7919) % 5000))
            .collect();
        let mut s = Spill::new(dir.clone(), 1);
        s.extend(ids.iter().map(|id| rec(id, "x"))).unwrap();
        let got = drain(s.finish().unwrap()).unwrap();
        assert_eq!(got.len(), 5000);
        assert!(got.windows(2).all(|w| w[0] < w[1]));
        assert!(!dir.exists(), "runs are removed");
        let mut s = Spill::new(dir.clone(), 1);
        let mut recs: Vec<DocRecord> = (0..300).map(|i| rec(&format!("{i:04}"), "x")).collect();
        recs[10] = rec("0200", "early.txt");
        recs[200] = rec("0200", "late.txt");
        s.extend(recs).unwrap();
        let err = drain(s.finish().unwrap()).unwrap_err().to_string();
        assert!(err.find("early.txt") < err.find("late.txt"), "{err}");
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_duplicate_id_names_both_sources_in_input_order() {
        let dir = std::env::temp_dir().join(format!("stancecmp-spill-dup-{}", std::process::id()));
        for limit in [1, 2, 100] {
            let mut s = Spill::new(dir.clone(), limit);
            s.extend([rec("b", "first.txt"), rec("a", "x"), rec("b", "second.txt")])
                .unwrap();
            let err = drain(s.finish().unwrap()).unwrap_err().to_string();
            assert!(
                err.contains("first.txt") && err.find("first.txt") < err.find("second.txt"),
                "{err}"
            );
            fs::remove_dir_all(&dir).ok();
        }
    }
}
