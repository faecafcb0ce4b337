//! The back of the report: the evidence behind the numbers, the methods and caveats, and what a
//! reader needs to reproduce it.

use super::content::join_and;
use super::digest::{Quote, Span};
use super::doc::{cell, code, heading, para, strong, text, Block, Inline, QuoteItem};
use super::findings::{topic, ALPHA, SMALL_N};
use super::{content::SECTIONS, Report};

fn section(b: &mut Vec<Block>, id: &str) {
    let (id, h) = SECTIONS
        .iter()
        .find(|(i, _)| *i == id)
        .expect("a known section");
    b.push(heading(2, id, *h));
}

/// The strongest statements of each reported actor × lexicon.
pub fn evidence(r: &Report, b: &mut Vec<Block>) {
    section(b, "evidence");
    b.push(para(vec![
        text(format!(
            "For each actor and lexicon, the {} statements with the strongest score on the \
             lexicon (the largest absolute signed score: the weights of the matched entries, \
             counted negative where the statement opposes), matched words highlighted. They show \
             what was counted, so a reader can judge the matches and the attribution. Every \
             statement is in ",
            r.digest.per_cell
        )),
        code("statements.csv"),
        text(" and every match in "),
        code("matches.csv"),
        text("."),
    ]));
    for actor in &r.actors {
        b.push(heading(3, "", actor.clone()));
        for (li, lexicon) in r.lexicons.iter().enumerate() {
            let row = r
                .tables
                .summary
                .iter()
                .find(|s| &s.actor == actor && &s.lexicon == lexicon);
            let (k, n) = row.map_or((0, 0), |s| (s.cell.statements_with_hits, s.cell.statements));
            b.push(heading(
                4,
                "",
                format!("{actor}: {} ({k} of {n} statements)", topic(lexicon)),
            ));
            let quotes = r.digest.evidence.get(&(actor.clone(), li));
            match quotes {
                Some(qs) if !qs.is_empty() => {
                    b.push(Block::Quotes(qs.iter().map(quote).collect()));
                }
                _ => b.push(para(vec![text(format!(
                    "No statement of {actor} touches on {}.",
                    topic(lexicon)
                ))])),
            }
        }
    }
}

fn quote(q: &Quote) -> QuoteItem {
    let mut line: Vec<Inline> = q
        .spans
        .iter()
        .map(|Span { text: t, mark }| {
            if *mark {
                Inline::Mark(t.clone())
            } else {
                text(t.clone())
            }
        })
        .collect();
    if q.cut {
        line.push(text(" […]"));
    }
    let speaker = if q.speaker.is_empty() {
        "no named speaker".to_string()
    } else {
        q.speaker.clone()
    };
    let role = if q.role.is_empty() {
        String::new()
    } else {
        format!(", {}", q.role)
    };
    let date = q.date.as_ref().map_or(String::new(), |d| format!(" ({d})"));
    let matched: Vec<String> = q
        .matched
        .iter()
        .map(|m| format!("“{}” ({}, entry “{}”)", m.words, m.stance, m.entry))
        .collect();
    let cite = vec![
        strong(format!("score {:+.2}, {}", q.score, q.stance)),
        text(format!(
            " · {speaker}{role}, attributed by {} · document {}{date}, statement {} · matched: {}",
            q.rule,
            q.doc_id,
            q.sentence_no,
            matched.join("; ")
        )),
    ];
    QuoteItem { text: line, cite }
}

