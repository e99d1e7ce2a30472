//! Reuse stage: which items share text, and which is a copy of which.
//!
//! Four steps, one file each: `normalise` (words in a folded form), `index` (candidate pairs from
//! sampled shingles, common shingles set aside), `align` (the shared passages of each candidate),
//! `direction` (copy and source, from credits, dates and containment); `rewrite/` then finds,
//! among the pairs left apart, stories rewritten from another (candidates by shared rare words,
//! sentences aligned through rewording); `nearest` keeps, of every triangle of links, the ones a
//! copy was made from rather than every ancestor or sibling. `fold` links large classes of
//! near-identical texts through one representative, in time linear in the class (`folded`
//! verifies their pairs).

mod align;
mod direction;
mod fold;
mod folded;
pub(crate) mod freed;
mod groups;
#[cfg(feature = "store")]
pub(crate) mod incremental;
mod index;
mod nearest;
pub(crate) mod normalise;
mod rewrite;
pub(crate) mod steps;
mod variants;

/// A verified candidate pair, by its public name.
pub use Found as VerifiedPair;
pub use steps::{link_groups, nearest_sources, rewrite_links};
pub use variants::mark_quote_variants;

use crate::dates::DateCheck;
use crate::item::Item;
use crate::progress::{NoProgress, Progress};
use crate::vocab::{Alignment, Rewrite, Span};
use align::{Prepared, Shared};
use direction::Shape;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// What a reuse link says of its two items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// `copy` is a copy of `source`.
    Reposts,
    /// The two share text (or, with `rewrite`, sentences in other words); neither is shown to
    /// be the other's source.
    SameText,
    /// `copy` was rewritten from `source`: its sentences follow the source's in other words.
    Rewrites,
}

/// A text-reuse link between two items, by index into the items of the run. It serialises
/// (serde), for a job that verifies pairs on one machine and builds the graph on another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemLink {
    /// A repost, or shared text.
    pub kind: LinkKind,
    /// The copy's index (of `SameText`, one of the two).
    pub copy: usize,
    /// The source's index (of `SameText`, the other).
    pub source: usize,
    /// How sure the link is (0..1).
    pub confidence: f64,
    /// The shared text and the signs of direction, in words.
    pub evidence: String,
    /// Aligned passages: [source_start, source_end, copy_start, copy_end] in each item's text.
    pub aligned: Vec<Alignment>,
    /// A rewrite's degree, derived share and aligned sentences (byte spans in each item's
    /// text): on `Rewrites` links, and on `SameText` links of two stories that share sentences
    /// in other words.
    pub rewrite: Option<Box<Rewrite>>,
}

/// The thresholds of the reuse stage.
#[derive(Debug, Clone, Copy)]
pub struct LinkParams {
    /// Words per shingle.
    pub k: usize,
    /// Joining pieces per shingle in Arabic-script text, whose words are cut after every
    /// non-joining letter (`normalise`): about as many as make `k` words.
    pub k_pieces: usize,
    /// One shingle in `sample` is indexed.
    pub sample: u64,
    /// Items a shingle may be in before it counts as common (at least; grows with the run).
    pub max_df: usize,
    /// Indexed shingles two items must share to be compared.
    pub min_shared: u32,
    /// Words of shared prose (passages neither common nor quoted in both) a pair needs to be
    /// linked.
    pub min_words: usize,
    /// A shingle in this many items of one outlet is that outlet's boilerplate.
    pub outlet_df: usize,
    /// Share of one item's words that must be shared, unless one passage is `long_passage`.
    pub min_containment: f64,
    /// Words of one passage that make a quote of the other item (three paragraphs or so).
    pub long_passage: usize,
    /// Words a shared passage needs to be seen at all.
    pub min_passage: usize,
    /// Words of a passage quoted in both items that count as copied text all the same.
    pub long_quote: usize,
    /// Partly derived: shared words (not common) a pair of items of two outlets needs when no
    /// passage is long and neither item is half the other...
    pub partial_words: usize,
    /// ...and the share of the shorter item they make...
    pub partial_share: f64,
    /// ...and how many of them must be prose outside quotations.
    pub partial_prose: usize,
    /// Two items of one outlet are partly derived only when published at most this many days
    /// apart (an updated story).
    pub update_days: i64,
    /// Rewrites are looked for in runs of at least this many items (which words are rare is
    /// learnt from the run).
    pub rewrite_min_items: usize,
    /// Rewrite candidates: an item is looked up by rare words in at most this many items (more
    /// in large runs: items/2000)...
    pub rewrite_max_df: usize,
    /// ...and keeps this many candidates, the ones sharing the most weight of rare words...
    pub rewrite_candidates: usize,
    /// ...that share at least this many of its lookup words...
    pub rewrite_min_keys: usize,
    /// ...and this share of their weight...
    pub rewrite_min_score: f32,
    /// ...published at most this many days apart when both dates are known.
    pub rewrite_days: i64,
    /// A word weighing at least this (`ln(items / items holding it)`) is a word of content.
    pub rewrite_content_weight: f32,
    /// Two sentences align when they share this many words of content...
    pub rewrite_sentence_words: usize,
    /// ...and this share of one's weight is in the other...
    pub rewrite_sentence_share: f32,
    /// ...and this share of the other's in the one.
    pub rewrite_sentence_other: f32,
    /// A pair is derived when this many sentences align (two are enough when they make half of
    /// one story: a brief)...
    pub rewrite_min_sentences: usize,
    /// ...sharing this many words of content...
    pub rewrite_min_shared: usize,
    /// ...making this share of one story's words.
    pub rewrite_min_share: f64,
    /// A rewrite whose derived share is at least this is wholly derived.
    pub rewrite_wholly: f64,
}

