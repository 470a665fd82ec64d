//! Work that many requests ask for at the same moment, done once: the first caller runs it,
//! the others wait for its result. Right after postings change every cache misses together;
//! without this each concurrent request would read the same rows itself.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use tokio::sync::OnceCell;

/// Calls in progress by key. Cheap to clone: clones share the calls.
pub struct SingleFlight<K, V> {
    calls: Arc<Mutex<HashMap<K, Arc<OnceCell<V>>>>>,
}

impl<K, V> Clone for SingleFlight<K, V> {
    fn clone(&self) -> Self {
        SingleFlight { calls: self.calls.clone() }
    }
}

impl<K, V> Default for SingleFlight<K, V> {
    fn default() -> Self {
        SingleFlight { calls: Arc::default() }
    }
}

impl<K: Hash + Eq + Clone, V: Clone> SingleFlight<K, V> {
    /// `work`'s result, run by this caller unless another is running it for `key` (then its
    /// result; if it fails or its caller goes away, the next waiter runs `work` itself).
    /// Callers arriving once the call finished start a new one: `work` should leave its
    /// result where they look first (a cache).
    pub async fn run<E, F, Fut>(&self, key: K, work: F) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, E>>,
    {
        let call = self.lock().entry(key.clone()).or_default().clone();
        let result = call.get_or_try_init(work).await.cloned();
        let mut calls = self.lock();
        if calls.get(&key).is_some_and(|current| Arc::ptr_eq(current, &call)) {
            calls.remove(&key);
        }
        result
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, Arc<OnceCell<V>>>> {
        self.calls.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn concurrent_callers_share_one_run_and_later_ones_run_again() {
        let flight: SingleFlight<&str, usize> = SingleFlight::default();
        let runs = AtomicUsize::new(0);
        let work = || async {
            runs.fetch_add(1, Ordering::SeqCst);
            tokio::task::yield_now().await;
            Ok::<_, ()>(7)
        };
        let together = futures_util::future::join_all((0..8).map(|_| flight.run("k", work))).await;
        assert!(together.iter().all(|r| *r == Ok(7)));
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        assert!(flight.lock().is_empty(), "a finished call is forgotten");
        assert_eq!(flight.run("k", work).await, Ok(7));
        assert_eq!(runs.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_failed_run_leaves_the_next_caller_to_try() {
        let flight: SingleFlight<u8, u8> = SingleFlight::default();
        assert_eq!(flight.run(1, || async { Err::<u8, &str>("down") }).await, Err("down"));
        assert_eq!(flight.run(1, || async { Ok::<u8, &str>(3) }).await, Ok(3));
    }
}
