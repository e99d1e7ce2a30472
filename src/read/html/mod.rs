//! HTML pages: the article's main text (dom_smoothie, a port of Mozilla's Readability, measured
//! best on the pages we can score: see docs/web-formats.md) and what the page states about
//! itself (title, byline, date, site, canonical URL, JSON-LD, reposts).

pub(crate) mod charset;
pub(crate) mod credits;
pub(crate) mod meta;
pub(crate) mod nesting;
pub(crate) mod scan;
pub(crate) mod strip;

use super::limits::{MAX_NESTING, MAX_PAGE_BYTES, MAX_PAGE_WORK};
use super::{Input, InputError, ReadSettings, Reader};
use crate::item::Item;
use crate::outlets;
use chrono::NaiveDate;
use dom_query::Document;
use std::sync::Arc;

pub struct HtmlReader;

/// Fewer characters than this in a page's text is worth a warning: the shortest news brief is
/// longer.
const LITTLE_TEXT: usize = 100;

impl Reader for HtmlReader {
    fn name(&self) -> &'static str {
        "html"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["html", "htm", "xhtml", "shtml"]
    }

    fn sniff(&self, head: &[u8]) -> bool {
        looks_like_html(head)
    }

    fn read(&self, input: &Input, settings: &ReadSettings) -> Result<Vec<Item>, InputError> {
        let (html, enc) = charset::decode(&input.bytes, None);
        let page = Page {
            file: &input.name,
            start: 0,
            end: input.bytes.len(),
            url: None,
            fallback_date: None,
        };
        let mut item = page_item(&page, &html, settings);
        if crate::read::text::utf16_without_bom(&input.bytes).is_some() {
            item.warnings.push(format!(
                "no byte order mark, but zero bytes where {} puts them: read as {0}",
                enc.name()
            ));
        }
        Ok(vec![item])
    }

    /// A fragment of HTML is no page: a page starts with a doctype or its `<html>`, `<head>` or
    /// `<body>` (or the elements only a head holds), after comments and an XML declaration. The
    /// Readability test pages' expected bodies, which start `<div>`, are fragments.
    fn not_news(&self, input: &Input) -> Option<String> {
        let head = &input.bytes[..input.bytes.len().min(4096)];
        let (head, _) = charset::decode(head, None);
        let head = head.trim_start_matches('\u{FEFF}');
        for t in scan::tokens(head) {
            match t {
                scan::Token::Text(s) if s.trim().is_empty() => {}
                scan::Token::Other(s) if s.starts_with("<!--") || s.starts_with("<?") => {}
                scan::Token::Other(s)
                    if s.get(..9)
                        .is_some_and(|d| d.eq_ignore_ascii_case("<!doctype")) =>
                {
                    return None;
                }
                scan::Token::Start { name, .. }
                    if DOCUMENT_START.iter().any(|d| d.eq_ignore_ascii_case(name)) =>
                {
                    return None;
                }
                _ => break,
            }
        }
        Some("an HTML fragment, not a page".into())
    }
}

/// The elements a page may start with.
const DOCUMENT_START: &[&str] = &["html", "head", "body", "meta", "title", "link", "base"];

/// Whether the start of an input is HTML markup: a doctype or an `<html>`, `<head>` or `<body>`
/// tag before anything but whitespace, comments or an XML declaration.
pub fn looks_like_html(head: &[u8]) -> bool {
    let lower = head[..head.len().min(1024)].to_ascii_lowercase();
    let lower = lower.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&lower);
    let t = lower.trim_ascii_start();
    if !t.starts_with(b"<") {
        return false;
    }
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
    ]
    .iter()
    .any(|p| lower.windows(p.len()).any(|w| w == *p))
}

/// Where a page stands and what its container knows of it.
pub struct Page<'a> {
    /// The input file's name.
    pub file: &'a Arc<str>,
    /// Byte range of the page in the input file.
    pub start: usize,
    /// Its end.
    pub end: usize,
    /// The address it was fetched from (a WARC record's target URI).
    pub url: Option<&'a str>,
    /// The date to use when the page states none (a WARC record's date).
    pub fallback_date: Option<NaiveDate>,
}

/// Where a page's main text comes from. Metadata is read the same way whichever is chosen.
/// The rs-trafilatura ones exist with the `trafilatura` feature, for measuring them
/// (`examples/body_eval.rs`); none beat Readability on independent labelled sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyExtractor {
    /// dom_smoothie (Readability.js port).
    Readability,
    /// rs-trafilatura.
    #[cfg(feature = "trafilatura")]
    Trafilatura,
    /// rs-trafilatura, else Readability where trafilatura finds (almost) nothing.
    #[cfg(feature = "trafilatura")]
    TrafilaturaElseReadability,
    /// Readability, else rs-trafilatura where Readability finds (almost) nothing.
    #[cfg(feature = "trafilatura")]
    ReadabilityElseTrafilatura,
}

