//! `stancecmp kwic`: every match of a pattern or a lexicon in its context (keyword in context),
//! with the statement's holder, so a reader can see what a lexicon really picks up.
//!
//! ```text
//! stancecmp kwic (PATTERN | --lexicon NAME) [INPUT ...] [--width N] [--csv] [--lexicons DIR]
//! ```
//!
//! A PATTERN is matched exactly like a lexicon entry (folded, on word boundaries, `*` for a
//! prefix glob, a hyphen for a hyphen, a space or nothing): it becomes a one-entry lexicon for the
//! real scorer, run inside the real pipeline, so the actor and the stance are the ones `analyze`
//! reports. `--lexicon NAME` lists the matches of that lexicon exactly as `matches.csv` does.

use anyhow::{anyhow, bail, Result};
use clap::Args;
use std::io::Write;

use crate::cli::CorpusArgs;
use crate::cmd::corpus;
use crate::lexicon::{entry_from_text, Lexicon};
use crate::model::Document;
use crate::pipeline;
use crate::score::Scorer;

#[derive(Debug, Args)]
pub struct KwicArgs {
    /// Word, phrase or prefix glob to find, written like a lexicon entry (`sovereign*`,
    /// `cease-fire`, `territorial integrity`). Leave it out with --lexicon: then every positional
    /// argument is an INPUT.
    #[arg(value_name = "PATTERN", required_unless_present = "lexicon")]
    pub pattern: Option<String>,

    /// Show every match of this lexicon, with its stance, instead of a pattern's.
    #[arg(long, value_name = "NAME")]
    pub lexicon: Option<String>,

    /// Characters of context on each side of the match.
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub width: usize,

    /// Write CSV to standard output, with the columns
    /// doc_id,sentence_no,actor,speaker,lexicon,entry,stance,left,match,right.
    #[arg(long)]
    pub csv: bool,

    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// One line of the listing.
struct Row<'a> {
    doc: &'a str,
    sentence_no: usize,
    actor: &'a str,
    speaker: &'a str,
    lexicon: &'a str,
    entry: String,
    stance: &'static str,
    left: String,
    hit: String,
    right: String,
}

