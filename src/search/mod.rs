//! Public job search: the URL contract, the in-memory index of published postings, and the
//! handle that keeps that index in step with the database, also across app instances.

mod dimension;
mod doc;
pub mod facets;
pub mod gazetteer;
pub mod geo;
pub mod index;
pub mod map;
mod memo;
mod near;
pub mod params;
mod query;
pub mod salary;
pub mod slice;
mod text_cache;

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use diesel::prelude::*;

use crate::db::schema::{search_changes, search_state};
use crate::db::{DbConn, DbPool, dialect};
use crate::models::job::IndexRow;
use crate::models::skill::Skill;
pub use facets::Facets;
pub use gazetteer::Gazetteer;
pub use index::{LocalNames, SearchIndex, TextMatches};
pub use params::{InvalidParam, Near, SearchParams, Sort};
pub use query::{Filter, PER_PAGE, SearchResult};
use text_cache::TextCache;

/// Shares the current index between request handlers; swapping in a new one never blocks
/// a reader.
#[derive(Clone, Default)]
pub struct SearchHandle {
    current: Arc<ArcSwap<SearchIndex>>,
    rebuild: Arc<Mutex<()>>,
    /// Every place; reloaded only when `places_version` moves.
    gazetteer: Arc<ArcSwap<Gazetteer>>,
    /// Full-text matches of recent queries (see `text_cache`).
    text_hits: Arc<TextCache>,
    counts: Arc<Counts>,
}

fn text_key(version: i64, q: &str) -> String {
    format!("{version}:{}", dialect::query_terms(q).join(" "))
}

/// At most this many changed postings are looked up to carry a text query's matches over to
/// the next index; past that, reading them all again costs about as much.
const CARRIED_CHANGES: usize = 256;

/// The change counter that triggers on postings bump (see the migrations).
pub fn database_version(conn: &mut DbConn) -> QueryResult<i64> {
    search_state::table.select(search_state::version).first(conn)
}

/// The counters of `search_state`: any change to postings, changes that reach many postings
/// (see the `search_changes` migration), changes to places (`models::place::bump_version`).
struct Versions {
    version: i64,
    full: i64,
    places: i64,
}

impl Versions {
    fn read(conn: &mut DbConn) -> QueryResult<Versions> {
        let (version, full, places) = search_state::table
            .select((
                search_state::version,
                search_state::full_version,
                search_state::places_version,
            ))
            .first(conn)?;
        Ok(Versions { version, full, places })
    }
}

/// Postings read from the database at a time when building the index.
const LOAD_BATCH: i64 = 20_000;

/// Changed published postings taken in one by one at most, unless they are under a quarter of
/// the index: reading them by id costs more per posting than reading every posting in one
/// pass.
const CHANGES_TAKEN_IN: usize = 1_000;

/// Changed postings read by id at most to learn how many are published. An import of drafts
/// changes thousands of postings a second that the public search never shows: rebuilding the
/// index for them each second (0.2 to 0.6 s of a core at 10,000 published postings) slowed
/// the search it serves meanwhile.
const CHANGES_CHECKED: usize = 20_000;

/// Whether a change is better read with every posting again than taken in: `changed`
/// postings changed, `published` of them (`None`: not read yet) are published now, and the
/// index holds `indexed`.
fn rebuild_for(changed: usize, published: Option<usize>, indexed: usize) -> bool {
    let many = |n: usize| n > CHANGES_TAKEN_IN && n * 4 > indexed;
    match published {
        None => many(changed) && changed > CHANGES_CHECKED,
        // Those that were published and are no longer are dropped without a read.
        Some(published) => many(published),
    }
}

#[derive(Default)]
struct Counts {
    full: AtomicU64,
    changes: AtomicU64,
    text_read: AtomicU64,
    text_carried: AtomicU64,
}

impl SearchHandle {
    pub fn get(&self) -> Arc<SearchIndex> {
        self.current.load_full()
    }

    /// Rebuilds the index from every published posting.
    pub fn rebuild(&self, conn: &mut DbConn) -> QueryResult<()> {
        let _one_at_a_time = self.rebuild.lock().unwrap_or_else(|e| e.into_inner());
        // Read the versions first: a change landing during the load then shows up as a newer
        // version on the next check, and is taken in then.
        let versions = Versions::read(conn)?;
        self.rebuild_locked(conn, &versions)
    }

    fn rebuild_locked(&self, conn: &mut DbConn, versions: &Versions) -> QueryResult<()> {
        let started = Instant::now();
        if self.gazetteer.load().version != versions.places {
            self.gazetteer.store(Arc::new(Gazetteer::load(conn, versions.places)?));
        }
        let gazetteer = self.gazetteer.load_full();
        let mut docs = Vec::new();
        IndexRow::load_published_in_batches(conn, LOAD_BATCH, |rows| {
            docs.extend(rows.into_iter().map(|row| doc::Doc::from_row(row, &gazetteer)));
        })?;
        let skills = Skill::all(conn)?;
        let skill_names = Skill::names(conn)?;
        let count = docs.len();
        let mut index =
            SearchIndex::of_docs(versions.version, docs, skills, skill_names, gazetteer);
        index.full_version = versions.full;
        self.current.store(Arc::new(index));
        self.counts.full.fetch_add(1, Ordering::Relaxed);
        log::debug!("search index rebuilt: {count} postings in {:?}", started.elapsed());
        Ok(())
    }

