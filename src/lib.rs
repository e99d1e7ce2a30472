//! claimtrace traces where a news story came from: it reads news items, finds their claims,
//! speakers, outlets and dates, links reposted and rewritten copies to their sources, and builds
//! a graph of it all that exports as JSON (the contract in `schemas/graph.schema.json`), Graphviz
//! DOT, or the formats of the field's tools: GEXF, GraphML, W3C PROV-JSON, Cytoscape.js JSON and
//! schema.org Claim JSON-LD ([`Format`]).
//!
//! The pipeline runs one way, a stage at a time, each taking the previous one's output as plain
//! data (see ARCHITECTURE.md):
//!
//! | stage | what | here |
//! | --- | --- | --- |
//! | read | inputs (files, JSON records) → [`Item`]s | [`read_inputs`], [`read_input`], [`items_from_records`], [`item_from_record`], the [`Reader`] trait; a step at a time: [`list_inputs`], [`read_listed`], [`gather_reads`] (or [`admit_reads`] of each read's [`ReadOutline`]), then [`prepare_items`] (or [`distinct_items`] per [`item_key`], then the order of [`order_key`]) |
//! | extract | an item → its [`ClaimMention`]s and speakers | [`extract_claims`], [`canonicalise_speakers`], [`extract_all_claims`] |
//! | link | items → reuse [`ItemLink`]s (reposts, rewrites, shared text); quotations changed between items | [`link_items`], [`link_items_with`], [`mark_quote_variants`]; per item and pair: [`item_features`], [`candidate_pairs`], [`feature_pairs`], [`verify_pair`], [`verify_candidate`]; then [`finish_links`] |
//! | build | items, claims and links → the [`Graph`] | [`build_graph`]; [`graph_of_analysed`] from per-item claims and verified pairs; an item at a time, merged by id: [`item_keys`], [`link_part`], [`item_parts`], [`NodePart`], [`EdgePart`] |
//! | export | the graph → JSON, DOT, an HTML view, GEXF, GraphML, PROV-JSON, Cytoscape.js, Claim JSON-LD, passim records | [`write_graph`], [`Format`], [`write_view`] |
//! | parts | the graph ↔ partitioned node and edge files | [`write_parts`], [`read_parts`] |
//! | store | items kept between runs, with their graph, in SQLite or PostgreSQL (feature `store`) | [`Store`] |
//! | provenance | questions to the graph | [`find_item`], [`repost_dag`], [`report_item`], [`report_items`], [`appearances`], [`first_appearance`], [`story_items`], [`story_graph`], [`summarize`] |
//!
//! [`run`] does it all for the inputs of a [`Settings`], and [`graph_of_items`] for items read
//! any other way. A stage can also run on its own, for a job that spreads items over machines:
//! each item's claims are its own ([`extract_claims`]), and so are its features
//! ([`item_features`]); candidate pairs come from a join on features ([`feature_pairs`]), each
//! verified on its own ([`verify_candidate`]); speakers made one across items, rewrites, the
//! nearest sources and the graph look across items ([`graph_of_analysed`], which gives
//! exactly what [`graph_of_items`] gives), and each is cut into steps a job runs a key, an item
//! or a pair at a time (the graph: [`item_parts`] merged by id, [`graph_of_parts`]). Long stages report to a [`Progress`] ([`NoProgress`] to report to nobody).
//!
//! ```
//! use claimtrace::{BuildOptions, Format, NoProgress, ReadSettings};
//!
//! let records = r#"
//! {"id": "wire-1", "outlet": "Northwind Wire", "published": "2024-05-02", "title": "Bridge to reopen", "text": "The Harbor Bridge will reopen on Monday after repairs, transport minister Alma Ruiz said on Thursday."}
//! "#;
//! let items = claimtrace::items_from_records("news.jsonl", records, &ReadSettings::default())?;
//! let graph = claimtrace::graph_of_items(items, BuildOptions::default(), &NoProgress);
//!
//! let mut json = Vec::new();
//! claimtrace::write_graph(&graph, Format::Json, &mut json)?;
//! assert!(String::from_utf8(json)?.contains("Alma Ruiz"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The command line (`claimtrace graph|origin|report`) is a client of this API; it is the
//! package's binary, built with the default `cli` feature, and none of its dependencies are the
//! library's.

#![warn(missing_docs)]

/// The library's version (its crate's), as clients report it: the Python package's
/// `claimtrace.__version__` is this.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

