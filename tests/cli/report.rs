//! `report.html`, `report.md` and `charts/`: sizes, well-formedness, links, escaping,
//! reproducible bytes.

use super::*;

/// The charts of a run comparing one pair, China and France.
const CHARTS: [&str; 5] = [
    "share",
    "logodds_China_France",
    "stance",
    "timeline",
    "keyness_China_France",
];

const LEXICONS: [&str; 6] = [
    "autonomy",
    "bloc_confrontation",
    "ceasefire",
    "international_law",
    "multilateralism",
    "sovereignty",
];

/// Width and height from a PNG's signature and IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.len() > 24, "too short for a PNG");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR", "IHDR is the first chunk");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// Every element of a parsed document with this tag name (any namespace).
fn elements<'a>(doc: &'a roxmltree::Document, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.is_element() && n.tag_name().name().eq_ignore_ascii_case(name))
        .collect()
}

/// `report.html` parsed as XML (it is written XHTML-compatible; `<!DOCTYPE html>` allowed).
fn parse_html(html: &str) -> roxmltree::Document<'_> {
    let opt = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(html, opt)
        .unwrap_or_else(|e| panic!("report.html is not well-formed (XHTML-compatible): {e}"))
}

/// The text of a parsed document, as a browser would show it (entities decoded).
fn all_text(doc: &roxmltree::Document) -> String {
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn charts_are_png_and_svg_of_the_requested_size() {
    let wd = Workdir::new();
    let size = ["--chart-width", "820", "--chart-height", "480"];
    wd.ok(&[&["analyze", "--out", "out"][..], &size].concat());
    for name in CHARTS {
        let png = fs::read(wd.path(&format!("out/charts/{name}.png"))).unwrap();
        assert_eq!(png_size(&png), (820, 480), "{name}.png");
        let svg = wd.read(&format!("out/charts/{name}.svg"));
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{name}.svg is not well-formed XML: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg", "{name}.svg");
        assert_eq!(
            (root.attribute("width"), root.attribute("height")),
            (Some("820"), Some("480")),
            "{name}.svg"
        );
        assert!(!elements(&doc, "text").is_empty(), "{name}.svg has no text");
    }
    // The default size is 1000 x 600.
    wd.ok(&["analyze", "--out", "default"]);
    let png = fs::read(wd.path("default/charts/share.png")).unwrap();
    assert_eq!(png_size(&png), (1000, 600));
}

#[test]
fn chart_sizes_below_the_minimum_are_a_usage_error() {
    let wd = Workdir::new();
    let out = wd.run(&["analyze", "--out", "out", "--chart-width", "100"]);
    assert_eq!(out.status.code(), Some(2));
    let msg = String::from_utf8(out.stderr).unwrap();
    assert!(msg.contains("--chart-width"), "{msg}");
    assert!(!wd.path("out").exists());
}

#[test]
fn report_html_is_well_formed_self_contained_and_names_only_charts_that_exist() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out"]);
    let html = wd.read("out/report.html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    let doc = parse_html(&html);
    // Self-contained: no script, no external stylesheet, image or frame.
    for tag in ["script", "link", "img", "iframe", "object", "embed"] {
        assert!(elements(&doc, tag).is_empty(), "report.html has <{tag}>");
    }
    assert_eq!(elements(&doc, "style").len(), 1);
    // Every chart inline, and every link either an anchor of the page or a file that exists.
    assert_eq!(elements(&doc, "svg").len(), CHARTS.len());
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let mut charts_linked = Vec::new();
    for a in elements(&doc, "a") {
        let href = a.attribute("href").expect("every link has a target");
        if let Some(id) = href.strip_prefix('#') {
            assert!(ids.contains(&id), "link to a missing section {href}");
        } else {
            assert!(!href.contains("://"), "external link {href}");
            assert!(wd.path("out").join(href).is_file(), "{href} does not exist");
            charts_linked.push(href.to_string());
        }
    }
    for name in CHARTS {
        for ext in ["png", "svg"] {
            let f = format!("charts/{name}.{ext}");
            assert!(charts_linked.contains(&f), "report.html does not link {f}");
        }
    }
    let text = all_text(&doc);
    for lexicon in LEXICONS {
        assert!(
            text.contains(&lexicon.replace('_', " ")),
            "report.html never mentions {lexicon}"
        );
        assert!(
            text.contains(&format!("{lexicon}.lex")),
            "no hash of {lexicon}.lex"
        );
    }
    for needle in [
        "No detectable difference",
        "Small sample",
        "SHA-256",
        "stancecmp analyze --out out",
        "actors.toml",
        concat!("stancecmp ", env!("CARGO_PKG_VERSION")),
    ] {
        assert!(text.contains(needle), "report.html lacks {needle:?}");
    }
    // Matched words are highlighted in the evidence.
    assert!(elements(&doc, "mark").len() > 10);
}

#[test]
fn report_md_links_the_pngs_and_mentions_every_lexicon() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out"]);
    let md = wd.read("out/report.md");
    for name in CHARTS {
        let png = format!("charts/{name}.png");
        assert!(
            md.contains(&format!("]({png})")),
            "report.md does not show {png}"
        );
        assert!(wd.path("out").join(&png).is_file());
    }
    for lexicon in LEXICONS {
        // Markdown escapes `_`: `international\_law` in file names, spaces in prose.
        assert!(
            md.contains(&lexicon.replace('_', " ")),
            "report.md never mentions {lexicon}"
        );
    }
    assert!(md.contains("<mark>") && !md.contains("<script"));
    assert!(md.contains("```sh\nstancecmp analyze --out out\n```"));
}

