//! Candidate pairs: items that share several sampled word shingles. Only shingles whose hash
//! falls in a fixed residue class are indexed (the same ones in every item, so shared text still
//! shares them), which keeps the index a fraction of the text. A shingle found in many items is
//! boilerplate or a stock phrase: it is remembered as common and links only neighbours in its
//! posting list, so it cannot make every pair of its items a candidate.

use super::LinkParams;
use super::normalise::tokens_and_shingles;
use crate::item::Item;
use crate::progress::Progress;
use rayon::prelude::*;

/// Whether a shingle hash is one of the indexed ones.
pub fn sampled(h: u64, sample: u64) -> bool {
    h.is_multiple_of(sample)
}

/// Shingle hashes, used as their own hash: they are well mixed already (`normalise::mix`).
pub type ShingleSet = nohash_hasher::IntSet<u64>;

/// The indexed shingles of one text: sampled, sorted, each once.
pub fn features(text: &str, p: &LinkParams) -> Vec<u64> {
    let mut hs: Vec<u64> = tokens_and_shingles(text, p.k, p.k_pieces)
        .1
        .into_iter()
        .filter(|&h| sampled(h, p.sample))
        .collect();
    hs.sort_unstable();
    hs.dedup();
    hs
}

/// Parts the postings of a run are cut into by their shingle's top bits: only one part's
/// postings (16 bytes each) are held at a time, beside the items' features (8 bytes each).
const PARTS: u64 = 16;

/// The part of the postings a shingle hash falls in (hashes are well mixed: the parts are even).
fn part_of(h: u64) -> u64 {
    h >> (64 - PARTS.trailing_zeros())
}

/// Text a run may have before its features are made in more than one pass. News text gives
/// about 8 bytes of features per 23 bytes (one sampled shingle in four, of words of five
/// letters or so): 2 GiB of text, some 0.75 GB of features held at once. Above it every pass
/// holds the features of a group of parts only, at the price of reading and tokenising every
/// text once more per pass (about a tenth of such a run's CPU time), so smaller runs make them
/// once.
const TEXT_PER_PASS: usize = 1 << 31;

/// The passes a run whose texts are `text_bytes` long makes its features in.
fn passes_for(text_bytes: usize) -> usize {
    text_bytes.div_ceil(TEXT_PER_PASS).clamp(1, PARTS as usize)
}

/// The parts (a range of part numbers) whose features pass `pass` of `passes` makes.
fn parts_of_pass(pass: usize, passes: usize) -> std::ops::Range<u64> {
    let at = |pass: usize| (pass * PARTS as usize / passes) as u64;
    at(pass)..at(pass + 1)
}

/// The candidate pairs (a < b, sorted) and the set of common indexed shingles.
///
/// Every item's features are computed and kept as a boxed slice (in a run of more than 2 GiB
/// of text, those of one group of parts at a time); the postings are then made, sorted and
/// judged one part of the shingle hashes at a time. A shingle's posting list lies wholly in
/// one part, so each is judged as if all postings were sorted together, and the pairs and
/// common shingles are those of [`pairs_of_postings`].
pub fn candidates(
    items: &[Item],
    p: &LinkParams,
    progress: &dyn Progress,
) -> (Vec<(u32, u32)>, ShingleSet) {
    candidates_leaving_out(items, None, p, progress)
}

/// [`candidates`] with the items marked in `left_out` (folded copies, `fold.rs`) in no pair:
/// they still count in each shingle's posting list, so the same shingles are common, but the
/// pairs a list proposes are those of its other items (for a common shingle, neighbours among
/// them).
pub fn candidates_leaving_out(
    items: &[Item],
    left_out: Option<&[bool]>,
    p: &LinkParams,
    progress: &dyn Progress,
) -> (Vec<(u32, u32)>, ShingleSet) {
    let text_bytes = items.iter().map(Item::text_len).sum();
    candidates_in_passes(items, left_out, p, passes_for(text_bytes), progress)
}

