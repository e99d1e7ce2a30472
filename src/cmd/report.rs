//! claimtrace report: a plain-language provenance summary of every item.

use super::inputs::{InputArgs, graph_of};
use super::origin::{ItemRef, Step, describe, item_ref, same_text_with, step, target_labels};
use super::output::write_output;
use crate::build::BuildOptions;
use crate::model::{EdgeKind, Graph, NodeData};
use anyhow::Result;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use uuid::Uuid;

const USAGE: &str = "\
Reads every input like `claimtrace graph` and prints, for each item, where it came from in
plain words: what it is a copy of (with the shared text and the evidence of direction), who
copied it, what it shares text with, which outlets it credits, its first known source, whom it
quotes, and where each of its claims first appeared among the inputs. Items are listed by date,
then title.

Examples:
  claimtrace report examples/reposts.jsonl
  claimtrace report corpus/ --json -o report.json";

/// The flags of `claimtrace report`, as parsed.
#[derive(Debug, clap::Args)]
#[command(after_long_help = USAGE, after_help = USAGE)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Write here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Serialize)]
pub struct CopyOf {
    pub item: ItemRef,
    pub how: Step,
}

#[derive(Debug, Serialize)]
pub struct ClaimOrigin {
    pub claim: String,
    pub speaker: Option<String>,
    /// The earliest item among the inputs that holds the claim.
    pub first_in: ItemRef,
}

/// The provenance of one item.
#[derive(Debug, Serialize)]
pub struct ItemReport {
    pub item: ItemRef,
    pub summary: String,
    pub copy_of: Vec<CopyOf>,
    pub copied_by: Vec<ItemRef>,
    pub same_text: Vec<ItemRef>,
    pub credits: Vec<String>,
    /// The end of its chain of reposts, when it is a copy.
    pub first_known_source: Option<ItemRef>,
    /// Outlets that first known source credits.
    pub credited_by_source: Vec<String>,
    pub quotes: Vec<String>,
    pub claims: Vec<ClaimOrigin>,
}

fn item_ids(g: &Graph) -> Vec<Uuid> {
    let mut v: Vec<(Option<String>, String, Uuid)> = g
        .sorted_nodes()
        .into_iter()
        .filter_map(|n| match &n.data {
            NodeData::Item(it) => Some((
                it.published.map(|d| d.to_string()),
                n.label().into_owned(),
                n.id,
            )),
            _ => None,
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, _, id)| id).collect()
}

fn published(g: &Graph, id: Uuid) -> Option<String> {
    match g.node(id).map(|n| &n.data) {
        Some(NodeData::Item(it)) => it.published.map(|d| d.to_string()),
        _ => None,
    }
}

