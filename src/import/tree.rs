//! Quanteda-style category dictionaries in YAML or JSON: a mapping from category names to lists
//! of entries, possibly nested. Both are read into one small tree that keeps each entry's line and
//! column, so that a skipped entry can be pointed at.

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::Node;
use crate::data::{line_col, DataError};

/// YAML, read with saphyr, which keeps every node's line and column.
pub(super) fn yaml(source: &str, text: &str) -> Result<Node, DataError> {
    use saphyr::{LoadableYamlNode, MarkedYaml};
    let docs = MarkedYaml::load_from_str(text).map_err(|e| {
        let m = e.marker();
        DataError::new(
            source,
            m.line(),
            m.col() + 1,
            format!("invalid YAML: {}", e.info()),
        )
    })?;
    let lines: Vec<&str> = text.lines().collect();
    let root = docs.into_iter().next();
    match root.map(|r| yaml_node(&lines, r)) {
        Some(Ok(node @ Node::Map(_))) => Ok(node),
        Some(Err((line, col, msg))) => Err(DataError::new(source, line, col, msg)),
        _ => Err(DataError::new(source, 1, 1, TOP_LEVEL)),
    }
}

const TOP_LEVEL: &str = "the top level must be a mapping from category names to lists of entries";

fn yaml_node(lines: &[&str], node: saphyr::MarkedYaml) -> Result<Node, (usize, usize, String)> {
    use saphyr::{Scalar, YamlData};
    let (line, col0) = (node.span.start.line(), node.span.start.col());
    // Point inside a quoted scalar, at its first character.
    let quoted = lines
        .get(line.wrapping_sub(1))
        .and_then(|l| l.chars().nth(col0))
        .is_some_and(|c| c == '"' || c == '\'');
    let col = col0 + 1 + usize::from(quoted);
    Ok(match node.data {
        YamlData::Mapping(map) => {
            let mut pairs = Vec::new();
            for (k, v) in map {
                let (kl, kc) = (k.span.start.line(), k.span.start.col() + 1);
                let Node::Text(_, _, key) = yaml_node(lines, k)? else {
                    return Err((kl, kc, "a category name must be a plain string".into()));
                };
                pairs.push((key, yaml_node(lines, v)?));
            }
            Node::Map(pairs)
        }
        YamlData::Sequence(items) => Node::List(
            items
                .into_iter()
                .map(|n| yaml_node(lines, n))
                .collect::<Result<_, _>>()?,
        ),
        YamlData::Value(Scalar::Null) => Node::Null(line, col),
        YamlData::Value(Scalar::String(s)) => Node::Text(line, col, s.into_owned()),
        YamlData::Value(Scalar::Boolean(b)) => Node::Text(line, col, b.to_string()),
        YamlData::Value(Scalar::Integer(n)) => Node::Text(line, col, n.to_string()),
        YamlData::Value(Scalar::FloatingPoint(f)) => Node::Text(line, col, f.to_string()),
        YamlData::Representation(s, ..) => Node::Text(line, col, s.into_owned()),
        YamlData::Tagged(_, inner) => yaml_node(lines, *inner)?,
        YamlData::Alias(_) | YamlData::BadValue => {
            return Err((
                line,
                col,
                "YAML aliases and unreadable values are not supported".into(),
            ))
        }
    })
}

/// JSON, read with serde_json; raw values borrowed from `text` give each node's position.
pub(super) fn json(source: &str, text: &str) -> Result<Node, DataError> {
    let err = |e: serde_json::Error| {
        DataError::new(source, e.line(), e.column(), format!("invalid JSON: {e}"))
    };
    let root: &RawValue = serde_json::from_str(text).map_err(err)?;
    match json_node(text, root).map_err(err)? {
        node @ Node::Map(_) => Ok(node),
        _ => {
            let (line, col) = line_col(text, offset(text, root));
            Err(DataError::new(source, line, col, TOP_LEVEL))
        }
    }
}

fn offset(text: &str, raw: &RawValue) -> usize {
    raw.get().as_ptr() as usize - text.as_ptr() as usize
}

