//! `map` and `reduce`: partial results of the pieces of a corpus merge into exactly the files of
//! `analyze` on the whole, and partials that do not belong together are refused.

use std::process::Stdio;

use super::*;

/// A corpus of 119 dated documents: the gold JSONL sets together.
fn corpus() -> String {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    ["hard", "heldout", "final", "blind", "blind2"]
        .iter()
        .map(|n| fs::read_to_string(gold.join(format!("{n}.jsonl"))).unwrap())
        .collect()
}

/// `stancecmp map ARGS < input > output` in `wd`; returns the exit code.
fn map(wd: &Workdir, input: &str, output: &str, args: &[&str]) -> Option<i32> {
    let out = fs::File::create(wd.path(output)).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_stancecmp"))
        .arg("map")
        .args(args)
        .current_dir(wd.path(""))
        .stdin(fs::File::open(wd.path(input)).unwrap())
        .stdout(Stdio::from(out))
        .stderr(Stdio::null())
        .status()
        .unwrap();
    status.code()
}

/// Split `text` into `n` pieces of whole lines, in order (some may be empty), written as
/// `piece-K.jsonl`.
fn pieces(wd: &Workdir, text: &str, cuts: &[usize]) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut names = Vec::new();
    let mut at = 0;
    for (k, &end) in cuts.iter().chain([&lines.len()]).enumerate() {
        let body: String = lines[at..end].iter().map(|l| format!("{l}\n")).collect();
        let name = format!("piece-{k}.jsonl");
        wd.write(&name, &body);
        names.push(name);
        at = end;
    }
    names
}

#[test]
fn partials_of_the_pieces_reduce_to_the_files_of_analyze() {
    let wd = Workdir::new();
    let text = corpus();
    wd.write("all.jsonl", &text);
    wd.ok(&["analyze", "all.jsonl", "--out", "whole", "--no-charts"]);
    // Four pieces, one of them empty (an empty Spark partition), partials in a folder.
    let names = pieces(&wd, &text, &[30, 30, 77]);
    fs::create_dir_all(wd.path("parts")).unwrap();
    for (k, n) in names.iter().enumerate() {
        assert_eq!(map(&wd, n, &format!("parts/part-{k:05}"), &[]), Some(0));
    }
    wd.write("parts/_SUCCESS", "");
    wd.ok(&["reduce", "parts", "--out", "merged", "--no-charts"]);
    for t in TABLES {
        assert_eq!(
            wd.read(&format!("whole/{t}")),
            wd.read(&format!("merged/{t}")),
            "{t}"
        );
    }
    let report = wd.read("merged/report.md");
    let whole = wd.read("whole/report.md");
    let fingerprint = |r: &str| {
        r.lines()
            .find(|l| l.contains("Corpus fingerprint"))
            .map(str::to_string)
    };
    assert!(fingerprint(&whole).is_some());
    assert_eq!(fingerprint(&report), fingerprint(&whole));
    // The evidence quoted is the same too.
    let evidence =
        |r: &str| r[r.find("## Evidence").unwrap()..r.find("## Methods").unwrap()].to_string();
    assert_eq!(evidence(&report), evidence(&whole));
}

#[test]
fn reduce_takes_the_output_options_of_analyze() {
    let wd = Workdir::new();
    let text = corpus();
    wd.write("all.jsonl", &text);
    let opts = [
        "--no-charts",
        "--excel",
        "--period",
        "year",
        "--compare",
        "France,China",
        "--wide",
    ];
    let mut a = vec!["analyze", "all.jsonl", "--out", "whole", "--seed", "9"];
    a.extend(opts);
    wd.ok(&a);
    let names = pieces(&wd, &text, &[50]);
    for (k, n) in names.iter().enumerate() {
        assert_eq!(map(&wd, n, &format!("p{k}"), &["--seed", "9"]), Some(0));
    }
    let mut r = vec!["reduce", "p0", "p1", "--out", "merged"];
    r.extend(opts);
    wd.ok(&r);
    for t in TABLES.iter().chain(&["summary_wide.csv"]) {
        assert_eq!(
            fs::read(wd.path(&format!("whole/{t}"))).unwrap(),
            fs::read(wd.path(&format!("merged/{t}"))).unwrap(),
            "{t}"
        );
    }
    // Without rows, every table but the row files.
    for (k, n) in names.iter().enumerate() {
        map(&wd, n, &format!("q{k}"), &["--seed", "9", "--no-rows"]);
    }
    let mut r = vec!["reduce", "q0", "q1", "--out", "norows"];
    r.extend(opts);
    wd.ok(&r);
    assert!(!wd.path("norows/statements.csv").exists());
    assert_eq!(
        fs::read(wd.path("whole/summary.csv")).unwrap(),
        fs::read(wd.path("norows/summary.csv")).unwrap()
    );
    assert!(
        fs::metadata(wd.path("q0")).unwrap().len() < fs::metadata(wd.path("p0")).unwrap().len()
    );
    assert!(!wd
        .read("q0")
        .lines()
        .any(|l| l.starts_with("{\"statements\":")));
    assert!(wd
        .read("p0")
        .lines()
        .any(|l| l.starts_with("{\"statements\":")));
}

