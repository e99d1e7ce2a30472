//! Each item's own claims, kept between adds: `extract_claims` reads one item's text and
//! metadata and nothing else, so its answer for an item stored before is the one stored then.
//! An add extracts the claims of its new items only; everything across items (speaker names,
//! changed quotations, links) is decided again over all of them.

use super::StoreError;
use super::backend::{Backend, Cell};
use crate::extract::{ClaimMention, extract_claims};
use crate::item::{Item, ItemMeta, VerbatimRun};
use crate::vocab::Origin;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// How the claims cache is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// Read it and store the claims of items it lacks (an add).
    Fill,
    /// Extract every item's claims afresh and say where the cache differs (`db check`).
    Verify,
    /// No cache (a store of an older schema, being written as that version wrote it).
    None,
}

/// What the claims depend on: the item without its warnings (which `graph_of_items` extends
/// when one text is read at two places).
#[derive(Serialize)]
struct Key<'a> {
    origin: &'a Origin,
    text: &'a str,
    meta: &'a ItemMeta,
    runs: &'a [VerbatimRun],
}

pub(crate) fn key(item: &Item) -> String {
    let k = Key {
        origin: &item.origin,
        text: &item.text(),
        meta: &item.meta,
        runs: &item.runs,
    };
    // The digest of the key's JSON, hashed as it is written (no copy of the text is made):
    // the same value as hashing the whole JSON at once.
    format!("{:032x}", super::digest::of_json(&k))
}

/// The claims of each of `items`, in order (`keys[i]` the [`key`] of `items[i]`); problems
/// found in `Verify` go to `problems`.
pub(crate) fn claims_of(
    db: &mut dyn Backend,
    name: &str,
    items: &[Item],
    keys: &[String],
    how: Use,
    problems: &mut Vec<String>,
) -> Result<Vec<Vec<ClaimMention>>, StoreError> {
    if how == Use::None {
        return Ok(items.par_iter().map(extract_claims).collect());
    }
    let mut cached: HashMap<String, String> = HashMap::new();
    db.query("SELECT key, body FROM ct_claims", &[], &mut |row| {
        let mut row = row.into_iter();
        let k = row.next().map(Cell::into_text).unwrap_or_default();
        let body = row.next().map(Cell::into_text).unwrap_or_default();
        cached.insert(k, body);
        Ok(())
    })?;
    if how == Use::Verify {
        let fresh: Vec<Vec<ClaimMention>> = items.par_iter().map(extract_claims).collect();
        for (k, claims) in keys.iter().zip(&fresh) {
            match cached.get(k) {
                None => problems.push(format!("claims of item {k} are not stored")),
                Some(body) if *body != to_json(claims) => {
                    problems.push(format!("stored claims of item {k} differ from its claims"))
                }
                Some(_) => {}
            }
        }
        return Ok(fresh);
    }
    let out: Vec<Result<(Vec<ClaimMention>, bool), String>> = items
        .par_iter()
        .zip(keys)
        .map(|(item, k)| match cached.get(k) {
            Some(body) => serde_json::from_str(body)
                .map(|c| (c, false))
                .map_err(|e| format!("stored claims of item {k} do not read back: {e}")),
            None => Ok((extract_claims(item), true)),
        })
        .collect();
    let mut claims = Vec::with_capacity(items.len());
    let mut rows = Vec::new();
    for (r, k) in out.into_iter().zip(keys.iter().cloned()) {
        let (c, new) = r.map_err(|m| StoreError::new(name, m))?;
        if new && !cached.contains_key(&k) {
            rows.push(vec![k.clone(), to_json(&c)]);
            // Two items with one key (one reading at two places) store their claims once.
            cached.insert(k, String::new());
        }
        claims.push(c);
    }
    db.insert_rows("ct_claims", &["key", "body"], &mut rows.into_iter())?;
    Ok(claims)
}

fn to_json(claims: &[ClaimMention]) -> String {
    serde_json::to_string(claims).unwrap_or_default()
}
