//! A headline that reports its speaker, in an item's first paragraph (short and one sentence):
//! the speaker before a colon ("Graham: Trump’s Rhetoric Destroying GOP"), or before a
//! title-case verb ("Vorn Says Bridge Will Open", "Brill Warns Of Levy Rise, Calls For Vote";
//! the claim runs to a comma or a semicolon).

use super::lexicon::TITLE_CASE_VERBS;
use super::names::clean_name;
use super::raw::{Raw, Who};
use super::subject::SubjKind;
use crate::vocab::{ClaimKind, Span};

/// The claim of a headline, the item's first paragraph at `para`: the colon form first.
pub fn find(text: &str, para: Span) -> Option<Raw> {
    colon(text, para).or_else(|| title_case(text, para))
}

/// "Graham: Trump’s Rhetoric Destroying GOP".
fn colon(text: &str, para: Span) -> Option<Raw> {
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

/// "Vorn Says Bridge Will Open".
fn title_case(text: &str, para: Span) -> Option<Raw> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The claim, its speaker and its cue of a headline.
    fn claim(t: &str) -> Option<(&str, Option<String>, Option<String>)> {
        find(t, Span::new(0, t.len())).map(|r| match r.who {
            Who::Subject { name, .. } => (&t[r.span.range()], name, r.cue),
            w => panic!("{w:?}"),
        })
    }

    #[test]
    fn the_speaker_before_a_colon_or_a_title_case_verb() {
        assert_eq!(
            claim("Vorn: Bridge Will Open In May"),
            Some((
                "Bridge Will Open In May",
                Some("Vorn".into()),
                Some(":".into())
            ))
        );
        assert_eq!(
            claim("Vorn Says Bridge Will Open, Brill Disagrees"),
            Some(("Bridge Will Open", Some("Vorn".into()), Some("Says".into())))
        );
    }

    #[test]
    fn a_label_or_a_long_paragraph_is_no_headline() {
        assert_eq!(claim("Source: The Tarn Courier archive"), None);
        assert_eq!(
            claim("Vorn said the bridge will open. Brill disagreed."),
            None
        );
    }
}
