//! claimtrace db: what a store holds (stats) and whether it is sound (check).

use super::terminal::shown;
use anyhow::{Result, bail};
use claimtrace::Store;

const USAGE: &str = "\
stats prints what the store holds: its backend and schema version, batches, items, the graph's
nodes and edges by kind, and its size on disk. check verifies it: the database's own integrity
check, the schema version, every item reading back under its hash, the batches, and the stored
graph against the graph its items build; it prints what is wrong and exits 1, or exits 0 when
the store is sound.

Examples:
  claimtrace db stats --db claimtrace.db
  claimtrace db check --db postgresql://desk@localhost:5432/claims";

/// The flags of `claimtrace db`, as parsed.
#[derive(Debug, clap::Args)]
#[command(after_long_help = USAGE, after_help = USAGE)]
pub struct Args {
    /// stats or check.
    #[arg(value_enum)]
    pub action: Action,
    /// The store: a SQLite file, or a postgresql:// URL.
    #[arg(long, value_name = "TARGET", default_value = claimtrace::DEFAULT_STORE)]
    pub db: String,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Action {
    /// Counts of what the store holds.
    Stats,
    /// Whether the store is sound (exit 0) or what is wrong (exit 1).
    Check,
}

pub fn run(args: Args) -> Result<()> {
    let mut store = Store::open(&args.db)?;
    match args.action {
        Action::Stats => {
            let s = store.stats()?;
            println!("store     {} ({})", shown(store.name()), s.backend);
            println!("schema    version {}", s.version);
            println!("batches   {}", s.batches);
            println!("items     {}", s.items);
            let nodes: u64 = s.nodes.values().sum();
            let edges: u64 = s.edges.values().sum();
            println!("nodes     {nodes}");
            for (k, n) in &s.nodes {
                println!("  {k:<14}{n}");
            }
            println!("edges     {edges}");
            for (k, n) in &s.edges {
                println!("  {k:<14}{n}");
            }
            let per = s.bytes.checked_div(s.items).unwrap_or(0);
            println!("bytes     {} ({per} per item)", s.bytes);
        }
        Action::Check => {
            let problems = store.check()?;
            if !problems.is_empty() {
                for p in &problems {
                    println!("{}", shown(p));
                }
                bail!(
                    "{}: {} problem(s) found",
                    shown(store.name()),
                    problems.len()
                );
            }
            println!("{}: sound", shown(store.name()));
        }
    }
    Ok(())
}
