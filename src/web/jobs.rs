//! `/{locale}/jobs`: search with facets, sorting and pagination; no JavaScript needed.

use std::sync::Arc;

use actix_web::{HttpRequest, web};
use askama::Template;
use askama_web::WebTemplate;

use super::card_cache::card_views;
use super::search_links::{filter_label, groups, pagination_window, url, with, without};
use super::view::CardView;
use super::{Layout, path_locale};
use crate::db::DbConn;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::i18n::Tr;
use crate::models::job::JobCard;
use crate::search::params::{POSTED_WITHIN_CHOICES, RADII};
use crate::search::{
    Filter, Near, PER_PAGE, SearchHandle, SearchIndex, SearchParams, SearchResult, Sort,
};
use crate::state::AppState;

/// A link in the filter sidebar, sort bar or pagination.
#[derive(Debug, Clone)]
pub struct Choice {
    pub label: String,
    pub url: String,
    pub count: Option<u32>,
    pub selected: bool,
}

#[derive(Debug, Clone)]
pub struct FacetGroup {
    pub id: &'static str,
    pub title: String,
    pub options: Vec<Choice>,
}

#[derive(Template, WebTemplate)]
#[template(path = "public/jobs.html")]
pub struct JobsPage {
    pub l: Layout,
    pub params: SearchParams,
    pub notices: Vec<String>,
    pub heading: String,
    pub total_text: String,
    pub cards: Vec<Arc<CardView>>,
    pub groups: Vec<FacetGroup>,
    pub sorts: Vec<Choice>,
    pub active: Vec<Choice>,
    pub suggestions: Vec<Choice>,
    /// With a location search and no results: the wider radii that have some.
    pub wider: Vec<Choice>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<Choice>,
    pub page_status: String,
    pub posted_choices: Vec<Choice>,
    /// The radius select: each radius (its value in `url`).
    pub radius_choices: Vec<Choice>,
    /// The location field's value.
    pub near_value: String,
    pub hidden: Vec<(String, String)>,
    pub clear_url: String,
    /// The job alert sign-up for this search.
    pub alert_url: String,
    /// The search as the map asks for it (its page and sort aside), with and without its box.
    pub map_query: String,
    pub map_query_without_bbox: String,
    pub map: MapSettings,
}

/// What the map needs from the configuration, and its words.
#[derive(Debug, Clone)]
pub struct MapSettings {
    pub tiles: String,
    pub attribution: String,
}

/// Runs a search: the full-text query (when there is one, and its matches are not cached) in
/// the database, everything else against the in-memory index, then the page's cards. Two
/// queries at most.
pub fn run_search(
    conn: &mut DbConn,
    search: &SearchHandle,
    params: &SearchParams,
    tr: &Tr,
    per_page: usize,
) -> Result<(SearchResult, Vec<JobCard>), AppError> {
    let index = search.get();
    let hits = if params.q.trim().is_empty() {
        None
    } else {
        Some(search.text_matches(conn, &index, &params.q)?)
    };
    let result = index.search(params, hits.as_deref(), crate::db::now(), per_page);
    let cards = super::view::load_cards(conn, &index, &result.ids, tr.locale)?;
    Ok((result, cards))
}

pub async fn search_page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<JobsPage, AppError> {
    let tr = state.tr(path_locale(&path)?);
    let (mut params, invalid) = SearchParams::parse(req.query_string());
    let index = state.search.get();
    let now = crate::db::now();
    let mut notices: Vec<String> = invalid
        .iter()
        .map(|i| tr.t2("search-notice-invalid", "name", i.name, "value", &i.value))
        .collect();
    if let Some(unknown) = resolve_place(&index, &mut params, tr.locale) {
        notices.push(tr.t1("search-notice-unknown-place", "place", &unknown));
    }
    let hits = super::text_hits(&state, &index, &params.q).await?;
    let result = index.search(&params, hits.as_deref(), now, PER_PAGE);
    let mut cards = card_views(&state, &index, &result.ids, tr.clone()).await?;
    if req.method() == actix_web::http::Method::GET {
        state.analytics.add(result.ids.iter().copied(), crate::analytics::Metric::SearchAppearance);
    }
    if let Some(centre) = params.near.as_ref().and_then(|near| index.locate(near)) {
        // The cached cards are shared by every search: the distance goes on a copy.
        for (card, id) in cards.iter_mut().zip(&result.ids) {
            if let Some(km) = index.distance_km(*id, centre) {
                *card = Arc::new(CardView { distance: Some(tr.distance(km)), ..(**card).clone() });
            }
        }
    }
    Ok(build_page(&state, tr, params, notices, result, cards))
}

/// Writes a known place as its postings spell it (in the chip and in every link); a place the
/// index cannot place limits nothing and is dropped: its name is returned, to be said.
pub fn resolve_place(
    index: &SearchIndex,
    params: &mut SearchParams,
    locale: Locale,
) -> Option<String> {
    let Some(near @ Near::Place(name)) = &params.near else { return None };
    match index.place_name(name, locale).filter(|_| index.locate(near).is_some()) {
        Some(spelled) => {
            params.near = Some(Near::Place(spelled.to_owned()));
            None
        }
        None => {
            let unknown = name.clone();
            *params = without(params, Filter::Near);
            Some(unknown)
        }
    }
}

