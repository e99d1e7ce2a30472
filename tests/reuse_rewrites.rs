//! Rewritten stories (crates/synth/src/rewritten.rs): newspaper stories rewritten from agency
//! stories the way news desks do it — words inserted every few words, synonyms, clauses
//! swapped, the lead rewritten, briefs — are linked to their source with a `rewrites` link and
//! its degree; stories of the same events written independently from the same facts, names,
//! numbers and quotes are not; and the same holds in Urdu script, where the newspaper spells
//! compound verbs, years and compounds as Urdu desks vary them.

use claimtrace::{Degree, Item, LinkKind, link_items};
use claimtrace_synth::rewritten::{Label, RewriteOptions, Rewritten, generate, score};
use std::collections::BTreeMap;

fn corpus(urdu: bool) -> Rewritten {
    generate(&RewriteOptions {
        events: 140,
        seed: 11,
        urdu,
        ..RewriteOptions::default()
    })
}

fn recall(by: &[(Label, usize, usize)], label: Label) -> f64 {
    let &(_, found, all) = by.iter().find(|x| x.0 == label).unwrap();
    found as f64 / all as f64
}

/// Links, checked, and the score; `floors` are the least recall per label.
fn check(r: &Rewritten, floors: &[(Label, f64)]) {
    let links = link_items(&r.items);
    let pred: Vec<(usize, usize, bool)> = links
        .iter()
        .map(|l| (l.copy, l.source, l.kind != LinkKind::SameText))
        .collect();
    let s = score(r, &pred);
    assert_eq!(s.cross_event, 0, "{s:?}");
    assert_eq!(recall(&s.by_label, Label::Not), 0.0, "{:?}", s.by_label);
    for &(label, floor) in floors {
        assert!(
            recall(&s.by_label, label) >= floor,
            "{label:?}: {:?}",
            s.by_label
        );
    }
    // A rewrite says how much of the copy is derived, and shows its sentences.
    let rewrites: Vec<_> = links
        .iter()
        .filter(|l| l.kind == LinkKind::Rewrites)
        .collect();
    assert!(
        rewrites.len() * 2 >= links.len(),
        "{} of {}",
        rewrites.len(),
        links.len()
    );
    for l in rewrites {
        let w = l.rewrite.as_ref().expect("a rewrite's detail");
        assert!(w.derived_share > 0.0 && w.derived_share <= 1.0);
        assert!(!w.sentences.is_empty());
        let (copy, source) = (&r.items[l.copy].text(), &r.items[l.source].text());
        for x in &w.sentences {
            assert!(x.aligned.copy.end <= copy.len() && x.aligned.source.end <= source.len());
            assert!(!x.changed.is_empty());
        }
        assert!(l.evidence.contains(" in other words: "), "{}", l.evidence);
        // Dates say which came first: the newspaper's date is the agency's or the next day's.
        let label = r
            .pairs
            .iter()
            .find(|p| p.newspaper == l.copy || p.source == l.copy);
        if r.items[l.copy].meta.published != r.items[l.source].meta.published {
            assert_eq!(label.map(|p| p.newspaper), Some(l.copy));
        }
    }
    eprintln!(
        "reuse_rewrites: {:?} P {:.3} R {:.3}",
        s.by_label, s.precision, s.recall
    );
}

#[test]
fn rewritten_stories_link_to_their_source_and_independent_ones_do_not() {
    let r = corpus(false);
    check(
        &r,
        &[
            (Label::Wholly, 0.95),
            (Label::Partly(60), 0.95),
            (Label::Partly(40), 0.85),
            (Label::Brief, 0.7),
            (Label::Partly(25), 0.35),
        ],
    );
}

#[test]
fn the_same_in_urdu_script_with_urdu_desks_spellings() {
    let r = corpus(true);
    assert!(r.items[1].text().contains('۔'));
    check(
        &r,
        &[
            (Label::Wholly, 0.95),
            (Label::Partly(60), 0.95),
            (Label::Partly(40), 0.85),
            (Label::Brief, 0.7),
            (Label::Partly(25), 0.2),
        ],
    );
}

#[test]
fn wholly_derived_stories_are_wholly_and_partly_ones_partly() {
    let r = corpus(false);
    let label: BTreeMap<(usize, usize), Label> = r
        .pairs
        .iter()
        .map(|p| ((p.newspaper, p.source), p.label))
        .collect();
    let mut right = 0;
    let mut all = 0;
    for l in link_items(&r.items) {
        let (Some(w), Some(&lab)) = (&l.rewrite, label.get(&(l.copy, l.source))) else {
            continue;
        };
        all += 1;
        right += usize::from(match lab {
            Label::Wholly | Label::Brief => w.degree == Degree::Wholly,
            Label::Partly(_) => w.degree == Degree::Partly,
            Label::Not => false,
        });
    }
    assert!(all >= 40 && right * 10 >= all * 8, "{right} of {all}");
}

#[test]
fn a_handful_of_items_is_too_few_to_tell_rare_words() {
    // Two stories alone: which words are rare cannot be learnt, so no rewrite is claimed.
    let r = corpus(false);
    let two: Vec<Item> = r.items[..2].to_vec();
    assert!(
        link_items(&two)
            .iter()
            .all(|l| l.kind != LinkKind::Rewrites)
    );
}
