//! Node kinds of the graph contract (schemas/graph.schema.json).

use crate::vocab::{ClaimKind, Origin};
use chrono::NaiveDate;
use serde::Serialize;

fn serialize_date<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemNode {
    pub title: Option<String>,
    pub url: Option<String>,
    pub record_id: Option<String>,
    /// Written as YYYY-MM-DD; held as a date, a tenth of the memory of its string.
    #[serde(serialize_with = "serialize_date")]
    pub published: Option<NaiveDate>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub language: Option<String>,
    pub origin: Origin,
    pub excerpt: String,
    /// Problems met while reading this item; the item is reported all the same.
    pub warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutletNode {
    pub name: String,
    pub aliases: Vec<String>,
    pub domain: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerNode {
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimNode {
    pub text: String,
    #[serde(rename = "claim_kind")]
    pub claim_kind: ClaimKind,
    pub language: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateNode {
    pub date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Item,
    Outlet,
    Speaker,
    Claim,
    Date,
}

impl NodeKind {
    /// Every node kind, in the order of the contract's table.
    pub const ALL: [NodeKind; 5] = [
        NodeKind::Item,
        NodeKind::Outlet,
        NodeKind::Speaker,
        NodeKind::Claim,
        NodeKind::Date,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Item => "item",
            NodeKind::Outlet => "outlet",
            NodeKind::Speaker => "speaker",
            NodeKind::Claim => "claim",
            NodeKind::Date => "date",
        }
    }
}

/// What a node is, with the fields of its kind.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum NodeData {
    Item(Box<ItemNode>),
    Outlet(OutletNode),
    Speaker(SpeakerNode),
    Claim(ClaimNode),
    Date(DateNode),
}

impl NodeData {
    pub fn kind(&self) -> NodeKind {
        match self {
            NodeData::Item(_) => NodeKind::Item,
            NodeData::Outlet(_) => NodeKind::Outlet,
            NodeData::Speaker(_) => NodeKind::Speaker,
            NodeData::Claim(_) => NodeKind::Claim,
            NodeData::Date(_) => NodeKind::Date,
        }
    }
}
