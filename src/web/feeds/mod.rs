//! `/{locale}/jobs/feed.atom` and `feed.rss`: the latest postings, for a whole locale or any
//! search; `/feeds/indeed.xml`: every open posting, for job aggregators.

mod indeed;
pub use indeed::indeed;

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
    /// RFC 2822, for RSS.
    pub pub_date: String,
    pub url: String,
    pub title: String,
    pub lang: Locale,
    pub summary: String,
    pub company: String,
    pub published: String,
    pub updated: String,
    pub categories: Vec<String>,
}

/// A feed's channel and entries, written out as Atom or RSS.
pub struct Feed {
    pub id: String,
    pub title: String,
    pub self_url: String,
    pub html_url: String,
    pub lang: Locale,
    pub updated: String,
    /// RFC 2822, for RSS.
    pub last_build: String,
    pub entries: Vec<FeedEntry>,
}

#[derive(Template)]
#[template(path = "feeds/atom.xml")]
pub struct AtomFeed {
    pub feed: Feed,
}

#[derive(Template)]
#[template(path = "feeds/rss.xml")]
pub struct RssFeed {
    pub feed: Feed,
}

/// The formats a search's feed comes in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Atom,
    Rss,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Atom => "atom",
            Format::Rss => "rss",
        }
    }
}

/// Where a search's feeds are: `query` is the search's canonical query string.
#[derive(Debug, Clone)]
pub struct FeedLinks {
    pub atom: String,
    pub rss: String,
}

impl FeedLinks {
    pub fn new(locale: Locale, query: &str) -> FeedLinks {
        let url = |format: Format| {
            let ext = format.extension();
            if query.is_empty() {
                format!("/{locale}/jobs/feed.{ext}")
            } else {
                format!("/{locale}/jobs/feed.{ext}?{query}")
            }
        };
        FeedLinks { atom: url(Format::Atom), rss: url(Format::Rss) }
    }
}

fn rfc3339(d: &chrono::NaiveDateTime) -> String {
    d.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn rfc2822(d: &chrono::NaiveDateTime) -> String {
    d.and_utc().to_rfc2822()
}

pub async fn atom(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let feed = load(&state, &path, &req, Format::Atom).await?;
    let xml = AtomFeed { feed }
        .render()
        .map_err(|e| AppError::Internal(format!("rendering the Atom feed: {e}")))?;
    Ok(HttpResponse::Ok().content_type("application/atom+xml; charset=utf-8").body(xml))
}

pub async fn rss(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let feed = load(&state, &path, &req, Format::Rss).await?;
    let xml = RssFeed { feed }
        .render()
        .map_err(|e| AppError::Internal(format!("rendering the RSS feed: {e}")))?;
    Ok(HttpResponse::Ok().content_type("application/rss+xml; charset=utf-8").body(xml))
}

/// The latest postings of the search in `req`'s query, in the path's language.
async fn load(
    state: &web::Data<AppState>,
    path: &str,
    req: &HttpRequest,
    format: Format,
) -> Result<Feed, AppError> {
    let tr = state.tr(path_locale(path)?);
    let (parsed, _) = SearchParams::parse(req.query_string());
    // A feed is always newest first, from the first page.
    let params = SearchParams { sort: Some(Sort::Newest), page: 1, ..parsed };
    let search = state.search.clone();
    let search_params = params.clone();
    let db_tr = tr.clone();
    let (result, cards) = with_conn(state, move |conn| {
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
                pub_date: rfc2822(&published),
                updated: rfc3339(&c.updated_at.max(published)),
                categories: c.skills.clone(),
            }
        })
        .collect();
    let updated = cards.iter().map(|c| c.updated_at).max().unwrap_or_else(crate::db::now);
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
    let self_url = format!("{base}/{}/jobs/feed.{}{suffix}", tr.locale, format.extension());
    Ok(Feed {
        id: self_url.clone(),
        title,
        self_url,
        html_url: format!("{base}/{}/jobs{suffix}", tr.locale),
        lang: tr.locale,
        updated: rfc3339(&updated),
        last_build: rfc2822(&updated),
        entries,
    })
}
