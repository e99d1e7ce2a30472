//! Items and copy edges as the provenance answers show them, and the graph look-ups those
//! answers share.

use crate::model::{Edge, EdgeKind, Graph, NodeData};
use crate::vocab::{Alignment, Degree};
use serde::Serialize;
use uuid::Uuid;

/// An item as the provenance answers show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemRef {
    /// The item's node id.
    pub id: Uuid,
    /// Its title, else the start of its text (at most 90 characters).
    pub title: String,
    /// The outlet that published it.
    pub outlet: Option<String>,
    /// Its date, YYYY-MM-DD.
    pub published: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// Where the item is among the inputs: its file, and the byte it starts at when that is
    /// not the file's start (a dump or a JSON Lines file holds many items).
    pub location: Option<String>,
}

/// `"Title" (Outlet, 2020-09-19)`: how answers in words name an item.
impl std::fmt::Display for ItemRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\"{}\"", self.title)?;
        match (&self.outlet, &self.published) {
            (Some(o), Some(d)) => write!(f, " ({o}, {d})"),
            (Some(o), None) => write!(f, " ({o})"),
            (None, Some(d)) => write!(f, " ({d})"),
            (None, None) => Ok(()),
        }
    }
}

/// How one item was copied or rewritten from another: a `reposts`, `rewrites` or `same_text`
/// edge as the provenance answers show it.
#[derive(Debug, Clone, Serialize)]
pub struct CopyEvidence {
    /// The edge's kind (`reposts`, `rewrites`, `same_text`).
    pub kind: &'static str,
    /// How sure the link is (0..1).
    pub confidence: Option<f64>,
    /// The shared text and the signs of direction, in words.
    pub evidence: Option<String>,
    /// The shared passages.
    pub aligned: Vec<Alignment>,
    /// A rewrite: wholly or partly derived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degree: Option<Degree>,
    /// A rewrite: the share of the item's words that follow its source (0..1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_share: Option<f64>,
}

impl CopyEvidence {
    pub(crate) fn of(e: &Edge) -> CopyEvidence {
        let d = e.detail();
        CopyEvidence {
            kind: e.kind.as_str(),
            confidence: d.confidence,
            evidence: d.evidence.clone(),
            aligned: d.aligned.clone(),
            degree: d.degree,
            derived_share: d.derived_share,
        }
    }

    /// How the item came from `source`, in words: "copied from X", or "rewritten from X (about
    /// 60% of this story)". Every answer in words says it so.
    pub fn from_source(&self, source: &str) -> String {
        match (self.kind, self.derived_share) {
            ("rewrites", Some(share)) => format!(
                "rewritten from {source} (about {:.0}% of this story)",
                100.0 * share
            ),
            ("rewrites", None) => format!("rewritten from {source}"),
            _ => format!("copied from {source}"),
        }
    }
}

pub(crate) fn item_ref(g: &Graph, id: Uuid) -> ItemRef {
    let node = g.node(id);
    let (title, published, url, location) = match node.map(|n| &n.data) {
        Some(NodeData::Item(it)) => (
            it.title.clone().unwrap_or_else(|| it.excerpt.clone()),
            it.published.map(|d| d.to_string()),
            it.url.clone(),
            Some(match it.origin.start {
                0 => it.origin.file.to_string(),
                at => format!("{} at byte {at}", it.origin.file),
            }),
        ),
        _ => (String::new(), None, None, None),
    };
    ItemRef {
        id,
        title: crate::vocab::excerpt(&title, 90),
        outlet: target_labels(g, id, EdgeKind::PublishedBy)
            .into_iter()
            .next(),
        published,
        url,
        location,
    }
}

/// Labels of the nodes `id` points at by edges of `kind`, sorted.
pub(crate) fn target_labels(g: &Graph, id: Uuid, kind: EdgeKind) -> Vec<String> {
    let mut v: Vec<String> = g
        .edges_from(id)
        .filter(|e| e.kind == kind)
        .filter_map(|e| g.node(e.target).map(|n| n.label().into_owned()))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The items that share text with `id` without a shown direction (`same_text` edges are
/// undirected, so both ends are looked at), sorted by id.
pub(crate) fn same_text_with(g: &Graph, id: Uuid) -> Vec<ItemRef> {
    let mut same: Vec<ItemRef> = g
        .edges_from(id)
        .chain(g.edges_to(id))
        .filter(|e| e.kind == EdgeKind::SameText)
        .map(|e| item_ref(g, if e.source == id { e.target } else { e.source }))
        .collect();
    same.sort_by_key(|r| r.id);
    same
}

/// The ids of the graph's items, sorted by id.
pub(crate) fn all_items(g: &Graph) -> Vec<Uuid> {
    g.sorted_nodes()
        .into_iter()
        .filter(|n| n.kind == crate::model::NodeKind::Item)
        .map(|n| n.id)
        .collect()
}

/// Items in the order answers list them: by date (undated first), then label, then id.
pub(crate) fn by_date(g: &Graph, ids: Vec<Uuid>) -> Vec<Uuid> {
    let mut v: Vec<(Option<String>, String, Uuid)> = ids
        .into_iter()
        .filter_map(|id| {
            let n = g.node(id)?;
            Some((published(g, id), n.label().into_owned(), id))
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, _, id)| id).collect()
}

/// An item's date, YYYY-MM-DD.
pub(crate) fn published(g: &Graph, id: Uuid) -> Option<String> {
    match g.node(id).map(|n| &n.data) {
        Some(NodeData::Item(it)) => it.published.map(|d| d.to_string()),
        _ => None,
    }
}
