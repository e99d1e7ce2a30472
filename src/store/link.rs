//! The reuse stage of an add from what the store keeps, so that stored items are neither
//! re-read for their features nor re-verified pair by pair:
//!
//! - `ct_features`: each item's indexed shingles and word keys (what `link` computes from its
//!   text alone), keyed like its claims. An add computes them for its new items only; the
//!   run's candidate pairs, common shingles and rare-word weights are then computed from these
//!   lists exactly as from the texts (they depend on how many items hold each feature and on the
//!   number of items, so they are computed over every item, from compact lists).
//! - `ct_pairs`: the verdict on each candidate pair verified so far (linked or not), keyed by
//!   the two items' keys, the first as the run orders them, and by a digest of the common
//!   shingles either item holds. A verdict reads the two items and which of their shingles are
//!   common, nothing else; so a kept verdict whose digest still matches is the verdict a fresh
//!   verification gives, and a pair whose shingles became common or uncommon since (the cutoff
//!   grows with the store) is verified again.
//!
//! What stays graph-wide and is re-decided from these: rewritten stories (their weights move
//! with every item added), each copy's nearest sources, and the build.

use super::StoreError;
use super::backend::{Backend, Cell, Val};
use crate::item::Item;
use crate::link::incremental::{
    candidates_of_features, finish_links_with_keys, shingle_features, verify_pairs, word_keys,
};
use crate::link::{ItemLink, LinkParams, VerifiedPair};
use crate::progress::Progress;
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD as B64;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;

/// Whether the store keeps features and verdicts (schema version 6 on).
pub(crate) fn kept(db: &mut dyn Backend) -> Result<bool, StoreError> {
    db.has_table("ct_pairs")
}

/// How the features are kept: from schema version 7 as binary columns (8 little-endian bytes
/// per hash), before it as base64 text. A store is only written as version 6 by the migration
/// tests, which must write it as that version did.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Binary,
    Base64,
}

fn form(db: &mut dyn Backend) -> Result<Form, StoreError> {
    Ok(if super::schema::version_of(db)? >= 7 {
        Form::Binary
    } else {
        Form::Base64
    })
}

fn to_bytes(xs: &[u64]) -> Vec<u8> {
    xs.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn of_bytes(bytes: &[u8]) -> Option<Vec<u64>> {
    if !bytes.len().is_multiple_of(8) {
        return None;
    }
    Some(
        bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect(),
    )
}

fn decode(cell: Cell, form: Form) -> Option<Vec<u64>> {
    match form {
        Form::Binary => of_bytes(&cell.into_bytes()),
        Form::Base64 => of_bytes(&B64.decode(cell.into_text()).ok()?),
    }
}

/// Each item's kept list in `column` of `ct_features` (None where the item has no row).
fn kept_lists(
    db: &mut dyn Backend,
    name: &str,
    keys: &[String],
    column: &str,
) -> Result<Vec<Option<Vec<u64>>>, StoreError> {
    // Each key's first item; the items of a key read twice (one reading stored at two
    // places, rare) take a copy of its list after.
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    at.reserve(keys.len());
    let mut again: Vec<(usize, usize)> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        match at.entry(k.as_str()) {
            std::collections::hash_map::Entry::Occupied(e) => again.push((*e.get(), i)),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
        }
    }
    let mut out: Vec<Option<Vec<u64>>> = vec![None; keys.len()];
    let form = form(db)?;
    db.query(
        &format!("SELECT key, {column} FROM ct_features"),
        &[],
        &mut |row| {
            let mut row = row.into_iter();
            let k = row.next().map(Cell::into_text).unwrap_or_default();
            let Some(&i) = at.get(k.as_str()) else {
                return Ok(());
            };
            let list = decode(row.next().unwrap_or(Cell::Null), form).ok_or_else(|| {
                StoreError::new(name, format!("kept features of item {k} do not read back"))
            })?;
            out[i] = Some(list);
            Ok(())
        },
    )?;
    for (first, i) in again {
        out[i] = out[first].clone();
    }
    Ok(out)
}

