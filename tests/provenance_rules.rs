//! Direction from the strongest evidence, origin as a graph, and who said it according to whom,
//! on `tests/fixtures/records/provenance.jsonl`: fictional outlets (and real agencies), one story
//! per rule. Each direction rule is met with a wrong date it must overrule; a copy of two
//! sources; a story that reached a blog through two copies of one wire story; two items that
//! disagree on who said a quotation; a quotation with a word changed.

mod common;

use common::{assert_valid_graph, claimtrace, stdout_of};
use serde_json::Value;
use std::collections::HashMap;

const CORPUS: &str = "tests/fixtures/records/provenance.jsonl";

fn graph() -> Value {
    serde_json::from_str(&stdout_of(["graph", CORPUS])).unwrap()
}

/// (copy record id, source record id) → the reposts edge's evidence.
type Reposts = HashMap<(String, String), String>;
/// Record id → the item's warnings.
type Warnings = HashMap<String, Vec<String>>;

/// reposts edges as (copy record id, source record id) → evidence, and each item's warnings.
fn reposts_and_warnings(g: &Value) -> (Reposts, Warnings) {
    let mut record = HashMap::new();
    let mut warnings = HashMap::new();
    for n in g["nodes"].as_array().unwrap() {
        if n["kind"] == "item" {
            let id = n["record_id"].as_str().unwrap().to_string();
            record.insert(n["id"].as_str().unwrap().to_string(), id.clone());
            let w: Vec<String> = n["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w.as_str().unwrap().to_string())
                .collect();
            warnings.insert(id, w);
        }
    }
    let mut reposts = HashMap::new();
    for e in g["edges"].as_array().unwrap() {
        if e["kind"] == "reposts" {
            let copy = record[e["source"].as_str().unwrap()].clone();
            let source = record[e["target"].as_str().unwrap()].clone();
            reposts.insert((copy, source), e["evidence"].as_str().unwrap().to_string());
        }
    }
    (reposts, warnings)
}

#[test]
fn each_direction_rule_overrules_a_wrong_date() {
    let g = graph();
    assert_valid_graph(&g);
    let (reposts, warnings) = reposts_and_warnings(&g);
    let evidence = |copy: &str, source: &str| {
        reposts
            .get(&(copy.to_string(), source.to_string()))
            .unwrap_or_else(|| panic!("no reposts {copy} -> {source}: {reposts:#?}"))
    };
    // Each copy is dated before its source; the stronger evidence decides all the same.
    for (copy, source, decided) in [
        ("lantern-pier", "gazette-pier", "credits Harbour Gazette"),
        ("quarry-kiln", "gazette-kiln", "links to its source"),
        (
            "times-glacier",
            "uni-glacier",
            "names Eastmere University as its source in its text (\"said Petra Lind, professor at Eastmere University\")",
        ),
        ("ledger-canal", "reuters-canal", "a banner or an intro"),
    ] {
        let e = evidence(copy, source);
        assert!(e.contains(decided), "{copy}: {e}");
        assert!(e.contains("this overrules the dates"), "{copy}: {e}");
        assert!(
            warnings[copy]
                .iter()
                .any(|w| w.contains("is earlier than the source it copies")),
            "{copy}: {:?}",
            warnings[copy]
        );
        assert!(!reposts.contains_key(&(source.to_string(), copy.to_string())));
    }
    // Dates alone decide when nothing stronger does, and then contradict nothing.
    let e = evidence("lamp-forge", "herald-forge");
    assert!(e.contains("published 2021-07-03, after 2021-07-01"), "{e}");
    assert!(warnings["lamp-forge"].is_empty());
    // Dates that cannot be: after the copy was collected, or a web page before the web.
    assert!(
        warnings["notes-future"][0].contains("after the day this copy was collected (2021-08-01)")
    );
    assert!(warnings["notes-old"][0].contains("before the web"));
}

#[test]
fn a_copy_of_two_sources_and_a_story_through_two_copies() {
    let (reposts, _) = reposts_and_warnings(&graph());
    for pair in [
        ("lantern-roundup", "ap-dunes"),
        ("lantern-roundup", "gazette-orchard"),
        ("lantern-barge", "lamp-barge"),
        ("lantern-barge", "herald-barge"),
        ("lamp-barge", "ap-barge"),
        ("herald-barge", "ap-barge"),
    ] {
        assert!(
            reposts.contains_key(&(pair.0.to_string(), pair.1.to_string())),
            "{pair:?}: {:#?}",
            reposts.keys()
        );
    }
    assert!(!reposts.contains_key(&("lantern-barge".into(), "ap-barge".into())));

    // origin shows every parent, and the wire story reached twice once, then by its number.
    let text = stdout_of(["origin", CORPUS, "--item", "lantern-barge"]);
    assert!(
        text.contains("was copied from 2 item(s); 3 item(s) on the way, 1 first known source(s)"),
        "{text}"
    );
    assert_eq!(
        text.matches("\"Barge aground\" (Associated Press").count(),
        1,
        "{text}"
    );
    assert!(text.contains("    [3] (shown above)"), "{text}");
    let dag: Value = serde_json::from_str(&stdout_of([
        "origin",
        CORPUS,
        "--item",
        "lantern-barge",
        "--json",
    ]))
    .unwrap();
    assert_eq!(dag["nodes"].as_array().unwrap().len(), 4);
    assert_eq!(dag["edges"].as_array().unwrap().len(), 4);
    let first: Vec<&Value> = dag["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["first_known"] == true)
        .collect();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0]["item"]["outlet"], "Associated Press");
    for e in dag["edges"].as_array().unwrap() {
        assert!(e["how"]["evidence"].as_str().unwrap().contains("shares"));
    }

    let text = stdout_of(["origin", CORPUS, "--item", "lantern-roundup"]);
    assert!(text.contains("2 first known source(s)"), "{text}");
    assert_eq!(text.matches(": a first known source").count(), 2, "{text}");
}

