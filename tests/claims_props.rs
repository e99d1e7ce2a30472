//! Property tests: claim extraction never panics, and every span is a valid char-boundary range
//! of the item's text whose words are the claim's (piece by piece, for a claim in pieces).

use claimtrace::Item;
use claimtrace::extract_claims;
use proptest::prelude::*;
use std::sync::Arc;

fn check(text: &str) {
    let file: Arc<str> = Arc::from("p.json");
    let mut it = Item::with_own_text(&file, 0, text.len(), text.to_string());
    it.meta.published = chrono::NaiveDate::from_ymd_opt(2020, 9, 19);
    for c in extract_claims(&it) {
        assert!(c.span.start <= c.span.end && c.span.end <= text.len());
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        if c.parts.is_empty() {
            assert_eq!(&text[c.span.range()], c.text);
        } else {
            // A claim in pieces: each piece verbatim, in order, inside `span`; the text is their join.
            assert!(c.parts.len() >= 2);
            assert_eq!(c.parts[0].start, c.span.start);
            assert_eq!(c.parts[c.parts.len() - 1].end, c.span.end);
            assert!(c.parts.windows(2).all(|w| w[0].end <= w[1].start));
            let pieces: Vec<&str> = c.pieces().iter().map(|s| &text[s.range()]).collect();
            assert_eq!(pieces.join(" "), c.text);
        }
        if let Some(s) = c.speaker {
            assert!(s.span.end <= text.len());
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            assert!(!s.name.starts_with(char::is_lowercase));
        }
    }
}

const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "«",
    "»",
    "„",
    "‘",
    "’",
    "'",
    ",",
    ".",
    ":",
    "?",
    "\n",
    "\n\n",
    " ",
    "\u{a0}",
    "said",
    "told",
    "Sputnik",
    "according to",
    "He",
    "she",
    "that",
    "Question",
    "Question:",
    "Ilka Vorn",
    "Vorn:",
    "the minister",
    "on Friday",
    "September 17",
    "von der",
    "قال",
    "وأضاف",
    "الوزير",
    "أن",
    "é",
    "🙂",
    "Mr.",
    "U.S.",
    "—",
    "saying",
    "in an interview with",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(s in "\\PC{0,300}") {
        check(&s);
    }

    #[test]
    fn random_attribution_pieces_never_panic(idx in proptest::collection::vec(0..PIECES.len(), 0..80)) {
        let mut s = String::new();
        for i in idx {
            s.push_str(PIECES[i]);
            s.push(' ');
        }
        check(&s);
        check(s.trim_end());
    }

    #[test]
    fn random_bytes_as_lossy_text(b in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&b));
    }
}

/// Pieces of the recall rules' shapes: subjects no rule knows, joined verbs, promises,
/// colons, title-case headlines, gerunds, evidence verbs and nouns of saying.
const RECALL_PIECES: &[&str] = &[
    "Vorn",
    "Says",
    "said",
    "says",
    "but",
    "and",
    "vowed",
    "to",
    "claim",
    "Vorn's",
    "his",
    "a",
    "by",
    "saying",
    "adding",
    "called",
    "on",
    "this",
    "her",
    "it",
    "is",
    "poll",
    "showed",
    "believe",
    "many",
    "the",
    "of",
    "29",
    "According",
    "according to",
    "on condition",
    ",",
    ".",
    ":",
    "—",
    "-",
    "(",
    ")",
    "“",
    "”",
    "\n\n",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_recall_shapes_never_panic(idx in proptest::collection::vec(0..RECALL_PIECES.len(), 0..60)) {
        let mut s = String::new();
        for i in idx {
            s.push_str(RECALL_PIECES[i]);
            s.push(' ');
        }
        check(&s);
        check(s.trim_end());
    }
}
