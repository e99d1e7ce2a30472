//! Reading inputs: one reader per format behind the `Reader` trait.
//!
//! A reader turns the bytes of one input into items. Which reader reads an input is decided by
//! its extension, else by sniffing its first bytes (stdin, unknown extensions). Adding a format
//! is adding a reader to `READERS`; nothing downstream changes.

mod error;
pub(crate) mod feed;
pub(crate) mod html;
mod input;
pub(crate) mod lang;
pub(crate) mod records;
pub(crate) mod text;
pub(crate) mod warc;
pub(crate) mod xmldoc;

pub use error::{InputError, Location};
pub use input::Input;
pub(crate) use input::collect_inputs;
pub use records::{item_from_record, items_from_records};

use crate::item::Item;

/// What readers need to know beyond the bytes.
#[derive(Debug, Clone, Default)]
pub struct ReadSettings {
    /// `--outlet`: the outlet that published the items, overriding what the input says.
    pub outlet: Option<String>,
}

/// A reader of one input format: turns the bytes of one input into items.
pub trait Reader: Sync {
    /// The format's name, for messages.
    fn name(&self) -> &'static str;
    /// File extensions this reader takes (lowercase, without the dot).
    fn extensions(&self) -> &'static [&'static str];
    /// Whether bytes of unknown origin look like this format. `head` is the input's start.
    fn sniff(&self, head: &[u8]) -> bool;
    /// Whether this reader takes `head` whatever the input's extension says (a JSON Feed in a
    /// .json file).
    fn claims(&self, _head: &[u8]) -> bool {
        false
    }
    /// All items of one input, or the first error that stops reading it.
    fn read(&self, input: &Input, settings: &ReadSettings) -> Result<Vec<Item>, InputError>;
}

/// Every reader the library has, most specific first: the order sniffing tries them in.
pub fn readers() -> &'static [&'static dyn Reader] {
    READERS
}

/// Every reader, most specific first: sniffing tries them in this order.
pub(crate) static READERS: &[&dyn Reader] = &[
    &records::RecordsReader,
    &warc::WarcReader,
    &feed::FeedReader,
    &html::HtmlReader,
    &xmldoc::XmlDocReader,
    &text::TextReader,
];

/// The reader for `input`: by extension, else by content.
pub fn reader_for(input: &Input) -> Result<&'static dyn Reader, InputError> {
    let head = &input.bytes[..input.bytes.len().min(4096)];
    if let Some(r) = READERS.iter().find(|r| r.claims(head)) {
        return Ok(*r);
    }
    if let Some(ext) = input.extension()
        && let Some(r) = READERS
            .iter()
            .find(|r| r.extensions().contains(&ext.as_str()))
    {
        return Ok(*r);
    }
    if looks_binary(head) {
        return Err(InputError::new(
            input.name.as_ref(),
            Location::Offset(head.iter().position(|&b| b == 0).unwrap_or(0)),
            "binary input (NUL byte); not a format claimtrace reads",
        ));
    }
    READERS
        .iter()
        .find(|r| r.sniff(head))
        .copied()
        .ok_or_else(|| {
            let known: Vec<_> = READERS.iter().map(|r| r.name()).collect();
            InputError::new(
                input.name.as_ref(),
                Location::File,
                format!("unrecognised input format (readers: {})", known.join(", ")),
            )
        })
}

/// Reads one input with the reader that fits it.
/// A gzip-compressed input (`.gz`, or gzip bytes on stdin) is read as what it holds.
pub fn read_input(input: &Input, settings: &ReadSettings) -> Result<Vec<Item>, InputError> {
    let mut items = if input::is_gzip(&input.bytes) {
        let inner = input::gunzip(input)?;
        reader_for(&inner)?.read(&inner, settings)?
    } else {
        reader_for(input)?.read(input, settings)?
    };
    finish_items(&mut items);
    Ok(items)
}

/// What every reader's items get, whatever their format: the credits their text states (its
/// dateline, its first and last lines), and the language the text shows where the input
/// states none.
fn finish_items(items: &mut [Item]) {
    crate::credit::add_text_credits(items);
    // Where the input states no language, the text tells (claims and reuse reports show it).
    for it in items {
        if it.meta.language.is_none() && !it.text.is_empty() {
            it.meta.language = lang::language(&it.text);
        }
    }
}

/// Text formats never hold NUL; binary files almost always do within their first kilobytes.
pub fn looks_binary(head: &[u8]) -> bool {
    head.contains(&0)
}
