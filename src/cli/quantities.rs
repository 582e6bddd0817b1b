//! `factcheck quantities [FILE]` and `factcheck quantities --jsonl`: the
//! quantity engine on the command line, as ../shared/spec/cli.md ("The
//! quantities protocol") defines it.
//!
//! Output streams: each figure is written as the engine reads it, through
//! one buffered writer and one reused line buffer, so memory is the input
//! text plus a few buffers, whatever the number of figures.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde_json::ser::{CompactFormatter, Formatter};

use crate::cli::Exit;
use crate::cli::output;
use crate::quantity::{self, Figure, Kind, Qualifier};

/// Arguments of `factcheck quantities`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text to read (stdin when absent or `-`).
    file: Option<PathBuf>,
    /// Read JSON Lines `{"id": ..., "text": ...}` on stdin, print one line per input.
    #[arg(long, conflicts_with = "file")]
    jsonl: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> Exit {
    let file = args.file.as_deref().filter(|p| *p != Path::new("-"));
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = if args.jsonl {
        batch(&mut out)
    } else {
        plain(file, &mut out)
    };
    match result.and_then(|exit| out.flush().map(|()| exit)) {
        Ok(exit) => exit,
        // The reader has gone away (`| head`): a quiet, normal end.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Exit::Passed,
        Err(e) => {
            output::stderr_line(&format!("error: cannot write: {e}"));
            Exit::Error
        }
    }
}

/// Reads the whole text (the engine needs it in one piece to give character
/// offsets), then writes each figure as it is found. `Err` is a write
/// error; read errors are reported here and end in `Exit::Error`.
fn plain(file: Option<&Path>, out: &mut impl Write) -> io::Result<Exit> {
    let (bytes, name) = if let Some(path) = file {
        match std::fs::read(path) {
            Ok(b) => (b, path.display().to_string()),
            Err(e) => {
                output::stderr_line(&format!(
                    "error: cannot read {}: {e}; check the path, or pass the text on standard input",
                    path.display()
                ));
                return Ok(Exit::Error);
            }
        }
    } else {
        let mut b = Vec::new();
        if let Err(e) = io::stdin().lock().read_to_end(&mut b) {
            output::stderr_line(&format!("error: cannot read stdin: {e}"));
            return Ok(Exit::Error);
        }
        (b, "stdin".to_owned())
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            output::stderr_line(&format!(
                "error: {name} is not UTF-8 text (invalid byte at offset {}); convert it first, e.g. with iconv",
                e.valid_up_to()
            ));
            return Ok(Exit::Error);
        }
    };
    // Each figure's lines go into one reused line buffer (small copies the
    // compiler inlines), then to the buffered writer in one call; nothing of
    // a figure outlives its line.
    let mut result = Ok(());
    let mut line = Vec::with_capacity(512);
    quantity::find_each(text, |f| {
        // After a write error (a closed pipe) the rest is not written.
        if result.is_ok() {
            line.clear();
            result = push_lines(&mut line, &f).and_then(|()| out.write_all(&line));
        }
    });
    result.map(|()| Exit::Passed)
}

/// A figure's protocol line, then its restatement in another currency, if
/// any, as a line of its own.
fn push_lines(out: &mut impl Write, f: &Figure) -> io::Result<()> {
    push_object(out, f)?;
    out.write_all(b"\n")?;
    if let Some(r) = &f.restated {
        push_object(out, r)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn batch(out: &mut impl Write) -> io::Result<Exit> {
    let stdin = io::stdin();
    let mut lock = stdin.lock();
    let mut line = Vec::new();
    let mut answer = Vec::new();
    loop {
        line.clear();
        match lock.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                output::stderr_line(&format!("error: cannot read stdin: {e}"));
                return Ok(Exit::Error);
            }
        }
        let trimmed = line.trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        answer.clear();
        batch_line(trimmed, &mut answer)?;
        answer.push(b'\n');
        out.write_all(&answer)?;
    }
    Ok(Exit::Passed)
}

