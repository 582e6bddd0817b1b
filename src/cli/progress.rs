//! Progress while sources are fetched, on stderr (never stdout, so it never
//! mixes with a report). On a terminal: a bar over the sources, with how
//! many are in flight and the slowest. Without one (a CI log): a line every
//! few seconds while sources are still being read,
//! "12/26 sources read, 3 in flight, slowest: example.org (14 s)", so a slow
//! server never means a long silence, and one closing line after them; a run
//! whose sources all arrive within the first interval prints nothing.
//!
//! The fetcher reports through [`fetch::Observer`] and keeps no clock for it;
//! the clock and the ticking thread live here, at the edge.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::output;
use crate::claims::Location;
use crate::fetch::{self, Outcome};

/// How often a line is written to a log without a terminal.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(5);

/// Overrides [`DEFAULT_INTERVAL`] (seconds, decimals allowed): for tests,
/// and for a CI log that wants more or fewer lines. `0` turns the lines off.
pub const INTERVAL_VAR: &str = "FACTCHECK_PROGRESS_INTERVAL";

/// How often the bar's "slowest" is refreshed on a terminal.
const BAR_REFRESH: Duration = Duration::from_millis(500);

/// What the fetch has done so far, as the observer saw it.
#[derive(Debug, Default)]
struct State {
    total: usize,
    done: usize,
    unreachable: usize,
    /// Sources waiting on their server, with when they started.
    in_flight: HashMap<Location, Instant>,
}

/// The counts a progress line shows, taken at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// Sources done, read or unreachable.
    pub done: usize,
    /// Unique sources in the run.
    pub total: usize,
    /// Of the done, how many were unreachable.
    pub unreachable: usize,
    /// Sources waiting on their server.
    pub in_flight: usize,
    /// The source in flight the longest: its host (or file name) and for how long.
    pub slowest: Option<(String, Duration)>,
}

impl Snapshot {
    /// "12/26 sources read, 3 in flight, slowest: example.org (14 s)".
    #[must_use]
    pub fn line(&self) -> String {
        let mut line = format!("{}/{} sources read", self.done, self.total);
        if self.in_flight > 0 {
            let _ = write!(line, ", {} in flight", self.in_flight);
        }
        if let Some((name, waited)) = &self.slowest {
            let _ = write!(line, ", slowest: {name} ({} s)", waited.as_secs());
        }
        line
    }

    /// The bar's message: the line without the counts the bar shows itself.
    fn message(&self) -> String {
        match &self.slowest {
            Some((name, waited)) => format!(
                "{} in flight, slowest: {name} ({} s)",
                self.in_flight,
                waited.as_secs()
            ),
            None => String::new(),
        }
    }
}

/// The name a progress line gives a source: a URL's host (with its port
/// when not the scheme's default), a file's name; cleaned of controls.
#[must_use]
pub fn source_name(location: &Location) -> String {
    let name = match location {
        Location::Url(raw) => match url::Url::parse(raw) {
            Ok(url) => match (url.host_str(), url.port()) {
                (Some(host), Some(port)) => format!("{host}:{port}"),
                (Some(host), None) => host.to_owned(),
                (None, _) => raw.clone(),
            },
            Err(_) => raw.clone(),
        },
        Location::Path(path) => path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    };
    crate::report::escape::clean(&name)
}

/// The fetch observer: counts and the sources in flight, behind a lock (the
/// fetch tasks run on several threads).
#[derive(Debug, Default)]
struct Observed {
    state: Mutex<State>,
    bar: Option<ProgressBar>,
}

impl Observed {
    fn snapshot(&self, now: Instant) -> Snapshot {
        let Ok(state) = self.state.lock() else {
            return Snapshot {
                done: 0,
                total: 0,
                unreachable: 0,
                in_flight: 0,
                slowest: None,
            };
        };
        // The earliest start is the slowest; ties go to the smaller name, so
        // the line does not flicker between equals.
        let slowest = state
            .in_flight
            .iter()
            .map(|(location, since)| (*since, source_name(location)))
            .min()
            .map(|(since, name)| (name, now.saturating_duration_since(since)));
        Snapshot {
            done: state.done,
            total: state.total,
            unreachable: state.unreachable,
            in_flight: state.in_flight.len(),
            slowest,
        }
    }
}

