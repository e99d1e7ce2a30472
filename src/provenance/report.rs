//! Every item's provenance in words: what it copies, who copied it, what it credits, whom it
//! quotes and where each of its claims first appeared.

use super::dag::{derived_from, repost_dag};
use super::shown::{
    CopyEvidence, ItemRef, all_items, by_date, item_ref, published, same_text_with, target_labels,
};
use crate::model::{EdgeKind, Graph, NodeData};
use serde::Serialize;
use std::collections::BTreeMap;
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
    /// Who made it, as this item says.
    pub speaker: Option<String>,
    /// The earliest item among the inputs that holds the claim (undated items last).
    pub first_in: ItemRef,
    /// When the items that hold the claim name different speakers: each speaker and the items
    /// that name it (most items first); empty when they agree.
    pub attributed: Vec<Attribution>,
    /// When the claim is another's wording with words changed or left out: that wording (at
    /// most 120 characters) and the difference.
    pub variant_of: Option<VariantOf>,
}

/// The wording a quotation changes, and how.
#[derive(Debug, Serialize)]
pub struct VariantOf {
    /// The original wording (at most 120 characters).
    pub original: String,
    /// The difference in words.
    pub difference: String,
}

/// One speaker a claim is attributed to, and by which items.
#[derive(Debug, Serialize)]
pub struct Attribution {
    /// The speaker's name.
    pub speaker: String,
    /// The items that name this speaker for the claim, by date.
    pub by: Vec<ItemRef>,
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
    /// Where its reposts end, when it is a copy: the items it was copied from, directly or
    /// through other copies, that were copied from nothing among the inputs.
    pub first_known_sources: Vec<ItemRef>,
    /// Outlets those first known sources credit.
    pub credited_by_source: Vec<String>,
    /// The speakers of its claims.
    pub quotes: Vec<String>,
    /// Its claims and where each first appeared, sorted by text.
    pub claims: Vec<ClaimFirstSeen>,
}

fn label(g: &Graph, id: Uuid) -> Option<String> {
    g.node(id).map(|n| n.label().into_owned())
}

/// Who the items holding one claim (its `contains` edges) say made it, when they name more
/// than one speaker: items that name no one do not disagree with anyone.
pub(crate) fn attributions(g: &Graph, mentions: &[&crate::model::Edge]) -> Vec<Attribution> {
    let mut by: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
    for m in mentions {
        if let Some(s) = m.detail().speaker {
            by.entry(s).or_default().push(m.source);
        }
    }
    if by.len() < 2 {
        return Vec::new();
    }
    let mut out: Vec<Attribution> = by
        .into_iter()
        .map(|(s, mut items)| {
            items.sort_by_key(|&i| (published(g, i).is_none(), published(g, i), i));
            Attribution {
                speaker: label(g, s).unwrap_or_default(),
                by: items.into_iter().map(|i| item_ref(g, i)).collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.by.len()
            .cmp(&a.by.len())
            .then_with(|| a.speaker.cmp(&b.speaker))
    });
    out
}

/// The provenance of item `id`: what it is a copy of (with the evidence), who copied it, what it
/// shares text with, what it credits, its first known sources ([`repost_dag`]) and what they
/// credit, whom it quotes, where each of its claims first appeared, and a summary in words.
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
    let dag = repost_dag(g, id);
    let is_copy = dag.nodes.len() > 1;
    let first_known_sources: Vec<ItemRef> = dag
        .first_known_sources()
        .filter(|_| is_copy)
        .map(|n| n.item.clone())
        .collect();
    let mut credited_by_source: Vec<String> = dag
        .first_known_sources()
        .filter(|_| is_copy)
        .flat_map(|n| n.credits.iter().cloned())
        .collect();
    credited_by_source.sort();
    credited_by_source.dedup();

    let mut quotes = Vec::new();
    let mut claims = Vec::new();
    for e in g.edges_from(id).filter(|e| e.kind == EdgeKind::Contains) {
        let Some(NodeData::Claim(c)) = g.node(e.target).map(|n| &n.data) else {
            continue;
        };
        let speaker = e.detail().speaker.and_then(|s| label(g, s));
        quotes.extend(speaker.clone());
        let mentions: Vec<&crate::model::Edge> = g
            .edges_to(e.target)
            .filter(|x| x.kind == EdgeKind::Contains)
            .collect();
        let first = super::first_appearance(g, e.target).map_or(id, |n| n.id);
        claims.push(ClaimFirstSeen {
            claim: crate::vocab::excerpt(&c.text, 120),
            speaker,
            first_in: item_ref(g, first),
            attributed: attributions(g, &mentions),
            variant_of: g
                .edges_from(e.target)
                .find(|x| x.kind == EdgeKind::VariantOf)
                .and_then(|x| match g.node(x.target).map(|n| &n.data) {
                    Some(NodeData::Claim(o)) => Some(VariantOf {
                        original: crate::vocab::excerpt(&o.text, 120),
                        difference: x.detail().evidence.clone().unwrap_or_default(),
                    }),
                    _ => None,
                }),
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
    let further: Vec<String> = first_known_sources
        .iter()
        .filter(|f| copy_of.iter().all(|c| c.item.id != f.id))
        .map(|f| f.to_string())
        .collect();
    match further.as_slice() {
        [] => {}
        [one] if first_known_sources.len() == 1 => {
            summary.push(format!("Its first known source is {one}."))
        }
        _ => summary.push(format!(
            "Its first known sources are {}.",
            first_known_sources
                .iter()
                .map(|f| f.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }
    if !credited_by_source.is_empty() {
        summary.push(format!(
            "{} {}.",
            if first_known_sources.len() == 1 {
                "That source credits"
            } else {
                "Those sources credit"
            },
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
        first_known_sources,
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
    by_date(g, all_items(g))
        .into_iter()
        .map(|id| report_item(g, id))
        .collect()
}
