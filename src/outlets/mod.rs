//! Outlets: a curated table of news outlets with their aliases and domains, so that "AP",
//! "The Associated Press" and apnews.com are one outlet node. Built into the binary; nothing is
//! downloaded. Names not in the table are kept as printed.

use crate::vocab::canonical_key;
use std::collections::HashMap;
use std::sync::LazyLock;

/// An outlet as resolved: its canonical name and domain where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub name: String,
    pub domain: Option<String>,
    /// Whether the curated table knows it.
    pub known: bool,
}

struct Entry {
    name: &'static str,
    domain: Option<&'static str>,
    aliases: Vec<&'static str>,
    /// A news agency (wire service).
    agency: bool,
}

struct Table {
    entries: Vec<Entry>,
    by_key: HashMap<String, usize>,
    by_domain: HashMap<&'static str, usize>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut entries = Vec::new();
    for line in include_str!("outlets.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or_default();
        let domain = cols.next().filter(|d| !d.is_empty());
        let aliases = cols
            .next()
            .unwrap_or_default()
            .split('|')
            .filter(|a| !a.is_empty())
            .collect();
        let agency = cols.next() == Some("agency");
        entries.push(Entry {
            name,
            domain,
            aliases,
            agency,
        });
    }
    let mut by_key = HashMap::new();
    let mut by_domain = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        by_key.insert(canonical_key(e.name), i);
        for a in &e.aliases {
            by_key.entry(canonical_key(a)).or_insert(i);
        }
        if let Some(d) = e.domain {
            by_domain.insert(d, i);
            by_key.entry(canonical_key(d)).or_insert(i);
        }
    }
    Table {
        entries,
        by_key,
        by_domain,
    }
});

fn known(i: usize) -> Outlet {
    let e = &TABLE.entries[i];
    Outlet {
        name: e.name.to_string(),
        domain: e.domain.map(str::to_string),
        known: true,
    }
}

/// The table entry a name or alias stands for ("The X" as "X" too).
fn entry_of(name: &str) -> Option<usize> {
    let key = canonical_key(name);
    if let Some(&i) = TABLE.by_key.get(&key) {
        return Some(i);
    }
    TABLE.by_key.get(key.strip_prefix("the ")?).copied()
}

/// The curated outlet a name or alias stands for, if any.
pub fn lookup(name: &str) -> Option<Outlet> {
    entry_of(name).map(known)
}

/// Whether `name` (a curated outlet's name or alias) is a news agency: a wire service whose
/// stories other outlets carry.
pub fn is_news_agency(name: &str) -> bool {
    entry_of(name).is_some_and(|i| TABLE.entries[i].agency)
}

/// The names a curated outlet is printed under: its name and aliases (for a name the table does
/// not know, none).
pub fn names_of(name: &str) -> Vec<&'static str> {
    entry_of(name).map_or_else(Vec::new, |i| {
        let e = &TABLE.entries[i];
        std::iter::once(e.name)
            .chain(e.aliases.iter().copied())
            .collect()
    })
}

/// The curated outlet of a domain or any of its parents ("edition.cnn.com" → CNN).
pub fn lookup_domain(domain: &str) -> Option<Outlet> {
    let mut d = normalise_domain(domain);
    loop {
        if let Some(&i) = TABLE.by_domain.get(d.as_str()) {
            return Some(known(i));
        }
        match d.find('.') {
            Some(i) if d[i + 1..].contains('.') => d = d[i + 1..].to_string(),
            _ => return None,
        }
    }
}

/// Resolves what an input says of its outlet: a name (or a domain written as the name) and the
/// domain of the item's URL. Unknown names stay as printed; a bare domain names its outlet.
pub fn resolve(name: Option<&str>, url_domain: Option<&str>) -> Option<Outlet> {
    let name = name.map(str::trim).filter(|n| !n.is_empty());
    if let Some(n) = name {
        if looks_like_domain(n) {
            return Some(lookup_domain(n).unwrap_or_else(|| Outlet {
                name: normalise_domain(n),
                domain: Some(normalise_domain(n)),
                known: false,
            }));
        }
        if let Some(o) = lookup(n) {
            return Some(o);
        }
        return Some(Outlet {
            name: n.to_string(),
            domain: url_domain.map(normalise_domain),
            known: false,
        });
    }
    let d = url_domain?;
    Some(lookup_domain(d).unwrap_or_else(|| Outlet {
        name: normalise_domain(d),
        domain: Some(normalise_domain(d)),
        known: false,
    }))
}

fn looks_like_domain(s: &str) -> bool {
    !s.contains(char::is_whitespace)
        && s.contains('.')
        && s.rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Lowercase, without a leading "www." or a trailing dot.
pub fn normalise_domain(d: &str) -> String {
    let d = d.trim().trim_end_matches('.').to_ascii_lowercase();
    d.strip_prefix("www.").map(str::to_string).unwrap_or(d)
}

/// The host of an http(s) URL, normalised.
pub fn domain_of_url(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    looks_like_domain(host).then(|| normalise_domain(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_agencies_are_marked() {
        for a in [
            "AP",
            "The Associated Press",
            "Reuters",
            "AFP",
            "APP",
            "اے پی پی",
            "PTI",
        ] {
            assert!(is_news_agency(a), "{a}");
        }
        for o in ["CNN", "Daily Mail", "Lantern Blog", ""] {
            assert!(!is_news_agency(o), "{o}");
        }
        assert_eq!(
            lookup("اے پی پی").unwrap().name,
            "Associated Press of Pakistan"
        );
    }

    #[test]
    fn aliases_and_domains_resolve_to_one_outlet() {
        assert_eq!(
            lookup("The Associated Press").unwrap().name,
            "Associated Press"
        );
        assert_eq!(lookup("AP").unwrap().name, "Associated Press");
        assert_eq!(lookup_domain("edition.cnn.com").unwrap().name, "CNN");
        assert_eq!(
            resolve(Some("www.nytimes.com"), None).unwrap().name,
            "The New York Times"
        );
        assert_eq!(
            resolve(None, Some("www.unknown-paper.test")).unwrap().name,
            "unknown-paper.test"
        );
        let o = resolve(Some("The Daily Planet"), Some("dailyplanet.test")).unwrap();
        assert_eq!(
            (o.name.as_str(), o.domain.as_deref(), o.known),
            ("The Daily Planet", Some("dailyplanet.test"), false)
        );
    }

    #[test]
    fn url_hosts() {
        assert_eq!(
            domain_of_url("https://www.Example.test:8080/a?b").as_deref(),
            Some("example.test")
        );
        assert_eq!(domain_of_url("not a url"), None);
    }
}
