//! The claimtrace library as the Python extension module `claimtrace._native`.
//!
//! Every function here calls the library's public API (`src/lib.rs`) and does nothing of its
//! own but convert: paths and strings in; items and graphs as Python objects holding the
//! library's values; everything else out as plain Python values through the library's own
//! serde forms (`json.loads` of the JSON the library writes), so that a node or an edge is the
//! dict the graph contract (schemas/graph.schema.json) describes and nothing is spelled twice.
//! The pure-Python part of the package (`python/claimtrace/`) adds what is easier in Python:
//! records as dicts, networkx. Long work releases the GIL.

mod build;

use claimtrace::{BuildOptions, Format, LinkParams, NoProgress, ReadSettings, Settings};
use pyo3::create_exception;
use pyo3::exceptions::{PyFileExistsError, PyLookupError, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyType;
use std::path::PathBuf;

create_exception!(
    claimtrace,
    InputError,
    PyValueError,
    "An input that cannot be read: its file, the line or byte where it goes wrong, and what is wrong."
);

fn input_error(e: claimtrace::InputError) -> PyErr {
    InputError::new_err(e.to_string())
}

fn io_error(e: std::io::Error) -> PyErr {
    match e.kind() {
        std::io::ErrorKind::InvalidInput => PyValueError::new_err(e.to_string()),
        std::io::ErrorKind::AlreadyExists => PyFileExistsError::new_err(e.to_string()),
        _ => PyOSError::new_err(e.to_string()),
    }
}

/// `value` as plain Python values: `json.loads` of the library's JSON of it.
fn to_py<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (json,))
}

fn read_settings(outlet: Option<String>) -> ReadSettings {
    ReadSettings {
        outlet,
        ..ReadSettings::default()
    }
}

/// A news item as claimtrace read it: its text, where it came from, and what its input says of
/// it. Pickles (through its JSON form, `to_json`), so it can travel to Spark executors.
#[pyclass(name = "Item", module = "claimtrace", frozen)]
struct PyItem(claimtrace::Item);

#[pymethods]
impl PyItem {
    /// Its text.
    #[getter]
    fn text(&self) -> String {
        self.0.text().into_owned()
    }
    /// Its title.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.0.meta.title.as_deref()
    }
    /// Its URL.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.0.meta.url.as_deref()
    }
    /// The id its record gives it.
    #[getter]
    fn record_id(&self) -> Option<&str> {
        self.0.meta.record_id.as_deref()
    }
    /// The outlet that published this copy.
    #[getter]
    fn outlet(&self) -> Option<&str> {
        self.0.meta.outlet.as_deref()
    }
    /// The day it was published, YYYY-MM-DD.
    #[getter]
    fn published(&self) -> Option<String> {
        self.0.meta.published.map(|d| d.to_string())
    }
    /// The language of its text (ISO 639-1).
    #[getter]
    fn language(&self) -> Option<&str> {
        self.0.meta.language.as_deref()
    }
    /// Problems met while reading it.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.0.warnings.clone()
    }
    /// Where it came from: file, byte range, and what its spans point into.
    #[getter]
    fn origin<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.origin)
    }
    /// Everything the item holds, as a dict (its metadata under "meta").
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
    /// Everything the item holds, as JSON (read back with `Item.from_json`).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.0).map_err(|e| PyValueError::new_err(e.to_string()))
    }
    /// The item of `to_json`'s JSON.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyItem> {
        serde_json::from_str(json)
            .map(PyItem)
            .map_err(|e| PyValueError::new_err(format!("not an item's JSON: {e}")))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((
            slf.get_type().getattr("from_json")?,
            (slf.get().to_json()?,),
        ))
    }
    fn __repr__(&self) -> String {
        let what = self
            .0
            .meta
            .title
            .clone()
            .unwrap_or_else(|| self.0.excerpt().chars().take(40).collect());
        format!(
            "<Item {what:?} from {}:{}>",
            self.0.origin.file, self.0.origin.start
        )
    }
}

