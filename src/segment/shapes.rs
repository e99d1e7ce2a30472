//! Recognisers for the kinds of line a post is made of besides its text: bylines,
//! "ALSO READ" links, related-link headings, post numbers, image captions, datelines. Each
//! looks at one trimmed line.

use super::lines::fold_space;
use crate::dates;
use regex::Regex;
use std::sync::LazyLock;

/// Whether `t` starts with `p`, ASCII letters compared without case. No allocation: these
/// checks run on every line of a dump.
pub fn starts_ci(t: &str, p: &str) -> bool {
    t.len() >= p.len() && t.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
}

/// The line's first word (up to a space or a colon), without allocating.
fn first_word(t: &str) -> &str {
    let end = t
        .find(|c: char| c.is_whitespace() || c == ':')
        .unwrap_or(t.len());
    &t[..end]
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:by|posted by|written by|words by|reported by|author|بقلم|كتب)\s*[:：]?\s+(\S.*)$",
    )
    .expect("byline regex")
});

/// A byline: the name as printed and the date printed with it ("By News Desk -2020-09-19",
/// "Posted by Jane Roe on March 3, 2021 at 9:12 AM").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    pub name: String,
    pub date: Option<chrono::NaiveDate>,
}

pub fn byline(t: &str, words: u32) -> Option<Byline> {
    if !(2..=16).contains(&words) {
        return None;
    }
    let fw = first_word(t);
    if ![
        "by", "posted", "written", "words", "reported", "author", "بقلم", "كتب",
    ]
    .iter()
    .any(|w| fw.eq_ignore_ascii_case(w))
    {
        return None;
    }
    let rest = BYLINE.captures(t)?.get(1)?.as_str();
    let found = dates::find_date(rest);
    let mut name = match &found {
        Some((_, r)) => &rest[..r.start],
        None => rest,
    };
    for cut in [" at ", " on ", " | ", " - ", " – ", " — ", " · ", " في "] {
        if let Some(i) = name.find(cut) {
            name = &name[..i];
        }
    }
    let name = name
        .trim()
        .trim_end_matches(['-', '–', '—', '|', ',', '·', ' ', '(', '*', '_'])
        .trim_start_matches(['*', '_']);
    let n = name.split_whitespace().count();
    if n == 0 || n > 6 || (super::lines::ends_sentence(name) && found.is_none()) {
        return None;
    }
    Some(Byline {
        name: super::lines::fold_space(name),
        date: found.map(|(d, _)| d),
    })
}

const ALSO_READ: &[&str] = &[
    "also read",
    "read also",
    "read more",
    "see also",
    "more:",
    "watch:",
    "related:",
    "recommended:",
    "click here",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "إقرأ أيضاً",
    "اقرأ ايضا",
    "إقرأ ايضاً",
    "اقرا ايضا",
];

/// An inline link to another story: "ALSO READ  US reveals ...", "Read more: ...", or a
/// shouted lead-in ("WATCH NOW ...") followed by a headline.
pub fn also_read(t: &str, words: u32) -> bool {
    if words > 30 {
        return false;
    }
    if ALSO_READ.iter().any(|p| starts_ci(t, p)) {
        return true;
    }
    if words < 3 || super::lines::ends_sentence(t) {
        return false;
    }
    let mut it = t.split_whitespace();
    let caps = |w: Option<&str>| {
        w.is_some_and(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    caps(it.next()) && caps(it.next()) && !t.contains(['–', '—', '(']) && !t.contains(" - ")
}

const TRAILER: &[&str] = &[
    "related",
    "more from",
    "more stories",
    "more news",
    "more on this",
    "read more",
    "read next",
    "you may also like",
    "you might also like",
    "recommended",
    "share this",
    "like this",
    "further reading",
    "see also",
    "also on",
    "popular posts",
    "latest posts",
    "previous post",
    "next post",
    "tags:",
    "filed under",
    "share on",
    "share:",
    "tweet",
    "follow us",
    "subscribe",
    "print this",
    "email this",
    "اقرأ المزيد",
    "شارك",
];

/// A heading over a list of links at a post's end: "Related Videos", "مقالات متعلقة".
pub fn trailer_heading(t: &str, words: u32) -> bool {
    if words == 0 || words > 6 {
        return false;
    }
    TRAILER.iter().any(|p| starts_ci(t, p)) || t.contains("متعلق") || t.contains("ذات صلة")
}

/// A post number at a line's start ("3.", "#3", "No. 3", "Post 3:") and the title after it.
pub fn post_number(t: &str) -> Option<(u32, &str)> {
    let b = t.as_bytes();
    let mut i = 0;
    for p in [
        "#", "[", "No.", "No ", "Post ", "Item ", "Story ", "Article ",
    ] {
        if t.len() > p.len() && t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)) {
            i = p.len();
            break;
        }
    }
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    let ds = i;
    while i < b.len() && b[i].is_ascii_digit() && i - ds < 5 {
        i += 1;
    }
    if i == ds || (i < b.len() && b[i].is_ascii_digit()) {
        return None;
    }
    let n: u32 = t[ds..i].parse().ok()?;
    let mut rest = &t[i..];
    // "Post 3 of 12: Title"
    if let Some(r) = rest.strip_prefix(" of ") {
        let d = r.bytes().take_while(u8::is_ascii_digit).count();
        if d == 0 {
            return None;
        }
        rest = &r[d..];
    }
    if rest.is_empty() {
        return Some((n, ""));
    }
    let r = match rest.strip_prefix(['.', ')', ']', ':', '-', '–', '—']) {
        Some(r) => r,
        // "#12 Storm", "Post 3 Storm": the prefix says it is a number already.
        None if i > ds && ds > 0 => rest,
        None => return None,
    };
    if !r.starts_with(' ') && !r.is_empty() {
        return None;
    }
    Some((n, r.trim()))
}

