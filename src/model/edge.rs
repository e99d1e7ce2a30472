//! Edge kinds of the graph contract (schemas/graph.schema.json).

use crate::vocab::{Alignment, Degree, SentencePair, Span};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The kind of an edge, written as `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// item → outlet: who published this copy.
    PublishedBy,
    /// item → date.
    PublishedOn,
    /// item → speaker: a named author (desks stay a byline).
    WrittenBy,
    /// item → outlet: the item says it comes from that outlet.
    Credits,
    /// item → item: a copy → the item it was copied from.
    Reposts,
    /// item → item: shared text, neither shown to be the other's source (source id < target id).
    SameText,
    /// item → item: a story → the story it was rewritten from (its sentences follow the
    /// source's in other words).
    Rewrites,
    /// item → claim.
    Contains,
    /// claim → speaker.
    SaidBy,
    /// claim → date.
    SaidOn,
    /// claim → outlet: the outlet the speaker said it to, or that first carried it.
    ReportedBy,
    /// claim → claim: a quotation printed with words changed or left out → the wording it
    /// changes (`evidence`: the difference in words).
    VariantOf,
    /// item → item: a later version → the first, two captures of one URL or record id with
    /// different texts.
    VersionOf,
}

impl EdgeKind {
    /// Every kind.
    pub const ALL: [EdgeKind; 13] = [
        EdgeKind::PublishedBy,
        EdgeKind::PublishedOn,
        EdgeKind::WrittenBy,
        EdgeKind::Credits,
        EdgeKind::Reposts,
        EdgeKind::SameText,
        EdgeKind::Rewrites,
        EdgeKind::Contains,
        EdgeKind::SaidBy,
        EdgeKind::SaidOn,
        EdgeKind::ReportedBy,
        EdgeKind::VariantOf,
        EdgeKind::VersionOf,
    ];

    /// The kind as the export writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::PublishedBy => "published_by",
            EdgeKind::PublishedOn => "published_on",
            EdgeKind::WrittenBy => "written_by",
            EdgeKind::Credits => "credits",
            EdgeKind::Reposts => "reposts",
            EdgeKind::SameText => "same_text",
            EdgeKind::Rewrites => "rewrites",
            EdgeKind::Contains => "contains",
            EdgeKind::SaidBy => "said_by",
            EdgeKind::SaidOn => "said_on",
            EdgeKind::ReportedBy => "reported_by",
            EdgeKind::VariantOf => "variant_of",
            EdgeKind::VersionOf => "version_of",
        }
    }
}

/// What some edges carry beyond their kind and ends. Boxed and absent on most edges, since a
/// large graph has millions of bare `published_on`/`published_by` edges.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EdgeDetail {
    /// How sure the edge is (0..1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// The words, field or rule behind the edge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// `contains`: where the claim stands, in the item's span basis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// `contains`: the pieces of a claim printed in pieces (a quotation broken by its
    /// attribution), each in the item's span basis; `span` covers them all. Boxed: rare.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Box<Vec<Span>>>,
    /// `contains`: the mention that attributes the claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_span: Option<Span>,
    /// `contains`: the reporting verb or turn marker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// `contains`: the speaker node this item names as the claim's speaker (each item's own
    /// attribution; the claim's `said_by` edges are the aggregate).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_optional_id"
    )]
    pub speaker: Option<Uuid>,
    /// `said_by`: how many items name that speaker for the claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<u32>,
    /// `credits`: the date the credited original carried, where the item prints it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `reposts` / `same_text`: the aligned passages.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub aligned: Vec<Alignment>,
    /// `rewrites` (and `same_text` between rewritten stories): wholly or partly derived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degree: Option<Degree>,
    /// `rewrites`: the share of the copy's words in sentences that follow the source (0..1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_share: Option<f64>,
    /// `rewrites`: the aligned sentences, source then copy, in each item's span basis, and
    /// what changed between them.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub aligned_sentences: Vec<SentencePair>,
}

fn serialize_optional_id<S: serde::Serializer>(id: &Option<Uuid>, s: S) -> Result<S::Ok, S::Error> {
    match id {
        Some(id) => super::ids::serialize_id(id, s),
        None => s.serialize_none(),
    }
}

/// An edge of the graph, from `source` to `target`.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// UUIDv5 of its kind and both ends.
    #[serde(serialize_with = "super::ids::serialize_id")]
    pub id: Uuid,
    /// What the edge says.
    pub kind: EdgeKind,
    /// The node it leaves.
    #[serde(serialize_with = "super::ids::serialize_id")]
    pub source: Uuid,
    /// The node it reaches.
    #[serde(serialize_with = "super::ids::serialize_id")]
    pub target: Uuid,
    /// What it carries beyond kind and ends, if anything ([`Edge::detail`] reads it).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Box<EdgeDetail>>,
}

static NO_DETAIL: EdgeDetail = EdgeDetail {
    confidence: None,
    evidence: None,
    span: None,
    parts: None,
    speaker_span: None,
    cue: None,
    speaker: None,
    items: None,
    date: None,
    aligned: Vec::new(),
    degree: None,
    derived_share: None,
    aligned_sentences: Vec::new(),
};

/// An edge as the JSON export writes it: kind, ends and whatever detail it carries, read back
/// (partitioned graph files, `read_parts`). Detail with nothing in it is no detail, as on an
/// edge built bare.
impl<'de> Deserialize<'de> for Edge {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Edge, D::Error> {
        #[derive(Deserialize)]
        struct Repr {
            id: Uuid,
            kind: EdgeKind,
            source: Uuid,
            target: Uuid,
            #[serde(flatten)]
            detail: EdgeDetail,
        }
        let r = Repr::deserialize(d)?;
        Ok(Edge {
            id: r.id,
            kind: r.kind,
            source: r.source,
            target: r.target,
            detail: (r.detail != EdgeDetail::default()).then(|| Box::new(r.detail)),
        })
    }
}

impl Edge {
    /// A bare edge; its id follows from kind and ends.
    pub(crate) fn new(kind: EdgeKind, source: Uuid, target: Uuid) -> Edge {
        Edge {
            id: super::ids::edge_id(kind.as_str(), source, target),
            kind,
            source,
            target,
            detail: None,
        }
    }

    /// The edge's detail (empty on a bare edge).
    pub fn detail(&self) -> &EdgeDetail {
        self.detail.as_deref().unwrap_or(&NO_DETAIL)
    }

    /// The edge's detail, created empty if the edge had none.
    pub(crate) fn detail_mut(&mut self) -> &mut EdgeDetail {
        self.detail.get_or_insert_with(Default::default)
    }

    /// The edge with a confidence (clamped to 0..1) and its evidence.
    pub(crate) fn with_evidence(mut self, confidence: f64, evidence: impl Into<String>) -> Edge {
        let d = self.detail_mut();
        d.confidence = Some(confidence.clamp(0.0, 1.0));
        d.evidence = Some(evidence.into());
        self
    }
}
