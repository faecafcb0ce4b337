use super::*;
use crate::data::SEEDS;
use crate::model::Document;
use crate::pipeline::{Config, DocResult};
use crate::read::document_from_text;

fn seeds() -> (Config, Vec<Document>, Vec<DocResult>) {
    let cfg = Config::load(None).unwrap();
    let docs: Vec<Document> = SEEDS
        .iter()
        .map(|(name, text)| {
            document_from_text(name.trim_end_matches(".txt"), name, text.to_string(), None)
        })
        .collect();
    let results = crate::pipeline::analyze(&cfg, &docs);
    (cfg, docs, results)
}

#[test]
fn tallies_of_two_halves_merge_into_the_tally_of_the_whole() {
    let (cfg, docs, results) = seeds();
    let counter = Counter::new(&cfg, None, 50, 3);
    let (whole, records) = counter.batch(&docs, &results);
    assert_eq!(whole.documents, 5);
    assert_eq!(records.len(), 5);
    for cut in 0..=docs.len() {
        let (first, _) = counter.batch(&docs[..cut], &results[..cut]);
        let (second, _) = counter.batch(&docs[cut..], &results[cut..]);
        let mut ab = first.clone();
        ab.merge(second.clone()).unwrap();
        assert_eq!(ab, whole, "split at {cut}");
        let mut ba = second;
        ba.merge(first).unwrap();
        assert_eq!(ba, whole, "split at {cut}, merged the other way");
    }
    // Counting document by document in reverse order gives the same tally too.
    let mut one_by_one = counter.tally();
    for (d, r) in docs.iter().zip(&results).rev() {
        let record = counter.document(&mut one_by_one, d, r);
        one_by_one.add_bootstrap(&[record]);
    }
    assert_eq!(one_by_one, whole);
    // The score sums are the statements' scores, to the rounding of the units.
    let direct: f64 = results
        .iter()
        .flat_map(|r| &r.statements)
        .filter(|s| s.attribution.actor == "China")
        .flat_map(|s| &s.matches)
        .filter(|m| m.lexicon == 0)
        .map(|m| m.signed())
        .sum();
    let cell = whole.cell("China", 0);
    assert!(
        (cell.score_sum() - direct).abs() < 1e-9,
        "{cell:?} {direct}"
    );
    // A tally survives serialisation unchanged (the partial results of `stancecmp map`).
    let json = serde_json::to_string(&whole).unwrap();
    let back: Tally = serde_json::from_str(&json).unwrap();
    assert_eq!(back, whole);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}

#[test]
fn records_sum_to_the_totals() {
    let (cfg, docs, results) = seeds();
    let counter = Counter::new(&cfg, None, 0, 1);
    let (whole, records) = counter.batch(&docs, &results);
    let l = whole.lexicons.len();
    let mut sum = vec![Cell::default(); whole.actors.len() * l];
    for r in &records {
        assert_eq!(r.sha256.len(), 64);
        for (a, li, c) in &r.cells {
            sum[a * l + li].add(c);
        }
    }
    assert_eq!(sum, whole.total.cells);
}

#[test]
fn merge_refuses_other_lexicons_actors_or_bootstrap() {
    let (cfg, docs, results) = seeds();
    let (a, _) = Counter::new(&cfg, None, 10, 1).batch(&docs[..1], &results[..1]);
    let mut other = Tally::new(a.actors.clone(), vec!["x".into()], 10, 1);
    assert!(matches!(
        other.merge(a.clone()),
        Err(MergeError::Lexicons(..))
    ));
    let (b, _) = Counter::new(&cfg, None, 10, 2).batch(&docs[1..2], &results[1..2]);
    let mut a2 = a.clone();
    assert!(matches!(a2.merge(b), Err(MergeError::Bootstrap(..))));
}

#[test]
fn score_units_add_exactly() {
    // 0.1 + 0.2 != 0.3 in floating point, but in score units it is.
    let units = score_units(0.1) + score_units(0.2);
    assert_eq!(units, score_units(0.3));
    assert_eq!(score_units(-1.25), -1_250_000_000);
    let c = Cell {
        statements: 4,
        score_units: score_units(1.5) + score_units(-0.3),
        ..Cell::default()
    };
    assert_eq!(c.score_sum(), 1.2);
    assert_eq!(c.mean_score(), Some(0.3));
}

#[test]
fn terms_are_folded_words_without_stopwords() {
    let stop: Stopwords = ["the", "of", "ll"].iter().map(|s| s.to_string()).collect();
    let text = "The Élysée's call of 2024: a cease-fire, we'll see the call.";
    let mut counts = TermCounts::default();
    count_terms(&crate::fold::fold_text(text), &stop, &mut counts);
    let mut got: Vec<(String, u64)> = counts.iter().collect();
    got.sort();
    let got: Vec<(&str, u64)> = got.iter().map(|(t, n)| (t.as_str(), *n)).collect();
    assert_eq!(
        got,
        [
            ("call", 2),
            ("cease", 1),
            ("elysee", 1),
            ("fire", 1),
            ("see", 1),
            ("we", 1)
        ]
    );
    let cfg = Config::load(None).unwrap();
    let stop = stopwords(crate::data::get(&cfg.files, "stopwords.txt"));
    assert!(stop.contains("the") && stop.contains("ve") && !stop.contains("said"));
}

#[test]
fn terms_are_written_as_sorted_string_maps() {
    // As written before terms were packed: per actor, a JSON object of terms in byte order.
    let mut t = Tally::new(vec![], vec![], 0, 0);
    let mut a = TermCounts::default();
    for w in [
        "zeta",
        "a1",
        "élysée",
        "internationalisation",
        "zeta",
        "abcdefghijklmnop",
    ] {
        a.add(w);
    }
    t.terms.insert("none".into(), a);
    t.terms
        .insert("B".into(), [("x9".to_string(), 3)].into_iter().collect());
    let json = serde_json::to_string(&t).unwrap();
    let want = r#""terms":{"B":{"x9":3},"none":{"a1":1,"abcdefghijklmnop":1,"internationalisation":1,"zeta":2,"élysée":1}}"#;
    assert!(json.contains(want), "{json}");
    let back: Tally = serde_json::from_str(&json).unwrap();
    assert_eq!(back, t);
}
