//! Candidate pairs verified group by group (the pairs that share their first item), in runs of
//! consecutive groups, so that an item is prepared (tokenised, its shingles hashed) once for
//! the pairs of a run that need it rather than once a pair.
//!
//! Preparing the two texts is nearly all of a pair's cost: aligning them is a walk over one
//! text's shingles. A common shingle pairs neighbours in its posting list, so in most runs many
//! candidates are an item and the next item to hold it, often the next group's first item (in
//! the synthetic 100k corpus two pairs in three are `(i, i + 1)`). Within a run, a pair's
//! second item that is a later group's first is prepared to be looked up in and kept until its
//! group comes; every other second item is prepared to be walked only, as before. The verdicts
//! are those of verifying each pair on its own, in the pairs' order.

use super::align::{self, Prepared};
use super::index::ShingleSet;
use super::{Found, LinkParams, verify};
use crate::dates::DateCheck;
use crate::item::Item;
use crate::progress::Progress;
use rayon::prelude::*;

/// Groups verified one after another on one worker: a kept preparation is shared only within
/// a run, so at most this many are held by a worker at once.
const RUN: usize = 128;

/// What `keep` makes of the verdict on each pair of `groups` (candidates sorted by their first
/// item, cut where it changes; indices into `items`), in their order, where it gives something
/// (the verified pairs alone are kept without holding a verdict for every pair); `progress`
/// advances by the pairs verified.
pub(crate) fn verify_groups<T: Send>(
    items: &[Item],
    groups: &[&[(u32, u32)]],
    common: &ShingleSet,
    p: &LinkParams,
    dates: &DateCheck,
    progress: &dyn Progress,
    keep: impl Fn(Option<Found>) -> Option<T> + Sync,
) -> Vec<T> {
    groups
        .par_chunks(RUN)
        .flat_map_iter(|run| {
            let out = verify_run(items, run, common, p, dates, &keep);
            progress.advance(run.iter().map(|g| g.len() as u64).sum());
            out
        })
        .collect()
}

/// What `keep` makes of the verdicts of one run of groups, in order.
fn verify_run<T>(
    items: &[Item],
    run: &[&[(u32, u32)]],
    common: &ShingleSet,
    p: &LinkParams,
    dates: &DateCheck,
    keep: impl Fn(Option<Found>) -> Option<T>,
) -> Vec<T> {
    let prepare = |i: u32| Prepared::new(&items[i as usize].text(), p.k, p.k_pieces);
    // Each group's first item, ascending: candidates are sorted by it.
    let firsts: Vec<u32> = run.iter().map(|g| g[0].0).collect();
    // Second items already prepared that are a later group's first item, ascending.
    let mut kept: Vec<(u32, Prepared)> = Vec::new();
    let mut out = Vec::new();
    for (n, group) in run.iter().enumerate() {
        let a = group[0].0;
        let pa = match kept.binary_search_by_key(&a, |k| k.0) {
            Ok(at) => kept.remove(at).1,
            Err(_) => prepare(a),
        };
        let later = &firsts[n + 1..];
        for &(_, b) in group.iter() {
            let walked;
            let pb = if later.binary_search(&b).is_ok() {
                let at = match kept.binary_search_by_key(&b, |k| k.0) {
                    Ok(at) => at,
                    Err(at) => {
                        kept.insert(at, (b, prepare(b)));
                        at
                    }
                };
                &kept[at].1
            } else {
                walked = Prepared::probe(&items[b as usize].text(), p.k, p.k_pieces);
                &walked
            };
            let (a, b) = (a as usize, b as usize);
            let shared = align::align(&pa, pb, common, p);
            out.extend(keep(verify(
                (&items[a], &items[b]),
                (a, b),
                (&pa, pb),
                shared,
                p,
                dates,
            )));
        }
    }
    out
}
