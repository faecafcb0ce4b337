//! Parsing topic lexicon files (`NAME.lex`): a small header, then one entry per line.
//!
//! The format is documented in `lexicons/README.md`. Every problem is reported with the file, line
//! and column, so a hand-edited lexicon can be fixed without guessing.

use crate::data::{DataError, DataFile};
use crate::fold::fold_str;
use crate::stance::Stance;

/// One lexicon entry as written by its author.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The entry as written, without the trailing `*` of a glob (e.g. `territorial integrity`).
    pub text: String,
    /// True for a prefix glob (`sovereign*`).
    pub glob: bool,
    /// Weight of one match (default 1).
    pub weight: f64,
    /// Written `| WEIGHT | mention`: naming it takes no stance by default (an institution such
    /// as "g-20" is a venue, not a position), whatever the lexicon's `stance:`.
    pub neutral: bool,
    /// 1-based line in the lexicon file.
    pub line: usize,
}

impl Entry {
    /// The entry as it would be written in the file (`sovereign*`).
    pub fn display(&self) -> String {
        let mut s = String::new();
        self.display_into(&mut s);
        s
    }

    /// [`Entry::display`], appended to `out`.
    pub fn display_into(&self, out: &mut String) {
        out.push_str(&self.text);
        if self.glob {
            out.push('*');
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
    /// The stance a speaker takes by naming the thing without a cue, and when reporting a breach
    /// of it: `support` for principles (sovereignty: "Macron said Russia violated Ukraine's
    /// sovereignty" defends it), `oppose` for what speakers denounce (bloc confrontation),
    /// `mention` (the default) for neutral topics.
    pub stance: Stance,
    /// Where it was read from.
    pub source: String,
}

/// Parse one `.lex` file, stopping at the first problem.
pub fn parse(file: &DataFile) -> Result<Lexicon, DataError> {
    match parse_all(file) {
        (Some(lex), errors) if errors.is_empty() => Ok(lex),
        (_, mut errors) => Err(errors.remove(0)),
    }
}

/// Parse one `.lex` file and report every problem, in the order `parse` would meet them. The
/// lexicon holds the lines that parsed (a repeated entry only once); it is `None` when the
/// header is unusable, and then there is at least one problem.
pub fn parse_all(file: &DataFile) -> (Option<Lexicon>, Vec<DataError>) {
    let src = file.source.as_str();
    let err = |line: usize, col: usize, msg: String| DataError::new(src, line, col, msg);
    let mut errors = Vec::new();
    let (mut name, mut version, mut description) = (None::<String>, None::<String>, String::new());
    let mut entries: Vec<Entry> = Vec::new();
    let mut stance = Stance::Mention;
    let mut in_body = false;
    let mut entry_lines = 0;
    // Header keys that may be given once, with the line of each.
    let mut once: Vec<(String, usize)> = Vec::new();
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
                errors.push(err(
                    line_no,
                    col,
                    format!("expected a header line `key: value` or `---`, found `{trimmed}`"),
                ));
                continue;
            };
            let value = value.trim().to_string();
            let key = key.trim();
            if matches!(key, "name" | "version" | "stance") {
                if let Some((_, first)) = once.iter().find(|(k, _)| k == key) {
                    errors.push(err(
                        line_no,
                        col,
                        format!("`{key}:` is given twice (first on line {first}); keep one"),
                    ));
                    continue;
                }
                once.push((key.to_string(), line_no));
            }
            match key {
                "name" => {
                    if value.is_empty()
                        || !value
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    {
                        errors.push(err(
                            line_no,
                            col,
                            format!("lexicon name `{value}` must be lower-case ASCII letters, digits or `_`"),
                        ));
                        name.get_or_insert_with(String::new);
                    } else {
                        name = Some(value);
                    }
                }
                "version" => version = Some(value),
                "stance" => match value.as_str() {
                    "support" => stance = Stance::Support,
                    "oppose" => stance = Stance::Oppose,
                    "mention" => stance = Stance::Mention,
                    _ => errors.push(err(
                        line_no,
                        col,
                        format!("stance `{value}` must be support, oppose or mention"),
                    )),
                },
                "description" => {
                    if !description.is_empty() {
                        description.push(' ');
                    }
                    description.push_str(&value);
                }
                other => errors.push(err(
                    line_no,
                    col,
                    format!("unknown header key `{other}` (expected name, version, description or stance)"),
                )),
            }
            continue;
        }
        entry_lines += 1;
        match parse_entry(trimmed, raw, line_no, col) {
            Ok(e) => entries.push(e),
            Err((c, m)) => errors.push(err(line_no, c, m)),
        }
    }
    if !in_body {
        errors.push(err(
            0,
            0,
            "no `---` line: the header must end with `---` before the entries".into(),
        ));
    }
    if name.is_none() {
        errors.push(err(0, 0, "the header has no `name:`".into()));
    }
    if version.is_none() {
        errors.push(err(0, 0, "the header has no `version:`".into()));
    }
    if description.is_empty() {
        errors.push(err(0, 0, "the header has no `description:`".into()));
    }
    if in_body && entry_lines == 0 {
        errors.push(err(0, 0, "the lexicon has no entries after `---`".into()));
    }
    let mut seen: Vec<(String, bool, usize)> = Vec::with_capacity(entries.len());
    entries.retain(|e| {
        let key = fold_str(&e.text);
        if let Some((_, _, first)) = seen.iter().find(|(k, g, _)| *k == key && *g == e.glob) {
            errors.push(err(
                e.line,
                1,
                format!("duplicate entry `{}` (first on line {first})", e.display()),
            ));
            return false;
        }
        seen.push((key, e.glob, e.line));
        true
    });
    let lexicon = match (name, version) {
        (Some(name), Some(version)) if in_body && !name.is_empty() && !description.is_empty() => {
            Some(Lexicon {
                name,
                version,
                description,
                entries,
                stance,
                source: file.source.clone(),
            })
        }
        _ => None,
    };
    (lexicon, errors)
}

