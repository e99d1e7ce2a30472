//! Texts left in their input file (`ItemText::InFile`), read back by byte range. Every
//! cross-item stage reads every text, so a run reads each one back several times: a positioned
//! read (`pread`) per text cost a system call each, about as much as decoding it. Most stages
//! walk the items in their canonical order, which is file order, each worker over a stretch of
//! them: so each thread keeps a window of the file it last read ahead into, and a text that
//! follows closely on the last one read is read with the 64 KiB after it, which the next texts
//! are then taken from. A text far from the last one (the second item of a candidate pair) is
//! read alone, leaving the window for the walk it interrupts.

use super::unescape;
use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes read ahead when texts are being read in file order.
const AHEAD: usize = 64 << 10;

/// An input file of JSON records that item texts are read back from, open for the run.
pub(crate) struct TextFile {
    /// The file's name as the run was given it, for the message if it changed.
    name: Arc<str>,
    file: std::fs::File,
    /// Which open file it is, for the windows threads keep (an address can be reused).
    id: u64,
}

/// A stretch of one file a thread has read.
#[derive(Default)]
struct Window {
    file: u64,
    start: u64,
    bytes: Vec<u8>,
}

impl Window {
    /// Whether `len` bytes at `at` of `file` are in it.
    fn holds(&self, file: u64, at: u64, len: usize) -> bool {
        self.file == file
            && at >= self.start
            && at + len as u64 <= self.start + self.bytes.len() as u64
    }

    /// Whether `at` of `file` follows closely on what it holds.
    fn followed_by(&self, file: u64, at: u64) -> bool {
        follows(self.file, self.start + self.bytes.len() as u64, file, at)
    }
}

/// Whether `at` of `file` starts at most `AHEAD` bytes after `end` of `last_file`.
fn follows(last_file: u64, end: u64, file: u64, at: u64) -> bool {
    last_file == file && at >= end && at - end <= AHEAD as u64
}

/// What each thread keeps: its read-ahead window, a buffer for a text read alone, and where
/// its last text ended (file and offset).
#[derive(Default)]
struct Reads {
    ahead: Window,
    alone: Vec<u8>,
    last: (u64, u64),
}

/// What `Item::text` panics with (the file's name and byte offset before it) when the text of
/// a large record file, left in the file, can no longer be read back as it was read: the file
/// was changed or cut while the run lasted. No answer can be given for such a run; the command
/// line turns this panic into its one-line input error (exit code 1), and a client that catches
/// panics can tell it from a bug by this text.
pub const FILE_CHANGED: &str = "the file changed while the run read it";

thread_local!(static READS: RefCell<Reads> = RefCell::new(Reads::default()));

impl TextFile {
    /// `file` (a handle of its own, whose position nothing else moves), named `name`.
    pub(crate) fn new(name: Arc<str>, file: std::fs::File) -> Arc<TextFile> {
        static OPENED: AtomicU64 = AtomicU64::new(1);
        let id = OPENED.fetch_add(1, Ordering::Relaxed);
        Arc::new(TextFile { name, file, id })
    }

    /// The JSON string of `raw` bytes at `at`, decoded, where it is `len` bytes whose
    /// `check` says are the text that was left there. A file changed or cut while the run lasts
    /// is no input that can be answered for: the run stops, naming the file and the offset,
    /// rather than link texts that are not what it read.
    pub(super) fn text_at(
        &self,
        at: u64,
        raw: usize,
        len: usize,
        check: impl Fn(&str) -> bool,
    ) -> String {
        let text = READS
            .with_borrow_mut(|r| self.read(r, at, raw).and_then(|l| unescape::decode(l, len)))
            .filter(|t| check(t));
        match text {
            Some(t) => t,
            None => panic!(
                "{}: byte {at}: {FILE_CHANGED} (an item's text is no longer there)",
                self.name
            ),
        }
    }

    /// The `raw` bytes at `at`: from the thread's window, read ahead into it when they follow
    /// closely on the last ones read, else read alone.
    fn read<'r>(&self, r: &'r mut Reads, at: u64, raw: usize) -> Option<&'r [u8]> {
        let id = self.id;
        // A long text's buffers are not kept for the texts after it.
        for b in [&mut r.ahead.bytes, &mut r.alone] {
            if b.capacity() > 4 * AHEAD && raw <= AHEAD {
                *b = Vec::new();
                r.ahead.file = 0;
            }
        }
        let (last_file, last_end) = r.last;
        r.last = (id, at + raw as u64);
        if !r.ahead.holds(id, at, raw)
            && (r.ahead.followed_by(id, at) || follows(last_file, last_end, id, at))
        {
            r.ahead.file = 0;
            r.ahead.start = at;
            r.ahead.bytes.resize(raw.max(AHEAD), 0);
            let got = self.read_some(&mut r.ahead.bytes, at, raw)?;
            r.ahead.bytes.truncate(got);
            r.ahead.file = id;
        }
        if r.ahead.holds(id, at, raw) {
            let from = (at - r.ahead.start) as usize;
            return Some(&r.ahead.bytes[from..from + raw]);
        }
        r.alone.resize(raw, 0);
        self.read_some(&mut r.alone, at, raw)?;
        Some(&r.alone)
    }

    /// Reads into `buf` from `at` until it is full or the file ends; the bytes read, where
    /// they are at least `need`.
    fn read_some(&self, buf: &mut [u8], at: u64, need: usize) -> Option<usize> {
        let mut got = 0;
        while got < buf.len() {
            match read_at(&self.file, &mut buf[got..], at + got as u64) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        (got >= need).then_some(got)
    }
}

#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], at: u64) -> std::io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, at)
}

#[cfg(not(unix))]
fn read_at(_: &std::fs::File, _: &mut [u8], _: u64) -> std::io::Result<usize> {
    unreachable!("texts are left in their file on unix alone (`ItemText::leave_in_file`)")
}
