//! A synthetic agency-versus-newspaper corpus with exact labels, for the hard half of reuse:
//! stories that copy only part of their source, and stories of the same event written
//! independently.
//!
//! Every event has its own names, numbers, topic words and two quotes of an official. An agency
//! writes one source story of 12–22 sentences (`sentences` sets the 12); one newspaper story goes
//! with it, labelled
//!
//! - wholly derived: nearly every sentence copied, lightly edited;
//! - partly derived at a level (60, 40, 25, 15%): that share of the source's sentences copied
//!   with light edits (by default one word in 12 changed, one in 24 added, a clause dropped, sentences split, merged or
//!   swapped), the rest rewritten (the same names and numbers, other words, another order) or
//!   dropped, plus sentences of its own;
//! - not derived: written independently from the same facts — the same names, numbers, stock
//!   phrases and, often, the same quotes of the official, word for word.
//!
//! Deterministic: the same options give the same corpus.

use crate::reposts::{Rng, Vocabulary};
use chrono::{Days, NaiveDate};
use claimtrace::Item;
use std::sync::Arc;

/// How a newspaper story was made from its agency source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Derivation {
    Wholly,
    /// Percent of the source's sentences copied.
    Partly(u8),
    Not,
}

/// The partial-derivation levels generated, most copied first.
pub const PARTLY_LEVELS: [u8; 4] = [60, 40, 25, 15];

const LABELS: [Derivation; 7] = [
    Derivation::Wholly,
    Derivation::Partly(60),
    Derivation::Partly(40),
    Derivation::Partly(25),
    Derivation::Partly(15),
    Derivation::Not,
    Derivation::Not,
];

#[derive(Debug, Clone, Copy)]
pub struct DerivedOptions {
    /// Events; each gives one agency story and one newspaper story.
    pub events: usize,
    pub seed: u64,
    /// A copied sentence has one word in this many changed, and one in twice as many added.
    pub edit_every: usize,
    /// The agency story has this many sentences of fact and up to 10 more (short items: news
    /// briefs of 150 words are common in agency feeds).
    pub sentences: usize,
}

impl Default for DerivedOptions {
    fn default() -> Self {
        DerivedOptions {
            events: 700,
            seed: 1,
            edit_every: 12,
            sentences: 12,
        }
    }
}

/// A labelled pair: newspaper story, its agency source (indices into `items`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelledPair {
    pub newspaper: usize,
    pub source: usize,
    pub label: Derivation,
}

pub struct Derived {
    pub items: Vec<Item>,
    pub pairs: Vec<LabelledPair>,
}

pub(crate) type Sentence = Vec<String>;

/// What every story of one event draws on.
pub(crate) struct Event {
    pub(crate) names: Vec<String>,
    pub(crate) numbers: Vec<String>,
    pub(crate) topic: Vec<String>,
    pub(crate) quotes: Vec<Sentence>,
    /// Phrases every writer of the event uses, unquoted (from one press release: "the 40
    /// members of the Zuba committee met"): shared text that is not copying.
    pub(crate) phrases: Vec<Sentence>,
}

pub(crate) struct Writer<'a> {
    pub(crate) vocab: &'a Vocabulary,
    stock: Vec<Sentence>,
    edit_every: usize,
    pub(crate) sentences: usize,
}

