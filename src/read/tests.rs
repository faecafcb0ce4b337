use super::*;

mod streaming;
mod whole;

const SEED_003: &str = include_str!("../../seeds/003_8edb6b4773bf86b6.txt");

fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn read(paths: &[&Path]) -> Result<Vec<Document>, ReadError> {
    read_with(paths, &ReadOptions::default())
}

fn read_with(paths: &[&Path], opts: &ReadOptions) -> Result<Vec<Document>, ReadError> {
    corpus_with(paths, opts).map(|c| c.documents)
}

fn corpus_with(paths: &[&Path], opts: &ReadOptions) -> Result<Corpus, ReadError> {
    let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(p.to_path_buf())).collect();
    read_inputs(&inputs, opts)
}

fn corpus(paths: &[&Path]) -> Corpus {
    corpus_with(paths, &ReadOptions::default()).unwrap()
}

fn strict() -> ReadOptions {
    ReadOptions {
        strict: true,
        ..ReadOptions::default()
    }
}

fn skip_bad() -> ReadOptions {
    ReadOptions {
        skip_bad: true,
        ..ReadOptions::default()
    }
}

/// The warnings as printed.
fn warnings(c: &Corpus) -> Vec<String> {
    c.warnings.iter().map(|w| w.to_string()).collect()
}

fn err_text(result: Result<Vec<Document>, ReadError>) -> String {
    result.expect_err("expected an error").to_string()
}

#[test]
fn folder_is_recursive_sorted_and_skips_hidden() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"bee");
    write(dir.path(), "a/z.txt", b"zed");
    write(dir.path(), "a-b.txt", b"dash");
    write(dir.path(), "a/c.TXT", b"upper");
    write(dir.path(), ".hidden.txt", b"no");
    write(dir.path(), ".git/x.txt", b"no");
    write(dir.path(), "notes.md", b"no");
    let docs = read(&[dir.path()]).unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    // Byte order of relative paths: '-' (0x2d) sorts before '/' (0x2f).
    assert_eq!(ids, ["a-b", "c", "z", "b"]);
    assert_eq!(docs[2].text, "zed");
    assert_eq!(
        docs[2].source,
        dir.path().join("a/z.txt").display().to_string()
    );
    assert!(docs.iter().all(|d| d.meta.is_empty() && d.date.is_none()));
}

#[cfg(unix)]
#[test]
fn folder_does_not_follow_symlinked_folders() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sub/a.txt", b"a");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let docs = read(&[dir.path()]).unwrap();
    assert_eq!(docs.len(), 1);
}

#[test]
fn folder_without_txt_files_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "data.csv", b"id,text\n");
    let msg = err_text(read(&[dir.path()]));
    assert!(msg.contains(&dir.path().display().to_string()), "{msg}");
    assert!(msg.contains("no .txt files"), "{msg}");
}

#[test]
fn date_line_rule_on_real_seed() {
    let doc = document_from_text("003", "<embedded>/003", SEED_003.to_string(), None);
    assert_eq!(doc.date.as_deref(), Some("2025-12-04"));
    assert!(doc.text[doc.body_start..].starts_with("BEIJING: China and France pledged"));
    assert_eq!(doc.text, SEED_003);
}

#[test]
fn date_line_variants() {
    let doc = document_from_text("x", "s", "date 2024-02-29\nBody".into(), None);
    assert_eq!(doc.date.as_deref(), Some("2024-02-29"));
    assert_eq!(&doc.text[doc.body_start..], "Body");
    let doc = document_from_text("x", "s", "\tdate 2024-03-01".into(), None);
    assert_eq!(
        (doc.date.as_deref(), doc.body_start),
        (Some("2024-03-01"), 16)
    );
    let doc = document_from_text("x", "s", "date 2024-03-01\r\nBody".into(), None);
    assert_eq!(&doc.text[doc.body_start..], "Body");
    // Not a marker: glued to a word, or not at the start.
    for text in [
        "date 2024-03-01x",
        "The date 2024-03-01 x",
        "dated 2024-03-01 x",
    ] {
        let doc = document_from_text("x", "s", text.into(), None);
        assert_eq!((doc.date, doc.body_start), (None, 0), "{text}");
    }
}

