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
    /// Notes on the rules' reasoning, collected only for the sentence being explained.
    trace: Option<Vec<String>>,
    last_person: Option<Speaker>,
    last_holder: Option<Speaker>,
    last_document: Option<Speaker>,
    /// Persons found in the text: (folded name tokens, speaker).
    locals: Vec<(Vec<String>, Speaker)>,
    /// Persons met so far with their office, latest last ("the senator").
    offices: Vec<(String, Speaker)>,
    /// Gazetteer persons named so far, latest last.
    met: Vec<usize>,
    /// The first actor the document names (a transcript's institution, when no one else speaks).
    first_actor: Option<Speaker>,
    /// The last group named ("the two Heads of State", "China and France"): "they".
    last_plural: Option<Speaker>,
}

impl DocState {
    fn note(&mut self, line: String) {
        if let Some(t) = &mut self.trace {
            t.push(line);
        }
    }

    /// Drop the entries that a later one shadows (the same name, office or person): every
    /// lookup takes the latest, so nothing changes, but the lists stay as long as the number of
    /// distinct persons and offices, not of mentions, and a long document takes linear time.
    fn forget_shadowed(&mut self) {
        fn keep_latest<T, K: Eq + std::hash::Hash>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
            let mut seen = std::collections::HashSet::new();
            let mut keep: Vec<bool> = v.iter().rev().map(|x| seen.insert(key(x))).collect();
            keep.reverse();
            let mut keep = keep.into_iter();
            v.retain(|_| keep.next().unwrap_or(true));
        }
        keep_latest(&mut self.locals, |(names, _)| names.clone());
        keep_latest(&mut self.offices, |(office, _)| office.clone());
        keep_latest(&mut self.met, |p| *p);
    }
}

/// The text of tokens `from..to`.
fn span_text(a: &Analysis, text: &str, from: usize, to: usize) -> String {
    text[a.tokens[from].start..a.tokens[to - 1].end].to_string()
}

/// A speaker for the explanation.
fn describe(g: &Gazetteer, s: &Speaker) -> String {
    format!(
        "{} ({}, {})",
        s.name,
        holder_label(g, &s.holder),
        s.role.as_str()
    )
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
    /// Decided by a verb of saying followed by what was said: later sentences of the paragraph
    /// may continue the reported speech.
    reports: bool,
    /// Decided by a transcript label.
    labelled: bool,
    /// Ends with a colon: opens a block.
    colon: bool,
    /// A heading naming a state's document ("Position Paper of the People's Republic of China
    /// on ..."): the statements under it are that state's.
    document: Option<Speaker>,
    target: Option<usize>,
}

/// A statement as the rules see it.
#[derive(Debug, Clone, Copy)]
pub struct Sentence<'a> {
    pub text: &'a str,
    pub heading: bool,
    /// Paragraph number: statements on one line (or joined lines) share it.
    pub paragraph: usize,
}

/// The statements of a document as `Sentence`s: a new paragraph starts after a line break.
pub fn sentences<'a>(text: &'a str, segments: &[crate::model::Segment]) -> Vec<Sentence<'a>> {
    let mut paragraph = 0;
    let mut prev_end = None;
    segments
        .iter()
        .map(|seg| {
            if prev_end.is_some_and(|e: usize| text[e..seg.start].contains(['\n', '\r'])) {
                paragraph += 1;
            }
            prev_end = Some(seg.end);
            Sentence {
                text: &text[seg.start..seg.end],
                heading: seg.heading,
                paragraph,
            }
        })
        .collect()
}

/// Attribute every statement of a document, in order.
pub fn attribute_document(
    g: &Gazetteer,
    date: Option<&str>,
    sentences: &[Sentence],
) -> Vec<Attribution> {
    run_document(g, date, sentences, None).0
}

/// Attribute a document and explain the decision for statement `index` (0-based): the mentions
/// and predicates found and every rule tried, in order.
pub fn explain(
    g: &Gazetteer,
    date: Option<&str>,
    sentences: &[Sentence],
    index: usize,
) -> (Vec<Attribution>, Vec<String>) {
    run_document(g, date, sentences, Some(index))
}

