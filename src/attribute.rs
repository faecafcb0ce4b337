//! Attribution: deciding, for each statement, which actor holds the position it states.
//!
//! Rules, in order (the first that finds a holder decides; `attribution` names it):
//! 1. `according_to`: a source marker ("according to", "per", "citing") followed by an actor
//!    mention. The outer source holds nested speech. State media are transparent: they are passed
//!    over for the speaker they report.
//! 2. `quote` / `speech_verb` / `subject`: the subject of the first speech or attitude predicate
//!    outside quotation marks: a mention right before it ("..., the Chinese Defense Ministry
//!    said"), else the first mention of its clause that is not a possessive or after a preposition,
//!    else a name after it ("“...,” said Wang Yi", "was announced in a joint statement"), else the
//!    subject of the sentence when the predicate continues a coordination ("Xi did not respond
//!    ..., but said"). `quote` when the sentence quotes speech, `speech_verb` for verbs of saying,
//!    `subject` for attitude verbs and nominal speech acts ("France's call for ...").
//! 3. `carried`: a sentence that is quoted speech with no speaker of its own takes the speaker of
//!    the sentence that closes the quotation, or of the quoted sentence before it.
//! 4. `none`: narration.
//!
//! Mentions resolve within the document: pronouns to the last person, surnames to the latest
//! full name, descriptions ("the French president") through the gazetteer's offices and dates,
//! "the statement" to the holder of the last document.

use crate::gazetteer::{Gazetteer, Role};
use crate::mention::{analyse, Analysis, Mention, PredKind, Referent};

/// Which rule decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    Quote,
    SpeechVerb,
    AccordingTo,
    Subject,
    Carried,
    None,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Quote => "quote",
            Rule::SpeechVerb => "speech_verb",
            Rule::AccordingTo => "according_to",
            Rule::Subject => "subject",
            Rule::Carried => "carried",
            Rule::None => "none",
        }
    }

    /// How often the rule is right, as a rough prior (reported in the `confidence` column).
    fn confidence(self) -> f64 {
        match self {
            Rule::Quote => 0.95,
            Rule::AccordingTo => 0.9,
            Rule::SpeechVerb => 0.85,
            Rule::Subject => 0.75,
            Rule::Carried => 0.8,
            Rule::None => 0.7,
        }
    }
}

/// Who holds a position.
#[derive(Debug, Clone, PartialEq)]
pub enum Holder {
    /// An actor of the gazetteer (index).
    Actor(usize),
    Joint,
    /// A speaker whose actor is not known.
    Unknown,
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub holder: Holder,
    pub name: String,
    pub role: Role,
    pub person: bool,
}

/// The attribution of one statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// `China`, `France`..., `joint`, `other` or `none`.
    pub actor: String,
    pub speaker: String,
    /// Empty for `none`.
    pub role: String,
    pub rule: Rule,
    pub confidence: f64,
    /// The tracked actor the position is about, when it is not the holder.
    pub target: String,
}

/// What the rules remember while reading one document.
#[derive(Default)]
struct DocState {
    last_person: Option<Speaker>,
    last_holder: Option<Speaker>,
    last_document: Option<Speaker>,
    /// Persons found in the text: (folded name tokens, speaker).
    locals: Vec<(Vec<String>, Speaker)>,
}

/// The result of the rules for one sentence, before carrying.
struct Found {
    speaker: Option<Speaker>,
    rule: Rule,
    /// Mostly quoted speech.
    quoted: bool,
    /// Has quoted speech at all.
    has_quote: bool,
    opens_quote: bool,
    target: Option<usize>,
}

