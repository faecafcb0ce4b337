//! The inputs as a stream of documents, one at a time, in bounded memory.
//!
//! [`Documents`] is the one reading code path: [`super::read_inputs`] collects it. A `.txt` file is
//! read whole (one document); a JSONL file, standard input and a CSV file are read line by line
//! (row by row) through [`Lines`], so a 1 GB input is never held in memory. Warnings go to a
//! callback as they happen; `--strict` and `--skip-bad` are applied by [`Sink`]. Ids are not
//! checked for uniqueness here: that needs every id (see `read_inputs`).

use std::fs;
use std::io::{BufReader, Cursor, Read};
use std::path::PathBuf;
use std::sync::Arc;

use super::lines::{LineReader, Lines};
use super::records::{self, CsvFile};
use super::sink::{Counts, Sink};
use super::STDIN_NAME;
use super::{display, io_error, txt_files, Action, Format, ReadError, ReadOptions, Warning};
use crate::model::Document;

/// Bytes looked at for a NUL before a JSONL or CSV file is read: a NUL there means the file is
/// binary and it is skipped whole, as when files were read whole. (Binary files show a NUL in
/// their first bytes; a NUL further on stops the file at that line, see [`Lines`].)
const SNIFF: u64 = 8192;

/// The buffer of a streamed file.
const BUFFER: usize = 64 * 1024;

/// Where a file's bytes come from.
#[derive(Clone)]
pub(super) enum Origin {
    Path(PathBuf),
    Stdin,
    Bytes(Arc<[u8]>),
}

impl Origin {
    fn open(&self) -> Result<Box<dyn Read + Send>, ReadError> {
        Ok(match self {
            Origin::Path(path) => Box::new(fs::File::open(path).map_err(|e| io_error(path, e))?),
            Origin::Stdin => Box::new(std::io::stdin()),
            Origin::Bytes(bytes) => Box::new(Cursor::new(bytes.clone())),
        })
    }
}

/// One input of the stream.
pub(super) enum Source {
    /// A path named on the command line: its problems are errors.
    Path(PathBuf),
    /// JSONL on standard input.
    Stdin,
    /// A file's contents already in memory (`read_bytes`).
    Bytes {
        name: String,
        bytes: Arc<[u8]>,
        format: Format,
    },
}

/// What is being read.
enum Open {
    /// The `.txt` files of a folder still to read.
    Folder(std::vec::IntoIter<PathBuf>),
    Jsonl(Box<JsonlFile>),
    Csv(Box<CsvState>),
}

struct JsonlFile {
    name: String,
    lines: Lines,
    /// A line with text was seen (else the file is empty).
    seen_text: bool,
    before: (Counts, usize),
}

struct CsvState {
    file: CsvFile<LineReader>,
    name: String,
    before: (Counts, usize),
}

/// The documents of the inputs, one at a time, in input order; warnings go to `on_warning` as
/// they happen. After an error it yields nothing more.
pub struct Documents<W> {
    opts: ReadOptions,
    inputs: std::vec::IntoIter<Source>,
    open: Option<Open>,
    sink: Sink<W>,
    done: bool,
}

impl<W: FnMut(Warning)> Documents<W> {
    pub(super) fn new(inputs: Vec<Source>, opts: &ReadOptions, on_warning: W) -> Self {
        Documents {
            opts: opts.clone(),
            inputs: inputs.into_iter(),
            open: None,
            sink: Sink::new(opts, on_warning),
            done: false,
        }
    }

    /// Documents yielded and warnings given so far.
    pub fn counts(&self) -> Counts {
        self.sink.counts()
    }

    /// Capacity of the current line buffer (JSONL and CSV), to check that it stays bounded.
    #[cfg(test)]
    pub(super) fn line_capacity(&self) -> usize {
        match &self.open {
            Some(Open::Jsonl(f)) => f.lines.capacity(),
            _ => 0,
        }
    }