#[test]
fn invalid_calendar_date_stays_text() {
    for text in [
        "date 2025-02-29 x",
        "date 2025-13-01 x",
        "date 2025-04-31 x",
    ] {
        let doc = document_from_text("x", "s", text.into(), None);
        assert_eq!((doc.date, doc.body_start), (None, 0), "{text}");
    }
    assert!(is_calendar_date("2000-02-29"));
    assert!(!is_calendar_date("1900-02-29"));
    assert!(!is_calendar_date("0000-01-01"));
    assert!(!is_calendar_date("2025-1-011"));
}

#[test]
fn given_date_wins_but_marker_is_skipped() {
    let doc = document_from_text(
        "x",
        "s",
        " date 2025-12-04 Body".into(),
        Some("2020-01-01".into()),
    );
    assert_eq!(doc.date.as_deref(), Some("2020-01-01"));
    assert_eq!(&doc.text[doc.body_start..], "Body");
}

#[test]
fn txt_file_strips_bom_and_empty_files_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", b"\xEF\xBB\xBFdate 2025-12-04 Hello");
    let b = write(dir.path(), "empty.txt", b"");
    let c = write(dir.path(), "blank.txt", b"\xEF\xBB\xBF \r\n\t\n");
    let got = corpus(&[&a, &b, &c]);
    let docs = &got.documents;
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text, "date 2025-12-04 Hello");
    assert_eq!(docs[0].date.as_deref(), Some("2025-12-04"));
    assert_eq!(&docs[0].text[docs[0].body_start..], "Hello");
    let w = warnings(&got);
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[0].starts_with(&format!("{}: the file is empty", b.display())),
        "{w:?}"
    );
    assert!(
        w[1].contains("blank.txt") && w[1].contains("skipped it"),
        "{w:?}"
    );
    assert!(got.warnings.iter().all(|w| w.action == Action::Skipped));
    let msg = err_text(read_with(&[&b], &strict()));
    assert!(msg.contains("empty.txt: the file is empty"), "{msg}");
}

#[test]
fn jsonl_copy_of_txt_gives_same_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let line = serde_json::json!({"id": "j", "text": SEED_003}).to_string();
    let path = write(dir.path(), "c.jsonl", line.as_bytes());
    let docs = read(&[&path]).unwrap();
    let txt = document_from_text("003", "x", SEED_003.to_string(), None);
    assert_eq!(
        (docs[0].body_start, &docs[0].date),
        (txt.body_start, &txt.date)
    );
}

#[test]
fn jsonl_good_lines_meta_and_integer_id() {
    let dir = tempfile::tempdir().unwrap();
    let body = concat!(
        "{\"id\": \"a\", \"text\": \"Hello\", \"zeta\": 1, \"alpha\": \"x\", \"mid\": [1, 2]}\n",
        "\n",
        "{\"id\": 42, \"text\": \"date 2025-01-02 Hi\", \"date\": \"2024-05-06T10:00:00Z\"}\r\n",
        "{\"id\": \"c\", \"text\": \"\", \"date\": null, \"flag\": true}\n",
    );
    let path = write(dir.path(), "in.ndjson", body.as_bytes());
    let docs = read(&[&path]).unwrap();
    let name = path.display().to_string();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].source, format!("{name}:1"));
    let meta = vec![
        ("alpha".to_string(), "x".to_string()),
        ("mid".to_string(), "[1,2]".to_string()),
        ("zeta".to_string(), "1".to_string()),
    ];
    assert_eq!(docs[0].meta, meta);
    assert_eq!(docs[1].id, "42");
    assert_eq!(docs[1].source, format!("{name}:3"));
    assert_eq!(docs[1].date.as_deref(), Some("2024-05-06"));
    assert_eq!(&docs[1].text[docs[1].body_start..], "Hi");
    assert_eq!(docs[2].date, None);
    assert_eq!(docs[2].meta, vec![("flag".to_string(), "true".to_string())]);
}

