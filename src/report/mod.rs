//! Reports for people and machines. The JSON contract of
//! ../shared/spec/cli.md is the model every format renders; each format is a
//! pure function from a [`Report`] to a string.
//!
//! One file per format: `term` (people at a terminal), `json` (the spec's
//! contract), `markdown` (a pull-request comment), `html` (one self-contained
//! page), `junit` (CI test viewers), `claimreview` (schema.org JSON-LD),
//! `github` (GitHub Actions annotations) and `sarif` (code scanning).
//! Text that came from a web page is hostile: every format escapes it for its
//! own syntax through [`escape`], and control characters never reach a
//! terminal. This module renders; writing the result is the caller's job.

pub mod escape;

mod claimreview;
#[cfg(test)]
mod fixture;
mod github;
mod html;
mod json;
mod junit;
mod markdown;
pub mod merge;
mod sarif;
mod term;

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::compare::{Binding, DiffOp, Reason, Relation, SourceVerdict, Verdict};
pub use crate::fetch::Origin;
use crate::quantity::Kind;

/// The whole report (`check --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always 1.
    pub version: u32,
    /// The run that made it: the tool, when it started, the gate.
    pub run: Run,
    /// One entry per claim file, in path order.
    pub files: Vec<FileReport>,
    /// Counts per verdict.
    pub summary: Summary,
}

/// The run a report comes from (the JSON report's `run`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The tool and its version: `factcheck 0.2.0`.
    pub tool: String,
    /// When the run started, RFC 3339 in UTC to the second.
    pub started: String,
    /// Whether changed evidence fails the run (`--locked`).
    pub locked: bool,
    /// The shard this run checked (`--shard K/N`), or null for all files.
    pub shard: Option<Shard>,
}

/// One shard of a run split over several machines: shard `index` of `count`
/// (1-based, as `--shard K/N` writes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    /// K, from 1.
    pub index: u32,
    /// N.
    pub count: u32,
}

/// The tool's name and version as reports show it: `factcheck 0.2.0`.
#[must_use]
pub fn tool() -> String {
    format!("factcheck {}", env!("CARGO_PKG_VERSION"))
}

impl Run {
    /// A run of this build of the tool that started at `started`.
    #[must_use]
    pub fn new(started: jiff::Timestamp, locked: bool) -> Run {
        Run {
            tool: tool(),
            started: timestamp(started),
            locked,
            shard: None,
        }
    }
}

/// A moment as reports write it: RFC 3339, UTC, to the second.
#[must_use]
pub fn timestamp(moment: jiff::Timestamp) -> String {
    moment.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// One claim file's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    /// The claim file's path, as given or found.
    pub path: String,
    /// The `[article]` table.
    pub article: ArticleReport,
    /// Each claim, in file order.
    pub claims: Vec<ClaimReport>,
    /// The claim file's warnings (a claim's text no longer in its article):
    /// the file is checked, and `github` and `sarif` show them at their line.
    #[serde(default)]
    pub warnings: Vec<FileWarning>,
}

/// A warning about a claim file, at its place in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileWarning {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// What deserves a look.
    pub message: String,
}

/// The article a claim file covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleReport {
    /// Its title.
    pub title: String,
    /// Where it is published.
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// Whether a claim is a figure, a quote or a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Has `value`.
    Figure,
    /// Has `quote`.
    Quote,
    /// Has neither.
    Statement,
}

/// One claim's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimReport {
    /// The claim's id.
    pub id: String,
    /// The line of its claim file where the claim starts (its `[[claim]]`
    /// header), from 1; 0 when unknown. `github` and `sarif` point there.
    #[serde(default)]
    pub line: usize,
    /// Figure, quote or statement.
    pub kind: ClaimKind,
    /// The article's sentence.
    pub text: String,
    /// The aggregate verdict.
    pub verdict: Verdict,
    /// What the claim's figure covers (figure claims), tolerance included.
    pub stated: Option<FigureReport>,
    /// The quoted words (quote claims).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Evidence differs from the lock.
    pub changed_since_review: bool,
    /// Accepted in the lock with unchanged evidence: never fails the gate.
    pub accepted: bool,
    /// Whether this claim makes the exit code 1 ([`Gate::fails`]): every
    /// format shows exactly these claims as failing.
    pub failing: bool,
    /// Source by source.
    pub evidence: Vec<EvidenceReport>,
}

