//! Finding who and what a sentence names: tokens, quotations, actor mentions and speech predicates.
//!
//! The sentence is cut into tokens (with possessives and initialisms kept whole), looked up in the
//! gazetteer's phrase dictionary longest-first, and the pieces are composed into mentions:
//! "Chinese Foreign Minister Wang Yi" is one person, "France's top diplomat" one description,
//! "China and France" one joint mention. `attribute` decides which mention holds the statement.

mod atoms;
mod compose;
mod tokens;

use crate::gazetteer::{Gazetteer, Role, Word};
pub use atoms::Scratch;
use atoms::{atoms, cover_of, NO_ATOM};
use compose::{add_bodies, add_local_persons, attach, drop_swallowed, join_pairs, merge_titles};
pub use tokens::{mark_quotes, tokenize, tokenize_into, Norm, Token};

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
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub preds: Vec<Pred>,
    /// Every gazetteer person named, also inside a joint mention ("Wang Yi and Jean-Noël
    /// Barrot"), for surnames later in the document.
    pub persons: Vec<usize>,
}

/// Words after which a mention is no subject: prepositions, and verbs that take their object
/// as a preposition would ("visited", "met").
pub(super) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "to" | "with"
            | "for"
            | "in"
            | "on"
            | "at"
            | "toward"
            | "towards"
            | "against"
            | "under"
            | "into"
            | "about"
            | "over"
            | "between"
            | "among"
            | "amid"
            | "alongside"
            | "during"
            | "including"
            | "like"
            | "than"
            | "upon"
            | "across"
            | "beyond"
            | "within"
            | "without"
            | "visited"
            | "visit"
            | "host"
            | "hosted"
            | "met"
            | "meet"
            | "pressuring"
            | "involve"
            | "influence"
    )
}

fn has(ws: &[Word], f: impl Fn(&Word) -> bool) -> Option<&Word> {
    ws.iter().find(|w| f(w))
}

/// Analyse one sentence. `local` lists the folded surnames of persons seen earlier in the
/// document that are not in the gazetteer ("yunfei"/"wang" for Wang Yunfei).
pub fn analyse(g: &Gazetteer, text: &str, local: &[&str], starts_quoted: bool) -> Analysis {
    let mut a = Analysis::default();
    analyse_into(
        g,
        text,
        local,
        starts_quoted,
        &mut Scratch::default(),
        &mut a,
    );
    a
}

/// [`analyse`] into `out`, replacing what it held: the buffers of `out` and `scratch` are
/// reused sentence after sentence.
pub fn analyse_into<'g>(
    g: &'g Gazetteer,
    text: &str,
    local: &[&str],
    starts_quoted: bool,
    scratch: &mut Scratch<'g>,
    out: &mut Analysis,
) {
    let Analysis {
        tokens: toks,
        mentions,
        preds,
        persons,
    } = out;
    // Most sentences hold no quotation mark: nothing to mark then.
    if tokens::tokenize_quotes_into(text, toks) || starts_quoted {
        mark_quotes(toks, starts_quoted);
    }
    let toks = &*toks;
    atoms(g, toks, &mut scratch.atoms, &mut scratch.key);
    let atoms = &scratch.atoms[..];
    cover_of(atoms, toks.len(), &mut scratch.cover);
    let cover = &scratch.cover[..];
    mentions.clear();
    preds.clear();
    // The atom starting at token `tok`.
    let at = |tok: usize| {
        let k = *cover.get(tok)?;
        (k != NO_ATOM && atoms[k as usize].0 == tok).then_some(k as usize)
    };
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
                            match after.and_then(|x| has(x.2, |w| matches!(w, Word::Person(_)))) {
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
                if let Some(Word::Person(p)) = has(atoms[n].2, |w| matches!(w, Word::Person(_))) {
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
    attach(g, toks, atoms, mentions, &mut scratch.found);
    add_local_persons(g, toks, atoms, cover, local, mentions, preds);
    mentions.sort_by_key(|m| m.from);
    merge_titles(mentions);
    add_bodies(toks, atoms, mentions, preds);
    drop_swallowed(mentions, &mut scratch.spans);
    mentions.sort_by_key(|m| m.from);
    persons.clear();
    persons.extend(mentions.iter().filter_map(|m| match m.referent {
        Referent::Person(p) => Some(p),
        _ => None,
    }));
    join_pairs(g, toks, mentions);
    for m in mentions.iter_mut() {
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
        m.after_prep = p > 0 && is_preposition(&toks[p - 1].norm);
    }
}
