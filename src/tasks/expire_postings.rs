//! Moves published postings past their `valid_through` to expired, with an audit entry by
//! the system. Recurring (see `schedule.rs`); running it twice changes nothing more.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::db::schema::jobs;
use crate::models::JobStatus;
use crate::models::audit::Actor;
use crate::models::job::lifecycle::{StatusError, expire as expire_posting};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExpirePostings;

impl Task for ExpirePostings {
    const KIND: &'static str = "expire_postings";
    const QUEUE: &'static str = "maintenance";

    fn dedup_key(&self) -> Option<String> {
        Some(Self::KIND.to_owned())
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let expired = ctx.with_conn(|conn| expire(conn, crate::db::now())).await?;
        if expired > 0 {
            log::info!("expired {expired} posting(s) past their closing date");
        }
        Ok(())
    }
}

/// Expires every published posting whose `valid_through` is before `now`; how many.
pub fn expire(
    conn: &mut crate::db::DbConn,
    now: chrono::NaiveDateTime,
) -> Result<usize, TaskError> {
    let due: Vec<i64> = jobs::table
        .filter(jobs::status.eq(JobStatus::Published.as_str()))
        .filter(jobs::valid_through.lt(now))
        .select(jobs::id)
        .load(conn)?;
    let system = Actor { admin_user_id: None, label: "system".into() };
    let mut expired = 0;
    for id in due {
        match expire_posting(conn, id, &system, now) {
            Ok(()) => expired += 1,
            // Changed or deleted meanwhile: nothing left to do for it.
            Err(StatusError::NotFound | StatusError::NotAllowed { .. }) => {}
            Err(StatusError::Database(e)) => return Err(e.into()),
        }
    }
    Ok(expired)
}
