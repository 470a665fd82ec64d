//! The cache of scope counts.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a count is trusted at most. On PostgreSQL a table's change counter is a sequence,
/// which moves when the changing statement runs, not when its transaction commits: a list
/// counted in between is cached under the new version with the old rows. This bounds that.
const TRUSTED_FOR: Duration = Duration::from_secs(60);

/// Scope counts by resource, data version and filters. Counting scans the filtered rows (tens
/// of milliseconds at 100,000 postings); the version changes with every write to the listed
/// table (see `dialect::change_count`), so a cached count is not stale.
#[derive(Clone)]
pub struct ScopeCounts(Arc<Mutex<lru::LruCache<String, Counted>>>);

/// Counts and when they were counted.
type Counted = (Instant, Vec<i64>);

impl Default for ScopeCounts {
    fn default() -> ScopeCounts {
        const ENTRIES: NonZeroUsize = NonZeroUsize::new(512).unwrap();
        ScopeCounts(Arc::new(Mutex::new(lru::LruCache::new(ENTRIES))))
    }
}

impl ScopeCounts {
    pub(super) fn key(resource: &str, version: i64, filters: &[(String, String)]) -> String {
        let filters =
            url::form_urlencoded::Serializer::new(String::new()).extend_pairs(filters).finish();
        format!("{resource}:{version}:{filters}")
    }

    pub(super) fn get(&self, key: &str) -> Option<Vec<i64>> {
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match cache.get(key) {
            Some((at, counts)) if at.elapsed() < TRUSTED_FOR => Some(counts.clone()),
            Some(_) => {
                cache.pop(key);
                None
            }
            None => None,
        }
    }

    pub(super) fn put(&self, key: String, counts: Vec<i64>) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).put(key, (Instant::now(), counts));
    }
}
