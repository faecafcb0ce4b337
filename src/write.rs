//! Writing the tables: spreadsheet-ready CSV files, put in place only when complete.
//!
//! Every file is written into a hidden temporary folder inside the output folder and renamed
//! into place after all of them were written and flushed, so a failed run never leaves a
//! half-written table next to the previous report. Numbers have a fixed number of decimals and a
//! missing value is an empty cell.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::pipeline::Config;

mod record;
mod rows;
pub use record::Records;

pub use rows::{statement_stance, Rows, RowsFile, MATCHES, STATEMENTS};

/// A set of output files that appear together or not at all.
pub struct OutputSet {
    dir: PathBuf,
    tmp: PathBuf,
    names: Vec<String>,
    stale: Vec<String>,
    excel: bool,
    /// Guard text cells against formula injection (on unless `--no-formula-guard`).
    guard: bool,
    committed: bool,
    /// This run created `dir`: a failed run removes it again (when empty).
    created: bool,
}

impl OutputSet {
    /// Prepare writing into `dir` (created when missing).
    pub fn new(dir: &Path) -> Result<OutputSet> {
        let created = !dir.exists();
        fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the output folder {}", dir.display()))?;
        remove_stale_temps(dir);
        let tmp = dir.join(format!(".stancecmp-tmp-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp).ok();
        }
        interrupt::register(&tmp);
        fs::create_dir(&tmp)
            .with_context(|| format!("cannot write in the output folder {}", dir.display()))?;
        Ok(OutputSet {
            dir: dir.to_path_buf(),
            tmp,
            names: Vec::new(),
            stale: Vec::new(),
            excel: false,
            guard: true,
            committed: false,
            created,
        })
    }

    /// Write every file for spreadsheets on Windows: a UTF-8 byte-order mark first, CRLF line
    /// ends (set before the first file).
    pub fn set_excel(&mut self, excel: bool) {
        self.excel = excel;
    }

    /// Turn the formula-injection guard of text cells on or off (see [`guard_cell`]).
    pub fn set_formula_guard(&mut self, on: bool) {
        self.guard = on;
    }

    /// Whether text cells are guarded ([`OutputSet::set_formula_guard`]).
    pub fn guards(&self) -> bool {
        self.guard
    }

    /// Whether lines end with CRLF (`--excel`).
    pub fn crlf(&self) -> bool {
        self.excel
    }

    /// A row with its text cells guarded as set by [`OutputSet::set_formula_guard`].
    pub fn guarded<S: AsRef<str>>(&self, row: &[S]) -> Vec<String> {
        row.iter()
            .map(|c| {
                let c = c.as_ref();
                if self.guard {
                    guard_cell(c).into_owned()
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    /// Remove `name` from the output folder on commit, unless this run writes it: a file an
    /// earlier run wrote with other options, which would not match the new tables.
    pub fn remove_stale(&mut self, name: &str) {
        self.stale.push(name.to_string());
    }

    /// A CSV writer for the file `name`.
    pub fn csv(&mut self, name: &str) -> Result<csv::Writer<BufWriter<fs::File>>> {
        let path = self.tmp.join(name);
        let file =
            fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        self.names.push(name.to_string());
        let mut buf = BufWriter::new(file);
        let terminator = if self.excel {
            buf.write_all("\u{FEFF}".as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        Ok(csv::WriterBuilder::new()
            .terminator(terminator)
            .from_writer(buf))
    }

    /// Write the file `name`: its header, then its rows.
    pub fn table<I>(&mut self, name: &str, header: &[String], rows: I) -> Result<()>
    where
        I: IntoIterator<Item = Vec<String>>,
    {
        let mut w = self.csv(name)?;
        w.write_record(header)
            .with_context(|| format!("cannot write {name}"))?;
        for row in rows {
            w.write_record(self.guarded(&row))
                .with_context(|| format!("cannot write {name}"))?;
        }
        finish(w, name)
    }

    /// The path in the temporary folder at which to write the file `name`, for a file that other
    /// code writes itself (a chart); `name` may hold `/` for a subfolder (`charts/share.png`).
    /// The file is moved into place on commit like the tables.
    pub fn path_for(&mut self, name: &str) -> Result<PathBuf> {
        let path = self.tmp.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        self.names.push(name.to_string());
        Ok(path)
    }

    /// Write the whole file `name` (a report page) and flush it to disk.
    pub fn bytes(&mut self, name: &str, data: &[u8]) -> Result<()> {
        let path = self.path_for(name)?;
        let mut file =
            fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        file.write_all(data)
            .and_then(|()| file.sync_all())
            .with_context(|| format!("cannot write {name}"))
    }

    /// A scratch folder inside the temporary folder for intermediate files (sorted runs): never
    /// moved into place, removed with the temporary folder.
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.tmp.join(".scratch").join(name)
    }

    /// The names of the files written so far, in order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Move every written file into place.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        let mut done = Vec::new();
        for name in &self.names {
            let to = self.dir.join(name);
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create {}", parent.display()))?;
            }
            fs::rename(self.tmp.join(name), &to)
                .with_context(|| format!("cannot move {} into place", to.display()))?;
            done.push(to);
        }
        for name in self.stale.iter().filter(|n| !self.names.contains(n)) {
            let path = self.dir.join(name);
            if path.is_file() {
                fs::remove_file(&path)
                    .with_context(|| format!("cannot remove the stale {}", path.display()))?;
            }
        }
        // Every file was moved out; only (empty) subfolders are left.
        fs::remove_dir_all(&self.tmp).ok();
        self.committed = true;
        Ok(done)
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        if !self.committed {
            fs::remove_dir_all(&self.tmp).ok();
            if self.created {
                fs::remove_dir(&self.dir).ok();
            }
        }
        interrupt::unregister(&self.tmp);
    }
}

/// Remove the temporary folders that killed runs left in `dir` (`.stancecmp-tmp-PID` of a
/// process that no longer runs; where that cannot be told, any but this process's).
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(".stancecmp-tmp-")
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let proc_root = Path::new("/proc");
        let alive = pid == std::process::id()
            || (proc_root.is_dir() && proc_root.join(pid.to_string()).exists());
        if !alive {
            fs::remove_dir_all(e.path()).ok();
        }
    }
}

/// On Ctrl-C or a termination signal, remove the temporary folders of unfinished outputs before
/// exiting, so an interrupted run leaves the previous report as it was and nothing else.
mod interrupt {
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, Once};

    static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    static HANDLER: Once = Once::new();

    pub fn register(tmp: &Path) {
        HANDLER.call_once(|| {
            // Failing to install a handler only loses the clean-up on interruption.
            let _ = ctrlc::set_handler(|| {
                if let Ok(temps) = TEMPS.lock() {
                    for t in temps.iter() {
                        std::fs::remove_dir_all(t).ok();
                    }
                }
                eprintln!("stancecmp: interrupted; the previous report is unchanged");
                std::process::exit(130);
            });
        });
        if let Ok(mut t) = TEMPS.lock() {
            t.push(tmp.to_path_buf());
        }
    }

    pub fn unregister(tmp: &Path) {
        if let Ok(mut t) = TEMPS.lock() {
            t.retain(|p| p != tmp);
        }
    }
}

/// A text cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a carriage
/// return first) gets a leading `'`, which spreadsheets show as text (the OWASP advice for CSV
/// injection). Numbers, negative ones included, are left alone.
pub fn guard_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if risky && cell.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Finish a CSV writer, reporting write errors (such as a full disk) with the file name.
pub fn finish(w: csv::Writer<BufWriter<fs::File>>, name: &str) -> Result<()> {
    let mut inner = w
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write {name}: {}", e.error()))?;
    inner
        .flush()
        .with_context(|| format!("cannot write {name}"))?;
    inner
        .get_ref()
        .sync_all()
        .with_context(|| format!("cannot write {name}"))?;
    Ok(())
}

/// A number with `decimals` places; empty for None; never `-0`.
pub fn num(x: Option<f64>, decimals: usize) -> String {
    let mut s = String::new();
    num_into(&mut s, x, decimals);
    s
}

/// [`num`], appended to `out` (a buffer reused from cell to cell allocates nothing).
pub fn num_into(out: &mut String, x: Option<f64>, decimals: usize) {
    let Some(v) = x.filter(|v| v.is_finite()) else {
        return;
    };
    if num_fast(out, v, decimals) {
        return;
    }
    use std::fmt::Write as _;
    let start = out.len();
    let _ = write!(out, "{v:.decimals$}");
    let s = &out[start..];
    if s.starts_with('-') && s[1..].bytes().all(|c| c == b'0' || c == b'.') {
        out.remove(start);
    }
}

/// [`num_into`] without `format!` for the common case, or false (nothing written).
///
/// `format!` rounds the exact binary value of `v` to `decimals` places. `y = v · 10^decimals`
/// is computed with one rounding (the power of ten is exact), so it is within `|y| · 2⁻⁵³` of
/// the exact product; whenever `y` is far enough from a tie (a half-integer), the exact
/// product rounds to the integer nearest `y`, whatever the tie rule, and that integer is
/// written directly:
/// - `y` within 10⁻⁶ of an integer and below 10¹⁵ (scores made of weights with few decimals;
///   the error is then below 0.125);
/// - or `y` below 10¹² (error below 1.2 · 10⁻⁴) and its fraction more than 10⁻³ from ½
///   (shares and rates, ratios of counts).
///
/// Other values (near a tie, or too large) take the slow path.
fn num_fast(out: &mut String, v: f64, decimals: usize) -> bool {
    const POW10: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
    let Some(&scale) = POW10.get(decimals) else {
        return false;
    };
    let y = v * scale;
    let r = y.round();
    let near_integer = r.abs() < 1e15 && (y - r).abs() <= 1e-6;
    let far_from_tie = y.abs() < 1e12 && ((y - y.trunc()).abs() - 0.5).abs() > 1e-3;
    if !(near_integer || far_from_tie) {
        return false;
    }
    let n = r as i64;
    let (neg, n) = (n < 0, n.unsigned_abs());
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(n);
    if neg {
        out.push('-');
    }
    if decimals == 0 {
        out.push_str(digits);
    } else if digits.len() > decimals {
        let (int, frac) = digits.split_at(digits.len() - decimals);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', decimals - digits.len()));
        out.push_str(digits);
    }
    true
}

/// The actor labels of the tables, in table order: tracked actors, then joint, other, none.
pub fn actor_labels(cfg: &Config) -> Vec<String> {
    let mut v: Vec<String> = cfg
        .gazetteer
        .actors
        .iter()
        .filter(|a| a.track)
        .map(|a| a.name.clone())
        .collect();
    v.extend(["joint", "other", "none"].map(String::from));
    v
}

#[cfg(test)]
mod tests;
