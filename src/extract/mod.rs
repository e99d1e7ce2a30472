//! Extraction stage: the claims in an item and who made them, when and to whom.
//!
//! Input: one item's text and metadata. Output: claim mentions with byte ranges into the item's
//! text; the graph builder maps them to the item's span basis. Speakers are canonicalised across
//! items by `canonicalise_speakers` before the graph is built.
//!
//! The item is cut into paragraphs (`tokens`); interview turns are found first (`turns`), then
//! each other paragraph's attributions (`reported` for English, `arabic`); pronouns and role
//! nouns are resolved to the last named person, names canonicalised (`speakers`), and each
//! claim's date (`when`) and outlet (`to_whom`) read from the words around its cue; the pieces
//! of a quotation broken by its attribution are joined into one claim (`continued`).

mod after_quote;
mod arabic;
mod continued;
mod headline;
mod hedged;
pub(crate) mod lexicon;
pub(crate) mod named_source;
mod nested;
mod nominal;
mod reported;
pub(crate) mod speakers;
mod titled;
pub(crate) mod to_whom;
pub(crate) mod tokens;
mod turns;
pub(crate) mod when;

use crate::item::Item;
use crate::vocab::ClaimKind;
use chrono::NaiveDate;
use speakers::SubjKind;

/// The person or organisation a claim is attributed to, as found in the item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerMention {
    /// The canonical name (titles and roles moved out).
    pub name: String,
    /// Other forms of the name seen for this speaker.
    pub aliases: Vec<String>,
    /// Titles and roles ("Foreign Minister").
    pub roles: Vec<String>,
    /// The attributing mention, byte range in the item's text.
    pub span: (usize, usize),
}

/// One claim in one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimMention {
    /// The claim's words, verbatim from the item.
    pub text: String,
    /// Byte range of `text` in the item's text; of a quotation printed in pieces, from the first
    /// piece's start to the last piece's end.
    pub span: (usize, usize),
    /// The pieces of a quotation broken by its attribution or run on over paragraphs, each a byte
    /// range in the item's text; empty when the claim is one piece (`span`).
    pub parts: Vec<(usize, usize)>,
    /// Quoted, reported or an interview answer.
    pub kind: ClaimKind,
    /// ISO 639-1, where the claim's own language is known.
    pub language: Option<String>,
    /// Who made it, where the item says.
    pub speaker: Option<SpeakerMention>,
    /// The reporting verb or turn marker.
    pub cue: Option<String>,
    /// The outlet the speaker said it to, or that first carried it ("told Sputnik").
    pub reported_by: Option<String>,
    /// When it was said, where the text says.
    pub said_on: Option<NaiveDate>,
    /// The mention that attributes the claim, byte range in the item's text, also where it names
    /// no speaker node ("officials said", "a new poll found"): exported as `speaker_span`.
    pub source_span: Option<(usize, usize)>,
    /// Where the quotation is another's wording with words changed or left out (set across
    /// items by `mark_quote_variants`): exported as a `variant_of` edge. Boxed: rare.
    pub variant_of: Option<Box<QuoteVariant>>,
}

/// A quotation printed with words changed or left out, and the wording it changes.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteVariant {
    /// The original wording, as an item that prints it does.
    pub original: String,
    /// The difference in words ("trimmed: leaves out ...", "words changed: \"a\" for \"b\"").
    pub difference: String,
    /// Share of the changed quotation's words found in order in the original (0..1).
    pub confidence: f64,
}

impl ClaimMention {
    /// The mention that attributes the claim: the speaker's, else the source's that names no
    /// speaker node ("officials said"). Exported as `speaker_span`.
    pub fn attributing_span(&self) -> Option<(usize, usize)> {
        self.speaker.as_ref().map(|s| s.span).or(self.source_span)
    }

    /// The claim's pieces in the item's text: `parts`, or `span` for a claim in one piece. Their
    /// text, joined by one space, is the claim's `text`.
    pub fn pieces(&self) -> &[(usize, usize)] {
        if self.parts.is_empty() {
            std::slice::from_ref(&self.span)
        } else {
            &self.parts
        }
    }
}

