//! The statistical tables of `stancecmp analyze`: values checked against SciPy, statsmodels and
//! an independent Python bootstrap on a tiny corpus, and the table options.

use super::*;
use std::collections::HashMap;

/// A corpus small enough to count by hand: every statement is "China said ..." or "France
/// said ...", and only "ceasefire" matches a lexicon. China holds 5 statements, 4 with a match;
/// France 6, 1 with a match. `scripts/tables_reference.py` mirrors it.
const TINY: &str = r#"{"id": "d1", "date": "2024-01-15", "text": "China said it supports a ceasefire. France said the weather was mild."}
{"id": "d2", "date": "2024-01-20", "text": "China said a ceasefire is urgent. China said the harvest was good. France said a ceasefire is needed."}
{"id": "d3", "date": "2024-03-02", "text": "China said it backs a ceasefire. France said the museum was open. France said the trains were late."}
{"id": "d4", "text": "China said the ceasefire must hold. France said the match was close. France said the bridge was repaired."}
"#;

/// The test's own `ceasefire.lex` (one entry, weight 2), so the expected scores do not move when
/// the shipped lexicon is edited.
const CEASEFIRE_LEX: &str = "name: ceasefire\nstance: support\nversion: test\ndescription: One entry, for the table tests.\n---\ncease-fire | 2.0\n";

/// Write the tiny corpus and its lexicon, run `analyze` with `extra` options into `out`.
fn tiny(wd: &Workdir, out: &str, extra: &[&str]) {
    wd.write("tiny.jsonl", TINY);
    wd.write("lex/ceasefire.lex", CEASEFIRE_LEX);
    let mut args = vec!["analyze", "tiny.jsonl", "--lexicons", "lex", "--out", out];
    args.extend(extra);
    wd.ok(&args);
}

/// The row of `rows` whose columns have the given values.
fn find<'a>(
    rows: &'a [HashMap<String, String>],
    keys: &[(&str, &str)],
) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| keys.iter().all(|(k, v)| r[*k] == *v))
        .unwrap_or_else(|| panic!("no row with {keys:?}"))
}

/// The number of lexicons of a run, from its `summary.csv`.
pub fn lexicon_count(wd: &Workdir, out: &str) -> usize {
    let sum = rows(&wd.read(&format!("{out}/summary.csv")));
    sum.iter().filter(|r| r["actor"] == sum[0]["actor"]).count()
}

#[test]
fn tiny_corpus_comparison_matches_scipy_and_statsmodels() {
    let wd = Workdir::new();
    tiny(&wd, "out", &[]);
    let rows = rows(&wd.read("out/comparison.csv"));
    let r = find(&rows, &[("lexicon", "ceasefire")]);
    // Every expected value is printed by scripts/tables_reference.py (SciPy 1.17.1,
    // statsmodels 0.15.0), rounded to the column's decimals.
    let want = [
        ("actor_a", "China"),
        ("actor_b", "France"),
        ("statements_a", "5"),
        ("statements_with_hits_a", "4"),
        ("share_a", "0.8000"),
        ("statements_b", "6"),
        ("statements_with_hits_b", "1"),
        ("share_b", "0.1667"),
        // statsmodels confint_proportions_2indep(4, 5, 1, 6, method="newcomb"):
        // 0.6333333, 0.052256931421696295, 0.8466071842577869
        ("share_diff", "0.6333"),
        ("share_diff_lo", "0.0523"),
        ("share_diff_hi", "0.8466"),
        ("risk_ratio", "4.8000"),
        // Monroe et al. (2008) eqs. 16-22 with prior 5 of 11: 0.8574502318512218, z 1.6268974277335895
        ("prior_with_hits", "5"),
        ("prior_statements", "11"),
        ("log_odds_ratio", "0.8575"),
        ("log_odds_z", "1.627"),
        // scipy.stats.contingency.expected_freq([[4, 1], [1, 5]]).min() = 2.272727...
        ("min_expected", "2.27"),
        // scipy.stats.fisher_exact([[4, 1], [1, 5]]).pvalue = 0.08008658008658008
        ("fisher_p", "0.080087"),
        // scipy.stats.chi2_contingency(..., correction=False): 4.412222222222221, 0.03568232934330245
        ("chi_square", "4.412"),
        ("chi_square_p", "0.035682"),
        // The only row with a Fisher p (no other lexicon matches), so q = p.
        ("q_value", "0.080087"),
        ("support_a", "4"),
        ("oppose_a", "0"),
        ("support_share_a", "1.0000"),
        ("support_b", "1"),
        ("support_share_b", "1.0000"),
        // confint_proportions_2indep(4, 4, 1, 1, method="newcomb"): -0.4898908364545975, 0.7934506856227626
        ("support_share_diff", "0.0000"),
        ("support_share_diff_lo", "-0.4899"),
        ("support_share_diff_hi", "0.7935"),
    ];
    for (k, v) in want {
        assert_eq!(r[k], v, "{k}");
    }
    assert!(
        r["note"].starts_with("small sample: an expected count is 2.27 (below 5)"),
        "{}",
        r["note"]
    );
    // A lexicon neither actor matches: no test, and a note that says why.
    let none = find(&rows, &[("lexicon", "sovereignty")]);
    assert_eq!(
        (
            none["fisher_p"].as_str(),
            none["chi_square_p"].as_str(),
            none["q_value"].as_str()
        ),
        ("", "", "")
    );
    assert!(none["note"].contains("no statement of China or France matches the lexicon"));
    assert_eq!(none["risk_ratio"], "");
}