fn items_of(items: &[Bound<'_, PyItem>]) -> Vec<claimtrace::Item> {
    items.iter().map(|i| i.get().0.clone()).collect()
}

/// The provenance graph: items, outlets, speakers, claims and dates, and the edges between them.
#[pyclass(name = "Graph", module = "claimtrace", frozen)]
struct PyGraph(claimtrace::Graph);

impl PyGraph {
    /// The id of the item `key` names, or LookupError listing what it matched.
    fn item_id(&self, key: &str) -> PyResult<uuid::Uuid> {
        claimtrace::find_item(&self.0, key).map_err(|e| {
            let mut msg = e.to_string();
            for m in e.matches() {
                msg.push_str(&format!(
                    "\n  {}",
                    serde_json::to_string(m).unwrap_or_default()
                ));
            }
            PyLookupError::new_err(msg)
        })
    }
}

#[pymethods]
impl PyGraph {
    /// How many nodes it has.
    #[getter]
    fn node_count(&self) -> usize {
        self.0.node_count()
    }
    /// How many edges it has.
    #[getter]
    fn edge_count(&self) -> usize {
        self.0.edge_count()
    }
    /// Every node as a dict of the graph contract, sorted by id.
    fn nodes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.sorted_nodes())
    }
    /// Every edge as a dict of the graph contract, sorted by id.
    fn edges<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.sorted_edges())
    }
    /// The node of `id`, or None.
    fn node<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Ok(id) = id.parse() else {
            return Ok(None);
        };
        self.0.node(id).map(|n| to_py(py, n)).transpose()
    }
    /// The graph in `format` (any of `formats()`: "json" is the contract, "dot" Graphviz, ...),
    /// as the command line writes it.
    #[pyo3(signature = (format = "json"))]
    fn export(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let format: Format = format
            .parse()
            .map_err(|e: claimtrace::UnknownFormat| PyValueError::new_err(e.to_string()))?;
        let out = py.detach(|| {
            let mut out = Vec::new();
            claimtrace::write_graph(&self.0, format, &mut out).map(|_| out)
        });
        String::from_utf8(out.map_err(io_error)?).map_err(|e| PyValueError::new_err(e.to_string()))
    }
    /// Writes the graph into directory `dir` as partitioned node and edge files (see
    /// `read_parts`); `dir` must not exist or be empty.
    #[pyo3(signature = (dir, partitions = 1))]
    fn write_parts(&self, py: Python<'_>, dir: PathBuf, partitions: usize) -> PyResult<()> {
        py.detach(|| claimtrace::write_parts(&self.0, &dir, partitions))
            .map_err(io_error)
    }
    /// The id of the item `key` names: its id, URL, record id, title, input file or part of
    /// its title. Raises LookupError when none or several match (listing them).
    fn find_item(&self, key: &str) -> PyResult<String> {
        Ok(self.item_id(key)?.to_string())
    }
    /// Where the item `key` names came from: every item it was copied from, back to every first
    /// known source, with the evidence of each step.
    fn repost_dag<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        let id = self.item_id(key)?;
        to_py(py, &claimtrace::repost_dag(&self.0, id))
    }
    /// The provenance of the item `key` names: its sources, copies, claims and who said them.
    fn report_item<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        let id = self.item_id(key)?;
        to_py(py, &claimtrace::report_item(&self.0, id))
    }
    /// The provenance of every item, sorted by id.
    fn report_items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &claimtrace::report_items(&self.0))
    }
    /// The graph as a networkx.MultiDiGraph (see claimtrace.networkx).
    fn to_networkx<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("claimtrace.networkx")?
            .call_method1("to_networkx", (slf,))
    }
    fn __repr__(&self) -> String {
        format!(
            "<Graph of {} nodes and {} edges>",
            self.0.node_count(),
            self.0.edge_count()
        )
    }
}

/// The items of every input in `paths` (files; directories, recursively, in sorted order), in
/// input order. With `skip_bad`, an input that cannot be read is skipped with a warning;
/// without it, it raises InputError.
#[pyfunction]
#[pyo3(signature = (paths, *, skip_bad = false, outlet = None))]
fn read_inputs(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    skip_bad: bool,
    outlet: Option<String>,
) -> PyResult<Vec<PyItem>> {
    let settings = Settings {
        inputs: paths,
        skip_bad,
        read: read_settings(outlet),
        build: BuildOptions::default(),
    };
    let (items, report) = py
        .detach(|| claimtrace::read_inputs(&settings, &NoProgress, &mut |_| {}))
        .map_err(input_error)?;
    warn_skipped(py, &report.skipped)?;
    Ok(items.into_iter().map(PyItem).collect())
}

