//! HTML as a flat stream of tags and text, in one pass and without a tree: the tokenizer rules
//! of the HTML standard that decide where a tag ends and what is text (quoted attribute values
//! may hold `>`, a `<` not followed by a letter is text, comments and doctypes are no text, the
//! contents of scripts and styles are not markup). It builds nothing and never recurses, so no
//! nesting costs it more than its length: `strip` turns it into text, `nesting` bounds how deep a
//! page is before a parser that builds a tree sees it.

/// One piece of an HTML document, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text, character references not decoded.
    Text(&'a str),
    /// A start tag: its name as written, its whole source (`<a href="x">`), and whether it ends
    /// with `/>`.
    Start {
        name: &'a str,
        source: &'a str,
        self_closing: bool,
    },
    /// An end tag: its name as written and its whole source.
    End { name: &'a str, source: &'a str },
    /// The contents of a raw-text element (script, style, ...), which hold no markup.
    Raw(&'a str),
    /// A comment, doctype, processing instruction or other markup that is no text.
    Other(&'a str),
}

/// Elements whose contents are text, never markup, up to their end tag (html5ever's with
/// scripting on, as dom_query parses pages). Titles and text areas decode character references
/// in that text.
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
];

/// The tokens of `html`, in order; their sources, end to end, are `html`.
pub fn tokens(html: &str) -> Tokens<'_> {
    Tokens {
        html,
        pos: 0,
        raw_until: None,
    }
}

/// The iterator of [`tokens`].
pub struct Tokens<'a> {
    html: &'a str,
    pos: usize,
    /// The raw-text element just opened, whose contents come next.
    raw_until: Option<&'a str>,
}

impl<'a> Tokens<'a> {
    /// Byte offset of the next token.
    pub fn offset(&self) -> usize {
        self.pos
    }

    fn take(&mut self, end: usize) -> &'a str {
        let s = &self.html[self.pos..end];
        self.pos = end;
        s
    }

    /// The contents of the raw-text element `name`, up to its end tag or the document's end.
    fn raw(&mut self, name: &str) -> Option<Token<'a>> {
        let rest = &self.html.as_bytes()[self.pos..];
        let mut from = 0;
        let end = loop {
            let Some(i) = memchr::memmem::find(&rest[from..], b"</") else {
                break rest.len();
            };
            let at = from + i;
            let after = &rest[at + 2..];
            if after.len() >= name.len()
                && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
                && after.get(name.len()).is_none_or(|c| {
                    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
                })
            {
                break at;
            }
            from = at + 2;
        };
        (end > 0).then(|| Token::Raw(self.take(self.pos + end)))
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw_until.take()
            && let Some(t) = self.raw(name)
        {
            return Some(t);
        }
        let bytes = self.html.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let rest = &bytes[self.pos..];
        if rest[0] != b'<' {
            let end = memchr::memchr(b'<', rest).map_or(bytes.len(), |i| self.pos + i);
            return Some(Token::Text(self.take(end)));
        }
        let next = rest.get(1).copied().unwrap_or(0);
        let at = self.pos;
        if next.is_ascii_alphabetic() {
            let Some((name, end, self_closing)) = tag(bytes, at + 1) else {
                // A tag the document ends inside is no tag and no text.
                return Some(Token::Other(self.take(bytes.len())));
            };
            let name = &self.html[at + 1..name];
            if RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                self.raw_until = RAW_TEXT
                    .iter()
                    .copied()
                    .find(|r| r.eq_ignore_ascii_case(name));
            }
            let source = self.take(end);
            return Some(Token::Start {
                name,
                source,
                self_closing,
            });
        }
        if next == b'/' {
            let after = rest.get(2).copied().unwrap_or(0);
            if after.is_ascii_alphabetic() {
                let Some((name, end, _)) = tag(bytes, at + 2) else {
                    return Some(Token::Other(self.take(bytes.len())));
                };
                let name = &self.html[at + 2..name];
                let source = self.take(end);
                return Some(Token::End { name, source });
            }
            if after == b'>' {
                return Some(Token::Other(self.take(at + 3)));
            }
            if after == 0 && rest.len() == 2 {
                return Some(Token::Text(self.take(at + 2)));
            }
            return Some(Token::Other(self.take(bogus_end(bytes, at + 2))));
        }
        if next == b'!' {
            if rest[2..].starts_with(b"--") {
                return Some(Token::Other(self.take(comment_end(bytes, at + 4))));
            }
            return Some(Token::Other(self.take(bogus_end(bytes, at + 2))));
        }
        if next == b'?' {
            return Some(Token::Other(self.take(bogus_end(bytes, at + 2))));
        }
        // A '<' before anything else is text.
        let end = memchr::memchr(b'<', &rest[1..]).map_or(bytes.len(), |i| at + 1 + i);
        Some(Token::Text(self.take(end)))
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// A tag whose name starts at `from`: where its name ends, where the tag ends (after its `>`),
/// and whether it is written self-closing; none when the document ends inside it.
fn tag(b: &[u8], from: usize) -> Option<(usize, usize, bool)> {
    let mut i = from;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name_end = i;
    loop {
        let c = *b.get(i)?;
        if c == b'>' {
            return Some((name_end, i + 1, false));
        }
        if c == b'/' {
            if b.get(i + 1) == Some(&b'>') {
                return Some((name_end, i + 2, true));
            }
            i += 1;
            continue;
        }
        if is_space(c) {
            i += 1;
            continue;
        }
        // An attribute: its name (which may start with '='), then '=' and a value.
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                i += 1 + memchr::memchr(q, &b[i + 1..])?;
                i += 1;
            }
            _ => {
                while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                    i += 1;
                }
            }
        }
    }
}

