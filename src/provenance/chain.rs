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

/// The source an item was copied from: its reposts edge of highest confidence.
fn source_of(g: &Graph, id: Uuid) -> Option<&Edge> {
    g.edges_from(id)
        .filter(|e| e.kind == EdgeKind::Reposts)
        .max_by(|a, b| {
            a.detail()
                .confidence
                .unwrap_or(0.0)
                .total_cmp(&b.detail().confidence.unwrap_or(0.0))
                .then(b.target.cmp(&a.target))
        })
}

/// Whether the chain ends at `at` for the outlets it credits: it credits an outlet other than
/// its own, and `next` is neither that outlet's item nor one crediting it, so the credited
/// original is not among the inputs (a Daily Mail copy crediting AP, linked by dates alone to
/// ABC's copy of the same wire story, came from AP, not from ABC).
fn credit_ends_chain(g: &Graph, at: Uuid, next: Uuid) -> bool {
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

/// The chain of reposts from item `id` to its first known source, each step with its evidence:
/// at every item the `reposts` edge of highest confidence is followed, never back to an item
/// already on the chain, and not past an item that credits an outlet whose original is not
/// among the inputs. Where that source credits an outlet other than the first item's, the
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
        let next = source_of(g, at)
            .filter(|e| !seen.contains(&e.target) && !credit_ends_chain(g, at, e.target));
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
