//! Parsing and validating one claim file: its bytes in, a [`ClaimFile`] or
//! every problem found out. The TOML is read into a tree that keeps the byte
//! span of every key and value, and the tree is walked by hand so that each
//! rule of the spec can point at the exact key or value that breaks it and
//! the walk goes on to report the rest of the file's problems.
//!
//! Pure: the only outside facts (symlinks, the article's text) come through
//! the [`Disk`] the caller passes.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostic, Severity};
use super::paths::{Escape, Project};
use super::words::{occurs, words};
use super::{Article, Body, Claim, ClaimFile, Disk, Location, Source, Tolerance};
use crate::quantity::Figure;

/// Claim files larger than this are refused (spec: "larger than 4 MB").
pub const MAX_SIZE: usize = 4 * 1024 * 1024;

/// The keys of a claim file's top level.
pub const TOP_KEYS: &[&str] = &["article", "sources", "claim"];
/// The keys of `[article]`.
pub const ARTICLE_KEYS: &[&str] = &["title", "published", "url", "file"];
/// The keys of a `[sources.ID]` table.
pub const SOURCE_KEYS: &[&str] = &["url", "select", "name"];
/// The keys of a `[[claim]]`.
pub const CLAIM_KEYS: &[&str] = &[
    "id",
    "text",
    "value",
    "quote",
    "about",
    "sources",
    "tolerance",
    "note",
];

/// Where a claim file sits: what its relative paths are resolved against.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The path to show in diagnostics and keep in the [`ClaimFile`].
    pub path: PathBuf,
    /// The claim file's directory, absolute, symlinks resolved.
    pub dir: PathBuf,
    /// The project root and the allowed paths.
    pub project: Project,
}

/// What parsing one file gave: the file when it has no error, and every
/// error and warning found.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The validated file; `None` when there is any error.
    pub file: Option<ClaimFile>,
    /// Problems that make the file unusable, in file order.
    pub errors: Vec<Diagnostic>,
    /// Problems worth a look that do not stop a check, in file order.
    pub warnings: Vec<Diagnostic>,
}

/// Parses and validates a claim file's bytes.
#[must_use]
pub fn parse(bytes: &[u8], origin: &Origin, disk: &dyn Disk) -> Parsed {
    let mut parsed = Parsed::default();
    let path = origin.path.as_path();
    if bytes.len() > MAX_SIZE {
        parsed.errors.push(Diagnostic::file(
            Severity::Error,
            path,
            format!(
                "the file is {} bytes; claim files larger than 4 MB ({MAX_SIZE} bytes) are refused",
                bytes.len()
            ),
        ));
        return parsed;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let shown = String::from_utf8_lossy(bytes);
            parsed.errors.push(
                Diagnostic::at(
                    Severity::Error,
                    path,
                    &shown,
                    at..at + 1,
                    format!(
                        "the file is not UTF-8: byte 0x{:02X} cannot start or continue a character",
                        bytes[at]
                    ),
                )
                .with_help("save the claim file as UTF-8"),
            );
            return parsed;
        }
    };
    // A byte order mark is harmless; positions are counted after it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        parsed.errors.push(
            Diagnostic::file(Severity::Error, path, "the file is empty").with_help(
                "a claim file needs an `[article]` table with a `title` and at least one `[[claim]]`",
            ),
        );
        return parsed;
    }
    let (root, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        // The tree after a syntax error is a guess; rules checked on it would
        // report mistakes that are not there. One error a line is enough.
        let mut lines = Vec::new();
        for e in syntax {
            let span = e.span().unwrap_or(0..0);
            let d = Diagnostic::at(
                Severity::Error,
                path,
                text,
                span,
                format!("invalid TOML: {}", e.message().trim()),
            );
            let line = d.position.as_ref().map_or(0, |p| p.line);
            if !lines.contains(&line) {
                lines.push(line);
                parsed.errors.push(d);
            }
        }
        sort(&mut parsed.errors);
        return parsed;
    }
    let mut walk = Walk {
        src: text,
        origin,
        disk,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let file = walk.file(root.get_ref());
    let Walk {
        mut errors,
        mut warnings,
        ..
    } = walk;
    sort(&mut errors);
    sort(&mut warnings);
    parsed.file = if errors.is_empty() { file } else { None };
    parsed.errors = errors;
    parsed.warnings = warnings;
    parsed
}

/// Orders diagnostics by where they are; the walk visits tables in key order.
fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| d.position.as_ref().map(|p| (p.line, p.column));
        key(a).cmp(&key(b))
    });
}

