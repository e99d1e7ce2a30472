//! The nearest source: of three items that all share text, a link is dropped when the other two
//! links explain it. A copy of a copy shares text with the original too, and two copies of one
//! source share text with each other; the graph should show copy → copy → original and
//! copy → source ← copy, not a triangle.
//!
//! A link (x, y) is explained by a third item z linked to both when
//! - both other links are clearly closer (more shared text) than (x, y); or
//! - x → z → y are reposts and x → y the shortcut, the other two at least as close; or
//! - (x, y) is same-text and x → z, y → z are reposts of one source, at least as close.
//!
//! Every decision looks at the links as found, so the result does not depend on their order.

use super::{Found, LinkKind};
use std::collections::HashMap;

/// How much closer (in shared fraction) the other two links must be to explain one.
const MARGIN: f64 = 0.02;

/// Which of `found` to keep.
pub fn prune(found: &[Found]) -> Vec<bool> {
    let mut by_pair: HashMap<(usize, usize), usize> = HashMap::with_capacity(found.len());
    let mut adj: HashMap<usize, Vec<usize>> = HashMap::new();
    for (n, f) in found.iter().enumerate() {
        by_pair.insert(key(f.a, f.b), n);
        adj.entry(f.a).or_default().push(f.b);
        adj.entry(f.b).or_default().push(f.a);
    }
    let reposts = |from: usize, to: usize| -> Option<&Found> {
        let f = &found[*by_pair.get(&key(from, to))?];
        (f.link.kind == LinkKind::Reposts && f.link.copy == from && f.link.source == to)
            .then_some(f)
    };
    found
        .iter()
        .map(|f| {
            let (x, y, s) = (f.a, f.b, f.sim);
            let (nx, ny) = (&adj[&x], &adj[&y]);
            let (small, other) = if nx.len() <= ny.len() {
                (nx, y)
            } else {
                (ny, x)
            };
            !small.iter().any(|&z| {
                if z == other {
                    return false;
                }
                let (Some(&ixz), Some(&iyz)) = (by_pair.get(&key(x, z)), by_pair.get(&key(y, z)))
                else {
                    return false;
                };
                let (sxz, syz) = (found[ixz].sim, found[iyz].sim);
                if sxz > s + MARGIN && syz > s + MARGIN {
                    return true;
                }
                let close = sxz >= s - MARGIN && syz >= s - MARGIN;
                if !close {
                    return false;
                }
                let l = &f.link;
                match l.kind {
                    LinkKind::Reposts => {
                        let (c, src) = (l.copy, l.source);
                        reposts(c, z).is_some() && reposts(z, src).is_some()
                    }
                    LinkKind::SameText => reposts(x, z).is_some() && reposts(y, z).is_some(),
                }
            })
        })
        .collect()
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
            link: ItemLink {
                kind,
                copy,
                source: if copy == a { b } else { a },
                confidence: 1.0,
                evidence: String::new(),
                aligned: vec![],
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
