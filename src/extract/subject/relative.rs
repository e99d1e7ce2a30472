//! A relative pronoun as the subject of a reporting verb ("Vorn, who has said ...", "a poll that
//! found ..."), and the name a relative clause hangs on when its quotation swallowed the comma
//! ("Vorn, who calls the levy a “sham,” said ...").

use super::{SubjKind, Subject};
use crate::extract::lexicon::SUBJECT_VERB_GAP;
use crate::extract::tokens::low;
use crate::extract::words::{Words, comma_closed, is_cap};

impl Words<'_> {
    /// The subject of a verb in a relative clause ("Vorn, who has said ...", "a poll that
    /// found ..."): the mention is the relative pronoun, the speaker its antecedent when that
    /// is a name.
    pub(crate) fn relative_subject(&self, ss: usize, v: usize) -> Option<Subject> {
        let p = self.p;
        let mut r = v.checked_sub(1)?;
        let mut gaps = 0;
        while r > ss && gaps < 3 && SUBJECT_VERB_GAP.contains(self.lw(r).as_str()) {
            r -= 1;
            gaps += 1;
        }
        if r <= ss || !matches!(self.lw(r).as_str(), "who" | "which" | "that") {
            return None;
        }
        let mut a = r - 1;
        if p.is_punct(a, ',') && a > ss {
            a -= 1;
        }
        let named = is_cap(self.text, p, a)
            .then(|| self.name_subject(a, ss))
            .flatten()
            .filter(|s| matches!(s.kind, SubjKind::Name | SubjKind::Org) && s.name.is_some());
        Some(match named {
            Some(s) => Subject {
                start: r,
                end: r,
                lead: r,
                ..s
            },
            None => Subject {
                start: r,
                end: r,
                lead: r,
                kind: SubjKind::Group,
                name: None,
                roles: Vec::new(),
            },
        })
    }
}

impl Words<'_> {
    /// "Vorn, who calls the levy a “sham,” said ...": the relative clause ends with a quotation
    /// that holds its comma, right before the verb at `v`; the subject is the name before "who".
    pub(crate) fn relative_antecedent(&self, ss: usize, v: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        if v == 0 || !comma_closed(text, p, v - 1) {
            return None;
        }
        let mut buf = [0u8; 24];
        // The relative pronoun after a comma, with no other comma outside quotations up to `v`.
        let mut k = v - 1;
        while k > ss {
            k -= 1;
            if p.toks[k].quote.is_some() {
                continue;
            }
            if p.is_punct(k, ',') || p.sent_end[k] {
                return None;
            }
            if matches!(low(text, p, k, &mut buf), "who" | "which") && k >= ss + 2 {
                break;
            }
        }
        if k < ss + 2 || !p.is_punct(k - 1, ',') || !is_cap(text, p, k - 2) {
            return None;
        }
        let s = self.name_subject(k - 2, ss)?;
        matches!(s.kind, SubjKind::Name | SubjKind::Org).then_some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Sample, SubjKind};

    #[test]
    fn a_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker() {
        let s = Sample::new("Vorn, who has said the bridge will open, left.");
        let subj = s.words().relative_subject(0, s.tok("said")).unwrap();
        assert_eq!(
            s.show(&subj),
            ("who".into(), SubjKind::Name, Some("Vorn".into()))
        );
        let s = Sample::new("Many voters who want the bridge said so.");
        let subj = s.words().relative_subject(0, s.tok("want")).unwrap();
        assert_eq!(s.show(&subj), ("who".into(), SubjKind::Group, None));
    }

    #[test]
    fn a_relative_clause_whose_quotation_holds_its_comma() {
        let s = Sample::new("Vorn, who calls the levy a “sham,” said it will fall.");
        let subj = s.words().relative_antecedent(0, s.tok("said")).unwrap();
        assert_eq!(
            s.show(&subj),
            ("Vorn".into(), SubjKind::Name, Some("Vorn".into()))
        );
        let s = Sample::new("Vorn, who calls the levy a sham, said it will fall.");
        assert!(s.words().relative_antecedent(0, s.tok("said")).is_none());
    }
}
