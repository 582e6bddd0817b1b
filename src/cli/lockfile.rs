//! Reading and writing evidence locks on disk. Writes are atomic: the new
//! lock goes to a temporary file in the same directory, is flushed to disk,
//! then renamed over the old one, so an interrupted run (Ctrl-C, a crash, a
//! full disk) leaves the old lock whole.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::review::{Lock, lock_path};

/// The lock beside `claim_file`, or `None` when there is none yet.
pub fn read(claim_file: &Path) -> Result<Option<Lock>> {
    let path = lock_path(claim_file);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let lock = Lock::parse(&text).with_context(|| {
        format!(
            "{}: remove it and run `factcheck accept` to write it again",
            path.display()
        )
    })?;
    Ok(Some(lock))
}

/// Writes `lock` beside `claim_file`, atomically. Returns the lock's path.
pub fn write(claim_file: &Path, lock: &Lock) -> Result<PathBuf> {
    let path = lock_path(claim_file);
    let text = lock.to_toml()?;
    write_atomic(&path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// Writes `bytes` to `path` so that readers see the old file or the new one,
/// never a part: [`crate::atomic::write`], whose temp files the Ctrl-C
/// handler removes, so an interrupted `accept` leaves no partial lock.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    crate::atomic::write(path, bytes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

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
    fn atomic_write_replaces_whole_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        for text in ["first\n", "second, longer\n", ""] {
            write_atomic(&path, text.as_bytes()).unwrap();
            assert_eq!(fs::read_to_string(&path).unwrap(), text);
            assert_eq!(entries(dir.path()), ["x.lock"]);
        }
    }

    #[test]
    fn a_failed_write_removes_its_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        fs::write(&path, "old\n").unwrap();
        // The target is a directory: the rename fails after the temp file
        // was written, as a crash between write and rename would leave it.
        let blocked = dir.path().join("sub");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("keep"), "x").unwrap();
        assert!(write_atomic(&blocked, b"new\n").is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
        assert_eq!(entries(dir.path()), ["sub", "x.lock"]);
    }

    #[test]
    fn read_tells_missing_from_broken() {
        let dir = tempfile::tempdir().unwrap();
        let claim = dir.path().join("x.toml");
        assert!(read(&claim).unwrap().is_none());
        fs::write(dir.path().join("x.lock"), "version = 1\n").unwrap();
        assert_eq!(read(&claim).unwrap(), Some(Lock::new()));
        fs::write(dir.path().join("x.lock"), "not toml [").unwrap();
        let err = format!("{:#}", read(&claim).unwrap_err());
        assert!(
            err.contains("x.lock") && err.contains("factcheck accept"),
            "{err}"
        );
        write(&claim, &Lock::new()).unwrap();
        assert_eq!(read(&claim).unwrap(), Some(Lock::new()));
    }
}
