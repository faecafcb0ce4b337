//! A progress bar on standard error for long runs, and nothing at all otherwise.
//!
//! The bar is drawn only when standard error is a terminal and `--quiet` is off, so logs, pipes
//! and CI see no escape codes; it is cleared when the work is done, leaving the terminal as the
//! run's summary line finds it. Counting is thread-safe: rayon workers may call [`Progress::inc`].

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar, or nothing when it would not be seen.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar of `len` steps labelled `what`; hidden with `quiet` or when standard error is not a
    /// terminal.
    pub fn new(what: &str, len: u64, quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
        let style =
            ProgressStyle::with_template("stancecmp: {msg:<22} [{bar:30}] {pos}/{len} ({elapsed})")
                .expect("the template is valid")
                .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(what.to_string());
        Progress { bar: Some(bar) }
    }

    /// A counter of documents for a stream of unknown length, labelled `what`; hidden like
    /// [`Progress::new`].
    pub fn documents(what: &str, quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "stancecmp: {msg:<22} {spinner} {human_pos} documents ({per_sec}, {elapsed})",
        )
        .expect("the template is valid");
        bar.set_style(style);
        bar.set_message(what.to_string());
        Progress { bar: Some(bar) }
    }

    /// A bar that draws nothing.
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    /// Whether the bar is drawn.
    pub fn is_visible(&self) -> bool {
        self.bar.is_some()
    }

    /// Count `n` more steps done.
    pub fn inc(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    /// Change the label (the stage now running).
    pub fn set_message(&self, what: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(what.to_string());
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Progress;

    #[test]
    fn quiet_or_piped_runs_draw_no_bar() {
        let quiet = Progress::new("drawing charts", 10, true);
        assert!(!quiet.is_visible());
        quiet.inc(3);
        // Under `cargo test` standard error is captured or piped, never a terminal in CI.
        if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            assert!(!Progress::new("drawing charts", 10, false).is_visible());
        }
    }
}
