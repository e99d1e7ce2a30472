//! One speaker for the forms of a name seen across all items: same surname and a compatible
//! first name ("Sergey Lavrov", "Sergei Lavrov", "Lavrov").

use super::ClaimMention;
use std::collections::{BTreeMap, HashMap};

/// Makes one speaker of the forms of a name seen across all items: same surname and a
/// compatible first name ("Sergey Lavrov", "Sergei Lavrov", "Lavrov").
pub fn canonicalise(claims: &mut [Vec<ClaimMention>]) {
    // Group full forms by surname key.
    let mut forms: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for c in claims.iter().flatten() {
        if let Some(s) = &c.speaker {
            *forms
                .entry(surname_key(&s.name))
                .or_default()
                .entry(s.name.clone())
                .or_default() += 1;
        }
    }
    // Within a surname: clusters of forms whose first names agree.
    let mut canon: HashMap<String, String> = HashMap::new();
    for fs in forms.values() {
        let mut multi: Vec<(&String, usize)> = fs
            .iter()
            .filter(|(n, _)| n.contains(' '))
            .map(|(n, &c)| (n, c))
            .collect();
        // Most printed first, then the shortest, then alphabetical: deterministic.
        multi.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(a.0.cmp(b.0))
        });
        let mut heads: Vec<&String> = Vec::new();
        for (n, _) in &multi {
            let head = heads.iter().find(|h| compatible(h, n)).copied();
            match head {
                Some(h) => {
                    canon.insert((*n).clone(), h.clone());
                }
                None => {
                    heads.push(n);
                    canon.insert((*n).clone(), (*n).clone());
                }
            }
        }
        for n in fs.keys().filter(|n| !n.contains(' ')) {
            if heads.len() == 1 {
                canon.insert(n.clone(), heads[0].clone());
            }
        }
    }
    // Aliases and roles of each canonical speaker, gathered over all mentions.
    let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
    let mut roles: HashMap<String, Vec<String>> = HashMap::new();
    for c in claims.iter().flatten() {
        if let Some(s) = &c.speaker {
            let to = canon
                .get(&s.name)
                .cloned()
                .unwrap_or_else(|| s.name.clone());
            let a = aliases.entry(to.clone()).or_default();
            a.push(s.name.clone());
            a.extend(s.aliases.iter().cloned());
            roles.entry(to).or_default().extend(s.roles.iter().cloned());
        }
    }
    for v in aliases.values_mut().chain(roles.values_mut()) {
        v.sort();
        v.dedup();
    }
    for c in claims.iter_mut().flatten() {
        if let Some(s) = &mut c.speaker {
            let to = canon
                .get(&s.name)
                .cloned()
                .unwrap_or_else(|| s.name.clone());
            s.aliases = aliases.get(&to).cloned().unwrap_or_default();
            s.aliases.retain(|a| *a != to);
            s.roles = roles.get(&to).cloned().unwrap_or_default();
            s.name = to;
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
