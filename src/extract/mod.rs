//! Extraction stage: the claims in an item and who made them, when and to whom.
//!
//! Input: one item's text and metadata. Output: claim mentions with byte ranges into the item's
//! text; the graph builder maps them to the item's span basis. Speakers are canonicalised across
//! items by `canonicalise_speakers` before the graph is built.
//!
//! The item is cut into paragraphs (`tokens`); interview turns are found first (`turns`), a
//! headline that quotes its speaker (`headline`), then each other paragraph's attributions
//! (`reported` for English, with `after_quote`, `hedged` and `nominal`; `arabic`). The rules
//! hand back `raw::Raw` claims; who is the subject of a reporting verb is `subject`'s question,
//! what the verb reports `clause`'s, and the words they read are the `lexicon`'s. Pronouns,
//! role nouns and surnames are resolved to the named person (`coreference`, with `names`), each
//! claim's date (`when`) and outlet (`to_whom`) read from the words around its cue, and the
//! pieces of a quotation broken by its attribution joined into one claim (`continued`). Across
//! items, the forms of one name become one speaker (`canonical`).

mod after_quote;
mod arabic;
mod canonical;
mod clause;
mod continued;
mod coreference;
mod headline;
mod hedged;
pub(crate) mod lexicon;
pub(crate) mod named_source;
mod names;
mod nominal;
mod person_or_org;
mod raw;
mod reported;
mod subject;
pub(crate) mod to_whom;
pub(crate) mod tokens;
mod turns;
pub(crate) mod when;
mod words;

use crate::item::Item;
use crate::vocab::{ClaimKind, Span};
use chrono::NaiveDate;
use raw::Raw;
use serde::{Deserialize, Serialize};

/// The person or organisation a claim is attributed to, as found in the item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerMention {
    /// The canonical name (titles and roles moved out).
    pub name: String,
    /// Other forms of the name seen for this speaker.
    pub aliases: Vec<String>,
    /// Titles and roles ("Foreign Minister").
    pub roles: Vec<String>,
    /// The attributing mention, byte range in the item's text.
    pub span: Span,
}

/// One claim in one item. It serialises (serde) to all its fields, for a job that extracts
/// claims on one machine and canonicalises speakers on another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimMention {
    /// The claim's words, verbatim from the item.
    pub text: String,
    /// Byte range of `text` in the item's text; of a quotation printed in pieces, from the first
    /// piece's start to the last piece's end.
    pub span: Span,
    /// The pieces of a quotation broken by its attribution or run on over paragraphs, each a byte
    /// range in the item's text; empty when the claim is one piece (`span`).
    pub parts: Vec<Span>,
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
    pub source_span: Option<Span>,
    /// Where the quotation is another's wording with words changed or left out (set across
    /// items by `mark_quote_variants`): exported as a `variant_of` edge. Boxed: rare.
    pub variant_of: Option<Box<QuoteVariant>>,
}

/// A quotation printed with words changed or left out, and the wording it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    pub fn attributing_span(&self) -> Option<Span> {
        self.speaker.as_ref().map(|s| s.span).or(self.source_span)
    }

    /// The claim's pieces in the item's text: `parts`, or `span` for a claim in one piece. Their
    /// text, joined by one space, is the claim's `text`.
    pub fn pieces(&self) -> &[Span] {
        if self.parts.is_empty() {
            std::slice::from_ref(&self.span)
        } else {
            &self.parts
        }
    }
}

/// The claims of one item, in text order.
pub fn extract_claims(item: &Item) -> Vec<ClaimMention> {
    let text: &str = &item.text();
    let published = item.meta.published;
    let paras = tokens::paragraphs(text);
    let mut para = tokens::Para::default();
    let mut full_names = coreference::FullNames::default();
    let (mut raws, covered) = turns::find(text, &paras, published, item.meta.title.as_deref());
    for (i, &span) in paras.iter().enumerate() {
        if covered[i] {
            continue;
        }
        if i == 0
            && let Some(h) = headline::find(text, span)
        {
            raws.push(h);
            continue;
        }
        para.reset(text, span.start, span.end);
        full_names.add_para(text, &para);
        // Arabic letters are U+0600..U+06FF and U+0750..U+077F: lead bytes 0xD8..0xDD.
        if text.as_bytes()[span.range()]
            .iter()
            .any(|b| (0xD8..=0xDD).contains(b))
        {
            arabic::paragraph(text, &para, &mut raws);
        } else {
            reported::paragraph(text, &para, &mut raws);
        }
    }
    raws.sort_by_key(|r| r.span);
    raws.dedup_by_key(|r| r.span);
    resolve(text, published, raws, &full_names)
}

/// Pronouns, role nouns and uncued quotations to the last named person; surnames to the full
/// name the item prints (`coreference`); dates and outlets from the words around each cue,
/// shared by the claims of one speaker that say none.
fn resolve(
    text: &str,
    published: Option<NaiveDate>,
    raws: Vec<Raw>,
    full_names: &coreference::FullNames,
) -> Vec<ClaimMention> {
    let mut people = coreference::Coreference::new(text, full_names);
    let mut out = Vec::with_capacity(raws.len());
    for mut r in raws {
        let (speaker, source_span) = people.resolve(&mut r);
        let ctx_said_on = || {
            r.ctx.iter().find_map(|c| {
                (!c.is_empty())
                    .then(|| when::said_on(&text[c.range()], published))
                    .flatten()
            })
        };
        let ctx_outlet = || {
            r.ctx.iter().find_map(|c| {
                (!c.is_empty())
                    .then(|| to_whom::reported_by(&text[c.range()]))
                    .flatten()
            })
        };
        out.push(ClaimMention {
            source_span,
            text: text[r.span.range()].to_string(),
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

/// Makes one speaker of the forms of a name seen across all items ("Lavrov", "Sergei Lavrov"):
/// [`name_forms`] of every item, [`speakers_of_forms`] of them all, [`apply_speakers`].
pub fn canonicalise_speakers(claims: &mut [Vec<ClaimMention>]) {
    canonical::canonicalise(claims);
}

pub(crate) use canonical::speakers_of_claims;
pub use canonical::{CanonicalSpeaker, NameForm, apply_speakers, name_forms, speakers_of_forms};
