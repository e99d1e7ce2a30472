//! An item as the reading stages hand it on: its text, where it came from, and the metadata the
//! input states about it. Later stages (claims, reuse, graph building) read items and never the
//! input files.

mod in_file;
pub use in_file::FILE_CHANGED;
mod text;
mod unescape;

use crate::vocab::{Origin, Span, SpanBasis, excerpt};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub(crate) use text::{ItemText, TextFile};

/// An outlet the item says it comes from ("Source: Sputnik", a record's `credits` field, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    /// The credited outlet's name.
    pub outlet: String,
    /// The words or field that state the credit.
    pub evidence: String,
    /// The date the credited original carried, where the item prints it.
    pub date: Option<NaiveDate>,
}

/// Metadata the input states about an item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemMeta {
    /// Its title.
    pub title: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// The id its record gives it.
    pub record_id: Option<String>,
    /// The outlet that published this copy.
    pub outlet: Option<String>,
    /// The outlet's web domain, where known (news-please's source_domain, a page's URL).
    pub domain: Option<String>,
    /// The day it was published.
    pub published: Option<NaiveDate>,
    /// The day this copy was collected, where the input says (a record's `retrieved` or
    /// news-please's `date_download`, a WARC record's date): it cannot have been published later.
    pub retrieved: Option<NaiveDate>,
    /// The byline as printed ("Staff, Agencies").
    pub byline: Option<String>,
    /// Named people who wrote the item (never desks such as "News Desk").
    pub authors: Vec<String>,
    /// The place its dateline names ("BEIRUT, LEBANON").
    pub dateline: Option<String>,
    /// ISO 639-1.
    pub language: Option<String>,
    /// Outlets it says it comes from.
    pub credits: Vec<Credit>,
    /// URLs the item states it was copied from (JSON-LD isBasedOn, a canonical URL on another
    /// site, "Originally published at ..."): evidence for the reuse stage.
    pub source_urls: Vec<String>,
}

/// A piece of an item's text that is a verbatim copy of the input: `len` bytes at `text_start` in
/// the text stand at `file_start` in the input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerbatimRun {
    /// Where the run starts in the text.
    pub text_start: usize,
    /// Where it starts in the file.
    pub file_start: usize,
    /// Its length in bytes.
    pub len: usize,
}

/// A news item as the reading stage hands it on: one post, page, feed entry or record.
///
/// It serialises (serde) to all its fields, so that items can travel between processes — a
/// distributed job reads items on one machine and compares them on another; the Python package
/// pickles items through it. That form is no input format: records are read as
/// `schemas/record.schema.json` says.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Item {
    /// Where it came from, and what spans into it point into.
    pub origin: Origin,
    /// Its text: read it with [`Item::text`]. Kept plain, packed, or left in its input file and
    /// read back from there (`item/text.rs`), so that a large run need not hold its texts.
    pub(crate) text: ItemText,
    /// Boxed so that the graph builder frees each item's metadata as it consumes the items,
    /// instead of holding every item's full size until the last one is built.
    pub meta: Box<ItemMeta>,
    /// With `SpanBasis::File`: the runs of `text` copied verbatim from the file, in order. A span
    /// that falls in one run maps to the file; the segmenter cuts banners and link lists out of
    /// the middle of a post, so a post's text can be several runs.
    pub runs: Vec<VerbatimRun>,
    /// Problems met while reading this item; it is reported all the same.
    pub warnings: Vec<String>,
}

