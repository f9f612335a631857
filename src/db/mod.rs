//! Connections to SQLite or PostgreSQL behind one type, the pool, and embedded migrations.

/// What every query wrapper of ours (`Wrapper<Q>`: SQL written around a query `Q`) needs
/// besides its SQL: its rows are `Q`'s, it has no static query id (the connection keys its
/// prepared statement by the SQL text), and it runs like any query. `query_wrapper!(Name,
/// RowType)` does the same for a statement of our own whose rows are `RowType`.
macro_rules! query_wrapper {
    ($name:ident, $rows:ty) => {
        impl diesel::query_builder::Query for $name {
            type SqlType = $rows;
        }

        impl diesel::query_builder::QueryId for $name {
            type QueryId = ();
            const HAS_STATIC_QUERY_ID: bool = false;
        }

        impl<C> diesel::RunQueryDsl<C> for $name {}
    };
    ($name:ident) => {
        impl<Q: diesel::query_builder::Query> diesel::query_builder::Query for $name<Q> {
            type SqlType = Q::SqlType;
        }

        impl<Q> diesel::query_builder::QueryId for $name<Q> {
            type QueryId = ();
            const HAS_STATIC_QUERY_ID: bool = false;
        }

        impl<Q, C> diesel::RunQueryDsl<C> for $name<Q> {}
    };
}
pub(crate) use query_wrapper;

pub mod backup;
pub mod cached;
pub mod schema;
pub mod time;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use diesel::Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub use cached::{cached, Kept};
pub use time::{OptTime, Time};

/// One connection type for both backends: queries are written once against it.
/// PostgreSQL first, as diesel tries the variants in order.
#[derive(diesel::MultiConnection)]
pub enum Conn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

pub type Pool = diesel::r2d2::Pool<Manager>;
pub type PooledConn = diesel::r2d2::PooledConnection<Manager>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where the database is, with the backend chosen from the URL's scheme, not by trial:
/// an unreachable PostgreSQL then fails with its own message rather than a vague one.
#[derive(Debug, Clone)]
pub struct DbUrl {
    pub backend: Backend,
    /// For SQLite, a file path; for PostgreSQL, the URL as given.
    pub target: String,
}

impl DbUrl {
    pub fn parse(url: &str) -> Result<DbUrl, String> {
        let url = url.trim();
        if url.is_empty() {
            return Err("DATABASE_URL is empty".into());
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let rest = url.split_once("://").map(|(_, r)| r).unwrap_or("");
            if rest.is_empty() || rest.starts_with('/') && rest.len() == 1 {
                return Err(format!(
                    "DATABASE_URL {url:?} names no PostgreSQL host or database"
                ));
            }
            return Ok(DbUrl {
                backend: Backend::Postgres,
                target: url.to_string(),
            });
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.contains("://") {
            return Err(format!(
                "DATABASE_URL {url:?} is neither postgres://… nor a SQLite file path"
            ));
        }
        if path.is_empty() {
            return Err(format!("DATABASE_URL {url:?} names no SQLite file"));
        }
        Ok(DbUrl {
            backend: Backend::Sqlite,
            target: path.to_string(),
        })
    }
}

/// r2d2 manager that opens the right backend and applies SQLite's per-connection settings.
#[derive(Debug)]
pub struct Manager {
    url: DbUrl,
}

/// A pooled connection and when it was last handed back, so only one that sat idle is
/// tested before use (see `Manager::is_valid`).
pub struct Pooled {
    conn: Conn,
    returned: std::time::Instant,
}

impl std::ops::Deref for Pooled {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        &self.conn
    }
}

impl std::ops::DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut Conn {
        &mut self.conn
    }
}

/// A connection handed back within this long is used again without a test query, unless its
/// socket shows the server gone: a round trip before each use cost a busy worker a third of
/// its statements.
const FRESH: Duration = Duration::from_secs(1);

impl Pooled {
    /// Whether the server has closed this connection, from what already arrived on its socket
    /// (a read that does not wait, no round trip). A connection whose last statement failed
    /// because the server went away says so here too.
    fn closed(&mut self) -> bool {
        match &mut self.conn {
            // Twice: the first read may take the server's farewell message, the second then
            // meets the closed socket.
            Conn::Pg(pg) => (0..2).any(|_| pg.notifications_iter().any(|n| n.is_err())),
            Conn::Sqlite(_) => false,
        }
    }
}

impl diesel::r2d2::ManageConnection for Manager {
    type Connection = Pooled;
    type Error = diesel::ConnectionError;

