//! The public site: HTML pages under `/{locale}/…`, feeds, sitemaps and health.

pub mod alerts;
pub mod applicant_links;
pub mod apply;
pub mod apply_guard;
pub mod apply_store;
pub mod card_cache;
pub mod companies;
pub mod data_export;
pub mod employers;
pub mod errors;
pub mod feeds;
pub mod health;
pub mod home;
pub mod job;
pub mod jobs;
pub mod json_ld;
pub mod locale;
pub mod map;
pub mod notice;
pub mod posting_extension;
pub mod public_cache;
pub mod search_links;
pub mod seo;
pub mod single_flight;
pub mod uploads;
pub mod versioned_cache;
pub mod view;

use std::sync::Arc;

use crate::db::DbConn;
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::state::AppState;

pub use json_ld::JsonLd;

/// [`crate::db::blocking`] for handlers: the error is the page's, so closures infer it.
pub async fn with_conn<T, F>(state: &AppState, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
{
    crate::db::blocking(&state.pool, f).await
}

/// Runs a short read-only `f`: on SQLite, when a connection is idle, right here on the
/// request's thread; otherwise like [`with_conn`]. SQLite runs in this process and its readers
/// never wait for writers (WAL), so a read of a few rows by key costs less CPU than the hand-off
/// to another thread and back (the search page walking uncached result pages went from about
/// 2,000 to 2,800 req/s, see `bench/`). Writes, long reads and PostgreSQL, whose queries
/// wait on the network, always go through the blocking pool.
pub async fn with_read_conn<T, F>(state: &AppState, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
{
    if state.backend == crate::db::Backend::Sqlite
        && let Some(mut conn) = state.pool.try_get()
    {
        return f(&mut conn);
    }
    with_conn(state, f).await
}

/// A search's text matches: none without text, else from the cache or read with one query,
/// once for all the requests asking at the same moment. The search page, the map and the API's
/// list start here.
pub async fn text_hits(
    state: &AppState,
    index: &Arc<crate::search::SearchIndex>,
    q: &str,
) -> Result<Option<Arc<crate::search::TextMatches>>, AppError> {
    if let Some(hits) = state.search.cached_text_matches(index, q) {
        return Ok(hits);
    }
    let read = || {
        let (search, index, q) = (state.search.clone(), index.clone(), q.to_owned());
        with_conn(state, move |conn| Ok(Arc::new(search.read_text_matches(conn, &index, &q)?)))
    };
    Ok(Some(state.search.text_matches_once(index, q, read).await?))
}

/// The locale segment of a public path; an unknown one is a 404.
pub fn path_locale(code: &str) -> Result<Locale, AppError> {
    Locale::parse(code).ok_or(AppError::NotFound)
}

/// A link to the same page in another language.
#[derive(Debug, Clone)]
pub struct Alternate {
    pub locale: Locale,
    pub url: String,
    pub current: bool,
}

/// What the base layout needs from every page.
#[derive(Debug, Clone)]
pub struct Layout {
    pub tr: Tr,
    pub title: String,
    pub description: String,
    /// Absolute URL of this page in this language.
    pub canonical: String,
    /// Absolute URLs of this page in every language, for `hreflang`.
    pub alternates: Vec<Alternate>,
    /// The language switcher's links (through `/language/…`, which remembers the choice),
    /// keeping the page and its query.
    pub switcher: Vec<Alternate>,
    pub x_default: String,
    pub noindex: bool,
    pub json_ld: Option<JsonLd>,
    /// The feeds of the page's search, advertised in the head and the footer.
    pub feeds: Option<feeds::FeedLinks>,
    /// Absolute URL of the picture a shared link shows (OpenGraph), if the page has one.
    pub image: Option<String>,
    /// The navigation entry to mark as current.
    pub section: &'static str,
}

impl Layout {
    /// `path` is the part after `/{locale}` (e.g. `/jobs`), `query` the kept query string.
    pub fn new(tr: Tr, base_url: &str, path: &str, query: &str, title: String) -> Layout {
        let suffix = if query.is_empty() { String::new() } else { format!("?{query}") };
        let local = |l: Locale| format!("/{}{path}{suffix}", l.as_str());
        let alternates: Vec<Alternate> = Locale::all()
            .iter()
            .map(|l| Alternate {
                locale: *l,
                url: format!("{base_url}{}", local(*l)),
                current: *l == tr.locale,
            })
            .collect();
        let switcher = Locale::all()
            .iter()
            .map(|l| Alternate {
                locale: *l,
                url: locale::switch_url(*l, &local(*l)),
                current: *l == tr.locale,
            })
            .collect();
        Layout {
            tr: tr.clone(),
            description: tr.t("site-description"),
            title,
            canonical: format!("{base_url}{}", local(tr.locale)),
            x_default: format!("{base_url}{}", local(Locale::EN)),
            alternates,
            switcher,
            noindex: false,
            json_ld: None,
            feeds: None,
            image: None,
            section: "",
        }
    }

    pub fn lang(&self) -> &'static str {
        self.tr.locale.as_str()
    }

    /// The page's language as OpenGraph spells a locale (language_TERRITORY).
    pub fn og_locale(&self) -> &'static str {
        self.tr.locale.og_locale()
    }
}

/// `303 See Other` to `location`. Control characters are percent-encoded on the way: a CR/LF
/// that came in through a parameter would split the header (actix refuses to send such a
/// header and answers 500 instead).
pub fn see_other(location: &str) -> actix_web::HttpResponse {
    let mut clean = String::with_capacity(location.len());
    for c in location.chars() {
        if c.is_control() {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                clean.push_str(&format!("%{byte:02X}"));
            }
        } else {
            clean.push(c);
        }
    }
    actix_web::HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, clean))
        .finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn redirects_carry_no_control_characters() {
        let res = super::see_other("/admin/jobs\r\nSet-Cookie: x=1\u{85}");
        assert_eq!(res.status(), 303);
        assert_eq!(
            res.headers().get("location").unwrap(),
            "/admin/jobs%0D%0ASet-Cookie: x=1%C2%85"
        );
    }
}
