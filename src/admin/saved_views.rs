//! `POST /admin/{resource}/views` and `/views/{id}/delete`: named index states per user.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::resource::parse_list_query;
use super::{AdminForm, CurrentAdmin, Flash};
use crate::auth::policy::Action;
use crate::error::AppError;
use crate::models::saved_view::{MAX_NAME_CHARS, MAX_PER_RESOURCE, SaveError, SavedView};
use crate::state::AppState;
use crate::web::with_conn;

#[derive(Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    query: String,
}

pub async fn save(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    form: AdminForm<SaveForm>,
) -> Result<HttpResponse, AppError> {
    let resource = super::resources::find(&path).ok_or(AppError::NotFound)?;
    admin.require(resource.area(), Action::View)?;
    let tr = admin.tr.clone();
    // Kept as the engine reads it back: only declared filters, a valid scope and sort.
    let query = super::index::canonical_query(&parse_list_query(
        resource,
        &form.data.query,
        &tr,
        admin.viewer(),
    ));
    let (user_id, name, kept) = (admin.user.id, form.data.name.clone(), query.clone());
    let saved = with_conn(&state, move |conn| {
        Ok(SavedView::save(conn, user_id, resource.name(), &name, &kept)?)
    })
    .await?;
    match saved {
        Ok(()) => {
            Flash::notice(&admin.session, tr.t1("admin-view-saved", "name", form.data.name.trim()))
        }
        Err(SaveError::NameMissing) => {
            Flash::alert(&admin.session, tr.t("admin-view-name-missing"))
        }
        Err(SaveError::NameTooLong) => Flash::alert(
            &admin.session,
            tr.t1("admin-view-name-too-long", "max", &tr.number(MAX_NAME_CHARS as i64)),
        ),
        Err(SaveError::TooMany) => Flash::alert(
            &admin.session,
            tr.t1("admin-view-too-many", "max", &tr.number(MAX_PER_RESOURCE)),
        ),
    }
    Ok(crate::web::see_other(&format!("/admin/{}?{query}", resource.name())))
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
    let resource = super::resources::find(&name).ok_or(AppError::NotFound)?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    admin.require(resource.area(), Action::View)?;
    let user_id = admin.user.id;
    let deleted = with_conn(&state, move |conn| Ok(SavedView::delete(conn, user_id, id)?)).await?;
    if !deleted {
        return Err(AppError::NotFound);
    }
    Flash::notice(&admin.session, admin.tr.t("admin-view-deleted"));
    Ok(crate::web::see_other(&format!("/admin/{}", resource.name())))
}
