//! Moderation: a recruiter's posting goes live only after the board's staff approve it.
//!
//! Sending a posting for review moves it to `pending_review` and records the submission with
//! the posting's form values as sent (`snapshot`, JSON); approving publishes it and keeps the
//! values approved, which the next review compares against; rejecting sends it back to draft
//! with a reason. A trusted company's postings (`auto_publish`) skip the queue; a company that
//! signed up and awaits approval has none published until it is approved. Each step is one
//! transaction with its audit entry and its event (`job.submitted`, `job.approved`,
//! `job.rejected`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::lifecycle::{StatusError, move_status};
use crate::db::DbConn;
use crate::db::schema::{companies, job_reviews, jobs};
use crate::models::JobStatus;
use crate::models::audit::Actor;
use crate::models::event::{self, EventKind};

/// The longest reason a rejection may give.
pub const MAX_REASON_CHARS: usize = 2000;

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("no such posting")]
    NotFound,
    #[error("the posting is not waiting for review")]
    NotPending,
    #[error("a {0} posting cannot be sent for review")]
    NotSubmittable(JobStatus),
    #[error("the company awaits approval")]
    CompanyAwaitingApproval,
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

impl From<StatusError> for ReviewError {
    fn from(e: StatusError) -> ReviewError {
        match e {
            StatusError::NotFound => ReviewError::NotFound,
            StatusError::NotAllowed { .. } => ReviewError::NotPending,
            StatusError::Database(e) => ReviewError::Database(e),
        }
    }
}

/// What sending a posting for review did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    /// It waits for the staff.
    Pending,
    /// Its company is trusted: it is live.
    Published,
}

/// A posting's status and its company's standing.
fn standing(conn: &mut DbConn, id: i64) -> Result<(JobStatus, bool, bool), ReviewError> {
    let (status, awaiting, trusted): (String, bool, bool) = jobs::table
        .inner_join(companies::table)
        .filter(jobs::id.eq(id))
        .select((jobs::status, companies::awaiting_approval, companies::auto_publish))
        .first(conn)
        .optional()?
        .ok_or(ReviewError::NotFound)?;
    Ok((JobStatus::parse(&status).unwrap_or(JobStatus::Draft), awaiting, trusted))
}

/// Sends posting `id` for review with its form values `snapshot` (a recruiter's submission, or
/// their edit of a live posting): a trusted, approved company's goes live at once.
pub fn submit(
    conn: &mut DbConn,
    id: i64,
    snapshot: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<Submitted, ReviewError> {
    crate::db::write_transaction(conn, |conn| {
        let (status, awaiting, trusted) = standing(conn, id)?;
        use JobStatus::*;
        if !matches!(status, Draft | Published | Expired | PendingReview) {
            return Err(ReviewError::NotSubmittable(status));
        }
        let submission = (
            job_reviews::job_id.eq(id),
            job_reviews::submitted_by.eq(actor.admin_user_id),
            job_reviews::submitted_at.eq(now),
            job_reviews::snapshot.eq(snapshot),
        );
        if trusted && !awaiting {
            if status != Published {
                move_status(conn, id, Published, actor, now, |_, to| to == Published)?;
            }
            diesel::insert_into(job_reviews::table)
                .values((
                    submission,
                    job_reviews::decision.eq(Decision::Approved.as_str()),
                    job_reviews::decided_at.eq(now),
                ))
                .execute(conn)?;
            return Ok(Submitted::Published);
        }
        if status == PendingReview {
            // Sent again while waiting: the submission waiting is this one.
            diesel::update(pending(id)).set(submission).execute(conn)?;
        } else {
            move_status(conn, id, PendingReview, actor, now, |_, to| to == PendingReview)?;
            diesel::insert_into(job_reviews::table).values(submission).execute(conn)?;
        }
        event::job(conn, EventKind::JobSubmitted, id)?;
        Ok(Submitted::Pending)
    })
}

/// The submission of posting `id` that waits for a decision.
fn pending(
    id: i64,
) -> diesel::dsl::Filter<
    diesel::dsl::Filter<job_reviews::table, diesel::dsl::Eq<job_reviews::job_id, i64>>,
    diesel::dsl::IsNull<job_reviews::decision>,
> {
    job_reviews::table.filter(job_reviews::job_id.eq(id)).filter(job_reviews::decision.is_null())
}

/// What the staff decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approved,
    Rejected,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::Rejected => "rejected",
        }
    }
}

