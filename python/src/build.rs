//! The graph's build an item at a time, for a job that never holds the run: quotation wordings
//! merged by key and compared, items keyed a key at a time, each link's and each item's parts,
//! the parts of one id merged and finished into the lines the parts files hold. Values cross as
//! the library's JSON.

use super::{PyItem, from_json, json_of};
use claimtrace::{BuildOptions, EdgePart, NodePart, QuoteVariant, QuoteWording};
use pyo3::prelude::*;
use std::collections::HashMap;

/// The wordings of one item's quotations (`claims_json`): `(key, wording as JSON)` each, to be
/// merged by key (`merge_wordings`).
#[pyfunction]
fn quote_wordings(
    index: usize,
    item: &Bound<'_, PyItem>,
    claims: &str,
) -> PyResult<Vec<(String, String)>> {
    let claims: Vec<claimtrace::ClaimMention> = from_json(claims, "an item's claims")?;
    claimtrace::quote_wordings(index, &item.get().0, &claims)
        .into_iter()
        .map(|w| Ok((w.key.clone(), json_of(&w)?)))
        .collect()
}

/// Two wordings of one key (`quote_wordings`' JSON) as one, in either order.
#[pyfunction]
fn merge_wordings(a: &str, b: &str) -> PyResult<String> {
    let a: QuoteWording = from_json(a, "a quotation wording")?;
    json_of(&a.merge(from_json(b, "a quotation wording")?))
}

/// The variants among the run's distinct wordings (each key's merged, any order): `(key,
/// variant as JSON)` of each changed wording.
#[pyfunction]
fn quote_variants(py: Python<'_>, wordings: Vec<String>) -> PyResult<Vec<(String, String)>> {
    let wordings = wordings
        .iter()
        .map(|w| from_json(w, "a quotation wording"))
        .collect::<PyResult<Vec<QuoteWording>>>()?;
    py.detach(|| claimtrace::quote_variants(wordings))
        .into_iter()
        .map(|(k, v)| Ok((k, json_of(&v)?)))
        .collect()
}

/// What the keying of item nodes needs of one item, the run's `index`th: `(key, facts as
/// JSON)`, to be grouped by key (`item_keys`).
#[pyfunction]
fn key_facts(index: usize, item: &Bound<'_, PyItem>) -> PyResult<(String, String)> {
    let f = claimtrace::key_facts(index, &item.get().0);
    Ok((f.key.clone(), json_of(&f)?))
}

/// How the build keys each item of one key's facts (`key_facts`' JSON, any order): `(index,
/// node key, keying as JSON)` each.
#[pyfunction]
fn item_keys(facts: Vec<String>) -> PyResult<Vec<(usize, String, String)>> {
    let facts = facts
        .iter()
        .map(|f| from_json(f, "an item's key facts"))
        .collect::<PyResult<Vec<claimtrace::KeyFacts>>>()?;
    claimtrace::item_keys(facts)
        .into_iter()
        .map(|k| Ok((k.index, k.key.clone(), json_of(&k)?)))
        .collect()
}

/// An edge part with its id, as JSON.
type Keyed = (String, String);

/// A link's part (`link` as `nearest_sources` gives it), given its copy and source items and
/// their node keys (`item_keys`): `(edge id, edge part as JSON)` or None, and the copy's date
/// warning or None.
#[pyfunction]
fn link_part(
    link: &str,
    copy: &Bound<'_, PyItem>,
    copy_key: &str,
    source: &Bound<'_, PyItem>,
    source_key: &str,
) -> PyResult<(Option<Keyed>, Option<String>)> {
    let link: claimtrace::ItemLink = from_json(link, "a link")?;
    let part = claimtrace::link_part(
        &link,
        (&copy.get().0, copy_key),
        (&source.get().0, source_key),
    );
    let edge = part
        .edge
        .map(|e| Ok::<_, PyErr>((e.id().to_string(), json_of(&e)?)))
        .transpose()?;
    Ok((edge, part.warning))
}

/// Makes each item's parts with the run's decisions at hand: the speakers
/// (`speakers_of_forms`' JSON, every key's) and the quotation variants (`quote_variants`).
/// Made once per partition of items.
#[pyclass(name = "PartMaker", module = "claimtrace", frozen)]
struct PartMaker {
    speakers: Vec<claimtrace::CanonicalSpeaker>,
    variants: HashMap<String, QuoteVariant>,
    build: BuildOptions,
}

