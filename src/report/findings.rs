//! Plain-language findings, written from the numbers of `comparison.csv` and nothing else.
//!
//! A difference is stated only when it is significant after the Benjamini–Hochberg correction
//! (`q_value` below [`ALPHA`]); otherwise the finding says there is no detectable difference,
//! which is an absence of evidence, not evidence of sameness. A row whose 2x2 table has an
//! expected count below 5 (the tables' own `note`) is called a small sample. The sentences are
//! plain text: the renderers escape them.

use crate::tables::comparison::Row;

/// The significance level of a finding, on the BH q value.
pub const ALPHA: f64 = 0.05;

/// An actor with fewer statements than this is called a small sample in the report.
pub const SMALL_N: u64 = 30;

/// One finding: the sentence and what kind of result it states.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub text: String,
    /// The difference is significant (q < [`ALPHA`]).
    pub significant: bool,
    /// The 2x2 table has an expected count below 5.
    pub small: bool,
}

/// A lexicon name as words: `international_law` -> `international law`.
pub fn topic(lexicon: &str) -> String {
    lexicon.replace('_', " ")
}

/// A share as a percentage: `21%`, `7.3%` below 10%, `0%`.
pub fn pct(share: f64) -> String {
    let p = share * 100.0;
    if p == 0.0 || p >= 9.95 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

/// A q or p value for a sentence: `0.01`, `0.004`, `< 0.001`.
pub fn pvalue(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".to_string()
    } else if p < 0.01 {
        format!("= {p:.3}")
    } else {
        format!("= {p:.2}")
    }
}

