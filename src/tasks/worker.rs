//! Workers: a thread with its own async runtime that claims ready tasks (up to its
//! concurrency), runs each within its kind's timeout, records the outcome under the task's
//! lease, renews the leases of what it runs, rescues tasks whose worker died, and enqueues
//! recurring tasks when due. `hireboard serve` embeds one; `hireboard worker` runs one alone.
//!
//! Shutting down stops claiming, lets running tasks finish within the grace period, then puts
//! what is left back in the queue: nothing is lost, at worst run again.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::TimeDelta;
use tokio::sync::{mpsc, watch};
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
    search: crate::search::SearchHandle,
    messages: crate::i18n::Messages,
) -> std::io::Result<WorkerHandle> {
    let suffix: String = crate::auth::token::generate().chars().take(6).collect();
    let id = format!("{}-{}", std::process::id(), suffix);
    let (stop, stopped) = watch::channel(false);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(settings.concurrency + 2)
        .build()?;
    // Checked when the configuration was read; built here so that failing is still an error.
    crate::mail::Mailer::check(&config).map_err(std::io::Error::other)?;
    let storage =
        crate::uploads::Storage::open(&config.storage_url).map_err(std::io::Error::other)?;
    let worker = Worker {
        // Replaced inside the worker's runtime: an SMTP pool needs one to start.
        mailer: crate::mail::Mailer::Outbox,
        id: id.clone(),
        pool,
        config,
        registry,
        settings,
        search,
        storage,
        messages,
        in_flight: Arc::new(Mutex::new(HashMap::new())),
    };
    let thread = std::thread::Builder::new().name(format!("worker-{id}")).spawn(move || {
        runtime.block_on(async move {
            let mut worker = worker;
            match crate::mail::Mailer::from_config(&worker.config) {
                Ok(mailer) => worker.mailer = mailer,
                Err(e) => {
                    log::error!("worker {}: cannot set up mail: {e}", worker.id);
                    return;
                }
            }
            worker.run(stopped).await
        })
    })?;
    Ok(WorkerHandle { id, stop, thread: Some(thread) })
}

/// Tasks claimed and not yet recorded, by id: what shutdown releases.
type InFlight = Arc<Mutex<HashMap<i64, TaskRow>>>;

struct Worker {
    mailer: crate::mail::Mailer,
    id: String,
    pool: DbPool,
    config: Arc<Config>,
    registry: Registry,
    settings: WorkerConfig,
    search: crate::search::SearchHandle,
    storage: crate::uploads::Storage,
    messages: crate::i18n::Messages,
    in_flight: InFlight,
}

/// A claim fetches up to this many tasks per slot (running ones included).
const PREFETCH: usize = 4;

/// Outcomes written in one transaction, at most.
const RECORD_BATCH: usize = 256;

/// A finished run, on its way to the database.
struct Outcome {
    task: TaskRow,
    result: Result<(), TaskError>,
}