/// [`candidates_leaving_out`] with the features made in `passes` passes: the same pairs and
/// common shingles whatever their number.
fn candidates_in_passes(
    items: &[Item],
    left_out: Option<&[bool]>,
    p: &LinkParams,
    passes: usize,
    progress: &dyn Progress,
) -> (Vec<(u32, u32)>, ShingleSet) {
    let max_df = run_max_df(items.len(), p);
    let outlet = outlet_ids(items);
    let mut common = ShingleSet::default();
    let mut pairs: Vec<u64> = Vec::new();
    // Each distinct pair proposed so far and how many shingles proposed it, sorted: a pair
    // sharing many shingles is held once, not once per shingle.
    let mut counted: Vec<(u64, u32)> = Vec::new();
    for pass in 0..passes {
        let parts = parts_of_pass(pass, passes);
        let features: Vec<Box<[u64]>> = items
            .par_iter()
            .map(|item| {
                let mut hs = features(&item.text(), p);
                // Sorted: the pass's parts are one run of them.
                hs.truncate(hs.partition_point(|&h| part_of(h) < parts.end));
                hs.drain(..hs.partition_point(|&h| part_of(h) < parts.start));
                if pass == 0 {
                    progress.advance(1);
                }
                hs.into_boxed_slice()
            })
            .collect();
        let mut sizes = [0usize; PARTS as usize];
        for h in features.iter().flat_map(|f| f.iter()) {
            sizes[part_of(*h) as usize] += 1;
        }
        for part in parts {
            // Made to its exact size: no growth slack on top of the part.
            let mut postings: Vec<(u64, u32)> = Vec::with_capacity(sizes[part as usize]);
            for (i, f) in features.iter().enumerate() {
                postings.extend(
                    f.iter()
                        .filter(|&&h| part_of(h) == part)
                        .map(|&h| (h, i as u32)),
                );
            }
            judge_postings(
                postings,
                &outlet,
                left_out,
                max_df,
                p,
                &mut pairs,
                &mut common,
            );
            counted = add_counts(counted, &mut pairs);
        }
    }
    let out = counted
        .into_iter()
        .filter(|&(_, n)| n >= p.min_shared)
        .map(|(k, _)| ((k >> 32) as u32, k as u32))
        .collect();
    (out, common)
}

/// `counted` (sorted, each pair once with its count) with the pair keys of `pairs` (any
/// order, emptied here) counted in.
fn add_counts(counted: Vec<(u64, u32)>, pairs: &mut Vec<u64>) -> Vec<(u64, u32)> {
    pairs.par_sort_unstable();
    let mut merged = Vec::with_capacity(counted.len() + pairs.len() / 4);
    let mut old = counted.into_iter().peekable();
    for same in pairs.chunk_by(|x, y| x == y) {
        let key = same[0];
        while let Some(&(k, n)) = old.peek().filter(|&&(k, _)| k < key) {
            merged.push((k, n));
            old.next();
        }
        let before = old.next_if(|&(k, _)| k == key).map_or(0, |(_, n)| n);
        merged.push((key, before + same.len() as u32));
    }
    merged.extend(old);
    merged.shrink_to_fit();
    pairs.clear();
    pairs.shrink_to_fit();
    merged
}

/// The candidate pairs (a < b, sorted) and the common shingles of a run from its postings
/// (shingle, item index), in any order: each shingle's posting list judged by
/// [`posting_pairs`], and a pair kept when `min_shared` shingles propose it: for features kept
/// from an earlier run, judged by the same `judge_postings` as [`candidates`]'s parts (`left_out` as in
/// [`candidates_leaving_out`]).
#[cfg(any(feature = "store", test))]
pub fn pairs_of_postings(
    postings: Vec<(u64, u32)>,
    items: &[Item],
    left_out: Option<&[bool]>,
    max_df: usize,
    p: &LinkParams,
) -> (Vec<(u32, u32)>, ShingleSet) {
    let outlet = outlet_ids(items);
    let mut common = ShingleSet::default();
    let mut pairs: Vec<u64> = Vec::new();
    judge_postings(
        postings,
        &outlet,
        left_out,
        max_df,
        p,
        &mut pairs,
        &mut common,
    );
    (pairs_shared_enough(pairs, p), common)
}

