//! Rewritten stories: a story that follows another sentence by sentence in other words (verbs
//! swapped, words inserted every few words, clauses reordered, the lead rewritten, cut to a
//! brief) shares few verbatim passages with its source, but most of its sentences hold the
//! source's rare words, names and numbers. Four steps, one file each: `words` (an item's words
//! and sentences, with the spellings writers vary folded), `candidates` (pairs that share rare
//! words, a few per item), `sentences` (the sentences two texts share, and what changed), and
//! `grade` (whether a pair is derived, wholly or partly, which is the copy, and the evidence).
//!
//! It runs after the shingle linker and only on pairs that linker left apart: copied text is a
//! repost, whatever else was rewritten.

pub(crate) mod candidates;
pub(crate) mod grade;
pub(crate) mod sentences;
mod words;

use super::{Found, LinkParams};
use crate::dates::DateCheck;
use crate::item::Item;
use crate::progress::Progress;
#[cfg(feature = "store")]
pub use candidates::item_keys;
use rayon::prelude::*;
use sentences::Prepared;

/// Rewrite links among `items`, leaving out the pairs in `linked` (a < b, sorted).
pub fn find(
    items: &[Item],
    p: &LinkParams,
    linked: &[(usize, usize)],
    dates: &DateCheck,
    progress: &dyn Progress,
) -> Vec<Found> {
    // Which words are rare is learnt from the run: a handful of items cannot tell.
    if items.len() < p.rewrite_min_items {
        return Vec::new();
    }
    progress.stage("reading words", items.len() as u64);
    let (cands, weights) = candidates::candidates(items, p, progress);
    // Every item's word keys were made on every core: give their pages back (link/freed.rs).
    crate::link::freed::give_back_freed();
    progress.finish();
    verify_candidates(items, p, linked, dates, progress, cands, &weights)
}

/// [`find`] with each item's word keys ([`item_keys`]) computed before (a store keeps them).
#[cfg(feature = "store")]
pub fn find_with_keys(
    items: &[Item],
    keys: Vec<Vec<u64>>,
    p: &LinkParams,
    linked: &[(usize, usize)],
    dates: &DateCheck,
    progress: &dyn Progress,
) -> Vec<Found> {
    if items.len() < p.rewrite_min_items {
        return Vec::new();
    }
    let (cands, weights) = candidates::candidates_of_keys(items, keys, p);
    verify_candidates(items, p, linked, dates, progress, cands, &weights)
}

/// Aligns and grades the candidate pairs `cands` the linked pairs leave apart.
fn verify_candidates(
    items: &[Item],
    p: &LinkParams,
    linked: &[(usize, usize)],
    dates: &DateCheck,
    progress: &dyn Progress,
    mut cands: Vec<(u32, u32)>,
    weights: &candidates::Weights,
) -> Vec<Found> {
    cands.retain(|&(a, b)| linked.binary_search(&(a as usize, b as usize)).is_err());
    progress.stage("aligning sentences", cands.len() as u64);
    let groups: Vec<&[(u32, u32)]> = cands.chunk_by(|x, y| x.0 == y.0).collect();
    let found: Vec<Found> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let a = group[0].0 as usize;
            let pa = Prepared::new(&items[a].text(), weights, p.rewrite_content_weight);
            let out: Vec<Found> = group
                .iter()
                .filter_map(|&(_, b)| {
                    let b = b as usize;
                    let pb = Prepared::new(&items[b].text(), weights, p.rewrite_content_weight);
                    let aligned = sentences::align(&pa, &pb, p);
                    progress.advance(1);
                    grade::grade(items, (a, &pa), (b, &pb), &aligned, p, dates)
                })
                .collect();
            out.into_iter()
        })
        .collect();
    progress.finish();
    found
}

/// What each candidate pair shares sentence by sentence, before any rule decides (for
/// calibrating the rule: `examples/synth_reposts.rs rewrite-stats`): the pair, the words of each,
/// the aligned sentences, each side's share and the words of content shared.
#[doc(hidden)]
pub fn rewrite_stats(items: &[Item], p: &LinkParams) -> Vec<RewriteStats> {
    let (cands, weights) = candidates::candidates(items, p, &crate::progress::NoProgress);
    cands
        .par_iter()
        .map(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            let pa = Prepared::new(&items[a].text(), &weights, p.rewrite_content_weight);
            let pb = Prepared::new(&items[b].text(), &weights, p.rewrite_content_weight);
            let x = sentences::align(&pa, &pb, p);
            RewriteStats {
                a,
                b,
                words: [pa.words(), pb.words()],
                sentences: [pa.profile.sentences.len(), pb.profile.sentences.len()],
                aligned: x.pairs.len(),
                share: [x.share_a, x.share_b],
                shared: x.shared,
                order: x.order,
                pairs: x
                    .pairs
                    .iter()
                    .map(|y| {
                        let (sa, sb) = (
                            &pa.profile.sentences[y.a as usize],
                            &pb.profile.sentences[y.b as usize],
                        );
                        (
                            (sa.start, sa.end),
                            (sb.start, sb.end),
                            [y.in_a, y.in_b],
                            [y.shared, y.order],
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

/// One candidate pair of [`rewrite_stats`].
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct RewriteStats {
    pub a: usize,
    pub b: usize,
    pub words: [usize; 2],
    pub sentences: [usize; 2],
    pub aligned: usize,
    pub share: [f64; 2],
    pub shared: usize,
    pub order: usize,
    /// Each aligned pair.
    pub pairs: Vec<SentenceStats>,
}

/// One aligned sentence pair of [`RewriteStats`]: the sentence in a, in b (byte ranges), the
/// share of each one's weight in the other, words of content and word pairs in order shared.
#[doc(hidden)]
pub type SentenceStats = ((usize, usize), (usize, usize), [f32; 2], [u32; 2]);
