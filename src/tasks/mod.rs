//! Background tasks: a queue in the application's own database (`queue.rs`), workers that run
//! it (`worker.rs`), recurring tasks from cron expressions (`schedule.rs`), and one file per
//! task kind. In this code a "job" is always a job posting; background work is a "task".
//!
//! Delivery is at least once: a task whose worker dies runs again once its lease expires, so
//! every kind must be idempotent (safe to run twice).

pub mod alerts;
pub mod bench;
pub mod expire_postings;
pub mod expiry_reminders;
pub mod fetch_feed;
pub mod import_file;
pub mod indexing;
pub mod logo_versions;
pub mod noop;
pub mod optimize_database;
pub mod purge_applications;
pub mod purge_tasks;
pub mod purge_uploads;
pub mod queue;
pub mod schedule;
pub mod send_mail;
pub mod worker;

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::db::{DbConn, DbPool};

/// Why a run failed. `permanent` failures skip the remaining attempts (the arguments cannot
/// work, ever); others are retried with backoff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskError {
    pub message: String,
    pub permanent: bool,
    /// Not before this long, whatever the backoff says (a receiver's `Retry-After`).
    pub retry_after: Option<Duration>,
}

impl TaskError {
    pub fn retry(message: impl Into<String>) -> TaskError {
        TaskError { message: message.into(), permanent: false, retry_after: None }
    }

    /// A failure to retry no sooner than `delay` from now.
    pub fn retry_after(message: impl Into<String>, delay: Duration) -> TaskError {
        TaskError { retry_after: Some(delay), ..TaskError::retry(message) }
    }

    pub fn permanent(message: impl Into<String>) -> TaskError {
        TaskError { message: message.into(), permanent: true, retry_after: None }
    }
}

impl std::fmt::Display for TaskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<diesel::result::Error> for TaskError {
    fn from(e: diesel::result::Error) -> TaskError {
        TaskError::retry(format!("database: {e}"))
    }
}

impl From<crate::db::Unavailable> for TaskError {
    fn from(e: crate::db::Unavailable) -> TaskError {
        TaskError::retry(e.to_string())
    }
}

impl From<crate::error::AppError> for TaskError {
    fn from(e: crate::error::AppError) -> TaskError {
        TaskError::retry(e.to_string())
    }
}

/// What a running task may use.
#[derive(Clone)]
pub struct TaskContext {
    pub pool: DbPool,
    pub config: Arc<crate::config::Config>,
    /// The task's id, for idempotency keys of its effects.
    pub task_id: i64,
    /// Which attempt this run is, from 1.
    pub attempt: i32,
    /// Where mail goes.
    pub mailer: crate::mail::Mailer,
    /// The published postings, as the search page sees them (shared with the app when the
    /// worker runs inside `serve`).
    pub search: crate::search::SearchHandle,
    /// Uploaded files.
    pub storage: crate::uploads::Storage,
    /// The messages mails are written in (with the translators' overrides).
    pub messages: crate::i18n::Messages,
}

impl TaskContext {
    /// [`crate::db::blocking`] for tasks: the error is the task's, so closures infer it.
    pub async fn with_conn<T, F>(&self, f: F) -> Result<T, TaskError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, TaskError> + Send + 'static,
    {
        crate::db::blocking(&self.pool, f).await
    }
}

pub type TaskFuture = Pin<Box<dyn Future<Output = Result<(), TaskError>> + Send>>;

