//! Candidate pairs by content: items that share rare words and numbers, weighted by how rare
//! they are in the run (inverse document frequency), within a window of publication dates when
//! both dates are known. Every item keeps its few best candidates, so the cost grows with the
//! run, not with its square.
//!
//! Each item is looked up by its rarest words that at least one other item has (names, numbers,
//! the event's own words); a word in very many items says nothing of which two belong together
//! and is left out of the lookup (it still counts when the pair is aligned).

use super::words::profile;
use crate::item::Item;
use crate::link::LinkParams;
use crate::progress::Progress;
use chrono::Datelike;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// How rare each word key is in the run: `ln(items / items holding it)`. Only keys held by
/// two items or more are kept: a key held by one item weighs as one no item holds.
pub struct Weights {
    pub(crate) df: FxHashMap<u64, u32>,
    pub(crate) items: f32,
}

impl Weights {
    /// The weight of a key (a key no item holds weighs as one held by one item).
    pub fn of(&self, key: u64) -> f32 {
        let df = self.df.get(&key).copied().unwrap_or(1);
        weight(self.items, df)
    }
}

/// The weight of a key held by `df` items of a run of `items`.
pub(crate) fn weight(items: f32, df: u32) -> f32 {
    (items / df.max(1) as f32).ln().max(0.0)
}

/// The most items a lookup key may be held by in a run of `n` items: a key in more is a stock
/// word of the run (more in large runs, as for shingles: a story many outlets carry).
pub(crate) fn max_df(n: usize, p: &LinkParams) -> u32 {
    p.rewrite_max_df.max(n / 2000) as u32
}

/// An item's candidates from the other items its lookup keys found, each with its summed
/// weight and count of shared keys; `mass` is the sum of the item's lookup keys' weights. Those
/// sharing enough keys and enough of that mass, best first (ties by index), at most
/// `rewrite_candidates` of them.
pub(crate) fn best_of<B: Ord + Copy>(
    found: impl Iterator<Item = (B, (f32, u16))>,
    mass: f32,
    p: &LinkParams,
) -> Vec<B> {
    let mut best: Vec<(f32, B)> = found
        .filter(|&(_, (score, shared))| {
            usize::from(shared) >= p.rewrite_min_keys && score >= p.rewrite_min_score * mass
        })
        .map(|(b, (score, _))| (score, b))
        .collect();
    best.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    best.truncate(p.rewrite_candidates);
    best.into_iter().map(|(_, b)| b).collect()
}

/// Rarest keys an item looks others up by.
pub(crate) const LOOKUP_KEYS: usize = 48;
/// Rarest keys others find an item by.
pub(crate) const POSTED_KEYS: usize = 256;
/// Items whose word keys are read at once before they are numbered: the full keys of only
/// these are held as 8-byte hashes.
const CHUNK: usize = 1 << 14;

/// The word keys of a run, each numbered once (`u32`), with how many items hold it: every
/// item's keys are kept as their numbers, sorted, each as its distance from the one before in
/// a variable number of bytes ([`pack`]; one or two bytes for most), until the counts are known.
struct Numbered {
    ids: FxHashMap<u64, u32>,
    key_of: Vec<u64>,
    df: Vec<u32>,
    keys: Vec<Box<[u8]>>,
    /// Room for one item's numbers while they are packed.
    scratch: Vec<u32>,
}

