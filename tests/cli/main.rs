//! CLI tests: one integration test binary (as just does), one module per
//! command, each running the built `factcheck` binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::missing_panics_doc,
    clippy::must_use_candidate
)]
mod action;
mod check;
mod ci;
mod completions;
mod errors;
mod evidence;
mod gate;
mod help;
mod hostile;
mod interrupt;
mod new;
mod pdf;
mod progress;
mod quantities;
mod read;
mod review;
/// The local HTTP server the fetch tests use, for sources served over HTTP.
#[path = "../fetch/server.rs"]
#[allow(dead_code, clippy::duplicate_mod)]
mod server;
mod validate;

use assert_cmd::Command;

/// The built binary, run in `dir` with a clean environment for colour.
pub fn factcheck() -> Command {
    let mut cmd = Command::cargo_bin("factcheck").expect("binary built");
    cmd.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    cmd
}