/// Who a claim found in a paragraph belongs to, before pronouns are resolved.
#[derive(Debug, Clone)]
pub(crate) enum Who {
    /// The subject of its cue, as printed.
    Subject {
        span: (usize, usize),
        kind: SubjKind,
        name: Option<String>,
        roles: Vec<String>,
    },
    /// A turn's named speaker.
    Named(SpeakerMention),
    /// A quotation with no cue: the last speaker before it.
    Inherit,
    /// No one: a hedge ("it appears that ...") or a question nobody is named as asking.
    Nobody,
}

/// A claim as a paragraph rule found it.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub span: (usize, usize),
    pub kind: ClaimKind,
    pub who: Who,
    pub cue: Option<String>,
    /// The words around the claim that may say when and to whom it was said.
    pub ctx: Vec<(usize, usize)>,
    pub reported_by: Option<String>,
    pub said_on: Option<NaiveDate>,
    pub language: Option<&'static str>,
}

/// The claims of one item, in text order.
pub fn extract_claims(item: &Item) -> Vec<ClaimMention> {
    let text = item.text.as_str();
    let published = item.meta.published;
    let paras = tokens::paragraphs(text);
    let mut para = tokens::Para::default();
    let mut full_names = speakers::FullNames::default();
    let (mut raws, covered) = turns::find(text, &paras, published, item.meta.title.as_deref());
    for (i, &(s, e)) in paras.iter().enumerate() {
        if covered[i] {
            continue;
        }
        if i == 0
            && let Some(h) = headline::find(text, (s, e)).or_else(|| titled::find(text, (s, e)))
        {
            raws.push(h);
            continue;
        }
        para.reset(text, s, e);
        full_names.add_para(text, &para);
        // Arabic letters are U+0600..U+06FF and U+0750..U+077F: lead bytes 0xD8..0xDD.
        if text.as_bytes()[s..e]
            .iter()
            .any(|b| (0xD8..=0xDD).contains(b))
        {
            arabic::paragraph(text, &para, &mut raws);
        } else {
            reported::paragraph(text, &para, &mut raws);
        }
    }
    raws.sort_by_key(|r| (r.span.0, r.span.1));
    raws.dedup_by_key(|r| r.span);
    resolve(text, published, raws, &full_names)
}

