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

/// How rare each word key is in the run: `ln(items / items holding it)`.
pub struct Weights {
    pub(crate) df: FxHashMap<u64, u32>,
    pub(crate) items: f32,
}

impl Weights {
    /// The weight of a key (a key no item holds weighs as one held by one item).
    pub fn of(&self, key: u64) -> f32 {
        let df = self.df.get(&key).copied().unwrap_or(1).max(1) as f32;
        (self.items / df).ln().max(0.0)
    }

    fn df(&self, key: u64) -> u32 {
        self.df.get(&key).copied().unwrap_or(0)
    }
}

/// Rarest keys an item looks others up by.
pub(crate) const LOOKUP_KEYS: usize = 48;
/// Rarest keys others find an item by.
pub(crate) const POSTED_KEYS: usize = 256;

/// The weights of the run and, per item, its rarest keys shared with some other item.
fn weights_and_keys(items: &[Item], progress: &dyn Progress) -> (Weights, Vec<Vec<u64>>) {
    let keys: Vec<Vec<u64>> = items
        .par_iter()
        .map(|it| {
            let k = item_keys(&it.text);
            progress.advance(1);
            k
        })
        .collect();
    (weights_of(&keys), keys)
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

/// The weights of a run whose items hold `keys` (one list per item).
fn weights_of(keys: &[Vec<u64>]) -> Weights {
    let df = keys
        .par_iter()
        .fold(FxHashMap::default, |mut m: FxHashMap<u64, u32>, k| {
            for &x in k {
                *m.entry(x).or_default() += 1;
            }
            m
        })
        .reduce(FxHashMap::default, |mut a, b| {
            let (mut a, b) = if a.len() < b.len() {
                (b, a)
            } else {
                (std::mem::take(&mut a), b)
            };
            for (k, v) in b {
                *a.entry(k).or_default() += v;
            }
            a
        });
    Weights {
        df,
        items: keys.len().max(1) as f32,
    }
}

/// [`candidates`] from each item's [`item_keys`], computed before (a store keeps them).
#[cfg(feature = "store")]
pub fn candidates_of_keys(
    items: &[Item],
    keys: Vec<Vec<u64>>,
    p: &LinkParams,
) -> (Vec<(u32, u32)>, Weights) {
    let weights = weights_of(&keys);
    candidates_with(items, p, weights, keys)
}

/// The candidate pairs (a < b, sorted) and the run's weights.
pub fn candidates(
    items: &[Item],
    p: &LinkParams,
    progress: &dyn Progress,
) -> (Vec<(u32, u32)>, Weights) {
    let (weights, keys) = weights_and_keys(items, progress);
    candidates_with(items, p, weights, keys)
}

fn candidates_with(
    items: &[Item],
    p: &LinkParams,
    weights: Weights,
    mut keys: Vec<Vec<u64>>,
) -> (Vec<(u32, u32)>, Weights) {
    let n = items.len();
    // A key in more items than this is no lookup key: stock words of the run (more in large
    // runs, as for shingles: a story many outlets carry).
    let max_df = p.rewrite_max_df.max(n / 2000) as u32;
    // Every item is found by each of its keys shared with at most `max_df` items (up to
    // POSTED_KEYS of the rarest), and looks others up by its LOOKUP_KEYS rarest: a source is
    // found by the words its copies kept, however many rarer words it has besides.
    keys.par_iter_mut().for_each(|k| {
        k.retain(|&x| (2..=max_df).contains(&weights.df(x)));
        k.sort_unstable_by_key(|&x| (weights.df(x), x));
        k.truncate(POSTED_KEYS);
        k.shrink_to_fit();
    });
    let mut postings: Vec<(u64, u32)> = keys
        .iter()
        .enumerate()
        .flat_map(|(i, k)| k.iter().map(move |&x| (x, i as u32)))
        .collect();
    postings.par_sort_unstable();
    keys.par_iter_mut().for_each(|k| {
        k.truncate(LOOKUP_KEYS);
        k.shrink_to_fit();
    });
    let lookup = |key: u64| {
        let s = postings.partition_point(|&(x, _)| x < key);
        let e = postings[s..].partition_point(|&(x, _)| x == key) + s;
        &postings[s..e]
    };
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
    let per_item = p.rewrite_candidates;
    let mut pairs: Vec<(u32, u32)> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![(0f32, 0u16); n], Vec::<u32>::new()),
            |(acc, touched), a| {
                let mut mass = 0f32;
                for &key in &keys[a] {
                    let w = weights.of(key);
                    mass += w;
                    for &(_, b) in lookup(key) {
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
                let mut best: Vec<(f32, u32)> = touched
                    .drain(..)
                    .filter_map(|b| {
                        let (score, shared) = std::mem::take(&mut acc[b as usize]);
                        (usize::from(shared) >= p.rewrite_min_keys
                            && score >= p.rewrite_min_score * mass)
                            .then_some((score, b))
                    })
                    .collect();
                best.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
                best.truncate(per_item);
                best.into_iter()
                    .map(|(_, b)| {
                        let (a, b) = (a as u32, b);
                        (a.min(b), a.max(b))
                    })
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    (pairs, weights)
}