    fn step(&mut self) -> Result<Option<Document>, ReadError> {
        loop {
            match &mut self.open {
                None => {
                    let Some(input) = self.inputs.next() else {
                        return Ok(None);
                    };
                    if let Some(doc) = self.start(input)? {
                        return Ok(Some(doc));
                    }
                }
                Some(Open::Folder(files)) => {
                    let Some(file) = files.next() else {
                        self.open = None;
                        continue;
                    };
                    // A file found in a folder that cannot be read is skipped, not fatal.
                    let name = display(&file);
                    let doc = match fs::read(&file) {
                        Ok(bytes) => self.sink.txt(&name, &bytes)?,
                        Err(e) => {
                            let problem = io_error(&file, e);
                            self.sink.tolerate(problem, Action::Skipped, "skipped it")?;
                            None
                        }
                    };
                    if doc.is_some() {
                        return Ok(doc);
                    }
                }
                Some(Open::Jsonl(f)) => {
                    if let Some(doc) = f.next_doc(&mut self.sink, &self.opts)? {
                        return Ok(Some(doc));
                    }
                    let blank = !f.seen_text && !f.lines.nul;
                    let (name, before, nul) = (f.name.clone(), f.before, f.lines.nul);
                    self.open = None;
                    self.finish_file(&name, blank, before, nul)?;
                }
                Some(Open::Csv(f)) => {
                    if let Some(doc) = f.file.next_doc(&mut self.sink, &self.opts)? {
                        return Ok(Some(doc));
                    }
                    let (name, before) = (f.name.clone(), f.before);
                    let nul = f.file.source().lines.nul;
                    self.open = None;
                    self.finish_file(&name, false, before, nul)?;
                }
            }
        }
    }

    /// Start reading an input: a `.txt` file's document, or `None` with the input open.
    fn start(&mut self, input: Source) -> Result<Option<Document>, ReadError> {
        let (name, origin, format) = match input {
            Source::Stdin => (STDIN_NAME.to_string(), Origin::Stdin, Format::Jsonl),
            Source::Bytes {
                name,
                bytes,
                format,
            } => {
                if format == Format::Txt {
                    return self.sink.txt(&name, &bytes);
                }
                (name, Origin::Bytes(bytes), format)
            }
            Source::Path(path) => {
                let meta = fs::metadata(&path).map_err(|e| io_error(&path, e))?;
                if meta.is_dir() {
                    let files = txt_files(&mut self.sink, &path)?;
                    if files.is_empty() {
                        return Err(ReadError::NoTxtFiles {
                            path: display(&path),
                        });
                    }
                    self.open = Some(Open::Folder(files.into_iter()));
                    return Ok(None);
                }
                let name = display(&path);
                let Some(format) = Format::of(&path) else {
                    return Err(ReadError::Unsupported { path: name });
                };
                if format == Format::Txt {
                    let bytes = fs::read(&path).map_err(|e| io_error(&path, e))?;
                    return self.sink.txt(&name, &bytes);
                }
                (name, Origin::Path(path), format)
            }
        };
        let Some(mut lines) = open_lines(&mut self.sink, &origin, &name)? else {
            return Ok(None);
        };
        let before = (self.sink.counts, self.sink.decode_warnings);
        match format {
            Format::Txt => unreachable!("read whole above"),
            Format::Jsonl => {
                self.open = Some(Open::Jsonl(Box::new(JsonlFile {
                    name,
                    lines,
                    seen_text: false,
                    before,
                })));
            }
            Format::Csv => {
                // A blank file is skipped, not read as a header without the columns. Look for a
                // line with text, then read the file again from its start (it is a file, never
                // standard input); text decoded whole was checked already.
                if lines.is_raw() {
                    if lines.all_blank()? {
                        self.sink.empty(&name)?;
                        return Ok(None);
                    }
                    let Some(again) = open_lines(&mut self.sink, &origin, &name)? else {
                        return Ok(None);
                    };
                    lines = again;
                }
                let reader = LineReader::new(lines);
                if let Some(file) = CsvFile::open(&mut self.sink, &self.opts, &name, reader)? {
                    let state = CsvState { file, name, before };
                    self.open = Some(Open::Csv(Box::new(state)));
                }
            }
        }
        Ok(None)
    }

