//! Resolving a mention to a speaker within its document: people, surnames, titles, offices,
//! pronouns and documents.

use super::*;

/// Resolve a mention to a speaker, using and updating the document state.
pub(super) fn resolve(
    g: &Gazetteer,
    date: Option<&str>,
    a: &Analysis,
    text: &str,
    m: &Mention,
    st: &mut DocState,
) -> Option<Speaker> {
    // The mention's text, copied only for the speakers named by it.
    let shown = || text[a.tokens[m.from].start..a.tokens[m.to - 1].end].to_string();
    let person = |p: usize| Speaker {
        holder: Holder::Actor(g.persons[p].actor),
        name: g.persons[p].name.clone(),
        role: g.persons[p].role,
        person: true,
    };
    let s = match &m.referent {
        Referent::Actor(x, role) => Speaker {
            holder: Holder::Actor(*x),
            name: shown(),
            role: *role,
            person: false,
        },
        Referent::Person(p) => {
            st.met.push(*p);
            st.offices.push((g.persons[*p].office.clone(), person(*p)));
            person(*p)
        }
        Referent::Local {
            name,
            actor,
            role,
            office,
        } => {
            let sp = Speaker {
                holder: actor.map_or(Holder::Unknown, Holder::Actor),
                name: shown()
                    .trim_end_matches(['\'', '\u{2019}', 's'])
                    .to_string(),
                role: *role,
                person: true,
            };
            let sp = Speaker {
                name: a.tokens[m.from..m.to]
                    .iter()
                    .map(|t| &text[t.start..t.end])
                    .collect::<Vec<_>>()
                    .join(" "),
                ..sp
            };
            st.locals
                .push((name.split(' ').map(str::to_string).collect(), sp.clone()));
            if let Some(o) = office {
                st.offices.push((o.clone(), sp.clone()));
            }
            sp
        }
        Referent::Title(office, definite) => {
            // "the senator": the last person with that office in the document; else "a
            // spokesman" speaks for the actor named earlier in the sentence ("At the Quai
            // d'Orsay, a spokesman said").
            // "The President" in a readout is the president of the state that wrote it (the
            // document's first actor), else the last person with that office.
            let home = st.first_actor.as_ref().map(|f| f.holder.clone());
            let known = st
                .offices
                .iter()
                .rev()
                .find(|(o, s)| o == office && *definite && Some(&s.holder) == home.as_ref())
                .or_else(|| {
                    st.offices
                        .iter()
                        .rev()
                        .find(|(o, _)| o == office && *definite)
                })
                .map(|(_, s)| s.clone());
            match known {
                Some(s) => s,
                None => {
                    // Else the body named before it in the sentence, or the body that held the
                    // last position ("China's commerce ministry said ... A ministry spokesperson
                    // said ...").
                    let here = a
                        .mentions
                        .iter()
                        .filter(|o| o.to <= m.from && !o.quoted)
                        .find_map(|o| match o.referent {
                            Referent::Actor(x, Role::Official) => Some(x),
                            _ => None,
                        });
                    let before = st
                        .last_holder
                        .as_ref()
                        .filter(|s| !s.person && s.role == Role::Official)
                        .and_then(|s| match s.holder {
                            Holder::Actor(x) => Some(x),
                            _ => None,
                        });
                    Speaker {
                        holder: Holder::Actor(here.or(before)?),
                        name: shown(),
                        role: Role::Official,
                        person: false,
                    }
                }
            }
        }
        Referent::Body(x) => Speaker {
            holder: Holder::Actor(*x),
            name: shown(),
            role: Role::Other,
            person: false,
        },
        Referent::Foreign(_) => Speaker {
            holder: Holder::Unknown,
            name: shown(),
            role: Role::Official,
            person: false,
        },
        Referent::Surname(n) => {
            let local = st
                .locals
                .iter()
                .rev()
                .find(|(toks, _)| toks.contains(n))
                .map(|(_, s)| s.clone());
            // The latest person of that surname met in this document, then the only one of the
            // gazetteer ("Li said" after "Premier Li Qiang" is Li Qiang, not Li Hui).
            let met = st
                .met
                .iter()
                .rev()
                .find(|p| g.folded_surname(**p) == n)
                .copied();
            match (local, met) {
                (Some(s), _) => s,
                (None, Some(p)) => person(p),
                (None, None) => person(g.by_surname(n)?),
            }
        }
        Referent::Office(x, office) => match g.office_holder(*x, office, date) {
            Some(p) => {
                st.offices.push((office.clone(), person(p)));
                person(p)
            }
            None => {
                let sp = Speaker {
                    holder: Holder::Actor(*x),
                    name: shown(),
                    role: Role::Official,
                    person: false,
                };
                st.offices.push((office.clone(), sp.clone()));
                sp
            }
        },
        Referent::Joint => Speaker {
            holder: Holder::Joint,
            name: shown(),
            role: Role::Official,
            person: false,
        },
        Referent::Experts(x) => Speaker {
            holder: x.map_or(Holder::Unknown, Holder::Actor),
            name: shown(),
            role: Role::Expert,
            person: false,
        },
        Referent::Pronoun => st.last_person.clone()?,
        Referent::PluralPronoun => st
            .last_plural
            .clone()
            .or_else(|| st.last_holder.clone().filter(|s| !s.person))?,
        Referent::Document(Some(x)) => Speaker {
            holder: Holder::Actor(*x),
            name: shown(),
            role: Role::Official,
            person: false,
        },
        Referent::Document(None) => {
            // "The review, published by the Elysee, ...": the agent names the holder.
            let agent = a.mentions.iter().find(|o| {
                o.from > m.to
                    && o.from <= m.to + 8
                    && !o.quoted
                    && !matches!(o.referent, Referent::Document(None))
                    && a.tokens[m.to..o.from].iter().any(|t| t.norm == "by")
            });
            match agent.and_then(|o| resolve(g, date, a, text, o, st)) {
                Some(sp) => sp,
                None => st.last_document.clone()?,
            }
        }
    };
    Some(s)
}
