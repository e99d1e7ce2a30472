//! Reposts a page or feed entry owns up to in its markup: JSON-LD isBasedOn, a canonical URL on
//! another site, and the links of "Originally published at `<a href=...>`" and WordPress's "The
//! post X appeared first on `<a href=...>Y</a>`." (the URLs the text loses; the phrases' words
//! are the `credit` module's families, which read every item's text).

use crate::item::Credit;
use crate::outlets;
use regex::Regex;
use std::sync::LazyLock;

/// Credits and source URLs found, in the order found, without repeats.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stated {
    pub credits: Vec<Credit>,
    pub source_urls: Vec<String>,
    /// The web domain of each credit, where known.
    domains: Vec<Option<String>>,
}

impl Stated {
    /// A source URL, and its site as a credit unless `name` names the outlet.
    fn add_url(&mut self, url: &str, name: Option<&str>, evidence: &str) {
        let url = url.trim();
        if !url.starts_with("http") {
            return;
        }
        if !self.source_urls.iter().any(|u| u == url) {
            self.source_urls.push(url.to_string());
        }
        let domain = outlets::domain_of_url(url);
        match name.filter(|n| !n.trim().is_empty() && !n.trim().starts_with("http")) {
            Some(n) => self.add_credit(n, domain.as_deref(), evidence),
            None => {
                if let Some(o) = outlets::resolve(None, domain.as_deref()) {
                    self.add_credit(&o.name, o.domain.as_deref(), evidence);
                }
            }
        }
    }

    /// A credit to an outlet; one per outlet, and an outlet named in words replaces the bare
    /// domain credited for the same site.
    fn add_credit(&mut self, outlet: &str, domain: Option<&str>, evidence: &str) {
        let outlet = outlet.trim().trim_end_matches(['.', ',', ';', ':']).trim();
        if outlet.is_empty() {
            return;
        }
        let resolved = outlets::resolve(Some(outlet), domain);
        let name = resolved
            .as_ref()
            .map_or_else(|| outlet.to_string(), |o| o.name.clone());
        let domain = resolved
            .and_then(|o| o.domain)
            .or_else(|| domain.map(outlets::normalise_domain));
        if self.credits.iter().any(|c| c.outlet == name) {
            return;
        }
        if let Some(d) = &domain
            && let Some(i) = self.domains.iter().position(|x| x.as_ref() == Some(d))
        {
            if self.credits[i].outlet == *d && name != *d {
                self.credits[i].outlet = name;
            }
            return;
        }
        self.domains.push(domain);
        self.credits.push(Credit {
            outlet: name,
            evidence: evidence.to_string(),
            date: None,
        });
    }
}

static APPEARED_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?is)The post\s+(?:<a\b[^>]*?href=["']([^"']+)["'][^>]*>)?(.{1,300}?)(?:</a>)?\s+appeared first on\s+(?:<a\b[^>]*?href=["']([^"']+)["'][^>]*>)?([^<\n]{1,120}?)(?:</a>)?\s*\.?\s*(?:<|$)"#,
    )
    .expect("valid regex")
});

static ORIGINALLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?is)\b(?:was\s+)?originally\s+(?:published|appeared|posted|ran)\s+(?:at|on|in|by)\s+(?:<a\b[^>]*?href=["']([^"']+)["'][^>]*>)?\s*([^<\n]{1,120}?)(?:</a>|[.,;]\s|\.?$|<)"#,
    )
    .expect("valid regex")
});

/// What `html` (a page or an entry's content) and its metadata state about where it was copied
/// from. `own_url` is the page's own address, where known, to tell a foreign canonical URL.
pub fn stated_sources(
    html: &str,
    is_based_on: &[String],
    canonical: Option<&str>,
    own_url: Option<&str>,
) -> Stated {
    let mut s = Stated::default();
    for u in is_based_on {
        s.add_url(u, None, "JSON-LD isBasedOn");
    }
    if let (Some(c), Some(own)) = (canonical, own_url) {
        let (cd, od) = (outlets::domain_of_url(c), outlets::domain_of_url(own));
        if cd.is_some() && od.is_some() && cd != od {
            s.add_url(c, None, "canonical URL on another site");
        }
    }
    // Case-sensitive tails found by memchr's SIMD search before any regex runs: most pages
    // state nothing, and the regexes are then the slowest part of reading them.
    if memchr::memmem::find(html.as_bytes(), b"ppeared first on").is_some() {
        for c in APPEARED_FIRST.captures_iter(html) {
            let outlet = super::strip::html_to_text(c.get(4).map_or("", |m| m.as_str()));
            let site = c.get(3).map(|m| m.as_str());
            let printed = super::strip::html_to_text(c.get(0).map_or("", |m| m.as_str()));
            let evidence = printed.trim_end_matches('<').trim();
            if let Some(u) = c.get(1) {
                s.add_url(u.as_str(), Some(&outlet), evidence);
            }
            s.add_credit(
                &outlet,
                site.and_then(outlets::domain_of_url).as_deref(),
                evidence,
            );
        }
    }
    if memchr::memmem::find(html.as_bytes(), b"riginally").is_some() {
        for c in ORIGINALLY.captures_iter(html) {
            let words = super::strip::html_to_text(c.get(2).map_or("", |m| m.as_str()));
            let printed = super::strip::html_to_text(c.get(0).map_or("", |m| m.as_str()));
            let evidence = printed.trim_end_matches('<').trim();
            let named = (words.split_whitespace().count() <= 6).then_some(words.as_str());
            if let Some(u) = c.get(1) {
                s.add_url(u.as_str(), named, evidence);
            } else if words.starts_with("http") {
                s.add_url(
                    words.split_whitespace().next().unwrap_or(""),
                    None,
                    evidence,
                );
            } else if let Some(n) = named {
                s.add_credit(n, None, evidence);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordpress_footer_and_originally_published() {
        let html = r#"<p>Body.</p><p>The post <a rel="nofollow" href="https://first.example/2020/09/story/">A Story</a> appeared first on <a rel="nofollow" href="https://first.example">First Wire</a>.</p>"#;
        let s = stated_sources(html, &[], None, None);
        assert_eq!(s.source_urls, vec!["https://first.example/2020/09/story/"]);
        let names: Vec<&str> = s.credits.iter().map(|c| c.outlet.as_str()).collect();
        assert_eq!(names, vec!["First Wire"]);
        let s = stated_sources(
            "<p>This article was originally published at <a href=\"https://ridge.example/a\">The Ridge Ledger</a>.</p>",
            &[],
            None,
            None,
        );
        assert_eq!(s.source_urls, vec!["https://ridge.example/a"]);
        assert_eq!(s.credits[0].outlet, "The Ridge Ledger");
        let s = stated_sources(
            "<p>It originally appeared in The Ridge Ledger. More.</p>",
            &[],
            None,
            None,
        );
        assert_eq!(s.credits[0].outlet, "The Ridge Ledger");
    }

    #[test]
    fn canonical_elsewhere_and_is_based_on() {
        let s = stated_sources(
            "",
            &["https://wire.example/x".into()],
            Some("https://origin.example/y"),
            Some("https://www.copy.example/y"),
        );
        assert_eq!(
            s.source_urls,
            vec!["https://wire.example/x", "https://origin.example/y"]
        );
        let same = stated_sources(
            "",
            &[],
            Some("https://copy.example/y"),
            Some("https://www.copy.example/z"),
        );
        assert!(same.source_urls.is_empty());
    }
}
