//! claimtrace origin: the chain from a copy back to its first known source.

use super::inputs::InputArgs;
use super::output::AnswerArgs;
use anyhow::Result;
use claimtrace::{BuildOptions, RepostChain};
use std::io::Write;

const USAGE: &str = "\
Reads every input like `claimtrace graph`, finds the item given by --item (its node id, its
URL, its record id, its title, or the file it alone came from; a title may be given in part
when only one item matches), and
prints the chain of reposts and rewrites from it to the first item it was copied or rewritten
from, with the evidence of each step ('rewritten from the next (about 60% of this story)').
Where that first item credits an outlet whose original is not among the inputs, the chain ends
at the credited outlet.

Examples:
  claimtrace origin corpus/ --item 'https://blog.example/2020/09/19/post'
  claimtrace origin blog-dump.txt records.jsonl --item 'Lavrov says'
  claimtrace origin corpus/ --item 5915c82f-fc97-5c6b-a7f7-7c9eebc0afbd --json
  claimtrace origin articles/ --item der1.txt";

/// The flags of `claimtrace origin`, as parsed.
#[derive(Debug, clap::Args)]
#[command(after_long_help = USAGE, after_help = USAGE)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// The item to trace: node id, URL, record id, title or file.
    #[arg(long, value_name = "ID|URL|TITLE")]
    pub item: String,
    #[command(flatten)]
    pub output: AnswerArgs,
}

fn write_text(o: &RepostChain, out: &mut dyn Write) -> std::io::Result<()> {
    let first = &o.chain[0].item;
    if o.chain.len() == 1 {
        writeln!(
            out,
            "{first} is not shown to be a copy of any item in the inputs."
        )?;
    } else {
        writeln!(
            out,
            "{first} goes back {} step(s) to its first known source:",
            o.chain.len() - 1
        )?;
    }
    for (n, l) in o.chain.iter().enumerate() {
        writeln!(out, "{:>3}. {}", n + 1, l.item)?;
        if let Some(u) = l.item.url.as_ref().or(l.item.location.as_ref()) {
            writeln!(out, "     {u}")?;
        }
        if let Some(s) = &l.copied_from_next {
            writeln!(
                out,
                "     {} (confidence {:.2}): {}",
                s.from_source("the next"),
                s.confidence.unwrap_or(0.0),
                s.evidence.as_deref().unwrap_or("")
            )?;
        }
    }
    for c in &o.credited {
        writeln!(
            out,
            "     which credits {c}: the original is not among the inputs"
        )?;
    }
    if !o.same_text.is_empty() {
        writeln!(
            out,
            "The first known source shares text, with no sign of which came first, with:"
        )?;
        for r in &o.same_text {
            writeln!(out, "     {r}")?;
        }
    }
    Ok(())
}

pub fn run(args: Args) -> Result<()> {
    let g = args.input.graph(BuildOptions::default())?;
    let id = claimtrace::find_item(&g, &args.item)?;
    let chain = claimtrace::repost_chain(&g, id);
    args.output.write(&chain, write_text)
}
