//! The output flags every command shares, and where a command's data goes: stdout, or a file
//! replaced atomically so that a failed run leaves no partial output.

use anyhow::{Context, Result};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the output goes; flattened into each command's flags.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Write here instead of stdout (replaced only when the run succeeds).
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
    /// Runs `write` into stdout, or into a temporary file beside `-o FILE` that is renamed over
    /// it only when `write` succeeded.
    pub fn write(&self, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
        match self.output.as_deref() {
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
                write(tmp.as_file_mut())
                    .with_context(|| format!("{}: cannot write", p.display()))?;
                tmp.persist(p)
                    .with_context(|| format!("{}: cannot write", p.display()))?;
                Ok(())
            }
        }
    }
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
