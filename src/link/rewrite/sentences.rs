//! Sentence alignment that tolerates rewriting: every sentence of one text is paired with the
//! sentences of the other that hold its rare words, whatever their order and whatever words were
//! inserted or replaced around them. A pair is aligned when most of one sentence's weight (its
//! words weighted by rarity) is found in the other and enough words of content are shared; a
//! sentence split in two or two merged into one still align, each part with the whole.
//!
//! Words that stand inside quotation marks in both texts are no evidence: two outlets quoting
//! one official share the quotation, not each other's sentences.

use super::candidates::Weights;
use super::words::{Profile, Word, profile};
use crate::link::LinkParams;
use rustc_hash::FxHashMap;

/// One text ready for alignment: its words, their weights, each sentence's weight.
pub struct Prepared {
    pub profile: Profile,
    weight: Vec<f32>,
    sentence_weight: Vec<f32>,
    /// Every key and joined key → the sentences holding it, and whether outside quotation
    /// marks there.
    index: FxHashMap<u64, Vec<(u32, bool)>>,
    /// Each sentence's word pairs in order (next words and the ones after: a word inserted
    /// between two keeps them a pair), at least one of them a word of content.
    pairs: Vec<Vec<u64>>,
    /// Every word pair → the sentences holding it.
    pair_index: FxHashMap<u64, Vec<u32>>,
}

/// The key of two words in this order.
fn pair_key(x: u64, y: u64) -> u64 {
    crate::link::normalise::mix(x.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ y)
}

impl Prepared {
    /// `text` prepared; `cw` is the weight of a word of content.
    pub fn new(text: &str, w: &Weights, cw: f32) -> Prepared {
        let profile = profile(text);
        // A word in several sentences of the story is what the story is about (its names,
        // its place, its topic), which every story of the event repeats: it weighs as much in
        // all of them together as a word of one sentence does there.
        let mut sentences_of: FxHashMap<u64, u32> = FxHashMap::default();
        for s in &profile.sentences {
            let ws = &profile.words[s.words.0 as usize..s.words.1 as usize];
            let mut keys: Vec<u64> = ws.iter().map(|x| x.key).collect();
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                *sentences_of.entry(k).or_default() += 1;
            }
        }
        let weight: Vec<f32> = profile
            .words
            .iter()
            .map(|x| w.of(x.key) / sentences_of.get(&x.key).copied().unwrap_or(1).max(1) as f32)
            .collect();
        let sentence_weight = profile
            .sentences
            .iter()
            .map(|s| weight[s.words.0 as usize..s.words.1 as usize].iter().sum())
            .collect();
        let mut index: FxHashMap<u64, Vec<(u32, bool)>> = FxHashMap::default();
        for (n, s) in profile.sentences.iter().enumerate() {
            for x in &profile.words[s.words.0 as usize..s.words.1 as usize] {
                for k in [x.key, x.joined] {
                    if k == 0 {
                        continue;
                    }
                    let v = index.entry(k).or_default();
                    match v.last_mut() {
                        Some(last) if last.0 == n as u32 => last.1 |= !x.quoted,
                        _ => v.push((n as u32, !x.quoted)),
                    }
                }
            }
        }
        let mut pair_index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        let pairs: Vec<Vec<u64>> = profile
            .sentences
            .iter()
            .enumerate()
            .map(|(n, s)| {
                let (lo, hi) = (s.words.0 as usize, s.words.1 as usize);
                let mut v = Vec::with_capacity(2 * (hi - lo));
                for i in lo..hi {
                    for j in i + 1..(i + 3).min(hi) {
                        let (x, y) = (&profile.words[i], &profile.words[j]);
                        let content = weight[i].max(weight[j]) >= cw;
                        if content && !(x.quoted && y.quoted) {
                            v.push(pair_key(x.key, y.key));
                        }
                    }
                }
                v.sort_unstable();
                v.dedup();
                for &k in &v {
                    pair_index.entry(k).or_default().push(n as u32);
                }
                v
            })
            .collect();
        Prepared {
            profile,
            weight,
            sentence_weight,
            index,
            pairs,
            pair_index,
        }
    }

    /// Words of the text.
    pub fn words(&self) -> usize {
        self.profile.words.len()
    }

    /// Words of sentence `s`.
    pub fn sentence_words(&self, s: usize) -> usize {
        let (a, b) = self.profile.sentences[s].words;
        (b - a) as usize
    }

    fn words_of(&self, s: usize) -> &[Word] {
        let (a, b) = self.profile.sentences[s].words;
        &self.profile.words[a as usize..b as usize]
    }
}