impl Default for LinkParams {
    fn default() -> Self {
        LinkParams::DEFAULT
    }
}

impl LinkParams {
    /// The thresholds the program runs with.
    pub const DEFAULT: LinkParams = LinkParams {
        k: 5,
        k_pieces: 10,
        sample: 4,
        max_df: 12,
        min_shared: 3,
        min_words: 40,
        outlet_df: 3,
        min_containment: 0.5,
        long_passage: 80,
        min_passage: 12,
        long_quote: 100,
        partial_words: 40,
        partial_share: 0.12,
        partial_prose: 30,
        update_days: 2,
        rewrite_min_items: 20,
        rewrite_max_df: 50,
        rewrite_candidates: 6,
        rewrite_min_keys: 3,
        rewrite_min_score: 0.2,
        rewrite_days: 3,
        rewrite_content_weight: 1.0,
        rewrite_sentence_words: 4,
        rewrite_sentence_share: 0.6,
        rewrite_sentence_other: 0.35,
        rewrite_min_sentences: 3,
        rewrite_min_shared: 15,
        rewrite_min_share: 0.2,
        rewrite_wholly: 0.65,
    };
}

/// Links between the items of one run.
pub fn link_items(items: &[Item]) -> Vec<ItemLink> {
    link_items_with(items, &LinkParams::default(), &NoProgress)
}

/// Links between the items of one run; `progress` counts items indexed, then candidates verified.
pub fn link_items_with(items: &[Item], p: &LinkParams, progress: &dyn Progress) -> Vec<ItemLink> {
    let verified = verified_candidates(items, p, progress);
    finish_links(items, verified, p, progress)
}

/// Every candidate pair of a run verified: the pairs [`link_items`] goes on from. Large classes
/// of near-identical texts are folded (`fold.rs`): their members are verified against their
/// representative's candidates and linked among themselves by a spanning tree, not pair by pair.
pub(crate) fn verified_candidates(
    items: &[Item],
    p: &LinkParams,
    progress: &dyn Progress,
) -> Vec<VerifiedPair> {
    progress.stage("indexing", items.len() as u64);
    let fold = fold::Fold::of(items, p);
    verified_folding(items, &fold, p, progress)
}

/// [`verified_candidates`] with the classes of `fold` folded (none: every pair verified on its
/// own, the way it was before folding, which the tests compare with).
fn verified_folding(
    items: &[Item],
    fold: &fold::Fold,
    p: &LinkParams,
    progress: &dyn Progress,
) -> Vec<VerifiedPair> {
    let dates = DateCheck::of(items);
    let left_out = (!fold.is_empty()).then(|| fold.left_out(items.len()));
    let (cands, common) = index::candidates_leaving_out(items, left_out.as_deref(), p, progress);
    // The postings and features were made on every core: give their pages back before the
    // next stage (see freed.rs).
    freed::give_back_freed();
    progress.stage("aligning", cands.len() as u64);
    // Candidates are sorted by their first item: prepare it once per group.
    let groups: Vec<&[(u32, u32)]> = cands.chunk_by(|x, y| x.0 == y.0).collect();
    let mut found = groups::verify_groups(items, &groups, &common, p, &dates, progress, |f| f);
    found.extend(folded::members(items, fold, &cands, &common, p, &dates));
    progress.finish();
    found
}

