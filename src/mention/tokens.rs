//! Cutting a sentence into tokens and marking quoted speech.

use crate::fold::fold_str;

/// Longest folded form kept inline in a [`Norm`]: the packed form's bytes.
const INLINE: usize = crate::packed::SHORT;

/// Byte classes, looked up once per byte instead of range tests: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// A byte `Norm::fold` copies as is (lower-cased): a letter, digit, apostrophe or dot.
const PLAIN: u8 = 2;
/// Not ASCII: part of a multi-byte char.
const WIDE: u8 = 4;
/// The straight quotation mark: cut by the general path, which notes it.
const QUOTE: u8 = 8;

const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM | PLAIN
        } else if c == b'\'' || c == b'.' {
            PLAIN
        } else if !c.is_ascii() {
            WIDE
        } else if c == b'"' {
            QUOTE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// For a word of `len` bytes (at most `INLINE`), the masks keeping its bytes in each eight-byte
/// half of the 16 bytes from its start.
const WORD_MASK: [[u64; 2]; INLINE + 1] = {
    let mut t = [[0u64; 2]; INLINE + 1];
    let mut len = 0;
    while len <= INLINE {
        let mut k = 0;
        while k < len {
            t[len][k / 8] |= 0xff << (8 * (k % 8));
            k += 1;
        }
        len += 1;
    }
    t
};

/// The folded form of a token. Nearly every word is short: it is kept inline, already packed
/// the way the gazetteer looks words up ([`Norm::packed`]), so cutting a sentence into tokens
/// allocates nothing per token and a lookup reads the key as it is; a longer form goes on the
/// heap.
#[derive(Clone)]
pub struct Norm {
    /// A form of 1 to 15 bytes: its bytes, zeros, its length in the last byte. All zeros for
    /// an empty or a long form.
    head: [u8; 16],
    /// A form of 16 bytes or more.
    long: Option<Box<str>>,
}

impl Norm {
    fn new(s: &str) -> Norm {
        match crate::packed::pack(s.as_bytes()) {
            Some(key) => Norm {
                head: key.to_le_bytes(),
                long: None,
            },
            None => Norm {
                head: [0; 16],
                long: Some(s.into()),
            },
        }
    }

    /// A one-byte ASCII form (punctuation).
    fn byte(b: u8) -> Norm {
        let mut head = [0; 16];
        head[0] = b;
        head[15] = 1;
        Norm { head, long: None }
    }

    /// Lower-case the ASCII letters and digits of `x`, eight bytes at a time (zeros stay zeros).
    #[inline]
    fn lower(x: u64) -> u64 {
        // In a letter or digit bit 6 marks a letter and bit 5 a lower-case one: set bit 5
        // where bit 6 is set.
        x | ((x >> 1) & !x & 0x2020_2020_2020_2020)
    }

    /// The form of the (masked) halves `lo`, `hi` of a word of `len` bytes (at most `INLINE`).
    #[inline]
    fn packed_halves(lo: u64, hi: u64, len: usize) -> Norm {
        let hi = Norm::lower(hi) | ((len as u64) << 56);
        let mut head = [0; 16];
        head[..8].copy_from_slice(&Norm::lower(lo).to_le_bytes());
        head[8..].copy_from_slice(&hi.to_le_bytes());
        Norm { head, long: None }
    }

    /// The folded form of a word of ASCII letters and digits only, of at most `INLINE` bytes
    /// (what `fold` gives it): lower case, eight bytes at a time.
    fn alnum(w: &[u8]) -> Norm {
        let mut wide = [0u8; 16];
        wide[..w.len()].copy_from_slice(w);
        let (lo, hi) = wide.split_at(8);
        Norm::packed_halves(
            u64::from_le_bytes(lo.try_into().unwrap_or_default()),
            u64::from_le_bytes(hi.try_into().unwrap_or_default()),
            w.len(),
        )
    }

    /// [`Norm::alnum`] of the word `text[start..start + len]`. Away from the end of the text
    /// its 16 bytes are read straight from it as two halves, and the bytes after the word
    /// masked off, instead of copying a word of any length into a zeroed buffer.
    #[inline]
    fn alnum_in(text: &[u8], start: usize, len: usize) -> Norm {
        let Some(src) = text.get(start..start + 16) else {
            return Norm::alnum(&text[start..start + len]);
        };
        let (lo, hi) = src.split_at(8);
        let mask = WORD_MASK[len];
        Norm::packed_halves(
            u64::from_le_bytes(lo.try_into().unwrap_or_default()) & mask[0],
            u64::from_le_bytes(hi.try_into().unwrap_or_default()) & mask[1],
            len,
        )
    }

    /// The folded form of the word `w`: lower-case ASCII straight into the inline buffer, else
    /// through the general fold.
    fn fold(w: &str) -> Norm {
        if w.len() <= INLINE {
            // `fold_str`'s fast path, without its allocation: check and copy in one pass.
            let mut head = [0; 16];
            let mut class = PLAIN;
            for (d, &b) in head.iter_mut().zip(w.as_bytes()) {
                class &= CLASS[b as usize];
                *d = b.to_ascii_lowercase();
            }
            if class != 0 {
                head[15] = w.len() as u8;
                return Norm { head, long: None };
            }
        }
        Norm::new(&fold_str(w))
    }

    /// The form packed with its length into a `u128`, little-endian: bytes, zeros, the length
    /// in the last byte; for a form of 1 to 15 bytes (`gazetteer` looks words up by it).
    #[inline]
    pub fn packed(&self) -> Option<u128> {
        // The head is that, or all zeros (its last byte 0) for an empty or a long form.
        (self.head[15] != 0).then(|| u128::from_le_bytes(self.head))
    }

    pub fn as_str(&self) -> &str {
        match &self.long {
            Some(s) => s,
            // SAFETY: `head[..len]` (len = `head[15]`, at most 15) is always a byte-for-byte
            // copy of a whole `&str` (`new`) or of ASCII bytes (`byte`, `alnum`, `fold`), so it
            // is valid UTF-8. Checking it again on every read cost as much as the allocation the
            // inline form saves.
            None => unsafe { std::str::from_utf8_unchecked(&self.head[..self.head[15] as usize]) },
        }
    }
}

impl std::ops::Deref for Norm {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Norm {
    fn eq(&self, other: &Norm) -> bool {
        // Equal forms have equal heads (both all zeros when long) and equal long forms.
        self.head == other.head && self.long == other.long
    }
}

impl PartialEq<str> for Norm {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Norm {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A token of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte range, relative to the tokenized text.
    pub start: usize,
    pub end: usize,
    /// Folded form (punctuation: the char itself).
    pub norm: Norm,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Followed by a possessive `'s` (or a plural `s'`).
    pub poss: bool,
    /// Punctuation token.
    pub punct: Option<char>,
    /// Inside quoted speech (a quotation of six words or more).
    pub quoted: bool,
}

/// The length of the run of ASCII letters and digits that `b` starts with: four bytes a step
/// (fewer tests of the end of the text than one by one), the last few one by one.
#[inline]
fn alnum_run(b: &[u8]) -> usize {
    let mut n = 0;
    while let Some(&[p, q, r, s]) = b.get(n..n + 4) {
        match [p, q, r, s]
            .iter()
            .position(|&c| CLASS[c as usize] & ALNUM == 0)
        {
            Some(k) => return n + k,
            None => n += 4,
        }
    }
    while n < b.len() && CLASS[b[n] as usize] & ALNUM != 0 {
        n += 1;
    }
    n
}

/// The char at byte `i` of `text` (a char boundary), ASCII without decoding.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// Cut text into word and punctuation tokens. Words keep internal apostrophes (d'Orsay) and
/// dotted initialisms (U.S.); a possessive `'s` is folded into the word's `poss` flag.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// [`tokenize`] into `out`, replacing what it held (its buffer is reused sentence after sentence).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    tokenize_quotes_into(text, out);
}

/// [`tokenize_into`], telling whether a quotation mark (`"`, U+201C, U+201D) was among the
/// tokens: without one, [`mark_quotes`] marks nothing unless the sentence starts quoted.
pub fn tokenize_quotes_into(text: &str, out: &mut Vec<Token>) -> bool {
    let mut quotes = false;
    let b = text.as_bytes();
    out.clear();
    // About one token per five bytes of news text.
    out.reserve(text.len() / 4 + 1);
    let mut i = 0;
    let is_apos = |c: char| c == '\'' || c == '\u{2019}';
    while i < b.len() {
        let byte = b[i];
        // ASCII (nearly every byte) without decoding a char: the same tests as below. A
        // quotation mark goes the general way, which notes it.
        if CLASS[byte as usize] & (ALNUM | WIDE | QUOTE) == 0 {
            // `char::is_whitespace` on ASCII: space and \t \n \x0B \x0C \r.
            if !matches!(byte, b' ' | b'\t'..=b'\r') && byte != b'\'' {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    norm: Norm::byte(byte),
                    cap: false,
                    poss: false,
                    punct: Some(byte as char),
                    quoted: false,
                });
            }
            i += 1;
            continue;
        }
        // A word of ASCII letters and digits ending before a byte that is neither part of a
        // multi-byte char nor an apostrophe (nearly every word): the general path below would
        // find the same token, with more tests. Not an initialism (U.S.).
        if CLASS[byte as usize] & ALNUM != 0
            && !(byte.is_ascii_uppercase() && b.get(i + 1) == Some(&b'.'))
        {
            let end = i + 1 + alnum_run(&b[i + 1..]);
            if end == b.len() || (CLASS[b[end] as usize] & WIDE == 0 && b[end] != b'\'') {
                let word = &b[i..end];
                out.push(Token {
                    start: i,
                    end,
                    norm: if word.len() <= INLINE {
                        Norm::alnum_in(b, i, word.len())
                    } else {
                        Norm::fold(&text[i..end])
                    },
                    cap: byte.is_ascii_uppercase(),
                    poss: false,
                    punct: None,
                    quoted: false,
                });
                // And the space that nearly always follows.
                i = end + usize::from(b.get(end) == Some(&b' '));
                continue;
            }
        }
        let Some(c) = char_at(text, i) else { break };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if !c.is_alphanumeric() {
            if !is_apos(c) {
                quotes |= matches!(c, '"' | '\u{201C}' | '\u{201D}');
                out.push(Token {
                    start: i,
                    end: i + cl,
                    norm: Norm::new(c.encode_utf8(&mut [0; 4])),
                    cap: false,
                    poss: false,
                    punct: Some(c),
                    quoted: false,
                });
            }
            i += cl;
            continue;
        }
        // Dotted initialism: U.S., E.U., U.S.A.
        let mut j = i;
        while j + 1 < b.len() && b[j].is_ascii_uppercase() && b[j + 1] == b'.' {
            j += 2;
        }
        let start = i;
        // Only ASCII letters and digits: folded eight bytes at a time.
        let mut alnum = true;
        if j - i >= 4 {
            i = j;
            alnum = false;
        } else {
            // A word: alphanumerics, with apostrophes between letters other than a final 's.
            loop {
                while i < b.len() {
                    // A run of ASCII letters and digits at once.
                    i += b[i..]
                        .iter()
                        .position(|&c| CLASS[c as usize] & ALNUM == 0)
                        .unwrap_or(b.len() - i);
                    if i == b.len() || CLASS[b[i] as usize] & WIDE == 0 {
                        break;
                    }
                    match char_at(text, i).filter(|ch| ch.is_alphanumeric()) {
                        Some(ch) => {
                            i += ch.len_utf8();
                            alnum = false;
                        }
                        None => break,
                    }
                }
                let Some(a) = char_at(text, i).filter(|&ch| is_apos(ch)) else {
                    break;
                };
                let after = &text[i + a.len_utf8()..];
                let next = after.chars().next();
                let ends_s = (next == Some('s') || next == Some('S'))
                    && !after[1..]
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_alphanumeric());
                if next.is_some_and(|ch| ch.is_alphanumeric()) && !ends_s {
                    i += a.len_utf8();
                    alnum = false;
                    continue;
                }
                break;
            }
        }
        let word = &text[start..i];
        let mut tok = Token {
            start,
            end: i,
            norm: if alnum && word.len() <= INLINE {
                Norm::alnum(word.as_bytes())
            } else {
                Norm::fold(word)
            },
            cap: match b[start] {
                f if f.is_ascii() => f.is_ascii_uppercase(),
                _ => word.chars().next().is_some_and(char::is_uppercase),
            },
            poss: false,
            punct: None,
            quoted: false,
        };
        // Possessive 's / s'.
        if let Some(a) = char_at(text, i).filter(|&ch| is_apos(ch)) {
            let after = &text[i + a.len_utf8()..];
            let next = after.chars().next();
            if (next == Some('s') || next == Some('S'))
                && !after[1..]
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_alphanumeric())
            {
                tok.poss = true;
                i += a.len_utf8() + 1;
            } else if word.ends_with('s') && !next.is_some_and(|ch| ch.is_alphanumeric()) {
                tok.poss = true;
                i += a.len_utf8();
            }
        }
        out.push(tok);
    }
    quotes
}

