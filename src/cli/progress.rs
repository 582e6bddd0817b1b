//! Progress while sources are fetched, on stderr: a bar when stderr is a
//! terminal, one summary line otherwise (a CI log wants no redraws).

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::output;
use crate::claims::Location;
use crate::fetch::Outcome;

/// Counts sources as they finish; pass [`Progress::on_done`] to
/// `fetch::fetch_all_with` and call [`Progress::finish`] after.
pub struct Progress {
    bar: Option<ProgressBar>,
    read: AtomicUsize,
    unreachable: AtomicUsize,
    started: Instant,
}

impl Progress {
    /// A progress display for `total` unique sources.
    #[must_use]
    pub fn new(total: usize) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} fetching sources {pos}/{len} {wide_bar} {elapsed}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            read: AtomicUsize::new(0),
            unreachable: AtomicUsize::new(0),
            started: Instant::now(),
        }
    }

    /// Records one finished source.
    pub fn on_done(&self, _location: &Location, outcome: &Outcome) {
        let counter = if outcome.is_ok() {
            &self.read
        } else {
            &self.unreachable
        };
        counter.fetch_add(1, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Clears the bar, or prints the summary line when there is no terminal.
    pub fn finish(&self) {
        match &self.bar {
            Some(bar) => bar.finish_and_clear(),
            None => output::stderr_line(&self.summary()),
        }
    }

    /// "fetched 12 sources in 3.2 s: 11 read, 1 unreachable".
    #[must_use]
    pub fn summary(&self) -> String {
        let read = self.read.load(Ordering::Relaxed);
        let unreachable = self.unreachable.load(Ordering::Relaxed);
        let total = read + unreachable;
        format!(
            "fetched {total} source{} in {:.1} s: {read} read, {unreachable} unreachable",
            if total == 1 { "" } else { "s" },
            self.started.elapsed().as_secs_f64()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::Unreachable;

    #[test]
    fn the_summary_counts_read_and_unreachable_sources() {
        let progress = Progress {
            bar: None,
            read: AtomicUsize::new(0),
            unreachable: AtomicUsize::new(0),
            started: Instant::now(),
        };
        let here = Location::Url("https://example.org/".into());
        progress.on_done(
            &here,
            &Err(Unreachable {
                reason: "HTTP 404 Not Found".into(),
            }),
        );
        let summary = progress.summary();
        assert!(summary.starts_with("fetched 1 source in "), "{summary}");
        assert!(summary.ends_with(": 0 read, 1 unreachable"), "{summary}");
    }
}
