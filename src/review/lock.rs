//! The lock file's model and its TOML form. Every table is a sorted map and
//! every field a value of the evidence itself, so a lock written twice from
//! the same evidence is the same bytes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

use crate::compare::SourceVerdict;
use crate::quantity::{Figure, Kind};

/// The version of the lock format this module writes and reads.
pub const LOCK_VERSION: u32 = 1;

/// The first line of every lock: says what the file is and how to change it.
const HEADER: &str = "# factcheck evidence lock: the evidence an editor accepted for the claim file beside it.\n\
# Written by `factcheck accept` and `factcheck review`; change it with them, not by hand.\n\n";

/// A claim file's lock (`x.lock` beside `x.toml`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Lock {
    /// The format version, [`LOCK_VERSION`].
    pub version: u32,
    /// Accepted claims by id.
    #[serde(default, rename = "claim")]
    pub claims: BTreeMap<String, LockedClaim>,
}

/// One claim as it was accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct LockedClaim {
    /// The claim's `text`.
    pub text: String,
    /// The claim's `value` (figure claims).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The claim's `quote` (quote claims).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Why the editor accepted it (`accept --note`): kept across later accepts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The evidence of each source, by source id (or URL for an inline source).
    #[serde(default, rename = "source")]
    pub sources: BTreeMap<String, LockedSource>,
}

/// What one source said about a claim when it was accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct LockedSource {
    /// The URL or path read.
    pub url: String,
    /// When this evidence was first read in this form; kept while the
    /// passage, figure and verdict stay the same.
    pub first_read: Datetime,
    /// SHA-256 of the source's text (hex), absent when it could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// What the source said.
    pub verdict: LockedVerdict,
    /// The passage that decided it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<String>,
    /// The figure found in the passage (figure claims).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<LockedFigure>,
}

/// A source's verdict as a lock spells it (the JSON report's names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LockedVerdict {
    /// A passage supports the claim.
    Match,
    /// A passage contradicts the claim.
    Mismatch,
    /// The source was read and said nothing about the claim.
    NotFound,
    /// The source could not be read.
    Unreachable,
}

impl From<SourceVerdict> for LockedVerdict {
    fn from(verdict: SourceVerdict) -> Self {
        match verdict {
            SourceVerdict::Match => LockedVerdict::Match,
            SourceVerdict::Mismatch => LockedVerdict::Mismatch,
            SourceVerdict::NotFound => LockedVerdict::NotFound,
            SourceVerdict::Unreachable => LockedVerdict::Unreachable,
        }
    }
}

impl From<LockedVerdict> for SourceVerdict {
    fn from(verdict: LockedVerdict) -> Self {
        match verdict {
            LockedVerdict::Match => SourceVerdict::Match,
            LockedVerdict::Mismatch => SourceVerdict::Mismatch,
            LockedVerdict::NotFound => SourceVerdict::NotFound,
            LockedVerdict::Unreachable => SourceVerdict::Unreachable,
        }
    }
}

impl LockedVerdict {
    /// The name the reports use.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            LockedVerdict::Match => "match",
            LockedVerdict::Mismatch => "mismatch",
            LockedVerdict::NotFound => "not-found",
            LockedVerdict::Unreachable => "unreachable",
        }
    }
}

/// A figure's kind as a lock spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LockedKind {
    /// A count.
    Count,
    /// Money.
    Money,
    /// A percentage.
    Percent,
}

impl From<Kind> for LockedKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Count => LockedKind::Count,
            Kind::Money => LockedKind::Money,
            Kind::Percent => LockedKind::Percent,
        }
    }
}

impl From<LockedKind> for Kind {
    fn from(kind: LockedKind) -> Self {
        match kind {
            LockedKind::Count => Kind::Count,
            LockedKind::Money => Kind::Money,
            LockedKind::Percent => Kind::Percent,
        }
    }
}

/// The figure a source stated, as evidence reads it (the JSON report's `found`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct LockedFigure {
    /// The figure's words.
    pub text: String,
    /// Count, money or percent.
    pub kind: LockedKind,
    /// ISO 4217 code, `%`, a duration unit; absent for a plain count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Lower end; absent when unbounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// Upper end; absent when unbounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// Whether `low` is excluded.
    #[serde(default)]
    pub low_open: bool,
    /// Whether `high` is excluded.
    #[serde(default)]
    pub high_open: bool,
    /// The same amount restated in another currency ("$50bn (£38.5bn)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restated: Option<Box<LockedFigure>>,
}

impl From<&Figure> for LockedFigure {
    fn from(figure: &Figure) -> Self {
        LockedFigure {
            text: figure.text.clone(),
            kind: figure.kind.into(),
            unit: figure.unit.clone(),
            low: figure.evidence.low,
            high: figure.evidence.high,
            low_open: figure.evidence.low_open,
            high_open: figure.evidence.high_open,
            restated: figure.restated.as_deref().map(|r| Box::new(r.into())),
        }
    }
}

impl LockedFigure {
    /// The figure for people: its words, with a restatement in brackets.
    #[must_use]
    pub fn describe(&self) -> String {
        let mut out = self.text.clone();
        if let Some(restated) = &self.restated {
            out.push_str(" (");
            out.push_str(&restated.text);
            out.push(')');
        }
        out
    }
}

/// Why a lock could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LockError {
    /// Not TOML, or not a lock.
    #[error("not a valid lock: {0}")]
    Syntax(#[source] Box<toml::de::Error>),
    /// A value TOML cannot hold.
    #[error("cannot write the lock: {0}")]
    Write(#[source] toml::ser::Error),
    /// Written by a newer factcheck.
    #[error(
        "lock format version {0} is not supported (this factcheck reads version {LOCK_VERSION})"
    )]
    Version(u32),
}

impl Lock {
    /// An empty lock.
    #[must_use]
    pub fn new() -> Self {
        Lock {
            version: LOCK_VERSION,
            claims: BTreeMap::new(),
        }
    }

    /// Reads a lock from its TOML text.
    pub fn parse(text: &str) -> Result<Self, LockError> {
        let lock: Lock = toml::from_str(text).map_err(|e| LockError::Syntax(Box::new(e)))?;
        if lock.version != LOCK_VERSION {
            return Err(LockError::Version(lock.version));
        }
        Ok(lock)
    }

    /// The lock as TOML: a header comment, then tables in sorted order.
    pub fn to_toml(&self) -> Result<String, LockError> {
        let body = toml::to_string(self).map_err(LockError::Write)?;
        Ok(format!("{HEADER}{body}"))
    }
}
