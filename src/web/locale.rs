//! `/` sends visitors to their language; choosing one in the switcher remembers it for next
//! time.

use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::i18n::{Locale, negotiate};
use crate::state::AppState;

pub const COOKIE: &str = "locale";

pub async fn root(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let cookie = req.cookie(COOKIE);
    let accept = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let locale = negotiate(cookie.as_ref().map(|c| c.value()), accept, state.config.default_locale);
    HttpResponse::Found()
        .insert_header((header::LOCATION, format!("/{}/", locale.as_str())))
        .insert_header((header::VARY, "Accept-Language, Cookie"))
        .finish()
}

/// `/de` without the slash is the German home page too.
pub async fn bare_locale(path: web::Path<String>) -> Result<HttpResponse, crate::error::AppError> {
    let locale = super::path_locale(&path)?;
    Ok(HttpResponse::MovedPermanently()
        .insert_header((header::LOCATION, format!("/{}/", locale.as_str())))
        .finish())
}

/// `GET /language/{locale}?to=/de/jobs…`: the language switcher's links. Remembers the choice
/// in a cookie, so that `/` returns there, and goes on to `to`, the page in that language. Only
/// this choice sets the cookie: visiting a page sets none, so a shared cache may keep pages.
/// A `to` that is not a page of that language goes to its home page instead: the link cannot
/// send anyone elsewhere.
pub async fn switch(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<SwitchQuery>,
) -> Result<HttpResponse, crate::error::AppError> {
    let locale = super::path_locale(&path)?;
    let home = format!("/{}/", locale.as_str());
    let to = query.to.as_deref().filter(|to| is_page_of(to, locale)).unwrap_or(&home);
    let cookie = Cookie::build(COOKIE, locale.as_str())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(state.config.is_https())
        .finish();
    let mut res = super::see_other(to);
    res.add_cookie(&cookie).map_err(|e| {
        crate::error::AppError::Internal(format!("setting the language cookie: {e}"))
    })?;
    res.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    Ok(res)
}

#[derive(serde::Deserialize)]
pub struct SwitchQuery {
    to: Option<String>,
}

/// The switcher's link to `to`, a page in `locale`.
pub fn switch_url(locale: Locale, to: &str) -> String {
    format!("/language/{}?to={}", locale.as_str(), urlencoding::encode(to))
}

/// Whether `to` is a path on this site under `/{locale}/`, with nothing that could make a
/// browser read it as another host (`//`, `\`) or split a header.
fn is_page_of(to: &str, locale: Locale) -> bool {
    let prefix = format!("/{}/", locale.as_str());
    to.starts_with(&prefix)
        && !to.contains('\\')
        && !to.contains("//")
        && !to.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_goes_only_to_pages_of_its_language() {
        assert!(is_page_of("/de/", Locale::DE));
        assert!(is_page_of("/de/jobs?q=rust&page=2", Locale::DE));
        for to in [
            "/en/jobs",
            "/de",
            "//evil.example/de/",
            "/de//evil",
            "/de/\\evil",
            "https://x/de/",
            "/de/\r\nX: y",
        ] {
            assert!(!is_page_of(to, Locale::DE), "{to}");
        }
        assert_eq!(
            switch_url(Locale::UK, "/uk/jobs?q=a b&x=1"),
            "/language/uk?to=%2Fuk%2Fjobs%3Fq%3Da%20b%26x%3D1"
        );
    }
}
