//! Reading the stored graph back: the nodes and edges rows, each the JSON the export writes,
//! into a `Graph` whose every export is byte-identical to the in-memory build's (as
//! `read_parts` does for a distributed job's files).

use super::StoreError;
use super::backend::{Backend, Cell};
use crate::model::{Edge, Graph, Node, NodeData};

/// Node and edge bodies into a graph; item texts dropped unless `with_text`.
pub(crate) fn graph(
    db: &mut dyn Backend,
    name: &str,
    with_text: bool,
) -> Result<Graph, StoreError> {
    let mut g = Graph::new();
    db.query(
        "SELECT id, body FROM ct_nodes ORDER BY id",
        &[],
        &mut |row| {
            g.upsert_node(node(name, row, with_text)?);
            Ok(())
        },
    )?;
    db.query(
        "SELECT id, body FROM ct_edges ORDER BY id",
        &[],
        &mut |row| {
            let e = edge(name, row)?;
            for end in [e.source, e.target] {
                if g.node(end).is_none() {
                    return Err(StoreError::new(
                        name,
                        format!("edge {} ends at node {end}, which the store lacks", e.id),
                    ));
                }
            }
            g.add_edge(e);
            Ok(())
        },
    )?;
    Ok(g)
}

fn id_and_body(row: Vec<Cell>) -> (String, String) {
    let mut row = row.into_iter();
    let id = row.next().map(Cell::into_text).unwrap_or_default();
    let body = row.next().map(Cell::into_text).unwrap_or_default();
    (id, body)
}

/// A node row (id, body).
pub(crate) fn node(name: &str, row: Vec<Cell>, with_text: bool) -> Result<Node, StoreError> {
    let (id, body) = id_and_body(row);
    let mut n: Node = serde_json::from_str(&body)
        .map_err(|e| StoreError::new(name, format!("node {id} does not read back: {e}")))?;
    if !with_text && let NodeData::Item(item) = &mut n.data {
        item.text = None;
    }
    Ok(n)
}

/// An edge row (id, body).
pub(crate) fn edge(name: &str, row: Vec<Cell>) -> Result<Edge, StoreError> {
    let (id, body) = id_and_body(row);
    serde_json::from_str(&body)
        .map_err(|e| StoreError::new(name, format!("edge {id} does not read back: {e}")))
}