/// Mark tokens inside quoted speech. Curly quotes open and close; a straight quote toggles. A
/// sentence may begin inside a quotation (`starts_quoted`, or a closing quote with no opener).
/// Short quotations (under six words) are scare quotes or titles, not speech, unless they
/// continue a quotation from the sentence before.
pub fn mark_quotes(toks: &mut [Token], starts_quoted: bool) {
    // (first token, end token, continues a quotation)
    let mut regions: Vec<(usize, usize, bool)> = Vec::new();
    let mut open: Option<(usize, bool)> = starts_quoted.then_some((0, true));
    for (i, tok) in toks.iter().enumerate() {
        match tok.punct {
            Some('\u{201C}') => open = Some((i + 1, false)),
            Some('\u{201D}') => {
                regions.push(open.map_or((0, i, true), |(o, c)| (o, i, c)));
                open = None;
            }
            Some('"') => match open {
                Some((o, c)) => {
                    regions.push((o, i, c));
                    open = None;
                }
                None => open = Some((i + 1, false)),
            },
            _ => {}
        }
    }
    if let Some((o, _)) = open {
        // A quotation still open at the end of the sentence goes on into the next: speech.
        regions.push((o, toks.len(), true));
    }
    for (a, b, continued) in regions {
        let words = toks[a..b].iter().filter(|t| t.punct.is_none()).count();
        if words >= 6 || (continued && words > 0) {
            for t in &mut toks[a..b] {
                t.quoted = true;
            }
        }
    }
}

#[cfg(test)]
mod tests;
