//! Partners' feeds in: a company's applicant-tracking system publishes its postings (Greenhouse
//! job-board JSON or Indeed-style XML); the board fetches each source on its schedule
//! (`fetch`), reads it (`parse`) and brings the postings in through the spreadsheet import's
//! engine, the back office's own checks included (`sync`).

pub mod fetch;
pub mod parse;
pub mod sync;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConn;
use crate::db::schema::{feed_runs, feed_sources};
pub use parse::{FeedFormat, FeedPosting};

/// How often a source may be fetched, in hours: the choices the form offers.
pub const SCHEDULES: [i32; 5] = [1, 3, 6, 12, 24];

/// Refused postings kept on a run for its log.
pub const SHOWN_FAILURES: usize = 20;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = feed_sources)]
pub struct FeedSource {
    pub id: i64,
    pub company_id: i64,
    pub url: String,
    pub format: String,
    pub locale: String,
    pub every_hours: i32,
    pub publish: bool,
    pub enabled: bool,
    pub next_run_at: NaiveDateTime,
}

impl FeedSource {
    pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<FeedSource>> {
        feed_sources::table.find(id).select(FeedSource::as_select()).first(conn).optional()
    }

    /// The import references of this source's postings.
    pub fn refs_source(id: i64) -> String {
        format!("feed:{id}")
    }
}

/// What went wrong with a whole run: a message id and its arguments, stored as imports store theirs.
pub use crate::models::import::StoredError as RunError;

/// A posting of the feed the board refused, and why.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RefusedPosting {
    pub reference: String,
    pub reasons: Vec<String>,
}

/// A run as its log keeps it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunLog {
    pub ok: bool,
    pub postings: i32,
    pub created: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub closed: i32,
    pub failed: i32,
    pub error: Option<RunError>,
    pub failures: Vec<RefusedPosting>,
}

/// A logged run, as the source's page reads it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = feed_runs)]
pub struct FeedRun {
    pub id: i64,
    pub started_at: NaiveDateTime,
    pub duration_ms: i32,
    pub ok: bool,
    pub postings: i32,
    pub created_count: i32,
    pub updated_count: i32,
    pub unchanged_count: i32,
    pub closed_count: i32,
    pub failed_count: i32,
    pub error: Option<String>,
    pub failures: String,
}

impl FeedRun {
    pub fn error(&self) -> Option<RunError> {
        self.error.as_deref().and_then(|e| serde_json::from_str(e).ok())
    }

    pub fn failures(&self) -> Vec<RefusedPosting> {
        serde_json::from_str(&self.failures).unwrap_or_default()
    }

    /// The source's latest runs, newest first.
    pub fn latest(conn: &mut DbConn, source_id: i64, limit: i64) -> QueryResult<Vec<FeedRun>> {
        feed_runs::table
            .filter(feed_runs::source_id.eq(source_id))
            .order(feed_runs::id.desc())
            .limit(limit)
            .select(FeedRun::as_select())
            .load(conn)
    }
}

/// Logs a run of source `source_id`.
pub fn log_run(
    conn: &mut DbConn,
    source_id: i64,
    started_at: NaiveDateTime,
    duration_ms: i32,
    log: &RunLog,
) -> QueryResult<()> {
    let error = log.error.as_ref().map(|e| serde_json::to_string(e).unwrap_or_default());
    let failures: Vec<&RefusedPosting> = log.failures.iter().take(SHOWN_FAILURES).collect();
    diesel::insert_into(feed_runs::table)
        .values((
            feed_runs::source_id.eq(source_id),
            feed_runs::started_at.eq(started_at),
            feed_runs::duration_ms.eq(duration_ms),
            feed_runs::ok.eq(log.ok),
            feed_runs::postings.eq(log.postings),
            feed_runs::created_count.eq(log.created),
            feed_runs::updated_count.eq(log.updated),
            feed_runs::unchanged_count.eq(log.unchanged),
            feed_runs::closed_count.eq(log.closed),
            feed_runs::failed_count.eq(log.failed),
            feed_runs::error.eq(error),
            feed_runs::failures.eq(serde_json::to_string(&failures).unwrap_or_default()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The enabled sources whose time has come, each claimed for this caller: its next run is
/// moved on by its schedule with a conditional update, so that of several workers asking at
/// once only one gets it.
pub fn claim_due(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Vec<i64>> {
    let due: Vec<(i64, i32, NaiveDateTime)> = feed_sources::table
        .filter(feed_sources::enabled.eq(true))
        .filter(feed_sources::next_run_at.le(now))
        .select((feed_sources::id, feed_sources::every_hours, feed_sources::next_run_at))
        .load(conn)?;
    let mut claimed = Vec::new();
    for (id, hours, was) in due {
        let next = now + chrono::Duration::hours(i64::from(hours.max(1)));
        let won = diesel::update(
            feed_sources::table
                .filter(feed_sources::id.eq(id))
                .filter(feed_sources::next_run_at.eq(was)),
        )
        .set(feed_sources::next_run_at.eq(next))
        .execute(conn)?;
        if won == 1 {
            claimed.push(id);
        }
    }
    Ok(claimed)
}