/// The reuse links of a run from its verified candidate pairs (in any order; see
/// [`verify_candidate`]), as [`link_items`] gives them: rewritten stories are looked for among
/// the pairs the verified ones leave apart (which words are rare is learnt from all `items`),
/// and each copy keeps its links to its nearest sources. The whole-run step of a job that
/// verifies pairs on many machines; `items` are the run's, in the order the pairs index. It is
/// [`rewrite_links`] then [`nearest_sources`], which a job may run apart (by [`link_groups`]).
pub fn finish_links(
    items: &[Item],
    verified: Vec<VerifiedPair>,
    p: &LinkParams,
    progress: &dyn Progress,
) -> Vec<ItemLink> {
    let linked: Vec<(usize, usize)> = verified.iter().map(|f| (f.a, f.b)).collect();
    let mut rewrites = rewrite_links(items, &linked, p, progress);
    no_rewrites_inside_classes(items, &mut rewrites, p);
    nearest_sources(verified, rewrites)
}

/// Drops from `rewrites` the pairs of two members of one folded class: such a class is linked
/// by its tree, not pair by pair, and the pairs it leaves apart are one text, no rewrite. Only
/// a run with identical texts among the rewrites needs the classes.
fn no_rewrites_inside_classes(items: &[Item], rewrites: &mut Vec<Found>, p: &LinkParams) {
    if rewrites
        .iter()
        .any(|f| fold::share_a_core(&items[f.a].text(), &items[f.b].text()))
    {
        let fold = fold::Fold::of(items, p);
        rewrites.retain(|f| !fold.same_class(f.a, f.b));
    }
}

/// The verified pairs a folded run adds to those of its candidates, for a store that verified
/// the candidates (found with the same items left out) itself: the members of each folded class
/// against their representative's candidates, and the links inside each class. The candidates
/// and common shingles are found again from the texts (only in a run with a folded class).
#[cfg(feature = "store")]
pub(crate) fn folded_members_of_run(items: &[Item], p: &LinkParams) -> Vec<Found> {
    let fold = fold::Fold::of(items, p);
    if fold.is_empty() {
        return Vec::new();
    }
    let left_out = fold.left_out(items.len());
    let (cands, common) = index::candidates_leaving_out(items, Some(&left_out), p, &NoProgress);
    folded::members(items, &fold, &cands, &common, p, &DateCheck::of(items))
}

/// What one feature's posting list proposes, as [`link_items`]'s index judges it: `docs` are
/// the indices of the items of the run that hold the feature (ascending, each once) with each
/// item's outlet; `run_items` is how many items the run has. Returns whether the feature is
/// common (boilerplate: in more items than the run allows, or in `outlet_df` items of one
/// outlet) and the candidate pairs it proposes (`a < b`; a common feature proposes only
/// neighbours in the list). A pair proposed by at least `min_shared` features is a candidate:
/// a job that joins features over many machines counts them, with the same answer as
/// [`candidate_pairs`].
pub fn feature_pairs(
    docs: &[(usize, Option<&str>)],
    run_items: usize,
    p: &LinkParams,
) -> (bool, Vec<(usize, usize)>) {
    let mut names: Vec<&str> = docs.iter().filter_map(|&(_, o)| o).collect();
    names.sort_unstable();
    names.dedup();
    // An item without an outlet is an outlet of its own, as the index numbers them.
    let outlet: std::collections::HashMap<u32, u32> = docs
        .iter()
        .enumerate()
        .map(|(n, &(d, o))| {
            let id = match o {
                Some(o) => names.binary_search(&o).unwrap_or_default() as u32,
                None => u32::MAX - n as u32,
            };
            (d as u32, id)
        })
        .collect();
    let ids: Vec<u32> = docs.iter().map(|&(d, _)| d as u32).collect();
    let mut keys = Vec::new();
    let common = index::posting_pairs(
        &ids,
        |d| outlet[&d],
        index::run_max_df(run_items, p),
        p.outlet_df,
        &mut keys,
    );
    let pairs = keys
        .into_iter()
        .map(|k| ((k >> 32) as usize, (k & u64::from(u32::MAX)) as usize))
        .collect();
    (common, pairs)
}

