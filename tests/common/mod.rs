//! Helpers shared by the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn claimtrace() -> Command {
    let mut c = Command::cargo_bin("claimtrace").expect("binary built");
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The graph JSON schema, compiled.
pub fn graph_validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo("schemas/graph.schema.json")).unwrap())
            .unwrap();
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// Panics with every schema error of `graph`.
pub fn assert_valid_graph(graph: &serde_json::Value) {
    let v = graph_validator();
    let errors: Vec<String> = v
        .iter_errors(graph)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "graph does not match schemas/graph.schema.json:\n{}",
        errors.join("\n")
    );
}

/// `../shared` beside the repository, or None (tests skip with a visible message).
pub fn shared(path: &str) -> Option<PathBuf> {
    let p = repo("../shared").join(path);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} is absent (../shared not beside the repository)",
            p.display()
        );
        None
    }
}

/// Runs claimtrace with `args` from the repository's root, asserts that it succeeded (showing
/// its stderr if not) and returns its stdout.
pub fn stdout_of<I, S>(args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = claimtrace().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