/// How many times as often: `3.1`, `12`.
fn times(r: f64) -> String {
    if r >= 9.95 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// How a holder's statements are named: (subject, possessive object), e.g. ("China's
/// statements", "China's").
pub fn whose(actor: &str) -> (String, String) {
    match actor {
        "joint" => ("joint statements".into(), "joint statements".into()),
        "other" => (
            "other speakers' statements".into(),
            "other speakers'".into(),
        ),
        "none" => (
            "unattributed sentences".into(),
            "unattributed sentences".into(),
        ),
        a if a.ends_with('s') => (format!("{a}' statements"), format!("{a}'")),
        a => (format!("{a}'s statements"), format!("{a}'s")),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The finding of one comparison row.
pub fn finding(row: &Row) -> Finding {
    let (a, b) = (&row.a, &row.b);
    let (ka, na, kb, nb) = (
        row.ca.statements_with_hits,
        row.ca.statements,
        row.cb.statements_with_hits,
        row.cb.statements,
    );
    let lex = topic(&row.lexicon);
    let small = row.min_expected.is_some_and(|e| e < 5.0);
    let significant = row.q.is_some_and(|q| q < ALPHA);
    let plain = |text: String| Finding {
        text,
        significant: false,
        small,
    };
    if na == 0 || nb == 0 {
        let missing = if na == 0 && nb == 0 {
            format!("{a} and {b} hold")
        } else if na == 0 {
            format!("{a} holds")
        } else {
            format!("{b} holds")
        };
        return plain(format!("Nothing to compare: {missing} no statements."));
    }
    if ka + kb == 0 {
        let (sa, _) = whose(a);
        let (sb, _) = whose(b);
        return plain(format!(
            "Neither {sa} nor {sb} touch on {lex} (0 of {na} and 0 of {nb})."
        ));
    }
    let (sa, sb) = (ka as f64 / na as f64, kb as f64 / nb as f64);
    let q = row.q.map(pvalue).unwrap_or_default();
    let caution = if small {
        let e = row.min_expected.unwrap_or(0.0);
        format!(" Small sample: an expected count is {e:.2} (below 5).")
    } else {
        String::new()
    };
    if !significant {
        let shares = format!(
            "{a} {} ({ka} of {na}), {b} {} ({kb} of {nb})",
            pct(sa),
            pct(sb)
        );
        // A p below the level that the correction lifts above it: say so, or p looks contradicted.
        if let Some(p) = row.fisher_p.filter(|&p| p < ALPHA) {
            return plain(format!(
                "No detectable difference once corrected for the number of comparisons: {shares}; \
                 Fisher's p {} alone, but q {q}.{caution}",
                pvalue(p)
            ));
        }
        return plain(format!(
            "No detectable difference: {shares}; q {q}.{caution}"
        ));
    }
    // The side with the larger share leads the sentence.
    let ((hi, khi, nhi, shi), (lo, klo, nlo, slo)) = if sa >= sb {
        ((a, ka, na, sa), (b, kb, nb, sb))
    } else {
        ((b, kb, nb, sb), (a, ka, na, sa))
    };
    let (hi_subject, _) = whose(hi);
    let (lo_subject, lo_object) = whose(lo);
    let text = if klo == 0 {
        format!(
            "{} touch on {lex} in {} of cases ({khi} of {nhi}), {lo_subject} never (0 of {nlo}); q {q}.{caution}",
            capitalise(&hi_subject),
            pct(shi)
        )
    } else {
        format!(
            "{} touch on {lex} {} times as often as {lo_object} ({} vs {}); q {q}.{caution}",
            capitalise(&hi_subject),
            times(shi / slo),
            pct(shi),
            pct(slo)
        )
    };
    Finding {
        text,
        significant,
        small,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::Cell;
    use crate::tables::comparison::compare;

    fn cell(with_hits: u64, statements: u64) -> Cell {
        Cell {
            statements,
            statements_with_hits: with_hits,
            ..Cell::default()
        }
    }

    fn row(ka: u64, na: u64, kb: u64, nb: u64, q: f64) -> Row {
        let mut r = compare(
            "China",
            "France",
            "ceasefire",
            cell(ka, na),
            cell(kb, nb),
            (ka + kb, na + nb),
        );
        r.q = Some(q);
        r
    }

    #[test]
    fn significant_differences_are_stated_with_the_larger_share_first() {
        let f = finding(&row(10, 100, 31, 100, 0.0123));
        assert!(f.significant && !f.small);
        assert_eq!(
            f.text,
            "France's statements touch on ceasefire 3.1 times as often as China's (31% vs 10%); q = 0.01."
        );
        let f = finding(&row(0, 200, 30, 100, 0.0004));
        assert_eq!(
            f.text,
            "France's statements touch on ceasefire in 30% of cases (30 of 100), China's statements never (0 of 200); q < 0.001."
        );
    }

    #[test]
    fn the_rest_is_no_detectable_difference_and_small_samples_say_so() {
        let f = finding(&row(6, 41, 3, 14, 0.813892));
        assert!(!f.significant && f.small);
        assert_eq!(
            f.text,
            "No detectable difference: China 15% (6 of 41), France 21% (3 of 14); q = 0.81. Small sample: an expected count is 2.29 (below 5)."
        );
        let mut r = row(0, 41, 3, 13, 0.069);
        r.fisher_p = Some(0.012);
        assert_eq!(
            finding(&r).text,
            "No detectable difference once corrected for the number of comparisons: China 0% (0 of 41), France 23% (3 of 13); Fisher's p = 0.01 alone, but q = 0.07. Small sample: an expected count is 0.72 (below 5)."
        );
        let f = finding(&row(0, 41, 0, 14, 1.0));
        assert!(f
            .text
            .starts_with("Neither China's statements nor France's statements"));
        let f = finding(&row(0, 0, 3, 14, 1.0));
        assert_eq!(f.text, "Nothing to compare: China holds no statements.");
    }

    #[test]
    fn numbers_read_as_words() {
        assert_eq!(pct(0.0), "0%");
        assert_eq!(pct(0.0732), "7.3%");
        assert_eq!(pct(0.2143), "21%");
        assert_eq!(pvalue(0.0832), "= 0.08");
        assert_eq!(pvalue(0.0041), "= 0.004");
        assert_eq!(pvalue(0.00001), "< 0.001");
        assert_eq!(topic("international_law"), "international law");
        assert_eq!(whose("United States").1, "United States'");
    }
}
