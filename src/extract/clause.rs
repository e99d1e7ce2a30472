//! What a reporting verb reports: where its clause starts (past an addressee, adverbials, a
//! colon or "that"), whether a word can open it, and where a noun phrase, an infinitive or an
//! object ends. Read by the attribution rules and by the subject finders that trust a verb
//! only when a clause follows it.

use super::lexicon::{
    ADDRESSEE_DETERMINERS, ADDRESSEE_ENDS, ADDRESSEES, ADVERBIAL_START, ADVERBS_BEFORE_CLAUSE,
    ALWAYS_VERBS, ED_MODIFIERS, MENTAL_CLAUSE_STARTS, NOT_BARE_CLAUSE_STARTS, NOT_CLAUSE_STARTS,
    NOT_GROUP_VIEWS, NOT_MENTAL_CLAUSE_STARTS, NOT_PHRASE_SUBJECT_VERBS, NOT_POSSESSIVE_HER_NEXT,
    NOUN_PHRASE_ENDS, OBJECT_CLAUSE_STARTS, OBJECT_HER_NEXT, OBJECT_VERB_STEMS,
    PRESENT_FORMS_OFTEN_NOUNS, REPORT_OPENERS, SPEECH_CLAUSE_STARTS, TELL_CLAUSE_STARTS,
    TIME_NOUNS, VERBS_AFTER_IT, VerbClass, is_attitude_verb, is_clause_link, is_commitment_verb,
    verb_class,
};
use super::tokens::Kind;
use super::when::said_on;
use super::words::{Words, is_cap, is_close, is_open};

