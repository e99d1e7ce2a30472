//! Scores the HTML reader's main-text extractors on a labelled extraction set that is not in
//! the repo, with the scrapinghub article-extraction-benchmark metric, and times them.
//!
//!   cargo run --release --example body_eval -- DIR [--limit N] [--dump FILE.tsv]
//!
//! DIR holds `input/NAME.html` (the page) and `GoldStandard/NAME.txt` (the expected main text),
//! as in the merged public cleaning sets (Dragnet, L3S-GN1 = page-signal, CleanEval). The
//! expected text is read in the set's own convention: L3S-GN1 gold pages are the page with the
//! full text marked `class="x-nc-sel2"` (headline and supplements are not body); Dragnet's
//! gold ends the article at `!@#$%^&*()  COMMENTS`; CleanEval's starts with a `URL:` line and
//! marks blocks with `<p>`, `<h>`, `<l>`.
//!
//! Metric: words are runs of letters and digits, lowercased; 4-word shingles as multisets;
//! precision and recall per page; averaged over pages; F1 of the two averages. Pages whose
//! expected text is empty are skipped. Pages/s: one thread, the page's bytes to the item,
//! timed over the whole set (the files are read before the clock starts).

use claimtrace::internals::{BodyExtractor, Page, decode_html, page_item_with};
use claimtrace::{Input, ReadSettings, read_input};
use dom_query::Document;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

#[path = "../tests/web_shingles/mod.rs"]
mod web_shingles;
use web_shingles::precision_recall;

struct Case {
    name: String,
    bytes: Vec<u8>,
    expected: String,
}

fn expected_text(gold: &[u8]) -> String {
    let (g, _) = decode_html(gold, None);
    if g.contains("x-nc-sel") {
        let doc = Document::from(g.as_ref());
        let mut out = String::new();
        for s in doc.select(".x-nc-sel2").nodes() {
            // Spans nested in a marked span are already in its text.
            if s.ancestors_it(None).any(|p| p.has_class("x-nc-sel2")) {
                continue;
            }
            out.push_str(&s.text());
            out.push('\n');
        }
        return out;
    }
    if let Some((article, _)) = g.split_once("!@#$%^&*()  COMMENTS") {
        return article.to_string();
    }
    let body = match g.strip_prefix("URL:") {
        Some(rest) => rest.split_once('\n').map_or("", |(_, b)| b),
        None => g.as_ref(),
    };
    let re = regex::Regex::new(r"(?i)<(p|h|l|li)>").unwrap();
    re.replace_all(body, " ").into_owned()
}

fn cases(dir: &str, limit: usize) -> Vec<Case> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(format!("{dir}/input"))
        .expect("DIR/input")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    let mut out = Vec::new();
    let mut skipped = 0;
    for p in names {
        let stem = p.file_stem().unwrap().to_string_lossy().to_string();
        let Ok(gold) = std::fs::read(format!("{dir}/GoldStandard/{stem}.txt")) else {
            continue;
        };
        let expected = expected_text(&gold);
        if !expected.chars().any(char::is_alphanumeric) {
            skipped += 1;
            continue;
        }
        out.push(Case {
            name: stem,
            bytes: std::fs::read(&p).unwrap(),
            expected,
        });
        if out.len() == limit {
            break;
        }
    }
    eprintln!(
        "{} pages ({skipped} with empty expected text skipped)",
        out.len()
    );
    out
}

type Extract = Box<dyn Fn(&Case) -> String>;

fn through_reader(body: BodyExtractor) -> Extract {
    Box::new(move |c: &Case| {
        let (html, _) = decode_html(&c.bytes, None);
        let file: Arc<str> = Arc::from(c.name.as_str());
        let page = Page {
            file: &file,
            start: 0,
            end: c.bytes.len(),
            url: None,
            fallback_date: None,
        };
        page_item_with(&page, &html, &ReadSettings::default(), body).text
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .expect("usage: body_eval DIR [--limit N] [--dump FILE]");
    let opt = |k: &str| {
        args.iter()
            .position(|a| a == k)
            .and_then(|i| args.get(i + 1))
    };
    let limit = opt("--limit").map_or(usize::MAX, |n| n.parse().unwrap());
    let only = opt("--only");
    let cases = cases(dir, limit);
    let extractors: Vec<(&str, Extract)> = vec![
        (
            "claimtrace read_input (default)",
            Box::new(|c: &Case| {
                let input = Input::new(&format!("{}.html", c.name), c.bytes.clone());
                read_input(&input, &ReadSettings::default())
                    .map(|mut v| v.remove(0).text)
                    .unwrap_or_default()
            }),
        ),
        (
            "reader: readability",
            through_reader(BodyExtractor::Readability),
        ),
        (
            "reader: trafilatura",
            through_reader(BodyExtractor::Trafilatura),
        ),
        (
            "reader: trafilatura else readability",
            through_reader(BodyExtractor::TrafilaturaElseReadability),
        ),
        (
            "reader: readability else trafilatura",
            through_reader(BodyExtractor::ReadabilityElseTrafilatura),
        ),
        (
            "dom_smoothie alone",
            Box::new(|c: &Case| {
                let (html, _) = decode_html(&c.bytes, None);
                let cfg = dom_smoothie::Config {
                    text_mode: dom_smoothie::TextMode::Formatted,
                    ..Default::default()
                };
                dom_smoothie::Readability::new(html.as_ref(), None, Some(cfg))
                    .and_then(|mut r| r.parse())
                    .map(|a| a.text_content.to_string())
                    .unwrap_or_default()
            }),
        ),
        (
            "rs-trafilatura alone",
            Box::new(|c: &Case| {
                let (html, _) = decode_html(&c.bytes, None);
                rs_trafilatura::extract(&html)
                    .map(|r| r.content_text)
                    .unwrap_or_default()
            }),
        ),
        (
            "rs-trafilatura alone, page type article",
            Box::new(|c: &Case| {
                let (html, _) = decode_html(&c.bytes, None);
                let opts = rs_trafilatura::Options {
                    page_type: Some(rs_trafilatura::page_type::PageType::Article),
                    ..Default::default()
                };
                rs_trafilatura::extract_with_options(&html, &opts)
                    .map(|r| r.content_text)
                    .unwrap_or_default()
            }),
        ),
    ];
    let mut dump = String::new();
    for (name, f) in &extractors {
        if only.is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let t0 = Instant::now();
        let texts: Vec<String> = cases.iter().map(f).collect();
        let secs = t0.elapsed().as_secs_f64();
        if args.iter().any(|a| a == "--show") {
            for (c, t) in cases.iter().zip(&texts) {
                println!("--- {name} {}:\n{t}\n", c.name);
            }
        }
        let (mut p, mut r) = (0.0, 0.0);
        for (c, t) in cases.iter().zip(&texts) {
            let (pp, rr) = precision_recall(t, &c.expected);
            p += pp;
            r += rr;
            let _ = writeln!(dump, "{name}\t{}\t{pp:.4}\t{rr:.4}\t{}", c.name, t.len());
        }
        let n = cases.len() as f64;
        let (p, r) = (p / n, r / n);
        println!(
            "{name:40} P {p:.3} R {r:.3} F1 {:.3} | {:.1} pages/s",
            2.0 * p * r / (p + r),
            n / secs
        );
    }
    if let Some(path) = opt("--dump") {
        std::fs::write(path, dump).unwrap();
    }
}
