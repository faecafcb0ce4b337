//! Output safety: spreadsheet formula injection, and interrupted runs.

use super::*;

#[test]
fn cells_a_spreadsheet_would_run_are_guarded() {
    let wd = Workdir::new();
    wd.write(
        "docs.jsonl",
        "{\"id\": \"=cmd|'/C calc'!A0\", \"text\": \"=HYPERLINK(\\\"http://x\\\") Xi said China supports a ceasefire.\"}\n",
    );
    wd.ok(&["analyze", "docs.jsonl", "--out", "out"]);
    let st = rows(&wd.read("out/statements.csv"));
    assert!(st[0]["doc_id"].starts_with("'="), "{:?}", st[0]["doc_id"]);
    assert!(
        st[0]["text"].starts_with("'=HYPERLINK"),
        "{:?}",
        st[0]["text"]
    );
    // Numbers are not touched, negative ones included.
    assert!(rows(&wd.read("out/documents.csv"))
        .iter()
        .all(|r| r["doc_id"].starts_with("'=")));
    wd.ok(&[
        "analyze",
        "docs.jsonl",
        "--out",
        "raw",
        "--no-formula-guard",
    ]);
    assert!(rows(&wd.read("raw/statements.csv"))[0]["text"].starts_with("=HYPERLINK"));
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_the_previous_report_and_no_temporary_files() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out"]);
    let before = wd.read("out/statements.csv");
    // A corpus big enough to be still running when interrupted.
    let seeds: String = fs::read_dir(seeds())
        .unwrap()
        .map(|e| {
            fs::read_to_string(e.unwrap().path())
                .unwrap()
                .replace('\n', " ")
        })
        .collect();
    let mut big = String::new();
    for i in 0..3000 {
        big.push_str(&serde_json::json!({ "id": format!("d{i}"), "text": seeds }).to_string());
        big.push('\n');
    }
    wd.write("big.jsonl", &big);
    for signal in ["-INT", "-KILL"] {
        let child = Command::new(env!("CARGO_BIN_EXE_stancecmp"))
            .args(["analyze", "big.jsonl", "--out", "out", "--quiet"])
            .current_dir(wd.path(""))
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(700));
        let status = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let out = child.wait_with_output().unwrap();
        assert!(
            !out.status.success(),
            "{signal}: the run finished before it was interrupted"
        );
        assert_eq!(
            wd.read("out/statements.csv"),
            before,
            "{signal}: the report changed"
        );
        let temps: Vec<String> = fs::read_dir(wd.path("out"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".stancecmp-tmp"))
            .collect();
        if signal == "-INT" {
            assert!(temps.is_empty(), "an interrupted run left {temps:?}");
        }
    }
    // A killed run cannot clean up; the next run removes what it left.
    wd.ok(&["analyze", "--out", "out"]);
    assert!(fs::read_dir(wd.path("out")).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with(".stancecmp-tmp")));
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_a_clear_error_and_the_previous_report_stays() {
    let wd = Workdir::new();
    wd.ok(&["analyze", "--out", "out", "--no-charts"]);
    let before = wd.read("out/statements.csv");
    // A file-size limit of 8 KiB stands in for a full disk: writes fail with "File too large"
    // (SIGXFSZ is ignored, so the write returns the error instead of killing the process).
    let script = format!(
        "trap '' XFSZ; ulimit -f 16; exec {} analyze --out out --no-charts",
        env!("CARGO_BIN_EXE_stancecmp")
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(wd.path(""))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot write") && err.contains("too large"),
        "{err}"
    );
    assert_eq!(wd.read("out/statements.csv"), before);
    assert!(fs::read_dir(wd.path("out")).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with(".stancecmp-tmp")));
}