/// The features of an item that the reuse stage indexes: the hashes of its sampled word
/// shingles (normalised words, `k` at a time; one shingle in `sample`), sorted, each once.
/// [`link_items`] compares two items that share at least `min_shared` of them; a feature held by
/// more than `max_df` items of the run (or `outlet_df` items of one outlet) is common — boilerplate
/// — and pairs only neighbours in its posting list. A job that spreads items over machines
/// computes the features where the items are and joins on them.
///
/// ```
/// let p = claimtrace::LinkParams::default();
/// let items = claimtrace::items_from_records("r.jsonl", r#"
/// {"id": "a", "text": "The Harbor Bridge will reopen on Monday after three months of repairs to its cables."}
/// {"id": "b", "text": "Reposted: The Harbor Bridge will reopen on Monday after three months of repairs to its cables."}
/// "#, &Default::default())?;
/// let (fa, fb) = (claimtrace::item_features(&items[0], &p), claimtrace::item_features(&items[1], &p));
/// assert!(fa.iter().filter(|h| fb.binary_search(h).is_ok()).count() >= 1);
/// # Ok::<(), claimtrace::InputError>(())
/// ```
pub fn item_features(item: &Item, p: &LinkParams) -> Vec<u64> {
    index::features(&item.text(), p)
}

/// The candidate pairs of a run, as [`link_items`] finds them: `(a, b)` indices into `items`,
/// `a < b`, sorted, each pair sharing at least `min_shared` features ([`item_features`]); and
/// the run's common features (boilerplate: in more than `max_df` items, or in `outlet_df` items
/// of one outlet), sorted, which [`verify_pair`] leaves out of the passages it aligns. These are
/// the pairs before folding: in a run whose common-shingle cutoff is 16 items or more,
/// [`link_items`] links a large class of near-identical texts through its first item and a tree by
/// date instead of pair by pair (docs/reposts.md, "Many exact copies").
pub fn candidate_pairs(items: &[Item], p: &LinkParams) -> (Vec<(usize, usize)>, Vec<u64>) {
    let (pairs, common) = index::candidates(items, p, &NoProgress);
    let mut common: Vec<u64> = common.into_iter().collect();
    common.sort_unstable();
    let pairs = pairs
        .into_iter()
        .map(|(a, b)| (a as usize, b as usize))
        .collect();
    (pairs, common)
}

/// Verifies one candidate pair as [`link_items`] does: aligns the passages `a` and `b` share
/// (leaving out `common` features, the run's boilerplate, as the index found it), applies the
/// linking rules, and decides the direction (copy and source from credits, source URLs, named
/// outlets, added intros, trusted dates, containment). `copy` and `source` of the link are 0
/// for `a` and 1 for `b`; give `a` the item that comes first in the run, as `link_items` does,
/// for the same answer. None when the pair is not linked. [`link_items`] then keeps, of each
/// copy's links, those to its nearest sources; that step needs all of a copy's links.
///
/// ```
/// let p = claimtrace::LinkParams::default();
/// let body = "The Harbor Bridge will reopen on Monday after three months of repairs to two of its main cables, the transport ministry said on Thursday, adding that buses would run across it from Tuesday and that a toll would not be charged until the end of the summer season, when the works on the eastern approach are due to finish as planned by the city engineers.";
/// let records = format!(
///     r#"{{"id": "wire-1", "outlet": "Northwind Wire", "published": "2024-05-02", "text": "{body}"}}
/// {{"id": "blog-1", "outlet": "Lantern Blog", "published": "2024-05-03", "credits": "Northwind Wire", "text": "Via Northwind Wire. {body}"}}"#
/// );
/// let items = claimtrace::items_from_records("r.jsonl", &records, &Default::default())?;
/// let link = claimtrace::verify_pair(&items[0], &items[1], &[], &p).expect("a repost");
/// assert_eq!((link.kind, link.copy, link.source), (claimtrace::LinkKind::Reposts, 1, 0));
/// # Ok::<(), claimtrace::InputError>(())
/// ```
pub fn verify_pair(a: &Item, b: &Item, common: &[u64], p: &LinkParams) -> Option<ItemLink> {
    verify_candidate((a, b), (0, 1), common, p).map(|f| f.link)
}

