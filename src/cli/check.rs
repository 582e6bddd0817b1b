//! `factcheck check [PATH...]`: loads the claim files (an invalid one stops
//! the run before any source is read), reads each source once, compares every
//! claim with its sources and writes the report. Exit 0 when no claim has a
//! verdict in the fail-on list, 1 when one has, 2 when the run could not be
//! done (../shared/spec/cli.md).

use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::Exit;
use super::lockfile;
use super::output;
use super::pipeline::Checked;
use super::source_args::{self, SourceArgs};
use crate::claims::{self, Body, Claim, ClaimFile, Location, Source};
use crate::compare::{self, Evidence, SourceIndex, SourceText, Verdict};
use crate::fetch;
use crate::quantity::{Figure, Interval};
use crate::report::{
    self, ArticleReport, ClaimKind, ClaimReport, EvidenceReport, FigureReport, FileReport, Format,
    RenderOptions, Report, Summary,
};
use crate::review;
use crate::text;

/// Where claim files are looked for when no path is given.
pub const DEFAULT_PATH: &str = "claims";

/// Every verdict but `match`: what `--strict` fails on.
const STRICT: [Verdict; 5] = [
    Verdict::Mismatch,
    Verdict::Disputed,
    Verdict::Unsourced,
    Verdict::NotFound,
    Verdict::Unreachable,
];

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
    /// Claim files, or directories to search for them [default: claims/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Report format: term, json, markdown, html, junit or claimreview [default: term]
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,

    /// Write the report to FILE instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Verdicts that make the exit code 1, comma-separated [default: mismatch,disputed,not-found,unreachable]
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_verdict, conflicts_with = "strict")]
    pub fail_on: Option<Vec<Verdict>>,

    /// Fail on every verdict but match
    #[arg(long)]
    pub strict: bool,

    /// Also fail when any evidence changed since the lock
    #[arg(long)]
    pub locked: bool,

    /// Colour the terminal report
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Where sources come from and the fetch limits.
    #[command(flatten)]
    pub sources: SourceArgs,
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("`{name}` is not a format; use one of {}", names.join(", "))
    })
}

/// A verdict by its report name (`not-found`).
pub fn parse_verdict(name: &str) -> Result<Verdict, String> {
    const ALL: [Verdict; 6] = [
        Verdict::Match,
        Verdict::Mismatch,
        Verdict::Disputed,
        Verdict::Unsourced,
        Verdict::NotFound,
        Verdict::Unreachable,
    ];
    ALL.into_iter()
        .find(|v| verdict_name(*v) == name.trim())
        .ok_or_else(|| {
            format!(
                "`{name}` is not a verdict; use match, mismatch, disputed, unsourced, not-found or unreachable"
            )
        })
}

fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Match => "match",
        Verdict::Mismatch => "mismatch",
        Verdict::Disputed => "disputed",
        Verdict::Unsourced => "unsourced",
        Verdict::NotFound => "not-found",
        Verdict::Unreachable => "unreachable",
    }
}

/// The run's settings, once the command line and `factcheck.toml` are merged
/// (the command line wins).
struct Settings {
    format: Format,
    output: Option<PathBuf>,
    fail_on: Vec<Verdict>,
    locked: bool,
    color: bool,
    publisher: Option<report::Publisher>,
    fetch: fetch::Settings,
}

/// Runs `check`.
#[must_use]
pub fn run(args: &CheckArgs) -> Exit {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_PATH)]
    } else {
        args.paths.clone()
    };
    let loaded = claims::load(&paths);
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
    let report = match check(&loaded.files, &settings) {
        Ok(report) => report,
        Err(message) => {
            output::stderr_line(&format!("factcheck: {message}"));
            return Exit::Error;
        }
    };
    let options = RenderOptions {
        format: settings.format,
        color: settings.color,
        fail_on: settings.fail_on.clone(),
        publisher: settings.publisher.clone(),
        date: Some(jiff::ZonedDateTime::now().date().to_string()),
        ..RenderOptions::default()
    };
    let rendered = report::render(&report, &options);
    if let Err(message) = write(&rendered, settings.output.as_deref()) {
        output::stderr_line(&format!("factcheck: {message}"));
        return Exit::Error;
    }
    exit(&report, &settings.fail_on, settings.locked)
}

