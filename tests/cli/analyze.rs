//! `stancecmp analyze` on the embedded seed corpus.

use super::*;

#[test]
fn embedded_seeds_write_the_tables_from_any_directory() {
    let wd = Workdir::new();
    let out = wd.ok(&["analyze", "--out", "out"]);
    let msg = String::from_utf8(out.stderr).unwrap();
    assert!(msg.contains("5 documents"), "{msg}");
    for f in TABLES.iter().chain(&["report.html", "report.md"]) {
        assert!(wd.path("out").join(f).is_file(), "{f} missing");
    }
    // Nothing else is left in the output folder (no temporary files): the tables, the two
    // report pages and the charts folder.
    assert_eq!(
        fs::read_dir(wd.path("out")).unwrap().count(),
        TABLES.len() + 3
    );
}

#[test]
fn seed_statements_are_attributed_to_the_right_actor() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out"]);
    let st = rows(&wd.read("out/statements.csv"));
    let macron = statement(&st, "\u{201C}I hope that China will join our call");
    assert_eq!(macron["actor"], "France");
    assert_eq!(macron["speaker"], "Emmanuel Macron");
    assert_eq!(macron["attribution"], "quote");
    let xi = statement(&st, "Xi did not respond to France's call");
    assert_eq!(xi["actor"], "China");
    assert_eq!(xi["speaker"], "Xi Jinping");
    assert_eq!(xi["role"], "official");
    // A surname resolves to the person named earlier in the same document, not the minister.
    let wang = statement(&st, "The two countries have common interests");
    assert_eq!(
        (
            wang["actor"].as_str(),
            wang["speaker"].as_str(),
            wang["role"].as_str()
        ),
        ("China", "Wang Yunfei", "expert")
    );
    // Narration has no holder; a joint statement is joint.
    assert_eq!(
        statement(&st, "French President Emmanuel Macron met with")["actor"],
        "none"
    );
    assert_eq!(
        statement(&st, "China and France agreed to deepen")["actor"],
        "joint"
    );
    // Every row's byte range slices the document to its text (whitespace normalised).
    let text = fs::read_to_string(seeds().join("003_8edb6b4773bf86b6.txt")).unwrap();
    for r in st.iter().filter(|r| r["doc_id"] == "003_8edb6b4773bf86b6") {
        let (s, e): (usize, usize) = (
            r["start_byte"].parse().unwrap(),
            r["end_byte"].parse().unwrap(),
        );
        assert_eq!(
            text[s..e].split_whitespace().collect::<Vec<_>>().join(" "),
            r["text"]
        );
        assert_eq!(r["date"], "2025-12-04");
    }
}

#[test]
fn the_moratorium_sentence_scores_on_ceasefire() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out"]);
    let st = rows(&wd.read("out/statements.csv"));
    let s = statement(&st, "\u{201C}I hope that China will join our call");
    assert_eq!(s["doc_id"], "003_8edb6b4773bf86b6");
    assert!(s["ceasefire_hits"].parse::<u32>().unwrap() >= 2, "{s:?}");
    assert_eq!(s["ceasefire_stance"], "support");
    assert!(s["ceasefire_score"].parse::<f64>().unwrap() > 0.0);
    let m = rows(&wd.read("out/matches.csv"));
    let mora: Vec<_> = m
        .iter()
        .filter(|r| {
            r["doc_id"] == s["doc_id"]
                && r["sentence_no"] == s["sentence_no"]
                && r["lexicon"] == "ceasefire"
        })
        .collect();
    let texts: Vec<&str> = mora.iter().map(|r| r["matched_text"].as_str()).collect();
    assert!(
        texts.iter().any(|t| t.starts_with("moratorium")),
        "{texts:?}"
    );
    assert!(texts.contains(&"ceasefire"), "{texts:?}");
    // Matches point into the document.
    let text = fs::read_to_string(seeds().join("003_8edb6b4773bf86b6.txt")).unwrap();
    for r in &mora {
        let (a, b): (usize, usize) = (
            r["start_byte"].parse().unwrap(),
            r["end_byte"].parse().unwrap(),
        );
        assert_eq!(&text[a..b], r["matched_text"]);
    }
}

