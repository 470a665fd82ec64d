//! A worker in this process: runs what is ready, records failures, timeouts and panics, and
//! shuts down without losing work.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use hireboard::db::schema::tasks;
use hireboard::tasks::noop::Noop;
use hireboard::tasks::worker::{self, WorkerConfig};
use hireboard::tasks::{Registry, Task, TaskContext, TaskError};
use serde::{Deserialize, Serialize};

use super::states;
use crate::support::{TestApp, backends};

/// Takes longer than its timeout.
#[derive(Serialize, Deserialize)]
struct TooSlow;

impl Task for TooSlow {
    const KIND: &'static str = "test_too_slow";
    const TIMEOUT: Duration = Duration::from_millis(50);

    async fn run(self, _ctx: TaskContext) -> Result<(), TaskError> {
        tokio::time::sleep(Duration::from_secs(5)).await;
        Ok(())
    }
}

#[derive(Serialize, Deserialize)]
struct Panics;

impl Task for Panics {
    const KIND: &'static str = "test_panics";

    async fn run(self, _ctx: TaskContext) -> Result<(), TaskError> {
        panic!("on purpose")
    }
}

fn settings(concurrency: usize) -> WorkerConfig {
    WorkerConfig {
        concurrency,
        queues: Vec::new(),
        poll: Duration::from_millis(10),
        lease: Duration::from_secs(30),
        shutdown_grace: Duration::from_secs(5),
    }
}

fn start(app: &TestApp, concurrency: usize, grace: Duration) -> worker::WorkerHandle {
    let registry = Registry::standard().register::<TooSlow>().register::<Panics>();
    let mut settings = settings(concurrency);
    settings.shutdown_grace = grace;
    worker::spawn(
        app.state.pool.clone(),
        app.state.config.clone(),
        registry,
        settings,
        app.state.search.clone(),
        app.state.messages.clone(),
    )
    .unwrap()
}

/// Waits until no task is queued-and-due or running.
fn wait_idle(app: &TestApp) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let busy: i64 = app.with_conn(|c| {
            tasks::table
                .filter(
                    tasks::state
                        .eq("running")
                        .or(tasks::state.eq("queued").and(tasks::attempts.eq(0))),
                )
                .count()
                .get_result(c)
                .unwrap()
        });
        if busy == 0 {
            return;
        }
        assert!(Instant::now() < deadline, "{busy} task(s) still pending");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_worker_runs_ready_tasks_and_records_every_kind_of_failure() {
    for app in backends() {
        app.with_conn(|c| {
            for _ in 0..20 {
                Noop::default().enqueue(c).unwrap();
            }
            TooSlow.enqueue(c).unwrap();
            Panics.enqueue(c).unwrap();
            hireboard::tasks::queue::insert(
                c,
                &hireboard::tasks::queue::NewTask {
                    kind: "no_such_kind",
                    queue: "default",
                    priority: 0,
                    args: "{}",
                    run_at: hireboard::db::now(),
                    max_attempts: 3,
                    dedup_key: None,
                },
            )
            .unwrap();
            hireboard::tasks::queue::insert(
                c,
                &hireboard::tasks::queue::NewTask {
                    kind: "noop",
                    queue: "default",
                    priority: 0,
                    args: r#"{"sleep_ms": "soon"}"#,
                    run_at: hireboard::db::now(),
                    max_attempts: 3,
                    dedup_key: None,
                },
            )
            .unwrap();
        });
        let handle = start(&app, 4, Duration::from_secs(5));
        wait_idle(&app);
        handle.shutdown();
        let rows: Vec<(String, String, i32, Option<String>)> = app.with_conn(|c| {
            tasks::table
                .order(tasks::id.asc())
                .select((tasks::kind, tasks::state, tasks::attempts, tasks::last_error))
                .load(c)
                .unwrap()
        });
        assert!(
            rows[..20].iter().all(|(_, state, attempts, _)| state == "done" && *attempts == 1),
            "{}: {rows:?}",
            app.backend
        );
        let error = |i: usize| rows[i].3.clone().unwrap_or_default();
        assert_eq!((rows[20].1.as_str(), rows[20].2), ("queued", 1), "retried later");
        assert!(error(20).contains("timed out"), "{}", error(20));
        assert_eq!(rows[21].1, "queued");
        assert_eq!(error(21), "the task panicked");
        assert_eq!(rows[22].1, "dead");
        assert_eq!(error(22), "unknown task kind no_such_kind");
        assert_eq!(rows[23].1, "dead");
        assert!(error(23).starts_with("the arguments do not fit task kind noop"));
    }
}

#[test]
fn shutting_down_lets_running_tasks_finish_or_puts_them_back() {
    let app = TestApp::sqlite();
    // A task shorter than the grace period finishes.
    app.with_conn(|c| Noop { sleep_ms: 300, ..Default::default() }.enqueue(c).unwrap());
    let handle = start(&app, 2, Duration::from_secs(5));
    wait_running(&app);
    handle.shutdown();
    app.with_conn(|c| assert_eq!(states(c), [("done".to_owned(), 1)]));
    // A longer one goes back to the queue, its attempt not counted.
    app.with_conn(|c| Noop { sleep_ms: 10_000, ..Default::default() }.enqueue(c).unwrap());
    let handle = start(&app, 2, Duration::from_millis(200));
    wait_running(&app);
    let stopping = Instant::now();
    handle.shutdown();
    assert!(stopping.elapsed() < Duration::from_secs(3));
    app.with_conn(|c| assert_eq!(states(c)[1], ("queued".to_owned(), 0)));
}

fn wait_running(app: &TestApp) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.with_conn(|c| {
        tasks::table.filter(tasks::state.eq("running")).count().get_result::<i64>(c).unwrap()
    }) == 0
    {
        assert!(Instant::now() < deadline, "no task started");
        std::thread::sleep(Duration::from_millis(10));
    }
}
