//! Arabic attributions. A reporting verb (قال، أكد، أضاف، صرح and the other common ones, with the
//! conjunction و and the feminine ت) followed by the speaker and then either
//! - a quotation in « » or “ ”: "وقال الوزير فلان: «...»" (a direct claim), or
//! - a that-clause: "وأكد الوزير فلان في مؤتمر صحفي أن ..." (reported speech: the clause after
//!   إن/أن, to the end of the sentence, is the claim).
//!
//! The speaker is the words between the verb and the colon, comma, complementiser or quotation
//! (at most six), cut before a preposition that starts the circumstances ("في مؤتمر صحفي",
//! "خلال لقائه"); a verb with no speaker ("وأضاف: «...»", "وأضاف أن ...") keeps the last one.

use super::lexicon::{ARABIC_CIRCUMSTANCE, ARABIC_REPORTING_VERBS, ARABIC_THAT};
use super::raw::{Raw, Who};
use super::subject::SubjKind;
use super::tokens::Para;
use super::words::is_open;
use crate::vocab::{ClaimKind, Span};

fn is_verb(w: &str) -> bool {
    ARABIC_REPORTING_VERBS.contains(
        &w.strip_prefix('و')
            .filter(|r| ARABIC_REPORTING_VERBS.contains(r))
            .unwrap_or(w),
    )
}

/// Fewer words than this after the complementiser are not a claim.
const MIN_CLAUSE_WORDS: usize = 3;

pub fn paragraph(text: &str, p: &Para, out: &mut Vec<Raw>) {
    let n = p.toks.len();
    let mut v = 0;
    while v < n {
        if !p.is_word(v) || p.toks[v].quote.is_some() || !is_verb(p.word(text, v)) {
            v += 1;
            continue;
        }
        // The speaker runs to a colon, comma, complementiser, circumstance or the quotation.
        let mut j = v + 1;
        while j < n && j <= v + 6 && p.is_word(j) {
            let w = p.word(text, j);
            if ARABIC_THAT.contains(&w) || ARABIC_CIRCUMSTANCE.contains(&w) {
                break;
            }
            j += 1;
        }
        let name_end = j;
        // Skip the circumstances ("في مؤتمر صحفي") up to the complementiser, within the sentence.
        let sent_end = p.sentence_end(v);
        let mut q = j;
        while q < n && q <= sent_end && q <= name_end + 8 && p.is_word(q) {
            if ARABIC_THAT.contains(&p.word(text, q)) {
                break;
            }
            q += 1;
        }
        let that = (q < n && p.is_word(q) && ARABIC_THAT.contains(&p.word(text, q))).then_some(q);
        let mut open = that.map_or(name_end, |t| t + 1);
        while open < n && !p.is_word(open) && !is_open(p, open) {
            open += 1;
        }
        let who = if name_end > v + 1 {
            let span = Span::new(p.toks[v + 1].s, p.toks[name_end - 1].e);
            Who::Subject {
                span,
                kind: SubjKind::Name,
                name: Some(text[span.range()].to_string()),
                roles: Vec::new(),
            }
        } else {
            Who::Inherit
        };
        let sent = Span::new(p.toks[p.sentence_start(v)].s, p.toks[sent_end].e);
        let cue = Some(p.word(text, v).to_string());
        if let Some(qi) = (open < n && is_open(p, open))
            .then(|| p.toks[open].quote)
            .flatten()
        {
            let quote = p.quotes[qi as usize];
            out.push(Raw {
                span: quote.inner,
                kind: ClaimKind::Direct,
                who,
                cue,
                ctx: vec![
                    Span::new(sent.start, quote.outer.start),
                    Span::new(quote.outer.end.min(sent.end), sent.end),
                ],
                reported_by: None,
                said_on: None,
                language: Some("ar"),
            });
            v = quote.close_tok + 1;
            continue;
        }
        let Some(t) = that else {
            v += 1;
            continue;
        };
        // Reported speech: the clause after the complementiser, without the closing stop.
        let mut last = sent_end;
        while last > t && !p.is_word(last) {
            last -= 1;
        }
        let words = (t + 1..=last).filter(|&i| p.is_word(i)).count();
        if last <= t || words < MIN_CLAUSE_WORDS {
            v += 1;
            continue;
        }
        out.push(Raw {
            span: Span::new(p.toks[t + 1].s, p.toks[last].e),
            kind: ClaimKind::Indirect,
            who,
            cue,
            ctx: vec![Span::new(sent.start, p.toks[t].s)],
            reported_by: None,
            said_on: None,
            language: Some("ar"),
        });
        v = last + 1;
    }
}
