//! The input flags every command shares, and running the pipeline on them: one definition, so
//! `graph`, `origin` and `report` read their inputs alike.

use super::Usage;
use super::progress::Bars;
use super::terminal::shown;
use anyhow::Result;
use claimtrace::{BuildOptions, EdgeKind, Graph, InputError, ReadSettings, Settings};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Flattened into each command's flags.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files or directories to read; - reads standard input.
    #[arg(required_unless_present = "db", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Read the graph from a store instead of inputs: a SQLite file, or a postgresql:// URL
    /// (claimtrace add fills one).
    #[arg(long, value_name = "TARGET")]
    pub db: Option<String>,
    /// Go on past inputs that cannot be read, warning about each on stderr.
    #[arg(long)]
    pub skip_bad: bool,
    /// The outlet that published the items, overriding what the inputs say.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Never show progress bars.
    #[arg(long, short)]
    pub quiet: bool,
}

impl InputArgs {
    /// The settings a run uses, from these flags and the command's build options.
    pub fn settings(&self, build: BuildOptions) -> Result<Settings> {
        if self.inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
            return Err(Usage("standard input (-) can be given once".into()).into());
        }
        Ok(Settings {
            inputs: self.inputs.clone(),
            skip_bad: self.skip_bad,
            read: ReadSettings {
                outlet: self.outlet.clone(),
                ..ReadSettings::default()
            },
            build,
        })
    }

    /// Reads and builds the graph of the inputs, with progress bars on a terminal, warning on
    /// stderr about each skipped input and ending with their count.
    pub fn graph(&self, build: BuildOptions) -> Result<Graph> {
        if let Some(db) = &self.db {
            return super::add::stored_graph(self, db, build);
        }
        let settings = self.settings(build)?;
        let bars = Bars::new(!self.quiet && std::io::stderr().is_terminal());
        let mut warn = |e: &InputError| bars.suspend(|| eprintln!("warning: skipped {}", shown(e)));
        let (graph, report) = claimtrace::run(&settings, &bars, &mut warn)?;
        if !report.not_news.is_empty() {
            eprintln!(
                "warning: {} file(s) under the directories given are not news and were not read",
                report.not_news.len()
            );
        }
        if !report.skipped.is_empty() {
            eprintln!("warning: {} bad input(s) skipped", report.skipped.len());
        }
        let versions = graph
            .petgraph()
            .edge_weights()
            .filter(|e| e.kind == EdgeKind::VersionOf)
            .count();
        if versions > 0 {
            eprintln!(
                "warning: {versions} later version(s) of items: one URL or record id read with \
                 different texts (kept as items of their own, linked by version_of)"
            );
        }
        Ok(graph)
    }
}
