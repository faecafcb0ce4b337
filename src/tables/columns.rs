//! The data dictionary: every column of every file, described once.
//!
//! Each table declares its columns as a [`FileSpec`] next to the code that fills them; the header
//! of every written file is built from its spec, `columns.csv` is written from the specs, and the
//! README's data dictionary is rendered from them ([`markdown`]; a test fails when the README
//! section is out of date). So the names, their order and their descriptions cannot drift apart.
//!
//! A column name may hold a placeholder: `{lexicon}` stands for every lexicon name, `{actor}` for
//! every actor label. A run of consecutive `{lexicon}` columns repeats as a group for each
//! lexicon (`ceasefire_hits`, `ceasefire_score`, `ceasefire_stance`, then the next lexicon); an
//! `{actor}` column repeats on its own for each actor (`share_China`, `share_France`, ... then the
//! next measure), so the actors sit side by side.

use anyhow::Result;

use crate::pipeline::Config;
use crate::write::{self, OutputSet};

/// One column: its name (maybe with a placeholder) and one sentence about it.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub about: &'static str,
}

/// A column (a `const fn`, so specs can be constants).
pub const fn col(name: &'static str, about: &'static str) -> Column {
    Column { name, about }
}

/// One output file: its name, what a row is, and its columns in order.
#[derive(Debug, Clone, Copy)]
pub struct FileSpec {
    pub name: &'static str,
    /// What one row is, e.g. "one row per statement".
    pub title: &'static str,
    /// Which rows there are and in which order.
    pub about: &'static str,
    pub columns: &'static [Column],
}

/// The names that placeholders stand for in one run.
#[derive(Debug, Clone)]
pub struct Names {
    pub lexicons: Vec<String>,
    pub actors: Vec<String>,
}

impl Names {
    /// The lexicons and actor labels of `cfg`, in table order.
    pub fn new(cfg: &Config) -> Names {
        Names {
            lexicons: cfg.lexicons.iter().map(|l| l.name.clone()).collect(),
            actors: write::actor_labels(cfg),
        }
    }

    /// The placeholders as the README shows them.
    fn generic() -> Names {
        Names {
            lexicons: vec!["NAME".into()],
            actors: vec!["ACTOR".into()],
        }
    }
}

impl FileSpec {
    /// The columns with their placeholders filled in: (name, description), in file order.
    pub fn expand(&self, names: &Names) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let fill = |c: &Column, key: &str, value: &str| {
            (c.name.replace(key, value), c.about.replace(key, value))
        };
        let mut i = 0;
        while i < self.columns.len() {
            let c = &self.columns[i];
            if c.name.contains("{lexicon}") {
                let group: Vec<&Column> = self.columns[i..]
                    .iter()
                    .take_while(|c| c.name.contains("{lexicon}"))
                    .collect();
                for l in &names.lexicons {
                    out.extend(group.iter().map(|c| fill(c, "{lexicon}", l)));
                }
                i += group.len();
                continue;
            }
            if c.name.contains("{actor}") {
                out.extend(names.actors.iter().map(|a| fill(c, "{actor}", a)));
            } else {
                out.push((c.name.to_string(), c.about.to_string()));
            }
            i += 1;
        }
        out
    }

    /// The header row.
    pub fn header(&self, names: &Names) -> Vec<String> {
        self.expand(names).into_iter().map(|(n, _)| n).collect()
    }
}

/// `columns.csv`: the columns.
pub const COLUMNS: FileSpec = FileSpec {
    name: "columns.csv",
    title: "the data dictionary",
    about: "One row per column of every file written in the same run (this one included), files in the order they were written and columns in file order, with lexicon and actor names filled in.",
    columns: &[
        col("file", "The file name."),
        col("column", "The column name, as in the file's header."),
        col("description", "What the column holds, in one sentence."),
    ],
};

/// Every file `analyze` can write, in the order it writes them.
pub fn all() -> [&'static FileSpec; 9] {
    use super::{comparison, documents, keyness, summary, timeline};
    [
        &write::STATEMENTS,
        &write::MATCHES,
        &summary::SPEC,
        &summary::WIDE,
        &comparison::SPEC,
        &keyness::SPEC,
        &timeline::SPEC,
        &documents::SPEC,
        &COLUMNS,
    ]
}

