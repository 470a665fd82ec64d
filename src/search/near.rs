//! Location searches' candidates, kept with the index: the postings within a radius of a place
//! are the same for every search near it until postings change, and finding them reads a band
//! of latitudes around the world (hundreds of thousands of points at a million postings).
//! Their order by distance is worked out once too, when a search first sorts by it.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, OnceLock};

use lru::LruCache;
use roaring::RoaringBitmap;

use super::geo::{Point, distance_km};
use super::index::{SearchIndex, position};
use crate::models::Workplace;

/// Circles kept per index: the popular places and radii.
const KEPT: NonZeroUsize = NonZeroUsize::new(64).unwrap();

/// Centre (as bits), radius in km, remote roles included.
type Key = (u64, u64, u32, bool);

/// The postings within a radius of a point.
#[derive(Debug)]
pub(super) struct Near {
    pub(super) set: RoaringBitmap,
    centre: Point,
    /// `set` nearest first; postings without a point (remote roles) last, newest first.
    order: OnceLock<Vec<u32>>,
}

#[derive(Debug)]
pub(super) struct NearMemo(Mutex<LruCache<Key, Arc<Near>>>);

impl Default for NearMemo {
    fn default() -> NearMemo {
        NearMemo(Mutex::new(LruCache::new(KEPT)))
    }
}

impl NearMemo {
    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<Key, Arc<Near>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl SearchIndex {
    /// The postings within `km` of `centre`, and the remote ones if `include_remote`.
    pub(super) fn near(&self, centre: Point, km: u32, include_remote: bool) -> Arc<Near> {
        let key = (centre.0.to_bits(), centre.1.to_bits(), km, include_remote);
        if let Some(near) = self.near_memo.lock().get(&key) {
            return near.clone();
        }
        // Two searches missing together both compute it: cheaper than making one wait.
        let mut set = self.within(centre, f64::from(km));
        if include_remote {
            set |= &self.postings.workplace.sets
                [position(Workplace::ALL, &Workplace::Remote) as usize];
        }
        let near = Arc::new(Near { set, centre, order: OnceLock::new() });
        self.near_memo.lock().put(key, near.clone());
        near
    }

    /// Items `start..start + n` of `result` (a subset of `near.set`) nearest first.
    pub(super) fn page_by_distance(
        &self,
        near: &Near,
        result: &RoaringBitmap,
        start: usize,
        n: usize,
    ) -> Vec<u32> {
        let order = near.order.get_or_init(|| {
            let mut all: Vec<(f64, u32)> = near
                .set
                .iter()
                .map(|i| {
                    let point = self.columns.point[i as usize];
                    (point.map_or(f64::INFINITY, |p| distance_km(near.centre, p)), i)
                })
                .collect();
            all.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            all.into_iter().map(|(_, i)| i).collect()
        });
        order.iter().copied().filter(|i| result.contains(*i)).skip(start).take(n).collect()
    }
}
