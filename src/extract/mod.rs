//! Extraction stage: the claims in an item and who made them, when and to whom.
//!
//! Input: one item's text and metadata. Output: claim mentions with byte ranges into the item's
//! text; the graph builder maps them to the item's span basis. Speakers are canonicalised across
//! items by `canonicalise_speakers` before the graph is built.

use crate::item::Item;
use crate::model::ClaimKind;
use chrono::NaiveDate;

/// The person or organisation a claim is attributed to, as found in the item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerMention {
    /// The canonical name (titles and roles moved out).
    pub name: String,
    /// Other forms of the name seen for this speaker.
    pub aliases: Vec<String>,
    /// Titles and roles ("Foreign Minister").
    pub roles: Vec<String>,
    /// The attributing mention, byte range in the item's text.
    pub span: (usize, usize),
}

/// One claim in one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimMention {
    /// The claim's words, verbatim from the item.
    pub text: String,
    /// Byte range of `text` in the item's text.
    pub span: (usize, usize),
    pub kind: ClaimKind,
    pub language: Option<String>,
    pub speaker: Option<SpeakerMention>,
    /// The reporting verb or turn marker.
    pub cue: Option<String>,
    /// The outlet the speaker said it to, or that first carried it ("told Sputnik").
    pub reported_by: Option<String>,
    /// When it was said, where the text says.
    pub said_on: Option<NaiveDate>,
}

/// The claims of one item, in text order.
pub fn extract_claims(_item: &Item) -> Vec<ClaimMention> {
    Vec::new()
}

/// Makes one speaker of the forms of a name seen across all items ("Lavrov", "Sergei Lavrov").
pub fn canonicalise_speakers(_claims: &mut [Vec<ClaimMention>]) {}