impl fetch::Observer for Observed {
    fn planned(&self, total: usize) {
        if let Ok(mut state) = self.state.lock() {
            state.total = total;
        }
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
        }
    }

    fn started(&self, location: &Location) {
        if let Ok(mut state) = self.state.lock() {
            state.in_flight.insert(location.clone(), Instant::now());
        }
    }

    fn finished(&self, location: &Location, outcome: &Outcome) {
        if let Ok(mut state) = self.state.lock() {
            state.in_flight.remove(location);
            state.done += 1;
            if outcome.is_err() {
                state.unreachable += 1;
            }
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }
}

/// Where progress goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A bar redrawn in place (stderr is a terminal).
    Bar,
    /// A line every `interval` while sources are read (a log); `None`: silent.
    Lines(Option<Duration>),
}

impl Mode {
    /// The bar when stderr is a terminal, else lines at the interval of
    /// [`INTERVAL_VAR`] or [`DEFAULT_INTERVAL`].
    #[must_use]
    pub fn from_environment() -> Mode {
        if std::io::stderr().is_terminal() {
            return Mode::Bar;
        }
        let interval = match std::env::var(INTERVAL_VAR) {
            Ok(value) => parse_interval(&value).unwrap_or(Some(DEFAULT_INTERVAL)),
            Err(_) => Some(DEFAULT_INTERVAL),
        };
        Mode::Lines(interval)
    }
}

/// An interval in seconds ("5", "0.25"); `Some(None)` for "0" (no lines),
/// `None` when it is not a number of seconds.
#[must_use]
pub fn parse_interval(text: &str) -> Option<Option<Duration>> {
    let secs: f64 = text.trim().parse().ok()?;
    if secs == 0.0 {
        return Some(None);
    }
    Duration::try_from_secs_f64(secs).ok().map(Some)
}

/// A running progress display: the observer to hand to the fetch, and the
/// thread that ticks. [`Progress::finish`] (or dropping it) stops it.
pub struct Progress {
    observed: Arc<Observed>,
    mode: Mode,
    started: Instant,
    stop: Option<mpsc::Sender<()>>,
    ticker: Option<JoinHandle<usize>>,
}

impl Progress {
    /// Starts a display in `mode`.
    #[must_use]
    pub fn start(mode: Mode) -> Progress {
        let bar = (mode == Mode::Bar).then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} {pos}/{len} sources read {wide_bar} {elapsed} {msg}",
            ) {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(100));
            bar
        });
        let observed = Arc::new(Observed {
            state: Mutex::new(State::default()),
            bar,
        });
        let tick = match mode {
            Mode::Bar => Some(BAR_REFRESH),
            Mode::Lines(interval) => interval,
        };
        let (stop, stopped) = mpsc::channel::<()>();
        let ticker = tick.and_then(|tick| {
            let observed = observed.clone();
            std::thread::Builder::new()
                .name("progress".into())
                .spawn(move || ticks(&observed, mode, tick, &stopped))
                .ok()
        });
        Progress {
            observed,
            mode,
            started: Instant::now(),
            stop: Some(stop),
            ticker,
        }
    }

    /// What the fetch reports to.
    #[must_use]
    pub fn observer(&self) -> Arc<dyn fetch::Observer> {
        self.observed.clone()
    }

    /// Stops the display: clears the bar, or, when lines were written, ends
    /// them with "read 26 sources in 41.2 s: 25 read, 1 unreachable".
    pub fn finish(mut self) {
        let lines = self.stop_ticker();
        if let Some(bar) = &self.observed.bar {
            bar.finish_and_clear();
        }
        if matches!(self.mode, Mode::Lines(_)) && lines > 0 {
            let snapshot = self.observed.snapshot(Instant::now());
            output::stderr_line(&closing_line(&snapshot, self.started.elapsed()));
        }
    }

    /// Stops the thread; how many lines it wrote.
    fn stop_ticker(&mut self) -> usize {
        drop(self.stop.take());
        self.ticker.take().and_then(|t| t.join().ok()).unwrap_or(0)
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop_ticker();
        if let Some(bar) = &self.observed.bar {
            bar.finish_and_clear();
        }
    }
}

