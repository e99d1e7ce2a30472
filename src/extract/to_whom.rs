//! The outlet a speaker said it to: "told Sputnik", "in an interview with Iran's Tasnim News
//! Agency", "in a televised interview with Fox News", "interview with RTVI television".
//! "told reporters" names no outlet.

use super::lexicon::{MEDIA_TAILS, MEDIA_WORDS, OUTLET_LEAD_SKIPS, OUTLET_LEADS};
use super::names::strip_possessive;
use crate::outlets;

static LEAD_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let alts: Vec<String> = OUTLET_LEADS.iter().map(|l| regex::escape(l)).collect();
    regex::Regex::new(&format!("(?i)(?:{})", alts.join("|"))).expect("lead pattern")
});

/// The outlet named in `ctx`, resolved through the curated table where it knows it.
pub fn reported_by(ctx: &str) -> Option<String> {
    // One scan for every lead; a lead earlier in the list wins over a later one.
    let mut found: Vec<(usize, usize)> = LEAD_RE
        .find_iter(ctx)
        .map(|m| {
            let l = m.as_str().to_ascii_lowercase();
            (
                OUTLET_LEADS
                    .iter()
                    .position(|x| *x == l)
                    .unwrap_or(OUTLET_LEADS.len()),
                m.end(),
            )
        })
        .collect();
    found.sort_unstable();
    found.into_iter().find_map(|(_, at)| outlet_at(&ctx[at..]))
}

fn outlet_at(rest: &str) -> Option<String> {
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    let mut i = 0;
    while i < words.len() && OUTLET_LEAD_SKIPS.contains(words[i]) {
        i += 1;
    }
    // A country's possessive before the outlet ("Iran’s Tasnim News Agency").
    let mut cands: Vec<Vec<&str>> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for w in &words[i..] {
        let clean = w.trim_end_matches([',', '.', ';', ':', ')', '”', '"']);
        if clean.chars().next().is_some_and(char::is_uppercase) {
            run.push(clean);
            if clean.len() != w.len() {
                break;
            }
        } else {
            break;
        }
    }
    if run.is_empty() {
        return None;
    }
    cands.push(run.clone());
    if strip_possessive(run[0]).len() != run[0].len() && run.len() > 1 {
        cands.push(run[1..].to_vec());
    }
    for c in &cands {
        for n in (1..=c.len()).rev() {
            let name = c[..n].join(" ");
            if let Some(o) = outlets::lookup(&name) {
                return Some(o.name);
            }
        }
    }
    let best = cands.last()?;
    let name = best.join(" ");
    let after = words[i + run.len()..].join(" ").to_lowercase();
    let media_tail = MEDIA_TAILS.iter().any(|t| after.starts_with(t));
    let media_word = best.iter().any(|w| MEDIA_WORDS.contains(w));
    (media_tail || media_word).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_named_in_attributions() {
        assert_eq!(
            reported_by("told Sputnik on Saturday").as_deref(),
            Some("Sputnik")
        );
        assert_eq!(
            reported_by("In an interview with Iran’s Tasnim News Agency,").as_deref(),
            Some("Tasnim News Agency")
        );
        assert_eq!(
            reported_by("said in a televised interview with Fox News").as_deref(),
            Some("Fox News")
        );
        assert_eq!(
            reported_by("interview with RTVI television, Moscow").as_deref(),
            Some("RTVI")
        );
        assert_eq!(reported_by("told reporters in response"), None);
        assert_eq!(reported_by("told Mr Vorn"), None);
    }
}
