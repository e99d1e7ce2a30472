//! The graph model: nodes and edges of the public contract, held in a petgraph `StableGraph`.
//!
//! The JSON form is specified by `schemas/graph.schema.json`; `SCHEMA_VERSION` is bumped with
//! every change to it.

mod edge;
mod forms;
pub(crate) mod ids;
mod node;

pub use edge::{Edge, EdgeDetail, EdgeKind};
pub use node::{ClaimNode, DateNode, ItemNode, NodeData, NodeKind, OutletNode, SpeakerNode};

pub(crate) use forms::Forms;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use rayon::slice::ParallelSliceMut;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use uuid::Uuid;

/// Name of the contract, written as `"schema"` in every export.
pub const SCHEMA_NAME: &str = "claimtrace-graph";
/// Version of the contract; bump with every change to schemas/graph.schema.json.
pub const SCHEMA_VERSION: u32 = 3;

/// A node of the graph.
#[derive(Debug, Clone)]
pub struct Node {
    /// UUIDv5 of its kind and canonical key.
    pub id: Uuid,
    /// Its kind (the kind of `data`).
    pub kind: NodeKind,
    /// Its fields.
    pub data: NodeData,
}

impl Node {
    /// A node of `data`'s kind.
    pub(crate) fn new(id: Uuid, data: NodeData) -> Node {
        Node {
            id,
            kind: data.kind(),
            data,
        }
    }

    /// A short readable name for displays, derived from the node's fields rather than stored:
    /// an item's title (else its excerpt's start), a name, a claim's start, a date.
    pub fn label(&self) -> Cow<'_, str> {
        match &self.data {
            NodeData::Item(i) => match &i.title {
                Some(t) => Cow::Borrowed(t.as_str()),
                None => Cow::Owned(crate::vocab::excerpt(&i.excerpt, 60)),
            },
            NodeData::Outlet(o) => Cow::Borrowed(&o.name),
            NodeData::Speaker(s) => Cow::Borrowed(&s.name),
            NodeData::Claim(c) => Cow::Owned(crate::vocab::excerpt(&c.text, 80)),
            NodeData::Date(d) => Cow::Borrowed(&d.date),
        }
    }
}

impl Serialize for Node {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Repr<'a> {
            #[serde(serialize_with = "ids::serialize_id")]
            id: &'a Uuid,
            kind: NodeKind,
            label: Cow<'a, str>,
            #[serde(flatten)]
            data: &'a NodeData,
        }
        Repr {
            id: &self.id,
            kind: self.kind,
            label: self.label(),
            data: &self.data,
        }
        .serialize(s)
    }
}

/// A node as the JSON export writes it, read back (partitioned graph files, `read_parts`): its
/// `kind` says which fields follow; `label` is derived, so it is not read.
impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        use serde::de::Error;
        #[derive(Deserialize)]
        struct Repr {
            id: Uuid,
            kind: NodeKind,
            #[serde(flatten)]
            fields: serde_json::Map<String, serde_json::Value>,
        }
        let r = Repr::deserialize(d)?;
        let fields = serde_json::Value::Object(r.fields);
        let data = match r.kind {
            NodeKind::Item => serde_json::from_value(fields).map(|i| NodeData::Item(Box::new(i))),
            NodeKind::Outlet => serde_json::from_value(fields).map(NodeData::Outlet),
            NodeKind::Speaker => serde_json::from_value(fields).map(NodeData::Speaker),
            NodeKind::Claim => serde_json::from_value(fields).map(NodeData::Claim),
            NodeKind::Date => serde_json::from_value(fields).map(NodeData::Date),
        }
        .map_err(|e| D::Error::custom(format!("{} node: {e}", r.kind.as_str())))?;
        Ok(Node::new(r.id, data))
    }
}

/// The provenance graph. Nodes and edges are unique by id: adding one twice merges it.
#[derive(Debug, Default)]
pub struct Graph {
    inner: StableDiGraph<Node, Edge>,
    /// Each node's place in `inner`. Ids are SHA-1 digests, so a fast hash loses nothing; no
    /// output depends on the maps' order.
    nodes: FxHashMap<Uuid, NodeIndex>,
    /// The forms of the fields of nodes added more than once, until `settle_forms`.
    forms: FxHashMap<Uuid, Forms>,
}

impl Graph {
    /// An empty graph.
    pub(crate) fn new() -> Graph {
        Graph::default()
    }

    /// How many nodes it has.
    pub fn node_count(&self) -> usize {
        self.inner.node_count()
    }

    /// How many edges it has.
    pub fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// The node of `id`.
    pub fn node(&self, id: Uuid) -> Option<&Node> {
        self.nodes.get(&id).map(|&ix| &self.inner[ix])
    }

    /// The node of `id`, to change.
    pub(crate) fn node_mut(&mut self, id: Uuid) -> Option<&mut Node> {
        self.nodes.get(&id).map(|&ix| &mut self.inner[ix])
    }

