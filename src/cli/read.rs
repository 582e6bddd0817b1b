//! `factcheck read SOURCE [--select CSS] [--explain]`: what factcheck makes
//! of a source, so an editor can see why a claim is not found; `--explain`
//! lists every block of the page, read or dropped, with the reason. Exit 0 when the source was
//! read, 1 when it is unreachable (the reason on stderr), 2 on a usage error.

use std::io::Read;
use std::path::PathBuf;

use clap::Args;

use super::Exit;
use super::output;
use super::source_args::{self, SourceArgs};
use crate::claims::Location;
use crate::fetch::{self, Document, Unreachable};

/// Arguments of `factcheck read`.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// A URL (http, https, file), a path, or - for stdin
    #[arg(value_name = "SOURCE")]
    pub source: String,

    /// Read only what this CSS selector matches (HTML sources)
    #[arg(long, value_name = "CSS")]
    pub select: Option<String>,

    /// List every block of the page, read or dropped, with the reason
    #[arg(long)]
    pub explain: bool,

    /// Where sources come from and the fetch limits.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Runs `read`.
#[must_use]
pub fn run(args: &ReadArgs) -> Exit {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if let Some(css) = &args.select
        && let Err(crate::text::TextError::InvalidSelector { reason, .. }) =
            crate::text::check_selector(css)
    {
        output::stderr_line(&format!(
            "factcheck: --select {css:?} is not a CSS selector ({reason}); correct it, e.g. `main p` or `div.article-body`"
        ));
        return Exit::Error;
    }
    let outcome = if args.source == "-" {
        let mut body = Vec::new();
        if let Err(e) = std::io::stdin().lock().read_to_end(&mut body) {
            output::stderr_line(&format!("factcheck: cannot read stdin: {e}"));
            return Exit::Error;
        }
        fetch::document_from_bytes("-", &body, None)
    } else {
        let root = source_args::project_root(&cwd);
        let settings = match source_args::settings_for(&args.sources, root.as_deref()) {
            Ok(settings) => settings,
            Err(e) => {
                output::stderr_line(&format!("factcheck: {e}"));
                return Exit::Error;
            }
        };
        let location = location(&args.source, &cwd);
        match fetch::fetch_all(&settings, std::slice::from_ref(&location)) {
            Ok(mut results) => results.remove(&location).unwrap_or_else(|| {
                Err(Unreachable {
                    reason: "not fetched".into(),
                })
            }),
            Err(e) => {
                output::stderr_line(&format!("factcheck: {e}"));
                return Exit::Error;
            }
        }
    };
    let select = args.select.as_deref();
    let lines = if args.explain {
        outcome.and_then(|doc| explain(&doc, select))
    } else {
        outcome.and_then(|doc| sentences(&doc, select))
    };
    match lines {
        Ok(lines) => {
            let mut text = lines.join("\n");
            if !text.is_empty() {
                text.push('\n');
            }
            match output::stdout(&text) {
                Ok(_) => Exit::Passed,
                Err(e) => {
                    output::stderr_line(&format!("factcheck: cannot write output: {e}"));
                    Exit::Error
                }
            }
        }
        Err(unreachable) => {
            output::stderr_line(&format!(
                "factcheck: {}: unreachable: {}",
                args.source,
                clean(&unreachable.reason)
            ));
            Exit::Failed
        }
    }
}

/// A URL as given, else a path made absolute against the working directory.
fn location(source: &str, cwd: &std::path::Path) -> Location {
    let lower = source.to_ascii_lowercase();
    if ["http://", "https://", "file://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        Location::Url(source.to_owned())
    } else {
        Location::Path(cwd.join(source))
    }
}

/// What a claim is checked against: the lines `read` prints, the text
/// stage's sentences exactly as `check` reads them (no control or
/// bidirectional-control character from the page reaches the terminal).
fn sentences(doc: &Document, select: Option<&str>) -> Result<Vec<String>, Unreachable> {
    crate::text::sentences(&doc.text, doc.media, select).map_err(|e| Unreachable {
        reason: e.to_string(),
    })
}

/// Every block of the source, one a line: `kept` or `dropped`, the reason,
/// and the block's text.
fn explain(doc: &Document, select: Option<&str>) -> Result<Vec<String>, Unreachable> {
    let blocks = crate::text::explain(&doc.text, doc.media, select).map_err(|e| Unreachable {
        reason: e.to_string(),
    })?;
    Ok(blocks
        .iter()
        .map(|b| {
            let verdict = if b.reason.kept() { "kept" } else { "dropped" };
            format!("{verdict:<8} {:<24} {}", b.reason.to_string(), b.text)
        })
        .collect())
}

/// Drops control characters a page might use to rewrite the terminal.
fn clean(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect()
}
