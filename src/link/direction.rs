//! Which of two items sharing text is the copy, from the strongest evidence there is:
//!
//! 1. a credit: the copy credits the other's outlet or links its URL (unless both credit one
//!    news agency, whose story both carry: then neither is the other's source);
//! 2. the copy names the other's outlet as its source in its text ("according to X", "X said in a
//!    statement", "..., professor at X", `extract::named_source`);
//! 3. structure: the copy holds all of the other's text after a banner or an intro of its own;
//! 4. dates: the copy was published later (dates `DateCheck` doubts are not used);
//! 5. a cut: the copy is made of pieces of the other, whose shared text is broken by text of
//!    its own (a brief, an excerpt, a copy that dropped paragraphs);
//! 6. containment: the copy holds all of the other plus text of its own inside it (weaker than
//!    dates: a longer version is as often the source of a trimmed copy as an update of it).
//!
//! A date that contradicts stronger evidence does not decide: the evidence says it was
//! overruled, and the builder warns on the copy (`DateCheck::earlier_than_source`). Without any
//! evidence the two only share text.

use crate::dates::DateCheck;
use crate::extract::named_source::names_as_source;
use crate::item::Item;
use crate::outlets;
use crate::vocab::{canonical_key, url_key};

/// Words of a banner or an intro before the shared text that count as one.
const INTRO_WORDS: usize = 8;
/// Words of its own between the pieces another text took that make those pieces a cut.
const CUT_WORDS: usize = 12;

/// How one item of a pair lies over the text they share.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shape {
    /// Share of its words inside shared passages.
    pub shared: f64,
    /// Its words before the first shared passage.
    pub lead: usize,
    /// Its words between shared passages.
    pub inner: usize,
    /// All its words.
    pub words: usize,
}

