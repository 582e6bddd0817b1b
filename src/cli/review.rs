//! `factcheck review` and `factcheck accept`: the evidence lock at the edge.
//! The pipeline's results come in; the locks are read and written here
//! (atomically, through `lockfile`), and `review` walks the changed claims at
//! a terminal, one at a time with its diff, as cargo-insta does.
//!
//! Without a terminal `review` prompts nothing: it lists what needs review and
//! names the commands that do the same without asking.

use std::fmt::Write as _;
use std::io::{self, IsTerminal};
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::source_args::{self, SourceArgs};
use crate::check;
pub use crate::check::Checked;
use crate::claims::{self, Body, Claim};
use crate::cli::{Exit, lockfile, output};
use crate::compare::{DiffOp, Op, Verdict};
use crate::report::escape::clean;
use crate::review::{self, Current, Lock, LockedVerdict, Reading, Selection, Status};

/// Arguments of `factcheck review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Claim files, or directories to search for them [default: claims/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Where sources come from and the fetch limits.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Runs `review`: at a terminal, one claim at a time; else the list.
#[must_use]
pub fn run(args: &ReviewArgs) -> Exit {
    with_evidence(&args.paths, &args.sources, |checked| {
        if io::stdin().is_terminal() && io::stdout().is_terminal() {
            let term = console::Term::stdout();
            interactive(
                checked,
                jiff::Timestamp::now(),
                console::colors_enabled(),
                usize::from(term.size().1).max(40),
                &mut || read_key(&term),
                &mut |text| output::stdout(text),
            )
        } else {
            list(checked)
        }
    })
}

/// One key from the terminal, without echo or Enter.
fn read_key(term: &console::Term) -> io::Result<Key> {
    // Raw: Ctrl-C comes back as a key (the terminal restored) rather than
    // as SIGINT, so the session ends with its tally.
    match term.read_key_raw() {
        Ok(console::Key::Char(c)) => Ok(Key::from_char(c)),
        Ok(console::Key::Escape | console::Key::CtrlC) => Ok(Key::Quit),
        Ok(_) => Ok(Key::Other),
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(Key::Quit),
        Err(e) => Err(e),
    }
}

/// Loads the claim files below `paths` (default `claims/`), checks that their
/// locks can be read, runs the check pipeline and hands its results to
/// `then`. Anything that stops the run is reported on stderr as exit 2.
pub(crate) fn with_evidence(
    paths: &[PathBuf],
    sources: &SourceArgs,
    then: impl FnOnce(&[Checked]) -> Result<Exit>,
) -> Exit {
    let paths = super::check::claim_paths(paths);
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
        || claims::find_root(&std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))),
        |f| f.root.clone(),
    );
    let result = source_args::settings_for(sources, Some(&root))
        .map_err(anyhow::Error::msg)
        .and_then(|settings| {
            // A broken lock stops the run before any source is read.
            for file in &loaded.files {
                lockfile::read(&file.path)?;
            }
            let progress =
                super::progress::Progress::start(super::progress::Mode::from_environment());
            let checked = check::evidence_with(&loaded.files, &settings, progress.observer());
            progress.finish();
            checked.map_err(anyhow::Error::new)
        })
        .and_then(|checked| then(&checked));
    match result {
        Ok(exit) => exit,
        Err(e) => {
            output::stderr_line(&format!("factcheck: {e:#}"));
            Exit::Error
        }
    }
}

fn current(checked: &Checked) -> Vec<Current<'_>> {
    review::current(&checked.file, &checked.outcomes)
}

/// A claim file with its lock (as read) and each claim's status against it.
struct Reviewed<'a> {
    checked: &'a Checked,
    lock: Option<Lock>,
    statuses: Vec<Status>,
}

fn reviewed(checked: &[Checked]) -> Result<Vec<Reviewed<'_>>> {
    checked
        .iter()
        .map(|c| {
            let lock = lockfile::read(&c.file.path)?;
            let statuses = review::statuses(lock.as_ref(), &current(c));
            Ok(Reviewed {
                checked: c,
                lock,
                statuses,
            })
        })
        .collect()
}

/// What `accept` is asked to do.
#[derive(Debug, Clone, Copy)]
pub struct AcceptRequest<'a> {
    /// Only this claim (`--claim ID`); it is accepted even when it fails the gate.
    pub claim: Option<&'a str>,
    /// Kept in the lock beside the named claim (`--note TEXT`).
    pub note: Option<&'a str>,
    /// The verdicts that fail the gate: a claim with one of them is accepted
    /// only when named.
    pub fail_on: &'a [Verdict],
}