#[test]
fn jsonl_custom_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let body = b"{\"doc\": \"a\", \"body\": \"Hi\", \"day\": \"2025-01-02\", \"id\": 7}\n";
    let path = write(dir.path(), "in.jsonl", body);
    let opts = ReadOptions {
        id_column: "doc".into(),
        text_column: "body".into(),
        date_column: "day".into(),
        ..ReadOptions::default()
    };
    let docs = read_with(&[&path], &opts).unwrap();
    assert_eq!((docs[0].id.as_str(), docs[0].text.as_str()), ("a", "Hi"));
    assert_eq!(docs[0].date.as_deref(), Some("2025-01-02"));
    assert_eq!(docs[0].meta, vec![("id".to_string(), "7".to_string())]);
}

fn jsonl_error(body: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.jsonl", body.as_bytes());
    (err_text(read(&[&path])), path.display().to_string())
}

#[test]
fn jsonl_errors_name_file_and_line() {
    let ok = "{\"id\": \"a\", \"text\": \"x\"}\n\n";
    let cases = [
        ("{\"id\": \"b\", \"text\": \"x\"", "invalid JSON"),
        ("{\"id\": \"b\"}", "no \"text\" field"),
        (
            "{\"id\": \"b\", \"text\": 5}",
            "\"text\" must be a string, found a number",
        ),
        ("{\"text\": \"x\"}", "no \"id\" field"),
        ("{\"id\": 1.5, \"text\": \"x\"}", "\"id\" must be"),
        ("[1, 2]", "expected an object, found an array"),
    ];
    for (line, want) in cases {
        let (msg, name) = jsonl_error(&format!("{ok}{line}\n"));
        assert!(msg.starts_with(&format!("{name}:3: ")), "{msg}");
        assert!(msg.contains(want), "{msg}");
    }
    let (msg, _) = jsonl_error("{\"text\": \"x\"}");
    assert!(msg.contains("--id-column"), "{msg}");
}

#[test]
fn jsonl_skip_bad_skips_counts_and_names_each_line() {
    let dir = tempfile::tempdir().unwrap();
    let body = concat!(
        "{\"id\": \"a\", \"text\": \"first\"}\n",
        "{\"id\": \"b\", \"text\": \n",
        "{\"id\": \"c\"}\n",
        "{\"id\": \"d\", \"text\": [\"not\", \"a string\"]}\n",
        "\"just a string\"\n",
        "{\"id\": \"e\", \"text\": \"last\"}",
    );
    let path = write(dir.path(), "bad.jsonl", body.as_bytes());
    let name = path.display().to_string();
    // Without --skip-bad, the first bad line stops the run.
    let msg = err_text(read(&[&path]));
    assert!(msg.starts_with(&format!("{name}:2: invalid JSON")), "{msg}");
    let got = corpus_with(&[&path], &skip_bad()).unwrap();
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "e"]);
    let w = warnings(&got);
    let lines: Vec<&str> = w.iter().map(|w| w.split(": ").next().unwrap()).collect();
    let want: Vec<String> = (2..=5).map(|l| format!("{name}:{l}")).collect();
    assert_eq!(lines, want, "{w:?}");
    assert!(w[1].contains("no \"text\" field"), "{w:?}");
    assert!(w[2].contains("must be a string, found an array"), "{w:?}");
    assert!(
        w.iter()
            .all(|w| w.ends_with("skipped the line (--skip-bad)")),
        "{w:?}"
    );
}

#[test]
fn dates_that_do_not_parse_are_dropped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let body = concat!(
        "{\"id\": \"a\", \"text\": \"x\", \"date\": \"2025-02-30\"}\n",
        "{\"id\": \"b\", \"text\": \"date 2024-01-02 y\", \"date\": \"yesterday\"}\n",
        "{\"id\": \"c\", \"text\": \"z\", \"date\": 20240102}\n",
    );
    let path = write(dir.path(), "d.jsonl", body.as_bytes());
    let got = corpus(&[&path]);
    let dates: Vec<Option<&str>> = got.documents.iter().map(|d| d.date.as_deref()).collect();
    // The date line still gives its date when the field does not parse.
    assert_eq!(dates, [None, Some("2024-01-02"), None]);
    let w = warnings(&got);
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w[0].contains("d.jsonl:1: \"date\" value \"2025-02-30\" is not a valid date"));
    assert!(w[2].contains("d.jsonl:3: \"date\" must be a YYYY-MM-DD string, found a number"));
    assert!(w
        .iter()
        .all(|w| w.contains("kept the document without this date")));
    assert!(got.warnings.iter().all(|w| w.action == Action::Repaired));
    let msg = err_text(read_with(&[&path], &strict()));
    assert!(
        msg.contains("d.jsonl:1: ") && msg.contains("2025-02-30"),
        "{msg}"
    );
}

