//! Feeds: RSS 2.0 / 1.0, Atom and JSON Feed (feed-rs), and WordPress export files (WXR, which
//! are RSS). Each entry is an item: outlet = the feed's title, text = the entry's content (or
//! description) with its HTML stripped, author, link and publication date. Each item's origin is
//! the entry's byte range in the file.

use super::html::{self, credits, strip::html_to_text};
use super::{Input, InputError, Location, ReadSettings, Reader};
use crate::item::Item;
use crate::outlets;
use crate::vocab::Span;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::value::RawValue;

pub struct FeedReader;

impl Reader for FeedReader {
    fn name(&self) -> &'static str {
        "feed"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["rss", "atom", "xml", "rdf", "wxr", "jsonfeed"]
    }

    fn sniff(&self, head: &[u8]) -> bool {
        is_feed_root(root_element(head)) || self.claims(head)
    }

    fn claims(&self, head: &[u8]) -> bool {
        let t = head.trim_ascii_start();
        t.starts_with(b"{") && t.windows(20).any(|w| w == b"jsonfeed.org/version")
    }

    fn read(&self, input: &Input, settings: &ReadSettings) -> Result<Vec<Item>, InputError> {
        let is_json = input.bytes.trim_ascii_start().starts_with(b"{");
        // `.xml` is the feeds' extension, but many XML files are single documents.
        let xml_ext = input.extension().is_none_or(|e| e == "xml");
        if xml_ext && !is_json && !is_feed_root(root_element(&input.bytes)) {
            return super::xmldoc::XmlDocReader.read(input, settings);
        }
        let parser = feed_rs::parser::Builder::new()
            .sanitize_content(false)
            .timestamp_parser(local_date_as_utc)
            .build();
        let feed = parser.parse(input.bytes.as_slice()).map_err(|e| {
            InputError::new(
                input.name.as_ref(),
                Location::File,
                format!("not a readable feed: {e}"),
            )
        })?;
        let ranges = if is_json {
            json_item_ranges(&input.bytes)
        } else {
            xml_item_ranges(&input.bytes)
        };
        let wxr = !is_json && contains(&input.bytes, b"wordpress.org/export/");
        let feed_title = feed
            .title
            .as_ref()
            .and_then(|t| html::meta::clean(&html_to_text(&t.content)));
        let feed_link = feed
            .links
            .iter()
            .map(|l| l.href.as_str())
            .find(|h| h.starts_with("http"));
        let aligned = ranges.len() == feed.entries.len();
        let mut items = Vec::with_capacity(feed.entries.len());
        for (i, entry) in feed.entries.iter().enumerate() {
            let at = if aligned {
                ranges[i]
            } else {
                Span::new(0, input.bytes.len())
            };
            if wxr && aligned && !is_wxr_post(&input.bytes[at.range()]) {
                continue;
            }
            let content_html = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
                .unwrap_or_default();
            let mut item =
                Item::with_own_text(&input.name, at.start, at.end, html_to_text(&content_html));
            if !aligned {
                item.warnings.push(format!(
                    "entry {} of {}: its place in the file is unknown, origin is the whole feed",
                    i + 1,
                    feed.entries.len()
                ));
            }
            if item.text_len() == 0 {
                item.warnings
                    .push("entry has no content or description".into());
            }
            let m = &mut item.meta;
            m.title = entry
                .title
                .as_ref()
                .and_then(|t| html::meta::clean(&html_to_text(&t.content)));
            m.url = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .map(|l| l.href.clone());
            m.record_id = Some(entry.id.clone()).filter(|id| !id.is_empty());
            let names: Vec<String> = entry
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().and_then(html::meta::clean))
                .filter(|n| n != "unknown")
                .collect();
            if !names.is_empty() {
                crate::credit::read_authors(m, "author", names.iter().map(String::as_str));
                m.byline = Some(names.join(", "));
            }
            m.published = entry.published.or(entry.updated).map(|d| d.date_naive());
            m.language = entry
                .language
                .as_deref()
                .or(feed.language.as_deref())
                .and_then(super::records::normalise_language);
            let domain = m
                .url
                .as_deref()
                .or(feed_link)
                .and_then(outlets::domain_of_url);
            let outlet = settings.outlet.clone().or_else(|| feed_title.clone());
            if let Some(o) = outlets::resolve(outlet.as_deref(), domain.as_deref()) {
                m.outlet = Some(o.name);
                m.domain = o.domain;
            }
            let stated = credits::stated_sources(&content_html, &[], None, None);
            for c in stated.credits {
                crate::credit::push(m, c.outlet, c.evidence, c.date);
            }
            m.source_urls = stated.source_urls;
            items.push(item);
        }
        Ok(items)
    }
}

