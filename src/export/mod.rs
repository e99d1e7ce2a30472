//! Export stage: one module per output format. Every format writes nodes and edges sorted by id,
//! so the same graph gives the same bytes.

pub mod dot;
pub mod json;

use crate::model::Graph;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The graph contract (schemas/graph.schema.json).
    Json,
    /// Graphviz DOT, for `dot -Tsvg`.
    Dot,
}

/// Writes `graph` to `out` in `format`.
pub fn write(graph: &Graph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => json::write(graph, out),
        Format::Dot => dot::write(graph, out),
    }
}
