//! Writing the tables: spreadsheet-ready CSV files, put in place only when complete.
//!
//! Every file is written into a hidden temporary folder inside the output folder and renamed
//! into place after all of them were written and flushed, so a failed run never leaves a
//! half-written table next to the previous report. Numbers have a fixed number of decimals and a
//! missing value is an empty cell.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::aggregate::Tally;
use crate::model::Document;
use crate::pipeline::{Config, DocResult};
use crate::stance::Stance;

/// A set of output files that appear together or not at all.
pub struct OutputSet {
    dir: PathBuf,
    tmp: PathBuf,
    names: Vec<String>,
    committed: bool,
}

impl OutputSet {
    /// Prepare writing into `dir` (created when missing).
    pub fn new(dir: &Path) -> Result<OutputSet> {
        fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the output folder {}", dir.display()))?;
        let tmp = dir.join(format!(".stancecmp-tmp-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp).ok();
        }
        fs::create_dir(&tmp)
            .with_context(|| format!("cannot write in the output folder {}", dir.display()))?;
        Ok(OutputSet {
            dir: dir.to_path_buf(),
            tmp,
            names: Vec::new(),
            committed: false,
        })
    }

    /// A CSV writer for the file `name`.
    pub fn csv(&mut self, name: &str) -> Result<csv::Writer<BufWriter<fs::File>>> {
        let path = self.tmp.join(name);
        let file =
            fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        self.names.push(name.to_string());
        Ok(csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(BufWriter::new(file)))
    }

    /// Move every written file into place.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        let mut done = Vec::new();
        for name in &self.names {
            let to = self.dir.join(name);
            fs::rename(self.tmp.join(name), &to)
                .with_context(|| format!("cannot move {} into place", to.display()))?;
            done.push(to);
        }
        fs::remove_dir(&self.tmp).ok();
        self.committed = true;
        Ok(done)
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        if !self.committed {
            fs::remove_dir_all(&self.tmp).ok();
        }
    }
}

/// Finish a CSV writer, reporting write errors (such as a full disk) with the file name.
pub fn finish(w: csv::Writer<BufWriter<fs::File>>, name: &str) -> Result<()> {
    let mut inner = w
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write {name}: {}", e.error()))?;
    inner
        .flush()
        .with_context(|| format!("cannot write {name}"))?;
    inner
        .get_ref()
        .sync_all()
        .with_context(|| format!("cannot write {name}"))?;
    Ok(())
}

/// A number with `decimals` places; empty for None; never `-0`.
pub fn num(x: Option<f64>, decimals: usize) -> String {
    match x {
        Some(v) if v.is_finite() => {
            let s = format!("{v:.decimals$}");
            if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
                s[1..].to_string()
            } else {
                s
            }
        }
        _ => String::new(),
    }
}

