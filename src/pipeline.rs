//! Running the stages over a corpus: split, attribute and score every document, in parallel.
//!
//! Documents are independent, so rayon spreads them over the threads; results come back in
//! corpus order, which keeps every output byte-identical whatever the thread count.

use rayon::prelude::*;
use std::path::Path;

use crate::attribute::{attribute_document, Attribution};
use crate::data::{self, DataError, DataFile};
use crate::gazetteer::Gazetteer;
use crate::lexicon::{self, Lexicon};
use crate::model::{Document, Segment};
use crate::score::{Match, Scorer};
use crate::split::Splitter;
use crate::stance::{CueSet, Stance};

/// Everything loaded from the data files, compiled and ready to run.
pub struct Config {
    pub files: Vec<DataFile>,
    pub lexicons: Vec<Lexicon>,
    pub scorer: Scorer,
    pub cues: CueSet,
    pub gazetteer: Gazetteer,
    pub splitter: Splitter,
}

impl Config {
    /// Load the embedded data files, overridden by `dir`.
    pub fn load(dir: Option<&Path>) -> Result<Config, DataError> {
        let files = data::load(dir)?;
        let mut lexicons = Vec::new();
        for f in files.iter().filter(|f| f.name.ends_with(".lex")) {
            let lex = lexicon::parse(f)?;
            if let Some(other) = lexicons.iter().find(|l: &&Lexicon| l.name == lex.name) {
                let (line, column) = lexicon::name_position(f);
                return Err(DataError::new(
                    &f.source,
                    line,
                    column,
                    format!(
                        "lexicon name `{}` is already used by {}",
                        lex.name, other.source
                    ),
                ));
            }
            lexicons.push(lex);
        }
        if lexicons.is_empty() {
            return Err(DataError::new(
                "lexicons",
                0,
                0,
                "no lexicon (*.lex) to score with",
            ));
        }
        lexicons.sort_by(|a, b| a.name.cmp(&b.name));
        let cues = CueSet::parse(data::get(&files, "stance.toml"))?;
        let gazetteer = Gazetteer::parse(
            data::get(&files, "actors.toml"),
            data::get(&files, "attribution.toml"),
        )?;
        let splitter = Splitter::new(&data::get(&files, "abbreviations.txt").text);
        let scorer = Scorer::new(&lexicons);
        Ok(Config {
            files,
            lexicons,
            scorer,
            cues,
            gazetteer,
            splitter,
        })
    }
}

/// One statement with its attribution and per-lexicon scores.
#[derive(Debug, Clone)]
pub struct Statement {
    /// 1-based within its document.
    pub sentence_no: usize,
    pub segment: Segment,
    pub attribution: Attribution,
    /// Number of word tokens.
    pub tokens: usize,
    /// Matches in this statement.
    pub matches: Vec<Match>,
    /// The statement's text folded ([`crate::fold::fold_text`]: lower case, accents and
    /// typographic quotes folded), as the lexicons matched it and the term counts read it.
    pub folded: String,
}

/// The analysis of one document.
#[derive(Debug, Clone)]
pub struct DocResult {
    pub statements: Vec<Statement>,
}

