//! Which items are one node, and which are versions of one. An item's key is its URL, else its
//! outlet and record id, else what it says and where (outlet, title, date and a hash of its
//! text). Among items of one key:
//!
//! - one text at one place (the same input read twice) is one item;
//! - one text under a URL or record id (a page fetched twice, an entry in two feeds) is one
//!   item too: the capture at the first place (file, then byte) stands for the others;
//! - a text known by nothing but itself at several places (a verbatim copy in another file) is
//!   an item per place, keyed by its ordinal among the places in order of place: a repost must
//!   not vanish into its source;
//! - different texts under one URL or record id are versions: an item each, linked by
//!   `version_of` to the first (by date, then by text hash), whose key the others extend with
//!   their text's hash, and a warning on each. Nothing of it depends on the order the inputs
//!   came in.
//!
//! The URL key is the URL as given, trimmed, not `vocab::url_key` (which folds the scheme, `www.`
//! and a trailing slash): ids published under earlier versions stay valid, and two captures of
//! one page under two spellings of its URL share their text, which the reuse stage links.

use crate::item::Item;
use crate::vocab::canonical_key;
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// How the key of an item known by its text alone begins.
const TEXT_KEY: &str = "text:";

/// The canonical key of an item before versions and places tell apart items that share it: its
/// URL, else its outlet and record id, else what it says (outlet, title, date, a hash of the
/// text).
pub fn item_key(item: &Item) -> String {
    let m = &item.meta;
    if let Some(url) = &m.url {
        return format!("url:{}", url.trim());
    }
    let outlet = m.outlet.as_deref().map(canonical_key).unwrap_or_default();
    if let Some(id) = &m.record_id {
        return format!("record:{outlet}\u{0}{id}");
    }
    format!(
        "{TEXT_KEY}{outlet}\u{0}{}\u{0}{}\u{0}{:032x}",
        m.title.as_deref().unwrap_or(""),
        m.published.map(|d| d.to_string()).unwrap_or_default(),
        text_hash(item)
    )
}

fn text_hash(item: &Item) -> u128 {
    xxhash_rust::xxh3::xxh3_128(item.text().as_bytes())
}

/// The items of a run as the graph keys them.
#[derive(Debug, Default)]
pub struct Keyed {
    /// Each item's node key.
    pub keys: Vec<String>,
    /// For an item that is the same capture as another (same key, same text): that item, whose
    /// node stands for both.
    pub same_as: Vec<Option<usize>>,
    /// Versions: items of one URL or record id with different texts.
    pub versions: Vec<Version>,
}

/// A later version of an item: the same URL or record id, another text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The later version.
    pub later: usize,
    /// The first version, whose key it shares.
    pub first: usize,
    /// What they share: "URL" or "record id".
    pub shared: &'static str,
}

/// Where an item stands among the inputs: its file, then its byte range.
fn place(item: &Item) -> (&Arc<str>, usize, usize) {
    (&item.origin.file, item.origin.start, item.origin.end)
}

/// What the keying looks at of one item: its key before versions and places, its place, a hash
/// of its text and its date. Items of one key are keyed together and apart from every other
/// key's, so a job groups these by `key` and keys each group on its own
/// ([`item_keys`](super::item_keys)).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyFacts {
    /// The item's index in the run (as `prepare_items` orders it).
    pub index: usize,
    /// The key before versions and places: what the items keyed together share.
    pub key: String,
    file: Arc<str>,
    start: usize,
    end: usize,
    hash: u128,
    published: Option<NaiveDate>,
}

/// The keying's facts of `item`, the run's `index`th.
pub fn key_facts(index: usize, item: &Item) -> KeyFacts {
    KeyFacts {
        index,
        key: item_key(item),
        file: item.origin.file.clone(),
        start: item.origin.start,
        end: item.origin.end,
        hash: text_hash(item),
        published: item.meta.published,
    }
}

impl KeyFacts {
    fn place(&self) -> (&Arc<str>, usize, usize) {
        (&self.file, self.start, self.end)
    }
}

