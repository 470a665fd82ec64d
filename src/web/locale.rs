//! `/` sends visitors to their language; visiting a language remembers it for next time.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
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

/// After a successful page in `/{locale}/…`, stores that language in a cookie when it differs
/// from the one remembered, so that `/` returns there.
pub async fn remember(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let visited = req.path().split('/').nth(1).and_then(Locale::parse);
    let remembered = req.cookie(COOKIE).and_then(|c| Locale::parse(c.value()));
    let secure = req.app_data::<web::Data<AppState>>().is_some_and(|s| s.config.is_https());
    let mut res = next.call(req).await?;
    if let Some(locale) = visited
        && remembered != Some(locale)
        && res.status().is_success()
    {
        let cookie = Cookie::build(COOKIE, locale.as_str())
            .path("/")
            .max_age(Duration::days(365))
            .same_site(SameSite::Lax)
            .http_only(true)
            .secure(secure)
            .finish();
        res.response_mut().add_cookie(&cookie)?;
    }
    Ok(res)
}
