//! Database access: one connection type over every compiled-in backend, a pool, embedded
//! migrations, and the write-transaction helper. Backend-specific SQL lives in `dialect`.

pub mod blocking;
pub use blocking::{Unavailable, blocking};
pub mod dialect;
pub mod plan;
pub mod poll;
pub mod schema;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use diesel::connection::{
    Instrumentation, InstrumentationEvent, SimpleConnection, TransactionManager,
};
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

#[cfg(feature = "postgres")]
pub use diesel::pg::PgConnection;
#[cfg(feature = "sqlite")]
pub use diesel::sqlite::SqliteConnection;

#[cfg(feature = "mysql")]
pub use diesel::mysql::MysqlConnection;

#[cfg(not(any(feature = "sqlite", feature = "postgres", feature = "mysql")))]
compile_error!("enable at least one database backend feature: `sqlite`, `postgres` or `mysql`");

/// A connection to whichever backend `DATABASE_URL` names. Every query is written once
/// against this type; see `dialect` for the few that differ.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    #[cfg(feature = "postgres")]
    Pg(PgConnection),
    #[cfg(feature = "sqlite")]
    Sqlite(SqliteConnection),
    #[cfg(feature = "mysql")]
    Mysql(MysqlConnection),
}

/// The connection pool, with the queue in front of it that [`blocking`] work waits in.
#[derive(Clone)]
pub struct DbPool {
    pool: Pool<DbManager>,
    /// One permit per connection: work for the blocking pool queues here, in order.
    gate: std::sync::Arc<tokio::sync::Semaphore>,
}

impl std::ops::Deref for DbPool {
    type Target = Pool<DbManager>;

    fn deref(&self) -> &Pool<DbManager> {
        &self.pool
    }
}
pub type PooledConn = PooledConnection<DbManager>;

#[cfg(feature = "sqlite")]
const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
#[cfg(feature = "postgres")]
const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
#[cfg(feature = "mysql")]
const MYSQL_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/mysql");

/// The backend a database URL names, decided by its scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
    Mysql,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Backend, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            if cfg!(feature = "postgres") {
                Ok(Backend::Postgres)
            } else {
                Err("PostgreSQL support is not compiled in (build with `--features postgres`)"
                    .into())
            }
        } else if url.starts_with("sqlite://") || !url.contains("://") {
            if cfg!(feature = "sqlite") {
                Ok(Backend::Sqlite)
            } else {
                Err("SQLite support is not compiled in (build with `--features sqlite`)".into())
            }
        } else if url.starts_with("mysql://") {
            if cfg!(feature = "mysql") {
                Ok(Backend::Mysql)
            } else {
                Err("MySQL support is not compiled in (build with `--features mysql`)".into())
            }
        } else {
            Err("the URL must start with sqlite://, postgres:// or mysql://".into())
        }
    }
}

/// Runs `$body` with `$c` bound to the backend's own connection: for statements the
/// multi-backend connection cannot build, such as multi-row INSERTs.
macro_rules! on_backend {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            #[cfg(feature = "sqlite")]
            $crate::db::DbConn::Sqlite($c) => $body,
            #[cfg(feature = "postgres")]
            $crate::db::DbConn::Pg($c) => $body,
            #[cfg(feature = "mysql")]
            $crate::db::DbConn::Mysql($c) => $body,
        }
    };
}
pub(crate) use on_backend;

/// The file path of a SQLite URL (`sqlite://data/hireboard.db` → `data/hireboard.db`).
pub fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://").unwrap_or(url)
}

/// Counts the SQL statements run on pooled connections. Tests read it to keep every page
/// within a fixed query budget.
#[derive(Clone, Default)]
pub struct QueryCounter(Arc<AtomicU64>);

