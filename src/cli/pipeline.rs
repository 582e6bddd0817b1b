//! What the check pipeline (claims -> fetch -> text -> compare, in
//! `check::evidence`) hands to `check`, `accept` and `review`.

use std::collections::BTreeMap;

pub(crate) use super::check::evidence;
use crate::claims::ClaimFile;
use crate::compare::Outcome;

/// One claim file's results from a run of the check pipeline.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The claim file.
    pub file: ClaimFile,
    /// One outcome per claim, in file order.
    pub outcomes: Vec<Outcome>,
    /// The SHA-256 of each readable source's text, by source id.
    pub hashes: BTreeMap<String, String>,
}
