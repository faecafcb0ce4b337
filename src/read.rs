//! The corpus reader: one job — turning input paths and streams into `Document`s.
//!
//! Every later stage works on byte offsets into `Document::text`, so this module is the only
//! place that knows about files, folders, encodings, JSONL, CSV and the leading `date` line.
//! All formats go through [`document_from_text`], so the same text gives the same offsets
//! whether it came from a `.txt` file, a JSONL line or a CSV row.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::model::Document;

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A `.txt`, `.jsonl`, `.ndjson` or `.csv` file, or a folder of `.txt` files.
    Path(PathBuf),
    /// JSONL on standard input (`-` on the command line).
    Stdin,
}

/// Names of the id, text and date fields (JSONL) or columns (CSV).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    pub id_column: String,
    pub text_column: String,
    pub date_column: String,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            id_column: "id".to_string(),
            text_column: "text".to_string(),
            date_column: "date".to_string(),
        }
    }
}

const DEFAULT_DATE_COLUMN: &str = "date";
const STDIN_NAME: &str = "<stdin>";

/// Why the corpus could not be read. `path` is the path as given (or `<stdin>`).
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
        "{path}: file is UTF-16 ({endian} byte-order mark), not UTF-8; convert it first, e.g. \
         `iconv -f UTF-16 -t UTF-8 {path} > converted`"
    )]
    Utf16 { path: String, endian: &'static str },

    #[error(
        "{path}:{line}: invalid UTF-8 at byte offset {offset}; convert the file to UTF-8 first, \
         e.g. `iconv -f WINDOWS-1252 -t UTF-8 {path} > converted`"
    )]
    InvalidUtf8 {
        path: String,
        line: u64,
        offset: usize,
    },

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

/// Read every input, in the order given, and check that document ids are unique.
pub fn read_inputs(inputs: &[Input], opts: &ReadOptions) -> Result<Vec<Document>, ReadError> {
    let mut docs = Vec::new();
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
                let text = decode(STDIN_NAME, &bytes)?;
                docs.extend(parse_jsonl(STDIN_NAME, &text, opts)?);
            }
            Input::Path(path) => read_path(path, opts, &mut docs)?,
        }
    }
    check_unique(&docs)?;
    Ok(docs)
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
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days).contains(&day)
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

fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

fn read_path(path: &Path, opts: &ReadOptions, docs: &mut Vec<Document>) -> Result<(), ReadError> {
    let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        let files = txt_files(path)?;
        if files.is_empty() {
            return Err(ReadError::NoTxtFiles {
                path: display(path),
            });
        }
        for file in files {
            docs.push(read_txt(&file)?);
        }
        return Ok(());
    }
    let name = display(path);
    if has_ext(path, "txt") {
        docs.push(read_txt(path)?);
    } else if has_ext(path, "jsonl") || has_ext(path, "ndjson") {
        let text = decode(&name, &read_bytes(path)?)?;
        docs.extend(parse_jsonl(&name, &text, opts)?);
    } else if has_ext(path, "csv") {
        let text = decode(&name, &read_bytes(path)?)?;
        docs.extend(parse_csv(&name, &text, opts)?);
    } else {
        return Err(ReadError::Unsupported { path: name });
    }
    Ok(())
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    fs::read(path).map_err(|e| io_error(path, e))
}

fn read_txt(path: &Path) -> Result<Document, ReadError> {
    let name = display(path);
    let text = decode(&name, &read_bytes(path)?)?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(document_from_text(&id, &name, text, None))
}

