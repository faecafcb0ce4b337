//! JSONL lines and CSV rows to documents, one record at a time.
//!
//! A malformed record (broken JSON, a missing or non-string `text`, a ragged row) is an error
//! naming the file and line, or with `--skip-bad` a warning and the record is left out. A date
//! that does not parse is a warning: the document is kept without it.

use std::io::Read;

use serde_json::Value;

use super::lines::LineReader;
use super::sink::Sink;
use super::{document_from_text, parse_date_field, Action, ReadError, ReadOptions, Warning};
use crate::model::Document;

const DEFAULT_DATE_COLUMN: &str = "date";
const DATE_DROPPED: &str = "kept the document without this date";

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

/// One non-blank JSONL line, `line` of `name` (the path as given, or `<stdin>`): its document,
/// or `None` when it was skipped (`--skip-bad`).
pub(super) fn json_record<W: FnMut(Warning)>(
    sink: &mut Sink<W>,
    opts: &ReadOptions,
    name: &str,
    line: u64,
    raw: &str,
) -> Result<Option<Document>, ReadError> {
    match json_line(opts, name, line, raw) {
        Ok((doc, date_problem)) => {
            if let Some(problem) = date_problem {
                sink.tolerate(problem, Action::Repaired, DATE_DROPPED)?;
            }
            Ok(Some(doc))
        }
        Err(problem) => {
            sink.bad_record(problem, "skipped the line")?;
            Ok(None)
        }
    }
}

