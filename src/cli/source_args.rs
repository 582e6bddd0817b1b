//! The source options shared by `check`, `read`, `review` and `accept`
//! (../shared/spec/cli.md), and their conversion into `fetch::Settings`.
//!
//! Every option is optional so that `factcheck.toml` can supply a default
//! beneath it: the order is built-in default, then the file, then the command
//! line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;

use crate::fetch::{self, Settings};

/// Where sources come from and the limits on fetching them.
#[derive(Debug, Clone, Default, Args)]
pub struct SourceArgs {
    /// Never use the network: sources come from the cache (never revalidated), the archives given and local files
    #[arg(long)]
    pub offline: bool,

    /// Ignore the cache; fetch every source again
    #[arg(long)]
    pub refresh: bool,

    /// Read sources from a WARC archive (.warc or .warc.gz); may be repeated
    #[arg(long, value_name = "FILE")]
    pub replay: Vec<PathBuf>,

    /// Write every source the run used to this WARC archive (.warc.gz)
    #[arg(long, value_name = "FILE")]
    pub archive: Option<PathBuf>,

    /// Where fetched sources are kept [default: .factcheck/cache in the project root, else the user's cache folder]
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Let a cached copy stand this long without asking its server (seconds, or 30m, 12h, 1d) [default: 0: every cached source is revalidated]
    #[arg(long, value_name = "AGE", value_parser = parse_duration)]
    pub max_age: Option<Duration>,

    /// Requests in flight at once [default: 16]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub concurrency: Option<u16>,

    /// Requests in flight at once to one host [default: 2]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub per_host: Option<u16>,

    /// Bound on one whole request, in seconds; the connect and idle time-outs are fixed fractions of it [default: 30]
    #[arg(long, value_name = "SECS", value_parser = parse_seconds)]
    pub timeout: Option<Duration>,

    /// Retries on 408, 429, 5xx and broken connections [default: 3]
    #[arg(long, value_name = "N")]
    pub retries: Option<u32>,

    /// Largest body read, before and after decompression (bytes, or 500kB, 20MB) [default: 20MB]
    #[arg(long, value_name = "BYTES", value_parser = parse_size)]
    pub max_size: Option<u64>,

    /// The User-Agent header [default: factcheck/VERSION (+HOMEPAGE)]
    #[arg(long, value_name = "S")]
    pub user_agent: Option<String>,
}

impl SourceArgs {
    /// The settings for a run: these options over `base` (the built-in
    /// defaults, or those `factcheck.toml` gives). Without `--cache-dir`, the
    /// cache is `base.cache_dir` if set, else [`default_cache_dir`] of `root`.
    #[must_use]
    pub fn settings(&self, mut base: Settings, root: Option<&Path>) -> Settings {
        base.offline |= self.offline;
        base.refresh |= self.refresh;
        base.replay.extend(self.replay.iter().cloned());
        if let Some(archive) = &self.archive {
            base.archive = Some(archive.clone());
        }
        if let Some(dir) = &self.cache_dir {
            base.cache_dir = Some(dir.clone());
        } else if base.cache_dir.is_none() {
            base.cache_dir = default_cache_dir(root);
        }
        if let Some(age) = self.max_age {
            base.max_age = age;
        }
        if let Some(n) = self.concurrency {
            base.concurrency = usize::from(n);
        }
        if let Some(n) = self.per_host {
            base.per_host = usize::from(n);
        }
        if let Some(timeout) = self.timeout {
            base.timeout = timeout;
        }
        if let Some(retries) = self.retries {
            base.retries = retries;
        }
        if let Some(max) = self.max_size {
            base.max_size = max;
        }
        if let Some(agent) = &self.user_agent {
            base.user_agent.clone_from(agent);
        }
        base
    }
}

/// The project root for commands without claim files: the nearest directory
/// at or above `start` holding `factcheck.toml` or `.git`.
#[must_use]
pub fn project_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join("factcheck.toml").is_file() || dir.join(".git").exists())
        .map(Path::to_path_buf)
}

/// The default cache directory (spec): `.factcheck/cache` in the project root,
/// else `factcheck` in the user's cache folder; `None` if there is neither.
#[must_use]
pub fn default_cache_dir(root: Option<&Path>) -> Option<PathBuf> {
    if let Some(root) = root {
        return Some(root.join(".factcheck").join("cache"));
    }
    user_cache_dir().map(|dir| dir.join("factcheck"))
}

