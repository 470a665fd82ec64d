//! `hireboard tasks bench`: how fast the default worker drains no-op tasks, and how soon a
//! task enqueued on an idle queue starts. Run by `bench/tasks` against the release build.

use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::prelude::*;

use super::noop::Noop;
use super::worker::{self, WorkerConfig};
use super::{Registry, Task};
use crate::config::Config;
use crate::db::DbPool;
use crate::db::schema::tasks;

pub struct Report {
    pub tasks: usize,
    pub enqueue_seconds: f64,
    pub drain_seconds: f64,
    /// Milliseconds from an enqueue's commit to the task's start, sorted.
    pub start_latencies: Vec<f64>,
}

impl Report {
    pub fn per_second(&self) -> f64 {
        self.tasks as f64 / self.drain_seconds
    }

    /// The `p`th percentile (0–100) of start latency, in milliseconds.
    pub fn latency(&self, p: f64) -> f64 {
        if self.start_latencies.is_empty() {
            return 0.0;
        }
        let rank = ((p / 100.0) * (self.start_latencies.len() - 1) as f64).round() as usize;
        self.start_latencies[rank.min(self.start_latencies.len() - 1)]
    }
}

fn count_where(pool: &DbPool, state: &str) -> Result<i64, String> {
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    tasks::table
        .filter(tasks::state.eq(state))
        .count()
        .get_result(&mut conn)
        .map_err(|e| e.to_string())
}

/// Enqueues `count` no-op tasks at once and times the worker draining them; then enqueues
/// `probes` single tasks on the idle queue and times each one's start.
pub fn run(
    pool: DbPool,
    config: Arc<Config>,
    count: usize,
    probes: usize,
) -> Result<Report, String> {
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let started = Instant::now();
    crate::db::write_transaction(&mut conn, |conn| {
        for _ in 0..count {
            Noop::default().enqueue(conn)?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .map_err(|e| e.to_string())?;
    let enqueue_seconds = started.elapsed().as_secs_f64();
    // The worker gets the pool to itself while it drains.
    drop(conn);
    let handle = worker::spawn(
        pool.clone(),
        config.clone(),
        Registry::standard(),
        WorkerConfig::from_config(&config),
        Default::default(),
        crate::i18n::Messages::open(&config.locales_dir)?,
    )
    .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let deadline = started + Duration::from_secs(600);
    while count_where(&pool, super::queue::DONE)? < count as i64 {
        if Instant::now() > deadline {
            handle.shutdown();
            return Err("the worker did not drain the queue within 10 minutes".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let drain_seconds = started.elapsed().as_secs_f64();
    let mut conn = pool.get().map_err(|e| e.to_string())?;

    let mut start_latencies = Vec::with_capacity(probes);
    for i in 0..probes {
        // Spread the probes over the worker's poll cycle.
        std::thread::sleep(Duration::from_millis(20 + (i as u64 * 37) % 80));
        let id = Noop::default()
            .enqueue(&mut conn)
            .map_err(|e| e.to_string())?
            .ok_or("the probe was de-duplicated")?;
        let enqueued = Instant::now();
        loop {
            let state: String = tasks::table
                .filter(tasks::id.eq(id))
                .select(tasks::state)
                .first(&mut conn)
                .map_err(|e| e.to_string())?;
            if state != super::queue::QUEUED {
                break;
            }
            if enqueued.elapsed() > Duration::from_secs(10) {
                handle.shutdown();
                return Err(format!("probe task {id} did not start within 10 s"));
            }
            std::thread::sleep(Duration::from_micros(500));
        }
        start_latencies.push(enqueued.elapsed().as_secs_f64() * 1000.0);
    }
    handle.shutdown();
    start_latencies.sort_by(f64::total_cmp);
    Ok(Report { tasks: count, enqueue_seconds, drain_seconds, start_latencies })
}
