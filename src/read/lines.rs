//! Lines of a JSONL or CSV input, decoded one at a time: [`super::decode`]'s rules, per line.
//!
//! Memory holds one line and the reader's buffer, never the file. A UTF-8 byte-order mark is
//! removed from line 1, invalid UTF-8 is replaced by U+FFFD and reported with its line and file
//! byte offset, and a NUL byte stops the file (a NUL in the first 8 KiB is caught before, by the
//! sniff in `stream`, and skips the whole file as before). Problems are queued in
//! [`Lines::pending`] with their line, for the reader to warn about (or refuse under `--strict`)
//! in order with the records.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

use super::decode::{repair_utf8, UTF8_BOM};
use super::{Action, ReadError, REPAIRED};

/// A problem found while decoding, waiting to be warned about.
#[derive(Debug)]
pub(super) struct Pending {
    pub problem: ReadError,
    pub action: Action,
    pub done: String,
    /// The line it is on, so that it is reported with the record holding that line.
    pub line: u64,
}

/// The decoded lines of one input.
pub(super) struct Lines {
    inner: Box<dyn BufRead + Send>,
    name: String,
    /// Raw bytes from a file: remove a UTF-8 BOM and watch for NUL. False for text that was
    /// already decoded whole (UTF-16).
    raw: bool,
    /// 1-based number of the current line.
    line: u64,
    /// File byte offset of the next line.
    offset: usize,
    /// The current line, decoded, without its `\n` (a `\r` before it stays, as before).
    text: String,
    /// Whether the current line ended with `\n`.
    newline: bool,
    /// End of input, or a NUL byte found.
    stopped: bool,
    /// A NUL byte stopped the input.
    pub nul: bool,
    pub pending: VecDeque<Pending>,
}

impl Lines {
    pub fn new(inner: Box<dyn BufRead + Send>, name: &str, raw: bool) -> Lines {
        Lines {
            inner,
            name: name.to_string(),
            raw,
            line: 0,
            offset: 0,
            text: String::new(),
            newline: false,
            stopped: false,
            nul: false,
            pending: VecDeque::new(),
        }
    }

    /// Whether these are raw bytes (not text decoded whole in memory).
    pub fn is_raw(&self) -> bool {
        self.raw
    }

    /// The current line's number.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The current line's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Capacity of the line buffer: the longest line so far, whatever the size of the input.
    #[cfg(test)]
    pub fn capacity(&self) -> usize {
        self.text.capacity()
    }

    /// Read and decode the next line; false at the end of the input (or at a NUL byte).
    pub fn advance(&mut self) -> Result<bool, ReadError> {
        if self.stopped {
            return Ok(false);
        }
        // Reuse the line's allocation for the next one.
        let mut buf = std::mem::take(&mut self.text).into_bytes();
        buf.clear();
        let n = match self.inner.read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(source) => {
                self.stopped = true;
                return Err(ReadError::Io {
                    path: self.name.clone(),
                    source,
                });
            }
        };
        if n == 0 {
            self.stopped = true;
            return Ok(false);
        }
        let start = self.offset;
        self.offset += n;
        self.line += 1;
        self.newline = buf.last() == Some(&b'\n');
        if self.newline {
            buf.pop();
        }
        let mut bom = 0;
        if self.raw {
            if self.line == 1 && buf.starts_with(UTF8_BOM) {
                buf.drain(..UTF8_BOM.len());
                bom = UTF8_BOM.len();
            }
            if let Some(at) = memchr::memchr(0, &buf) {
                self.stopped = true;
                self.nul = true;
                self.pending.push_back(Pending {
                    problem: ReadError::Binary {
                        path: self.name.clone(),
                        offset: start + bom + at,
                    },
                    action: Action::Skipped,
                    done: format!("skipped the rest of the file, from line {}", self.line),
                    line: self.line,
                });
                return Ok(false);
            }
        }
        self.text = match String::from_utf8(buf) {
            Ok(text) => text,
            Err(e) => {
                let (text, first, count) = repair_utf8(e.as_bytes());
                self.pending.push_back(Pending {
                    problem: ReadError::InvalidText {
                        path: self.name.clone(),
                        line: self.line,
                        offset: start + bom + first.unwrap_or(0),
                        count,
                        encoding: "UTF-8",
                    },
                    action: Action::Repaired,
                    done: REPAIRED.to_string(),
                    line: self.line,
                });
                text
            }
        };
        Ok(true)
    }

    /// Read up to the first line with text: true when there is none (the input is empty or only
    /// white space). Consumes the lines; problems found are dropped (they are found again when
    /// the input is read for real).
    pub fn all_blank(&mut self) -> Result<bool, ReadError> {
        while self.advance()? {
            if !self.text.trim().is_empty() {
                return Ok(false);
            }
        }
        Ok(!self.nul)
    }
}

/// The decoded lines as a byte stream again (valid UTF-8, `\n` kept), for the `csv` parser.
pub(super) struct LineReader {
    pub lines: Lines,
    /// Bytes of the current line already handed out.
    pos: usize,
    /// The current line's `\n` is still to be handed out.
    newline: bool,
    /// The error behind an `io::Error` given to the parser, to report it as it was.
    pub error: Option<ReadError>,
}

impl LineReader {
    pub fn new(lines: Lines) -> LineReader {
        LineReader {
            lines,
            pos: 0,
            newline: false,
            error: None,
        }
    }
}

impl Read for LineReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            let text = self.lines.text.as_bytes();
            if self.pos < text.len() {
                let n = out.len().min(text.len() - self.pos);
                out[..n].copy_from_slice(&text[self.pos..self.pos + n]);
                self.pos += n;
                return Ok(n);
            }
            if self.newline {
                self.newline = false;
                out[0] = b'\n';
                return Ok(1);
            }
            match self.lines.advance() {
                Ok(true) => {
                    self.pos = 0;
                    self.newline = self.lines.newline;
                }
                Ok(false) => {
                    self.pos = 0;
                    self.lines.text.clear();
                    return Ok(0);
                }
                Err(e) => {
                    let message = e.to_string();
                    self.error = Some(e);
                    return Err(io::Error::other(message));
                }
            }
        }
    }
}
