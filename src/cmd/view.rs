//! claimtrace view: the story as one HTML page that opens offline.

use super::inputs::InputArgs;
use super::output::OutputArgs;
use anyhow::Result;
use claimtrace::{BuildOptions, ViewOptions};

const USAGE: &str = "\
Reads every input like `claimtrace graph` and writes one self-contained HTML page: the items on
a timeline (left to right by date, one row per outlet), copies pointing to their sources,
outlets credited whose originals are not in the inputs, and items with doubtful dates marked.
Click an item to read it beside its source with the shared passages marked, its credits, the
evidence of each copy and where each of its claims first appeared; find a title, outlet,
speaker or claim; focus one story. The page makes no network request: open it from disk.

Examples:
  claimtrace view examples/reposts.jsonl -o story.html
  claimtrace view corpus/ --story 'https://blog.example/post' -o one-story.html";

/// The flags of `claimtrace view`, as parsed.
#[derive(Debug, clap::Args)]
#[command(after_long_help = USAGE, after_help = USAGE)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Only the story around this item (node id, URL, record id, title or file).
    #[arg(long, value_name = "ITEM")]
    pub story: Option<String>,
}

pub fn run(args: Args) -> Result<()> {
    // The texts are the panels' "copy beside its source".
    let mut graph = args.input.graph(BuildOptions { with_text: true })?;
    if let Some(key) = &args.story {
        graph = super::select::story(&graph, key)?;
    }
    args.output
        .write(|out| claimtrace::write_view(&graph, &ViewOptions::default(), out))
}
