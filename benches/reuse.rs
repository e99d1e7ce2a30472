//! The reuse stage on the synthetic repost corpus (crates/synth/src/reposts.rs) at growing sizes, against
//! a baseline in the same run: passing the same text once through the normaliser and shingler,
//! the floor any shingle-based linker pays. Time per byte should stay flat as items grow
//! (linear time); `cargo bench --bench reuse`.

use claimtrace::internals::{shingles, tokens};
use claimtrace::{LinkParams, link_items_with};
use claimtrace_synth::reposts::{SynthOptions, generate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn reuse(c: &mut Criterion) {
    let mut g = c.benchmark_group("reuse");
    g.sample_size(10);
    for n in [1000, 2000, 4000] {
        let s = generate(&SynthOptions {
            items: n,
            ..SynthOptions::default()
        });
        let bytes: usize = s.items.iter().map(|i| i.text_len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format!("link/{n}"), |b| {
            b.iter(|| {
                link_items_with(
                    black_box(&s.items),
                    &LinkParams::default(),
                    &claimtrace::NoProgress,
                )
            })
        });
        g.bench_function(format!("baseline_shingle_only/{n}"), |b| {
            b.iter(|| {
                s.items
                    .iter()
                    .map(|i| shingles(&tokens(black_box(&i.text())), 5).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, reuse);
criterion_main!(benches);
