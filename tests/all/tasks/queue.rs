//! Enqueuing, claiming, leases, retries and the dead state, with a clock the test moves.

use diesel::prelude::*;
use hireboard::db::schema::tasks;
use hireboard::tasks::noop::Noop;
use hireboard::tasks::queue::{self, TaskRow};
use hireboard::tasks::{Task, TaskError};

use super::{secs, states, t0};
use crate::support::backends;

fn claim(
    conn: &mut hireboard::db::DbConn,
    worker: &str,
    at: chrono::NaiveDateTime,
) -> Vec<TaskRow> {
    queue::claim(conn, worker, &[], 10, secs(30), at).unwrap()
}

#[test]
fn a_task_enqueued_in_a_rolled_back_transaction_does_not_exist() {
    for app in backends() {
        app.with_conn(|c| {
            let rolled_back: Result<(), diesel::result::Error> =
                hireboard::db::write_transaction(c, |c| {
                    Noop::default().enqueue(c)?;
                    Err(diesel::result::Error::RollbackTransaction)
                });
            assert!(rolled_back.is_err());
            assert!(states(c).is_empty(), "{}", app.backend);
            hireboard::db::write_transaction(c, |c| Noop::default().enqueue(c)).unwrap();
            assert_eq!(states(c), [("queued".to_owned(), 0)]);
        });
    }
}

#[test]
fn a_deduplication_key_allows_one_waiting_or_running_task() {
    for app in backends() {
        app.with_conn(|c| {
            let unique = Noop { key: Some("digest:42".into()), ..Default::default() };
            assert!(unique.enqueue(c).unwrap().is_some());
            // Inside a transaction the refusal does not abort it (a savepoint absorbs it).
            hireboard::db::write_transaction(c, |c| {
                assert_eq!(unique.enqueue(c)?, None);
                Noop::default().enqueue(c)
            })
            .unwrap();
            let claimed = claim(c, "w1", hireboard::db::now() + secs(1));
            assert_eq!(claimed.len(), 2);
            assert_eq!(unique.enqueue(c).unwrap(), None, "still running");
            for task in &claimed {
                assert!(queue::complete(c, task, hireboard::db::now()).unwrap());
            }
            assert!(unique.enqueue(c).unwrap().is_some(), "done: may run again");
        });
    }
}

#[test]
fn claims_take_the_most_urgent_ready_tasks_once() {
    for app in backends() {
        app.with_conn(|c| {
            let later = Noop::default().enqueue_at(c, t0() + secs(60)).unwrap();
            let now = Noop::default().enqueue_at(c, t0()).unwrap();
            let first = claim(c, "w1", t0());
            assert_eq!(first.iter().map(|t| Some(t.id)).collect::<Vec<_>>(), [now]);
            assert_eq!(first[0].attempts, 1);
            assert!(claim(c, "w2", t0() + secs(1)).is_empty(), "claimed and not yet due");
            let second = claim(c, "w2", t0() + secs(61));
            assert_eq!(second.iter().map(|t| Some(t.id)).collect::<Vec<_>>(), [later]);
            // Only the named queues.
            queue::insert(
                c,
                &queue::NewTask {
                    kind: "noop",
                    queue: "mail",
                    priority: 0,
                    args: "{}",
                    run_at: t0(),
                    max_attempts: 3,
                    dedup_key: None,
                },
            )
            .unwrap();
            let none = queue::claim(c, "w3", &["default".into()], 10, secs(30), t0() + secs(90));
            assert!(none.unwrap().is_empty());
            let mail = queue::claim(c, "w3", &["mail".into()], 10, secs(30), t0() + secs(90));
            assert_eq!(mail.unwrap().len(), 1, "{}", app.backend);
        });
    }
}

#[test]
fn failures_back_off_then_end_dead_with_their_errors_kept() {
    for app in backends() {
        app.with_conn(|c| {
            Noop::default().enqueue_at(c, t0()).unwrap();
            let mut at = t0();
            for attempt in 1..=5 {
                let task = claim(c, "w1", at).pop().expect("a task is due");
                assert_eq!(task.attempts, attempt);
                let error = TaskError::retry(format!("boom {attempt}"));
                assert!(queue::fail(c, &task, &error, at).unwrap());
                let (state, run_at): (String, chrono::NaiveDateTime) =
                    tasks::table.select((tasks::state, tasks::run_at)).first(c).unwrap();
                if attempt < 5 {
                    assert_eq!(state, "queued");
                    // 15 s doubling per attempt, ±20%.
                    let delay = (run_at - at).num_milliseconds() as f64 / 1000.0;
                    let base = 15.0 * 2f64.powi(attempt - 1);
                    assert!(
                        (base * 0.8..=base * 1.2).contains(&delay),
                        "attempt {attempt}: {delay} s"
                    );
                    assert!(claim(c, "w1", run_at - secs(1)).is_empty(), "not before its time");
                    at = run_at;
                } else {
                    assert_eq!(state, "dead", "{}", app.backend);
                }
            }
            let task: TaskRow = tasks::table.select(TaskRow::as_select()).first(c).unwrap();
            assert_eq!(task.last_error.as_deref(), Some("boom 5"));
            let failures = task.failures();
            assert_eq!(failures.len(), 5);
            assert_eq!(failures[0].error, "boom 1");
            assert_eq!(failures[4].attempt, 5);
        });
    }
}

