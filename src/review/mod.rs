//! Review: the evidence lock of ../shared/spec/claim-files.md ("Review: the
//! evidence lock"). An editor accepts a check; its evidence is written to the
//! lock beside the claim file; later checks compare their evidence with it and
//! report what changed, with word diffs, so a source corrected after the
//! article was checked is decided again.
//!
//! Pure: claims, outcomes, text hashes and "now" come in as values; the lock
//! goes out as a value or TOML text. Reading and writing the lock file, the
//! clock and the prompts are the `cli`'s job.

mod lock;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};
use similar::{Algorithm, DiffTag, TextDiff};
use toml::value::{Date, Datetime, Offset, Time};

use crate::claims::{Body, Claim, ClaimFile};
use crate::compare::{DiffOp, Evidence, Op, Outcome};
use crate::report::ClaimReport;

pub use lock::{
    LOCK_VERSION, Lock, LockError, LockedClaim, LockedFigure, LockedKind, LockedSource,
    LockedVerdict,
};

/// How long a word diff shown to people may take before `similar` settles
/// for a coarser one (as insta does); never used for a verdict.
pub const DIFF_TIMEOUT: Duration = Duration::from_millis(500);

/// Where a claim file's lock lives: `claims/x.toml` -> `claims/x.lock`.
#[must_use]
pub fn lock_path(claim_file: &Path) -> PathBuf {
    claim_file.with_extension("lock")
}

/// The SHA-256 of a source's text, in lower-case hex, as locks record it.
#[must_use]
pub fn text_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            use std::fmt::Write;
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// A moment as a lock records it: UTC, to the second.
#[must_use]
pub fn datetime(moment: jiff::Timestamp) -> Datetime {
    let utc = moment.to_zoned_datetime(jiff::tz::TimeZone::UTC);
    Datetime {
        date: Some(Date {
            year: u16::try_from(utc.year()).unwrap_or(0),
            month: utc.month().unsigned_abs(),
            day: utc.day().unsigned_abs(),
        }),
        time: Some(Time {
            hour: utc.hour().unsigned_abs(),
            minute: utc.minute().unsigned_abs(),
            second: Some(utc.second().unsigned_abs()),
            nanosecond: None,
        }),
        offset: Some(Offset::Z),
    }
}

/// A word diff from `old` to `new` for people: words are runs of non-space
/// characters, runs of the same op are joined with single spaces.
#[must_use]
pub fn word_diff(old: &str, new: &str) -> Vec<DiffOp> {
    let old: Vec<&str> = old.split_whitespace().collect();
    let new: Vec<&str> = new.split_whitespace().collect();
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(DIFF_TIMEOUT)
        .diff_slices(&old, &new);
    let mut ops: Vec<DiffOp> = Vec::new();
    let mut push = |op: Op, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        match ops.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&words.join(" "));
            }
            _ => ops.push(DiffOp {
                op,
                text: words.join(" "),
            }),
        }
    };
    for op in diff.ops() {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(Op::Equal, &old[old_range]),
            DiffTag::Delete => push(Op::Delete, &old[old_range]),
            DiffTag::Insert => push(Op::Insert, &new[new_range]),
            DiffTag::Replace => {
                push(Op::Delete, &old[old_range]);
                push(Op::Insert, &new[new_range]);
            }
        }
    }
    ops
}

/// What a source said, reduced to what decides whether evidence changed:
/// the URL, the verdict, the passage and the figure found. The text hash and
/// the time it was read do not count (a live page changes around an
/// unchanged passage).
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The URL or path read.
    pub url: String,
    /// What the source said.
    pub verdict: LockedVerdict,
    /// The passage that decided it.
    pub passage: Option<String>,
    /// The figure found.
    pub found: Option<LockedFigure>,
}

impl From<&Evidence> for Reading {
    fn from(evidence: &Evidence) -> Self {
        Reading {
            url: evidence.url.clone(),
            verdict: evidence.verdict.into(),
            passage: evidence.passage.clone(),
            found: evidence.found.as_ref().map(LockedFigure::from),
        }
    }
}

impl From<&LockedSource> for Reading {
    fn from(locked: &LockedSource) -> Self {
        Reading {
            url: locked.url.clone(),
            verdict: locked.verdict,
            passage: locked.passage.clone(),
            found: locked.found.clone(),
        }
    }
}

/// One claim's result from the current run: the claim and its outcome.
#[derive(Debug, Clone, Copy)]
pub struct Current<'a> {
    /// The claim as the claim file states it now.
    pub claim: &'a Claim,
    /// Its outcome from this run.
    pub outcome: &'a Outcome,
}

