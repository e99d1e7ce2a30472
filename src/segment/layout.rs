//! Learning a dump's layout from the dump itself: the lines printed with every post (a banner,
//! a footer, a separator rule, "Related Articles"), whether bylines open or close posts, whether
//! posts are numbered, and the site's name from its banner. Only a bounded prefix of the dump is
//! read for this, so learning costs the same memory whatever the dump's size.

use super::lines::{Line, Lines, ends_sentence, fold_space, is_body, is_title_like};
use super::shapes;
use crate::credit::Place;
use crate::dates;
use nohash_hasher::{IntMap, IntSet};

/// Lines by key. Line keys are xxh3 hashes already: they are used as their own hash, since hashing
/// them again would cost more than the lookup.
pub type KeySet = IntSet<u64>;
type KeyMap<V> = IntMap<u64, V>;

/// How much of a dump is read to learn its layout.
pub const WINDOW: usize = 4 << 20;

/// Where bylines stand in a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BylineAt {
    /// Under the title: a byline after a post's body starts the next post (with its title).
    Head,
    /// After the text ("Posted by X at 9:12 AM"): a byline ends its post.
    Foot,
}

#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Lines that separate posts (a banner or footer printed with each); never item text.
    pub separators: KeySet,
    /// Other repeated lines that are never item text ("Related Articles", "Share this:").
    pub boilerplate: KeySet,
    pub bylines: Option<BylineAt>,
    /// Posts open with a number ("3. Title", "#3").
    pub numbered: bool,
    /// Posts end with their credit line ("Source: X" after the text, then the next title).
    pub credit_ends_post: bool,
    /// The site's name, from its banner, and its domain where the banner prints one.
    pub outlet: Option<(String, Option<String>)>,
}

impl Layout {
    pub fn is_boilerplate(&self, key: u64) -> bool {
        self.separators.contains(&key) || self.boilerplate.contains(&key)
    }
}

struct Seen {
    count: u32,
    occurrences: Vec<u32>,
}

/// Learns the layout of the dump `src[from..]`.
#[cfg(test)]
pub fn learn(src: &str, from: usize) -> Layout {
    learn_window(src, from, WINDOW).0
}

/// Learns the layout from the window at the dump's start, and hands back the window's
/// non-blank lines and where the window ends (after a line break), so that splitting does not
/// measure them again.
pub fn learn_window(src: &str, from: usize, window: usize) -> (Layout, Vec<Line>, usize) {
    let limit = match from.checked_add(window).filter(|&l| l < src.len()) {
        Some(l) => memchr::memchr(b'\n', &src.as_bytes()[l..]).map_or(src.len(), |i| l + i + 1),
        None => src.len(),
    };
    let window = &src[..limit];
    let lines: Vec<Line> = Lines::new(window, from).filter(|l| !l.is_blank()).collect();
    let body: Vec<bool> = lines
        .iter()
        .map(|l| is_body(l.plain(src), l.words))
        .collect();

    // Counted in one pass, occurrences gathered for repeated lines only: most lines of a dump
    // are printed once.
    let mut counts: KeyMap<u32> = KeyMap::default();
    let mut counted = vec![false; lines.len()];
    // "Source: X" lines: never a repeated block, and never the title a separator comes before.
    let mut credit_line = vec![false; lines.len()];
    let mut head_votes = 0u32;
    let mut foot_votes = 0u32;
    let (mut credits, mut credit_feet) = (0u32, 0u32);
    for (i, l) in lines.iter().enumerate() {
        let t = l.plain(src);
        if crate::credit::line_credit(t, l.words, Place::Line).is_some() {
            // "Source: X" closing a post: the text above, the next title (or the end) below.
            credits += 1;
            credit_line[i] = true;
            let next_is_title = lines
                .get(i + 1)
                .is_none_or(|n| !body[i + 1] && is_title_like(n.plain(src), n.words));
            if i > 0 && body[i - 1] && next_is_title {
                credit_feet += 1;
            }
            continue;
        }
        if shapes::byline(t, l.words).is_some() {
            if i > 0 && body[i - 1] {
                foot_votes += 1;
            } else {
                head_votes += 1;
            }
            continue;
        }
        // A title printed twice in a row is one title, not a repeated block.
        if (i > 0 && lines[i - 1].key == l.key)
            || l.words > 40
            || t.chars().all(|c| c.is_ascii_digit())
            || (l.words <= 10 && dates::date_line(t).is_some())
        {
            continue;
        }
        counted[i] = true;
        *counts.entry(l.key).or_insert(0) += 1;
    }
    counts.retain(|_, c| *c >= 2);
    let mut seen: KeyMap<Seen> = KeyMap::default();
    for (i, l) in lines.iter().enumerate() {
        if counted[i] && counts.contains_key(&l.key) {
            let s = seen.entry(l.key).or_insert(Seen {
                count: 0,
                occurrences: Vec::new(),
            });
            s.count += 1;
            if s.occurrences.len() < 100_000 {
                s.occurrences.push(i as u32);
            }
        }
    }
    seen.retain(|_, s| s.count >= 2);

    // A separator is followed by the next post's title (or ends the dump); a repeated line
    // inside posts ("Advertisement") is followed by text.
    let is_repeated = |i: usize| seen.contains_key(&lines[i].key);
    let mut scored: Vec<(u64, u32, u32)> = Vec::new();
    for (&key, s) in &seen {
        // A trailer heading ("Related Articles", "ALSO READ") is printed inside posts, however
        // often: it separates a post from its links, not one post from the next.
        let first = &lines[s.occurrences[0] as usize];
        if shapes::trailer_heading(first.plain(src), first.words) {
            continue;
        }
        let mut score = 0;
        let mut before_byline = false;
        for &o in &s.occurrences {
            let next = (o as usize + 1..lines.len()).find(|&j| !is_repeated(j));
            match next {
                None => score += 1,
                Some(j) => {
                    let t = lines[j].plain(src);
                    if shapes::byline(t, lines[j].words).is_some() {
                        before_byline = true;
                    }
                    // A credit line after a repeated heading ("Related Articles") is the
                    // post's foot, not the next post's title: it makes no separator of it.
                    if is_title_like(t, lines[j].words) && !body[j] && !credit_line[j] {
                        score += 1;
                    }
                }
            }
        }
        if !before_byline && score >= 2 && score * 2 >= s.count {
            scored.push((key, s.count, s.occurrences[0]));
        }
    }
    let most = scored.iter().map(|s| s.1).max().unwrap_or(0);
    scored.retain(|s| s.1 * 2 >= most);
    scored.sort_by_key(|s| s.2);

    let mut layout = Layout::default();
    let mut names = Vec::new();
    for &(key, count, first) in &scored {
        layout.separators.insert(key);
        if let Some((name, domain)) = site_name(lines[first as usize].plain(src)) {
            let curated = crate::outlets::lookup(&name).is_some() || domain.is_some();
            names.push((!curated, std::cmp::Reverse(count), first, name, domain));
        }
    }
    // The site's name: a curated outlet or a line with a domain first, then the line printed
    // most often, then the earliest.
    names.sort();
    layout.outlet = names.into_iter().next().map(|n| (n.3, n.4));
    for (&key, s) in &seen {
        let words = lines[s.occurrences[0] as usize].words;
        if s.count >= 3 || words <= 3 {
            layout.boilerplate.insert(key);
        }
    }
    if head_votes + foot_votes >= 2 {
        layout.bylines = Some(if foot_votes > head_votes {
            BylineAt::Foot
        } else {
            BylineAt::Head
        });
    }
    layout.numbered = layout.separators.is_empty() && numbered(src, &lines, &body);
    layout.credit_ends_post = credit_feet >= 2 && credit_feet * 3 >= credits * 2;
    (layout, lines, limit)
}

