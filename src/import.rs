//! Reading dictionaries made for other tools, so that they can become topic lexicons: LIWC `.dic`
//! files and quanteda-style category dictionaries in YAML or JSON.
//!
//! Each category becomes one lexicon. Every entry goes through the same check as a line of a
//! `.lex` file; one the format cannot hold (a `?` wildcard, a `*` that is not at the end, a regular
//! expression, a one-letter word) is skipped and reported with its line and column, never dropped
//! silently. The format readers are `import/liwc.rs` and `import/tree.rs` (YAML and JSON); this
//! file turns what they read into named categories.

use std::collections::HashMap;

use crate::data::DataError;
use crate::fold::fold_str;
use crate::lexicon::{entry_from_text, Entry};

mod liwc;
mod tree;

/// A dictionary format stancecmp can import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Liwc,
    Yaml,
    Json,
}

impl Format {
    /// The format a file name's extension names (`.dic`, `.yaml`/`.yml`, `.json`).
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "dic" => Some(Format::Liwc),
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// How descriptions name the format.
    pub fn label(self) -> &'static str {
        match self {
            Format::Liwc => "LIWC .dic dictionary",
            Format::Yaml => "quanteda-style YAML dictionary",
            Format::Json => "quanteda-style JSON dictionary",
        }
    }
}

/// One category of an imported dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// The category as the dictionary names it: `posemo (31)`, `economy > trade`.
    pub label: String,
    /// A valid lexicon name, unique in the dictionary: `posemo`, `economy_trade`.
    pub name: String,
    /// The entries, each with its line in the imported file.
    pub entries: Vec<Entry>,
}

/// Something the reader of an import should know, at a line and column (1-based; 0 if none).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// An imported dictionary.
#[derive(Debug, Default)]
pub struct Dictionary {
    pub categories: Vec<Category>,
    /// Entries (or, in LIWC, entry-to-category links) that were not imported, and why.
    pub skipped: Vec<Notice>,
    /// Other remarks: renamed or empty categories.
    pub notes: Vec<Notice>,
}

/// Parse the dictionary `text`; `source` names it in errors.
pub fn parse(format: Format, source: &str, text: &str) -> Result<Dictionary, DataError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut b = Builder::default();
    match format {
        Format::Liwc => liwc::parse(source, text, &mut b)?,
        Format::Yaml => b.tree(tree::yaml(source, text)?, &[]),
        Format::Json => b.tree(tree::json(source, text)?, &[]),
    }
    Ok(b.finish())
}

impl Category {
    /// The `.lex` file for this category, named `name` (the import's prefix may change it).
    pub fn to_lex(&self, name: &str, file_name: &str, format: Format) -> String {
        let clean = |s: &str| {
            s.replace('#', "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut out = format!(
            "# Imported by `stancecmp lexicon import` from {}.\nname: {name}\nversion: imported\n\
             description: Imported from {} ({}), category {}.\n---\n",
            clean(file_name),
            clean(file_name),
            format.label(),
            clean(&self.label),
        );
        for e in &self.entries {
            out.push_str(&e.display());
            out.push('\n');
        }
        out
    }
}

/// A dictionary read from YAML or JSON, before it is flattened into categories.
enum Node {
    /// Categories (or subcategories) by name, in file order.
    Map(Vec<(String, Node)>),
    /// A category's entries (and maps of subcategories among them).
    List(Vec<Node>),
    /// An entry at a 1-based line and column.
    Text(usize, usize, String),
    /// An empty value at a line and column.
    Null(usize, usize),
}

/// A category being filled: its path of names, its label for descriptions, its entries.
struct Raw {
    path: Vec<String>,
    label: String,
    entries: Vec<Entry>,
}

#[derive(Default)]
struct Builder {
    cats: Vec<Raw>,
    /// Per category: folded entry and glob flag -> line, to skip repeats.
    seen: Vec<HashMap<(String, bool), usize>>,
    skipped: Vec<Notice>,
    notes: Vec<Notice>,
}

impl Builder {
    fn category(&mut self, path: Vec<String>, label: String) -> usize {
        self.cats.push(Raw {
            path,
            label,
            entries: Vec::new(),
        });
        self.seen.push(HashMap::new());
        self.cats.len() - 1
    }

    fn skip(&mut self, line: usize, column: usize, message: String) {
        self.skipped.push(Notice {
            line,
            column,
            message,
        });
    }

