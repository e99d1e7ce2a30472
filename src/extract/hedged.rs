//! Hedged claims with no named source: "X seemed to ...", "it appears that ...", "X is expected
//! to ...". The writer (or an unnamed consensus) asserts them; the claim is the hedged clause,
//! the subject included ("Vorn seemed to waver"), or the clause after "it seems (that)".

use super::lexicon::{
    APPEAR_HEDGES, FINITE_BE, HEDGE_CLAUSE_ENDS, HEDGE_CLAUSE_OPENERS, HedgeClass, NOT_APPEAR_TO,
    hedge_class,
};
use super::raw::{Raw, Who};
use super::tokens::{Kind, Para, low, lower_ascii};
use crate::vocab::{ClaimKind, Span};

/// Appends the hedged claims of a paragraph to `out`.
pub fn paragraph(text: &str, p: &Para, out: &mut Vec<Raw>) {
    let n = p.toks.len();
    let mut buf = [0u8; 24];
    let mut next_free = 0usize;
    for v in 0..n {
        if v < next_free || !p.is_word(v) || p.toks[v].quote.is_some() {
            continue;
        }
        let w = p.word(text, v);
        if !(4..=8).contains(&w.len()) || !w.starts_with(['s', 'a', 'e']) {
            continue;
        }
        let Some(class) = hedge_class(lower_ascii(w, &mut buf)) else {
            continue;
        };
        if let Some(end) = hedge(text, p, v, class, out) {
            next_free = end;
        }
    }
}

/// The hedge at token `v`; returns the token after the claim.
fn hedge(text: &str, p: &Para, v: usize, class: HedgeClass, out: &mut Vec<Raw>) -> Option<usize> {
    let mut b1 = [0u8; 24];
    let mut b2 = [0u8; 24];
    let ss = p.sentence_start(v);
    let se = p.sentence_end(v);
    let next = low(text, p, v + 1, &mut b1);
    let mut cue_start = v;
    match class {
        // "is expected to": the copula before, "to" after.
        HedgeClass::Expected => {
            if next != "to" || v == ss {
                return None;
            }
            let mut c = v - 1;
            if low(text, p, c, &mut b2) == "widely" && c > ss {
                c -= 1;
            }
            if !FINITE_BE.contains(low(text, p, c, &mut b2)) {
                return None;
            }
            cue_start = c;
        }
        // "appeared on television" is no hedge: only "appear to", "appear that", "appear likely".
        HedgeClass::Appear => {
            let it = v > ss && low(text, p, v - 1, &mut b2) == "it";
            let hedging = (it && p.is_punct(v + 1, ',')) || APPEAR_HEDGES.contains(next);
            if !hedging {
                return None;
            }
            if next == "to" {
                let after = low(text, p, v + 2, &mut b2);
                if after.is_empty() || NOT_APPEAR_TO.contains(after) || !p.is_word(v + 2) {
                    return None;
                }
            }
        }
        HedgeClass::Seem => {
            if !p.is_word(v + 1) || matches!(next, "and" | "or") {
                return None;
            }
        }
    }
    // "It appears that ...", "it seemed unlikely ...": the clause after the cue; "it appeared
    // to stall" hedges a clause whose subject is "it".
    let dummy_it = cue_start > ss
        && low(text, p, cue_start - 1, &mut b2) == "it"
        && low(text, p, v + 1, &mut b1) != "to";
    let (a, b) = if dummy_it {
        // "It appears (, though,) that ...": the clause after the cue.
        let mut j = v + 1;
        if p.is_punct(j, ',') {
            while j <= se && low(text, p, j, &mut b2) != "that" && j < v + 6 {
                j += 1;
            }
        }
        if low(text, p, j, &mut b2) == "that" {
            j += 1;
        }
        (j, clause_end(text, p, j, se))
    } else {
        let a = clause_start(text, p, cue_start, ss)?;
        if a == cue_start {
            return None;
        }
        (a, clause_end(text, p, v + 1, se))
    };
    if b < a || words(p, a, b) < 4 {
        return None;
    }
    let span = trim(text, p, a, b);
    if span.is_empty() {
        return None;
    }
    let sent = Span::new(p.toks[ss].s, p.toks[se].e);
    out.push(Raw {
        span,
        kind: ClaimKind::Indirect,
        who: Who::Nobody,
        cue: Some(text[p.toks[cue_start].s..p.toks[v].e].to_string()),
        ctx: vec![
            Span::new(sent.start, span.start.max(sent.start)),
            Span::new(span.end.min(sent.end), sent.end),
        ],
        reported_by: None,
        said_on: None,
        language: None,
    });
    Some(b + 1)
}

fn words(p: &Para, a: usize, b: usize) -> usize {
    (a..=b).filter(|&i| p.is_word(i)).count()
}

/// The first token of the clause whose verb is at `v`: after the last conjunction,
/// subordinator, semicolon or dash before it in the sentence. None when a quotation or a
/// reporting cue stands in the way (the clause belongs to someone's words).
fn clause_start(text: &str, p: &Para, v: usize, ss: usize) -> Option<usize> {
    let mut buf = [0u8; 24];
    let mut i = v;
    while i > ss {
        let j = i - 1;
        let t = p.toks[j];
        if t.quote.is_some() {
            return None;
        }
        match t.kind {
            Kind::Punct(';' | '—' | '–' | '(' | ':') => return Some(i),
            Kind::Punct('-') => return Some(i),
            Kind::Word => {
                let l = low(text, p, j, &mut buf);
                if HEDGE_CLAUSE_OPENERS.contains(l) {
                    // "X and Y seem ...": a coordinated subject stays whole; ", and he seemed"
                    // joins a clause.
                    let coordinated =
                        |k: usize| p.is_word(k) && p.word(text, k).starts_with(char::is_uppercase);
                    if l == "and" && j > ss && coordinated(j - 1) && coordinated(i) {
                        i -= 1;
                        continue;
                    }
                    return Some(i);
                }
            }
            _ => {}
        }
        i -= 1;
    }
    Some(ss)
}

/// The last token of the clause that starts at or after `from`: before a comma that opens a
/// subordinate or contrasting clause, a dash, a semicolon or the sentence's end.
fn clause_end(text: &str, p: &Para, from: usize, se: usize) -> usize {
    let mut buf = [0u8; 24];
    let mut i = from;
    while i < se {
        let t = p.toks[i];
        match t.kind {
            Kind::Punct(';' | '—' | '–' | '(') if t.quote.is_none() => {
                return i.saturating_sub(1);
            }
            Kind::Punct('-') if t.quote.is_none() => return i.saturating_sub(1),
            Kind::Punct(',')
                if t.quote.is_none()
                    && HEDGE_CLAUSE_ENDS.contains(low(text, p, i + 1, &mut buf)) =>
            {
                return i.saturating_sub(1);
            }
            _ => {}
        }
        i += 1;
    }
    se
}

/// The byte span of tokens `a..=b` without the sentence's final stop and trailing commas.
fn trim(text: &str, p: &Para, a: usize, b: usize) -> Span {
    let mut b = b;
    while b > a
        && matches!(
            p.toks[b].kind,
            Kind::Punct('.' | ',' | ';' | ':' | '!' | '?')
        )
    {
        b -= 1;
    }
    let s = p.toks[a].s;
    let e = p.toks[b].e;
    let t = text[s..e].trim_end();
    Span::new(s, s + t.len())
}
