//! GraphML export, for networkx, yEd, Cytoscape desktop and Neo4j (APOC `apoc.import.graphml`):
//! flat typed keys (the flattened fields of `flat`), absent rather than null, every node and
//! edge, parallel edges kept (each edge has its own id).
//!
//! Key ids are the field's name with `n_` or `e_` in front, since GraphML key ids are one
//! namespace for nodes and edges and both have a `kind`; `attr.name` is the plain field name,
//! which is what readers show.

use super::flat::{self, EDGE_FIELDS, Field, NODE_FIELDS, Scratch, Slot, Type};
use super::xml::scalar;
use crate::model::Graph;
use std::io::{self, BufWriter, Write};

pub const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

fn graphml_type(ty: Type) -> &'static str {
    match ty {
        Type::String => "string",
        Type::Long => "long",
        Type::Double => "double",
        Type::Boolean => "boolean",
    }
}

pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    write!(
        w,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    )?;
    for (class, prefix, fields) in [("node", 'n', NODE_FIELDS), ("edge", 'e', EDGE_FIELDS)] {
        for f in fields {
            writeln!(
                w,
                "<key id=\"{prefix}_{0}\" for=\"{class}\" attr.name=\"{0}\" attr.type=\"{1}\"/>",
                f.name,
                graphml_type(f.ty)
            )?;
        }
    }
    w.write_all(b"<graph id=\"claimtrace\" edgedefault=\"directed\">\n")?;

    let mut scratch = Scratch::default();
    let mut id = [0u8; 36];
    for n in graph.sorted_nodes() {
        write!(
            w,
            "<node id=\"{}\">",
            n.id.hyphenated().encode_lower(&mut id)
        )?;
        data(&mut w, n, b"n_", NODE_FIELDS, &mut scratch)?;
        w.write_all(b"</node>\n")?;
    }
    let (mut s, mut t) = ([0u8; 36], [0u8; 36]);
    for e in graph.sorted_edges() {
        write!(
            w,
            "<edge id=\"{}\" source=\"{}\" target=\"{}\">",
            e.id.hyphenated().encode_lower(&mut id),
            e.source.hyphenated().encode_lower(&mut s),
            e.target.hyphenated().encode_lower(&mut t),
        )?;
        data(&mut w, e, b"e_", EDGE_FIELDS, &mut scratch)?;
        w.write_all(b"</edge>\n")?;
    }
    w.write_all(b"</graph>\n</graphml>\n")?;
    w.flush()
}

/// One `<data>` per flattened field of `value`.
fn data<T: serde::Serialize>(
    w: &mut impl Write,
    value: &T,
    prefix: &[u8],
    fields: &'static [Field],
    scratch: &mut Scratch,
) -> io::Result<()> {
    flat::each_field(value, scratch, &mut |name, v| {
        let Slot::Declared(f) = flat::slot(fields, name)? else {
            return Ok(());
        };
        w.write_all(b"<data key=\"")?;
        w.write_all(prefix)?;
        w.write_all(f.name.as_bytes())?;
        w.write_all(b"\">")?;
        scalar(w, v)?;
        w.write_all(b"</data>")
    })
}