/// The keys of `items`, identical captures and versions (see the module's doc).
pub fn key_items(items: &[Item]) -> Keyed {
    // Each item's facts on every core: its key and a hash of its whole text.
    keyed(
        items
            .par_iter()
            .enumerate()
            .map(|(i, it)| key_facts(i, it))
            .collect(),
    )
}

/// The rule of [`key_items`] on the items' facts (indices in `Keyed` are positions in `facts`):
/// on the whole run, or on the items of one key, which are keyed apart from all others.
pub(crate) fn keyed(mut facts: Vec<KeyFacts>) -> Keyed {
    let n = facts.len();
    let mut keyed = Keyed {
        keys: Vec::new(),
        same_as: vec![None; n],
        versions: Vec::new(),
    };
    // Which group comes first does not matter: each item gets its own suffix, and the
    // versions are sorted below.
    let mut groups: FxHashMap<&str, Vec<usize>> =
        FxHashMap::with_capacity_and_hasher(n, Default::default());
    for (i, f) in facts.iter().enumerate() {
        groups.entry(f.key.as_str()).or_default().push(i);
    }
    let mut suffixes: Vec<(usize, String)> = Vec::new();
    for (key, mut group) in groups {
        if group.len() == 1 {
            continue;
        }
        group.sort_by(|&a, &b| facts[a].place().cmp(&facts[b].place()));
        if key.starts_with(TEXT_KEY) {
            // One text, several places: an item per place, the first keeping the key.
            let mut ordinal = 0;
            for w in 1..group.len() {
                let (prev, i) = (group[w - 1], group[w]);
                let same_place = facts[prev].place() == facts[i].place();
                if same_place {
                    keyed.same_as[i] = Some(keyed.same_as[prev].unwrap_or(prev));
                } else {
                    ordinal += 1;
                    suffixes.push((i, format!("\u{0}copy {ordinal}")));
                }
            }
            continue;
        }
        // One URL or record id: a capture per text, the first place standing for the others.
        let mut texts: Vec<(Option<NaiveDate>, u128, usize)> = Vec::new();
        for &i in &group {
            let hash = facts[i].hash;
            match texts.iter().find(|t| t.1 == hash) {
                Some(&(_, _, first)) => keyed.same_as[i] = Some(first),
                None => texts.push((facts[i].published, hash, i)),
            }
        }
        // Versions in order of date (undated last), then of text hash.
        texts.sort_by_key(|&(date, hash, _)| (date.is_none(), date, hash));
        let shared = if key.starts_with("url:") {
            "URL"
        } else {
            "record id"
        };
        for &(_, hash, i) in &texts[1..] {
            suffixes.push((i, format!("\u{0}version {hash:032x}")));
            keyed.versions.push(Version {
                later: i,
                first: texts[0].2,
                shared,
            });
        }
    }
    keyed.keys = facts
        .iter_mut()
        .map(|f| std::mem::take(&mut f.key))
        .collect();
    for (i, suffix) in suffixes {
        keyed.keys[i].push_str(&suffix);
    }
    // Copies of an item at its place take its (suffixed) key.
    for i in 0..n {
        if let Some(first) = keyed.same_as[i] {
            keyed.keys[i] = keyed.keys[first].clone();
        }
    }
    keyed.versions.sort_by_key(|v| (v.first, v.later));
    keyed
}

