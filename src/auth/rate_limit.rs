//! A per-IP limit on sign-in attempts, on top of the per-account lockout: one address trying
//! many accounts is slowed down too. Kept in memory, so each app instance counts on its own.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct RateLimiter {
    max: usize,
    window: Duration,
    hits: Arc<Mutex<HashMap<IpAddr, VecDeque<Instant>>>>,
}

/// Addresses remembered at most; past this, the oldest entries are dropped wholesale. Bounds
/// memory when many addresses try once.
const MAX_ADDRESSES: usize = 10_000;

impl RateLimiter {
    pub fn new(max: usize, window: Duration) -> RateLimiter {
        RateLimiter {
            max,
            window,
            hits: Arc::default(),
        }
    }

    /// Records an attempt from `ip` at `now`; false when the address is over its limit (the
    /// refused attempt is not counted).
    pub fn allow(&self, ip: IpAddr, now: Instant) -> bool {
        let mut hits = self.hits.lock().unwrap_or_else(|e| e.into_inner());
        if hits.len() >= MAX_ADDRESSES && !hits.contains_key(&ip) {
            let window = self.window;
            hits.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < window)
            });
        }
        let times = hits.entry(ip).or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            times.pop_front();
        }
        if times.len() >= self.max {
            return false;
        }
        times.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_each_address_within_the_window() {
        let limiter = RateLimiter::new(3, Duration::from_secs(60));
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let t0 = Instant::now();
        assert!(limiter.allow(a, t0));
        assert!(limiter.allow(a, t0));
        assert!(limiter.allow(a, t0));
        assert!(!limiter.allow(a, t0), "the fourth attempt in the window");
        assert!(limiter.allow(b, t0), "other addresses are not affected");
        assert!(
            limiter.allow(a, t0 + Duration::from_secs(61)),
            "the window moved on"
        );
    }
}
