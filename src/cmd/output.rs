//! Where a command's data goes: stdout, or a file replaced atomically so that a failed run
//! leaves no partial output.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Runs `write` into stdout, or into a temporary file beside `path` that is renamed over `path`
/// only when `write` succeeded.
pub fn write_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match path {
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            write(&mut lock).context("cannot write to standard output")
        }
        Some(p) => {
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("{}: cannot create output file", p.display()))?;
            write(tmp.as_file_mut()).with_context(|| format!("{}: cannot write", p.display()))?;
            tmp.persist(p)
                .with_context(|| format!("{}: cannot write", p.display()))?;
            Ok(())
        }
    }
}
