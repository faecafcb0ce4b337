//! The corpus reader: one job — turning input paths and streams into `Document`s.
//!
//! Every later stage works on byte offsets into `Document::text`, so this module is the only
//! place that knows about files, folders, encodings, JSONL, CSV and the leading `date` line.
//! All formats go through [`document_from_text`], so the same text gives the same offsets
//! whether it came from a `.txt` file, a JSONL line or a CSV row.
//!
//! Real corpora are messy. A problem the reader can get past is a [`Warning`] and the run goes
//! on: invalid bytes are replaced, binary and empty files skipped, a date that does not parse
//! dropped. `--strict` turns each of these into an error; a malformed JSONL line or CSV row is
//! an error unless `--skip-bad` skips it. Submodules: `stream` (the one reading path, a document
//! at a time, in bounded memory: [`stream`] and [`Documents`]), [`decode`] (bytes to text),
//! `lines` (the same, line by line), `records` (JSONL lines and CSV rows) and `sink` (`--strict`,
//! `--skip-bad` and the warnings).

pub mod decode;
mod error;
mod lines;
mod records;
mod sink;
mod stream;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::model::Document;
pub use error::{Action, ReadError, Warning};
pub use sink::Counts;
use sink::Sink;
pub use stream::Documents;
use stream::Source;

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A `.txt`, `.jsonl`, `.ndjson` or `.csv` file, or a folder of `.txt` files.
    Path(PathBuf),
    /// JSONL on standard input (`-` on the command line).
    Stdin,
}

/// How to read: the id, text and date fields (JSONL) or columns (CSV), and what to do with bad
/// input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    pub id_column: String,
    pub text_column: String,
    pub date_column: String,
    /// Refuse what would otherwise be repaired or skipped with a warning.
    pub strict: bool,
    /// Skip malformed JSONL lines and CSV rows with a warning instead of stopping.
    pub skip_bad: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            id_column: "id".to_string(),
            text_column: "text".to_string(),
            date_column: "date".to_string(),
            strict: false,
            skip_bad: false,
        }
    }
}

/// The format of one input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One document; its id is the file stem.
    Txt,
    /// One JSON object per line.
    Jsonl,
    /// A header row, then one document per row.
    Csv,
}

impl Format {
    /// The format of a file, by its extension.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Txt),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

const STDIN_NAME: &str = "<stdin>";

/// What the reader says after replacing invalid bytes.
const REPAIRED: &str =
    "replaced them with U+FFFD, so byte offsets in the tables refer to the repaired text";

/// The documents read, in input order, and the problems got past on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
}

/// Read the inputs as a stream, in the order given: one document at a time, in bounded memory.
/// Warnings go to `on_warning` as they happen; the stream stops after its first error. Ids are
/// not checked for uniqueness (that needs every id): see [`read_inputs`].
pub fn stream<W: FnMut(Warning)>(
    inputs: &[Input],
    opts: &ReadOptions,
    on_warning: W,
) -> Documents<W> {
    Documents::new(sources(inputs), opts, on_warning)
}

fn sources(inputs: &[Input]) -> Vec<Source> {
    inputs
        .iter()
        .map(|input| match input {
            Input::Path(path) => Source::Path(path.clone()),
            Input::Stdin => Source::Stdin,
        })
        .collect()
}

/// Read every input, in the order given, and check that document ids are unique: the
/// [`stream`], collected.
pub fn read_inputs(inputs: &[Input], opts: &ReadOptions) -> Result<Corpus, ReadError> {
    collect(sources(inputs), opts)
}

/// Read one file's contents, already in memory, as `format`; `name` is its path (the stem is the
/// id of a `.txt` document). The same rules as [`read_inputs`], without the file system.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
) -> Result<Corpus, ReadError> {
    let source = Source::Bytes {
        name: name.to_string(),
        bytes: bytes.into(),
        format,
    };
    collect(vec![source], opts)
}

/// Read a stream whole, with its warnings, and check that the ids are unique.
fn collect(sources: Vec<Source>, opts: &ReadOptions) -> Result<Corpus, ReadError> {
    let mut warnings = Vec::new();
    let documents =
        Documents::new(sources, opts, |w| warnings.push(w)).collect::<Result<Vec<_>, _>>()?;
    check_unique(&documents)?;
    Ok(Corpus {
        documents,
        warnings,
    })
}

