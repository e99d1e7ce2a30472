//! claimtrace: a source-claim provenance tracker.
//!
//! A one-way pipeline, one module per stage (see ARCHITECTURE.md):
//! `read` (one reader per input format) → `item` → `extract` (claims, speakers, dates) →
//! `link` (reuse between items) → `build` (the graph, `model`) → `export` (one module per format).
//! `pipeline` runs the stages; `cmd` is the command line.

pub mod build;
pub mod byline;
pub mod cmd;
pub mod dates;
pub mod export;
pub mod extract;
pub mod item;
pub mod link;
pub mod model;
pub mod outlets;
pub mod pipeline;
pub mod read;
pub mod segment;
pub mod vocab;