    fn connect(&self) -> Result<Pooled, Self::Error> {
        let conn = match self.url.backend {
            Backend::Postgres => {
                let mut c = PgConnection::establish(&self.url.target)?;
                // PostgreSQL's default prices a random read at four sequential ones, as on a
                // spinning disk; Pressroom's tables sit in memory or on SSDs, where the usual
                // advice is 1.1. With the default the calendar hashed all 100k pieces to join
                // a month's thousand variants (11 ms) instead of looking each up (2.4 ms).
                c.batch_execute("SET random_page_cost = 1.1")
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Conn::Pg(c)
            }
            Backend::Sqlite => {
                stable_sqlite_plans();
                let mut c = SqliteConnection::establish(&self.url.target)?;
                // WAL lets readers run beside the writer; busy_timeout makes writers wait for
                // each other instead of failing; foreign keys are off by default in SQLite;
                // memory-mapped reads and a 16 MB page cache keep list pages off syscalls.
                c.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                     PRAGMA mmap_size = 268435456; PRAGMA cache_size = -16000;",
                )
                .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                sqlite_functions(&mut c)
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Conn::Sqlite(c)
            }
        };
        Ok(Pooled {
            conn,
            returned: std::time::Instant::now(),
        })
    }

    fn is_valid(&self, conn: &mut Pooled) -> Result<(), Self::Error> {
        if conn.returned.elapsed() < FRESH && !conn.closed() {
            return Ok(());
        }
        conn.conn
            .batch_execute("SELECT 1")
            .map_err(diesel::ConnectionError::CouldntSetupConfiguration)
    }

    fn has_broken(&self, conn: &mut Pooled) -> bool {
        conn.returned = std::time::Instant::now();
        conn.closed()
    }
}

/// Turns on SQLite's query planner stability guarantee for every connection this process
/// opens (and turns off its memory statistics, below). Without it SQLite re-plans a statement each time a value is bound to its `LIMIT ?`
/// (every diesel `.first()`) or, with STAT4, to a comparison with an indexed column: diesel's
/// cached statement was compiled again on every call, half the CPU of publishing.
fn stable_sqlite_plans() {
    use libsqlite3_sys as ffi;
    unsafe extern "C" fn on_open(
        db: *mut ffi::sqlite3,
        _err: *mut *mut std::ffi::c_char,
        _api: *const ffi::sqlite3_api_routines,
    ) -> std::ffi::c_int {
        // SAFETY: SQLite calls this with the connection it is opening; the option takes an
        // int and an optional out-pointer, which may be null.
        unsafe {
            ffi::sqlite3_db_config(
                db,
                ffi::SQLITE_DBCONFIG_ENABLE_QPSG,
                1 as std::ffi::c_int,
                std::ptr::null_mut::<std::ffi::c_int>(),
            );
        }
        ffi::SQLITE_OK
    }
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: both are called once per process before this process opens a connection; the
    // config option takes one int. Memory statistics (on by default) take one global mutex on
    // every allocation SQLite makes, which serialised the request threads on LIKE and on
    // reading rows; nothing here reads those statistics. If SQLite was already initialised
    // (a test that opened a connection first) the call is refused and changes nothing.
    ONCE.call_once(|| unsafe {
        ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as std::ffi::c_int);
        ffi::sqlite3_auto_extension(Some(on_open));
    });
}

/// Opens the pool, checks that the database answers, and runs pending migrations.
pub fn connect(url: &DbUrl) -> Result<Pool, String> {
    connect_with(url, 0)
}

/// `connect` for a server whose `workers` jobs run beside its requests.
pub fn connect_with(url: &DbUrl, workers: usize) -> Result<Pool, String> {
    let manager = Manager { url: url.clone() };
    // One direct attempt first: a wrong URL fails at once with the driver's own message,
    // instead of after the pool's retries.
    let mut first =
        diesel::r2d2::ManageConnection::connect(&manager).map_err(|e| match url.backend {
            Backend::Postgres => format!("cannot connect to PostgreSQL: {}", one_line(&e)),
            Backend::Sqlite => format!("cannot open SQLite file {}: {}", url.target, one_line(&e)),
        })?;
    migrate(&mut first.conn)
        .map_err(|e| format!("migrating the database failed: {}", one_line(&*e)))?;
    drop(first);
    let size = match url.backend {
        // The writer thread makes all writes; readers share the rest.
        Backend::Sqlite => 8,
        // Ten for requests and one per worker: a job waiting for its commit to reach the disk
        // holds its connection, and with fewer than the workers a burst of posts queued for
        // connections rather than for the server (publish lateness p99 1.1–1.2 s → 1.0 s).
        Backend::Postgres => 10 + workers.min(200) as u32,
    };
    let pool = diesel::r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        // A SQLite file does not drop connections: no test query before every checkout.
        .test_on_check_out(url.backend == Backend::Postgres)
        .connection_timeout(Duration::from_secs(5))
        .error_handler(Box::new(LogOneLine))
        .build(manager)
        .map_err(|e| match url.backend {
            Backend::Postgres => format!("cannot connect to PostgreSQL: {}", one_line(&e)),
            Backend::Sqlite => format!("cannot open SQLite file {}: {}", url.target, one_line(&e)),
        })?;
    Ok(pool)
}

pub fn migrate(conn: &mut Conn) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    match conn {
        Conn::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|_| ()),
        Conn::Sqlite(c) => {
            sqlite_functions(c)?;
            c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ())
        }
    }
}

