//! Where an item came from, as a graph: every item it was copied from, theirs in turn, and the
//! first known sources where the walk ends. A copy of two sources has two parents; a story that
//! reached it through two copies has one source reached twice.

use super::shown::{CopyEvidence, ItemRef, item_ref, same_text_with, target_labels};
use crate::model::{Edge, EdgeKind, Graph};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

/// An item on the way back from a copy to its first known sources.
#[derive(Debug, Serialize)]
pub struct SourceNode {
    /// The item.
    pub item: ItemRef,
    /// Whether it was copied from no item among the inputs: a first known source.
    pub first_known: bool,
    /// The outlets it credits other than its own: of a first known source, where the story was
    /// before it, not among the inputs (a news agency, whose story it carries).
    pub credits: Vec<String>,
    /// Of a first known source, the items it shares text with, neither shown to be the other's
    /// source (two outlets carrying one wire story).
    pub same_text: Vec<ItemRef>,
}

/// One copy step: `copy` was copied from `source`.
#[derive(Debug, Serialize)]
pub struct SourceStep {
    /// The copy's id.
    pub copy: Uuid,
    /// The id of the item it was copied from.
    pub source: Uuid,
    /// The evidence of the step.
    pub how: CopyEvidence,
}

/// An item's way back to its first known sources, as [`repost_dag`] finds it.
#[derive(Debug, Serialize)]
pub struct RepostDag {
    /// The item asked about.
    pub item: Uuid,
    /// Every item on the way, the item asked about first, then as a walk from it meets them
    /// (each item's sources by confidence, then id).
    pub nodes: Vec<SourceNode>,
    /// Every copy step among them, in the order of the walk.
    pub edges: Vec<SourceStep>,
}

impl RepostDag {
    /// The first known sources: the items of the walk copied from no item among the inputs
    /// (the item asked about alone, when it is no copy).
    pub fn first_known_sources(&self) -> impl Iterator<Item = &SourceNode> {
        self.nodes.iter().filter(|n| n.first_known)
    }

    /// The steps from `id` to the items it was copied from.
    pub fn sources_of(&self, id: Uuid) -> impl Iterator<Item = &SourceStep> {
        self.edges.iter().filter(move |e| e.copy == id)
    }
}

/// Whether the walk ends at `at` for the outlets it credits: it credits an outlet other than
/// its own, and `next` is neither that outlet's item nor one crediting it, so the credited
/// original is not among the inputs (a Daily Mail copy crediting AP, linked by dates alone to
/// ABC's copy of the same wire story, came from AP, not from ABC).
fn credit_ends_walk(g: &Graph, at: Uuid, next: Uuid) -> bool {
    let own = item_ref(g, at).outlet;
    let credited: Vec<String> = target_labels(g, at, EdgeKind::Credits)
        .into_iter()
        .filter(|c| Some(c) != own.as_ref())
        .collect();
    if credited.is_empty() {
        return false;
    }
    let next_outlet = item_ref(g, next).outlet;
    let next_credits = target_labels(g, next, EdgeKind::Credits);
    !credited
        .iter()
        .any(|c| Some(c) == next_outlet.as_ref() || next_credits.contains(c))
}

/// Whether an edge says its source item came from its target: copied or rewritten from it.
pub(crate) fn derived_from(e: &Edge) -> bool {
    matches!(e.kind, EdgeKind::Reposts | EdgeKind::Rewrites)
}

/// The item `id` came from: every `reposts` or `rewrites` edge from it and from every item
/// reached that way,
/// each step with its evidence, to the items copied from nothing among the inputs (the first
/// known sources), with what those credit and share text with. The walk does not go past an
/// item crediting an outlet whose original is not among the inputs: the credit is its origin.
///
/// ```
/// use claimtrace::{BuildOptions, NoProgress, ReadSettings};
///
/// let records = std::fs::read_to_string("examples/reposts.jsonl")?;
/// let items = claimtrace::items_from_records("reposts.jsonl", &records, &ReadSettings::default())?;
/// let graph = claimtrace::graph_of_items(items, BuildOptions::default(), &NoProgress);
/// let lantern = claimtrace::find_item(&graph, "lantern-88")?;
/// let dag = claimtrace::repost_dag(&graph, lantern);
/// // The blog reposted the Gazette, which carried the wire's report.
/// assert_eq!(dag.nodes.len(), 3);
/// assert_eq!(dag.first_known_sources().count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn repost_dag(g: &Graph, id: Uuid) -> RepostDag {
    let mut order: Vec<Uuid> = Vec::new();
    let mut seen: HashMap<Uuid, usize> = HashMap::new();
    let mut edges = Vec::new();
    let mut stack = vec![id];
    seen.insert(id, 0);
    // Depth first, so that the text answer nests each source under its copy.
    while let Some(at) = stack.pop() {
        order.push(at);
        let mut out: Vec<_> = g
            .edges_from(at)
            .filter(|e| derived_from(e) && !credit_ends_walk(g, at, e.target))
            .collect();
        out.sort_by(|a, b| {
            let c = |e: &crate::model::Edge| e.detail().confidence.unwrap_or(0.0);
            c(b).total_cmp(&c(a)).then(a.target.cmp(&b.target))
        });
        for e in &out {
            edges.push(SourceStep {
                copy: at,
                source: e.target,
                how: CopyEvidence::of(e),
            });
        }
        for e in out.iter().rev() {
            if !seen.contains_key(&e.target) {
                seen.insert(e.target, seen.len());
                stack.push(e.target);
            }
        }
    }
    let nodes = order
        .iter()
        .map(|&n| {
            let first_known = !edges.iter().any(|e| e.copy == n);
            let item = item_ref(g, n);
            let mut credits = target_labels(g, n, EdgeKind::Credits);
            credits.retain(|c| Some(c) != item.outlet.as_ref());
            let same_text = if first_known {
                same_text_with(g, n)
            } else {
                Vec::new()
            };
            SourceNode {
                item,
                first_known,
                credits,
                same_text,
            }
        })
        .collect();
    RepostDag {
        item: id,
        nodes,
        edges,
    }
}
