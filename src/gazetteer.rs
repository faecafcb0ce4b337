//! The actor gazetteer and the attribution word lists, compiled into one phrase dictionary.
//!
//! `actors.toml` says who can hold a position and how they are named; `attribution.toml` lists the
//! verbs, markers and role words the rules look for. Both become entries of a token-sequence
//! dictionary that `mention` looks up, longest phrase first.

use serde::Deserialize;
use std::collections::HashMap;

use crate::data::{DataError, DataFile};
use crate::mention::{tokenize, Norm};
use short::ShortTable;

mod check;
mod hash;
mod raw;
mod short;
mod walk;

pub use hash::{FastHash, FxHasher};
use raw::{RawActors, RawWords};
pub use walk::Next;

/// Role of a speaker, as reported in the `role` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Official,
    StateMedia,
    Expert,
    Other,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Official => "official",
            Role::StateMedia => "state_media",
            Role::Expert => "expert",
            Role::Other => "other",
        }
    }
}

/// An actor of the gazetteer.
#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub track: bool,
}

/// A known person.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub surname: String,
    pub actor: usize,
    pub role: Role,
    pub office: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// What a phrase of the dictionary means.
#[derive(Debug, Clone, PartialEq)]
pub enum Word {
    /// The state itself or a metonym ("China", "Beijing").
    Actor(usize),
    /// An adjective of nationality ("Chinese").
    Demonym(usize),
    /// A state medium or official outlet ("Xinhua").
    Media(usize),
    /// A city, university or institute that tells a person's nationality ("Fudan University").
    Place(usize),
    /// A named institution.
    Institution(usize, Role),
    /// A known person (full name or alias).
    Person(usize),
    /// A known person's surname used alone.
    Surname(String),
    /// A role word with the office it names ("top diplomat" -> foreign minister).
    RoleWord(String),
    Speech,
    Attitude,
    SourceMarker,
    Document,
    Joint,
    Expert,
    Pronoun,
    PluralPronoun,
    /// "It", when it stands for a document ("It says ...").
    DocumentPronoun,
}

/// What the phrases that start with one word are like.
#[derive(Debug, Default, Clone)]
pub struct FirstWord {
    /// Some phrase of two tokens or more starts with the word.
    pub longer: bool,
    /// The word as a node of the phrase walk ([`Gazetteer::prefix_after`]).
    pub node: u32,
    /// The meanings of the word alone (its `dict` entry; empty when it is no phrase alone), so
    /// that a one-word phrase needs no second lookup.
    pub alone: Vec<Word>,
}

/// The first two tokens or more of a phrase, as the longest-first walk meets them.
#[derive(Debug, Default, Clone)]
pub struct Prefix {
    /// The meanings of these tokens as a phrase (their `dict` entry), empty when they only
    /// start longer phrases.
    pub meanings: Vec<Word>,
    /// Some longer phrase starts with these tokens.
    pub longer: bool,
    /// These tokens as a node of the phrase walk ([`Gazetteer::prefix_after`]).
    pub node: u32,
}

/// The compiled gazetteer and word lists.
#[derive(Debug)]
pub struct Gazetteer {
    pub actors: Vec<Actor>,
    pub persons: Vec<Person>,
    /// Phrase (folded tokens joined by spaces) -> meanings.
    pub dict: HashMap<String, Vec<Word>, FastHash>,
    /// Longest phrase, in tokens.
    pub max_len: usize,
    /// First words of the phrases, to skip positions where none starts, with the lengths of
    /// the phrases that start with each.
    pub first_words: HashMap<String, FirstWord, FastHash>,
    /// Every phrase of two tokens or more and every such start of a longer phrase, keyed like
    /// `dict`: a walk from a first word goes on while the tokens so far are in here.
    pub prefixes: HashMap<String, Prefix, FastHash>,
    /// A sieve in front of `first_words`: per first byte and per last byte, bit `len.min(31)`
    /// is set when some first word has that byte and length. A token that fails it is not a
    /// first word, without hashing it (most tokens start no phrase).
    first_shape: [[u32; 256]; 2],
    /// The entries of `first_words` of up to 15 bytes, by packed word.
    short_firsts: ShortTable<u128, FirstWord>,
    /// The entries of `prefixes` by the node of all their tokens but the last (a first word or
    /// a shorter prefix) and their last token packed, when it has 1 to 15 bytes: the walk goes
    /// on from node to node without joining the tokens into a key and hashing it.
    next_words: ShortTable<(u32, u128), Prefix>,
    /// Folded verbs that release a document ("released", "published").
    pub releases: Vec<String>,
    pub actors_version: String,
    pub words_version: String,
    /// Per person, the folded surname (looked up for every surname mention).
    folded_surnames: Vec<String>,
    /// Per folded surname, the person who has it when exactly one does (`None` when several).
    by_surname: HashMap<String, Option<usize>, FastHash>,
    /// Per person, the folded tokens of the full name.
    name_norms: Vec<Vec<Norm>>,
}

