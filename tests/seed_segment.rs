//! The seed dump (one day of a blog reposting other outlets, English and Arabic) segmented
//! through the public pipeline. The seed is read from ../shared; the test is skipped with a
//! message when it is absent. Only short titles and names are asserted, never its text.

use chrono::NaiveDate;
use claimtrace::Item;
use claimtrace::SpanBasis;
use claimtrace::{NoProgress, Settings, read_inputs};
use std::path::PathBuf;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/blog-dump-2020-09-19.txt"
);

fn seed_items() -> Option<Vec<Item>> {
    if !std::path::Path::new(SEED).exists() {
        eprintln!("SKIPPED: {SEED} is absent (the shared seeds are not here)");
        return None;
    }
    let settings = Settings {
        inputs: vec![PathBuf::from(SEED)],
        ..Settings::default()
    };
    let (items, _) =
        read_inputs(&settings, &NoProgress, &mut |e| panic!("{e}")).expect("seed reads");
    Some(items)
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn by_title<'a>(items: &'a [Item], start: &str) -> &'a Item {
    items
        .iter()
        .find(|i| {
            i.meta
                .title
                .as_deref()
                .is_some_and(|t| t.starts_with(start))
        })
        .unwrap_or_else(|| panic!("no item titled {start}…"))
}

#[test]
fn seed_dump_segments_into_its_eight_posts() {
    let Some(items) = seed_items() else { return };
    assert_eq!(items.len(), 8);
    let langs: Vec<_> = items.iter().map(|i| i.meta.language.as_deref()).collect();
    assert_eq!(
        langs.iter().filter(|l| **l == Some("en")).count(),
        6,
        "{langs:?}"
    );
    assert_eq!(
        langs.iter().filter(|l| **l == Some("ar")).count(),
        2,
        "{langs:?}"
    );
    for i in &items {
        assert_eq!(
            i.meta.outlet.as_deref(),
            Some("River to Sea Uprooted Palestinian")
        );
        assert_eq!(i.meta.published, date(2020, 9, 19), "{:?}", i.meta.title);
        assert_eq!(i.origin.spans, SpanBasis::File);
        let title = i.meta.title.as_deref().unwrap_or_default();
        for banned in [
            "River to Sea",
            "The views expressed",
            "Related",
            "ALSO READ",
            "متعلقة",
        ] {
            assert!(!title.contains(banned), "{title}");
            assert!(!i.text().contains(banned), "{title} text has {banned}");
        }
    }
}

#[test]
fn seed_titles_bylines_datelines() {
    let Some(items) = seed_items() else { return };
    let titles: Vec<&str> = items
        .iter()
        .filter_map(|i| i.meta.title.as_deref())
        .collect();
    assert_eq!(titles.len(), 8);
    let russia = by_title(&items, "Russia responds to Trump");
    assert_eq!(russia.meta.byline.as_deref(), Some("News Desk"));
    assert_eq!(russia.meta.dateline.as_deref(), Some("BEIRUT, LEBANON"));
    assert!(russia.meta.authors.is_empty());
    let belarus = by_title(&items, "Meddling in Belarus");
    assert_eq!(belarus.meta.byline.as_deref(), Some("Newsdesk"));
    let irgc = by_title(&items, "IRGC commander threatens");
    assert_eq!(irgc.meta.dateline.as_deref(), Some("BEIRUT, LEBANON"));
    let france = by_title(&items, "France: No Evidence of Hezbollah");
    assert_eq!(france.meta.byline.as_deref(), Some("Staff, Agencies"));
    assert_eq!(
        items.iter().filter(|i| i.meta.dateline.is_some()).count(),
        2
    );
    // A title printed twice in a row is one title, and not text either.
    let imam = by_title(&items, "Imam Khamenei");
    assert!(
        !imam
            .text()
            .contains("Snapback Mechanism Piece of US Propaganda")
    );
}

