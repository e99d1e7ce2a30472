//! W3C PROV-JSON export, for PROV stores and validators (the `prov` Python package reads it and
//! writes PROV-N, PROV-XML and RDF from it).
//!
//! Every node is one PROV element and every edge one PROV relation, each with the graph's id
//! (`id:` is `urn:uuid:`). Items, claims and dates are `prov:Entity`; outlets are `prov:Agent`s of
//! type `prov:Organization`, speakers `prov:Person` or `prov:Organization` (`agent`). The relation
//! of each edge kind is in `relation`; every flattened field (`flat`) is kept as a `ct:` attribute
//! (`ct:` is `urn:claimtrace:`), so nothing of the JSON export is lost but the record order.
//! PROV-JSON groups records by type, so the writer walks the sorted nodes and edges once per
//! record type rather than holding the document.

use super::agent::speaker_is_person;
use super::flat::{self, EDGE_FIELDS, Field, NODE_FIELDS, Scratch, Slot};
use crate::model::{EdgeKind, Graph, Node, NodeData, NodeKind};
use std::io::{self, BufWriter, Write};

pub const ID_NAMESPACE: &str = "urn:uuid:";
pub const CT_NAMESPACE: &str = "urn:claimtrace:";

/// The PROV element a node kind is written as.
fn element(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Item | NodeKind::Claim | NodeKind::Date => "entity",
        NodeKind::Outlet | NodeKind::Speaker => "agent",
    }
}

/// The node's `prov:type`.
fn element_type(n: &Node) -> &'static str {
    match &n.data {
        NodeData::Item(_) => "ct:item",
        NodeData::Claim(_) => "ct:claim",
        NodeData::Date(_) => "ct:date",
        NodeData::Outlet(_) => "prov:Organization",
        NodeData::Speaker(s) if speaker_is_person(&s.name) => "prov:Person",
        NodeData::Speaker(_) => "prov:Organization",
    }
}

/// How an edge kind is written: the PROV relation, the roles its source and target take, its
/// `prov:type`, and whether the target is a date that becomes the relation's `prov:time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    pub record: &'static str,
    pub source_role: &'static str,
    pub target_role: &'static str,
    /// None for relations PROV gives no attributes (alternateOf).
    pub prov_type: Option<&'static str>,
    pub at_time: bool,
}

const fn rel(
    record: &'static str,
    source_role: &'static str,
    target_role: &'static str,
    prov_type: &'static str,
) -> Relation {
    Relation {
        record,
        source_role,
        target_role,
        prov_type: Some(prov_type),
        at_time: false,
    }
}

const ATTRIBUTED: (&str, &str, &str) = ("wasAttributedTo", "prov:entity", "prov:agent");
const DERIVED: (&str, &str, &str) = ("wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity");
const INFLUENCED: (&str, &str, &str) = ("wasInfluencedBy", "prov:influencee", "prov:influencer");

