//! What the mentions of one item stand for: the full name a surname is short for, the last
//! person named before a pronoun, the words a relative pronoun stands for.

use super::SpeakerMention;
use super::lexicon::{
    DETERMINERS, NAME_PARTICLES, NOT_NAMES, ORG_HEADS, PLACES, ROLE_DETERMINERS, ROLE_NOUNS,
    TITLE_WORDS, UNNAMED_DETERMINERS,
};
use super::names::{is_possessive, strip_possessive, valid_name};
use super::person_or_org::{Evidence, may_be_person_or_org};
use super::raw::{Raw, Who};
use super::subject::SubjKind;
use super::tokens::{Kind, Para, lower_ascii};
use crate::vocab::Span;
use std::collections::HashMap;

/// A speaker mention as the item states it.
pub fn mention(name: String, roles: Vec<String>, span: Span) -> SpeakerMention {
    SpeakerMention {
        name,
        aliases: Vec::new(),
        roles,
        span,
    }
}

/// Who the mentions of one item stand for, read in text order: the last person and organisation
/// named, the full names the item prints, and the subject of the last cue (for a gerund's claim).
pub(crate) struct Coreference<'a> {
    text: &'a str,
    full_names: &'a FullNames<'a>,
    /// Each short form is looked up once per item.
    expanded: HashMap<String, Option<String>>,
    /// What the item's text says of a capitalised word: a name or a common word.
    evidence: Evidence<'a>,
    /// Whether each name seen may be a person's or an organisation's, asked once per item.
    verdicts: rustc_hash::FxHashMap<String, bool>,
    last_person: Option<SpeakerMention>,
    last_org: Option<SpeakerMention>,
    /// Whether an organisation was named after the last person.
    org_latest: bool,
    /// The sentence and subject of the last claim: "“...,” she said, adding, “...”" gives the
    /// gerund's claim the subject of the cue it hangs on.
    prev: Option<(usize, Who)>,
}