/// The extractor pages go through: see docs/web-formats.md for the measurements behind it.
pub const DEFAULT_BODY: BodyExtractor = BodyExtractor::Readability;

/// One page as an item: main text, metadata and stated sources. Never fails: a page whose
/// article cannot be found keeps its whole visible text, with a warning.
pub fn page_item(page: &Page<'_>, html: &str, settings: &ReadSettings) -> Item {
    page_item_with(page, html, settings, DEFAULT_BODY)
}

/// The main text from the chosen extractor, given what Readability found (`None`: nothing).
#[cfg(not(feature = "trafilatura"))]
fn choose_body(
    _: BodyExtractor,
    found: Option<String>,
    _: &str,
    _: Option<&str>,
    _: &mut Vec<String>,
) -> Option<String> {
    found
}

/// The main text from the chosen extractor, given what Readability found (`None`: nothing,
/// for the reason `failure`).
#[cfg(feature = "trafilatura")]
fn choose_body(
    body: BodyExtractor,
    found: Option<String>,
    html: &str,
    failure: Option<&str>,
    warnings: &mut Vec<String>,
) -> Option<String> {
    /// Below this many characters an extraction counts as having found nothing, and the
    /// hybrid extractors ask the other one.
    const SHORT_BODY: usize = 250;
    let short = |t: &str| t.trim().chars().count() < SHORT_BODY;
    let traf = || {
        let r = rs_trafilatura::extract(html).ok()?;
        let t = strip::fold(&r.content_text.replace('\n', "\n\n"));
        (!t.trim().is_empty()).then_some(t)
    };
    match body {
        BodyExtractor::Readability => found,
        BodyExtractor::Trafilatura => traf().or(found),
        BodyExtractor::TrafilaturaElseReadability => match (traf(), found) {
            (Some(t), Some(r)) if short(&t) && !short(&r) => Some(r),
            (t, r) => t.or(r),
        },
        BodyExtractor::ReadabilityElseTrafilatura => match found {
            Some(r) if !short(&r) => Some(r),
            r => match traf().filter(|t| !short(t)) {
                Some(t) => {
                    if let Some(e) = failure {
                        warnings.push(format!(
                            "no article body found by Readability ({e}); the text is rs-trafilatura's"
                        ));
                    }
                    Some(t)
                }
                None => r,
            },
        },
    }
}

