//! Resolving the corpus options shared by the subcommands: data files, inputs and threads.
//!
//! Reading problems the run gets past (a skipped line, a repaired file) are printed here as
//! `stancecmp: warning: ...` and remembered, so that `main` can exit with code 3. The corpus is
//! read whole ([`documents`]) or as a stream in bounded memory ([`stream`]).

use anyhow::{bail, Context, Result};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::cli::CorpusArgs;
use crate::data::SEEDS;
use crate::model::Document;
use crate::pipeline::Config;
use crate::read::{
    document_from_text, read_inputs, Action, Corpus, Counts, Documents, Input, ReadOptions, Warning,
};

/// Set when some input was skipped or repaired: the run completed, but not on all of its input.
static INPUT_PROBLEMS: AtomicBool = AtomicBool::new(false);

/// Record that some input was skipped or repaired (by `map`, as `reduce` learns from a partial).
pub fn flag_input_problems() {
    INPUT_PROBLEMS.store(true, Ordering::Relaxed);
}

/// Whether some input was skipped or repaired during this run (exit code 3).
pub fn input_problems() -> bool {
    INPUT_PROBLEMS.load(Ordering::Relaxed)
}

/// The data folder in effect: `--lexicons`, else `./lexicons` when it exists.
pub fn lexicon_dir(args: &CorpusArgs) -> Option<PathBuf> {
    args.lexicons.clone().or_else(|| {
        let here = Path::new("lexicons");
        here.is_dir().then(|| here.to_path_buf())
    })
}

/// Load and compile the data files.
pub fn config(args: &CorpusArgs) -> Result<Config> {
    let dir = lexicon_dir(args);
    if let Some(d) = &args.lexicons {
        if !d.is_dir() {
            bail!("--lexicons {}: no such folder", d.display());
        }
    }
    Config::load(dir.as_deref()).map_err(|e| {
        anyhow::anyhow!(
            "{e}\n  (fix the data file, or remove it from the folder to use the embedded default)"
        )
    })
}

/// The inputs as typed (`-` is standard input).
pub fn inputs(args: &CorpusArgs) -> Vec<Input> {
    args.inputs
        .iter()
        .map(|s| {
            if s == "-" {
                Input::Stdin
            } else {
                Input::Path(PathBuf::from(s))
            }
        })
        .collect()
}

/// The embedded seed corpus, read when no inputs are given.
fn seed(&(name, text): &(&str, &str)) -> Document {
    let stem = name.trim_end_matches(".txt");
    document_from_text(
        stem,
        &format!("<embedded>/seeds/{name}"),
        text.to_string(),
        None,
    )
}

fn read_options(args: &CorpusArgs) -> ReadOptions {
    ReadOptions {
        id_column: args.id_column.clone(),
        text_column: args.text_column.clone(),
        date_column: args.date_column.clone(),
        strict: args.strict,
        skip_bad: args.skip_bad,
    }
}

/// Read the corpus whole: the inputs, or the embedded seeds when there are none. Ids are checked
/// for uniqueness; warnings are printed once everything was read (none when reading failed).
pub fn documents(args: &CorpusArgs) -> Result<Vec<Document>> {
    let docs: Vec<Document> = if args.inputs.is_empty() {
        SEEDS.iter().map(seed).collect()
    } else {
        let corpus = read_inputs(&inputs(args), &read_options(args))?;
        report(&corpus);
        corpus.documents
    };
    if docs.is_empty() {
        bail!(EMPTY);
    }
    if docs.iter().all(blank) {
        bail!(
            "the corpus is empty: all {} documents have no text",
            docs.len()
        );
    }
    Ok(docs)
}

const EMPTY: &str = "the corpus is empty: no documents were read; give a folder of .txt files, \
                     a .jsonl or a .csv file";

fn blank(doc: &Document) -> bool {
    doc.text[doc.body_start..].trim().is_empty()
}

/// Read the corpus as a stream, one document at a time in bounded memory: the inputs, or the
/// embedded seeds when there are none (the same documents as [`documents`], in the same order).
/// Each warning is printed on standard error as it comes; call [`Stream::finish`] at the end
/// for the closing count and the empty-corpus check. Ids are NOT checked for uniqueness here.
///
/// ```ignore
/// let mut docs = corpus::stream(&args.corpus)?;
/// loop {
///     let batch: Vec<Document> = docs.by_ref().take(512).collect::<Result<_>>()?;
///     if batch.is_empty() { break; }
///     // ...
/// }
/// docs.finish()?;
/// ```
pub fn stream(args: &CorpusArgs) -> Result<Stream> {
    let source = if args.inputs.is_empty() {
        Source::Seeds(SEEDS.iter())
    } else {
        let print: fn(Warning) = print_warning;
        Source::Inputs(crate::read::stream(
            &inputs(args),
            &read_options(args),
            print,
        ))
    };
    Ok(Stream {
        source,
        seeds_read: 0,
        any_text: false,
    })
}

