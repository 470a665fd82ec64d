//! `POST /admin/{resource}/{id}/{action}`: a member action declared by its resource (an
//! [`Act`]), for the users its policy allows, on a record they may see, in one transaction.

use actix_web::{HttpResponse, web};

use super::resource::ActInput;
use super::{AdminForm, CurrentAdmin, Flash};
use crate::error::AppError;
use crate::state::AppState;
use crate::web::with_conn;

pub async fn act(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<(String, String, String)>,
    form: AdminForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let (name, id, key) = path.into_inner();
    run(state, admin, &name, &id, &key, form).await
}

/// Runs member action `key` of resource `name` on record `id`: for a fixed route that also
/// answers GET (a confirmation step), so that it lists both methods.
pub async fn run(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    name: &str,
    id: &str,
    key: &str,
    form: AdminForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let (name, key) = (name.to_owned(), key.to_owned());
    let resource = super::resources::find(&name).ok_or(AppError::NotFound)?;
    let act = resource.acts().into_iter().find(|a| a.key == key).ok_or(AppError::NotFound)?;
    admin.require(resource.area(), act.needs)?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let (actor, viewer, tr, search) =
        (admin.actor(), admin.viewer(), admin.tr, state.search.clone());
    let fields = form.pairs;
    let done = with_conn(&state, move |conn| {
        resource.require_visible(conn, id, &viewer)?;
        let done = act.run(conn, id, &ActInput { fields: &fields, actor: &actor, tr })?;
        // This instance's public pages show the change at once; others within their refresh
        // interval.
        search.refresh_if_stale(conn)?;
        Ok(done)
    })
    .await?;
    log::info!("admin user {} ran {key} on {name} {id}", admin.user.id);
    if done.alert {
        Flash::alert(&admin.session, done.message);
    } else {
        Flash::notice(&admin.session, done.message);
    }
    Ok(crate::web::see_other(&done.to.unwrap_or_else(|| format!("/admin/{name}/{id}"))))
}
