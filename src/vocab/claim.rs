//! What kind of saying a claim is.

use serde::{Deserialize, Serialize};

/// How a claim is printed: in quote marks, as reported speech, or as an interview answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A quotation in quote marks.
    Direct,
    /// Reported speech: "X said that ...".
    Indirect,
    /// An answer in an interview or transcript.
    Turn,
}