/// Every non-hidden `.txt` file below `root`, sorted by relative path (byte order).
/// Symlinked folders are not followed; symlinked files are.
fn txt_files(root: &Path) -> Result<Vec<PathBuf>, ReadError> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| io_error(&dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| io_error(&dir, e))?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type().map_err(|e| io_error(&path, e))?;
            if kind.is_dir() {
                stack.push(path);
            } else if has_ext(&path, "txt") {
                // A symlink counts only if it points at a regular file.
                let is_file = kind.is_file() || fs::metadata(&path).is_ok_and(|m| m.is_file());
                if is_file {
                    found.push(path);
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

/// Bytes to text: reject UTF-16, strip a UTF-8 byte-order mark, report the first bad byte.
fn decode(name: &str, bytes: &[u8]) -> Result<String, ReadError> {
    let endian = match bytes {
        [0xFF, 0xFE, ..] => Some("little-endian"),
        [0xFE, 0xFF, ..] => Some("big-endian"),
        _ => None,
    };
    if let Some(endian) = endian {
        return Err(ReadError::Utf16 {
            path: name.to_string(),
            endian,
        });
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bom = bytes.len() - body.len();
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let offset = bom + e.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            Err(ReadError::InvalidUtf8 {
                path: name.to_string(),
                line,
                offset,
            })
        }
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One document per non-blank line; `name` is the path as given (or `<stdin>`).
fn parse_jsonl(name: &str, text: &str, opts: &ReadOptions) -> Result<Vec<Document>, ReadError> {
    let mut docs = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let line = i as u64 + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let json_err = |message: String| ReadError::Json {
            path: name.to_string(),
            line,
            message,
        };
        let value: Value = serde_json::from_str(raw).map_err(|e| json_err(e.to_string()))?;
        let Value::Object(mut obj) = value else {
            return Err(json_err(format!(
                "expected an object, found {}",
                json_kind(&value)
            )));
        };
        let missing = |field: &str, flag| ReadError::MissingField {
            path: name.to_string(),
            line,
            field: field.to_string(),
            flag,
        };
        let wrong = |field: &str, expected, found| ReadError::FieldType {
            path: name.to_string(),
            line,
            field: field.to_string(),
            expected,
            found,
        };
        let id_expected = "a non-empty string or an integer";
        let id = match obj.remove(&opts.id_column) {
            None => return Err(missing(&opts.id_column, "--id-column")),
            Some(Value::String(s)) if s.is_empty() => {
                return Err(wrong(&opts.id_column, id_expected, "an empty string"))
            }
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
            Some(other) => return Err(wrong(&opts.id_column, id_expected, json_kind(&other))),
        };
        let text = match obj.remove(&opts.text_column) {
            None => return Err(missing(&opts.text_column, "--text-column")),
            Some(Value::String(s)) => s,
            Some(other) => return Err(wrong(&opts.text_column, "a string", json_kind(&other))),
        };
        let date = match obj.remove(&opts.date_column) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.is_empty() => None,
            Some(Value::String(s)) => Some(parse_date_field(&s).ok_or(ReadError::BadDate {
                path: name.to_string(),
                line,
                field: opts.date_column.clone(),
                value: s,
            })?),
            Some(other) => {
                let expected = "a YYYY-MM-DD string";
                return Err(wrong(&opts.date_column, expected, json_kind(&other)));
            }
        };
        let mut meta: Vec<(String, String)> = obj
            .into_iter()
            .map(|(k, v)| match v {
                Value::String(s) => (k, s),
                other => (k, other.to_string()),
            })
            .collect();
        meta.sort_by(|a, b| a.0.cmp(&b.0));
        let mut doc = document_from_text(&id, &format!("{name}:{line}"), text, date);
        doc.meta = meta;
        docs.push(doc);
    }
    Ok(docs)
}

/// One document per CSV row after the header. A missing date column is an error only when a
/// non-default `--date-column` was asked for.
fn parse_csv(name: &str, text: &str, opts: &ReadOptions) -> Result<Vec<Document>, ReadError> {
    let csv_err = |e: csv::Error| {
        let line = e.position().map_or(0, |p| p.line());
        match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => ReadError::RaggedRow {
                path: name.to_string(),
                line,
                expected: *expected_len,
                found: *len,
            },
            _ => ReadError::Csv {
                path: name.to_string(),
                line,
                message: e.to_string(),
            },
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(csv_err)?.clone();
    let column = |wanted: &str, flag, required: bool| match header.iter().position(|h| h == wanted)
    {
        Some(i) => Ok(Some(i)),
        None if !required => Ok(None),
        None => Err(ReadError::MissingColumn {
            path: name.to_string(),
            column: wanted.to_string(),
            found: if header.is_empty() {
                "no header row".to_string()
            } else {
                header.iter().collect::<Vec<_>>().join(", ")
            },
            flag,
        }),
    };
    let id_col = column(&opts.id_column, "--id-column", true)?.unwrap_or(0);
    let text_col = column(&opts.text_column, "--text-column", true)?.unwrap_or(0);
    let date_required = opts.date_column != DEFAULT_DATE_COLUMN;
    let date_col = column(&opts.date_column, "--date-column", date_required)?;
    let mut meta_cols: Vec<usize> = (0..header.len())
        .filter(|&i| i != id_col && i != text_col && Some(i) != date_col)
        .collect();
    meta_cols.sort_by(|&a, &b| header[a].cmp(&header[b]));

    let mut docs = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_err)?;
        let line = record.position().map_or(0, |p| p.line());
        let id = &record[id_col];
        if id.is_empty() {
            return Err(ReadError::FieldType {
                path: name.to_string(),
                line,
                field: opts.id_column.clone(),
                expected: "a non-empty value",
                found: "an empty value",
            });
        }
        let date = match date_col.map(|i| &record[i]) {
            None | Some("") => None,
            Some(value) => Some(parse_date_field(value).ok_or_else(|| ReadError::BadDate {
                path: name.to_string(),
                line,
                field: opts.date_column.clone(),
                value: value.to_string(),
            })?),
        };
        let source = format!("{name}:{line}");
        let mut doc = document_from_text(id, &source, record[text_col].to_string(), date);
        doc.meta = meta_cols
            .iter()
            .map(|&i| (header[i].to_string(), record[i].to_string()))
            .collect();
        docs.push(doc);
    }
    Ok(docs)
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

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_003: &str = include_str!("../seeds/003_8edb6b4773bf86b6.txt");

    fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    fn read(paths: &[&Path]) -> Result<Vec<Document>, ReadError> {
        read_with(paths, &ReadOptions::default())
    }

    fn read_with(paths: &[&Path], opts: &ReadOptions) -> Result<Vec<Document>, ReadError> {
        let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(p.to_path_buf())).collect();
        read_inputs(&inputs, opts)
    }

    fn err_text(result: Result<Vec<Document>, ReadError>) -> String {
        result.expect_err("expected an error").to_string()
    }

    #[test]
    fn folder_is_recursive_sorted_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b.txt", b"bee");
        write(dir.path(), "a/z.txt", b"zed");
        write(dir.path(), "a-b.txt", b"dash");
        write(dir.path(), "a/c.TXT", b"upper");
        write(dir.path(), ".hidden.txt", b"no");
        write(dir.path(), ".git/x.txt", b"no");
        write(dir.path(), "notes.md", b"no");
        let docs = read(&[dir.path()]).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        // Byte order of relative paths: '-' (0x2d) sorts before '/' (0x2f).
        assert_eq!(ids, ["a-b", "c", "z", "b"]);
        assert_eq!(docs[2].text, "zed");
        assert_eq!(
            docs[2].source,
            dir.path().join("a/z.txt").display().to_string()
        );
        assert!(docs.iter().all(|d| d.meta.is_empty() && d.date.is_none()));
    }

    #[cfg(unix)]
    #[test]
    fn folder_does_not_follow_symlinked_folders() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "sub/a.txt", b"a");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
        let docs = read(&[dir.path()]).unwrap();
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn folder_without_txt_files_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "data.csv", b"id,text\n");
        let msg = err_text(read(&[dir.path()]));
        assert!(msg.contains(&dir.path().display().to_string()), "{msg}");
        assert!(msg.contains("no .txt files"), "{msg}");
    }

    #[test]
    fn date_line_rule_on_real_seed() {
        let doc = document_from_text("003", "<embedded>/003", SEED_003.to_string(), None);
        assert_eq!(doc.date.as_deref(), Some("2025-12-04"));
        assert!(doc.text[doc.body_start..].starts_with("BEIJING: China and France pledged"));
        assert_eq!(doc.text, SEED_003);
    }

    #[test]
    fn date_line_variants() {
        let doc = document_from_text("x", "s", "date 2024-02-29\nBody".into(), None);
        assert_eq!(doc.date.as_deref(), Some("2024-02-29"));
        assert_eq!(&doc.text[doc.body_start..], "Body");
        let doc = document_from_text("x", "s", "\tdate 2024-03-01".into(), None);
        assert_eq!(
            (doc.date.as_deref(), doc.body_start),
            (Some("2024-03-01"), 16)
        );
        let doc = document_from_text("x", "s", "date 2024-03-01\r\nBody".into(), None);
        assert_eq!(&doc.text[doc.body_start..], "Body");
        // Not a marker: glued to a word, or not at the start.
        for text in [
            "date 2024-03-01x",
            "The date 2024-03-01 x",
            "dated 2024-03-01 x",
        ] {
            let doc = document_from_text("x", "s", text.into(), None);
            assert_eq!((doc.date, doc.body_start), (None, 0), "{text}");
        }
    }

    #[test]
    fn invalid_calendar_date_stays_text() {
        for text in [
            "date 2025-02-29 x",
            "date 2025-13-01 x",
            "date 2025-04-31 x",
        ] {
            let doc = document_from_text("x", "s", text.into(), None);
            assert_eq!((doc.date, doc.body_start), (None, 0), "{text}");
        }
        assert!(is_calendar_date("2000-02-29"));
        assert!(!is_calendar_date("1900-02-29"));
        assert!(!is_calendar_date("0000-01-01"));
        assert!(!is_calendar_date("2025-1-011"));
    }

    #[test]
    fn given_date_wins_but_marker_is_skipped() {
        let doc = document_from_text(
            "x",
            "s",
            " date 2025-12-04 Body".into(),
            Some("2020-01-01".into()),
        );
        assert_eq!(doc.date.as_deref(), Some("2020-01-01"));
        assert_eq!(&doc.text[doc.body_start..], "Body");
    }

    #[test]
    fn txt_file_strips_bom_and_empty_file_is_a_document() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", b"\xEF\xBB\xBFdate 2025-12-04 Hello");
        let b = write(dir.path(), "empty.txt", b"");
        let docs = read(&[&a, &b]).unwrap();
        assert_eq!(docs[0].text, "date 2025-12-04 Hello");
        assert_eq!(docs[0].date.as_deref(), Some("2025-12-04"));
        assert_eq!(&docs[0].text[docs[0].body_start..], "Hello");
        assert_eq!((docs[1].id.as_str(), docs[1].text.as_str()), ("empty", ""));
    }

    #[test]
    fn jsonl_copy_of_txt_gives_same_offsets() {
        let dir = tempfile::tempdir().unwrap();
        let line = serde_json::json!({"id": "j", "text": SEED_003}).to_string();
        let path = write(dir.path(), "c.jsonl", line.as_bytes());
        let docs = read(&[&path]).unwrap();
        let txt = document_from_text("003", "x", SEED_003.to_string(), None);
        assert_eq!(
            (docs[0].body_start, &docs[0].date),
            (txt.body_start, &txt.date)
        );
    }

    #[test]
    fn jsonl_good_lines_meta_and_integer_id() {
        let dir = tempfile::tempdir().unwrap();
        let body = concat!(
            "{\"id\": \"a\", \"text\": \"Hello\", \"zeta\": 1, \"alpha\": \"x\", \"mid\": [1, 2]}\n",
            "\n",
            "{\"id\": 42, \"text\": \"date 2025-01-02 Hi\", \"date\": \"2024-05-06T10:00:00Z\"}\r\n",
            "{\"id\": \"c\", \"text\": \"\", \"date\": null, \"flag\": true}\n",
        );
        let path = write(dir.path(), "in.ndjson", body.as_bytes());
        let docs = read(&[&path]).unwrap();
        let name = path.display().to_string();
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[0].source, format!("{name}:1"));
        let meta = vec![
            ("alpha".to_string(), "x".to_string()),
            ("mid".to_string(), "[1,2]".to_string()),
            ("zeta".to_string(), "1".to_string()),
        ];
        assert_eq!(docs[0].meta, meta);
        assert_eq!(docs[1].id, "42");
        assert_eq!(docs[1].source, format!("{name}:3"));
        assert_eq!(docs[1].date.as_deref(), Some("2024-05-06"));
        assert_eq!(&docs[1].text[docs[1].body_start..], "Hi");
        assert_eq!(docs[2].date, None);
        assert_eq!(docs[2].meta, vec![("flag".to_string(), "true".to_string())]);
    }

    #[test]
    fn jsonl_custom_field_names() {
        let dir = tempfile::tempdir().unwrap();
        let body = b"{\"doc\": \"a\", \"body\": \"Hi\", \"day\": \"2025-01-02\", \"id\": 7}\n";
        let path = write(dir.path(), "in.jsonl", body);
        let opts = ReadOptions {
            id_column: "doc".into(),
            text_column: "body".into(),
            date_column: "day".into(),
        };
        let docs = read_with(&[&path], &opts).unwrap();
        assert_eq!((docs[0].id.as_str(), docs[0].text.as_str()), ("a", "Hi"));
        assert_eq!(docs[0].date.as_deref(), Some("2025-01-02"));
        assert_eq!(docs[0].meta, vec![("id".to_string(), "7".to_string())]);
    }

    fn jsonl_error(body: &str) -> (String, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "bad.jsonl", body.as_bytes());
        (err_text(read(&[&path])), path.display().to_string())
    }

    #[test]
    fn jsonl_errors_name_file_and_line() {
        let ok = "{\"id\": \"a\", \"text\": \"x\"}\n\n";
        let cases = [
            ("{\"id\": \"b\", \"text\": \"x\"", "invalid JSON"),
            ("{\"id\": \"b\"}", "no \"text\" field"),
            (
                "{\"id\": \"b\", \"text\": 5}",
                "\"text\" must be a string, found a number",
            ),
            ("{\"text\": \"x\"}", "no \"id\" field"),
            ("{\"id\": 1.5, \"text\": \"x\"}", "\"id\" must be"),
            (
                "{\"id\": \"b\", \"text\": \"x\", \"date\": \"2025-02-30\"}",
                "not a valid date",
            ),
            ("[1, 2]", "expected an object, found an array"),
        ];
        for (line, want) in cases {
            let (msg, name) = jsonl_error(&format!("{ok}{line}\n"));
            assert!(msg.starts_with(&format!("{name}:3: ")), "{msg}");
            assert!(msg.contains(want), "{msg}");
        }
        let (msg, _) = jsonl_error("{\"text\": \"x\"}");
        assert!(msg.contains("--id-column"), "{msg}");
    }

    #[test]
    fn csv_good_rows_with_meta() {
        let dir = tempfile::tempdir().unwrap();
        let body = "zz,id,text,date,aa\n1,a,\"Hello, world\",2025-01-02,x\n2,b,\"two\nlines\",,y\n";
        let path = write(dir.path(), "in.csv", body.as_bytes());
        let docs = read(&[&path]).unwrap();
        let name = path.display().to_string();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            (docs[0].id.as_str(), docs[0].text.as_str()),
            ("a", "Hello, world")
        );
        assert_eq!(docs[0].date.as_deref(), Some("2025-01-02"));
        assert_eq!(docs[0].source, format!("{name}:2"));
        let meta = vec![
            ("aa".to_string(), "x".to_string()),
            ("zz".to_string(), "1".to_string()),
        ];
        assert_eq!(docs[0].meta, meta);
        assert_eq!(
            (docs[1].text.as_str(), docs[1].date.as_deref()),
            ("two\nlines", None)
        );
        assert_eq!(docs[1].source, format!("{name}:3"));
    }

    #[test]
    fn csv_custom_columns_and_optional_default_date() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "in.csv",
            b"key,body,day\nk1,date 2025-03-04 Hi,\n",
        );
        let opts = ReadOptions {
            id_column: "key".into(),
            text_column: "body".into(),
            date_column: "day".into(),
        };
        let docs = read_with(&[&path], &opts).unwrap();
        assert_eq!(docs[0].id, "k1");
        assert_eq!(docs[0].date.as_deref(), Some("2025-03-04"));
        assert_eq!(&docs[0].text[docs[0].body_start..], "Hi");
        // Without a date column and the default name, dates are simply absent.
        let path = write(dir.path(), "nodate.csv", b"id,text\na,Hi\n");
        assert_eq!(read(&[&path]).unwrap()[0].date, None);
        // A non-default date column must exist.
        let opts = ReadOptions {
            date_column: "when".into(),
            ..ReadOptions::default()
        };
        let msg = err_text(read_with(&[&path], &opts));
        assert!(
            msg.contains("\"when\"") && msg.contains("--date-column"),
            "{msg}"
        );
    }

    #[test]
    fn csv_ragged_row_names_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "r.csv", b"id,text\na,x\nb,y,extra\n");
        let msg = err_text(read(&[&path]));
        assert!(msg.starts_with(&format!("{}:3: ", path.display())), "{msg}");
        assert!(msg.contains("3 fields but the header has 2"), "{msg}");
    }

    #[test]
    fn csv_missing_column_lists_header_and_flag() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "m.csv", b"id,body,date\na,x,\n");
        let msg = err_text(read(&[&path]));
        assert!(msg.starts_with(&format!("{}:1: ", path.display())), "{msg}");
        assert!(
            msg.contains("\"text\"") && msg.contains("id, body, date"),
            "{msg}"
        );
        assert!(msg.contains("--text-column"), "{msg}");
        let path = write(dir.path(), "n.csv", b"doc,text\na,x\n");
        assert!(err_text(read(&[&path])).contains("--id-column"));
    }

    #[test]
    fn csv_bad_date_and_empty_id() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "d.csv",
            b"id,text,date\na,x,2025-02-03\nb,y,03/02/2025\n",
        );
        let msg = err_text(read(&[&path]));
        assert!(msg.starts_with(&format!("{}:3: ", path.display())), "{msg}");
        assert!(msg.contains("03/02/2025"), "{msg}");
        let path = write(dir.path(), "e.csv", b"id,text\n,x\n");
        let msg = err_text(read(&[&path]));
        assert!(msg.starts_with(&format!("{}:2: ", path.display())), "{msg}");
    }

    #[test]
    fn invalid_utf8_reports_byte_offset() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "latin.txt", b"caf\xE9\nok");
        let msg = err_text(read(&[&path]));
        assert!(msg.starts_with(&format!("{}:1: ", path.display())), "{msg}");
        assert!(
            msg.contains("byte offset 3") && msg.contains("iconv"),
            "{msg}"
        );
        let path = write(
            dir.path(),
            "l.jsonl",
            b"{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"\xFF\"}\n",
        );
        let msg = err_text(read(&[&path]));
        assert!(
            msg.contains("l.jsonl:2: ") && msg.contains("byte offset 36"),
            "{msg}"
        );
    }

    #[test]
    fn utf16_bom_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "wide.txt", b"\xFF\xFEh\0i\0");
        let msg = err_text(read(&[&path]));
        assert!(msg.contains("wide.txt") && msg.contains("UTF-16"), "{msg}");
        assert!(msg.contains("iconv -f UTF-16 -t UTF-8"), "{msg}");
    }

    #[test]
    fn duplicate_ids_name_both_sources() {
        let dir = tempfile::tempdir().unwrap();
        let txt = write(dir.path(), "x/a.txt", b"one");
        let jsonl = write(
            dir.path(),
            "b.jsonl",
            b"{\"id\": \"b\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n",
        );
        let msg = err_text(read(&[&txt, &jsonl]));
        assert!(msg.contains("\"a\""), "{msg}");
        assert!(msg.contains(&txt.display().to_string()), "{msg}");
        assert!(msg.contains(&format!("{}:2", jsonl.display())), "{msg}");
    }

    #[test]
    fn nonexistent_path_and_unsupported_extension() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.txt");
        let msg = err_text(read(&[&missing]));
        assert!(
            msg.contains("nope.txt") && msg.contains("does not exist"),
            "{msg}"
        );
        let doc = write(dir.path(), "report.docx", b"x");
        let msg = err_text(read(&[&doc]));
        assert!(msg.contains("report.docx"), "{msg}");
        for ext in [".txt", ".jsonl", ".ndjson", ".csv", "folder", "- for"] {
            assert!(msg.contains(ext), "{msg}");
        }
    }

    #[test]
    fn stdin_sources_name_stdin() {
        let body = "{\"id\": \"s\", \"text\": \"x\"}\n";
        let docs = parse_jsonl(STDIN_NAME, body, &ReadOptions::default()).unwrap();
        assert_eq!(docs[0].source, "<stdin>:1");
        let err = parse_jsonl(STDIN_NAME, "{\"id\": 1}", &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().starts_with("<stdin>:1: "), "{err}");
    }

    #[test]
    fn inputs_keep_their_order() {
        let dir = tempfile::tempdir().unwrap();
        let b = write(dir.path(), "b.txt", b"b");
        let a = write(
            dir.path(),
            "a.jsonl",
            b"{\"id\": \"a2\", \"text\": \"\"}\n{\"id\": \"a1\", \"text\": \"\"}\n",
        );
        let docs = read(&[&b, &a]).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b", "a2", "a1"]);
    }
}