/// `page_item` with the main text from a chosen extractor (for measuring them).
pub fn page_item_with(
    page: &Page<'_>,
    html: &str,
    settings: &ReadSettings,
    body: BodyExtractor,
) -> Item {
    let mut warnings = Vec::new();
    let html = cut_page(html, &mut warnings);
    let html = drop_script_bodies(html);
    let bounded = nesting::bound_nesting(&html, MAX_NESTING);
    if bounded.dropped > 0 {
        warnings.push(format!(
            "markup nested deeper than {MAX_NESTING} elements: {} deeper tags dropped, their text kept",
            bounded.dropped
        ));
    }
    let doc = Document::from(bounded.html.as_ref());
    let pm = meta::read_meta(&doc);
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let article = if bounded.work > MAX_PAGE_WORK {
        Err(format!(
            "the page is too large or deep for article extraction ({} element-levels, the limit \
             is {MAX_PAGE_WORK})",
            bounded.work
        ))
    } else {
        dom_smoothie::Readability::with_document(doc, None, Some(cfg))
            .and_then(|mut r| r.parse())
            .map_err(|e| e.to_string())
    };
    let (found, title, byline, site, date_raw, failure) = match article {
        Ok(a) => (
            Some(strip::fold(&a.text_content)),
            meta::clean(&a.title),
            a.byline.as_deref().and_then(meta::clean),
            a.site_name.as_deref().and_then(meta::clean),
            a.published_time.as_deref().and_then(meta::clean),
            None,
        ),
        Err(e) => (None, None, None, None, None, Some(e)),
    };
    let found = choose_body(body, found, &html, failure.as_deref(), &mut warnings);
    let mut text = match (found, failure) {
        (Some(t), _) => t,
        (None, e) => {
            let e = e.unwrap_or_else(|| "nothing found".to_string());
            if pm.ld.article_body.is_some() {
                warnings.push(format!(
                    "no article body found ({e}); the text is the page's JSON-LD articleBody"
                ));
                String::new()
            } else {
                warnings.push(format!(
                    "no article body found ({e}); the text is the page's whole visible text"
                ));
                strip::html_to_text(body_of(&html))
            }
        }
    };
    // The publisher's own statement of the body wins over an extraction that found less than
    // half of it (Readability keeps one container and misses articles split across several).
    if let Some(body) = &pm.ld.article_body
        && body.len() > 2 * text.len()
    {
        text = body.clone();
    }
    let mut item = Item::with_own_text(page.file, page.start, page.end, text);
    item.warnings = warnings;
    let chars = item.text().chars().count();
    if chars < LITTLE_TEXT {
        item.warnings.push(format!(
            "page has little text ({chars} characters): not an article, or its markup is broken"
        ));
    }
    let m = &mut item.meta;
    m.title = title
        .or_else(|| pm.ld.headline.clone())
        .or_else(|| pm.og_title.clone())
        .or_else(|| pm.title_tag.clone());
    let byline = byline
        .or_else(|| (!pm.ld.authors.is_empty()).then(|| pm.ld.authors.join(", ")))
        .or_else(|| pm.meta_author.clone());
    if let Some(b) = &byline {
        crate::credit::read_authors(m, "byline", [b.as_str()]);
    }
    crate::credit::read_authors(
        m,
        "JSON-LD author",
        pm.ld.authors.iter().map(String::as_str),
    );
    // An author the page types as an organisation is one, whatever its name looks like.
    for o in &pm.ld.author_organisations {
        if let Some(outlet) = outlets::resolve(Some(o), None) {
            crate::credit::push(m, outlet.name, format!("JSON-LD author: {o}"), None);
        }
    }
    m.byline = byline;
    let text = drop_leading_title_and_byline(&item.text.get(), m.title.as_deref(), &m.authors);
    item.set_text(text);
    let m = &mut item.meta;
    let own_url = page
        .url
        .map(str::to_string)
        .or_else(|| pm.og_url.clone())
        .or_else(|| pm.ld.url.clone().filter(|u| u.starts_with("http")));
    m.url = own_url.clone().or_else(|| pm.canonical.clone());
    let site = settings
        .outlet
        .clone()
        .or(site)
        .or_else(|| pm.og_site_name.clone())
        .or_else(|| pm.ld.publisher.clone());
    let url_domain = m.url.as_deref().and_then(outlets::domain_of_url);
    if let Some(o) = outlets::resolve(site.as_deref(), url_domain.as_deref()) {
        m.outlet = Some(o.name);
        m.domain = o.domain;
    }
    let date_raw = date_raw
        .or_else(|| pm.ld.date_published.clone())
        .or_else(|| pm.meta_date.clone());
    m.published = match &date_raw {
        Some(d) => match parse_date(d) {
            Some(d) => Some(d),
            None => {
                item.warnings.push(format!("unreadable date {d:?}"));
                page.fallback_date
            }
        },
        None => page.fallback_date,
    };
    let m = &mut item.meta;
    m.language = pm
        .lang
        .as_deref()
        .and_then(super::records::normalise_language);
    let stated = credits::stated_sources(
        &html,
        &pm.ld.is_based_on,
        pm.canonical.as_deref(),
        own_url.as_deref(),
    );
    for c in stated.credits {
        crate::credit::push(m, c.outlet, c.evidence, c.date);
    }
    m.source_urls = stated.source_urls;
    item
}

/// The page, cut to `MAX_PAGE_BYTES` (at a character boundary) with a warning when longer.
fn cut_page<'h>(html: &'h str, warnings: &mut Vec<String>) -> &'h str {
    if html.len() <= MAX_PAGE_BYTES {
        return html;
    }
    let mut cut = MAX_PAGE_BYTES;
    while !html.is_char_boundary(cut) {
        cut -= 1;
    }
    warnings.push(format!(
        "page cut to its first {cut} of {} bytes: longer than the page limit",
        html.len()
    ));
    &html[..cut]
}

/// The text without its first paragraphs where they only repeat the title or state the byline
/// ("By Jane Roe and Tom Vale"): they are metadata, not the article's words.
fn drop_leading_title_and_byline(text: &str, title: Option<&str>, authors: &[String]) -> String {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let title = title.map(norm);
    let mut rest = text;
    for _ in 0..3 {
        let (para, after) = rest.split_once("\n\n").unwrap_or((rest, ""));
        let p = norm(para);
        let is_title = title.as_deref() == Some(p.as_str());
        let is_byline = p.len() < 120
            && p.starts_with("by ")
            && authors.iter().any(|a| p.contains(&a.to_lowercase()));
        if !(is_title || is_byline) || after.is_empty() {
            break;
        }
        rest = after;
    }
    rest.to_string()
}

