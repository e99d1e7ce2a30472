//! Speaker mentions: the subject of a reporting verb (a name with its titles, a pronoun, a role
//! noun, an organisation), how it is cleaned into a name and roles, and how the forms of one
//! name are made one speaker within and across items.

use super::lexicon::{
    GROUP_NOUNS, NAME_PARTICLES, NOT_NAMES, ORG_HEADS, PERSON_PRONOUNS, ROLE_NOUNS,
    SUBJECT_VERB_GAP, TITLE_WORDS,
};
use super::tokens::{Kind, Para, lower_ascii};
use super::{ClaimMention, SpeakerMention};
use crate::vocab::Span;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// A set of short lowercase words, hashed with the word lists' FNV (looked up once per cue).
type WordSet =
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<super::lexicon::Fnv>>;

/// Titles printed abbreviated with a period before a name ("Mr. Domenech", "Sen. Vorn").
static TITLE_ABBREVIATIONS: LazyLock<WordSet> = LazyLock::new(|| {
    "mr mrs ms messrs dr prof gen lt col capt sgt sen rep gov adm brig rev maj cmdr supt \
         atty insp"
        .split_whitespace()
        .collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjKind {
    /// A person's name, with any titles.
    Name,
    /// A capitalised organisation ("France's Foreign Ministry").
    Org,
    /// he, she, they: the last named person.
    Pronoun,
    /// the minister, the diplomat: the last named person.
    Role,
    /// officials, the report: a source without a name.
    Group,
}

/// A subject found next to a reporting verb: tokens `start..=end` of its paragraph.
#[derive(Debug, Clone)]
pub struct Subject {
    pub start: usize,
    pub end: usize,
    /// The leftmost token of the subject with its appositive ("X, the head of ..., said").
    pub lead: usize,
    pub kind: SubjKind,
    pub name: Option<String>,
    pub roles: Vec<String>,
}

impl Subject {
    /// An organisation that speaks ("France's Foreign Ministry", "O'Malley's campaign"),
    /// tokens `start..=end`.
    fn org(start: usize, end: usize, name: String) -> Subject {
        Subject {
            start,
            end,
            lead: start,
            kind: SubjKind::Org,
            name: Some(name),
            roles: Vec::new(),
        }
    }
}

pub fn is_cap(text: &str, p: &Para, i: usize) -> bool {
    p.is_word(i)
        && text[p.toks[i].s..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

fn lower<'b>(text: &'b str, p: &Para, i: usize, buf: &'b mut [u8; 24]) -> &'b str {
    lower_ascii(p.word(text, i), buf)
}

/// Strips a possessive ending ("Russia’s" → "Russia").
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
}

/// The subject of the verb at token `v`, looking left past auxiliaries and adverbs.
pub fn subject_before(text: &str, p: &Para, v: usize, floor: usize) -> Option<Subject> {
    let mut buf = [0u8; 24];
    let mut k = v.checked_sub(1)?;
    // "Sanders was told", "she is expected to": the subject of a passive is not the speaker.
    let mut b = k;
    while b > floor
        && p.is_word(b)
        && matches!(
            lower(text, p, b, &mut buf),
            "not" | "never" | "also" | "widely" | "once" | "often" | "long" | "still" | "now"
        )
    {
        b -= 1;
    }
    if p.is_word(b)
        && matches!(
            lower(text, p, b, &mut buf),
            "is" | "was" | "were" | "are" | "be" | "been" | "being" | "isn't" | "wasn't"
        )
        && !lower(text, p, v, &mut buf).ends_with("ing")
    {
        return None;
    }
    let mut gaps = 0;
    // A capitalised gap word inside a sentence is a name ("Instead, Will called ...").
    while k > floor
        && p.is_word(k)
        && SUBJECT_VERB_GAP.contains(lower(text, p, k, &mut buf))
        && (!is_cap(text, p, k) || lower(text, p, k, &mut buf).ends_with("day"))
    {
        k -= 1;
        gaps += 1;
        if gaps > 3 {
            return None;
        }
    }
    // "..., saying": the gerund hangs on the main clause, whose subject opens it.
    if p.is_punct(k, ',')
        && k + 1 == v
        && lower(text, p, v, &mut buf).ends_with("ing")
        && let Some(s) = main_subject(text, p, floor, k)
    {
        return Some(s);
    }
    // "Roger Wick (R-Miss.) said": a party tag between the name and its verb is part of the
    // mention.
    let mut tag_end = None;
    if k > floor && p.is_punct(k, ')') {
        let open = (k.saturating_sub(8).max(floor)..k)
            .rev()
            .take_while(|&i| !p.is_punct(i, ')') && p.toks[i].quote.is_none())
            .find(|&i| p.is_punct(i, '('));
        if let Some(o) = open
            && o > floor
        {
            tag_end = Some(k);
            k = o - 1;
        }
    }
    let mut s = subject_at(text, p, k, floor)?;
    if let Some(e) = tag_end {
        s.end = e;
    }
    // "she released a statement saying ...": what a statement says, its author says.
    if matches!(s.kind, SubjKind::Group | SubjKind::Role)
        && lower(text, p, v, &mut buf).ends_with("ing")
        && STATEMENT_NOUNS.contains(lower(text, p, s.end, &mut buf))
        && s.start > floor
        && let Some(m) = main_subject(text, p, floor, s.start)
    {
        return Some(m);
    }
    if s.kind != SubjKind::Pronoun && s.lead == s.start {
        extend_to_boundary(text, p, &mut s, floor);
    }
    Some(s)
}

/// Things that carry words, whose author is the subject of the clause that sent them.
static STATEMENT_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    "statement statements email emails letter letters message messages tweet tweets post posts \
     video ad ads release note memo op-ed column speech remarks"
        .split_whitespace()
        .collect()
});

/// Lowercase words that never sit in the words describing a speaker before the name.
static NOT_DESCRIPTORS: LazyLock<WordSet> = LazyLock::new(|| {
    "and or but nor so yet if when while as because although though since until unless whether \
     that which who whom whose what where why how in on at by for with from to into onto of \
     about over under after before during between against without within through than then \
     there here it its this these those he she they we i you him them us me my our your their \
     his her not no also only just even is was are were be been being has have had do does did \
     will would can could may might must should shall said says say"
        .split_whitespace()
        .collect()
});

/// "“...,” senior adviser Paul Marten conceded": the words describing the speaker before the
/// name belong to the mention when they reach back to a quotation, a comma or the sentence's
/// start, so that the mention's lead meets the quotation or clause it attributes.
fn extend_to_boundary(text: &str, p: &Para, s: &mut Subject, floor: usize) {
    let mut buf = [0u8; 24];
    let mut j = s.start;
    let mut steps = 0;
    loop {
        if j <= floor {
            break;
        }
        let i = j - 1;
        if is_close(p, i) || p.is_punct(i, ',') {
            break;
        }
        if !p.is_word(i) || p.toks[i].quote.is_some() || steps >= 6 {
            return;
        }
        let l = lower(text, p, i, &mut buf);
        if matches!(l, "the" | "a" | "an") {
            j = i;
            // "experts at the Ridge Institute": a determiner inside the description.
            if l == "the"
                && i > floor
                && p.is_word(i - 1)
                && matches!(lower(text, p, i - 1, &mut buf), "of" | "at" | "for")
            {
                steps += 1;
                continue;
            }
            if i > floor && !(is_close(p, i - 1) || p.is_punct(i - 1, ',')) {
                return;
            }
            break;
        }
        let joins = matches!(l, "of" | "and" | "for" | "at")
            && (is_cap(text, p, i + 1)
                || (p.is_word(i + 1) && lower(text, p, i + 1, &mut [0u8; 24]) == "the"));
        if !joins
            && (NOT_DESCRIPTORS.contains(l)
                || SUBJECT_VERB_GAP.contains(l)
                || super::lexicon::verb_class(l).is_some()
                || (l.is_empty() && !is_cap(text, p, i)))
        {
            return;
        }
        j = i;
        steps += 1;
    }
    if j < s.start {
        s.start = j;
        s.lead = j;
    }
}

/// The subject whose last word is token `k`.
fn subject_at(text: &str, p: &Para, k: usize, floor: usize) -> Option<Subject> {
    let mut buf = [0u8; 24];
    if k < floor || p.toks[k].quote.is_some() {
        return None;
    }
    if p.is_punct(k, ',') {
        return appositive_subject(text, p, k, floor);
    }
    if !p.is_word(k) {
        return None;
    }
    let lw = lower(text, p, k, &mut buf).to_string();
    // "Thomas Perez, who said ...": the relative pronoun is the mention, the name before it
    // the speaker.
    if lw == "who" && k > floor + 1 && p.is_punct(k - 1, ',') {
        let (kind, name, roles) = match subject_at(text, p, k - 2, floor) {
            Some(s) if s.kind == SubjKind::Name => (SubjKind::Name, s.name, s.roles),
            Some(s) if s.kind == SubjKind::Role => (SubjKind::Role, None, Vec::new()),
            _ => (SubjKind::Group, None, Vec::new()),
        };
        return Some(Subject {
            start: k,
            end: k,
            lead: k,
            kind,
            name,
            roles,
        });
    }
    if PERSON_PRONOUNS.contains(lw.as_str()) {
        let kind = SubjKind::Pronoun;
        return Some(Subject {
            start: k,
            end: k,
            lead: k,
            kind,
            name: None,
            roles: Vec::new(),
        });
    }
    // "Lobbyists said": a group noun capitalised only because it opens the sentence.
    if is_cap(text, p, k) && k == floor && is_group_noun(&lw) {
        return Some(Subject {
            start: k,
            end: k,
            lead: k,
            kind: SubjKind::Group,
            name: None,
            roles: Vec::new(),
        });
    }
    if is_cap(text, p, k) {
        return name_subject(text, p, k, floor);
    }
    // A lowercase head noun: a role ("the minister"), an organisation by possessive
    // ("O’Malley’s campaign"), or a group ("officials").
    let mut start = k;
    let mut steps = 0;
    while start > floor && steps < 4 {
        let j = start - 1;
        if !p.is_word(j) || p.toks[j].quote.is_some() {
            break;
        }
        let w = p.word(text, j);
        let lj = lower(text, p, j, &mut buf);
        if matches!(
            lj,
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that"
        ) {
            start = j;
            break;
        }
        if is_cap(text, p, j) && is_possessive(w) {
            // "O’Malley’s campaign": the capitalised owner and its head noun.
            start = j;
            while start > floor && is_cap(text, p, start - 1) {
                start -= 1;
            }
            let name = text[p.toks[start].s..p.toks[k].e].to_string();
            return Some(Subject::org(start, k, name));
        }
        if SUBJECT_VERB_GAP.contains(lj) || super::lexicon::verb_class(lj).is_some() {
            break;
        }
        start = j;
        steps += 1;
    }
    let indefinite = p.is_word(start) && matches!(lower(text, p, start, &mut buf), "a" | "an");
    let kind = if ROLE_NOUNS.contains(lw.as_str()) && !indefinite {
        SubjKind::Role
    } else if is_group_noun(&lw) || ROLE_NOUNS.contains(lw.as_str()) {
        SubjKind::Group
    } else {
        after_quote_noun(text, p, start, k)?
    };
    // "the Trump campaign", "a new Gallup poll": a capitalised owner makes the group an
    // organisation that speaks.
    if kind == SubjKind::Group
        && (GROUP_NOUNS.contains(lw.as_str()) || ORG_HEADS.contains(lw.as_str()))
        && let Some(first_cap) = owner_before(text, p, start, k)
    {
        let name = text[p.toks[first_cap].s..p.toks[k].e].to_string();
        if valid_name(&name) {
            return Some(Subject::org(start, k, name));
        }
    }
    Some(Subject {
        start,
        end: k,
        lead: start,
        kind,
        name: None,
        roles: Vec::new(),
    })
}

/// "“...,” the retired surgeon said", "“...,” said one former staffer": a noun phrase right
/// after a quotation is its speaker whatever the noun; with "the" or a possessive it is the
/// person named before (a role), else an unnamed source (a group).
fn after_quote_noun(text: &str, p: &Para, start: usize, k: usize) -> Option<SubjKind> {
    let mut buf = [0u8; 24];
    let det = lower(text, p, start, &mut buf).to_string();
    if start == k || !p.is_word(k) || !text[p.toks[k].s..p.toks[k].e].is_ascii() {
        return None;
    }
    if NOT_DESCRIPTORS.contains(lower(text, p, k, &mut buf)) {
        return None;
    }
    let before_quote = start > 0
        && (is_close(p, start - 1)
            || (p.is_punct(start - 1, ',') && start > 1 && is_close(p, start - 2)));
    if !before_quote {
        return None;
    }
    determiner_kind(&det)
}

/// "the surgeon" stands for the person named before; "a surgeon" for nobody named.
fn determiner_kind(det: &str) -> Option<SubjKind> {
    match det {
        "the" | "his" | "her" | "their" | "its" => Some(SubjKind::Role),
        "a" | "an" | "one" | "another" => Some(SubjKind::Group),
        _ => None,
    }
}

/// The capitalised owner right before a group's head noun ("the Trump campaign", "a new
/// Washington Post-ABC News poll"): the first token of the capitalised run ending at `k - 1`.
fn owner_before(text: &str, p: &Para, start: usize, k: usize) -> Option<usize> {
    let mut buf = [0u8; 24];
    // Up to two lowercase modifiers between owner and head ("the Valorian transport
    // ministry"), none a verb or function word ("Trump tweaked his campaign").
    let mut end = k;
    while end > start + 1 && end + 2 > k && p.is_word(end - 1) && !is_cap(text, p, end - 1) {
        let l = lower(text, p, end - 1, &mut buf);
        if l.is_empty()
            || l.ends_with("ed")
            || NOT_DESCRIPTORS.contains(l)
            || SUBJECT_VERB_GAP.contains(l)
            || super::lexicon::verb_class(l).is_some()
        {
            return None;
        }
        end -= 1;
    }
    let mut i = end;
    while i > start && is_cap(text, p, i - 1) {
        i -= 1;
    }
    while i < end && NOT_NAMES.contains(lower(text, p, i, &mut buf)) {
        i += 1;
    }
    (i < end).then_some(i)
}

/// Plural and collective nouns that stand for a source without a name ("officials said",
/// "campaign finance records show"), and plurals of role nouns ("senators", "spokesmen").
static GROUP_SUBJECTS: LazyLock<WordSet> = LazyLock::new(|| {
    "officials analysts critics supporters investors experts economists observers reporters \
     journalists people sources witnesses residents authorities investigators police \
     prosecutors democrats republicans conservatives liberals progressives independents \
     opponents leaders diplomats lawmakers legislators voters polls surveys studies reports \
     documents records data figures statistics estimates projections filings findings \
     polling numbers results forecasts models emails memos letters transcripts aides advisers \
     advisors officers scientists researchers scholars doctors physicians nurses teachers \
     students parents workers employees members delegates activists protesters demonstrators \
     organizers organisers advocates allies rivals donors strategists pollsters consultants \
     insiders staffers executives historians commentators pundits citizens americans \
     customers consumers families victims survivors veterans soldiers troops farmers \
     businesses groups companies firms banks unions courts judges justices jurors lawyers \
     attorneys majorities respondents participants attendees audience crowd crowds fans \
     friends relatives colleagues neighbors neighbours others administrators regulators \
     economists spokespeople spokesmen spokeswomen congressmen chairmen businessmen \
     defenders opponents backers detractors skeptics sceptics proponents parties nations \
     countries campaigns networks outlets governments agencies ministries"
        .split_whitespace()
        .collect()
});

/// Whether a lowercase head noun names a group that speaks: the curated lists, or the plural of
/// a role noun ("ministers", "attorneys").
fn is_group_noun(lw: &str) -> bool {
    GROUP_NOUNS.contains(lw)
        || GROUP_SUBJECTS.contains(lw)
        || lw
            .strip_suffix('s')
            .is_some_and(|st| ROLE_NOUNS.contains(st) && st != "statement")
        // People by what they do: "lobbyists", "insurers", "politicians", "operatives".
        || (lw.len() >= 6
            && ["ists", "ers", "ors", "ians", "ants", "ents", "ives", "ates", "eurs"]
                .iter()
                .any(|suf| lw.ends_with(suf)))
}

/// "X, the head of ..., said" / "the head of ..., X, said": the subject before a comma.
fn appositive_subject(text: &str, p: &Para, comma: usize, floor: usize) -> Option<Subject> {
    // The comma-separated segments before the verb, nearest first: token ranges.
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut end = comma;
    let mut j = comma;
    let mut n = 0;
    // Where the earliest segment starts: the sentence's start or a quotation's end.
    let mut opened = false;
    while segs.len() < 5 {
        if j == floor {
            opened = true;
            break;
        }
        j -= 1;
        n += 1;
        if p.toks[j].quote.is_some() {
            opened = is_close(p, j);
            j += 1;
            break;
        }
        if n > 40 || p.sent_end[j] {
            break;
        }
        if p.is_punct(j, ',') {
            if j + 1 < end {
                segs.push((j + 1, end - 1));
            }
            end = j;
        }
    }
    if opened && j < end && segs.len() < 5 {
        segs.push((j, end - 1));
    }
    if segs.is_empty() {
        return None;
    }
    // "Clinton, during a town hall in Columbus, Ohio, said", "the head of the mission,
    // Vasily Nebenzia, said": the earliest segment that is a whole name is the speaker.
    if let Some((idx, mut s)) = segs
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, &(a, b))| whole_name(text, p, a, b).map(|s| (i, s)))
    {
        if idx > 0 {
            let (ra, rb) = segs[idx - 1];
            push_appositive_role(text, p, &mut s, ra, rb);
        }
        return Some(s);
    }
    // "X, 45, the head of ..., said": the name before the first comma.
    let (seg_start, seg_end) = segs[0];
    let before = seg_start.checked_sub(2)?;
    if before >= floor && is_cap(text, p, before) {
        let mut s = name_subject(text, p, before, floor)?;
        push_appositive_role(text, p, &mut s, seg_start, seg_end);
        return Some(s);
    }
    None
}

