//! `stancecmp lexicon import`, `stancecmp lexicon check` and `stancecmp kwic`.

use super::*;

/// A fixture of `tests/data/`, as a path string.
fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Import the three fixtures into `lex/` (the JSON one with the prefix `q`).
fn import_all(wd: &Workdir) -> [Output; 3] {
    let dic = fixture("small.dic");
    let yaml = fixture("small.yaml");
    let json = fixture("small.json");
    [
        wd.ok(&[
            "lexicon",
            "import",
            &dic,
            "--out",
            "lex",
            "--name-prefix",
            "liwc",
        ]),
        wd.ok(&["lexicon", "import", &yaml, "--out", "lex"]),
        wd.ok(&[
            "lexicon",
            "import",
            &json,
            "--out",
            "lex",
            "--name-prefix",
            "q",
        ]),
    ]
}

#[test]
fn imported_liwc_yaml_and_json_lexicons_match_in_analyze() {
    let wd = Workdir::new();
    import_all(&wd);
    let mut names: Vec<String> = fs::read_dir(wd.path("lex"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "economy_growth.lex",
            "economy_trade.lex",
            "liwc_peace_talks.lex",
            "liwc_sovereignty.lex",
            "q_diplomacy_talks.lex",
            "q_economy_trade.lex",
            "securite_collective.lex",
        ]
    );
    let lex = wd.read("lex/liwc_peace_talks.lex");
    assert!(
        lex.contains("\nname: liwc_peace_talks\nversion: imported\n"),
        "{lex}"
    );
    assert!(
        lex.contains("description: Imported from small.dic (LIWC .dic dictionary), category peace_talks (2).\n"),
        "{lex}"
    );
    let yaml = wd.read("lex/economy_trade.lex");
    assert!(yaml.contains("quanteda-style YAML dictionary), category economy > trade."));
    assert!(yaml.ends_with("---\ntariff*\ntrade deficit\n"), "{yaml}");

    wd.ok(&[
        "analyze",
        &fixture("sample.txt"),
        "--lexicons",
        "lex",
        "--out",
        "rep",
    ]);
    let found: Vec<(String, String, String, String)> = rows(&wd.read("rep/matches.csv"))
        .into_iter()
        .map(|r| {
            (
                r["sentence_no"].clone(),
                r["lexicon"].clone(),
                r["entry"].clone(),
                r["matched_text"].clone(),
            )
        })
        .collect();
    for want in [
        ("1", "liwc_peace_talks", "ceasefire", "ceasefire"),
        ("1", "securite_collective", "ceasefire", "ceasefire"),
        ("1", "q_diplomacy_talks", "dialogue", "dialogue"),
        ("2", "economy_trade", "tariff*", "tariffs"),
        ("2", "q_economy_trade", "trade deficit", "trade deficit"),
        ("3", "economy_trade", "tariff*", "tariffs"),
        ("4", "liwc_sovereignty", "sovereign*", "sovereignty"),
        ("4", "liwc_sovereignty", "peace talks", "peace talks"),
        ("4", "liwc_peace_talks", "war", "war"),
        ("4", "q_diplomacy_talks", "summit*", "summit"),
    ] {
        let want = (
            want.0.to_string(),
            want.1.to_string(),
            want.2.to_string(),
            want.3.to_string(),
        );
        assert!(found.contains(&want), "{want:?} not in {found:#?}");
    }
    // The new lexicons get their own columns.
    let st = wd.read("rep/statements.csv");
    assert!(st.lines().next().unwrap().contains("liwc_sovereignty_hits"));
}

