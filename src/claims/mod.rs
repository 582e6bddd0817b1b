//! Claim files: the model of ../shared/spec/claim-files.md, its parsing and
//! every validation rule, with errors that point into the file.
//!
//! [`load`] is the entry point: it walks the paths given, reads every claim
//! file and returns the valid ones with every error and warning found. Only
//! [`load`] (in `load.rs`, the edge of this module) touches the disk; parsing
//! and validation ([`parse::parse`]) take the file's bytes and a [`Disk`] to
//! ask about symlinks and the article, so they are tested without one.
//! `factcheck.toml` is read by [`config`].

pub mod config;
mod diagnostic;
mod load;
pub mod parse;
mod paths;
pub mod schema;
pub mod shard;
mod words;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::quantity::Figure;

pub use diagnostic::{Diagnostic, Position, Severity};
pub use load::{Loaded, find_root, load};
pub use parse::{MAX_SIZE, Origin, Parsed};
pub use paths::Project;

/// What validation may ask of the file system: resolving symlinks (to keep
/// paths inside the project root) and reading the article's text. [`load`]
/// passes the real disk; tests pass a map.
pub trait Disk {
    /// The path with every symlink resolved, or `None` when it does not exist.
    fn canonicalize(&self, path: &Path) -> Option<PathBuf>;
    /// A text file's contents, or why it cannot be read.
    fn read_to_string(&self, path: &Path) -> Result<String, String>;
}

/// A claim file, loaded and validated.
#[derive(Debug, Clone)]
pub struct ClaimFile {
    /// The path as the user gave it (or as found below a directory they gave).
    pub path: PathBuf,
    /// The project root (spec: nearest directory holding `factcheck.toml` or `.git`).
    pub root: PathBuf,
    /// The `[article]` table.
    pub article: Article,
    /// `[sources.ID]` tables by id.
    pub sources: BTreeMap<String, Source>,
    /// The `[[claim]]` entries, in file order.
    pub claims: Vec<Claim>,
}

/// The `[article]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The article's title.
    pub title: String,
    /// The publication date, as a TOML date written `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Where the article is or will be published.
    pub url: Option<String>,
    /// The article's text, resolved against the claim file (inside the root).
    pub file: Option<PathBuf>,
}

/// Where a source is read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Location {
    /// An `http://` or `https://` URL.
    Url(String),
    /// A local file (a path or a `file://` URL), absolute, checked to be
    /// inside the project root or an allowed path.
    Path(PathBuf),
}

/// A source a claim cites: one of `[sources]`, or an inline URL or path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Source {
    /// The id from `[sources]`, or the URL or path itself for an inline source.
    pub id: String,
    /// Where to read it.
    pub location: Location,
    /// An optional CSS selector: read only what it matches.
    pub select: Option<String>,
    /// An optional display name.
    pub name: Option<String>,
}

/// How `tolerance` widens a figure claim's interval (the evidence rule's
/// own type, so the rule and the claim file cannot drift).
pub use crate::quantity::Tolerance;

/// What a claim asserts.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// A figure claim: `value`, parsed as exactly one figure.
    Figure {
        /// The figure in the article's words.
        value: String,
        /// The figure the quantity engine reads in `value`.
        figure: Box<Figure>,
        /// An optional widening of its interval.
        tolerance: Option<Tolerance>,
    },
    /// A quote claim: words put in someone's mouth.
    Quote {
        /// The quoted words.
        quote: String,
    },
    /// A statement claim: neither `value` nor `quote`.
    Statement,
}

/// One `[[claim]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Unique in the file.
    pub id: String,
    /// The article's sentence.
    pub text: String,
    /// Figure, quote or statement.
    pub body: Body,
    /// Terms that tie a passage to the claim; each may hold `|` alternatives
    /// and a trailing `*`. For a figure claim the last one ties the figure.
    pub about: Vec<String>,
    /// The sources it cites, resolved; empty when unsourced.
    pub sources: Vec<Source>,
    /// A note for reviewers.
    pub note: Option<String>,
    /// The line of the claim file where the claim starts (its `[[claim]]`
    /// header), from 1; 0 when the claim was not read from a file. Reports
    /// that annotate a file (`github`, `sarif`) point there.
    pub line: usize,
}