/// How the numbers were made and what they cannot say.
pub fn methods(r: &Report, b: &mut Vec<Block>) {
    section(b, "methods");
    let items = [
        "What is counted. Each document is split into statements (sentences and headings). Each \
         statement is attributed to the actor whose position it states, by rules over \
         quotations, speech verbs, \"according to\" and sentence subjects, with the actor \
         gazetteer. Each lexicon is a list of words and phrases with weights; a statement \
         touches on a lexicon when at least one entry matches. A match's stance (support, \
         oppose, mention) comes from cue words around it; a negation flips it."
            .to_string(),
        "The unit is the statement. A share is the share of an actor's statements with at least \
         one match; its 95% interval is Wilson's score interval, and the difference of two \
         shares has Newcombe's hybrid score interval."
            .to_string(),
        format!(
            "Tests. Fisher's exact test (two-sided) on the 2x2 table of actor × (statements with \
             a match, without), with the Benjamini–Hochberg correction over every row of \
             comparison.csv; a difference is called significant when q < {ALPHA}. The log-odds \
             ratio uses the informative Dirichlet prior of Monroe, Colaresi and Quinn (2008), \
             whose prior is the statements of every holder; its z is conservative."
        ),
        format!(
            "Small samples. A row whose 2x2 table has an expected count below 5 is a small \
             sample: the chi-square test is unreliable there and only the exact test is used, and \
             only a large difference can be detected. An actor with fewer than {SMALL_N} \
             statements is called a small sample too. \"No detectable difference\" is an \
             absence of evidence, not evidence that two actors say the same."
        ),
        format!(
            "Statements are not independent. Statements of one article share a writer and an \
             occasion; the tests treat them as independent, so p and q values are optimistic \
             when an actor's statements come from few documents. summary.csv has intervals from \
             a bootstrap over documents ({} replicates, seed {}) for the rates and mean scores.",
            r.bootstrap, r.seed
        ),
        "Attribution and lexicons are approximations. The rules can give a statement to the \
         wrong holder, and a lexicon measures vocabulary, not meaning: a match is not an \
         endorsement, irony is not detected, and an entry can match in another sense. The \
         evidence above is there to check them."
            .to_string(),
        "Keyness. The distinctive terms are all words of an actor's statements but stopwords, \
         ranked by log-odds z with the corpus as prior; the z-scores rank, they are not tests \
         (keyness.csv has Dunning's G² next to them)."
            .to_string(),
    ];
    b.push(Block::List(
        items.into_iter().map(|s| vec![text(s)]).collect(),
    ));
    if let Some(roles) = &r.roles {
        b.push(para(vec![
            text("With "),
            code(format!("--roles {}", roles.join(","))),
            text(
                ": only statements by speakers in these roles, and narration, are counted in the \
                 tables, the charts and the evidence; the corpus overview counts all.",
            ),
        ]));
    }
}

/// What a reader needs to get the same report.
pub fn reproduce(r: &Report, b: &mut Vec<Block>) {
    section(b, "reproduce");
    b.push(para(vec![text(format!(
        "Written by stancecmp {} with this command line (run in the folder that the relative \
         paths below are relative to):",
        r.version
    ))]));
    b.push(Block::Code(r.command.clone()));
    let pairs: Vec<String> = r
        .tables
        .pairs
        .iter()
        .map(|p| format!("{} vs {}", p.a, p.b))
        .collect();
    b.push(Block::List(vec![
        vec![text(format!("Compared: {}.", join_and(&pairs)))],
        vec![text(format!(
            "Roles counted: {}.",
            r.roles
                .as_ref()
                .map_or("all".to_string(), |rs| rs.join(", ") + " and narration")
        ))],
        vec![text(format!(
            "Bootstrap of summary.csv: {} replicates, seed {}; timeline by {}.",
            r.bootstrap, r.seed, r.tables.period_word
        ))],
        vec![
            text("Corpus fingerprint: "),
            code(&r.digest.fingerprint),
            text(
                " (SHA-256 over every document's id, a 0xFF byte and the SHA-256 of its text, in \
                 id order).",
            ),
        ],
    ]));
    b.push(para(vec![
        text(
            "The data files in effect: the lexicons, the actor gazetteer (actors.toml) and the \
             word lists. SHA-256 is of the file's bytes, as ",
        ),
        code("sha256sum FILE"),
        text(" prints it; \"embedded\" files are those compiled into this version."),
    ]));
    let rows = r
        .data
        .iter()
        .map(|d| {
            let file = if d.source == "embedded" {
                format!("{} (embedded)", d.name)
            } else {
                d.source.clone()
            };
            vec![
                cell(file),
                cell(if d.version.is_empty() {
                    "—".to_string()
                } else {
                    d.version.clone()
                }),
                cell(d.entries.map_or("—".to_string(), |n| n.to_string())),
                cell(d.about.clone()),
                vec![code(d.sha256.clone())],
            ]
        })
        .collect();
    b.push(Block::Table {
        head: ["file", "version", "entries", "what", "SHA-256"]
            .map(String::from)
            .to_vec(),
        numeric: vec![false, false, true, false, false],
        rows,
    });
    b.push(para(vec![text(
        "The tables and this report are the same for every thread count and input order; the \
         same version, data files, inputs and command give the same bytes.",
    )]));
}