impl Words<'_> {
    /// Skips an addressee after "told"/"warned": a pronoun, "reporters", a capitalised name.
    pub(crate) fn skip_object(&self, j: usize, end: usize) -> usize {
        let p = self.p;
        if j > end || !p.is_word(j) {
            return j;
        }
        let l = self.lw(j);
        // "her advisers" is a possessive with its noun; "told her that" a pronoun.
        let possessive_her =
            l == "her" && p.is_word(j + 1) && !OBJECT_HER_NEXT.contains(self.lw(j + 1).as_str());
        if !possessive_her && ADDRESSEES.contains(l.as_str()) {
            return j + 1;
        }
        if ADDRESSEE_DETERMINERS.contains(l.as_str()) {
            let mut k = j + 1;
            while k <= end
                && k < j + 6
                && p.is_word(k)
                && !ADDRESSEE_ENDS.contains(self.lw(k).as_str())
                && !ADVERBIAL_START.contains(self.lw(k).as_str())
            {
                k += 1;
            }
            return k;
        }
        let mut k = j;
        while k <= end && is_cap(self.text, p, k) {
            k += 1;
        }
        k
    }

    /// Skips adverbials between a verb and its clause ("on Friday", "in a statement with X,").
    pub(crate) fn skip_adverbials(&self, mut j: usize, end: usize) -> usize {
        let p = self.p;
        for _ in 0..3 {
            if j > end || !p.is_word(j) {
                return j;
            }
            let l = self.lw(j);
            if !ADVERBIAL_START.contains(l.as_str()) || self.this_not_time(j) {
                return j;
            }
            // "on Friday" / "on September 17": a short date phrase.
            if l == "on" && j < end && is_cap(self.text, p, j + 1) {
                let nl = self.p.word(self.text, j + 1);
                if said_on(nl, chrono::NaiveDate::from_ymd_opt(2000, 1, 1)).is_some() {
                    j += 2;
                    if j <= end
                        && p.is_word(j)
                        && self
                            .p
                            .word(self.text, j)
                            .chars()
                            .all(|c| c.is_ascii_digit())
                    {
                        j += 1;
                    }
                    continue;
                }
            }
            if ADVERBS_BEFORE_CLAUSE.contains(l.as_str()) {
                j += 1;
                continue;
            }
            let mut k = j + 1;
            while k <= end && k < j + 16 {
                if p.is_punct(k, ',') {
                    return k + 1;
                }
                if is_open(p, k) || self.lw(k) == "that" {
                    return k;
                }
                k += 1;
            }
            return k;
        }
        j
    }

    /// Whether the verb at `v` is one these fallbacks trust and what follows it opens a
    /// reported clause: "that", a quotation, a pronoun, a determiner or a name.
    pub(crate) fn opens_report(&self, v: usize, class: VerbClass) -> bool {
        let p = self.p;
        let lv = self.lw(v);
        // "Many officials on and off the island believe ...": a view held by a group.
        let attitude = class == VerbClass::Mental
            && is_attitude_verb(&lv)
            && !NOT_GROUP_VIEWS.contains(lv.as_str());
        if !matches!(class, VerbClass::Speech | VerbClass::Tell) && !attitude {
            return false;
        }
        // Only forms that are verbs wherever they stand: "the state", "a pledged delegate", "an
        // estimated loss" are nouns and adjectives.
        let verb = attitude
            || ALWAYS_VERBS.contains(lv.as_str())
            || (lv.ends_with("ed")
                && !ED_MODIFIERS.contains(lv.as_str()))
            // Present forms that are rarely nouns ("argue", "insists", "adds").
            || (matches!(class, VerbClass::Speech | VerbClass::Tell)
                && !lv.ends_with("ing")
                && !lv.ends_with("ed")
                && !PRESENT_FORMS_OFTEN_NOUNS.contains(lv.as_str()));
        if !verb || NOT_PHRASE_SUBJECT_VERBS.contains(lv.as_str()) {
            return false;
        }
        let mut j = self.skip_adverbials(v + 1, p.sentence_end(v));
        if p.is_punct(j, ':') {
            j += 1;
        }
        // "they'll", "he’s": the pronoun before the contraction.
        let w = self.lw(j);
        let head = w.as_str().split(['\'', '’']).next().unwrap_or("");
        is_open(p, j) || is_cap(self.text, p, j) || REPORT_OPENERS.contains(head)
    }

    /// "Vorn vowed to repeal the levy": what a promise, a vow or a pledge commits to is the
    /// infinitive after it (the verb at `j` is "to").
    pub(crate) fn promised_to(&self, lv: &str, j: usize) -> bool {
        is_commitment_verb(lv) && self.lw(j) == "to" && self.p.is_word(j + 1)
    }

    /// The last token of the infinitive starting at `j`: before a comma, a dash or a semicolon
    /// outside quotation marks ("pledged to bolster its military, reversing ...").
    pub(crate) fn infinitive_end(&self, j: usize, se: usize) -> usize {
        let p = self.p;
        (j + 1..=se)
            .find(|&k| {
                p.toks[k].quote.is_none()
                    && matches!(p.toks[k].kind, Kind::Punct(',' | ';' | '—' | '–'))
            })
            .map_or(se, |k| k - 1)
    }

    /// The last token of the noun phrase starting at `j`: before a comma, a quotation's end,
    /// a conjunction or a clause of time or reason ("Vorn last week", "the levy because ...").
    /// The last token before "and"/"but" and a second verb ("welcomed the news and asked about
    /// the cost": the object ends at "news"), or `se`.
    pub(crate) fn before_second_verb(&self, j: usize, se: usize) -> usize {
        let p = self.p;
        (j + 1..se)
            .find(|&n| {
                p.is_word(n)
                    && matches!(self.lw(n).as_str(), "and" | "but")
                    && p.is_word(n + 1)
                    && (verb_class(&self.lw(n + 1)).is_some() || self.lw(n + 1).ends_with("ed"))
            })
            .map_or(se, |n| n - 1)
    }

    pub(crate) fn noun_phrase_end(&self, j: usize, se: usize) -> usize {
        let p = self.p;
        let mut k = j;
        while k < se && k < j + 12 {
            let n = k + 1;
            if p.is_punct(n, ',') || p.is_punct(n, ';') || p.is_punct(n, '.') || is_close(p, n) {
                break;
            }
            if p.is_word(n)
                && (is_clause_link(&self.lw(n)) || NOUN_PHRASE_ENDS.contains(self.lw(n).as_str()))
            {
                break;
            }
            k = n;
        }
        k
    }

    /// Whether "this" at `j` opens a clause rather than a time ("said this is a rough patch",
    /// not "said this week that ...").
    pub(crate) fn this_not_time(&self, j: usize) -> bool {
        self.lw(j) == "this" && !TIME_NOUNS.contains(self.lw(j + 1).as_str())
    }

    /// "said her father ...": "her" with a noun after it is a possessive opening the clause, not
    /// an object; after verbs that also take an object ("maintained her lead", "continue her
    /// work") it is not.
    pub(crate) fn possessive_her(&self, lv: &str, j: usize) -> bool {
        let object_verb = OBJECT_VERB_STEMS.iter().any(|stem| lv.starts_with(stem));
        !object_verb
            && self.lw(j) == "her"
            && self.p.is_word(j + 1)
            && !NOT_POSSESSIVE_HER_NEXT.contains(self.lw(j + 1).as_str())
    }

    /// "I think it is ...": "it" or "this" followed by a verb opens the clause a mental verb
    /// reports (alone, "I like it", it is an object).
    pub(crate) fn it_clause(&self, j: usize) -> bool {
        matches!(self.lw(j).as_str(), "it" | "this")
            && VERBS_AFTER_IT.contains(self.lw(j + 1).as_str())
    }

    /// "..., Spicer said, adding ...", "..., he said, on condition of anonymity": a comma after
    /// the cue followed by a reporting gerund or "on condition" closes the attribution; the
    /// claim is the clause before it, not these words.
    pub(crate) fn circumstance_after_comma(&self, j: usize) -> bool {
        if !self.p.is_punct(j, ',') || !self.p.is_word(j + 1) {
            return false;
        }
        let next = self.lw(j + 1);
        (next.ends_with("ing") && verb_class(&next).is_some())
            || (next == "on" && self.lw(j + 2) == "condition")
    }

    /// Whether "on" at `j` opens a date ("on Friday", "on September 17").
    pub(crate) fn on_date(&self, j: usize) -> bool {
        is_cap(self.text, self.p, j + 1)
            && said_on(
                self.p.word(self.text, j + 1),
                chrono::NaiveDate::from_ymd_opt(2000, 1, 1),
            )
            .is_some()
    }
}

