//! THE EDGE of the claims stage: the only code here that touches the disk.
//! It walks the paths given, reads each claim file and the project's
//! `factcheck.toml`, and hands the bytes to the pure [`parse`](super::parse).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::config::{self, FILE_NAME};
use super::diagnostic::{Diagnostic, Severity};
use super::parse::{MAX_SIZE, Origin, parse};
use super::paths::{Project, normalize};
use super::{ClaimFile, Disk};

/// What loading the claim files below some paths gave.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Every claim file found, in the order read (sorted below each path),
    /// valid or not.
    pub found: Vec<PathBuf>,
    /// The valid claim files, in the same order.
    pub files: Vec<ClaimFile>,
    /// Every error: a file with any is not in `files`. An error not in a
    /// claim file (a missing path, a bad `factcheck.toml`) makes the run fail too.
    pub errors: Vec<Diagnostic>,
    /// Warnings, which do not stop a check (a claim's text that no longer
    /// occurs in its article).
    pub warnings: Vec<Diagnostic>,
}

impl Loaded {
    /// Whether every claim file is valid and nothing else went wrong.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// The real disk.
struct RealDisk;

impl Disk for RealDisk {
    fn canonicalize(&self, path: &Path) -> Option<PathBuf> {
        fs::canonicalize(path).ok()
    }

    fn read_to_string(&self, path: &Path) -> Result<String, String> {
        let bytes = fs::read(path).map_err(|e| e.to_string())?;
        String::from_utf8(bytes).map_err(|_| "it is not UTF-8".to_string())
    }
}

/// The project root for a directory (spec: the nearest directory at or above
/// it that holds `factcheck.toml` or `.git`, else the directory itself).
/// `start` should be absolute.
#[must_use]
pub fn find_root(start: &Path) -> PathBuf {
    start
        .ancestors()
        .find(|dir| dir.join(FILE_NAME).is_file() || dir.join(".git").exists())
        .unwrap_or(start)
        .to_path_buf()
}

/// Loads and validates every claim file below `paths`: files are taken as
/// given, directories are walked recursively in sorted order for `*.toml`
/// files other than `factcheck.toml`. No claim file at all is an error that
/// names the paths.
#[must_use]
pub fn load(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found, &mut loaded.errors);
        } else if path.is_file()
            && !path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        {
            // An article or a page given by mistake: one line, not a page of
            // TOML errors.
            loaded.errors.push(Diagnostic::path(
                Severity::Error,
                path,
                "not a claim file: claim files are TOML (`.toml`); to draft one from an article, run `factcheck new ARTICLE -o claims/NAME.toml`",
            ));
        } else if path.is_file() {
            found.push(path.clone());
            // factcheck.toml given by name is still configuration, not claims.
            if path.file_name().is_some_and(|n| n == FILE_NAME) {
                found.pop();
            }
        } else {
            loaded.errors.push(
                Diagnostic::path(Severity::Error, path, "no such file or directory").with_help(
                    "give a claim file or a directory holding claim files (default: claims/)",
                ),
            );
        }
    }
    // A file named twice (`claims/ claims/a.toml`) is read once.
    let mut seen = std::collections::BTreeSet::new();
    found.retain(|p| seen.insert(fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    if found.is_empty() && loaded.errors.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
        loaded.errors.push(
            Diagnostic::path(
                Severity::Error,
                Path::new(&names.join(", ")),
                "no claim file (*.toml) here",
            )
            .with_help("claim files are TOML files below claims/ or the paths given"),
        );
    }
    let mut projects: BTreeMap<PathBuf, Project> = BTreeMap::new();
    for path in &found {
        let parsed = read(path, &mut projects, &mut loaded.errors);
        loaded.errors.extend(parsed.errors);
        loaded.warnings.extend(parsed.warnings);
        loaded.files.extend(parsed.file);
    }
    loaded.found = found;
    loaded
}

/// Collects the claim files below `dir`, sorted, recursively.
fn walk(dir: &Path, found: &mut Vec<PathBuf>, errors: &mut Vec<Diagnostic>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Diagnostic::path(
                Severity::Error,
                dir,
                format!("cannot read the directory: {e}"),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, found, errors);
        } else if path.extension().is_some_and(|e| e == "toml")
            && path.file_name().is_some_and(|n| n != FILE_NAME)
        {
            found.push(path);
        }
    }
}

/// Reads one claim file and parses it against its project.
fn read(
    path: &Path,
    projects: &mut BTreeMap<PathBuf, Project>,
    errors: &mut Vec<Diagnostic>,
) -> super::Parsed {
    let refuse = |message: String| super::Parsed {
        errors: vec![Diagnostic::file(Severity::Error, path, message)],
        ..super::Parsed::default()
    };
    // The size is checked before reading: a huge file is never read.
    match fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_SIZE as u64 => {
            return refuse(format!(
                "the file is {} bytes; claim files larger than 4 MB ({MAX_SIZE} bytes) are refused",
                meta.len()
            ));
        }
        Ok(_) => {}
        Err(e) => return refuse(format!("cannot read it: {e}")),
    }
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return refuse(format!("cannot read it: {e}")),
    };
    let absolute = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = absolute
        .parent()
        .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
    let root = find_root(&dir);
    let project = projects
        .entry(root.clone())
        .or_insert_with(|| project(&root, errors))
        .clone();
    let origin = Origin {
        path: path.to_path_buf(),
        dir,
        project,
    };
    parse(&bytes, &origin, &RealDisk)
}

/// The project at `root`, with its allowed paths; a bad `factcheck.toml` is
/// reported once and the project then allows nothing outside the root.
fn project(root: &Path, errors: &mut Vec<Diagnostic>) -> Project {
    let allow_paths = match config::load(root).map_err(|mut d| {
        d.path = shown(&d.path);
        d
    }) {
        Ok(config) => config
            .allow_paths
            .iter()
            .map(|p| fs::canonicalize(p).unwrap_or_else(|_| normalize(p)))
            .collect(),
        Err(d) => {
            errors.push(d);
            Vec::new()
        }
    };
    Project {
        root: root.to_path_buf(),
        allow_paths,
    }
}

/// `path` relative to the working directory when it lies below it, so
/// messages name `factcheck.toml` as the user would type it.
fn shown(path: &Path) -> PathBuf {
    std::env::current_dir()
        .and_then(fs::canonicalize)
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}
