//! Error pages: every bare error response (an `AppError`, or a 404 for an unknown path)
//! becomes a page in the visitor's language.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::header;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::Layout;
use crate::error::{AppError, ErrorCode, InvalidFields};
use crate::i18n::{Locale, negotiate};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "errors/error.html")]
pub struct ErrorPage {
    pub l: Layout,
    pub status: u16,
    pub heading: String,
    pub message: String,
    pub home_url: String,
    pub search_url: String,
    /// The request id, for a server fault someone may report.
    pub reference: Option<String>,
}

/// The language of an error page: from the path when it has one, else negotiated.
fn locale_of(req: &HttpRequest, default: Locale) -> Locale {
    if let Some(l) = req.path().split('/').nth(1).and_then(Locale::parse) {
        return l;
    }
    let cookie = req.cookie(super::locale::COOKIE);
    let accept = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    negotiate(cookie.as_ref().map(|c| c.value()), accept, default)
}

/// The default service: no route matched.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// The kind of error a bare status stands for.
fn code_of_status(status: actix_web::http::StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "error-bad-request",
        403 => "error-forbidden",
        404 => "error-not-found",
        405 => "error-method-not-allowed",
        406 => "error-not-acceptable",
        413 => "error-too-large",
        415 => "error-unsupported-media-type",
        503 => "error-unavailable",
        _ if status.is_client_error() => "error-bad-request",
        _ => "error-internal",
    }
}

/// Replaces the empty body of an error response with the localized page.
pub fn render<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let code = res.response().extensions().get::<ErrorCode>().copied().map(|c| c.0);
    // Under /api/ every error is a problem document, whoever answered: an extractor's 413 or
    // 400 carries no code but its status.
    let code = code.or_else(|| {
        let is_problem = res
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
        (crate::api::is_api(res.request().path()) && !is_problem)
            .then(|| code_of_status(res.status()))
    });
    let Some(code) = code else {
        // A handler's own page (a form with errors, a JSON error): leave it alone.
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    };
    let status = res.status();
    let (req, original) = res.into_parts();
    let Some(state) = req.app_data::<actix_web::web::Data<AppState>>().cloned() else {
        // Only an app without its state answers here: nothing to write the page with.
        return Ok(ErrorHandlerResponse::Response(
            ServiceResponse::new(req, original).map_into_left_body(),
        ));
    };
    let (base_url, default) = (state.config.base_url.clone(), state.config.default_locale);
    if crate::api::is_api(req.path()) {
        let fields = original.extensions().get::<InvalidFields>().map(|f| f.0.clone());
        let arg = original.extensions().get::<crate::api::auth::ProblemArg>().cloned();
        let tr = state.tr(crate::api::problem::locale_of(&req, default));
        let problem = crate::api::problem::problem(
            tr,
            &base_url,
            status,
            code,
            fields.as_deref().unwrap_or_default(),
            arg.as_ref(),
        );
        let response = crate::api::problem::respond(&problem, original.headers());
        return Ok(ErrorHandlerResponse::Response(
            ServiceResponse::new(req, response).map_into_right_body(),
        ));
    }
    let tr = state.tr(locale_of(&req, default));
    let heading = tr.t(&format!("{code}-title"));
    let mut l = Layout::new(tr.clone(), &base_url, "/", "", heading.clone());
    l.noindex = true;
    let page = ErrorPage {
        l,
        status: status.as_u16(),
        heading,
        message: tr.t(code),
        home_url: format!("/{}/", tr.locale),
        search_url: format!("/{}/jobs", tr.locale),
        reference: status.is_server_error().then(|| crate::security::events::request_id(&req)),
    };
    let mut response = match page.render() {
        Ok(html) => HttpResponse::build(status).content_type("text/html; charset=utf-8").body(html),
        Err(e) => {
            log::error!("rendering the error page: {e}");
            HttpResponse::build(status)
                .content_type("text/plain; charset=utf-8")
                .body(status.to_string())
        }
    };
    // What the error said besides its body stays: `Allow` of a 405, `Retry-After` of a 429.
    for (name, value) in original.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            response.headers_mut().append(name.clone(), value.clone());
        }
    }
    let response: HttpResponse<BoxBody> = response;
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, response).map_into_right_body()))
}
