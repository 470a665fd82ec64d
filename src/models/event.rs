//! Domain events: what happened to postings and applications, recorded in the transaction
//! of the change itself, so an event exists exactly when its change does. Webhooks deliver
//! them to partners.

use diesel::prelude::*;
use serde_json::json;

use crate::db::DbConn;
use crate::db::schema::{applications, events, jobs};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    JobPublished,
    JobUpdated,
    JobExpired,
    /// A recruiter sent a posting for review.
    JobSubmitted,
    /// The board's staff approved it (it is published).
    JobApproved,
    /// The board's staff sent it back, with a reason.
    JobRejected,
    ApplicationCreated,
    ApplicationStageChanged,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::JobPublished,
        EventKind::JobUpdated,
        EventKind::JobExpired,
        EventKind::JobSubmitted,
        EventKind::JobApproved,
        EventKind::JobRejected,
        EventKind::ApplicationCreated,
        EventKind::ApplicationStageChanged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::JobPublished => "job.published",
            EventKind::JobUpdated => "job.updated",
            EventKind::JobExpired => "job.expired",
            EventKind::JobSubmitted => "job.submitted",
            EventKind::JobApproved => "job.approved",
            EventKind::JobRejected => "job.rejected",
            EventKind::ApplicationCreated => "application.created",
            EventKind::ApplicationStageChanged => "application.stage_changed",
        }
    }

    pub fn parse(text: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

fn insert(
    conn: &mut DbConn,
    kind: EventKind,
    subject_id: i64,
    data: serde_json::Value,
) -> QueryResult<()> {
    let now = crate::db::now();
    // The envelope of the Standard Webhooks spec: type, timestamp, data.
    let payload = json!({
        "type": kind.as_str(),
        "timestamp": now.and_utc().to_rfc3339(),
        "data": data,
    });
    diesel::insert_into(events::table)
        .values((
            events::kind.eq(kind.as_str()),
            events::subject_id.eq(subject_id),
            events::payload.eq(payload.to_string()),
            events::created_at.eq(now),
        ))
        .execute(conn)?;
    let id = crate::db::dialect::last_insert_id(conn, "events")?;
    crate::webhooks::endpoint::fan_out(conn, id, kind.as_str()).map(drop)
}

/// Records a posting event with the posting as it is now (in the caller's transaction).
pub fn job(conn: &mut DbConn, kind: EventKind, id: i64) -> QueryResult<()> {
    job_with(conn, kind, id, None)
}

/// Records a review's outcome: the posting as it is now, and the reason a rejection gave.
pub fn job_review(
    conn: &mut DbConn,
    kind: EventKind,
    id: i64,
    reason: Option<&str>,
) -> QueryResult<()> {
    job_with(conn, kind, id, reason)
}

fn job_with(conn: &mut DbConn, kind: EventKind, id: i64, reason: Option<&str>) -> QueryResult<()> {
    let row: Option<(String, String, String, String, Option<chrono::NaiveDateTime>)> = jobs::table
        .filter(jobs::id.eq(id))
        .select((jobs::slug, jobs::title, jobs::status, jobs::original_locale, jobs::valid_through))
        .first(conn)
        .optional()?;
    let Some((slug, title, status, locale, valid_through)) = row else {
        return Ok(());
    };
    if kind == EventKind::JobPublished {
        use crate::tasks::Task;
        use crate::tasks::alerts::{AlertSweep, INSTANT_DELAY};
        AlertSweep::new(crate::models::alert::Frequency::Instant)
            .enqueue_at(conn, crate::db::now() + INSTANT_DELAY)?;
    }
    let mut data = json!({
        "id": id,
        "slug": slug,
        "title": title,
        "status": status,
        "language": locale,
        "valid_through": valid_through.map(|v| v.and_utc().to_rfc3339()),
    });
    if let Some(reason) = reason {
        data["reason"] = json!(reason);
    }
    insert(conn, kind, id, data)
}

/// Records an application event: ids and stage only; partners read the rest through the API.
pub fn application(
    conn: &mut DbConn,
    kind: EventKind,
    id: i64,
    previous_stage: Option<&str>,
) -> QueryResult<()> {
    let row: Option<(i64, String)> = applications::table
        .filter(applications::id.eq(id))
        .select((applications::job_id, applications::status))
        .first(conn)
        .optional()?;
    let Some((job_id, status)) = row else {
        return Ok(());
    };
    insert(
        conn,
        kind,
        id,
        json!({
            "id": id,
            "job_id": job_id,
            "stage": status,
            "previous_stage": previous_stage,
        }),
    )
}
