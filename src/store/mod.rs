//! The persistent store: items as read, kept between runs, with the graph of all of them, in
//! an embedded SQLite file (the default) or a PostgreSQL database (a team's). `claimtrace add`
//! adds items; every reading command (`graph`, `origin`, `report`, `view`) reads the stored
//! graph with `--db` instead of reading inputs.
//!
//! One file per job: `backend.rs` (what the store asks of a database), `sqlite.rs` and
//! `postgres.rs` (the two databases), `schema.rs` (tables, versions, migrations), `add.rs`
//! (adding a batch and rebuilding the graph), `claims.rs` (each item's claims, kept), `digest.rs` (digests of JSON as it is written), `link.rs` (the reuse stage from kept features and
//! pair verdicts), `load.rs` (the graph back from its rows), `texts.rs` (item nodes' texts
//! kept once, with their items), `check.rs` (`db check`). docs/store.md says how it is used and what it guarantees.

mod add;
mod backend;
mod check;
mod claims;
mod digest;
mod link;
mod load;
mod postgres;
mod schema;
mod sqlite;
mod texts;

pub use add::AddReport;
pub use schema::VERSION as STORE_VERSION;

use crate::item::Item;
use crate::model::Graph;
use crate::progress::Progress;
use backend::{Backend, Cell};
use std::collections::BTreeMap;

/// Where a store is when `--db` is not given: `claimtrace.db` in the working directory.
pub const DEFAULT_STORE: &str = "claimtrace.db";

/// What went wrong with a store, on one line, naming the store.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{store}: {message}")]
pub struct StoreError {
    /// The store: its file, or its URL without a password.
    pub store: String,
    /// What is wrong, on one line.
    pub message: String,
}

impl StoreError {
    pub(crate) fn new(store: &str, message: impl Into<String>) -> StoreError {
        StoreError {
            store: store.to_string(),
            message: message.into().replace(['\n', '\r'], " "),
        }
    }
}

/// Counts of what a store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreStats {
    /// "sqlite" or "postgresql".
    pub backend: String,
    /// The store schema's version.
    pub version: i64,
    /// Batches added (an `add` that added nothing is none).
    pub batches: u64,
    /// Items stored.
    pub items: u64,
    /// Nodes of the graph, by kind.
    pub nodes: BTreeMap<String, u64>,
    /// Edges of the graph, by kind.
    pub edges: BTreeMap<String, u64>,
    /// Bytes the store takes on disk (SQLite: the file's pages; PostgreSQL: the tables with
    /// their indexes and TOAST).
    pub bytes: u64,
}

/// A persistent store of items and their graph. Open one with [`Store::open`] (an existing
/// store) or [`Store::create`] (made when missing); the target is a file path (SQLite) or a
/// `postgresql://` URL.
///
/// ```
/// use claimtrace::{BuildOptions, NoProgress, ReadSettings, Store};
///
/// let dir = std::env::temp_dir().join(format!("claimtrace-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let db = dir.join("story.db");
/// let records = std::fs::read_to_string("examples/reposts.jsonl")?;
/// let items = claimtrace::items_from_records("reposts.jsonl", &records, &ReadSettings::default())?;
/// let mut store = Store::create(db.to_str().unwrap())?;
/// let added = store.add(items, "reposts.jsonl", &NoProgress, &mut |_| {})?;
/// assert_eq!(added.new, 4);
/// let graph = store.graph(BuildOptions::default())?;
/// let lantern = claimtrace::find_item(&graph, "lantern-88")?;
/// assert_eq!(claimtrace::repost_dag(&graph, lantern).nodes.len(), 3);
/// # drop(store);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Store {
    db: Box<dyn Backend>,
    name: String,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("store", &self.name)
            .field("backend", &self.db.kind())
            .finish()
    }
}

/// Whether `target` names a PostgreSQL database (else it is a SQLite file).
pub fn is_postgres(target: &str) -> bool {
    target.starts_with("postgresql://") || target.starts_with("postgres://")
}

impl Store {
    /// Opens the store at `target`, which must exist (a SQLite file, or a PostgreSQL database
    /// holding a store), bringing an older store's schema up to date.
    pub fn open(target: &str) -> Result<Store, StoreError> {
        Store::connect(target, false, schema::VERSION)
    }

    /// Opens the store at `target`, creating it where there is none (a new SQLite file, or the
    /// tables in a PostgreSQL database, which must exist).
    pub fn create(target: &str) -> Result<Store, StoreError> {
        Store::connect(target, true, schema::VERSION)
    }

