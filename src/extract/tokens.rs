//! Paragraphs, words and quotations of an item's text, with byte offsets, for the attribution
//! rules to walk over. One pass over the bytes; no allocation per word.
//!
//! Not the reuse stage's tokeniser (`link::normalise`), because the two answer different
//! questions. Here a word is what a name or a verb is printed as: apostrophes, hyphens and dots
//! inside it stay ("O’Malley", "Al-Assad", "U.S"), and case is kept for names. Quotation marks are
//! paired by direction (“ with ”, „ with “, « with », ‹ with ›, straight marks by the space before
//! them) to give each quotation its exact span, and a single mark after a word is told from an
//! apostrophe. The reuse stage only needs whether a word stands inside a quotation, so any mark
//! toggles there. The character classes both ask about are shared (`vocab::chars`).

use super::lexicon::ABBREVIATIONS;
use crate::vocab::Span;
use crate::vocab::chars::{TATWEEL, is_combining_mark};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// An opening quote mark; the index of its quotation in `Para::quotes` once paired.
    Open,
    Close,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    /// The top-level quotation the token stands in (its marks included), if any.
    pub quote: Option<u32>,
}

/// A top-level quotation: `inner` is the text between the marks, `outer` includes them. A
/// quotation still open at the paragraph's end runs to it (`closed` is false).
#[derive(Debug, Clone, Copy)]
pub struct Quote {
    pub open_tok: usize,
    /// The closing mark's token, or one past the paragraph's last token.
    pub close_tok: usize,
    pub inner: Span,
    pub outer: Span,
    pub closed: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Para {
    pub s: usize,
    pub e: usize,
    pub toks: Vec<Token>,
    pub quotes: Vec<Quote>,
    /// `sent_end[i]`: a sentence ends with token i.
    pub sent_end: Vec<bool>,
}

/// The non-blank lines of `text`, surrounding whitespace trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start = end + 1;
    }
    out
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‹')
}

fn is_close_mark(c: char) -> bool {
    matches!(c, '”' | '»' | '›')
}

fn closes(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('“', '”')
            | ('“', '“')
            | ('„', '“')
            | ('„', '”')
            | ('«', '»')
            | ('‹', '›')
            | ('"', '"')
            // Copy that mixes straight and curly marks ("...,” X said / “...," X said).
            | ('“', '"')
            | ('"', '”')
            | ('‘', '’')
            | ('‚', '‘')
            | ('‚', '’')
            | ('\'', '\'')
    )
}

impl Para {
    pub fn new(text: &str, s: usize, e: usize) -> Para {
        let mut p = Para::default();
        p.reset(text, s, e);
        p
    }

    /// Reads the paragraph at `s..e` into this one, reusing its buffers.
    pub fn reset(&mut self, text: &str, s: usize, e: usize) {
        self.s = s;
        self.e = e;
        self.toks.clear();
        self.quotes.clear();
        self.sent_end.clear();
        self.tokenise(text);
        self.pair_quotes(text);
        self.find_sentence_ends(text);
    }

