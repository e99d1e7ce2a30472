//! The reuse stage's whole-run steps after verification, cut so that a job can run them apart:
//! rewritten stories among the pairs verification left apart ([`rewrite_links`]); the
//! connected groups of links ([`link_groups`]); and each group's nearest sources
//! ([`nearest_sources`]), which looks at the links of one group alone (a triangle's three
//! links are in one group), so that groups can be decided on many machines. [`finish_links`]
//! (super) is the three on one machine.

use super::{Found, ItemLink, LinkParams, nearest, rewrite};
use crate::dates::DateCheck;
use crate::item::Item;
use crate::progress::Progress;
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