/// Each item's shingles, from the store where kept, else computed with its word keys and kept;
/// and the word keys computed (the new items'), by item.
#[allow(clippy::type_complexity)]
fn shingles(
    db: &mut dyn Backend,
    name: &str,
    items: &[Item],
    keys: &[String],
    p: &LinkParams,
) -> Result<(Vec<Vec<u64>>, HashMap<usize, Vec<u64>>), StoreError> {
    let mut shingles = kept_lists(db, name, keys, "shingles")?;
    let fresh: Vec<(usize, Vec<u64>, Vec<u64>)> = (0..items.len())
        .into_par_iter()
        .filter(|&i| shingles[i].is_none())
        .map(|i| (i, shingle_features(&items[i], p), word_keys(&items[i])))
        .collect();
    // Rows encoded one at a time as they are written: a first add of many items would
    // otherwise hold every item's lists twice.
    let mut written = std::collections::HashSet::new();
    let mut rows = fresh
        .iter()
        .filter(|(i, _, _)| written.insert(keys[*i].as_str()))
        .map(|(i, s, w)| (keys[*i].clone(), vec![to_bytes(s), to_bytes(w)]));
    let columns = &["key", "shingles", "words"];
    if form(db)? == Form::Binary {
        db.insert_binary_rows("ct_features", columns, &mut rows)?;
    } else {
        db.insert_rows(
            "ct_features",
            columns,
            &mut rows.map(|(k, lists)| {
                let mut row = vec![k];
                row.extend(lists.iter().map(|b| B64.encode(b)));
                row
            }),
        )?;
    }
    let mut words = HashMap::new();
    for (i, s, w) in fresh {
        shingles[i] = Some(s);
        words.insert(i, w);
    }
    let shingles = shingles
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    Ok((shingles, words))
}

/// Each item's word keys: kept, or among those just computed. Read after the shingles are
/// dropped, so that the two are never in memory at once (as in one run).
fn words(
    db: &mut dyn Backend,
    name: &str,
    keys: &[String],
    mut fresh: HashMap<usize, Vec<u64>>,
) -> Result<Vec<Vec<u64>>, StoreError> {
    Ok(kept_lists(db, name, keys, "words")?
        .into_iter()
        .enumerate()
        .map(|(i, w)| w.or_else(|| fresh.remove(&i)).unwrap_or_default())
        .collect())
}

/// A verdict as kept: the pair's link with the first item as 0 and the second as 1; empty when
/// the pair is not linked.
fn verdict_body(name: &str, f: &Option<VerifiedPair>) -> Result<String, StoreError> {
    let Some(f) = f else {
        return Ok(String::new());
    };
    let mut f = f.clone();
    let local = |i: usize| usize::from(i != f.a);
    f.link.copy = local(f.link.copy);
    f.link.source = local(f.link.source);
    (f.a, f.b) = (0, 1);
    serde_json::to_string(&f).map_err(|e| StoreError::new(name, format!("cannot store: {e}")))
}

/// A kept verdict for the pair `(a, b)` of this run.
fn verdict_of(
    name: &str,
    body: &str,
    (a, b): (usize, usize),
) -> Result<Option<VerifiedPair>, StoreError> {
    if body.is_empty() {
        return Ok(None);
    }
    let mut f: VerifiedPair = serde_json::from_str(body).map_err(|e| {
        StoreError::new(name, format!("a kept pair verdict does not read back: {e}"))
    })?;
    let run = |i: usize| if i == 0 { a } else { b };
    f.link.copy = run(f.link.copy);
    f.link.source = run(f.link.source);
    (f.a, f.b) = (a, b);
    Ok(Some(f))
}

/// The digest of the common shingles either of two items holds: all a verdict reads of the
/// run besides the two items.
fn common_digest(fa: &[u64], fb: &[u64], common: &crate::link::incremental::Common) -> u128 {
    let mut held: Vec<u64> = fa
        .iter()
        .chain(fb)
        .copied()
        .filter(|h| common.contains(h))
        .collect();
    held.sort_unstable();
    held.dedup();
    let bytes: Vec<u8> = held.iter().flat_map(|x| x.to_le_bytes()).collect();
    xxhash_rust::xxh3::xxh3_128(&bytes)
}

