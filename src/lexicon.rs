//! Parsing topic lexicon files (`NAME.lex`): a small header, then one entry per line.
//!
//! The format is documented in `lexicons/README.md`. Every problem is reported with the file, line
//! and column, so a hand-edited lexicon can be fixed without guessing.

use crate::data::{DataError, DataFile};
use crate::fold::fold_str;

/// One lexicon entry as written by its author.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The entry as written, without the trailing `*` of a glob (e.g. `territorial integrity`).
    pub text: String,
    /// True for a prefix glob (`sovereign*`).
    pub glob: bool,
    /// Weight of one match (default 1).
    pub weight: f64,
    /// 1-based line in the lexicon file.
    pub line: usize,
}

impl Entry {
    /// The entry as it would be written in the file (`sovereign*`).
    pub fn display(&self) -> String {
        if self.glob {
            format!("{}*", self.text)
        } else {
            self.text.clone()
        }
    }
}

/// A topic lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Lexicon {
    pub name: String,
    pub version: String,
    pub description: String,
    pub entries: Vec<Entry>,
    /// Where it was read from.
    pub source: String,
}

/// Parse one `.lex` file.
pub fn parse(file: &DataFile) -> Result<Lexicon, DataError> {
    let src = file.source.as_str();
    let err = |line: usize, col: usize, msg: String| DataError::new(src, line, col, msg);
    let (mut name, mut version, mut description) = (None::<String>, None::<String>, String::new());
    let mut entries: Vec<Entry> = Vec::new();
    let mut in_body = false;
    for (i, raw) in file.text.lines().enumerate() {
        let line_no = i + 1;
        let indent = raw.len() - raw.trim_start().len();
        let content = strip_comment(raw);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            continue;
        }
        let col = raw[..indent].chars().count() + 1;
        if !in_body {
            if trimmed == "---" {
                in_body = true;
                continue;
            }
            let Some((key, value)) = trimmed.split_once(':') else {
                return Err(err(
                    line_no,
                    col,
                    format!("expected a header line `key: value` or `---`, found `{trimmed}`"),
                ));
            };
            let value = value.trim().to_string();
            match key.trim() {
                "name" => {
                    if value.is_empty()
                        || !value
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    {
                        return Err(err(
                            line_no,
                            col,
                            format!("lexicon name `{value}` must be lower-case ASCII letters, digits or `_`"),
                        ));
                    }
                    name = Some(value);
                }
                "version" => version = Some(value),
                "description" => {
                    if !description.is_empty() {
                        description.push(' ');
                    }
                    description.push_str(&value);
                }
                other => {
                    return Err(err(
                        line_no,
                        col,
                        format!(
                            "unknown header key `{other}` (expected name, version or description)"
                        ),
                    ))
                }
            }
            continue;
        }
        entries.push(parse_entry(trimmed, raw, line_no, col).map_err(|(c, m)| err(line_no, c, m))?);
    }
    if !in_body {
        return Err(err(
            0,
            0,
            "no `---` line: the header must end with `---` before the entries".into(),
        ));
    }
    let name = name.ok_or_else(|| err(0, 0, "the header has no `name:`".into()))?;
    let version = version.ok_or_else(|| err(0, 0, "the header has no `version:`".into()))?;
    if description.is_empty() {
        return Err(err(0, 0, "the header has no `description:`".into()));
    }
    if entries.is_empty() {
        return Err(err(0, 0, "the lexicon has no entries after `---`".into()));
    }
    let mut seen: Vec<(String, bool, usize)> = Vec::with_capacity(entries.len());
    for e in &entries {
        let key = fold_str(&e.text);
        if let Some((_, _, first)) = seen.iter().find(|(k, g, _)| *k == key && *g == e.glob) {
            return Err(err(
                e.line,
                1,
                format!("duplicate entry `{}` (first on line {first})", e.display()),
            ));
        }
        seen.push((key, e.glob, e.line));
    }
    Ok(Lexicon {
        name,
        version,
        description,
        entries,
        source: file.source.clone(),
    })
}

/// The part of a line before a `#` comment.
fn strip_comment(line: &str) -> &str {
    line.split_once('#').map_or(line, |(before, _)| before)
}

