//! The graph as partitioned node and edge files (`write_parts`, `read_parts`, `graph
//! --from-parts`): however the nodes and edges are split over files and ordered, the assembled
//! graph exports byte for byte as the graph it came from. And the passim record export.

mod common;

use claimtrace::{BuildOptions, Format, Graph, NoProgress, ReadSettings, Settings};
use claimtrace_synth::reposts::{SynthOptions, generate};
use common::claimtrace;
use proptest::prelude::*;
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

fn example_graph(with_text: bool) -> Graph {
    let settings = Settings {
        // Relative, as the command line below is given it: items keep the path as given.
        inputs: vec!["examples/reposts.jsonl".into()],
        build: BuildOptions { with_text },
        ..Settings::default()
    };
    claimtrace::run(&settings, &NoProgress, &mut |_| {})
        .expect("example reads")
        .0
}

/// A synthetic corpus with planted copies: reposts edges, claims and outlets.
fn synth_graph() -> &'static Graph {
    static G: OnceLock<Graph> = OnceLock::new();
    G.get_or_init(|| {
        let s = generate(&SynthOptions {
            items: 120,
            seed: 7,
            ..SynthOptions::default()
        });
        let g = claimtrace::graph_of_items(s.items, BuildOptions { with_text: true }, &NoProgress);
        // Reposts carry confidences and aligned spans: the fields a round trip could bend.
        assert!(
            g.sorted_edges()
                .iter()
                .any(|e| e.kind == claimtrace::EdgeKind::Reposts)
        );
        g
    })
}

fn export(g: &Graph, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    claimtrace::write_graph(g, format, &mut out).expect("export");
    out
}

/// Every line of the parts under `dir`, as (is a node, line).
fn lines_of(dir: &Path) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    for (kind, is_node) in [("nodes", true), ("edges", false)] {
        for f in std::fs::read_dir(dir.join(kind)).unwrap() {
            let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
            out.extend(text.lines().map(|l| (is_node, l.to_string())));
        }
    }
    out
}

/// Writes `lines` as parts under `dir`, shuffled by `seed`, in `files` files of each kind, some
/// gzip-compressed, some in a sub-folder, with Spark's marker files beside them.
fn rewrite_parts(dir: &Path, mut lines: Vec<(bool, String)>, seed: u64, files: usize) {
    let mut rng = claimtrace_synth::reposts::Rng::new(seed);
    for i in (1..lines.len()).rev() {
        lines.swap(i, rng.below(i + 1));
    }
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("parts.json"),
        format!(
            "{{\"schema\":\"{}\",\"version\":{}}}",
            claimtrace::SCHEMA_NAME,
            claimtrace::SCHEMA_VERSION
        ),
    )
    .unwrap();
    for kind in ["nodes", "edges"] {
        std::fs::create_dir_all(dir.join(kind).join("more")).unwrap();
        std::fs::write(dir.join(kind).join("_SUCCESS"), "").unwrap();
        std::fs::write(dir.join(kind).join(".part-0.crc"), "not json").unwrap();
    }
    let mut bodies = vec![(Vec::new(), Vec::new()); files];
    for (n, (is_node, line)) in lines.into_iter().enumerate() {
        let b = &mut bodies[n % files];
        let v = if is_node { &mut b.0 } else { &mut b.1 };
        v.extend_from_slice(line.as_bytes());
        v.push(b'\n');
    }
    for (i, (nodes, edges)) in bodies.into_iter().enumerate() {
        for (kind, body) in [("nodes", nodes), ("edges", edges)] {
            let sub = if i % 3 == 2 { "more/" } else { "" };
            if i % 2 == 1 {
                let f = std::fs::File::create(dir.join(format!("{kind}/{sub}part-{i}.json.gz")))
                    .unwrap();
                let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::fast());
                gz.write_all(&body).unwrap();
                gz.finish().unwrap();
            } else {
                std::fs::write(dir.join(format!("{kind}/{sub}part-{i}.json")), body).unwrap();
            }
        }
    }
}

#[test]
fn parts_read_back_to_the_same_exports() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, g) in [("example", &example_graph(true)), ("synth", synth_graph())] {
        let dir = tmp.path().join(name);
        claimtrace::write_parts(g, &dir, 4).unwrap();
        let back = claimtrace::read_parts(&dir).unwrap();
        assert_eq!(back.node_count(), g.node_count());
        assert_eq!(back.edge_count(), g.edge_count());
        for &f in Format::ALL {
            assert!(export(g, f) == export(&back, f), "{name}: {f} differs");
        }
    }
}

#[test]
fn write_parts_refuses_a_directory_with_files_and_leaves_no_partial_parts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("parts");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("keep.txt"), "mine").unwrap();
    let err = claimtrace::write_parts(&example_graph(false), &dir, 2).unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("keep.txt")).unwrap(),
        "mine"
    );
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// The property the Spark job relies on: the same nodes and edges in any order and any
    /// partitioning assemble into the same bytes, in every format.
    #[test]
    fn any_order_and_partitioning_gives_the_same_bytes(seed in any::<u64>(), files in 1usize..9) {
        let g = synth_graph();
        let tmp = tempfile::tempdir().unwrap();
        let first = tmp.path().join("first");
        claimtrace::write_parts(g, &first, 1).unwrap();
        let shuffled = tmp.path().join("shuffled");
        rewrite_parts(&shuffled, lines_of(&first), seed, files);
        let back = claimtrace::read_parts(&shuffled).unwrap();
        for &f in Format::ALL {
            prop_assert!(export(g, f) == export(&back, f), "{} differs", f);
        }
    }
}