/// Pairs each claim of a file with its outcome (outcomes in claim order).
#[must_use]
pub fn current<'a>(file: &'a ClaimFile, outcomes: &'a [Outcome]) -> Vec<Current<'a>> {
    file.claims
        .iter()
        .zip(outcomes)
        .map(|(claim, outcome)| Current { claim, outcome })
        .collect()
}

/// The claim's `value` and `quote`, as a lock records them.
fn value_and_quote(claim: &Claim) -> (Option<String>, Option<String>) {
    match &claim.body {
        Body::Figure { value, .. } => (Some(value.clone()), None),
        Body::Quote { quote } => (None, Some(quote.clone())),
        Body::Statement => (None, None),
    }
}

/// The current evidence by source id; a source cited twice counts once.
fn readings(outcome: &Outcome) -> BTreeMap<&str, (&Evidence, Reading)> {
    let mut by_source = BTreeMap::new();
    for evidence in &outcome.evidence {
        by_source
            .entry(evidence.source.as_str())
            .or_insert_with(|| (evidence, Reading::from(evidence)));
    }
    by_source
}

/// Locks one claim's current evidence. A source whose reading is unchanged
/// from `previous` keeps its `first-read`; any other is first read `now`.
/// `hashes` holds the SHA-256 of each source's text by source id.
#[must_use]
pub fn lock_claim(
    current: Current<'_>,
    previous: Option<&LockedClaim>,
    hashes: &BTreeMap<String, String>,
    now: Datetime,
) -> LockedClaim {
    let (value, quote) = value_and_quote(current.claim);
    let sources = readings(current.outcome)
        .into_iter()
        .map(|(id, (evidence, reading))| {
            let first_read = previous
                .and_then(|p| p.sources.get(id))
                .filter(|old| Reading::from(*old) == reading)
                .map_or(now, |old| old.first_read);
            let locked = LockedSource {
                url: reading.url,
                first_read,
                sha256: hashes.get(id).cloned(),
                verdict: reading.verdict,
                passage: reading.passage,
                found: reading.found,
            };
            // An unreadable source has no text to hash, whatever the caller passed.
            let locked = if evidence.verdict == crate::compare::SourceVerdict::Unreachable {
                LockedSource {
                    sha256: None,
                    ..locked
                }
            } else {
                locked
            };
            (id.to_owned(), locked)
        })
        .collect();
    LockedClaim {
        text: current.claim.text.clone(),
        value,
        quote,
        note: previous.and_then(|p| p.note.clone()),
        sources,
    }
}

/// Which claims an accept writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection<'a> {
    /// Every claim of the file.
    All,
    /// Only the claim with this id (`--claim ID`); the others keep what the
    /// lock holds.
    Claim(&'a str),
    /// Only the claims with these ids; the others keep what the lock holds.
    Ids(&'a [String]),
}

impl Selection<'_> {
    /// Whether the claim `id` is selected.
    #[must_use]
    pub fn holds(&self, id: &str) -> bool {
        match self {
            Selection::All => true,
            Selection::Claim(only) => *only == id,
            Selection::Ids(ids) => ids.iter().any(|i| i == id),
        }
    }
}

/// Accepts a file's current evidence into its lock: the selected claims get
/// their current evidence (keeping `first-read` where it is unchanged), the
/// others keep their locked entry, and entries for claims no longer in the
/// file are dropped.
#[must_use]
pub fn accept(
    previous: Option<&Lock>,
    current: &[Current<'_>],
    hashes: &BTreeMap<String, String>,
    now: Datetime,
    selection: Selection<'_>,
) -> Lock {
    let mut lock = Lock::new();
    for now_claim in current {
        let id = &now_claim.claim.id;
        let old = previous.and_then(|p| p.claims.get(id));
        let selected = selection.holds(id);
        let entry = if selected {
            Some(lock_claim(*now_claim, old, hashes, now))
        } else {
            old.cloned()
        };
        if let Some(entry) = entry {
            lock.claims.insert(id.clone(), entry);
        }
    }
    lock
}

/// An edit to the claim itself since it was accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// `text`, `value` or `quote`.
    pub field: &'static str,
    /// As accepted.
    pub old: Option<String>,
    /// As the claim file states it now.
    pub new: Option<String>,
}

/// How one source's evidence differs from the lock.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceChange {
    /// The source's id (or URL for an inline source).
    pub source: String,
    /// The accepted reading; `None` for a source added since.
    pub old: Option<Reading>,
    /// The current reading; `None` for a source the claim no longer cites.
    pub new: Option<Reading>,
    /// Word diff from the accepted passage to the current one (empty text
    /// for a missing passage).
    pub passage_diff: Vec<DiffOp>,
}

