//! The subject of the main clause a cue hangs on: "At a rally in Ames, Mrs. Vorn spoke on
//! schools, saying ...", after any dateline.

use super::name::{is_title_dot, name_subject};
use super::{SubjKind, Subject};
use crate::extract::lexicon::{
    NOT_DESCRIPTORS, NOT_NAMES, PERSON_PRONOUNS, ROLE_NOUNS, SENTENCE_ADVERBS, SUBJECT_VERB_GAP,
    TITLE_ABBREVIATIONS,
};
use crate::extract::tokens::Para;
use crate::extract::words::{is_cap, lower};

/// The subject of the main clause a gerund cue hangs on ("At a rally in Ames, Iowa, Mrs. Vorn
/// spoke on schools, saying ..."; "PARIS (Wire) - the party's leader, Ilka Vorn, voiced support,
/// saying ..."): `comma` is the comma before the gerund. The clause is the last comma-separated
/// segment of the sentence, after any dateline; a segment opening with a lowercase word that is
/// no determiner is a predicate whose subject is the name in the segment before it.
pub fn main_subject(text: &str, p: &Para, ss: usize, comma: usize) -> Option<Subject> {
    let mut from = ss;
    // A dateline: "PARIS, Aug 31 (Wire) -", "WASHINGTON —".
    let dash = (ss..comma.min(ss + 10)).find(|&i| {
        matches!(
            p.toks[i].kind,
            crate::extract::tokens::Kind::Punct('—' | '–' | '-')
        ) && p.toks[i].quote.is_none()
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
        if let Some(s) = opening_name(text, p, a, b) {
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
                || crate::extract::lexicon::verb_class(w).is_some()
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
        && let Some(i) = (a + 1..=b)
            .find(|&i| p.is_word(i) && PERSON_PRONOUNS.contains(lower(text, p, i, &mut [0u8; 24])))
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
            .find_map(|&(pa, pb)| opening_name(text, p, pa, pb));
    }
    None
}

/// The name that opens tokens `a..=b` ("Sen. Chuck Vorn of Ohio" → "Sen. Chuck Vorn").
fn opening_name(text: &str, p: &Para, a: usize, b: usize) -> Option<Subject> {
    let l = lower(text, p, a, &mut [0u8; 24]).to_string();
    if !is_cap(text, p, a)
        || SENTENCE_ADVERBS.contains(l.as_str())
        || (NOT_NAMES.contains(l.as_str()) && !TITLE_ABBREVIATIONS.contains(l.as_str()))
    {
        return None;
    }
    let mut e = a;
    while e < b && (is_cap(text, p, e + 1) || is_title_dot(text, p, e + 1)) {
        e += 1;
    }
    if p.is_punct(e, '.') {
        e += 1;
    }
    let s = name_subject(text, p, e, a)?;
    matches!(s.kind, SubjKind::Name | SubjKind::Org).then_some(s)
}
