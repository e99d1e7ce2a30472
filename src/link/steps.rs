//! The reuse stage's whole-run steps after verification, cut so that a job can run them apart:
//! rewritten stories among the pairs verification left apart ([`rewrite_links`]); the
//! connected groups of links ([`link_groups`]); and each group's nearest sources
//! ([`nearest_sources`]), which looks at the links of one group alone (a triangle's three
//! links are in one group), so that groups can be decided on many machines. [`finish_links`]
//! (super) is the three on one machine.
//!
//! The rewrite step cut further, for a job that never holds the run in one place (each
//! function the whole-run step's own rule, on what one item or pair needs):
//! [`rewrite_keys`] (an item's words, whose items a job counts over the run: their document
//! frequencies), [`rewrite_lookup`] (an item's rare words, given those counts),
//! [`rewrite_candidates`] (the candidates one item proposes, given the items posting each of
//! its lookup words) and [`rewrite_pair`] (one candidate aligned and graded).
//!
//! Quotation variants cut likewise: [`quote_wordings`] (an item's quotations, a row per
//! wording), merged by key ([`QuoteWording::merge`]), [`quote_variants`] (the run's distinct
//! wordings compared) and [`mark_variants`] (an item's quotations marked).

// Quotation variants a key at a time: each item's wordings, merged by key, then compared.
pub use super::variants::{QuoteWording, mark_variants, quote_variants, quote_wordings};

use super::rewrite::candidates::{self, LOOKUP_KEYS, POSTED_KEYS, Weights};
use super::rewrite::{grade, sentences};
use super::{Found, ItemLink, LinkParams, nearest, rewrite};
use crate::dates::DateCheck;
use crate::item::Item;
use crate::progress::Progress;
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The rewrite links of a run: stories rewritten from another among `items` (the run's
/// prepared items; which words are rare is learnt from all of them), leaving out the pairs
/// `verified` (any order, either way round), which verification linked already.
pub fn rewrite_links(
    items: &[Item],
    verified: &[(usize, usize)],
    p: &LinkParams,
    progress: &dyn Progress,
) -> Vec<Found> {
    let mut linked: Vec<(usize, usize)> = verified.iter().map(|&(a, b)| key(a, b)).collect();
    linked.sort_unstable();
    linked.dedup();
    rewrite::find(items, p, &linked, &DateCheck::of(items), progress)
}

/// The group of each pair of `pairs` (the verified and rewrite links' items): the smallest item
/// of the pair's connected component of links. The links of one group are what
/// [`nearest_sources`] needs together.
pub fn link_groups(pairs: &[(usize, usize)]) -> Vec<usize> {
    let mut parent: HashMap<usize, usize> = HashMap::new();
    fn root(parent: &mut HashMap<usize, usize>, x: usize) -> usize {
        let mut r = x;
        while let Some(&q) = parent.get(&r).filter(|&&q| q != r) {
            r = q;
        }
        // Path compression: the next lookup is one step.
        let mut y = x;
        while y != r {
            let next = parent[&y];
            parent.insert(y, r);
            y = next;
        }
        r
    }
    for &(a, b) in pairs {
        parent.entry(a).or_insert(a);
        parent.entry(b).or_insert(b);
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        // The smaller item is the root, so that a group's name is its smallest item.
        if ra != rb {
            parent.insert(ra.max(rb), ra.min(rb));
        }
    }
    pairs.iter().map(|&(a, _)| root(&mut parent, a)).collect()
}

/// The links kept of the verified pairs and rewrite links of whole groups ([`link_groups`]; of
/// one group, several or the whole run), each in any order: of every triangle, the links a copy
/// was made from rather than every ancestor or sibling. Sorted by copy and source.
pub fn nearest_sources(mut verified: Vec<Found>, mut rewrites: Vec<Found>) -> Vec<ItemLink> {
    // In the order the whole-run linker finds them (the order breaks ties between links
    // equally alike), whatever order a job collected them in.
    verified.sort_by_key(|f| (f.a, f.b));
    rewrites.sort_by_key(|f| (f.a, f.b));
    let mut found = verified;
    found.append(&mut rewrites);
    let keep = nearest::prune(&found);
    let mut links: Vec<ItemLink> = found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f.link))
        .collect();
    links.sort_by_key(|l| (l.copy, l.source));
    links
}

/// What the rewrite step reads of one item ([`rewrite_keys`]): its day of publication (days
/// from the common era), for the window of dates, and its word keys (sorted, each once), for
/// each of which a job counts the items of the run that hold it (its document frequency), for
/// [`rewrite_lookup`] and [`rewrite_pair`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewriteKeys {
    /// The day of publication, if known.
    pub day: Option<i32>,
    /// The word keys.
    pub keys: Vec<u64>,
}

/// The [`RewriteKeys`] of `item`.
pub fn rewrite_keys(item: &Item) -> RewriteKeys {
    RewriteKeys {
        day: item.meta.published.map(|d| d.num_days_from_ce()),
        keys: rewrite::candidates::item_keys(&item.text()),
    }
}

