//! Dictionary atoms: the phrases of the gazetteer found in a sentence, longest first, and
//! the buffers one sentence's analysis leaves for the next.

use super::{compose, Token};
use crate::gazetteer::{Gazetteer, Next, Word};

/// A dictionary phrase found in a sentence: token range and meanings.
pub(super) type Atom<'g> = (usize, usize, &'g [Word]);

/// Buffers that one sentence's analysis leaves for the next to reuse.
#[derive(Default)]
pub struct Scratch<'g> {
    pub(super) atoms: Vec<Atom<'g>>,
    pub(super) key: String,
    pub(super) spans: Vec<(usize, usize)>,
    pub(super) found: Vec<compose::Found>,
    /// Per token (and one past the last): the index of the atom covering it, or [`NO_ATOM`].
    pub(super) cover: Vec<u32>,
}

/// No atom covers the token.
pub(super) const NO_ATOM: u32 = u32::MAX;

/// For each token of a sentence of `n` tokens, and the position after the last, the index of
/// the atom covering it (atoms do not overlap), into `out`.
#[inline]
pub(super) fn cover_of(atoms: &[Atom<'_>], n: usize, out: &mut Vec<u32>) {
    out.clear();
    out.resize(n + 1, NO_ATOM);
    for (k, a) in atoms.iter().enumerate() {
        out[a.0..a.1].fill(k as u32);
    }
}

/// Atoms: the dictionary meanings found at each token range, the longest phrase first, into
/// `out` (`key` is a buffer).
#[inline]
pub(super) fn atoms<'g>(
    g: &'g Gazetteer,
    toks: &[Token],
    out: &mut Vec<Atom<'g>>,
    key: &mut String,
) {
    out.clear();
    let mut i = 0;
    while i < toks.len() {
        // Most words start no phrase: look only where one may start. A phrase may not run
        // across punctuation other than a hyphen ("Jean-Noël Barrot", "cease-fire").
        let first = match g.first_word_of(&toks[i].norm) {
            Some(f) if toks[i].punct.is_none_or(|c| c == '-') => f,
            _ => {
                i += 1;
                continue;
            }
        };
        // Add tokens while they still start some phrase; the longest phrase met wins, else
        // the word alone.
        let mut found = (!first.alone.is_empty()).then_some((i, i + 1, first.alone.as_slice()));
        if first.longer {
            // From node to node while the tokens can be looked up so; else by the joined key
            // (`key` holds it once the walk has switched to it).
            let mut node = g.walk_from(first);
            for (n, t) in toks[i..].iter().enumerate().take(g.max_len).skip(1) {
                if t.punct.is_some_and(|c| c != '-') {
                    break;
                }
                let by_node = match node.map(|at| g.prefix_after(at, &t.norm)) {
                    Some(Next::Prefix(p)) => Some(p),
                    Some(Next::End) => break,
                    Some(Next::ByKey) | None => None,
                };
                let p = match by_node {
                    Some(p) => p,
                    None => {
                        if node.take().is_some() {
                            key.clear();
                            key.push_str(&toks[i].norm);
                            for u in &toks[i + 1..i + n] {
                                key.push(' ');
                                key.push_str(&u.norm);
                            }
                        }
                        key.push(' ');
                        key.push_str(&t.norm);
                        let Some(p) = g.prefixes.get(key.as_str()) else {
                            break;
                        };
                        p
                    }
                };
                if !p.meanings.is_empty() {
                    found = Some((i, i + n + 1, p.meanings.as_slice()));
                }
                if !p.longer {
                    break;
                }
                if node.is_some() {
                    node = Some(p.node);
                }
            }
        }
        match found {
            Some(f) => {
                i = f.1;
                out.push(f);
            }
            None => i += 1,
        }
    }
}
