//! Answers kept with an index for as long as the open postings they were worked out from hold:
//! the same search on the same postings gives the same results, facet counts and map, and at a
//! million postings working them out reads hundreds of thousands of them. Popular searches
//! (the landing page, a city, the whole board's map) are most of the traffic.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use lru::LruCache;

use super::index::Window;

/// Searches kept per index and kind of answer.
const KEPT: NonZeroUsize = NonZeroUsize::new(128).unwrap();

#[derive(Debug)]
pub(super) struct Memo<V>(Mutex<LruCache<String, Kept<V>>>);

/// The open postings an answer is worked out from, and the answer once worked out.
type Kept<V> = (Arc<Window>, Arc<OnceLock<Arc<V>>>);

impl<V> Default for Memo<V> {
    fn default() -> Memo<V> {
        Memo(Mutex::new(LruCache::new(KEPT)))
    }
}

impl<V> Memo<V> {
    fn lock(&self) -> MutexGuard<'_, LruCache<String, Kept<V>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The answer kept for `key` over `window`, else `work`'s (kept). Requests missing
    /// together wait for the first one's work instead of all doing it: when a posting closes,
    /// every kept answer goes at once, and at a million postings each costs milliseconds.
    pub(super) fn get_or(
        &self,
        key: String,
        window: &Arc<Window>,
        work: impl FnOnce() -> V,
    ) -> Arc<V> {
        let slot = {
            let mut kept = self.lock();
            match kept.get(&key) {
                Some((at, slot)) if Arc::ptr_eq(at, window) => slot.clone(),
                _ => {
                    let slot = Arc::new(OnceLock::new());
                    kept.put(key, (window.clone(), slot.clone()));
                    slot
                }
            }
        };
        slot.get_or_init(|| Arc::new(work())).clone()
    }
}
