//! Copies folded: a large class of items whose texts are the same, byte for byte or but for a
//! line of each one's own, is linked through one representative instead of pair by pair.
//!
//! Pair by pair, a class of c copies below the common-shingle cutoff makes c²/2 candidates,
//! each aligned and verified, and pruning then looks at c³ triangles: the only quadratic corner
//! of the reuse stage (docs/perf.md, "Copy groups"). Every pair of the class shares the same
//! passages (one text against itself), so only the items' metadata can tell two pairs apart; in
//! a *plain* class (below) the metadata that can is the trusted dates alone, and the links pair
//! by pair are known without making them: each copy is a repost of every member of the latest
//! date before its own (a later one would be a shortcut, a same-day one a sibling), members of
//! one day share text, undated members share text with all.
//!
//! The members of a class share a *core* ([`cores`]): the whole text, or the text without its
//! first line, its last line or both — a banner or headline above a story, a "Reporting by"
//! line or footer below it. What a member prints beside the core is its own: no other member
//! of the class prints it (a line two members print would tell them apart), and it is short
//! enough that the core covers nine tenths of the member's words.
//!
//! A folded class is linked so:
//! - only its representative (its first item in the run) proposes candidate pairs; the other
//!   members still count in every shingle's document frequency, so the same shingles are common;
//! - each member is verified against every candidate of the representative, so its links to
//!   other items are decided by the same rules on its own metadata (and its own text, when it
//!   has lines of its own: `folded.rs`);
//! - inside the class, a spanning tree of the links pair by pair, each verified by the same rules:
//!   between two consecutive days, the first member of the later day reposts every member of
//!   the earlier day, and every other member of the later day reposts the first of the earlier;
//!   on the first day alone (no later day), and for undated members, a link to the class's
//!   first member. About two links per member instead of c²/2; every member stays joined to
//!   the class. For byte-identical members every one is a link pruning keeps among the class's
//!   own links; members with lines of their own differ a little in how alike each two are,
//!   which pruning pair by pair weighs (docs/reposts.md, "Many exact copies").
//!
//! A class is *plain* when its core aligns with itself over nine tenths of each member's words
//! or more (then any two members are near-duplicates and no shape rule can decide a direction)
//! and no member credits, links to or names another member's outlet, and no two members credit
//! one news agency: then only dates decide. A class that is not plain, or smaller than
//! [`FOLD_MIN`], is linked pair by pair as before; so is one whose core lies mostly in lines
//! more items print than the common-shingle cutoff (their shingles are common: the story
//! pairs posting-list neighbours already).

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
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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
    /// The plain classes of near-identical texts among `items` that are at least [`FOLD_MIN`]
    /// and at most the run's common-shingle cutoff: a larger class makes every shingle of its
    /// text common, so it is linked through posting-list neighbours, in linear time already.
    pub fn of(items: &[Item], p: &LinkParams) -> Fold {
        let max_df = super::index::run_max_df(items.len(), p);
        if max_df < FOLD_MIN {
            return Fold::default();
        }
        let (classes, lines) = classes_by_core(items);
        let mut classes: Vec<Vec<u32>> = classes
            .into_par_iter()
            .filter(|class| !common_core(items, class[0], &lines, max_df))
            .filter_map(|class| plain(items, class, max_df, p))
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

    /// The number of the class `i` represents (in [`Fold::classes`]), if it represents one.
    pub fn represented(&self, i: usize) -> Option<usize> {
        match self.class_of.get(i) {
            Some(&n) if n != u32::MAX && self.classes[n as usize][0] as usize == i => {
                Some(n as usize)
            }
            _ => None,
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

/// One member of a class of near-identical texts: its item, and the byte range of its text the
/// class shares (its core). The rest, one line before the core and one after it at most, is the
/// member's own (a banner, a headline, a credit or "Reporting by" line, a footer).
#[derive(Debug, Clone, Copy)]
struct Member {
    item: u32,
    core: (u32, u32),
}

/// The cores a text may share with near-identical copies of it, as byte ranges: all of it, and,
/// when it has more than one line, it without its first line, without its last line and
/// without both (surrounding white space left out).
pub(crate) fn cores(text: &str) -> Vec<(usize, usize)> {
    let mut out = vec![(0, text.len())];
    // Lines of the text without the white space around it.
    let start = text.len() - text.trim_start().len();
    let end = start + text.trim().len();
    let bytes = &text.as_bytes()[start..end];
    let (Some(first), Some(last)) = (memchr::memchr(b'\n', bytes), memchr::memrchr(b'\n', bytes))
    else {
        return out;
    };
    let (first, last) = (start + first, start + last);
    for (s, e) in [(first + 1, end), (start, last), (first + 1, last)] {
        if s >= e {
            continue;
        }
        let part = &text[s..e];
        let s = s + part.len() - part.trim_start().len();
        let e = s + part.trim().len();
        if s < e && !out.contains(&(s, e)) {
            out.push((s, e));
        }
    }
    out
}

/// Whether two texts share a core ([`cores`]): they may be members of one folded class.
pub(crate) fn share_a_core(a: &str, b: &str) -> bool {
    let of_b = cores(b);
    cores(a)
        .into_iter()
        .any(|(s, e)| of_b.iter().any(|&(t, f)| a[s..e] == b[t..f]))
}

/// A core an item may join a class by: (item, (longer core, more items sharing it, its hash)
/// reversed, so that an item's best choice sorts first, its range).
type Choice = (u32, std::cmp::Reverse<(u32, usize, u64)>, (u32, u32));

/// A core of an item: (hash of the core, item, core's range).
type Keyed = (u64, u32, u32, u32);

/// The classes of items sharing a core, of [`FOLD_MIN`] members or more, before the checks of
/// [`plain`]. Each item joins one class at most: of its cores that [`FOLD_MIN`] items share,
/// the longest (then the most shared), so a story word for word stays whole and a copy with a
/// banner joins the story's class, not that of a copy with a paragraph dropped.
/// Also the hashes of every item's lines ([`line_hashes`]), each once an item, sorted: how
/// many items print a line.
fn classes_by_core(items: &[Item]) -> (Vec<Vec<Member>>, Vec<u64>) {
    let (keyed, lines): (Vec<Vec<Keyed>>, Vec<Vec<u64>>) = items
        .par_iter()
        .enumerate()
        .map(|(i, it)| {
            let text = it.text();
            let keyed = cores(&text)
                .into_iter()
                .map(|(s, e)| {
                    let h = xxhash_rust::xxh3::xxh3_64(&text.as_bytes()[s..e]);
                    (h, i as u32, s as u32, e as u32)
                })
                .collect();
            (keyed, line_hashes(&text))
        })
        .unzip();
    let mut keyed: Vec<Keyed> = keyed.into_iter().flatten().collect();
    let mut lines: Vec<u64> = lines.into_iter().flatten().collect();
    lines.par_sort_unstable();
    keyed.par_sort_unstable();
    let mut choices: Vec<Choice> = Vec::new();
    for same in keyed.chunk_by(|x, y| x.0 == y.0) {
        // Items are sorted within a hash: one text's cores with equal bytes count once.
        let n = 1 + same.windows(2).filter(|w| w[0].1 != w[1].1).count();
        if n < FOLD_MIN {
            continue;
        }
        choices.extend(
            same.iter()
                .map(|&(h, i, s, e)| (i, std::cmp::Reverse((e - s, n, h)), (s, e))),
        );
    }
    drop(keyed);
    choices.par_sort_unstable();
    let mut chosen: Vec<(u64, u32, (u32, u32))> = choices
        .chunk_by(|x, y| x.0 == y.0)
        .map(|c| (c[0].1.0.2, c[0].0, c[0].2))
        .collect();
    drop(choices);
    chosen.par_sort_unstable();
    let mut classes = Vec::new();
    for same in chosen.chunk_by(|x, y| x.0 == y.0) {
        // Equal hashes of different cores are split by the cores themselves.
        let mut left: Vec<Member> = same
            .iter()
            .map(|&(_, item, core)| Member { item, core })
            .collect();
        while left.len() >= FOLD_MIN {
            let core_of = |m: &Member| {
                let text = items[m.item as usize].text();
                text[m.core.0 as usize..m.core.1 as usize].to_string()
            };
            let first = core_of(&left[0]);
            let (class, rest): (Vec<Member>, Vec<Member>) =
                left.iter().partition(|m| core_of(m) == first);
            if class.len() >= FOLD_MIN {
                classes.push(class);
            }
            left = rest;
        }
    }
    (classes, lines)
}

/// The hashes of a text's lines (white space around each left out, empty lines skipped), each
/// once.
fn line_hashes(text: &str) -> Vec<u64> {
    let mut hs: Vec<u64> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| xxhash_rust::xxh3::xxh3_64(l.as_bytes()))
        .collect();
    hs.sort_unstable();
    hs.dedup();
    hs
}

/// Whether most of the core of `first`'s class (by bytes) lies in lines that more items print
/// than the common-shingle cutoff (`lines`: every item's line hashes, sorted). Their shingles
/// are common: the story is linked through posting-list neighbours, in linear time already,
/// and folded, the members would meet its other copies (cut ones, ones with a line of their
/// own that other copies print) only through the representative's few neighbours.
fn common_core(items: &[Item], first: Member, lines: &[u64], max_df: usize) -> bool {
    let text = items[first.item as usize].text();
    let core = &text[first.core.0 as usize..first.core.1 as usize];
    let held = |h: u64| lines.partition_point(|&x| x <= h) - lines.partition_point(|&x| x < h);
    let (mut common, mut all) = (0, 0);
    for line in core.lines().map(str::trim).filter(|l| !l.is_empty()) {
        all += line.len();
        if held(xxhash_rust::xxh3::xxh3_64(line.as_bytes())) > max_df {
            common += line.len();
        }
    }
    common * 2 > all
}

/// The items of `class` that are folded, ascending, when it is *plain*: only trusted dates can
/// decide between two of its members (see the module's documentation). A member whose own
/// lines another member prints too, or with more words of its own than its core can take
/// (below nine tenths of its words shared), is left out of it and linked pair by pair.
fn plain(items: &[Item], class: Vec<Member>, max_df: usize, p: &LinkParams) -> Option<Vec<u32>> {
    let own = |m: &Member| {
        let text = items[m.item as usize].text();
        let (s, e) = (m.core.0 as usize, m.core.1 as usize);
        [text[..s].trim().to_string(), text[e..].trim().to_string()]
    };
    let owns: Vec<[String; 2]> = class.iter().map(own).collect();
    let mut seen: HashMap<&str, u32> = HashMap::default();
    for line in owns.iter().flatten().filter(|l| !l.is_empty()) {
        *seen.entry(line).or_default() += 1;
    }
    let first = class[0];
    let text = items[first.item as usize].text();
    let core = &text[first.core.0 as usize..first.core.1 as usize];
    let pa = Prepared::new(core, p.k, p.k_pieces);
    let pb = Prepared::probe(core, p.k, p.k_pieces);
    // Which passages are common does not change what the core covers of itself.
    let shared = align::align(&pa, &pb, &ShingleSet::default(), p);
    if shared.covered_a < p.min_words / 2 {
        return None;
    }
    let words = |l: &str| {
        if l.is_empty() {
            0
        } else {
            Prepared::probe(l, p.k, p.k_pieces).words()
        }
    };
    let core_words = pa.words().max(1);
    let class: Vec<u32> = class
        .iter()
        .zip(&owns)
        .filter(|(_, lines)| {
            let apart = lines.iter().all(|l| l.is_empty() || seen[l.as_str()] == 1);
            let own_words: usize = lines.iter().map(|l| words(l)).sum();
            apart && shared.covered_a * 10 > (core_words + own_words) * 9
        })
        .map(|(m, _)| m.item)
        .collect();
    if !(FOLD_MIN..=max_df).contains(&class.len()) {
        return None;
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
            return None;
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
                return None;
            }
        }
    }
    (!names_a_member(&members)).then_some(class)
}

