//! The subject right before a reporting verb, past auxiliaries and adverbs: a name with its
//! titles, a pronoun, a role noun ("the minister"), an organisation ("O’Malley’s campaign", "the
//! Trump campaign"), a group ("officials", "a new poll"), or a noun phrase right after a
//! quotation ("“...,” the retired surgeon said"); and "it" standing for a document ("..., it
//! said").

use super::{SubjKind, Subject};
use crate::extract::lexicon::{
    ADVERBS_BEFORE_PASSIVE, DESCRIPTION_JOINERS, GROUP_NOUNS, GROUP_SUBJECTS, HEAD_DETERMINERS,
    IT_CLAUSE_LINKS, IT_PASSIVE_BE, NOT_DESCRIPTORS, NOT_NAMES, ORG_HEADS, PASSIVE_BE,
    PEOPLE_SUFFIXES, PERSON_PRONOUNS, ROLE_DETERMINERS, ROLE_NOUNS, STATEMENT_NOUNS,
    SUBJECT_VERB_GAP, UNNAMED_DETERMINERS, verb_class,
};
use crate::extract::names::{is_possessive, valid_name};
use crate::extract::tokens::low;
use crate::extract::words::{Words, is_cap, is_close, lower};

impl Words<'_> {
    /// The subject of the verb at token `v`, looking left past auxiliaries and adverbs.
    pub(crate) fn subject_before(&self, v: usize, floor: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        let mut buf = [0u8; 24];
        let mut k = v.checked_sub(1)?;
        // "Sanders was told", "she is expected to": the subject of a passive is not the speaker.
        let mut b = k;
        while b > floor
            && p.is_word(b)
            && ADVERBS_BEFORE_PASSIVE.contains(lower(text, p, b, &mut buf))
        {
            b -= 1;
        }
        if p.is_word(b)
            && PASSIVE_BE.contains(lower(text, p, b, &mut buf))
            && !lower(text, p, v, &mut buf).ends_with("ing")
        {
            return None;
        }
        let mut gaps = 0;
        // A capitalised gap word inside a sentence is a name ("Instead, Will called ...").
        while k > floor
            && p.is_word(k)
            && SUBJECT_VERB_GAP.contains(lower(text, p, k, &mut buf))
            && (!is_cap(text, p, k) || lower(text, p, k, &mut buf).ends_with("day"))
        {
            k -= 1;
            gaps += 1;
            if gaps > 3 {
                return None;
            }
        }
        // "..., saying": the gerund hangs on the main clause, whose subject opens it.
        if p.is_punct(k, ',')
            && k + 1 == v
            && lower(text, p, v, &mut buf).ends_with("ing")
            && let Some(s) = self.main_subject(floor, k)
        {
            return Some(s);
        }
        // "Roger Wick (R-Miss.) said": a party tag between the name and its verb is part of the
        // mention.
        let mut tag_end = None;
        if k > floor && p.is_punct(k, ')') {
            let open = (k.saturating_sub(8).max(floor)..k)
                .rev()
                .take_while(|&i| !p.is_punct(i, ')') && p.toks[i].quote.is_none())
                .find(|&i| p.is_punct(i, '('));
            if let Some(o) = open
                && o > floor
            {
                tag_end = Some(k);
                k = o - 1;
            }
        }
        let mut s = self.subject_at(k, floor)?;
        if let Some(e) = tag_end {
            s.end = e;
        }
        // "she released a statement saying ...": what a statement says, its author says.
        if matches!(s.kind, SubjKind::Group | SubjKind::Role)
            && lower(text, p, v, &mut buf).ends_with("ing")
            && STATEMENT_NOUNS.contains(lower(text, p, s.end, &mut buf))
            && s.start > floor
            && let Some(m) = self.main_subject(floor, s.start)
        {
            return Some(m);
        }
        if s.kind != SubjKind::Pronoun && s.lead == s.start {
            self.extend_to_boundary(&mut s, floor);
        }
        Some(s)
    }

    /// "“...,” senior adviser Paul Marten conceded": the words describing the speaker before the
    /// name belong to the mention when they reach back to a quotation, a comma or the sentence's
    /// start, so that the mention's lead meets the quotation or clause it attributes.
    fn extend_to_boundary(&self, s: &mut Subject, floor: usize) {
        let (text, p) = (self.text, self.p);
        let mut buf = [0u8; 24];
        let mut j = s.start;
        let mut steps = 0;
        loop {
            if j <= floor {
                break;
            }
            let i = j - 1;
            if is_close(p, i) || p.is_punct(i, ',') {
                break;
            }
            if !p.is_word(i) || p.toks[i].quote.is_some() || steps >= 6 {
                return;
            }
            let l = lower(text, p, i, &mut buf);
            if matches!(l, "the" | "a" | "an") {
                j = i;
                // "experts at the Ridge Institute": a determiner inside the description.
                if l == "the"
                    && i > floor
                    && p.is_word(i - 1)
                    && matches!(lower(text, p, i - 1, &mut buf), "of" | "at" | "for")
                {
                    steps += 1;
                    continue;
                }
                if i > floor && !(is_close(p, i - 1) || p.is_punct(i - 1, ',')) {
                    return;
                }
                break;
            }
            let joins = DESCRIPTION_JOINERS.contains(l)
                && (is_cap(text, p, i + 1)
                    || (p.is_word(i + 1) && lower(text, p, i + 1, &mut [0u8; 24]) == "the"));
            if !joins
                && (NOT_DESCRIPTORS.contains(l)
                    || SUBJECT_VERB_GAP.contains(l)
                    || verb_class(l).is_some()
                    || (l.is_empty() && !is_cap(text, p, i)))
            {
                return;
            }
            j = i;
            steps += 1;
        }
        if j < s.start {
            s.start = j;
            s.lead = j;
        }
    }

    /// The subject whose last word is token `k`.
    fn subject_at(&self, k: usize, floor: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        let mut buf = [0u8; 24];
        if k < floor || p.toks[k].quote.is_some() {
            return None;
        }
        if p.is_punct(k, ',') {
            return self.appositive_subject(k, floor);
        }
        if !p.is_word(k) {
            return None;
        }
        let lw = lower(text, p, k, &mut buf).to_string();
        // "Thomas Perez, who said ...": the relative pronoun is the mention, the name before it
        // the speaker.
        if lw == "who" && k > floor + 1 && p.is_punct(k - 1, ',') {
            let (kind, name, roles) = match self.subject_at(k - 2, floor) {
                Some(s) if s.kind == SubjKind::Name => (SubjKind::Name, s.name, s.roles),
                Some(s) if s.kind == SubjKind::Role => (SubjKind::Role, None, Vec::new()),
                _ => (SubjKind::Group, None, Vec::new()),
            };
            return Some(Subject {
                start: k,
                end: k,
                lead: k,
                kind,
                name,
                roles,
            });
        }
        if PERSON_PRONOUNS.contains(lw.as_str()) {
            let kind = SubjKind::Pronoun;
            return Some(Subject {
                start: k,
                end: k,
                lead: k,
                kind,
                name: None,
                roles: Vec::new(),
            });
        }
        // "Lobbyists said": a group noun capitalised only because it opens the sentence.
        if is_cap(text, p, k) && k == floor && is_group_noun(&lw) {
            return Some(Subject {
                start: k,
                end: k,
                lead: k,
                kind: SubjKind::Group,
                name: None,
                roles: Vec::new(),
            });
        }
        if is_cap(text, p, k) {
            return self.name_subject(k, floor);
        }
        // A lowercase head noun: a role ("the minister"), an organisation by possessive
        // ("O’Malley’s campaign"), or a group ("officials").
        let mut start = k;
        let mut steps = 0;
        while start > floor && steps < 4 {
            let j = start - 1;
            if !p.is_word(j) || p.toks[j].quote.is_some() {
                break;
            }
            let w = p.word(text, j);
            let lj = lower(text, p, j, &mut buf);
            if HEAD_DETERMINERS.contains(lj) {
                start = j;
                break;
            }
            if is_cap(text, p, j) && is_possessive(w) {
                // "O’Malley’s campaign": the capitalised owner and its head noun.
                start = j;
                while start > floor && is_cap(text, p, start - 1) {
                    start -= 1;
                }
                let name = text[p.toks[start].s..p.toks[k].e].to_string();
                return Some(Subject::org(start, k, name));
            }
            if SUBJECT_VERB_GAP.contains(lj) || verb_class(lj).is_some() {
                break;
            }
            start = j;
            steps += 1;
        }
        let indefinite = p.is_word(start) && matches!(lower(text, p, start, &mut buf), "a" | "an");
        let kind = if ROLE_NOUNS.contains(lw.as_str()) && !indefinite {
            SubjKind::Role
        } else if is_group_noun(&lw) || ROLE_NOUNS.contains(lw.as_str()) {
            SubjKind::Group
        } else {
            self.after_quote_noun(start, k)?
        };
        // "the Trump campaign", "a new Gallup poll": a capitalised owner makes the group an
        // organisation that speaks.
        if kind == SubjKind::Group
            && (GROUP_NOUNS.contains(lw.as_str()) || ORG_HEADS.contains(lw.as_str()))
            && let Some(first_cap) = self.owner_before(start, k)
        {
            let name = text[p.toks[first_cap].s..p.toks[k].e].to_string();
            if valid_name(&name) {
                return Some(Subject::org(start, k, name));
            }
        }
        Some(Subject {
            start,
            end: k,
            lead: start,
            kind,
            name: None,
            roles: Vec::new(),
        })
    }

    /// "“...,” the retired surgeon said", "“...,” said one former staffer": a noun phrase right
    /// after a quotation is its speaker whatever the noun; with "the" or a possessive it is the
    /// person named before (a role), else an unnamed source (a group).
    fn after_quote_noun(&self, start: usize, k: usize) -> Option<SubjKind> {
        let (text, p) = (self.text, self.p);
        let mut buf = [0u8; 24];
        let det = lower(text, p, start, &mut buf).to_string();
        if start == k || !p.is_word(k) || !text[p.toks[k].s..p.toks[k].e].is_ascii() {
            return None;
        }
        if NOT_DESCRIPTORS.contains(lower(text, p, k, &mut buf)) {
            return None;
        }
        let before_quote = start > 0
            && (is_close(p, start - 1)
                || (p.is_punct(start - 1, ',') && start > 1 && is_close(p, start - 2)));
        if !before_quote {
            return None;
        }
        determiner_kind(&det)
    }

    /// The capitalised owner right before a group's head noun ("the Trump campaign", "a new
    /// Washington Post-ABC News poll"): the first token of the capitalised run ending at `k - 1`.
    fn owner_before(&self, start: usize, k: usize) -> Option<usize> {
        let (text, p) = (self.text, self.p);
        let mut buf = [0u8; 24];
        // Up to two lowercase modifiers between owner and head ("the Valorian transport
        // ministry"), none a verb or function word ("Trump tweaked his campaign").
        let mut end = k;
        while end > start + 1 && end + 2 > k && p.is_word(end - 1) && !is_cap(text, p, end - 1) {
            let l = lower(text, p, end - 1, &mut buf);
            if l.is_empty()
                || l.ends_with("ed")
                || NOT_DESCRIPTORS.contains(l)
                || SUBJECT_VERB_GAP.contains(l)
                || verb_class(l).is_some()
            {
                return None;
            }
            end -= 1;
        }
        let mut i = end;
        while i > start && is_cap(text, p, i - 1) {
            i -= 1;
        }
        while i < end && NOT_NAMES.contains(lower(text, p, i, &mut buf)) {
            i += 1;
        }
        (i < end).then_some(i)
    }

    /// "The report ..., it said.", "it also warned that ...": "it" standing for a document or an
    /// organisation, as the subject of a speech verb at `v` (a source without a speaker).
    pub(crate) fn it_subject(&self, ss: usize, v: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        let mut buf = [0u8; 24];
        let mut k = v;
        while k > ss && k + 3 > v && SUBJECT_VERB_GAP.contains(low(text, p, k - 1, &mut buf)) {
            k -= 1;
        }
        if k == 0 || k <= ss || low(text, p, k - 1, &mut buf) != "it" {
            return None;
        }
        // "it" opens its clause ("..., it said"), not an object ("several included on it told").
        let it = k - 1;
        let opens = it == ss
            || p.is_punct(it - 1, ',')
            || p.is_punct(it - 1, ';')
            || IT_CLAUSE_LINKS.contains(low(text, p, it - 1, &mut buf));
        if !opens {
            return None;
        }
        // "it is said", "it has been said": a passive names no one.
        if (k..v).any(|i| IT_PASSIVE_BE.contains(low(text, p, i, &mut buf))) {
            return None;
        }
        Some(Subject {
            start: k - 1,
            end: k - 1,
            lead: k - 1,
            kind: SubjKind::Group,
            name: None,
            roles: Vec::new(),
        })
    }
}

