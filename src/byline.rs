//! Bylines and author fields: telling a named person from a desk, an agency or an outlet, and
//! cleaning what sites print around a name ("Mark Prigg For Dailymail.Com", "Reuters In
//! Berlin", "More Stories Ian King"). One home for "is this a person, an organisation or
//! neither?", asked by every reader of an author field or byline and by the credit lines.

use crate::outlets;

/// Words that make a byline a desk or a staff credit, not a person.
const DESK_WORDS: &[&str] = &[
    "desk",
    "newsdesk",
    "staff",
    "agencies",
    "agency",
    "editor",
    "editors",
    "editorial",
    "team",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "news",
    "wire",
    "wires",
    "service",
    "services",
    "bureau",
    "admin",
    "administrator",
    "contributor",
    "contributors",
    "press",
    "media",
    "online",
    "digital",
    "web",
    "writer",
    "writers",
    "columnist",
    "manager",
    "unknown",
    "anonymous",
    "guest",
    "sources",
    "sport",
    "sports",
    "chief",
    "senior",
    "feature",
    "features",
    "political",
    "deputy",
    "view",
    "comment",
    "opinion",
];

/// Words of page furniture and dates that news sites' author fields pick up beside the names
/// ("Min Read", "Published P.M. Et Feb.", "About The Author", "Follow Author", "Your Money"): a
/// name holding one is no person's.
const FURNITURE_WORDS: &[&str] = &[
    "about",
    "author",
    "authors",
    "avid",
    "reader",
    "read",
    "min",
    "more",
    "stories",
    "last",
    "updated",
    "published",
    "posted",
    "written",
    "follow",
    "your",
    "my",
    "our",
    "et",
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "gmt",
    "bst",
    "edt",
    "est",
    "utc",
    "copyright",
    "share",
    "comments",
    "email",
    "twitter",
    "facebook",
    "subscribe",
    "image",
    "images",
    "photo",
    "photos",
    "video",
    "getty",
    "former",
    "money",
    "contact",
    "view",
    "profile",
    "this",
    "story",
    "article",
];

/// Job titles printed after a name ("Alex Raskin Sports News Editor"): cut from the end.
const TITLE_TAIL: &[&str] = &[
    "editor",
    "writer",
    "correspondent",
    "reporter",
    "columnist",
    "news",
    "sports",
    "sport",
    "chief",
    "senior",
    "political",
    "science",
    "health",
    "feature",
    "features",
    "business",
    "technology",
    "deputy",
    "associate",
    "staff",
    "contributing",
    "special",
];

/// Month and weekday names and their abbreviations: a date printed into an author field.
const DATE_WORDS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that make a name a news organisation's ("Florida Today", "Valley Post", "Fox Sports
/// Wisconsin").
const NEWS_WORDS: &[&str] = &[
    "news",
    "press",
    "agency",
    "times",
    "post",
    "today",
    "gazette",
    "journal",
    "herald",
    "tribune",
    "daily",
    "radio",
    "tv",
    "television",
    "network",
    "wire",
    "media",
    "broadcasting",
    "chronicle",
    "courier",
    "observer",
    "ledger",
    "magazine",
    "channel",
    "sports",
    "review",
    "mirror",
    "express",
    "telegraph",
    "guardian",
    "independent",
    "inquirer",
    "examiner",
    "bulletin",
    "dispatch",
    "sentinel",
    "monitor",
    "insider",
    "weekly",
    "digest",
    "blog",
    "publishing",
    "newspaper",
    "newspapers",
    "conversation",
];

/// Words that make a name another organisation's ("Cincinnati Zoo", "Regional Transit
/// Authority").
const ORGANISATION_WORDS: &[&str] = &[
    "foundation",
    "institute",
    "university",
    "ministry",
    "council",
    "corporation",
    "company",
    "group",
    "inc",
    "ltd",
    "llc",
    "association",
    "organisation",
    "organization",
    "committee",
    "commission",
    "department",
    "office",
    "bureau",
    "centre",
    "center",
    "society",
    "zoo",
    "museum",
    "authority",
    "police",
    "government",
    "party",
    "union",
];

/// Particles inside names: von, van, de, al-, bin.
fn is_particle(lw: &str) -> bool {
    matches!(
        lw,
        "von" | "van" | "der" | "de" | "la" | "le" | "da" | "del" | "bin" | "ibn" | "al" | "el"
    ) || lw.starts_with("al-")
}

fn bare_lower(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .trim_end_matches(',')
        .to_lowercase()
}