/// A kind of background work, in the shape of crates.io's worker: a name, a queue, a
/// priority, serialized arguments and a `run`.
pub trait Task: Serialize + DeserializeOwned + Send + 'static {
    /// Stored with each task; renaming a kind strands its queued tasks.
    const KIND: &'static str;
    const QUEUE: &'static str = "default";
    /// Higher runs first.
    const PRIORITY: i32 = 0;
    const MAX_ATTEMPTS: i32 = 10;
    /// A run taking longer fails (and is retried).
    const TIMEOUT: Duration = Duration::from_secs(60);

    /// At most one task with this key waits or runs at a time; enqueuing another is a no-op.
    fn dedup_key(&self) -> Option<String> {
        None
    }

    fn run(self, ctx: TaskContext) -> impl Future<Output = Result<(), TaskError>> + Send;

    /// Adds this task to the queue, to run now, in the caller's transaction if there is one.
    /// `None` when a task with the same de-duplication key is already waiting or running.
    fn enqueue(&self, conn: &mut DbConn) -> diesel::QueryResult<Option<i64>> {
        self.enqueue_at(conn, crate::db::now())
    }

    fn enqueue_at(
        &self,
        conn: &mut DbConn,
        run_at: chrono::NaiveDateTime,
    ) -> diesel::QueryResult<Option<i64>> {
        let args = serde_json::to_string(self)
            .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
        queue::insert(
            conn,
            &queue::NewTask {
                kind: Self::KIND,
                queue: Self::QUEUE,
                priority: Self::PRIORITY,
                args: &args,
                run_at,
                max_attempts: Self::MAX_ATTEMPTS,
                dedup_key: self.dedup_key().as_deref(),
            },
        )
    }
}

type Runner = fn(&str, TaskContext) -> TaskFuture;

/// How to run one kind: decode its arguments, then run it within its timeout.
#[derive(Clone, Copy)]
struct Kind {
    runner: Runner,
    timeout: Duration,
}

/// The task kinds a worker can run.
#[derive(Clone, Default)]
pub struct Registry {
    kinds: Arc<HashMap<&'static str, Kind>>,
}

fn run_kind<T: Task>(args: &str, ctx: TaskContext) -> TaskFuture {
    match serde_json::from_str::<T>(args) {
        Ok(task) => Box::pin(task.run(ctx)),
        Err(e) => {
            let error = TaskError::permanent(format!(
                "the arguments do not fit task kind {}: {e}",
                T::KIND
            ));
            Box::pin(async move { Err(error) })
        }
    }
}

impl Registry {
    pub fn register<T: Task>(mut self) -> Registry {
        Arc::make_mut(&mut self.kinds)
            .insert(T::KIND, Kind { runner: run_kind::<T>, timeout: T::TIMEOUT });
        self
    }

    /// Every kind this application has.
    pub fn standard() -> Registry {
        Registry::default()
            .register::<noop::Noop>()
            .register::<expire_postings::ExpirePostings>()
            .register::<expiry_reminders::ExpiryReminders>()
            .register::<purge_tasks::PurgeTasks>()
            .register::<optimize_database::OptimizeDatabase>()
            .register::<purge_uploads::PurgeUploads>()
            .register::<purge_applications::PurgeApplications>()
            .register::<logo_versions::LogoVersions>()
            .register::<import_file::ImportFile>()
            .register::<fetch_feed::FeedsDue>()
            .register::<fetch_feed::FetchFeed>()
            .register::<indexing::IndexingSweep>()
            .register::<send_mail::SendMail>()
            .register::<crate::webhooks::deliver::DeliverWebhook>()
            .register::<alerts::AlertSweep>()
            .register::<alerts::AlertDigest>()
    }

    /// The registered kinds, sorted.
    pub fn kinds(&self) -> Vec<&'static str> {
        let mut kinds: Vec<&'static str> = self.kinds.keys().copied().collect();
        kinds.sort_unstable();
        kinds
    }

    /// Starts a run of a stored task, or fails it permanently when its kind is unknown here.
    pub(crate) fn start(&self, kind: &str, args: &str, ctx: TaskContext) -> (TaskFuture, Duration) {
        match self.kinds.get(kind) {
            Some(k) => ((k.runner)(args, ctx), k.timeout),
            None => {
                let error = TaskError::permanent(format!("unknown task kind {kind}"));
                (Box::pin(async move { Err(error) }), Duration::from_secs(1))
            }
        }
    }
}
