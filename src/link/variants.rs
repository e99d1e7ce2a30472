//! Quotations whose words were changed between items: a misquote, or a quote trimmed to part of
//! itself. The same words printed with other quote marks, dashes or case are one claim already
//! (`vocab::claim_key`); this links a wording that differs in words to the one it changes.
//!
//! - Candidates: two quotations must share some of their rarest words (words few quotations of
//!   the run hold), and each quotation is compared with a bounded number of others, so the pass
//!   stays near linear in the number of quotations.
//! - A variant: at least `MIN_WORDS` words, and at least `MIN_SHARE` of the shorter one's words
//!   found in order in the other (a word-level diff).
//! - Which is the original: of a trimmed quote (all of its words in order in the other), the
//!   longer one; else the wording printed first (trusted dates), then by more items, then the
//!   longer, then the smaller key. Each changed wording links to the one original it matches best.

use crate::dates::DateCheck;
use crate::extract::{ClaimMention, QuoteVariant};
use crate::item::Item;
use crate::vocab::{ClaimKind, Span, claim_key, claim_words, excerpt};
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// Words a quotation needs to be linked as a variant: shorter ones are stock phrases.
const MIN_WORDS: usize = 6;
/// Share of the shorter quotation's words that must stand, in order, in the other.
const MIN_SHARE: f64 = 0.8;
/// Rare words of a quotation that candidates are found by.
const RARE_WORDS: usize = 4;
/// A word in more quotations than this finds no candidates.
const MAX_DF: u32 = 30;
/// Candidates compared per quotation.
const MAX_CANDIDATES: usize = 10;
/// Characters of a changed or left-out passage shown in the difference.
const SHOWN: usize = 80;

/// One distinct wording (claim key) of the run's quotations.
struct Wording {
    key: String,
    /// Its words, interned.
    words: Vec<u32>,
    /// The text of one item that prints it (the earliest, then the smallest text), and its
    /// words' spans in that text.
    text: String,
    spans: Vec<Span>,
    /// The earliest trusted date of an item that prints it.
    first: Option<NaiveDate>,
    /// How many items print it.
    items: usize,
}

/// A wording (claim key) of quotations as some items print it: what the variants step needs of
/// it, made an item at a time ([`quote_wordings`]) and merged by key ([`QuoteWording::merge`],
/// in any order), so that a job gathers the run's distinct wordings without its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteWording {
    /// The wording's claim key.
    pub key: String,
    /// The text shown of it: the earliest item's (by trusted date), then the smallest.
    text: String,
    /// The earliest trusted date of an item that prints it.
    first: Option<NaiveDate>,
    /// How many items print it.
    items: usize,
    /// Where it was first printed (item, quotation of the item): the run's order of wordings,
    /// which fixes how ties between rare words break.
    seen: (usize, usize),
}

impl QuoteWording {
    /// The earliest date (undated last), then the smallest text.
    fn shown(&self) -> (bool, Option<NaiveDate>, &str) {
        (self.first.is_none(), self.first, &self.text)
    }

    /// The wording as two sets of items print it (the same key), in either order.
    pub fn merge(mut self, other: QuoteWording) -> QuoteWording {
        if other.shown() < self.shown() {
            self.text = other.text;
            self.first = other.first;
        }
        self.items += other.items;
        self.seen = self.seen.min(other.seen);
        self
    }
}

/// The wordings of the quotations (`ClaimKind::Direct`) of the run's `index`th item, with its
/// claims `claims`: one per key, counting the item once.
pub fn quote_wordings(index: usize, item: &Item, claims: &[ClaimMention]) -> Vec<QuoteWording> {
    let date = DateCheck::default().trusted(item);
    let mut out: Vec<QuoteWording> = Vec::new();
    for (j, c) in claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Direct)
        .enumerate()
    {
        let key = claim_key(&c.text);
        let w = QuoteWording {
            key,
            text: c.text.clone(),
            first: date,
            items: 1,
            seen: (index, j),
        };
        match out.iter_mut().find(|o| o.key == w.key) {
            // One item: counted once, its smallest text shown.
            Some(o) if w.text < o.text => o.text = w.text,
            Some(_) => {}
            None => out.push(w),
        }
    }
    out
}

