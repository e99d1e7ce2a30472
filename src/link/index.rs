//! Candidate pairs: items that share several sampled word shingles. Only shingles whose hash
//! falls in a fixed residue class are indexed (the same ones in every item, so shared text still
//! shares them), which keeps the index a fraction of the text. A shingle found in many items is
//! boilerplate or a stock phrase: it is remembered as common and links only neighbours in its
//! posting list, so it cannot make every pair of its items a candidate.

use super::LinkParams;
use super::normalise::tokens_and_shingles;
use crate::item::Item;
use crate::progress::Progress;
use rayon::prelude::*;

/// Whether a shingle hash is one of the indexed ones.
pub fn sampled(h: u64, sample: u64) -> bool {
    h.is_multiple_of(sample)
}

/// Shingle hashes, used as their own hash: they are well mixed already (`normalise::mix`).
pub type ShingleSet = nohash_hasher::IntSet<u64>;

/// The indexed shingles of one text: sampled, sorted, each once.
pub fn features(text: &str, p: &LinkParams) -> Vec<u64> {
    let mut hs: Vec<u64> = tokens_and_shingles(text, p.k, p.k_pieces)
        .1
        .into_iter()
        .filter(|&h| sampled(h, p.sample))
        .collect();
    hs.sort_unstable();
    hs.dedup();
    hs
}

/// The candidate pairs (a < b, sorted) and the set of common indexed shingles.
pub fn candidates(
    items: &[Item],
    p: &LinkParams,
    progress: &dyn Progress,
) -> (Vec<(u32, u32)>, ShingleSet) {
    let max_df = run_max_df(items.len(), p);
    let postings: Vec<(u64, u32)> = items
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, item)| {
            let hs = features(&item.text, p);
            progress.advance(1);
            hs.into_iter().map(move |h| (h, i as u32))
        })
        .collect();
    pairs_of_postings(postings, items, max_df, p)
}

/// The candidate pairs (a < b, sorted) and the common shingles of a run from its postings
/// (shingle, item index), in any order: each shingle's posting list judged by
/// [`posting_pairs`], and a pair kept when `min_shared` shingles propose it. The one place
/// that judges postings, whether the features were just computed or kept from an earlier run.
pub fn pairs_of_postings(
    mut postings: Vec<(u64, u32)>,
    items: &[Item],
    max_df: usize,
    p: &LinkParams,
) -> (Vec<(u32, u32)>, ShingleSet) {
    postings.par_sort_unstable();
    let outlet = outlet_ids(items);
    let mut common = ShingleSet::default();
    let mut pairs: Vec<u64> = Vec::new();
    let mut docs: Vec<u32> = Vec::new();
    for run in postings.chunk_by(|x, y| x.0 == y.0) {
        docs.clear();
        docs.extend(run.iter().map(|&(_, d)| d));
        if posting_pairs(
            &docs,
            |d| outlet[d as usize],
            max_df,
            p.outlet_df,
            &mut pairs,
        ) {
            common.insert(run[0].0);
        }
    }
    drop(postings);
    pairs.par_sort_unstable();
    let mut out = Vec::new();
    for same in pairs.chunk_by(|x, y| x == y) {
        if same.len() as u32 >= p.min_shared {
            out.push(((same[0] >> 32) as u32, same[0] as u32));
        }
    }
    (out, common)
}

/// Items a feature may be in before it is common, in a run of `items`: in a large run a story
/// carried by many outlets is not boilerplate, so the limit grows with the run.
pub fn run_max_df(items: usize, p: &LinkParams) -> usize {
    p.max_df.max(items / 2000)
}

/// One feature's posting list `docs` (item indices, ascending): pushes the pair keys it
/// proposes onto `pairs` and says whether the feature is common (in more than `max_df` items,
/// or in `outlet_df` items of one outlet, `outlet` giving each item's outlet number). A common
/// feature pairs only neighbours in the list, so it cannot make every pair of its items a
/// candidate.
pub fn posting_pairs(
    docs: &[u32],
    outlet: impl Fn(u32) -> u32,
    max_df: usize,
    outlet_df: usize,
    pairs: &mut Vec<u64>,
) -> bool {
    let common = docs.len() > max_df || outlet_boilerplate(docs, outlet, outlet_df);
    if common {
        pairs.extend(docs.windows(2).map(|w| pair_key(w[0], w[1])));
    } else {
        for (x, &a) in docs.iter().enumerate() {
            pairs.extend(docs[x + 1..].iter().map(|&b| pair_key(a, b)));
        }
    }
    common
}

/// A number per outlet named by the items (an item without one gets its own).
fn outlet_ids(items: &[Item]) -> Vec<u32> {
    let mut ids: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    items
        .iter()
        .enumerate()
        .map(|(i, it)| match it.meta.outlet.as_deref() {
            Some(o) => {
                let n = ids.len() as u32;
                *ids.entry(o).or_insert(n)
            }
            None => u32::MAX - i as u32,
        })
        .collect()
}

/// Whether `min` or more of the items holding a shingle come from one outlet: its template
/// (footer, newsletter box, copyright line) rather than a story. Other outlets carrying the same
/// story do not make it a template.
fn outlet_boilerplate(docs: &[u32], outlet: impl Fn(u32) -> u32, min: usize) -> bool {
    if docs.len() < min {
        return false;
    }
    let mut o: Vec<u32> = docs.iter().map(|&d| outlet(d)).collect();
    o.sort_unstable();
    o.chunk_by(|a, b| a == b).any(|c| c.len() >= min)
}

pub fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a.min(b)) << 32) | u64::from(a.max(b))
}
