//! The store in a PostgreSQL database, for a team sharing one: any libpq-style URL
//! (`postgresql://USER@HOST:PORT/DB`, `?host=/run/postgresql` for a socket). Writers take an
//! advisory lock for the length of their transaction, so a second `add` waits for the first; a
//! killed client's transaction is rolled back and its lock dropped by the server.

use super::StoreError;
use super::backend::{Backend, Cell, EachRow, Val};
use postgres::types::{ToSql, Type};
use postgres::{Client, NoTls};
use std::io::Write;

/// The advisory lock every writer of a store takes (an arbitrary constant: "claimtrace").
const WRITE_LOCK: i64 = 0x636c_6169_6d74;

pub(crate) struct Postgres {
    client: Client,
    /// The URL without a password, for messages.
    shown: String,
    /// Whether this session holds the writers' lock.
    locked: bool,
}

/// The URL with any password replaced, fit for an error message.
pub(crate) fn without_password(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://")
        && let Some((auth, host)) = rest.split_once('@')
        && let Some((user, _)) = auth.split_once(':')
    {
        return format!("{scheme}://{user}:***@{host}");
    }
    url.to_string()
}

impl Postgres {
    pub fn open(url: &str) -> Result<Postgres, StoreError> {
        let shown = without_password(url);
        let client = Client::connect(url, NoTls)
            .map_err(|e| StoreError::new(&shown, format!("cannot connect: {}", one_line(&e))))?;
        let mut pg = Postgres {
            client,
            shown,
            locked: false,
        };
        // Quiet the server's notices ("relation already exists, skipping").
        pg.batch("SET client_min_messages = WARNING")?;
        Ok(pg)
    }

    /// Releases the writers' lock if this session holds it.
    fn unlock(&mut self) {
        if self.locked {
            let _ = self
                .client
                .execute("SELECT pg_advisory_unlock($1)", &[&WRITE_LOCK]);
            self.locked = false;
        }
    }

    fn e(&self, e: postgres::Error) -> StoreError {
        StoreError::new(&self.shown, one_line(&e))
    }
}

/// The error with its cause (the server's message), on one line.
fn one_line(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => e.to_string(),
    }
    .replace(['\n', '\r'], " ")
}

fn params<'a>(vals: &'a [Val<'a>], ints: &'a [i64]) -> Vec<&'a (dyn ToSql + Sync)> {
    vals.iter()
        .zip(ints)
        .map(|(v, i)| match v {
            Val::Int(_) => i as &(dyn ToSql + Sync),
            Val::Text(t) => t as &(dyn ToSql + Sync),
        })
        .collect()
}

