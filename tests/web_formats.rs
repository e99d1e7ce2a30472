//! Web inputs read end to end from the fictional fixtures in tests/fixtures/web.

mod common;

use chrono::NaiveDate;
use claimtrace::Item;
use claimtrace::SpanBasis;
use claimtrace::{Input, ReadSettings, read_input};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web/");

fn read(name: &str) -> Vec<Item> {
    let bytes = std::fs::read(format!("{DIR}{name}")).unwrap();
    read_input(&Input::new(name, bytes), &ReadSettings::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn html_page_main_text_and_metadata() {
    let items = read("lantern-bridge.html");
    assert_eq!(items.len(), 1);
    let it = &items[0];
    assert_eq!(it.origin.spans, SpanBasis::Text);
    assert_eq!((it.origin.start, it.origin.end), (0, 2900));
    assert!(
        it.text()
            .contains("Ada Merriweather, the county's chief bridge engineer")
    );
    for boilerplate in [
        "Advertisement",
        "Related stories",
        "All rights reserved",
        "Weather",
    ] {
        assert!(
            !it.text().contains(boilerplate),
            "{boilerplate} kept: {}",
            it.text()
        );
    }
    let m = &it.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Bridge repairs to close Kestrel Road for a month")
    );
    assert_eq!(m.outlet.as_deref(), Some("The Lantern Post"));
    assert_eq!(m.domain.as_deref(), Some("lanternpost.example"));
    // The page's own calendar date, not the UTC one (21:30 at -04:00).
    assert_eq!(m.published, date(2024, 5, 14));
    assert_eq!(m.authors, vec!["Mira Oakes", "Tobias Fenn"]);
    assert_eq!(m.language.as_deref(), Some("en"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://lanternpost.example/2024/05/bridge-repairs")
    );
    assert_eq!(
        m.source_urls,
        vec!["https://valleywire.example/stories/kestrel-bridge"]
    );
    let credited: Vec<&str> = m.credits.iter().map(|c| c.outlet.as_str()).collect();
    assert_eq!(credited, vec!["Valley Wire"], "{:?}", m.credits);
    assert!(it.warnings.is_empty(), "{:?}", it.warnings);
}

#[test]
fn repost_states_its_source_by_canonical_and_wordpress_footer() {
    let it = &read("harbour-repost.html")[0];
    assert_eq!(it.meta.outlet.as_deref(), Some("Copperfield Daily"));
    assert_eq!(
        it.meta.url.as_deref(),
        Some("https://copperfield-daily.example/harbour-ferry-winter")
    );
    assert_eq!(
        it.meta.source_urls,
        vec!["https://harbourgazette.example/news/ferry-all-winter"]
    );
    let credited: Vec<&str> = it.meta.credits.iter().map(|c| c.outlet.as_str()).collect();
    assert_eq!(credited, vec!["Harbour Gazette"]);
    assert!(!it.text().contains("Most read"));
}

#[test]
fn gzip_page_reads_as_the_page_under_its_own_name() {
    let plain = &read("harbour-repost.html")[0];
    let gz = &read("harbour-repost.html.gz")[0];
    assert_eq!(gz.text(), plain.text());
    assert_eq!(gz.meta, plain.meta);
    assert_eq!(gz.origin.file.as_ref(), "harbour-repost.html.gz");
}

#[test]
fn legacy_charset_from_meta_tag() {
    let it = &read("cafe-latin1.html")[0];
    assert_eq!(it.meta.title.as_deref(), Some("Café owner wins award"));
    assert!(it.text().contains("Renée Colbert"));
    assert!(
        it.text()
            .contains("\u{201c}We never expected to win twice,\u{201d}")
    );
}

#[test]
fn garbage_html_is_an_item_with_a_warning() {
    let items = read("garbage.html");
    assert_eq!(items.len(), 1);
    assert!(
        items[0].warnings.iter().any(|w| w.contains("little text")),
        "{:?}",
        items[0].warnings
    );
}

#[test]
fn rss_entries_are_items_with_feed_outlet() {
    let bytes = std::fs::read(format!("{DIR}gull-island.rss")).unwrap();
    let items = read("gull-island.rss");
    assert_eq!(items.len(), 2);
    let a = &items[0];
    assert_eq!(a.meta.outlet.as_deref(), Some("Gull Island Courier"));
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Lighthouse to reopen to visitors")
    );
    assert_eq!(a.meta.authors, vec!["Nell Haverford"]);
    // 23:15 at -05:00 is the 16th where it was printed, the 17th in UTC.
    assert_eq!(a.meta.published, date(2024, 3, 16));
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://gullcourier.example/2024/03/lighthouse-reopens")
    );
    assert!(
        a.text()
            .starts_with("The old lighthouse on the north point"),
        "{}",
        a.text()
    );
    assert!(!a.text().contains("<p>"));
    assert_eq!(
        a.meta.source_urls,
        vec!["https://harbourgazette.example/lighthouse"]
    );
    assert_eq!(a.meta.credits[0].outlet, "Harbour Gazette");
    let entry = std::str::from_utf8(&bytes[a.origin.start..a.origin.end]).unwrap();
    assert!(entry.starts_with("<item>") && entry.ends_with("</item>") && entry.contains("gc-1001"));
    let b = &items[1];
    assert_eq!(
        b.text(),
        "Morning sailings move half an hour earlier from April."
    );
    assert_eq!(
        b.meta.title.as_deref(),
        Some("Ferry timetable changes & new fares")
    );
    assert_eq!(b.meta.byline.as_deref(), Some("Island Desk"));
    assert!(b.meta.authors.is_empty());
    assert!(a.origin.end <= b.origin.start);
}

