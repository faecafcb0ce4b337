//! `stancecmp map`: analyse a piece of a corpus and write its partial result on standard output
//! (see [`crate::partial`]), for `stancecmp reduce` to merge.
//!
//! The same reading, pipeline and counting as `analyze`, batch by batch: memory holds one batch.
//! Evidence is kept for every actor label, since the pairs a report compares are chosen by
//! `reduce`.

use std::io::{BufRead, BufWriter, Write};

use anyhow::{Context, Result};

use crate::aggregate::Counter;
use crate::cli::MapArgs;
use crate::cmd::collect::{Collected, BATCH};
use crate::cmd::corpus;
use crate::model::Document;
use crate::partial::{self, End, Header, Line};
use crate::pipeline;
use crate::report;
use crate::tables::columns::Names;
use crate::write::Rows;

pub fn run(args: &MapArgs) -> Result<()> {
    let mut corpus_args = args.corpus.clone();
    if corpus_args.inputs.is_empty() {
        corpus_args.inputs.push("-".to_string());
    }
    let cfg = corpus::config(&corpus_args)?;
    let names = Names::new(&cfg);
    let pool = corpus::pool(&corpus_args)?;
    // An empty piece (an empty Spark partition) is no documents, not an empty-file warning.
    let empty = corpus_args.inputs == ["-"] && std::io::stdin().lock().fill_buf()?.is_empty();
    let mut docs = corpus::stream(&corpus_args)?;
    let roles = args.roles.as_deref();
    let counter = Counter::new(&cfg, roles, args.bootstrap, args.seed);
    let mut collected = Collected::new(counter.tally(), report::digest_all(&cfg, &names, roles));
    let stdout = std::io::stdout();
    let mut w = BufWriter::with_capacity(1 << 20, stdout.lock());
    let header = Header {
        stancecmp_partial: partial::FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        data: partial::data_fingerprint(&cfg),
        actors: counter.tally().actors,
        lexicons: names.lexicons.clone(),
        roles: args.roles.clone(),
        bootstrap: args.bootstrap,
        seed: args.seed,
        rows: !args.no_rows,
    };
    partial::write_line(&mut w, &header).context("cannot write the partial result")?;
    let mut statements = Rows::statements_text();
    let mut matches = Rows::matches_text();
    loop {
        let batch: Vec<Document> = if empty {
            Vec::new()
        } else {
            docs.by_ref().take(BATCH).collect::<Result<_>>()?
        };
        if batch.is_empty() {
            break;
        }
        let results = pool.install(|| pipeline::analyze(&cfg, &batch));
        if !args.no_rows {
            for (doc, r) in batch.iter().zip(&results) {
                statements.add_statements(&cfg, doc, r)?;
                matches.add_matches(&cfg, doc, r)?;
            }
            partial::write_line(&mut w, &Line::Statements(statements.take_text()?))?;
            partial::write_line(&mut w, &Line::Matches(matches.take_text()?))?;
        }
        let records = collected.batch(&pool, &cfg, &counter, &batch, &results);
        partial::write_line(&mut w, &Line::Documents(records))?;
    }
    docs.finish_piece();
    let end = End {
        documents: collected.documents,
        statements: collected.statements,
        input_problems: corpus::input_problems(),
    };
    partial::write_line(&mut w, &Line::Digest(Box::new(collected.digest)))?;
    partial::write_line(&mut w, &Line::Tally(Box::new(collected.tally)))?;
    partial::write_line(&mut w, &Line::End(end))?;
    w.flush().context("cannot write the partial result")?;
    Ok(())
}