/// A field of COPY's text format: backslash, tab and line breaks escaped.
fn copy_field(out: &mut Vec<u8>, s: &str) {
    for b in s.bytes() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

impl Backend for Postgres {
    fn kind(&self) -> &'static str {
        "postgresql"
    }

    fn begin_write(&mut self) -> Result<(), StoreError> {
        // The lock is the session's, taken before the transaction begins: a transaction begun
        // before it waited would keep the catalog it saw then (a store another writer just
        // created would look absent). The server drops it with a dead client's session.
        self.client
            .execute("SELECT pg_advisory_lock($1)", &[&WRITE_LOCK])
            .map_err(|e| self.e(e))?;
        self.locked = true;
        let begun = self.batch("BEGIN ISOLATION LEVEL READ COMMITTED");
        if begun.is_err() {
            self.unlock();
        }
        begun
    }

    fn begin_read(&mut self) -> Result<(), StoreError> {
        self.batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        let done = self.batch("COMMIT");
        self.unlock();
        done
    }

    fn rollback(&mut self) {
        let _ = self.client.batch_execute("ROLLBACK");
        self.unlock();
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.client.batch_execute(sql).map_err(|e| self.e(e))
    }

    fn exec(&mut self, sql: &str, vals: &[Val]) -> Result<u64, StoreError> {
        let ints: Vec<i64> = vals
            .iter()
            .map(|v| if let Val::Int(i) = v { *i } else { 0 })
            .collect();
        self.client
            .execute(sql, &params(vals, &ints))
            .map_err(|e| self.e(e))
    }

    fn query(&mut self, sql: &str, vals: &[Val], each: EachRow) -> Result<(), StoreError> {
        let ints: Vec<i64> = vals
            .iter()
            .map(|v| if let Val::Int(i) = v { *i } else { 0 })
            .collect();
        let p = params(vals, &ints);
        let shown = self.shown.clone();
        let rows = self
            .client
            .query_raw(sql, p.iter().copied())
            .map_err(|e| StoreError::new(&shown, one_line(&e)))?;
        let mut rows = rows;
        use postgres::fallible_iterator::FallibleIterator;
        while let Some(row) = rows
            .next()
            .map_err(|e| StoreError::new(&shown, one_line(&e)))?
        {
            let mut cells = Vec::with_capacity(row.len());
            for (i, col) in row.columns().iter().enumerate() {
                let bad = |e: postgres::Error| StoreError::new(&shown, one_line(&e));
                let cell = match *col.type_() {
                    Type::INT8 => row
                        .try_get::<_, Option<i64>>(i)
                        .map_err(bad)?
                        .map(Cell::Int),
                    Type::INT4 => row
                        .try_get::<_, Option<i32>>(i)
                        .map_err(bad)?
                        .map(|v| Cell::Int(v.into())),
                    Type::INT2 => row
                        .try_get::<_, Option<i16>>(i)
                        .map_err(bad)?
                        .map(|v| Cell::Int(v.into())),
                    Type::BOOL => row
                        .try_get::<_, Option<bool>>(i)
                        .map_err(bad)?
                        .map(|v| Cell::Int(v.into())),
                    Type::BYTEA => row
                        .try_get::<_, Option<Vec<u8>>>(i)
                        .map_err(bad)?
                        .map(Cell::Bytes),
                    _ => row
                        .try_get::<_, Option<String>>(i)
                        .map_err(bad)?
                        .map(Cell::Text),
                };
                cells.push(cell.unwrap_or(Cell::Null));
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
        let sql = format!("COPY {table} ({}) FROM STDIN", columns.join(", "));
        let shown = self.shown.clone();
        let io = |e: std::io::Error| StoreError::new(&shown, format!("COPY into {table}: {e}"));
        let mut w = self
            .client
            .copy_in(&sql)
            .map_err(|e| StoreError::new(&shown, one_line(&e)))?;
        let mut buf = Vec::with_capacity(1 << 16);
        for row in rows {
            for (i, f) in row.iter().enumerate() {
                if i > 0 {
                    buf.push(b'\t');
                }
                copy_field(&mut buf, f);
            }
            buf.push(b'\n');
            if buf.len() >= 1 << 16 {
                w.write_all(&buf).map_err(io)?;
                buf.clear();
            }
        }
        w.write_all(&buf).map_err(io)?;
        w.finish()
            .map_err(|e| StoreError::new(&shown, one_line(&e)))
    }

    fn insert_binary_rows(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &mut dyn Iterator<Item = (String, Vec<Vec<u8>>)>,
    ) -> Result<u64, StoreError> {
        // COPY's text format takes a bytea field as `\\x` and hex digits (the backslash
        // escaped as every backslash of the format is).
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut rows = rows.map(|(key, blobs)| {
            let mut row = Vec::with_capacity(1 + blobs.len());
            row.push(key);
            for b in blobs {
                let mut f = String::with_capacity(2 + 2 * b.len());
                f.push_str("\\x");
                for x in b {
                    f.push(HEX[usize::from(x >> 4)] as char);
                    f.push(HEX[usize::from(x & 15)] as char);
                }
                row.push(f);
            }
            row
        });
        self.insert_rows(table, columns, &mut rows)
    }

    fn has_table(&mut self, table: &str) -> Result<bool, StoreError> {
        let row = self
            .client
            .query_one("SELECT to_regclass($1) IS NOT NULL", &[&table])
            .map_err(|e| self.e(e))?;
        Ok(row.get(0))
    }

    fn size_bytes(&mut self) -> Result<u64, StoreError> {
        let row = self
            .client
            .query_one(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint \
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
                 WHERE c.relkind = 'r' AND n.nspname = current_schema() \
                 AND c.relname LIKE 'ct\\_%'",
                &[],
            )
            .map_err(|e| self.e(e))?;
        let n: i64 = row.get(0);
        Ok(n as u64)
    }

    fn integrity(&mut self) -> Result<Vec<String>, StoreError> {
        // The server keeps its own pages sound (checksums, WAL); the store's checks are above.
        Ok(Vec::new())
    }
}
