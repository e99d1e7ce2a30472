//! Property tests: no bytes make a reader panic, and whatever it reads has spans in bounds.

use claimtrace::{Input, ReadSettings, read_input};
use proptest::prelude::*;

fn check(name: &str, bytes: Vec<u8>) {
    let len = bytes.len();
    match read_input(&Input::new(name, bytes), &ReadSettings::default()) {
        Ok(items) => {
            for it in items {
                assert!(it.origin.start <= it.origin.end && it.origin.end <= len);
            }
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with(name), "{msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_any_extension(bytes in proptest::collection::vec(any::<u8>(), 0..512),
                               ext in prop::sample::select(vec!["json", "jsonl", "ndjson", "txt", "dat", ""])) {
        check(&format!("input.{ext}"), bytes);
    }

    #[test]
    fn json_shaped_lines(lines in proptest::collection::vec(
        prop::sample::select(vec![
            "{\"text\":\"a\"}", "{\"text\":null}", "{\"text\":1}", "{}", "[", "]", "{\"text\":\"a\",\"published\":\"x\"}",
            "[{\"text\":\"b\"}]", "{\"maintext\":\"c\",\"authors\":\"['A B']\"}", "\u{feff}{\"text\":\"d\"}", "", "  ", "nul\u{0}",
        ]), 0..8)) {
        check("records.jsonl", lines.join("\n").into_bytes());
        check("records.json", lines.join("").into_bytes());
    }

    #[test]
    fn xml_shaped_documents(parts in proptest::collection::vec(
        prop::sample::select(vec![
            "<?xml version=\"1.0\"?>", "<?xml version='1.0' encoding='windows-1256'?>", "<doc>", "</doc>",
            "<p>", "</p>", "<title>T</title>", "<date>2020-09-19</date>", "<source>S</source>", "<b>", "</b>",
            "text", " & ", "&amp;", "&#x41;", "&#99999999;", "&unknown;", "<![CDATA[x<y]]>", "<!-- c -->",
            "<x a='1' b=\"2\"/>", "<", ">", "\u{feff}", "\u{0}", "\n", "<id>7</id>", "<a:b xmlns:a='u'>", "</a:b>",
        ]), 0..16),
        tail in proptest::collection::vec(any::<u8>(), 0..8)) {
        let mut bytes = parts.concat().into_bytes();
        bytes.extend(tail);
        check("doc.xml", bytes.clone());
        check("doc.tei", bytes);
    }
}