impl QueryCounter {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

struct CountingInstrumentation(QueryCounter, Option<std::time::Instant>);

/// A statement that runs longer than this is logged (its SQL, never its values).
const SLOW_QUERY: Duration = Duration::from_millis(250);

impl Instrumentation for CountingInstrumentation {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        match event {
            InstrumentationEvent::StartQuery { .. } => {
                self.0.0.fetch_add(1, Ordering::Relaxed);
                self.1 = Some(std::time::Instant::now());
            }
            InstrumentationEvent::FinishQuery { query, .. } => {
                let took = self.1.take().map(|start| start.elapsed()).unwrap_or_default();
                let slow = took >= SLOW_QUERY;
                if slow || log::log_enabled!(log::Level::Trace) {
                    // The bound values may be personal data or secrets: only the statement.
                    let sql = query.to_string();
                    let sql = sql.split(" -- binds:").next().unwrap_or_default();
                    // A multi-row INSERT repeats its placeholders thousands of times.
                    let sql = match sql.char_indices().nth(400) {
                        Some((end, _)) => format!("{}…", &sql[..end]),
                        None => sql.to_owned(),
                    };
                    if slow {
                        log::warn!("slow query ({} ms): {sql}", took.as_millis());
                    } else {
                        log::trace!("query ({} µs): {sql}", took.as_micros());
                    }
                }
            }
            _ => {}
        }
    }
}

/// The pool's size and how long anything may wait for it.
#[derive(Debug, Clone, Copy)]
pub struct PoolSettings {
    pub size: u32,
    /// How long a request waits for a free connection before it is refused (503).
    pub wait: Duration,
    /// The longest a PostgreSQL statement may run before the server cancels it.
    pub statement_timeout: Duration,
}

/// Opens connections for the pool. It picks the backend from the URL itself, so that a
/// failure reports that backend's own error rather than the derive's generic one.
pub struct DbManager {
    url: String,
    backend: Backend,
    counter: QueryCounter,
    /// The longest a statement may run on PostgreSQL and MySQL (SQLite has no such setting).
    #[cfg_attr(not(any(feature = "postgres", feature = "mysql")), allow(dead_code))]
    statement_timeout: Duration,
}

impl ManageConnection for DbManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        let mut conn = match self.backend {
            #[cfg(feature = "sqlite")]
            Backend::Sqlite => {
                let mut c = SqliteConnection::establish(sqlite_path(&self.url))
                    .map_err(r2d2::Error::ConnectionError)?;
                // WAL lets readers work while one writer commits; busy_timeout makes writers
                // queue instead of failing at once; foreign keys are off by default in SQLite.
                // `optimize=0x10002` analyzes (sampling, within SQLite's limit) the tables whose
                // statistics are missing or stale, as SQLite advises for long-lived
                // connections; the hourly `optimize_database` task keeps them current. Whole-
                // table statistics were measured worse: with them the planner sorted the
                // published postings instead of walking the default order's index.
                c.batch_execute(
                    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                     PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; \
                     PRAGMA optimize = 0x10002;",
                )
                .map_err(r2d2::Error::QueryError)?;
                DbConn::Sqlite(c)
            }
            #[cfg(feature = "postgres")]
            Backend::Postgres => {
                let mut c =
                    PgConnection::establish(&self.url).map_err(r2d2::Error::ConnectionError)?;
                // A runaway query is cancelled by the server instead of holding a connection.
                // Statements built from what a user typed are planned on each run
                // (`plan::PlannedEachRun`); the others may keep a generic plan.
                c.batch_execute(&format!(
                    "SET statement_timeout = {}",
                    self.statement_timeout.as_millis()
                ))
                .map_err(r2d2::Error::QueryError)?;
                DbConn::Pg(c)
            }
            #[cfg(feature = "mysql")]
            Backend::Mysql => {
                // diesel sets UTC and utf8mb4; strict mode refuses what would be truncated or
                // zero dates instead of storing it with a warning.
                let mut c =
                    MysqlConnection::establish(&self.url).map_err(r2d2::Error::ConnectionError)?;
                // READ COMMITTED, as PostgreSQL runs. Under InnoDB's default (REPEATABLE READ,
                // which also locks the gaps between rows read) two workers sharing a thousand
                // tasks under load ran some twice (the test of that once failed here).
                c.batch_execute(
                    "SET SESSION sql_mode = CONCAT(@@sql_mode, \
                     ',STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO'); \
                     SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
                )
                .map_err(r2d2::Error::QueryError)?;
                // A runaway statement is stopped by the server: MariaDB's setting (seconds,
                // every statement), else MySQL's (milliseconds, reads only).
                let timeout = self.statement_timeout;
                c.batch_execute(&format!(
                    "SET SESSION max_statement_time = {}",
                    timeout.as_secs_f64()
                ))
                .or_else(|_| {
                    c.batch_execute(&format!(
                        "SET SESSION max_execution_time = {}",
                        timeout.as_millis()
                    ))
                })
                .map_err(r2d2::Error::QueryError)?;
                DbConn::Mysql(c)
            }
            #[allow(unreachable_patterns)]
            _ => unreachable!("Backend::from_url only returns compiled-in backends"),
        };
        conn.set_instrumentation(CountingInstrumentation(self.counter.clone(), None));
        Ok(conn)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1").map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

