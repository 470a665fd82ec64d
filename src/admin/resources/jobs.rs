//! Postings in the back office.

use chrono::NaiveDateTime;

use super::lower;
use super::prelude::*;
use crate::db::schema::{companies, job_skills, jobs, skills};
use crate::models::job::Job;
use crate::models::{EmploymentType, JobStatus, Seniority, Workplace};

pub struct Jobs;

/// A posting as its list row and export show it: without its texts.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = jobs)]
pub struct JobRow {
    id: i64,
    title: String,
    /// Kept on the posting by triggers (for the sort's index).
    company_name: String,
    status: JobStatus,
    workplace: Workplace,
    employment_type: EmploymentType,
    seniority: Seniority,
    city: Option<String>,
    country_code: Option<String>,
    salary_min: Option<i64>,
    salary_max: Option<i64>,
    salary_currency: Option<String>,
    published_at: Option<NaiveDateTime>,
    valid_through: Option<NaiveDateTime>,
    original_locale: String,
    text_updated_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl Declaration for Jobs {
    type Table = jobs::table;
    type Row = JobRow;
    type Context = Translations;
    const NAME: &'static str = "jobs";
    const AREA: Area = Area::Jobs;
    const TITLE: &'static str = "admin-nav-jobs";
    const TABLE: &'static str = "jobs";
    const DEFAULT_SORT: (&'static str, Dir) = ("updated_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("title", "admin-field-title", |j| j.title.clone()).sorted_by(jobs::title);
        c.text("company", "admin-field-company", |j| j.company_name.clone())
            .sorted_by(jobs::company_name);
        c.with("status", "admin-field-status", |j, _, tr| {
            Cell::Status(j.status.as_str(), tr.t(&j.status.label_id()))
        })
        .sorted_by(jobs::status);
        c.with("workplace", "admin-field-workplace", |j, _, tr| {
            Cell::Text(tr.t(&j.workplace.label_id()))
        });
        c.text("city", "admin-field-city", |j| j.city.clone().unwrap_or_default())
            .sorted_by(jobs::city);
        c.date("published_at", "admin-field-published-at", |j| j.published_at)
            .sorted_by(jobs::published_at);
        c.date("updated_at", "admin-field-updated-at", |j| Some(j.updated_at))
            .sorted_by(jobs::updated_at);
        c.translations();
    }
    fn filters(&self, tr: &Tr) -> Vec<Filter<jobs::table>> {
        vec![
            Filter::text("title", "admin-field-title", jobs::title),
            Filter::association("company", "admin-field-company", |name| {
                let named = crate::text_filter!(companies::name, TextOp::Contains, name);
                Box::new(
                    jobs::company_id.eq_any(companies::table.filter(named).select(companies::id)),
                )
            }),
            Filter::association("skill", "admin-field-skill", |name| {
                let lowered = name.to_lowercase();
                let named = skills::slug.eq(lowered.clone()).or(lower(skills::name).eq(lowered));
                let tagged = job_skills::table.inner_join(skills::table).filter(named);
                Box::new(jobs::id.eq_any(tagged.select(job_skills::job_id)))
            }),
            Filter::select(
                "workplace",
                "admin-field-workplace",
                Workplace::options(tr),
                jobs::workplace,
            ),
            Filter::text("city", "admin-field-city", jobs::city.assume_not_null()),
            Filter::boolean("has_salary", "admin-field-has-salary", |yes| {
                let (min, max) = (jobs::salary_min, jobs::salary_max);
                if yes {
                    Box::new(min.is_not_null().or(max.is_not_null()))
                } else {
                    Box::new(min.is_null().and(max.is_null()))
                }
            }),
            Filter::date_range(
                "published_at",
                "admin-field-published-at",
                jobs::published_at.assume_not_null(),
            ),
            Filter::number_range(
                "salary_min",
                "admin-field-salary-min",
                jobs::salary_min.assume_not_null(),
            ),
        ]
    }
    /// A recruiter's: their companies' (`company_scope`).
    fn scope_for(
        &self,
        viewer: &crate::admin::resource::Viewer,
    ) -> Option<crate::admin::engine::Pred<jobs::table>> {
        super::company_scope::jobs(viewer)
    }
    fn scopes(&self) -> Vec<Scope<jobs::table>> {
        Scope::all_and_each(JobStatus::ALL, JobStatus::label_key, JobStatus::as_str, jobs::status)
    }
    fn context(&self, conn: &mut DbConn, rows: &[JobRow]) -> QueryResult<Translations> {
        super::translations!(conn, rows, job_translations, job_id)
    }
    fn exports(&self, e: &mut Exports<Self>) {
        e.field("id", "admin-field-id", |j| j.id);
        e.field("title", "admin-field-title", |j| j.title.clone());
        e.field("company", "admin-field-company", |j| j.company_name.clone());
        e.field("status", "admin-field-status", |j| j.status.as_str());
        e.field("workplace", "admin-field-workplace", |j| j.workplace.as_str());
        e.field("employment_type", "admin-field-employment-type", |j| j.employment_type.as_str());
        e.field("seniority", "admin-field-seniority", |j| j.seniority.as_str());
        e.field("city", "admin-field-city", |j| j.city.clone());
        e.field("country", "admin-field-country", |j| j.country_code.clone());
        e.field("salary_min", "admin-field-salary-min", |j| j.salary_min);
        e.field("salary_max", "admin-field-salary-max", |j| j.salary_max);
        e.field("salary_currency", "admin-field-salary-currency", |j| j.salary_currency.clone());
        e.field("published_at", "admin-field-published-at", |j| j.published_at);
        e.field("valid_through", "admin-field-valid-through", |j| j.valid_through);
        e.field("updated_at", "admin-field-updated-at", |j| j.updated_at);
    }
    fn data_version(&self, conn: &mut DbConn) -> QueryResult<Option<i64>> {
        // Bumped by triggers on every change to postings and their translations.
        crate::search::database_version(conn).map(Some)
    }
}

impl Resource for Jobs {
    fn batch_actions(&self) -> Vec<BatchAction> {
        use crate::models::job::lifecycle::{StatusError, change_status};
        let status = |key, label, to| {
            BatchAction::each(key, label, Action::ChangeStatus, move |conn, id, b| {
                Ok(StatusError::skipped(change_status(conn, id, to, b.actor, crate::db::now()))?)
            })
        };
        vec![
            status("publish", "admin-action-publish", JobStatus::Published),
            status("archive", "admin-action-archive", JobStatus::Archived),
            BatchAction::new("delete", "admin-action-delete", Action::Delete, delete),
        ]
    }

