//! Candidate pairs by content: items that share rare words and numbers, weighted by how rare
//! they are in the run (inverse document frequency), within a window of publication dates when
//! both dates are known. Every item keeps its few best candidates, so the cost grows with the
//! run, not with its square.
//!
//! Each item is looked up by its rarest words that at least one other item has (names, numbers,
//! the event's own words); a word in very many items says nothing of which two belong together
//! and is left out of the lookup (it still counts when the pair is aligned).

use super::words::keys;
use crate::item::Item;
use crate::link::LinkParams;
use crate::progress::Progress;
use chrono::Datelike;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// How rare each word key is in the run: `ln(items / items holding it)`. Only keys held by
/// two items or more are kept: a key held by one item weighs as one no item holds.
pub struct Weights {
    pub(crate) df: FxHashMap<u64, u32>,
    pub(crate) items: f32,
}

impl Weights {
    /// The weight of a key (a key no item holds weighs as one held by one item).
    pub fn of(&self, key: u64) -> f32 {
        let df = self.df.get(&key).copied().unwrap_or(1);
        weight(self.items, df)
    }
}

/// The weight of a key held by `df` items of a run of `items`.
pub(crate) fn weight(items: f32, df: u32) -> f32 {
    (items / df.max(1) as f32).ln().max(0.0)
}

/// The most items a lookup key may be held by in a run of `n` items: a key in more is a stock
/// word of the run (more in large runs, as for shingles: a story many outlets carry).
pub(crate) fn max_df(n: usize, p: &LinkParams) -> u32 {
    p.rewrite_max_df.max(n / 2000) as u32
}

/// An item's candidates from the other items its lookup keys found, each with its summed
/// weight and count of shared keys; `mass` is the sum of the item's lookup keys' weights. Those
/// sharing enough keys and enough of that mass, best first (ties by index), at most
/// `rewrite_candidates` of them.
pub(crate) fn best_of<B: Ord + Copy>(
    found: impl Iterator<Item = (B, (f32, u16))>,
    mass: f32,
    p: &LinkParams,
) -> Vec<B> {
    let mut best: Vec<(f32, B)> = found
        .filter(|&(_, (score, shared))| {
            usize::from(shared) >= p.rewrite_min_keys && score >= p.rewrite_min_score * mass
        })
        .map(|(b, (score, _))| (score, b))
        .collect();
    best.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    best.truncate(p.rewrite_candidates);
    best.into_iter().map(|(_, b)| b).collect()
}

/// Rarest keys an item looks others up by.
pub(crate) const LOOKUP_KEYS: usize = 48;
/// Rarest keys others find an item by.
pub(crate) const POSTED_KEYS: usize = 256;
/// Items whose word keys are read at once before they are numbered: the full keys of only
/// these are held as 8-byte hashes.
const CHUNK: usize = 1 << 14;

/// The word keys of a run, each numbered once (`u32`), with how many items hold it: every
/// item's keys are kept as their numbers, sorted, each as its distance from the one before in
/// a variable number of bytes ([`pack`]; one or two bytes for most), until the counts are known.
struct Numbered {
    ids: FxHashMap<u64, u32>,
    key_of: Vec<u64>,
    df: Vec<u32>,
    keys: Vec<Box<[u8]>>,
    /// Room for one item's numbers while they are packed.
    scratch: Vec<u32>,
}

