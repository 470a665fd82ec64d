//! Recurring tasks: due runs are enqueued once, whatever the number of workers.

use diesel::prelude::*;
use hireboard::db::schema::{task_schedules, tasks};
use hireboard::tasks::schedule;

use super::{secs, t0};
use crate::support::backends;

fn kinds(conn: &mut hireboard::db::DbConn) -> Vec<String> {
    tasks::table.order(tasks::id.asc()).select(tasks::kind).load(conn).unwrap()
}

#[test]
fn due_runs_are_enqueued_once_and_missed_runs_collapse() {
    for app in backends() {
        app.with_conn(|c| {
            schedule::ensure(c, t0()).unwrap();
            // Only the expiry and the purge here: the others (alert sweeps, the hourly
            // statistics refresh, partners' feeds) run on minutes of their own.
            diesel::update(
                task_schedules::table
                    .filter(task_schedules::name.ne_all(["expire_postings", "purge_tasks"])),
            )
            .set(task_schedules::enabled.eq(false))
            .execute(c)
            .unwrap();
            // Nothing is due at the moment the schedules appear.
            assert_eq!(schedule::enqueue_due(c, t0()).unwrap(), 0);
            // 12:05: the five-minute expiry is due; two workers check at once, one enqueues.
            assert_eq!(schedule::enqueue_due(c, t0() + secs(300)).unwrap(), 1);
            assert_eq!(schedule::enqueue_due(c, t0() + secs(300)).unwrap(), 0);
            assert_eq!(kinds(c), ["expire_postings"], "{}", app.backend);
            // An hour of downtime later: one run, not twelve (and the first is still queued,
            // so its de-duplication key keeps the count at one task).
            assert_eq!(schedule::enqueue_due(c, t0() + secs(3900)).unwrap(), 1);
            assert_eq!(kinds(c), ["expire_postings"]);
            let last: Option<chrono::NaiveDateTime> = task_schedules::table
                .filter(task_schedules::name.eq("expire_postings"))
                .select(task_schedules::last_run_at)
                .first(c)
                .unwrap();
            assert_eq!(last, Some(t0() + secs(3900)));
            // Disabled, or with a broken expression: skipped.
            diesel::update(task_schedules::table)
                .set(task_schedules::enabled.eq(false))
                .execute(c)
                .unwrap();
            assert_eq!(schedule::enqueue_due(c, t0() + secs(90_000)).unwrap(), 0);
            diesel::update(task_schedules::table)
                .set((task_schedules::enabled.eq(true), task_schedules::cron.eq("not a cron")))
                .execute(c)
                .unwrap();
            assert_eq!(schedule::enqueue_due(c, t0() + secs(90_000)).unwrap(), 0);
        });
    }
}
