//! JSON records read from a file in pieces: a JSON-lines file of a gigabyte is never held whole,
//! only the piece being parsed and the items made so far. The items, their byte ranges and every
//! error (its message and line) are those reading the whole file gives (`records.rs`), which is
//! what any other input still gets: standard input, pipes, gzip, a top-level array, and files
//! another reader takes.
//!
//! A large file's record texts are left in it (`Item::leave_text_in_file`): each item reads its
//! text back from the file by byte range, so that a run of a million records does not hold
//! their gigabytes of text from reading to building (docs/perf.md, "Memory, texts in their
//! file").

use super::records::{RecordsReader, items_of_records, line_at, strip_bom, strip_position};
use super::{Input, InputError, InputSource, Location, Read, ReadSettings, Reader, finish_items};
use crate::item::{Item, TextFile};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::io::Read as _;
use std::sync::Arc;

/// Bytes read at a time: large enough that every core has records to parse, small beside the
/// items they become.
const PIECE: usize = 32 << 20;

/// The start of an input that tells its format (`reader_for`).
const HEAD: usize = 4096;

/// Runs (or, where the run's size is not known, files) from this size on leave their texts in
/// the file. Reading a text back costs CPU at every
/// stage that looks at it (a tenth more for the whole run), which a file whose texts are a few
/// hundred megabytes does not need to spend; from half a gigabyte on, the texts are the run's
/// largest memory (docs/perf.md, "Memory, texts in their file"). It keeps one open file each,
/// and few of them in any run (the run's text limit is 4 GiB).
const LEAVE_TEXTS_FROM: u64 = 512 << 20;

/// The read of a file of JSON records taken in pieces, or `None` where the input is not one
/// this reads (not a regular file, larger than the input limit, gzip, another format, a
/// top-level array): the caller then loads it whole, and so reports what is wrong with it.
pub(crate) fn read_records_file(
    source: &InputSource,
    settings: &ReadSettings,
    found: bool,
) -> Option<Result<Read, InputError>> {
    read_in_pieces(
        source,
        settings,
        found,
        PIECE,
        leave_texts_from(settings.run_bytes),
    )
}

/// Files smaller than this keep their texts whatever the run's size: each file that leaves them
/// keeps a handle open, and a run holds at most `run_text_bytes / 32 MiB` (128) such files.
const LEAVE_TEXTS_OF_FILES_FROM: u64 = 32 << 20;

/// The size from which a file of records leaves its texts in it, in a run of `run_bytes`: the
/// run's size decides, not the file's, where it is known.
fn leave_texts_from(run_bytes: u64) -> u64 {
    if run_bytes >= LEAVE_TEXTS_FROM {
        LEAVE_TEXTS_OF_FILES_FROM
    } else {
        LEAVE_TEXTS_FROM
    }
}

/// `read_records_file` with pieces of `piece` bytes, leaving texts in files of `leave_from`
/// bytes or more (tests cut records with small pieces, and leave texts in small files).
fn read_in_pieces(
    source: &InputSource,
    settings: &ReadSettings,
    found: bool,
    piece: usize,
    leave_from: u64,
) -> Option<Result<Read, InputError>> {
    let (InputSource::File(path) | InputSource::Found(path)) = source else {
        return None;
    };
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > settings.limits.input_bytes {
        return None;
    }
    let mut file = std::fs::File::open(path).ok()?;
    let name = path.to_string_lossy();
    // The first piece holds the head the format is told by.
    let first_piece = piece.max(HEAD);
    let mut first = Vec::with_capacity((meta.len() as usize).min(first_piece) + 1);
    (&mut file)
        .take(first_piece as u64)
        .read_to_end(&mut first)
        .ok()?;
    if !takes(&name, &first, first_piece) {
        return None;
    }
    let ended = first.len() < first_piece;
    let name: Arc<str> = Arc::from(name.as_ref());
    // A handle of its own: reads by position move no cursor the pieces are read by.
    let texts = (cfg!(unix) && meta.len() >= leave_from)
        .then(|| file.try_clone().ok())
        .flatten()
        .map(|f| TextFile::new(name.clone(), f));
    Some(Pieces::new(name, file, first, ended, piece, settings, texts).read(found))
}