/// The variants among the run's distinct wordings (each key's [`quote_wordings`] merged, any
/// order): each changed wording's key and what it varies. Wordings too short to compare are
/// left out here.
pub fn quote_variants(mut wordings: Vec<QuoteWording>) -> Vec<(String, QuoteVariant)> {
    // In the order the run first prints them: words are interned in it.
    wordings.sort_by_key(|w| w.seen);
    let mut interner: HashMap<String, u32> = HashMap::default();
    let mut ws: Vec<Wording> = Vec::new();
    for w in wordings {
        let words = claim_words(&w.text);
        if words.len() < MIN_WORDS {
            continue;
        }
        let ids = words
            .iter()
            .map(|(_, t)| {
                let next = interner.len() as u32;
                *interner.entry(t.clone()).or_insert(next)
            })
            .collect();
        ws.push(Wording {
            key: w.key,
            words: ids,
            spans: words.into_iter().map(|(s, _)| s).collect(),
            text: w.text,
            first: w.first,
            items: w.items,
        });
    }
    let found = variants(&ws);
    let mut out: Vec<(String, QuoteVariant)> = found
        .into_iter()
        .map(|(n, v)| (ws[n].key.clone(), v))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Marks the quotations of `claims` whose key `found` names ([`quote_variants`], any order).
pub fn mark_variants(
    claims: &mut [ClaimMention],
    found: &std::collections::HashMap<String, QuoteVariant>,
) {
    for c in claims.iter_mut().filter(|c| c.kind == ClaimKind::Direct) {
        if let Some(v) = found.get(&claim_key(&c.text)) {
            c.variant_of = Some(Box::new(v.clone()));
        }
    }
}

/// Marks every quotation (`ClaimKind::Direct`) of `claims` (`claims[i]` of `items[i]`) whose
/// wording is another's with words changed or left out: `variant_of` names that wording and the
/// difference in words. Each item's wordings, merged by key in item order, compared.
pub fn mark_quote_variants(items: &[Item], claims: &mut [Vec<ClaimMention>]) {
    let mut by_key: HashMap<String, QuoteWording> = HashMap::default();
    for (i, (item, cs)) in items.iter().zip(claims.iter()).enumerate() {
        for w in quote_wordings(i, item, cs) {
            match by_key.remove(&w.key) {
                Some(o) => by_key.insert(w.key.clone(), o.merge(w)),
                None => by_key.insert(w.key.clone(), w),
            };
        }
    }
    let found: std::collections::HashMap<String, QuoteVariant> =
        quote_variants(by_key.into_values().collect())
            .into_iter()
            .collect();
    if found.is_empty() {
        return;
    }
    for cs in claims.iter_mut() {
        mark_variants(cs, &found);
    }
}

/// The variants among `wordings`: changed wording → its original and the difference.
fn variants(wordings: &[Wording]) -> HashMap<usize, QuoteVariant> {
    let mut df: HashMap<u32, u32> = HashMap::default();
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::default();
    for (n, w) in wordings.iter().enumerate() {
        let mut distinct = w.words.clone();
        distinct.sort_unstable();
        distinct.dedup();
        for t in distinct {
            *df.entry(t).or_insert(0) += 1;
            postings.entry(t).or_default().push(n);
        }
    }
    // Each changed wording's best original: (words in common, original).
    let mut best: HashMap<usize, (usize, usize, String)> = HashMap::default();
    let mut compared: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
    for (n, w) in wordings.iter().enumerate() {
        let mut rare: Vec<u32> = w.words.clone();
        rare.sort_unstable();
        rare.dedup();
        rare.retain(|t| (2..=MAX_DF).contains(&df[t]));
        // Fewest quotations first; among equals by word id, which only has to be fixed.
        rare.sort_by_key(|t| (df[t], *t));
        rare.truncate(RARE_WORDS);
        let mut shared: HashMap<usize, usize> = HashMap::default();
        for t in &rare {
            for &m in &postings[t] {
                if m != n {
                    *shared.entry(m).or_insert(0) += 1;
                }
            }
        }
        let need = rare.len().min(2);
        let mut cands: Vec<(usize, usize)> =
            shared.into_iter().filter(|&(_, c)| c >= need).collect();
        cands.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(wordings[a.0].key.cmp(&wordings[b.0].key))
        });
        cands.truncate(MAX_CANDIDATES);
        for (m, _) in cands {
            if !compared.insert((n.min(m), n.max(m))) {
                continue;
            }
            if let Some((changed, original, common, difference)) = compare(wordings, n, m) {
                let better = best.get(&changed).is_none_or(|&(c, o, _)| {
                    common > c || (common == c && rank(&wordings[original]) < rank(&wordings[o]))
                });
                if better {
                    best.insert(changed, (common, original, difference));
                }
            }
        }
    }
    best.into_iter()
        .map(|(changed, (common, original, difference))| {
            let shorter = wordings[changed]
                .words
                .len()
                .min(wordings[original].words.len());
            let confidence = (common as f64 / shorter as f64 * 1000.0).round() / 1000.0;
            (
                changed,
                QuoteVariant {
                    original: wordings[original].text.clone(),
                    difference,
                    confidence,
                },
            )
        })
        .collect()
}

/// Which of two wordings is the original, smaller first: printed first (by trusted date), then
/// by more items, then the longer, then the smaller key.
#[allow(clippy::type_complexity)]
fn rank(
    w: &Wording,
) -> (
    bool,
    Option<NaiveDate>,
    std::cmp::Reverse<usize>,
    std::cmp::Reverse<usize>,
    &str,
) {
    (
        w.first.is_none(),
        w.first,
        std::cmp::Reverse(w.items),
        std::cmp::Reverse(w.words.len()),
        &w.key,
    )
}

