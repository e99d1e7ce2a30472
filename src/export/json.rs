//! JSON export: the graph contract, one node or edge per line so that diffs stay readable.

use crate::model::{Graph, SCHEMA_NAME, SCHEMA_VERSION};
use std::io::{self, BufWriter, Write};

pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    write!(
        w,
        "{{\"schema\":\"{SCHEMA_NAME}\",\"version\":{SCHEMA_VERSION},\"nodes\":["
    )?;
    for (i, n) in graph.sorted_nodes().into_iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut w, n)?;
    }
    w.write_all(b"\n],\"edges\":[")?;
    for (i, e) in graph.sorted_edges().into_iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut w, e)?;
    }
    w.write_all(b"\n]}\n")?;
    w.flush()
}