fn run_document(
    g: &Gazetteer,
    date: Option<&str>,
    sentences: &[Sentence],
    explain: Option<usize>,
) -> (Vec<Attribution>, Vec<String>) {
    let mut st = DocState::default();
    let mut found: Vec<Found> = Vec::with_capacity(sentences.len());
    let mut trace = Vec::new();
    let mut paragraph_label: Option<Option<Speaker>> = None;
    for (i, sentence) in sentences.iter().enumerate() {
        let text = sentence.text;
        st.forget_shadowed();
        let local: Vec<String> = st
            .locals
            .iter()
            .flat_map(|(n, _)| n.iter().cloned())
            .collect();
        let starts_quoted = found.last().is_some_and(|f: &Found| f.opens_quote);
        let a = analyse(g, text, &local, starts_quoted);
        if explain == Some(i) {
            st.trace = Some(trace_analysis(g, &a, text));
        }
        let mut f = decide(g, date, &a, text, &mut st);
        // A transcript label at the start of a paragraph ("Q:", "A:", "MAO NING:") decides
        // every statement of that paragraph: questions hold no position, answers are the
        // speaker's.
        let new_paragraph = i == 0 || sentences[i - 1].paragraph != sentence.paragraph;
        if new_paragraph {
            let previous = paragraph_label.take();
            paragraph_label = match transcript_label(text) {
                // In a transcript, a paragraph with no label goes on with the last answer.
                None if previous.as_ref().is_some_and(|p| p.is_some()) && f.speaker.is_none() => {
                    previous
                }
                None => None,
                Some(Label::Question) => Some(None),
                Some(Label::Answer) => Some(
                    st.offices
                        .iter()
                        .rev()
                        .find(|(o, _)| o == "spokesperson")
                        .map(|(_, s)| s.clone())
                        .or_else(|| st.last_person.clone())
                        .or_else(|| st.first_actor.clone()),
                ),
                // A speaker in capitals must be a person ("THE PRESIDENT:", "MAO NING:"); a
                // dateline ("BEIJING:") is not a label.
                Some(Label::Named(name)) => {
                    let la = analyse(g, &name, &[], false);
                    let who = la
                        .mentions
                        .iter()
                        .find_map(|m| resolve(g, date, &la, &name, m, &mut st));
                    match who {
                        Some(s) if s.person => Some(Some(s)),
                        // "AFP:", "Bloomberg:", "CCTV:": a reporter's question.
                        Some(s) if s.role == Role::StateMedia => Some(None),
                        _ if MEDIA_LABELS.contains(&name.to_lowercase().as_str()) => Some(None),
                        _ => None,
                    }
                }
            };
        }
        if let Some(label) = &paragraph_label {
            if explain == Some(i) {
                st.note(match label {
                    Some(s) => format!(
                        "transcript: the paragraph is the answer of {}",
                        describe(g, s)
                    ),
                    None => "transcript: the paragraph is a question".to_string(),
                });
            }
            f.speaker = label.clone();
            f.rule = if label.is_some() {
                Rule::Quote
            } else {
                Rule::None
            };
            f.reports = label.is_some();
            if let Some(s) = label {
                if s.person {
                    st.last_person = Some(s.clone());
                }
            }
        }
        f.labelled = paragraph_label.is_some();
        // A title line: a heading, or a line with no sentence punctuation and no holder.
        let title_line = sentence.heading
            || (f.speaker.is_none()
                && !text.trim_end().ends_with(['.', '!', '?', '"', '\u{201D}']));
        if title_line {
            f.document = document_heading(g, &a, text);
        }
        f.colon = text.trim_end().ends_with(':');
        if let Some(t) = st.trace.take() {
            trace = t;
        }
        found.push(f);
    }
    // A statement that ends with a colon opens a block ("The paper lists four points:"): the
    // statements after it with no holder of their own are its holder's.
    let mut open: Option<Speaker> = None;
    for i in 0..found.len() {
        if found[i].labelled || sentences[i].heading || found[i].document.is_some() {
            open = found[i].document.clone();
            continue;
        }
        if found[i].speaker.is_some() {
            open = if found[i].colon {
                found[i].speaker.clone()
            } else {
                None
            };
            continue;
        }
        if let Some(s) = &open {
            if explain == Some(i) {
                trace.push(format!(
                    "carried: continues the block opened with a colon by {}",
                    describe(g, s)
                ));
            }
            found[i].speaker = Some(s.clone());
            found[i].rule = Rule::Carried;
        }
    }
    // Carry speakers into quoted sentences that have none.
    for i in 0..found.len() {
        if found[i].speaker.is_some() || !found[i].quoted {
            continue;
        }
        // The speaker of the sentence that closes the quotation, however many sentences on.
        let mut j = i + 1;
        while j < found.len()
            && found[j - 1].opens_quote
            && found[j].speaker.is_none()
            && found[j].quoted
        {
            j += 1;
        }
        let next = (found[i].opens_quote
            && j < found.len()
            && found[j - 1].opens_quote
            && found[j].rule == Rule::Quote)
            .then(|| found[j].speaker.clone())
            .flatten();
        let prev = (i > 0 && (found[i - 1].has_quote || found[i - 1].rule == Rule::Carried))
            .then(|| found[i - 1].speaker.clone())
            .flatten();
        if let Some(s) = next.clone().or(prev) {
            if explain == Some(i) {
                let from = if next.is_some() {
                    "the next sentence, which closes the quotation"
                } else {
                    "the quoted sentence before"
                };
                trace.push(format!(
                    "carried: quoted speech without a speaker takes the speaker of {from} -> {}",
                    describe(g, &s)
                ));
            }
            found[i].speaker = Some(s);
            found[i].rule = Rule::Carried;
        }
    }
    // Reported speech runs on: "Zhuo said the trend stems from several factors. The warming of
    // relations has provided ..." — a sentence with no holder of its own, in the same paragraph
    // as reported speech, continues it.
    for i in 1..found.len() {
        let same_paragraph = sentences[i].paragraph == sentences[i - 1].paragraph;
        // Only a person's reported speech runs on ("Reuters reported that officials had asked
        // ... Shares rose 4 percent" is narration again).
        let person = found[i - 1].speaker.as_ref().is_some_and(|s| s.person);
        if found[i].speaker.is_some()
            || sentences[i].heading
            || !same_paragraph
            || !found[i - 1].reports
            || !person
        {
            continue;
        }
        if let Some(s) = found[i - 1].speaker.clone() {
            if explain == Some(i) {
                trace.push(format!("carried: no holder of its own; continues the reported speech of the sentence before -> {}", describe(g, &s)));
            }
            found[i].speaker = Some(s);
            found[i].rule = Rule::Carried;
            found[i].reports = true;
        }
    }
    let attrs = found
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
        .collect();
    (attrs, trace)
}

