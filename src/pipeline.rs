//! The pipeline: read inputs → items → claims → reuse links → graph. Each stage is its own
//! module; this file only runs them in order and reports progress.

use crate::build::{BuildOptions, build_graph, distinct_items, in_canonical_order};
use crate::extract::{ClaimMention, canonicalise_speakers, extract_claims};
use crate::item::Item;
use crate::link::{LinkParams, link_items_with, mark_quote_variants};
use crate::model::Graph;
use crate::progress::Progress;
use crate::read::{
    Input, InputError, InputSource, Listed, Location, Read, ReadSettings, bytes_in_words,
    collect_inputs, read_as,
};
use rayon::prelude::*;
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
    /// Entries under a directory given that were passed over as no news, with why: files no
    /// reader takes (an image, a CSV table), a folder's README or licence, JSON that holds no
    /// records, an HTML fragment, a named pipe, a second link to a file already read.
    pub not_news: Vec<InputError>,
}

/// The items of every input of `settings`, in input order. With `skip_bad`, a bad input is
/// reported to `warn` and skipped; without it, the first bad input ends the run. Entries under a
/// directory that are not news are reported to `warn` and passed over either way.
pub fn read_inputs(
    settings: &Settings,
    progress: &dyn Progress,
    warn: &mut dyn FnMut(&InputError),
) -> Result<(Vec<Item>, RunReport), InputError> {
    let listed = collect_inputs(&settings.inputs);
    let to_read = listed
        .iter()
        .filter(|l| matches!(l, Listed::Read(_)))
        .count();
    progress.stage("reading", to_read as u64);
    let limits = &settings.read.limits;
    let mut items = Vec::new();
    let mut report = RunReport::default();
    let mut run_text = 0u64;
    for l in listed {
        let mut name = String::new();
        let read = match l {
            Listed::Read(source) => {
                let found = matches!(source, InputSource::Found(_));
                name = match &source {
                    InputSource::Stdin => "-".into(),
                    InputSource::File(p) | InputSource::Found(p) => p.to_string_lossy().into(),
                };
                let read = Input::load(&source, limits.input_bytes)
                    .and_then(|input| read_as(&input, &settings.read, found));
                progress.advance(1);
                read
            }
            Listed::Bad(e) => Err(e),
            Listed::NotNews(e) => Ok(Read::NotNews(e)),
        };
        match read {
            Ok(Read::Items(mut v)) => {
                let text: u64 = v.iter().map(|it| it.text.len() as u64).sum();
                if run_text + text <= limits.run_text_bytes {
                    run_text += text;
                    items.append(&mut v);
                    continue;
                }
                let e = InputError::new(
                    name,
                    Location::File,
                    format!(
                        "its items would take the run past {} of text, the run limit: not read",
                        bytes_in_words(limits.run_text_bytes)
                    ),
                );
                if !settings.skip_bad {
                    return Err(e);
                }
                warn(&e);
                report.skipped.push(e);
            }
            Ok(Read::NotNews(e)) => {
                warn(&e);
                report.not_news.push(e);
            }
            Err(e) if settings.skip_bad => {
                warn(&e);
                report.skipped.push(e);
            }
            Err(e) => return Err(e),
        }
    }
    progress.finish();
    Ok((items, report))
}

/// The claims of every item (`claims[i]` of `items[i]`), speakers canonicalised across items,
/// quotations printed with words changed or left out marked as variants of their original.
pub fn extract_all_claims(items: &[Item]) -> Vec<Vec<ClaimMention>> {
    extract_all_claims_with(items, &crate::progress::NoProgress)
}

/// `extract_all_claims`, counting items done to `progress`.
fn extract_all_claims_with(items: &[Item], progress: &dyn Progress) -> Vec<Vec<ClaimMention>> {
    // Each item's claims are its own: extracted on every core, collected in item order. Each
    // list is held until the graph is built, so it keeps no room to grow (a claim is a few
    // hundred bytes before its text).
    let mut claims: Vec<Vec<ClaimMention>> = items
        .par_iter()
        .map(|item| {
            let mut claims = extract_claims(item);
            claims.shrink_to_fit();
            progress.advance(1);
            claims
        })
        .collect();
    canonicalise_speakers(&mut claims);
    mark_quote_variants(items, &mut claims);
    claims
}

/// The graph of items however they were read: their claims, the reuse links between them, and
/// everything built from those. A text read twice under one key (one file given twice, one
/// entry in two feeds) is one item before any of that, so that it is never taken for reuse;
/// the items then go through the stages in an order of their own, so that the graph is the
/// same whatever order they came in.
pub fn graph_of_items(items: Vec<Item>, build: BuildOptions, progress: &dyn Progress) -> Graph {
    let mut items = distinct_items(items);
    in_canonical_order(&mut items);
    progress.stage("extracting", items.len() as u64);
    let claims = extract_all_claims_with(&items, progress);
    let links = link_items_with(&items, &LinkParams::default(), progress);
    progress.stage("building", 1);
    let graph = build_graph(items, claims, &links, build);
    progress.finish();
    graph
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
