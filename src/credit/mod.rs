//! Credits: which outlet an item says it comes from, and with what words. One home for the
//! question, asked by every reader: the record, page, feed and XML readers for their author
//! fields and bylines, the dump segmenter for the lines of a post, and `read` for every item's
//! text once read (its dateline and its last lines), whatever its format.
//!
//! Newsrooms print a credit in a few places, each with its own phrase families. The families
//! are tried in this order on a line, the first that matches wins ([`FAMILIES`] holds the
//! table; `phrases.rs` the recognisers):
//!
//! | family | printed as | where accepted | name |
//! | --- | --- | --- | --- |
//! | `dateline` | "WASHINGTON (AP) —", "(Reuters) -" | the text's first line | a curated outlet |
//! | `appeared first` | "The post T appeared first on X." | a line of its own | any name |
//! | `originally` | "This article originally appeared on X", "Originally published by X", "first appeared in X" | a line of its own | any name |
//! | `republished` | "republished from X under a Creative Commons licence", "Reprinted with permission from X", "Reposted from X", "Cross-posted from X", "نقلا عن X" | a line of its own | any name |
//! | `copyright` | "Copyright 2018 The Associated Press. All rights reserved.", "© 2020 X" | one of the last lines | an organisation |
//! | `contributed` | "The Associated Press contributed to this report.", "Additional reporting by Reuters" | one of the last lines | each organisation named (people are skipped) |
//! | `reporting by` | "(Reporting by A; Editing by B)" | one of the last lines | Reuters, whose house form it is, or the organisation after "Reporting by" |
//! | `with inputs` | "(With inputs from PTI)" | a line of its own | each organisation named ("agencies" is none) |
//! | `source` | "Source: X", "Credit: X", "Via: X", "المصدر: X", "ماخذ: X" | a line of its own | an organisation |
//! | `courtesy` | "Courtesy of X", "بشکریہ X" | a line of its own | an organisation |
//! | `sign-off` | "(AFP)", "jm/dm (AFP, dpa)", "... said. (Reuters)", "— Associated Press" | the last line | each organisation named |
//!
//! Besides lines, author fields and bylines credit the organisations they name
//! (`["Lena Fischer", "Agence France-Presse"]`: written by Lena Fischer, credits AFP);
//! `byline.rs` tells a person from an organisation.
//!
//! "An organisation" is a curated outlet, a web domain, or capitalised words with an
//! organisation word ("Valley Radio", "Cincinnati Zoo"), never a person's name; names in
//! scripts without case (Arabic, Urdu) are taken as printed. The families marked "any name"
//! are unambiguous, so an outlet missing from the curated table still gets its node, named as
//! printed. The rest are ambiguous in running text ("Source: regulatory filings", a photo's
//! "© Jane Roe (AFP)", a caption's "(Reuters)" mid-story), hence the place and the name check.
//! A credit to the item's own outlet is no credit ("Copyright © 2018 NPR" on NPR's page).

mod dateline;
mod phrases;

use crate::byline;
use crate::item::{Credit, Item, ItemMeta};
use crate::outlets;

pub use dateline::dateline_credit;
pub use phrases::{FAMILIES, Place};

/// How many of a text's last lines count as its foot: sign-offs, copyright lines and
/// contributor lines stand there, under at most a few lines of related links.
pub const FOOT_LINES: usize = 5;

/// How many of a text's first lines are looked at for head credits ("Source: X" under the
/// title, "Originally published by X").
const HEAD_LINES: usize = 3;

/// A credit a line states: the outlets it names, resolved, and the printed words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineCredit {
    /// The credited outlets, curated names where known, else as printed.
    pub outlets: Vec<String>,
    /// The words that state it, as printed (whitespace folded).
    pub evidence: String,
    /// A URL the line names as the original, where it does.
    pub url: Option<String>,
    /// The family that recognised it.
    pub family: &'static str,
}

