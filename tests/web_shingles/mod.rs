//! The scrapinghub article-extraction-benchmark body metric: 4-word shingles (words = runs of
//! letters and digits, lowercased), multiset precision and recall of an extraction against the expected
//! text. Shared by the web scoring tests.

use std::collections::HashMap;

fn words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn shingles(t: &str) -> HashMap<Vec<String>, usize> {
    let w = words(t);
    let mut m = HashMap::new();
    if w.len() < 4 {
        if !w.is_empty() {
            m.insert(w, 1);
        }
        return m;
    }
    for s in w.windows(4) {
        *m.entry(s.to_vec()).or_insert(0) += 1;
    }
    m
}

/// Shingle precision and recall of `got` against `expected`.
pub fn precision_recall(got: &str, expected: &str) -> (f64, f64) {
    let (g, e) = (shingles(got), shingles(expected));
    let common: usize = g
        .iter()
        .map(|(k, n)| (*n).min(e.get(k).copied().unwrap_or(0)))
        .sum();
    let (gn, en): (usize, usize) = (g.values().sum(), e.values().sum());
    let p = if gn == 0 {
        if en == 0 { 1.0 } else { 0.0 }
    } else {
        common as f64 / gn as f64
    };
    let r = if en == 0 {
        1.0
    } else {
        common as f64 / en as f64
    };
    (p, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_metric_counts_overlap() {
        let (p, r) = precision_recall("a B c d e", "A b c d x y");
        assert_eq!((p, r), (0.5, 1.0 / 3.0));
    }
}