/// An item's rare words, as the rewrite step looks items up by them: of `keys` (its
/// [`RewriteKeys`], each with its document frequency over a run of `run_items` items, in any
/// order; keys held by no other item may be left out), the ones other items find it by, rarest
/// first, of which the first `lookup` are the ones it looks others up by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewriteLookup {
    /// The item's day of publication (days from the common era), for the window of dates.
    pub day: Option<i32>,
    /// Its keys others find it by, with their document frequencies, rarest first.
    pub posted: Vec<(u64, u32)>,
    /// How many of `posted`, from the first, it looks others up by.
    pub lookup: usize,
}

/// The [`RewriteLookup`] of an item published on `day` ([`RewriteKeys`]) given its keys'
/// document frequencies (see there).
pub fn rewrite_lookup(
    day: Option<i32>,
    keys: &[(u64, u32)],
    run_items: usize,
    p: &LinkParams,
) -> RewriteLookup {
    let max_df = candidates::max_df(run_items, p);
    let mut posted: Vec<(u64, u32)> = keys
        .iter()
        .copied()
        .filter(|&(_, df)| (2..=max_df).contains(&df))
        .collect();
    posted.sort_unstable_by_key(|&(x, df)| (df, x));
    posted.dedup();
    posted.truncate(POSTED_KEYS);
    let lookup = posted.len().min(LOOKUP_KEYS);
    RewriteLookup {
        day,
        posted,
        lookup,
    }
}

/// The items that post one rewrite key: each item's index and day of publication, ascending.
pub type RewritePosting = Vec<(usize, Option<i32>)>;

/// The rewrite candidates item `a` (day of publication `day`) proposes, as `(a.min(b),
/// a.max(b))` pairs: `lookups` are its lookup keys in [`RewriteLookup`]'s order, each as its
/// document frequency and the items that post it (index and day, ascending by index; `a`
/// among them). The run has `run_items` items; a run too small to tell rare words proposes
/// none. Pairs proposed by both of their items are one candidate (a job keeps each once).
pub fn rewrite_candidates(
    a: usize,
    day: Option<i32>,
    lookups: &[(u32, RewritePosting)],
    run_items: usize,
    p: &LinkParams,
) -> Vec<(usize, usize)> {
    if run_items < p.rewrite_min_items {
        return Vec::new();
    }
    let items = run_items.max(1) as f32;
    // Each sum in the whole-run step's order (f32 sums depend on it).
    let weight = |df: u32| candidates::weight(items, df);
    let near = |other: Option<i32>| match (day, other) {
        (Some(x), Some(y)) => i64::from((x - y).abs()) <= p.rewrite_days,
        _ => true,
    };
    let mut acc: HashMap<usize, (f32, u16)> = HashMap::new();
    let mut mass = 0f32;
    for (df, posting) in lookups {
        let w = weight(*df);
        mass += w;
        for &(b, day_b) in posting {
            if b == a || !near(day_b) {
                continue;
            }
            let e = acc.entry(b).or_default();
            e.0 += w;
            e.1 += 1;
        }
    }
    let mut pairs: Vec<(usize, usize)> = candidates::best_of(acc.into_iter(), mass, p)
        .into_iter()
        .map(|b| key(a, b))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// One rewrite candidate aligned sentence by sentence and graded, as [`rewrite_links`] does:
/// items `a` and `b` at indices `at` (`at.0 < at.1`) of a run of `run_items` items; `df` the
/// document frequencies of the two items' [`rewrite_keys`] (a key left out weighs as a key of
/// one item). None when the pair is not a rewrite. A job leaves out the pairs verification
/// linked, as [`rewrite_links`] does.
pub fn rewrite_pair(
    (a, b): (&Item, &Item),
    at: (usize, usize),
    df: &[(u64, u32)],
    run_items: usize,
    p: &LinkParams,
) -> Option<Found> {
    let weights = Weights {
        df: df.iter().copied().collect(),
        items: run_items.max(1) as f32,
    };
    let pa = sentences::Prepared::new(&a.text(), &weights, p.rewrite_content_weight);
    let pb = sentences::Prepared::new(&b.text(), &weights, p.rewrite_content_weight);
    let aligned = sentences::align(&pa, &pb, p);
    // grade reads its two items from a run's slice: these two, as indices 0 and 1.
    let two = [a.clone(), b.clone()];
    let dates = DateCheck::of(&[]);
    let mut found = grade::grade(&two, (0, &pa), (1, &pb), &aligned, p, &dates)?;
    let at_of = |i: usize| if i == 0 { at.0 } else { at.1 };
    found.a = at.0;
    found.b = at.1;
    found.link.copy = at_of(found.link.copy);
    found.link.source = at_of(found.link.source);
    Some(found)
}

fn key(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_named_by_its_smallest_item() {
        let pairs = [(5, 9), (2, 7), (9, 3), (7, 8), (11, 12), (3, 4)];
        assert_eq!(link_groups(&pairs), [3, 2, 3, 2, 11, 3]);
    }
}
