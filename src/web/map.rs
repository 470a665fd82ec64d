//! `/{locale}/jobs/map.json`: a search's postings on a map, as GeoJSON, grouped on the server
//! from the in-memory index so that a map of any number of postings is a few hundred
//! features. The search page's map reads it; so may anyone.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use serde_json::{Value, json};

use super::card_cache::card_views;
use super::path_locale;
use crate::error::AppError;
use crate::search::SearchParams;
use crate::search::map::MAX_ZOOM;
use crate::search::params::Bbox;
use crate::state::AppState;

/// The most features a map gets, whatever the number of postings.
pub const MAX_FEATURES: usize = 500;
/// The zoom of a map that does not say (a country).
const DEFAULT_ZOOM: u8 = 5;

#[derive(Serialize)]
struct FeatureCollection {
    r#type: &'static str,
    features: Vec<Value>,
    /// How many postings match the search.
    total: usize,
    /// How many of them have no place on the map.
    unplaced: usize,
    /// That, in words, when there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

pub async fn map_json(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let tr = state.tr(path_locale(&path)?);
    let (mut params, _) = SearchParams::parse(req.query_string());
    let zoom = url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "zoom")
        .and_then(|(_, v)| v.parse::<u8>().ok())
        .map_or(DEFAULT_ZOOM, |z| z.min(MAX_ZOOM));
    let index = state.search.get();
    super::jobs::resolve_place(&index, &mut params, tr.locale);
    let hits = super::text_hits(&state, &index, &params.q).await?;
    let now = crate::db::now();
    let map = index.map(&params, hits.as_deref(), now, zoom, MAX_FEATURES);
    // A posting alone in its cell is a marker that names it.
    let singles: Vec<i64> = map.clusters.iter().filter_map(|c| c.only).collect();
    let cards = card_views(&state, &index, &singles, tr.clone()).await?;
    let by_url: HashMap<&str, &crate::web::view::CardView> =
        cards.iter().map(|c| (c.url.as_str(), c.as_ref())).collect();
    let base = SearchParams { page: 1, ..params.clone() };
    let features = map
        .clusters
        .iter()
        .map(|c| {
            let [west, south, east, north] = c.bounds;
            let mut properties = json!({ "count": c.count, "bounds": c.bounds });
            let url = c
                .only
                .and_then(|id| index.slug_of(id))
                .map(|slug| format!("/{}/jobs/{slug}", tr.locale));
            match url.as_deref().and_then(|u| by_url.get(u)) {
                Some(card) => {
                    properties["url"] = json!(card.url);
                    properties["title"] = json!(card.title);
                    properties["company"] = json!(card.company);
                }
                None => {
                    // The list of the postings there: the search, on the cluster's box.
                    let there = SearchParams {
                        bbox: Some(Bbox { west, south, east, north }),
                        ..base.clone()
                    };
                    properties["list"] = json!(format!("/{}/jobs?{}", tr.locale, there.to_query()));
                    properties["label"] = json!(tr.tn("search-total", i64::from(c.count)));
                }
            }
            json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [c.centre.1, c.centre.0]},
                "properties": properties,
            })
        })
        .collect();
    let body = FeatureCollection {
        r#type: "FeatureCollection",
        features,
        total: map.total,
        unplaced: map.unplaced,
        note: (map.unplaced > 0).then(|| tr.tn("map-unplaced", map.unplaced as i64)),
    };
    Ok(HttpResponse::Ok().content_type("application/geo+json").json(body))
}