    /// Add `text`, found at `line:column`, to the categories `cats`, if the format can hold it.
    fn entry(&mut self, cats: &[usize], text: &str, line: usize, column: usize) {
        let names = || {
            let n: Vec<&str> = cats.iter().map(|&c| self.cats[c].label.as_str()).collect();
            n.join(", ")
        };
        let entry = match entry_from_text(text) {
            Ok(e) => e,
            Err((col, msg)) => {
                let m = format!("skipped `{}` ({}): {msg}", text.trim(), names());
                return self.skip(line, column + col - 1, m);
            }
        };
        let key = (fold_str(&entry.text), entry.glob);
        for &c in cats {
            if let Some(first) = self.seen[c].get(&key) {
                let m = format!(
                    "skipped `{}` ({}): the same entry is on line {first}",
                    text.trim(),
                    self.cats[c].label
                );
                self.skip(line, column, m);
                continue;
            }
            self.seen[c].insert(key.clone(), line);
            self.cats[c].entries.push(Entry {
                line,
                ..entry.clone()
            });
        }
    }

    /// Flatten a YAML/JSON node found under the category path `path`.
    fn tree(&mut self, node: Node, path: &[String]) {
        let label = path.join(" > ");
        match node {
            Node::Map(pairs) => {
                for (key, value) in pairs {
                    let mut p = path.to_vec();
                    p.push(key);
                    self.tree(value, &p);
                }
            }
            Node::List(items) => {
                let c = self.category(path.to_vec(), label);
                self.items(c, items);
            }
            Node::Text(line, col, text) => {
                let c = self.category(path.to_vec(), label);
                self.entry(&[c], &text, line, col);
            }
            Node::Null(..) => {
                self.category(path.to_vec(), label);
            }
        }
    }

    /// The items of a category's list: entries, nested lists, and maps of subcategories.
    fn items(&mut self, c: usize, items: Vec<Node>) {
        for item in items {
            match item {
                Node::Text(line, col, text) => self.entry(&[c], &text, line, col),
                Node::List(inner) => self.items(c, inner),
                Node::Null(line, col) => {
                    let m = format!("skipped an empty entry ({})", self.cats[c].label);
                    self.skip(line, col, m)
                }
                map @ Node::Map(_) => {
                    let path = self.cats[c].path.clone();
                    self.tree(map, &path)
                }
            }
        }
    }

    /// Name the categories, drop the empty ones, and hand over the dictionary.
    fn finish(mut self) -> Dictionary {
        let mut used: HashMap<String, usize> = HashMap::new();
        let mut categories = Vec::new();
        for (i, raw) in std::mem::take(&mut self.cats).into_iter().enumerate() {
            let Raw {
                path,
                label,
                entries,
            } = raw;
            if entries.is_empty() {
                self.notes.push(Notice {
                    line: 0,
                    column: 0,
                    message: format!("category `{label}` has no entry to import: no file"),
                });
                continue;
            }
            let parts: Vec<String> = path.iter().map(|p| lexicon_name(p)).collect();
            let mut name = parts
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("_");
            if name.is_empty() {
                name = format!("category_{}", i + 1);
            }
            let n = used.entry(name.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                let renamed = format!("{name}_{n}");
                self.notes.push(Notice {
                    line: entries[0].line,
                    column: 0,
                    message: format!("category `{label}` is named `{renamed}`: `{name}` is taken"),
                });
                name = renamed;
            }
            categories.push(Category {
                label,
                name,
                entries,
            });
        }
        Dictionary {
            categories,
            skipped: self.skipped,
            notes: self.notes,
        }
    }
}

/// A lexicon name from a category name: folded, every run of other characters as one `_`.
pub fn lexicon_name(label: &str) -> String {
    let mut out = String::new();
    for c in fold_str(label).chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_folded_and_unique() {
        assert_eq!(lexicon_name("Négation / Déni"), "negation_deni");
        assert_eq!(lexicon_name("  --  "), "");
        let d = parse(Format::Yaml, "t.yaml", "Posemo: [happy]\nposemo: [glad]\n").unwrap();
        let names: Vec<&str> = d.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["posemo", "posemo_2"]);
        assert!(d.notes[0].message.contains("`posemo_2`"));
    }

    #[test]
    fn written_lexicons_parse_back() {
        let yaml = "economy:\n  trade: [tariff*, trade deficit]\n";
        let d = parse(Format::Yaml, "my#dict.yaml", yaml).unwrap();
        let text = d.categories[0].to_lex("economy_trade", "my#dict.yaml", Format::Yaml);
        let file = crate::data::DataFile {
            name: "economy_trade.lex".into(),
            source: "economy_trade.lex".into(),
            text,
        };
        let lex = crate::lexicon::parse(&file).unwrap();
        assert_eq!(lex.version, "imported");
        assert_eq!(
            lex.description,
            "Imported from mydict.yaml (quanteda-style YAML dictionary), category economy > trade."
        );
        assert_eq!(lex.entries.len(), 2);
    }
}
