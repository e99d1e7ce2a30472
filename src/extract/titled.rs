//! A headline that reports its speaker with a title-case verb: "Vorn Says Bridge Will Open",
//! "Brill Warns Of Levy Rise, Calls For Vote". The claim is what follows the verb, up to a
//! comma or a semicolon; only the item's first paragraph, short and one sentence, counts.

use super::lexicon::TITLE_CASE_VERBS;
use super::names::clean_name;
use super::raw::{Raw, Who};
use super::subject::SubjKind;
use crate::vocab::{ClaimKind, Span};

pub fn find(text: &str, para: Span) -> Option<Raw> {
    let s = para.start;
    let line = &text[para.range()];
    // A long first paragraph is no headline: stop counting at 25 words.
    if line.split_whitespace().take(25).count() > 24 {
        return None;
    }
    let body = line.trim_end_matches(['.', ';', ' ']);
    if body.contains(". ") {
        return None;
    }
    // The verb and the name before it: one to four capitalised words opening the line.
    let mut offset = 0;
    let mut names: Vec<&str> = Vec::new();
    let mut found = None;
    for w in body.split(' ') {
        if TITLE_CASE_VERBS.contains(&w) && !names.is_empty() {
            found = Some(offset);
            break;
        }
        if names.len() == 4 || !w.starts_with(char::is_uppercase) {
            return None;
        }
        names.push(w);
        offset += w.len() + 1;
    }
    let verb_at = found?;
    let (name, roles, kind) = clean_name(&names)?;
    if name.is_empty() || !matches!(kind, SubjKind::Name | SubjKind::Org) {
        return None;
    }
    let verb = body[verb_at..].split(' ').next()?;
    let cs = verb_at + verb.len() + 1;
    if cs >= body.len() {
        return None;
    }
    let rest = &body[cs..];
    let end = rest.find([',', ';']).unwrap_or(rest.len());
    let content = rest[..end].trim_end();
    if content.split_whitespace().count() < 2 {
        return None;
    }
    let name_end = verb_at.saturating_sub(1);
    Some(Raw {
        span: Span::new(s + cs, s + cs + content.len()),
        kind: ClaimKind::Indirect,
        who: Who::Subject {
            span: Span::new(s, s + name_end),
            kind,
            name: Some(name),
            roles,
        },
        cue: Some(verb.to_string()),
        ctx: Vec::new(),
        reported_by: None,
        said_on: None,
        language: None,
    })
}
