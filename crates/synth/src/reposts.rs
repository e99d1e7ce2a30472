//! A synthetic repost corpus with exact gold: originals (generated, or real items given), and
//! copies planted among them the way reposting sites make them — a banner or credit line, an
//! intro, a new title, truncation, dropped paragraphs, word edits, added commentary, or a few
//! paragraphs quoted inside a story of its own. Copies may copy copies, so chains occur. Every
//! outlet ends its items with its own footer whose wording is shared by all outlets (boilerplate).
//!
//! Deterministic: the same options give the same corpus. Used by benches/reuse.rs,
//! examples/synth_reposts.rs and the tests.

use chrono::{Days, NaiveDate};
use claimtrace::{Credit, Item};
use std::sync::Arc;

#[derive(Debug, Clone, Copy)]
pub struct SynthOptions {
    /// Items in all, originals and copies.
    pub items: usize,
    pub seed: u64,
    /// Share of items that are copies.
    pub copy_share: f64,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            items: 1000,
            seed: 1,
            copy_share: 0.3,
        }
    }
}

/// The corpus and its gold: (copy, source) indices into `items`, sorted.
pub struct Synth {
    pub items: Vec<Item>,
    pub gold: Vec<(usize, usize)>,
}

/// A small deterministic generator (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        // splitmix64's output function, written out here because this crate may use only the
        // library's public API; the corpora it makes must stay the ones measured in docs/.
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "an", "el", "or", "um", "ber", "dan", "fel",
    "gor", "pa", "se", "ti", "wu", "za", "ri", "mo", "ly",
];

