//! Tests of `split`.

use super::*;

#[test]
fn find_any_finds_the_first_needle_as_a_byte_loop_would() {
    let text = "0123456789abcdef\n.!?\r…xyz\u{00e2}\u{ff}".repeat(3);
    let bytes = text.as_bytes();
    for from in 0..bytes.len() {
        for to in from..=bytes.len() {
            let b = &bytes[from..to];
            for needles in [[b'\n', b'\r', 0, 0], [b'.', b'!', b'?', 0xE2]] {
                let want = b.iter().position(|x| needles.contains(x));
                assert_eq!(find_any(b, needles), want, "{from}..{to}");
            }
        }
    }
}

const ABBREVIATIONS: &str = include_str!("../../lexicons/abbreviations.txt");
const SEED_000: &str = include_str!("../../seeds/000_acc10550ab9d5e7c.txt");
const SEED_001: &str = include_str!("../../seeds/001_71454d89d5d8332c.txt");
const SEED_002: &str = include_str!("../../seeds/002_a5f290b71727a79a.txt");
const SEED_003: &str = include_str!("../../seeds/003_8edb6b4773bf86b6.txt");
const SEED_004: &str = include_str!("../../seeds/004_58614de2f9aa669e.txt");

/// The seeds with the offset their body starts at (after a leading ` date YYYY-MM-DD `).
fn seeds() -> Vec<(&'static str, usize)> {
    [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004]
        .into_iter()
        .map(|text| (text, body_start(text)))
        .collect()
}

fn body_start(text: &str) -> usize {
    match text.strip_prefix(" date ") {
        Some(rest) if rest.len() > 11 && rest.as_bytes()[10] == b' ' => 17,
        _ => 0,
    }
}

fn splitter() -> Splitter {
    Splitter::new(ABBREVIATIONS)
}

/// Statements of `text` as (text, heading) pairs.
fn statements(text: &str, from: usize) -> Vec<(&str, bool)> {
    let segs = splitter().split(text, from);
    segs.iter()
        .map(|s| (&text[s.start..s.end], s.heading))
        .collect()
}

