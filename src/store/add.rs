//! Adding items: one writing transaction that stores the items not already stored and then
//! re-decides everything graph-wide from every stored item, so that a store filled in any
//! number of batches, in any order, holds the graph one run over all its inputs builds.
//!
//! Why graph-wide steps are re-decided rather than patched: the link stage's common-shingle
//! cutoff depends on how many items there are, a new item can be the better (earlier, nearer)
//! source of an old copy, and speaker names settle across all items. Each item's reading is
//! kept, so no input is read twice.

use super::StoreError;
use super::backend::{Backend, Cell, Val, first_column, scalar};
use super::claims;
use super::texts::{TextIndex, take_texts};
use crate::build::BuildOptions;
use crate::extract::{ClaimMention, speakers_of_claims};
use crate::item::Item;
use crate::link::{LinkParams, verified_candidates};
use crate::model::{Graph, NodeData};
use crate::pipeline::{graph_of_analysed, graph_of_linked, prepare_items};
use crate::progress::Progress;
use crate::vocab::url_key;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use uuid::Uuid;
use xxhash_rust::xxh3::xxh3_128;

/// What one `add` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddReport {
    /// Items handed to `add`.
    pub read: usize,
    /// Of those, items the store did not hold yet (an item read twice is stored once).
    pub new: usize,
    /// Items in the store after the add.
    pub stored: usize,
    /// The batch number this add got, or `None` when it added nothing (the store is unchanged).
    pub batch: Option<i64>,
}

