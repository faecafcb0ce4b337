//! `stancecmp lexicon import` and `stancecmp lexicon check`: bring dictionaries made for other
//! tools into the `.lex` format, and find what is wrong with a set of lexicons before it skews a
//! report.
//!
//! ```text
//! stancecmp lexicon import FILE --out DIR [--name-prefix P] [--format dic|yaml|json] [--force]
//! stancecmp lexicon check [DIR] [INPUT ...] [--csv]
//! ```
//!
//! `import` writes one `NAME.lex` per category of a LIWC `.dic` file or of a quanteda-style YAML or
//! JSON dictionary, and lists every entry it had to skip with its line and column. `check` reports
//! malformed lines, duplicate entries (also across lexicons), entries shadowed by a glob of their
//! own lexicon, and entries that never match the corpus; it exits 1 when a file is malformed.

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, Subcommand};
use std::fs;
use std::io::Write;
use std::path::PathBuf;

use crate::cli::CorpusArgs;
use crate::cmd::corpus;
use crate::data::DataFile;
use crate::import::{self, Format};
use crate::lexcheck;
use crate::lexicon;

#[derive(Debug, Args)]
pub struct LexiconArgs {
    #[command(subcommand)]
    pub command: LexiconCommand,
}

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Turn a LIWC .dic or a quanteda-style YAML/JSON dictionary into .lex files, one per
    /// category.
    ///
    /// Entries the .lex format cannot hold (`?` wildcards, a `*` that is not at the end, regular
    /// expressions, one-letter words) are skipped and listed with their line and column.
    Import(ImportArgs),
    /// Report malformed lines, duplicate entries, entries shadowed by a glob, and entries that
    /// never match the corpus. Exits 1 when a file is malformed, 0 for warnings only.
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The dictionary: FILE.dic (LIWC), FILE.yaml / FILE.yml or FILE.json (a mapping from
    /// category names to lists of entries; nested categories are joined with `_`).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Folder to write the .lex files into (created when missing).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,

    /// Start every lexicon name with this (`liwc` makes `liwc_posemo`).
    #[arg(long, value_name = "P")]
    pub name_prefix: Option<String>,

    /// Read FILE as this format, whatever its extension.
    #[arg(long, value_name = "FORMAT", value_parser = ["dic", "yaml", "json"])]
    pub format: Option<String>,

    /// Replace .lex files that already exist in DIR.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Folder of data files, used like `analyze --lexicons DIR` (its files replace the embedded
    /// ones by name) [default: ./lexicons when it exists, else the embedded data]. With
    /// --lexicons, every positional argument is an INPUT.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Print the findings as CSV: kind,lexicon,entry,file,line,detail.
    #[arg(long)]
    pub csv: bool,

    #[command(flatten)]
    pub corpus: CorpusArgs,
}

pub fn run(args: &LexiconArgs) -> Result<()> {
    match &args.command {
        LexiconCommand::Import(a) => import(a),
        LexiconCommand::Check(a) => check(a),
    }
}

