//! `statements.csv` and `matches.csv`: their columns, and their rows formatted document by
//! document (on any thread) and appended to the files in corpus order.

use std::fs;
use std::io::{BufWriter, Write};

use anyhow::{Context, Result};

use super::record::Records;
use super::{guard_cell, num, num_into, OutputSet};
use crate::model::Document;
use crate::pipeline::{Config, DocResult};
use crate::score::Match;
use crate::stance::Stance;
use crate::tables::columns::{col, FileSpec, Names};

/// Whitespace runs as single spaces, for the `text` column: the words of `s` (as
/// `str::split_whitespace` cuts them) joined by one space, written into `out`.
fn one_line_into(out: &mut String, s: &str) {
    out.clear();
    // Most statements have single spaces between words and no other whitespace: copied as
    // they are.
    let b = s.as_bytes();
    let plain = b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !s.contains("  ")
        && if s.is_ascii() {
            b.iter().all(|&c| c >= b' ')
        } else {
            s.chars().all(|c| c == ' ' || !c.is_whitespace())
        };
    if plain {
        out.push_str(s);
        return;
    }
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// `n` in decimal, written into `buf` (reused from cell to cell).
fn int(buf: &mut itoa::Buffer, n: usize) -> &str {
    buf.format(n)
}

/// `statements.csv`: the columns.
pub const STATEMENTS: FileSpec = FileSpec {
    name: "statements.csv",
    title: "one row per statement",
    about: "Every statement of every document, documents in corpus order and statements in text order; not filtered by `--roles`.",
    columns: &[
        col("doc_id", "The document id: the file stem, or the `id` field or column."),
        col("date", "The document date `YYYY-MM-DD`, empty when unknown."),
        col("sentence_no", "The 1-based number of the statement within its document."),
        col("start_byte", "The byte offset where the statement starts in the document text as read (after removing a UTF-8 byte-order mark)."),
        col("end_byte", "The byte offset one past the statement's end in the document text."),
        col("heading", "`true` for a heading, caption or other line without sentence punctuation, else `false`."),
        col("actor", "Who holds the position: a tracked actor of the gazetteer (`China`, `France`), `joint` (both hold it together), `other` (a speaker outside the tracked actors) or `none` (narration)."),
        col("role", "The speaker's role (`official`, `state_media`, `expert` or `other`), empty for `none`."),
        col("speaker", "The person or body speaking, as resolved (full names for known persons)."),
        col("attribution", "The rule that decided the actor: `quote`, `speech_verb`, `according_to`, `subject`, `carried` or `none`."),
        col("confidence", "How often that rule is right, as a prior between 0 and 1 (2 decimals)."),
        col("target", "The tracked actor the position is about, when it is not the holder."),
        col("tokens", "The number of words (runs of letters and digits) in the statement."),
        col("text", "The statement, with each run of whitespace as one space."),
        col("{lexicon}_hits", "The number of matches of the lexicon {lexicon} in the statement."),
        col("{lexicon}_score", "The sum of the weights of the {lexicon} matches, counted negative for matches the statement opposes (3 decimals)."),
        col("{lexicon}_stance", "The statement's stance on {lexicon}: `support`, `oppose`, `mixed` (both), `mention` (neither), or empty without matches."),
    ],
};

/// Rows of `statements.csv` or `matches.csv` formatted in memory, document by document (on
/// any thread), for a [`RowsFile`] or a partial result of `stancecmp map` to take.
pub struct Rows {
    w: Records,
    name: &'static str,
    /// Guard text cells against formula injection ([`guard_cell`]).
    guard: bool,
    crlf: bool,
}

impl Rows {
    /// Rows of `spec`'s file formatted as `out` writes them (formula guard, `--excel` line
    /// ends).
    pub fn for_output(spec: &FileSpec, out: &OutputSet) -> Rows {
        Rows {
            w: Records::new(out.crlf()),
            name: spec.name,
            guard: out.guards(),
            crlf: out.crlf(),
        }
    }

    /// Rows of `spec`'s file as plain CSV text: no formula guard, `\n` line ends (the rows of a
    /// partial result).
    pub fn text(spec: &FileSpec) -> Rows {
        Rows {
            w: Records::new(false),
            name: spec.name,
            guard: false,
            crlf: false,
        }
    }

    /// Empty rows formatted like these (for another thread).
    pub fn like(&self) -> Rows {
        Rows {
            w: Records::new(self.crlf),
            name: self.name,
            guard: self.guard,
            crlf: self.crlf,
        }
    }

    /// Append complete records given as CSV text (the rows of a partial result), guarded as
    /// these rows are: the bytes are those the rows would have had if formatted here directly.
    pub fn append_csv(&mut self, text: &str) -> Result<()> {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(false)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        while r
            .read_record(&mut record)
            .with_context(|| format!("damaged {} rows in a partial result", self.name))?
        {
            for field in record.iter() {
                self.cell(field);
            }
            self.w.end();
        }
        Ok(())
    }

    /// The bytes formatted since the last call.
    pub fn take(&mut self) -> Vec<u8> {
        self.w.take()
    }
}

/// `statements.csv` or `matches.csv` in an [`OutputSet`], written as documents stream through:
/// the header, then the bytes of [`Rows`] in corpus order.
pub struct RowsFile {
    w: BufWriter<fs::File>,
    name: &'static str,
}

impl RowsFile {
    /// Open `spec`'s file in `out` and write its header.
    fn open(out: &mut OutputSet, spec: &FileSpec, cfg: &Config) -> Result<RowsFile> {
        let name = spec.name;
        let mut w = out.csv(name)?;
        w.write_record(spec.header(&Names::new(cfg)))
            .with_context(|| format!("cannot write {name}"))?;
        let w = w
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write {name}: {}", e.error()))?;
        Ok(RowsFile { w, name })
    }

    /// `statements.csv`, header written.
    pub fn statements(out: &mut OutputSet, cfg: &Config) -> Result<RowsFile> {
        RowsFile::open(out, &STATEMENTS, cfg)
    }

    /// `matches.csv`, header written.
    pub fn matches(out: &mut OutputSet, cfg: &Config) -> Result<RowsFile> {
        RowsFile::open(out, &MATCHES, cfg)
    }

    /// Append formatted rows.
    pub fn append(&mut self, bytes: &[u8]) -> Result<()> {
        self.w
            .write_all(bytes)
            .with_context(|| format!("cannot write {}", self.name))
    }

    /// Flush the file to disk (reporting a full disk with the file name).
    pub fn finish(mut self) -> Result<()> {
        let name = self.name;
        self.w
            .flush()
            .with_context(|| format!("cannot write {name}"))?;
        self.w
            .get_ref()
            .sync_all()
            .with_context(|| format!("cannot write {name}"))
    }
}

impl Rows {
    /// One text cell of the current row, guarded if the rows are (see [`guard_cell`]).
    fn cell(&mut self, cell: &str) {
        if self.guard {
            self.w.field(guard_cell(cell).as_bytes());
        } else {
            self.w.field(cell.as_bytes());
        }
    }

    /// One cell that needs neither quotes nor a guard: a number, `true` or a fixed label.
    fn plain(&mut self, cell: &str) {
        self.w.plain(cell);
    }

    /// The rows of one analysed document in `statements.csv`.
    ///
    /// Written cell by cell, without building a row of `String`s: this runs for every statement.
    pub fn add_statements(&mut self, cfg: &Config, doc: &Document, r: &DocResult) {
        let date = doc.date.as_deref().unwrap_or_default();
        let (mut buf, mut digits) = (String::new(), itoa::Buffer::new());
        // A confidence is one of a few values (one per rule): format each once per document.
        let mut confidences: Vec<(u64, String)> = Vec::new();
        for s in &r.statements {
            let a = &s.attribution;
            self.cell(&doc.id);
            self.cell(date);
            self.plain(int(&mut digits, s.sentence_no));
            self.plain(int(&mut digits, s.segment.start));
            self.plain(int(&mut digits, s.segment.end));
            self.plain(if s.segment.heading { "true" } else { "false" });
            self.cell(&a.actor);
            self.cell(&a.role);
            self.cell(&a.speaker);
            self.plain(a.rule.as_str());
            let bits = a.confidence.to_bits();
            let at = match confidences.iter().position(|(b, _)| *b == bits) {
                Some(at) => at,
                None => {
                    confidences.push((bits, num(Some(a.confidence), 2)));
                    confidences.len() - 1
                }
            };
            self.plain(&confidences[at].1);
            self.cell(&a.target);
            self.plain(int(&mut digits, s.tokens));
            one_line_into(&mut buf, &doc.text[s.segment.start..s.segment.end]);
            self.cell(&buf);
            let mut ms: Vec<&Match> = Vec::new();
            for li in 0..cfg.lexicons.len() {
                ms.clear();
                ms.extend(s.matches.iter().filter(|m| m.lexicon == li));
                if ms.is_empty() {
                    // What the general case writes for no match: 0 hits, a zero score, no stance.
                    self.plain("0");
                    self.plain("0.000");
                    self.plain("");
                    continue;
                }
                let score: f64 = ms.iter().map(|m| m.signed()).sum();
                self.plain(int(&mut digits, ms.len()));
                buf.clear();
                num_into(&mut buf, Some(score), 3);
                self.plain(&buf);
                self.plain(statement_stance(&ms));
            }
            self.w.end();
        }
    }

    /// The rows of one analysed document in `matches.csv`.
    pub fn add_matches(&mut self, cfg: &Config, doc: &Document, r: &DocResult) {
        let (mut buf, mut digits) = (String::new(), itoa::Buffer::new());
        for s in &r.statements {
            for m in &s.matches {
                let lex = &cfg.lexicons[m.lexicon];
                self.cell(&doc.id);
                self.plain(int(&mut digits, s.sentence_no));
                self.cell(&lex.name);
                buf.clear();
                lex.entries[m.entry].display_into(&mut buf);
                self.cell(&buf);
                one_line_into(&mut buf, &doc.text[m.start..m.end]);
                self.cell(&buf);
                self.plain(int(&mut digits, m.start));
                self.plain(int(&mut digits, m.end));
                self.plain(if m.negator.is_some() { "true" } else { "false" });
                buf.clear();
                num_into(&mut buf, Some(m.weight), 3);
                self.plain(&buf);
                self.plain(m.stance.as_str());
                self.cell(m.cue.as_deref().unwrap_or(""));
                self.cell(m.negator.as_deref().unwrap_or(""));
                self.w.end();
            }
        }
    }
}

/// A statement's stance on one lexicon from its matches of that lexicon: `support`, `oppose`,
/// `mixed` (both), `mention` (neither), or empty without matches.
pub fn statement_stance(matches: &[&Match]) -> &'static str {
    let sup = matches.iter().any(|m| m.stance == Stance::Support);
    let opp = matches.iter().any(|m| m.stance == Stance::Oppose);
    match (matches.is_empty(), sup, opp) {
        (true, _, _) => "",
        (_, true, true) => "mixed",
        (_, true, false) => "support",
        (_, false, true) => "oppose",
        _ => "mention",
    }
}

