//! A posting's lifecycle: which status changes are allowed, and making one (with its audit
//! entry, in one transaction).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::jobs;
use crate::models::JobStatus;
use crate::models::audit::{self, Actor, Change};

/// Deletes the postings among `ids` that nobody applied to (their applications would go with
/// them: archiving is the way out for those), with their full-text rows; returns the id and
/// title of each one deleted. Runs in the caller's transaction.
pub fn delete_unapplied(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<(i64, String)>> {
    use crate::db::schema::applications;
    let applied = applications::table.select(applications::job_id);
    let found: Vec<(i64, String)> = jobs::table
        .filter(jobs::id.eq_any(ids))
        .filter(diesel::dsl::not(jobs::id.eq_any(applied)))
        .select((jobs::id, jobs::title))
        .load(conn)?;
    for (id, _) in &found {
        crate::db::dialect::replace_job_search(conn, *id, &[])?;
    }
    let deleted: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
    diesel::delete(jobs::table.filter(jobs::id.eq_any(&deleted))).execute(conn)?;
    Ok(found)
}

/// How long a posting published without an open-until date stays open.
pub const DEFAULT_OPEN_DAYS: i64 = 30;

impl JobStatus {
    /// Whether a posting may move from `self` to `to` by hand. Expiry is the clock's job.
    pub fn can_move_to(self, to: JobStatus) -> bool {
        use JobStatus::*;
        matches!(
            (self, to),
            (Draft, Published)
                | (Published, Draft)
                | (Published, Filled)
                | (Published, Archived)
                | (Expired, Published)
                | (Expired, Archived)
                | (Filled, Published)
                | (Filled, Archived)
                | (Archived, Draft)
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StatusError {
    #[error("no such posting")]
    NotFound,
    #[error("a {from} posting cannot become {to}")]
    NotAllowed { from: JobStatus, to: JobStatus },
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

impl StatusError {
    /// For a move among many (a batch): whether the posting moved; a posting that is gone
    /// or cannot make this move is skipped, not an error.
    pub fn skipped(outcome: Result<(), StatusError>) -> diesel::QueryResult<bool> {
        match outcome {
            Ok(()) => Ok(true),
            Err(StatusError::Database(e)) => Err(e),
            Err(StatusError::NotFound | StatusError::NotAllowed { .. }) => Ok(false),
        }
    }
}

/// Moves posting `id` to `to`. Publishing sets the publication date if it has none and opens
/// the posting for [`DEFAULT_OPEN_DAYS`] if its open-until date is missing or past.
pub fn change_status(
    conn: &mut DbConn,
    id: i64,
    to: JobStatus,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), StatusError> {
    move_status(conn, id, to, actor, now, JobStatus::can_move_to)
}

/// Expires a published posting: the clock's move, which no person makes (see `can_move_to`).
pub fn expire(
    conn: &mut DbConn,
    id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), StatusError> {
    move_status(conn, id, JobStatus::Expired, actor, now, |from, to| {
        from == JobStatus::Published && to == JobStatus::Expired
    })
}

pub(crate) fn move_status(
    conn: &mut DbConn,
    id: i64,
    to: JobStatus,
    actor: &Actor,
    now: NaiveDateTime,
    allowed: fn(JobStatus, JobStatus) -> bool,
) -> Result<(), StatusError> {
    crate::db::write_transaction(conn, |conn| {
        let (title, status, published_at, valid_through): (
            String,
            String,
            Option<NaiveDateTime>,
            Option<NaiveDateTime>,
        ) = jobs::table
            .find(id)
            .select((jobs::title, jobs::status, jobs::published_at, jobs::valid_through))
            .first(conn)
            .optional()?
            .ok_or(StatusError::NotFound)?;
        let from = JobStatus::parse(&status).unwrap_or(JobStatus::Draft);
        if !allowed(from, to) {
            return Err(StatusError::NotAllowed { from, to });
        }
        let mut changes = vec![Change::new("status", Some(from.as_str()), Some(to.as_str()))];
        let (mut new_published, mut new_valid) = (published_at, valid_through);
        if to == JobStatus::Published {
            if published_at.is_none() {
                new_published = Some(now);
            }
            if valid_through.is_none_or(|v| v <= now) {
                new_valid = Some(now + Duration::days(DEFAULT_OPEN_DAYS));
            }
        }
        let show = |d: Option<NaiveDateTime>| d.map(|d| d.format("%Y-%m-%d %H:%M").to_string());
        if new_published != published_at {
            changes.push(Change::new(
                "published_at",
                show(published_at).as_deref(),
                show(new_published).as_deref(),
            ));
        }
        if new_valid != valid_through {
            changes.push(Change::new(
                "valid_through",
                show(valid_through).as_deref(),
                show(new_valid).as_deref(),
            ));
        }
        diesel::update(jobs::table.find(id))
            .set((
                jobs::status.eq(to.as_str()),
                jobs::published_at.eq(new_published),
                jobs::valid_through.eq(new_valid),
                jobs::updated_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(conn, actor, "status", "jobs", id, &title, &changes)?;
        use crate::models::event::{self, EventKind};
        let kind = match to {
            JobStatus::Published => EventKind::JobPublished,
            JobStatus::Expired => EventKind::JobExpired,
            _ => EventKind::JobUpdated,
        };
        event::job(conn, kind, id)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sensible_moves_are_allowed() {
        use JobStatus::*;
        assert!(Draft.can_move_to(Published));
        assert!(Published.can_move_to(Archived));
        assert!(!Draft.can_move_to(Filled), "a draft was never open");
        assert!(!Archived.can_move_to(Published), "back to draft first, for review");
        assert!(!Published.can_move_to(Expired), "expiry is the clock's job");
        for s in JobStatus::ALL {
            assert!(!s.can_move_to(*s), "{s} to itself");
        }
    }
}
