//! claimtrace origin: the chain from a copy back to its first known source.

use super::inputs::InputArgs;
use super::output::AnswerArgs;
use super::terminal::{safe, shown};
use anyhow::Result;
use claimtrace::{BuildOptions, RepostDag};
use std::collections::HashMap;
use std::io::Write;
use uuid::Uuid;

const USAGE: &str = "\
Reads every input like `claimtrace graph`, finds the item given by --item (its node id, its
URL, its record id, its title, or the file it alone came from; a title may be given in part
when only one item matches; when several match, they are listed and the exit code is 1), and
prints where it came from: every item it was copied or rewritten from, theirs in turn, to its
first known sources, each step with its evidence ('rewritten from [2] (about 60% of this
story)'), as an indented tree whose items are numbered (an item
reached twice, a story that came through two copies, is shown once and then referred to by its
number). Where a first known source credits an outlet whose original is not among the inputs,
the answer ends at that outlet. --json gives the same as nodes and edges.

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

fn write_text(dag: &RepostDag, out: &mut dyn Write) -> std::io::Result<()> {
    let first = shown(&dag.nodes[0].item);
    let ends = dag.first_known_sources().count();
    if dag.nodes.len() == 1 {
        writeln!(
            out,
            "{first} is not shown to be a copy of any item in the inputs."
        )?;
    } else {
        let parents = dag.sources_of(dag.item).count();
        let how = if dag.edges.iter().any(|s| s.how.kind == "rewrites") {
            "copied or rewritten"
        } else {
            "copied"
        };
        writeln!(
            out,
            "{first} was {how} from {parents} item(s); {} item(s) on the way, {ends} first known source(s):",
            dag.nodes.len() - 1
        )?;
    }
    let mut numbers = HashMap::new();
    write_node(dag, dag.item, 0, &mut numbers, out)
}

/// One item of the answer at `depth`, numbered, and under it each item it was copied from with
/// the step's evidence; an item met again is referred to by its number.
fn write_node(
    dag: &RepostDag,
    id: Uuid,
    depth: usize,
    numbers: &mut HashMap<Uuid, usize>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let pad = "  ".repeat(depth);
    if let Some(n) = numbers.get(&id) {
        return writeln!(out, "{pad}[{n}] (shown above)");
    }
    let n = numbers.len() + 1;
    numbers.insert(id, n);
    let Some(node) = dag.nodes.iter().find(|x| x.item.id == id) else {
        return Ok(());
    };
    let mark = if node.first_known && dag.nodes.len() > 1 {
        ": a first known source"
    } else {
        ""
    };
    writeln!(out, "{pad}[{n}] {}{mark}", shown(&node.item))?;
    let pad = format!("{pad}    ");
    if let Some(u) = node.item.url.as_ref().or(node.item.location.as_ref()) {
        writeln!(out, "{pad}{}", safe(u))?;
    }
    for c in &node.credits {
        if node.first_known {
            writeln!(
                out,
                "{pad}which credits {}: the original is not among the inputs",
                safe(c)
            )?;
        } else {
            writeln!(out, "{pad}credits {}", safe(c))?;
        }
    }
    for r in &node.same_text {
        writeln!(
            out,
            "{pad}shares text, with no sign of which came first, with {}",
            shown(r)
        )?;
    }
    for step in dag.sources_of(id) {
        let k = numbers
            .get(&step.source)
            .copied()
            .unwrap_or(numbers.len() + 1);
        writeln!(
            out,
            "{pad}{} (confidence {:.2}): {}",
            step.how.from_source(&format!("[{k}]")),
            step.how.confidence.unwrap_or(0.0),
            safe(step.how.evidence.as_deref().unwrap_or(""))
        )?;
        write_node(dag, step.source, depth + 1, numbers, out)?;
    }
    Ok(())
}

pub fn run(args: Args) -> Result<()> {
    // From a store, only the rows the answer needs (the item's sources, through the indexes).
    let g = match &args.input.db {
        Some(db) => super::add::stored_origin_graph(&args.input, db, &args.item)?,
        None => args.input.graph(BuildOptions::default())?,
    };
    let id = match claimtrace::find_item(&g, &args.item) {
        Ok(id) => id,
        // Several matches: the message, then one line per item to choose from.
        Err(e) if !e.matches().is_empty() => {
            let lines: Vec<String> = e
                .matches()
                .iter()
                .map(|r| {
                    let at = r.url.as_ref().or(r.location.as_ref());
                    format!(
                        "  {} {}{}",
                        r.id,
                        shown(r),
                        at.map(|u| format!(" {}", safe(u))).unwrap_or_default()
                    )
                })
                .collect();
            anyhow::bail!("{e}:\n{}", lines.join("\n"));
        }
        Err(e) => return Err(e.into()),
    };
    let dag = claimtrace::repost_dag(&g, id);
    args.output.write(&dag, write_text)
}