impl<'a> Writer<'a> {
    /// A writer of news in `vocab`'s words, with stock phrases of its frequent words.
    pub(crate) fn new(
        vocab: &'a Vocabulary,
        edit_every: usize,
        sentences: usize,
        rng: &mut Rng,
    ) -> Writer<'a> {
        let stock: Vec<Sentence> = (0..30)
            .map(|i| {
                (0..4 + i % 4)
                    .map(|_| vocab_rank(vocab, rng.below(300)))
                    .collect()
            })
            .collect();
        Writer {
            vocab,
            stock,
            edit_every: edit_every.max(1),
            sentences: sentences.max(2),
        }
    }

    /// Event `e`: its names, numbers, topic words, the official's quotes, the press release's
    /// phrases.
    pub(crate) fn event(&self, e: usize, rng: &mut Rng) -> Event {
        let vocab = self.vocab;
        let ev = Event {
            names: (0..4).map(|i| name(e, i)).collect(),
            numbers: (0..3).map(|_| (10 + rng.below(9990)).to_string()).collect(),
            topic: (0..15)
                .map(|_| vocab_rank(vocab, 200 + rng.below(5000)))
                .collect(),
            quotes: (0..2)
                .map(|_| {
                    (0..12 + rng.below(13))
                        .map(|_| vocab.word(rng).to_string())
                        .collect()
                })
                .collect(),
            phrases: Vec::new(),
        };
        let phrases = (0..3)
            .map(|i| {
                let mut p: Sentence = (0..4 + rng.below(5)).map(|_| self.word(&ev, rng)).collect();
                p.insert(rng.below(p.len()), ev.names[i].clone());
                p.insert(rng.below(p.len()), ev.numbers[i].clone());
                p
            })
            .collect();
        Event { phrases, ..ev }
    }

    pub(crate) fn word(&self, ev: &Event, rng: &mut Rng) -> String {
        if rng.chance(0.15) {
            ev.topic[rng.below(ev.topic.len())].clone()
        } else {
            self.vocab.word(rng).to_string()
        }
    }

    /// A sentence stating a fact of the event: its words, a name, a number, a stock phrase.
    pub(crate) fn fact(&self, ev: &Event, rng: &mut Rng) -> Sentence {
        let n = 10 + rng.below(13);
        let mut s: Sentence = (0..n).map(|_| self.word(ev, rng)).collect();
        if rng.chance(0.7) {
            let at = rng.below(s.len());
            s.insert(at, ev.names[rng.below(ev.names.len())].clone());
        }
        if rng.chance(0.35) {
            let at = rng.below(s.len());
            s.insert(at, ev.numbers[rng.below(ev.numbers.len())].clone());
        }
        if rng.chance(0.25) {
            let at = rng.below(s.len());
            let phrase = self.stock[rng.below(self.stock.len())].clone();
            s.splice(at..at, phrase);
        }
        if rng.chance(0.3) {
            let at = rng.below(s.len());
            let phrase = ev.phrases[rng.below(ev.phrases.len())].clone();
            s.splice(at..at, phrase);
        }
        s
    }

    /// The official's quote `q`, framed in words of the writer's own.
    pub(crate) fn quoting(&self, ev: &Event, q: usize, rng: &mut Rng) -> Sentence {
        let mut s: Sentence = vec![ev.names[q % ev.names.len()].clone()];
        for _ in 0..1 + rng.below(3) {
            s.push(self.vocab.word(rng).to_string());
        }
        let quote = &ev.quotes[q];
        s.push(format!("“{}", quote[0]));
        s.extend(quote[1..quote.len() - 1].iter().cloned());
        s.push(format!("{}.”", quote[quote.len() - 1]));
        s
    }

    /// The same content in other words: names and numbers kept, some words kept, another order.
    pub(crate) fn rewrite(&self, s: &Sentence, ev: &Event, rng: &mut Rng) -> Sentence {
        let mut out: Sentence = s
            .iter()
            .filter(|w| !w.contains(['“', '”']))
            .filter(|w| is_fact(w) || rng.chance(0.3))
            .cloned()
            .collect();
        let target = s.len() * (8 + rng.below(5)) / 10;
        while out.len() < target {
            let at = rng.below(out.len() + 1);
            out.insert(at, self.word(ev, rng));
        }
        for i in (1..out.len()).rev() {
            let j = rng.below(i + 1);
            out.swap(i, j);
        }
        out
    }
}

/// A name or a number: what a rewrite keeps.
pub(crate) fn is_fact(w: &str) -> bool {
    w.starts_with("Zu") || w.bytes().all(|b| b.is_ascii_digit())
}