/// "the surgeon" stands for the person named before; "a surgeon" for nobody named.
pub(crate) fn determiner_kind(det: &str) -> Option<SubjKind> {
    if ROLE_DETERMINERS.contains(det) {
        Some(SubjKind::Role)
    } else if UNNAMED_DETERMINERS.contains(det) {
        Some(SubjKind::Group)
    } else {
        None
    }
}

/// Whether a lowercase head noun names a group that speaks: the curated lists, or the plural of
/// a role noun ("ministers", "attorneys").
fn is_group_noun(lw: &str) -> bool {
    GROUP_NOUNS.contains(lw)
        || GROUP_SUBJECTS.contains(lw)
        || lw
            .strip_suffix('s')
            .is_some_and(|st| ROLE_NOUNS.contains(st) && st != "statement")
        // People by what they do: "lobbyists", "insurers", "politicians", "operatives".
        || (lw.len() >= 6
            && PEOPLE_SUFFIXES.iter().any(|suf| lw.ends_with(suf)))
}

#[cfg(test)]
mod tests {
    use super::super::{Sample, SubjKind};

    /// The subject right before `verb` in `text`: as printed, its kind and name.
    fn before(text: &'static str, verb: &str) -> Option<(String, SubjKind, Option<String>)> {
        let s = Sample::new(text);
        s.words().subject_before(s.tok(verb), 0).map(|x| s.show(&x))
    }