    /// Brings the index up to the database's version: takes in the postings changed since it
    /// was built (`search_changes`), or rebuilds it when a change reached many postings at once.
    fn update(&self, conn: &mut DbConn) -> QueryResult<()> {
        let _one_at_a_time = self.rebuild.lock().unwrap_or_else(|e| e.into_inner());
        let versions = Versions::read(conn)?;
        let current = self.current.load_full();
        if versions.version == current.version {
            // Another request brought it up to date meanwhile.
            return Ok(());
        }
        if current.version == 0
            || versions.full != current.full_version
            || versions.places != self.gazetteer.load().version
        {
            return self.rebuild_locked(conn, &versions);
        }
        let started = Instant::now();
        // Changes after `versions.version` may be read too: taking a posting in twice is harmless.
        let changed: Vec<i64> = search_changes::table
            .filter(search_changes::version.gt(current.version))
            .select(search_changes::job_id)
            .load(conn)?;
        if rebuild_for(changed.len(), None, current.len()) {
            return self.rebuild_locked(conn, &versions);
        }
        let rows = IndexRow::load_published_ids(conn, &changed)?;
        if rebuild_for(changed.len(), Some(rows.len()), current.len()) {
            return self.rebuild_locked(conn, &versions);
        }
        // Skills are few; reading them again keeps renamed and translated ones right.
        let skills = Skill::all(conn)?;
        let skill_names = Skill::names(conn)?;
        let changed: HashSet<i64> = changed.into_iter().collect();
        let index = current.with_changes(versions.version, &changed, rows, skills, skill_names);
        self.current.store(Arc::new(index));
        self.counts.changes.fetch_add(1, Ordering::Relaxed);
        log::debug!(
            "search index took in {} changed postings in {:?}",
            changed.len(),
            started.elapsed()
        );
        Ok(())
    }

    /// How many times the index was rebuilt, and how many times it took in changes.
    pub fn build_counts(&self) -> (u64, u64) {
        (self.counts.full.load(Ordering::Relaxed), self.counts.changes.load(Ordering::Relaxed))
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
        self.text_hits.cached(&text_key(index.version, q)).map(Some)
    }

    /// Relevance by posting for a text query, from the cache or the database, on a thread that
    /// may block.
    pub fn text_matches(
        &self,
        conn: &mut DbConn,
        index: &SearchIndex,
        q: &str,
    ) -> QueryResult<Arc<TextMatches>> {
        let key = text_key(index.version, q);
        let slot = self.text_hits.slot(&key);
        if let Some(hits) = slot.get() {
            return Ok(hits.clone());
        }
        let hits = Arc::new(self.read_text_matches(conn, index, q)?);
        // Another request may be filling the slot meanwhile: its matches are the same.
        if slot.set(hits.clone()).is_ok() {
            self.text_hits.filled(&key, &slot);
        }
        Ok(hits)
    }

    /// A text query's matches on `index`, read from the database's full-text index: those
    /// among the few postings changed since the previous index when the query's matches on
    /// that one are still cached (right after a change, the popular queries' are), else all.
    pub fn read_text_matches(
        &self,
        conn: &mut DbConn,
        index: &SearchIndex,
        q: &str,
    ) -> QueryResult<TextMatches> {
        if let Some(step) = &index.previous
            && step.changed.len() <= CARRIED_CHANGES
            && let Some(earlier) = self.text_hits.cached(&text_key(step.version, q))
        {
            let fresh = dialect::search_job_ids_among(conn, q, Some(&step.changed))?;
            if let Some(carried) = index.carried_text_matches(&earlier, fresh) {
                self.counts.text_carried.fetch_add(1, Ordering::Relaxed);
                return Ok(carried);
            }
        }
        self.counts.text_read.fetch_add(1, Ordering::Relaxed);
        Ok(index.text_matches(dialect::search_job_ids(conn, q)?))
    }

    /// How many text queries' matches were read in full, and how many carried over from the
    /// previous index.
    pub fn text_read_counts(&self) -> (u64, u64) {
        (
            self.counts.text_read.load(Ordering::Relaxed),
            self.counts.text_carried.load(Ordering::Relaxed),
        )
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
        let key = text_key(index.version, q);
        let slot = self.text_hits.slot(&key);
        let mut read_here = false;
        let hits = slot
            .get_or_try_init(|| {
                read_here = true;
                read()
            })
            .await?
            .clone();
        if read_here {
            self.text_hits.filled(&key, &slot);
        }
        Ok(hits)
    }

    /// Updates the index if the database changed since it was built; returns whether it did.
    pub fn refresh_if_stale(&self, conn: &mut DbConn) -> QueryResult<bool> {
        let version = database_version(conn)?;
        if version == self.current.load().version {
            return Ok(false);
        }
        self.update(conn)?;
        Ok(true)
    }

    /// Polls the database every `interval` in a background thread, so that changes made by
    /// other app instances (or by hand) reach this one's search within that time.
    pub fn spawn_refresher(&self, pool: DbPool, interval: Duration) {
        let handle = self.clone();
        crate::db::poll::spawn("search-refresh", pool, interval, move |conn| {
            handle.refresh_if_stale(conn)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_published_changes_rebuild_and_many_drafts_do_not() {
        // A few changes are taken in whatever they are.
        assert!(!rebuild_for(10, None, 100));
        assert!(!rebuild_for(10, Some(10), 100));
        // 3,000 new drafts at 10,000 published postings: read by id, found unpublished.
        assert!(!rebuild_for(3_000, None, 10_000));
        assert!(!rebuild_for(3_000, Some(0), 10_000));
        // 3,000 of them published: over a quarter of the index, read in one pass.
        assert!(rebuild_for(3_000, Some(3_000), 10_000));
        assert!(!rebuild_for(2_000, Some(2_000), 10_000));
        // Too many to read by id; under a quarter of a large index they still are.
        assert!(rebuild_for(50_000, None, 10_000));
        assert!(!rebuild_for(50_000, None, 1_000_000));
    }
}
