//! CSV records written straight into a byte buffer, quoted exactly as the `csv` crate's writer
//! quotes them with our settings (comma, double quote doubled, `QuoteStyle::Necessary`), for
//! the rows that are formatted for every statement and every match.
//!
//! The `csv` writer scans every field for bytes that need quotes, copies it into its own
//! buffer and then into the output; here a field that is known to need no quotes (a number, a
//! label) is appended as it is, and text is scanned eight bytes at a time. The tests check the
//! bytes against the `csv` crate's on arbitrary fields.

use crate::swar;

/// Rows of CSV text being formatted.
pub struct Records {
    buf: Vec<u8>,
    /// Fields written in the current record.
    fields: usize,
    /// Whether the current record's only field so far is empty. A record of no bytes is
    /// written as `""`, as the `csv` crate does, so that its line is not blank.
    lone_empty: bool,
    crlf: bool,
}

/// Whether `field` must be quoted: it holds a comma, a double quote, a line feed or a carriage
/// return.
pub fn needs_quotes(field: &[u8]) -> bool {
    let mut chunks = field.chunks_exact(8);
    for c in &mut chunks {
        let x = swar::load(c);
        if swar::contains(x, b',')
            | swar::contains(x, b'"')
            | swar::contains(x, b'\n')
            | swar::contains(x, b'\r')
            != 0
        {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

impl Records {
    /// No records yet; lines end in `\r\n` if `crlf`, else `\n`.
    pub fn new(crlf: bool) -> Records {
        Records {
            buf: Vec::new(),
            fields: 0,
            lone_empty: false,
            crlf,
        }
    }

    fn separate(&mut self) {
        if self.fields > 0 {
            self.buf.push(b',');
        }
        self.fields += 1;
        self.lone_empty = false;
    }

    /// One field of the current record, quoted if it needs to be.
    pub fn field(&mut self, field: &[u8]) {
        self.separate();
        if !needs_quotes(field) {
            self.buf.extend_from_slice(field);
            self.lone_empty = field.is_empty() && self.fields == 1;
            return;
        }
        self.buf.push(b'"');
        let mut rest = field;
        while let Some(at) = memchr::memchr(b'"', rest) {
            self.buf.extend_from_slice(&rest[..=at]);
            self.buf.push(b'"');
            rest = &rest[at + 1..];
        }
        self.buf.extend_from_slice(rest);
        self.buf.push(b'"');
    }

    /// One field known to need no quotes (a number, a fixed label): appended as it is.
    pub fn plain(&mut self, field: &str) {
        debug_assert!(!needs_quotes(field.as_bytes()), "{field:?} needs quotes");
        self.separate();
        self.buf.extend_from_slice(field.as_bytes());
        self.lone_empty = field.is_empty() && self.fields == 1;
    }

    /// End the current record.
    pub fn end(&mut self) {
        if self.fields == 0 || self.lone_empty {
            self.buf.extend_from_slice(b"\"\"");
        }
        self.buf
            .extend_from_slice(if self.crlf { b"\r\n" } else { b"\n" });
        self.fields = 0;
        self.lone_empty = false;
    }

    /// The bytes of the records ended since the last call (a record begun and not ended is
    /// dropped).
    pub fn take(&mut self) -> Vec<u8> {
        self.fields = 0;
        self.lone_empty = false;
        std::mem::take(&mut self.buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The bytes the `csv` crate writes for these records, with the settings of our rows.
    fn by_csv(records: &[Vec<String>], crlf: bool) -> Vec<u8> {
        let terminator = if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let mut w = csv::WriterBuilder::new()
            .terminator(terminator)
            .flexible(true)
            .from_writer(Vec::new());
        for r in records {
            w.write_record(r).unwrap();
        }
        w.into_inner().unwrap()
    }

    fn by_records(records: &[Vec<String>], crlf: bool) -> Vec<u8> {
        let mut out = Records::new(crlf);
        for r in records {
            for f in r {
                out.field(f.as_bytes());
            }
            out.end();
        }
        out.take()
    }

    #[test]
    fn quotes_as_the_csv_crate_does() {
        let records: Vec<Vec<String>> = [
            vec!["a", "b,c", "say \"no\"", "", "line\nbreak", "cr\rhere"],
            vec![""],
            vec!["", ""],
            vec![],
            vec![
                "\"",
                ",",
                "\"\"",
                "x\"",
                "long text without any special byte at all",
            ],
            vec!["«Curly» — “quotes”, commas", "été"],
        ]
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect();
        for crlf in [false, true] {
            assert_eq!(by_records(&records, crlf), by_csv(&records, crlf));
        }
    }

    #[test]
    fn plain_fields_are_written_as_they_are() {
        let mut out = Records::new(false);
        out.plain("12");
        out.field(b"a,b");
        out.plain("");
        out.end();
        out.plain("");
        out.end();
        assert_eq!(out.take(), b"12,\"a,b\",\n\"\"\n");
    }

    #[test]
    fn needs_quotes_finds_a_special_byte_at_every_position() {
        for len in 1..40 {
            for at in 0..len {
                for special in [b',', b'"', b'\n', b'\r'] {
                    let mut field = vec![b'a'; len];
                    field[at] = special;
                    assert!(needs_quotes(&field), "{len} {at} {special}");
                    // Bytes next to the special ones, and non-ASCII bytes, need no quotes.
                    field[at] = special + 1;
                    assert!(!needs_quotes(&field));
                    field[at] = 0xE2;
                    assert!(!needs_quotes(&field));
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_records_are_written_as_the_csv_crate_writes_them(
            records in prop::collection::vec(
                prop::collection::vec("[a,\"\n\r é“”\u{1}]{0,20}", 0..6),
                0..5,
            ),
            crlf in any::<bool>(),
        ) {
            prop_assert_eq!(by_records(&records, crlf), by_csv(&records, crlf));
        }
    }
}
