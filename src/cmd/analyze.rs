//! `stancecmp analyze`: read a corpus, run the pipeline, tally it and write the tables.
//!
//! The raw flags are resolved here into [`crate::tables::Settings`] (actor pairs checked against the
//! actor labels, the period parsed); the tally and the tables never see clap's types.

use anyhow::{bail, Result};

use crate::aggregate::Counter;
use crate::cli::AnalyzeArgs;
use crate::cmd::collect::{self, Collected};
use crate::cmd::corpus;
use crate::progress::Progress;
use crate::report;
use crate::spill::{self, Spill};
use crate::tables::{columns::Names, Period, Settings};
use crate::write::{OutputSet, Rows, RowsFile, MATCHES, STATEMENTS};

pub fn run(args: &AnalyzeArgs) -> Result<()> {
    let cfg = corpus::config(&args.corpus)?;
    let names = Names::new(&cfg);
    let settings = settings(args, &names)?;
    let mut docs = corpus::stream(&args.corpus)?;
    let pool = corpus::pool(&args.corpus)?;
    corpus::check_out(&args.corpus, &args.output.out)?;
    let mut out = open(args)?;
    let counter = Counter::new(
        &cfg,
        args.count.roles.as_deref(),
        args.count.bootstrap,
        args.count.seed,
    );
    let digest = report::digest(&cfg, &names, &settings, args.count.roles.as_deref());
    let mut collected = Collected::new(counter.tally(), digest);
    let mut spill = Spill::new(out.scratch("documents"), spill::RUN_RECORDS);
    let mut files = if args.tables_only {
        out.remove_stale(STATEMENTS.name);
        out.remove_stale(MATCHES.name);
        None
    } else {
        Some((
            RowsFile::statements(&mut out, &cfg)?,
            RowsFile::matches(&mut out, &cfg)?,
        ))
    };
    let formats = (
        Rows::for_output(&STATEMENTS, &out),
        Rows::for_output(&MATCHES, &out),
    );
    let rows = files.as_ref().map(|_| (&formats.0, &formats.1));
    let progress = Progress::documents("analysing", args.output.quiet);
    let write = |done: collect::Batch| {
        if let Some((statements, matches)) = files.as_mut() {
            for piece in &done.statements {
                statements.append(piece)?;
            }
            for piece in &done.matches {
                matches.append(piece)?;
            }
        }
        spill.extend(done.records)
    };
    collect::write_behind(write, |write| {
        collect::read_ahead(docs.by_ref(), |batch| {
            write(collected.run_batch(&pool, &cfg, &counter, rows, &batch)?)?;
            progress.inc(batch.len() as u64);
            Ok(())
        })
    })?;
    drop(progress);
    docs.finish()?;
    if let Some((statements, matches)) = files {
        statements.finish()?;
        matches.finish()?;
    }
    pool.install(|| collected.finish(args, &cfg, &names, &settings, out, spill))
}

/// The output set of a run: `--out`, with `--excel` and the formula guard as asked.
pub fn open(args: &AnalyzeArgs) -> Result<OutputSet> {
    let mut out = OutputSet::new(&args.output.out)?;
    out.set_excel(args.output.excel);
    out.set_formula_guard(!args.output.no_formula_guard);
    Ok(out)
}

/// Resolve the table options: pairs of known actor labels, the bootstrap, the period.
pub fn settings(args: &AnalyzeArgs, names: &Names) -> Result<Settings> {
    let pairs = if args.output.compare.is_empty() {
        let tracked: Vec<&String> = names
            .actors
            .iter()
            .filter(|a| !["joint", "other", "none"].contains(&a.as_str()))
            .collect();
        let mut v = Vec::new();
        for (i, a) in tracked.iter().enumerate() {
            for b in &tracked[i + 1..] {
                v.push((a.to_string(), b.to_string()));
            }
        }
        v
    } else {
        args.output
            .compare
            .iter()
            .map(|s| pair(s, &names.actors))
            .collect::<Result<_>>()?
    };
    let period = match args.output.period.as_str() {
        "day" => Period::Day,
        "year" => Period::Year,
        _ => Period::Month,
    };
    Ok(Settings {
        pairs,
        bootstrap: args.count.bootstrap,
        seed: args.count.seed,
        period,
        wide: args.output.wide,
    })
}

/// One `--compare A,B`: two different actor labels (matched without regard to case).
fn pair(value: &str, actors: &[String]) -> Result<(String, String)> {
    let known = actors.join(", ");
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    let [a, b] = parts.as_slice() else {
        bail!("--compare {value}: give two actors separated by a comma, e.g. --compare China,France (the actors are {known})");
    };
    let find = |x: &str| {
        actors
            .iter()
            .find(|l| l.eq_ignore_ascii_case(x))
            .cloned()
            .ok_or_else(|| {
                anyhow::anyhow!("--compare {value}: no actor `{x}`; the actors are {known}")
            })
    };
    let (a, b) = (find(a)?, find(b)?);
    if a == b {
        bail!("--compare {value}: give two different actors (the actors are {known})");
    }
    Ok((a, b))
}

#[cfg(test)]
mod tests {
    use super::pair;

    #[test]
    fn compare_pairs_are_checked_against_the_actor_labels() {
        let actors: Vec<String> = ["China", "France", "joint", "other", "none"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            pair("france, china", &actors).unwrap(),
            ("France".to_string(), "China".to_string())
        );
        assert_eq!(pair("China,joint", &actors).unwrap().1, "joint");
        let err = pair("China,Germany", &actors).unwrap_err().to_string();
        assert!(
            err.contains("no actor `Germany`; the actors are China, France, joint, other, none"),
            "{err}"
        );
        assert!(pair("China", &actors).is_err());
        assert!(pair("China,France,none", &actors).is_err());
        assert!(pair("China,china", &actors)
            .unwrap_err()
            .to_string()
            .contains("two different actors"));
    }
}
