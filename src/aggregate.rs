//! Tallies: counting statements, hits and stances per actor and lexicon.
//!
//! A `Tally` holds only integer counts and sums, so tallies of two halves of a corpus add up to
//! the tally of the whole; the tables are computed from it.

use std::collections::BTreeMap;

use crate::pipeline::DocResult;
use crate::stance::Stance;

/// Counts for one actor and one lexicon.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub statements: u64,
    pub statements_with_hits: u64,
    pub hits: u64,
    /// Sum of signed match weights.
    pub score_sum: f64,
    pub tokens: u64,
    pub support: u64,
    pub oppose: u64,
    pub mention: u64,
}

impl Cell {
    fn add(&mut self, other: &Cell) {
        self.statements += other.statements;
        self.statements_with_hits += other.statements_with_hits;
        self.hits += other.hits;
        self.score_sum += other.score_sum;
        self.tokens += other.tokens;
        self.support += other.support;
        self.oppose += other.oppose;
        self.mention += other.mention;
    }

    /// Share of statements with at least one hit (None without statements).
    pub fn share(&self) -> Option<f64> {
        (self.statements > 0).then(|| self.statements_with_hits as f64 / self.statements as f64)
    }

    /// Hits per 1,000 tokens (None without tokens).
    pub fn hits_per_1k(&self) -> Option<f64> {
        (self.tokens > 0).then(|| self.hits as f64 * 1000.0 / self.tokens as f64)
    }
}

/// Counts per (actor label, lexicon index).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub cells: BTreeMap<(String, usize), Cell>,
}

impl Tally {
    /// Count the statements of analysed documents over `n_lexicons` lexicons.
    /// With `roles`, attributed statements whose role is not listed are left out (statements
    /// attributed to no one are always counted).
    pub fn from_results(
        results: &[DocResult],
        n_lexicons: usize,
        roles: Option<&[String]>,
    ) -> Tally {
        let mut t = Tally::default();
        for r in results {
            for s in &r.statements {
                let a = &s.attribution;
                if roles.is_some_and(|rs| a.actor != "none" && !rs.contains(&a.role)) {
                    continue;
                }
                for lex in 0..n_lexicons {
                    let mut c = Cell {
                        statements: 1,
                        tokens: s.tokens as u64,
                        ..Cell::default()
                    };
                    for m in s.matches.iter().filter(|m| m.lexicon == lex) {
                        c.hits += 1;
                        c.score_sum += m.signed();
                        match m.stance {
                            Stance::Support => c.support += 1,
                            Stance::Oppose => c.oppose += 1,
                            Stance::Mention => c.mention += 1,
                        }
                    }
                    c.statements_with_hits = u64::from(c.hits > 0);
                    t.cells
                        .entry((s.attribution.actor.clone(), lex))
                        .or_default()
                        .add(&c);
                }
            }
        }
        t
    }

    /// Add another tally to this one.
    pub fn merge(&mut self, other: &Tally) {
        for (k, c) in &other.cells {
            self.cells.entry(k.clone()).or_default().add(c);
        }
    }

    /// The cell for an actor and lexicon (zero when absent).
    pub fn get(&self, actor: &str, lexicon: usize) -> Cell {
        self.cells
            .get(&(actor.to_string(), lexicon))
            .cloned()
            .unwrap_or_default()
    }
}
