//! Properties that hold for any text (proptest), and the inputs the fuzzers found or found
//! interesting (`tests/data/fuzz/TARGET/`, replayed through the same checks as `fuzz/`).

use proptest::prelude::*;
use std::sync::OnceLock;

use stancecmp::data::DataFile;
use stancecmp::lexicon::{entry_from_text, parse_all};
use stancecmp::model::Document;
use stancecmp::pipeline::{analyze, analyze_document, Config, DocResult};
use stancecmp::read::{document_from_text, read_bytes, Format, ReadOptions};
use stancecmp::split::MAX_STATEMENT;

fn config() -> &'static Config {
    static C: OnceLock<Config> = OnceLock::new();
    C.get_or_init(|| Config::load(None).expect("embedded data files load"))
}

/// Text that looks like news, and like what breaks news readers: names, speech verbs, cues,
/// abbreviations, quotes of every kind, every line end, emoji, U+FFFD, dates, and arbitrary
/// characters in between.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "China",
        "France",
        "Wang Yi",
        "Macron",
        "Beijing",
        " he",
        " said",
        " told reporters",
        " called for",
        " a ceasefire",
        " not",
        " sovereignty",
        " according to",
        ". ",
        "? ",
        "! ",
        "... ",
        "… ",
        ", ",
        ": ",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "“",
        "”",
        "\"",
        "'",
        "’s",
        "U.S.",
        "Mr.",
        "3.5",
        " ",
        "\t",
        "—",
        "-",
        "é",
        "🇨🇳",
        "\u{FFFD}",
        "\u{200B}",
        "Q:",
        "date 2025-01-02 ",
        "the French president",
        "(",
        ")",
    ]);
    let piece = prop_oneof![
        4 => pieces.prop_map(String::from),
        1 => "\\PC{0,6}",
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// The checks every analysed document passes: statements slice the text to exactly their
/// (trimmed) text, inside the body, in order, without overlap; matches lie inside them.
fn check_document(doc: &Document, result: &DocResult) {
    let mut prev = doc.body_start;
    for st in &result.statements {
        let seg = st.segment;
        assert!(seg.start >= prev, "overlap or disorder at {seg:?}");
        assert!(seg.start < seg.end && seg.end - seg.start <= MAX_STATEMENT);
        let piece = &doc.text[seg.start..seg.end];
        assert_eq!(piece, piece.trim(), "untrimmed statement");
        for m in &st.matches {
            assert!(seg.start <= m.start && m.start < m.end && m.end <= seg.end);
        }
        prev = seg.end;
    }
}

/// Reading arbitrary bytes never panics; what it reads is well formed.
fn check_read(bytes: &[u8], format: Format) {
    for opts in [
        ReadOptions::default(),
        ReadOptions {
            skip_bad: true,
            ..ReadOptions::default()
        },
        ReadOptions {
            strict: true,
            ..ReadOptions::default()
        },
    ] {
        if let Ok(corpus) = read_bytes("fuzz/input", bytes, format, &opts) {
            for doc in &corpus.documents {
                assert!(doc.text.is_char_boundary(doc.body_start));
                assert!(doc.date.as_deref().is_none_or(stancecmp::model::valid_date));
            }
            if opts.strict {
                assert!(corpus.warnings.is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn statements_slice_the_text_in_order_and_nothing_panics(text in newsish()) {
        let doc = document_from_text("p", "prop", text, None);
        let result = analyze_document(config(), &doc);
        check_document(&doc, &result);
    }

    #[test]
    fn any_unicode_string_is_analysed_without_panicking(text in "\\PC{0,300}") {
        let doc = document_from_text("p", "prop", text, None);
        check_document(&doc, &analyze_document(config(), &doc));
    }

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for format in [Format::Txt, Format::Jsonl, Format::Csv] {
            check_read(&bytes, format);
        }
    }

    #[test]
    fn jsonl_of_any_text_round_trips(texts in prop::collection::vec(newsish(), 1..5)) {
        let body: String = texts
            .iter()
            .enumerate()
            .map(|(i, t)| serde_json::json!({"id": i, "text": t}).to_string() + "\n")
            .collect();
        let corpus = read_bytes("p.jsonl", body.as_bytes(), Format::Jsonl, &ReadOptions::default())
            .unwrap();
        let got: Vec<&str> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
        prop_assert_eq!(got, texts.iter().map(String::as_str).collect::<Vec<_>>());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn output_is_the_same_for_every_thread_count_and_input_order(
        texts in prop::collection::vec(newsish(), 1..8)
    ) {
        let docs: Vec<Document> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| document_from_text(&format!("d{i}"), "prop", t, None))
            .collect();
        let run = |threads: usize, docs: &[Document]| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let results = pool.install(|| analyze(config(), docs));
            results.iter().map(|r| format!("{r:?}")).collect::<Vec<_>>()
        };
        let one = run(1, &docs);
        prop_assert_eq!(&one, &run(2, &docs));
        prop_assert_eq!(&one, &run(3, &docs));
        let reversed: Vec<Document> = docs.iter().rev().cloned().collect();
        let mut back = run(2, &reversed);
        back.reverse();
        prop_assert_eq!(&one, &back);
    }
}

/// Every input kept in `tests/data/fuzz/TARGET/`, as (file name, bytes).
fn fuzz_inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no inputs", dir.display());
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

#[test]
fn fuzz_regressions_split_and_attribute() {
    for target in ["split", "attribute"] {
        for (name, bytes) in fuzz_inputs(target) {
            if target == "split" {
                // The first byte picks where the body starts.
                let text = String::from_utf8_lossy(bytes.get(1..).unwrap_or_default());
                let from = usize::from(bytes[0]) % (text.len() + 1);
                let mut prev = from;
                for seg in config().splitter.split(&text, from) {
                    assert!(seg.start >= prev && seg.start < seg.end, "{name}: {seg:?}");
                    let piece = &text[seg.start..seg.end];
                    assert_eq!(piece, piece.trim(), "{name}");
                    prev = seg.end;
                }
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let doc = document_from_text(&name, &name, text, None);
            check_document(&doc, &analyze_document(config(), &doc));
        }
    }
}

#[test]
fn fuzz_regressions_lexicon() {
    for (name, bytes) in fuzz_inputs("lexicon") {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        for line in text.lines() {
            let _ = entry_from_text(line);
        }
        let lines = text.lines().count();
        let file = DataFile {
            name: name.clone(),
            source: name.clone(),
            text,
        };
        let (_, errors) = parse_all(&file);
        assert!(errors.iter().all(|e| e.line <= lines), "{name}: {errors:?}");
    }
}

#[test]
fn fuzz_regressions_readers() {
    for (target, format) in [("jsonl", Format::Jsonl), ("csv", Format::Csv)] {
        for (_, bytes) in fuzz_inputs(target) {
            check_read(&bytes, format);
        }
    }
}