/// A caption that says so: "Photo: ...", "(Image credit ...)", "File photo".
pub fn caption(t: &str) -> bool {
    let t = t.trim_start_matches(['(', '[']);
    [
        "photo:",
        "photo credit",
        "photo by",
        "image:",
        "image credit",
        "image source",
        "picture:",
        "file photo",
        "pictured:",
        "caption:",
        "صورة",
        "الصورة",
    ]
    .iter()
    .any(|p| starts_ci(t, p))
}

/// The dateline opening a paragraph: "BEIRUT, LEBANON (1:20 P.M.) – ..." gives
/// "BEIRUT, LEBANON": up to three comma-separated places, the first in capitals, an optional
/// parenthesis (a time, an agency), then a dash.
pub fn dateline(t: &str) -> Option<String> {
    // Cheap refusal of the usual paragraph ("The ...") before any scanning.
    if t.chars().take(3).any(|c| !c.is_uppercase()) {
        return None;
    }
    let mut end = t.len().min(120);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let head = &t[..end];
    let dash = head
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '–' | '—' | '-')
                && head[..i].ends_with(' ')
                && head[i + c.len_utf8()..].starts_with([' ', '-', '–', '—'])
        })
        .map(|(i, _)| i)?;
    let mut place = head[..dash].trim_end();
    if place.ends_with(')') {
        place = place[..place.rfind('(')?].trim_end();
    }
    let parts: Vec<&str> = place.split(',').map(str::trim).collect();
    if parts.len() > 3 || parts.iter().any(|p| p.is_empty() || p.len() > 32) {
        return None;
    }
    let first = parts[0];
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    let place_chars = |p: &str| {
        p.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
    };
    if letters < 3 || first.chars().any(char::is_lowercase) || !parts.iter().all(|p| place_chars(p))
    {
        return None;
    }
    if !parts[1..]
        .iter()
        .all(|p| p.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    Some(fold_space(&parts.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn w(t: &str) -> u32 {
        t.split_whitespace().count() as u32
    }

    #[test]
    fn bylines() {
        let b = byline("By News Desk -2020-09-19", 4).unwrap();
        assert_eq!(b.name, "News Desk");
        assert_eq!(b.date, NaiveDate::from_ymd_opt(2020, 9, 19));
        let t = "Posted by Jane Roe on March 3, 2021 at 9:12 AM";
        let b = byline(t, w(t)).unwrap();
        assert_eq!((b.name.as_str(), b.date.is_some()), ("Jane Roe", true));
        assert_eq!(
            byline("By Staff, Agencies", 3).unwrap().name,
            "Staff, Agencies"
        );
        let s = "By contrast, the ministry said the talks had failed.";
        assert_eq!(byline(s, w(s)), None);
    }

    #[test]
    fn links_and_trailers() {
        assert!(also_read("ALSO READ  US reveals mysterious jet", 6));
        assert!(also_read("Read more: Floods in the valley", 6));
        assert!(!also_read("BEIRUT, LEBANON (1:20 P.M.) – Russia said", 7));
        assert!(trailer_heading("Related Videos", 2));
        assert!(trailer_heading("مقالات متعلقة", 2));
        assert!(!trailer_heading(
            "Relations with Minsk improved over the year",
            7
        ));
    }

    #[test]
    fn numbers_captions_datelines() {
        assert_eq!(
            post_number("3. Storm hits coast"),
            Some((3, "Storm hits coast"))
        );
        assert_eq!(post_number("#12 Storm"), Some((12, "Storm")));
        assert_eq!(post_number("2020 was a year"), None);
        assert_eq!(post_number("7"), Some((7, "")));
        assert_eq!(post_number("[4] Storm"), Some((4, "Storm")));
        assert_eq!(post_number("Post 3 of 12: Storm"), Some((3, "Storm")));
        assert!(caption("Photo: a harbour at dawn"));
        assert_eq!(
            dateline("BEIRUT, LEBANON (1:20 P.M.) – Russia’s envoy said").as_deref(),
            Some("BEIRUT, LEBANON")
        );
        assert_eq!(
            dateline("PORT ELLIS (Courier) - The mayor").as_deref(),
            Some("PORT ELLIS")
        );
        assert_eq!(dateline("The mayor - said"), None);
    }
}
