//! Diagnostics that point into a file: `path:line:col: error: message`, the
//! offending line and a caret under the mistake, as rustc and just print them.
//! Pure: a diagnostic is built from the file's text and a byte span.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file cannot be used.
    Error,
    /// The file is usable, but something deserves a look.
    Warning,
}

/// A place in a file, 1-based, columns in characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in Unicode scalar values, from 1.
    pub column: usize,
    /// The whole line the position is on, without its line break; `None` for
    /// a whole-file problem (no line to show).
    pub source_line: Option<String>,
    /// How many characters the caret underlines (at least 1).
    pub width: usize,
}

/// One problem found in a file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user gave it or as it was found below a directory.
    pub path: PathBuf,
    /// Where in the file; `None` when the problem is not in a file (a path
    /// that holds no claim file).
    pub position: Option<Position>,
    /// What is wrong and what was expected.
    pub message: String,
    /// A hint on how to fix it, printed after the caret.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic pointing at `span` (byte offsets) of `source`.
    #[must_use]
    pub fn at(
        severity: Severity,
        path: &Path,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            path: path.to_path_buf(),
            position: Some(position(source, span)),
            message: message.into(),
            help: None,
        }
    }

    /// A diagnostic about a whole file, reported at 1:1 with no line shown.
    #[must_use]
    pub fn file(severity: Severity, path: &Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            path: path.to_path_buf(),
            position: Some(Position {
                line: 1,
                column: 1,
                source_line: None,
                width: 1,
            }),
            message: message.into(),
            help: None,
        }
    }

    /// A diagnostic about a path that is not a place in a file.
    #[must_use]
    pub fn path(severity: Severity, path: &Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            path: path.to_path_buf(),
            position: None,
            message: message.into(),
            help: None,
        }
    }

    /// The same diagnostic with a hint.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Whether it is an error (as opposed to a warning).
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The line, column and line text of a byte span of `source`. Offsets past
/// the end or inside a character are clamped, so any span is safe.
fn position(source: &str, span: Range<usize>) -> Position {
    let mut start = span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line = source[..start].matches('\n').count() + 1;
    let column = source[line_start..start].chars().count() + 1;
    let text = source[line_start..line_end].trim_end_matches('\r');
    // The caret stays on the first line of a multi-line span.
    let end = span.end.clamp(start, line_end.max(start));
    let width = source
        .get(start..end)
        .map_or(1, |s| s.chars().count())
        .max(1);
    Position {
        line,
        column,
        source_line: Some(text.to_string()),
        width,
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        let Some(pos) = &self.position else {
            write!(f, "{path}: {}: {}", self.severity, self.message)?;
            if let Some(help) = &self.help {
                write!(f, "\n  = help: {help}")?;
            }
            return Ok(());
        };
        write!(
            f,
            "{path}:{}:{}: {}: {}",
            pos.line, pos.column, self.severity, self.message
        )?;
        let gutter = pos.line.to_string().len();
        let blank = " ".repeat(gutter);
        if let Some(text) = &pos.source_line {
            // Tabs become one space each so the caret lines up under them.
            let shown: String = text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let pad = " ".repeat(pos.column - 1);
            let caret = "^".repeat(pos.width);
            write!(
                f,
                "\n{blank} |\n{line} | {shown}\n{blank} | {pad}{caret}",
                line = pos.line
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{blank} = help: {help}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_in_characters() {
        // (source, span, line, column, width)
        let cases = [
            ("abc", 0..1, 1, 1, 1),
            ("a\nbcd", 3..5, 2, 2, 2),
            ("é = 1\nx", 4..5, 1, 4, 1),
            ("abc", 10..20, 1, 4, 1),
            ("ab\ncd", 1..5, 1, 2, 1),
            ("", 0..0, 1, 1, 1),
        ];
        for (source, span, line, column, width) in cases {
            let p = position(source, span.clone());
            assert_eq!(
                (p.line, p.column, p.width),
                (line, column, width),
                "{source:?} {span:?}"
            );
        }
    }

    #[test]
    fn renders_like_rustc() {
        let source = "[article]\nsorces = 1\n";
        let d = Diagnostic::at(
            Severity::Error,
            Path::new("c.toml"),
            source,
            10..16,
            "bad key",
        )
        .with_help("try this");
        assert_eq!(
            d.to_string(),
            "c.toml:2:1: error: bad key\n  |\n2 | sorces = 1\n  | ^^^^^^\n  = help: try this"
        );
    }
}
