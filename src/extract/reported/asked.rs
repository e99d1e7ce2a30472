//! A question reported by a passive "asked": "(When) asked (by X) (on Fox News) why ..., Y
//! said". The question is a claim, the asker's or no one's.

use super::Ctx;
use crate::extract::lexicon::{ASKED_ADVERBIALS, is_question_start};
use crate::extract::raw::Who;
use crate::extract::subject::SubjKind;
use crate::extract::words::is_cap;

impl Ctx<'_> {
    /// "(When) asked (by X) (on Fox News) why/about/if ..., Y said": the question is a claim,
    /// the asker's (`by X`) or no one's; it ends at the comma before the answer.
    pub(super) fn asked_passive(&mut self, v: usize, ss: usize, se: usize) -> Option<usize> {
        let p = self.p;
        let mut j = v + 1;
        let mut who = Who::Nobody;
        let mut hops = 0;
        while j <= se && hops < 3 {
            hops += 1;
            let l = self.lw(j);
            if is_question_start(&l) {
                break;
            }
            if l == "by" {
                let k = self.skip_object(j + 1, se);
                if k == j + 1 {
                    return None;
                }
                who = match self.name_subject(k - 1, j + 1) {
                    Some(s) if is_cap(self.text, p, k - 1) => self.who(&s),
                    _ => Who::Subject {
                        span: self.span(j + 1, k - 1),
                        kind: SubjKind::Group,
                        name: None,
                        roles: Vec::new(),
                    },
                };
                j = k;
                continue;
            }
            if !ASKED_ADVERBIALS.contains(l.as_str()) {
                return None;
            }
            // "on Fox News", "at a briefing Monday in Washington": up to the question.
            let mut k = j + 1;
            while k <= se && k < j + 10 && p.is_word(k) && !is_question_start(&self.lw(k)) {
                k += 1;
            }
            j = k;
        }
        if j > se || !is_question_start(&self.lw(j)) {
            return None;
        }
        let mut end = j + 1;
        while end < se && !(p.is_punct(end, ',') && p.toks[end].quote.is_none()) {
            end += 1;
        }
        if self.words_in(j, end) < 3 {
            return None;
        }
        self.push_clause(j, end, who, (v, v), (ss, se));
        Some(end + 1)
    }
}
