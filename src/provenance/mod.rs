//! Provenance queries over a built graph: which item a user means ([`find_item`]), where a copy
//! came from, as a graph of every item it was copied from back to its first known sources
//! ([`repost_dag`]), every item's provenance in words ([`report_item`], [`report_items`]),
//! where a claim appeared ([`appearances`], [`first_appearance`]), the stories of items joined
//! by copying ([`stories`], [`story_items`], [`story_graph`]) and what a set of items comes to
//! ([`summarize`]). They read the graph only; the command line renders their answers as text or
//! JSON, and the Claim export writes a claim's appearances.

mod appearance;
mod dag;
mod find;
mod report;
mod shown;
mod story;
mod summary;

pub use appearance::{appearances, first_appearance};
pub use dag::{RepostDag, SourceNode, SourceStep, repost_dag};
pub use find::{FindItemError, find_item};
pub use report::{
    Attribution, ClaimFirstSeen, CopyOf, ItemReport, VariantOf, report_item, report_items,
};
pub(crate) use shown::published;
pub use shown::{CopyEvidence, ItemRef};
pub use story::{stories, story_graph, story_items};
pub use summary::{CopyGroup, Credited, Disagreement, MostCopied, Summary, summarize};
