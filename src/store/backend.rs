//! What the store asks of a database, so that everything above it (schema, add, load, check)
//! is written once for SQLite and PostgreSQL. Statements use `$1`, `$2`, ... for parameters
//! and only the SQL both dialects accept.

use super::StoreError;

/// A parameter of a statement.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Val<'a> {
    Int(i64),
    Text(&'a str),
}

/// A column of a result row.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    Null,
    Int(i64),
    Text(String),
    /// A binary column (kept link features, schema version 7 on).
    Bytes(Vec<u8>),
}

impl Cell {
    pub fn int(&self) -> i64 {
        match self {
            Cell::Int(i) => *i,
            Cell::Text(t) => t.parse().unwrap_or(0),
            Cell::Null | Cell::Bytes(_) => 0,
        }
    }

    pub fn into_text(self) -> String {
        match self {
            Cell::Text(t) => t,
            Cell::Int(i) => i.to_string(),
            Cell::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
            Cell::Null => String::new(),
        }
    }

    /// A binary column's bytes (a text column's, as a store of an older version kept it).
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Cell::Bytes(b) => b,
            Cell::Text(t) => t.into_bytes(),
            Cell::Int(_) | Cell::Null => Vec::new(),
        }
    }
}

/// Called with each row of a query, in the order the query gives.
pub(crate) type EachRow<'a> = &'a mut dyn FnMut(Vec<Cell>) -> Result<(), StoreError>;

/// One connection to a store's database.
pub(crate) trait Backend: Send {
    /// "sqlite" or "postgresql".
    fn kind(&self) -> &'static str;
    /// Starts the one writing transaction: another writer waits until it ends (SQLite's
    /// `BEGIN IMMEDIATE` under a busy timeout; a PostgreSQL advisory lock).
    fn begin_write(&mut self) -> Result<(), StoreError>;
    /// Starts a reading transaction: one snapshot for every query until `end`.
    fn begin_read(&mut self) -> Result<(), StoreError>;
    /// Commits the transaction.
    fn commit(&mut self) -> Result<(), StoreError>;
    /// Ends a transaction without keeping anything it wrote.
    fn rollback(&mut self);
    /// Runs statements without parameters or results.
    fn batch(&mut self, sql: &str) -> Result<(), StoreError>;
    /// Runs one statement; the number of rows it changed.
    fn exec(&mut self, sql: &str, params: &[Val]) -> Result<u64, StoreError>;
    /// Runs a query, handing each row on.
    fn query(&mut self, sql: &str, params: &[Val], each: EachRow) -> Result<(), StoreError>;
    /// Inserts text rows into `table`'s `columns` (SQLite: one prepared statement; PostgreSQL:
    /// COPY).
    fn insert_rows(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &mut dyn Iterator<Item = Vec<String>>,
    ) -> Result<u64, StoreError>;
    /// Inserts rows of one text column (the first of `columns`) and binary columns (the rest)
    /// into `table`.
    fn insert_binary_rows(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &mut dyn Iterator<Item = (String, Vec<Vec<u8>>)>,
    ) -> Result<u64, StoreError>;
    /// Whether `table` exists.
    fn has_table(&mut self, table: &str) -> Result<bool, StoreError>;
    /// The bytes the store takes on disk.
    fn size_bytes(&mut self) -> Result<u64, StoreError>;
    /// What the database's own integrity check finds wrong (nothing when sound).
    fn integrity(&mut self) -> Result<Vec<String>, StoreError>;
}

/// The first column of the first row of `sql`, as an integer (0 when there is no row).
pub(crate) fn scalar(db: &mut dyn Backend, sql: &str, params: &[Val]) -> Result<i64, StoreError> {
    let mut out = 0;
    let mut first = true;
    db.query(sql, params, &mut |row| {
        if first {
            out = row.into_iter().next().map_or(0, |c| c.int());
            first = false;
        }
        Ok(())
    })?;
    Ok(out)
}

/// The first column of every row of `sql`, as text.
pub(crate) fn first_column(
    db: &mut dyn Backend,
    sql: &str,
    params: &[Val],
) -> Result<Vec<String>, StoreError> {
    let mut out = Vec::new();
    db.query(sql, params, &mut |row| {
        out.push(
            row.into_iter()
                .next()
                .map(Cell::into_text)
                .unwrap_or_default(),
        );
        Ok(())
    })?;
    Ok(out)
}
