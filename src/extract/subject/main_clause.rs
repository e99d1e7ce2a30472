//! A subject found elsewhere in the sentence than next to its verb: the main clause a gerund
//! hangs on ("At a rally in Ames, Mrs. Vorn spoke on schools, saying ...", after any dateline),
//! the sentence's or a clause's opening subject ("when Rubio thanked Miami and said ..."), the
//! first name or pronoun no preposition governs, or the subject of the last cue of the sentence
//! ("“...,” Vorn said, referring to ...", "Vorn admitted that ..., but said ...").

use super::{SubjKind, Subject};
use crate::extract::lexicon::{
    CLAUSE_SUBJECT_BOUNDS, GOVERNING_PREPOSITIONS, NOT_DESCRIPTORS, NOT_NAMES, PERSON_PRONOUNS,
    ROLE_NOUNS, SENTENCE_ADVERBS, SUBJECT_PRONOUNS, SUBJECT_VERB_GAP, TITLE_ABBREVIATIONS,
    VerbClass, verb_class,
};
use crate::extract::raw::{Raw, Who};
use crate::extract::tokens::Kind;
use crate::extract::words::{Words, is_cap, is_open, lower};

impl Words<'_> {
    /// The subject of the main clause a gerund cue hangs on ("At a rally in Ames, Iowa, Mrs. Vorn
    /// spoke on schools, saying ..."; "PARIS (Wire) - the party's leader, Ilka Vorn, voiced support,
    /// saying ..."): `comma` is the comma before the gerund. The clause is the last comma-separated
    /// segment of the sentence, after any dateline; a segment opening with a lowercase word that is
    /// no determiner is a predicate whose subject is the name in the segment before it.
    pub(crate) fn main_subject(&self, ss: usize, comma: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        let mut from = ss;
        // A dateline: "PARIS, Aug 31 (Wire) -", "WASHINGTON —".
        let dash = (ss..comma.min(ss + 10)).find(|&i| {
            matches!(p.toks[i].kind, Kind::Punct('—' | '–' | '-')) && p.toks[i].quote.is_none()
        });
        let shouted = is_cap(text, p, ss)
            && p.word(text, ss)
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        let wire = (ss..comma).take(3).any(|i| p.is_punct(i, '('));
        if let Some(d) = dash
            && (shouted || wire)
        {
            from = d + 1;
        }
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut a = from;
        for i in from..comma {
            // A quotation in the sentence ends what came before: the clause starts after it.
            if p.toks[i].quote.is_some() {
                segs.clear();
                a = i + 1;
                continue;
            }
            if p.is_punct(i, ',') {
                if a < i {
                    segs.push((a, i - 1));
                }
                a = i + 1;
            }
        }
        if a < comma {
            segs.push((a, comma - 1));
        }
        let &(a, b) = segs.last()?;
        if !p.is_word(a) {
            return None;
        }
        let mut buf = [0u8; 24];
        let l = lower(text, p, a, &mut buf).to_string();
        if PERSON_PRONOUNS.contains(l.as_str()) {
            return Some(Subject {
                start: a,
                end: a,
                lead: a,
                kind: SubjKind::Pronoun,
                name: None,
                roles: Vec::new(),
            });
        }
        if is_cap(text, p, a) {
            if let Some(s) = self.opening_name(a, b) {
                return Some(s);
            }
            if !NOT_DESCRIPTORS.contains(l.as_str()) {
                return None;
            }
        }
        if matches!(l.as_str(), "the" | "a" | "an") && b > a {
            // "the families of the founders had mobilized": up to the first verb-like word.
            let mut e = a + 1;
            while e < b && e < a + 8 {
                let w = lower(text, p, e + 1, &mut buf);
                if !p.is_word(e + 1)
                    || SUBJECT_VERB_GAP.contains(w)
                    || verb_class(w).is_some()
                    || w.ends_with("ed")
                {
                    break;
                }
                e += 1;
            }
            let head = lower(text, p, e, &mut buf).to_string();
            let kind = if l == "the" && ROLE_NOUNS.contains(head.as_str()) {
                SubjKind::Role
            } else {
                SubjKind::Group
            };
            return Some(Subject {
                start: a,
                end: e,
                lead: a,
                kind,
                name: None,
                roles: Vec::new(),
            });
        }
        // "though in an interview he used stronger language, saying": the pronoun of a clause
        // opened by a conjunction or preposition.
        if NOT_DESCRIPTORS.contains(l.as_str())
            && let Some(i) = (a + 1..=b).find(|&i| {
                p.is_word(i) && PERSON_PRONOUNS.contains(lower(text, p, i, &mut [0u8; 24]))
            })
        {
            return Some(Subject {
                start: i,
                end: i,
                lead: i,
                kind: SubjKind::Pronoun,
                name: None,
                roles: Vec::new(),
            });
        }
        // A predicate ("Sen. Vorn of Ohio, the party's leader, would not say ..., saying"): the
        // name opening the earliest segment before it.
        if segs.len() >= 2 && text[p.toks[a].s..].starts_with(char::is_lowercase) {
            return segs[..segs.len() - 1]
                .iter()
                .rev()
                .find_map(|&(pa, pb)| self.opening_name(pa, pb));
        }
        None
    }

    /// Where a capitalised run ending at token `e` ends when a lowercase title and a name follow
    /// it (no further than `b`): "Tarn Prize president Ana Vorn" is Ana Vorn with her role, not
    /// the body whose title she holds.
    fn through_title(&self, mut e: usize, b: usize) -> usize {
        let (text, p) = (self.text, self.p);
        if e + 2 <= b
            && p.is_word(e + 1)
            && !is_cap(text, p, e + 1)
            && ROLE_NOUNS.contains(lower(text, p, e + 1, &mut [0u8; 24]))
            && is_cap(text, p, e + 2)
        {
            e += 2;
            while e < b && is_cap(text, p, e + 1) {
                e += 1;
            }
        }
        e
    }

    /// The name that opens tokens `a..=b` ("Sen. Chuck Vorn of Ohio" → "Sen. Chuck Vorn").
    fn opening_name(&self, a: usize, b: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        let l = lower(text, p, a, &mut [0u8; 24]).to_string();
        if !is_cap(text, p, a)
            || SENTENCE_ADVERBS.contains(l.as_str())
            || (NOT_NAMES.contains(l.as_str()) && !TITLE_ABBREVIATIONS.contains(l.as_str()))
        {
            return None;
        }
        let mut e = a;
        while e < b && (is_cap(text, p, e + 1) || self.is_title_dot(e + 1)) {
            e += 1;
        }
        let mut e = self.through_title(e, b);
        if p.is_punct(e, '.') {
            e += 1;
        }
        let s = self.name_subject(e, a)?;
        matches!(s.kind, SubjKind::Name | SubjKind::Org).then_some(s)
    }
}

