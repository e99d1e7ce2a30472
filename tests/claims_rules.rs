//! Attribution rules on fictional English, Arabic and interview text.

use claimtrace::extract::{ClaimMention, extract_claims};
use claimtrace::item::Item;
use claimtrace::model::ClaimKind;
use std::sync::Arc;

fn item(text: &str, published: Option<&str>) -> Item {
    let file: Arc<str> = Arc::from("t.json");
    let mut it = Item::with_own_text(&file, 0, text.len(), text.to_string());
    it.meta.published = published.map(|d| d.parse().unwrap());
    it
}

fn claims(text: &str) -> Vec<ClaimMention> {
    extract_claims(&item(text, None))
}

/// (claim text, speaker name, speaker mention as printed, cue)
fn table(text: &str) -> Vec<(String, Option<String>, Option<String>, Option<String>)> {
    claims(text)
        .into_iter()
        .map(|c| {
            assert_eq!(&text[c.span.0..c.span.1], c.text);
            (
                c.text.clone(),
                c.speaker.as_ref().map(|s| s.name.clone()),
                c.speaker.as_ref().map(|s| text[s.span.0..s.span.1].to_string()),
                c.cue.clone(),
            )
        })
        .collect()
}

#[test]
fn debug_print() {
    let t = "“We will win,” Ilka Vorn said at a rally in Tarn on Monday.\n\nClinton said the plan would fail.";
    for c in table(t) {
        eprintln!("{c:?}");
    }
    assert!(!claims(t).is_empty());
}

#[test]
fn seedlike_turns() {
    let t = "Foreign Minister Sergey Lavrov’s interview with RTVI television, Moscow, September 17, 2020\n\nQuestion: I’ll start with the hottest topic, Belarus. What is it?\n\nSergey Lavrov: It will be the way our countries decide. Work is underway.\n\nQuestionLibya, Syria. We stood for Syria.\n\nSergey Lavrov: Iraq, Libya. They tried in Syria, but failed.";
    for c in table(t) {
        eprintln!("{c:?}");
    }
}