/// Attribute every statement of a document. `sentences` are the statement texts in order.
pub fn attribute_document(
    g: &Gazetteer,
    date: Option<&str>,
    sentences: &[&str],
) -> Vec<Attribution> {
    let mut st = DocState::default();
    let mut found: Vec<Found> = Vec::with_capacity(sentences.len());
    for text in sentences {
        let local: Vec<String> = st
            .locals
            .iter()
            .flat_map(|(n, _)| n.iter().cloned())
            .collect();
        let a = analyse(g, text, &local);
        let f = decide(g, date, &a, text, &mut st);
        found.push(f);
    }
    // Carry speakers into quoted sentences that have none.
    for i in 0..found.len() {
        if found[i].speaker.is_some() || !found[i].quoted {
            continue;
        }
        let next =
            (found[i].opens_quote && i + 1 < found.len() && found[i + 1].rule == Rule::Quote)
                .then(|| found[i + 1].speaker.clone())
                .flatten();
        let prev = (i > 0 && (found[i - 1].has_quote || found[i - 1].rule == Rule::Carried))
            .then(|| found[i - 1].speaker.clone())
            .flatten();
        if let Some(s) = next.or(prev) {
            found[i].speaker = Some(s);
            found[i].rule = Rule::Carried;
        }
    }
    found
        .into_iter()
        .map(|f| {
            let (actor, speaker, role) = match &f.speaker {
                None => ("none".to_string(), String::new(), String::new()),
                Some(s) => (
                    holder_label(g, &s.holder),
                    s.name.clone(),
                    s.role.as_str().to_string(),
                ),
            };
            let rule = if f.speaker.is_none() {
                Rule::None
            } else {
                f.rule
            };
            let holder_actor = match f.speaker.as_ref().map(|s| &s.holder) {
                Some(Holder::Actor(a)) => Some(*a),
                _ => None,
            };
            let target = f
                .target
                .filter(|t| {
                    Some(*t) != holder_actor
                        && f.speaker.is_some()
                        && f.speaker.as_ref().unwrap().holder != Holder::Joint
                })
                .map(|t| g.actors[t].name.clone())
                .unwrap_or_default();
            Attribution {
                actor,
                speaker,
                role,
                rule,
                confidence: rule.confidence(),
                target,
            }
        })
        .collect()
}

/// The `actor` column for a holder.
fn holder_label(g: &Gazetteer, h: &Holder) -> String {
    match h {
        Holder::Actor(a) if g.actors[*a].track => g.actors[*a].name.clone(),
        Holder::Actor(_) | Holder::Unknown => "other".into(),
        Holder::Joint => "joint".into(),
    }
}

