//! The queue's storage: inserting, claiming, extending leases, finishing and failing tasks.
//! Every function takes `now`, so tests can move the clock.
//!
//! A claim gives each task a fresh lease token; finishing or failing it requires that token
//! (a fencing check), so a worker whose lease expired, and whose task another worker took
//! over, cannot record an outcome.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};
use serde::{Deserialize, Serialize};

use super::TaskError;
use crate::db::schema::tasks;
use crate::db::{DbConn, dialect};

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const DEAD: &str = "dead";

/// The failures kept per task (the latest ones).
const ERRORS_KEPT: usize = 20;

pub struct NewTask<'a> {
    pub kind: &'a str,
    pub queue: &'a str,
    pub priority: i32,
    pub args: &'a str,
    pub run_at: NaiveDateTime,
    pub max_attempts: i32,
    pub dedup_key: Option<&'a str>,
}

/// Adds a task, in the caller's transaction if there is one (as a savepoint, so that a
/// de-duplication conflict does not abort it). `None`: a task with the same key is waiting
/// or running already.
pub fn insert(conn: &mut DbConn, new: &NewTask<'_>) -> QueryResult<Option<i64>> {
    if let Some(key) = new.dedup_key {
        let pending: i64 = tasks::table
            .filter(tasks::dedup_key.eq(key))
            .filter(tasks::state.eq_any([QUEUED, RUNNING]))
            .count()
            .get_result(conn)?;
        if pending > 0 {
            return Ok(None);
        }
    }
    let inserted = crate::db::write_transaction(conn, |conn| {
        diesel::insert_into(tasks::table)
            .values((
                tasks::kind.eq(new.kind),
                tasks::queue.eq(new.queue),
                tasks::priority.eq(new.priority),
                tasks::args.eq(new.args),
                tasks::state.eq(QUEUED),
                tasks::run_at.eq(new.run_at),
                tasks::max_attempts.eq(new.max_attempts),
                tasks::dedup_key.eq(new.dedup_key),
                tasks::created_at.eq(crate::db::now()),
            ))
            .execute(conn)?;
        dialect::last_insert_id(conn, "tasks")
    });
    match inserted {
        Ok(id) => Ok(Some(id)),
        // Another transaction added the same key between our check and our insert.
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
        Err(e) => Err(e),
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tasks)]
pub struct TaskRow {
    pub id: i64,
    pub kind: String,
    pub queue: String,
    pub priority: i32,
    pub args: String,
    pub state: String,
    pub run_at: NaiveDateTime,
    pub attempts: i32,
    pub max_attempts: i32,
    pub dedup_key: Option<String>,
    pub lease_token: Option<String>,
    pub lease_expires_at: Option<NaiveDateTime>,
    pub worker: Option<String>,
    pub last_error: Option<String>,
    pub errors: String,
    pub created_at: NaiveDateTime,
    pub started_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
}

/// One failed attempt, as kept in `tasks.errors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    pub attempt: i32,
    pub at: NaiveDateTime,
    pub error: String,
}

impl TaskRow {
    pub fn failures(&self) -> Vec<Failure> {
        serde_json::from_str(&self.errors).unwrap_or_default()
    }

    pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<TaskRow>> {
        tasks::table.filter(tasks::id.eq(id)).select(TaskRow::as_select()).first(conn).optional()
    }
}

/// Claims up to `limit` ready tasks of `queues` (every queue when empty) for `worker`, with
/// a lease until `now + lease`: one statement, safe with any number of workers (PostgreSQL
/// skips rows other workers have locked; SQLite's write lock serializes the claims).
pub fn claim(
    conn: &mut DbConn,
    worker: &str,
    queues: &[String],
    limit: i64,
    lease: TimeDelta,
    now: NaiveDateTime,
) -> QueryResult<Vec<TaskRow>> {
    let token = crate::auth::token::generate();
    crate::db::write_transaction_retrying(conn, |conn| {
        let claimed = dialect::claim_tasks(
            conn,
            &dialect::Claim { queues, limit, token: &token, worker, now, lease_until: now + lease },
        )?;
        if claimed == 0 {
            return Ok(Vec::new());
        }
        tasks::table
            .filter(tasks::lease_token.eq(&token))
            .order((tasks::priority.desc(), tasks::run_at.asc(), tasks::id.asc()))
            .select(TaskRow::as_select())
            .load(conn)
    })
}

