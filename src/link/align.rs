//! Verification of a candidate pair: the passages the two texts share, found by matching every
//! word shingle and chaining matches that run along the same diagonal, bridging small gaps (an
//! edited word, a dropped sentence) so that an edited copy still aligns as one passage.

use super::LinkParams;
use super::index::{ShingleSet, sampled};
use super::normalise::Token;

/// A shared passage: token ranges [start, end) in each text. They index `Prepared::tokens`, not
/// bytes, so they stay pairs: a `vocab::Span` is always bytes (the exported alignments are the
/// byte spans of their first and last tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub a: (usize, usize),
    pub b: (usize, usize),
    /// Most of its indexed shingles are common (boilerplate, stock phrases).
    pub common: bool,
    /// Most of its words stand inside quotation marks in both texts: two writers quoting the
    /// same speaker.
    pub quoted: bool,
    /// Its words inside quotation marks in both texts (the fewer of the two counts).
    pub quoted_words: usize,
    /// Its words in each text (tokens are joining pieces in Arabic script, so not `a.1 - a.0`).
    pub words_a: usize,
    pub words_b: usize,
}

impl Passage {
    /// Words of prose of the writer's own that both items carry: not boilerplate, not inside
    /// quotation marks in both, unless the quotation is so long (several paragraphs of a
    /// statement or report) that carrying all of it is copying.
    pub fn prose_words(&self, p: &LinkParams) -> usize {
        let len = self.words_a;
        match () {
            _ if self.common => 0,
            _ if len >= p.long_quote => len,
            _ => len - self.quoted_words.min(len),
        }
    }
}

/// What two texts share.
#[derive(Debug, Clone, Default)]
pub struct Shared {
    pub passages: Vec<Passage>,
    /// Words of each text inside some passage.
    pub covered_a: usize,
    pub covered_b: usize,
    /// The same, counting only passages that are not common.
    pub rare_a: usize,
    pub rare_b: usize,
    /// The same, counting only prose (not common, not quoted in both).
    pub prose_a: usize,
    pub prose_b: usize,
    /// Words of prose of the passage with the most.
    pub longest_prose: usize,
    /// Shingles matched inside passages that are not common: edits lower it, bridged gaps do not.
    pub matched: usize,
}

/// One text prepared for alignment.
pub struct Prepared {
    pub tokens: Vec<Token>,
    pub shingles: Vec<u64>,
    /// Tokens per shingle (more in Arabic script: `normalise::shingle_len`).
    pub k: usize,
    /// Words before each token, and all words at the end.
    words_before: Vec<u32>,
    /// Shingle → its first position (only in the text looked up, `a` of `align`).
    pub first: nohash_hasher::IntMap<u64, u32>,
}

impl Prepared {
    /// A text to look shingles up in.
    pub fn new(text: &str, k: usize, k_pieces: usize) -> Prepared {
        let mut p = Prepared::probe(text, k, k_pieces);
        p.first.reserve(p.shingles.len());
        for (i, &h) in p.shingles.iter().enumerate() {
            p.first.entry(h).or_insert(i as u32);
        }
        p
    }

    /// A text whose shingles are only walked (`b` of `align`).
    pub fn probe(text: &str, k: usize, k_pieces: usize) -> Prepared {
        let (tokens, shingles, k) = super::normalise::tokens_and_shingles(text, k, k_pieces);
        let mut words_before = Vec::with_capacity(tokens.len() + 1);
        let mut n = 0u32;
        words_before.push(0);
        for t in &tokens {
            n += u32::from(t.word);
            words_before.push(n);
        }
        let first = nohash_hasher::IntMap::default();
        Prepared {
            tokens,
            shingles,
            k,
            words_before,
            first,
        }
    }

    /// Words of the text.
    pub fn words(&self) -> usize {
        self.words_before[self.tokens.len()] as usize
    }

    /// Words that begin in tokens [s, e).
    pub fn words_in(&self, (s, e): (usize, usize)) -> usize {
        (self.words_before[e] - self.words_before[s]) as usize
    }
}

/// A diagonal run of matching shingles, a[i..ia] ~ b[j..jb] (a merged run has gaps).
#[derive(Debug, Clone, Copy)]
struct Run {
    i: usize,
    ia: usize,
    j: usize,
    jb: usize,
    matched: usize,
}

