//! Composing dictionary atoms into mentions: people not in the gazetteer, titles with their
//! names and affiliations, bodies named by nationality, and pairs of actors.

use super::{is_preposition, Mention, Pred, PredKind, Referent, Token};
use crate::gazetteer::{Gazetteer, Role, Word};

/// Persons not in the gazetteer: two or three capitalised unknown words followed by an apposition
/// (", a Chinese military affairs expert,") or by a speech verb; and surnames of persons met earlier.
pub(super) fn add_local_persons(
    g: &Gazetteer,
    toks: &[Token],
    atoms: &[(usize, usize, &[Word])],
    cover: &[u32],
    local: &[&str],
    mentions: &mut Vec<Mention>,
    preds: &[Pred],
) {
    // Tokens taken by a dictionary phrase, other than a lone surname or pronoun before another
    // capitalised word (Wang in "Wang Yunfei", He in "He Yadong"). `cover` gives the one atom
    // (atoms do not overlap) over each token.
    let covered = |i: usize| {
        let k = cover[i];
        k != super::NO_ATOM && {
            let a = &atoms[k as usize];
            !(a.1 - a.0 == 1
                && a.2
                    .iter()
                    .all(|w| matches!(w, Word::Surname(_) | Word::Pronoun))
                && toks.get(i + 1).is_some_and(|t| t.cap && t.punct.is_none()))
        }
    };
    let plain_cap = |i: usize| {
        toks[i].cap && toks[i].punct.is_none() && !covered(i) && {
            // ASCII letters (nearly every word) without decoding chars.
            let n = &toks[i].norm;
            n.bytes().all(|b| b.is_ascii_alphabetic()) || n.chars().all(char::is_alphabetic)
        }
    };
    let mut i = 0;
    while i < toks.len() {
        // `plain_cap` needs a capital: most tokens go without calling it.
        if toks[i].quoted
            || !toks[i].cap
            || !plain_cap(i)
            || mentions.iter().any(|m| m.from <= i && i < m.to)
        {
            i += 1;
            continue;
        }
        let mut j = i;
        // (`plain_cap(i)` holds: it was just asked.)
        while j < toks.len() && j < i + 4 && (j == i || plain_cap(j)) && !toks[j].poss {
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
            && local.contains(&toks[i].norm.as_str())
            && !mentions.iter().any(|m| m.from <= i && i < m.to)
        {
            mentions.push(Mention {
                from: i,
                to: j,
                referent: Referent::Surname(toks[i].norm.to_string()),
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
                    || is_preposition(&toks[i - 1].norm));
            let speaks = preds.iter().any(|p| p.from == j) && !after_function_word;
            let apposition = (toks.get(j).and_then(|t| t.punct) == Some(','))
                .then(|| {
                    let end = toks[j + 1..]
                        .iter()
                        .position(|t| t.punct.is_some())
                        .map_or(toks.len(), |p| j + 1 + p);
                    let inner: Vec<&(usize, usize, &[Word])> =
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
                    let inner: Vec<&(usize, usize, &[Word])> =
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
fn nationality(g: &Gazetteer, inner: &[&(usize, usize, &[Word])]) -> Option<usize> {
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

/// A mention as `attach` found it, for the affiliations it reads.
pub(super) struct Found {
    from: usize,
    to: usize,
    /// The actor of a state, office or known person.
    actor: Option<usize>,
    /// Names a known person.
    person: bool,
}

/// "a spokesman for the Elysee", "experts at Fudan University", "China's envoy Fu Cong":
/// attach an affiliation or a name to a role word.
pub(super) fn attach(
    g: &Gazetteer,
    toks: &[Token],
    atoms: &[(usize, usize, &[Word])],
    mentions: &mut [Mention],
    snapshot: &mut Vec<Found>,
) {
    let covered = |i: usize| atoms.iter().any(|a| a.0 <= i && i < a.1);
    // What the affiliations read of the mentions as they were found.
    snapshot.clear();
    snapshot.extend(mentions.iter().map(|o| Found {
        from: o.from,
        to: o.to,
        actor: match &o.referent {
            Referent::Actor(x, _) | Referent::Office(x, _) => Some(*x),
            Referent::Person(q) => Some(g.persons[*q].actor),
            _ => None,
        },
        person: matches!(o.referent, Referent::Person(_)),
    }));
    for slot in mentions.iter_mut() {
        // "President Xi Jinping" where the alias "President Xi" matched: take the rest of the name.
        if let Referent::Person(p) = slot.referent {
            let name = g.name_norms(p);
            let mut j = slot.to;
            while j < toks.len() && !toks[j - 1].poss && name.contains(&toks[j].norm) && toks[j].cap
            {
                j += 1;
            }
            if j > slot.to {
                slot.to = j;
                slot.poss = toks[j - 1].poss;
            }
            continue;
        }
        if !matches!(
            slot.referent,
            Referent::Office(..) | Referent::Title(..) | Referent::Experts(_)
        ) {
            continue;
        }
        let m = slot.clone();
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
        let by_mention = snapshot
            .iter()
            .find(|o| o.from == p)
            .and_then(|o| Some((o.actor?, o.to)));
        let by_atom = || {
            let aff = atoms.iter().find(|a| a.0 == p)?;
            Some((nationality(g, &[aff])?, aff.1))
        };
        // "to" only introduces a person's aide: "an adviser to President Macron".
        let found = if prep == Some("to") {
            by_mention.filter(|_| snapshot.iter().any(|o| o.from == p && o.person))
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
pub(super) fn merge_titles(mentions: &mut Vec<Mention>) {
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
pub(super) fn add_bodies(
    toks: &[Token],
    atoms: &[(usize, usize, &[Word])],
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
pub(super) fn drop_swallowed(mentions: &mut Vec<Mention>, spans: &mut Vec<(usize, usize)>) {
    // One mention is inside no other.
    if mentions.len() < 2 {
        return;
    }
    spans.clear();
    spans.extend(mentions.iter().map(|m| (m.from, m.to)));
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
pub(super) fn join_pairs(g: &Gazetteer, toks: &[Token], mentions: &mut Vec<Mention>) {
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