impl<'a> Coreference<'a> {
    pub(crate) fn new(text: &'a str, full_names: &'a FullNames<'a>) -> Coreference<'a> {
        Coreference {
            text,
            full_names,
            expanded: HashMap::new(),
            evidence: Evidence::new(text),
            verdicts: Default::default(),
            last_person: None,
            last_org: None,
            org_latest: false,
            prev: None,
        }
    }

    /// The speaker of the next claim `r` and the mention that attributes it (`source_span`):
    /// pronouns, role nouns and uncued quotations to the last named person, surnames to the
    /// full name the item prints, a relative pronoun's mention widened to its antecedent. A
    /// gerund's claim takes the subject of the cue it hangs on (`r.who` is updated).
    pub(crate) fn resolve(&mut self, r: &mut Raw) -> (Option<SpeakerMention>, Option<Span>) {
        let text = self.text;
        let sentence = r.ctx.first().map(|c| c.start);
        if r.cue.as_deref().is_some_and(|c| c.ends_with("ing"))
            && let Some((ps, pw)) = &self.prev
            && sentence == Some(*ps)
            && matches!(pw, Who::Subject { kind, .. } if *kind != SubjKind::Group)
        {
            r.who = pw.clone();
        }
        if let Some(s) = sentence
            && matches!(r.who, Who::Subject { .. })
        {
            self.prev = Some((s, r.who.clone()));
        }
        let speaker = match &r.who {
            Who::Named(m) => {
                let mut m = m.clone();
                // A transcript's turn label in capitals ("WALT:") is the surname of a person
                // the item names in full ("Vivienne Walt").
                if !m.name.contains(' ')
                    && m.name.chars().count() > 2
                    && !m.name.chars().any(char::is_lowercase)
                    && m.name.chars().any(char::is_uppercase)
                {
                    let mut cs = m.name.chars();
                    let title: String = cs
                        .next()
                        .into_iter()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect();
                    if let Some(full) = self.full_names.get(&title, &mut self.evidence) {
                        m.aliases.push(std::mem::replace(&mut m.name, full));
                    }
                }
                let m = self.person_or_org(m);
                if let Some(m) = &m {
                    self.last_person = Some(m.clone());
                    self.org_latest = false;
                }
                m
            }
            Who::Subject {
                span,
                kind,
                name,
                roles,
            } => match (kind, name) {
                (SubjKind::Name, Some(n)) => 'name: {
                    // A word glued to the name ("Added Haynes") comes off first, so that the
                    // rest may be expanded.
                    let Some(m) = self.person_or_org(mention(n.clone(), roles.clone(), *span))
                    else {
                        break 'name None;
                    };
                    let n = m.name.clone();
                    let mut m = m;
                    if !n.contains(' ') || n.starts_with(char::is_lowercase) {
                        let full = match self.expanded.get(&n) {
                            Some(f) => f.clone(),
                            None => {
                                let f = self.full_names.get(&n, &mut self.evidence);
                                self.expanded.insert(n.clone(), f.clone());
                                f
                            }
                        };
                        if let Some(f) = full.filter(|f| self.may_be(f)) {
                            m.aliases.push(n.clone());
                            m.name = f;
                        }
                    }
                    // "said Murphy, who thinks ...": a later uncued quotation inherits the
                    // name's mention, not the relative pronoun's.
                    if !is_relative(&text[span.range()]) {
                        self.last_person = Some(m.clone());
                    }
                    self.org_latest = false;
                    Some(m)
                }
                (SubjKind::Org, Some(n)) if valid_name(n) => {
                    let m = self.person_or_org(mention(n.clone(), roles.clone(), *span));
                    if let Some(m) = &m {
                        self.last_org = Some(m.clone());
                        self.org_latest = true;
                    }
                    m
                }
                // "we" is a group (the writer's outlet, the speaker's side), never the last
                // person named.
                (SubjKind::Pronoun, _) if text[span.range()].eq_ignore_ascii_case("we") => None,
                (SubjKind::Pronoun | SubjKind::Role, _) => {
                    // With no speaker named before it, "he", "she" or a role ("the retired
                    // surgeon") is taken for a capitalised name printed nearby, if it may be a
                    // person's; "I" and "we" are the writer's or a quoted speaker's, "they" a
                    // group.
                    let guess = if *kind == SubjKind::Role {
                        is_definite_role(&text[span.range()])
                    } else {
                        matches!(
                            lower_ascii(&text[span.range()], &mut [0u8; 24]),
                            "he" | "she"
                        )
                    };
                    let m = self
                        .last_person
                        .clone()
                        .or_else(|| {
                            guess
                                .then(|| last_name_before(text, span.start))
                                .flatten()
                                .filter(|m| may_be_person_or_org(&m.name))
                        })
                        .map(|mut m| {
                            m.span = *span;
                            m
                        });
                    // A quotation that follows inherits this mention ("“...,” he said. ¶ “...”").
                    if let Some(m) = &m
                        && !self.org_latest
                    {
                        self.last_person = Some(m.clone());
                    }
                    m
                }
                _ => None,
            },
            Who::Inherit if self.org_latest => self.last_org.clone(),
            Who::Inherit => self.last_person.clone().or_else(|| self.last_org.clone()),
            Who::Nobody => None,
        };
        let mut speaker = speaker.filter(|s| {
            valid_name(&s.name) && !s.name.starts_with(char::is_lowercase) && self.may_be(&s.name)
        });
        let mut source_span = match &r.who {
            Who::Subject { span, .. } => Some(*span),
            _ => speaker.as_ref().map(|s| s.span),
        };
        // "a slide show that predicted ...", "Kasich, who said ...": the pronoun stands for the
        // words before it, which the mention takes in.
        if let Some(rel) = source_span
            && is_relative(&text[rel.range()])
        {
            let wide = with_antecedent(text, rel);
            source_span = Some(wide);
            if let Some(s) = speaker.as_mut().filter(|s| s.span == rel) {
                s.span = wide;
            }
        }
        (speaker, source_span)
    }
}

