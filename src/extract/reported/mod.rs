//! English attributions in one paragraph: a reporting verb with its subject, and what was said —
//! a quotation before or after it (“...,” X said / X said: “...”), a reported clause ("X said
//! (that) ...", "..., X told Sputnik."), "according to X". Quotations left without a cue go to
//! the paragraph's speaker or, opening a paragraph, to the last speaker (news convention).

mod according;
mod asked;
mod inner_cues;
mod uncued;
mod verb;

use super::lexicon::{VerbClass, verb_class};
use super::raw::{Raw, Who};
use super::subject::Subject;
use super::tokens::{Kind, Para, lower_ascii};
use super::words::{Words, is_open};
use super::{hedged, nominal};
use crate::vocab::{ClaimKind, Span};
use inner_cues::{final_attribution, relative_cue};

/// A paragraph's words and the claims the rules have found in it so far.
struct Ctx<'a> {
    w: Words<'a>,
    /// Quotations a claim has taken (by index in the paragraph's quotations).
    used_q: Vec<bool>,
    out: &'a mut Vec<Raw>,
}

/// The rules read the paragraph as the subject finders and clause tests do, through `Words`.
impl<'a> std::ops::Deref for Ctx<'a> {
    type Target = Words<'a>;
    fn deref(&self) -> &Words<'a> {
        &self.w
    }
}

/// The claims of an English paragraph, appended to `out` in the order found.
pub fn paragraph(text: &str, p: &Para, out: &mut Vec<Raw>) {
    let first = out.len();
    let mut c = Ctx {
        w: Words { text, p },
        used_q: vec![false; p.quotes.len()],
        out,
    };
    let n = p.toks.len();
    let mut covered_until = 0usize;
    let mut buf = [0u8; 24];
    for v in 0..n {
        if !p.is_word(v) || p.toks[v].quote.is_some() {
            continue;
        }
        let w = p.word(text, v);
        if !w.starts_with(|ch: char| ch.is_lowercase()) && w != "According" && w != "Asked" {
            continue;
        }
        if !(3..=12).contains(&w.len()) {
            continue;
        }
        let lw = lower_ascii(w, &mut buf);
        if v < covered_until {
            // "X said ... and Trump says ...": a second attribution joined to the first's
            // clause ends that clause.
            let class = verb_class(lw);
            // "..., saying ..., CNN reported.": a sentence-final attribution is the whole
            // sentence's; the claim it sat in ends before it.
            let final_cue =
                final_attribution(text, p, v, class).is_some_and(|comma| c.cut_last_at(comma));
            if !final_cue
                && (!matches!(class, Some(VerbClass::Speech | VerbClass::Tell))
                    || !(c.split_joined(v) || c.split_coordinated(v)))
            {
                // "the town halls which he said could not be bought": a relative clause's own
                // attribution inside the claim, a claim of its own.
                if let Some(class) = class
                    && matches!(class, VerbClass::Speech | VerbClass::Tell)
                    && relative_cue(text, p, v)
                {
                    c.attribute(v, class);
                }
                continue;
            }
            covered_until = v;
        }
        let got = if lw == "according" {
            c.according(v)
        } else if let Some(class) = verb_class(lw) {
            c.attribute(v, class)
        } else {
            None
        };
        if let Some(end) = got {
            covered_until = covered_until.max(end);
        }
    }
    c.leftover_quotes(first);
    hedged::paragraph(text, p, out);
    nominal::paragraph(text, p, out, first);
}

impl Ctx<'_> {
    fn who(&self, s: &Subject) -> Who {
        Who::of(s.clone(), &self.w)
    }

    fn push(
        &mut self,
        span: Span,
        kind: ClaimKind,
        who: Who,
        cue: Option<(usize, usize)>,
        sent: (usize, usize),
    ) {
        let span = trim_span(self.text, span);
        if span.is_empty() {
            return;
        }
        let sent = self.span(sent.0, sent.1);
        self.out.push(Raw {
            span,
            kind,
            who,
            cue: cue.map(|(a, b)| self.text[self.span(a, b).range()].to_string()),
            ctx: vec![
                Span::new(sent.start, span.start.max(sent.start)),
                Span::new(span.end.min(sent.end), sent.end),
            ],
            reported_by: None,
            said_on: None,
            language: None,
        });
    }

    fn push_quote(
        &mut self,
        qi: usize,
        who: Who,
        cue: Option<(usize, usize)>,
        sent: (usize, usize),
    ) {
        self.used_q[qi] = true;
        let q = self.p.quotes[qi];
        self.push(q.inner, ClaimKind::Direct, who, cue, sent);
    }

    /// A content span of tokens `a..=b`, the sentence's final stop left out; quotations in it
    /// are used up.
    fn push_clause(
        &mut self,
        a: usize,
        b: usize,
        who: Who,
        cue: (usize, usize),
        sent: (usize, usize),
    ) {
        let p = self.p;
        let mut b = b;
        while b > a
            && matches!(
                p.toks[b].kind,
                Kind::Punct('.') | Kind::Punct(',') | Kind::Punct(';') | Kind::Punct(':')
            )
            && p.toks[b].quote.is_none()
        {
            b -= 1;
        }
        // A clause that is one whole quotation is that quotation.
        if is_open(p, a)
            && let Some(qi) = p.toks[a].quote
            && p.quotes[qi as usize].close_tok >= b
        {
            self.push_quote(qi as usize, who, Some(cue), sent);
            return;
        }
        for i in a..=b {
            if let Some(qi) = p.toks[i].quote {
                self.used_q[qi as usize] = true;
            }
        }
        let kind = ClaimKind::Indirect;
        let span = self.span(a, b);
        self.push(span, kind, who, Some(cue), sent);
    }
}

/// Trims whitespace and trailing commas from a span.
fn trim_span(text: &str, span: Span) -> Span {
    let s = span.start;
    let t = &text[span.range()];
    let lead = t.len() - t.trim_start().len();
    let t1 = t
        .trim_start()
        .trim_start_matches([',', ';', ':', '—', '–'])
        .trim_start();
    let lead = lead + (t.trim_start().len() - t1.len());
    let t2 = t1.trim_end().trim_end_matches([',', ';', ':']).trim_end();
    Span::new(s + lead, s + lead + t2.len())
}
