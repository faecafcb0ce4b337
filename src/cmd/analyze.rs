//! `stancecmp analyze`: read a corpus, run the pipeline and write the tables.

use anyhow::{bail, Result};

use crate::aggregate::Tally;
use crate::cli::AnalyzeArgs;
use crate::cmd::corpus;
use crate::pipeline;
use crate::write::{self, OutputSet};

pub fn run(args: &AnalyzeArgs) -> Result<()> {
    let cfg = corpus::config(&args.corpus)?;
    let docs = corpus::documents(&args.corpus)?;
    let pool = corpus::pool(&args.corpus)?;
    let results = pool.install(|| pipeline::analyze(&cfg, &docs));
    let n_statements: usize = results.iter().map(|r| r.statements.len()).sum();
    if n_statements == 0 {
        bail!(
            "the corpus has no statements: all {} documents are blank",
            docs.len()
        );
    }
    let tally = Tally::from_results(&results, cfg.lexicons.len(), args.roles.as_deref());
    let mut out = OutputSet::new(&args.out)?;
    write::statements(&mut out, &cfg, &docs, &results)?;
    write::matches(&mut out, &cfg, &docs, &results)?;
    write::summary(&mut out, &cfg, &tally)?;
    let written = out.commit()?;
    if !args.quiet {
        let n_matches: usize = results
            .iter()
            .flat_map(|r| &r.statements)
            .map(|s| s.matches.len())
            .sum();
        eprintln!(
            "stancecmp: {} documents, {} statements, {} lexicon matches; wrote {}",
            docs.len(),
            n_statements,
            n_matches,
            written
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(())
}
