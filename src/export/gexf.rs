//! GEXF 1.3 export, for Gephi: every node and edge with typed attributes declared up front
//! (the flattened fields of `flat`), the node kind's colour from the shared palette (viz module),
//! and each item's publication date as its `start`, so Gephi's timeline plays the spread.
//!
//! Edges carry their kind in GEXF 1.3's `kind` attribute too, the multigraph marker Gephi reads:
//! an item both published by and crediting one outlet has two edges between the same nodes.

use super::day::ymd;
use super::flat::{self, EDGE_FIELDS, Field, NODE_FIELDS, Scratch, Slot, Type};
use super::style::{edge_colour, node_colour, rgb};
use super::xml::{escape, scalar};
use crate::model::{Graph, NodeData};
use std::io::{self, BufWriter, Write};

pub const NAMESPACE: &str = "http://gexf.net/1.3";
pub const VIZ_NAMESPACE: &str = "http://gexf.net/1.3/viz";

fn gexf_type(ty: Type) -> &'static str {
    match ty {
        Type::String => "string",
        Type::Long => "long",
        Type::Double => "double",
        Type::Boolean => "boolean",
    }
}

/// The node's `label` is GEXF's own attribute of the element, not a declared one.
fn declared(fields: &'static [Field]) -> impl Iterator<Item = &'static Field> {
    fields.iter().filter(|f| f.name != "label")
}

pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    write!(
        w,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <gexf xmlns=\"{NAMESPACE}\" xmlns:viz=\"{VIZ_NAMESPACE}\" version=\"1.3\">\n\
         <meta><creator>claimtrace</creator><description>claimtrace provenance graph</description></meta>\n\
         <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" idtype=\"string\">\n"
    )?;
    for (class, fields) in [("node", NODE_FIELDS), ("edge", EDGE_FIELDS)] {
        writeln!(w, "<attributes class=\"{class}\">")?;
        for f in declared(fields) {
            writeln!(
                w,
                "<attribute id=\"{0}\" title=\"{0}\" type=\"{1}\"/>",
                f.name,
                gexf_type(f.ty)
            )?;
        }
        w.write_all(b"</attributes>\n")?;
    }

    let mut scratch = Scratch::default();
    let mut id = [0u8; 36];
    writeln!(w, "<nodes count=\"{}\">", graph.node_count())?;
    for n in graph.sorted_nodes() {
        write!(
            w,
            "<node id=\"{}\" label=\"",
            n.id.hyphenated().encode_lower(&mut id)
        )?;
        escape(&mut w, &n.label())?;
        w.write_all(b"\"")?;
        if let NodeData::Item(item) = &n.data
            && let Some(d) = item.published
        {
            w.write_all(b" start=\"")?;
            w.write_all(&ymd(d))?;
            w.write_all(b"\"")?;
        }
        w.write_all(b"><attvalues>")?;
        attvalues(&mut w, n, NODE_FIELDS, &mut scratch)?;
        let (r, g, b) = rgb(node_colour(n.kind));
        writeln!(
            w,
            "</attvalues><viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/></node>"
        )?;
    }
    w.write_all(b"</nodes>\n")?;

    let (mut s, mut t) = ([0u8; 36], [0u8; 36]);
    writeln!(w, "<edges count=\"{}\">", graph.edge_count())?;
    for e in graph.sorted_edges() {
        let kind = e.kind.as_str();
        write!(
            w,
            "<edge id=\"{}\" source=\"{}\" target=\"{}\" kind=\"{kind}\" label=\"{kind}\"><attvalues>",
            e.id.hyphenated().encode_lower(&mut id),
            e.source.hyphenated().encode_lower(&mut s),
            e.target.hyphenated().encode_lower(&mut t),
        )?;
        attvalues(&mut w, e, EDGE_FIELDS, &mut scratch)?;
        let (r, g, b) = rgb(edge_colour(e.kind));
        writeln!(
            w,
            "</attvalues><viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/></edge>"
        )?;
    }
    w.write_all(b"</edges>\n</graph>\n</gexf>\n")?;
    w.flush()
}

/// One `<attvalue>` per flattened field of `value` that `fields` declares.
fn attvalues<T: serde::Serialize>(
    w: &mut impl Write,
    value: &T,
    fields: &'static [Field],
    scratch: &mut Scratch,
) -> io::Result<()> {
    flat::each_field(value, scratch, &mut |name, v| {
        let Slot::Declared(f) = flat::slot(fields, name)? else {
            return Ok(());
        };
        if f.name == "label" {
            return Ok(());
        }
        w.write_all(b"<attvalue for=\"")?;
        w.write_all(f.name.as_bytes())?;
        w.write_all(b"\" value=\"")?;
        scalar(w, v)?;
        w.write_all(b"\"/>")
    })
}
