//! Tallies: counting statements, hits, stances and terms per document, actor and lexicon.
//!
//! A `Tally` is the only input of the tables (`tables/`), and it is mergeable: the tally of one
//! part of a corpus merged with the tally of the rest is *exactly* the tally of the whole,
//! whatever the split and the order of the merges (`merge` is associative and commutative), so
//! parts can be counted on different threads or machines.
//!
//! Exactness comes from keeping only integers:
//! - every count is a `u64`;
//! - a score sum is an `i64` in units of 10⁻⁹ ([`SCORE_UNITS`]): each match's signed weight is
//!   rounded once, to 9 decimals, when it is counted, and from then on sums are integer
//!   additions, which do not depend on their order (floating-point sums do). Weights are entry
//!   weights times intensifiers and hedges written with a few decimals, so the rounding recovers
//!   their decimal value; the tables print score sums with 3 decimals.
//!
//! Cells are kept per document (keyed by document id) because the bootstrap resamples
//! documents; totals are sums over documents. Documents are keyed and visited in id order, never
//! in corpus order, so a permutation of the corpus gives the same tally.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::attribute::Attribution;
use crate::data::DataFile;
use crate::fold::fold_str;
use crate::model::Document;
use crate::pipeline::{Config, DocResult};
use crate::stance::Stance;

/// Score sums are integers in units of `1 / SCORE_UNITS` (10⁻⁹).
pub const SCORE_UNITS: f64 = 1e9;

/// A signed weight in score units, rounded to the nearest unit.
pub fn score_units(weight: f64) -> i64 {
    (weight * SCORE_UNITS).round() as i64
}

/// Counts for one actor and one lexicon (in one document, or summed over documents).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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

/// The cells of one document, keyed by (actor label, lexicon index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocTally {
    /// The document's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub cells: BTreeMap<(String, usize), Cell>,
}

/// Everything the tables are computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Lexicon names, by index (two tallies merge only when these agree).
    pub lexicons: Vec<String>,
    /// Per document id.
    pub docs: BTreeMap<String, DocTally>,
    /// Per actor label: how often each term occurs in its statements (see [`terms`]).
    pub terms: BTreeMap<String, BTreeMap<String, u64>>,
}

/// Why two tallies cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("the tallies were counted with different lexicons ({0} and {1})")]
    Lexicons(String, String),
    #[error("document `{0}` is in both tallies; each document must be counted once")]
    Document(String),
}

impl Tally {
    /// An empty tally over these lexicons.
    pub fn new(lexicons: Vec<String>) -> Tally {
        Tally {
            lexicons,
            ..Tally::default()
        }
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
        if let Some(id) = other.docs.keys().find(|id| self.docs.contains_key(*id)) {
            return Err(MergeError::Document(id.clone()));
        }
        self.docs.extend(other.docs);
        for (actor, terms) in other.terms {
            let mine = self.terms.entry(actor).or_default();
            for (term, n) in terms {
                *mine.entry(term).or_default() += n;
            }
        }
        Ok(())
    }

    /// Every (actor, lexicon) cell summed over the documents.
    pub fn totals(&self) -> BTreeMap<(String, usize), Cell> {
        let mut t: BTreeMap<(String, usize), Cell> = BTreeMap::new();
        for d in self.docs.values() {
            for (k, c) in &d.cells {
                t.entry(k.clone()).or_default().add(c);
            }
        }
        t
    }

    /// The cells of an actor and lexicon in the documents where the actor holds statements, in
    /// document id order: the clusters of the bootstrap.
    pub fn clusters(&self, actor: &str, lexicon: usize) -> Vec<&Cell> {
        let key = (actor.to_string(), lexicon);
        self.docs
            .values()
            .filter_map(|d| d.cells.get(&key))
            .filter(|c| c.statements > 0)
            .collect()
    }

