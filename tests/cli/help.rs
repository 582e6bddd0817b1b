use predicates::prelude::*;

use crate::factcheck;

#[test]
fn version_names_the_package_version() {
    factcheck()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_arguments_is_a_usage_error_with_help() {
    factcheck()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Usage: factcheck"));
}

#[test]
fn unknown_option_is_exit_2() {
    factcheck().arg("--no-such-option").assert().code(2);
}
