//! The name lookup behind association fields.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::admin::CurrentAdmin;
use crate::admin::resource::Lookup;
use crate::auth::policy::Action;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::with_conn;

#[derive(Deserialize)]
pub struct LookupQuery {
    #[serde(default)]
    q: String,
}

#[derive(serde::Serialize)]
struct Suggestion {
    id: i64,
    label: String,
}

/// `GET /admin/{resource}/lookup?q=`: up to 20 records whose name contains `q`, as JSON, for
/// the suggestions of association fields.
pub async fn lookup(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    path: web::Path<String>,
    query: web::Query<LookupQuery>,
) -> Result<HttpResponse, AppError> {
    let resource = crate::admin::resources::find(&path).ok_or(AppError::NotFound)?;
    admin.require(resource.area(), Action::View)?;
    let q: String = query.q.trim().chars().take(100).collect();
    let viewer = admin.viewer();
    let tr = admin.tr.clone();
    let found =
        with_conn(&state, move |conn| resource.lookup(conn, Lookup::Containing(&q), &viewer, &tr))
            .await?;
    let suggestions: Vec<Suggestion> =
        found.into_iter().map(|(id, label)| Suggestion { id, label }).collect();
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(suggestions))
}
