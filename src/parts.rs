//! The graph as partitioned files of nodes and edges, the form a distributed job writes: each
//! worker writes the nodes and edges it made, and one machine assembles them into the single
//! export when the graph fits on it.
//!
//! A parts directory holds:
//!
//! - `parts.json`: `{"schema": "claimtrace-graph", "version": N}`, the graph contract the lines
//!   follow (checked on reading: parts of another version are refused, not misread);
//! - `nodes/`: files of nodes, one per line, each exactly as the JSON export writes a node;
//! - `edges/`: files of edges, likewise.
//!
//! Under `nodes/` and `edges/` every file is read, in any folder below, whatever its name, plain
//! or gzip-compressed (`.gz`); names starting with `_` or `.` are skipped (Spark's `_SUCCESS` and
//! `.crc` files). How the nodes and edges are split over files, and their order, changes nothing:
//! the graph assembled is the same, and so is every export of it. JSON lines only, not Parquet:
//! reading Parquet would take the arrow-rs `parquet` crate and its dependencies into the library
//! for a second copy of the same lines (a Spark job can still write Parquet beside them for its
//! own users).

use crate::model::{Edge, Graph, Node, SCHEMA_NAME, SCHEMA_VERSION};
use crate::read::{InputError, Location};
use serde::de::DeserializeOwned;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// The file naming the contract of a parts directory.
const MANIFEST: &str = "parts.json";

/// Writes `graph` into `dir` as `partitions` files of nodes and as many of edges (at least one
/// each), a node or edge in the file its id falls in, each file sorted by id. `dir` must not
/// exist or be empty; it is written under a temporary name beside it and renamed into place
/// when complete, so a failed write leaves no partial parts.
///
/// ```
/// use claimtrace::{BuildOptions, Format, NoProgress};
///
/// let records = r#"{"id": "w-1", "outlet": "Northwind Wire", "text": "The bridge reopens on Monday, minister Alma Ruiz said."}"#;
/// let items = claimtrace::items_from_records("news.jsonl", records, &Default::default())?;
/// let graph = claimtrace::graph_of_items(items, BuildOptions::default(), &NoProgress);
///
/// let dir = std::env::temp_dir().join(format!("claimtrace-parts-doc-{}", std::process::id()));
/// claimtrace::write_parts(&graph, &dir, 3)?;
/// let back = claimtrace::read_parts(&dir)?;
/// let (mut a, mut b) = (Vec::new(), Vec::new());
/// claimtrace::write_graph(&graph, Format::Json, &mut a)?;
/// claimtrace::write_graph(&back, Format::Json, &mut b)?;
/// assert_eq!(a, b);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_parts(graph: &Graph, dir: &Path, partitions: usize) -> io::Result<()> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} exists and is not empty", dir.display()),
        ));
    }
    let name = dir
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no directory name"))?;
    let partial = dir.with_file_name(format!(".{}.partial", name.to_string_lossy()));
    if partial.exists() {
        std::fs::remove_dir_all(&partial)?;
    }
    let written = write_into(graph, &partial, partitions.max(1));
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&partial);
        return Err(e);
    }
    if dir.exists() {
        std::fs::remove_dir(dir)?;
    }
    std::fs::rename(&partial, dir)
}

fn write_into(graph: &Graph, dir: &Path, partitions: usize) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    write_kind(
        &dir.join("nodes"),
        graph.sorted_nodes().into_iter().map(|n| (n.id, n)),
        partitions,
    )?;
    write_kind(
        &dir.join("edges"),
        graph.sorted_edges().into_iter().map(|e| (e.id, e)),
        partitions,
    )?;
    std::fs::write(dir.join(MANIFEST), parts_manifest())
}

/// The text of a parts directory's `parts.json`: the contract's name and version (for a job
/// that writes the node and edge files itself).
pub fn parts_manifest() -> String {
    format!("{{\"schema\":\"{SCHEMA_NAME}\",\"version\":{SCHEMA_VERSION}}}\n")
}