/// Two sentences that align: `a` of the first text, `b` of the second, the share of each
/// one's weight found in the other, and the words of content they share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub a: u32,
    pub b: u32,
    pub in_a: f32,
    pub in_b: f32,
    pub shared: u32,
    /// Word pairs in order that both hold.
    pub order: u32,
}

/// What two texts share sentence by sentence.
#[derive(Debug, Clone, Default)]
pub struct Aligned {
    /// Aligned sentence pairs, by `a` then `b`.
    pub pairs: Vec<Pair>,
    /// The share of each text's words in its aligned sentences.
    pub share_a: f64,
    pub share_b: f64,
    /// Words of content shared over all aligned pairs (the fewer of the two sides).
    pub shared: usize,
    /// Word pairs in order shared over all aligned pairs.
    pub order: usize,
}

/// Per (sentence of `from`, sentence of `into`): the weight of `from`'s sentence found in
/// `into`'s, and how many of those words are words of content.
fn hits(from: &Prepared, into: &Prepared, p: &LinkParams) -> FxHashMap<(u32, u32), (f32, u32)> {
    let mut out: FxHashMap<(u32, u32), (f32, u32)> = FxHashMap::default();
    let mut marks: Vec<(u32, u32, f32)> = Vec::new();
    for (s, sent) in from.profile.sentences.iter().enumerate() {
        marks.clear();
        let (lo, hi) = (sent.words.0 as usize, sent.words.1 as usize);
        for i in lo..hi {
            let w = &from.profile.words[i];
            // The word itself, and the word run together with the next (both words match).
            for (k, n) in [(w.key, 1), (w.joined, 2)] {
                if k == 0 {
                    continue;
                }
                let Some(v) = into.index.get(&k) else {
                    continue;
                };
                // The same word in several sentences there matches each of them less.
                let spread = (v.len() as f32).sqrt();
                for &(t, unquoted) in v {
                    for j in i..(i + n).min(hi) {
                        // Quoted here and only quoted there: the same quotation, no evidence.
                        if unquoted || !from.profile.words[j].quoted {
                            marks.push((t, j as u32, spread));
                        }
                    }
                }
            }
        }
        marks.sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(x.2.total_cmp(&y.2)));
        marks.dedup_by_key(|x| (x.0, x.1));
        for &(t, j, spread) in &marks {
            let w = from.weight[j as usize] / spread;
            let e = out.entry((s as u32, t)).or_default();
            e.0 += w;
            e.1 += u32::from(w >= p.rewrite_content_weight);
        }
    }
    out
}

/// Per (sentence of `a`, sentence of `b`): the word pairs in order both hold.
fn order_hits(a: &Prepared, b: &Prepared) -> FxHashMap<(u32, u32), u32> {
    let mut out: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for (s, keys) in a.pairs.iter().enumerate() {
        for k in keys {
            for &t in b.pair_index.get(k).map_or(&[][..], Vec::as_slice) {
                *out.entry((s as u32, t)).or_default() += 1;
            }
        }
    }
    out
}

