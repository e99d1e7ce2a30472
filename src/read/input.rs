//! Inputs as given on the command line: files, directories (walked recursively, in sorted order)
//! and `-` for standard input; loading them within the input limit, and unpacking gzip.

use super::not_news;
use super::{InputError, Location};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum InputSource {
    /// Standard input (`-`).
    Stdin,
    /// A file named as an input: read strictly, whatever it holds.
    File(PathBuf),
    /// A file found under a directory given as an input: one that is not news (a README, JSON
    /// that holds no records, an HTML fragment) is skipped with a warning instead.
    Found(PathBuf),
}

/// One entry of the walk of a run's paths, in a fixed order (`list_inputs`). It serialises
/// (serde), for a job that lists inputs on one machine and reads them on others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Listed {
    /// An input to read.
    Read(InputSource),
    /// A path that cannot be listed or read: an error, or skipped with `skip_bad`.
    Bad(InputError),
    /// An entry under a directory that is no news file (a README, an image, a named pipe, a
    /// second link to a file already listed): skipped with a warning.
    NotNews(InputError),
}

/// One input, loaded.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as given (or found under a given directory); `-` for stdin. Items keep it as
    /// `origin.file`.
    pub name: Arc<str>,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl Input {
    /// An input of `bytes` named `name`; the name's extension tells its format, else its bytes do.
    pub fn new(name: &str, bytes: Vec<u8>) -> Input {
        Input {
            name: Arc::from(name),
            bytes,
        }
    }

    /// The bytes of a file or of standard input, at most `limit` of them. A named pipe is read
    /// when named as an input (what it gives, once its writer closes it); a device, a socket or
    /// anything else that is not a file is refused, and nothing waits for a pipe's writer.
    pub(crate) fn load(source: &InputSource, limit: u64) -> Result<Input, InputError> {
        match source {
            InputSource::Stdin => {
                let bytes = read_limited(std::io::stdin().lock(), "-", limit, None)?;
                Ok(Input::new("-", bytes))
            }
            InputSource::File(p) | InputSource::Found(p) => {
                let name = p.to_string_lossy();
                let err = |m: String| InputError::new(name.as_ref(), Location::File, m);
                // Devices are refused unopened: opening some has effects of its own.
                if let Ok(meta) = std::fs::metadata(p)
                    && let FileKind::Other(what) = FileKind::of(&meta.file_type())
                {
                    return Err(err(format!("{what}, not a file: not read")));
                }
                let file = open_without_waiting(p).map_err(|e| err(format!("cannot read: {e}")))?;
                let meta = file
                    .metadata()
                    .map_err(|e| err(format!("cannot read: {e}")))?;
                let kind = FileKind::of(&meta.file_type());
                match kind {
                    FileKind::File => {
                        if meta.len() > limit {
                            return Err(err(too_large(limit)));
                        }
                        let bytes = read_limited(file, &name, limit, Some(meta.len()))?;
                        Ok(Input::new(&name, bytes))
                    }
                    FileKind::Pipe => {
                        wait_on_reads(&file).map_err(|e| err(format!("cannot read: {e}")))?;
                        let bytes = read_limited(file, &name, limit, None)?;
                        if bytes.is_empty() {
                            return Err(err("a named pipe that gave nothing (no writer?)".into()));
                        }
                        Ok(Input::new(&name, bytes))
                    }
                    other => Err(err(format!("{}, not a file: not read", other.name()))),
                }
            }
        }
    }

    /// The lowercase extension of the input's name, if any; of a gzip file the extension of what
    /// it holds ("html" for page.html.gz).
    pub fn extension(&self) -> Option<String> {
        extension_of(Path::new(self.name.as_ref()))
    }
}

/// The lowercase extension of a file name; of a gzip file the extension of what it holds.
pub(crate) fn extension_of(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    if ext != "gz" {
        return Some(ext);
    }
    path.file_stem()
        .map(Path::new)
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// What a directory entry or a named input is, as far as reading goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    File,
    Dir,
    Pipe,
    Other(&'static str),
}

impl FileKind {
    fn of(ft: &std::fs::FileType) -> FileKind {
        if ft.is_file() {
            return FileKind::File;
        }
        if ft.is_dir() {
            return FileKind::Dir;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if ft.is_fifo() {
                return FileKind::Pipe;
            }
            if ft.is_char_device() {
                return FileKind::Other("a character device");
            }
            if ft.is_block_device() {
                return FileKind::Other("a block device");
            }
            if ft.is_socket() {
                return FileKind::Other("a socket");
            }
        }
        FileKind::Other("not a regular file")
    }

    fn name(self) -> &'static str {
        match self {
            FileKind::File => "a file",
            FileKind::Dir => "a directory",
            FileKind::Pipe => "a named pipe",
            FileKind::Other(n) => n,
        }
    }
}