/// The exit code: 1 when a claim has a verdict in `fail_on` (accepted claims
/// never fail), or, under `--locked`, changed evidence.
fn exit(report: &Report, fail_on: &[Verdict], locked: bool) -> Exit {
    let fails = report
        .files
        .iter()
        .flat_map(|f| &f.claims)
        .any(|c| c.fails(fail_on) || (locked && c.changed_since_review));
    if fails { Exit::Failed } else { Exit::Passed }
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
        },
        (None, None) => Format::Term,
    };
    let fail_on = if let Some(list) = &args.fail_on {
        list.clone()
    } else if args.strict || config.strict == Some(true) {
        STRICT.to_vec()
    } else if let Some(list) = &config.fail_on {
        list.iter().map(|&v| v.into()).collect()
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
        fail_on,
        locked: args.locked || config.locked == Some(true),
        color,
        publisher,
        fetch,
    })
}

/// A source as read: its location and selector, the unit read once.
type ReadKey = (Location, Option<String>);

/// Reads every source once and compares every claim: per claim file, each
/// claim's outcome and the SHA-256 of each readable source's text by source
/// id. The pipeline `check`, `accept` and `review` share.
pub(crate) fn evidence(
    files: &[ClaimFile],
    settings: &fetch::Settings,
) -> Result<Vec<Checked>, String> {
    let mut keys: Vec<ReadKey> = files
        .iter()
        .flat_map(|f| &f.claims)
        .flat_map(|c| &c.sources)
        .map(|s| (s.location.clone(), s.select.clone()))
        .collect();
    keys.sort();
    keys.dedup();
    let mut locations: Vec<Location> = keys.iter().map(|(l, _)| l.clone()).collect();
    locations.dedup();
    let fetched = fetch::fetch_all(settings, &locations).map_err(|e| e.to_string())?;
    let read = read_all(&keys, &fetched);
    // Only the texts' hashes are kept; the pages themselves can go.
    let hashes: HashMap<Location, String> = fetched
        .into_iter()
        .filter_map(|(location, outcome)| Some((location, outcome.ok()?.sha256)))
        .collect();
    Ok(files
        .iter()
        .map(|file| Checked {
            file: file.clone(),
            outcomes: compare_all(&file.claims, &keys, &read),
            hashes: text_hashes(file, &keys, &read, &hashes),
        })
        .collect())
}

/// The SHA-256 of the text of each source of `file` that could be read.
fn text_hashes(
    file: &ClaimFile,
    keys: &[ReadKey],
    read: &[Result<SourceIndex, String>],
    hashes: &HashMap<Location, String>,
) -> BTreeMap<String, String> {
    file.claims
        .iter()
        .flat_map(|c| &c.sources)
        .filter(|s| {
            let key = (s.location.clone(), s.select.clone());
            keys.binary_search(&key).is_ok_and(|i| read[i].is_ok())
        })
        .filter_map(|s| Some((s.id.clone(), hashes.get(&s.location)?.clone())))
        .collect()
}

/// Reads every source once, compares every claim, compares the evidence with
/// each claim file's lock and builds the report.
fn check(files: &[ClaimFile], settings: &Settings) -> Result<Report, String> {
    // A broken lock stops the run before any source is read.
    let locks = files
        .iter()
        .map(|f| lockfile::read(&f.path).map_err(|e| format!("{e:#}")))
        .collect::<Result<Vec<_>, String>>()?;
    let checked = evidence(files, &settings.fetch)?;
    let mut summary = Summary::default();
    let mut reports = Vec::with_capacity(files.len());
    for (Checked { file, outcomes, .. }, lock) in checked.into_iter().zip(locks) {
        let statuses = review::statuses(lock.as_ref(), &review::current(&file, &outcomes));
        let claims: Vec<ClaimReport> = file
            .claims
            .iter()
            .zip(outcomes)
            .zip(&statuses)
            .map(|((claim, outcome), status)| {
                let mut report = claim_report(claim, outcome, settings.locked);
                review::annotate(&mut report, status, settings.locked);
                report
            })
            .collect();
        for c in &claims {
            count(&mut summary, c.verdict);
        }
        reports.push(FileReport {
            path: file.path.display().to_string(),
            article: ArticleReport {
                title: file.article.title.clone(),
                url: file.article.url.clone(),
                published: file.article.published.clone(),
            },
            claims,
            warnings: Vec::new(),
        });
    }
    Ok(Report {
        version: 1,
        files: reports,
        summary,
    })
}

