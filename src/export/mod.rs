//! Export stage: one module per output format. Every format writes nodes and edges sorted by id,
//! so the same graph gives the same bytes.

mod agent;
mod claims_jsonld;
mod cytoscape;
mod day;
mod dot;
mod flat;
mod gexf;
mod graphml;
mod html;
mod json;
mod look;
mod passim;
mod prov;
mod style;
#[cfg(test)]
mod tests;
mod xml;

use crate::model::Graph;
use std::io::{self, Write};

pub use html::{ViewOptions, write as write_view};

/// A format the graph can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// One self-contained HTML page that draws the story on a timeline, offline
    /// ([`write_view`] with the default [`ViewOptions`]).
    Html,
    /// passim records (JSON lines of id, series, date, text), one per item; needs the items'
    /// text ([`Format::needs_text`]).
    Passim,
}

impl Format {
    /// Every format, in the order a list of them is shown.
    pub const ALL: &'static [Format] = &[
        Format::Json,
        Format::Dot,
        Format::Html,
        Format::Gexf,
        Format::Graphml,
        Format::ProvJson,
        Format::Cytoscape,
        Format::ClaimsJsonld,
        Format::Passim,
    ];

    /// The format's name, as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Html => "html",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
            Format::ProvJson => "prov-json",
            Format::Cytoscape => "cytoscape",
            Format::ClaimsJsonld => "claims-jsonld",
            Format::Passim => "passim",
        }
    }

    /// What the format is, in a few words (for help texts).
    pub fn about(self) -> &'static str {
        match self {
            Format::Json => "the graph contract (schemas/graph.schema.json)",
            Format::Dot => "Graphviz DOT, for dot -Tsvg",
            Format::Html => "an interactive page that opens offline (like claimtrace view)",
            Format::Gexf => {
                "GEXF 1.3 for Gephi: typed attributes, a colour per kind, items on the timeline"
            }
            Format::Graphml => {
                "GraphML with flat typed keys: networkx, yEd, Neo4j (apoc.import.graphml)"
            }
            Format::ProvJson => {
                "W3C PROV-JSON: items, claims, dates as entities; outlets, speakers as agents"
            }
            Format::Cytoscape => {
                "Cytoscape.js JSON (elements: nodes, edges), also read by networkx"
            }
            Format::ClaimsJsonld => {
                "schema.org Claim JSON-LD: each claim with its appearances and first appearance"
            }
            Format::Passim => "passim records (id, series, date, text), one JSON line per item",
        }
    }

    /// Whether the format writes the items' full text, so the graph must be built with it
    /// (`BuildOptions::with_text`); writing a graph without it is an error.
    pub fn needs_text(self) -> bool {
        matches!(self, Format::Passim)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is no format's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format {0:?} (formats: {list})", list = Format::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().join(", "))]
pub struct UnknownFormat(pub String);

impl std::str::FromStr for Format {
    type Err = UnknownFormat;

    /// The format of a name, case-insensitively.
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// Writes `graph` to `out` in `format`.
pub fn write(graph: &Graph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => json::write(graph, out),
        Format::Dot => dot::write(graph, out),
        Format::Html => html::write(graph, &ViewOptions::default(), out),
        Format::Gexf => gexf::write(graph, out),
        Format::Graphml => graphml::write(graph, out),
        Format::ProvJson => prov::write(graph, out),
        Format::Cytoscape => cytoscape::write(graph, out),
        Format::ClaimsJsonld => claims_jsonld::write(graph, out),
        Format::Passim => passim::write(graph, out),
    }
}
