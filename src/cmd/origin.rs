//! claimtrace origin: the chain from a copy back to its first known source.

use super::inputs::{InputArgs, graph_of};
use super::output::write_output;
use crate::build::BuildOptions;
use crate::model::{Edge, EdgeKind, Graph, NodeData};
use anyhow::{Result, bail};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use uuid::Uuid;

const USAGE: &str = "\
Reads every input like `claimtrace graph`, finds the item given by --item (its node id, its
URL, its record id, its title, or the file it alone came from; a title may be given in part
when only one item matches), and
prints the chain of reposts from it to the first item it was copied from, with the evidence of
each step. Where that first item credits an outlet whose original is not among the inputs, the
chain ends at the credited outlet.

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
    /// Write JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Write here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// An item as the provenance commands show it.
#[derive(Debug, Clone, Serialize)]
pub struct ItemRef {
    pub id: Uuid,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// Where the item is among the inputs: its file, and the byte it starts at when that is
    /// not the file's start (a dump or a JSON Lines file holds many items).
    pub location: Option<String>,
}

/// A text edge as the provenance commands show it.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub kind: &'static str,
    pub confidence: Option<f64>,
    pub evidence: Option<String>,
    pub aligned: Vec<crate::vocab::Alignment>,
}

/// One link of the chain: the item, and how it was copied from the next one.
#[derive(Debug, Serialize)]
pub struct Link {
    pub item: ItemRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copied_from_next: Option<Step>,
}

/// The answer of `origin`.
#[derive(Debug, Serialize)]
pub struct Origin {
    pub chain: Vec<Link>,
    /// Outlets the first known source credits: where the story came from before it.
    pub credited: Vec<String>,
    /// Items that share text with the first known source without a shown direction.
    pub same_text: Vec<ItemRef>,
}

/// The items that share text with `id` without a shown direction (`same_text` edges are
/// undirected, so both ends are looked at), sorted by id.
pub fn same_text_with(g: &Graph, id: Uuid) -> Vec<ItemRef> {
    let mut same: Vec<ItemRef> = g
        .edges_from(id)
        .chain(g.edges_to(id))
        .filter(|e| e.kind == EdgeKind::SameText)
        .map(|e| item_ref(g, if e.source == id { e.target } else { e.source }))
        .collect();
    same.sort_by_key(|r| r.id);
    same
}

pub fn item_ref(g: &Graph, id: Uuid) -> ItemRef {
    let node = g.node(id);
    let (title, published, url, location) = match node.map(|n| &n.data) {
        Some(NodeData::Item(it)) => (
            it.title.clone().unwrap_or_else(|| it.excerpt.clone()),
            it.published.map(|d| d.to_string()),
            it.url.clone(),
            Some(match it.origin.start {
                0 => it.origin.file.to_string(),
                at => format!("{} at byte {at}", it.origin.file),
            }),
        ),
        _ => (String::new(), None, None, None),
    };
    ItemRef {
        id,
        title: crate::vocab::excerpt(&title, 90),
        outlet: target_labels(g, id, EdgeKind::PublishedBy)
            .into_iter()
            .next(),
        published,
        url,
        location,
    }
}

/// Labels of the nodes `id` points at by edges of `kind`, sorted.
pub fn target_labels(g: &Graph, id: Uuid, kind: EdgeKind) -> Vec<String> {
    let mut v: Vec<String> = g
        .edges_from(id)
        .filter(|e| e.kind == kind)
        .filter_map(|e| g.node(e.target).map(|n| n.label().into_owned()))
        .collect();
    v.sort();
    v.dedup();
    v
}

pub fn step(e: &Edge) -> Step {
    Step {
        kind: e.kind.as_str(),
        confidence: e.detail().confidence,
        evidence: e.detail().evidence.clone(),
        aligned: e.detail().aligned.clone(),
    }
}

