//! Applying `--strict` and `--skip-bad` to the problems met while reading, and passing the
//! warnings that remain on to the caller as they happen, counted.

use std::collections::VecDeque;
use std::path::Path;

use super::lines::Pending;
use super::{decode, document_from_text, Action, ReadError, ReadOptions, Warning, REPAIRED};
use crate::model::Document;

/// How much was read and got past so far.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Documents yielded.
    pub documents: usize,
    /// Warnings whose action was [`Action::Skipped`] (files, lines, rows).
    pub skipped: usize,
    /// Warnings whose action was [`Action::Repaired`].
    pub repaired: usize,
}

impl Counts {
    pub fn warnings(&self) -> usize {
        self.skipped + self.repaired
    }
}

/// Applies `--strict` and `--skip-bad`, passes warnings on and counts them.
pub(super) struct Sink<W> {
    strict: bool,
    skip_bad: bool,
    on_warning: W,
    pub(super) counts: Counts,
    /// Warnings about decoding (bytes, not records): they do not count as "something in the
    /// file was read", as when the file was decoded whole before its records.
    pub(super) decode_warnings: usize,
}

impl<W: FnMut(Warning)> Sink<W> {
    pub fn new(opts: &ReadOptions, on_warning: W) -> Self {
        Sink {
            strict: opts.strict,
            skip_bad: opts.skip_bad,
            on_warning,
            counts: Counts::default(),
            decode_warnings: 0,
        }
    }

    /// Warnings given so far (`documents` is counted by [`Documents`]).
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// A problem that is repaired or skipped by default, and an error under `--strict`.
    pub fn tolerate(
        &mut self,
        problem: ReadError,
        action: Action,
        done: &str,
    ) -> Result<(), ReadError> {
        if self.strict {
            return Err(problem);
        }
        self.warn(problem, action, format!("{done} (--strict refuses it)"));
        Ok(())
    }

    /// A malformed JSONL line or CSV row (or a CSV header without a needed column): an error,
    /// or with `--skip-bad` a warning and `done` (what was skipped).
    pub fn bad_record(&mut self, problem: ReadError, done: &str) -> Result<(), ReadError> {
        if !self.skip_bad {
            return Err(problem);
        }
        self.warn(problem, Action::Skipped, format!("{done} (--skip-bad)"));
        Ok(())
    }

    /// Report the decoding problems found on lines before `line`.
    pub fn drain(&mut self, pending: &mut VecDeque<Pending>, line: u64) -> Result<(), ReadError> {
        while pending.front().is_some_and(|p| p.line < line) {
            let p = pending.pop_front().expect("checked");
            self.tolerate(p.problem, p.action, &p.done)?;
            self.decode_warnings += 1;
        }
        Ok(())
    }

    fn warn(&mut self, problem: ReadError, action: Action, done: String) {
        match action {
            Action::Skipped => self.counts.skipped += 1,
            Action::Repaired => self.counts.repaired += 1,
        }
        (self.on_warning)(Warning {
            problem,
            action,
            done,
        });
    }

    /// Decode a whole file's bytes; `None` when it is binary and was skipped.
    pub fn text(&mut self, name: &str, bytes: &[u8]) -> Result<Option<String>, ReadError> {
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
            self.tolerate(problem, Action::Repaired, REPAIRED)?;
        }
        Ok(Some(d.text))
    }

    pub fn empty(&mut self, name: &str) -> Result<(), ReadError> {
        let problem = ReadError::Empty {
            path: name.to_string(),
            what: "the file is empty (or only white space)",
        };
        self.tolerate(problem, Action::Skipped, "skipped it")
    }

    /// A `.txt` file's document; `None` when it was skipped (binary or empty).
    pub fn txt(&mut self, name: &str, bytes: &[u8]) -> Result<Option<Document>, ReadError> {
        let Some(text) = self.text(name, bytes)? else {
            return Ok(None);
        };
        if text.trim().is_empty() {
            self.empty(name)?;
            return Ok(None);
        }
        let id = Path::new(name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Some(document_from_text(&id, name, text, None)))
    }
}
