//! Finding who and what a sentence names: tokens, quotations, actor mentions and speech predicates.
//!
//! The sentence is cut into tokens (with possessives and initialisms kept whole), looked up in the
//! gazetteer's phrase dictionary longest-first, and the pieces are composed into mentions:
//! "Chinese Foreign Minister Wang Yi" is one person, "France's top diplomat" one description,
//! "China and France" one joint mention. `attribute` decides which mention holds the statement.

use crate::fold::fold_str;
use crate::gazetteer::{Gazetteer, Role, Word};

/// A token of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte range, relative to the tokenized text.
    pub start: usize,
    pub end: usize,
    /// Folded form (punctuation: the char itself).
    pub norm: String,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Followed by a possessive `'s` (or a plural `s'`).
    pub poss: bool,
    /// Punctuation token.
    pub punct: Option<char>,
    /// Inside quoted speech (a quotation of six words or more).
    pub quoted: bool,
}

/// Cut text into word and punctuation tokens. Words keep internal apostrophes (d'Orsay) and
/// dotted initialisms (U.S.); a possessive `'s` is folded into the word's `poss` flag.
pub fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let is_apos = |c: char| c == '\'' || c == '\u{2019}';
    while i < b.len() {
        let c = text[i..].chars().next().unwrap();
        let cl = c.len_utf8();
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if !c.is_alphanumeric() {
            if !is_apos(c) {
                out.push(Token {
                    start: i,
                    end: i + cl,
                    norm: c.to_string(),
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
        if j - i >= 4 {
            i = j;
        } else {
            // A word: alphanumerics, with apostrophes between letters other than a final 's.
            loop {
                while let Some(ch) = text[i..].chars().next().filter(|ch| ch.is_alphanumeric()) {
                    i += ch.len_utf8();
                }
                let rest = &text[i..];
                let Some(a) = rest.chars().next().filter(|&ch| is_apos(ch)) else {
                    break;
                };
                let after = &rest[a.len_utf8()..];
                let next = after.chars().next();
                let ends_s = (next == Some('s') || next == Some('S'))
                    && !after[1..]
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_alphanumeric());
                if next.is_some_and(|ch| ch.is_alphanumeric()) && !ends_s {
                    i += a.len_utf8();
                    continue;
                }
                break;
            }
        }
        let word = &text[start..i];
        let mut tok = Token {
            start,
            end: i,
            norm: fold_str(word),
            cap: word.chars().next().is_some_and(char::is_uppercase),
            poss: false,
            punct: None,
            quoted: false,
        };
        // Possessive 's / s'.
        if let Some(a) = text[i..].chars().next().filter(|&ch| is_apos(ch)) {
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
    out
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

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    /// A state, metonym or institution, with the role it speaks in.
    Actor(usize, Role),
    /// A known person.
    Person(usize),
    /// A person found in this document but not in the gazetteer, with the office word of their
    /// description when there is one ("senator").
    Local {
        name: String,
        actor: Option<usize>,
        role: Role,
        office: Option<String>,
    },
    /// A role word with no nationality: "the senator" (definite: `true`), "a spokesman".
    Title(String, bool),
    /// A body of a state outside the gazetteer: "Israel's foreign ministry".
    Foreign(String),
    /// A non-governmental body of an actor, named by its nationality: "French utility EDF",
    /// "the French cognac interprofession, the BNIC," (role `other`).
    Body(usize),
    /// A surname to resolve in the document ("Wang").
    Surname(String),
    /// A description of an office ("the French president"): actor and office.
    Office(usize, String),
    /// Both actors together ("the two sides", "China and France").
    Joint,
    /// Experts, analysts..., with their nationality when given.
    Experts(Option<usize>),
    /// He, she.
    Pronoun,
    /// They.
    PluralPronoun,
    /// A document or speech act ("the statement", "France's call"), with its holder when named.
    Document(Option<usize>),
}

/// A mention in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Token range (inclusive start, exclusive end).
    pub from: usize,
    pub to: usize,
    pub referent: Referent,
    /// Ends with a possessive ("France's call"): a modifier, not a subject.
    pub poss: bool,
    /// Directly after a preposition ("to France"): not a subject.
    pub after_prep: bool,
    /// Inside quoted speech.
    pub quoted: bool,
    /// Names a speech act or document of its holder ("Sejourne's remarks", "the Chinese statement").
    pub act: bool,
}

/// A predicate that can carry a holder: a speech or attitude verb, or a source marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PredKind {
    Speech,
    Attitude,
    Source,
}

/// A predicate outside quotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pred {
    pub from: usize,
    pub to: usize,
    pub kind: PredKind,
}

/// Everything found in one sentence.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub preds: Vec<Pred>,
    /// Every gazetteer person named, also inside a joint mention ("Wang Yi and Jean-Noël
    /// Barrot"), for surnames later in the document.
    pub persons: Vec<usize>,
}

