//! The nearest source: a copy of a copy shares text with the original too, and two copies of one
//! source share text with each other; the graph should show copy → copy → original and
//! copy → source ← copy, not triangles.
//!
//! - A copy x with two candidate sources y and z that share text with each other keeps the one
//!   that explains more of x exactly (matched shingles: inherited edits and cuts tell); on a tie,
//!   the nearer one (z when z reposts y).
//! - A same-text link (x, y) goes when a third item linked to both by reposts explains it: both
//!   copy it, it copies both, or one copies through it; or when a third item z explains more of
//!   each of them than they explain of each other (two copies of z, whatever the direction
//!   evidence says).
//! - Any link goes when both other links of a triangle are clearly closer; a repost or rewrite
//!   only when they are reposts or rewrites too (a path of copies, not a sibling copy).
//!
//! Every decision looks at the links as found, so the result does not depend on their order.

use super::{Found, LinkKind};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// How much better (in share of words) another explanation must be to win.
const MARGIN: f64 = 0.02;

/// Which of `found` to keep.
pub fn prune(found: &[Found]) -> Vec<bool> {
    let mut by_pair: HashMap<(usize, usize), usize> =
        HashMap::with_capacity_and_hasher(found.len(), Default::default());
    let mut adj: HashMap<usize, Vec<usize>> = HashMap::default();
    for (n, f) in found.iter().enumerate() {
        by_pair.insert(key(f.a, f.b), n);
        adj.entry(f.a).or_default().push(f.b);
        adj.entry(f.b).or_default().push(f.a);
    }
    let link = |x: usize, y: usize| by_pair.get(&key(x, y)).map(|&n| &found[n]);
    // A repost or a rewrite: `from` is derived from `to`.
    let reposts = |from: usize, to: usize| {
        link(from, to).is_some_and(|f| {
            matches!(f.link.kind, LinkKind::Reposts | LinkKind::Rewrites)
                && f.link.copy == from
                && f.link.source == to
        })
    };
    // How much of x the link between x and y explains.
    let explains = |x: usize, y: usize| {
        link(x, y).map_or(0.0, |f| {
            if f.a == x {
                f.explains[0]
            } else {
                f.explains[1]
            }
        })
    };
    // x and y are two copies of z: z explains more of each than either explains of the other.
    let siblings = |x: usize, y: usize, z: usize| {
        explains(x, z) > explains(x, y) + MARGIN && explains(y, z) > explains(y, x) + MARGIN
    };
    // Each link's fate is decided on the links as found, on its own: on every core. Its third
    // items are the ends' common neighbours, looked for among the fewer neighbours of the two
    // (the answer is the same from either end; a large group of copies is where it tells).
    let mut keep: Vec<bool> = found
        .par_iter()
        .map(|f| {
            let (x, y, s) = (f.a, f.b, f.sim);
            let (near, far) = if adj[&x].len() <= adj[&y].len() {
                (x, y)
            } else {
                (y, x)
            };
            let zs = adj[&near]
                .iter()
                .filter(|&&z| z != far && link(far, z).is_some());
            !zs.into_iter().any(|&z| {
                let (Some(xz), Some(yz)) = (link(x, z), link(y, z)) else {
                    return false;
                };
                // A copy's link to its source goes only for a path of copies, not for a sibling
                // that shares text with it: two copies of one source share more with each
                // other than either does with the longer text they came from.
                let directed = |l: &Found| l.link.kind != LinkKind::SameText;
                if xz.sim > s + MARGIN
                    && yz.sim > s + MARGIN
                    && (!directed(f) || (directed(xz) && directed(yz)))
                    && !siblings(x, z, y)
                    && !siblings(y, z, x)
                {
                    return true;
                }
                // Two copies of z that share text because both copied it.
                if f.link.kind == LinkKind::SameText && siblings(x, y, z) {
                    return true;
                }
                match f.link.kind {
                    LinkKind::Reposts | LinkKind::Rewrites => {
                        let (c, src) = (f.link.copy, f.link.source);
                        let other = z;
                        // c has two candidate sources, src and `other`, linked to each other.
                        if !reposts(c, other) {
                            return false;
                        }
                        let (e_src, e_other) = (explains(c, src), explains(c, other));
                        e_other > e_src + MARGIN
                            || (e_other >= e_src - MARGIN && reposts(other, src))
                    }
                    LinkKind::SameText => {
                        let ends = [(x, z), (y, z)];
                        ends.iter().all(|&(u, v)| reposts(u, v) || reposts(v, u))
                            && xz.sim >= s - MARGIN
                            && yz.sim >= s - MARGIN
                    }
                }
            })
        })
        .collect();
    reconnect(found, &mut keep);
    keep
}

