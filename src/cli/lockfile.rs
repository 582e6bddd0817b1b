//! Reading and writing evidence locks on disk. Writes go through
//! [`crate::atomic::write`] (temp file, fsync, rename; temp files removed on
//! Ctrl-C), so an interrupted run leaves the old lock whole.

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
    crate::atomic::write(&path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

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
