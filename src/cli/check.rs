//! `factcheck check [PATH...]`: parses the arguments, merges them with
//! `factcheck.toml`, runs the library's check ([`crate::check::run`]: claim
//! files in, a report out), prints the report and exits: 0 when no claim is
//! failing, 1 when one is, 2 when the run could not be done
//! (../shared/spec/cli.md). Whether a claim fails is decided once, in the
//! library; this module only reads [`Report::failing`].

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::Exit;
use super::output;
use super::progress;
use super::source_args::{self, SourceArgs};
use crate::check;
use crate::claims::{self, shard::Shard};
use crate::compare::Verdict;
use crate::fetch;
use crate::report::{self, Format, Gate, RenderOptions, Report};

/// Where claim files are looked for when no path is given.
pub const DEFAULT_PATH: &str = "claims";

/// When the terminal report is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Arguments of `factcheck check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Claim files, or directories to search for them [default: the project root's claims/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Report format: term, json, markdown, html, junit, claimreview, github or sarif [default: term]
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,

    /// Write the report to FILE instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write a report in FORMAT to FILE (json=report.json); may be repeated
    #[arg(long = "report", value_name = "FORMAT=FILE", value_parser = parse_report_target)]
    pub reports: Vec<ReportTarget>,

    /// Check only shard K of N of the claim files (by a stable hash of each path relative to the project root)
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,

    /// Verdicts that make the exit code 1, comma-separated [default: mismatch,disputed,not-found,unreachable]
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_verdict, conflicts_with = "strict")]
    pub fail_on: Option<Vec<Verdict>>,

    /// Fail on every verdict but match
    #[arg(long)]
    pub strict: bool,

    /// Also fail when any evidence changed since the lock
    #[arg(long)]
    pub locked: bool,

    /// The terminal report shows the evidence of passing claims too
    #[arg(short, long)]
    pub verbose: bool,

    /// Colour the terminal report
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Where sources come from and the fetch limits.
    #[command(flatten)]
    pub sources: SourceArgs,
}

pub(crate) fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("`{name}` is not a format; use one of {}", names.join(", "))
    })
}

/// One `--report FORMAT=FILE`: another report of the same run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportTarget {
    /// Its format.
    pub format: Format,
    /// Where it is written.
    pub path: PathBuf,
}

pub(crate) fn parse_report_target(text: &str) -> Result<ReportTarget, String> {
    let (name, path) = text
        .split_once('=')
        .filter(|(_, path)| !path.is_empty())
        .ok_or_else(|| format!("`{text}` is not FORMAT=FILE (e.g. json=report.json)"))?;
    Ok(ReportTarget {
        format: parse_format(name.trim())?,
        path: PathBuf::from(path),
    })
}

fn parse_shard(text: &str) -> Result<Shard, String> {
    text.parse()
}

/// A verdict by its report name (`not-found`).
pub fn parse_verdict(name: &str) -> Result<Verdict, String> {
    name.parse()
}

/// The run's settings, once the command line and `factcheck.toml` are merged
/// (the command line wins).
struct Settings {
    format: Format,
    output: Option<PathBuf>,
    gate: Gate,
    color: bool,
    publisher: Option<report::Publisher>,
    fetch: fetch::Settings,
}

/// The claim files to read: the paths given, else the project root's
/// `claims/` (found from any folder below the root), as a path relative to
/// the current directory so reports name files as the user sees them.
#[must_use]
pub fn claim_paths(given: &[PathBuf]) -> Vec<PathBuf> {
    if !given.is_empty() {
        return given.to_vec();
    }
    let Ok(cwd) = std::env::current_dir() else {
        return vec![PathBuf::from(DEFAULT_PATH)];
    };
    let root = claims::find_root(&cwd);
    let default = match cwd.strip_prefix(&root) {
        Ok(below) if root.join(DEFAULT_PATH).is_dir() => below
            .components()
            .map(|_| Path::new(".."))
            .collect::<PathBuf>()
            .join(DEFAULT_PATH),
        _ => PathBuf::from(DEFAULT_PATH),
    };
    vec![default]
}

/// Runs `check`.
#[must_use]
pub fn run(args: &CheckArgs) -> Exit {
    let paths = claim_paths(&args.paths);
    let mut loaded = claims::load(&paths);
    if let Some(shard) = args.shard {
        keep_shard(&mut loaded, shard);
    }
    for warning in &loaded.warnings {
        output::stderr_line(&warning.to_string());
    }
    if !loaded.is_ok() {
        for error in &loaded.errors {
            output::stderr_line(&error.to_string());
        }
        return Exit::Error;
    }
    let root = loaded.files.first().map_or_else(
        || {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            claims::find_root(&cwd)
        },
        |f| f.root.clone(),
    );
    let settings = match settings(args, &root) {
        Ok(settings) => settings,
        Err(message) => {
            output::stderr_line(&format!("factcheck: {message}"));
            return Exit::Error;
        }
    };
    let options = check::Options {
        fetch: settings.fetch.clone(),
        gate: settings.gate.clone(),
        started: jiff::Timestamp::now(),
    };
    let progress = progress::Progress::start(progress::Mode::from_environment());
    let checked = check::run_with(&loaded.files, &options, progress.observer());
    progress.finish();
    let mut report = match checked {
        Ok(report) => report,
        Err(e) => {
            output::stderr_line(&format!("factcheck: {:#}", anyhow::Error::new(e)));
            return Exit::Error;
        }
    };
    report.run.shard = args.shard.map(|s| report::Shard {
        index: s.index,
        count: s.count,
    });
    add_warnings(&mut report, &loaded.warnings);
    let options = RenderOptions {
        format: settings.format,
        color: settings.color,
        verbose: args.verbose,
        publisher: settings.publisher.clone(),
        date: Some(jiff::ZonedDateTime::now().date().to_string()),
        ..RenderOptions::default()
    };
    let rendered = report::render(&report, &options);
    if let Err(message) = write(&rendered, settings.output.as_deref()) {
        output::stderr_line(&format!("factcheck: {message}"));
        return Exit::Error;
    }
    // The other reports of the same run, never coloured.
    for target in &args.reports {
        let options = RenderOptions {
            format: target.format,
            color: false,
            ..options.clone()
        };
        if let Err(message) = write(&report::render(&report, &options), Some(&target.path)) {
            output::stderr_line(&format!("factcheck: {message}"));
            return Exit::Error;
        }
    }
    exit(&report)
}

