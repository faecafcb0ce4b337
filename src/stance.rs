//! Stance of a lexicon match: does the statement support, oppose or merely mention what it names?
//!
//! Cue words come from `stance.toml`. The rules, in order:
//! 1. The *scope* of a match is its clause: from the last hard boundary before it (`. ; : ! ? ( )`,
//!    a dash, or a contrastive conjunction such as "but" or "while") to the next one after it.
//! 2. The governing cue is the nearest support/oppose cue before the match in its clause; failing
//!    that, one at most four words after it ("sovereignty must be respected", "the truce was
//!    violated").
//! 3. A negator anywhere in the clause before that cue (or, for a cue after the match, between the
//!    clause start and the cue) flips it: "did not respond to the call for a ceasefire" opposes.
//!    VADER looks three tokens back; clause scope catches "did not respond to the call for", which a
//!    three-token window misses.
//! 4. A breach cue ("violated", "undermined") that is itself rejected ("rejected claims that X
//!    violated sovereignty") or negated supports the principle: negating a violation is not opposing
//!    the principle.
//! 5. With no cue, a negator in the clause before the match opposes it ("without a ceasefire").
//! 6. Intensifiers and hedges in the clause before the match multiply its weight.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;

use crate::data::{DataError, DataFile};
use crate::fold::{fold_str, is_word_char};

/// Stance of one match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stance {
    Support,
    Oppose,
    Mention,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Mention => "mention",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    version: String,
    not_negators: Words,
    negators: Words,
    support: Cues,
    oppose: Cues,
    breach: Cues,
    intensifiers: BTreeMap<String, f64>,
    hedges: BTreeMap<String, f64>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    words: Vec<String>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    cues: Vec<String>,
}

const NEGATOR: u8 = 1;
const SUPPORT: u8 = 2;
const OPPOSE: u8 = 4;
const BREACH: u8 = 8;
const SCALE: u8 = 16;
const BOUNDARY_WORD: u8 = 32;

/// Words that may stand between a match and a cue after it ("must be respected").
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "must", "should",
    "will", "would", "shall", "can", "could", "may", "might", "not", "never", "n't", "also",
    "fully", "strictly", "to", "being", "always",
];

/// True when `gap` holds "and" followed by an auxiliary: a new verb phrase ("China has never
/// bullied its neighbours and would not accept containment").
fn starts_new_phrase(gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    words
        .windows(2)
        .any(|w| matches!(w[0], "and" | "or" | "but") && AUXILIARIES.contains(&w[1]))
}

/// Words that end a clause for stance scope.
const BOUNDARY_WORDS: &[&str] = &["but", "while", "whereas", "although", "though", "however"];

/// Compiled cue lists.
pub struct CueSet {
    pub version: String,
    /// Negation scope: `None` for the clause (the default), `Some(n)` for at most `n` words
    /// before the cue, as VADER does with 3 (kept to compare the two on the gold sets).
    pub window: Option<usize>,
    ac: AhoCorasick,
    /// Per pattern: kind flags and, for SCALE, the multiplier.
    kinds: Vec<(u8, f64)>,
    patterns: Vec<String>,
}

/// A cue found in a folded sentence.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    pat: usize,
}

/// What the stance rules decided for one match.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub stance: Stance,
    /// The governing cue, as folded text.
    pub cue: Option<String>,
    /// The negator (or rejecting cue) that flipped the polarity.
    pub negator: Option<String>,
    /// Product of intensifiers and hedges in scope.
    pub scale: f64,
    /// The cue describes an act against the thing named ("violated", "run counter to"): whether
    /// that opposes it depends on the lexicon (see `Lexicon::stance`).
    pub breach: bool,
}

/// Cue positions of one folded sentence, ready to judge any number of matches in it.
pub struct SentenceCues<'a> {
    cues: &'a CueSet,
    text: &'a str,
    hits: Vec<Hit>,
}

