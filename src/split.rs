//! Splitting document text into statements: sentences and headings, as byte ranges.
//!
//! Later stages look for who said what inside one statement, so a bad split either glues two
//! speakers together or cuts a quotation from its "he said". The rules are tuned on news text:
//!
//! - Lines are grouped into paragraphs. A blank line always ends one; a line break ends one unless
//!   the next line clearly continues the sentence (it starts with a lower-case letter, or the line
//!   ends with a comma, a dash, an opening quote, or a colon before a quotation).
//! - Inside a paragraph a sentence ends at `.`, `!` or `?` (plus any closing quotes and brackets)
//!   followed by white space and a character that can start a sentence. A period does not end a
//!   sentence after an abbreviation (`lexicons/abbreviations.txt`), an initial before a name, or
//!   before a digit; an ellipsis ends one only before a capital letter or at the paragraph's end.
//! - Whatever is left after the last sentence end is a statement too. It is a heading (caption,
//!   byline) when the paragraph has no sentence end at all and fewer than [`PROSE_WORDS`] words.
//!
//! - A statement longer than [`MAX_STATEMENT`] bytes is cut at white space into pieces.
//!
//! The scan touches each byte a bounded number of times, so time is linear in the text length.

use std::collections::HashSet;

use crate::model::Segment;

/// A paragraph without sentence punctuation and at least this many words is prose, not a heading.
pub const PROSE_WORDS: usize = 12;

/// Longest statement, in bytes. Real sentences are far shorter (the longest in the seeds and
/// gold sets is under 400 bytes); text with no sentence end in sight (a page scraped without
/// punctuation, a table flattened onto one line) is cut at the last white space before this
/// length, so that the work of every later stage on one statement stays bounded and the whole
/// pipeline stays linear in the length of a document.
pub const MAX_STATEMENT: usize = 4096;

/// Longest word (in bytes) that is looked up as an abbreviation.
const MAX_ABBREVIATION: usize = 32;

/// The UTF-8 bytes of `…`.
const ELLIPSIS: &[u8] = "…".as_bytes();

/// Splits document text into statements; holds the abbreviations that do not end a sentence.
pub struct Splitter {
    /// Abbreviations as written in the list; matched case-sensitively.
    exact: HashSet<String>,
    /// Lower-cased single-period abbreviations (`mr.`), matched by capitalised words (`MR.`).
    folded: HashSet<String>,
}

impl Splitter {
    /// `abbreviations`: the text of lexicons/abbreviations.txt (one abbreviation per line, '#'
    /// comments, blank lines ignored), e.g. "U.S.", "Mr.", "Gen.", "Feb.", "No.".
    pub fn new(abbreviations: &str) -> Splitter {
        let mut exact = HashSet::new();
        let mut folded = HashSet::new();
        for line in abbreviations.lines() {
            let entry = line.split('#').next().unwrap_or("").trim();
            if entry.is_empty() {
                continue;
            }
            if entry.matches('.').count() == 1 && entry.ends_with('.') && entry.len() > 2 {
                folded.insert(entry.to_lowercase());
            }
            exact.insert(entry.to_string());
        }
        Splitter { exact, folded }
    }

    /// Split `text[from..]` into statements. Offsets are byte offsets into `text` (absolute), on
    /// char boundaries, trimmed of whitespace at both ends, non-empty, non-overlapping, in order.
    pub fn split(&self, text: &str, from: usize) -> Vec<Segment> {
        let mut from = from.min(text.len());
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut out = Vec::new();
        // The open paragraph (start, end) and the last line added to it.
        let mut para: Option<(usize, usize)> = None;
        let mut last_line = "";
        for (start, end) in lines(text, from) {
            let line = &text[start..end];
            let Some(first) = line.trim_start().chars().next() else {
                if let Some((s, e)) = para.take() {
                    self.split_paragraph(text, s, e, &mut out);
                }
                continue;
            };
            para = match para {
                Some((s, _)) if continues(last_line, first) => Some((s, end)),
                Some((s, e)) => {
                    self.split_paragraph(text, s, e, &mut out);
                    Some((start, end))
                }
                None => Some((start, end)),
            };
            last_line = line;
        }
        if let Some((s, e)) = para {
            self.split_paragraph(text, s, e, &mut out);
        }
        out
    }

