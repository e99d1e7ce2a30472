//! Cytoscape.js JSON export (`cy.add(json.elements)`, Cytoscape desktop's "cyjs" import,
//! `networkx.cytoscape_graph`): `{"elements": {"nodes": [{"data": {...}}], "edges": [...]}}`,
//! every node and edge with its flattened fields in `data`. Parallel edges stay apart: each has
//! its own id, repeated as `key`; each node's id is repeated as `value`, the two names
//! networkx's reader takes a multigraph's edge keys and nodes from.

use super::flat::{self, EDGE_FIELDS, Field, NODE_FIELDS, Scratch, Slot};
use crate::model::Graph;
use std::io::{self, BufWriter, Write};

pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    w.write_all(
        b"{\"data\":{\"name\":\"claimtrace\"},\"directed\":true,\"multigraph\":true,\
          \"elements\":{\"nodes\":[",
    )?;
    let mut scratch = Scratch::default();
    let mut id = [0u8; 36];
    for (i, n) in graph.sorted_nodes().into_iter().enumerate() {
        let id = n.id.hyphenated().encode_lower(&mut id);
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        write!(w, "{{\"data\":{{\"id\":\"{id}\",\"value\":\"{id}\"")?;
        fields(&mut w, n, NODE_FIELDS, &mut scratch)?;
        w.write_all(b"}}")?;
    }
    w.write_all(b"\n],\"edges\":[")?;
    let (mut s, mut t) = ([0u8; 36], [0u8; 36]);
    for (i, e) in graph.sorted_edges().into_iter().enumerate() {
        let id = e.id.hyphenated().encode_lower(&mut id);
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        write!(
            w,
            "{{\"data\":{{\"id\":\"{id}\",\"key\":\"{id}\",\"source\":\"{}\",\"target\":\"{}\"",
            e.source.hyphenated().encode_lower(&mut s),
            e.target.hyphenated().encode_lower(&mut t),
        )?;
        fields(&mut w, e, EDGE_FIELDS, &mut scratch)?;
        w.write_all(b"}}")?;
    }
    w.write_all(b"\n]}}\n")?;
    w.flush()
}

/// `,"name":value` for every flattened field of `value` but the structural ones.
fn fields<T: serde::Serialize>(
    w: &mut impl Write,
    value: &T,
    declared: &'static [Field],
    scratch: &mut Scratch,
) -> io::Result<()> {
    flat::each_field(value, scratch, &mut |name, v| {
        let Slot::Declared(f) = flat::slot(declared, name)? else {
            return Ok(());
        };
        w.write_all(b",\"")?;
        w.write_all(f.name.as_bytes())?;
        w.write_all(b"\":")?;
        v.write_json(w)
    })
}
