//! Tallies: counting statements, hits, stances and terms per actor, lexicon and date.
//!
//! A `Tally` is the only input of the tables (`tables/`), and it is mergeable: the tally of one
//! part of a corpus merged with the tally of the rest is *exactly* the tally of the whole,
//! whatever the split and the order of the merges (`merge` is associative and commutative), so
//! parts can be counted on different threads, processes or machines (`stancecmp map` and
//! `reduce`).
//!
//! Exactness comes from keeping only integers:
//! - every count is a `u64`;
//! - a score sum is an `i64` in units of 10⁻⁹ ([`SCORE_UNITS`]): each match's signed weight is
//!   rounded once, to 9 decimals, when it is counted, and from then on sums are integer
//!   additions, which do not depend on their order (floating-point sums do). Weights are entry
//!   weights times intensifiers and hedges written with a few decimals, so the rounding recovers
//!   their decimal value; the tables print score sums with 3 decimals.
//!
//! Memory does not grow with the number of documents: cells are dense arrays indexed by actor
//! and lexicon, summed over the corpus and per date (the timeline); the bootstrap keeps its
//! replicate sums ([`boot`]); terms grow with the vocabulary only. What is per document (the rows
//! of `documents.csv`) leaves the tally as a [`DocRecord`] for the caller to spill to disk.

pub mod boot;
mod count;
mod terms;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use boot::Replicates;
pub use count::{count_terms, counted, stopwords, Counter, Stopwords};

/// Score sums are integers in units of `1 / SCORE_UNITS` (10⁻⁹).
pub const SCORE_UNITS: f64 = 1e9;

/// A signed weight in score units, rounded to the nearest unit.
pub fn score_units(weight: f64) -> i64 {
    (weight * SCORE_UNITS).round() as i64
}

/// Term counts of one actor: hash maps with a fast, fixed (unseeded) hash, short terms packed
/// into integers, since terms are counted by the billion (`aggregate/terms.rs`); every output sorts them.
pub type TermCounts = terms::Terms;

/// Counts for one actor and one lexicon (in one document, or summed over documents).
///
/// Serialised compactly, as the array `[statements, statements_with_hits, hits, score_units,
/// tokens, support, oppose, mention]` (partial results hold one per document × actor × lexicon).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "CellArray", into = "CellArray")]
pub struct Cell {
    pub statements: u64,
    pub statements_with_hits: u64,
    pub hits: u64,
    /// Sum of signed match weights, in score units ([`SCORE_UNITS`]).
    pub score_units: i64,
    pub tokens: u64,
    pub support: u64,
    pub oppose: u64,
    pub mention: u64,
}

/// [`Cell`] as written: its fields in order.
#[derive(Serialize, Deserialize)]
struct CellArray(u64, u64, u64, i64, u64, u64, u64, u64);

impl From<CellArray> for Cell {
    fn from(a: CellArray) -> Cell {
        Cell {
            statements: a.0,
            statements_with_hits: a.1,
            hits: a.2,
            score_units: a.3,
            tokens: a.4,
            support: a.5,
            oppose: a.6,
            mention: a.7,
        }
    }
}

impl From<Cell> for CellArray {
    fn from(c: Cell) -> CellArray {
        CellArray(
            c.statements,
            c.statements_with_hits,
            c.hits,
            c.score_units,
            c.tokens,
            c.support,
            c.oppose,
            c.mention,
        )
    }
}

impl Cell {
    /// Add another cell's counts to this one.
    pub fn add(&mut self, other: &Cell) {
        self.statements += other.statements;
        self.statements_with_hits += other.statements_with_hits;
        self.hits += other.hits;
        self.score_units += other.score_units;
        self.tokens += other.tokens;
        self.support += other.support;
        self.oppose += other.oppose;
        self.mention += other.mention;
    }

    /// Sum of signed match weights.
    pub fn score_sum(&self) -> f64 {
        self.score_units as f64 / SCORE_UNITS
    }

