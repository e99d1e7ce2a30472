//! Plain text (.txt, .md, or sniffed text): a dump of posts, segmented into items with their
//! metadata by `crate::segment`. UTF-8 (with or without BOM) is read in place, so an item's
//! text is made of verbatim runs of the file and claim spans point into the file. UTF-16 with a
//! BOM and the legacy encodings these sources use (windows-1256, ISO-8859-6, windows-1252) are
//! decoded first; spans then point into the item's text.

use super::{Input, InputError, Location, ReadSettings, Reader};
use crate::item::{Item, VerbatimRun};
use crate::segment::{self, Post};
use crate::vocab::SpanBasis;
use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1252, WINDOWS_1256};

/// Plain text and text dumps, segmented into posts.
pub struct TextReader;

impl Reader for TextReader {
    fn name(&self) -> &'static str {
        "text"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["txt", "text", "md"]
    }

    fn sniff(&self, head: &[u8]) -> bool {
        !super::looks_binary(head)
    }

    fn read(&self, input: &Input, settings: &ReadSettings) -> Result<Vec<Item>, InputError> {
        let bytes = &input.bytes;
        let outlet = settings.outlet.as_deref();
        // UTF-16 of Latin text is valid UTF-8, NUL bytes and all: told apart first.
        let unmarked_utf16 = utf16_without_bom(bytes);
        if unmarked_utf16.is_none()
            && let Ok(text) = std::str::from_utf8(bytes)
        {
            let from = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
            let mut items = Vec::new();
            segment::segment_with(text, from, outlet, |p| {
                items.push(verbatim_item(input, text, p))
            });
            return Ok(items);
        }
        let (encoding, from) = if bytes.starts_with(b"\xFF\xFE") {
            (UTF_16LE, 2)
        } else if bytes.starts_with(b"\xFE\xFF") {
            (UTF_16BE, 2)
        } else if let Some(enc) = unmarked_utf16 {
            (enc, 0)
        } else {
            if let Some(nul) = bytes.iter().position(|&b| b == 0) {
                return Err(InputError::new(
                    input.name.as_ref(),
                    Location::Offset(nul),
                    "binary input (NUL byte); not text",
                ));
            }
            (guess_legacy(bytes), 0)
        };
        let utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[from..]);
        if had_errors && utf16 {
            return Err(InputError::new(
                input.name.as_ref(),
                Location::File,
                format!("invalid {} text", encoding.name()),
            ));
        }
        let note = if unmarked_utf16.is_some() {
            format!(
                "no byte order mark, but zero bytes where {} puts them: read as {0}",
                encoding.name()
            )
        } else {
            format!(
                "not UTF-8 (invalid at byte {}): read as {}",
                std::str::from_utf8(bytes)
                    .err()
                    .map_or(0, |e| e.valid_up_to()),
                encoding.name()
            )
        };
        let width = if utf16 { Width::Utf16 } else { Width::Byte };
        let mut cursor = Cursor {
            text_pos: 0,
            file_pos: from,
            width,
        };
        let mut items = Vec::new();
        segment::segment_with(&text, 0, outlet, |p| {
            let start = cursor.file_offset(&text, p.range.start);
            let end = cursor.file_offset(&text, p.range.end);
            let mut item = Item::with_own_text(&input.name, start, end, p.text(&text));
            *item.meta = p.meta;
            item.warnings.push(note.clone());
            items.push(item);
        });
        Ok(items)
    }
}

/// An item whose text is verbatim runs of the (UTF-8) file.
fn verbatim_item(input: &Input, text: &str, p: Post) -> Item {
    let body = p.text(text);
    let mut item = Item::with_own_text(&input.name, p.range.start, p.range.end, body);
    item.origin.spans = SpanBasis::File;
    let mut at = 0;
    for r in &p.runs {
        item.runs.push(VerbatimRun {
            text_start: at,
            file_start: r.start,
            len: r.len(),
        });
        at += r.len() + 2;
    }
    *item.meta = p.meta;
    item
}

#[derive(Clone, Copy)]
enum Width {
    Byte,
    Utf16,
}