/// Keeps the claim files of `shard` (and the diagnostics about them, or
/// about no file at all): each file's shard comes from its path relative to
/// its project root, with `/` separators, so every machine agrees.
fn keep_shard(loaded: &mut claims::Loaded, shard: Shard) {
    let mine = |path: &Path| -> bool {
        let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let root = claims::find_root(absolute.parent().unwrap_or(&absolute));
        let relative = absolute.strip_prefix(&root).unwrap_or(&absolute);
        let key: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        shard.contains(&key.join("/"))
    };
    let found: std::collections::HashMap<PathBuf, bool> =
        loaded.found.iter().map(|p| (p.clone(), mine(p))).collect();
    let keep = |path: &Path| found.get(path).copied().unwrap_or(true);
    loaded.found.retain(|p| keep(p));
    loaded.files.retain(|f| keep(&f.path));
    loaded.errors.retain(|d| keep(&d.path));
    loaded.warnings.retain(|d| keep(&d.path));
}

/// Puts each claim file's warnings into its report, where `github` and
/// `sarif` show them at their line.
fn add_warnings(report: &mut Report, warnings: &[claims::Diagnostic]) {
    for file in &mut report.files {
        file.warnings = warnings
            .iter()
            .filter(|d| d.path.display().to_string() == file.path)
            .map(|d| {
                let (line, column) = d.position.as_ref().map_or((1, 1), |p| (p.line, p.column));
                report::FileWarning {
                    line,
                    column,
                    message: d.message.clone(),
                }
            })
            .collect();
    }
}

/// The exit code: 1 exactly when the report shows a failing claim.
fn exit(report: &Report) -> Exit {
    if report.failing() {
        Exit::Failed
    } else {
        Exit::Passed
    }
}

fn settings(args: &CheckArgs, root: &Path) -> Result<Settings, String> {
    let config = claims::config::load(root).map_err(|d| d.to_string())?;
    let format = match (args.format, config.format) {
        (Some(format), _) => format,
        (None, Some(format)) => match format {
            claims::config::Format::Term => Format::Term,
            claims::config::Format::Json => Format::Json,
            claims::config::Format::Markdown => Format::Markdown,
            claims::config::Format::Html => Format::Html,
            claims::config::Format::Junit => Format::Junit,
            claims::config::Format::Claimreview => Format::Claimreview,
            claims::config::Format::Github => Format::Github,
            claims::config::Format::Sarif => Format::Sarif,
        },
        (None, None) => Format::Term,
    };
    let fail_on = if let Some(list) = &args.fail_on {
        list.clone()
    } else if args.strict || config.strict == Some(true) {
        report::STRICT_FAIL_ON.to_vec()
    } else if let Some(list) = &config.fail_on {
        list.clone()
    } else {
        report::DEFAULT_FAIL_ON.to_vec()
    };
    let output = args.output.clone().or(config.output.clone());
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let publisher = config.publisher.as_ref().and_then(|p| {
        p.name.clone().map(|name| report::Publisher {
            name,
            url: p.url.clone(),
        })
    });
    // factcheck.toml's fetch keys, its source options beneath the command
    // line's, and the command line's archives replayed first (the first
    // archive holding a URL wins).
    let mut base = source_args::file_settings(Some(root))?;
    base.offline |= config.offline == Some(true);
    base.refresh |= config.refresh == Some(true);
    base.archive.clone_from(&config.archive);
    let mut fetch = args.sources.settings(base, Some(root));
    fetch.replay.extend(config.replay.iter().flatten().cloned());
    Ok(Settings {
        format,
        output,
        gate: Gate {
            fail_on,
            locked: args.locked || config.locked == Some(true),
        },
        color,
        publisher,
        fetch,
    })
}

/// Writes the report to stdout (a closed pipe is quiet), or atomically to `path`.
pub(crate) fn write(text: &str, path: Option<&Path>) -> Result<(), String> {
    match path {
        None => output::stdout(text)
            .map(|_| ())
            .map_err(|e| format!("cannot write the report: {e}")),
        Some(path) => output::write_atomic(path, text.as_bytes())
            .map_err(|e| {
                format!(
                    "cannot write the report to {}: {e}; check that its directory exists and is writable, or choose another --output",
                    path.display()
                )
            }),
    }
}