impl Coreference<'_> {
    /// The mention `m` if its name may be a person's or an organisation's
    /// (`person_or_org`), with a common word that opens the sentence taken off its front
    /// ("Added Haynes" → "Haynes"); None when nothing of it is.
    fn person_or_org(&mut self, mut m: SpeakerMention) -> Option<SpeakerMention> {
        let printed = &self.text[m.span.range()];
        if printed.starts_with(&m.name) || printed.starts_with(m.name.split(' ').next()?) {
            let first = m.name.split(' ').next()?;
            if self
                .evidence
                .is_sentence_opening_common_word(first, m.span.start)
            {
                let rest = m.name[first.len()..].trim_start();
                if rest.is_empty() || !valid_name(rest) {
                    return None;
                }
                m.name = rest.to_string();
            }
        }
        self.may_be(&m.name).then_some(m)
    }

    /// `may_be_person_or_org`, asked once per name and item.
    fn may_be(&mut self, name: &str) -> bool {
        if let Some(&v) = self.verdicts.get(name) {
            return v;
        }
        let v = may_be_person_or_org(name);
        self.verdicts.insert(name.to_string(), v);
        v
    }
}

/// Whether a role mention describes someone already named, so that it may stand for a name
/// printed before it: "the retired surgeon", "the mayor of Tarn", "the President". Not a new
/// person ("a rescue official", "one aide"), nor a name of its own that the rules took for a
/// role ("the Harbor Courier", "and The Ledger", "Nick of Tarn Labs"): those name nobody printed
/// earlier, and the nearest capitalised words before them are another's (a heading, a place).
fn is_definite_role(mention: &str) -> bool {
    let mut buf = [0u8; 24];
    for w in mention.split_whitespace() {
        let l = lower_ascii(w, &mut buf);
        if UNNAMED_DETERMINERS.contains(l) {
            return false;
        }
        if ROLE_DETERMINERS.contains(l) || matches!(l, "and" | "but" | "or") {
            continue;
        }
        return w.starts_with(char::is_lowercase)
            || TITLE_WORDS.contains(l)
            || ROLE_NOUNS.contains(l);
    }
    false
}

/// A relative pronoun standing as the attributing mention ("Vorn, who said ...").
pub(crate) fn is_relative(mention: &str) -> bool {
    ["who", "which", "that"]
        .iter()
        .any(|r| mention.eq_ignore_ascii_case(r))
}

/// The last person's name printed before `at` (two or three capitalised words, no titles): who a
/// pronoun stands for when no named speaker came before it.
pub fn last_name_before(text: &str, at: usize) -> Option<SpeakerMention> {
    let mut from = at.saturating_sub(4000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..at];
    // Byte spans in `window`: the words of the current run, and the last run that made a name
    // in running prose.
    let mut best: Option<Span> = None;
    let mut run: Vec<Span> = Vec::new();
    let flush = |run: &mut Vec<Span>, best: &mut Option<Span>| {
        if (2..=3).contains(&run.len()) {
            let s = Span::new(run[0].start, run[run.len() - 1].end);
            if !in_heading(text, from + s.start) {
                *best = Some(s);
            }
        }
        run.clear();
    };
    let mut pos = 0;
    // Words end at spaces and line breaks; a line's last word ends its run, so that a name
    // opening a paragraph is found and is not run on from the line above.
    for w in window.split([' ', '\n']) {
        let s = pos;
        pos += w.len() + 1;
        let line_end = window.as_bytes().get(s + w.len()) == Some(&b'\n');
        let clean = w.trim_end_matches(['.', ',', ';', ':', '’', '\'', '\r']);
        let ends_clause = clean.len() != w.len() || line_end;
        let mut buf = [0u8; 24];
        let l = lower_ascii(strip_possessive(clean), &mut buf);
        let ok = clean.chars().next().is_some_and(char::is_uppercase)
            && clean
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '’' || c == '\'')
            && !TITLE_WORDS.contains(l)
            && !NOT_NAMES.contains(l)
            && !ORG_HEADS.contains(l);
        if ok {
            run.push(Span::new(s, s + strip_possessive(clean).len()));
            if ends_clause || is_possessive(clean) {
                flush(&mut run, &mut best);
            }
        } else {
            flush(&mut run, &mut best);
        }
    }
    flush(&mut run, &mut best);
    let best = best?;
    let name = window[best.range()].to_string();
    valid_name(&name).then(|| {
        let span = Span::new(from + best.start, from + best.end);
        mention(name, Vec::new(), span)
    })
}

