//! How each kind of node and edge is named and drawn: one table that the pictures share (the DOT
//! export's shapes and legend, the HTML view's styles and legend), so a kind looks and reads the
//! same in both; colours come from the palette every drawing format shares (`style.rs`).
//!
//! The legend speaks plain words to a reader who has never seen the graph's contract: "copied
//! from", not `reposts`. A kind added to the model gets its line here; until then it is drawn
//! named by its contract name ([`node_look`], [`edge_look`] fall back), so a new kind is
//! never lost from a picture, and a test asks for its line.

use super::style::{edge_colour, node_colour};
use crate::model::{EdgeKind, NodeKind};

/// How a node kind is named and drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeLook {
    /// The kind.
    pub kind: NodeKind,
    /// What a node of this kind is, for a legend.
    pub words: &'static str,
    /// Graphviz shape.
    pub dot_shape: &'static str,
}

impl NodeLook {
    /// Fill colour, `#rrggbb`, from the palette every drawing format shares.
    pub fn colour(&self) -> &'static str {
        node_colour(self.kind)
    }
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A plain line.
    Solid,
    /// Dashes.
    Dashed,
    /// Dots.
    Dotted,
}

impl Line {
    /// The name Graphviz and cytoscape.js both give it.
    pub fn as_str(self) -> &'static str {
        match self {
            Line::Solid => "solid",
            Line::Dashed => "dashed",
            Line::Dotted => "dotted",
        }
    }
}

/// Where a picture shows an edge kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// Between items and the outlets they credit: the story itself, always drawn.
    Story,
    /// Between items, claims, speakers and days: drawn with the claims.
    Claims,
    /// Shown by the layout itself (the outlet's lane, the date's column), not as a line.
    Layout,
}

/// How an edge kind is named and drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeLook {
    /// The kind.
    pub kind: EdgeKind,
    /// A short label for the line ("copied from").
    pub label: &'static str,
    /// What the line means, for a legend.
    pub words: &'static str,
    /// Line style.
    pub line: Line,
    /// Line width in pixels (the view; DOT's `penwidth`).
    pub width: u8,
    /// Whether the direction means something (an arrowhead at the target).
    pub arrow: bool,
    /// Where the views show it.
    pub layer: Layer,
}

impl EdgeLook {
    /// Line colour, `#rrggbb`, from the palette every drawing format shares.
    pub fn colour(&self) -> &'static str {
        edge_colour(self.kind)
    }
}

/// Every node kind's look, in the order legends list them.
pub const NODE_LOOKS: &[NodeLook] = &[
    NodeLook {
        kind: NodeKind::Item,
        words: "a news item: one outlet's copy of a story",
        dot_shape: "note",
    },
    NodeLook {
        kind: NodeKind::Outlet,
        words: "an outlet: a newspaper, agency, site or blog",
        dot_shape: "house",
    },
    NodeLook {
        kind: NodeKind::Claim,
        words: "a claim: words someone said, the same box in every item that prints them",
        dot_shape: "box",
    },
    NodeLook {
        kind: NodeKind::Speaker,
        words: "a person or body quoted, or who wrote an item",
        dot_shape: "ellipse",
    },
    NodeLook {
        kind: NodeKind::Date,
        words: "a day",
        dot_shape: "octagon",
    },
];