#[test]
fn tiny_corpus_summary_intervals_match_the_reference() {
    let wd = Workdir::new();
    tiny(&wd, "out", &[]);
    let sum = rows(&wd.read("out/summary.csv"));
    let china = find(&sum, &[("actor", "China"), ("lexicon", "ceasefire")]);
    let france = find(&sum, &[("actor", "France"), ("lexicon", "ceasefire")]);
    // statsmodels proportion_confint(4, 5, method="wilson") = (0.3755346297625252, 0.9637758913675698);
    // (1, 6): (0.030053369748306635, 0.5635028221864703).
    assert_eq!(
        (china["share_lo"].as_str(), china["share_hi"].as_str()),
        ("0.3755", "0.9638")
    );
    assert_eq!(
        (france["share_lo"].as_str(), france["share_hi"].as_str()),
        ("0.0301", "0.5635")
    );
    // The Poisson bootstrap over documents, re-implemented in Python (weights, sums,
    // numpy.percentile) by scripts/tables_reference.py, --seed 1, 2000 replicates:
    // China (83.33333333333333, 166.66666666666666) and (1.0, 2.0);
    // France (0.0, 166.66666666666666) and (0.0, 2.0).
    let ci = |r: &HashMap<String, String>, m: &str| {
        (r[&format!("{m}_lo")].clone(), r[&format!("{m}_hi")].clone())
    };
    assert_eq!(
        ci(china, "hits_per_1k_tokens"),
        ("83.333".into(), "166.667".into())
    );
    assert_eq!(ci(china, "mean_score"), ("1.0000".into(), "2.0000".into()));
    assert_eq!(
        ci(france, "hits_per_1k_tokens"),
        ("0.000".into(), "166.667".into())
    );
    assert_eq!(ci(france, "mean_score"), ("0.0000".into(), "2.0000".into()));
    assert_eq!(
        (china["documents"].as_str(), china["mean_score"].as_str()),
        ("4", "1.6000")
    );
    assert_eq!(
        (
            china["tokens"].as_str(),
            china["hits_per_1k_tokens"].as_str()
        ),
        ("30", "133.333")
    );
    // `none` holds nothing here: empty cells, not NaN.
    let none = find(&sum, &[("actor", "none"), ("lexicon", "ceasefire")]);
    for k in [
        "share",
        "share_lo",
        "hits_per_1k_tokens",
        "mean_score",
        "mean_score_lo",
    ] {
        assert_eq!(none[k], "", "{k}");
    }
    // Without a bootstrap, the bootstrap intervals are empty and nothing else changes.
    tiny(&wd, "noboot", &["--bootstrap", "0"]);
    let nb = rows(&wd.read("noboot/summary.csv"));
    for (a, b) in sum.iter().zip(&nb) {
        for (k, v) in a {
            let boot = k.starts_with("hits_per_1k_tokens_") || k.starts_with("mean_score_");
            assert_eq!(&b[k], if boot { "" } else { v.as_str() }, "{k}");
        }
    }
}