fn warn_skipped(py: Python<'_>, skipped: &[claimtrace::InputError]) -> PyResult<()> {
    let warnings = py.import("warnings")?;
    for e in skipped {
        warnings.call_method1("warn", (format!("skipped {e}"),))?;
    }
    Ok(())
}

/// The items of JSON records in a string (one record, an array of them, or one per line; fields
/// as schemas/record.schema.json says), read as a file `name` of them would be.
#[pyfunction]
#[pyo3(signature = (records, name = "records.jsonl", *, outlet = None))]
fn items_from_records(
    py: Python<'_>,
    records: &str,
    name: &str,
    outlet: Option<String>,
) -> PyResult<Vec<PyItem>> {
    let settings = read_settings(outlet);
    let items = py
        .detach(|| claimtrace::items_from_records(name, records, &settings))
        .map_err(input_error)?;
    Ok(items.into_iter().map(PyItem).collect())
}

/// The item of one JSON record (a JSON object as a string); `name` stands for its file.
#[pyfunction]
#[pyo3(signature = (record, name, *, outlet = None))]
fn item_from_record(record: &str, name: &str, outlet: Option<String>) -> PyResult<PyItem> {
    let value: serde_json::Value = serde_json::from_str(record).map_err(|e| {
        input_error(claimtrace::InputError::new(
            name,
            claimtrace::Location::File,
            format!("invalid JSON: {e}"),
        ))
    })?;
    claimtrace::item_from_record(name, value, &read_settings(outlet))
        .map(PyItem)
        .map_err(input_error)
}

/// The graph of `items`: their claims, the reuse links between them, everything built from
/// those. With `with_text`, item nodes hold their full text.
#[pyfunction]
#[pyo3(signature = (items, *, with_text = false))]
fn graph_of_items(py: Python<'_>, items: Vec<Bound<'_, PyItem>>, with_text: bool) -> PyGraph {
    let items = items_of(&items);
    PyGraph(
        py.detach(|| claimtrace::graph_of_items(items, BuildOptions { with_text }, &NoProgress)),
    )
}

/// Reads every input in `paths` and builds their graph: `claimtrace graph PATHS...`.
#[pyfunction]
#[pyo3(signature = (paths, *, skip_bad = false, outlet = None, with_text = false))]
fn run(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    skip_bad: bool,
    outlet: Option<String>,
    with_text: bool,
) -> PyResult<PyGraph> {
    let settings = Settings {
        inputs: paths,
        skip_bad,
        read: read_settings(outlet),
        build: BuildOptions { with_text },
    };
    let (graph, report) = py
        .detach(|| claimtrace::run(&settings, &NoProgress, &mut |_| {}))
        .map_err(input_error)?;
    warn_skipped(py, &report.skipped)?;
    Ok(PyGraph(graph))
}

/// The graph a distributed job wrote as partitioned node and edge files in `dir`
/// (`claimtrace graph --from-parts DIR`).
#[pyfunction]
fn read_parts(py: Python<'_>, dir: PathBuf) -> PyResult<PyGraph> {
    py.detach(|| claimtrace::read_parts(&dir))
        .map(PyGraph)
        .map_err(input_error)
}

/// The claims of one item, in text order, each a dict: text, span, parts, kind, language,
/// speaker (name, aliases, roles, span), cue, reported_by, said_on, source_span. Speakers are
/// as this item names them; across items the graph canonicalises them.
#[pyfunction]
fn extract_claims<'py>(py: Python<'py>, item: &Bound<'py, PyItem>) -> PyResult<Bound<'py, PyAny>> {
    let item = item.get();
    let claims = py.detach(|| claimtrace::extract_claims(&item.0));
    to_py(py, &claims)
}

