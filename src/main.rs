//! The `factcheck` binary: everything lives in the library; this only maps the
//! run's outcome to the process exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    factcheck::cli::run().into()
}
