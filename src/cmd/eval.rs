//! `stancecmp eval`: measure attribution and lexicon scoring against a hand-annotated gold file.
//!
//! The gold file is a CSV keyed by `doc_id,sentence_no` (with the statement `text` to detect a
//! changed split), holding `actor`, `role`, `speaker`, `target` and, per lexicon, the stance of
//! the statement toward it: `1` support, `-1` oppose, `0` present without stance, empty absent.
//! It prints accuracy, per-actor precision/recall/F1, a confusion matrix, theme F1 and stance
//! accuracy per lexicon, and writes the same as CSV.

use anyhow::{bail, Context, Result};
use clap::Args;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::cli::CorpusArgs;
use crate::cmd::corpus;
use crate::pipeline::{self, Statement};
use crate::stance::Stance;
use crate::write::{self, num, OutputSet};

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold CSV: doc_id, sentence_no, text, actor, role, speaker, target, and a column per lexicon.
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,

    #[command(flatten)]
    pub corpus: CorpusArgs,

    /// Write eval_*.csv tables into this folder.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// List every statement the rules got wrong.
    #[arg(long)]
    pub errors: bool,

    /// Negation scope to evaluate: 0 for the clause (what analyze uses), N for at most N words
    /// before the cue (VADER uses 3).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub negation_window: usize,
}

/// One gold row.
struct Gold {
    doc_id: String,
    sentence_no: usize,
    line: u64,
    text: String,
    actor: String,
    role: String,
    lexicons: BTreeMap<String, Option<i8>>,
}

/// Precision, recall and F1 from true positives, predicted and actual counts.
pub fn prf(tp: usize, predicted: usize, actual: usize) -> (Option<f64>, Option<f64>, Option<f64>) {
    let p = (predicted > 0).then(|| tp as f64 / predicted as f64);
    let r = (actual > 0).then(|| tp as f64 / actual as f64);
    let f = match (p, r) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    (p, r, f)
}

fn read_gold(path: &PathBuf, lexicons: &[String]) -> Result<Vec<Gold>> {
    let shown = path.display().to_string();
    let bytes =
        std::fs::read(path).with_context(|| format!("{shown}: cannot read the gold file"))?;
    // Headers are read by hand so that every record knows its byte position (hence its line).
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    let mut headers = csv::StringRecord::new();
    if !rdr
        .read_record(&mut headers)
        .with_context(|| format!("{shown}:1: malformed CSV header"))?
    {
        bail!("{shown}: the gold file is empty");
    }
    let col = |name: &str| headers.iter().position(|h| h == name);
    let need = |name: &str| {
        col(name).with_context(|| format!("{shown}:1: the gold file has no `{name}` column"))
    };
    let (di, si, ti, ai, ri) = (
        need("doc_id")?,
        need("sentence_no")?,
        need("text")?,
        need("actor")?,
        need("role")?,
    );
    let lex_cols: Vec<(String, usize)> = lexicons
        .iter()
        .filter_map(|l| col(l).map(|i| (l.clone(), i)))
        .collect();
    let mut out = Vec::new();
    // 1-based line of the record starting at `byte` (the reader stops before a CRLF's `\n`).
    let line_at = |byte: u64| {
        let mut b = (byte as usize).min(bytes.len());
        while b < bytes.len() && (bytes[b] == b'\r' || bytes[b] == b'\n') {
            b += 1;
        }
        1 + bytes[..b].iter().filter(|c| **c == b'\n').count() as u64
    };
    let mut rec = csv::StringRecord::new();
    loop {
        // The line the record starts on, for messages: where the reader stands before it.
        let line = line_at(rdr.position().byte());
        if !rdr
            .read_record(&mut rec)
            .with_context(|| format!("{shown}:{line}: malformed CSV"))?
        {
            break;
        }
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        let sentence_no = get(si).parse().with_context(|| {
            format!("{shown}:{line}: sentence_no `{}` is not a number", get(si))
        })?;
        let mut lex = BTreeMap::new();
        for (name, i) in &lex_cols {
            let v = get(*i);
            let label = match v.as_str() {
                "" => None,
                "1" | "+1" => Some(1),
                "-1" => Some(-1),
                "0" => Some(0),
                other => {
                    bail!("{shown}:{line}: `{name}` is `{other}`; use 1, -1, 0 or leave it empty")
                }
            };
            lex.insert(name.clone(), label);
        }
        out.push(Gold {
            doc_id: get(di),
            sentence_no,
            line,
            text: get(ti),
            actor: get(ai),
            role: get(ri),
            lexicons: lex,
        });
    }
    if out.is_empty() {
        bail!("{shown}: the gold file has no rows");
    }
    Ok(out)
}

