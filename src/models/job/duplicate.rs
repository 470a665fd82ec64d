//! Duplicating a posting: a new draft with its fields, text, translations and skills.

use std::collections::HashMap;

use diesel::prelude::*;

use super::{Job, JobDraft, JobTranslation};
use crate::db::DbConn;
use crate::db::schema::{companies, job_translations, jobs};
use crate::models::JobStatus;
use crate::models::audit::{self, Actor};
use crate::models::skill::Skill;

/// Copies posting `id` into a new draft under a free `{slug}-copy` slug, audited as created
/// from it; `None` when there is no such posting. Runs in the caller's write transaction.
pub fn duplicate(conn: &mut DbConn, id: i64, actor: &Actor) -> QueryResult<Option<i64>> {
    let found: Option<(Job, String)> = jobs::table
        .inner_join(companies::table)
        .filter(jobs::id.eq(id))
        .select((Job::as_select(), companies::name))
        .first(conn)
        .optional()?;
    let Some((job, company_name)) = found else { return Ok(None) };
    let translations: Vec<JobTranslation> = job_translations::table
        .filter(job_translations::job_id.eq(id))
        .select(JobTranslation::as_select())
        .load(conn)?;
    let draft = JobDraft {
        slug: free_slug(conn, &job.slug)?,
        company_id: job.company_id,
        status: JobStatus::Draft,
        original_locale: job.original_locale(),
        text: job.text(),
        translations: translations.iter().filter_map(|t| Some((t.locale()?, t.text()))).collect(),
        workplace: job.workplace,
        employment_type: job.employment_type,
        seniority: job.seniority,
        city: job.city.clone(),
        country_code: job.country_code.clone(),
        latitude: job.latitude,
        longitude: job.longitude,
        remote_countries: job.remote_countries(),
        salary_min: job.salary_min,
        salary_max: job.salary_max,
        salary_currency: job.salary_currency.clone(),
        salary_period: job.salary_period,
        published_at: None,
        valid_through: None,
        skills: Skill::tags_of_job(conn, id)?.into_iter().map(|s| s.name).collect(),
        created_at: crate::db::now(),
    };
    let copy = draft.insert_in_transaction(conn, &company_name, &mut HashMap::new())?;
    let origin = format!("#{id} {}", job.title);
    let change = audit::Change::new("duplicated_from", None, Some(&origin));
    audit::record(conn, actor, "create", "jobs", copy, &job.title, &[change])?;
    Ok(Some(copy))
}

/// `{slug}-copy`, or `{slug}-copy-2`… when taken.
fn free_slug(conn: &mut DbConn, slug: &str) -> QueryResult<String> {
    let base = format!("{slug}-copy");
    let taken: Vec<String> =
        jobs::table.filter(jobs::slug.like(format!("{base}%"))).select(jobs::slug).load(conn)?;
    Ok((1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(base))
}