    pub fn word<'t>(&self, text: &'t str, i: usize) -> &'t str {
        let t = self.toks[i];
        &text[t.s..t.e]
    }

    pub fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == Kind::Word
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.toks.len() && self.toks[i].kind == Kind::Punct(c)
    }

    fn tokenise(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let end = self.e;
        self.toks.reserve((end - self.s) / 5);
        let ch_at = |i: usize| -> char {
            if bytes[i] < 0x80 {
                bytes[i] as char
            } else {
                text[i..].chars().next().unwrap_or(' ')
            }
        };
        let mut i = self.s;
        let mut prev_space = true;
        while i < end {
            let c = ch_at(i);
            let s = i;
            if c.is_whitespace() {
                prev_space = true;
                i += c.len_utf8();
                continue;
            }
            if c.is_alphanumeric() {
                let mut e = i + c.len_utf8();
                loop {
                    while e < end && bytes[e].is_ascii_alphanumeric() {
                        e += 1;
                    }
                    if e >= end {
                        break;
                    }
                    let d = ch_at(e);
                    // An apostrophe, hyphen or dot inside a word ("O’Malley", "Al-Assad", "U.S").
                    if matches!(d, '\'' | '’' | '-' | '.' | '‑') {
                        let after = e + d.len_utf8();
                        if after < end && ch_at(after).is_alphanumeric() {
                            e = after;
                            continue;
                        }
                        break;
                    }
                    // Combining marks (Arabic harakat and the like) and tatweel stay inside their word.
                    if !d.is_ascii()
                        && (d.is_alphanumeric() || d == TATWEEL || is_combining_mark(d))
                    {
                        e += d.len_utf8();
                        continue;
                    }
                    break;
                }
                self.toks.push(Token {
                    s,
                    e,
                    kind: Kind::Word,
                    quote: None,
                });
                prev_space = false;
                i = e;
                continue;
            }
            let mut e = s + c.len_utf8();
            // Two apostrophes as a quote mark, as some wire copy prints them (''...'').
            if c == '\'' && e < end && bytes[e] == b'\'' {
                e += 1;
                // ''' : a single mark nested against the doubled one (''... 'a case.''').
                if e < end && bytes[e] == b'\'' {
                    e += 1;
                }
                let kind = if prev_space || prev_is_opening(bytes, s, self.s) {
                    Kind::Open
                } else {
                    Kind::Close
                };
                self.toks.push(Token {
                    s,
                    e,
                    kind,
                    quote: None,
                });
                prev_space = false;
                i = e;
                continue;
            }
            let kind = if is_open_mark(c) {
                Kind::Open
            } else if is_close_mark(c) {
                Kind::Close
            } else if c == '"' {
                if prev_space || prev_is_opening(bytes, s, self.s) {
                    Kind::Open
                } else {
                    Kind::Close
                }
            } else if c == '‘' && prev_space {
                Kind::Open
            } else if c == '’' || c == '‘' {
                // A closing single mark, or an apostrophe after a word ("Sales’ allegations"):
                // the pairing pass decides.
                Kind::Close
            } else {
                Kind::Punct(c)
            };
            self.toks.push(Token {
                s,
                e,
                kind,
                quote: None,
            });
            prev_space = false;
            i = e;
        }
    }

    fn pair_quotes(&mut self, text: &str) {
        let mut stack: Vec<usize> = Vec::new();
        let n = self.toks.len();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for i in 0..n {
            let t = self.toks[i];
            let c = text[t.s..].chars().next().unwrap_or(' ');
            match t.kind {
                // „...“: the German closing mark is the English opening one.
                Kind::Open
                    if c == '“'
                        && stack
                            .last()
                            .is_some_and(|&o| text[self.toks[o].s..].starts_with('„')) =>
                {
                    let o = stack.pop().unwrap_or(i);
                    if stack.is_empty() {
                        spans.push((o, i));
                    }
                    self.toks[i].kind = Kind::Close;
                }
                // A straight mark standing alone between spaces after a nested quotation
                // closes the open one ("...,' " she said).
                Kind::Open
                    if c == '"'
                        && spaced_after(text, t.e, self.e)
                        && stack.last().is_some_and(|&o| {
                            closes(text[self.toks[o].s..].chars().next().unwrap_or(' '), c)
                        }) =>
                {
                    let o = stack.pop().unwrap_or(i);
                    if stack.is_empty() {
                        spans.push((o, i));
                    }
                    self.toks[i].kind = Kind::Close;
                }
                Kind::Open => stack.push(i),
                Kind::Close => {
                    let pos = stack.iter().rposition(|&o| {
                        let oc = text[self.toks[o].s..].chars().next().unwrap_or(' ');
                        closes(oc, c)
                    });
                    match pos {
                        Some(p) => {
                            let o = stack[p];
                            stack.truncate(p);
                            if stack.is_empty() {
                                spans.push((o, i));
                            }
                        }
                        None if c == '“' => stack.push(i),
                        None => self.toks[i].kind = Kind::Punct(c),
                    }
                }
                _ => {}
            }
        }
        // Opening marks never closed: a double one runs to the paragraph's end (a quotation
        // continued in the next paragraph); a single one was an apostrophe.
        if let Some(&o) = stack.iter().find(|&&o| {
            let oc = text[self.toks[o].s..].chars().next().unwrap_or(' ');
            oc != '‘' && oc != '\''
        }) {
            spans.push((o, n));
        }
        for &o in &stack {
            let oc = text[self.toks[o].s..].chars().next().unwrap_or(' ');
            if oc == '‘' {
                self.toks[o].kind = Kind::Punct(oc);
            }
        }
        spans.sort_unstable();
        // Keep top-level quotations only (a quotation inside another was nested marks).
        let mut last_end = 0usize;
        let mut first = true;
        for (o, c) in spans {
            if !first && o <= last_end {
                continue;
            }
            first = false;
            last_end = c;
            let closed = c < n;
            let open = self.toks[o];
            let inner_e = if closed { self.toks[c].s } else { self.e };
            let outer_e = if closed { self.toks[c].e } else { self.e };
            let qi = self.quotes.len() as u32;
            for t in &mut self.toks[o..c.min(n - 1) + 1] {
                t.quote = Some(qi);
            }
            if !closed {
                for t in &mut self.toks[o..n] {
                    t.quote = Some(qi);
                }
            }
            self.quotes.push(Quote {
                open_tok: o,
                close_tok: c,
                inner: Span::new(open.e, inner_e),
                outer: Span::new(open.s, outer_e),
                closed,
            });
        }
        // A closing mark left unpaired inside no quotation is an apostrophe.
        for t in &mut self.toks {
            if t.quote.is_none() && matches!(t.kind, Kind::Open | Kind::Close) {
                let c = text[t.s..].chars().next().unwrap_or(' ');
                t.kind = Kind::Punct(c);
            }
        }
    }

    fn find_sentence_ends(&mut self, text: &str) {
        let n = self.toks.len();
        self.sent_end.resize(n, false);
        for i in 0..n {
            let t = self.toks[i];
            if i + 1 == n {
                self.sent_end[i] = true;
                continue;
            }
            let next = self.toks[i + 1];
            // Asked only after a full stop or a closing mark, not after every word.
            let next_starts = || {
                next.kind == Kind::Open
                    || text[next.s..]
                        .chars()
                        .next()
                        // Arabic and other scripts without case start sentences with any letter.
                        .is_some_and(|c| {
                            c.is_uppercase()
                                || c.is_numeric()
                                || (c.is_alphabetic() && !c.is_lowercase())
                        })
            };
            match t.kind {
                Kind::Punct('.' | '!' | '?' | '؟' | '۔') if t.quote.is_none() => {
                    if !next_starts() {
                        continue;
                    }
                    if t.kind == Kind::Punct('.') && i > 0 && self.toks[i - 1].kind == Kind::Word {
                        let w = &text[self.toks[i - 1].s..self.toks[i - 1].e];
                        if is_abbreviation(w) {
                            continue;
                        }
                    }
                    self.sent_end[i] = true;
                }
                Kind::Close if t.quote.is_some() && next.quote != t.quote => {
                    let q = self.quotes[t.quote.unwrap_or(0) as usize];
                    let inner = text[q.inner.range()].trim_end();
                    if inner.ends_with(['.', '!', '?', '…']) && next_starts() {
                        self.sent_end[i] = true;
                    }
                }
                _ => {}
            }
        }
    }

    /// The index of the first token of the sentence holding token `i`.
    pub fn sentence_start(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 && !self.sent_end[j - 1] {
            j -= 1;
        }
        j
    }

    /// The index of the last token of the sentence holding token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        let mut j = i;
        while j + 1 < self.toks.len() && !self.sent_end[j] {
            j += 1;
        }
        j
    }
}