#[test]
fn seed_authors_and_credits() {
    let Some(items) = seed_items() else { return };
    let arabic: Vec<&Item> = items
        .iter()
        .filter(|i| i.meta.language.as_deref() == Some("ar"))
        .collect();
    let authors: Vec<&str> = arabic
        .iter()
        .flat_map(|i| i.meta.authors.iter().map(String::as_str))
        .collect();
    assert_eq!(authors, ["حسن حردان", "ناصر قنديل"]);
    let belarus = by_title(&items, "Meddling in Belarus");
    let outlets: Vec<&str> = belarus
        .meta
        .credits
        .iter()
        .map(|c| c.outlet.as_str())
        .collect();
    assert_eq!(outlets, ["Sputnik"]);
    assert!(!belarus.text().contains("Source: Sputnik"));
    let lavrov = by_title(&items, "Foreign Minister Sergey Lavrov");
    let c = &lavrov.meta.credits;
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].outlet, "Russian Ministry of Foreign Affairs");
    assert_eq!(c[0].date, date(2020, 9, 18));
}

#[test]
fn seed_spans_map_into_the_file() {
    let Some(items) = seed_items() else { return };
    let file = std::fs::read_to_string(SEED).unwrap();
    for i in &items {
        assert!(!i.runs.is_empty());
        for r in &i.runs {
            assert_eq!(
                &i.text()[r.text_start..r.text_start + r.len],
                &file[r.file_start..r.file_start + r.len]
            );
        }
        assert!(i.origin.start < i.origin.end && i.origin.end <= file.len());
    }
}

// ---- Fictional dumps in other layouts (tests/fixtures/dumps) ----

use claimtrace::{Input, ReadSettings, read_input};

fn fixture(name: &str, outlet: Option<&str>) -> (Vec<u8>, Vec<Item>) {
    let path = format!("{}/tests/fixtures/dumps/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture");
    let settings = ReadSettings {
        outlet: outlet.map(str::to_string),
        ..ReadSettings::default()
    };
    let items = read_input(&Input::new(&path, bytes.clone()), &settings).expect("reads");
    (bytes, items)
}

fn titles(items: &[Item]) -> Vec<&str> {
    items
        .iter()
        .map(|i| i.meta.title.as_deref().unwrap_or("<none>"))
        .collect()
}

/// Every verbatim run of a UTF-8 item is the file's bytes at its offset.
fn assert_runs_verbatim(bytes: &[u8], items: &[Item]) {
    for i in items {
        assert_eq!(i.origin.spans, SpanBasis::File);
        assert!(!i.runs.is_empty());
        for r in &i.runs {
            assert_eq!(
                &i.text().as_bytes()[r.text_start..r.text_start + r.len],
                &bytes[r.file_start..r.file_start + r.len]
            );
        }
    }
}