/// Writes `rows` (sorted by id) into `partitions` files under `dir`.
fn write_kind<'a, T: serde::Serialize + 'a>(
    dir: &Path,
    rows: impl Iterator<Item = (uuid::Uuid, &'a T)>,
    partitions: usize,
) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut files = (0..partitions)
        .map(|p| File::create(dir.join(format!("part-{p:05}.jsonl"))).map(BufWriter::new))
        .collect::<io::Result<Vec<_>>>()?;
    for (id, row) in rows {
        // Ids are UUIDv5, evenly spread: their first bytes choose the file.
        let p = (id.as_u128() >> 64) as usize % partitions;
        let w = &mut files[p];
        serde_json::to_writer(&mut *w, row)?;
        w.write_all(b"\n")?;
    }
    for mut f in files {
        f.flush()?;
    }
    Ok(())
}

/// The graph of the parts in `dir` (see the module's doc for the layout): every node, then every
/// edge, however they are split over files. A node met twice is merged as the graph builder
/// merges it, an edge met twice is kept once.
///
/// Errors name the file and line: an unreadable line, a node or edge not in the contract's
/// shape, an edge whose end is in no node, parts of another contract version.
pub fn read_parts(dir: &Path) -> Result<Graph, InputError> {
    check_manifest(dir)?;
    let mut graph = Graph::new();
    for file in part_files(&dir.join("nodes"))? {
        each_line::<Node>(&file, |node, _| {
            graph.upsert_node(node);
            Ok(())
        })?;
    }
    for file in part_files(&dir.join("edges"))? {
        each_line::<Edge>(&file, |edge, line| {
            for end in [edge.source, edge.target] {
                if graph.node(end).is_none() {
                    return Err(InputError::new(
                        file.to_string_lossy(),
                        Location::Line(line),
                        format!("edge {}: node {end} is in no part", edge.id),
                    ));
                }
            }
            graph.add_edge(edge);
            Ok(())
        })?;
    }
    Ok(graph)
}

fn check_manifest(dir: &Path) -> Result<(), InputError> {
    let path = dir.join(MANIFEST);
    let name = path.to_string_lossy();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| InputError::new(name.as_ref(), Location::File, format!("cannot read: {e}")))?;
    #[derive(serde::Deserialize)]
    struct Manifest {
        schema: String,
        version: u32,
    }
    let m: Manifest = serde_json::from_str(&text).map_err(|e| {
        InputError::new(
            name.as_ref(),
            Location::File,
            format!("invalid manifest: {e}"),
        )
    })?;
    if m.schema != SCHEMA_NAME || m.version != SCHEMA_VERSION {
        return Err(InputError::new(
            name.as_ref(),
            Location::File,
            format!(
                "parts of {} version {}; this build reads {SCHEMA_NAME} version {SCHEMA_VERSION}",
                m.schema, m.version
            ),
        ));
    }
    Ok(())
}

/// Every part file under `dir`, sorted by path (the order changes nothing; it keeps errors
/// reproducible).
fn part_files(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| {
            InputError::new(
                d.to_string_lossy(),
                Location::File,
                format!("cannot list directory: {e}"),
            )
        })?;
        for entry in entries {
            let entry = entry.map_err(|e| {
                InputError::new(
                    d.to_string_lossy(),
                    Location::File,
                    format!("cannot list directory: {e}"),
                )
            })?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with(['_', '.']) {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Calls `f` with each line of `file` read as a `T` and its 1-based line number; blank lines
/// are skipped.
fn each_line<T: DeserializeOwned>(
    file: &Path,
    mut f: impl FnMut(T, usize) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let name = file.to_string_lossy();
    let err = |at, msg: String| InputError::new(name.as_ref(), at, msg);
    let raw = File::open(file).map_err(|e| err(Location::File, format!("cannot read: {e}")))?;
    let reader: Box<dyn Read> = if file.extension().is_some_and(|x| x == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut line = String::new();
    let mut n = 0;
    loop {
        line.clear();
        n += 1;
        let read = reader
            .read_line(&mut line)
            .map_err(|e| err(Location::Line(n), format!("cannot read: {e}")))?;
        if read == 0 {
            return Ok(());
        }
        if line.trim().is_empty() {
            continue;
        }
        let row: T = serde_json::from_str(&line).map_err(|e| {
            err(
                Location::Line(n),
                format!("not a node or edge of the contract: {e}"),
            )
        })?;
        f(row, n)?;
    }
}