/// `accept`: writes each file's current evidence to its lock, all claims or
/// only `--claim ID`, and prints one line per claim: its id, its verdict and
/// what changed. Without `--claim`, a claim whose verdict fails the gate is
/// not accepted (the line says how to accept it by name). Exit 0, or 2 when a
/// lock cannot be written or the claim is in none of the files.
pub fn accept(
    checked: &[Checked],
    request: AcceptRequest<'_>,
    now: jiff::Timestamp,
) -> Result<Exit> {
    if let Some(id) = request.claim
        && !checked
            .iter()
            .any(|c| c.file.claims.iter().any(|k| k.id == id))
    {
        output::stderr_line(&format!(
            "factcheck: no claim `{id}` in {}",
            paths(checked).join(", ")
        ));
        return Ok(Exit::Error);
    }
    let now = review::datetime(now);
    let mut out = String::new();
    let mut held_back = 0usize;
    for reviewed in reviewed(checked)? {
        let c = reviewed.checked;
        if let Some(id) = request.claim
            && !c.file.claims.iter().any(|k| k.id == id)
        {
            continue;
        }
        let mut lines = String::new();
        let mut ids: Vec<String> = Vec::new();
        for ((claim, outcome), status) in c
            .file
            .claims
            .iter()
            .zip(&c.outcomes)
            .zip(&reviewed.statuses)
        {
            if request.claim.is_some_and(|id| id != claim.id) {
                continue;
            }
            let verdict = outcome.verdict.name();
            let id = clean(&claim.id);
            if status.accepted() && request.note.is_none() {
                let _ = writeln!(lines, "  {id}: {verdict}, unchanged since accepted");
            } else if request.claim.is_none() && request.fail_on.contains(&outcome.verdict) {
                held_back += 1;
                let _ = writeln!(
                    lines,
                    "  {id}: {verdict}, NOT accepted: {verdict} fails the gate; to accept it, name it: factcheck accept --claim {id}"
                );
            } else {
                let what = match status {
                    Status::Accepted => "unchanged since accepted".to_owned(),
                    Status::Unreviewed { .. } => "new: never accepted before".to_owned(),
                    Status::Changed(_) => summary(status),
                };
                let _ = writeln!(lines, "  {id}: {verdict}, accepted ({what})");
                ids.push(claim.id.clone());
            }
        }
        let current = current(c);
        let mut lock = review::accept(
            reviewed.lock.as_ref(),
            &current,
            &c.hashes,
            now,
            Selection::Ids(&ids),
        );
        if let (Some(id), Some(note)) = (request.claim, request.note)
            && let Some(entry) = lock.claims.get_mut(id)
        {
            entry.note = Some(note.to_owned());
        }
        let path = review::lock_path(&c.file.path);
        if reviewed.lock.as_ref() == Some(&lock) {
            let _ = writeln!(out, "{}: unchanged", path.display());
            out.push_str(&lines);
            continue;
        }
        let written = lockfile::write(&c.file.path, &lock)?;
        let unread: Vec<String> = lock
            .claims
            .iter()
            .filter(|(id, _)| ids.contains(id))
            .flat_map(|(id, claim)| {
                claim
                    .sources
                    .iter()
                    .filter(|(_, s)| s.verdict == LockedVerdict::Unreachable)
                    .map(move |(source, _)| format!("{id} ({source})"))
            })
            .collect();
        if !unread.is_empty() {
            // Accepting an unreachable source silences it until it changes:
            // say so, in case the network (or --offline) was the reason.
            output::stderr_line(&format!(
                "factcheck: note: {} accepted as unreachable: {}",
                written.display(),
                clean(&unread.join(", "))
            ));
        }
        let count = ids.len();
        let _ = writeln!(
            out,
            "{}: accepted {count} claim{}",
            written.display(),
            if count == 1 { "" } else { "s" }
        );
        out.push_str(&lines);
    }
    let _ = output::stdout(&out)?;
    if held_back > 0 {
        output::stderr_line(&format!(
            "factcheck: {held_back} failing claim{} not accepted; check the evidence, then accept each by name with --claim ID (and --note TEXT to say why)",
            if held_back == 1 { " was" } else { "s were" }
        ));
    }
    Ok(Exit::Passed)
}