/// Check one entry as it would be written on a line of its own, without a weight
/// (`sovereign*`, `territorial integrity`): the entry, or the 1-based column within `text` and
/// what the format cannot hold.
pub fn entry_from_text(text: &str) -> Result<Entry, (usize, String)> {
    if let Some(p) = text.find(['#', '|', '\n', '\r']) {
        if let Some(q) = text[..p].find(['?', '[', ']', '(', ')', '{', '}', '\\']) {
            let c = &text[q..q + 1];
            return Err((
                text[..q].chars().count() + 1,
                format!(
                    "`{c}` is not allowed inside an entry: only a single trailing `*` makes a glob"
                ),
            ));
        }
        let what = match &text[p..p + 1] {
            "#" => "`#` starts a comment",
            "|" => "`|` starts a weight",
            _ => "a line break ends the entry",
        };
        return Err((
            text[..p].chars().count() + 1,
            format!("{what}, so it cannot be part of an entry"),
        ));
    }
    let indent = text.len() - text.trim_start().len();
    let col = text[..indent].chars().count() + 1;
    parse_entry(text.trim(), text, 0, col)
}

/// Line and column (1-based) of the `name:` header line, where a clash of names is reported;
/// (0, 0) when there is none.
pub fn name_position(file: &DataFile) -> (usize, usize) {
    for (i, raw) in file.text.lines().enumerate() {
        let trimmed = raw.trim_start();
        if trimmed.trim_end() == "---" {
            break;
        }
        if trimmed
            .strip_prefix("name")
            .is_some_and(|r| r.trim_start().starts_with(':'))
        {
            return (i + 1, raw[..raw.len() - trimmed.len()].chars().count() + 1);
        }
    }
    (0, 0)
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
    let (text_part, rest) = match trimmed.split_once('|') {
        Some((t, r)) => (t.trim(), Some(r)),
        None => (trimmed, None),
    };
    let (weight_part, neutral) = match rest.map(|r| r.split_once('|')) {
        Some(Some((w, flag))) => {
            let flag = flag.trim();
            if flag != "mention" {
                let fcol = raw.rfind('|').map_or(col, |p| raw[..p].chars().count() + 2);
                return Err((
                    fcol,
                    format!("`{flag}` after the weight: only `mention` may stand there"),
                ));
            }
            (Some(w), true)
        }
        Some(None) => (rest, false),
        None => (None, false),
    };
    let weight = match weight_part {
        Some(w) => {
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
            weight
        }
        None => 1.0,
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
    if text.is_empty() {
        return Err((
            col,
            "the entry is empty: write a word or phrase before `|`".to_string(),
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
        neutral,
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
                neutral: false,
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

    #[test]
    fn parse_all_reports_every_problem_and_keeps_the_good_lines() {
        let text = format!("{GOOD}fo(o\nbar | x\nTERRITORIAL INTEGRITY\nfine entry\n");
        let (lex, errors) = parse_all(&file(&text));
        let at: Vec<(usize, usize)> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(at, [(10, 3), (11, 6), (12, 1)]);
        // `parse` stops at the first of them.
        assert_eq!(parse(&file(&text)).unwrap_err(), errors[0]);
        let lex = lex.unwrap();
        let kept: Vec<String> = lex.entries.iter().map(Entry::display).collect();
        assert_eq!(
            kept,
            [
                "territorial integrity",
                "sovereign*",
                "cease-fire",
                "fine entry"
            ]
        );
        let (lex, errors) = parse_all(&file("name: x\nbogus\n---\n"));
        assert!(lex.is_none());
        let msgs: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(msgs.len(), 4, "{msgs:?}");
        assert!(msgs[0].starts_with("expected a header line"));
    }

    #[test]
    fn entry_from_text_refuses_what_a_line_cannot_hold() {
        let e = entry_from_text(" sovereign* ").unwrap();
        assert_eq!(
            (e.text.as_str(), e.glob, e.weight),
            ("sovereign", true, 1.0)
        );
        assert_eq!(entry_from_text("a|b").unwrap_err().0, 2);
        assert!(entry_from_text("no # comment")
            .unwrap_err()
            .1
            .contains("`#` starts a comment"));
        let (col, msg) = entry_from_text("(war|conflict)").unwrap_err();
        assert_eq!(col, 1);
        assert!(msg.starts_with("`(` is not allowed"), "{msg}");
        assert_eq!(entry_from_text("  *trade").unwrap_err().0, 3);
    }

    #[test]
    fn repeated_keys_empty_and_everywhere_entries_are_located() {
        let e = parse(&file(
            "name: x\nversion: 1\nname: y\ndescription: d\n---\nfoo\n",
        ))
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.lex:3:1: `name:` is given twice (first on line 1); keep one"
        );
        let e = parse(&file(
            "name: x\nversion: 1\ndescription: d\n---\nfoo\n  | 2\n",
        ))
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.lex:6:3: the entry is empty: write a word or phrase before `|`"
        );
        // Entries that would match almost everywhere: one letter, a short glob.
        let e = parse(&file("name: x\nversion: 1\ndescription: d\n---\nfoo\n é\n")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("t.lex:6:2: entry `é` is too short"),
            "{e}"
        );
        let e = parse(&file("name: x\nversion: 1\ndescription: d\n---\nthe*\n")).unwrap_err();
        assert!(e.message.contains("glob `the*` is too short"), "{e}");
    }

    #[test]
    fn name_position_points_at_the_name_line() {
        assert_eq!(
            name_position(&file("# c\n  name: x\n---\nname: y\n")),
            (2, 3)
        );
        assert_eq!(name_position(&file("---\nname: y\n")), (0, 0));
    }
}
