//! Properties of the reuse stage on arbitrary texts: no panics, links only between distinct
//! items, aligned spans inside each text and on character boundaries, same output for the same
//! input.

use claimtrace::Item;
use claimtrace::link_items;
use proptest::prelude::*;
use std::sync::Arc;

fn items(texts: &[String]) -> Vec<Item> {
    let f: Arc<str> = Arc::from("p.jsonl");
    texts
        .iter()
        .map(|t| Item::with_own_text(&f, 0, 0, t.clone()))
        .collect()
}

/// Texts over a few words (ASCII, Arabic-script, Han, combining marks) so that items share
/// runs of words often.
fn text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the", "Pier", "closed", "أحمد", "احمد", "کیا", "中国", "e\u{301}", "!", "\n\n", "  ", "x",
    ]);
    prop::collection::vec(words, 0..120).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn links_are_well_formed(base in text(), texts in prop::collection::vec(text(), 0..6)) {
        let mut all = texts.clone();
        // A copy of another item with a banner, so that some pairs link.
        all.push(base.clone());
        all.push(format!("Reposted from somewhere.\n\n{base}"));
        let its = items(&all);
        let links = link_items(&its);
        prop_assert_eq!(&links, &link_items(&its));
        for l in &links {
            prop_assert!(l.copy != l.source);
            prop_assert!((0.0..=1.0).contains(&l.confidence));
            for a in &l.aligned {
                let (s, c) = (&its[l.source].text(), &its[l.copy].text());
                prop_assert!(a.source.start < a.source.end && a.source.end <= s.len() && a.copy.start < a.copy.end && a.copy.end <= c.len());
                prop_assert!(s.is_char_boundary(a.source.start) && s.is_char_boundary(a.source.end));
                prop_assert!(c.is_char_boundary(a.copy.start) && c.is_char_boundary(a.copy.end));
            }
        }
    }

    #[test]
    fn random_bytes_do_not_panic(texts in prop::collection::vec(any::<String>(), 0..5)) {
        let _ = link_items(&items(&texts));
    }
}
