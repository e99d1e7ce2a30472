//! Structured hostile inputs, which random bytes almost never reach: markup and JSON nested tens
//! of thousands deep, unclosed or closed, in a page, a feed, an XML document, a WARC record or a
//! gzip file; long lines dense with quotations in a text dump or one JSON record. The fuzzer's
//! bytes choose the shape, the depth, the tags and the words. Every input must read without a
//! panic or a stack overflow, with origins in bounds and every item within the item limit, and
//! what it reads must go through claims, reuse, the graph and both exports.
#![no_main]

use claimtrace::{Input, Limits, ReadSettings, read_input};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

const TAGS: &[&str] = &[
    "div", "span", "p", "li", "table", "td", "a", "b", "svg", "math", "template", "select",
    "option", "x-custom", "script", "style", "title", "br", "img",
];

const WORDS: &[&str] = &[
    "The minister said the bridge will stay closed for months, officials confirmed.",
    "“We will not reopen a bridge that is not safe,” Ruiz told reporters.",
    "According to the port, ferries will run every half hour.",
    "<", ">", "&amp;", "\"", "'", "=", "<!--", "-->", "</", "/>", "\n", "\n\n", " ", "\u{0}",
    "\u{feff}", "\u{1b}", "<![CDATA[", "]]>", "{", "}", "[", "]",
];

fn words(u: &mut Unstructured) -> Result<String> {
    let n = u.int_in_range(0..=12)?;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(u.choose(WORDS)?);
    }
    Ok(s)
}

/// `<tag attrs>` nested `depth` deep around `inner`, closed or not.
fn nest(u: &mut Unstructured, depth: usize, inner: &str) -> Result<String> {
    let tag = *u.choose(TAGS)?;
    let attr = if u.arbitrary()? {
        format!(" title=\"{}\"", words(u)?.replace('"', "&quot;"))
    } else {
        String::new()
    };
    let self_closing = u.ratio(1, 8)?;
    let close = u.arbitrary::<bool>()?;
    let open = if self_closing {
        format!("<{tag}{attr}/>")
    } else {
        format!("<{tag}{attr}>")
    };
    let mut s = open.repeat(depth);
    s.push_str(inner);
    if close && !self_closing {
        s.push_str(&format!("</{tag}>").repeat(depth));
    }
    Ok(s)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn case(u: &mut Unstructured) -> Result<(String, Vec<u8>)> {
    let depth = match u.int_in_range(0..=3)? {
        0 => u.int_in_range(0..=300)?,
        1 => u.int_in_range(150..=250)?,
        // Deep enough to overflow a stack (the recursion of a DOM library) or to make a
        // quadratic parser hang, if anything let them through.
        _ => u.int_in_range(0..=30_000)?,
    };
    let inner = words(u)?;
    let shape = u.int_in_range(0..=8)?;
    let page = |body: String| {
        format!("<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>")
    };
    Ok(match shape {
        0 => ("page.html".into(), page(nest(u, depth, &inner)?).into_bytes()),
        1 => ("page.html.gz".into(), gzip(page(nest(u, depth, &inner)?).as_bytes())),
        2 => {
            let html = page(nest(u, depth, &inner)?);
            let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
            let warc = format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/p\r\n\
                 Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
                http.len()
            );
            ("archive.warc".into(), warc.into_bytes())
        }
        3 => {
            let body = nest(u, depth, &inner)?;
            let xml = format!("<?xml version=\"1.0\"?><doc><title>T</title><body>{body}</body></doc>");
            ("doc.xml".into(), xml.into_bytes())
        }
        4 => {
            let content = nest(u, depth, &inner)?.replace("]]>", "]]]]><![CDATA[>");
            let rss = format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title><item><title>E</title>\
                 <link>https://x.example/e</link><description><![CDATA[{content}]]></description></item></channel></rss>"
            );
            ("feed.rss".into(), rss.into_bytes())
        }
        5 => {
            let open = "[".repeat(depth.min(5_000));
            let close = "]".repeat(depth.min(5_000));
            let rec = format!("{{\"text\":{},\"deep\":{open}{close}}}", serde_json::json!(inner));
            ("records.jsonl".into(), rec.into_bytes())
        }
        6 => {
            let line = u.choose(WORDS)?.to_string() + " ";
            let n = u.int_in_range(0..=4_000)?;
            let rec = serde_json::json!({"id": "r", "text": line.repeat(n)}).to_string();
            ("line.jsonl".into(), rec.into_bytes())
        }
        7 => {
            let line = u.choose(WORDS)?.to_string();
            let n = u.int_in_range(0..=4_000)?;
            let sep = if u.arbitrary()? { " " } else { "\n" };
            ("dump.txt".into(), (line + sep).repeat(n).into_bytes())
        }
        _ => {
            // Raw fuzzer bytes after a deep prefix, under a name of the fuzzer's choosing.
            let name = *u.choose(&["x.html", "x.xml", "x.json", "x.txt", "x.warc", "x"])?;
            let mut bytes = nest(u, depth.min(5_000), "")?.into_bytes();
            let rest = u.len();
            bytes.extend_from_slice(u.bytes(rest)?);
            (name.into(), bytes)
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok((name, bytes)) = case(&mut u) else {
        return;
    };
    let len = bytes.len();
    let gz = name.ends_with(".gz");
    let Ok(items) = read_input(&Input::new(&name, bytes), &ReadSettings::default()) else {
        return;
    };
    for item in &items {
        assert!(item.origin.start <= item.origin.end);
        // A gzip input's origins are offsets in what it inflates to.
        assert!(gz || item.origin.end <= len);
        assert!(item.text_len() <= Limits::DEFAULT.item_text_bytes);
    }
    let claims = claimtrace::extract_all_claims(&items);
    let links = claimtrace::link_items(&items);
    let graph = claimtrace::build_graph(items, claims, &links, Default::default());
    for format in [claimtrace::Format::Json, claimtrace::Format::Dot] {
        claimtrace::write_graph(&graph, format, &mut std::io::sink()).unwrap();
    }
});
