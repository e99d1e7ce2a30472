//! When a claim was said: "on Friday", "Speaking on Thursday", "on September 17", "yesterday",
//! resolved against the item's publication date (a weekday is the latest one on or before it).

use chrono::{Datelike, Days, NaiveDate};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(w: &str) -> Option<u32> {
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let mut buf = [0u8; 9];
    let l = crate::extract::tokens::lower_ascii(w.trim_end_matches('.'), &mut buf);
    if l.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == l || (l.len() <= 4 && m.starts_with(l)))
        .map(|i| i as u32 + 1)
}

/// The date the words in `ctx` say, against `published`. Only whole words count; the first date
/// found wins. A date the graph cannot write (a weekday before year 1) is none.
pub fn said_on(ctx: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
    said_on_any(ctx, published).filter(|&d| crate::dates::writable(d))
}

fn said_on_any(ctx: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let words: Vec<&str> = ctx
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches('.');
        // Every date word starts with a capital or a digit, or is "yesterday"/"today".
        let first = w.as_bytes().first().copied().unwrap_or(b' ');
        if !(first.is_ascii_uppercase() || first == b'y' || first == b't' || first.is_ascii_digit())
            || w.len() > 9
        {
            continue;
        }
        let mut buf = [0u8; 9];
        let l = crate::extract::tokens::lower_ascii(w, &mut buf);
        if let Some(wd) = crate::dates::weekday_named(l) {
            let p = published?;
            let back = (7 + p.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
            return p.checked_sub_days(Days::new(back as u64));
        }
        if l == "yesterday" {
            return published?.pred_opt();
        }
        if l == "today" {
            return published;
        }
        if let Some(m) = month_of(w) {
            // "September 17(, 2020)" or "17 September (2020)".
            let next = words.get(i + 1).map(|s| s.trim_end_matches('.'));
            let prev = i.checked_sub(1).and_then(|j| words.get(j));
            let (day, year_at) = match (next.and_then(day_of), prev.and_then(|p| day_of(p))) {
                (Some(d), _) => (d, i + 2),
                (None, Some(d)) => (d, i + 1),
                _ => continue,
            };
            let year = words
                .get(year_at)
                .and_then(|y| y.trim_end_matches('.').parse::<i32>().ok())
                .filter(|y| (1900..=2200).contains(y));
            return match (year, published) {
                (Some(y), _) => NaiveDate::from_ymd_opt(y, m, day),
                (None, Some(p)) => {
                    let d = NaiveDate::from_ymd_opt(p.year(), m, day)?;
                    if d > p {
                        NaiveDate::from_ymd_opt(p.year() - 1, m, day)
                    } else {
                        Some(d)
                    }
                }
                (None, None) => None,
            };
        }
    }
    None
}

fn day_of(w: &str) -> Option<u32> {
    let d = w
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    d.parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d) && w.len() <= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekdays_resolve_to_latest_on_or_before_publication() {
        let p = Some(d("2020-09-19")); // a Saturday
        assert_eq!(
            said_on("said during the session on Friday", p),
            Some(d("2020-09-18"))
        );
        assert_eq!(said_on("Speaking on Thursday", p), Some(d("2020-09-17")));
        assert_eq!(
            said_on("told Sputnik on Saturday", p),
            Some(d("2020-09-19"))
        );
        assert_eq!(said_on("on Sunday", p), Some(d("2020-09-13")));
        assert_eq!(said_on("on Friday", None), None);
    }

    #[test]
    fn month_days_take_the_publication_year() {
        let p = Some(d("2020-09-19"));
        assert_eq!(said_on("on September 17", p), Some(d("2020-09-17")));
        assert_eq!(said_on("on 17 Sept.", p), Some(d("2020-09-17")));
        assert_eq!(said_on("on December 30", p), Some(d("2019-12-30")));
        assert_eq!(
            said_on("Moscow, September 17, 2020", None),
            Some(d("2020-09-17"))
        );
        assert_eq!(said_on("may 5 people", p), None);
    }
}
