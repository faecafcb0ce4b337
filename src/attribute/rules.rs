//! The rules for one sentence: source markers, speech and attitude predicates and their
//! subjects, nominal speech acts.

use super::*;

/// The rules for one sentence.
pub(super) fn decide(
    g: &Gazetteer,
    date: Option<&str>,
    a: &Analysis,
    text: &str,
    st: &mut DocState,
) -> Found {
    let toks = &a.tokens;
    // Words, and words in quotation marks, in one pass.
    let (words, quoted_words) = toks
        .iter()
        .filter(|t| t.punct.is_none())
        .fold((0, 0), |(w, q), t| (w + 1, q + usize::from(t.quoted)));
    let quoted = quoted_words > 0;
    let opens_quote = toks.last().is_some_and(|t| t.quoted);
    let has_document = a
        .mentions
        .iter()
        .any(|m| matches!(m.referent, Referent::Document(_) | Referent::Joint));
    let free: Vec<&Mention> = a.mentions.iter().filter(|m| !m.quoted).collect();
    if let Some(m) = free.iter().rev().find(|m| m.referent == Referent::Joint) {
        st.last_plural = Some(Speaker {
            holder: Holder::Joint,
            name: span_text(a, text, m.from, m.to),
            role: Role::Official,
            person: false,
        });
    }
    if st.first_actor.is_none() {
        st.first_actor = free.iter().find_map(|m| match m.referent {
            Referent::Actor(x, Role::Official) | Referent::Office(x, _) => Some(Speaker {
                holder: Holder::Actor(x),
                name: span_text(a, text, m.from, m.to),
                role: Role::Official,
                person: false,
            }),
            _ => None,
        });
    }
    let mut result: Option<(Speaker, Rule, usize)> = None;
    let mut reports = false;
    // The holder released a document ("China released a concept paper"): later "the paper"
    // and "it says" are theirs.
    // (Whether the verb is one, folded only when it is asked: see below.)
    let mut release_verb: Option<&str> = None;

    // 1. Source markers. "For Camille Rouvier, an Asia specialist ..., the ..." gives a
    // person's view; "In his view, ..." the last person's.
    if toks.first().is_some_and(|t| t.norm == "for") {
        if let Some(m) = free.iter().find(|m| {
            m.from == 1 && matches!(m.referent, Referent::Person(_) | Referent::Local { .. })
        }) {
            if let Some(s) = resolve(g, date, a, text, m, st) {
                st.note(|| {
                    format!(
                        "`For {}, ...` gives a person's view -> {}",
                        span_text(a, text, m.from, m.to),
                        describe(g, &s)
                    )
                });
                result = Some((s, Rule::AccordingTo, 0));
            }
        }
    }
    let opening: [&str; 4] = std::array::from_fn(|k| toks.get(k).map_or("", |t| t.norm.as_str()));
    if result.is_none()
        && toks.len() >= 4
        && opening[0] == "in"
        && matches!(opening[1], "his" | "her")
        && matches!(opening[2], "view" | "opinion" | "words")
    {
        if let Some(s) = st.last_person.clone() {
            st.note(|| {
                format!(
                    "`In {} {}, ...` -> {}",
                    opening[1],
                    opening[2],
                    describe(g, &s)
                )
            });
            result = Some((s, Rule::AccordingTo, 0));
        }
    }
    let sources: Vec<&crate::mention::Pred> = if result.is_none() {
        a.preds
            .iter()
            .filter(|p| p.kind == PredKind::Source)
            .collect()
    } else {
        Vec::new()
    };
    for p in sources {
        let window = free.iter().filter(|m| m.from >= p.to && m.from <= p.to + 8);
        for m in window {
            if toks[p.to..m.from].iter().any(|t| t.punct.is_some()) {
                break;
            }
            let shown = || span_text(a, text, m.from, m.to);
            match resolve(g, date, a, text, m, st) {
                Some(s) if s.role != Role::StateMedia => {
                    st.note(|| {
                        format!(
                            "source `{}` names `{}` -> {}",
                            span_text(a, text, p.from, p.to),
                            shown(),
                            describe(g, &s)
                        )
                    });
                    result = Some((s, Rule::AccordingTo, p.from));
                    break;
                }
                Some(_) => st.note(|| {
                    format!(
                        "source `{}` is state media: transparent, passed over",
                        shown()
                    )
                }),
                None => st.note(|| format!("source `{}` does not resolve", shown())),
            }
        }
        if result.is_some() {
            break;
        }
    }
    // 2. Speech and attitude predicates.
    if result.is_none() {
        // A trailing attribution governs the whole sentence: "France could consider supporting
        // a role ..., a senior French official said". Such verbs of saying come first.
        let trailing = |p: &&crate::mention::Pred| {
            p.kind == PredKind::Speech
                && free.iter().any(|m| {
                    m.to == p.from
                        && (m.from.saturating_sub(4)..m.from).any(|i| toks[i].punct == Some(','))
                })
        };
        let mut order: Vec<&crate::mention::Pred> = a
            .preds
            .iter()
            .filter(|p| p.kind != PredKind::Source)
            .collect();
        order.sort_by_key(|p| !trailing(p));
        for p in order {
            // `span_text` without copying it.
            let verb = &text[toks[p.from].start..toks[p.to - 1].end];
            let Some((m, why)) = subject(a, &free, p.from, p.to) else {
                st.note(|| format!("predicate `{verb}`: no subject found"));
                continue;
            };
            let shown = || span_text(a, text, m.from, m.to);
            let Some(mut s) = resolve(g, date, a, text, m, st) else {
                st.note(|| {
                    format!(
                        "predicate `{verb}`: subject `{}` ({why}) does not resolve",
                        shown()
                    )
                });
                continue;
            };
            st.note(|| {
                format!(
                    "predicate `{verb}`: subject `{}` ({why}) -> {}",
                    shown(),
                    describe(g, &s)
                )
            });
            let reporting = || {
                matches!(
                    crate::fold::fold_str(verb).as_str(),
                    "reported" | "reports" | "reporting" | "report"
                )
            };
            if s.role == Role::StateMedia && reporting() {
                // Transparent: "Xinhua reported that Lecornu would ..." -> the reported speaker.
                // An outlet that says, writes or urges in an editorial holds its own view.
                let inner = free
                    .iter()
                    .filter(|x| x.from >= p.to && !x.after_prep && !x.poss)
                    .find_map(|x| resolve(g, date, a, text, x, st));
                if let Some(i) = inner {
                    st.note(|| {
                        format!(
                            "`{}` is state media: transparent, the reported speaker is {}",
                            shown(),
                            describe(g, &i)
                        )
                    });
                    s = i;
                }
            }
            let rule = if quoted {
                Rule::Quote
            } else if p.kind == PredKind::Speech {
                Rule::SpeechVerb
            } else {
                Rule::Subject
            };
            // Reported speech: a verb of saying with a clause after it ("said the trend ...",
            // "told the Global Times on Tuesday that ..."), not a noun object ("expressed a wish").
            let after = || toks[p.to..].iter().take_while(|t| t.punct.is_none());
            let clause = after().take(8).any(|t| t.norm == "that")
                // `SAY.contains(&verb.to_lowercase())`: only the Kelvin sign lower-cases to an
                // ASCII letter other than its own ("k", in no word of `SAY`), so comparing
                // ASCII letters case-blind is the same test without building the lower case.
                || SAY.iter().any(|w| verb.eq_ignore_ascii_case(w));
            reports = (p.kind == PredKind::Speech && clause && after().nth(2).is_some())
                || rule == Rule::Quote;
            release_verb = Some(verb);
            result = Some((s, rule, p.from));
            break;
        }
    }
    // 3. A nominal speech act with its holder: "Sejourne's remarks ...", "France's mention of ...".
    if result.is_none() {
        if let Some(m) = free.iter().find(|m| m.act && !m.after_prep) {
            if let Some(s) = resolve(g, date, a, text, m, st) {
                st.note(|| {
                    format!(
                        "speech act `{}` -> {}",
                        span_text(a, text, m.from, m.to),
                        describe(g, &s)
                    )
                });
                result = Some((s, Rule::Subject, m.from));
            }
        }
    }
    // Remember persons and documents for later sentences: every person named here can be
    // referred to by surname later, whoever held this statement.
    for &p in &a.persons {
        if st.met.last() != Some(&p) {
            st.met.push(p);
        }
    }
    if let Some(m) = free.iter().find(|m| {
        matches!(
            m.referent,
            Referent::Person(_) | Referent::Local { .. } | Referent::Surname(_)
        ) && !m.after_prep
    }) {
        if result.is_none() {
            if let Some(s) = resolve(g, date, a, text, m, st) {
                st.last_person = Some(s);
            }
        }
    }
    let target = result.as_ref().and_then(|(_, _, at)| {
        a.mentions
            .iter()
            .filter(|m| m.from > *at)
            .find_map(|m| match &m.referent {
                Referent::Actor(x, _) | Referent::Office(x, _) if g.actors[*x].track => Some(*x),
                Referent::Person(p) if g.actors[g.persons[*p].actor].track => {
                    Some(g.persons[*p].actor)
                }
                _ => None,
            })
    });
    // A joint document ("a joint declaration") belongs to both, whoever reports it: "the
    // declaration said" later is joint.
    let joint_document = a.mentions.iter().find(|m| {
        m.referent == Referent::Joint
            && a.tokens[m.from..m.to].iter().any(|t| {
                g.dict
                    .get(t.norm.as_str())
                    .is_some_and(|ws| ws.contains(&crate::gazetteer::Word::Document))
            })
    });
    if let Some(m) = joint_document {
        st.last_document = Some(Speaker {
            holder: Holder::Joint,
            name: span_text(a, text, m.from, m.to),
            role: Role::Official,
            person: false,
        });
    }
    if let Some((s, _, _)) = &result {
        if s.person {
            st.last_person = Some(s.clone());
        }
        st.last_holder = Some(s.clone());
        let rule = result.as_ref().map(|r| r.1);
        let releases =
            || release_verb.is_some_and(|v| g.releases.contains(&crate::fold::fold_str(v)));
        if has_document
            && joint_document.is_none()
            && (releases() || rule == Some(Rule::AccordingTo))
        {
            st.last_document = Some(s.clone());
        }
    }
    match result {
        Some((s, rule, _)) => Found {
            speaker: Some(s),
            rule,
            quoted,
            has_quote: quoted,
            opens_quote,
            reports,
            labelled: false,
            colon: false,
            document: None,
            target,
        },
        None => Found {
            speaker: None,
            rule: Rule::None,
            quoted: quoted && quoted_words * 2 >= words,
            has_quote: quoted,
            opens_quote,
            reports: false,
            labelled: false,
            colon: false,
            document: None,
            target: None,
        },
    }
}

