//! The `stancecmp` binary: parse the command line, run one subcommand, map errors to exit codes.

use clap::Parser;
use std::process::ExitCode;

use stancecmp::cli::{Cli, Command};
use stancecmp::cmd;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Lexicon(args) => cmd::lexicon::run(args),
        Command::Kwic(args) => cmd::kwic::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("stancecmp: {err:#}");
            ExitCode::from(1)
        }
    }
}