/// Opens `path` for reading. Opening a named pipe waits for a writer; this never waits (the
/// pipe's reads wait instead, once `wait_on_reads` says so).
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use rustix::fs::{Mode, OFlags};
        let fd = rustix::fs::open(
            path,
            OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
        Ok(std::fs::File::from(fd))
    }
    #[cfg(not(unix))]
    {
        std::fs::File::open(path)
    }
}

/// Makes reads of a pipe opened by `open_without_waiting` wait for data again. A pipe with no
/// writer then reads as ended.
fn wait_on_reads(file: &std::fs::File) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
        let flags = fcntl_getfl(file)?;
        fcntl_setfl(file, flags - OFlags::NONBLOCK)?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

pub(crate) fn too_large(limit: u64) -> String {
    format!(
        "larger than {}, the input limit: not read (split it, or raise Limits::input_bytes)",
        bytes_in_words(limit)
    )
}

/// A size as people write it: "2 GiB", "16 MiB", "300 KiB", "12 bytes".
pub(crate) fn bytes_in_words(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (size, unit) in UNITS {
        if n >= size && n.is_multiple_of(size) {
            return format!("{} {unit}", n / size);
        }
        if n >= size {
            return format!("{:.1} {unit}", n as f64 / size as f64);
        }
    }
    format!("{n} bytes")
}

/// All of `reader`, or an error once it gives more than `limit` bytes.
fn read_limited(
    reader: impl Read,
    name: &str,
    limit: u64,
    size_hint: Option<u64>,
) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::with_capacity(size_hint.unwrap_or(0).min(limit) as usize);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new(name, Location::File, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(InputError::new(name, Location::File, too_large(limit)));
    }
    Ok(bytes)
}

/// Past this much inflated output a gzip input must have compressed no better than
/// `MAX_GZIP_RATIO` to one: text and web archives compress by 3 to 15, compression bombs by up
/// to a thousand. Checked as it inflates, so a bomb costs no more than this before it is refused.
const GZIP_RATIO_FROM: u64 = 64 << 20;
/// See `GZIP_RATIO_FROM`.
const MAX_GZIP_RATIO: u64 = 100;

pub(crate) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The decompressed input, under the same name (items keep naming the .gz file), at most
/// `limit` bytes of it. Concatenated gzip members (a .warc.gz holds one per record) are read as
/// one stream.
pub(crate) fn gunzip(input: &Input, limit: u64) -> Result<Input, InputError> {
    let err = |m: String| InputError::new(input.name.as_ref(), Location::File, m);
    let compressed = CountingReader {
        inner: input.bytes.as_slice(),
        read: 0,
    };
    let mut decoder = flate2::read::MultiGzDecoder::new(compressed);
    let mut bytes = Vec::with_capacity(input.bytes.len().saturating_mul(4).min(1 << 26));
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let n = match decoder.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(err(format!("cannot decompress gzip: {e}"))),
        };
        bytes.extend_from_slice(&chunk[..n]);
        let inflated = bytes.len() as u64;
        if inflated > limit {
            return Err(err(format!(
                "gzip holds more than {}, the input limit: not read",
                bytes_in_words(limit)
            )));
        }
        let read = decoder.get_ref().read.max(1) as u64;
        if inflated > GZIP_RATIO_FROM && inflated > MAX_GZIP_RATIO * read {
            return Err(err(format!(
                "gzip inflates more than {MAX_GZIP_RATIO} to 1 past {}: a compression bomb, \
                 not read (decompress it yourself if it is not one)",
                bytes_in_words(GZIP_RATIO_FROM)
            )));
        }
    }
    if is_gzip(&bytes) {
        return Err(err("gzip holds another gzip: not read".into()));
    }
    Ok(Input {
        name: input.name.clone(),
        bytes,
    })
}

/// A reader that counts the bytes read through it.
struct CountingReader<R> {
    inner: R,
    read: usize,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n;
        Ok(n)
    }
}

/// Expands the paths given into the inputs to read, in a fixed order: as given, each directory
/// replaced by the files under it, sorted by path. Under a directory, hidden files and
/// directories are passed over; entries that are not files some reader takes (an image, a
/// README, a named pipe) and second links to a file or directory already listed are reported
/// as not news; a directory that cannot be listed is bad input.
pub(crate) fn collect_inputs(paths: &[PathBuf]) -> Vec<Listed> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Listed::Read(InputSource::Stdin));
            continue;
        }
        match std::fs::metadata(p) {
            Ok(meta) if meta.is_dir() => {
                let mut walk = Walk::default();
                walk.dir(p);
                out.extend(walk.finish());
            }
            Ok(_) => out.push(Listed::Read(InputSource::File(p.clone()))),
            Err(e) => out.push(Listed::Bad(InputError::new(
                p.to_string_lossy(),
                Location::File,
                format!("cannot read: {e}"),
            ))),
        }
    }
    out
}

