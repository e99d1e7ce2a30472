//! Web reading speed, one thread, end to end (bytes → items): the Readability test pages from
//! ../shared when present (real pages, 273 KB on average), and the repo's fixtures. The baseline
//! in the same run is the HTML parse alone (dom_query), the floor any DOM-based reader pays.
//!   cargo bench --bench web
use claimtrace::{Input, ReadSettings, read_input};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const PAGES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpora/mozilla-readability-test-pages/test-pages"
);
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web");

fn readability_pages() -> Vec<Input> {
    let Ok(dir) = std::fs::read_dir(PAGES) else {
        eprintln!("SKIPPED: {PAGES} is absent; benching the fixtures only");
        return Vec::new();
    };
    inputs(
        dir.filter_map(|e| e.ok())
            .map(|e| e.path().join("source.html"))
            .collect(),
    )
}

fn fixtures() -> Vec<Input> {
    inputs(
        std::fs::read_dir(FIXTURES)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect(),
    )
}

/// The files at `paths`, loaded in sorted order (the same work in every run).
fn inputs(mut paths: Vec<std::path::PathBuf>) -> Vec<Input> {
    paths.sort();
    paths
        .iter()
        .map(|p| Input::new(&p.to_string_lossy(), std::fs::read(p).unwrap()))
        .collect()
}

fn bench(c: &mut Criterion) {
    let settings = ReadSettings::default();
    let pages = readability_pages();
    if !pages.is_empty() {
        let mut g = c.benchmark_group("readability_pages");
        g.throughput(Throughput::Elements(pages.len() as u64));
        g.sample_size(10).measurement_time(Duration::from_secs(10));
        g.bench_function("parse_only_baseline", |b| {
            b.iter(|| {
                for p in &pages {
                    let html = String::from_utf8_lossy(&p.bytes);
                    black_box(dom_query::Document::from(html.as_ref()));
                }
            })
        });
        g.bench_function("read_input", |b| {
            b.iter(|| {
                for p in &pages {
                    black_box(read_input(p, &settings).unwrap());
                }
            })
        });
        g.finish();
    }
    let fx = fixtures();
    let mut g = c.benchmark_group("fixtures");
    g.throughput(Throughput::Elements(fx.len() as u64));
    g.bench_function("read_input", |b| {
        b.iter(|| {
            for p in &fx {
                black_box(read_input(p, &settings).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
