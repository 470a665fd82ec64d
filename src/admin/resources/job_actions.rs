//! A posting's preview: the public page, in any status and any of its languages.

use actix_web::web;
use serde::Deserialize;

use super::super::CurrentAdmin;
use super::prelude::*;
use crate::db::schema::jobs;
use crate::models::job::JobPage;
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
        let original: String = jobs::table.find(id).select(jobs::original_locale).first(conn)?;
        let locale = asked.or(Locale::parse(&original)).unwrap_or_default();
        let mut page = JobPage::load_preview(conn, id, locale)?.ok_or(AppError::NotFound)?;
        page.skills = Skill::tags_of_job(conn, id)?;
        Ok(page)
    })
    .await?;
    let tr = state.tr(asked.unwrap_or(page.job.original_locale()));
    let mut view = JobView::new(&state, tr.clone(), &page, None);
    view.l.noindex = true;
    view.l.json_ld = None;
    view.apply = None;
    view.preview_note =
        Some(tr.t1("job-preview-note", "status", &tr.t(&page.job.status.label_id())));
    view.other_languages = page
        .languages()
        .filter(|l| *l != tr.locale)
        .map(|l| (l.native_name().to_owned(), format!("/admin/jobs/{id}/preview?lang={l}")))
        .collect();
    Ok(view)
}
