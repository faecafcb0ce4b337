//! The command line as typed: clap's view of the arguments, nothing more.
//!
//! Each subcommand's `run` (in `cmd/`) turns these raw flags into settings; the pipeline never
//! sees clap's types.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Compare the stated positions of actors (China, France, ...) in news and diplomatic text.
#[derive(Debug, Parser)]
#[command(name = "stancecmp", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split a corpus into statements, attribute and score them, and write the tables.
    ///
    /// With no INPUT, analyses the embedded seed corpus (five news articles on China and France).
    Analyze(AnalyzeArgs),
    /// Analyse a piece of a corpus (JSONL on standard input) and write its partial result on
    /// standard output, for `reduce` (Spark, Hadoop Streaming, GNU parallel).
    Map(MapArgs),
    /// Merge the partial results of `map` and write the tables, charts and report of the whole.
    Reduce(ReduceArgs),
    /// Show why one statement was attributed as it was: mentions, predicates and rules tried.
    Explain(crate::cmd::explain::ExplainArgs),
    /// Measure attribution and lexicon scoring against a hand-annotated gold file.
    Eval(crate::cmd::eval::EvalArgs),
    /// Import LIWC or quanteda dictionaries as lexicons; check lexicons for problems.
    Lexicon(crate::cmd::lexicon::LexiconArgs),
    /// Show every match of a pattern or a lexicon in its context, with the statement's actor.
    Kwic(crate::cmd::kwic::KwicArgs),
}

/// Options shared by every command that reads a corpus.
#[derive(Debug, Clone, Args)]
pub struct CorpusArgs {
    /// Folders of .txt files, .txt, .jsonl/.ndjson or .csv files, or - for JSONL on standard
    /// input. None: the embedded seed corpus.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Folder of data files (lexicons, actors.toml, ...) overriding the embedded ones by file
    /// name [default: ./lexicons when it exists].
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,

    /// Field (JSONL) or column (CSV) holding the document id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_column: String,

    /// Field (JSONL) or column (CSV) holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_column: String,

    /// Field (JSONL) or column (CSV) holding the date (YYYY-MM-DD).
    #[arg(long, value_name = "NAME", default_value = "date")]
    pub date_column: String,

    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Stop with an error at input that would otherwise be repaired or skipped with a warning:
    /// invalid UTF-8, binary or empty files, dates that do not parse.
    #[arg(long, conflicts_with = "skip_bad")]
    pub strict: bool,

    /// Skip malformed JSONL lines and CSV rows (broken JSON, a missing or non-string text, a
    /// ragged row) with a warning each, instead of stopping at the first.
    #[arg(long)]
    pub skip_bad: bool,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,

    #[command(flatten)]
    pub count: CountArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Write the tables, charts and report but not statements.csv and matches.csv (the two
    /// largest files): for the largest corpora.
    #[arg(long)]
    pub tables_only: bool,
}

/// What is counted: the options `analyze` and `map` share (every partial of a corpus must be
/// made with the same).
#[derive(Debug, Clone, Args)]
pub struct CountArgs {
    /// Count only statements by speakers in these roles in the summary tables
    /// (official, state_media, expert, other; comma-separated).
    #[arg(long, value_name = "ROLES", value_delimiter = ',', value_parser = ["official", "state_media", "expert", "other"])]
    pub roles: Option<Vec<String>>,

    /// Bootstrap replicates for the intervals of hits per 1,000 tokens and mean scores
    /// (0: leave those intervals empty).
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub bootstrap: usize,

    /// Seed of the bootstrap: the same seed gives the same intervals.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

/// What is written and how: the options `analyze` and `reduce` share.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output folder for the tables.
    #[arg(long, short, value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,

    /// Compare these two actors in comparison.csv and keyness.csv: any two actor labels (tracked
    /// actors, joint, other, none); repeat for more pairs [default: every pair of tracked actors].
    #[arg(long, value_name = "A,B")]
    pub compare: Vec<String>,

    /// Period of timeline.csv.
    #[arg(long, value_name = "PERIOD", default_value = "month", value_parser = ["day", "month", "year"])]
    pub period: String,

    /// Write for spreadsheets on Windows: a UTF-8 byte-order mark and CRLF line ends.
    #[arg(long)]
    pub excel: bool,

    /// Also write summary_wide.csv: one row per lexicon, actors side by side.
    #[arg(long)]
    pub wide: bool,

    /// Do not draw the charts (charts/*.png, charts/*.svg); the report is still written.
    #[arg(long)]
    pub no_charts: bool,

    /// Width of every chart, in pixels.
    #[arg(long, value_name = "PX", default_value_t = 1000, value_parser = clap::value_parser!(u32).range(320..=8000))]
    pub chart_width: u32,

    /// Height of every chart, in pixels.
    #[arg(long, value_name = "PX", default_value_t = 600, value_parser = clap::value_parser!(u32).range(200..=8000))]
    pub chart_height: u32,

    /// Print nothing but errors: no summary line, no progress bar.
    #[arg(long, short)]
    pub quiet: bool,

    /// Write text cells as they are, even those a spreadsheet would run as a formula (by
    /// default a cell starting with =, +, -, @ gets a leading ').
    #[arg(long)]
    pub no_formula_guard: bool,
}

/// `stancecmp map`.
#[derive(Debug, Args)]
#[command(mut_arg("inputs", |a| a.help(
    "A piece of a corpus: .jsonl/.ndjson or .csv files, folders of .txt files, or - for JSONL \
     on standard input. None: JSONL on standard input"
)))]
pub struct MapArgs {
    /// The corpus options; without INPUT, JSONL is read from standard input.
    #[command(flatten)]
    pub corpus: CorpusArgs,

    #[command(flatten)]
    pub count: CountArgs,

    /// Leave the statement and match rows out of the partial result (much smaller): `reduce`
    /// then writes every table but statements.csv and matches.csv.
    #[arg(long)]
    pub no_rows: bool,
}

/// `stancecmp reduce`.
#[derive(Debug, Args)]
pub struct ReduceArgs {
    /// Partial results of `map`: files, `-` for standard input, or folders (every file whose
    /// name does not start with `_` or `.`, in name order). Give them in corpus order.
    #[arg(value_name = "PARTIAL", required = true)]
    pub partials: Vec<String>,

    /// Folder of data files (the same as `map` used).
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,

    /// Worker threads.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    #[command(flatten)]
    pub output: OutputArgs,
}