diesel::define_sql_function! {
    /// A title's words as `domain::ideas::title_tokens` splits them, as a JSON array.
    fn title_words(title: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// Registers our SQL functions on a SQLite connection. Every connection that writes ideas
/// needs them: the triggers of migration 000040 keep `idea_title_words` by Rust's own split
/// of titles, so that "similar earlier ideas" count shared words exactly as they score them.
/// Without them a write to `ideas` fails ("no such function"), never silently.
pub fn sqlite_functions(c: &mut SqliteConnection) -> diesel::QueryResult<()> {
    title_words_utils::register_impl(c, |title: String| {
        serde_json::to_string(&crate::domain::ideas::title_tokens(&title))
            .unwrap_or_else(|_| "[]".into())
    })
}

/// Lets PostgreSQL commit the current transaction without waiting for the disk. Only for
/// writes whose loss in a crash is harmless: the work they record is redone safely.
pub fn relaxed_commit(conn: &mut Conn) -> diesel::QueryResult<()> {
    if let Conn::Pg(c) = conn {
        diesel::RunQueryDsl::execute(diesel::sql_query("SET LOCAL synchronous_commit TO OFF"), c)?;
    }
    Ok(())
}

/// A cheap round trip, for `/healthz`.
pub fn ping(conn: &mut Conn) -> bool {
    conn.batch_execute("SELECT 1").is_ok()
}

/// The pool's connection failures as one log line each (libpq's messages span several).
#[derive(Debug)]
struct LogOneLine;

impl diesel::r2d2::HandleError<diesel::ConnectionError> for LogOneLine {
    fn handle_error(&self, error: diesel::ConnectionError) {
        tracing::warn!(error = %one_line(&error), "database connection failed");
    }
}

fn one_line(e: &dyn std::fmt::Display) -> String {
    e.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A transaction that will write. On SQLite it begins with `BEGIN IMMEDIATE`, taking the
/// write lock up front: a plain `BEGIN` that reads first and writes later fails at once with
/// "database is locked" if another writer committed in between, instead of waiting.
/// Nested calls (and `Connection::transaction` inside) become savepoints as usual.
pub fn write_tx<T, E>(conn: &mut Conn, f: impl FnOnce(&mut Conn) -> Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    tx_begun_with(conn, "BEGIN IMMEDIATE", None, f)
}

/// `write_tx` for writes whose loss in a crash is harmless because the work they record is
/// redone safely (a job's claim or end): PostgreSQL commits it without waiting for the disk,
/// the setting sent in the same round trip as `BEGIN`.
pub fn relaxed_write_tx<T, E>(
    conn: &mut Conn,
    f: impl FnOnce(&mut Conn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    tx_begun_with(
        conn,
        "BEGIN IMMEDIATE",
        Some("BEGIN; SET LOCAL synchronous_commit TO OFF"),
        |c| {
            // Nested in a transaction begun elsewhere: the setting still applies to it.
            if matches!(c, Conn::Pg(_)) && in_transaction(c)? > 1 {
                relaxed_commit(c)?;
            }
            f(c)
        },
    )
}

/// How deep in transactions (and savepoints) the connection is.
fn in_transaction(conn: &mut Conn) -> diesel::QueryResult<u32> {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    type Tm = AnsiTransactionManager;
    let depth = match conn {
        Conn::Sqlite(c) => Tm::transaction_manager_status_mut(c).transaction_depth()?,
        Conn::Pg(c) => Tm::transaction_manager_status_mut(c).transaction_depth()?,
    };
    Ok(depth.map_or(0, |d| d.get()))
}

/// Begins the outermost transaction with the backend's own statement (`None`: the usual
/// `BEGIN`), or a savepoint when one is open already.
fn tx_begun_with<T, E>(
    conn: &mut Conn,
    sqlite: &str,
    pg: Option<&str>,
    f: impl FnOnce(&mut Conn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    type Tm = AnsiTransactionManager;
    fn begin<C>(c: &mut C, sql: &str) -> diesel::QueryResult<bool>
    where
        C: Connection<TransactionManager = Tm>,
    {
        let outermost = Tm::transaction_manager_status_mut(c)
            .transaction_depth()?
            .is_none();
        if outermost {
            Tm::begin_transaction_sql(c, sql)?;
        }
        Ok(outermost)
    }
    fn end<C, T, E>(c: &mut C, result: Result<T, E>) -> Result<T, E>
    where
        C: Connection<TransactionManager = Tm>,
        E: From<diesel::result::Error>,
    {
        match result {
            Ok(v) => {
                Tm::commit_transaction(c)?;
                Ok(v)
            }
            Err(e) => {
                let _ = Tm::rollback_transaction(c);
                Err(e)
            }
        }
    }
    let outermost = match (&mut *conn, pg) {
        (Conn::Sqlite(c), _) => begin(c, sqlite)?,
        (Conn::Pg(c), Some(sql)) => begin(c, sql)?,
        (Conn::Pg(_), None) => false,
    };
    if !outermost {
        return conn.transaction(f);
    }
    let result = f(conn);
    match conn {
        Conn::Sqlite(c) => end(c, result),
        Conn::Pg(c) => end(c, result),
    }
}
