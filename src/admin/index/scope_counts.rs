//! The cache of scope counts, with one recount at a time per list.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a count is trusted at most. On PostgreSQL a table's change counter is a sequence,
/// which moves when the changing statement runs, not when its transaction commits: a list
/// counted in between is cached under the new version with the old rows. This bounds that.
const TRUSTED_FOR: Duration = Duration::from_secs(60);

/// How long the other requests wait for a recount that was claimed, showing the previous
/// counts, before one of them counts again itself (the claimant may have failed).
const RECOUNT_CLAIM: Duration = Duration::from_secs(10);

/// Scope counts by resource and filters, with the data version they were counted at. Counting
/// scans the filtered rows (tens to hundreds of milliseconds at 100,000 postings); the version
/// changes with every write to the listed table (see `dialect::change_count`).
///
/// After a write, every request to the same list would recount at once: on PostgreSQL six
/// identical counts of 0.5-0.66 s each ran side by side and the list stalled. So the first
/// request to see the new version claims the recount and the others show the previous counts
/// (one write behind, for as long as the recount takes) instead of counting too.
#[derive(Clone)]
pub struct ScopeCounts(Arc<Mutex<lru::LruCache<String, Entry>>>);

/// What a list's counts were, at which data version, and whether a recount is under way.
struct Entry {
    version: i64,
    at: Instant,
    counts: Vec<i64>,
    recount_since: Option<Instant>,
}

/// What the cache has for a list at a data version.
#[derive(Debug, PartialEq)]
pub(super) enum Lookup {
    /// Counts at this version (or the previous ones while another request recounts).
    Counts(Vec<i64>),
    /// Nothing usable: the caller counts and `put`s the result.
    Count,
}

impl Default for ScopeCounts {
    fn default() -> ScopeCounts {
        const ENTRIES: NonZeroUsize = NonZeroUsize::new(512).unwrap();
        ScopeCounts(Arc::new(Mutex::new(lru::LruCache::new(ENTRIES))))
    }
}

impl ScopeCounts {
    pub(super) fn key(resource: &str, filters: &[(String, String)]) -> String {
        let filters =
            url::form_urlencoded::Serializer::new(String::new()).extend_pairs(filters).finish();
        format!("{resource}:{filters}")
    }

    /// The counts to show for `key` at `version`; `Lookup::Count` claims the recount.
    pub(super) fn get(&self, key: &str, version: i64) -> Lookup {
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let Some(entry) = cache.get_mut(key) else { return Lookup::Count };
        if entry.version == version && entry.at.elapsed() < TRUSTED_FOR {
            return Lookup::Counts(entry.counts.clone());
        }
        match entry.recount_since {
            Some(since) if since.elapsed() < RECOUNT_CLAIM => Lookup::Counts(entry.counts.clone()),
            _ => {
                entry.recount_since = Some(Instant::now());
                Lookup::Count
            }
        }
    }

    /// Stores counts made at `version`, unless newer ones are there already.
    pub(super) fn put(&self, key: String, version: i64, counts: Vec<i64>) {
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if cache.peek(&key).is_some_and(|e| e.version > version) {
            if let Some(entry) = cache.get_mut(&key) {
                entry.recount_since = None;
            }
            return;
        }
        cache.put(key, Entry { version, at: Instant::now(), counts, recount_since: None });
    }

    /// Gives up a claimed recount (the count failed), so the next request counts at once.
    pub(super) fn release(&self, key: &str) {
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entry) = cache.get_mut(key) {
            entry.recount_since = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_kept_per_version_and_filters() {
        let cache = ScopeCounts::default();
        let key = ScopeCounts::key("jobs", &[("q".into(), "rust".into())]);
        assert_ne!(key, ScopeCounts::key("jobs", &[]));
        assert_eq!(cache.get(&key, 1), Lookup::Count);
        cache.put(key.clone(), 1, vec![3, 1]);
        assert_eq!(cache.get(&key, 1), Lookup::Counts(vec![3, 1]));
        assert_eq!(cache.get(&ScopeCounts::key("jobs", &[]), 1), Lookup::Count);
    }

    #[test]
    fn one_request_recounts_a_changed_list_while_the_others_show_the_previous_counts() {
        let cache = ScopeCounts::default();
        let key = ScopeCounts::key("jobs", &[]);
        cache.put(key.clone(), 1, vec![3, 1]);
        assert_eq!(cache.get(&key, 2), Lookup::Count, "the first to see the change counts");
        assert_eq!(cache.get(&key, 2), Lookup::Counts(vec![3, 1]));
        assert_eq!(cache.get(&key, 3), Lookup::Counts(vec![3, 1]));
        cache.put(key.clone(), 2, vec![4, 1]);
        assert_eq!(cache.get(&key, 2), Lookup::Counts(vec![4, 1]));
        assert_eq!(cache.get(&key, 3), Lookup::Count, "a later change is counted again");
    }

    #[test]
    fn a_failed_recount_lets_the_next_request_count() {
        let cache = ScopeCounts::default();
        let key = ScopeCounts::key("jobs", &[]);
        cache.put(key.clone(), 1, vec![3]);
        assert_eq!(cache.get(&key, 2), Lookup::Count);
        cache.release(&key);
        assert_eq!(cache.get(&key, 2), Lookup::Count);
    }

    #[test]
    fn older_counts_do_not_replace_newer_ones() {
        let cache = ScopeCounts::default();
        let key = ScopeCounts::key("jobs", &[]);
        cache.put(key.clone(), 5, vec![5]);
        assert_eq!(cache.get(&key, 6), Lookup::Count);
        cache.put(key.clone(), 4, vec![4]);
        assert_eq!(cache.get(&key, 5), Lookup::Counts(vec![5]));
        assert_eq!(cache.get(&key, 6), Lookup::Count, "the stale put ended the claim");
    }
}
