//! Scoring statements against the topic lexicons: find every entry, then ask the stance rules
//! whether the statement supports, opposes or merely mentions it.
//!
//! All entries of all lexicons compile into one Aho-Corasick automaton over folded text (see
//! `fold`). Matches must sit on word boundaries (a glob may run on to the end of its word); where
//! matches overlap, the longest wins and the text is counted once.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::fold::{fold_str, fold_text, is_word_char, originals};
use crate::lexicon::Lexicon;
use crate::stance::{CueSet, Stance};

/// One lexicon match in a statement, with the evidence behind its stance.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index of the lexicon.
    pub lexicon: usize,
    /// Index of the entry within its lexicon.
    pub entry: usize,
    /// Byte range in the document text.
    pub start: usize,
    pub end: usize,
    pub stance: Stance,
    pub cue: Option<String>,
    pub negator: Option<String>,
    /// Entry weight times the intensifiers and hedges in scope.
    pub weight: f64,
}

impl Match {
    /// Signed contribution to a score: opposed matches count against.
    pub fn signed(&self) -> f64 {
        if self.stance == Stance::Oppose {
            -self.weight
        } else {
            self.weight
        }
    }
}

/// The compiled lexicons.
pub struct Scorer {
    ac: AhoCorasick,
    /// Per automaton pattern: is it a glob, and which (lexicon, entry) pairs own it.
    patterns: Vec<(bool, Vec<(usize, usize)>)>,
    weights: Vec<Vec<f64>>,
    /// Per lexicon: the stance of naming it (`Lexicon::stance`).
    stances: Vec<Stance>,
}

