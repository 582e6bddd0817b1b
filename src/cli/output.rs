//! The one place that writes to stdout and stderr. A closed stdout pipe
//! (`factcheck check | head`) is not an error: the run ends quietly with the
//! exit code it would have had. `-o FILE` goes through [`write_atomic`], so a
//! reader never sees half a report.

use std::io::{self, Write};
use std::path::Path;

/// Writes `text` to stdout. Returns `Ok(false)` when the reader has gone away
/// (a closed pipe), so the caller can stop producing output.
pub fn stdout(text: &str) -> io::Result<bool> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e),
    }
}

/// Writes one line to stderr; a failure to write a diagnostic is ignored, as
/// there is nowhere left to report it.
pub fn stderr_line(text: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{text}");
}

/// When the terminal report may use colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE`
    /// forces it on a pipe).
    #[default]
    Auto,
    /// Always colour, whatever the environment says.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour, given the values of `NO_COLOR` and
    /// `CLICOLOR_FORCE` and whether the output is a terminal. An empty
    /// `NO_COLOR` counts as unset (no-color.org); the command line wins
    /// over the environment.
    #[must_use]
    pub fn enabled(
        self,
        no_color: Option<&std::ffi::OsStr>,
        clicolor_force: Option<&std::ffi::OsStr>,
        terminal: bool,
    ) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if no_color.is_some_and(|v| !v.is_empty()) {
                    false
                } else if clicolor_force.is_some_and(|v| !v.is_empty() && v != "0") {
                    true
                } else {
                    terminal
                }
            }
        }
    }

    /// Whether to colour what goes to stdout, reading the environment and
    /// whether stdout is a terminal. A report written with `-o FILE` is
    /// never coloured by `Auto`: pass `terminal = false` there.
    #[must_use]
    pub fn for_stdout(self) -> bool {
        use std::io::IsTerminal;
        self.enabled(
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var_os("CLICOLOR_FORCE").as_deref(),
            io::stdout().is_terminal(),
        )
    }
}

/// The width to wrap the terminal report to: `COLUMNS` when it holds a
/// sensible number, else the report's default.
#[must_use]
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&w| (20..=1000).contains(&w))
        .unwrap_or(crate::report::DEFAULT_WIDTH)
}

/// Writes `bytes` to `path` atomically; see [`crate::atomic::write`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    crate::atomic::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_choice_table() {
        use std::ffi::OsStr;
        let set = |v: &'static str| Some(OsStr::new(v));
        let cases = [
            (ColorChoice::Auto, None, None, true, true),
            (ColorChoice::Auto, None, None, false, false),
            (ColorChoice::Auto, set("1"), None, true, false),
            (ColorChoice::Auto, set(""), None, true, true),
            (ColorChoice::Auto, None, set("1"), false, true),
            (ColorChoice::Auto, None, set("0"), false, false),
            (ColorChoice::Auto, set("1"), set("1"), true, false),
            (ColorChoice::Always, set("1"), None, false, true),
            (ColorChoice::Never, None, set("1"), true, false),
        ];
        for (choice, no_color, force, terminal, want) in cases {
            assert_eq!(
                choice.enabled(no_color, force, terminal),
                want,
                "{choice:?} NO_COLOR={no_color:?} CLICOLOR_FORCE={force:?} terminal={terminal}"
            );
        }
    }
}