/// Which ASCII bytes are alphanumeric, by byte: one load instead of three range tests.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Count words: maximal runs of alphanumeric chars.
pub fn count_tokens(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes at a time (most of the text).
        if let Some(chunk) = bytes.get(i..i + 8) {
            if let Some(w) = ascii_words(crate::swar::load(chunk)) {
                // The word bytes that follow no word byte (the one before `i` for the first).
                let follows = (w << 8) | if in_word { 0x80 } else { 0 };
                n += (w & !follows).count_ones() as usize;
                in_word = w >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        // ASCII bytes (nearly all) without decoding a char.
        let w = if b.is_ascii() {
            i += 1;
            ASCII_WORD[b as usize]
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            c.is_alphanumeric()
        };
        n += usize::from(w && !in_word);
        in_word = w;
    }
    n
}

/// Of eight bytes (little-endian in `x`), if all are ASCII, the letters and digits: the high
/// bit of each such byte.
fn ascii_words(x: u64) -> Option<u64> {
    use crate::swar::{in_range, is_ascii, ONES};
    if !is_ascii(x) {
        return None;
    }
    // Setting bit 5 turns upper-case letters into lower-case ones, and no other byte into one.
    Some(in_range(x, b'0', b'9') | in_range(x | (0x20 * ONES), b'a', b'z'))
}

/// A stance needs a holder. In a statement someone holds, naming a lexicon's subject with no
/// cue takes the lexicon's stance (a speaker who brings up multilateralism endorses it, one who
/// brings up bloc politics denounces it); the cue column then says `default`. Narration and
/// questions hold no position: their matches are mentions.
fn holder_stance(cfg: &Config, a: &Attribution, text: &str, matches: &mut [Match]) {
    let question = text
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')'])
        .ends_with('?');
    for m in matches {
        if a.actor == "none" || question {
            m.stance = Stance::Mention;
        } else if m.stance == Stance::Mention && m.cue.is_none() && m.negator.is_none() {
            let lex = &cfg.lexicons[m.lexicon];
            let default = lex.stance;
            if default != Stance::Mention && !lex.entries[m.entry].neutral {
                m.stance = default;
                m.cue = Some("default".into());
            }
        }
    }
}

/// Split, attribute and score one document.
pub fn analyze_document(cfg: &Config, doc: &Document) -> DocResult {
    let segments = cfg.splitter.split(&doc.text, doc.body_start);
    let texts = crate::attribute::sentences(&doc.text, &segments);
    let attributions = attribute_document(&cfg.gazetteer, doc.date.as_deref(), &texts);
    let statements = segments
        .iter()
        .zip(attributions)
        .enumerate()
        .map(|(i, (seg, attribution))| {
            let (mut matches, folded) = cfg
                .scorer
                .score_folded(&cfg.cues, &doc.text, seg.start, seg.end);
            holder_stance(
                cfg,
                &attribution,
                &doc.text[seg.start..seg.end],
                &mut matches,
            );
            Statement {
                sentence_no: i + 1,
                segment: *seg,
                attribution,
                tokens: count_tokens(&doc.text[seg.start..seg.end]),
                matches,
                folded,
            }
        })
        .collect();
    DocResult { statements }
}

/// Analyse a corpus on the current rayon pool; results are in corpus order.
pub fn analyze(cfg: &Config, docs: &[Document]) -> Vec<DocResult> {
    docs.par_iter().map(|d| analyze_document(cfg, d)).collect()
}

#[cfg(test)]
mod tests {
    use super::count_tokens;

    #[test]
    fn tokens_are_runs_of_alphanumeric_chars() {
        let by_chars = |t: &str| {
            let mut n = 0;
            let mut in_word = false;
            for c in t.chars() {
                let w = c.is_alphanumeric();
                n += usize::from(w && !in_word);
                in_word = w;
            }
            n
        };
        for t in [
            "",
            "China's G-20 role, 2024.",
            "Séjourné — « cessez-le-feu » 北京 ok",
            "  a\u{00A0}b\tc  ",
            "ŒUVRE d'Orsay…",
            "@AZ[`az{/09:_ x 12345678 abcdefgh_ABCDEFGH-ijklmnop qrstuvwx y",
            "abcdefgh ijklmnop Séjourné a1b2c3d4e5f6g7h8 \u{00A0}xyz 01234567",
        ] {
            for from in (0..t.len()).filter(|&i| t.is_char_boundary(i)) {
                assert_eq!(count_tokens(&t[from..]), by_chars(&t[from..]), "{t:?}");
            }
        }
        assert_eq!(count_tokens("China's G-20 role"), 5);
    }
}