/// Whether `id` matches `[a-z0-9][a-z0-9-]*`.
#[must_use]
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The candidate closest to `word`, when one is close enough to be a typo.
#[must_use]
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .filter_map(|c| {
            let distance = strsim::damerau_levenshtein(&word, c);
            // A typo, or the start of a longer id (`guardian` for `guardian-live`).
            let close = distance <= (c.chars().count() / 3).max(1)
                || (word.chars().count() >= 4 && (c.starts_with(&word) || word.starts_with(c)));
            close.then_some((distance, c))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// "a string", "an integer", ... for "expected X, found Y".
fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// `a`, `b` or `c`.
fn one_of(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

type Entry<'i> = (
    &'i Spanned<std::borrow::Cow<'i, str>>,
    &'i Spanned<DeValue<'i>>,
);

/// A table's entry by key.
fn get<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

/// The 1-based line of the `[[claim]]` header that opens the table whose
/// span starts at `at`: the line of `at`, or of the nearest header above it
/// when the span starts at the table's first key.
fn header_line(src: &str, starts: &[usize], at: usize) -> usize {
    let line = starts.partition_point(|&s| s <= at).max(1);
    (1..=line)
        .rev()
        .find(|&l| {
            let start = starts[l - 1];
            let end = starts.get(l).copied().unwrap_or(src.len());
            src.get(start..end)
                .is_some_and(|text| text.trim_start().starts_with("[["))
        })
        .unwrap_or(line)
}

/// The key's own span, for errors about the key rather than its value.
fn key_span(table: &DeTable<'_>, key: &str) -> Option<Range<usize>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(k, _)| k.span())
}

/// The walk over one file's tree, collecting diagnostics as it goes.
struct Walk<'a> {
    src: &'a str,
    origin: &'a Origin,
    disk: &'a dyn Disk,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

/// A claim as read, before the article check.
struct ReadClaim {
    claim: Claim,
    text_span: Range<usize>,
}

impl Walk<'_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        let d = Diagnostic::at(Severity::Error, &self.origin.path, self.src, span, message);
        self.errors.push(d);
        let last = self.errors.len() - 1;
        &mut self.errors[last]
    }

    fn warning(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        let d = Diagnostic::at(
            Severity::Warning,
            &self.origin.path,
            self.src,
            span,
            message,
        );
        self.warnings.push(d);
        let last = self.warnings.len() - 1;
        &mut self.warnings[last]
    }

    /// Reports every key of `table` that is not in `known`.
    fn unknown_keys(&mut self, table: &DeTable<'_>, known: &[&str], what: &str) {
        let unknown: Vec<Entry<'_>> = table
            .iter()
            .filter(|(k, _)| !known.contains(&k.get_ref().as_ref()))
            .collect();
        for (key, _) in unknown {
            let name = key.get_ref().as_ref();
            let message = match suggest(name, known.iter().copied()) {
                Some(close) => format!("`{name}` is not {what}; did you mean `{close}`?"),
                None => format!("`{name}` is not {what}; expected {}", one_of(known)),
            };
            self.error(key.span(), message);
        }
    }

    /// A table value, or an error naming what was expected.
    fn table<'t, 'i>(
        &mut self,
        value: &'t Spanned<DeValue<'i>>,
        what: &str,
    ) -> Option<&'t DeTable<'i>> {
        if let DeValue::Table(t) = value.get_ref() {
            Some(t)
        } else {
            let found = type_name(value.get_ref());
            self.error(
                value.span(),
                format!("{what} must be a table, found {found}"),
            );
            None
        }
    }

    /// A string value of `key`, or an error naming what was found.
    fn string(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Option<String> {
        if let DeValue::String(s) = value.get_ref() {
            Some(s.to_string())
        } else {
            let found = type_name(value.get_ref());
            let d = self.error(
                value.span(),
                format!("`{key}` must be a string, found {found}"),
            );
            if !matches!(value.get_ref(), DeValue::Table(_) | DeValue::Array(_)) {
                d.help = Some(format!("put the value in quotes: {key} = \"...\""));
            }
            None
        }
    }

    /// A string that must hold more than white space.
    fn text(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Option<String> {
        let s = self.string(key, value)?;
        if s.trim().is_empty() {
            self.error(
                value.span(),
                format!("`{key}` is empty; expected some text"),
            );
            return None;
        }
        Some(s)
    }

    /// An optional string entry of `table`.
    fn optional_text(&mut self, table: &DeTable<'_>, key: &str) -> Option<String> {
        get(table, key).and_then(|v| self.text(key, v))
    }

    /// A required string entry of `table`; `at` is where to point when it is missing.
    fn required_text(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        at: Range<usize>,
        what: &str,
    ) -> Option<(String, Range<usize>)> {
        if let Some(v) = get(table, key) {
            let s = self.text(key, v)?;
            Some((s, v.span()))
        } else {
            self.error(
                at,
                format!("{what} is missing `{key}`; expected `{key} = \"...\"`"),
            );
            None
        }
    }

    /// An array of strings, each with its span.
    fn strings(
        &mut self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
    ) -> Option<Vec<(String, Range<usize>)>> {
        let DeValue::Array(items) = value.get_ref() else {
            let found = type_name(value.get_ref());
            self.error(
                value.span(),
                format!("`{key}` must be an array of strings, found {found}"),
            )
            .help = Some(format!("write {key} = [\"...\", \"...\"]"));
            return None;
        };
        let mut out = Vec::new();
        let mut ok = true;
        for item in items {
            if let DeValue::String(s) = item.get_ref() {
                out.push((s.to_string(), item.span()));
            } else {
                let found = type_name(item.get_ref());
                self.error(
                    item.span(),
                    format!("`{key}` must hold strings only, found {found}"),
                );
                ok = false;
            }
        }
        ok.then_some(out)
    }

    fn file(&mut self, root: &DeTable<'_>) -> Option<ClaimFile> {
        self.unknown_keys(root, TOP_KEYS, "a claim file table");
        let article = if let Some(v) = get(root, "article") {
            self.table(v, "`article`")
                .and_then(|t| self.article(t, v.span()))
        } else {
            self.error(
                0..0,
                "missing `[article]`; expected an `[article]` table with a `title`",
            );
            None
        };
        let sources = match get(root, "sources") {
            Some(v) => self
                .table(v, "`sources`")
                .map(|t| self.sources(t))
                .unwrap_or_default(),
            None => BTreeMap::new(),
        };
        let claims = self.claims(root, &sources);
        if let (Some(article), Some(claims)) = (&article, &claims) {
            self.article_text(root, article, claims);
        }
        Some(ClaimFile {
            path: self.origin.path.clone(),
            root: self.origin.project.root.clone(),
            article: article?,
            sources,
            claims: claims?.into_iter().map(|c| c.claim).collect(),
        })
    }

    fn article(&mut self, table: &DeTable<'_>, span: Range<usize>) -> Option<Article> {
        self.unknown_keys(table, ARTICLE_KEYS, "an `[article]` key");
        let title = self.required_text(table, "title", span, "`[article]`");
        let published = get(table, "published").and_then(|v| self.date(v));
        let url = get(table, "url").and_then(|v| {
            let s = self.text("url", v)?;
            match url::Url::parse(&s) {
                Ok(u) if matches!(u.scheme(), "http" | "https") && u.has_host() => Some(s),
                _ => {
                    self.error(
                        v.span(),
                        format!("`url` must be an http:// or https:// URL, found `{s}`"),
                    );
                    None
                }
            }
        });
        let file = get(table, "file").and_then(|v| {
            let s = self.text("file", v)?;
            let path = match url::Url::parse(&s) {
                Ok(u) if u.scheme() == "file" => u.to_file_path().ok()?,
                _ => PathBuf::from(&s),
            };
            self.local(&s, &path, v.span(), "`[article] file`")
        });
        Some(Article {
            title: title?.0,
            published,
            url,
            file,
        })
    }

    /// `published`: a TOML date, kept as `YYYY-MM-DD`.
    fn date(&mut self, value: &Spanned<DeValue<'_>>) -> Option<String> {
        match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                dt.date.map(|d| d.to_string())
            }
            DeValue::String(s) => {
                self.error(
                    value.span(),
                    "`published` must be a TOML date, found a string",
                )
                .help = Some(format!("drop the quotes: published = {s}"));
                None
            }
            other => {
                let found = match other {
                    DeValue::Datetime(_) => "a date with a time",
                    other => type_name(other),
                };
                self.error(
                    value.span(),
                    format!("`published` must be a TOML date such as 2024-10-22, found {found}"),
                );
                None
            }
        }
    }

    /// Resolves a local path (relative to the claim file, or absolute) and
    /// checks it stays inside the project root.
    fn local(&mut self, raw: &str, path: &Path, span: Range<usize>, what: &str) -> Option<PathBuf> {
        let origin = self.origin;
        match origin.project.resolve(&origin.dir, path, self.disk) {
            Ok(resolved) => Some(resolved),
            Err(escape) => {
                let root = origin.project.root.display();
                let message = match &escape {
                    Escape::Lexical(to) => format!(
                        "{what} `{raw}` leaves the project root: it is {}",
                        to.display()
                    ),
                    Escape::Symlink(to) => format!(
                        "{what} `{raw}` leaves the project root through a symlink: it points to {}",
                        to.display()
                    ),
                };
                self.error(span, message).help = Some(format!(
                    "the project root is {root} (the nearest directory holding factcheck.toml or .git); \
                     list the directory under `allow-paths` in factcheck.toml to allow it"
                ));
                None
            }
        }
    }

    /// Reads a source's location: an http(s) or file URL, or a path holding
    /// `/` or `.`. `Ok(None)` when it is neither (a bare word): the caller
    /// decides what that means; `Err(())` when an error was reported.
    fn location(
        &mut self,
        raw: &str,
        span: Range<usize>,
        what: &str,
    ) -> Result<Option<Location>, ()> {
        if let Ok(u) = url::Url::parse(raw) {
            // One-letter schemes are Windows drive letters, not URLs.
            if u.scheme().len() > 1 {
                return match u.scheme() {
                    "http" | "https" if u.has_host() => Ok(Some(Location::Url(raw.to_string()))),
                    "file" => {
                        let Ok(path) = u.to_file_path() else {
                            self.error(
                                span,
                                format!("{what} `{raw}` is not a usable file:// URL"),
                            )
                            .help = Some(
                                "write file:///absolute/path or a path relative to the claim file"
                                    .into(),
                            );
                            return Err(());
                        };
                        self.local(raw, &path, span, what)
                            .map(|p| Some(Location::Path(p)))
                            .ok_or(())
                    }
                    scheme => {
                        self.error(
                            span,
                            format!(
                                "{what} `{raw}` is a `{scheme}:` URL; expected an http://, https:// or file:// URL, or a path"
                            ),
                        );
                        Err(())
                    }
                };
            }
        }
        if !(raw.contains('/') || raw.contains('.')) {
            return Ok(None);
        }
        let path = Path::new(raw);
        let resolved = self.local(raw, path, span.clone(), what).ok_or(())?;
        if self.disk.canonicalize(&resolved).is_none() {
            let d = self.warning(
                span,
                format!(
                    "{what} `{raw}` is read as a local path, and there is no file at {}",
                    resolved.display()
                ),
            );
            if raw
                .split('/')
                .next()
                .is_some_and(|first| first.contains('.') && !first.starts_with('.'))
            {
                d.help = Some(format!("a web page needs its scheme: https://{raw}"));
            }
        }
        Ok(Some(Location::Path(resolved)))
    }

    fn sources(&mut self, table: &DeTable<'_>) -> BTreeMap<String, Source> {
        let mut out = BTreeMap::new();
        for (key, value) in table {
            let id = key.get_ref().as_ref();
            let id_ok = self.id(id, key.span(), "source id");
            let Some(t) = self.table(value, &format!("`[sources.{id}]`")) else {
                continue;
            };
            self.unknown_keys(t, SOURCE_KEYS, "a source key");
            let what = format!("`[sources.{id}]` url");
            let location = if let Some(v) = get(t, "url") {
                self.text("url", v).and_then(|raw| {
                    match self.location(&raw, v.span(), &what) {
                        Ok(Some(location)) => Some(location),
                        Ok(None) => {
                            self.error(
                                v.span(),
                                format!("{what} `{raw}` is neither a URL nor a path; expected an http://, https:// or file:// URL, or a path containing `/` or `.`"),
                            );
                            None
                        }
                        Err(()) => None,
                    }
                })
            } else {
                self.error(
                    value.span(),
                    format!("`[sources.{id}]` is missing `url`; expected `url = \"https://...\"`"),
                );
                None
            };
            let select = get(t, "select").and_then(|v| {
                let s = self.text("select", v)?;
                if scraper::Selector::parse(&s).is_err() {
                    self.error(
                        v.span(),
                        format!("`select` `{s}` is not a valid CSS selector"),
                    );
                    return None;
                }
                Some(s)
            });
            let name = self.optional_text(t, "name");
            if let (true, Some(location)) = (id_ok, location) {
                out.insert(
                    id.to_string(),
                    Source {
                        id: id.to_string(),
                        location,
                        select,
                        name,
                    },
                );
            }
        }
        out
    }

    /// Checks an id against `[a-z0-9][a-z0-9-]*`.
    fn id(&mut self, id: &str, span: Range<usize>, what: &str) -> bool {
        if is_valid_id(id) {
            return true;
        }
        let fixed: String = id
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let fixed = fixed.trim_matches('-');
        let d = self.error(
            span,
            format!("`{id}` is not a valid {what}; expected lowercase letters, digits and hyphens, not starting with a hyphen"),
        );
        if is_valid_id(fixed) {
            d.help = Some(format!("write `{fixed}`"));
        }
        false
    }

    fn claims(
        &mut self,
        root: &DeTable<'_>,
        sources: &BTreeMap<String, Source>,
    ) -> Option<Vec<ReadClaim>> {
        let Some(value) = get(root, "claim") else {
            self.error(0..0, "no claims; expected at least one `[[claim]]`");
            return None;
        };
        let DeValue::Array(items) = value.get_ref() else {
            let found = type_name(value.get_ref());
            self.error(
                value.span(),
                format!("`claim` must be an array of tables, found {found}"),
            )
            .help = Some("write each claim under its own `[[claim]]` header (two brackets)".into());
            return None;
        };
        if items.is_empty() {
            self.error(value.span(), "no claims; expected at least one `[[claim]]`");
            return None;
        }
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        let mut ok = true;
        // Where each line starts, found once: a claim's line is a binary search.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(self.src.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        for item in items {
            let Some(table) = self.table(item, "each `claim`") else {
                ok = false;
                continue;
            };
            match self.claim(table, item.span(), sources, &mut ids) {
                Some(mut claim) => {
                    claim.claim.line = header_line(self.src, &starts, item.span().start);
                    out.push(claim);
                }
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn claim(
        &mut self,
        table: &DeTable<'_>,
        span: Range<usize>,
        sources: &BTreeMap<String, Source>,
        ids: &mut HashMap<String, usize>, // id -> byte offset of its first use
    ) -> Option<ReadClaim> {
        self.unknown_keys(table, CLAIM_KEYS, "a claim key");
        let id = self.required_text(table, "id", span.clone(), "a `[[claim]]`");
        let id = id.and_then(|(id, at)| {
            if !self.id(&id, at.clone(), "claim id") {
                return None;
            }
            if let Some(&first) = ids.get(&id) {
                // Counted only here: counting lines for every id is quadratic.
                let line = self.src[..first.min(self.src.len())].matches('\n').count() + 1;
                self.error(
                    at,
                    format!("duplicate claim id `{id}`; it is already used on line {line}"),
                )
                .help = Some("claim ids must be unique in a file".into());
                return None;
            }
            ids.insert(id.clone(), at.start);
            Some(id)
        });
        let text = self.required_text(table, "text", span.clone(), "a `[[claim]]`");
        let value = get(table, "value").and_then(|v| Some((self.text("value", v)?, v.span())));
        let quote = self.optional_text(table, "quote");
        let is_figure = get(table, "value").is_some();
        let is_quote = get(table, "quote").is_some();
        if is_figure && is_quote {
            let at = key_span(table, "quote").unwrap_or(span.clone());
            self.error(at, "a claim has `value` or `quote`, not both")
                .help = Some("a figure claim keeps `value`; a quote claim keeps `quote`; split it into two claims to check both".into());
        }
        let about = match get(table, "about") {
            Some(v) => self.about(v, !is_quote),
            None if !is_quote => {
                let (kind, last) = if is_figure {
                    ("figure", "; put the word the figure counts last")
                } else {
                    ("statement", "")
                };
                self.error(
                    span.clone(),
                    format!("a {kind} claim needs `about`; expected `about = [\"...\"]`"),
                )
                .help = Some(format!(
                    "`about` lists the terms a source's passage must hold to be about this claim{last}"
                ));
                None
            }
            None => Some(Vec::new()),
        };
        let cited = match get(table, "sources") {
            Some(v) => self.cited(v, sources),
            None => Some(Vec::new()),
        };
        let tolerance = get(table, "tolerance").and_then(|v| {
            if !is_figure {
                let at = key_span(table, "tolerance").unwrap_or(v.span());
                self.error(
                    at,
                    "`tolerance` is allowed on figure claims only (claims with `value`)",
                );
                return None;
            }
            self.tolerance(v)
        });
        let note = self.optional_text(table, "note");
        let figure = value
            .as_ref()
            .and_then(|(value, at)| self.figure(value, at.clone()));
        // `value` and `quote` are the article's words, so they should stand in
        // the claim's `text`; a mismatch is worth a look, not a refusal.
        if let Some((text, _)) = &text {
            let said = value
                .as_ref()
                .map(|(v, at)| ("value", v, at.clone()))
                .or_else(|| {
                    let at = get(table, "quote").map(Spanned::span)?;
                    quote.as_ref().map(|q| ("quote", q, at))
                });
            let unsaid = said.filter(|(key, said, _)| {
                (figure.is_some() || *key == "quote") && !occurs(&words(said), &words(text))
            });
            if let Some((key, said, at)) = unsaid {
                self.warning(
                    at,
                    format!("`{key}` `{said}` does not occur in the claim's `text`"),
                )
                .help = Some(format!(
                    "`{key}` should be the article's own words, as they stand in `text`"
                ));
            }
        }
        let body = match (value, quote) {
            (Some((value, _)), None) => Body::Figure {
                value,
                figure: Box::new(figure?),
                tolerance,
            },
            (None, Some(quote)) if !is_figure => Body::Quote { quote },
            (None, None) if !is_figure && !is_quote => Body::Statement,
            _ => return None,
        };
        let (text, text_span) = text?;
        Some(ReadClaim {
            claim: Claim {
                id: id?,
                text,
                body,
                about: about?,
                sources: cited?,
                note,
                line: 0,
            },
            text_span,
        })
    }

    /// `about`: non-empty terms; required non-empty unless the claim is a quote.
    fn about(&mut self, value: &Spanned<DeValue<'_>>, required: bool) -> Option<Vec<String>> {
        let terms = self.strings("about", value)?;
        if required && terms.is_empty() {
            self.error(value.span(), "`about` is empty; a figure or statement claim needs at least one term")
                .help = Some("list the terms a source's passage must hold, e.g. about = [\"Zaporizhzhia\", \"kill*|dead\"]".into());
            return None;
        }
        let mut ok = true;
        for (term, at) in &terms {
            if term
                .split('|')
                .any(|alt| alt.trim().is_empty() || alt.trim() == "*")
            {
                self.error(at.clone(), format!("`about` term `{term}` has an empty alternative; expected words separated by `|`"));
                ok = false;
            }
        }
        ok.then(|| terms.into_iter().map(|(t, _)| t).collect())
    }

    /// `sources`: ids of `[sources]`, URLs or paths.
    fn cited(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        sources: &BTreeMap<String, Source>,
    ) -> Option<Vec<Source>> {
        let entries = self.strings("sources", value)?;
        let mut out = Vec::new();
        let mut ok = true;
        for (entry, at) in entries {
            if let Some(source) = sources.get(&entry) {
                out.push(source.clone());
                continue;
            }
            match self.location(&entry, at.clone(), "source") {
                Ok(Some(location)) => out.push(Source {
                    id: entry,
                    location,
                    select: None,
                    name: None,
                }),
                Ok(None) => {
                    let message = match suggest(&entry, sources.keys().map(String::as_str)) {
                        Some(close) => {
                            format!("unknown source id `{entry}`; did you mean `{close}`?")
                        }
                        None if sources.is_empty() => {
                            format!("unknown source id `{entry}`: the file has no `[sources]`")
                        }
                        None => format!(
                            "unknown source id `{entry}`; expected one of {}",
                            one_of(&sources.keys().map(String::as_str).collect::<Vec<_>>())
                        ),
                    };
                    self.error(at, message).help = Some(
                        "a source is an id of a `[sources.ID]` table, an http://, https:// or file:// URL, or a path containing `/` or `.`".into(),
                    );
                    ok = false;
                }
                Err(()) => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// `tolerance`: "5%" (relative) or "100" (absolute); a bare number is
    /// taken as absolute, as an editor who types `tolerance = 100` means.
    fn tolerance(&mut self, value: &Spanned<DeValue<'_>>) -> Option<Tolerance> {
        let parsed = match value.get_ref() {
            DeValue::String(s) => parse_tolerance(s),
            DeValue::Integer(i) => i
                .as_str()
                .replace('_', "")
                .parse::<f64>()
                .ok()
                .map(Tolerance::Absolute),
            DeValue::Float(f) => f
                .as_str()
                .replace('_', "")
                .parse::<f64>()
                .ok()
                .map(Tolerance::Absolute),
            _ => None,
        };
        let valid = parsed.filter(|t| match t {
            Tolerance::Relative(x) | Tolerance::Absolute(x) => x.is_finite() && *x >= 0.0,
        });
        if valid.is_none() {
            let found = match value.get_ref() {
                DeValue::String(s) => format!("`{s}`"),
                other => type_name(other).to_string(),
            };
            self.error(
                value.span(),
                format!("`tolerance` must be a percentage such as \"5%\" or an amount such as \"100\", found {found}"),
            );
        }
        valid
    }

    /// `value` read by the quantity engine: exactly one figure.
    fn figure(&mut self, value: &str, span: Range<usize>) -> Option<Figure> {
        let mut found = crate::quantity::find(value);
        match found.len() {
            1 => found.pop(),
            // A bare number is a count in `value` (claim-files.md).
            0 if crate::quantity::parse_value(value).is_ok() => {
                crate::quantity::parse_value(value).ok()
            }
            // Say how the engine read the number, and what to write instead.
            0 if let Some(read) = crate::quantity::value::reading(value) => {
                self.error(
                    span,
                    format!(
                        "`value` `{value}` reads as {} in running text, not as a figure: {}",
                        read.reads_as, read.why
                    ),
                )
                .help = Some(read.instead.into());
                None
            }
            0 => {
                self.error(span, format!("`value` `{value}` holds no figure; expected one figure such as \"at least two\", \"1,500\" or \"£2.26 billion\""))
                    .help = Some("dates, ages, times, measures in other units and numbers in names are not figures (spec: \"Figures\")".into());
                None
            }
            n => {
                let list: Vec<String> = found.iter().map(|f| format!("`{}`", f.text)).collect();
                self.error(span, format!("`value` `{value}` holds {n} figures ({}); expected exactly one", list.join(", ")))
                    .help = Some("keep only the figure under check in `value`; the rest of the sentence belongs in `text`".into());
                None
            }
        }
    }

    /// Warns about each claim whose `text` no longer occurs in the article.
    fn article_text(&mut self, root: &DeTable<'_>, article: &Article, claims: &[ReadClaim]) {
        let Some(file) = &article.file else { return };
        // Messages name the article as the claim file writes it.
        let Some(entry) = get(root, "article").and_then(|v| match v.get_ref() {
            DeValue::Table(t) => get(t, "file"),
            _ => None,
        }) else {
            return;
        };
        let span = entry.span();
        let shown = entry.get_ref().as_str().unwrap_or_default().to_string();
        let text = match self.disk.read_to_string(file) {
            Ok(text) => text,
            Err(reason) => {
                self.error(
                    span,
                    format!(
                        "cannot read the article `{shown}` ({}): {reason}",
                        file.display()
                    ),
                );
                return;
            }
        };
        let article_words = words(&text);
        for read in claims {
            if !occurs(&words(&read.claim.text), &article_words) {
                self.warning(
                    read.text_span.clone(),
                    format!(
                        "the text of claim `{}` no longer occurs in the article `{shown}`",
                        read.claim.id,
                    ),
                )
                .help =
                    Some("copy the sentence from the article again, or remove the claim".into());
            }
        }
    }
}

/// "5%" -> relative 0.05, "100" or "1,000" -> absolute.
fn parse_tolerance(s: &str) -> Option<Tolerance> {
    let s = s.trim();
    let number = |n: &str| n.trim().replace([',', '_'], "").parse::<f64>().ok();
    match s.strip_suffix('%') {
        Some(n) => number(n).map(|x| Tolerance::Relative(x / 100.0)),
        None => number(s).map(Tolerance::Absolute),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A disk holding the project /p, a symlink /p/claims/out -> /etc, and
    /// the article /p/articles/a.md.
    struct Fake;

    const ARTICLE: &str = "The strike killed at least two civilians. “It does not advance the cause of peace,” they said.";

    impl Disk for Fake {
        fn canonicalize(&self, path: &Path) -> Option<PathBuf> {
            let p = path.to_str()?;
            if let Some(rest) = p.strip_prefix("/p/claims/out") {
                return Some(PathBuf::from(format!("/etc{rest}")));
            }
            [
                "/",
                "/p",
                "/p/claims",
                "/p/articles",
                "/p/articles/a.md",
                "/p/claims/src",
                "/p/claims/src/page.html",
            ]
            .contains(&p)
            .then(|| path.to_path_buf())
        }
        fn read_to_string(&self, path: &Path) -> Result<String, String> {
            if path == Path::new("/p/articles/a.md") {
                Ok(ARTICLE.to_string())
            } else {
                Err("No such file or directory (os error 2)".into())
            }
        }
    }

    fn origin() -> Origin {
        Origin {
            path: "claims/c.toml".into(),
            dir: "/p/claims".into(),
            project: Project {
                root: "/p".into(),
                allow_paths: vec![],
            },
        }
    }

    fn run(text: &str) -> Parsed {
        parse(text.as_bytes(), &origin(), &Fake)
    }

    /// The first line of each diagnostic.
    fn heads(diagnostics: &[Diagnostic]) -> Vec<String> {
        diagnostics
            .iter()
            .map(|d| d.to_string().lines().next().unwrap_or_default().to_string())
            .collect()
    }

    const HEAD: &str = "[article]\ntitle = \"T\"\n\n[sources.guardian-live]\nurl = \"https://www.theguardian.com/x\"\n\n";

    #[test]
    fn a_valid_file_reads_every_kind_of_claim() {
        let text = format!(
            "{HEAD}[[claim]]\nid = \"killed\"\ntext = \"killed at least two civilians\"\nvalue = \"at least two\"\nabout = [\"strike\", \"kill*\"]\nsources = [\"guardian-live\", \"https://example.org/a\", \"src/page.html\", \"file:///p/claims/src/page.html\"]\ntolerance = \"5%\"\n\n[[claim]]\nid = \"peace\"\ntext = \"does not advance the cause\"\nquote = \"does not advance the cause of peace\"\n\n[[claim]]\nid = \"said\"\ntext = \"they said\"\nabout = [\"said\"]\n"
        );
        let parsed = run(&text);
        assert_eq!(heads(&parsed.errors), Vec::<String>::new());
        let file = parsed.file.unwrap();
        assert_eq!(file.claims.len(), 3);
        let first = &file.claims[0];
        assert!(
            matches!(first.body, Body::Figure { tolerance: Some(Tolerance::Relative(t)), .. } if (t - 0.05).abs() < 1e-12)
        );
        assert_eq!(
            first
                .sources
                .iter()
                .map(|s| s.location.clone())
                .collect::<Vec<_>>(),
            vec![
                Location::Url("https://www.theguardian.com/x".into()),
                Location::Url("https://example.org/a".into()),
                Location::Path("/p/claims/src/page.html".into()),
                Location::Path("/p/claims/src/page.html".into()),
            ]
        );
        assert_eq!(first.sources[2].id, "src/page.html");
        assert_eq!(
            file.claims[1].body,
            Body::Quote {
                quote: "does not advance the cause of peace".into()
            }
        );
        assert_eq!(file.claims[2].body, Body::Statement);
        assert!(file.claims[1].about.is_empty());
    }

    #[test]
    fn each_claim_knows_the_line_of_its_header() {
        // HEAD takes lines 1-6; comments and blank lines do not move a header.
        let text = format!(
            "{HEAD}[[claim]]\nid = \"a\"\ntext = \"they said\"\nabout = [\"said\"]\n\n# the second\n\n  [[claim]] # indented\nid = \"b\"\ntext = \"they said\"\nabout = [\"said\"]\n"
        );
        let parsed = run(&text);
        assert_eq!(heads(&parsed.errors), Vec::<String>::new());
        let lines: Vec<usize> = parsed.file.unwrap().claims.iter().map(|c| c.line).collect();
        assert_eq!(lines, vec![7, 14]);
        let starts = [0, 3, 7];
        let src = "ab\n[[c\nx\n";
        assert_eq!(header_line(src, &starts, 7), 2);
        assert_eq!(header_line(src, &starts, 0), 1);
    }

    #[test]
    fn each_mistake_is_reported_where_it_is() {
        // (claim table body, first line of the error)
        let cases = [
            (
                "id = \"a\"\ntext = \"t\"\nabout = [\"x\"]\nsorces = []\n",
                "claims/c.toml:11:1: error: `sorces` is not a claim key; did you mean `sources`?",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nabout = [\"x\"]\nzzz = 1\n",
                "claims/c.toml:11:1: error: `zzz` is not a claim key; expected `id`, `text`, `value`, `quote`, `about`, `sources`, `tolerance` or `note`",
            ),
            (
                "id = 4\ntext = \"t\"\nabout = [\"x\"]\n",
                "claims/c.toml:8:6: error: `id` must be a string, found an integer",
            ),
            (
                "text = \"t\"\nabout = [\"x\"]\n",
                "claims/c.toml:7:1: error: a `[[claim]]` is missing `id`; expected `id = \"...\"`",
            ),
            (
                "id = \"A b\"\ntext = \"t\"\nabout = [\"x\"]\n",
                "claims/c.toml:8:6: error: `A b` is not a valid claim id; expected lowercase letters, digits and hyphens, not starting with a hyphen",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nabout = [\"x\"]\nsources = [\"guardain-live\"]\n",
                "claims/c.toml:11:12: error: unknown source id `guardain-live`; did you mean `guardian-live`?",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nabout = [\"x\"]\nsources = [\"ftp://example.org/x\"]\n",
                "claims/c.toml:11:12: error: source `ftp://example.org/x` is a `ftp:` URL; expected an http://, https:// or file:// URL, or a path",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nabout = [\"x\"]\nsources = [\"../../etc/passwd\"]\n",
                "claims/c.toml:11:12: error: source `../../etc/passwd` leaves the project root: it is /etc/passwd",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nabout = [\"x\"]\nsources = [\"file:///etc/passwd\"]\n",
                "claims/c.toml:11:12: error: source `file:///etc/passwd` leaves the project root: it is /etc/passwd",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nabout = [\"x\"]\nsources = [\"out/passwd\"]\n",
                "claims/c.toml:11:12: error: source `out/passwd` leaves the project root through a symlink: it points to /etc/passwd",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nvalue = \"2\"\nquote = \"q\"\nabout = [\"x\"]\n",
                "claims/c.toml:11:1: error: a claim has `value` or `quote`, not both",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nvalue = \"2\"\nabout = []\n",
                "claims/c.toml:11:9: error: `about` is empty; a figure or statement claim needs at least one term",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nvalue = \"2\"\n",
                "claims/c.toml:7:1: error: a figure claim needs `about`; expected `about = [\"...\"]`",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nabout = [\"x\"]\ntolerance = \"5%\"\n",
                "claims/c.toml:11:1: error: `tolerance` is allowed on figure claims only (claims with `value`)",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nvalue = \"2\"\nabout = [\"x\"]\ntolerance = \"lots\"\n",
                "claims/c.toml:12:13: error: `tolerance` must be a percentage such as \"5%\" or an amount such as \"100\", found `lots`",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nvalue = \"none here\"\nabout = [\"x\"]\n",
                "claims/c.toml:10:9: error: `value` `none here` holds no figure; expected one figure such as \"at least two\", \"1,500\" or \"£2.26 billion\"",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nvalue = \"in 1125\"\nabout = [\"x\"]\n",
                "claims/c.toml:10:9: error: `value` `in 1125` reads as a year in running text, not as a figure: a bare four-digit number from 1000 to 2100 is a year unless a plural noun with no determiner follows (news writes counts with commas)",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nvalue = \"aged 45\"\nabout = [\"x\"]\n",
                "claims/c.toml:10:9: error: `value` `aged 45` reads as a reference, a model number or an age in running text, not as a figure: a number after page, article, flight, version or aged is a reference",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nabout = [\"a||b\"]\n",
                "claims/c.toml:10:10: error: `about` term `a||b` has an empty alternative; expected words separated by `|`",
            ),
            (
                "id = \"a\"\ntext = \"\"\nabout = [\"x\"]\n",
                "claims/c.toml:9:8: error: `text` is empty; expected some text",
            ),
            (
                "id = \"a\"\ntext = \"t\"\nabout = \"x\"\n",
                "claims/c.toml:10:9: error: `about` must be an array of strings, found a string",
            ),
        ];
        for (body, expected) in cases {
            let parsed = run(&format!("{HEAD}[[claim]]\n{body}"));
            assert_eq!(heads(&parsed.errors), vec![expected.to_string()], "{body}");
            assert!(parsed.file.is_none());
        }
    }

    #[test]
    fn file_level_mistakes() {
        let cases: [(&[u8], &str); 9] = [
            (b"", "claims/c.toml:1:1: error: the file is empty"),
            (b"  \n# nothing\n", "claims/c.toml:1:1: error: missing `[article]`; expected an `[article]` table with a `title`"),
            (b"[article]\ntitle = \"T\"\n", "claims/c.toml:1:1: error: no claims; expected at least one `[[claim]]`"),
            (b"[article]\ntitle = \"T\"\n[claim]\nid = \"a\"\n", "claims/c.toml:3:1: error: `claim` must be an array of tables, found a table"),
            (b"[article]\ntitle = \"T\xff\"\n", "claims/c.toml:2:11: error: the file is not UTF-8: byte 0xFF cannot start or continue a character"),
            (b"[article]\ntitle = \"T\n", "claims/c.toml:2:11: error: invalid TOML: invalid basic string, expected `\"`"),
            (b"[article]\ntitl = \"T\"\n[[claim]]\nid = \"a\"\ntext = \"t\"\nabout = [\"x\"]\n", "claims/c.toml:1:1: error: `[article]` is missing `title`; expected `title = \"...\"`"),
            (b"[article]\ntitle = \"T\"\npublished = \"2024-10-22\"\n[[claim]]\nid = \"a\"\ntext = \"t\"\nabout = [\"x\"]\n", "claims/c.toml:3:13: error: `published` must be a TOML date, found a string"),
            (b"[article]\ntitle = \"T\"\nfile = \"../../elsewhere/a.md\"\n[[claim]]\nid = \"a\"\ntext = \"t\"\nabout = [\"x\"]\n", "claims/c.toml:3:8: error: `[article] file` `../../elsewhere/a.md` leaves the project root: it is /elsewhere/a.md"),
        ];
        for (bytes, expected) in cases {
            let parsed = parse(bytes, &origin(), &Fake);
            assert_eq!(
                heads(&parsed.errors).first().map(String::as_str),
                Some(expected),
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
        let big = vec![b' '; MAX_SIZE + 1];
        let parsed = parse(&big, &origin(), &Fake);
        assert_eq!(
            heads(&parsed.errors),
            vec![format!(
                "claims/c.toml:1:1: error: the file is {} bytes; claim files larger than 4 MB ({MAX_SIZE} bytes) are refused",
                MAX_SIZE + 1
            )]
        );
    }

    #[test]
    fn a_file_reports_all_its_errors_at_once() {
        let text = format!(
            "{HEAD}[[claim]]\nid = \"a\"\ntext = \"t\"\nabout = [\"x\"]\nsorces = []\n\n[[claim]]\nid = \"a\"\ntext = \"t\"\n\n[[claim]]\nid = \"b\"\ntext = \"t\"\nvalue = \"2 dead, 15 injured\"\nabout = [\"x\"]\n"
        );
        let parsed = run(&text);
        let rendered: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
        insta::assert_snapshot!(rendered.join("\n\n"));
    }

    #[test]
    fn duplicate_ids_name_the_first_line() {
        let text = format!(
            "{HEAD}[[claim]]\nid = \"a\"\ntext = \"t\"\nabout = [\"x\"]\n\n[[claim]]\nid = \"a\"\ntext = \"u\"\nabout = [\"x\"]\n"
        );
        assert_eq!(
            heads(&run(&text).errors),
            vec!["claims/c.toml:13:6: error: duplicate claim id `a`; it is already used on line 8"]
        );
    }

    #[test]
    fn article_text_that_moved_is_a_warning() {
        let text = "[article]\ntitle = \"T\"\nfile = \"../articles/a.md\"\n\n[[claim]]\nid = \"kept\"\ntext = \"KILLED at least two civilians\"\nabout = [\"x\"]\n\n[[claim]]\nid = \"gone\"\ntext = \"killed at least three civilians\"\nabout = [\"x\"]\n";
        let parsed = run(text);
        assert!(parsed.errors.is_empty(), "{:?}", heads(&parsed.errors));
        assert_eq!(
            heads(&parsed.warnings),
            vec![
                "claims/c.toml:12:8: warning: the text of claim `gone` no longer occurs in the article `../articles/a.md`"
            ]
        );
        assert!(parsed.file.is_some());
        let missing = text.replace("../articles/a.md", "../articles/b.md");
        assert_eq!(
            heads(&run(&missing).errors),
            vec![
                "claims/c.toml:3:8: error: cannot read the article `../articles/b.md` (/p/articles/b.md): No such file or directory (os error 2)"
            ]
        );
    }

    #[test]
    fn value_and_quote_should_stand_in_the_text() {
        let cases = [
            (
                "value = \"at least two\"\nabout = [\"x\"]",
                "killed at least two",
                None,
            ),
            (
                "value = \"2\"\nabout = [\"x\"]",
                "killed two",
                Some(
                    "claims/c.toml:10:9: warning: `value` `2` does not occur in the claim's `text`",
                ),
            ),
            (
                "quote = \"Not the cause\"",
                "said it was \"not the cause\"",
                None,
            ),
            (
                "quote = \"the cause of peace\"",
                "said it was not",
                Some(
                    "claims/c.toml:10:9: warning: `quote` `the cause of peace` does not occur in the claim's `text`",
                ),
            ),
        ];
        for (body, text, expected) in cases {
            let parsed = run(&format!(
                "{HEAD}[[claim]]\nid = \"a\"\ntext = {text:?}\n{body}\n"
            ));
            assert!(parsed.errors.is_empty(), "{:?}", heads(&parsed.errors));
            assert_eq!(
                heads(&parsed.warnings),
                expected.map(String::from).into_iter().collect::<Vec<_>>(),
                "{body}"
            );
        }
    }

    #[test]
    fn allowed_paths_open_a_directory_outside_the_root() {
        let mut origin = origin();
        origin.project.allow_paths.push("/etc".into());
        let text = format!(
            "{HEAD}[[claim]]\nid = \"a\"\ntext = \"t\"\nabout = [\"x\"]\nsources = [\"out/passwd\", \"../../etc/hosts\"]\n"
        );
        let parsed = parse(text.as_bytes(), &origin, &Fake);
        assert!(parsed.errors.is_empty(), "{:?}", heads(&parsed.errors));
    }

    #[test]
    fn ids_and_suggestions() {
        for (id, ok) in [
            ("a", true),
            ("0-a", true),
            ("a-b-", true),
            ("-a", false),
            ("A", false),
            ("a_b", false),
            ("", false),
            ("é", false),
        ] {
            assert_eq!(is_valid_id(id), ok, "{id}");
        }
        let keys = CLAIM_KEYS.iter().copied();
        assert_eq!(suggest("sorces", keys.clone()), Some("sources"));
        assert_eq!(suggest("Value", keys.clone()), Some("value"));
        assert_eq!(suggest("abuot", keys.clone()), Some("about"));
        assert_eq!(suggest("zzz", keys), None);
    }

    #[test]
    fn tolerances() {
        let cases = [
            ("5%", Some(Tolerance::Relative(0.05))),
            (" 10 % ", Some(Tolerance::Relative(0.1))),
            ("100", Some(Tolerance::Absolute(100.0))),
            ("1,000", Some(Tolerance::Absolute(1000.0))),
            ("lots", None),
            ("%", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_tolerance(text), expected, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn no_input_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let _ = parse(&bytes, &origin(), &Fake);
        }

        #[test]
        fn no_toml_like_input_panics(text in "(\\[\\[?(article|claim|sources\\.[a-z]{1,3})\\]\\]?\n|[a-z]{1,6} = (\"[^\"\n]{0,12}\"|[0-9]{1,3}|\\[\"[a-z./:]{0,10}\"\\])\n){0,12}") {
            let _ = parse(text.as_bytes(), &origin(), &Fake);
        }
    }
}
