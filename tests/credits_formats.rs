//! Credits from every place newsrooms print them, in every input format: the fictional
//! fixtures in tests/fixtures/credits hold one story per phrase family (records' author fields
//! and footers, a page's byline, meta tags and JSON-LD author organisation, a feed's authors
//! and footers, a text dump's footers), and near misses that credit no one.

use claimtrace::{Input, Item, ReadSettings, read_input};
use std::collections::BTreeMap;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/credits/");

fn read(name: &str) -> Vec<Item> {
    let bytes = std::fs::read(format!("{DIR}{name}")).unwrap();
    read_input(&Input::new(name, bytes), &ReadSettings::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// Each item's title → (credited outlets, authors).
fn credits(items: &[Item]) -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    items
        .iter()
        .map(|it| {
            let outlets = it.meta.credits.iter().map(|c| c.outlet.clone()).collect();
            (
                it.meta.title.clone().unwrap_or_default(),
                (outlets, it.meta.authors.clone()),
            )
        })
        .collect()
}

fn expect(
    got: &BTreeMap<String, (Vec<String>, Vec<String>)>,
    title: &str,
    outlets: &[&str],
    authors: &[&str],
) {
    let (o, a) = got
        .get(title)
        .unwrap_or_else(|| panic!("no item {title:?} in {got:?}"));
    assert_eq!(o, outlets, "credits of {title:?}");
    assert_eq!(a, authors, "authors of {title:?}");
}

const AP: &str = "Associated Press";
const AFP: &str = "Agence France-Presse";

#[test]
fn records_author_fields_and_footers() {
    let got = credits(&read("records.jsonl"));
    expect(
        &got,
        "Ferry timetable cut for winter",
        &[AFP],
        &["Lena Fischer"],
    );
    expect(&got, "Ferry board meets", &[AP], &[]);
    expect(
        &got,
        "Gull Island ferry returns",
        &["Reuters"],
        &["Tom Vale"],
    );
    expect(&got, "Ferry copyright", &[AP], &[]);
    expect(&got, "Ferry contributed", &["Reuters", "Valley Radio"], &[]);
    expect(&got, "Ferry reporting", &["Reuters"], &[]);
    expect(&got, "Ferry inputs", &["Press Trust of India"], &[]);
    expect(
        &got,
        "Ferry sign-off",
        &[AFP, "Deutsche Presse-Agentur"],
        &[],
    );
    expect(&got, "Ferry dash", &[AP], &[]);
    // Outlets missing from the curated table get their names as printed.
    expect(&got, "Ferry originally", &["The Ridge Ledger"], &[]);
    expect(&got, "Ferry republished", &["The Marsh Review"], &[]);
    expect(&got, "Ferry source", &["Valley Radio"], &[]);
    expect(&got, "Ferry courtesy", &["Lakeside Courier"], &[]);
    expect(&got, "Ferry dateline", &["Reuters"], &[]);
    // Near misses: page furniture, a desk and a photo agency in the author field; a chart's
    // source, a caption's courtesy, a reporter's contribution and a person's sign-off in the
    // text; and a copyright line of the item's own outlet.
    expect(&got, "Ferry near misses", &[], &[]);
    expect(&got, "Ferry own copyright", &[], &[]);
}

#[test]
fn records_keep_the_printed_words_as_evidence() {
    let items = read("records.jsonl");
    let evidence = |title: &str| {
        let it = items
            .iter()
            .find(|i| i.meta.title.as_deref() == Some(title))
            .unwrap();
        it.meta.credits[0].evidence.clone()
    };
    assert_eq!(
        evidence("Ferry board meets"),
        "authors: The Associated Press"
    );
    assert_eq!(
        evidence("Ferry copyright"),
        "Copyright 2021 The Associated Press."
    );
    assert_eq!(evidence("Ferry sign-off"), "(AFP, dpa)");
    assert_eq!(evidence("Ferry dateline"), "PORT ELLIS (Reuters) -");
}

#[test]
fn pages_bylines_json_ld_organisations_and_footers() {
    let got = credits(&read("marsh-review.html"));
    // A JSON-LD author typed Organization, and the copyright line under the story.
    expect(
        &got,
        "Winter ferry timetable",
        &["Northwind Wire", AP],
        &["Lena Fischer"],
    );
    let got = credits(&read("marsh-review-pier.html"));
    let (outlets, authors) = got.values().next().unwrap();
    assert_eq!(outlets, &[AFP], "a byline naming a person and an agency");
    assert_eq!(authors, &["Lena Fischer"]);
}

#[test]
fn feed_authors_and_footers() {
    let got = credits(&read("lantern.rss"));
    expect(&got, "Ferry feed with wire author", &[AP, "Reuters"], &[]);
    expect(
        &got,
        "Ferry feed originally",
        &["The Ridge Ledger"],
        &["Tom Vale"],
    );
}

#[test]
fn text_dump_footers() {
    let got = credits(&read("island-dump.txt"));
    assert_eq!(got.len(), 5, "{got:?}");
    expect(&got, "Ferry timetable cut", &[AP], &["Tom Vale"]);
    expect(&got, "Ferry board meets", &[AP], &["Ana Ruiz"]);
    expect(
        &got,
        "Gull Island crossings",
        &["Valley Radio"],
        &["Mara Holt"],
    );
    expect(
        &got,
        "Winter sailings",
        &["Press Trust of India"],
        &["Ben Oduya"],
    );
    expect(&got, "New hull trials", &[AFP], &["Tom Vale"]);
    // Credit lines are metadata: they leave the post's text.
    for it in read("island-dump.txt") {
        assert!(
            !it.text().contains("(AFP)") && !it.text().contains("Copyright"),
            "{}",
            it.text()
        );
    }
}
