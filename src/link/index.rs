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
    // In a large run a story carried by many outlets is not boilerplate: the limit grows with
    // the run.
    let max_df = p.max_df.max(items.len() / 2000);
    let mut postings: Vec<(u64, u32)> = items
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, item)| {
            let hs = features(&item.text, p);
            progress.advance(1);
            hs.into_iter().map(move |h| (h, i as u32))
        })
        .collect();
    postings.par_sort_unstable();

    let outlet = outlet_ids(items);
    let mut common = ShingleSet::default();
    let mut pairs: Vec<u64> = Vec::new();
    let mut start = 0;
    while start < postings.len() {
        let h = postings[start].0;
        let mut end = start + 1;
        while end < postings.len() && postings[end].0 == h {
            end += 1;
        }
        let docs = &postings[start..end];
        if docs.len() > max_df || outlet_boilerplate(docs, &outlet, p.outlet_df) {
            common.insert(h);
            pairs.extend(docs.windows(2).map(|w| pair_key(w[0].1, w[1].1)));
        } else {
            for (x, &(_, a)) in docs.iter().enumerate() {
                pairs.extend(docs[x + 1..].iter().map(|&(_, b)| pair_key(a, b)));
            }
        }
        start = end;
    }
    drop(postings);
    pairs.par_sort_unstable();

    let mut out = Vec::new();
    let mut start = 0;
    while start < pairs.len() {
        let mut end = start + 1;
        while end < pairs.len() && pairs[end] == pairs[start] {
            end += 1;
        }
        if (end - start) as u32 >= p.min_shared {
            out.push(((pairs[start] >> 32) as u32, pairs[start] as u32));
        }
        start = end;
    }
    (out, common)
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
fn outlet_boilerplate(docs: &[(u64, u32)], outlet: &[u32], min: usize) -> bool {
    if docs.len() < min {
        return false;
    }
    let mut o: Vec<u32> = docs.iter().map(|&(_, d)| outlet[d as usize]).collect();
    o.sort_unstable();
    o.chunk_by(|a, b| a == b).any(|c| c.len() >= min)
}

fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a.min(b)) << 32) | u64::from(a.max(b))
}
