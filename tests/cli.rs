//! The `graph` command end to end: output, determinism, errors and exit codes.

mod common;

use common::{assert_valid_graph, claimtrace, repo};
use predicates::prelude::*;
use serde_json::Value;

fn graph_json(args: &[&str]) -> Value {
    let out = claimtrace().arg("graph").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn kinds<'a>(g: &'a Value, what: &str, kind: &str) -> Vec<&'a Value> {
    g[what]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .collect()
}

#[test]
fn example_graph_is_valid_sorted_and_complete() {
    let g = graph_json(&["examples/reposts.jsonl"]);
    assert_valid_graph(&g);
    assert_eq!(g["schema"], "claimtrace-graph");
    assert_eq!(kinds(&g, "nodes", "item").len(), 4);
    let outlets: Vec<_> = kinds(&g, "nodes", "outlet")
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(outlets.len(), 3, "{outlets:?}");
    assert!(outlets.contains(&"Northwind Wire"));
    // Named authors are speakers; a desk ("Lantern Editors") is not.
    let people: Vec<_> = kinds(&g, "nodes", "speaker")
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(people.contains(&"Mara Quill"), "{people:?}");
    assert!(!people.iter().any(|p| p.contains("Editors")), "{people:?}");
    assert_eq!(kinds(&g, "edges", "credits").len(), 2);
    assert_eq!(kinds(&g, "edges", "published_by").len(), 4);
    for what in ["nodes", "edges"] {
        let ids: Vec<&str> = g[what]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap())
            .collect();
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "{what} not sorted by id"
        );
    }
    let wire = kinds(&g, "nodes", "item")
        .into_iter()
        .find(|i| i["record_id"] == "nw-2031")
        .unwrap();
    // A date-time keeps its own local calendar date.
    assert_eq!(wire["published"], "2026-03-12");
    assert_eq!(wire["origin"]["spans"], "text");
    assert!(wire.get("text").is_none(), "text only with --with-text");
}

#[test]
fn with_text_exports_text_and_origin_is_the_record() {
    let g = graph_json(&["--with-text", "tests/fixtures/records/one.json"]);
    assert_valid_graph(&g);
    let item = kinds(&g, "nodes", "item")[0];
    assert!(
        item["text"]
            .as_str()
            .unwrap()
            .starts_with("After forty years")
    );
    assert_eq!(item["language"], "en");
    let src = std::fs::read(repo("tests/fixtures/records/one.json")).unwrap();
    let (s, e) = (
        item["origin"]["start"].as_u64().unwrap() as usize,
        item["origin"]["end"].as_u64().unwrap() as usize,
    );
    assert!(src[s..e].starts_with(b"{") && src[s..e].ends_with(b"}"));
}

#[test]
fn output_is_byte_identical_and_independent_of_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<&str> = include_str!("../examples/reposts.jsonl").lines().collect();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    std::fs::write(&a, lines[..2].join("\n")).unwrap();
    std::fs::write(&b, lines[2..].join("\n")).unwrap();
    let run = |x: &std::path::Path, y: &std::path::Path| {
        claimtrace()
            .args(["graph", "--format", "dot"])
            .arg(x)
            .arg(y)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(&a, &b), run(&a, &b));
    assert_eq!(run(&a, &b), run(&b, &a));
    let one = graph_json(&["examples/reposts.jsonl"]);
    let split = graph_json(&[b.to_str().unwrap(), a.to_str().unwrap()]);
    let ids = |g: &Value| -> Vec<String> {
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .chain(g["edges"].as_array().unwrap())
            .map(|n| n["id"].to_string())
            .collect()
    };
    assert_eq!(
        ids(&one),
        ids(&split),
        "ids depend on the records, not on files or order"
    );
}

#[test]
fn stdin_and_directories() {
    let src = std::fs::read(repo("tests/fixtures/records/one.json")).unwrap();
    let out = claimtrace()
        .args(["graph", "-"])
        .write_stdin(src)
        .output()
        .unwrap();
    assert!(out.status.success());
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(kinds(&g, "nodes", "item")[0]["origin"]["file"], "-");

    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sub/.hidden")).unwrap();
    std::fs::copy(
        repo("tests/fixtures/records/one.json"),
        dir.path().join("sub/one.json"),
    )
    .unwrap();
    std::fs::copy(
        repo("examples/reposts.jsonl"),
        dir.path().join("reposts.jsonl"),
    )
    .unwrap();
    std::fs::write(dir.path().join("sub/.hidden/bad.json"), "not json").unwrap();
    std::fs::write(dir.path().join("notes.bin"), [0u8, 1, 2]).unwrap();
    let g = graph_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(kinds(&g, "nodes", "item").len(), 5);
}

