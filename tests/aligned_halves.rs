//! Every copy edge's aligned passages have their first span in the edge's target item and their
//! second in its source item — also on `same_text` edges, which run from the smaller id to the
//! larger whichever item the link called its source. A reader (the view, a notebook) takes the
//! halves as written; were they swapped on some edges, it would highlight the wrong words.

use claimtrace::{BuildOptions, Format, NoProgress};
use serde_json::Value;
use std::collections::BTreeMap;

/// One wire story carried the same day by outlets with intros of different lengths, so that the
/// shared passage starts at a different offset in each item.
fn records() -> String {
    let story = "The Harbor Bridge will stay closed to lorries until the spring, the regional \
        transport office said on Tuesday, after inspectors found cracks in two of the steel \
        girders that carry the northern lanes. Cars and buses may still cross at a reduced \
        speed of thirty kilometres an hour, and a ferry will carry freight from the old quay \
        at no charge while the repairs last. Engineers expect the work to take four months \
        and to cost about twelve million, to be shared by the city and the province.";
    let intros = [
        "",
        "Commuters face months of detours. ",
        "A long winter of detours lies ahead for hauliers in the valley, and the chamber of commerce is worried. ",
        "Briefly: ",
        "Readers wrote to us all week about the bridge; here is the latest news from the authorities. ",
        "Update. ",
    ];
    let mut out = String::new();
    for (i, intro) in intros.iter().enumerate() {
        let rec = serde_json::json!({
            "id": format!("bridge-{i}"),
            "outlet": format!("Valley Paper {i}"),
            "published": "2024-03-05",
            "title": format!("Bridge closed to lorries ({i})"),
            "text": format!("{intro}{story}"),
        });
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    out
}

/// Lowercase letters and digits of a slice: passages are compared as words, not bytes.
fn fold(text: &str, start: u64, end: u64) -> String {
    text[start as usize..end as usize]
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn aligned_passages_put_the_edge_target_first() {
    let items =
        claimtrace::items_from_records("bridge.jsonl", &records(), &Default::default()).unwrap();
    let graph = claimtrace::graph_of_items(items, BuildOptions { with_text: true }, &NoProgress);
    let mut json = Vec::new();
    claimtrace::write_graph(&graph, Format::Json, &mut json).unwrap();
    let g: Value = serde_json::from_slice(&json).unwrap();
    let texts: BTreeMap<&str, &str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "item")
        .map(|n| (n["id"].as_str().unwrap(), n["text"].as_str().unwrap()))
        .collect();
    let mut checked = 0;
    for e in g["edges"].as_array().unwrap() {
        let Some(aligned) = e["aligned"].as_array() else {
            continue;
        };
        let target = texts[e["target"].as_str().unwrap()];
        let source = texts[e["source"].as_str().unwrap()];
        for a in aligned {
            let a: Vec<u64> = a
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap())
                .collect();
            assert_eq!(
                fold(target, a[0], a[1]),
                fold(source, a[2], a[3]),
                "{} edge {}: the first span is not in its target",
                e["kind"],
                e["id"]
            );
            checked += 1;
        }
    }
    // Six copies of one story the same day: at least one pair each way round.
    assert!(checked >= 5, "only {checked} aligned passages");
}
