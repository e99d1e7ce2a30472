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

    /// The text without Markdown dressing: heading marks, a quote mark, emphasis around it
    /// ("## Title", "**By Jane Roe**"). What the line says is read from this.
    pub fn plain<'a>(&self, src: &'a str) -> &'a str {
        let t = self.text(src);
        let t = t.trim_start_matches('#').trim_start();
        let t = t.strip_prefix("> ").unwrap_or(t);
        t.trim_matches(['*', '_']).trim()
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

/// The line `start..end` of `src` (line break excluded), trimmed, hashed and counted. Works
/// on bytes (this runs on every line of a dump): whitespace is ASCII whitespace and the
/// Unicode spaces news text carries (no-break, thin, ideographic), letters fold ASCII case.
fn measure(src: &str, start: usize, end: usize, buf: &mut Vec<u8>) -> Line {
    let b = &src.as_bytes()[start..end];
    // Lines printed with every post are short; a long paragraph is keyed by its exact bytes,
    // which spares folding it.
    let fold = b.len() <= FOLD_MAX;
    buf.clear();
    let mut words = 0u32;
    let (mut first, mut last) = (usize::MAX, 0usize);
    let mut i = 0;
    while i < b.len() {
        let ws = space_len(&b[i..]);
        if ws > 0 {
            i += ws;
            continue;
        }
        let w = i;
        i += 1;
        // Most bytes are ASCII letters: only a few lead bytes can start a Unicode space.
        while i < b.len() {
            let c = b[i];
            if (c > b' ' && c < 0x7F) || (c >= 0x80 && !matches!(c, 0xC2 | 0xE1..=0xE3)) {
                i += 1;
            } else if space_len(&b[i..]) > 0 {
                break;
            } else {
                i += 1;
            }
        }
        if first == usize::MAX {
            first = w;
        }
        last = i;
        if fold {
            if words > 0 {
                buf.push(b' ');
            }
            buf.extend(b[w..i].iter().map(u8::to_ascii_lowercase));
        }
        words += 1;
    }
    if words == 0 {
        return Line {
            start,
            end: start,
            key: 0,
            words: 0,
        };
    }
    let key = if fold {
        xxh3_64(buf)
    } else {
        xxh3_64(&b[first..last])
    };
    Line {
        start: start + first,
        end: start + last,
        key,
        words,
    }
}

/// Lines up to this many bytes are keyed with whitespace and case folded.
const FOLD_MAX: usize = 400;

/// The length of the whitespace character at the start of `b`, or 0.
#[inline]
fn space_len(b: &[u8]) -> usize {
    match b[0] {
        b'!'..=0x7F => 0,
        b' ' | b'\t' | b'\r' | 0x0B | 0x0C => 1,
        0xC2 if b.get(1) == Some(&0xA0) || b.get(1) == Some(&0x85) => 2,
        0xE1 if b.get(1) == Some(&0x9A) && b.get(2) == Some(&0x80) => 3,
        0xE2 => match (b.get(1), b.get(2)) {
            (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F)) => 3,
            _ => 0,
        },
        0xE3 if b.get(1) == Some(&0x80) && b.get(2) == Some(&0x80) => 3,
        _ => 0,
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
        let odd = "\u{2003}x\u{3000}y\u{202f}";
        let l: Vec<Line> = Lines::new(odd, 0).collect();
        assert_eq!((l[0].text(odd), l[0].words), ("x\u{3000}y", 2));
    }
}
