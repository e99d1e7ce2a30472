//! The subject after an inverted verb: "“...,” said X", "..., said the minister".

use super::before::determiner_kind;
use super::{SubjKind, Subject};
use crate::extract::lexicon::{AFTER_NAME, NOT_DESCRIPTORS, PERSON_PRONOUNS, ROLE_NOUNS};
use crate::extract::words::{Words, is_cap, is_close, lower};

impl Words<'_> {
    /// The subject after an inverted verb: `“...,” said X` / `..., said the minister`.
    pub(crate) fn subject_after(&self, v: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        let n = p.toks.len();
        let k = v + 1;
        if k >= n || p.toks[k].quote.is_some() {
            return None;
        }
        let mut buf = [0u8; 24];
        let lw = lower(text, p, k, &mut buf).to_string();
        if p.is_word(k) && PERSON_PRONOUNS.contains(lw.as_str()) {
            return Some(Subject {
                start: k,
                end: k,
                lead: k,
                kind: SubjKind::Pronoun,
                name: None,
                roles: Vec::new(),
            });
        }
        // The phrase runs to a comma, the sentence's end or a word that opens a modifier ("said
        // Robert Antonis of the Ohio delegation", "said the senator in a statement").
        let mut e = k;
        while e + 1 < n && e < k + 10 && !p.sent_end[e] {
            if p.is_word(e + 1) {
                let l = lower(text, p, e + 1, &mut buf);
                let between_caps = matches!(l, "of" | "for" | "and")
                    && is_cap(text, p, e)
                    && is_cap(text, p, e + 2);
                if AFTER_NAME.contains(l) && !between_caps {
                    break;
                }
                e += 1;
            } else if e + 2 < n && self.is_title_dot(e + 1) && p.is_word(e + 2) {
                e += 2;
            } else {
                break;
            }
        }
        if !is_cap(text, p, e) {
            let kind = if ROLE_NOUNS.contains(lower(text, p, e, &mut buf)) {
                SubjKind::Role
            } else {
                // "“...,” said one former staffer": after a quotation, any noun phrase.
                let quoted = v > 0
                    && (is_close(p, v - 1)
                        || (p.is_punct(v - 1, ',') && v > 1 && is_close(p, v - 2)));
                if !quoted {
                    return None;
                }
                if e == k || NOT_DESCRIPTORS.contains(lower(text, p, e, &mut buf)) {
                    return None;
                }
                determiner_kind(lower(text, p, k, &mut buf))?
            };
            return Some(Subject {
                start: k,
                end: e,
                lead: k,
                kind,
                name: None,
                roles: Vec::new(),
            });
        }
        let mut s = self.name_subject(e, k)?;
        s.start = k;
        Some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Sample, SubjKind};

    fn after(text: &'static str) -> Option<(String, SubjKind, Option<String>)> {
        let s = Sample::new(text);
        s.words().subject_after(s.tok("said")).map(|x| s.show(&x))
    }

    #[test]
    fn the_subject_after_an_inverted_verb_ends_before_what_describes_it() {
        assert_eq!(
            after("“The bridge will open,” said Ilka Vorn of the Tarn council."),
            Some(("Ilka Vorn".into(), SubjKind::Name, Some("Ilka Vorn".into())))
        );
        assert_eq!(
            after("The bridge will open, said the minister in a statement."),
            Some(("the minister".into(), SubjKind::Role, None))
        );
        assert_eq!(
            after("“The bridge will open,” said he."),
            Some(("he".into(), SubjKind::Pronoun, None))
        );
        // After a quotation, any noun phrase: one not named.
        assert_eq!(
            after("“The bridge will open,” said one former staffer."),
            Some(("one former staffer".into(), SubjKind::Group, None))
        );
    }
}