fn user_cache_dir() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        return var("LOCALAPPDATA");
    }
    if cfg!(target_os = "macos") {
        return var("HOME").map(|home| home.join("Library").join("Caches"));
    }
    var("XDG_CACHE_HOME").or_else(|| var("HOME").map(|home| home.join(".cache")))
}

/// The fetch settings `factcheck.toml` gives beneath the command line: the
/// fetch options by their long names, and `[headers."host"]`. Only these keys
/// are read here; the file as a whole is validated where it is loaded for
/// `check`. A missing file gives the defaults.
pub fn file_settings(root: Option<&Path>) -> Result<Settings, String> {
    let mut settings = Settings::default();
    let Some(root) = root else {
        return Ok(settings);
    };
    let path = root.join("factcheck.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(settings),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let table: toml::Table = text
        .parse()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let bad = |key: &str, want: &str| format!("{}: `{key}` must be {want}", path.display());
    let count = |key: &str| -> Result<Option<u64>, String> {
        match table.get(key) {
            None => Ok(None),
            Some(toml::Value::Integer(n)) if *n >= 1 => Ok(Some(n.unsigned_abs())),
            Some(_) => Err(bad(key, "a whole number of at least 1")),
        }
    };
    let string = |key: &str| -> Result<Option<&str>, String> {
        match table.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(bad(key, "a string")),
        }
    };
    if let Some(n) = count("concurrency")? {
        settings.concurrency = usize::try_from(n).unwrap_or(usize::MAX);
    }
    if let Some(n) = count("per-host")? {
        settings.per_host = usize::try_from(n).unwrap_or(usize::MAX);
    }
    match table.get("timeout") {
        None => {}
        Some(toml::Value::Integer(n)) if *n > 0 => {
            settings.timeout = Duration::from_secs(n.unsigned_abs());
        }
        Some(toml::Value::Float(f)) if *f > 0.0 && f.is_finite() => {
            settings.timeout = Duration::from_secs_f64(*f);
        }
        Some(_) => return Err(bad("timeout", "a number of seconds above 0")),
    }
    match table.get("retries") {
        None => {}
        Some(toml::Value::Integer(n)) if *n >= 0 => {
            settings.retries = u32::try_from(*n).unwrap_or(u32::MAX);
        }
        Some(_) => return Err(bad("retries", "a whole number")),
    }
    match table.get("max-size") {
        None => {}
        Some(toml::Value::Integer(n)) if *n > 0 => settings.max_size = n.unsigned_abs(),
        Some(toml::Value::String(s)) => {
            settings.max_size = parse_size(s).map_err(|e| bad("max-size", &e))?;
        }
        Some(_) => return Err(bad("max-size", "a size in bytes")),
    }
    match table.get("max-age") {
        None => {}
        Some(toml::Value::Integer(n)) if *n >= 0 => {
            settings.max_age = Duration::from_secs(n.unsigned_abs());
        }
        Some(toml::Value::String(s)) => {
            settings.max_age = parse_duration(s).map_err(|e| bad("max-age", &e))?;
        }
        Some(_) => return Err(bad("max-age", "an age (86400, \"1d\")")),
    }
    if let Some(agent) = string("user-agent")? {
        agent.clone_into(&mut settings.user_agent);
    }
    if let Some(dir) = string("cache-dir")? {
        settings.cache_dir = Some(root.join(dir));
    }
    if let Some(headers) = table.get("headers") {
        settings.headers = headers_table(headers).map_err(|want| bad("headers", &want))?;
    }
    Ok(settings)
}

fn headers_table(value: &toml::Value) -> Result<BTreeMap<String, Vec<(String, String)>>, String> {
    let want = || "a table of hosts, each a table of header = \"value\"".to_owned();
    let hosts = value.as_table().ok_or_else(want)?;
    let mut out = BTreeMap::new();
    for (host, headers) in hosts {
        let headers = headers.as_table().ok_or_else(want)?;
        let mut pairs = Vec::new();
        for (name, value) in headers {
            pairs.push((name.clone(), value.as_str().ok_or_else(want)?.to_owned()));
        }
        out.insert(host.to_ascii_lowercase(), pairs);
    }
    Ok(out)
}

