//! Folding text for matching: lower case, no diacritics, one kind of apostrophe, hyphens as spaces,
//! whitespace runs as one space, while remembering where every folded byte came from.
//!
//! Lexicon entries and document text go through the same fold, so "Séjourné", "SEJOURNE" and
//! "sejourne" are one word, and "cease-fire" lines up with "cease fire". The offset map turns a
//! match in folded text back into a byte range of the original text.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text plus, for each folded byte, the byte offset of the original char it came from.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the original offset of the char that produced folded byte `i`;
    /// `map[text.len()]` is the original end offset.
    map: Vec<usize>,
    /// Original end offset of the char that produced folded byte `i` (for match ends).
    ends: Vec<usize>,
}

impl Folded {
    /// Fold `src`, whose first byte sits at offset `base` of the document.
    pub fn new(src: &str, base: usize) -> Folded {
        fold::<true>(src, base)
    }

    /// Append a folded char that came from `start..end` of the original; the offsets are
    /// recorded only when `MAP` is set.
    fn push<const MAP: bool>(&mut self, c: char, start: usize, end: usize) {
        if MAP {
            for _ in 0..c.len_utf8() {
                self.map.push(start);
                self.ends.push(end);
            }
        }
        self.text.push(c);
    }

    /// Original byte range of the folded range `start..end` (`end > start`).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        (self.map[start], self.ends[end - 1])
    }
}

/// The folded text of `src` alone, without the offset map: the same text as
/// `Folded::new(src, _).text`, for a statement that may well match nothing.
pub fn fold_text(src: &str) -> String {
    let bytes = src.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut last_space = true; // drop leading whitespace
    let mut buf = String::new();
    let mut i = 0;
    while i < bytes.len() {
        // Eight plain bytes at a time (most of the text): see `plain_chunk`.
        if let Some(chunk) = bytes.get(i..i + 8) {
            if let Some(folded) = plain_chunk(crate::swar::load(chunk), last_space) {
                out.extend_from_slice(&folded.to_le_bytes());
                last_space = chunk[7] == b' ';
                i += 8;
                continue;
            }
        }
        // Otherwise the next eight bytes (and the rest of a char they end in) one char at a
        // time, as `walk` folds them.
        let stop = i + 8;
        while i < stop && i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                i += 1;
                if b.is_ascii_whitespace() || b == b'-' || b == b'"' {
                    if !last_space {
                        out.push(b' ');
                        last_space = true;
                    }
                } else {
                    out.push(b.to_ascii_lowercase());
                    last_space = false;
                }
                continue;
            }
            let c = src[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            buf.clear();
            fold_char(c, &mut buf);
            // A space is one byte of UTF-8, and no other char has that byte.
            for &f in buf.as_bytes() {
                if f == b' ' {
                    if !last_space {
                        out.push(b' ');
                        last_space = true;
                    }
                } else {
                    out.push(f);
                    last_space = false;
                }
            }
        }
    }
    if last_space {
        out.pop(); // a trailing space
    }
    String::from_utf8(out).expect("folded from UTF-8, split only at chars")
}

/// Eight bytes (little-endian in `x`) folded at once, when that is plain: all ASCII, no
/// control byte (no white space but the space), no hyphen or double quote, and no space after
/// a space (or at the start: `last_space`). Folding is then lower-casing the letters.
fn plain_chunk(x: u64, last_space: bool) -> Option<u64> {
    use crate::swar::{at_least, equal, in_range, is_ascii, HIGH};
    if !is_ascii(x) {
        return None;
    }
    let space = equal(x, b' ');
    let odd =
        (!at_least(x, 0x20) & HIGH) | equal(x, b'-') | equal(x, b'"') | (space & (space << 8));
    if odd != 0 || (last_space && x & 0xFF == u64::from(b' ')) {
        return None;
    }
    // The high bit of each upper-case letter, moved to bit 5: the letter in lower case.
    Some(x | (in_range(x, b'A', b'Z') >> 2))
}

