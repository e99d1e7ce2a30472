//! Whether a candidate pair is a rewrite, which of the two is the copy, how much of it is
//! derived, and the evidence in words.
//!
//! A pair is derived when at least `rewrite_min_sentences` sentences align (two, when they make
//! half of one story: a brief), sharing at least `rewrite_min_shared` words of content, and they
//! make at least `rewrite_min_share` of one story's words; two items of one outlet only when
//! one updates the other within days (as for partly derived reposts). The direction comes from the reposts' rules (`direction::decide`: credits,
//! dates); where they say nothing, a news agency's own story is the source of another outlet's
//! rewrite, else the story whose sentences follow the other's while the other has many
//! sentences of its own is the rewrite (a brief cut from a longer story, an answer written from
//! an article). Where nothing tells, the two share content without a direction (`same_text`).

use super::sentences::{Aligned, Changes, Prepared, changes, longest_increasing};
use crate::dates::DateCheck;
use crate::item::Item;
use crate::link::direction::Shape;
use crate::link::{Found, ItemLink, LinkKind, LinkParams, direction, one_news_cycle, same_outlet};
use crate::outlets::is_news_agency;
use crate::vocab::{Alignment, Degree, Rewrite, SentencePair, Span};

/// The link of a pair whose sentences `x` aligned, if it is derived.
pub fn grade(
    items: &[Item],
    (a, pa): (usize, &Prepared),
    (b, pb): (usize, &Prepared),
    x: &Aligned,
    p: &LinkParams,
    dates: &DateCheck,
) -> Option<Found> {
    let share = x.share_a.max(x.share_b);
    let enough = x.pairs.len() >= p.rewrite_min_sentences || (x.pairs.len() >= 2 && share >= 0.5);
    if !enough || x.shared < p.rewrite_min_shared || share < p.rewrite_min_share {
        return None;
    }
    // One outlet retells its own stories from its own background paragraphs and templates: a
    // rewrite only when it updates a story within days.
    let (ia, ib) = (&items[a], &items[b]);
    if same_outlet(ia, ib) && !one_news_cycle(ia, ib, p) {
        return None;
    }
    let (copy_source, strength, reasons) = direction_of(&items[a], &items[b], x, dates);
    let (kind, copy_is_a) = match copy_source {
        Some(0) => (LinkKind::Rewrites, true),
        Some(_) => (LinkKind::Rewrites, false),
        // Without a direction the shares are told of the first item as "one".
        None => (LinkKind::SameText, true),
    };
    let (copy, source, pc, ps) = if copy_is_a {
        (a, b, pa, pb)
    } else {
        (b, a, pb, pa)
    };
    let (share_copy, share_source) = if copy_is_a {
        (x.share_a, x.share_b)
    } else {
        (x.share_b, x.share_a)
    };
    // Sentence pairs as (copy's sentence, source's sentence), in the copy's order.
    let mut pairs: Vec<(usize, usize)> = x
        .pairs
        .iter()
        .map(|y| {
            let (sa, sb) = (y.a as usize, y.b as usize);
            if copy_is_a { (sa, sb) } else { (sb, sa) }
        })
        .collect();
    pairs.sort_unstable();
    let mut total = Changes::default();
    let sentences: Vec<SentencePair> = pairs
        .iter()
        .map(|&(c, s)| {
            let ch = changes(ps, s, pc, c);
            total += ch;
            let (ss, cs) = (&ps.profile.sentences[s], &pc.profile.sentences[c]);
            SentencePair {
                aligned: Alignment {
                    source: Span::new(ss.start, ss.end),
                    copy: Span::new(cs.start, cs.end),
                },
                changed: ch.to_string(),
            }
        })
        .collect();
    let order: Vec<usize> = pairs.iter().map(|&(_, s)| s).collect();
    let moved_sentences = order.len() - longest_increasing(&order);
    let copy_sentences = {
        let mut v: Vec<usize> = pairs.iter().map(|&(c, _)| c).collect();
        v.dedup();
        v.len()
    };
    let source_sentences = {
        let mut v = order.clone();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let (one, other) = if kind == LinkKind::SameText {
        ("one", "the other")
    } else {
        ("the copy", "the source")
    };
    let mut evidence = format!(
        "{copy_sentences} of {} sentences ({:.0}% of {one}) follow {source_sentences} of {} of {other} ({:.0}% of it) in other words: {total}",
        pc.profile.sentences.len(),
        100.0 * share_copy,
        ps.profile.sentences.len(),
        100.0 * share_source,
    );
    if moved_sentences > 0 {
        evidence.push_str(&format!("; {moved_sentences} sentences in another order"));
    }
    for r in &reasons {
        evidence.push_str("; ");
        evidence.push_str(r);
    }
    let degree = if share_copy >= p.rewrite_wholly {
        Degree::Wholly
    } else {
        Degree::Partly
    };
    let text_conf =
        (0.5 + 0.5 * share_copy) * (1.0 - (-(x.shared as f64) / p.rewrite_min_shared as f64).exp());
    let (wa, wb) = (pa.words() as f64, pb.words() as f64);
    Some(Found {
        a,
        b,
        sim: (x.share_a * wa + x.share_b * wb) / (wa + wb).max(1.0),
        explains: [x.share_a, x.share_b],
        link: ItemLink {
            kind,
            copy,
            source,
            confidence: (text_conf * strength * 1000.0).round() / 1000.0,
            evidence,
            aligned: Vec::new(),
            rewrite: Some(Box::new(Rewrite {
                degree,
                derived_share: (share_copy * 1000.0).round() / 1000.0,
                sentences,
            })),
        },
    })
}

/// (copy as 0 = a, 1 = b; how strongly; why). The reposts' rules first (credits, the source
/// named in the text, trusted dates), with the texts' shapes left out (a rewrite holds none of
/// the other's text).
fn direction_of(
    a: &Item,
    b: &Item,
    x: &Aligned,
    dates: &DateCheck,
) -> (Option<usize>, f64, Vec<String>) {
    let v = direction::decide(a, b, [Shape::default(); 2], dates);
    if let Some((copy, _)) = v.copy_source {
        return (Some(copy), v.strength, v.reasons);
    }
    if direction::common_agency(a, b).is_some() {
        // Both carry one agency's story.
        return (None, v.strength, v.reasons);
    }
    let agency = |i: &Item| i.meta.outlet.as_deref().is_some_and(is_news_agency);
    match (agency(a), agency(b)) {
        (true, false) => {
            let why = format!(
                "the source is {}'s own story",
                a.meta.outlet.as_deref().unwrap_or_default()
            );
            return (Some(1), 0.8, vec![why]);
        }
        (false, true) => {
            let why = format!(
                "the source is {}'s own story",
                b.meta.outlet.as_deref().unwrap_or_default()
            );
            return (Some(0), 0.8, vec![why]);
        }
        _ => {}
    }
    // The story whose sentences follow the other's, while the other has sentences of its own.
    let follows = |mine: f64, theirs: f64| mine >= 0.6 && mine - theirs >= 0.15;
    let why = |mine: f64, theirs: f64| {
        vec![format!(
            "{:.0}% of it follows the other, {:.0}% of the other follows it",
            100.0 * mine,
            100.0 * theirs
        )]
    };
    if follows(x.share_a, x.share_b) {
        return (Some(0), 0.6, why(x.share_a, x.share_b));
    }
    if follows(x.share_b, x.share_a) {
        return (Some(1), 0.6, why(x.share_b, x.share_a));
    }
    // Dates printed but not trusted, if any.
    (None, 1.0, v.reasons)
}
