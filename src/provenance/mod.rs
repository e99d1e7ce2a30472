//! Provenance queries over a built graph: which item a user means ([`find_item`]), the chain of
//! reposts from a copy back to its first known source ([`repost_chain`]), every item's
//! provenance in words ([`report_item`], [`report_items`]), the stories of items joined by
//! copying ([`stories`], [`story_items`], [`story_graph`]) and what a set of items comes to
//! ([`summarize`]). They read the graph only; the command line renders their answers as text or
//! JSON.

mod chain;
mod find;
mod report;
mod shown;
mod story;
mod summary;

pub use chain::{ChainStep, RepostChain, repost_chain};
pub use find::{FindItemError, find_item};
pub use report::{ClaimFirstSeen, CopyOf, ItemReport, report_item, report_items};
pub use shown::{CopyEvidence, ItemRef};
pub(crate) use shown::{first_printed, published};
pub use story::{stories, story_graph, story_items};
pub use summary::{CopyGroup, Credited, Disagreement, MostCopied, Summary, summarize};