    /// Share of statements with at least one hit (None without statements).
    pub fn share(&self) -> Option<f64> {
        (self.statements > 0).then(|| self.statements_with_hits as f64 / self.statements as f64)
    }

    /// Hits per 1,000 tokens (None without tokens).
    pub fn hits_per_1k(&self) -> Option<f64> {
        (self.tokens > 0).then(|| self.hits as f64 * 1000.0 / self.tokens as f64)
    }

    /// Mean signed score per statement (None without statements).
    pub fn mean_score(&self) -> Option<f64> {
        (self.statements > 0).then(|| self.score_sum() / self.statements as f64)
    }
}

/// Cells of every actor × lexicon (index `actor * lexicons + lexicon`) and, per actor, the
/// documents in which it holds statements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cells {
    pub cells: Vec<Cell>,
    pub documents: Vec<u64>,
}

impl Cells {
    fn new(actors: usize, lexicons: usize) -> Cells {
        Cells {
            cells: vec![Cell::default(); actors * lexicons],
            documents: vec![0; actors],
        }
    }

    /// Add one document's dense cells (`actors × lexicons`): its counts, and one document for
    /// each actor holding statements in it.
    fn add_document(&mut self, doc: &[Cell], lexicons: usize) {
        for (a, b) in self.cells.iter_mut().zip(doc) {
            a.add(b);
        }
        for (n, cells) in self.documents.iter_mut().zip(doc.chunks(lexicons)) {
            *n += u64::from(cells[0].statements > 0);
        }
    }

    fn add(&mut self, other: &Cells) {
        for (a, b) in self.cells.iter_mut().zip(&other.cells) {
            a.add(b);
        }
        for (a, b) in self.documents.iter_mut().zip(&other.documents) {
            *a += b;
        }
    }
}

/// The per-document part of a count: the row group of `documents.csv` and what the corpus
/// fingerprint and the duplicate-id check need. Callers sort these by id on disk
/// ([`crate::spill`]), so they never all sit in memory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRecord {
    pub id: String,
    /// Where the document came from (for the duplicate-id message).
    pub source: String,
    /// SHA-256 of the document text, lower-case hex.
    pub sha256: String,
    pub date: Option<String>,
    /// (actor index, lexicon index, counts) for the actors holding statements, in index order.
    pub cells: Vec<(usize, usize, Cell)>,
}

/// Everything the tables are computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Lexicon names, by index (two tallies merge only when these agree).
    pub lexicons: Vec<String>,
    /// Actor labels, by index, in table order.
    pub actors: Vec<String>,
    /// Documents counted, and of those the ones with a date.
    pub documents: u64,
    pub dated: u64,
    /// Summed over the corpus.
    pub total: Cells,
    /// Summed per document date `YYYY-MM-DD` (undated documents are left out).
    pub dates: BTreeMap<String, Cells>,
    /// Per actor label: how often each term occurs in its statements (see [`count::count_terms`]).
    #[serde(with = "sorted_terms")]
    pub terms: BTreeMap<String, TermCounts>,
    /// The Poisson bootstrap's replicate sums.
    pub boot: Replicates,
}

/// Why two tallies cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("the tallies were counted with different lexicons ({0} and {1})")]
    Lexicons(String, String),
    #[error("the tallies were counted with different actors ({0} and {1})")]
    Actors(String, String),
    #[error("the tallies were counted with different bootstrap settings ({0} and {1})")]
    Bootstrap(String, String),
}

impl Tally {
    /// An empty tally over these actors and lexicons, with `reps` bootstrap replicates drawn with
    /// `seed`.
    pub fn new(actors: Vec<String>, lexicons: Vec<String>, reps: usize, seed: u64) -> Tally {
        let (a, l) = (actors.len(), lexicons.len());
        Tally {
            total: Cells::new(a, l),
            boot: Replicates::new(a, l, reps, seed),
            actors,
            lexicons,
            ..Tally::default()
        }
    }

    /// The index of an actor label.
    pub fn actor_index(&self, label: &str) -> Option<usize> {
        self.actors.iter().position(|a| a == label)
    }

