//! Replays every input committed under `fuzz/corpus/TARGET/` through the same
//! entry points the fuzz targets call (`factcheck::fuzzing`), so CI keeps what
//! fuzzing found: a crash once fixed stays fixed, on stable, without
//! cargo-fuzz. The seeds carry readable names; inputs minimised from a crash
//! are committed under `crash-*` names.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::PathBuf;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    // A local fuzzing run adds and removes (hash-named) files as it goes;
    // one that vanished between the listing and the read is skipped.
    files
        .into_iter()
        .filter_map(|p| match fs::read(&p) {
            Ok(bytes) => Some((p, bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("{}: {e}", p.display()),
        })
        .collect()
}

#[test]
fn quantity_corpus() {
    for (path, bytes) in corpus("quantity") {
        // libFuzzer hands this target only UTF-8; so does the replay.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            eprintln!("{}", path.display());
            factcheck::fuzzing::quantity(text);
        }
    }
}

#[test]
fn text_corpus() {
    for (path, bytes) in corpus("text") {
        eprintln!("{}", path.display());
        factcheck::fuzzing::text(&bytes);
    }
}

#[test]
fn claims_corpus() {
    for (path, bytes) in corpus("claims") {
        eprintln!("{}", path.display());
        factcheck::fuzzing::claims(&bytes);
    }
}

#[test]
fn warc_corpus() {
    for (path, bytes) in corpus("warc") {
        eprintln!("{}", path.display());
        factcheck::fuzzing::warc(&bytes);
    }
}

/// The seeds are real inputs, not empty files: each archive seed holds
/// responses, so the reader's record path is exercised on every run.
#[test]
fn warc_seeds_hold_responses() {
    for (path, bytes) in corpus("warc") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("seed-") {
            let held = factcheck::fetch::read_warc(&bytes).unwrap();
            assert!(held > 0, "{name} holds no response");
        }
    }
}

#[test]
fn pdf_corpus() {
    for (path, bytes) in corpus("pdf") {
        eprintln!("{}", path.display());
        factcheck::fuzzing::pdf(&bytes);
    }
}
