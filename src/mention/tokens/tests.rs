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

#[test]
fn norms_compare_and_pack_like_their_forms() {
    let words: Vec<String> = ["", "a", "é", "the", "élysée", "x".repeat(15).as_str()]
        .iter()
        .map(|w| w.to_string())
        .chain((14..=24).map(|n| "y".repeat(n)))
        .chain(["ab\u{2019}cd".to_string(), "z".repeat(14) + "é"])
        .collect();
    let norms: Vec<Norm> = words.iter().map(|w| Norm::new(w)).collect();
    for (w, n) in words.iter().zip(&norms) {
        assert_eq!(n.as_str(), w);
        let packed = (1..16).contains(&w.len()).then(|| {
            let mut b = [0u8; 16];
            b[..w.len()].copy_from_slice(w.as_bytes());
            b[15] = w.len() as u8;
            u128::from_le_bytes(b)
        });
        assert_eq!(n.packed(), packed, "{w:?}");
        assert_eq!(&Norm::fold(w), &Norm::new(&fold_str(w)), "{w:?}");
        for (v, m) in words.iter().zip(&norms) {
            assert_eq!(n == m, w == v, "{w:?} {v:?}");
        }
    }
    assert_eq!(Norm::byte(b','), Norm::new(","));
}

#[test]
fn alnum_runs_end_where_the_bytes_say() {
    let texts = [
        "",
        "a",
        "abcdefgh",
        "abcdefghijklmnopq rest",
        "Zz09@[`{/:",
        "caf\u{e9} na\u{ef}ve",
        "x\u{2019}s 1234567_89 \u{7f}abc\u{80}",
    ];
    for text in texts {
        let b = text.as_bytes();
        for start in 0..=b.len() {
            let want = b[start..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .unwrap_or(b.len() - start);
            assert_eq!(alnum_run(&b[start..]), want, "{text:?} from {start}");
        }
    }
    for v in 0..=255u8 {
        for at in 0..10 {
            let mut b = [b'a'; 10];
            b[at] = v;
            let want = if v.is_ascii_alphanumeric() { 10 } else { at };
            assert_eq!(alnum_run(&b), want, "{v} at {at}");
        }
    }
}