#[test]
fn headings_stay_statements_of_their_own() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out"]);
    let st = rows(&wd.read("out/statements.csv"));
    for h in [
        "\u{1F1E8}\u{1F1F3}\u{1F1EB}\u{1F1F7} Beijing and Paris Strengthen Diplomatic Coordination",
        "Leave a Reply",
        "Strengthening Sino-French Relations",
        "China France Photo:VCG",
    ] {
        let r = st
            .iter()
            .find(|r| r["text"] == h)
            .unwrap_or_else(|| panic!("heading {h:?} is not a statement of its own"));
        assert_eq!(r["heading"], "true");
    }
    // A sentence broken across two lines is joined.
    let joined = statement(&st, "China's Defense Minister visited France");
    assert!(
        joined["text"].ends_with("counterpart on Monday."),
        "{joined:?}"
    );
}

#[test]
fn thread_counts_give_identical_files() {
    let wd = Workdir::new();
    let seeds = seeds();
    let seeds = seeds.to_str().unwrap();
    wd.ok(&["analyze", seeds, "--threads", "1", "--out", "one"]);
    wd.ok(&["analyze", seeds, "--threads", "2", "--out", "two"]);
    for f in ["statements.csv", "matches.csv", "summary.csv"] {
        assert_eq!(
            fs::read(wd.path("one").join(f)).unwrap(),
            fs::read(wd.path("two").join(f)).unwrap(),
            "{f} differs"
        );
    }
    // The embedded corpus and the seed folder agree except for nothing at all.
    wd.ok(&["analyze", "--out", "embedded"]);
    assert_eq!(
        wd.read("embedded/statements.csv"),
        wd.read("one/statements.csv")
    );
}

#[test]
fn summary_counts_add_up_to_the_statements() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out"]);
    let st = rows(&wd.read("out/statements.csv"));
    let sum = rows(&wd.read("out/summary.csv"));
    for r in &sum {
        let mine: Vec<_> = st.iter().filter(|s| s["actor"] == r["actor"]).collect();
        assert_eq!(r["statements"], mine.len().to_string(), "{r:?}");
        let lex = &r["lexicon"];
        let hits: u32 = mine
            .iter()
            .map(|s| s[&format!("{lex}_hits")].parse::<u32>().unwrap())
            .sum();
        assert_eq!(r["hits"], hits.to_string(), "{r:?}");
        let with: usize = mine
            .iter()
            .filter(|s| s[&format!("{lex}_hits")] != "0")
            .count();
        assert_eq!(r["statements_with_hits"], with.to_string());
        if mine.is_empty() {
            assert_eq!(r["share"], "");
        }
    }
    let actors: Vec<&str> = sum.iter().map(|r| r["actor"].as_str()).collect();
    assert_eq!(actors.first(), Some(&"China"));
    assert_eq!(actors.last(), Some(&"none"));
}

#[test]
fn explain_shows_the_candidates_and_the_decision() {
    let wd = Workdir::new();
    let out = wd.ok(&["explain", "002_a5f290b71727a79a:13"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("mention `Wang`: surname wang"), "{text}");
    assert!(
        text.contains("subject `Wang` (right before the verb) -> Wang Yunfei (China, expert)"),
        "{text}"
    );
    assert!(
        text.contains("decision: actor China, speaker Wang Yunfei, role expert, rule speech_verb"),
        "{text}"
    );
    let out = wd.ok(&["explain", "001_71454d89d5d8332c:16"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "carried: quoted speech without a speaker takes the speaker of the next sentence"
        ),
        "{text}"
    );
    let err = wd.fails(&["explain", "001_71454d89d5d8332c:99"]);
    assert!(err.contains("has 31 statements"), "{err}");
    let err = wd.fails(&["explain", "nope:1"]);
    assert!(err.contains("no document `nope`"), "{err}");
}

#[test]
fn roles_limit_the_summary() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "all"]);
    wd.ok(&[
        "analyze",
        "--roles",
        "official,state_media",
        "--out",
        "officials",
    ]);
    let all = rows(&wd.read("all/summary.csv"));
    let off = rows(&wd.read("officials/summary.csv"));
    let st = rows(&wd.read("all/statements.csv"));
    for (a, o) in all.iter().zip(&off) {
        let actor = &a["actor"];
        let officials = st
            .iter()
            .filter(|s| {
                &s["actor"] == actor
                    && (actor == "none" || s["role"] == "official" || s["role"] == "state_media")
            })
            .count();
        assert_eq!(o["statements"], officials.to_string(), "{actor}");
    }
    // Experts speak in the seeds, so the filter changes something.
    assert_ne!(wd.read("all/summary.csv"), wd.read("officials/summary.csv"));
    // The statement table is never filtered.
    assert_eq!(
        wd.read("all/statements.csv"),
        wd.read("officials/statements.csv")
    );
}
