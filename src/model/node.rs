//! Node kinds of the graph contract (schemas/graph.schema.json).

use crate::vocab::{ClaimKind, Origin};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

fn serialize_date<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
        None => s.serialize_none(),
    }
}

fn deserialize_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("{s:?} is no date (YYYY-MM-DD)"))),
        None => Ok(None),
    }
}

/// A news item: one copy of a story, as one input holds it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ItemNode {
    /// Its title, as printed.
    pub title: Option<String>,
    /// Its URL, as given.
    pub url: Option<String>,
    /// The id its record gave it.
    pub record_id: Option<String>,
    /// Written as YYYY-MM-DD; held as a date, a tenth of the memory of its string.
    #[serde(
        serialize_with = "serialize_date",
        deserialize_with = "deserialize_date",
        default
    )]
    pub published: Option<NaiveDate>,
    /// The byline as printed.
    pub byline: Option<String>,
    /// The place its dateline names.
    pub dateline: Option<String>,
    /// ISO 639-1: as the input states it, else detected from the text.
    pub language: Option<String>,
    /// Where it is among the inputs, and what its spans point into.
    pub origin: Origin,
    /// About 200 characters of its text's start.
    pub excerpt: String,
    /// Problems met while reading this item; the item is reported all the same.
    pub warnings: Vec<String>,
    /// Its full text, when the graph was built with `with_text`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
}

/// An outlet: a newspaper, a news agency, a site, a blog.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OutletNode {
    /// Its name, as the curated outlet table spells it where it is known.
    pub name: String,
    /// Other names the inputs gave it.
    pub aliases: Vec<String>,
    /// Its web domain, where known.
    pub domain: Option<String>,
}

/// A person or body that said something or wrote an item.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SpeakerNode {
    /// The canonical name, titles and roles moved out.
    pub name: String,
    /// Other forms of the name seen.
    pub aliases: Vec<String>,
    /// Titles and roles ("Foreign Minister").
    pub roles: Vec<String>,
}

/// A claim: one thing said, the same node in every item that prints it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClaimNode {
    /// Its words, verbatim from the first item that holds it.
    pub text: String,
    /// Quoted, reported or an interview answer.
    #[serde(rename = "claim_kind")]
    pub claim_kind: ClaimKind,
    /// ISO 639-1.
    pub language: Option<String>,
}

/// A day.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DateNode {
    /// YYYY-MM-DD.
    pub date: String,
}

/// The kind of a node, written as `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// [`ItemNode`].
    Item,
    /// [`OutletNode`].
    Outlet,
    /// [`SpeakerNode`].
    Speaker,
    /// [`ClaimNode`].
    Claim,
    /// [`DateNode`].
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

    /// The kind as the export writes it.
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
    /// An item (boxed: the largest kind).
    Item(Box<ItemNode>),
    /// An outlet.
    Outlet(OutletNode),
    /// A speaker.
    Speaker(SpeakerNode),
    /// A claim.
    Claim(ClaimNode),
    /// A date.
    Date(DateNode),
}

impl NodeData {
    /// Which kind of node this is.
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
