//! Subjects that stand apart from their reporting verb with another clause between them: a
//! relative clause whose quotation swallowed its closing comma ("Vorn, who calls the levy a
//! “sham,” said ..."), and a verb whose subject sits before an adverb, auxiliaries or a
//! conjoined predicate ("Vorn however said", "Vorn has doubts but has said ...").

use super::after_quote::comma_closed;
use super::lexicon::VerbClass;
use super::raw::{Raw, Who};
use super::subject::{SubjKind, Subject, name_subject, subject_before};
use super::tokens::{Para, low};
use super::words::is_cap;
use crate::vocab::{ClaimKind, Span};

/// "Vorn, who calls the levy a “sham,” said ...": the relative clause ends with a quotation
/// that holds its comma, right before the verb at `v`; the subject is the name before "who".
pub(crate) fn relative_antecedent(text: &str, p: &Para, ss: usize, v: usize) -> Option<Subject> {
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
    let s = name_subject(text, p, k - 2, ss)?;
    matches!(s.kind, SubjKind::Name | SubjKind::Org).then_some(s)
}

/// Words between a subject and its verb that the verb's own search does not pass: a sentence
/// adverb ("Vorn however said") or an auxiliary ("Vorn has said").
const BETWEEN: &[&str] = &[
    "however",
    "though",
    "meanwhile",
    "too",
    "has",
    "have",
    "had",
    "also",
    "since",
    "later",
    "previously",
    "repeatedly",
    "subsequently",
    "then",
    "again",
    "instead",
    "would",
    "will",
    "could",
    "did",
    "does",
    "do",
];

/// The subject of the verb at `v` across an adverb or auxiliaries ("Carter however said",
/// "Vorn has since said"), or, after a conjoined predicate, the subject of the clause it
/// continues ("Vorn has doubts but has said ...", "Vorn left early and later said ...").
pub(crate) fn distant_subject(text: &str, p: &Para, ss: usize, v: usize) -> Option<Subject> {
    let mut buf = [0u8; 24];
    let mut k = v;
    while k > ss && BETWEEN.contains(&low(text, p, k - 1, &mut buf)) && k + 4 > v {
        k -= 1;
    }
    if k == v || k == ss {
        return None;
    }
    if matches!(low(text, p, k - 1, &mut buf), "and" | "but") {
        return None;
    }
    let s = subject_before(text, p, k, ss)?;
    matches!(s.kind, SubjKind::Name | SubjKind::Pronoun | SubjKind::Org).then_some(s)
}

/// "Vorn has doubts but has since said ...": the "and"/"but" before the auxiliaries of the
/// verb at `v`, whose clause's subject is the verb's.
pub(crate) fn conjoined_before(text: &str, p: &Para, ss: usize, v: usize) -> Option<usize> {
    let mut buf = [0u8; 24];
    let mut k = v;
    while k > ss && BETWEEN.contains(&low(text, p, k - 1, &mut buf)) && k + 4 > v {
        k -= 1;
    }
    (k < v && k > ss + 1 && matches!(low(text, p, k - 1, &mut buf), "and" | "but")).then(|| k - 1)
}

/// Whether a reported clause plainly follows the verb at `v`: "that", a quotation, a colon or
/// a subject pronoun ("has said she wants ..."), not an object ("would continue his push").
pub(crate) fn clause_follows(text: &str, p: &Para, v: usize) -> bool {
    let mut buf = [0u8; 24];
    let n = v + 1;
    super::words::is_open(p, n)
        || p.is_punct(n, ':')
        || matches!(
            low(text, p, n, &mut buf),
            "that" | "he" | "she" | "they" | "it" | "we" | "i"
        )
}

/// "... the town halls which he said could not be bought", "a rule that Vorn argued would ...",
/// "as he later explained, ...": a reporting verb right after a relative pronoun (or "as") and
/// its subject (a pronoun or a capitalised name), at token `v`.
pub(crate) fn relative_cue(text: &str, p: &Para, v: usize) -> bool {
    let mut buf = [0u8; 24];
    let mut k = v;
    if k > 0 && super::lexicon::SUBJECT_VERB_GAP.contains(low(text, p, k - 1, &mut buf)) {
        k -= 1;
    }
    if k < 2 || !p.is_word(k - 1) {
        return false;
    }
    let subj = low(text, p, k - 1, &mut buf).to_string();
    let subject = matches!(subj.as_str(), "he" | "she" | "they" | "we" | "i")
        || (is_cap(text, p, k - 1)
            && !matches!(subj.as_str(), "it" | "this" | "that")
            && !p.word(text, k - 1).ends_with('s'));
    let rel = low(text, p, k - 2, &mut buf).to_string();
    // "that" after a noun is a relative ("a rule that he said ..."); after a verb or an
    // adjective it opens a reported clause ("made clear that he said ...").
    let after_noun = k >= 3
        && p.is_word(k - 3)
        && !is_cap(text, p, k - 3)
        && super::lexicon::verb_class(low(text, p, k - 3, &mut buf)).is_none()
        && !matches!(
            low(text, p, k - 3, &mut buf),
            "clear" | "sure" | "so" | "now" | "such"
        );
    subject && (matches!(rel.as_str(), "which" | "whom" | "as") || (rel == "that" && after_noun))
}

