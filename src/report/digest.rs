//! What the report needs from the statements themselves, collected one document at a time: the
//! corpus overview (documents, dates, attributions by actor, role and rule) and, for each
//! reported actor × lexicon, the strongest statements as evidence.
//!
//! Memory is bounded: only the [`Digest::per_cell`] strongest statements of each cell are kept,
//! so a streaming run can feed documents and drop them. "Strongest" is the largest absolute
//! signed score (the `NAME_score` of `statements.csv`, summed in the tally's integer score
//! units), ties broken by document id and sentence number, so the evidence does not depend on the
//! order of the inputs. Evidence follows `--roles` like the tables.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::aggregate::{counted, score_units, SCORE_UNITS};
use crate::model::Document;
use crate::pipeline::{Config, DocResult, Statement};
use crate::write::statement_stance;

/// Statement text kept for a quote, in characters (after collapsing whitespace).
pub const MAX_QUOTE_CHARS: usize = 700;

/// One piece of a quoted statement: its text and whether it is matched words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub mark: bool,
}

/// One statement quoted as evidence for an actor × lexicon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub doc_id: String,
    pub date: Option<String>,
    pub sentence_no: usize,
    pub speaker: String,
    pub role: String,
    pub rule: String,
    /// The statement's signed score on the lexicon.
    pub score: f64,
    /// The statement's stance on the lexicon (as in `statements.csv`).
    pub stance: String,
    /// The statement, whitespace collapsed, matched words marked.
    pub spans: Vec<Span>,
    /// The statement was longer than `MAX_QUOTE_CHARS` and is cut.
    pub cut: bool,
    /// Each match, in text order.
    pub matched: Vec<Matched>,
    /// Ordering key: (-|score| in score units, document id, sentence number).
    key: (i64, String, usize),
}

/// One match in a quoted statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matched {
    /// The words that matched, whitespace collapsed.
    pub words: String,
    /// The lexicon entry, as written (`cease-fire`, `sovereign*`).
    pub entry: String,
    pub stance: String,
}

/// Statements by role and by rule for one actor label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attributions {
    pub statements: u64,
    pub roles: BTreeMap<String, u64>,
    pub rules: BTreeMap<String, u64>,
}

/// The overview counts and the evidence of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    /// Actors whose evidence is kept.
    actors: Vec<String>,
    roles: Option<Vec<String>>,
    lexicons: usize,
    pub per_cell: usize,
    pub documents: u64,
    pub dated: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub statements: u64,
    pub matches: u64,
    /// Per actor label (all statements, not filtered by `--roles`).
    pub attributions: BTreeMap<String, Attributions>,
    /// (actor, lexicon index) -> the strongest statements, strongest first.
    #[serde(with = "pairs")]
    pub evidence: BTreeMap<(String, usize), Vec<Quote>>,
    /// The corpus fingerprint (see [`crate::tables::documents::write`]), set once the documents
    /// are sorted.
    pub fingerprint: String,
}

impl Digest {
    /// An empty digest keeping `per_cell` quotes for each of `actors` × every lexicon of `cfg`.
    pub fn new(cfg: &Config, actors: &[String], roles: Option<&[String]>, per_cell: usize) -> Self {
        Digest {
            actors: actors.to_vec(),
            roles: roles.map(<[String]>::to_vec),
            lexicons: cfg.lexicons.len(),
            per_cell,
            documents: 0,
            dated: 0,
            first_date: None,
            last_date: None,
            statements: 0,
            matches: 0,
            attributions: BTreeMap::new(),
            evidence: BTreeMap::new(),
            fingerprint: String::new(),
        }
    }

    /// Count one analysed document and keep its statements that are among the strongest.
    pub fn add(&mut self, cfg: &Config, doc: &Document, result: &DocResult) {
        self.documents += 1;
        if let Some(date) = &doc.date {
            self.dated += 1;
            if self.first_date.as_ref().is_none_or(|d| date < d) {
                self.first_date = Some(date.clone());
            }
            if self.last_date.as_ref().is_none_or(|d| date > d) {
                self.last_date = Some(date.clone());
            }
        }
        for s in &result.statements {
            let a = &s.attribution;
            self.statements += 1;
            self.matches += s.matches.len() as u64;
            // Look up before inserting: `entry` would copy the labels for every statement.
            if !self.attributions.contains_key(&a.actor) {
                self.attributions
                    .insert(a.actor.clone(), Default::default());
            }
            let counts = self.attributions.get_mut(&a.actor).expect("inserted above");
            counts.statements += 1;
            match counts.roles.get_mut(&a.role) {
                Some(n) => *n += 1,
                None => {
                    counts.roles.insert(a.role.clone(), 1);
                }
            }
            match counts.rules.get_mut(a.rule.as_str()) {
                Some(n) => *n += 1,
                None => {
                    counts.rules.insert(a.rule.as_str().to_string(), 1);
                }
            }
            if !self.actors.contains(&a.actor) || !counted(self.roles.as_deref(), a) {
                continue;
            }
            for lex in 0..self.lexicons {
                self.offer(cfg, doc, s, lex);
            }
        }
    }