/// A figure as the JSON report shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureReport {
    /// The figure's words.
    pub text: String,
    /// Count, money or percent.
    pub kind: Kind,
    /// ISO 4217 code, `%`, a duration unit, or null.
    pub unit: Option<String>,
    /// Lower end, null when unbounded.
    pub low: Option<f64>,
    /// Upper end, null when unbounded.
    pub high: Option<f64>,
    /// Whether `low` is excluded.
    pub low_open: bool,
    /// Whether `high` is excluded.
    pub high_open: bool,
    /// The same amount restated in another currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restated: Option<Box<FigureReport>>,
}

/// One source's evidence as the JSON report shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceReport {
    /// The source's id, or the URL or path for an inline source.
    pub source: String,
    /// The source's display `name` from `[sources.ID]`, shown beside its URL.
    pub name: Option<String>,
    /// The URL or path read.
    pub url: String,
    /// What this source says.
    pub verdict: SourceVerdict,
    /// The passage that decided it.
    pub passage: Option<String>,
    /// The figure found.
    pub found: Option<FigureReport>,
    /// How `found` stands to the claim.
    pub relation: Option<Relation>,
    /// Word diff from the accepted passage to this one, when changed since review.
    pub review_diff: Option<Vec<DiffOp>>,
    /// The passage's other figures.
    pub others: Vec<FigureReport>,
    /// Quote diff from the quote to the source's words.
    pub diff: Option<Vec<DiffOp>>,
    /// Why the source could not be read.
    pub error: Option<String>,
    /// Where the source's text came from (null when it could not be read).
    pub origin: Option<Origin>,
    /// When the text was read from its server or disk (for a cached copy,
    /// when it was fetched or last revalidated), RFC 3339; null when unread.
    pub read_at: Option<String>,
    /// Reading notes from the text stage ("read 12 words of a 3,400-word page").
    pub notes: Vec<String>,
    /// Why a source that was read said nothing (`not-found` evidence).
    pub reason: Option<Reason>,
    /// The source page's own fact-check rating, when it is one.
    pub source_review: Option<SourceReview>,
    /// Which step of the binding rule tied the figure found to the claim,
    /// and the candidates it set aside (figure claims with a figure found).
    pub binding: Option<Binding>,
}

/// A source page that is itself a fact-check: its `ClaimReview` rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceReview {
    /// The rating's name (`alternateName`), or its value on its scale.
    pub rating: String,
    /// The claim the page reviews (`claimReviewed`).
    pub claim_reviewed: Option<String>,
}

/// Counts of claims per verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// All claims.
    pub claims: usize,
    /// `match`.
    #[serde(rename = "match")]
    pub matched: usize,
    /// `mismatch`.
    pub mismatch: usize,
    /// `disputed`.
    pub disputed: usize,
    /// `unsourced`.
    pub unsourced: usize,
    /// `not-found`.
    #[serde(rename = "not-found")]
    pub not_found: usize,
    /// `unreachable`.
    pub unreachable: usize,
}

/// The verdicts that fail a run unless `--fail-on` says otherwise (spec:
/// `mismatch,disputed,not-found,unreachable`).
pub const DEFAULT_FAIL_ON: [Verdict; 4] = [
    Verdict::Mismatch,
    Verdict::Disputed,
    Verdict::NotFound,
    Verdict::Unreachable,
];

/// Every verdict but `match`: what `--strict` fails on.
pub const STRICT_FAIL_ON: [Verdict; 5] = [
    Verdict::Mismatch,
    Verdict::Disputed,
    Verdict::Unsourced,
    Verdict::NotFound,
    Verdict::Unreachable,
];

/// What fails the gate: the one definition of a failing claim, applied once
/// to a report ([`Report::apply_gate`]); every format and the exit code read
/// the claims' `failing` it sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gate {
    /// The verdicts that fail a claim (`--fail-on`, `--strict`).
    pub fail_on: Vec<Verdict>,
    /// Whether evidence changed since review fails a claim (`--locked`).
    pub locked: bool,
}

