//! Reading and writing evidence locks on disk. Writes go through
//! [`crate::atomic::write`] (temp file, fsync, rename; temp files removed on
//! Ctrl-C), so an interrupted run leaves the old lock whole.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::review::{Lock, LockError, lock_path};

/// Why a lock could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LockFileError {
    /// The file exists but cannot be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The lock.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The file is not a lock this version reads.
    #[error("{}: remove it and run `factcheck accept` to write it again", path.display())]
    Parse {
        /// The lock.
        path: PathBuf,
        /// The cause.
        #[source]
        source: LockError,
    },
    /// The lock cannot be serialised.
    #[error("cannot write {}", path.display())]
    Serialise {
        /// The lock.
        path: PathBuf,
        /// The cause.
        #[source]
        source: LockError,
    },
    /// The file cannot be written.
    #[error("cannot write {}", path.display())]
    Write {
        /// The lock.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
}

/// The lock beside `claim_file`, or `None` when there is none yet.
pub fn read(claim_file: &Path) -> Result<Option<Lock>, LockFileError> {
    let path = lock_path(claim_file);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(LockFileError::Read { path, source }),
    };
    match Lock::parse(&text) {
        Ok(lock) => Ok(Some(lock)),
        Err(source) => Err(LockFileError::Parse { path, source }),
    }
}

/// Writes `lock` beside `claim_file`, atomically. Returns the lock's path.
pub fn write(claim_file: &Path, lock: &Lock) -> Result<PathBuf, LockFileError> {
    let path = lock_path(claim_file);
    let text = match lock.to_toml() {
        Ok(text) => text,
        Err(source) => return Err(LockFileError::Serialise { path, source }),
    };
    if let Err(source) = crate::atomic::write(&path, text.as_bytes()) {
        return Err(LockFileError::Write { path, source });
    }
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
        let err = format!("{:#}", anyhow::Error::new(read(&claim).unwrap_err()));
        assert!(
            err.contains("x.lock")
                && err.contains("factcheck accept")
                && err.contains("not a valid lock"),
            "{err}"
        );
        write(&claim, &Lock::new()).unwrap();
        assert_eq!(read(&claim).unwrap(), Some(Lock::new()));
    }
}
