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
///
/// Work waits for a connection here, before it takes a thread, in a first-come first-served
/// queue with one place per connection. Waiting inside the pool instead parks a thread per
/// request on a condition variable that wakes them in no particular order: under load (32
/// requests at once for 8 connections) the unlucky ones waited several times longer than the
/// rest, and the parked threads' switching cost CPU. A request that waits longer than the
/// pool's connection timeout is refused as before (503).
pub async fn blocking<T, E, F>(pool: &DbPool, f: F) -> Result<T, E>
where
    T: Send + 'static,
    E: From<Unavailable> + Send + 'static,
    F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
{
    let pool = pool.clone();
    let gate = pool.gate.clone();
    let permit = tokio::time::timeout(pool.connection_timeout(), gate.acquire_owned()).await.ok();
    tokio::task::spawn_blocking(move || {
        // Held until the connection is back in the pool (locals drop in reverse order).
        let permit = permit.and_then(Result::ok);
        let mut conn = match permit {
            Some(_) => pool.get(),
            // Waited its whole time: a connection now, or the pool's own refusal.
            None => pool.get_timeout(std::time::Duration::from_millis(1)),
        }
        .map_err(Unavailable::from)?;
        f(&mut conn)
    })
    .await
    .map_err(Unavailable::from)?
}

#[cfg(all(test, feature = "sqlite"))]
mod tests {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use super::*;

    /// Work that waits for a connection gets one in the order it asked.
    #[tokio::test]
    async fn waiting_work_is_served_first_come_first_served() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let url = format!("sqlite://{}/gate.db", dir.path().display());
        let settings = super::super::PoolSettings {
            size: 1,
            wait: Duration::from_secs(10),
            statement_timeout: Duration::from_secs(10),
        };
        let (pool, _) = super::super::connect(&url, settings).expect("a pool");
        let order = Arc::new(Mutex::new(Vec::new()));
        // The only connection is busy for a while; five requests queue up behind it, in turn.
        let p = pool.clone();
        let busy = tokio::spawn(async move {
            blocking(&p, |_| -> Result<(), Unavailable> {
                std::thread::sleep(Duration::from_millis(200));
                Ok(())
            })
            .await
        });
        tokio::task::yield_now().await;
        let mut waiting = Vec::new();
        for i in 0..5 {
            let (order, p) = (order.clone(), pool.clone());
            waiting.push(tokio::spawn(async move {
                blocking(&p, move |_| -> Result<(), Unavailable> {
                    order.lock().expect("the order").push(i);
                    Ok(())
                })
                .await
            }));
            tokio::task::yield_now().await;
        }
        busy.await.expect("the busy task").expect("its work");
        for task in waiting {
            task.await.expect("a waiting task").expect("its work");
        }
        assert_eq!(*order.lock().expect("the order"), [0, 1, 2, 3, 4]);
    }
}