    fn acts(&self) -> Vec<Act> {
        vec![
            Act::new("status", Action::ChangeStatus, change_status),
            Act::new("duplicate", Action::Create, duplicate),
            Act::new("submit", Action::Submit, crate::admin::submission::submit),
        ]
    }

    fn member_actions(&self, id: i64, record: &Record) -> Vec<MemberAction> {
        let from = record.status.and_then(JobStatus::parse).unwrap_or(JobStatus::Draft);
        [
            (JobStatus::Published, "admin-action-publish", false),
            (JobStatus::Draft, "admin-action-unpublish", false),
            (JobStatus::Filled, "admin-action-fill", true),
            (JobStatus::Archived, "admin-action-archive", true),
        ]
        .into_iter()
        .filter(|(to, _, _)| from.can_move_to(*to))
        .map(|(to, label, confirm)| {
            self.button(id, "status", label).with("to", to.as_str()).confirmed(confirm)
        })
        .chain([self.button(id, "duplicate", "admin-action-duplicate")])
        // A recruiter's way to publish (only they may: see `Action::Submit`).
        .chain(
            matches!(from, JobStatus::Draft | JobStatus::Expired).then(|| {
                self.button(id, "submit", "admin-action-submit").emphasis(Emphasis::Primary)
            }),
        )
        .collect()
    }

    fn form(&self) -> Option<&'static dyn super::super::resource::Form> {
        Some(&super::job_form::JobForm)
    }