/// A word with a dot inside followed by two letters: a web address or an e-mail, not an
/// initial ("Wsj.Com", "annamaria.andriotis"; "K.K." and "C." are initials).
fn is_address_word(w: &str) -> bool {
    w.split('.').skip(1).any(|p| p.chars().count() >= 2)
}

/// Whether a byline entry names a person: two to five capitalised words, none of them a desk
/// word, an organisation word ("Valley Radio"), page furniture or a date, and not a curated
/// outlet. "News Desk", "Staff, Agencies",
/// "Abc News", "Reuters", "Min Read" and "Published P.M. Et Feb." are not people; "Jane Roe"
/// and "Agnes von der Muhll" are. Names in scripts without case (Arabic) count when they have
/// two to five words.
pub fn is_person_name(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.contains(['@', '/', ':', ',']) || outlets::lookup(s).is_some() {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    // A name ends with a name, not a particle or a full stop ("Michiel de", "Former Army
    // Infantryman.").
    let last = words[words.len() - 1];
    if is_particle(&last.to_lowercase()) || (last.ends_with('.') && last.chars().count() > 2) {
        return false;
    }
    if matches!(
        words[0].to_lowercase().as_str(),
        "the" | "a" | "an" | "by" | "and" | "with"
    ) {
        return false;
    }
    let mut capitalised = 0;
    for w in &words {
        let lw = bare_lower(w);
        if DESK_WORDS.contains(&lw.as_str())
            || FURNITURE_WORDS.contains(&lw.as_str())
            || NEWS_WORDS.contains(&lw.as_str())
            || ORGANISATION_WORDS.contains(&lw.as_str())
            || DATE_WORDS.contains(&lw.trim_end_matches('.'))
            || is_address_word(w)
        {
            return false;
        }
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitalised += 1;
        } else if first.is_lowercase() {
            if !is_particle(&lw) {
                return false;
            }
        } else if !first.is_alphabetic() {
            return false;
        }
    }
    capitalised >= 1
        || words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
        })
}

/// Whether `s` looks like an organisation's name: a curated outlet, a web domain, or one to
/// eight words starting with a capital with an organisation word among them ("Florida Today",
/// "Cincinnati Zoo and Botanical Garden"). Not a person's name, and not running text
/// ("Regulatory filings, estimates from bank executives").
pub fn is_organisation_name(s: &str) -> bool {
    organisation(s).is_some()
}

/// Whether `s` looks like a news organisation's name: a curated outlet, a web domain, or
/// capitalised words with a news word among them ("Florida Today", "Harbour Gazette"). Author
/// fields credit only these: "Technology Corporation" in an author list is a fragment, not
/// the story's source.
pub fn is_news_organisation(s: &str) -> bool {
    organisation(s) == Some(true)
}

/// Some(whether news) when `s` looks like an organisation's name.
fn organisation(s: &str) -> Option<bool> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if outlets::lookup(s).is_some()
        || outlets::resolve(Some(s), None).is_some_and(|o| o.domain.is_some())
    {
        return Some(true);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 8 || s.contains([',', ';', ':', '"', '“', '(', ')']) {
        return None;
    }
    // "News Desk", "Press Office Staff": a desk, whatever its words.
    if words
        .iter()
        .all(|w| DESK_WORDS.contains(&bare_lower(w).as_str()))
    {
        return None;
    }
    let small = |lw: &str| matches!(lw, "of" | "and" | "for" | "the" | "&" | "on" | "in" | "de");
    let (mut news, mut other) = (false, false);
    for w in &words {
        let lw = bare_lower(w);
        if w.starts_with(char::is_lowercase) && !small(&lw) {
            return None;
        }
        news |= NEWS_WORDS.contains(&lw.as_str());
        other |= ORGANISATION_WORDS.contains(&lw.as_str());
    }
    if !words[0].starts_with(char::is_uppercase) || !(news || other) {
        return None;
    }
    Some(news)
}

/// What one entry of an author field or byline names, cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// A person, as printed less the employer, place and job title around the name.
    Person(String),
    /// A curated outlet (its canonical name) or a news organisation as printed: a credit.
    Organisation(String),
    /// A desk, a job title, page furniture ("Min Read"), a date or a photo agency: neither.
    Neither,
}

/// Photo agencies and picture credits that author fields pick up from captions: not who
/// wrote or first carried the text.
fn is_picture_credit(lw: &str) -> bool {
    lw == "image"
        || lw == "getty"
        || lw.ends_with(" images")
        || lw.ends_with(" photo")
        || lw.ends_with(" photos")
        || lw.starts_with("photo")
}