    /// Not part of the API: a store with the tables of an older schema `version`, as an older
    /// build would have written it, with `items` stored as that version stored them; for the
    /// migration tests.
    #[doc(hidden)]
    pub fn create_at_version(
        target: &str,
        version: i64,
        items: Vec<Item>,
    ) -> Result<(), StoreError> {
        let mut store = Store::connect(target, true, version)?;
        if !items.is_empty() {
            store.write(|db, name| {
                let mut note = |_: &str| {};
                if version >= 2 {
                    add::add(db, name, items, "older", &crate::NoProgress, &mut note)?;
                } else {
                    add_items_only(db, name, items)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    }

    fn connect(target: &str, create: bool, version: i64) -> Result<Store, StoreError> {
        let db: Box<dyn Backend> = if is_postgres(target) {
            Box::new(postgres::Postgres::open(target)?)
        } else {
            let path = target.strip_prefix("sqlite:").unwrap_or(target);
            Box::new(sqlite::Sqlite::open(path, create)?)
        };
        let name = if is_postgres(target) {
            postgres::without_password(target)
        } else {
            target.to_string()
        };
        let mut store = Store { db, name };
        let current = schema::version_of(store.db.as_mut())?;
        if current == 0 && !create {
            return Err(StoreError::new(
                &store.name,
                "holds no claimtrace store (claimtrace add --db creates one)",
            ));
        }
        if current != version {
            store.write(|db, name| {
                if schema::migrate(db, version, name)? {
                    add::rebuild(db, name, &crate::NoProgress, true)?;
                }
                Ok(())
            })?;
        }
        Ok(store)
    }

    /// Runs `f` in the one writing transaction: committed when it succeeds, rolled back when
    /// it fails (or when the process dies first: then the database drops it).
    fn write<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Backend, &str) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.db.begin_write()?;
        match f(self.db.as_mut(), &self.name) {
            Ok(v) => {
                self.db.commit()?;
                Ok(v)
            }
            Err(e) => {
                self.db.rollback();
                Err(e)
            }
        }
    }

    /// Runs `f` in a reading transaction: one snapshot, whatever a writer commits meanwhile.
    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Backend, &str) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.db.begin_read()?;
        let out = f(self.db.as_mut(), &self.name);
        self.db.rollback();
        out
    }

    /// The store's name in messages: its file, or its URL without a password.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// "sqlite" or "postgresql".
    pub fn backend(&self) -> &'static str {
        self.db.kind()
    }

    /// Adds `items` (read from the inputs `label` names, for the batch's record) in one
    /// transaction: the items not stored yet are stored, and the graph of every stored item
    /// replaces the stored graph, so that the store holds what one run over all inputs ever
    /// added builds. Items already stored change nothing; when none is new the store is left
    /// as it was. `note` hears one line when the items are stored and linking begins. A second
    /// writer waits for the first.
    pub fn add(
        &mut self,
        items: Vec<Item>,
        label: &str,
        progress: &dyn Progress,
        note: &mut dyn FnMut(&str),
    ) -> Result<AddReport, StoreError> {
        self.write(|db, name| add::add(db, name, items, label, progress, note))
    }

    /// The stored graph, byte for byte in every export what [`graph_of_items`](crate::graph_of_items)
    /// builds from every stored item; item texts only with `build.with_text`.
    pub fn graph(&mut self, build: crate::BuildOptions) -> Result<Graph, StoreError> {
        self.read(|db, name| load::graph(db, name, build.with_text))
    }

    /// The part of the stored graph that [`find_item`](crate::find_item) and
    /// [`repost_dag`](crate::repost_dag) read for the item `key` names, read through the
    /// store's indexes without loading the rest: the item, every item it was copied or
    /// rewritten from and theirs in turn, with their outlets, credits and items sharing text.
    /// When `key` names no one item by node id, URL, record id or exact title, the whole graph
    /// (so that a file name, part of a title or several matches are answered as ever).
    pub fn origin_graph(&mut self, key: &str) -> Result<Graph, StoreError> {
        self.read(|db, name| match load::item_graph(db, name, key)? {
            Some(g) => Ok(g),
            None => load::graph(db, name, false),
        })
    }

    /// Every stored item, in no particular order.
    pub fn items(&mut self) -> Result<Vec<Item>, StoreError> {
        self.read(|db, name| {
            Ok(add::stored_items(db, name)?
                .into_iter()
                .map(|(_, i)| i)
                .collect())
        })
    }

    /// What the store holds.
    pub fn stats(&mut self) -> Result<StoreStats, StoreError> {
        let backend = self.backend().to_string();
        self.read(|db, _| {
            let mut s = StoreStats {
                backend,
                version: schema::version_of(db)?,
                batches: schema::count(db, "ct_batches")? as u64,
                items: schema::count(db, "ct_items")? as u64,
                ..StoreStats::default()
            };
            for (table, into) in [("ct_nodes", &mut s.nodes), ("ct_edges", &mut s.edges)] {
                db.query(
                    &format!("SELECT kind, count(*) FROM {table} GROUP BY kind ORDER BY kind"),
                    &[],
                    &mut |row| {
                        let mut row = row.into_iter();
                        let kind = row.next().map(Cell::into_text).unwrap_or_default();
                        let n = row.next().map_or(0, |c| c.int());
                        into.insert(kind, n as u64);
                        Ok(())
                    },
                )?;
            }
            s.bytes = db.size_bytes()?;
            Ok(s)
        })
    }

    /// Everything wrong with the store: the database's own check, the schema version, every
    /// item reading back under its hash, the batches, and the stored graph against the graph
    /// its items build. Empty when sound.
    pub fn check(&mut self) -> Result<Vec<String>, StoreError> {
        self.read(check::check)
    }
}

/// Stores items as schema version 1 did: rows of `ct_items` and their batch, no graph.
fn add_items_only(db: &mut dyn Backend, _name: &str, items: Vec<Item>) -> Result<(), StoreError> {
    let mut rows = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for item in &items {
        let body = serde_json::to_string(item).unwrap_or_default();
        let hash = add::item_hash(&body);
        if seen.insert(hash.clone()) {
            rows.push(vec![hash, "1".to_string(), body]);
        }
    }
    let n = rows.len() as i64;
    db.exec(
        "INSERT INTO ct_batches (id, added, inputs, items) VALUES (1, '2026-01-01T00:00:00Z', 'older', $1)",
        &[backend::Val::Int(n)],
    )?;
    db.insert_rows(
        "ct_items",
        &["hash", "batch", "body"],
        &mut rows.into_iter(),
    )?;
    Ok(())
}
