//! The pipeline: read inputs → items → claims → reuse links → graph. Each stage is its own
//! module; this file only runs them in order and reports progress.

use crate::build::{BuildOptions, build_graph, distinct_items, in_canonical_order};
use crate::extract::{
    CanonicalSpeaker, ClaimMention, apply_speakers, canonicalise_speakers, extract_claims,
    speakers_of_claims,
};
use crate::item::Item;
use crate::link::{
    ItemLink, LinkParams, VerifiedPair, finish_links, mark_quote_variants, verified_candidates,
};
use crate::model::Graph;
use crate::progress::Progress;
use crate::read::{
    InputError, InputSource, Listed, Location, Read, ReadSettings, bytes_in_words, collect_inputs,
    read_source,
};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
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
    let listed = list_inputs(settings);
    let read_settings = ReadSettings {
        run_bytes: run_bytes(&listed),
        ..settings.read.clone()
    };
    let to_read = listed
        .iter()
        .filter(|l| matches!(l, Listed::Read(_)))
        .count();
    progress.stage("reading", to_read as u64);
    // Lazily: without `skip_bad`, nothing after the first bad input is read.
    let reads = listed.into_iter().map(|l| {
        let counts = matches!(l, Listed::Read(_));
        let read = read_listed(l, &read_settings);
        if counts {
            progress.advance(1);
        }
        read
    });
    let out = gather_reads(settings, reads, warn)?;
    progress.finish();
    Ok(out)
}

/// The bytes of the files listed to be read (standard input counts nothing): what decides
/// whether files of records leave their texts in them ([`ReadSettings::run_bytes`]).
fn run_bytes(listed: &[Listed]) -> u64 {
    listed
        .iter()
        .filter_map(|l| match l {
            Listed::Read(InputSource::File(p) | InputSource::Found(p)) => {
                std::fs::metadata(p).ok().map(|m| m.len())
            }
            _ => None,
        })
        .fold(0u64, u64::saturating_add)
}

/// The inputs of a run, as the walk of `settings.inputs` lists them, in the order they are
/// read: each directory replaced by the files under it (sorted by path, hidden ones passed
/// over), entries that are no news and paths that cannot be read marked as such. The first of
/// the steps [`read_inputs`] takes, for a job that reads the inputs on many machines
/// ([`read_listed`]) and gathers them on one ([`gather_reads`]).
pub fn list_inputs(settings: &Settings) -> Vec<Listed> {
    collect_inputs(&settings.inputs)
}

/// What reading one listed input gave ([`read_listed`]). It serialises (serde), so that the
/// reading can be done on another machine.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum InputRead {
    /// The input's items; `name` is the input's (its path as given or found, `-` for stdin).
    Items {
        /// The input's name.
        name: String,
        /// Its items, in input order.
        items: Vec<Item>,
    },
    /// An entry under a directory that holds no news: passed over, with why.
    NotNews(InputError),
    /// An input that cannot be read.
    Failed(InputError),
}

/// Reads one entry of [`list_inputs`] as [`read_inputs`] does.
pub fn read_listed(listed: Listed, settings: &ReadSettings) -> InputRead {
    match listed {
        Listed::Read(source) => {
            let found = matches!(source, InputSource::Found(_));
            let name: String = match &source {
                InputSource::Stdin => "-".into(),
                InputSource::File(p) | InputSource::Found(p) => p.to_string_lossy().into(),
            };
            match read_source(&source, settings, found) {
                Ok(Read::Items(items)) => InputRead::Items { name, items },
                Ok(Read::NotNews(e)) => InputRead::NotNews(e),
                Err(e) => InputRead::Failed(e),
            }
        }
        Listed::Bad(e) => InputRead::Failed(e),
        Listed::NotNews(e) => InputRead::NotNews(e),
    }
}

/// What gathering decides a read by, without its items: a job keeps the reads where they were
/// made and sends only these to one place ([`admit_reads`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ReadOutline {
    /// An input that gave items: its name and the bytes of their texts.
    Items {
        /// The input's name.
        name: String,
        /// The bytes of its items' texts, which count toward the run's text limit.
        text_bytes: u64,
    },
    /// An entry that holds no news.
    NotNews(InputError),
    /// An input that cannot be read.
    Failed(InputError),
}

impl InputRead {
    /// What [`admit_reads`] decides this read by.
    pub fn outline(&self) -> ReadOutline {
        match self {
            InputRead::Items { name, items } => ReadOutline::Items {
                name: name.clone(),
                text_bytes: items.iter().map(|it| it.text_len() as u64).sum(),
            },
            InputRead::NotNews(e) => ReadOutline::NotNews(e.clone()),
            InputRead::Failed(e) => ReadOutline::Failed(e.clone()),
        }
    }
}