/// Verifies one candidate pair as [`link_items`] does, for the whole-run steps after it
/// ([`finish_links`]): [`verify_pair`] for items `a` and `b` at indices `at` (`at.0 < at.1`) of
/// the run, keeping how alike they are, which the choice of nearest sources weighs. `common`
/// needs to hold only the common features of `a` and `b` ([`feature_pairs`]): no other can
/// be in a passage they share.
pub fn verify_candidate(
    (a, b): (&Item, &Item),
    at: (usize, usize),
    common: &[u64],
    p: &LinkParams,
) -> Option<VerifiedPair> {
    let common: index::ShingleSet = common.iter().copied().collect();
    let pa = Prepared::new(&a.text(), p.k, p.k_pieces);
    let pb = Prepared::probe(&b.text(), p.k, p.k_pieces);
    let shared = align::align(&pa, &pb, &common, p);
    let dates = DateCheck::of(&[]);
    verify((a, b), at, (&pa, &pb), shared, p, &dates)
}

/// What a candidate pair shares, before any linking rule decides (for calibrating the rule:
/// `examples/synth_reposts.rs stats`).
#[derive(Debug, Clone)]
pub struct CandidateStats {
    /// One item's index.
    pub a: usize,
    /// The other's.
    pub b: usize,
    /// Words of each item.
    pub words: [usize; 2],
    /// Each passage: words in a, words in b, common, quoted in both.
    pub passages: Vec<(usize, usize, bool, bool)>,
}

pub use rewrite::{RewriteStats, rewrite_stats};

#[doc(hidden)]
pub fn candidate_stats(items: &[Item], p: &LinkParams) -> Vec<CandidateStats> {
    let (cands, common) = index::candidates(items, p, &NoProgress);
    cands
        .par_iter()
        .map(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            let pa = Prepared::new(&items[a].text(), p.k, p.k_pieces);
            let pb = Prepared::probe(&items[b].text(), p.k, p.k_pieces);
            let shared = align::align(&pa, &pb, &common, p);
            CandidateStats {
                a,
                b,
                words: [pa.words(), pb.words()],
                passages: shared
                    .passages
                    .iter()
                    .map(|x| (x.words_a, x.words_b, x.common, x.quoted))
                    .collect(),
            }
        })
        .collect()
}

fn same_outlet(a: &Item, b: &Item) -> bool {
    matches!((&a.meta.outlet, &b.meta.outlet), (Some(x), Some(y)) if x == y)
}

/// Published at most `update_days` apart (both dates known).
fn one_news_cycle(a: &Item, b: &Item, p: &LinkParams) -> bool {
    matches!((a.meta.published, b.meta.published),
        (Some(x), Some(y)) if (x - y).num_days().abs() <= p.update_days)
}

/// How one text lies over the passages it shares (token ranges into `p`): its words before the
/// first and between them.
fn shape(p: &Prepared, shared: f64, ranges: impl Iterator<Item = (usize, usize)>) -> Shape {
    let mut r: Vec<(usize, usize)> = ranges.collect();
    r.sort_unstable();
    let lead = r.first().map_or(0, |&(s, _)| p.words_in((0, s)));
    let mut inner = 0;
    let mut end = r.first().map_or(0, |&(s, _)| s);
    for &(s, e) in &r {
        if s > end {
            inner += p.words_in((end, s));
        }
        end = end.max(e);
    }
    Shape {
        shared,
        lead,
        inner,
        words: p.words(),
    }
}

/// A verified candidate pair ([`verify_candidate`]): its link and how alike the two items are.
/// It serialises (serde), for a job that verifies pairs on many machines and finishes the links
/// on one ([`finish_links`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Found {
    /// The index of the item that comes first in the run.
    pub a: usize,
    /// The other's.
    pub b: usize,
    /// Shared words over all words of both (0..1).
    pub sim: f64,
    /// Share of each item's shingles matched in the other, exactly (a, b): how well the other
    /// explains it.
    pub explains: [f64; 2],
    /// The link (`copy` and `source` are indices of the run).
    pub link: ItemLink,
}

