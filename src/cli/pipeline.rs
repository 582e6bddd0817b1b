//! The check pipeline as `accept` and `review` need it: claim files in; per
//! file each claim's outcome and the SHA-256 of each source's text out.
//! claims -> fetch -> text -> compare, each source read once.

use std::collections::{BTreeMap, HashMap};

use crate::claims::{ClaimFile, Location};
use crate::compare::{self, Outcome, SourceIndex, SourceText};
use crate::fetch;
use crate::text;

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

/// A source as read: its location and selector.
type ReadKey = (Location, Option<String>);

/// Reads every source of `files` once and compares every claim.
pub fn evidence(files: &[ClaimFile], settings: &fetch::Settings) -> Result<Vec<Checked>, String> {
    let mut keys: Vec<ReadKey> = files
        .iter()
        .flat_map(|f| &f.claims)
        .flat_map(|c| &c.sources)
        .map(|s| (s.location.clone(), s.select.clone()))
        .collect();
    keys.sort();
    keys.dedup();
    let mut locations: Vec<Location> = keys.iter().map(|(l, _)| l.clone()).collect();
    locations.dedup();
    let fetched = fetch::fetch_all(settings, &locations).map_err(|e| e.to_string())?;
    let read: HashMap<&ReadKey, Result<SourceIndex, String>> = keys
        .iter()
        .map(|key| (key, read_one(key, &fetched)))
        .collect();

    Ok(files
        .iter()
        .map(|file| {
            let mut hashes = BTreeMap::new();
            let outcomes = file
                .claims
                .iter()
                .map(|claim| {
                    let urls: Vec<String> = claim
                        .sources
                        .iter()
                        .map(|s| location_name(&s.location))
                        .collect();
                    let texts: Vec<SourceText<'_>> = claim
                        .sources
                        .iter()
                        .zip(&urls)
                        .map(|(source, url)| {
                            let key = (source.location.clone(), source.select.clone());
                            let text = match read.get(&key) {
                                Some(Ok(index)) => Ok(index),
                                Some(Err(reason)) => Err(reason.as_str()),
                                None => Err("not read"),
                            };
                            if let (Ok(_), Some(Ok(doc))) = (&text, fetched.get(&source.location)) {
                                hashes.insert(source.id.clone(), doc.sha256.clone());
                            }
                            SourceText {
                                id: &source.id,
                                url,
                                text,
                            }
                        })
                        .collect();
                    compare::compare(claim, &texts)
                })
                .collect();
            Checked {
                file: file.clone(),
                outcomes,
                hashes,
            }
        })
        .collect())
}

fn read_one(
    (location, select): &ReadKey,
    fetched: &HashMap<Location, fetch::Outcome>,
) -> Result<SourceIndex, String> {
    match fetched.get(location) {
        None => Err("not fetched".to_owned()),
        Some(Err(unreachable)) => Err(unreachable.reason.clone()),
        Some(Ok(doc)) => text::sentences(&doc.text, doc.media, select.as_deref())
            .map(SourceIndex::new)
            .map_err(|e| e.to_string()),
    }
}

/// A source's location as reports show it.
fn location_name(location: &Location) -> String {
    match location {
        Location::Url(url) => url.clone(),
        Location::Path(path) => path.display().to_string(),
    }
}
