//! Reading corpora in every format, and refusing bad input clearly.

use super::*;

/// The seed folder as JSONL: one object per file, the whole file text in `text`.
fn seeds_jsonl() -> String {
    let mut names: Vec<_> = fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_str().unwrap();
            let text = fs::read_to_string(p).unwrap();
            serde_json::json!({ "id": id, "text": text, "outlet": "seed" }).to_string() + "\n"
        })
        .collect()
}

#[test]
fn a_jsonl_copy_of_the_seeds_gives_the_same_statements() {
    let wd = Workdir::new();
    wd.write("seeds.jsonl", &seeds_jsonl());
    wd.ok(&["analyze", seeds().to_str().unwrap(), "--out", "txt"]);
    wd.ok(&["analyze", "seeds.jsonl", "--out", "jsonl"]);
    for f in ["statements.csv", "matches.csv", "summary.csv"] {
        assert_eq!(
            wd.read(&format!("txt/{f}")),
            wd.read(&format!("jsonl/{f}")),
            "{f} differs"
        );
    }
}

#[test]
fn jsonl_on_standard_input() {
    let wd = Workdir::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stancecmp"))
        .args(["analyze", "-", "--out", "out"])
        .current_dir(wd.path(""))
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(seeds_jsonl().as_bytes())
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    wd.ok(&["analyze", "--out", "embedded"]);
    assert_eq!(
        wd.read("out/statements.csv"),
        wd.read("embedded/statements.csv")
    );
}

#[test]
fn csv_with_named_columns() {
    let wd = Workdir::new();
    wd.write(
        "corpus.csv",
        "uid,published,body\n\
         a1,2024-05-06,\"Wang Yi said China firmly supports a ceasefire and respects the sovereignty of Ukraine.\"\n\
         a2,2024-05-07,\"Macron called for a cease-fire.\nLeave a Reply\"\n",
    );
    let err = wd.fails(&["analyze", "corpus.csv", "--out", "out"]);
    assert!(
        err.contains("corpus.csv") && err.contains("--id-column"),
        "{err}"
    );
    wd.ok(&[
        "analyze",
        "corpus.csv",
        "--id-column",
        "uid",
        "--text-column",
        "body",
        "--date-column",
        "published",
        "--out",
        "out",
    ]);
    let st = rows(&wd.read("out/statements.csv"));
    assert_eq!(st.len(), 3);
    assert_eq!(
        (
            st[0]["doc_id"].as_str(),
            st[0]["date"].as_str(),
            st[0]["actor"].as_str()
        ),
        ("a1", "2024-05-06", "China")
    );
    assert_eq!(st[0]["ceasefire_stance"], "support");
    assert_eq!(st[0]["sovereignty_stance"], "support");
    assert_eq!(
        (st[1]["actor"].as_str(), st[1]["ceasefire_hits"].as_str()),
        ("France", "1")
    );
    assert_eq!(st[2]["heading"], "true");
}

#[test]
fn negated_calls_count_against() {
    let wd = Workdir::new();
    wd.write(
        "a.txt",
        "Moscow rejected the ceasefire. Xi did not call for a ceasefire.\n",
    );
    wd.ok(&["analyze", "a.txt", "--out", "out"]);
    let m = rows(&wd.read("out/matches.csv"));
    assert_eq!(m.len(), 2);
    assert!(m.iter().all(|r| r["stance"] == "oppose"), "{m:?}");
    assert_eq!(m[1]["negated"], "true");
    assert_eq!(m[1]["negator"], "not");
    let st = rows(&wd.read("out/statements.csv"));
    assert_eq!(st[0]["actor"], "other");
    assert_eq!(st[0]["speaker"], "Moscow");
    assert!(st[1]["ceasefire_score"].starts_with('-'));
}

#[test]
fn bad_inputs_get_clear_errors_and_leave_the_previous_report() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out"]);
    let before = wd.read("out/statements.csv");

    wd.write(
        "bad.jsonl",
        "{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\", \"text\": \n",
    );
    let err = wd.fails(&["analyze", "bad.jsonl", "--out", "out"]);
    assert!(err.contains("bad.jsonl:2"), "{err}");

    wd.write("missing.jsonl", "{\"id\": \"a\", \"body\": \"x\"}\n");
    let err = wd.fails(&["analyze", "missing.jsonl", "--out", "out"]);
    assert!(
        err.contains("missing.jsonl:1") && err.contains("text"),
        "{err}"
    );

    let err = wd.fails(&["analyze", "no/such/folder", "--out", "out"]);
    assert!(
        err.contains("no/such/folder") && err.contains("does not exist"),
        "{err}"
    );

    wd.write("empty/a.txt", "");
    let err = wd.fails(&["analyze", "empty", "--out", "out"]);
    assert!(err.contains("empty"), "{err}");

    wd.write("doc.unknown", "x");
    let err = wd.fails(&["analyze", "doc.unknown", "--out", "out"]);
    assert!(err.contains(".jsonl"), "{err}");

    assert_eq!(
        wd.read("out/statements.csv"),
        before,
        "a failed run changed the report"
    );
    assert_eq!(
        fs::read_dir(wd.path("out")).unwrap().count(),
        8 + 3,
        "a failed run left files behind (8 tables, report.html, report.md, charts/)"
    );
}

#[test]
fn a_lexicon_folder_overrides_and_adds_lexicons_with_located_errors() {
    let wd = Workdir::new();
    wd.write(
        "doc.txt",
        "France urged a humanitarian truce. China backed the Global Development Initiative.\n",
    );
    wd.write("lex/development.lex", "name: development\nversion: 0.1\ndescription: Development talk.\n---\nglobal development initiative\ndevelop* | 0.5\n");
    wd.ok(&["analyze", "doc.txt", "--lexicons", "lex", "--out", "out"]);
    let st = rows(&wd.read("out/statements.csv"));
    assert_eq!(st[1]["development_hits"], "1");
    assert_eq!(st[1]["development_stance"], "support");
    assert_eq!(st[0]["ceasefire_hits"], "1");

    wd.write(
        "lex/development.lex",
        "name: development\nversion: 0.1\ndescription: d\n---\nglobal development | lots\n",
    );
    let err = wd.fails(&["analyze", "doc.txt", "--lexicons", "lex", "--out", "out2"]);
    assert!(err.contains("development.lex:5:"), "{err}");
    assert!(!wd.path("out2").exists() || fs::read_dir(wd.path("out2")).unwrap().count() == 0);

    fs::remove_file(wd.path("lex/development.lex")).unwrap();
    wd.write(
        "lex/actors.toml",
        "version = \"1\"\n[[actor]]\nname = \"China\"\ntrack = yes\n",
    );
    let err = wd.fails(&["analyze", "doc.txt", "--lexicons", "lex", "--out", "out3"]);
    assert!(err.contains("actors.toml:4:"), "{err}");
}
