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
//! an error unless `--skip-bad` skips it. Submodules: [`decode`] (bytes to text) and `records`
//! (JSONL and CSV).

pub mod decode;
mod error;
mod records;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::Document;
pub use error::{Action, ReadError, Warning};

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

/// The documents read, in input order, and the problems got past on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
}

/// Collects documents and warnings while reading; applies `--strict` and `--skip-bad`.
struct Reader<'a> {
    opts: &'a ReadOptions,
    corpus: Corpus,
}

impl Reader<'_> {
    /// A problem that is repaired or skipped by default, and an error under `--strict`.
    fn tolerate(
        &mut self,
        problem: ReadError,
        action: Action,
        done: &str,
    ) -> Result<(), ReadError> {
        if self.opts.strict {
            return Err(problem);
        }
        let done = format!("{done} (--strict refuses it)");
        self.warn(problem, action, done);
        Ok(())
    }

    /// A malformed JSONL line or CSV row (or a CSV header without a needed column): an error,
    /// or with `--skip-bad` a warning and `done` (what was skipped).
    fn bad_record(&mut self, problem: ReadError, done: &str) -> Result<(), ReadError> {
        if !self.opts.skip_bad {
            return Err(problem);
        }
        self.warn(problem, Action::Skipped, format!("{done} (--skip-bad)"));
        Ok(())
    }

    fn warn(&mut self, problem: ReadError, action: Action, done: String) {
        self.corpus.warnings.push(Warning {
            problem,
            action,
            done,
        });
    }

    /// Decode a file's bytes; `None` when it is binary and was skipped.
    fn text(&mut self, name: &str, bytes: &[u8]) -> Result<Option<String>, ReadError> {
        let d = decode::decode(bytes);
        if let Some(offset) = d.nul {
            let problem = ReadError::Binary {
                path: name.to_string(),
                offset,
            };
            self.tolerate(problem, Action::Skipped, "skipped the file")?;
            return Ok(None);
        }
        if let Some(bad) = d.invalid {
            let problem = ReadError::InvalidText {
                path: name.to_string(),
                line: bad.line,
                offset: bad.offset,
                count: bad.count,
                encoding: d.encoding,
            };
            let done = "replaced them with U+FFFD, so byte offsets in the tables refer to the \
                        repaired text";
            self.tolerate(problem, Action::Repaired, done)?;
        }
        Ok(Some(d.text))
    }

    /// Read one file's bytes in `format`; `name` is the path as given, for messages and ids.
    fn bytes(&mut self, name: &str, bytes: &[u8], format: Format) -> Result<(), ReadError> {
        let Some(text) = self.text(name, bytes)? else {
            return Ok(());
        };
        let empty = |what| ReadError::Empty {
            path: name.to_string(),
            what,
        };
        if text.trim().is_empty() {
            let problem = empty("the file is empty (or only white space)");
            return self.tolerate(problem, Action::Skipped, "skipped it");
        }
        let before = self.corpus.documents.len();
        let warned = self.corpus.warnings.len();
        match format {
            Format::Txt => {
                let id = Path::new(name)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let doc = document_from_text(&id, name, text, None);
                self.corpus.documents.push(doc);
            }
            Format::Jsonl => records::jsonl(self, name, &text)?,
            Format::Csv => records::csv(self, name, &text)?,
        }
        // A header row and nothing else (all lines skipped is reported line by line).
        let nothing = self.corpus.documents.len() == before;
        if nothing && self.corpus.warnings.len() == warned {
            let problem = empty("no rows after the header: no documents");
            self.tolerate(problem, Action::Skipped, "nothing to read")?;
        }
        Ok(())
    }
}

/// Read every input, in the order given, and check that document ids are unique.
pub fn read_inputs(inputs: &[Input], opts: &ReadOptions) -> Result<Corpus, ReadError> {
    let mut r = Reader {
        opts,
        corpus: Corpus::default(),
    };
    for input in inputs {
        match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .map_err(|source| ReadError::Io {
                        path: STDIN_NAME.to_string(),
                        source,
                    })?;
                r.bytes(STDIN_NAME, &bytes, Format::Jsonl)?;
            }
            Input::Path(path) => read_path(&mut r, path)?,
        }
    }
    check_unique(&r.corpus.documents)?;
    Ok(r.corpus)
}

/// Read one file's contents, already in memory, as `format`; `name` is its path (the stem is the
/// id of a `.txt` document). The same rules as [`read_inputs`], without the file system.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
) -> Result<Corpus, ReadError> {
    let mut r = Reader {
        opts,
        corpus: Corpus::default(),
    };
    r.bytes(name, bytes, format)?;
    check_unique(&r.corpus.documents)?;
    Ok(r.corpus)
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

/// A path named on the command line: its problems are errors.
fn read_path(r: &mut Reader, path: &Path) -> Result<(), ReadError> {
    let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        let files = txt_files(r, path)?;
        if files.is_empty() {
            return Err(ReadError::NoTxtFiles {
                path: display(path),
            });
        }
        for file in files {
            // A file found in a folder that cannot be read is skipped, not fatal.
            match fs::read(&file) {
                Ok(bytes) => r.bytes(&display(&file), &bytes, Format::Txt)?,
                Err(e) => r.tolerate(io_error(&file, e), Action::Skipped, "skipped it")?,
            }
        }
        return Ok(());
    }
    let name = display(path);
    let Some(format) = Format::of(path) else {
        return Err(ReadError::Unsupported { path: name });
    };
    let bytes = fs::read(path).map_err(|e| io_error(path, e))?;
    r.bytes(&name, &bytes, format)
}

/// Every non-hidden `.txt` file below `root`, sorted by relative path (byte order). The walk
/// keeps its own stack (no recursion, however deep the folders) and does not follow symlinked
/// folders, so a link loop cannot make it run forever; symlinked files are followed, and a
/// broken or looping link is skipped with a warning.
fn txt_files(r: &mut Reader, root: &Path) -> Result<Vec<PathBuf>, ReadError> {
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
