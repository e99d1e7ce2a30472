//! A tokenised paragraph read word by word: `Words` (its tokens with their text), a token
//! lowercased, capitalised, a quote mark. The subject finders, the clause tests and the
//! attribution rules all read paragraphs through these.

use super::tokens::{Kind, Para, lower_ascii};
use crate::vocab::Span;

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

/// A short lowercased word.
pub(crate) enum Low<'a> {
    /// The word as printed: already lowercase (most words), or "" for none.
    Same(&'a str),
    /// A word with capitals, lowercased on the stack.
    Lowered([u8; 24], u8),
}

impl Low<'_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Low::Same(w) => w,
            Low::Lowered(b, n) => std::str::from_utf8(&b[..usize::from(*n)]).unwrap_or(""),
        }
    }
}

impl std::ops::Deref for Low<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Low<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A paragraph's tokens with its text: what the subject finders and the clause tests read.
#[derive(Clone, Copy)]
pub(crate) struct Words<'a> {
    pub text: &'a str,
    pub p: &'a Para,
}

impl<'a> Words<'a> {
    /// Token `i` lowercased on the stack; "" for punctuation and long or non-ASCII words, which
    /// no word list holds.
    pub(crate) fn lw(&self, i: usize) -> Low<'a> {
        if !self.p.is_word(i) {
            return Low::Same("");
        }
        let w = self.p.word(self.text, i);
        if w.len() > 24 || !w.is_ascii() {
            return Low::Same("");
        }
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return Low::Same(w);
        }
        let mut buf = [0u8; 24];
        let n = lower_ascii(w, &mut buf).len();
        Low::Lowered(buf, n as u8)
    }

    /// The bytes of tokens `a..=b`.
    pub(crate) fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.p.toks[a].s, self.p.toks[b].e)
    }

    pub(crate) fn words_in(&self, a: usize, b: usize) -> usize {
        (a..=b.min(self.p.toks.len().saturating_sub(1)))
            .filter(|&i| self.p.is_word(i))
            .count()
    }

    pub(crate) fn sentence(&self, i: usize) -> (usize, usize) {
        (self.p.sentence_start(i), self.p.sentence_end(i))
    }
}

/// Whether token `i` closes a quotation whose words end with a comma (“a sham,”), which ends
/// the clause around it as a comma would.
pub(crate) fn comma_closed(text: &str, p: &Para, i: usize) -> bool {
    super::words::is_close(p, i)
        && p.toks[i].quote.is_some_and(|qi| {
            let q = p.quotes[qi as usize];
            q.close_tok == i && text[q.inner.range()].trim_end().ends_with(',')
        })
}