    fn found(
        shown: &str,
        kind: SubjKind,
        name: Option<&str>,
    ) -> Option<(String, SubjKind, Option<String>)> {
        Some((shown.into(), kind, name.map(Into::into)))
    }

    #[test]
    fn names_pronouns_roles_groups_and_organisations() {
        assert_eq!(
            before(
                "Foreign Minister Sergey Varlov said the bridge would open.",
                "said"
            ),
            found(
                "Foreign Minister Sergey Varlov",
                SubjKind::Name,
                Some("Sergey Varlov")
            )
        );
        assert_eq!(
            before("She also said the bridge would open.", "said"),
            found("She", SubjKind::Pronoun, None)
        );
        assert_eq!(
            before("Officials said the bridge would open.", "said"),
            found("Officials", SubjKind::Group, None)
        );
        assert_eq!(
            before("O’Malley’s campaign said the bridge would open.", "said"),
            found(
                "O’Malley’s campaign",
                SubjKind::Org,
                Some("O’Malley’s campaign")
            )
        );
        assert_eq!(
            before(
                "The Tarn transport ministry said the bridge would open.",
                "said"
            ),
            found(
                "The Tarn transport ministry",
                SubjKind::Org,
                Some("Tarn transport ministry")
            )
        );
        // A party tag between the name and its verb is part of the mention.
        assert_eq!(
            before("Ilka Vorn (D-Ohio) said the bridge would open.", "said"),
            found("Ilka Vorn (D-Ohio)", SubjKind::Name, Some("Ilka Vorn"))
        );
    }