/// A light edit of a copied sentence: a word changed or added, a clause dropped. Quoted words
/// stay as they are.
fn light_edit(s: &Sentence, w: &Writer, ev: &Event, rng: &mut Rng) -> Sentence {
    let quoted = s.iter().any(|x| x.contains('“'));
    let mut out: Sentence = Vec::with_capacity(s.len() + 2);
    for x in s {
        if !quoted && !is_fact(x) && rng.below(w.edit_every) == 0 {
            out.push(w.word(ev, rng));
        } else {
            out.push(x.clone());
        }
        if !quoted && rng.below(2 * w.edit_every) == 0 {
            out.push(w.word(ev, rng));
        }
    }
    if !quoted && out.len() > 12 && rng.chance(0.2) {
        let n = 3 + rng.below(4);
        let at = rng.below(out.len() - n);
        out.drain(at..at + n);
    }
    out
}

/// Name `i` of event `e`: "Zu" and syllables, never a vocabulary word.
fn name(e: usize, i: usize) -> String {
    const S: [&str; 12] = [
        "ba", "de", "fi", "go", "ku", "le", "ma", "no", "pi", "ra", "su", "te",
    ];
    let mut x = e * 6 + i + 1;
    let mut w = String::from("Zu");
    while x > 0 {
        w.push_str(S[x % S.len()]);
        x /= S.len();
    }
    w
}

pub(crate) fn render(sentences: &[Sentence], rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut in_para = 0;
    for s in sentences {
        if s.is_empty() {
            continue;
        }
        if in_para > 0 {
            if in_para >= 2 + rng.below(3) {
                out.push_str("\n\n");
                in_para = 0;
            } else {
                out.push(' ');
            }
        }
        for (i, w) in s.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push_str(w);
            }
        }
        if !s
            .last()
            .is_some_and(|w| w.ends_with('”') || w.ends_with('.'))
        {
            out.push('.');
        }
        in_para += 1;
    }
    out
}

/// The corpus: agency story `2e`, newspaper story `2e + 1` for event `e`.
pub fn generate(opts: &DerivedOptions) -> Derived {
    let mut rng = Rng::new(opts.seed ^ 0xD1CE);
    let vocab = Vocabulary::new(20_000);
    let w = Writer::new(&vocab, opts.edit_every, opts.sentences, &mut rng);
    let base = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap_or_default();
    let file: Arc<str> = Arc::from("synthetic-derived");
    let mut items = Vec::with_capacity(2 * opts.events);
    let mut pairs = Vec::with_capacity(opts.events);
    for e in 0..opts.events {
        let ev = w.event(e, &mut rng);
        // The agency story, quotes in it.
        let n = w.sentences + rng.below(11);
        let mut source: Vec<Sentence> = (0..n).map(|_| w.fact(&ev, &mut rng)).collect();
        for q in 0..1 + rng.below(2) {
            let at = 1 + rng.below(source.len() - 1);
            source.insert(at, w.quoting(&ev, q, &mut rng));
        }
        let label = LABELS[e % LABELS.len()];
        let paper = newspaper(&source, label, &w, &ev, &mut rng);
        let date = base + Days::new(rng.below(365) as u64);
        let s_text = render(&source, &mut rng);
        let p_text = render(&paper, &mut rng);
        let mut a = Item::with_own_text(&file, 0, 0, s_text);
        a.meta.title = Some(format!("{} {}", ev.names[0], ev.topic[0]));
        a.meta.record_id = Some(format!("a{e}"));
        a.meta.outlet = Some(format!("Agency Wire {}", e % 3));
        a.meta.url = Some(format!("https://wire{}.example/{e}", e % 3));
        a.meta.published = Some(date);
        let mut b = Item::with_own_text(&file, 0, 0, p_text);
        b.meta.title = Some(format!("{} {}", ev.names[1], ev.topic[1]));
        b.meta.record_id = Some(format!("n{e}"));
        b.meta.outlet = Some(format!("Daily Lamp {}", e % 40));
        b.meta.url = Some(format!("https://lamp{}.example/{e}", e % 40));
        b.meta.published = Some(date + Days::new(rng.below(2) as u64));
        pairs.push(LabelledPair {
            newspaper: items.len() + 1,
            source: items.len(),
            label,
        });
        items.push(a);
        items.push(b);
    }
    Derived { items, pairs }
}

