//! Exact copies folded: a large class of items whose texts are byte for byte the same is linked
//! through one representative instead of pair by pair.
//!
//! Pair by pair, a class of c identical texts below the common-shingle cutoff makes c²/2
//! candidates, each aligned and verified, and pruning then looks at c³ triangles: the only
//! quadratic corner of the reuse stage (docs/perf.md, "Copy groups"). Every pair of the class
//! shares the same passages (one text against itself), so only the items' metadata can tell two
//! pairs apart; in a *plain* class (below) the metadata that can is the trusted dates alone, and
//! the links pair by pair are known without making them: each copy is a repost of every member
//! of the latest date before its own (a later one would be a shortcut, a same-day one a
//! sibling), members of one day share text, undated members share text with all.
//!
//! A folded class is linked so:
//! - only its representative (its first item in the run) proposes candidate pairs; the other
//!   members still count in every shingle's document frequency, so the same shingles are common;
//! - each member is verified against every candidate of the representative (the passages are
//!   the representative's, aligned once per candidate), so its links to other items are decided
//!   by the same rules on its own metadata;
//! - inside the class, a spanning tree of the links pair by pair, each verified by the same rules:
//!   between two consecutive days, the first member of the later day reposts every member of
//!   the earlier day, and every other member of the later day reposts the first of the earlier;
//!   on the first day alone (no later day), and for undated members, a link to the class's
//!   first member. About two links per member instead of c²/2; every one is a link pruning keeps
//!   among the class's own links, and every member stays joined to the class.
//!
//! A class is *plain* when its text aligns with itself over nine tenths of its words or more
//! (then any two members are near-duplicates and no shape rule can decide a direction) and no
//! member credits, links to or names another member's outlet, and no two members credit one news
//! agency: then only dates decide. A class that is not plain, or smaller than [`FOLD_MIN`], is
//! linked pair by pair as before.

use super::LinkParams;
use super::align::{self, Prepared};
use super::direction;
use super::index::ShingleSet;
use crate::dates::DateCheck;
use crate::item::Item;
use crate::outlets;
use crate::vocab::{canonical_key, url_key};
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;

/// Members a class of identical texts needs to be folded. A smaller class costs little pair by
/// pair (at most 120 candidates), and keeps every link pair by pair gives: folding draws a
/// spanning tree of them instead, so it is kept for the classes whose cost grows.
pub const FOLD_MIN: usize = 16;

/// The folded classes of a run.
#[derive(Debug, Default)]
pub struct Fold {
    /// Each folded class's items, ascending (the first is its representative); classes in the
    /// order of their representatives.
    classes: Vec<Vec<u32>>,
    /// For each item of the run, its class's number, or `u32::MAX` when it is not folded.
    class_of: Vec<u32>,
}

impl Fold {
    /// The plain classes of identical texts among `items` that are at least [`FOLD_MIN`] and at
    /// most the run's common-shingle cutoff: a larger class makes every shingle of its text
    /// common, so it is linked through posting-list neighbours, in linear time already.
    pub fn of(items: &[Item], p: &LinkParams) -> Fold {
        let max_df = super::index::run_max_df(items.len(), p);
        if max_df < FOLD_MIN {
            return Fold::default();
        }
        let mut keyed: Vec<(u64, u32)> = items
            .par_iter()
            .enumerate()
            .map(|(i, it)| (xxhash_rust::xxh3::xxh3_64(it.text().as_bytes()), i as u32))
            .collect();
        keyed.par_sort_unstable();
        let mut candidates: Vec<Vec<u32>> = Vec::new();
        for same in keyed.chunk_by(|x, y| x.0 == y.0) {
            if same.len() < FOLD_MIN {
                continue;
            }
            // Equal hashes of different texts are split by the texts themselves.
            let mut left: Vec<u32> = same.iter().map(|&(_, i)| i).collect();
            while left.len() >= FOLD_MIN {
                let first = items[left[0] as usize].text();
                let (class, rest): (Vec<u32>, Vec<u32>) = left
                    .iter()
                    .partition(|&&i| items[i as usize].text() == *first);
                if (FOLD_MIN..=max_df).contains(&class.len()) {
                    candidates.push(class);
                }
                left = rest;
            }
        }
        let mut classes: Vec<Vec<u32>> = candidates
            .into_par_iter()
            .filter(|class| plain(items, class, p))
            .collect();
        classes.sort_unstable();
        let mut class_of = vec![u32::MAX; if classes.is_empty() { 0 } else { items.len() }];
        for (n, class) in classes.iter().enumerate() {
            for &i in class {
                class_of[i as usize] = n as u32;
            }
        }
        Fold { classes, class_of }
    }

