//! The walk from a phrase's first word to longer phrases, node to node: each first word and
//! each prefix of a longer phrase is a node, and (node, next token packed) finds the next one
//! in a [`ShortTable`], without joining the tokens into a key and hashing it. A token that
//! cannot be packed goes back to the keys (`Gazetteer::prefixes`).

use super::{short, FirstWord, Gazetteer, Prefix, ShortTable};
use crate::mention::Norm;

/// Whether a packed word holds a space.
#[inline]
fn has_space(key: u128) -> bool {
    crate::swar::contains(key as u64, b' ') != 0
        || crate::swar::contains((key >> 64) as u64, b' ') != 0
}

/// One step of the phrase walk ([`Gazetteer::prefix_after`]).
#[derive(Debug)]
pub enum Next<'g> {
    /// The tokens so far and the next one start a phrase, or are one.
    Prefix(&'g Prefix),
    /// They do not: the walk ends.
    End,
    /// The next token cannot be looked up by node (it is longer than 15 bytes, empty or holds a
    /// space): look the tokens so far, joined by spaces, up in `prefixes`.
    ByKey,
}

/// The node of a first word that holds a space: none (see [`Gazetteer::walk_from`]).
const NO_NODE: u32 = u32::MAX;

impl Gazetteer {
    /// The phrase walk: the tokens of `node` (a [`FirstWord`] or a [`Prefix`]) followed by the
    /// token `w`, as `prefixes.get` of their joined key would find them.
    #[inline]
    pub fn prefix_after(&self, node: u32, w: &Norm) -> Next<'_> {
        match w.packed() {
            // A word found holds no space (no key does): only a miss needs the test.
            Some(key) => match self.next_words.get((node, key)) {
                Some(p) => Next::Prefix(p),
                None if has_space(key) => Next::ByKey,
                None => Next::End,
            },
            None => Next::ByKey,
        }
    }

    /// The node a phrase walk from a first word starts at: `None` when the word holds a space
    /// (the joined keys would split differently; walk by key then).
    #[inline]
    pub fn walk_from(&self, first: &FirstWord) -> Option<u32> {
        (first.node != NO_NODE).then_some(first.node)
    }

    /// Number the first words and prefixes as nodes of the phrase walk, and fill `next_words`
    /// (after `index_prefixes`). A prefix's key is the key of its node and its last token,
    /// joined by a space; the node is a prefix itself when its key holds a space.
    pub(super) fn index_walk(&mut self) {
        let mut node = 0u32;
        for (w, f) in self.first_words.iter_mut() {
            f.node = if w.contains(' ') { NO_NODE } else { node };
            node += 1;
        }
        for p in self.prefixes.values_mut() {
            p.node = node;
            node += 1;
        }
        let mut entries = Vec::new();
        for (key, p) in &self.prefixes {
            let Some(at) = key.rfind(' ') else {
                continue;
            };
            let (before, last) = (&key[..at], &key[at + 1..]);
            let from = if before.contains(' ') {
                self.prefixes.get(before).map(|q| q.node)
            } else {
                self.first_words.get(before).map(|f| f.node)
            };
            if let (Some(from), Some(last)) = (from, short::pack(last)) {
                entries.push(((from, last), p.clone()));
            }
        }
        self.next_words = ShortTable::new(entries);
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::Config;

    #[test]
    fn the_node_walk_finds_what_the_keys_find() {
        let g = Config::load(None).unwrap().gazetteer;
        let norm = |w: &str| crate::mention::tokenize(w).remove(0).norm;
        // Every prefix, from its first word node to node.
        for (key, p) in &g.prefixes {
            let words: Vec<&str> = key.split(' ').collect();
            let first = &g.first_words[words[0]];
            let mut node = g.walk_from(first).unwrap();
            for (k, w) in words.iter().enumerate().skip(1) {
                match g.prefix_after(node, &norm(w)) {
                    super::Next::Prefix(q) => {
                        assert_eq!(q.node, g.prefixes[&words[..=k].join(" ")].node, "{key}");
                        node = q.node;
                    }
                    other => panic!("{key}: {other:?}"),
                }
            }
            assert_eq!(node, p.node, "{key}");
        }
        // A word that continues no phrase ends the walk; one that cannot be packed, or holds a
        // space, sends it to the keys.
        let first = &g.first_words["french"];
        let node = g.walk_from(first).unwrap();
        assert!(matches!(
            g.prefix_after(node, &norm("zzzz")),
            super::Next::End
        ));
        let long = norm("extraordinarilylongword");
        assert!(matches!(g.prefix_after(node, &long), super::Next::ByKey));
        let spaced = crate::mention::tokenize("foreign\u{2010}ministry")
            .remove(0)
            .norm;
        if spaced.contains(' ') {
            assert!(matches!(g.prefix_after(node, &spaced), super::Next::ByKey));
        }
    }
}