impl Item {
    /// An item whose text is its own (a JSON record, an extracted HTML body): spans point into
    /// `text`.
    pub fn with_own_text(
        origin_file: &std::sync::Arc<str>,
        start: usize,
        end: usize,
        text: String,
    ) -> Item {
        Item {
            origin: Origin {
                file: origin_file.clone(),
                start,
                end,
                spans: SpanBasis::Text,
            },
            text: ItemText::Plain(text),
            meta: Box::default(),
            runs: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Its text. Read back from its file or unpacked for each call where the item does not keep
    /// it plain: a stage binds it once (`let text = item.text();`) for as long as it looks at
    /// it.
    pub fn text(&self) -> Cow<'_, str> {
        self.text.get()
    }

    /// The length of its text in bytes, without unpacking it.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Replaces its text.
    pub fn set_text(&mut self, text: String) {
        self.text = ItemText::Plain(text);
    }

    /// Its text to edit in place (unpacked first if it was packed).
    pub fn text_mut(&mut self) -> &mut String {
        self.text.plain_mut()
    }

    /// Takes its text out, leaving it none (the builder moves it into the graph).
    pub fn take_text(&mut self) -> String {
        self.text.take()
    }

    /// Keeps its text packed from now on, where that saves memory (an LZ4 block: about 0.75 of
    /// the size for news text, `item/text.rs`). Every reader of the text goes through
    /// [`Item::text`], so nothing else changes but the CPU time of unpacking it at each read:
    /// the pipeline does not pack (docs/perf.md, "Memory, texts packed"); a caller holding many
    /// items it reads seldom may.
    pub fn pack_text(&mut self) {
        self.text.pack();
    }

    /// Leaves its text in its input file, where it stands unchanged as the JSON string
    /// `literal` at byte `at` of `file`, and reads it back from there whenever it is asked
    /// for; else keeps it as it is (`item/text.rs`).
    pub(crate) fn leave_text_in_file(
        &mut self,
        file: &std::sync::Arc<TextFile>,
        at: u64,
        literal: &str,
    ) {
        self.text.leave_in_file(file, at, literal);
    }

    /// Maps a span of the text to the span it points at: in the file where the item's text is
    /// verbatim there, else the span itself. A span that crosses a cut is mapped by its start
    /// run, keeping its length.
    pub fn span(&self, text: Span) -> Span {
        if self.origin.spans == SpanBasis::Text {
            return text;
        }
        let run = match self
            .runs
            .binary_search_by(|r| r.text_start.cmp(&text.start))
        {
            Ok(i) => i,
            Err(0) => return text,
            Err(i) => i - 1,
        };
        let r = self.runs[run];
        let s = r.file_start + (text.start - r.text_start);
        Span::new(s, s + text.len())
    }

    /// Cuts the text to at most `max` bytes, at the last paragraph or line break before it
    /// where one stands in its last quarter, else at a character boundary, with a warning;
    /// verbatim runs and a file origin end where the text now does. Whether it was cut.
    pub fn cut_text(&mut self, max: usize) -> bool {
        let len = self.text.len();
        if len <= max {
            return false;
        }
        let text = self.text.plain_mut();
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &text[..cut];
        let floor = cut - cut / 4;
        if let Some(b) = (head.rfind("\n\n").filter(|&b| b >= floor))
            .or_else(|| head.rfind('\n').filter(|&b| b >= floor))
        {
            cut = b;
        }
        text.truncate(cut);
        text.shrink_to_fit();
        self.runs.retain(|r| r.text_start < cut);
        if let Some(last) = self.runs.last_mut() {
            last.len = last.len.min(cut - last.text_start);
        }
        if self.origin.spans == SpanBasis::File
            && let Some(last) = self.runs.last()
        {
            self.origin.end = last.file_start + last.len;
        }
        self.warnings.push(format!(
            "text cut to its first {cut} of {len} bytes: longer than the item limit ({max} bytes)"
        ));
        true
    }

    /// About 200 characters of the text's start, cut at a word boundary, whitespace folded.
    pub fn excerpt(&self) -> String {
        excerpt(&self.text(), 200)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn span_maps_through_verbatim_runs() {
        let file: Arc<str> = Arc::from("f.txt");
        let mut item = Item::with_own_text(&file, 100, 200, "abcdefghij".into());
        assert_eq!(item.span(Span::new(2, 4)), Span::new(2, 4));
        item.origin.spans = SpanBasis::File;
        item.runs = vec![
            VerbatimRun {
                text_start: 0,
                file_start: 100,
                len: 5,
            },
            VerbatimRun {
                text_start: 5,
                file_start: 150,
                len: 5,
            },
        ];
        assert_eq!(item.span(Span::new(1, 3)), Span::new(101, 103));
        assert_eq!(item.span(Span::new(6, 9)), Span::new(151, 154));
    }

    #[test]
    fn cut_text_ends_at_a_break_and_shortens_runs() {
        let file: Arc<str> = Arc::from("f.txt");
        let mut item = Item::with_own_text(&file, 100, 200, "abcd\n\nfghij".into());
        item.origin.spans = SpanBasis::File;
        item.runs = vec![
            VerbatimRun {
                text_start: 0,
                file_start: 100,
                len: 4,
            },
            VerbatimRun {
                text_start: 6,
                file_start: 150,
                len: 5,
            },
        ];
        assert!(!item.cut_text(11));
        assert!(item.cut_text(9));
        assert_eq!(item.text(), "abcd\n\nfgh");
        assert_eq!(item.runs[1].len, 3);
        assert_eq!(item.origin.end, 153);
        assert!(item.cut_text(5));
        assert_eq!((&*item.text(), item.runs.len()), ("abcd", 1));
        assert_eq!(item.origin.end, 104);
        assert_eq!(item.warnings.len(), 2);
        let long = "A line of a story that is long enough to be packed.\n".repeat(10);
        let mut packed = Item::with_own_text(&file, 0, long.len(), long.clone());
        packed.pack_text();
        assert_eq!((&*packed.text(), packed.text_len()), (&*long, long.len()));
        assert!(packed.cut_text(100));
        assert_eq!(packed.text(), long[..100]);
        let mut wide = Item::with_own_text(&file, 0, 9, "ééé".into());
        wide.cut_text(3);
        assert_eq!(wide.text(), "é");
    }
}