#[test]
fn tiny_corpus_documents_and_timeline_add_up() {
    let wd = Workdir::new();
    tiny(&wd, "month", &[]);
    tiny(&wd, "year", &["--period", "year"]);
    tiny(&wd, "day", &["--period", "day"]);
    let docs = rows(&wd.read("month/documents.csv"));
    let d2 = find(
        &docs,
        &[
            ("doc_id", "d2"),
            ("actor", "China"),
            ("lexicon", "ceasefire"),
        ],
    );
    assert_eq!(
        (
            d2["statements"].as_str(),
            d2["statements_with_hits"].as_str(),
            d2["tokens"].as_str(),
            d2["score_sum"].as_str()
        ),
        ("2", "1", "12", "2.000")
    );
    let ids: Vec<&str> = docs.iter().map(|r| r["doc_id"].as_str()).collect();
    assert!(ids.windows(2).all(|w| w[0] <= w[1]), "sorted by id");
    // d4 has no date: the timeline counts d1 and d2 in January, d3 in March.
    let month = rows(&wd.read("month/timeline.csv"));
    let periods: std::collections::BTreeSet<&str> =
        month.iter().map(|r| r["period"].as_str()).collect();
    assert_eq!(
        periods.into_iter().collect::<Vec<_>>(),
        ["2024-01", "2024-03"]
    );
    let jan = find(
        &month,
        &[
            ("period", "2024-01"),
            ("actor", "China"),
            ("lexicon", "ceasefire"),
        ],
    );
    assert_eq!(
        (
            jan["documents"].as_str(),
            jan["statements"].as_str(),
            jan["statements_with_hits"].as_str(),
            jan["support"].as_str()
        ),
        ("2", "3", "2", "2")
    );
    // statsmodels proportion_confint(2, 3, method="wilson") = (0.20765, 0.93849)
    assert_eq!(
        (
            jan["share"].as_str(),
            jan["share_lo"].as_str(),
            jan["share_hi"].as_str()
        ),
        ("0.6667", "0.2077", "0.9385")
    );
    let year = rows(&wd.read("year/timeline.csv"));
    let y = find(
        &year,
        &[
            ("period", "2024"),
            ("actor", "France"),
            ("lexicon", "ceasefire"),
        ],
    );
    assert_eq!(
        (y["documents"].as_str(), y["statements"].as_str()),
        ("3", "4")
    );
    let day = rows(&wd.read("day/timeline.csv"));
    assert!(day.iter().any(|r| r["period"] == "2024-01-20"));
    let n_lex = lexicon_count(&wd, "day");
    assert_eq!(
        day.len(),
        3 * 5 * n_lex,
        "3 days x 5 actors x every lexicon"
    );
}

#[test]
fn compare_takes_any_two_actor_labels() {
    let wd = Workdir::new();
    let err = wd.fails(&["analyze", "--out", "out", "--compare", "China,Germany"]);
    assert!(
        err.contains("no actor `Germany`; the actors are China, France, joint, other, none"),
        "{err}"
    );
    assert!(!wd.path("out").exists(), "nothing written");
    let err = wd.fails(&["analyze", "--out", "out", "--compare", "China"]);
    assert!(err.contains("two actors separated by a comma"), "{err}");
    wd.ok(&[
        "analyze",
        "--out",
        "out",
        "--compare",
        "france,none",
        "--compare",
        "China,joint",
    ]);
    let cmp = rows(&wd.read("out/comparison.csv"));
    let n_lex = lexicon_count(&wd, "out");
    assert_eq!(cmp.len(), 2 * n_lex);
    assert_eq!(
        (cmp[0]["actor_a"].as_str(), cmp[0]["actor_b"].as_str()),
        ("France", "none")
    );
    let second = &cmp[n_lex];
    assert_eq!(
        (second["actor_a"].as_str(), second["actor_b"].as_str()),
        ("China", "joint")
    );
    let key = rows(&wd.read("out/keyness.csv"));
    let pairs: std::collections::BTreeSet<(&str, &str)> = key
        .iter()
        .map(|r| (r["actor"].as_str(), r["versus"].as_str()))
        .collect();
    assert!(
        pairs.contains(&("France", "none")) && pairs.contains(&("none", "France")),
        "{pairs:?}"
    );
    // Every listed term is distinctive of its actor, best first.
    for w in key
        .windows(2)
        .filter(|w| w[0]["actor"] == w[1]["actor"] && w[0]["versus"] == w[1]["versus"])
    {
        let z = |r: &HashMap<String, String>| r["z"].parse::<f64>().unwrap();
        assert!(z(&w[0]) >= z(&w[1]) && z(&w[1]) > 0.0);
    }
}

#[test]
fn the_seed_changes_only_the_bootstrap_intervals() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "one", "--seed", "1"]);
    wd.ok(&["analyze", "--out", "two", "--seed", "2"]);
    let (a, b) = (
        rows(&wd.read("one/summary.csv")),
        rows(&wd.read("two/summary.csv")),
    );
    let mut changed = 0;
    for (x, y) in a.iter().zip(&b) {
        for (k, v) in x {
            if k.starts_with("hits_per_1k_tokens_") || k.starts_with("mean_score_") {
                changed += usize::from(&y[k] != v);
            } else {
                assert_eq!(&y[k], v, "{k}");
            }
        }
    }
    assert!(changed > 0, "another seed draws other replicates");
}

#[test]
fn tables_only_writes_the_same_tables_without_the_row_files() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "full", "--no-charts"]);
    // An earlier full run in the same folder: its row files must not survive as stale files.
    wd.ok(&["analyze", "--out", "small", "--no-charts"]);
    wd.ok(&["analyze", "--out", "small", "--no-charts", "--tables-only"]);
    assert!(!wd.path("small/statements.csv").exists());
    assert!(!wd.path("small/matches.csv").exists());
    for t in [
        "summary.csv",
        "comparison.csv",
        "keyness.csv",
        "timeline.csv",
        "documents.csv",
    ] {
        assert_eq!(
            wd.read(&format!("full/{t}")),
            wd.read(&format!("small/{t}")),
            "{t}"
        );
    }
    // columns.csv describes only the files written.
    assert!(!wd.read("small/columns.csv").contains("statements.csv"));
}