const PREPOSITIONS: &[&str] = &[
    "to",
    "with",
    "for",
    "in",
    "on",
    "at",
    "toward",
    "towards",
    "against",
    "under",
    "into",
    "about",
    "over",
    "between",
    "among",
    "amid",
    "alongside",
    "during",
    "including",
    "like",
    "than",
    "upon",
    "across",
    "beyond",
    "within",
    "without",
    "visited",
    "visit",
    "host",
    "hosted",
    "met",
    "meet",
    "pressuring",
    "involve",
    "influence",
];

/// Atoms: the dictionary meanings found at each token range.
fn atoms(g: &Gazetteer, toks: &[Token]) -> Vec<(usize, usize, Vec<Word>)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut key = String::new();
    let mut ends: Vec<usize> = Vec::with_capacity(g.max_len);
    while i < toks.len() {
        // Most words start no phrase: look only where one may start.
        if !g.first_words.contains(&toks[i].norm) {
            i += 1;
            continue;
        }
        // The longest candidate once, then its prefixes, longest first. A phrase may not run
        // across punctuation other than a hyphen ("Jean-Noël Barrot", "cease-fire").
        key.clear();
        ends.clear();
        for t in toks[i..].iter().take(g.max_len) {
            if t.punct.is_some_and(|c| c != '-') {
                break;
            }
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(&t.norm);
            ends.push(key.len());
        }
        let found = ends
            .iter()
            .enumerate()
            .rev()
            .find_map(|(n, &end)| g.dict.get(&key[..end]).map(|ws| (i, i + n + 1, ws.clone())));
        match found {
            Some(f) => {
                i = f.1;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

fn has(ws: &[Word], f: impl Fn(&Word) -> bool) -> Option<&Word> {
    ws.iter().find(|w| f(w))
}

/// Analyse one sentence. `local` lists the folded surnames of persons seen earlier in the
/// document that are not in the gazetteer ("yunfei"/"wang" for Wang Yunfei).
pub fn analyse(g: &Gazetteer, text: &str, local: &[String], starts_quoted: bool) -> Analysis {
    let mut toks = tokenize(text);
    mark_quotes(&mut toks, starts_quoted);
    let atoms = atoms(g, &toks);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut preds = Vec::new();
    let at = |tok: usize| atoms.iter().position(|a| a.0 == tok);
    let mut k = 0;
    while k < atoms.len() {
        let (s, e, ws) = &atoms[k];
        let (s, e) = (*s, *e);
        let quoted = toks[s].quoted;
        k += 1;
        if !quoted {
            if has(ws, |w| *w == Word::SourceMarker).is_some() {
                // "per" only counts before a name.
                preds.push(Pred {
                    from: s,
                    to: e,
                    kind: PredKind::Source,
                });
                continue;
            }
            let verb = has(ws, |w| *w == Word::Speech)
                .map(|_| PredKind::Speech)
                .or_else(|| has(ws, |w| *w == Word::Attitude).map(|_| PredKind::Attitude));
            // Right after an article or a possessive pronoun a verb form is a noun: "a welcome
            // ceremony", "their views", "the call for".
            let noun = (s.saturating_sub(1)..s).any(|i| {
                matches!(
                    toks[i].norm.as_str(),
                    "a" | "an"
                        | "the"
                        | "this"
                        | "that"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "my"
                        | "your"
                )
            });
            if let Some(kind) = verb.filter(|_| !noun) {
                if ws
                    .iter()
                    .all(|w| matches!(w, Word::Speech | Word::Attitude | Word::Document))
                    || !toks[s].cap
                {
                    preds.push(Pred {
                        from: s,
                        to: e,
                        kind,
                    });
                    continue;
                }
            }
        }
        // A nationality or possessive actor/person, then a role, expert, person or document word.
        // "State Department spokesperson", "Kremlin spokesman": a body right before a role.
        let role_next =
            at(e).is_some_and(|n| atoms[n].2.iter().any(|w| matches!(w, Word::RoleWord(_))));
        let head = has(ws, |w| matches!(w, Word::Demonym(_)))
            .cloned()
            .or_else(|| {
                if toks[e - 1].poss {
                    has(ws, |w| {
                        matches!(w, Word::Actor(_) | Word::Person(_) | Word::Surname(_))
                    })
                    .cloned()
                } else if role_next {
                    has(ws, |w| matches!(w, Word::Actor(_)))
                        .cloned()
                        .or_else(|| {
                            has(ws, |w| matches!(w, Word::Institution(..))).map(|w| match w {
                                Word::Institution(a, _) => Word::Actor(*a),
                                other => other.clone(),
                            })
                        })
                } else {
                    None
                }
            });
        if let Some(head) = head {
            let mut j = e;
            let mut combined = None;
            while j < toks.len() && j <= e + 2 && toks[j].punct.is_none() {
                if let Some(n) = at(j) {
                    let nws = &atoms[n].2;
                    let actor = match &head {
                        Word::Demonym(a) | Word::Actor(a) => Some(*a),
                        Word::Person(p) => Some(g.persons[*p].actor),
                        Word::Surname(n) => g.by_surname(n).map(|p| g.persons[p].actor),
                        _ => None,
                    };
                    let r =
                        if let Some(Word::Person(p)) = has(nws, |w| matches!(w, Word::Person(_))) {
                            Some(Referent::Person(*p))
                        } else if let (Some(Word::RoleWord(office)), Some(a)) =
                            (has(nws, |w| matches!(w, Word::RoleWord(_))), actor)
                        {
                            // "French Defense Minister Sebastien Lecornu": a name after the title wins.
                            let after = atoms.get(n + 1).filter(|x| x.0 == atoms[n].1);
                            match after.and_then(|x| has(&x.2, |w| matches!(w, Word::Person(_)))) {
                                Some(Word::Person(p)) => {
                                    combined = Some((atoms[n + 1].1, Referent::Person(*p), n + 2));
                                    break;
                                }
                                _ => Some(Referent::Office(a, office.clone())),
                            }
                        } else if has(nws, |w| *w == Word::Expert).is_some() {
                            Some(Referent::Experts(actor))
                        } else if has(nws, |w| *w == Word::Document).is_some() {
                            // "Sejourne's remarks": the person; "the Chinese statement": the actor.
                            match &head {
                                Word::Person(p) => Some(Referent::Person(*p)),
                                Word::Surname(n) => Some(
                                    g.by_surname(n)
                                        .map_or(Referent::Document(actor), Referent::Person),
                                ),
                                _ => Some(Referent::Document(actor)),
                            }
                        } else {
                            None
                        };
                    if let Some(r) = r {
                        combined = Some((atoms[n].1, r, n + 1));
                    }
                    break;
                }
                j += 1;
            }
            if let Some((end, r, next)) = combined {
                let act = atoms[next - 1].2.contains(&Word::Document);
                mentions.push(Mention {
                    from: s,
                    to: end,
                    referent: r,
                    poss: toks[end - 1].poss,
                    after_prep: false,
                    quoted,
                    act,
                });
                k = next;
                continue;
            }
        }
        // A title followed by a name: "Foreign Minister Wang Yi".
        if has(ws, |w| matches!(w, Word::RoleWord(_))).is_some() {
            if let Some(n) = at(e) {
                if let Some(Word::Person(p)) = has(&atoms[n].2, |w| matches!(w, Word::Person(_))) {
                    mentions.push(Mention {
                        from: s,
                        to: atoms[n].1,
                        referent: Referent::Person(*p),
                        poss: toks[atoms[n].1 - 1].poss,
                        after_prep: false,
                        quoted,
                        act: false,
                    });
                    k = n + 1;
                    continue;
                }
            }
        }
        let r = if let Some(Word::Person(p)) = has(ws, |w| matches!(w, Word::Person(_))) {
            Some(Referent::Person(*p))
        } else if let Some(Word::Institution(a, role)) =
            has(ws, |w| matches!(w, Word::Institution(..)))
        {
            Some(Referent::Actor(*a, *role))
        } else if let Some(Word::Media(a)) = has(ws, |w| matches!(w, Word::Media(_))) {
            Some(Referent::Actor(*a, Role::StateMedia))
        } else if let Some(Word::Actor(a)) = has(ws, |w| matches!(w, Word::Actor(_))) {
            Some(Referent::Actor(*a, Role::Official))
        } else if has(ws, |w| *w == Word::Pronoun).is_some()
            && !toks
                .get(e)
                .is_some_and(|t| t.cap && t.punct.is_none() && at(e).is_none())
        {
            // "he said": a pronoun, even where "He" is also a surname (He Yadong).
            Some(Referent::Pronoun)
        } else if let Some(Word::Surname(n)) = has(ws, |w| matches!(w, Word::Surname(_))) {
            let next_is_name = toks
                .get(e)
                .is_some_and(|t| t.cap && t.punct.is_none() && at(e).is_none());
            (toks[s].cap && !next_is_name).then(|| Referent::Surname(n.clone()))
        } else if has(ws, |w| *w == Word::Joint).is_some() {
            Some(Referent::Joint)
        } else if has(ws, |w| *w == Word::Expert).is_some() {
            Some(Referent::Experts(None))
        } else if has(ws, |w| *w == Word::Pronoun).is_some() {
            // "He Yadong": a name, not a pronoun.
            let next_is_name = toks
                .get(e)
                .is_some_and(|t| t.cap && t.punct.is_none() && at(e).is_none());
            (!next_is_name).then_some(Referent::Pronoun)
        } else if has(ws, |w| *w == Word::PluralPronoun).is_some() {
            Some(Referent::PluralPronoun)
        } else if has(ws, |w| *w == Word::Document).is_some()
            || (has(ws, |w| *w == Word::DocumentPronoun).is_some())
        {
            Some(Referent::Document(None))
        } else if let Some(Word::RoleWord(office)) = has(ws, |w| matches!(w, Word::RoleWord(_))) {
            let indefinite = s > 0 && matches!(toks[s - 1].norm.as_str(), "a" | "an");
            Some(Referent::Title(office.clone(), !indefinite))
        } else {
            None
        };
        if let Some(r) = r {
            mentions.push(Mention {
                from: s,
                to: e,
                referent: r,
                poss: toks[e - 1].poss,
                after_prep: false,
                quoted,
                act: false,
            });
        }
    }
    mentions.sort_by_key(|m| m.from);
    attach(g, &toks, &atoms, &mut mentions);
    add_local_persons(g, &toks, &atoms, local, &mut mentions, &preds);
    mentions.sort_by_key(|m| m.from);
    merge_titles(&mut mentions);
    add_bodies(&toks, &atoms, &mut mentions, &preds);
    drop_swallowed(&mut mentions);
    mentions.sort_by_key(|m| m.from);
    let persons: Vec<usize> = mentions
        .iter()
        .filter_map(|m| match m.referent {
            Referent::Person(p) => Some(p),
            _ => None,
        })
        .collect();
    join_pairs(g, &toks, &mut mentions);
    for m in &mut mentions {
        let mut p = m.from;
        // Skip an article: "to the French side".
        if p > 0
            && matches!(
                toks[p - 1].norm.as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            )
        {
            p -= 1;
        }
        m.after_prep = p > 0 && PREPOSITIONS.contains(&toks[p - 1].norm.as_str());
    }
    Analysis {
        tokens: toks,
        mentions,
        preds,
        persons,
    }
}

/// Persons not in the gazetteer: two or three capitalised unknown words followed by an apposition
/// (", a Chinese military affairs expert,") or by a speech verb; and surnames of persons met earlier.
fn add_local_persons(
    g: &Gazetteer,
    toks: &[Token],
    atoms: &[(usize, usize, Vec<Word>)],
    local: &[String],
    mentions: &mut Vec<Mention>,
    preds: &[Pred],
) {
    // Tokens taken by a dictionary phrase, other than a lone surname or pronoun before another
    // capitalised word (Wang in "Wang Yunfei", He in "He Yadong").
    let covered = |i: usize| {
        atoms.iter().any(|a| {
            a.0 <= i
                && i < a.1
                && !(a.1 - a.0 == 1
                    && a.2
                        .iter()
                        .all(|w| matches!(w, Word::Surname(_) | Word::Pronoun))
                    && toks.get(i + 1).is_some_and(|t| t.cap && t.punct.is_none()))
        })
    };
    let plain_cap = |i: usize| {
        toks[i].cap
            && toks[i].punct.is_none()
            && !covered(i)
            && toks[i].norm.chars().all(char::is_alphabetic)
    };
    let mut i = 0;
    while i < toks.len() {
        if toks[i].quoted || !plain_cap(i) || mentions.iter().any(|m| m.from <= i && i < m.to) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < toks.len() && j < i + 4 && plain_cap(j) && !toks[j].poss {
            j += 1;
            // "Anne-Sophie Mercier": a hyphen between two capitalised words.
            if j + 1 < toks.len()
                && toks[j].punct == Some('-')
                && plain_cap(j + 1)
                && !toks[j - 1].poss
            {
                j += 1;
            }
        }
        if j < toks.len() && j < i + 3 && plain_cap(j) && toks[j].poss {
            j += 1;
        }
        let len = j - i;
        if len == 1
            && local.contains(&toks[i].norm)
            && !mentions.iter().any(|m| m.from <= i && i < m.to)
        {
            mentions.push(Mention {
                from: i,
                to: j,
                referent: Referent::Surname(toks[i].norm.clone()),
                poss: toks[i].poss,
                after_prep: false,
                quoted: false,
                act: false,
            });
            i = j;
            continue;
        }
        if len == 1 && toks[i].poss {
            // "... Israel's embassy": one capitalised word, mid-sentence, with a role after it.
            if let Some(r) = atoms
                .iter()
                .find(|a| a.0 == j && a.2.iter().any(|w| matches!(w, Word::RoleWord(_))))
            {
                mentions.push(Mention {
                    from: i,
                    to: r.1,
                    referent: Referent::Foreign(text_of(toks, i, j)),
                    poss: toks[r.1 - 1].poss,
                    after_prep: false,
                    quoted: false,
                    act: false,
                });
            }
        }
        if len >= 2 {
            // A capitalised run right before a verb of saying is a name, unless an article or a
            // preposition comes before it ("on the Middle East issued ...").
            let after_function_word = i > 0
                && (matches!(toks[i - 1].norm.as_str(), "the" | "a" | "an")
                    || PREPOSITIONS.contains(&toks[i - 1].norm.as_str()));
            let speaks = preds.iter().any(|p| p.from == j) && !after_function_word;
            let apposition = (toks.get(j).and_then(|t| t.punct) == Some(','))
                .then(|| {
                    let end = toks[j + 1..]
                        .iter()
                        .position(|t| t.punct.is_some())
                        .map_or(toks.len(), |p| j + 1 + p);
                    let inner: Vec<&(usize, usize, Vec<Word>)> =
                        atoms.iter().filter(|a| a.0 > j && a.1 <= end).collect();
                    let office = inner.iter().find_map(|a| {
                        a.2.iter().find_map(|w| match w {
                            Word::RoleWord(o) => Some(o.clone()),
                            _ => None,
                        })
                    });
                    let role = if inner.iter().any(|a| a.2.contains(&Word::Expert)) {
                        Role::Expert
                    } else if office.is_some() {
                        Role::Official
                    } else {
                        return None;
                    };
                    Some((nationality(g, &inner), role, office))
                })
                .flatten();
            // "Antoine Delmas, who heads the Asia programme at ..., said": a name whose
            // apposition is followed by a verb of saying.
            let after_apposition = (toks.get(j).and_then(|t| t.punct) == Some(','))
                .then(|| {
                    let close = toks[j + 1..].iter().position(|t| t.punct == Some(','))? + j + 1;
                    let inner: Vec<&(usize, usize, Vec<Word>)> =
                        atoms.iter().filter(|a| a.0 > j && a.1 <= close).collect();
                    preds
                        .iter()
                        .any(|p| p.from == close + 1 && p.kind != PredKind::Source)
                        .then(|| (nationality(g, &inner), Role::Other, None))
                })
                .flatten();
            // "..., said Delphine Roussel, a keeper": a name right after a verb of saying.
            let named_by_verb = i > 0
                && preds
                    .iter()
                    .any(|p| p.to == i && p.kind == PredKind::Speech);
            let speaks = (speaks || named_by_verb)
                .then_some((None, Role::Other, None))
                .or(after_apposition);
            if let Some((actor, role, office)) = apposition.or(speaks) {
                let name = toks[i..j]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                mentions.push(Mention {
                    from: i,
                    to: j,
                    referent: Referent::Local {
                        name,
                        actor,
                        role,
                        office,
                    },
                    poss: toks[j - 1].poss,
                    after_prep: false,
                    quoted: false,
                    act: false,
                });
            } else if toks[j - 1].poss {
                // "Israel's foreign ministry": a body of a state outside the gazetteer.
                let role_at = atoms.iter().find(|a| {
                    a.0 >= j
                        && a.0 <= j + 2
                        && a.2
                            .iter()
                            .any(|w| matches!(w, Word::RoleWord(_) | Word::Document))
                });
                if let Some(r) = role_at.filter(|r| toks[j..r.0].iter().all(|t| t.punct.is_none()))
                {
                    let name = text_of(toks, i, j);
                    mentions.push(Mention {
                        from: i,
                        to: r.1,
                        referent: Referent::Foreign(name),
                        poss: toks[r.1 - 1].poss,
                        after_prep: false,
                        quoted: false,
                        act: false,
                    });
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// The words of tokens `i..j` as folded text.
fn text_of(toks: &[Token], i: usize, j: usize) -> String {
    toks[i..j]
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The nationality a description gives: a place or named body first ("at Fudan University"),
/// then a demonym of a tracked actor, then any demonym ("a professor of European studies at
/// Fudan University" is Chinese).
fn nationality(g: &Gazetteer, inner: &[&(usize, usize, Vec<Word>)]) -> Option<usize> {
    let named = inner.iter().find_map(|a| {
        a.2.iter().find_map(|w| match w {
            Word::Place(x) | Word::Actor(x) | Word::Institution(x, _) => Some(*x),
            _ => None,
        })
    });
    let demonyms: Vec<usize> = inner
        .iter()
        .flat_map(|a| a.2.iter())
        .filter_map(|w| match w {
            Word::Demonym(x) => Some(*x),
            _ => None,
        })
        .collect();
    named
        .or_else(|| demonyms.iter().copied().find(|x| g.actors[*x].track))
        .or_else(|| demonyms.first().copied())
}

/// "a spokesman for the Elysee", "experts at Fudan University", "China's envoy Fu Cong":
/// attach an affiliation or a name to a role word.
fn attach(
    g: &Gazetteer,
    toks: &[Token],
    atoms: &[(usize, usize, Vec<Word>)],
    mentions: &mut [Mention],
) {
    let covered = |i: usize| atoms.iter().any(|a| a.0 <= i && i < a.1);
    let snapshot = mentions.to_vec();
    for slot in mentions.iter_mut() {
        let m = slot.clone();
        // "President Xi Jinping" where the alias "President Xi" matched: take the rest of the name.
        if let Referent::Person(p) = m.referent {
            let name: Vec<String> = crate::mention::tokenize(&g.persons[p].name)
                .into_iter()
                .map(|t| t.norm)
                .collect();
            let mut j = m.to;
            while j < toks.len() && !toks[j - 1].poss && name.contains(&toks[j].norm) && toks[j].cap
            {
                j += 1;
            }
            if j > m.to {
                *slot = Mention {
                    to: j,
                    poss: toks[j - 1].poss,
                    ..m
                };
            }
            continue;
        }
        let (actor, office) = match &m.referent {
            Referent::Office(a, o) => (Some(*a), Some(o.clone())),
            Referent::Title(o, _) => (None, Some(o.clone())),
            Referent::Experts(a) => (*a, None),
            _ => continue,
        };
        // A name after the description: "China's permanent representative Fu Cong".
        let mut j = m.to;
        while j < toks.len()
            && j < m.to + 3
            && toks[j].cap
            && toks[j].punct.is_none()
            && !covered(j)
        {
            j += 1;
        }
        if j - m.to >= 2 && !m.poss && office.is_some() {
            let role = if matches!(m.referent, Referent::Experts(_)) {
                Role::Expert
            } else {
                Role::Official
            };
            *slot = Mention {
                to: j,
                referent: Referent::Local {
                    name: text_of(toks, m.to, j),
                    actor,
                    role,
                    office: office.clone(),
                },
                poss: toks[j - 1].poss,
                ..m
            };
            continue;
        }
        // An affiliation: "for the Elysee", "at Fudan University", "of the French space
        // agency", "an adviser to President Macron".
        let prep = toks.get(m.to).map(|t| t.norm.as_str());
        if actor.is_some()
            || m.to + 1 >= toks.len()
            || !matches!(prep, Some("for" | "at" | "of" | "from" | "to"))
        {
            continue;
        }
        let mut p = m.to + 1;
        if matches!(toks[p].norm.as_str(), "the" | "a" | "an") && p + 1 < toks.len() {
            p += 1;
        }
        let by_mention = snapshot.iter().find(|o| o.from == p).and_then(|o| {
            let x = match &o.referent {
                Referent::Actor(x, _) | Referent::Office(x, _) => Some(*x),
                Referent::Person(q) => Some(g.persons[*q].actor),
                _ => None,
            }?;
            Some((x, o.to))
        });
        let by_atom = || {
            let aff = atoms.iter().find(|a| a.0 == p)?;
            Some((nationality(g, &[aff])?, aff.1))
        };
        // "to" only introduces a person's aide: "an adviser to President Macron".
        let found = if prep == Some("to") {
            by_mention.filter(|_| {
                snapshot
                    .iter()
                    .any(|o| o.from == p && matches!(o.referent, Referent::Person(_)))
            })
        } else {
            by_mention.or_else(by_atom)
        };
        let Some((x, end)) = found else {
            continue;
        };
        let referent = match &m.referent {
            Referent::Experts(_) => Referent::Experts(Some(x)),
            _ => Referent::Office(x, office.unwrap_or_default()),
        };
        *slot = Mention {
            to: end,
            referent,
            poss: toks[end - 1].poss,
            ..m
        };
    }
}

/// A title right before a name belongs to it: "foreign ministry spokesperson Lin Jian",
/// "China's foreign ministry spokesman Wang Wenbin" (the name takes the title's actor).
fn merge_titles(mentions: &mut Vec<Mention>) {
    for k in (0..mentions.len().saturating_sub(1)).rev() {
        let (a, b) = (&mentions[k], &mentions[k + 1]);
        let title_actor = match &a.referent {
            Referent::Title(..) => Some(None),
            Referent::Office(x, _) => Some(Some(*x)),
            _ => None,
        };
        if let Some(x) = title_actor.filter(|_| b.from == a.to && !a.poss) {
            if !matches!(b.referent, Referent::Person(_) | Referent::Local { .. }) {
                continue;
            }
            let from = a.from;
            if let (Some(x), Referent::Local { actor, .. }) = (x, &mut mentions[k + 1].referent) {
                if actor.is_none() {
                    *actor = Some(x);
                }
            }
            mentions[k + 1].from = from;
            mentions.remove(k);
        }
    }
}

/// Words that end a would-be body name: verbs and plurals of people or states.
const NOT_BODY: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "does",
    "did",
    "do",
    "countries",
    "nations",
    "states",
    "people",
    "citizens",
    "companies",
    "firms",
    "media",
    "press",
    "public",
    "side",
];

/// "French utility EDF said", "The French cognac interprofession, the BNIC, called ...": a
/// nationality and a few words right before a verb of saying name a body of that actor.
fn add_bodies(
    toks: &[Token],
    atoms: &[(usize, usize, Vec<Word>)],
    mentions: &mut Vec<Mention>,
    preds: &[Pred],
) {
    for (s, e, ws) in atoms {
        let Some(Word::Demonym(x)) = ws.iter().find(|w| matches!(w, Word::Demonym(_))) else {
            continue;
        };
        if toks[*s].quoted || mentions.iter().any(|m| m.from <= *s && *s < m.to) {
            continue;
        }
        let mut j = *e;
        // A few words of a name, no verb among them ("European countries have recognised" is
        // no body).
        while j < toks.len()
            && j < e + 3
            && toks[j].punct.is_none()
            && !preds.iter().any(|p| p.from == j)
            && !NOT_BODY.contains(&toks[j].norm.as_str())
        {
            j += 1;
        }
        if toks
            .get(j)
            .is_some_and(|t| NOT_BODY.contains(&t.norm.as_str()))
        {
            continue;
        }
        let end = j;
        // An apposition between commas may follow: ", the BNIC,".
        if toks.get(j).and_then(|t| t.punct) == Some(',') {
            if let Some(close) = toks[j + 1..]
                .iter()
                .take(5)
                .position(|t| t.punct == Some(','))
            {
                j = j + 1 + close + 1;
            }
        }
        if end > *e
            && preds
                .iter()
                .any(|p| p.from == j && p.kind != PredKind::Source)
        {
            mentions.push(Mention {
                from: *s,
                to: end,
                referent: Referent::Body(*x),
                poss: false,
                after_prep: false,
                quoted: false,
                act: false,
            });
        }
    }
}

/// Mentions inside a longer one go ("foreign ministry" inside "Israel's foreign ministry").
fn drop_swallowed(mentions: &mut Vec<Mention>) {
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.from, m.to)).collect();
    let mut i = 0;
    mentions.retain(|m| {
        let inside = spans
            .iter()
            .enumerate()
            .any(|(o, (f, t))| o != i && *f <= m.from && m.to <= *t && (t - f) > (m.to - m.from));
        i += 1;
        !inside
    });
}

/// "China and France", "Xi and Macron": two mentions of different tracked actors joined by "and".
fn join_pairs(g: &Gazetteer, toks: &[Token], mentions: &mut Vec<Mention>) {
    let actor_of = |r: &Referent| match r {
        Referent::Actor(a, _) | Referent::Office(a, _) => Some(*a),
        Referent::Person(p) => Some(g.persons[*p].actor),
        Referent::Surname(n) => g.by_surname(n).map(|p| g.persons[p].actor),
        _ => None,
    };
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        // "China and France"; in a headline, "Xi, Macron issue joint call".
        let joiner = toks[a.to].norm.as_str();
        let joined = b.from == a.to + 1
            && !a.poss
            && (joiner == "and" || joiner == "&" || (joiner == "," && a.from == 0 && !b.poss));
        let both = match (actor_of(&a.referent), actor_of(&b.referent)) {
            (Some(x), Some(y)) => x != y && g.actors[x].track && g.actors[y].track,
            _ => false,
        };
        if joined && both {
            let m = Mention {
                from: a.from,
                to: b.to,
                referent: Referent::Joint,
                poss: b.poss,
                after_prep: a.after_prep,
                quoted: a.quoted,
                act: false,
            };
            mentions[i] = m;
            mentions.remove(i + 1);
        }
        i += 1;
    }
}