#[test]
fn csv_good_rows_with_meta() {
    let dir = tempfile::tempdir().unwrap();
    let body = "zz,id,text,date,aa\n1,a,\"Hello, world\",2025-01-02,x\n2,b,\"two\nlines\",,y\n";
    let path = write(dir.path(), "in.csv", body.as_bytes());
    let docs = read(&[&path]).unwrap();
    let name = path.display().to_string();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        (docs[0].id.as_str(), docs[0].text.as_str()),
        ("a", "Hello, world")
    );
    assert_eq!(docs[0].date.as_deref(), Some("2025-01-02"));
    assert_eq!(docs[0].source, format!("{name}:2"));
    let meta = vec![
        ("aa".to_string(), "x".to_string()),
        ("zz".to_string(), "1".to_string()),
    ];
    assert_eq!(docs[0].meta, meta);
    assert_eq!(
        (docs[1].text.as_str(), docs[1].date.as_deref()),
        ("two\nlines", None)
    );
    assert_eq!(docs[1].source, format!("{name}:3"));
}

#[test]
fn csv_custom_columns_and_optional_default_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "in.csv",
        b"key,body,day\nk1,date 2025-03-04 Hi,\n",
    );
    let opts = ReadOptions {
        id_column: "key".into(),
        text_column: "body".into(),
        date_column: "day".into(),
        ..ReadOptions::default()
    };
    let docs = read_with(&[&path], &opts).unwrap();
    assert_eq!(docs[0].id, "k1");
    assert_eq!(docs[0].date.as_deref(), Some("2025-03-04"));
    assert_eq!(&docs[0].text[docs[0].body_start..], "Hi");
    // Without a date column and the default name, dates are simply absent.
    let path = write(dir.path(), "nodate.csv", b"id,text\na,Hi\n");
    assert_eq!(read(&[&path]).unwrap()[0].date, None);
    // A non-default date column must exist.
    let opts = ReadOptions {
        date_column: "when".into(),
        ..ReadOptions::default()
    };
    let msg = err_text(read_with(&[&path], &opts));
    assert!(
        msg.contains("\"when\"") && msg.contains("--date-column"),
        "{msg}"
    );
}

#[test]
fn csv_ragged_row_names_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "r.csv", b"id,text\na,x\nb,y,extra\n");
    let msg = err_text(read(&[&path]));
    assert!(msg.starts_with(&format!("{}:3: ", path.display())), "{msg}");
    assert!(msg.contains("3 fields but the header has 2"), "{msg}");
}

#[test]
fn csv_skip_bad_skips_ragged_rows_and_files_without_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "r.csv",
        b"id,text\na,x\nb,y,extra\nc\n,empty id\nd,\"fine, quoted\"\n",
    );
    let got = corpus_with(&[&path], &skip_bad()).unwrap();
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "d"]);
    let w = warnings(&got);
    let name = path.display();
    assert!(
        w[0].starts_with(&format!("{name}:3: row has 3 fields")),
        "{w:?}"
    );
    assert!(
        w[1].starts_with(&format!("{name}:4: row has 1 fields")),
        "{w:?}"
    );
    assert!(w[2].starts_with(&format!("{name}:5: ")), "{w:?}");
    assert!(
        w.iter()
            .all(|w| w.ends_with("skipped the row (--skip-bad)")),
        "{w:?}"
    );
    let other = write(dir.path(), "m.csv", b"id,body\na,x\n");
    let got = corpus_with(&[&other, &path], &skip_bad()).unwrap();
    assert_eq!(got.documents.len(), 2);
    assert!(warnings(&got)[0].ends_with("skipped the file (--skip-bad)"));
}