#[test]
fn a_permanent_error_goes_dead_at_once() {
    let app = crate::support::TestApp::sqlite();
    app.with_conn(|c| {
        Noop::default().enqueue_at(c, t0()).unwrap();
        let task = claim(c, "w1", t0()).pop().unwrap();
        queue::fail(c, &task, &TaskError::permanent("bad arguments"), t0()).unwrap();
        assert_eq!(states(c), [("dead".to_owned(), 1)]);
    });
}

#[test]
fn an_expired_lease_hands_the_task_to_another_worker_and_fences_the_first() {
    for app in backends() {
        app.with_conn(|c| {
            Noop::default().enqueue_at(c, t0()).unwrap();
            let mine = claim(c, "w1", t0()).pop().unwrap();
            // Renewed leases hold.
            assert_eq!(queue::heartbeat(c, "w1", &[mine.id], t0() + secs(40)).unwrap(), 1);
            assert_eq!(
                queue::heartbeat(c, "w9", &[mine.id], t0() + secs(90)).unwrap(),
                0,
                "only the holder renews"
            );
            assert_eq!(queue::rescue_expired(c, t0() + secs(35)).unwrap(), 0);
            // w1 stops renewing; after its lease the task is ready again, at once.
            assert_eq!(queue::rescue_expired(c, t0() + secs(41)).unwrap(), 1);
            let theirs = claim(c, "w2", t0() + secs(41)).pop().expect("ready again");
            assert_eq!(theirs.attempts, 2);
            // w1 comes back and tries to finish: refused, nothing written.
            assert!(!queue::complete(c, &mine, t0() + secs(42)).unwrap());
            assert!(!queue::fail(c, &mine, &TaskError::retry("late"), t0() + secs(42)).unwrap());
            assert_eq!(states(c), [("running".to_owned(), 2)], "{}", app.backend);
            assert!(queue::complete(c, &theirs, t0() + secs(43)).unwrap());
            assert_eq!(states(c), [("done".to_owned(), 2)]);
            let task = TaskRow::find(c, theirs.id).unwrap().unwrap();
            assert!(task.failures()[0].error.contains("w1"));
        });
    }
}

#[test]
fn a_released_task_runs_again_without_losing_an_attempt() {
    let app = crate::support::TestApp::sqlite();
    app.with_conn(|c| {
        Noop::default().enqueue_at(c, t0()).unwrap();
        let task = claim(c, "w1", t0()).pop().unwrap();
        assert!(queue::release(c, &task, t0() + secs(1)).unwrap());
        assert_eq!(states(c), [("queued".to_owned(), 0)]);
        assert_eq!(claim(c, "w2", t0() + secs(1)).len(), 1);
    });
}

#[test]
fn finished_tasks_are_purged_after_their_retention_and_dead_ones_kept() {
    let app = crate::support::TestApp::sqlite();
    app.with_conn(|c| {
        for _ in 0..3 {
            Noop::default().enqueue_at(c, t0()).unwrap();
        }
        let claimed = claim(c, "w1", t0());
        queue::complete(c, &claimed[0], t0()).unwrap();
        queue::complete(c, &claimed[1], t0() + secs(3600)).unwrap();
        queue::fail(c, &claimed[2], &TaskError::permanent("x"), t0()).unwrap();
        assert_eq!(queue::purge_done(c, t0() + secs(60)).unwrap(), 1);
        let left: Vec<String> = states(c).into_iter().map(|(s, _)| s).collect();
        assert_eq!(left, ["done", "dead"]);
    });
}

#[test]
fn a_transaction_chosen_as_a_deadlock_victim_runs_again() {
    // Two transactions locking two rows in opposite orders: InnoDB ends one of them with
    // error 1213. The queue's writes must come through such a conflict, not drop the outcome.
    let Some(app) = crate::support::TestApp::mysql() else {
        eprintln!("note: deadlock retry test skipped: TEST_DATABASE_URL_MYSQL is not set");
        return;
    };
    let ids: Vec<i64> = app.with_conn(|c| {
        (0..2).map(|_| Noop::default().enqueue(c).unwrap().expect("a new task")).collect()
    });
    let both_hold_one = std::sync::Barrier::new(2);
    let attempts = std::sync::atomic::AtomicU32::new(0);
    std::thread::scope(|s| {
        for order in [[ids[0], ids[1]], [ids[1], ids[0]]] {
            let (app, both_hold_one, attempts) = (&app, &both_hold_one, &attempts);
            s.spawn(move || {
                let mut conn = app.conn();
                hireboard::db::write_transaction_retrying(&mut conn, |c| {
                    let attempt = attempts.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    for (i, id) in order.iter().enumerate() {
                        diesel::update(tasks::table.find(id))
                            .set(tasks::priority.eq(tasks::priority + 1))
                            .execute(c)?;
                        if i == 0 && attempt < 2 {
                            both_hold_one.wait();
                        }
                    }
                    Ok(())
                })
                .expect("the transaction commits, on a second try if it was the victim");
            });
        }
    });
    assert_eq!(attempts.into_inner(), 3, "exactly one of the two ran again");
    let priorities: Vec<i32> = app.with_conn(|c| {
        tasks::table.filter(tasks::id.eq_any(&ids)).select(tasks::priority).load(c).unwrap()
    });
    let before = <Noop as Task>::PRIORITY;
    assert_eq!(priorities, [before + 2, before + 2], "both transactions' writes are there");
}