/// Builds the pool, connecting once first so that a wrong URL fails at start with the
/// backend's own message.
pub fn connect(url: &str, settings: PoolSettings) -> Result<(DbPool, QueryCounter), String> {
    let backend = Backend::from_url(url)?;
    #[cfg(feature = "sqlite")]
    if backend == Backend::Sqlite
        && let Some(dir) = std::path::Path::new(sqlite_path(url)).parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let counter = QueryCounter::default();
    let manager = DbManager {
        url: url.to_owned(),
        backend,
        counter: counter.clone(),
        statement_timeout: settings.statement_timeout,
    };
    manager.connect().map_err(|e| e.to_string())?;
    let pool = Pool::builder()
        .max_size(settings.size)
        .min_idle(Some(1))
        // A request that cannot have a connection soon gets 503 with Retry-After rather than
        // queueing while its client gives up.
        .connection_timeout(settings.wait)
        .test_on_check_out(false)
        .build_unchecked(manager);
    let gate = std::sync::Arc::new(tokio::sync::Semaphore::new(settings.size as usize));
    Ok((DbPool { pool, gate }, counter))
}

/// Applies the pending migrations of the connection's backend, under the start-up lock: of
/// several processes started together, one migrates and the others then find nothing to do.
pub fn migrate(conn: &mut DbConn) -> Result<usize, String> {
    with_startup_lock(conn, apply_pending_migrations)
}

fn apply_pending_migrations(conn: &mut DbConn) -> Result<usize, String> {
    let applied = match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        #[cfg(feature = "postgres")]
        DbConn::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|v| v.len()),
        #[cfg(feature = "mysql")]
        DbConn::Mysql(c) => c.run_pending_migrations(MYSQL_MIGRATIONS).map(|v| v.len()),
    };
    applied.map_err(|e| format!("migration failed: {e}"))
}

/// Runs `f` (migrations, first-start seeding) while holding the database's start-up lock, so
/// that of several processes started together on one database exactly one does the work and
/// the others wait, then find it done: an advisory lock on PostgreSQL, the write lock
/// (`BEGIN IMMEDIATE`, waited for as long as it takes) on SQLite.
pub fn with_startup_lock<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, String>,
) -> Result<T, String> {
    match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(_) => {
            type Manager = <DbConn as Connection>::TransactionManager;
            let started = std::time::Instant::now();
            loop {
                match begin_write(conn) {
                    Ok(()) => break,
                    // Another process holds it past busy_timeout: it is migrating or seeding.
                    Err(e) if started.elapsed() < STARTUP_WAIT => {
                        log::info!("waiting for another process to finish starting: {e}");
                    }
                    Err(e) => return Err(format!("the database stayed locked: {e}")),
                }
            }
            match f(conn) {
                Ok(value) => {
                    Manager::commit_transaction(conn)
                        .map_err(|e| format!("committing the start-up work: {e}"))?;
                    Ok(value)
                }
                Err(e) => {
                    let _ = Manager::rollback_transaction(conn);
                    Err(e)
                }
            }
        }
        #[cfg(feature = "postgres")]
        DbConn::Pg(_) => {
            conn.batch_execute(&format!("SELECT pg_advisory_lock({STARTUP_LOCK_KEY})"))
                .map_err(|e| format!("cannot take the start-up lock: {e}"))?;
            let result = f(conn);
            // The lock is the session's: released here, or when the connection ends.
            let unlocked =
                conn.batch_execute(&format!("SELECT pg_advisory_unlock({STARTUP_LOCK_KEY})"));
            if let Err(e) = unlocked {
                log::warn!("releasing the start-up lock: {e}");
            }
            result
        }
        #[cfg(feature = "mysql")]
        DbConn::Mysql(_) => {
            #[derive(QueryableByName)]
            struct Locked {
                #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
                locked: Option<i64>,
            }
            // A named lock of the session; 1 once taken, 0 when the wait ran out.
            let locked = diesel::sql_query(format!(
                "SELECT CAST(GET_LOCK('{MYSQL_STARTUP_LOCK}', {}) AS SIGNED) AS locked",
                STARTUP_WAIT.as_secs()
            ))
            .get_result::<Locked>(conn)
            .map_err(|e| format!("cannot take the start-up lock: {e}"))?;
            if locked.locked != Some(1) {
                return Err("the database stayed locked by another process starting".into());
            }
            let result = f(conn);
            let unlocked = conn.batch_execute(&format!("DO RELEASE_LOCK('{MYSQL_STARTUP_LOCK}')"));
            if let Err(e) = unlocked {
                log::warn!("releasing the start-up lock: {e}");
            }
            result
        }
    }
}

