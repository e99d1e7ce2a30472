//! The store's tables and their versions. Each migration takes a store from the version before
//! it to its own, inside the writer's transaction; a store of any older version is brought up to
//! date when it is opened, one step at a time, so a store written by the first version still
//! opens. Add a version by appending a migration (never edit one that has shipped) and
//! bumping [`VERSION`]; `tests/store.rs` migrates a store of every version.
//!
//! Tables are prefixed `ct_` so that a team's PostgreSQL database can hold other things too.
//! Bodies are the JSON the rest of the library reads and writes: an item as serde writes it,
//! a node or edge exactly as the graph's JSON export does.

use super::StoreError;
use super::backend::{Backend, Cell, Val, scalar};

/// The store schema's version this build writes.
pub const VERSION: i64 = 8;

pub(crate) struct Migration {
    pub version: i64,
    /// The SQL (both dialects) that takes the store from the previous version to this one.
    pub sql: &'static str,
    /// Whether the built graph's tables must be rebuilt from the stored items afterwards.
    pub rebuild: bool,
}

pub(crate) const MIGRATIONS: &[Migration] = &[
    // 1: the items as read (never the input files again) and the batches that added them.
    Migration {
        version: 1,
        sql: "
            CREATE TABLE ct_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE ct_batches (
                id BIGINT PRIMARY KEY,
                added TEXT NOT NULL,
                inputs TEXT NOT NULL,
                items BIGINT NOT NULL
            );
            CREATE TABLE ct_items (
                hash TEXT PRIMARY KEY,
                batch BIGINT NOT NULL,
                body TEXT NOT NULL
            );",
        rebuild: false,
    },
    // 2: the graph built from every stored item, so that reading commands rebuild nothing.
    Migration {
        version: 2,
        sql: "
            CREATE TABLE ct_nodes (id TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL);
            CREATE TABLE ct_edges (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                source TEXT NOT NULL,
                target TEXT NOT NULL,
                body TEXT NOT NULL
            );",
        rebuild: true,
    },
    // 3: edges indexed by their ends and item nodes by the names a user gives them, so that
    // `origin` reads the few rows of one item's sources.
    Migration {
        version: 3,
        sql: "
            CREATE INDEX ct_edges_source ON ct_edges (source);
            CREATE INDEX ct_edges_target ON ct_edges (target);
            CREATE TABLE ct_names (name TEXT NOT NULL, node TEXT NOT NULL);
            CREATE INDEX ct_names_name ON ct_names (name);",
        rebuild: true,
    },
    // 4: each item's own claims, so that an add extracts the claims of its new items only.
    // The rebuild fills it (the graph comes out the same).
    Migration {
        version: 4,
        sql: "CREATE TABLE ct_claims (key TEXT PRIMARY KEY, body TEXT NOT NULL);",
        rebuild: true,
    },
    // 5: names indexed by their node too: an add rewrites only the rows that changed, and
    // drops the names of the item nodes it rewrites.
    Migration {
        version: 5,
        sql: "CREATE INDEX ct_names_node ON ct_names (node);",
        rebuild: false,
    },
    // 6: what the link stage computes per item (indexed shingles, word keys) and the verdict
    // on each candidate pair verified, so that an add reads and verifies its new items' only;
    // and each graph row's digest, so that an add finds the rows that changed without reading
    // every body. Filled by the next add (a row without a digest is compared by its body).
    Migration {
        version: 6,
        sql: "
            CREATE TABLE ct_features (
                key TEXT PRIMARY KEY,
                shingles TEXT NOT NULL,
                words TEXT NOT NULL
            );
            CREATE TABLE ct_pairs (
                a TEXT NOT NULL,
                b TEXT NOT NULL,
                common TEXT NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (a, b)
            );
            ALTER TABLE ct_nodes ADD COLUMN digest TEXT;
            ALTER TABLE ct_edges ADD COLUMN digest TEXT;",
        rebuild: false,
    },
    // 7: the link features as binary columns (8 bytes a hash) instead of base64 text: a
    // quarter smaller, and read back without decoding. The table is made anew, empty: the next
    // add computes every stored item's features from its text again, once (what version 6's
    // first add did). `BYTEA` is PostgreSQL's binary type; SQLite keeps the bytes as given.
    // And the graph's rows with their digest before their body: SQLite lays a row's columns
    // out in order, so a digest after a long body (an item's text) is read by walking the
    // body's overflow pages, and an add reads every row's digest. The rows are copied as they
    // are.
    Migration {
        version: 7,
        sql: "
            DROP TABLE ct_features;
            CREATE TABLE ct_features (
                key TEXT PRIMARY KEY,
                shingles BYTEA NOT NULL,
                words BYTEA NOT NULL
            );
            CREATE TABLE ct_nodes_7 (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                digest TEXT,
                body TEXT NOT NULL
            );
            INSERT INTO ct_nodes_7 (id, kind, digest, body)
                SELECT id, kind, digest, body FROM ct_nodes;
            DROP TABLE ct_nodes;
            ALTER TABLE ct_nodes_7 RENAME TO ct_nodes;
            CREATE TABLE ct_edges_7 (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                source TEXT NOT NULL,
                target TEXT NOT NULL,
                digest TEXT,
                body TEXT NOT NULL
            );
            INSERT INTO ct_edges_7 (id, kind, source, target, digest, body)
                SELECT id, kind, source, target, digest, body FROM ct_edges;
            DROP TABLE ct_edges;
            ALTER TABLE ct_edges_7 RENAME TO ct_edges;
            CREATE INDEX ct_edges_source ON ct_edges (source);
            CREATE INDEX ct_edges_target ON ct_edges (target);",
        rebuild: false,
    },
    // 8: item nodes without their texts, which `ct_items` keeps already: `text_of` names the
    // stored item whose text a node shows (`texts.rs`), and the row's digest covers that text.
    // Every graph row is written anew (the rebuild, from the kept features and verdicts), so
    // each item's text is no longer stored twice.
    Migration {
        version: 8,
        sql: "ALTER TABLE ct_nodes ADD COLUMN text_of TEXT;",
        rebuild: true,
    },
];

