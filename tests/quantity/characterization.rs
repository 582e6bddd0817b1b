//! A characterization snapshot of the engine: every figure `quantity::find`
//! reads in text the project owns (the Kazan article, the e2e fixture pages,
//! the fuzz seeds), one JSON object a line. A change to the engine that
//! moves any of it shows here as a diff to review; the restructuring of the
//! decision layer kept it byte-identical.
//!
//! The benchmark text of ../shared (dev-split cases, which the project does
//! not copy) is pinned by a digest of the engine's output only, and only
//! when that directory sits beside the repository (as in CI).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The figures of `text` as one JSON object a line, prefixed by `label`.
fn figures(label: &str, text: &str, out: &mut String) {
    for f in factcheck::quantity::find(text) {
        let json = serde_json::to_string(&f).unwrap();
        writeln!(out, "{label}\t{json}").unwrap();
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

#[test]
fn owned_texts_read_as_pinned() {
    let mut out = String::new();
    let mut paths = vec![root().join("tests/data/2024-10-22-un-chief-kazan.txt")];
    paths.extend(files_in(&root().join("tests/fixtures/e2e/pages")));
    paths.extend(files_in(&root().join("fuzz/corpus/quantity")));
    for p in paths {
        let bytes = std::fs::read(&p).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let label = p.strip_prefix(root()).unwrap().display().to_string();
        figures(&label, &text, &mut out);
    }
    insta::assert_snapshot!("owned_texts", out);
}

#[test]
fn bench_text_reads_as_pinned() {
    let candidates = [
        root().join("../shared/eval/quantities/bench.txt"),
        root().join("../../shared/eval/quantities/bench.txt"),
    ];
    let Some(text) = candidates
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
    else {
        // Only the shared yardsticks hold it; a clone elsewhere has nothing to pin.
        return;
    };
    let mut out = String::new();
    figures("bench", &text, &mut out);
    let digest = Sha256::digest(out.as_bytes());
    let mut hex = String::new();
    for b in digest {
        write!(hex, "{b:02x}").unwrap();
    }
    let summary = format!("figures: {}\nsha256: {hex}\n", out.lines().count());
    insta::assert_snapshot!("bench_digest", summary);
}
