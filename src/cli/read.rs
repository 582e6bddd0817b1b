//! `factcheck read SOURCE [--select CSS]`: what factcheck makes of a source,
//! so an editor can see why a claim is not found. Exit 0 when the source was
//! read, 1 when it is unreachable (the reason on stderr), 2 on a usage error.

use std::io::Read;
use std::path::PathBuf;

use clap::Args;

use super::Exit;
use super::output;
use super::source_args::{self, SourceArgs};
use crate::claims::Location;
use crate::fetch::{self, Document, Unreachable};
use crate::text::Media;

/// Arguments of `factcheck read`.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// A URL (http, https, file), a path, or - for stdin
    #[arg(value_name = "SOURCE")]
    pub source: String,

    /// Read only what this CSS selector matches (HTML sources)
    #[arg(long, value_name = "CSS")]
    pub select: Option<String>,

    /// Where sources come from and the fetch limits.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Runs `read`.
#[must_use]
pub fn run(args: &ReadArgs) -> Exit {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if let Some(css) = &args.select {
        if let Err(e) = scraper::Selector::parse(css) {
            output::stderr_line(&format!("factcheck: not a CSS selector: {css}: {e}"));
            return Exit::Error;
        }
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
    match outcome.and_then(|doc| sentences(&doc, args.select.as_deref())) {
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

/// What a claim is checked against: the lines `read` prints.
///
/// This is where the text stage plugs in: it will turn the document into
/// sentences (and apply `select` as the spec reads HTML). Until it lands, the
/// decoded text is printed line by line, `select` keeping only the text of the
/// elements it matches.
fn sentences(doc: &Document, select: Option<&str>) -> Result<Vec<String>, Unreachable> {
    let text = match (select, doc.media) {
        (Some(css), Media::Html) => {
            let selector = scraper::Selector::parse(css).map_err(|e| Unreachable {
                reason: format!("not a CSS selector: {css}: {e}"),
            })?;
            let html = scraper::Html::parse_document(&doc.text);
            let parts: Vec<String> = html
                .select(&selector)
                .map(|el| el.text().collect::<String>())
                .collect();
            if parts.is_empty() {
                return Err(Unreachable {
                    reason: format!("the selector {css} matches nothing"),
                });
            }
            parts.join("\n")
        }
        _ => doc.text.clone(),
    };
    Ok(text
        .lines()
        .map(clean)
        .filter(|line| !line.trim().is_empty())
        .collect())
}

/// Drops control characters a page might use to rewrite the terminal.
fn clean(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect()
}