#[test]
fn the_report_is_the_same_bytes_in_any_folder_and_holds_no_path_or_time() {
    let (one, two) = (Workdir::new(), Workdir::new());
    one.ok(&["analyze", "--out", "out", "--threads", "1"]);
    two.ok(&["analyze", "--out", "out", "--threads", "1"]);
    let mut files = vec!["report.html".to_string(), "report.md".to_string()];
    for name in CHARTS {
        files.push(format!("charts/{name}.png"));
        files.push(format!("charts/{name}.svg"));
    }
    for f in &files {
        let a = fs::read(one.path("out").join(f)).unwrap();
        let b = fs::read(two.path("out").join(f)).unwrap();
        assert!(a == b, "{f} differs between two runs");
    }
    let html = one.read("out/report.html");
    let here = one.path("").display().to_string();
    let tmp = std::env::temp_dir().display().to_string();
    assert!(
        !html.contains(&here) && !html.contains(&tmp),
        "a path leaked"
    );
    assert!(!html.contains(env!("CARGO_MANIFEST_DIR")));
}

/// `tests/data/hostile.jsonl`: a statement attributed to China that matches the ceasefire
/// lexicon and carries HTML and Markdown markup, in a document whose id is markup too.
fn hostile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile.jsonl")
}

#[test]
fn text_from_documents_cannot_inject_markup_into_the_report() {
    let wd = Workdir::new();
    let input = hostile();
    wd.ok(&["analyze", input.to_str().unwrap(), "--out", "out"]);
    // The statement is quoted as evidence, so its text is in both pages.
    let st = rows(&wd.read("out/statements.csv"));
    let hostile = statement(&st, "Chinese Foreign Minister Wang Yi said");
    assert_eq!(hostile["actor"], "China");
    assert_ne!(hostile["ceasefire_hits"], "0");

    let html = wd.read("out/report.html");
    let doc = parse_html(&html);
    for tag in ["script", "img", "b"] {
        assert!(
            elements(&doc, tag).is_empty(),
            "injected <{tag}> in report.html"
        );
    }
    assert!(elements(&doc, "a")
        .iter()
        .all(|a| !a.attribute("href").unwrap_or_default().contains("evil")));
    // ... but shown, as text, to the reader.
    let text = all_text(&doc);
    assert!(
        text.contains("<script>alert(1)</script>"),
        "the text is lost"
    );
    assert!(text.contains("[click](http://evil.example)"));
    assert!(text.contains("<b>doc</b>"), "the document id is lost");

    let md = wd.read("out/report.md");
    assert!(!md.contains("<script") && !md.contains("<img") && !md.contains("<b>"));
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(md.contains(r"\[click\](http:\/\/evil.example)"), "{md}");
    assert!(md.contains(r"!\[pixel\]"));
    // Every `](` before a URL is escaped: no link or image can form.
    let links = md.match_indices("](http").map(|(i, _)| i);
    assert!(links.clone().count() == 2 && links.into_iter().all(|i| &md[i - 1..i] == "\\"));
    assert!(!md.contains("[click]"));
    assert!(md.contains(r"\*\*bold\*\* \| \`tick\` &amp;amp; www\.evil"));
    assert!(md.contains("&lt;b&gt;doc&lt;/b&gt;"));
}

