//! The reference for the stream: the reader as it was, each file decoded whole in memory and
//! then cut into JSONL lines (`split('\n')`) or parsed as CSV from the whole text.

use super::super::records::{self, CsvFile};
use super::super::sink::Sink;
use super::*;

/// Documents and warnings (as printed) of one file read whole.
pub fn whole(
    name: &str,
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
) -> Result<(Vec<Document>, Vec<String>), ReadError> {
    let mut warnings = Vec::new();
    let mut docs = Vec::new();
    let mut sink = Sink::new(opts, |w: Warning| warnings.push(w.to_string()));
    read_whole(&mut sink, &mut docs, name, bytes, format, opts)?;
    Ok((docs, warnings))
}

fn read_whole<W: FnMut(Warning)>(
    sink: &mut Sink<W>,
    docs: &mut Vec<Document>,
    name: &str,
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
) -> Result<(), ReadError> {
    let Some(text) = sink.text(name, bytes)? else {
        return Ok(());
    };
    if text.trim().is_empty() {
        return sink.empty(name);
    }
    let warned = sink.counts().warnings();
    match format {
        Format::Txt => {
            let id = Path::new(name).file_stem().unwrap().to_string_lossy();
            docs.push(document_from_text(&id, name, text, None));
        }
        Format::Jsonl => {
            for (i, raw) in text.split('\n').enumerate() {
                if raw.trim().is_empty() {
                    continue;
                }
                let line = i as u64 + 1;
                docs.extend(records::json_record(sink, opts, name, line, raw)?);
            }
        }
        Format::Csv => {
            if let Some(mut file) = CsvFile::open(sink, opts, name, text.as_bytes())? {
                while let Some(doc) = file.next_doc(sink, opts)? {
                    docs.push(doc);
                }
            }
        }
    }
    if docs.is_empty() && sink.counts().warnings() == warned {
        let problem = ReadError::Empty {
            path: name.to_string(),
            what: "no rows after the header: no documents",
        };
        sink.tolerate(problem, Action::Skipped, "nothing to read")?;
    }
    Ok(())
}