/// The items in an order of their own, not the inputs': by place (file, as paths sort, then
/// byte range), then key and text. The stages that compare items (speakers across items, reuse)
/// may settle ties by index, so they get the items in this order and the graph does not depend
/// on the order the inputs were given in. A run over one directory reads its files in this
/// order already.
///
/// Sorted as by [`order_key`], without making every item's whole key: each file's path is taken
/// apart once (a run reads few files), and an item's key and text hash are made only where
/// another item stands at its very place (the same input read twice).
pub fn in_canonical_order(items: &mut [Item]) {
    // Each distinct file's rank among the files as paths compare; spellings of one path (with
    // "//" or "/./") share a rank, as they share `order_key`'s first part.
    let mut files: Vec<&str> = items.iter().map(|it| it.origin.file.as_ref()).collect();
    files.sort_unstable();
    files.dedup();
    let mut paths: Vec<(Vec<(u8, String)>, &str)> =
        files.into_iter().map(|f| (path_key(f), f)).collect();
    paths.sort_unstable();
    let mut rank_of: FxHashMap<&str, u32> = FxHashMap::default();
    let mut rank = 0u32;
    for (k, (path, file)) in paths.iter().enumerate() {
        if k > 0 && paths[k - 1].0 != *path {
            rank += 1;
        }
        rank_of.insert(file, rank);
    }
    // (file rank, start, end, index): the index keeps items of one key in the order they came,
    // as `sort_by_cached_key` (a stable sort) did.
    let mut order: Vec<(u32, usize, usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let file = rank_of[it.origin.file.as_ref()];
            (file, it.origin.start, it.origin.end, i)
        })
        .collect();
    order.par_sort_unstable();
    // Items at one place: ordered by key and text hash, then as they came.
    for run in order.chunk_by_mut(|a, b| a.0 == b.0 && a.1 == b.1 && a.2 == b.2) {
        if run.len() > 1 {
            run.sort_by_cached_key(|o| (item_key(&items[o.3]), text_hash(&items[o.3]), o.3));
        }
    }
    permute(items, order.into_iter().map(|o| o.3).collect());
}

