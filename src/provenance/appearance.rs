//! Where a claim appeared: every item that contains it, earliest first, and so its first
//! appearance. One answer for the report's "first appeared in" and schema.org's
//! `firstAppearance` in the Claim export.

use crate::model::{EdgeKind, Graph, Node, NodeData};
use uuid::Uuid;

/// The items containing the claim `claim`, earliest first: dated items by publication date, then
/// undated ones, ties by id, so the order is the same whatever the input order.
pub fn appearances(g: &Graph, claim: Uuid) -> Vec<&Node> {
    let mut items: Vec<&Node> = g
        .edges_to(claim)
        .filter(|e| e.kind == EdgeKind::Contains)
        .filter_map(|e| g.node(e.source))
        .collect();
    items.sort_by_key(|n| {
        let published = match &n.data {
            NodeData::Item(i) => i.published,
            _ => None,
        };
        (published.is_none(), published, n.id)
    });
    items.dedup_by_key(|n| n.id);
    items
}

/// The claim's first appearance: the earliest-dated item that contains it (undated items come
/// after dated ones, ties go to the smaller id); None for a claim no item contains.
pub fn first_appearance(g: &Graph, claim: Uuid) -> Option<&Node> {
    appearances(g, claim).into_iter().next()
}
