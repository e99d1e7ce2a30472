//! The command line: one file per subcommand, each opening with its usage text. The binary
//! (src/main.rs) only calls `main`.

pub mod graph;
mod output;

use clap::{Parser, Subcommand};

const ABOUT: &str = "\
Trace where a news story came from: claims, speakers, outlets and dates of news items,
and the reposts between them, as a graph (JSON or Graphviz DOT).";

const EXAMPLES: &str = "\
Examples:
  claimtrace graph examples/reposts.jsonl             JSON graph on stdout
  claimtrace graph --format dot examples/ | dot -Tsvg > graph.svg
  claimtrace graph -o graph.json --skip-bad corpus/   a directory, past bad files";

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
}

/// Exit codes: 0 success, 1 bad input or failed output, 2 usage error (clap's own).
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Graph(args) => graph::run(args),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e:#}");
            1
        }
    }
}
