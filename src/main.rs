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

/// The code for a completed run.
fn completed() -> ExitCode {
    if input_problems() {
        ExitCode::from(EXIT_INPUT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Analyze(args) => cmd::analyze::run(args),
        // Once its partial is written, `map` succeeds: `reduce` reports the input problems the
        // partial records, and an engine piping partitions through `map` must not fail the job
        // over them.
        Command::Map(args) => return exit(cmd::map::run(args), ExitCode::SUCCESS),
        Command::Reduce(args) => cmd::reduce::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Lexicon(args) => cmd::lexicon::run(args),
        Command::Kwic(args) => cmd::kwic::run(args),
    };
    exit(result, completed())
}

/// The exit code of a run: `done` when it completed, 1 after an error (reported here).
fn exit(result: anyhow::Result<()>, done: ExitCode) -> ExitCode {
    match result {
        Ok(()) => done,
        Err(err) => {
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                // `stancecmp ... | head`: the reader has all it wanted.
                return done;
            }
            eprintln!("stancecmp: {err:#}");
            ExitCode::from(1)
        }
    }
}
