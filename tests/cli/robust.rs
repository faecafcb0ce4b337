//! Messy input on the real binary: bad bytes, odd encodings and line ends, binary and empty
//! files, broken records, huge documents, odd folders, and outputs that would overwrite inputs.
//! A problem the run gets past is a `stancecmp: warning:` and exit code 3.

use super::*;

/// Run and require exit code 3 (completed, some input skipped or repaired); return stderr.
fn completes_with_warnings(wd: &Workdir, args: &[&str]) -> String {
    let out = wd.run(args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(3), "stancecmp {args:?}: {err}");
    err
}

/// The `stancecmp: warning:` lines of stderr, without the prefix.
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("stancecmp: warning: "))
        .collect()
}

const PROSE: &str = "Wang Yi said China firmly supports a ceasefire.\n\
                     Macron called for a cease-fire and respect for sovereignty.\n";

#[test]
fn invalid_utf8_is_replaced_with_a_warning_and_strict_refuses_it() {
    let wd = Workdir::new();
    wd.write("c/good.txt", PROSE);
    let bad = wd.path("c/latin1.txt");
    fs::write(
        &bad,
        b"Le ministre fran\xE7ais a dit oui.\nIt said \xFFno\xFE.\n",
    )
    .unwrap();
    let err = completes_with_warnings(&wd, &["analyze", "c", "--out", "out"]);
    let w = warnings(&err);
    assert!(
        w[0].starts_with("c/latin1.txt:1: invalid UTF-8 at byte offset 16 (3 invalid sequences)"),
        "{err}"
    );
    assert!(w[0].contains("byte offsets in the tables refer to the repaired text"));
    assert!(w[1].contains("skipped 0 and repaired 1"), "{err}");
    let st = rows(&wd.read("out/statements.csv"));
    let repaired = statement(&st, "Le ministre");
    assert_eq!(repaired["text"], "Le ministre fran\u{FFFD}ais a dit oui.");
    // The offsets slice the repaired text.
    let text = String::from_utf8_lossy(&fs::read(&bad).unwrap()).into_owned();
    let (s, e): (usize, usize) = (
        repaired["start_byte"].parse().unwrap(),
        repaired["end_byte"].parse().unwrap(),
    );
    assert_eq!(&text[s..e], repaired["text"]);

    let before = wd.read("out/statements.csv");
    let err = wd.fails(&["analyze", "c", "--out", "out", "--strict"]);
    assert!(
        err.starts_with("stancecmp: c/latin1.txt:1: invalid UTF-8 at byte offset 16"),
        "{err}"
    );
    assert_eq!(wd.read("out/statements.csv"), before);
}

#[test]
fn utf16_files_with_a_bom_read_like_their_utf8_copy() {
    let wd = Workdir::new();
    let text =
        "date 2025-03-01\r\n“We oppose bloc confrontation,” Wang Yi said.\r\nLe Drian a dit non.";
    wd.write("u8/doc.txt", text);
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    fs::create_dir_all(wd.path("u16")).unwrap();
    fs::write(wd.path("u16/doc.txt"), le).unwrap();
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    fs::create_dir_all(wd.path("u16be")).unwrap();
    fs::write(wd.path("u16be/doc.txt"), be).unwrap();
    wd.ok(&["analyze", "u8", "--out", "a"]);
    wd.ok(&["analyze", "u16", "--out", "b"]);
    wd.ok(&["analyze", "u16be", "--out", "c"]);
    assert_eq!(wd.read("a/statements.csv"), wd.read("b/statements.csv"));
    assert_eq!(wd.read("a/statements.csv"), wd.read("c/statements.csv"));
    let st = rows(&wd.read("b/statements.csv"));
    assert_eq!(st[0]["date"], "2025-03-01");
    assert_eq!(st[0]["actor"], "China");
}

