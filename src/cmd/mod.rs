//! The command line, a client of the library's public API like any other: one file per
//! subcommand, each opening with its usage text; the flags every command shares (`inputs.rs`,
//! `output.rs`); progress bars (`progress.rs`). Part of the binary, not of the library.

mod add;
mod db;
mod graph;
mod inputs;
mod origin;
mod output;
mod progress;
mod report;
mod select;
mod summary;
mod terminal;
mod view;

use clap::{Parser, Subcommand};

const ABOUT: &str = "\
Trace where a news story came from: claims, speakers, outlets and dates of news items,
and the reposts between them, as a graph (JSON or Graphviz DOT) or a page to explore.";

const EXAMPLES: &str = "\
Examples:
  claimtrace graph examples/reposts.jsonl             JSON graph on stdout
  claimtrace graph --format dot examples/ | dot -Tsvg > graph.svg
  claimtrace graph -o graph.json --skip-bad corpus/   a directory, past bad files
  claimtrace origin corpus/ --item 'https://blog.example/post'   chain to the first source
  claimtrace report corpus/                           provenance of every item, in words
  claimtrace view corpus/ -o story.html               a timeline to explore, offline
  claimtrace add monday/ && claimtrace add tuesday/   a store (./claimtrace.db) that grows
  claimtrace origin --db claimtrace.db --item 'https://blog.example/post'";

#[derive(Debug, Parser)]
#[command(name = "claimtrace", version, about = ABOUT, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the provenance graph of the inputs and write it as JSON or DOT.
    Graph(graph::Args),
    /// Trace an item back through the reposts to its first known source.
    Origin(origin::Args),
    /// Print where each item came from, in plain words.
    Report(report::Args),
    /// Write an HTML page that shows the story on a timeline, offline.
    View(view::Args),
    /// Add items to a store (SQLite file or PostgreSQL), linked to everything stored before.
    Add(add::Args),
    /// A store's counts (stats) or soundness (check).
    Db(db::Args),
}

/// A usage error found after the flags were parsed (clap reports its own): exit code 2.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Exit codes: 0 success, 1 bad input or failed output, 2 usage error.
pub fn main() -> i32 {
    input_changed_is_an_input_error();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Graph(args) => graph::run(args),
        Command::Origin(args) => origin::run(args),
        Command::Report(args) => report::run(args),
        Command::View(args) => view::run(args),
        Command::Add(args) => add::run(args),
        Command::Db(args) => db::run(args),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            // Error messages quote inputs (file names, record ids): escaped for the terminal,
            // line by line (a message may list the items a key matches, one per line).
            let message = format!("{e:#}");
            let lines: Vec<String> = message.split('\n').map(terminal::shown).collect();
            eprintln!("error: {}", lines.join("\n"));
            if e.downcast_ref::<Usage>().is_some() {
                eprintln!("\nFor more information, try '--help'.");
                2
            } else {
                1
            }
        }
    }
}

/// A large record file's texts are read back from it while the run lasts (the library's
/// `FILE_CHANGED`): a file changed under the run is an input that cannot be read, reported as
/// every other one (`error: FILE: byte N: ...`, exit code 1), not as a crash. Every other panic
/// is a bug and keeps Rust's report.
fn input_changed_is_an_input_error() {
    let bug = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied());
        match message.filter(|m| m.contains(claimtrace::FILE_CHANGED)) {
            Some(m) => {
                eprintln!("error: {}", terminal::shown(m));
                std::process::exit(1);
            }
            None => bug(info),
        }
    }));
}
