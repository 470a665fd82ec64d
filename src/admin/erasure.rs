//! `/admin/applications/{id}/erase`: the staff erase everything kept about an applicant who
//! asked them (by mail, by phone): every application sent from that address, with its CV and
//! the notes on it, registered as the staff's erasure (`privacy::register`). The show page's
//! button, or a GET, leads to a page that says what will go; its button erases.

use actix_web::{HttpResponse, web};
use askama::Template;
use diesel::prelude::*;

use super::layout::{crumb, here};
use super::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::auth::policy::{Action, Area};
use crate::db::schema::applications;
use crate::error::AppError;
use crate::models::application::delete_with_notes;
use crate::privacy::register::Origin;
use crate::state::AppState;
use crate::web::with_conn;

/// The applicant of application `id` as the page names them: (name, address, applications).
fn applicant(
    conn: &mut crate::db::DbConn,
    id: i64,
    viewer: &crate::admin::resource::Viewer,
) -> Result<(String, String, Vec<i64>), AppError> {
    use crate::admin::resource::Listing;
    Listing::require_visible(&super::resources::applications::Applications, conn, id, viewer)?;
    let (name, email): (String, String) = applications::table
        .find(id)
        .select((applications::name, applications::email))
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    let ids = applications::table
        .filter(applications::email.eq(&email))
        .order(applications::id.asc())
        .select(applications::id)
        .load(conn)?;
    Ok((name, email, ids))
}

fn parse(admin: &CurrentAdmin, id: &str) -> Result<i64, AppError> {
    // The board's staff only: a recruiter sees their companies' applications, never all of a
    // person's.
    admin.require(Area::Applications, Action::Delete)?;
    if admin.viewer().is_bound() {
        return Err(AppError::Forbidden);
    }
    id.parse().map_err(|_| AppError::NotFound)
}

pub async fn confirm(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse(&admin, &path)?;
    page(&state, admin, id).await
}

async fn page(state: &AppState, admin: CurrentAdmin, id: i64) -> Result<HttpResponse, AppError> {
    let viewer = admin.viewer();
    let (name, email, ids) = with_conn(state, move |conn| applicant(conn, id, &viewer)).await?;
    let tr = admin.tr.clone();
    let back = format!("/admin/applications/{id}");
    let title = tr.t("admin-erase-title");
    let question = tr.tn_with(
        "admin-erase-question",
        ids.len() as i64,
        "person",
        &format!("{name} <{email}>"),
    );
    let l = AdminLayout::new(
        &admin,
        "applications",
        title.clone(),
        vec![
            crumb(tr.t("admin-nav-applications"), "/admin/applications"),
            crumb(name, back.clone()),
            here(title),
        ],
    );
    let page = super::edit::delete::DeletePage {
        l,
        question,
        action_url: format!("/admin/applications/{id}/erase"),
        back,
        confirm_label: tr.t("admin-erase-button"),
    };
    let html = page.render().map_err(|e| AppError::Internal(format!("an erase page: {e}")))?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(html))
}

pub async fn erase(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    form: AdminForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let id = parse(&admin, &path)?;
    // The show page's button asks first; only the confirmation page's button erases.
    if !form.pairs.iter().any(|(k, v)| k == "confirmed" && v == "yes") {
        return page(&state, admin, id).await;
    }
    let (viewer, actor) = (admin.viewer(), admin.actor());
    let secret = state.config.secret_key.clone();
    let (count, cvs) = with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let (_, _, ids) = applicant(conn, id, &viewer)?;
            let cvs = delete_with_notes(conn, &ids, &actor, (&secret, Origin::Staff))?;
            Ok::<_, AppError>((ids.len(), cvs))
        })
    })
    .await?;
    // The files go once the rows have; one that fails here is an orphan for `purge_uploads`.
    for key in cvs {
        if let Err(e) = state.storage.delete(&key).await {
            log::warn!("an erased application's CV stays until the upload purge: {e}");
        }
    }
    log::info!("admin user {} erased {count} application(s) of one applicant", admin.user.id);
    Flash::notice(&admin.session, admin.tr.tn("admin-erase-done", count as i64));
    Ok(crate::web::see_other("/admin/applications"))
}
