//! Synthetic news corpora with exact gold, for measuring and testing claimtrace's reuse linking.
//! A development crate (tests, benches, examples): it uses only claimtrace's public API and is
//! not part of the shipped library.
//!
//! - [`reposts`]: generated originals (or real items) with copies planted among them the way
//!   reposting sites make them, chains included.
//! - [`derived`]: agency stories and newspaper stories wholly, partly or not derived from them.
//! - [`rewritten`]: the same with newsroom rewriting (insertions, synonyms, clauses swapped,
//!   rewritten leads, briefs), in Latin or Urdu script.

pub mod derived;
pub mod reposts;
pub mod rewritten;
