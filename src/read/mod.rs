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
mod latin_lang;
mod latin_profiles;
mod limits;
mod not_news;
pub(crate) mod records;
mod stream;
pub(crate) mod text;
pub(crate) mod warc;
pub(crate) mod xmldoc;

pub use error::{InputError, Location};
pub use input::Input;
pub use input::{InputSource, Listed};
pub(crate) use input::{bytes_in_words, collect_inputs};
pub use limits::Limits;

pub use records::{item_from_record, items_from_records};

use crate::item::Item;
use rayon::prelude::*;

/// What readers need to know beyond the bytes.
#[derive(Debug, Clone, Default)]
pub struct ReadSettings {
    /// `--outlet`: the outlet that published the items, overriding what the input says.
    pub outlet: Option<String>,
    /// How much is read: per input, per item, per run.
    pub limits: Limits,
    /// The bytes of every file the run reads, which [`crate::read_inputs`] sets before reading
    /// (0: unknown). Where they come to half a gigabyte or more, every file of JSON records of
    /// 32 MiB or more leaves its texts in the file, so that a run's memory does not depend on
    /// how its records are split into files; otherwise only such a file of 512 MiB or more does.
    pub run_bytes: u64,
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
    /// Why an input found under a directory, which this reader would read, holds no news of its
    /// format (JSON that holds no records, an HTML fragment that is no page): it is then passed
    /// over with a warning instead of being read. A file named as an input is read all the same.
    fn not_news(&self, _input: &Input) -> Option<String> {
        None
    }
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

/// The reader for `input`: one that claims its bytes whatever its name, else by extension,
/// else by content. Binary bytes are refused first, whatever the name says.
pub fn reader_for(input: &Input) -> Result<&'static dyn Reader, InputError> {
    let head = &input.bytes[..input.bytes.len().min(4096)];
    if let Some(r) = READERS.iter().find(|r| r.claims(head)) {
        return Ok(*r);
    }
    if let Some(at) = binary_at(head) {
        return Err(InputError::new(
            input.name.as_ref(),
            Location::Offset(at),
            "binary input (control bytes); not a format claimtrace reads",
        ));
    }
    if let Some(ext) = input.extension()
        && let Some(r) = READERS
            .iter()
            .find(|r| r.extensions().contains(&ext.as_str()))
    {
        return Ok(*r);
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
    match read_as(input, settings, false)? {
        Read::Items(items) => Ok(items),
        Read::NotNews(e) => Err(e),
    }
}

/// What reading an input gave.
pub(crate) enum Read {
    Items(Vec<Item>),
    /// A file found under a directory that holds no news: passed over, with why.
    NotNews(InputError),
}

/// Reads the input `source` names, within the input limit; `found` (under a directory) lets it
/// turn out not to be news. A file of JSON records is read in pieces (`stream.rs`), never held
/// whole; any other input is loaded whole and read by the reader that fits it.
pub(crate) fn read_source(
    source: &InputSource,
    settings: &ReadSettings,
    found: bool,
) -> Result<Read, InputError> {
    if let Some(read) = stream::read_records_file(source, settings, found) {
        return read;
    }
    let input = Input::load(source, settings.limits.input_bytes)?;
    read_as(&input, settings, found)
}

/// Reads one input; `found` (under a directory) lets it turn out not to be news.
pub(crate) fn read_as(
    input: &Input,
    settings: &ReadSettings,
    found: bool,
) -> Result<Read, InputError> {
    let inflated;
    let input = if input::is_gzip(&input.bytes) {
        inflated = input::gunzip(input, settings.limits.input_bytes)?;
        &inflated
    } else {
        input
    };
    let reader = reader_for(input)?;
    if found && let Some(why) = reader.not_news(input) {
        return Ok(Read::NotNews(InputError::new(
            input.name.as_ref(),
            Location::File,
            why,
        )));
    }
    let mut items = reader.read(input, settings)?;
    finish_items(&mut items, &settings.limits);
    Ok(Read::Items(items))
}

/// What every reader's items get, whatever their format: a text within the item limit, the
/// credits their text states (its dateline, its first and last lines), and the language the
/// text shows where the input states none.
/// Each item is finished on its own, so the items are shared out over every core.
fn finish_items(items: &mut [Item], limits: &Limits) {
    items.par_iter_mut().for_each(|it| {
        it.cut_text(limits.item_text_bytes);
        crate::credit::add_text_credits(std::slice::from_mut(it));
        // Where the input states no language, the text tells (claims and reuse reports show it).
        if it.meta.language.is_none() && it.text_len() > 0 {
            it.meta.language = lang::language(&it.text());
        }
    });
}

/// Where `head` shows itself binary, if it does: a NUL byte (text formats never hold one, and
/// binary files almost always do within their first kilobytes) outside UTF-16, or more control
/// bytes than any text has.
pub fn binary_at(head: &[u8]) -> Option<usize> {
    if text::utf16_encoding(head).is_some() {
        return None;
    }
    if let Some(nul) = head.iter().position(|&b| b == 0) {
        return Some(nul);
    }
    let control =
        |b: &u8| b.is_ascii_control() && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b);
    let count = head.iter().filter(|b| control(b)).count();
    (count * 20 > head.len()).then(|| head.iter().position(control).unwrap_or(0))
}

/// Whether `head` looks binary (see [`binary_at`]).
pub fn looks_binary(head: &[u8]) -> bool {
    binary_at(head).is_some()
}
