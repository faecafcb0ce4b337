//! The explanation `stancecmp explain` prints: what a sentence contains.

use super::*;

/// The first lines of an explanation: what the sentence contains.
pub(super) fn trace_analysis(g: &Gazetteer, a: &Analysis, text: &str) -> Vec<String> {
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
