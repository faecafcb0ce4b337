//! The CSV reader on arbitrary bytes (any encoding, broken records), with the default options,
//! `--skip-bad` and `--strict`: it never panics, and what it reads is well formed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancecmp::read::{read_bytes, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    for (strict, skip_bad) in [(false, false), (false, true), (true, false)] {
        let opts = ReadOptions {
            strict,
            skip_bad,
            ..ReadOptions::default()
        };
        if let Ok(corpus) = read_bytes("fuzz.csv", data, Format::Csv, &opts) {
            for doc in &corpus.documents {
                assert!(doc.text.is_char_boundary(doc.body_start));
                assert!(doc.date.as_deref().is_none_or(stancecmp::model::valid_date));
            }
            assert!(!strict || corpus.warnings.is_empty());
        }
    }
});