/// Whitespace runs as single spaces, for the `text` column.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `statements.csv`: one row per statement.
pub fn statements(
    out: &mut OutputSet,
    cfg: &Config,
    docs: &[Document],
    results: &[DocResult],
) -> Result<()> {
    let name = "statements.csv";
    let mut w = out.csv(name)?;
    let mut header: Vec<String> = [
        "doc_id",
        "date",
        "sentence_no",
        "start_byte",
        "end_byte",
        "heading",
        "actor",
        "role",
        "speaker",
        "attribution",
        "confidence",
        "target",
        "tokens",
        "text",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for l in &cfg.lexicons {
        header.extend([
            format!("{}_hits", l.name),
            format!("{}_score", l.name),
            format!("{}_stance", l.name),
        ]);
    }
    w.write_record(&header)?;
    for (doc, r) in docs.iter().zip(results) {
        for s in &r.statements {
            let a = &s.attribution;
            let mut row = vec![
                doc.id.clone(),
                doc.date.clone().unwrap_or_default(),
                s.sentence_no.to_string(),
                s.segment.start.to_string(),
                s.segment.end.to_string(),
                s.segment.heading.to_string(),
                a.actor.clone(),
                a.role.clone(),
                a.speaker.clone(),
                a.rule.as_str().to_string(),
                num(Some(a.confidence), 2),
                a.target.clone(),
                s.tokens.to_string(),
                one_line(&doc.text[s.segment.start..s.segment.end]),
            ];
            for li in 0..cfg.lexicons.len() {
                let ms: Vec<_> = s.matches.iter().filter(|m| m.lexicon == li).collect();
                let score: f64 = ms.iter().map(|m| m.signed()).sum();
                let sup = ms.iter().any(|m| m.stance == Stance::Support);
                let opp = ms.iter().any(|m| m.stance == Stance::Oppose);
                let stance = match (ms.is_empty(), sup, opp) {
                    (true, _, _) => "",
                    (_, true, true) => "mixed",
                    (_, true, false) => "support",
                    (_, false, true) => "oppose",
                    _ => "mention",
                };
                row.extend([
                    ms.len().to_string(),
                    num(Some(score), 3),
                    stance.to_string(),
                ]);
            }
            w.write_record(&row)?;
        }
    }
    finish(w, name)
}

/// `matches.csv`: one row per lexicon match, with the evidence for its stance.
pub fn matches(
    out: &mut OutputSet,
    cfg: &Config,
    docs: &[Document],
    results: &[DocResult],
) -> Result<()> {
    let name = "matches.csv";
    let mut w = out.csv(name)?;
    w.write_record([
        "doc_id",
        "sentence_no",
        "lexicon",
        "entry",
        "matched_text",
        "start_byte",
        "end_byte",
        "negated",
        "weight",
        "stance",
        "cue",
        "negator",
    ])?;
    for (doc, r) in docs.iter().zip(results) {
        for s in &r.statements {
            for m in &s.matches {
                let lex = &cfg.lexicons[m.lexicon];
                w.write_record([
                    doc.id.as_str(),
                    &s.sentence_no.to_string(),
                    &lex.name,
                    &lex.entries[m.entry].display(),
                    &one_line(&doc.text[m.start..m.end]),
                    &m.start.to_string(),
                    &m.end.to_string(),
                    if m.negator.is_some() { "true" } else { "false" },
                    &num(Some(m.weight), 3),
                    m.stance.as_str(),
                    m.cue.as_deref().unwrap_or(""),
                    m.negator.as_deref().unwrap_or(""),
                ])?;
            }
        }
    }
    finish(w, name)
}

/// The actor labels of the tables, in table order: tracked actors, then joint, other, none.
pub fn actor_labels(cfg: &Config) -> Vec<String> {
    let mut v: Vec<String> = cfg
        .gazetteer
        .actors
        .iter()
        .filter(|a| a.track)
        .map(|a| a.name.clone())
        .collect();
    v.extend(["joint", "other", "none"].map(String::from));
    v
}

/// `summary.csv`: actor x lexicon.
pub fn summary(out: &mut OutputSet, cfg: &Config, tally: &Tally) -> Result<()> {
    let name = "summary.csv";
    let mut w = out.csv(name)?;
    w.write_record([
        "actor",
        "lexicon",
        "statements",
        "statements_with_hits",
        "hits",
        "score_sum",
        "share",
        "tokens",
        "hits_per_1k_tokens",
        "support",
        "oppose",
        "mention",
    ])?;
    for actor in actor_labels(cfg) {
        for (li, lex) in cfg.lexicons.iter().enumerate() {
            let c = tally.get(&actor, li);
            w.write_record([
                actor.as_str(),
                &lex.name,
                &c.statements.to_string(),
                &c.statements_with_hits.to_string(),
                &c.hits.to_string(),
                &num(Some(c.score_sum), 3),
                &num(c.share(), 4),
                &c.tokens.to_string(),
                &num(c.hits_per_1k(), 3),
                &c.support.to_string(),
                &c.oppose.to_string(),
                &c.mention.to_string(),
            ])?;
        }
    }
    finish(w, name)
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_are_fixed_and_never_negative_zero() {
        assert_eq!(num(Some(0.5), 3), "0.500");
        assert_eq!(num(Some(-0.0001), 3), "0.000");
        assert_eq!(num(Some(-1.25), 2), "-1.25");
        assert_eq!(num(None, 2), "");
        assert_eq!(num(Some(f64::NAN), 2), "");
    }
}
