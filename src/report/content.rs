//! The report's words and tables, built once as [`Block`]s from a [`Report`]: the title, the
//! findings, the comparison and the charts here; the corpus overview in `corpus`; evidence,
//! methods and reproduction in `appendix`.

use super::doc::{cell, code, heading, para, strong, text, Block, Figure, Inline, Line};
use super::findings::{finding, pct, topic, ALPHA, SMALL_N};
use super::{appendix, corpus};
use super::{Pair, Report};
use crate::write::num;

/// The sections of the report: (anchor, heading).
pub const SECTIONS: [(&str, &str); 7] = [
    ("findings", "Findings"),
    ("corpus", "The corpus"),
    ("comparison", "Comparison, lexicon by lexicon"),
    ("charts", "Charts"),
    ("evidence", "Evidence"),
    ("methods", "Methods and caveats"),
    ("reproduce", "Reproducing this report"),
];

/// The title: the compared actors.
pub fn title(r: &Report) -> String {
    match r.actors.as_slice() {
        [] => "Stated positions".to_string(),
        [a] => format!("Stated positions of {a}"),
        [init @ .., last] => format!("Stated positions of {} and {last}", init.join(", ")),
    }
}

/// The whole report.
pub fn blocks(r: &Report) -> Vec<Block> {
    let d = &r.digest;
    let mut b = vec![
        heading(1, "top", title(r)),
        para(vec![text(format!(
            "What {} {} in {} documents, compared lexicon by lexicon. Written by stancecmp {} \
             from the tables next to this file: every number here is in them, and every finding \
             is written from those numbers.",
            join_and(&r.actors),
            if r.actors.len() == 1 { "says" } else { "say" },
            d.documents,
            r.version
        ))]),
        Block::List(
            SECTIONS
                .iter()
                .map(|(id, h)| {
                    vec![Inline::Link {
                        text: h.to_string(),
                        href: format!("#{id}"),
                    }]
                })
                .collect(),
        ),
    ];
    findings(r, &mut b);
    corpus::overview(r, &mut b);
    comparison(r, &mut b);
    charts(r, &mut b);
    appendix::evidence(r, &mut b);
    appendix::methods(r, &mut b);
    appendix::reproduce(r, &mut b);
    b
}

/// `a`, `a and b`, `a, b and c`.
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [x] => x.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub(super) fn section(b: &mut Vec<Block>, i: usize) {
    let (id, h) = SECTIONS[i];
    b.push(heading(2, id, h));
}

/// Statements the pair's actors hold in the tables (after `--roles`).
fn held(p: &Pair) -> (u64, u64) {
    p.comparison
        .first()
        .map_or((0, 0), |r| (r.ca.statements, r.cb.statements))
}

fn findings(r: &Report, b: &mut Vec<Block>) {
    section(b, 0);
    let rows: usize = r.tables.pairs.iter().map(|p| p.comparison.len()).sum();
    if r.tables.pairs.is_empty() {
        b.push(para(vec![
            text("No pair of actors is compared: the gazetteer tracks fewer than two actors. Name a pair with "),
            code("--compare A,B"),
            text("."),
        ]));
    }
    for p in &r.tables.pairs {
        if r.tables.pairs.len() > 1 {
            b.push(heading(3, "", format!("{} vs {}", p.a, p.b)));
        }
        let sig: Vec<Line> = p
            .comparison
            .iter()
            .map(finding)
            .filter(|f| f.significant)
            .map(|f| vec![text(f.text)])
            .collect();
        // Lexicons whose uncorrected p is below the level: the table shows them, so say why
        // they are not findings.
        let uncorrected: Vec<String> = p
            .comparison
            .iter()
            .filter(|c| c.fisher_p.is_some_and(|x| x < ALPHA) && !c.q.is_some_and(|q| q < ALPHA))
            .map(|c| topic(&c.lexicon))
            .collect();
        let aside = if uncorrected.is_empty() {
            String::new()
        } else {
            format!(
                " Fisher's p alone is below {ALPHA} for {}, but not once corrected.",
                join_and(&uncorrected)
            )
        };
        if sig.is_empty() {
            b.push(para(vec![
                strong(format!(
                    "No lexicon shows a detectable difference between {} and {}.",
                    p.a, p.b
                )),
                text(format!(
                    " For every lexicon, Fisher's exact test corrected for the {rows} comparisons \
                     of this report (Benjamini–Hochberg) gives q ≥ {ALPHA}.{aside} This is an \
                     absence of evidence, not evidence that the two say the same."
                )),
            ]));
        } else {
            b.push(para(vec![text(format!(
                "Differences with q < {ALPHA} (Benjamini–Hochberg over the {rows} comparisons of \
                 this report):"
            ))]));
            b.push(Block::List(sig));
            if !aside.is_empty() {
                b.push(para(vec![text(aside.trim_start())]));
            }
        }
        let (na, nb) = held(p);
        let counts = format!("{} holds {na} statements and {} {nb}", p.a, p.b);
        b.push(para(if na.min(nb) < SMALL_N {
            vec![
                strong("Small sample."),
                text(format!(
                    " {counts}; with fewer than {SMALL_N} statements on a side, only large \
                     differences can be detected."
                )),
            ]
        } else {
            vec![text(format!("{counts}."))]
        }));
    }
    if let Some(roles) = &r.roles {
        b.push(para(vec![
            text(format!(
                "Only statements by speakers in the roles {} (and narration) are counted, as \
                 requested with ",
                join_and(roles)
            )),
            code("--roles"),
            text("."),
        ]));
    }
}

