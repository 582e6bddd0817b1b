//! `factcheck new ARTICLE [-o FILE]`: drafts a claim file from an article (a
//! path, a URL or `-` for stdin; text, Markdown or HTML).

use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use clap::Args as ClapArgs;

use super::source_args::{self, SourceArgs};
use super::{Exit, output};
use crate::claims::Location;
use crate::draft;
use crate::fetch;
use crate::text::Media;

/// Arguments of `factcheck new`.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// The article: a path, an http(s) URL, or `-` for standard input.
    article: String,
    /// Write the draft to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the file `-o` names if it exists (without it, an existing file is never replaced)
    #[arg(long, requires = "output")]
    force: bool,
    /// Where a URL article comes from, and the fetch limits.
    #[command(flatten)]
    sources: SourceArgs,
}

/// Runs `factcheck new`: 0 with the draft written, 2 when the article cannot be
/// read or the draft cannot be written.
pub fn run(args: &Args) -> Exit {
    match draft_article(args) {
        Ok(exit) => exit,
        Err(e) => {
            output::stderr_line(&format!("error: {e:#}"));
            Exit::Error
        }
    }
}

fn draft_article(args: &Args) -> Result<Exit> {
    // Checked first, before the article is read: an edited claim file is
    // never replaced by a fresh draft unless asked to (spec: `new -o`).
    if let Some(path) = &args.output
        && !args.force
        && std::fs::symlink_metadata(path).is_ok()
    {
        anyhow::bail!(
            "{} already exists; `factcheck new` never replaces a file: choose another -o, or add --force to replace it",
            path.display()
        );
    }
    let (body, media, url) = if is_url(&args.article) {
        fetch_article(args)?
    } else {
        read_article(&args.article)?
    };
    let mut draft = draft::draft(&body, media);
    draft.url = url;
    if let Some(out) = &args.output
        && !is_url(&args.article)
        && args.article != "-"
        && media != Media::Html
        && is_text_file(Path::new(&args.article))
    {
        // `validate` compares each claim's text with the article file's
        // words as written, which for HTML would include its markup and for
        // a PDF is no text at all; a text or Markdown article is named so
        // edits that leave claims behind are caught.
        draft.file = article_file(Path::new(&args.article), out);
    }
    let origin = if args.article == "-" {
        "standard input"
    } else {
        args.article.as_str()
    };
    let toml = draft::render(&draft, origin);
    match &args.output {
        Some(path) => {
            crate::atomic::write(path, toml.as_bytes())
                .with_context(|| {
                    format!(
                        "could not write the draft to {} (check that its directory exists and is writable, or choose another -o)",
                        path.display()
                    )
                })?;
            output::stderr_line(&format!(
                "drafted {} claims into {}; add their sources, then run `factcheck validate {}`",
                draft.claims.len(),
                path.display(),
                path.display()
            ));
        }
        None => {
            output::stdout(&toml).context("could not write to standard output")?;
        }
    }
    Ok(Exit::Passed)
}

/// The article's path relative to the claim file at `out`, when the article
/// lies inside that claim file's project root (spec: `[article] file` must
/// stay inside it).
fn article_file(article: &Path, out: &Path) -> Option<String> {
    let article = std::fs::canonicalize(article).ok()?;
    let out_dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let out_dir = std::fs::canonicalize(out_dir).ok()?;
    let root = crate::claims::find_root(&out_dir);
    if !article.starts_with(&root) {
        return None;
    }
    let from: Vec<_> = out_dir.components().collect();
    let to: Vec<_> = article.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    for c in &to[common..] {
        parts.push(c.as_os_str().to_str()?.to_string());
    }
    Some(parts.join("/"))
}

/// A plain text or Markdown file by its name.
fn is_text_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "text" | "md" | "markdown"
        )
    })
}

fn is_url(article: &str) -> bool {
    let lower = article.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads an article from the web through the fetcher (cache, `--replay`,
/// `--offline` and the limits apply as for sources).
fn fetch_article(args: &Args) -> Result<(String, Media, Option<String>)> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = source_args::project_root(&cwd);
    let settings =
        source_args::settings_for(&args.sources, root.as_deref()).map_err(anyhow::Error::msg)?;
    let location = Location::Url(args.article.clone());
    let mut results = fetch::fetch_all(&settings, std::slice::from_ref(&location))?;
    match results.remove(&location) {
        Some(Ok(doc)) => Ok((doc.text, doc.media, Some(args.article.clone()))),
        Some(Err(unreachable)) => bail!(
            "could not read the article {}: {}",
            args.article,
            unreachable.reason
        ),
        None => bail!("could not read the article {}", args.article),
    }
}

/// Reads the article and decides how to read it: by extension, else by a look
/// at its first bytes.
fn read_article(article: &str) -> Result<(String, Media, Option<String>)> {
    let bytes = if article == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("could not read standard input")?;
        buf
    } else {
        std::fs::read(article).with_context(|| {
            format!("could not read the article {article} (check the path, or pass - to read standard input)")
        })?
    };
    // A PDF article is read from its text layer, one paragraph a line.
    let pdf_name = Path::new(article)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if pdf_name || bytes.starts_with(b"%PDF-") {
        let text = crate::text::pdf::read(&bytes)
            .map_err(|e| anyhow::anyhow!("could not read the article {article}: {e}"))?;
        return Ok((text, Media::Text, None));
    }
    let body = String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!("{article} is not UTF-8 text; convert it (e.g. with iconv) and try again")
    })?;
    let media = media_of(Path::new(article), &body);
    Ok((body, media, None))
}

fn media_of(path: &Path, body: &str) -> Media {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => Media::Html,
        Some("md" | "markdown") => Media::Markdown,
        Some("txt" | "text") => Media::Text,
        _ => {
            let head: String = body
                .trim_start()
                .chars()
                .take(512)
                .collect::<String>()
                .to_ascii_lowercase();
            if head.starts_with("<!doctype html")
                || head.starts_with("<html")
                || head.contains("<body")
            {
                Media::Html
            } else {
                Media::Text
            }
        }
    }
}
