//! What every handler shares.

use std::sync::Arc;

use crate::config::Config;
use crate::db::{DbPool, QueryCounter};
use crate::search::SearchHandle;

#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub config: Arc<Config>,
    pub search: SearchHandle,
    /// SQL statements run so far on this state's pool (for query-budget tests).
    pub queries: QueryCounter,
}

impl AppState {
    /// Connects to the database, applies migrations and builds the search index.
    pub fn open(config: Config) -> Result<AppState, String> {
        let (pool, queries) = crate::db::connect(&config.database_url, config.db_pool_size)?;
        let search = SearchHandle::default();
        {
            let mut conn = pool
                .get()
                .map_err(|e| format!("cannot connect to the database: {e}"))?;
            crate::db::migrate(&mut conn)?;
            search
                .rebuild(&mut conn)
                .map_err(|e| format!("cannot build the search index: {e}"))?;
        }
        Ok(AppState {
            pool,
            config: Arc::new(config),
            search,
            queries,
        })
    }
}
