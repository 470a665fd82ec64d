//! Worker processes (`hireboard worker`): killed with SIGKILL mid-task, stopped with
//! SIGTERM, and two of them sharing one queue.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use hireboard::db::schema::tasks;
use hireboard::tasks::Task;
use hireboard::tasks::noop::Noop;

use crate::support::{TestApp, backends};

/// A worker process on the app's database, stopped (SIGKILL) when dropped.
struct WorkerProcess(Child);

impl WorkerProcess {
    fn start(app: &TestApp, concurrency: usize) -> WorkerProcess {
        let child = Command::new(env!("CARGO_BIN_EXE_hireboard"))
            .arg("worker")
            .env("DATABASE_URL", &app.state.config.database_url)
            .env("DATA_DIR", std::env::temp_dir())
            .env("WORKER_CONCURRENCY", concurrency.to_string())
            .env("TASK_POLL_MS", "20")
            .env("TASK_LEASE_SECONDS", "2")
            .env("WORKER_SHUTDOWN_SECONDS", "10")
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start hireboard worker");
        WorkerProcess(child)
    }

    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.0.id().to_string())
            .status()
            .expect("kill");
        assert!(status.success());
    }

    /// Waits for the process to end; its exit status.
    fn wait(&mut self, limit: Duration) -> std::process::ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.0.try_wait().expect("try_wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "the worker did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for WorkerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// (state, attempts) of the test's own tasks: a worker's scheduler may enqueue its periodic
/// ones beside them while a test runs.
fn states(conn: &mut hireboard::db::DbConn) -> Vec<(String, i32)> {
    tasks::table
        .filter(tasks::kind.eq(Noop::KIND))
        .order(tasks::id.asc())
        .select((tasks::state, tasks::attempts))
        .load(conn)
        .unwrap()
}

fn wait_for(app: &TestApp, what: &str, limit: Duration, done: impl Fn(&[(String, i32)]) -> bool) {
    let deadline = Instant::now() + limit;
    loop {
        let now = app.with_conn(states);
        if done(&now) {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: {now:?}");
        std::thread::sleep(Duration::from_millis(25));
    }
}

#[test]
fn a_task_whose_worker_was_killed_runs_again_elsewhere_once_its_lease_expires() {
    for app in backends() {
        app.with_conn(|c| Noop { sleep_ms: 1500, ..Default::default() }.enqueue(c).unwrap());
        let mut first = WorkerProcess::start(&app, 1);
        wait_for(&app, "the first worker starts the task", Duration::from_secs(15), |s| {
            s[0].0 == "running"
        });
        first.0.kill().expect("SIGKILL");
        first.wait(Duration::from_secs(5));
        let mut second = WorkerProcess::start(&app, 1);
        // Lease 2 s + maintenance each second + the task's 1.5 s.
        wait_for(&app, "the second worker finishes it", Duration::from_secs(20), |s| {
            s[0].0 == "done"
        });
        assert_eq!(app.with_conn(states), [("done".to_owned(), 2)], "{}", app.backend);
        second.signal("TERM");
        assert!(second.wait(Duration::from_secs(10)).success());
    }
}

#[test]
fn sigterm_lets_the_running_task_finish_before_the_worker_exits() {
    let app = TestApp::sqlite();
    app.with_conn(|c| Noop { sleep_ms: 1000, ..Default::default() }.enqueue(c).unwrap());
    let mut worker = WorkerProcess::start(&app, 1);
    wait_for(&app, "the task starts", Duration::from_secs(15), |s| s[0].0 == "running");
    worker.signal("TERM");
    assert!(worker.wait(Duration::from_secs(15)).success());
    assert_eq!(app.with_conn(states), [("done".to_owned(), 1)]);
}

#[test]
fn two_worker_processes_run_a_thousand_tasks_exactly_once_each() {
    for app in backends() {
        app.with_conn(|c| {
            hireboard::db::write_transaction(c, |c| {
                // Each takes a few milliseconds, so that one worker cannot drain the queue
                // before the other has started (a loaded machine starts a process slowly).
                for _ in 0..1000 {
                    Noop { sleep_ms: 5, ..Default::default() }.enqueue(c)?;
                }
                Ok::<_, diesel::result::Error>(())
            })
            .unwrap()
        });
        let mut workers = [WorkerProcess::start(&app, 4), WorkerProcess::start(&app, 4)];
        wait_for(&app, "all tasks done", Duration::from_secs(120), |s| {
            s.iter().all(|(state, _)| state == "done")
        });
        let attempts: Vec<i32> = app.with_conn(states).into_iter().map(|(_, a)| a).collect();
        assert!(attempts.iter().all(|a| *a == 1), "{}", app.backend);
        let by_worker: Vec<(Option<String>, i64)> = app.with_conn(|c| {
            tasks::table
                .group_by(tasks::worker)
                .select((tasks::worker, diesel::dsl::count_star()))
                .load(c)
                .unwrap()
        });
        assert_eq!(by_worker.len(), 2, "both workers took tasks: {by_worker:?}");
        for worker in &mut workers {
            worker.signal("TERM");
            assert!(worker.wait(Duration::from_secs(15)).success());
        }
    }
}