    /// Add the digest of another part of the corpus (counted with the same settings): the
    /// result is the digest of the whole, whatever the split (the evidence is a top list under a
    /// total order).
    pub fn merge(&mut self, other: Digest) {
        self.documents += other.documents;
        self.dated += other.dated;
        if let Some(d) = other.first_date {
            if self.first_date.as_ref().is_none_or(|f| d < *f) {
                self.first_date = Some(d);
            }
        }
        if let Some(d) = other.last_date {
            if self.last_date.as_ref().is_none_or(|l| d > *l) {
                self.last_date = Some(d);
            }
        }
        self.statements += other.statements;
        self.matches += other.matches;
        for (actor, a) in other.attributions {
            let mine = self.attributions.entry(actor).or_default();
            mine.statements += a.statements;
            for (k, n) in a.roles {
                *mine.roles.entry(k).or_default() += n;
            }
            for (k, n) in a.rules {
                *mine.rules.entry(k).or_default() += n;
            }
        }
        for (cell, quotes) in other.evidence {
            let kept = self.evidence.entry(cell).or_default();
            kept.extend(quotes);
            kept.sort_by(|a, b| a.key.cmp(&b.key));
            kept.truncate(self.per_cell);
        }
    }

    /// Whether another digest was made with the same settings (actors, roles, lexicons, quotes
    /// per cell), so that the two can be merged.
    pub fn same_settings(&self, other: &Digest) -> bool {
        (&self.actors, &self.roles, self.lexicons, self.per_cell)
            == (&other.actors, &other.roles, other.lexicons, other.per_cell)
    }

    /// Keep statement `s` for (its actor, `lex`) when it is among the strongest so far.
    fn offer(&mut self, cfg: &Config, doc: &Document, s: &Statement, lex: usize) {
        let ms: Vec<_> = s.matches.iter().filter(|m| m.lexicon == lex).collect();
        if ms.is_empty() {
            return;
        }
        let units: i64 = ms.iter().map(|m| score_units(m.signed())).sum();
        let key = (-units.abs(), doc.id.clone(), s.sentence_no);
        let kept = self
            .evidence
            .entry((s.attribution.actor.clone(), lex))
            .or_default();
        if kept.len() >= self.per_cell && kept.last().is_some_and(|q| q.key <= key) {
            return;
        }
        let ranges: Vec<(usize, usize)> = ms.iter().map(|m| (m.start, m.end)).collect();
        let (spans, cut) = spans(&doc.text, s.segment.start, s.segment.end, &ranges);
        let a = &s.attribution;
        let quote = Quote {
            doc_id: doc.id.clone(),
            date: doc.date.clone(),
            sentence_no: s.sentence_no,
            speaker: a.speaker.clone(),
            role: a.role.clone(),
            rule: a.rule.as_str().to_string(),
            score: units as f64 / SCORE_UNITS,
            stance: statement_stance(&ms).to_string(),
            spans,
            cut,
            matched: ms
                .iter()
                .map(|m| Matched {
                    words: collapse(&doc.text[m.start..m.end]),
                    entry: cfg.lexicons[lex].entries[m.entry].display(),
                    stance: m.stance.as_str().to_string(),
                })
                .collect(),
            key,
        };
        let at = kept.partition_point(|q| q.key < quote.key);
        kept.insert(at, quote);
        kept.truncate(self.per_cell);
    }
}

/// Whitespace runs as single spaces.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The statement `text[start..end]` as spans, whitespace collapsed, the byte `ranges` (absolute
/// offsets into `text`) marked; cut after [`MAX_QUOTE_CHARS`] characters (then `true`).
pub fn spans(text: &str, start: usize, end: usize, ranges: &[(usize, usize)]) -> (Vec<Span>, bool) {
    let mut out: Vec<Span> = Vec::new();
    let (mut chars, mut space) = (0usize, false);
    for (i, c) in text[start..end].char_indices() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if chars + 1 + usize::from(space) > MAX_QUOTE_CHARS {
            return (out, true);
        }
        let at = start + i;
        let mark = ranges.iter().any(|&(s, e)| s <= at && at < e);
        if space {
            // A space between two marked words stays inside the mark.
            let joins = mark && out.last().is_some_and(|s| s.mark);
            push(&mut out, ' ', joins);
            chars += 1;
            space = false;
        }
        push(&mut out, c, mark);
        chars += 1;
    }
    (out, false)
}

fn push(out: &mut Vec<Span>, c: char, mark: bool) {
    match out.last_mut() {
        Some(last) if last.mark == mark => last.text.push(c),
        _ => out.push(Span {
            text: c.to_string(),
            mark,
        }),
    }
}

/// A map with tuple keys as a list of pairs (JSON keys must be strings).
mod pairs {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<K: Serialize, V: Serialize, S: Serializer>(
        map: &BTreeMap<K, V>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(map.iter())
    }

    pub fn deserialize<'de, K, V, D>(d: D) -> Result<BTreeMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Ord,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(d)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| {
                if s.mark {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn matched_words_are_marked_and_whitespace_collapsed() {
        let text = "x  China called for an\n immediate   ceasefire and peace talks.  y";
        let (start, end) = (3, text.len() - 3);
        let at = |w: &str| {
            let s = text.find(w).unwrap();
            (s, s + w.len())
        };
        let (spans, cut) = spans(text, start, end, &[at("ceasefire"), at("peace talks")]);
        assert!(!cut);
        assert_eq!(
            show(&spans),
            "China called for an immediate [ceasefire] and [peace talks]."
        );
        // Two matches separated only by whitespace read as one mark.
        let t = "a truce  ceasefire b";
        let (spans, _) = super::spans(t, 0, t.len(), &[(2, 7), (9, 18)]);
        assert_eq!(show(&spans), "a [truce ceasefire] b");
    }

    #[test]
    fn long_statements_are_cut() {
        let text = "word ".repeat(400);
        let (spans, cut) = spans(&text, 0, text.len() - 1, &[]);
        assert!(cut);
        let n = spans[0].text.chars().count();
        assert!((MAX_QUOTE_CHARS - 5..=MAX_QUOTE_CHARS).contains(&n), "{n}");
    }
}