impl Words<'_> {
    /// The subject of the last attribution found in tokens `ss..v` of this sentence
    /// ("“...,” Vorn said, referring to ...").
    pub(crate) fn last_subject_in(
        &self,
        last: Option<&Raw>,
        ss: usize,
        v: usize,
    ) -> Option<Subject> {
        let p = self.p;
        let (lo, hi) = (p.toks[ss].s, p.toks[v].s);
        let last = last?;
        let Who::Subject {
            span,
            kind,
            name,
            roles,
        } = &last.who
        else {
            return None;
        };
        if span.start < lo || span.end > hi {
            return None;
        }
        let start = (ss..v).find(|&i| p.toks[i].s == span.start)?;
        let end = (start..v).find(|&i| p.toks[i].e == span.end)?;
        Some(Subject {
            start,
            end,
            lead: start,
            kind: *kind,
            name: name.clone(),
            roles: roles.clone(),
        })
    }

    /// The subject opening the clause before token `conj` ("when Rubio thanked Miami and"):
    /// a pronoun, a name or "the" with a role noun.
    pub(crate) fn clause_subject(&self, ss: usize, conj: usize) -> Option<Subject> {
        let p = self.p;
        let mut c = conj;
        while c > ss {
            let l = self.lw(c - 1);
            if p.is_punct(c - 1, ',')
                || p.is_punct(c - 1, ';')
                || CLAUSE_SUBJECT_BOUNDS.contains(l.as_str())
                || p.toks[c - 1].quote.is_some()
            {
                break;
            }
            c -= 1;
        }
        if c + 1 >= conj {
            return None;
        }
        if matches!(self.lw(c).as_str(), "the" | "a" | "an") && c + 1 < conj {
            let l = self.lw(c + 1);
            if ROLE_NOUNS.contains(l.as_str()) && self.lw(c) == "the" {
                return Some(Subject {
                    start: c,
                    end: c + 1,
                    lead: c,
                    kind: SubjKind::Role,
                    name: None,
                    roles: Vec::new(),
                });
            }
            return None;
        }
        self.sentence_subject(c, conj)
            .or_else(|| self.subject_before(c, ss))
    }

    /// The subject opening a sentence ("Vorn, who ..., left, saying ..."): a pronoun or a name.
    pub(crate) fn sentence_subject(&self, ss: usize, before: usize) -> Option<Subject> {
        let p = self.p;
        let l = self.lw(ss);
        // "He’s comparing ...": a pronoun with a contracted verb.
        let pronoun = l
            .as_str()
            .split(['’', '\''])
            .next()
            .is_some_and(|w| PERSON_PRONOUNS.contains(w));
        let w = p.word(self.text, ss.min(p.toks.len().saturating_sub(1)));
        let contracted = w
            .split(['’', '\''])
            .next()
            .is_some_and(|h| PERSON_PRONOUNS.contains(h.to_ascii_lowercase().as_str()));
        if p.is_word(ss) && (pronoun || contracted) {
            return Some(Subject {
                start: ss,
                end: ss,
                lead: ss,
                kind: SubjKind::Pronoun,
                name: None,
                roles: Vec::new(),
            });
        }
        let mut e = ss;
        while e + 1 < before && is_cap(self.text, p, e + 1) {
            e += 1;
        }
        if !is_cap(self.text, p, e) {
            return None;
        }
        let s = self.name_subject(e, ss)?;
        matches!(s.kind, SubjKind::Name | SubjKind::Org).then_some(s)
    }

    /// The first name or personal pronoun in tokens `ss..c` that no preposition governs
    /// ("As Professor Foner put it", "And Mr. Christie gloated", not "on Twitter").
    pub(crate) fn first_mention(&self, ss: usize, c: usize) -> Option<Subject> {
        let p = self.p;
        let mut k = ss;
        while k < c {
            let governed = k > ss && GOVERNING_PREPOSITIONS.contains(self.lw(k - 1).as_str());
            if !governed && p.is_word(k) && p.toks[k].quote.is_none() {
                let l = self.lw(k);
                if SUBJECT_PRONOUNS.contains(l.as_str()) {
                    return Some(Subject {
                        kind: SubjKind::Pronoun,
                        ..Subject::group(k, k)
                    });
                }
                if is_cap(self.text, p, k) {
                    let mut e = k;
                    while e + 1 < c && is_cap(self.text, p, e + 1) {
                        e += 1;
                    }
                    let e = self.through_title(e, c - 1);
                    if let Some(s) = self
                        .name_subject(e, k)
                        .filter(|s| matches!(s.kind, SubjKind::Name | SubjKind::Org))
                    {
                        return Some(s);
                    }
                    k = e;
                }
            }
            k += 1;
        }
        None
    }

    /// The source of a gerund cue ("..., saying that ...") no subject rule found: the first
    /// name or pronoun of the sentence, else its first word as a group, when what follows the
    /// gerund opens a reported clause.
    pub(crate) fn gerund_fallback(&self, ss: usize, v: usize) -> Option<Subject> {
        let p = self.p;
        let mut j = v + 1;
        if p.is_punct(j, ',') || p.is_punct(j, ':') {
            j += 1;
        }
        let opens = self.lw(j) == "that" || is_open(p, j);
        if !opens || v <= ss {
            return None;
        }
        self.first_mention(ss, v)
            .or_else(|| p.is_word(ss).then(|| Subject::group(ss, ss)))
    }

    /// "Vorn admitted that ..., but said ...": a reporting verb joined to an earlier clause
    /// takes the subject of the sentence's last attribution, or of its main clause.
    pub(crate) fn joined_subject(
        &self,
        last: Option<&Raw>,
        ss: usize,
        v: usize,
        class: VerbClass,
    ) -> Option<Subject> {
        if !self.opens_report(v, class) {
            return None;
        }
        self.last_subject_in(last, ss, v)
            .or_else(|| self.main_subject(ss, v - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Sample, SubjKind};
    use crate::extract::raw::{Raw, Who};
    use crate::vocab::{ClaimKind, Span};

    fn shown(s: &Sample, subj: Option<super::Subject>) -> Option<String> {
        subj.map(|x| s.show(&x).0)
    }

    #[test]
    fn the_main_clause_a_gerund_hangs_on_past_a_dateline() {
        let s = Sample::new(
            "At a rally in Ames, Mrs. Vorn spoke on schools, saying the bridge will open.",
        );
        let comma = s.comma_after(s.tok("schools"));
        let subj = s.words().main_subject(0, comma).unwrap();
        assert_eq!(
            s.show(&subj),
            ("Mrs. Vorn".into(), SubjKind::Name, Some("Vorn".into()))
        );
        let s = Sample::new(
            "PARIS (Wire) - the party's leader, Ilka Vorn, voiced support, saying it will open.",
        );
        let comma = s.comma_after(s.tok("support"));
        assert_eq!(
            shown(&s, s.words().main_subject(0, comma)),
            Some("Ilka Vorn".into())
        );
    }

    #[test]
    fn the_subject_opening_a_sentence_or_a_clause() {
        let s = Sample::new("Vorn, who spoke late, left early, saying the bridge will open.");
        assert_eq!(
            shown(&s, s.words().sentence_subject(0, s.tok("saying"))),
            Some("Vorn".into())
        );
        let s =
            Sample::new("When Rubio thanked Miami and said the bridge will open, they cheered.");
        assert_eq!(
            shown(&s, s.words().clause_subject(0, s.tok("and"))),
            Some("Rubio".into())
        );
        let s = Sample::new("As Professor Foner put it: “The bridge will open.”");
        assert_eq!(
            shown(&s, s.words().first_mention(0, s.tok("put"))),
            Some("Professor Foner".into())
        );
    }

    #[test]
    fn a_gerund_with_no_subject_takes_the_first_mention_only_before_a_clause() {
        let s = Sample::new("The mood turned when Vorn spoke, saying that the bridge will open.");
        assert_eq!(
            shown(&s, s.words().gerund_fallback(0, s.tok("saying"))),
            Some("Vorn".into())
        );
        let s = Sample::new("The mood turned when Vorn spoke, saying goodbye.");
        assert_eq!(
            shown(&s, s.words().gerund_fallback(0, s.tok("saying"))),
            None
        );
    }

    #[test]
    fn the_last_claims_subject_in_the_same_sentence() {
        let text = "“The bridge will open,” Vorn said, referring to the vote.";
        let s = Sample::new(text);
        let vorn = s.tok("Vorn");
        let last = Raw {
            span: Span::new(3, 24),
            kind: ClaimKind::Direct,
            who: Who::Subject {
                span: s.words().span(vorn, vorn),
                kind: SubjKind::Name,
                name: Some("Vorn".into()),
                roles: Vec::new(),
            },
            cue: Some("said".into()),
            ctx: Vec::new(),
            reported_by: None,
            said_on: None,
            language: None,
        };
        let v = s.tok("referring");
        assert_eq!(
            shown(&s, s.words().last_subject_in(Some(&last), 0, v)),
            Some("Vorn".into())
        );
        assert_eq!(shown(&s, s.words().last_subject_in(None, 0, v)), None);
    }
}