    /// Count one document's dense cells (`actors × lexicons`, see [`Cells`]), all but the
    /// bootstrap's replicate sums ([`Tally::add_bootstrap`]).
    pub(crate) fn add_document(&mut self, date: Option<&str>, doc: &[Cell]) {
        let (na, l) = (self.actors.len(), self.lexicons.len());
        self.documents += 1;
        self.total.add_document(doc, l);
        if let Some(date) = date {
            self.dated += 1;
            match self.dates.get_mut(date) {
                Some(cells) => cells.add_document(doc, l),
                None => {
                    let mut cells = Cells::new(na, l);
                    cells.add_document(doc, l);
                    self.dates.insert(date.to_string(), cells);
                }
            }
        }
    }

    /// Add documents to the bootstrap's replicate sums (see [`boot::Replicates::add_records`]).
    pub fn add_bootstrap(&mut self, records: &[DocRecord]) {
        let docs: Vec<boot::DocCells<'_>> = records
            .iter()
            .map(|r| (r.id.as_str(), r.cells.as_slice()))
            .collect();
        self.boot.add_records(&docs, self.lexicons.len());
    }

    /// Add another tally to this one. Exact: the result does not depend on how a corpus was
    /// split or in which order the parts are merged.
    pub fn merge(&mut self, other: Tally) -> Result<(), MergeError> {
        if self.lexicons != other.lexicons {
            return Err(MergeError::Lexicons(
                self.lexicons.join(","),
                other.lexicons.join(","),
            ));
        }
        if self.actors != other.actors {
            return Err(MergeError::Actors(
                self.actors.join(","),
                other.actors.join(","),
            ));
        }
        if (self.boot.reps, self.boot.seed) != (other.boot.reps, other.boot.seed) {
            return Err(MergeError::Bootstrap(
                self.boot.describe(),
                other.boot.describe(),
            ));
        }
        self.documents += other.documents;
        self.dated += other.dated;
        self.total.add(&other.total);
        for (date, cells) in other.dates {
            match self.dates.get_mut(&date) {
                Some(mine) => mine.add(&cells),
                None => {
                    self.dates.insert(date, cells);
                }
            }
        }
        for (actor, terms) in other.terms {
            match self.terms.get_mut(&actor) {
                Some(mine) => mine.merge(&terms),
                None => {
                    self.terms.insert(actor, terms);
                }
            }
        }
        self.boot.add(&other.boot);
        Ok(())
    }

    /// The corpus total of one actor (by label) and lexicon (by index).
    pub fn cell(&self, actor: &str, lexicon: usize) -> Cell {
        self.actor_index(actor)
            .map(|a| self.total.cells[a * self.lexicons.len() + lexicon].clone())
            .unwrap_or_default()
    }

    /// The documents in which an actor (by label) holds statements: the clusters of the
    /// bootstrap.
    pub fn actor_documents(&self, actor: &str) -> u64 {
        self.actor_index(actor)
            .map(|a| self.total.documents[a])
            .unwrap_or(0)
    }

    /// Term counts over every actor's statements (the background of the keyness prior).
    pub fn background_terms(&self) -> TermCounts {
        let mut all = TermCounts::default();
        for terms in self.terms.values() {
            all.merge(terms);
        }
        all
    }
}

/// Terms are counted in hash maps (fast) and written sorted (so a serialised tally is
/// deterministic).
mod sorted_terms {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    type Terms = BTreeMap<String, super::TermCounts>;

    pub fn serialize<S: Serializer>(terms: &Terms, s: S) -> Result<S::Ok, S::Error> {
        let sorted: BTreeMap<&String, BTreeMap<String, u64>> =
            terms.iter().map(|(a, t)| (a, t.iter().collect())).collect();
        sorted.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Terms, D::Error> {
        let sorted: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::deserialize(d)?;
        Ok(sorted
            .into_iter()
            .map(|(a, t)| (a, t.into_iter().collect()))
            .collect())
    }
}

#[cfg(test)]
mod tests;
