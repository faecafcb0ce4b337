//! `report.html`: one self-contained page: inline CSS and SVG, no script, no external resource,
//! so it opens offline. It is written as XHTML-compatible HTML (every element closed, attributes
//! quoted, only XML's own entities), so an XML parser can check it.
//!
//! Every text goes through [`escape`]; the only markup that is not built here is the charts' SVG,
//! which plotters writes with its own text escaped.

use std::fmt::Write;

use super::content::{blocks, title};
use super::doc::{Block, Figure, Inline};
use super::Report;

const STYLE: &str = "
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5a5a60; --rule: #d8d8dd; --band: #f5f5f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; color: var(--ink); background: #fff; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 0.75rem; padding-top: 0.75rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.4rem; color: var(--muted); }
p, li { max-width: 48rem; }
ul.contents { columns: 2; padding-left: 1.2rem; }
.table { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
td.n, th.n { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--band); }
figure { margin: 0.5rem 0 1.5rem; }
figure svg { display: block; width: 100%; height: auto; border: 1px solid var(--rule); }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.4rem; max-width: 48rem; }
mark { background: #ffe08a; padding: 0 0.1em; border-radius: 2px; }
ol.quotes { padding-left: 1.4rem; }
ol.quotes li { margin-bottom: 0.9rem; }
blockquote { margin: 0; padding: 0.1rem 0 0.1rem 0.8rem; border-left: 3px solid var(--rule); }
blockquote p { margin: 0.2rem 0; }
p.cite { margin: 0.25rem 0 0; font-size: 0.85rem; color: var(--muted); }
code { font: 0.85em/1.4 ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; background: var(--band); padding: 0.05em 0.3em; border-radius: 3px; }
td code { word-break: break-all; }
td:first-child { white-space: nowrap; }
pre { background: var(--band); padding: 0.75rem 1rem; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
@media print { h2 { break-before: auto; } figure, tr, ol.quotes li { break-inside: avoid; } }
";

/// Text escaped for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page.
pub fn render(r: &Report) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    h.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"stancecmp\"/>\n",
    );
    let _ = writeln!(h, "<title>{}</title>", escape(&title(r)));
    let _ = write!(h, "<style>{STYLE}</style>\n</head>\n<body>\n<main>\n");
    let mut first_list = true;
    for b in blocks(r) {
        block(&mut h, &b, &mut first_list);
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn inline(h: &mut String, line: &[Inline]) {
    for i in line {
        match i {
            Inline::Text(t) => h.push_str(&escape(t)),
            Inline::Strong(t) => {
                let _ = write!(h, "<strong>{}</strong>", escape(t));
            }
            Inline::Em(t) => {
                let _ = write!(h, "<em>{}</em>", escape(t));
            }
            Inline::Code(t) => {
                let _ = write!(h, "<code>{}</code>", escape(t));
            }
            Inline::Mark(t) => {
                let _ = write!(h, "<mark>{}</mark>", escape(t));
            }
            Inline::Link { text, href } => {
                let _ = write!(h, "<a href=\"{}\">{}</a>", escape(href), escape(text));
            }
        }
    }
}

fn block(h: &mut String, b: &Block, first_list: &mut bool) {
    match b {
        Block::Heading { level, id, text } => {
            let id = if id.is_empty() {
                String::new()
            } else {
                format!(" id=\"{}\"", escape(id))
            };
            let _ = writeln!(h, "<h{level}{id}>{}</h{level}>", escape(text));
        }
        Block::Para(line) => {
            h.push_str("<p>");
            inline(h, line);
            h.push_str("</p>\n");
        }
        Block::List(items) => {
            // The first list of the page is the table of contents.
            let class = if std::mem::take(first_list) {
                " class=\"contents\""
            } else {
                ""
            };
            let _ = writeln!(h, "<ul{class}>");
            for item in items {
                h.push_str("<li>");
                inline(h, item);
                h.push_str("</li>\n");
            }
            h.push_str("</ul>\n");
        }
        Block::Table {
            head,
            numeric,
            rows,
        } => {
            let class = |i: usize| {
                if numeric.get(i).copied().unwrap_or(false) {
                    " class=\"n\""
                } else {
                    ""
                }
            };
            h.push_str("<div class=\"table\"><table>\n<thead><tr>");
            for (i, c) in head.iter().enumerate() {
                let _ = write!(h, "<th{}>{}</th>", class(i), escape(c));
            }
            h.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                h.push_str("<tr>");
                for (i, c) in row.iter().enumerate() {
                    let _ = write!(h, "<td{}>", class(i));
                    inline(h, c);
                    h.push_str("</td>");
                }
                h.push_str("</tr>\n");
            }
            h.push_str("</tbody>\n</table></div>\n");
        }
        Block::Figure(f) => figure(h, f),
        Block::Quotes(items) => {
            h.push_str("<ol class=\"quotes\">\n");
            for q in items {
                h.push_str("<li><blockquote><p>");
                inline(h, &q.text);
                h.push_str("</p></blockquote><p class=\"cite\">");
                inline(h, &q.cite);
                h.push_str("</p></li>\n");
            }
            h.push_str("</ol>\n");
        }
        Block::Code(c) => {
            let _ = writeln!(h, "<pre><code>{}</code></pre>", escape(c));
        }
    }
}

/// A chart inline, its caption, and links to its files.
fn figure(h: &mut String, f: &Figure) {
    let svg = f.svg.trim();
    let svg = match svg.find("<svg") {
        Some(at) => &svg[at..],
        None => svg,
    };
    // Give the drawing a role and a name for screen readers.
    let label = format!(" role=\"img\" aria-label=\"{}\"", escape(&f.title));
    let svg = svg.replacen("<svg", &format!("<svg{label}"), 1);
    let name = escape(&f.name);
    let _ = write!(
        h,
        "<figure>\n{svg}\n<figcaption>{} Files: <a href=\"charts/{name}.png\">PNG</a>, \
         <a href=\"charts/{name}.svg\">SVG</a>.</figcaption>\n</figure>\n",
        escape(&f.about)
    );
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape(r#"<script>alert("x & y")</script> it's"#),
            "&lt;script&gt;alert(&quot;x &amp; y&quot;)&lt;/script&gt; it&#39;s"
        );
    }
}