/// Write `columns.csv` for the files `written` (by name; `columns.csv` itself is added).
pub fn write(out: &mut OutputSet, names: &Names, written: &[String]) -> Result<()> {
    let mut rows = Vec::new();
    for spec in all() {
        if spec.name == COLUMNS.name || written.iter().any(|w| w == spec.name) {
            for (column, about) in spec.expand(names) {
                rows.push(vec![spec.name.to_string(), column, plain(&about)]);
            }
        }
    }
    out.table(COLUMNS.name, &COLUMNS.header(names), rows)
}

/// A description without Markdown code marks, for the CSV.
fn plain(s: &str) -> String {
    s.replace('`', "")
}

/// The README's data dictionary: one section per file with a table of its columns.
pub fn markdown() -> String {
    let names = Names::generic();
    let mut s = String::new();
    for spec in all() {
        s.push_str(&format!(
            "### `{}` — {}\n\n{}\n\n| column | meaning |\n| --- | --- |\n",
            spec.name, spec.title, spec.about
        ));
        for (column, about) in spec.expand(&names) {
            s.push_str(&format!(
                "| `{}` | {} |\n",
                column,
                about.replace('|', "\\|")
            ));
        }
        s.push('\n');
    }
    s.trim_end().to_string() + "\n"
}

/// The markers around the generated section of the README.
pub const README_BEGIN: &str =
    "<!-- data dictionary: generated from src/tables (columns::markdown); do not edit by hand -->";
pub const README_END: &str = "<!-- end of data dictionary -->";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_expand_by_lexicon_group_and_by_actor() {
        let names = Names {
            lexicons: vec!["a".into(), "b".into()],
            actors: vec!["X".into(), "Y".into()],
        };
        let h = write::STATEMENTS.header(&names);
        let tail: Vec<&str> = h[h.len() - 6..].iter().map(String::as_str).collect();
        assert_eq!(
            tail,
            ["a_hits", "a_score", "a_stance", "b_hits", "b_score", "b_stance"]
        );
        let h = super::super::summary::WIDE.header(&names);
        assert_eq!(
            h[..5],
            [
                "lexicon",
                "statements_X",
                "statements_Y",
                "statements_with_hits_X",
                "statements_with_hits_Y"
            ]
        );
        let (_, about) = &write::STATEMENTS.expand(&names)[14];
        assert!(about.contains("lexicon a "), "{about}");
    }

    #[test]
    fn every_column_is_described_once_per_file() {
        let names = Names {
            lexicons: vec!["a".into(), "b".into()],
            actors: vec!["X".into(), "Y".into()],
        };
        for spec in all() {
            let cols = spec.expand(&names);
            let mut seen = std::collections::BTreeSet::new();
            for (c, about) in &cols {
                assert!(seen.insert(c.clone()), "{}: {c} twice", spec.name);
                assert!(about.ends_with('.'), "{}: {c}: one sentence", spec.name);
                assert!(!about.contains('{'), "{}: {c}: {about}", spec.name);
                assert!(
                    c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'),
                    "{}: {c}",
                    spec.name
                );
            }
        }
    }

    /// The README's data dictionary is `markdown()`. Run with `STANCECMP_UPDATE_README=1` to
    /// rewrite the section after changing a column.
    #[test]
    fn readme_data_dictionary_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        let readme = std::fs::read_to_string(&path).unwrap();
        let start = readme
            .find(README_BEGIN)
            .expect("README has the begin marker")
            + README_BEGIN.len();
        let end = readme.find(README_END).expect("README has the end marker");
        let want = format!("\n\n{}\n", markdown());
        if readme[start..end] == want {
            return;
        }
        if std::env::var_os("STANCECMP_UPDATE_README").is_some() {
            let new = format!("{}{}{}", &readme[..start], want, &readme[end..]);
            std::fs::write(&path, new).unwrap();
            return;
        }
        panic!(
            "the README's data dictionary is out of date: run \
             `STANCECMP_UPDATE_README=1 cargo test readme_data_dictionary` and commit README.md"
        );
    }
}