    /// At the end of a JSONL or CSV file: note a file that gave nothing (a header row and
    /// nothing else; a file whose lines were all skipped was reported line by line).
    fn finish_file(
        &mut self,
        name: &str,
        blank: bool,
        before: (Counts, usize),
        nul: bool,
    ) -> Result<(), ReadError> {
        if blank {
            return self.sink.empty(name);
        }
        let now = self.sink.counts;
        let record_warnings = |c: Counts, decode: usize| c.warnings() - decode;
        let nothing = now.documents == before.0.documents
            && record_warnings(now, self.sink.decode_warnings)
                == record_warnings(before.0, before.1);
        if nothing && !nul {
            let problem = ReadError::Empty {
                path: name.to_string(),
                what: "no rows after the header: no documents",
            };
            self.sink
                .tolerate(problem, Action::Skipped, "nothing to read")?;
        }
        Ok(())
    }
}

impl<W: FnMut(Warning)> Iterator for Documents<W> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.step() {
            Ok(Some(doc)) => {
                self.sink.counts.documents += 1;
                Some(Ok(doc))
            }
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                self.open = None;
                Some(Err(e))
            }
        }
    }
}

impl<W: FnMut(Warning)> std::iter::FusedIterator for Documents<W> {}

impl JsonlFile {
    fn next_doc<W: FnMut(Warning)>(
        &mut self,
        sink: &mut Sink<W>,
        opts: &ReadOptions,
    ) -> Result<Option<Document>, ReadError> {
        while self.lines.advance()? {
            sink.drain(&mut self.lines.pending, u64::MAX)?;
            let raw = self.lines.text();
            if raw.trim().is_empty() {
                continue;
            }
            self.seen_text = true;
            let line = self.lines.line();
            if let Some(doc) = records::json_record(sink, opts, &self.name, line, raw)? {
                return Ok(Some(doc));
            }
        }
        // A NUL byte that stopped the file.
        sink.drain(&mut self.lines.pending, u64::MAX)?;
        Ok(None)
    }
}

/// Open a JSONL or CSV file for reading line by line; `None` when it was skipped (binary, or
/// UTF-16 and empty).
fn open_lines<W: FnMut(Warning)>(
    sink: &mut Sink<W>,
    origin: &Origin,
    name: &str,
) -> Result<Option<Lines>, ReadError> {
    let io = |source| ReadError::Io {
        path: name.to_string(),
        source,
    };
    let mut raw = origin.open()?;
    let mut head = Vec::with_capacity(SNIFF as usize);
    (&mut raw).take(SNIFF).read_to_end(&mut head).map_err(io)?;
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        // UTF-16 (rare in corpora) cannot be cut into lines before it is decoded: the file is
        // decoded whole in memory, as before, and its text read line by line.
        raw.read_to_end(&mut head).map_err(io)?;
        let Some(text) = sink.text(name, &head)? else {
            return Ok(None);
        };
        if text.trim().is_empty() {
            sink.empty(name)?;
            return Ok(None);
        }
        return Ok(Some(Lines::new(
            Box::new(Cursor::new(text.into_bytes())),
            name,
            false,
        )));
    }
    if let Some(offset) = head.iter().position(|&b| b == 0) {
        let problem = ReadError::Binary {
            path: name.to_string(),
            offset,
        };
        sink.tolerate(problem, Action::Skipped, "skipped the file")?;
        return Ok(None);
    }
    let reader = BufReader::with_capacity(BUFFER, Cursor::new(head).chain(raw));
    Ok(Some(Lines::new(Box::new(reader), name, true)))
}