/// The gathering rule, a read at a time: what the run has admitted so far, and its report.
struct Admission<'a> {
    settings: &'a Settings,
    run_text: u64,
    report: RunReport,
}

impl<'a> Admission<'a> {
    /// Nothing admitted yet.
    fn new(settings: &'a Settings) -> Self {
        Admission {
            settings,
            run_text: 0,
            report: RunReport::default(),
        }
    }

    /// Whether the read outlined gives its items to the run: with `skip_bad`, a bad input is
    /// reported to `warn` and skipped; without it, it is the error; an entry that is not news
    /// is reported and passed over; an input whose items would take the run past its text
    /// limit is bad input.
    fn admit(
        &mut self,
        outline: ReadOutline,
        warn: &mut dyn FnMut(&InputError),
    ) -> Result<bool, InputError> {
        let limit = self.settings.read.limits.run_text_bytes;
        match outline {
            ReadOutline::Items { name, text_bytes } => {
                if self.run_text + text_bytes <= limit {
                    self.run_text += text_bytes;
                    return Ok(true);
                }
                let e = InputError::new(
                    name,
                    Location::File,
                    format!(
                        "its items would take the run past {} of text, the run limit: not read",
                        bytes_in_words(limit)
                    ),
                );
                if !self.settings.skip_bad {
                    return Err(e);
                }
                warn(&e);
                self.report.skipped.push(e);
            }
            ReadOutline::NotNews(e) => {
                warn(&e);
                self.report.not_news.push(e);
            }
            ReadOutline::Failed(e) if self.settings.skip_bad => {
                warn(&e);
                self.report.skipped.push(e);
            }
            ReadOutline::Failed(e) => return Err(e),
        }
        Ok(false)
    }
}

/// Which reads of a run's listed inputs give their items to the run, from their
/// [`ReadOutline`]s in the order [`list_inputs`] gave them (`admitted[i]` of the `i`th), by
/// [`gather_reads`]' rule: a job that keeps each read where it was made decides with these
/// alone.
pub fn admit_reads(
    settings: &Settings,
    outlines: impl IntoIterator<Item = ReadOutline>,
    warn: &mut dyn FnMut(&InputError),
) -> Result<(Vec<bool>, RunReport), InputError> {
    let mut admission = Admission::new(settings);
    let admitted = outlines
        .into_iter()
        .map(|o| admission.admit(o, warn))
        .collect::<Result<Vec<bool>, InputError>>()?;
    Ok((admitted, admission.report))
}

/// The items of a run from the reads of its listed inputs, in the order [`list_inputs`] gave
/// them, as [`read_inputs`] gathers them: with `skip_bad`, a bad input is reported to `warn`
/// and skipped; without it, the first one is the error; entries that are not news are
/// reported and passed over; an input whose items would take the run past its text limit is
/// bad input. A read at a time: nothing after the error is taken from `reads`.
pub fn gather_reads(
    settings: &Settings,
    reads: impl IntoIterator<Item = InputRead>,
    warn: &mut dyn FnMut(&InputError),
) -> Result<(Vec<Item>, RunReport), InputError> {
    let mut admission = Admission::new(settings);
    let mut items = Vec::new();
    for read in reads {
        if admission.admit(read.outline(), warn)?
            && let InputRead::Items { items: mut v, .. } = read
        {
            items.append(&mut v);
        }
    }
    Ok((items, admission.report))
}

/// The claims of every item (`claims[i]` of `items[i]`), speakers canonicalised across items,
/// quotations printed with words changed or left out marked as variants of their original.
pub fn extract_all_claims(items: &[Item]) -> Vec<Vec<ClaimMention>> {
    extract_all_claims_with(items, &crate::progress::NoProgress)
}

/// `extract_all_claims`, counting items done to `progress`.
fn extract_all_claims_with(items: &[Item], progress: &dyn Progress) -> Vec<Vec<ClaimMention>> {
    let mut claims = claims_of_each(items, progress);
    canonicalise_speakers(&mut claims);
    mark_quote_variants(items, &mut claims);
    claims
}

/// Each item's own claims (`extract_claims`), counting items done to `progress`.
fn claims_of_each(items: &[Item], progress: &dyn Progress) -> Vec<Vec<ClaimMention>> {
    // Each item's claims are its own: extracted on every core, collected in item order. Each
    // list is held until the graph is built, so it keeps no room to grow (a claim is a few
    // hundred bytes before its text).
    items
        .par_iter()
        .map(|item| {
            let mut claims = extract_claims(item);
            claims.shrink_to_fit();
            progress.advance(1);
            claims
        })
        .collect()
}