/// Whether the line holding byte `at` of `text` is a heading: three words or more, each
/// capitalised but for short joining words ("Mayor Briefed On Bridge Closure In Tarn"). Its
/// capitalised runs are a title's words, not a person named in running prose.
fn in_heading(text: &str, at: usize) -> bool {
    // A heading is a short line: a longer one is prose, and looking no further keeps this
    // bounded on a text that is one long line (each guess would otherwise scan all of it).
    const LONGEST: usize = 400;
    let bytes = text.as_bytes();
    let lo = at.saturating_sub(LONGEST);
    let start = match bytes[lo..at].iter().rposition(|&b| b == b'\n') {
        Some(i) => lo + i + 1,
        None if lo == 0 => 0,
        None => return false,
    };
    let hi = (at + LONGEST).min(text.len());
    let end = match bytes[at..hi].iter().position(|&b| b == b'\n') {
        Some(i) => at + i,
        None if hi == text.len() => hi,
        None => return false,
    };
    let mut words = 0;
    for w in text[start..end].split_whitespace() {
        let Some(c) = w.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        words += 1;
        if c.is_lowercase()
            && !matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "a" | "an"
                    | "the"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "for"
                    | "and"
                    | "or"
                    | "by"
                    | "with"
                    | "from"
                    | "as"
                    | "vs"
            )
        {
            return false;
        }
    }
    words >= 3
}

/// The full names an item prints, by the shorter forms that stand for them ("Nebenzia" and
/// "von der Muhll" → "Vasily Nebenzia", "Agnes von der Muhll"): the runs of name-like words of
/// the text, gathered in one pass when a claim's speaker first needs them.
#[derive(Debug, Default)]
pub struct FullNames<'t> {
    words: Vec<&'t str>,
    /// Ranges of `words`, each a run of two or more name-like words.
    runs: Vec<(usize, usize)>,
}

impl<'t> FullNames<'t> {
    /// Adds the runs of name-like words of a tokenised paragraph.
    pub fn add_para(&mut self, text: &'t str, p: &Para) {
        let mut start = self.words.len();
        for i in 0..=p.toks.len() {
            let mut keep = false;
            if i < p.toks.len() && p.toks[i].kind == Kind::Word && p.toks[i].quote.is_none() {
                let w = &text[p.toks[i].s..p.toks[i].e];
                let first = w.as_bytes()[0];
                let cap = if first < 0x80 {
                    first.is_ascii_uppercase()
                } else {
                    w.starts_with(char::is_uppercase)
                };
                if cap || (w.len() <= 5 && self.words.len() > start) {
                    let clean = strip_possessive(w);
                    let mut buf = [0u8; 24];
                    let l = lower_ascii(clean, &mut buf);
                    keep = (cap || NAME_PARTICLES.contains(l))
                        && !TITLE_WORDS.contains(l)
                        && !NOT_NAMES.contains(l)
                        && clean.len() == w.len()
                        && clean.chars().all(|c| c.is_alphabetic() || c == '-');
                }
            }
            if keep {
                self.words.push(&text[p.toks[i].s..p.toks[i].e]);
                continue;
            }
            if self.words.len() - start >= 2 {
                self.runs.push((start, self.words.len()));
            } else {
                self.words.truncate(start);
            }
            start = self.words.len();
        }
    }

