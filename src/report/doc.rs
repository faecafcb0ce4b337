//! A small document model: the report is built once as blocks of inline text, then rendered by
//! `html` and `markdown`, so the two pages say the same and each format escapes in one place.
//!
//! Every string in the model is plain text (never markup): renderers escape all of it.

/// Inline text.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Em(String),
    /// A name from the tool itself (a file, a column, an option), shown as code.
    Code(String),
    /// Matched words in a quoted statement.
    Mark(String),
    /// A link to a file of the report or a section (`#id`).
    Link {
        text: String,
        href: String,
    },
}

/// A line of inline pieces.
pub type Line = Vec<Inline>;

/// A chart as a figure: the files `charts/{name}.png|svg`, with the SVG for inline use.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub name: String,
    pub title: String,
    pub about: String,
    pub svg: String,
}

/// One quoted statement and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteItem {
    pub text: Line,
    pub cite: Line,
}

/// A block of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading; level 1 is the title. `id` is the anchor (empty for none).
    Heading {
        level: u8,
        id: String,
        text: String,
    },
    Para(Line),
    List(Vec<Line>),
    Table {
        head: Vec<String>,
        /// Right-aligned (numeric) columns.
        numeric: Vec<bool>,
        rows: Vec<Vec<Line>>,
    },
    Figure(Figure),
    Quotes(Vec<QuoteItem>),
    /// A command to type.
    Code(String),
}

/// Shorthands for building lines.
pub fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

pub fn strong(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}

pub fn em(s: impl Into<String>) -> Inline {
    Inline::Em(s.into())
}

pub fn code(s: impl Into<String>) -> Inline {
    Inline::Code(s.into())
}

pub fn para(line: Line) -> Block {
    Block::Para(line)
}

pub fn heading(level: u8, id: &str, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        id: id.to_string(),
        text: text.into(),
    }
}

/// A table cell of plain text.
pub fn cell(s: impl Into<String>) -> Line {
    vec![text(s)]
}