pub fn run(args: &KwicArgs) -> Result<()> {
    let mut corpus_args = args.corpus.clone();
    let mut pattern = args.pattern.clone();
    if args.lexicon.is_some() {
        if let Some(p) = pattern.take() {
            corpus_args.inputs.insert(0, p);
        }
    }
    let mut cfg = corpus::config(&corpus_args)?;
    let wanted = match (&args.lexicon, &pattern) {
        (Some(name), _) => match cfg.lexicons.iter().position(|l| &l.name == name) {
            Some(i) => i,
            None => {
                let known: Vec<&str> = cfg.lexicons.iter().map(|l| l.name.as_str()).collect();
                bail!("no lexicon `{name}`; the lexicons are {}", known.join(", "));
            }
        },
        (None, Some(p)) => {
            let entry = entry_from_text(p)
                .map_err(|(col, msg)| anyhow!("pattern `{p}`, character {col}: {msg}"))?;
            cfg.lexicons = vec![Lexicon {
                name: String::new(),
                version: String::new(),
                description: format!("the pattern `{p}`"),
                entries: vec![entry],
                stance: crate::stance::Stance::Mention,
                source: "<command line>".into(),
            }];
            cfg.scorer = Scorer::new(&cfg.lexicons);
            0
        }
        (None, None) => bail!("give a PATTERN or --lexicon NAME"),
    };
    let docs = corpus::documents(&corpus_args)?;
    let pool = corpus::pool(&corpus_args)?;
    let results = pool.install(|| pipeline::analyze(&cfg, &docs));
    let lex = &cfg.lexicons[wanted];
    let mut rows = Vec::new();
    for (doc, r) in docs.iter().zip(&results) {
        for s in &r.statements {
            for m in s.matches.iter().filter(|m| m.lexicon == wanted) {
                rows.push(Row {
                    doc: &doc.id,
                    sentence_no: s.sentence_no,
                    actor: &s.attribution.actor,
                    speaker: &s.attribution.speaker,
                    lexicon: &lex.name,
                    entry: lex.entries[m.entry].display(),
                    stance: m.stance.as_str(),
                    left: left_context(doc, m.start, args.width),
                    hit: one_line(&doc.text[m.start..m.end]),
                    right: right_context(doc, m.end, args.width),
                });
            }
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.csv {
        write_csv(&mut out, &rows)?;
    } else {
        write_plain(&mut out, &rows, args.lexicon.is_some())?;
    }
    out.flush()?;
    let what = match &args.lexicon {
        Some(name) => format!("lexicon {name}"),
        None => format!("`{}`", pattern.unwrap_or_default()),
    };
    eprintln!(
        "stancecmp: {} match{} of {what} in {} document{}",
        rows.len(),
        if rows.len() == 1 { "" } else { "es" },
        docs.len(),
        if docs.len() == 1 { "" } else { "s" }
    );
    Ok(())
}

fn write_csv(out: &mut impl Write, rows: &[Row]) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let header = [
        "doc_id",
        "sentence_no",
        "actor",
        "speaker",
        "lexicon",
        "entry",
        "stance",
        "left",
        "match",
        "right",
    ];
    w.write_record(header).map_err(io_error)?;
    for r in rows {
        let no = r.sentence_no.to_string();
        let record = [
            r.doc, &no, r.actor, r.speaker, r.lexicon, &r.entry, r.stance, &r.left, &r.hit,
            &r.right,
        ];
        w.write_record(record).map_err(io_error)?;
    }
    w.flush()?;
    Ok(())
}

/// Columns padded so that every match starts in the same column.
fn write_plain(out: &mut impl Write, rows: &[Row], with_stance: bool) -> Result<()> {
    let width = |f: fn(&Row) -> usize| rows.iter().map(f).max().unwrap_or(0);
    let doc_w = width(|r| r.doc.chars().count());
    let no_w = width(|r| r.sentence_no.to_string().len());
    let actor_w = width(|r| r.actor.chars().count());
    let stance_w = width(|r| r.stance.len());
    let left_w = width(|r| r.left.chars().count());
    for r in rows {
        write!(
            out,
            "{:<doc_w$}  {:>no_w$}  {:<actor_w$}  ",
            r.doc, r.sentence_no, r.actor
        )?;
        if with_stance {
            write!(out, "{:<stance_w$}  ", r.stance)?;
        }
        writeln!(out, "{:>left_w$} | {} | {}", r.left, r.hit, r.right)?;
    }
    Ok(())
}

/// Keep a closed pipe an `io::Error`, so that `main` can exit quietly.
fn io_error(e: csv::Error) -> anyhow::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io.into(),
        other => anyhow!("cannot write CSV: {other:?}"),
    }
}

/// Whitespace runs as single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Up to `width` characters before byte `at` of the document body, whitespace collapsed, without
/// the whitespace next to the match.
fn left_context(doc: &Document, at: usize, width: usize) -> String {
    let chars = doc.text[doc.body_start..at].chars().rev();
    let mut out = collapse(chars, width);
    out.reverse();
    out.into_iter().collect()
}

/// Up to `width` characters after byte `at`, like `left_context`.
fn right_context(doc: &Document, at: usize, width: usize) -> String {
    collapse(doc.text[at..].chars(), width)
        .into_iter()
        .collect()
}

/// The first `width` characters of `chars` with whitespace runs as one space, leading
/// whitespace dropped and no trailing space.
fn collapse(chars: impl Iterator<Item = char>, width: usize) -> Vec<char> {
    let mut out = Vec::with_capacity(width);
    let mut space = false;
    for c in chars {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if out.len() + usize::from(space) >= width {
            break;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_collapses_whitespace_and_stops_at_the_width() {
        let text = "date 2024-05-06\nOne  two\n\tthree MATCH four   five six";
        let doc = crate::read::document_from_text("d", "d", text.into(), None);
        let at = text.find("MATCH").unwrap();
        assert_eq!(left_context(&doc, at, 40), "One two three");
        assert_eq!(left_context(&doc, at, 9), "two three");
        assert_eq!(left_context(&doc, at, 8), "wo three");
        assert_eq!(right_context(&doc, at + 5, 9), "four five");
        assert_eq!(right_context(&doc, at + 5, 0), "");
    }
}
