//! A deterministic corpus generator for benchmarks: recombines and varies the sentences of the
//! seed articles into realistic articles of any total size.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --mb 100 --seed 42 --format jsonl --out /tmp/c100.jsonl
//! cargo run --release --example gen_corpus -- --mb 10 --format dir --out /tmp/c10
//! ```
//!
//! Each article takes 6 to 30 statements drawn from the seeds (so quotes, headings, experts,
//! joint statements and narration keep their proportions), swaps names for others of the same
//! kind (officials, experts, capitals), shifts dates, and negates some speech verbs ("said" ->
//! "did not say", "called for" -> "did not call for"), so attribution and stance do real work.
//! The same `--seed` and `--mb` give the same bytes.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use stancecmp::data::SEEDS;
use stancecmp::pipeline::Config;
use stancecmp::read::document_from_text;
use stancecmp::stats::Rng;

/// Names that may replace each other in generated text (same kind, same actor).
const SWAPS: &[&[&str]] = &[
    &["Wang Yi", "Lin Jian", "Mao Ning", "Guo Jiakun"],
    &["Emmanuel Macron", "Jean-Noël Barrot", "Stéphane Séjourné"],
    &["Xi Jinping", "Li Qiang"],
    &["Sebastien Lecornu", "Catherine Colonna"],
    &["Beijing", "Zhongnanhai"],
    &["Paris", "the Élysée"],
    &["Wang Yunfei", "Zhang Hua", "Liu Min"],
    &["Zhuo Hua", "Chen Bo", "Sun Lei"],
    &["Ukraine", "Gaza", "the Middle East"],
    &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
];

/// Speech verbs and their negated forms.
const NEGATIONS: &[(&str, &str)] = &[
    (" said ", " did not say "),
    (" called for ", " did not call for "),
    (" supports ", " does not support "),
    (" urged ", " did not urge "),
    (" agreed ", " did not agree "),
];

struct Args {
    mb: f64,
    seed: u64,
    dir: bool,
    out: PathBuf,
}

fn args() -> Args {
    let mut a = Args {
        mb: 10.0,
        seed: 42,
        dir: false,
        out: PathBuf::from("corpus.jsonl"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--mb" => a.mb = value.parse().expect("--mb takes a number of megabytes"),
            "--seed" => a.seed = value.parse().expect("--seed takes an integer"),
            "--format" => {
                a.dir = match value.as_str() {
                    "jsonl" => false,
                    "dir" => true,
                    other => panic!("--format is jsonl or dir, not {other}"),
                }
            }
            "--out" => a.out = PathBuf::from(value),
            other => panic!("unknown flag {other} (--mb, --seed, --format, --out)"),
        }
    }
    a
}

/// Apply the name swaps and some negations to a sentence.
fn vary(rng: &mut Rng, sentence: &str) -> String {
    let mut s = sentence.to_string();
    for group in SWAPS {
        if let Some(from) = group.iter().find(|n| s.contains(**n)) {
            let to = group[rng.below(group.len())];
            s = s.replace(from, to);
        }
    }
    if rng.below(8) == 0 {
        if let Some((from, to)) = NEGATIONS.iter().find(|(f, _)| s.contains(f)) {
            s = s.replacen(from, to, 1);
        }
    }
    s
}

fn main() -> std::io::Result<()> {
    let a = args();
    let cfg = Config::load(None).expect("the embedded data files load");
    // The pool: every seed statement with whether it is a heading.
    let mut pool: Vec<(String, bool)> = Vec::new();
    for (name, text) in SEEDS {
        let doc = document_from_text(name, name, text.to_string(), None);
        for seg in cfg.splitter.split(&doc.text, doc.body_start) {
            let t = doc.text[seg.start..seg.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            pool.push((t, seg.heading));
        }
    }
    let target = (a.mb * 1_000_000.0) as usize;
    let mut rng = Rng::new(a.seed);
    let mut written = 0usize;
    let mut n = 0usize;
    let mut jsonl = (!a.dir).then(|| {
        BufWriter::with_capacity(
            1 << 20,
            fs::File::create(&a.out).expect("cannot create --out"),
        )
    });
    if a.dir {
        fs::create_dir_all(&a.out)?;
    }
    while written < target {
        let len = 6 + rng.below(25);
        let mut text = String::new();
        let start = rng.below(pool.len());
        for k in 0..len {
            // Mostly consecutive statements (keeps quotes with their speakers), sometimes a jump.
            let idx = if rng.below(5) == 0 {
                rng.below(pool.len())
            } else {
                (start + k) % pool.len()
            };
            let (s, heading) = &pool[idx];
            // Headings stand on their own line; a new paragraph now and then.
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(if *heading || rng.below(4) == 0 {
                    '\n'
                } else {
                    ' '
                });
            }
            text.push_str(&vary(&mut rng, s));
            if *heading {
                text.push('\n');
            }
        }
        let text = text.trim().to_string();
        let date = format!(
            "20{:02}-{:02}-{:02}",
            23 + rng.below(3),
            1 + rng.below(12),
            1 + rng.below(28)
        );
        n += 1;
        let id = format!("g{n:08}");
        if let Some(w) = &mut jsonl {
            let line = format!(
                "{}\n",
                serde_json::json!({ "id": id, "date": date, "text": text })
            );
            w.write_all(line.as_bytes())?;
            written += line.len();
        } else {
            let sub = a.out.join(format!("{:04}", n / 1000));
            if n % 1000 == 1 {
                fs::create_dir_all(&sub)?;
            }
            let body = format!(" date {date} {text}\n");
            fs::write(sub.join(format!("{id}.txt")), &body)?;
            written += body.len();
        }
    }
    if let Some(mut w) = jsonl {
        w.flush()?;
    }
    eprintln!(
        "gen_corpus: {n} documents, {:.1} MB in {}",
        written as f64 / 1e6,
        a.out.display()
    );
    Ok(())
}