/// Decisions made triangle by triangle can, together, cut items apart that share text; a dropped
/// link whose ends are no longer connected comes back, the closest first.
fn reconnect(found: &[Found], keep: &mut [bool]) {
    let mut parent: HashMap<usize, usize> = HashMap::default();
    fn root(p: &mut HashMap<usize, usize>, x: usize) -> usize {
        let mut r = x;
        while let Some(&q) = p.get(&r).filter(|&&q| q != r) {
            r = q;
        }
        p.insert(x, r);
        r
    }
    for (f, _) in found.iter().zip(keep.iter()).filter(|(_, k)| **k) {
        let (a, b) = (root(&mut parent, f.a), root(&mut parent, f.b));
        parent.insert(a, b);
    }
    let mut dropped: Vec<usize> = (0..found.len()).filter(|&n| !keep[n]).collect();
    dropped.sort_by(|&m, &n| found[n].sim.total_cmp(&found[m].sim).then(m.cmp(&n)));
    for n in dropped {
        let (a, b) = (root(&mut parent, found[n].a), root(&mut parent, found[n].b));
        if a != b {
            parent.insert(a, b);
            keep[n] = true;
        }
    }
}

fn key(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::ItemLink;

    fn f(a: usize, b: usize, sim: f64, kind: LinkKind, copy: usize) -> Found {
        Found {
            a,
            b,
            sim,
            explains: [sim, sim],
            link: ItemLink {
                kind,
                copy,
                source: if copy == a { b } else { a },
                confidence: 1.0,
                evidence: String::new(),
                aligned: vec![],
                rewrite: None,
            },
        }
    }

    #[test]
    fn chain_drops_the_shortcut() {
        // 2 copies 1, which copies 0: identical texts, dates say the order.
        let v = [
            f(0, 1, 1.0, LinkKind::Reposts, 1),
            f(1, 2, 1.0, LinkKind::Reposts, 2),
            f(0, 2, 1.0, LinkKind::Reposts, 2),
        ];
        assert_eq!(prune(&v), vec![true, true, false]);
    }

    #[test]
    fn the_shortcut_goes_whichever_end_has_more_neighbours() {
        // 2 copies 1, which copies 0; 0 also has sources of its own (10..20) that share
        // nothing with 1 or 2. Looking for third items from 2's side (fewer neighbours) must
        // find 1 all the same.
        let mut v = vec![
            f(0, 1, 1.0, LinkKind::Reposts, 1),
            f(1, 2, 1.0, LinkKind::Reposts, 2),
            f(0, 2, 1.0, LinkKind::Reposts, 2),
        ];
        v.extend((10..20).map(|s| f(0, s, 0.5, LinkKind::Reposts, 0)));
        let keep = prune(&v);
        assert_eq!(keep[..3], [true, true, false]);
        assert!(keep[3..].iter().all(|&k| k));
    }

    #[test]
    fn siblings_are_explained_by_their_source() {
        let v = [
            f(0, 1, 0.9, LinkKind::Reposts, 1),
            f(0, 2, 0.9, LinkKind::Reposts, 2),
            f(1, 2, 0.8, LinkKind::SameText, 1),
        ];
        assert_eq!(prune(&v), vec![true, true, false]);
    }

    #[test]
    fn three_identical_wire_copies_stay_a_triangle() {
        let v = [
            f(0, 1, 1.0, LinkKind::SameText, 0),
            f(0, 2, 1.0, LinkKind::SameText, 0),
            f(1, 2, 1.0, LinkKind::SameText, 1),
        ];
        assert_eq!(prune(&v), vec![true, true, true]);
    }
}