impl Default for Gate {
    fn default() -> Self {
        Gate {
            fail_on: DEFAULT_FAIL_ON.to_vec(),
            locked: false,
        }
    }
}

impl Gate {
    /// Whether `claim` fails: its verdict is in the fail-on list and it is
    /// not accepted (an accepted claim with unchanged evidence never fails),
    /// or, under `--locked`, its evidence changed since review.
    #[must_use]
    pub fn fails(&self, claim: &ClaimReport) -> bool {
        (!claim.accepted && self.fail_on.contains(&claim.verdict))
            || (self.locked && claim.changed_since_review)
    }
}

/// The terminal width used when none is known.
pub const DEFAULT_WIDTH: usize = 100;

/// A report format (`check --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// For people at a terminal.
    #[default]
    Term,
    /// The JSON contract of the spec.
    Json,
    /// A pull-request comment.
    Markdown,
    /// One self-contained HTML page.
    Html,
    /// `JUnit` XML for CI test viewers.
    Junit,
    /// schema.org `ClaimReview` JSON-LD.
    Claimreview,
    /// GitHub Actions workflow commands: an annotation per failing or
    /// changed claim.
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [Format; 8] = [
        Format::Term,
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Junit,
        Format::Claimreview,
        Format::Github,
        Format::Sarif,
    ];

    /// The name `--format` takes.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Term => "term",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Junit => "junit",
            Format::Claimreview => "claimreview",
            Format::Github => "github",
            Format::Sarif => "sarif",
        }
    }

    /// The format named `name`, if there is one.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Format, String> {
        Format::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            format!(
                "unknown format {name:?}; expected one of {}",
                names.join(", ")
            )
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Who publishes the fact checks (`factcheck.toml` `[publisher]`), for `ClaimReview`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Publisher {
    /// The organisation's name.
    pub name: String,
    /// Its home page.
    pub url: Option<String>,
}

/// How to render a report: decided once by the caller (from the command
/// line, `factcheck.toml` and the terminal), never by a renderer.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    /// The format.
    pub format: Format,
    /// Whether `term` may use ANSI colours (off for `NO_COLOR`, a pipe or
    /// `--color never`).
    pub color: bool,
    /// The width `term` wraps long passages to.
    pub width: usize,
    /// Whether `term` shows the evidence of passing claims too (`--verbose`).
    pub verbose: bool,
    /// The publisher named in `ClaimReview` output.
    pub publisher: Option<Publisher>,
    /// The date the review is published (`YYYY-MM-DD`), for `ClaimReview`'s
    /// `datePublished`; the caller reads the clock, this module never does.
    pub date: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            format: Format::Term,
            color: false,
            width: DEFAULT_WIDTH,
            verbose: false,
            publisher: None,
            date: None,
        }
    }
}

/// Renders `report` in the format `options` names.
#[must_use]
pub fn render(report: &Report, options: &RenderOptions) -> String {
    match options.format {
        Format::Term => term::render(report, options),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report),
        Format::Html => html::render(report),
        Format::Junit => junit::render(report),
        Format::Claimreview => claimreview::render(report, options),
        Format::Github => github::render(report, options),
        Format::Sarif => sarif::render(report, options),
    }
}

impl Report {
    /// A report of `files` from `run`, its summary counted from them. The
    /// claims' `failing` is as given: call [`Report::apply_gate`] to decide it.
    #[must_use]
    pub fn new(run: Run, files: Vec<FileReport>) -> Report {
        let summary = Summary::of(&files);
        Report {
            version: 1,
            run,
            files,
            summary,
        }
    }

    /// Decides every claim's `failing` with `gate`, once, and records
    /// `--locked` in `run`.
    pub fn apply_gate(&mut self, gate: &Gate) {
        self.run.locked = gate.locked;
        for claim in self.files.iter_mut().flat_map(|f| &mut f.claims) {
            claim.failing = gate.fails(claim);
        }
    }

    /// Whether any claim fails: the exit code is 1 exactly when this holds.
    #[must_use]
    pub fn failing(&self) -> bool {
        self.files.iter().flat_map(|f| &f.claims).any(|c| c.failing)
    }
}

