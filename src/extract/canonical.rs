//! One speaker for the forms of a name seen across all items: same surname and a compatible
//! first name ("Sergey Lavrov", "Sergei Lavrov", "Lavrov").
//!
//! Three steps, so that a job can run the middle one grouped by key on many machines: each
//! item's name forms ([`name_forms`]), the speaker each form stands for, decided from the forms
//! of one surname key alone ([`speakers_of_forms`]), and the mapping applied to the claims
//! ([`apply_speakers`]). [`canonicalise`] is the three on one machine.

use super::ClaimMention;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One form of a speaker's name as printed in some claims, with what the speaker step needs of
/// them. Forms of one name share their `key` (the surname, lowercased), and the speaker of a
/// form depends only on the forms of its key, so the step can run grouped by key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameForm {
    /// The grouping key: the last word of the name, lowercased.
    pub key: String,
    /// The form as the claims name their speaker.
    pub name: String,
    /// How many claims name it.
    pub mentions: usize,
    /// The form and the other forms its mentions gave, sorted, each once.
    pub aliases: Vec<String>,
    /// The titles and roles its mentions gave, sorted, each once.
    pub roles: Vec<String>,
}

/// The speaker a form of a name stands for, as [`speakers_of_forms`] decides it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CanonicalSpeaker {
    /// The form printed ([`NameForm::name`]).
    pub form: String,
    /// The speaker's one name.
    pub name: String,
    /// The speaker's other forms, over the run, sorted.
    pub aliases: Vec<String>,
    /// The speaker's titles and roles, over the run, sorted.
    pub roles: Vec<String>,
}

/// Makes one speaker of the forms of a name seen across all items: same surname and a
/// compatible first name ("Sergey Lavrov", "Sergei Lavrov", "Lavrov").
pub fn canonicalise(claims: &mut [Vec<ClaimMention>]) {
    apply_speakers(claims, &speakers_of_claims(claims));
}

/// The speakers decided over every item's claims (`claims[i]` of item i): [`speakers_of_forms`]
/// of all their [`name_forms`], what a run on one machine gives [`apply_speakers`].
pub(crate) fn speakers_of_claims(claims: &[Vec<ClaimMention>]) -> Vec<CanonicalSpeaker> {
    let forms: Vec<NameForm> = claims.iter().flat_map(|c| name_forms(c)).collect();
    speakers_of_forms(forms)
}

/// The name forms of some claims (an item's, or any set), one per form, sorted by key and name.
pub fn name_forms(claims: &[ClaimMention]) -> Vec<NameForm> {
    merge(claims.iter().filter_map(|c| c.speaker.as_ref()).map(|s| {
        let mut aliases = s.aliases.clone();
        aliases.push(s.name.clone());
        NameForm {
            key: surname_key(&s.name),
            name: s.name.clone(),
            mentions: 1,
            aliases,
            roles: s.roles.clone(),
        }
    }))
}

/// Forms merged by name (mentions added, aliases and roles joined), sorted by key and name.
fn merge(forms: impl IntoIterator<Item = NameForm>) -> Vec<NameForm> {
    type Merged = (usize, BTreeSet<String>, BTreeSet<String>);
    let mut by_name: BTreeMap<(String, String), Merged> = BTreeMap::new();
    for f in forms {
        let m = by_name.entry((f.key, f.name)).or_default();
        m.0 += f.mentions;
        m.1.extend(f.aliases);
        m.2.extend(f.roles);
    }
    by_name
        .into_iter()
        .map(|((key, name), (mentions, aliases, roles))| NameForm {
            key,
            name,
            mentions,
            aliases: aliases.into_iter().collect(),
            roles: roles.into_iter().collect(),
        })
        .collect()
}

/// The speaker of every form in `forms`, in any order and with a form any number of times (the
/// [`name_forms`] of each item): every form of a key must be there, and what is decided for a
/// key depends on its forms alone, so keys can be decided apart. Sorted by form.
pub fn speakers_of_forms(forms: Vec<NameForm>) -> Vec<CanonicalSpeaker> {
    let forms = merge(forms);
    let mut out = Vec::with_capacity(forms.len());
    for group in forms.chunk_by(|a, b| a.key == b.key) {
        speakers_of_key(group, &mut out);
    }
    out.sort_by(|a, b| a.form.cmp(&b.form));
    out
}