fn json_node(text: &str, raw: &RawValue) -> Result<Node, serde_json::Error> {
    let s = raw.get();
    let (line, col) = line_col(text, offset(text, raw));
    Ok(match s.as_bytes().first() {
        Some(b'{') => {
            let Pairs(pairs) = serde_json::from_str(s)?;
            let nodes = pairs.into_iter().map(|(k, v)| Ok((k, json_node(text, v)?)));
            Node::Map(nodes.collect::<Result<_, serde_json::Error>>()?)
        }
        Some(b'[') => {
            let items: Vec<&RawValue> = serde_json::from_str(s)?;
            let nodes = items.into_iter().map(|v| json_node(text, v));
            Node::List(nodes.collect::<Result<_, _>>()?)
        }
        Some(b'"') => Node::Text(line, col + 1, serde_json::from_str(s)?),
        Some(b'n') => Node::Null(line, col),
        _ => Node::Text(line, col, s.to_string()),
    })
}

/// A JSON object's members in file order, values left raw.
struct Pairs<'a>(Vec<(String, &'a RawValue)>);

impl<'de> serde::Deserialize<'de> for Pairs<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Pairs<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut v = Vec::new();
                while let Some(pair) = map.next_entry::<String, &'de RawValue>()? {
                    v.push(pair);
                }
                Ok(Pairs(v))
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn entries(c: &Category) -> Vec<String> {
        c.entries.iter().map(|e| e.display()).collect()
    }

    const YAML: &str = "# a comment\neconomy:\n  trade:\n    - tariff*\n    - trade deficit\n    - \"export?\"\n  growth: [gdp, growth]\nSécurité:\n  - ceasefire\n  - '(war|conflict)'\n  - nested:\n      - peacekeeping\nempty:\n";

    #[test]
    fn yaml_1_2_keeps_no_and_on_as_words() {
        let d = parse(
            Format::Yaml,
            "t.yaml",
            "negation: [no, never, 'on', yes, 2024]\n",
        )
        .unwrap();
        assert_eq!(
            entries(&d.categories[0]),
            ["no", "never", "on", "yes", "2024"]
        );
    }

    #[test]
    fn yaml_nested_categories_flatten_with_underscores() {
        let d = parse(Format::Yaml, "t.yaml", YAML).unwrap();
        let got: Vec<(String, Vec<String>)> = d
            .categories
            .iter()
            .map(|c| (c.name.clone(), entries(c)))
            .collect();
        let want = [
            ("economy_trade", vec!["tariff*", "trade deficit"]),
            ("economy_growth", vec!["gdp", "growth"]),
            ("securite", vec!["ceasefire"]),
            ("securite_nested", vec!["peacekeeping"]),
        ];
        let want: Vec<(String, Vec<String>)> = want
            .iter()
            .map(|(n, e)| (n.to_string(), e.iter().map(|s| s.to_string()).collect()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(d.categories[0].label, "economy > trade");
        assert_eq!(d.categories[0].entries[1].line, 5);
        let skipped: Vec<(usize, usize)> = d.skipped.iter().map(|n| (n.line, n.column)).collect();
        // `export?`: the `?` is the 7th character inside the quotes opened at column 7.
        assert_eq!(skipped, [(6, 14), (10, 6)], "{:#?}", d.skipped);
        assert!(d.notes.iter().any(|n| n.message.contains("`empty`")));
    }

    #[test]
    fn json_keeps_file_order_and_positions() {
        let json = "{\n  \"economy\": {\"trade\": [\"tariff*\", \"trade deficit\", \"*trade\"]},\n  \"Diplomacy & Talks\": [\"dialogue\", \"summit*\"],\n  \"n\": 3\n}\n";
        let d = parse(Format::Json, "t.json", json).unwrap();
        let names: Vec<&str> = d.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["economy_trade", "diplomacy_talks"]);
        assert_eq!(entries(&d.categories[1]), ["dialogue", "summit*"]);
        assert_eq!(d.categories[1].entries[0].line, 3);
        assert_eq!(d.skipped.len(), 2, "{:#?}", d.skipped);
        assert_eq!((d.skipped[0].line, d.skipped[0].column), (2, 54));
        assert!(d.skipped[1].message.contains("too short"));
        let e = parse(Format::Json, "t.json", "{\"a\": [\"x\",]}").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.starts_with("invalid JSON"), "{e}");
        let e = parse(Format::Json, "t.json", "[\"a\"]").unwrap_err();
        assert!(e.message.contains("top level"), "{e}");
    }
}