#[test]
fn import_lists_every_skipped_entry_with_its_position() {
    let wd = Workdir::new();
    let [dic, yaml, json] = import_all(&wd);
    let msg = stderr(&dic);
    for want in [
        "small.dic:13:7: skipped `dialog?e` (peace_talks (2)): `?` is not allowed",
        "small.dic:14:1: skipped `un*` (sovereignty (1)): glob `un*` is too short",
        "small.dic:15:2: skipped `:)`",
        "small.dic:16:6: skipped category `(02 134)125/464` of `like`: conditional categories",
        "small.dic:17:10: skipped category `9` of `whatever`: the header has no such category",
        "small.dic: category `unused (3)` has no entry to import: no file",
        "wrote 2 lexicons with 9 entries",
        "skipped 5 entries the .lex format cannot hold",
    ] {
        assert!(msg.contains(want), "{want:?} not in\n{msg}");
    }
    let out = stdout(&dic);
    assert!(
        out.starts_with("lex/liwc_sovereignty.lex    4 entries  category sovereignty (1)\n"),
        "{out}"
    );
    let msg = stderr(&yaml);
    assert!(
        msg.contains("small.yaml:6:14: skipped `export?` (economy > trade)"),
        "{msg}"
    );
    assert!(msg.contains("small.yaml:10:6: skipped `(war|conflict)` (Sécurité collective): `(`"));
    let msg = stderr(&json);
    assert!(
        msg.contains("small.json:2:54: skipped `*trade` (economy > trade)"),
        "{msg}"
    );
    assert!(
        msg.contains("small.json:3:49: skipped `x` (Diplomacy & Talks): entry `x` is too short")
    );
}

#[test]
fn import_refuses_to_overwrite_without_force() {
    let wd = Workdir::new();
    let yaml = fixture("small.yaml");
    wd.ok(&["lexicon", "import", &yaml, "--out", "lex"]);
    wd.write("lex/economy_trade.lex", "edited by hand\n");
    let msg = wd.fails(&["lexicon", "import", &yaml, "--out", "lex"]);
    assert!(
        msg.contains("lex/economy_trade.lex, lex/economy_growth.lex, lex/securite_collective.lex already exist; give --force to replace them"),
        "{msg}"
    );
    assert_eq!(wd.read("lex/economy_trade.lex"), "edited by hand\n");
    wd.ok(&["lexicon", "import", &yaml, "--out", "lex", "--force"]);
    assert!(wd
        .read("lex/economy_trade.lex")
        .contains("name: economy_trade"));
}

#[test]
fn import_rejects_what_it_cannot_read() {
    let wd = Workdir::new();
    wd.write("dict.txt", "a: [b]\n");
    let msg = wd.fails(&["lexicon", "import", "dict.txt", "--out", "lex"]);
    assert!(msg.contains("cannot tell the format"), "{msg}");
    wd.write("bad.yaml", "economy:\n  - tariff\n trade: [x\n");
    let msg = wd.fails(&["lexicon", "import", "bad.yaml", "--out", "lex"]);
    assert!(msg.starts_with("stancecmp: bad.yaml:3:"), "{msg}");
    assert!(msg.contains("invalid YAML"), "{msg}");
    wd.write("list.json", "[\"tariff\"]");
    let msg = wd.fails(&["lexicon", "import", "list.json", "--out", "lex"]);
    assert!(
        msg.contains("list.json:1:1: the top level must be a mapping"),
        "{msg}"
    );
    let msg = wd.fails(&[
        "lexicon",
        "import",
        "dict.txt",
        "--format",
        "yaml",
        "--out",
        "lex",
        "--name-prefix",
        "Bad-Prefix",
    ]);
    assert!(msg.contains("--name-prefix `Bad-Prefix`"), "{msg}");
    assert!(!wd.path("lex").exists());
}

const CORPUS: &str = "Both sides called for a ceasefire and respect for sovereignty.\n";

/// A folder with a shadowed entry, a duplicate within a lexicon and one across lexicons.
fn warn_only(wd: &Workdir) {
    wd.write(
        "lex/a.lex",
        "name: a\nversion: 1\ndescription: d\n---\nsovereign*\nsovereignty\ncease-fire\nceasefire\nwarlord*\n",
    );
    wd.write(
        "lex/b.lex",
        "name: b\nversion: 1\ndescription: d\n---\nCease-Fire\nindependence\n",
    );
    wd.write("corpus.txt", CORPUS);
}

