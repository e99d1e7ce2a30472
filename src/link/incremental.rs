//! The reuse stage in pieces a store can keep between runs: each item's features (its sampled
//! shingles and its word keys, which only its own text decides), the candidate pairs and common
//! shingles of a run computed from those features without reading texts again, the verdict of
//! chosen pairs only, and the whole-run steps after verification. Each piece gives what the
//! whole-run linker ([`verified_candidates`](super::verified_candidates), [`finish_links`](super::finish_links))
//! gives for the same items: a store that feeds it features and verdicts kept from earlier runs
//! builds the graph one run would.

use super::index::{self, ShingleSet};
use super::{Found, ItemLink, LinkParams, rewrite};
use crate::dates::DateCheck;
use crate::item::Item;
use crate::progress::{NoProgress, Progress};

/// One item's word keys, as the rewrite candidates count them (sorted, each once).
pub(crate) fn word_keys(item: &Item) -> Vec<u64> {
    rewrite::item_keys(&item.text())
}

/// One item's indexed shingles (sorted, each once): [`item_features`](super::item_features).
pub(crate) fn shingle_features(item: &Item, p: &LinkParams) -> Vec<u64> {
    index::features(&item.text(), p)
}

/// The candidate pairs (a < b, sorted) and common shingles of a run, as the index finds them
/// from the texts, from each item's [`shingle_features`] (`features[i]` of `items[i]`).
pub(crate) fn candidates_of_features(
    items: &[Item],
    features: &[Vec<u64>],
    p: &LinkParams,
) -> (Vec<(u32, u32)>, ShingleSet) {
    let max_df = index::run_max_df(items.len(), p);
    let postings: Vec<(u64, u32)> = features
        .iter()
        .enumerate()
        .flat_map(|(i, hs)| hs.iter().map(move |&h| (h, i as u32)))
        .collect();
    // Folded copies (fold.rs) propose no pairs, as in the whole-run linker; their links come
    // in `finish_links_with_keys`.
    let fold = super::fold::Fold::of(items, p);
    let left_out = (!fold.is_empty()).then(|| fold.left_out(items.len()));
    index::pairs_of_postings(postings, items, left_out.as_deref(), max_df, p)
}

/// The verdict on each of `pairs` (indices into `items`, a < b) as the whole-run linker gives
/// it, `common` the run's common shingles; in the order of `pairs`.
pub(crate) fn verify_pairs(
    items: &[Item],
    pairs: &[(u32, u32)],
    common: &ShingleSet,
    p: &LinkParams,
) -> Vec<Option<Found>> {
    let dates = DateCheck::of(items);
    let groups: Vec<&[(u32, u32)]> = pairs.chunk_by(|x, y| x.0 == y.0).collect();
    super::groups::verify_groups(items, &groups, common, p, &dates, &NoProgress, Some)
}

/// [`finish_links`](super::finish_links) with each item's [`word_keys`] computed before,
/// `verified` the verdicts on the pairs of [`candidates_of_features`]: the links of folded
/// copies (`fold.rs`) are added here, as the whole-run linker adds them.
pub(crate) fn finish_links_with_keys(
    items: &[Item],
    mut verified: Vec<Found>,
    keys: Vec<Vec<u64>>,
    p: &LinkParams,
    progress: &dyn Progress,
) -> Vec<ItemLink> {
    verified.extend(super::folded_members_of_run(items, p));
    let mut linked: Vec<(usize, usize)> = verified
        .iter()
        .map(|f| (f.a.min(f.b), f.a.max(f.b)))
        .collect();
    linked.sort_unstable();
    let dates = DateCheck::of(items);
    let mut rewrites = rewrite::find_with_keys(items, keys, p, &linked, &dates, progress);
    super::no_rewrites_inside_classes(items, &mut rewrites, p);
    super::steps::nearest_sources(verified, rewrites)
}

/// The run's common shingles, as [`candidates_of_features`] gives them.
pub(crate) type Common = ShingleSet;
