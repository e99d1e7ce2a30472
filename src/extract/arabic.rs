//! Arabic attributions: a quotation in « » or “ ” with a reporting verb before it (قال، أكد،
//! أضاف، صرح, with the conjunction و and the feminine ت): "وقال الوزير فلان: «...»". The words
//! between the verb and the quotation (at most five, up to a colon, a comma or إن/أن) are the
//! speaker; a verb with none ("وأضاف: «...»") keeps the last speaker.

use super::speakers::{SubjKind, is_open};
use super::tokens::Para;
use super::{Raw, Who};
use crate::model::ClaimKind;

const VERBS: [&str; 8] = ["قال", "قالت", "أكد", "أكدت", "أضاف", "أضافت", "صرح", "صرحت"];

fn is_verb(w: &str) -> bool {
    let w = w
        .strip_prefix('و')
        .filter(|r| VERBS.contains(r))
        .unwrap_or(w);
    VERBS.contains(&w)
}

pub fn paragraph(text: &str, p: &Para, out: &mut Vec<Raw>) {
    let n = p.toks.len();
    let mut v = 0;
    while v < n {
        if !p.is_word(v) || p.toks[v].quote.is_some() || !is_verb(p.word(text, v)) {
            v += 1;
            continue;
        }
        // The speaker runs to a colon, comma, إن/أن or the quotation.
        let mut j = v + 1;
        while j < n && j <= v + 6 && p.is_word(j) {
            let w = p.word(text, j);
            if matches!(w, "إن" | "أن" | "إنّ" | "أنّ" | "إنه" | "أنه") {
                break;
            }
            j += 1;
        }
        let name_end = j;
        let mut q = j;
        while q < n && !p.is_word(q) && !is_open(p, q) {
            q += 1;
        }
        if matches!(p.word(text, q.min(n - 1)), "إن" | "أن" | "إنّ" | "أنّ") {
            q += 1;
        }
        let Some(qi) = (q < n && is_open(p, q)).then(|| p.toks[q].quote).flatten() else {
            v += 1;
            continue;
        };
        let quote = p.quotes[qi as usize];
        let who = if name_end > v + 1 {
            let span = (p.toks[v + 1].s, p.toks[name_end - 1].e);
            Who::Subject {
                span,
                kind: SubjKind::Name,
                name: Some(text[span.0..span.1].to_string()),
                roles: Vec::new(),
            }
        } else {
            Who::Inherit
        };
        let sent = (p.toks[p.sentence_start(v)].s, p.toks[p.sentence_end(v)].e);
        out.push(Raw {
            span: quote.inner,
            kind: ClaimKind::Direct,
            who,
            cue: Some(p.word(text, v).to_string()),
            ctx: vec![(sent.0, quote.outer.0), (quote.outer.1.min(sent.1), sent.1)],
            reported_by: None,
            said_on: None,
            language: Some("ar"),
        });
        v = quote.close_tok + 1;
    }
}