/// The end of a comment whose body starts at `from` (after `<!--`): after its `-->` (or the
/// `>` of `<!-->` and `<!--->`), else the document's end.
fn comment_end(b: &[u8], from: usize) -> usize {
    if b[from..].starts_with(b">") {
        return from + 1;
    }
    if b[from..].starts_with(b"->") {
        return from + 2;
    }
    let mut i = from;
    while let Some(p) = memchr::memmem::find(&b[i..], b"--") {
        let at = i + p + 2;
        if b[at..].starts_with(b">") {
            return at + 1;
        }
        if b[at..].starts_with(b"!>") {
            return at + 2;
        }
        i = i + p + 1;
    }
    b.len()
}

/// The end of markup that is neither a tag nor a comment: after the next `>`.
fn bogus_end(b: &[u8], from: usize) -> usize {
    memchr::memchr(b'>', &b[from..]).map_or(b.len(), |i| from + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<String> {
        tokens(html)
            .map(|t| match t {
                Token::Text(s) => format!("T{s}"),
                Token::Start { name, .. } => format!("<{name}"),
                Token::End { name, .. } => format!("/{name}"),
                Token::Raw(s) => format!("R{s}"),
                Token::Other(s) => format!("O{s}"),
            })
            .collect()
    }

    #[test]
    fn quoted_gt_stays_in_the_tag() {
        assert_eq!(
            kinds("<a title=\"x > y\" data-b='>'>link</a> a < b <3"),
            ["<a", "Tlink", "/a", "T a ", "T< b ", "T<3"]
        );
    }

    #[test]
    fn comments_doctype_and_raw_text() {
        assert_eq!(
            kinds("<!DOCTYPE html><!-- <p> --><script>if (a</b) x='<p>';</script ><p>t"),
            [
                "O<!DOCTYPE html>",
                "O<!-- <p> -->",
                "<script",
                "Rif (a</b) x='<p>';",
                "/script",
                "<p",
                "Tt"
            ]
        );
        assert_eq!(kinds("<!---->x<!-->y"), ["O<!---->", "Tx", "O<!-->", "Ty"]);
    }

    #[test]
    fn sources_cover_the_document() {
        for html in [
            "<p a=1 b = '2' c>x</p><br/><img src=x />",
            "<p title=\"never closed",
            "</ p></>x<?php ?></",
            "<style>",
        ] {
            let joined: String = tokens(html)
                .map(|t| match t {
                    Token::Text(s) | Token::Raw(s) | Token::Other(s) => s,
                    Token::Start { source, .. } | Token::End { source, .. } => source,
                })
                .collect();
            assert_eq!(joined, html);
        }
        assert!(matches!(
            tokens("<br/>").next(),
            Some(Token::Start {
                self_closing: true,
                ..
            })
        ));
    }
}