    fn stats_url(&self, id: i64) -> Option<String> {
        Some(format!("/admin/jobs/{id}/stats"))
    }
    fn preview_url(&self, id: i64) -> Option<String> {
        Some(format!("/admin/jobs/{id}/preview"))
    }
}

impl Shows for Jobs {
    type Detail = Job;

    fn record(&self, conn: &mut DbConn, job: Job, tr: &Tr) -> Result<Record, AppError> {
        let company: String =
            companies::table.find(job.company_id).select(companies::name).first(conn)?;
        let skills = crate::models::skill::Skill::tags_of_job(conn, job.id)?;
        let skills: Vec<String> = skills.into_iter().map(|tag| tag.name).collect();
        let salary = job.salary().map(|s| crate::web::view::salary_text(tr, &s));
        let language = tr.language(job.original_locale());
        let public_url = (job.status != JobStatus::Draft)
            .then(|| format!("/{}/jobs/{}", job.original_locale, job.slug));
        let posting = Panel::new("admin-panel-posting")
            .text("admin-field-title", job.title.clone())
            .row(
                "admin-field-company",
                Cell::Link(company, format!("/admin/companies/{}", job.company_id)),
            )
            .row(
                "admin-field-status",
                Cell::Status(job.status.as_str(), tr.t(job.status.label_key())),
            )
            .text("admin-field-slug", job.slug)
            .text("admin-field-language", language)
            .text("admin-field-workplace", tr.t(job.workplace.label_key()))
            .text("admin-field-city", job.city.unwrap_or_default())
            .country("admin-field-country", job.country_code.as_deref(), tr)
            .text("admin-field-salary", salary.unwrap_or_default())
            .text("admin-field-skills", skills.join(", "));
        let dates = Panel::new("admin-panel-dates")
            .date("admin-field-published-at", job.published_at)
            .date("admin-field-valid-through", job.valid_through)
            .date("admin-field-created-at", job.created_at)
            .date("admin-field-updated-at", job.updated_at);
        let content = Panel::new("admin-panel-content")
            .paragraphs("admin-field-summary", job.summary)
            .paragraphs("admin-field-responsibilities", job.responsibilities)
            .paragraphs("admin-field-requirements", job.requirements)
            .paragraphs("admin-field-benefits", job.benefits);
        Ok(Record::new(job.title, vec![posting, dates, content])
            .status(job.status.as_str())
            .public_url(public_url))
    }
}

/// Publishes, unpublishes, marks filled or archives posting `id`, as its lifecycle allows.
fn change_status(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    use crate::models::job::lifecycle::{StatusError, change_status};
    let to = JobStatus::parse(a.field("to")).ok_or(AppError::BadRequest("error-bad-request"))?;
    let (tr, label) = (a.tr.clone(), |s: JobStatus| a.tr.t(s.label_key()));
    match change_status(conn, id, to, a.actor, crate::db::now()) {
        Ok(()) => Ok(Done::notice(tr.t1("admin-status-changed", "status", &label(to)))),
        Err(StatusError::NotAllowed { from, to }) => Ok(Done::alert(tr.t2(
            "admin-status-not-allowed",
            "from",
            &label(from),
            "to",
            &label(to),
        ))),
        Err(StatusError::NotFound) => Err(AppError::NotFound),
        Err(StatusError::Database(e)) => Err(e.into()),
    }
}

/// Copies posting `id` into a new draft, and opens its form.
fn duplicate(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    let copy = crate::models::job::duplicate(conn, id, a.actor)?.ok_or(AppError::NotFound)?;
    Ok(Done::notice(a.tr.t("admin-duplicated")).to(format!("/admin/jobs/{copy}/edit")))
}

/// Deletes the postings nobody applied to (see `delete_unapplied`), audited.
fn delete(conn: &mut DbConn, b: &Batch) -> Result<BatchOutcome, AppError> {
    let deleted = crate::models::job::lifecycle::delete_unapplied(conn, b.ids)?;
    for (id, title) in &deleted {
        crate::models::audit::record(conn, b.actor, "delete", "jobs", *id, title, &[])?;
    }
    Ok(BatchOutcome::changed(b, deleted.len()))
}