impl Numbered {
    fn new() -> Numbered {
        Numbered {
            ids: FxHashMap::default(),
            key_of: Vec::new(),
            df: Vec::new(),
            keys: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// Adds the next item's keys (each once).
    fn push(&mut self, keys: &[u64]) {
        self.scratch.clear();
        for &k in keys {
            let id = *self.ids.entry(k).or_insert_with(|| {
                self.key_of.push(k);
                self.df.push(0);
                (self.key_of.len() - 1) as u32
            });
            self.df[id as usize] += 1;
            self.scratch.push(id);
        }
        self.keys.push(pack(&mut self.scratch));
    }
}

/// Key numbers as [`pack`] writes them.
type Packed = Box<[u8]>;

/// Numbers, each once, sorted and written as the distance from the one before, seven bits
/// a byte (the high bit set on every byte but a number's last).
fn pack(ids: &mut [u32]) -> Box<[u8]> {
    ids.sort_unstable();
    let mut out = Vec::with_capacity(ids.len() * 2);
    let mut last = 0u32;
    for &id in ids.iter() {
        let mut gap = id - last;
        last = id;
        while gap >= 0x80 {
            out.push((gap as u8) | 0x80);
            gap >>= 7;
        }
        out.push(gap as u8);
    }
    out.into_boxed_slice()
}

/// The numbers [`pack`] wrote, ascending.
fn unpack(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    let mut last = 0u32;
    std::iter::from_fn(move || {
        if at == bytes.len() {
            return None;
        }
        let (mut gap, mut shift) = (0u32, 0);
        loop {
            let b = bytes[at];
            at += 1;
            gap |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        last += gap;
        Some(last)
    })
}

/// The items each key number is posted for, in item order, all in one list (4 bytes a
/// posting): a key's items are `items[start[key]..start[key + 1]]`, as they stood together in
/// (key, item) pairs sorted.
struct Postings {
    start: Vec<usize>,
    items: Vec<u32>,
}

impl Postings {
    /// The postings of every item's packed key numbers (`keys[i]` of item `i`), numbers below
    /// `count`.
    fn of(keys: &[Box<[u8]>], count: usize) -> Postings {
        // Each key's end, then the items written from the last backwards: every key's list
        // comes out in item order and its end moves down to its start.
        let mut start = vec![0usize; count + 1];
        for k in keys {
            unpack(k).for_each(|x| start[x as usize + 1] += 1);
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut items = vec![0u32; start[count]];
        for (i, k) in keys.iter().enumerate().rev() {
            for x in unpack(k) {
                let end = &mut start[x as usize + 1];
                *end -= 1;
                items[*end] = i as u32;
            }
        }
        // `start[x + 1]` has moved down to key x's start: one place back, with the end last.
        start.rotate_left(1);
        start[count] = items.len();
        Postings { start, items }
    }

    /// The items posted for `key`, in item order.
    fn of_key(&self, key: u32) -> &[u32] {
        &self.items[self.start[key as usize]..self.start[key as usize + 1]]
    }
}

/// Every item's word keys, numbered, read `CHUNK` items at a time on every core; a chunk is
/// numbered (on one thread, in item order) while the next is read.
fn numbered_keys(items: &[Item], progress: &dyn Progress) -> Numbered {
    let mut n = Numbered::new();
    n.keys.reserve_exact(items.len());
    let mut read: Vec<Vec<u64>> = Vec::new();
    for chunk in items.chunks(CHUNK) {
        let (next, ()) = rayon::join(
            || {
                chunk
                    .par_iter()
                    .map(|it| {
                        let k = item_keys(&it.text());
                        progress.advance(1);
                        k
                    })
                    .collect::<Vec<Vec<u64>>>()
            },
            || read.iter().for_each(|k| n.push(k)),
        );
        read = next;
    }
    read.iter().for_each(|k| n.push(k));
    n
}

/// The word keys of one text, sorted, each once: what the run's weights count and an item is
/// looked up by.
pub fn item_keys(text: &str) -> Vec<u64> {
    let mut k: Vec<u64> = profile(text).words.iter().map(|w| w.key).collect();
    k.sort_unstable();
    k.dedup();
    k.shrink_to_fit();
    k
}

/// [`candidates`] from each item's [`item_keys`], computed before (a store keeps them).
#[cfg(feature = "store")]
pub fn candidates_of_keys(
    items: &[Item],
    keys: Vec<Vec<u64>>,
    p: &LinkParams,
) -> (Vec<(u32, u32)>, Weights) {
    let mut n = Numbered::new();
    n.keys.reserve_exact(keys.len());
    for k in keys {
        n.push(&k);
    }
    candidates_with(items, p, n)
}

/// The candidate pairs (a < b, sorted) and the run's weights.
pub fn candidates(
    items: &[Item],
    p: &LinkParams,
    progress: &dyn Progress,
) -> (Vec<(u32, u32)>, Weights) {
    let keys = numbered_keys(items, progress);
    candidates_with(items, p, keys)
}

fn candidates_with(
    items: &[Item],
    p: &LinkParams,
    numbered: Numbered,
) -> (Vec<(u32, u32)>, Weights) {
    let n = items.len();
    let run = n.max(1) as f32;
    let Numbered {
        ids,
        key_of,
        df,
        keys: packed,
        ..
    } = numbered;
    drop(ids);
    let max_df = max_df(n, p);
    // Every item is found by each of its keys shared with at most `max_df` items (up to
    // POSTED_KEYS of the rarest), and looks others up by its LOOKUP_KEYS rarest: a source is
    // found by the words its copies kept, however many rarer words it has besides. Each item's
    // posted keys are packed again (by number), its lookup keys kept apart: the full lists of
    // every item are never held at once.
    let (keys, posted): (Vec<Box<[u32]>>, Vec<Packed>) = packed
        .into_par_iter()
        .map(|k| {
            let mut v: Vec<u32> = unpack(&k)
                .filter(|&x| (2..=max_df).contains(&df[x as usize]))
                .collect();
            drop(k);
            v.sort_unstable_by_key(|&x| (df[x as usize], key_of[x as usize]));
            v.truncate(POSTED_KEYS);
            let lookup: Box<[u32]> = v[..v.len().min(LOOKUP_KEYS)].into();
            (lookup, pack(&mut v))
        })
        .unzip();
    let postings = Postings::of(&posted, key_of.len());
    drop(posted);
    let lookup = |key: u32| postings.of_key(key);
    // Days of publication, in one array: the lookup reads them for every posting.
    let day: Vec<Option<i32>> = items
        .iter()
        .map(|it| it.meta.published.map(|d| d.num_days_from_ce()))
        .collect();
    let window = p.rewrite_days;
    let near = |a: usize, b: usize| match (day[a], day[b]) {
        (Some(x), Some(y)) => i64::from((x - y).abs()) <= window,
        _ => true,
    };
    let mut pairs: Vec<(u32, u32)> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![(0f32, 0u16); n], Vec::<u32>::new()),
            |(acc, touched), a| {
                let mut mass = 0f32;
                for &key in keys[a].iter() {
                    let w = weight(run, df[key as usize]);
                    mass += w;
                    for &b in lookup(key) {
                        let b = b as usize;
                        if b == a || !near(a, b) {
                            continue;
                        }
                        if acc[b].1 == 0 {
                            touched.push(b as u32);
                        }
                        acc[b].0 += w;
                        acc[b].1 += 1;
                    }
                }
                let found = touched
                    .drain(..)
                    .map(|b| (b, std::mem::take(&mut acc[b as usize])));
                best_of(found, mass, p)
                    .into_iter()
                    .map(|b| {
                        let a = a as u32;
                        (a.min(b), a.max(b))
                    })
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect();
    drop(postings);
    drop(keys);
    pairs.par_sort_unstable();
    pairs.dedup();
    // Keys held by one item are left out: they weigh as a key no item holds.
    let weights = Weights {
        df: key_of
            .into_iter()
            .zip(df)
            .filter(|&(_, d)| d >= 2)
            .collect(),
        items: run,
    };
    (pairs, weights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_list_each_keys_items_in_item_order() {
        let keys: Vec<Box<[u8]>> = [vec![3, 0], vec![], vec![0, 4, 3], vec![3]]
            .into_iter()
            .map(|mut k| pack(&mut k))
            .collect();
        let p = Postings::of(&keys, 6);
        let each: Vec<&[u32]> = (0..6).map(|k| p.of_key(k)).collect();
        let want: [&[u32]; 6] = [&[0, 2], &[], &[], &[0, 2, 3], &[2], &[]];
        assert_eq!(each, want);
        assert!(Postings::of(&[], 0).items.is_empty());
    }

    #[test]
    fn packed_numbers_read_back_sorted() {
        let mut ids = vec![300, 0, 7, u32::MAX, 128, 127, 1 << 21, 5];
        let packed = pack(&mut ids);
        let back: Vec<u32> = unpack(&packed).collect();
        assert_eq!(back, [0, 5, 7, 127, 128, 300, 1 << 21, u32::MAX]);
        // Small distances take a byte each.
        assert_eq!(pack(&mut [1, 2, 3, 4]).len(), 4);
        assert_eq!(unpack(&pack(&mut [])).count(), 0);
    }
}