pub(crate) fn vocab_rank(v: &Vocabulary, r: usize) -> String {
    v.nth(r).to_string()
}

fn newspaper(
    source: &[Sentence],
    label: Derivation,
    w: &Writer,
    ev: &Event,
    rng: &mut Rng,
) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    match label {
        Derivation::Not => {
            for _ in 0..w.sentences - 2 + rng.below(w.sentences.min(11)) {
                out.push(w.fact(ev, rng));
            }
            for q in 0..ev.quotes.len() {
                if rng.chance(0.7) {
                    let at = rng.below(out.len() + 1);
                    out.insert(at, w.quoting(ev, q, rng));
                }
            }
        }
        Derivation::Wholly | Derivation::Partly(_) => {
            let n = source.len();
            let copied: Vec<bool> = match label {
                Derivation::Partly(level) => {
                    let k = ((n * level as usize + 50) / 100).max(1);
                    let mut idx: Vec<usize> = (0..n).collect();
                    for i in (1..n).rev() {
                        let j = rng.below(i + 1);
                        idx.swap(i, j);
                    }
                    let mut c = vec![false; n];
                    for &i in &idx[..k] {
                        c[i] = true;
                    }
                    c
                }
                _ => (0..n).map(|_| !rng.chance(0.05)).collect(),
            };
            for (s, &c) in source.iter().zip(&copied) {
                if c {
                    let mut e = light_edit(s, w, ev, rng);
                    if e.len() > 14 && rng.chance(0.15) {
                        // Split in two: invisible to words, but a sentence boundary moves.
                        let at = e.len() / 2;
                        e[at - 1].push('.');
                    }
                    if rng.chance(0.1)
                        && let Some(prev) = out.last_mut()
                    {
                        // Merged into the previous sentence.
                        prev.push("and".into());
                        prev.extend(e);
                        continue;
                    }
                    out.push(e);
                } else if s.iter().any(|x| x.contains('“')) {
                    // The quote of the official, reported in words of the paper's own.
                    if rng.chance(0.7) {
                        let q = ev
                            .quotes
                            .iter()
                            .position(|q| s.iter().any(|x| x.contains(&q[1])))
                            .unwrap_or(0);
                        out.push(w.quoting(ev, q, rng));
                    }
                } else if rng.chance(0.8) {
                    out.push(w.rewrite(s, ev, rng));
                }
            }
            for i in 1..out.len() {
                if rng.chance(0.15) {
                    out.swap(i - 1, i);
                }
            }
            for _ in 0..rng.below(4) {
                let at = rng.below(out.len() + 1);
                out.insert(at, w.fact(ev, rng));
            }
        }
    }
    out
}

/// The text in Urdu letters (one per Latin letter, none folded together), Eastern digits, Urdu
/// full stops without a space after them, doubled single quotation marks: the same words in
/// another script. `joiners` puts a zero-width non-joiner inside long words; a nonzero
/// `drop_space_every` leaves out one in that many spaces after a letter that does not join the
/// next (alef, dal, reh, zain, jeh, waw), as Urdu typists do.
pub fn in_urdu_script(text: &str, joiners: bool, drop_space_every: usize) -> String {
    let letter = |c: char| match c.to_ascii_lowercase() {
        'a' => 'ا',
        'b' => 'ب',
        'd' => 'د',
        'e' => 'ع',
        'f' => 'ف',
        'g' => 'گ',
        'h' => 'ح',
        'i' => 'ی',
        'k' => 'ک',
        'l' => 'ل',
        'm' => 'م',
        'n' => 'ن',
        'o' => 'و',
        'p' => 'پ',
        'r' => 'ر',
        's' => 'س',
        't' => 'ت',
        'u' => 'ث',
        'v' => 'ژ',
        'w' => 'ط',
        'y' => 'ظ',
        'z' => 'ز',
        d @ '0'..='9' => char::from_u32(0x06F0 + (d as u32 - '0' as u32)).unwrap(),
        other => other,
    };
    let mut out = String::with_capacity(text.len() * 2);
    let mut eligible = 0;
    for word in text.split(' ') {
        if !out.is_empty() && !out.ends_with('۔') && !out.ends_with('\n') {
            if drop_space_every > 0 && out.ends_with(['ا', 'د', 'ر', 'ز', 'ژ', 'و']) {
                eligible += 1;
                if eligible % drop_space_every == 0 {
                    out.push_str(word_in(word, joiners, &letter).as_str());
                    continue;
                }
            }
            out.push(' ');
        }
        out.push_str(&word_in(word, joiners, &letter));
    }
    out
}

