//! Repost linking on the synthetic corpus (crates/synth/src/reposts.rs): planted copies with banners,
//! credit lines, truncation, dropped paragraphs, edits, quotes and chains, exact gold.

use claimtrace::{LinkKind, link_items};
use claimtrace_synth::reposts::{SynthOptions, generate, score};
use std::collections::HashSet;

#[test]
fn planted_copies_are_found_with_their_sources() {
    let s = generate(&SynthOptions {
        items: 600,
        seed: 7,
        ..SynthOptions::default()
    });
    let links = link_items(&s.items);
    let pred: Vec<(usize, usize)> = links.iter().map(|l| (l.copy, l.source)).collect();
    let (p, r, _) = score(&pred, &s.gold);
    assert!(p >= 0.9 && r >= 0.9, "precision {p:.3} recall {r:.3}");
    let gold: HashSet<(usize, usize)> = s.gold.iter().copied().collect();
    let right = links
        .iter()
        .filter(|l| l.kind == LinkKind::Reposts && gold.contains(&(l.copy, l.source)))
        .count();
    assert!(
        right as f64 >= 0.85 * s.gold.len() as f64,
        "{right} directed right"
    );
    for l in &links {
        for a in &l.aligned {
            let (src, copy) = (&s.items[l.source].text(), &s.items[l.copy].text());
            assert!(a.source.end <= src.len() && a.copy.end <= copy.len());
            assert!(src.is_char_boundary(a.source.start) && copy.is_char_boundary(a.copy.start));
        }
    }
}

#[test]
fn generator_is_deterministic() {
    let o = SynthOptions {
        items: 50,
        seed: 3,
        ..SynthOptions::default()
    };
    let (a, b) = (generate(&o), generate(&o));
    assert_eq!(a.gold, b.gold);
    assert!(
        a.items
            .iter()
            .zip(&b.items)
            .all(|(x, y)| x.text() == y.text())
    );
    assert_eq!(a.gold.len(), 15);
}