/// The credit one line states, trying the families allowed at `place` in table order.
/// `words` is the line's word count (the dump segmenter has it already).
pub fn line_credit(line: &str, words: u32, place: Place) -> Option<LineCredit> {
    let t = line.trim();
    if t.is_empty() || words > 60 || !phrases::may_credit(t) {
        return None;
    }
    FAMILIES
        .iter()
        .filter(|f| f.place.allowed_at(place))
        .find_map(|f| f.recognise(t))
}

/// The outlet a name in a credit stands for, when it may be credited: `strict` families take
/// only outlets and organisations ([`module docs`](self)); the rest any name that is not a
/// person's and is no longer than ten words.
pub(crate) fn credited_name(name: &str, strict: bool) -> Option<String> {
    let n = name
        .trim()
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '*'))
        .trim();
    // "Reposted from the Harbor City Gazette": the article belongs to the sentence.
    let n = n.strip_prefix("the ").unwrap_or(n);
    let words = n.split_whitespace().count();
    if words == 0 || words > 10 || !n.chars().any(char::is_alphabetic) {
        return None;
    }
    let known = outlets::resolve(Some(n), None)?;
    if known.known {
        return Some(known.name);
    }
    // "Jane Roe's notebook": something of a person's.
    if n.contains("'s ") || n.contains("’s ") {
        return None;
    }
    let caseless = n
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| !c.is_uppercase() && !c.is_lowercase());
    if byline::is_organisation_name(n) || (caseless && words <= 6) {
        return Some(known.name);
    }
    // Unambiguous phrases take any name, but a name: capitalised words joined by a few small
    // ones ("Mama Robotnik originally published on the NeoGAF forum before revising ..." names
    // no outlet).
    let small = |w: &str| {
        matches!(
            w,
            "of" | "and" | "the" | "for" | "de" | "du" | "la" | "al" | "el" | "&"
        )
    };
    let name_shaped = words <= 8
        && n.split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || small(w));
    (!strict && name_shaped && !byline::is_person_name(n)).then_some(known.name)
}

/// Sets an item's authors and the credits its author field or byline states: the people it
/// names are authors, the organisations credits with the entry as printed for evidence
/// (`field` says which field: "authors", "byline").
pub fn read_authors<'a>(
    meta: &mut ItemMeta,
    field: &str,
    entries: impl IntoIterator<Item = &'a str>,
) {
    let found = byline::authors(entries);
    for p in found.people {
        if !meta.authors.contains(&p) {
            meta.authors.push(p);
        }
    }
    for (outlet, printed) in found.organisations {
        push(meta, outlet, format!("{field}: {printed}"), None);
    }
}

/// Adds a credit unless the item credits that outlet already.
pub(crate) fn push(
    meta: &mut ItemMeta,
    outlet: String,
    evidence: String,
    date: Option<chrono::NaiveDate>,
) {
    if !meta.credits.iter().any(|c| c.outlet == outlet) {
        meta.credits.push(Credit {
            outlet,
            evidence,
            date,
        });
    }
}

/// What every item's text states, whatever its format: the dateline's credit, credits in its
/// first and last lines. Then credits to the item's own outlet are dropped (an agency's story
/// names it in its dateline and copyright line too).
pub fn add_text_credits(items: &mut [Item]) {
    for it in items {
        // The text field alone, so that the metadata can be edited while it is read.
        let text = it.text.get();
        if let Some((outlet, printed)) = dateline_credit(&text) {
            push(&mut it.meta, outlet, printed.to_string(), None);
        }
        // The first lines, then the last ones (last first), without walking the middle.
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let head: Vec<&str> = lines.by_ref().take(HEAD_LINES).collect();
        let mut foot: Vec<&str> = lines.rev().take(FOOT_LINES).collect();
        // A short text's foot reaches into its head.
        let from_head = FOOT_LINES.saturating_sub(foot.len()).min(head.len());
        foot.extend(head[head.len() - from_head..].iter().rev());
        let head = &head[..head.len() - from_head];
        let at = head.iter().map(|l| (*l, Place::Line)).chain(
            foot.iter()
                .enumerate()
                .map(|(i, l)| (*l, if i == 0 { Place::Last } else { Place::Foot })),
        );
        for (l, place) in at {
            // Counted no further than `line_credit` looks (a line of more than 60 words is no
            // credit): the head and foot lines are most often long body paragraphs.
            let words = l.split_whitespace().take(61).count() as u32;
            if let Some(c) = line_credit(l, words, place) {
                for o in c.outlets {
                    push(&mut it.meta, o, c.evidence.clone(), None);
                }
                if let Some(u) = c.url
                    && !it.meta.source_urls.contains(&u)
                {
                    it.meta.source_urls.push(u);
                }
            }
        }
        drop_own_credits(&mut it.meta);
    }
}

