//! Property test: the same inputs in any order give byte-identical output. Records of a small
//! fictional corpus — one story reposted with and without credit, an outlet named in three
//! cases, a speaker named in full and by surname, a page captured twice with the same text and
//! twice with another — are read from three files, then built in every order proptest draws:
//! the items shuffled, and the files given in any order.

mod common;

use claimtrace::{BuildOptions, Format, Input, NoProgress, ReadSettings, Settings};
use proptest::prelude::*;
use std::path::PathBuf;

const STORY: &str = "The Harbor Bridge will stay closed until the end of May, transport minister \
Alma Ruiz said on Thursday. “We will not reopen a bridge that is not safe,” Ruiz told reporters \
at the port. Engineers found cracks in two of the bridge's supports during an inspection last \
week, the ministry said. Ferries will run every half hour while the bridge is closed, the port \
authority said in a statement.";

const OTHER: &str = "The city council voted on Tuesday to extend the night bus service to the \
airport, council leader Tomas Brenner said. “People who work late deserve a ride home,” Brenner \
said after the vote.";

/// Three files of JSON records: (name, lines).
fn corpus() -> Vec<(&'static str, String)> {
    let rec = |v: serde_json::Value| v.to_string();
    let gazette = [
        rec(
            serde_json::json!({"id": "g1", "outlet": "Harbor Gazette", "url": "https://gazette.example/bridge",
            "published": "2031-05-02", "title": "Bridge stays shut", "text": STORY}),
        ),
        rec(
            serde_json::json!({"id": "g2", "outlet": "harbor gazette", "published": "2031-05-03",
            "title": "Night buses", "text": OTHER}),
        ),
    ];
    let blog = [
        rec(
            serde_json::json!({"id": "b1", "outlet": "HARBOR GAZETTE", "url": "https://gazette.example/bridge",
            "published": "2031-05-02", "title": "Bridge stays shut", "text": STORY}),
        ),
        rec(
            serde_json::json!({"id": "b2", "outlet": "Quayside Blog", "published": "2031-05-04",
            "title": "Bridge closed till May", "text": format!("Reposted from the Gazette. {STORY}"),
            "credits": ["Harbor Gazette"]}),
        ),
    ];
    let edits = [
        rec(
            serde_json::json!({"id": "e1", "outlet": "Harbor Gazette", "url": "https://gazette.example/bridge",
            "published": "2031-05-02", "title": "Bridge stays shut (updated)",
            "text": format!("{STORY} Update: the ministry now expects the bridge to reopen in June.")}),
        ),
        rec(
            serde_json::json!({"id": "e2", "outlet": "Quayside Blog", "published": "2031-05-05",
            "title": "Buses at night", "text": format!("{OTHER} Ruiz said nothing.")}),
        ),
    ];
    vec![
        ("gazette.jsonl", gazette.join("\n")),
        ("blog.jsonl", blog.join("\n")),
        ("edits.jsonl", edits.join("\n")),
    ]
}

fn json(graph: &claimtrace::Graph) -> Vec<u8> {
    let mut out = Vec::new();
    claimtrace::write_graph(graph, Format::Json, &mut out).unwrap();
    out
}

fn items_in_order(order: &[usize]) -> Vec<claimtrace::Item> {
    let files = corpus();
    let mut items = Vec::new();
    for (name, body) in &files {
        let input = Input::new(name, body.clone().into_bytes());
        items.extend(claimtrace::read_input(&input, &ReadSettings::default()).unwrap());
    }
    order.iter().map(|&i| items[i].clone()).collect()
}

#[test]
fn the_corpus_has_what_the_property_needs() {
    let order: Vec<usize> = (0..6).collect();
    let g =
        claimtrace::graph_of_items(items_in_order(&order), BuildOptions::default(), &NoProgress);
    let out: serde_json::Value = serde_json::from_slice(&json(&g)).unwrap();
    let count = |what: &str, kind: &str| {
        out[what]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == kind)
            .count()
    };
    // Six records: the page captured twice with one text is one item, the edit a version.
    assert_eq!(count("nodes", "item"), 5);
    assert_eq!(count("edges", "version_of"), 1);
    assert!(count("edges", "reposts") + count("edges", "same_text") >= 1);
    let gazette: Vec<&serde_json::Value> = out["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| {
            n["kind"] == "outlet"
                && n["name"]
                    .as_str()
                    .unwrap()
                    .eq_ignore_ascii_case("harbor gazette")
        })
        .collect();
    assert_eq!(gazette.len(), 1);
    // Three forms, "Harbor Gazette" the most frequent (three records and a credit).
    assert_eq!(gazette[0]["name"], "Harbor Gazette");
    assert_eq!(gazette[0]["aliases"].as_array().unwrap().len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn items_in_any_order_give_the_same_graph(order in Just((0..6).collect::<Vec<usize>>()).prop_shuffle()) {
        let straight: Vec<usize> = (0..6).collect();
        let a = claimtrace::graph_of_items(items_in_order(&straight), BuildOptions::default(), &NoProgress);
        let b = claimtrace::graph_of_items(items_in_order(&order), BuildOptions::default(), &NoProgress);
        prop_assert!(json(&a) == json(&b), "order {order:?} changed the graph");
    }

    #[test]
    fn files_in_any_order_give_the_same_graph(order in Just(vec![0usize, 1, 2]).prop_shuffle()) {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = corpus()
            .into_iter()
            .map(|(name, body)| {
                let p = dir.path().join(name);
                std::fs::write(&p, body).unwrap();
                p
            })
            .collect();
        let run = |inputs: Vec<PathBuf>| {
            let settings = Settings { inputs, ..Settings::default() };
            let (g, _) = claimtrace::run(&settings, &NoProgress, &mut |_| {}).unwrap();
            json(&g)
        };
        let straight = run(paths.clone());
        let shuffled = run(order.iter().map(|&i| paths[i].clone()).collect());
        prop_assert!(straight == shuffled, "file order {order:?} changed the graph");
    }
}

/// The real corpus: every giveme5w1h article (news_cluster and gold_standard, 38 URLs in both
/// with different texts), items reversed and interleaved, gives the graph it gives in order.
#[test]
fn giveme_in_any_order_gives_the_same_graph() {
    let Some(root) = common::shared("corpora/giveme5w1h-news-cluster") else {
        return;
    };
    let mut items = Vec::new();
    for part in ["news_cluster", "gold_standard"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(part).join("data"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let input = Input::new(&f.to_string_lossy(), std::fs::read(&f).unwrap());
            items.extend(claimtrace::read_input(&input, &ReadSettings::default()).unwrap());
        }
    }
    let n = items.len();
    let graph = |order: Vec<usize>| {
        let items = order.into_iter().map(|i| items[i].clone()).collect();
        json(&claimtrace::graph_of_items(
            items,
            BuildOptions::default(),
            &NoProgress,
        ))
    };
    let straight = graph((0..n).collect());
    assert!(straight == graph((0..n).rev().collect()), "reversed");
    assert!(
        straight == graph((0..n).map(|i| (i * 7919) % n).collect()),
        "interleaved"
    );
}
