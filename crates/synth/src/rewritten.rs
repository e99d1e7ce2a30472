//! A synthetic corpus of newsroom rewriting with exact labels: agency stories and newspaper
//! stories rewritten from them the way news desks rewrite agency copy — few verbatim runs, the
//! names and numbers kept — and stories of the same events written independently.
//!
//! Every event has an agency story (as in [`crate::derived`]: facts, names, numbers, an
//! official's quotes, a press release's phrases) and one newspaper story, labelled
//!
//! - wholly derived: every sentence rewritten (below), the lead rewritten from scratch;
//! - a brief: wholly derived, cut to the first sentences, 60–150 words;
//! - partly derived at a level (60, 40, 25%): that share of the agency's sentences rewritten,
//!   the rest of the story the paper's own sentences of the same facts;
//! - not derived: written independently from the same facts, names, numbers, press release and
//!   often the same quotes.
//!
//! A rewritten sentence has a word inserted every 3–6 words, one word in five replaced by a
//! synonym (the same one every time: "said" becomes "stated" at every desk), sometimes a word
//! left out, and its two clauses swapped two times in five. With `urdu`, the stories are written
//! in Urdu letters with Urdu compound verbs and dates, and the newspaper spells them as Urdu
//! desks vary them: compound verbs run together (`دے دی` → `دیدی`), the year's `ء` left out or
//! the year glued to its month (`جولائی2014`), optional spaces after non-joining letters left out.
//!
//! Deterministic: the same options give the same corpus.

use crate::derived::{Event, Sentence, Writer, in_urdu_script, is_fact, render};
use crate::reposts::{Rng, Vocabulary};
use chrono::{Days, NaiveDate};
use claimtrace::Item;
use std::collections::HashMap;
use std::sync::Arc;

/// How a newspaper story was made from its agency story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Wholly,
    /// Wholly derived, cut to a brief of 60–150 words.
    Brief,
    /// Percent of the agency's sentences rewritten into it.
    Partly(u8),
    Not,
}

impl Label {
    /// Derived at all (wholly, a brief, or partly).
    pub fn derived(self) -> bool {
        self != Label::Not
    }

    /// The label as the gold files write it.
    pub fn name(self) -> String {
        match self {
            Label::Wholly => "wholly".into(),
            Label::Brief => "brief".into(),
            Label::Partly(p) => format!("partly{p}"),
            Label::Not => "not".into(),
        }
    }
}

const LABELS: [Label; 7] = [
    Label::Wholly,
    Label::Brief,
    Label::Partly(60),
    Label::Partly(40),
    Label::Partly(25),
    Label::Not,
    Label::Not,
];

#[derive(Debug, Clone, Copy)]
pub struct RewriteOptions {
    /// Events; each gives one agency story and one newspaper story.
    pub events: usize,
    pub seed: u64,
    /// Sentences of fact of an agency story (and up to 10 more).
    pub sentences: usize,
    /// Written in Urdu letters, with Urdu desks' spellings in the newspaper stories.
    pub urdu: bool,
}

impl Default for RewriteOptions {
    fn default() -> Self {
        RewriteOptions {
            events: 700,
            seed: 1,
            sentences: 12,
            urdu: false,
        }
    }
}

/// A labelled pair: newspaper story, its agency story (indices into `items`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub newspaper: usize,
    pub source: usize,
    pub label: Label,
}

pub struct Rewritten {
    pub items: Vec<Item>,
    pub pairs: Vec<Pair>,
}

/// Urdu compound verbs that close a sentence, written apart by the agency.
const VERBS: [[&str; 2]; 6] = [
    ["کر", "دیا"],
    ["دے", "دی"],
    ["کر", "لیا"],
    ["ہو", "گیا"],
    ["دے", "دیا"],
    ["کر", "دی"],
];
const MONTHS: [&str; 4] = ["جنوری", "مارچ", "جولائی", "اکتوبر"];

/// Words every desk replaces with the same other word (word of rank r and rank r ^ 1).
struct Synonyms<'a> {
    vocab: &'a Vocabulary,
    rank: HashMap<String, usize>,
}

