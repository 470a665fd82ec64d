//! `/admin/places/find?q=`: places whose name starts with the text, for the map picker of
//! the posting and company forms. From the search's in-memory gazetteer: no query.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use crate::auth::current::CurrentAdmin;
use crate::auth::policy::{Action, Area};
use crate::error::AppError;
use crate::state::AppState;

/// Suggestions shown at once; a longer prefix narrows them.
const LIMIT: usize = 8;
/// Longer text is no place's name.
const MAX_QUERY: usize = 100;

#[derive(Serialize)]
struct Found {
    /// "München, Deutschland": the name and country in the admin's language.
    label: String,
    lat: f64,
    lon: f64,
}

pub async fn find(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::Places, Action::View)?;
    let q: String = url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.chars().take(MAX_QUERY).collect())
        .unwrap_or_default();
    let index = state.search.get();
    let tr = admin.tr;
    let found: Vec<Found> = index
        .gazetteer()
        .starting_with(&q, LIMIT)
        .into_iter()
        .map(|place| Found {
            label: format!("{}, {}", place.name(tr.locale), tr.country(&place.country)),
            lat: place.point.0,
            lon: place.point.1,
        })
        .collect();
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(found))
}
