//! The command line: arguments (clap), one function per command, the terminal
//! and the exit code. This is the edge: the only module besides `fetch` that
//! touches the disk, the network or the terminal.

mod accept;
pub mod check;
mod completions;
mod exit;
mod merge;
mod new;
pub mod output;
pub mod progress;
mod quantities;
pub mod read;
pub mod review;
pub mod source_args;
mod validate;

pub use crate::check::lockfile;
pub use exit::Exit;

use clap::{Parser, Subcommand};

/// Checks the figures, quotes and statements of a news article against its sources.
#[derive(Debug, Parser)]
#[command(name = "factcheck", version, about, long_about = None, arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Checks every claim file below the paths (default claims/) against its sources and reports
    Check(check::CheckArgs),
    /// Reads the claim files and reports every problem, reading no source.
    Validate(validate::Args),
    /// Drafts a claim file from an article (a path, a URL, or - for stdin).
    New(new::Args),
    /// Prints every figure found in a text, one JSON object a line.
    Quantities(quantities::Args),
    /// Prints the sentences factcheck reads from a source (URL, path, or -), one a line
    Read(read::ReadArgs),
    /// Walks the claims whose evidence changed since the lock, with diffs; accept or skip each.
    Review(review::ReviewArgs),
    /// Writes the current evidence to the locks without asking.
    Accept(accept::AcceptArgs),
    /// Joins the JSON reports of shards into one report, with the exit code of the whole run.
    Merge(merge::MergeArgs),
    /// Prints a completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionsArgs),
    /// Prints the man page (roff).
    Man(completions::ManArgs),
}

/// Parses the process arguments, runs the command and returns how it ended.
#[must_use]
pub fn run() -> Exit {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are successes; everything else is a usage error.
            let exit = if e.use_stderr() {
                Exit::Error
            } else {
                Exit::Passed
            };
            let _ = e.print();
            return exit;
        }
    };
    // Temp files in flight are removed on Ctrl-C: no partial file is ever left.
    crate::atomic::install_interrupt_handler();
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::New(args) => new::run(&args),
        Command::Quantities(args) => quantities::run(&args),
        Command::Read(args) => read::run(&args),
        Command::Review(args) => review::run(&args),
        Command::Accept(args) => accept::run(&args),
        Command::Merge(args) => merge::run(&args),
        Command::Completions(args) => completions::run_completions(&args),
        Command::Man(args) => completions::run_man(&args),
    }
}