#[test]
fn from_parts_on_the_command_line_equals_graph_on_the_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("parts");
    claimtrace::write_parts(&example_graph(false), &dir, 3).unwrap();
    for format in ["json", "dot"] {
        let direct = claimtrace()
            .args(["graph", "examples/reposts.jsonl", "--format", format])
            .output()
            .unwrap();
        let assembled = claimtrace()
            .args(["graph", "--format", format, "--from-parts"])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(assembled.status.success(), "{assembled:?}");
        assert!(direct.stdout == assembled.stdout, "{format} differs");
    }
    // Inputs and parts together are refused.
    claimtrace()
        .args(["graph", "examples/reposts.jsonl", "--from-parts"])
        .arg(&dir)
        .assert()
        .failure();
}

/// Writes `dir` as parts of one node file and one edge file with the given lines.
fn hand_parts(dir: &Path, manifest: &str, nodes: &str, edges: &str) {
    std::fs::create_dir_all(dir.join("nodes")).unwrap();
    std::fs::create_dir_all(dir.join("edges")).unwrap();
    std::fs::write(dir.join("parts.json"), manifest).unwrap();
    std::fs::write(dir.join("nodes/p.jsonl"), nodes).unwrap();
    std::fs::write(dir.join("edges/p.jsonl"), edges).unwrap();
}

#[test]
fn bad_parts_are_one_line_errors_naming_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let ok = tmp.path().join("ok");
    claimtrace::write_parts(&example_graph(false), &ok, 1).unwrap();
    let nodes = std::fs::read_to_string(ok.join("nodes/part-00000.jsonl")).unwrap();
    let edges = std::fs::read_to_string(ok.join("edges/part-00000.jsonl")).unwrap();
    let manifest = std::fs::read_to_string(ok.join("parts.json")).unwrap();
    let first_node = nodes.lines().next().unwrap();

    let cases = [
        // An edge whose end no part holds.
        (
            "orphan",
            manifest.clone(),
            first_node.to_string(),
            edges.clone(),
            "edges/p.jsonl:1: edge ",
        ),
        // A line that is no node.
        (
            "garbled",
            manifest.clone(),
            format!("{first_node}\n{{\"id\": 3}}\n"),
            String::new(),
            "nodes/p.jsonl:2: not a node or edge",
        ),
        // Parts of another contract version.
        (
            "version",
            manifest.replace(&format!(":{}}}", claimtrace::SCHEMA_VERSION), ":999}"),
            nodes.clone(),
            edges.clone(),
            "parts.json: parts of claimtrace-graph version 999",
        ),
    ];
    for (name, manifest, nodes, edges, expected) in cases {
        let dir = tmp.path().join(name);
        hand_parts(&dir, &manifest, &nodes, &edges);
        let err = claimtrace::read_parts(&dir).expect_err(name).to_string();
        assert!(err.contains(expected), "{name}: {err}");
        assert!(!err.contains('\n'));
        let out = claimtrace()
            .args(["graph", "--from-parts"])
            .arg(&dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(out.stdout.is_empty(), "{name}: partial output");
        assert!(String::from_utf8_lossy(&out.stderr).contains(expected));
    }
}

#[test]
fn passim_records_hold_each_item_with_its_outlet_date_and_text() {
    let out = claimtrace()
        .args(["graph", "--format", "passim", "examples/reposts.jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let g = example_graph(true);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.starts_with("{\"id\":")));
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let items: Vec<_> = g
        .sorted_nodes()
        .into_iter()
        .filter(|n| n.kind == claimtrace::NodeKind::Item)
        .collect();
    assert_eq!(records.len(), items.len());
    for (r, n) in records.iter().zip(&items) {
        let claimtrace::NodeData::Item(item) = &n.data else {
            unreachable!()
        };
        let mut keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["date", "id", "series", "text"]);
        assert_eq!(r["id"], n.id.to_string());
        assert_eq!(r["text"].as_str(), item.text.as_deref());
        assert_eq!(
            r["date"].as_str().map(str::to_string),
            item.published.map(|d| d.to_string())
        );
    }
    assert!(records.iter().any(|r| r["series"] == "Northwind Wire"));

    // passim's records are claimtrace's input too: read back, the same texts and outlets.
    let back =
        claimtrace::items_from_records("passim.jsonl", &text, &ReadSettings::default()).unwrap();
    for (item, r) in back.iter().zip(&records) {
        assert_eq!(item.text(), r["text"].as_str().unwrap());
        assert_eq!(item.meta.outlet.as_deref(), r["series"].as_str());
    }
}

#[test]
fn passim_refuses_a_graph_without_text_and_writes_nothing() {
    let mut out = Vec::new();
    let err = claimtrace::write_graph(&example_graph(false), Format::Passim, &mut out).unwrap_err();
    assert!(err.to_string().contains("--with-text"), "{err}");
    assert!(out.is_empty());
}