/// The walk of one directory given as an input.
#[derive(Default)]
struct Walk {
    /// Directories walked, by canonical path: a link back to one is not walked again.
    walked: HashSet<PathBuf>,
    /// What was found, by path.
    found: Vec<(PathBuf, Found)>,
}

enum Found {
    File,
    Bad(String),
    NotNews(String),
}

impl Walk {
    /// Walks `dir`, its entries in sorted order, depth first: which of two links to one
    /// directory is walked does not depend on the order the file system lists them in.
    fn dir(&mut self, dir: &Path) {
        match std::fs::canonicalize(dir) {
            Ok(canonical) => {
                if !self.walked.insert(canonical.clone()) {
                    self.found.push((
                        dir.to_path_buf(),
                        Found::NotNews(format!(
                            "a link to {}, a directory already read",
                            canonical.display()
                        )),
                    ));
                    return;
                }
            }
            Err(e) => {
                self.found.push((
                    dir.to_path_buf(),
                    Found::Bad(format!("cannot list directory: {e}")),
                ));
                return;
            }
        }
        let entries = match std::fs::read_dir(dir).and_then(|r| r.collect::<Result<Vec<_>, _>>()) {
            Ok(entries) => entries,
            Err(e) => {
                self.found.push((
                    dir.to_path_buf(),
                    Found::Bad(format!("cannot list directory: {e}")),
                ));
                return;
            }
        };
        let mut names: Vec<_> = entries
            .into_iter()
            .map(|e| e.file_name())
            .filter(|n| !n.to_string_lossy().starts_with('.'))
            .collect();
        names.sort();
        for name in names {
            let path = dir.join(&name);
            // Links are followed: to a file, a directory, or nowhere.
            let kind = match std::fs::metadata(&path) {
                Ok(meta) => FileKind::of(&meta.file_type()),
                Err(e) => {
                    self.found
                        .push((path, Found::Bad(format!("cannot read: {e}"))));
                    continue;
                }
            };
            match kind {
                FileKind::Dir => self.dir(&path),
                FileKind::File => {
                    let found = match not_news::by_name(&path) {
                        Some(why) => Found::NotNews(why),
                        None => Found::File,
                    };
                    self.found.push((path, found));
                }
                other => self.found.push((
                    path,
                    Found::NotNews(format!("{}, not a file", other.name())),
                )),
            }
        }
    }

    /// What was found, sorted by path; a file reached again through a link is read once, under
    /// the first of its paths.
    fn finish(mut self) -> Vec<Listed> {
        self.found.sort_by(|a, b| a.0.cmp(&b.0));
        // Each file read, by canonical path, with the path it is read under.
        let mut read: HashMap<PathBuf, PathBuf> = HashMap::new();
        let mut out = Vec::with_capacity(self.found.len());
        for (path, found) in self.found {
            let name = path.to_string_lossy().into_owned();
            let listed = match found {
                Found::File => match std::fs::canonicalize(&path) {
                    Ok(c) => match read.get(&c) {
                        Some(first) => Listed::NotNews(InputError::new(
                            name,
                            Location::File,
                            format!(
                                "the same file as {}: read once, under that name",
                                first.display()
                            ),
                        )),
                        None => {
                            read.insert(c, path.clone());
                            Listed::Read(InputSource::Found(path))
                        }
                    },
                    Err(e) => Listed::Bad(InputError::new(
                        name,
                        Location::File,
                        format!("cannot read: {e}"),
                    )),
                },
                Found::Bad(m) => Listed::Bad(InputError::new(name, Location::File, m)),
                Found::NotNews(m) => Listed::NotNews(InputError::new(name, Location::File, m)),
            };
            out.push(listed);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_that_cannot_be_listed_is_bad_input_not_the_end_of_the_walk() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records");
        let mut walk = Walk::default();
        walk.dir(&fixtures.join("gone"));
        walk.dir(&fixtures);
        let listed = walk.finish();
        assert!(listed.iter().any(|l| matches!(l, Listed::Read(_))));
        assert_eq!(
            listed
                .iter()
                .filter(|l| matches!(l, Listed::Bad(e) if e.message.starts_with("cannot list directory")))
                .count(),
            1
        );
    }

    #[test]
    fn sizes_in_words() {
        assert_eq!(bytes_in_words(2 << 30), "2 GiB");
        assert_eq!(bytes_in_words(1000), "1000 bytes");
        assert_eq!(bytes_in_words(3 << 19), "1.5 MiB");
    }
}
