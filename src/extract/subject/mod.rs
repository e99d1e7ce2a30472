//! Who is the subject of a reporting verb: the mention that attributes a claim, found among the
//! tokens of its paragraph. `of_verb` asks the finders of `FINDERS` in order; the first that
//! recognises the verb's shape decides.
//!
//! One file per family of finders, each a method of `Words`: right before the verb (`before`:
//! a name, a pronoun, a role noun, a group, an organisation, "it"), after an inverted verb
//! (`after`), before a comma with an appositive or an opening phrase (`appositive`), the clause
//! a gerund or a joined verb hangs on (`main_clause`), a relative pronoun and its antecedent
//! (`relative`), a subject apart from its verb (`distant`), a noun phrase no list knows
//! (`phrase`), and the capitalised name at a token with its titles (`name`), which the others
//! call.

mod after;
mod appositive;
mod before;
mod distant;
pub(crate) mod found;
mod main_clause;
mod name;
mod phrase;
mod relative;

use super::lexicon::{NOT_PHRASE_SUBJECT_VERBS, VerbClass};
use super::raw::Raw;
use super::words::{Words, is_close};
use crate::extract::lexicon::GERUND_PREPOSITIONS;
pub(crate) use before::determiner_kind;
pub use found::{SubjKind, Subject};

/// A reporting verb whose subject is sought: token `v` of the sentence opening at token `ss`.
pub(crate) struct Verb<'a> {
    pub v: usize,
    pub ss: usize,
    /// The verb lowercased.
    pub lower: &'a str,
    pub class: VerbClass,
    /// The last claim found in the paragraph: a verb joined to its cue may share its subject.
    pub last: Option<&'a Raw>,
}

/// What a finder makes of a verb.
enum Step {
    /// The subject, before the verb.
    Found(Subject),
    /// The subject after an inverted verb ("“...,” said X").
    Inverted(Subject),
    /// Not this finder's shape: the next one is asked.
    Next,
    /// This finder's shape with no subject in it: the verb attributes nothing.
    Stop,
}

type Finder = fn(&Words<'_>, &Verb<'_>) -> Step;

/// The finders of a reporting verb's subject, in the order they are asked.
const FINDERS: [Finder; 10] = [
    right_before,
    joined_clause,
    noun_phrase,
    relative_pronoun,
    it_pronoun,
    further_off,
    gerund_after_comma,
    gerund_after_preposition,
    after_inverted_verb,
    phrase_before,
];

/// The subject of a reporting verb, and whether it stands after the verb ("“...,” said X").
/// None when the verb attributes nothing.
pub(crate) fn of_verb(w: &Words<'_>, verb: &Verb<'_>) -> Option<(Subject, bool)> {
    for find in FINDERS {
        match find(w, verb) {
            Step::Found(s) => return Some((s, false)),
            Step::Inverted(s) => return Some((s, true)),
            Step::Next => {}
            Step::Stop => return None,
        }
    }
    None
}

/// A finder's answer when it may pass the verb on.
fn found_or_next(s: Option<Subject>) -> Step {
    s.map_or(Step::Next, Step::Found)
}

/// A finder's answer when the verb's shape is its own.
fn found_or_stop(s: Option<Subject>) -> Step {
    s.map_or(Step::Stop, Step::Found)
}

/// Verbs of speaking and telling, whose subject may stand further off than a mental verb's.
fn speaks(verb: &Verb<'_>) -> bool {
    matches!(verb.class, VerbClass::Speech | VerbClass::Tell)
}

/// "Vorn said", "the minister said", "officials said": right before the verb, past
/// auxiliaries and adverbs.
fn right_before(w: &Words<'_>, verb: &Verb<'_>) -> Step {
    found_or_next(w.subject_before(verb.v, verb.ss))
}

/// "X thanked Miami and said ...": the subject of the clause the verb is joined to.
fn joined_clause(w: &Words<'_>, verb: &Verb<'_>) -> Step {
    let (v, ss) = (verb.v, verb.ss);
    if !(v > ss && matches!(w.lw(v - 1).as_str(), "and" | "but")) {
        return Step::Next;
    }
    found_or_stop(
        w.clause_subject(ss, v - 1)
            .or_else(|| w.joined_subject(verb.last, ss, v, verb.class)),
    )
}

/// "74 percent said", "the budget office said": a noun phrase no word list knows.
fn noun_phrase(w: &Words<'_>, verb: &Verb<'_>) -> Step {
    if NOT_PHRASE_SUBJECT_VERBS.contains(verb.lower) {
        return Step::Next;
    }
    found_or_next(w.phrase_subject(verb.ss, verb.v))
}

/// "Vorn, who said ...", "voters who want ...": the relative pronoun, standing for its
/// antecedent.
fn relative_pronoun(w: &Words<'_>, verb: &Verb<'_>) -> Step {
    found_or_next(w.relative_subject(verb.ss, verb.v))
}

/// "..., it said.": a document's or an organisation's words.
fn it_pronoun(w: &Words<'_>, verb: &Verb<'_>) -> Step {
    if !speaks(verb) {
        return Step::Next;
    }
    found_or_next(w.it_subject(verb.ss, verb.v))
}

/// "Vorn, who calls it a “sham,” said", "Vorn however said", "Vorn has doubts but has said": a
/// subject further off, when a clause plainly follows the verb.
fn further_off(w: &Words<'_>, verb: &Verb<'_>) -> Step {
    let (v, ss) = (verb.v, verb.ss);
    if !speaks(verb) || !w.clause_follows(v) {
        return Step::Next;
    }
    found_or_next(
        w.relative_antecedent(ss, v)
            .or_else(|| w.distant_subject(ss, v))
            .or_else(|| {
                w.conjoined_before(ss, v)
                    .and_then(|c| w.clause_subject(ss, c))
            }),
    )
}

