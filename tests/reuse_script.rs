//! Reuse across spelling variants of Arabic script: a copy typed with Arabic instead of Urdu
//! letter forms (kaf, yeh, heh), hamza forms of alef and added diacritics still links to its
//! source; an unrelated text over the same words does not.

use claimtrace::Item;
use claimtrace::{ItemLink, link_items};
use std::sync::Arc;

const WORDS: [&str; 24] = [
    "کیا",
    "ہے",
    "اور",
    "میں",
    "پاکستان",
    "حکومت",
    "نے",
    "کہا",
    "کہ",
    "وزیر",
    "اعظم",
    "شہر",
    "أحمد",
    "إدارة",
    "مدرسہ",
    "پانی",
    "بجلی",
    "عوام",
    "فیصلہ",
    "کراچی",
    "لاہور",
    "ٹیکس",
    "بارش",
    "سڑک",
];

fn text(seed: u64, n: usize) -> String {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            WORDS[(x >> 33) as usize % WORDS.len()]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn variant(s: &str) -> String {
    s.replace('ک', "ك")
        .replace('ی', "ى")
        .replace('ہ', "ه")
        .replace("أحمد", "احمد")
        .replace("إدارة", "ادارہ")
        .replace("شہر", "شَہر")
}

/// The only link among three texts, which must join the first two (the third is unrelated).
fn the_one_link(texts: [String; 3]) -> ItemLink {
    let f: Arc<str> = Arc::from("u.jsonl");
    let items: Vec<Item> = texts
        .into_iter()
        .map(|t| Item::with_own_text(&f, 0, 0, t))
        .collect();
    let mut links = link_items(&items);
    assert_eq!(links.len(), 1, "{links:?}");
    let l = links.remove(0);
    assert_eq!((l.copy.min(l.source), l.copy.max(l.source)), (0, 1));
    l
}

#[test]
fn letter_form_variants_still_link() {
    let src = text(1, 120);
    let copy = format!("ماخذ: خبر\n\n{}", variant(&src));
    assert_ne!(src, variant(&src));
    let l = the_one_link([src, copy, text(99, 120)]);
    assert!(l.evidence.contains("100% of"), "{}", l.evidence);
}

/// `s` with every space after a letter that does not join the next left out, as Urdu typists
/// often do (وزیراعظم for وزیر اعظم).
fn without_optional_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == ' ' && out.ends_with(['ا', 'د', 'ر', 'ز', 'و', 'ے', 'ڑ', 'ڈ']) {
            continue;
        }
        out.push(c);
    }
    out
}

#[test]
fn copies_without_optional_spaces_still_link_and_count_words() {
    let src = text(7, 120);
    let copy = without_optional_spaces(&src);
    assert!(copy.split(' ').count() * 10 < src.split(' ').count() * 9);
    // An unrelated text typed the same way: the pieces it shares are too few and too short.
    let other = without_optional_spaces(&text(123, 120));
    let l = the_one_link([src, copy, other]);
    // Evidence counts words of the texts (120 in the source), not joining pieces.
    assert!(l.evidence.contains("100% of"), "{}", l.evidence);
    let shared: usize = l.evidence["shares ".len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!((60..=120).contains(&shared), "{}", l.evidence);
}