impl Numbered {
    fn new() -> Numbered {
        Numbered {
            ids: FxHashMap::default(),
            key_of: Vec::new(),
            df: Vec::new(),
            keys: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// Adds the next item's keys (each once).
    fn push(&mut self, keys: &[u64]) {
        self.scratch.clear();
        for &k in keys {
            let id = *self.ids.entry(k).or_insert_with(|| {
                self.key_of.push(k);
                self.df.push(0);
                (self.key_of.len() - 1) as u32
            });
            self.df[id as usize] += 1;
            self.scratch.push(id);
        }
        self.keys.push(pack(&mut self.scratch));
    }
}

/// Key numbers as [`pack`] writes them.
type Packed = Box<[u8]>;

/// Numbers, each once, sorted and written as the distance from the one before, seven bits
/// a byte (the high bit set on every byte but a number's last).
fn pack(ids: &mut [u32]) -> Box<[u8]> {
    ids.sort_unstable();
    let mut out = Vec::with_capacity(ids.len() * 2);
    let mut last = 0u32;
    for &id in ids.iter() {
        let mut gap = id - last;
        last = id;
        while gap >= 0x80 {
            out.push((gap as u8) | 0x80);
            gap >>= 7;
        }
        out.push(gap as u8);
    }
    out.into_boxed_slice()
}

/// The numbers [`pack`] wrote, ascending.
fn unpack(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    let mut last = 0u32;
    std::iter::from_fn(move || {
        if at == bytes.len() {
            return None;
        }
        let (mut gap, mut shift) = (0u32, 0);
        loop {
            let b = bytes[at];
            at += 1;
            gap |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        last += gap;
        Some(last)
    })
}

/// The items each key number is posted for, each as its place in an order of the run's items
/// (by day of publication, see `candidates_with`), ascending, all in one list (4 bytes a
/// posting): a key's places are `places[start[key]..start[key + 1]]`.
struct Postings {
    start: Vec<usize>,
    places: Vec<u32>,
}

impl Postings {
    /// The postings of every item's packed key numbers (`keys[i]` of item `i`), numbers below
    /// `count`, each item as its place in `order` (every item once).
    fn of(keys: &[Box<[u8]>], count: usize, order: &[u32]) -> Postings {
        // Each key's end, then the places written from the last backwards: every key's list
        // comes out ascending and its end moves down to its start.
        let mut start = vec![0usize; count + 1];
        for k in keys {
            unpack(k).for_each(|x| start[x as usize + 1] += 1);
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut places = vec![0u32; start[count]];
        for (place, &i) in order.iter().enumerate().rev() {
            for x in unpack(&keys[i as usize]) {
                let end = &mut start[x as usize + 1];
                *end -= 1;
                places[*end] = place as u32;
            }
        }
        // `start[x + 1]` has moved down to key x's start: one place back, with the end last.
        start.rotate_left(1);
        start[count] = places.len();
        Postings { start, places }
    }

    /// The places of the items posted for `key`, ascending.
    fn of_key(&self, key: u32) -> &[u32] {
        &self.places[self.start[key as usize]..self.start[key as usize + 1]]
    }
}

/// The places in `by_day` (the run's items' days of publication in the run's order by day,
/// undated first) of the items published at most `window` days from day `d`.
fn places_near(by_day: &[Option<i32>], d: i32, window: i64) -> (u32, u32) {
    let (first, last) = (i64::from(d) - window, i64::from(d) + window);
    let day_of = |x: &Option<i32>| x.map_or(i64::MIN, i64::from);
    let from = by_day.partition_point(|x| day_of(x) < first);
    let to = by_day.partition_point(|x| day_of(x) <= last);
    (from as u32, to.max(from) as u32)
}

/// The places (in the run's order by day, undated first) an item looks at whose window of
/// dates is `near`: those below `undated` (the items without a date) and those in `near`.
/// The others are outside the window, so a lookup need not walk them: in a run spread over
/// months it walks a few days' items of each list, not the whole list, whose length grows
/// with the run.
fn near_in(list: &[u32], undated: u32, near: (u32, u32)) -> (&[u32], &[u32]) {
    let to_undated = list.partition_point(|&x| x < undated);
    let from = to_undated + list[to_undated..].partition_point(|&x| x < near.0);
    let to = from + list[from..].partition_point(|&x| x < near.1);
    (&list[..to_undated], &list[from..to])
}

/// Every item's word keys, numbered, read `CHUNK` items at a time on every core; a chunk is
/// numbered (on one thread, in item order) while the next is read.
fn numbered_keys(items: &[Item], progress: &dyn Progress) -> Numbered {
    let mut n = Numbered::new();
    n.keys.reserve_exact(items.len());
    let mut read: Vec<Vec<u64>> = Vec::new();
    for chunk in items.chunks(CHUNK) {
        let (next, ()) = rayon::join(
            || {
                chunk
                    .par_iter()
                    .map(|it| {
                        let k = item_keys(&it.text());
                        progress.advance(1);
                        k
                    })
                    .collect::<Vec<Vec<u64>>>()
            },
            || read.iter().for_each(|k| n.push(k)),
        );
        read = next;
    }
    read.iter().for_each(|k| n.push(k));
    n
}

/// The word keys of one text, sorted, each once: what the run's weights count and an item is
/// looked up by.
pub fn item_keys(text: &str) -> Vec<u64> {
    let mut k = keys(text);
    k.sort_unstable();
    k.dedup();
    k.shrink_to_fit();
    k
}

/// [`candidates`] from each item's [`item_keys`], computed before (a store keeps them).
#[cfg(feature = "store")]
pub fn candidates_of_keys(
    items: &[Item],
    keys: Vec<Vec<u64>>,
    p: &LinkParams,
) -> (Vec<(u32, u32)>, Weights) {
    let mut n = Numbered::new();
    n.keys.reserve_exact(keys.len());
    for k in keys {
        n.push(&k);
    }
    candidates_with(items, p, n)
}

/// The candidate pairs (a < b, sorted) and the run's weights.
pub fn candidates(
    items: &[Item],
    p: &LinkParams,
    progress: &dyn Progress,
) -> (Vec<(u32, u32)>, Weights) {
    let keys = numbered_keys(items, progress);
    candidates_with(items, p, keys)
}

fn candidates_with(
    items: &[Item],
    p: &LinkParams,
    numbered: Numbered,
) -> (Vec<(u32, u32)>, Weights) {
    let n = items.len();
    let run = n.max(1) as f32;
    let Numbered {
        ids,
        key_of,
        df,
        keys: packed,
        ..
    } = numbered;
    drop(ids);
    let max_df = max_df(n, p);
    // Every item is found by each of its keys shared with at most `max_df` items (up to
    // POSTED_KEYS of the rarest), and looks others up by its LOOKUP_KEYS rarest: a source is
    // found by the words its copies kept, however many rarer words it has besides. Each item's
    // posted keys are packed again (by number), its lookup keys kept apart: the full lists of
    // every item are never held at once.
    let (keys, posted): (Vec<Box<[u32]>>, Vec<Packed>) = packed
        .into_par_iter()
        .map(|k| {
            let mut v: Vec<u32> = unpack(&k)
                .filter(|&x| (2..=max_df).contains(&df[x as usize]))
                .collect();
            drop(k);
            v.sort_unstable_by_key(|&x| (df[x as usize], key_of[x as usize]));
            v.truncate(POSTED_KEYS);
            let lookup: Box<[u32]> = v[..v.len().min(LOOKUP_KEYS)].into();
            (lookup, pack(&mut v))
        })
        .unzip();
    // The items by day of publication (undated first), then index: each key's postings are
    // the places of its items in this order, so that a lookup walks only the places within its
    // window of dates (`near_in`), found by comparing places, without reading any item's day.
    let day: Vec<Option<i32>> = items
        .iter()
        .map(|it| it.meta.published.map(|d| d.num_days_from_ce()))
        .collect();
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by_key(|&i| day[i as usize]);
    let postings = Postings::of(&posted, key_of.len(), &order);
    drop(posted);
    let by_day: Vec<Option<i32>> = order.iter().map(|&i| day[i as usize]).collect();
    drop(day);
    let undated = by_day.partition_point(Option::is_none) as u32;
    let window = p.rewrite_days;
    // Each item looks others up in its place's turn (the pairs are sorted at the end);
    // the weights are added up by place, turned into items before the best are chosen.
    let mut pairs: Vec<(u32, u32)> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![(0f32, 0u16); n], Vec::<u32>::new()),
            |(acc, touched), here| {
                let a = order[here] as usize;
                // An item without a date looks at every item.
                let (undated, window) = match by_day[here] {
                    Some(d) => (undated, places_near(&by_day, d, window)),
                    None => (0, (0, n as u32)),
                };
                let mut mass = 0f32;
                for &key in keys[a].iter() {
                    let w = weight(run, df[key as usize]);
                    mass += w;
                    let (without, within) = near_in(postings.of_key(key), undated, window);
                    for &x in without.iter().chain(within) {
                        let x = x as usize;
                        if x == here {
                            continue;
                        }
                        if acc[x].1 == 0 {
                            touched.push(x as u32);
                        }
                        acc[x].0 += w;
                        acc[x].1 += 1;
                    }
                }
                let found = touched
                    .drain(..)
                    .map(|x| (order[x as usize], std::mem::take(&mut acc[x as usize])));
                best_of(found, mass, p)
                    .into_iter()
                    .map(|b| {
                        let a = a as u32;
                        (a.min(b), a.max(b))
                    })
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect();
    drop(postings);
    drop(keys);
    pairs.par_sort_unstable();
    pairs.dedup();
    // Keys held by one item are left out: they weigh as a key no item holds.
    let weights = Weights {
        df: key_of
            .into_iter()
            .zip(df)
            .filter(|&(_, d)| d >= 2)
            .collect(),
        items: run,
    };
    (pairs, weights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_list_each_keys_items_in_order() {
        let keys: Vec<Box<[u8]>> = [vec![3, 0], vec![], vec![0, 4, 3], vec![3]]
            .into_iter()
            .map(|mut k| pack(&mut k))
            .collect();
        let p = Postings::of(&keys, 6, &[0, 1, 2, 3]);
        let each: Vec<&[u32]> = (0..6).map(|k| p.of_key(k)).collect();
        let want: [&[u32]; 6] = [&[0, 2], &[], &[], &[0, 2, 3], &[2], &[]];
        assert_eq!(each, want);
        assert!(Postings::of(&[], 0, &[]).places.is_empty());
        // In another order (by day, as the lookup needs them), each item is its place in it.
        let p = Postings::of(&keys, 6, &[3, 2, 1, 0]);
        assert_eq!(p.of_key(3), [0, 1, 3]);
        assert_eq!(p.of_key(0), [1, 3]);
    }

    /// Stories of rare words, each carried by six items: five published days apart, one undated.
    fn dated_run() -> Vec<Item> {
        let mut records = String::new();
        for i in 0..90usize {
            let story = i % 15;
            let letter = |x: usize| char::from(b'a' + x as u8);
            let mut text: String = (0..8)
                .map(|j| format!("zq{}{} ", letter(story), letter(j)))
                .collect();
            text.push_str("the council said on the day that it would meet again.");
            // Copies 3, 4 and 7 days apart, and one undated.
            let date = match [0, 3, 7, 11, 14].get(i / 15) {
                Some(days) => format!(", \"published\": \"2024-03-{:02}\"", 1 + story + days),
                None => String::new(),
            };
            records.push_str(&format!(
                "{{\"id\": \"r{i}\", \"outlet\": \"Desk {i}\"{date}, \"text\": \"{text}\"}}\n"
            ));
        }
        crate::read::records::items_from_records("r.jsonl", &records, &Default::default()).unwrap()
    }

    #[test]
    fn candidates_found_in_windows_of_dates_are_those_of_every_posting_walked() {
        let items = dated_run();
        let p = LinkParams::default();
        let (pairs, _) = candidates(&items, &p, &crate::progress::NoProgress);
        // The job's step (steps.rs), which walks every item of each posting list and asks of
        // each whether it is near.
        let n = items.len();
        let read: Vec<_> = items.iter().map(crate::link::steps::rewrite_keys).collect();
        let mut df: FxHashMap<u64, u32> = FxHashMap::default();
        read.iter()
            .flat_map(|r| &r.keys)
            .for_each(|&x| *df.entry(x).or_default() += 1);
        let lookups: Vec<_> = read
            .iter()
            .map(|r| {
                let keys: Vec<(u64, u32)> = r.keys.iter().map(|&x| (x, df[&x])).collect();
                crate::link::steps::rewrite_lookup(r.day, &keys, n, &p)
            })
            .collect();
        let mut posting: FxHashMap<u64, Vec<(usize, Option<i32>)>> = FxHashMap::default();
        for (i, l) in lookups.iter().enumerate() {
            for &(x, _) in &l.posted {
                posting.entry(x).or_default().push((i, l.day));
            }
        }
        let mut want: Vec<(u32, u32)> = (0..n)
            .flat_map(|a| {
                let l = &lookups[a];
                let looked: Vec<_> = l.posted[..l.lookup]
                    .iter()
                    .map(|&(x, d)| (d, posting[&x].clone()))
                    .collect();
                crate::link::steps::rewrite_candidates(a, l.day, &looked, n, &p)
            })
            .map(|(a, b)| (a as u32, b as u32))
            .collect();
        want.sort_unstable();
        want.dedup();
        // Pairs within the window, and with undated items, are proposed; pairs further apart
        // are not.
        let apart = |&(a, b): &(u32, u32)| {
            let d = |i: u32| items[i as usize].meta.published;
            d(a).zip(d(b)).map(|(x, y)| (x - y).num_days().abs())
        };
        assert!(want.iter().any(|x| apart(x) == Some(3)));
        assert!(want.iter().any(|x| apart(x).is_none()));
        assert!(want.iter().all(|x| apart(x).is_none_or(|d| d <= 3)));
        assert_eq!(pairs, want);
    }

    #[test]
    fn the_window_holds_the_days_on_its_edges() {
        let by_day = [None, None, Some(9), Some(10), Some(13), Some(16), Some(17)];
        assert_eq!(places_near(&by_day, 13, 3), (3, 6));
        assert_eq!(places_near(&by_day, 12, 3), (2, 5));
        assert_eq!(places_near(&by_day, 40, 3), (7, 7));
        assert_eq!(places_near(&by_day, 13, -1), (5, 5));
    }

    #[test]
    fn a_lookup_walks_the_undated_and_its_window() {
        // Places 0..2 undated, the window 5..8.
        let list = [0, 1, 3, 4, 5, 7, 8, 9];
        let (without, within) = near_in(&list, 2, (5, 8));
        assert_eq!((without, within), (&[0, 1][..], &[5, 7][..]));
        assert_eq!(near_in(&list, 0, (0, 10)), (&[][..], &list[..]));
        assert_eq!(near_in(&list, 2, (6, 6)).1, &[] as &[u32]);
    }

    #[test]
    fn packed_numbers_read_back_sorted() {
        let mut ids = vec![300, 0, 7, u32::MAX, 128, 127, 1 << 21, 5];
        let packed = pack(&mut ids);
        let back: Vec<u32> = unpack(&packed).collect();
        assert_eq!(back, [0, 5, 7, 127, 128, 300, 1 << 21, u32::MAX]);
        // Small distances take a byte each.
        assert_eq!(pack(&mut [1, 2, 3, 4]).len(), 4);
        assert_eq!(unpack(&pack(&mut [])).count(), 0);
    }
}
