//! The graph built an item at a time and merged by id, for a job that never holds the run in
//! one place: each item's nodes and edges ([`item_parts`]), each link's edge ([`link_part`]),
//! then every part of one id merged ([`NodePart::merge`], [`EdgePart::merge`]) in any order
//! and grouping, which gives the node or edge [`build_graph`](super::build_graph) gives.
//!
//! What the build decides across items, and how each part carries it:
//!
//! - which items are one node and which are versions of one: [`item_keys`], the build's own
//!   rule (`items::keyed`) on the facts of the items sharing a key ([`key_facts`]);
//! - a date earlier than the source an item copies: [`link_part`], where both items are;
//! - a node added by many items shows each field's most frequent form: each part carries the
//!   count of every form it was given (`Forms`), and counts add up;
//! - of an edge added twice the first evidence wins, the build's order being items in the
//!   run's order (then quotation variants, links by copy and source, versions): each part
//!   carries where it stands in that order, and a merge keeps the earlier;
//! - a claim's `said_by` edge counts the items attributing it: counts add up;
//! - a quotation's `variant_of` edge stands only if its original is a claim of the run: the
//!   part names the node it needs ([`EdgePart::needs`]).
//!
//! [`key_facts`]: super::key_facts

use super::items::{KeyFacts, keyed};
use super::{
    BuildOptions, add_item, add_notes, date_notes, link_edge, link_sentences, source_warning,
    variant_edge, version_edge, version_notes,
};
use crate::dates::DateCheck;
use crate::extract::ClaimMention;
use crate::item::Item;
use crate::link::ItemLink;
use crate::model::ids::node_id;
use crate::model::{Edge, EdgeKind, Forms, Graph, Node, merge_node};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// Where a part stands in the order the build adds things in: (phase, index, then the place
/// within it). Items come first (an item's index), then quotation variants (the item, the
/// variant's place among its claims), links (copy, source: `graph_of_linked` takes them in
/// that order), versions (the later version).
type Order = (u8, u64, u64);
const ITEMS: u8 = 0;
const VARIANTS: u8 = 1;
const LINKS: u8 = 2;
const VERSIONS: u8 = 3;

/// A node as one item (or several, merged) adds it, before its fields settle.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NodePart {
    order: Order,
    node: Node,
    forms: Forms,
}

impl NodePart {
    /// The node's id: parts of one id are merged.
    pub fn id(&self) -> Uuid {
        self.node.id
    }

    /// The two parts of one node as one, in either order: the earlier part's fields, names
    /// and aliases united, forms counted together.
    pub fn merge(self, other: NodePart) -> NodePart {
        let (mut into, from) = if self.order <= other.order {
            (self, other)
        } else {
            (other, self)
        };
        into.forms.merge(from.forms);
        merge_node(&mut into.node, from.node);
        into
    }

    /// The node, once every part of it is merged: each field its most frequent form.
    pub fn finish(self) -> Node {
        let mut node = self.node;
        Graph::settle_node(&mut node, &self.forms);
        node
    }
}

/// An edge as one item or link adds it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EdgePart {
    order: Order,
    edge: Edge,
    /// A node the edge stands on only if some item made it (a variant's original).
    needs: Option<Uuid>,
}

impl EdgePart {
    /// The edge's id: parts of one id are merged.
    pub fn id(&self) -> Uuid {
        self.edge.id
    }

    /// The node that must be in the graph for the edge to be (a quotation variant's original
    /// wording); None when its ends are made with it.
    pub fn needs(&self) -> Option<Uuid> {
        self.needs
    }

    /// The two parts of one edge as one, in either order: the earlier's evidence, a claim's
    /// items attributing it to a speaker added up.
    pub fn merge(self, other: EdgePart) -> EdgePart {
        let (mut into, from) = if self.order <= other.order {
            (self, other)
        } else {
            (other, self)
        };
        if into.edge.kind == EdgeKind::SaidBy {
            let n = from.edge.detail().items.unwrap_or(0);
            *into.edge.detail_mut().items.get_or_insert(0) += n;
        }
        into
    }

    /// The edge, once every part of it is merged.
    pub fn finish(self) -> Edge {
        self.edge
    }
}

/// How the build keys one item: its node's key, whether another capture stands for it, and
/// the notes and edge of versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemKeyed {
    /// The item's index in the run.
    pub index: usize,
    /// Its node's key.
    pub key: String,
    /// The item whose node stands for this one (the same text under the same key).
    pub same_as: Option<usize>,
    /// Notes on versions, added to its warnings.
    notes: Vec<String>,
    /// Of a later version: the first version's key and what they share ("URL", "record id").
    version_of: Option<(String, String)>,
}