/// One input line of batch mode to one output line (without the newline).
/// `Err` only when writing to `out` fails.
fn batch_line(line: &[u8], out: &mut impl Write) -> io::Result<()> {
    #[derive(serde::Deserialize)]
    struct Input {
        #[serde(default)]
        id: serde_json::Value,
        text: Option<serde_json::Value>,
    }
    let input: Input = match serde_json::from_slice(line) {
        Ok(i) => i,
        Err(e) => {
            let msg = if std::str::from_utf8(line).is_err() {
                "line is not UTF-8".to_owned()
            } else {
                format!("not a JSON object with \"id\" and \"text\": {e}")
            };
            return batch_error(out, &serde_json::Value::Null, &msg);
        }
    };
    let Some(serde_json::Value::String(text)) = input.text else {
        return batch_error(out, &input.id, "\"text\" is missing or not a string");
    };
    out.write_all(b"{\"id\": ")?;
    out.write_all(input.id.to_string().as_bytes())?;
    out.write_all(b", \"quantities\": [")?;
    let mut first = true;
    let mut result = Ok(());
    quantity::find_each(&text, |f| {
        for g in std::iter::once(&f).chain(f.restated.as_deref()) {
            if result.is_ok() {
                let sep: &[u8] = if first { b"" } else { b", " };
                first = false;
                result = out.write_all(sep).and_then(|()| push_object(out, g));
            }
        }
    });
    result?;
    out.write_all(b"]}")
}

/// Batch mode's answer to a line it cannot read.
fn batch_error(out: &mut impl Write, id: &serde_json::Value, msg: &str) -> io::Result<()> {
    let v = serde_json::json!({"id": id, "error": msg});
    out.write_all(v.to_string().as_bytes())
}

/// Writes one figure (not its restatement) as the protocol's JSON object,
/// fields in the spec's order, separated as the spec shows them (`", "` and
/// `": "`). Written by hand, not through a serde map: the keys are fixed,
/// and this is the hot path of a 20 MB run. Strings and floats go through
/// `serde_json`, so escaping and number forms are its own.
fn push_object(w: &mut impl Write, f: &Figure) -> io::Result<()> {
    w.write_all(b"{\"text\": ")?;
    serde_json::to_writer(&mut *w, &f.text)?;
    w.write_all(b", \"start\": ")?;
    CompactFormatter.write_u64(w, f.start as u64)?;
    w.write_all(b", \"end\": ")?;
    CompactFormatter.write_u64(w, f.end as u64)?;
    w.write_all(b", \"value\": ")?;
    push_number(w, f.value)?;
    w.write_all(b", \"unit\": ")?;
    match &f.unit {
        Some(unit) => serde_json::to_writer(&mut *w, unit)?,
        None => w.write_all(b"null")?,
    }
    w.write_all(b", \"kind\": \"")?;
    w.write_all(kind_name(f.kind).as_bytes())?;
    w.write_all(b"\", \"qualifier\": \"")?;
    w.write_all(qualifier_name(f.qualifier).as_bytes())?;
    w.write_all(b"\", \"low\": ")?;
    push_number(w, f.claim.low)?;
    w.write_all(b", \"high\": ")?;
    push_number(w, f.claim.high)?;
    w.write_all(b", \"low_open\": ")?;
    w.write_all(if f.claim.low_open { b"true" } else { b"false" })?;
    w.write_all(b", \"high_open\": ")?;
    w.write_all(if f.claim.high_open { b"true" } else { b"false" })?;
    w.write_all(b"}")
}

