//! The check pipeline as a library: claim files in, a [`Report`] out.
//!
//! [`run`] reads every source once (`fetch`), reads its text (`text`),
//! compares every claim with its sources (`compare`), compares the evidence
//! with each claim file's lock (`review`) and builds the report (`report`),
//! with each claim's `failing` decided once by the [`Gate`]. The CLI only
//! parses arguments, prints the report and maps [`Report::failing`] to the
//! exit code; `accept` and `review` share [`evidence`].
//!
//! This module is an edge like `fetch`: it reads the locks from disk and
//! sources from the network. It never prints. What it computes from values
//! ([`report`]) is pure, so tests can build reports without a server.
//!
//! ```no_run
//! use factcheck::check::{self, Options};
//! use factcheck::claims;
//!
//! let loaded = claims::load(&["claims".into()]);
//! let report = check::run(&loaded.files, &Options::default())?;
//! println!("{} claims; failing: {}", report.summary.claims, report.failing());
//! # Ok::<(), check::Error>(())
//! ```

pub mod lockfile;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::claims::{Body, Claim, ClaimFile, Location, Source};
use crate::compare::{self, Evidence, SourceIndex, SourceText};
use crate::fetch::{self, Origin};
use crate::quantity::{Figure, Interval};
use crate::report::{
    ArticleReport, ClaimKind, ClaimReport, EvidenceReport, FigureReport, FileReport, Gate, Report,
    Run, SourceReview, timestamp,
};
use crate::review::{self, Lock};
use crate::text;

pub use lockfile::LockFileError;

/// What a check needs besides the claim files.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where sources come from and the fetch limits.
    pub fetch: fetch::Settings,
    /// What fails a claim (`--fail-on`, `--strict`, `--locked`).
    pub gate: Gate,
    /// When the run started: the report's `run.started`.
    pub started: jiff::Timestamp,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            fetch: fetch::Settings::default(),
            gate: Gate::default(),
            started: jiff::Timestamp::now(),
        }
    }
}

/// A failure of the run itself (the CLI's exit code 2); a source that cannot
/// be read is a verdict, never this.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A lock beside a claim file cannot be read.
    #[error(transparent)]
    Lock(#[from] LockFileError),
    /// The fetcher could not run (a bad header, an unreadable `--replay`
    /// archive, an unwritable `--archive`).
    #[error(transparent)]
    Fetch(#[from] fetch::Error),
}

/// How one source was read: where its text came from, when, and the text
/// stage's notes on it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRead {
    /// Where the text came from.
    pub origin: Origin,
    /// When it was read from its server or disk.
    pub read_at: jiff::Timestamp,
    /// Reading notes ("read 12 words of a 3,400-word page").
    pub notes: Vec<String>,
}

/// One claim file's results from a run of the pipeline, before the lock is
/// consulted: what `check`, `accept` and `review` share.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The claim file.
    pub file: ClaimFile,
    /// One outcome per claim, in file order.
    pub outcomes: Vec<compare::Outcome>,
    /// The SHA-256 of each readable source's text, by source id.
    pub hashes: BTreeMap<String, String>,
    /// How each readable source was read, by source id.
    pub reads: BTreeMap<String, SourceRead>,
}

/// Checks `files`: reads their locks (a broken one stops the run before any
/// source is read), reads every source once, compares, and builds the report
/// with every claim's `failing` decided by `options.gate`.
pub fn run(files: &[ClaimFile], options: &Options) -> Result<Report, Error> {
    run_with(files, options, Arc::new(()))
}

/// As [`run`], telling `observer` as each source starts and finishes being
/// fetched (the CLI's progress display).
pub fn run_with(
    files: &[ClaimFile],
    options: &Options,
    observer: Arc<dyn fetch::Observer>,
) -> Result<Report, Error> {
    let locks = read_locks(files)?;
    let checked = evidence_with(files, &options.fetch, observer)?;
    Ok(report(&checked, &locks, options.started, &options.gate))
}

/// The lock of each claim file (`None` where there is none yet), in order.
pub fn read_locks(files: &[ClaimFile]) -> Result<Vec<Option<Lock>>, Error> {
    files
        .iter()
        .map(|f| lockfile::read(&f.path).map_err(Error::from))
        .collect()
}

/// Builds the report from the pipeline's results and the locks (in file
/// order), and applies the gate. Pure: no disk, network or clock.
#[must_use]
pub fn report(
    checked: &[Checked],
    locks: &[Option<Lock>],
    started: jiff::Timestamp,
    gate: &Gate,
) -> Report {
    let files = checked
        .iter()
        .zip(locks.iter().chain(std::iter::repeat(&None)))
        .map(|(c, lock)| file_report(c, lock.as_ref(), gate.locked))
        .collect();
    let mut report = Report::new(Run::new(started, gate.locked), files);
    report.apply_gate(gate);
    report
}

fn file_report(checked: &Checked, lock: Option<&Lock>, locked: bool) -> FileReport {
    let file = &checked.file;
    let statuses = review::statuses(lock, &review::current(file, &checked.outcomes));
    let claims = file
        .claims
        .iter()
        .zip(&checked.outcomes)
        .zip(&statuses)
        .map(|((claim, outcome), status)| {
            let mut report = claim_report(claim, outcome, &checked.reads);
            review::annotate(&mut report, status, locked);
            report
        })
        .collect();
    FileReport {
        path: file.path.display().to_string(),
        article: ArticleReport {
            title: file.article.title.clone(),
            url: file.article.url.clone(),
            published: file.article.published.clone(),
        },
        claims,
        warnings: Vec::new(),
    }
}

