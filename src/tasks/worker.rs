//! Workers: a thread with its own async runtime that claims ready tasks (up to its
//! concurrency), runs each within its kind's timeout, records the outcome under the task's
//! lease, renews the leases of what it runs, rescues tasks whose worker died, and enqueues
//! recurring tasks when due. `hireboard serve` embeds one; `hireboard worker` runs one alone.
//!
//! Shutting down stops claiming, lets running tasks finish within the grace period, then puts
//! what is left back in the queue: nothing is lost, at worst run again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::TimeDelta;
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::queue::{self, TaskRow};
use super::{Registry, TaskContext, TaskError};
use crate::config::Config;
use crate::db::DbPool;

#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// Tasks run at once.
    pub concurrency: usize,
    /// Only these queues; every queue when empty.
    pub queues: Vec<String>,
    /// How often an idle worker looks for ready tasks.
    pub poll: Duration,
    /// How long a claim holds without renewal; renewed every third of it.
    pub lease: Duration,
    /// How long running tasks may take to finish once shutdown begins.
    pub shutdown_grace: Duration,
}

impl WorkerConfig {
    pub fn from_config(config: &Config) -> WorkerConfig {
        WorkerConfig {
            concurrency: config.worker_concurrency,
            queues: config.worker_queues.clone(),
            poll: config.task_poll,
            lease: config.task_lease,
            shutdown_grace: config.worker_shutdown_grace,
        }
    }
}

/// A running worker. Dropping it does not stop it: call `shutdown`.
pub struct WorkerHandle {
    pub id: String,
    stop: watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl WorkerHandle {
    /// Stops claiming, waits for running tasks up to the grace period, releases the rest,
    /// and returns when the worker's thread has ended.
    pub fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            log::error!("worker {} ended with a panic", self.id);
        }
    }
}

/// Starts a worker on a thread of its own.
pub fn spawn(
    pool: DbPool,
    config: Arc<Config>,
    registry: Registry,
    settings: WorkerConfig,
) -> std::io::Result<WorkerHandle> {
    let suffix: String = crate::auth::token::generate().chars().take(6).collect();
    let id = format!("{}-{}", std::process::id(), suffix);
    let (stop, stopped) = watch::channel(false);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(settings.concurrency + 2)
        .build()?;
    let worker = Worker {
        id: id.clone(),
        pool,
        config,
        registry,
        settings,
        in_flight: Arc::new(Mutex::new(HashMap::new())),
    };
    let thread = std::thread::Builder::new()
        .name(format!("worker-{id}"))
        .spawn(move || runtime.block_on(worker.run(stopped)))?;
    Ok(WorkerHandle {
        id,
        stop,
        thread: Some(thread),
    })
}

/// Tasks claimed and not yet recorded, by id: what shutdown releases.
type InFlight = Arc<Mutex<HashMap<i64, TaskRow>>>;

struct Worker {
    id: String,
    pool: DbPool,
    config: Arc<Config>,
    registry: Registry,
    settings: WorkerConfig,
    in_flight: InFlight,
}

/// Maintenance (lease renewal, rescue of dead workers' tasks, recurring tasks) runs this often.
const MAINTENANCE_EVERY: Duration = Duration::from_secs(1);

impl Worker {
    async fn run(self, mut stopped: watch::Receiver<bool>) {
        log::info!(
            "worker {} started: {} at once, queues: {}",
            self.id,
            self.settings.concurrency,
            if self.settings.queues.is_empty() {
                "all".to_owned()
            } else {
                self.settings.queues.join(", ")
            }
        );
        let mut running: JoinSet<()> = JoinSet::new();
        let mut last_maintenance: Option<Instant> = None;
        let mut last_heartbeat = Instant::now();
        loop {
            if *stopped.borrow() {
                break;
            }
            if last_maintenance.is_none_or(|at| at.elapsed() >= MAINTENANCE_EVERY) {
                let heartbeat = last_heartbeat.elapsed() >= self.settings.lease / 3;
                if heartbeat {
                    last_heartbeat = Instant::now();
                }
                self.maintain(heartbeat).await;
                last_maintenance = Some(Instant::now());
            }
            let free = self.settings.concurrency.saturating_sub(running.len());
            let mut claimed = 0;
            if free > 0 {
                for task in self.claim(free).await {
                    claimed += 1;
                    running.spawn(self.execute(task));
                }
            }
            // Busy with a full batch: look again at once. Otherwise wait for a slot, the poll
            // interval or the stop signal.
            if claimed == 0 || running.len() >= self.settings.concurrency {
                tokio::select! {
                    _ = tokio::time::sleep(self.settings.poll) => {}
                    Some(_) = running.join_next(), if !running.is_empty() => {}
                    _ = stopped.changed() => {}
                }
            }
            while running.try_join_next().is_some() {}
        }
        self.drain(running).await;
        log::info!("worker {} stopped", self.id);
    }

