//! An item's text as it is kept from reading to building. Every cross-item stage (extracting,
//! indexing, aligning, reading words, building) reads every item's text, so all of them are
//! held for the whole run: at a million items they were most of the run's memory (2.4 of 3.0
//! GB). A text is kept in one of three forms, all read through [`ItemText::get`]:
//!
//! - plain, as read (readers and the segmenter edit it in this form);
//! - in its input file: a large file of JSON records is not read again by anyone else while
//!   the run lasts, so a record's text that is the item's text unchanged is left where it
//!   stands there and read back by its byte range each time a stage looks at it (`in_file.rs`,
//!   the JSON string decoded by `unescape.rs`). The run then holds a few dozen bytes of a text
//!   instead of its size; the file's pages are the system's cache, not the run's memory. What
//!   is read back is checked (length and hash), so a file changed under the run cannot pass
//!   for its text;
//! - packed: an LZ4 block of its own (`Item::pack_text`), for a caller that holds items it reads
//!   seldom. The pipeline does not pack: at a million synthetic items it saved little resident
//!   memory for a quarter more CPU time (docs/perf.md, "Memory, texts packed"), where reading a
//!   text back from its file costs less than unpacking it and frees all of it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::sync::Arc;

pub(crate) use super::in_file::TextFile;

/// Texts shorter than this stay as they are: too short to gain, and short records are read
/// by the million (docs/perf.md).
const PACK_FROM: usize = 128;

/// An item's text, as it was read or packed. Either way it is the same text: everything but
/// memory sees it through [`ItemText::get`].
#[derive(Clone)]
pub(crate) enum ItemText {
    /// As read; readers and the segmenter edit it in this form.
    Plain(String),
    /// An LZ4 block of `len` bytes of UTF-8 (checked when it was packed).
    Packed { len: usize, block: Box<[u8]> },
    /// A JSON string of `raw` bytes at byte `at` of `file` (its quotes included), which decodes
    /// to `len` bytes whose hash is `hash`.
    InFile {
        file: Arc<TextFile>,
        at: u64,
        raw: u32,
        len: u32,
        hash: u32,
    },
}

/// The hash a text left in its file is checked by.
fn short_hash(text: &str) -> u32 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes()) as u32
}

impl ItemText {
    /// The text, borrowed when it is plain, unpacked when it is packed.
    pub(crate) fn get(&self) -> Cow<'_, str> {
        match self {
            ItemText::Plain(s) => Cow::Borrowed(s),
            ItemText::Packed { len, block } => {
                // The block is our own, made by `pack` from a `String`: it unpacks whole and is
                // UTF-8, so neither can fail short of memory corruption.
                let bytes = lz4_flex::block::decompress(block, *len)
                    .expect("an item text packed by this process unpacks");
                Cow::Owned(String::from_utf8(bytes).expect("a packed item text is UTF-8"))
            }
            ItemText::InFile {
                file,
                at,
                raw,
                len,
                hash,
            } => Cow::Owned(file.text_at(*at, *raw as usize, *len as usize, |t| {
                short_hash(t) == *hash
            })),
        }
    }

    /// Its length in bytes, without unpacking it.
    pub(crate) fn len(&self) -> usize {
        match self {
            ItemText::Plain(s) => s.len(),
            ItemText::Packed { len, .. } => *len,
            ItemText::InFile { len, .. } => *len as usize,
        }
    }

    /// The text to edit, unpacked first if it was packed.
    pub(crate) fn plain_mut(&mut self) -> &mut String {
        if !matches!(self, ItemText::Plain(_)) {
            *self = ItemText::Plain(self.get().into_owned());
        }
        match self {
            ItemText::Plain(s) => s,
            _ => unreachable!("made plain just above"),
        }
    }

    /// The text, taken out (the item is left with none).
    pub(crate) fn take(&mut self) -> String {
        let text = match self {
            ItemText::Plain(s) => std::mem::take(s),
            _ => self.get().into_owned(),
        };
        *self = ItemText::Plain(String::new());
        text
    }

    /// Packs a plain text where that saves memory; a short text, or one that does not shrink,
    /// stays plain.
    pub(crate) fn pack(&mut self) {
        let ItemText::Plain(s) = self else { return };
        if s.len() < PACK_FROM {
            return;
        }
        let block = lz4_flex::block::compress(s.as_bytes());
        if block.len() + block.len() / 8 < s.len() {
            *self = ItemText::Packed {
                len: s.len(),
                block: block.into_boxed_slice(),
            };
        }
    }

    /// Leaves a plain text in its input file, where the JSON string `literal`, which stands at
    /// byte `at` of `file`, is that text: the text is then read back from there. Anything else
    /// (another text, a string too long to be counted in 32 bits, a platform without
    /// positioned reads) stays as it is.
    pub(crate) fn leave_in_file(&mut self, file: &Arc<TextFile>, at: u64, literal: &str) {
        let ItemText::Plain(s) = self else { return };
        if !cfg!(unix) || s.is_empty() || !literal.starts_with('"') {
            return;
        }
        let (Ok(raw), Ok(len)) = (u32::try_from(literal.len()), u32::try_from(s.len())) else {
            return;
        };
        // The literal decodes to the text in all but a record whose text field is not the one
        // that literal is (a null `text` before a `maintext`): checked, by what reads it back.
        if super::unescape::decode(literal.as_bytes(), s.len()).as_deref() != Some(s.as_str()) {
            return;
        }
        *self = ItemText::InFile {
            file: file.clone(),
            at,
            raw,
            len,
            hash: short_hash(s),
        };
    }
}

impl std::fmt::Debug for ItemText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

// Items serialise with their text as a string, packed or not: the form other processes and the
// Python package read does not change.
impl Serialize for ItemText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.get())
    }
}

impl<'de> Deserialize<'de> for ItemText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(ItemText::Plain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packed(s: &str) -> ItemText {
        let mut t = ItemText::Plain(s.to_string());
        t.pack();
        t
    }

    #[test]
    fn a_packed_text_reads_as_it_was_written() {
        let long = "The ministry said on Monday that the bridge would reopen. ".repeat(20)
            + "Ünïcödé – “quoted” 東京 مرحبا\n\nEnd.";
        let t = packed(&long);
        assert!(
            matches!(t, ItemText::Packed { .. }),
            "a repetitive text packs"
        );
        assert_eq!(t.get(), long);
        assert_eq!(t.len(), long.len());
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            serde_json::to_string(&long).unwrap()
        );
        let back: ItemText = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(back.get(), long);
        let mut edited = t.clone();
        edited.plain_mut().push('!');
        assert_eq!(edited.get(), long.clone() + "!");
        let mut taken = t;
        assert_eq!(taken.take(), long);
        assert_eq!(taken.len(), 0);
    }

    #[test]
    fn short_or_incompressible_texts_stay_plain() {
        assert!(matches!(packed("A short record."), ItemText::Plain(_)));
        // Bytes without repeats do not shrink.
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        let noise: String = (0..400)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b'!' + (x % 90) as u8)
            })
            .collect();
        let t = packed(&noise);
        assert!(matches!(t, ItemText::Plain(_)));
        assert_eq!(t.get(), noise);
    }
}
