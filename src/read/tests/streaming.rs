//! The stream gives the same documents as the whole-file reader ([`super::whole`]), for every
//! format, and reads a large file line by line.

use std::io::Write;

use proptest::prelude::*;

use super::whole::whole;
use super::*;

type Read = Result<(Vec<Document>, Vec<String>), ReadError>;

/// Documents and warnings of the stream over one file on disk; the first error, if any.
fn streamed(path: &Path, opts: &ReadOptions) -> Read {
    let mut warnings = Vec::new();
    let docs = stream(&[Input::Path(path.to_path_buf())], opts, |w| {
        warnings.push(w.to_string())
    })
    .collect::<Result<Vec<_>, _>>()?;
    Ok((docs, warnings))
}

/// Write `bytes` as `name`, read it streamed and whole: both results.
fn both(name: &str, bytes: &[u8], opts: &ReadOptions) -> (Read, Read) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, bytes);
    let format = Format::of(&path).unwrap();
    let streamed = streamed(&path, opts);
    (streamed, whole(&display(&path), bytes, format, opts))
}

/// The same documents and the same warnings, or the same error.
fn same(name: &str, bytes: &[u8], opts: &ReadOptions) -> Vec<Document> {
    match both(name, bytes, opts) {
        (Ok(s), Ok(w)) => {
            assert_eq!(s, w, "{name}");
            s.0
        }
        (Err(s), Err(w)) => {
            assert_eq!(s.to_string(), w.to_string(), "{name}");
            Vec::new()
        }
        (s, w) => panic!("{name}: streamed {s:?}, whole {w:?}"),
    }
}

/// The same documents; the warnings may differ (invalid bytes are reported per line).
fn same_documents(name: &str, bytes: &[u8], opts: &ReadOptions) -> (Vec<String>, Vec<String>) {
    let (s, w) = both(name, bytes, opts);
    let (s, w) = (s.unwrap(), w.unwrap());
    assert_eq!(s.0, w.0, "{name}");
    (s.1, w.1)
}

const JSONL: &str = "{\"id\": \"a\", \"text\": \"date 2025-01-02\\nChina said so.\", \"x\": 1}\n\
                     \n  \n{\"id\": 7, \"text\": \"été “quoted”\", \"date\": \"2025-03-04T10:00\"}\n\
                     {\"id\": \"c\", \"text\": \"\", \"date\": \"03/04/2025\", \"src\": \"AFP\"}";

#[test]
fn jsonl_lf_crlf_bom_and_no_final_newline() {
    let docs = same("a.jsonl", JSONL.as_bytes(), &ReadOptions::default());
    assert_eq!(docs.len(), 3);
    assert!(docs[2].source.ends_with("a.jsonl:5"), "{}", docs[2].source);
    let crlf = JSONL.replace('\n', "\r\n");
    assert_eq!(same("b.jsonl", crlf.as_bytes(), &skip_bad()).len(), 3);
    let bom = [b"\xEF\xBB\xBF", JSONL.as_bytes(), b"\n"].concat();
    assert_eq!(same("c.ndjson", &bom, &ReadOptions::default()).len(), 3);
    // Under --strict the bad date is the error, at the same line.
    same("d.jsonl", JSONL.as_bytes(), &strict());
}

#[test]
fn jsonl_skip_bad_and_errors() {
    let body = "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \n{\"id\": \"c\"}\n\
                [1]\n{\"id\": \"\", \"text\": \"y\"}\n{\"id\": \"d\", \"text\": 42}\n\
                {\"id\": \"e\", \"text\": \"z\"}\n";
    let docs = same("s.jsonl", body.as_bytes(), &skip_bad());
    assert_eq!(
        docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["a", "e"]
    );
    same("s.jsonl", body.as_bytes(), &ReadOptions::default());
    same("e.jsonl", b" \r\n\n", &ReadOptions::default());
    same("e.jsonl", b"", &strict());
}

#[test]
fn jsonl_invalid_utf8_is_repaired_line_by_line() {
    let body = b"{\"id\": 1, \"text\": \"caf\xE9\"}\n{\"id\": 2, \"text\": \"ok\"}\n\
                 {\"id\": 3, \"text\": \"\xFF \xFE\"}\n";
    let (s, w) = same_documents("u.jsonl", body, &ReadOptions::default());
    assert_eq!(w.len(), 1, "whole: one warning for the file");
    assert!(w[0].contains(":1: invalid UTF-8 at byte offset 22 (3 invalid sequences)"));
    assert_eq!(s.len(), 2, "streamed: one per line: {s:?}");
    assert!(s[0].contains("u.jsonl:1: invalid UTF-8 at byte offset 22 (1 invalid sequence)"));
    assert!(s[1].contains("u.jsonl:3: invalid UTF-8 at byte offset 69 (2 invalid sequences)"));
    assert!(s[1].contains("refer to the repaired text"), "{s:?}");
    // With a BOM, offsets still count the file's bytes.
    let bom = [b"\xEF\xBB\xBF", &body[..]].concat();
    let (s, _) = same_documents("u.jsonl", &bom, &ReadOptions::default());
    assert!(s[0].contains("byte offset 25"), "{s:?}");
}

