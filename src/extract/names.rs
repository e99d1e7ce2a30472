//! Names as printed: a name and its roles from the words of a mention ("Foreign Minister Sergey
//! Lavrov" → "Sergey Lavrov", ["Foreign Minister"]), what is no name ("He", "Question", "I’m"),
//! possessive endings.

use super::lexicon::{
    CONTRACTION_ENDINGS, NAME_PARTICLES, NOT_NAMES, NOT_ROLE_WORDS, NOT_ROLES_ALONE, ORG_HEADS,
    PERSON_PRONOUNS, ROLE_NOUNS, ROLE_ORG_LINKS, SENTENCE_ADVERBS, TITLE_WORDS,
};
use super::subject::SubjKind;
use super::tokens::lower_ascii;

/// Strips a possessive ending ("Russia’s" → "Russia").
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

pub(crate) fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
}

/// A name and its roles from the words of a mention ("Foreign Minister Sergey Lavrov" →
/// "Sergey Lavrov", ["Foreign Minister"]). None when no name is left.
pub fn clean_name(words: &[&str]) -> Option<(String, Vec<String>, SubjKind)> {
    let mut buf = [0u8; 24];
    let lows: Vec<String> = words
        .iter()
        .map(|w| {
            let l = lower_ascii(strip_possessive(w), &mut buf);
            if l.is_empty() {
                strip_possessive(w).to_lowercase()
            } else {
                l.to_string()
            }
        })
        .collect();
    let last = lows.last()?;
    if ORG_HEADS.contains(last.as_str()) {
        let mut i = 0;
        while i + 1 < words.len() && NOT_NAMES.contains(lows[i].as_str()) {
            i += 1;
        }
        let name = words[i..].join(" ");
        if !name.chars().next()?.is_uppercase() {
            return None;
        }
        return Some((name, Vec::new(), SubjKind::Org));
    }
    // The name is the trailing run of words that are neither titles nor possessive owners.
    let mut i = words.len();
    while i > 0 {
        let w = words[i - 1];
        let l = &lows[i - 1];
        let particle = NAME_PARTICLES.contains(l.as_str()) && i < words.len();
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        if (cap || particle)
            && !(is_possessive(w) && i < words.len())
            && !(TITLE_WORDS.contains(l.as_str()) && !particle && i < words.len())
            // A middle initial ("Jock A Finlay") is in the name even where "A" is no name.
            && (!NOT_NAMES.contains(l.as_str()) || (w.len() == 1 && cap && i > 1 && i < words.len()))
            && !SENTENCE_ADVERBS.contains(l.as_str())
        {
            i -= 1;
        } else {
            break;
        }
    }
    // "Foreign Affairs Committee Leonid Slutsky": a body's name before a person's is part of
    // the role, the name starts after the body's head.
    if let Some(k) = (i..words.len().saturating_sub(2))
        .rev()
        .find(|&k| ORG_HEADS.contains(lows[k].as_str()))
    {
        i = k + 1;
    }
    // A name does not start with a particle ("der Muhll" is part of "von der Muhll").
    while i < words.len() && NAME_PARTICLES.contains(lows[i].as_str()) && i > 0 {
        let l = &lows[i - 1];
        if NAME_PARTICLES.contains(l.as_str()) {
            i -= 1;
        } else {
            break;
        }
    }
    while i < words.len()
        && NAME_PARTICLES.contains(lows[i].as_str())
        && !words[i].chars().next().is_some_and(char::is_uppercase)
        && i + 1 == words.len()
    {
        i += 1;
    }
    if i == words.len() {
        // Titles only ("the President"): a role to resolve.
        // "The", "His": words that only join titles are no role.
        return lows
            .iter()
            .any(|l| {
                (TITLE_WORDS.contains(l.as_str()) || ROLE_NOUNS.contains(l.as_str()))
                    && !NOT_ROLES_ALONE.contains(l.as_str())
            })
            .then(|| (String::new(), Vec::new(), SubjKind::Role));
    }
    // "representative to the United Nations": a role ending in an organisation, not a name.
    if i > 0 && ROLE_ORG_LINKS.contains(lows[i - 1].as_str()) {
        return Some((String::new(), Vec::new(), SubjKind::Role));
    }
    let name_words: Vec<&str> = words[i..]
        .iter()
        .enumerate()
        .map(|(j, w)| {
            if i + j + 1 == words.len() {
                strip_possessive(w)
            } else {
                *w
            }
        })
        .collect();
    let name = name_words.join(" ");
    if !valid_name(&name) {
        return None;
    }
    let roles: Vec<String> = {
        let r: Vec<&str> = words[..i]
            .iter()
            .zip(&lows[..i])
            .filter(|(_, l)| !NOT_ROLE_WORDS.contains(l.as_str()))
            .map(|(w, _)| *w)
            .collect();
        if r.is_empty() {
            Vec::new()
        } else {
            vec![r.join(" ")]
        }
    };
    Some((name, roles, SubjKind::Name))
}