impl Gazetteer {
    /// Build from `actors.toml` and `attribution.toml`.
    pub fn parse(actors: &DataFile, words: &DataFile) -> Result<Gazetteer, DataError> {
        let ra: RawActors =
            toml::from_str(&actors.text).map_err(|e| DataError::from_toml(actors, &e))?;
        let rw: RawWords =
            toml::from_str(&words.text).map_err(|e| DataError::from_toml(words, &e))?;
        check::actors(actors)?;
        check::words(words)?;
        let mut g = Gazetteer {
            actors: Vec::new(),
            persons: Vec::new(),
            dict: HashMap::default(),
            max_len: 1,
            first_words: Default::default(),
            prefixes: Default::default(),
            first_shape: [[0; 256]; 2],
            short_firsts: Default::default(),
            next_words: Default::default(),
            releases: rw
                .release_verbs
                .iter()
                .map(|v| crate::fold::fold_str(v))
                .collect(),
            actors_version: ra.version,
            words_version: rw.version,
            folded_surnames: Vec::new(),
            by_surname: HashMap::default(),
            name_norms: Vec::new(),
        };
        let fail = |m: String| DataError::new(&actors.source, 0, 0, m);
        for (i, a) in ra.actor.iter().enumerate() {
            if matches!(a.name.as_str(), "joint" | "other" | "none" | "") {
                return Err(fail(format!(
                    "actor name `{}` is reserved or empty",
                    a.name
                )));
            }
            if g.actors.iter().any(|x| x.name == a.name) {
                return Err(fail(format!("actor `{}` is defined twice", a.name)));
            }
            g.actors.push(Actor {
                name: a.name.clone(),
                track: a.track,
            });
            for n in a
                .names
                .iter()
                .chain(&a.metonyms)
                .chain(std::iter::once(&a.name))
            {
                g.add(n, Word::Actor(i));
            }
            for n in &a.demonyms {
                g.add(n, Word::Demonym(i));
            }
            for n in &a.media {
                g.add(n, Word::Media(i));
            }
            for n in &a.places {
                g.add(n, Word::Place(i));
            }
        }
        let actor_index = |name: &str, what: &str| {
            g.actors.iter().position(|a| a.name == name).ok_or_else(|| {
                fail(format!(
                    "{what} names actor `{name}`, which no [[actor]] defines"
                ))
            })
        };
        let mut adds: Vec<(String, Word)> = Vec::new();
        for inst in &ra.institution {
            let a = actor_index(&inst.actor, "an [[institution]]")?;
            for n in &inst.aliases {
                adds.push((n.clone(), Word::Institution(a, inst.role)));
            }
        }
        let mut persons = Vec::new();
        for (i, p) in ra.person.iter().enumerate() {
            let a = actor_index(&p.actor, &format!("person `{}`", p.name))?;
            for d in p.from.iter().chain(&p.to) {
                if !crate::model::valid_date(d) {
                    return Err(fail(format!(
                        "person `{}`: `{d}` is not a date (YYYY-MM-DD)",
                        p.name
                    )));
                }
            }
            persons.push(Person {
                name: p.name.clone(),
                surname: p.surname.clone(),
                actor: a,
                role: p.role,
                office: p.office.clone(),
                from: p.from.clone(),
                to: p.to.clone(),
            });
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                adds.push((n.clone(), Word::Person(i)));
            }
            adds.push((
                p.surname.clone(),
                Word::Surname(crate::fold::fold_str(&p.surname)),
            ));
        }
        g.folded_surnames = persons
            .iter()
            .map(|p| crate::fold::fold_str(&p.surname))
            .collect();
        for (i, s) in g.folded_surnames.iter().enumerate() {
            g.by_surname
                .entry(s.clone())
                .and_modify(|p| *p = None)
                .or_insert(Some(i));
        }
        g.name_norms = persons
            .iter()
            .map(|p| tokenize(&p.name).into_iter().map(|t| t.norm).collect())
            .collect();
        g.persons = persons;
        for (n, w) in adds {
            g.add(&n, w);
        }
        for (list, w) in [
            (&rw.speech, Word::Speech),
            (&rw.attitude, Word::Attitude),
            (&rw.source_markers, Word::SourceMarker),
            (&rw.documents, Word::Document),
            (&rw.joint, Word::Joint),
            (&rw.experts, Word::Expert),
            (&rw.pronouns, Word::Pronoun),
            (&rw.plural_pronouns, Word::PluralPronoun),
            (&rw.document_pronouns, Word::DocumentPronoun),
        ] {
            for n in list {
                g.add(n, w.clone());
            }
        }
        for (n, office) in &rw.roles {
            g.add(n, Word::RoleWord(office.clone()));
        }
        g.index_prefixes();
        g.index_walk();
        g.short_firsts = ShortTable::new(
            g.first_words
                .iter()
                .filter_map(|(w, f)| Some((short::pack(w)?, f.clone())))
                .collect(),
        );
        Ok(g)
    }

    /// The phrases that start with the folded word `w`, if some do (`first_words.get(w)`).
    #[inline]
    pub fn first_word(&self, w: &str) -> Option<&FirstWord> {
        if self.sieve(w) {
            self.first_words.get(w)
        } else {
            None
        }
    }

    /// False when `w` is certainly no first word (`first_shape`); an empty word passes.
    #[inline]
    fn sieve(&self, w: &str) -> bool {
        let (Some(&a), Some(&z)) = (w.as_bytes().first(), w.as_bytes().last()) else {
            return true;
        };
        let bit = 1 << w.len().min(31);
        self.first_shape[0][a as usize] & bit != 0 && self.first_shape[1][z as usize] & bit != 0
    }

    /// [`Gazetteer::first_word`] of a token's folded form, short ones without hashing it.
    #[inline]
    pub fn first_word_of(&self, n: &Norm) -> Option<&FirstWord> {
        match n.packed() {
            // The table turns most words away by their hash, more cheaply than the sieve.
            Some(key) => self.short_firsts.get(key),
            None => self.first_word(n.as_str()),
        }
    }

    /// Whether some phrase starts with the folded word `w`.
    pub fn starts_phrase(&self, w: &str) -> bool {
        self.first_word(w).is_some()
    }

    /// Fill `first_words` and `prefixes` from `dict`. The keys join tokens with spaces, and a
    /// token never holds a space, so the token boundaries of a key are its spaces.
    fn index_prefixes(&mut self) {
        for (key, ws) in &self.dict {
            let mut bounds = key.match_indices(' ').map(|(at, _)| at).peekable();
            let first = match bounds.peek() {
                Some(&at) => &key[..at],
                None => key.as_str(),
            };
            let entry = self.first_words.entry(first.to_string()).or_default();
            if bounds.peek().is_none() {
                entry.alone = ws.clone();
                continue;
            }
            entry.longer = true;
            bounds.next();
            for at in bounds {
                self.prefixes
                    .entry(key[..at].to_string())
                    .or_default()
                    .longer = true;
            }
            self.prefixes.entry(key.clone()).or_default().meanings = ws.clone();
        }
    }

    fn add(&mut self, phrase: &str, w: Word) {
        let toks = tokenize(phrase);
        if toks.is_empty() {
            return;
        }
        self.max_len = self.max_len.max(toks.len());
        let first = toks[0].norm.as_str();
        if let (Some(&a), Some(&z)) = (first.as_bytes().first(), first.as_bytes().last()) {
            let bit = 1 << first.len().min(31);
            self.first_shape[0][a as usize] |= bit;
            self.first_shape[1][z as usize] |= bit;
        }
        self.first_words.entry(first.to_string()).or_default();
        let key = toks
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let list = self.dict.entry(key).or_default();
        if !list.contains(&w) {
            list.push(w);
        }
    }

    /// The person of `actor` holding `office` on `date` (any date when unknown), if exactly one.
    pub fn office_holder(&self, actor: usize, office: &str, date: Option<&str>) -> Option<usize> {
        let fits: Vec<usize> = (0..self.persons.len())
            .filter(|&i| {
                let p = &self.persons[i];
                p.actor == actor
                    && p.office == office
                    && date.is_none_or(|d| {
                        p.from.as_deref().is_none_or(|f| f <= d)
                            && p.to.as_deref().is_none_or(|t| d < t)
                    })
            })
            .collect();
        (fits.len() == 1).then(|| fits[0])
    }

    /// The gazetteer person with this folded surname, if exactly one.
    pub fn by_surname(&self, surname: &str) -> Option<usize> {
        self.by_surname.get(surname).copied().flatten()
    }

    /// The folded tokens of person `p`'s full name.
    pub fn name_norms(&self, p: usize) -> &[Norm] {
        &self.name_norms[p]
    }

    /// The folded surname of person `p`.
    pub fn folded_surname(&self, p: usize) -> &str {
        &self.folded_surnames[p]
    }
}

#[cfg(test)]
mod tests;
