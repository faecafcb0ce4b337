//! The checks behind `stancecmp lexicon check`: malformed lines, duplicate entries, entries that
//! a glob of their own lexicon already covers, and entries that never match a corpus.
//!
//! Matching questions are answered by the code `analyze` uses: `score::variants` for the
//! spellings an entry stands for, and the `Scorer` over the split corpus for what matches, so
//! folding, hyphen variants and longest-match-wins count exactly as they do in the reports.

use rayon::prelude::*;
use std::collections::HashMap;

use crate::data::{self, DataError, DataFile};
use crate::fold::is_word_char;
use crate::lexicon::{self, Entry, Lexicon};
use crate::model::Document;
use crate::score::{variants, Scorer};
use crate::split::Splitter;
use crate::stance::CueSet;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A line the parser refuses (an error: `analyze` would stop).
    Malformed,
    /// Two entries matching the same text, in one lexicon or in two.
    Duplicate,
    /// An entry a glob of the same lexicon already matches.
    Shadowed,
    /// An entry with no match in the corpus.
    Unmatched,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Malformed,
        Kind::Duplicate,
        Kind::Shadowed,
        Kind::Unmatched,
    ];

    /// The `kind` column of the CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Malformed => "malformed",
            Kind::Duplicate => "duplicate",
            Kind::Shadowed => "shadowed",
            Kind::Unmatched => "unmatched",
        }
    }

    /// The heading of the plain report.
    pub fn heading(self) -> &'static str {
        match self {
            Kind::Malformed => "malformed lines",
            Kind::Duplicate => "duplicate entries",
            Kind::Shadowed => "entries shadowed by a glob",
            Kind::Unmatched => "entries that never match",
        }
    }
}

/// One problem or warning, located in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    pub lexicon: String,
    /// The entry as written (for a malformed line: the line without its comment).
    pub entry: String,
    pub file: String,
    /// 1-based; 0 for the file as a whole.
    pub line: usize,
    /// 1-based column of a malformed line's problem; 0 otherwise.
    pub column: usize,
    pub detail: String,
}

impl Finding {
    fn about(kind: Kind, lex: &Lexicon, e: &Entry, detail: String) -> Finding {
        Finding {
            kind,
            lexicon: lex.name.clone(),
            entry: e.display(),
            file: lex.source.clone(),
            line: e.line,
            column: 0,
            detail,
        }
    }

    /// One line for people: `file:line[:column]: what`.
    pub fn plain(&self) -> String {
        let at = match (self.line, self.column) {
            (0, _) => self.file.clone(),
            (l, 0) => format!("{}:{l}", self.file),
            (l, c) => format!("{}:{l}:{c}", self.file),
        };
        match self.kind {
            Kind::Malformed => format!("{at}: {}", self.detail),
            _ => format!("{at}: {} `{}`: {}", self.lexicon, self.entry, self.detail),
        }
    }
}

/// Everything `check` found, in file order within each kind.
#[derive(Debug)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub lexicons: usize,
    pub entries: usize,
    pub documents: usize,
}

impl Report {
    pub fn count(&self, kind: Kind) -> usize {
        self.findings.iter().filter(|f| f.kind == kind).count()
    }

    /// `6 lexicons, 496 entries, 5 documents: 0 malformed, ...`.
    pub fn summary(&self) -> String {
        let counts: Vec<String> = Kind::ALL
            .iter()
            .map(|&k| format!("{} {}", self.count(k), k.as_str()))
            .collect();
        let n =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{}, {}, {}: {}",
            n(self.lexicons, "lexicon", "lexicons"),
            n(self.entries, "entry", "entries"),
            n(self.documents, "document", "documents"),
            counts.join(", ")
        )
    }
}

