//! "According to X, ..." and "..., according to X.": the source after "according to", the claim
//! the clause before or after it.

use super::Ctx;
use crate::extract::lexicon::{SENTENCE_CONJUNCTIONS, SOURCE_DESCRIPTIONS};
use crate::extract::raw::Who;
use crate::extract::subject::SubjKind;
use crate::extract::tokens::Kind;
use crate::extract::words::{is_cap, is_close};

impl Ctx<'_> {
    /// "According to X, ..." and "..., according to X."
    pub(super) fn according(&mut self, v: usize) -> Option<usize> {
        let p = self.p;
        if self.lw(v + 1) != "to" || matches!(self.lw(v + 2).as_str(), "which" | "whom" | "whose") {
            return None;
        }
        let (ss, se) = self.sentence(v);
        // "According to early results of the exit poll conducted by ... for ..., Vorn led":
        // opening its sentence, the source may be long.
        let initial = self.opens_sentence(ss, v);
        let reach = if initial { 26 } else { 14 };
        let mut e = v + 2;
        while e <= se
            && e < v + reach
            && !p.is_punct(e, ',')
            && !p.is_punct(e, ')')
            && (e != se || p.is_word(e))
            && p.toks[e].quote.is_none()
        {
            e += 1;
        }
        if e == v + 2 {
            return None;
        }
        let last = e - 1;
        let subj = if is_cap(self.text, p, last) {
            self.name_subject(last, v + 2).map(|mut s| {
                s.start = v + 2;
                s
            })
        } else {
            None
        };
        let who = match &subj {
            Some(s) => self.who(s),
            None => Who::Subject {
                span: self.span(v + 2, last),
                kind: SubjKind::Group,
                name: None,
                roles: Vec::new(),
            },
        };
        let cue = (v, v + 1);
        // "..., according to X, taking a step ...": after a clause, the claim is that clause,
        // not the words after the source.
        let after_clause = !initial && self.clause_before_according(ss, v, e, se);
        if p.is_punct(e, ',') && e < se && self.words_in(e + 1, se) >= 3 && !after_clause {
            self.push_clause(e + 1, se, who, cue, (ss, se));
            return Some(se + 1);
        }
        // "... (the real figure is lower, according to X)": the claim starts after the last
        // bracket, dash or semicolon before the cue.
        let start = (ss..v.saturating_sub(1))
            .rev()
            .find(|&k| {
                p.toks[k].quote.is_none()
                    && matches!(p.toks[k].kind, Kind::Punct('(' | ';' | '—' | '–' | ':'))
            })
            .map_or(ss, |k| k + 1);
        if v > start + 1 && p.is_punct(v - 1, ',') && self.words_in(start, v - 2) >= 3 {
            self.push_clause(start, v - 2, who, cue, (ss, se));
            return Some(se + 1);
        }
        // "..., threatening “a major lawsuit,” according to X": the comma inside the marks.
        if v > start + 1 && self.comma_quote_before(v) && self.words_in(start, v - 1) >= 3 {
            self.push_clause(start, v - 1, who, cue, (ss, se));
            return Some(se + 1);
        }
        None
    }

    /// Whether token `v` opens its sentence, past a leading conjunction ("But according to").
    pub(super) fn opens_sentence(&self, ss: usize, v: usize) -> bool {
        v == ss || (v == ss + 1 && SENTENCE_CONJUNCTIONS.contains(self.lw(ss).as_str()))
    }

    /// Whether "according" at `v` follows a clause of five words or more and a comma (or a
    /// quotation that ends in one), and what follows the source's comma at `e` only describes
    /// the source or the circumstances ("..., according to X, a social analytics firm", "...,
    /// according to X, taking a step toward ...").
    pub(super) fn clause_before_according(&self, ss: usize, v: usize, e: usize, se: usize) -> bool {
        let p = self.p;
        if !(v > ss + 5
            && (p.is_punct(v - 1, ',') || self.comma_quote_before(v))
            && self.words_in(ss, v - 1) >= 5)
        {
            return false;
        }
        if !p.is_punct(e, ',') || e >= se {
            return true;
        }
        let next = self.lw(e + 1);
        next.ends_with("ing") || SOURCE_DESCRIPTIONS.contains(next.as_str())
    }

    /// Whether a quotation ending in a comma closes right before token `v` (“...,” X said).
    pub(super) fn comma_quote_before(&self, v: usize) -> bool {
        let p = self.p;
        v > 0
            && is_close(p, v - 1)
            && p.toks[v - 1].quote.is_some_and(|qi| {
                self.text[p.quotes[qi as usize].inner.range()]
                    .trim_end()
                    .ends_with(',')
            })
    }
}
