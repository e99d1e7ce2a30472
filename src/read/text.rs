//! Plain text (.txt, .md, or sniffed text): for now the whole file is one item whose text is the
//! file's UTF-8 text, so claim spans point into the file.

use super::{Input, InputError, ReadSettings, Reader};
use crate::item::{Item, VerbatimRun};
use crate::model::SpanBasis;

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
        let text = std::str::from_utf8(&input.bytes).map_err(|e| {
            InputError::at_offset_as_line(
                input.name.as_ref(),
                &input.bytes,
                e.valid_up_to(),
                "not UTF-8 text",
            )
        })?;
        if text.trim().is_empty() {
            return Ok(Vec::new());
        }
        let mut item = Item::with_own_text(&input.name, 0, text.len(), text.to_string());
        item.origin.spans = SpanBasis::File;
        item.runs = vec![VerbatimRun {
            text_start: 0,
            file_start: 0,
            len: text.len(),
        }];
        item.meta.outlet = settings.outlet.clone();
        Ok(vec![item])
    }
}
