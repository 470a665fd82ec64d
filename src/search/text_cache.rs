//! Full-text matches of recent queries, keyed by index version and normalized words: popular
//! queries repeat, and the match is the one part of a search that costs milliseconds. Any
//! change to postings moves every key on. Each entry is a slot filled once: requests that miss
//! together wait for the one reading the database instead of all reading it (right after a
//! change, every request misses at once).
//!
//! Bounded by entries and by bytes: at a million postings a common word's matches take over a
//! megabyte, at 10,000 about 40 KB.

use std::sync::{Arc, Mutex, MutexGuard};

use lru::LruCache;

use super::TextMatches;

/// One query's matches, once read.
pub(super) type TextSlot = Arc<tokio::sync::OnceCell<Arc<TextMatches>>>;

const ENTRIES: usize = 256;
const BYTES: usize = 64 << 20;

struct Entry {
    slot: TextSlot,
    /// Counted once the slot is filled.
    bytes: usize,
}

pub(super) struct TextCache {
    entries: Mutex<Entries>,
    budget: usize,
}

struct Entries {
    lru: LruCache<String, Entry>,
    bytes: usize,
}

impl Default for TextCache {
    fn default() -> TextCache {
        TextCache::with_budget(BYTES)
    }
}

impl TextCache {
    fn with_budget(budget: usize) -> TextCache {
        TextCache { entries: Mutex::new(Entries { lru: LruCache::unbounded(), bytes: 0 }), budget }
    }

    fn lock(&self) -> MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The matches of `key`, when they were read.
    pub(super) fn cached(&self, key: &str) -> Option<Arc<TextMatches>> {
        self.lock().lru.get(key).and_then(|e| e.slot.get().cloned())
    }

    /// The slot of `key`, made empty if there is none.
    pub(super) fn slot(&self, key: &str) -> TextSlot {
        let mut entries = self.lock();
        if let Some(entry) = entries.lru.get(key) {
            return entry.slot.clone();
        }
        let slot = TextSlot::default();
        entries.lru.put(key.to_owned(), Entry { slot: slot.clone(), bytes: 0 });
        entries.shrink(ENTRIES, self.budget);
        slot
    }

    /// Counts the matches just read into `slot` against the budget, dropping the least recently
    /// used queries until it fits.
    pub(super) fn filled(&self, key: &str, slot: &TextSlot) {
        let Some(bytes) = slot.get().map(|m| m.bytes()) else { return };
        let mut entries = self.lock();
        let Some(entry) = entries.lru.peek_mut(key) else { return };
        if !Arc::ptr_eq(&entry.slot, slot) || entry.bytes != 0 {
            return;
        }
        entry.bytes = bytes;
        entries.bytes += bytes;
        entries.shrink(ENTRIES, self.budget);
    }

    #[cfg(test)]
    fn len_and_bytes(&self) -> (usize, usize) {
        let entries = self.lock();
        (entries.lru.len(), entries.bytes)
    }
}

impl Entries {
    /// Drops the least recently used entries (never the most recent one) while over either bound.
    fn shrink(&mut self, max_entries: usize, budget: usize) {
        while self.lru.len() > 1 && (self.lru.len() > max_entries || self.bytes > budget) {
            if let Some((_, gone)) = self.lru.pop_lru() {
                self.bytes -= gone.bytes;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filled_slots_count_against_the_budget_and_the_oldest_go_first() {
        let one = Arc::new(TextMatches::for_tests(1000));
        let cache = TextCache::with_budget(one.bytes() * 2 + one.bytes() / 2);
        for key in ["a", "b", "c"] {
            let slot = cache.slot(key);
            slot.set(one.clone()).unwrap();
            cache.filled(key, &slot);
        }
        let (len, bytes) = cache.len_and_bytes();
        assert_eq!((len, bytes), (2, one.bytes() * 2), "the oldest query made room");
        assert!(cache.cached("a").is_none());
        assert!(cache.cached("b").is_some() && cache.cached("c").is_some());
        // Counting the same slot twice counts it once.
        let slot = cache.slot("c");
        cache.filled("c", &slot);
        assert_eq!(cache.len_and_bytes(), (2, one.bytes() * 2));
    }

    #[test]
    fn empty_slots_are_bounded_by_count() {
        let cache = TextCache::default();
        for i in 0..ENTRIES + 10 {
            cache.slot(&i.to_string());
        }
        assert_eq!(cache.len_and_bytes(), (ENTRIES, 0));
        assert!(cache.cached("0").is_none());
    }
}
