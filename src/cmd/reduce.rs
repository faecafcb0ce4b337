//! `stancecmp reduce`: merge the partial results of `stancecmp map` and write the same tables,
//! charts and report as `analyze` would on the whole corpus.
//!
//! Partials are read one after the other, line by line: statement and match rows are copied to
//! their CSVs (in the order of the partials, which is the corpus order when the partials are
//! the corpus's pieces in order), per-document records go to the on-disk sort, digests and
//! tallies are merged exactly. Partials made with other data files or settings are refused.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::aggregate::Tally;
use crate::cli::{AnalyzeArgs, CorpusArgs, CountArgs, ReduceArgs};
use crate::cmd::analyze;
use crate::cmd::collect::Collected;
use crate::cmd::corpus;
use crate::partial::{self, Header, Line, Reader};
use crate::progress::Progress;
use crate::report;
use crate::spill::{self, Spill};
use crate::tables::columns::Names;
use crate::write::{Rows, RowsFile, MATCHES, STATEMENTS};

pub fn run(args: &ReduceArgs) -> Result<()> {
    let files = partial_files(&args.partials)?;
    // The first partial's reader is kept for the merge: `-` (standard input) can be read once.
    let mut first = Some(open(&files[0])?);
    let header = first.as_ref().expect("just opened").header.clone();
    let analyze_args = as_analyze(args, &header);
    let cfg = corpus::config(&analyze_args.corpus)?;
    if partial::data_fingerprint(&cfg) != header.data {
        bail!(
            "{}: the partial results were made with other data files (lexicons, gazetteer, cues, \
             abbreviations or stopwords) than this reduce uses{}; give reduce the same \
             --lexicons as map",
            files[0].display(),
            match &args.lexicons {
                Some(dir) => format!(" ({})", dir.display()),
                None => " (the embedded defaults, or ./lexicons when it exists)".to_string(),
            }
        );
    }
    let names = Names::new(&cfg);
    let settings = analyze::settings(&analyze_args, &names)?;
    corpus::check_out(&analyze_args.corpus, &args.output.out)?;
    let pool = corpus::pool(&analyze_args.corpus)?;
    let mut out = analyze::open(&analyze_args)?;
    let tally = Tally::new(
        header.actors.clone(),
        header.lexicons.clone(),
        header.bootstrap,
        header.seed,
    );
    let digest = report::digest_all(&cfg, &names, header.roles.as_deref());
    let mut collected = Collected::new(tally, digest);
    let mut spill = Spill::new(out.scratch("documents"), spill::RUN_RECORDS);
    let mut rows = if header.rows {
        Some((
            RowsFile::statements(&mut out, &cfg)?,
            Rows::for_output(&STATEMENTS, &out),
            RowsFile::matches(&mut out, &cfg)?,
            Rows::for_output(&MATCHES, &out),
        ))
    } else {
        out.remove_stale(STATEMENTS.name);
        out.remove_stale(MATCHES.name);
        None
    };
    let progress = Progress::new("merging", files.len() as u64, args.output.quiet);
    for path in &files {
        let mut r = match first.take() {
            Some(r) => r,
            None => open(path)?,
        };
        let mut documents = 0;
        if let Some(why) = header.mismatch(&r.header) {
            bail!(
                "{}: cannot merge this partial result with {}: {why}; make every partial with the \
                 same stancecmp, data files and map options",
                path.display(),
                files[0].display()
            );
        }
        while let Some(line) = r.next_line()? {
            match line {
                Line::Statements(text) => match rows.as_mut() {
                    Some((file, fmt, _, _)) => {
                        fmt.append_csv(&text)?;
                        file.append(&fmt.take())?;
                    }
                    None => bail!("{}: rows in a partial without rows", r.position()),
                },
                Line::Matches(text) => match rows.as_mut() {
                    Some((_, _, file, fmt)) => {
                        fmt.append_csv(&text)?;
                        file.append(&fmt.take())?;
                    }
                    None => bail!("{}: rows in a partial without rows", r.position()),
                },
                Line::Documents(records) => {
                    documents += records.len() as u64;
                    spill.extend(records)?;
                }
                Line::Digest(d) => collected.digest.merge(*d),
                Line::Tally(t) => collected.add_tally(*t).with_context(|| r.position())?,
                Line::End(end) => {
                    if end.documents != documents {
                        bail!(
                            "{}: the partial result says it holds {} documents but has the \
                             records of {documents}: it is damaged; run `map` on that piece again",
                            r.position(),
                            end.documents
                        );
                    }
                    if end.input_problems {
                        eprintln!(
                            "stancecmp: warning: {}: map skipped or repaired some input (see its \
                             standard error); the exit code will be 3",
                            path.display()
                        );
                        corpus::flag_input_problems();
                    }
                }
            }
        }
        progress.inc(1);
    }
    drop(progress);
    if let Some((statements, _, matches, _)) = rows {
        statements.finish()?;
        matches.finish()?;
    }
    pool.install(|| collected.finish(&analyze_args, &cfg, &names, &settings, out, spill))
}

/// The partial files named: files as given, `-` for standard input, and for a folder every file
/// in it whose name does not start with `_` or `.` (Spark's `_SUCCESS`, `.crc` files), in name
/// order.
fn partial_files(given: &[String]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for g in given {
        let p = PathBuf::from(g);
        if g == "-" || p.is_file() {
            files.push(p);
        } else if p.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(&p)
                .with_context(|| format!("cannot read the folder {g}"))?
                .filter_map(|e| e.ok())
                .filter(|e| {
                    let n = e.file_name();
                    let n = n.to_string_lossy();
                    !n.starts_with('_') && !n.starts_with('.')
                })
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            inside.sort();
            if inside.is_empty() {
                bail!("{g}: the folder holds no partial results (files made by `stancecmp map`)");
            }
            files.extend(inside);
        } else {
            bail!("{g}: no such file or folder; give the partial results of `stancecmp map`");
        }
    }
    Ok(files)
}

/// A reader of one partial (`-`: standard input).
fn open(path: &Path) -> Result<Reader<Box<dyn BufRead>>> {
    let name = path.display().to_string();
    let input: Box<dyn BufRead> = if name == "-" {
        Box::new(BufReader::with_capacity(1 << 20, std::io::stdin()))
    } else {
        let f = File::open(path).with_context(|| format!("cannot open {name}"))?;
        Box::new(BufReader::with_capacity(1 << 20, f))
    };
    Reader::new(input, &name)
}

/// The `analyze` options of the report: reduce's own, and the counting options of the partials.
fn as_analyze(args: &ReduceArgs, header: &Header) -> AnalyzeArgs {
    AnalyzeArgs {
        corpus: CorpusArgs {
            inputs: args.partials.clone(),
            lexicons: args.lexicons.clone(),
            id_column: "id".to_string(),
            text_column: "text".to_string(),
            date_column: "date".to_string(),
            threads: args.threads,
            strict: false,
            skip_bad: false,
        },
        count: CountArgs {
            roles: header.roles.clone(),
            bootstrap: header.bootstrap,
            seed: header.seed,
        },
        output: args.output.clone(),
        tables_only: !header.rows,
    }
}