/// Fold `src` (at offset `base` of the document), recording where every folded byte came from
/// only when `MAP` is set: the text is the same either way.
fn fold<const MAP: bool>(src: &str, base: usize) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(src.len()),
        map: Vec::with_capacity(if MAP { src.len() + 1 } else { 0 }),
        ends: Vec::with_capacity(if MAP { src.len() } else { 0 }),
    };
    walk(src, base, |c, start, end| {
        out.push::<MAP>(c, start, end);
        true
    });
    if out.text.ends_with(' ') {
        out.text.pop();
        if MAP {
            out.map.pop();
            out.ends.pop();
        }
    }
    if MAP {
        out.map.push(base + src.len());
    }
    out
}

/// The fold itself: hand every folded char, with the original range `start..end` it came
/// from, to `emit`, which returns `false` to stop. A trailing space is emitted: the caller
/// drops it.
#[inline(always)]
fn walk(src: &str, base: usize, mut emit: impl FnMut(char, usize, usize) -> bool) {
    let bytes = src.as_bytes();
    let mut last_space = true; // drop leading whitespace
    let mut buf = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = base + i;
        if b.is_ascii() {
            i += 1;
            // Hyphens and double quotes fold to spaces: "cease-fire" is "cease fire", and a cue
            // reads across quotation marks ("open in principle" to).
            if b.is_ascii_whitespace() || b == b'-' || b == b'"' {
                if !last_space {
                    if !emit(' ', start, start + 1) {
                        return;
                    }
                    last_space = true;
                }
            } else {
                if !emit(b.to_ascii_lowercase() as char, start, start + 1) {
                    return;
                }
                last_space = false;
            }
            continue;
        }
        let c = src[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        let end = base + i;
        buf.clear();
        fold_char(c, &mut buf);
        for f in buf.chars() {
            if f == ' ' {
                if !last_space {
                    if !emit(' ', start, end) {
                        return;
                    }
                    last_space = true;
                }
            } else {
                if !emit(f, start, end) {
                    return;
                }
                last_space = false;
            }
        }
    }
}

/// Original byte ranges of the folded ranges `ranges` (each `end > start`, within the folded
/// text) of `src` at offset `base`: what `Folded::new(src, base).original(start, end)` gives
/// for each, without building the offset map (a statement has a few matches, and folding
/// stops after the last one).
pub fn originals(src: &str, base: usize, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = vec![(0, 0); ranges.len()];
    // (folded byte, range, is the end): the bytes whose original offsets are wanted, in order.
    let mut wanted: Vec<(usize, usize, bool)> = Vec::with_capacity(2 * ranges.len());
    for (k, &(s, e)) in ranges.iter().enumerate() {
        wanted.push((s, k, false));
        wanted.push((e - 1, k, true));
    }
    wanted.sort_unstable();
    let mut next = 0;
    let mut pos = 0;
    walk(src, base, |c, start, end| {
        pos += c.len_utf8();
        // Folded bytes `pos - len .. pos` come from `start..end`.
        while let Some(&(at, k, is_end)) = wanted.get(next) {
            if at >= pos {
                break;
            }
            if is_end {
                out[k].1 = end;
            } else {
                out[k].0 = start;
            }
            next += 1;
        }
        next < wanted.len()
    });
    out
}

/// Fold one string completely (for lexicon entries and word lists).
pub fn fold_str(s: &str) -> String {
    // Words are folded by the million: plain lower-case ASCII needs no offset map.
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'\'' || b == b'.')
    {
        return s.to_ascii_lowercase();
    }
    // The text alone: no offset map to build and throw away.
    fold_text(s)
}

/// Append the folded form of a non-ASCII char to `out`.
fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' => {
            out.push('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => out.push(' '),
        '\u{2010}' | '\u{2011}' | '\u{00AD}' => out.push(' '),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        c if c.is_whitespace() => out.push(' '),
        c => {
            for l in c.to_lowercase() {
                decompose_canonical(l, |d| {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                });
            }
        }
    }
}

