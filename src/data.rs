//! The data files stancecmp runs on: embedded defaults, replaced file by file from a folder.
//!
//! Lexicons, the actor gazetteer and the cue lists live in `lexicons/` as text a person can edit.
//! They are compiled into the binary so it works from any directory; `--lexicons DIR` (or a
//! `lexicons/` folder in the working directory) overrides them by file name.

use std::fmt;
use std::path::{Path, PathBuf};

/// One data file: where it came from (for messages) and its text.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// File name, e.g. `sovereignty.lex`.
    pub name: String,
    /// Path for messages: the real path, or `<embedded>/lexicons/NAME`.
    pub source: String,
    /// The file's text.
    pub text: String,
}

/// The default data files, compiled in.
const EMBEDDED: &[(&str, &str)] = &[
    ("actors.toml", include_str!("../lexicons/actors.toml")),
    (
        "attribution.toml",
        include_str!("../lexicons/attribution.toml"),
    ),
    ("stance.toml", include_str!("../lexicons/stance.toml")),
    (
        "abbreviations.txt",
        include_str!("../lexicons/abbreviations.txt"),
    ),
    ("stopwords.txt", include_str!("../lexicons/stopwords.txt")),
    ("autonomy.lex", include_str!("../lexicons/autonomy.lex")),
    (
        "bloc_confrontation.lex",
        include_str!("../lexicons/bloc_confrontation.lex"),
    ),
    ("ceasefire.lex", include_str!("../lexicons/ceasefire.lex")),
    (
        "international_law.lex",
        include_str!("../lexicons/international_law.lex"),
    ),
    (
        "multilateralism.lex",
        include_str!("../lexicons/multilateralism.lex"),
    ),
    (
        "sovereignty.lex",
        include_str!("../lexicons/sovereignty.lex"),
    ),
];

/// The embedded seed corpus: (file name, text), in file-name order.
pub const SEEDS: &[(&str, &str)] = &[
    (
        "000_acc10550ab9d5e7c.txt",
        include_str!("../seeds/000_acc10550ab9d5e7c.txt"),
    ),
    (
        "001_71454d89d5d8332c.txt",
        include_str!("../seeds/001_71454d89d5d8332c.txt"),
    ),
    (
        "002_a5f290b71727a79a.txt",
        include_str!("../seeds/002_a5f290b71727a79a.txt"),
    ),
    (
        "003_8edb6b4773bf86b6.txt",
        include_str!("../seeds/003_8edb6b4773bf86b6.txt"),
    ),
    (
        "004_58614de2f9aa669e.txt",
        include_str!("../seeds/004_58614de2f9aa669e.txt"),
    ),
];

/// A problem in a data file, located to the line and column (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        DataError {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    /// Wrap a TOML parse error, keeping its position.
    pub fn from_toml(file: &DataFile, err: &toml::de::Error) -> Self {
        let (line, column) = err
            .span()
            .map(|s| line_col(&file.text, s.start))
            .unwrap_or((0, 0));
        DataError::new(&file.source, line, column, err.message().trim().to_string())
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}: {}", self.file, self.message),
            (l, 0) => write!(f, "{}:{}: {}", self.file, l, self.message),
            (l, c) => write!(f, "{}:{}:{}: {}", self.file, l, c, self.message),
        }
    }
}

impl std::error::Error for DataError {}

/// 1-based line and column (in chars) of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// All data files in effect: the embedded ones, each replaced by `dir/NAME` when that exists,
/// plus any extra `*.lex` file in `dir`. Sorted by name.
pub fn load(dir: Option<&Path>) -> Result<Vec<DataFile>, DataError> {
    let mut files: Vec<DataFile> = EMBEDDED
        .iter()
        .map(|(name, text)| DataFile {
            name: name.to_string(),
            source: format!("<embedded>/lexicons/{name}"),
            text: text.to_string(),
        })
        .collect();
    if let Some(dir) = dir {
        let shown = dir.display().to_string();
        let entries = std::fs::read_dir(dir).map_err(|e| {
            DataError::new(&shown, 0, 0, format!("cannot read the lexicon folder: {e}"))
        })?;
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            let known = files.iter().position(|f| f.name == name);
            if known.is_none() && !name.ends_with(".lex") {
                continue;
            }
            let source = path.display().to_string();
            let bytes = std::fs::read(&path)
                .map_err(|e| DataError::new(&source, 0, 0, format!("cannot read: {e}")))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                DataError::new(
                    &source,
                    0,
                    0,
                    format!("not UTF-8 (first bad byte at offset {at}); save the file as UTF-8"),
                )
            })?;
            let file = DataFile { name, source, text };
            match known {
                Some(i) => files[i] = file,
                None => files.push(file),
            }
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// The file called `name` (it always exists: every required name is embedded).
pub fn get<'a>(files: &'a [DataFile], name: &str) -> &'a DataFile {
    files
        .iter()
        .find(|f| f.name == name)
        .expect("every required data file is embedded")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
    }

    #[test]
    fn folder_overrides_by_name_and_adds_lexicons() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("ceasefire.lex"), "x").unwrap();
        std::fs::write(dir.path().join("extra.lex"), "y").unwrap();
        std::fs::write(dir.path().join("notes.md"), "ignored").unwrap();
        let files = load(Some(dir.path())).unwrap();
        assert_eq!(get(&files, "ceasefire.lex").text, "x");
        assert_eq!(get(&files, "extra.lex").text, "y");
        assert!(files.iter().all(|f| f.name != "notes.md"));
        assert!(get(&files, "sovereignty.lex")
            .source
            .starts_with("<embedded>"));
    }
}