/// A number as JSON: whole numbers without a fraction, never NaN or
/// infinity (`null` for those and for an absent value).
#[allow(clippy::float_cmp)] // an exact test of wholeness, as intended
fn push_number(w: &mut impl Write, x: Option<f64>) -> io::Result<()> {
    match x {
        Some(x) if x.is_finite() => {
            // Below 9e15 the cast truncates exactly: equal means whole (as
            // `fract() == 0.0`, without its call to `trunc`).
            if x.abs() < 9.0e15 && (x as i64) as f64 == x {
                CompactFormatter.write_i64(w, x as i64)
            } else {
                CompactFormatter.write_f64(w, x)
            }
        }
        _ => w.write_all(b"null"),
    }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Count => "count",
        Kind::Money => "money",
        Kind::Percent => "percent",
    }
}

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::AtLeast => "at-least",
        Qualifier::MoreThan => "more-than",
        Qualifier::AtMost => "at-most",
        Qualifier::LessThan => "less-than",
        Qualifier::About => "about",
        Qualifier::Nearly => "nearly",
        Qualifier::JustOver => "just-over",
        Qualifier::Range => "range",
        Qualifier::Vague => "vague",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde::ser::{SerializeMap, Serializer};

    /// The protocol object as serde writes it (the writer before streaming):
    /// the oracle the hand-written `push_object` must match byte for byte.
    struct Oracle<'a>(&'a Figure);

    struct Num(Option<f64>);

    impl Serialize for Num {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self.0 {
                Some(x) if x.is_finite() && x.fract() == 0.0 && x.abs() < 9.0e15 => {
                    s.serialize_i64(x as i64)
                }
                Some(x) if x.is_finite() => s.serialize_f64(x),
                _ => s.serialize_none(),
            }
        }
    }

    impl Serialize for Oracle<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let f = self.0;
            let mut m = s.serialize_map(Some(11))?;
            m.serialize_entry("text", &f.text)?;
            m.serialize_entry("start", &f.start)?;
            m.serialize_entry("end", &f.end)?;
            m.serialize_entry("value", &Num(f.value))?;
            m.serialize_entry("unit", &f.unit)?;
            m.serialize_entry("kind", kind_name(f.kind))?;
            m.serialize_entry("qualifier", qualifier_name(f.qualifier))?;
            m.serialize_entry("low", &Num(f.claim.low))?;
            m.serialize_entry("high", &Num(f.claim.high))?;
            m.serialize_entry("low_open", &f.claim.low_open)?;
            m.serialize_entry("high_open", &f.claim.high_open)?;
            m.end()
        }
    }

    struct Spaced;

    impl serde_json::ser::Formatter for Spaced {
        fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
            w.write_all(b": ")
        }
        fn begin_object_key<W: ?Sized + io::Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> io::Result<()> {
            if first { Ok(()) } else { w.write_all(b", ") }
        }
    }

    fn oracle(f: &Figure) -> String {
        let mut buf = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, Spaced);
        Oracle(f).serialize(&mut ser).unwrap();
        String::from_utf8(buf).unwrap()
    }

    fn written(f: &Figure) -> String {
        let mut buf = Vec::new();
        push_object(&mut buf, f).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn hand_written_objects_match_serde_byte_for_byte() {
        let kazan = include_str!("../../tests/data/2024-10-22-un-chief-kazan.txt");
        let texts = [
            kazan,
            "Shares closed at $1,472, up 17%, after nearly 17 percent left; 50 cents, 30p.",
            "$50bn (£38.5bn) and between 1,500 and 2,000 people, dozens of homes, one in three",
            "£2.26 billion, 3.5%, over two years, 120 seconds, 1.5 million, ¥500, C$3",
            "a budget of $900,000,000,000,000,000 and 40,816.38 points",
        ];
        let mut seen = 0;
        for text in texts {
            for f in crate::quantity::find(text) {
                for g in std::iter::once(&f).chain(f.restated.as_deref()) {
                    assert_eq!(written(g), oracle(g));
                    seen += 1;
                }
            }
        }
        assert!(seen > 30, "only {seen} figures exercised");
        // Escaping and non-finite numbers, which real figures rarely carry.
        let mut odd = crate::quantity::find("15 people").remove(0);
        odd.text = "a \"quoted\"\\ \t\u{1} é".to_owned();
        odd.value = Some(f64::NAN);
        odd.claim.low = Some(0.1 + 0.2);
        odd.claim.high = Some(1e300);
        odd.unit = Some("x\ny".to_owned());
        assert_eq!(written(&odd), oracle(&odd));
    }
}
