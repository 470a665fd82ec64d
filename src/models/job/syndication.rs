//! Open postings for aggregators' feeds, read in id order a batch at a time.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Job;
use crate::db::DbConn;
use crate::db::schema::{job_skills, jobs, skills};
use crate::models::JobStatus;

/// An open posting with what a feed names beside its own fields, in its original language.
#[derive(Debug, Clone)]
pub struct SyndicatedJob {
    pub job: Job,
    pub company_name: String,
    /// Skill names, in the posting's order.
    pub skills: Vec<String>,
}

/// Up to `limit` postings open at `now` with an id above `after`, in id order (two queries).
pub fn open_after(
    conn: &mut DbConn,
    after: i64,
    limit: i64,
    now: NaiveDateTime,
) -> QueryResult<Vec<SyndicatedJob>> {
    let rows: Vec<(Job, String)> = jobs::table
        .filter(jobs::status.eq(JobStatus::Published.as_str()))
        .filter(jobs::published_at.is_not_null())
        .filter(jobs::valid_through.is_null().or(jobs::valid_through.gt(now)))
        .filter(jobs::id.gt(after))
        .order(jobs::id)
        .limit(limit)
        .select((Job::as_select(), jobs::company_name))
        .load(conn)?;
    let (Some((first, _)), Some((last, _))) = (rows.first(), rows.last()) else {
        return Ok(Vec::new());
    };
    // By id range rather than a list of ids: one statement shape whatever the batch.
    let links: Vec<(i64, String)> = job_skills::table
        .inner_join(skills::table)
        .filter(job_skills::job_id.between(first.id, last.id))
        .order((job_skills::job_id, job_skills::position))
        .select((job_skills::job_id, skills::name))
        .load(conn)?;
    let mut by_job: HashMap<i64, Vec<String>> = HashMap::new();
    for (job_id, name) in links {
        by_job.entry(job_id).or_default().push(name);
    }
    Ok(rows
        .into_iter()
        .map(|(job, company_name)| SyndicatedJob {
            skills: by_job.remove(&job.id).unwrap_or_default(),
            job,
            company_name,
        })
        .collect())
}
