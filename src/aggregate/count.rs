//! Counting analysed documents into a [`Tally`]: one pass over each document's statements.

use std::collections::HashSet;

use rayon::prelude::*;
use sha2::{Digest as _, Sha256};

use super::terms::{pack_at, SHORT};
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

    /// Count one analysed document into `tally`, all but the bootstrap's replicate sums, and
    /// return its per-document record: the caller adds the records of several documents to
    /// the bootstrap at once with [`Tally::add_bootstrap`] (faster; the sums are the same).
    pub fn document(&self, tally: &mut Tally, doc: &Document, result: &DocResult) -> DocRecord {
        let l = self.lexicons.len();
        let mut cells = vec![Cell::default(); self.actors.len() * l];
        // Which lexicons a statement hits: one buffer for the document.
        let mut hit = vec![false; l];
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
                hit.fill(false);
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
                for (c, &h) in row.iter_mut().zip(&hit) {
                    c.statements_with_hits += u64::from(h);
                }
            }
            let counts = match tally.terms.get_mut(&a.actor) {
                Some(c) => c,
                None => tally.terms.entry(a.actor.clone()).or_default(),
            };
            count_terms(&s.folded, &self.stopwords, counts);
        }
        tally.add_document(doc.date.as_deref(), &cells);
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
                let recs: Vec<DocRecord> = ds
                    .iter()
                    .zip(rs)
                    .map(|(d, r)| self.document(&mut t, d, r))
                    .collect();
                t.add_bootstrap(&recs);
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
///
/// Nearly every word looked up is short: a word of at most 7 bytes is looked up as one integer
/// (its bytes and its length), without hashing and comparing strings.
#[derive(Debug, Default, Clone)]
pub struct Stopwords {
    /// The words of at most 7 bytes, as [`pack`] packs them.
    short: HashSet<u64, foldhash::fast::FixedState>,
    /// The longer words.
    long: HashSet<String, foldhash::fast::FixedState>,
}

/// A word of at most 7 bytes as one integer: its bytes, then its length in the top byte.
fn pack(w: &[u8]) -> Option<u64> {
    if w.len() > 7 {
        return None;
    }
    let mut key = (w.len() as u64) << 56;
    for (k, &b) in w.iter().enumerate() {
        key |= u64::from(b) << (8 * k);
    }
    Some(key)
}

impl Stopwords {
    /// Whether `w` is one of the words.
    pub fn contains(&self, w: &str) -> bool {
        match pack(w.as_bytes()) {
            Some(key) => self.short.contains(&key),
            None => self.long.contains(w),
        }
    }

    /// Whether `w`, packed as `key` by [`super::terms::pack`], is one of the words: a word of
    /// at most 7 bytes is packed into the low 8 bytes of `key` the way [`pack`] wants it but
    /// for the length, which is in the top byte of `key`.
    #[inline]
    fn contains_packed(&self, key: u128, w: &str) -> bool {
        let n = (key >> 120) as u64;
        if n <= 7 {
            self.short.contains(&(key as u64 | n << 56))
        } else {
            self.long.contains(w)
        }
    }
}

impl FromIterator<String> for Stopwords {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Stopwords {
        let mut out = Stopwords::default();
        for w in words {
            match pack(w.as_bytes()) {
                Some(key) => out.short.insert(key),
                None => out.long.insert(w),
            };
        }
        out
    }
}

/// The words of `stopwords.txt`, folded.
pub fn stopwords(file: &DataFile) -> Stopwords {
    file.text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(fold_str)
        .collect()
}

/// Per byte of ASCII text: 1 for digits, 3 for letters (a letter is alphanumeric too), else 0.
const ASCII_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() as u8 | (c.is_ascii_alphabetic() as u8) << 1;
        b += 1;
    }
    t
};

/// Add the terms of a text, already folded ([`crate::fold::fold_text`]), to `counts`: its runs
/// of letters and digits with at least two characters and one letter that are not stopwords.
/// Allocates only for long terms not seen before ([`TermCounts`]).
pub fn count_terms(folded: &str, stopwords: &Stopwords, counts: &mut TermCounts) {
    if !folded.is_ascii() {
        for w in folded.split(|c: char| !c.is_alphanumeric()) {
            if is_term(w) && !stopwords.contains(w) {
                counts.add(w);
            }
        }
        return;
    }
    // All ASCII (nearly every folded statement): runs of bytes, without decoding chars.
    let bytes = folded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if ASCII_CLASS[bytes[i] as usize] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut kinds = 0;
        while i < bytes.len() && ASCII_CLASS[bytes[i] as usize] != 0 {
            kinds |= ASCII_CLASS[bytes[i] as usize];
            i += 1;
        }
        if i - start >= 2 && kinds & 2 != 0 {
            let w = &folded[start..i];
            if i - start <= SHORT {
                // Packed once, for the stopwords and the counts.
                let key = pack_at(bytes, start, i);
                if !stopwords.contains_packed(key, w) {
                    counts.add_packed(key);
                }
            } else if !stopwords.contains(w) {
                counts.add(w);
            }
        }
    }
}

/// Whether a folded word is a term: at least two characters and one letter.
fn is_term(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some() && chars.next().is_some() && w.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count_terms` as first written: split on chars, every word looked up as a string.
    fn by_chars(folded: &str, stop: &HashSet<String>) -> Vec<(String, u64)> {
        let mut counts = std::collections::BTreeMap::new();
        for w in folded.split(|c: char| !c.is_alphanumeric()) {
            if is_term(w) && !stop.contains(w) {
                *counts.entry(w.to_string()).or_insert(0) += 1;
            }
        }
        counts.into_iter().collect()
    }

    #[test]
    fn terms_and_stopwords_as_strings_would_give() {
        let words = [
            "the",
            "of",
            "a1",
            "seven77",
            "eight888",
            "ninenine9",
            "x\0",
            "",
        ];
        let stop: HashSet<String> = words.iter().map(|s| s.to_string()).collect();
        let packed: Stopwords = words.iter().map(|s| s.to_string()).collect();
        for text in [
            "",
            "the of a1 a 1 22 x seven77 eight888 ninenine9 ninenine99 x\0 ab-cd",
            "élysée's call of 2024: we'll see the call 北京 ok œuvre",
            "a1b2 3c 44 the.the,the of",
        ] {
            let mut counts = TermCounts::default();
            count_terms(text, &packed, &mut counts);
            let mut got: Vec<(String, u64)> = counts.iter().collect();
            got.sort();
            assert_eq!(got, by_chars(text, &stop), "{text:?}");
            for w in text.split(' ').chain(words) {
                assert_eq!(packed.contains(w), stop.contains(w), "{w:?}");
            }
        }
    }
}
