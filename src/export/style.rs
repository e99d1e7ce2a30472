//! The colour of each node kind and edge kind, one palette for every format that draws (DOT,
//! GEXF's viz module), so a graph looks the same in Graphviz and in Gephi.

use crate::model::{EdgeKind, NodeKind};

/// Fill colour of a node kind, `#rrggbb`.
pub fn node_colour(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Item => "#fff2cc",
        NodeKind::Outlet => "#cfe2f3",
        NodeKind::Speaker => "#d9ead3",
        NodeKind::Claim => "#f4cccc",
        NodeKind::Date => "#eeeeee",
    }
}

/// Line colour of an edge kind, `#rrggbb`.
pub fn edge_colour(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::PublishedBy => "#3d85c6",
        EdgeKind::PublishedOn => "#999999",
        EdgeKind::WrittenBy => "#6aa84f",
        EdgeKind::Credits => "#0b5394",
        EdgeKind::Reposts => "#cc0000",
        EdgeKind::SameText => "#e69138",
        // A rewrite is a copy's kin: the reposts' red, drawn dashed where styles differ.
        EdgeKind::Rewrites => "#e06666",
        EdgeKind::Contains => "#a64d79",
        EdgeKind::SaidBy => "#38761d",
        EdgeKind::SaidOn => "#999999",
        EdgeKind::ReportedBy => "#1155cc",
        EdgeKind::VariantOf => "#c27ba0",
        EdgeKind::VersionOf => "#674ea7",
    }
}

/// `#rrggbb` as its three channels.
pub fn rgb(hex: &str) -> (u8, u8, u8) {
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    (channel(1), channel(3), channel(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_hex_triplets() {
        assert_eq!(rgb("#cc0000"), (204, 0, 0));
        assert_eq!(rgb("#fff2cc"), (255, 242, 204));
    }
}