impl Summary {
    /// Counts the claims of `files` by verdict.
    #[must_use]
    pub fn of(files: &[FileReport]) -> Summary {
        let mut summary = Summary::default();
        for claim in files.iter().flat_map(|f| &f.claims) {
            summary.claims += 1;
            match claim.verdict {
                Verdict::Match => summary.matched += 1,
                Verdict::Mismatch => summary.mismatch += 1,
                Verdict::Disputed => summary.disputed += 1,
                Verdict::Unsourced => summary.unsourced += 1,
                Verdict::NotFound => summary.not_found += 1,
                Verdict::Unreachable => summary.unreachable += 1,
            }
        }
        summary
    }

    /// The count of claims with `verdict`.
    #[must_use]
    pub fn count(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Match => self.matched,
            Verdict::Mismatch => self.mismatch,
            Verdict::Disputed => self.disputed,
            Verdict::Unsourced => self.unsourced,
            Verdict::NotFound => self.not_found,
            Verdict::Unreachable => self.unreachable,
        }
    }
}

/// Every claim verdict, in the spec's order.
pub(crate) const VERDICTS: [Verdict; 6] = Verdict::ALL;

/// A claim verdict's name, as the JSON report spells it.
pub(crate) fn verdict_name(verdict: Verdict) -> &'static str {
    verdict.name()
}

/// A source verdict's name, as the JSON report spells it.
pub(crate) fn source_verdict_name(verdict: SourceVerdict) -> &'static str {
    verdict.name()
}

/// A relation's name, as the JSON report spells it.
pub(crate) fn relation_name(relation: Relation) -> &'static str {
    relation.name()
}

/// Where the figure found sits in its passage, so formats can mark it: the
/// first occurrence of its words, exactly or else ignoring case.
pub(crate) fn locate(passage: &str, found: &str) -> Option<Range<usize>> {
    if found.is_empty() {
        return None;
    }
    if let Some(start) = passage.find(found) {
        return Some(start..start + found.len());
    }
    // Lower-casing can change byte lengths, so search char by char.
    let needle: Vec<char> = found.chars().flat_map(char::to_lowercase).collect();
    let indices: Vec<(usize, char)> = passage.char_indices().collect();
    for (i, &(start, _)) in indices.iter().enumerate() {
        let mut lowered = indices[i..]
            .iter()
            .flat_map(|&(at, c)| c.to_lowercase().map(move |l| (at, c, l)));
        let mut end = start;
        let mut ok = true;
        for want in &needle {
            match lowered.next() {
                Some((at, c, l)) if l == *want => end = at + c.len_utf8(),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return Some(start..end);
        }
    }
    None
}

/// A number as people read it: whole numbers with thousands separators,
/// others with as few decimals as they need.
pub(crate) fn number(value: f64) -> String {
    if !value.is_finite() {
        return if value > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let digits = format!("{}", value.abs() as u64);
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(d);
        }
        if value < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{value}")
    }
}

/// A figure's interval as people read it: `15`, `[2, ∞)`, `[2,255,000,000,
/// 2,265,000,000) GBP`, `40%`, `just below 8 hours`.
pub(crate) fn interval(figure: &FigureReport) -> String {
    let body = match (figure.low, figure.high) {
        (Some(low), Some(high))
            if low.total_cmp(&high).is_eq() && !figure.low_open && !figure.high_open =>
        {
            number(low)
        }
        // "more than 12" and "nearly 8" as evidence: just beside the number.
        (Some(low), Some(high)) if low.total_cmp(&high).is_eq() && figure.low_open => {
            format!("just above {}", number(low))
        }
        (Some(low), Some(high)) if low.total_cmp(&high).is_eq() && figure.high_open => {
            format!("just below {}", number(low))
        }
        (low, high) => {
            let open = if figure.low_open || low.is_none() {
                '('
            } else {
                '['
            };
            let close = if figure.high_open || high.is_none() {
                ')'
            } else {
                ']'
            };
            let low = low.map_or_else(|| "-∞".to_string(), number);
            let high = high.map_or_else(|| "∞".to_string(), number);
            format!("{open}{low}, {high}{close}")
        }
    };
    match figure.unit.as_deref() {
        None => body,
        Some("%") => format!("{body}%"),
        Some(unit) => format!("{body} {unit}"),
    }
}