/// Whether the sentence starting at token `ss` opens with a subordinate clause ("While Vorn
/// said ..., she said ...", "Although he acknowledged ..., he maintained ...").
pub(crate) fn opens_subordinate(text: &str, p: &Para, ss: usize) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        low(text, p, ss, &mut buf),
        "while"
            | "although"
            | "though"
            | "whereas"
            | "when"
            | "if"
            | "because"
            | "since"
            | "as"
            | "after"
            | "before"
            | "even"
    )
}

/// The speaker a later quotation of the paragraph continues, given `last`, the last speaking
/// claim before it: the quoted speaker of `last`'s sentence when `last` is an indirect claim in
/// that sentence whose subject is not a relative pronoun ("“...,” Vorn said, as he called for
/// ..." keeps Vorn's mention; "said Vorn, who said ..." keeps "who").
pub(crate) fn quoted_speaker<'r>(text: &str, claims: &'r [Raw], last: &'r Raw) -> &'r Raw {
    let sentence = |r: &Raw| r.ctx.first().map(|c| c.start);
    if last.kind == ClaimKind::Direct {
        return last;
    }
    if let Who::Subject { span, .. } = &last.who
        && super::coreference::is_relative(&text[span.range()])
    {
        return last;
    }
    claims
        .iter()
        .rev()
        .filter(|r| r.span.end <= last.span.start)
        .take_while(|r| sentence(r) == sentence(last))
        .find(|r| {
            r.kind == ClaimKind::Direct
                && matches!(&r.who, Who::Subject { kind, .. } if *kind != SubjKind::Group)
        })
        .unwrap_or(last)
}

/// "..., CNN reported.", "..., those people said Monday.", "..., according to an organizer.":
/// a reporting verb (class `class`, or "according to") whose subject follows a comma and
/// after which the sentence ends within a few words; the comma's token.
pub(crate) fn final_attribution(
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
    let s = subject_before(text, p, v, ss)?;
    let comma = s.lead.checked_sub(1)?;
    (comma > ss && p.is_punct(comma, ',') && s.end + 1 == v).then_some(comma)
}

/// "Cruz continued:", "He said:", "President Vorn released the following statement:" ending
/// the paragraph before the one at byte `para_start`: the subject that introduces a quotation
/// opening the next paragraph.
pub(crate) fn colon_intro(text: &str, para_start: usize) -> Option<Who> {
    let before = text[..para_start].trim_end();
    if !before.ends_with(':') {
        return None;
    }
    let ps = before.rfind('\n').map_or(0, |i| i + 1);
    let prev = Para::new(text, ps, before.len());
    let colon = prev.toks.len().checked_sub(1)?;
    if colon == 0 || !prev.is_punct(colon, ':') {
        return None;
    }
    let ss = prev.sentence_start(colon);
    let s = super::subject::main_subject(text, &prev, ss, colon)?;
    // The subject is followed by its verb, a lowercase word that is no determiner.
    let mut buf = [0u8; 24];
    let verb = s.end + 1;
    let verb_ok = verb < colon
        && prev.is_word(verb)
        && !is_cap(text, &prev, verb)
        && !matches!(
            low(text, &prev, verb, &mut buf),
            "the" | "a" | "an" | "to" | "of"
        );
    if !verb_ok || !matches!(s.kind, SubjKind::Name | SubjKind::Pronoun | SubjKind::Org) {
        return None;
    }
    Some(Who::Subject {
        span: Span::new(prev.toks[s.start].s, prev.toks[s.end].e),
        kind: s.kind,
        name: s.name,
        roles: s.roles,
    })
}

/// "The report ..., it said.", "it also warned that ...": "it" standing for a document or an
/// organisation, as the subject of a speech verb at `v` (a source without a speaker).
pub(crate) fn it_subject(text: &str, p: &Para, ss: usize, v: usize) -> Option<Subject> {
    let mut buf = [0u8; 24];
    let mut k = v;
    while k > ss
        && k + 3 > v
        && super::lexicon::SUBJECT_VERB_GAP.contains(low(text, p, k - 1, &mut buf))
    {
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
        || matches!(
            low(text, p, it - 1, &mut buf),
            "and" | "but" | "while" | "as" | "because" | "though" | "although"
        );
    if !opens {
        return None;
    }
    // "it is said", "it has been said": a passive names no one.
    if (k..v).any(|i| {
        matches!(
            low(text, p, i, &mut buf),
            "is" | "was" | "been" | "be" | "being"
        )
    }) {
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
