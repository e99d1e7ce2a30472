//! The seed dump (one day of a blog reposting other outlets, English and Arabic) segmented
//! through the public pipeline. The seed is read from ../shared; the test is skipped with a
//! message when it is absent. Only short titles and names are asserted, never its text.

use chrono::NaiveDate;
use claimtrace::item::Item;
use claimtrace::model::SpanBasis;
use claimtrace::pipeline::{Settings, read_all};
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
    let (items, _) = read_all(&settings, &mut |e| panic!("{e}")).expect("seed reads");
    Some(items)
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn by_title<'a>(items: &'a [Item], start: &str) -> &'a Item {
    items
        .iter()
        .find(|i| i.meta.title.as_deref().is_some_and(|t| t.starts_with(start)))
        .unwrap_or_else(|| panic!("no item titled {start}…"))
}

#[test]
fn seed_dump_segments_into_its_eight_posts() {
    let Some(items) = seed_items() else { return };
    for i in &items {
        eprintln!("{:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {}", i.meta.title, i.meta.byline, i.meta.dateline, i.meta.published, i.meta.language, i.meta.authors, i.meta.credits, i.text.len());
    }
    assert_eq!(items.len(), 8);
    let langs: Vec<_> = items.iter().map(|i| i.meta.language.as_deref()).collect();
    assert_eq!(langs.iter().filter(|l| **l == Some("en")).count(), 6, "{langs:?}");
    assert_eq!(langs.iter().filter(|l| **l == Some("ar")).count(), 2, "{langs:?}");
    for i in &items {
        assert_eq!(
            i.meta.outlet.as_deref(),
            Some("River to Sea Uprooted Palestinian")
        );
        assert_eq!(i.meta.published, date(2020, 9, 19), "{:?}", i.meta.title);
        assert_eq!(i.origin.spans, SpanBasis::File);
        let title = i.meta.title.as_deref().unwrap_or_default();
        for banned in ["River to Sea", "The views expressed", "Related", "ALSO READ", "متعلقة"] {
            assert!(!title.contains(banned), "{title}");
            assert!(!i.text.contains(banned), "{title} text has {banned}");
        }
    }
}

#[test]
fn seed_titles_bylines_datelines() {
    let Some(items) = seed_items() else { return };
    let titles: Vec<&str> = items.iter().filter_map(|i| i.meta.title.as_deref()).collect();
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
    assert!(!imam.text.contains("Snapback Mechanism Piece of US Propaganda"));
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
    let outlets: Vec<&str> = belarus.meta.credits.iter().map(|c| c.outlet.as_str()).collect();
    assert_eq!(outlets, ["Sputnik"]);
    assert!(!belarus.text.contains("Source: Sputnik"));
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
                &i.text[r.text_start..r.text_start + r.len],
                &file[r.file_start..r.file_start + r.len]
            );
        }
        assert!(i.origin.start < i.origin.end && i.origin.end <= file.len());
    }
}
