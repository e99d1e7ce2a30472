//! Provenance queries over a built graph: which item a user means ([`find_item`]), where a copy
//! came from, as a graph of every item it was copied from back to its first known sources
//! ([`repost_dag`]), every item's provenance in words ([`report_item`], [`report_items`]), and
//! where a claim appeared ([`appearances`], [`first_appearance`]). They read the graph only; the
//! command line renders their answers as text or JSON, and the Claim export writes a claim's
//! appearances.

mod appearance;
mod dag;
mod find;
mod report;
mod shown;

pub use appearance::{appearances, first_appearance};
pub use dag::{RepostDag, SourceNode, SourceStep, repost_dag};
pub use find::{FindItemError, find_item};
pub use report::{
    Attribution, ClaimFirstSeen, CopyOf, ItemReport, VariantOf, report_item, report_items,
};
pub use shown::{CopyEvidence, ItemRef};
