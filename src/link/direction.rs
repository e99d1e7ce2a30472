//! Which of two items sharing text is the copy: the one that credits the other's outlet or URL,
//! else (unless both credit one news agency, whose story both carry) the one published later,
//! else the one cut from the other (made of its pieces, with the other's own text between
//! them), else the one that holds all of the other plus text of its own. Without such evidence
//! the two only share text.

use crate::item::Item;
use crate::outlets;
use crate::vocab::{canonical_key, url_key};

/// The verdict on a pair (a, b) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// (copy, source) as 0 = a, 1 = b; None: same text, neither shown to be the source.
    pub copy_source: Option<(usize, usize)>,
    /// How strongly the evidence shows the direction (1 for none needed).
    pub strength: f64,
    /// The evidence in words.
    pub reasons: Vec<String>,
}

/// Whether `copy` credits `source`: by an outlet name or a URL the copy states it came from.
fn credits(copy: &Item, source: &Item) -> Option<String> {
    let sm = &source.meta;
    if let Some(url) = sm.url.as_deref() {
        let u = url_key(url);
        if copy.meta.source_urls.iter().any(|s| url_key(s) == u) {
            return Some(format!("links to its source {url}"));
        }
    }
    let names: Vec<String> = [sm.outlet.as_deref(), sm.domain.as_deref()]
        .into_iter()
        .flatten()
        .map(canonical_key)
        .filter(|k| !k.is_empty())
        .collect();
    copy.meta
        .credits
        .iter()
        .find(|c| names.contains(&canonical_key(&c.outlet)))
        .map(|c| format!("credits {} ({})", c.outlet, c.evidence))
}

/// A news agency both items credit.
fn common_agency(a: &Item, b: &Item) -> Option<String> {
    a.meta
        .credits
        .iter()
        .filter(|c| outlets::is_news_agency(&c.outlet))
        .find(|c| {
            let k = canonical_key(&c.outlet);
            b.meta.credits.iter().any(|d| canonical_key(&d.outlet) == k)
        })
        .map(|c| c.outlet.clone())
}

/// Decides the direction of a pair that shares text. `in_a` is the fraction of a's words shared
/// with b, `in_b` the fraction of b's words shared with a; `cut[0]` says that a is made of
/// pieces of b with text of b's own between them (`cut[1]` the same of b).
pub fn decide(a: &Item, b: &Item, in_a: f64, in_b: f64, cut: [bool; 2]) -> Verdict {
    let ab = credits(a, b);
    let ba = credits(b, a);
    match (ab, ba) {
        (Some(r), None) => return verdict(0, 0.95, r, a, b),
        (None, Some(r)) => return verdict(1, 0.95, r, a, b),
        (None, None) => {
            // Two outlets carrying one agency's story: whichever came out first, neither is
            // the other's source.
            if let Some(w) = common_agency(a, b) {
                return Verdict {
                    copy_source: None,
                    strength: 1.0,
                    reasons: vec![format!("both credit {w}")],
                };
            }
        }
        _ => {}
    }
    if let (Some(da), Some(db)) = (a.meta.published, b.meta.published)
        && da != db
    {
        let copy = usize::from(db > da);
        let (later, earlier) = if copy == 0 { (da, db) } else { (db, da) };
        return verdict(
            copy,
            0.8,
            format!("published {later}, after {earlier}"),
            a,
            b,
        );
    }
    // Made of pieces of the other, which has text of its own between them: cut from it (a
    // brief, an excerpt, a copy that dropped paragraphs), not the other way round.
    if let Some(copy) = cut.iter().position(|&c| c)
        && !cut[1 - copy]
    {
        return verdict(
            copy,
            0.6,
            "made of pieces of the other's text, which has text of its own between them".into(),
            a,
            b,
        );
    }
    // Holding all of the other plus text of its own: a banner, an intro, a commentary.
    if in_b >= 0.9 && in_a <= 0.75 {
        return verdict(
            0,
            0.6,
            "contains all of the other's text plus its own".into(),
            a,
            b,
        );
    }
    if in_a >= 0.9 && in_b <= 0.75 {
        return verdict(
            1,
            0.6,
            "contains all of the other's text plus its own".into(),
            a,
            b,
        );
    }
    Verdict {
        copy_source: None,
        strength: 1.0,
        reasons: Vec::new(),
    }
}