/// A source as read: its location and selector, the unit read once.
type ReadKey = (Location, Option<String>);

/// A source's text read into an index, with the text stage's notes.
struct Read {
    index: SourceIndex,
    notes: Vec<String>,
}

/// Reads every source once and compares every claim: per claim file, each
/// claim's outcome, and per readable source its text's SHA-256 and how it
/// was read.
pub fn evidence(files: &[ClaimFile], settings: &fetch::Settings) -> Result<Vec<Checked>, Error> {
    evidence_with(files, settings, Arc::new(()))
}

/// As [`evidence`], telling `observer` as each source starts and finishes
/// being fetched.
pub fn evidence_with(
    files: &[ClaimFile],
    settings: &fetch::Settings,
    observer: Arc<dyn fetch::Observer>,
) -> Result<Vec<Checked>, Error> {
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
    let fetched = fetch::fetch_all_with(settings, &locations, observer)?;
    let read = read_all(&keys, &fetched);
    let lookup = |source: &Source| -> Option<usize> {
        keys.binary_search(&(source.location.clone(), source.select.clone()))
            .ok()
    };
    Ok(files
        .iter()
        .map(|file| {
            let mut hashes = BTreeMap::new();
            let mut reads = BTreeMap::new();
            for source in file.claims.iter().flat_map(|c| &c.sources) {
                let Some(i) = lookup(source) else { continue };
                let (Ok(read), Some(Ok(doc))) = (&read[i], fetched.get(&source.location)) else {
                    continue;
                };
                hashes.insert(source.id.clone(), doc.sha256.clone());
                reads.insert(
                    source.id.clone(),
                    SourceRead {
                        origin: doc.origin,
                        read_at: doc.read_at,
                        notes: read.notes.clone(),
                    },
                );
            }
            Checked {
                file: file.clone(),
                outcomes: compare_all(&file.claims, &keys, &read),
                hashes,
                reads,
            }
        })
        .collect())
}

/// Each unique (source, selector) read into an index, or why it could not
/// be. Sources are independent, so they are read on every core.
fn read_all(
    keys: &[ReadKey],
    fetched: &HashMap<Location, fetch::Outcome>,
) -> Vec<Result<Read, String>> {
    let read_one = |(location, select): &ReadKey| -> Result<Read, String> {
        match fetched.get(location) {
            None => Err("not fetched".to_owned()),
            Some(Err(unreachable)) => Err(unreachable.reason.clone()),
            Some(Ok(doc)) => read_text(doc, select.as_deref()),
        }
    };
    parallel_map(keys, read_one)
}

/// The text stage on one document: its sentences, indexed, and the reading
/// notes the text stage gives about it (where notes on short text, a
/// JavaScript shell or another language come from).
fn read_text(doc: &fetch::Document, select: Option<&str>) -> Result<Read, String> {
    let reading = text::read(
        &doc.text,
        doc.media,
        select,
        doc.content_language.as_deref(),
    )
    .map_err(|e| e.to_string())?;
    // A page that is itself a fact-check carries its review (spec: "The
    // claim's verdict"); only HTML has the markup.
    let review = (doc.media == text::Media::Html)
        .then(|| text::claim_review(&doc.text))
        .flatten();
    Ok(Read {
        index: SourceIndex::new(reading.sentences).with_review(review),
        notes: reading.notes.iter().map(ToString::to_string).collect(),
    })
}

/// Compares each claim of a file with its sources.
fn compare_all(
    claims: &[Claim],
    keys: &[ReadKey],
    read: &[Result<Read, String>],
) -> Vec<compare::Outcome> {
    let lookup = |source: &Source| -> Option<&Result<Read, String>> {
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
                    Some(Ok(read)) => Ok(&read.index),
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

/// One claim's report before the lock is consulted (`review::annotate`
/// then marks it accepted or changed) and before the gate decides `failing`.
fn claim_report(
    claim: &Claim,
    outcome: &compare::Outcome,
    reads: &BTreeMap<String, SourceRead>,
) -> ClaimReport {
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
        changed_since_review: false,
        accepted: false,
        failing: false,
        evidence: outcome
            .evidence
            .iter()
            .map(|ev| {
                let source = claim.sources.iter().find(|s| s.id == ev.source);
                evidence_report(ev, source, reads.get(&ev.source))
            })
            .collect(),
    }
}

fn evidence_report(
    ev: &Evidence,
    source: Option<&Source>,
    read: Option<&SourceRead>,
) -> EvidenceReport {
    EvidenceReport {
        source: ev.source.clone(),
        name: source.and_then(|s| s.name.clone()),
        url: ev.url.clone(),
        verdict: ev.verdict,
        passage: ev.passage.clone(),
        found: ev.found.as_ref().map(found_report),
        relation: ev.relation,
        review_diff: None,
        others: ev.others.iter().map(found_report).collect(),
        diff: ev.diff.clone(),
        error: ev.error.clone(),
        // An unreachable source was not read, whatever another selector of
        // the same page gave.
        origin: read.filter(|_| ev.error.is_none()).map(|r| r.origin),
        read_at: read
            .filter(|_| ev.error.is_none())
            .map(|r| timestamp(r.read_at)),
        notes: read.map(|r| r.notes.clone()).unwrap_or_default(),
        reason: ev.reason.clone(),
        source_review: ev.source_review.as_ref().map(|r| SourceReview {
            rating: r.rating.clone(),
            claim_reviewed: r.claim_reviewed.clone(),
        }),
        binding: ev.binding.clone(),
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

#[cfg(test)]
mod tests;
