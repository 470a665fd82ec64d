//! Posting pages' data, kept between requests, so that a posting seen again needs no query.
//!
//! As with the result cards (see `card_cache`), the search index's version is part of the
//! key: every write to a posting, its translations, skills or company bumps it (the admin's
//! saves refresh this server's index at once, other servers within `SEARCH_REFRESH_MS`), so a
//! page from an older index is never served; it just ages out. What depends on the clock (a
//! posting past its closing date) is decided when the page is rendered, not here.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use lru::LruCache;

use crate::i18n::Locale;
use crate::models::job::JobPage;

/// A posting's page data is a few kilobytes of text: a few megabytes at most.
const ENTRIES: NonZeroUsize = NonZeroUsize::new(512).unwrap();

type Key = (i64, Locale, String);

#[derive(Clone)]
pub struct PageCache {
    entries: Arc<Mutex<LruCache<Key, Arc<JobPage>>>>,
}

impl Default for PageCache {
    fn default() -> PageCache {
        PageCache { entries: Arc::new(Mutex::new(LruCache::new(ENTRIES))) }
    }
}

impl PageCache {
    pub fn get(&self, version: i64, locale: Locale, slug: &str) -> Option<Arc<JobPage>> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.get(&(version, locale, slug.to_owned())).cloned()
    }

    pub fn put(&self, version: i64, locale: Locale, slug: String, page: Arc<JobPage>) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.put((version, locale, slug), page);
    }
}