    /// The longest full name printed with `short` as its last words: up to two words before
    /// it, the first capitalised. Not words of something else run into the name: capitals of
    /// a headline ("ELON VORN Tarnex"), the end of a longer run ("United Nations Ilka Vorn"
    /// gives "Ilka Vorn"), a common word that opens the sentence ("Current Tarnex"), a
    /// nationality or a place ("Nigerian Prince", "in Nice Tony Molina").
    pub fn get(&self, short: &str, evidence: &mut Evidence<'_>) -> Option<String> {
        let sw: Vec<&str> = short.split(' ').collect();
        let short_caps = sw.iter().all(|w| !w.chars().any(char::is_lowercase));
        let mut best: Option<String> = None;
        for &(a, b) in &self.runs {
            let run = &self.words[a..b];
            for j in 0..run.len() {
                if run.len() - j < sw.len() || run[j..j + sw.len()] != sw[..] {
                    continue;
                }
                // Two words only where the run starts with them ("Juan Carlos Varela").
                let mut from = if j >= 3 { j - 1 } else { j.saturating_sub(2) };
                while from < j
                    && (!run[from].starts_with(char::is_uppercase)
                        || (!short_caps
                            && run[from].len() > 1
                            && !run[from].chars().any(char::is_lowercase))
                        || is_demonym(run[from])
                        || PLACES.contains(run[from].to_lowercase().as_str())
                        || evidence.is_sentence_opening_common_word(
                            run[from],
                            evidence.offset_of(run[from]),
                        ))
                {
                    from += 1;
                }
                if from == j {
                    continue;
                }
                let full = run[from..j + sw.len()].join(" ");
                if best.as_ref().is_none_or(|b| full.len() > b.len()) {
                    best = Some(full);
                }
            }
        }
        best
    }
}

/// A nationality before a name ("Nigerian", "Borealian" for a place list that knows it): the
/// name of a place the lexicon knows with "n" or "an" after it.
fn is_demonym(w: &str) -> bool {
    let l = w.to_lowercase();
    ["n", "an", "ian"].iter().any(|end| {
        l.strip_suffix(end).is_some_and(|stem| {
            stem.len() > 2
                && (PLACES.contains(stem) || PLACES.contains(format!("{stem}a").as_str()))
        })
    })
}