/// Whether a member's text names another member's outlet as its source: it is then a copy of
/// that member, whatever the dates say. One member per outlet stands for its outlet; a text is
/// read for a source only where it holds one of their names.
fn names_a_member(members: &[&Item]) -> bool {
    let key = |it: &Item| it.meta.outlet.as_deref().map(canonical_key);
    let mut by_outlet: Vec<&Item> = members
        .iter()
        .copied()
        .filter(|it| it.meta.outlet.is_some())
        .collect();
    by_outlet.sort_by_key(|it| key(it));
    by_outlet.dedup_by_key(|it| key(it));
    let mut patterns: Vec<&str> = Vec::new();
    let mut outlet_of: Vec<usize> = Vec::new();
    for (n, it) in by_outlet.iter().enumerate() {
        let outlet = it.meta.outlet.as_deref().unwrap_or_default();
        let mut names = outlets::names_of(outlet);
        if names.is_empty() {
            names.push(outlet);
        }
        for name in names {
            patterns.push(name);
            outlet_of.push(n);
        }
    }
    // A set of names too large to search is taken to be named: the class is not folded.
    let Ok(search) = aho_corasick::AhoCorasick::new(&patterns) else {
        return true;
    };
    members.iter().any(|copy| {
        let text = copy.text();
        let mut named: Vec<usize> = search
            .find_overlapping_iter(text.as_ref())
            .map(|m| outlet_of[m.pattern().as_usize()])
            .collect();
        named.sort_unstable();
        named.dedup();
        named
            .into_iter()
            .any(|n| direction::names_source(copy, by_outlet[n]).is_some())
    })
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
        let items = read(records);
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

    /// The items of a fixture of records, as a run reads them.
    fn read(records: &str) -> Vec<Item> {
        crate::read::records::items_from_records("r.jsonl", records, &Default::default()).unwrap()
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
        let items = read(&on_six_days());
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
        let items = read(&records);
        assert!(Fold::of(&items, &small_run()).is_empty());
        // Without the credit, the 21 copies fold.
        let plain = records.replace(r#", "credits": "Harbour Notes 3""#, "");
        let items = read(&plain);
        assert_eq!(Fold::of(&items, &small_run()).classes()[0].len(), 21);
        // At the cutoff of a small run (12 items) the class is linked through posting-list
        // neighbours: not folded.
        assert!(Fold::of(&items, &LinkParams::default()).is_empty());
    }

    /// The story as copy `c` printed it: a banner line of its own above it, and on every third
    /// copy a "Reporting by" line of its own below it (lines no other copy prints).
    fn near(c: u32) -> String {
        let banner = format!("Quay notes {c} of {}", 1900 + c);
        let mut text = format!("{banner}\\n\\n{STORY}");
        if c.is_multiple_of(3) {
            text.push_str(&format!("\\n\\nReporting by Ada Quill {c}."));
        }
        text
    }

    /// The story, 60 near-identical copies on 6 days and 4 undated ones.
    fn near_on_six_days() -> String {
        let mut records = record("origin", "Estuary Courier", Some(1), STORY);
        for c in 0..64u32 {
            let day = (c < 60).then_some(2 + c % 6);
            records.push_str(&record(
                &format!("copy-{c}"),
                &format!("Harbour Notes {c}"),
                day,
                &near(c),
            ));
        }
        records
    }

    #[test]
    fn a_text_s_cores_leave_out_its_first_and_last_line() {
        let text = "Banner of its own\n\nThe story.\nIts end.\n\nReporting by A. Quill\n";
        let parts: Vec<&str> = cores(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(
            parts,
            [
                text,
                "The story.\nIts end.\n\nReporting by A. Quill",
                "Banner of its own\n\nThe story.\nIts end.",
                "The story.\nIts end.",
            ]
        );
        assert_eq!(cores("One line only"), [(0, 13)]);
        assert!(share_a_core(text, "Another banner\nThe story.\nIts end."));
        assert!(!share_a_core(text, "The story.\nAnother end."));
    }

    #[test]
    fn near_identical_copies_keep_the_verdicts_pair_by_pair_and_every_member() {
        // 60 copies with a banner each (and a third with a "Reporting by" line) on 6 days, 4
        // undated, and the story itself: one class of 65, whose core is the story.
        let items = read(&near_on_six_days());
        let p = small_run();
        let fold = Fold::of(&items, &p);
        assert_eq!(fold.classes().len(), 1);
        assert_eq!(fold.classes()[0].len(), items.len());
        let folded = verified_folding(&items, &fold, &p, &NoProgress);
        let pairwise = verified_folding(&items, &Fold::default(), &p, &NoProgress);
        // Every pair folding verifies has the verdict pair by pair gives it: its kind, its
        // direction, its evidence and confidence.
        let verdict = |a: usize, b: usize| pairwise.iter().find(|f| (f.a, f.b) == (a, b));
        for f in &folded {
            assert_eq!(Some(f), verdict(f.a, f.b), "a verdict of its own");
        }
        assert!(folded.len() < 2 * items.len(), "{} pairs", folded.len());
        assert!(
            pairwise.len() > 20 * items.len(),
            "{} pairs",
            pairwise.len()
        );
        let folded = finish_links(&items, folded, &p, &NoProgress);
        // Every copy is joined to the story, and reposts only an item no later than itself.
        let groups = crate::link::link_groups(
            &folded
                .iter()
                .map(|l| (l.copy, l.source))
                .collect::<Vec<_>>(),
        );
        assert!(groups.iter().all(|&g| g == groups[0]), "{folded:#?}");
        for l in folded.iter().filter(|l| l.kind == LinkKind::Reposts) {
            assert!(items[l.copy].meta.published >= items[l.source].meta.published);
        }
        // Each dated copy reposts a member of the day before its own (the story's, on day 2).
        for c in 0..60u32 {
            let copy = index_of(&items, &format!("copy-{c}"));
            let day = items[copy].meta.published.unwrap();
            assert!(
                folded.iter().any(|l| l.kind == LinkKind::Reposts
                    && l.copy == copy
                    && items[l.source].meta.published == day.pred_opt()),
                "copy-{c}"
            );
        }
    }

    #[test]
    fn a_near_identical_copy_naming_another_member_s_outlet_is_not_folded() {
        // Its own line says where it got the story: pair by pair that decides the direction
        // before the dates, so only dates must be left to decide for a class to fold.
        let records = near_on_six_days().replace(
            "Quay notes 7 of 1907",
            "The story below is reproduced according to Harbour Notes 12",
        );
        let items = read(&records);
        assert!(Fold::of(&items, &small_run()).is_empty());
    }

    #[test]
    fn copies_sharing_a_line_of_their_own_are_left_out_of_the_class() {
        // Copies 0..10 print one banner: it is no line of their own, so they are linked pair by
        // pair (their banner tells them apart from the other copies).
        let mut records = near_on_six_days();
        for c in 0..10u32 {
            records = records.replace(
                &format!("Quay notes {c} of {}\\n", 1900 + c),
                "Evening quay notes\\n",
            );
        }
        let items = read(&records);
        let fold = Fold::of(&items, &small_run());
        assert_eq!(fold.classes().len(), 1);
        assert_eq!(fold.classes()[0].len(), items.len() - 10);
        assert!(!fold.same_class(index_of(&items, "copy-0"), index_of(&items, "origin")));
    }

    #[test]
    fn a_class_whose_core_more_items_print_than_the_cutoff_is_not_folded() {
        // 65 copies of the story and 10 more that print it above a footer they share: the
        // story's line is in 75 items, over a cutoff of 70, so its shingles are common and the
        // 65 are linked through posting-list neighbours, not folded.
        let mut records = near_on_six_days();
        let p = LinkParams {
            max_df: 70,
            ..LinkParams::default()
        };
        assert_eq!(Fold::of(&read(&records), &p).classes()[0].len(), 65);
        for c in 0..10u32 {
            let text = format!("{STORY}\\n\\nShared footer of the weekly round-up.");
            records.push_str(&record(&format!("more-{c}"), "Round-up", Some(9), &text));
        }
        assert!(Fold::of(&read(&records), &p).is_empty());
    }
}
