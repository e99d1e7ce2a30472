//! The HTML view as a file: its skeleton (a snapshot of the page around a tiny graph's data,
//! the vendored library left out), the same bytes for the same inputs in any order, the
//! vendored library as published, and `graph --format html` as `view`.

mod common;

use sha2::{Digest, Sha256};

const LIBRARY: &str = "src/export/html/vendor/cytoscape.min.js";

/// The page with the vendored library replaced by its name.
fn skeleton(page: &str) -> String {
    let library = std::fs::read_to_string(common::repo(LIBRARY)).unwrap();
    assert_eq!(
        page.matches(library.as_str()).count(),
        1,
        "the library, once"
    );
    page.replace(&library, "[vendored cytoscape.min.js]")
}

#[test]
fn the_page_around_the_example() {
    let page = common::stdout_of(["view", "-q", "examples/reposts.jsonl"]);
    insta::assert_snapshot!("example_view", skeleton(&page));
}

#[test]
fn graph_format_html_is_the_view() {
    let view = common::stdout_of(["view", "-q", "examples/reposts.jsonl"]);
    let graph = common::stdout_of(["graph", "-q", "--format", "html", "examples/reposts.jsonl"]);
    assert_eq!(view, graph);
}

#[test]
fn same_inputs_in_any_order_give_the_same_page() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(common::repo("examples/reposts.jsonl")).unwrap();
    let lines: Vec<&str> = example.lines().collect();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    std::fs::write(&a, lines[..2].join("\n")).unwrap();
    std::fs::write(&b, lines[2..].join("\n")).unwrap();
    let one = common::stdout_of(["view".as_ref(), a.as_os_str(), b.as_os_str()]);
    let other = common::stdout_of(["view".as_ref(), b.as_os_str(), a.as_os_str()]);
    assert!(one == other, "the pages differ");
}

#[test]
fn vendored_library_is_the_published_file() {
    // cytoscape 3.35.0 as npm publishes it (vendor/README.md); any other change fails here.
    let bytes = std::fs::read(common::repo(LIBRARY)).unwrap();
    let sum: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        sum,
        "71fa9ebec21a7ca2c40cff6aacc30d1f6464e363662ad4b2c197e1adc770cd94"
    );
    let readme = std::fs::read_to_string(common::repo("src/export/html/vendor/README.md")).unwrap();
    assert!(readme.contains(&sum) && readme.contains("3.35.0"));
    assert!(common::repo("src/export/html/vendor/LICENSE").exists());
}

#[test]
fn one_story_of_a_view() {
    let page = common::stdout_of([
        "view",
        "-q",
        "examples/reposts.jsonl",
        "--story",
        "lantern-88",
    ]);
    assert!(page.contains("3 items from 3 outlets"));
    assert!(!page.contains("Mayor promises"));
}
