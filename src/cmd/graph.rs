//! claimtrace graph: build the provenance graph of the inputs.

use super::inputs::InputArgs;
use super::output::OutputArgs;
use super::select::SelectArgs;
use anyhow::Result;
use claimtrace::{BuildOptions, Format};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
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

With --from-parts DIR it reads no input: it assembles the graph a distributed job wrote as
partitioned node and edge files (DIR/parts.json, DIR/nodes/, DIR/edges/; see docs/python.md)
and writes it in any format, byte for byte as graph on the same inputs would.

--format passim writes the items' text, so it builds the graph with --with-text.

Examples:
  claimtrace graph examples/reposts.jsonl
  claimtrace graph --format dot examples/reposts.jsonl | dot -Tsvg > graph.svg
  claimtrace graph --format dot --story lantern-88 --only items,outlets examples/reposts.jsonl
  claimtrace graph --format html corpus/ -o story.html
  claimtrace graph --format gexf corpus/ -o graph.gexf        # open in Gephi
  cat records.jsonl | claimtrace graph - --with-text -o graph.json
  claimtrace graph --skip-bad corpus/ > graph.json
  claimtrace graph --from-parts out/graph-parts --format dot -o graph.dot
  claimtrace graph --format passim corpus/ > passim.jsonl
  claimtrace graph --db claimtrace.db --format gexf -o graph.gexf   # a store (claimtrace add)";

/// The flags of `claimtrace graph`, as parsed.
#[derive(Debug, clap::Args)]
#[command(after_long_help = USAGE, after_help = USAGE)]
// Inputs are required unless the graph comes from parts or a store.
#[command(mut_arg("inputs", |a| a.required(false).required_unless_present_any(["from_parts", "db"])))]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Output format.
    #[arg(short, long, default_value = "json", value_parser = format_parser())]
    pub format: Format,
    /// Include each item's full text (claim spans of JSON-record items point into it; the
    /// HTML view always holds the texts of items in copies).
    #[arg(long)]
    pub with_text: bool,
    /// Assemble the graph from partitioned node and edge files in DIR instead of reading
    /// inputs.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["inputs", "skip_bad", "outlet", "with_text", "db"])]
    pub from_parts: Option<PathBuf>,
    #[command(flatten)]
    pub select: SelectArgs,
}

/// The library's formats as `--format` values: a format added there is a value here.
fn format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(
        Format::ALL
            .iter()
            .map(|f| PossibleValue::new(f.name()).help(f.about())),
    )
    .try_map(|name| name.parse::<Format>())
}

pub fn run(args: Args) -> Result<()> {
    let graph = match &args.from_parts {
        Some(dir) => claimtrace::read_parts(dir)?,
        None => args.input.graph(BuildOptions {
            // The view holds the texts of items in copies; passim records every item's text.
            with_text: args.with_text || args.format == Format::Html || args.format.needs_text(),
        })?,
    };
    let graph = args.select.apply(graph)?;
    args.output
        .write(|out| claimtrace::write_graph(&graph, args.format, out))
}