fn import(args: &ImportArgs) -> Result<()> {
    let shown = args.file.display().to_string();
    let file_name = args
        .file
        .file_name()
        .map_or(shown.clone(), |n| n.to_string_lossy().into_owned());
    let format = match args.format.as_deref() {
        Some("dic") => Format::Liwc,
        Some("yaml") => Format::Yaml,
        Some("json") => Format::Json,
        _ => Format::from_name(&file_name).with_context(|| {
            format!("{shown}: cannot tell the format from the file name; name it .dic, .yaml, .yml or .json, or give --format")
        })?,
    };
    let bytes = fs::read(&args.file).with_context(|| format!("{shown}: cannot read"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow!("{shown}: not UTF-8 (first bad byte at offset {at}); save the file as UTF-8")
    })?;
    let prefix = match args.name_prefix.as_deref() {
        None | Some("") => String::new(),
        Some(p)
            if p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') =>
        {
            format!("{}_", p.trim_end_matches('_'))
        }
        Some(p) => bail!("--name-prefix `{p}`: use lower-case ASCII letters, digits and `_`"),
    };
    let dict = import::parse(format, &shown, &text)?;
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for n in dict.skipped.iter().chain(&dict.notes) {
        let at = match (n.line, n.column) {
            (0, _) => String::new(),
            (l, 0) => format!("{l}:"),
            (l, c) => format!("{l}:{c}:"),
        };
        writeln!(err, "stancecmp: {shown}:{at} {}", n.message)?;
    }
    if dict.categories.is_empty() {
        bail!("{shown}: no category has an entry the .lex format can hold; nothing written");
    }
    let mut files = Vec::new();
    for c in &dict.categories {
        let name = format!("{prefix}{}", c.name);
        let path = args.out.join(format!("{name}.lex"));
        let text = c.to_lex(&name, &file_name, format);
        // Every file written must load: check it with the real parser first.
        let data = DataFile {
            name: format!("{name}.lex"),
            source: path.display().to_string(),
            text,
        };
        lexicon::parse(&data).map_err(|e| anyhow!("cannot import category {}: {e}", c.label))?;
        files.push((path, data.text, c));
    }
    let existing: Vec<String> = files
        .iter()
        .filter(|(p, _, _)| p.exists())
        .map(|(p, _, _)| p.display().to_string())
        .collect();
    if !existing.is_empty() && !args.force {
        bail!(
            "{} already exist{}; give --force to replace {}",
            existing.join(", "),
            if existing.len() == 1 { "s" } else { "" },
            if existing.len() == 1 { "it" } else { "them" }
        );
    }
    fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut out = std::io::stdout().lock();
    let mut n_entries = 0;
    let path_w = files
        .iter()
        .map(|(p, _, _)| p.display().to_string().chars().count());
    let path_w = path_w.max().unwrap_or(0);
    for (path, text, c) in &files {
        fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
        n_entries += c.entries.len();
        let entries = count(c.entries.len(), "entry", "entries");
        let shown = path.display().to_string();
        writeln!(out, "{shown:<path_w$}  {entries:>11}  category {}", c.label)?;
    }
    out.flush()?;
    writeln!(
        err,
        "stancecmp: wrote {} with {} from {shown} ({}) into {}; skipped {} the .lex format cannot hold{}",
        count(files.len(), "lexicon", "lexicons"),
        count(n_entries, "entry", "entries"),
        format.label(),
        args.out.display(),
        count(dict.skipped.len(), "entry", "entries"),
        if dict.skipped.is_empty() { "" } else { " (listed above)" },
    )?;
    Ok(())
}

fn check(args: &CheckArgs) -> Result<()> {
    let mut corpus_args = args.corpus.clone();
    if let Some(dir) = &args.dir {
        if corpus_args.lexicons.is_some() {
            corpus_args.inputs.insert(0, dir.display().to_string());
        } else {
            corpus_args.lexicons = Some(dir.clone());
        }
    }
    if let Some(d) = &corpus_args.lexicons {
        if !d.is_dir() {
            bail!("{}: no such folder", d.display());
        }
    }
    let dir = corpus::lexicon_dir(&corpus_args);
    let files = crate::data::load(dir.as_deref())?;
    let docs = corpus::documents(&corpus_args)?;
    let pool = corpus::pool(&corpus_args)?;
    let report = pool.install(|| lexcheck::check(&files, &docs))?;
    let mut out = std::io::stdout().lock();
    if args.csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["kind", "lexicon", "entry", "file", "line", "detail"])?;
        for f in &report.findings {
            let detail = match f.column {
                0 => f.detail.clone(),
                c => format!("column {c}: {}", f.detail),
            };
            let line = if f.line == 0 {
                String::new()
            } else {
                f.line.to_string()
            };
            w.write_record([
                f.kind.as_str(),
                &f.lexicon,
                &f.entry,
                &f.file,
                &line,
                &detail,
            ])?;
        }
        out.write_all(&w.into_inner().map_err(|e| anyhow!("{}", e.error()))?)?;
        out.flush()?;
        eprintln!("stancecmp: {}", report.summary());
    } else {
        for kind in lexcheck::Kind::ALL {
            let found: Vec<_> = report.findings.iter().filter(|f| f.kind == kind).collect();
            writeln!(out, "{}: {}", kind.heading(), found.len())?;
            for f in found {
                writeln!(out, "  {}", f.plain())?;
            }
        }
        writeln!(out, "{}", report.summary())?;
        out.flush()?;
    }
    let bad = report.count(lexcheck::Kind::Malformed);
    if bad > 0 {
        bail!(
            "{bad} malformed line{} in the lexicons: fix {} (see above)",
            if bad == 1 { "" } else { "s" },
            if bad == 1 { "it" } else { "them" }
        );
    }
    Ok(())
}

/// `1 entry`, `2 entries`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