    #[test]
    fn after_a_quotation_the_determiner_says_who_a_noun_stands_for() {
        assert_eq!(
            before("“The bridge will open,” the retired surgeon said.", "said"),
            found("the retired surgeon", SubjKind::Role, None)
        );
        assert_eq!(
            before("“The bridge will open,” a retired surgeon said.", "said"),
            found("a retired surgeon", SubjKind::Group, None)
        );
    }

    #[test]
    fn a_name_keeps_its_titles_as_roles_and_a_passive_has_no_speaker() {
        let s = Sample::new("Foreign Minister Sergey Varlov said the bridge would open.");
        let subj = s.words().subject_before(s.tok("said"), 0).unwrap();
        assert_eq!(subj.roles, vec!["Foreign Minister".to_string()]);
        assert_eq!(
            before("Senator Brill was told the bridge would open.", "told"),
            None
        );
    }

    #[test]
    fn it_stands_for_a_document_after_a_clause_link_but_not_in_a_passive() {
        let s = Sample::new("The report was late, and it said the bridge will open.");
        let it = s.words().it_subject(0, s.tok("said")).map(|x| s.show(&x));
        assert_eq!(it, found("it", SubjKind::Group, None));
        let s = Sample::new("It is said the bridge will open.");
        assert!(s.words().it_subject(0, s.tok("said")).is_none());
    }
}
