//! claimtrace graph: build the provenance graph of the inputs.

use super::output::write_output;
use crate::build::BuildOptions;
use crate::export::{self, Format};
use crate::pipeline::{self, Settings};
use crate::read::ReadSettings;
use anyhow::{Result, bail};
use std::io::IsTerminal;
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

Examples:
  claimtrace graph examples/reposts.jsonl
  claimtrace graph --format dot examples/reposts.jsonl | dot -Tsvg > graph.svg
  cat records.jsonl | claimtrace graph - --with-text -o graph.json
  claimtrace graph --skip-bad corpus/ > graph.json";

/// The flags of `claimtrace graph`, as parsed.
#[derive(Debug, clap::Args)]
#[command(after_long_help = USAGE, after_help = USAGE)]
pub struct Args {
    /// Files or directories to read; - reads standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write the graph here instead of stdout (replaced only when the run succeeds).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Include each item's full text (claim spans of JSON-record items point into it).
    #[arg(long)]
    pub with_text: bool,
    /// Go on past inputs that cannot be read, warning about each on stderr.
    #[arg(long)]
    pub skip_bad: bool,
    /// The outlet that published the items, overriding what the inputs say.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Never show progress bars.
    #[arg(long, short)]
    pub quiet: bool,
}

impl Args {
    /// The settings the run uses, from the flags and the environment.
    pub fn settings(&self) -> Settings {
        Settings {
            inputs: self.inputs.clone(),
            skip_bad: self.skip_bad,
            read: ReadSettings {
                outlet: self.outlet.clone(),
            },
            build: BuildOptions {
                with_text: self.with_text,
            },
            progress: !self.quiet && std::io::stderr().is_terminal(),
        }
    }
}

pub fn run(args: Args) -> Result<()> {
    let settings = args.settings();
    if settings
        .inputs
        .iter()
        .filter(|p| p.as_os_str() == "-")
        .count()
        > 1
    {
        bail!("standard input (-) can be given once");
    }
    let mut warn = |e: &crate::read::InputError| eprintln!("warning: skipped {e}");
    let (graph, report) = pipeline::run(&settings, &mut warn)?;
    write_output(args.output.as_deref(), |out| {
        export::write(&graph, args.format, out)
    })?;
    if !report.skipped.is_empty() {
        eprintln!("warning: {} bad input(s) skipped", report.skipped.len());
    }
    Ok(())
}