/// Sorts `postings` and judges each shingle's posting list, pushing the pair keys it proposes
/// onto `pairs` and the shingle onto `common` when it is common; items marked in `left_out`
/// count for commonness but are in no pair. The postings are freed here.
fn judge_postings(
    mut postings: Vec<(u64, u32)>,
    outlet: &[u32],
    left_out: Option<&[bool]>,
    max_df: usize,
    p: &LinkParams,
    pairs: &mut Vec<u64>,
    common: &mut ShingleSet,
) {
    postings.par_sort_unstable();
    let mut docs: Vec<u32> = Vec::new();
    for run in postings.chunk_by(|x, y| x.0 == y.0) {
        docs.clear();
        docs.extend(run.iter().map(|&(_, d)| d));
        let is_common = common_posting(&docs, |d| outlet[d as usize], max_df, p.outlet_df);
        if let Some(out) = left_out {
            docs.retain(|&d| !out[d as usize]);
        }
        push_pairs(&docs, is_common, pairs);
        if is_common {
            common.insert(run[0].0);
        }
    }
}

/// The pairs (a < b, sorted) that `min_shared` or more shingles propose, of the pair keys
/// every posting list proposed (in any order).
#[cfg(any(feature = "store", test))]
fn pairs_shared_enough(mut pairs: Vec<u64>, p: &LinkParams) -> Vec<(u32, u32)> {
    pairs.par_sort_unstable();
    let mut out = Vec::new();
    for same in pairs.chunk_by(|x, y| x == y) {
        if same.len() as u32 >= p.min_shared {
            out.push(((same[0] >> 32) as u32, same[0] as u32));
        }
    }
    out
}

/// Items a feature may be in before it is common, in a run of `items`: in a large run a story
/// carried by many outlets is not boilerplate, so the limit grows with the run.
pub fn run_max_df(items: usize, p: &LinkParams) -> usize {
    p.max_df.max(items / 2000)
}

/// One feature's posting list `docs` (item indices, ascending): pushes the pair keys it
/// proposes onto `pairs` and says whether the feature is common (in more than `max_df` items,
/// or in `outlet_df` items of one outlet, `outlet` giving each item's outlet number). A common
/// feature pairs only neighbours in the list, so it cannot make every pair of its items a
/// candidate.
pub fn posting_pairs(
    docs: &[u32],
    outlet: impl Fn(u32) -> u32,
    max_df: usize,
    outlet_df: usize,
    pairs: &mut Vec<u64>,
) -> bool {
    let common = common_posting(docs, outlet, max_df, outlet_df);
    push_pairs(docs, common, pairs);
    common
}

/// Whether a feature whose posting list is `docs` is common (see [`posting_pairs`]).
fn common_posting(
    docs: &[u32],
    outlet: impl Fn(u32) -> u32,
    max_df: usize,
    outlet_df: usize,
) -> bool {
    docs.len() > max_df || outlet_boilerplate(docs, outlet, outlet_df)
}

/// The pair keys a posting list `docs` proposes: of a common feature, neighbours only.
fn push_pairs(docs: &[u32], common: bool, pairs: &mut Vec<u64>) {
    if common {
        pairs.extend(docs.windows(2).map(|w| pair_key(w[0], w[1])));
    } else {
        for (x, &a) in docs.iter().enumerate() {
            pairs.extend(docs[x + 1..].iter().map(|&b| pair_key(a, b)));
        }
    }
}

/// A number per outlet named by the items (an item without one gets its own).
fn outlet_ids(items: &[Item]) -> Vec<u32> {
    let mut ids: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    items
        .iter()
        .enumerate()
        .map(|(i, it)| match it.meta.outlet.as_deref() {
            Some(o) => {
                let n = ids.len() as u32;
                *ids.entry(o).or_insert(n)
            }
            None => u32::MAX - i as u32,
        })
        .collect()
}

/// Whether `min` or more of the items holding a shingle come from one outlet: its template
/// (footer, newsletter box, copyright line) rather than a story. Other outlets carrying the same
/// story do not make it a template.
fn outlet_boilerplate(docs: &[u32], outlet: impl Fn(u32) -> u32, min: usize) -> bool {
    if docs.len() < min {
        return false;
    }
    let mut o: Vec<u32> = docs.iter().map(|&d| outlet(d)).collect();
    o.sort_unstable();
    o.chunk_by(|a, b| a == b).any(|c| c.len() >= min)
}

