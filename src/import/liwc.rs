//! LIWC `.dic` files: a `%` line, one `NUMBER<TAB>NAME` line per category, another `%`, then
//! one line per entry, `entry<TAB>NUMBER NUMBER ...` (multi-word entries allowed; `word*` is a
//! prefix glob, as in a `.lex` file).

use std::collections::HashMap;

use super::Builder;
use crate::data::DataError;

/// LIWC: `%`, lines `NUMBER<TAB>NAME`, `%`, then lines `entry<TAB>NUMBER NUMBER ...`.
pub(super) fn parse(source: &str, text: &str, b: &mut Builder) -> Result<(), DataError> {
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut part = 0; // 0 before the header, 1 in it, 2 in the entries
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let t = raw.trim();
        let col = raw[..raw.len() - raw.trim_start().len()].chars().count() + 1;
        if t.is_empty() {
            continue;
        }
        if part < 2 && t == "%" {
            part += 1;
            continue;
        }
        match part {
            0 => {
                return Err(DataError::new(source, line, col, "a LIWC dictionary starts with a `%` line, then one `NUMBER<TAB>NAME` line per category and another `%`"));
            }
            1 => {
                let mut f: Vec<&str> = if t.contains('\t') {
                    t.split('\t').map(str::trim).collect()
                } else {
                    t.split_whitespace().collect()
                };
                f.retain(|x| !x.is_empty());
                let (Some(&id), Some(&name)) = (f.first(), f.get(1)) else {
                    return Err(DataError::new(
                        source,
                        line,
                        col,
                        format!("expected a category line `NUMBER<TAB>NAME` or `%`, found `{t}`"),
                    ));
                };
                let c = b.category(vec![name.to_string()], format!("{name} ({id})"));
                if ids.insert(liwc_id(id), c).is_some() {
                    return Err(DataError::new(
                        source,
                        line,
                        col,
                        format!("category number `{id}` is used twice in the header"),
                    ));
                }
            }
            _ => liwc_entry(raw, line, &ids, b),
        }
    }
    if part < 2 {
        return Err(DataError::new(
            source,
            0,
            0,
            "the category header is not closed by a second `%` line: is this a LIWC .dic file?",
        ));
    }
    Ok(())
}

/// Category numbers compare as numbers: `02` is `2`.
fn liwc_id(id: &str) -> String {
    match id.parse::<u64>() {
        Ok(n) => n.to_string(),
        Err(_) => id.to_string(),
    }
}

/// One entry line: the entry up to the first tab (or, without tabs, up to the trailing numbers),
/// then category numbers. A conditional category such as `(02 134)125/464` is skipped.
fn liwc_entry(raw: &str, line: usize, ids: &HashMap<String, usize>, b: &mut Builder) {
    let col_of = |at: usize| raw[..at].chars().count() + 1;
    let (entry, entry_at, cats_at) = match raw.find('\t') {
        Some(tab) => {
            let e = raw[..tab].trim();
            (e, raw[..tab].find(e).unwrap_or(0), tab + 1)
        }
        None => {
            let words = tokens(raw, false);
            let n = words
                .iter()
                .rposition(|(_, t)| !t.bytes().all(|c| c.is_ascii_digit()))
                .map_or(0, |p| p + 1);
            let (start, end) = match (words.first(), n) {
                (Some(&(s, _)), 1..) => (s, words[n - 1].0 + words[n - 1].1.len()),
                _ => (0, 0),
            };
            (&raw[start..end], start, end)
        }
    };
    if entry.is_empty() {
        let m = "skipped a line with category numbers but no entry before them (separate the entry from its numbers with a tab)";
        return b.skip(line, 1, m.into());
    }
    let cat_tokens = tokens(&raw[cats_at..], true);
    if cat_tokens.is_empty() {
        let m = format!("skipped `{entry}`: no category number after it");
        return b.skip(line, col_of(entry_at), m);
    }
    let mut cats = Vec::new();
    for (at, tok) in cat_tokens {
        let col = col_of(cats_at + at);
        if tok.contains(['(', ')', '/', '<', '>']) {
            let m = format!("skipped category `{tok}` of `{entry}`: conditional categories cannot be imported (the .lex format has no conditions)");
            b.skip(line, col, m);
        } else if let Some(&c) = ids.get(&liwc_id(tok)) {
            if !cats.contains(&c) {
                cats.push(c);
            }
        } else {
            let m =
                format!("skipped category `{tok}` of `{entry}`: the header has no such category");
            b.skip(line, col, m);
        }
    }
    if !cats.is_empty() {
        b.entry(&cats, entry, line, col_of(entry_at));
    }
}

/// Whitespace-separated tokens with their byte offsets; with `groups`, a token that starts with
/// `(` runs on to the matching `)` even across spaces.
fn tokens(raw: &str, groups: bool) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut start, mut group) = (None, false);
    for (i, c) in raw.char_indices() {
        match start {
            None if c.is_whitespace() => {}
            None => {
                start = Some(i);
                group = groups && c == '(';
            }
            Some(_) if group => group = c != ')',
            Some(s) if c.is_whitespace() => {
                out.push((s, &raw[s..i]));
                start = None;
            }
            Some(_) => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &raw[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn entries(c: &Category) -> Vec<String> {
        c.entries.iter().map(|e| e.display()).collect()
    }

    const LIWC: &str = "%\n1\tsovereign\n2\tPeace Talks\t(truce talks)\n3\tempty\n%\nsovereign*\t1\nterritorial integrity\t1\ntruce\t2\t1\nkind of 2\n:)\t2\nlike\t(02 134)125/464\t2\nun*\t1\ndialog?e\t2\nwhatever\t9\nTRUCE\t2\n";

    #[test]
    fn liwc_categories_entries_and_skips_with_positions() {
        let d = parse(Format::Liwc, "t.dic", LIWC).unwrap();
        let names: Vec<&str> = d.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["sovereign", "peace_talks"]);
        assert_eq!(d.categories[0].label, "sovereign (1)");
        assert_eq!(
            entries(&d.categories[0]),
            ["sovereign*", "territorial integrity", "truce"]
        );
        assert_eq!(entries(&d.categories[1]), ["truce", "kind of", "like"]);
        assert_eq!(d.categories[1].entries[1].line, 9);
        let skipped: Vec<(usize, usize)> = d.skipped.iter().map(|n| (n.line, n.column)).collect();
        assert_eq!(
            skipped,
            [(10, 2), (11, 6), (12, 1), (13, 7), (14, 10), (15, 1)],
            "{:#?}",
            d.skipped
        );
        assert!(d.skipped[0].message.contains("`)` is not allowed"));
        assert!(d.skipped[1].message.contains("conditional"));
        assert!(d.skipped[2].message.contains("at least 4 letters"));
        assert!(d.skipped[3].message.contains("`?` is not allowed"));
        assert!(d.skipped[4].message.contains("no such category"));
        assert!(d.skipped[5].message.contains("same entry is on line 8"));
        assert!(d.notes[0].message.contains("`empty (3)` has no entry"));
    }

    #[test]
    fn liwc_without_header_is_an_error() {
        let e = parse(Format::Liwc, "t.dic", "word\t1\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 1));
        let e = parse(Format::Liwc, "t.dic", "%\n1\tx\nword\t1\n").unwrap_err();
        assert!(e.message.contains("second `%`"), "{e}");
    }
}