mod build;
mod byline;
mod credit;
mod dates;
mod export;
mod extract;
mod item;
mod link;
mod model;
mod outlets;
mod parts;
mod pipeline;
mod progress;
mod provenance;
mod read;
mod segment;
#[cfg(feature = "store")]
mod store;
mod vocab;

// Running the whole pipeline.
pub use pipeline::{RunReport, Settings, extract_all_claims, graph_of_items, read_inputs, run};
// The same run a step at a time, for a job that spreads it over machines (docs/spark.md).
pub use pipeline::{
    InputRead, ReadOutline, admit_reads, gather_reads, graph_of_analysed, graph_of_linked,
    graph_of_named, list_inputs, prepare_items, read_listed,
};
// `prepare_items` a key and an item at a time, for a job that never gathers the items.
pub use build::{OrderKey, distinct_items, item_key, order_key};
pub use progress::{NoProgress, Progress};

// Reading: inputs and records to items.
pub use item::{Credit, FILE_CHANGED, Item, ItemMeta, VerbatimRun};
pub use read::{
    Input, InputError, InputSource, Limits, Listed, Location, ReadSettings, Reader,
    item_from_record, items_from_records, read_input, reader_for, readers,
};

// Claims and speakers.
pub use extract::{
    CanonicalSpeaker, ClaimMention, NameForm, QuoteVariant, SpeakerMention, apply_speakers,
    canonicalise_speakers, extract_claims, name_forms, speakers_of_forms,
};

// Reuse between items.
pub use link::{
    ItemLink, LinkKind, LinkParams, VerifiedPair, candidate_pairs, feature_pairs, finish_links,
    item_features, link_groups, link_items, link_items_with, mark_quote_variants, nearest_sources,
    rewrite_links, verify_candidate, verify_pair,
};
// The rewrite step a word, an item and a pair at a time, for a job that never holds the run.
pub use link::steps::{
    RewriteKeys, RewriteLookup, RewritePosting, rewrite_candidates, rewrite_keys, rewrite_lookup,
    rewrite_pair,
};
// Quotation variants a wording at a time, for a job that never holds the run's claims.
pub use link::steps::{QuoteWording, mark_variants, quote_variants, quote_wordings};

// The graph.
pub use build::{BuildOptions, build_graph};
// The graph an item at a time, merged by id, for a job that never holds the run.
pub use build::{
    EdgePart, ItemKeyed, ItemParts, KeyFacts, LinkPart, NodePart, graph_of_parts, item_keys,
    item_parts, key_facts, link_part,
};
pub use model::{
    ClaimNode, DateNode, Edge, EdgeDetail, EdgeKind, Graph, ItemNode, Node, NodeData, NodeKind,
    OutletNode, SCHEMA_NAME, SCHEMA_VERSION, SpeakerNode,
};

// Exports.
pub use export::{Format, UnknownFormat, ViewOptions, write as write_graph, write_view};

// The graph as partitioned node and edge files (a distributed job's output).
pub use parts::{parts_manifest, read_parts, write_parts};

// The persistent store (SQLite or PostgreSQL): items kept between runs, with their graph.
#[cfg(feature = "store")]
pub use store::{
    AddReport, DEFAULT_STORE, STORE_VERSION, Store, StoreError, StoreStats, is_postgres,
};

// Provenance queries.
pub use provenance::{
    Attribution, ClaimFirstSeen, CopyEvidence, CopyGroup, CopyOf, Credited, Disagreement,
    FindItemError, ItemRef, ItemReport, MostCopied, RepostDag, SourceNode, SourceStep, Summary,
    VariantOf, appearances, find_item, first_appearance, report_item, report_items, repost_dag,
    stories, story_graph, story_items, summarize,
};

// The words the stages share.
pub use vocab::{
    Alignment, ClaimKind, Degree, Origin, Rewrite, SentencePair, Span, SpanBasis, url_key,
};

/// Not part of the API: the insides of some stages, for the benches, examples and evaluation
/// tests that measure or calibrate them (`benches/`, `examples/synth_reposts.rs stats`,
/// `examples/body_eval.rs`, `tests/web_readability.rs`). Anything here may change in any
/// release.
#[doc(hidden)]
pub mod internals {
    pub use crate::extract::tokens::paragraphs;
    pub use crate::link::normalise::{shingles, tokens};
    pub use crate::link::{CandidateStats, RewriteStats, candidate_stats, rewrite_stats};
    pub use crate::read::html::charset::decode as decode_html;
    pub use crate::read::html::strip::html_to_text;
    pub use crate::read::html::{BodyExtractor, Page, page_item_with, parse_date};
    pub use crate::read::text::TextReader;
    pub use crate::segment::segment_with;
}
