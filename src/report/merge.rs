//! Joining the JSON reports of the shards of one run (`factcheck merge`)
//! into the report the unsharded run would have given: the files of every
//! shard in path order, the summary counted again, each claim's `failing` as
//! its shard's gate decided it. Pure: reports in, a report out.
//!
//! Shards are checked before they are joined: a shard given twice, a
//! missing shard, shards of different splits (2/4 with 1/3) or a claim file
//! in two reports would give a report that no single run could have given,
//! so each is an error that names the problem.

use std::collections::BTreeSet;
use std::path::Path;

use super::{Report, Run};

/// Why reports cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// No report was given.
    #[error("no report to merge")]
    Empty,
    /// A report of a version this build does not read.
    #[error("report {index} is version {version}; this factcheck reads version 1")]
    Version {
        /// Which report (from 1, in the order given).
        index: usize,
        /// Its version.
        version: u32,
    },
    /// Some reports are shards and some are not, or the shards are of
    /// different splits.
    #[error("the reports are not the shards of one run: {0}")]
    Shards(String),
    /// One claim file is in two reports.
    #[error("{0} is in two reports")]
    Duplicate(String),
}

/// Joins `reports` (the JSON reports of the shards of one run, or of runs
/// over disjoint claim files) into one.
pub fn merge(reports: Vec<Report>) -> Result<Report, MergeError> {
    let Some(first) = reports.first() else {
        return Err(MergeError::Empty);
    };
    for (i, report) in reports.iter().enumerate() {
        if report.version != 1 {
            return Err(MergeError::Version {
                index: i + 1,
                version: report.version,
            });
        }
    }
    check_shards(&reports)?;
    let run = Run {
        tool: first.run.tool.clone(),
        // The whole run started when its first shard did.
        started: reports
            .iter()
            .map(|r| r.run.started.clone())
            .min()
            .unwrap_or_default(),
        locked: reports.iter().any(|r| r.run.locked),
        shard: None,
    };
    let mut files: Vec<_> = reports.into_iter().flat_map(|r| r.files).collect();
    // The unsharded run lists files as its directory walk finds them: sorted
    // by path, component by component.
    files.sort_by(|a, b| Path::new(&a.path).cmp(Path::new(&b.path)));
    for pair in files.windows(2) {
        if pair[0].path == pair[1].path {
            return Err(MergeError::Duplicate(pair[0].path.clone()));
        }
    }
    Ok(Report::new(run, files))
}

/// Either no report is a shard, or they are shards 1 to N of one N, each once.
fn check_shards(reports: &[Report]) -> Result<(), MergeError> {
    let shards: Vec<_> = reports.iter().map(|r| r.run.shard).collect();
    if shards.iter().all(Option::is_none) {
        return Ok(());
    }
    let Some(shards) = shards.into_iter().collect::<Option<Vec<_>>>() else {
        return Err(MergeError::Shards(
            "some reports are shards (--shard) and some are not".into(),
        ));
    };
    let count = shards[0].count;
    if let Some(other) = shards.iter().find(|s| s.count != count) {
        return Err(MergeError::Shards(format!(
            "shards of {count} and of {} are mixed",
            other.count
        )));
    }
    let mut seen = BTreeSet::new();
    for shard in &shards {
        if !seen.insert(shard.index) {
            return Err(MergeError::Shards(format!(
                "shard {}/{count} is given twice",
                shard.index
            )));
        }
    }
    let missing: Vec<String> = (1..=count)
        .filter(|k| !seen.contains(k))
        .map(|k| format!("{k}/{count}"))
        .collect();
    if !missing.is_empty() {
        let (noun, verb) = if missing.len() == 1 {
            ("shard", "is")
        } else {
            ("shards", "are")
        };
        return Err(MergeError::Shards(format!(
            "{noun} {} {verb} missing",
            missing.join(", ")
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::super::{FileReport, Shard};
    use super::*;

    /// The fixture report cut into shards of one file each.
    fn shards(report: &Report, count: u32) -> Vec<Report> {
        (0..count)
            .map(|k| {
                let files: Vec<FileReport> = report
                    .files
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i as u32 % count == k)
                    .map(|(_, f)| f.clone())
                    .collect();
                let mut part = Report::new(report.run.clone(), files);
                part.run.shard = Some(Shard {
                    index: k + 1,
                    count,
                });
                part
            })
            .collect()
    }

    #[test]
    fn the_shards_merge_into_the_whole_report() {
        let whole = fixture::report();
        for count in [1, 2, 3] {
            let mut parts = shards(&whole, count);
            parts.reverse();
            assert_eq!(merge(parts).unwrap(), whole, "{count} shards");
        }
    }

    #[test]
    fn failing_and_summary_survive_a_json_round_trip() {
        let whole = fixture::report();
        let parts: Vec<Report> = shards(&whole, 2)
            .iter()
            .map(|p| serde_json::from_str(&super::super::json::render(p)).unwrap())
            .collect();
        let merged = merge(parts).unwrap();
        assert_eq!(merged, whole);
        assert!(merged.failing());
    }

    #[test]
    fn shards_that_are_not_one_run_are_refused() {
        let whole = fixture::report();
        let parts = shards(&whole, 2);
        let cases = [
            (vec![parts[0].clone()], "shard 2/2 is missing"),
            (
                vec![parts[0].clone(), parts[0].clone(), parts[1].clone()],
                "shard 1/2 is given twice",
            ),
            (
                vec![parts[0].clone(), whole.clone()],
                "some reports are shards",
            ),
            (
                vec![parts[0].clone(), shards(&whole, 3)[1].clone()],
                "shards of 2 and of 3 are mixed",
            ),
            (vec![whole.clone(), whole.clone()], "is in two reports"),
            (Vec::new(), "no report to merge"),
        ];
        for (reports, want) in cases {
            let err = merge(reports).unwrap_err().to_string();
            assert!(err.contains(want), "{err} / {want}");
        }
        let mut future = whole;
        future.version = 2;
        assert!(
            merge(vec![future])
                .unwrap_err()
                .to_string()
                .contains("version 2")
        );
    }
}