#[pymethods]
impl PartMaker {
    #[new]
    #[pyo3(signature = (speakers, variants, *, with_text = false))]
    fn new(
        speakers: Vec<String>,
        variants: Vec<(String, String)>,
        with_text: bool,
    ) -> PyResult<PartMaker> {
        Ok(PartMaker {
            speakers: speakers
                .iter()
                .map(|s| from_json(s, "a speaker"))
                .collect::<PyResult<_>>()?,
            variants: variants
                .iter()
                .map(|(k, v)| Ok((k.clone(), from_json(v, "a quotation variant")?)))
                .collect::<PyResult<_>>()?,
            build: BuildOptions { with_text },
        })
    }

    /// One item's parts: its claims (`claims_json`) given their speakers and variants, its
    /// keying (`item_keys`' JSON), the date warnings of the links it copies by
    /// (`link_part`'s). Nodes as `(id, part as JSON)`, edges as `(id, node it needs or None,
    /// part as JSON)`.
    #[allow(clippy::type_complexity)]
    fn item_parts(
        &self,
        py: Python<'_>,
        item: &Bound<'_, PyItem>,
        claims: &str,
        keyed: &str,
        warnings: Vec<String>,
    ) -> PyResult<(Vec<(String, String)>, Vec<(String, Option<String>, String)>)> {
        let mut claims = vec![from_json::<Vec<claimtrace::ClaimMention>>(
            claims,
            "an item's claims",
        )?];
        let keyed: claimtrace::ItemKeyed = from_json(keyed, "an item's keying")?;
        let item = item.get().0.clone();
        let parts = py.detach(|| {
            claimtrace::apply_speakers(&mut claims, &self.speakers);
            let mut claims = claims.pop().unwrap_or_default();
            claimtrace::mark_variants(&mut claims, &self.variants);
            claimtrace::item_parts(item, claims, &keyed, warnings, self.build)
        });
        let nodes = parts
            .nodes
            .iter()
            .map(|n| Ok((n.id().to_string(), json_of(n)?)))
            .collect::<PyResult<_>>()?;
        let edges = parts
            .edges
            .iter()
            .map(|e| {
                Ok((
                    e.id().to_string(),
                    e.needs().map(|n| n.to_string()),
                    json_of(e)?,
                ))
            })
            .collect::<PyResult<_>>()?;
        Ok((nodes, edges))
    }
}

/// Two parts of one node (`item_parts`' JSON) as one, in either order.
#[pyfunction]
fn merge_node_parts(a: &str, b: &str) -> PyResult<String> {
    let a: NodePart = from_json(a, "a node part")?;
    json_of(&a.merge(from_json(b, "a node part")?))
}

/// Two parts of one edge (`item_parts`' or `link_part`'s JSON) as one, in either order.
#[pyfunction]
fn merge_edge_parts(a: &str, b: &str) -> PyResult<String> {
    let a: EdgePart = from_json(a, "an edge part")?;
    json_of(&a.merge(from_json(b, "an edge part")?))
}

/// A node's every part merged, finished: the line of a parts file (the node as the JSON
/// export writes it).
#[pyfunction]
fn finish_node_part(part: &str) -> PyResult<String> {
    json_of(&from_json::<NodePart>(part, "a node part")?.finish())
}

/// An edge's every part merged, finished: the line of a parts file.
#[pyfunction]
fn finish_edge_part(part: &str) -> PyResult<String> {
    json_of(&from_json::<EdgePart>(part, "an edge part")?.finish())
}

/// The text of a parts directory's `parts.json`: the graph contract its lines follow.
#[pyfunction]
fn parts_manifest() -> String {
    claimtrace::parts_manifest()
}

/// Adds this file's functions to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PartMaker>()?;
    m.add_function(wrap_pyfunction!(quote_wordings, m)?)?;
    m.add_function(wrap_pyfunction!(merge_wordings, m)?)?;
    m.add_function(wrap_pyfunction!(quote_variants, m)?)?;
    m.add_function(wrap_pyfunction!(key_facts, m)?)?;
    m.add_function(wrap_pyfunction!(item_keys, m)?)?;
    m.add_function(wrap_pyfunction!(link_part, m)?)?;
    m.add_function(wrap_pyfunction!(merge_node_parts, m)?)?;
    m.add_function(wrap_pyfunction!(merge_edge_parts, m)?)?;
    m.add_function(wrap_pyfunction!(finish_node_part, m)?)?;
    m.add_function(wrap_pyfunction!(finish_edge_part, m)?)?;
    m.add_function(wrap_pyfunction!(parts_manifest, m)?)?;
    Ok(())
}
