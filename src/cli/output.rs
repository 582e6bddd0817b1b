//! The one place that writes to stdout and stderr. A closed stdout pipe
//! (`factcheck check | head`) is not an error: the run ends quietly with the
//! exit code it would have had.

use std::io::{self, Write};

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
