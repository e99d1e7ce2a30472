//! claimtrace add: items into a store, linked to everything stored before; and the graph of a
//! store for the reading commands' `--db`.

use super::Usage;
use super::inputs::InputArgs;
use super::progress::Bars;
use super::terminal::shown;
use anyhow::Result;
use claimtrace::{BuildOptions, DEFAULT_STORE, Graph, InputError, Store};
use std::io::IsTerminal;

const USAGE: &str = "\
Reads every input like `claimtrace graph` and adds its items to a store: a SQLite file
(./claimtrace.db unless --db says otherwise; created when missing) or a PostgreSQL database
(--db postgresql://USER@HOST:PORT/DB; its tables are created when missing). The new items are
linked to every item stored before and the store's graph is rebuilt, so that the store holds
what one `claimtrace graph` over every input ever added would build, whatever the batches and
their order; items already stored change nothing. An add is one transaction: killed at any
point, it leaves the store as it was; a second add at the same time waits for the first.

Then every reading command takes the store instead of inputs: graph, origin, report and view
--db TARGET; `claimtrace db stats|check --db TARGET` counts and checks it (docs/store.md).

Examples:
  claimtrace add monday/                       into ./claimtrace.db
  claimtrace add --db story.db tuesday.jsonl
  claimtrace add --db postgresql://desk@localhost:5432/claims feeds/
  claimtrace origin --db story.db --item 'https://blog.example/post'";

/// The flags of `claimtrace add`, as parsed.
#[derive(Debug, clap::Args)]
#[command(after_long_help = USAGE, after_help = USAGE)]
#[command(mut_arg("db", |a| a.help("The store: a SQLite file (default ./claimtrace.db), or a postgresql:// URL")))]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
}

pub fn run(args: Args) -> Result<()> {
    let input = &args.input;
    if input.inputs.is_empty() {
        return Err(Usage("add needs the inputs to add (files, directories, -)".into()).into());
    }
    let target = input.db.as_deref().unwrap_or(DEFAULT_STORE);
    let settings = input.settings(BuildOptions::default())?;
    let bars = Bars::new(!input.quiet && std::io::stderr().is_terminal());
    // Read first, outside the store's transaction: a bad input leaves the store untouched.
    let mut warn = |e: &InputError| bars.suspend(|| eprintln!("warning: skipped {}", shown(e)));
    let (items, report) = claimtrace::read_inputs(&settings, &bars, &mut warn)?;
    if !report.skipped.is_empty() {
        eprintln!("warning: {} bad input(s) skipped", report.skipped.len());
    }
    let label = input
        .inputs
        .iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ");
    let mut store = Store::create(target)?;
    let quiet = input.quiet;
    let mut note = |line: &str| {
        if !quiet {
            bars.suspend(|| eprintln!("{}", shown(line)));
        }
    };
    let added = store.add(items, &label, &bars, &mut note)?;
    match added.batch {
        Some(b) => println!(
            "added {} new item(s) of {} read as batch {b}; {} holds {} item(s)",
            added.new,
            added.read,
            shown(store.name()),
            added.stored
        ),
        None => println!(
            "no new items among {} read; {} is unchanged ({} item(s))",
            added.read,
            shown(store.name()),
            added.stored
        ),
    }
    Ok(())
}

/// The graph a reading command's `--db` names.
pub fn stored_graph(input: &InputArgs, db: &str, build: BuildOptions) -> Result<Graph> {
    no_inputs_beside(input)?;
    Ok(Store::open(db)?.graph(build)?)
}

/// What `origin --db` needs of the stored graph to answer for `item`.
pub fn stored_origin_graph(input: &InputArgs, db: &str, item: &str) -> Result<Graph> {
    no_inputs_beside(input)?;
    Ok(Store::open(db)?.origin_graph(item)?)
}

fn no_inputs_beside(input: &InputArgs) -> Result<()> {
    if !input.inputs.is_empty() || input.skip_bad || input.outlet.is_some() {
        return Err(Usage(
            "--db reads the store instead of inputs: give no INPUT, --skip-bad or --outlet \
             (claimtrace add stores inputs)"
                .into(),
        )
        .into());
    }
    Ok(())
}