/// Pronouns, role nouns and uncued quotations to the last named person; surnames to the full
/// name the item prints; dates and outlets from the words around each cue, shared by the claims
/// of one speaker that say none.
fn resolve(
    text: &str,
    published: Option<NaiveDate>,
    raws: Vec<Raw>,
    full_names: &speakers::FullNames,
) -> Vec<ClaimMention> {
    // Each short form is looked up once per item.
    let mut expanded: std::collections::HashMap<String, Option<String>> = Default::default();
    let mut last_person: Option<SpeakerMention> = None;
    let mut last_org: Option<SpeakerMention> = None;
    let mut org_latest = false;
    let mut out = Vec::with_capacity(raws.len());
    // The sentence and subject of the last claim: "“...,” she said, adding, “...”" gives the
    // gerund's claim the subject of the cue it hangs on.
    let mut prev: Option<(usize, Who)> = None;
    for mut r in raws {
        let sentence = r.ctx.first().map(|c| c.0);
        if r.cue.as_deref().is_some_and(|c| c.ends_with("ing"))
            && let Some((ps, pw)) = &prev
            && sentence == Some(*ps)
            && matches!(pw, Who::Subject { kind, .. } if *kind != SubjKind::Group)
        {
            r.who = pw.clone();
        }
        if let Some(s) = sentence
            && matches!(r.who, Who::Subject { .. })
        {
            prev = Some((s, r.who.clone()));
        }
        let speaker = match &r.who {
            Who::Named(m) => {
                last_person = Some(m.clone());
                org_latest = false;
                Some(m.clone())
            }
            Who::Subject {
                span,
                kind,
                name,
                roles,
            } => match (kind, name) {
                (SubjKind::Name, Some(n)) => {
                    let mut m = speakers::mention(n.clone(), roles.clone(), *span);
                    if !n.contains(' ') || n.starts_with(char::is_lowercase) {
                        let full = expanded
                            .entry(n.clone())
                            .or_insert_with(|| full_names.get(n))
                            .clone();
                        if let Some(f) = full {
                            m.aliases.push(n.clone());
                            m.name = f;
                        }
                    }
                    // "said Murphy, who thinks ...": a later uncued quotation inherits the
                    // name's mention, not the relative pronoun's.
                    if !is_relative(&text[span.0..span.1]) {
                        last_person = Some(m.clone());
                    }
                    org_latest = false;
                    Some(m)
                }
                (SubjKind::Org, Some(n)) if speakers::valid_name(n) => {
                    let m = speakers::mention(n.clone(), roles.clone(), *span);
                    last_org = Some(m.clone());
                    org_latest = true;
                    Some(m)
                }
                (SubjKind::Pronoun | SubjKind::Role, _) => {
                    let m = last_person
                        .clone()
                        .or_else(|| speakers::last_name_before(text, span.0))
                        .map(|mut m| {
                            m.span = *span;
                            m
                        });
                    // A quotation that follows inherits this mention ("“...,” he said. ¶ “...”").
                    if let Some(m) = &m
                        && !org_latest
                    {
                        last_person = Some(m.clone());
                    }
                    m
                }
                _ => None,
            },
            Who::Inherit if org_latest => last_org.clone(),
            Who::Inherit => last_person.clone().or_else(|| last_org.clone()),
            Who::Nobody => None,
        };
        let ctx_said_on = || {
            r.ctx.iter().find_map(|&(a, b)| {
                (a < b)
                    .then(|| when::said_on(&text[a..b], published))
                    .flatten()
            })
        };
        let ctx_outlet = || {
            r.ctx
                .iter()
                .find_map(|&(a, b)| (a < b).then(|| to_whom::reported_by(&text[a..b])).flatten())
        };
        let mut speaker = speaker
            .filter(|s| speakers::valid_name(&s.name) && !s.name.starts_with(char::is_lowercase));
        let mut source_span = match &r.who {
            Who::Subject { span, .. } => Some(*span),
            _ => speaker.as_ref().map(|s| s.span),
        };
        // "a slide show that predicted ...", "Kasich, who said ...": the pronoun stands for the
        // words before it, which the mention takes in.
        if let Some(rel) = source_span
            && is_relative(&text[rel.0..rel.1])
        {
            let wide = speakers::with_antecedent(text, rel);
            source_span = Some(wide);
            if let Some(s) = speaker.as_mut().filter(|s| s.span == rel) {
                s.span = wide;
            }
        }
        out.push(ClaimMention {
            source_span,
            text: text[r.span.0..r.span.1].to_string(),
            span: r.span,
            parts: Vec::new(),
            kind: r.kind,
            language: r.language.map(str::to_string),
            said_on: r.said_on.or_else(ctx_said_on),
            reported_by: r.reported_by.clone().or_else(ctx_outlet),
            speaker,
            cue: r.cue,
            variant_of: None,
        });
    }
    let mut out = continued::join_pieces(text, out);
    share_by_speaker(&mut out);
    out
}

/// A relative pronoun standing as the attributing mention ("Vorn, who said ...").
pub(crate) fn is_relative(mention: &str) -> bool {
    ["who", "which", "that"]
        .iter()
        .any(|r| mention.eq_ignore_ascii_case(r))
}

/// A speaker's claims in one item that name no outlet or date take those of the speaker's
/// claim that does ("X told Sputnik on Saturday ... “...,” X said.").
fn share_by_speaker(claims: &mut [ClaimMention]) {
    let mut first: std::collections::HashMap<String, (Option<String>, Option<NaiveDate>)> =
        Default::default();
    for c in claims.iter() {
        if let Some(s) = &c.speaker {
            let e = first.entry(s.name.clone()).or_default();
            if e.0.is_none() {
                e.0 = c.reported_by.clone();
            }
            if e.1.is_none() {
                e.1 = c.said_on;
            }
        }
    }
    for c in claims.iter_mut() {
        if c.kind == ClaimKind::Turn {
            continue;
        }
        if let Some((o, d)) = c.speaker.as_ref().and_then(|s| first.get(&s.name)) {
            if c.reported_by.is_none() {
                c.reported_by = o.clone();
            }
            if c.said_on.is_none() {
                c.said_on = *d;
            }
        }
    }
}

/// Makes one speaker of the forms of a name seen across all items ("Lavrov", "Sergei Lavrov").
pub fn canonicalise_speakers(claims: &mut [Vec<ClaimMention>]) {
    speakers::canonicalise(claims);
}
