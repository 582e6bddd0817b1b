//! The one place that writes to stdout and stderr. A closed stdout pipe
//! (`factcheck check | head`) is not an error: the run ends quietly with the
//! exit code it would have had. `-o FILE` goes through [`write_atomic`], so a
//! reader never sees half a report.

use std::fs;
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

/// Writes `bytes` to `path` atomically: into a new temporary file in the
/// same directory, flushed to disk, then renamed over `path`, so a reader
/// sees the old file or the whole new one, never a part.
///
/// A symbolic link at `path` is refused (an error that says so), not
/// followed and not replaced: `-o report.html` must not write into a file
/// the link points to, and silently turning someone's link into a file
/// would surprise them too. The write itself is [`crate::atomic::write`]'s:
/// its temporary file is created exclusively
/// (`O_EXCL`), so a link planted at its name is never followed either; a
/// link that appears at `path` between the check and the rename is replaced
/// by the rename itself, never written through. An existing file's
/// permissions are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let existing = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{} is a symbolic link; refusing to write through it or replace it",
                    path.display()
                ),
            ));
        }
        Ok(meta) if meta.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} is a directory", path.display()),
            ));
        }
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if path.file_name().is_none() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        ));
    }
    // One writer for every file factcheck writes: the Ctrl-C handler knows
    // its temp files and removes them, so an interrupted run leaves none.
    crate::atomic::write_with_permissions(path, bytes, existing.map(|meta| meta.permissions()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

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

    #[test]
    fn writes_a_new_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_atomic(&path, b"<p>new</p>").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"<p>new</p>");
        assert_eq!(entries(dir.path()), ["report.html"]);
    }

    #[test]
    fn replaces_an_existing_file_and_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        fs::write(&path, "old, longer content").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(entries(dir.path()), ["report.json"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_symlink_and_touches_neither_link_nor_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious.txt");
        fs::write(&target, "keep me").unwrap();
        let link = dir.path().join("report.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = write_atomic(&link, b"overwritten").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(entries(dir.path()), ["precious.txt", "report.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_dangling_symlink_without_creating_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere.txt");
        let link = dir.path().join("report.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(write_atomic(&link, b"x").is_err());
        assert!(!target.exists());
    }

    #[test]
    fn errors_leave_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        // A missing directory.
        let missing = dir.path().join("no/such/dir/report.xml");
        assert_eq!(
            write_atomic(&missing, b"x").unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        // A directory where the file should be.
        let sub = dir.path().join("out");
        fs::create_dir(&sub).unwrap();
        assert!(write_atomic(&sub, b"x").is_err());
        assert_eq!(entries(dir.path()), ["out"]);
        assert!(entries(&sub).is_empty());
    }
}
