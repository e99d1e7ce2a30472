//! English attributions in one paragraph: a reporting verb with its subject, and what was said —
//! a quotation before or after it (“...,” X said / X said: “...”), a reported clause ("X said
//! (that) ...", "..., X told Sputnik."), "according to X". Quotations left without a cue go to
//! the paragraph's speaker or, opening a paragraph, to the last speaker (news convention).

use super::lexicon::{ADVERBIAL_START, VerbClass, verb_class};
use super::raw::{Raw, Who};
use super::subject::{
    SubjKind, Subject, main_subject, name_subject, subject_after, subject_before,
};
use super::tokens::{Kind, Para, lower_ascii};
use super::words::{is_cap, is_close, is_open};
use crate::vocab::{ClaimKind, Span};

mod recall;

/// A short lowercased word.
enum Low<'a> {
    /// The word as printed: already lowercase (most words), or "" for none.
    Same(&'a str),
    /// A word with capitals, lowercased on the stack.
    Lowered([u8; 24], u8),
}

impl Low<'_> {
    fn as_str(&self) -> &str {
        match self {
            Low::Same(w) => w,
            Low::Lowered(b, n) => std::str::from_utf8(&b[..usize::from(*n)]).unwrap_or(""),
        }
    }
}

impl std::ops::Deref for Low<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Low<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

struct Ctx<'a> {
    text: &'a str,
    p: &'a Para,
    used_q: Vec<bool>,
    out: &'a mut Vec<Raw>,
}

/// The claims of an English paragraph, appended to `out` in the order found.
pub fn paragraph(text: &str, p: &Para, out: &mut Vec<Raw>) {
    let first = out.len();
    let mut c = Ctx {
        text,
        p,
        used_q: vec![false; p.quotes.len()],
        out,
    };
    let n = p.toks.len();
    let mut covered_until = 0usize;
    let mut buf = [0u8; 24];
    for v in 0..n {
        if !p.is_word(v) || p.toks[v].quote.is_some() {
            continue;
        }
        let w = p.word(text, v);
        if !w.starts_with(|ch: char| ch.is_lowercase()) && w != "According" && w != "Asked" {
            continue;
        }
        if !(3..=12).contains(&w.len()) {
            continue;
        }
        let lw = lower_ascii(w, &mut buf);
        if v < covered_until {
            // "X said ... and Trump says ...": a second attribution joined to the first's
            // clause ends that clause.
            let class = verb_class(lw);
            // "..., saying ..., CNN reported.": a sentence-final attribution is the whole
            // sentence's; the claim it sat in ends before it.
            let final_cue = super::nested::final_attribution(text, p, v, class)
                .is_some_and(|comma| c.cut_last_at(comma));
            if !final_cue
                && (!matches!(class, Some(VerbClass::Speech | VerbClass::Tell))
                    || !(c.split_joined(v) || c.split_coordinated(v)))
            {
                // "the town halls which he said could not be bought": a relative clause's own
                // attribution inside the claim, a claim of its own.
                if let Some(class) = class
                    && matches!(class, VerbClass::Speech | VerbClass::Tell)
                    && super::nested::relative_cue(text, p, v)
                {
                    c.attribute(v, class);
                }
                continue;
            }
            covered_until = v;
        }
        let got = if lw == "according" {
            c.according(v)
        } else if let Some(class) = verb_class(lw) {
            c.attribute(v, class)
        } else {
            None
        };
        if let Some(end) = got {
            covered_until = covered_until.max(end);
        }
    }
    c.leftover_quotes(first);
    super::hedged::paragraph(text, p, out);
    super::nominal::paragraph(text, p, out, first);
}