    /// Adds `node`, or merges it into the node already there with its id: aliases and roles are
    /// united, and fields the existing node lacks are filled in. Which form of a field the
    /// merged node shows is settled by `settle_forms`, once every node is in.
    pub(crate) fn upsert_node(&mut self, node: Node) -> Uuid {
        let id = node.id;
        match self.nodes.get(&id) {
            Some(&ix) => {
                let into = &mut self.inner[ix];
                let forms = self
                    .forms
                    .entry(id)
                    .or_insert_with(|| Forms::of(&into.data));
                forms.add(&node.data);
                merge_node(into, node);
            }
            None => {
                let ix = self.inner.add_node(node);
                self.nodes.insert(id, ix);
            }
        }
        id
    }

    /// Sets each field of every node added more than once to its most frequent form, ties to
    /// the first in byte order: the same inputs in any order give the same graph.
    pub(crate) fn settle_forms(&mut self) {
        for (id, forms) in std::mem::take(&mut self.forms) {
            if let Some(&ix) = self.nodes.get(&id) {
                forms.settle(&mut self.inner[ix].data);
            }
        }
    }

    /// Adds `edge` between two nodes already in the graph. An edge of the same kind between the
    /// same ends (so the same id) is kept as it was: the first evidence wins, and inputs are
    /// processed in a fixed order.
    ///
    /// Panics if an end is missing: builders add nodes before edges.
    pub(crate) fn add_edge(&mut self, edge: Edge) -> Uuid {
        let id = edge.id;
        let s = self.nodes[&edge.source];
        let t = self.nodes[&edge.target];
        // Looked up through the source's adjacency rather than an id index: sources (items,
        // claims) have few edges, and an index would cost more memory than the edges themselves.
        if self
            .inner
            .edges_connecting(s, t)
            .any(|e| e.weight().kind == edge.kind)
        {
            return id;
        }
        self.inner.add_edge(s, t, edge);
        id
    }

    /// The graph taken apart before its forms are settled: each node with the forms its
    /// fields were given in (a node added once, its own), and each edge. What a job merges
    /// across machines (`build::parts_of`).
    pub(crate) fn into_unsettled(self) -> (Vec<(Node, Forms)>, Vec<Edge>) {
        let Graph {
            inner, mut forms, ..
        } = self;
        let (nodes, edges) = inner.into_nodes_edges_iters();
        let edges = edges.map(|e| e.weight).collect();
        let nodes = nodes
            .map(|n| n.weight)
            .map(|n| {
                let f = forms.remove(&n.id).unwrap_or_else(|| Forms::of(&n.data));
                (n, f)
            })
            .collect();
        (nodes, edges)
    }

    /// Sets `data`'s fields to the most frequent of `forms`, as `settle_forms` does for a node
    /// added more than once (a node added once is its own most frequent form).
    pub(crate) fn settle_node(node: &mut Node, forms: &Forms) {
        forms.settle(&mut node.data);
    }

    /// Nodes sorted by id: the order every export writes them in.
    pub fn sorted_nodes(&self) -> Vec<&Node> {
        // Sorting (id, node) pairs keeps the comparisons in one array instead of chasing a
        // pointer per comparison: at a million nodes that is most of the sort's time.
        // Ids are unique, so the unstable sort has one answer, on any number of cores.
        let mut v: Vec<(Uuid, &Node)> = self.inner.node_weights().map(|n| (n.id, n)).collect();
        v.par_sort_unstable_by_key(|p| p.0);
        v.into_iter().map(|p| p.1).collect()
    }

    /// Edges sorted by id: the order every export writes them in.
    pub fn sorted_edges(&self) -> Vec<&Edge> {
        let mut v: Vec<(Uuid, &Edge)> = self.inner.edge_weights().map(|e| (e.id, e)).collect();
        v.par_sort_unstable_by_key(|p| p.0);
        v.into_iter().map(|p| p.1).collect()
    }

    /// Edges leaving `id`.
    pub fn edges_from(&self, id: Uuid) -> impl Iterator<Item = &Edge> {
        let ix = self.nodes.get(&id).copied();
        ix.into_iter().flat_map(move |ix| {
            self.inner
                .edges_directed(ix, petgraph::Direction::Outgoing)
                .map(|e| e.weight())
        })
    }

    /// The edge of `kind` from `source` to `target`, to change.
    pub(crate) fn edge_mut(
        &mut self,
        source: Uuid,
        target: Uuid,
        kind: EdgeKind,
    ) -> Option<&mut Edge> {
        let (s, t) = (*self.nodes.get(&source)?, *self.nodes.get(&target)?);
        let e = self
            .inner
            .edges_connecting(s, t)
            .find(|e| e.weight().kind == kind)?
            .id();
        self.inner.edge_weight_mut(e)
    }

