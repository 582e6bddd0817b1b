//! The exit codes of ../shared/spec/cli.md, decided in one place.

use std::process::ExitCode;

/// How a run ended, as the spec's exit-code table defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0: every claim passed (no verdict in the fail-on list).
    Passed,
    /// 1: at least one claim has a verdict in the fail-on list, changed
    /// evidence under `--locked`, or (for `read`) an unreachable source.
    Failed,
    /// 2: the tool could not do its job (usage error, invalid claim file,
    /// unwritable output).
    Error,
}

impl Exit {
    /// The numeric code the spec assigns.
    #[must_use]
    pub fn code(self) -> u8 {
        match self {
            Exit::Passed => 0,
            Exit::Failed => 1,
            Exit::Error => 2,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_spec_table() {
        assert_eq!(Exit::Passed.code(), 0);
        assert_eq!(Exit::Failed.code(), 1);
        assert_eq!(Exit::Error.code(), 2);
        // The worst outcome of several wins when they are combined with max.
        assert_eq!(Exit::Passed.max(Exit::Failed).max(Exit::Error), Exit::Error);
    }
}