/// Statement texts only.
fn texts(text: &str) -> Vec<&str> {
    statements(text, 0).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn splits_at_full_stops_question_and_exclamation_marks() {
    let text = "China agreed. Did France agree? Yes! It did.";
    assert_eq!(
        texts(text),
        ["China agreed.", "Did France agree?", "Yes!", "It did."]
    );
}

#[test]
fn abbreviations_do_not_end_sentences() {
    let text =
        "Mr. Macron met Gen. Li on Feb. 24 in room No. 3 of the U.N. He left. Dr. Wu stayed.";
    assert_eq!(
        texts(text),
        [
            "Mr. Macron met Gen. Li on Feb. 24 in room No. 3 of the U.N. He left.",
            "Dr. Wu stayed."
        ]
    );
    assert_eq!(
        texts("MR. MACRON spoke. He left."),
        ["MR. MACRON spoke.", "He left."]
    );
    // A lower-case word only matches a lower-case entry: "no." is not "No.".
    assert_eq!(
        texts("The answer was no. The talks ended."),
        ["The answer was no.", "The talks ended."]
    );
    assert_eq!(
        texts("Cars, trucks, etc. are taxed. Fine."),
        ["Cars, trucks, etc. are taxed.", "Fine."]
    );
}

#[test]
fn initialisms_and_initials_stay_inside_the_sentence() {
    assert_eq!(
        texts("U.S.-China tensions rose. Talks followed."),
        ["U.S.-China tensions rose.", "Talks followed."]
    );
    assert_eq!(
        texts("Talks with the U.S. Treasury went on."),
        ["Talks with the U.S. Treasury went on."]
    );
    // A closing quote after the initialism closes the sentence.
    assert_eq!(
        texts("It was “made in the U.S.” Then it sold."),
        ["It was “made in the U.S.”", "Then it sold."]
    );
    assert_eq!(
        texts("Visitors from Washington, D.C. Arrived."),
        ["Visitors from Washington, D.C. Arrived."]
    );
    assert_eq!(
        texts("J. Smith and A. B. Jones spoke. Then"),
        ["J. Smith and A. B. Jones spoke.", "Then"]
    );
    // At the end of a line an initialism ends the sentence.
    assert_eq!(
        statements("He flew to the U.S.\nThen he left.", 0),
        [("He flew to the U.S.", false), ("Then he left.", false)]
    );
}

#[test]
fn numbers_urls_and_lower_case_continuations_do_not_end_sentences() {
    let text =
        "Growth was 3.5 percent, 1.7 times more. China will give $100 million. Page 2. 3 more.";
    assert_eq!(
        texts(text),
        [
            "Growth was 3.5 percent, 1.7 times more.",
            "China will give $100 million.",
            "Page 2. 3 more."
        ]
    );
    let text = "See example.com or mail a.b@example.org today. Sectors, e.g. AI, grew. Done.";
    assert_eq!(
        texts(text),
        [
            "See example.com or mail a.b@example.org today.",
            "Sectors, e.g. AI, grew.",
            "Done."
        ]
    );
    assert_eq!(
        texts("It fell vs. the euro. Done."),
        ["It fell vs. the euro.", "Done."]
    );
}

#[test]
fn ellipsis_ends_a_sentence_only_before_a_capital_or_the_paragraph_end() {
    let text =
        "raise the banner of multilateralism... and firmly stand. He paused... Then spoke… Later…";
    assert_eq!(
        texts(text),
        [
            "raise the banner of multilateralism... and firmly stand.",
            "He paused...",
            "Then spoke…",
            "Later…"
        ]
    );
    assert_eq!(texts("Wait… and see. OK."), ["Wait… and see.", "OK."]);
}

#[test]
fn closing_quotes_and_brackets_stay_with_the_sentence() {
    let text = "“We support each other.” Then he left. (It rained.) She said 'fine.' Why?";
    assert_eq!(
        texts(text),
        [
            "“We support each other.”",
            "Then he left.",
            "(It rained.)",
            "She said 'fine.'",
            "Why?"
        ]
    );
    assert_eq!(
        texts("“Why?” he asked. “Now!” she said."),
        ["“Why?” he asked.", "“Now!” she said."]
    );
    assert_eq!(
        texts("He said: “Yes.” “No,” she said."),
        ["He said: “Yes.”", "“No,” she said."]
    );
}

#[test]
fn unpunctuated_lines_are_headings() {
    let text = "🇨🇳🇫🇷 Beijing and Paris Strengthen Ties\nWang spoke. Bonne agreed.\nLeave a Reply";
    assert_eq!(
        statements(text, 0),
        [
            ("🇨🇳🇫🇷 Beijing and Paris Strengthen Ties", true),
            ("Wang spoke.", false),
            ("Bonne agreed.", false),
            ("Leave a Reply", true),
        ]
    );
}

#[test]
fn unpunctuated_tail_after_sentences_or_of_a_long_line_is_prose() {
    assert_eq!(
        statements("One. Two without stop", 0),
        [("One.", false), ("Two without stop", false)]
    );
    let long = "Zhuo and Li agreed that the role of China has become increasingly prominent today";
    assert_eq!(statements(long, 0), [(long, false)]);
    let short = "Zhuo and Li agreed that the role of China has become";
    assert_eq!(statements(short, 0), [(short, true)]);
}

#[test]
fn a_line_continues_when_the_next_starts_lower_case_or_it_ends_open() {
    let text = "The minister met his counterpart\non Monday. Experts agreed.";
    assert_eq!(
        statements(text, 0),
        [
            ("The minister met his counterpart\non Monday.", false),
            ("Experts agreed.", false)
        ]
    );
    for text in [
        "Macron, Xi,\nWang met.",
        "The Sino-\nFrench talks ended.",
        "He said “\nWe agree.”",
        "He said \"\nWe agree.\"",
        "Wang said:\n“We agree.”",
    ] {
        assert_eq!(statements(text, 0), [(text, false)], "{text:?}");
    }
    // A colon before an unquoted line, a closing quote, a rule of dashes and a blank line
    // all separate.
    assert_eq!(
        texts("End.\n---\nTrade grew."),
        ["End.", "---", "Trade grew."]
    );
    assert_eq!(
        texts("Key points:\nTrade grew."),
        ["Key points:", "Trade grew."]
    );
    assert_eq!(
        texts("He said “yes”\nTrade grew."),
        ["He said “yes”", "Trade grew."]
    );
    assert_eq!(
        statements("Macron said,\n\nTrade grew.", 0),
        [("Macron said,", true), ("Trade grew.", false)]
    );
}

#[test]
fn crlf_and_lone_cr_end_lines() {
    for text in [
        "Title\r\nBody one. Body two.\r\n\r\nEnd",
        "Title\rBody one. Body two.\r\rEnd",
    ] {
        assert_eq!(
            statements(text, 0),
            [
                ("Title", true),
                ("Body one.", false),
                ("Body two.", false),
                ("End", true)
            ]
        );
    }
    assert_eq!(
        texts("The talks\r\nended. Fine."),
        ["The talks\r\nended.", "Fine."]
    );
}

#[test]
fn offsets_are_absolute_and_start_at_from() {
    let text = " date 2025-12-04 BEIJING: Talks began. They ended.";
    let segs = splitter().split(text, 17);
    assert_eq!(
        segs[0],
        Segment {
            start: 17,
            end: 38,
            heading: false
        }
    );
    assert_eq!(&text[segs[1].start..segs[1].end], "They ended.");
    assert!(splitter().split(text, text.len()).is_empty());
    assert!(splitter().split(text, text.len() + 5).is_empty());
    assert!(splitter().split("  \n\r\n \t ", 0).is_empty());
    // A `from` inside a character moves to the next character.
    assert_eq!(splitter().split("é. Ok.", 1)[0].start, 2);
}

#[test]
fn abbreviation_file_parsing_ignores_comments_and_blank_lines() {
    let s = Splitter::new("# titles\n\n  Mr.  # mister\nU.S.\n");
    assert!(s.exact.contains("Mr.") && s.exact.contains("U.S.") && s.exact.len() == 2);
    assert!(s.folded.contains("mr.") && s.folded.len() == 1);
}

#[test]
fn large_single_line_inputs_split_in_linear_time() {
    let n = 400_000;
    let started = std::time::Instant::now();
    // Statements longer than MAX_STATEMENT are cut into pieces.
    let pieces = |len: usize| len.div_ceil(MAX_STATEMENT);
    let dots = "a.".repeat(n);
    assert_eq!(splitter().split(&dots, 0).len(), pieces(2 * n));
    let word = "x".repeat(4 * n) + ". Yes.";
    assert_eq!(splitter().split(&word, 0).len(), pieces(4 * n + 1) + 1);
    let sentences = "It is 3.5 U.S. Mr. No. 4. It ended… “Quote.” ".repeat(n / 20);
    assert_eq!(splitter().split(&sentences, 0).len(), 3 * n / 20);
    let closers = ".”".repeat(n) + " ".repeat(n).as_str() + "!";
    assert_eq!(splitter().split(&closers, 0).len(), pieces(4 * n) + 1);
    let words = "word ".repeat(n);
    let st = statements(&words, 0);
    assert!(st
        .iter()
        .all(|(s, heading)| s.len() <= MAX_STATEMENT && !heading));
    let joined: Vec<&str> = st.iter().map(|(s, _)| *s).collect();
    assert_eq!(joined.join(" "), words.trim_end());
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn seed_001_headings() {
    let st = statements(SEED_001, 0);
    assert!(st.contains(&(
        "🇨🇳🇫🇷 Beijing and Paris Strengthen Diplomatic Coordination",
        true
    )));
    assert!(st.contains(&(
        "⚙️ Expanding Cooperation: Energy, Technology, and Innovation",
        true
    )));
    assert_eq!(st.last(), Some(&("Leave a Reply", true)));
    assert!(st.contains(&(
        "Bonne, for his part, reaffirmed France’s interest in maintaining independent diplomacy and \
         fostering constructive engagement with China, especially in the context of mounting \
         U.S.-China tensions.",
        false
    )));
    assert!(st.contains(&(
        "“We hope France will continue to provide strong political guarantees for the steady \
         development of China-France relations.”",
        false
    )));
    assert_eq!(st.iter().filter(|s| s.1).count(), 6);
}

#[test]
fn seed_002_caption_and_wrapped_first_sentence() {
    let st = statements(SEED_002, 0);
    assert_eq!(st[0], ("China France Photo:VCG", true));
    assert_eq!(
        st[1],
        ("China's Defense Minister visited France and held talks with his French counterpart\non Monday.", false)
    );
    assert!(st[2]
        .0
        .starts_with("Experts told the Global Times that the visit holds positive"));
    assert!(st.contains(&(
        "Citing the French defense ministry, Reuters earlier reported that Lecornu would host Dong \
         in Paris on Monday, adding that the two would discuss topics such as European security, \
         the Middle East and the \"Indo-Pacific.\"",
        false
    )));
    assert_eq!(st.iter().filter(|s| s.1).count(), 1);
    assert!(st
        .last()
        .unwrap()
        .0
        .ends_with("China's role has become increasingly prominent."));
}

#[test]
fn seed_003_quotations_with_attribution() {
    let from = body_start(SEED_003);
    assert_eq!(&SEED_003[..from], " date 2025-12-04 ");
    let st = statements(SEED_003, from);
    assert!(st[0].0.starts_with("BEIJING: China and France pledged"));
    assert!(st.contains(&(
        "“I hope that China will join our call, our efforts to achieve, as soon as possible, at the \
         very least a ceasefire in the form of a moratorium on strikes targeting critical \
         infrastructure,” he added.",
        false
    )));
    let no_matter = st
        .iter()
        .find(|s| s.0.starts_with("“No matter how"))
        .unwrap();
    assert!(no_matter.0.ends_with("major critical issues,” he said."));
    let last = st.last().unwrap().0;
    assert!(last.starts_with("“China and France should") && last.ends_with("history,” he added."));
    assert!(st
        .iter()
        .any(|s| s.0.ends_with("each side's “independence.”")));
    assert!(st.iter().all(|s| !s.1));
    assert_eq!(st.len(), 11);
}

#[test]
fn seed_004_section_headings() {
    let st = statements(SEED_004, body_start(SEED_004));
    let headings: Vec<&str> = st.iter().filter(|s| s.1).map(|s| s.0).collect();
    assert_eq!(
        headings,
        [
            "Strengthening Sino-French Relations",
            "Addressing Global and Regional Security",
            "Economic Rebalancing and Sustainable Trade"
        ]
    );
    assert!(st.contains(&(
        "Sejourne's mention of 'economic rebalancing' hints at a desire to ensure trade between the \
         two nations remains 'healthy and sustainable.'",
        false
    )));
}

#[test]
fn seed_000_is_plain_prose() {
    let st = statements(SEED_000, 0);
    assert!(st.iter().all(|s| !s.1));
    assert_eq!(st.len(), 14);
    assert!(st.last().unwrap().0.ends_with("rules-based order."));
}

#[test]
fn seed_statements_are_ordered_trimmed_and_cover_the_text() {
    for (text, from) in seeds() {
        let segs = splitter().split(text, from);
        let mut covered = vec![false; text.len()];
        let mut prev_end = from;
        for s in &segs {
            assert!(
                prev_end <= s.start && s.start < s.end && s.end <= text.len(),
                "{s:?}"
            );
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let body = &text[s.start..s.end];
            assert_eq!(body, body.trim(), "{s:?}");
            covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
            prev_end = s.end;
        }
        for (i, c) in text[from..].char_indices() {
            assert!(
                c.is_whitespace() || covered[from + i],
                "uncovered {c:?} at {}",
                from + i
            );
        }
    }
}

/// `cargo test --lib split::tests::print_seed_statements -- --nocapture` shows every split.
#[test]
fn print_seed_statements() {
    for (n, (text, from)) in seeds().into_iter().enumerate() {
        for (body, heading) in statements(text, from) {
            println!("{n:03} {} {body:?}", if heading { "H" } else { "S" });
        }
    }
}

#[test]
fn overlong_statements_are_cut_at_white_space() {
    let words = "peace talks and dialogue without end ".repeat(500);
    let segs = splitter().split(&words, 0);
    assert!(segs.len() > 1);
    assert!(segs.iter().all(|s| s.end - s.start <= MAX_STATEMENT));
    let joined: Vec<&str> = segs.iter().map(|s| &words[s.start..s.end]).collect();
    assert_eq!(joined.join(" "), words.trim_end());
    // One huge word is cut at char boundaries.
    let word = "é".repeat(5000);
    let segs = splitter().split(&word, 0);
    assert_eq!(segs.len(), 3);
    assert_eq!((segs[0].start, segs[0].end), (0, MAX_STATEMENT));
    assert_eq!(segs[2].end, word.len());
}