/// Build a Document from a whole text (used for .txt files and for the embedded seed corpus):
/// applies the date-line rule. A `date` given here (a JSONL/CSV field) wins over the date line,
/// but `body_start` still skips the line's marker.
pub fn document_from_text(id: &str, source: &str, text: String, date: Option<String>) -> Document {
    let (line_date, body_start) = match date_marker(&text) {
        Some((d, start)) => (Some(d.to_string()), start),
        None => (None, 0),
    };
    Document {
        id: id.to_string(),
        date: date.or(line_date),
        text,
        body_start,
        source: source.to_string(),
        meta: Vec::new(),
    }
}

/// A leading `date YYYY-MM-DD` marker: the date and the byte offset just after the marker and
/// the one whitespace character that follows it. `None` if absent or not a real calendar date.
fn date_marker(text: &str) -> Option<(&str, usize)> {
    let rest = text.trim_start_matches([' ', '\t']);
    let after_keyword = rest.strip_prefix("date")?;
    let value = after_keyword.trim_start_matches([' ', '\t']);
    if value.len() == after_keyword.len() {
        return None;
    }
    let date = value.get(..10)?;
    let tail = &value[10..];
    let sep = match tail.chars().next() {
        None => 0,
        Some('\r') if tail[1..].starts_with('\n') => 2,
        Some(c) if c.is_whitespace() => c.len_utf8(),
        Some(_) => return None,
    };
    is_calendar_date(date).then_some((date, text.len() - tail.len() + sep))
}

/// True for `YYYY-MM-DD` naming a real day of the Gregorian calendar (year 0001–9999).
fn is_calendar_date(s: &str) -> bool {
    crate::model::valid_date(s) && !s.starts_with("0000")
}

/// A date field value: `YYYY-MM-DD`, or a timestamp whose first 10 characters are one.
fn parse_date_field(value: &str) -> Option<String> {
    let date = value.get(..10)?;
    let rest = &value[10..];
    let ok_rest = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
    (ok_rest && is_calendar_date(date)).then(|| date.to_string())
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn io_error(path: &Path, source: std::io::Error) -> ReadError {
    if source.kind() == std::io::ErrorKind::NotFound {
        ReadError::NotFound {
            path: display(path),
        }
    } else {
        ReadError::Io {
            path: display(path),
            source,
        }
    }
}

/// Every non-hidden `.txt` file below `root`, sorted by relative path (byte order). The walk
/// keeps its own stack (no recursion, however deep the folders) and does not follow symlinked
/// folders, so a link loop cannot make it run forever; symlinked files are followed, and a
/// broken or looping link is skipped with a warning.
fn txt_files<W: FnMut(Warning)>(r: &mut Sink<W>, root: &Path) -> Result<Vec<PathBuf>, ReadError> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if dir == root => return Err(io_error(&dir, e)),
            Err(e) => {
                r.tolerate(io_error(&dir, e), Action::Skipped, "skipped the folder")?;
                continue;
            }
        };
        // In name order, so that warnings come in the same order on every machine.
        let mut entries = entries
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| io_error(&dir, e))?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type().map_err(|e| io_error(&path, e))?;
            if kind.is_dir() {
                stack.push(path);
            } else if Format::of(&path) == Some(Format::Txt) {
                if kind.is_file() {
                    found.push(path);
                    continue;
                }
                // A symlink counts only if it points at a regular file.
                match fs::metadata(&path) {
                    Ok(m) if m.is_file() => found.push(path),
                    Ok(_) => {}
                    Err(e) => {
                        let problem = ReadError::BadLink {
                            path: display(&path),
                            message: format!("broken or looping symbolic link: {e}"),
                        };
                        r.tolerate(problem, Action::Skipped, "skipped it")?;
                    }
                }
            }
        }
    }
    let rel_key = |p: &PathBuf| {
        p.strip_prefix(root)
            .unwrap_or(p)
            .as_os_str()
            .as_encoded_bytes()
            .to_vec()
    };
    found.sort_by_cached_key(rel_key);
    Ok(found)
}

fn check_unique(docs: &[Document]) -> Result<(), ReadError> {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for doc in docs {
        if let Some(first) = seen.insert(&doc.id, &doc.source) {
            return Err(ReadError::DuplicateId {
                id: doc.id.clone(),
                first: first.to_string(),
                second: doc.source.clone(),
            });
        }
    }
    Ok(())
}
