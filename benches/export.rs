//! Export speed on a generated graph of about 1M nodes, every format in the same run (issue 2's
//! targets: JSON ≥ 200 MB/s, DOT ≥ 100 MB/s on one core; issue 15's: GEXF, GraphML, PROV-JSON,
//! Cytoscape.js and Claim JSON-LD ≥ 100 MB/s each). Each record brings an item, its author, its
//! own claim and the claim's speaker, so the claims exports have claims to write. Baseline in the
//! same run: plain `serde_json::to_writer` of the sorted nodes and edges into a sink, the floor
//! any JSON export of this model pays.
//!
//!     cargo bench --bench export                     # 1M nodes
//!     CLAIMTRACE_BENCH_NODES=100000 cargo bench --bench export
//!
//! Peak memory of a whole run is measured by scripts/bench-export.sh.

use claimtrace::Graph;
use claimtrace::{BuildOptions, build_graph, extract_all_claims};
use claimtrace::{Format, write_graph};
use claimtrace::{Input, ReadSettings, read_input};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Write;

/// JSON lines of generated records: each record brings an item, an author and a claim of its own,
/// and records share 500 outlets, 3,000 dates and one speaker, so `records` records give about
/// 3 × records nodes.
pub fn generated_records(records: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(records * 300);
    for i in 0..records {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let year = 2000 + (i / 336) % 9;
        writeln!(
            out,
            r#"{{"id":"rec-{i}","outlet":"Outlet number {o}","url":"https://outlet{o}.example/story/{i}","title":"Generated story {i} about \"topic\" {t}","author":"Writer{i} Surname","published":"{year}-{month:02}-{day:02}","language":"en","text":"Story {i}: the council said on Monday that bridge number {i} would reopen. Residents welcomed the news and asked about the cost of repairs."}}"#,
            o = i % 500,
            t = i % 97
        )
        .unwrap();
    }
    out
}

fn graph_of(nodes: usize) -> Graph {
    let bytes = generated_records(nodes / 3);
    let items = read_input(&Input::new("bench.jsonl", bytes), &ReadSettings::default()).unwrap();
    let claims = extract_all_claims(&items);
    build_graph(items, claims, &[], BuildOptions::default())
}

/// Nanoseconds this thread has run on a CPU (Linux), so that a number taken on a machine shared
/// with other work is the export's cost rather than the share of the machine it got.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn bench_export(c: &mut Criterion) {
    let nodes: usize = std::env::var("CLAIMTRACE_BENCH_NODES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let graph = graph_of(nodes);
    eprintln!(
        "graph: {} nodes, {} edges",
        graph.node_count(),
        graph.edge_count()
    );
    let mut group = c.benchmark_group(format!("export_{}k_nodes", graph.node_count() / 1000));
    group.sample_size(10);
    // passim records need the items' text, which this graph leaves out (as `graph` does without
    // --with-text): the other formats are measured on the graph they are measured on in README.
    for &format in Format::ALL.iter().filter(|f| !f.needs_text()) {
        let name = format.name();
        let mut sized = Vec::new();
        write_graph(&graph, format, &mut sized).unwrap();
        group.throughput(Throughput::Bytes(sized.len() as u64));
        // CPU time of the best of three exports into a sink, beside criterion's wall time.
        let cpu = (0..3)
            .filter_map(|_| {
                let before = thread_cpu_ns()?;
                write_graph(&graph, format, &mut std::io::sink()).unwrap();
                Some(thread_cpu_ns()? - before)
            })
            .min();
        match cpu {
            Some(ns) => eprintln!(
                "{name}: {} MB, {:.0} MB/s of CPU time",
                sized.len() / 1_000_000,
                sized.len() as f64 / ns as f64 * 1e3
            ),
            None => eprintln!("{name}: {} MB", sized.len() / 1_000_000),
        }
        drop(sized);
        group.bench_function(name, |b| {
            b.iter(|| write_graph(black_box(&graph), format, &mut std::io::sink()).unwrap())
        });
    }
    let mut sized = Vec::new();
    write_graph(&graph, Format::Json, &mut sized).unwrap();
    group.throughput(Throughput::Bytes(sized.len() as u64));
    group.bench_function("baseline_serde_json_to_writer", |b| {
        b.iter(|| {
            let mut w = std::io::BufWriter::new(std::io::sink());
            serde_json::to_writer(&mut w, &(graph.sorted_nodes(), graph.sorted_edges())).unwrap();
            w.flush().unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
