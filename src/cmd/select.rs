//! Which part of the graph a command shows: the story around one item (`--story`), and only
//! some kinds of node (`--only`). One definition, so `graph`, `view` and `report` pick a story
//! alike.

use anyhow::{Result, bail};
use claimtrace::{Graph, NodeKind};

/// `--story` and `--only`, flattened into `graph`'s flags.
#[derive(Debug, clap::Args)]
pub struct SelectArgs {
    /// Only the story around this item (node id, URL, record id, title or file): the items
    /// joined to it by copying, and what they point to.
    #[arg(long, value_name = "ITEM")]
    pub story: Option<String>,
    /// Only these kinds of node, comma-separated: items, outlets, speakers, claims, dates
    /// (e.g. --only items,outlets for a picture of who copied whom).
    #[arg(long, value_name = "KINDS", value_delimiter = ',', value_parser = kind_parser)]
    pub only: Vec<NodeKind>,
}

impl SelectArgs {
    /// The part of `g` these flags ask for (all of it without them).
    pub fn apply(&self, g: Graph) -> Result<Graph> {
        let g = match &self.story {
            Some(key) => story(&g, key)?,
            None => g,
        };
        if self.only.is_empty() {
            return Ok(g);
        }
        let kinds = g.subgraph(|n| self.only.contains(&n.kind));
        // What only the left-out kinds joined to the story (an outlet a claim named) would
        // stand alone in the picture: items stay, other nodes only with a line left.
        Ok(kinds.subgraph(|n| {
            n.kind == NodeKind::Item
                || kinds.edges_from(n.id).next().is_some()
                || kinds.edges_to(n.id).next().is_some()
        }))
    }
}

/// The story around the item `key` names, as a graph of its own.
pub fn story(g: &Graph, key: &str) -> Result<Graph> {
    let id = claimtrace::find_item(g, key)?;
    Ok(claimtrace::story_graph(g, id))
}

/// A node kind by its name, singular or plural.
fn kind_parser(s: &str) -> Result<NodeKind> {
    let name = s.trim().to_ascii_lowercase();
    let name = name.strip_suffix('s').unwrap_or(&name);
    Ok(match name {
        "item" => NodeKind::Item,
        "outlet" => NodeKind::Outlet,
        "speaker" => NodeKind::Speaker,
        "claim" => NodeKind::Claim,
        "date" => NodeKind::Date,
        _ => bail!("unknown kind {s:?} (kinds: items, outlets, speakers, claims, dates)"),
    })
}
