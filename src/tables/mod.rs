//! The tables computed from a tally: summary, comparison, keyness, timeline, documents, and the
//! data dictionary that describes them.
//!
//! One module per file: it declares the file's columns (a [`columns::FileSpec`]), computes its
//! rows from the [`Tally`] and the resolved [`Settings`], and writes them through
//! [`OutputSet`]. Numbers are formatted with [`crate::write::num`] (fixed decimals, an empty cell
//! for an undefined value); rows come in a fixed order that does not depend on the order of the
//! documents, nor on the number of threads.

pub mod columns;
pub mod comparison;
pub mod documents;
pub mod keyness;
pub mod summary;
pub mod timeline;

use anyhow::Result;

use crate::aggregate::{Cell, Tally};
use crate::spill::Sorted;
use crate::write::num_into;
use crate::write::OutputSet;
use columns::Names;

/// The period of `timeline.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Month,
    Year,
}

impl Period {
    /// The period of an ISO date `YYYY-MM-DD`: itself, `YYYY-MM` or `YYYY`.
    pub fn of(self, date: &str) -> &str {
        let len = match self {
            Period::Day => 10,
            Period::Month => 7,
            Period::Year => 4,
        };
        date.get(..len).unwrap_or(date)
    }
}

/// What the tables need beyond the tally, resolved from the command line.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The pairs of actor labels to compare (first, second).
    pub pairs: Vec<(String, String)>,
    /// Bootstrap replicates (0: no bootstrap intervals).
    pub bootstrap: usize,
    /// Seed of the bootstrap.
    pub seed: u64,
    pub period: Period,
    /// Also write `summary_wide.csv`.
    pub wide: bool,
}

/// Write every table and then `columns.csv`.
///
/// `documents` are the per-document records in id order (from [`crate::spill`]); the return
/// value is the corpus fingerprint computed from them (see [`documents::write`]).
pub fn write(
    out: &mut OutputSet,
    names: &Names,
    tally: &Tally,
    settings: &Settings,
    documents: &mut Sorted,
) -> Result<String> {
    let rows = summary::rows(names, tally, settings);
    summary::write(out, names, &rows)?;
    if settings.wide {
        summary::write_wide(out, names, &rows)?;
    } else {
        out.remove_stale(summary::WIDE.name);
    }
    comparison::write(out, names, tally, settings)?;
    keyness::write(out, names, tally, settings)?;
    timeline::write(out, names, tally, settings)?;
    let fingerprint = documents::write(out, names, tally, documents)?;
    let written = out.names().to_vec();
    columns::write(out, names, &written)?;
    Ok(fingerprint)
}

/// The counts of a cell as the tables write them, in the order of `summary.csv` and
/// `documents.csv`: statements, statements_with_hits, hits, score_sum, share, tokens,
/// hits_per_1k_tokens, support, oppose, mention.
pub fn cell_fields(c: &Cell) -> [String; 10] {
    let mut out: [String; 10] = Default::default();
    let mut i = 0;
    let _ = each_cell_field(c, &mut String::new(), |s| {
        out[i] = s.to_string();
        i += 1;
        Ok::<(), ()>(())
    });
    out
}

/// [`cell_fields`] one by one, each handed to `f` without allocating (`buf` is scratch).
pub fn each_cell_field<E>(
    c: &Cell,
    buf: &mut String,
    mut f: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let mut int = itoa::Buffer::new();
    let dec = |buf: &mut String, x: Option<f64>, decimals: usize| {
        buf.clear();
        num_into(buf, x, decimals);
    };
    f(int.format(c.statements))?;
    f(int.format(c.statements_with_hits))?;
    f(int.format(c.hits))?;
    dec(buf, Some(c.score_sum()), 3);
    f(buf)?;
    dec(buf, c.share(), 4);
    f(buf)?;
    f(int.format(c.tokens))?;
    dec(buf, c.hits_per_1k(), 3);
    f(buf)?;
    f(int.format(c.support))?;
    f(int.format(c.oppose))?;
    f(int.format(c.mention))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_cut_iso_dates() {
        assert_eq!(Period::Day.of("2025-12-04"), "2025-12-04");
        assert_eq!(Period::Month.of("2025-12-04"), "2025-12");
        assert_eq!(Period::Year.of("2025-12-04"), "2025");
    }
}