/// Whether posts are numbered: markers counting up one by one with text between them.
fn numbered(src: &str, lines: &[Line], body: &[bool]) -> bool {
    let mut markers = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if body[i] {
            continue;
        }
        if let Some((n, rest)) = shapes::post_number(l.plain(src)) {
            let rest_ok = if rest.is_empty() {
                lines
                    .get(i + 1)
                    .is_some_and(|n| !body[i + 1] && n.words <= 20)
            } else {
                is_title_like(rest, rest.split_whitespace().count() as u32) && !ends_sentence(rest)
            };
            if rest_ok {
                markers.push((i, n));
            }
        }
    }
    if markers.len() < 2 {
        return false;
    }
    let good = markers
        .windows(2)
        .filter(|w| w[1].1 == w[0].1 + 1 && body[w[0].0..w[1].0].iter().any(|&b| b))
        .count();
    good >= 1 && good * 10 >= (markers.len() - 1) * 6
}

/// The site's name as its banner prints it, with its domain where the banner shows one: a
/// name in the curated table, or a short unpunctuated part of the line ("The Harbour Gazette |
/// harbourgazette.test", "— Le Petit Quai — harbour news").
fn site_name(t: &str) -> Option<(String, Option<String>)> {
    let t = fold_space(t);
    let parts: Vec<&str> = t
        .split(['|', '—', '–', '·', '•', '«', '»'])
        .flat_map(|p| p.split(" - "))
        .map(|p| {
            p.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_start_matches("Copyright")
                .trim()
        })
        .filter(|p| !p.is_empty())
        .collect();
    let domain = parts
        .iter()
        .find_map(|p| crate::outlets::domain_of_url(p).filter(|_| !p.contains(' ')));
    for p in &parts {
        if let Some(o) = crate::outlets::lookup(p) {
            return Some((o.name, o.domain.or(domain)));
        }
    }
    let name = parts.iter().find(|p| {
        let words = p.split_whitespace().count();
        (1..=6).contains(&words)
            && !ends_sentence(p)
            && !shapes::trailer_heading(p, words as u32)
            && p.chars().any(char::is_alphabetic)
            && crate::outlets::domain_of_url(p).is_none()
    });
    match (name, domain) {
        (Some(n), d) => Some((n.to_string(), d)),
        (None, Some(d)) => {
            let o = crate::outlets::resolve(None, Some(&d))?;
            Some((o.name, o.domain))
        }
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_banner_is_learned_with_the_site_name() {
        let post = |n: usize| {
            format!(
                "Storm number {n} hits the coast\n\nBy Jane Roe\n\nThe storm reached the harbour town of Ellis on Monday morning, officials said.\n\nRelated Articles\n\n— The Harbour Gazette —\nAll views are the author's own, not ours!\n\n"
            )
        };
        let src: String = (1..=3).map(post).collect();
        let l = learn(&src, 0);
        assert!(l.separators.len() >= 2, "{l:?}");
        assert_eq!(l.outlet, Some(("The Harbour Gazette".to_string(), None)));
        assert_eq!(l.bylines, Some(BylineAt::Head));
        assert!(!l.numbered);
    }

    #[test]
    fn numbered_posts_without_banner() {
        let src = "1. First story\n\nThe first story is long enough to be a paragraph of text here.\n\n2. Second story\n\nThe second story is long enough to be a paragraph of text too.\n";
        let l = learn(src, 0);
        assert!(l.separators.is_empty());
        assert!(l.numbered);
    }
}
