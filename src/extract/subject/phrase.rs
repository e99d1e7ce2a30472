//! Noun phrases no word list knows, as the subject of a reporting verb: "two in three said",
//! "the budget office said", "A CNN poll last month showed ...", and, when no other finder
//! knows the subject, the phrase before the verb ("The deputy head of the delegation to the
//! forum said ...").

use super::{SubjKind, Subject};
use crate::extract::lexicon::{
    EVIDENCE_NOUNS, EVIDENCE_PHRASE_BOUNDS, EVIDENCE_RECORDS, EVIDENCE_VERBS, NOT_FALLBACK_HEADS,
    NOT_PHRASE_HEADS, PASSIVE_GAP_BE, SUBJECT_VERB_GAP, VerbClass, is_clause_link, is_determiner,
    is_quantifier, verb_class,
};
use crate::extract::tokens::Kind;
use crate::extract::words::Words;

impl Words<'_> {
    /// A lowercase or numeric noun phrase right before the verb at `v` that opens its clause:
    /// "two in three said", "74 percent of voters say", "the budget office said", "most of
    /// them said". A source without a name (a group).
    pub(crate) fn phrase_subject(&self, ss: usize, v: usize) -> Option<Subject> {
        let p = self.p;
        let mut k = v;
        while k > ss && k + 8 > v {
            let j = k - 1;
            if !p.is_word(j) || p.toks[j].quote.is_some() {
                break;
            }
            let l = self.lw(j);
            if j + 1 < v && is_clause_link(&l) {
                break;
            }
            k = j;
        }
        if k >= v {
            return None;
        }
        // The phrase opens the sentence or follows a comma, a semicolon or a conjunction.
        let opens = k == ss || !p.is_word(k - 1) || is_clause_link(&self.lw(k - 1));
        let first = self.lw(k);
        let first_word = p.word(self.text, k);
        let quantity =
            first_word.starts_with(|c: char| c.is_ascii_digit()) || is_quantifier(&first);
        if !opens || !(quantity || is_determiner(&first)) {
            return None;
        }
        // The head is a noun: not a verb of the list, not a pronoun object.
        let head = self.lw(v - 1);
        if verb_class(&head).is_some() || NOT_PHRASE_HEADS.contains(head.as_str()) {
            return None;
        }
        Some(Subject {
            start: k,
            end: v - 1,
            lead: k,
            kind: SubjKind::Group,
            name: None,
            roles: Vec::new(),
        })
    }

    /// "A CNN/ORC poll last month showed ...", "new filings show ...", "a review of his work
    /// shows ...": a poll, a study or records within the few words before an evidence verb,
    /// no comma or clause between. The phrase from its determiner to the verb is a group.
    pub(crate) fn evidence_subject(&self, ss: usize, v: usize) -> Option<Subject> {
        let lv = self.lw(v);
        if !EVIDENCE_VERBS.contains(lv.as_str()) {
            return None;
        }
        let k = self.plain_words_before(ss, v, 8);
        let head = (k..v).find(|&i| {
            let l = self.lw(i);
            EVIDENCE_NOUNS.contains(l.as_str()) || EVIDENCE_RECORDS.contains(l.as_str())
        })?;
        // The phrase starts at the evidence noun's determiner or modifiers.
        let mut s = head;
        while s > k && !EVIDENCE_PHRASE_BOUNDS.contains(self.lw(s - 1).as_str()) {
            s -= 1;
        }
        Some(Subject::group(s, v - 1))
    }

    /// The phrase before the reporting verb at `v` when no subject rule found one: back from
    /// the verb past "also", "has", to a comma, a quotation or a word that opens a clause; after
    /// an appositive ("Stone, 29, of Huntsville, says"), the phrase before its first comma. A
    /// group that names no speaker node, unless that phrase ends in a name. None for a passive
    /// ("is said to"), an infinitive ("to say"), a question ("What did he say").
    pub(crate) fn fallback_subject(
        &self,
        ss: usize,
        v: usize,
        class: VerbClass,
    ) -> Option<Subject> {
        let p = self.p;
        if v <= ss || !self.opens_report(v, class) {
            return None;
        }
        if p.is_punct(v - 1, ',')
            || (p.toks[v - 1].quote.is_none()
                && matches!(p.toks[v - 1].kind, Kind::Punct('—' | '–' | '-' | ')')))
        {
            return self.opening_phrase(ss, v);
        }
        let mut e = v - 1;
        let mut gaps = 0;
        while e > ss && gaps < 3 && SUBJECT_VERB_GAP.contains(self.lw(e).as_str()) {
            if PASSIVE_GAP_BE.contains(self.lw(e).as_str()) {
                return None;
            }
            e -= 1;
            gaps += 1;
        }
        if !p.is_word(e) || p.toks[e].quote.is_some() {
            return None;
        }
        let le = self.lw(e);
        if le.ends_with("ly") || NOT_FALLBACK_HEADS.contains(le.as_str()) {
            return None;
        }
        Some(Subject::group(self.plain_words_before(ss, e, 5), e))
    }

    /// The first of the (at most `max`) words right before token `e`, back to the sentence start
    /// `ss`, a quotation, punctuation or a word that opens a clause.
    fn plain_words_before(&self, ss: usize, e: usize, max: usize) -> usize {
        let p = self.p;
        let mut k = e;
        while k > ss && k + max + 1 > e {
            let j = k - 1;
            if !p.is_word(j) || p.toks[j].quote.is_some() {
                break;
            }
            let l = self.lw(j);
            if is_clause_link(&l) || matches!(l.as_str(), "who" | "which") {
                break;
            }
            k = j;
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Sample, SubjKind};
    use crate::extract::lexicon::VerbClass;

    fn group(s: &Sample, subj: Option<super::Subject>) -> Option<String> {
        subj.map(|x| {
            assert_eq!(x.kind, SubjKind::Group);
            s.show(&x).0
        })
    }

    #[test]
    fn a_counted_or_determined_noun_phrase_before_the_verb() {
        let s = Sample::new("Two in three voters said the bridge will open.");
        assert_eq!(
            group(&s, s.words().phrase_subject(0, s.tok("said"))),
            Some("Two in three voters".into())
        );
    }

    #[test]
    fn a_poll_a_few_words_before_an_evidence_verb() {
        let s = Sample::new("A CNN poll last month showed the bridge is popular.");
        assert_eq!(
            group(&s, s.words().evidence_subject(0, s.tok("showed"))),
            Some("A CNN poll last month".into())
        );
    }

    #[test]
    fn the_phrase_no_other_finder_knows_but_no_passive() {
        let s = Sample::new(
            "The deputy head of the delegation to the forum said that the bridge will open.",
        );
        let v = s.tok("said");
        assert_eq!(
            group(&s, s.words().fallback_subject(0, v, VerbClass::Speech)),
            Some("head of the delegation to the forum".into())
        );
        let s = Sample::new("The bridge is said to be safe.");
        let v = s.tok("said");
        assert_eq!(
            group(&s, s.words().fallback_subject(0, v, VerbClass::Speech)),
            None
        );
    }
}
