//! passim records: one JSON line per item with the fields passim reads (`id`, `series`, `date`,
//! `text`), so that a corpus claimtrace has read can be run through passim on a Spark cluster
//! and its clusters compared with claimtrace's links.
//!
//! - `id`: the item's node id, so that passim's output maps back onto the graph;
//! - `series`: the outlet that published the item (its `published_by` edge), else the input file
//!   it came from — passim compares documents across series;
//! - `date`: the published date, YYYY-MM-DD; left out where unknown;
//! - `text`: the item's full text as claimtrace read it (after segmenting a dump, extracting a
//!   page's main text), which the graph holds only when built with `with_text` (`--with-text`):
//!   a graph without it is refused rather than written with excerpts.

use crate::model::{EdgeKind, Graph, ItemNode, NodeData};
use serde::Serialize;
use std::io::{self, BufWriter, Write};

#[derive(Serialize)]
struct Record<'a> {
    id: String,
    series: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    text: &'a str,
}

pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let items: Vec<(uuid::Uuid, &ItemNode)> = graph
        .sorted_nodes()
        .into_iter()
        .filter_map(|n| match &n.data {
            NodeData::Item(i) => Some((n.id, i.as_ref())),
            _ => None,
        })
        .collect();
    // Checked before the first line: a refused export writes nothing.
    if let Some((id, _)) = items.iter().find(|(_, i)| i.text.is_none()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "item {id} has no text: passim records need the graph built with its items' text (--with-text)"
            ),
        ));
    }
    let mut w = BufWriter::with_capacity(1 << 16, out);
    for (id, item) in items {
        let outlet = graph
            .edges_from(id)
            .filter(|e| e.kind == EdgeKind::PublishedBy)
            .filter_map(|e| graph.node(e.target))
            .map(|n| n.label())
            .min();
        let series = outlet.unwrap_or(std::borrow::Cow::Borrowed(&item.origin.file));
        let record = Record {
            id: id.to_string(),
            series: &series,
            date: item.published.map(|d| d.format("%Y-%m-%d").to_string()),
            text: item.text.as_deref().unwrap_or_default(),
        };
        serde_json::to_writer(&mut w, &record)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}
