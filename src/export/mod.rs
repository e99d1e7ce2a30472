//! Export stage: one module per output format. Every format writes nodes and edges sorted by id,
//! so the same graph gives the same bytes.

mod agent;
pub mod claims_jsonld;
pub mod cytoscape;
mod day;
pub mod dot;
pub mod flat;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod prov;
mod style;
mod xml;

use crate::model::Graph;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The graph contract (schemas/graph.schema.json).
    Json,
    /// Graphviz DOT, for `dot -Tsvg`.
    Dot,
    /// GEXF 1.3, for Gephi (timeline by publication date, a colour per kind).
    Gexf,
    /// GraphML with flat typed keys, for networkx, yEd and Neo4j (APOC).
    Graphml,
    /// W3C PROV-JSON: items and claims as entities, outlets and speakers as agents.
    ProvJson,
    /// Cytoscape.js JSON (elements: nodes and edges), also read by networkx.
    Cytoscape,
    /// schema.org Claim JSON-LD, one Claim per claim with its appearances.
    ClaimsJsonld,
}

/// Writes `graph` to `out` in `format`.
pub fn write(graph: &Graph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => json::write(graph, out),
        Format::Dot => dot::write(graph, out),
        Format::Gexf => gexf::write(graph, out),
        Format::Graphml => graphml::write(graph, out),
        Format::ProvJson => prov::write(graph, out),
        Format::Cytoscape => cytoscape::write(graph, out),
        Format::ClaimsJsonld => claims_jsonld::write(graph, out),
    }
}
