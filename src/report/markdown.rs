//! `report.md`: the report as GitHub-flavoured Markdown, with the charts as links to the PNGs
//! in `charts/`, for reading on a code-hosting site.
//!
//! Every text goes through [`escape`]: Markdown's punctuation is backslash-escaped (brackets,
//! emphasis, code, pipes), bare `http://` and `www.` are kept from becoming links, and `<`, `>`
//! and `&` become entities, so a document's `<script>`, `[link](url)` or `![image](url)` shows as
//! text. The only raw HTML is `<mark>` around matched words, whose content is escaped too.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::content::blocks;
use super::doc::{Block, Figure, Inline};
use super::Report;

/// Text escaped for Markdown (inline, and inside a table cell).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev = ' ';
    let mut run = String::new(); // the letters before the current char, folded
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // With `[` and `]` escaped no link or image can form, so `(`, `)` and `!` stay.
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // Break the autolinks of bare `http://...` and `www.`: a document's text stays text.
            '/' if prev == ':' || prev == '/' => out.push_str("\\/"),
            '.' if run == "www" => out.push_str("\\."),
            _ => out.push(c),
        }
        if c.is_alphabetic() {
            run.extend(c.to_lowercase());
        } else {
            run.clear();
        }
        prev = c;
    }
    out
}

/// A code span that holds `s` whatever backticks it has; `|` escaped inside a table.
fn code_span(s: &str, in_table: bool) -> String {
    let s = if in_table {
        s.replace('|', "\\|")
    } else {
        s.to_string()
    };
    let longest = longest_run(&s, '`');
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut n) = (0, 0);
    for x in s.chars() {
        n = if x == c { n + 1 } else { 0 };
        best = best.max(n);
    }
    best
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
pub fn slug(heading: &str) -> String {
    heading
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c.to_lowercase().collect::<String>())
            } else if c == ' ' {
                Some("-".to_string())
            } else {
                None
            }
        })
        .collect()
}

/// The page.
pub fn render(r: &Report) -> String {
    let blocks = blocks(r);
    // Section links point at GitHub's anchors for the headings.
    let anchors: BTreeMap<String, String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { id, text, .. } if !id.is_empty() => {
                Some((format!("#{id}"), format!("#{}", slug(text))))
            }
            _ => None,
        })
        .collect();
    let mut m = String::new();
    for b in &blocks {
        block(&mut m, b, &anchors);
    }
    while m.ends_with("\n\n") {
        m.pop();
    }
    m
}

fn inline(m: &mut String, line: &[Inline], in_table: bool, anchors: &BTreeMap<String, String>) {
    for i in line {
        match i {
            Inline::Text(t) => m.push_str(&escape(t)),
            Inline::Strong(t) => {
                let _ = write!(m, "**{}**", escape(t));
            }
            Inline::Em(t) => {
                let _ = write!(m, "*{}*", escape(t));
            }
            Inline::Code(t) => m.push_str(&code_span(t, in_table)),
            Inline::Mark(t) => {
                let _ = write!(m, "<mark>{}</mark>", escape(t));
            }
            Inline::Link { text, href } => {
                let href = anchors.get(href).unwrap_or(href);
                let _ = write!(m, "[{}]({})", escape(text), href.replace(' ', "%20"));
            }
        }
    }
}

fn block(m: &mut String, b: &Block, anchors: &BTreeMap<String, String>) {
    match b {
        Block::Heading { level, text, .. } => {
            let _ = write!(
                m,
                "{} {}\n\n",
                "#".repeat(usize::from(*level)),
                escape(text)
            );
        }
        Block::Para(line) => {
            inline(m, line, false, anchors);
            m.push_str("\n\n");
        }
        Block::List(items) => {
            for item in items {
                m.push_str("- ");
                inline(m, item, false, anchors);
                m.push('\n');
            }
            m.push('\n');
        }
        Block::Table {
            head,
            numeric,
            rows,
        } => {
            m.push('|');
            for c in head {
                let _ = write!(m, " {} |", escape(c));
            }
            m.push_str("\n|");
            for i in 0..head.len() {
                let right = numeric.get(i).copied().unwrap_or(false);
                m.push_str(if right { " ---: |" } else { " --- |" });
            }
            m.push('\n');
            for row in rows {
                m.push('|');
                for c in row {
                    m.push(' ');
                    inline(m, c, true, anchors);
                    m.push_str(" |");
                }
                m.push('\n');
            }
            m.push('\n');
        }
        Block::Figure(f) => figure(m, f),
        Block::Quotes(items) => {
            for (i, q) in items.iter().enumerate() {
                let _ = write!(m, "{}. “", i + 1);
                inline(m, &q.text, false, anchors);
                // A trailing backslash is a line break inside the list item.
                m.push_str("”\\\n   ");
                inline(m, &q.cite, false, anchors);
                m.push('\n');
            }
            m.push('\n');
        }
        Block::Code(c) => {
            let fence = "`".repeat(longest_run(c, '`').max(2) + 1);
            let _ = write!(m, "{fence}sh\n{c}\n{fence}\n\n");
        }
    }
}

fn figure(m: &mut String, f: &Figure) {
    let _ = write!(
        m,
        "![{}](charts/{}.png)\n\n{} ([SVG](charts/{}.svg))\n\n",
        escape(&f.title),
        f.name,
        escape(&f.about),
        f.name
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_in_text_is_escaped() {
        assert_eq!(
            escape("[click](http://x.test) ![img](y.png) <script>*a*_b_ | `c` & www.z.test"),
            r"\[click\](http:\/\/x.test) !\[img\](y.png) &lt;script&gt;\*a\*\_b\_ \| \`c\` &amp; www\.z.test"
        );
    }

    #[test]
    fn code_spans_hold_backticks_and_headings_get_github_anchors() {
        assert_eq!(code_span("a`b", false), "`` a`b ``");
        assert_eq!(code_span("a|b", true), r"`a\|b`");
        assert_eq!(
            slug("Comparison, lexicon by lexicon"),
            "comparison-lexicon-by-lexicon"
        );
    }
}
