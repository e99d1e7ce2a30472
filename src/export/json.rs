//! JSON export: the graph contract, one node or edge per line so that diffs stay readable.
//!
//! Nodes and edges are written in id order, which is not the order they lie in memory (ids are
//! digests): reading them is mostly waiting on memory, and was the one stage of a run after
//! the build on one core. So the lines are made on every core, a run of consecutive ids per
//! task, and written in id order: the bytes are the same as one line after another.

use crate::model::{Graph, SCHEMA_NAME, SCHEMA_VERSION};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, BufWriter, Write};

/// Lines one task makes: enough to outweigh handing the task out.
const PER_TASK: usize = 1 << 10;
/// Lines made before they are written: bounds the memory held for them (about 16 MB of nodes).
const PER_BATCH: usize = 16 * PER_TASK;

pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    write!(
        w,
        "{{\"schema\":\"{SCHEMA_NAME}\",\"version\":{SCHEMA_VERSION},\"nodes\":["
    )?;
    write_lines(&mut w, &graph.sorted_nodes())?;
    w.write_all(b"\n],\"edges\":[")?;
    write_lines(&mut w, &graph.sorted_edges())?;
    w.write_all(b"\n]}\n")?;
    w.flush()
}

/// Writes `rows` one a line in their order, each line after the first led by a comma.
fn write_lines<T: Serialize + Sync>(w: &mut impl Write, rows: &[&T]) -> io::Result<()> {
    for (b, batch) in rows.chunks(PER_BATCH).enumerate() {
        let lines = batch
            .par_chunks(PER_TASK)
            .enumerate()
            .map(|(t, task)| {
                let mut buf = Vec::new();
                for (i, row) in task.iter().enumerate() {
                    let first = b == 0 && t == 0 && i == 0;
                    buf.extend_from_slice(if first { b"\n" } else { b",\n" });
                    serde_json::to_writer(&mut buf, row)?;
                }
                Ok(buf)
            })
            .collect::<io::Result<Vec<Vec<u8>>>>()?;
        for l in lines {
            w.write_all(&l)?;
        }
    }
    Ok(())
}
