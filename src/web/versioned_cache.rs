//! What the public pages read from the database, kept between requests.
//!
//! Every write to a posting, its translations, skills or company bumps the search index's
//! version (the admin's saves refresh this server's index at once, other servers within
//! `SEARCH_REFRESH_MS`), and that version is part of every key: an entry from an older index
//! is never served, it just ages out. Entries are per locale because what they hold is
//! translated or formatted for it. What depends on the clock (a posting past its closing date)
//! is decided when the page is rendered, not here.

use std::hash::Hash;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use lru::LruCache;

use crate::i18n::Locale;
use crate::models::job::JobPage;
use crate::web::view::CardView;

/// Result cards by posting id: about 600 bytes a card, a few megabytes at most.
pub type CardCache = VersionedCache<i64, CardView>;
pub const CARD_ENTRIES: NonZeroUsize = NonZeroUsize::new(4096).unwrap();

/// The API's postings as listed, serialized (JSON), by posting id: about 1 KB each.
pub type ApiCardCache = VersionedCache<i64, String>;
pub const API_CARD_ENTRIES: NonZeroUsize = NonZeroUsize::new(4096).unwrap();

/// Posting pages' data by slug: a few kilobytes of text each, a few megabytes at most.
pub type PageCache = VersionedCache<String, JobPage>;
pub const PAGE_ENTRIES: NonZeroUsize = NonZeroUsize::new(512).unwrap();

/// A bounded, least-recently-used map from (index version, locale, key) to shared values,
/// cheap to clone: clones share the entries.
pub struct VersionedCache<K: Hash + Eq, V> {
    entries: Arc<Mutex<Entries<K, V>>>,
}

type Entries<K, V> = LruCache<(i64, Locale, K), Arc<V>>;

impl<K: Hash + Eq, V> Clone for VersionedCache<K, V> {
    fn clone(&self) -> Self {
        VersionedCache { entries: self.entries.clone() }
    }
}

impl<K: Hash + Eq + Clone, V> VersionedCache<K, V> {
    pub fn new(capacity: NonZeroUsize) -> Self {
        VersionedCache { entries: Arc::new(Mutex::new(LruCache::new(capacity))) }
    }

    pub fn get(&self, version: i64, locale: Locale, key: &K) -> Option<Arc<V>> {
        self.get_many(version, locale, std::slice::from_ref(key)).pop().flatten()
    }

    /// The values of `keys` in order, `None` where not cached; one lock for them all.
    pub fn get_many(&self, version: i64, locale: Locale, keys: &[K]) -> Vec<Option<Arc<V>>> {
        let mut entries = self.lock();
        keys.iter().map(|key| entries.get(&(version, locale, key.clone())).cloned()).collect()
    }

    pub fn put(&self, version: i64, locale: Locale, key: K, value: Arc<V>) {
        self.put_many(version, locale, [(key, value)]);
    }

    pub fn put_many(
        &self,
        version: i64,
        locale: Locale,
        values: impl IntoIterator<Item = (K, Arc<V>)>,
    ) {
        let mut entries = self.lock();
        for (key, value) in values {
            entries.put((version, locale, key), value);
        }
    }

    /// A panic while holding the lock leaves whole entries behind, never half of one.
    fn lock(&self) -> std::sync::MutexGuard<'_, Entries<K, V>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_found_only_under_its_version_and_locale() {
        let cache: VersionedCache<i64, &str> = VersionedCache::new(NonZeroUsize::new(8).unwrap());
        cache.put(3, Locale::EN, 7, Arc::new("seven"));
        assert_eq!(cache.get(3, Locale::EN, &7).as_deref(), Some(&"seven"));
        assert_eq!(cache.get(4, Locale::EN, &7), None, "a newer index misses");
        assert_eq!(cache.get(3, Locale::DE, &7), None, "another language misses");
        let found = cache.get_many(3, Locale::EN, &[1, 7]);
        assert_eq!(
            found.iter().map(|v| v.as_deref().copied()).collect::<Vec<_>>(),
            [None, Some("seven")]
        );
    }

    #[test]
    fn the_least_recently_used_entry_goes_first() {
        let cache: VersionedCache<i64, i64> = VersionedCache::new(NonZeroUsize::new(2).unwrap());
        cache.put_many(1, Locale::EN, [(1, Arc::new(10)), (2, Arc::new(20))]);
        assert!(cache.get(1, Locale::EN, &1).is_some());
        cache.put(1, Locale::EN, 3, Arc::new(30));
        assert!(cache.get(1, Locale::EN, &2).is_none(), "2 was used least recently");
        assert!(cache.get(1, Locale::EN, &1).is_some());
        assert!(cache.get(1, Locale::EN, &3).is_some());
    }
}