/// The claims of a file in the order reports list them: failing claims
/// first, then the rest, each group in file order.
pub(crate) fn failing_first(file: &FileReport) -> impl Iterator<Item = &ClaimReport> {
    let failing = file.claims.iter().filter(|c| c.failing);
    let rest = file.claims.iter().filter(|c| !c.failing);
    failing.chain(rest)
}

/// The counts a report's summary line gives beyond the verdicts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Claims that fail the gate.
    pub failing: usize,
    /// Claims accepted in their lock.
    pub accepted: usize,
    /// Claims whose evidence changed since review.
    pub changed: usize,
}

impl Tally {
    /// Counts `report`'s claims.
    pub fn of(report: &Report) -> Tally {
        let mut tally = Tally::default();
        for claim in report.files.iter().flat_map(|f| &f.claims) {
            tally.failing += usize::from(claim.failing);
            tally.accepted += usize::from(claim.accepted);
            tally.changed += usize::from(claim.changed_since_review);
        }
        tally
    }
}

/// How old a text read at `read_at` was when the run started at `started`
/// (both as reports write them), in words: "3 h".
pub(crate) fn age(read_at: &str, started: &str) -> Option<String> {
    let read_at: jiff::Timestamp = read_at.parse().ok()?;
    let started: jiff::Timestamp = started.parse().ok()?;
    let age = std::time::Duration::try_from(started.duration_since(read_at)).unwrap_or_default();
    Some(crate::fetch::human_age(age))
}

/// Where a source's text came from and when, in words, for the formats
/// people read: "fetched 2026-12-07T10:00:01Z", "cached copy, 3 h old, not
/// asked again; fetched 2026-12-07T07:00:00Z". `None` for a source that
/// was not read.
pub(crate) fn provenance(evidence: &EvidenceReport, started: &str) -> Option<String> {
    let origin = evidence.origin?;
    let at = evidence.read_at.as_deref().unwrap_or("an unknown time");
    Some(match origin {
        Origin::Network => format!("fetched {at}"),
        Origin::Revalidated => format!("cached copy, confirmed unchanged by the server at {at}"),
        Origin::Cache => {
            let old = evidence
                .read_at
                .as_deref()
                .and_then(|r| age(r, started))
                .map_or_else(String::new, |a| format!(" {a} old"));
            format!("cached copy{old}, not asked again; fetched {at}")
        }
        Origin::Replay => format!("from an archive, recorded {at}"),
        Origin::File => format!("local file, read {at}"),
    })
}

/// The run in one line: the tool, when it started, and where the sources'
/// texts came from ("factcheck 0.2.0, run started 2026-12-07T10:00:00Z;
/// sources: 3 fetched, 1 revalidated, 1 from the cache without asking, the
/// oldest 3 h old").
pub(crate) fn run_line(report: &Report) -> String {
    let mut line = format!(
        "{}, run started {}",
        escape::clean(&report.run.tool),
        escape::clean(&report.run.started)
    );
    if let Some(shard) = report.run.shard {
        let _ = std::fmt::Write::write_fmt(
            &mut line,
            format_args!(", shard {}/{}", shard.index, shard.count),
        );
    }
    // Each source once, by URL and origin.
    let mut seen = std::collections::BTreeMap::new();
    for ev in report
        .files
        .iter()
        .flat_map(|f| &f.claims)
        .flat_map(|c| &c.evidence)
    {
        if let Some(origin) = ev.origin {
            seen.entry((ev.url.as_str(), origin.name()))
                .or_insert((origin, ev.read_at.as_deref()));
        }
    }
    let count = |o: Origin| seen.values().filter(|(origin, _)| *origin == o).count();
    let mut parts = Vec::new();
    for (origin, words) in [
        (Origin::Network, "fetched"),
        (Origin::Revalidated, "revalidated"),
        (Origin::Cache, "from the cache without asking"),
        (Origin::Replay, "from an archive"),
        (Origin::File, "local"),
    ] {
        let n = count(origin);
        if n == 0 {
            continue;
        }
        let mut part = format!("{n} {words}");
        if origin == Origin::Cache {
            let oldest = seen
                .values()
                .filter(|(o, _)| *o == Origin::Cache)
                .filter_map(|(_, at)| *at)
                .min()
                .and_then(|at| age(at, &report.run.started));
            if let Some(oldest) = oldest {
                let _ = std::fmt::Write::write_fmt(
                    &mut part,
                    format_args!(", the oldest {oldest} old"),
                );
            }
        }
        parts.push(part);
    }
    if !parts.is_empty() {
        line.push_str("; sources: ");
        line.push_str(&parts.join(", "));
    }
    line
}

