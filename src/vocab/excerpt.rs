//! Short readable excerpts of long texts, for labels and reports.

/// The first `max` characters of `text` or a little less, cut at a space, with "…" if cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(max + 4);
    let mut n = 0;
    let mut pending_space = false;
    let mut cut = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if n >= max {
            cut = true;
            break;
        }
        if pending_space {
            out.push(' ');
            n += 1;
            pending_space = false;
        }
        out.push(ch);
        n += 1;
    }
    if cut {
        if let Some(i) = out.rfind(' ').filter(|&i| i > out.len() / 2) {
            out.truncate(i);
        }
        out.push('…');
    }
    // Capacity was reserved for the longest excerpt; a million short items keep only their own.
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_folds_space_and_cuts_at_word() {
        assert_eq!(excerpt("a  b\n\nc", 200), "a b c");
        let long = "word ".repeat(100);
        let e = excerpt(&long, 200);
        assert!(e.ends_with('…'));
        assert!(e.chars().count() <= 201);
        assert!(!e.contains("wor…"));
    }
}