/// A date as pages and feeds print it: ISO 8601 (a date-time keeps its own calendar date),
/// RFC 2822, or a bare year-month-day somewhere in the string.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = super::records::parse_record_date(s) {
        return Some(d);
    }
    // An ISO date-time the record rules refused (its time is none, "T25:61") is no date: its
    // date part is not to be found again by the search below.
    if s.len() > 10
        && s.as_bytes()[10].eq_ignore_ascii_case(&b'T')
        && s.get(..10)
            .is_some_and(|h| NaiveDate::parse_from_str(h, "%Y-%m-%d").is_ok())
    {
        return None;
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive()).filter(|&d| crate::dates::writable(d));
    }
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = s.get(i..i + 10)?;
        let ok = w.bytes().enumerate().all(|(j, c)| {
            if j == 4 || j == 7 {
                c == b'-' || c == b'/'
            } else {
                c.is_ascii_digit()
            }
        });
        if !ok {
            return None;
        }
        NaiveDate::parse_from_str(&w.replace('/', "-"), "%Y-%m-%d")
            .ok()
            .filter(|&d| crate::dates::writable(d))
    })
}

/// The markup inside `<body>`, or all of it.
fn body_of(html: &str) -> &str {
    let lower_find = |needle: &str| {
        html.as_bytes()
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    match lower_find("<body") {
        Some(i) => &html[i..],
        None => html,
    }
}

/// The page without the contents of its scripts and style sheets, but with JSON-LD: they are
/// half the bytes of a modern page, most of its parse time, and none of its text. The HTML
/// tokenizer ends a script at the first `</script` (a style at `</style`), and so does this.
pub fn drop_script_bodies(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    // The next start of each tag at or after `i`, found again only when passed.
    let tags = ["<script", "<style"];
    let find = |t: &str, from: usize| {
        memchr::memmem::find(&lower.as_bytes()[from..], t.as_bytes()).map(|p| p + from)
    };
    let mut next = [find(tags[0], 0), find(tags[1], 0)];
    loop {
        for (k, t) in tags.iter().enumerate() {
            if next[k].is_some_and(|n| n < i) {
                next[k] = find(t, i);
            }
        }
        let Some((p, tag)) = (0..2).filter_map(|k| next[k].map(|n| (n, tags[k]))).min() else {
            break;
        };
        let Some(gt) = lower[p..].find('>').map(|g| p + g + 1) else {
            break;
        };
        out.push_str(&html[i..gt]);
        let close = if tag == "<script" {
            "</script"
        } else {
            "</style"
        };
        let Some(end) = lower[gt..].find(close).map(|e| gt + e) else {
            i = gt;
            break;
        };
        if tag == "<script" && lower[p..gt].contains("ld+json") {
            out.push_str(&html[gt..end]);
        }
        i = end;
    }
    out.push_str(&html[i..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_shapes_pages_print() {
        let d = NaiveDate::from_ymd_opt(2020, 9, 19);
        assert_eq!(parse_date("2020-09-19T08:00:00+02:00"), d);
        assert_eq!(parse_date("Sat, 19 Sep 2020 08:00:00 +0000"), d);
        assert_eq!(parse_date("Posted 2020/09/19 at noon"), d);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2020-09-19T25:61:61Z"), None);
        assert_eq!(parse_date("Posted 0000/01/01"), None);
    }

    #[test]
    fn leading_title_and_byline_are_not_text() {
        let t = "Ferry stops\n\nBy Jane Roe, Staff\n\nThe ferry stops.\n\nBy the way.";
        let authors = vec!["Jane Roe".to_string()];
        assert_eq!(
            drop_leading_title_and_byline(t, Some("Ferry  stops"), &authors),
            "The ferry stops.\n\nBy the way."
        );
        assert_eq!(
            drop_leading_title_and_byline("By Jane Roe", None, &authors),
            "By Jane Roe"
        );
    }

    #[test]
    fn scripts_emptied_json_ld_kept() {
        let h = "<script>if (a<b) x='<p>';</script><p>t</p><script type=\"application/ld+json\">{}</script>";
        assert_eq!(
            drop_script_bodies(h),
            "<script></script><p>t</p><script type=\"application/ld+json\">{}</script>"
        );
    }

    #[test]
    fn sniffs_markup_not_text() {
        assert!(looks_like_html(b"\n<!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<!-- c --><html lang=en>"));
        assert!(!looks_like_html(b"Headline <html> in a text dump"));
        assert!(!looks_like_html(b"<?xml version=\"1.0\"?><rss>"));
    }
}
