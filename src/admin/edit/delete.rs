//! Deleting a record, after a confirmation page.

use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::{parse_id, redirect};
use crate::admin::fields::{self, FormValues};
use crate::admin::layout::{crumb, here};
use crate::admin::resource::{Deleted, Editor, Form, Resource};
use crate::admin::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::auth::policy::Action;
use crate::error::AppError;
use crate::models::audit::{self};
use crate::state::AppState;
use crate::web::with_conn;

#[derive(Template, WebTemplate)]
#[template(path = "admin/delete.html")]
/// A page that asks before something is deleted for good: a record, or everything kept about
/// an applicant (`admin::erasure`). Its button sends `confirmed=yes`.
pub struct DeletePage {
    pub l: AdminLayout,
    pub question: String,
    pub action_url: String,
    pub back: String,
    pub confirm_label: String,
}

fn deletable(name: &str) -> Result<(&'static dyn Resource, &'static dyn Form), AppError> {
    let resource = crate::admin::resources::find(name).ok_or(AppError::NotFound)?;
    let form = resource.form().ok_or(AppError::NotFound)?;
    Ok((resource, form))
}

/// `GET /admin/{resource}/{id}/delete`: asks before deleting (the show page links here, so it
/// works without JavaScript).
pub async fn delete_form(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
) -> Result<DeletePage, AppError> {
    let (name, id) = path.into_inner();
    let (resource, form) = deletable(&name)?;
    let id = parse_id(&id)?;
    admin.require(resource.area(), Action::Delete)?;
    let editor = admin.editor();
    let stored = with_conn(&state, move |conn| {
        resource.require_visible(conn, id, &editor.viewer)?;
        form.load(conn, id, &editor)
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let tr = admin.tr.clone();
    let title = tr.t(resource.title());
    let page_title = tr.t1("admin-delete-title", "record", &stored.label);
    let back = format!("/admin/{}/{id}", resource.name());
    let mut l = AdminLayout::new(
        &admin,
        resource.name(),
        page_title.clone(),
        vec![
            crumb(title, format!("/admin/{}", resource.name())),
            crumb(stored.label.clone(), back.clone()),
            here(tr.t("admin-action-delete")),
        ],
    );
    l.here = format!("{back}/delete");
    Ok(DeletePage {
        question: tr.t1("admin-delete-question", "record", &stored.label),
        action_url: format!("{back}/delete"),
        back,
        confirm_label: tr.t("admin-action-delete"),
        l,
    })
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn delete(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String)>,
    _form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let (name, id) = path.into_inner();
    let (resource, form) = deletable(&name)?;
    let id = parse_id(&id)?;
    admin.require(resource.area(), Action::Delete)?;
    let (actor, editor) = (admin.actor(), admin.editor());
    let search = state.search.clone();
    let outcome = with_conn(&state, move |conn| {
        delete_record(conn, &search, resource, form, id, &actor, &editor)
    })
    .await?;
    let tr = admin.tr;
    match outcome {
        Deleted::Done => {
            Flash::notice(&admin.session, tr.t("admin-deleted"));
            Ok(redirect(format!("/admin/{}", resource.name())))
        }
        Deleted::NotFound => Err(AppError::NotFound),
        Deleted::Refused(reason) => {
            Flash::alert(&admin.session, tr.t(reason));
            Ok(redirect(format!("/admin/{}/{id}", resource.name())))
        }
    }
}

/// Deletes record `id` of resource `name` as the back office's delete button would, for
/// writers other than the button (the API): the same visibility rule, refusals, audit entry
/// (keeping what was deleted) and search refresh.
pub fn delete_values(
    conn: &mut crate::db::DbConn,
    search: &crate::search::SearchHandle,
    name: &str,
    id: i64,
    actor: &audit::Actor,
    editor: &Editor,
) -> Result<Deleted, AppError> {
    let (resource, form) = deletable(name)?;
    delete_record(conn, search, resource, form, id, actor, editor)
}

fn delete_record(
    conn: &mut crate::db::DbConn,
    search: &crate::search::SearchHandle,
    resource: &'static dyn Resource,
    form: &'static dyn Form,
    id: i64,
    actor: &audit::Actor,
    editor: &Editor,
) -> Result<Deleted, AppError> {
    let outcome = crate::db::write_transaction(conn, |conn| {
        if resource.visible(conn, &[id], &editor.viewer)?.is_empty() {
            return Ok::<_, AppError>(Deleted::NotFound);
        }
        let Some(stored) = form.load(conn, id, editor)? else {
            return Ok::<_, AppError>(Deleted::NotFound);
        };
        let outcome = form.delete(conn, id)?;
        if outcome == Deleted::Done {
            // The entry keeps what was deleted, field by field.
            let changes = fields::diff(&stored.values, &FormValues::default());
            audit::record(conn, actor, "delete", resource.name(), id, &stored.label, &changes)?;
        }
        Ok(outcome)
    })?;
    search.refresh_if_stale(conn)?;
    Ok(outcome)
}
