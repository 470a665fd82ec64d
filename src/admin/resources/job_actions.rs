//! Posting actions beyond the generic engine: a preview as the public page, and duplicating a
//! posting into a new draft.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use diesel::prelude::*;
use serde::Deserialize;

use super::super::{AdminForm, CurrentAdmin, Flash};
use crate::auth::policy::{Action, Area};
use crate::db::schema::{companies, job_translations, jobs};
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::JobStatus;
use crate::models::audit;
use crate::models::job::{Job, JobDraft, JobPage, JobTranslation};
use crate::models::skill::Skill;
use crate::state::AppState;
use crate::web::job::JobView;
use crate::web::with_conn;

#[derive(Deserialize)]
pub struct PreviewQuery {
    lang: Option<String>,
}

/// `GET /admin/jobs/{id}/preview?lang=de`: the posting as the public page shows it, in any
/// status, in one of its languages (the original by default). Never indexed, no apply form.
pub async fn preview(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    query: web::Query<PreviewQuery>,
) -> Result<JobView, AppError> {
    admin.require(Area::Jobs, Action::View)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let asked = query.lang.as_deref().and_then(Locale::parse);
    let viewer = admin.viewer();
    let page = with_conn(&state, move |conn| {
        crate::admin::resource::Listing::require_visible(&super::jobs::Jobs, conn, id, &viewer)?;
        let original: Option<String> = jobs::table
            .filter(jobs::id.eq(id))
            .select(jobs::original_locale)
            .first(conn)
            .optional()?;
        let original = original.ok_or(AppError::NotFound)?;
        let locale = asked.or(Locale::parse(&original)).unwrap_or_default();
        let mut page = JobPage::load_preview(conn, id, locale)?.ok_or(AppError::NotFound)?;
        page.skills = Skill::tags_of_job(conn, id)?;
        Ok(page)
    })
    .await?;
    let tr = Tr::new(asked.unwrap_or(page.job.original_locale()));
    let mut view = JobView::new(&state, tr, &page, None);
    view.l.noindex = true;
    view.l.json_ld = None;
    view.apply = None;
    view.preview_note =
        Some(tr.t1("job-preview-note", "status", &tr.t(&page.job.status().label_id())));
    view.other_languages = page
        .languages
        .iter()
        .filter(|l| **l != tr.locale)
        .map(|l| (l.native_name().to_owned(), format!("/admin/jobs/{id}/preview?lang={l}")))
        .collect();
    Ok(view)
}

#[derive(Deserialize)]
pub struct Empty {}

/// `POST /admin/jobs/{id}/duplicate`: a new draft with the posting's fields, text,
/// translations and skills, then its edit form.
pub async fn duplicate(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    _form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Jobs, Action::Create)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let actor = admin.actor();
    let search = state.search.clone();
    let viewer = admin.viewer();
    let copy = with_conn(&state, move |conn| {
        crate::admin::resource::Listing::require_visible(&super::jobs::Jobs, conn, id, &viewer)?;
        let copy = crate::db::write_transaction(conn, |conn| {
            let found: Option<(Job, String)> = jobs::table
                .inner_join(companies::table)
                .filter(jobs::id.eq(id))
                .select((Job::as_select(), companies::name))
                .first(conn)
                .optional()?;
            let (job, company_name) = found.ok_or(AppError::NotFound)?;
            let translations: Vec<JobTranslation> = job_translations::table
                .filter(job_translations::job_id.eq(id))
                .select(JobTranslation::as_select())
                .load(conn)?;
            let skills = Skill::tags_of_job(conn, id)?;
            let slug = free_slug(conn, &job.slug)?;
            let draft = JobDraft {
                slug,
                company_id: job.company_id,
                status: JobStatus::Draft,
                original_locale: job.original_locale(),
                text: job.text(),
                translations: translations
                    .iter()
                    .filter_map(|t| t.locale().map(|l| (l, t.text())))
                    .collect(),
                workplace: job.workplace(),
                employment_type: job.employment_type(),
                seniority: job.seniority(),
                city: job.city.clone(),
                country_code: job.country_code.clone(),
                latitude: job.latitude,
                longitude: job.longitude,
                remote_countries: job.remote_countries(),
                salary_min: job.salary_min,
                salary_max: job.salary_max,
                salary_currency: job.salary_currency.clone(),
                salary_period: job.salary().map(|s| s.period),
                published_at: None,
                valid_through: None,
                skills: skills.into_iter().map(|s| s.name).collect(),
                created_at: crate::db::now(),
            };
            let copy = draft.insert_in_transaction(conn, &company_name, &mut HashMap::new())?;
            audit::record(
                conn,
                &actor,
                "create",
                "jobs",
                copy,
                &job.title,
                &[audit::Change::new(
                    "duplicated_from",
                    None,
                    Some(&format!("#{id} {}", job.title)),
                )],
            )?;
            Ok::<_, AppError>(copy)
        })?;
        search.refresh_if_stale(conn)?;
        Ok(copy)
    })
    .await?;
    Flash::notice(&admin.session, admin.tr.t("admin-duplicated"));
    Ok(crate::web::see_other(&format!("/admin/jobs/{copy}/edit")))
}

/// `{slug}-copy`, or `{slug}-copy-2`… when taken.
fn free_slug(conn: &mut crate::db::DbConn, slug: &str) -> QueryResult<String> {
    let base = format!("{slug}-copy");
    let taken: Vec<String> =
        jobs::table.filter(jobs::slug.like(format!("{base}%"))).select(jobs::slug).load(conn)?;
    Ok((1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(base))
}