pub fn report_item(g: &Graph, id: Uuid) -> ItemReport {
    let mut copy_of: Vec<CopyOf> = g
        .edges_from(id)
        .filter(|e| e.kind == EdgeKind::Reposts)
        .map(|e| CopyOf {
            item: item_ref(g, e.target),
            how: step(e),
        })
        .collect();
    copy_of.sort_by_key(|c| c.item.id);
    let mut copied_by: Vec<ItemRef> = g
        .edges_to(id)
        .filter(|e| e.kind == EdgeKind::Reposts)
        .map(|e| item_ref(g, e.source))
        .collect();
    copied_by.sort_by_key(|r| r.id);
    let same_text = same_text_with(g, id);
    let credits = target_labels(g, id, EdgeKind::Credits);
    let origin = super::origin::trace(g, id);
    let first_known_source = (origin.chain.len() > 1)
        .then(|| origin.chain.last().map(|l| l.item.clone()))
        .flatten();
    let credited_by_source = if first_known_source.is_some() {
        origin.credited.clone()
    } else {
        Vec::new()
    };

    let mut quotes = Vec::new();
    let mut claims = Vec::new();
    for e in g.edges_from(id).filter(|e| e.kind == EdgeKind::Contains) {
        let Some(NodeData::Claim(c)) = g.node(e.target).map(|n| &n.data) else {
            continue;
        };
        let speaker = target_labels(g, e.target, EdgeKind::SaidBy)
            .into_iter()
            .next();
        quotes.extend(speaker.clone());
        let first = g
            .edges_to(e.target)
            .filter(|x| x.kind == EdgeKind::Contains)
            .map(|x| x.source)
            .min_by_key(|&i| (published(g, i).is_none(), published(g, i), i))
            .unwrap_or(id);
        claims.push(ClaimOrigin {
            claim: crate::vocab::excerpt(&c.text, 120),
            speaker,
            first_in: item_ref(g, first),
        });
    }
    quotes.sort();
    quotes.dedup();
    claims.sort_by(|a, b| a.claim.cmp(&b.claim));

    let mut summary = Vec::new();
    match copy_of.as_slice() {
        [] => summary.push("Not shown to be a copy of any item in the inputs.".to_string()),
        [one] => summary.push(format!("A copy of {}.", describe(&one.item))),
        many => summary.push(format!(
            "Copies text from {} items: {}.",
            many.len(),
            many.iter()
                .map(|c| describe(&c.item))
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }
    if let Some(f) = &first_known_source
        && copy_of.iter().all(|c| c.item.id != f.id)
    {
        summary.push(format!("Its first known source is {}.", describe(f)));
    }
    if !credited_by_source.is_empty() {
        summary.push(format!(
            "That source credits {}.",
            credited_by_source.join(", ")
        ));
    }
    if !credits.is_empty() {
        summary.push(format!("It credits {}.", credits.join(", ")));
    }
    if !copied_by.is_empty() {
        summary.push(format!("Copied by {} item(s).", copied_by.len()));
    }
    if !same_text.is_empty() {
        summary.push(format!(
            "Shares text with {} item(s), with no sign of which came first.",
            same_text.len()
        ));
    }
    if !quotes.is_empty() {
        summary.push(format!("Quotes {}.", quotes.join(", ")));
    }
    ItemReport {
        item: item_ref(g, id),
        summary: summary.join(" "),
        copy_of,
        copied_by,
        same_text,
        credits,
        first_known_source,
        credited_by_source,
        quotes,
        claims,
    }
}

pub fn report(g: &Graph) -> Vec<ItemReport> {
    item_ids(g)
        .into_iter()
        .map(|id| report_item(g, id))
        .collect()
}

fn write_text(rs: &[ItemReport], out: &mut dyn Write) -> std::io::Result<()> {
    for r in rs {
        writeln!(out, "{}", describe(&r.item))?;
        if let Some(u) = r.item.url.as_ref().or(r.item.location.as_ref()) {
            writeln!(out, "  {u}")?;
        }
        writeln!(out, "  {}", r.summary)?;
        for c in &r.copy_of {
            writeln!(
                out,
                "  copy of {}: {}",
                describe(&c.item),
                c.how.evidence.as_deref().unwrap_or("")
            )?;
        }
        for c in &r.copied_by {
            writeln!(out, "  copied by {}", describe(c))?;
        }
        for c in &r.same_text {
            writeln!(out, "  same text as {}", describe(c))?;
        }
        for c in &r.claims {
            let who = c.speaker.as_deref().unwrap_or("unattributed");
            let here = c.first_in.id == r.item.id;
            let first = if here {
                "first here".to_string()
            } else {
                format!("first in {}", describe(&c.first_in))
            };
            writeln!(out, "  claim ({who}): \"{}\" — {first}", c.claim)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

pub fn run(args: Args) -> Result<()> {
    let g = graph_of(&args.input.settings(BuildOptions::default())?)?;
    let rs = report(&g);
    write_output(args.output.as_deref(), |out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &rs)?;
            writeln!(out)
        } else {
            write_text(&rs, out)
        }
    })
}