/// The version the store's tables are at (0: an empty database).
pub(crate) fn version_of(db: &mut dyn Backend) -> Result<i64, StoreError> {
    if !db.has_table("ct_meta")? {
        return Ok(0);
    }
    let mut v = None;
    db.query(
        "SELECT value FROM ct_meta WHERE key = $1",
        &[Val::Text("schema_version")],
        &mut |row| {
            v = row.into_iter().next().map(Cell::into_text);
            Ok(())
        },
    )?;
    Ok(v.and_then(|s| s.parse().ok()).unwrap_or(0))
}

pub(crate) fn set_version(db: &mut dyn Backend, version: i64) -> Result<(), StoreError> {
    let v = version.to_string();
    if db.exec(
        "UPDATE ct_meta SET value = $1 WHERE key = 'schema_version'",
        &[Val::Text(&v)],
    )? == 0
    {
        db.exec(
            "INSERT INTO ct_meta (key, value) VALUES ('schema_version', $1)",
            &[Val::Text(&v)],
        )?;
    }
    Ok(())
}

/// Brings the store up to `target` within the current writing transaction; whether the graph
/// must be rebuilt. A store newer than this build is an error: its tables may mean more than
/// this build knows.
pub(crate) fn migrate(db: &mut dyn Backend, target: i64, name: &str) -> Result<bool, StoreError> {
    let from = version_of(db)?;
    if from > VERSION {
        return Err(StoreError::new(
            name,
            format!(
                "store schema version {from} is newer than this build's ({VERSION}): use a newer claimtrace"
            ),
        ));
    }
    let mut rebuild = false;
    for m in MIGRATIONS
        .iter()
        .filter(|m| m.version > from && m.version <= target)
    {
        db.batch(m.sql)?;
        set_version(db, m.version)?;
        rebuild |= m.rebuild && from > 0;
    }
    Ok(rebuild)
}

/// How many rows `table` has.
pub(crate) fn count(db: &mut dyn Backend, table: &str) -> Result<i64, StoreError> {
    scalar(db, &format!("SELECT count(*) FROM {table}"), &[])
}
