//! Public job search: the URL contract, the in-memory index of published postings, and the
//! handle that keeps that index in step with the database, also across app instances.

mod dimension;
pub mod facets;
pub mod gazetteer;
pub mod geo;
pub mod index;
pub mod map;
pub mod params;
mod query;
pub mod salary;
pub mod slice;

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use diesel::prelude::*;
use lru::LruCache;

use crate::db::schema::search_state;
use crate::db::{DbConn, DbPool, dialect};
use crate::models::job::IndexRow;
use crate::models::skill::Skill;
pub use facets::Facets;
pub use gazetteer::Gazetteer;
pub use index::{LocalNames, SearchIndex, TextMatches};
pub use params::{InvalidParam, Near, SearchParams, Sort};
pub use query::{Filter, PER_PAGE, SearchResult};

/// Shares the current index between request handlers; swapping in a new one never blocks
/// a reader.
#[derive(Clone)]
pub struct SearchHandle {
    current: Arc<ArcSwap<SearchIndex>>,
    rebuild: Arc<Mutex<()>>,
    /// Every place; reloaded only when `places_version` moves.
    gazetteer: Arc<ArcSwap<Gazetteer>>,
    /// Full-text matches of recent queries, keyed by index version and normalized words:
    /// popular queries repeat, and the match is the one part of a search that costs
    /// milliseconds. A rebuild (any change to postings) moves every key on. Each entry is a
    /// slot filled once: requests that miss together wait for the one reading the database
    /// instead of all reading it (right after a change, every request misses at once).
    text_hits: Arc<Mutex<LruCache<String, TextSlot>>>,
}

/// One query's matches, once read.
type TextSlot = Arc<tokio::sync::OnceCell<Arc<TextMatches>>>;

/// Queries whose matches are kept; at 10,000 postings a common word's matches take ~40 KB.
const TEXT_CACHE_ENTRIES: usize = 256;

impl Default for SearchHandle {
    fn default() -> SearchHandle {
        SearchHandle {
            current: Arc::default(),
            rebuild: Arc::default(),
            gazetteer: Arc::default(),
            text_hits: Arc::new(Mutex::new(LruCache::new(
                NonZeroUsize::new(TEXT_CACHE_ENTRIES).expect("a non-zero capacity"),
            ))),
        }
    }
}

fn text_key(index: &SearchIndex, q: &str) -> String {
    format!("{}:{}", index.version, dialect::query_terms(q).join(" "))
}

/// A text query's matches, read from the database's full-text index.
pub fn read_text_matches(
    conn: &mut DbConn,
    index: &SearchIndex,
    q: &str,
) -> QueryResult<TextMatches> {
    Ok(index.text_matches(dialect::search_job_ids(conn, q)?))
}

/// The change counter that triggers on postings bump (see the migrations).
pub fn database_version(conn: &mut DbConn) -> QueryResult<i64> {
    search_state::table.select(search_state::version).first(conn)
}

/// The counter that moves when places change (`models::place::bump_version`).
fn places_version(conn: &mut DbConn) -> QueryResult<i64> {
    search_state::table.select(search_state::places_version).first(conn)
}

impl SearchHandle {
    pub fn get(&self) -> Arc<SearchIndex> {
        self.current.load_full()
    }

    /// Rebuilds the index from the database unconditionally.
    pub fn rebuild(&self, conn: &mut DbConn) -> QueryResult<()> {
        let _one_at_a_time = self.rebuild.lock().unwrap_or_else(|e| e.into_inner());
        // Read the version first: a change landing during the load then shows up as a newer
        // version on the next check, and the index is rebuilt again.
        let version = database_version(conn)?;
        let started = Instant::now();
        let places = places_version(conn)?;
        if self.gazetteer.load().version != places {
            self.gazetteer.store(Arc::new(Gazetteer::load(conn, places)?));
        }
        let rows = IndexRow::load_published(conn)?;
        let skills = Skill::all(conn)?;
        let skill_names = Skill::names(conn)?;
        let count = rows.len();
        let gazetteer = self.gazetteer.load_full();
        let index = SearchIndex::build(version, rows, skills, skill_names, gazetteer);
        self.current.store(Arc::new(index));
        log::debug!("search index rebuilt: {count} postings in {:?}", started.elapsed());
        Ok(())
    }

    /// The text matches a search needs, when no query is needed for them: `Some(None)` for a
    /// search without text, `Some(Some(..))` when the text's matches are cached, `None` when
    /// they must be read ([`SearchHandle::text_matches_once`]).
    pub fn cached_text_matches(
        &self,
        index: &SearchIndex,
        q: &str,
    ) -> Option<Option<Arc<TextMatches>>> {
        if q.trim().is_empty() {
            return Some(None);
        }
        let slot = self.lock_text_hits().get(&text_key(index, q)).cloned()?;
        slot.get().map(|hits| Some(hits.clone()))
    }

    /// Relevance by posting for a text query, from the cache or the database, on a thread that
    /// may block.
    pub fn text_matches(
        &self,
        conn: &mut DbConn,
        index: &SearchIndex,
        q: &str,
    ) -> QueryResult<Arc<TextMatches>> {
        let slot = self.text_slot(index, q);
        if let Some(hits) = slot.get() {
            return Ok(hits.clone());
        }
        let hits = Arc::new(read_text_matches(conn, index, q)?);
        // Another request may be filling the slot meanwhile: its matches are the same.
        let _ = slot.set(hits.clone());
        Ok(hits)
    }

    /// [`SearchHandle::text_matches`] for request handlers: `read` reads the database, and
    /// runs once for all the requests that miss the cache together; the others wait for it
    /// (and if it fails or is dropped, the next one in line reads instead).
    pub async fn text_matches_once<E, F, Fut>(
        &self,
        index: &SearchIndex,
        q: &str,
        read: F,
    ) -> Result<Arc<TextMatches>, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Arc<TextMatches>, E>>,
    {
        let slot = self.text_slot(index, q);
        slot.get_or_try_init(read).await.cloned()
    }

    /// The cache's slot for a query, made empty if there is none.
    fn text_slot(&self, index: &SearchIndex, q: &str) -> TextSlot {
        self.lock_text_hits().get_or_insert(text_key(index, q), TextSlot::default).clone()
    }

    fn lock_text_hits(&self) -> std::sync::MutexGuard<'_, LruCache<String, TextSlot>> {
        self.text_hits.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Rebuilds the index if the database changed since it was built; returns whether it did.
    pub fn refresh_if_stale(&self, conn: &mut DbConn) -> QueryResult<bool> {
        let version = database_version(conn)?;
        if version == self.current.load().version {
            return Ok(false);
        }
        self.rebuild(conn)?;
        Ok(true)
    }

    /// Polls the database every `interval` in a background thread, so that changes made by
    /// other app instances (or by hand) reach this one's search within that time.
    pub fn spawn_refresher(&self, pool: DbPool, interval: Duration) {
        let handle = self.clone();
        let spawned = std::thread::Builder::new().name("search-refresh".into()).spawn(move || {
            loop {
                std::thread::sleep(interval);
                let refreshed = pool.get().map_err(|e| e.to_string()).and_then(|mut conn| {
                    handle.refresh_if_stale(&mut conn).map_err(|e| e.to_string())
                });
                if let Err(e) = refreshed {
                    log::warn!("search index refresh failed: {e}");
                }
            }
        });
        if let Err(e) = spawned {
            log::error!("could not start the search index refresher: {e}");
        }
    }
}