/// Each unique (source, selector) read into an index, or why it could not
/// be. Sources are independent, so they are read on every core.
fn read_all(
    keys: &[ReadKey],
    fetched: &HashMap<Location, fetch::Outcome>,
) -> Vec<Result<SourceIndex, String>> {
    let read_one = |(location, select): &ReadKey| -> Result<SourceIndex, String> {
        match fetched.get(location) {
            None => Err("not fetched".to_owned()),
            Some(Err(unreachable)) => Err(unreachable.reason.clone()),
            Some(Ok(doc)) => text::sentences(&doc.text, doc.media, select.as_deref())
                .map(SourceIndex::new)
                .map_err(|e| e.to_string()),
        }
    };
    parallel_map(keys, read_one)
}

/// Compares each claim of a file with its sources.
fn compare_all(
    claims: &[Claim],
    keys: &[ReadKey],
    read: &[Result<SourceIndex, String>],
) -> Vec<compare::Outcome> {
    let lookup = |source: &Source| -> Option<&Result<SourceIndex, String>> {
        let key = (source.location.clone(), source.select.clone());
        keys.binary_search(&key).ok().map(|i| &read[i])
    };
    parallel_map(claims, |claim| {
        let urls: Vec<String> = claim
            .sources
            .iter()
            .map(|s| location_name(&s.location))
            .collect();
        let texts: Vec<SourceText> = claim
            .sources
            .iter()
            .zip(&urls)
            .map(|(source, url)| SourceText {
                id: &source.id,
                url,
                text: match lookup(source) {
                    Some(Ok(index)) => Ok(index),
                    Some(Err(reason)) => Err(reason.as_str()),
                    None => Err("not read"),
                },
            })
            .collect();
        compare::compare(claim, &texts)
    })
}

/// `f` over `items` on every available core, results in order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads < 2 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// A source's location as the report shows it.
fn location_name(location: &Location) -> String {
    match location {
        Location::Url(url) => url.clone(),
        Location::Path(path) => path.display().to_string(),
    }
}

fn count(summary: &mut Summary, verdict: Verdict) {
    summary.claims += 1;
    match verdict {
        Verdict::Match => summary.matched += 1,
        Verdict::Mismatch => summary.mismatch += 1,
        Verdict::Disputed => summary.disputed += 1,
        Verdict::Unsourced => summary.unsourced += 1,
        Verdict::NotFound => summary.not_found += 1,
        Verdict::Unreachable => summary.unreachable += 1,
    }
}

/// One claim's report before the lock is consulted (`review::annotate`
/// then marks it accepted or changed); under `--locked` a sourced claim
/// with no accepted evidence counts as changed.
fn claim_report(claim: &Claim, outcome: compare::Outcome, locked: bool) -> ClaimReport {
    let (kind, stated, quote) = match &claim.body {
        Body::Figure {
            figure, tolerance, ..
        } => (
            ClaimKind::Figure,
            Some(figure_report(figure, compare::stated(figure, *tolerance))),
            None,
        ),
        Body::Quote { quote } => (ClaimKind::Quote, None, Some(quote.clone())),
        Body::Statement => (ClaimKind::Statement, None, None),
    };
    ClaimReport {
        id: claim.id.clone(),
        line: claim.line,
        kind,
        text: claim.text.clone(),
        verdict: outcome.verdict,
        stated,
        quote,
        changed_since_review: locked && !claim.sources.is_empty(),
        accepted: false,
        evidence: outcome.evidence.into_iter().map(evidence_report).collect(),
    }
}

fn evidence_report(ev: Evidence) -> EvidenceReport {
    EvidenceReport {
        source: ev.source,
        url: ev.url,
        verdict: ev.verdict,
        passage: ev.passage,
        found: ev.found.as_ref().map(found_report),
        relation: ev.relation,
        review_diff: None,
        others: ev.others.iter().map(found_report).collect(),
        diff: ev.diff,
        error: ev.error,
    }
}

/// A source's figure as it reads as evidence.
fn found_report(figure: &Figure) -> FigureReport {
    figure_report(figure, figure.evidence)
}

fn figure_report(figure: &Figure, interval: Interval) -> FigureReport {
    FigureReport {
        text: figure.text.clone(),
        kind: figure.kind,
        unit: figure.unit.clone(),
        low: interval.low,
        high: interval.high,
        low_open: interval.low_open,
        high_open: interval.high_open,
        restated: figure
            .restated
            .as_deref()
            .map(|r| Box::new(found_report(r))),
    }
}

/// Writes the report to stdout (a closed pipe is quiet), or atomically to `path`.
fn write(text: &str, path: Option<&Path>) -> Result<(), String> {
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