/// Writes outcomes as they come, everything waiting in one transaction (one commit for many
/// tasks when the queue is busy), each under its task's lease. Ends when every sender is gone.
async fn record_outcomes(
    pool: DbPool,
    worker: String,
    in_flight: InFlight,
    mut received: mpsc::UnboundedReceiver<Outcome>,
) {
    while let Some(first) = received.recv().await {
        let mut batch = vec![first];
        while batch.len() < RECORD_BATCH
            && let Ok(more) = received.try_recv()
        {
            batch.push(more);
        }
        let ids: Vec<i64> = batch.iter().map(|o| o.task.id).collect();
        let recorded = crate::db::blocking(&pool, move |conn| {
            let now = crate::db::now();
            crate::db::write_transaction_retrying(conn, |conn| {
                let mut lost = 0;
                // Successes: one statement per claim (tasks claimed together share a token).
                let mut done: HashMap<&str, Vec<i64>> = HashMap::new();
                for outcome in &batch {
                    match &outcome.result {
                        Ok(()) => done
                            .entry(outcome.task.lease_token.as_deref().unwrap_or_default())
                            .or_default()
                            .push(outcome.task.id),
                        Err(error) => {
                            if !queue::fail(conn, &outcome.task, error, now)? {
                                lost += 1;
                            }
                        }
                    }
                }
                for (token, ids) in done {
                    lost += ids.len() - queue::complete_many(conn, token, &ids, now)?;
                }
                Ok(lost)
            })
            .map_err(|e| e.to_string())
        })
        .await;
        match recorded {
            Ok(0) => {}
            Ok(lost) => log::warn!(
                "worker {worker}: {lost} task(s) finished after their lease was lost; \
                 their outcome was not recorded (another worker owns them now)"
            ),
            // Not recorded: the leases expire and the tasks run again elsewhere.
            Err(e) => log::error!("worker {worker}: recording outcomes failed: {e}"),
        }
        let mut in_flight = in_flight.lock().unwrap_or_else(|p| p.into_inner());
        for id in ids {
            in_flight.remove(&id);
        }
    }
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
        // Claimed and not started yet: claims fetch a few tasks ahead, so that a busy queue
        // costs one claim per batch instead of one per task.
        let mut buffered: VecDeque<TaskRow> = VecDeque::new();
        let (outcomes, received) = mpsc::unbounded_channel();
        let recorder = tokio::spawn(record_outcomes(
            self.pool.clone(),
            self.id.clone(),
            self.in_flight.clone(),
            received,
        ));
        let concurrency = self.settings.concurrency;
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
            while running.try_join_next().is_some() {}
            if buffered.is_empty() && running.len() < concurrency {
                let limit = (concurrency * PREFETCH).saturating_sub(running.len());
                buffered.extend(self.claim(limit).await);
            }
            while running.len() < concurrency
                && let Some(task) = buffered.pop_front()
            {
                running.spawn(self.execute(task, outcomes.clone()));
            }
            // Nothing to do: wait for the poll interval. All slots busy: wait for one to free.
            if buffered.is_empty() && running.len() < concurrency {
                tokio::select! {
                    _ = tokio::time::sleep(self.settings.poll) => {}
                    _ = stopped.changed() => {}
                }
            } else if running.len() >= concurrency {
                tokio::select! {
                    _ = running.join_next() => {}
                    _ = stopped.changed() => {}
                }
            }
        }
        self.drain(running, outcomes, recorder).await;
        log::info!("worker {} stopped", self.id);
    }

    async fn claim(&self, limit: usize) -> Vec<TaskRow> {
        let pool = self.pool.clone();
        let worker = self.id.clone();
        let queues = self.settings.queues.clone();
        let lease = TimeDelta::from_std(self.settings.lease).unwrap_or(TimeDelta::seconds(30));
        let claimed = crate::db::blocking(&pool, move |conn| {
            queue::claim(conn, &worker, &queues, limit as i64, lease, crate::db::now())
                .map_err(|e| e.to_string())
        })
        .await;
        match claimed {
            Ok(tasks) => {
                let mut in_flight = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
                for task in &tasks {
                    in_flight.insert(task.id, task.clone());
                }
                tasks
            }
            Err(e) => {
                log::warn!("worker {}: claiming tasks failed: {e}", self.id);
                Vec::new()
            }
        }
    }

    /// Runs one task and hands its outcome to the recorder; never fails itself.
    fn execute(
        &self,
        task: TaskRow,
        outcomes: mpsc::UnboundedSender<Outcome>,
    ) -> impl std::future::Future<Output = ()> + Send + 'static {
        let ctx = TaskContext {
            pool: self.pool.clone(),
            config: self.config.clone(),
            task_id: task.id,
            attempt: task.attempts,
            mailer: self.mailer.clone(),
            search: self.search.clone(),
            storage: self.storage.clone(),
            messages: self.messages.clone(),
        };
        let (future, timeout) = self.registry.start(&task.kind, &task.args, ctx);
        async move {
            // Its own task, so that a panic in it is caught and recorded as a failure.
            let result = match tokio::time::timeout(timeout, tokio::spawn(future)).await {
                Ok(Ok(result)) => result,
                Ok(Err(e)) if e.is_panic() => Err(TaskError::retry("the task panicked")),
                Ok(Err(e)) => Err(TaskError::retry(format!("the task was cancelled: {e}"))),
                Err(_) => {
                    Err(TaskError::retry(format!("timed out after {} s", timeout.as_secs_f64())))
                }
            };
            if let Err(error) = &result {
                log::warn!(
                    "task {} ({}) failed on attempt {}: {error}",
                    task.id,
                    task.kind,
                    task.attempts
                );
            }
            // The recorder outlives every executor; a send fails only after a panic there.
            let _ = outcomes.send(Outcome { task, result });
        }
    }

    /// Renews this worker's leases (when `heartbeat`), rescues expired ones, and enqueues
    /// recurring tasks that are due.
    async fn maintain(&self, heartbeat: bool) {
        let pool = self.pool.clone();
        let worker = self.id.clone();
        let lease = TimeDelta::from_std(self.settings.lease).unwrap_or(TimeDelta::seconds(30));
        let held: Vec<i64> = if heartbeat {
            let in_flight = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
            in_flight.keys().copied().collect()
        } else {
            Vec::new()
        };
        let done = crate::db::blocking(&pool, move |conn| {
            let now = crate::db::now();
            if !held.is_empty() {
                queue::heartbeat(conn, &worker, &held, now + lease).map_err(|e| e.to_string())?;
            }
            let rescued = queue::rescue_expired(conn, now).map_err(|e| e.to_string())?;
            if rescued > 0 {
                log::warn!("rescued {rescued} task(s) whose worker stopped renewing its lease");
            }
            super::schedule::enqueue_due(conn, now).map_err(|e| e.to_string())
        })
        .await;
        if let Err(e) = done {
            log::warn!("worker {}: maintenance failed: {e}", self.id);
        }
    }

    /// Waits for running tasks up to the grace period, records their outcomes, then releases
    /// what is left (tasks still running, and claimed ones never started).
    async fn drain(
        &self,
        mut running: JoinSet<()>,
        outcomes: mpsc::UnboundedSender<Outcome>,
        recorder: tokio::task::JoinHandle<()>,
    ) {
        let deadline = tokio::time::sleep(self.settings.shutdown_grace);
        tokio::pin!(deadline);
        while !running.is_empty() {
            tokio::select! {
                _ = running.join_next() => {}
                _ = &mut deadline => break,
            }
        }
        running.abort_all();
        // The recorder ends once every sender is gone and what they sent is written.
        drop(outcomes);
        while running.join_next().await.is_some() {}
        if let Err(e) = recorder.await {
            log::error!("worker {}: the outcome recorder failed: {e}", self.id);
        }
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
        let released = crate::db::blocking(&pool, move |conn| {
            let now = crate::db::now();
            for task in &left {
                queue::release(conn, task, now).map_err(|e| e.to_string())?;
            }
            Ok::<_, String>(())
        })
        .await;
        match released {
            Ok(()) => log::warn!(
                "worker {}: {count} task(s) did not finish within the grace period and went back to the queue",
                self.id
            ),
            Err(e) => log::error!(
                "worker {}: releasing unfinished tasks failed ({e}); they run again when their lease expires",
                self.id
            ),
        }
    }
}