fn verify(
    (item_a, item_b): (&Item, &Item),
    (a, b): (usize, usize),
    (pa, pb): (&Prepared, &Prepared),
    shared: Shared,
    p: &LinkParams,
    dates: &DateCheck,
) -> Option<Found> {
    let (na, nb) = (pa.words().max(1), pb.words().max(1));
    let in_a = shared.covered_a as f64 / na as f64;
    let in_b = shared.covered_b as f64 / nb as f64;
    // Two outlets quoting one speaker share the quotation, not each other's text: the evidence
    // is prose, outside quotation marks in both.
    let prose = shared.prose_a.min(shared.prose_b);
    let prose_in = (shared.prose_a as f64 / na as f64).max(shared.prose_b as f64 / nb as f64);
    let longest = shared.longest_prose;
    let near_duplicate = in_a >= 0.8 && in_b >= 0.8 && shared.covered_a >= p.min_words / 2;
    let copied =
        prose >= p.min_words && (prose_in >= p.min_containment || longest >= p.long_passage);
    // A story that copies a few sentences and rewrites the rest: enough shared text for its
    // length, most of it prose. Within one outlet only an update of a story (days apart): an
    // outlet reuses its own background paragraphs from story to story for weeks.
    let (rare_short, n_short) = if na <= nb {
        (shared.rare_a, na)
    } else {
        (shared.rare_b, nb)
    };
    let partly = shared.rare_a.min(shared.rare_b) >= p.partial_words
        && rare_short as f64 >= p.partial_share * n_short as f64
        && prose >= p.partial_prose
        && (!same_outlet(item_a, item_b) || one_news_cycle(item_a, item_b, p));
    if !copied && !near_duplicate && !partly {
        return None;
    }
    let shapes = [
        shape(pa, in_a, shared.passages.iter().map(|x| x.a)),
        shape(pb, in_b, shared.passages.iter().map(|x| x.b)),
    ];
    let v = direction::decide(item_a, item_b, shapes, dates);
    let (kind, copy, source) = match v.copy_source {
        Some((0, _)) => (LinkKind::Reposts, a, b),
        Some(_) => (LinkKind::Reposts, b, a),
        None => (LinkKind::SameText, a, b),
    };
    let (pc, ps) = if copy == a { (pa, pb) } else { (pb, pa) };
    let (in_copy, in_source) = if copy == a {
        (in_a, in_b)
    } else {
        (in_b, in_a)
    };
    let mut aligned: Vec<Alignment> = shared
        .passages
        .iter()
        .filter(|x| !x.common || near_duplicate)
        .map(|x| {
            let (ra, rb) = if copy == a { (x.b, x.a) } else { (x.a, x.b) };
            let (sa, sb) = (&ps.tokens, &pc.tokens);
            Alignment {
                source: Span::new(sa[ra.0].start, sa[ra.1 - 1].end),
                copy: Span::new(sb[rb.0].start, sb[rb.1 - 1].end),
            }
        })
        .collect();
    aligned.sort_unstable();
    let words = shared.covered_a.min(shared.covered_b);
    let text_conf =
        (0.5 + 0.5 * in_a.max(in_b)) * (1.0 - (-(words as f64) / p.min_words as f64).exp());
    let mut evidence = format!(
        "shares {words} words in {} passage{} (longest {longest}): {:.0}% of the copy, {:.0}% of the source",
        aligned.len(),
        if aligned.len() == 1 { "" } else { "s" },
        100.0 * in_copy,
        100.0 * in_source
    );
    if kind == LinkKind::SameText {
        evidence = evidence
            .replace("of the copy", "of one")
            .replace("of the source", "of the other");
    }
    for r in &v.reasons {
        evidence.push_str("; ");
        evidence.push_str(r);
    }
    let sim = (shared.covered_a + shared.covered_b) as f64 / (na + nb) as f64;
    let explains = [
        shared.matched as f64 / pa.shingles.len().max(1) as f64,
        shared.matched as f64 / pb.shingles.len().max(1) as f64,
    ];
    Some(Found {
        a,
        b,
        sim,
        explains,
        link: ItemLink {
            kind,
            copy,
            source,
            confidence: (text_conf * v.strength * 1000.0).round() / 1000.0,
            evidence,
            aligned,
            rewrite: None,
        },
    })
}