/// Seconds, possibly fractional ("30", "0.5").
fn parse_seconds(s: &str) -> Result<Duration, String> {
    let secs: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    if secs > 0.0 && secs.is_finite() && secs < 1e9 {
        Ok(Duration::from_secs_f64(secs))
    } else {
        Err(format!("`{s}` must be above 0 seconds"))
    }
}

/// An age: seconds, or a number with s, m, h or d.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let (number, unit) = match t.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => t.split_at(i),
        None => (t, "s"),
    };
    let n: u64 = number
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not an age (86400, 30m, 12h, 1d)"))?;
    let scale = match unit.trim() {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("`{s}` is not an age (86400, 30m, 12h, 1d)")),
    };
    Ok(Duration::from_secs(n.saturating_mul(scale)))
}

/// A size: bytes, or a number with kB, MB or GB (powers of 1000, as the
/// reasons print them).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (number, unit) = match t.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    let n: u64 = number
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a size (20000000, 500kB, 20MB)"))?;
    let scale = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" | "k" => 1000,
        "mb" | "m" => 1_000_000,
        "gb" | "g" => 1_000_000_000,
        _ => return Err(format!("`{s}` is not a size (20000000, 500kB, 20MB)")),
    };
    match n.checked_mul(scale) {
        Some(0) => Err("the size must be above 0".into()),
        Some(size) => Ok(size),
        None => Err(format!("`{s}` is too large")),
    }
}

/// The settings `read` and the other source commands use when they have no
/// `factcheck.toml` of their own to load: the file's fetch keys, then `args`.
pub fn settings_for(args: &SourceArgs, root: Option<&Path>) -> Result<Settings, String> {
    let base = file_settings(root)?;
    Ok(args.settings(base, root))
}

/// `fetch` limits are public constants; keep the help text's defaults honest.
const _: () = {
    assert!(fetch::DEFAULT_CONCURRENCY == 16);
    assert!(fetch::DEFAULT_PER_HOST == 2);
    assert!(fetch::DEFAULT_RETRIES == 3);
    assert!(fetch::DEFAULT_MAX_SIZE == 20_000_000);
    assert!(fetch::DEFAULT_TIMEOUT.as_secs() == 30);
    assert!(fetch::DEFAULT_MAX_AGE.as_secs() == 0);
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_ages_parse() {
        let sizes = [
            ("20000000", Ok(20_000_000)),
            ("20MB", Ok(20_000_000)),
            ("500 kB", Ok(500_000)),
            ("0", Err(())),
            ("big", Err(())),
            ("5 TB", Err(())),
        ];
        for (s, expected) in sizes {
            assert_eq!(parse_size(s).map_err(|_| ()), expected, "{s}");
        }
        let ages = [
            ("86400", Ok(86_400)),
            ("1d", Ok(86_400)),
            ("12h", Ok(43_200)),
            ("30m", Ok(1800)),
            ("0", Ok(0)),
            ("1w", Err(())),
        ];
        for (s, expected) in ages {
            assert_eq!(
                parse_duration(s).map(|d| d.as_secs()).map_err(|_| ()),
                expected,
                "{s}"
            );
        }
        assert_eq!(parse_seconds("0.5"), Ok(Duration::from_millis(500)));
        assert!(parse_seconds("0").is_err());
        assert!(parse_seconds("-1").is_err());
    }

    #[test]
    fn the_command_line_wins_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("factcheck.toml"),
            "concurrency = 4\ntimeout = 10\nmax-size = \"1MB\"\n[headers.\"Example.org\"]\ncookie = \"session=1\"\n[publisher]\nname = \"x\"\n",
        )
        .unwrap();
        let root = project_root(dir.path());
        assert_eq!(root.as_deref(), Some(dir.path()));
        let args = SourceArgs {
            concurrency: Some(8),
            offline: true,
            ..SourceArgs::default()
        };
        let settings = settings_for(&args, root.as_deref()).unwrap();
        assert_eq!(settings.concurrency, 8);
        assert_eq!(settings.timeout, Duration::from_secs(10));
        assert_eq!(settings.max_size, 1_000_000);
        assert!(settings.offline);
        assert_eq!(
            settings.cache_dir,
            Some(dir.path().join(".factcheck").join("cache"))
        );
        assert_eq!(
            settings.headers["example.org"],
            vec![("cookie".to_owned(), "session=1".to_owned())]
        );

        std::fs::write(dir.path().join("factcheck.toml"), "concurrency = 0\n").unwrap();
        assert!(settings_for(&args, root.as_deref()).is_err());
    }
}