/// Extends the leases of `worker`'s running tasks `ids` until `until`; the number extended.
/// Rows are locked in id order, as the batched completions lock them, so the two never
/// deadlock on PostgreSQL.
pub fn heartbeat(
    conn: &mut DbConn,
    worker: &str,
    ids: &[i64],
    until: NaiveDateTime,
) -> QueryResult<usize> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    diesel::update(
        tasks::table
            .filter(tasks::id.eq_any(ids))
            .filter(tasks::state.eq(RUNNING))
            .filter(tasks::worker.eq(worker)),
    )
    .set(tasks::lease_expires_at.eq(until))
    .execute(conn)
}

/// Marks a claimed task done. `false`: the lease was lost (another worker owns the task now)
/// and nothing was written.
pub fn complete(conn: &mut DbConn, task: &TaskRow, now: NaiveDateTime) -> QueryResult<bool> {
    let token = task.lease_token.as_deref().unwrap_or_default();
    Ok(complete_many(conn, token, &[task.id], now)? == 1)
}

/// Marks tasks `ids`, claimed together under lease `token`, done in one statement; returns how
/// many were still held under that token (the others lost their lease and are left alone).
pub fn complete_many(
    conn: &mut DbConn,
    token: &str,
    ids: &[i64],
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    diesel::update(
        tasks::table
            .filter(tasks::id.eq_any(ids))
            .filter(tasks::state.eq(RUNNING))
            .filter(tasks::lease_token.eq(token)),
    )
    .set((
        tasks::state.eq(DONE),
        tasks::finished_at.eq(now),
        tasks::lease_token.eq(None::<String>),
        tasks::lease_expires_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)
}

/// The task as claimed: same id, still running under the same lease token.
#[diesel::dsl::auto_type(no_type_alias)]
fn owned(task: &TaskRow) -> _ {
    let id: i64 = task.id;
    let token: String = task.lease_token.clone().unwrap_or_default();
    let running: &'static str = RUNNING;
    tasks::table
        .filter(tasks::id.eq(id))
        .filter(tasks::state.eq(running))
        .filter(tasks::lease_token.eq(token))
}

/// How long to wait before attempt `attempt + 1`: 15 s doubling per attempt, capped at 6
/// hours, with ±20% jitter so that tasks failing together do not retry together.
pub fn backoff(attempt: i32, jitter: f64) -> TimeDelta {
    let base = 15.0 * 2f64.powi(attempt.clamp(1, 30) - 1);
    let capped = base.min(6.0 * 3600.0);
    let factor = 1.0 + 0.2 * (2.0 * jitter.clamp(0.0, 1.0) - 1.0);
    TimeDelta::milliseconds((capped * factor * 1000.0) as i64)
}

/// The longest a `Retry-After` may hold a task back.
const MAX_RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Records a failed run: back to the queue after the backoff, or dead when the error is
/// permanent or the attempts are used up. `false`: the lease was lost, nothing written.
pub fn fail(
    conn: &mut DbConn,
    task: &TaskRow,
    error: &TaskError,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let mut delay = backoff(task.attempts, rand::random::<f64>());
    // Asked to wait longer (a receiver's Retry-After): wait that long, a day at most.
    if let Some(asked) = error.retry_after {
        let asked = TimeDelta::from_std(asked.min(MAX_RETRY_AFTER)).unwrap_or(delay);
        delay = delay.max(asked);
    }
    record_failure(conn, task, error, now, now + delay)
}

fn record_failure(
    conn: &mut DbConn,
    task: &TaskRow,
    error: &TaskError,
    now: NaiveDateTime,
    retry_at: NaiveDateTime,
) -> QueryResult<bool> {
    let mut failures = task.failures();
    failures.push(Failure { attempt: task.attempts, at: now, error: error.message.clone() });
    let skip = failures.len().saturating_sub(ERRORS_KEPT);
    let errors = serde_json::to_string(&failures[skip..]).unwrap_or_else(|_| "[]".into());
    let dead = error.permanent || task.attempts >= task.max_attempts;
    let changed = if dead {
        diesel::update(owned(task))
            .set((
                tasks::state.eq(DEAD),
                tasks::finished_at.eq(now),
                tasks::last_error.eq(&error.message),
                tasks::errors.eq(&errors),
                tasks::lease_token.eq(None::<String>),
                tasks::lease_expires_at.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?
    } else {
        diesel::update(owned(task))
            .set((
                tasks::state.eq(QUEUED),
                tasks::run_at.eq(retry_at),
                tasks::last_error.eq(&error.message),
                tasks::errors.eq(&errors),
                tasks::lease_token.eq(None::<String>),
                tasks::lease_expires_at.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?
    };
    Ok(changed == 1)
}

/// Puts claimed tasks that did not get to finish back in the queue at once, without counting
/// the attempt (a worker shutting down).
pub fn release(conn: &mut DbConn, task: &TaskRow, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(owned(task))
        .set((
            tasks::state.eq(QUEUED),
            tasks::run_at.eq(now),
            tasks::attempts.eq(tasks::attempts - 1),
            tasks::lease_token.eq(None::<String>),
            tasks::lease_expires_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// Running tasks whose lease expired (their worker died or hangs) go back to the queue, or
/// die when that was their last attempt. Returns how many were rescued.
pub fn rescue_expired(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    let expired: Vec<TaskRow> = tasks::table
        .filter(tasks::state.eq(RUNNING))
        .filter(tasks::lease_expires_at.lt(now))
        .select(TaskRow::as_select())
        .load(conn)?;
    let mut rescued = 0;
    for task in &expired {
        let error = TaskError::retry(format!(
            "worker {} stopped renewing its lease",
            task.worker.as_deref().unwrap_or("?")
        ));
        // Retried at once: the backoff is for errors, not for a lost worker.
        if record_failure(conn, task, &error, now, now)? {
            rescued += 1;
        }
    }
    Ok(rescued)
}

/// Runs tasks `ids` now: queued ones without waiting for their time, dead ones again with
/// their attempts back (their error history stays). `None` for every dead task. Returns how
/// many were changed; running and done tasks are left alone.
pub fn retry_now(conn: &mut DbConn, ids: Option<&[i64]>, now: NaiveDateTime) -> QueryResult<usize> {
    crate::db::write_transaction(conn, |conn| {
        let mut dead = tasks::table.filter(tasks::state.eq(DEAD)).into_boxed();
        if let Some(ids) = ids {
            dead = dead.filter(tasks::id.eq_any(ids));
        }
        let revived: Vec<i64> = dead.select(tasks::id).load(conn)?;
        let mut changed = diesel::update(tasks::table.filter(tasks::id.eq_any(&revived)))
            .set((
                tasks::state.eq(QUEUED),
                tasks::run_at.eq(now),
                tasks::attempts.eq(0),
                tasks::finished_at.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?;
        if let Some(ids) = ids {
            changed += diesel::update(
                tasks::table.filter(tasks::id.eq_any(ids)).filter(tasks::state.eq(QUEUED)),
            )
            .set(tasks::run_at.eq(now))
            .execute(conn)?;
        }
        Ok(changed)
    })
}

/// Deletes tasks `ids` that are not running; how many.
pub fn discard(conn: &mut DbConn, ids: &[i64]) -> QueryResult<usize> {
    diesel::delete(tasks::table.filter(tasks::id.eq_any(ids)).filter(tasks::state.ne(RUNNING)))
        .execute(conn)
}

/// Deletes finished (done) tasks that ended before `before`; dead ones stay until someone
/// looks at them.
pub fn purge_done(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(tasks::table.filter(tasks::state.eq(DONE)).filter(tasks::finished_at.lt(before)))
        .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_within_its_jitter_band_and_is_capped() {
        let secs = |attempt, jitter| backoff(attempt, jitter).num_milliseconds() as f64 / 1000.0;
        assert_eq!(secs(1, 0.5), 15.0);
        assert_eq!(secs(2, 0.5), 30.0);
        assert_eq!(secs(5, 0.5), 240.0);
        assert_eq!(secs(1, 0.0), 12.0);
        assert_eq!(secs(1, 1.0), 18.0);
        assert_eq!(secs(40, 0.5), 6.0 * 3600.0);
    }
}
