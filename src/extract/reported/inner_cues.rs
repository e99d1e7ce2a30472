//! A second cue inside the clause of the last claim found: a cue with a subject of its own after
//! "and", "but" or "while" ("X said ... and Trump says ..."), a verb joined by "and"/"but" ("Vorn
//! admitted that ..., but said ..."), a sentence-final attribution ("..., CNN reported."), and
//! a relative clause's own cue ("the town halls which he said could not be bought").

use super::{Ctx, trim_span};
use crate::extract::lexicon::{
    JOINING_CONJUNCTIONS, PERSON_PRONOUNS, SUBJECT_VERB_GAP, SUBORDINATORS, THAT_COMPLEMENT_HEADS,
    VerbClass, verb_class,
};
use crate::extract::subject::SubjKind;
use crate::extract::tokens::{Para, low};
use crate::extract::words::{Words, is_cap};
use crate::vocab::Span;

impl Ctx<'_> {
    /// Whether the cue at `v`, inside the last claim's clause, has a subject of its own after
    /// "and", "but" or "while" (a name, a pronoun or a noun phrase); if so the last claim is cut
    /// before the conjunction.
    pub(super) fn split_joined(&mut self, v: usize) -> bool {
        let text = self.text;
        let p = self.p;
        let ss = p.sentence_start(v);
        // "X spoke about her plan, saying that ...": the gerund's claim is its own.
        if v > ss && p.is_punct(v - 1, ',') && self.lw(v).ends_with("ing") {
            let comma = p.toks[v - 1].s;
            if let Some(last) = self.out.last_mut()
                && last.span.start < comma
                && comma < last.span.end
            {
                let cut = trim_span(text, Span::new(last.span.start, comma));
                if !cut.is_empty() {
                    last.span = cut;
                    return true;
                }
            }
        }
        // "..., while other voters said ...": a noun phrase after the conjunction also counts.
        let Some(subj) = self
            .subject_before(v, ss)
            .filter(|s| matches!(s.kind, SubjKind::Name | SubjKind::Pronoun))
            .or_else(|| self.phrase_subject(ss, v))
        else {
            return false;
        };
        if subj.lead < 2 {
            return false;
        }
        let conj = subj.lead - 1;
        // "While Vorn said ..., she said ...": a comma after a subordinate clause also ends it.
        let after_subordinate = p.is_punct(conj, ',')
            && matches!(subj.kind, SubjKind::Name | SubjKind::Pronoun)
            && opens_subordinate(self.text, p, ss);
        if !after_subordinate && !JOINING_CONJUNCTIONS.contains(self.lw(conj).as_str()) {
            return false;
        }
        self.end_last_before(p.toks[conj].s, p.toks[conj - 1].e)
    }

    /// "Vorn admitted that the name was wrong, but said ...": a reporting verb right after "and"
    /// or "but" inside the last claim's clause ends that clause before the conjunction.
    pub(super) fn split_coordinated(&mut self, v: usize) -> bool {
        let text = self.text;
        let p = self.p;
        let ss = p.sentence_start(v);
        if v < ss + 2 || !matches!(self.lw(v - 1).as_str(), "and" | "but") {
            return false;
        }
        let class = verb_class(&self.lw(v));
        if !class.is_some_and(|c| self.opens_report(v, c)) {
            return false;
        }
        let conj = v - 1;
        let cut = if p.is_punct(conj - 1, ',') && conj >= ss + 2 {
            p.toks[conj - 2].e
        } else {
            p.toks[conj - 1].e
        };
        let Some(last) = self.out.last_mut() else {
            return false;
        };
        if !(last.span.start < p.toks[conj].s && p.toks[conj].s < last.span.end) {
            return false;
        }
        let kept = trim_span(text, Span::new(last.span.start, cut));
        if kept.is_empty() {
            return false;
        }
        last.span = kept;
        true
    }

    /// Ends the last claim before the comma at token `comma` when it runs across it.
    pub(super) fn cut_last_at(&mut self, comma: usize) -> bool {
        let p = self.p;
        self.end_last_before(p.toks[comma].s, p.toks[comma.saturating_sub(1)].e)
    }

    /// Ends the last claim at byte `cut` when byte `at` falls inside it.
    pub(super) fn end_last_before(&mut self, at: usize, cut: usize) -> bool {
        let text = self.text;
        let Some(last) = self.out.last_mut() else {
            return false;
        };
        if !(last.span.start < at && at < last.span.end) {
            return false;
        }
        let kept = trim_span(text, Span::new(last.span.start, cut));
        if kept.is_empty() {
            return false;
        }
        last.span = kept;
        true
    }
}