#[test]
fn crlf_and_lone_cr_line_ends_give_the_same_statements_as_lf() {
    let wd = Workdir::new();
    let lf = "BEIJING TALKS\nChina said it supports a ceasefire.\nFrance agreed,\nand \
              called for talks.\n\nLeave a Reply\n";
    wd.write("lf.txt", lf);
    wd.write("crlf.txt", &lf.replace('\n', "\r\n"));
    wd.write("cr.txt", &lf.replace('\n', "\r"));
    let mut outputs = Vec::new();
    for name in ["lf", "crlf", "cr"] {
        wd.ok(&["analyze", &format!("{name}.txt"), "--out", name]);
        let text = fs::read_to_string(wd.path(&format!("{name}.txt"))).unwrap();
        let st = rows(&wd.read(&format!("{name}/statements.csv")));
        for r in &st {
            let (s, e): (usize, usize) = (
                r["start_byte"].parse().unwrap(),
                r["end_byte"].parse().unwrap(),
            );
            let raw = &text[s..e];
            assert_eq!(
                raw.split_whitespace().collect::<Vec<_>>().join(" "),
                r["text"]
            );
        }
        let view: Vec<(String, String, String)> = st
            .iter()
            .map(|r| (r["text"].clone(), r["heading"].clone(), r["actor"].clone()))
            .collect();
        outputs.push(view);
    }
    assert_eq!(outputs[0].len(), 4, "{:?}", outputs[0]);
    assert_eq!(outputs[0][0].1, "true");
    assert_eq!(outputs[0][2].0, "France agreed, and called for talks.");
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

#[test]
fn binary_and_empty_files_are_skipped_with_warnings_and_a_count() {
    let wd = Workdir::new();
    wd.write("c/a.txt", PROSE);
    fs::write(wd.path("c/photo.txt"), b"\xFF\xD8\xFF\xE0\0\x10JFIF\0").unwrap();
    wd.write("c/empty.txt", "");
    wd.write("c/blank.txt", " \n\t\n");
    fs::create_dir_all(wd.path("c/nothing/here")).unwrap();
    let err = completes_with_warnings(&wd, &["analyze", "c", "--out", "out"]);
    let w = warnings(&err);
    assert_eq!(w.len(), 4, "{err}");
    assert!(w[0].starts_with("c/blank.txt: the file is empty"), "{err}");
    assert!(w[1].starts_with("c/empty.txt: the file is empty"), "{err}");
    assert!(
        w[2].starts_with("c/photo.txt: a NUL byte at byte offset 4: this is a binary file"),
        "{err}"
    );
    assert_eq!(
        w[3],
        "read 1 document; skipped 3 and repaired 0 files, lines or rows (listed above); the exit \
         code will be 3"
    );
    let st = rows(&wd.read("out/statements.csv"));
    assert!(st.iter().all(|r| r["doc_id"] == "a"));

    let err = wd.fails(&["analyze", "c", "--out", "out", "--strict"]);
    assert!(err.contains("c/blank.txt: the file is empty"), "{err}");
}

#[test]
fn empty_folders_and_corpora_with_nothing_left_are_errors() {
    let wd = Workdir::new();
    fs::create_dir_all(wd.path("none/sub")).unwrap();
    let err = wd.fails(&["analyze", "none", "--out", "out"]);
    assert!(err.contains("none: folder has no .txt files"), "{err}");
    wd.write("blank/a.txt", "");
    let err = wd.fails(&["analyze", "blank", "--out", "out"]);
    assert!(
        err.contains("warning: blank/a.txt: the file is empty"),
        "{err}"
    );
    assert!(err.contains("the corpus is empty"), "{err}");
    assert!(!wd.path("out").exists());
}

#[test]
fn skip_bad_skips_broken_jsonl_lines_and_ragged_csv_rows() {
    let wd = Workdir::new();
    wd.write(
        "in.jsonl",
        "{\"id\": \"a\", \"text\": \"China supports a ceasefire, Wang Yi said.\"}\n\
         {\"id\": \"b\", \"text\": \n\
         {\"id\": \"c\"}\n\
         {\"id\": \"d\", \"text\": 42}\n\
         {\"id\": \"e\", \"text\": \"Macron called for a truce.\"}\n",
    );
    wd.write(
        "in.csv",
        "id,text\nf,France backs talks.\ng,one,two\nh\ni,\"Quoted, fine.\"\n",
    );
    // Without --skip-bad: an error naming the first bad line.
    let err = wd.fails(&["analyze", "in.jsonl", "in.csv", "--out", "out"]);
    assert!(
        err.starts_with("stancecmp: in.jsonl:2: invalid JSON"),
        "{err}"
    );
    let err = completes_with_warnings(
        &wd,
        &[
            "analyze",
            "in.jsonl",
            "in.csv",
            "--out",
            "out",
            "--skip-bad",
        ],
    );
    let w = warnings(&err);
    let at: Vec<&str> = w.iter().map(|w| w.split(": ").next().unwrap()).collect();
    assert_eq!(
        at,
        ["in.jsonl:2", "in.jsonl:3", "in.jsonl:4", "in.csv:3", "in.csv:4", "read 4 documents; skipped 5 and repaired 0 files, lines or rows (listed above); the exit code will be 3"]
    );
    assert!(w[1].contains("no \"text\" field") && w[1].ends_with("skipped the line (--skip-bad)"));
    assert!(w[2].contains("\"text\" must be a string, found a number"));
    assert!(w[3].contains("row has 3 fields but the header has 2"));
    let ids: std::collections::BTreeSet<String> = rows(&wd.read("out/statements.csv"))
        .iter()
        .map(|r| r["doc_id"].clone())
        .collect();
    assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["a", "e", "f", "i"]);
    // A CSV without the text column is skipped whole.
    wd.write("other.csv", "id,body\nx,Some text.\n");
    let err = completes_with_warnings(
        &wd,
        &[
            "analyze",
            "other.csv",
            "in.jsonl",
            "--out",
            "out2",
            "--skip-bad",
        ],
    );
    assert!(
        warnings(&err)[0].starts_with("other.csv:1: the header has no \"text\" column"),
        "{err}"
    );
}