/// The PROV relation of each edge kind.
pub fn relation(kind: EdgeKind) -> Relation {
    let with =
        |(record, s, t): (&'static str, &'static str, &'static str), ty| rel(record, s, t, ty);
    // A date edge is the entity's generation at that time (no activity is known); the date
    // node stays referenced as the relation's `ct:date_node`.
    let generated = |ty| Relation {
        at_time: true,
        ..rel("wasGeneratedBy", "prov:entity", "ct:date_node", ty)
    };
    match kind {
        EdgeKind::PublishedBy => with(ATTRIBUTED, "ct:published_by"),
        EdgeKind::PublishedOn => generated("ct:published_on"),
        EdgeKind::WrittenBy => with(ATTRIBUTED, "ct:written_by"),
        EdgeKind::Credits => with(INFLUENCED, "ct:credits"),
        EdgeKind::Reposts => with(DERIVED, "ct:copy"),
        EdgeKind::Rewrites => with(DERIVED, "ct:rewrite"),
        EdgeKind::SameText => Relation {
            prov_type: None,
            ..rel("alternateOf", "prov:alternate1", "prov:alternate2", "")
        },
        // The item quotes the claim: a PROV quotation, the item derived from the claim.
        EdgeKind::Contains => with(DERIVED, "prov:Quotation"),
        EdgeKind::SaidBy => with(ATTRIBUTED, "ct:said_by"),
        EdgeKind::SaidOn => generated("ct:said_on"),
        EdgeKind::ReportedBy => with(INFLUENCED, "ct:reported_by"),
        // A quotation with words changed or left out, derived from the wording it changes.
        EdgeKind::VariantOf => with(DERIVED, "prov:Revision"),
        // A later capture of a page whose text changed: a revision of the first.
        EdgeKind::VersionOf => with(DERIVED, "prov:Revision"),
    }
}

pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    write!(
        w,
        "{{\"prefix\":{{\"id\":\"{ID_NAMESPACE}\",\"ct\":\"{CT_NAMESPACE}\"}}"
    )?;
    let nodes = graph.sorted_nodes();
    let edges = graph.sorted_edges();
    let mut scratch = Scratch::default();
    let mut id = [0u8; 36];

    for record in ["entity", "agent"] {
        let mut group = Group::new(record);
        for n in nodes.iter().filter(|n| element(n.kind) == record) {
            group.entry(&mut w, "id:", n.id.hyphenated().encode_lower(&mut id))?;
            typed(&mut w, "prov:type", element_type(n), "prov:QUALIFIED_NAME")?;
            w.write_all(b",\"prov:label\":")?;
            serde_json::to_writer(&mut w, &n.label())?;
            match &n.data {
                NodeData::Item(item) => {
                    if let Some(url) = &item.url {
                        w.write_all(b",")?;
                        typed(&mut w, "prov:location", url, "xsd:anyURI")?;
                    }
                }
                NodeData::Claim(c) => {
                    w.write_all(b",\"prov:value\":")?;
                    serde_json::to_writer(&mut w, &c.text)?;
                }
                NodeData::Date(d) => {
                    w.write_all(b",")?;
                    typed(&mut w, "prov:value", &d.date, "xsd:date")?;
                }
                NodeData::Outlet(_) | NodeData::Speaker(_) => {}
            }
            attributes(&mut w, *n, NODE_FIELDS, &mut scratch)?;
            w.write_all(b"}")?;
        }
        group.close(&mut w)?;
    }

    let mut records: Vec<&'static str> = Vec::new();
    for kind in EdgeKind::ALL {
        let r = relation(kind).record;
        if !records.contains(&r) {
            records.push(r);
        }
    }
    let (mut s, mut t) = ([0u8; 36], [0u8; 36]);
    for record in records {
        let mut group = Group::new(record);
        for e in edges.iter().filter(|e| relation(e.kind).record == record) {
            let r = relation(e.kind);
            let source = e.source.hyphenated().encode_lower(&mut s);
            let target = e.target.hyphenated().encode_lower(&mut t);
            // PROV gives alternateOf no identifier: a blank one keeps the edge's id all the same.
            let prefix = if r.prov_type.is_some() { "id:" } else { "_:" };
            group.entry(&mut w, prefix, e.id.hyphenated().encode_lower(&mut id))?;
            write!(w, "\"{}\":\"id:{source}\"", r.source_role)?;
            if r.at_time {
                write!(
                    w,
                    ",\"{}\":{{\"$\":\"id:{target}\",\"type\":\"prov:QUALIFIED_NAME\"}}",
                    r.target_role
                )?;
                if let Some(NodeData::Date(d)) = graph.node(e.target).map(|n| &n.data)
                    && is_calendar_date(&d.date)
                {
                    write!(w, ",\"prov:time\":\"{}T00:00:00\"", d.date)?;
                }
            } else {
                write!(w, ",\"{}\":\"id:{target}\"", r.target_role)?;
            }
            if let Some(ty) = r.prov_type {
                w.write_all(b",")?;
                typed(&mut w, "prov:type", ty, "prov:QUALIFIED_NAME")?;
                attributes(&mut w, *e, EDGE_FIELDS, &mut scratch)?;
            }
            w.write_all(b"}")?;
        }
        group.close(&mut w)?;
    }
    w.write_all(b"\n}\n")?;
    w.flush()
}

/// A PROV-JSON group (`"entity": {...}`), opened at its first record so that an empty group is
/// not written.
struct Group {
    record: &'static str,
    open: bool,
}

impl Group {
    fn new(record: &'static str) -> Group {
        Group {
            record,
            open: false,
        }
    }

    /// Starts the record `prefix` + `id`, leaving its object open.
    fn entry(&mut self, w: &mut impl Write, prefix: &str, id: &str) -> io::Result<()> {
        if self.open {
            w.write_all(b",")?;
        } else {
            write!(w, ",\n\"{}\":{{", self.record)?;
            self.open = true;
        }
        write!(w, "\n\"{prefix}{id}\":{{")
    }

    fn close(self, w: &mut impl Write) -> io::Result<()> {
        if self.open {
            w.write_all(b"\n}")?;
        }
        Ok(())
    }
}

/// `"key":{"$":value,"type":ty}`, a PROV-JSON typed literal.
fn typed(w: &mut impl Write, key: &str, value: &str, ty: &str) -> io::Result<()> {
    write!(w, "\"{key}\":{{\"$\":")?;
    serde_json::to_writer(&mut *w, value)?;
    write!(w, ",\"type\":\"{ty}\"}}")
}

/// `,"ct:name":value` for every flattened field but the structural ones.
fn attributes<T: serde::Serialize>(
    w: &mut impl Write,
    value: &T,
    declared: &'static [Field],
    scratch: &mut Scratch,
) -> io::Result<()> {
    flat::each_field(value, scratch, &mut |name, v| {
        let Slot::Declared(f) = flat::slot(declared, name)? else {
            return Ok(());
        };
        w.write_all(b",\"ct:")?;
        w.write_all(f.name.as_bytes())?;
        w.write_all(b"\":")?;
        v.write_json(w)
    })
}

/// YYYY-MM-DD, the form date nodes hold; anything else is not given as a PROV time.
fn is_calendar_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() && s.len() == 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edge_kind_has_a_relation_with_distinct_roles() {
        for kind in EdgeKind::ALL {
            let r = relation(kind);
            assert_ne!(r.source_role, r.target_role, "{kind:?}");
            assert!(
                r.prov_type.is_some() || r.record == "alternateOf",
                "{kind:?}"
            );
        }
        assert_eq!(relation(EdgeKind::Reposts).record, "wasDerivedFrom");
        assert_eq!(relation(EdgeKind::PublishedBy).record, "wasAttributedTo");
    }

    #[test]
    fn dates() {
        assert!(is_calendar_date("2026-03-12"));
        assert!(!is_calendar_date("2026-3-12"));
        assert!(!is_calendar_date("Friday"));
    }
}
