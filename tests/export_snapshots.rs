//! Golden snapshots of both exports of the README example, and the DOT render check.

mod common;

use common::claimtrace;
use std::io::Write;
use std::process::{Command, Stdio};

fn export(format: &str) -> String {
    common::stdout_of(["graph", "--format", format, "examples/reposts.jsonl"])
}

#[test]
fn json_export_of_the_example() {
    insta::assert_snapshot!("example_json", export("json"));
}

#[test]
fn dot_export_of_the_example() {
    insta::assert_snapshot!("example_dot", export("dot"));
}

/// `dot` from Graphviz, or None when it is not installed outside CI (CI installs it).
fn graphviz() -> Option<&'static str> {
    common::require_tool("graphviz", common::executable_answering("dot", "-V")).map(|_| "dot")
}

fn render_svg(dot_source: &[u8]) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let src = dot_source.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&src));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "dot warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn dot_renders_with_graphviz() {
    if graphviz().is_none() {
        return;
    }
    let svg = render_svg(export("dot").as_bytes());
    assert!(svg.contains("<svg"));
    assert!(
        svg.contains("Corvin Bridge closed after"),
        "item labels are drawn (wrapped)"
    );
    assert!(svg.contains("How to read this picture"));
}

#[test]
fn dot_renders_thousands_of_nodes() {
    if graphviz().is_none() {
        return;
    }
    // 1,500 records over 30 outlets and 60 dates, with authors: about 3,000 nodes.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..1500 {
        writeln!(
            f,
            r#"{{"id":"r{i}","outlet":"Outlet {o}","author":"Writer{w} Name{w}","published":"2030-01-{d:02}","title":"Story \"{i}\" <b>","text":"Text of story {i}."}}"#,
            o = i % 30,
            w = i % 1400,
            d = 1 + i % 28
        )
        .unwrap();
    }
    drop(f);
    let out = claimtrace()
        .args(["graph", "--format", "dot"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let svg = render_svg(&out.stdout);
    assert!(
        svg.matches("class=\"node\"").count() > 2900,
        "every node is drawn"
    );
}
