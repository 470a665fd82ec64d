//! `/{locale}/jobs/feed.atom`: the latest postings, for a whole locale or any search.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::{path_locale, with_conn};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::search::{SearchParams, Sort};
use crate::state::AppState;

const FEED_SIZE: usize = 50;

pub struct FeedEntry {
    pub id: String,
    pub url: String,
    pub title: String,
    pub lang: Locale,
    pub summary: String,
    pub company: String,
    pub published: String,
    pub updated: String,
    pub categories: Vec<String>,
}

#[derive(Template)]
#[template(path = "feeds/atom.xml")]
pub struct AtomFeed {
    pub id: String,
    pub title: String,
    pub self_url: String,
    pub html_url: String,
    pub lang: Locale,
    pub updated: String,
    pub entries: Vec<FeedEntry>,
}

fn rfc3339(d: &chrono::NaiveDateTime) -> String {
    d.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub async fn atom(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let tr = state.tr(path_locale(&path)?);
    let (parsed, _) = SearchParams::parse(req.query_string());
    // A feed is always newest first, from the first page.
    let params = SearchParams { sort: Some(Sort::Newest), page: 1, ..parsed };
    let search = state.search.clone();
    let search_params = params.clone();
    let db_tr = tr.clone();
    let (result, cards) = with_conn(&state, move |conn| {
        super::jobs::run_search(conn, &search, &search_params, &db_tr, FEED_SIZE)
    })
    .await?;
    let base = &state.config.base_url;
    let query = SearchParams { sort: None, ..params.clone() }.to_query();
    let suffix = if query.is_empty() { String::new() } else { format!("?{query}") };
    let entries: Vec<FeedEntry> = cards
        .iter()
        .map(|c| {
            let published = c.published_at.unwrap_or(c.updated_at);
            FeedEntry {
                id: format!("{base}/{}/jobs/{}", tr.locale, c.slug),
                url: format!("{base}/{}/jobs/{}", tr.locale, c.slug),
                title: c.title.value.clone(),
                lang: c.title.lang,
                summary: c.summary.clone(),
                company: c.company_name.clone(),
                published: rfc3339(&published),
                updated: rfc3339(&c.updated_at.max(published)),
                categories: c.skills.clone(),
            }
        })
        .collect();
    let updated = cards
        .iter()
        .map(|c| c.updated_at)
        .max()
        .map(|d| rfc3339(&d))
        .unwrap_or_else(|| rfc3339(&crate::db::now()));
    let title = if params.has_filters() {
        let filters: Vec<String> = result
            .without
            .iter()
            .map(|(filter, _)| {
                super::search_links::filter_label(&tr, &params, &result.facets, *filter)
            })
            .collect();
        tr.t1("feed-title-search", "query", &filters.join(", "))
    } else {
        tr.t("feed-title")
    };
    let feed = AtomFeed {
        id: format!("{base}/{}/jobs/feed.atom{suffix}", tr.locale),
        title,
        self_url: format!("{base}/{}/jobs/feed.atom{suffix}", tr.locale),
        html_url: format!("{base}/{}/jobs{suffix}", tr.locale),
        lang: tr.locale,
        updated,
        entries,
    };
    let xml = feed.render().map_err(|e| AppError::Internal(format!("rendering the feed: {e}")))?;
    Ok(HttpResponse::Ok().content_type("application/atom+xml; charset=utf-8").body(xml))
}
