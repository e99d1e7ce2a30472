//! Whether an item's published date can be believed. A date is evidence of which copy came
//! first only when nothing shows it to be wrong: a copy published after the day its input says
//! it was collected, or a web page dated before the web, is flagged (the item's warning says
//! why) and not used. An item whose input does not say when it was collected is compared with
//! nothing else: a run may mix inputs collected years apart, so the newest collection of the
//! run says nothing of another input's date.

use crate::item::Item;
use chrono::NaiveDate;

/// The first day a web page can carry: the web opened to the public in 1991; a page dated
/// earlier has a default or a misread date.
const WEB_START: (i32, u32, u32) = (1990, 1, 1);

/// The run's view of dates. It holds nothing yet: every check is of one item's own dates; it
/// stands for the run so that a check over all inputs has one place to go.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateCheck {}

impl DateCheck {
    /// The check for a run of `items`.
    pub fn of(_items: &[Item]) -> DateCheck {
        DateCheck {}
    }

    /// Why `item`'s published date is not to be trusted, in words a fact-checker reads; None
    /// when it is believable or absent.
    pub fn doubt(&self, item: &Item) -> Option<String> {
        let d = item.meta.published?;
        if let Some(r) = item.meta.retrieved
            && d > r
        {
            return Some(format!(
                "published date {d} is after the day this copy was collected ({r}): not used to order copies"
            ));
        }
        let web_start = NaiveDate::from_ymd_opt(WEB_START.0, WEB_START.1, WEB_START.2)?;
        if item.meta.url.is_some() && d < web_start {
            return Some(format!(
                "published date {d} is before the web began (1990) for a web page: not used to order copies"
            ));
        }
        None
    }

    /// `item`'s published date where it can be believed.
    pub fn trusted(&self, item: &Item) -> Option<NaiveDate> {
        item.meta.published.filter(|_| self.doubt(item).is_none())
    }

    /// When stronger evidence shows `copy` copies `source` but its trusted date is earlier than
    /// the source's, the warning the copy gets: its date contradicts the evidence.
    pub fn earlier_than_source(&self, copy: &Item, source: &Item) -> Option<String> {
        let (c, s) = (self.trusted(copy)?, self.trusted(source)?);
        (c < s).then(|| {
            let what = match (&source.meta.outlet, &source.meta.title) {
                (Some(o), Some(t)) => format!(" (\"{}\", {o}, {s})", crate::vocab::excerpt(t, 60)),
                (Some(o), None) => format!(" ({o}, {s})"),
                (None, Some(t)) => format!(" (\"{}\", {s})", crate::vocab::excerpt(t, 60)),
                (None, None) => format!(" ({s})"),
            };
            format!("published date {c} is earlier than the source it copies{what}")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn item(published: (i32, u32, u32), retrieved: Option<(i32, u32, u32)>, url: bool) -> Item {
        let f: Arc<str> = Arc::from("t.jsonl");
        let mut it = Item::with_own_text(&f, 0, 0, String::new());
        it.meta.published = NaiveDate::from_ymd_opt(published.0, published.1, published.2);
        it.meta.retrieved = retrieved.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        it.meta.url = url.then(|| "https://gazette.test/a".to_string());
        it
    }

    #[test]
    fn dates_after_collection_or_before_the_web_are_doubted() {
        let items = [
            item((2021, 3, 2), Some((2021, 3, 4)), true),
            item((2021, 3, 9), Some((2021, 3, 8)), true),
            item((2031, 1, 1), None, false),
            item((1970, 1, 1), None, true),
            item((1899, 1, 2), None, false),
        ];
        let check = DateCheck::of(&items);
        assert_eq!(check.doubt(&items[0]), None);
        assert!(
            check
                .doubt(&items[1])
                .unwrap()
                .contains("after the day this copy was collected (2021-03-08)")
        );
        // Not said when it was collected: nothing to compare with.
        assert_eq!(check.doubt(&items[2]), None);
        assert!(check.doubt(&items[3]).unwrap().contains("before the web"));
        // An old newspaper record with no URL is no web page.
        assert_eq!(check.doubt(&items[4]), None);
        assert_eq!(check.trusted(&items[3]), None);
        assert_eq!(check.trusted(&items[0]), items[0].meta.published);
    }

    #[test]
    fn a_copy_dated_before_its_source_is_named() {
        let mut source = item((2021, 3, 5), None, true);
        source.meta.outlet = Some("Harbour Gazette".into());
        let copy = item((2021, 3, 1), None, true);
        let check = DateCheck::default();
        assert_eq!(
            check.earlier_than_source(&copy, &source).unwrap(),
            "published date 2021-03-01 is earlier than the source it copies (Harbour Gazette, 2021-03-05)"
        );
        assert_eq!(check.earlier_than_source(&source, &copy), None);
    }
}