/// Whether the records reader reads a file that starts with `head`, and whether it is one
/// taken in pieces: not gzip, not one top-level array.
fn takes(name: &str, head: &[u8], piece: usize) -> bool {
    let start = Input::new(name, head[..head.len().min(HEAD)].to_vec());
    if super::input::is_gzip(&start.bytes) {
        return false;
    }
    if !super::reader_for(&start).is_ok_and(|r| r.name() == RecordsReader.name()) {
        return false;
    }
    // A top-level array is one value: it is parsed whole.
    let body = strip_bom(head);
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or_default(),
    };
    let trimmed = text.trim_start();
    // Whitespace to the end of the piece: where the first value begins is not known yet.
    let unknown = trimmed.is_empty() && head.len() >= piece;
    !(trimmed.starts_with('[') || unknown)
}

/// What is wrong with a file, by rank: reading the whole file reports a byte that is not UTF-8
/// before anything else, then finds a file under a directory to hold no news by its first
/// record, then reports a JSON error before any bad record.
enum Bad {
    Record(InputError),
    Json(InputError),
    NotNews(InputError),
}

/// A file of records being read piece by piece.
struct Pieces<'s> {
    name: Arc<str>,
    file: std::fs::File,
    settings: &'s ReadSettings,
    /// Bytes read and not yet parsed: from the end of the last whole record on.
    buf: Vec<u8>,
    /// The file offset of `buf[0]`, and its line.
    offset: usize,
    line: usize,
    /// Whether the file's end has been read.
    ended: bool,
    /// Bytes read at a time.
    piece: usize,
    /// The file that items' texts are read back from, where they are left in it.
    texts: Option<Arc<TextFile>>,
}

impl<'s> Pieces<'s> {
    fn new(
        name: Arc<str>,
        file: std::fs::File,
        mut first: Vec<u8>,
        ended: bool,
        piece: usize,
        settings: &'s ReadSettings,
        texts: Option<Arc<TextFile>>,
    ) -> Self {
        // A byte order mark is no part of the first record; offsets still count it.
        let bom = first.len() - strip_bom(&first).len();
        first.drain(..bom);
        Pieces {
            name,
            file,
            settings,
            buf: first,
            offset: bom,
            line: 1,
            ended,
            piece,
            texts,
        }
    }