/// Verbs of saying that take a clause without "that" ("Zhuo said the trend ...").
const SAY: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "stressed",
    "stresses", "believes", "argued", "argues",
];

/// Words that open an introductory phrase ending at the first comma.
const INTRO: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "despite",
    "amid",
    "amidst",
    "following",
    "faced",
    "asked",
    "speaking",
    "prior",
    "since",
    "as",
    "when",
    "while",
    "if",
    "although",
    "though",
    "with",
    "without",
    "for",
    "under",
    "beyond",
    "besides",
    "unlike",
    "like",
    "according",
    "citing",
    "from",
    "by",
    "to",
    "meanwhile",
    "however",
    "moreover",
];

/// The subject of the predicate at tokens `from..to`.
pub(super) fn subject<'m>(
    a: &Analysis,
    free: &[&'m Mention],
    from: usize,
    to: usize,
) -> Option<(&'m Mention, &'static str)> {
    let toks = &a.tokens;
    // Right before it, with at most three words and no punctuation between.
    // A passive verb takes its agent: "France's recognition ... was welcomed by China's
    // foreign ministry".
    if from > 0
        && matches!(
            toks[from - 1].norm.as_str(),
            "was" | "were" | "been" | "be" | "is" | "are"
        )
    {
        if let Some(m) = free.iter().find(|m| {
            m.from > to
                && m.from <= to + 4
                && toks[to..m.from].iter().any(|t| t.norm == "by")
                && !toks[to..m.from].iter().any(|t| t.punct.is_some())
        }) {
            return Some((m, "agent of a passive verb"));
        }
    }
    // A mention right before the verb may follow a preposition ("with a Chinese delegation
    // indicating ..."); one further away may not.
    let adjacent = free.iter().rev().find(|m| {
        m.to <= from
            && from - m.to <= 3
            && !toks[m.to..from]
                .iter()
                .any(|t| t.punct.is_some() || t.quoted)
            && (!m.after_prep || (m.to == from && toks[from].norm.ends_with("ing")))
    });
    if let Some(m) = adjacent {
        if !m.poss || m.to == from {
            return Some((m, "right before the verb"));
        }
    }
    // The first mention of the clause.
    let clause_start = (0..from)
        .rev()
        .find(|&i| {
            toks[i].quoted
                || matches!(toks[i].punct, Some(';' | ':' | '\u{2014}' | '\u{2013}'))
                || matches!(toks[i].norm.as_str(), "but" | "while" | "whereas")
        })
        .map_or(0, |i| i + 1);
    // An introductory phrase ("Faced with ..., European countries said") holds no subject.
    let clause_start = match toks.get(clause_start) {
        Some(t) if INTRO.contains(&t.norm.as_str()) => (clause_start..from)
            .find(|&i| toks[i].punct == Some(','))
            .map_or(clause_start, |i| i + 1),
        _ => clause_start,
    };
    if let Some(m) = free
        .iter()
        .find(|m| m.from >= clause_start && m.to <= from && !m.after_prep && !m.poss)
    {
        return Some((m, "first mention of the clause"));
    }
    // After it: "“...,” said Wang Yi"; a passive agent: "announced in a joint statement", "by X".
    let quote_end = |i: usize| toks[i].quoted || matches!(toks[i].punct, Some('\u{201D}' | '"'));
    let after_quote = from > 0
        && (quote_end(from - 1)
            || (from > 1 && toks[from - 1].punct == Some(',') && quote_end(from - 2)));
    for m in free.iter().filter(|m| m.from >= to && m.from <= to + 6) {
        let gap = &toks[to..m.from];
        if gap.iter().any(|t| t.punct.is_some()) {
            break;
        }
        let agent = gap.last().is_some_and(|t| t.norm == "by")
            || (gap.last().is_some_and(|t| t.norm == "in" || t.norm == "a")
                && m.referent == Referent::Joint);
        // "..., argues Anne-Sophie Mercier, a senior fellow": a name right after the verb.
        let after_comma = from > 0 && toks[from - 1].punct == Some(',');
        if after_comma
            && m.from == to
            && matches!(m.referent, Referent::Person(_) | Referent::Local { .. })
        {
            return Some((m, "named after the verb, after a comma"));
        }
        // "“...,” retorted a senior EU diplomat": a few lower-case words may come first.
        if after_quote && gap.len() <= 3 && gap.iter().all(|t| !t.cap) {
            return Some((m, "named after the verb, after a quotation"));
        }
        if agent {
            return Some((m, "agent after the verb"));
        }
    }
    // A coordinated predicate without its own subject: the sentence subject.
    let prev = (0..from).rev().find(|&i| {
        !matches!(
            toks[i].norm.as_str(),
            "also" | "then" | "later" | "has" | "have" | "had"
        )
    });
    if prev.is_some_and(|i| matches!(toks[i].norm.as_str(), "and" | "but" | ",")) {
        return free
            .iter()
            .find(|m| m.to <= from && !m.after_prep && !m.poss)
            .map(|m| (*m, "subject of the sentence (coordinated verb)"));
    }
    None
}
