//! The charts of the report: the rows the tables computed, handed to [`crate::chart`].
//!
//! Every chart is written as `charts/NAME.png` and `charts/NAME.svg` through the output set, so
//! it appears with the tables or not at all. Actors are passed in table order (China first for
//! the shipped gazetteer), which gives each actor the same colour in every chart.

use anyhow::{Context, Result};

use super::findings::topic;
use super::Tables;
use crate::chart::{self, Diverging, KeyTerm, ShareBar, Size, StanceBar, TimePoint};
use crate::progress::Progress;
use crate::write::OutputSet;

/// Terms per actor in a keyness chart (keyness.csv has up to 50).
pub const KEY_TERMS: usize = 10;

/// One chart as the report shows it.
#[derive(Debug, Clone)]
pub struct ChartRef {
    /// File stem under `charts/`: `charts/{name}.png` and `charts/{name}.svg`.
    pub name: String,
    pub title: String,
    /// How to read it, in a sentence or two.
    pub about: String,
    /// The SVG, for inline use.
    pub svg: String,
}

/// The charts drawn, and why the timeline is missing when it is.
#[derive(Debug, Clone, Default)]
pub struct Charts {
    pub drawn: Vec<ChartRef>,
    pub no_timeline: Option<String>,
}

/// How many charts [`draw`] draws for `pairs` (for the progress bar).
pub fn count(pairs: usize) -> u64 {
    3 + 2 * pairs as u64
}