    fn read(mut self, found: bool) -> Result<Read, InputError> {
        let mut items: Vec<Item> = Vec::new();
        let mut bad: Option<Bad> = None;
        // Whether no record has been seen yet: the first tells whether a file found under a
        // directory holds news.
        let mut before_first = found;
        loop {
            // The piece parsed now: up to the last line break read, or all at the end.
            let cut = if self.ended {
                self.buf.len()
            } else {
                self.buf
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1)
            };
            let parsed = self.piece(cut, &mut before_first, &mut items, &mut bad)?;
            // Keep what no record was cut from yet, and read on.
            self.line = line_at(&self.buf, self.offset, self.line, self.offset + parsed);
            self.buf.drain(..parsed);
            self.offset += parsed;
            if self.ended {
                break;
            }
            self.fill()?;
        }
        match bad {
            Some(Bad::NotNews(e)) => Ok(Read::NotNews(e)),
            Some(Bad::Json(e) | Bad::Record(e)) => Err(e),
            None => Ok(Read::Items(items)),
        }
    }

    /// Reads up to a piece more onto `buf`; past the input limit, the limit's error.
    fn fill(&mut self) -> Result<(), InputError> {
        let before = self.buf.len();
        self.buf.reserve(self.piece);
        (&mut self.file)
            .take(self.piece as u64)
            .read_to_end(&mut self.buf)
            .map_err(|e| self.error(Location::File, format!("cannot read: {e}")))?;
        self.ended = self.buf.len() - before < self.piece;
        let total = (self.offset + self.buf.len()) as u64;
        if total > self.settings.limits.input_bytes {
            return Err(self.error(
                Location::File,
                super::input::too_large(self.settings.limits.input_bytes),
            ));
        }
        Ok(())
    }

    fn error(&self, at: Location, message: String) -> InputError {
        InputError::new(self.name.as_ref(), at, message)
    }

    /// Parses the records of `buf[..cut]`: their items go to `items`, the worst error so far to
    /// `bad`. Says how many bytes are done with: up to the end of the last whole record (the
    /// rest is parsed again with the next piece), all of them at the file's end. A byte that is
    /// not UTF-8, which nothing outranks, ends the read.
    fn piece(
        &self,
        cut: usize,
        before_first: &mut bool,
        items: &mut Vec<Item>,
        bad: &mut Option<Bad>,
    ) -> Result<usize, InputError> {
        let bytes = &self.buf[..cut];
        let (offset, line) = (self.offset, self.line);
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = offset + e.valid_up_to();
                return Err(self.error(
                    Location::Line(line_at(bytes, offset, line, at)),
                    format!("not UTF-8 at byte {at} (records must be UTF-8 JSON)"),
                ));
            }
        };
        if matches!(bad, Some(Bad::Json(_) | Bad::NotNews(_))) {
            // Only a byte that is not UTF-8 could outrank it: checked above.
            return Ok(cut);
        }
        let mut raws: Vec<(usize, &RawValue)> = Vec::new();
        let mut parsed = 0;
        let mut json_error = None;
        for raw in serde_json::Deserializer::from_str(text).into_iter::<&RawValue>() {
            match raw {
                Ok(raw) => {
                    let at = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                    raws.push((offset + at, raw));
                    parsed = at + raw.get().len();
                }
                // A record the piece cut: parsed again with the rest of it.
                Err(e) if e.is_eof() && !self.ended => break,
                Err(e) => {
                    json_error = Some(e);
                    break;
                }
            }
        }
        if *before_first && let Some(&(start, raw)) = raws.first() {
            *before_first = false;
            let end = start - offset + raw.get().len();
            let first = Input::new(&self.name, bytes[..end].to_vec());
            if let Some(why) = RecordsReader.not_news(&first) {
                *bad = Some(Bad::NotNews(self.error(Location::File, why)));
                return Ok(cut);
            }
        }
        if let Some(e) = json_error {
            // serde_json counts lines of the piece, which starts on line `line`.
            let at = line + e.line().max(1) - 1;
            *bad = Some(Bad::Json(self.error(
                Location::Line(at),
                format!("invalid JSON: {}", strip_position(&e)),
            )));
            return Ok(cut);
        }
        if self.ended {
            // Whitespace after the last record is passed over with it.
            parsed = cut;
        }
        if raws.is_empty() || bad.is_some() {
            return Ok(parsed);
        }
        let line_of = |at: usize| line_at(bytes, offset, line, at);
        let (mut got, first_bad) = items_of_records(&self.name, &raws, &line_of, self.settings);
        match first_bad {
            Some(e) => *bad = Some(Bad::Record(e)),
            None => {
                finish_items(&mut got, &self.settings.limits);
                if let Some(file) = &self.texts {
                    leave_texts_in_file(&mut got, &raws, text, offset, file);
                }
                items.append(&mut got);
            }
        }
        Ok(parsed)
    }
}

/// Leaves each item's text in `file`, where its record (`raws[i]` of `items[i]`, in `piece`, which
/// starts at byte `offset` of the file) holds it unchanged; each item on its own, on every core.
fn leave_texts_in_file(
    items: &mut [Item],
    raws: &[(usize, &RawValue)],
    piece: &str,
    offset: usize,
    file: &Arc<TextFile>,
) {
    let base = piece.as_ptr() as usize;
    items
        .par_iter_mut()
        .zip(raws.par_iter())
        .for_each(|(item, &(_, raw))| {
            if let Some(literal) = text_literal(raw) {
                let at = offset + (literal.as_ptr() as usize - base);
                item.leave_text_in_file(file, at as u64, literal);
            }
        });
}

/// The fields a record's text stands in (`records.rs`), as they are in the record.
#[derive(Deserialize)]
struct TextFields<'a> {
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
    #[serde(borrow, default)]
    maintext: Option<&'a RawValue>,
}

