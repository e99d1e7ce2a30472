//! One attribution, one claim: a quotation that a writer breaks for its attribution
//! (“A,” X said, “B.”), or that runs on in the next paragraph with no cue of its own, is one
//! statement of one speaker. News convention prints it in pieces; provenance (and PolNeAR's
//! annotation, which calls it one discontinuous content) wants it whole, so that an outlet that
//! prints only “A” still shares a claim with one that prints “A B” only where both are whole.
//!
//! The pieces stay verbatim: the merged claim keeps each piece's byte range in `parts`, its
//! `span` runs from the first piece to the last, and its text is the pieces joined by a space.

use super::ClaimMention;
use crate::vocab::{ClaimKind, Span};

/// Bytes between two pieces of one quotation: room for an attribution with a title and a
/// place ("”, Foreign Ministry spokeswoman Maria Vell said at a briefing in Orlen on Monday. “"),
/// not for a paragraph of narration.
const MAX_GAP: usize = 120;

/// Joins the direct quotations of one attributing mention that follow each other closely.
pub(crate) fn join_pieces(text: &str, claims: Vec<ClaimMention>) -> Vec<ClaimMention> {
    let mut out: Vec<ClaimMention> = Vec::with_capacity(claims.len());
    for c in claims {
        if let Some(last) = out.last_mut()
            && continues(text, last, &c)
        {
            absorb(text, last, c);
            continue;
        }
        out.push(c);
    }
    out
}

fn continues(text: &str, last: &ClaimMention, c: &ClaimMention) -> bool {
    if last.kind != ClaimKind::Direct || c.kind != ClaimKind::Direct {
        return false;
    }
    let (Some(a), Some(b)) = (last.attributing_span(), c.attributing_span()) else {
        return false;
    };
    if a != b || c.span.start < last.span.end || c.span.start - last.span.end > MAX_GAP {
        return false;
    }
    // A cue of its own makes a second statement, even of the same mention ("“A,” she said,
    // adding, “B.”").
    if c.cue.is_some() && c.cue != last.cue {
        return false;
    }
    // Between the pieces stands either the attribution that breaks the quotation (“A,” X said,
    // “B.”) or nothing but marks and paragraph breaks (a quotation run on); narration ("The
    // weather was mild.") or a new cue ("He added:") makes two statements.
    let gap = Span::new(last.span.end, c.span.start);
    let bare = |s: &str| s.chars().all(|ch| !ch.is_alphanumeric());
    if gap.start <= a.start && a.end <= gap.end {
        // The attribution's paragraph may go on ("..., Brill said at the rally in Orlen."), but a
        // paragraph after it is narration.
        let after = &text[a.end..gap.end];
        return after.find('\n').is_none_or(|i| bare(&after[i..]));
    }
    bare(&text[gap.range()])
}

fn absorb(text: &str, last: &mut ClaimMention, c: ClaimMention) {
    if last.parts.is_empty() {
        last.parts.push(last.span);
    }
    last.parts.push(c.span);
    last.span.end = c.span.end;
    last.text = last
        .parts
        .iter()
        .map(|s| &text[s.range()])
        .collect::<Vec<_>>()
        .join(" ");
    if last.cue.is_none() {
        last.cue = c.cue;
    }
    if last.speaker.is_none() {
        last.speaker = c.speaker;
    }
    if last.said_on.is_none() {
        last.said_on = c.said_on;
    }
    if last.reported_by.is_none() {
        last.reported_by = c.reported_by;
    }
}
