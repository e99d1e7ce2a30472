//! XML documents that are not feeds: a news item, or a corpus file of many, marked up in a
//! vocabulary of its own (`<document><title>…</title><body><p>…</p></body></document>`, TEI-like
//! or agency exports). Nothing is known of the vocabulary, so elements are read by their local
//! name: small elements (and attributes) named like a title, date, source, author, URL, id or
//! language are the item's metadata; all other text is its body, one paragraph per block
//! element. A root whose element children mostly repeat one name (`<doc>`, `<article>`) holds
//! one item per child. The text is rebuilt, so spans point into the item's text.

use super::limits::MAX_NESTING;
use super::{Input, InputError, Location, ReadSettings, Reader};
use crate::item::Item;
use crate::outlets;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

pub struct XmlDocReader;

impl Reader for XmlDocReader {
    fn name(&self) -> &'static str {
        "xml"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["tei", "nitf"]
    }

    fn sniff(&self, head: &[u8]) -> bool {
        let t = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        t.trim_ascii_start().starts_with(b"<?xml")
    }

    fn read(&self, input: &Input, settings: &ReadSettings) -> Result<Vec<Item>, InputError> {
        let name = input.name.as_ref();
        let (text, decoded) =
            decode(&input.bytes).map_err(|e| InputError::new(name, e.at(), e.to_string()))?;
        let to_file = |at: Location| match (at, decoded) {
            (Location::Offset(o), Some(from)) => {
                Location::Offset(file_offsets(&text, from, &[o])[0])
            }
            (at, _) => at,
        };
        let doc =
            parse(&text).map_err(|e| InputError::new(name, to_file(e.at()), e.to_string()))?;
        let mut items: Vec<Item> = doc
            .item_elements()
            .into_iter()
            .map(|e| doc.item(input, e, settings))
            .collect();
        if doc.flattened > 0 {
            let note = format!(
                "{} elements nested deeper than {MAX_NESTING}: read as their ancestor's text",
                doc.flattened
            );
            for it in &mut items {
                it.warnings.push(note.clone());
            }
        }
        if let Some(from) = decoded {
            // Origins are byte ranges of the file, not of its UTF-8 decoding.
            let mut ends: Vec<usize> = items
                .iter()
                .flat_map(|it| [it.origin.start, it.origin.end])
                .collect();
            ends.sort_unstable();
            ends.dedup();
            let mapped = file_offsets(&text, from, &ends);
            let at = |o: usize| mapped[ends.binary_search(&o).unwrap_or(0)].min(input.bytes.len());
            for it in &mut items {
                it.origin.start = at(it.origin.start);
                it.origin.end = at(it.origin.end);
            }
        }
        Ok(items)
    }
}

/// Why a document cannot be read. Offsets are of the decoded text, except `NotUtf8`'s, which
/// is of the file (nothing was decoded).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum XmlError {
    #[error("not UTF-8 and no other encoding declared")]
    NotUtf8 { at: usize },
    #[error("invalid XML: {message}")]
    Syntax { at: usize, message: String },
    #[error("invalid XML: <{name}> is never closed")]
    Unclosed { at: usize, name: String },
    #[error("invalid XML: no root element")]
    NoRoot,
}

impl XmlError {
    fn at(&self) -> Location {
        match *self {
            XmlError::NotUtf8 { at }
            | XmlError::Syntax { at, .. }
            | XmlError::Unclosed { at, .. } => Location::Offset(at),
            XmlError::NoRoot => Location::File,
        }
    }
}

