//! Graphviz DOT export: the same ids as the JSON export, laid out to be read as a story. Time
//! runs left to right: every day an item is dated, credited or a claim said has a column (the
//! day's node, or a plain label when the picture leaves dates out), chained in date order, and
//! each item stands in its day's column. Items sit in a box per outlet; labels are wrapped;
//! shapes, colours and the legend's plain words come from the kind table (`look.rs`).
//!
//! Lines between things whose column is fixed (copies, credits, days, outlets) do not move
//! them (`constraint=false`), so a copy pointing back to its earlier source never drags the
//! days out of order; claims stand right of the items that print them, their speakers right of
//! the claims. Who published an item and when is shown by where it stands (its outlet's box,
//! its day's column), so those two kinds of edge are not drawn as lines; every node is
//! written, with the JSON export's id. For a picture that fits a page, draw one story, or items and outlets only
//! (`claimtrace graph --format dot --story ITEM --only items,outlets`).

use super::look::{EDGE_LOOKS, Layer, NODE_LOOKS, edge_look, node_look};
use crate::model::{EdgeKind, Graph, Node, NodeData, NodeKind};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufWriter, Write};
use uuid::Uuid;

/// Characters per line of a wrapped label.
const WRAP: usize = 26;
/// Lines of a label at most; the rest is cut with "…".
const LINES: usize = 4;

pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    let nodes = graph.sorted_nodes();
    let edges = graph.sorted_edges();

    // Items cluster under the outlet that published them; the outlet sits in its own cluster.
    let mut cluster_of: BTreeMap<Uuid, Uuid> = BTreeMap::new();
    for e in &edges {
        if e.kind == EdgeKind::PublishedBy {
            cluster_of.entry(e.source).or_insert(e.target);
        }
    }
    let publishers: BTreeSet<Uuid> = cluster_of.values().copied().collect();
    let mut clusters: BTreeMap<Uuid, Vec<&Node>> = BTreeMap::new();
    let mut loose = Vec::new();
    for n in &nodes {
        match n.kind {
            NodeKind::Item => match cluster_of.get(&n.id) {
                Some(o) => clusters.entry(*o).or_default().push(n),
                None => loose.push(*n),
            },
            NodeKind::Outlet if publishers.contains(&n.id) => {
                clusters.entry(n.id).or_default().insert(0, n)
            }
            _ => loose.push(*n),
        }
    }

    // The days' columns: each item's date, each credited original's date, each date node.
    let mut day_of: BTreeMap<Uuid, String> = BTreeMap::new();
    let mut date_nodes: BTreeMap<String, Uuid> = BTreeMap::new();
    for n in &nodes {
        match &n.data {
            NodeData::Item(it) => {
                if let Some(d) = it.published {
                    day_of.insert(n.id, d.to_string());
                }
            }
            NodeData::Date(d) => {
                date_nodes.insert(d.date.clone(), n.id);
            }
            _ => {}
        }
    }
    // An outlet stands at its first item's day; a credited outlet with no item of its own at
    // the earliest date a credit gives it.
    for (o, members) in &clusters {
        if let Some(d) = members.iter().filter_map(|m| day_of.get(&m.id)).min() {
            day_of.insert(*o, d.clone());
        }
    }
    for e in edges.iter().filter(|e| e.kind == EdgeKind::Credits) {
        if publishers.contains(&e.target) {
            continue;
        }
        if let Some(d) = e.detail().date.clone() {
            let slot = day_of.entry(e.target).or_insert_with(|| d.clone());
            if d < *slot {
                *slot = d;
            }
        }
    }
    let days: BTreeSet<String> = day_of
        .values()
        .cloned()
        .chain(date_nodes.keys().cloned())
        .collect();
    let column = |d: &str| -> String {
        match date_nodes.get(d) {
            Some(id) => id.to_string(),
            None => format!("day {d}"),
        }
    };

    let items = nodes.iter().filter(|n| n.kind == NodeKind::Item).count();
    writeln!(
        w,
        "digraph claimtrace {{\n  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=14, labelloc=t, \
         label=\"claimtrace: {items} item{}, left to right by date\", newrank=true, nodesep=0.3, ranksep=0.5];\n  \
         node [fontname=\"Helvetica\", fontsize=10, style=filled];\n  \
         edge [fontname=\"Helvetica\", fontsize=8];",
        if items == 1 { "" } else { "s" }
    )?;
    for (outlet, members) in &clusters {
        let name = graph.node(*outlet).map(|n| n.label()).unwrap_or_default();
        write!(w, "  subgraph \"cluster_{outlet}\" {{\n    label=\"")?;
        escape(&mut w, &name, WRAP * 2)?;
        w.write_all(b"\";\n    style=\"rounded,dashed\"; color=\"#3d85c6\";\n")?;
        for n in members {
            w.write_all(b"  ")?;
            write_node(&mut w, n)?;
        }
        w.write_all(b"  }\n")?;
    }
    for n in loose {
        write_node(&mut w, n)?;
    }

    // The time axis: days without a date node are plain labels; the columns are chained in
    // date order by heavy invisible lines, and everything dated stands in its column.
    for d in &days {
        if !date_nodes.contains_key(d) {
            writeln!(
                w,
                "  \"day {d}\" [label=\"{d}\", shape=plaintext, style=solid, fontcolor=\"#555555\"];"
            )?;
        }
    }
    let days: Vec<&String> = days.iter().collect();
    for pair in days.windows(2) {
        writeln!(
            w,
            "  \"{}\" -> \"{}\" [style=invis, weight=100];",
            column(pair[0]),
            column(pair[1])
        )?;
    }
    let mut by_day: BTreeMap<&str, Vec<Uuid>> = BTreeMap::new();
    for (id, d) in &day_of {
        by_day.entry(d.as_str()).or_default().push(*id);
    }
    for (d, ids) in by_day {
        write!(w, "  {{ rank=same; \"{}\";", column(d))?;
        for id in ids {
            write!(w, " \"{id}\";")?;
        }
        w.write_all(b" }\n")?;
    }

    let date_ids: BTreeSet<Uuid> = date_nodes.values().copied().collect();
    let fixed = |id: &Uuid| day_of.contains_key(id) || date_ids.contains(id);
    let (mut a, mut b, mut c) = ([0u8; 36], [0u8; 36], [0u8; 36]);
    for e in &edges {
        let look = edge_look(e.kind);
        if look.layer == Layer::Layout {
            // Shown by where the item stands (its outlet's box, its day's column). Written as
            // lines, even invisible ones, they are lines Graphviz must route between clusters
            // within one rank, which it loses ("lost edge") and which cost it most of its time.
            continue;
        }
        write!(
            w,
            "  \"{}\" -> \"{}\" [id=\"{}\", color=\"{}\", style={}, penwidth={}",
            e.source.hyphenated().encode_lower(&mut a),
            e.target.hyphenated().encode_lower(&mut b),
            e.id.hyphenated().encode_lower(&mut c),
            look.colour(),
            look.line.as_str(),
            look.width,
        )?;
        if look.layer == Layer::Story {
            write!(
                w,
                ", label=\"{}\", fontcolor=\"{}\"",
                look.label,
                look.colour()
            )?;
        }
        if !look.arrow {
            w.write_all(b", dir=none")?;
        }
        if fixed(&e.source) && fixed(&e.target) {
            w.write_all(b", constraint=false")?;
        }
        w.write_all(b"];\n")?;
    }
    write_legend(&mut w, &nodes, graph)?;
    w.write_all(b"}\n")?;
    w.flush()
}

fn write_node(w: &mut impl Write, n: &Node) -> io::Result<()> {
    let look = node_look(n.kind);
    let mut id = [0u8; 36];
    write!(
        w,
        "  \"{}\" [label=\"",
        n.id.hyphenated().encode_lower(&mut id)
    )?;
    wrap(w, &n.label(), WRAP)?;
    if let NodeData::Item(item) = &n.data
        && let Some(d) = &item.published
    {
        write!(w, "\\n{d}")?;
    }
    writeln!(
        w,
        "\", shape={}, fillcolor=\"{}\"];",
        look.dot_shape,
        look.colour()
    )
}