fn build_page(
    state: &AppState,
    tr: Tr,
    params: SearchParams,
    notices: Vec<String>,
    result: SearchResult,
    cards: Vec<Arc<CardView>>,
) -> JobsPage {
    let title = if params.q.trim().is_empty() {
        tr.t("search-title")
    } else {
        tr.t1("search-title-query", "query", params.q.trim())
    };
    let canonical_params = SearchParams { sort: None, ..params.clone() };
    let mut l = Layout::new(
        tr.clone(),
        &state.config.base_url,
        "/jobs",
        &canonical_params.to_query(),
        title.clone(),
    );
    l.section = "jobs";
    l.feeds = Some(super::feeds::FeedLinks::new(
        tr.locale,
        &SearchParams { page: 1, sort: None, ..params.clone() }.to_query(),
    ));
    // Deep result pages and filter combinations add nothing for search engines.
    l.noindex = params.page > 1 || result.total == 0;
    let effective = params.effective_sort();
    let sorts = Sort::ALL
        .iter()
        .filter(|s| **s != Sort::Relevance || !params.q.trim().is_empty())
        .filter(|s| **s != Sort::Distance || params.near.is_some())
        .map(|s| Choice {
            label: tr.t(&format!("sort-{}", s.as_str())),
            url: url(&tr, &with(&params, |p| p.sort = Some(*s))),
            count: None,
            selected: *s == effective,
        })
        .collect();
    let active: Vec<Choice> = result
        .without
        .iter()
        .map(|(filter, _)| Choice {
            label: filter_label(&tr, &params, &result.facets, *filter),
            url: url(&tr, &without(&params, *filter)),
            count: None,
            selected: true,
        })
        .collect();
    let wider = result
        .wider
        .iter()
        .map(|(km, n)| Choice {
            label: tr.t1("filter-radius-km", "km", &tr.number(i64::from(*km))),
            url: url(&tr, &with(&params, |p| p.radius = Some(*km))),
            count: Some(*n as u32),
            selected: false,
        })
        .collect();
    let suggestions = if result.total == 0 {
        result
            .without
            .iter()
            .filter_map(|(filter, n)| Some((filter, n.filter(|n| *n > 0)?)))
            .map(|(filter, n)| Choice {
                label: match filter {
                    // The query's label is quoted already; the message quotes the filter.
                    Filter::Text => tr.t1("search-drop-filter", "filter", &params.q),
                    _ => tr.t1(
                        "search-drop-filter",
                        "filter",
                        &filter_label(&tr, &params, &result.facets, *filter),
                    ),
                },
                url: url(&tr, &without(&params, *filter)),
                count: Some(n as u32),
                selected: false,
            })
            .collect()
    } else {
        Vec::new()
    };
    let page_url = |n: u32| url(&tr, &SearchParams { page: n, ..params.clone() });
    let prev = (result.page > 1).then(|| page_url(result.page - 1));
    let next = (result.page < result.pages).then(|| page_url(result.page + 1));
    let window = pagination_window(result.page, result.pages);
    let pages = window
        .into_iter()
        .map(|n| Choice {
            label: n.map(|n| tr.number(n as i64)).unwrap_or_else(|| "…".into()),
            url: n.map(page_url).unwrap_or_default(),
            count: None,
            selected: n == Some(result.page),
        })
        .collect();
    let posted_choices = POSTED_WITHIN_CHOICES
        .iter()
        .map(|d| Choice {
            label: tr.tn("posted-within-days", *d),
            url: d.to_string(),
            count: None,
            selected: params.posted_within == Some(*d),
        })
        .collect();
    let radius_choices = RADII
        .iter()
        .map(|km| Choice {
            label: tr.t1("filter-radius-km", "km", &tr.number(i64::from(*km))),
            url: km.to_string(),
            count: None,
            selected: params.radius_km() == *km,
        })
        .collect();
    // The form resubmits the facet filters it does not show as inputs.
    let mut hidden: Vec<(String, String)> = Vec::new();
    let facet_only = SearchParams {
        q: String::new(),
        salary_min: None,
        posted_within: None,
        near: None,
        radius: None,
        include_remote: false,
        sort: None,
        page: 1,
        ..params.clone()
    };
    for (k, v) in url::form_urlencoded::parse(facet_only.to_query().as_bytes()) {
        hidden.push((k.into_owned(), v.into_owned()));
    }
    if let Some(s) = params.sort {
        hidden.push(("sort".into(), s.as_str().into()));
    }
    let alert_query = crate::models::alert::alert_params(&params).to_query();
    let map_params = SearchParams { page: 1, sort: None, ..params.clone() };
    let map = MapSettings {
        tiles: state.config.map_tiles.clone(),
        attribution: state.config.map_attribution.clone(),
    };
    JobsPage {
        alert_url: if alert_query.is_empty() {
            format!("/{}/alerts/new", tr.locale)
        } else {
            format!("/{}/alerts/new?{alert_query}", tr.locale)
        },
        map_query: map_params.to_query(),
        map_query_without_bbox: SearchParams { bbox: None, ..map_params }.to_query(),
        map,
        heading: title,
        total_text: tr.tn("search-total", result.total as i64),
        page_status: tr.t2(
            "pagination-status",
            "page",
            &tr.number(result.page as i64),
            "pages",
            &tr.number(result.pages as i64),
        ),
        cards,
        groups: groups(&tr, &params, &result),
        clear_url: format!("/{}/jobs", tr.locale),
        l,
        notices,
        sorts,
        active,
        suggestions,
        wider,
        prev,
        next,
        pages,
        posted_choices,
        radius_choices,
        near_value: params.near.as_ref().map(Near::as_param).unwrap_or_default(),
        hidden,
        params,
    }
}