/// The features the reuse stage indexes an item by: hashes of its sampled word shingles,
/// sorted, each once. Two items sharing enough of them are a candidate pair.
#[pyfunction]
fn item_features(item: &Bound<'_, PyItem>) -> Vec<u64> {
    claimtrace::item_features(&item.get().0, &LinkParams::default())
}

/// The candidate pairs of a run of items, `(a, b)` indices with `a < b`, and the run's common
/// features (boilerplate), as the whole-run linker finds them.
#[pyfunction]
fn candidate_pairs(
    py: Python<'_>,
    items: Vec<Bound<'_, PyItem>>,
) -> (Vec<(usize, usize)>, Vec<u64>) {
    let items = items_of(&items);
    py.detach(|| claimtrace::candidate_pairs(&items, &LinkParams::default()))
}

/// Verifies one candidate pair: the passages `a` and `b` share (leaving out the run's `common`
/// features), the linking rules and the direction. A dict (kind "reposts" or "same_text",
/// copy and source as 0 for `a` and 1 for `b`, confidence, evidence, aligned spans), or None
/// when the pair is not linked. Give `a` the item that comes first in the run.
#[pyfunction]
#[pyo3(signature = (a, b, common = Vec::new()))]
fn verify_pair<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyItem>,
    b: &Bound<'py, PyItem>,
    common: Vec<u64>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let (a, b) = (&a.get().0, &b.get().0);
    let link = py.detach(|| claimtrace::verify_pair(a, b, &common, &LinkParams::default()));
    link.map(|l| to_py(py, &l)).transpose()
}

// The run a step at a time, for a job that spreads it over machines (claimtrace.spark). Values
// cross between machines as the library's serde JSON: strings pickle cheaply and keep every
// field.

