//! How much of a story was rewritten from another, and where: the words the reuse stage, the
//! graph and the provenance answers share about a rewrite.

use super::Alignment;
use serde::{Deserialize, Serialize};

/// How much of a rewritten story comes from its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Degree {
    /// Nearly all of the story follows the source, sentence by sentence, in other words.
    Wholly,
    /// Some of its sentences follow the source; the rest are its own.
    Partly,
}

impl Degree {
    /// The degree as the export writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Degree::Wholly => "wholly",
            Degree::Partly => "partly",
        }
    }
}

/// One sentence of a rewritten story and the sentence of its source it follows: where each
/// stands (source, then copy, in each item's span basis) and what the rewrite changed, in words
/// short enough for a report ("3 words replaced, 2 added").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SentencePair {
    /// The source's sentence and the copy's.
    pub aligned: Alignment,
    /// What changed between them.
    pub changed: String,
}

/// What a `rewrites` link says beyond its evidence: the degree, the share of the copy that is
/// derived, and the sentences it follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rewrite {
    /// Wholly or partly derived.
    pub degree: Degree,
    /// The share of the copy's words in sentences that follow the source (0..1).
    pub derived_share: f64,
    /// The aligned sentences, in the copy's order.
    pub sentences: Vec<SentencePair>,
}
