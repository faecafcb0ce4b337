//! Transcripts and documents: speaker labels that open a paragraph ("Q:", "MAO NING:") and
//! title lines that name a state's document.

use super::*;

/// The state whose document a heading names, if it names one.
pub(super) fn document_heading(g: &Gazetteer, a: &Analysis, text: &str) -> Option<Speaker> {
    let has_document = a.tokens.iter().any(|t| {
        g.dict
            .get(t.norm.as_str())
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
pub(super) const MEDIA_LABELS: &[&str] = &[
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
pub(super) enum Label {
    Question,
    Answer,
    Named(String),
}

/// "Q:", "Question:", "A:", "Answer:", or a speaker in capitals ("THE PRESIDENT:", "MAO NING:").
pub(super) fn transcript_label(text: &str) -> Option<Label> {
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
