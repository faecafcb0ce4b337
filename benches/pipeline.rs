//! Stage timings on the embedded seed corpus, repeated to a measurable size.
//!
//! `cargo bench` runs it; it prints the median of several runs per stage and the throughput in
//! MB/s. It uses no benchmark framework: each stage is timed with `std::time::Instant` over the
//! same inputs, which is enough to compare stages and spot regressions on one machine.

use std::hint::black_box;
use std::time::{Duration, Instant};

use stancecmp::data::SEEDS;
use stancecmp::pipeline::{self, Config};
use stancecmp::read::document_from_text;
use stancecmp::write::{Rows, MATCHES, STATEMENTS};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let cfg = Config::load(None).expect("embedded data files load");
    let copies = 200;
    let docs: Vec<_> = (0..copies)
        .flat_map(|i| {
            SEEDS.iter().map(move |(name, text)| {
                document_from_text(&format!("{i}_{name}"), name, text.to_string(), None)
            })
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let report = |stage: &str, d: Duration| {
        println!(
            "{stage:<28} {:>9.1} ms  {:>8.2} MB/s",
            d.as_secs_f64() * 1e3,
            mb / d.as_secs_f64()
        );
    };
    println!(
        "corpus: {} documents, {:.2} MB (the seeds x {copies})",
        docs.len(),
        mb
    );
    report(
        "split",
        time(5, || {
            for d in &docs {
                black_box(cfg.splitter.split(&d.text, d.body_start));
            }
        }),
    );
    let segments: Vec<Vec<_>> = docs
        .iter()
        .map(|d| cfg.splitter.split(&d.text, d.body_start))
        .collect();
    report(
        "attribute",
        time(5, || {
            for (d, segs) in docs.iter().zip(&segments) {
                let texts = stancecmp::attribute::sentences(&d.text, segs);
                black_box(stancecmp::attribute::attribute_document(
                    &cfg.gazetteer,
                    None,
                    &texts,
                ));
            }
        }),
    );
    report(
        "score",
        time(5, || {
            for (d, segs) in docs.iter().zip(&segments) {
                for s in segs {
                    black_box(cfg.scorer.score(&cfg.cues, &d.text, s.start, s.end));
                }
            }
        }),
    );
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let all = rayon::ThreadPoolBuilder::new().build().unwrap();
    let t1 = time(5, || {
        one.install(|| black_box(pipeline::analyze(&cfg, &docs)));
    });
    let tn = time(5, || {
        all.install(|| black_box(pipeline::analyze(&cfg, &docs)));
    });
    let results = one.install(|| pipeline::analyze(&cfg, &docs));
    let counter = stancecmp::aggregate::Counter::new(&cfg, None, 2000, 1);
    report(
        "count (tally, bootstrap)",
        time(5, || {
            one.install(|| black_box(counter.batch(&docs, &results)));
        }),
    );
    report(
        "rows (statements, matches)",
        time(5, || {
            let mut s = Rows::text(&STATEMENTS);
            let mut m = Rows::text(&MATCHES);
            for (d, r) in docs.iter().zip(&results) {
                s.add_statements(&cfg, d, r);
                m.add_matches(&cfg, d, r);
            }
            black_box((s.take(), m.take()));
        }),
    );
    report("pipeline, 1 thread", t1);
    report(
        &format!("pipeline, {} threads", all.current_num_threads()),
        tn,
    );
    println!("speed-up: {:.2}x", t1.as_secs_f64() / tn.as_secs_f64());
    one_line_documents(&cfg);
}

/// Time grows linearly with the length of a document, even all on one line: the seeds joined
/// onto a single line (short sentences), and the same words with no punctuation at all (no
/// sentence end in sight), at 5 MB and 25 MB. A linear pipeline takes about 5 times as long for
/// the larger one; a quadratic one would take 25 times as long.
fn one_line_documents(cfg: &Config) {
    let joined: String = SEEDS
        .iter()
        .map(|(_, t)| t.replace(['\n', '\r'], " "))
        .collect();
    let bare: String = joined
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    for (shape, unit) in [("sentences", &joined), ("no punctuation", &bare)] {
        let timed = |mb: usize| {
            let mut text = unit.repeat(mb * 1_000_000 / unit.len() + 1);
            let mut end = mb * 1_000_000;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
            let doc = document_from_text("one-line", "bench", text, None);
            time(3, || {
                black_box(pipeline::analyze_document(cfg, &doc));
            })
        };
        let (small, large) = (timed(5), timed(25));
        println!(
            "one line, {shape:<15} 5 MB {:>7.1} ms  25 MB {:>8.1} ms  ratio {:.1} (linear: 5, quadratic: 25)",
            small.as_secs_f64() * 1e3,
            large.as_secs_f64() * 1e3,
            large.as_secs_f64() / small.as_secs_f64()
        );
    }
}