/// Approves posting `id` as its form values now are (`snapshot`): it is published. Returns
/// who sent it.
pub fn approve(
    conn: &mut DbConn,
    id: i64,
    snapshot: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<Option<i64>, ReviewError> {
    crate::db::write_transaction(conn, |conn| {
        let (status, awaiting, _) = standing(conn, id)?;
        if status != JobStatus::PendingReview {
            return Err(ReviewError::NotPending);
        }
        if awaiting {
            return Err(ReviewError::CompanyAwaitingApproval);
        }
        let sent_by = submitter(conn, id)?;
        let published = JobStatus::Published;
        move_status(conn, id, published, actor, now, |from, to| {
            from == JobStatus::PendingReview && to == JobStatus::Published
        })?;
        decide(conn, id, Decision::Approved, Some(snapshot), None, actor, now)?;
        event::job_review(conn, EventKind::JobApproved, id, None)?;
        Ok(sent_by)
    })
}

/// Who sent the submission of posting `id` that waits, if anyone still does.
fn submitter(conn: &mut DbConn, id: i64) -> QueryResult<Option<i64>> {
    let sent_by: Option<Option<i64>> = pending(id)
        .order(job_reviews::id.desc())
        .select(job_reviews::submitted_by)
        .first(conn)
        .optional()?;
    Ok(sent_by.flatten())
}

/// Sends posting `id` back to draft with `reason`. Returns who sent it, to be told why.
pub fn reject(
    conn: &mut DbConn,
    id: i64,
    reason: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<Option<i64>, ReviewError> {
    crate::db::write_transaction(conn, |conn| {
        let sent_by = submitter(conn, id)?;
        move_status(conn, id, JobStatus::Draft, actor, now, |from, to| {
            from == JobStatus::PendingReview && to == JobStatus::Draft
        })?;
        decide(conn, id, Decision::Rejected, None, Some(reason), actor, now)?;
        event::job_review(conn, EventKind::JobRejected, id, Some(reason))?;
        Ok(sent_by)
    })
}

/// Records the decision on the submission of posting `id` that waits (one is made, for the
/// record, if none does).
fn decide(
    conn: &mut DbConn,
    id: i64,
    decision: Decision,
    snapshot: Option<&str>,
    reason: Option<&str>,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let waiting: Option<(i64, String)> = pending(id)
        .order(job_reviews::id.desc())
        .select((job_reviews::id, job_reviews::snapshot))
        .first(conn)
        .optional()?;
    let review = match waiting {
        Some((review, _)) => review,
        None => {
            diesel::insert_into(job_reviews::table)
                .values((
                    job_reviews::job_id.eq(id),
                    job_reviews::submitted_at.eq(now),
                    job_reviews::snapshot.eq(snapshot.unwrap_or("{}")),
                ))
                .execute(conn)?;
            pending(id).order(job_reviews::id.desc()).select(job_reviews::id).first(conn)?
        }
    };
    let row = job_reviews::table.filter(job_reviews::id.eq(review));
    diesel::update(row)
        .set((
            job_reviews::decision.eq(decision.as_str()),
            job_reviews::decided_by.eq(actor.admin_user_id),
            job_reviews::decided_at.eq(now),
            job_reviews::reason.eq(reason),
        ))
        .execute(conn)?;
    if let Some(snapshot) = snapshot {
        // The values approved: what the next review of this posting compares against.
        diesel::update(row).set(job_reviews::snapshot.eq(snapshot)).execute(conn)?;
    }
    Ok(())
}

/// The form values of posting `id` last approved (JSON), if it ever was.
pub fn last_approved(conn: &mut DbConn, id: i64) -> QueryResult<Option<String>> {
    job_reviews::table
        .filter(job_reviews::job_id.eq(id))
        .filter(job_reviews::decision.eq(Decision::Approved.as_str()))
        .order(job_reviews::id.desc())
        .select(job_reviews::snapshot)
        .first(conn)
        .optional()
}

/// A posting waiting in the review queue.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub job_id: i64,
    pub title: String,
    pub company_id: i64,
    pub company: String,
    pub company_awaiting_approval: bool,
    pub submitted_by: Option<i64>,
    pub submitted_at: Option<NaiveDateTime>,
}

/// The postings waiting for review, longest waiting first (two queries).
pub fn queue(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<Waiting>> {
    let rows: Vec<(i64, String, i64, String, bool)> = jobs::table
        .inner_join(companies::table)
        .filter(jobs::status.eq(JobStatus::PendingReview.as_str()))
        .order(jobs::updated_at.asc())
        .limit(limit)
        .select((
            jobs::id,
            jobs::title,
            companies::id,
            companies::name,
            companies::awaiting_approval,
        ))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let submissions: Vec<(i64, Option<i64>, NaiveDateTime)> = job_reviews::table
        .filter(job_reviews::job_id.eq_any(&ids))
        .filter(job_reviews::decision.is_null())
        .select((job_reviews::job_id, job_reviews::submitted_by, job_reviews::submitted_at))
        .load(conn)?;
    let mut waiting: Vec<Waiting> = rows
        .into_iter()
        .map(|(job_id, title, company_id, company, awaiting)| {
            let sent = submissions.iter().find(|s| s.0 == job_id);
            Waiting {
                job_id,
                title,
                company_id,
                company,
                company_awaiting_approval: awaiting,
                submitted_by: sent.and_then(|s| s.1),
                submitted_at: sent.map(|s| s.2),
            }
        })
        .collect();
    waiting.sort_by_key(|w| w.submitted_at);
    Ok(waiting)
}
