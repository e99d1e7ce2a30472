//! Lines of a dump and what one line looks like on its own: blank, a body paragraph, a title.

use xxhash_rust::xxh3::xxh3_64;

/// One line: `start..end` is its content in the text, without the line break ("\n" or
/// "\r\n") and without surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    /// Hash of the content with whitespace folded and ASCII case folded: lines printed with
    /// every post compare equal whatever their spacing (non-breaking spaces included).
    pub key: u64,
    pub words: u32,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.words == 0
    }

    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

/// The lines of `src` from byte `from`, one at a time.
pub struct Lines<'a> {
    src: &'a str,
    pos: usize,
    buf: Vec<u8>,
}

impl<'a> Lines<'a> {
    pub fn new(src: &'a str, from: usize) -> Lines<'a> {
        Lines {
            src,
            pos: from,
            buf: Vec::with_capacity(256),
        }
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let bytes = self.src.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        self.pos = end + 1;
        Some(measure(self.src, start, end, &mut self.buf))
    }
}

/// The line `start..end` of `src` (line break excluded), trimmed, hashed and counted.
fn measure(src: &str, start: usize, end: usize, buf: &mut Vec<u8>) -> Line {
    let raw = &src[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let t = raw.trim();
    let (s, e) = (start + lead, start + lead + t.len());
    buf.clear();
    let mut words = 0u32;
    let mut in_space = true;
    if t.is_ascii() {
        for &b in t.as_bytes() {
            if b.is_ascii_whitespace() {
                in_space = true;
            } else {
                if in_space {
                    if words > 0 {
                        buf.push(b' ');
                    }
                    words += 1;
                    in_space = false;
                }
                buf.push(b.to_ascii_lowercase());
            }
        }
    } else {
        let mut tmp = [0u8; 4];
        for c in t.chars() {
            if c.is_whitespace() {
                in_space = true;
            } else {
                if in_space {
                    if words > 0 {
                        buf.push(b' ');
                    }
                    words += 1;
                    in_space = false;
                }
                buf.extend_from_slice(c.to_ascii_lowercase().encode_utf8(&mut tmp).as_bytes());
            }
        }
    }
    Line {
        start: s,
        end: e,
        key: if words == 0 { 0 } else { xxh3_64(buf) },
        words,
    }
}

/// Whether a line ends a sentence (body text) rather than naming something (a title, a link).
pub fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', '»', ']', ' ']);
    t.ends_with(['.', '?', '!', '…', '؟', '۔', ':', ';'])
}

/// A paragraph of running text: long, or a full sentence of some length.
pub fn is_body(t: &str, words: u32) -> bool {
    words >= 20 || (words >= 8 && ends_sentence(t))
}

/// Short enough and unpunctuated enough to be a title, a heading or a link.
pub fn is_title_like(t: &str, words: u32) -> bool {
    (1..=30).contains(&words) && !(words >= 8 && ends_sentence(t) && !t.ends_with(['?', '!']))
}

/// Folds runs of whitespace (non-breaking spaces too) to one space.
pub fn fold_space(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_space_and_keep_offsets() {
        let src = "  River\u{a0}to Sea  \r\n\r\nriver to  sea\nlast";
        let lines: Vec<Line> = Lines::new(src, 0).collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0].text(src), "River\u{a0}to Sea");
        assert!(lines[1].is_blank());
        assert_eq!(lines[0].key, lines[2].key);
        assert_eq!(lines[0].words, 3);
        assert_eq!(lines[3].text(src), "last");
    }
}