#[test]
fn atom_entries_with_content_or_summary() {
    let items = read("marsh-lane.atom");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].meta.outlet.as_deref(), Some("Marsh Lane Notes"));
    assert_eq!(items[0].meta.published, date(2024, 2, 1));
    assert_eq!(items[0].meta.authors, vec!["Renée Colbert"]);
    assert_eq!(items[0].meta.credits[0].outlet, "Copperfield Daily");
    assert_eq!(
        items[0].meta.source_urls,
        vec!["https://copperfield-daily.example/marsh-vote"]
    );
    assert_eq!(
        items[1].text(),
        "The winter lights were switched on by the oldest trader on the lane."
    );
}

#[test]
fn json_feed_in_a_json_file_is_a_feed_not_records() {
    let items = read("kestrel-notes.json");
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0].meta.outlet.as_deref(),
        Some("Kestrel Valley Notes")
    );
    assert_eq!(items[0].meta.authors, vec!["Ivo Marchetti"]);
    assert_eq!(
        items[1].text(),
        "The weir at Northfold will be lowered to help fish pass upstream."
    );
    assert_eq!(items[1].meta.published, date(2024, 4, 18));
}

#[test]
fn wordpress_export_posts_without_attachments() {
    let items = read("northfold-export.xml");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].meta.outlet.as_deref(), Some("Northfold Almanac"));
    assert_eq!(items[0].meta.authors, vec!["Agnes Pell"]);
    assert!(items[0].text().contains("Basil Thorne"));
}

#[test]
fn warc_html_records_with_http_charset_chunked_gzip() {
    for name in ["harbour-crawl.warc", "harbour-crawl.warc.gz"] {
        let items = read(name);
        assert_eq!(
            items.len(),
            2,
            "{name}: the image, request, info and revisit are not pages"
        );
        let cafe = &items[0];
        assert_eq!(
            cafe.meta.url.as_deref(),
            Some("https://marshlane.example/cafe-award")
        );
        assert!(
            cafe.text().contains("Renée Colbert"),
            "{name}: {}",
            cafe.text()
        );
        // The page prints no date: the capture date stands.
        assert_eq!(cafe.meta.published, date(2024, 6, 1));
        let ferry = &items[1];
        assert_eq!(ferry.meta.published, date(2023, 11, 2));
        assert_eq!(ferry.meta.outlet.as_deref(), Some("Copperfield Daily"));
        assert!(cafe.origin.end <= ferry.origin.start);
    }
    let raw = std::fs::read(format!("{DIR}harbour-crawl.warc")).unwrap();
    let it = &read("harbour-crawl.warc")[1];
    assert!(raw[it.origin.start..].starts_with(b"WARC/1.1\r\nWARC-Type: resource"));
}