#[test]
fn check_lists_duplicates_shadows_and_unmatched_entries() {
    let wd = Workdir::new();
    warn_only(&wd);
    let out = wd.ok(&["lexicon", "check", "lex", "corpus.txt"]);
    let text = stdout(&out);
    for want in [
        "malformed lines: 0\n",
        // Across lexicons, the later lexicon (by name) names the earlier one; the embedded
        // lexicons count, as in `analyze --lexicons lex`.
        "duplicate entries: 5\n",
        "  lex/a.lex:8: a `ceasefire`: matches the same text as `cease-fire` (line 7), which takes the match\n",
        "  lex/b.lex:5: b `Cease-Fire`: also in a as `cease-fire` (lex/a.lex:7): a match counts in both\n",
        "  lex/b.lex:6: b `independence`: also in autonomy as `independence` (<embedded>/lexicons/autonomy.lex:",
        ": sovereignty `sovereign*`: also in a as `sovereign*` (lex/a.lex:5)",
        "entries shadowed by a glob: 1\n",
        "  lex/a.lex:6: a `sovereignty`: already matched by `sovereign*` (line 5)\n",
        "  lex/a.lex:9: a `warlord*`: no match in the 1 document\n",
        "  lex/b.lex:6: b `independence`: no match in the 1 document\n",
        "  <embedded>/lexicons/autonomy.lex:",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    // The real scorer decides: `sovereign*` matches "sovereignty", so it is not listed.
    assert!(!text.contains("a `sovereign*`: no match"), "{text}");

    let out = wd.ok(&["lexicon", "check", "lex", "corpus.txt", "--csv"]);
    let found = rows(&stdout(&out));
    let shadow = found.iter().find(|r| r["kind"] == "shadowed").unwrap();
    assert_eq!(
        [
            &shadow["lexicon"],
            &shadow["entry"],
            &shadow["file"],
            &shadow["line"]
        ],
        ["a", "sovereignty", "lex/a.lex", "6"]
    );
    assert_eq!(shadow["detail"], "already matched by `sovereign*` (line 5)");
    assert!(found
        .iter()
        .any(|r| r["kind"] == "unmatched" && r["entry"] == "warlord*"));
    assert!(stderr(&out).contains("1 document: 0 malformed, 5 duplicate, 1 shadowed"));
}

#[test]
fn check_collects_every_malformed_line_and_exits_1() {
    let wd = Workdir::new();
    warn_only(&wd);
    wd.write(
        "lex/c.lex",
        "name: c\nversion: 1\ndescription: d\n---\nfoo | lots\nba(r\nfine entry\nfine entry\n",
    );
    wd.write("lex/d.lex", "name: D\nversion: 1\n---\nx\n");
    let out = wd.run(&["lexicon", "check", "lex", "corpus.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for want in [
        "malformed lines: 6\n",
        "  lex/c.lex:5:6: weight `lots` is not a number",
        "  lex/c.lex:6:3: `(` is not allowed inside an entry",
        "  lex/c.lex:8:1: duplicate entry `fine entry` (first on line 7)",
        "  lex/d.lex:1:1: lexicon name `D` must be lower-case",
        "  lex/d.lex: the header has no `description:`",
        "  lex/d.lex:4:1: entry `x` is too short",
        // The other checks still run.
        "entries shadowed by a glob: 1\n",
        "  lex/c.lex:7: c `fine entry`: no match in the 1 document",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    assert!(stderr(&out).contains("stancecmp: 6 malformed lines in the lexicons"));

    let out = wd.run(&["lexicon", "check", "lex", "corpus.txt", "--csv"]);
    assert_eq!(out.status.code(), Some(1));
    let found = rows(&stdout(&out));
    let bad = found.iter().find(|r| r["kind"] == "malformed").unwrap();
    assert_eq!(
        [&bad["lexicon"], &bad["entry"], &bad["file"], &bad["line"]],
        ["c", "foo | lots", "lex/c.lex", "5"]
    );
    assert!(
        bad["detail"].starts_with("column 6: weight `lots`"),
        "{bad:?}"
    );
}

#[test]
fn check_defaults_to_the_embedded_data_and_the_seeds() {
    let wd = Workdir::new();
    let out = wd.ok(&["lexicon", "check"]);
    let text = stdout(&out);
    assert!(text.starts_with("malformed lines: 0\n"), "{text}");
    assert!(
        text.contains(" entries, 5 documents: 0 malformed"),
        "{text}"
    );
    // --lexicons names the folder, so the positional arguments are all inputs.
    warn_only(&wd);
    let out = wd.ok(&["lexicon", "check", "--lexicons", "lex", "corpus.txt"]);
    assert!(stdout(&out).contains("1 document: 0 malformed, 5 duplicate"));
}

#[test]
fn kwic_lines_up_the_matches_of_a_pattern() {
    let wd = Workdir::new();
    let out = wd.ok(&["kwic", "sovereign*", "--width", "30"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "000_acc10550ab9d5e7c   8  China  pport a peace process built on | sovereignty | , territorial integrity, and n",
            "000_acc10550ab9d5e7c  12  China  lan emphasizes respect for the | sovereignty | of all states, calls for an im",
        ]
    );
    assert_eq!(
        stderr(&out),
        "stancecmp: 2 matches of `sovereign*` in 5 documents\n"
    );

    // Folding and hyphen variants count: `cease-fire` finds "ceasefire".
    let out = wd.ok(&["kwic", "Cease-Fire", "--csv"]);
    let found = rows(&stdout(&out));
    assert!(!found.is_empty());
    let r = &found[0];
    assert_eq!(
        [
            &r["match"],
            &r["entry"],
            &r["actor"],
            &r["speaker"],
            &r["lexicon"]
        ],
        ["ceasefire", "Cease-Fire", "France", "Emmanuel Macron", ""]
    );
    assert!(r["left"].ends_with("pressuring Russia toward a"), "{r:?}");

    let positions: Vec<usize> = stdout(&wd.ok(&["kwic", "the", "--width", "20"]))
        .lines()
        .map(|l| l[..l.find(" | ").unwrap()].chars().count())
        .collect();
    assert!(positions.len() > 50);
    assert!(
        positions.iter().all(|p| *p == positions[0]),
        "{positions:?}"
    );
}

#[test]
fn kwic_of_a_lexicon_shows_the_matches_of_analyze() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "rep"]);
    let want: Vec<[String; 4]> = rows(&wd.read("rep/matches.csv"))
        .into_iter()
        .filter(|r| r["lexicon"] == "ceasefire")
        .map(|r| {
            [
                r["doc_id"].clone(),
                r["sentence_no"].clone(),
                r["entry"].clone(),
                r["stance"].clone(),
            ]
        })
        .collect();
    let out = wd.ok(&["kwic", "--lexicon", "ceasefire", "--csv"]);
    let got: Vec<[String; 4]> = rows(&stdout(&out))
        .into_iter()
        .map(|r| {
            [
                r["doc_id"].clone(),
                r["sentence_no"].clone(),
                r["entry"].clone(),
                r["stance"].clone(),
            ]
        })
        .collect();
    assert!(want.len() > 5);
    assert_eq!(got, want);

    // With --lexicon, the first positional argument is an input, and the stance is shown.
    wd.write("corpus.txt", CORPUS);
    let out = wd.ok(&["kwic", "--lexicon", "ceasefire", "corpus.txt"]);
    assert_eq!(
        stdout(&out),
        "corpus  1  joint  support  Both sides called for a | ceasefire | and respect for sovereignty.\n"
    );
    let msg = wd.fails(&["kwic", "--lexicon", "nope"]);
    assert!(
        msg.contains("no lexicon `nope`; the lexicons are autonomy, "),
        "{msg}"
    );
    let msg = wd.fails(&["kwic", "fo(o"]);
    assert!(
        msg.contains("pattern `fo(o`, character 3: `(` is not allowed"),
        "{msg}"
    );
}

#[test]
fn kwic_into_a_closed_pipe_exits_quietly() {
    let wd = Workdir::new();
    wd.write(
        "big.txt",
        &"The talks on the ceasefire went on. ".repeat(20_000),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_stancecmp"))
        .args(["kwic", "the", "big.txt", "--threads", "1"])
        .current_dir(wd.path(""))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    use std::io::Read;
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}