/// The corpus as a stream of documents: see [`stream`].
pub struct Stream {
    source: Source,
    /// Seeds yielded (the reader counts the inputs' documents).
    seeds_read: usize,
    /// Some document yielded so far has text after its date line.
    any_text: bool,
}

enum Source {
    Seeds(std::slice::Iter<'static, (&'static str, &'static str)>),
    Inputs(Documents<fn(Warning)>),
}

impl Iterator for Stream {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        let doc = match &mut self.source {
            Source::Seeds(seeds) => {
                let doc = seed(seeds.next()?);
                self.seeds_read += 1;
                doc
            }
            Source::Inputs(docs) => match docs.next()? {
                Ok(doc) => doc,
                Err(e) => return Some(Err(e.into())),
            },
        };
        self.any_text |= !blank(&doc);
        Some(Ok(doc))
    }
}

impl std::iter::FusedIterator for Stream {}

impl Stream {
    /// Documents read and warnings printed so far.
    pub fn counts(&self) -> Counts {
        match &self.source {
            Source::Seeds(_) => Counts {
                documents: self.seeds_read,
                ..Counts::default()
            },
            Source::Inputs(docs) => docs.counts(),
        }
    }

    /// At the end of the stream of one piece of a corpus (`stancecmp map`), where no document
    /// or only blank ones is fine: print the closing warning count (when there were warnings).
    pub fn finish_piece(self) -> Counts {
        let counts = self.counts();
        if counts.warnings() > 0 {
            print_summary(&counts);
        }
        counts
    }

    /// At the end of the stream: print the closing warning count (when there were warnings),
    /// then fail when no document, or no document with text, was read. Returns the counts.
    pub fn finish(self) -> Result<Counts> {
        let counts = self.counts();
        if counts.warnings() > 0 {
            print_summary(&counts);
        }
        if counts.documents == 0 {
            bail!(EMPTY);
        }
        if !self.any_text {
            bail!(
                "the corpus is empty: all {} documents have no text",
                counts.documents
            );
        }
        Ok(counts)
    }
}

/// Warnings printed one by one; beyond these, only counted (a corpus with a million bad lines
/// must not flood the terminal), and the closing line gives the totals.
pub const MAX_WARNINGS: usize = 100;

/// Warnings seen so far in this run.
static WARNINGS: AtomicUsize = AtomicUsize::new(0);

/// Print one reading warning on standard error (the first [`MAX_WARNINGS`]), and remember that
/// there was one (exit code 3).
fn print_warning(w: Warning) {
    show_warning(&w);
}

/// See [`print_warning`].
fn show_warning(w: &Warning) {
    INPUT_PROBLEMS.store(true, Ordering::Relaxed);
    let n = WARNINGS.fetch_add(1, Ordering::Relaxed) + 1;
    if n <= MAX_WARNINGS {
        eprintln!("stancecmp: warning: {w}");
    } else if n == MAX_WARNINGS + 1 {
        eprintln!(
            "stancecmp: warning: more than {MAX_WARNINGS} input problems; the others are \
             counted, not listed (fix the input, or see them with a smaller part of it)"
        );
    }
}

fn print_summary(counts: &Counts) {
    let Counts {
        documents: n,
        skipped,
        repaired,
    } = *counts;
    let s = if n == 1 { "" } else { "s" };
    let listed = if skipped + repaired > MAX_WARNINGS {
        format!("the first {MAX_WARNINGS} listed above")
    } else {
        "listed above".to_string()
    };
    eprintln!(
        "stancecmp: warning: read {n} document{s}; skipped {skipped} and repaired {repaired} \
         files, lines or rows ({listed}); the exit code will be 3"
    );
}

/// Print the reading warnings and their count on standard error, and remember them.
fn report(corpus: &Corpus) {
    if corpus.warnings.is_empty() {
        return;
    }
    for w in &corpus.warnings {
        show_warning(w);
    }
    let skipped = corpus
        .warnings
        .iter()
        .filter(|w| w.action == Action::Skipped)
        .count();
    print_summary(&Counts {
        documents: corpus.documents.len(),
        skipped,
        repaired: corpus.warnings.len() - skipped,
    });
}

