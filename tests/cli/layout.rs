//! The files of `stancecmp analyze` as a whole: the data dictionary covers every column, the
//! spreadsheet conventions (`--excel`, `--wide`), and the same tables whatever the thread count
//! and the order of the documents.

use super::*;
use std::collections::BTreeMap;

/// Every table of an output folder: name -> bytes (the report and the charts are checked in
/// `report.rs`).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".csv")
        })
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().into_string().unwrap(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The tables that do not list documents in corpus order.
const AGGREGATES: [&str; 7] = [
    "summary.csv",
    "summary_wide.csv",
    "comparison.csv",
    "keyness.csv",
    "timeline.csv",
    "documents.csv",
    "columns.csv",
];

#[test]
fn every_written_column_is_in_columns_csv() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out", "--wide"]);
    let written = files(&wd.path("out"));
    let names: Vec<&str> = written.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "columns.csv",
            "comparison.csv",
            "documents.csv",
            "keyness.csv",
            "matches.csv",
            "statements.csv",
            "summary.csv",
            "summary_wide.csv",
            "timeline.csv"
        ]
    );
    let dict = rows(&wd.read("out/columns.csv"));
    for (name, bytes) in &written {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let header = text.lines().next().unwrap();
        let described: Vec<&str> = dict
            .iter()
            .filter(|r| &r["file"] == name)
            .map(|r| r["column"].as_str())
            .collect();
        let cols: Vec<&str> = header.split(',').collect();
        assert_eq!(
            cols, described,
            "{name}: the dictionary lists the header, in order"
        );
        for r in dict.iter().filter(|r| &r["file"] == name) {
            assert!(
                r["description"].ends_with('.') && r["description"].len() > 10,
                "{r:?}"
            );
        }
        assert!(
            !text.contains("NaN") && !text.contains("inf,"),
            "{name} has a non-number"
        );
    }
    assert!(dict.iter().all(|r| written.contains_key(&r["file"])));
}

#[test]
fn thread_counts_give_identical_tables() {
    let wd = Workdir::new();
    let seeds = seeds();
    let seeds = seeds.to_str().unwrap();
    wd.ok(&["analyze", seeds, "--wide", "--threads", "1", "--out", "one"]);
    wd.ok(&["analyze", seeds, "--wide", "--threads", "2", "--out", "two"]);
    let (one, two) = (files(&wd.path("one")), files(&wd.path("two")));
    assert_eq!(one.len(), 9);
    assert_eq!(one, two);
}

#[test]
fn permuting_documents_changes_no_table() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "embedded", "--wide"]);
    let reference = files(&wd.path("embedded"));
    let mut docs: Vec<String> = data_seeds()
        .into_iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string())
        .collect();
    // A deterministic shuffle (a linear congruential generator), several permutations.
    let mut state: u64 = 12345;
    for round in 0..4 {
        for i in (1..docs.len()).rev() {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            docs.swap(i, (state >> 33) as usize % (i + 1));
        }
        let name = format!("perm{round}.jsonl");
        wd.write(&name, &(docs.join("\n") + "\n"));
        let out = format!("out{round}");
        wd.ok(&["analyze", &name, "--out", &out, "--wide"]);
        let got = files(&wd.path(&out));
        for f in AGGREGATES {
            assert_eq!(got[f], reference[f], "round {round}: {f} changed");
        }
        // The per-statement tables follow the corpus order, with the same rows.
        for f in ["statements.csv", "matches.csv"] {
            let sorted = |b: &[u8]| {
                let mut v: Vec<String> = String::from_utf8(b.to_vec())
                    .unwrap()
                    .lines()
                    .map(String::from)
                    .collect();
                v.sort();
                v
            };
            assert_eq!(sorted(&got[f]), sorted(&reference[f]), "round {round}: {f}");
        }
    }
}

/// The seed articles as (id, text).
fn data_seeds() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fs::read_dir(seeds())
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_stem().unwrap().to_str().unwrap().to_string(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn excel_files_have_a_bom_and_crlf_and_the_same_content() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "plain", "--wide"]);
    wd.ok(&["analyze", "--out", "excel", "--wide", "--excel"]);
    let (plain, excel) = (files(&wd.path("plain")), files(&wd.path("excel")));
    assert_eq!(plain.len(), excel.len());
    for (name, bytes) in &excel {
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "{name}: no byte-order mark"
        );
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(text.ends_with("\r\n"), "{name}");
        assert_eq!(
            text.matches('\n').count(),
            text.matches("\r\n").count(),
            "{name}: a bare LF"
        );
        assert_eq!(
            text.replace("\r\n", "\n").as_bytes(),
            plain[name].as_slice(),
            "{name}"
        );
    }
}

#[test]
fn wide_summary_puts_actors_side_by_side() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out", "--wide"]);
    let sum = rows(&wd.read("out/summary.csv"));
    let wide = rows(&wd.read("out/summary_wide.csv"));
    let header = wd.read("out/summary_wide.csv");
    assert!(header.starts_with("lexicon,statements_China,statements_France,statements_joint,statements_other,statements_none,statements_with_hits_China,"), "{}", &header[..200]);
    assert_eq!(wide.len(), 6);
    for w in &wide {
        for r in sum.iter().filter(|r| r["lexicon"] == w["lexicon"]) {
            for (k, v) in r.iter().filter(|(k, _)| *k != "actor" && *k != "lexicon") {
                assert_eq!(
                    &w[&format!("{k}_{}", r["actor"])],
                    v,
                    "{k} of {}",
                    r["actor"]
                );
            }
        }
    }
    // Without --wide, the old wide file goes: the folder never mixes two runs.
    wd.ok(&["analyze", "--out", "out"]);
    assert!(!wd.path("out/summary_wide.csv").exists());
    assert!(!wd.read("out/columns.csv").contains("summary_wide.csv"));
}