/// The ticking thread: every `tick` until told to stop (or the sender is
/// gone), a line while sources remain, or the bar's message. Returns how
/// many lines it wrote.
fn ticks(observed: &Observed, mode: Mode, tick: Duration, stopped: &mpsc::Receiver<()>) -> usize {
    let mut lines = 0;
    while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(tick) {
        let snapshot = observed.snapshot(Instant::now());
        match (&observed.bar, mode) {
            (Some(bar), _) => bar.set_message(snapshot.message()),
            (None, Mode::Lines(_)) if snapshot.done < snapshot.total => {
                output::stderr_line(&snapshot.line());
                lines += 1;
            }
            _ => {}
        }
    }
    lines
}

/// "read 26 sources in 41.2 s: 25 read, 1 unreachable".
fn closing_line(snapshot: &Snapshot, elapsed: Duration) -> String {
    format!(
        "read {} source{} in {:.1} s: {} read, {} unreachable",
        snapshot.done,
        if snapshot.done == 1 { "" } else { "s" },
        elapsed.as_secs_f64(),
        snapshot.done - snapshot.unreachable.min(snapshot.done),
        snapshot.unreachable
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::{Observer as _, Unreachable};

    #[test]
    fn lines_say_what_is_read_what_is_in_flight_and_the_slowest() {
        let slow = |name: &str, secs| Some((name.to_owned(), Duration::from_secs(secs)));
        let cases = [
            (0, 26, 0, None, "0/26 sources read"),
            (
                12,
                26,
                3,
                slow("example.org", 14),
                "12/26 sources read, 3 in flight, slowest: example.org (14 s)",
            ),
            (
                25,
                26,
                1,
                slow("127.0.0.1:8080", 0),
                "25/26 sources read, 1 in flight, slowest: 127.0.0.1:8080 (0 s)",
            ),
        ];
        for (done, total, in_flight, slowest, expected) in cases {
            let snapshot = Snapshot {
                done,
                total,
                unreachable: 0,
                in_flight,
                slowest,
            };
            assert_eq!(snapshot.line(), expected);
        }
    }

    #[test]
    fn sources_are_named_by_host_or_file_name_without_controls() {
        let cases = [
            (
                Location::Url("https://www.ons.gov.uk/a/b?c".into()),
                "www.ons.gov.uk",
            ),
            (
                Location::Url("http://127.0.0.1:4711/slow".into()),
                "127.0.0.1:4711",
            ),
            (
                Location::Url("https://example.org:443/".into()),
                "example.org",
            ),
            (
                Location::Path("/data/report\u{1b}[31m.pdf".into()),
                "report[31m.pdf",
            ),
            (Location::Url("not a url".into()), "not a url"),
        ];
        for (location, expected) in cases {
            assert_eq!(source_name(&location), expected, "{location:?}");
        }
    }

    #[test]
    fn the_observer_counts_and_finds_the_slowest_in_flight() {
        let observed = Observed::default();
        let first = Location::Url("https://first.example/".into());
        let second = Location::Url("https://second.example/".into());
        let file = Location::Path("/tmp/notes.txt".into());
        observed.planned(3);
        observed.started(&first);
        let later = Instant::now() + Duration::from_secs(3);
        observed.started(&second);
        observed.finished(&file, &Err(Unreachable::new("no such file")));
        let snapshot = observed.snapshot(later);
        assert_eq!((snapshot.done, snapshot.total), (1, 3));
        assert_eq!((snapshot.in_flight, snapshot.unreachable), (2, 1));
        let (name, waited) = snapshot.slowest.unwrap();
        assert_eq!(name, "first.example");
        assert!(waited >= Duration::from_secs(3), "{waited:?}");
        observed.finished(&first, &Err(Unreachable::new("timed out")));
        let snapshot = observed.snapshot(Instant::now());
        assert_eq!(snapshot.slowest.as_ref().unwrap().0, "second.example");
        assert_eq!(
            closing_line(&snapshot, Duration::from_millis(41_200)),
            "read 2 sources in 41.2 s: 0 read, 2 unreachable"
        );
    }

    #[test]
    fn intervals_are_seconds_and_zero_is_off() {
        assert_eq!(parse_interval("5"), Some(Some(Duration::from_secs(5))));
        assert_eq!(
            parse_interval(" 0.25 "),
            Some(Some(Duration::from_millis(250)))
        );
        assert_eq!(parse_interval("0"), Some(None));
        assert_eq!(parse_interval("-1"), None);
        assert_eq!(parse_interval("soon"), None);
    }
}
