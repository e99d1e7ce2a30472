//! Canonical keys: the folded forms that decide when two names, quotes or URLs are one thing.
//! Node ids are UUIDv5 of a kind and one of these keys (`model::ids`).

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

/// The canonical key of a claim: its words with case, spacing and quote-mark forms folded, so the
/// same quote printed in two items is one claim.
pub fn claim_key(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' | '‛' | '`' | '´' => '\'',
            '“' | '”' | '„' | '‟' | '«' | '»' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect();
    canonical_key(&folded)
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
    fn url_key_folds_scheme_www_fragment_and_slash() {
        assert_eq!(url_key("https://www.Example.org/a/#top"), "example.org/a");
        assert_eq!(url_key("http://example.org/a"), "example.org/a");
        assert_ne!(
            url_key("http://example.org/A"),
            url_key("http://example.org/a")
        );
    }
}
