//! Quotations no cue claimed: attributed by the words right after them (`after_quote`), by a
//! colon that introduces them ("Rubio fired back: “...”", "Cruz continued:" ending the
//! paragraph before), or to the paragraph's speaker, or, opening a paragraph, to the last
//! speaker of the item.

use super::Ctx;
use crate::extract::after_quote;
use crate::extract::coreference::is_relative;
use crate::extract::lexicon::NOT_VERB_AFTER_SUBJECT;
use crate::extract::raw::{Raw, Who};
use crate::extract::subject::SubjKind;
use crate::extract::tokens::{Para, low};
use crate::extract::words::{Words, is_cap};
use crate::vocab::ClaimKind;

impl Ctx<'_> {
    /// Quotations no cue claimed: the paragraph's speaker, else, for a quotation opening the
    /// paragraph, the last speaker of the item.
    pub(super) fn leftover_quotes(&mut self, first: usize) {
        let p = self.p;
        for qi in 0..p.quotes.len() {
            if self.used_q[qi] {
                continue;
            }
            let q = p.quotes[qi];
            if self.out[first..]
                .iter()
                .any(|r| r.span.start <= q.inner.start && q.inner.end <= r.span.end)
            {
                continue;
            }
            let words = self.text[q.inner.range()].split_whitespace().count();
            // "..., Rubio fired back: “...”": a quotation after a colon is what the words
            // before it introduce, however short.
            let colon = self.colon_before(q.open_tok);
            if words < 4 {
                if let Some(c) = colon {
                    self.push_colon_quote(qi, c);
                }
                continue;
            }
            // "“...,” Hannity pressed.": a subject and any verb right after the quotation.
            if let Some((s, cue)) = after_quote::find(self.text, p, &q) {
                let who = self.who(&s);
                let sent = (p.sentence_start(q.open_tok), p.sentence_end(cue.1));
                self.push_quote(qi, who, Some(cue), sent);
                continue;
            }
            let speaking =
                |r: &Raw| matches!(&r.who, Who::Subject { kind, .. } if *kind != SubjKind::Group);
            let before = self.out[first..]
                .iter()
                .rev()
                .find(|r| r.span.end <= q.outer.start && speaking(r));
            // "“...,” Vorn told the paper, after Brill said .... “...”": a speaker in an
            // adverbial clause of the quoted speaker's sentence does not take the quotation.
            let before = before.map(|r| quoted_speaker(self.text, &self.out[first..], r));
            let after = self.out[first..]
                .iter()
                .find(|r| r.span.start >= q.outer.end && speaking(r));
            let who = match (before, after) {
                (Some(r), _) | (None, Some(r)) => r.who.clone(),
                // "Cruz continued:" ending the paragraph before.
                (None, None) if q.open_tok == 0 => {
                    colon_intro(self.text, p.s).unwrap_or(Who::Inherit)
                }
                (None, None) if let Some(c) = colon => {
                    self.push_colon_quote(qi, c);
                    continue;
                }
                _ => continue,
            };
            let sent = (p.sentence_start(q.open_tok), p.sentence_end(q.open_tok));
            self.push_quote(qi, who, None, sent);
        }
    }

    /// The colon right before the quotation opening at token `open`, if any, with a word before
    /// it ("fired back: “...”", "From the report: “...”").
    pub(super) fn colon_before(&self, open: usize) -> Option<usize> {
        let p = self.p;
        let c = open.checked_sub(1)?;
        (c > 0 && p.is_punct(c, ':') && p.toks[c].quote.is_none() && p.is_word(c - 1)).then_some(c)
    }

    /// Pushes the quotation `qi` introduced by the colon at token `c`. Its source is a name
    /// right before the colon ("- Philip Bump: “...”"), else the subject of the sentence's main
    /// clause ("Rubio fired back forcefully: “...”"), else no one; the cue is the word before
    /// the colon.
    pub(super) fn push_colon_quote(&mut self, qi: usize, c: usize) {
        let p = self.p;
        let ss = p.sentence_start(c);
        if c <= ss {
            return;
        }
        let named = is_cap(self.text, p, c - 1)
            .then(|| self.name_subject(c - 1, ss))
            .flatten()
            .filter(|s| matches!(s.kind, SubjKind::Name | SubjKind::Org) && s.name.is_some());
        let who = match named
            .or_else(|| self.main_subject(ss, c))
            .or_else(|| self.first_mention(ss, c))
        {
            Some(s) => self.who(&s),
            None => Who::Nobody,
        };
        let open = p.quotes[qi].open_tok;
        let sent = (ss, p.sentence_end(open));
        self.push_quote(qi, who, Some((c - 1, c - 1)), sent);
    }
}

/// The speaker a later quotation of the paragraph continues, given `last`, the last speaking
/// claim before it: the quoted speaker of `last`'s sentence when `last` is an indirect claim in
/// that sentence whose subject is not a relative pronoun ("“...,” Vorn said, as he called for
/// ..." keeps Vorn's mention; "said Vorn, who said ..." keeps "who").
pub(super) fn quoted_speaker<'r>(text: &str, claims: &'r [Raw], last: &'r Raw) -> &'r Raw {
    let sentence = |r: &Raw| r.ctx.first().map(|c| c.start);
    if last.kind == ClaimKind::Direct {
        return last;
    }
    if let Who::Subject { span, .. } = &last.who
        && is_relative(&text[span.range()])
    {
        return last;
    }
    claims
        .iter()
        .rev()
        .filter(|r| r.span.end <= last.span.start)
        .take_while(|r| sentence(r) == sentence(last))
        .find(|r| {
            r.kind == ClaimKind::Direct
                && matches!(&r.who, Who::Subject { kind, .. } if *kind != SubjKind::Group)
        })
        .unwrap_or(last)
}

/// "Cruz continued:", "He said:", "President Vorn released the following statement:" ending
/// the paragraph before the one at byte `para_start`: the subject that introduces a quotation
/// opening the next paragraph.
pub(super) fn colon_intro(text: &str, para_start: usize) -> Option<Who> {
    let before = text[..para_start].trim_end();
    if !before.ends_with(':') {
        return None;
    }
    let ps = before.rfind('\n').map_or(0, |i| i + 1);
    let prev = Para::new(text, ps, before.len());
    let colon = prev.toks.len().checked_sub(1)?;
    if colon == 0 || !prev.is_punct(colon, ':') {
        return None;
    }
    let ss = prev.sentence_start(colon);
    let words = Words { text, p: &prev };
    let s = words.main_subject(ss, colon)?;
    // The subject is followed by its verb, a lowercase word that is no determiner.
    let mut buf = [0u8; 24];
    let verb = s.end + 1;
    let verb_ok = verb < colon
        && prev.is_word(verb)
        && !is_cap(text, &prev, verb)
        && !NOT_VERB_AFTER_SUBJECT.contains(low(text, &prev, verb, &mut buf));
    if !verb_ok || !matches!(s.kind, SubjKind::Name | SubjKind::Pronoun | SubjKind::Org) {
        return None;
    }
    Some(Who::of(s, &words))
}
