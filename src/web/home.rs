//! `/{locale}/`: search box, latest postings, counts, top skills and cities.

use std::sync::Arc;

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;

use super::card_cache::card_views;
use super::jobs::Choice;
use super::view::CardView;
use super::{Layout, path_locale};
use crate::error::AppError;
use crate::search::SearchParams;
use crate::state::AppState;

const LATEST: usize = 8;

#[derive(Template, WebTemplate)]
#[template(path = "public/home.html")]
pub struct HomePage {
    pub l: Layout,
    pub stats: String,
    pub latest: Vec<Arc<CardView>>,
    pub top_skills: Vec<Choice>,
    pub top_cities: Vec<Choice>,
    pub remote: Choice,
    pub search_url: String,
}

pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HomePage, AppError> {
    let tr = state.tr(path_locale(&path)?);
    let index = state.search.get();
    let now = crate::db::now();
    let result = index.search(&SearchParams { page: 1, ..Default::default() }, None, now, LATEST);
    let cards = card_views(&state, &index, &result.ids, tr.clone()).await?;
    let mut l = Layout::new(tr.clone(), &state.config.base_url, "/", "", tr.t("home-title"));
    l.section = "home";
    l.feeds = Some(super::feeds::FeedLinks::new(tr.locale, ""));
    let jobs = tr.tn("home-stats-jobs", result.total as i64);
    let companies = tr.tn("home-stats-companies", index.hiring_companies(now) as i64);
    let link = |label: String, query: String, count: u32| Choice {
        label,
        url: format!("/{}/jobs?{query}", tr.locale),
        count: Some(count),
        selected: false,
    };
    let remote_count = result
        .facets
        .workplace
        .iter()
        .find(|f| f.value.as_str() == "remote")
        .map_or(0, |f| f.count);
    Ok(HomePage {
        stats: tr.t2("home-stats", "jobs", &jobs, "companies", &companies),
        latest: cards,
        top_skills: result
            .facets
            .skill
            .iter()
            .take(12)
            .map(|s| link(s.names.get(tr.locale).to_owned(), format!("skill={}", s.slug), s.count))
            .collect(),
        top_cities: result
            .facets
            .city
            .iter()
            .take(12)
            .map(|c| {
                link(
                    c.value.get(tr.locale).to_owned(),
                    url::form_urlencoded::Serializer::new(String::new())
                        .append_pair("city", c.value.get(tr.locale))
                        .finish(),
                    c.count,
                )
            })
            .collect(),
        remote: link(tr.t("workplace-remote"), "workplace=remote".into(), remote_count),
        search_url: format!("/{}/jobs", tr.locale),
        l,
    })
}
