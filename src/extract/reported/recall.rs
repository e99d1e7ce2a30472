//! Reported clauses the subject rules of `reported` leave without a source: a reporting verb
//! after a subject no rule recognises ("The deputy head of the delegation to the forum said
//! ...", "Stone, 29, of Huntsville, says ..."), or joined to an earlier verb ("Vorn admitted
//! that ..., but said ..."). The clause after the verb is still what was said.

use super::super::lexicon::{
    EVIDENCE_NOUNS, NOT_PHRASE_SUBJECT_VERBS, SUBJECT_VERB_GAP, VerbClass, is_attitude_verb,
    is_commitment_verb,
};
use super::super::raw::Who;
use super::super::subject::{SubjKind, Subject, main_subject, name_subject};
use super::super::tokens::Kind;
use super::super::words::is_cap;
use super::{Ctx, is_clause_link, is_open};
use crate::vocab::Span;

impl Ctx<'_> {
    /// Whether the verb at `v` is one these fallbacks trust and what follows it opens a
    /// reported clause: "that", a quotation, a pronoun, a determiner or a name.
    fn opens_report(&self, v: usize, class: VerbClass) -> bool {
        let p = self.p;
        let lv = self.lw(v);
        // "Many officials on and off the island believe ...": a view held by a group.
        let attitude = class == VerbClass::Mental
            && is_attitude_verb(&lv)
            && !matches!(lv.as_str(), "hope" | "thought" | "fear" | "feel" | "want");
        if !matches!(class, VerbClass::Speech | VerbClass::Tell) && !attitude {
            return false;
        }
        // Only forms that are verbs wherever they stand: "the state", "a pledged delegate", "an
        // estimated loss" are nouns and adjectives.
        let verb = attitude
            || matches!(
                lv.as_str(),
                "said" | "says" | "say" | "told" | "tells" | "wrote" | "writes"
            )
            || (lv.ends_with("ed")
                && !matches!(
                    lv.as_str(),
                    "pledged" | "estimated" | "charged" | "alleged" | "reported" | "continued"
                ))
            // Present forms that are rarely nouns ("argue", "insists", "adds").
            || (matches!(class, VerbClass::Speech | VerbClass::Tell)
                && !lv.ends_with("ing")
                && !lv.ends_with("ed")
                && !matches!(
                    lv.as_str(),
                    "note"
                        | "notes"
                        | "tweet"
                        | "report"
                        | "reports"
                        | "remark"
                        | "remarks"
                        | "promise"
                        | "pledge"
                        | "pledges"
                        | "vow"
                        | "estimate"
                        | "demand"
                        | "charge"
                        | "claim"
                        | "claims"
                        | "write"
                        | "ask"
                        | "asks"
                        | "continue"
                        | "continues"
                        | "recall"
                        | "mention"
                        | "mentions"
                        | "hint"
                        | "hints"
                        | "observe"
                        | "point"
                        | "points"
                        | "question"
                        | "reply"
                        | "state"
                        | "states"
                ));
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
        is_open(p, j)
            || is_cap(self.text, p, j)
            || matches!(
                head,
                "that"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "there"
                    | "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "this"
                    | "these"
                    | "those"
                    | "our"
                    | "if"
                    | "whether"
            )
    }

    /// "Vorn vowed to repeal the levy": what a promise, a vow or a pledge commits to is the
    /// infinitive after it (the verb at `j` is "to").
    pub(super) fn promised_to(&self, lv: &str, j: usize) -> bool {
        is_commitment_verb(lv) && self.lw(j) == "to" && self.p.is_word(j + 1)
    }

    /// The last token of the infinitive starting at `j`: before a comma, a dash or a semicolon
    /// outside quotation marks ("pledged to bolster its military, reversing ...").
    pub(super) fn infinitive_end(&self, j: usize, se: usize) -> usize {
        let p = self.p;
        (j + 1..=se)
            .find(|&k| {
                p.toks[k].quote.is_none()
                    && matches!(p.toks[k].kind, Kind::Punct(',' | ';' | '—' | '–'))
            })
            .map_or(se, |k| k - 1)
    }

    /// Whether token `v` opens its sentence, past a leading conjunction ("But according to").
    pub(super) fn opens_sentence(&self, ss: usize, v: usize) -> bool {
        v == ss || (v == ss + 1 && matches!(self.lw(ss).as_str(), "but" | "and" | "so" | "yet"))
    }

    /// Whether "according" at `v` follows a clause of five words or more and a comma (or a
    /// quotation that ends in one), and what follows the source's comma at `e` only describes
    /// the source or the circumstances ("..., according to X, a social analytics firm", "...,
    /// according to X, taking a step toward ...").
    pub(super) fn clause_before_according(&self, ss: usize, v: usize, e: usize, se: usize) -> bool {
        let p = self.p;
        if !(v > ss + 5
            && (p.is_punct(v - 1, ',') || self.comma_quote_before(v))
            && self.words_in(ss, v - 1) >= 5)
        {
            return false;
        }
        if !p.is_punct(e, ',') || e >= se {
            return true;
        }
        let next = self.lw(e + 1);
        next.ends_with("ing")
            || matches!(
                next.as_str(),
                "a" | "an" | "the" | "who" | "which" | "whose" | "its" | "his" | "her" | "their"
            )
    }

    /// Whether a quotation ending in a comma closes right before token `v` (“...,” X said).
    pub(super) fn comma_quote_before(&self, v: usize) -> bool {
        let p = self.p;
        v > 0
            && super::is_close(p, v - 1)
            && p.toks[v - 1].quote.is_some_and(|qi| {
                self.text[p.quotes[qi as usize].inner.range()]
                    .trim_end()
                    .ends_with(',')
            })
    }

    /// The colon right before the quotation opening at token `open`, if any, with a word before
    /// it ("fired back: “...”", "From the report: “...”").
    pub(super) fn colon_before(&self, open: usize) -> Option<usize> {
        let p = self.p;
        let c = open.checked_sub(1)?;
        (c > 0 && p.is_punct(c, ':') && p.toks[c].quote.is_none() && p.is_word(c - 1)).then_some(c)
    }

    /// Pushes the quotation `qi` introduced by the colon at token `c`. Its source is a name
    /// right before the colon ("- Philip Bump: “...”"), else the subject of the sentence's main
    /// clause ("Rubio fired back forcefully: “...”"), else no one; the cue is the word before
    /// the colon.
    pub(super) fn push_colon_quote(&mut self, qi: usize, c: usize) {
        let p = self.p;
        let ss = p.sentence_start(c);
        if c <= ss {
            return;
        }
        let named = is_cap(self.text, p, c - 1)
            .then(|| name_subject(self.text, p, c - 1, ss))
            .flatten()
            .filter(|s| matches!(s.kind, SubjKind::Name | SubjKind::Org) && s.name.is_some());
        let who = match named
            .or_else(|| main_subject(self.text, p, ss, c))
            .or_else(|| self.first_mention(ss, c))
        {
            Some(s) => self.who(&s),
            None => Who::Nobody,
        };
        let open = p.quotes[qi].open_tok;
        let sent = (ss, p.sentence_end(open));
        self.push_quote(qi, who, Some((c - 1, c - 1)), sent);
    }

    /// The first name or personal pronoun in tokens `ss..c` that no preposition governs
    /// ("As Professor Foner put it", "And Mr. Christie gloated", not "on Twitter").
    fn first_mention(&self, ss: usize, c: usize) -> Option<Subject> {
        let p = self.p;
        let mut k = ss;
        while k < c {
            let governed = k > ss
                && matches!(
                    self.lw(k - 1).as_str(),
                    "on" | "in" | "at" | "of" | "from" | "to" | "for" | "with" | "by" | "about"
                );
            if !governed && p.is_word(k) && p.toks[k].quote.is_none() {
                let l = self.lw(k);
                if matches!(l.as_str(), "he" | "she" | "it" | "they" | "we" | "i") {
                    return Some(Subject {
                        kind: SubjKind::Pronoun,
                        ..group(k, k)
                    });
                }
                if is_cap(self.text, p, k) {
                    let mut e = k;
                    while e + 1 < c && is_cap(self.text, p, e + 1) {
                        e += 1;
                    }
                    if let Some(s) = name_subject(self.text, p, e, k)
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

    /// Whether "this" at `j` opens a clause rather than a time ("said this is a rough patch",
    /// not "said this week that ...").
    pub(super) fn this_not_time(&self, j: usize) -> bool {
        self.lw(j) == "this"
            && !matches!(
                self.lw(j + 1).as_str(),
                "week"
                    | "weekend"
                    | "month"
                    | "year"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "spring"
                    | "summer"
                    | "fall"
                    | "autumn"
                    | "winter"
                    | "time"
                    | "past"
                    | "season"
                    | "cycle"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
            )
    }

    /// "said her father ...": "her" with a noun after it is a possessive opening the clause, not
    /// an object; after verbs that also take an object ("maintained her lead", "continue her
    /// work") it is not.
    pub(super) fn possessive_her(&self, lv: &str, j: usize) -> bool {
        let object_verb = [
            "maintain", "continu", "mention", "suggest", "explain", "point",
        ]
        .iter()
        .any(|stem| lv.starts_with(stem));
        !object_verb
            && self.lw(j) == "her"
            && self.p.is_word(j + 1)
            && !matches!(
                self.lw(j + 1).as_str(),
                "that" | "to" | "on" | "in" | "the" | "a" | "an" | "about" | "of" | "for" | "with"
            )
    }

    /// The source of a gerund cue ("..., saying that ...") no subject rule found: the first
    /// name or pronoun of the sentence, else its first word as a group, when what follows the
    /// gerund opens a reported clause.
    pub(super) fn gerund_fallback(&self, ss: usize, v: usize) -> Option<Subject> {
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
            .or_else(|| p.is_word(ss).then(|| group(ss, ss)))
    }

    /// "A CNN/ORC poll last month showed ...", "new filings show ...", "a review of his work
    /// shows ...": a poll, a study or records within the few words before an evidence verb,
    /// no comma or clause between. The phrase from its determiner to the verb is a group.
    pub(super) fn evidence_subject(&self, ss: usize, v: usize) -> Option<Subject> {
        let lv = self.lw(v);
        if !matches!(
            lv.as_str(),
            "show" | "shows" | "showed" | "found" | "finds" | "suggest" | "suggests" | "suggested"
        ) {
            return None;
        }
        let k = self.plain_words_before(ss, v, 8);
        let head = (k..v).find(|&i| {
            let l = self.lw(i);
            EVIDENCE_NOUNS.contains(l.as_str())
                || matches!(
                    l.as_str(),
                    "filings"
                        | "records"
                        | "documents"
                        | "emails"
                        | "e-mails"
                        | "video"
                        | "footage"
                        | "photos"
                        | "polling"
                        | "surveys"
                        | "review"
                        | "tallies"
                        | "returns"
                )
        })?;
        // The phrase starts at the evidence noun's determiner or modifiers.
        let mut s = head;
        while s > k && !matches!(self.lw(s - 1).as_str(), "of" | "in" | "by" | "from") {
            s -= 1;
        }
        Some(group(s, v - 1))
    }

    /// "I think it is ...": "it" or "this" followed by a verb opens the clause a mental verb
    /// reports (alone, "I like it", it is an object).
    pub(super) fn it_clause(&self, j: usize) -> bool {
        matches!(self.lw(j).as_str(), "it" | "this")
            && matches!(
                self.lw(j + 1).as_str(),
                "is" | "was"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "has"
                    | "had"
                    | "might"
                    | "may"
                    | "should"
                    | "must"
                    | "isn't"
                    | "wasn't"
                    | "won't"
                    | "doesn't"
                    | "didn't"
            )
    }

    /// "..., Spicer said, adding ...", "..., he said, on condition of anonymity": a comma after
    /// the cue followed by a reporting gerund or "on condition" closes the attribution; the
    /// claim is the clause before it, not these words.
    pub(super) fn circumstance_after_comma(&self, j: usize) -> bool {
        if !self.p.is_punct(j, ',') || !self.p.is_word(j + 1) {
            return false;
        }
        let next = self.lw(j + 1);
        (next.ends_with("ing") && super::verb_class(&next).is_some())
            || (next == "on" && self.lw(j + 2) == "condition")
    }

    /// Whether "on" at `j` opens a date ("on Friday", "on September 17").
    pub(super) fn on_date(&self, j: usize) -> bool {
        is_cap(self.text, self.p, j + 1)
            && super::super::when::said_on(
                self.p.word(self.text, j + 1),
                chrono::NaiveDate::from_ymd_opt(2000, 1, 1),
            )
            .is_some()
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

    /// The phrase before the reporting verb at `v` when no subject rule found one: back from
    /// the verb past "also", "has", to a comma, a quotation or a word that opens a clause; after
    /// an appositive ("Stone, 29, of Huntsville, says"), the phrase before its first comma. A
    /// group that names no speaker node, unless that phrase ends in a name. None for a passive
    /// ("is said to"), an infinitive ("to say"), a question ("What did he say").
    pub(super) fn fallback_subject(
        &self,
        ss: usize,
        v: usize,
        class: VerbClass,
    ) -> Option<Subject> {
        let p = self.p;
        if v <= ss || !self.opens_report(v, class) {
            return None;
        }
        if p.is_punct(v - 1, ',')
            || (p.toks[v - 1].quote.is_none()
                && matches!(p.toks[v - 1].kind, Kind::Punct('—' | '–' | '-' | ')')))
        {
            return self.appositive_subject(ss, v);
        }
        let mut e = v - 1;
        let mut gaps = 0;
        while e > ss && gaps < 3 && SUBJECT_VERB_GAP.contains(self.lw(e).as_str()) {
            if matches!(
                self.lw(e).as_str(),
                "is" | "was" | "were" | "are" | "being" | "been"
            ) {
                return None;
            }
            e -= 1;
            gaps += 1;
        }
        if !p.is_word(e) || p.toks[e].quote.is_some() {
            return None;
        }
        let le = self.lw(e);
        if le.ends_with("ly")
            || matches!(
                le.as_str(),
                "to" | "not"
                    | "be"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "been"
                    | "what"
                    | "who"
                    | "which"
                    | "that"
                    | "and"
                    | "but"
                    | "or"
                    | "as"
                    | "so"
                    | "than"
                    | "you"
                    | "i"
                    | "we"
                    | "did"
                    | "does"
                    | "do"
                    | "let"
                    | "can"
                    | "the"
                    | "an"
                    | "a"
                    | "of"
                    | "for"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "with"
                    | "from"
                    | "into"
                    | "about"
                    | "most"
            )
        {
            return None;
        }
        Some(group(self.plain_words_before(ss, e, 5), e))
    }

    /// The first of the (at most `max`) words right before token `e`, back to the sentence start
    /// `ss`, a quotation, punctuation or a word that opens a clause.
    fn plain_words_before(&self, ss: usize, e: usize, max: usize) -> usize {
        let p = self.p;
        let mut k = e;
        while k > ss && k + max + 1 > e {
            let j = k - 1;
            if !p.is_word(j) || p.toks[j].quote.is_some() {
                break;
            }
            let l = self.lw(j);
            if is_clause_link(&l) || matches!(l.as_str(), "who" | "which") {
                break;
            }
            k = j;
        }
        k
    }

    /// "Stone, 29, of Huntsville, Ala., says ...", "Several candidates, including Vorn, said
    /// ...": the phrase opening the sentence, before its first comma.
    fn appositive_subject(&self, ss: usize, v: usize) -> Option<Subject> {
        let p = self.p;
        let c1 = (ss..v).find(|&k| {
            p.toks[k].quote.is_none()
                && matches!(p.toks[k].kind, Kind::Punct(',' | '—' | '–' | '-' | '('))
        })?;
        if c1 == ss || c1 > ss + 6 || (ss..c1).any(|k| !p.is_word(k)) {
            return None;
        }
        if !is_cap(self.text, p, ss) {
            return None;
        }
        let e = c1 - 1;
        let named = is_cap(self.text, p, e)
            .then(|| name_subject(self.text, p, e, ss))
            .flatten()
            .filter(|s| matches!(s.kind, SubjKind::Name | SubjKind::Org) && s.name.is_some());
        Some(match named {
            Some(s) => Subject { lead: s.start, ..s },
            None => group(ss, e),
        })
    }

    /// "Vorn admitted that ..., but said ...": a reporting verb joined to an earlier clause
    /// takes the subject of the sentence's last attribution, or of its main clause.
    pub(super) fn joined_subject(&self, ss: usize, v: usize, class: VerbClass) -> Option<Subject> {
        if !self.opens_report(v, class) {
            return None;
        }
        self.last_subject_in(ss, v)
            .or_else(|| main_subject(self.text, self.p, ss, v - 1))
    }

    /// "Vorn admitted that the name was wrong, but said ...": a reporting verb right after "and"
    /// or "but" inside the last claim's clause ends that clause before the conjunction.
    pub(super) fn split_coordinated(&mut self, v: usize) -> bool {
        let p = self.p;
        let ss = p.sentence_start(v);
        if v < ss + 2 || !matches!(self.lw(v - 1).as_str(), "and" | "but") {
            return false;
        }
        let class = super::verb_class(&self.lw(v));
        if !class.is_some_and(|c| self.opens_report(v, c)) {
            return false;
        }
        let conj = v - 1;
        let cut = if p.is_punct(conj - 1, ',') && conj >= ss + 2 {
            p.toks[conj - 2].e
        } else {
            p.toks[conj - 1].e
        };
        let Some(last) = self.out.last_mut() else {
            return false;
        };
        if !(last.span.start < p.toks[conj].s && p.toks[conj].s < last.span.end) {
            return false;
        }
        let kept = super::trim_span(self.text, Span::new(last.span.start, cut));
        if kept.is_empty() {
            return false;
        }
        last.span = kept;
        true
    }
}

fn group(s: usize, e: usize) -> Subject {
    Subject {
        start: s,
        end: e,
        lead: s,
        kind: SubjKind::Group,
        name: None,
        roles: Vec::new(),
    }
}