impl Synonyms<'_> {
    fn of(&self, w: &str) -> Option<String> {
        self.rank.get(w).map(|&r| self.vocab.nth(r ^ 1).to_string())
    }
}

/// A sentence as a news desk rewrites it: clauses swapped, synonyms, a word inserted every 3–6
/// words, a word now and then left out; names, numbers and quotations kept.
fn newsroom(s: &Sentence, w: &Writer, ev: &Event, syn: &Synonyms, rng: &mut Rng) -> Sentence {
    let quoted = s.iter().any(|x| x.contains('“'));
    if quoted {
        // The official's words are kept; the framing is the desk's own.
        let q = ev
            .quotes
            .iter()
            .position(|q| s.iter().any(|x| x.contains(&q[1])))
            .unwrap_or(0);
        return w.quoting(ev, q, rng);
    }
    let mut v = s.clone();
    if v.len() >= 8 && rng.chance(0.4) {
        let at = v.len() / 3 + rng.below(v.len() / 3);
        v.rotate_left(at);
    }
    let mut out: Sentence = Vec::with_capacity(v.len() * 5 / 4 + 2);
    let mut next_insert = 3 + rng.below(4);
    for x in v {
        if !is_fact(&x) && rng.chance(0.08) {
            continue;
        }
        match syn.of(&x) {
            Some(y) if !is_fact(&x) && rng.chance(0.2) => out.push(y),
            _ => out.push(x),
        }
        next_insert -= 1;
        if next_insert == 0 {
            out.push(w.word(ev, rng));
            next_insert = 3 + rng.below(4);
        }
    }
    out
}

/// An Urdu sentence's end: a compound verb, apart (agency) or as a desk may write it.
fn urdu_verb(s: &mut Sentence, rng: &mut Rng) {
    let v = VERBS[rng.below(VERBS.len())];
    s.push(v[0].to_string());
    s.push(v[1].to_string());
}

/// Spells an agency sentence's Urdu words as a desk may: compound verbs run together (a word's
/// final yeh barree becomes a yeh inside the joined word), the year's `ء` left out or the year
/// glued to its month.
fn urdu_desk(s: &mut Sentence, rng: &mut Rng) {
    let mut i = 0;
    while i + 1 < s.len() {
        let verb = VERBS.iter().any(|v| s[i] == v[0] && s[i + 1] == v[1]);
        let month = MONTHS.contains(&s[i].as_str()) && s[i + 1].ends_with('ء');
        if verb && rng.chance(0.6) {
            // A yeh barree ends a word, never stands inside one: inside it is a yeh.
            let head = match s[i].strip_suffix('ے') {
                Some(stem) => format!("{stem}ی"),
                None => s[i].clone(),
            };
            s[i] = format!("{head}{}", s[i + 1]);
            s.remove(i + 1);
        } else if month {
            let year = s[i + 1].trim_end_matches('ء').to_string();
            if rng.chance(0.5) {
                s[i] = format!("{}{year}", s[i]);
                s.remove(i + 1);
            } else {
                s[i + 1] = year;
            }
        }
        i += 1;
    }
}