/// Refuse an output folder that is an input, lies inside an input folder, or contains an input
/// (the lexicon folder in effect counts as an input): stancecmp never writes into its inputs.
/// Paths are compared canonicalized, so `./corpus/../corpus` and symbolic links are seen
/// through; an output folder that does not exist yet is resolved from its nearest existing
/// ancestor.
pub fn check_out(args: &CorpusArgs, out: &Path) -> Result<()> {
    let out_real = resolve(out).with_context(|| format!("--out {}", out.display()))?;
    let mut inputs: Vec<(PathBuf, &str)> = args
        .inputs
        .iter()
        .filter(|s| *s != "-")
        .map(|s| (PathBuf::from(s), "the input"))
        .collect();
    if let Some(dir) = lexicon_dir(args) {
        inputs.push((dir, "the lexicon folder"));
    }
    for (input, what) in inputs {
        let Ok(real) = resolve(&input) else { continue };
        let (out_s, in_s) = (out.display(), input.display());
        if real == out_real {
            bail!("--out {out_s} is {what} {in_s}; stancecmp never writes into its inputs: choose another output folder");
        }
        if out_real.starts_with(&real) {
            bail!("--out {out_s} is inside {what} {in_s}; stancecmp never writes into its inputs: choose an output folder outside it");
        }
        if real.starts_with(&out_real) {
            bail!("--out {out_s} contains {what} {in_s}, which the report would be written over: choose another output folder");
        }
    }
    Ok(())
}

/// The canonical absolute form of `path`, which need not exist: its nearest existing ancestor
/// canonicalized, then the remaining components with `.` and `..` applied.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    let parts: Vec<Component> = abs.components().collect();
    for known in (1..=parts.len()).rev() {
        let Ok(mut real) = parts[..known].iter().collect::<PathBuf>().canonicalize() else {
            continue;
        };
        for part in &parts[known..] {
            match part {
                Component::ParentDir => {
                    real.pop();
                }
                Component::Normal(name) => real.push(name),
                _ => {}
            }
        }
        return Ok(real);
    }
    Ok(abs)
}

/// A rayon pool with `--threads` workers (default: one per core).
pub fn pool(args: &CorpusArgs) -> Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        if n == 0 {
            bail!("--threads must be at least 1");
        }
        b = b.num_threads(n);
    }
    b.build().context("cannot start the worker threads")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(inputs: &[&Path], skip_bad: bool) -> CorpusArgs {
        CorpusArgs {
            inputs: inputs.iter().map(|p| p.display().to_string()).collect(),
            lexicons: None,
            id_column: "id".into(),
            text_column: "text".into(),
            date_column: "date".into(),
            threads: None,
            strict: false,
            skip_bad,
        }
    }

    fn streamed(args: &CorpusArgs) -> (Vec<Document>, Result<Counts>) {
        let mut docs = stream(args).unwrap();
        let got: Vec<Document> = docs.by_ref().collect::<Result<_>>().unwrap();
        (got, docs.finish())
    }

    #[test]
    fn the_stream_gives_the_documents_of_documents() {
        let a = args(&[], false);
        let (docs, counts) = streamed(&a);
        assert_eq!(docs, documents(&a).unwrap());
        assert_eq!(counts.unwrap().documents, SEEDS.len());

        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("a.jsonl");
        let body = "{\"id\": \"a\", \"text\": \"China said so.\"}\n{bad\n\
                    {\"id\": \"b\", \"text\": \"France \u{e9}t\u{e9}.\", \"date\": \"2025-01-02\"}\n";
        std::fs::write(&jsonl, body).unwrap();
        let csv = dir.path().join("b.csv");
        std::fs::write(&csv, "id,text\nc,\"two\nlines\"\n").unwrap();
        let a = args(&[&jsonl, &csv], true);
        let (docs, counts) = streamed(&a);
        assert_eq!(docs, documents(&a).unwrap());
        let counts = counts.unwrap();
        assert_eq!(
            (counts.documents, counts.skipped, counts.repaired),
            (3, 1, 0)
        );
        assert!(input_problems());
    }

    #[test]
    fn finish_refuses_an_empty_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let blank = dir.path().join("blank.jsonl");
        std::fs::write(&blank, "{\"id\": 1, \"text\": \" \"}\n").unwrap();
        let (docs, end) = streamed(&args(&[&blank], false));
        assert_eq!(docs.len(), 1);
        let msg = end.unwrap_err().to_string();
        assert_eq!(msg, "the corpus is empty: all 1 documents have no text");
        let header = dir.path().join("h.csv");
        std::fs::write(&header, "id,text\n").unwrap();
        let (docs, end) = streamed(&args(&[&header], false));
        assert!(docs.is_empty());
        assert!(end.unwrap_err().to_string().starts_with(EMPTY));
    }

    #[test]
    fn the_stream_stops_at_the_first_error() {
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("a.jsonl");
        std::fs::write(&jsonl, "{\"id\": 1, \"text\": \"x\"}\n{bad\n").unwrap();
        let mut docs = stream(&args(&[&jsonl], false)).unwrap();
        assert!(docs.next().unwrap().is_ok());
        let err = docs.next().unwrap().unwrap_err().to_string();
        assert!(err.contains("a.jsonl:2: invalid JSON"), "{err}");
        assert!(docs.next().is_none());
    }
}