    /// Edges arriving at `id`.
    pub fn edges_to(&self, id: Uuid) -> impl Iterator<Item = &Edge> {
        let ix = self.nodes.get(&id).copied();
        ix.into_iter().flat_map(move |ix| {
            self.inner
                .edges_directed(ix, petgraph::Direction::Incoming)
                .map(|e| e.weight())
        })
    }

    /// The petgraph graph, for algorithms.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.inner
    }

    /// A copy of the nodes `keep` accepts and of the edges between two of them: one story of
    /// a large graph, or a picture of some kinds only. Ids are unchanged.
    pub fn subgraph(&self, mut keep: impl FnMut(&Node) -> bool) -> Graph {
        let mut g = Graph::new();
        for n in self.sorted_nodes() {
            if keep(n) {
                g.upsert_node(n.clone());
            }
        }
        for e in self.sorted_edges() {
            if g.nodes.contains_key(&e.source) && g.nodes.contains_key(&e.target) {
                g.add_edge(e.clone());
            }
        }
        g
    }
}

fn merge_list(into: &mut Vec<String>, from: Vec<String>) {
    for s in from {
        if !into.contains(&s) {
            into.push(s);
        }
    }
    into.sort();
}

/// Merges `from` into `into`, a node of the same id: names and aliases united, fields `into`
/// lacks filled in (which form shows is `Forms::settle`'s).
pub(crate) fn merge_node(into: &mut Node, from: Node) {
    match (&mut into.data, from.data) {
        (NodeData::Outlet(a), NodeData::Outlet(b)) => {
            if b.name != a.name {
                merge_list(&mut a.aliases, vec![b.name]);
            }
            merge_list(&mut a.aliases, b.aliases);
            a.aliases.retain(|x| *x != a.name);
            if a.domain.is_none() {
                a.domain = b.domain;
            }
        }
        (NodeData::Speaker(a), NodeData::Speaker(b)) => {
            if b.name != a.name {
                merge_list(&mut a.aliases, vec![b.name]);
            }
            merge_list(&mut a.aliases, b.aliases);
            a.aliases.retain(|x| *x != a.name);
            merge_list(&mut a.roles, b.roles);
        }
        (NodeData::Claim(a), NodeData::Claim(b)) if a.language.is_none() => {
            a.language = b.language;
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlet(name: &str, domain: Option<&str>) -> Node {
        Node::new(
            ids::node_id("outlet", &crate::vocab::canonical_key("Sputnik")),
            NodeData::Outlet(OutletNode {
                name: name.into(),
                aliases: vec![],
                domain: domain.map(str::to_owned),
            }),
        )
    }

    #[test]
    fn upsert_merges_same_id() {
        let mut g = Graph::new();
        let a = g.upsert_node(outlet("Sputnik", None));
        let b = g.upsert_node(outlet("Sputnik News", Some("sputniknews.com")));
        assert_eq!(a, b);
        assert_eq!(g.node_count(), 1);
        let NodeData::Outlet(o) = &g.node(a).unwrap().data else {
            panic!("not an outlet")
        };
        assert_eq!(o.aliases, vec!["Sputnik News".to_string()]);
        assert_eq!(o.domain.as_deref(), Some("sputniknews.com"));
    }

    #[test]
    fn edges_are_unique_by_kind_and_ends() {
        let mut g = Graph::new();
        let a = g.upsert_node(outlet("Sputnik", None));
        let d = g.upsert_node(Node::new(
            ids::node_id("date", "2020-09-19"),
            NodeData::Date(DateNode {
                date: "2020-09-19".into(),
            }),
        ));
        g.add_edge(Edge::new(EdgeKind::PublishedOn, a, d));
        g.add_edge(Edge::new(EdgeKind::PublishedOn, a, d));
        g.add_edge(Edge::new(EdgeKind::Credits, a, d));
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.edges_from(a).count(), 2);
        assert_eq!(g.edges_to(d).count(), 2);
        let ids: Vec<_> = g.sorted_edges().iter().map(|e| e.id).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn subgraph_keeps_the_edges_between_kept_nodes() {
        let mut g = Graph::new();
        let a = g.upsert_node(outlet("Sputnik", None));
        let d = g.upsert_node(Node::new(
            ids::node_id("date", "2020-09-19"),
            NodeData::Date(DateNode {
                date: "2020-09-19".into(),
            }),
        ));
        g.add_edge(Edge::new(EdgeKind::PublishedOn, a, d));
        let both = g.subgraph(|_| true);
        assert_eq!((both.node_count(), both.edge_count()), (2, 1));
        let outlets = g.subgraph(|n| n.kind == NodeKind::Outlet);
        assert_eq!((outlets.node_count(), outlets.edge_count()), (1, 0));
        assert!(outlets.node(a).is_some());
    }
}