fn paths(checked: &[Checked]) -> Vec<String> {
    checked
        .iter()
        .map(|c| c.file.path.display().to_string())
        .collect()
}

/// What `review` lists and walks: a sourced claim that changed since it was
/// accepted, or was never accepted.
#[derive(Debug, Clone, Copy)]
struct Pending {
    file: usize,
    claim: usize,
}

fn pending(reviewed: &[Reviewed<'_>]) -> Vec<Pending> {
    reviewed
        .iter()
        .enumerate()
        .flat_map(|(file, r)| {
            r.statuses
                .iter()
                .enumerate()
                .filter(|(_, s)| s.needs_review())
                .map(move |(claim, _)| Pending { file, claim })
        })
        .collect()
}

/// `review` without a terminal: the list, and exit 1 when it is not empty.
pub fn list(checked: &[Checked]) -> Result<Exit> {
    let reviewed = reviewed(checked)?;
    let pending = pending(&reviewed);
    let text = render_list(&reviewed, &pending);
    let _ = output::stdout(&text)?;
    Ok(if pending.is_empty() {
        Exit::Passed
    } else {
        Exit::Failed
    })
}

fn render_list(reviewed: &[Reviewed<'_>], pending: &[Pending]) -> String {
    let mut out = String::new();
    if pending.is_empty() {
        out.push_str("Every sourced claim is accepted with unchanged evidence.\n");
        return out;
    }
    let mut last_file = None;
    for p in pending {
        let r = &reviewed[p.file];
        if last_file != Some(p.file) {
            let _ = writeln!(out, "{}", r.checked.file.path.display());
            last_file = Some(p.file);
        }
        let claim = &r.checked.file.claims[p.claim];
        let _ = writeln!(
            out,
            "  {}: {}",
            clean(&claim.id),
            summary(&r.statuses[p.claim])
        );
    }
    let n = pending.len();
    let _ = write!(
        out,
        "\n{n} claim{s} need{v} review. Not a terminal, so nothing was asked.\n\
         Accept the current evidence with `factcheck accept` (one claim: `factcheck accept --claim ID`),\n\
         or gate on it with `factcheck check --locked`.\n",
        s = if n == 1 { "" } else { "s" },
        v = if n == 1 { "s" } else { "" },
    );
    out
}

/// One line saying why a claim needs review.
fn summary(status: &Status) -> String {
    let Some(change) = status.change() else {
        return "never accepted".to_owned();
    };
    let mut parts: Vec<String> = change
        .edits
        .iter()
        .map(|e| format!("{} edited", e.field))
        .collect();
    for s in &change.sources {
        let what = match (&s.old, &s.new) {
            (None, _) => "source added".to_owned(),
            (_, None) => "source removed".to_owned(),
            (Some(old), Some(new)) => {
                let mut what = Vec::new();
                if old.url != new.url {
                    what.push("url");
                }
                if old.passage != new.passage {
                    what.push("passage");
                }
                if old.found != new.found {
                    what.push("figure");
                }
                if old.verdict != new.verdict {
                    what.push("verdict");
                }
                format!("{} changed", what.join(", "))
            }
        };
        parts.push(format!("{}: {what}", clean(&s.source)));
    }
    format!("changed ({})", parts.join("; "))
}

/// Words of context kept on each side of a change when the full passage is
/// not shown.
const CONTEXT: usize = 6;

/// Renders a word diff for a terminal: deletions `[-so-]`, insertions
/// `{+so+}` (and red/green with colour). Unless `full`, long runs of equal
/// words are cut to `CONTEXT` words beside each change.
fn render_diff(diff: &[DiffOp], full: bool, color: bool) -> String {
    let mut parts = Vec::new();
    for (i, d) in diff.iter().enumerate() {
        let text = clean(&d.text);
        let part = match d.op {
            Op::Delete if color => format!("\x1b[31;9m{text}\x1b[0m"),
            Op::Insert if color => format!("\x1b[32;4m{text}\x1b[0m"),
            Op::Delete => format!("[-{text}-]"),
            Op::Insert => format!("{{+{text}+}}"),
            Op::Equal if full => text,
            Op::Equal => {
                let words: Vec<&str> = text.split(' ').collect();
                let first = i == 0;
                let last = i + 1 == diff.len();
                let keep_head = if first { 0 } else { CONTEXT };
                let keep_tail = if last { 0 } else { CONTEXT };
                if words.len() > keep_head + keep_tail + 1 {
                    let head = words[..keep_head].join(" ");
                    let tail = words[words.len() - keep_tail..].join(" ");
                    [head, "…".to_owned(), tail]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                } else {
                    text
                }
            }
        };
        parts.push(part);
    }
    parts.join(" ")
}

fn claim_words(claim: &Claim) -> String {
    match &claim.body {
        Body::Figure { value, .. } => format!("figure \"{}\"", clean(value)),
        Body::Quote { quote } => format!("quote \"{}\"", clean(quote)),
        Body::Statement => "statement".to_owned(),
    }
}

fn reading_line(reading: &Reading) -> String {
    let mut line = reading.verdict.as_str().to_owned();
    if let Some(found) = &reading.found {
        let _ = write!(line, ", figure \"{}\"", clean(&found.describe()));
    }
    line
}

/// The screen for one claim: what it says, and per source what changed.
fn render_claim(
    checked: &Checked,
    index: usize,
    status: &Status,
    position: (usize, usize),
    full: bool,
    color: bool,
) -> String {
    let claim = &checked.file.claims[index];
    let outcome = &checked.outcomes[index];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "── {} · {} ({} of {}) ──",
        checked.file.path.display(),
        clean(&claim.id),
        position.0,
        position.1
    );
    let _ = writeln!(out, "  {}", clean(&claim.text));
    let _ = writeln!(
        out,
        "  {} · verdict now: {}",
        claim_words(claim),
        verdict_name(outcome.verdict)
    );
    match status.change() {
        None => {
            let _ = writeln!(out, "  never accepted; the evidence now:");
            for e in &outcome.evidence {
                let reading = Reading::from(e);
                let _ = writeln!(out, "  {} <{}>", clean(&e.source), clean(&e.url));
                let _ = writeln!(out, "    {}", reading_line(&reading));
                if let Some(passage) = &e.passage {
                    let _ = writeln!(out, "    passage: {}", clean(passage));
                }
                if let Some(diff) = &e.diff {
                    let _ = writeln!(out, "    quote diff: {}", render_diff(diff, true, color));
                }
                if let Some(error) = &e.error {
                    let _ = writeln!(out, "    reason: {}", clean(error));
                }
            }
        }
        Some(change) => {
            for edit in &change.edits {
                let old = edit.old.as_deref().unwrap_or("(none)");
                let new = edit.new.as_deref().unwrap_or("(none)");
                let diff = review::word_diff(old, new);
                let _ = writeln!(
                    out,
                    "  {} edited: {}",
                    edit.field,
                    render_diff(&diff, true, color)
                );
            }
            for s in &change.sources {
                let url = s.new.as_ref().or(s.old.as_ref()).map(|r| r.url.as_str());
                let _ = writeln!(
                    out,
                    "  {} <{}>",
                    clean(&s.source),
                    clean(url.unwrap_or_default())
                );
                let old = s
                    .old
                    .as_ref()
                    .map_or("(not cited)".to_owned(), reading_line);
                let new = s
                    .new
                    .as_ref()
                    .map_or("(not cited)".to_owned(), reading_line);
                let _ = writeln!(out, "    was: {old}");
                let _ = writeln!(out, "    now: {new}");
                if let (Some(old), Some(new)) = (&s.old, &s.new)
                    && old.url != new.url
                {
                    let _ = writeln!(out, "    url was: {}", clean(&old.url));
                }
                if !s.passage_diff.is_empty() {
                    let _ = writeln!(
                        out,
                        "    passage: {}",
                        render_diff(&s.passage_diff, full, color)
                    );
                }
                let now = outcome.evidence.iter().find(|e| e.source == s.source);
                if let Some(diff) = now.and_then(|e| e.diff.as_ref()) {
                    let _ = writeln!(out, "    quote diff: {}", render_diff(diff, true, color));
                }
                if let Some(error) = now.and_then(|e| e.error.as_deref()) {
                    let _ = writeln!(out, "    reason: {}", clean(error));
                }
            }
        }
    }
    out
}

fn verdict_name(verdict: crate::compare::Verdict) -> &'static str {
    verdict.name()
}