/// Check the `.lex` files among `files` against the corpus `docs` (on the current rayon pool).
/// Fails only when `stance.toml` is unusable; problems in lexicons are findings.
pub fn check(files: &[DataFile], docs: &[Document]) -> Result<Report, DataError> {
    let mut findings = Vec::new();
    let mut lexicons: Vec<Lexicon> = Vec::new();
    for f in files.iter().filter(|f| f.name.ends_with(".lex")) {
        let (lex, mut errors) = lexicon::parse_all(f);
        let name = lex.as_ref().map_or_else(
            || f.name.trim_end_matches(".lex").to_string(),
            |l| l.name.clone(),
        );
        errors.sort_by_key(|e| e.line);
        for e in errors {
            let entry = match e.line {
                0 => String::new(),
                l => f
                    .text
                    .lines()
                    .nth(l - 1)
                    .unwrap_or("")
                    .split('#')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string(),
            };
            findings.push(Finding {
                kind: Kind::Malformed,
                lexicon: name.clone(),
                entry,
                file: f.source.clone(),
                line: e.line,
                column: e.column,
                detail: e.message,
            });
        }
        let Some(lex) = lex else { continue };
        if let Some(other) = lexicons.iter().find(|l| l.name == lex.name) {
            let (line, column) = crate::lexicon::name_position(f);
            findings.push(Finding {
                kind: Kind::Malformed,
                lexicon: name,
                entry: String::new(),
                file: f.source.clone(),
                line,
                column,
                detail: format!(
                    "lexicon name `{}` is already used by {}",
                    lex.name, other.source
                ),
            });
            continue;
        }
        lexicons.push(lex);
    }
    lexicons.sort_by(|a, b| a.name.cmp(&b.name));
    findings.extend(duplicates(&lexicons));
    findings.extend(shadowed(&lexicons));
    let cues = CueSet::parse(data::get(files, "stance.toml"))?;
    let splitter = Splitter::new(&data::get(files, "abbreviations.txt").text);
    findings.extend(unmatched(&lexicons, &cues, &splitter, docs));
    Ok(Report {
        findings,
        lexicons: lexicons.len(),
        entries: lexicons.iter().map(|l| l.entries.len()).sum(),
        documents: docs.len(),
    })
}

/// Entries whose spellings (folded, hyphen variants) meet an earlier entry's: the first one of
/// their own lexicon (the scorer gives it the match), else the first one of another lexicon.
fn duplicates(lexicons: &[Lexicon]) -> Vec<Finding> {
    // Per spelling, the first entry of each lexicon that has it.
    let mut owners: HashMap<(String, bool), Vec<(usize, usize)>> = HashMap::new();
    let mut out = Vec::new();
    for (li, lex) in lexicons.iter().enumerate() {
        for (ei, e) in lex.entries.iter().enumerate() {
            let (mut same, mut other) = (None, None);
            for v in variants(&e.text) {
                let o = owners.entry((v, e.glob)).or_default();
                match o.iter().find(|(l, _)| *l == li) {
                    Some(&first) => same = same.or(Some(first)),
                    None => {
                        other = other.or(o.first().copied());
                        o.push((li, ei));
                    }
                }
            }
            let earlier = same.or(other).filter(|&o| o != (li, ei));
            if let Some((lj, ej)) = earlier {
                let (other, oe) = (&lexicons[lj], &lexicons[lj].entries[ej]);
                let detail = if lj == li {
                    format!(
                        "matches the same text as `{}` (line {}), which takes the match",
                        oe.display(),
                        oe.line
                    )
                } else {
                    format!(
                        "also in {} as `{}` ({}:{}): a match counts in both",
                        other.name,
                        oe.display(),
                        other.source,
                        oe.line
                    )
                };
                out.push(Finding::about(Kind::Duplicate, lex, e, detail));
            }
        }
    }
    out
}

/// Entries every spelling of which a glob of the same lexicon matches: `sovereignty` under
/// `sovereign*` (the glob runs on to the end of the word, so it matches the same text).
fn shadowed(lexicons: &[Lexicon]) -> Vec<Finding> {
    let mut out = Vec::new();
    for lex in lexicons {
        let mut globs: HashMap<String, usize> = HashMap::new();
        for (gi, g) in lex.entries.iter().enumerate().filter(|(_, g)| g.glob) {
            for v in variants(&g.text) {
                globs.entry(v).or_insert(gi);
            }
        }
        if globs.is_empty() {
            continue;
        }
        for (ei, e) in lex.entries.iter().enumerate() {
            // A glob covering `v`: a prefix of `v` that leaves only word characters after it.
            let cover = |v: &String| {
                let from = v
                    .char_indices()
                    .rfind(|(_, c)| !is_word_char(*c))
                    .map_or(0, |(p, c)| p + c.len_utf8());
                (from..=v.len())
                    .filter(|&k| v.is_char_boundary(k) && !(e.glob && k == v.len()))
                    .find_map(|k| globs.get(&v[..k]).copied().filter(|&g| g != ei))
            };
            let vs = variants(&e.text);
            let covers: Vec<Option<usize>> = vs.iter().map(cover).collect();
            if let Some(Some(g)) = covers.iter().all(Option::is_some).then(|| covers[0]) {
                let g = &lex.entries[g];
                let detail = format!("already matched by `{}` (line {})", g.display(), g.line);
                out.push(Finding::about(Kind::Shadowed, lex, e, detail));
            }
        }
    }
    out
}