/// The state whose document a heading names, if it names one.
fn document_heading(g: &Gazetteer, a: &Analysis, text: &str) -> Option<Speaker> {
    let has_document = a.tokens.iter().any(|t| {
        g.dict
            .get(&t.norm)
            .is_some_and(|ws| ws.contains(&crate::gazetteer::Word::Document))
    }) || a
        .mentions
        .iter()
        .any(|m| m.act || matches!(m.referent, Referent::Document(_)));
    if !has_document {
        return None;
    }
    a.mentions
        .iter()
        .find_map(|m| match m.referent {
            Referent::Actor(x, role) => Some((x, role)),
            Referent::Office(x, _) | Referent::Document(Some(x)) => Some((x, Role::Official)),
            _ => None,
        })
        .map(|(x, role)| Speaker {
            holder: Holder::Actor(x),
            name: text.split_whitespace().collect::<Vec<_>>().join(" "),
            // A state's paper is official; an outlet's editorial is its own view (state media).
            role,
            person: false,
        })
}

/// News organisations that ask questions in press-conference transcripts.
const MEDIA_LABELS: &[&str] = &[
    "afp",
    "reuters",
    "bloomberg",
    "ap",
    "associated press",
    "dpa",
    "kyodo",
    "efe",
    "ansa",
    "nhk",
    "bbc",
    "cnn",
    "france 24",
    "rfi",
    "le monde",
    "le figaro",
    "the new york times",
    "financial times",
    "the wall street journal",
    "yonhap",
    "tass",
    "ria novosti",
    "anadolu",
    "phoenix tv",
    "cctv",
    "cgtn",
    "xinhua",
    "global times",
    "china daily",
    "people's daily",
];

/// A transcript label that opens a paragraph.
enum Label {
    Question,
    Answer,
    Named(String),
}

