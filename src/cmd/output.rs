//! The output flags every command shares, and where a command's data goes: stdout, or a file
//! replaced atomically so that a failed run leaves no partial output.

use anyhow::{Context, Result, anyhow};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the output goes; flattened into each command's flags.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Write here instead of stdout (replaced only when the run succeeds; - is stdout).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The output flags of the commands that answer in words or JSON (`origin`, `report`).
#[derive(Debug, clap::Args)]
pub struct AnswerArgs {
    #[command(flatten)]
    pub to: OutputArgs,
    /// Write JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

impl OutputArgs {
    /// Runs `write` into stdout (no `-o`, or `-o -`), or into a temporary file beside the
    /// output file that is renamed over it only when `write` succeeded.
    pub fn write(&self, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
        match self.output.as_deref() {
            None => to_stdout(write),
            Some(p) if p.as_os_str() == "-" => to_stdout(write),
            Some(p) => to_file(p, write),
        }
    }
}

fn to_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    write(&mut lock).context("cannot write to standard output")
}

/// Writes a file atomically: a temporary file in the same directory, renamed over the output
/// file once complete. Only a file is ever replaced: an output path that names a device, a named
/// pipe or a directory is refused (renaming over /dev/null would replace the device), and one
/// that is a link replaces the file it links to, so the link stays. A new file gets the mode
/// the umask gives new files; a replaced one keeps its own.
fn to_file(p: &Path, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let target = target_file(p)?;
    let dir = match target.path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".claimtrace-");
    #[cfg(unix)]
    let new_file_mode = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o666)
    };
    #[cfg(unix)]
    builder.permissions(new_file_mode);
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create output file", p.display()))?;
    if let Some(perms) = target.keep_permissions {
        tmp.as_file()
            .set_permissions(perms)
            .with_context(|| format!("{}: cannot write", p.display()))?;
    }
    write(tmp.as_file_mut()).with_context(|| format!("{}: cannot write", p.display()))?;
    tmp.persist(&target.path)
        .with_context(|| format!("{}: cannot write", p.display()))?;
    Ok(())
}

/// The file an output path writes: itself, or the file a link at it names.
struct Target {
    path: PathBuf,
    /// The permissions of the file replaced, if one is.
    keep_permissions: Option<std::fs::Permissions>,
}

fn target_file(p: &Path) -> Result<Target> {
    let refuse = |what: &str| {
        anyhow!(
            "{}: {what}, not a file: not written (-o writes files; for anything else write to \
             standard output and redirect it)",
            p.display()
        )
    };
    let link = match std::fs::symlink_metadata(p) {
        Ok(m) => m.file_type().is_symlink(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Target {
                path: p.to_path_buf(),
                keep_permissions: None,
            });
        }
        Err(e) => return Err(anyhow!("{}: cannot write: {e}", p.display())),
    };
    let meta = match std::fs::metadata(p) {
        Ok(m) => m,
        Err(e) if link && e.kind() == std::io::ErrorKind::NotFound => {
            return Err(refuse("a link to nothing"));
        }
        Err(e) => return Err(anyhow!("{}: cannot write: {e}", p.display())),
    };
    if !meta.is_file() {
        return Err(refuse(file_kind(&meta)));
    }
    let path = if link {
        std::fs::canonicalize(p).with_context(|| format!("{}: cannot write", p.display()))?
    } else {
        p.to_path_buf()
    };
    Ok(Target {
        path,
        keep_permissions: Some(meta.permissions()),
    })
}

fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let ft = meta.file_type();
    if ft.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_fifo() {
            return "a named pipe";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

impl AnswerArgs {
    /// Writes `answer` as pretty JSON with `--json`, else in words by `text`.
    pub fn write<T: Serialize + ?Sized>(
        &self,
        answer: &T,
        text: impl FnOnce(&T, &mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        self.to.write(|out| {
            if self.json {
                serde_json::to_writer_pretty(&mut *out, answer)?;
                writeln!(out)
            } else {
                text(answer, out)
            }
        })
    }
}
