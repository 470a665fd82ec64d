//! The background queue: storage, workers in-process, and worker processes.

mod kinds;
mod processes;
mod queue;
mod schedule;
mod worker;

use diesel::prelude::*;
use hireboard::db::DbConn;
use hireboard::db::schema::tasks;

/// (state, attempts) of every task, by id.
pub fn states(conn: &mut DbConn) -> Vec<(String, i32)> {
    tasks::table.order(tasks::id.asc()).select((tasks::state, tasks::attempts)).load(conn).unwrap()
}

/// A fixed instant to move the clock from.
pub fn t0() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2030, 1, 1).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap()
}

pub fn secs(n: i64) -> chrono::TimeDelta {
    chrono::TimeDelta::seconds(n)
}
