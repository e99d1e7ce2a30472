//! A headline that quotes its speaker before a colon: "Graham: Trump’s Rhetoric Destroying GOP".
//! Only the item's first paragraph, short and one sentence, counts as a headline.

use super::names::clean_name;
use super::raw::{Raw, Who};
use super::subject::SubjKind;
use crate::vocab::{ClaimKind, Span};

pub fn find(text: &str, para: Span) -> Option<Raw> {
    let Span { start: s, end: e } = para;
    let line = &text[s..e];
    // A headline may end in a stop ("Vorn: Bridge Will Open."), never in two sentences.
    let body = line.trim_end_matches(['.', ';', ' ']);
    if line.split_whitespace().count() > 24 || body.contains(". ") {
        return None;
    }
    let e = s + body.len();
    // "Vorn: Bridge opens; Brill: ...": the first quoted speaker's words end at the semicolon.
    let e = body.find("; ").map_or(e, |i| s + i);
    let colon = line.find(": ")?;
    if s + colon + 2 >= e {
        return None;
    }
    let label = &line[..colon];
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let first = words[0].to_lowercase();
    if super::lexicon::NOT_TURN_LABELS.contains(first.as_str())
        || super::lexicon::QUESTION_LABELS.contains(first.as_str())
    {
        return None;
    }
    let (name, roles, kind) = clean_name(&words)?;
    if name.is_empty() || !matches!(kind, SubjKind::Name | SubjKind::Org) {
        return None;
    }
    let cs = s + colon + 2;
    let content = text[cs..e].trim();
    if content.split_whitespace().count() < 3 {
        return None;
    }
    let lead = text[cs..e].len() - text[cs..e].trim_start().len();
    Some(Raw {
        span: Span::new(cs + lead, cs + lead + content.len()),
        kind: ClaimKind::Indirect,
        who: Who::Subject {
            span: Span::new(s, s + colon),
            kind,
            name: Some(name),
            roles,
        },
        cue: Some(":".into()),
        ctx: Vec::new(),
        reported_by: None,
        said_on: None,
        language: None,
    })
}