/// A file-name-safe form of an actor label.
fn safe(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Where a chart goes: the two output names registered, and the stem to draw to.
fn stem(out: &mut OutputSet, name: &str) -> Result<std::path::PathBuf> {
    let png = out.path_for(&format!("charts/{name}.png"))?;
    out.path_for(&format!("charts/{name}.svg"))?;
    Ok(png.with_extension(""))
}

/// Draw every chart of the report.
pub fn draw(
    out: &mut OutputSet,
    t: &Tables,
    actors: &[String],
    size: Size,
    progress: &Progress,
) -> Result<Charts> {
    let mut charts = Charts::default();
    let mut used: Vec<String> = Vec::new();
    let mut add = |out: &mut OutputSet,
                   name: String,
                   title: String,
                   about: String,
                   draw: &dyn Fn(&std::path::Path) -> Result<(), chart::ChartError>|
     -> Result<()> {
        let mut name = name;
        while used.contains(&name) {
            name.push('_');
        }
        used.push(name.clone());
        let stem = stem(out, &name)?;
        draw(&stem)?;
        let svg_path = stem.with_extension("svg");
        let svg = std::fs::read_to_string(&svg_path)
            .with_context(|| format!("cannot read back {}", svg_path.display()))?;
        charts.drawn.push(ChartRef {
            name,
            title,
            about,
            svg,
        });
        progress.inc(1);
        Ok(())
    };
    let mine = |a: &str| actors.iter().any(|x| x == a);

    let bars: Vec<ShareBar> = t
        .summary
        .iter()
        .filter(|r| mine(&r.actor))
        .map(|r| ShareBar {
            lexicon: topic(&r.lexicon),
            // The legend gives each actor's number of statements: the n of every share.
            actor: format!("{} ({} statements)", r.actor, r.cell.statements),
            share: r.cell.share().unwrap_or(f64::NAN),
            lo: r.share_ci.map_or(f64::NAN, |c| c.0),
            hi: r.share_ci.map_or(f64::NAN, |c| c.1),
        })
        .collect();
    add(
        out,
        "share".into(),
        "Share of statements touching each lexicon".into(),
        "Each bar is the share of an actor's statements with at least one match of the lexicon; \
         the whiskers are Wilson 95% intervals. Whiskers that overlap do not by themselves mean \
         that there is no difference: the comparison table has the tests."
            .into(),
        &|stem| chart::share_chart(&bars, size, stem),
    )?;

    for pair in &t.pairs {
        let (a, b) = (&pair.a, &pair.b);
        let rows: Vec<Diverging> = pair
            .comparison
            .iter()
            .map(|r| Diverging {
                lexicon: topic(&r.lexicon),
                z: r.log_odds.map_or(f64::NAN, |x| x.1),
                q: r.q,
            })
            .collect();
        add(
            out,
            format!("logodds_{}_{}", safe(a), safe(b)),
            format!("Lexicon use, {a} vs {b}"),
            format!(
                "Each bar is the log-odds z of a statement matching the lexicon, {a} versus {b}, \
                 with the informative Dirichlet prior of Monroe, Colaresi and Quinn (2008): right \
                 of zero, {a}'s statements match it more often; left, {b}'s. Solid bars marked * \
                 have a Benjamini–Hochberg q below 0.05 (Fisher's exact test); pale bars are not \
                 significant. A lexicon that neither actor's statements match has no bar."
            ),
            &|stem| chart::logodds_chart(a, b, &rows, size, stem),
        )?;
    }

    let stances: Vec<StanceBar> = t
        .summary
        .iter()
        .filter(|r| mine(&r.actor) && r.cell.statements > 0)
        .map(|r| StanceBar {
            lexicon: topic(&r.lexicon),
            actor: r.actor.clone(),
            support: r.cell.support,
            oppose: r.cell.oppose,
            mention: r.cell.mention,
        })
        .collect();
    add(
        out,
        "stance".into(),
        "Stance of the matches".into(),
        "The matches of each lexicon in each actor's statements by stance: support, oppose, or \
         mention (named without taking a position). Counts of matches, not statements: a \
         statement can match several times."
            .into(),
        &|stem| chart::stance_chart(&stances, size, stem),
    )?;

    let points: Vec<TimePoint> = t
        .timeline
        .iter()
        .filter(|r| mine(&r.actor) && r.cell.statements > 0)
        .map(|r| TimePoint {
            period: r.period.clone(),
            actor: r.actor.clone(),
            lexicon: topic(&r.lexicon),
            share: r.cell.share().unwrap_or(f64::NAN),
            lo: r.share_ci.map_or(f64::NAN, |c| c.0),
            hi: r.share_ci.map_or(f64::NAN, |c| c.1),
        })
        .collect();
    if points.is_empty() {
        charts.no_timeline = Some(if t.dated == 0 {
            "No document has a date, so there is no timeline chart. Give documents a date (a \
             `date` field or column, or a first line `date YYYY-MM-DD`) to get one."
                .into()
        } else {
            format!(
                "No timeline chart: the compared actors hold no statement in the {} dated \
                 documents.",
                t.dated
            )
        });
        progress.inc(1);
    } else {
        add(
            out,
            "timeline".into(),
            format!("Share of statements per {}", t.period_word),
            format!(
                "The share of each actor's statements touching each lexicon, per {}, over the \
                 dated documents only ({} of {}). Only periods with a dated document are shown, \
                 side by side, so the horizontal axis is not to scale; a period with few \
                 statements swings widely.",
                t.period_word, t.dated, t.documents
            ),
            &|stem| chart::timeline_chart(&points, size, stem),
        )?;
    }

    for pair in &t.pairs {
        let (a, b) = (&pair.a, &pair.b);
        let terms: Vec<KeyTerm> = pair
            .keyness
            .iter()
            .filter(|r| r.rank <= KEY_TERMS)
            .map(|r| KeyTerm {
                actor: r.actor.clone(),
                term: r.term.clone(),
                z: r.z,
            })
            .collect();
        add(
            out,
            format!("keyness_{}_{}", safe(a), safe(b)),
            format!("Most distinctive terms, {a} vs {b}"),
            format!(
                "The {KEY_TERMS} terms with the highest keyness z of each actor against the other \
                 (log-odds with an informative Dirichlet prior, over all words of their \
                 statements but stopwords). The z-scores are conservative and best read as a \
                 ranking; keyness.csv lists up to 50 terms per actor with G²."
            ),
            &|stem| chart::keyness_chart(a, b, &terms, size, stem),
        )?;
    }
    Ok(charts)
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn actor_labels_become_safe_file_names() {
        assert_eq!(safe("China"), "China");
        assert_eq!(safe("United States"), "United_States");
        assert_eq!(safe("../x.y"), "___x_y");
    }
}
