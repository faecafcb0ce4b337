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

use crate::aggregate::Tally;
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
pub fn write(out: &mut OutputSet, names: &Names, tally: &Tally, settings: &Settings) -> Result<()> {
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
    documents::write(out, names, tally)?;
    let written = out.names().to_vec();
    columns::write(out, names, &written)
}

/// The bootstrap seed of one (actor, lexicon) cell: the run's seed mixed with a hash of the two
/// names, so every cell draws its own stream and the numbers do not depend on which cells are
/// computed, in which order or on which thread.
///
/// The hash is 64-bit FNV-1a over `actor`, a 0xFF byte (never in UTF-8) and `lexicon`; the mix is
/// one SplitMix64 step of `seed ^ hash`. Both are fixed, portable definitions.
pub fn cell_seed(seed: u64, actor: &str, lexicon: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = actor.bytes().chain([0xff]).chain(lexicon.bytes());
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    crate::stats::Rng::new(seed ^ h).next_u64()
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

    #[test]
    fn cell_seeds_differ_by_cell_and_seed() {
        // The independent Python of scripts/tables_reference.py (FNV-1a, then SplitMix64).
        assert_eq!(cell_seed(1, "China", "ceasefire"), 2479740618433235182);
        assert_eq!(cell_seed(7, "France", "ceasefire"), 7862409305725891027);
        let a = cell_seed(1, "China", "ceasefire");
        assert_eq!(a, cell_seed(1, "China", "ceasefire"));
        assert_ne!(a, cell_seed(2, "China", "ceasefire"));
        assert_ne!(a, cell_seed(1, "France", "ceasefire"));
        assert_ne!(a, cell_seed(1, "China", "sovereignty"));
        assert_ne!(cell_seed(1, "ab", "c"), cell_seed(1, "a", "bc"));
    }
}