fn verdict(copy: usize, strength: f64, reason: String, a: &Item, b: &Item) -> Verdict {
    let mut reasons = vec![reason];
    let (c, s) = if copy == 0 { (a, b) } else { (b, a) };
    if !reasons[0].starts_with("published")
        && let (Some(dc), Some(ds)) = (c.meta.published, s.meta.published)
    {
        reasons.push(format!("published {dc}, source {ds}"));
    }
    Verdict {
        copy_source: Some((copy, 1 - copy)),
        strength,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::Credit;
    use chrono::NaiveDate;
    use std::sync::Arc;

    fn item(outlet: &str, date: Option<(i32, u32, u32)>) -> Item {
        let f: Arc<str> = Arc::from("t.jsonl");
        let mut it = Item::with_own_text(&f, 0, 0, String::new());
        it.meta.outlet = Some(outlet.into());
        it.meta.published = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        it
    }

    #[test]
    fn credit_beats_dates() {
        let src = item("Harbour Gazette", Some((2020, 1, 3)));
        let mut copy = item("Lantern Blog", Some((2020, 1, 2)));
        copy.meta.credits.push(Credit {
            outlet: "harbour gazette".into(),
            evidence: "Source: Harbour Gazette".into(),
            date: None,
        });
        let v = decide(&copy, &src, 1.0, 1.0, NO_CUT);
        assert_eq!(v.copy_source, Some((0, 1)));
        assert!(v.reasons[0].contains("Harbour Gazette"));
        let v = decide(&src, &copy, 1.0, 1.0, NO_CUT);
        assert_eq!(v.copy_source, Some((1, 0)));
    }

    #[test]
    fn two_outlets_crediting_one_agency_share_its_text() {
        let credit = |outlet: &str, date, wire: &str| {
            let mut it = item(outlet, Some(date));
            it.meta.credits.push(Credit {
                outlet: wire.into(),
                evidence: "dateline".into(),
                date: None,
            });
            it
        };
        let a = credit("Daily Lamp", (2020, 1, 1), "Associated Press");
        let b = credit("Harbour Gazette", (2020, 1, 2), "Associated Press");
        let v = decide(&a, &b, 1.0, 1.0, NO_CUT);
        assert_eq!(v.copy_source, None);
        assert_eq!(v.reasons, ["both credit Associated Press"]);
        // A blog credited by both is no agency: the later one may have copied the earlier.
        let a = credit("Daily Lamp", (2020, 1, 1), "Lantern Blog");
        let b = credit("Harbour Gazette", (2020, 1, 2), "Lantern Blog");
        assert_eq!(decide(&a, &b, 1.0, 1.0, NO_CUT).copy_source, Some((1, 0)));
        // The agency's own item is their source.
        let wire = item("Associated Press", Some((2020, 1, 1)));
        let b = credit("Harbour Gazette", (2020, 1, 1), "Associated Press");
        assert_eq!(
            decide(&wire, &b, 1.0, 1.0, NO_CUT).copy_source,
            Some((1, 0))
        );
    }

    const NO_CUT: [bool; 2] = [false, false];

    #[test]
    fn a_piece_cut_from_the_other_is_the_copy() {
        // b is all in a, and a has text of its own between b's pieces: b was cut from a, even
        // though a holds all of b plus its own.
        let a = item("A", None);
        let b = item("B", None);
        assert_eq!(
            decide(&a, &b, 0.6, 1.0, [false, true]).copy_source,
            Some((1, 0))
        );
        assert_eq!(decide(&a, &b, 0.6, 1.0, NO_CUT).copy_source, Some((0, 1)));
        // Dates come first.
        let a = item("A", Some((2020, 1, 1)));
        let b = item("B", Some((2020, 1, 2)));
        assert_eq!(
            decide(&a, &b, 1.0, 0.6, [false, true]).copy_source,
            Some((1, 0))
        );
        let b = item("B", Some((2019, 12, 31)));
        assert_eq!(
            decide(&a, &b, 1.0, 0.6, [false, true]).copy_source,
            Some((0, 1))
        );
    }

    #[test]
    fn later_date_then_containment_then_nothing() {
        let a = item("A", Some((2020, 1, 1)));
        let b = item("B", Some((2020, 1, 2)));
        assert_eq!(decide(&a, &b, 1.0, 1.0, NO_CUT).copy_source, Some((1, 0)));
        let a = item("A", Some((2020, 1, 1)));
        let b = item("B", Some((2020, 1, 1)));
        assert_eq!(decide(&a, &b, 0.5, 1.0, NO_CUT).copy_source, Some((0, 1)));
        assert_eq!(decide(&a, &b, 1.0, 1.0, NO_CUT).copy_source, None);
    }

    #[test]
    fn source_url_counts_as_credit() {
        let mut src = item("A", None);
        src.meta.url = Some("https://www.a.test/story/1/".into());
        let mut copy = item("B", None);
        copy.meta.source_urls.push("http://a.test/story/1".into());
        assert_eq!(
            decide(&copy, &src, 1.0, 1.0, NO_CUT).copy_source,
            Some((0, 1))
        );
    }
}
