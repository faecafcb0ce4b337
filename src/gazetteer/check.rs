//! Checking `actors.toml` and `attribution.toml` beyond their syntax, with the line and column
//! of every problem: reserved, empty or duplicate names, names that would match almost
//! everywhere, references to undefined actors, dates that are not dates.
//!
//! The files are read a second time into structs that keep the position of each string
//! (`toml::Spanned`); the gazetteer itself is built from the plain structs in `gazetteer.rs`.

use serde::Deserialize;
use std::collections::HashMap;
use toml::Spanned;

use crate::data::{line_col, DataError, DataFile};

type Name = Spanned<String>;

/// Words so common that a name written like this would match in almost every sentence. (A
/// lexicon may hold them: LIWC's function-word categories count exactly these.)
const COMMON_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on",
    "or", "said", "that", "the", "this", "to", "was", "were", "with",
];

#[derive(Deserialize)]
struct Actors {
    #[serde(default)]
    actor: Vec<Actor>,
    #[serde(default)]
    institution: Vec<Institution>,
    #[serde(default)]
    person: Vec<Person>,
}

#[derive(Deserialize)]
struct Actor {
    name: Name,
    #[serde(default)]
    names: Vec<Name>,
    #[serde(default)]
    demonyms: Vec<Name>,
    #[serde(default)]
    metonyms: Vec<Name>,
    #[serde(default)]
    media: Vec<Name>,
    #[serde(default)]
    places: Vec<Name>,
}

#[derive(Deserialize)]
struct Institution {
    actor: Name,
    #[serde(default)]
    aliases: Vec<Name>,
}

#[derive(Deserialize)]
struct Person {
    name: Name,
    surname: Name,
    actor: Name,
    #[serde(default)]
    aliases: Vec<Name>,
    #[serde(default)]
    from: Option<Name>,
    #[serde(default)]
    to: Option<Name>,
}

#[derive(Deserialize)]
struct Words {
    #[serde(default)]
    speech: Vec<Name>,
    #[serde(default)]
    attitude: Vec<Name>,
    #[serde(default)]
    source_markers: Vec<Name>,
    #[serde(default)]
    documents: Vec<Name>,
    #[serde(default)]
    joint: Vec<Name>,
    #[serde(default)]
    experts: Vec<Name>,
    #[serde(default)]
    pronouns: Vec<Name>,
    #[serde(default)]
    plural_pronouns: Vec<Name>,
    #[serde(default)]
    document_pronouns: Vec<Name>,
    #[serde(default)]
    release_verbs: Vec<Name>,
}

/// The error at the start of `name`.
fn at(file: &DataFile, name: &Name, message: String) -> DataError {
    let (line, column) = line_col(&file.text, name.span().start);
    DataError::new(&file.source, line, column, message)
}

fn line_of(file: &DataFile, name: &Name) -> usize {
    line_col(&file.text, name.span().start).0
}

/// A name must have at least two letters or digits, and must not be a common word.
fn check_name(file: &DataFile, name: &Name, what: &str) -> Result<(), DataError> {
    let value = name.get_ref();
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(at(
            file,
            name,
            format!("{what} is empty; remove it or write the name"),
        ));
    }
    if trimmed.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return Err(at(
            file,
            name,
            format!("{what} `{value}` is too short: it would match almost everywhere"),
        ));
    }
    if COMMON_WORDS.contains(&trimmed) {
        return Err(at(
            file,
            name,
            format!("{what} `{value}` is a common word: it would match almost everywhere"),
        ));
    }
    Ok(())
}