/// A legend: one HTML-table node with the plain words of every node and edge kind the picture
/// holds. One node keeps it small next to graphs of any size.
fn write_legend(w: &mut impl Write, nodes: &[&Node], graph: &Graph) -> io::Result<()> {
    let node_kinds: BTreeSet<NodeKind> = nodes.iter().map(|n| n.kind).collect();
    let edge_kinds: BTreeSet<EdgeKind> = graph.sorted_edges().iter().map(|e| e.kind).collect();
    w.write_all(
        b"  \"legend\" [shape=plaintext, style=solid, label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" \
          CELLSPACING=\"2\" CELLPADDING=\"2\" COLOR=\"#666666\"><TR><TD COLSPAN=\"2\"><B>How to read this picture</B></TD></TR>\
          <TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Left to right is time: one column per day.</TD></TR>",
    )?;
    for look in NODE_LOOKS.iter().filter(|l| node_kinds.contains(&l.kind)) {
        write!(
            w,
            "<TR><TD BGCOLOR=\"{}\" BORDER=\"1\">{}</TD><TD ALIGN=\"LEFT\">{}</TD></TR>",
            look.colour(),
            look.kind.as_str(),
            look.words
        )?;
    }
    if node_kinds.contains(&NodeKind::Item) {
        w.write_all(
            b"<TR><TD BORDER=\"1\" STYLE=\"dashed\">outlet</TD><TD ALIGN=\"LEFT\">a dashed box holds one outlet's items</TD></TR>",
        )?;
    }
    for look in EDGE_LOOKS
        .iter()
        .filter(|l| edge_kinds.contains(&l.kind) && l.layer != Layer::Layout)
    {
        write!(
            w,
            "<TR><TD><FONT COLOR=\"{c}\">&#8594;</FONT></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"{c}\">{}</FONT></TD></TR>",
            look.words,
            c = look.colour()
        )?;
    }
    w.write_all(b"</TABLE>>];\n")
}

/// Writes `s` as the inside of a DOT string, whitespace folded, wrapped at spaces into lines of
/// about `width` characters (`\n`), at most [`LINES`] lines, the rest cut with "…".
fn wrap(w: &mut impl Write, s: &str, width: usize) -> io::Result<()> {
    let mut lines: Vec<String> = vec![String::new()];
    let mut cut = false;
    for word in s.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        let line = lines.last_mut().expect("one line at least");
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            if lines.len() == LINES {
                cut = true;
                break;
            }
            lines.push(String::new());
        }
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() {
            line.push(' ');
        }
        // A word longer than a line is cut; the picture is no place for it whole.
        if word.chars().count() > width {
            line.extend(word.chars().take(width - 1));
            line.push('…');
        } else {
            line.push_str(word);
        }
    }
    if cut && let Some(last) = lines.last_mut() {
        last.push('…');
    }
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            w.write_all(b"\\n")?;
        }
        escape(w, line, usize::MAX)?;
    }
    Ok(())
}

/// Writes `s` as the inside of a DOT string, folded to one line and cut at `max` characters.
fn escape(w: &mut impl Write, s: &str, max: usize) -> io::Result<()> {
    let mut buf = String::with_capacity(s.len().min(max.saturating_mul(4)) + 4);
    let mut n = 0;
    let mut space = false;
    for ch in s.chars() {
        if ch.is_whitespace() || ch.is_control() {
            space = !buf.is_empty();
            continue;
        }
        if n == max {
            buf.push('…');
            break;
        }
        if space {
            buf.push(' ');
            n += 1;
            space = false;
        }
        match ch {
            '"' => buf.push_str("\\\""),
            '\\' => buf.push_str("\\\\"),
            // Graphviz reads < > { } | as record syntax only in record shapes; escape anyway.
            c => buf.push(c),
        }
        n += 1;
    }
    w.write_all(buf.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_quotes_backslashes_and_newlines() {
        let mut out = Vec::new();
        escape(&mut out, "a \"b\"\\\nc", 48).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a \\\"b\\\"\\\\ c");
        let mut out = Vec::new();
        escape(&mut out, &"x".repeat(100), 10).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{}…", "x".repeat(10))
        );
    }

    #[test]
    fn labels_wrap_at_spaces_and_stop_after_four_lines() {
        let mut out = Vec::new();
        wrap(
            &mut out,
            "Corvin Bridge closed after inspectors find cracked cables",
            26,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Corvin Bridge closed after\\ninspectors find cracked\\ncables"
        );
        let mut out = Vec::new();
        wrap(&mut out, &"word ".repeat(40), 10).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s.matches("\\n").count(), 3);
        assert!(s.ends_with('…'));
        let mut out = Vec::new();
        wrap(&mut out, "a \"quoted\" \\ word", 26).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a \\\"quoted\\\" \\\\ word"
        );
    }
}
