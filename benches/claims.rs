//! Validation speed: 1,000 generated claim files of 20 claims each (figure,
//! quote and statement claims, sources by id and inline), parsed and
//! validated from memory, and loaded from a temporary directory.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use factcheck::claims::{self, Disk, Origin, Project};

/// Every path exists as itself: no symlinks, no article.
struct Memory;

impl Disk for Memory {
    fn canonicalize(&self, path: &Path) -> Option<PathBuf> {
        Some(path.to_path_buf())
    }
    fn read_to_string(&self, _path: &Path) -> Result<String, String> {
        Err("no article in this benchmark".into())
    }
}

/// One claim file of 20 claims; `n` varies the ids and figures.
fn claim_file(n: usize) -> String {
    let mut text = format!(
        "[article]\ntitle = \"Article {n}\"\npublished = 2024-10-22\nurl = \"https://example.org/news/{n}\"\n\n\
         [sources.agency]\nurl = \"https://agency.example/story/{n}\"\nselect = \"div.article-body\"\nname = \"Agency\"\n\n\
         [sources.ministry]\nurl = \"https://ministry.example/en/news/{n}\"\n\n"
    );
    let values = [
        "at least two",
        "1,500",
        "£2.26 billion",
        "$800 million",
        "over two years",
        "12,000",
        "15%",
        "dozens",
    ];
    for i in 0..20 {
        let id = format!("claim-{n}-{i}");
        let value = values[(n + i) % values.len()];
        let (said, body) = match i % 3 {
            0 => (
                format!("a toll of {value} was reported"),
                format!("value = \"{value}\"\nabout = [\"Kazan|Russia\", \"kill*|dead|soldiers|troops\"]\ntolerance = \"5%\""),
            ),
            1 => (
                "it \\\"does not advance the cause of peace\\\"".to_string(),
                "quote = \"does not advance the cause of peace\"\nabout = [\"Guterres|secretary general\"]".to_string(),
            ),
            _ => (
                "the invitation to the Switzerland summit was declined".to_string(),
                "about = [\"Switzerland\", \"summit\", \"declin*\"]".to_string(),
            ),
        };
        let _ = write!(
            text,
            "[[claim]]\nid = \"{id}\"\ntext = \"The UN chief said on Tuesday, in remarks number {i}, that {said}\"\n{body}\nsources = [\"agency\", \"ministry\", \"https://www.reuters.com/world/{n}/{i}\"]\nnote = \"checked by the desk\"\n\n"
        );
    }
    text
}

fn bench(c: &mut Criterion) {
    let files: Vec<String> = (0..1000).map(claim_file).collect();
    let origin = Origin {
        path: "claims/bench.toml".into(),
        dir: "/project/claims".into(),
        project: Project {
            root: "/project".into(),
            allow_paths: Vec::new(),
        },
    };
    // Every generated file must be valid and quiet, or the benchmark measures errors.
    for text in &files {
        let parsed = claims::parse::parse(text.as_bytes(), &origin, &Memory);
        assert!(parsed.errors.is_empty(), "{}", parsed.errors[0]);
        assert!(parsed.warnings.is_empty(), "{}", parsed.warnings[0]);
    }
    let mut group = c.benchmark_group("validate");
    group.sample_size(10);
    group.bench_function("1000 files x 20 claims, from memory", |b| {
        b.iter(|| {
            for text in &files {
                black_box(claims::parse::parse(
                    black_box(text.as_bytes()),
                    &origin,
                    &Memory,
                ));
            }
        });
    });
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let claims_dir = dir.path().join("claims");
    std::fs::create_dir(&claims_dir).unwrap();
    for (n, text) in files.iter().enumerate() {
        std::fs::write(claims_dir.join(format!("{n:04}.toml")), text).unwrap();
    }
    group.bench_function("1000 files x 20 claims, loaded from disk", |b| {
        b.iter(|| {
            let loaded = claims::load(std::slice::from_ref(&claims_dir));
            assert_eq!(loaded.files.len(), 1000);
            black_box(loaded);
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
