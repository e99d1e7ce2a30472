//! Reuse stage: which items share text, and which is a copy of which.

use crate::item::Item;
use crate::model::Alignment;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `copy` is a copy of `source`.
    Reposts,
    /// The two share text; neither is shown to be the other's source.
    SameText,
}

/// A text-reuse link between two items, by index into the items of the run.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemLink {
    pub kind: LinkKind,
    pub copy: usize,
    pub source: usize,
    pub confidence: f64,
    pub evidence: String,
    /// Aligned passages: [source_start, source_end, copy_start, copy_end] in each item's text.
    pub aligned: Vec<Alignment>,
}

/// Links between the items of one run.
pub fn link_items(_items: &[Item]) -> Vec<ItemLink> {
    Vec::new()
}
