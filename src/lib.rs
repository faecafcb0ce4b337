//! stancecmp: compare the stated positions of actors in news and diplomatic text.
//!
//! The pipeline, one module per stage: `read` -> `split` -> `attribute` -> `score` ->
//! `aggregate` -> `write`. `pipeline` runs the stages over a corpus; `chart` draws the charts and
//! `report` writes `report.html` and `report.md` from the tables; `data`, `lexicon`,
//! `gazetteer` and `stance` load the editable data files.

pub mod aggregate;
pub mod attribute;
pub mod chart;
pub mod cli;
pub mod cmd;
pub mod data;
pub mod fold;
pub mod gazetteer;
pub mod import;
pub mod lexcheck;
pub mod lexicon;
pub mod mention;
pub mod model;
pub mod packed;
pub mod partial;
pub mod pipeline;
pub mod progress;
pub mod read;
pub mod report;
pub mod score;
pub mod spill;
pub mod split;
pub mod stance;
pub mod stats;
pub mod swar;
pub mod tables;
pub mod write;
