//! `factcheck accept [PATH...] [--claim ID] [--note TEXT]`: reads the sources
//! as `check` does and writes the current evidence to each claim file's lock
//! without asking, one line per claim; a claim that fails the gate is
//! accepted only when named. Exit 0, or 2 when it cannot (an invalid claim file or lock, an
//! unknown `--claim`, a lock that cannot be written).

use std::path::PathBuf;

use clap::Args;

use super::Exit;
use super::review::{self, Checked};
use super::source_args::SourceArgs;
use crate::claims;
use crate::compare::Verdict;
use crate::report::{DEFAULT_FAIL_ON, STRICT_FAIL_ON};

/// Arguments of `factcheck accept`.
#[derive(Debug, Args)]
pub struct AcceptArgs {
    /// Claim files, or directories to search for them [default: claims/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Accept only this claim (by id), even when its verdict fails the gate; the others keep what their lock holds
    #[arg(long, value_name = "ID")]
    pub claim: Option<String>,

    /// Why the claim named with --claim is accepted: kept in the lock beside it
    #[arg(long, value_name = "TEXT", requires = "claim")]
    pub note: Option<String>,

    /// Where sources come from and the fetch limits.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Runs `accept`.
#[must_use]
pub fn run(args: &AcceptArgs) -> Exit {
    review::with_evidence(&args.paths, &args.sources, |checked: &[Checked]| {
        let fail_on = fail_on(checked)?;
        let request = review::AcceptRequest {
            claim: args.claim.as_deref(),
            note: args.note.as_deref(),
            fail_on: &fail_on,
        };
        review::accept(checked, request, jiff::Timestamp::now())
    })
}

/// The verdicts that fail the gate, as `check` would use them without
/// `--fail-on`: `factcheck.toml`'s `fail-on` or `strict`, else the default.
fn fail_on(checked: &[Checked]) -> anyhow::Result<Vec<Verdict>> {
    let Some(root) = checked.first().map(|c| &c.file.root) else {
        return Ok(DEFAULT_FAIL_ON.to_vec());
    };
    let config = claims::config::load(root).map_err(|d| anyhow::anyhow!("{d}"))?;
    Ok(if let Some(list) = config.fail_on {
        list
    } else if config.strict == Some(true) {
        STRICT_FAIL_ON.to_vec()
    } else {
        DEFAULT_FAIL_ON.to_vec()
    })
}