/// An item's identity in the store: the SHA-256 of its serde form, everything its reading
/// gave (so the same input read twice is one row, and a different reading a different one).
pub(crate) fn item_hash(body: &str) -> String {
    let d = Sha256::digest(body.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every stored item, in the order of their hashes (the order is immaterial to the graph:
/// `graph_of_items` puts items in its own canonical order).
pub(crate) fn stored_items(
    db: &mut dyn Backend,
    name: &str,
) -> Result<Vec<(String, Item)>, StoreError> {
    let mut out = Vec::new();
    // Read in the table's own order and sorted here: SQLite keeps the rows by rowid, and
    // `ORDER BY hash` walked the hash index and looked every row up in the table from it.
    db.query("SELECT hash, body FROM ct_items", &[], &mut |row| {
        let mut row = row.into_iter();
        let hash = row.next().map(Cell::into_text).unwrap_or_default();
        let body = row.next().map(Cell::into_text).unwrap_or_default();
        let item: Item = serde_json::from_str(&body).map_err(|e| {
            StoreError::new(name, format!("stored item {hash} does not read back: {e}"))
        })?;
        out.push((hash, item));
        Ok(())
    })?;
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Stores the items of `items` not stored yet as batch `label`'s and rebuilds the graph, all in
/// the caller's writing transaction.
pub(crate) fn add(
    db: &mut dyn Backend,
    name: &str,
    items: Vec<Item>,
    label: &str,
    progress: &dyn Progress,
    note: &mut dyn FnMut(&str),
) -> Result<AddReport, StoreError> {
    let read = items.len();
    let mut known: HashSet<String> = first_column(db, "SELECT hash FROM ct_items", &[])?
        .into_iter()
        .collect();
    let mut fresh = Vec::new();
    for item in &items {
        let body = serde_json::to_string(item)
            .map_err(|e| StoreError::new(name, format!("cannot store an item: {e}")))?;
        let hash = item_hash(&body);
        if known.insert(hash.clone()) {
            fresh.push((hash, body));
        }
    }
    drop(items);
    let new = fresh.len();
    if new == 0 {
        let stored = known.len();
        return Ok(AddReport {
            read,
            new,
            stored,
            batch: None,
        });
    }
    let batch = scalar(db, "SELECT coalesce(max(id), 0) + 1 FROM ct_batches", &[])?;
    let added = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    db.exec(
        "INSERT INTO ct_batches (id, added, inputs, items) VALUES ($1, $2, $3, $4)",
        &[
            Val::Int(batch),
            Val::Text(&added),
            Val::Text(label),
            Val::Int(new as i64),
        ],
    )?;
    let b = batch.to_string();
    db.insert_rows(
        "ct_items",
        &["hash", "batch", "body"],
        &mut fresh.into_iter().map(|(h, body)| vec![h, b.clone(), body]),
    )?;
    note(&format!(
        "stored {new} new item(s) as batch {batch}; linking all {} stored item(s)",
        known.len()
    ));
    rebuild(db, name, progress, false)?;
    Ok(AddReport {
        read,
        new,
        stored: known.len(),
        batch: Some(batch),
    })
}

/// The graph of every stored item, as one run over their inputs builds it, with texts (a
/// reading command drops them unless asked), and which stored item holds each text; each
/// item's claims through the claims cache as `how` says, with what `Verify` finds wrong in
/// `problems`.
pub(crate) fn build_all(
    db: &mut dyn Backend,
    name: &str,
    progress: &dyn Progress,
    how: claims::Use,
    problems: &mut Vec<String>,
) -> Result<(Graph, TextIndex), StoreError> {
    // graph_of_items, step by step, with each item's claims from the store.
    let Analysed {
        items,
        claims,
        texts,
        ..
    } = stored_analysed(db, name, how, problems)?;
    let verified = verified_candidates(&items, &LinkParams::default(), progress);
    let graph = graph_of_analysed(
        items,
        claims,
        verified,
        BuildOptions { with_text: true },
        progress,
    );
    Ok((graph, texts))
}

/// Replaces the stored graph by the graph of every stored item; with `full`, every row is
/// written again (a migration whose tables must be filled), else only those that changed.
pub(crate) fn rebuild(
    db: &mut dyn Backend,
    name: &str,
    progress: &dyn Progress,
    full: bool,
) -> Result<(), StoreError> {
    // A store written as schema version 2 or 3 (by the migration tests) has no claims cache.
    let how = if db.has_table("ct_claims")? {
        claims::Use::Fill
    } else {
        claims::Use::None
    };
    let (graph, texts) = if super::link::kept(db)? {
        build_kept(db, name, progress)?
    } else {
        build_all(db, name, progress, how, &mut Vec::new())?
    };
    write_graph(db, name, graph, &texts, full)
}

/// [`build_all`] through what the store keeps: each item's claims, its link features and the
/// verdicts on pairs verified before (`link.rs`), so that only new items are read for their
/// features and only new pairs verified. The same graph: the steps after are `graph_of_analysed`'s.
fn build_kept(
    db: &mut dyn Backend,
    name: &str,
    progress: &dyn Progress,
) -> Result<(Graph, TextIndex), StoreError> {
    let Analysed {
        items,
        keys,
        claims,
        texts,
    } = stored_analysed(db, name, claims::Use::Fill, &mut Vec::new())?;
    let links = super::link::links(db, name, &items, &keys, progress)?;
    drop(keys);
    let speakers = speakers_of_claims(&claims);
    let build = BuildOptions { with_text: true };
    let graph = graph_of_linked(items, claims, links, &speakers, build, progress);
    Ok((graph, texts))
}

/// Every stored item prepared as a run prepares them, each item's claims key and its claims
/// through the claims cache as `how` says (what `Verify` finds wrong goes to `problems`), and
/// which stored item holds each text.
fn stored_analysed(
    db: &mut dyn Backend,
    name: &str,
    how: claims::Use,
    problems: &mut Vec<String>,
) -> Result<Analysed, StoreError> {
    let stored = stored_items(db, name)?;
    let texts = TextIndex::of(&stored);
    let items: Vec<Item> = stored.into_iter().map(|(_, i)| i).collect();
    let items = prepare_items(items);
    let keys: Vec<String> = items.par_iter().map(claims::key).collect();
    let claims = claims::claims_of(db, name, &items, &keys, how, problems)?;
    Ok(Analysed {
        items,
        keys,
        claims,
        texts,
    })
}

/// The stored items as a run analyses them, with each item's claims key.
struct Analysed {
    items: Vec<Item>,
    keys: Vec<String>,
    claims: Vec<Vec<ClaimMention>>,
    texts: TextIndex,
}

fn json<T: serde::Serialize>(name: &str, v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::new(name, format!("cannot store: {e}")))
}

/// The names a user may give an item (`origin --item`), as `find_item` compares them: its URL
/// folded, its record id, its title trimmed, its input file.
pub(crate) fn item_names(node: &crate::model::ItemNode) -> Vec<String> {
    let mut names = Vec::new();
    if let Some(u) = &node.url {
        names.push(format!("url:{}", url_key(u)));
    }
    if let Some(r) = &node.record_id {
        names.push(format!("key:{r}"));
    }
    if let Some(t) = &node.title {
        names.push(format!("key:{}", t.trim()));
    }
    names.push(format!("file:{}", node.origin.file));
    names
}

/// The stored rows of a graph table: each row's digest by its id (a UUID, kept as its 128
/// bits: no string per row), and rows whose id is not a UUID as written (none in a sound store;
/// such a row cannot be one of the graph's and goes).
struct Stored {
    digests: FxHashMap<u128, u128>,
    odd: Vec<String>,
}

impl Stored {
    /// Takes the row `id` out, its body's digest now `d`; whether it must be written: it is new,
    /// or its stored body differs (then the stored row is to go first, into `gone`).
    fn changed(&mut self, id: Uuid, d: u128, gone: &mut Vec<String>) -> bool {
        match self.digests.remove(&id.as_u128()) {
            Some(kept) if kept == d => false,
            Some(_) => {
                gone.push(id.to_string());
                true
            }
            None => true,
        }
    }

    /// The ids of the rows not taken out: those the graph no longer has.
    fn rest(self) -> impl Iterator<Item = String> {
        self.digests
            .into_keys()
            .map(|k| Uuid::from_u128(k).to_string())
            .chain(self.odd)
    }
}

/// Digests of the stored rows of `table`, by id: what `write_graph` compares the new graph
/// with. Read from the `digest` column where `kept` (a row written before it has none: its
/// body is read), else from the bodies.
fn stored_digests(db: &mut dyn Backend, table: &str, kept: bool) -> Result<Stored, StoreError> {
    let mut out = Stored {
        digests: FxHashMap::default(),
        odd: Vec::new(),
    };
    let sql = if kept {
        format!("SELECT id, digest, CASE WHEN digest IS NULL THEN body END FROM {table}")
    } else {
        format!("SELECT id, NULL, body FROM {table}")
    };
    db.query(&sql, &[], &mut |row| {
        let mut row = row.into_iter();
        let id = row.next().map(Cell::into_text).unwrap_or_default();
        let d = match row.next() {
            Some(Cell::Text(d)) => u128::from_str_radix(&d, 16).unwrap_or_default(),
            _ => xxh3_128(
                row.next()
                    .map(Cell::into_text)
                    .unwrap_or_default()
                    .as_bytes(),
            ),
        };
        // As `Uuid::to_string` writes ids (hyphenated, lower case), so that the id written
        // back for a gone row is the stored one.
        match Uuid::try_parse(&id) {
            Ok(u) if id.len() == 36 && !id.bytes().any(|b| b.is_ascii_uppercase()) => {
                out.digests.insert(u.as_u128(), d);
            }
            _ => out.odd.push(id),
        }
        Ok(())
    })?;
    Ok(out)
}

/// Makes the stored graph `graph`, writing only the rows that differ: an add changes few of
/// them (its items' and those its links re-decide), and writing is the dear part. Item nodes'
/// texts are kept apart (`texts.rs`): the row names the stored item in `texts` holding its text.
fn write_graph(
    db: &mut dyn Backend,
    name: &str,
    mut graph: Graph,
    texts: &TextIndex,
    full: bool,
) -> Result<(), StoreError> {
    // A store of schema version 2 (being migrated) has no names yet.
    let names_kept = db.has_table("ct_names")?;
    if full {
        db.batch("DELETE FROM ct_nodes; DELETE FROM ct_edges;")?;
        if names_kept {
            db.batch("DELETE FROM ct_names")?;
        }
    }
    // A store being written as an older version (migration tests) has no digests, and before
    // version 8 its item nodes hold their texts.
    let version = super::schema::version_of(db)?;
    let kept = version >= 6;
    let node_texts = if version >= 8 {
        take_texts(&mut graph)
    } else {
        FxHashMap::default()
    };
    let mut old = stored_digests(db, "ct_nodes", kept)?;
    let mut rows = Vec::new();
    // Item nodes with their text's item, apart: the other rows leave `text_of` empty.
    let mut with_text = Vec::new();
    let mut names = Vec::new();
    let mut gone = Vec::new();
    for n in graph.sorted_nodes() {
        // Most rows are as stored: their digest is taken as their JSON is written, and only a
        // changed row's body is made.
        let text = node_texts.get(&n.id).map(String::as_str);
        let d = super::digest::of_row(n, text);
        if !old.changed(n.id, d, &mut gone) {
            continue;
        }
        let id = n.id.to_string();
        let body = json(name, n)?;
        if let NodeData::Item(item) = &n.data {
            for k in item_names(item) {
                names.push(vec![k, id.clone()]);
            }
        }
        let mut row = vec![id, n.kind.as_str().to_string(), format!("{d:032x}"), body];
        if !kept {
            row.remove(2);
        }
        match text {
            Some(t) => {
                row.push(texts.item_of(name, n.id, t)?.to_string());
                with_text.push(row);
            }
            None => rows.push(row),
        }
    }
    gone.extend(old.rest());
    for id in &gone {
        db.exec("DELETE FROM ct_nodes WHERE id = $1", &[Val::Text(id)])?;
        if names_kept {
            db.exec("DELETE FROM ct_names WHERE node = $1", &[Val::Text(id)])?;
        }
    }
    let columns: &[&str] = if kept {
        &["id", "kind", "digest", "body"]
    } else {
        &["id", "kind", "body"]
    };
    db.insert_rows("ct_nodes", columns, &mut rows.into_iter())?;
    // Only version 8 on has the column (and such rows).
    if !with_text.is_empty() {
        db.insert_rows(
            "ct_nodes",
            &["id", "kind", "digest", "body", "text_of"],
            &mut with_text.into_iter(),
        )?;
    }
    if names_kept {
        db.insert_rows("ct_names", &["name", "node"], &mut names.into_iter())?;
    }
    let mut old = stored_digests(db, "ct_edges", kept)?;
    let mut rows = Vec::new();
    let mut gone = Vec::new();
    for e in graph.sorted_edges() {
        let d = super::digest::of_json(e);
        if !old.changed(e.id, d, &mut gone) {
            continue;
        }
        let id = e.id.to_string();
        let body = json(name, e)?;
        let mut row = vec![
            id,
            e.kind.as_str().to_string(),
            e.source.to_string(),
            e.target.to_string(),
            format!("{d:032x}"),
            body,
        ];
        if !kept {
            row.remove(4);
        }
        rows.push(row);
    }
    gone.extend(old.rest());
    for id in &gone {
        db.exec("DELETE FROM ct_edges WHERE id = $1", &[Val::Text(id)])?;
    }
    let columns: &[&str] = if kept {
        &["id", "kind", "source", "target", "digest", "body"]
    } else {
        &["id", "kind", "source", "target", "body"]
    };
    db.insert_rows("ct_edges", columns, &mut rows.into_iter())?;
    Ok(())
}
