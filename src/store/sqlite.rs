//! The store in an embedded SQLite file (rusqlite, its own bundled SQLite): WAL journal, so
//! that a process killed mid-write leaves the file as it was before the transaction or after
//! it, and readers never wait for the writer; a second writer waits through the busy timeout.

use super::StoreError;
use super::backend::{Backend, Cell, EachRow, Val};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another writer's transaction to end before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(600);

pub(crate) struct Sqlite {
    conn: Connection,
    path: String,
}

fn err(path: &str, e: rusqlite::Error) -> StoreError {
    StoreError::new(path, e.to_string())
}

impl Sqlite {
    /// Opens the file at `path`, creating it when `create` (else a missing file is an error).
    pub fn open(path: &str, create: bool) -> Result<Sqlite, StoreError> {
        if !create && !Path::new(path).exists() {
            return Err(StoreError::new(
                path,
                "no store here (claimtrace add --db PATH creates one)",
            ));
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags).map_err(|e| err(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| err(path, e))?;
        // WAL: a commit is one append to the log, atomic however the process ends; readers
        // keep their snapshot while a writer works. NORMAL sync is durable across a process
        // kill (only a power cut can lose the last commit, never half of it).
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(|e| err(path, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::new(
                path,
                format!("cannot use the WAL journal here (journal mode {mode})"),
            ));
        }
        conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;")
            .map_err(|e| err(path, e))?;
        Ok(Sqlite {
            conn,
            path: path.to_string(),
        })
    }

    fn e(&self, e: rusqlite::Error) -> StoreError {
        err(&self.path, e)
    }
}

fn to_sql<'a>(v: &Val<'a>) -> ToSqlOutput<'a> {
    match *v {
        Val::Int(i) => ToSqlOutput::Owned(Value::Integer(i)),
        Val::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
    }
}

/// A text cell as a string: the store writes UTF-8 only, so the quick check passes and the
/// lossy repair (slower, a piece at a time) is left for a damaged file.
fn text(t: &[u8]) -> String {
    match std::str::from_utf8(t) {
        Ok(s) => s.to_owned(),
        Err(_) => String::from_utf8_lossy(t).into_owned(),
    }
}

/// The statement with PostgreSQL's `$N` parameters as SQLite's `?N` (SQLite would take `$1`
/// for a name and number the parameters by first appearance).
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

impl Backend for Sqlite {
    fn kind(&self) -> &'static str {
        "sqlite"
    }

    fn begin_write(&mut self) -> Result<(), StoreError> {
        // IMMEDIATE takes the write lock now, waiting (busy timeout) for another writer.
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.e(e))
    }

    fn begin_read(&mut self) -> Result<(), StoreError> {
        self.conn
            .execute_batch("BEGIN DEFERRED")
            .map_err(|e| self.e(e))
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        self.conn.execute_batch("COMMIT").map_err(|e| self.e(e))
    }

    fn rollback(&mut self) {
        let _ = self.conn.execute_batch("ROLLBACK");
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.conn.execute_batch(sql).map_err(|e| self.e(e))
    }

    fn exec(&mut self, sql: &str, params: &[Val]) -> Result<u64, StoreError> {
        let sql = numbered(sql);
        let mut st = self
            .conn
            .prepare_cached(&sql)
            .map_err(|e| err(&self.path, e))?;
        let n = st
            .execute(rusqlite::params_from_iter(params.iter().map(to_sql)))
            .map_err(|e| err(&self.path, e))?;
        Ok(n as u64)
    }

    fn query(&mut self, sql: &str, params: &[Val], each: EachRow) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sql = numbered(sql);
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| err(&path, e))?;
        let n = st.column_count();
        let mut rows = st
            .query(rusqlite::params_from_iter(params.iter().map(to_sql)))
            .map_err(|e| err(&path, e))?;
        while let Some(row) = rows.next().map_err(|e| err(&path, e))? {
            let mut cells = Vec::with_capacity(n);
            for i in 0..n {
                cells.push(match row.get_ref(i).map_err(|e| err(&path, e))? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(i) => Cell::Int(i),
                    ValueRef::Real(f) => Cell::Int(f as i64),
                    ValueRef::Text(t) => Cell::Text(text(t)),
                    ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
                });
            }
            each(cells)?;
        }
        Ok(())
    }

    fn insert_rows(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &mut dyn Iterator<Item = Vec<String>>,
    ) -> Result<u64, StoreError> {
        let sql = insert_sql(table, columns);
        let path = self.path.clone();
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| err(&path, e))?;
        let mut n = 0;
        for row in rows {
            st.execute(rusqlite::params_from_iter(row.iter()))
                .map_err(|e| err(&path, e))?;
            n += 1;
        }
        Ok(n)
    }

    fn insert_binary_rows(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &mut dyn Iterator<Item = (String, Vec<Vec<u8>>)>,
    ) -> Result<u64, StoreError> {
        let sql = insert_sql(table, columns);
        let path = self.path.clone();
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| err(&path, e))?;
        let mut n = 0;
        for (key, blobs) in rows {
            let mut vals = Vec::with_capacity(1 + blobs.len());
            vals.push(ToSqlOutput::Borrowed(ValueRef::Text(key.as_bytes())));
            vals.extend(
                blobs
                    .iter()
                    .map(|b| ToSqlOutput::Borrowed(ValueRef::Blob(b))),
            );
            st.execute(rusqlite::params_from_iter(vals))
                .map_err(|e| err(&path, e))?;
            n += 1;
        }
        Ok(n)
    }

    fn has_table(&mut self, table: &str) -> Result<bool, StoreError> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .map_err(|e| self.e(e))?;
        Ok(n > 0)
    }

    fn size_bytes(&mut self) -> Result<u64, StoreError> {
        let pages: i64 = self
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .map_err(|e| self.e(e))?;
        let size: i64 = self
            .conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .map_err(|e| self.e(e))?;
        Ok((pages * size) as u64)
    }

    fn integrity(&mut self) -> Result<Vec<String>, StoreError> {
        let mut st = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| err(&self.path, e))?;
        let lines = st
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| err(&self.path, e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| err(&self.path, e))?;
        Ok(lines
            .into_iter()
            .filter(|l| l != "ok")
            .map(|l| format!("SQLite integrity check: {l}"))
            .collect())
    }
}

/// The INSERT statement of `columns` of `table`, with one numbered parameter a column.
fn insert_sql(table: &str, columns: &[&str]) -> String {
    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        columns.join(", "),
        marks.join(", ")
    )
}