/// Check `actors.toml` (already known to parse).
pub fn actors(file: &DataFile) -> Result<(), DataError> {
    let Ok(raw) = toml::from_str::<Actors>(&file.text) else {
        return Ok(()); // the gazetteer's own parse reports syntax errors
    };
    let mut actors: HashMap<&str, &Name> = HashMap::new();
    for a in &raw.actor {
        let name = a.name.get_ref().as_str();
        if matches!(name, "joint" | "other" | "none") {
            return Err(at(
                file,
                &a.name,
                format!("actor name `{name}` is reserved (joint, other and none are labels of the tables)"),
            ));
        }
        check_name(file, &a.name, "actor name")?;
        if let Some(first) = actors.insert(name, &a.name) {
            return Err(at(
                file,
                &a.name,
                format!(
                    "actor `{name}` is defined twice (first on line {})",
                    line_of(file, first)
                ),
            ));
        }
        for (list, what) in [
            (&a.names, "name"),
            (&a.demonyms, "demonym"),
            (&a.metonyms, "metonym"),
            (&a.media, "media name"),
            (&a.places, "place"),
        ] {
            for n in list {
                check_name(file, n, &format!("{what} of `{name}`"))?;
            }
        }
    }
    let known = |r: &Name, what: &str| {
        if actors.contains_key(r.get_ref().as_str()) {
            Ok(())
        } else {
            Err(at(
                file,
                r,
                format!(
                    "{what} names actor `{}`, which no [[actor]] defines",
                    r.get_ref()
                ),
            ))
        }
    };
    for inst in &raw.institution {
        known(&inst.actor, "an [[institution]]")?;
        for n in &inst.aliases {
            check_name(file, n, "institution alias")?;
        }
    }
    let mut persons: HashMap<&str, &Name> = HashMap::new();
    for p in &raw.person {
        let name = p.name.get_ref().as_str();
        check_name(file, &p.name, "person name")?;
        if let Some(first) = persons.insert(name, &p.name) {
            return Err(at(
                file,
                &p.name,
                format!(
                    "person `{name}` is defined twice (first on line {}); give one entry the \
                     dates of both offices or tell them apart",
                    line_of(file, first)
                ),
            ));
        }
        check_name(file, &p.surname, &format!("surname of `{name}`"))?;
        known(&p.actor, &format!("person `{name}`"))?;
        for n in &p.aliases {
            check_name(file, n, &format!("alias of `{name}`"))?;
        }
        for d in p.from.iter().chain(&p.to) {
            if !crate::model::valid_date(d.get_ref()) {
                return Err(at(
                    file,
                    d,
                    format!(
                        "person `{name}`: `{}` is not a date (YYYY-MM-DD)",
                        d.get_ref()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Check the word lists of `attribution.toml` (already known to parse): no empty entries, none
/// without a word in it.
pub fn words(file: &DataFile) -> Result<(), DataError> {
    let Ok(raw) = toml::from_str::<Words>(&file.text) else {
        return Ok(());
    };
    for (list, key) in [
        (&raw.speech, "speech"),
        (&raw.attitude, "attitude"),
        (&raw.source_markers, "source_markers"),
        (&raw.documents, "documents"),
        (&raw.joint, "joint"),
        (&raw.experts, "experts"),
        (&raw.pronouns, "pronouns"),
        (&raw.plural_pronouns, "plural_pronouns"),
        (&raw.document_pronouns, "document_pronouns"),
        (&raw.release_verbs, "release_verbs"),
    ] {
        for w in list {
            let value = w.get_ref().trim();
            if value.is_empty() {
                return Err(at(
                    file,
                    w,
                    format!("an entry of `{key}` is empty; remove it"),
                ));
            }
            if !value.chars().any(char::is_alphanumeric) {
                return Err(at(
                    file,
                    w,
                    format!("`{value}` in `{key}` has no word: it would match every `{value}`"),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> DataFile {
        DataFile {
            name: "actors.toml".into(),
            source: "actors.toml".into(),
            text: text.into(),
        }
    }

    fn err(text: &str) -> String {
        actors(&file(text)).unwrap_err().to_string()
    }

    const CHINA: &str = "version = \"1\"\n[[actor]]\nname = \"China\"\nnames = [\"PRC\"]\n";

    #[test]
    fn the_shipped_files_pass() {
        actors(&file(include_str!("../../lexicons/actors.toml"))).unwrap();
        words(&file(include_str!("../../lexicons/attribution.toml"))).unwrap();
    }

    #[test]
    fn duplicate_and_reserved_actor_names_are_located() {
        let twice = format!("{CHINA}[[actor]]\nname = \"China\"\n");
        assert_eq!(
            err(&twice),
            "actors.toml:6:8: actor `China` is defined twice (first on line 3)"
        );
        let reserved = "version = \"1\"\n[[actor]]\nname = \"joint\"\n";
        assert!(err(reserved).starts_with("actors.toml:3:8: actor name `joint` is reserved"));
    }

    #[test]
    fn empty_and_everywhere_names_are_located() {
        let empty = format!("{CHINA}demonyms = [\"Chinese\", \"  \"]\n");
        assert_eq!(
            err(&empty),
            "actors.toml:5:24: demonym of `China` is empty; remove it or write the name"
        );
        let dot = format!(
            "{CHINA}[[institution]]\nactor = \"China\"\nrole = \"official\"\naliases = [\".\"]\n"
        );
        assert!(err(&dot).starts_with("actors.toml:8:12: institution alias `.` is too short"));
        let the = format!("{CHINA}metonyms = [\"the\"]\n");
        assert!(err(&the).contains("`the` is a common word: it would match almost everywhere"));
    }

    #[test]
    fn persons_dates_and_references_are_located() {
        let person = |extra: &str| {
            format!("{CHINA}[[person]]\nname = \"Wang Yi\"\nsurname = \"Wang\"\nactor = \"China\"\nrole = \"official\"\n{extra}")
        };
        actors(&file(&person(""))).unwrap();
        let msg = err(&person("from = \"2023-02-30\"\n"));
        assert_eq!(
            msg,
            "actors.toml:10:8: person `Wang Yi`: `2023-02-30` is not a date (YYYY-MM-DD)"
        );
        let msg = err(&person("aliases = [\"\"]\n"));
        assert!(
            msg.starts_with("actors.toml:10:12: alias of `Wang Yi` is empty"),
            "{msg}"
        );
        let twice = person("") + &person("").replace(CHINA, "");
        let msg = err(&twice);
        assert!(
            msg.starts_with(
                "actors.toml:11:8: person `Wang Yi` is defined twice (first on line 6)"
            ),
            "{msg}"
        );
        let msg = err(&person("").replace("actor = \"China\"", "actor = \"Chine\""));
        assert_eq!(
            msg,
            "actors.toml:8:9: person `Wang Yi` names actor `Chine`, which no [[actor]] defines"
        );
    }

    #[test]
    fn attribution_words_need_a_word() {
        let f = file("version = \"1\"\nspeech = [\"said\",\n  \"\"]\n");
        assert_eq!(
            words(&f).unwrap_err().to_string(),
            "actors.toml:3:3: an entry of `speech` is empty; remove it"
        );
        let f = file("version = \"1\"\njoint = [\"—\"]\n");
        assert!(words(&f).unwrap_err().to_string().contains("has no word"));
    }
}
