//! The splitter on arbitrary text: statements are non-empty, trimmed, on char boundaries, in
//! order and do not overlap; the first input byte picks where the body starts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancecmp::split::Splitter;
use std::sync::OnceLock;

fn splitter() -> &'static Splitter {
    static S: OnceLock<Splitter> = OnceLock::new();
    S.get_or_init(|| Splitter::new(include_str!("../../lexicons/abbreviations.txt")))
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let from = usize::from(first) % (text.len() + 1);
    let mut prev = from;
    for seg in splitter().split(&text, from) {
        assert!(seg.start >= prev && seg.start < seg.end && seg.end <= text.len());
        let piece = &text[seg.start..seg.end];
        assert_eq!(piece, piece.trim());
        prev = seg.end;
    }
});
