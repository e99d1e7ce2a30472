//! Graphviz DOT export: the same ids as the JSON export, a readable label, a shape and colour per
//! node kind, edges labelled by kind, the items of each outlet in a cluster, and a legend.

use super::style::{edge_colour, node_colour};
use crate::model::{EdgeKind, Graph, Node, NodeData, NodeKind};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufWriter, Write};
use uuid::Uuid;

/// Shape and fill of each node kind (the fill from the shared palette).
fn node_style(kind: NodeKind) -> (&'static str, &'static str) {
    let shape = match kind {
        NodeKind::Item => "note",
        NodeKind::Outlet => "house",
        NodeKind::Speaker => "ellipse",
        NodeKind::Claim => "box",
        NodeKind::Date => "octagon",
    };
    (shape, node_colour(kind))
}

/// Colour (from the shared palette) and line style of each edge kind.
fn edge_style(kind: EdgeKind) -> (&'static str, &'static str) {
    let style = match kind {
        EdgeKind::PublishedBy => "solid",
        EdgeKind::PublishedOn => "dotted",
        EdgeKind::WrittenBy => "solid",
        EdgeKind::Credits => "dashed",
        EdgeKind::Reposts => "bold",
        EdgeKind::SameText => "dashed",
        EdgeKind::Rewrites => "dashed",
        EdgeKind::Contains => "solid",
        EdgeKind::SaidBy => "solid",
        EdgeKind::SaidOn => "dotted",
        EdgeKind::ReportedBy => "dashed",
        EdgeKind::VariantOf => "dashed",
    };
    (edge_colour(kind), style)
}

const LABEL_MAX: usize = 48;

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

    w.write_all(
        b"digraph claimtrace {\n  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, \
          label=\"claimtrace provenance graph\", newrank=true];\n  \
          node [fontname=\"Helvetica\", fontsize=10, style=filled];\n  \
          edge [fontname=\"Helvetica\", fontsize=8];\n",
    )?;
    for (outlet, members) in &clusters {
        let name = graph.node(*outlet).map(|n| n.label()).unwrap_or_default();
        write!(w, "  subgraph \"cluster_{outlet}\" {{\n    label=\"")?;
        escape(&mut w, &name, LABEL_MAX)?;
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
    let (mut a, mut b, mut c) = ([0u8; 36], [0u8; 36], [0u8; 36]);
    for e in &edges {
        let (color, style) = edge_style(e.kind);
        writeln!(
            w,
            "  \"{}\" -> \"{}\" [id=\"{}\", label=\"{}\", color=\"{color}\", fontcolor=\"{color}\", style={style}];",
            e.source.hyphenated().encode_lower(&mut a),
            e.target.hyphenated().encode_lower(&mut b),
            e.id.hyphenated().encode_lower(&mut c),
            e.kind.as_str()
        )?;
    }
    write_legend(&mut w)?;
    w.write_all(b"}\n")?;
    w.flush()
}

fn write_node(w: &mut impl Write, n: &Node) -> io::Result<()> {
    let (shape, fill) = node_style(n.kind);
    let mut id = [0u8; 36];
    write!(
        w,
        "  \"{}\" [label=\"",
        n.id.hyphenated().encode_lower(&mut id)
    )?;
    if let NodeData::Item(item) = &n.data {
        escape(w, &n.label(), LABEL_MAX)?;
        if let Some(d) = &item.published {
            write!(w, "\\n{d}")?;
        }
    } else {
        escape(w, &n.label(), LABEL_MAX)?;
    }
    writeln!(w, "\", shape={shape}, fillcolor=\"{fill}\"];")
}

/// A legend: one HTML-table node naming the colour of every node kind and edge kind. One node
/// keeps it small next to graphs of any size.
fn write_legend(w: &mut impl Write) -> io::Result<()> {
    w.write_all(
        b"  \"legend\" [shape=plaintext, style=solid, label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" \
          CELLSPACING=\"2\" CELLPADDING=\"2\" COLOR=\"#666666\"><TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>",
    )?;
    for kind in [
        NodeKind::Item,
        NodeKind::Outlet,
        NodeKind::Speaker,
        NodeKind::Claim,
        NodeKind::Date,
    ] {
        let (shape, fill) = node_style(kind);
        write!(
            w,
            "<TR><TD BGCOLOR=\"{fill}\" BORDER=\"1\">{}</TD><TD ALIGN=\"LEFT\">node ({shape})</TD></TR>",
            kind.as_str()
        )?;
    }
    for kind in EdgeKind::ALL {
        let (color, style) = edge_style(kind);
        write!(
            w,
            "<TR><TD><FONT COLOR=\"{color}\">&#8594;</FONT></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"{color}\">{} ({style})</FONT></TD></TR>",
            kind.as_str()
        )?;
    }
    w.write_all(b"</TABLE>>];\n")
}

/// Writes `s` as the inside of a DOT string, folded to one line and cut at `max` characters.
fn escape(w: &mut impl Write, s: &str, max: usize) -> io::Result<()> {
    let mut buf = String::with_capacity(s.len().min(max * 4) + 4);
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
}