/// Cuts what follows a name before `sep` ("Mark Prigg For Dailymail.Com", "Reuters In
/// Berlin"), ASCII case ignored; the whole entry when `sep` is not in it.
fn before_ci<'a>(s: &'a str, sep: &str) -> &'a str {
    let lower = s.to_ascii_lowercase();
    lower.find(sep).map_or(s, |i| s[..i].trim())
}

/// The curated outlet a name starts with, followed only by desk words ("Reuters Editorial",
/// "Associated Press Writer", "Telegraph View").
fn outlet_with_desk_words(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..words.len()).rev().find_map(|n| {
        let rest_is_desk = words[n..]
            .iter()
            .all(|w| DESK_WORDS.contains(&bare_lower(w).as_str()));
        if !rest_is_desk {
            return None;
        }
        outlets::lookup(&words[..n].join(" ")).map(|o| o.name)
    })
}

/// Classifies one entry of an author field or byline.
pub fn classify(entry: &str) -> Named {
    let e = entry.trim().trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '|' | '-' | '–' | '—' | '*' | '_')
    });
    let e = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| e.strip_prefix(p))
        .unwrap_or(e)
        .trim();
    // "Bradley M. Kuhn (http://ebb.org/bkuhn/)": a link or a note after the name.
    let e = e.split(" (").next().unwrap_or(e).trim();
    if e.is_empty() {
        return Named::Neither;
    }
    if let Some(o) = outlets::lookup(e) {
        return Named::Organisation(o.name);
    }
    let lower = e.to_lowercase();
    if is_picture_credit(&lower) {
        return Named::Neither;
    }
    // "X For Dailymail.Com": the employer; "Reuters In Berlin": the place.
    let e = before_ci(before_ci(e, " for "), " in ");
    if let Some(o) = outlets::lookup(e) {
        return Named::Organisation(o.name);
    }
    if let Some(o) = outlet_with_desk_words(e) {
        return Named::Organisation(o);
    }
    // "More Stories Ian King": page furniture before the name.
    let mut words: Vec<&str> = e.split_whitespace().collect();
    while words.len() > 2
        && matches!(
            bare_lower(words[0]).as_str(),
            "more" | "stories" | "by" | "author"
        )
    {
        words.remove(0);
    }
    // "Alex Raskin Sports News Editor": the job title after the name.
    while words.len() > 2 && TITLE_TAIL.contains(&bare_lower(words[words.len() - 1]).as_str()) {
        words.pop();
    }
    let name = words.join(" ");
    if is_person_name(&name) {
        return Named::Person(name);
    }
    if is_news_organisation(e) {
        // "Northwind Wire Staff": the outlet's staff.
        let mut words: Vec<&str> = e.split_whitespace().collect();
        while words.len() > 2
            && matches!(
                bare_lower(words[words.len() - 1]).as_str(),
                "staff"
                    | "writer"
                    | "writers"
                    | "reporter"
                    | "reporters"
                    | "correspondent"
                    | "correspondents"
                    | "editor"
                    | "editors"
                    | "desk"
                    | "team"
            )
        {
            words.pop();
        }
        let e = words.join(" ");
        let e = e.as_str();
        return match outlets::resolve(Some(e), None) {
            Some(o) if o.known || o.domain.is_some() => Named::Organisation(o.name),
            _ => Named::Organisation(e.to_string()),
        };
    }
    Named::Neither
}

/// The people and organisations an author field or a printed byline names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Authors {
    /// People, in the order printed, without repeats.
    pub people: Vec<String>,
    /// Outlets and news organisations, in the order printed, without repeats: credits, each
    /// with the entry that names it as printed.
    pub organisations: Vec<(String, String)>,
}

