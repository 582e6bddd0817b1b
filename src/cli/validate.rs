//! `factcheck validate [PATH...]`: reads the claim files and reports every
//! problem, reading no source. Per file `OK path` on stdout, or its errors on
//! stderr; warnings on stderr too. Exit 0 when all are valid, 2 otherwise.

use std::path::PathBuf;

use clap::Args as ClapArgs;

use super::Exit;
use super::output;
use crate::claims;

/// Arguments of `factcheck validate`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Claim files, or directories to search for them [default: the project root's claims/]
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// Validates the claim files below the paths and reports them.
#[must_use]
pub fn run(args: &Args) -> Exit {
    let loaded = claims::load(&super::check::claim_paths(&args.paths));
    let mut reported = vec![false; loaded.errors.len()];
    let mut invalid = 0;
    for path in &loaded.found {
        let mut bad = false;
        for (i, d) in loaded.errors.iter().enumerate() {
            if &d.path == path {
                reported[i] = true;
                bad = true;
            }
        }
        if bad {
            invalid += 1;
        } else if !matches!(
            output::stdout(&format!("OK {}\n", path.display())),
            Ok(true)
        ) {
            // A closed pipe: stop printing, keep the exit code the run earns.
            return if loaded.is_ok() {
                Exit::Passed
            } else {
                Exit::Error
            };
        }
        // The file's errors and warnings together, in file order.
        let mut own: Vec<_> = loaded
            .errors
            .iter()
            .chain(&loaded.warnings)
            .filter(|d| &d.path == path)
            .collect();
        own.sort_by_key(|d| d.position.as_ref().map(|p| (p.line, p.column)));
        for d in own {
            output::stderr_line(&format!("{d}\n"));
        }
    }
    // Problems not in a claim file: a missing path, a bad factcheck.toml.
    for (d, _) in loaded.errors.iter().zip(&reported).filter(|(_, r)| !**r) {
        output::stderr_line(&d.to_string());
    }
    if loaded.is_ok() {
        return Exit::Passed;
    }
    if invalid > 0 {
        let total = loaded.found.len();
        let files = if total == 1 { "file" } else { "files" };
        output::stderr_line(&format!(
            "error: {invalid} of {total} claim {files} invalid"
        ));
    }
    Exit::Error
}
