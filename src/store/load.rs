//! Reading the stored graph back: the nodes and edges rows, each the JSON the export writes,
//! into a `Graph` whose every export is byte-identical to the in-memory build's (as
//! `read_parts` does for a distributed job's files).

use super::StoreError;
use super::backend::{Backend, Cell, Val, first_column};
use crate::model::{Edge, EdgeKind, Graph, Node, NodeData};
use std::collections::HashSet;

/// Node and edge bodies into a graph; item texts, kept with their items (`texts.rs`), joined
/// back when `with_text`.
pub(crate) fn graph(
    db: &mut dyn Backend,
    name: &str,
    with_text: bool,
) -> Result<Graph, StoreError> {
    let mut g = Graph::new();
    if with_text {
        db.query(
            "SELECT n.id, n.body, n.text_of, i.body FROM ct_nodes n \
             LEFT JOIN ct_items i ON i.hash = n.text_of ORDER BY n.id",
            &[],
            &mut |row| {
                let mut row = row.into_iter();
                let mut n = node(name, row.by_ref().take(2).collect())?;
                if let (Some(Cell::Text(hash)), Some(item)) = (row.next(), row.next())
                    && let NodeData::Item(node) = &mut n.data
                {
                    let Cell::Text(body) = item else {
                        return Err(StoreError::new(
                            name,
                            format!("node {}: its text's item {hash} is not stored", n.id),
                        ));
                    };
                    node.text = Some(super::texts::of_item_body(name, &hash, &body)?);
                }
                g.upsert_node(n);
                Ok(())
            },
        )?;
    } else {
        db.query(
            "SELECT id, body FROM ct_nodes ORDER BY id",
            &[],
            &mut |row| {
                g.upsert_node(node(name, row)?);
                Ok(())
            },
        )?;
    }
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

/// A node row (id, body): an item node without its text (kept with its item).
pub(crate) fn node(name: &str, row: Vec<Cell>) -> Result<Node, StoreError> {
    let (id, body) = id_and_body(row);
    serde_json::from_str(&body)
        .map_err(|e| StoreError::new(name, format!("node {id} does not read back: {e}")))
}

/// An edge row (id, body).
pub(crate) fn edge(name: &str, row: Vec<Cell>) -> Result<Edge, StoreError> {
    let (id, body) = id_and_body(row);
    serde_json::from_str(&body)
        .map_err(|e| StoreError::new(name, format!("edge {id} does not read back: {e}")))
}

/// The edge kinds `repost_dag` reads from an item: its outlet, its credits, what it was copied
/// or rewritten from, what it shares text with.
const ORIGIN_KINDS: &str = "('published_by', 'credits', 'reposts', 'rewrites', 'same_text')";

/// The part of the stored graph that `find_item` and `repost_dag` read for the one item `key`
/// names by node id, URL, record id or exact title (through the indexed `ct_names`): the item,
/// every item it was copied or rewritten from and theirs in turn, each with its outlet and
/// credits, and the items sharing text with them. `None` when the key names no one item that
/// way (a file, part of a title, several items): then the caller reads the whole graph, so that
/// every answer and error is the whole graph's.
pub(crate) fn item_graph(
    db: &mut dyn Backend,
    name: &str,
    key: &str,
) -> Result<Option<Graph>, StoreError> {
    let key = key.trim();
    let mut found: Vec<String> = Vec::new();
    if let Ok(id) = key.parse::<uuid::Uuid>() {
        let id = id.to_string();
        found = first_column(
            db,
            "SELECT id FROM ct_nodes WHERE id = $1",
            &[Val::Text(&id)],
        )?;
    }
    if found.is_empty() {
        let url = format!("url:{}", crate::vocab::url_key(key));
        let exact = format!("key:{key}");
        found = first_column(
            db,
            "SELECT DISTINCT node FROM ct_names WHERE name = $1 OR name = $2",
            &[Val::Text(&url), Val::Text(&exact)],
        )?;
    }
    let [start] = found.as_slice() else {
        return Ok(None);
    };
    let mut g = Graph::new();
    let mut edges: Vec<Edge> = Vec::new();
    let mut loaded: HashSet<String> = HashSet::new();
    // Items whose outgoing edges are read, and items only shown (by title and outlet).
    let mut walk: Vec<String> = vec![start.clone()];
    let mut walked: HashSet<String> = HashSet::new();
    let mut shown: Vec<String> = Vec::new();
    while let Some(at) = walk.pop() {
        if !walked.insert(at.clone()) {
            continue;
        }
        load_node(db, name, &at, &mut g, &mut loaded)?;
        for e in edges_of(db, name, &at)? {
            let target = e.target.to_string();
            match e.kind {
                EdgeKind::Reposts | EdgeKind::Rewrites => walk.push(target),
                EdgeKind::SameText => shown.push(target),
                _ => load_node(db, name, &target, &mut g, &mut loaded)?,
            }
            edges.push(e);
        }
        let mut back = Vec::new();
        db.query(
            "SELECT id, body FROM ct_edges WHERE target = $1 AND kind = 'same_text'",
            &[Val::Text(&at)],
            &mut |row| {
                back.push(edge(name, row)?);
                Ok(())
            },
        )?;
        for e in back {
            shown.push(e.source.to_string());
            edges.push(e);
        }
    }
    // An item shown by title and outlet: its node and where it was published.
    for id in shown {
        if walked.contains(&id) {
            continue;
        }
        load_node(db, name, &id, &mut g, &mut loaded)?;
        let mut out = Vec::new();
        db.query(
            "SELECT id, body FROM ct_edges WHERE source = $1 AND kind = 'published_by'",
            &[Val::Text(&id)],
            &mut |row| {
                out.push(edge(name, row)?);
                Ok(())
            },
        )?;
        for e in out {
            load_node(db, name, &e.target.to_string(), &mut g, &mut loaded)?;
            edges.push(e);
        }
    }
    for e in edges {
        if g.node(e.source).is_some() && g.node(e.target).is_some() {
            g.add_edge(e);
        }
    }
    Ok(Some(g))
}

fn edges_of(db: &mut dyn Backend, name: &str, id: &str) -> Result<Vec<Edge>, StoreError> {
    let mut out = Vec::new();
    db.query(
        &format!("SELECT id, body FROM ct_edges WHERE source = $1 AND kind IN {ORIGIN_KINDS}"),
        &[Val::Text(id)],
        &mut |row| {
            out.push(edge(name, row)?);
            Ok(())
        },
    )?;
    Ok(out)
}

fn load_node(
    db: &mut dyn Backend,
    name: &str,
    id: &str,
    g: &mut Graph,
    loaded: &mut HashSet<String>,
) -> Result<(), StoreError> {
    if !loaded.insert(id.to_string()) {
        return Ok(());
    }
    db.query(
        "SELECT id, body FROM ct_nodes WHERE id = $1",
        &[Val::Text(id)],
        &mut |row| {
            g.upsert_node(node(name, row)?);
            Ok(())
        },
    )
}
