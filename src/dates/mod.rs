//! Dates as news text prints them: "Saturday 19 September 2020", "September 18, 2020",
//! "-2020-09-19", "19/09/2020", Arabic month names (Levantine and Egyptian) and Arabic-Indic
//! digits ("١٩ أيلول ٢٠٢٠"). Shared by every stage that reads dates.
//!
//! `find_date` finds the first date in a string; `date_line` accepts a line only when it is
//! a date and nothing else (weekday, time and punctuation aside), as page date headers are.

mod tokens;
mod trust;

pub use trust::DateCheck;

use crate::vocab::Span;
use chrono::{Datelike, NaiveDate, Weekday};
use tokens::{Tok, tokenise};

/// Whether the graph can write `d`: a year of four digits, 1 to 9999, as the schema's date
/// pattern and ISO 8601's basic form have it. A record's year 0 is a placeholder, and a weekday
/// resolved back from it would be written "-0001-12-30"; dates outside are unreadable.
pub fn writable(d: NaiveDate) -> bool {
    (1..=9999).contains(&d.year())
}

/// The first date printed in `s`, with the bytes it covers.
pub fn find_date(s: &str) -> Option<(NaiveDate, Span)> {
    if !has_year(s) {
        return None;
    }
    let toks = tokenise(s);
    (0..toks.len()).find_map(|i| {
        date_at(&toks, i).map(|(d, j)| (d, Span::new(toks[i].start, toks[j - 1].end)))
    })
}

/// The date a line consists of ("Saturday 19 September 2020", "September 18, 2020 at 10:21
/// AM", "2020-09-19"), or None when the line says anything else too.
pub fn date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if line.is_empty() || line.len() > 80 || !has_year(line) {
        return None;
    }
    let toks = tokenise(line);
    let mut found = None;
    let mut i = 0;
    while i < toks.len() {
        if found.is_none()
            && let Some((d, j)) = date_at(&toks, i)
        {
            found = Some(d);
            i = j;
            continue;
        }
        match &toks[i].tok {
            Tok::Word(w) if is_weekday(w) || is_filler(w) => {}
            Tok::Punct(_) => {}
            // A time of day: 10:21 (the tokeniser keeps ':' as punctuation).
            Tok::Num(n, len) if *len <= 2 && *n < 60 => {}
            _ => return None,
        }
        i += 1;
    }
    found
}

/// Every date form read here prints a four-digit year: lines without four digits in a row are
/// rejected before tokenising.
fn has_year(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if tokens::digit_value(c).is_some() {
            run += 1;
            if run == 4 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// A date starting at token `i`: the date and the index after its last token.
fn date_at(t: &[tokens::Token], i: usize) -> Option<(NaiveDate, usize)> {
    let num = |k: usize| match t.get(k).map(|x| &x.tok) {
        Some(Tok::Num(n, len)) => Some((*n, *len)),
        _ => None,
    };
    let punct = |k: usize, set: &[char]| matches!(t.get(k).map(|x| &x.tok), Some(Tok::Punct(c)) if set.contains(c));
    // Skips one optional comma or period between parts ("September 18, 2020").
    let skip_comma = |k: usize| if punct(k, &[',', '.']) { k + 1 } else { k };

    // 2020-09-19, 2020/09/19, 2020.09.19
    if let Some((y, 4)) = num(i) {
        for sep in ['-', '/', '.'] {
            if punct(i + 1, &[sep])
                && punct(i + 3, &[sep])
                && let (Some((m, ml)), Some((d, dl))) = (num(i + 2), num(i + 4))
                && ml <= 2
                && dl <= 2
            {
                return ymd(y, m, d).map(|x| (x, i + 5));
            }
        }
    }
    // 19 September 2020, 19th Sept. 2020, ١٩ أيلول ٢٠٢٠
    if let Some((d, dl)) = num(i) {
        if dl <= 2 {
            let mut k = i + 1;
            if matches!(t.get(k).map(|x| &x.tok), Some(Tok::Word(w)) if is_ordinal(w)) {
                k += 1;
            }
            if punct(k, &['-']) {
                k += 1;
            }
            if let Some((m, after)) = month_at(t, k) {
                let mut k = skip_comma(after);
                if punct(k, &['-']) {
                    k += 1;
                }
                if let Some((y, 4)) = num(k) {
                    return ymd(y, m, d).map(|x| (x, k + 1));
                }
            }
        }
        // 19/09/2020 or 09/19/2020: day first unless that cannot be.
        if dl <= 2 {
            for sep in ['/', '.', '-'] {
                if punct(i + 1, &[sep])
                    && punct(i + 3, &[sep])
                    && let (Some((b, bl)), Some((y, 4))) = (num(i + 2), num(i + 4))
                    && bl <= 2
                {
                    let found = if b > 12 { ymd(y, d, b) } else { ymd(y, b, d) };
                    return found.map(|x| (x, i + 5));
                }
            }
        }
    }
    // September 19, 2020 / Sep 19 2020
    if let Some((m, k)) = month_at(t, i)
        && let Some((d, dl)) = num(k)
        && dl <= 2
    {
        let mut k = k + 1;
        if matches!(t.get(k).map(|x| &x.tok), Some(Tok::Word(w)) if is_ordinal(w)) {
            k += 1;
        }
        let k = skip_comma(k);
        if let Some((y, 4)) = num(k) {
            return ymd(y, m, d).map(|x| (x, k + 1));
        }
    }
    None
}

fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1800..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// The month named at token `i` (one or two words), with the index after it.
fn month_at(t: &[tokens::Token], i: usize) -> Option<(u32, usize)> {
    let Tok::Word(w) = t.get(i)?.tok else {
        return None;
    };
    // Two-word months are Levantine Arabic ("تشرين الأول").
    if !w.is_ascii()
        && let Some(Tok::Word(w2)) = t.get(i + 1).map(|x| &x.tok)
    {
        let two = format!("{w} {w2}");
        if let Some(m) = month_number(&two) {
            return Some((m, i + 2));
        }
    }
    month_number(w).map(|m| (m, i + 1))
}

/// The month a (lowercased, dot-stripped) name stands for: English names and abbreviations,
/// Arabic Levantine (أيلول) and Egyptian (سبتمبر) names, spelt with or without hamza.
pub fn month_number(name: &str) -> Option<u32> {
    let n = lower(name);
    let m = match n.as_ref() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        "كانون الثاني" | "يناير" => 1,
        "شباط" | "فبراير" => 2,
        "اذار" | "مارس" => 3,
        "نيسان" | "ابريل" | "افريل" => 4,
        "ايار" | "مايو" | "ماي" => 5,
        "حزيران" | "يونيو" | "يونيه" | "جوان" => 6,
        "تموز" | "يوليو" | "يوليه" | "جويلية" => 7,
        "اب" | "اغسطس" | "اوت" => 8,
        "ايلول" | "سبتمبر" => 9,
        "تشرين الاول" | "اكتوبر" => 10,
        "تشرين الثاني" | "نوفمبر" => 11,
        "كانون الاول" | "ديسمبر" => 12,
        _ => return None,
    };
    Some(m)
}

fn is_ordinal(w: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|o| w.eq_ignore_ascii_case(o))
}