/// `text` with each line wrapped to `width` columns (escape codes take no
/// room), a wrapped line hanging two columns past its line's own indent:
/// the review screen fits the terminal it is shown on.
fn wrap_to(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if console::measure_text_width(body) <= width {
            out.push_str(line);
            continue;
        }
        let indent = body.len() - body.trim_start_matches(' ').len();
        let hang = " ".repeat((indent + 2).min(width / 2));
        let mut used = 0;
        out.push_str(&body[..indent]);
        used += indent;
        let mut first = true;
        for word in body[indent..].split(' ') {
            let w = console::measure_text_width(word);
            if !first && used + 1 + w > width {
                out.push('\n');
                out.push_str(&hang);
                used = hang.len();
            } else if !first {
                out.push(' ');
                used += 1;
            }
            out.push_str(word);
            used += w;
            first = false;
        }
        out.push_str(newline);
    }
    out
}

/// A key the reviewer pressed, as the session understands it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `a`: accept this claim's current evidence.
    Accept,
    /// `r`: reject it; the lock keeps the evidence accepted before.
    Reject,
    /// `s`: decide later.
    Skip,
    /// `A`: accept this and every claim that remains.
    AcceptAll,
    /// `R`: reject this and every claim that remains.
    RejectAll,
    /// `S`: skip this and every claim that remains.
    SkipAll,
    /// `d`: show or hide the full passage.
    Toggle,
    /// `q` (or Ctrl-C, Escape): stop; decisions made so far stand.
    Quit,
    /// Anything else.
    Other,
}

