//! claimtrace graph: build the provenance graph of the inputs.

use super::inputs::InputArgs;
use super::output::OutputArgs;
use super::select::SelectArgs;
use anyhow::Result;
use claimtrace::{BuildOptions, Format};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

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

Examples:
  claimtrace graph examples/reposts.jsonl
  claimtrace graph --format dot examples/reposts.jsonl | dot -Tsvg > graph.svg
  claimtrace graph --format dot --story lantern-88 --only items,outlets examples/reposts.jsonl
  claimtrace graph --format html corpus/ -o story.html
  claimtrace graph --format gexf corpus/ -o graph.gexf        # open in Gephi
  cat records.jsonl | claimtrace graph - --with-text -o graph.json
  claimtrace graph --skip-bad corpus/ > graph.json";

/// The flags of `claimtrace graph`, as parsed.
#[derive(Debug, clap::Args)]
#[command(after_long_help = USAGE, after_help = USAGE)]
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
    let graph = args.input.graph(BuildOptions {
        with_text: args.with_text || args.format == Format::Html,
    })?;
    let graph = args.select.apply(graph)?;
    args.output
        .write(|out| claimtrace::write_graph(&graph, args.format, out))
}