    async fn claim(&self, limit: usize) -> Vec<TaskRow> {
        let pool = self.pool.clone();
        let worker = self.id.clone();
        let queues = self.settings.queues.clone();
        let lease = TimeDelta::from_std(self.settings.lease).unwrap_or(TimeDelta::seconds(30));
        let claimed = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            queue::claim(
                &mut conn,
                &worker,
                &queues,
                limit as i64,
                lease,
                crate::db::now(),
            )
            .map_err(|e| e.to_string())
        })
        .await;
        match claimed {
            Ok(Ok(tasks)) => {
                let mut in_flight = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
                for task in &tasks {
                    in_flight.insert(task.id, task.clone());
                }
                tasks
            }
            Ok(Err(e)) => {
                log::warn!("worker {}: claiming tasks failed: {e}", self.id);
                Vec::new()
            }
            Err(e) => {
                log::error!("worker {}: the claim's thread failed: {e}", self.id);
                Vec::new()
            }
        }
    }

    /// Runs one task and records its outcome; never fails itself.
    fn execute(&self, task: TaskRow) -> impl std::future::Future<Output = ()> + Send + 'static {
        let ctx = TaskContext {
            pool: self.pool.clone(),
            config: self.config.clone(),
            task_id: task.id,
            attempt: task.attempts,
        };
        let (future, timeout) = self.registry.start(&task.kind, &task.args, ctx);
        let pool = self.pool.clone();
        let in_flight = self.in_flight.clone();
        let worker = self.id.clone();
        async move {
            // Its own task, so that a panic in it is caught and recorded as a failure.
            let outcome = match tokio::time::timeout(timeout, tokio::spawn(future)).await {
                Ok(Ok(result)) => result,
                Ok(Err(e)) if e.is_panic() => Err(TaskError::retry("the task panicked")),
                Ok(Err(e)) => Err(TaskError::retry(format!("the task was cancelled: {e}"))),
                Err(_) => Err(TaskError::retry(format!(
                    "timed out after {} s",
                    timeout.as_secs_f64()
                ))),
            };
            let id = task.id;
            let recorded = tokio::task::spawn_blocking(move || {
                let mut conn = pool.get().map_err(|e| e.to_string())?;
                let now = crate::db::now();
                match &outcome {
                    Ok(()) => queue::complete(&mut conn, &task, now),
                    Err(error) => {
                        log::warn!(
                            "task {} ({}) failed on attempt {}: {error}",
                            task.id,
                            task.kind,
                            task.attempts
                        );
                        queue::fail(&mut conn, &task, error, now)
                    }
                }
                .map_err(|e| e.to_string())
            })
            .await;
            match recorded {
                Ok(Ok(true)) => {}
                Ok(Ok(false)) => log::warn!(
                    "worker {worker}: task {id} finished after its lease was lost; \
                     its outcome was not recorded (another worker owns it now)"
                ),
                Ok(Err(e)) => log::error!("worker {worker}: recording task {id} failed: {e}"),
                Err(e) => log::error!("worker {worker}: recording task {id} failed: {e}"),
            }
            in_flight
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&id);
        }
    }

    /// Renews this worker's leases (when `heartbeat`), rescues expired ones, and enqueues
    /// recurring tasks that are due.
    async fn maintain(&self, heartbeat: bool) {
        let pool = self.pool.clone();
        let worker = self.id.clone();
        let lease = TimeDelta::from_std(self.settings.lease).unwrap_or(TimeDelta::seconds(30));
        let done = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            let now = crate::db::now();
            if heartbeat {
                queue::heartbeat(&mut conn, &worker, now + lease).map_err(|e| e.to_string())?;
            }
            let rescued = queue::rescue_expired(&mut conn, now).map_err(|e| e.to_string())?;
            if rescued > 0 {
                log::warn!("rescued {rescued} task(s) whose worker stopped renewing its lease");
            }
            super::schedule::enqueue_due(&mut conn, now).map_err(|e| e.to_string())
        })
        .await;
        match done {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => log::warn!("worker {}: maintenance failed: {e}", self.id),
            Err(e) => log::error!("worker {}: maintenance thread failed: {e}", self.id),
        }
    }

    /// Waits for running tasks up to the grace period, then releases what is left.
    async fn drain(&self, mut running: JoinSet<()>) {
        let deadline = tokio::time::sleep(self.settings.shutdown_grace);
        tokio::pin!(deadline);
        while !running.is_empty() {
            tokio::select! {
                _ = running.join_next() => {}
                _ = &mut deadline => break,
            }
        }
        running.abort_all();
        let left: Vec<TaskRow> = self
            .in_flight
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .drain()
            .map(|(_, task)| task)
            .collect();
        if left.is_empty() {
            return;
        }
        let pool = self.pool.clone();
        let count = left.len();
        let released = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            let now = crate::db::now();
            for task in &left {
                queue::release(&mut conn, task, now).map_err(|e| e.to_string())?;
            }
            Ok::<_, String>(())
        })
        .await;
        match released {
            Ok(Ok(())) => log::warn!(
                "worker {}: {count} task(s) did not finish within the grace period and went back to the queue",
                self.id
            ),
            Ok(Err(e)) => log::error!(
                "worker {}: releasing unfinished tasks failed ({e}); they run again when their lease expires",
                self.id
            ),
            Err(e) => log::error!("worker {}: releasing failed: {e}", self.id),
        }
    }
}
