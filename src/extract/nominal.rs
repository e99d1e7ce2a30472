//! Claims introduced by a noun of saying or believing and "that": "Vorn's claim that the
//! levy is illegal", "the assertion that ...", "campaign accusations that ...". The claim is
//! the "that" clause, up to the sentence's end, a semicolon, a dash or a bracket; its source
//! the possessive owner of the noun ("Vorn's", "his") when there is one.

use super::lexicon::{PERSON_PRONOUNS, SAYING_NOUNS};
use super::raw::{Raw, Who};
use super::subject::SubjKind;
use super::tokens::{Kind, Para, lower_ascii};
use super::words::is_cap;
use crate::extract::words::Words;
use crate::vocab::{ClaimKind, Span};

/// Appends the noun-introduced claims of a paragraph to `out`, skipping any that overlaps a
/// claim already found from `first` on.
pub fn paragraph(text: &str, p: &Para, out: &mut Vec<Raw>, first: usize) {
    let n = p.toks.len();
    let mut buf = [0u8; 24];
    let mut b2 = [0u8; 24];
    for v in 1..n.saturating_sub(2) {
        // "that" first: it is rarer than the words before it, and cheap to test.
        let t = p.toks[v + 1];
        if t.e - t.s != 4 || !p.is_word(v + 1) || !p.word(text, v + 1).eq_ignore_ascii_case("that")
        {
            continue;
        }
        if !p.is_word(v) || p.toks[v].quote.is_some() {
            continue;
        }
        let w = p.word(text, v);
        if !(5..=12).contains(&w.len()) || !w.starts_with(char::is_lowercase) {
            continue;
        }
        if !SAYING_NOUNS.contains(&lower_ascii(w, &mut buf)) {
            continue;
        }
        let ss = p.sentence_start(v);
        let se = p.sentence_end(v);
        // "a claim that originated in ...", "a charge that Vorn denied": mostly a relative
        // clause about the claim, not its content.
        if p.is_word(v - 1) && matches!(lower_ascii(p.word(text, v - 1), &mut b2), "a" | "an") {
            continue;
        }
        // "said in a statement that ...": the verb's clause, found by the verb.
        let governed = (ss.max(v.saturating_sub(3))..v)
            .any(|k| p.is_word(k) && lower_ascii(p.word(text, k), &mut b2) == "in");
        if governed {
            continue;
        }
        let a = v + 1;
        let mut b = a + 1;
        while b < se
            && !(p.toks[b + 1].quote.is_none()
                && matches!(p.toks[b + 1].kind, Kind::Punct(';' | '—' | '–' | '(')))
        {
            b += 1;
        }
        while b > a && matches!(p.toks[b].kind, Kind::Punct('.' | ',' | ':' | '!' | '?')) {
            b -= 1;
        }
        if (a..=b).filter(|&i| p.is_word(i)).count() < 4 {
            continue;
        }
        let span = Span::new(p.toks[a].s, p.toks[b].e);
        if out[first..]
            .iter()
            .any(|r| r.span.start < span.end && span.start < r.span.end)
        {
            continue;
        }
        let sent = Span::new(p.toks[ss].s, p.toks[se].e);
        out.push(Raw {
            span,
            kind: ClaimKind::Indirect,
            who: owner(text, p, v, ss),
            cue: Some(w.to_string()),
            ctx: vec![
                Span::new(sent.start, span.start),
                Span::new(span.end.min(sent.end), sent.end),
            ],
            reported_by: None,
            said_on: None,
            language: None,
        });
    }
}

/// The possessive owner of the noun at `v`: "Vorn's claim", "his claim", "the Vorn campaign's
/// accusations"; else no one.
fn owner(text: &str, p: &Para, v: usize, ss: usize) -> Who {
    let mut buf = [0u8; 24];
    // Past one adjective ("Vorn's repeated claim").
    for k in [v - 1, v.saturating_sub(2)] {
        if k < ss || !p.is_word(k) {
            break;
        }
        let w = p.word(text, k);
        let l = lower_ascii(w, &mut buf);
        if matches!(l, "his" | "her" | "their") {
            return Who::Subject {
                span: Span::new(p.toks[k].s, p.toks[k].e),
                kind: SubjKind::Pronoun,
                name: None,
                roles: Vec::new(),
            };
        }
        if (w.ends_with("'s") || w.ends_with("’s"))
            && is_cap(text, p, k)
            && let Some(s) = (Words { text, p }).name_subject(k, ss)
        {
            return Who::of(s, &Words { text, p });
        }
        if PERSON_PRONOUNS.contains(l) {
            break;
        }
    }
    Who::Nobody
}