/// Entries with no match in the corpus, scored statement by statement as `analyze` does.
fn unmatched(
    lexicons: &[Lexicon],
    cues: &CueSet,
    splitter: &Splitter,
    docs: &[Document],
) -> Vec<Finding> {
    if lexicons.is_empty() {
        return Vec::new();
    }
    let scorer = Scorer::new(lexicons);
    let hits: Vec<(usize, usize)> = docs
        .par_iter()
        .flat_map_iter(|d| {
            let segments = splitter.split(&d.text, d.body_start);
            let matches = segments
                .iter()
                .flat_map(|s| scorer.score(cues, &d.text, s.start, s.end));
            matches.map(|m| (m.lexicon, m.entry)).collect::<Vec<_>>()
        })
        .collect();
    let mut counts: Vec<Vec<usize>> = lexicons.iter().map(|l| vec![0; l.entries.len()]).collect();
    for (l, e) in hits {
        counts[l][e] += 1;
    }
    let detail = match docs.len() {
        1 => "no match in the 1 document".to_string(),
        n => format!("no match in the {n} documents"),
    };
    let mut out = Vec::new();
    for (lex, c) in lexicons.iter().zip(&counts) {
        for (e, _) in lex.entries.iter().zip(c).filter(|(_, n)| **n == 0) {
            out.push(Finding::about(Kind::Unmatched, lex, e, detail.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, body: &str) -> DataFile {
        DataFile {
            name: format!("{name}.lex"),
            source: format!("{name}.lex"),
            text: format!("name: {name}\nversion: 1\ndescription: d\n---\n{body}"),
        }
    }

    fn lex(name: &str, body: &str) -> Lexicon {
        lexicon::parse(&file(name, body)).unwrap()
    }

    fn found(f: &[Finding]) -> Vec<(String, String, usize)> {
        f.iter()
            .map(|f| (f.lexicon.clone(), f.entry.clone(), f.line))
            .collect()
    }

    #[test]
    fn duplicates_by_spelling_within_and_across_lexicons() {
        let a = lex("a", "cease-fire\ntruce\n");
        let b = lex("b", "Truce\nceasefire\n");
        let f = duplicates(&[a, b]);
        assert_eq!(
            found(&f),
            [
                ("b".into(), "Truce".into(), 5),
                ("b".into(), "ceasefire".into(), 6)
            ]
        );
        assert_eq!(
            f[0].detail,
            "also in a as `truce` (a.lex:6): a match counts in both"
        );
        let f = duplicates(&[lex("c", "ceasefire\ncease-fire\n")]);
        assert_eq!(found(&f), [("c".into(), "cease-fire".into(), 6)]);
        assert_eq!(f.len(), 1, "{f:#?}");
        // Within a lexicon, the clash that costs matches is reported even when an earlier
        // lexicon has the same spelling.
        let a = lex("a", "cease-fire\n");
        let b = lex("b", "ceasefire\ncease-fire\n");
        let f = duplicates(&[a, b]);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f[0].detail.starts_with("also in a as `cease-fire`"));
        assert_eq!(
            f[1].detail,
            "matches the same text as `ceasefire` (line 5), which takes the match"
        );
    }

    #[test]
    fn globs_shadow_longer_words_not_phrases() {
        let l = lex(
            "s",
            "sovereign*\nsovereignty\nsovereign equality\nsovereignt*\nsovereign\ncease-fire\nceasefir*\n",
        );
        let f = shadowed(&[l]);
        let got: Vec<&str> = f.iter().map(|f| f.entry.as_str()).collect();
        assert_eq!(got, ["sovereignty", "sovereignt*", "sovereign"]);
        assert_eq!(f[0].detail, "already matched by `sovereign*` (line 5)");
    }

    #[test]
    fn malformed_lines_are_all_reported_and_the_rest_is_checked() {
        let bad = file("bad", "good entry\nfo(o\nbar | x\ngood entry\n");
        let files = crate::data::load(None).unwrap();
        let mut files: Vec<DataFile> = files
            .into_iter()
            .filter(|f| !f.name.ends_with(".lex"))
            .collect();
        files.push(bad);
        let docs = vec![crate::read::document_from_text(
            "d",
            "d",
            "A good entry here.".into(),
            None,
        )];
        let r = check(&files, &docs).unwrap();
        let malformed: Vec<(usize, usize)> = r
            .findings
            .iter()
            .filter(|f| f.kind == Kind::Malformed)
            .map(|f| (f.line, f.column))
            .collect();
        assert_eq!(malformed, [(6, 3), (7, 6), (8, 1)]);
        assert_eq!(r.count(Kind::Unmatched), 0);
        assert_eq!((r.lexicons, r.entries), (1, 1));
    }
}
