//! Background threads that keep an instance's copy of shared data (the search index, the
//! messages) in step with the database, for changes made by other app servers or by hand.

use std::time::Duration;

use super::{DbConn, DbPool};

/// Runs `refresh` every `interval` on a connection from `pool`, in a thread named `name`;
/// a failure is logged and the next round tries again.
pub fn spawn(
    name: &str,
    pool: DbPool,
    interval: Duration,
    refresh: impl Fn(&mut DbConn) -> diesel::QueryResult<bool> + Send + 'static,
) {
    let what = name.to_owned();
    let spawned = std::thread::Builder::new().name(name.into()).spawn(move || {
        loop {
            std::thread::sleep(interval);
            let refreshed = pool
                .get()
                .map_err(|e| e.to_string())
                .and_then(|mut conn| refresh(&mut conn).map_err(|e| e.to_string()));
            if let Err(e) = refreshed {
                log::warn!("{what} failed: {e}");
            }
        }
    });
    if let Err(e) = spawned {
        log::error!("could not start {name}: {e}");
    }
}