/// The item `key` names: node id, URL, record id, exact title, else the one title containing it.
pub fn find_item(g: &Graph, key: &str) -> Result<Uuid> {
    let key = key.trim();
    if let Ok(id) = key.parse::<Uuid>()
        && g.node(id).is_some()
    {
        return Ok(id);
    }
    let items: Vec<(Uuid, &crate::model::ItemNode)> = g
        .sorted_nodes()
        .into_iter()
        .filter_map(|n| match &n.data {
            NodeData::Item(it) => Some((n.id, it.as_ref())),
            _ => None,
        })
        .collect();
    let url = crate::vocab::url_key(key);
    let exact = |it: &crate::model::ItemNode| {
        it.url.as_deref().map(crate::vocab::url_key).as_deref() == Some(url.as_str())
            || it.record_id.as_deref() == Some(key)
            || it.title.as_deref().map(str::trim) == Some(key)
    };
    if let Some((id, _)) = items.iter().find(|(_, it)| exact(it)) {
        return Ok(*id);
    }
    // A file of the inputs (its path as given, or the end of it): plain-text articles have no
    // URL or title to go by.
    let in_file: Vec<Uuid> = items
        .iter()
        .filter(|(_, it)| {
            let f: &str = &it.origin.file;
            f == key
                || f.strip_suffix(key)
                    .is_some_and(|rest| rest.ends_with(['/', '\\']))
        })
        .map(|(id, _)| *id)
        .collect();
    match in_file.as_slice() {
        [one] => return Ok(*one),
        [] => {}
        many => bail!(
            "{} items come from {key:?}; give the title or the URL of one",
            many.len()
        ),
    }
    let lower = key.to_lowercase();
    let partial: Vec<&(Uuid, &crate::model::ItemNode)> = items
        .iter()
        .filter(|(_, it)| {
            it.title
                .as_deref()
                .is_some_and(|t| t.to_lowercase().contains(&lower))
        })
        .collect();
    match partial.as_slice() {
        [one] => Ok(one.0),
        [] => bail!("no item has the id, URL, record id, title or file {key:?}"),
        many => bail!(
            "{} items have titles containing {key:?}; give more of the title or the URL",
            many.len()
        ),
    }
}

/// The source an item was copied from: its reposts edge of highest confidence.
pub fn source_of(g: &Graph, id: Uuid) -> Option<&Edge> {
    g.edges_from(id)
        .filter(|e| e.kind == EdgeKind::Reposts)
        .max_by(|a, b| {
            a.detail()
                .confidence
                .unwrap_or(0.0)
                .total_cmp(&b.detail().confidence.unwrap_or(0.0))
                .then(b.target.cmp(&a.target))
        })
}

/// The chain from `id` to its first known source.
pub fn trace(g: &Graph, id: Uuid) -> Origin {
    let mut chain = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut at = id;
    loop {
        seen.insert(at);
        let next = source_of(g, at).filter(|e| !seen.contains(&e.target));
        chain.push(Link {
            item: item_ref(g, at),
            copied_from_next: next.map(step),
        });
        match next {
            Some(e) => at = e.target,
            None => break,
        }
    }
    let own = chain
        .first()
        .and_then(|l| l.item.outlet.clone())
        .unwrap_or_default();
    let mut credited = target_labels(g, at, EdgeKind::Credits);
    credited.retain(|c| *c != own);
    let same = same_text_with(g, at);
    Origin {
        chain,
        credited,
        same_text: same,
    }
}

pub fn describe(r: &ItemRef) -> String {
    let mut s = format!("\"{}\"", r.title);
    match (&r.outlet, &r.published) {
        (Some(o), Some(d)) => s.push_str(&format!(" ({o}, {d})")),
        (Some(o), None) => s.push_str(&format!(" ({o})")),
        (None, Some(d)) => s.push_str(&format!(" ({d})")),
        (None, None) => {}
    }
    s
}

fn write_text(o: &Origin, out: &mut dyn Write) -> std::io::Result<()> {
    let first = &o.chain[0].item;
    if o.chain.len() == 1 {
        writeln!(
            out,
            "{} is not shown to be a copy of any item in the inputs.",
            describe(first)
        )?;
    } else {
        writeln!(
            out,
            "{} goes back {} step(s) to its first known source:",
            describe(first),
            o.chain.len() - 1
        )?;
    }
    for (n, l) in o.chain.iter().enumerate() {
        writeln!(out, "{:>3}. {}", n + 1, describe(&l.item))?;
        if let Some(u) = l.item.url.as_ref().or(l.item.location.as_ref()) {
            writeln!(out, "     {u}")?;
        }
        if let Some(s) = &l.copied_from_next {
            writeln!(
                out,
                "     copied from the next (confidence {:.2}): {}",
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
            writeln!(out, "     {}", describe(r))?;
        }
    }
    Ok(())
}

pub fn run(args: Args) -> Result<()> {
    let g = graph_of(&args.input.settings(BuildOptions::default())?)?;
    let id = find_item(&g, &args.item)?;
    let o = trace(&g, id);
    write_output(args.output.as_deref(), |out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &o)?;
            writeln!(out)
        } else {
            write_text(&o, out)
        }
    })
}