/// The encoding a file was decoded from, and the length of its byte order mark.
type Decoded = Option<(&'static encoding_rs::Encoding, usize)>;

/// The file as UTF-8: as is, or decoded from the encoding its BOM or declaration names.
fn decode(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, Decoded), XmlError> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (s, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok((s, Some((enc, bom))));
    }
    if let Some(enc) = super::text::utf16_without_bom(bytes) {
        return Ok((enc.decode_without_bom_handling(bytes).0, Some((enc, 0))));
    }
    let head = &bytes[..bytes.len().min(200)];
    let declared = head
        .windows(9)
        .position(|w| w == b"encoding=")
        .and_then(|p| {
            let rest = &head[p + 9..];
            let q = *rest.first()?;
            let end = rest[1..].iter().position(|&c| c == q)?;
            encoding_rs::Encoding::for_label(&rest[1..1 + end])
        });
    match declared {
        Some(enc) if enc != encoding_rs::UTF_8 && enc.is_ascii_compatible() => {
            Ok((enc.decode_without_bom_handling(bytes).0, Some((enc, 0))))
        }
        _ => std::str::from_utf8(bytes)
            .map(|s| (std::borrow::Cow::Borrowed(s), None))
            .map_err(|e| XmlError::NotUtf8 {
                at: e.valid_up_to(),
            }),
    }
}

/// The file offsets of the ascending byte offsets `at` of the decoded text, in one pass.
fn file_offsets(
    text: &str,
    (enc, bom): (&'static encoding_rs::Encoding, usize),
    at: &[usize],
) -> Vec<usize> {
    let width = |piece: &str| {
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            2 * piece.encode_utf16().count()
        } else if enc == encoding_rs::UTF_8 {
            piece.len()
        } else {
            enc.encode(piece).0.len()
        }
    };
    let (mut done, mut file) = (0, bom);
    at.iter()
        .map(|&o| {
            let mut o = o.max(done).min(text.len());
            while !text.is_char_boundary(o) {
                o -= 1;
            }
            file += width(&text[done..o]);
            done = o;
            file
        })
        .collect()
}

/// One element: its local name (lowercased), attributes, children and place in the text.
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    kids: Vec<Kid>,
    start: usize,
    end: usize,
}

enum Kid {
    El(usize),
    Text(String),
}

struct Doc {
    els: Vec<El>,
    /// How many elements nested deeper than `MAX_NESTING` were read as their ancestor's text.
    flattened: usize,
}

fn local(qname: &str) -> String {
    qname.rsplit(':').next().unwrap_or(qname).to_lowercase()
}

fn element(e: &BytesStart, start: usize) -> El {
    let attrs = e
        .attributes()
        .flatten()
        .filter_map(|a| {
            let v = a
                .normalized_value(XmlVersion::Implicit1_0)
                .ok()?
                .trim()
                .to_string();
            (!v.is_empty()).then(|| (local(a.key.as_ref()), v))
        })
        .collect();
    El {
        name: local(e.name().as_ref()),
        attrs,
        kids: Vec::new(),
        start,
        end: start,
    }
}

fn parse(text: &str) -> Result<Doc, XmlError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut els: Vec<El> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut too_deep = 0usize;
    let mut flattened = 0usize;
    let err = |at: u64, e: &dyn std::fmt::Display| XmlError::Syntax {
        at: at as usize,
        message: e.to_string(),
    };
    loop {
        let before = reader.buffer_position() as usize;
        let ev = reader
            .read_event()
            .map_err(|e| err(reader.error_position(), &e))?;
        let after = reader.buffer_position() as usize;
        let push_text = |els: &mut Vec<El>, s: String| {
            if let Some(&p) = open.last() {
                match els[p].kids.last_mut() {
                    Some(Kid::Text(t)) => t.push_str(&s),
                    _ => els[p].kids.push(Kid::Text(s)),
                }
            }
        };
        match ev {
            // Deeper elements are read as part of their ancestor at the limit: the walks over
            // the tree recurse, and no bytes may exhaust the stack.
            Event::Start(_) if open.len() >= MAX_NESTING => {
                too_deep += 1;
                flattened += 1;
            }
            Event::Empty(_) if open.len() >= MAX_NESTING => {}
            Event::End(_) if too_deep > 0 => too_deep -= 1,
            Event::Start(e) => {
                let i = els.len();
                els.push(element(&e, before));
                if let Some(&p) = open.last() {
                    els[p].kids.push(Kid::El(i));
                }
                open.push(i);
            }
            Event::Empty(e) => {
                let i = els.len();
                let mut el = element(&e, before);
                el.end = after;
                els.push(el);
                if let Some(&p) = open.last() {
                    els[p].kids.push(Kid::El(i));
                }
            }
            Event::End(_) => {
                if let Some(i) = open.pop() {
                    els[i].end = after;
                }
            }
            Event::Text(t) => {
                let s = t.xml_content(XmlVersion::Implicit1_0).into_owned();
                push_text(&mut els, s);
            }
            Event::CData(t) => {
                let s = t.into_inner().into_owned();
                push_text(&mut els, s);
            }
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name: &str = &r;
                        quick_xml::escape::resolve_predefined_entity(name)
                            .map(str::to_string)
                            // An entity of the document's DTD: keep it as printed.
                            .unwrap_or_else(|| format!("&{name};"))
                    }
                };
                push_text(&mut els, s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(&i) = open.first() {
        let at = els[i].start;
        return Err(XmlError::Unclosed {
            at,
            name: els[i].name.to_string(),
        });
    }
    if els.is_empty() {
        return Err(XmlError::NoRoot);
    }
    Ok(Doc { els, flattened })
}

