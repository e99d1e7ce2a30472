//! Canonical keys: the folded forms that decide when two names, quotes or URLs are one thing.
//! Node ids are UUIDv5 of a kind and one of these keys (`model::ids`).

use super::Span;

/// Canonical form of a name used as a key: case-folded, whitespace collapsed, surrounding
/// punctuation trimmed. Keeps letters of any script; no Unicode normalisation.
pub fn canonical_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for ch in name.trim_matches(|c: char| !c.is_alphanumeric()).chars() {
        if ch.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(ch.to_lowercase());
    }
    out
}

/// The canonical key of a claim: its words (`claim_words`) folded and joined by one space, so the
/// same quote printed in two items is one claim whatever its quote marks, dashes, ellipses,
/// punctuation, spacing or case.
pub fn claim_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    fold_claim_words(text, |_, w| {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(w);
    });
    key
}

/// The words of a claim as its key compares them, each with its byte span in `text`: runs of
/// letters and digits of any script, case-folded. Everything else parts words (quote marks,
/// dashes, ellipses, brackets, sentence punctuation: printers and copy editors change them
/// freely), except an apostrophe between letters (`it’s`, dropped from the folded word so that
/// `it’s` and `it's` are one) and a point or comma between digits (`5.2`, `5,000`, the comma
/// dropped). Combining marks and tatweel stay in the word's span but not in its folded form.
pub fn claim_words(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    fold_claim_words(text, |s, w| out.push((s, w.to_string())));
    out
}

/// Calls `f` with each word of `claim_words`, its folded form in a reused buffer.
fn fold_claim_words(text: &str, mut f: impl FnMut(Span, &str)) {
    use super::chars::{TATWEEL, is_combining_mark};
    let mut word = String::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let inside = start.is_some();
        let joins = match c {
            _ if c.is_alphanumeric() => true,
            _ if is_combining_mark(c) || c == TATWEEL => inside,
            '\'' | '’' | 'ʼ' => {
                inside
                    && prev.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_alphabetic)
            }
            '.' | ',' => {
                inside
                    && prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())
            }
            _ => false,
        };
        if joins {
            start.get_or_insert(i);
            if c.is_alphanumeric() || c == '.' {
                word.extend(c.to_lowercase());
            }
        } else if let Some(s) = start.take() {
            f(Span::new(s, i), &word);
            word.clear();
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        f(Span::new(s, text.len()), &word);
    }
}

/// A URL as it is compared: without scheme, `www.`, fragment or trailing slash, host lowercased,
/// so `https://www.Example.org/a/` and `http://example.org/a` are one page.
pub fn url_key(url: &str) -> String {
    let u = url.trim();
    let u = u.split_once("://").map_or(u, |(_, rest)| rest);
    let u = u.strip_prefix("www.").unwrap_or(u);
    let u = u.split('#').next().unwrap_or(u);
    let u = u.trim_end_matches('/');
    match u.split_once('/') {
        Some((host, path)) => format!("{}/{}", host.to_ascii_lowercase(), path),
        None => u.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_key_folds_case_space_and_edges() {
        assert_eq!(canonical_key("  Sergey   LAVROV, "), "sergey lavrov");
        assert_eq!(canonical_key("«حسن حردان»"), "حسن حردان");
        assert_eq!(canonical_key("..."), "");
    }

    #[test]
    fn claim_key_folds_quote_marks_and_dashes() {
        assert_eq!(
            claim_key("“It’s over” — now"),
            claim_key("\"It's over\" - now")
        );
    }

    #[test]
    fn claim_key_folds_punctuation_ellipses_and_case() {
        // One post printed three ways: a dash or a hyphen, a full stop or none, an ellipsis.
        let a = "Caught RED HANDED — very disappointed in the Harbor Board. There will never be a deal!";
        let b =
            "Caught red handed - very disappointed in the Harbor Board There will never be a deal";
        let c = "Caught RED HANDED… very disappointed in the Harbor Board.  There will never be a deal!!";
        assert_eq!(claim_key(a), claim_key(b));
        assert_eq!(claim_key(a), claim_key(c));
        assert_eq!(
            claim_key(a),
            "caught red handed very disappointed in the harbor board there will never be a deal"
        );
        // Words stay words: an apostrophe inside one, a point or comma inside a number.
        assert_eq!(
            claim_key("It’s $5.2 billion, 5,000 jobs"),
            "its 5.2 billion 5000 jobs"
        );
        assert_ne!(claim_key("the 5.2 plan"), claim_key("the 52 plan"));
        assert_eq!(claim_key("«الحرب انتهت»"), "الحرب انتهت");
        assert_eq!(claim_key("... — !"), "");
    }

    #[test]
    fn claim_words_point_into_the_text() {
        let t = "“Don’t go,” she said…";
        let w = claim_words(t);
        let printed: Vec<&str> = w.iter().map(|(s, _)| &t[s.range()]).collect();
        assert_eq!(printed, ["Don’t", "go", "she", "said"]);
        assert_eq!(w[0].1, "dont");
    }

    #[test]
    fn url_key_folds_scheme_www_fragment_and_slash() {
        assert_eq!(url_key("https://www.Example.org/a/#top"), "example.org/a");
        assert_eq!(url_key("http://example.org/a"), "example.org/a");
        assert_ne!(
            url_key("http://example.org/A"),
            url_key("http://example.org/a")
        );
    }
}
