//! What can go wrong while reading a corpus, and what the reader does about what it gets past.

use std::fmt;

/// Why the corpus could not be read, or what was wrong with a part of it. `path` is the path as
/// given (or `<stdin>`).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: does not exist; check the path (or use - to read JSONL from standard input)")]
    NotFound { path: String },

    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "{path}: folder has no .txt files (hidden files and symlinked folders are skipped); \
         add .txt files or pass .jsonl/.csv files directly"
    )]
    NoTxtFiles { path: String },

    #[error(
        "{path}: unsupported input; give a .txt, .jsonl, .ndjson or .csv file, a folder of .txt \
         files, or - for JSONL on standard input"
    )]
    Unsupported { path: String },

    #[error(
        "{path}:{line}: invalid {encoding} at byte offset {offset} ({count} invalid \
         sequence{s}); convert the file to UTF-8 first, e.g. `iconv -f WINDOWS-1252 -t UTF-8 \
         {path} > converted`", s = if *count == 1 { "" } else { "s" }
    )]
    InvalidText {
        path: String,
        line: u64,
        offset: usize,
        count: usize,
        encoding: &'static str,
    },

    #[error("{path}: a NUL byte at byte offset {offset}: this is a binary file, not text")]
    Binary { path: String, offset: usize },

    #[error("{path}: {what}")]
    Empty { path: String, what: &'static str },

    #[error("{path}: {message}")]
    BadLink { path: String, message: String },

    #[error("{path}:{line}: invalid JSON: {message}; each line must hold one JSON object")]
    Json {
        path: String,
        line: u64,
        message: String,
    },

    #[error(
        "{path}:{line}: no \"{field}\" field; add it to every line, or name the field to use \
         with {flag} NAME"
    )]
    MissingField {
        path: String,
        line: u64,
        field: String,
        flag: &'static str,
    },

    #[error("{path}:{line}: \"{field}\" must be {expected}, found {found}; fix the value")]
    FieldType {
        path: String,
        line: u64,
        field: String,
        expected: &'static str,
        found: &'static str,
    },

    #[error(
        "{path}:{line}: \"{field}\" value \"{value}\" is not a valid date; use YYYY-MM-DD (or \
         an ISO timestamp starting with one), or leave it empty"
    )]
    BadDate {
        path: String,
        line: u64,
        field: String,
        value: String,
    },

    #[error(
        "{path}:1: the header has no \"{column}\" column (found: {found}); name the column to \
         use with {flag} NAME"
    )]
    MissingColumn {
        path: String,
        column: String,
        found: String,
        flag: &'static str,
    },

    #[error(
        "{path}:{line}: row has {found} fields but the header has {expected}; quote fields \
         that contain commas, quotes or line breaks"
    )]
    RaggedRow {
        path: String,
        line: u64,
        expected: u64,
        found: u64,
    },

    #[error("{path}:{line}: invalid CSV: {message}")]
    Csv {
        path: String,
        line: u64,
        message: String,
    },

    #[error(
        "duplicate document id \"{id}\" in {first} and {second}; ids must be unique so output \
         rows are unambiguous, rename one of them"
    )]
    DuplicateId {
        id: String,
        first: String,
        second: String,
    },
}

/// What the reader did about a problem it got past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A file, a JSONL line or a CSV row was left out.
    Skipped,
    /// The document was kept, repaired: bytes replaced, or a date dropped.
    Repaired,
}

/// A problem the reader got past: the problem (the error it is under `--strict`, or without
/// `--skip-bad`) and what was done about it.
#[derive(Debug)]
pub struct Warning {
    pub problem: ReadError,
    pub action: Action,
    /// What was done, e.g. `skipped the line (--skip-bad)`.
    pub done: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.problem, self.done)
    }
}