/// Whether a clause can start with this word right after a verb with no "that".
pub(crate) fn clause_start(l: &str, class: VerbClass) -> bool {
    if NOT_BARE_CLAUSE_STARTS.contains(l) {
        return match class {
            VerbClass::Object => OBJECT_CLAUSE_STARTS.contains(l),
            VerbClass::Speech => SPEECH_CLAUSE_STARTS.contains(l),
            VerbClass::Tell => TELL_CLAUSE_STARTS.contains(l),
            VerbClass::Mental => MENTAL_CLAUSE_STARTS.contains(l),
        };
    }
    match class {
        VerbClass::Object => true,
        VerbClass::Mental => !NOT_MENTAL_CLAUSE_STARTS.contains(l),
        _ => !NOT_CLAUSE_STARTS.contains(l),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::subject::Sample;

    #[test]
    fn the_clause_starts_past_an_addressee_and_adverbials() {
        let s = Sample::new("Vorn told reporters on Friday that the bridge will open.");
        let w = s.words();
        let end = s.tok("open");
        let after_object = w.skip_object(s.tok("reporters"), end);
        assert_eq!(after_object, s.tok("on"));
        assert_eq!(w.skip_adverbials(after_object, end), s.tok("that"));
        let s = Sample::new("Vorn told the paper that the bridge will open.");
        assert_eq!(
            s.words().skip_object(s.tok("the"), s.tok("open")),
            s.tok("that")
        );
    }

    #[test]
    fn a_verb_reports_only_where_a_clause_follows_it() {
        let s = Sample::new("Vorn said that the bridge will open.");
        assert!(s.words().opens_report(s.tok("said"), VerbClass::Speech));
        // "pledged" mostly modifies a noun ("a pledged delegate").
        let s = Sample::new("The pledged delegates said that it will open.");
        assert!(!s.words().opens_report(s.tok("pledged"), VerbClass::Speech));
    }

    #[test]
    fn which_words_open_a_clause_after_each_class_of_verb() {
        assert!(clause_start("the", VerbClass::Speech));
        assert!(clause_start("if", VerbClass::Speech));
        assert!(!clause_start("to", VerbClass::Speech));
        assert!(clause_start("to", VerbClass::Tell));
        assert!(!clause_start("him", VerbClass::Speech));
        assert!(!clause_start("it", VerbClass::Mental));
        assert!(clause_start("it", VerbClass::Object));
    }
}
