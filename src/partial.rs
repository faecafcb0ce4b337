//! Partial results: what `stancecmp map` writes for one piece of a corpus and `reduce` merges.
//!
//! The format is JSON lines, so that any engine that pipes text through a program (Spark's
//! `RDD.pipe`, Hadoop Streaming, GNU parallel) can carry it line by line:
//!
//! 1. a [`Header`]: `{"stancecmp_partial":1,...}` — the format version, the stancecmp version,
//!    the fingerprint of the data files (lexicons, gazetteer, cues, abbreviations, stopwords) and
//!    what was counted (actors, lexicons, roles, bootstrap replicates and seed);
//! 2. any number of [`Line`]s, each one JSON object with one key: `statements` and `matches`
//!    (complete CSV records of `statements.csv` and `matches.csv`, without header or formula
//!    guard, in corpus order), `documents` (per-document records, see
//!    [`crate::aggregate::DocRecord`]), then one `digest` (the report's counts and evidence) and one
//!    `tally` (the mergeable counts of the tables);
//! 3. an `end` line with the counts of documents and statements and whether input problems were
//!    got past, so that a
//!    truncated partial is detected.
//!
//! Every number that the tables are made from is an integer, so merging partials is exact.

use std::io::{BufRead, Write};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::aggregate::{DocRecord, Tally};
use crate::pipeline::Config;
use crate::report::Digest;

/// The version of the format written; `reduce` reads this version only.
pub const FORMAT: u32 = 1;

/// The first line of a partial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The format version ([`FORMAT`]).
    pub stancecmp_partial: u32,
    /// The version of stancecmp that wrote it.
    pub version: String,
    /// SHA-256 over the data files in effect (see [`data_fingerprint`]).
    pub data: String,
    pub actors: Vec<String>,
    pub lexicons: Vec<String>,
    pub roles: Option<Vec<String>>,
    pub bootstrap: usize,
    pub seed: u64,
    /// Whether the statement and match rows are included.
    pub rows: bool,
}

impl Header {
    /// Why a partial with header `other` cannot be merged with one with this header, if it
    /// cannot.
    pub fn mismatch(&self, other: &Header) -> Option<String> {
        if self.data != other.data {
            return Some(format!(
                "it was counted with other data files (lexicons, gazetteer, cues, abbreviations or \
                 stopwords: fingerprint {} instead of {})",
                short(&other.data),
                short(&self.data)
            ));
        }
        let what = [
            (self.version != other.version, "stancecmp version"),
            (self.roles != other.roles, "--roles"),
            (self.bootstrap != other.bootstrap, "--bootstrap"),
            (self.seed != other.seed, "--seed"),
            (self.rows != other.rows, "--no-rows"),
            (
                self.actors != other.actors || self.lexicons != other.lexicons,
                "actors or lexicons",
            ),
        ];
        let differ: Vec<&str> = what.iter().filter(|w| w.0).map(|w| w.1).collect();
        (!differ.is_empty()).then(|| format!("it was made with another {}", differ.join(", ")))
    }
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// One line after the header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    /// Complete `statements.csv` records (no header, no formula guard), `\n`-terminated.
    Statements(String),
    /// Complete `matches.csv` records.
    Matches(String),
    Documents(Vec<DocRecord>),
    Digest(Box<Digest>),
    Tally(Box<Tally>),
    End(End),
}

/// The last line: what the partial holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct End {
    pub documents: u64,
    pub statements: u64,
    /// Whether `map` got past input problems (skipped or repaired lines, listed on its standard
    /// error); `reduce` then exits with code 3 like `analyze` would.
    pub input_problems: bool,
}

/// The fingerprint of the data files: SHA-256 over each file's name, a 0xFF byte, its text and
/// a 0xFF byte, files in name order. Two runs with the same fingerprint analyse text the same
/// way.
pub fn data_fingerprint(cfg: &Config) -> String {
    let mut files: Vec<_> = cfg.files.iter().collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let mut h = Sha256::new();
    for f in files {
        h.update(f.name.as_bytes());
        h.update([0xff]);
        h.update(f.text.as_bytes());
        h.update([0xff]);
    }
    format!("{:x}", h.finalize())
}

/// Write one line (header or [`Line`]).
pub fn write_line<W: Write, T: Serialize>(w: &mut W, value: &T) -> Result<()> {
    serde_json::to_writer(&mut *w, value)?;
    w.write_all(b"\n")?;
    Ok(())
}

/// Reads the lines of one partial, checking the header, the order of the parts and the end.
pub struct Reader<R> {
    input: R,
    name: String,
    line_no: usize,
    buf: String,
    pub header: Header,
    ended: bool,
}

impl<R: BufRead> Reader<R> {
    /// Read the header of the partial `name`.
    pub fn new(mut input: R, name: &str) -> Result<Reader<R>> {
        let mut buf = String::new();
        let n = input
            .read_line(&mut buf)
            .with_context(|| format!("cannot read {name}"))?;
        if n == 0 {
            bail!("{name}: empty, not a stancecmp partial result (make one with `stancecmp map`)");
        }
        let value: serde_json::Value = serde_json::from_str(&buf).map_err(|_| {
            anyhow::anyhow!(
                "{name}:1: not a stancecmp partial result (the first line should be the header \
                 `{{\"stancecmp_partial\":{FORMAT},...}}` that `stancecmp map` writes)"
            )
        })?;
        match value.get("stancecmp_partial").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(FORMAT) => {}
            Some(v) => bail!(
                "{name}:1: partial result format {v}; this stancecmp ({}) reads format {FORMAT}: \
                 run `map` and `reduce` with the same stancecmp",
                env!("CARGO_PKG_VERSION")
            ),
            None => {
                bail!("{name}:1: not a stancecmp partial result (no `stancecmp_partial` field)")
            }
        }
        let header: Header = serde_json::from_value(value)
            .with_context(|| format!("{name}:1: a damaged partial result header"))?;
        Ok(Reader {
            input,
            name: name.to_string(),
            line_no: 1,
            buf,
            header,
            ended: false,
        })
    }

    /// The next line, `None` after the `end` line; an error if the input stops before it.
    pub fn next_line(&mut self) -> Result<Option<Line>> {
        if self.ended {
            return Ok(None);
        }
        self.buf.clear();
        let n = self
            .input
            .read_line(&mut self.buf)
            .with_context(|| format!("cannot read {}", self.name))?;
        self.line_no += 1;
        if n == 0 {
            bail!(
                "{}: the partial result stops at line {} without its `end` line: it is \
                 truncated (did `map` fail or get killed?); run `map` on that piece again",
                self.name,
                self.line_no - 1
            );
        }
        let line: Line = serde_json::from_str(self.buf.trim_end_matches(['\n', '\r']))
            .with_context(|| {
                format!(
                    "{}:{}: a damaged partial result line",
                    self.name, self.line_no
                )
            })?;
        if matches!(line, Line::End(_)) {
            self.ended = true;
        }
        Ok(Some(line))
    }

    /// Where the reader is, for messages: `name:line`.
    pub fn position(&self) -> String {
        format!("{}:{}", self.name, self.line_no)
    }
}