    /// Push the statements of the paragraph `text[start..end]` onto `out`.
    fn split_paragraph(&self, text: &str, start: usize, end: usize, out: &mut Vec<Segment>) {
        let bytes = text.as_bytes();
        let mut piece = start;
        let mut i = start;
        while i < end {
            // On to the next terminal mark, or first byte of an ellipsis.
            let Some(k) = find_any(&bytes[i..end], [b'.', b'!', b'?', ELLIPSIS[0]]) else {
                break;
            };
            i += k;
            if !matches!(bytes[i], b'.' | b'!' | b'?') && !bytes[i..end].starts_with(ELLIPSIS) {
                i += 1;
                continue;
            }
            // A run of terminal marks: "." / "?!" / "..." / "…".
            let (run, mut dots, mut strong, mut ellipsis) = (i, 0, false, false);
            while i < end {
                match bytes[i] {
                    b'.' => dots += 1,
                    b'!' | b'?' => strong = true,
                    _ if bytes[i..end].starts_with(ELLIPSIS) => {
                        ellipsis = true;
                        i += ELLIPSIS.len();
                        continue;
                    }
                    _ => break,
                }
                i += 1;
            }
            ellipsis |= dots > 1;
            // Closing quotes and brackets stay with the sentence.
            let marks_end = i;
            i = end - text[i..end].trim_start_matches(is_closer).len();
            let rest = text[i..end].trim_start();
            let is_end = match rest.chars().next() {
                None => true,
                Some(_) if rest.len() == end - i => false, // no space: "3.5", "U.S.-China"
                Some(next) if next.is_lowercase() => false,
                Some(_) if strong => true,
                Some(next) if ellipsis => next.is_uppercase() || is_opener(next),
                Some(next) if next.is_ascii_digit() => false,
                Some(_) if i > marks_end => true, // `the U.S.” Then`: the quote closes the sentence
                Some(next) => !self.is_abbreviation_before(text, start, run, next),
            };
            if is_end {
                push_trimmed(text, piece, i, false, out);
                piece = i;
            }
        }
        let ended = piece > start;
        let rest = text[piece..end].trim();
        let short = rest.split_whitespace().nth(PROSE_WORDS - 1).is_none();
        push_trimmed(text, piece, end, !ended && short, out);
    }

    /// Whether the period at `dot` closes an abbreviation or initial rather than a sentence;
    /// `next` is the first character after the white space that follows it.
    fn is_abbreviation_before(
        &self,
        text: &str,
        para_start: usize,
        dot: usize,
        next: char,
    ) -> bool {
        let mut lo = dot.saturating_sub(MAX_ABBREVIATION).max(para_start);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let window = &text[lo..=dot];
        let word_start = match window.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
            Some((at, c)) => at + c.len_utf8(),
            None if lo == para_start => 0,
            None => return false, // too long to be an abbreviation
        };
        let word = window[word_start..].trim_start_matches(is_opener);
        if self.exact.contains(word) {
            return true;
        }
        let Some(first) = word.chars().next() else {
            return false;
        };
        if first.is_uppercase()
            && word.matches('.').count() == 1
            && self.folded.contains(&word.to_lowercase())
        {
            return true;
        }
        // Initials: "J. Smith", and dotted capitals missing from the list ("D.C.", "A.F.P.").
        let mut pairs = word.as_bytes().chunks(2);
        let initials = pairs.all(|p| p.len() == 2 && p[0].is_ascii_uppercase() && p[1] == b'.');
        initials && (word.len() > 2 || next.is_uppercase())
    }
}

/// Content ranges (without line ends) of the lines of `text[from..]`; `\n`, `\r\n` and `\r` end a line.
fn lines(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let len = find_any(&bytes[start..], [b'\n', b'\r']);
        let end = len.map_or(bytes.len(), |n| start + n);
        pos = end + 1;
        if bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n') {
            pos += 1;
        }
        Some((start, end))
    })
}

/// The index of the first byte of `bytes` that is one of `needles`: eight bytes at a time,
/// for the long runs of text without any.
fn find_any<const N: usize>(bytes: &[u8], needles: [u8; N]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let x = crate::swar::load(chunk);
        let hit = needles
            .iter()
            .fold(0, |acc, &n| acc | crate::swar::contains(x, n));
        if hit != 0 {
            if let Some(k) = chunk.iter().position(|b| needles.contains(b)) {
                return Some(at + k);
            }
        }
        at += 8;
    }
    let k = chunks
        .remainder()
        .iter()
        .position(|b| needles.contains(b))?;
    Some(at + k)
}

/// Whether a line that starts with `next` continues the paragraph whose last line is `prev`.
fn continues(prev: &str, next: char) -> bool {
    if next.is_lowercase() {
        return true;
    }
    let prev = prev.trim_end();
    let mut tail = prev.chars().rev();
    match tail.next() {
        // A line of dashes alone is a rule between sections, not a broken word.
        Some(c) if is_dash(c) => !prev.trim_matches(is_dash).trim().is_empty(),
        Some(',' | '“' | '‘' | '«') => true,
        Some(':') => is_opener(next) && !matches!(next, '(' | '['),
        // A straight quote opens when it stands alone: `he said "`.
        Some('"' | '\'') => tail.next().is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// Hyphens and dashes that may end a line in the middle of a sentence.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '–' | '—')
}

/// Closing quotes and brackets that stay with the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | ')' | ']' | '»')
}

/// Opening quotes and brackets that may precede a word or start a sentence.
fn is_opener(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '«')
}

/// Push `text[start..end]` without its surrounding white space, if anything is left, cut into
/// pieces of at most [`MAX_STATEMENT`] bytes.
fn push_trimmed(text: &str, start: usize, end: usize, heading: bool, out: &mut Vec<Segment>) {
    let piece = &text[start..end];
    let left = piece.trim_start();
    let mut start = end - left.len();
    let end = start + left.trim_end().len();
    while end - start > MAX_STATEMENT {
        // At the last white space within the limit, else (one huge word) at a char boundary.
        let mut limit = start + MAX_STATEMENT;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = match text[start..limit].rfind(char::is_whitespace) {
            Some(p) if p > 0 => start + p,
            _ => limit,
        };
        let head = text[start..cut].trim_end();
        out.push(Segment {
            start,
            end: start + head.len(),
            heading,
        });
        start = end - text[cut..end].trim_start().len();
    }
    if end > start {
        out.push(Segment {
            start,
            end,
            heading,
        });
    }
}

#[cfg(test)]
mod tests;
