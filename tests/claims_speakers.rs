//! Which mention attributes a claim (`source_span`, exported as `speaker_span`) and which
//! speaker it resolves to, on fictional English text.

use claimtrace::extract::{ClaimMention, extract_claims};
use claimtrace::item::Item;
use std::sync::Arc;

fn claims_on(text: &str) -> Vec<ClaimMention> {
    let file: Arc<str> = Arc::from("t.json");
    let it = Item::with_own_text(&file, 0, text.len(), text.to_string());
    extract_claims(&it)
}

/// (claim text, attributing mention as printed, resolved speaker name) per claim.
fn mentions(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    claims_on(text)
        .into_iter()
        .map(|c| {
            (
                c.text.clone(),
                c.source_span.map(|(a, b)| text[a..b].to_string()),
                c.speaker.as_ref().map(|s| s.name.clone()),
            )
        })
        .collect()
}

fn m(claim: &str, mention: &str, name: Option<&str>) -> (String, Option<String>, Option<String>) {
    (claim.into(), Some(mention.into()), name.map(Into::into))
}

#[test]
fn abbreviated_titles_stay_in_the_mention() {
    let t = "\u{201c}The farms are losing money every month,\u{201d} said Ilka Vorn, a grower.\n\n\
             \u{201c}The co-op pays too little for milk,\u{201d} Ms. Vorn said.\n\n\
             \u{201c}The roads are closed again this week,\u{201d} said Sen. Tomas Brill.";
    assert_eq!(
        mentions(t),
        vec![
            m(
                "The farms are losing money every month",
                "Ilka Vorn",
                Some("Ilka Vorn")
            ),
            m(
                "The co-op pays too little for milk",
                "Ms. Vorn",
                Some("Ilka Vorn")
            ),
            m(
                "The roads are closed again this week",
                "Sen. Tomas Brill",
                Some("Tomas Brill")
            ),
        ]
    );
}