#[test]
fn header_banner_with_posted_by_lines() {
    let (bytes, items) = fixture("header-banner.txt", None);
    assert_eq!(
        titles(&items),
        [
            "Ferry service to Gull Island resumes after storm",
            "Council approves new sea wall budget",
            "Harbour café wins regional prize"
        ]
    );
    assert_runs_verbatim(&bytes, &items);
    let ferry = &items[0];
    assert_eq!(ferry.meta.outlet.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(ferry.meta.domain.as_deref(), Some("harbourgazette.test"));
    assert_eq!(ferry.meta.authors, ["Jane Roe"]);
    assert_eq!(ferry.meta.published, date(2021, 3, 3));
    assert_eq!(ferry.meta.dateline.as_deref(), Some("PORT ELLIS"));
    assert_eq!(ferry.meta.credits[0].outlet, "Lakeside Courier");
    // The inline link is cut out of the middle: two runs, and not in the text.
    assert_eq!(ferry.runs.len(), 2);
    assert!(!ferry.text().contains("ALSO READ"));
    assert!(!ferry.text().contains("Source:"));
    assert_eq!(items[1].meta.credits[0].outlet, "Valley Radio");
    assert!(!items[1].text().contains("appeared first"));
    for i in &items {
        assert!(!i.text().contains("Harbour Gazette"), "{}", i.text());
        assert!(!i.text().contains("Posted by"));
    }
}

#[test]
fn outlet_flag_overrides_the_banner() {
    let (_, items) = fixture("header-banner.txt", Some("Al-Masdar"));
    assert!(
        items
            .iter()
            .all(|i| i.meta.outlet.as_deref() == Some("Al-Masdar News"))
    );
}

#[test]
fn crlf_dump_reads_like_lf_and_stays_verbatim() {
    let (_, lf) = fixture("header-banner.txt", None);
    let (bytes, crlf) = fixture("crlf.txt", None);
    assert_eq!(titles(&lf), titles(&crlf));
    assert_runs_verbatim(&bytes, &crlf);
    for (a, b) in lf.iter().zip(&crlf) {
        assert_eq!(a.meta, b.meta);
        assert_eq!(a.text(), b.text().replace("\r\n", "\n"));
        assert!(!b.meta.title.as_deref().unwrap().contains('\r'));
    }
}

#[test]
fn footer_posted_by_and_a_date_header_per_day() {
    let (bytes, items) = fixture("footer-posted-by.txt", None);
    assert_eq!(
        titles(&items),
        [
            "Lighthouse keeper retires after forty years",
            "Fish market moves to the old rail yard",
            "Harbour dredging delayed again"
        ]
    );
    assert_runs_verbatim(&bytes, &items);
    let dates: Vec<_> = items.iter().map(|i| i.meta.published).collect();
    assert_eq!(
        dates,
        [date(2021, 3, 3), date(2021, 3, 3), date(2021, 3, 2)]
    );
    assert_eq!(items[2].meta.authors, ["Ana Brill"]);
    assert!(items.iter().all(|i| !i.text().contains("Posted by")));
}

#[test]
fn numbered_posts() {
    let (_, items) = fixture("numbered.txt", None);
    assert_eq!(
        titles(&items),
        [
            "Bridge on Route 9 closes for repairs",
            "Orchard harvest smaller than last year",
            "Library extends opening hours"
        ]
    );
    assert_eq!(items[0].meta.credits[0].outlet, "Valley Radio");
    assert_eq!(items[1].meta.published, date(2021, 10, 12));
    assert_eq!(items[2].meta.byline.as_deref(), Some("Staff, Valley Post"));
    assert!(items[2].meta.authors.is_empty());
    assert!(items.iter().all(|i| !i.text().contains("Weekly digest")));
}

#[test]
fn separator_rules_related_lists_and_mixed_languages() {
    let (bytes, items) = fixture("rules-and-related.txt", None);
    assert_eq!(items.len(), 3, "{:?}", titles(&items));
    assert_runs_verbatim(&bytes, &items);
    let langs: Vec<_> = items.iter().map(|i| i.meta.language.as_deref()).collect();
    assert_eq!(langs, [Some("en"), Some("ar"), Some("en")]);
    let ar = &items[1];
    assert_eq!(
        ar.meta.title.as_deref(),
        Some("مهرجان الموسيقى يعود إلى ساحة المرفأ")
    );
    assert_eq!(ar.meta.authors, ["سلمى الخوري"]);
    assert_eq!(ar.meta.published, date(2021, 3, 7));
    assert!(!ar.text().contains("اقرأ"));
    assert_eq!(items[2].meta.published, date(2021, 3, 8));
    for i in &items {
        for banned in [
            "Related posts",
            "Terns nest",
            "Share this",
            "* * *",
            "Photo:",
        ] {
            assert!(!i.text().contains(banned), "{banned} in {}", i.text());
        }
    }
}

#[test]
fn utf8_bom_is_skipped_and_spans_stay_in_the_file() {
    let (bytes, items) = fixture("bom.txt", None);
    assert_eq!(
        titles(&items),
        [
            "Morning market opens on the quay",
            "Night buses return to Route 4"
        ]
    );
    assert_runs_verbatim(&bytes, &items);
    assert_eq!(items[1].meta.published, date(2021, 5, 3));
    assert_eq!(items[0].meta.outlet.as_deref(), Some("Harbourside Notes"));
}

#[test]
fn legacy_arabic_encodings_are_decoded() {
    for name in ["arabic-windows-1256.txt", "arabic-iso-8859-6.txt"] {
        let (_, items) = fixture(name, None);
        assert_eq!(
            titles(&items),
            [
                "افتتاح سوق السمك الجديد في بورت إليس",
                "عودة العبارة إلى جزيرة النورس"
            ],
            "{name}"
        );
        let first = &items[0];
        assert_eq!(first.origin.spans, SpanBasis::Text);
        assert_eq!(first.meta.authors, ["سلمى الخوري"]);
        assert_eq!(first.meta.published, date(2021, 3, 7));
        assert_eq!(first.meta.language.as_deref(), Some("ar"));
        assert_eq!(first.meta.outlet.as_deref(), Some("مدونة الميناء"));
        assert_eq!(first.meta.credits[0].outlet, "إذاعة الوادي");
        assert!(first.warnings[0].contains(if name.contains("1256") {
            "windows-1256"
        } else {
            "ISO-8859-6"
        }));
        assert!(!first.text().contains("المصدر"));
    }
}

#[test]
fn windows_1252_dump_is_decoded() {
    let (bytes, items) = fixture("windows-1252.txt", None);
    assert_eq!(
        titles(&items),
        [
            "Harbour café wins the regional pastry prize",
            "Fête de la mer returns in June"
        ]
    );
    assert_eq!(items[0].meta.authors, ["Zoë Brønte"]);
    assert!(items[0].text().contains("grandmother’s notebook"));
    assert_eq!(items[0].meta.outlet.as_deref(), Some("Le Petit Quai"));
    // Single-byte encodings: the item's range in the file is its range in characters.
    assert!(items[1].origin.end <= bytes.len());
    assert_eq!(bytes[items[1].origin.start], b'F');
}

#[test]
fn a_file_without_repeated_structure_is_one_item() {
    let (bytes, items) = fixture("single.txt", None);
    assert_eq!(titles(&items), ["Notes on the Kell valley floods"]);
    assert_runs_verbatim(&bytes, &items);
    assert!(items[0].text().starts_with("The river rose"));
    assert!(items[0].text().ends_with("before the summer."));
}

#[test]
fn markdown_headings_and_emphasis() {
    let (bytes, items) = fixture("markdown.md", None);
    assert_eq!(
        titles(&items),
        [
            "Bridge on Route 9 closes for repairs",
            "Orchard harvest smaller than last year",
            "Library extends opening hours"
        ]
    );
    assert_runs_verbatim(&bytes, &items);
    assert_eq!(items[0].meta.authors, ["Jane Roe"]);
    assert_eq!(items[0].meta.published, date(2021, 3, 3));
    assert_eq!(items[0].meta.credits[0].outlet, "Valley Radio");
    assert!(
        items
            .iter()
            .all(|i| !i.text().contains("---") && !i.text().contains("**"))
    );
}

#[test]
fn date_and_name_lines_and_share_lines() {
    let (_, items) = fixture("date-name-share.txt", None);
    assert_eq!(items.len(), 2);
    assert_eq!(items[1].meta.authors, ["Tom Reyes"]);
    assert_eq!(items[1].meta.published, date(2021, 3, 4));
    // A share line printed with every post is neither the site's name nor text.
    assert!(
        items
            .iter()
            .all(|i| i.meta.outlet.is_none() && !i.text().contains("Share on"))
    );
}

#[test]
fn credit_lines_closing_posts_split_them() {
    let (bytes, items) = fixture("credit-footers.txt", None);
    assert_eq!(
        titles(&items),
        [
            "Gull Island ferry timetable changes",
            "Valley farmers market moves indoors",
            "Port Ellis school wins robotics prize"
        ]
    );
    assert_runs_verbatim(&bytes, &items);
    let credits: Vec<&str> = items
        .iter()
        .map(|i| i.meta.credits[0].outlet.as_str())
        .collect();
    assert_eq!(
        credits,
        ["Lakeside Courier", "Valley Radio", "The Harbour Gazette"]
    );
    let dates: Vec<_> = items.iter().map(|i| i.meta.published).collect();
    assert_eq!(
        dates,
        [date(2021, 3, 8), date(2021, 3, 8), date(2021, 3, 9)]
    );
}
