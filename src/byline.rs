//! Bylines: telling a named person from a desk, an agency or an outlet.

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
    "writers",
    "unknown",
    "anonymous",
    "guest",
    "sources",
];

/// Whether a byline entry names a person: two to five capitalised words, none of them a desk
/// word, and not a curated outlet. "News Desk", "Staff, Agencies", "Abc News" and "Reuters" are
/// not people; "Jane Roe" and "Agnes von der Muhll" are. Names in scripts without case
/// (Arabic) count when they have two to five words.
pub fn is_person_name(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.contains(['@', '/', ':', ',']) || crate::outlets::lookup(s).is_some() {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let mut capitalised = 0;
    for w in &words {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if DESK_WORDS.contains(&lw.as_str()) {
            return false;
        }
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitalised += 1;
        } else if first.is_lowercase() {
            // Particles inside names: von, van, de, al-, bin.
            if !matches!(
                lw.as_str(),
                "von"
                    | "van"
                    | "der"
                    | "de"
                    | "la"
                    | "le"
                    | "da"
                    | "del"
                    | "bin"
                    | "ibn"
                    | "al"
                    | "el"
            ) && !lw.starts_with("al-")
            {
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

#[cfg(test)]
mod tests {
    use super::is_person_name;

    #[test]
    fn people_are_not_desks() {
        for p in [
            "Jane Roe",
            "Agnes von der Muhll",
            "حسن حردان",
            "Mary-Ann O'Neil",
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
        ] {
            assert!(!is_person_name(d), "{d}");
        }
    }
}
