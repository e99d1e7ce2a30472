//! The shared vocabulary beneath the stages: the words every stage and the graph model use to talk
//! about text — byte spans and what they point into, aligned passages, rewritten sentences and their degree, claim kinds, an item's place
//! among the inputs, excerpts, the canonical keys that ids are made of — and the character classes
//! every tokeniser shares (`chars`).
//!
//! It imports nothing of the crate: reading, extraction, linking, building and export all stand on
//! it, and none of them needs another stage to name a span or a claim kind.

pub mod chars;
mod claim;
mod excerpt;
mod key;
mod rewrite;
mod span;

pub use claim::ClaimKind;
pub use excerpt::excerpt;
pub use key::{canonical_key, claim_key, claim_words, url_key};
pub use rewrite::{Degree, Rewrite, SentencePair};
pub use span::{Alignment, Origin, Span, SpanBasis};