    /// Whether no class was folded.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// The folded classes, each ascending.
    pub fn classes(&self) -> &[Vec<u32>] {
        &self.classes
    }

    /// For each item, whether it is left out of candidate generation: a folded member other
    /// than its class's representative.
    pub fn left_out(&self, items: usize) -> Vec<bool> {
        let mut out = vec![false; items];
        for class in &self.classes {
            for &i in &class[1..] {
                out[i as usize] = true;
            }
        }
        out
    }

    /// The members of `i`'s class other than `i`, when `i` represents a folded class.
    pub fn others(&self, i: usize) -> &[u32] {
        match self.class_of.get(i) {
            Some(&n) if n != u32::MAX && self.classes[n as usize][0] as usize == i => {
                &self.classes[n as usize][1..]
            }
            _ => &[],
        }
    }

    /// Whether `a` and `b` are two members of one folded class.
    pub fn same_class(&self, a: usize, b: usize) -> bool {
        match (self.class_of.get(a), self.class_of.get(b)) {
            (Some(&x), Some(&y)) => x != u32::MAX && x == y,
            _ => false,
        }
    }
}

/// Whether only trusted dates can decide between two members of `class` (see the module's
/// documentation).
fn plain(items: &[Item], class: &[u32], p: &LinkParams) -> bool {
    let text = items[class[0] as usize].text();
    let text = text.as_ref();
    let pa = Prepared::new(text, p.k, p.k_pieces);
    let pb = Prepared::probe(text, p.k, p.k_pieces);
    // Which passages are common does not change what the text covers of itself.
    let shared = align::align(&pa, &pb, &ShingleSet::default(), p);
    let words = pa.words().max(1);
    if shared.covered_a * 10 <= words * 9 || shared.covered_a < p.min_words / 2 {
        return false;
    }
    let members: Vec<&Item> = class.iter().map(|&i| &items[i as usize]).collect();
    let mut names: HashSet<String> = HashSet::default();
    let mut urls: HashSet<String> = HashSet::default();
    for it in &members {
        let m = &it.meta;
        names.extend(
            [m.outlet.as_deref(), m.domain.as_deref()]
                .into_iter()
                .flatten()
                .map(canonical_key)
                .filter(|k| !k.is_empty()),
        );
        urls.extend(m.url.as_deref().map(url_key));
    }
    let mut agencies: HashSet<String> = HashSet::default();
    for it in &members {
        let m = &it.meta;
        if m.credits
            .iter()
            .any(|c| names.contains(&canonical_key(&c.outlet)))
            || m.source_urls.iter().any(|u| urls.contains(&url_key(u)))
        {
            return false;
        }
        let mut own: Vec<String> = m
            .credits
            .iter()
            .filter(|c| outlets::is_news_agency(&c.outlet))
            .map(|c| canonical_key(&c.outlet))
            .collect();
        own.sort_unstable();
        own.dedup();
        for a in own {
            if !agencies.insert(a) {
                return false;
            }
        }
    }
    // The text names an outlet as its source: a member of another outlet (or of none) is then
    // a copy of a member of that one. One member per outlet stands for its outlet.
    let key = |it: &Item| it.meta.outlet.as_deref().map(canonical_key);
    let mut by_outlet: Vec<&Item> = members
        .iter()
        .copied()
        .filter(|it| it.meta.outlet.is_some())
        .collect();
    by_outlet.sort_by_key(|it| key(it));
    by_outlet.dedup_by_key(|it| key(it));
    for source in by_outlet {
        let other = members.iter().find(|it| key(it) != key(source));
        if other.is_some_and(|copy| direction::names_source(copy, source).is_some()) {
            return false;
        }
    }
    true
}

