//! The chain of reposts from a copy back to its first known source.

use super::shown::{CopyEvidence, ItemRef, item_ref, same_text_with, target_labels};
use crate::model::{Edge, EdgeKind, Graph};
use serde::Serialize;
use uuid::Uuid;

/// One step of a repost chain: an item, and how it was copied from the next one.
#[derive(Debug, Serialize)]
pub struct ChainStep {
    /// The item.
    pub item: ItemRef,
    /// How it was copied from the next item of the chain; `None` on the last.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copied_from_next: Option<CopyEvidence>,
}

/// A copy's way back to its first known source, as [`repost_chain`] finds it.
#[derive(Debug, Serialize)]
pub struct RepostChain {
    /// From the item asked about to its first known source; one step when it is not shown to
    /// be a copy.
    pub chain: Vec<ChainStep>,
    /// Outlets the first known source credits: where the story came from before it.
    pub credited: Vec<String>,
    /// Items that share text with the first known source without a shown direction.
    pub same_text: Vec<ItemRef>,
}

/// Whether an edge says its source item came from its target: copied or rewritten from it.
pub(crate) fn derived_from(e: &Edge) -> bool {
    matches!(e.kind, EdgeKind::Reposts | EdgeKind::Rewrites)
}

/// The source an item was copied or rewritten from: its reposts or rewrites edge of highest
/// confidence.
fn source_of(g: &Graph, id: Uuid) -> Option<&Edge> {
    g.edges_from(id).filter(|e| derived_from(e)).max_by(|a, b| {
        a.detail()
            .confidence
            .unwrap_or(0.0)
            .total_cmp(&b.detail().confidence.unwrap_or(0.0))
            .then(b.target.cmp(&a.target))
    })
}

/// The chain of reposts from item `id` to its first known source, each step with its evidence:
/// at every item the `reposts` or `rewrites` edge of highest confidence is followed, never back to an item
/// already on the chain. Where that source credits an outlet other than the first item's, the
/// story came from there before it (`credited`).
///
/// ```
/// use claimtrace::{BuildOptions, NoProgress, ReadSettings};
///
/// let records = std::fs::read_to_string("examples/reposts.jsonl")?;
/// let items = claimtrace::items_from_records("reposts.jsonl", &records, &ReadSettings::default())?;
/// let graph = claimtrace::graph_of_items(items, BuildOptions::default(), &NoProgress);
/// let lantern = claimtrace::find_item(&graph, "lantern-88")?;
/// let chain = claimtrace::repost_chain(&graph, lantern);
/// // The blog reposted the Gazette, which carried the wire's report.
/// assert_eq!(chain.chain.len(), 3);
/// assert!(chain.chain[0].copied_from_next.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn repost_chain(g: &Graph, id: Uuid) -> RepostChain {
    let mut chain = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut at = id;
    loop {
        seen.insert(at);
        let next = source_of(g, at).filter(|e| !seen.contains(&e.target));
        chain.push(ChainStep {
            item: item_ref(g, at),
            copied_from_next: next.map(CopyEvidence::of),
        });
        match next {
            Some(e) => at = e.target,
            None => break,
        }
    }
    let own = chain
        .first()
        .and_then(|l| l.item.outlet.clone())
        .unwrap_or_default();
    let mut credited = target_labels(g, at, EdgeKind::Credits);
    credited.retain(|c| *c != own);
    let same = same_text_with(g, at);
    RepostChain {
        chain,
        credited,
        same_text: same,
    }
}
