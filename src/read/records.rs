//! JSONL lines and CSV rows to documents, one record at a time.
//!
//! A malformed record (broken JSON, a missing or non-string `text`, a ragged row) is an error
//! naming the file and line, or with `--skip-bad` a warning and the record is left out. A date
//! that does not parse is a warning: the document is kept without it.

use serde_json::Value;

use super::{document_from_text, parse_date_field, Action, ReadError, ReadOptions, Reader};
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

/// One document per non-blank line; `name` is the path as given (or `<stdin>`).
pub(super) fn jsonl(r: &mut Reader, name: &str, text: &str) -> Result<(), ReadError> {
    for (i, raw) in text.split('\n').enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        match json_line(r.opts, name, i as u64 + 1, raw) {
            Ok((doc, date_problem)) => {
                if let Some(problem) = date_problem {
                    r.tolerate(problem, Action::Repaired, DATE_DROPPED)?;
                }
                r.corpus.documents.push(doc);
            }
            Err(problem) => r.bad_record(problem, "skipped the line")?,
        }
    }
    Ok(())
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

/// One document per CSV row after the header. A missing date column is an error only when a
/// non-default `--date-column` was asked for; a header without a needed column is a problem of
/// the whole file (with `--skip-bad` the file is skipped).
pub(super) fn csv(r: &mut Reader, name: &str, text: &str) -> Result<(), ReadError> {
    let opts = r.opts;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return r.bad_record(csv_error(name, &e), "skipped the file"),
    };
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
        Err(problem) => return r.bad_record(problem, "skipped the file"),
    };
    let mut meta_cols: Vec<usize> = (0..header.len())
        .filter(|&i| i != id_col && i != text_col && Some(i) != date_col)
        .collect();
    meta_cols.sort_by(|&a, &b| header[a].cmp(&header[b]));

    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                r.bad_record(csv_error(name, &e), "skipped the row")?;
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let id = &record[id_col];
        if id.is_empty() {
            let problem = ReadError::FieldType {
                path: name.to_string(),
                line,
                field: opts.id_column.clone(),
                expected: "a non-empty value",
                found: "an empty value",
            };
            r.bad_record(problem, "skipped the row")?;
            continue;
        }
        let date = match date_col.map(|i| &record[i]) {
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
                    r.tolerate(problem, Action::Repaired, DATE_DROPPED)?;
                    None
                }
            },
        };
        let source = format!("{name}:{line}");
        let mut doc = document_from_text(id, &source, record[text_col].to_string(), date);
        doc.meta = meta_cols
            .iter()
            .map(|&i| (header[i].to_string(), record[i].to_string()))
            .collect();
        r.corpus.documents.push(doc);
    }
    Ok(())
}
