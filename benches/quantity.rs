//! Throughput of `quantity::find` over ../shared/eval/quantities/bench.txt
//! (about 2 MB of news-like text), one core. Skipped when the file is absent.
//! The repository sits beside `shared/` (or one level deeper, in a worktree
//! directory); `FACTCHECK_BENCH_TEXT` names another file.
#![allow(missing_docs)] // criterion's macros generate undocumented items
#![allow(clippy::print_stderr)] // a benchmark says why it skipped

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("FACTCHECK_BENCH_TEXT").map(Into::into),
        Some(root.join("../shared/eval/quantities/bench.txt")),
        Some(root.join("../../shared/eval/quantities/bench.txt")),
    ];
    let Some(text) = candidates
        .into_iter()
        .flatten()
        .find_map(|p: std::path::PathBuf| std::fs::read_to_string(p).ok())
    else {
        eprintln!("skipping: bench.txt not found beside the repository");
        return;
    };
    let mut group = c.benchmark_group("quantity");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("find bench.txt", |b| {
        b.iter(|| black_box(factcheck::quantity::find(black_box(&text))));
    });
    // The machine may be shared: time on this thread's CPU, not the wall
    // clock, says what one core does (Linux only; skipped elsewhere).
    if thread_cpu_time().is_some() {
        group.bench_function("find bench.txt (thread CPU time)", |b| {
            b.iter_custom(|iters| {
                let start = thread_cpu_time().unwrap_or_default();
                for _ in 0..iters {
                    black_box(factcheck::quantity::find(black_box(&text)));
                }
                thread_cpu_time().unwrap_or_default().saturating_sub(start)
            });
        });
    }
    group.finish();
}

/// CPU time of the current thread, from `/proc/thread-self/schedstat`
/// (nanoseconds on the CPU is its first field).
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

criterion_group!(benches, bench);
criterion_main!(benches);