/// True for chars that make up words when checking word boundaries in folded text.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fast_path_matches_the_fold() {
        for s in [
            "",
            " ",
            "  Cease-fire \"now\"\t",
            "-",
            "U.S. says \"No\" -- OK \n",
            "a\x0Bb",
        ] {
            assert_eq!(fold_text(s), Folded::new(s, 0).text, "{s:?}");
        }
    }

    #[test]
    fn eight_bytes_at_a_time_fold_as_one_char_at_a_time() {
        let pieces = [
            "a",
            "Z",
            " ",
            "  ",
            "-",
            "\"",
            "\t",
            "\n",
            "\x0B",
            "é",
            "’",
            "“",
            "Œ",
            "@",
            "[",
            "`",
            "{",
            "0",
            "9",
            "\u{00A0}",
            "—",
            "Xy",
            "abcdefgh",
            "ABCDEFGHIJ",
        ];
        let mut seed = 7u64;
        for _ in 0..4000 {
            let mut s = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for k in 0..(seed >> 59) {
                let r = seed.rotate_left(k as u32 * 5) >> 40;
                s.push_str(pieces[r as usize % pieces.len()]);
            }
            assert_eq!(fold_text(&s), Folded::new(&s, 0).text, "{s:?}");
        }
    }

    #[test]
    fn folds_case_diacritics_apostrophes_and_hyphens() {
        assert_eq!(fold_str("Stéphane SÉJOURNÉ"), "stephane sejourne");
        assert_eq!(
            fold_str("France\u{2019}s  cease-fire\n"),
            "france's cease fire"
        );
        assert_eq!(fold_str("Électricité"), "electricite");
        assert_eq!(fold_str("  cœur "), "coeur");
    }

    #[test]
    fn maps_folded_ranges_back_to_original_bytes() {
        let src = "Le Président Séjourné";
        let f = Folded::new(src, 100);
        let at = f.text.find("sejourne").unwrap();
        let (s, e) = f.original(at, at + "sejourne".len());
        assert_eq!(&src[s - 100..e - 100], "Séjourné");
        let at = f.text.find("president").unwrap();
        let (s, e) = f.original(at, at + "president".len());
        assert_eq!(&src[s - 100..e - 100], "Président");
    }

    #[test]
    fn the_ascii_fast_path_folds_like_the_general_one() {
        for w in ["China", "U.S.", "d'Orsay", "G20", "NATO's"] {
            assert_eq!(fold_str(w), Folded::new(w, 0).text, "{w}");
        }
    }

    #[test]
    fn the_text_alone_is_the_text_of_the_full_fold() {
        for w in [
            "Le Président Séjourné",
            " cease -\n fire ",
            "China\u{2019}s “role”",
            "",
            "  ",
        ] {
            assert_eq!(fold_text(w), Folded::new(w, 7).text, "{w:?}");
        }
    }

    #[test]
    fn originals_match_the_offset_map() {
        for src in [
            "Le Président Séjourné",
            " cease -\n fire ",
            "China\u{2019}s “role” ŒUVRE",
        ] {
            let f = Folded::new(src, 7);
            let n = f.text.len();
            let mut ranges = Vec::new();
            for s in 0..n {
                for e in s + 1..=n {
                    if f.text.is_char_boundary(s) && f.text.is_char_boundary(e) {
                        ranges.push((s, e));
                    }
                }
            }
            let want: Vec<_> = ranges.iter().map(|&(s, e)| f.original(s, e)).collect();
            assert_eq!(originals(src, 7, &ranges), want, "{src:?}");
        }
    }

    #[test]
    fn whitespace_runs_collapse_but_keep_their_span() {
        let src = "cease -\n fire";
        let f = Folded::new(src, 0);
        assert_eq!(f.text, "cease fire");
        assert_eq!(f.original(0, f.text.len()), (0, src.len()));
    }
}
