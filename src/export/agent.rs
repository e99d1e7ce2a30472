//! Whether a speaker is a person or an organisation, for the formats that must say which
//! (PROV-JSON's `prov:Person` / `prov:Organization`, schema.org's `Person` / `Organization`).
//! The graph has one speaker kind: ministries, agencies and desks speak too.

use crate::byline::{is_organisation_name, is_person_name};

/// A speaker is an organisation when its name reads as one (`byline::is_organisation_name`: a
/// curated outlet, a domain, "Valorian Transport Ministry"), or when it has several words and
/// does not read as a person's ("the council", "News Desk"); one word ("Voss", as a canonical
/// name is sometimes only a surname) is taken for a person.
pub fn speaker_is_person(name: &str) -> bool {
    if is_organisation_name(name) {
        return false;
    }
    name.split_whitespace().count() <= 1 || is_person_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_and_organisations() {
        assert!(speaker_is_person("Elena Voss"));
        assert!(speaker_is_person("Voss"));
        assert!(!speaker_is_person("Valorian transport ministry"));
        assert!(!speaker_is_person("Reuters"));
    }
}