impl Key {
    /// The key for a typed character.
    #[must_use]
    pub fn from_char(c: char) -> Key {
        match c {
            'a' => Key::Accept,
            'r' => Key::Reject,
            's' => Key::Skip,
            'A' => Key::AcceptAll,
            'R' => Key::RejectAll,
            'S' => Key::SkipAll,
            'd' => Key::Toggle,
            'q' | '\u{3}' | '\u{1b}' => Key::Quit,
            _ => Key::Other,
        }
    }
}

const PROMPT: &str =
    "  a accept · r reject · s skip · A/R/S all that remain · d full passage · q quit > ";

/// Counts of what the reviewer decided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    accepted: usize,
    rejected: usize,
    skipped: usize,
}

/// `review` at a terminal: one pending claim at a time. Each accept is
/// written to its lock at once, so quitting (or Ctrl-C) keeps what was
/// decided. Exit 0 when nothing is left to review, else 1.
/// `write` shows text to the reviewer and returns `false` once nobody reads
/// it any more (a closed pipe).
pub fn interactive(
    checked: &[Checked],
    now: jiff::Timestamp,
    color: bool,
    width: usize,
    read_key: &mut dyn FnMut() -> std::io::Result<Key>,
    write: &mut dyn FnMut(&str) -> std::io::Result<bool>,
) -> Result<Exit> {
    let mut reviewed = reviewed(checked)?;
    let pending = pending(&reviewed);
    if pending.is_empty() {
        let _ = write("Every sourced claim is accepted with unchanged evidence.\n")?;
        return Ok(Exit::Passed);
    }
    let now = review::datetime(now);
    let mut tally = Tally::default();
    let mut all: Option<Key> = None;
    let mut full = false;
    let mut left = pending.len();
    'claims: for (n, p) in pending.iter().enumerate() {
        let decision = if let Some(key) = all {
            key
        } else {
            loop {
                let r = &reviewed[p.file];
                let screen = render_claim(
                    r.checked,
                    p.claim,
                    &r.statuses[p.claim],
                    (n + 1, pending.len()),
                    full,
                    color,
                );
                let screen = wrap_to(&screen, width);
                if !write(&format!("{screen}{PROMPT}"))? {
                    break 'claims;
                }
                let key = read_key()?;
                let _ = write("\n")?;
                match key {
                    Key::Toggle => full = !full,
                    Key::Quit => break 'claims,
                    Key::Other => {}
                    Key::AcceptAll | Key::RejectAll | Key::SkipAll => {
                        all = Some(key);
                        break key;
                    }
                    decided => break decided,
                }
            }
        };
        match decision {
            Key::Accept | Key::AcceptAll => {
                let r = &mut reviewed[p.file];
                let c = r.checked;
                let id = &c.file.claims[p.claim].id;
                let lock = review::accept(
                    r.lock.as_ref(),
                    &current(c),
                    &c.hashes,
                    now,
                    Selection::Claim(id),
                );
                let written = lockfile::write(&c.file.path, &lock)?;
                r.lock = Some(lock);
                tally.accepted += 1;
                let _ = write(&format!(
                    "  {}: accepted, written to {}\n\n",
                    clean(id),
                    written.display()
                ))?;
            }
            Key::Reject | Key::RejectAll => {
                tally.rejected += 1;
                let _ = write(&format!(
                    "  {}: rejected, the lock keeps what was accepted before\n\n",
                    clean(&reviewed[p.file].checked.file.claims[p.claim].id)
                ))?;
            }
            _ => {
                tally.skipped += 1;
                let _ = write(&format!(
                    "  {}: skipped\n\n",
                    clean(&reviewed[p.file].checked.file.claims[p.claim].id)
                ))?;
            }
        }
        left -= 1;
    }
    let mut out = format!(
        "accepted {}, rejected {}, skipped {}",
        tally.accepted, tally.rejected, tally.skipped
    );
    if left > 0 {
        let _ = write!(out, ", not reached {left}");
    }
    out.push('\n');
    let _ = write(&out)?;
    Ok(if tally.accepted == pending.len() {
        Exit::Passed
    } else {
        Exit::Failed
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::BTreeMap;

    use super::*;
    use crate::compare::{Evidence, SourceVerdict, Verdict};
    use crate::review::fixture::{
        T1, T2, at, evidence, figure_claim, file, killed, outcome, point,
    };

    fn d(op: Op, text: &str) -> DiffOp {
        DiffOp {
            op,
            text: text.to_owned(),
        }
    }

    #[test]
    fn diffs_render_with_markers_and_trimmed_context() {
        let long =
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
        let cases = [
            (
                vec![
                    d(Op::Equal, "killed"),
                    d(Op::Delete, "two"),
                    d(Op::Insert, "five"),
                ],
                false,
                "killed [-two-] {+five+}",
            ),
            (
                vec![d(Op::Equal, long), d(Op::Delete, "x"), d(Op::Equal, long)],
                false,
                "… nine ten eleven twelve thirteen fourteen [-x-] one two three four five six …",
            ),
            (
                vec![d(Op::Delete, "x"), d(Op::Equal, long), d(Op::Insert, "y")],
                false,
                "[-x-] one two three four five six … nine ten eleven twelve thirteen fourteen {+y+}",
            ),
            (
                vec![d(Op::Equal, long), d(Op::Delete, "x")],
                true,
                "one two three four five six seven eight nine ten eleven twelve thirteen fourteen [-x-]",
            ),
            (vec![d(Op::Insert, "a\u{1b}[2Jb\tc")], false, "{+a[2Jb c+}"),
        ];
        for (diff, full, want) in cases {
            assert_eq!(render_diff(&diff, full, false), want);
        }
        assert_eq!(
            render_diff(&[d(Op::Delete, "x"), d(Op::Insert, "y")], false, true),
            "\x1b[31;9mx\x1b[0m \x1b[32;4my\x1b[0m"
        );
    }

    #[test]
    fn lines_wrap_to_the_width_with_a_hanging_indent() {
        let cases = [
            ("short\n", 20, "short\n"),
            (
                "    passage: one two three four five\n",
                20,
                "    passage: one two\n      three four\n      five\n",
            ),
            (
                "a \x1b[31mred\x1b[0m word\n",
                10,
                "a \x1b[31mred\x1b[0m word\n",
            ),
            ("averyveryverylongword x", 8, "averyveryverylongword\n  x"),
        ];
        for (text, width, want) in cases {
            assert_eq!(wrap_to(text, width), want, "{text:?}");
        }
    }

    #[test]
    fn the_screen_shows_the_quote_diff_and_fits_the_terminal() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = file(vec![crate::review::fixture::quote_claim(
            "q",
            "does not advance the cause of peace",
            &["wire"],
        )]);
        f.path = dir.path().join("x.toml");
        let ev = Evidence {
            diff: Some(vec![
                d(Op::Equal, "does not"),
                d(Op::Delete, "advance"),
                d(Op::Insert, "serve"),
                d(Op::Equal, "the cause of peace"),
            ]),
            ..evidence(
                "wire",
                SourceVerdict::Mismatch,
                Some(
                    "The ministry said the visit does not serve the cause of peace and only prolongs the war, officials in Kyiv said on Tuesday.",
                ),
                None,
            )
        };
        let checked = Checked {
            file: f,
            outcomes: vec![outcome(Verdict::Mismatch, vec![ev])],
            hashes: BTreeMap::new(),
            reads: BTreeMap::new(),
        };
        let (_, screen) = drive_at(&[checked], &[Key::Quit], 40);
        assert!(
            screen.contains("quote diff:")
                && screen.contains("[-advance-]")
                && screen.contains("{+serve+}"),
            "{screen}"
        );
        let claim_screen = &screen[..screen.find(PROMPT).unwrap()];
        for line in claim_screen.lines() {
            assert!(line.chars().count() <= 40, "{line:?} in\n{screen}");
        }
    }

    #[test]
    fn keys_follow_insta() {
        let cases = [
            ('a', Key::Accept),
            ('r', Key::Reject),
            ('s', Key::Skip),
            ('A', Key::AcceptAll),
            ('R', Key::RejectAll),
            ('S', Key::SkipAll),
            ('d', Key::Toggle),
            ('q', Key::Quit),
            ('\u{3}', Key::Quit),
            ('x', Key::Other),
        ];
        for (c, key) in cases {
            assert_eq!(Key::from_char(c), key, "{c:?}");
        }
    }

    /// A claim file in `dir` with three figure claims, accepted with "two"
    /// killed; the current run says "five" for `a` and `b` and nothing
    /// changed for `c`.
    fn changed_three(dir: &std::path::Path) -> Checked {
        let mut f = file(vec![
            figure_claim("a", "two", &["wire"]),
            figure_claim("b", "two", &["wire"]),
            figure_claim("c", "two", &["wire"]),
        ]);
        f.path = dir.join("x.toml");
        let v1 = vec![outcome(Verdict::Match, vec![killed("two", 2.0)]); 3];
        let hashes = BTreeMap::new();
        let lock = review::accept(
            None,
            &review::current(&f, &v1),
            &hashes,
            at(T1),
            Selection::All,
        );
        lockfile::write(&f.path, &lock).unwrap();
        let mut now = vec![outcome(Verdict::Match, vec![killed("five", 5.0)]); 2];
        now.push(outcome(Verdict::Match, vec![killed("two", 2.0)]));
        Checked {
            file: f,
            outcomes: now,
            hashes,
            reads: BTreeMap::new(),
        }
    }

    fn drive(checked: &[Checked], keys: &[Key]) -> (Exit, String) {
        drive_at(checked, keys, usize::MAX)
    }

    fn drive_at(checked: &[Checked], keys: &[Key], width: usize) -> (Exit, String) {
        let mut keys = keys.iter().copied();
        let mut screen = String::new();
        let now: jiff::Timestamp = T2.parse().unwrap();
        let exit = interactive(
            checked,
            now,
            false,
            width,
            &mut || Ok(keys.next().unwrap_or(Key::Quit)),
            &mut |text| {
                screen.push_str(text);
                Ok(true)
            },
        )
        .unwrap();
        (exit, screen)
    }

    fn passage(dir: &std::path::Path, id: &str) -> String {
        let lock = lockfile::read(&dir.join("x.toml")).unwrap().unwrap();
        lock.claims[id].sources["wire"].passage.clone().unwrap()
    }

    #[test]
    fn a_session_writes_each_accept_and_keeps_rejected_evidence() {
        // (keys, exit, "five" now locked for a and b, closing line)
        let cases: [(&[Key], Exit, [bool; 2], &str); 6] = [
            (
                &[Key::Accept, Key::Reject],
                Exit::Failed,
                [true, false],
                "accepted 1, rejected 1, skipped 0",
            ),
            (
                &[Key::Other, Key::Toggle, Key::Skip, Key::Accept],
                Exit::Failed,
                [false, true],
                "accepted 1, rejected 0, skipped 1",
            ),
            (
                &[Key::AcceptAll],
                Exit::Passed,
                [true, true],
                "accepted 2, rejected 0, skipped 0",
            ),
            (
                &[Key::Accept, Key::Accept],
                Exit::Passed,
                [true, true],
                "accepted 2, rejected 0, skipped 0",
            ),
            (
                &[Key::RejectAll],
                Exit::Failed,
                [false, false],
                "accepted 0, rejected 2, skipped 0",
            ),
            (
                &[Key::Accept, Key::Quit],
                Exit::Failed,
                [true, false],
                "accepted 1, rejected 0, skipped 0, not reached 1",
            ),
        ];
        for (keys, want_exit, locked_five, last) in cases {
            let dir = tempfile::tempdir().unwrap();
            let checked = [changed_three(dir.path())];
            let (exit, screen) = drive(&checked, keys);
            assert_eq!(exit, want_exit, "{keys:?}\n{screen}");
            for (id, five) in ["a", "b"].into_iter().zip(locked_five) {
                assert_eq!(
                    passage(dir.path(), id).contains("five"),
                    five,
                    "{keys:?} {id}"
                );
            }
            assert!(passage(dir.path(), "c").contains("two"));
            assert!(screen.trim_end().ends_with(last), "{keys:?}\n{screen}");
            // `c` is unchanged: it is never put before the reviewer.
            assert!(!screen.contains("· c ("), "{screen}");
        }
    }

    #[test]
    fn the_screen_shows_the_diff_and_toggles_the_full_passage() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = file(vec![figure_claim("a", "two", &["wire"])]);
        f.path = dir.path().join("x.toml");
        let long = |n: &str| {
            format!(
                "Officials said on Tuesday that after a long night of shelling across the region the strike killed {n} civilians in the centre of the city, near the main station."
            )
        };
        let ev = |n: &str, v: f64| {
            vec![outcome(
                Verdict::Match,
                vec![evidence(
                    "wire",
                    SourceVerdict::Match,
                    Some(&long(n)),
                    Some(point(n, v)),
                )],
            )]
        };
        let hashes = BTreeMap::new();
        let v1 = ev("two", 2.0);
        let lock = review::accept(
            None,
            &review::current(&f, &v1),
            &hashes,
            at(T1),
            Selection::All,
        );
        lockfile::write(&f.path, &lock).unwrap();
        let checked = Checked {
            file: f,
            outcomes: ev("five", 5.0),
            hashes,
            reads: BTreeMap::new(),
        };
        let (_, screen) = drive(&[checked], &[Key::Toggle, Key::Quit]);
        let first = screen.find(PROMPT).unwrap();
        let (short, full) = screen.split_at(first);
        assert!(short.contains("x.toml · a (1 of 1)"), "{short}");
        assert!(short.contains("was: match, figure \"two\""), "{short}");
        assert!(short.contains("now: match, figure \"five\""), "{short}");
        assert!(
            short.contains("passage: … across the region the strike killed [-two-] {+five+} civilians in the centre of the …\n"),
            "{short}"
        );
        assert!(
            full.contains(&format!("passage: {}", long("[-two-] {+five+}"))),
            "{full}"
        );
    }

    #[test]
    fn nothing_to_review_asks_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut checked = changed_three(dir.path());
        checked.outcomes = vec![outcome(Verdict::Match, vec![killed("two", 2.0)]); 3];
        let (exit, screen) = drive(&[checked], &[]);
        assert_eq!(exit, Exit::Passed);
        assert!(!screen.contains(PROMPT), "{screen}");
    }

    #[test]
    fn never_accepted_claims_show_their_evidence_and_start_a_lock() {
        let dir = tempfile::tempdir().unwrap();
        let mut checked = changed_three(dir.path());
        std::fs::remove_file(review::lock_path(&checked.file.path)).unwrap();
        checked.outcomes[2] = outcome(
            Verdict::Unreachable,
            vec![Evidence {
                error: Some("HTTP 404 Not Found".to_owned()),
                ..evidence("wire", SourceVerdict::Unreachable, None, None)
            }],
        );
        let (exit, screen) = drive(&[checked], &[Key::Skip, Key::Accept, Key::Quit]);
        assert_eq!(exit, Exit::Failed);
        assert!(screen.contains("a (1 of 3)"), "{screen}");
        assert!(
            screen.contains("never accepted; the evidence now:"),
            "{screen}"
        );
        assert!(
            screen.contains("passage: The strike killed five civilians"),
            "{screen}"
        );
        assert!(screen.contains("reason: HTTP 404 Not Found"), "{screen}");
        let lock = lockfile::read(&dir.path().join("x.toml")).unwrap().unwrap();
        assert_eq!(lock.claims.keys().collect::<Vec<_>>(), ["b"]);
    }
}