#[test]
fn strict_and_skip_bad_cannot_be_combined() {
    let wd = Workdir::new();
    let out = wd.run(&["analyze", "--strict", "--skip-bad"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn dates_that_do_not_parse_are_warnings_and_the_document_is_kept() {
    let wd = Workdir::new();
    wd.write(
        "d.csv",
        "id,text,date\na,China said it supports a ceasefire.,2025-02-30\n\
         b,France agreed.,2025-03-01\nc,Talks went on.,next week\n",
    );
    let err = completes_with_warnings(&wd, &["analyze", "d.csv", "--out", "out"]);
    let w = warnings(&err);
    assert!(
        w[0].starts_with("d.csv:2: \"date\" value \"2025-02-30\" is not a valid date")
            && w[0].ends_with("kept the document without this date (--strict refuses it)"),
        "{err}"
    );
    assert!(
        w[1].starts_with("d.csv:4: \"date\" value \"next week\""),
        "{err}"
    );
    assert!(w[2].contains("skipped 0 and repaired 2"), "{err}");
    let st = rows(&wd.read("out/statements.csv"));
    let dates: Vec<(&str, &str)> = st
        .iter()
        .map(|r| (r["doc_id"].as_str(), r["date"].as_str()))
        .collect();
    assert_eq!(dates, [("a", ""), ("b", "2025-03-01"), ("c", "")]);
    let err = wd.fails(&["analyze", "d.csv", "--out", "strict", "--strict"]);
    assert!(err.contains("d.csv:2: \"date\" value"), "{err}");
}

#[test]
fn a_long_one_line_document_and_a_huge_word_are_analysed() {
    // The timing of 5 MB against 25 MB (linear) is in `cargo bench`; here, correctness on a
    // document large enough to cross every internal limit, on one line.
    let wd = Workdir::new();
    let sentence = "Wang Yi said China supports a ceasefire and opposes bloc confrontation. ";
    let mut text = sentence.repeat(3_000);
    text.push_str(&"peace talks without end ".repeat(2_000));
    text.push_str(&"x".repeat(300_000));
    text.push_str(" France agreed.");
    wd.write("big.txt", &text);
    wd.ok(&["analyze", "big.txt", "--out", "out"]);
    let st = rows(&wd.read("out/statements.csv"));
    // 348 kB without a sentence end: cut into pieces of at most MAX_STATEMENT bytes.
    assert!((3_000 + 85..3_000 + 90).contains(&st.len()), "{}", st.len());
    assert!(st[..3_000].iter().all(|r| r["actor"] == "China"));
    let mut prev_end = 0;
    for r in &st {
        let (s, e): (usize, usize) = (
            r["start_byte"].parse().unwrap(),
            r["end_byte"].parse().unwrap(),
        );
        assert!(s >= prev_end && e - s <= stancecmp::split::MAX_STATEMENT);
        assert_eq!(&text[s..e], r["text"]);
        prev_end = e;
    }
    assert!(st.last().unwrap()["text"].ends_with("xxx France agreed."));
}

#[cfg(unix)]
#[test]
fn deep_folders_and_symlink_loops_end() {
    use std::os::unix::fs::symlink;
    let wd = Workdir::new();
    let deep: String = (0..60).map(|i| format!("level{i}/")).collect();
    wd.write(
        &format!("c/{deep}deep.txt"),
        "China said it supports a ceasefire.",
    );
    wd.write("c/top.txt", "France agreed.");
    symlink(wd.path("c"), wd.path(&format!("c/{deep}back_to_top"))).unwrap();
    symlink(wd.path("c/loop_a.txt"), wd.path("c/loop_b.txt")).unwrap();
    symlink(wd.path("c/loop_b.txt"), wd.path("c/loop_a.txt")).unwrap();
    let err = completes_with_warnings(&wd, &["analyze", "c", "--out", "out"]);
    let w = warnings(&err);
    assert!(
        w[0].starts_with("c/loop_a.txt: broken or looping symbolic link"),
        "{err}"
    );
    assert!(
        w[1].starts_with("c/loop_b.txt: broken or looping symbolic link"),
        "{err}"
    );
    let ids: Vec<String> = rows(&wd.read("out/statements.csv"))
        .iter()
        .map(|r| r["doc_id"].clone())
        .collect();
    assert_eq!(ids, ["deep", "top"]);
}

#[test]
fn out_may_not_be_or_contain_or_lie_inside_an_input() {
    let wd = Workdir::new();
    wd.write("corpus/a.txt", PROSE);
    wd.write("corpus/sub/b.txt", PROSE);
    let snapshot = || {
        let mut names: Vec<String> = Vec::new();
        let mut stack = vec![wd.path("corpus")];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(d).unwrap() {
                let p = e.unwrap().path();
                names.push(p.display().to_string());
                if p.is_dir() {
                    stack.push(p);
                }
            }
        }
        names.sort();
        names
    };
    let before = snapshot();
    for (out, want) in [
        ("corpus", "--out corpus is the input corpus"),
        ("corpus/sub", "--out corpus/sub is inside the input corpus"),
        (
            "corpus/new/reports",
            "--out corpus/new/reports is inside the input corpus",
        ),
        ("corpus/../corpus/x", "is inside the input corpus"),
        (".", "--out . contains the input corpus"),
    ] {
        let err = wd.fails(&["analyze", "corpus", "--out", out]);
        assert!(err.contains(want), "--out {out}: {err}");
        assert!(err.contains("choose"), "{err}");
    }
    // A file input inside --out, and a symbolic link to the input.
    let err = wd.fails(&["analyze", "corpus/a.txt", "--out", "corpus"]);
    assert!(err.contains("contains the input corpus/a.txt"), "{err}");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(wd.path("corpus"), wd.path("alias")).unwrap();
        let err = wd.fails(&["analyze", "corpus", "--out", "alias/reports"]);
        assert!(err.contains("inside the input corpus"), "{err}");
    }
    // The lexicon folder is an input too.
    fs::create_dir_all(wd.path("lex")).unwrap();
    let err = wd.fails(&["analyze", "corpus", "--lexicons", "lex", "--out", "lex"]);
    assert!(err.contains("is the lexicon folder lex"), "{err}");
    assert_eq!(snapshot(), before, "a refused run wrote into the input");
    assert!(!wd.path("lex").read_dir().unwrap().any(|_| true));
    // Beside the input is fine.
    wd.ok(&["analyze", "corpus", "--out", "reports"]);
}

#[test]
fn bad_lexicon_and_gazetteer_files_are_errors_with_line_and_column() {
    let wd = Workdir::new();
    wd.write("doc.txt", PROSE);
    let head = "name: peace\nversion: 1\ndescription: d\n---\n";
    let cases: [(&str, String, &str); 5] = [
        (
            "lex/peace.lex",
            format!("{head}peace talks\n   | 2\n"),
            "lex/peace.lex:6:4: the entry is empty",
        ),
        (
            "lex/peace.lex",
            format!("{head}peace talks\npea*\n"),
            "lex/peace.lex:6:1: glob `pea*` is too short: a glob needs at least 4 letters",
        ),
        (
            "lex/peace.lex",
            format!("{head}peace talks\nPeace  Talks\n"),
            "lex/peace.lex:6:1: duplicate entry `Peace  Talks` (first on line 5)",
        ),
        (
            "lex/peace.lex",
            "name: ceasefire\nversion: 1\ndescription: d\n---\ntruce\n".to_string(),
            "lex/peace.lex:1:1: lexicon name `ceasefire` is already used by",
        ),
        (
            "lex/actors.toml",
            "version = \"1\"\n[[actor]]\nname = \"China\"\ntrack = true\n[[actor]]\nname = \"China\"\n"
                .to_string(),
            "lex/actors.toml:6:8: actor `China` is defined twice (first on line 3)",
        ),
    ];
    for (path, text, want) in cases {
        let _ = fs::remove_dir_all(wd.path("lex"));
        wd.write(path, &text);
        let err = wd.fails(&["analyze", "doc.txt", "--lexicons", "lex", "--out", "out"]);
        assert!(err.starts_with(&format!("stancecmp: {want}")), "{err}");
    }
    let _ = fs::remove_dir_all(wd.path("lex"));
    wd.write(
        "lex/actors.toml",
        "version = \"1\"\n[[actor]]\nname = \"China\"\nnames = [\"PRC\", \"\"]\n",
    );
    let err = wd.fails(&["analyze", "doc.txt", "--lexicons", "lex", "--out", "out"]);
    assert!(
        err.starts_with("stancecmp: lex/actors.toml:4:17: name of `China` is empty"),
        "{err}"
    );
    assert!(!wd.path("out").exists());
}

#[test]
fn a_flood_of_bad_lines_lists_the_first_hundred_and_counts_all() {
    let wd = Workdir::new();
    let mut text = String::from("{\"id\": \"a\", \"text\": \"China supports a ceasefire.\"}\n");
    for _ in 0..150 {
        text.push_str("{\"id\": \n");
    }
    wd.write("in.jsonl", &text);
    let out = wd.run(&[
        "analyze",
        "in.jsonl",
        "--out",
        "out",
        "--skip-bad",
        "--no-charts",
    ]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    let listed = err.lines().filter(|l| l.contains("in.jsonl:")).count();
    assert_eq!(listed, 100, "{err}");
    assert!(err.contains("more than 100 input problems"), "{err}");
    assert!(
        err.contains(
            "skipped 150 and repaired 0 files, lines or rows (the first 100 listed above)"
        ),
        "{err}"
    );
}