/// The corpus: agency story `2e`, newspaper story `2e + 1` for event `e`.
pub fn generate(opts: &RewriteOptions) -> Rewritten {
    let mut rng = Rng::new(opts.seed ^ 0x2E3A);
    let vocab = Vocabulary::new(20_000);
    let w = Writer::new(&vocab, 12, opts.sentences, &mut rng);
    let syn = Synonyms {
        vocab: &vocab,
        rank: (0..4000).map(|r| (vocab.nth(r).to_string(), r)).collect(),
    };
    let base = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
    let file: Arc<str> = Arc::from("synthetic-rewritten");
    let mut items = Vec::with_capacity(2 * opts.events);
    let mut pairs = Vec::with_capacity(opts.events);
    for e in 0..opts.events {
        let ev = w.event(e, &mut rng);
        let n = w.sentences + rng.below(11);
        let mut source: Vec<Sentence> = (0..n).map(|_| w.fact(&ev, &mut rng)).collect();
        if opts.urdu {
            for s in &mut source {
                if rng.chance(0.3) {
                    let at = rng.below(s.len());
                    let year = format!("{}ء", 2000 + rng.below(25));
                    s.splice(at..at, [MONTHS[rng.below(MONTHS.len())].to_string(), year]);
                }
                urdu_verb(s, &mut rng);
            }
        }
        for q in 0..1 + rng.below(2) {
            let at = 1 + rng.below(source.len() - 1);
            source.insert(at, w.quoting(&ev, q, &mut rng));
        }
        let label = LABELS[e % LABELS.len()];
        let mut paper = newspaper(&source, label, &w, &ev, &syn, opts.urdu, &mut rng);
        if opts.urdu {
            for s in &mut paper {
                urdu_desk(s, &mut rng);
            }
        }
        let date = base + Days::new(rng.below(365) as u64);
        let (mut s_text, mut p_text) = (render(&source, &mut rng), render(&paper, &mut rng));
        if opts.urdu {
            s_text = in_urdu_script(&s_text, false, 0);
            p_text = in_urdu_script(&p_text, false, 4);
        }
        let mut a = Item::with_own_text(&file, 0, 0, s_text);
        a.meta.title = Some(format!("{} {}", ev.names[0], ev.topic[0]));
        a.meta.record_id = Some(format!("a{e}"));
        a.meta.outlet = Some(format!("Tidewater Agency {}", e % 3));
        a.meta.published = Some(date);
        let mut b = Item::with_own_text(&file, 0, 0, p_text);
        b.meta.title = Some(format!("{} {}", ev.names[1], ev.topic[1]));
        b.meta.record_id = Some(format!("n{e}"));
        b.meta.outlet = Some(format!("Morning Lamp {}", e % 40));
        b.meta.published = Some(date + Days::new(rng.below(2) as u64));
        pairs.push(Pair {
            newspaper: items.len() + 1,
            source: items.len(),
            label,
        });
        items.push(a);
        items.push(b);
    }
    Rewritten { items, pairs }
}

fn newspaper(
    source: &[Sentence],
    label: Label,
    w: &Writer,
    ev: &Event,
    syn: &Synonyms,
    urdu: bool,
    rng: &mut Rng,
) -> Vec<Sentence> {
    let own = |rng: &mut Rng| {
        let mut s = w.fact(ev, rng);
        if urdu {
            urdu_verb(&mut s, rng);
        }
        s
    };
    let mut out: Vec<Sentence> = Vec::new();
    match label {
        Label::Not => {
            for _ in 0..w.sentences - 2 + rng.below(w.sentences.min(11)) {
                out.push(own(rng));
            }
            for q in 0..ev.quotes.len() {
                if rng.chance(0.7) {
                    let at = rng.below(out.len() + 1);
                    out.insert(at, w.quoting(ev, q, rng));
                }
            }
        }
        Label::Wholly | Label::Brief => {
            for s in source {
                if rng.chance(0.05) {
                    continue;
                }
                out.push(newsroom(s, w, ev, syn, rng));
                if label == Label::Brief {
                    let words: usize = out.iter().map(Vec::len).sum();
                    if words >= 60 + rng.below(60) {
                        break;
                    }
                }
            }
            // The lead rewritten from scratch: the same facts in other words.
            if let Some(first) = source.first() {
                out[0] = w.rewrite(first, ev, rng);
                if urdu {
                    urdu_verb(&mut out[0], rng);
                }
            }
            if label == Label::Wholly && rng.chance(0.5) {
                out.push(own(rng));
            }
        }
        Label::Partly(level) => {
            let n = source.len();
            let k = ((n * level as usize + 50) / 100).max(2);
            let mut idx: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                let j = rng.below(i + 1);
                idx.swap(i, j);
            }
            let mut taken = idx[..k].to_vec();
            taken.sort_unstable();
            for &i in &taken {
                out.push(newsroom(&source[i], w, ev, syn, rng));
            }
            // The paper's own sentences of the same event make up the rest.
            let rest = (n - k).max(3);
            for _ in 0..rest {
                let at = rng.below(out.len() + 1);
                let s = own(rng);
                out.insert(at, s);
            }
        }
    }
    out
}

