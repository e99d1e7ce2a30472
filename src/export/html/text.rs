//! Texts as the page needs them: links only for web addresses, and byte offsets turned into the
//! UTF-16 offsets that JavaScript strings count in.

/// `url` as a link target when it is an http or https address; anything else (`javascript:`,
/// `data:`, relative paths) is shown as text and never becomes a link.
pub fn safe_url(url: &str) -> Option<String> {
    let u = url.trim();
    let scheme = u.split_once(':')?.0;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    // Characters a browser strips or folds in a URL would let the scheme say one thing to us
    // and another to it.
    let clean = !u.chars().any(|c| c.is_control() || c.is_whitespace());
    (web && clean && u[scheme.len()..].starts_with("://")).then(|| u.to_string())
}

/// Each byte span of `text` as UTF-16 offsets, or None where a span does not fall inside the
/// text on character boundaries.
pub fn utf16_offsets(text: &str, spans: &[(usize, usize)]) -> Vec<Option<(usize, usize)>> {
    let mut wanted: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut found = std::collections::HashMap::with_capacity(wanted.len());
    let mut next = wanted.iter().peekable();
    let mut units = 0;
    for (at, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\0')))
    {
        while let Some(&&w) = next.peek() {
            if w > at {
                break;
            }
            if w == at {
                found.insert(w, units);
            }
            next.next();
        }
        units += ch.len_utf16();
    }
    spans
        .iter()
        .map(|&(s, e)| Some((*found.get(&s)?, *found.get(&e)?)).filter(|(a, b)| a <= b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            safe_url(" https://a.example/x?y=1 ").as_deref(),
            Some("https://a.example/x?y=1")
        );
        assert!(safe_url("HTTP://a.example/").is_some());
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<b>",
            "/relative/path",
            "http:/one-slash",
            "https://a.example/\u{0}x",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn byte_offsets_become_utf16_offsets() {
        // "é" is 2 bytes and 1 unit; "𝄞" is 4 bytes and 2 units.
        let t = "aé𝄞b";
        assert_eq!(
            utf16_offsets(t, &[(0, 1), (1, 3), (3, 7), (7, 8), (0, 8)]),
            vec![
                Some((0, 1)),
                Some((1, 2)),
                Some((2, 4)),
                Some((4, 5)),
                Some((0, 5))
            ]
        );
        assert_eq!(utf16_offsets(t, &[(2, 3), (0, 9)]), vec![None, None]);
    }
}
