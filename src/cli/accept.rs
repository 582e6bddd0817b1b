//! `factcheck accept [PATH...] [--claim ID]`: reads the sources as `check`
//! does and writes the current evidence to each claim file's lock without
//! asking. Exit 0, or 2 when it cannot (an invalid claim file or lock, an
//! unknown `--claim`, a lock that cannot be written).

use std::path::PathBuf;

use clap::Args;

use super::Exit;
use super::review::{self, Checked};
use super::source_args::SourceArgs;

/// Arguments of `factcheck accept`.
#[derive(Debug, Args)]
pub struct AcceptArgs {
    /// Claim files, or directories to search for them [default: claims/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Accept only this claim (by id); the others keep what their lock holds
    #[arg(long, value_name = "ID")]
    pub claim: Option<String>,

    /// Where sources come from and the fetch limits.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Runs `accept`.
#[must_use]
pub fn run(args: &AcceptArgs) -> Exit {
    review::with_evidence(&args.paths, &args.sources, |checked: &[Checked]| {
        review::accept(checked, args.claim.as_deref(), jiff::Timestamp::now())
    })
}