/// The graph of items however they were read: their claims, the reuse links between them, and
/// everything built from those. A text read twice under one key (one file given twice, one
/// entry in two feeds) is one item before any of that, so that it is never taken for reuse;
/// the items then go through the stages in an order of their own, so that the graph is the
/// same whatever order they came in.
pub fn graph_of_items(items: Vec<Item>, build: BuildOptions, progress: &dyn Progress) -> Graph {
    let items = prepare_items(items);
    progress.stage("extracting", items.len() as u64);
    let claims = claims_of_each(&items, progress);
    let verified = verified_candidates(&items, &LinkParams::default(), progress);
    graph_of_analysed(items, claims, verified, build, progress)
}

/// The items of a run as the cross-item stages take them: a text read twice under one key is
/// one item (the capture at the first place, with a warning naming the others), and the items
/// are in a canonical order (place, key, text), whatever order they came in. The first step of
/// [`graph_of_items`]; a job that spreads a run over machines indexes items by their place
/// here, as [`verify_candidate`](crate::verify_candidate) and [`graph_of_analysed`] expect.
pub fn prepare_items(items: Vec<Item>) -> Vec<Item> {
    let mut items = distinct_items(items);
    in_canonical_order(&mut items);
    items
}

/// The rest of [`graph_of_items`] after its per-item and per-pair work: `items` as
/// [`prepare_items`] gave them, `claims[i]` the [`extract_claims`] of `items[i]`, and
/// `verified` every candidate pair that [`verify_candidate`](crate::verify_candidate) linked (in
/// any order). Speakers are made one across items ([`speakers_of_forms`](crate::speakers_of_forms) of every item's
/// [`name_forms`](crate::name_forms)), then [`graph_of_named`]: the graph [`graph_of_items`] builds from the same
/// items.
pub fn graph_of_analysed(
    items: Vec<Item>,
    claims: Vec<Vec<ClaimMention>>,
    verified: Vec<VerifiedPair>,
    build: BuildOptions,
    progress: &dyn Progress,
) -> Graph {
    let speakers = speakers_of_claims(&claims);
    graph_of_named(items, claims, verified, &speakers, build, progress)
}

/// [`graph_of_analysed`] with the speakers already decided: `speakers` are what
/// [`speakers_of_forms`](crate::speakers_of_forms) gives for the [`name_forms`](crate::name_forms) of every item (a job decides them grouped
/// by [`NameForm::key`](crate::NameForm::key) on many machines). The reuse links are finished ([`finish_links`]:
/// rewritten stories found and each copy's nearest sources kept), then [`graph_of_linked`].
pub fn graph_of_named(
    items: Vec<Item>,
    claims: Vec<Vec<ClaimMention>>,
    verified: Vec<VerifiedPair>,
    speakers: &[CanonicalSpeaker],
    build: BuildOptions,
    progress: &dyn Progress,
) -> Graph {
    let links = finish_links(&items, verified, &LinkParams::default(), progress);
    graph_of_linked(items, claims, links, speakers, build, progress)
}

/// The graph of prepared `items` from their claims (`claims[i]` of `items[i]`), their reuse
/// links as [`finish_links`] gives them (or [`nearest_sources`](crate::nearest_sources) of
/// every group of links, merged: in any order) and the speakers decided
/// ([`speakers_of_forms`](crate::speakers_of_forms)): each claim's speaker given its canonical name ([`apply_speakers`]),
/// quotations changed between items marked, and the graph built.
pub fn graph_of_linked(
    items: Vec<Item>,
    mut claims: Vec<Vec<ClaimMention>>,
    mut links: Vec<ItemLink>,
    speakers: &[CanonicalSpeaker],
    build: BuildOptions,
    progress: &dyn Progress,
) -> Graph {
    apply_speakers(&mut claims, speakers);
    mark_quote_variants(&items, &mut claims);
    // In the order finish_links gives them, however a job merged them.
    links.sort_by_key(|l| (l.copy, l.source));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_s_size_is_the_bytes_of_every_file_it_reads() {
        let dir = std::env::temp_dir().join(format!("claimtrace-run-bytes-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("more")).unwrap();
        let a = r#"{"id": "a", "text": "A ferry ran late."}"#.to_string() + "\n";
        let b = r#"{"id": "b", "text": "The tram line opened on the quay."}"#.to_string() + "\n";
        std::fs::write(dir.join("a.jsonl"), &a).unwrap();
        std::fs::write(dir.join("more/b.jsonl"), &b).unwrap();
        // Passed over as no news: not read, not counted.
        std::fs::write(dir.join("more/picture.png"), [0x89u8, b'P', b'N', b'G']).unwrap();
        let settings = Settings {
            inputs: vec![dir.clone()],
            ..Settings::default()
        };
        let listed = list_inputs(&settings);
        assert_eq!(run_bytes(&listed), (a.len() + b.len()) as u64);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