fn word_in(word: &str, joiners: bool, letter: &dyn Fn(char) -> char) -> String {
    let mut out = String::with_capacity(word.len() * 2);
    let mut n = 0;
    for c in word.chars() {
        match c {
            '.' => out.push('۔'),
            '“' => out.push_str("‘‘"),
            '”' => out.push_str("’’"),
            c if c.is_ascii_alphanumeric() => {
                n += 1;
                if joiners && n == 4 && word.len() > 6 {
                    out.push('\u{200C}');
                }
                out.push(letter(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// How a linker did on the labelled pairs.
#[derive(Debug, Clone, Default)]
pub struct DerivedScore {
    /// (label, pairs linked, pairs) for every label, sorted by label.
    pub by_label: Vec<(Derivation, usize, usize)>,
    /// Links between items of two different events.
    pub cross_event: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Scores unordered linked pairs: derived pairs linked are true positives; not-derived pairs and
/// links across events are false positives.
pub fn score(d: &Derived, links: &[(usize, usize)]) -> DerivedScore {
    use std::collections::{BTreeMap, HashSet};
    let linked: HashSet<(usize, usize)> =
        links.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect();
    let mut by: BTreeMap<Derivation, (usize, usize)> = BTreeMap::new();
    for p in &d.pairs {
        let e = by.entry(p.label).or_default();
        e.1 += 1;
        let k = (p.newspaper.min(p.source), p.newspaper.max(p.source));
        e.0 += usize::from(linked.contains(&k));
    }
    // Items 2e and 2e + 1 are event e's.
    let cross_event = linked.iter().filter(|&&(a, b)| a / 2 != b / 2).count();
    let (mut tp, mut fp, mut pos) = (0, cross_event, 0);
    for (&l, &(found, all)) in &by {
        if l == Derivation::Not {
            fp += found;
        } else {
            tp += found;
            pos += all;
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if pos == 0 {
        1.0
    } else {
        tp as f64 / pos as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    DerivedScore {
        by_label: by.into_iter().map(|(l, (f, a))| (l, f, a)).collect(),
        cross_event,
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_with_every_label() {
        let o = DerivedOptions {
            events: 14,
            seed: 5,
            ..DerivedOptions::default()
        };
        let (a, b) = (generate(&o), generate(&o));
        assert_eq!(a.pairs, b.pairs);
        assert!(
            a.items
                .iter()
                .zip(&b.items)
                .all(|(x, y)| x.text() == y.text())
        );
        assert_eq!(a.items.len(), 28);
        let not = a
            .pairs
            .iter()
            .filter(|p| p.label == Derivation::Not)
            .count();
        assert_eq!(not, 4);
        for l in PARTLY_LEVELS {
            assert_eq!(
                a.pairs
                    .iter()
                    .filter(|p| p.label == Derivation::Partly(l))
                    .count(),
                2
            );
        }
    }

    #[test]
    fn scores_count_not_derived_links_against_precision() {
        let d = generate(&DerivedOptions {
            events: 7,
            ..DerivedOptions::default()
        });
        let all: Vec<(usize, usize)> = d.pairs.iter().map(|p| (p.source, p.newspaper)).collect();
        let s = score(&d, &all);
        assert_eq!(s.recall, 1.0);
        assert!((s.precision - 5.0 / 7.0).abs() < 1e-9);
        let s = score(&d, &[(0, 2)]);
        assert_eq!((s.cross_event, s.precision, s.recall), (1, 0.0, 0.0));
    }
}