/// Maps byte offsets in decoded text back to the file, moving forward only (posts come in
/// order), so the whole mapping costs one pass.
struct Cursor {
    text_pos: usize,
    file_pos: usize,
    width: Width,
}

impl Cursor {
    fn file_offset(&mut self, text: &str, pos: usize) -> usize {
        if pos < self.text_pos {
            self.text_pos = 0;
            self.file_pos = 0;
        }
        for c in text[self.text_pos..pos].chars() {
            self.file_pos += match self.width {
                Width::Byte => 1,
                Width::Utf16 => 2 * c.len_utf16(),
            };
        }
        self.text_pos = pos;
        self.file_pos
    }
}

/// The UTF-16 encoding `bytes` are in, if any: by their byte order mark, else by where their
/// zero bytes fall ([`utf16_without_bom`]).
pub(crate) fn utf16_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.starts_with(b"\xFF\xFE") {
        Some(UTF_16LE)
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some(UTF_16BE)
    } else {
        utf16_without_bom(bytes)
    }
}

/// The UTF-16 encoding of text written without a byte order mark, told by its zero bytes: the
/// high byte of Latin letters, digits, spaces and punctuation is zero, so one byte of each pair
/// is zero in a tenth of the pairs at least (Arabic text: in its spaces), and the other byte
/// almost never is. Binary data has its zeros anywhere; text in other encodings has none.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    if pairs < 4 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let (mut first, mut second) = (0, 0);
    for p in sample.chunks_exact(2) {
        first += usize::from(p[0] == 0);
        second += usize::from(p[1] == 0);
    }
    let unicode_text = |zero: usize, other: usize| zero * 10 >= pairs && other * 100 <= pairs;
    if unicode_text(second, first) {
        Some(UTF_16LE)
    } else if unicode_text(first, second) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The legacy encoding that reads `bytes` most plausibly: Arabic in windows-1256 decoded as
/// ISO-8859-6 hits unmapped bytes, ISO-8859-6 decoded as windows-1256 mixes Latin letters into
/// Arabic words, and either decoded as windows-1252 gives runs of accented Latin letters.
pub fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let mut best = (u64::MAX, WINDOWS_1252);
    for enc in [WINDOWS_1252, WINDOWS_1256, ISO_8859_6] {
        let (text, _) = enc.decode_without_bom_handling(sample);
        let cost = implausibility(&text);
        if cost < best.0 {
            best = (cost, enc);
        }
    }
    best.1
}

fn implausibility(text: &str) -> u64 {
    #[derive(PartialEq, Clone, Copy)]
    enum Kind {
        Ascii,
        Latin,
        Arabic,
        Other,
    }
    let kind = |c: char| match c {
        'a'..='z' | 'A'..='Z' => Kind::Ascii,
        '\u{00C0}'..='\u{024F}' => Kind::Latin,
        '\u{0600}'..='\u{06FF}' => Kind::Arabic,
        _ => Kind::Other,
    };
    let mut cost = 0u64;
    let mut prev = Kind::Other;
    for c in text.chars() {
        if c == '\u{FFFD}' || ('\u{0080}'..='\u{009F}').contains(&c) {
            cost += 20;
        }
        let k = kind(c);
        if k != Kind::Other && prev != Kind::Other {
            // Mixed scripts inside a word, or accented Latin letter after accented letter.
            if (k != prev
                && !(k == Kind::Latin && prev == Kind::Ascii
                    || k == Kind::Ascii && prev == Kind::Latin))
                || (k == Kind::Latin && prev == Kind::Latin)
            {
                cost += 2;
            }
        }
        prev = k;
    }
    cost
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_encodings_are_told_apart() {
        let arabic = "قال الوزير إن المحادثات فشلت في العاصمة يوم الاثنين";
        for enc in [WINDOWS_1256, ISO_8859_6] {
            let (bytes, _, _) = enc.encode(arabic);
            assert_eq!(guess_legacy(&bytes), enc, "{}", enc.name());
        }
        let (bytes, _, _) =
            WINDOWS_1252.encode("Le ministre a déclaré que les négociations ont échoué à Genève.");
        assert_eq!(guess_legacy(&bytes), WINDOWS_1252);
    }
}
