//! Tests of every export on a graph built in the crate: every node kind, every edge kind and
//! every field set, with text that XML and JSON writers must take care of. The round trips
//! through each format's own reader are in tests/exports.rs.

use super::flat::{self, EDGE_FIELDS, NODE_FIELDS, Scratch};
use super::{Format, write};
use crate::model::{
    ClaimNode, DateNode, Edge, EdgeKind, Graph, ItemNode, Node, NodeData, NodeKind, OutletNode,
    SpeakerNode, ids,
};
use crate::vocab::{Alignment, ClaimKind, Degree, Origin, SentencePair, Span, SpanBasis};
use std::collections::BTreeSet;

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
            "claim",
            "the bridge stays closed",
            NodeData::Claim(ClaimNode {
                text: "The bridge stays closed".into(),
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
    let (wire, copy, blog, outlet, brandt, ministry, claim, variant, date) = (
        id(0),
        id(1),
        id(2),
        id(3),
        id(4),
        id(5),
        id(6),
        id(7),
        id(8),
    );
    let mut contains = Edge::new(EdgeKind::Contains, copy, claim).with_evidence(0.9, "said");
    let d = contains.detail_mut();
    d.span = Some(Span::new(10, 40));
    d.parts = Some(Box::new(vec![Span::new(10, 20), Span::new(30, 40)]));
    d.speaker_span = Some(Span::new(22, 28));
    d.cue = Some("said".into());
    d.speaker = Some(brandt);
    let mut said_by = Edge::new(EdgeKind::SaidBy, claim, brandt);
    said_by.detail_mut().items = Some(2);
    let mut credits = Edge::new(EdgeKind::Credits, copy, outlet).with_evidence(1.0, NASTY);
    credits.detail_mut().date = Some("2026-03-12".into());
    let mut reposts = Edge::new(EdgeKind::Reposts, copy, wire).with_evidence(0.94, "shares");
    reposts.detail_mut().aligned = vec![Alignment {
        source: Span::new(0, 100),
        copy: Span::new(20, 120),
    }];
    let mut rewrites = Edge::new(EdgeKind::Rewrites, blog, wire).with_evidence(0.6, "follows");
    let d = rewrites.detail_mut();
    d.degree = Some(Degree::Partly);
    d.derived_share = Some(0.4);
    d.aligned_sentences = vec![SentencePair {
        aligned: Alignment {
            source: Span::new(0, 50),
            copy: Span::new(5, 60),
        },
        changed: "2 words replaced".into(),
    }];
    vec![
        Edge::new(EdgeKind::PublishedBy, wire, outlet),
        Edge::new(EdgeKind::PublishedBy, copy, outlet),
        Edge::new(EdgeKind::PublishedOn, wire, date),
        Edge::new(EdgeKind::WrittenBy, copy, brandt),
        credits,
        reposts,
        Edge::new(EdgeKind::SameText, blog, copy).with_evidence(0.5, "shares"),
        rewrites,
        contains,
        Edge::new(EdgeKind::Contains, wire, claim),
        Edge::new(EdgeKind::Contains, blog, claim),
        said_by,
        Edge::new(EdgeKind::SaidBy, claim, ministry),
        Edge::new(EdgeKind::SaidOn, claim, date),
        Edge::new(EdgeKind::ReportedBy, claim, outlet),
        Edge::new(EdgeKind::VariantOf, variant, claim).with_evidence(0.8, "open → closed"),
        Edge::new(EdgeKind::VersionOf, blog, copy).with_evidence(1.0, "the same URL, another text"),
        Edge::new(EdgeKind::Contains, blog, variant),
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
    write(graph, format, &mut out).unwrap();
    out
}

/// Every flattened field of every node and edge is declared in `flat`, and every declared field
/// is produced by some node or edge: the table and the model agree both ways.
#[test]
fn the_field_table_matches_the_model() {
    let g = every_kind_graph();
    let mut scratch = Scratch::default();
    let mut seen = BTreeSet::new();
    for n in g.sorted_nodes() {
        flat::each_field(n, &mut scratch, &mut |name, _| {
            flat::slot(NODE_FIELDS, name)?;
            seen.insert(format!("node {name}"));
            Ok(())
        })
        .unwrap();
    }
    for e in g.sorted_edges() {
        flat::each_field(e, &mut scratch, &mut |name, _| {
            flat::slot(EDGE_FIELDS, name)?;
            seen.insert(format!("edge {name}"));
            Ok(())
        })
        .unwrap();
    }
    for (class, fields) in [("node", NODE_FIELDS), ("edge", EDGE_FIELDS)] {
        for f in fields {
            assert!(
                seen.contains(&format!("{class} {}", f.name)),
                "{class} {}",
                f.name
            );
        }
    }
}

/// Every format writes a graph with every node and edge kind, names every edge kind where it
/// has a place for it, and carries no character XML 1.0 cannot.
#[test]
fn every_kind_is_exported() {
    let g = every_kind_graph();
    for kind in NodeKind::ALL {
        assert!(
            g.sorted_nodes().iter().any(|n| n.kind == kind),
            "no {kind:?} node"
        );
    }
    for kind in EdgeKind::ALL {
        assert!(
            g.sorted_edges().iter().any(|e| e.kind == kind),
            "no {kind:?} edge"
        );
    }
    for &format in Format::ALL {
        let text = String::from_utf8(exported(&g, format)).unwrap();
        for kind in EdgeKind::ALL {
            let mark = match format {
                // PROV names each kind's relation (alternateOf takes no attributes).
                Format::ProvJson => super::prov::relation(kind).record,
                // The claims view writes only the edges a Claim's properties come from.
                Format::ClaimsJsonld => continue,
                // passim records are items alone, one per line, no edges.
                Format::Passim => continue,
                // The pictures show who published an item and when by where it stands; DOT
                // names the other kinds in its legend's words, the view in its kind table.
                Format::Dot | Format::Html
                    if super::look::edge_look(kind).layer == super::look::Layer::Layout =>
                {
                    continue;
                }
                Format::Dot => super::look::edge_look(kind).words,
                _ => kind.as_str(),
            };
            assert!(text.contains(mark), "{format} lacks {kind:?}");
        }
        if matches!(format, Format::Gexf | Format::Graphml) {
            assert!(
                !text.contains('\u{7}'),
                "{format} carries a control character"
            );
        }
    }
}

/// Same graph, nodes and edges added in another order: the same bytes in every format.
#[test]
fn every_format_is_deterministic() {
    let nodes = every_kind_nodes();
    let edges = every_kind_edges(&nodes);
    let a = graph_of(nodes.clone(), edges.clone());
    let b = graph_of(
        nodes.into_iter().rev().collect(),
        edges.into_iter().rev().collect(),
    );
    for &format in Format::ALL {
        assert_eq!(exported(&a, format), exported(&b, format), "{format}");
    }
}

/// The Claim export's first appearance is the earliest-dated item containing the claim, and its
/// appearances run earliest first, undated last.
#[test]
fn claims_appear_earliest_first() {
    let g = every_kind_graph();
    let doc: serde_json::Value =
        serde_json::from_slice(&exported(&g, Format::ClaimsJsonld)).unwrap();
    let claim = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .starts_with("The bridge stays shut")
        })
        .unwrap();
    let urls: Vec<&str> = claim["appearance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "https://lantern.example/wire-1?a=1&b=2",
            "https://lantern.example/copy-2?a=1&b=2",
            "https://lantern.example/blog-3?a=1&b=2"
        ]
    );
    assert_eq!(claim["firstAppearance"], claim["appearance"][0]);
    // Two speakers: a person and a ministry.
    let authors: Vec<&str> = claim["author"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["@type"].as_str().unwrap())
        .collect();
    assert_eq!(
        authors.iter().collect::<BTreeSet<_>>(),
        ["Organization", "Person"].iter().collect()
    );
}