/// Resolve a mention to a speaker, using and updating the document state.
fn resolve(
    g: &Gazetteer,
    date: Option<&str>,
    a: &Analysis,
    text: &str,
    m: &Mention,
    st: &mut DocState,
) -> Option<Speaker> {
    let shown = text[a.tokens[m.from].start..a.tokens[m.to - 1].end].to_string();
    let person = |p: usize| Speaker {
        holder: Holder::Actor(g.persons[p].actor),
        name: g.persons[p].name.clone(),
        role: g.persons[p].role,
        person: true,
    };
    let s = match &m.referent {
        Referent::Actor(x, role) => Speaker {
            holder: Holder::Actor(*x),
            name: shown,
            role: *role,
            person: false,
        },
        Referent::Person(p) => person(*p),
        Referent::Local { name, actor, role } => {
            let sp = Speaker {
                holder: actor.map_or(Holder::Unknown, Holder::Actor),
                name: shown.trim_end_matches(['\'', '\u{2019}', 's']).to_string(),
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
            sp
        }
        Referent::Surname(n) => {
            let local = st
                .locals
                .iter()
                .rev()
                .find(|(toks, _)| toks.contains(n))
                .map(|(_, s)| s.clone());
            match local {
                Some(s) => s,
                None => person(g.by_surname(n)?),
            }
        }
        Referent::Office(x, office) => match g.office_holder(*x, office, date) {
            Some(p) => person(p),
            None => Speaker {
                holder: Holder::Actor(*x),
                name: shown,
                role: Role::Official,
                person: false,
            },
        },
        Referent::Joint => Speaker {
            holder: Holder::Joint,
            name: shown,
            role: Role::Official,
            person: false,
        },
        Referent::Experts(x) => Speaker {
            holder: x.map_or(Holder::Unknown, Holder::Actor),
            name: shown,
            role: Role::Expert,
            person: false,
        },
        Referent::Pronoun => st.last_person.clone()?,
        Referent::PluralPronoun => st.last_holder.clone().filter(|s| !s.person)?,
        Referent::Document(Some(x)) => Speaker {
            holder: Holder::Actor(*x),
            name: shown,
            role: Role::Official,
            person: false,
        },
        Referent::Document(None) => st.last_document.clone()?,
    };
    Some(s)
}

fn is_punct(a: &Analysis, i: usize) -> bool {
    a.tokens[i].punct.is_some()
}

/// The rules for one sentence.
fn decide(g: &Gazetteer, date: Option<&str>, a: &Analysis, text: &str, st: &mut DocState) -> Found {
    let toks = &a.tokens;
    let words = toks.iter().filter(|t| t.punct.is_none()).count();
    let quoted_words = toks
        .iter()
        .filter(|t| t.punct.is_none() && t.quoted)
        .count();
    let quoted = quoted_words > 0;
    let opens_quote = toks.last().is_some_and(|t| t.quoted);
    let has_document = a
        .mentions
        .iter()
        .any(|m| matches!(m.referent, Referent::Document(_) | Referent::Joint));
    let free: Vec<&Mention> = a.mentions.iter().filter(|m| !m.quoted).collect();
    let mut result: Option<(Speaker, Rule, usize)> = None;

    // 1. Source markers.
    for p in a.preds.iter().filter(|p| p.kind == PredKind::Source) {
        let window = free.iter().filter(|m| m.from >= p.to && m.from <= p.to + 8);
        for m in window {
            if toks[p.to..m.from].iter().any(|t| t.punct.is_some()) {
                break;
            }
            if let Some(s) = resolve(g, date, a, text, m, st) {
                if s.role != Role::StateMedia {
                    result = Some((s, Rule::AccordingTo, p.from));
                    break;
                }
            }
        }
        if result.is_some() {
            break;
        }
    }
    // 2. Speech and attitude predicates.
    if result.is_none() {
        for p in a.preds.iter().filter(|p| p.kind != PredKind::Source) {
            let Some(m) = subject(a, &free, p.from, p.to) else {
                continue;
            };
            let Some(mut s) = resolve(g, date, a, text, m, st) else {
                continue;
            };
            if s.role == Role::StateMedia {
                // Transparent: "Reuters reported that Lecornu would ..." -> the reported speaker.
                let inner = free
                    .iter()
                    .filter(|x| x.from >= p.to && !x.after_prep && !x.poss)
                    .find_map(|x| resolve(g, date, a, text, x, st));
                if let Some(i) = inner {
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
            result = Some((s, rule, p.from));
            break;
        }
    }
    // 3. A nominal speech act with its holder: "Sejourne's remarks ...", "France's mention of ...".
    if result.is_none() {
        if let Some(m) = free.iter().find(|m| m.act && !m.after_prep) {
            if let Some(s) = resolve(g, date, a, text, m, st) {
                result = Some((s, Rule::Subject, m.from));
            }
        }
    }
    // Remember persons and documents for later sentences.
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
    if let Some((s, _, _)) = &result {
        if s.person {
            st.last_person = Some(s.clone());
        }
        st.last_holder = Some(s.clone());
        if has_document {
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
            target,
        },
        None => Found {
            speaker: None,
            rule: Rule::None,
            quoted: quoted && quoted_words * 2 >= words,
            has_quote: quoted,
            opens_quote,
            target: None,
        },
    }
}

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
fn subject<'m>(a: &Analysis, free: &[&'m Mention], from: usize, to: usize) -> Option<&'m Mention> {
    let toks = &a.tokens;
    // Right before it, with at most three words and no punctuation between.
    // A mention right before the verb may follow a preposition ("with a Chinese delegation
    // indicating ..."); one further away may not.
    let adjacent = free.iter().rev().find(|m| {
        m.to <= from
            && from - m.to <= 3
            && !toks[m.to..from]
                .iter()
                .any(|t| t.punct.is_some() || t.quoted)
            && (!m.after_prep || m.to == from)
    });
    if let Some(m) = adjacent {
        if !m.poss || m.to == from {
            return Some(m);
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
        return Some(m);
    }
    // After it: "“...,” said Wang Yi"; a passive agent: "announced in a joint statement", "by X".
    let after_quote = from > 0 && (is_punct(a, from - 1) || toks[from - 1].quoted);
    for m in free.iter().filter(|m| m.from >= to && m.from <= to + 6) {
        let gap = &toks[to..m.from];
        if gap.iter().any(|t| t.punct.is_some()) {
            break;
        }
        let agent = gap.last().is_some_and(|t| t.norm == "by")
            || (gap.last().is_some_and(|t| t.norm == "in" || t.norm == "a")
                && m.referent == Referent::Joint);
        if (after_quote && m.from == to) || agent {
            return Some(m);
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
            .copied();
    }
    None
}
