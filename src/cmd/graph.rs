//! claimtrace graph: build the provenance graph of the inputs.

use super::inputs::{InputArgs, graph_of};
use super::output::write_output;
use crate::build::BuildOptions;
use crate::export::{self, Format};
use anyhow::Result;
use std::path::PathBuf;

const USAGE: &str = "\
Reads every input (files; directories, recursively; - for standard input), builds one graph of
its items, claims, speakers, outlets and dates, and writes it to stdout or -o FILE.

Inputs by extension, else by content:
  .json .jsonl .ndjson         JSON records (schemas/record.schema.json; news-please, passim fields)
  .txt .text .md               text dumps: a scraped page of posts, split into items
  .html .htm .xhtml .shtml     web pages: main text and metadata (meta tags, JSON-LD)
  .rss .atom .xml .rdf .wxr    feeds (RSS, Atom) and WordPress exports: one item per entry
  .jsonfeed                    JSON Feed
  .warc                        web archives: one item per HTML response
  .gz                          any of the above, gzip-compressed

Formats (-f, --format; docs/exports.md):
  json           the graph contract (schemas/graph.schema.json), the default
  dot            Graphviz DOT
  gexf           GEXF 1.3 for Gephi: typed attributes, a colour per kind, items on the timeline
  graphml        GraphML with flat typed keys: networkx, yEd, Neo4j (apoc.import.graphml)
  prov-json      W3C PROV-JSON: items, claims, dates as entities; outlets, speakers as agents
  cytoscape      Cytoscape.js JSON (elements: nodes, edges), also read by networkx
  claims-jsonld  schema.org Claim JSON-LD: each claim with its appearances and first appearance

Examples:
  claimtrace graph examples/reposts.jsonl
  claimtrace graph --format dot examples/reposts.jsonl | dot -Tsvg > graph.svg
  claimtrace graph --format gexf corpus/ -o graph.gexf        # open in Gephi
  cat records.jsonl | claimtrace graph - --with-text -o graph.json
  claimtrace graph --skip-bad corpus/ > graph.json";

/// The flags of `claimtrace graph`, as parsed.
#[derive(Debug, clap::Args)]
#[command(after_long_help = USAGE, after_help = USAGE)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the graph here instead of stdout (replaced only when the run succeeds).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Include each item's full text (claim spans of JSON-record items point into it).
    #[arg(long)]
    pub with_text: bool,
}

pub fn run(args: Args) -> Result<()> {
    let settings = args.input.settings(BuildOptions {
        with_text: args.with_text,
    })?;
    let graph = graph_of(&settings)?;
    write_output(args.output.as_deref(), |out| {
        export::write(&graph, args.format, out)
    })
}
