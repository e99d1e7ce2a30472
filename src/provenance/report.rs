//! Every item's provenance in words: what it copies, who copied it, what it credits, whom it
//! quotes and where each of its claims first appeared.

use super::chain::{derived_from, repost_chain};
use super::shown::{CopyEvidence, ItemRef, item_ref, same_text_with, target_labels};
use crate::model::{EdgeKind, Graph, NodeData};
use serde::Serialize;
use uuid::Uuid;

/// An item another was copied from, and how.
#[derive(Debug, Serialize)]
pub struct CopyOf {
    /// The item copied from.
    pub item: ItemRef,
    /// The evidence of the copy.
    pub how: CopyEvidence,
}

/// One claim of an item and the earliest item among the inputs that holds it.
#[derive(Debug, Serialize)]
pub struct ClaimFirstSeen {
    /// The claim's text (at most 120 characters).
    pub claim: String,
    /// Who made it.
    pub speaker: Option<String>,
    /// The earliest item among the inputs that holds the claim (undated items last).
    pub first_in: ItemRef,
}

/// The provenance of one item, as [`report_item`] tells it.
#[derive(Debug, Serialize)]
pub struct ItemReport {
    /// The item.
    pub item: ItemRef,
    /// All of the below in a few sentences.
    pub summary: String,
    /// The items it was copied or rewritten from.
    pub copy_of: Vec<CopyOf>,
    /// The items copied or rewritten from it.
    pub copied_by: Vec<ItemRef>,
    /// The items it shares text with, neither shown to be the other's source.
    pub same_text: Vec<ItemRef>,
    /// The outlets it credits.
    pub credits: Vec<String>,
    /// The end of its chain of reposts, when it is a copy.
    pub first_known_source: Option<ItemRef>,
    /// Outlets that first known source credits.
    pub credited_by_source: Vec<String>,
    /// The speakers of its claims.
    pub quotes: Vec<String>,
    /// Its claims and where each first appeared, sorted by text.
    pub claims: Vec<ClaimFirstSeen>,
}

/// The ids of the graph's items, by date (undated first), then label, then id.
fn item_ids(g: &Graph) -> Vec<Uuid> {
    let mut v: Vec<(Option<String>, String, Uuid)> = g
        .sorted_nodes()
        .into_iter()
        .filter_map(|n| match &n.data {
            NodeData::Item(it) => Some((
                it.published.map(|d| d.to_string()),
                n.label().into_owned(),
                n.id,
            )),
            _ => None,
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, _, id)| id).collect()
}

fn published(g: &Graph, id: Uuid) -> Option<String> {
    match g.node(id).map(|n| &n.data) {
        Some(NodeData::Item(it)) => it.published.map(|d| d.to_string()),
        _ => None,
    }
}

/// The provenance of item `id`: what it is a copy of (with the evidence), who copied it, what it
/// shares text with, what it credits, its first known source ([`repost_chain`]) and what that
/// credits, whom it quotes, where each of its claims first appeared, and a summary in words.
pub fn report_item(g: &Graph, id: Uuid) -> ItemReport {
    let mut copy_of: Vec<CopyOf> = g
        .edges_from(id)
        .filter(|e| derived_from(e))
        .map(|e| CopyOf {
            item: item_ref(g, e.target),
            how: CopyEvidence::of(e),
        })
        .collect();
    copy_of.sort_by_key(|c| c.item.id);
    let mut copied_by: Vec<ItemRef> = g
        .edges_to(id)
        .filter(|e| derived_from(e))
        .map(|e| item_ref(g, e.source))
        .collect();
    copied_by.sort_by_key(|r| r.id);
    let same_text = same_text_with(g, id);
    let credits = target_labels(g, id, EdgeKind::Credits);
    let chain = repost_chain(g, id);
    let first_known_source = (chain.chain.len() > 1)
        .then(|| chain.chain.last().map(|l| l.item.clone()))
        .flatten();
    let credited_by_source = if first_known_source.is_some() {
        chain.credited.clone()
    } else {
        Vec::new()
    };

    let mut quotes = Vec::new();
    let mut claims = Vec::new();
    for e in g.edges_from(id).filter(|e| e.kind == EdgeKind::Contains) {
        let Some(NodeData::Claim(c)) = g.node(e.target).map(|n| &n.data) else {
            continue;
        };
        let speaker = target_labels(g, e.target, EdgeKind::SaidBy)
            .into_iter()
            .next();
        quotes.extend(speaker.clone());
        let first = g
            .edges_to(e.target)
            .filter(|x| x.kind == EdgeKind::Contains)
            .map(|x| x.source)
            .min_by_key(|&i| (published(g, i).is_none(), published(g, i), i))
            .unwrap_or(id);
        claims.push(ClaimFirstSeen {
            claim: crate::vocab::excerpt(&c.text, 120),
            speaker,
            first_in: item_ref(g, first),
        });
    }
    quotes.sort();
    quotes.dedup();
    claims.sort_by(|a, b| a.claim.cmp(&b.claim));

    let mut summary = Vec::new();
    let from = |c: &CopyOf| c.how.from_source(&c.item.to_string());
    match copy_of.as_slice() {
        [] => summary.push("Not shown to be a copy of any item in the inputs.".to_string()),
        [one] => summary.push(format!("{}.", upper_first(&from(one)))),
        many => summary.push(format!(
            "Comes from {} items: {}.",
            many.len(),
            many.iter().map(from).collect::<Vec<_>>().join("; ")
        )),
    }
    if let Some(f) = &first_known_source
        && copy_of.iter().all(|c| c.item.id != f.id)
    {
        summary.push(format!("Its first known source is {f}."));
    }
    if !credited_by_source.is_empty() {
        summary.push(format!(
            "That source credits {}.",
            credited_by_source.join(", ")
        ));
    }
    if !credits.is_empty() {
        summary.push(format!("It credits {}.", credits.join(", ")));
    }
    if !copied_by.is_empty() {
        summary.push(format!(
            "Copied or rewritten by {} item(s).",
            copied_by.len()
        ));
    }
    if !same_text.is_empty() {
        summary.push(format!(
            "Shares text with {} item(s), with no sign of which came first.",
            same_text.len()
        ));
    }
    if !quotes.is_empty() {
        summary.push(format!("Quotes {}.", quotes.join(", ")));
    }
    ItemReport {
        item: item_ref(g, id),
        summary: summary.join(" "),
        copy_of,
        copied_by,
        same_text,
        credits,
        first_known_source,
        credited_by_source,
        quotes,
        claims,
    }
}

/// `s` with its first letter upper case.
fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The report of every item of the graph, by date (undated items first), then title.
///
/// ```
/// use claimtrace::{BuildOptions, NoProgress, ReadSettings};
///
/// let records = std::fs::read_to_string("examples/reposts.jsonl")?;
/// let items = claimtrace::items_from_records("reposts.jsonl", &records, &ReadSettings::default())?;
/// let graph = claimtrace::graph_of_items(items, BuildOptions::default(), &NoProgress);
/// for report in claimtrace::report_items(&graph) {
///     println!("{}: {}", report.item, report.summary);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn report_items(g: &Graph) -> Vec<ItemReport> {
    item_ids(g)
        .into_iter()
        .map(|id| report_item(g, id))
        .collect()
}