impl CueSet {
    /// Parse and compile `stance.toml`.
    pub fn parse(file: &DataFile) -> Result<CueSet, DataError> {
        let raw: Raw = toml::from_str(&file.text).map_err(|e| DataError::from_toml(file, &e))?;
        let mut map: BTreeMap<String, (u8, f64)> = BTreeMap::new();
        let mut add = |list: &[String], kind: u8, scale: f64| -> Result<(), DataError> {
            for w in list {
                let f = fold_str(w);
                if f.is_empty() {
                    return Err(DataError::new(&file.source, 0, 0, "an empty cue word"));
                }
                let e = map.entry(f).or_insert((0, 1.0));
                e.0 |= kind;
                if kind == SCALE {
                    e.1 = scale;
                }
            }
            Ok(())
        };
        add(&raw.not_negators.words, 0, 1.0)?;
        add(&raw.negators.words, NEGATOR, 1.0)?;
        add(&raw.support.cues, SUPPORT, 1.0)?;
        add(&raw.oppose.cues, OPPOSE, 1.0)?;
        add(&raw.breach.cues, BREACH | OPPOSE, 1.0)?;
        for (table, list) in [("intensifiers", &raw.intensifiers), ("hedges", &raw.hedges)] {
            for (w, s) in list {
                if !(s.is_finite() && *s > 0.0) {
                    return Err(DataError::new(
                        &file.source,
                        0,
                        0,
                        format!("[{table}] `{w}` = {s}: a multiplier must be a positive number"),
                    ));
                }
                add(std::slice::from_ref(w), SCALE, *s)?;
            }
        }
        for w in BOUNDARY_WORDS {
            map.entry(w.to_string()).or_insert((0, 1.0)).0 |= BOUNDARY_WORD;
        }
        let patterns: Vec<String> = map.keys().cloned().collect();
        let kinds: Vec<(u8, f64)> = map.values().copied().collect();
        // A DFA, as for the lexicons (see `score`): one transition per byte; the same matches.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| DataError::new(&file.source, 0, 0, format!("cannot compile cues: {e}")))?;
        Ok(CueSet {
            version: raw.version,
            window: None,
            ac,
            kinds,
            patterns,
        })
    }

    /// Find every cue in a folded sentence.
    pub fn scan<'a>(&'a self, text: &'a str) -> SentenceCues<'a> {
        let mut hits = Vec::new();
        for m in self.ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let pat = &self.patterns[m.pattern().as_usize()];
            let left_ok = s == 0
                || pat.starts_with("n'")
                || !text[..s].chars().next_back().is_some_and(is_word_char);
            let right_ok = !text[e..].chars().next().is_some_and(is_word_char);
            if left_ok && right_ok {
                hits.push(Hit {
                    start: s,
                    end: e,
                    pat: m.pattern().as_usize(),
                });
            }
        }
        SentenceCues {
            cues: self,
            text,
            hits,
        }
    }
}

/// Whether the char at byte `i` of `text` ends a clause: `. ; : ! ? ( ) [ ]`, an em dash or an
/// en dash (the two only whole within `text`). Bytes, not chars: the dashes are the only chars
/// that are not ASCII, and their first byte, 0xE2, only ever starts a char.
fn hard_at(text: &[u8], i: usize) -> bool {
    match text[i] {
        b'.' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'[' | b']' => true,
        0xE2 => matches!(text.get(i + 1..i + 3), Some([0x80, 0x93 | 0x94])),
        _ => false,
    }
}

