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
use crate::cmd::collect::{self, Collected};
use crate::cmd::corpus;
use crate::partial::{self, End, Header, Line};
use crate::report;
use crate::tables::columns::Names;
use crate::write::{Rows, MATCHES, STATEMENTS};

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
    let roles = args.count.roles.as_deref();
    let counter = Counter::new(&cfg, roles, args.count.bootstrap, args.count.seed);
    let mut collected = Collected::new(counter.tally(), report::digest_all(&cfg, &names, roles));
    let stdout = std::io::stdout();
    let mut w = BufWriter::with_capacity(1 << 20, stdout);
    let header = Header {
        stancecmp_partial: partial::FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        data: partial::data_fingerprint(&cfg),
        actors: counter.tally().actors,
        lexicons: names.lexicons.clone(),
        roles: args.count.roles.clone(),
        bootstrap: args.count.bootstrap,
        seed: args.count.seed,
        rows: !args.no_rows,
    };
    partial::write_line(&mut w, &header).context("cannot write the partial result")?;
    let formats = (Rows::text(&STATEMENTS), Rows::text(&MATCHES));
    let rows = (!args.no_rows).then_some((&formats.0, &formats.1));
    if !empty {
        let with_rows = rows.is_some();
        let write = |done: collect::Batch| {
            if with_rows {
                let text = |b: Vec<Vec<u8>>| String::from_utf8(b.concat()).expect("rows are UTF-8");
                partial::write_line(&mut w, &Line::Statements(text(done.statements)))?;
                partial::write_line(&mut w, &Line::Matches(text(done.matches)))?;
            }
            partial::write_line(&mut w, &Line::Documents(done.records))
        };
        collect::write_behind(write, |write| {
            collect::read_ahead(docs.by_ref(), |batch| {
                write(collected.run_batch(&pool, &cfg, &counter, rows, &batch)?)
            })
        })?;
    }
    docs.finish_piece();
    let end = End {
        documents: collected.digest.documents,
        statements: collected.digest.statements,
        input_problems: corpus::input_problems(),
    };
    let (digest, tally) = collected.into_counts();
    partial::write_line(&mut w, &Line::Digest(Box::new(digest)))?;
    partial::write_line(&mut w, &Line::Tally(Box::new(tally)))?;
    partial::write_line(&mut w, &Line::End(end))?;
    w.flush().context("cannot write the partial result")?;
    Ok(())
}
