//! The project root rule of the spec and the check that a local path stays
//! inside it: lexically (`..` climbing out, an absolute path elsewhere) and
//! after symlinks are resolved. Pure: symlinks are resolved through the
//! [`Disk`](super::Disk) the caller passes.

use std::path::{Component, Path, PathBuf};

use super::Disk;

/// Where a claim file's local paths may point: the project root and the
/// directories `factcheck.toml` lists under `allow-paths`. All absolute and
/// with symlinks resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    /// The nearest directory at or above the claim file holding
    /// `factcheck.toml` or `.git`, else the claim file's own directory.
    pub root: PathBuf,
    /// Extra directories local paths may point into.
    pub allow_paths: Vec<PathBuf>,
}

/// Why a local path was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Escape {
    /// It leaves the root as written (`..`, or an absolute path elsewhere).
    Lexical(PathBuf),
    /// It is inside as written, but a symlink on the way points out.
    Symlink(PathBuf),
}

/// `path` with `.` dropped and `..` applied, without touching the disk.
#[must_use]
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `..` at the root stays at the root, as the OS does.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(part),
            },
            other => out.push(other),
        }
    }
    out
}

impl Project {
    /// Whether `path` (absolute, normalised) lies in the root or an allowed
    /// directory.
    #[must_use]
    pub fn contains(&self, path: &Path) -> bool {
        path.starts_with(&self.root) || self.allow_paths.iter().any(|a| path.starts_with(a))
    }

    /// Resolves `path` (relative to `dir`, the claim file's absolute
    /// directory, or absolute) and checks it stays inside. Returns the path
    /// with symlinks resolved as far as it exists.
    pub fn resolve(&self, dir: &Path, path: &Path, disk: &dyn Disk) -> Result<PathBuf, Escape> {
        let joined = normalize(&dir.join(path));
        if !self.contains(&joined) {
            return Err(Escape::Lexical(joined));
        }
        // The file may not exist yet; its nearest existing ancestor still
        // tells whether a symlinked directory leads out.
        let mut real = None;
        let mut rest = Vec::new();
        for ancestor in joined.ancestors() {
            if let Some(found) = disk.canonicalize(ancestor) {
                let mut full = found;
                full.extend(rest.iter().rev());
                real = Some(full);
                break;
            }
            if let Some(name) = ancestor.file_name() {
                rest.push(name.to_os_string());
            }
        }
        let real = real.unwrap_or(joined);
        if self.contains(&real) {
            Ok(real)
        } else {
            Err(Escape::Symlink(real))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A disk where only the listed paths exist, each resolving to a target.
    struct Fake(BTreeMap<PathBuf, PathBuf>);

    impl Disk for Fake {
        fn canonicalize(&self, path: &Path) -> Option<PathBuf> {
            self.0.get(path).cloned()
        }
        fn read_to_string(&self, _path: &Path) -> Result<String, String> {
            Err("not here".into())
        }
    }

    #[test]
    fn normalize_applies_dots_lexically() {
        let cases = [
            ("/a/b/../c", "/a/c"),
            ("/a/./b", "/a/b"),
            ("/a/../../b", "/b"),
            ("a/../../b", "../b"),
        ];
        for (path, expected) in cases {
            assert_eq!(normalize(Path::new(path)), Path::new(expected), "{path}");
        }
    }

    #[test]
    fn resolve_keeps_paths_inside_the_root() {
        let project = Project {
            root: "/p".into(),
            allow_paths: vec!["/archive".into()],
        };
        let disk = Fake(BTreeMap::from([
            ("/p".into(), "/p".into()),
            ("/p/claims".into(), "/p/claims".into()),
            ("/p/claims/out".into(), "/etc".into()),
            ("/p/claims/ok".into(), "/archive/ok".into()),
        ]));
        let dir = Path::new("/p/claims");
        let cases: [(&str, Result<&str, Escape>); 7] = [
            ("src/a.html", Ok("/p/claims/src/a.html")),
            ("../articles/a.md", Ok("/p/articles/a.md")),
            (
                "../../etc/passwd",
                Err(Escape::Lexical("/etc/passwd".into())),
            ),
            ("/etc/passwd", Err(Escape::Lexical("/etc/passwd".into()))),
            ("/archive/x.html", Ok("/archive/x.html")),
            ("out/passwd", Err(Escape::Symlink("/etc/passwd".into()))),
            ("ok", Ok("/archive/ok")),
        ];
        for (path, expected) in cases {
            let got = project.resolve(dir, Path::new(path), &disk);
            assert_eq!(got, expected.map(PathBuf::from), "{path}");
        }
    }
}
