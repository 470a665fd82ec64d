//! Answers kept with an index for as long as the open postings they were worked out from hold:
//! the same search on the same postings gives the same results, facet counts and map, and at a
//! million postings working them out reads hundreds of thousands of them. Popular searches
//! (the landing page, a city, the whole board's map) are most of the traffic.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, MutexGuard};

use lru::LruCache;

use super::index::Window;

/// Searches kept per index and kind of answer.
const KEPT: usize = 128;

#[derive(Debug)]
pub(super) struct Memo<V>(Mutex<LruCache<String, Kept<V>>>);

/// An answer, and the open postings it was worked out from.
type Kept<V> = (Arc<Window>, Arc<V>);

impl<V> Default for Memo<V> {
    fn default() -> Memo<V> {
        Memo(Mutex::new(LruCache::new(NonZeroUsize::new(KEPT).expect("non-zero"))))
    }
}

impl<V> Memo<V> {
    fn lock(&self) -> MutexGuard<'_, LruCache<String, Kept<V>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The answer kept for `key` over `window`, else `work`'s (kept). Two requests missing
    /// together both work: cheaper than making one wait, and rare once the answer is kept.
    pub(super) fn get_or(
        &self,
        key: String,
        window: &Arc<Window>,
        work: impl FnOnce() -> V,
    ) -> Arc<V> {
        if let Some((at, kept)) = self.lock().get(&key)
            && Arc::ptr_eq(at, window)
        {
            return kept.clone();
        }
        let answer = Arc::new(work());
        self.lock().put(key, (window.clone(), answer.clone()));
        answer
    }
}