/// A relative pronoun's mention (`rel`) widened to the words it stands for: the word before it
/// (past a comma), and the capitalised words of a name before that ("Gov. John Kasich, who").
pub(crate) fn with_antecedent(text: &str, rel: Span) -> Span {
    let before = text[..rel.start].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    let word_start = |s: &str| {
        s.char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-'))
            .last()
            .map(|(i, _)| i)
    };
    let Some(mut start) = word_start(before) else {
        return rel;
    };
    // A name runs back over capitalised words, a space apart (four at the most).
    for _ in 0..3 {
        if !before[start..].starts_with(char::is_uppercase) {
            break;
        }
        let head = &before[..start];
        let Some(prev) = head.strip_suffix(' ') else {
            break;
        };
        match word_start(prev) {
            Some(i) if prev[i..].starts_with(char::is_uppercase) => start = i,
            _ => break,
        }
    }
    if before[start..].is_empty() {
        return rel;
    }
    // A common noun runs back to its determiner ("the harbour board, which"), when one is near.
    if !before[start..].starts_with(char::is_uppercase) {
        let mut k = start;
        for _ in 0..3 {
            let Some(prev) = before[..k].strip_suffix(' ') else {
                break;
            };
            let Some(i) = word_start(prev) else {
                break;
            };
            if DETERMINERS
                .iter()
                .any(|d| prev[i..].eq_ignore_ascii_case(d))
            {
                start = i;
                break;
            }
            k = i;
        }
    }
    Span::new(start, rel.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::ClaimKind;

    fn full_names(text: &str) -> FullNames<'_> {
        let mut names = FullNames::default();
        names.add_para(text, &Para::new(text, 0, text.len()));
        names
    }

    /// The subject `mention`, as printed at its first place in `text`.
    fn subject(text: &str, mention: &str, kind: SubjKind, name: Option<&str>) -> Who {
        let s = text.find(mention).unwrap();
        Who::Subject {
            span: Span::new(s, s + mention.len()),
            kind,
            name: name.map(Into::into),
            roles: Vec::new(),
        }
    }

    /// A claim of `who` in the sentence starting at byte `sentence`.
    fn raw(who: Who, cue: &str, sentence: usize) -> Raw {
        Raw {
            span: Span::new(sentence, sentence),
            kind: ClaimKind::Direct,
            who,
            cue: Some(cue.into()),
            ctx: vec![Span::new(sentence, sentence)],
            reported_by: None,
            said_on: None,
            language: None,
        }
    }

    /// Each claim's speaker name and attributing mention as printed.
    fn resolved(text: &str, raws: Vec<Raw>) -> Vec<(Option<String>, Option<&str>)> {
        let names = full_names(text);
        let mut people = Coreference::new(text, &names);
        raws.into_iter()
            .map(|mut r| {
                let (speaker, mention) = people.resolve(&mut r);
                (speaker.map(|s| s.name), mention.map(|m| &text[m.range()]))
            })
            .collect()
    }

    #[test]
    fn pronouns_and_uncued_quotations_stand_for_the_last_person_an_organisation_after_it() {
        let t = "Ilka Vorn spoke. She left. “It is done.” The Tarn ministry replied. “No.”";
        let got = resolved(
            t,
            vec![
                raw(
                    subject(t, "Ilka Vorn", SubjKind::Name, Some("Ilka Vorn")),
                    "spoke",
                    0,
                ),
                raw(subject(t, "She", SubjKind::Pronoun, None), "left", 17),
                raw(Who::Inherit, "", 27),
                raw(
                    subject(t, "The Tarn ministry", SubjKind::Org, Some("Tarn ministry")),
                    "replied",
                    45,
                ),
                raw(Who::Inherit, "", 69),
            ],
        );
        let vorn = Some("Ilka Vorn".to_string());
        assert_eq!(
            got,
            vec![
                (vorn.clone(), Some("Ilka Vorn")),
                (vorn.clone(), Some("She")),
                (vorn, Some("She")),
                (Some("Tarn ministry".into()), Some("The Tarn ministry")),
                (Some("Tarn ministry".into()), Some("The Tarn ministry")),
            ]
        );
    }

    #[test]
    fn a_surname_is_the_full_name_the_item_prints() {
        let t = "Vasily Nebenko arrived in the morning. Nebenko said it was late.";
        let names = full_names(t);
        let mut ev = Evidence::new(t);
        assert_eq!(
            names.get("Nebenko", &mut ev).as_deref(),
            Some("Vasily Nebenko")
        );
        assert_eq!(names.get("Brill", &mut ev), None);
        let mut people = Coreference::new(t, &names);
        let mut r = raw(
            subject(t, "Nebenko said", SubjKind::Name, Some("Nebenko")),
            "said",
            39,
        );
        let (speaker, _) = people.resolve(&mut r);
        let speaker = speaker.unwrap();
        assert_eq!(speaker.name, "Vasily Nebenko");
        assert_eq!(speaker.aliases, vec!["Nebenko".to_string()]);
        let t = "Agnes von der Muhll and the board met.";
        assert_eq!(
            full_names(t)
                .get("von der Muhll", &mut Evidence::new(t))
                .as_deref(),
            Some("Agnes von der Muhll")
        );
    }

    #[test]
    fn a_gerund_takes_the_subject_of_the_cue_it_hangs_on() {
        let t = "“It is done,” Vorn said, adding: “We are sure.”";
        let got = resolved(
            t,
            vec![
                raw(subject(t, "Vorn", SubjKind::Name, Some("Vorn")), "said", 0),
                raw(Who::Nobody, "adding", 0),
            ],
        );
        assert_eq!(got[1], (Some("Vorn".into()), Some("Vorn")));
    }

    #[test]
    fn a_relative_pronoun_takes_in_its_antecedent() {
        let t = "“It is done,” said Gov. Jon Vasko, who spoke first.";
        let got = resolved(
            t,
            vec![raw(
                subject(t, "who", SubjKind::Name, Some("Jon Vasko")),
                "said",
                0,
            )],
        );
        assert_eq!(
            got,
            vec![(Some("Jon Vasko".into()), Some("Gov. Jon Vasko, who"))]
        );
        let t = "It was the harbour board, which said no.";
        let which = t.find("which").unwrap();
        let wide = with_antecedent(t, Span::new(which, which + 5));
        assert_eq!(&t[wide.range()], "the harbour board, which");
        assert!(is_relative("Who") && !is_relative("whom"));
    }

    #[test]
    fn the_last_name_printed_before_a_pronoun() {
        let t = "Minister Ilka Vorn arrived in Tarn. Then she spoke.";
        let m = last_name_before(t, t.find("she").unwrap()).unwrap();
        assert_eq!(m.name, "Ilka Vorn");
        assert_eq!(&t[m.span.range()], "Ilka Vorn");
        assert!(last_name_before("the tunnel is late; she spoke", 20).is_none());
    }
}