const TITLE: &[&str] = &["title", "headline", "heading", "hl", "hl1"];
const DATE: &[&str] = &[
    "date",
    "published",
    "pubdate",
    "pub_date",
    "datetime",
    "publication_date",
    "date_published",
    "dateline_date",
    "created",
    "issued",
];
const OUTLET: &[&str] = &[
    "source",
    "publisher",
    "outlet",
    "newspaper",
    "agency",
    "site",
    "site_name",
    "publication",
    "media",
    "channel",
];
const AUTHOR: &[&str] = &["author", "byline", "creator", "writer", "reporter"];
const URL: &[&str] = &["url", "link", "uri", "loc"];
const ID: &[&str] = &["id", "docid", "doc_id", "docno", "identifier"];
const LANGUAGE: &[&str] = &["language", "lang"];
/// Elements that run inside a paragraph rather than making one.
const INLINE: &[&str] = &[
    "a",
    "b",
    "i",
    "em",
    "strong",
    "span",
    "u",
    "sub",
    "sup",
    "font",
    "small",
    "big",
    "q",
    "abbr",
    "cite",
    "hi",
    "name",
    "persname",
    "placename",
    "orgname",
    "w",
    "c",
    "pc",
];
/// Longer than this, an element named like metadata is body text after all.
const META_MAX_CHARS: usize = 300;

#[derive(Default)]
struct Fields {
    title: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
    url: Option<String>,
    id: Option<String>,
    language: Option<String>,
}

