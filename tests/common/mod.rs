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

/// Whether this run is CI's (`.ci/run` sets `CLAIMTRACE_CI=1`), where every tool a test needs
/// must be there.
pub fn in_ci() -> bool {
    std::env::var_os("CLAIMTRACE_CI").is_some_and(|v| v == "1")
}

/// The one rule for tools the tests run but cargo does not bring (a Python with packages,
/// xmllint, later a browser or a database): `found` is the tool, or why it is missing. Missing
/// outside CI, the test prints `SKIPPED: ...` and passes (the caller returns on None); missing
/// in CI (`CLAIMTRACE_CI=1`), it fails, since `.ci/run` installs every tool.
pub fn require_tool<T>(name: &str, found: Result<T, String>) -> Option<T> {
    match found {
        Ok(t) => Some(t),
        Err(why) if in_ci() => panic!("{name} is required in CI (.ci/run installs it): {why}"),
        Err(why) => {
            eprintln!("SKIPPED: {name} is missing ({why}); .ci/run installs it");
            None
        }
    }
}

/// An executable on PATH that answers `--version`.
pub fn executable(name: &str) -> Result<PathBuf, String> {
    executable_answering(name, "--version")
}

/// An executable on PATH that answers `flag` (Graphviz's `dot` knows `-V`, not `--version`).
pub fn executable_answering(name: &str, flag: &str) -> Result<PathBuf, String> {
    match std::process::Command::new(name).arg(flag).output() {
        Ok(o) if o.status.success() => Ok(PathBuf::from(name)),
        Ok(o) => Err(format!("`{name} {flag}` exited with {}", o.status)),
        Err(e) => Err(format!("`{name}` cannot be run: {e}")),
    }
}

/// The Python of the test tooling (tests/python/requirements.txt): `CLAIMTRACE_PYTHON`, else
/// the repository's `.venv` that `.ci/run` makes, provided it can import `modules`.
pub fn python_with(modules: &[&str]) -> Option<PathBuf> {
    let python = match std::env::var_os("CLAIMTRACE_PYTHON") {
        Some(p) => PathBuf::from(p),
        None => repo(".venv/bin/python"),
    };
    let found = std::process::Command::new(&python)
        .arg("-c")
        .arg(format!("import {}", modules.join(", ")))
        .output()
        .map_err(|e| format!("{} cannot be run: {e}", python.display()))
        .and_then(|o| {
            if o.status.success() {
                Ok(python.clone())
            } else {
                Err(format!(
                    "{} cannot import {}: {}",
                    python.display(),
                    modules.join(", "),
                    String::from_utf8_lossy(&o.stderr).trim()
                ))
            }
        });
    require_tool("python test tooling", found)
}

/// Headless Chromium for the view's browser tests: `CLAIMTRACE_CHROMIUM`, else `chromium` on
/// PATH (Debian's package, which `.ci/run` installs).
pub fn chromium() -> Option<PathBuf> {
    let found = match std::env::var_os("CLAIMTRACE_CHROMIUM") {
        Some(p) => Ok(PathBuf::from(p)),
        None => executable("chromium"),
    };
    require_tool("chromium", found)
}
