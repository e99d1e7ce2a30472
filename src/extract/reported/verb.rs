//! A reporting verb with its subject and what it reports: a quotation before it (“...,” X
//! said), a quotation or clause after it (X said (that) ..., X said: “...”), or the clause
//! before it (..., X said.).

use super::Ctx;
use crate::extract::clause::clause_start;
use crate::extract::lexicon::{
    EVIDENCE_NOUNS, NOT_PHRASE_SUBJECT_VERBS, PERSON_PRONOUNS, VerbClass, cue_particles,
    is_attitude_verb, is_clause_link, is_stance_verb,
};
use crate::extract::subject::SubjKind;
use crate::extract::tokens::Para;
use crate::extract::words::{comma_closed, is_cap, is_close, is_open};

impl Ctx<'_> {
    /// The reporting verb at token `v`; returns the token after the content it attributed.
    pub(super) fn attribute(&mut self, v: usize, class: VerbClass) -> Option<usize> {
        let p = self.p;
        let (ss, se) = self.sentence(v);
        let mut cue_end = v;
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
            cue_end = v + 1;
        }
        if lv == "asked"
            && (v == ss
                || matches!(
                    self.lw(v - 1).as_str(),
                    "when" | "was" | "were" | "being" | "after" | "if" | "is" | "been" | "be"
                ))
            && let Some(end) = self.asked_passive(v, ss, se)
        {
            return Some(end);
        }
        let mut inverted = false;
        let subj = match self.subject_before(v, ss) {
            Some(s) => s,
            // "X thanked Miami and said ...": the subject of the clause the verb is joined to.
            None if v > ss && matches!(self.lw(v - 1).as_str(), "and" | "but") => self
                .clause_subject(ss, v - 1)
                .or_else(|| self.joined_subject(self.out.last(), ss, v, class))?,
            // "74 percent said", "the budget office said": a noun phrase no word list knows.
            None if !NOT_PHRASE_SUBJECT_VERBS.contains(lv.as_str())
                && let Some(s) = self.phrase_subject(ss, v) =>
            {
                s
            }
            // "Vorn, who said ...", "voters who want ...": the relative pronoun's antecedent.
            None if let Some(s) = self.relative_subject(ss, v) => s,
            // "..., it said.": a document's or an organisation's words.
            None if matches!(class, VerbClass::Speech | VerbClass::Tell)
                && let Some(s) = self.it_subject(ss, v) =>
            {
                s
            }
            // "Vorn, who calls it a “sham,” said", "Vorn however said", "Vorn has doubts but
            // has said": a subject further off.
            None if matches!(class, VerbClass::Speech | VerbClass::Tell)
                && self.clause_follows(v)
                && let Some(s) = self
                    .relative_antecedent(ss, v)
                    .or_else(|| self.distant_subject(ss, v))
                    .or_else(|| {
                        self.conjoined_before(ss, v)
                            .and_then(|c| self.clause_subject(ss, c))
                    }) =>
            {
                s
            }
            // "..., saying ...": the subject of the sentence's main clause.
            None if lv.ends_with("ing") && v > ss && p.is_punct(v - 1, ',') => self
                .main_subject(ss, v - 1)
                .or_else(|| self.sentence_subject(ss, v))
                .or_else(|| self.last_subject_in(self.out.last(), ss, v))
                .or_else(|| self.gerund_fallback(ss, v))?,
            // "Vorn defended the line by saying it was ...": the main clause's subject.
            None if lv.ends_with("ing")
                && v > ss
                && matches!(
                    self.lw(v - 1).as_str(),
                    "by" | "after" | "while" | "before" | "when"
                ) =>
            {
                self.main_subject(ss, v - 1)
                    .or_else(|| self.sentence_subject(ss, v))
                    .or_else(|| self.gerund_fallback(ss, v))?
            }
            None if class != VerbClass::Mental
                && v > ss
                && (p.is_punct(v - 1, ',') || is_close(p, v - 1))
                && let Some(s) = self.subject_after(v) =>
            {
                inverted = true;
                s
            }
            // "The deputy head of the delegation to the forum said ...": a subject no rule
            // knows; "A CNN poll last month showed ...": a poll or a report a few words back.
            None => self
                .fallback_subject(ss, v, class)
                .or_else(|| self.evidence_subject(ss, v))?,
        };
        // "while other voters said": the conjunction is not part of the group.
        let mut subj = subj;
        if subj.kind == SubjKind::Group
            && subj.start < subj.end
            && is_clause_link(&self.lw(subj.start))
        {
            subj.start += 1;
            subj.lead = subj.lead.max(subj.start);
        }
        // "A poll shows Sanders ahead", "the study found that ...": evidence verbs report what
        // a poll or a report says, so any subject may hold them.
        // "A spokesman declined to comment" likewise.
        // "Many voters believe that ...": an explicit "that" marks the clause as reported.
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
        let may_hold_view = evidence
            || that_next
            || matches!(subj.kind, SubjKind::Name | SubjKind::Pronoun)
            || (subj.kind == SubjKind::Group && is_attitude_verb(&lv));
        if class == VerbClass::Mental && !may_hold_view {
            return None;
        }
        // "Vorn, who said the fund is empty, left": the relative clause ends at its comma.
        let se = if matches!(self.lw(subj.start).as_str(), "who" | "which")
            && subj.start > ss
            && p.is_punct(subj.start - 1, ',')
        {
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
        } else {
            se
        };
        let who = self.who(&subj);
        let cue = (v, cue_end);
        let gerund = lv.ends_with("ing") && v > subj.end + 1 && p.is_punct(v - 1, ',');
        let after = if inverted { subj.end + 1 } else { cue_end + 1 };

        // “...,” X said / “...,” said X.
        let lead = if inverted { v } else { subj.lead };
        if lead > 0 && class != VerbClass::Mental && !gerund {
            let mut b = lead - 1;
            if p.is_punct(b, ',') && b > 0 {
                b -= 1;
            }
            // A quotation that ended the sentence before is not this cue's ("“...” He said
            // that ...").
            if is_close(p, b)
                && !(p.sent_end[b] && quote_ends_with_stop(self.text, p, b))
                && let Some(qi) = p.toks[b].quote
            {
                self.push_quote(qi as usize, who.clone(), Some(cue), (ss, se));
                // “...,” X said, “...” — the quotation continued after the cue.
                let mut j = after;
                if class == VerbClass::Tell {
                    j = self.skip_object(j, se);
                }
                j = self.skip_adverbials(j, se);
                if (p.is_punct(j, ',') || p.is_punct(j, ':')) && is_open(p, j + 1) {
                    j += 1;
                }
                if is_open(p, j)
                    && let Some(q2) = p.toks[j].quote
                {
                    self.push_quote(q2 as usize, who, Some(cue), (ss, p.sentence_end(j)));
                    return Some(p.quotes[q2 as usize].close_tok + 1);
                }
                return Some(after);
            }
        }

        // X said (that) ... / X told Sputnik that ... / X said: “...”
        let mut j = after;
        if class == VerbClass::Tell && !inverted {
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
        // "endorsed Clinton", "declined to comment": these verbs take short contents.
        let min_words = match lv.as_str() {
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
                || self.promised_to(&lv, j)
                || (class == VerbClass::Speech && self.possessive_her(&lv, j))
                || (class == VerbClass::Mental && self.it_clause(j)));
        if content_ok && !(inverted && !that && !is_open(p, j)) {
            // "endorsed Vorn last week, saying ...": a stance is towards a noun phrase.
            // "Vorn's support rose", "tepid Latino support": "support" is mostly a noun; only a
            // name, a pronoun or a relative pronoun before it makes it a verb.
            if matches!(lv.as_str(), "support" | "supports" | "favor" | "favors") {
                let mut k = v - 1;
                while k > ss
                    && matches!(
                        self.lw(k).as_str(),
                        "would"
                            | "will"
                            | "can"
                            | "could"
                            | "not"
                            | "also"
                            | "still"
                            | "do"
                            | "does"
                            | "did"
                            | "strongly"
                            | "now"
                            | "all"
                            | "both"
                    )
                {
                    k -= 1;
                }
                let w = p.word(self.text, k);
                let l = self.lw(k);
                let verb_like = (PERSON_PRONOUNS.contains(l.as_str())
                    || matches!(l.as_str(), "who" | "that" | "which" | "you")
                    || (is_cap(self.text, p, k) && !w.ends_with('s'))
                    || (l.ends_with('s') && !l.ends_with("ss") && l.len() > 3))
                    && !w.ends_with("’s")
                    && !w.ends_with("'s");
                if !p.is_word(k) || !verb_like {
                    return None;
                }
            }
            let end = if is_stance_verb(&lv) && !that {
                if matches!(
                    self.lw(j).as_str(),
                    "by" | "away" | "off" | "down" | "up" | "out"
                ) {
                    return None;
                }
                self.noun_phrase_end(j, se)
            } else if self.promised_to(&lv, j) {
                self.infinitive_end(j, se)
            } else if class == VerbClass::Object && !that {
                self.before_second_verb(j, se)
            } else {
                se
            };
            self.push_clause(j, end, who, cue, (ss, se));
            return Some(end + 1);
        }
        if class == VerbClass::Mental || class == VerbClass::Object {
            return None;
        }

        // ..., X said. / ..., said X.
        // Nothing after the cue but a stop, or a clause about the circumstances ("..., Obama
        // told his advisers as he laboured over ...").
        let rest_empty = j > se
            || (j == se && !p.is_word(se))
            || p.is_punct(j, ',')
            || matches!(
                self.lw(j).as_str(),
                "as" | "while" | "when" | "after" | "before" | "during" | "because" | "in" | "at"
            );
        if !rest_empty {
            return None;
        }
        let comma = if inverted {
            v.checked_sub(1)?
        } else {
            subj.lead.checked_sub(1)?
        };
        if comma <= ss || !p.is_punct(comma, ',') {
            return None;
        }
        if self.words_in(ss, comma - 1) < 3 {
            return None;
        }
        self.push_clause(ss, comma - 1, who, cue, (ss, se));
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
        possessive
            && matches!(
                self.lw(v).as_str(),
                "claim"
                    | "claims"
                    | "charge"
                    | "charges"
                    | "promise"
                    | "promises"
                    | "pledge"
                    | "warning"
                    | "report"
                    | "reports"
                    | "remarks"
                    | "comment"
                    | "comments"
                    | "statement"
                    | "tweet"
                    | "tweets"
                    | "call"
                    | "calls"
                    | "attack"
                    | "attacks"
                    | "support"
                    | "vow"
                    | "estimate"
                    | "estimates"
                    | "demand"
                    | "demands"
            )
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