#[test]
fn utf16_and_binary_jsonl_read_as_before() {
    let mut le = vec![0xFF, 0xFE];
    le.extend(JSONL.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(same("w.jsonl", &le, &ReadOptions::default()).len(), 3);
    let mut bad = vec![0xFE, 0xFF];
    bad.extend([0xD8, 0x00, 0x00, b'\n']);
    same("w.jsonl", &bad, &skip_bad());
    same(
        "b.jsonl",
        b"{\"id\": 1, \"text\": \"a\"}\n\0\0",
        &skip_bad(),
    );
    same("b.jsonl", b"\xEF\xBB\xBF\0", &strict());
}

#[test]
fn a_nul_byte_after_the_first_8_kib_stops_the_file_there() {
    let line = format!("{{\"id\": \"ID\", \"text\": \"{}\"}}\n", "x".repeat(100));
    let mut body: String = (0..100)
        .map(|i| line.replace("ID", &i.to_string()))
        .collect();
    let at = body.len() + 6;
    body.push_str("{\"id\":\0}\n{\"id\": \"after\", \"text\": \"y\"}\n");
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "late.jsonl", body.as_bytes());
    let (docs, w) = streamed(&path, &ReadOptions::default()).unwrap();
    assert_eq!(docs.len(), 100);
    assert_eq!(
        w,
        [format!(
            "{}: a NUL byte at byte offset {at}: this is a binary file, not text; skipped the \
             rest of the file, from line 101 (--strict refuses it)",
            path.display()
        )]
    );
}

const CSV: &str = "id,text,date,src\r\n\
                   a,\"date 2025-01-02\r\nChina said, \"\"yes\"\".\",,AFP\r\n\
                   b,\"two\nlines\n\",2025-02-03,\r\n\
                   c,plain,03/02/2025,x\r\n";

#[test]
fn csv_quoted_multiline_fields_crlf_and_bom() {
    let docs = same("a.csv", CSV.as_bytes(), &ReadOptions::default());
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[1].text, "two\nlines\n");
    assert!(docs[2].source.ends_with("a.csv:6"), "{}", docs[2].source);
    let bom = [b"\xEF\xBB\xBF", CSV.replace("\r\n", "\n").as_bytes()].concat();
    assert_eq!(same("b.csv", &bom, &ReadOptions::default()).len(), 3);
    same("c.csv", CSV.as_bytes(), &strict());
    let mut le = vec![0xFF, 0xFE];
    le.extend(CSV.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(same("w.csv", &le, &ReadOptions::default()).len(), 3);
}

#[test]
fn csv_bad_rows_headers_and_empty_files() {
    let ragged = b"id,text\nf,fine\ng,one,two\nh\n,empty id\ni,\"Quoted, fine.\"\n";
    assert_eq!(same("r.csv", ragged, &skip_bad()).len(), 2);
    same("r.csv", ragged, &ReadOptions::default());
    for body in [
        &b""[..],
        b" \n\t\r\n",
        b"id,text\n",
        b"  \nid,text\na,b\n",
        b"name,body\na,b\n",
        b"\"id,text\na,b\n",
    ] {
        same("e.csv", body, &ReadOptions::default());
        same("e.csv", body, &skip_bad());
        same("e.csv", body, &strict());
    }
}

#[test]
fn csv_invalid_utf8_in_a_multiline_field() {
    let body = b"id,text\na,\"caf\xE9\nand \xFF\"\nb,ok\n";
    let (s, w) = same_documents("u.csv", body, &ReadOptions::default());
    assert_eq!(w.len(), 1);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(
        s[0].contains("u.csv:2: invalid UTF-8 at byte offset 14 (1 invalid"),
        "{s:?}"
    );
    assert!(
        s[1].contains("u.csv:3: invalid UTF-8 at byte offset 20 (1 invalid"),
        "{s:?}"
    );
}

#[test]
fn txt_files_and_folders() {
    let docs = same("a.txt", b"\xEF\xBB\xBFdate 2025-12-04\r\nHello", &strict());
    assert_eq!(docs[0].date.as_deref(), Some("2025-12-04"));
    let (s, w) = same_documents("b.txt", b"caf\xE9\nx\xFF", &ReadOptions::default());
    assert_eq!(s, w, "a .txt file is still decoded whole: one warning");
    same("c.txt", b" \n", &ReadOptions::default());
}