/// "... the town halls which he said could not be bought", "a rule that Vorn argued would ...",
/// "as he later explained, ...": a reporting verb right after a relative pronoun (or "as") and
/// its subject (a pronoun or a capitalised name), at token `v`.
pub(super) fn relative_cue(text: &str, p: &Para, v: usize) -> bool {
    let mut buf = [0u8; 24];
    let mut k = v;
    if k > 0 && SUBJECT_VERB_GAP.contains(low(text, p, k - 1, &mut buf)) {
        k -= 1;
    }
    if k < 2 || !p.is_word(k - 1) {
        return false;
    }
    let subj = low(text, p, k - 1, &mut buf).to_string();
    let subject = PERSON_PRONOUNS.contains(subj.as_str())
        || (is_cap(text, p, k - 1)
            && !matches!(subj.as_str(), "it" | "this" | "that")
            && !p.word(text, k - 1).ends_with('s'));
    let rel = low(text, p, k - 2, &mut buf).to_string();
    // "that" after a noun is a relative ("a rule that he said ..."); after a verb or an
    // adjective it opens a reported clause ("made clear that he said ...").
    let after_noun = k >= 3
        && p.is_word(k - 3)
        && !is_cap(text, p, k - 3)
        && verb_class(low(text, p, k - 3, &mut buf)).is_none()
        && !THAT_COMPLEMENT_HEADS.contains(low(text, p, k - 3, &mut buf));
    subject && (matches!(rel.as_str(), "which" | "whom" | "as") || (rel == "that" && after_noun))
}

/// Whether the sentence starting at token `ss` opens with a subordinate clause ("While Vorn
/// said ..., she said ...", "Although he acknowledged ..., he maintained ...").
pub(super) fn opens_subordinate(text: &str, p: &Para, ss: usize) -> bool {
    let mut buf = [0u8; 24];
    SUBORDINATORS.contains(low(text, p, ss, &mut buf))
}

/// "..., CNN reported.", "..., those people said Monday.", "..., according to an organizer.":
/// a reporting verb (class `class`, or "according to") whose subject follows a comma and
/// after which the sentence ends within a few words; the comma's token.
pub(super) fn final_attribution(
    text: &str,
    p: &Para,
    v: usize,
    class: Option<VerbClass>,
) -> Option<usize> {
    let mut buf = [0u8; 24];
    let according = low(text, p, v, &mut buf) == "according";
    // Cheap tests first: this runs for every word inside a claim.
    if !according && !matches!(class, Some(VerbClass::Speech | VerbClass::Tell)) {
        return None;
    }
    // The sentence ends within a few words.
    let se = (v..(v + 11).min(p.toks.len())).find(|&i| p.sent_end[i])?;
    let ss = p.sentence_start(v);
    let quiet = |from: usize, to: usize| {
        (from..=to).all(|i| p.toks[i].quote.is_none() && !p.is_punct(i, ','))
    };
    if according {
        if low(text, p, v + 1, &mut buf) != "to" || v == ss || !p.is_punct(v - 1, ',') {
            return None;
        }
        return (se <= v + 10 && quiet(v + 1, se)).then(|| v - 1);
    }
    if !matches!(class, Some(VerbClass::Speech | VerbClass::Tell)) || se > v + 6 || !quiet(v, se) {
        return None;
    }
    let s = Words { text, p }.subject_before(v, ss)?;
    let comma = s.lead.checked_sub(1)?;
    (comma > ss && p.is_punct(comma, ',') && s.end + 1 == v).then_some(comma)
}