/// A difference of shares in percentage points: `+7.3`, `−21.4`.
fn points(x: f64) -> String {
    let s = format!("{:+.1}", x * 100.0);
    match s.as_str() {
        "+0.0" | "-0.0" => "0.0".to_string(),
        _ => s.replacen('-', "\u{2212}", 1),
    }
}

/// A p or q value for the table: 3 decimals, `<0.001` below.
fn p3(p: Option<f64>) -> String {
    match p {
        Some(p) if p < 0.001 => "<0.001".to_string(),
        Some(p) => format!("{p:.3}"),
        None => "—".to_string(),
    }
}

fn or_dash(s: String) -> String {
    if s.is_empty() {
        "—".to_string()
    } else {
        s.replacen('-', "\u{2212}", 1)
    }
}

fn comparison(r: &Report, b: &mut Vec<Block>) {
    section(b, 2);
    b.push(para(vec![
        text(
            "For each lexicon: the share of each actor's statements that match it at least once; \
             the difference of the shares in percentage points with Newcombe's 95% interval; \
             their ratio; the log-odds z (Monroe et al. 2008); Fisher's exact p; and the \
             Benjamini–Hochberg q over every comparison of the report. The numbers are those of ",
        ),
        code("comparison.csv"),
        text(", which has more columns."),
    ]));
    for p in &r.tables.pairs {
        if r.tables.pairs.len() > 1 {
            b.push(heading(3, "", format!("{} vs {}", p.a, p.b)));
        }
        let head = vec![
            "lexicon".to_string(),
            p.a.clone(),
            p.b.clone(),
            "difference (95% CI)".into(),
            "ratio".into(),
            "log-odds z".into(),
            "Fisher p".into(),
            "q".into(),
        ];
        let share = |k: u64, n: u64| match n {
            0 => "—".to_string(),
            _ => format!("{} ({k}/{n})", pct(k as f64 / n as f64)),
        };
        let rows = p
            .comparison
            .iter()
            .map(|c| {
                let diff = c.diff.map_or("—".to_string(), |(d, lo, hi)| {
                    format!("{} ({} to {})", points(d), points(lo), points(hi))
                });
                vec![
                    vec![strong(topic(&c.lexicon))],
                    cell(share(c.ca.statements_with_hits, c.ca.statements)),
                    cell(share(c.cb.statements_with_hits, c.cb.statements)),
                    cell(diff),
                    cell(or_dash(num(c.risk_ratio, 2))),
                    cell(or_dash(num(c.log_odds.map(|x| x.1), 2))),
                    cell(p3(c.fisher_p)),
                    cell(p3(c.q)),
                ]
            })
            .collect();
        let numeric = (0..head.len()).map(|i| i > 0).collect();
        b.push(Block::Table {
            head,
            numeric,
            rows,
        });
        b.push(para(vec![text(format!(
            "Ratio: the share of {a} divided by that of {b} (— when that of {b} is 0). A \
             positive difference or z: more {a}. A share of 0 has no ratio, and a lexicon that \
             neither matches has no test.",
            a = p.a,
            b = p.b
        ))]));
        b.push(Block::List(
            p.comparison
                .iter()
                .map(|c| {
                    let f = finding(c);
                    vec![
                        strong(format!("{}:", topic(&c.lexicon))),
                        text(" "),
                        text(f.text),
                    ]
                })
                .collect(),
        ));
    }
}

fn charts(r: &Report, b: &mut Vec<Block>) {
    section(b, 3);
    let Some(charts) = &r.charts else {
        b.push(para(vec![
            text("The charts were not drawn ("),
            code("--no-charts"),
            text(")."),
        ]));
        return;
    };
    b.push(para(vec![
        text("Each chart is in "),
        code("charts/"),
        text(
            " as PNG and SVG. Colours are the Okabe–Ito palette, readable with colour-blindness; \
             each actor keeps its colour in every chart.",
        ),
    ]));
    for c in &charts.drawn {
        b.push(heading(3, &format!("chart-{}", c.name), c.title.clone()));
        b.push(Block::Figure(Figure {
            name: c.name.clone(),
            title: c.title.clone(),
            about: c.about.clone(),
            svg: c.svg.clone(),
        }));
    }
    if let Some(why) = &charts.no_timeline {
        b.push(heading(3, "chart-timeline", "Timeline"));
        b.push(para(vec![text(why.clone())]));
    }
}