/// The JSON string a record's text was read from, as it stands in the record: `None` for a
/// record that names a field twice, or has no string there. `Item::leave_text_in_file` checks it
/// is the item's text.
fn text_literal(record: &RawValue) -> Option<&str> {
    let fields: TextFields = serde_json::from_str(record.get()).ok()?;
    [fields.text, fields.maintext]
        .into_iter()
        .flatten()
        .map(RawValue::get)
        .find(|l| l.starts_with('"'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::read_as;

    /// What a read gave, comparable: the items as JSON, or the error's line.
    fn outcome(r: Result<Read, InputError>) -> String {
        match r {
            Ok(Read::Items(items)) => serde_json::to_string(&items).unwrap(),
            Ok(Read::NotNews(e)) => format!("not news: {e}"),
            Err(e) => format!("error: {e}"),
        }
    }

    /// `bytes` written as `file` in a directory of this test process's own for `what`.
    fn written(what: &str, file: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "claimtrace-{what}-{}-{}",
            std::process::id(),
            file.replace('.', "-")
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(file);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Reads `bytes` as a file named `file` whole and in pieces of several sizes (cutting
    /// records, line breaks, a byte order mark) and checks every read gives the same.
    fn same_in_pieces(file: &str, bytes: &[u8], found: bool, settings: &ReadSettings) -> String {
        let path = written("stream", file, bytes);
        let source = if found {
            InputSource::Found(path.clone())
        } else {
            InputSource::File(path.clone())
        };
        let whole = outcome(
            Input::load(&source, settings.limits.input_bytes)
                .and_then(|input| read_as(&input, settings, found)),
        );
        for piece in [1, 2, 3, 5, 8, 13, 64, 4096, PIECE] {
            // Texts kept, and left in the file: read back, they are the same items.
            for leave_from in [u64::MAX, 0] {
                let read = read_in_pieces(&source, settings, found, piece, leave_from)
                    .expect("read in pieces");
                assert_eq!(outcome(read), whole, "{file} in pieces of {piece}");
            }
        }
        std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
        whole
    }

    fn record(i: usize) -> String {
        format!(
            r#"{{"id": "r{i}", "outlet": "Harbor Gazette", "text": "The ferry resumed on day {i}, the harbour master said. Ünïcode — ok."}}"#
        )
    }

    #[test]
    fn records_read_in_pieces_are_the_records_read_whole() {
        let s = ReadSettings::default();
        let lines: Vec<String> = (0..40).map(record).collect();
        let plain = lines.join("\n") + "\n";
        assert!(same_in_pieces("a.jsonl", plain.as_bytes(), false, &s).contains("r39"));
        // A byte order mark, CRLF, blank lines, two records on a line, no final line break.
        let mixed = format!(
            "\u{feff}{}\r\n\r\n{} {}\n\n  {}",
            record(1),
            record(2),
            record(3),
            record(4)
        );
        assert!(same_in_pieces("b.jsonl", mixed.as_bytes(), false, &s).contains("r4"));
        // Records printed over several lines.
        let pretty: String = (0..6)
            .map(|i| {
                let v: serde_json::Value = serde_json::from_str(&record(i)).unwrap();
                serde_json::to_string_pretty(&v).unwrap() + "\n"
            })
            .collect();
        assert!(same_in_pieces("c.json", pretty.as_bytes(), false, &s).contains("r5"));
        assert_eq!(same_in_pieces("d.jsonl", b"", false, &s), "[]");
        assert_eq!(same_in_pieces("e.jsonl", b"\n \n", false, &s), "[]");
    }

    /// A file of records whose texts are escaped every way JSON allows, read with its texts left
    /// in it: the items and their texts, read whole (kept) and read back (left).
    fn left_in_file(file: &str, body: &str) -> (std::path::PathBuf, Vec<Item>, Vec<Item>) {
        let path = written("left", file, body.as_bytes());
        let dir = path.parent().unwrap().to_path_buf();
        let s = ReadSettings::default();
        let read = |leave_from| match read_in_pieces(
            &InputSource::File(path.clone()),
            &s,
            false,
            64,
            leave_from,
        ) {
            Some(Ok(Read::Items(items))) => items,
            _ => panic!("{file} reads"),
        };
        let (kept, left) = (read(u64::MAX), read(0));
        (dir, kept, left)
    }

    #[test]
    fn texts_left_in_the_file_read_back_as_they_were_read() {
        let escaped = r#"{"id": "e", "text": "Line one,\n\n\"quoted\" \u00e9t\u00e9 \ud834\udd1e \/ \t end."}"#;
        let null_first =
            r#"{"id": "n", "text": null, "maintext": "The main text, stated second."}"#;
        let twice = r#"{"id": "t", "text": "first", "text": "the last one counts"}"#;
        let lines: Vec<String> = (0..30)
            .map(record)
            .chain([escaped, null_first, twice].map(String::from))
            .collect();
        let (dir, kept, left) = left_in_file("left.jsonl", &(lines.join("\n") + "\n"));
        assert_eq!(
            serde_json::to_string(&left).unwrap(),
            serde_json::to_string(&kept).unwrap()
        );
        assert_eq!(left[30].text(), "Line one,\n\n\"quoted\" été 𝄞 / \t end.");
        assert_eq!(left[32].text(), "the last one counts");
        // Left in the file where the record's text is one literal, kept where it is not.
        let in_file: Vec<bool> = left
            .iter()
            .map(|it| matches!(it.text, crate::item::ItemText::InFile { .. }))
            .collect();
        assert!(
            in_file[..32].iter().all(|&b| b) && !in_file[32],
            "{in_file:?}"
        );
        // Read back out of file order, as the pairs of a link stage are: the same texts.
        for (a, b) in left.iter().rev().zip(kept.iter().rev()) {
            assert_eq!(a.text(), b.text());
            assert_eq!(a.text_len(), b.text_len());
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_large_run_leaves_the_texts_of_its_middling_files_in_them() {
        // Run size unknown or small: only a file of half a gigabyte leaves its texts.
        assert_eq!(leave_texts_from(0), 512 << 20);
        assert_eq!(leave_texts_from((512 << 20) - 1), 512 << 20);
        // A large run: every file of 32 MiB or more, however the run is split.
        assert_eq!(leave_texts_from(512 << 20), 32 << 20);
        assert_eq!(leave_texts_from(u64::MAX), 32 << 20);
    }

    #[test]
    #[should_panic(expected = "changed.jsonl: byte 49: the file changed while the run read it")]
    fn a_file_changed_under_the_run_is_not_taken_for_its_texts() {
        let body = format!("{}\n{}\n", record(1), record(2));
        let (dir, _, left) = left_in_file("changed.jsonl", &body);
        // The test ends in a panic: its directory goes when the guard is dropped on the way out.
        struct Removed(std::path::PathBuf);
        impl Drop for Removed {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
        let dir = Removed(dir);
        // The same length, other words.
        std::fs::write(dir.0.join("changed.jsonl"), body.replace("ferry", "barge")).unwrap();
        let _ = left[0].text();
    }

    #[test]
    fn errors_in_pieces_are_the_errors_read_whole() {
        let s = ReadSettings::default();
        let lines: Vec<String> = (0..12).map(record).collect();
        let with = |k: usize, bad: &str| {
            let mut l = lines.clone();
            l[k] = bad.to_string();
            l.join("\n") + "\n"
        };
        // A record with no text, then invalid JSON later: the JSON error is reported.
        let no_text = with(3, r#"{"id": "x"}"#);
        let e = same_in_pieces("f.jsonl", no_text.as_bytes(), false, &s);
        assert!(e.starts_with("error: ") && e.contains(":4: "), "{e}");
        let mut both = with(3, r#"{"id": "x"}"#);
        both.push_str("{\"text\": \n");
        let e = same_in_pieces("g.jsonl", both.as_bytes(), false, &s);
        assert!(e.contains("invalid JSON"), "{e}");
        let broken = with(7, r#"{"text": "a" "b"}"#);
        let e = same_in_pieces("h.jsonl", broken.as_bytes(), false, &s);
        assert!(e.contains(":8: invalid JSON"), "{e}");
        // A byte that is not UTF-8 outranks an earlier JSON error.
        let mut bytes = with(2, "{oops").into_bytes();
        bytes.extend_from_slice(b"{\"text\": \"\xff\"}\n");
        let e = same_in_pieces("i.jsonl", &bytes, false, &s);
        assert!(e.contains("not UTF-8"), "{e}");
        // A record cut off by the file's end.
        let cut = lines.join("\n") + "\n{\"text\": \"The ferry";
        let e = same_in_pieces("j.jsonl", cut.as_bytes(), false, &s);
        assert!(e.contains(":13: invalid JSON"), "{e}");
    }

    #[test]
    fn a_file_found_under_a_directory_is_told_no_news_by_its_first_record() {
        let s = ReadSettings::default();
        let manifest = "{\"name\": \"pkg\"}\n".to_string() + &record(1) + "\n";
        let e = same_in_pieces("k.json", manifest.as_bytes(), true, &s);
        assert!(e.starts_with("not news: "), "{e}");
        let news = record(1) + "\n" + &record(2);
        assert!(same_in_pieces("l.jsonl", news.as_bytes(), true, &s).contains("r2"));
    }

    #[test]
    fn what_is_not_read_in_pieces_is_left_to_the_whole_read() {
        let s = ReadSettings::default();
        let dir = std::env::temp_dir().join(format!("claimtrace-stream-{}-m", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let array = dir.join("m.json");
        std::fs::write(&array, format!("[{}]", record(1))).unwrap();
        let page = dir.join("m.html");
        std::fs::write(&page, "<html><body><p>The ferry.</p></body></html>").unwrap();
        for p in [array, page] {
            assert!(read_in_pieces(&InputSource::File(p), &s, false, 8, 0).is_none());
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
