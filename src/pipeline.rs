//! The pipeline: read inputs → items → claims → reuse links → graph. Each stage is its own
//! module; this file only runs them in order and reports progress.

use crate::build::{BuildOptions, build_graph};
use crate::extract::{ClaimMention, canonicalise_speakers, extract_claims};
use crate::item::Item;
use crate::link::{LinkParams, link_items_with, mark_quote_variants};
use crate::model::Graph;
use crate::progress::Progress;
use crate::read::{Input, InputError, ReadSettings, collect_inputs, read_input};
use std::path::PathBuf;

/// What a run reads and how.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Files and directories to read (directories recursively, in sorted order); `-` is
    /// standard input.
    pub inputs: Vec<PathBuf>,
    /// Go on past bad inputs, warning about each.
    pub skip_bad: bool,
    /// What the readers need to know beyond the bytes.
    pub read: ReadSettings,
    /// What the graph holds.
    pub build: BuildOptions,
}

/// Everything a run produced besides the graph.
#[derive(Debug, Default)]
pub struct RunReport {
    /// Inputs skipped with `skip_bad`, with why.
    pub skipped: Vec<InputError>,
}

/// The items of every input of `settings`, in input order. With `skip_bad`, a bad input is
/// reported to `warn` and skipped; without it, the first bad input ends the run.
pub fn read_inputs(
    settings: &Settings,
    progress: &dyn Progress,
    warn: &mut dyn FnMut(&InputError),
) -> Result<(Vec<Item>, RunReport), InputError> {
    let sources = collect_inputs(&settings.inputs)?;
    progress.stage("reading", sources.len() as u64);
    let mut items = Vec::new();
    let mut report = RunReport::default();
    for source in &sources {
        let read = Input::load(source).and_then(|input| read_input(&input, &settings.read));
        match read {
            Ok(mut v) => items.append(&mut v),
            Err(e) if settings.skip_bad => {
                warn(&e);
                report.skipped.push(e);
            }
            Err(e) => return Err(e),
        }
        progress.advance(1);
    }
    progress.finish();
    Ok((items, report))
}

/// The claims of every item (`claims[i]` of `items[i]`), speakers canonicalised across items,
/// quotations printed with words changed or left out marked as variants of their original.
pub fn extract_all_claims(items: &[Item]) -> Vec<Vec<ClaimMention>> {
    let mut claims: Vec<Vec<ClaimMention>> = items.iter().map(extract_claims).collect();
    canonicalise_speakers(&mut claims);
    mark_quote_variants(items, &mut claims);
    claims
}

/// The graph of items however they were read: their claims, the reuse links between them, and
/// everything built from those.
pub fn graph_of_items(items: Vec<Item>, build: BuildOptions, progress: &dyn Progress) -> Graph {
    let claims = extract_all_claims(&items);
    let links = link_items_with(&items, &LinkParams::default(), progress);
    build_graph(items, claims, &links, build)
}

/// Reads, analyses and builds the graph of a whole run.
pub fn run(
    settings: &Settings,
    progress: &dyn Progress,
    warn: &mut dyn FnMut(&InputError),
) -> Result<(Graph, RunReport), InputError> {
    let (items, report) = read_inputs(settings, progress, warn)?;
    Ok((graph_of_items(items, settings.build, progress), report))
}
