//! A reporting verb with its subject and what it reports: a quotation before it (“...,” X
//! said), a quotation or clause after it (X said (that) ..., X said: “...”), or the clause
//! before it (..., X said.).

use super::Ctx;
use crate::extract::clause::clause_start;
use crate::extract::lexicon::{
    ASKED_PASSIVE_AFTER, CIRCUMSTANCE_STARTS, EVIDENCE_NOUNS, NOUN_LIKE_STANCE_VERBS,
    PERSON_PRONOUNS, SAYING_NOUNS_AFTER_POSSESSIVE, STANCE_PARTICLES, SUPPORT_AUXILIARIES,
    SUPPORT_RELATIVES, VerbClass, cue_particles, is_attitude_verb, is_clause_link, is_stance_verb,
};
use crate::extract::raw::Who;
use crate::extract::subject::{self, SubjKind, Subject, Verb};
use crate::extract::tokens::Para;
use crate::extract::words::{comma_closed, is_cap, is_close, is_open};

/// A reporting verb with its subject, as `attribute` found them.
struct Cue<'l> {
    /// The verb's token and the cue's last (its particle: "pointed out").
    v: usize,
    end: usize,
    /// The verb lowercased.
    lower: &'l str,
    class: VerbClass,
    /// The sentence's first token, and the last token a claim of this cue may reach.
    ss: usize,
    se: usize,
    subj: Subject,
    /// The subject stands after the verb ("“...,” said X").
    inverted: bool,
    who: Who,
}

impl Cue<'_> {
    /// The cue's tokens, first and last.
    fn tokens(&self) -> (usize, usize) {
        (self.v, self.end)
    }

    /// The first token after the cue and its subject.
    fn after(&self) -> usize {
        if self.inverted {
            self.subj.end + 1
        } else {
            self.end + 1
        }
    }

    /// The first token of the attribution: its subject's, or the verb's when it is inverted.
    fn lead(&self) -> usize {
        if self.inverted {
            self.v
        } else {
            self.subj.lead
        }
    }
}

/// What one reading of a cue made of it.
enum Reading {
    /// A claim was pushed; the rules go on at this token.
    Claimed(usize),
    /// The verb attributes nothing here.
    Nothing,
    /// The reading does not fit: the next is tried.
    Unfit,
}

