//! The whole per-document pipeline (split, attribute_document, score) on arbitrary text with the
//! embedded data files: it must not panic, and every match lies inside its statement.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancecmp::pipeline::{analyze_document, Config};
use stancecmp::read::document_from_text;
use std::sync::OnceLock;

fn config() -> &'static Config {
    static C: OnceLock<Config> = OnceLock::new();
    C.get_or_init(|| Config::load(None).expect("embedded data files load"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = document_from_text("fuzz", "fuzz", text, None);
    let result = analyze_document(config(), &doc);
    for st in &result.statements {
        let seg = st.segment;
        assert!(seg.start >= doc.body_start && seg.end <= doc.text.len());
        for m in &st.matches {
            assert!(seg.start <= m.start && m.start < m.end && m.end <= seg.end);
        }
    }
});
