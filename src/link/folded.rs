//! The verified pairs of folded classes (`fold.rs`): each member against its representative's
//! candidates, and the links of each class's tree. A member whose text is its representative's
//! takes the alignment made once for that text; a near-identical member (a line of its own
//! above or below the class's core) is aligned with the other item of its pair as any
//! candidate pair is, so every verdict is the one its pair gets pair by pair. Each text is
//! prepared once for all of its class's pairs.

use super::align::{self, Prepared, Shared};
use super::fold::{self, Fold};
use super::index::ShingleSet;
use super::{Found, LinkParams, verify};
use crate::dates::DateCheck;
use crate::item::Item;
use rayon::prelude::*;
use std::cell::OnceCell;

/// The verified pairs a folded run adds to its candidates': each member of a folded class
/// against each candidate of its representative (`cands`, the candidates among the items not
/// left out), and the links inside each class.
pub(super) fn members(
    items: &[Item],
    fold: &Fold,
    cands: &[(u32, u32)],
    common: &ShingleSet,
    p: &LinkParams,
    dates: &DateCheck,
) -> Vec<Found> {
    if fold.is_empty() {
        return Vec::new();
    }
    // Each class's representative's candidates: the other item of every pair it is in.
    let mut partners: Vec<Vec<usize>> = vec![Vec::new(); fold.classes().len()];
    for &(a, b) in cands {
        let (a, b) = (a as usize, b as usize);
        if let Some(n) = fold.represented(a) {
            partners[n].push(b);
        }
        if let Some(n) = fold.represented(b) {
            partners[n].push(a);
        }
    }
    fold.classes()
        .par_iter()
        .zip(partners)
        .flat_map_iter(|(class, partners)| link_class(items, class, &partners, common, p, dates))
        .collect()
}

/// The verified pairs of one folded class (its items ascending, the first its representative):
/// each member other than the representative against each of `partners` (the representative's
/// candidates), then the pairs of the class's tree (`fold::tree_pairs`).
///
/// Every text is prepared once: an item of a pair is looked up in or walked, and a preparation
/// to look up in walks the same. A member whose text is the representative's takes the
/// representative's alignment with the same item (made once each way round, as needed).
fn link_class(
    items: &[Item],
    class: &[u32],
    partners: &[usize],
    common: &ShingleSet,
    p: &LinkParams,
    dates: &DateCheck,
) -> Vec<Found> {
    let prepare = |text: &str| Prepared::new(text, p.k, p.k_pieces);
    let rep = class[0] as usize;
    let rep_text = items[rep].text();
    let of_rep = prepare(&rep_text);
    // Each member's own preparation, where its text is not the representative's.
    let own: Vec<Option<Prepared>> = class
        .iter()
        .map(|&i| {
            let text = items[i as usize].text();
            (text != rep_text).then(|| prepare(&text))
        })
        .collect();
    let prepared = |n: usize| own[n].as_ref().unwrap_or(&of_rep);
    let check = |(x, y): (usize, usize), (px, py): (&Prepared, &Prepared), shared: Shared| {
        verify((&items[x], &items[y]), (x, y), (px, py), shared, p, dates)
    };
    let mut found = Vec::new();
    for &other in partners {
        let of_other = prepare(&items[other].text());
        // The representative's text with `other`'s, each way round.
        let (before, after) = (OnceCell::new(), OnceCell::new());
        for (n, &x) in class.iter().enumerate().skip(1) {
            let x = x as usize;
            let px = prepared(n);
            found.extend(if x < other {
                let shared = match own[n] {
                    None => before
                        .get_or_init(|| align::align(px, &of_other, common, p))
                        .clone(),
                    Some(_) => align::align(px, &of_other, common, p),
                };
                check((x, other), (px, &of_other), shared)
            } else {
                let shared = match own[n] {
                    None => after
                        .get_or_init(|| align::align(&of_other, px, common, p))
                        .clone(),
                    Some(_) => align::align(&of_other, px, common, p),
                };
                check((other, x), (&of_other, px), shared)
            });
        }
    }
    let with_itself = OnceCell::new();
    for (x, y) in fold::tree_pairs(items, class, dates) {
        let at = |i: u32| class.binary_search(&i).unwrap_or_default();
        let (nx, ny) = (at(x), at(y));
        let (px, py) = (prepared(nx), prepared(ny));
        let shared = match (&own[nx], &own[ny]) {
            (None, None) => with_itself
                .get_or_init(|| align::align(px, py, common, p))
                .clone(),
            _ => align::align(px, py, common, p),
        };
        found.extend(check((x as usize, y as usize), (px, py), shared));
    }
    found
}
