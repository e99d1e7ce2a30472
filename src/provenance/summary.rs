//! What a set of items comes to, before any item's own report: how many items and outlets, the
//! groups of copies and their first known sources, the most-copied items, the outlets credited
//! and the claims attributed to different speakers. The opening of `claimtrace report`, so a
//! class reads the story before its details.

use super::dag::repost_dag;
use super::report::attributions;
use super::shown::{ItemRef, by_date, item_ref, published, target_labels};
use super::story::stories;
use crate::model::{EdgeKind, Graph, NodeData, NodeKind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use uuid::Uuid;

/// Items that copy one another (a story of more than one item), as [`summarize`] shows them.
#[derive(Debug, Serialize)]
pub struct CopyGroup {
    /// How many items it holds.
    pub items: usize,
    /// The outlets that published them, sorted.
    pub outlets: Vec<String>,
    /// Where the copies' reposts end: the first known sources. Empty when the items only share
    /// text, with no sign of which came first.
    pub first_known_sources: Vec<ItemRef>,
    /// Its items, by date.
    pub members: Vec<ItemRef>,
}

/// An item and how many items were copied from it, directly or through other copies.
#[derive(Debug, Serialize)]
pub struct MostCopied {
    /// The source.
    pub item: ItemRef,
    /// Copies whose reposts end at it, directly or through other copies.
    pub copies: usize,
}

/// An outlet the items credit.
#[derive(Debug, Serialize)]
pub struct Credited {
    /// Its name.
    pub outlet: String,
    /// How many items credit it.
    pub items: usize,
    /// Whether it is a news agency (a wire service whose stories other outlets carry).
    pub agency: bool,
}

/// A claim that the items holding it attribute to different speakers.
#[derive(Debug, Serialize)]
pub struct Disagreement {
    /// The claim (at most 120 characters).
    pub claim: String,
    /// The speakers it is attributed to, most items first.
    pub speakers: Vec<String>,
}

/// What a set of items comes to, as [`summarize`] tells it.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// How many items.
    pub items: usize,
    /// How many outlets published them.
    pub outlets: usize,
    /// The earliest date among them, YYYY-MM-DD.
    pub first_date: Option<String>,
    /// The latest date among them.
    pub last_date: Option<String>,
    /// Items with no date.
    pub undated: usize,
    /// The groups of items that copy one another, largest first.
    pub copy_groups: Vec<CopyGroup>,
    /// The items most copied from, most first (at most five).
    pub most_copied: Vec<MostCopied>,
    /// The outlets the items credit, most credited first.
    pub credited: Vec<Credited>,
    /// Claims the items attribute to different speakers, sorted by claim.
    pub disagreeing: Vec<Disagreement>,
    /// Copies dated before the item they were copied from: a date to check.
    pub dated_before_source: Vec<ItemRef>,
}

