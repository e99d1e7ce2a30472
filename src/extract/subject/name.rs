//! The capitalised name ending at a token, with the titles before it moved into roles ("Mr.
//! Domenech", "Foreign Minister Sergey Lavrov", "Agnes von der Muhll").

use super::Subject;
use crate::extract::lexicon::{
    NAME_JOINERS, NAME_PARTICLES, NOT_DESCRIPTORS, NOT_NAME_STARTS, ROLE_NOUNS, SENTENCE_ADVERBS,
    TITLE_ABBREVIATIONS, TITLE_WORDS,
};
use crate::extract::names::clean_name;
use crate::extract::words::{Words, is_cap, lower};

impl Words<'_> {
    /// Whether token `i` is the period of an abbreviated title ("Mr.", "Sen.", "Gen.").
    pub(super) fn is_title_dot(&self, i: usize) -> bool {
        let (text, p) = (self.text, self.p);
        i > 0
            && p.is_punct(i, '.')
            && p.toks[i - 1].e == p.toks[i].s
            && is_cap(text, p, i - 1)
            && (TITLE_ABBREVIATIONS.contains(lower(text, p, i - 1, &mut [0u8; 24]))
                // A middle initial ("Jock A. Finlay"), right before a capitalised word.
                || (p.toks[i - 1].e - p.toks[i - 1].s == 1 && is_cap(text, p, i + 1)))
    }

    /// The capitalised name ending at token `k`, with titles before it moved into roles.
    pub(crate) fn name_subject(&self, k: usize, floor: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        let mut buf = [0u8; 24];
        let mut start = k;
        while start > floor && start + 12 > k {
            let j = start - 1;
            if p.toks[j].quote.is_some() {
                break;
            }
            // "Mr. Domenech": the title's period is a token of its own.
            if j > floor && self.is_title_dot(j) {
                start = j - 1;
                continue;
            }
            if is_cap(text, p, j) {
                // A possessive is the owner of what follows ("Russia’s envoy"): part of the title.
                start = j;
                continue;
            }
            if p.is_word(j) {
                let lj = lower(text, p, j, &mut buf);
                let next_cap = is_cap(text, p, j + 1)
                    || (p.is_word(j + 1)
                        && NAME_PARTICLES.contains(lower(text, p, j + 1, &mut [0u8; 24]))
                        && is_cap(text, p, j + 2));
                if next_cap
                    && j > floor
                    && (NAME_PARTICLES.contains(lj) || TITLE_WORDS.contains(lj))
                {
                    start = j;
                    continue;
                }
                if next_cap && NAME_JOINERS.contains(lj) && j > 0 && is_cap(text, p, j - 1) {
                    start = j;
                    continue;
                }
                if next_cap && NAME_PARTICLES.contains(lj) {
                    start = j;
                    continue;
                }
                if TITLE_WORDS.contains(lj) || ROLE_NOUNS.contains(lj) {
                    start = j;
                    continue;
                }
            }
            break;
        }
        // A conjunction or preposition does not open a name ("... and Brill").
        // Nor does a conjunction or sentence adverb ("When Vorn", "But Brill", "Instead Brill").
        while start < k && {
            let l = lower(text, p, start, &mut buf);
            NOT_NAME_STARTS.contains(l)
                || (is_cap(text, p, start)
                    && (SENTENCE_ADVERBS.contains(l)
                        || (NOT_DESCRIPTORS.contains(l) && !TITLE_WORDS.contains(l))))
        } {
            start += 1;
            if p.is_punct(start, ',') && start < k {
                start += 1;
            }
        }
        let words: Vec<&str> = (start..=k)
            .filter(|&i| p.is_word(i))
            .map(|i| p.word(text, i))
            .collect();
        let (name, roles, kind) = clean_name(&words)?;
        // The span keeps the titles: the whole mention attributes the claim.
        Some(Subject {
            start,
            end: k,
            lead: start,
            kind,
            name: (!name.is_empty()).then_some(name),
            roles,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Sample, SubjKind};

    #[test]
    fn a_name_with_particles_and_an_abbreviated_title() {
        let s = Sample::new("Then Sen. Ilka von der Vorn spoke.");
        let subj = s.words().name_subject(s.tok("Vorn"), 0).unwrap();
        assert_eq!(
            s.show(&subj),
            (
                "Sen. Ilka von der Vorn".into(),
                SubjKind::Name,
                Some("Ilka von der Vorn".into())
            )
        );
        assert_eq!(subj.roles, vec!["Sen".to_string()]);
        assert!(s.words().is_title_dot(s.tok("Sen") + 1));
        // The sentence's stop is no title's.
        let stop = s.tok("spoke") + 1;
        assert!(!s.words().is_title_dot(stop));
    }
}