fn json_of(value: &impl serde::Serialize) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Prepared items and their claims (`claims_json` of each, in item order), one of each.
fn items_and_claims(
    items: &[Bound<'_, PyItem>],
    claims: &[String],
) -> PyResult<(Vec<claimtrace::Item>, Vec<Vec<claimtrace::ClaimMention>>)> {
    if claims.len() != items.len() {
        return Err(PyValueError::new_err(format!(
            "{} items but claims of {}",
            items.len(),
            claims.len()
        )));
    }
    let claims = claims
        .iter()
        .map(|c| from_json(c, "an item's claims"))
        .collect::<PyResult<Vec<_>>>()?;
    Ok((items_of(items), claims))
}

fn from_json<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> PyResult<T> {
    serde_json::from_str(json).map_err(|e| PyValueError::new_err(format!("not {what}: {e}")))
}

/// The inputs of a run as the walk of `paths` lists them, in the order they are read (each
/// directory replaced by its files, sorted): each entry as JSON, for `read_listed`.
#[pyfunction]
fn list_inputs(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Vec<String>> {
    let settings = Settings {
        inputs: paths,
        ..Settings::default()
    };
    py.detach(|| claimtrace::list_inputs(&settings))
        .iter()
        .map(json_of)
        .collect()
}

/// Reads one entry of `list_inputs` (JSON): what it gave, as JSON, for `gather_reads`.
#[pyfunction]
#[pyo3(signature = (listed, *, outlet = None))]
fn read_listed(py: Python<'_>, listed: &str, outlet: Option<String>) -> PyResult<String> {
    let listed: claimtrace::Listed = from_json(listed, "a listed input")?;
    let settings = read_settings(outlet);
    json_of(&py.detach(|| claimtrace::read_listed(listed, &settings)))
}

/// The items of a run from the reads (`read_listed`'s JSON) of its listed inputs, in listing
/// order, as `read_inputs` gathers them: with `skip_bad`, a bad input is skipped with a
/// warning; without it, the first raises InputError.
#[pyfunction]
#[pyo3(signature = (reads, *, skip_bad = false))]
fn gather_reads(py: Python<'_>, reads: Vec<String>, skip_bad: bool) -> PyResult<Vec<PyItem>> {
    let settings = Settings {
        skip_bad,
        ..Settings::default()
    };
    let reads = reads
        .iter()
        .map(|r| from_json::<claimtrace::InputRead>(r, "an input's read"))
        .collect::<PyResult<Vec<_>>>()?;
    let (items, report) = py
        .detach(|| claimtrace::gather_reads(&settings, reads, &mut |_| {}))
        .map_err(input_error)?;
    warn_skipped(py, &report.skipped)?;
    Ok(items.into_iter().map(PyItem).collect())
}

/// What gathering decides one read (`read_listed`'s JSON) by, as JSON: its name and the bytes
/// of its items' texts, or why it gives none. `admit_reads` takes these.
#[pyfunction]
fn read_outline(py: Python<'_>, read: &str) -> PyResult<String> {
    let read: claimtrace::InputRead = from_json(read, "an input's read")?;
    json_of(&py.detach(|| read.outline()))
}

/// Which reads give their items to the run, from their outlines (`read_outline`, in listing
/// order), by `gather_reads`' rule: `admitted[i]` of the `i`th. With `skip_bad`, a bad input
/// is skipped with a warning; without it, the first raises InputError.
#[pyfunction]
#[pyo3(signature = (outlines, *, skip_bad = false))]
fn admit_reads(py: Python<'_>, outlines: Vec<String>, skip_bad: bool) -> PyResult<Vec<bool>> {
    let settings = Settings {
        skip_bad,
        ..Settings::default()
    };
    let outlines = outlines
        .iter()
        .map(|o| from_json::<claimtrace::ReadOutline>(o, "a read's outline"))
        .collect::<PyResult<Vec<_>>>()?;
    let (admitted, report) =
        claimtrace::admit_reads(&settings, outlines, &mut |_| {}).map_err(input_error)?;
    warn_skipped(py, &report.skipped)?;
    Ok(admitted)
}

/// The items of one read (`read_listed`'s JSON), in input order; none when it gave none.
#[pyfunction]
fn items_of_read(py: Python<'_>, read: &str) -> PyResult<Vec<PyItem>> {
    let read: claimtrace::InputRead = from_json(read, "an input's read")?;
    Ok(match read {
        claimtrace::InputRead::Items { items, .. } => py.detach(|| items),
        _ => Vec::new(),
    }
    .into_iter()
    .map(PyItem)
    .collect())
}

/// The key that tells captures of one item apart from other items (its URL, else outlet and
/// record id, else what it says): `distinct_items` takes the items of one key at a time.
#[pyfunction]
fn item_key(item: &Bound<'_, PyItem>) -> String {
    claimtrace::item_key(&item.get().0)
}

/// The items of one `item_key`, in the order they were read, without the second and later
/// captures of one text (the first stands for them, with a warning naming the others).
#[pyfunction]
fn distinct_items(py: Python<'_>, items: Vec<Bound<'_, PyItem>>) -> Vec<PyItem> {
    let items = items_of(&items);
    py.detach(|| claimtrace::distinct_items(items))
        .into_iter()
        .map(PyItem)
        .collect()
}

/// Where an item stands in the canonical order of `prepare_items`, as plain values that
/// compare as that order does: sort a run's distinct items by it and number them.
#[pyfunction]
fn order_key(item: &Bound<'_, PyItem>) -> claimtrace::OrderKey {
    claimtrace::order_key(&item.get().0)
}

/// The items as the cross-item stages take them: one item per text read twice under one key,
/// in a canonical order. Index items by their place here for `verify_candidate` and
/// `graph_of_analysed`.
#[pyfunction]
fn prepare_items(py: Python<'_>, items: Vec<Bound<'_, PyItem>>) -> Vec<PyItem> {
    let items = items_of(&items);
    py.detach(|| claimtrace::prepare_items(items))
        .into_iter()
        .map(PyItem)
        .collect()
}

/// The claims of one item as JSON (`extract_claims`' claims, for `graph_of_analysed`).
#[pyfunction]
fn claims_json(py: Python<'_>, item: &Bound<'_, PyItem>) -> PyResult<String> {
    let item = item.get();
    json_of(&py.detach(|| claimtrace::extract_claims(&item.0)))
}

/// One feature's posting list: `docs` the (index, outlet) of the items holding it, ascending by
/// index; `run_items` the run's size. Whether the feature is common, and the pairs it proposes.
#[pyfunction]
fn feature_pairs(
    docs: Vec<(usize, Option<String>)>,
    run_items: usize,
) -> (bool, Vec<(usize, usize)>) {
    let docs: Vec<(usize, Option<&str>)> = docs.iter().map(|(d, o)| (*d, o.as_deref())).collect();
    claimtrace::feature_pairs(&docs, run_items, &LinkParams::default())
}

/// Verifies candidate pair `a`, `b` at indices `at` of the prepared items (`at[0] < at[1]`),
/// leaving out `common` (the common features of the two): the verified pair as JSON, or None.
#[pyfunction]
fn verify_candidate(
    py: Python<'_>,
    a: &Bound<'_, PyItem>,
    b: &Bound<'_, PyItem>,
    at: (usize, usize),
    common: Vec<u64>,
) -> PyResult<Option<String>> {
    let (a, b) = (&a.get().0, &b.get().0);
    let found =
        py.detach(|| claimtrace::verify_candidate((a, b), at, &common, &LinkParams::default()));
    found.map(|f| json_of(&f)).transpose()
}

/// The name forms of one item's claims (`claims_json`): `(key, form as JSON)` for each, the key
/// being what `speakers_of_forms` groups them by.
#[pyfunction]
fn name_forms(claims: &str) -> PyResult<Vec<(String, String)>> {
    let claims: Vec<claimtrace::ClaimMention> = from_json(claims, "an item's claims")?;
    claimtrace::name_forms(&claims)
        .into_iter()
        .map(|f| Ok((f.key.clone(), json_of(&f)?)))
        .collect()
}

/// The speaker of every form in `forms` (`name_forms`' JSON, every form of each key present):
/// each as JSON, for `graph_of_analysed`'s `speakers`.
#[pyfunction]
fn speakers_of_forms(py: Python<'_>, forms: Vec<String>) -> PyResult<Vec<String>> {
    let forms = forms
        .iter()
        .map(|f| from_json(f, "a name form"))
        .collect::<PyResult<Vec<_>>>()?;
    py.detach(|| claimtrace::speakers_of_forms(forms))
        .iter()
        .map(json_of)
        .collect()
}

/// The rewrite links among prepared `items` (learning rare words from all of them), leaving out
/// the `verified` pairs: `((a, b), link as JSON)` each, as `verify_candidate` gives its pairs.
#[pyfunction]
fn rewrite_links(
    py: Python<'_>,
    items: Vec<Bound<'_, PyItem>>,
    verified: Vec<(usize, usize)>,
) -> PyResult<Vec<((usize, usize), String)>> {
    let items = items_of(&items);
    py.detach(|| claimtrace::rewrite_links(&items, &verified, &LinkParams::default(), &NoProgress))
        .iter()
        .map(|f| Ok(((f.a, f.b), json_of(f)?)))
        .collect()
}

/// What the rewrite step reads of one item: its day of publication (days from the common era,
/// or None) and its word keys, whose items a job counts over the run.
#[pyfunction]
fn rewrite_keys(item: &Bound<'_, PyItem>) -> (Option<i32>, Vec<u64>) {
    let k = claimtrace::rewrite_keys(&item.get().0);
    (k.day, k.keys)
}

/// An item's rare words given its keys' document frequencies over a run of `run_items`
/// (`(key, count)`, keys of one item may be left out): `(day, posted, lookup)`, the keys
/// others find it by with their counts, rarest first, of which the first `lookup` are those it
/// looks others up by.
#[pyfunction]
fn rewrite_lookup(
    day: Option<i32>,
    keys: Vec<(u64, u32)>,
    run_items: usize,
) -> (Option<i32>, Vec<(u64, u32)>, usize) {
    let l = claimtrace::rewrite_lookup(day, &keys, run_items, &LinkParams::default());
    (l.day, l.posted, l.lookup)
}

/// The rewrite candidates item `a` (published on `day`) proposes: `lookups` its lookup keys in
/// `rewrite_lookup`'s order, each as `(count, posting)`, the posting the `(index, day)` of the
/// items that post the key, ascending. Pairs `(min, max)`.
#[pyfunction]
fn rewrite_candidates(
    a: usize,
    day: Option<i32>,
    lookups: Vec<(u32, claimtrace::RewritePosting)>,
    run_items: usize,
) -> Vec<(usize, usize)> {
    claimtrace::rewrite_candidates(a, day, &lookups, run_items, &LinkParams::default())
}

/// One rewrite candidate `a`, `b` at indices `at` (`at[0] < at[1]`) of a run of `run_items`,
/// aligned and graded given the counts of the two items' keys (`(key, count)`): the link as
/// JSON (as `rewrite_links` gives it), or None.
#[pyfunction]
fn rewrite_pair(
    py: Python<'_>,
    a: &Bound<'_, PyItem>,
    b: &Bound<'_, PyItem>,
    at: (usize, usize),
    df: Vec<(u64, u32)>,
    run_items: usize,
) -> PyResult<Option<String>> {
    let (a, b) = (&a.get().0, &b.get().0);
    let found =
        py.detach(|| claimtrace::rewrite_pair((a, b), at, &df, run_items, &LinkParams::default()));
    found.map(|f| json_of(&f)).transpose()
}

/// The group of each pair (the smallest item of its connected component of links): the links
/// `nearest_sources` needs together.
#[pyfunction]
fn link_groups(pairs: Vec<(usize, usize)>) -> Vec<usize> {
    claimtrace::link_groups(&pairs)
}

/// The links kept (as JSON) of the verified pairs and rewrite links (their JSON) of whole
/// groups (`link_groups`), each in any order.
#[pyfunction]
fn nearest_sources(
    py: Python<'_>,
    verified: Vec<String>,
    rewrites: Vec<String>,
) -> PyResult<Vec<String>> {
    let parse = |v: &[String]| {
        v.iter()
            .map(|f| from_json(f, "a verified pair"))
            .collect::<PyResult<Vec<_>>>()
    };
    let (verified, rewrites) = (parse(&verified)?, parse(&rewrites)?);
    py.detach(|| claimtrace::nearest_sources(verified, rewrites))
        .iter()
        .map(json_of)
        .collect()
}

/// The graph of prepared `items` from their claims (`claims_json` of each, in item order), the
/// links `nearest_sources` kept (JSON, of every group, any order) and the speakers decided
/// (`speakers_of_forms`' JSON, of every key): what `graph_of_items` builds.
#[pyfunction]
#[pyo3(signature = (items, claims, links, speakers, *, with_text = false))]
fn graph_of_linked(
    py: Python<'_>,
    items: Vec<Bound<'_, PyItem>>,
    claims: Vec<String>,
    links: Vec<String>,
    speakers: Vec<String>,
    with_text: bool,
) -> PyResult<PyGraph> {
    let (items, claims) = items_and_claims(&items, &claims)?;
    let links = links
        .iter()
        .map(|l| from_json(l, "a link"))
        .collect::<PyResult<Vec<_>>>()?;
    let speakers = speakers
        .iter()
        .map(|s| from_json(s, "a speaker"))
        .collect::<PyResult<Vec<claimtrace::CanonicalSpeaker>>>()?;
    let build = BuildOptions { with_text };
    Ok(PyGraph(py.detach(|| {
        claimtrace::graph_of_linked(items, claims, links, &speakers, build, &NoProgress)
    })))
}

/// The graph of prepared `items` from their claims (`claims_json` of each, in item order) and
/// the verified pairs (`verify_candidate`'s JSON, any order): what `graph_of_items` builds.
/// `speakers` (`speakers_of_forms`' JSON of every item's forms, in any order and split any
/// way) are the speakers decided elsewhere; without them they are decided here.
#[pyfunction]
#[pyo3(signature = (items, claims, verified, *, speakers = None, with_text = false))]
fn graph_of_analysed(
    py: Python<'_>,
    items: Vec<Bound<'_, PyItem>>,
    claims: Vec<String>,
    verified: Vec<String>,
    speakers: Option<Vec<String>>,
    with_text: bool,
) -> PyResult<PyGraph> {
    let (items, claims) = items_and_claims(&items, &claims)?;
    let verified = verified
        .iter()
        .map(|v| from_json(v, "a verified pair"))
        .collect::<PyResult<Vec<_>>>()?;
    let speakers = speakers
        .map(|s| {
            s.iter()
                .map(|s| from_json(s, "a speaker"))
                .collect::<PyResult<Vec<claimtrace::CanonicalSpeaker>>>()
        })
        .transpose()?;
    let build = BuildOptions { with_text };
    Ok(PyGraph(py.detach(|| match speakers {
        Some(speakers) => {
            claimtrace::graph_of_named(items, claims, verified, &speakers, build, &NoProgress)
        }
        None => claimtrace::graph_of_analysed(items, claims, verified, build, &NoProgress),
    })))
}

/// The names of every export format, as `Graph.export` and `claimtrace graph --format` take
/// them.
#[pyfunction]
fn formats() -> Vec<&'static str> {
    Format::ALL.iter().map(|f| f.name()).collect()
}

/// Whether export `format` writes the items' full text, so needs a graph built with
/// `with_text=True`.
#[pyfunction]
fn format_needs_text(format: &str) -> PyResult<bool> {
    let format: Format = format
        .parse()
        .map_err(|e: claimtrace::UnknownFormat| PyValueError::new_err(e.to_string()))?;
    Ok(format.needs_text())
}

/// claimtrace's library, compiled: see the package `claimtrace` for the documented API.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", claimtrace::VERSION)?;
    m.add("SCHEMA_NAME", claimtrace::SCHEMA_NAME)?;
    m.add("SCHEMA_VERSION", claimtrace::SCHEMA_VERSION)?;
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add_class::<PyItem>()?;
    m.add_class::<PyGraph>()?;
    m.add_function(wrap_pyfunction!(read_inputs, m)?)?;
    m.add_function(wrap_pyfunction!(items_from_records, m)?)?;
    m.add_function(wrap_pyfunction!(item_from_record, m)?)?;
    m.add_function(wrap_pyfunction!(graph_of_items, m)?)?;
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(read_parts, m)?)?;
    m.add_function(wrap_pyfunction!(extract_claims, m)?)?;
    m.add_function(wrap_pyfunction!(item_features, m)?)?;
    m.add_function(wrap_pyfunction!(candidate_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(verify_pair, m)?)?;
    m.add("MIN_SHARED", LinkParams::default().min_shared)?;
    m.add("REWRITE_MIN_ITEMS", LinkParams::default().rewrite_min_items)?;
    m.add_function(wrap_pyfunction!(list_inputs, m)?)?;
    m.add_function(wrap_pyfunction!(read_listed, m)?)?;
    m.add_function(wrap_pyfunction!(gather_reads, m)?)?;
    m.add_function(wrap_pyfunction!(prepare_items, m)?)?;
    m.add_function(wrap_pyfunction!(read_outline, m)?)?;
    m.add_function(wrap_pyfunction!(admit_reads, m)?)?;
    m.add_function(wrap_pyfunction!(items_of_read, m)?)?;
    m.add_function(wrap_pyfunction!(item_key, m)?)?;
    m.add_function(wrap_pyfunction!(distinct_items, m)?)?;
    m.add_function(wrap_pyfunction!(order_key, m)?)?;
    m.add_function(wrap_pyfunction!(claims_json, m)?)?;
    m.add_function(wrap_pyfunction!(feature_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(verify_candidate, m)?)?;
    m.add_function(wrap_pyfunction!(name_forms, m)?)?;
    m.add_function(wrap_pyfunction!(speakers_of_forms, m)?)?;
    m.add_function(wrap_pyfunction!(graph_of_analysed, m)?)?;
    m.add_function(wrap_pyfunction!(rewrite_links, m)?)?;
    m.add_function(wrap_pyfunction!(rewrite_keys, m)?)?;
    m.add_function(wrap_pyfunction!(rewrite_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(rewrite_candidates, m)?)?;
    m.add_function(wrap_pyfunction!(rewrite_pair, m)?)?;
    m.add_function(wrap_pyfunction!(link_groups, m)?)?;
    m.add_function(wrap_pyfunction!(nearest_sources, m)?)?;
    m.add_function(wrap_pyfunction!(graph_of_linked, m)?)?;
    m.add_function(wrap_pyfunction!(formats, m)?)?;
    m.add_function(wrap_pyfunction!(format_needs_text, m)?)?;
    build::register(m)?;
    Ok(())
}