/// The speakers of the forms of one key (merged, sorted by name).
fn speakers_of_key<'a>(fs: &'a [NameForm], out: &mut Vec<CanonicalSpeaker>) {
    // Within a surname: clusters of forms whose first names agree.
    let mut canon: HashMap<&'a str, &'a str> = HashMap::new();
    let mut multi: Vec<(&str, usize)> = fs
        .iter()
        .filter(|f| f.name.contains(' '))
        .map(|f| (f.name.as_str(), f.mentions))
        .collect();
    // Most printed first, then the shortest, then alphabetical: deterministic.
    multi.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.len().cmp(&b.0.len()))
            .then(a.0.cmp(b.0))
    });
    let mut heads: Vec<&str> = Vec::new();
    for (n, _) in &multi {
        let head = heads.iter().find(|h| compatible(h, n)).copied();
        match head {
            Some(h) => {
                canon.insert(n, h);
            }
            None => {
                heads.push(n);
                canon.insert(n, n);
            }
        }
    }
    for f in fs.iter().filter(|f| !f.name.contains(' ')) {
        if heads.len() == 1 {
            canon.insert(&f.name, heads[0]);
        }
    }
    // Aliases and roles of each canonical speaker, gathered over all its forms' mentions. A
    // form left alone is its own speaker.
    let to = |f: &'a NameForm| canon.get(f.name.as_str()).copied().unwrap_or(&f.name);
    let mut gathered: BTreeMap<&str, (BTreeSet<&str>, BTreeSet<&str>)> = BTreeMap::new();
    for f in fs {
        let g = gathered.entry(to(f)).or_default();
        g.0.extend(f.aliases.iter().map(String::as_str));
        g.1.extend(f.roles.iter().map(String::as_str));
    }
    for f in fs {
        let name = to(f);
        let (aliases, roles) = &gathered[name];
        out.push(CanonicalSpeaker {
            form: f.name.clone(),
            name: name.to_string(),
            aliases: aliases
                .iter()
                .filter(|a| **a != name)
                .map(|a| a.to_string())
                .collect(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
        });
    }
}

/// Gives each claim's speaker the name, aliases and roles `speakers` decided for its form
/// ([`speakers_of_forms`]); a form not among them is left as it is.
pub fn apply_speakers(claims: &mut [Vec<ClaimMention>], speakers: &[CanonicalSpeaker]) {
    let of: HashMap<&str, &CanonicalSpeaker> =
        speakers.iter().map(|s| (s.form.as_str(), s)).collect();
    for c in claims.iter_mut().flatten() {
        if let Some(s) = &mut c.speaker
            && let Some(to) = of.get(s.name.as_str())
        {
            s.aliases = to.aliases.clone();
            s.roles = to.roles.clone();
            s.name = to.name.clone();
        }
    }
}

fn surname_key(name: &str) -> String {
    name.rsplit(' ').next().unwrap_or(name).to_lowercase()
}

/// Same surname (already grouped) and first names that may be one person: equal, one an
/// initial of the other, or spellings with the same first two letters ("Sergey"/"Sergei").
fn compatible(a: &str, b: &str) -> bool {
    let fa = a.split(' ').next().unwrap_or("").to_lowercase();
    let fb = b.split(' ').next().unwrap_or("").to_lowercase();
    let pa: String = fa.chars().take(3).collect();
    let pb: String = fb.chars().take(3).collect();
    fa == fb || pa == pb || fa.trim_end_matches('.') == pb.chars().take(1).collect::<String>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::SpeakerMention;
    use crate::vocab::{ClaimKind, Span};

    /// A claim of `speaker` (with `roles`) in one item.
    fn said_by(speaker: &str, roles: &[&str]) -> ClaimMention {
        ClaimMention {
            text: "The bridge will open.".into(),
            span: Span::new(0, 21),
            parts: Vec::new(),
            kind: ClaimKind::Direct,
            language: None,
            speaker: Some(SpeakerMention {
                name: speaker.into(),
                aliases: Vec::new(),
                roles: roles.iter().map(|r| r.to_string()).collect(),
                span: Span::new(22, 30),
            }),
            cue: None,
            reported_by: None,
            said_on: None,
            source_span: None,
            variant_of: None,
        }
    }

    fn speakers(items: &[Vec<ClaimMention>]) -> Vec<(String, Vec<String>, Vec<String>)> {
        items
            .iter()
            .flatten()
            .filter_map(|c| c.speaker.as_ref())
            .map(|s| (s.name.clone(), s.aliases.clone(), s.roles.clone()))
            .collect()
    }

    #[test]
    fn spellings_and_the_surname_alone_become_the_most_printed_form() {
        let mut items = vec![
            vec![said_by("Sergey Varlov", &["Foreign Minister"])],
            vec![said_by("Sergey Varlov", &[]), said_by("Sergei Varlov", &[])],
            vec![said_by("Varlov", &["minister"])],
        ];
        canonicalise(&mut items);
        let one = (
            "Sergey Varlov".to_string(),
            vec!["Sergei Varlov".to_string(), "Varlov".to_string()],
            vec!["Foreign Minister".to_string(), "minister".to_string()],
        );
        assert_eq!(
            speakers(&items),
            vec![one.clone(), one.clone(), one.clone(), one]
        );
    }

    #[test]
    fn two_first_names_stay_two_people_and_their_surname_alone_stays_apart() {
        let mut items = vec![
            vec![said_by("Ilka Vorn", &[]), said_by("Ilka Vorn", &[])],
            vec![said_by("Piet Vorn", &[])],
            vec![said_by("Vorn", &[])],
        ];
        canonicalise(&mut items);
        let names: Vec<String> = speakers(&items).into_iter().map(|s| s.0).collect();
        // The surname alone could be either.
        assert_eq!(names, vec!["Ilka Vorn", "Ilka Vorn", "Piet Vorn", "Vorn"]);
    }

    #[test]
    fn first_names_that_may_be_one_person() {
        assert!(compatible("Sergey Varlov", "Sergei Varlov"));
        assert!(compatible("I. Vorn", "Ilka Vorn"));
        assert!(!compatible("Ilka Vorn", "Piet Vorn"));
    }
}
