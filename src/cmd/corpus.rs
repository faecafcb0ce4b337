//! Resolving the corpus options shared by the subcommands: data files, inputs and threads.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

use crate::cli::CorpusArgs;
use crate::data::SEEDS;
use crate::model::Document;
use crate::pipeline::Config;
use crate::read::{document_from_text, read_inputs, Input, ReadOptions};

/// The data folder in effect: `--lexicons`, else `./lexicons` when it exists.
pub fn lexicon_dir(args: &CorpusArgs) -> Option<PathBuf> {
    args.lexicons.clone().or_else(|| {
        let here = Path::new("lexicons");
        here.is_dir().then(|| here.to_path_buf())
    })
}

/// Load and compile the data files.
pub fn config(args: &CorpusArgs) -> Result<Config> {
    let dir = lexicon_dir(args);
    if let Some(d) = &args.lexicons {
        if !d.is_dir() {
            bail!("--lexicons {}: no such folder", d.display());
        }
    }
    Config::load(dir.as_deref()).map_err(|e| {
        anyhow::anyhow!(
            "{e}\n  (fix the data file, or remove it from the folder to use the embedded default)"
        )
    })
}

/// The inputs as typed (`-` is standard input).
pub fn inputs(args: &CorpusArgs) -> Vec<Input> {
    args.inputs
        .iter()
        .map(|s| {
            if s == "-" {
                Input::Stdin
            } else {
                Input::Path(PathBuf::from(s))
            }
        })
        .collect()
}

/// Read the corpus: the inputs, or the embedded seeds when there are none.
pub fn documents(args: &CorpusArgs) -> Result<Vec<Document>> {
    let docs = if args.inputs.is_empty() {
        SEEDS
            .iter()
            .map(|(name, text)| {
                let stem = name.trim_end_matches(".txt");
                document_from_text(
                    stem,
                    &format!("<embedded>/seeds/{name}"),
                    text.to_string(),
                    None,
                )
            })
            .collect()
    } else {
        let opts = ReadOptions {
            id_column: args.id_column.clone(),
            text_column: args.text_column.clone(),
            date_column: args.date_column.clone(),
        };
        read_inputs(&inputs(args), &opts)?
    };
    if docs.is_empty() {
        bail!("the corpus is empty: no documents were read; give a folder of .txt files, a .jsonl or a .csv file");
    }
    if docs
        .iter()
        .all(|d| d.text[d.body_start..].trim().is_empty())
    {
        bail!(
            "the corpus is empty: all {} documents have no text",
            docs.len()
        );
    }
    Ok(docs)
}

/// A rayon pool with `--threads` workers (default: one per core).
pub fn pool(args: &CorpusArgs) -> Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        if n == 0 {
            bail!("--threads must be at least 1");
        }
        b = b.num_threads(n);
    }
    b.build().context("cannot start the worker threads")
}
