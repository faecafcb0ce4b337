//! Comparison charts: one job — drawing the charts that compare actors across lexicons.
//!
//! Each public function takes plain data and writes `STEM.png` and `STEM.svg` (the extension
//! is appended to the stem, so `out/share.v2` gives `out/share.v2.png`). It needs nothing
//! from the rest of stancecmp, so the pipeline hands it numbers and never sees plotters.
//!
//! Text in the PNG is rasterised from DejaVu Sans compiled into the binary (the `dejavu`
//! crate) through plotters' `ab_glyph` feature, so the charts draw the same on a machine with
//! no fonts and no font libraries. The SVG names the `sans-serif` family; viewers supply it.
//!
//! Readability rules: categories (lexicons, terms) run down the vertical axis so long names
//! never collide; legends sit in their own strip above the plot; colours are Okabe–Ito, given
//! to actors in order of first appearance (pass China first everywhere and it is always
//! orange); values that are not finite are skipped; a chart without data says "no data".
//! The same data gives byte-identical files.

use std::path::{Path, PathBuf};
use std::sync::Once;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{register_font, FontStyle};

use layout::{Area, Drawn, Theme, MENTION};

mod layout;
mod plots;
mod png;

/// Pixel size of a chart; the default is 1000 × 600.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Default for Size {
    fn default() -> Self {
        Size {
            width: 1000,
            height: 600,
        }
    }
}

/// The smallest size the layout works at.
pub const MIN_SIZE: Size = Size {
    width: 320,
    height: 200,
};

/// One bar of the share chart: the share of an actor's statements touching a lexicon, with
/// its 95% interval. `share`, `lo` and `hi` are fractions (0.25 is drawn as 25%).
#[derive(Debug, Clone, PartialEq)]
pub struct ShareBar {
    pub lexicon: String,
    pub actor: String,
    pub share: f64,
    pub lo: f64,
    pub hi: f64,
}

/// One row of the log-odds chart: z of one lexicon, actor A vs B; `q` is the Benjamini–Hochberg q value.
#[derive(Debug, Clone, PartialEq)]
pub struct Diverging {
    pub lexicon: String,
    pub z: f64,
    pub q: Option<f64>,
}

/// One bar of the stance chart: match counts of one actor × lexicon by stance.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceBar {
    pub lexicon: String,
    pub actor: String,
    pub support: u64,
    pub oppose: u64,
    pub mention: u64,
}

/// One point of the timeline: the share (a fraction) of an actor's statements touching a
/// lexicon in one period, a sortable string such as "2024-04", with its 95% interval (`lo`,
/// `hi`; not finite: no whisker).
#[derive(Debug, Clone, PartialEq)]
pub struct TimePoint {
    pub period: String,
    pub actor: String,
    pub lexicon: String,
    pub share: f64,
    pub lo: f64,
    pub hi: f64,
}

/// One bar of the keyness chart: z of one of an actor's most distinctive terms.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyTerm {
    pub actor: String,
    pub term: String,
    pub z: f64,
}

/// A chart that could not be written; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("{}: chart size {width}x{height} is too small (at least 320x200 pixels)", .path.display())]
    TooSmall {
        path: PathBuf,
        width: u32,
        height: u32,
    },
    #[error("{}: cannot write: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot draw the chart: {message}", .path.display())]
    Draw { path: PathBuf, message: String },
}

/// Grouped horizontal bars of share per lexicon and actor, with 95% interval whiskers.
pub fn share_chart(bars: &[ShareBar], size: Size, stem: &Path) -> Result<(), ChartError> {
    render(
        "Share of statements touching each lexicon",
        size,
        stem,
        &Plot::Share(bars),
    )
}

/// Diverging bars of log-odds z per lexicon (positive: more `a`); BH q < 0.05 solid with "*".
pub fn logodds_chart(
    a: &str,
    b: &str,
    rows: &[Diverging],
    size: Size,
    stem: &Path,
) -> Result<(), ChartError> {
    let title = format!("Lexicon use, {a} vs {b} (log-odds z)");
    render(&title, size, stem, &Plot::LogOdds(a, b, rows))
}

/// Stacked support / oppose / mention bars per lexicon, one panel per actor.
pub fn stance_chart(bars: &[StanceBar], size: Size, stem: &Path) -> Result<(), ChartError> {
    render(
        "Stance of lexicon matches by actor",
        size,
        stem,
        &Plot::Stance(bars),
    )
}

/// Share per period, one line per actor, one panel per lexicon.
pub fn timeline_chart(points: &[TimePoint], size: Size, stem: &Path) -> Result<(), ChartError> {
    render(
        "Share of statements per period",
        size,
        stem,
        &Plot::Timeline(points),
    )
}