/// Puts `items[from[k]]` at `k` for every `k` (`from` a permutation), in place, one cycle of
/// the permutation after another.
fn permute<T>(items: &mut [T], from: Vec<usize>) {
    let mut done = vec![false; items.len()];
    for k in 0..items.len() {
        let mut at = k;
        while !done[at] {
            done[at] = true;
            let next = from[at];
            if next == k {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

/// Where an item stands in the canonical order ([`prepare_items`](crate::prepare_items)): its file's path as
/// paths compare (component by component: each component's kind, as `std::path::Component`
/// orders them, then its name), its byte range, its key, a hash of its text. Plain values, so
/// that a job sorting items on many machines compares them as this order does.
pub type OrderKey = (Vec<(u8, String)>, usize, usize, String, u128);

/// The key [`prepare_items`](crate::prepare_items) sorts `item` by (its canonical order).
pub fn order_key(item: &Item) -> OrderKey {
    (
        path_key(&item.origin.file),
        item.origin.start,
        item.origin.end,
        item_key(item),
        text_hash(item),
    )
}

/// A file's path as [`OrderKey`] holds it: component by component, each component's kind, as
/// `std::path::Component` orders them, then its name.
fn path_key(file: &str) -> Vec<(u8, String)> {
    use std::path::{Component, Path};
    Path::new(file)
        .components()
        .map(|c| {
            // The order of `Component`'s variants, which paths compare by first.
            let kind = match c {
                Component::Prefix(_) => 0,
                Component::RootDir => 1,
                Component::CurDir => 2,
                Component::ParentDir => 3,
                Component::Normal(_) => 4,
            };
            (kind, c.as_os_str().to_string_lossy().into_owned())
        })
        .collect()
}

/// The items without the second and later captures of one text under one key: the capture at
/// the first place stands for them, with a warning naming where else it was read. Items of
/// different [`item_key`]s never stand for one another, so a job may take the items of each key
/// apart, in the order they were read, and get the same items.
pub fn distinct_items(items: Vec<Item>) -> Vec<Item> {
    let keyed = key_items(&items);
    if keyed.same_as.iter().all(Option::is_none) {
        return items;
    }
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); items.len()];
    for (i, first) in keyed.same_as.iter().enumerate() {
        if let Some(first) = *first {
            let o = &items[i].origin;
            if place(&items[i]) != place(&items[first]) {
                let what = if keyed.keys[i].starts_with("url:") {
                    "URL"
                } else {
                    "record id"
                };
                notes[first].push(format!(
                    "also read, with the same {what} and text, from {} at byte {}: one item",
                    o.file, o.start
                ));
            }
        }
    }
    items
        .into_iter()
        .zip(notes)
        .enumerate()
        .filter(|(i, _)| keyed.same_as[*i].is_none())
        .map(|(_, (mut item, notes))| {
            item.warnings.extend(notes);
            item
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(file: &str, start: usize, url: Option<&str>, text: &str) -> Item {
        let mut it = Item::with_own_text(&Arc::from(file), start, start + 10, text.into());
        it.meta.url = url.map(str::to_string);
        it
    }

    #[test]
    fn one_url_two_texts_are_versions_whatever_the_order() {
        let a = item("a.jsonl", 0, Some("https://x.test/1"), "first text");
        let b = item("b.jsonl", 0, Some("https://x.test/1"), "second text");
        let c = item("c.jsonl", 0, Some("https://x.test/1"), "first text");
        let k1 = key_items(&[a.clone(), b.clone(), c.clone()]);
        let k2 = key_items(&[c, b, a]);
        assert_eq!(k1.versions.len(), 1);
        assert_eq!(k1.same_as, vec![None, None, Some(0)]);
        assert_eq!(k2.same_as, vec![Some(2), None, None]);
        let mut s1 = k1.keys.clone();
        let mut s2 = k2.keys.clone();
        s1.sort();
        s2.sort();
        assert_eq!(s1, s2);
        assert_ne!(k1.keys[0], k1.keys[1]);
    }

    #[test]
    fn copies_at_other_places_are_ordinals_by_place() {
        let a = item("b.txt", 5, None, "same words");
        let b = item("a.txt", 9, None, "same words");
        let k = key_items(&[a.clone(), b.clone(), a.clone()]);
        assert_eq!(k.same_as, vec![None, None, Some(0)]);
        assert!(k.keys[0].ends_with("copy 1"));
        assert!(!k.keys[1].contains("copy"));
        assert_eq!(distinct_items(vec![a.clone(), b, a]).len(), 2);
    }

    #[test]
    fn canonical_order_is_the_order_of_order_key() {
        // Spellings of one path, places shared by several items (one input read twice, other
        // keys and texts at one place), items equal in every part of the key.
        let files = [
            "b.jsonl",
            "a//x.jsonl",
            "a/x.jsonl",
            "a/./x.jsonl",
            "./a/x.jsonl",
            "a",
        ];
        let mut items = Vec::new();
        for (f, file) in files.iter().enumerate() {
            for start in [30, 0, 10, 0] {
                for (u, url) in [None, Some("https://x.test/1"), None]
                    .into_iter()
                    .enumerate()
                {
                    let text = format!("text {} {}", (f + u + start) % 3, u % 2);
                    items.push(item(file, start, url, &text));
                }
            }
        }
        // A fixed shuffle, so that the input order is no order.
        let n = items.len();
        for k in 0..n {
            items.swap(k, (k * 7919 + 13) % n);
        }
        let place = |it: &Item| {
            let o = &it.origin;
            (
                o.file.to_string(),
                o.start,
                it.meta.url.clone(),
                it.text().to_string(),
            )
        };
        let mut expected = items.clone();
        expected.sort_by_cached_key(order_key);
        in_canonical_order(&mut items);
        let got: Vec<_> = items.iter().map(place).collect();
        let want: Vec<_> = expected.iter().map(place).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn permute_puts_each_item_where_it_is_asked() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e'];
        permute(&mut v, vec![3, 0, 4, 1, 2]);
        assert_eq!(v, vec!['d', 'a', 'e', 'b', 'c']);
    }

    #[test]
    fn order_key_orders_paths_as_paths_compare() {
        let names = [
            "a/b.jsonl",
            "a.b/c",
            "a-b/c",
            "/abs/x",
            "-x/y",
            "a/b/c",
            "a",
            "./a/z",
            "../q",
            "a/",
            "é/x",
            "Z/y",
        ];
        for x in names {
            for y in names {
                let (ix, iy) = (item(x, 0, None, "t"), item(y, 0, None, "t"));
                let by_path = std::path::Path::new(x).cmp(std::path::Path::new(y));
                assert_eq!(order_key(&ix).0.cmp(&order_key(&iy).0), by_path, "{x} {y}");
            }
        }
    }
}
