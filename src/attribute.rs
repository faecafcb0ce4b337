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

mod resolve;
mod rules;
mod trace;
mod transcript;

use crate::gazetteer::{Gazetteer, Role};
use crate::mention::{analyse, analyse_into, Analysis, Mention, PredKind, Referent, Scratch};
use resolve::resolve;
use rules::decide;
use trace::trace_analysis;
use transcript::{document_heading, transcript_label, Label, MEDIA_LABELS};

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
    /// The lengths of `locals`, `offices` and `met` after the last `forget_shadowed`: the lists
    /// only grow, so while they keep these lengths there is nothing to forget.
    deduped: (usize, usize, usize),
}

impl DocState {
    /// Add a note to the explanation, if one is being collected: the line is only written
    /// then (the rules run for every statement, the explanation for one).
    fn note(&mut self, line: impl FnOnce() -> String) {
        if let Some(t) = &mut self.trace {
            t.push(line());
        }
    }

    /// Drop the entries that a later one shadows (the same name, office or person): every
    /// lookup takes the latest, so nothing changes, but the lists stay as long as the number of
    /// distinct persons and offices, not of mentions, and a long document takes linear time.
    fn forget_shadowed(&mut self) {
        let lengths = (self.locals.len(), self.offices.len(), self.met.len());
        if lengths == self.deduped {
            return;
        }
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
        self.deduped = (self.locals.len(), self.offices.len(), self.met.len());
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
    // One sentence's analysis at a time, in buffers reused from sentence to sentence.
    let mut a = Analysis::default();
    let mut scratch = Scratch::default();
    for (i, sentence) in sentences.iter().enumerate() {
        let text = sentence.text;
        st.forget_shadowed();
        let local: Vec<&str> = st
            .locals
            .iter()
            .flat_map(|(n, _)| n.iter().map(String::as_str))
            .collect();
        let starts_quoted = found.last().is_some_and(|f: &Found| f.opens_quote);
        analyse_into(g, text, &local, starts_quoted, &mut scratch, &mut a);
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
                st.note(|| match label {
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

/// The `actor` column for a holder.
fn holder_label(g: &Gazetteer, h: &Holder) -> String {
    match h {
        Holder::Actor(a) if g.actors[*a].track => g.actors[*a].name.clone(),
        Holder::Actor(_) | Holder::Unknown => "other".into(),
        Holder::Joint => "joint".into(),
    }
}
