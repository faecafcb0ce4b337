//! End-to-end tests: the real `stancecmp` binary on the real seed articles and small fixtures.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary working folder in which to run the binary.
struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    fn new() -> Workdir {
        Workdir {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, text).unwrap();
        p
    }

    /// Run stancecmp with `args` in this folder.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_stancecmp"))
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap()
    }

    /// Run and require success.
    fn ok(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "stancecmp {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// Run and require failure; return stderr.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "stancecmp {args:?} should fail");
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stderr).unwrap()
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// The CSV files `analyze` writes by default.
const TABLES: [&str; 8] = [
    "statements.csv",
    "matches.csv",
    "summary.csv",
    "comparison.csv",
    "keyness.csv",
    "timeline.csv",
    "documents.csv",
    "columns.csv",
];

/// The repository's seed folder.
fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// CSV rows as maps from column name to value.
fn rows(csv_text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            headers
                .iter()
                .zip(rec.unwrap().iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn statement<'a>(
    rows: &'a [std::collections::HashMap<String, String>],
    starts: &str,
) -> &'a std::collections::HashMap<String, String> {
    rows.iter()
        .find(|r| r["text"].starts_with(starts))
        .unwrap_or_else(|| panic!("no statement starts with {starts:?}"))
}

#[path = "cli/analyze.rs"]
mod analyze;
#[path = "cli/eval.rs"]
mod eval;
#[path = "cli/inputs.rs"]
mod inputs;
#[path = "cli/layout.rs"]
mod layout;
#[path = "cli/lexicon.rs"]
mod lexicon;
#[path = "cli/mapreduce.rs"]
mod mapreduce;
#[path = "cli/props.rs"]
mod props;
#[path = "cli/report.rs"]
mod report;
#[path = "cli/robust.rs"]
mod robust;
#[path = "cli/safety.rs"]
mod safety;
#[path = "cli/tables.rs"]
mod tables;