#[test]
fn empty_input_is_an_empty_graph() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.jsonl");
    std::fs::write(&p, "").unwrap();
    let g = graph_json(&[p.to_str().unwrap()]);
    assert_valid_graph(&g);
    assert_eq!(g["nodes"].as_array().unwrap().len(), 0);
    assert_eq!(g["edges"].as_array().unwrap().len(), 0);
}

#[test]
fn bad_record_is_one_line_error_and_leaves_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graph.json");
    claimtrace()
        .args(["graph", "tests/fixtures/records/bad-missing-text.jsonl", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("")
        .stderr("error: tests/fixtures/records/bad-missing-text.jsonl:2: record has no \"text\" field\n");
    assert!(!out.exists(), "no partial output");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary file left behind"
    );

    // An existing output is left as it was.
    std::fs::write(&out, "previous").unwrap();
    claimtrace()
        .args([
            "graph",
            "tests/fixtures/records/bad-missing-text.jsonl",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
}

#[test]
fn skip_bad_goes_on_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graph.json");
    claimtrace()
        .args([
            "graph",
            "--skip-bad",
            "tests/fixtures/records/bad-missing-text.jsonl",
            "examples/reposts.jsonl",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "warning: skipped tests/fixtures/records/bad-missing-text.jsonl:2:",
        ))
        .stderr(predicate::str::ends_with(
            "warning: 1 bad input(s) skipped\n",
        ));
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(kinds(&g, "nodes", "item").len(), 4);
}

#[test]
fn binary_and_non_utf8_inputs_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("photo.dat");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    claimtrace()
        .arg("graph")
        .arg(&bin)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("photo.dat: byte 8: binary input"));
    let latin = dir.path().join("latin.jsonl");
    std::fs::write(&latin, b"{\"text\":\"ok\"}\n{\"text\":\"caf\xe9\"}\n").unwrap();
    claimtrace()
        .arg("graph")
        .arg(&latin)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("latin.jsonl:2: not UTF-8"));
    claimtrace()
        .args(["graph", "no/such/file.jsonl"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "error: no/such/file.jsonl: cannot read:",
        ));
}

#[test]
fn usage_errors_exit_2_and_help_has_examples() {
    claimtrace().arg("graph").assert().code(2);
    claimtrace()
        .args(["graph", "--format", "xml", "x"])
        .assert()
        .code(2);
    claimtrace()
        .args(["graph", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("--with-text"));
    claimtrace()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
}

#[test]
fn source_url_field_gives_the_repost_its_direction() {
    // Same day, no credits: only the copy's source_url says which came first.
    let body = "The ferry between Eastmere and the island will stop on Sunday for a week of repairs to \
                the pier, the harbour board said. Passengers can take the coastal bus instead, which \
                will run every hour from the square. The board expects the work to finish before the \
                summer timetable starts and says the cost is covered by last year's budget. Fishermen \
                who moor at the pier have been asked to use the north quay until further notice.";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pair.jsonl");
    let rec = |id: &str, url: &str, outlet: &str, extra: &str| {
        format!(
            r#"{{"id":"{id}","url":"{url}","outlet":"{outlet}","published":"2021-03-02",{extra}"text":"{body}"}}"#
        )
    };
    let lines = [
        rec(
            "orig",
            "https://gazette.example/pier",
            "Harbour Gazette",
            "",
        ),
        rec(
            "copy",
            "https://lantern.example/pier",
            "Lantern Blog",
            r#""source_url":"https://gazette.example/pier","#,
        ),
    ];
    std::fs::write(&path, lines.join("\n")).unwrap();
    let g = graph_json(&[path.to_str().unwrap()]);
    let record_of = |id: &Value| {
        kinds(&g, "nodes", "item")
            .into_iter()
            .find(|n| &n["id"] == id)
            .map(|n| n["record_id"].as_str().unwrap().to_string())
            .unwrap()
    };
    let reposts = kinds(&g, "edges", "reposts");
    assert_eq!(reposts.len(), 1, "{g:#}");
    assert_eq!(record_of(&reposts[0]["source"]), "copy");
    assert_eq!(record_of(&reposts[0]["target"]), "orig");
    assert!(
        reposts[0]["evidence"]
            .as_str()
            .unwrap()
            .contains("links to its source https://gazette.example/pier")
    );
}