impl Fields {
    /// Fills the field `name` stands for, if any and not yet set; false if it is no field.
    fn offer(&mut self, name: &str, value: &str) -> bool {
        let slot = if TITLE.contains(&name) {
            &mut self.title
        } else if DATE.contains(&name) {
            &mut self.date
        } else if OUTLET.contains(&name) {
            &mut self.outlet
        } else if AUTHOR.contains(&name) {
            &mut self.author
        } else if URL.contains(&name) {
            &mut self.url
        } else if ID.contains(&name) {
            &mut self.id
        } else if LANGUAGE.contains(&name) {
            &mut self.language
        } else {
            return false;
        };
        let v = collapse(value);
        if slot.is_none() && !v.is_empty() {
            *slot = Some(v);
        }
        true
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Doc {
    fn text_of(&self, i: usize, out: &mut String) {
        for k in &self.els[i].kids {
            match k {
                Kid::Text(t) => out.push_str(t),
                Kid::El(j) => {
                    out.push(' ');
                    self.text_of(*j, out);
                }
            }
        }
    }

    fn has_element_kids(&self, i: usize) -> bool {
        self.els[i].kids.iter().any(|k| matches!(k, Kid::El(_)))
    }

    /// The elements that are items: the root (past single-child wrappers) or its repeated
    /// children.
    fn item_elements(&self) -> Vec<usize> {
        let mut node = 0;
        loop {
            let kids: Vec<usize> = self.els[node]
                .kids
                .iter()
                .filter_map(|k| match k {
                    Kid::El(j) => Some(*j),
                    Kid::Text(_) => None,
                })
                .collect();
            let direct_text = self.els[node].kids.iter().any(|k| match k {
                Kid::Text(t) => !t.trim().is_empty(),
                Kid::El(_) => false,
            });
            if kids.len() == 1 && !direct_text && self.has_element_kids(kids[0]) {
                node = kids[0];
                continue;
            }
            let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
            for &k in &kids {
                *counts.entry(self.els[k].name.as_str()).or_default() += 1;
            }
            let top = counts.iter().max_by_key(|(_, c)| **c);
            if let Some((name, &count)) = top
                && count >= 2
                && count * 2 > kids.len()
                && !INLINE.contains(name)
                && !["p", "para", "s", "sentence", "li", "line", "lb", "br"].contains(name)
            {
                return kids
                    .into_iter()
                    .filter(|&k| self.els[k].name == *name)
                    .collect();
            }
            return vec![0];
        }
    }

    /// Metadata and body of element `i`, paragraphs in `paras`.
    fn walk(&self, i: usize, fields: &mut Fields, paras: &mut Vec<String>, cur: &mut String) {
        let el = &self.els[i];
        for (k, v) in &el.attrs {
            fields.offer(k, v);
        }
        for kid in &el.kids {
            match kid {
                Kid::Text(t) => {
                    if !cur.is_empty() && !cur.ends_with(' ') {
                        cur.push(' ');
                    }
                    cur.push_str(&collapse(t));
                }
                Kid::El(j) => {
                    let child = &self.els[*j];
                    if !self.has_element_kids(*j) || child.name == "title" {
                        let mut s = String::new();
                        self.text_of(*j, &mut s);
                        if s.chars().count() <= META_MAX_CHARS && fields.offer(&child.name, &s) {
                            for (k, v) in &child.attrs {
                                fields.offer(k, v);
                            }
                            continue;
                        }
                    }
                    let inline = INLINE.contains(&child.name.as_str());
                    if !inline {
                        flush(paras, cur);
                    }
                    self.walk(*j, fields, paras, cur);
                    if !inline {
                        flush(paras, cur);
                    }
                }
            }
        }
    }

    fn item(&self, input: &Input, i: usize, settings: &ReadSettings) -> Item {
        let mut fields = Fields::default();
        let mut paras = Vec::new();
        let mut cur = String::new();
        self.walk(i, &mut fields, &mut paras, &mut cur);
        flush(&mut paras, &mut cur);
        let el = &self.els[i];
        let mut item = Item::with_own_text(&input.name, el.start, el.end, paras.join("\n\n"));
        if item.text_len() == 0 {
            item.warnings.push(format!("<{}> has no text", el.name));
        }
        let m = &mut item.meta;
        m.title = fields.title;
        m.url = fields.url.filter(|u| u.contains("://"));
        m.record_id = fields.id;
        if let Some(a) = fields.author {
            crate::credit::read_authors(m, "author", [a.as_str()]);
            m.byline = Some(a);
        }
        if let Some(d) = fields.date {
            m.published = super::records::parse_record_date(&d)
                .or_else(|| super::html::parse_date(&d))
                .or_else(|| crate::dates::find_date(&d).map(|(d, _)| d));
            if m.published.is_none() {
                item.warnings.push(format!("unreadable date {d:?}"));
            }
        }
        let m = &mut item.meta;
        m.language = fields
            .language
            .as_deref()
            .and_then(super::records::normalise_language);
        let outlet = settings.outlet.clone().or(fields.outlet);
        let domain = m.url.as_deref().and_then(outlets::domain_of_url);
        if let Some(o) = outlets::resolve(outlet.as_deref(), domain.as_deref()) {
            m.outlet = Some(o.name);
            m.domain = o.domain;
        }
        item
    }
}

fn flush(paras: &mut Vec<String>, cur: &mut String) {
    let p = cur.trim();
    if !p.is_empty() {
        paras.push(p.to_string());
    }
    cur.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, s: &str) -> Result<Vec<Item>, InputError> {
        XmlDocReader.read(
            &Input::new(name, s.as_bytes().to_vec()),
            &ReadSettings::default(),
        )
    }

    #[test]
    fn one_document_with_metadata_and_paragraphs() {
        let x = r#"<?xml version="1.0" encoding="UTF-8"?>
<document id="d7" lang="en">
  <head><title>Pier closes</title><source>Harbour Gazette</source><date>2021-03-02</date>
  <author>Tomas Brill</author></head>
  <body><p>The ferry will stop on <b>Sunday</b> for repairs &amp; checks.</p>
  <p>Passengers can take the bus&#33;</p></body>
</document>"#;
        let items = read("d.xml", x).unwrap();
        assert_eq!(items.len(), 1);
        let it = &items[0];
        assert_eq!(
            it.text(),
            "The ferry will stop on Sunday for repairs & checks.\n\nPassengers can take the bus!"
        );
        assert_eq!(it.meta.title.as_deref(), Some("Pier closes"));
        assert_eq!(it.meta.outlet.as_deref(), Some("Harbour Gazette"));
        assert_eq!(
            it.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2021-03-02")
        );
        assert_eq!(it.meta.record_id.as_deref(), Some("d7"));
        assert_eq!(it.meta.language.as_deref(), Some("en"));
        assert_eq!(it.meta.authors, vec!["Tomas Brill"]);
        assert_eq!((it.origin.start, it.origin.end), (39, x.len()));
    }

    #[test]
    fn repeated_children_are_items() {
        let x = "<corpus><docs>\
            <doc source='Lantern Blog'><text>First story text.</text></doc>\
            <doc source='Quarry Notes'><text>Second story text.</text></doc>\
            </docs></corpus>";
        let items = read("c.xml", x).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].text(), "Second story text.");
        assert_eq!(items[1].meta.outlet.as_deref(), Some("Quarry Notes"));
        assert_eq!(&x[items[0].origin.start..items[0].origin.start + 4], "<doc");
    }

    #[test]
    fn legacy_encoding_from_the_declaration() {
        let mut b = b"<?xml version='1.0' encoding='windows-1256'?><doc><p>".to_vec();
        b.extend_from_slice(&[0xC7, 0xE1, 0xD3, 0xE1, 0xC7, 0xE3]); // السلام
        b.extend_from_slice(b"</p></doc>");
        let items = XmlDocReader
            .read(&Input::new("a.xml", b), &ReadSettings::default())
            .unwrap();
        assert_eq!(items[0].text(), "السلام");
        // The origin is in the file's bytes: the <doc> element after the 45-byte declaration.
        assert_eq!((items[0].origin.start, items[0].origin.end), (45, 69));
        let utf16: Vec<u8> = "\u{feff}<doc><p>Hi</p></doc>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let len = utf16.len();
        let items = XmlDocReader
            .read(&Input::new("w.xml", utf16), &ReadSettings::default())
            .unwrap();
        assert_eq!(items[0].text(), "Hi");
        assert_eq!((items[0].origin.start, items[0].origin.end), (2, len));
    }

    #[test]
    fn broken_xml_names_the_offset() {
        let e = read("b.xml", "<doc><p>text</doc>").unwrap_err();
        assert!(e.to_string().starts_with("b.xml"), "{e}");
        assert!(e.to_string().contains("invalid XML"), "{e}");
        let e = read("u.xml", "<doc><p>text</p>").unwrap_err();
        assert!(e.to_string().contains("never closed"), "{e}");
    }

    #[test]
    fn deep_nesting_is_read_not_recursed_into() {
        let depth = 100_000;
        let x = format!("{}deep text{}", "<a>".repeat(depth), "</a>".repeat(depth));
        let items = read("n.xml", &x).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].text(), "deep text");
        assert_eq!((items[0].origin.start, items[0].origin.end), (0, x.len()));
    }

    #[test]
    fn empty_document_is_an_item_with_a_warning() {
        let items = read("e.xml", "<doc><title>Only a title</title></doc>").unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].meta.title.as_deref(), Some("Only a title"));
        assert_eq!(items[0].warnings, vec!["<doc> has no text"]);
    }
}
