//! The per-item and per-pair steps a distributed job runs (`item_features`, `verify_pair`) give
//! what the whole-run linker gives.

use claimtrace::{LinkParams, candidate_pairs, item_features, link_items, verify_pair};
use claimtrace_synth::reposts::{SynthOptions, generate};

#[test]
fn verify_pair_finds_every_link_the_run_finds() {
    let s = generate(&SynthOptions {
        items: 150,
        seed: 3,
        ..SynthOptions::default()
    });
    let p = LinkParams::default();
    let links = link_items(&s.items);
    assert!(links.len() > 10, "{} links", links.len());
    let (pairs, common) = candidate_pairs(&s.items, &p);
    assert!(!common.is_empty(), "the synthetic corpus has boilerplate");
    for l in &links {
        let (a, b) = (l.copy.min(l.source), l.copy.max(l.source));
        // The pair shares features: the index made it a candidate.
        let (fa, fb) = (
            item_features(&s.items[a], &p),
            item_features(&s.items[b], &p),
        );
        let shared = fa.iter().filter(|h| fb.binary_search(h).is_ok()).count();
        assert!(shared as u32 >= p.min_shared, "{a}-{b}: {shared} shared");
        assert!(pairs.binary_search(&(a, b)).is_ok());
        let found = verify_pair(&s.items[a], &s.items[b], &common, &p).expect("linked");
        let index = |i: usize| if i == 0 { a } else { b };
        assert_eq!(
            (found.kind, index(found.copy), index(found.source)),
            (l.kind, l.copy, l.source)
        );
        assert_eq!(found.confidence, l.confidence);
        assert_eq!(found.evidence, l.evidence);
        assert_eq!(found.aligned, l.aligned);
    }
}