/// The verdict on a pair (a, b) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// (copy, source) as 0 = a, 1 = b; None: same text, neither shown to be the source.
    pub copy_source: Option<(usize, usize)>,
    /// How strongly the evidence shows the direction (1 for none needed).
    pub strength: f64,
    /// The evidence in words: what decided first, then what it overruled or agreed with.
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
pub(super) fn common_agency(a: &Item, b: &Item) -> Option<String> {
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

/// Whether `copy`'s text names `source`'s outlet (by any name the outlet table knows) as where
/// it got what it prints. An outlet naming itself says nothing of the other.
pub(super) fn names_source(copy: &Item, source: &Item) -> Option<String> {
    let outlet = source.meta.outlet.as_deref()?;
    if copy.meta.outlet.as_deref().map(canonical_key) == Some(canonical_key(outlet)) {
        return None;
    }
    let mut names = outlets::names_of(outlet);
    if names.is_empty() {
        names.push(outlet);
    }
    names_as_source(&copy.text(), &names)
        .map(|words| format!("names {outlet} as its source in its text (\"{words}\")"))
}

/// Whether `x` holds all of `y`'s text after a banner or an intro of its own, with nothing of
/// its own inside it: a repost's frame. (Text only after it is no frame: a copy cut at its end
/// leaves its source looking the same.)
fn frames(x: &Shape, y: &Shape) -> bool {
    y.shared >= 0.9 && x.shared <= 0.9 && x.lead >= INTRO_WORDS && x.inner * 10 <= x.words
}

/// Whether `x` is made of pieces of `y`: nearly all of x is in y, and y's shared text is broken
/// by text of its own (a fifth or more of what lies between its first and last shared word).
fn cut_from(x: &Shape, y: &Shape) -> bool {
    let covered = (y.shared * y.words as f64).round() as usize;
    x.shared >= 0.9 && y.inner >= CUT_WORDS && y.inner * 5 >= covered + y.inner
}

/// Decides the direction of a pair that shares text, from how each lies over the shared text
/// and what the run's dates can be trusted for.
pub fn decide(a: &Item, b: &Item, shape: [Shape; 2], dates: &DateCheck) -> Verdict {
    let items = [a, b];
    let ab = credits(a, b);
    let ba = credits(b, a);
    match (ab, ba) {
        (Some(r), None) => return verdict(0, 0.95, r, items, dates),
        (None, Some(r)) => return verdict(1, 0.95, r, items, dates),
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
    match (names_source(a, b), names_source(b, a)) {
        (Some(r), None) => return verdict(0, 0.9, r, items, dates),
        (None, Some(r)) => return verdict(1, 0.9, r, items, dates),
        _ => {}
    }
    for copy in [0, 1] {
        let (c, s) = (&shape[copy], &shape[1 - copy]);
        if frames(c, s) {
            let r = format!(
                "holds all of the other's text after {} words of its own (a banner or an intro)",
                c.lead
            );
            return verdict(copy, 0.85, r, items, dates);
        }
    }
    let (da, db) = (dates.trusted(a), dates.trusted(b));
    if let (Some(da), Some(db)) = (da, db)
        && da != db
    {
        let copy = usize::from(db > da);
        let (later, earlier) = if copy == 0 { (da, db) } else { (db, da) };
        return Verdict {
            copy_source: Some((copy, 1 - copy)),
            strength: 0.8,
            reasons: vec![format!("published {later}, after {earlier}")],
        };
    }
    // Made of pieces of the other, which has text of its own between them: cut from it, not
    // the other way round (Clough-Stevenson's cut answers, a copy that dropped a paragraph).
    for copy in [0, 1] {
        let (c, s) = (&shape[copy], &shape[1 - copy]);
        if cut_from(c, s) && !cut_from(s, c) {
            let r = "made of pieces of the other's text, which has text of its own between them";
            return verdict(copy, 0.6, r.to_string(), items, dates);
        }
    }
    // Holding all of the other plus text of its own: a commentary, an update. Weaker than the
    // dates: a longer version is as often the source of a trimmed copy.
    for copy in [0, 1] {
        if shape[1 - copy].shared >= 0.9 && shape[copy].shared <= 0.75 {
            let r = "contains all of the other's text plus its own".to_string();
            return verdict(copy, 0.6, r, items, dates);
        }
    }
    Verdict {
        copy_source: None,
        strength: 1.0,
        reasons: untrusted(items, dates),
    }
}

/// The verdict that `items[copy]` copies the other, for `reason`; then what the dates say of it:
/// that they agree, or that they were overruled.
fn verdict(
    copy: usize,
    strength: f64,
    reason: String,
    items: [&Item; 2],
    dates: &DateCheck,
) -> Verdict {
    let (c, s) = (items[copy], items[1 - copy]);
    let mut reasons = vec![reason];
    match (dates.trusted(c), dates.trusted(s)) {
        (Some(dc), Some(ds)) if dc < ds => reasons.push(format!(
            "this overrules the dates: the copy is dated {dc}, before its source's {ds}"
        )),
        (Some(dc), Some(ds)) => reasons.push(format!("published {dc}, source {ds}")),
        _ => reasons.extend(untrusted(items, dates)),
    }
    Verdict {
        copy_source: Some((copy, 1 - copy)),
        strength,
        reasons,
    }
}

/// The dates of the pair that are printed but not used.
fn untrusted(items: [&Item; 2], dates: &DateCheck) -> Vec<String> {
    items
        .iter()
        .filter_map(|it| {
            let d = it.meta.published?;
            dates
                .doubt(it)
                .map(|_| format!("published date {d} not used (see the item's warnings)"))
        })
        .collect()
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

    impl Shape {
        /// A shape that only knows the shared share (for tests of the other rules).
        fn of_share(shared: f64) -> Shape {
            Shape {
                shared,
                ..Shape::default()
            }
        }
    }

    fn same() -> [Shape; 2] {
        [Shape::of_share(1.0), Shape::of_share(1.0)]
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
        let v = decide(&copy, &src, same(), &DateCheck::default());
        assert_eq!(v.copy_source, Some((0, 1)));
        assert!(v.reasons[0].contains("Harbour Gazette"));
        assert!(v.reasons[1].contains("overrules the dates"), "{v:?}");
        let v = decide(&src, &copy, same(), &DateCheck::default());
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
        let v = decide(&a, &b, same(), &DateCheck::default());
        assert_eq!(v.copy_source, None);
        assert_eq!(v.reasons, ["both credit Associated Press"]);
        // A blog credited by both is no agency: the later one may have copied the earlier.
        let a = credit("Daily Lamp", (2020, 1, 1), "Lantern Blog");
        let b = credit("Harbour Gazette", (2020, 1, 2), "Lantern Blog");
        assert_eq!(
            decide(&a, &b, same(), &DateCheck::default()).copy_source,
            Some((1, 0))
        );
        // The agency's own item is their source.
        let wire = item("Associated Press", Some((2020, 1, 1)));
        let b = credit("Harbour Gazette", (2020, 1, 1), "Associated Press");
        assert_eq!(
            decide(&wire, &b, same(), &DateCheck::default()).copy_source,
            Some((1, 0))
        );
    }

    #[test]
    fn a_piece_cut_from_the_other_is_the_copy() {
        // b is all in a, and a's shared text is broken by 40 words of its own: b was cut from
        // a, though a also holds all of b plus its own.
        let whole = Shape {
            shared: 0.6,
            lead: 0,
            inner: 40,
            words: 100,
        };
        let piece = Shape {
            shared: 1.0,
            lead: 0,
            inner: 0,
            words: 60,
        };
        let (a, b) = (item("A", None), item("B", None));
        let d = DateCheck::default();
        let v = decide(&a, &b, [whole, piece], &d);
        assert_eq!(v.copy_source, Some((1, 0)));
        assert!(v.reasons[0].starts_with("made of pieces"), "{v:?}");
        // With the other's own text only around the shared text, containment decides.
        let around = Shape { inner: 0, ..whole };
        assert_eq!(
            decide(&a, &b, [around, piece], &d).copy_source,
            Some((0, 1))
        );
        // Dates come first.
        let (a, b) = (item("A", Some((2020, 1, 2))), item("B", Some((2020, 1, 1))));
        assert_eq!(decide(&a, &b, [whole, piece], &d).copy_source, Some((0, 1)));
    }

    #[test]
    fn later_date_then_containment_then_nothing() {
        let a = item("A", Some((2020, 1, 1)));
        let b = item("B", Some((2020, 1, 2)));
        assert_eq!(
            decide(&a, &b, same(), &DateCheck::default()).copy_source,
            Some((1, 0))
        );
        let a = item("A", Some((2020, 1, 1)));
        let b = item("B", Some((2020, 1, 1)));
        assert_eq!(
            decide(
                &a,
                &b,
                [Shape::of_share(0.5), Shape::of_share(1.0)],
                &DateCheck::default()
            )
            .copy_source,
            Some((0, 1))
        );
        assert_eq!(
            decide(&a, &b, same(), &DateCheck::default()).copy_source,
            None
        );
    }

    #[test]
    fn source_url_counts_as_credit() {
        let mut src = item("A", None);
        src.meta.url = Some("https://www.a.test/story/1/".into());
        let mut copy = item("B", None);
        copy.meta.source_urls.push("http://a.test/story/1".into());
        assert_eq!(
            decide(&copy, &src, same(), &DateCheck::default()).copy_source,
            Some((0, 1))
        );
    }
}