/// The subject of the main clause a gerund cue hangs on ("At a rally in Ames, Iowa, Mrs. Vorn
/// spoke on schools, saying ..."; "PARIS (Wire) - the party's leader, Ilka Vorn, voiced support,
/// saying ..."): `comma` is the comma before the gerund. The clause is the last comma-separated
/// segment of the sentence, after any dateline; a segment opening with a lowercase word that is
/// no determiner is a predicate whose subject is the name in the segment before it.
pub fn main_subject(text: &str, p: &Para, ss: usize, comma: usize) -> Option<Subject> {
    let mut from = ss;
    // A dateline: "PARIS, Aug 31 (Wire) -", "WASHINGTON —".
    let dash = (ss..comma.min(ss + 10)).find(|&i| {
        matches!(p.toks[i].kind, super::tokens::Kind::Punct('—' | '–' | '-'))
            && p.toks[i].quote.is_none()
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
                || super::lexicon::verb_class(w).is_some()
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

/// A person's name that fills tokens `a..=b` ("Sen. Ilka Vorn (D-Ohio)"), not opened by a word
/// that starts an adverbial ("In Washington").
fn whole_name(text: &str, p: &Para, a: usize, b: usize) -> Option<Subject> {
    let mut e = b;
    if p.is_punct(e, ')')
        && let Some(o) = (a..e).rev().find(|&i| p.is_punct(i, '('))
        && o > a
    {
        e = o - 1;
    }
    if !is_cap(text, p, e) {
        return None;
    }
    let first = lower(text, p, a, &mut [0u8; 24]).to_string();
    if NOT_DESCRIPTORS.contains(first.as_str())
        || matches!(
            first.as_str(),
            "meanwhile" | "however" | "still" | "now" | "today" | "yesterday" | "earlier" | "later"
        )
    {
        return None;
    }
    let mut s = name_subject(text, p, e, a)?;
    if s.start != a || s.kind != SubjKind::Name {
        return None;
    }
    s.lead = s.start;
    s.end = b;
    Some(s)
}

/// The appositive after a name ("Sergey Lavrov, Russia's foreign minister, said") as a role.
fn push_appositive_role(text: &str, p: &Para, s: &mut Subject, a: usize, b: usize) {
    let first = lower(text, p, a, &mut [0u8; 24]).to_string();
    if NOT_DESCRIPTORS.contains(first.as_str()) {
        return;
    }
    let role = text[p.toks[a].s..p.toks[b].e].trim();
    let role = role
        .strip_prefix("the ")
        .or_else(|| role.strip_prefix("a "))
        .unwrap_or(role);
    if !role.is_empty() && !role.chars().all(|c| c.is_ascii_digit()) && role.len() < 120 {
        s.roles.push(role.to_string());
    }
}

/// Whether token `i` is the period of an abbreviated title ("Mr.", "Sen.", "Gen.").
fn is_title_dot(text: &str, p: &Para, i: usize) -> bool {
    i > 0
        && p.is_punct(i, '.')
        && p.toks[i - 1].e == p.toks[i].s
        && is_cap(text, p, i - 1)
        && (TITLE_ABBREVIATIONS.contains(lower(text, p, i - 1, &mut [0u8; 24]))
            // A middle initial ("Jock A. Finlay"), right before a capitalised word.
            || (p.toks[i - 1].e - p.toks[i - 1].s == 1 && is_cap(text, p, i + 1)))
}

/// The capitalised name ending at token `k`, with titles before it moved into roles.
pub fn name_subject(text: &str, p: &Para, k: usize, floor: usize) -> Option<Subject> {
    let mut buf = [0u8; 24];
    let mut start = k;
    while start > floor && start + 12 > k {
        let j = start - 1;
        if p.toks[j].quote.is_some() {
            break;
        }
        // "Mr. Domenech": the title's period is a token of its own.
        if j > floor && is_title_dot(text, p, j) {
            start = j - 1;
            continue;
        }
        if is_cap(text, p, j) {
            // A possessive is the owner of what follows ("Russia’s envoy"): part of the title.
            start = j;
            continue;
        }
        if p.is_word(j) {
            let lj = lower(text, p, j, &mut buf);
            let next_cap = is_cap(text, p, j + 1)
                || (p.is_word(j + 1)
                    && NAME_PARTICLES.contains(lower(text, p, j + 1, &mut [0u8; 24]))
                    && is_cap(text, p, j + 2));
            if next_cap && j > floor && (NAME_PARTICLES.contains(lj) || TITLE_WORDS.contains(lj)) {
                start = j;
                continue;
            }
            if next_cap
                && matches!(lj, "of" | "for" | "the" | "and")
                && j > 0
                && is_cap(text, p, j - 1)
            {
                start = j;
                continue;
            }
            if next_cap && NAME_PARTICLES.contains(lj) {
                start = j;
                continue;
            }
            if TITLE_WORDS.contains(lj) || ROLE_NOUNS.contains(lj) {
                start = j;
                continue;
            }
        }
        break;
    }
    // A conjunction or preposition does not open a name ("... and Brill").
    // Nor does a conjunction or sentence adverb ("When Vorn", "But Brill", "Instead Brill").
    while start < k && {
        let l = lower(text, p, start, &mut buf);
        matches!(l, "and" | "of" | "for" | "to")
            || (is_cap(text, p, start)
                && (SENTENCE_ADVERBS.contains(l)
                    || (NOT_DESCRIPTORS.contains(l) && !TITLE_WORDS.contains(l))))
    } {
        start += 1;
        if p.is_punct(start, ',') && start < k {
            start += 1;
        }
    }
    let words: Vec<&str> = (start..=k)
        .filter(|&i| p.is_word(i))
        .map(|i| p.word(text, i))
        .collect();
    let (name, roles, kind) = clean_name(&words)?;
    // The span keeps the titles: the whole mention attributes the claim.
    Some(Subject {
        start,
        end: k,
        lead: start,
        kind,
        name: (!name.is_empty()).then_some(name),
        roles,
    })
}

/// A name and its roles from the words of a mention ("Foreign Minister Sergey Lavrov" →
/// "Sergey Lavrov", ["Foreign Minister"]). None when no name is left.
pub fn clean_name(words: &[&str]) -> Option<(String, Vec<String>, SubjKind)> {
    let mut buf = [0u8; 24];
    let lows: Vec<String> = words
        .iter()
        .map(|w| {
            let l = lower_ascii(strip_possessive(w), &mut buf);
            if l.is_empty() {
                strip_possessive(w).to_lowercase()
            } else {
                l.to_string()
            }
        })
        .collect();
    let last = lows.last()?;
    if ORG_HEADS.contains(last.as_str()) {
        let mut i = 0;
        while i + 1 < words.len() && NOT_NAMES.contains(lows[i].as_str()) {
            i += 1;
        }
        let name = words[i..].join(" ");
        if !name.chars().next()?.is_uppercase() {
            return None;
        }
        return Some((name, Vec::new(), SubjKind::Org));
    }
    // The name is the trailing run of words that are neither titles nor possessive owners.
    let mut i = words.len();
    while i > 0 {
        let w = words[i - 1];
        let l = &lows[i - 1];
        let particle = NAME_PARTICLES.contains(l.as_str()) && i < words.len();
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        if (cap || particle)
            && !(is_possessive(w) && i < words.len())
            && !(TITLE_WORDS.contains(l.as_str()) && !particle && i < words.len())
            // A middle initial ("Jock A Finlay") is in the name even where "A" is no name.
            && (!NOT_NAMES.contains(l.as_str()) || (w.len() == 1 && cap && i > 1 && i < words.len()))
            && !SENTENCE_ADVERBS.contains(l.as_str())
        {
            i -= 1;
        } else {
            break;
        }
    }
    // A name does not start with a particle ("der Muhll" is part of "von der Muhll").
    while i < words.len() && NAME_PARTICLES.contains(lows[i].as_str()) && i > 0 {
        let l = &lows[i - 1];
        if NAME_PARTICLES.contains(l.as_str()) {
            i -= 1;
        } else {
            break;
        }
    }
    while i < words.len()
        && NAME_PARTICLES.contains(lows[i].as_str())
        && !words[i].chars().next().is_some_and(char::is_uppercase)
        && i + 1 == words.len()
    {
        i += 1;
    }
    if i == words.len() {
        // Titles only ("the President"): a role to resolve.
        // "The", "His": words that only join titles are no role.
        return lows
            .iter()
            .any(|l| {
                (TITLE_WORDS.contains(l.as_str()) || ROLE_NOUNS.contains(l.as_str()))
                    && !matches!(
                        l.as_str(),
                        "the" | "to" | "for" | "and" | "of" | "his" | "her" | "a" | "an"
                    )
            })
            .then(|| (String::new(), Vec::new(), SubjKind::Role));
    }
    // "representative to the United Nations": a role ending in an organisation, not a name.
    if i > 0
        && matches!(
            lows[i - 1].as_str(),
            "the" | "to" | "of" | "at" | "for" | "in"
        )
    {
        return Some((String::new(), Vec::new(), SubjKind::Role));
    }
    let name_words: Vec<&str> = words[i..]
        .iter()
        .enumerate()
        .map(|(j, w)| {
            if i + j + 1 == words.len() {
                strip_possessive(w)
            } else {
                *w
            }
        })
        .collect();
    let name = name_words.join(" ");
    if !valid_name(&name) {
        return None;
    }
    let roles: Vec<String> = {
        let r: Vec<&str> = words[..i]
            .iter()
            .zip(&lows[..i])
            .filter(|(_, l)| !matches!(l.as_str(), "the" | "a" | "an" | "his" | "her"))
            .map(|(w, _)| *w)
            .collect();
        if r.is_empty() {
            Vec::new()
        } else {
            vec![r.join(" ")]
        }
    };
    Some((name, roles, SubjKind::Name))
}

/// Capitalised words that open sentences and never a name ("Instead, ...", "Once ...").
static SENTENCE_ADVERBS: LazyLock<WordSet> = LazyLock::new(|| {
    "instead indeed finally once having speaking asked earlier later first next overall \
         together again thus therefore moreover furthermore besides nonetheless nevertheless \
         otherwise perhaps maybe despite following unless until whether although though \
         because during like unlike unfortunately fortunately clearly obviously separately \
         additionally similarly specifically"
        .split_whitespace()
        .collect()
});

/// Never "He", "Question", "It" or a lowercase fragment.
pub fn valid_name(name: &str) -> bool {
    let Some(c) = name.chars().next() else {
        return false;
    };
    // "von der Muhll": a lowercase particle opens a name whose last word is capitalised.
    let particle_led = name
        .split(' ')
        .next()
        .is_some_and(|w| NAME_PARTICLES.contains(w))
        && name
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    if !c.is_uppercase() && !is_arabic(c) && !particle_led {
        return false;
    }
    // Contractions are no names ("I’m", "Let's", "We’ve").
    let contraction = name.split(' ').any(|w| {
        [
            "’m", "'m", "’re", "'re", "’ve", "'ve", "’ll", "'ll", "’d", "'d", "n’t", "n't",
        ]
        .iter()
        .any(|c| w.ends_with(c))
            && (w.len() <= 6 || w.ends_with("n’t") || w.ends_with("n't"))
    });
    let mut buf = [0u8; 24];
    let l = lower_ascii(name, &mut buf);
    let first = name.split(' ').next().unwrap_or(name);
    !contraction
        && !NOT_NAMES.contains(l)
        && !SENTENCE_ADVERBS.contains(lower_ascii(first, &mut [0u8; 24]))
        && !PERSON_PRONOUNS.contains(l)
        && name.chars().count() > 1
}

pub fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Lowercase words that end the name or role after an inverted verb: what follows describes
/// the speaker or the occasion.
static AFTER_NAME: LazyLock<WordSet> = LazyLock::new(|| {
    "of from at in on with who which whose that during after before when while as to for \
     according adding noting told last this yesterday today tonight earlier later recently \
     and but"
        .split_whitespace()
        .collect()
});

/// The subject after an inverted verb: `“...,” said X` / `..., said the minister`.
pub fn subject_after(text: &str, p: &Para, v: usize) -> Option<Subject> {
    let n = p.toks.len();
    let k = v + 1;
    if k >= n || p.toks[k].quote.is_some() {
        return None;
    }
    let mut buf = [0u8; 24];
    let lw = lower(text, p, k, &mut buf).to_string();
    if p.is_word(k) && PERSON_PRONOUNS.contains(lw.as_str()) {
        return Some(Subject {
            start: k,
            end: k,
            lead: k,
            kind: SubjKind::Pronoun,
            name: None,
            roles: Vec::new(),
        });
    }
    // The phrase runs to a comma, the sentence's end or a word that opens a modifier ("said
    // Robert Antonis of the Ohio delegation", "said the senator in a statement").
    let mut e = k;
    while e + 1 < n && e < k + 10 && !p.sent_end[e] {
        if p.is_word(e + 1) {
            let l = lower(text, p, e + 1, &mut buf);
            let between_caps =
                matches!(l, "of" | "for" | "and") && is_cap(text, p, e) && is_cap(text, p, e + 2);
            if AFTER_NAME.contains(l) && !between_caps {
                break;
            }
            e += 1;
        } else if e + 2 < n && is_title_dot(text, p, e + 1) && p.is_word(e + 2) {
            e += 2;
        } else {
            break;
        }
    }
    if !is_cap(text, p, e) {
        let kind = if ROLE_NOUNS.contains(lower(text, p, e, &mut buf)) {
            SubjKind::Role
        } else {
            // "“...,” said one former staffer": after a quotation, any noun phrase.
            let quoted = v > 0
                && (is_close(p, v - 1) || (p.is_punct(v - 1, ',') && v > 1 && is_close(p, v - 2)));
            if !quoted {
                return None;
            }
            if e == k || NOT_DESCRIPTORS.contains(lower(text, p, e, &mut buf)) {
                return None;
            }
            determiner_kind(lower(text, p, k, &mut buf))?
        };
        return Some(Subject {
            start: k,
            end: e,
            lead: k,
            kind,
            name: None,
            roles: Vec::new(),
        });
    }
    let mut s = name_subject(text, p, e, k)?;
    s.start = k;
    Some(s)
}

/// Makes one speaker of the forms of a name seen across all items: same surname and a
/// compatible first name ("Sergey Lavrov", "Sergei Lavrov", "Lavrov").
pub fn canonicalise(claims: &mut [Vec<ClaimMention>]) {
    // Group full forms by surname key.
    let mut forms: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for c in claims.iter().flatten() {
        if let Some(s) = &c.speaker {
            *forms
                .entry(surname_key(&s.name))
                .or_default()
                .entry(s.name.clone())
                .or_default() += 1;
        }
    }
    // Within a surname: clusters of forms whose first names agree.
    let mut canon: HashMap<String, String> = HashMap::new();
    for fs in forms.values() {
        let mut multi: Vec<(&String, usize)> = fs
            .iter()
            .filter(|(n, _)| n.contains(' '))
            .map(|(n, &c)| (n, c))
            .collect();
        // Most printed first, then the shortest, then alphabetical: deterministic.
        multi.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(a.0.cmp(b.0))
        });
        let mut heads: Vec<&String> = Vec::new();
        for (n, _) in &multi {
            let head = heads.iter().find(|h| compatible(h, n)).copied();
            match head {
                Some(h) => {
                    canon.insert((*n).clone(), h.clone());
                }
                None => {
                    heads.push(n);
                    canon.insert((*n).clone(), (*n).clone());
                }
            }
        }
        for n in fs.keys().filter(|n| !n.contains(' ')) {
            if heads.len() == 1 {
                canon.insert(n.clone(), heads[0].clone());
            }
        }
    }
    // Aliases and roles of each canonical speaker, gathered over all mentions.
    let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
    let mut roles: HashMap<String, Vec<String>> = HashMap::new();
    for c in claims.iter().flatten() {
        if let Some(s) = &c.speaker {
            let to = canon
                .get(&s.name)
                .cloned()
                .unwrap_or_else(|| s.name.clone());
            let a = aliases.entry(to.clone()).or_default();
            a.push(s.name.clone());
            a.extend(s.aliases.iter().cloned());
            roles.entry(to).or_default().extend(s.roles.iter().cloned());
        }
    }
    for v in aliases.values_mut().chain(roles.values_mut()) {
        v.sort();
        v.dedup();
    }
    for c in claims.iter_mut().flatten() {
        if let Some(s) = &mut c.speaker {
            let to = canon
                .get(&s.name)
                .cloned()
                .unwrap_or_else(|| s.name.clone());
            s.aliases = aliases.get(&to).cloned().unwrap_or_default();
            s.aliases.retain(|a| *a != to);
            s.roles = roles.get(&to).cloned().unwrap_or_default();
            s.name = to;
        }
    }
}

fn surname_key(name: &str) -> String {
    name.rsplit(' ').next().unwrap_or(name).to_lowercase()
}

/// Same surname (already grouped) and first names that may be one person: equal, one an
/// initial of the other, or spellings with the same first two letters ("Sergey"/"Sergei").
fn compatible(a: &str, b: &str) -> bool {
    let fa = a.split(' ').next().unwrap_or("").to_lowercase();
    let fb = b.split(' ').next().unwrap_or("").to_lowercase();
    let pa: String = fa.chars().take(3).collect();
    let pb: String = fb.chars().take(3).collect();
    fa == fb || pa == pb || fa.trim_end_matches('.') == pb.chars().take(1).collect::<String>()
}

/// A speaker mention as the item states it.
pub fn mention(name: String, roles: Vec<String>, span: Span) -> SpeakerMention {
    SpeakerMention {
        name,
        aliases: Vec::new(),
        roles,
        span,
    }
}

/// Whether a token is an opening quote mark.
pub fn is_open(p: &Para, i: usize) -> bool {
    i < p.toks.len() && p.toks[i].kind == Kind::Open
}

/// Whether a token is a closing quote mark.
pub fn is_close(p: &Para, i: usize) -> bool {
    i < p.toks.len() && p.toks[i].kind == Kind::Close
}

/// The last person's name printed before `at` (two or three capitalised words, no titles): who a
/// pronoun stands for when no named speaker came before it.
pub fn last_name_before(text: &str, at: usize) -> Option<SpeakerMention> {
    let mut from = at.saturating_sub(4000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..at];
    // Byte spans in `window`: the words of the current run, and the last run that made a name.
    let mut best: Option<Span> = None;
    let mut run: Vec<Span> = Vec::new();
    let flush = |run: &mut Vec<Span>, best: &mut Option<Span>| {
        if (2..=3).contains(&run.len()) {
            *best = Some(Span::new(run[0].start, run[run.len() - 1].end));
        }
        run.clear();
    };
    let mut pos = 0;
    for w in window.split(' ') {
        let s = pos;
        pos += w.len() + 1;
        let clean = w.trim_end_matches(['.', ',', ';', ':', '’', '\'']);
        let ends_clause = clean.len() != w.len();
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
    /// it, the first capitalised.
    pub fn get(&self, short: &str) -> Option<String> {
        let sw: Vec<&str> = short.split(' ').collect();
        let mut best: Option<String> = None;
        for &(a, b) in &self.runs {
            let run = &self.words[a..b];
            for j in 0..run.len() {
                if run.len() - j < sw.len() || run[j..j + sw.len()] != sw[..] {
                    continue;
                }
                let mut from = j.saturating_sub(2);
                while from < j && !run[from].starts_with(char::is_uppercase) {
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

const DETERMINERS: [&str; 11] = [
    "a", "an", "the", "this", "these", "its", "his", "her", "their", "our", "some",
];
