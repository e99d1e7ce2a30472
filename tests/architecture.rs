//! ARCHITECTURE.md's invariants that the sources themselves can show: stages only look forward,
//! the library knows nothing of the command line, and the command line and the synthetic corpora
//! are clients of the public API. Reads the source files; a new import that breaks a rule fails
//! here with the file and line.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A line's code, without its `//` comment (doc comments name modules freely).
fn code(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

/// The top-level modules of the crate a line names through `crate::`: `crate::model::Graph`
/// and `crate::{model::Graph, read}` both name `model`.
fn crate_modules(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code(line);
    while let Some(i) = rest.find("crate::") {
        // `pub(crate)` is visibility, not a path.
        let after = &rest[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let mut depth = 1;
            let mut start_of_element = true;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                if depth == 1 && c == ',' {
                    start_of_element = true;
                    continue;
                }
                if start_of_element {
                    if c.is_alphanumeric() || c == '_' {
                        name.push(c);
                    } else if !name.is_empty() {
                        found.push(std::mem::take(&mut name));
                        start_of_element = false;
                    }
                }
            }
        } else {
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
        }
        rest = after;
    }
    found
}

/// Lines under `src/<dir>` (a folder or a file) that reach a forbidden top-level module.
fn imports_of(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let path = root.join(dir);
    let files = if path.is_dir() {
        sources(&path)
    } else {
        vec![path.with_extension("rs")]
    };
    assert!(!files.is_empty(), "no sources under src/{dir}");
    let mut bad = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            for m in crate_modules(line) {
                if forbidden.contains(&m.as_str()) {
                    bad.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    bad
}

#[test]
fn the_module_finder_reads_paths_and_groups() {
    assert_eq!(crate_modules("use crate::model::Graph;"), ["model"]);
    assert_eq!(
        crate_modules("use crate::{model::{Graph, Node}, read::Input};"),
        ["model", "read"]
    );
    assert!(crate_modules("pub(crate) fn f() {} // crate::model").is_empty());
}

#[test]
fn stages_only_look_forward() {
    let mut bad = Vec::new();
    // Reading, segmenting, extracting and linking know nothing of the graph or its exports.
    for stage in ["read", "segment", "extract", "link"] {
        bad.extend(imports_of(
            stage,
            &["model", "build", "export", "pipeline", "provenance"],
        ));
    }
    // No stage knows of the store: it is a client of the stages, like the pipeline.
    for stage in [
        "read",
        "segment",
        "extract",
        "link",
        "build",
        "export",
        "provenance",
        "model",
        "vocab",
    ] {
        bad.extend(imports_of(stage, &["store"]));
    }
    // Reading and segmenting know nothing of claims or reuse.
    for stage in ["read", "segment"] {
        bad.extend(imports_of(stage, &["extract", "link"]));
    }
    // The builder parses no text.
    bad.extend(imports_of("build", &["read", "segment", "export"]));
    // Exports and provenance queries only read the graph.
    for reader_of_graph in ["export", "provenance"] {
        bad.extend(imports_of(
            reader_of_graph,
            &["read", "segment", "extract", "link", "build", "pipeline"],
        ));
    }
    // The graph model and the shared vocabulary stand beneath every stage.
    bad.extend(imports_of(
        "model",
        &[
            "read",
            "segment",
            "extract",
            "link",
            "build",
            "export",
            "pipeline",
            "provenance",
            "item",
        ],
    ));
    let vocab_imports: Vec<String> = imports_of(
        "vocab",
        &[
            "read",
            "segment",
            "extract",
            "link",
            "build",
            "export",
            "pipeline",
            "provenance",
            "item",
            "model",
            "dates",
            "outlets",
            "byline",
        ],
    );
    bad.extend(vocab_imports);
    assert!(
        bad.is_empty(),
        "imports against the direction of the pipeline:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_library_knows_nothing_of_the_command_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let cli_only = ["clap", "indicatif", "anyhow", "tempfile"];
    let mut bad = Vec::new();
    for f in sources(&root) {
        let rel = f.strip_prefix(&root).unwrap();
        if rel == Path::new("main.rs") || rel.starts_with("cmd") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let line = code(line);
            if cli_only
                .iter()
                .any(|c| line.contains(&format!("{c}::")) || line.contains(&format!("use {c}")))
            {
                bad.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "the library uses a command-line crate:\n{}",
        bad.join("\n")
    );
    // And the manifest keeps them out of a library-only build.
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|s| s.split("\n[").next())
        .unwrap();
    for c in cli_only {
        let line = deps
            .lines()
            .find(|l| l.starts_with(&format!("{c} ")))
            .unwrap_or_else(|| panic!("{c} is not a dependency"));
        assert!(
            line.contains("optional = true"),
            "{c} must be optional: {line}"
        );
    }
}

#[test]
fn clients_use_only_the_public_api() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bad = Vec::new();
    // The command line, the synthetic corpora and the Python package use what any client can:
    // not the hidden hooks for calibrating a stage's insides.
    for dir in ["src/cmd", "crates/synth/src", "python/src"] {
        for f in sources(&base.join(dir)) {
            let text = std::fs::read_to_string(&f).unwrap();
            for (n, line) in text.lines().enumerate() {
                if code(line).contains("claimtrace::internals") {
                    bad.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    // The command line is the binary's: the library does not declare it.
    let lib = std::fs::read_to_string(base.join("src/lib.rs")).unwrap();
    assert!(
        !lib.lines().any(|l| code(l).trim_start().starts_with("mod cmd")
            || code(l).contains("pub mod cmd")),
        "src/lib.rs declares the command line"
    );
    assert!(bad.is_empty(), "hidden hooks used:\n{}", bad.join("\n"));
}
