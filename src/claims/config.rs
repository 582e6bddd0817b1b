//! `factcheck.toml`: project defaults for `check` and its kin, as
//! ../shared/spec/cli.md defines them. Each `check` option by its long name
//! without dashes, `allow-paths`, `[publisher]` and `[headers."host"]`.
//! Options given on the command line win; merging them is the caller's job.
//!
//! [`parse`] is pure; [`load`] (the edge) reads the file from a project root.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Deserializer};

use super::diagnostic::{Diagnostic, Severity};
use super::parse::suggest;
use crate::compare::Verdict;

/// The configuration file's name.
pub const FILE_NAME: &str = "factcheck.toml";

/// The keys `factcheck.toml` accepts at its top level.
pub const KEYS: &[&str] = &[
    "format",
    "output",
    "offline",
    "refresh",
    "replay",
    "archive",
    "fail-on",
    "strict",
    "locked",
    "concurrency",
    "per-host",
    "timeout",
    "retries",
    "max-size",
    "user-agent",
    "cache-dir",
    "max-age",
    "allow-paths",
    "publisher",
    "headers",
];

/// The keys of `[publisher]`.
pub const PUBLISHER_KEYS: &[&str] = &["name", "url"];

/// A report format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// For people, in a terminal (the default).
    Term,
    /// The JSON report of the spec.
    Json,
    /// Markdown.
    Markdown,
    /// A standalone HTML page.
    Html,
    /// `JUnit` XML for CI.
    Junit,
    /// schema.org `ClaimReview` JSON-LD.
    Claimreview,
    /// GitHub Actions workflow commands.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

/// `[publisher]`: who publishes the checks (for `ClaimReview`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Publisher {
    /// The organisation's name.
    pub name: Option<String>,
    /// Its home page.
    pub url: Option<String>,
}

/// The contents of `factcheck.toml`. Every option is `None` when the file
/// does not set it. Paths are resolved against the file's directory.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// `--format`.
    pub format: Option<Format>,
    /// `--output`.
    pub output: Option<PathBuf>,
    /// `--offline`.
    pub offline: Option<bool>,
    /// `--refresh`.
    pub refresh: Option<bool>,
    /// `--replay`, each a WARC archive.
    pub replay: Option<Vec<PathBuf>>,
    /// `--archive`.
    pub archive: Option<PathBuf>,
    /// `--fail-on`.
    pub fail_on: Option<Vec<Verdict>>,
    /// `--strict`.
    pub strict: Option<bool>,
    /// `--locked`.
    pub locked: Option<bool>,
    /// `--concurrency`.
    pub concurrency: Option<usize>,
    /// `--per-host`.
    pub per_host: Option<usize>,
    /// `--timeout`, in seconds.
    pub timeout: Option<f64>,
    /// `--retries`.
    pub retries: Option<u32>,
    /// `--max-size`, in bytes.
    pub max_size: Option<u64>,
    /// `--user-agent`.
    pub user_agent: Option<String>,
    /// `--cache-dir`.
    pub cache_dir: Option<PathBuf>,
    /// `--max-age`: how long a cached source stays fresh; seconds, or a
    /// string with a unit: "90s", "30m", "12h", "7d".
    #[serde(default, deserialize_with = "duration")]
    pub max_age: Option<Duration>,
    /// Directories outside the project root that local paths may point into.
    #[serde(default)]
    pub allow_paths: Vec<PathBuf>,
    /// `[publisher]`.
    pub publisher: Option<Publisher>,
    /// `[headers."host"]`: HTTP headers to send to each host.
    #[serde(default)]
    pub headers: BTreeMap<String, BTreeMap<String, String>>,
}

/// Seconds as an integer, or a string with a unit.
fn duration<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Duration>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Seconds(u64),
        Text(String),
    }
    let raw = Raw::deserialize(de)?;
    match raw {
        Raw::Seconds(s) => Ok(Some(Duration::from_secs(s))),
        Raw::Text(t) => parse_duration(&t).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{t}` is not a duration; expected seconds or a number with s, m, h or d (\"7d\")"
            ))
        }),
    }
}

/// "90s", "30m", "12h", "7d", or bare seconds.
fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number.parse().ok()?;
    let scale = match unit.trim() {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return None,
    };
    n.checked_mul(scale).map(Duration::from_secs)
}

/// Parses `factcheck.toml`'s text; `dir` is its directory, against which
/// relative paths are resolved.
// One diagnostic per run at most: its size does not matter.
#[allow(clippy::result_large_err)]
pub fn parse(text: &str, path: &Path, dir: &Path) -> Result<Config, Diagnostic> {
    let mut config: Config = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim().to_string();
        let message = unknown_key(&message).unwrap_or(message);
        Diagnostic::at(Severity::Error, path, text, span, message)
    })?;
    let resolve = |p: &mut PathBuf| {
        if p.is_relative() {
            *p = dir.join(&*p);
        }
    };
    for p in config
        .output
        .iter_mut()
        .chain(config.archive.iter_mut())
        .chain(config.cache_dir.iter_mut())
        .chain(config.replay.iter_mut().flatten())
        .chain(config.allow_paths.iter_mut())
    {
        resolve(p);
    }
    Ok(config)
}

/// serde's "unknown field `x`, expected ..." in our words, with a suggestion.
fn unknown_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let name = &rest[..rest.find('`')?];
    let known = KEYS.iter().chain(PUBLISHER_KEYS).copied();
    Some(match suggest(name, known) {
        Some(close) => format!("`{name}` is not a factcheck.toml key; did you mean `{close}`?"),
        None => format!("`{name}` is not a factcheck.toml key; {message}"),
    })
}