/// `matches.csv`: the columns.
pub const MATCHES: FileSpec = FileSpec {
    name: "matches.csv",
    title: "one row per lexicon match (the evidence)",
    about: "Every lexicon match, in the order of the statements and then of the text; not filtered by `--roles`.",
    columns: &[
        col("doc_id", "The document of the statement the match is in."),
        col("sentence_no", "The number of the statement the match is in (as in `statements.csv`)."),
        col("lexicon", "The lexicon name."),
        col("entry", "The lexicon entry that matched, as written (`sovereign*`, `cease-fire`)."),
        col("matched_text", "The text that matched."),
        col("start_byte", "The byte offset where the match starts in the document text."),
        col("end_byte", "The byte offset one past the match's end in the document text."),
        col("negated", "`true` when a negator (or a rejecting cue, for a double negative) flipped the polarity."),
        col("weight", "The entry weight times the intensifiers and hedges in scope (3 decimals)."),
        col("stance", "The stance of the match: `support`, `oppose` or `mention`."),
        col("cue", "The support or oppose cue that decided the stance (folded), `default` for the lexicon's own stance, empty when none."),
        col("negator", "The word that flipped the polarity, empty when none."),
    ],
};

#[cfg(test)]
mod tests {
    use super::one_line_into;
    use proptest::prelude::*;

    fn by_words(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn one_line_joins_words_with_single_spaces() {
        for s in [
            "",
            " ",
            "China said so.",
            " leading",
            "trailing ",
            "two  spaces",
            "tab\there",
            "line\nbreak\r\n",
            "no\u{a0}break and\u{2009}thin",
            "\u{201c}Curly\u{201d} — dash",
            "ctrl\u{1}char",
        ] {
            let mut out = String::from("old");
            one_line_into(&mut out, s);
            assert_eq!(out, by_words(s), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn one_line_is_split_whitespace_joined(s in "[a \\t\\n\\r\u{a0}\u{2028}\u{201c}é\u{1}.]{0,24}") {
            let mut out = String::new();
            one_line_into(&mut out, &s);
            prop_assert_eq!(out, by_words(&s));
        }
    }
}
