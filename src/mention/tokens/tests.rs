//! Tests of `tokens`.

use super::*;

#[test]
fn words_apostrophes_and_initialisms() {
    let cut = |s: &str| -> Vec<(String, bool, bool)> {
        tokenize(s)
            .into_iter()
            .map(|t| (t.norm.to_string(), t.cap, t.poss))
            .collect()
    };
    let w = |n: &str, cap: bool, poss: bool| (n.to_string(), cap, poss);
    assert_eq!(
        cut("France's call, the ministers' talks"),
        vec![
            w("france", true, true),
            w("call", false, false),
            w(",", false, false),
            w("the", false, false),
            w("ministers", false, true),
            w("talks", false, false),
        ]
    );
    assert_eq!(
        cut("O'Brien: U.S. A. Smith Beijing\u{2019}s"),
        vec![
            w("o'brien", true, false),
            w(":", false, false),
            w("u.s.", true, false),
            w("a", true, false),
            w(".", false, false),
            w("smith", true, false),
            w("beijing", true, true),
        ]
    );
    let t = tokenize("G7 x");
    assert_eq!((t[0].start, t[0].end, t[1].start, t[1].end), (0, 2, 3, 4));
}

#[test]
fn alnum_folds_like_fold() {
    let chars: Vec<char> = ('0'..='9').chain('A'..='Z').chain('a'..='z').collect();
    for len in 1..=INLINE {
        for shift in 0..chars.len() {
            let w: String = (0..len)
                .map(|k| chars[(k * 7 + shift) % chars.len()])
                .collect();
            let (a, b) = (Norm::alnum(w.as_bytes()), Norm::fold(&w));
            assert_eq!(a, b, "{w}");
            assert_eq!(a.packed(), b.packed(), "{w}");
            // Read from a longer text, with other bytes after the word.
            let text = format!("{w}Zz9{}", "Q".repeat(30));
            let c = Norm::alnum_in(text.as_bytes(), 0, w.len());
            assert_eq!(a, c, "{w}");
            assert_eq!(a.packed(), c.packed(), "{w}");
        }
    }
}