/// One JSONL line: the document and the problem with its date (the document then has none),
/// or what makes the line unusable.
fn json_line(
    opts: &ReadOptions,
    name: &str,
    line: u64,
    raw: &str,
) -> Result<(Document, Option<ReadError>), ReadError> {
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
    let (date, date_problem) = match obj.remove(&opts.date_column) {
        None | Some(Value::Null) => (None, None),
        Some(Value::String(s)) if s.is_empty() => (None, None),
        Some(Value::String(s)) => match parse_date_field(&s) {
            Some(d) => (Some(d), None),
            None => {
                let problem = ReadError::BadDate {
                    path: name.to_string(),
                    line,
                    field: opts.date_column.clone(),
                    value: s,
                };
                (None, Some(problem))
            }
        },
        Some(other) => {
            let expected = "a YYYY-MM-DD string";
            (
                None,
                Some(wrong(&opts.date_column, expected, json_kind(&other))),
            )
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
    Ok((doc, date_problem))
}

fn csv_error(name: &str, e: &csv::Error) -> ReadError {
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
}

/// Where the CSV parser gets its bytes from: decoding problems it has met are reported in order
/// with the rows ([`LineReader`]), or there are none (text already in memory).
pub(super) trait RowSource: Read {
    /// Report the decoding problems on lines before `line`.
    fn settle<W: FnMut(Warning)>(&mut self, sink: &mut Sink<W>, line: u64)
        -> Result<(), ReadError>;
    /// A read error met by the parser, as it was.
    fn take_error(&mut self) -> Option<ReadError>;
}

impl RowSource for LineReader {
    fn settle<W: FnMut(Warning)>(
        &mut self,
        sink: &mut Sink<W>,
        line: u64,
    ) -> Result<(), ReadError> {
        sink.drain(&mut self.lines.pending, line)
    }
    fn take_error(&mut self) -> Option<ReadError> {
        self.error.take()
    }
}

impl RowSource for &[u8] {
    fn settle<W: FnMut(Warning)>(&mut self, _: &mut Sink<W>, _: u64) -> Result<(), ReadError> {
        Ok(())
    }
    fn take_error(&mut self) -> Option<ReadError> {
        None
    }
}

/// A CSV file being read, one document per row after the header.
pub(super) struct CsvFile<R: RowSource> {
    name: String,
    reader: csv::Reader<R>,
    header: csv::StringRecord,
    id_col: usize,
    text_col: usize,
    date_col: Option<usize>,
    meta_cols: Vec<usize>,
    record: csv::StringRecord,
}

impl<R: RowSource> CsvFile<R> {
    /// Read the header. A missing date column is an error only when a non-default
    /// `--date-column` was asked for; a header without a needed column is a problem of the whole
    /// file: `None` when it was skipped (`--skip-bad`).
    pub fn open<W: FnMut(Warning)>(
        sink: &mut Sink<W>,
        opts: &ReadOptions,
        name: &str,
        input: R,
    ) -> Result<Option<Self>, ReadError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(input);
        let header = reader.headers().cloned();
        if let Some(e) = reader.get_mut().take_error() {
            return Err(e);
        }
        let next = reader.position().line();
        reader.get_mut().settle(sink, next)?;
        let header = match header {
            Ok(h) => h,
            Err(e) => {
                sink.bad_record(csv_error(name, &e), "skipped the file")?;
                return Ok(None);
            }
        };
        let column =
            |wanted: &str, flag, required: bool| match header.iter().position(|h| h == wanted) {
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
        let date_required = opts.date_column != DEFAULT_DATE_COLUMN;
        let columns = (|| {
            Ok::<_, ReadError>((
                column(&opts.id_column, "--id-column", true)?.unwrap_or(0),
                column(&opts.text_column, "--text-column", true)?.unwrap_or(0),
                column(&opts.date_column, "--date-column", date_required)?,
            ))
        })();
        let (id_col, text_col, date_col) = match columns {
            Ok(c) => c,
            Err(problem) => {
                sink.bad_record(problem, "skipped the file")?;
                return Ok(None);
            }
        };
        let mut meta_cols: Vec<usize> = (0..header.len())
            .filter(|&i| i != id_col && i != text_col && Some(i) != date_col)
            .collect();
        meta_cols.sort_by(|&a, &b| header[a].cmp(&header[b]));
        Ok(Some(CsvFile {
            name: name.to_string(),
            reader,
            header,
            id_col,
            text_col,
            date_col,
            meta_cols,
            record: csv::StringRecord::new(),
        }))
    }

    /// Where the rows come from.
    pub fn source(&self) -> &R {
        self.reader.get_ref()
    }

    /// The next row's document; `None` at the end of the file. Bad rows are errors, or skipped
    /// with a warning (`--skip-bad`).
    pub fn next_doc<W: FnMut(Warning)>(
        &mut self,
        sink: &mut Sink<W>,
        opts: &ReadOptions,
    ) -> Result<Option<Document>, ReadError> {
        let name = self.name.as_str();
        loop {
            let read = self.reader.read_record(&mut self.record);
            if let Some(e) = self.reader.get_mut().take_error() {
                return Err(e);
            }
            let next = self.reader.position().line();
            match read {
                Ok(true) => self.reader.get_mut().settle(sink, next)?,
                Ok(false) => {
                    self.reader.get_mut().settle(sink, u64::MAX)?;
                    return Ok(None);
                }
                Err(e) => {
                    self.reader.get_mut().settle(sink, next)?;
                    sink.bad_record(csv_error(name, &e), "skipped the row")?;
                    continue;
                }
            }
            let record = &self.record;
            let line = record.position().map_or(0, |p| p.line());
            let id = &record[self.id_col];
            if id.is_empty() {
                let problem = ReadError::FieldType {
                    path: name.to_string(),
                    line,
                    field: opts.id_column.clone(),
                    expected: "a non-empty value",
                    found: "an empty value",
                };
                sink.bad_record(problem, "skipped the row")?;
                continue;
            }
            let date = match self.date_col.map(|i| &record[i]) {
                None | Some("") => None,
                Some(value) => match parse_date_field(value) {
                    Some(d) => Some(d),
                    None => {
                        let problem = ReadError::BadDate {
                            path: name.to_string(),
                            line,
                            field: opts.date_column.clone(),
                            value: value.to_string(),
                        };
                        sink.tolerate(problem, Action::Repaired, DATE_DROPPED)?;
                        None
                    }
                },
            };
            let source = format!("{name}:{line}");
            let text = record[self.text_col].to_string();
            let mut doc = document_from_text(id, &source, text, date);
            doc.meta = self
                .meta_cols
                .iter()
                .map(|&i| (self.header[i].to_string(), record[i].to_string()))
                .collect();
            return Ok(Some(doc));
        }
    }
}