/// What changed in a claim since it was accepted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    /// Edits to the claim's text, value or quote.
    pub edits: Vec<Edit>,
    /// Sources whose evidence differs, sorted by source id.
    pub sources: Vec<SourceChange>,
}

/// A claim's standing against its lock.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Not in the lock: never accepted.
    Unreviewed {
        /// Whether the claim cites any source (unsourced claims are never changed).
        sourced: bool,
    },
    /// In the lock with unchanged evidence: never fails the gate.
    Accepted,
    /// In the lock, but its evidence or the claim itself changed since.
    Changed(Change),
}

impl Status {
    /// Accepted with unchanged evidence: never fails the gate, whatever its verdict.
    #[must_use]
    pub fn accepted(&self) -> bool {
        matches!(self, Status::Accepted)
    }

    /// The report's `changed_since_review`. Under `--locked`, a sourced claim
    /// never accepted counts as changed.
    #[must_use]
    pub fn changed_since_review(&self, locked: bool) -> bool {
        match self {
            Status::Changed(_) => true,
            Status::Unreviewed { sourced } => locked && *sourced,
            Status::Accepted => false,
        }
    }

    /// Whether `review` puts this claim before the editor: a sourced claim
    /// that changed or was never accepted.
    #[must_use]
    pub fn needs_review(&self) -> bool {
        self.changed_since_review(true)
    }

    /// The change, when there is one.
    #[must_use]
    pub fn change(&self) -> Option<&Change> {
        match self {
            Status::Changed(change) => Some(change),
            _ => None,
        }
    }
}

/// Compares a claim's current evidence with its locked entry.
#[must_use]
pub fn status(locked: Option<&LockedClaim>, current: Current<'_>) -> Status {
    let sourced = !current.claim.sources.is_empty();
    let Some(locked) = locked else {
        return Status::Unreviewed { sourced };
    };
    let (value, quote) = value_and_quote(current.claim);
    let edits: Vec<Edit> = [
        (
            "text",
            Some(locked.text.clone()),
            Some(current.claim.text.clone()),
        ),
        ("value", locked.value.clone(), value),
        ("quote", locked.quote.clone(), quote),
    ]
    .into_iter()
    .filter(|(_, old, new)| old != new)
    .map(|(field, old, new)| Edit { field, old, new })
    .collect();

    let now = readings(current.outcome);
    let mut ids: Vec<&str> = locked.sources.keys().map(String::as_str).collect();
    ids.extend(now.keys().copied());
    ids.sort_unstable();
    ids.dedup();
    let changed_sources: Vec<SourceChange> = ids
        .into_iter()
        .filter_map(|id| {
            let old = locked.sources.get(id).map(Reading::from);
            let new = now.get(id).map(|(_, reading)| reading.clone());
            if old == new {
                return None;
            }
            let passage = |r: &Option<Reading>| {
                r.as_ref()
                    .and_then(|r| r.passage.clone())
                    .unwrap_or_default()
            };
            let passage_diff = word_diff(&passage(&old), &passage(&new));
            Some(SourceChange {
                source: id.to_owned(),
                old,
                new,
                passage_diff,
            })
        })
        .collect();

    if edits.is_empty() && changed_sources.is_empty() {
        Status::Accepted
    } else if !sourced {
        // Spec: unsourced claims have no evidence and are never changed;
        // an edited one is simply no longer accepted.
        Status::Unreviewed { sourced }
    } else {
        Status::Changed(Change {
            edits,
            sources: changed_sources,
        })
    }
}

/// The status of every claim of a file against its lock (`None`: no lock).
#[must_use]
pub fn statuses(lock: Option<&Lock>, current: &[Current<'_>]) -> Vec<Status> {
    current
        .iter()
        .map(|c| status(lock.and_then(|l| l.claims.get(&c.claim.id)), *c))
        .collect()
}

/// Marks a claim's report with its standing against the lock: `accepted`,
/// `changed_since_review` (under `--locked`, a sourced claim never accepted
/// counts as changed) and, when it changed, each source's `review_diff` from
/// its accepted passage to the current one.
pub fn annotate(report: &mut ClaimReport, status: &Status, locked: bool) {
    report.accepted = status.accepted();
    report.changed_since_review = status.changed_since_review(locked);
    let Some(change) = status.change() else {
        return;
    };
    for evidence in &mut report.evidence {
        let now = evidence.passage.as_deref().unwrap_or_default();
        let diff = change
            .sources
            .iter()
            .find(|c| c.source == evidence.source)
            .map_or_else(|| word_diff(now, now), |c| c.passage_diff.clone());
        evidence.review_diff = Some(diff);
    }
}

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;