/// Never "He", "Question", "It" or a lowercase fragment.
pub fn valid_name(name: &str) -> bool {
    let Some(c) = name.chars().next() else {
        return false;
    };
    // "von der Muhll": a lowercase particle opens a name whose last word is capitalised.
    let particle_led = name
        .split(' ')
        .next()
        .is_some_and(|w| NAME_PARTICLES.contains(w))
        && name
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    if !c.is_uppercase() && !is_arabic(c) && !particle_led {
        return false;
    }
    // Contractions are no names ("I’m", "Let's", "We’ve").
    let contraction = name.split(' ').any(|w| {
        CONTRACTION_ENDINGS.iter().any(|c| w.ends_with(c))
            && (w.chars().count() <= 6 || w.ends_with("n’t") || w.ends_with("n't"))
    });
    let mut buf = [0u8; 24];
    let l = lower_ascii(name, &mut buf);
    let first = name.split(' ').next().unwrap_or(name);
    !contraction
        && !NOT_NAMES.contains(l)
        && !SENTENCE_ADVERBS.contains(lower_ascii(first, &mut [0u8; 24]))
        && !PERSON_PRONOUNS.contains(l)
        && name.chars().count() > 1
}

pub fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(words: &str) -> Option<(String, Vec<String>, SubjKind)> {
        clean_name(&words.split(' ').collect::<Vec<_>>())
    }

    fn name(n: &str, roles: &[&str]) -> Option<(String, Vec<String>, SubjKind)> {
        let roles = roles.iter().map(|r| r.to_string()).collect();
        Some((n.to_string(), roles, SubjKind::Name))
    }

    #[test]
    fn titles_and_possessive_owners_move_into_roles() {
        assert_eq!(
            cleaned("Foreign Minister Sergey Varlov"),
            name("Sergey Varlov", &["Foreign Minister"])
        );
        assert_eq!(
            cleaned("Borealia’s envoy Vasily Nebenko"),
            name("Vasily Nebenko", &["Borealia’s envoy"])
        );
        assert_eq!(
            cleaned("Agnes von der Muhll"),
            name("Agnes von der Muhll", &[])
        );
        assert_eq!(cleaned("Jock A Finlay"), name("Jock A Finlay", &[]));
        // The possessive of the last word is no part of the name.
        assert_eq!(cleaned("Ilka Vorn’s"), name("Ilka Vorn", &[]));
    }

    #[test]
    fn titles_alone_are_a_role_and_an_organisation_is_no_person() {
        let role = Some((String::new(), Vec::new(), SubjKind::Role));
        assert_eq!(cleaned("the President"), role);
        assert_eq!(cleaned("representative to the United Nations"), role);
        assert_eq!(
            cleaned("Borealia’s Foreign Ministry"),
            Some((
                "Borealia’s Foreign Ministry".into(),
                Vec::new(),
                SubjKind::Org
            ))
        );
        assert_eq!(cleaned("the a"), None);
    }

    #[test]
    fn pronouns_contractions_labels_and_fragments_are_no_names() {
        for no in [
            "He",
            "I’m",
            "We've",
            "Question",
            "Instead Vorn",
            "X",
            "vorn",
            "",
        ] {
            assert!(!valid_name(no), "{no:?}");
        }
        for yes in ["Ilka Vorn", "von der Muhll", "Vorn", "فلان الفلاني"] {
            assert!(valid_name(yes), "{yes:?}");
        }
    }

    #[test]
    fn possessive_endings_come_off() {
        assert_eq!(strip_possessive("Borealia’s"), "Borealia");
        assert_eq!(strip_possessive("Vorn's"), "Vorn");
        assert_eq!(strip_possessive("Tarns’"), "Tarns");
        assert_eq!(strip_possessive("Vorn"), "Vorn");
        assert!(is_possessive("Vorn's") && !is_possessive("Vorns"));
    }
}