#[test]
fn warnings_come_as_they_happen() {
    let dir = tempfile::tempdir().unwrap();
    let body = "{\"id\": \"a\", \"text\": \"x\"}\n{bad\n{\"id\": \"b\", \"text\": \"y\"}\n";
    let path = write(dir.path(), "w.jsonl", body.as_bytes());
    let mut log = Vec::new();
    let mut docs = stream(&[Input::Path(path)], &skip_bad(), |w| {
        log.push(w.to_string());
    });
    assert_eq!(docs.next().unwrap().unwrap().id, "a");
    assert_eq!(docs.counts().warnings(), 0);
    assert_eq!(docs.next().unwrap().unwrap().id, "b");
    assert_eq!(
        (docs.counts().documents, docs.counts().skipped),
        (2, 1),
        "the bad line was reported before b"
    );
    assert!(docs.next().is_none());
    drop(docs);
    assert_eq!(log.len(), 1);
    assert!(log[0].contains("w.jsonl:2: invalid JSON"), "{log:?}");
}

#[test]
fn the_stream_and_read_inputs_agree_except_on_duplicate_ids() {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(dir.path(), "f/a.txt", b"one");
    write(dir.path(), "f/sub/b.txt", b"two");
    let csv = write(dir.path(), "c.csv", b"id,text\na,dup\n");
    let inputs = [Input::Path(dir.path().join("f")), Input::Path(csv)];
    let docs: Vec<Document> = stream(&inputs, &ReadOptions::default(), |_| {})
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(docs.len(), 3);
    let err = read_inputs(&inputs, &ReadOptions::default()).unwrap_err();
    assert!(matches!(err, ReadError::DuplicateId { .. }), "{err}");
    let inputs = [Input::Path(txt)];
    let whole = read_inputs(&inputs, &ReadOptions::default()).unwrap();
    let streamed: Vec<Document> = stream(&inputs, &ReadOptions::default(), |_| {})
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(whole.documents, streamed);
}

#[test]
fn a_large_jsonl_file_is_read_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let mut out = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    let text = "China said it supports a ceasefire. ".repeat(100);
    let (lines, mut longest) = (14_000, 0);
    for i in 0..lines {
        let line = format!("{{\"id\": {i}, \"text\": \"{text}{i}\"}}\n");
        longest = longest.max(line.len());
        out.write_all(line.as_bytes()).unwrap();
    }
    out.flush().unwrap();
    drop(out);
    let size = fs::metadata(&path).unwrap().len();
    assert!(size > 50_000_000, "{size}");
    let mut docs = stream(&[Input::Path(path)], &ReadOptions::default(), |_| {});
    let (mut n, mut peak) = (0, 0);
    while let Some(doc) = docs.next() {
        let doc = doc.unwrap();
        assert_eq!(doc.id, n.to_string());
        peak = peak.max(docs.line_capacity());
        n += 1;
    }
    assert_eq!(n, lines);
    // One line in memory at a time: the line buffer never outgrows twice the longest line.
    assert!(
        peak >= longest - 1 && peak <= 2 * longest,
        "{peak} vs {longest}"
    );
}

#[test]
fn the_corpus_stream_can_move_to_another_thread() {
    fn send<T: Send>(_: &T) {}
    send(&stream(&[Input::Stdin], &ReadOptions::default(), |_| {}));
}

/// The streamed and whole readers agree on arbitrary bytes: the same documents, or both fail.
fn check_agree(bytes: &[u8], name: &str) {
    for opts in [ReadOptions::default(), skip_bad(), strict()] {
        match both(name, bytes, &opts) {
            (Ok(s), Ok(w)) => assert_eq!(s.0, w.0, "{bytes:?}"),
            (Err(s), Err(w)) if opts.strict => {
                let _ = (s, w);
            }
            (Err(s), Err(w)) => assert_eq!(s.to_string(), w.to_string(), "{bytes:?}"),
            (s, w) => panic!("{bytes:?} {opts:?}: streamed {s:?}, whole {w:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn streamed_and_whole_agree_on_arbitrary_bytes(
        bytes in prop::collection::vec(
            prop::sample::select(b"{}\"\\:, \n\r\tidtex0a\xE9\xFF".to_vec()), 0..120)
    ) {
        check_agree(&bytes, "p.jsonl");
        check_agree(&bytes, "p.csv");
    }

    #[test]
    fn streamed_and_whole_agree_on_jsonl_records(
        texts in prop::collection::vec("\\PC{0,40}", 0..6), crlf in any::<bool>()
    ) {
        let body: String = texts
            .iter()
            .enumerate()
            .map(|(i, t)| serde_json::json!({"id": i, "text": t}).to_string())
            .map(|l| l + if crlf { "\r\n" } else { "\n" })
            .collect();
        check_agree(body.as_bytes(), "p.jsonl");
        let csv: String = std::iter::once("id,text\n".to_string())
            .chain(texts.iter().enumerate().map(|(i, t)| {
                format!("{i},\"{}\"\n", t.replace('"', "\"\""))
            }))
            .collect();
        check_agree(csv.as_bytes(), "p.csv");
    }
}