/// Drops credits to the item's own outlet.
fn drop_own_credits(meta: &mut ItemMeta) {
    if meta.credits.is_empty() {
        return;
    }
    let own = outlets::resolve(
        meta.outlet.as_deref(),
        meta.url
            .as_deref()
            .and_then(outlets::domain_of_url)
            .as_deref(),
    );
    // "ABC News Internet Ventures" on ABC News's page: its company.
    if let Some(own) = own {
        let company = format!("{} ", own.name);
        meta.credits
            .retain(|c| c.outlet != own.name && !c.outlet.starts_with(&company));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_a_credit_may_take() {
        assert_eq!(
            credited_name("The Associated Press.", true).as_deref(),
            Some("Associated Press")
        );
        assert_eq!(
            credited_name("Valley Radio", true).as_deref(),
            Some("Valley Radio")
        );
        assert_eq!(
            credited_name("The Ridge Ledger", false).as_deref(),
            Some("The Ridge Ledger")
        );
        assert_eq!(
            credited_name("إذاعة الوادي", true).as_deref(),
            Some("إذاعة الوادي")
        );
        assert_eq!(
            credited_name("the Harbor City Gazette", false).as_deref(),
            Some("Harbor City Gazette")
        );
        assert_eq!(credited_name("Jane Roe", false), None);
        assert_eq!(
            credited_name("NeoGAF forum before revising it for Kotaku", false),
            None
        );
        assert_eq!(credited_name("BGR.com", false).as_deref(), Some("bgr.com"));
        assert_eq!(credited_name("regulatory filings", true), None);
        assert_eq!(credited_name("Ridgeback", true), None);
        assert_eq!(credited_name("2018", false), None);
    }

    #[test]
    fn author_fields_give_authors_and_credits() {
        let mut m = ItemMeta::default();
        read_authors(
            &mut m,
            "authors",
            ["Lena Fischer", "Agence France-Presse", "Min Read"],
        );
        assert_eq!(m.authors, ["Lena Fischer"]);
        assert_eq!(m.credits.len(), 1);
        assert_eq!(m.credits[0].outlet, "Agence France-Presse");
        assert_eq!(m.credits[0].evidence, "authors: Agence France-Presse");
    }

    #[test]
    fn texts_credit_from_their_dateline_and_foot_not_their_own_outlet() {
        let file: std::sync::Arc<str> = std::sync::Arc::from("t.jsonl");
        let text = "BERLIN (AP) — A ship struck a bridge.\n\nMore text here.\n\n\
                    Copyright 2018 The Associated Press. All rights reserved.";
        let mut items = vec![Item::with_own_text(&file, 0, 1, text.into())];
        add_text_credits(&mut items);
        let c = &items[0].meta.credits;
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].outlet, "Associated Press");
        assert_eq!(c[0].evidence, "BERLIN (AP) —");
        // The agency's own copy credits no one.
        items[0].meta.credits.clear();
        items[0].meta.outlet = Some("AP".into());
        add_text_credits(&mut items);
        assert!(items[0].meta.credits.is_empty());
    }
}
