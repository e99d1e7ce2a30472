//! Inputs as given on the command line: files, directories (walked recursively, in sorted order)
//! and `-` for standard input.

use super::{InputError, Location, READERS};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    Stdin,
    File(PathBuf),
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

    /// The bytes of a file or of standard input.
    pub(crate) fn load(source: &InputSource) -> Result<Input, InputError> {
        match source {
            InputSource::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                    InputError::new(
                        "-",
                        Location::File,
                        format!("cannot read standard input: {e}"),
                    )
                })?;
                Ok(Input::new("-", bytes))
            }
            InputSource::File(p) => {
                let name = p.to_string_lossy();
                let bytes = std::fs::read(p).map_err(|e| {
                    InputError::new(name.as_ref(), Location::File, format!("cannot read: {e}"))
                })?;
                Ok(Input::new(&name, bytes))
            }
        }
    }

    /// The lowercase extension of the input's name, if any; of a gzip file the extension of what
    /// it holds ("html" for page.html.gz).
    pub fn extension(&self) -> Option<String> {
        let path = Path::new(self.name.as_ref());
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        if ext != "gz" {
            return Some(ext);
        }
        path.file_stem()
            .map(Path::new)
            .and_then(Path::extension)
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
    }
}

/// Largest decompressed size of a gzip input, against compression bombs.
const MAX_GUNZIPPED: u64 = 4 << 30;

pub(crate) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The decompressed input, under the same name (items keep naming the .gz file). Concatenated
/// gzip members (a .warc.gz holds one per record) are read as one stream.
pub(crate) fn gunzip(input: &Input) -> Result<Input, InputError> {
    let mut bytes = Vec::with_capacity(input.bytes.len().saturating_mul(4).min(1 << 28));
    flate2::read::MultiGzDecoder::new(input.bytes.as_slice())
        .take(MAX_GUNZIPPED + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            InputError::new(
                input.name.as_ref(),
                Location::File,
                format!("cannot decompress gzip: {e}"),
            )
        })?;
    if bytes.len() as u64 > MAX_GUNZIPPED || is_gzip(&bytes) {
        return Err(InputError::new(
            input.name.as_ref(),
            Location::File,
            "gzip holds more than 4 GiB or another gzip; not read",
        ));
    }
    Ok(Input {
        name: input.name.clone(),
        bytes,
    })
}

/// Expands the paths given into the inputs to read, in a fixed order: as given, each directory
/// replaced by the files under it that some reader takes, sorted by path. Hidden files and
/// directories under a given directory are skipped.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<InputSource>, InputError> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(InputSource::Stdin);
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| {
            InputError::new(
                p.to_string_lossy(),
                Location::File,
                format!("cannot read: {e}"),
            )
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)?;
            found.sort();
            out.extend(found.into_iter().map(InputSource::File));
        } else {
            out.push(InputSource::File(p.clone()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        InputError::new(
            dir.to_string_lossy(),
            Location::File,
            format!("cannot list directory: {e}"),
        )
    })?;
    for entry in entries {
        let entry = entry.map_err(|e| {
            InputError::new(
                dir.to_string_lossy(),
                Location::File,
                format!("cannot list directory: {e}"),
            )
        })?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let ft = entry.file_type().map_err(|e| {
            InputError::new(
                path.to_string_lossy(),
                Location::File,
                format!("cannot read: {e}"),
            )
        })?;
        if ft.is_dir() || (ft.is_symlink() && path.is_dir()) {
            walk(&path, found)?;
        } else if is_known_extension(&path) {
            found.push(path);
        }
    }
    Ok(())
}

fn is_known_extension(path: &Path) -> bool {
    let Some(ext) = path.extension() else {
        return false;
    };
    let mut ext = ext.to_string_lossy().to_ascii_lowercase();
    if ext == "gz" {
        // data.jsonl.gz is read as what it holds.
        match path.file_stem().map(Path::new).and_then(Path::extension) {
            Some(inner) => ext = inner.to_string_lossy().to_ascii_lowercase(),
            None => return false,
        }
    }
    READERS
        .iter()
        .any(|r| r.extensions().contains(&ext.as_str()))
}
