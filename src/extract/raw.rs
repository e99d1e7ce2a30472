//! What a paragraph rule hands back: a claim as found (`Raw`) and who it belongs to before
//! pronouns are resolved (`Who`). The rule files produce them and `mod.rs` resolves them into
//! claim mentions; both import them from here.

use super::SpeakerMention;
use super::subject::found::{SubjKind, Subject};
use super::words::Words;
use crate::vocab::{ClaimKind, Span};
use chrono::NaiveDate;

/// Who a claim found in a paragraph belongs to, before pronouns are resolved.
#[derive(Debug, Clone)]
pub(crate) enum Who {
    /// The subject of its cue, as printed.
    Subject {
        span: Span,
        kind: SubjKind,
        name: Option<String>,
        roles: Vec<String>,
    },
    /// A turn's named speaker.
    Named(SpeakerMention),
    /// A quotation with no cue: the last speaker before it.
    Inherit,
    /// No one: a hedge ("it appears that ...") or a question nobody is named as asking.
    Nobody,
}

/// A claim as a paragraph rule found it.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub span: Span,
    pub kind: ClaimKind,
    pub who: Who,
    pub cue: Option<String>,
    /// The words around the claim that may say when and to whom it was said.
    pub ctx: Vec<Span>,
    pub reported_by: Option<String>,
    pub said_on: Option<NaiveDate>,
    pub language: Option<&'static str>,
}

impl Who {
    /// A subject found among the tokens of `w`, as the mention that attributes a claim.
    pub(crate) fn of(s: Subject, w: &Words<'_>) -> Who {
        Who::Subject {
            span: w.span(s.start, s.end),
            kind: s.kind,
            name: s.name,
            roles: s.roles,
        }
    }
}
