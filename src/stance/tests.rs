//! Tests of `stance`.

use super::*;

fn cues() -> CueSet {
    let text = r#"
version = "t"
[not_negators]
words = ["no matter", "not only"]
[negators]
words = ["not", "no", "never", "without", "n't"]
[support]
cues = ["called for", "call for", "supports", "respect", "urged", "join"]
[oppose]
cues = ["rejected", "opposed"]
[breach]
cues = ["violated"]
[intensifiers]
firmly = 1.5
[hedges]
may = 0.5
"#;
    CueSet::parse(&DataFile {
        name: "s".into(),
        source: "s".into(),
        text: text.into(),
    })
    .unwrap()
}

fn judge(sentence: &str, target: &str) -> Decision {
    let c = cues();
    let f = fold_str(sentence);
    let s = f.find(target).unwrap();
    c.scan(&f).judge(s, s + target.len())
}

#[test]
fn clause_ends_as_a_search_for_the_chars_finds_them() {
    const HARD: &[char] = &[
        '.', ';', ':', '!', '?', '(', ')', '[', ']', '\u{2014}', '\u{2013}',
    ];
    for text in [
        "a. b; c: d! e? (f) [g] h \u{2014} i \u{2013} j \u{2012} k \u{00e2}\u{0080} l",
        "—x–",
        "plain",
    ] {
        let bytes = text.as_bytes();
        for s in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let want = text[..s].rfind(HARD).map_or(0, |p| p + 1);
            let got = (0..s)
                .rev()
                .find(|&i| hard_at(&bytes[..s], i))
                .map_or(0, |p| p + 1);
            assert_eq!(got, want, "{text:?} ..{s}");
            let want = text[s..].find(HARD).map_or(text.len(), |p| s + p);
            let got = (s..bytes.len())
                .find(|&i| hard_at(bytes, i))
                .unwrap_or(bytes.len());
            assert_eq!(got, want, "{text:?} {s}..");
        }
    }
}

#[test]
fn cues_and_negation() {
    assert_eq!(
        judge("China called for a ceasefire.", "ceasefire").stance,
        Stance::Support
    );
    assert_eq!(
        judge("Moscow rejected the ceasefire.", "ceasefire").stance,
        Stance::Oppose
    );
    let d = judge(
        "Xi did not respond to France's call for a ceasefire, but said more",
        "ceasefire",
    );
    assert_eq!(
        (d.stance, d.negator.as_deref()),
        (Stance::Oppose, Some("not"))
    );
    assert_eq!(
        judge("They didn't call for a ceasefire", "ceasefire").stance,
        Stance::Oppose
    );
    assert_eq!(
        judge("a war without a ceasefire", "ceasefire").stance,
        Stance::Oppose
    );
    assert_eq!(
        judge("The ceasefire was discussed.", "ceasefire").stance,
        Stance::Mention
    );
    assert_eq!(
        judge("the truce was violated", "truce").stance,
        Stance::Oppose
    );
    assert_eq!(
        judge(
            "No matter how things change, respect sovereignty",
            "sovereignty"
        )
        .stance,
        Stance::Support
    );
    assert_eq!(
        judge("No matter how things change, sovereignty", "sovereignty").stance,
        Stance::Mention
    );
}

#[test]
fn double_negative_supports_the_principle() {
    let d = judge(
        "Beijing rejected claims that China had violated Ukraine's sovereignty",
        "sovereignty",
    );
    assert_eq!(d.stance, Stance::Support);
    assert_eq!(d.cue.as_deref(), Some("violated"));
    assert_eq!(d.negator.as_deref(), Some("rejected"));
    assert_eq!(
        judge("Russia has not violated the sovereignty", "sovereignty").stance,
        Stance::Support
    );
}

#[test]
fn scope_ends_at_clause_boundaries_and_scales() {
    // The negation belongs to the first clause only.
    let d = judge("Xi did not respond; he urged a ceasefire", "ceasefire");
    assert_eq!(d.stance, Stance::Support);
    let d = judge("He did not travel, but firmly called for a truce", "truce");
    assert_eq!((d.stance, d.scale), (Stance::Support, 1.5));
    assert_eq!(
        judge("France may respect sovereignty", "sovereignty").scale,
        0.5
    );
}