#[test]
fn without_dates_the_report_says_there_is_no_timeline() {
    let wd = Workdir::new();
    wd.write(
        "undated/a.txt",
        "Chinese Foreign Minister Wang Yi said China supports an immediate ceasefire.\n",
    );
    wd.write(
        "undated/b.txt",
        "French President Emmanuel Macron said France defends international law.\n",
    );
    wd.ok(&["analyze", "undated", "--out", "out"]);
    assert!(!wd.path("out/charts/timeline.png").exists());
    assert!(wd.path("out/charts/share.png").is_file());
    for page in ["out/report.html", "out/report.md"] {
        let text = wd.read(page);
        assert!(text.contains("No document has a date"), "{page}");
        assert!(!text.contains("charts/timeline"), "{page}");
    }
}

#[test]
fn no_charts_draws_none_and_removes_those_of_an_earlier_run() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out"]);
    assert!(wd.path("out/charts/share.png").is_file());
    wd.write("out/charts/keep.txt", "not a chart");
    wd.ok(&["analyze", "--out", "out", "--no-charts"]);
    let left: Vec<String> = fs::read_dir(wd.path("out/charts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(left, ["keep.txt"], "charts of the earlier run are left");
    let html = wd.read("out/report.html");
    assert!(!html.contains("<svg") && html.contains("not drawn"));
    assert!(!wd.read("out/report.md").contains("charts/"));
}

#[test]
fn a_second_pair_gets_its_own_charts() {
    let wd = Workdir::new();
    let args = ["analyze", "--out", "out", "--compare", "China,France"];
    wd.ok(&[&args[..], &["--compare", "France,none"]].concat());
    for name in ["logodds_France_none", "keyness_France_none"] {
        assert!(
            wd.path(&format!("out/charts/{name}.png")).is_file(),
            "{name}"
        );
    }
    let html = wd.read("out/report.html");
    assert!(html.contains("France vs none"));
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    let wd = Workdir::new();
    let out = wd.ok(&["analyze", "--out", "out"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err:?}");
    assert!(!err.contains("drawing charts"), "{err}");
    let quiet = wd.ok(&["analyze", "--out", "out", "--quiet"]);
    assert!(quiet.stderr.is_empty());
}

#[test]
fn no_system_font_library_is_a_dependency() {
    // plotters' default `ttf` feature loads system fonts through font-kit (fontconfig and
    // FreeType on Linux) and silently wins over `ab_glyph`; the charts must not depend on it.
    let lock =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).unwrap();
    for name in [
        "font-kit",
        "yeslogic-fontconfig-sys",
        "servo-fontconfig",
        "freetype-sys",
        "freetype",
        "core-text",
        "dwrote",
    ] {
        let entry = format!("name = \"{name}\"\n");
        assert!(
            !lock.contains(&entry),
            "Cargo.lock has {name}: turn plotters' `ttf` off"
        );
    }
    assert!(lock.contains("name = \"dejavu\"\n") && lock.contains("name = \"ab_glyph\"\n"));
}
