//! The cache of scope counts.

/// Scope counts by resource, data version and filters. Counting scans the filtered rows (a
/// few milliseconds at 10,000 postings); the version changes with every write, so a cached
/// count is never stale.
#[derive(Clone)]
pub struct ScopeCounts(std::sync::Arc<std::sync::Mutex<lru::LruCache<String, Vec<i64>>>>);

impl Default for ScopeCounts {
    fn default() -> ScopeCounts {
        const ENTRIES: std::num::NonZeroUsize = std::num::NonZeroUsize::new(512).unwrap();
        ScopeCounts(std::sync::Arc::new(std::sync::Mutex::new(
            lru::LruCache::new(ENTRIES),
        )))
    }
}

impl ScopeCounts {
    pub(super) fn key(resource: &str, version: i64, filters: &[(String, String)]) -> String {
        let filters = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(filters)
            .finish();
        format!("{resource}:{version}:{filters}")
    }

    pub(super) fn get(&self, key: &str) -> Option<Vec<i64>> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned()
    }

    pub(super) fn put(&self, key: String, counts: Vec<i64>) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .put(key, counts);
    }
}