/// Reads `factcheck.toml` from a project root (the edge: disk access). No
/// file is the default configuration.
#[allow(clippy::result_large_err)]
pub fn load(root: &Path) -> Result<Config, Diagnostic> {
    let path = root.join(FILE_NAME);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path, root),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(Diagnostic::path(
            Severity::Error,
            &path,
            format!("cannot read it: {e}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Config, String> {
        parse(text, Path::new("factcheck.toml"), Path::new("/p")).map_err(|d| d.to_string())
    }

    #[test]
    fn every_option_by_its_long_name() {
        let config = parsed(
            r#"
format = "json"
output = "report.json"
offline = true
refresh = false
replay = ["a.warc.gz"]
archive = "/tmp/run.warc.gz"
fail-on = ["mismatch", "not-found"]
strict = false
locked = true
concurrency = 8
per-host = 2
timeout = 7.5
retries = 3
max-size = 1000000
user-agent = "factcheck-test"
cache-dir = ".factcheck/cache"
max-age = "7d"
allow-paths = ["../archive"]

[publisher]
name = "The Daily"
url = "https://daily.example"

[headers."example.org"]
Cookie = "session=1"
"#,
        )
        .unwrap();
        assert_eq!(config.format, Some(Format::Json));
        assert_eq!(config.output, Some(PathBuf::from("/p/report.json")));
        assert_eq!(config.archive, Some(PathBuf::from("/tmp/run.warc.gz")));
        assert_eq!(config.replay, Some(vec![PathBuf::from("/p/a.warc.gz")]));
        assert_eq!(
            config.fail_on,
            Some(vec![Verdict::Mismatch, Verdict::NotFound])
        );
        assert_eq!(config.timeout, Some(7.5));
        assert_eq!(config.max_age, Some(Duration::from_secs(7 * 86_400)));
        assert_eq!(config.allow_paths, vec![PathBuf::from("/p/../archive")]);
        assert_eq!(config.publisher.unwrap().name.as_deref(), Some("The Daily"));
        assert_eq!(config.headers["example.org"]["Cookie"], "session=1");
        assert_eq!(config.concurrency, Some(8));
        assert_eq!(config.per_host, Some(2));
        assert_eq!(parsed("").unwrap(), Config::default());
    }

    #[test]
    fn mistakes_point_at_the_key() {
        let cases = [
            (
                "concurency = 4\n",
                "factcheck.toml:1:1: error: `concurency` is not a factcheck.toml key; did you mean `concurrency`?",
            ),
            (
                "timeout = \"x\"\n",
                "factcheck.toml:1:11: error: invalid type",
            ),
            (
                "fail-on = [\"wrong\"]\n",
                "factcheck.toml:1:12: error: `wrong` is not a verdict; use one of match, mismatch,",
            ),
            (
                "max-age = \"7 weeks\"\n",
                "factcheck.toml:1:11: error: `7 weeks` is not a duration",
            ),
            (
                "[publisher]\nnmae = \"x\"\n",
                "factcheck.toml:2:1: error: `nmae` is not a factcheck.toml key; did you mean `name`?",
            ),
        ];
        for (text, expected) in cases {
            let got = parsed(text).unwrap_err();
            assert!(got.starts_with(expected), "{text:?}: {got}");
        }
    }

    proptest::proptest! {
        #[test]
        fn no_input_panics(text in "\\PC{0,200}") {
            let _ = parsed(&text);
        }
    }

    #[test]
    fn durations() {
        let cases = [
            ("90", Some(90)),
            ("90s", Some(90)),
            ("30m", Some(1800)),
            ("12h", Some(43_200)),
            ("1d", Some(86_400)),
            ("d", None),
            ("5y", None),
            ("", None),
        ];
        for (text, secs) in cases {
            assert_eq!(
                parse_duration(text),
                secs.map(Duration::from_secs),
                "{text:?}"
            );
        }
    }

    #[test]
    fn keys_list_every_field() {
        // Every key in KEYS is accepted (an unknown one would be refused).
        for key in KEYS {
            let text = format!("{key} = 1");
            if let Err(e) = parsed(&text) {
                assert!(!e.contains("is not a factcheck.toml key"), "{key}: {e}");
            }
        }
    }
}