/// How long a process waits for another one's migrations and seeding.
#[cfg(any(feature = "sqlite", feature = "mysql"))]
const STARTUP_WAIT: Duration = Duration::from_secs(600);
/// MySQL's start-up lock: a name, the same in every process, and how long to wait for it.
#[cfg(feature = "mysql")]
const MYSQL_STARTUP_LOCK: &str = "hireboard-startup";
/// The advisory lock's key: any number, the same in every process ("hireboard" in ASCII).
#[cfg(feature = "postgres")]
const STARTUP_LOCK_KEY: i64 = 0x6869_7265_626f;

/// Runs `f` in a write transaction. On SQLite it begins `IMMEDIATE`, taking the write lock up
/// front so two writers queue on `busy_timeout` instead of one failing at its first write.
pub fn write_transaction<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    type Manager = <DbConn as Connection>::TransactionManager;
    // Inside another transaction, nest with a savepoint as diesel does.
    if Manager::transaction_manager_status_mut(conn).transaction_depth()?.is_some() {
        return conn.transaction(f);
    }
    begin_write(conn)?;
    match f(conn) {
        Ok(value) => {
            Manager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => {
            // The caller's error is the one worth reporting; a failed rollback leaves the
            // connection marked broken and the pool discards it.
            let _ = Manager::rollback_transaction(conn);
            Err(e)
        }
    }
}

/// How many times a write the database chose as a deadlock victim is tried, at most.
const CONFLICT_ATTEMPTS: u32 = 4;

/// [`write_transaction`] for writes that race other processes on the same rows (the task
/// queue's claims and outcomes): when the database ends the transaction as a deadlock victim
/// or a serialization failure (InnoDB does under load even with rows locked in one order, as
/// its secondary-index locks come in another), it is rolled back and run again, a few times,
/// instead of dropping work whose lease would then expire and run it twice.
pub fn write_transaction_retrying<T, F>(conn: &mut DbConn, mut f: F) -> QueryResult<T>
where
    F: FnMut(&mut DbConn) -> QueryResult<T>,
{
    let mut attempt = 1;
    loop {
        match write_transaction(conn, &mut f) {
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::SerializationFailure,
                info,
            )) if attempt < CONFLICT_ATTEMPTS => {
                log::debug!("retrying a transaction after a conflict: {}", info.message());
                // A short pause, growing, so the winner can commit first.
                std::thread::sleep(Duration::from_millis(5 << attempt));
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// Begins a write transaction: `IMMEDIATE` on SQLite, so that it holds the write lock from
/// the start.
fn begin_write(conn: &mut DbConn) -> QueryResult<()> {
    match conn {
        #[cfg(feature = "sqlite")]
        DbConn::Sqlite(c) => {
            diesel::connection::AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")
        }
        #[cfg(feature = "postgres")]
        DbConn::Pg(_) => <DbConn as Connection>::TransactionManager::begin_transaction(conn),
        #[cfg(feature = "mysql")]
        DbConn::Mysql(_) => <DbConn as Connection>::TransactionManager::begin_transaction(conn),
    }
}

/// Current UTC time truncated to whole seconds, the precision every backend stores alike.
pub fn now() -> chrono::NaiveDateTime {
    use chrono::{DurationRound, TimeDelta};
    let now = chrono::Utc::now().naive_utc();
    now.duration_trunc(TimeDelta::seconds(1)).unwrap_or(now)
}