/// Feed dates as the calendar date they print, at midnight UTC: feed-rs keeps UTC instants and
/// the UTC date of a late-evening local time is the next day.
fn local_date_as_utc(s: &str) -> Option<DateTime<Utc>> {
    let d: NaiveDate = html::parse_date(s)?;
    Some(d.and_hms_opt(0, 0, 0)?.and_utc())
}

fn is_feed_root(root: &[u8]) -> bool {
    ["rss", "feed", "rdf:rdf"]
        .iter()
        .any(|r| root.eq_ignore_ascii_case(r.as_bytes()))
}

/// The name of the first element, after any XML declaration, comments and doctype.
fn root_element(head: &[u8]) -> &[u8] {
    let mut t = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    loop {
        t = t.trim_ascii_start();
        let end = if t.starts_with(b"<?") {
            find(t, 0, b"?>").map(|e| e + 2)
        } else if t.starts_with(b"<!--") {
            find(t, 0, b"-->").map(|e| e + 3)
        } else if t.starts_with(b"<!") {
            find(t, 0, b">").map(|e| e + 1)
        } else {
            break;
        };
        match end {
            Some(e) => t = &t[e..],
            None => return b"",
        }
    }
    let Some(rest) = t.strip_prefix(b"<") else {
        return b"";
    };
    let n = rest
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_')))
        .unwrap_or(rest.len());
    &rest[..n]
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Byte ranges of the `<item>` (RSS) or `<entry>` (Atom) elements, in order. CDATA sections and
/// comments are skipped so that markup quoted in content does not count.
fn xml_item_ranges(b: &[u8]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &[u8])> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &b[i..];
        if rest.starts_with(b"<![CDATA[") {
            i = find(b, i, b"]]>").map_or(b.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!--") {
            i = find(b, i, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let is_name_end = |k: usize| {
            rest.get(k)
                .is_none_or(|c| matches!(c, b'>' | b' ' | b'\t' | b'\r' | b'\n' | b'/'))
        };
        match open {
            None => {
                for name in [&b"item"[..], b"entry"] {
                    if rest[1..].starts_with(name) && is_name_end(1 + name.len()) {
                        let gt = find(b, i, b">").map_or(b.len(), |e| e + 1);
                        if b[..gt].ends_with(b"/>") {
                            out.push(Span::new(i, gt));
                        } else {
                            open = Some((i, name));
                        }
                    }
                }
            }
            Some((start, name)) => {
                if rest.starts_with(b"</")
                    && rest[2..].starts_with(name)
                    && is_name_end(2 + name.len())
                {
                    let end = find(b, i, b">").map_or(b.len(), |e| e + 1);
                    out.push(Span::new(start, end));
                    open = None;
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Byte ranges of a JSON Feed's `items`.
fn json_item_ranges(b: &[u8]) -> Vec<Span> {
    #[derive(serde::Deserialize)]
    struct Items<'a> {
        #[serde(borrow, default)]
        items: Vec<&'a RawValue>,
    }
    let Ok(text) = std::str::from_utf8(b) else {
        return Vec::new();
    };
    let Ok(parsed) = serde_json::from_str::<Items<'_>>(text) else {
        return Vec::new();
    };
    parsed
        .items
        .iter()
        .map(|r| {
            let s = r.get().as_ptr() as usize - text.as_ptr() as usize;
            Span::new(s, s + r.get().len())
        })
        .collect()
}

/// A WXR item is a post (not an attachment, page menu entry or other WordPress object).
fn is_wxr_post(item: &[u8]) -> bool {
    let Some(i) = find(item, 0, b"<wp:post_type>") else {
        return true;
    };
    let rest = &item[i + 14..];
    let rest = rest.strip_prefix(b"<![CDATA[").unwrap_or(rest);
    rest.starts_with(b"post<") || rest.starts_with(b"post]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_the_root_element() {
        assert!(
            FeedReader
                .sniff(b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">")
        );
        assert!(FeedReader.sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(FeedReader.sniff(b"<rdf:RDF xmlns:rdf=\"x\">"));
        assert!(!FeedReader.sniff(
            b"<!DOCTYPE html><html><head><link rel=alternate href=/feed><p>&lt;rss&gt; <feedback>"
        ));
    }

    #[test]
    fn item_ranges_skip_cdata_and_nested_names() {
        let x = b"<rss><channel><item><description><![CDATA[<item>no</item>]]></description></item>\n<item/><item >b</item></channel></rss>";
        let r = xml_item_ranges(x);
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(x[r[0].range()].starts_with(b"<item><description>"));
        assert_eq!(&x[r[1].range()], b"<item/>");
        assert_eq!(&x[r[2].range()], b"<item >b</item>");
    }
}