/// Every edge kind's look, in the order legends list them: the story first.
pub const EDGE_LOOKS: &[EdgeLook] = &[
    EdgeLook {
        kind: EdgeKind::Reposts,
        label: "copied from",
        words: "copied from: the arrow goes from the copy to the item it was copied from",
        line: Line::Solid,
        width: 3,
        arrow: true,
        layer: Layer::Story,
    },
    EdgeLook {
        kind: EdgeKind::SameText,
        label: "shares text with",
        words: "shares text with: no sign of which came first",
        line: Line::Dashed,
        width: 2,
        arrow: false,
        layer: Layer::Story,
    },
    EdgeLook {
        kind: EdgeKind::Rewrites,
        label: "rewritten from",
        words: "rewritten from: the arrow goes from a story to the one it was rewritten from, sentence by sentence in other words",
        line: Line::Dashed,
        width: 3,
        arrow: true,
        layer: Layer::Story,
    },
    EdgeLook {
        kind: EdgeKind::Credits,
        label: "says it comes from",
        words: "says it comes from: the item credits that outlet",
        line: Line::Dashed,
        width: 2,
        arrow: true,
        layer: Layer::Story,
    },
    EdgeLook {
        kind: EdgeKind::VersionOf,
        label: "later version of",
        words: "later version of: another capture of the same address or record with changed text",
        line: Line::Dotted,
        width: 2,
        arrow: true,
        layer: Layer::Story,
    },
    EdgeLook {
        kind: EdgeKind::Contains,
        label: "prints",
        words: "prints: the item prints the claim",
        line: Line::Solid,
        width: 1,
        arrow: true,
        layer: Layer::Claims,
    },
    EdgeLook {
        kind: EdgeKind::SaidBy,
        label: "said by",
        words: "said by: who made the claim",
        line: Line::Solid,
        width: 1,
        arrow: true,
        layer: Layer::Claims,
    },
    EdgeLook {
        kind: EdgeKind::SaidOn,
        label: "said on",
        words: "said on: the day the claim was made, where the item says",
        line: Line::Dotted,
        width: 1,
        arrow: true,
        layer: Layer::Claims,
    },
    EdgeLook {
        kind: EdgeKind::ReportedBy,
        label: "said to",
        words: "said to: the outlet the speaker said it to, or that first carried it",
        line: Line::Dashed,
        width: 1,
        arrow: true,
        layer: Layer::Claims,
    },
    EdgeLook {
        kind: EdgeKind::VariantOf,
        label: "reworded from",
        words: "reworded from: a quotation printed with words changed or left out, to the wording it changes",
        line: Line::Dashed,
        width: 1,
        arrow: true,
        layer: Layer::Claims,
    },
    EdgeLook {
        kind: EdgeKind::WrittenBy,
        label: "written by",
        words: "written by: a named author",
        line: Line::Solid,
        width: 1,
        arrow: true,
        layer: Layer::Claims,
    },
    EdgeLook {
        kind: EdgeKind::PublishedBy,
        label: "published by",
        words: "published by: the outlet whose row the item stands in",
        line: Line::Solid,
        width: 1,
        arrow: true,
        layer: Layer::Layout,
    },
    EdgeLook {
        kind: EdgeKind::PublishedOn,
        label: "published on",
        words: "published on: the day whose column the item stands in",
        line: Line::Dotted,
        width: 1,
        arrow: true,
        layer: Layer::Layout,
    },
];

/// The look of a node kind; a kind with no line in [`NODE_LOOKS`] is a box named by its
/// contract name.
pub fn node_look(kind: NodeKind) -> NodeLook {
    NODE_LOOKS
        .iter()
        .copied()
        .find(|l| l.kind == kind)
        .unwrap_or(NodeLook {
            kind,
            words: kind.as_str(),
            dot_shape: "box",
        })
}

/// The look of an edge kind; a kind with no line in [`EDGE_LOOKS`] is a thin arrow named by its
/// contract name, drawn with the claims.
pub fn edge_look(kind: EdgeKind) -> EdgeLook {
    EDGE_LOOKS
        .iter()
        .copied()
        .find(|l| l.kind == kind)
        .unwrap_or(EdgeLook {
            kind,
            label: kind.as_str(),
            words: kind.as_str(),
            line: Line::Solid,
            width: 1,
            arrow: true,
            layer: Layer::Claims,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_line() {
        for kind in EdgeKind::ALL {
            assert_eq!(
                EDGE_LOOKS.iter().filter(|l| l.kind == kind).count(),
                1,
                "edge kind {} needs one line in EDGE_LOOKS",
                kind.as_str()
            );
        }
        for kind in [
            NodeKind::Item,
            NodeKind::Outlet,
            NodeKind::Speaker,
            NodeKind::Claim,
            NodeKind::Date,
        ] {
            assert_eq!(
                NODE_LOOKS.iter().filter(|l| l.kind == kind).count(),
                1,
                "node kind {} needs one line in NODE_LOOKS",
                kind.as_str()
            );
        }
    }

    #[test]
    fn legends_speak_plain_words() {
        for l in EDGE_LOOKS {
            assert!(!l.words.contains('_'), "{}", l.words);
            assert!(l.colour().starts_with('#') && l.colour().len() == 7);
        }
        for l in NODE_LOOKS {
            assert!(!l.words.contains('('), "{}", l.words);
        }
    }
}