/// The sentences `a` and `b` share.
pub fn align(a: &Prepared, b: &Prepared, p: &LinkParams) -> Aligned {
    let ab = hits(a, b, p);
    let ba = hits(b, a, p);
    let order = order_hits(a, b);
    let mut pairs: Vec<Pair> = ab
        .iter()
        .filter_map(|(&(s, t), &(mass_a, n_a))| {
            let &(mass_b, n_b) = ba.get(&(t, s))?;
            let in_a = mass_a / a.sentence_weight[s as usize].max(1e-6);
            let in_b = mass_b / b.sentence_weight[t as usize].max(1e-6);
            let shared = n_a.min(n_b);
            let aligned = shared as usize >= p.rewrite_sentence_words
                && in_a.max(in_b) >= p.rewrite_sentence_share
                && in_a.min(in_b) >= p.rewrite_sentence_other;
            aligned.then_some(Pair {
                a: s,
                b: t,
                in_a,
                in_b,
                shared,
                order: order.get(&(s, t)).copied().unwrap_or(0),
            })
        })
        .collect();
    // Each sentence keeps its best partner, and the partners a split or merged sentence has
    // beside it (the other part of it is wholly in the other text).
    pairs.sort_unstable_by(|x, y| x.a.cmp(&y.a).then(x.b.cmp(&y.b)));
    let best_of = |key: &dyn Fn(&Pair) -> u32| {
        let mut best: FxHashMap<u32, (f32, u32)> = FxHashMap::default();
        for x in &pairs {
            let score = x.in_a + x.in_b;
            let e = best.entry(key(x)).or_insert((score, x.a.max(x.b)));
            if score > e.0 {
                *e = (score, x.a.max(x.b));
            }
        }
        best
    };
    let best_a = best_of(&|x| x.a);
    let best_b = best_of(&|x| x.b);
    pairs.retain(|x| {
        let score = x.in_a + x.in_b;
        score >= best_a[&x.a].0 || score >= best_b[&x.b].0 || x.in_a.max(x.in_b) >= 0.8
    });
    let mut in_a = vec![false; a.profile.sentences.len()];
    let mut in_b = vec![false; b.profile.sentences.len()];
    for x in &pairs {
        in_a[x.a as usize] = true;
        in_b[x.b as usize] = true;
    }
    let share = |t: &Prepared, marked: &[bool]| {
        let words: usize = (0..marked.len())
            .filter(|&s| marked[s])
            .map(|s| t.sentence_words(s))
            .sum();
        words as f64 / t.words().max(1) as f64
    };
    Aligned {
        share_a: share(a, &in_a),
        share_b: share(b, &in_b),
        shared: pairs.iter().map(|x| x.shared as usize).sum(),
        order: pairs.iter().map(|x| x.order as usize).sum(),
        pairs,
    }
}

/// What a rewrite changed in one sentence: words replaced, added, left out, and kept words
/// that moved (out of the source's order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub replaced: usize,
    pub added: usize,
    pub dropped: usize,
    pub moved: usize,
}

impl std::ops::AddAssign for Changes {
    fn add_assign(&mut self, o: Changes) {
        self.replaced += o.replaced;
        self.added += o.added;
        self.dropped += o.dropped;
        self.moved += o.moved;
    }
}

/// "3 words replaced, 2 added, 1 left out, 4 moved", or "no word changed".
impl std::fmt::Display for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut first = true;
        for (n, what) in [
            (self.replaced, "replaced"),
            (self.added, "added"),
            (self.dropped, "left out"),
            (self.moved, "moved"),
        ] {
            if n == 0 {
                continue;
            }
            if first {
                write!(f, "{n} {} {what}", if n == 1 { "word" } else { "words" })?;
            } else {
                write!(f, ", {n} {what}")?;
            }
            first = false;
        }
        if first {
            f.write_str("no word changed")?;
        }
        Ok(())
    }
}

/// What a rewrite changed between the source's sentence `s` and the copy's `c`: a copy's word
/// not in the source's sentence and a source's word not in the copy's make a replaced word; the
/// rest are added or left out; kept words out of the source's order moved.
pub fn changes(source: &Prepared, s: usize, copy: &Prepared, c: usize) -> Changes {
    let (sw, cw) = (source.words_of(s), copy.words_of(c));
    // Each key's first place in the source's sentence.
    let mut in_source: FxHashMap<u64, usize> = FxHashMap::default();
    for (i, w) in sw.iter().enumerate() {
        for k in [w.key, w.joined] {
            if k != 0 {
                in_source.entry(k).or_insert(i);
            }
        }
    }
    let in_copy: rustc_hash::FxHashSet<u64> = cw
        .iter()
        .flat_map(|w| [w.key, w.joined])
        .filter(|&k| k != 0)
        .collect();
    let kept: Vec<usize> = cw
        .iter()
        .filter_map(|w| in_source.get(&w.key).copied())
        .collect();
    let added = cw.len() - kept.len();
    let dropped = sw
        .iter()
        .filter(|w| !in_copy.contains(&w.key) && !in_copy.contains(&w.joined))
        .count();
    let replaced = added.min(dropped);
    Changes {
        replaced,
        added: added - replaced,
        dropped: dropped - replaced,
        moved: kept.len() - longest_increasing(&kept),
    }
}

/// The length of the longest strictly increasing subsequence (words kept in order).
pub fn longest_increasing(v: &[usize]) -> usize {
    let mut tails: Vec<usize> = Vec::new();
    for &x in v {
        let i = tails.partition_point(|&t| t < x);
        if i == tails.len() {
            tails.push(x);
        } else {
            tails[i] = x;
        }
    }
    tails.len()
}