/// The passages `a` and `b` share, in `b`'s order.
pub fn align(a: &Prepared, b: &Prepared, common: &ShingleSet, p: &LinkParams) -> Shared {
    let mut shared = Shared::default();
    // Shingles of different lengths (Arabic-script text and other) never match.
    if a.k != b.k {
        return shared;
    }
    let k = a.k;
    // Shingles of gap bridged inside one passage, in either text: two shingle lengths and two
    // more, in proportion for texts whose shingles are longer (joining pieces).
    let gap = (2 * p.k + 2) * k / p.k;
    let mut runs: Vec<Run> = Vec::new();
    for (j, h) in b.shingles.iter().enumerate() {
        let Some(&i) = a.first.get(h) else { continue };
        let i = i as usize;
        match runs.last_mut() {
            Some(r) if r.ia == i && r.jb == j => {
                r.ia += 1;
                r.jb += 1;
                r.matched += 1;
            }
            _ => runs.push(Run {
                i,
                ia: i + 1,
                j,
                jb: j + 1,
                matched: 1,
            }),
        }
    }
    let mut merged: Vec<Run> = Vec::with_capacity(runs.len());
    for r in runs {
        match merged.last_mut() {
            Some(m) if r.i >= m.ia && r.i - m.ia <= gap && r.j - m.jb <= gap => {
                m.ia = r.ia;
                m.jb = r.jb;
                m.matched += r.matched;
            }
            _ => merged.push(r),
        }
    }
    for r in merged {
        let (ra, rb) = ((r.i, r.ia + k - 1), (r.j, r.jb + k - 1));
        let (words_a, words_b) = (a.words_in(ra), b.words_in(rb));
        if words_a.min(words_b) < p.min_passage || r.matched * 2 < (r.ia - r.i).max(r.jb - r.j) {
            continue;
        }
        let a_end = r.ia;
        let (mut n, mut c) = (0, 0);
        for &h in &a.shingles[r.i..a_end] {
            if sampled(h, p.sample) {
                n += 1;
                c += usize::from(common.contains(&h));
            }
        }
        let quoted = |t: &[Token], (s, e): (usize, usize)| {
            t[s..e].iter().filter(|x| x.quoted && x.word).count()
        };
        let (qa, qb) = (quoted(&a.tokens, ra), quoted(&b.tokens, rb));
        let passage = Passage {
            a: ra,
            b: rb,
            common: c * 2 > n,
            quoted: qa * 2 > words_a && qb * 2 > words_b,
            quoted_words: qa.min(qb),
            words_a,
            words_b,
        };
        if !passage.common {
            shared.matched += r.matched;
        }
        shared.passages.push(passage);
    }
    shared.covered_a = union_len(shared.passages.iter().map(|x| x.a), a);
    shared.covered_b = union_len(shared.passages.iter().map(|x| x.b), b);
    let rare = || shared.passages.iter().filter(|x| !x.common);
    shared.rare_a = union_len(rare().map(|x| x.a), a);
    shared.rare_b = union_len(rare().map(|x| x.b), b);
    // Passages seldom overlap (only where a text repeats itself): their sum stands for the union.
    shared.prose_a = shared.passages.iter().map(|x| x.prose_words(p)).sum();
    shared.prose_b = shared
        .passages
        .iter()
        .map(|x| x.prose_words(p).min(x.words_b))
        .sum();
    shared.longest_prose = shared
        .passages
        .iter()
        .map(|x| x.prose_words(p))
        .max()
        .unwrap_or(0);
    shared
}

/// Words of `text` in the union of token ranges.
fn union_len(ranges: impl Iterator<Item = (usize, usize)>, text: &Prepared) -> usize {
    let mut v: Vec<(usize, usize)> = ranges.collect();
    v.sort_unstable();
    let (mut total, mut reach) = (0, 0);
    for (s, e) in v {
        let s = s.max(reach);
        if e > s {
            total += text.words_in((s, e));
            reach = e;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: LinkParams = LinkParams {
        k: 3,
        sample: 1,
        min_passage: 5,
        long_quote: 100,
        ..LinkParams::DEFAULT
    };

    fn words(n: usize, tag: &str) -> String {
        (0..n).map(|i| format!("{tag}{i} ")).collect()
    }

    #[test]
    fn finds_a_passage_inside_other_text_with_an_edit() {
        let body = words(40, "w");
        let mut edited = body.clone();
        edited = edited.replacen("w20 ", "CHANGED ", 1);
        let a = Prepared::new(&format!("{}{}", words(30, "x"), body), P.k, 6);
        let b = Prepared::probe(&format!("{}{}", edited, words(10, "y")), P.k, 6);
        let s = align(&a, &b, &ShingleSet::default(), &P);
        assert_eq!(s.passages.len(), 1, "{s:?}");
        assert_eq!(s.covered_a, 40);
        assert_eq!(s.passages[0].a.0, 30);
        assert_eq!(s.passages[0].b, (0, 40));
        assert_eq!(s.rare_b, 40);
    }

    #[test]
    fn unrelated_texts_share_nothing() {
        let a = Prepared::new(&words(50, "a"), P.k, 6);
        let b = Prepared::new(&words(50, "b"), P.k, 6);
        assert!(
            align(&a, &b, &ShingleSet::default(), &P)
                .passages
                .is_empty()
        );
    }

    #[test]
    fn union_counts_overlap_once() {
        let t = Prepared::probe(&words(30, "w"), P.k, 6);
        assert_eq!(union_len([(0, 10), (5, 15), (20, 22)].into_iter(), &t), 17);
    }
}
