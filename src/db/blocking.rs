//! Diesel is synchronous, so database work runs on the blocking thread pool, never on the
//! async executor's threads (where it would stall every other request of that worker). This is
//! the one way there, for pages, tasks, mail and the worker alike.

use super::{DbConn, DbPool};

/// Why blocking database work did not run to its end: no connection in time, or its thread
/// failed.
#[derive(Debug, thiserror::Error)]
pub enum Unavailable {
    #[error("no database connection: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("the database thread failed: {0}")]
    Thread(#[from] tokio::task::JoinError),
}

/// For code whose errors are messages (the worker's loops, mail).
impl From<Unavailable> for String {
    fn from(e: Unavailable) -> String {
        e.to_string()
    }
}

/// Runs `f` with one pooled connection on the blocking thread pool.
pub async fn blocking<T, E, F>(pool: &DbPool, f: F) -> Result<T, E>
where
    T: Send + 'static,
    E: From<Unavailable> + Send + 'static,
    F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
{
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().map_err(Unavailable::from)?;
        f(&mut conn)
    })
    .await
    .map_err(Unavailable::from)?
}