impl Ctx<'_> {
    /// The reporting verb at token `v`; returns the token after the content it attributed.
    /// What it attributes is the first reading that fits: a quotation right before the cue
    /// (“...,” X said), the clause or quotation after it (X said (that) ...), the clause before
    /// it (..., X said.).
    pub(super) fn attribute(&mut self, v: usize, class: VerbClass) -> Option<usize> {
        let (ss, se) = self.sentence(v);
        let mut end = v;
        let lv = self.lw(v);
        // "Vorn's claim that ...": a noun, left to `nominal`.
        if self.noun_after_possessive(v) {
            return None;
        }
        // Verbs that report only with their particle: "pointed out/to", "referring to",
        // "talked about"; the particle is part of the cue.
        if let Some(particles) = cue_particles(&lv) {
            if !particles.contains(&self.lw(v + 1).as_str()) {
                return None;
            }
            end = v + 1;
        }
        if lv == "asked"
            && (v == ss || ASKED_PASSIVE_AFTER.contains(self.lw(v - 1).as_str()))
            && let Some(end) = self.asked_passive(v, ss, se)
        {
            return Some(end);
        }
        let verb = Verb {
            v,
            ss,
            lower: lv.as_str(),
            class,
            last: self.out.last(),
        };
        let (mut subj, inverted) = subject::of_verb(&self.w, &verb)?;
        // "while other voters said": the conjunction is not part of the group.
        if subj.kind == SubjKind::Group
            && subj.start < subj.end
            && is_clause_link(&self.lw(subj.start))
        {
            subj.start += 1;
            subj.lead = subj.lead.max(subj.start);
        }
        if class == VerbClass::Mental && !self.may_hold_view(&subj, v) {
            return None;
        }
        let se = self.relative_clause_end(&subj, v, ss, se);
        let cue = Cue {
            v,
            end,
            lower: lv.as_str(),
            class,
            ss,
            se,
            who: self.who(&subj),
            subj,
            inverted,
        };
        match self.quote_before(&cue) {
            Reading::Claimed(next) => return Some(next),
            Reading::Nothing => return None,
            Reading::Unfit => {}
        }
        let (j, that) = self.content_start(&cue);
        match self.clause_after(&cue, j, that) {
            Reading::Claimed(next) => return Some(next),
            Reading::Nothing => return None,
            Reading::Unfit => {}
        }
        if class == VerbClass::Mental || class == VerbClass::Object {
            return None;
        }
        self.clause_before(&cue, j)
    }

    /// Whether a mental verb's subject reports a view. "A poll shows Sanders ahead", "the
    /// study found that ...": evidence verbs report what a poll or a report says, so any
    /// subject may hold them; "A spokesman declined to comment" likewise. "Many voters believe
    /// that ...": an explicit "that" marks the clause as reported.
    fn may_hold_view(&self, subj: &Subject, v: usize) -> bool {
        let lv = self.lw(v);
        let that_next = self.lw(v + 1) == "that";
        // Evidence verbs only for a poll, a study or a report ("inspectors found cracks" reports
        // nothing); "declined"/"refused" with any subject.
        // "A Quinnipiac poll found Vorn ahead": a poll or study named by its owner is an
        // organisation subject, and holds them too.
        let head = self.lw(subj.end);
        let evidence_head = EVIDENCE_NOUNS.contains(head.as_str());
        let evidence = (matches!(lv.as_str(), "shows" | "showed" | "show")
            && (matches!(subj.kind, SubjKind::Group | SubjKind::Org) || that_next))
            || (matches!(lv.as_str(), "found" | "finds" | "find") && evidence_head)
            || matches!(lv.as_str(), "declined" | "refused");
        evidence
            || that_next
            || matches!(subj.kind, SubjKind::Name | SubjKind::Pronoun)
            || (subj.kind == SubjKind::Group && is_attitude_verb(&lv))
    }

    /// The last token a claim of the verb at `v` may reach: the sentence's (`se`), or, for a
    /// verb in a relative clause ("Vorn, who said the fund is empty, left"), the token before
    /// the comma that ends the clause.
    fn relative_clause_end(&self, subj: &Subject, v: usize, ss: usize, se: usize) -> usize {
        let p = self.p;
        if !(matches!(self.lw(subj.start).as_str(), "who" | "which")
            && subj.start > ss
            && p.is_punct(subj.start - 1, ','))
        {
            return se;
        }
        // A comma inside a closing quotation mark ends it too ("who calls it a “sham,” said").
        (v + 1..se)
            .find_map(|k| {
                if p.is_punct(k + 1, ',') && p.toks[k + 1].quote.is_none() {
                    Some(k)
                } else {
                    comma_closed(self.text, p, k + 1).then_some(k + 1)
                }
            })
            .unwrap_or(se)
    }

    /// “...,” X said / “...,” said X: the quotation right before the cue, and its
    /// continuation right after it (“...,” X said, “...”).
    fn quote_before(&mut self, cue: &Cue<'_>) -> Reading {
        let p = self.p;
        let (ss, se) = (cue.ss, cue.se);
        let gerund =
            cue.lower.ends_with("ing") && cue.v > cue.subj.end + 1 && p.is_punct(cue.v - 1, ',');
        let lead = cue.lead();
        if lead == 0 || cue.class == VerbClass::Mental || gerund {
            return Reading::Unfit;
        }
        let mut b = lead - 1;
        if p.is_punct(b, ',') && b > 0 {
            b -= 1;
        }
        // A quotation that ended the sentence before is not this cue's ("“...” He said
        // that ...").
        let Some(qi) = p.toks[b].quote.filter(|_| {
            is_close(p, b) && !(p.sent_end[b] && quote_ends_with_stop(self.text, p, b))
        }) else {
            return Reading::Unfit;
        };
        self.push_quote(qi as usize, cue.who.clone(), Some(cue.tokens()), (ss, se));
        // “...,” X said, “...” — the quotation continued after the cue.
        let after = cue.after();
        let mut j = after;
        if cue.class == VerbClass::Tell {
            j = self.skip_object(j, se);
        }
        j = self.skip_adverbials(j, se);
        if (p.is_punct(j, ',') || p.is_punct(j, ':')) && is_open(p, j + 1) {
            j += 1;
        }
        if is_open(p, j)
            && let Some(q2) = p.toks[j].quote
        {
            let sent = (ss, p.sentence_end(j));
            self.push_quote(q2 as usize, cue.who.clone(), Some(cue.tokens()), sent);
            return Reading::Claimed(p.quotes[q2 as usize].close_tok + 1);
        }
        Reading::Claimed(after)
    }

    /// Where what the cue reports would start: the token after it, past an addressee,
    /// adverbials, "on"/"for" after "call", a colon and "that"; and whether "that" was passed.
    fn content_start(&self, cue: &Cue<'_>) -> (usize, bool) {
        let p = self.p;
        let (lv, se) = (cue.lower, cue.se);
        let mut j = cue.after();
        if cue.class == VerbClass::Tell && !cue.inverted {
            j = self.skip_object(j, se);
        }
        // "called on Vorn to resign": who is called on, and to do what, is the claim (not
        // "called on Monday for ...").
        let called_on = lv.starts_with("call") && self.lw(j) == "on" && !self.on_date(j);
        j = if called_on {
            j + 1
        } else {
            self.skip_adverbials(j, se)
        };
        // "called for a ban": what is called for is the claim.
        if lv.starts_with("call") && self.lw(j) == "for" {
            j += 1;
        }
        let mut that = false;
        if p.is_punct(j, ':') || (p.is_punct(j, ',') && is_open(p, j + 1)) {
            j += 1;
        }
        if j <= se && self.lw(j) == "that" {
            that = true;
            j += 1;
        }
        (j, that)
    }

    /// X said (that) ... / X told Sputnik that ... / X said: “...”: the clause or quotation
    /// starting at token `j`, after the cue.
    fn clause_after(&mut self, cue: &Cue<'_>, j: usize, that: bool) -> Reading {
        let p = self.p;
        let (lv, class, se) = (cue.lower, cue.class, cue.se);
        // "endorsed Clinton", "declined to comment": these verbs take short contents.
        let min_words = match lv {
            l if is_stance_verb(l) || cue_particles(l).is_some() => 1,
            "decline" | "declines" | "declined" | "refuse" | "refuses" | "refused" => 2,
            // "called it “predatory”".
            "call" | "calls" | "called" | "calling" => 2,
            _ => 3,
        };
        // "asked Vorn about the fund": the question's topic is the claim.
        let asked_about = lv.starts_with("ask") && self.lw(j) == "about";
        let content_ok = j <= se
            && !self.circumstance_after_comma(j)
            && self.words_in(j, se) >= min_words
            && (that
                || asked_about
                || is_open(p, j)
                || clause_start(&self.lw(j), class)
                || self.promised_to(lv, j)
                || (class == VerbClass::Speech && self.possessive_her(lv, j))
                || (class == VerbClass::Mental && self.it_clause(j)));
        if !content_ok || (cue.inverted && !that && !is_open(p, j)) {
            return Reading::Unfit;
        }
        // "endorsed Vorn last week, saying ...": a stance is towards a noun phrase.
        if NOUN_LIKE_STANCE_VERBS.contains(lv) && !self.support_is_a_verb(cue.v, cue.ss) {
            return Reading::Nothing;
        }
        let end = if is_stance_verb(lv) && !that {
            if STANCE_PARTICLES.contains(self.lw(j).as_str()) {
                return Reading::Nothing;
            }
            self.noun_phrase_end(j, se)
        } else if self.promised_to(lv, j) {
            self.infinitive_end(j, se)
        } else if class == VerbClass::Object && !that {
            self.before_second_verb(j, se)
        } else {
            se
        };
        self.push_clause(j, end, cue.who.clone(), cue.tokens(), (cue.ss, se));
        Reading::Claimed(end + 1)
    }

    /// Whether "support" or "favor" at `v` is a verb: "Vorn's support rose", "tepid Latino
    /// support" are nouns; only a name, a pronoun or a relative pronoun before it makes it a
    /// verb.
    fn support_is_a_verb(&self, v: usize, ss: usize) -> bool {
        let p = self.p;
        let mut k = v - 1;
        while k > ss && SUPPORT_AUXILIARIES.contains(self.lw(k).as_str()) {
            k -= 1;
        }
        let w = p.word(self.text, k);
        let l = self.lw(k);
        let verb_like = (PERSON_PRONOUNS.contains(l.as_str())
            || SUPPORT_RELATIVES.contains(l.as_str())
            || (is_cap(self.text, p, k) && !w.ends_with('s'))
            || (l.ends_with('s') && !l.ends_with("ss") && l.len() > 3))
            && !w.ends_with("’s")
            && !w.ends_with("'s");
        p.is_word(k) && verb_like
    }

    /// ..., X said. / ..., said X.: the clause before the comma that opens the attribution,
    /// when nothing follows the cue (token `j` on) but a stop or a clause about the
    /// circumstances ("..., Obama told his advisers as he laboured over ...").
    fn clause_before(&mut self, cue: &Cue<'_>, j: usize) -> Option<usize> {
        let p = self.p;
        let (ss, se) = (cue.ss, cue.se);
        let rest_empty = j > se
            || (j == se && !p.is_word(se))
            || p.is_punct(j, ',')
            || CIRCUMSTANCE_STARTS.contains(self.lw(j).as_str());
        if !rest_empty {
            return None;
        }
        let comma = cue.lead().checked_sub(1)?;
        if comma <= ss || !p.is_punct(comma, ',') {
            return None;
        }
        if self.words_in(ss, comma - 1) < 3 {
            return None;
        }
        self.push_clause(ss, comma - 1, cue.who.clone(), cue.tokens(), (ss, se));
        // "..., Spicer said, adding that ...": the gerund reports a claim of its own.
        Some(if self.circumstance_after_comma(j) {
            j
        } else {
            se + 1
        })
    }

    /// Whether the word at `v` is a noun of saying after a possessive ("Vorn's claim", "his
    /// warning"), not a verb.
    pub(super) fn noun_after_possessive(&self, v: usize) -> bool {
        let p = self.p;
        if v == 0 || !p.is_word(v - 1) {
            return false;
        }
        let w = p.word(self.text, v - 1);
        let possessive = w.ends_with("'s")
            || w.ends_with("’s")
            || matches!(self.lw(v - 1).as_str(), "his" | "their" | "its");
        possessive && SAYING_NOUNS_AFTER_POSSESSIVE.contains(self.lw(v).as_str())
    }
}

/// Whether the quotation closed at token `b` ends with a full stop (not "?" or "!", which a
/// cue after it still attributes: "“Who cares?” Vorn asked.").
fn quote_ends_with_stop(text: &str, p: &Para, b: usize) -> bool {
    p.toks[b].quote.is_some_and(|qi| {
        text[p.quotes[qi as usize].inner.range()]
            .trim_end()
            .ends_with('.')
    })
}