#[test]
fn csv_missing_column_lists_header_and_flag() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "m.csv", b"id,body,date\na,x,\n");
    let msg = err_text(read(&[&path]));
    assert!(msg.starts_with(&format!("{}:1: ", path.display())), "{msg}");
    assert!(
        msg.contains("\"text\"") && msg.contains("id, body, date"),
        "{msg}"
    );
    assert!(msg.contains("--text-column"), "{msg}");
    let path = write(dir.path(), "n.csv", b"doc,text\na,x\n");
    assert!(err_text(read(&[&path])).contains("--id-column"));
}

#[test]
fn csv_bad_date_and_empty_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "d.csv",
        b"id,text,date\na,x,2025-02-03\nb,y,03/02/2025\n",
    );
    let got = corpus(&[&path]);
    assert_eq!(got.documents[1].date, None);
    let w = warnings(&got);
    assert!(
        w[0].starts_with(&format!("{}:3: ", path.display())),
        "{w:?}"
    );
    assert!(w[0].contains("03/02/2025"), "{w:?}");
    let path = write(dir.path(), "e.csv", b"id,text\n,x\n");
    let msg = err_text(read(&[&path]));
    assert!(msg.starts_with(&format!("{}:2: ", path.display())), "{msg}");
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning_naming_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "latin.txt", b"caf\xE9 cr\xE8me\nok");
    let got = corpus(&[&path]);
    assert_eq!(got.documents[0].text, "caf\u{FFFD} cr\u{FFFD}me\nok");
    let w = warnings(&got);
    assert_eq!(w.len(), 1);
    assert!(
        w[0].starts_with(&format!(
            "{}:1: invalid UTF-8 at byte offset 3 (2 invalid sequences)",
            path.display()
        )),
        "{w:?}"
    );
    assert!(w[0].contains("byte offsets in the tables refer to the repaired text"));
    assert_eq!(got.warnings[0].action, Action::Repaired);
}

#[test]
fn strict_refuses_invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "latin.txt", b"caf\xE9\nok");
    let msg = err_text(read_with(&[&path], &strict()));
    assert!(msg.starts_with(&format!("{}:1: ", path.display())), "{msg}");
    assert!(
        msg.contains("byte offset 3") && msg.contains("iconv"),
        "{msg}"
    );
    let path = write(
        dir.path(),
        "l.jsonl",
        b"{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"\xFF\"}\n",
    );
    let msg = err_text(read_with(&[&path], &strict()));
    assert!(
        msg.contains("l.jsonl:2: ") && msg.contains("byte offset 36"),
        "{msg}"
    );
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(
        "date 2025-01-02\r\nXi said “no”."
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let path = write(dir.path(), "wide.txt", &le);
    let got = corpus(&[&path]);
    assert!(got.warnings.is_empty());
    let doc = &got.documents[0];
    assert_eq!(doc.date.as_deref(), Some("2025-01-02"));
    assert_eq!(&doc.text[doc.body_start..], "Xi said “no”.");
    let mut be = vec![0xFE, 0xFF];
    let line = "{\"id\": \"w\", \"text\": \"été\"}\n";
    be.extend(line.encode_utf16().flat_map(u16::to_be_bytes));
    let path = write(dir.path(), "wide.jsonl", &be);
    assert_eq!(read(&[&path]).unwrap()[0].text, "été");
    // An unpaired surrogate is repaired like invalid UTF-8.
    let path = write(dir.path(), "bad16.txt", b"\xFF\xFEa\0\x00\xD8b\0");
    let got = corpus(&[&path]);
    assert_eq!(got.documents[0].text, "a\u{FFFD}b");
    assert!(warnings(&got)[0].contains("invalid UTF-16LE at byte offset 4"));
}

#[test]
fn binary_files_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "f/a.txt", b"China said so.");
    let bin = write(dir.path(), "f/image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let got = corpus(&[&dir.path().join("f")]);
    assert_eq!(got.documents.len(), 1);
    let w = warnings(&got);
    assert_eq!(
        w,
        [format!(
            "{}: a NUL byte at byte offset 8: this is a binary file, not text; skipped the file \
             (--strict refuses it)",
            bin.display()
        )]
    );
    let jsonl = write(dir.path(), "b.jsonl", b"{\"id\": 1, \"text\": \"a\"}\n\0\0");
    assert!(corpus(&[&jsonl]).documents.is_empty());
    assert!(err_text(read_with(&[&bin], &strict())).contains("binary"));
}