/// A word folded for lookup: ASCII lowercased (no allocation for short words), Arabic hamza
/// forms folded.
fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            return std::borrow::Cow::Owned(w.to_ascii_lowercase());
        }
        return std::borrow::Cow::Borrowed(w);
    }
    std::borrow::Cow::Owned(normalise_arabic(&w.to_lowercase()))
}

/// The weekday a lowercase full English name stands for ("friday"). Running text names a day only
/// so: its abbreviations are words of their own there ("Sun", "Sat", "Wed"), and only a date line
/// takes them ([`is_weekday`]).
pub fn weekday_named(lower: &str) -> Option<Weekday> {
    Some(match lower {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Whether a word of a date line names a weekday: in full, abbreviated, or in Arabic.
fn is_weekday(w: &str) -> bool {
    let n = lower(w);
    weekday_named(&n).is_some()
        || matches!(
            n.as_ref(),
            "mon"
                | "tue"
                | "tues"
                | "wed"
                | "thu"
                | "thur"
                | "thurs"
                | "fri"
                | "sat"
                | "sun"
                | "الاثنين"
                | "الثلاثاء"
                | "الاربعاء"
                | "الخميس"
                | "الجمعة"
                | "السبت"
                | "الاحد"
        )
}

/// Words a date header may carry besides the date: "at 10:21 AM", "updated", "on".
fn is_filler(w: &str) -> bool {
    matches!(
        lower(w).as_ref(),
        "at" | "on"
            | "am"
            | "pm"
            | "a.m"
            | "p.m"
            | "gmt"
            | "utc"
            | "updated"
            | "posted"
            | "published"
            | "date"
            | "dated"
            | "last"
            | "modified"
            | "time"
            | "تاريخ"
            | "بتاريخ"
            | "نشر"
            | "في"
            | "the"
            | "of"
            | "a"
            | "p"
            | "m"
            | "م"
            | "ص"
    )
}

/// Folds the Arabic spellings that vary in print: hamza forms of alef, and tatweel.
fn normalise_arabic(s: &str) -> String {
    s.chars()
        .filter(|&c| c != crate::vocab::chars::TATWEEL)
        .map(|c| match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn date_headers_in_english_and_arabic() {
        assert_eq!(
            date_line("Saturday 19 September 2020"),
            Some(d(2020, 9, 19))
        );
        assert_eq!(date_line("September 18, 2020"), Some(d(2020, 9, 18)));
        assert_eq!(date_line("  Sat, Sept. 19th 2020  "), Some(d(2020, 9, 19)));
        assert_eq!(date_line("2020-09-19"), Some(d(2020, 9, 19)));
        assert_eq!(date_line("19/09/2020 10:21 AM"), Some(d(2020, 9, 19)));
        assert_eq!(date_line("السبت ١٩ أيلول ٢٠٢٠"), Some(d(2020, 9, 19)));
        assert_eq!(date_line("19 سبتمبر 2020"), Some(d(2020, 9, 19)));
        assert_eq!(date_line("٣ تشرين الأول ٢٠٢١"), Some(d(2021, 10, 3)));
        assert_eq!(date_line("۳ اکتبر ۲۰۲۱"), None);
        assert_eq!(date_line("Trump said on 19 September 2020 that"), None);
        assert_eq!(date_line("May"), None);
        assert_eq!(date_line("Date: 2021-03-03"), Some(d(2021, 3, 3)));
        assert_eq!(
            date_line("Published: March 3, 2021 at 9:00 am"),
            Some(d(2021, 3, 3))
        );
    }

    #[test]
    fn dates_inside_text() {
        let (date, r) = find_date("By News Desk -2020-09-19").unwrap();
        assert_eq!(date, d(2020, 9, 19));
        assert_eq!(r, Span::new(14, 24));
        let s = "Posted by Jane Roe on March 3, 2021 at 9:00";
        let (date, r) = find_date(s).unwrap();
        assert_eq!((date, &s[r.range()]), (d(2021, 3, 3), "March 3, 2021"));
        assert_eq!(
            find_date("Moscow, September 17, 2020").unwrap().0,
            d(2020, 9, 17)
        );
        assert_eq!(find_date("31 February 2020"), None);
        assert_eq!(find_date("no date here 2020"), None);
    }
}