pub fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a.min(b)) << 32) | u64::from(a.max(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::NoProgress;

    /// Items that share passages in many ways: stories carried by several outlets, a footer
    /// every item of one outlet prints, a stock phrase in most items.
    fn run() -> Vec<Item> {
        let mut records = String::new();
        let words = [
            "harbor", "bridge", "council", "cables", "ferry", "tolls", "river", "budget", "school",
            "museum", "station", "market", "tunnel", "garden", "library", "stadium",
        ];
        for i in 0..60usize {
            let story = i % 7;
            let mut text = String::new();
            for s in 0..12usize {
                let w = |j: usize| words[(story * 5 + s * 3 + j) % words.len()];
                text.push_str(&format!(
                    "The {} of {} {} met the {} and {} in story {story} line {s}. ",
                    w(0),
                    w(1),
                    w(2),
                    w(3),
                    w(4)
                ));
            }
            if i % 3 == 0 {
                text.push_str(
                    "Read more from the Lantern Gazette newsletter every morning at dawn. ",
                );
            }
            text.push_str(&format!(
                "Copy number {i} of the story ends here for its readers."
            ));
            let outlet = if i % 3 == 0 {
                "Lantern Gazette"
            } else {
                "Other"
            };
            records.push_str(&format!(
                "{{\"id\": \"r{i}\", \"outlet\": \"{outlet} {}\", \"text\": \"{text}\"}}\n",
                i % 5
            ));
        }
        crate::read::records::items_from_records("r.jsonl", &records, &Default::default()).unwrap()
    }

    #[test]
    fn postings_judged_in_parts_are_those_judged_whole() {
        let items = run();
        let p = LinkParams {
            max_df: 4,
            outlet_df: 3,
            ..LinkParams::default()
        };
        let whole: Vec<(u64, u32)> = items
            .iter()
            .enumerate()
            .flat_map(|(i, it)| {
                features(&it.text(), &p)
                    .into_iter()
                    .map(move |h| (h, i as u32))
            })
            .collect();
        // Every part holds some postings, so the parts are really merged.
        let mut parts: Vec<u64> = whole.iter().map(|&(h, _)| part_of(h)).collect();
        parts.sort_unstable();
        parts.dedup();
        assert_eq!(parts.len(), PARTS as usize);
        let (expected_pairs, expected_common) =
            pairs_of_postings(whole, &items, None, run_max_df(items.len(), &p), &p);
        assert!(
            !expected_common.is_empty() && expected_pairs.len() > 60,
            "{} pairs",
            expected_pairs.len()
        );
        // However many passes make the features (one: every run below 2 GiB of text).
        for passes in [1, 2, 3, 16] {
            let (pairs, common) = candidates_in_passes(&items, None, &p, passes, &NoProgress);
            assert_eq!(pairs, expected_pairs, "{passes} passes");
            assert_eq!(common, expected_common, "{passes} passes");
        }
    }

    #[test]
    fn features_of_a_large_run_are_made_in_passes_of_every_part() {
        assert_eq!(passes_for(0), 1);
        assert_eq!(passes_for(263 << 20), 1);
        assert_eq!(passes_for(TEXT_PER_PASS), 1);
        assert_eq!(passes_for(TEXT_PER_PASS + 1), 2);
        assert_eq!(passes_for(usize::MAX), PARTS as usize);
        for passes in 1..=PARTS as usize {
            let parts: Vec<u64> = (0..passes)
                .flat_map(|pass| parts_of_pass(pass, passes))
                .collect();
            assert_eq!(parts, (0..PARTS).collect::<Vec<_>>(), "{passes} passes");
        }
    }

    #[test]
    fn counts_are_added_to_the_pairs_counted_before() {
        let mut pairs = vec![7, 3, 7, 9, 1, 7];
        let counted = add_counts(vec![(2, 1), (3, 2), (8, 5)], &mut pairs);
        assert_eq!(counted, [(1, 1), (2, 1), (3, 3), (7, 3), (8, 5), (9, 1)]);
        assert!(pairs.is_empty());
    }
}
