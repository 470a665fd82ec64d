//! A stored posting read back as the draft it would be saved from (for its form and for
//! copies), and duplicating one into a new draft.

use diesel::prelude::*;

use chrono::NaiveDateTime;

use super::{Job, JobDraft, JobTranslation};
use crate::db::DbConn;
use crate::db::schema::{companies, job_skills, job_translations, jobs, skills};
use crate::i18n::Locale;
use crate::models::JobStatus;
use crate::models::audit::{self, Actor};

/// A stored posting: the draft it would be saved from, and what its form shows besides.
pub struct StoredJob {
    pub draft: JobDraft,
    pub company_name: String,
    /// When the original text last changed.
    pub text_updated_at: NaiveDateTime,
    /// Each translation's language, and the time of the original it was made from.
    pub translated_from: Vec<(Locale, NaiveDateTime)>,
}

impl JobDraft {
    /// Posting `id` with its translations and skills (three queries), or `None`.
    pub fn read(conn: &mut DbConn, id: i64) -> QueryResult<Option<StoredJob>> {
        let found: Option<(Job, String, Option<NaiveDateTime>)> = jobs::table
            .inner_join(companies::table)
            .filter(jobs::id.eq(id))
            .select((Job::as_select(), companies::name, jobs::text_updated_at))
            .first(conn)
            .optional()?;
        let Some((job, company_name, text_updated_at)) = found else { return Ok(None) };
        let translations: Vec<JobTranslation> = job_translations::table
            .filter(job_translations::job_id.eq(id))
            .select(JobTranslation::as_select())
            .load(conn)?;
        let skills = job_skills::table
            .inner_join(skills::table)
            .filter(job_skills::job_id.eq(id))
            .order(job_skills::position.asc())
            .select(skills::name)
            .load(conn)?;
        let translated = |t: &JobTranslation| Some((t.locale()?, t.text(), t.source_updated_at));
        let translations: Vec<_> = translations.iter().filter_map(translated).collect();
        let draft = JobDraft {
            original_locale: job.original_locale(),
            text: job.text(),
            translations: translations.iter().map(|(l, text, _)| (*l, text.clone())).collect(),
            remote_countries: job.remote_countries(),
            skills,
            slug: job.slug,
            company_id: job.company_id,
            status: job.status,
            workplace: job.workplace,
            employment_type: job.employment_type,
            seniority: job.seniority,
            city: job.city,
            country_code: job.country_code,
            street_address: job.street_address,
            latitude: job.latitude,
            longitude: job.longitude,
            salary_min: job.salary_min,
            salary_max: job.salary_max,
            salary_currency: job.salary_currency,
            salary_period: job.salary_period,
            published_at: job.published_at,
            valid_through: job.valid_through,
            created_at: job.created_at,
            cover_letter: job.cover_letter,
        };
        Ok(Some(StoredJob {
            draft,
            company_name,
            text_updated_at: text_updated_at.unwrap_or(job.created_at),
            translated_from: translations.into_iter().map(|(l, _, at)| (l, at)).collect(),
        }))
    }
}

/// Copies posting `id` into a new draft (its fields, text, translations and skills) under a
/// free `{slug}-copy` slug, audited as made from it; `None` when there is no such posting.
/// Runs in the caller's write transaction.
pub fn duplicate(conn: &mut DbConn, id: i64, actor: &Actor) -> QueryResult<Option<i64>> {
    let Some(stored) = JobDraft::read(conn, id)? else { return Ok(None) };
    let title = stored.draft.text.title.clone();
    let draft = JobDraft {
        slug: free_slug(conn, &stored.draft.slug)?,
        status: JobStatus::Draft,
        published_at: None,
        valid_through: None,
        created_at: crate::db::now(),
        ..stored.draft
    };
    let copy = draft.insert_in_transaction(conn, &stored.company_name, &mut Default::default())?;
    let origin = format!("#{id} {title}");
    let change = audit::Change::new("duplicated_from", None, Some(&origin));
    audit::record(conn, actor, "create", "jobs", copy, &title, &[change])?;
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
