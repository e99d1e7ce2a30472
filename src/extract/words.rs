//! A tokenised paragraph read word by word: a token lowercased, capitalised, a quote mark. The
//! subject finders and the attribution rules share these tests.

use super::tokens::{Kind, Para, lower_ascii};

/// Whether token `i` is a word that starts with a capital.
pub fn is_cap(text: &str, p: &Para, i: usize) -> bool {
    p.is_word(i)
        && text[p.toks[i].s..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Token `i` lowercased as `lower_ascii` does, whatever its kind (`tokens::low` gives "" for
/// punctuation).
pub(crate) fn lower<'b>(text: &'b str, p: &Para, i: usize, buf: &'b mut [u8; 24]) -> &'b str {
    lower_ascii(p.word(text, i), buf)
}

/// Whether a token is an opening quote mark.
pub fn is_open(p: &Para, i: usize) -> bool {
    i < p.toks.len() && p.toks[i].kind == Kind::Open
}

/// Whether a token is a closing quote mark.
pub fn is_close(p: &Para, i: usize) -> bool {
    i < p.toks.len() && p.toks[i].kind == Kind::Close
}