#[test]
fn an_item_key_matching_several_items_lists_them() {
    let out = claimtrace()
        .args(["origin", CORPUS, "--item", "Barge"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].contains("4 items have titles containing \"Barge\""),
        "{err}"
    );
    assert_eq!(lines.len(), 5, "{err}");
    assert!(
        lines[1..].iter().all(|l| l.contains("barge.example/story")),
        "{err}"
    );
}

#[test]
fn who_said_it_according_to_whom() {
    let g = graph();
    let nodes: HashMap<&str, &Value> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n))
        .collect();
    let edges = g["edges"].as_array().unwrap();
    let quote = "We will rebuild the harbour wall before the winter storms arrive";
    let claim = nodes
        .values()
        .find(|n| n["kind"] == "claim" && n["text"] == quote)
        .unwrap();
    // Each item's own attribution on its contains edge...
    let mut named: Vec<(&str, &str)> = edges
        .iter()
        .filter(|e| e["kind"] == "contains" && e["target"] == claim["id"])
        .map(|e| {
            (
                nodes[e["source"].as_str().unwrap()]["record_id"]
                    .as_str()
                    .unwrap(),
                nodes[e["speaker"].as_str().unwrap()]["name"]
                    .as_str()
                    .unwrap(),
            )
        })
        .collect();
    named.sort();
    assert_eq!(
        named,
        [("herald-wall", "Ilse Brandt"), ("lamp-wall", "Tomas Aalto")]
    );
    // ...and the claim's said_by edges, one item each.
    let said_by: Vec<&Value> = edges
        .iter()
        .filter(|e| e["kind"] == "said_by" && e["source"] == claim["id"])
        .collect();
    assert_eq!(said_by.len(), 2);
    assert!(said_by.iter().all(|e| e["items"] == 1));
    // The blog changed a word: a variant of the original wording, with the difference.
    let variant = edges.iter().find(|e| e["kind"] == "variant_of").unwrap();
    assert_eq!(variant["target"], claim["id"]);
    assert_eq!(
        nodes[variant["source"].as_str().unwrap()]["text"],
        "We will rebuild the sea wall before the winter storms arrive"
    );
    assert_eq!(
        variant["evidence"],
        "words changed: \"sea\" for \"harbour\""
    );

    let report = stdout_of(["report", CORPUS]);
    assert!(report.contains(
        "the items disagree: attributed to Ilse Brandt by \"Sea defences\" (Bay Herald, 2021-11-01), to Tomas Aalto by \"Wall plans\" (Daily Lamp, 2021-11-02)"
    ), "{report}");
    assert!(report.contains(
        "a changed quotation of \"We will rebuild the harbour wall before the winter storms arrive\": words changed: \"sea\" for \"harbour\""
    ), "{report}");
}