/// "..., saying ...": the subject of the sentence's main clause.
fn gerund_after_comma(w: &Words<'_>, verb: &Verb<'_>) -> Step {
    let (v, ss) = (verb.v, verb.ss);
    if !(verb.lower.ends_with("ing") && v > ss && w.p.is_punct(v - 1, ',')) {
        return Step::Next;
    }
    found_or_stop(
        w.main_subject(ss, v - 1)
            .or_else(|| w.sentence_subject(ss, v))
            .or_else(|| w.last_subject_in(verb.last, ss, v))
            .or_else(|| w.gerund_fallback(ss, v)),
    )
}

/// "Vorn defended the line by saying it was ...": the main clause's subject.
fn gerund_after_preposition(w: &Words<'_>, verb: &Verb<'_>) -> Step {
    let (v, ss) = (verb.v, verb.ss);
    if !(verb.lower.ends_with("ing")
        && v > ss
        && GERUND_PREPOSITIONS.contains(w.lw(v - 1).as_str()))
    {
        return Step::Next;
    }
    found_or_stop(
        w.main_subject(ss, v - 1)
            .or_else(|| w.sentence_subject(ss, v))
            .or_else(|| w.gerund_fallback(ss, v)),
    )
}

/// "“...,” said Vorn", "..., said the minister": after an inverted verb.
fn after_inverted_verb(w: &Words<'_>, verb: &Verb<'_>) -> Step {
    let (v, ss) = (verb.v, verb.ss);
    if !(verb.class != VerbClass::Mental
        && v > ss
        && (w.p.is_punct(v - 1, ',') || is_close(w.p, v - 1)))
    {
        return Step::Next;
    }
    w.subject_after(v).map_or(Step::Next, Step::Inverted)
}

/// "The deputy head of the delegation to the forum said ...": the phrase before the verb, which
/// no other finder knows; "A CNN poll last month showed ...": a poll or a report a few words
/// back.
fn phrase_before(w: &Words<'_>, verb: &Verb<'_>) -> Step {
    let (v, ss) = (verb.v, verb.ss);
    found_or_stop(
        w.fallback_subject(ss, v, verb.class)
            .or_else(|| w.evidence_subject(ss, v)),
    )
}

/// A paragraph to try the finders on, for the tests of each family.
#[cfg(test)]
pub(crate) struct Sample {
    text: &'static str,
    p: crate::extract::tokens::Para,
}

#[cfg(test)]
impl Sample {
    pub(crate) fn new(text: &'static str) -> Sample {
        let p = crate::extract::tokens::Para::new(text, 0, text.len());
        Sample { text, p }
    }

    pub(crate) fn words(&self) -> Words<'_> {
        Words {
            text: self.text,
            p: &self.p,
        }
    }

    /// The first token that is the word `w`.
    pub(crate) fn tok(&self, w: &str) -> usize {
        (0..self.p.toks.len())
            .find(|&i| self.p.is_word(i) && self.p.word(self.text, i) == w)
            .unwrap_or_else(|| panic!("no word {w:?} in {:?}", self.text))
    }

    /// The first comma after token `from`.
    pub(crate) fn comma_after(&self, from: usize) -> usize {
        (from..self.p.toks.len())
            .find(|&i| self.p.is_punct(i, ','))
            .unwrap_or_else(|| panic!("no comma after token {from}"))
    }

    /// A subject as printed, with its kind and name: what the tests compare.
    pub(crate) fn show(&self, s: &Subject) -> (String, SubjKind, Option<String>) {
        let span = self.words().span(s.start, s.end);
        (self.text[span.range()].to_string(), s.kind, s.name.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The subject `of_verb` finds for `verb` in `text`, and whether it stands after the verb.
    fn of(text: &'static str, verb: &str) -> Option<(String, bool)> {
        let s = Sample::new(text);
        let v = s.tok(verb);
        let w = s.words();
        let lower = w.lw(v);
        let verb = Verb {
            v,
            ss: 0,
            lower: lower.as_str(),
            class: VerbClass::Speech,
            last: None,
        };
        of_verb(&w, &verb).map(|(subj, inverted)| (s.show(&subj).0, inverted))
    }

    #[test]
    fn the_first_finder_that_knows_the_shape_decides() {
        // Right before the verb, though a quotation stands before the subject.
        assert_eq!(
            of("“The bridge will open,” Vorn said.", "said"),
            Some(("Vorn".into(), false))
        );
        // Nothing before the verb: the subject after it, inverted.
        assert_eq!(
            of("“The bridge will open,” said Ilka Vorn.", "said"),
            Some(("Ilka Vorn".into(), true))
        );
        // A verb joined by "and": the subject of the clause it joins.
        assert_eq!(
            of(
                "Vorn thanked the crowd and said that the bridge will open.",
                "said"
            ),
            Some(("Vorn".into(), false))
        );
    }

    #[test]
    fn a_finder_whose_shape_holds_no_subject_stops_the_search() {
        // A gerund after a comma is the main clause's: with no subject there, the verb
        // attributes nothing, though "Vorn" after it would read as an inverted subject.
        let text = "The bridge will open, saying Vorn.";
        assert_eq!(of(text, "saying"), None);
        let s = Sample::new(text);
        assert!(s.words().subject_after(s.tok("saying")).is_some());
    }
}
