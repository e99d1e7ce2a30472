//! Byte spans, what they point into, and aligned passages of two texts.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// A byte range `[start, end)` of a text or a file. Written as a two-number array.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `[start, end)`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Bytes covered (0 for an empty or reversed span).
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers no byte.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range`, for slicing.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Span {
        Span { start, end }
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span {
            start: r.start,
            end: r.end,
        }
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(Span { start, end })
    }
}

/// One passage two items share: where it stands in the source and in the copy, each in its
/// item's span basis. Written as `[source_start, source_end, copy_start, copy_end]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Alignment {
    /// The passage in the source.
    pub source: Span,
    /// The passage in the copy.
    pub copy: Span,
}

impl Serialize for Alignment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [
            self.source.start,
            self.source.end,
            self.copy.start,
            self.copy.end,
        ]
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Alignment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Alignment, D::Error> {
        let [a, b, c, e] = <[usize; 4]>::deserialize(d)?;
        Ok(Alignment {
            source: Span::new(a, b),
            copy: Span::new(c, e),
        })
    }
}

/// Where a claim's `span` points: into the input file (the item's text is a verbatim slice of it)
/// or into the item's own text as exported with `--with-text` (JSON records, HTML, feeds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanBasis {
    /// Byte offsets in the input file (`Origin::file`).
    File,
    /// Byte offsets in the item's text.
    Text,
}

/// Where an item came from: the input path as given and the byte range of the item in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The input's path as given (`-` for standard input).
    pub file: Arc<str>,
    /// Where the item starts in the input, in bytes.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// What the item's spans point into.
    pub spans: SpanBasis,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_alignments_are_written_as_arrays() {
        let a = Alignment {
            source: Span::new(1, 5),
            copy: Span::new(10, 14),
        };
        assert_eq!(serde_json::to_string(&a).unwrap(), "[1,5,10,14]");
        assert_eq!(serde_json::to_string(&Span::new(2, 3)).unwrap(), "[2,3]");
        let back: Alignment = serde_json::from_str("[1,5,10,14]").unwrap();
        assert_eq!(back, a);
        assert_eq!(Span::new(4, 2).len(), 0);
    }
}
