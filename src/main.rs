//! The `stancecmp` binary: parse the command line, run one subcommand, map errors to exit codes.
//!
//! Exit codes: 0 success; 1 an error (nothing written); 2 a wrong command line (clap's own
//! code); 3 the run completed, but some input was skipped or repaired (the warnings say which).

use clap::Parser;
use std::process::ExitCode;

use stancecmp::cli::{Cli, Command};
use stancecmp::cmd;
use stancecmp::cmd::corpus::input_problems;

/// The run completed, but some input was skipped or repaired.
const EXIT_INPUT_PROBLEMS: u8 = 3;

/// Set when `map` wrote its partial result: it exits 0 even after input problems.
static MAP_DONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The code for a completed run.
fn completed() -> ExitCode {
    if input_problems() && !MAP_DONE.load(std::sync::atomic::Ordering::Relaxed) {
        ExitCode::from(EXIT_INPUT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Map(args) => cmd::map::run(args).map(|()| {
            // A partial was written: `reduce` reports the input problems it records, and an
            // engine piping partitions through `map` must not fail the job over them.
            MAP_DONE.store(true, std::sync::atomic::Ordering::Relaxed);
        }),
        Command::Reduce(args) => cmd::reduce::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Lexicon(args) => cmd::lexicon::run(args),
        Command::Kwic(args) => cmd::kwic::run(args),
    };
    match result {
        Ok(()) => completed(),
        Err(err) => {
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                // `stancecmp ... | head`: the reader has all it wanted.
                return completed();
            }
            eprintln!("stancecmp: {err:#}");
            ExitCode::from(1)
        }
    }
}