#[test]
fn bad_feed_and_bad_warc_are_one_line_errors_naming_the_file() {
    let e = read_input(
        &Input::new("broken.rss", b"plain words, no feed".to_vec()),
        &ReadSettings::default(),
    )
    .unwrap_err();
    assert!(
        e.to_string().starts_with("broken.rss: not a readable feed"),
        "{e}"
    );
    assert!(!e.to_string().contains('\n'));
    let e = read_input(
        &Input::new(
            "bad.warc",
            b"WARC/1.0\r\nWARC-Type: response\r\n\r\nbody".to_vec(),
        ),
        &ReadSettings::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "bad.warc: byte 0: WARC record has no valid Content-Length"
    );
    let e = read_input(
        &Input::new("x.html.gz", vec![0x1f, 0x8b, 8, 0, 1, 2]),
        &ReadSettings::default(),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("x.html.gz: cannot decompress gzip"),
        "{e}"
    );
}

#[test]
fn cli_reads_a_directory_mixing_every_kind() {
    let json = common::stdout_of(["graph", "--with-text", DIR]);
    for outlet in [
        "The Lantern Post",
        "Gull Island Courier",
        "Marsh Lane Notes",
        "Kestrel Valley Notes",
        "Northfold Almanac",
        "Copperfield Daily",
    ] {
        assert!(json.contains(outlet), "{outlet} missing");
    }
    assert!(json.contains("Ada Merriweather, the county's chief bridge engineer"));
}

#[test]
fn json_ld_article_body_stands_in_for_a_missed_article() {
    let body = "The Northfold ferry will stop at Gull Island twice a day. ".repeat(12);
    let html = format!(
        r#"<html><head><title>Ferry stops</title><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Ferry stops","articleBody":"{body}"}}</script></head><body><div><p>Read more below.</p></div></body></html>"#
    );
    let items = read_input(
        &Input::new("teaser.html", html.into_bytes()),
        &ReadSettings::default(),
    )
    .unwrap();
    assert_eq!(items[0].text(), body.trim());
}

#[test]
fn standard_input_is_sniffed_to_the_right_reader() {
    let expect = [
        ("lantern-bridge.html", "html"),
        ("cafe-latin1.html", "html"),
        ("gull-island.rss", "feed"),
        ("marsh-lane.atom", "feed"),
        ("kestrel-notes.json", "feed"),
        ("northfold-export.xml", "feed"),
        ("harbour-crawl.warc", "warc"),
    ];
    for (file, reader) in expect {
        let bytes = std::fs::read(format!("{DIR}{file}")).unwrap();
        let r = claimtrace::reader_for(&Input::new("-", bytes)).unwrap();
        assert_eq!(r.name(), reader, "{file}");
    }
    let gz = std::fs::read(format!("{DIR}harbour-crawl.warc.gz")).unwrap();
    assert_eq!(
        read_input(&Input::new("-", gz), &ReadSettings::default())
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn gzip_of_records_reads_as_records() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"{\"text\":\"one\"}\n{\"text\":\"two\"}\n")
        .unwrap();
    let items = read_input(
        &Input::new("data.jsonl.gz", gz.finish().unwrap()),
        &ReadSettings::default(),
    )
    .unwrap();
    let texts: Vec<String> = items.iter().map(|i| i.text().into_owned()).collect();
    assert_eq!(texts, vec!["one", "two"]);
    assert_eq!(items[1].origin.file.as_ref(), "data.jsonl.gz");
}

mod web_shingles;

/// Body shingle F1 on the fixture pages against their hand-written expected text (the
/// scrapinghub metric; see web_readability.rs).
#[test]
fn fixture_pages_body_f1() {
    let pages = [
        "lantern-bridge",
        "harbour-repost",
        "cafe-latin1",
        "ridge-blog-comments",
        "northfold-split",
    ];
    let (mut sp, mut sr) = (0.0, 0.0);
    for p in pages {
        let it = &read(&format!("{p}.html"))[0];
        let expected = std::fs::read_to_string(format!("{DIR}../web-expected/{p}.txt")).unwrap();
        let (pr, rc) = web_shingles::precision_recall(&it.text(), &expected);
        assert!(
            pr > 0.8 && rc > 0.95,
            "{p}: P {pr:.3} R {rc:.3}\n{}",
            it.text()
        );
        sp += pr;
        sr += rc;
    }
    let (p, r) = (sp / pages.len() as f64, sr / pages.len() as f64);
    let f1 = 2.0 * p * r / (p + r);
    eprintln!("fixtures: body P {p:.3} R {r:.3} F1 {f1:.3}");
    assert!(f1 >= 0.96, "F1 {f1:.3}");
}
