//! The report: `report.html` and `report.md` with the charts in `charts/`, what a reader sees
//! first.
//!
//! Every number comes from the rows the tables module computes (`tables::summary::rows`,
//! `comparison::rows`, `timeline::rows`, `keyness::pair`), so the report and the CSV files can
//! never disagree; the statements quoted as evidence come from a [`Digest`] of the analysed
//! documents. The two pages are rendered from one [`Report`] by `html` and `markdown`; every
//! text that comes from a document or a data file is escaped there.
//!
//! Reproducible bytes: the pages hold no time, no absolute path and nothing about the machine,
//! only the command line as typed (program name `stancecmp`), the tool version and the data
//! files with their SHA-256, so regenerating a committed report gives the same files.

mod appendix;
mod charts;
mod content;
mod corpus;
mod digest;
mod doc;
pub mod findings;
pub mod html;
pub mod markdown;

use anyhow::Result;
use sha2::{Digest as _, Sha256};

use crate::aggregate::Tally;
use crate::chart::Size;
use crate::cli::AnalyzeArgs;
use crate::pipeline::Config;
use crate::progress::Progress;
use crate::tables::columns::Names;
use crate::tables::{comparison, keyness, summary, timeline, Period, Settings};
use crate::write::OutputSet;

pub use charts::{ChartRef, Charts};
pub use digest::{Digest, Quote, Span};

/// Statements quoted per actor × lexicon.
pub const QUOTES_PER_CELL: usize = 3;

/// What the report is made from: the run's settings, data, documents and tally.
pub struct Input<'a> {
    pub args: &'a AnalyzeArgs,
    pub cfg: &'a Config,
    pub names: &'a Names,
    pub settings: &'a Settings,
    /// The overview counts and evidence, gathered as the documents streamed by (see [`digest`]).
    pub digest: &'a Digest,
    pub tally: &'a Tally,
}

/// An empty digest for the report of `settings`: the caller adds each analysed document.
pub fn digest(
    cfg: &Config,
    names: &Names,
    settings: &Settings,
    roles: Option<&[String]>,
) -> Digest {
    Digest::new(
        cfg,
        &reported_actors(names, settings),
        roles,
        QUOTES_PER_CELL,
    )
}

/// An empty digest keeping evidence for every actor label (`stancecmp map`: the pairs a report
/// compares are chosen later, by `reduce`).
pub fn digest_all(cfg: &Config, names: &Names, roles: Option<&[String]>) -> Digest {
    Digest::new(cfg, &names.actors, roles, QUOTES_PER_CELL)
}

/// One compared pair with its rows.
#[derive(Debug, Clone)]
pub struct Pair {
    pub a: String,
    pub b: String,
    /// The `comparison.csv` rows of the pair, lexicons in table order.
    pub comparison: Vec<comparison::Row>,
    /// The `keyness.csv` rows of the pair.
    pub keyness: Vec<keyness::Row>,
}

/// The table rows the report draws on.
#[derive(Debug, Clone)]
pub struct Tables {
    pub summary: Vec<summary::Row>,
    pub pairs: Vec<Pair>,
    pub timeline: Vec<timeline::Row>,
    /// `day`, `month` or `year`.
    pub period_word: &'static str,
    pub documents: usize,
    pub dated: usize,
}

/// One data file in effect, for the reproducibility section.
#[derive(Debug, Clone)]
pub struct DataInfo {
    pub name: String,
    /// `embedded` or the path it was read from (as given, relative when typed so).
    pub source: String,
    /// The file's `version`, when it has one.
    pub version: String,
    /// Entries of a lexicon.
    pub entries: Option<usize>,
    /// For a lexicon: what it covers (its description up to the first colon).
    pub about: String,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
}

/// Everything the two pages show.
pub struct Report {
    pub version: &'static str,
    /// The command line as typed, program name `stancecmp`.
    pub command: String,
    /// The reported actors: those of the compared pairs, in table order.
    pub actors: Vec<String>,
    pub lexicons: Vec<String>,
    /// Every actor label, in table order.
    pub labels: Vec<String>,
    pub roles: Option<Vec<String>>,
    pub bootstrap: usize,
    pub seed: u64,
    pub digest: Digest,
    pub tables: Tables,
    /// None with `--no-charts`.
    pub charts: Option<Charts>,
    pub data: Vec<DataInfo>,
}

/// Draw the charts and write `report.html` and `report.md` into `out`.
pub fn write(out: &mut OutputSet, input: &Input) -> Result<()> {
    let args = input.args;
    let actors = reported_actors(input.names, input.settings);
    let pairs = distinct_pairs(input.settings);
    let n_charts = if args.output.no_charts {
        0
    } else {
        charts::count(pairs.len())
    };
    let progress = Progress::new("drawing charts", n_charts, args.output.quiet);
    let digest = input.digest.clone();
    let tables = tables(input, &pairs);
    mark_stale_charts(out, &args.output.out);
    let charts = if args.output.no_charts {
        None
    } else {
        progress.set_message("drawing charts");
        let size = Size {
            width: args.output.chart_width,
            height: args.output.chart_height,
        };
        Some(charts::draw(out, &tables, &actors, size, &progress)?)
    };
    let report = Report {
        version: env!("CARGO_PKG_VERSION"),
        command: command_line(std::env::args_os().skip(1)),
        actors,
        lexicons: input.names.lexicons.clone(),
        labels: input.names.actors.clone(),
        roles: args.count.roles.clone(),
        bootstrap: input.settings.bootstrap,
        seed: input.settings.seed,
        digest,
        tables,
        charts,
        data: data_files(input.cfg),
    };
    out.bytes("report.html", html::render(&report).as_bytes())?;
    out.bytes("report.md", markdown::render(&report).as_bytes())?;
    Ok(())
}