/// The pairs (a < b) linked inside one folded class (ascending item indices): the spanning tree
/// of the module's documentation, by each member's trusted date.
pub fn tree_pairs(items: &[Item], class: &[u32], dates: &DateCheck) -> Vec<(u32, u32)> {
    let mut dated: Vec<(NaiveDate, u32)> = Vec::new();
    let mut undated: Vec<u32> = Vec::new();
    for &i in class {
        match dates.trusted(&items[i as usize]) {
            Some(d) => dated.push((d, i)),
            None => undated.push(i),
        }
    }
    dated.sort_unstable();
    let days: Vec<Vec<u32>> = dated
        .chunk_by(|x, y| x.0 == y.0)
        .map(|day| day.iter().map(|&(_, i)| i).collect())
        .collect();
    let mut pairs = Vec::with_capacity(class.len() + days.first().map_or(0, Vec::len));
    let pair = |x: u32, y: u32| (x.min(y), x.max(y));
    for w in days.windows(2) {
        let (earlier, later) = (&w[0], &w[1]);
        pairs.extend(earlier.iter().map(|&x| pair(later[0], x)));
        pairs.extend(later[1..].iter().map(|&y| pair(y, earlier[0])));
    }
    if days.len() == 1 {
        pairs.extend(days[0][1..].iter().map(|&y| pair(y, days[0][0])));
    }
    // The class's first member: of the first day, or the first undated one.
    let first = days.first().map_or(class[0], |d| d[0]);
    pairs.extend(
        undated
            .iter()
            .filter(|&&u| u != first)
            .map(|&u| pair(u, first)),
    );
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{ItemLink, LinkKind, finish_links, verified_folding};
    use crate::progress::NoProgress;

    const STORY: &str = "The Millbrook ferry will stop running across the estuary for six weeks from Monday while engineers replace the worn hinges of its loading ramp, the harbour board said on Tuesday. Passengers will be carried by a replacement bus that leaves the quay every forty minutes and takes the long road around the marshes, adding about half an hour to the journey. The board said the ramp had been patched twice last winter and that a full repair could no longer wait. Shopkeepers on the island side said they feared a quiet summer, since most of their visitors arrive on foot from the ferry. A public meeting on the timetable of the buses will be held at the old grain hall next Thursday evening.";

    /// A record of `text` as outlet `o` printed it on `day` of May 2024 (none: undated).
    fn record(id: &str, o: &str, day: Option<u32>, text: &str) -> String {
        dated(id, o, day.map(|d| format!("2024-05-{d:02}")), text)
    }

    /// A record of `text` as outlet `o` printed it on `date` (none: undated).
    fn dated(id: &str, o: &str, date: Option<String>, text: &str) -> String {
        let date = date.map_or(String::new(), |d| format!(r#", "published": "{d}""#));
        format!(r#"{{"id": "{id}", "outlet": "{o}"{date}, "text": "{text}"}}"#) + "\n"
    }

    /// The links of `records`, folded and pair by pair.
    fn both_ways(records: &str) -> (Vec<ItemLink>, Vec<ItemLink>, Vec<Item>) {
        let items =
            crate::read::records::items_from_records("r.jsonl", records, &Default::default())
                .unwrap();
        let p = small_run();
        let fold = Fold::of(&items, &p);
        assert_eq!(fold.classes().len(), 1, "one class folded");
        let folded = verified_folding(&items, &fold, &p, &NoProgress);
        let pairwise = verified_folding(&items, &Fold::default(), &p, &NoProgress);
        let folded = finish_links(&items, folded, &p, &NoProgress);
        let pairwise = finish_links(&items, pairwise, &p, &NoProgress);
        (folded, pairwise, items)
    }

    /// The thresholds of a run so large that a class of a hundred identical texts is below the
    /// common-shingle cutoff (a run of 200,000 items).
    fn small_run() -> LinkParams {
        LinkParams {
            max_df: 100,
            ..LinkParams::default()
        }
    }

    fn index_of(items: &[Item], id: &str) -> usize {
        items
            .iter()
            .position(|it| it.meta.record_id.as_deref() == Some(id))
            .unwrap()
    }

    #[test]
    fn sixty_copies_on_sixty_days_link_as_pair_by_pair() {
        // The story and 60 outlets copying it, one a day, and a shortened copy (its last
        // sentence cut) printed after all of them: one folded class of 61 and an item outside.
        let mut records = record("origin", "Estuary Courier", Some(1), STORY);
        for c in 0..60u32 {
            let (id, outlet) = (format!("copy-{c}"), format!("Harbour Notes {c}"));
            records.push_str(&dated(&id, &outlet, Some(date_of(c)), STORY));
        }
        let cut = STORY.rsplit_once(" A public").unwrap().0;
        records.push_str(&dated(
            "cut",
            "Island Weekly",
            Some("2024-09-01".into()),
            cut,
        ));
        let (folded, pairwise, items) = both_ways(&records);
        assert_eq!(folded, pairwise);
        // A chain by date: each copy reposts the one published the day before it.
        assert_eq!(folded.len(), 61, "{folded:#?}");
        let first = index_of(&items, "copy-0");
        let origin = index_of(&items, "origin");
        assert!(
            folded
                .iter()
                .any(|l| (l.kind, l.copy, l.source) == (LinkKind::Reposts, first, origin))
        );
    }

    /// Copy `c`'s date: one a day from 2 May 2024, in a shuffled order of the copies.
    fn date_of(c: u32) -> String {
        let day = chrono::NaiveDate::from_ymd_opt(2024, 5, 2).unwrap()
            + chrono::Days::new(u64::from((c * 37) % 60));
        day.to_string()
    }

    /// The story, 60 copies of it on 6 days and 4 undated copies.
    fn on_six_days() -> String {
        let mut records = record("origin", "Estuary Courier", Some(1), STORY);
        for c in 0..64u32 {
            let day = (c < 60).then_some(2 + c % 6);
            records.push_str(&record(
                &format!("copy-{c}"),
                &format!("Harbour Notes {c}"),
                day,
                STORY,
            ));
        }
        records
    }

    #[cfg(feature = "store")]
    #[test]
    fn a_store_folds_as_the_whole_run_does() {
        use crate::link::incremental::*;
        let items = crate::read::records::items_from_records(
            "r.jsonl",
            &on_six_days(),
            &Default::default(),
        )
        .unwrap();
        let p = small_run();
        let fold = Fold::of(&items, &p);
        assert!(!fold.is_empty());
        let whole = verified_folding(&items, &fold, &p, &NoProgress);
        let whole = finish_links(&items, whole, &p, &NoProgress);
        let features: Vec<Vec<u64>> = items.iter().map(|it| shingle_features(it, &p)).collect();
        let (pairs, common) = candidates_of_features(&items, &features, &p);
        let verified = verify_pairs(&items, &pairs, &common, &p);
        let verified = verified.into_iter().flatten().collect();
        let keys = items.iter().map(word_keys).collect();
        let store = finish_links_with_keys(&items, verified, keys, &p, &NoProgress);
        assert_eq!(whole, store);
    }

    #[test]
    fn copies_sharing_days_keep_links_pair_by_pair_keeps_and_every_member() {
        // 60 copies on 6 days, 4 undated, and the story first: folding keeps a spanning tree of
        // the links pair by pair gives (every one of them a link pair by pair keeps), so each
        // copy keeps a source no later than itself and stays joined to the story.
        let (folded, pairwise, items) = both_ways(&on_six_days());
        let key = |l: &ItemLink| (l.kind, l.copy, l.source);
        for l in &folded {
            let pw = pairwise.iter().find(|m| key(m) == key(l));
            assert_eq!(Some(l), pw, "not a link pair by pair");
        }
        // Every item is in a link, and the links join them all.
        let mut joined = vec![false; items.len()];
        for l in &folded {
            joined[l.copy] = true;
            joined[l.source] = true;
        }
        assert!(joined.iter().all(|&j| j), "an item lost every link");
        let groups = crate::link::link_groups(
            &folded
                .iter()
                .map(|l| (l.copy, l.source))
                .collect::<Vec<_>>(),
        );
        assert!(groups.iter().all(|&g| g == groups[0]));
        // Linear: about two links a member, against every pair of consecutive days.
        assert!(folded.len() < 2 * items.len(), "{} links", folded.len());
        assert!(pairwise.len() > 4 * items.len(), "{} links", pairwise.len());
        // No copy reposts a later one.
        for l in folded.iter().filter(|l| l.kind == LinkKind::Reposts) {
            assert!(items[l.copy].meta.published >= items[l.source].meta.published);
        }
        // The story's own day: the first copy of the next day reposts it.
        let origin = index_of(&items, "origin");
        let first_of_day_2 = index_of(&items, "copy-0");
        assert!(
            folded
                .iter()
                .any(|l| (l.kind, l.copy, l.source) == (LinkKind::Reposts, first_of_day_2, origin))
        );
    }

    #[test]
    fn a_class_whose_members_credit_each_other_is_not_folded() {
        let mut records = String::new();
        for c in 0..20u32 {
            records.push_str(&record(
                &format!("copy-{c}"),
                &format!("Harbour Notes {c}"),
                Some(2 + c % 6),
                STORY,
            ));
        }
        records.push_str(
            &record("credit", "Lantern Blog", Some(9), STORY)
                .replace(r#", "text""#, r#", "credits": "Harbour Notes 3", "text""#),
        );
        let items =
            crate::read::records::items_from_records("r.jsonl", &records, &Default::default())
                .unwrap();
        assert!(Fold::of(&items, &small_run()).is_empty());
        // Without the credit, the 21 copies fold.
        let plain = records.replace(r#", "credits": "Harbour Notes 3""#, "");
        let items =
            crate::read::records::items_from_records("r.jsonl", &plain, &Default::default())
                .unwrap();
        assert_eq!(Fold::of(&items, &small_run()).classes()[0].len(), 21);
        // At the cutoff of a small run (12 items) the class is linked through posting-list
        // neighbours: not folded.
        assert!(Fold::of(&items, &LinkParams::default()).is_empty());
    }
}