#[test]
fn duplicate_ids_name_both_sources() {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(dir.path(), "x/a.txt", b"one");
    let jsonl = write(
        dir.path(),
        "b.jsonl",
        b"{\"id\": \"b\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n",
    );
    let msg = err_text(read(&[&txt, &jsonl]));
    assert!(msg.contains("\"a\""), "{msg}");
    assert!(msg.contains(&txt.display().to_string()), "{msg}");
    assert!(msg.contains(&format!("{}:2", jsonl.display())), "{msg}");
}

#[test]
fn nonexistent_path_and_unsupported_extension() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let msg = err_text(read(&[&missing]));
    assert!(
        msg.contains("nope.txt") && msg.contains("does not exist"),
        "{msg}"
    );
    let doc = write(dir.path(), "report.docx", b"x");
    let msg = err_text(read(&[&doc]));
    assert!(msg.contains("report.docx"), "{msg}");
    for ext in [".txt", ".jsonl", ".ndjson", ".csv", "folder", "- for"] {
        assert!(msg.contains(ext), "{msg}");
    }
}

#[test]
fn stdin_sources_name_stdin() {
    let opts = ReadOptions::default();
    let body = b"{\"id\": \"s\", \"text\": \"x\"}\n";
    let got = read_bytes(STDIN_NAME, body, Format::Jsonl, &opts).unwrap();
    assert_eq!(got.documents[0].source, "<stdin>:1");
    let err = read_bytes(STDIN_NAME, b"{\"id\": 1}", Format::Jsonl, &opts).unwrap_err();
    assert!(err.to_string().starts_with("<stdin>:1: "), "{err}");
}

#[test]
fn empty_jsonl_and_header_only_csv_are_noted() {
    let opts = ReadOptions::default();
    let got = read_bytes("e.jsonl", b"\n \r\n", Format::Jsonl, &opts).unwrap();
    assert!(warnings(&got)[0].starts_with("e.jsonl: the file is empty"));
    let got = read_bytes("e.csv", b"", Format::Csv, &opts).unwrap();
    assert!(warnings(&got)[0].starts_with("e.csv: the file is empty"));
    let got = read_bytes("h.csv", b"id,text\n", Format::Csv, &opts).unwrap();
    assert!(warnings(&got)[0].starts_with("h.csv: no rows after the header"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_broken_links_are_skipped() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/real.txt", b"Paris said yes.");
    // A folder loop, a file link loop, a dangling link, a link to a real file.
    symlink(dir.path().join("c"), dir.path().join("c/again")).unwrap();
    symlink(dir.path().join("c/x.txt"), dir.path().join("c/y.txt")).unwrap();
    symlink(dir.path().join("c/y.txt"), dir.path().join("c/x.txt")).unwrap();
    symlink(
        dir.path().join("gone.txt"),
        dir.path().join("c/dangling.txt"),
    )
    .unwrap();
    symlink(dir.path().join("c/real.txt"), dir.path().join("c/link.txt")).unwrap();
    let got = corpus(&[&dir.path().join("c")]);
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["link", "real"]);
    let w = warnings(&got);
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(
        w.iter()
            .all(|w| w.contains("broken or looping symbolic link")),
        "{w:?}"
    );
}

#[test]
fn deeply_nested_folders_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let deep: String = (0..200).map(|i| format!("{}/", i % 10)).collect();
    write(dir.path(), &format!("{deep}deep.txt"), b"France agreed.");
    write(dir.path(), "top.txt", b"China agreed.");
    let docs = read(&[dir.path()]).unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["deep", "top"]);
}

#[test]
fn inputs_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let b = write(dir.path(), "b.txt", b"b");
    let a = write(
        dir.path(),
        "a.jsonl",
        b"{\"id\": \"a2\", \"text\": \"\"}\n{\"id\": \"a1\", \"text\": \"\"}\n",
    );
    let docs = read(&[&b, &a]).unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["b", "a2", "a1"]);
}