/// Parse `entry [| weight]`; errors carry the 1-based column.
fn parse_entry(
    trimmed: &str,
    raw: &str,
    _line: usize,
    col: usize,
) -> Result<Entry, (usize, String)> {
    let (text_part, weight) = match trimmed.split_once('|') {
        Some((t, w)) => {
            let w_str = w.trim();
            let wcol = raw.find('|').map_or(col, |p| raw[..p].chars().count() + 2);
            let weight: f64 = w_str.parse().map_err(|_| {
                (
                    wcol,
                    format!("weight `{w_str}` is not a number (write e.g. `| 1.5`)"),
                )
            })?;
            if !(weight.is_finite() && weight > 0.0) {
                return Err((wcol, format!("weight `{w_str}` must be a positive number")));
            }
            (t.trim(), weight)
        }
        None => (trimmed, 1.0),
    };
    let (text, glob) = match text_part.strip_suffix('*') {
        Some(t) => (t.trim_end(), true),
        None => (text_part, false),
    };
    if let Some(p) = text.find(['*', '?', '[', ']', '(', ')', '{', '}', '\\']) {
        let c = col + text[..p].chars().count();
        return Err((
            c,
            format!(
                "`{}` is not allowed inside an entry: only a single trailing `*` makes a glob",
                &text[p..p + 1]
            ),
        ));
    }
    let folded = fold_str(text);
    if folded.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return Err((
            col,
            format!("entry `{text_part}` is too short: it would match almost everywhere"),
        ));
    }
    if glob && folded.chars().count() < 4 {
        return Err((
            col,
            format!("glob `{text_part}` is too short: a glob needs at least 4 letters before `*`"),
        ));
    }
    Ok(Entry {
        text: text.to_string(),
        glob,
        weight,
        line: _line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> DataFile {
        DataFile {
            name: "t.lex".into(),
            source: "t.lex".into(),
            text: text.into(),
        }
    }

    const GOOD: &str = "# comment\nname: test\nversion: 1.0\ndescription: What counts.\ndescription: More.\n---\nterritorial integrity\nsovereign* | 2\ncease-fire # inline comment\n";

    #[test]
    fn parses_header_entries_globs_and_weights() {
        let lex = parse(&file(GOOD)).unwrap();
        assert_eq!(lex.name, "test");
        assert_eq!(lex.description, "What counts. More.");
        assert_eq!(lex.entries.len(), 3);
        assert_eq!(
            lex.entries[1],
            Entry {
                text: "sovereign".into(),
                glob: true,
                weight: 2.0,
                line: 8
            }
        );
        assert_eq!(lex.entries[2].text, "cease-fire");
    }

    #[test]
    fn errors_name_line_and_column() {
        let bad = GOOD.replace("sovereign* | 2", "sovereign* | heavy");
        let e = parse(&file(&bad)).unwrap_err();
        assert_eq!((e.line, e.column), (8, 13));
        assert!(
            e.to_string().starts_with("t.lex:8:13: weight `heavy`"),
            "{e}"
        );

        let dup = format!("{GOOD}Territorial  Integrity\n");
        let e = parse(&file(&dup)).unwrap_err();
        assert_eq!(e.line, 10);
        assert!(e.message.contains("first on line 7"), "{e}");

        let e = parse(&file("name: x\n---\nfoo\n")).unwrap_err();
        assert!(e.message.contains("version"), "{e}");
        let e = parse(&file("name: x\nversion: 1\ndescription: d\nfoo\n")).unwrap_err();
        assert_eq!(e.line, 4);
        let e = parse(&file("name: x\nversion: 1\ndescription: d\n---\n  a*\n")).unwrap_err();
        assert_eq!((e.line, e.column), (5, 3));
        let e = parse(&file("name: x\nversion: 1\ndescription: d\n---\nfo(o\n")).unwrap_err();
        assert_eq!((e.line, e.column), (5, 3));
        let e = parse(&file("name: X-y\nversion: 1\ndescription: d\n---\nfoo\n")).unwrap_err();
        assert_eq!(e.line, 1);
    }
}