/// Folded forms of an entry: hyphens may be written as a space or left out.
pub fn variants(text: &str) -> Vec<String> {
    let parts: Vec<&str> = text.split('-').collect();
    let gaps = (parts.len() - 1).min(4);
    let mut out = Vec::new();
    for mask in 0..(1u32 << gaps) {
        let mut s = String::from(parts[0]);
        for (i, p) in parts[1..].iter().enumerate() {
            if i < gaps && mask & (1 << i) != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        out.push(fold_str(&s));
    }
    out.sort();
    out.dedup();
    out
}

impl Scorer {
    pub fn new(lexicons: &[Lexicon]) -> Scorer {
        let mut keys: Vec<(String, bool)> = Vec::new();
        let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
        for (li, lex) in lexicons.iter().enumerate() {
            for (ei, entry) in lex.entries.iter().enumerate() {
                for v in variants(&entry.text) {
                    let key = (v, entry.glob);
                    match keys.iter().position(|k| *k == key) {
                        Some(p) if !owners[p].iter().any(|(l, _)| *l == li) => {
                            owners[p].push((li, ei))
                        }
                        Some(_) => {}
                        None => {
                            keys.push(key);
                            owners.push(vec![(li, ei)]);
                        }
                    }
                }
            }
        }
        // A DFA: the automaton runs over every statement, and a DFA takes one transition per
        // byte where the default for this many patterns (a contiguous NFA) may take several.
        // It costs ~30M instructions (a few ms) more to build; the matches are the same.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(keys.iter().map(|(k, _)| k))
            .expect("lexicon patterns are plain strings");
        let patterns = keys.into_iter().map(|(_, g)| g).zip(owners).collect();
        let weights = lexicons
            .iter()
            .map(|l| l.entries.iter().map(|e| e.weight).collect())
            .collect();
        Scorer {
            ac,
            patterns,
            weights,
            stances: lexicons.iter().map(|l| l.stance).collect(),
        }
    }

    /// All matches in the statement `doc_text[start..end]`, ordered by position then lexicon.
    pub fn score(&self, cues: &CueSet, doc_text: &str, start: usize, end: usize) -> Vec<Match> {
        self.score_folded(cues, doc_text, start, end).0
    }

    /// [`Scorer::score`], and the statement's folded text ([`fold_text`]), for the callers that
    /// need it too (the term counts), so that it is folded once.
    pub fn score_folded(
        &self,
        cues: &CueSet,
        doc_text: &str,
        start: usize,
        end: usize,
    ) -> (Vec<Match>, String) {
        // Most statements match nothing: fold the text alone first, and map folded offsets back
        // to the original (the costly part of folding) only for a statement that matches.
        let folded = fold_text(&doc_text[start..end]);
        let matches = self.matches_in(cues, doc_text, start, end, &folded);
        (matches, folded)
    }

    /// The matches in `doc_text[start..end]`, whose folded text is `text`.
    fn matches_in(
        &self,
        cues: &CueSet,
        doc_text: &str,
        start: usize,
        end: usize,
        text: &str,
    ) -> Vec<Match> {
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let (s, mut e) = (m.start(), m.end());
            let (glob, _) = &self.patterns[m.pattern().as_usize()];
            if text[..s].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            if *glob {
                e += text[e..]
                    .find(|c: char| !is_word_char(c))
                    .unwrap_or(text.len() - e);
            } else if text[e..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            found.push((s, e, m.pattern().as_usize()));
        }
        // Longest first, then leftmost; keep what does not overlap a kept match.
        found.sort_by(|a, b| {
            (b.1 - b.0)
                .cmp(&(a.1 - a.0))
                .then(a.0.cmp(&b.0))
                .then(a.2.cmp(&b.2))
        });
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        for f in found {
            if kept.iter().all(|k| f.1 <= k.0 || f.0 >= k.1) {
                kept.push(f);
            }
        }
        kept.sort();
        if kept.is_empty() {
            return Vec::new();
        }
        // The original ranges of the kept matches alone, not a map of every folded byte.
        let spans: Vec<(usize, usize)> = kept.iter().map(|&(s, e, _)| (s, e)).collect();
        let spans = originals(&doc_text[start..end], start, &spans);
        let sentence_cues = cues.scan(text);
        let mut out = Vec::new();
        for ((s, e, p), (os, oe)) in kept.into_iter().zip(spans) {
            let decision = sentence_cues.judge(s, e);
            for &(lexicon, entry) in &self.patterns[p].1 {
                // Reporting a breach of a principle defends it; naming a denounced practice as a
                // breach denounces it.
                let stance = match (decision.breach, self.stances[lexicon]) {
                    (true, Stance::Support) => Stance::Support,
                    (true, Stance::Oppose) => Stance::Oppose,
                    _ => decision.stance,
                };
                out.push(Match {
                    lexicon,
                    entry,
                    start: os,
                    end: oe,
                    stance,
                    cue: decision.cue.clone(),
                    negator: decision.negator.clone(),
                    weight: self.weights[lexicon][entry] * decision.scale,
                });
            }
        }
        out.sort_by_key(|m| (m.start, m.lexicon));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::DataFile;
    use crate::lexicon::parse;

    fn lex(name: &str, entries: &str) -> Lexicon {
        let text = format!("name: {name}\nversion: 1\ndescription: d\n---\n{entries}");
        parse(&DataFile {
            name: "x".into(),
            source: "x".into(),
            text,
        })
        .unwrap()
    }

    fn cues() -> CueSet {
        let text = "version = \"t\"\n[not_negators]\nwords = []\n[negators]\nwords = [\"not\", \"no\"]\n[support]\ncues = [\"called for\"]\n[oppose]\ncues = [\"rejected\"]\n[breach]\ncues = [\"violated\"]\n[intensifiers]\n[hedges]\n";
        CueSet::parse(&DataFile {
            name: "s".into(),
            source: "s".into(),
            text: text.into(),
        })
        .unwrap()
    }

    fn found(lexicons: &[Lexicon], text: &str) -> Vec<(String, String)> {
        Scorer::new(lexicons)
            .score(&cues(), text, 0, text.len())
            .into_iter()
            .map(|m| {
                (
                    lexicons[m.lexicon].entries[m.entry].display(),
                    text[m.start..m.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn spelling_variants_globs_and_boundaries() {
        let l = [lex("c", "cease-fire\nsovereign*\nintegrity\n")];
        let f = found(&l, "A Cease fire, a cease-fire, a CEASEFIRE; sovereignty, Sovereigns, unsovereign, integrityx.");
        let got: Vec<&str> = f.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            got,
            [
                "Cease fire",
                "cease-fire",
                "CEASEFIRE",
                "sovereignty",
                "Sovereigns"
            ]
        );
    }

    #[test]
    fn longest_match_wins_across_lexicons_and_counts_once() {
        let l = [
            lex("a", "integrity\n"),
            lex("b", "territorial integrity\nterritorial\n"),
        ];
        let f = found(&l, "respect for territorial integrity and integrity");
        assert_eq!(
            f,
            [
                (
                    "territorial integrity".to_string(),
                    "territorial integrity".to_string()
                ),
                ("integrity".to_string(), "integrity".to_string())
            ]
        );
    }

    #[test]
    fn diacritics_and_curly_apostrophes_fold() {
        let l = [lex("p", "sejourne\nchina's role\n")];
        let f = found(&l, "Stéphane Séjourné spoke of China\u{2019}s role.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].1, "Séjourné");
        assert_eq!(f[1].1, "China\u{2019}s role");
    }

    #[test]
    fn negated_matches_count_against() {
        let l = [lex("c", "cease-fire\n")];
        let text = "They did not call for a ceasefire. They called for a ceasefire.";
        let s = Scorer::new(&l);
        let m = s.score(&cues(), text, 0, 34);
        assert_eq!(m[0].stance, Stance::Oppose);
        assert_eq!(m[0].signed(), -1.0);
        let m = s.score(&cues(), text, 35, text.len());
        assert_eq!((m[0].stance, m[0].start), (Stance::Support, 53));
    }
}
