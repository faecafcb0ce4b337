//! The corpus overview of the report: documents, dates, statements and matches, and the
//! attributions by holder, role of the speaker and rule (all statements, not filtered by
//! `--roles`).

use super::content::section;
use super::doc::{cell, code, em, para, strong, text, Block};
use super::findings::pct;
use super::Report;

/// Documents, dates, statements, and attributions by holder × role and holder × rule.
pub fn overview(r: &Report, b: &mut Vec<Block>) {
    section(b, 1);
    let d = &r.digest;
    let dates = match (&d.first_date, &d.last_date) {
        (Some(f), Some(l)) if f == l => format!("{} with a date ({f})", d.dated),
        (Some(f), Some(l)) => format!("{} with a date (from {f} to {l})", d.dated),
        _ => "none with a date".to_string(),
    };
    b.push(para(vec![text(format!(
        "{} documents, {dates}; {} statements (sentences and headings) and {} lexicon matches.",
        d.documents, d.statements, d.matches
    ))]));
    b.push(para(vec![
        text("Each statement has a "),
        em("holder"),
        text(
            ": the actor whose position it states, a tracked actor of the gazetteer, joint (both \
             together), other (a speaker outside the tracked actors) or none (narration). These \
             counts are of all statements, not filtered by ",
        ),
        code("--roles"),
        text("."),
    ]));
    let mut roles: Vec<String> = ["official", "state_media", "expert", "other"]
        .map(String::from)
        .to_vec();
    for a in d.attributions.values() {
        for role in a.roles.keys().filter(|k| !k.is_empty()) {
            if !roles.contains(role) {
                roles.push(role.clone());
            }
        }
    }
    let total = d.statements.max(1) as f64;
    let mut head = vec!["holder".to_string(), "statements".into(), "share".into()];
    head.extend(roles.iter().map(|r| format!("role: {r}")));
    let rows = r
        .labels
        .iter()
        .map(|label| {
            let a = d.attributions.get(label).cloned().unwrap_or_default();
            let mut row = vec![
                cell(label.clone()),
                cell(a.statements.to_string()),
                cell(pct(a.statements as f64 / total)),
            ];
            for role in &roles {
                row.push(cell(a.roles.get(role).copied().unwrap_or(0).to_string()));
            }
            row
        })
        .collect();
    let numeric = (0..head.len()).map(|i| i > 0).collect();
    b.push(para(vec![strong(
        "Statements by holder and role of the speaker.",
    )]));
    b.push(Block::Table {
        head,
        numeric,
        rows,
    });
    let rules = [
        "quote",
        "speech_verb",
        "according_to",
        "subject",
        "carried",
        "none",
    ];
    let mut head = vec!["holder".to_string()];
    head.extend(rules.iter().map(|r| format!("rule: {r}")));
    let rows = r
        .labels
        .iter()
        .map(|label| {
            let a = d.attributions.get(label).cloned().unwrap_or_default();
            let mut row = vec![cell(label.clone())];
            for rule in rules {
                row.push(cell(a.rules.get(rule).copied().unwrap_or(0).to_string()));
            }
            row
        })
        .collect();
    let numeric = (0..head.len()).map(|i| i > 0).collect();
    b.push(para(vec![
        strong("Statements by holder and attribution rule."),
        text(
            " The rule that decided the holder: a quotation, a speech verb (\"said\"), \
             \"according to\", the sentence's subject, or carried over from the sentence before; \
             none for narration.",
        ),
    ]));
    b.push(Block::Table {
        head,
        numeric,
        rows,
    });
}
