//! Whether an item's text names an outlet as the source of what it prints: "according to X",
//! "X said in a statement", "X told ...", "told X", "in an interview with X", "..., said Chris
//! Hughes, professor at X". The reuse stage asks it of two items that share text: the one that
//! names the other's outlet this way took the text from it. The reporting verbs are `lexicon`'s,
//! the leads before a listener ("told", "interview with") `to_whom`'s.

use super::lexicon::{VerbClass, verb_class};

/// Words before the name a reporting verb may stand ("said Chris Hughes, professor at the X").
const BEFORE: usize = 6;
/// Words after it ("X said", "X has said", "X told").
const AFTER: usize = 3;

/// Where `text` names one of `names` (an outlet's name and aliases, as printed) as its source:
/// the words that do, e.g. `said Chris Hughes, professor at the University of Liverpool`.
/// Names match whole words, as the table spells them.
pub fn names_as_source(text: &str, names: &[&str]) -> Option<String> {
    let mut found: Option<(usize, usize)> = None;
    for name in names.iter().filter(|n| n.chars().count() >= 2) {
        for (s, _) in text.match_indices(name) {
            let e = s + name.len();
            let word_edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
            if !word_edge(text[..s].chars().next_back()) || !word_edge(text[e..].chars().next()) {
                continue;
            }
            if let Some(span) = attributes(text, s, e, name)
                && found.is_none_or(|f| span < f)
            {
                found = Some(span);
            }
        }
    }
    found.map(|(s, e)| crate::vocab::excerpt(&text[s..e], 120))
}

/// The span from the cue to the name when the name at `s..e` stands as a source.
fn attributes(text: &str, s: usize, e: usize, name: &str) -> Option<(usize, usize)> {
    let start = sentence_start(text, s);
    let end = sentence_end(text, e);
    // "told X", "interview with X", "according to X": the listener or source after a lead.
    if let Some(o) = super::to_whom::reported_by(&text[start..end])
        && (o == name || crate::outlets::lookup(&o) == crate::outlets::lookup(name))
    {
        let lead = text[start..s]
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphanumeric() && c != ' ')
            .map_or(start, |(l, c)| start + l + c.len_utf8());
        return Some((lead, e));
    }
    // A reporting verb a few words before, commas allowed: "said Hughes, professor at X".
    let before: Vec<(usize, &str)> = words(&text[start..s])
        .map(|(i, w)| (start + i, w))
        .collect();
    // "according to (the) X", whatever X is: to_whom resolves only names it knows as outlets.
    let tail: Vec<String> = before
        .iter()
        .rev()
        .take(3)
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let tail: Vec<&str> = tail.iter().map(String::as_str).collect();
    if let ["to", "according", ..] | ["the", "to", "according"] = tail.as_slice() {
        let at =
            before[before.len() - tail.iter().position(|w| *w == "according").unwrap_or(0) - 1].0;
        return Some((at, e));
    }
    let near = before.len().saturating_sub(BEFORE);
    if let Some(&(at, _)) = before[near..].iter().find(|(_, w)| reports(w)) {
        return Some((at, e));
    }
    // A reporting verb right after, nothing but words between: "X said", "X has told".
    let gap_end = text[e..end]
        .find(|c: char| !c.is_alphanumeric() && !c.is_whitespace() && c != '\'' && c != '’')
        .map_or(end, |i| e + i);
    for (i, w) in words(&text[e..gap_end]).take(AFTER) {
        if reports(w) {
            return Some((s, e + i + w.len()));
        }
    }
    None
}

/// A reporting verb that takes what was said or whom it was told.
fn reports(w: &str) -> bool {
    let lower = w.to_lowercase();
    matches!(
        verb_class(&lower),
        Some(VerbClass::Speech | VerbClass::Tell)
    )
}

/// Words of `s` (runs of letters and digits) with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = s.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.peek().is_some_and(|&(_, c)| !c.is_alphanumeric()) {
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek().filter(|&&(_, c)| c.is_alphanumeric()) {
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start, &s[start..end]))
    })
}

/// Where the sentence holding byte `at` starts: after the last `.`, `!`, `?` or line break
/// followed by a space, at most 300 bytes back.
fn sentence_start(text: &str, at: usize) -> usize {
    let floor = floor_char(text, at.saturating_sub(300));
    let b = text.as_bytes();
    let mut i = at;
    while i > floor {
        i -= 1;
        if b[i] == b'\n' || (matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1) == Some(&b' ')) {
            return floor_char(text, i + 1);
        }
    }
    floor
}

/// Where the sentence holding byte `at` ends, at most 300 bytes on.
fn sentence_end(text: &str, at: usize) -> usize {
    let ceil = floor_char(text, (at + 300).min(text.len()));
    text[at..ceil]
        .find(['\n', '.', '!', '?'])
        .map_or(ceil, |i| at + i)
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_named_as_sources() {
        let uni = ["University of Eastmere"];
        let t = "\"We found two eddies,\" said Petra Lind, professor at the University of Eastmere in the UK.";
        assert_eq!(
            names_as_source(t, &uni).as_deref(),
            Some("said Petra Lind, professor at the University of Eastmere")
        );
        let t = "The University of Eastmere said in a statement that the pier will close.";
        assert!(names_as_source(t, &uni).is_some());
        let t = "The pier will close, according to the University of Eastmere.";
        assert!(names_as_source(t, &uni).is_some());
        let t = "The mayor told Harbour Radio on Friday that the pier will close.";
        assert!(names_as_source(t, &["Harbour Radio"]).is_some());
        // Named, but not as a source.
        let t = "Students of the University of Eastmere rowed across the bay. The pier is closed.";
        assert_eq!(names_as_source(t, &uni), None);
        // Whole words only.
        assert_eq!(names_as_source("RAPTOR said so", &["AP"]), None);
    }
}
