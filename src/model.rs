//! Plain data shared by the pipeline stages: documents in, statements and matches out.
//!
//! Stages pass these structs along and never call back into each other.

/// One document of the corpus, as read from a file, a JSONL line or a CSV row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Document id: the file stem for `.txt` files, the `id` field or column otherwise.
    pub id: String,
    /// ISO date `YYYY-MM-DD`, from the `date` field/column or a leading `date YYYY-MM-DD` line.
    pub date: Option<String>,
    /// The document text as read, decoded to UTF-8 (byte-order mark removed, UTF-16 decoded,
    /// invalid bytes replaced by U+FFFD). Byte offsets point into this.
    pub text: String,
    /// Byte offset where the body starts: after a leading ` date YYYY-MM-DD` marker, else 0.
    pub body_start: usize,
    /// Where the document came from, for messages: a path, `path:line`, or `<embedded>/name`.
    pub source: String,
    /// Other JSONL fields or CSV columns, carried as metadata, in a stable (sorted) order.
    pub meta: Vec<(String, String)>,
}

/// A statement (sentence or heading) found by the splitter: a byte range into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// First byte of the statement (never whitespace).
    pub start: usize,
    /// One past the last byte (never whitespace).
    pub end: usize,
    /// True for a heading, caption or other line without sentence punctuation.
    pub heading: bool,
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::valid_date;

    #[test]
    fn calendar_dates() {
        assert!(valid_date("2024-02-29"));
        assert!(!valid_date("2023-02-29"));
        assert!(!valid_date("2025-13-01"));
        assert!(!valid_date("2025-1-01"));
        assert!(valid_date("2000-02-29"));
        assert!(!valid_date("1900-02-29"));
    }
}