/// "Q:", "Question:", "A:", "Answer:", or a speaker in capitals ("THE PRESIDENT:", "MAO NING:").
fn transcript_label(text: &str) -> Option<Label> {
    // "Q:", "Q -", "Q –" (French transcripts: "Q - ... R - ...").
    let t = text.trim_start();
    for (prefix, label) in [
        ("Q ", Label::Question),
        ("R ", Label::Answer),
        ("A ", Label::Answer),
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            if rest.starts_with(['-', '\u{2013}', '\u{2014}']) {
                return Some(label);
            }
        }
    }
    let (head, _) = text.split_once(':')?;
    let head = head.trim();
    match head {
        "Q" | "Question" | "QUESTION" => return Some(Label::Question),
        "A" | "Answer" | "ANSWER" | "R" | "Réponse" => return Some(Label::Answer),
        _ => {}
    }
    // A speaker's name or title: one to four capitalised words ("THE PRESIDENT", "Mao Ning",
    // "Li"); whether it names a person is checked when it is resolved.
    let words: Vec<&str> = head.split_whitespace().collect();
    let name_like = !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-'))
        });
    name_like.then(|| Label::Named(head.to_string()))
}

/// The first lines of an explanation: what the sentence contains.
fn trace_analysis(g: &Gazetteer, a: &Analysis, text: &str) -> Vec<String> {
    let mut t = Vec::new();
    let quoted = a
        .tokens
        .iter()
        .filter(|x| x.quoted && x.punct.is_none())
        .count();
    let words = a.tokens.iter().filter(|x| x.punct.is_none()).count();
    t.push(format!("quoted speech: {quoted} of {words} words"));
    if a.mentions.is_empty() {
        t.push("mentions: none".into());
    }
    for m in &a.mentions {
        let what = match &m.referent {
            Referent::Actor(x, r) => format!("actor {} ({})", g.actors[*x].name, r.as_str()),
            Referent::Person(p) => format!("person {}", g.persons[*p].name),
            Referent::Local { name, .. } => format!("person not in the gazetteer ({name})"),
            Referent::Title(o, _) => format!("title: {o}"),
            Referent::Foreign(n) => format!("body of a state outside the gazetteer ({n})"),
            Referent::Body(x) => format!("body of {}", g.actors[*x].name),
            Referent::Surname(n) => format!("surname {n}"),
            Referent::Office(x, o) => format!("office: {} {o}", g.actors[*x].name),
            Referent::Joint => "both actors".into(),
            Referent::Experts(_) => "experts".into(),
            Referent::Pronoun => "pronoun".into(),
            Referent::PluralPronoun => "plural pronoun".into(),
            Referent::Document(Some(x)) => format!("document of {}", g.actors[*x].name),
            Referent::Document(None) => "document".into(),
        };
        let mut flags = Vec::new();
        if m.poss {
            flags.push("possessive");
        }
        if m.after_prep {
            flags.push("after a preposition");
        }
        if m.quoted {
            flags.push("quoted");
        }
        if m.act {
            flags.push("speech act");
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", flags.join(", "))
        };
        t.push(format!(
            "mention `{}`: {what}{flags}",
            span_text(a, text, m.from, m.to)
        ));
    }
    for p in &a.preds {
        t.push(format!(
            "predicate `{}`: {:?}",
            span_text(a, text, p.from, p.to),
            p.kind
        ));
    }
    t
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
                        name: shown,
                        role: Role::Official,
                        person: false,
                    }
                }
            }
        }
        Referent::Body(x) => Speaker {
            holder: Holder::Actor(*x),
            name: shown,
            role: Role::Other,
            person: false,
        },
        Referent::Foreign(_) => Speaker {
            holder: Holder::Unknown,
            name: shown,
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
                .find(|p| crate::fold::fold_str(&g.persons[**p].surname) == *n)
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
                    name: shown,
                    role: Role::Official,
                    person: false,
                };
                st.offices.push((office.clone(), sp.clone()));
                sp
            }
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
        Referent::PluralPronoun => st
            .last_plural
            .clone()
            .or_else(|| st.last_holder.clone().filter(|s| !s.person))?,
        Referent::Document(Some(x)) => Speaker {
            holder: Holder::Actor(*x),
            name: shown,
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
    let mut releases = false;

    // 1. Source markers. "For Camille Rouvier, an Asia specialist ..., the ..." gives a
    // person's view; "In his view, ..." the last person's.
    if toks.first().is_some_and(|t| t.norm == "for") {
        if let Some(m) = free.iter().find(|m| {
            m.from == 1 && matches!(m.referent, Referent::Person(_) | Referent::Local { .. })
        }) {
            if let Some(s) = resolve(g, date, a, text, m, st) {
                st.note(format!(
                    "`For {}, ...` gives a person's view -> {}",
                    span_text(a, text, m.from, m.to),
                    describe(g, &s)
                ));
                result = Some((s, Rule::AccordingTo, 0));
            }
        }
    }
    let opening: Vec<&str> = toks.iter().take(4).map(|t| t.norm.as_str()).collect();
    if result.is_none()
        && opening.len() == 4
        && opening[0] == "in"
        && matches!(opening[1], "his" | "her")
        && matches!(opening[2], "view" | "opinion" | "words")
    {
        if let Some(s) = st.last_person.clone() {
            st.note(format!(
                "`In {} {}, ...` -> {}",
                opening[1],
                opening[2],
                describe(g, &s)
            ));
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
            let shown = span_text(a, text, m.from, m.to);
            match resolve(g, date, a, text, m, st) {
                Some(s) if s.role != Role::StateMedia => {
                    st.note(format!(
                        "source `{}` names `{shown}` -> {}",
                        span_text(a, text, p.from, p.to),
                        describe(g, &s)
                    ));
                    result = Some((s, Rule::AccordingTo, p.from));
                    break;
                }
                Some(_) => st.note(format!(
                    "source `{shown}` is state media: transparent, passed over"
                )),
                None => st.note(format!("source `{shown}` does not resolve")),
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
            let verb = span_text(a, text, p.from, p.to);
            let Some((m, why)) = subject(a, &free, p.from, p.to) else {
                st.note(format!("predicate `{verb}`: no subject found"));
                continue;
            };
            let shown = span_text(a, text, m.from, m.to);
            let Some(mut s) = resolve(g, date, a, text, m, st) else {
                st.note(format!(
                    "predicate `{verb}`: subject `{shown}` ({why}) does not resolve"
                ));
                continue;
            };
            st.note(format!(
                "predicate `{verb}`: subject `{shown}` ({why}) -> {}",
                describe(g, &s)
            ));
            let reporting = matches!(
                crate::fold::fold_str(&verb).as_str(),
                "reported" | "reports" | "reporting" | "report"
            );
            if s.role == Role::StateMedia && reporting {
                // Transparent: "Xinhua reported that Lecornu would ..." -> the reported speaker.
                // An outlet that says, writes or urges in an editorial holds its own view.
                let inner = free
                    .iter()
                    .filter(|x| x.from >= p.to && !x.after_prep && !x.poss)
                    .find_map(|x| resolve(g, date, a, text, x, st));
                if let Some(i) = inner {
                    st.note(format!(
                        "`{shown}` is state media: transparent, the reported speaker is {}",
                        describe(g, &i)
                    ));
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
            let after: Vec<&str> = toks[p.to..]
                .iter()
                .take_while(|t| t.punct.is_none())
                .map(|t| t.norm.as_str())
                .collect();
            let clause = after.iter().take(8).any(|w| *w == "that")
                || SAY.contains(&verb.to_lowercase().as_str());
            reports =
                (p.kind == PredKind::Speech && clause && after.len() >= 3) || rule == Rule::Quote;
            releases = g.releases.contains(&crate::fold::fold_str(&verb));
            result = Some((s, rule, p.from));
            break;
        }
    }
    // 3. A nominal speech act with its holder: "Sejourne's remarks ...", "France's mention of ...".
    if result.is_none() {
        if let Some(m) = free.iter().find(|m| m.act && !m.after_prep) {
            if let Some(s) = resolve(g, date, a, text, m, st) {
                st.note(format!(
                    "speech act `{}` -> {}",
                    span_text(a, text, m.from, m.to),
                    describe(g, &s)
                ));
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
                    .get(&t.norm)
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
        if has_document && joint_document.is_none() && (releases || rule == Some(Rule::AccordingTo))
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
fn subject<'m>(
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