/// The actors of the compared pairs, in table order.
fn reported_actors(names: &Names, settings: &Settings) -> Vec<String> {
    names
        .actors
        .iter()
        .filter(|a| settings.pairs.iter().any(|(x, y)| x == *a || y == *a))
        .cloned()
        .collect()
}

/// The pairs, each once, in the order given.
fn distinct_pairs(settings: &Settings) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Vec::new();
    for p in &settings.pairs {
        if !v.contains(p) {
            v.push(p.clone());
        }
    }
    v
}

/// The table rows, computed by the tables module. The summary is computed without the
/// bootstrap: the report uses its counts and Wilson intervals, which do not depend on it, and the
/// bootstrap has already run once for `summary.csv`.
fn tables(input: &Input, pairs: &[(String, String)]) -> Tables {
    let (names, tally, settings) = (input.names, input.tally, input.settings);
    let no_bootstrap = Settings {
        bootstrap: 0,
        ..settings.clone()
    };
    let all = comparison::rows(names, tally, settings);
    let n = names.lexicons.len();
    let pairs = pairs
        .iter()
        .map(|(a, b)| {
            let at = settings
                .pairs
                .iter()
                .position(|p| (&p.0, &p.1) == (a, b))
                .expect("a pair of the settings");
            Pair {
                a: a.clone(),
                b: b.clone(),
                comparison: all[at * n..(at + 1) * n].to_vec(),
                keyness: keyness::pair(tally, a, b),
            }
        })
        .collect();
    Tables {
        summary: summary::rows(names, tally, &no_bootstrap),
        pairs,
        timeline: timeline::rows(names, tally, settings),
        period_word: match settings.period {
            Period::Day => "day",
            Period::Month => "month",
            Period::Year => "year",
        },
        documents: tally.documents as usize,
        dated: tally.dated as usize,
    }
}

/// Charts an earlier run left in `DIR/charts` are removed on commit unless this run redraws
/// them, so the folder never mixes runs (also with `--no-charts`).
fn mark_stale_charts(out: &mut OutputSet, dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir.join("charts")) else {
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".png") || n.ends_with(".svg"))
        .collect();
    names.sort();
    for n in names {
        out.remove_stale(&format!("charts/{n}"));
    }
}

/// The command line as a shell would take it back: `stancecmp` and the arguments as typed,
/// quoted where needed.
pub fn command_line(args: impl IntoIterator<Item = std::ffi::OsString>) -> String {
    let mut words = vec!["stancecmp".to_string()];
    for a in args {
        let a = a.to_string_lossy().into_owned();
        let plain = !a.is_empty()
            && a.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./:=,+@%".contains(c));
        words.push(if plain {
            a
        } else {
            format!("'{}'", a.replace('\'', r"'\''"))
        });
    }
    words.join(" ")
}

/// The data files in effect with their versions and hashes.
fn data_files(cfg: &Config) -> Vec<DataInfo> {
    cfg.files
        .iter()
        .map(|f| {
            let lex = cfg.lexicons.iter().find(|l| l.source == f.source);
            let version = match lex {
                Some(l) => l.version.clone(),
                None if f.name.ends_with(".toml") => toml::from_str::<toml::Table>(&f.text)
                    .ok()
                    .and_then(|t| t.get("version")?.as_str().map(str::to_string))
                    .unwrap_or_default(),
                None => String::new(),
            };
            let about = lex.map_or_else(
                || data_role(&f.name).to_string(),
                |l| {
                    let first = l.description.split(':').next().unwrap_or_default();
                    first.trim().trim_end_matches('.').to_string()
                },
            );
            let source = if f.source.starts_with("<embedded>") {
                "embedded".to_string()
            } else {
                f.source.clone()
            };
            DataInfo {
                name: f.name.clone(),
                source,
                version,
                entries: lex.map(|l| l.entries.len()),
                about,
                sha256: format!("{:x}", Sha256::digest(f.text.as_bytes())),
            }
        })
        .collect()
}

/// What a data file other than a lexicon is for.
fn data_role(name: &str) -> &'static str {
    match name {
        "actors.toml" => "The actor gazetteer: actors, persons, institutions and their names",
        "attribution.toml" => "Speech verbs and role words of the attribution rules",
        "stance.toml" => "Support and oppose cues, negators, intensifiers and hedges",
        "abbreviations.txt" => "Abbreviations that do not end a sentence",
        "stopwords.txt" => "Words that are not keyness terms",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::command_line;

    #[test]
    fn the_command_line_is_recorded_as_typed_and_quoted_for_a_shell() {
        let args = ["analyze", "my corpus", "--compare", "China,France", "it's"];
        assert_eq!(
            command_line(args.map(Into::into)),
            r"stancecmp analyze 'my corpus' --compare China,France 'it'\''s'"
        );
        assert_eq!(command_line([]), "stancecmp");
    }
}
