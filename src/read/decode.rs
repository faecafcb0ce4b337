//! Bytes to text: the one place that knows about byte-order marks, UTF-16 and invalid bytes.
//!
//! Decoding never fails: what cannot be decoded is replaced by U+FFFD and reported, so the reader
//! can decide (warn, or refuse under `--strict`). Every offset reported here is a byte offset in
//! the file as stored, which is what a hex editor or `cmp` shows.

/// The text of a file and what decoding it had to repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, or `UTF-16LE`/`UTF-16BE` when a UTF-16 byte-order mark was found.
    pub encoding: &'static str,
    /// The first bytes that could not be decoded, if any.
    pub invalid: Option<Invalid>,
    /// File byte offset of the first NUL character: the file is binary, not text.
    pub nul: Option<usize>,
}

/// Bytes replaced by U+FFFD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid {
    /// File byte offset of the first invalid sequence.
    pub offset: usize,
    /// 1-based line of that offset (counting `\n`).
    pub line: u64,
    /// How many invalid sequences were replaced.
    pub count: usize,
}

pub(super) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decode a file: UTF-16 with a byte-order mark, else UTF-8 (a byte-order mark removed).
pub fn decode(bytes: &[u8]) -> Decoded {
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, "UTF-16LE", u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, "UTF-16BE", u16::from_be_bytes),
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Decoded {
    let bom = if bytes.starts_with(UTF8_BOM) { 3 } else { 0 };
    let body = &bytes[bom..];
    let nul = memchr0(body).map(|at| at + bom);
    if let Ok(text) = std::str::from_utf8(body) {
        return Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
            invalid: None,
            nul,
        };
    }
    let (text, first, count) = repair_utf8(body);
    let invalid = first.map(|at| Invalid {
        offset: at + bom,
        line: line_of(bytes, at + bom, 1),
        count,
    });
    Decoded {
        text,
        encoding: "UTF-8",
        invalid,
        nul,
    }
}

/// UTF-8 with each invalid sequence replaced by U+FFFD: the text, the offset in `body` of the
/// first invalid sequence, and how many were replaced. Also used line by line when streaming.
pub(super) fn repair_utf8(body: &[u8]) -> (String, Option<usize>, usize) {
    let mut text = String::with_capacity(body.len());
    let mut first = None;
    let mut count = 0;
    let mut at = 0;
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            first.get_or_insert(at);
            count += 1;
        }
        at += chunk.invalid().len();
    }
    (text, first, count)
}

/// UTF-16 after its byte-order mark; an unpaired surrogate or an odd last byte is replaced.
fn utf16(body: &[u8], encoding: &'static str, unit: fn([u8; 2]) -> u16) -> Decoded {
    let units = body.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(body.len());
    let (mut first, mut count, mut nul) = (None, 0, None);
    // Units consumed so far, to turn a char back into its file offset.
    let mut pos = 0;
    for c in char::decode_utf16(units) {
        let offset = 2 + 2 * pos;
        match c {
            Ok(c) => {
                if c == '\0' {
                    nul.get_or_insert(offset);
                }
                text.push(c);
                pos += c.len_utf16();
            }
            Err(_) => {
                text.push(char::REPLACEMENT_CHARACTER);
                first.get_or_insert(offset);
                count += 1;
                pos += 1;
            }
        }
    }
    if body.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
        first.get_or_insert(1 + body.len());
        count += 1;
    }
    let invalid = first.map(|offset| Invalid {
        offset,
        // A line feed is the unit 0x000A: count those before the offset.
        line: line_of16(body, offset - 2, unit),
        count,
    });
    Decoded {
        text,
        encoding,
        invalid,
        nul,
    }
}

/// Position of the first zero byte.
fn memchr0(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// 1-based line of byte `offset`, counting `\n` bytes before it.
fn line_of(bytes: &[u8], offset: usize, first: u64) -> u64 {
    first
        + bytes[..offset.min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
}

/// 1-based line of byte `offset` of UTF-16 `body` (after the byte-order mark).
fn line_of16(body: &[u8], offset: usize, unit: fn([u8; 2]) -> u16) -> u64 {
    1 + body[..offset.min(body.len())]
        .chunks_exact(2)
        .filter(|p| unit([p[0], p[1]]) == 0x0A)
        .count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut b = vec![0xFF, 0xFE];
        b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        b
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(b"\xEF\xBB\xBFcaf\xC3\xA9");
        assert_eq!((d.text.as_str(), d.encoding), ("café", "UTF-8"));
        assert_eq!((d.invalid, d.nul), (None, None));
        assert_eq!(decode(b"").text, "");
    }

    #[test]
    fn invalid_utf8_is_replaced_and_located_in_the_file() {
        let d = decode(b"\xEF\xBB\xBFok\ncaf\xE9 and \xFF\xFE!");
        assert_eq!(d.text, "ok\ncaf\u{FFFD} and \u{FFFD}\u{FFFD}!");
        let bad = d.invalid.unwrap();
        // The BOM counts: the file's byte 9 is the first bad one, on line 2.
        assert_eq!((bad.offset, bad.line, bad.count), (9, 2, 3));
        // A truncated multi-byte sequence at the very end.
        let d = decode(b"abc\xE2\x82");
        assert_eq!(d.text, "abc\u{FFFD}");
        assert_eq!(d.invalid.unwrap().offset, 3);
    }

    #[test]
    fn nul_bytes_mark_binary_files() {
        assert_eq!(decode(b"PK\x03\x04\0\0").nul, Some(4));
        assert_eq!(decode(b"\xEF\xBB\xBFa\0").nul, Some(4));
        assert_eq!(decode(b"plain").nul, None);
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le = utf16le("Xi said: “peace” 🇨🇳\r\nok");
        let d = decode(&le);
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Xi said: “peace” 🇨🇳\r\nok", "UTF-16LE")
        );
        assert_eq!((d.invalid, d.nul), (None, None));
        let mut be = vec![0xFE, 0xFF];
        be.extend("hé".encode_utf16().flat_map(u16::to_be_bytes));
        let d = decode(&be);
        assert_eq!((d.text.as_str(), d.encoding), ("hé", "UTF-16BE"));
    }

    #[test]
    fn utf16_unpaired_surrogates_odd_length_and_nul() {
        // "a\n", a lone high surrogate, "b", then one stray byte.
        let mut b = utf16le("a\n");
        b.extend([0x00, 0xD8, b'b', 0x00, 0x41]);
        let d = decode(&b);
        assert_eq!(d.text, "a\n\u{FFFD}b\u{FFFD}");
        let bad = d.invalid.unwrap();
        assert_eq!((bad.offset, bad.line, bad.count), (6, 2, 2));
        let d = decode(&utf16le("a\0b"));
        assert_eq!(d.nul, Some(4));
    }
}