impl SentenceCues<'_> {
    fn kind(&self, h: &Hit) -> u8 {
        self.cues.kinds[h.pat].0
    }

    fn word(&self, h: &Hit) -> String {
        self.text[h.start..h.end].to_string()
    }

    /// Clause around folded range `s..e`: (start, end).
    fn clause(&self, s: usize, e: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let before = &bytes[..s];
        let mut lo = (0..s)
            .rev()
            .find(|&i| hard_at(before, i))
            .map_or(0, |p| p + 1);
        let mut hi = (e..bytes.len())
            .find(|&i| hard_at(bytes, i))
            .unwrap_or(bytes.len());
        for h in &self.hits {
            if self.kind(h) & BOUNDARY_WORD != 0 {
                if h.end <= s && h.end > lo {
                    lo = h.end;
                }
                if h.start >= e && h.start < hi {
                    hi = h.start;
                }
            }
        }
        (lo, hi)
    }

    /// Judge the match at folded range `s..e`.
    pub fn judge(&self, s: usize, e: usize) -> Decision {
        let (lo, hi) = self.clause(s, e);
        let in_clause: Vec<&Hit> = self
            .hits
            .iter()
            .filter(|h| h.start >= lo && h.end <= hi && (h.end <= s || h.start >= e))
            .collect();
        let polar = |h: &&Hit| self.kind(h) & (SUPPORT | OPPOSE) != 0;
        let before: Vec<&Hit> = in_clause.iter().copied().filter(|h| h.end <= s).collect();
        let scale: f64 = before
            .iter()
            .filter(|h| self.kind(h) & SCALE != 0)
            .map(|h| self.cues.kinds[h.pat].1)
            .product::<f64>()
            .clamp(0.1, 4.0);
        let cue = before.iter().rev().copied().find(polar).or_else(|| {
            in_clause
                .iter()
                .copied()
                .filter(|h| h.start >= e)
                .find(|h| {
                    // "sovereignty must be respected", "the truce was not violated": only
                    // auxiliaries and negators between.
                    let gap = &self.text[e..h.start];
                    polar(h)
                        && !gap.contains(|c: char| !c.is_alphanumeric() && c != ' ' && c != '\'')
                        && gap.split_whitespace().count() <= 4
                        && gap.split_whitespace().all(|w| AUXILIARIES.contains(&w))
                })
        });
        let Some(cue) = cue else {
            let neg = before.iter().rev().find(|h| {
                self.kind(h) & NEGATOR != 0
                    && self
                        .cues
                        .window
                        .is_none_or(|w| self.text[h.end..s].split_whitespace().count() <= w)
            });
            return Decision {
                stance: if neg.is_some() {
                    Stance::Oppose
                } else {
                    Stance::Mention
                },
                cue: None,
                negator: neg.map(|h| self.word(h)),
                scale,
                breach: false,
            };
        };
        let kind = self.kind(cue);
        let mut support = kind & SUPPORT != 0 && kind & OPPOSE == 0;
        // What governs the cue, walking left from it within its clause: each negator flips it
        // ("did not call for" opposes); a rejecting cue flips it and ends the walk ("rejected
        // claims that China had violated sovereignty", "dismissed reports that Beijing opposed a
        // ceasefire", "rejected claims that China had failed to respect sovereignty" flips twice);
        // any other cue, a comma, or a new verb phrase ("... and would not accept") ends it too.
        let mut flips: Vec<&Hit> = Vec::new();
        for h in in_clause.iter().rev().filter(|h| h.end <= cue.start) {
            let gap = &self.text[h.end..cue.start];
            let too_far = self
                .cues
                .window
                .is_some_and(|w| gap.split_whitespace().count() > w);
            if gap.contains(',') || starts_new_phrase(gap) || too_far {
                break;
            }
            let k = self.kind(h);
            if k & NEGATOR != 0 {
                flips.push(h);
            } else if k & OPPOSE != 0 && k & BREACH == 0 {
                flips.push(h);
                break;
            } else if k & (SUPPORT | OPPOSE) != 0 {
                break;
            }
        }
        let flip = flips.first().copied();
        if flips.len() % 2 == 1 {
            support = !support;
        }
        // A negator between a cue and the match flips it too: "engagement rather than
        // confrontation", "calls for dialogue, not confrontation".
        let between = (cue.end <= s)
            .then(|| {
                in_clause
                    .iter()
                    .copied()
                    .find(|h| h.start >= cue.end && h.end <= s && self.kind(h) & NEGATOR != 0)
            })
            .flatten();
        if between.is_some() {
            support = !support;
        }
        let flip = flip.or(between);
        Decision {
            stance: if support {
                Stance::Support
            } else {
                Stance::Oppose
            },
            cue: Some(self.word(cue)),
            negator: flip.map(|h| self.word(h)),
            scale,
            breach: kind & BREACH != 0,
        }
    }
}

#[cfg(test)]
mod tests;