/// Words with Zipf-like frequencies: word `r` of rank r is drawn with weight 1/(r+1).
pub(crate) struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    pub(crate) fn new(size: usize) -> Vocabulary {
        let mut words = Vec::with_capacity(size);
        let mut cumulative = Vec::with_capacity(size);
        let mut total = 0.0;
        for r in 0..size {
            let mut w = String::new();
            let mut x = r + 1;
            while x > 0 {
                w.push_str(SYLLABLES[x % SYLLABLES.len()]);
                x /= SYLLABLES.len();
            }
            words.push(w);
            total += 1.0 / (r as f64 + 1.0);
            cumulative.push(total);
        }
        Vocabulary { words, cumulative }
    }

    /// The word of rank `r` (0 the most frequent).
    pub(crate) fn nth(&self, r: usize) -> &str {
        &self.words[r.min(self.words.len() - 1)]
    }

    pub(crate) fn word(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }

    pub(crate) fn sentence(&self, rng: &mut Rng, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            let w = self.word(rng);
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    s.extend(f.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push(' ');
                s.push_str(w);
            }
        }
        s.push('.');
        s
    }

    fn paragraph(&self, rng: &mut Rng) -> String {
        let n = 3 + rng.below(3);
        (0..n)
            .map(|_| {
                let len = 8 + rng.below(13);
                self.sentence(rng, len)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const OUTLET_WORDS: [&str; 8] = [
    "Lantern", "Harbour", "Meadow", "Beacon", "Quarry", "Willow", "Ember", "Pillar",
];

fn outlet_name(i: usize) -> String {
    format!("{} Courier {i}", OUTLET_WORDS[i % OUTLET_WORDS.len()])
}

fn footer(outlet: &str) -> String {
    format!(
        "Follow {outlet} for more stories like this one. Subscribe to our free newsletter and \
         share this article with your friends and family, and tell us what you think in the \
         comments below."
    )
}

/// One item under construction: paragraphs without the footer.
struct Draft {
    paras: Vec<String>,
    outlet: usize,
    title: String,
    date: NaiveDate,
    credits: Vec<Credit>,
    source_urls: Vec<String>,
}

fn url(outlet: usize, n: usize) -> String {
    format!("https://courier{outlet}.example/story/{n}")
}

/// A corpus of generated originals with copies planted among them.
pub fn generate(opts: &SynthOptions) -> Synth {
    let mut rng = Rng::new(opts.seed);
    let vocab = Vocabulary::new(20_000);
    let originals = opts.items - (opts.items as f64 * opts.copy_share) as usize;
    let outlets = (opts.items / 100).max(8);
    let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let mut drafts: Vec<Draft> = (0..originals)
        .map(|_| {
            let paras = (0..5 + rng.below(6))
                .map(|_| vocab.paragraph(&mut rng))
                .collect();
            let title = vocab.sentence(&mut rng, 6);
            Draft {
                paras,
                outlet: rng.below(outlets),
                title,
                date: base + Days::new(rng.below(365) as u64),
                credits: vec![],
                source_urls: vec![],
            }
        })
        .collect();
    let gold = plant_copies(&mut drafts, opts.items, outlets, &vocab, &mut rng);
    finish(drafts, gold, &mut rng)
}

/// Real items as originals (their text split into paragraphs at blank lines or newlines), with
/// copies planted among them up to `opts.items` in all.
pub fn plant(originals: &[Item], opts: &SynthOptions) -> Synth {
    let mut rng = Rng::new(opts.seed);
    let vocab = Vocabulary::new(20_000);
    let outlets = (opts.items / 100).max(8);
    let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let mut drafts: Vec<Draft> = originals
        .iter()
        .map(|it| Draft {
            paras: it
                .text()
                .split('\n')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            outlet: rng.below(outlets),
            title: it.meta.title.clone().unwrap_or_default(),
            date: it
                .meta
                .published
                .unwrap_or(base + Days::new(rng.below(365) as u64)),
            credits: vec![],
            source_urls: vec![],
        })
        .collect();
    let gold = plant_copies(&mut drafts, opts.items, outlets, &vocab, &mut rng);
    finish(drafts, gold, &mut rng)
}

fn plant_copies(
    drafts: &mut Vec<Draft>,
    total: usize,
    outlets: usize,
    vocab: &Vocabulary,
    rng: &mut Rng,
) -> Vec<(usize, usize)> {
    let mut gold = Vec::new();
    while drafts.len() < total && !drafts.is_empty() {
        let s = rng.below(drafts.len());
        let src = &drafts[s];
        let outlet = (src.outlet + 1 + rng.below(outlets - 1)) % outlets;
        let src_outlet = outlet_name(src.outlet);
        let mut paras: Vec<String>;
        let mut credits = Vec::new();
        let mut source_urls = Vec::new();
        if rng.chance(0.1) && src.paras.len() >= 3 {
            // A story of its own quoting a few paragraphs of the source.
            let n = 2 + rng.below(2).min(src.paras.len() - 2);
            let at = rng.below(src.paras.len() - n + 1);
            paras = (0..2 + rng.below(3))
                .map(|_| vocab.paragraph(rng))
                .collect();
            let mid = paras.len() / 2;
            let quoted = src.paras[at..at + n].to_vec();
            paras.splice(mid..mid, quoted);
        } else {
            paras = src.paras.clone();
            if rng.chance(0.3) && paras.len() > 2 {
                let keep = (paras.len() * (5 + rng.below(5)) / 10).max(2);
                paras.truncate(keep);
            }
            if rng.chance(0.3) && paras.len() > 2 {
                let at = rng.below(paras.len());
                paras.remove(at);
            }
            if rng.chance(0.5) {
                for p in paras.iter_mut() {
                    *p = edit_words(p, vocab, rng);
                }
            }
            if rng.chance(0.3) {
                paras.insert(0, vocab.paragraph(rng));
            }
            if rng.chance(0.3) {
                paras.push(format!("Our view: {}", vocab.paragraph(rng)));
            }
        }
        if rng.chance(0.6) {
            let line = if rng.chance(0.5) {
                format!("Reposted from {src_outlet}.")
            } else {
                format!("Source: {src_outlet}")
            };
            credits.push(Credit {
                outlet: src_outlet.clone(),
                evidence: line.clone(),
                date: Some(src.date),
            });
            paras.insert(0, line);
        } else if rng.chance(0.3) {
            let u = url(src.outlet, s);
            paras.push(format!("Originally published at {u}"));
            source_urls.push(u);
        } else if rng.chance(0.5) {
            paras.insert(
                0,
                format!("BREAKING — shared by the {} team", outlet_name(outlet)),
            );
        }
        let title = if rng.chance(0.5) {
            vocab.sentence(rng, 7)
        } else {
            src.title.clone()
        };
        let date = src.date + Days::new([0, 1, 1, 2, 3, 7][rng.below(6)]);
        gold.push((drafts.len(), s));
        drafts.push(Draft {
            paras,
            outlet,
            title,
            date,
            credits,
            source_urls,
        });
    }
    gold
}

/// Replaces about one word in forty.
fn edit_words(p: &str, vocab: &Vocabulary, rng: &mut Rng) -> String {
    p.split(' ')
        .map(|w| {
            if rng.below(40) == 0 {
                vocab.word(rng).to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Items in a shuffled order (so that order says nothing), with the gold remapped.
fn finish(drafts: Vec<Draft>, gold: Vec<(usize, usize)>, rng: &mut Rng) -> Synth {
    let n = drafts.len();
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    // order[new] = old; place[old] = new.
    let mut place = vec![0; n];
    for (new, &old) in order.iter().enumerate() {
        place[old] = new;
    }
    let file: Arc<str> = Arc::from("synthetic");
    let mut slots: Vec<Option<Item>> = (0..n).map(|_| None).collect();
    for (old, d) in drafts.into_iter().enumerate() {
        let outlet = outlet_name(d.outlet);
        let mut text = d.paras.join("\n\n");
        text.push_str("\n\n");
        text.push_str(&footer(&outlet));
        let mut item = Item::with_own_text(&file, 0, 0, text);
        let m = &mut item.meta;
        m.title = Some(d.title);
        m.url = Some(url(d.outlet, old));
        m.record_id = Some(format!("s{}", place[old]));
        m.outlet = Some(outlet);
        m.published = Some(d.date);
        m.credits = d.credits;
        m.source_urls = d.source_urls;
        slots[place[old]] = Some(item);
    }
    let items: Vec<Item> = slots.into_iter().flatten().collect();
    let mut gold: Vec<(usize, usize)> = gold.iter().map(|&(c, s)| (place[c], place[s])).collect();
    gold.sort_unstable();
    Synth { items, gold }
}

/// Precision, recall and F1 of predicted pairs against gold pairs, both unordered.
pub fn score(predicted: &[(usize, usize)], gold: &[(usize, usize)]) -> (f64, f64, f64) {
    use std::collections::HashSet;
    let norm = |&(a, b): &(usize, usize)| (a.min(b), a.max(b));
    let p: HashSet<(usize, usize)> = predicted.iter().map(norm).collect();
    let g: HashSet<(usize, usize)> = gold.iter().map(norm).collect();
    let tp = p.intersection(&g).count() as f64;
    let precision = if p.is_empty() {
        1.0
    } else {
        tp / p.len() as f64
    };
    let recall = if g.is_empty() {
        1.0
    } else {
        tp / g.len() as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}
