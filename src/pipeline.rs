//! The pipeline: read inputs → items → claims → reuse links → graph. Each stage is its own
//! module; this file only runs them in order and reports progress.

use crate::build::{BuildOptions, build_graph};
use crate::extract::{ClaimMention, canonicalise_speakers, extract_claims};
use crate::item::Item;
use crate::link::{LinkParams, link_items_with};
use crate::model::Graph;
use crate::read::{Input, InputError, ReadSettings, collect_inputs, read_input};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;

/// What a run reads and how: the settings the program runs on, derived from the parsed flags.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub inputs: Vec<PathBuf>,
    /// Go on past bad inputs, warning about each.
    pub skip_bad: bool,
    pub read: ReadSettings,
    pub build: BuildOptions,
    /// Show progress bars on stderr (they hide themselves when stderr is not a terminal).
    pub progress: bool,
}

/// Everything a run produced besides the graph.
#[derive(Debug, Default)]
pub struct RunReport {
    /// Inputs skipped with `--skip-bad`, with why.
    pub skipped: Vec<InputError>,
}

/// The items of every input, in input order. With `skip_bad`, a bad input is reported to `warn`
/// and skipped; without it, the first bad input ends the run.
pub fn read_all(
    settings: &Settings,
    warn: &mut dyn FnMut(&InputError),
) -> Result<(Vec<Item>, RunReport), InputError> {
    let sources = collect_inputs(&settings.inputs)?;
    let bar = progress_bar(settings.progress, sources.len() as u64, "reading");
    let mut items = Vec::new();
    let mut report = RunReport::default();
    for source in &sources {
        let read = Input::load(source).and_then(|input| read_input(&input, &settings.read));
        match read {
            Ok(mut v) => items.append(&mut v),
            Err(e) if settings.skip_bad => {
                bar.suspend(|| warn(&e));
                report.skipped.push(e);
            }
            Err(e) => return Err(e),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok((items, report))
}

/// The claims of every item, speakers canonicalised across items.
pub fn extract_all(items: &[Item]) -> Vec<Vec<ClaimMention>> {
    let mut claims: Vec<Vec<ClaimMention>> = items.iter().map(extract_claims).collect();
    canonicalise_speakers(&mut claims);
    claims
}

/// Reads, analyses and builds the graph of a whole run.
pub fn run(
    settings: &Settings,
    warn: &mut dyn FnMut(&InputError),
) -> Result<(Graph, RunReport), InputError> {
    let (items, report) = read_all(settings, warn)?;
    let claims = extract_all(&items);
    let bar = progress_bar(settings.progress, items.len() as u64, "indexing");
    let links = link_items_with(&items, &LinkParams::default(), &bar);
    Ok((build_graph(items, claims, &links, settings.build), report))
}

fn progress_bar(enabled: bool, len: u64, what: &'static str) -> ProgressBar {
    if !enabled || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len).with_message(what);
    if let Ok(style) = ProgressStyle::with_template("{msg:>9} [{bar:30}] {pos}/{len} ({eta})") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
