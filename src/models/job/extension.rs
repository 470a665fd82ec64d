//! Extending a published posting's closing date, as the expiry reminders offer: by
//! [`EXTEND_DAYS`] at a time, never past the board's maximum lifetime (`MAX_POSTING_DAYS`
//! after the first publication). The link names the date it extends, so it works once: after
//! the extension (or any other change of the date) it only says what happened.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::jobs;
use crate::models::JobStatus;
use crate::models::audit::{self, Actor, Change};

/// How far one extension moves the closing date.
pub const EXTEND_DAYS: i64 = 30;

/// What a posting's closing date may become, from `valid_through`: [`EXTEND_DAYS`] later, or
/// the lifetime's end if that comes first; `None` when there is no room left.
pub fn extended(
    published_at: Option<NaiveDateTime>,
    valid_through: NaiveDateTime,
    max_days: u32,
) -> Option<NaiveDateTime> {
    let wanted = valid_through + Duration::days(EXTEND_DAYS);
    let to = match published_at {
        Some(first) => wanted.min(first + Duration::days(i64::from(max_days))),
        None => wanted,
    };
    (to > valid_through).then_some(to)
}

/// The posting a link is about, as the link's page needs it.
#[derive(Debug, Clone, Queryable)]
pub struct Extendable {
    pub id: i64,
    pub title: String,
    pub company_id: i64,
    pub status: String,
    pub published_at: Option<NaiveDateTime>,
    pub valid_through: Option<NaiveDateTime>,
}

/// Where a link for the closing date `until` stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// It may extend the posting to this date.
    Open(NaiveDateTime),
    /// The date it names has passed, or the posting closed otherwise.
    Expired,
    /// The date was changed since the link was sent (by this link or by hand): open until then.
    Moved(NaiveDateTime),
    /// The posting is at the board's maximum lifetime already.
    AtLimit,
}

impl Extendable {
    pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Extendable>> {
        jobs::table
            .find(id)
            .select((
                jobs::id,
                jobs::title,
                jobs::company_id,
                jobs::status,
                jobs::published_at,
                jobs::valid_through,
            ))
            .first(conn)
            .optional()
    }

    /// Links name dates to the second; stored ones may be finer.
    pub fn standing(&self, until: NaiveDateTime, max_days: u32, now: NaiveDateTime) -> Standing {
        let published = self.status == JobStatus::Published.as_str();
        let second = |d: NaiveDateTime| d.and_utc().timestamp();
        match self.valid_through {
            Some(v) if published && second(v) != second(until) && v > now => Standing::Moved(v),
            Some(v) if published && v > now => match extended(self.published_at, v, max_days) {
                Some(to) => Standing::Open(to),
                None => Standing::AtLimit,
            },
            _ => Standing::Expired,
        }
    }
}

/// Extends posting `id` from `until` (what the link names) when it still stands open, with an
/// audit entry and a `job.updated` event; the standing it found either way.
pub fn extend(
    conn: &mut DbConn,
    id: i64,
    until: NaiveDateTime,
    actor: &Actor,
    max_days: u32,
    now: NaiveDateTime,
) -> QueryResult<Option<Standing>> {
    crate::db::write_transaction(conn, |conn| {
        let Some(job) = Extendable::find(conn, id)? else { return Ok(None) };
        let standing = job.standing(until, max_days, now);
        let (Standing::Open(to), Some(from)) = (standing, job.valid_through) else {
            return Ok(Some(standing));
        };
        // Only from the date just read: two presses race to one extension.
        let changed = diesel::update(jobs::table.find(id).filter(jobs::valid_through.eq(from)))
            .set((jobs::valid_through.eq(to), jobs::updated_at.eq(now)))
            .execute(conn)?;
        if changed == 0 {
            return Ok(Some(Standing::Moved(to)));
        }
        let show = |d: NaiveDateTime| d.format("%Y-%m-%d %H:%M").to_string();
        let change = Change::new("valid_through", Some(&show(from)), Some(&show(to)));
        audit::record(conn, actor, "update", "jobs", id, &job.title, &[change])?;
        crate::models::event::job(conn, crate::models::event::EventKind::JobUpdated, id)?;
        Ok(Some(standing))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap()
            + Duration::days(i64::from(d))
    }

    #[test]
    fn an_extension_adds_thirty_days_up_to_the_lifetime() {
        assert_eq!(extended(Some(day(0)), day(30), 120), Some(day(60)));
        assert_eq!(extended(Some(day(0)), day(100), 120), Some(day(120)), "capped");
        assert_eq!(extended(Some(day(0)), day(120), 120), None, "no room left");
        assert_eq!(extended(None, day(30), 120), Some(day(60)));
    }

    fn posting(status: JobStatus, valid_through: u32) -> Extendable {
        Extendable {
            id: 1,
            title: "t".into(),
            company_id: 1,
            status: status.as_str().into(),
            published_at: Some(day(0)),
            valid_through: Some(day(valid_through)),
        }
    }

    #[test]
    fn a_link_works_once_and_only_while_the_posting_is_open() {
        let open = posting(JobStatus::Published, 30);
        assert_eq!(open.standing(day(30), 120, day(25)), Standing::Open(day(60)));
        assert_eq!(open.standing(day(20), 120, day(25)), Standing::Moved(day(30)), "reused");
        assert_eq!(open.standing(day(30), 120, day(30)), Standing::Expired, "its day passed");
        assert_eq!(open.standing(day(30), 30, day(25)), Standing::AtLimit);
        let closed = posting(JobStatus::Expired, 30);
        assert_eq!(closed.standing(day(30), 120, day(25)), Standing::Expired);
    }
}