/// Horizontal bars of keyness z, one panel per actor of the pair `a`, `b`, terms sorted by z.
pub fn keyness_chart(
    a: &str,
    b: &str,
    terms: &[KeyTerm],
    size: Size,
    stem: &Path,
) -> Result<(), ChartError> {
    let title = format!("Most distinctive terms, {a} vs {b} (keyness z)");
    render(&title, size, stem, &Plot::Keyness(terms))
}

enum Plot<'a> {
    Share(&'a [ShareBar]),
    LogOdds(&'a str, &'a str, &'a [Diverging]),
    Stance(&'a [StanceBar]),
    Timeline(&'a [TimePoint]),
    Keyness(&'a [KeyTerm]),
}

impl Plot<'_> {
    fn is_empty(&self) -> bool {
        match self {
            Plot::Share(v) => !v.iter().any(|b| b.share.is_finite()),
            Plot::LogOdds(_, _, v) => !v.iter().any(|r| r.z.is_finite()),
            Plot::Stance(v) => v.is_empty(),
            Plot::Timeline(v) => !v.iter().any(|p| p.share.is_finite()),
            Plot::Keyness(v) => !v.iter().any(|t| t.z.is_finite()),
        }
    }
}

static FONT: Once = Once::new();

fn register_embedded_font() {
    FONT.call_once(|| {
        // The bytes are a valid TrueType file compiled in; a failure would be a packaging bug.
        let ok = register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular()).is_ok()
            && register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold()).is_ok();
        assert!(ok, "the embedded DejaVu Sans font does not parse");
    });
}

fn with_ext(stem: &Path, ext: &str) -> PathBuf {
    let mut s = stem.as_os_str().to_owned();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

fn render(title: &str, size: Size, stem: &Path, plot: &Plot) -> Result<(), ChartError> {
    register_embedded_font();
    let (w, h) = (size.width, size.height);
    let (png_path, svg_path) = (with_ext(stem, "png"), with_ext(stem, "svg"));
    if w < MIN_SIZE.width || h < MIN_SIZE.height {
        let path = png_path;
        return Err(ChartError::TooSmall {
            path,
            width: w,
            height: h,
        });
    }
    let th = Theme::new(w, h);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        |source| ChartError::Io { path, source }
    };
    // Creating the file first turns a missing folder into a plain I/O error.
    std::fs::File::create(&png_path).map_err(io(&png_path))?;
    let backend = png::PngBackend::new(BitMapBackend::new(&png_path, (w, h)));
    let root = backend
        .map_err(|e| failed(&png_path, e))?
        .into_drawing_area();
    let drawn = draw(&root, &th, title, plot).and_then(|()| root.present());
    drawn.map_err(|e| failed(&png_path, e))?;
    let mut svg = String::new();
    let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
    let drawn = draw(&root, &th, title, plot).and_then(|()| root.present());
    drawn.map_err(|e| failed(&svg_path, e))?;
    drop(root);
    // The layout was measured with DejaVu Sans: ask for it, or Verdana (its metrics are close),
    // before the viewer's default sans-serif.
    let svg = svg.replace(
        "font-family=\"sans-serif\"",
        "font-family=\"DejaVu Sans, Verdana, sans-serif\"",
    );
    std::fs::write(&svg_path, svg).map_err(io(&svg_path))
}

fn failed(path: &Path, e: impl std::fmt::Display) -> ChartError {
    let (path, message) = (path.to_path_buf(), e.to_string());
    ChartError::Draw { path, message }
}

fn draw<DB: DrawingBackend>(
    root: &Area<DB>,
    th: &Theme,
    title: &str,
    plot: &Plot,
) -> Drawn<(), DB> {
    root.fill(&WHITE)?;
    let (w, _) = root.dim_in_pixel();
    let (head, body) = root.split_vertically(th.px(40.0));
    let centre = Pos::new(HPos::Center, VPos::Center);
    let title = layout::fit(&head, title, &th.bold(22.0), w.saturating_sub(th.px(20.0)))?;
    let at = (w as i32 / 2, th.px(22.0) as i32);
    head.draw_text(&title, &th.bold(22.0).pos(centre), at)?;
    if plot.is_empty() {
        let (bw, bh) = body.dim_in_pixel();
        let style = th.font(20.0).color(&MENTION).pos(centre);
        return body.draw_text("no data", &style, (bw as i32 / 2, bh as i32 / 2));
    }
    match *plot {
        Plot::Share(bars) => plots::share(&body, th, bars),
        Plot::LogOdds(a, b, rows) => plots::logodds(&body, th, a, b, rows),
        Plot::Stance(bars) => plots::stance(&body, th, bars),
        Plot::Timeline(points) => plots::timeline(&body, th, points),
        Plot::Keyness(terms) => plots::keyness(&body, th, terms),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEXICONS: [&str; 8] = [
        "sovereignty",
        "ceasefire",
        "autonomy",
        "multilateralism",
        "international_law",
        "bloc_confrontation",
        "territorial_integrity_and_non_interference",
        "humanitarian_corridors",
    ];
    const ACTORS: [&str; 5] = [
        "China",
        "France",
        "Russia",
        "United States",
        "European Union",
    ];

    /// Every chart of one data set: (file stem, title), drawn into `dir` with `n` actors.
    fn render_all(dir: &Path, tag: &str, actors: usize, size: Size) -> Vec<(PathBuf, String)> {
        let (actors, lexicons) = (&ACTORS[..actors], &LEXICONS[..actors + 3]);
        let cells = || {
            actors
                .iter()
                .flat_map(|a| lexicons.iter().map(move |l| (*a, *l)))
        };
        let x = |i: usize| (i * 37 % 19) as f64 / 40.0;
        let shares: Vec<ShareBar> = cells()
            .enumerate()
            .map(|(i, (a, l))| {
                let (actor, lexicon, share) = (a.to_string(), l.to_string(), x(i));
                let (lo, hi) = ((share - 0.05).max(0.0), share + 0.05);
                ShareBar {
                    lexicon,
                    actor,
                    share,
                    lo,
                    hi,
                }
            })
            .collect();
        let rows: Vec<Diverging> = lexicons
            .iter()
            .enumerate()
            .map(|(i, l)| Diverging {
                lexicon: l.to_string(),
                z: x(i) * 12.0 - 3.0,
                q: (i % 3 != 2).then_some(x(i) / 4.0),
            })
            .collect();
        let stances: Vec<StanceBar> = cells()
            .enumerate()
            .map(|(i, (a, l))| StanceBar {
                lexicon: l.to_string(),
                actor: a.to_string(),
                support: (i * 7 % 23) as u64,
                oppose: (i * 3 % 7) as u64,
                mention: (i * 5 % 11) as u64,
            })
            .collect();
        let months = [
            "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09",
        ];
        let points: Vec<TimePoint> = cells()
            .flat_map(|(a, l)| months.iter().map(move |m| (a, l, *m)))
            .enumerate()
            .map(|(i, (a, l, m))| TimePoint {
                period: m.to_string(),
                actor: a.to_string(),
                lexicon: l.to_string(),
                share: x(i),
                lo: (x(i) - 0.1).max(0.0),
                hi: (x(i) + 0.1).min(1.0),
            })
            .collect();
        let terms: Vec<KeyTerm> = actors
            .iter()
            .flat_map(|a| (0..10).map(move |t| (a, t)))
            .map(|(a, t)| KeyTerm {
                actor: a.to_string(),
                term: format!("term number {t}"),
                z: 2.0 + x(t) * 10.0,
            })
            .collect();
        let stem = |name: &str| dir.join(format!("{tag}_{name}"));
        share_chart(&shares, size, &stem("share")).unwrap();
        logodds_chart(actors[0], actors[1], &rows, size, &stem("logodds")).unwrap();
        stance_chart(&stances, size, &stem("stance")).unwrap();
        timeline_chart(&points, size, &stem("timeline")).unwrap();
        keyness_chart(actors[0], actors[1], &terms, size, &stem("keyness")).unwrap();
        let logodds_title = format!("Lexicon use, {} vs {} (log-odds z)", actors[0], actors[1]);
        let keyness_title = format!(
            "Most distinctive terms, {} vs {} (keyness z)",
            actors[0], actors[1]
        );
        [
            ("share", "Share of statements touching each lexicon"),
            ("logodds", logodds_title.as_str()),
            ("stance", "Stance of lexicon matches by actor"),
            ("timeline", "Share of statements per period"),
            ("keyness", keyness_title.as_str()),
        ]
        .map(|(name, title)| (stem(name), title.to_string()))
        .to_vec()
    }

    /// Width and height from the PNG signature and IHDR chunk.
    fn png_size(bytes: &[u8]) -> (u32, u32) {
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        assert_eq!(&bytes[12..16], b"IHDR");
        let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
        (be(16), be(20))
    }

    fn read(stem: &Path, ext: &str) -> Vec<u8> {
        std::fs::read(with_ext(stem, ext)).unwrap()
    }

    #[test]
    fn every_chart_writes_png_and_svg_of_the_requested_size() {
        let dir = tempfile::tempdir().unwrap();
        let size = Size {
            width: 900,
            height: 560,
        };
        for (actors, tag) in [(2, "pair"), (5, "stress")] {
            for (stem, title) in render_all(dir.path(), tag, actors, size) {
                assert_eq!(png_size(&read(&stem, "png")), (900, 560), "{stem:?}");
                let svg = String::from_utf8(read(&stem, "svg")).unwrap();
                assert!(svg.contains("<svg") && svg.contains(&title), "{stem:?}");
            }
        }
    }

    #[test]
    fn the_same_data_gives_byte_identical_files() {
        let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let first = render_all(one.path(), "run", 5, Size::default());
        let second = render_all(two.path(), "run", 5, Size::default());
        for ((a, _), (b, _)) in first.iter().zip(&second) {
            for ext in ["png", "svg"] {
                assert!(read(a, ext) == read(b, ext), "{a:?}.{ext} differs");
            }
        }
    }

    #[test]
    fn empty_data_draws_a_no_data_chart() {
        let dir = tempfile::tempdir().unwrap();
        let stem = |name: &str| dir.path().join(name);
        let size = Size::default();
        share_chart(&[], size, &stem("share")).unwrap();
        logodds_chart("China", "France", &[], size, &stem("logodds")).unwrap();
        stance_chart(&[], size, &stem("stance")).unwrap();
        timeline_chart(&[], size, &stem("timeline")).unwrap();
        keyness_chart("China", "France", &[], size, &stem("keyness")).unwrap();
        for name in ["share", "logodds", "stance", "timeline", "keyness"] {
            assert_eq!(png_size(&read(&stem(name), "png")), (1000, 600));
            let svg = String::from_utf8(read(&stem(name), "svg")).unwrap();
            assert!(svg.contains("no data"), "{name}");
        }
    }

    #[test]
    fn zero_and_missing_values_draw_without_panicking() {
        let dir = tempfile::tempdir().unwrap();
        let stem = |name: &str| dir.path().join(name);
        let size = Size::default();
        let share = |share: f64| ShareBar {
            lexicon: "ceasefire".into(),
            actor: "China".into(),
            share,
            lo: f64::NAN,
            hi: share,
        };
        share_chart(&[share(0.0), share(f64::NAN)], size, &stem("share")).unwrap();
        let row = |z: f64| Diverging {
            lexicon: "autonomy".into(),
            z,
            q: None,
        };
        logodds_chart(
            "China",
            "France",
            &[row(0.0), row(f64::INFINITY)],
            size,
            &stem("z"),
        )
        .unwrap();
        let zero = StanceBar {
            lexicon: "ceasefire".into(),
            actor: "France".into(),
            support: 0,
            oppose: 0,
            mention: 0,
        };
        stance_chart(&[zero], size, &stem("stance")).unwrap();
        let point = |period: &str, actor: &str, share: f64| TimePoint {
            period: period.into(),
            actor: actor.into(),
            lexicon: "sovereignty".into(),
            share,
            lo: f64::NAN,
            hi: share,
        };
        let points = [
            point("2024-05", "China", 0.0),
            point("2024-04", "France", f64::NAN),
        ];
        timeline_chart(&points, size, &stem("timeline")).unwrap();
        let term = |z: f64| KeyTerm {
            actor: "China".into(),
            term: "win-win".into(),
            z,
        };
        keyness_chart(
            "China",
            "France",
            &[term(0.0), term(-1.5)],
            size,
            &stem("keyness"),
        )
        .unwrap();
        for name in ["share", "z", "stance", "timeline", "keyness"] {
            assert_eq!(png_size(&read(&stem(name), "png")), (1000, 600));
            assert!(!String::from_utf8(read(&stem(name), "svg"))
                .unwrap()
                .contains("no data"));
        }
    }

    #[test]
    fn the_extension_is_appended_to_the_stem() {
        assert_eq!(
            with_ext(Path::new("out/share.v2"), "png"),
            Path::new("out/share.v2.png")
        );
    }

    #[test]
    fn errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let small = Size {
            width: 100,
            height: 100,
        };
        let err = share_chart(&[], small, &dir.path().join("tiny")).unwrap_err();
        assert!(matches!(err, ChartError::TooSmall { .. }));
        assert!(err.to_string().contains("tiny.png"), "{err}");
        let missing = dir.path().join("no-such-folder").join("share");
        let err = share_chart(&[], Size::default(), &missing).unwrap_err();
        assert!(matches!(err, ChartError::Io { .. }), "{err}");
        assert!(err.to_string().contains("no-such-folder"), "{err}");
    }
}
