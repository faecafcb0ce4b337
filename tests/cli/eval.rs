//! `stancecmp eval` against the hand-annotated gold sets in tests/gold/.

use super::*;

fn gold(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/gold")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

/// Run eval and return (accuracy, macro-F1 over the tracked actors) from eval_actors.csv.
fn attribution_scores(wd: &Workdir, args: &[&str]) -> (f64, f64) {
    let mut all = vec!["eval", "--out", "ev"];
    all.extend_from_slice(args);
    let out = wd.ok(&all);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("confusion (rows gold, columns predicted)"),
        "{text}"
    );
    let rows = rows(&wd.read("ev/eval_actors.csv"));
    let get = |k: &str| {
        rows.iter().find(|r| r["actor"] == k).unwrap()["f1"]
            .parse::<f64>()
            .unwrap()
    };
    (get("accuracy"), get("macro_f1_tracked"))
}

#[test]
fn attribution_on_the_seed_gold_set() {
    let wd = Workdir::new();
    let (acc, f1) = attribution_scores(&wd, &["--gold", &gold("seeds.csv")]);
    assert!(f1 >= 0.90, "macro-F1 {f1}");
    assert!(acc >= 0.85, "accuracy {acc}");
}

#[test]
fn eval_refuses_a_gold_file_for_another_split() {
    let wd = Workdir::new();
    let text = fs::read_to_string(gold("seeds.csv")).unwrap().replacen(
        "China and France agreed to deepen",
        "China and France agreed to widen",
        1,
    );
    wd.write("g.csv", &text);
    let err = wd.fails(&["eval", "--gold", "g.csv"]);
    assert!(
        err.contains("g.csv:2:") && err.contains("the splitter changed"),
        "{err}"
    );
    wd.write("bad.csv", "doc_id,sentence_no,text,actor,role,ceasefire\n000_acc10550ab9d5e7c,1,x,joint,official,maybe\n");
    let err = wd.fails(&["eval", "--gold", "bad.csv"]);
    assert!(
        err.contains("bad.csv:2:") && err.contains("`ceasefire` is `maybe`"),
        "{err}"
    );
}

#[test]
fn attribution_on_the_hard_case_gold_set() {
    let wd = Workdir::new();
    let (acc, f1) = attribution_scores(&wd, &["--gold", &gold("hard.csv"), &gold("hard.jsonl")]);
    assert!(f1 >= 0.90, "macro-F1 {f1}");
    assert!(acc >= 0.85, "accuracy {acc}");
}

/// Theme F1 and stance accuracy over all lexicons ("all (micro)" in eval_lexicons.csv terms).
fn lexicon_scores(wd: &Workdir, args: &[&str]) -> (f64, f64) {
    let mut all = vec!["eval", "--out", "lx"];
    all.extend_from_slice(args);
    wd.ok(&all);
    let rows = rows(&wd.read("lx/eval_lexicons.csv"));
    let sum = |k: &str| {
        rows.iter()
            .map(|r| r[k].parse::<f64>().unwrap())
            .sum::<f64>()
    };
    let (tp, pred, gold) = (sum("true_positives"), sum("predicted"), sum("gold"));
    let f1 = 2.0 * tp / (pred + gold);
    let stance_ok = sum("stance_correct");
    (f1, stance_ok / tp)
}

#[test]
fn lexicon_themes_and_stance_on_both_gold_sets() {
    let wd = Workdir::new();
    for args in [
        vec!["--gold".to_string(), gold("seeds.csv")],
        vec!["--gold".to_string(), gold("hard.csv"), gold("hard.jsonl")],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (f1, stance) = lexicon_scores(&wd, &args);
        assert!(f1 >= 0.85, "{args:?}: theme F1 {f1}");
        assert!(stance >= 0.90, "{args:?}: stance accuracy {stance}");
    }
}
