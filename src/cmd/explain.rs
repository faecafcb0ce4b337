//! `stancecmp explain DOC_ID:SENTENCE_NO`: why a statement was attributed as it was.
//!
//! Prints the statement, the mentions and predicates found in it, each rule tried in order with
//! the candidates it considered, and the decision.

use anyhow::{bail, Context, Result};
use clap::Args;

use crate::attribute;
use crate::cli::CorpusArgs;
use crate::cmd::corpus;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The statement, as DOC_ID:SENTENCE_NO (the `doc_id` and `sentence_no` columns).
    #[arg(value_name = "DOC_ID:SENTENCE_NO")]
    pub statement: String,

    #[command(flatten)]
    pub corpus: CorpusArgs,
}

pub fn run(args: &ExplainArgs) -> Result<()> {
    let (doc_id, no) = args
        .statement
        .rsplit_once(':')
        .context("give the statement as DOC_ID:SENTENCE_NO, e.g. 003_8edb6b4773bf86b6:5")?;
    let no: usize = no
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .with_context(|| format!("`{no}` is not a sentence number (1, 2, ...)"))?;
    let cfg = corpus::config(&args.corpus)?;
    let docs = corpus::documents(&args.corpus)?;
    let Some(doc) = docs.iter().find(|d| d.id == doc_id) else {
        bail!("no document `{doc_id}` in the corpus ({} documents; ids are file stems or the `id` field)", docs.len());
    };
    let segments = cfg.splitter.split(&doc.text, doc.body_start);
    if no > segments.len() {
        bail!(
            "document `{doc_id}` has {} statements; there is no statement {no}",
            segments.len()
        );
    }
    let texts = attribute::sentences(&doc.text, &segments);
    let (attrs, trace) = attribute::explain(&cfg.gazetteer, doc.date.as_deref(), &texts, no - 1);
    let a = &attrs[no - 1];
    let seg = segments[no - 1];
    println!(
        "{doc_id}:{no}  bytes {}..{}{}",
        seg.start,
        seg.end,
        if seg.heading { "  (heading)" } else { "" }
    );
    println!(
        "  {}",
        texts[no - 1]
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!();
    for line in &trace {
        println!("  {line}");
    }
    println!();
    println!(
        "decision: actor {}, speaker {}, role {}, rule {} (confidence {:.2}){}",
        a.actor,
        if a.speaker.is_empty() {
            "-"
        } else {
            &a.speaker
        },
        if a.role.is_empty() { "-" } else { &a.role },
        a.rule.as_str(),
        a.confidence,
        if a.target.is_empty() {
            String::new()
        } else {
            format!(", target {}", a.target)
        }
    );
    Ok(())
}