/// Whitespace folded to single spaces.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits author entries (a record's `authors`, a page's byline, a feed entry's authors) into
/// people and organisations: `["Lena Fischer", "Agence France-Presse"]` and "By Lena Fischer,
/// AFP" both give the person Lena Fischer and the organisation Agence France-Presse. Each entry
/// is split at commas, semicolons, ampersands, bars, slashes and " and " unless the whole of it
/// is an organisation ("Palestinian News and Info Agency"). A byline that pairs a desk with
/// an outlet ("Staff, Valley Post") credits the outlet and names no one.
pub fn authors<'a>(entries: impl IntoIterator<Item = &'a str>) -> Authors {
    let mut out = Authors::default();
    for entry in entries {
        let whole = classify(entry);
        let parts: Vec<Named> = match whole {
            Named::Organisation(_) | Named::Person(_) => vec![whole],
            _ => entry
                .split([',', ';', '&', '|', '/', '\n', '،'])
                .flat_map(|p| p.split(" and "))
                .map(classify)
                .collect(),
        };
        for p in parts {
            match p {
                Named::Person(n) if !out.people.contains(&n) => out.people.push(n),
                Named::Organisation(n) if !out.organisations.iter().any(|(o, _)| *o == n) => {
                    out.organisations.push((n, fold(entry)))
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_not_desks() {
        for p in [
            "Jane Roe",
            "Agnes von der Muhll",
            "حسن حردان",
            "Mary-Ann O'Neil",
            "K.K. Rebecca Lai",
            "John C. Welch",
        ] {
            assert!(is_person_name(p), "{p}");
        }
        for d in [
            "News Desk",
            "Newsdesk",
            "Staff, Agencies",
            "Abc News",
            "Reuters",
            "Associated Press",
            "admin",
            "jane roe",
            "Min Read",
            "Published P.M. Et Feb.",
            "About The Author",
            "An Avid Reader",
            "Last Updated",
            "Chief Sports Feature Writer",
            "Michiel de",
            "Former Army Infantryman.",
            "Annamaria.Andriotis Wsj.Com",
            "Telegraph View",
            "Written By",
        ] {
            assert!(!is_person_name(d), "{d}");
        }
    }

    #[test]
    fn entries_are_cleaned_and_classified() {
        let person = |s: &str| Named::Person(s.to_string());
        let org = |s: &str| Named::Organisation(s.to_string());
        assert_eq!(
            classify("Mark Prigg For Dailymail.Com"),
            person("Mark Prigg")
        );
        assert_eq!(
            classify("Alex Raskin Sports News Editor For Dailymail.Com"),
            person("Alex Raskin")
        );
        assert_eq!(classify("More Stories Ian King"), person("Ian King"));
        assert_eq!(
            classify("Bradley M. Kuhn (http://ebb.org/bkuhn/)"),
            person("Bradley M. Kuhn")
        );
        assert_eq!(classify("Reuters In Berlin"), org("Reuters"));
        assert_eq!(classify("Reuters Editorial"), org("Reuters"));
        assert_eq!(classify("The Associated Press"), org("Associated Press"));
        assert_eq!(classify("Associated Press Writer"), org("Associated Press"));
        assert_eq!(classify("Telegraph View"), org("The Telegraph"));
        assert_eq!(classify("Florida Today"), org("Florida Today"));
        assert_eq!(classify("Northwind Wire Staff"), org("Northwind Wire"));
        assert_eq!(classify("Getty Images"), Named::Neither);
        assert_eq!(classify("Min Read"), Named::Neither);
        assert_eq!(classify("Published P.M. Et Feb."), Named::Neither);
        assert_eq!(classify("News Desk"), Named::Neither);
        assert_eq!(classify("Technology Corporation"), Named::Neither);
        assert!(is_organisation_name("Technology Corporation"));
        assert!(is_organisation_name("Cincinnati Zoo and Botanical Garden"));
        assert!(!is_organisation_name(
            "Regulatory filings, estimates from bank executives"
        ));
        assert!(!is_organisation_name("Aerial image by Google"));
        assert!(!is_organisation_name("Jane Roe"));
    }

    #[test]
    fn author_fields_split_people_from_organisations() {
        let a = authors(["Lena Fischer", "Agence France-Presse"]);
        assert_eq!(a.people, ["Lena Fischer"]);
        let orgs = |a: &Authors| {
            a.organisations
                .iter()
                .map(|(o, _)| o.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(orgs(&a), ["Agence France-Presse"]);
        let a = authors(["By Lena Fischer and Tom Vale, AFP"]);
        assert_eq!(a.people, ["Lena Fischer", "Tom Vale"]);
        assert_eq!(
            a.organisations,
            [(
                "Agence France-Presse".to_string(),
                "By Lena Fischer and Tom Vale, AFP".to_string()
            )]
        );
        let a = authors(["Palestinian News and Info Agency"]);
        assert_eq!(orgs(&a), ["WAFA"]);
        let a = authors(["Staff, Valley Post"]);
        assert!(a.people.is_empty());
        assert_eq!(orgs(&a), ["Valley Post"]);
        let a = authors(["Myriah Towner For Dailymail.Com", "Associated Press"]);
        assert_eq!(a.people, ["Myriah Towner"]);
        assert_eq!(orgs(&a), ["Associated Press"]);
    }
}