/// How the build keys each item of `facts` ([`key_facts`](super::key_facts), any order): the
/// whole run, or the items of one [`KeyFacts::key`] (those of other keys change nothing).
/// In order of index.
pub fn item_keys(mut facts: Vec<KeyFacts>) -> Vec<ItemKeyed> {
    facts.sort_by_key(|f| f.index);
    let index: Vec<usize> = facts.iter().map(|f| f.index).collect();
    let k = keyed(facts);
    let mut out: Vec<ItemKeyed> = index
        .iter()
        .zip(k.keys)
        .zip(&k.same_as)
        .map(|((&i, key), same)| ItemKeyed {
            index: i,
            key,
            same_as: same.map(|j| index[j]),
            notes: Vec::new(),
            version_of: None,
        })
        .collect();
    for v in &k.versions {
        let (first, later) = version_notes(v.shared);
        out[v.first].notes.push(first);
        out[v.later].notes.push(later);
        out[v.later].version_of = Some((out[v.first].key.clone(), v.shared.to_string()));
    }
    out
}

/// What a link adds: its edge (none between two captures that are one node) and the warning
/// its copy gets when dated before its source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkPart {
    /// The copy's index: the warning is its.
    pub copy: usize,
    /// The link's edge.
    pub edge: Option<EdgePart>,
    /// The copy's warning, if any.
    pub warning: Option<String>,
}

/// The part of `link`, given its copy and source items with their node keys
/// ([`ItemKeyed::key`]).
pub fn link_part(link: &ItemLink, copy: (&Item, &str), source: (&Item, &str)) -> LinkPart {
    let sentences = link_sentences(link, copy.0, source.0);
    let (c, s) = (node_id("item", copy.1), node_id("item", source.1));
    let order = (LINKS, link.copy as u64, link.source as u64);
    LinkPart {
        copy: link.copy,
        edge: link_edge(link, c, s, sentences).map(|edge| EdgePart {
            order,
            edge,
            needs: None,
        }),
        warning: source_warning(&DateCheck::default(), link, copy.0, source.0),
    }
}

/// The nodes and edges one item adds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ItemParts {
    /// Its node, its outlets, dates, speakers and claims.
    pub nodes: Vec<NodePart>,
    /// Their edges, its quotations' variants, its version edge.
    pub edges: Vec<EdgePart>,
}

/// The parts of one item: `claims` its claims as `graph_of_linked` builds them (speakers
/// applied, variants marked), `keyed` from [`item_keys`], `from_links` the warnings of its
/// links' parts ([`LinkPart::warning`] where it is the copy, any order). Nothing for an item
/// another capture stands for.
pub fn item_parts(
    mut item: Item,
    claims: Vec<ClaimMention>,
    keyed: &ItemKeyed,
    from_links: Vec<String>,
    opts: BuildOptions,
) -> ItemParts {
    if keyed.same_as.is_some() {
        return ItemParts::default();
    }
    let mut notes = date_notes(&DateCheck::default(), &item, from_links);
    notes.extend(keyed.notes.iter().cloned());
    add_notes(&mut item, notes);
    let id = node_id("item", &keyed.key);
    let mut g = Graph::new();
    let mut variants = Vec::new();
    let excerpt = item.excerpt();
    add_item(&mut g, item, id, excerpt, claims, opts, &mut variants);
    let index = keyed.index as u64;
    let order = (ITEMS, index, 0);
    let (nodes, edges) = g.into_unsettled();
    let mut parts = ItemParts {
        nodes: nodes
            .into_iter()
            .map(|(node, forms)| NodePart { order, node, forms })
            .collect(),
        edges: edges
            .into_iter()
            .map(|edge| EdgePart {
                order,
                edge,
                needs: None,
            })
            .collect(),
    };
    for (seq, (changed, v)) in variants.into_iter().enumerate() {
        if let Some((edge, original)) = variant_edge(changed, &v) {
            parts.edges.push(EdgePart {
                order: (VARIANTS, index, seq as u64),
                edge,
                needs: Some(original),
            });
        }
    }
    if let Some((first, shared)) = &keyed.version_of {
        parts.edges.push(EdgePart {
            order: (VERSIONS, index, 0),
            edge: version_edge(id, node_id("item", first), shared),
            needs: None,
        });
    }
    parts
}

/// The graph of merged parts: each node and edge finished, the edges whose needed node no
/// part made left out. What `read_parts` reads of parts written from them.
pub fn graph_of_parts(nodes: Vec<NodePart>, edges: Vec<EdgePart>) -> Graph {
    let mut g = Graph::new();
    let ids: HashSet<Uuid> = nodes.iter().map(NodePart::id).collect();
    for n in nodes {
        g.upsert_node(n.finish());
    }
    for e in edges {
        if e.needs.is_none_or(|n| ids.contains(&n)) {
            g.add_edge(e.finish());
        }
    }
    g
}
