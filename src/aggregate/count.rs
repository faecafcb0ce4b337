//! Counting analysed documents into a [`Tally`]: one pass over each document's statements.

use std::collections::HashSet;

use rayon::prelude::*;
use sha2::{Digest as _, Sha256};

use super::{score_units, Cell, DocRecord, Tally, TermCounts};
use crate::attribute::Attribution;
use crate::data::DataFile;
use crate::fold::fold_str;
use crate::model::Document;
use crate::pipeline::{Config, DocResult};
use crate::stance::Stance;
use crate::write::actor_labels;

/// What to count: the actors and lexicons, the roles kept, the words that are not terms and the
/// bootstrap.
pub struct Counter<'a> {
    actors: Vec<String>,
    lexicons: Vec<String>,
    roles: Option<&'a [String]>,
    stopwords: Stopwords,
    reps: usize,
    seed: u64,
}

impl<'a> Counter<'a> {
    /// Count with the actors, lexicons and `stopwords.txt` of `cfg`, and a bootstrap of `reps`
    /// replicates drawn with `seed`. With `roles`, attributed statements whose role is not
    /// listed are left out (statements attributed to no one are always counted).
    pub fn new(cfg: &Config, roles: Option<&'a [String]>, reps: usize, seed: u64) -> Counter<'a> {
        Counter {
            actors: actor_labels(cfg),
            lexicons: cfg.lexicons.iter().map(|l| l.name.clone()).collect(),
            roles,
            stopwords: stopwords(crate::data::get(&cfg.files, "stopwords.txt")),
            reps,
            seed,
        }
    }

    /// An empty tally of this counter's shape.
    pub fn tally(&self) -> Tally {
        Tally::new(
            self.actors.clone(),
            self.lexicons.clone(),
            self.reps,
            self.seed,
        )
    }

    /// Count one analysed document into `tally`; returns its per-document record.
    pub fn document(
        &self,
        tally: &mut Tally,
        doc: &Document,
        result: &DocResult,
        weights: &mut Vec<u32>,
    ) -> DocRecord {
        let l = self.lexicons.len();
        let mut cells = vec![Cell::default(); self.actors.len() * l];
        for s in &result.statements {
            let a = &s.attribution;
            if !counted(self.roles, a) {
                continue;
            }
            if let Some(ai) = self.actors.iter().position(|x| *x == a.actor) {
                let row = &mut cells[ai * l..(ai + 1) * l];
                for c in row.iter_mut() {
                    c.statements += 1;
                    c.tokens += s.tokens as u64;
                }
                let mut hit = vec![false; l];
                for m in &s.matches {
                    let c = &mut row[m.lexicon];
                    hit[m.lexicon] = true;
                    c.hits += 1;
                    c.score_units += score_units(m.signed());
                    match m.stance {
                        Stance::Support => c.support += 1,
                        Stance::Oppose => c.oppose += 1,
                        Stance::Mention => c.mention += 1,
                    }
                }
                for (c, h) in row.iter_mut().zip(hit) {
                    c.statements_with_hits += u64::from(h);
                }
            }
            let counts = match tally.terms.get_mut(&a.actor) {
                Some(c) => c,
                None => tally.terms.entry(a.actor.clone()).or_default(),
            };
            count_terms(&s.folded, &self.stopwords, counts);
        }
        tally.add_document(&doc.id, doc.date.as_deref(), &cells, weights);
        DocRecord {
            id: doc.id.clone(),
            source: doc.source.clone(),
            sha256: format!("{:x}", Sha256::digest(doc.text.as_bytes())),
            date: doc.date.clone(),
            cells: cells
                .into_iter()
                .enumerate()
                .filter(|(_, c)| c.statements > 0)
                .map(|(i, c)| (i / l, i % l, c))
                .collect(),
        }
    }

    /// The tally and records of a batch of documents, counted on the current rayon pool in one
    /// chunk per thread and merged (exactly, so the thread count changes nothing).
    pub fn batch(&self, docs: &[Document], results: &[DocResult]) -> (Tally, Vec<DocRecord>) {
        let chunk = docs.len().div_ceil(rayon::current_num_threads()).max(1);
        let parts: Vec<(Tally, Vec<DocRecord>)> = docs
            .par_chunks(chunk)
            .zip(results.par_chunks(chunk))
            .map(|(ds, rs)| {
                let mut t = self.tally();
                let mut w = Vec::new();
                let recs = ds
                    .iter()
                    .zip(rs)
                    .map(|(d, r)| self.document(&mut t, d, r, &mut w))
                    .collect();
                (t, recs)
            })
            .collect();
        let mut all = self.tally();
        let mut records = Vec::with_capacity(docs.len());
        for (t, recs) in parts {
            all.merge(t).expect("tallies of one counter have one shape");
            records.extend(recs);
        }
        (all, records)
    }
}

/// Whether the tables count a statement with this attribution under `--roles`: every statement
/// without `roles`; with them, narration (`none`) and the statements of speakers in those roles.
pub fn counted(roles: Option<&[String]>, a: &Attribution) -> bool {
    roles.is_none_or(|rs| a.actor == "none" || rs.contains(&a.role))
}

/// Folded words that are not terms.
pub type Stopwords = HashSet<String, foldhash::fast::FixedState>;

/// The words of `stopwords.txt`, folded.
pub fn stopwords(file: &DataFile) -> Stopwords {
    file.text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(fold_str)
        .collect()
}

/// Whether a folded word is a term: at least two characters and one letter.
fn is_term(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some() && chars.next().is_some() && w.chars().any(char::is_alphabetic)
}

/// Add the terms of a text, already folded ([`crate::fold::fold_text`]), to `counts`: its runs
/// of letters and digits with at least two characters and one letter that are not stopwords.
/// Allocates only for terms not seen before.
pub fn count_terms(folded: &str, stopwords: &Stopwords, counts: &mut TermCounts) {
    for w in folded.split(|c: char| !c.is_alphanumeric()) {
        if !is_term(w) || stopwords.contains(w) {
            continue;
        }
        match counts.get_mut(w) {
            Some(n) => *n += 1,
            None => {
                counts.insert(w.to_string(), 1);
            }
        }
    }
}