#[test]
fn partials_that_do_not_belong_together_are_refused() {
    let wd = Workdir::new();
    let text = corpus();
    let names = pieces(&wd, &text, &[60]);
    map(&wd, &names[0], "a", &[]);
    map(&wd, &names[1], "b", &[]);
    // Another seed.
    map(&wd, &names[1], "b-seed", &["--seed", "2"]);
    let err = wd.fails(&["reduce", "a", "b-seed", "--out", "out"]);
    assert!(
        err.contains("b-seed: cannot merge") && err.contains("--seed"),
        "{err}"
    );
    // Other data files: a lexicon folder with one more entry.
    let lex = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
    for e in fs::read_dir(&lex).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        let mut t = fs::read_to_string(&p).unwrap();
        if name == "ceasefire.lex" {
            t.push_str("\nquiet on the front\n");
        }
        wd.write(&format!("lex/{name}"), &t);
    }
    map(&wd, &names[1], "b-lex", &["--lexicons", "lex"]);
    let err = wd.fails(&["reduce", "a", "b-lex", "--out", "out"]);
    assert!(err.contains("other data files"), "{err}");
    // ... and reduce with data files other than map's.
    let err = wd.fails(&["reduce", "a", "b", "--out", "out", "--lexicons", "lex"]);
    assert!(
        err.contains("give reduce the same --lexicons as map"),
        "{err}"
    );
    // A truncated partial (a map that was killed).
    let full = wd.read("b");
    let cut: String = full.lines().take(3).map(|l| format!("{l}\n")).collect();
    wd.write("b-cut", &cut);
    let err = wd.fails(&["reduce", "a", "b-cut", "--out", "out"]);
    assert!(err.contains("b-cut") && err.contains("truncated"), "{err}");
    // An end line that does not match the records (a damaged file).
    let damaged = full.replace("{\"end\":{\"documents\":", "{\"end\":{\"documents\":1");
    assert_ne!(damaged, full);
    wd.write("b-damaged", &damaged);
    let err = wd.fails(&["reduce", "a", "b-damaged", "--out", "out"]);
    assert!(
        err.contains("b-damaged") && err.contains("damaged"),
        "{err}"
    );
    // Not a partial at all.
    let err = wd.fails(&["reduce", "a", &names[1], "--out", "out"]);
    assert!(err.contains("not a stancecmp partial result"), "{err}");
    // The same piece twice: its documents are counted twice.
    let err = wd.fails(&["reduce", "a", "a", "--out", "out"]);
    assert!(err.contains("twice") || err.contains("duplicate"), "{err}");
    assert!(!wd.path("out").exists(), "no half-finished report");
    wd.ok(&["reduce", "a", "b", "--out", "out", "--no-charts"]);
    // The first partial on standard input gives the same tables.
    let status = Command::new(env!("CARGO_BIN_EXE_stancecmp"))
        .args([
            "reduce",
            "-",
            "b",
            "--out",
            "stdin",
            "--no-charts",
            "--quiet",
        ])
        .current_dir(wd.path(""))
        .stdin(fs::File::open(wd.path("a")).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
    for t in TABLES {
        assert_eq!(
            wd.read(&format!("out/{t}")),
            wd.read(&format!("stdin/{t}")),
            "{t}"
        );
    }
}

#[test]
fn map_reports_input_problems_through_reduce() {
    let wd = Workdir::new();
    wd.write(
        "in.jsonl",
        "{\"id\": \"a\", \"text\": \"China supports a ceasefire, Wang Yi said.\"}\n\
         {\"id\": \"b\", \"text\": \n",
    );
    // Without --skip-bad, map fails like analyze.
    assert_eq!(map(&wd, "in.jsonl", "p", &[]), Some(1));
    // With it, map writes its partial and succeeds; reduce exits 3 and says why.
    assert_eq!(map(&wd, "in.jsonl", "p", &["--skip-bad"]), Some(0));
    let out = wd.run(&["reduce", "p", "--out", "out", "--no-charts"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("map skipped or repaired some input"), "{err}");
    assert!(wd.read("out/statements.csv").contains("Wang Yi"));
}