/// Why a source that was read said nothing, in words, for every format
/// people read (the JSON report has the structured `reason`).
pub(crate) fn not_found_text(evidence: &EvidenceReport) -> String {
    let Some(reason) = &evidence.reason else {
        return "read; no passage is about the claim".to_string();
    };
    let list = |items: &[String]| {
        items
            .iter()
            .map(|i| format!("“{i}”"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !reason.missing.is_empty() {
        parts.push(format!("read; never uses {}", list(&reason.missing)));
        if !reason.present.is_empty() {
            parts.push(format!("uses {}", list(&reason.present)));
        }
    } else if reason.no_figure {
        let mut text = "read; the passages about the claim hold no figure of its kind".to_string();
        if !reason.figures.is_empty() {
            let _ = std::fmt::Write::write_fmt(
                &mut text,
                format_args!(" (they give {})", list(&reason.figures)),
            );
        }
        if let Some(unit) = &reason.unconverted {
            let _ = std::fmt::Write::write_fmt(
                &mut text,
                format_args!("; {unit} does not convert to the claim's unit"),
            );
        }
        parts.push(text);
    } else if reason.bound_elsewhere {
        let mut text = "read; the passages about the claim hold figures of its kind, but the text binds each to another word"
            .to_string();
        if !reason.figures.is_empty() {
            let _ =
                std::fmt::Write::write_fmt(&mut text, format_args!(" ({})", list(&reason.figures)));
        }
        parts.push(text);
    } else if let Some(similarity) = reason.similarity {
        // Rounded down, so a run just short of the threshold never shows as
        // the 75% that would have made it a mismatch.
        let percent = (similarity * 100.0).floor();
        parts.push(if similarity > 0.0 {
            format!("read; the quote's closest run of words is {percent:.0}% alike (75% needed)")
        } else {
            "read; no run of words has any of the quote's words".to_string()
        });
    } else if !reason.present.is_empty() {
        parts.push(
            "read; every about entry occurs, but never together in a passage of up to three sentences"
                .to_string(),
        );
    } else {
        parts.push("read; no passage is about the claim".to_string());
    }
    parts.join("; ")
}

/// `text` inside quotation marks, unless it already stands inside its own
/// (a claim text that is all quote), so no report shows “"doubled"” marks.
pub(crate) fn quoted(text: &str) -> String {
    const OPEN: [char; 5] = ['"', '“', '‘', '\'', '«'];
    const CLOSE: [char; 5] = ['"', '”', '’', '\'', '»'];
    let trimmed = text.trim();
    let starts = trimmed.starts_with(OPEN);
    let ends = trimmed.ends_with(CLOSE);
    if starts && ends && trimmed.chars().count() > 1 {
        trimmed.to_string()
    } else {
        format!("“{text}”")
    }
}

/// Whether `claim` is a statement that a source matched: the case where
/// reports must say what a statement match means.
pub(crate) fn statement_matched(claim: &ClaimReport) -> bool {
    claim.kind == ClaimKind::Statement
        && claim
            .evidence
            .iter()
            .any(|e| e.verdict == SourceVerdict::Match)
}

/// What a statement match means, said wherever one is shown (spec:
/// "reports say so").
pub(crate) const STATEMENT_NOTE: &str =
    "the source only speaks of the same things; a negated sentence matches too";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
            assert_eq!(format.to_string(), format.name());
        }
        let err = "xml".parse::<Format>().unwrap_err();
        assert!(
            err.contains("term, json, markdown, html, junit, claimreview, github, sarif"),
            "{err}"
        );
    }

    #[test]
    fn interval_table() {
        let figure =
            |low: Option<f64>, high: Option<f64>, open: (bool, bool), unit: Option<&str>| {
                FigureReport {
                    text: String::new(),
                    kind: Kind::Count,
                    unit: unit.map(str::to_string),
                    low,
                    high,
                    low_open: open.0,
                    high_open: open.1,
                    restated: None,
                }
            };
        let cases = [
            (figure(Some(15.0), Some(15.0), (false, false), None), "15"),
            (figure(Some(2.0), None, (false, false), None), "[2, ∞)"),
            (figure(None, Some(5.0), (false, true), None), "(-∞, 5)"),
            (
                figure(Some(12e9), Some(12e9), (true, false), Some("GBP")),
                "just above 12,000,000,000 GBP",
            ),
            (
                figure(Some(8.0), Some(8.0), (false, true), Some("hours")),
                "just below 8 hours",
            ),
            (
                figure(Some(3.45), Some(3.55), (false, true), Some("%")),
                "[3.45, 3.55)%",
            ),
            (
                figure(Some(2.0), Some(2.0), (false, false), Some("years")),
                "2 years",
            ),
            (
                figure(Some(-1500.0), Some(-1500.0), (false, false), None),
                "-1,500",
            ),
        ];
        for (figure, want) in cases {
            assert_eq!(interval(&figure), want);
        }
    }

    #[test]
    fn locate_table() {
        let cases = [
            ("Two civilians were killed", "Two", Some(0..3)),
            ("killed two civilians", "Two", Some(7..10)),
            ("pledged €35bn today", "€35bn", Some(8..15)),
            ("ÉTÉ 15 morts", "été 15", Some(0..8)),
            ("no figure here", "15", None),
            ("anything", "", None),
        ];
        for (passage, found, want) in cases {
            assert_eq!(locate(passage, found), want, "{passage:?} {found:?}");
        }
    }

    #[test]
    fn accepted_claims_never_fail() {
        let report = fixture::report();
        let wounded = report.files[0]
            .claims
            .iter()
            .find(|c| c.id == "wounded")
            .unwrap();
        assert_eq!(wounded.verdict, Verdict::Mismatch);
        assert!(!wounded.failing);
        assert!(!Gate::default().fails(wounded));
        let tally = Tally::of(&report);
        assert_eq!(
            tally,
            Tally {
                failing: 5,
                accepted: 1,
                changed: 1
            }
        );
    }

    #[test]
    fn render_dispatches_on_the_format() {
        let report = fixture::report();
        let starts = [
            (Format::Term, "claims/2024-10-22"),
            (Format::Json, "{"),
            (Format::Markdown, "### factcheck"),
            (Format::Html, "<!DOCTYPE html>"),
            (Format::Junit, "<?xml"),
            (Format::Claimreview, "["),
            (Format::Github, "::warning "),
            (Format::Sarif, "{"),
        ];
        for (format, start) in starts {
            let options = RenderOptions {
                format,
                ..RenderOptions::default()
            };
            assert!(render(&report, &options).starts_with(start), "{format}");
        }
    }

    proptest::proptest! {
        #[test]
        fn locate_gives_char_boundaries(passage in "\\PC{0,40}", found in "\\PC{0,6}") {
            if let Some(range) = locate(&passage, &found) {
                proptest::prop_assert!(passage.get(range).is_some());
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn any_page_text_renders_safely(passage in "\\PC{0,60}|[\\x00-\\x{a0}<>]{0,30}", found in "\\PC{0,4}", url in "\\PC{0,20}") {
            let mut report = fixture::report();
            for claim in &mut report.files[0].claims {
                for evidence in &mut claim.evidence {
                    evidence.passage = Some(passage.clone());
                    evidence.url.clone_from(&url);
                    if let Some(f) = &mut evidence.found {
                        f.text.clone_from(&found);
                    }
                }
            }
            for format in Format::ALL {
                let out = render(&report, &RenderOptions { format, width: 41, ..RenderOptions::default() });
                proptest::prop_assert!(!out.contains('\u{1b}') && !out.contains('\u{9b}'), "{}", format);
                if format == Format::Html {
                    proptest::prop_assert_eq!(out.matches("<script").count(), 1);
                }
            }
        }
    }
}
