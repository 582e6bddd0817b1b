//! Files written whole or not at all: every file factcheck writes (reports,
//! locks, drafts, cache entries, archives) goes to a temp file in the same
//! directory, then is renamed over the target. An interrupt (Ctrl-C, SIGTERM)
//! removes the temp files in flight before the process ends, so nothing
//! partial is ever left on disk and the old file stays intact.
//!
//! This is edge code: it touches the disk and, through [`install_interrupt_handler`],
//! the process.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Temp files being written right now; the interrupt handler removes them.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The exit code of a run ended by Ctrl-C, as shells report SIGINT (128 + 2).
pub const INTERRUPTED: i32 = 130;

/// Installs the Ctrl-C / SIGTERM handler: it removes the temp files in flight
/// and ends the process with [`INTERRUPTED`]. Call once, from `main`'s side.
pub fn install_interrupt_handler() {
    // A second install (tests calling `run` twice) is refused by ctrlc; the
    // first handler stays, which is what we want.
    let _ = ctrlc::set_handler(|| {
        let guard = IN_FLIGHT
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for path in guard.iter() {
            let _ = fs::remove_file(path);
        }
        // Exit while holding the lock, so no rename can complete after the
        // temp files are gone.
        std::process::exit(INTERRUPTED);
    });
}

/// Writes `bytes` to `path` atomically: a temp file beside it, synced, then
/// renamed over it. A symlink at `path` is replaced by the file, never
/// followed, so a report cannot be redirected into a file it did not create.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with_permissions(path, bytes, None)
}

/// [`write`], giving the new file `permissions` (an existing file's, so
/// replacing a report keeps who may read it).
pub fn write_with_permissions(
    path: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "the output path names no file")
    })?;
    let temp = dir.join(format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    lock().push(temp.clone());
    let result = write_temp(&temp, bytes, permissions).and_then(|()| {
        let mut guard = lock();
        let renamed = fs::rename(&temp, path);
        guard.retain(|p| p != &temp);
        renamed
    });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
        lock().retain(|p| p != &temp);
    } else if let Ok(dir) = File::open(&dir) {
        // The rename is durable once the directory entry is on disk; where a
        // directory cannot be synced the file is still whole.
        let _ = dir.sync_all();
    }
    result
}

fn write_temp(temp: &Path, bytes: &[u8], permissions: Option<fs::Permissions>) -> io::Result<()> {
    // create_new: never open an existing file or follow a planted symlink.
    let mut file: File = OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(bytes)?;
    if let Some(permissions) = permissions {
        file.set_permissions(permissions)?;
    }
    file.sync_all()
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write(&path, b"first").unwrap();
        write(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.json")]);
        assert!(!lock().iter().any(|p| p.starts_with(dir.path())));
    }

    #[cfg(unix)]
    #[test]
    fn replaces_a_symlink_instead_of_following_it() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, b"precious").unwrap();
        let link = dir.path().join("out.txt");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        write(&link, b"report").unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
        assert_eq!(fs::read(&link).unwrap(), b"report");
        assert!(
            !fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn unwritable_directory_is_an_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("out.txt");
        assert!(write(&path, b"x").is_err());
        assert!(!lock().iter().any(|p| p.starts_with(dir.path())));
    }
}
