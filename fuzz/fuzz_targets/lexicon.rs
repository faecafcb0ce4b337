//! The `.lex` parser on arbitrary files: every problem is located inside the file, and a lexicon
//! that parses compiles into a scorer that runs on a real sentence. The entry checker that
//! `lexicon import` and `kwic` use gets every line too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancecmp::data::DataFile;
use stancecmp::lexicon::{entry_from_text, parse_all};
use stancecmp::score::Scorer;
use stancecmp::stance::CueSet;
use std::sync::OnceLock;

const SAMPLE: &str = "China firmly supports a ceasefire and opposes any violation of the \
    sovereignty, territorial integrity and non-interference of states, Wang Yi said.";

fn cues() -> &'static CueSet {
    static C: OnceLock<CueSet> = OnceLock::new();
    C.get_or_init(|| {
        let file = DataFile {
            name: "stance.toml".into(),
            source: "stance.toml".into(),
            text: include_str!("../../lexicons/stance.toml").into(),
        };
        CueSet::parse(&file).expect("embedded cues load")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let lines = text.lines().count();
    for line in text.lines() {
        let _ = entry_from_text(line);
    }
    let file = DataFile {
        name: "fuzz.lex".into(),
        source: "fuzz.lex".into(),
        text,
    };
    let (lex, errors) = parse_all(&file);
    for e in &errors {
        assert!(e.line <= lines, "{e}");
    }
    if let Some(lex) = lex {
        let scorer = Scorer::new(std::slice::from_ref(&lex));
        for m in scorer.score(cues(), SAMPLE, 0, SAMPLE.len()) {
            assert!(m.start < m.end && m.end <= SAMPLE.len());
            assert!(m.entry < lex.entries.len());
        }
    }
});