/// Whether a mark ending at byte `e` is followed by whitespace or the paragraph's end.
fn spaced_after(text: &str, e: usize, para_e: usize) -> bool {
    e >= para_e || text[e..].starts_with(char::is_whitespace)
}

fn prev_is_opening(bytes: &[u8], s: usize, para_s: usize) -> bool {
    s == para_s
        || matches!(
            bytes.get(s.wrapping_sub(1)),
            Some(b'(' | b'[' | b'{' | b'-')
        )
}

/// Whether a word before a period is an abbreviation ("Mr", "U.S", an initial).
pub fn is_abbreviation(w: &str) -> bool {
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true;
    }
    if w.contains('.') && w.len() <= 6 {
        return true;
    }
    if w.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 8];
    let lw = lower_ascii(w, &mut buf);
    ABBREVIATIONS.contains(lw)
}

/// Token `i` of `p` lowercased as `lower_ascii` does, or "" when it is no word.
pub fn low<'b>(text: &'b str, p: &Para, i: usize, buf: &'b mut [u8; 24]) -> &'b str {
    if p.is_word(i) {
        lower_ascii(p.word(text, i), buf)
    } else {
        ""
    }
}

/// `w` lowercased (into `buf` when it has capitals) when it is short ASCII; else "" (which no
/// list holds). Runs for nearly every word of every paragraph: most words are lowercase already
/// and come back as they are, uncopied.
pub fn lower_ascii<'b>(w: &'b str, buf: &'b mut [u8]) -> &'b str {
    if w.len() > buf.len() {
        return "";
    }
    // One pass over the word: whether it is ASCII, and whether it has capitals.
    let mut capitals = false;
    for &b in w.as_bytes() {
        if !b.is_ascii() {
            return "";
        }
        capitals |= b.is_ascii_uppercase();
    }
    if !capitals {
        return w;
    }
    for (d, b) in buf.iter_mut().zip(w.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Para {
        Para::new(t, 0, t.len())
    }

    #[test]
    fn quotes_pair_with_nesting_and_apostrophes() {
        let t = "“It’s the ‘platform,’ she said,” Ilka Vorn said. Sales’ view.";
        let p = para(t);
        assert_eq!(p.quotes.len(), 1);
        let q = p.quotes[0];
        assert_eq!(&t[q.inner.range()], "It’s the ‘platform,’ she said,");
        assert!(q.closed);
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        let t = "Vorn said: “This goes on. And on";
        let p = para(t);
        assert_eq!(p.quotes.len(), 1);
        assert!(!p.quotes[0].closed);
        assert_eq!(&t[p.quotes[0].inner.range()], "This goes on. And on");
    }

    #[test]
    fn sentences_skip_abbreviations_and_quoted_periods() {
        let t = "Mr. Vorn met U.S. envoys. “Go. Now.” He left.";
        let p = para(t);
        let ends: Vec<&str> = (0..p.toks.len())
            .filter(|&i| p.sent_end[i])
            .map(|i| &t[p.toks[p.sentence_start(i)].s..p.toks[i].e])
            .collect();
        assert_eq!(
            ends,
            vec!["Mr. Vorn met U.S. envoys.", "“Go. Now.”", "He left."]
        );
    }

    #[test]
    fn doubled_apostrophes_quote() {
        let t = "''It is late,'' Vorn said. Vorn's dog.";
        let p = para(t);
        assert_eq!(p.quotes.len(), 1);
        assert_eq!(&t[p.quotes[0].inner.range()], "It is late,");
    }

    #[test]
    fn guillemets_and_low_quotes() {
        let t = "« Bonjour » et „Hallo“ und \"hi\"";
        let p = para(t);
        assert_eq!(p.quotes.len(), 3);
    }
}