/// What the items `ids` come to (see [`Summary`]).
///
/// ```
/// use claimtrace::{BuildOptions, NoProgress, ReadSettings};
///
/// let records = std::fs::read_to_string("examples/reposts.jsonl")?;
/// let items = claimtrace::items_from_records("reposts.jsonl", &records, &ReadSettings::default())?;
/// let graph = claimtrace::graph_of_items(items, BuildOptions::default(), &NoProgress);
/// let all: Vec<_> = graph.sorted_nodes().iter().filter(|n| n.kind == claimtrace::NodeKind::Item).map(|n| n.id).collect();
/// let summary = claimtrace::summarize(&graph, &all);
/// // The wire's report, the Gazette's copy and the blog's copy of that.
/// assert_eq!(summary.copy_groups.len(), 1);
/// assert_eq!(summary.copy_groups[0].items, 3);
/// assert_eq!(summary.most_copied[0].copies, 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn summarize(g: &Graph, ids: &[Uuid]) -> Summary {
    let wanted: HashSet<Uuid> = ids.iter().copied().collect();
    let items: Vec<Uuid> = by_date(
        g,
        ids.iter()
            .copied()
            .filter(|&id| g.node(id).is_some_and(|n| n.kind == NodeKind::Item))
            .collect(),
    );
    let dates: Vec<String> = items.iter().filter_map(|&i| published(g, i)).collect();
    let outlets: BTreeSet<String> = items
        .iter()
        .flat_map(|&i| target_labels(g, i, EdgeKind::PublishedBy))
        .collect();

    // Where each copy's reposts end (its first known sources), for the groups and the most
    // copied.
    let mut copies_of: BTreeMap<Uuid, usize> = BTreeMap::new();
    let mut ends_of: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
    for &i in &items {
        let dag = repost_dag(g, i);
        if dag.nodes.len() > 1 {
            let ends: Vec<Uuid> = dag.first_known_sources().map(|n| n.item.id).collect();
            for &e in &ends {
                *copies_of.entry(e).or_default() += 1;
            }
            ends_of.insert(i, ends);
        }
    }
    let mut copy_groups: Vec<CopyGroup> = stories(g)
        .into_iter()
        .filter(|s| s.len() > 1 && s.iter().any(|i| wanted.contains(i)))
        .map(|s| {
            let ends: BTreeSet<Uuid> = s
                .iter()
                .filter_map(|i| ends_of.get(i))
                .flatten()
                .copied()
                .collect();
            CopyGroup {
                items: s.len(),
                outlets: s
                    .iter()
                    .flat_map(|&i| target_labels(g, i, EdgeKind::PublishedBy))
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                first_known_sources: by_date(g, ends.into_iter().collect())
                    .into_iter()
                    .map(|i| item_ref(g, i))
                    .collect(),
                members: by_date(g, s).into_iter().map(|i| item_ref(g, i)).collect(),
            }
        })
        .collect();
    // Largest first; then by the first member's date, title and id, as items are listed.
    copy_groups.sort_by(|a, b| {
        b.items.cmp(&a.items).then_with(|| {
            let key = |c: &CopyGroup| {
                let m = &c.members[0];
                (m.published.clone(), m.title.clone(), m.id)
            };
            key(a).cmp(&key(b))
        })
    });
    let mut most_copied: Vec<MostCopied> = copies_of
        .into_iter()
        .map(|(id, copies)| MostCopied {
            item: item_ref(g, id),
            copies,
        })
        .collect();
    most_copied.sort_by(|a, b| b.copies.cmp(&a.copies).then(a.item.id.cmp(&b.item.id)));
    most_copied.truncate(5);

    let mut credit_count: BTreeMap<String, usize> = BTreeMap::new();
    for &i in &items {
        for name in target_labels(g, i, EdgeKind::Credits) {
            *credit_count.entry(name).or_default() += 1;
        }
    }
    let mut credited: Vec<Credited> = credit_count
        .into_iter()
        .map(|(outlet, items)| Credited {
            agency: crate::outlets::is_news_agency(&outlet),
            outlet,
            items,
        })
        .collect();
    credited.sort_by(|a, b| b.items.cmp(&a.items).then(a.outlet.cmp(&b.outlet)));

    let mut claims: BTreeSet<Uuid> = BTreeSet::new();
    for &i in &items {
        claims.extend(
            g.edges_from(i)
                .filter(|e| e.kind == EdgeKind::Contains)
                .map(|e| e.target),
        );
    }
    // Disagreement as the report tells it: the items holding a claim name different speakers.
    let mut disagreeing: Vec<Disagreement> = claims
        .into_iter()
        .filter_map(|c| {
            let NodeData::Claim(claim) = &g.node(c)?.data else {
                return None;
            };
            let mentions: Vec<&crate::model::Edge> = g
                .edges_to(c)
                .filter(|e| e.kind == EdgeKind::Contains)
                .collect();
            let attributed = attributions(g, &mentions);
            (!attributed.is_empty()).then(|| Disagreement {
                claim: crate::vocab::excerpt(&claim.text, 120),
                speakers: attributed.into_iter().map(|a| a.speaker).collect(),
            })
        })
        .collect();
    disagreeing.sort_by(|a, b| a.claim.cmp(&b.claim));

    let dated_before_source = items
        .iter()
        .filter(|&&i| {
            let own = published(g, i);
            own.is_some()
                && g.edges_from(i)
                    .filter(|e| e.kind == EdgeKind::Reposts)
                    .any(|e| published(g, e.target).is_some_and(|s| Some(s) > own))
        })
        .map(|&i| item_ref(g, i))
        .collect();

    Summary {
        items: items.len(),
        outlets: outlets.len(),
        first_date: dates.iter().min().cloned(),
        last_date: dates.iter().max().cloned(),
        undated: items.len() - dates.len(),
        copy_groups,
        most_copied,
        credited,
        disagreeing,
        dated_before_source,
    }
}
