//! A subject that stands apart from its reporting verb: before an adverb or auxiliaries ("Vorn
//! however said", "Vorn has since said"), or before a conjoined predicate ("Vorn has doubts but
//! has said ...").

use super::{SubjKind, Subject};
use crate::extract::lexicon::{CLAUSE_FOLLOWS, FAR_SUBJECT_GAP};
use crate::extract::tokens::low;
use crate::extract::words::{Words, is_open};

impl Words<'_> {
    /// The subject of the verb at `v` across an adverb or auxiliaries ("Carter however said",
    /// "Vorn has since said"), or, after a conjoined predicate, the subject of the clause it
    /// continues ("Vorn has doubts but has said ...", "Vorn left early and later said ...").
    pub(crate) fn distant_subject(&self, ss: usize, v: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        let mut buf = [0u8; 24];
        let mut k = v;
        while k > ss && FAR_SUBJECT_GAP.contains(&low(text, p, k - 1, &mut buf)) && k + 4 > v {
            k -= 1;
        }
        if k == v || k == ss {
            return None;
        }
        if matches!(low(text, p, k - 1, &mut buf), "and" | "but") {
            return None;
        }
        let s = self.subject_before(k, ss)?;
        matches!(s.kind, SubjKind::Name | SubjKind::Pronoun | SubjKind::Org).then_some(s)
    }

    /// "Vorn has doubts but has since said ...": the "and"/"but" before the auxiliaries of the
    /// verb at `v`, whose clause's subject is the verb's.
    pub(crate) fn conjoined_before(&self, ss: usize, v: usize) -> Option<usize> {
        let (text, p) = (self.text, self.p);
        let mut buf = [0u8; 24];
        let mut k = v;
        while k > ss && FAR_SUBJECT_GAP.contains(&low(text, p, k - 1, &mut buf)) && k + 4 > v {
            k -= 1;
        }
        (k < v && k > ss + 1 && matches!(low(text, p, k - 1, &mut buf), "and" | "but"))
            .then(|| k - 1)
    }

    /// Whether a reported clause plainly follows the verb at `v`: "that", a quotation, a colon or
    /// a subject pronoun ("has said she wants ..."), not an object ("would continue his push").
    pub(crate) fn clause_follows(&self, v: usize) -> bool {
        let (text, p) = (self.text, self.p);
        let mut buf = [0u8; 24];
        let n = v + 1;
        is_open(p, n) || p.is_punct(n, ':') || CLAUSE_FOLLOWS.contains(low(text, p, n, &mut buf))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Sample, SubjKind};

    #[test]
    fn a_subject_across_an_adverb_or_before_a_conjoined_predicate() {
        let s = Sample::new("Brill however said the bridge will open.");
        let subj = s.words().distant_subject(0, s.tok("said")).unwrap();
        assert_eq!(
            s.show(&subj),
            ("Brill".into(), SubjKind::Name, Some("Brill".into()))
        );
        let s = Sample::new("Vorn has doubts but has since said she wants it.");
        assert_eq!(
            s.words().conjoined_before(0, s.tok("said")),
            Some(s.tok("but"))
        );
        // "but" right before the auxiliaries is the conjoined clause's, not a distant subject's.
        assert!(s.words().distant_subject(0, s.tok("said")).is_none());
    }

    #[test]
    fn a_clause_plainly_follows_a_verb_before_that_or_a_subject_pronoun() {
        let s = Sample::new("Vorn has since said she wants the bridge.");
        assert!(s.words().clause_follows(s.tok("said")));
        let s = Sample::new("Vorn would continue his push.");
        assert!(!s.words().clause_follows(s.tok("continue")));
    }
}