/// How a linker did on the labelled pairs.
#[derive(Debug, Clone, Default)]
pub struct RewriteScore {
    /// (label, pairs linked, pairs) for every label, sorted by label.
    pub by_label: Vec<(Label, usize, usize)>,
    /// Links between items of two different events.
    pub cross_event: usize,
    /// Derived pairs linked with the newspaper as the copy.
    pub newspaper_is_copy: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Scores links given as (copy, source, directed): derived pairs linked are true positives;
/// not-derived pairs and links across events are false positives.
pub fn score(r: &Rewritten, links: &[(usize, usize, bool)]) -> RewriteScore {
    use std::collections::{BTreeMap, HashMap};
    let linked: HashMap<(usize, usize), (usize, bool)> = links
        .iter()
        .map(|&(c, s, d)| ((c.min(s), c.max(s)), (c, d)))
        .collect();
    let mut by: BTreeMap<Label, (usize, usize)> = BTreeMap::new();
    let mut newspaper_is_copy = 0;
    for p in &r.pairs {
        let e = by.entry(p.label).or_default();
        e.1 += 1;
        let k = (p.newspaper.min(p.source), p.newspaper.max(p.source));
        if let Some(&(copy, directed)) = linked.get(&k) {
            e.0 += 1;
            newspaper_is_copy += usize::from(p.label.derived() && directed && copy == p.newspaper);
        }
    }
    let cross_event = linked.keys().filter(|&&(a, b)| a / 2 != b / 2).count();
    let (mut tp, mut fp, mut pos) = (0, cross_event, 0);
    for (&l, &(found, all)) in &by {
        if l.derived() {
            tp += found;
            pos += all;
        } else {
            fp += found;
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
    RewriteScore {
        by_label: by.into_iter().map(|(l, (f, a))| (l, f, a)).collect(),
        cross_event,
        newspaper_is_copy,
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_with_every_label_and_short_briefs() {
        let o = RewriteOptions {
            events: 14,
            seed: 3,
            ..RewriteOptions::default()
        };
        let (a, b) = (generate(&o), generate(&o));
        assert_eq!(a.pairs, b.pairs);
        assert!(
            a.items
                .iter()
                .zip(&b.items)
                .all(|(x, y)| x.text() == y.text())
        );
        for p in &a.pairs {
            let words = a.items[p.newspaper].text().split_whitespace().count();
            if p.label == Label::Brief {
                assert!((50..=200).contains(&words), "brief of {words} words");
            }
        }
        assert_eq!(a.pairs.iter().filter(|p| p.label == Label::Not).count(), 4);
    }

    #[test]
    fn rewriting_leaves_few_verbatim_runs() {
        let r = generate(&RewriteOptions {
            events: 7,
            ..RewriteOptions::default()
        });
        let p = r.pairs[0];
        assert_eq!(p.label, Label::Wholly);
        // Runs of 8 words of the newspaper found verbatim in the agency story: few.
        let newspaper = r.items[p.newspaper].text();
        let words: Vec<&str> = newspaper.split_whitespace().collect();
        let source = &r.items[p.source].text();
        let runs = words
            .windows(8)
            .filter(|w| source.contains(&w.join(" ")))
            .count();
        assert!(runs * 10 < words.len(), "{runs} verbatim runs of 8 words");
    }

    #[test]
    fn urdu_desks_vary_spellings() {
        let r = generate(&RewriteOptions {
            events: 14,
            urdu: true,
            ..RewriteOptions::default()
        });
        let agency: String = r
            .pairs
            .iter()
            .map(|p| r.items[p.source].text().into_owned())
            .collect();
        let paper: String = r
            .pairs
            .iter()
            .map(|p| r.items[p.newspaper].text().into_owned())
            .collect();
        assert!(agency.contains("دے دی") || agency.contains("کر دیا"));
        assert!(paper.contains("دیدی") || paper.contains("کردیا"));
        assert!(agency.contains('ء') && agency.contains('۔'));
    }
}