    /// Term counts over every actor's statements (the background of the keyness prior).
    pub fn background_terms(&self) -> BTreeMap<&str, u64> {
        let mut all: BTreeMap<&str, u64> = BTreeMap::new();
        for terms in self.terms.values() {
            for (t, n) in terms {
                *all.entry(t.as_str()).or_default() += n;
            }
        }
        all
    }
}

/// What to count: the lexicons, the roles kept, and the words that are not terms.
pub struct Counter<'a> {
    lexicons: Vec<String>,
    roles: Option<&'a [String]>,
    stopwords: BTreeSet<String>,
}

impl<'a> Counter<'a> {
    /// Count with the lexicons and `stopwords.txt` of `cfg`. With `roles`, attributed
    /// statements whose role is not listed are left out (statements attributed to no one are
    /// always counted).
    pub fn new(cfg: &Config, roles: Option<&'a [String]>) -> Counter<'a> {
        Counter {
            lexicons: cfg.lexicons.iter().map(|l| l.name.clone()).collect(),
            roles,
            stopwords: stopwords(crate::data::get(&cfg.files, "stopwords.txt")),
        }
    }

    /// The tally of one analysed document.
    pub fn document(&self, doc: &Document, result: &DocResult) -> Tally {
        let mut t = Tally::new(self.lexicons.clone());
        let mut cells: BTreeMap<(String, usize), Cell> = BTreeMap::new();
        for s in &result.statements {
            let a = &s.attribution;
            if !counted(self.roles, a) {
                continue;
            }
            for lex in 0..self.lexicons.len() {
                let mut c = Cell {
                    statements: 1,
                    tokens: s.tokens as u64,
                    ..Cell::default()
                };
                for m in s.matches.iter().filter(|m| m.lexicon == lex) {
                    c.hits += 1;
                    c.score_units += score_units(m.signed());
                    match m.stance {
                        Stance::Support => c.support += 1,
                        Stance::Oppose => c.oppose += 1,
                        Stance::Mention => c.mention += 1,
                    }
                }
                c.statements_with_hits = u64::from(c.hits > 0);
                cells.entry((a.actor.clone(), lex)).or_default().add(&c);
            }
            let counts = t.terms.entry(a.actor.clone()).or_default();
            for term in terms(&doc.text[s.segment.start..s.segment.end], &self.stopwords) {
                *counts.entry(term).or_default() += 1;
            }
        }
        t.docs.insert(
            doc.id.clone(),
            DocTally {
                date: doc.date.clone(),
                cells,
            },
        );
        t
    }

    /// The tally of a corpus: documents are counted on the current rayon pool and merged.
    ///
    /// # Panics
    /// If two documents share an id (the reader guarantees they do not).
    pub fn corpus(&self, docs: &[Document], results: &[DocResult]) -> Tally {
        let parts: Vec<Tally> = docs
            .par_iter()
            .zip(results)
            .map(|(d, r)| self.document(d, r))
            .collect();
        let mut all = Tally::new(self.lexicons.clone());
        for p in parts {
            all.merge(p).expect("document ids are unique");
        }
        all
    }
}

/// Whether the tables count a statement with this attribution under `--roles`: every statement
/// without `roles`; with them, narration (`none`) and the statements of speakers in those roles.
pub fn counted(roles: Option<&[String]>, a: &Attribution) -> bool {
    roles.is_none_or(|rs| a.actor == "none" || rs.contains(&a.role))
}

/// The words of `stopwords.txt`, folded.
pub fn stopwords(file: &DataFile) -> BTreeSet<String> {
    file.text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(fold_str)
        .collect()
}

/// The terms of a text: runs of letters and digits of the folded text with at least two
/// characters and one letter, that are not stopwords.
pub fn terms<'s>(text: &str, stopwords: &'s BTreeSet<String>) -> impl Iterator<Item = String> + 's {
    let folded = fold_str(text);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && w.chars().any(char::is_alphabetic))
        .map(str::to_string)
        .collect();
    words.into_iter().filter(|w| !stopwords.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::SEEDS;
    use crate::read::document_from_text;

    fn seeds() -> (Config, Vec<Document>, Vec<DocResult>) {
        let cfg = Config::load(None).unwrap();
        let docs: Vec<Document> = SEEDS
            .iter()
            .map(|(name, text)| {
                document_from_text(name.trim_end_matches(".txt"), name, text.to_string(), None)
            })
            .collect();
        let results = crate::pipeline::analyze(&cfg, &docs);
        (cfg, docs, results)
    }

    #[test]
    fn tallies_of_two_halves_merge_into_the_tally_of_the_whole() {
        let (cfg, docs, results) = seeds();
        let counter = Counter::new(&cfg, None);
        let whole = counter.corpus(&docs, &results);
        assert_eq!(whole.docs.len(), 5);
        for cut in 0..=docs.len() {
            let first = counter.corpus(&docs[..cut], &results[..cut]);
            let second = counter.corpus(&docs[cut..], &results[cut..]);
            let mut ab = first.clone();
            ab.merge(second.clone()).unwrap();
            assert_eq!(ab, whole, "split at {cut}");
            let mut ba = second;
            ba.merge(first).unwrap();
            assert_eq!(ba, whole, "split at {cut}, merged the other way");
        }
        // Merging document by document in reverse order gives the same tally too.
        let mut one_by_one = Tally::new(whole.lexicons.clone());
        for (d, r) in docs.iter().zip(&results).rev() {
            one_by_one.merge(counter.document(d, r)).unwrap();
        }
        assert_eq!(one_by_one, whole);
        // The score sums are the statements' scores, to the rounding of the units.
        let totals = whole.totals();
        let direct: f64 = results
            .iter()
            .flat_map(|r| &r.statements)
            .filter(|s| s.attribution.actor == "China")
            .flat_map(|s| &s.matches)
            .filter(|m| m.lexicon == 0)
            .map(|m| m.signed())
            .sum();
        let cell = &totals[&("China".to_string(), 0)];
        assert!(
            (cell.score_sum() - direct).abs() < 1e-9,
            "{cell:?} {direct}"
        );
    }

    #[test]
    fn merge_refuses_a_document_twice_or_other_lexicons() {
        let (cfg, docs, results) = seeds();
        let counter = Counter::new(&cfg, None);
        let mut a = counter.document(&docs[0], &results[0]);
        let b = counter.document(&docs[0], &results[0]);
        assert_eq!(a.merge(b), Err(MergeError::Document(docs[0].id.clone())));
        let mut other = Tally::new(vec!["x".into()]);
        assert!(matches!(
            other.merge(counter.document(&docs[1], &results[1])),
            Err(MergeError::Lexicons(..))
        ));
    }

    #[test]
    fn score_units_add_exactly() {
        // 0.1 + 0.2 != 0.3 in floating point, but in score units it is.
        let units = score_units(0.1) + score_units(0.2);
        assert_eq!(units, score_units(0.3));
        assert_eq!(score_units(-1.25), -1_250_000_000);
        let c = Cell {
            statements: 4,
            score_units: score_units(1.5) + score_units(-0.3),
            ..Cell::default()
        };
        assert_eq!(c.score_sum(), 1.2);
        assert_eq!(c.mean_score(), Some(0.3));
    }

    #[test]
    fn terms_are_folded_words_without_stopwords() {
        let stop: BTreeSet<String> = ["the", "of", "ll"].iter().map(|s| s.to_string()).collect();
        let got: Vec<String> =
            terms("The Élysée's call of 2024: a cease-fire, we'll see.", &stop).collect();
        assert_eq!(got, ["elysee", "call", "cease", "fire", "we", "see"]);
        let cfg = Config::load(None).unwrap();
        let stop = stopwords(crate::data::get(&cfg.files, "stopwords.txt"));
        assert!(stop.contains("the") && stop.contains("ve") && !stop.contains("said"));
    }
}