/// A kept pair's digest as `links` writes it (32 lower-case hex digits); None for any other
/// text, which then matches no digest and has its pair verified again.
fn kept_digest(c: &str) -> Option<u128> {
    if c.len() != 32 || !c.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    u128::from_str_radix(c, 16).ok()
}

/// The reuse links of the run of `items` (as `prepare_items` orders them; `keys[i]` the claims
/// key of `items[i]`), as `finish_links` gives them over a fresh verification of every pair.
pub(crate) fn links(
    db: &mut dyn Backend,
    name: &str,
    items: &[Item],
    keys: &[String],
    progress: &dyn Progress,
) -> Result<Vec<ItemLink>, StoreError> {
    let p = LinkParams::default();
    let (shingles, fresh_words) = shingles(db, name, items, keys, &p)?;
    let (pairs, common) = candidates_of_features(items, &shingles, &p);
    // Each item's common shingles first (an item is in several pairs; few of its shingles are
    // common): the digest of a pair over these is the one over the whole lists.
    let held: Vec<Vec<u64>> = shingles
        .par_iter()
        .map(|hs| hs.iter().copied().filter(|h| common.contains(h)).collect())
        .collect();
    drop(shingles);
    // As numbers (a pair's digest is written as hex only in a new verdict's row).
    let digests: Vec<u128> = pairs
        .par_iter()
        .map(|&(a, b)| common_digest(&held[a as usize], &held[b as usize], &common))
        .collect();
    drop(held);
    // Kept verdicts of this run's candidates, where their digest still matches.
    // Two items of one key (one reading stored twice, rare) share their pairs' rows: a row's
    // first pair is found by its keys, the others through `again`.
    let mut slot: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    slot.reserve(pairs.len());
    let mut again: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (n, &(a, b)) in pairs.iter().enumerate() {
        match slot.entry((keys[a as usize].as_str(), keys[b as usize].as_str())) {
            std::collections::hash_map::Entry::Occupied(e) => {
                again.entry(*e.get()).or_default().push(n)
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(n);
            }
        }
    }
    let mut cached: Vec<Option<Option<VerifiedPair>>> = vec![None; pairs.len()];
    let mut stale: Vec<(String, String)> = Vec::new();
    db.query("SELECT a, b, common, body FROM ct_pairs", &[], &mut |row| {
        let mut row = row.into_iter();
        let a = row.next().map(Cell::into_text).unwrap_or_default();
        let b = row.next().map(Cell::into_text).unwrap_or_default();
        let c = row.next().map(Cell::into_text).unwrap_or_default();
        if let Some(&first) = slot.get(&(a.as_str(), b.as_str())) {
            // One key, one text: every pair of the row has the same digest.
            if kept_digest(&c) == Some(digests[first]) {
                let body = row.next().map(Cell::into_text).unwrap_or_default();
                let others = again.get(&first).map_or(&[][..], Vec::as_slice);
                for &n in std::iter::once(&first).chain(others) {
                    let (a, b) = pairs[n];
                    cached[n] = Some(verdict_of(name, &body, (a as usize, b as usize))?);
                }
            } else {
                stale.push((a, b));
            }
        }
        Ok(())
    })?;
    drop((slot, again));
    let missing: Vec<(u32, u32)> = pairs
        .iter()
        .zip(&cached)
        .filter(|(_, c)| c.is_none())
        .map(|(&pair, _)| pair)
        .collect();
    progress.stage("aligning", missing.len() as u64);
    let fresh = verify_pairs(items, &missing, &common, &p);
    progress.finish();
    drop(common);
    for (a, b) in &stale {
        db.exec(
            "DELETE FROM ct_pairs WHERE a = $1 AND b = $2",
            &[Val::Text(a), Val::Text(b)],
        )?;
    }
    let mut verified = Vec::new();
    let mut rows = Vec::with_capacity(missing.len());
    let mut fresh = fresh.into_iter();
    let mut seen = FxHashSet::default();
    for (n, &(a, b)) in pairs.iter().enumerate() {
        let (a, b) = (a as usize, b as usize);
        let found = match cached[n].take() {
            Some(found) => found,
            None => {
                let f = fresh.next().flatten();
                if seen.insert((keys[a].as_str(), keys[b].as_str())) {
                    rows.push(vec![
                        keys[a].clone(),
                        keys[b].clone(),
                        format!("{:032x}", digests[n]),
                        verdict_body(name, &f)?,
                    ]);
                }
                f
            }
        };
        verified.extend(found);
    }
    db.insert_rows(
        "ct_pairs",
        &["a", "b", "common", "body"],
        &mut rows.into_iter(),
    )?;
    let words = words(db, name, keys, fresh_words)?;
    Ok(finish_links_with_keys(items, verified, words, &p, progress))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_lists_read_back_in_either_form() {
        let xs = vec![0, 1, u64::MAX, 0x0123_4567_89ab_cdef];
        let bytes = to_bytes(&xs);
        assert_eq!(bytes.len(), 8 * xs.len());
        assert_eq!(
            decode(Cell::Bytes(bytes.clone()), Form::Binary),
            Some(xs.clone())
        );
        // As schema version 6 kept them.
        assert_eq!(
            decode(Cell::Text(B64.encode(&bytes)), Form::Base64),
            Some(xs)
        );
        // A damaged list is refused, not cut short.
        assert_eq!(decode(Cell::Bytes(vec![1, 2, 3]), Form::Binary), None);
    }

    #[test]
    fn kept_lists_give_every_item_of_a_key_its_list() {
        // The library's own tests make no use of the command line's crates (tempfile among
        // them): a directory of this process's own, removed at the end.
        let dir = std::env::temp_dir().join(format!("claimtrace-kept-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.db");
        let mut db = super::super::sqlite::Sqlite::open(path.to_str().unwrap(), true).unwrap();
        super::super::schema::migrate(&mut db, super::super::schema::VERSION, "s.db").unwrap();
        let rows = [("k1", vec![1u64, 2]), ("k2", vec![3])];
        db.insert_binary_rows(
            "ct_features",
            &["key", "shingles", "words"],
            &mut rows
                .iter()
                .map(|(k, l)| (k.to_string(), vec![to_bytes(l), to_bytes(&[])])),
        )
        .unwrap();
        // Two items of key k1 (one reading at two places), one without a kept row.
        let keys: Vec<String> = ["k1", "k3", "k2", "k1"].map(String::from).to_vec();
        let got = kept_lists(&mut db, "s.db", &keys, "shingles").unwrap();
        assert_eq!(
            got,
            vec![Some(vec![1, 2]), None, Some(vec![3]), Some(vec![1, 2])]
        );
        drop(db);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_kept_digest_is_read_only_as_written() {
        let d: u128 = 0x0123_4567_89ab_cdef_0011_2233_4455_6677;
        assert_eq!(kept_digest(&format!("{d:032x}")), Some(d));
        assert_eq!(kept_digest(&format!("{:032x}", 5u128)), Some(5));
        // Any other spelling of the number matches no digest: its pair is verified again.
        assert_eq!(kept_digest(&format!("{d:032X}")), None);
        assert_eq!(kept_digest(&format!("+{:031x}", 5u128)), None);
        assert_eq!(kept_digest(&format!("{d:x}")[1..]), None);
        assert_eq!(kept_digest(""), None);
    }

    #[test]
    fn a_pairs_digest_over_its_items_common_shingles_is_the_one_over_their_lists() {
        let common: crate::link::incremental::Common = [3, 8, 21, 40].into_iter().collect();
        let a = vec![1, 3, 5, 8, 13];
        let b = vec![2, 3, 21, 34, 55];
        let held = |xs: &[u64]| -> Vec<u64> {
            xs.iter().copied().filter(|h| common.contains(h)).collect()
        };
        assert_eq!(
            common_digest(&held(&a), &held(&b), &common),
            common_digest(&a, &b, &common)
        );
        // Different common shingles held, a different digest.
        assert_ne!(
            common_digest(&a, &b, &common),
            common_digest(&a, &[2, 34], &common)
        );
    }
}