/// Whether wordings `a` and `b` are one quotation with words changed: (changed, original, words
/// in common, the difference in words).
fn compare(ws: &[Wording], a: usize, b: usize) -> Option<(usize, usize, usize, String)> {
    let (wa, wb) = (&ws[a], &ws[b]);
    let ops = capture_diff_slices(Algorithm::Myers, &wa.words, &wb.words);
    let common: usize = ops
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    let shorter = wa.words.len().min(wb.words.len());
    if common < MIN_WORDS || (common as f64) < MIN_SHARE * shorter as f64 {
        return None;
    }
    let trimmed = common == shorter && wa.words.len() != wb.words.len();
    let a_is_original = if trimmed {
        wa.words.len() > wb.words.len()
    } else {
        rank(wa) < rank(wb)
    };
    let (original, changed) = if a_is_original { (a, b) } else { (b, a) };
    let ops = if a_is_original {
        ops
    } else {
        capture_diff_slices(Algorithm::Myers, &ws[original].words, &ws[changed].words)
    };
    Some((
        changed,
        original,
        common,
        difference(&ws[original], &ws[changed], &ops),
    ))
}

/// The difference of `changed` from `original` in their printed words.
fn difference(original: &Wording, changed: &Wording, ops: &[DiffOp]) -> String {
    let shown = |w: &Wording, at: usize, len: usize| {
        let (s, e) = (w.spans[at].start, w.spans[at + len - 1].end);
        format!("\"{}\"", excerpt(&w.text[s..e], SHOWN))
    };
    let mut parts = Vec::new();
    let mut only_cuts = true;
    for op in ops {
        match *op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => parts.push(format!(
                "leaves out {}",
                shown(original, old_index, old_len)
            )),
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                only_cuts = false;
                parts.push(format!("adds {}", shown(changed, new_index, new_len)));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                only_cuts = false;
                parts.push(format!(
                    "{} for {}",
                    shown(changed, new_index, new_len),
                    shown(original, old_index, old_len)
                ));
            }
        }
    }
    let what = if only_cuts {
        "trimmed"
    } else {
        "words changed"
    };
    format!("{what}: {}", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn item(date: (i32, u32, u32)) -> Item {
        let f: Arc<str> = Arc::from("t.jsonl");
        let mut it = Item::with_own_text(&f, 0, 0, String::new());
        it.meta.published = NaiveDate::from_ymd_opt(date.0, date.1, date.2);
        it
    }

    fn quote(text: &str) -> ClaimMention {
        ClaimMention {
            text: text.into(),
            span: Span::new(0, text.len()),
            parts: Vec::new(),
            kind: ClaimKind::Direct,
            language: None,
            speaker: None,
            cue: None,
            reported_by: None,
            said_on: None,
            source_span: None,
            variant_of: None,
        }
    }

    #[test]
    fn changed_and_trimmed_quotes_point_to_the_original() {
        let full =
            "The pier has served this island for ninety years and it deserves a proper farewell";
        let changed =
            "The pier has served this island for ninety years and it deserves a grand farewell";
        let trimmed = "The pier has served this island for ninety years";
        let other = "Tickets bought for the old pier remain valid until the summer";
        let items = [item((2021, 3, 2)), item((2021, 3, 3)), item((2021, 3, 4))];
        let mut claims = vec![
            vec![quote(full), quote(other)],
            vec![quote(changed)],
            vec![quote(trimmed)],
        ];
        mark_quote_variants(&items, &mut claims);
        assert_eq!(claims[0][0].variant_of, None);
        assert_eq!(claims[0][1].variant_of, None);
        let v = claims[1][0].variant_of.as_ref().unwrap();
        assert_eq!(v.original, full);
        assert_eq!(v.difference, "words changed: \"grand\" for \"proper\"");
        let v = claims[2][0].variant_of.as_ref().unwrap();
        assert_eq!(v.original, full);
        assert_eq!(
            v.difference,
            "trimmed: leaves out \"and it deserves a proper farewell\""
        );
        assert_eq!(v.confidence, 1.0);
    }

    #[test]
    fn the_same_in_any_order() {
        let a = "We will rebuild the harbour wall before the winter storms arrive here";
        let b = "We will rebuild the harbour wall before the winter storms come";
        let run = |order: [usize; 2]| {
            let texts = [a, b];
            let items = [item((2021, 3, 2)), item((2021, 3, 2))];
            let mut claims: Vec<Vec<ClaimMention>> =
                order.iter().map(|&i| vec![quote(texts[i])]).collect();
            mark_quote_variants(&items, &mut claims);
            let mut marked: Vec<(String, Option<String>)> = claims
                .into_iter()
                .flatten()
                .map(|c| (c.text, c.variant_of.map(|v| v.original)))
                .collect();
            marked.sort();
            marked
        };
        assert_eq!(run([0, 1]), run([1, 0]));
    }
}
