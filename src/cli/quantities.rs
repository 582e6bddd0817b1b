//! `factcheck quantities [FILE]` and `factcheck quantities --jsonl`: the
//! quantity engine on the command line, as ../shared/spec/cli.md ("The
//! quantities protocol") defines it.

use std::io::{self, BufRead, Read};
use std::path::PathBuf;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::cli::Exit;
use crate::cli::output;
use crate::quantity::{self, Figure, Kind, Qualifier};

/// Arguments of `factcheck quantities`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text to read (stdin when absent).
    file: Option<PathBuf>,
    /// Read JSON Lines `{"id": ..., "text": ...}` on stdin, print one line per input.
    #[arg(long, conflicts_with = "file")]
    jsonl: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> Exit {
    if args.jsonl {
        batch()
    } else {
        plain(args.file.as_deref())
    }
}

fn plain(file: Option<&std::path::Path>) -> Exit {
    let (bytes, name) = if let Some(path) = file {
        match std::fs::read(path) {
            Ok(b) => (b, path.display().to_string()),
            Err(e) => {
                output::stderr_line(&format!(
                    "error: cannot read {}: {e}; check the path, or pass the text on standard input",
                    path.display()
                ));
                return Exit::Error;
            }
        }
    } else {
        let mut b = Vec::new();
        if let Err(e) = io::stdin().lock().read_to_end(&mut b) {
            output::stderr_line(&format!("error: cannot read stdin: {e}"));
            return Exit::Error;
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
            return Exit::Error;
        }
    };
    let mut out = String::new();
    for f in quantity::find(text) {
        push_figure_lines(&mut out, &f);
    }
    write(&out)
}

fn batch() -> Exit {
    let stdin = io::stdin();
    let mut lock = stdin.lock();
    let mut line = Vec::new();
    let mut out = String::new();
    loop {
        line.clear();
        match lock.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                output::stderr_line(&format!("error: cannot read stdin: {e}"));
                return Exit::Error;
            }
        }
        let trimmed = line.trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        batch_line(trimmed, &mut out);
        out.push('\n');
        // Write in chunks so a long batch streams and memory stays flat.
        if out.len() > 1 << 16 {
            match output::stdout(&out) {
                Ok(true) => out.clear(),
                Ok(false) => return Exit::Passed,
                Err(e) => {
                    output::stderr_line(&format!("error: cannot write: {e}"));
                    return Exit::Error;
                }
            }
        }
    }
    write(&out)
}

/// One input line of batch mode to one output line (without the newline).
fn batch_line(line: &[u8], out: &mut String) {
    #[derive(serde::Deserialize)]
    struct Input {
        #[serde(default)]
        id: serde_json::Value,
        text: Option<serde_json::Value>,
    }
    let error = |out: &mut String, id: &serde_json::Value, msg: &str| {
        let v = serde_json::json!({"id": id, "error": msg});
        out.push_str(&v.to_string());
    };
    let input: Input = match serde_json::from_slice(line) {
        Ok(i) => i,
        Err(e) => {
            let msg = if std::str::from_utf8(line).is_err() {
                "line is not UTF-8".to_owned()
            } else {
                format!("not a JSON object with \"id\" and \"text\": {e}")
            };
            error(out, &serde_json::Value::Null, &msg);
            return;
        }
    };
    let Some(serde_json::Value::String(text)) = input.text else {
        error(out, &input.id, "\"text\" is missing or not a string");
        return;
    };
    out.push_str("{\"id\": ");
    out.push_str(&input.id.to_string());
    out.push_str(", \"quantities\": [");
    let mut first = true;
    for f in quantity::find(&text) {
        for line in figure_objects(&f) {
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(&line);
        }
    }
    out.push_str("]}");
}

fn push_figure_lines(out: &mut String, f: &Figure) {
    for obj in figure_objects(f) {
        out.push_str(&obj);
        out.push('\n');
    }
}

/// The protocol object(s) of a figure: the figure, then its restatement in
/// another currency, if any, as a figure of its own.
fn figure_objects(f: &Figure) -> Vec<String> {
    let mut v = vec![figure_json(f)];
    if let Some(r) = &f.restated {
        v.push(figure_json(r));
    }
    v
}

/// A number as JSON: whole numbers without a fraction, never NaN or infinity.
struct Num(Option<f64>);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(x) if x.is_finite() => {
                if x.fract() == 0.0 && x.abs() < 9.0e15 {
                    s.serialize_i64(x as i64)
                } else {
                    s.serialize_f64(x)
                }
            }
            _ => s.serialize_none(),
        }
    }
}

struct Line<'a>(&'a Figure);

impl Serialize for Line<'_> {
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

/// One figure as the protocol's JSON object, fields in the spec's order,
/// separated as the spec shows them (`", "` and `": "`).
fn figure_json(f: &Figure) -> String {
    let mut buf = Vec::with_capacity(256);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, SpacedFormatter);
    // Serialising plain strings, numbers and booleans cannot fail.
    if Line(f).serialize(&mut ser).is_err() {
        return String::from("{}");
    }
    String::from_utf8(buf).unwrap_or_default()
}

/// `{"a": 1, "b": 2}` on one line, as the spec writes its examples.
struct SpacedFormatter;

impl serde_json::ser::Formatter for SpacedFormatter {
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

fn write(text: &str) -> Exit {
    match output::stdout(text) {
        Ok(_) => Exit::Passed,
        Err(e) => {
            output::stderr_line(&format!("error: cannot write: {e}"));
            Exit::Error
        }
    }
}