impl<'a> Ctx<'a> {
    /// Token `i` lowercased on the stack; "" for punctuation and long or non-ASCII words, which
    /// no word list holds.
    fn lw(&self, i: usize) -> Low<'a> {
        if !self.p.is_word(i) {
            return Low::Same("");
        }
        let w = self.p.word(self.text, i);
        if w.len() > 24 || !w.is_ascii() {
            return Low::Same("");
        }
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return Low::Same(w);
        }
        let mut buf = [0u8; 24];
        let n = lower_ascii(w, &mut buf).len();
        Low::Lowered(buf, n as u8)
    }

    /// The bytes of tokens `a..=b`.
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.p.toks[a].s, self.p.toks[b].e)
    }

    fn words_in(&self, a: usize, b: usize) -> usize {
        (a..=b.min(self.p.toks.len().saturating_sub(1)))
            .filter(|&i| self.p.is_word(i))
            .count()
    }

    fn who(&self, s: &Subject) -> Who {
        Who::Subject {
            span: self.span(s.start, s.end),
            kind: s.kind,
            name: s.name.clone(),
            roles: s.roles.clone(),
        }
    }

    fn sentence(&self, i: usize) -> (usize, usize) {
        (self.p.sentence_start(i), self.p.sentence_end(i))
    }

    fn push(
        &mut self,
        span: Span,
        kind: ClaimKind,
        who: Who,
        cue: Option<(usize, usize)>,
        sent: (usize, usize),
    ) {
        let span = trim_span(self.text, span);
        if span.is_empty() {
            return;
        }
        let sent = self.span(sent.0, sent.1);
        self.out.push(Raw {
            span,
            kind,
            who,
            cue: cue.map(|(a, b)| self.text[self.span(a, b).range()].to_string()),
            ctx: vec![
                Span::new(sent.start, span.start.max(sent.start)),
                Span::new(span.end.min(sent.end), sent.end),
            ],
            reported_by: None,
            said_on: None,
            language: None,
        });
    }

    fn push_quote(
        &mut self,
        qi: usize,
        who: Who,
        cue: Option<(usize, usize)>,
        sent: (usize, usize),
    ) {
        self.used_q[qi] = true;
        let q = self.p.quotes[qi];
        self.push(q.inner, ClaimKind::Direct, who, cue, sent);
    }

    /// A content span of tokens `a..=b`, the sentence's final stop left out; quotations in it
    /// are used up.
    fn push_clause(
        &mut self,
        a: usize,
        b: usize,
        who: Who,
        cue: (usize, usize),
        sent: (usize, usize),
    ) {
        let p = self.p;
        let mut b = b;
        while b > a
            && matches!(
                p.toks[b].kind,
                Kind::Punct('.') | Kind::Punct(',') | Kind::Punct(';') | Kind::Punct(':')
            )
            && p.toks[b].quote.is_none()
        {
            b -= 1;
        }
        // A clause that is one whole quotation is that quotation.
        if is_open(p, a)
            && let Some(qi) = p.toks[a].quote
            && p.quotes[qi as usize].close_tok >= b
        {
            self.push_quote(qi as usize, who, Some(cue), sent);
            return;
        }
        for i in a..=b {
            if let Some(qi) = p.toks[i].quote {
                self.used_q[qi as usize] = true;
            }
        }
        let kind = ClaimKind::Indirect;
        let span = self.span(a, b);
        self.push(span, kind, who, Some(cue), sent);
    }

    /// Whether the cue at `v`, inside the last claim's clause, has a subject of its own after
    /// "and", "but" or "while" (a name, a pronoun or a noun phrase); if so the last claim is cut
    /// before the conjunction.
    fn split_joined(&mut self, v: usize) -> bool {
        let p = self.p;
        let ss = p.sentence_start(v);
        // "X spoke about her plan, saying that ...": the gerund's claim is its own.
        if v > ss && p.is_punct(v - 1, ',') && self.lw(v).ends_with("ing") {
            let comma = p.toks[v - 1].s;
            if let Some(last) = self.out.last_mut()
                && last.span.start < comma
                && comma < last.span.end
            {
                let cut = trim_span(self.text, Span::new(last.span.start, comma));
                if !cut.is_empty() {
                    last.span = cut;
                    return true;
                }
            }
        }
        // "..., while other voters said ...": a noun phrase after the conjunction also counts.
        let Some(subj) = subject_before(self.text, p, v, ss)
            .filter(|s| matches!(s.kind, SubjKind::Name | SubjKind::Pronoun))
            .or_else(|| self.phrase_subject(ss, v))
        else {
            return false;
        };
        if subj.lead < 2 {
            return false;
        }
        let conj = subj.lead - 1;
        // "While Vorn said ..., she said ...": a comma after a subordinate clause also ends it.
        let after_subordinate = p.is_punct(conj, ',')
            && matches!(subj.kind, SubjKind::Name | SubjKind::Pronoun)
            && super::nested::opens_subordinate(self.text, p, ss);
        if !after_subordinate
            && !matches!(
                self.lw(conj).as_str(),
                "and" | "but" | "while" | "whereas" | "although" | "though"
            )
        {
            return false;
        }
        self.end_last_before(p.toks[conj].s, p.toks[conj - 1].e)
    }

    /// Ends the last claim before the comma at token `comma` when it runs across it.
    fn cut_last_at(&mut self, comma: usize) -> bool {
        let p = self.p;
        self.end_last_before(p.toks[comma].s, p.toks[comma.saturating_sub(1)].e)
    }

    /// Ends the last claim at byte `cut` when byte `at` falls inside it.
    fn end_last_before(&mut self, at: usize, cut: usize) -> bool {
        let Some(last) = self.out.last_mut() else {
            return false;
        };
        if !(last.span.start < at && at < last.span.end) {
            return false;
        }
        let kept = trim_span(self.text, Span::new(last.span.start, cut));
        if kept.is_empty() {
            return false;
        }
        last.span = kept;
        true
    }

    /// Skips an addressee after "told"/"warned": a pronoun, "reporters", a capitalised name.
    fn skip_object(&self, j: usize, end: usize) -> usize {
        let p = self.p;
        if j > end || !p.is_word(j) {
            return j;
        }
        let l = self.lw(j);
        // "her advisers" is a possessive with its noun; "told her that" a pronoun.
        let possessive_her = l == "her"
            && p.is_word(j + 1)
            && !matches!(
                self.lw(j + 1).as_str(),
                "that" | "to" | "on" | "in" | "the" | "a"
            );
        if !possessive_her
            && matches!(
                l.as_str(),
                "him"
                    | "her"
                    | "them"
                    | "us"
                    | "me"
                    | "you"
                    | "reporters"
                    | "journalists"
                    | "lawmakers"
                    | "supporters"
                    | "listeners"
                    | "viewers"
                    | "voters"
                    | "parliament"
                    | "congress"
            )
        {
            return j + 1;
        }
        if matches!(
            l.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
        ) {
            let mut k = j + 1;
            while k <= end
                && k < j + 6
                && p.is_word(k)
                && !matches!(
                    self.lw(k).as_str(),
                    "that" | "as" | "because" | "if" | "whether"
                )
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
    fn skip_adverbials(&self, mut j: usize, end: usize) -> usize {
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
                if super::when::said_on(nl, chrono::NaiveDate::from_ymd_opt(2000, 1, 1)).is_some() {
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
            if matches!(
                l.as_str(),
                "also"
                    | "again"
                    | "repeatedly"
                    | "publicly"
                    | "privately"
                    | "previously"
                    | "recently"
                    | "earlier"
                    | "later"
                    | "yesterday"
                    | "today"
                    | "tonight"
                    | "further"
                    | "separately"
                    | "then"
                    | "once"
            ) {
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

    /// The reporting verb at token `v`; returns the token after the content it attributed.
    fn attribute(&mut self, v: usize, class: VerbClass) -> Option<usize> {
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
        if let Some(particles) = super::lexicon::cue_particles(&lv) {
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
        let subj = match subject_before(self.text, p, v, ss) {
            Some(s) => s,
            // "X thanked Miami and said ...": the subject of the clause the verb is joined to.
            None if v > ss && matches!(self.lw(v - 1).as_str(), "and" | "but") => self
                .clause_subject(ss, v - 1)
                .or_else(|| self.joined_subject(ss, v, class))?,
            // "74 percent said", "the budget office said": a noun phrase no word list knows.
            None if !super::lexicon::NOT_PHRASE_SUBJECT_VERBS.contains(lv.as_str())
                && let Some(s) = self.phrase_subject(ss, v) =>
            {
                s
            }
            // "Vorn, who said ...", "voters who want ...": the relative pronoun's antecedent.
            None if let Some(s) = self.relative_subject(ss, v) => s,
            // "..., it said.": a document's or an organisation's words.
            None if matches!(class, VerbClass::Speech | VerbClass::Tell)
                && let Some(s) = super::nested::it_subject(self.text, p, ss, v) =>
            {
                s
            }
            // "Vorn, who calls it a “sham,” said", "Vorn however said", "Vorn has doubts but
            // has said": a subject further off.
            None if matches!(class, VerbClass::Speech | VerbClass::Tell)
                && super::nested::clause_follows(self.text, p, v)
                && let Some(s) = super::nested::relative_antecedent(self.text, p, ss, v)
                    .or_else(|| super::nested::distant_subject(self.text, p, ss, v))
                    .or_else(|| {
                        super::nested::conjoined_before(self.text, p, ss, v)
                            .and_then(|c| self.clause_subject(ss, c))
                    }) =>
            {
                s
            }
            // "..., saying ...": the subject of the sentence's main clause.
            None if lv.ends_with("ing") && v > ss && p.is_punct(v - 1, ',') => {
                main_subject(self.text, p, ss, v - 1)
                    .or_else(|| self.sentence_subject(ss, v))
                    .or_else(|| self.last_subject_in(ss, v))
                    .or_else(|| self.gerund_fallback(ss, v))?
            }
            // "Vorn defended the line by saying it was ...": the main clause's subject.
            None if lv.ends_with("ing")
                && v > ss
                && matches!(
                    self.lw(v - 1).as_str(),
                    "by" | "after" | "while" | "before" | "when"
                ) =>
            {
                main_subject(self.text, p, ss, v - 1)
                    .or_else(|| self.sentence_subject(ss, v))
                    .or_else(|| self.gerund_fallback(ss, v))?
            }
            None if class != VerbClass::Mental
                && v > ss
                && (p.is_punct(v - 1, ',') || is_close(p, v - 1))
                && let Some(s) = subject_after(self.text, p, v) =>
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
        let evidence_head = super::lexicon::EVIDENCE_NOUNS.contains(head.as_str());
        let evidence = (matches!(lv.as_str(), "shows" | "showed" | "show")
            && (matches!(subj.kind, SubjKind::Group | SubjKind::Org) || that_next))
            || (matches!(lv.as_str(), "found" | "finds" | "find") && evidence_head)
            || matches!(lv.as_str(), "declined" | "refused");
        let may_hold_view = evidence
            || that_next
            || matches!(subj.kind, SubjKind::Name | SubjKind::Pronoun)
            || (subj.kind == SubjKind::Group && super::lexicon::is_attitude_verb(&lv));
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
                        super::after_quote::comma_closed(self.text, p, k + 1).then_some(k + 1)
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
            l if super::lexicon::is_stance_verb(l)
                || super::lexicon::cue_particles(l).is_some() =>
            {
                1
            }
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
                let verb_like = (super::lexicon::PERSON_PRONOUNS.contains(l.as_str())
                    || matches!(l.as_str(), "who" | "that" | "which" | "you")
                    || (is_cap(self.text, p, k) && !w.ends_with('s'))
                    || (l.ends_with('s') && !l.ends_with("ss") && l.len() > 3))
                    && !w.ends_with("’s")
                    && !w.ends_with("'s");
                if !p.is_word(k) || !verb_like {
                    return None;
                }
            }
            let end = if super::lexicon::is_stance_verb(&lv) && !that {
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

    /// "(When) asked (by X) (on Fox News) why/about/if ..., Y said": the question is a claim,
    /// the asker's (`by X`) or no one's; it ends at the comma before the answer.
    fn asked_passive(&mut self, v: usize, ss: usize, se: usize) -> Option<usize> {
        let p = self.p;
        let mut j = v + 1;
        let mut who = Who::Nobody;
        let mut hops = 0;
        while j <= se && hops < 3 {
            hops += 1;
            let l = self.lw(j);
            if is_question_start(&l) {
                break;
            }
            if l == "by" {
                let k = self.skip_object(j + 1, se);
                if k == j + 1 {
                    return None;
                }
                who = match name_subject(self.text, p, k - 1, j + 1) {
                    Some(s) if is_cap(self.text, p, k - 1) => self.who(&s),
                    _ => Who::Subject {
                        span: self.span(j + 1, k - 1),
                        kind: SubjKind::Group,
                        name: None,
                        roles: Vec::new(),
                    },
                };
                j = k;
                continue;
            }
            if !matches!(
                l.as_str(),
                "on" | "at" | "in" | "during" | "repeatedly" | "again" | "later" | "directly"
            ) {
                return None;
            }
            // "on Fox News", "at a briefing Monday in Washington": up to the question.
            let mut k = j + 1;
            while k <= se && k < j + 10 && p.is_word(k) && !is_question_start(&self.lw(k)) {
                k += 1;
            }
            j = k;
        }
        if j > se || !is_question_start(&self.lw(j)) {
            return None;
        }
        let mut end = j + 1;
        while end < se && !(p.is_punct(end, ',') && p.toks[end].quote.is_none()) {
            end += 1;
        }
        if self.words_in(j, end) < 3 {
            return None;
        }
        self.push_clause(j, end, who, (v, v), (ss, se));
        Some(end + 1)
    }

    /// A lowercase or numeric noun phrase right before the verb at `v` that opens its clause:
    /// "two in three said", "74 percent of voters say", "the budget office said", "most of
    /// them said". A source without a name (a group).
    fn phrase_subject(&self, ss: usize, v: usize) -> Option<Subject> {
        let p = self.p;
        let mut k = v;
        while k > ss && k + 8 > v {
            let j = k - 1;
            if !p.is_word(j) || p.toks[j].quote.is_some() {
                break;
            }
            let l = self.lw(j);
            if j + 1 < v && is_clause_link(&l) {
                break;
            }
            k = j;
        }
        if k >= v {
            return None;
        }
        // The phrase opens the sentence or follows a comma, a semicolon or a conjunction.
        let opens = k == ss || !p.is_word(k - 1) || is_clause_link(&self.lw(k - 1));
        let first = self.lw(k);
        let first_word = p.word(self.text, k);
        let quantity =
            first_word.starts_with(|c: char| c.is_ascii_digit()) || is_quantifier(&first);
        if !opens || !(quantity || is_determiner(&first)) {
            return None;
        }
        // The head is a noun: not a verb of the list, not a pronoun object.
        let head = self.lw(v - 1);
        if verb_class(&head).is_some()
            || matches!(
                head.as_str(),
                "it" | "that"
                    | "this"
                    | "which"
                    | "who"
                    | "not"
                    | "never"
                    | "also"
                    | "has"
                    | "have"
                    | "had"
                    | "was"
                    | "is"
                    | "be"
                    | "will"
                    | "would"
            )
        {
            return None;
        }
        Some(Subject {
            start: k,
            end: v - 1,
            lead: k,
            kind: SubjKind::Group,
            name: None,
            roles: Vec::new(),
        })
    }

    /// The subject of a verb in a relative clause ("Vorn, who has said ...", "a poll that
    /// found ..."): the mention is the relative pronoun, the speaker its antecedent when that
    /// is a name.
    fn relative_subject(&self, ss: usize, v: usize) -> Option<Subject> {
        let p = self.p;
        let mut r = v.checked_sub(1)?;
        let mut gaps = 0;
        while r > ss && gaps < 3 && super::lexicon::SUBJECT_VERB_GAP.contains(self.lw(r).as_str()) {
            r -= 1;
            gaps += 1;
        }
        if r <= ss || !matches!(self.lw(r).as_str(), "who" | "which" | "that") {
            return None;
        }
        let mut a = r - 1;
        if p.is_punct(a, ',') && a > ss {
            a -= 1;
        }
        let named = is_cap(self.text, p, a)
            .then(|| name_subject(self.text, p, a, ss))
            .flatten()
            .filter(|s| matches!(s.kind, SubjKind::Name | SubjKind::Org) && s.name.is_some());
        Some(match named {
            Some(s) => Subject {
                start: r,
                end: r,
                lead: r,
                ..s
            },
            None => Subject {
                start: r,
                end: r,
                lead: r,
                kind: SubjKind::Group,
                name: None,
                roles: Vec::new(),
            },
        })
    }

    /// The last token of the noun phrase starting at `j`: before a comma, a quotation's end,
    /// a conjunction or a clause of time or reason ("Vorn last week", "the levy because ...").
    /// The last token before "and"/"but" and a second verb ("welcomed the news and asked about
    /// the cost": the object ends at "news"), or `se`.
    fn before_second_verb(&self, j: usize, se: usize) -> usize {
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

    fn noun_phrase_end(&self, j: usize, se: usize) -> usize {
        let p = self.p;
        let mut k = j;
        while k < se && k < j + 12 {
            let n = k + 1;
            if p.is_punct(n, ',') || p.is_punct(n, ';') || p.is_punct(n, '.') || is_close(p, n) {
                break;
            }
            if p.is_word(n)
                && (is_clause_link(&self.lw(n))
                    || matches!(
                        self.lw(n).as_str(),
                        "who"
                            | "which"
                            | "last"
                            | "saying"
                            | "despite"
                            | "though"
                            | "over"
                            | "during"
                            | "until"
                            | "earlier"
                    ))
            {
                break;
            }
            k = n;
        }
        k
    }

    /// The subject of the last attribution found in tokens `ss..v` of this sentence
    /// ("“...,” Vorn said, referring to ...").
    fn last_subject_in(&self, ss: usize, v: usize) -> Option<Subject> {
        let p = self.p;
        let (lo, hi) = (p.toks[ss].s, p.toks[v].s);
        let last = self.out.last()?;
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
    fn clause_subject(&self, ss: usize, conj: usize) -> Option<Subject> {
        let p = self.p;
        let mut c = conj;
        while c > ss {
            let l = self.lw(c - 1);
            if p.is_punct(c - 1, ',')
                || p.is_punct(c - 1, ';')
                || matches!(
                    l.as_str(),
                    "when"
                        | "while"
                        | "as"
                        | "after"
                        | "because"
                        | "before"
                        | "since"
                        | "and"
                        | "but"
                )
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
            if super::lexicon::ROLE_NOUNS.contains(l.as_str()) && self.lw(c) == "the" {
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
            .or_else(|| subject_before(self.text, p, c, ss))
    }

    /// The subject opening a sentence ("Vorn, who ..., left, saying ..."): a pronoun or a name.
    fn sentence_subject(&self, ss: usize, before: usize) -> Option<Subject> {
        let p = self.p;
        let l = self.lw(ss);
        // "He’s comparing ...": a pronoun with a contracted verb.
        let pronoun = l
            .as_str()
            .split(['’', '\''])
            .next()
            .is_some_and(|w| super::lexicon::PERSON_PRONOUNS.contains(w));
        let w = p.word(self.text, ss.min(p.toks.len().saturating_sub(1)));
        let contracted = w.split(['’', '\'']).next().is_some_and(|h| {
            super::lexicon::PERSON_PRONOUNS.contains(h.to_ascii_lowercase().as_str())
        });
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
        let s = name_subject(self.text, p, e, ss)?;
        matches!(s.kind, SubjKind::Name | SubjKind::Org).then_some(s)
    }

    /// "According to X, ..." and "..., according to X."
    fn according(&mut self, v: usize) -> Option<usize> {
        let p = self.p;
        if self.lw(v + 1) != "to" || matches!(self.lw(v + 2).as_str(), "which" | "whom" | "whose") {
            return None;
        }
        let (ss, se) = self.sentence(v);
        // "According to early results of the exit poll conducted by ... for ..., Vorn led":
        // opening its sentence, the source may be long.
        let initial = self.opens_sentence(ss, v);
        let reach = if initial { 26 } else { 14 };
        let mut e = v + 2;
        while e <= se
            && e < v + reach
            && !p.is_punct(e, ',')
            && !p.is_punct(e, ')')
            && (e != se || p.is_word(e))
            && p.toks[e].quote.is_none()
        {
            e += 1;
        }
        if e == v + 2 {
            return None;
        }
        let last = e - 1;
        let subj = if is_cap(self.text, p, last) {
            name_subject(self.text, p, last, v + 2).map(|mut s| {
                s.start = v + 2;
                s
            })
        } else {
            None
        };
        let who = match &subj {
            Some(s) => self.who(s),
            None => Who::Subject {
                span: self.span(v + 2, last),
                kind: SubjKind::Group,
                name: None,
                roles: Vec::new(),
            },
        };
        let cue = (v, v + 1);
        // "..., according to X, taking a step ...": after a clause, the claim is that clause,
        // not the words after the source.
        let after_clause = !initial && self.clause_before_according(ss, v, e, se);
        if p.is_punct(e, ',') && e < se && self.words_in(e + 1, se) >= 3 && !after_clause {
            self.push_clause(e + 1, se, who, cue, (ss, se));
            return Some(se + 1);
        }
        // "... (the real figure is lower, according to X)": the claim starts after the last
        // bracket, dash or semicolon before the cue.
        let start = (ss..v.saturating_sub(1))
            .rev()
            .find(|&k| {
                p.toks[k].quote.is_none()
                    && matches!(p.toks[k].kind, Kind::Punct('(' | ';' | '—' | '–' | ':'))
            })
            .map_or(ss, |k| k + 1);
        if v > start + 1 && p.is_punct(v - 1, ',') && self.words_in(start, v - 2) >= 3 {
            self.push_clause(start, v - 2, who, cue, (ss, se));
            return Some(se + 1);
        }
        // "..., threatening “a major lawsuit,” according to X": the comma inside the marks.
        if v > start + 1 && self.comma_quote_before(v) && self.words_in(start, v - 1) >= 3 {
            self.push_clause(start, v - 1, who, cue, (ss, se));
            return Some(se + 1);
        }
        None
    }

    /// Quotations no cue claimed: the paragraph's speaker, else, for a quotation opening the
    /// paragraph, the last speaker of the item.
    fn leftover_quotes(&mut self, first: usize) {
        let p = self.p;
        for qi in 0..p.quotes.len() {
            if self.used_q[qi] {
                continue;
            }
            let q = p.quotes[qi];
            if self.out[first..]
                .iter()
                .any(|r| r.span.start <= q.inner.start && q.inner.end <= r.span.end)
            {
                continue;
            }
            let words = self.text[q.inner.range()].split_whitespace().count();
            // "..., Rubio fired back: “...”": a quotation after a colon is what the words
            // before it introduce, however short.
            let colon = self.colon_before(q.open_tok);
            if words < 4 {
                if let Some(c) = colon {
                    self.push_colon_quote(qi, c);
                }
                continue;
            }
            // "“...,” Hannity pressed.": a subject and any verb right after the quotation.
            if let Some((s, cue)) = super::after_quote::find(self.text, p, &q) {
                let who = self.who(&s);
                let sent = (p.sentence_start(q.open_tok), p.sentence_end(cue.1));
                self.push_quote(qi, who, Some(cue), sent);
                continue;
            }
            let speaking =
                |r: &Raw| matches!(&r.who, Who::Subject { kind, .. } if *kind != SubjKind::Group);
            let before = self.out[first..]
                .iter()
                .rev()
                .find(|r| r.span.end <= q.outer.start && speaking(r));
            // "“...,” Vorn told the paper, after Brill said .... “...”": a speaker in an
            // adverbial clause of the quoted speaker's sentence does not take the quotation.
            let before =
                before.map(|r| super::nested::quoted_speaker(self.text, &self.out[first..], r));
            let after = self.out[first..]
                .iter()
                .find(|r| r.span.start >= q.outer.end && speaking(r));
            let who = match (before, after) {
                (Some(r), _) | (None, Some(r)) => r.who.clone(),
                // "Cruz continued:" ending the paragraph before.
                (None, None) if q.open_tok == 0 => {
                    super::nested::colon_intro(self.text, p.s).unwrap_or(Who::Inherit)
                }
                (None, None) if let Some(c) = colon => {
                    self.push_colon_quote(qi, c);
                    continue;
                }
                _ => continue,
            };
            let sent = (p.sentence_start(q.open_tok), p.sentence_end(q.open_tok));
            self.push_quote(qi, who, None, sent);
        }
    }
}

/// Words that open a clause, so that a subject starts right after them.
fn is_clause_link(l: &str) -> bool {
    matches!(
        l,
        "and"
            | "but"
            | "while"
            | "whereas"
            | "although"
            | "though"
            | "because"
            | "that"
            | "as"
            | "when"
            | "if"
            | "so"
            | "yet"
            | "since"
            | "after"
            | "before"
    )
}

/// Words that open a noun phrase of a count or share ("two in three", "most of them").
fn is_quantifier(l: &str) -> bool {
    matches!(
        l,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "half"
            | "most"
            | "many"
            | "some"
            | "few"
            | "several"
            | "majority"
            | "about"
            | "nearly"
            | "almost"
            | "roughly"
            | "more"
            | "fewer"
            | "only"
            | "just"
            | "all"
            | "both"
            | "other"
            | "another"
            | "two-thirds"
            | "three-quarters"
            | "one-third"
            | "one-quarter"
            | "a"
            | "an"
    )
}

/// Determiners that open a noun phrase ("the budget office", "his brother").
fn is_determiner(l: &str) -> bool {
    matches!(
        l,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "this"
            | "these"
            | "those"
            | "each"
            | "every"
    )
}

/// Whether a question reported after "asked" can start with this word.
fn is_question_start(l: &str) -> bool {
    matches!(
        l,
        "about"
            | "if"
            | "whether"
            | "what"
            | "why"
            | "how"
            | "who"
            | "whom"
            | "which"
            | "when"
            | "where"
            | "for"
    )
}

/// Whether a clause can start with this word right after a verb with no "that".
fn clause_start(l: &str, class: VerbClass) -> bool {
    if matches!(
        l,
        "to" | "for"
            | "about"
            | "with"
            | "by"
            | "of"
            | "as"
            | "into"
            | "up"
            | "down"
            | "out"
            | "off"
            | "over"
            | "so"
            | "and"
            | "or"
            | "but"
            | "in"
            | "on"
            | "at"
            | "from"
            | "if"
            | "whether"
            | "when"
            | "what"
            | "how"
            | "why"
            | "who"
            | "after"
            | "before"
            | "than"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
    ) {
        return match class {
            VerbClass::Object => matches!(l, "as" | "what" | "how" | "why" | "who"),
            VerbClass::Speech => matches!(
                l,
                "if" | "whether" | "what" | "how" | "why" | "who" | "when"
            ),
            VerbClass::Tell => matches!(l, "if" | "whether" | "what" | "how" | "why" | "to"),
            VerbClass::Mental => matches!(l, "to" | "if" | "whether"),
        };
    }
    match class {
        VerbClass::Object => true,
        VerbClass::Mental => !matches!(l, "it" | "this" | "him" | "her" | "them" | "so" | "not"),
        _ => !matches!(
            l,
            "him"
                | "her"
                | "them"
                | "me"
                | "us"
                | "so"
                | "not"
                | "nothing"
                | "something"
                | "anything"
                | "yes"
                | "no"
        ),
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

/// Trims whitespace and trailing commas from a span.
fn trim_span(text: &str, span: Span) -> Span {
    let s = span.start;
    let t = &text[span.range()];
    let lead = t.len() - t.trim_start().len();
    let t1 = t
        .trim_start()
        .trim_start_matches([',', ';', ':', '—', '–'])
        .trim_start();
    let lead = lead + (t.trim_start().len() - t1.len());
    let t2 = t1.trim_end().trim_end_matches([',', ';', ':']).trim_end();
    Span::new(s + lead, s + lead + t2.len())
}