/// The predicted stance label of a statement toward lexicon `li`: None when it has no match.
fn predicted_label(s: &Statement, li: usize) -> Option<i8> {
    let ms: Vec<_> = s.matches.iter().filter(|m| m.lexicon == li).collect();
    if ms.is_empty() {
        return None;
    }
    let score: f64 = ms.iter().map(|m| m.signed()).sum();
    let sup = ms.iter().any(|m| m.stance == Stance::Support);
    let opp = ms.iter().any(|m| m.stance == Stance::Oppose);
    Some(match (sup, opp) {
        (true, false) => 1,
        (false, true) => -1,
        (true, true) if score > 0.0 => 1,
        (true, true) if score < 0.0 => -1,
        _ => 0,
    })
}

pub fn run(args: &EvalArgs) -> Result<()> {
    let mut cfg = corpus::config(&args.corpus)?;
    cfg.cues.window = (args.negation_window > 0).then_some(args.negation_window);
    let docs = corpus::documents(&args.corpus)?;
    let pool = corpus::pool(&args.corpus)?;
    let results = pool.install(|| pipeline::analyze(&cfg, &docs));
    let lex_names: Vec<String> = cfg.lexicons.iter().map(|l| l.name.clone()).collect();
    let gold = read_gold(&args.gold, &lex_names)?;
    let mut index: HashMap<(&str, usize), &Statement> = HashMap::new();
    let mut texts: HashMap<(&str, usize), String> = HashMap::new();
    for (d, r) in docs.iter().zip(&results) {
        for s in &r.statements {
            index.insert((d.id.as_str(), s.sentence_no), s);
            texts.insert(
                (d.id.as_str(), s.sentence_no),
                d.text[s.segment.start..s.segment.end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    let shown = args.gold.display();
    let mut pairs: Vec<(&Gold, &Statement)> = Vec::new();
    for g in &gold {
        let key = (g.doc_id.as_str(), g.sentence_no);
        let Some(s) = index.get(&key) else {
            bail!(
                "{shown}:{}: no statement {}:{} in the corpus; is the gold file for these inputs?",
                g.line,
                g.doc_id,
                g.sentence_no
            );
        };
        let text = &texts[&key];
        if *text != g.text.split_whitespace().collect::<Vec<_>>().join(" ") {
            bail!("{shown}:{}: statement {}:{} reads\n  {text}\nbut the gold file has\n  {}\nthe splitter changed: update the gold file", g.line, g.doc_id, g.sentence_no, g.text);
        }
        pairs.push((g, s));
    }

    // Attribution.
    let labels: Vec<String> = write::actor_labels(&cfg);
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (g, s) in &pairs {
        *confusion
            .entry((g.actor.clone(), s.attribution.actor.clone()))
            .or_default() += 1;
    }
    let correct = pairs
        .iter()
        .filter(|(g, s)| g.actor == s.attribution.actor)
        .count();
    let accuracy = correct as f64 / pairs.len() as f64;
    let role_pairs: Vec<_> = pairs
        .iter()
        .filter(|(g, s)| g.actor != "none" && g.actor == s.attribution.actor)
        .collect();
    let role_ok = role_pairs
        .iter()
        .filter(|(g, s)| g.role == s.attribution.role)
        .count();
    let mut per_actor = Vec::new();
    for l in &labels {
        let tp = pairs
            .iter()
            .filter(|(g, s)| &g.actor == l && &s.attribution.actor == l)
            .count();
        let predicted = pairs
            .iter()
            .filter(|(_, s)| &s.attribution.actor == l)
            .count();
        let actual = pairs.iter().filter(|(g, _)| &g.actor == l).count();
        per_actor.push((l.clone(), tp, predicted, actual, prf(tp, predicted, actual)));
    }
    let tracked: Vec<_> = per_actor
        .iter()
        .filter(|a| {
            cfg.gazetteer
                .actors
                .iter()
                .any(|x| x.track && x.name == a.0)
        })
        .collect();
    let macro_f1 =
        tracked.iter().map(|a| a.4 .2.unwrap_or(0.0)).sum::<f64>() / tracked.len().max(1) as f64;

    println!("gold: {} ({} statements)", shown, pairs.len());
    println!(
        "attribution accuracy: {}  ({correct}/{})",
        num(Some(accuracy), 3),
        pairs.len()
    );
    println!(
        "macro-F1 over {}: {}",
        tracked
            .iter()
            .map(|a| a.0.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        num(Some(macro_f1), 3)
    );
    println!(
        "role accuracy (actor right): {}  ({role_ok}/{})",
        num(
            (!role_pairs.is_empty()).then(|| role_ok as f64 / role_pairs.len() as f64),
            3
        ),
        role_pairs.len()
    );
    println!(
        "\n{:<10} {:>9} {:>9} {:>9} {:>7} {:>7}",
        "actor", "precision", "recall", "f1", "gold", "pred"
    );
    for (l, _, p, a, (pr, rc, f)) in &per_actor {
        println!(
            "{l:<10} {:>9} {:>9} {:>9} {a:>7} {p:>7}",
            num(*pr, 3),
            num(*rc, 3),
            num(*f, 3)
        );
    }
    println!("\nconfusion (rows gold, columns predicted):");
    print!("{:<10}", "");
    for l in &labels {
        print!(" {l:>8}");
    }
    println!();
    for g in &labels {
        print!("{g:<10}");
        for p in &labels {
            print!(
                " {:>8}",
                confusion.get(&(g.clone(), p.clone())).copied().unwrap_or(0)
            );
        }
        println!();
    }

    // Lexicons.
    let mut lex_rows = Vec::new();
    for (li, name) in lex_names.iter().enumerate() {
        let labelled: Vec<_> = pairs
            .iter()
            .filter(|(g, _)| g.lexicons.contains_key(name))
            .collect();
        if labelled.is_empty() {
            continue;
        }
        let pred: Vec<(Option<i8>, Option<i8>)> = labelled
            .iter()
            .map(|(g, s)| (g.lexicons[name], predicted_label(s, li)))
            .collect();
        let tp = pred
            .iter()
            .filter(|(g, p)| g.is_some() && p.is_some())
            .count();
        let predicted = pred.iter().filter(|(_, p)| p.is_some()).count();
        let actual = pred.iter().filter(|(g, _)| g.is_some()).count();
        let stance_ok = pred.iter().filter(|(g, p)| g.is_some() && g == p).count();
        lex_rows.push((
            name.clone(),
            tp,
            predicted,
            actual,
            prf(tp, predicted, actual),
            stance_ok,
        ));
    }
    if !lex_rows.is_empty() {
        println!(
            "\n{:<20} {:>9} {:>9} {:>9} {:>7} {:>7} {:>9}",
            "lexicon", "precision", "recall", "f1", "gold", "pred", "stance"
        );
        for (name, tp, p, a, (pr, rc, f), ok) in &lex_rows {
            let st = (*tp > 0).then(|| *ok as f64 / *tp as f64);
            println!(
                "{name:<20} {:>9} {:>9} {:>9} {a:>7} {p:>7} {:>9}",
                num(*pr, 3),
                num(*rc, 3),
                num(*f, 3),
                num(st, 3)
            );
        }
        let (tp, p, a, ok) = lex_rows.iter().fold((0, 0, 0, 0), |acc, r| {
            (acc.0 + r.1, acc.1 + r.2, acc.2 + r.3, acc.3 + r.5)
        });
        let (_, _, f) = prf(tp, p, a);
        println!(
            "{:<20} {:>9} {:>9} {:>9} {a:>7} {p:>7} {:>9}",
            "all (micro)",
            "",
            "",
            num(f, 3),
            num((tp > 0).then(|| ok as f64 / tp as f64), 3)
        );
    }

    if args.errors {
        println!("\nerrors (gold -> predicted):");
        for (g, s) in pairs.iter().filter(|(g, s)| g.actor != s.attribution.actor) {
            println!(
                "  {}:{}  {} -> {} [{}]  {}",
                g.doc_id,
                g.sentence_no,
                g.actor,
                s.attribution.actor,
                s.attribution.rule.as_str(),
                g.text.chars().take(90).collect::<String>()
            );
        }
    }

    if args.errors {
        let label = |l: Option<i8>| l.map_or("-".to_string(), |v| v.to_string());
        for (li, name) in lex_names.iter().enumerate() {
            for (g, s) in &pairs {
                let Some(gl) = g.lexicons.get(name) else {
                    continue;
                };
                let pl = predicted_label(s, li);
                if *gl != pl {
                    let words: Vec<String> = s
                        .matches
                        .iter()
                        .filter(|m| m.lexicon == li)
                        .map(|m| {
                            format!(
                                "{}:{}",
                                cfg.lexicons[li].entries[m.entry].display(),
                                m.stance.as_str()
                            )
                        })
                        .collect();
                    println!(
                        "  {name} {}:{}  gold {} pred {} [{}]  {}",
                        g.doc_id,
                        g.sentence_no,
                        label(*gl),
                        label(pl),
                        words.join(", "),
                        g.text.chars().take(80).collect::<String>()
                    );
                }
            }
        }
    }

    if let Some(dir) = &args.out {
        let mut out = OutputSet::new(dir)?;
        let name = "eval_actors.csv";
        let mut w = out.csv(name)?;
        w.write_record([
            "actor",
            "gold",
            "predicted",
            "true_positives",
            "precision",
            "recall",
            "f1",
        ])?;
        for (l, tp, p, a, (pr, rc, f)) in &per_actor {
            w.write_record([
                l.as_str(),
                &a.to_string(),
                &p.to_string(),
                &tp.to_string(),
                &num(*pr, 4),
                &num(*rc, 4),
                &num(*f, 4),
            ])?;
        }
        w.write_record([
            "accuracy",
            &pairs.len().to_string(),
            "",
            &correct.to_string(),
            "",
            "",
            &num(Some(accuracy), 4),
        ])?;
        w.write_record([
            "macro_f1_tracked",
            "",
            "",
            "",
            "",
            "",
            &num(Some(macro_f1), 4),
        ])?;
        write::finish(w, name)?;
        let name = "eval_confusion.csv";
        let mut w = out.csv(name)?;
        w.write_record(["gold", "predicted", "statements"])?;
        for ((g, p), n) in &confusion {
            w.write_record([g.as_str(), p.as_str(), &n.to_string()])?;
        }
        write::finish(w, name)?;
        let name = "eval_lexicons.csv";
        let mut w = out.csv(name)?;
        w.write_record([
            "lexicon",
            "gold",
            "predicted",
            "true_positives",
            "precision",
            "recall",
            "f1",
            "stance_correct",
            "stance_accuracy",
        ])?;
        for (n, tp, p, a, (pr, rc, f), ok) in &lex_rows {
            let st = (*tp > 0).then(|| *ok as f64 / *tp as f64);
            w.write_record([
                n.as_str(),
                &a.to_string(),
                &p.to_string(),
                &tp.to_string(),
                &num(*pr, 4),
                &num(*rc, 4),
                &num(*f, 4),
                &ok.to_string(),
                &num(st, 4),
            ])?;
        }
        write::finish(w, name)?;
        out.commit()?;
    }
    Ok(())
}
