//! `db check`: whether a store is sound, and what is wrong when not. Each check names what it
//! found; nothing is repaired (a store that fails can be rebuilt by adding its inputs to a new
//! one).

use super::StoreError;
use super::add::{build_all, item_hash};
use super::backend::{Backend, Cell, scalar};
use super::claims::Use;
use super::digest::of_stored;
use super::schema::{VERSION, count, version_of};
use super::texts::{of_item_body, take_texts};
use crate::item::Item;
use crate::progress::NoProgress;
use std::collections::{BTreeMap, HashSet};

/// At most this many problems of one kind are listed; the rest are counted.
const LISTED: usize = 10;

struct Problems {
    found: Vec<String>,
    more: BTreeMap<&'static str, usize>,
}

impl Problems {
    fn add(&mut self, kind: &'static str, what: String) {
        let n = self.more.entry(kind).or_default();
        *n += 1;
        if *n <= LISTED {
            self.found.push(what);
        }
    }
}

/// Everything wrong with the store (empty when sound).
pub(crate) fn check(db: &mut dyn Backend, name: &str) -> Result<Vec<String>, StoreError> {
    let mut p = Problems {
        found: db.integrity()?,
        more: BTreeMap::new(),
    };
    let version = version_of(db)?;
    if version != VERSION {
        p.add(
            "version",
            format!("store schema version {version}, expected {VERSION}"),
        );
        return Ok(p.found);
    }
    // Items: each reads back as an item, under the hash of its body.
    let mut items = 0usize;
    db.query("SELECT hash, batch, body FROM ct_items", &[], &mut |row| {
        let mut row = row.into_iter();
        let hash = row.next().map(Cell::into_text).unwrap_or_default();
        let _batch = row.next();
        let body = row.next().map(Cell::into_text).unwrap_or_default();
        items += 1;
        if item_hash(&body) != hash {
            p.add(
                "hash",
                format!("item {hash}: its body does not have its hash"),
            );
        }
        if let Err(e) = serde_json::from_str::<Item>(&body) {
            p.add("item", format!("item {hash} does not read back: {e}"));
        }
        Ok(())
    })?;
    // Batches: each item's batch exists, and each batch holds the items it says.
    let orphans = scalar(
        db,
        "SELECT count(*) FROM ct_items i WHERE NOT EXISTS \
         (SELECT 1 FROM ct_batches b WHERE b.id = i.batch)",
        &[],
    )?;
    if orphans > 0 {
        p.add("batch", format!("{orphans} item(s) of no recorded batch"));
    }
    let said = scalar(
        db,
        "SELECT CAST(coalesce(sum(items), 0) AS BIGINT) FROM ct_batches",
        &[],
    )?;
    if said != items as i64 {
        p.add(
            "batch",
            format!("the batches record {said} item(s); the store holds {items}"),
        );
    }
    // The graph: what the stored items build, row for row.
    let mut claim_problems = Vec::new();
    let (mut built, _) = build_all(db, name, &NoProgress, Use::Verify, &mut claim_problems)?;
    for c in claim_problems {
        p.add("claims", c);
    }
    // Each row's body and, for an item node, its text (kept with its item: `texts.rs`).
    let mut texts = take_texts(&mut built);
    let mut want: BTreeMap<String, (String, Option<String>)> = BTreeMap::new();
    for n in built.sorted_nodes() {
        want.insert(n.id.to_string(), (to_json(n), texts.remove(&n.id)));
    }
    for e in built.sorted_edges() {
        want.insert(format!("edge {}", e.id), (to_json(e), None));
    }
    let mut seen: HashSet<String> = HashSet::new();
    for (sql, prefix) in [
        (
            "SELECT n.id, n.body, n.digest, n.text_of, i.body FROM ct_nodes n \
             LEFT JOIN ct_items i ON i.hash = n.text_of",
            "",
        ),
        ("SELECT id, body, digest, NULL, NULL FROM ct_edges", "edge "),
    ] {
        db.query(sql, &[], &mut |row| {
            let mut row = row.into_iter();
            let id = format!(
                "{prefix}{}",
                row.next().map(Cell::into_text).unwrap_or_default()
            );
            let body = row.next().map(Cell::into_text).unwrap_or_default();
            let digest = row.next();
            let text = match (row.next(), row.next()) {
                (Some(Cell::Text(hash)), Some(Cell::Text(item))) => {
                    Some(of_item_body(name, &hash, &item)?)
                }
                (Some(Cell::Text(hash)), _) => {
                    p.add(
                        "graph",
                        format!(
                            "stored {}: its text's item {hash} is not stored",
                            shown(&id)
                        ),
                    );
                    None
                }
                _ => None,
            };
            // An add trusts the digest to tell a changed row: it must be the body's (and
            // its text's).
            if let Some(Cell::Text(d)) = digest
                && u128::from_str_radix(&d, 16).ok() != Some(of_stored(&body, text.as_deref()))
            {
                p.add(
                    "digest",
                    format!("stored {}: its digest is not its body's", shown(&id)),
                );
            }
            let body = (body, text);
            match want.get(&id) {
                None => p.add(
                    "graph",
                    format!(
                        "stored {} is not in the graph of the stored items",
                        shown(&id)
                    ),
                ),
                Some(w) if *w != body => p.add(
                    "graph",
                    format!(
                        "stored {} differs from the graph of the stored items",
                        shown(&id)
                    ),
                ),
                Some(_) => {}
            }
            seen.insert(id);
            Ok(())
        })?;
    }
    for id in want.keys().filter(|id| !seen.contains(*id)) {
        p.add(
            "graph",
            format!("{} of the stored items' graph is not stored", shown(id)),
        );
    }
    // The names `origin` looks items up by: one set per item node.
    let names = count(db, "ct_names")?;
    let expected: usize = built
        .sorted_nodes()
        .iter()
        .filter_map(|n| match &n.data {
            crate::model::NodeData::Item(i) => Some(super::add::item_names(i).len()),
            _ => None,
        })
        .sum();
    if names != expected as i64 {
        p.add(
            "names",
            format!("{names} item name(s) stored, the graph gives {expected}"),
        );
    }
    for (kind, n) in &p.more {
        if *n > LISTED {
            p.found
                .push(format!("... and {} more of kind {kind}", n - LISTED));
        }
    }
    Ok(p.found)
}

fn shown(id: &str) -> String {
    if id.starts_with("edge ") {
        id.to_string()
    } else {
        format!("node {id}")
    }
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}
