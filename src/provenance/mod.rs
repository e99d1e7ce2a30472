//! Provenance queries over a built graph: which item a user means ([`find_item`]), the chain of
//! reposts from a copy back to its first known source ([`repost_chain`]), and every item's
//! provenance in words ([`report_item`], [`report_items`]). They read the graph only; the
//! command line renders their answers as text or JSON.

mod chain;
mod find;
mod report;
mod shown;

pub use chain::{ChainStep, RepostChain, repost_chain};
pub use find::{FindItemError, find_item};
pub use report::{Attribution, ClaimFirstSeen, CopyOf, ItemReport, report_item, report_items};
pub use shown::{CopyEvidence, ItemRef};
